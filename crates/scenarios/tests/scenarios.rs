//! What every teaching scenario promises: a valid record, steps in order that each
//! name their call and principle, the same bytes every run, and no personal data in
//! the practice report it ends with.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use partnership_record::{PartnershipRecord, Principle};
use partnership_scenarios::{Scenario, all};

fn scenarios() -> Vec<Scenario> {
    all().unwrap()
}

#[test]
fn there_are_eleven_scenarios_with_distinct_names() {
    let all = scenarios();
    let slugs: BTreeSet<_> = all.iter().map(|s| s.slug).collect();
    assert_eq!(all.len(), 11);
    assert_eq!(slugs.len(), 11);
}

#[test]
fn every_record_is_valid_and_reads_back_from_its_own_json() {
    for scenario in scenarios() {
        let json = scenario.record.to_json();
        let back = PartnershipRecord::from_json(&json)
            .unwrap_or_else(|e| panic!("{}: {e}", scenario.slug));
        assert_eq!(back, scenario.record, "{}", scenario.slug);
        assert!(
            scenario.record.disclosures().verify().is_ok(),
            "{}",
            scenario.slug
        );
    }
}

#[test]
fn steps_are_in_date_order_and_each_names_its_call_and_principle() {
    for scenario in scenarios() {
        assert!(
            scenario.steps.len() >= 4,
            "{} is too short to teach",
            scenario.slug
        );
        assert!(
            scenario.steps.windows(2).all(|w| w[0].on <= w[1].on),
            "{}",
            scenario.slug
        );
        for step in &scenario.steps {
            assert!(
                step.library_calls.iter().all(|c| !c.trim().is_empty()),
                "{}",
                scenario.slug
            );
            assert!(
                step.for_practitioners.split_whitespace().count() >= 10,
                "{}",
                scenario.slug
            );
            assert!(step.on <= scenario.as_of, "{}", scenario.slug);
        }
    }
}

#[test]
fn the_course_shows_every_principle_of_the_model() {
    let shown: BTreeSet<Principle> = scenarios()
        .iter()
        .flat_map(|s| s.steps.iter().map(|step| step.principle))
        .collect();
    let every = [
        Principle::MutualRespect,
        Principle::SharedResponsibility,
        Principle::OpenCommunication,
        Principle::Inclusivity,
        Principle::Empowerment,
        Principle::Transparency,
        Principle::Confidentiality,
        Principle::ChildParticipation,
        Principle::SupportForCarers,
        Principle::MonitoringAndReview,
        Principle::ValuingCarersExpertise,
        Principle::CulturalSensitivity,
        Principle::ConsistencyAcrossServices,
        Principle::Adaptability,
    ];
    let missing: Vec<_> = every.iter().filter(|p| !shown.contains(p)).collect();
    assert!(missing.is_empty(), "no step shows {missing:?}");
}

#[test]
fn building_a_scenario_twice_gives_the_same_bytes() {
    let first: Vec<String> = scenarios().iter().map(|s| s.record.to_json()).collect();
    let second: Vec<String> = scenarios().iter().map(|s| s.record.to_json()).collect();
    assert_eq!(first, second);
}

#[test]
fn practice_reports_name_nobody() {
    for scenario in scenarios() {
        let report = scenario.record.practice_report(scenario.as_of);
        let text = format!(
            "{}{}",
            report.to_text(),
            serde_json::to_string(&report).unwrap()
        );
        let child = scenario.record.child().name().expose().as_str().to_owned();
        let mut names = vec![child];
        names.extend(
            scenario
                .record
                .carers()
                .iter()
                .map(|c| c.name().expose().as_str().to_owned()),
        );
        names.extend(
            scenario
                .record
                .professionals()
                .iter()
                .map(|p| p.name.expose().as_str().to_owned()),
        );
        for name in names {
            for part in name.split_whitespace().filter(|p| p.len() > 3) {
                assert!(
                    !text.contains(part),
                    "{} report names {part}",
                    scenario.slug
                );
            }
        }
    }
}

#[test]
fn debug_output_of_a_record_holds_no_names() {
    for scenario in scenarios() {
        let debug = format!("{:?}", scenario.record);
        let child = scenario.record.child().name().expose().as_str().to_owned();
        assert!(!debug.contains(&child), "{}", scenario.slug);
    }
}

/// True for text holding a UUID in its canonical form.
fn holds_a_uuid(text: &str) -> bool {
    text.split(|c: char| !(c.is_ascii_hexdigit() || c == '-'))
        .any(|word| uuid::Uuid::try_parse(word).is_ok() && word.len() == 36)
}

#[test]
fn steps_name_people_by_role_and_never_by_id() {
    for scenario in scenarios() {
        for step in &scenario.steps {
            assert!(
                !holds_a_uuid(&step.for_practitioners),
                "{}: {}",
                scenario.slug,
                step.for_practitioners
            );
            assert!(
                !step.for_practitioners.contains("::"),
                "{}: the practitioners' voice names an API: {}",
                scenario.slug,
                step.for_practitioners
            );
            let parties = serde_json::to_string(&step.parties).unwrap();
            assert!(!holds_a_uuid(&parties), "{}", scenario.slug);
            for decision in &step.decisions {
                assert!(!holds_a_uuid(&decision.in_words), "{}", scenario.slug);
            }
        }
    }
    // The check can fail: a canonical UUID is seen.
    assert!(holds_a_uuid(
        "under rule 5ce00007-0000-4000-8000-000000000013."
    ));
}

