//! The duty to share safeguarding information between relevant persons (Children Act
//! 2004 s.16LA, inserted by the Children's Wellbeing and Schools Act 2026 s.4) and its
//! exception (s.16LA(3)), where the record decides: not in force until the service sets
//! a commencement day, recorded with that day, and a decision not to disclose under
//! the exception recorded like a permit, with the human decision.
//!
//! The record is the safeguarding scenario's: the school's designated safeguarding lead
//! shares with the social worker in children's social care on 5 October 2026.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use partnership::chrono::{DateTime, Duration, NaiveDate, Utc};
use partnership::consent::{
    DetrimentExceptionParts, DetrimentReason, JustificationProblem, LawInForce, LawfulBasis,
    LedgerEntry, PermitBasis, RefusalReason, SharingDecision, SharingQuestion,
};
use partnership::core::{ProfessionalId, Sensitive};
use partnership::record::{DecisionError, PartnershipRecord, Rule};
use serde_json::{Value, json};

mod common;
use common::problems;
use common::safeguarding::case;

const JAMIE: &str = "2018-08-30";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn from(d: NaiveDate) -> LawInForce {
    LawInForce {
        duty_to_share_from: Some(d),
        ..LawInForce::default()
    }
}

/// The scenario before its first decision, the justification on the duty to share.
fn on_the_duty() -> (PartnershipRecord, SharingQuestion, DateTime<Utc>) {
    case(&LawfulBasis::DutyToShare, None, JAMIE)
}

fn refused_for(decision: &SharingDecision, wanted: &JustificationProblem) -> bool {
    decision
        .reasons()
        .iter()
        .any(|r| matches!(r, RefusalReason::Justification { problem, .. } if problem == wanted))
}

/// The record's JSON with entry `index` changed by `change` and every hash from it on
/// recomputed, as a forger with a script would.
fn forged(record: &PartnershipRecord, index: usize, change: impl FnOnce(&mut Value)) -> Value {
    let mut json: Value = serde_json::from_str(&record.to_json()).unwrap();
    change(&mut json["disclosures"][index]);
    let mut previous = json["disclosures"][index]["previousHash"].clone();
    for entry in json["disclosures"].as_array_mut().unwrap()[index..].iter_mut() {
        entry["previousHash"] = previous;
        let mut read: LedgerEntry = serde_json::from_value(entry.clone()).unwrap();
        read.hash = read.expected_hash();
        *entry = serde_json::to_value(&read).unwrap();
        previous = entry["hash"].clone();
    }
    json.as_object_mut().unwrap().remove("checkpoints");
    json
}

#[test]
fn the_duty_is_no_basis_until_the_service_sets_its_day() {
    let (record, question, at) = on_the_duty();
    // The library's default: no day set.
    for law in [LawInForce::default(), from(day(2026, 10, 6))] {
        let mut record = record.clone();
        let decided = record.decide_under(&question, at, &law).unwrap();
        assert!(
            refused_for(
                decided.decision(),
                &JustificationProblem::BasisNotInForce {
                    from: law.duty_to_share_from
                }
            ),
            "{decided}"
        );
        assert!(decided.disclosure().is_none());
    }
    // `decide` is `decide_under` the default.
    let mut plain = record.clone();
    assert!(!plain.decide(&question, at).unwrap().decision().is_permit());
}

#[test]
fn from_its_day_the_duty_permits_and_the_permit_records_the_day_and_the_humans() {
    let (mut record, question, at) = on_the_duty();
    let law = from(day(2026, 10, 5));
    let decided = record.decide_under(&question, at, &law).unwrap();
    let Some(disclosure) = decided.disclosure() else {
        panic!("refused: {decided}");
    };
    let PermitBasis::Safeguarding {
        decided_by,
        approved_by,
        decided_at,
        duty_to_share_from,
        ..
    } = disclosure.basis()
    else {
        panic!("not on the justification: {decided}");
    };
    let justification = &record.justifications()[0];
    assert_eq!(*decided_by, Some(justification.decided_by()));
    assert_eq!(*approved_by, justification.approved_by());
    assert_eq!(*decided_at, justification.decided_at());
    assert_eq!(*duty_to_share_from, Some(day(2026, 10, 5)));
    // Written and read again, the ledger checks out on the day it recorded.
    let again = PartnershipRecord::from_json(&record.to_json()).unwrap();
    assert_eq!(again, record);
}

