//! The consistent child identifier (Children Act 2004 s.16LC, inserted by the
//! Children's Wellbeing and Schools Act 2026 s.4): the NHS number, or a recorded
//! exception for leaving it out (s.16LC(6) to (8)), with who recorded it.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use partnership::record::{PartnershipRecord, Rule};
use serde_json::{Value, json};

mod common;
use common::problems;

fn record() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/record.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn an_identifier_left_out_is_recorded_by_a_professional_of_the_team() {
    let mut json = record();
    json["child"].as_object_mut().unwrap().remove("nhsNumber");
    let key_worker = json["professionals"][0]["id"].clone();
    json["child"]["identifierOmitted"] = json!({
        "reason": "not-known-and-finding-it-would-delay",
        "recordedBy": key_worker,
        "recordedOn": "2026-11-20"
    });
    assert_eq!(problems(&json), vec![]);
    let record = PartnershipRecord::from_json(&json.to_string()).unwrap();
    let day = partnership::chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    assert!(record.child().consistent_identifier_accounted_for(day));
    json["child"]["identifierOmitted"]["recordedBy"] =
        json!("00000000-0000-4000-8000-00000000beef");
    assert_eq!(
        problems(&json),
        vec![(
            "/child/identifierOmitted/recordedBy".to_owned(),
            Rule::DanglingReference
        )]
    );
}

#[test]
fn a_known_number_is_not_left_out_as_unknown() {
    let mut json = record();
    let key_worker = json["professionals"][0]["id"].clone();
    json["child"]["identifierOmitted"] = json!({
        "reason": "not-known-and-finding-it-would-delay",
        "recordedBy": key_worker,
        "recordedOn": "2026-11-20"
    });
    assert_eq!(
        problems(&json),
        vec![(
            "/child/identifierOmitted/reason".to_owned(),
            Rule::InvalidValue
        )]
    );
    // An exception outside the three is refused when read.
    json["child"]["identifierOmitted"]["reason"] = json!("we-forgot");
    let found = problems(&json);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].0.starts_with("/child/identifierOmitted/reason"),
        "{found:?}"
    );
}

/// Systems compare as people write them, and an NHS number kept under its system
/// counts as the NHS number.
#[test]
fn an_identifier_cannot_be_doubled_or_hidden_in_another_spelling() {
    let upn = |system: &str, value: &str| json!({"system": system, "value": value});
    let mut json = record();
    json["child"]["identifiers"] = json!([
        upn("urn:uk:dfe:upn", "A123456789012"),
        upn("URN:UK:DFE:UPN ", "B123456789012")
    ]);
    assert_eq!(
        problems(&json),
        vec![("/child/identifiers/1/system".to_owned(), Rule::InvalidValue)]
    );
    // An NHS number under its system while `nhsNumber` holds another, both current.
    let mut json = record();
    json["child"]["identifiers"] = json!([upn("https://fhir.nhs.uk/Id/nhs-number", "9434765870")]);
    assert_eq!(
        problems(&json),
        vec![("/child/identifiers/0/system".to_owned(), Rule::InvalidValue)]
    );
    // A number replaced (ended) may stay on record beside the current one.
    json["child"]["identifiers"][0]["validUntil"] = json!("2024-03-01");
    assert_eq!(problems(&json), vec![]);
    // Held under its system and said to be not known.
    let mut json = record();
    json["child"].as_object_mut().unwrap().remove("nhsNumber");
    json["child"]["identifiers"] = json!([upn("https://fhir.nhs.uk/Id/nhs-number", "9434765919")]);
    let key_worker = json["professionals"][0]["id"].clone();
    json["child"]["identifierOmitted"] = json!({
        "reason": "not-known-and-finding-it-would-delay",
        "recordedBy": key_worker,
        "recordedOn": "2026-11-20"
    });
    assert_eq!(
        problems(&json),
        vec![(
            "/child/identifierOmitted/reason".to_owned(),
            Rule::InvalidValue
        )]
    );
}

/// An exception recorded in the future does not account for today.
#[test]
fn an_exception_counts_from_the_day_it_is_recorded() {
    use partnership::chrono::NaiveDate;
    use partnership::consent::LawInForce;
    use partnership::record::FindingCode;
    use partnership::reviews::WorkingCalendar;
    let mut json = record();
    json["child"].as_object_mut().unwrap().remove("nhsNumber");
    let key_worker = json["professionals"][0]["id"].clone();
    json["child"]["identifierOmitted"] = json!({
        "reason": "would-not-help",
        "recordedBy": key_worker,
        "recordedOn": "2099-01-01"
    });
    let record = PartnershipRecord::from_json(&json.to_string()).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let law = LawInForce {
        consistent_identifier_from: NaiveDate::from_ymd_opt(2026, 9, 1),
        ..LawInForce::default()
    };
    let report = record.practice_report_under(day, &WorkingCalendar::england_and_wales(), &law);
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.code == FindingCode::ConsistentIdentifierMissing)
    );
}