#[test]
fn every_part_a_step_changed_is_in_the_record_and_every_change_is_in_a_step() {
    for scenario in scenarios() {
        let json = serde_json::to_value(&scenario.record).unwrap();
        let mut pointers = BTreeSet::new();
        for step in &scenario.steps {
            for pointer in &step.changed {
                assert!(
                    json.pointer(pointer).is_some(),
                    "{}: {pointer} is not in the record",
                    scenario.slug
                );
                pointers.insert(pointer.clone());
            }
        }
        // Everything the provenance says was changed, a step says it changed.
        for entry in scenario.record.provenance() {
            let id = entry.subject.to_string();
            assert!(
                pointers
                    .iter()
                    .any(|p| json.pointer(p).and_then(|v| v.get("id")) == Some(&id.clone().into())),
                "{}: no step tells of the change to {:?}",
                scenario.slug,
                entry.change
            );
        }
    }
}

#[test]
fn every_ledger_entry_is_a_decision_in_exactly_one_step() {
    for scenario in scenarios() {
        let recorded: Vec<_> = scenario
            .steps
            .iter()
            .flat_map(|s| &s.decisions)
            .filter(|d| d.answer.recorded)
            .collect();
        let ledger = scenario.record.disclosures();
        assert_eq!(recorded.len(), ledger.len(), "{}", scenario.slug);
        for (n, (entry, decision)) in ledger.iter().zip(&recorded).enumerate() {
            assert_eq!(
                decision.answer.ledger_index,
                Some(n as u64),
                "{}",
                scenario.slug
            );
            assert_eq!(
                entry.decision, decision.answer.decision,
                "{}",
                scenario.slug
            );
            assert!(
                scenario
                    .steps
                    .iter()
                    .any(|s| s.changed.contains(&format!("/disclosures/{n}"))),
                "{}",
                scenario.slug
            );
        }
    }
}

#[test]
fn a_scenario_serialises_with_its_steps_as_data() {
    let scenario = partnership_scenarios::safeguarding_one_carer().unwrap();
    let json = serde_json::to_value(&scenario).unwrap();
    let steps = json["steps"].as_array().unwrap();
    assert_eq!(steps.len(), scenario.steps.len());
    // The second step's decision: a permit under the justification, recorded first.
    let decisions = steps[1]["decisions"].as_array().unwrap();
    assert_eq!(decisions[0]["answer"]["recorded"], false);
    assert_eq!(decisions[1]["answer"]["recorded"], true);
    assert_eq!(decisions[1]["answer"]["decision"]["kind"], "permit");
    assert_eq!(decisions[1]["recipient"]["role"], "social worker");
    assert_eq!(
        decisions[1]["askedBy"]["role"],
        "designated safeguarding lead"
    );
    // The fourth: refused, the withheld address named as withheld, not who it protects.
    assert_eq!(
        steps[3]["decisions"][0]["answer"]["decision"]["kind"],
        "refuse"
    );
    assert!(
        steps[3]["decisions"][0]["inWords"]
            .as_str()
            .unwrap()
            .contains("contact details are withheld from this recipient")
    );
    assert_eq!(json["report"]["asOf"], "2026-11-23");
}

#[test]
fn at_least_four_scenarios_end_with_something_to_act_on() {
    let with: Vec<_> = scenarios()
        .into_iter()
        .filter(|s| s.exercise.is_some())
        .collect();
    assert!(with.len() >= 4, "{}", with.len());
    for scenario in &with {
        let exercise = scenario.exercise.as_ref().unwrap();
        assert!(!exercise.findings.is_empty(), "{}", scenario.slug);
        assert!(exercise.as_of >= scenario.as_of, "{}", scenario.slug);
        // The findings are the report's on the exercise day, read again from the
        // record's own JSON: a learner's answer is checked against the library.
        let record = PartnershipRecord::from_json(&scenario.record.to_json()).unwrap();
        assert_eq!(
            record.practice_report(exercise.as_of).findings,
            exercise.findings,
            "{}",
            scenario.slug
        );
        for question in &exercise.questions {
            assert!(!question.decision.answer.recorded, "{}", scenario.slug);
            let permitted = question.decision.answer.decision.is_permit();
            assert_eq!(question.answer, if permitted { "Yes" } else { "No" });
            assert!(
                !holds_a_uuid(&question.decision.in_words),
                "{}",
                scenario.slug
            );
        }
    }
    // The codes the course teaches through its exercises.
    let taught: BTreeSet<_> = with
        .iter()
        .flat_map(|s| s.exercise.as_ref().unwrap().findings.iter().map(|f| f.code))
        .collect();
    use partnership_record::FindingCode;
    for code in [
        FindingCode::GoalWithoutReviewSchedule,
        FindingCode::ConsentRequestUnanswered,
        FindingCode::RestrictionNotReconsidered,
        FindingCode::UpdateOverdue,
        FindingCode::ReviewOverdue,
    ] {
        assert!(taught.contains(&code), "no exercise teaches {code:?}");
    }
}

#[test]
fn an_exercise_answer_is_the_records_own_decision() {
    let scenario = partnership_scenarios::safeguarding_one_carer().unwrap();
    let exercise = scenario.exercise.unwrap();
    let address = &exercise.questions[0];
    assert_eq!(address.answer, "No");
    assert!(matches!(
        address.decision.answer.decision.reasons(),
        [partnership_consent::RefusalReason::Withheld { .. }]
    ));
    // The justification had ended by January: the second answer says so.
    assert!(
        exercise.questions[1]
            .decision
            .in_words
            .contains("outside the window")
    );
}