#[test]
fn a_permit_on_the_duty_forged_before_its_day_or_without_one_is_found() {
    let (mut record, question, at) = on_the_duty();
    record
        .decide_under(&question, at, &from(day(2026, 10, 5)))
        .unwrap();
    for day in [json!("2026-10-06"), Value::Null] {
        let json = forged(&record, 0, |entry| {
            let basis = entry["decision"]["basis"].as_object_mut().unwrap();
            match &day {
                Value::Null => basis.remove("dutyToShareFrom"),
                d => basis.insert("dutyToShareFrom".into(), d.clone()),
            };
        });
        let found = problems(&json);
        assert!(
            found.contains(&(
                "/disclosures/0/decision/basis".into(),
                Rule::PermitWithoutBasis
            )),
            "{day}: {found:?}"
        );
    }
}

#[test]
fn a_permit_names_the_humans_its_justification_names() {
    let (mut record, question, at) = case(&LawfulBasis::PublicTask, None, JAMIE);
    record.decide(&question, at).unwrap();
    let someone = ProfessionalId::random().to_string();
    let json = forged(&record, 0, |entry| {
        entry["decision"]["basis"]["approvedBy"] = json!(someone);
    });
    assert!(problems(&json).contains(&(
        "/disclosures/0/decision/basis".into(),
        Rule::LedgerEntryInconsistent
    )));
    // An entry recorded before permits kept the human decision has none of it, and
    // stands on its justification.
    let json = forged(&record, 0, |entry| {
        let basis = entry["decision"]["basis"].as_object_mut().unwrap();
        for field in ["decidedBy", "approvedBy", "decidedAt"] {
            basis.remove(field);
        }
    });
    assert_eq!(problems(&json), vec![]);
}

#[test]
fn a_justification_without_its_decision_time_permits_nothing() {
    let (record, question, at) = case(&LawfulBasis::PublicTask, None, JAMIE);
    let mut json: Value = serde_json::from_str(&record.to_json()).unwrap();
    json["justifications"][0]
        .as_object_mut()
        .unwrap()
        .remove("decidedAt");
    let mut record = PartnershipRecord::from_json(&json.to_string()).unwrap();
    let decided = record.decide(&question, at).unwrap();
    assert!(refused_for(
        decided.decision(),
        &JustificationProblem::DecisionTimeNotRecorded
    ));
    // Decided after the share was asked about: nothing either.
    let (record, question, at) = case(&LawfulBasis::PublicTask, None, JAMIE);
    let mut json: Value = serde_json::from_str(&record.to_json()).unwrap();
    json["justifications"][0]["decidedAt"] = json!(
        (at + Duration::minutes(30))
            .to_rfc3339_opts(partnership::chrono::SecondsFormat::AutoSi, true)
    );
    let mut record = PartnershipRecord::from_json(&json.to_string()).unwrap();
    let decided = record.decide(&question, at).unwrap();
    assert!(!decided.decision().is_permit(), "{decided}");
}

/// The scenario's two safeguarding professionals: who decided and who approved.
fn dsl_and_head(record: &PartnershipRecord) -> (ProfessionalId, ProfessionalId) {
    let j = &record.justifications()[0];
    (j.decided_by(), j.approved_by().unwrap())
}

fn exception(decided_by: ProfessionalId, approved_by: ProfessionalId) -> DetrimentExceptionParts {
    DetrimentExceptionParts {
        reason: DetrimentReason::GreaterRiskOfHarm,
        explanation: Sensitive::new(
            "The referral would reach the father through the shared family worker".into(),
        ),
        decided_by,
        approved_by,
        // Whatever the caller writes, the day recorded is the service's.
        duty_to_share_from: day(2001, 1, 1),
    }
}

#[test]
fn not_disclosing_under_the_exception_is_recorded_like_a_permit() {
    let (mut record, question, at) = on_the_duty();
    let (dsl, head) = dsl_and_head(&record);
    let law = from(day(2026, 9, 1));
    let index = record
        .record_not_disclosed(&question, exception(dsl, head), at, &law)
        .unwrap();
    let entry = record.disclosures().iter().last().unwrap();
    assert_eq!(entry.index, index);
    assert_eq!(entry.recorded_at, at);
    let SharingDecision::NotDisclosed { exception } = &entry.decision else {
        panic!("{}", entry.decision);
    };
    assert_eq!(exception.decided_by(), dsl);
    assert_eq!(exception.approved_by(), head);
    assert_eq!(exception.duty_to_share_from(), day(2026, 9, 1));
    assert!(entry.decision.to_string().contains("s.16LA(3)"));
    // Nothing personal in what the decision says.
    assert!(!entry.decision.to_string().contains("father"));
    let again = PartnershipRecord::from_json(&record.to_json()).unwrap();
    assert_eq!(again, record);
    // A question is decided once.
    assert!(matches!(
        record.record_not_disclosed(&question, self::exception(dsl, head), at, &law),
        Err(DecisionError::AlreadyDecided { .. })
    ));
}

