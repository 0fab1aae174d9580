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
    assert!(record.child().consistent_identifier_accounted_for());
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
