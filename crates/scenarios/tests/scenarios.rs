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
            assert!(!step.library_call.trim().is_empty(), "{}", scenario.slug);
            assert!(
                step.what_happens.split_whitespace().count() >= 10,
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