#[test]
fn the_exception_exists_only_where_the_duty_does() {
    let (record, question, at) = on_the_duty();
    let (dsl, head) = dsl_and_head(&record);
    for law in [LawInForce::default(), from(day(2026, 10, 6))] {
        let mut record = record.clone();
        let before = record.clone();
        let refused = record.record_not_disclosed(&question, exception(dsl, head), at, &law);
        assert!(
            matches!(refused, Err(DecisionError::DutyDoesNotApply { .. })),
            "{refused:?}"
        );
        assert_eq!(record, before, "nothing recorded");
    }
    // To a carer, who is not a relevant person.
    let mut record = record.clone();
    let carer = record.carers()[0].id();
    let to_carer: SharingQuestion = serde_json::from_value(json!({
        "id": "00000000-0000-4000-8000-0000000000c1",
        "child": record.child().id(),
        "requestedBy": dsl,
        "recipient": {"kind": "carer", "id": carer},
        "purpose": {"kind": "safeguarding"},
        "dataCategories": [{"kind": "safeguarding-information"}],
    }))
    .unwrap();
    let refused =
        record.record_not_disclosed(&to_carer, exception(dsl, head), at, &from(day(2026, 9, 1)));
    assert!(
        matches!(refused, Err(DecisionError::DutyDoesNotApply { .. })),
        "{refused:?}"
    );
}

#[test]
fn the_exception_names_two_professionals_of_the_team() {
    let (record, question, at) = on_the_duty();
    let (dsl, head) = dsl_and_head(&record);
    let law = from(day(2026, 9, 1));
    let stranger = ProfessionalId::random();
    for (parts, pointer) in [
        (exception(stranger, head), "/decidedBy"),
        (exception(dsl, stranger), "/approvedBy"),
        (exception(dsl, dsl), "/approvedBy"),
        (
            DetrimentExceptionParts {
                explanation: Sensitive::new(" \u{200B} ".into()),
                ..exception(dsl, head)
            },
            "/explanation",
        ),
    ] {
        let mut record = record.clone();
        match record.record_not_disclosed(&question, parts, at, &law) {
            Err(DecisionError::Exception { problems }) => assert!(
                problems.iter().any(|p| p.pointer == pointer),
                "{pointer}: {problems:?}"
            ),
            other => panic!("{pointer}: {other:?}"),
        }
        assert!(record.disclosures().is_empty());
    }
}

#[test]
fn a_forged_exception_is_found() {
    let (mut record, question, at) = on_the_duty();
    let (dsl, head) = dsl_and_head(&record);
    record
        .record_not_disclosed(&question, exception(dsl, head), at, &from(day(2026, 9, 1)))
        .unwrap();
    // Dated after the decision: the duty was not in force.
    let json = forged(&record, 0, |entry| {
        entry["decision"]["exception"]["dutyToShareFrom"] = json!("2026-10-06");
    });
    assert!(problems(&json).contains(&(
        "/disclosures/0/decision/exception/dutyToShareFrom".into(),
        Rule::LedgerEntryInconsistent
    )));
    // Approved by someone not in the team.
    let json = forged(&record, 0, |entry| {
        entry["decision"]["exception"]["approvedBy"] = json!(ProfessionalId::random());
    });
    assert!(problems(&json).contains(&(
        "/disclosures/0/decision/exception/approvedBy".into(),
        Rule::DanglingReference
    )));
    // Approved by the one who decided: refused when read, at the field.
    let mut json: Value = serde_json::from_str(&record.to_json()).unwrap();
    json["disclosures"][0]["decision"]["exception"]["approvedBy"] = json!(dsl);
    assert!(
        problems(&json)
            .iter()
            .any(|(pointer, _)| pointer.starts_with("/disclosures/0")),
        "{:?}",
        problems(&json)
    );
}

/// A question's claims are held to the record when the exception is used, as when a
/// decision is made: nothing is recorded on a description or a time the record does
/// not bear out.
#[test]
fn the_exception_is_recorded_only_on_the_records_facts() {
    let (record, question, at) = on_the_duty();
    let (dsl, head) = dsl_and_head(&record);
    let mut claimed: Value = serde_json::to_value(&question).unwrap();
    claimed["recipient"]["agencyKind"] = json!({"kind": "police"});
    claimed["at"] = json!("2020-01-01T09:00:00Z");
    let claimed: SharingQuestion = serde_json::from_value(claimed).unwrap();
    let mut record = record.clone();
    let refused =
        record.record_not_disclosed(&claimed, exception(dsl, head), at, &from(day(2026, 9, 1)));
    assert!(
        matches!(refused, Err(DecisionError::ClaimsNotBorneOut { .. })),
        "{refused:?}"
    );
    assert!(record.disclosures().is_empty());
}

/// Entries agree about the commencement day, and the service can check them against
/// its own.
#[test]
fn a_forged_earlier_commencement_day_stands_out() {
    let (mut record, question, at) = on_the_duty();
    let (dsl, head) = dsl_and_head(&record);
    let law = from(day(2026, 10, 5));
    record.decide_under(&question, at, &law).unwrap();
    let later: SharingQuestion = serde_json::from_value({
        let mut q = serde_json::to_value(&question).unwrap();
        q["id"] = json!("00000000-0000-4000-8000-0000000000c2");
        q
    })
    .unwrap();
    record
        .record_not_disclosed(&later, exception(dsl, head), at, &law)
        .unwrap();
    assert!(record.ledger_problems_under(&law).is_empty());
    // One entry moved to an earlier day: the entries disagree.
    let json = forged(&record, 1, |entry| {
        entry["decision"]["exception"]["dutyToShareFrom"] = json!("2000-01-01");
    });
    assert!(problems(&json).contains(&(
        "/disclosures/1/decision/exception/dutyToShareFrom".into(),
        Rule::LedgerEntryInconsistent
    )));
    // Recorded on another day throughout (a service set wrong, or a whole ledger
    // forged): the entries agree, and the service's own day shows them out of step.
    let (mut elsewhere, question, at) = on_the_duty();
    elsewhere
        .decide_under(&question, at, &from(day(2000, 1, 1)))
        .unwrap();
    assert_eq!(
        elsewhere
            .ledger_problems_under(&law)
            .iter()
            .map(|p| p.pointer.as_str())
            .collect::<Vec<_>>(),
        vec!["/disclosures/0/decision/basis/dutyToShareFrom"]
    );
}

/// An entry describes its recipient as the team does.
#[test]
fn a_forged_description_of_the_recipient_is_found() {
    let (mut record, question, at) = case(&LawfulBasis::PublicTask, None, JAMIE);
    record.decide(&question, at).unwrap();
    for (field, value) in [
        ("agencyKind", json!({"kind": "police"})),
        ("role", json!({"kind": "teacher"})),
    ] {
        let json = forged(&record, 0, |entry| {
            entry["request"]["recipient"][field] = value.clone();
        });
        assert!(
            problems(&json).contains(&(
                "/disclosures/0/request/recipient".into(),
                Rule::LedgerEntryInconsistent
            )),
            "{field}: {:?}",
            problems(&json)
        );
    }
}

/// The commencement day is recorded only on the duty, beside the human decision.
#[test]
fn a_commencement_day_off_the_duty_or_without_the_humans_is_found() {
    let (mut record, question, at) = case(&LawfulBasis::PublicTask, None, JAMIE);
    record.decide(&question, at).unwrap();
    let json = forged(&record, 0, |entry| {
        entry["decision"]["basis"]["dutyToShareFrom"] = json!("2026-09-01");
    });
    let at_day = (
        "/disclosures/0/decision/basis/dutyToShareFrom".to_owned(),
        Rule::LedgerEntryInconsistent,
    );
    assert!(problems(&json).contains(&at_day), "{:?}", problems(&json));
    let (mut record, question, at) = on_the_duty();
    record
        .decide_under(&question, at, &from(day(2026, 10, 5)))
        .unwrap();
    let json = forged(&record, 0, |entry| {
        let basis = entry["decision"]["basis"].as_object_mut().unwrap();
        for field in ["decidedBy", "approvedBy", "decidedAt"] {
            basis.remove(field);
        }
    });
    assert!(problems(&json).contains(&at_day), "{:?}", problems(&json));
}
