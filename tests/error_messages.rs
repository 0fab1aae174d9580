//! The error messages partner systems see, snapshotted so that a change of wording
//! is a reviewed decision. Each names the field (as a JSON Pointer) and the rule,
//! and none repeats the rejected value.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use partnership::barriers::Barrier;
use partnership::carers::{Carer, ContactRecord, Involvement};
use partnership::consent::{ConsentRecord, SharingRequest};
use partnership::core::json::from_json_str;
use partnership::core::{ChildProfile, NhsNumber};
use partnership::goals::{GasLevel, SharedGoal};
use partnership::record::PartnershipRecord;
use partnership::reviews::ReviewSchedule;
use serde::de::DeserializeOwned;

fn error_of<T: DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
    from_json_str::<T>(json).unwrap_err().to_string()
}

const CHILD: &str = r#"{"id": "5b0c2f0e-8d43-4c55-9f0e-0d6b2a7c1e11", "name": "Layla Ahmed", "dateOfBirth": "2022-10-03"}"#;
const CARER: &str = r#"{
  "id": "6f1b0c2e-4d8a-4a7e-9b3f-1c2d3e4f5a6b",
  "name": "Joanne Baker",
  "relationship": {"kind": "foster-carer"},
  "legalStanding": {"kind": "delegated-authority", "areas": [{"kind": "education"}]},
  "livesWithChild": true,
  "primaryContact": true,
  "communication": {"preferredLanguage": "en", "interpreterNeeded": false, "easyReadNeeded": false}
}"#;
const CONSENT: &str = r#"{
  "id": "00000000-0000-4000-8000-000000000002",
  "child": "00000000-0000-4000-8000-000000000003",
  "givenBy": {"kind": "parental-responsibility", "carer": "00000000-0000-4000-8000-000000000004"},
  "scope": {"purposes": [{"kind": "health-care"}], "recipients": [{"kind": "role", "role": {"kind": "gp"}}], "dataCategories": [{"kind": "health"}]},
  "validFrom": "2026-01-01",
  "method": "verbal",
  "noticeVersion": "v1",
  "events": [{"kind": "given", "at": "2026-01-01T09:00:00Z", "by": {"kind": "carer", "id": "00000000-0000-4000-8000-000000000004"}}]
}"#;

const BARRIER: &str = r#"{
  "id": "00000000-0000-4000-8000-000000000001",
  "kind": {"kind": "time-and-work-patterns"},
  "affects": ["00000000-0000-4000-8000-000000000002"],
  "identifiedBy": {"kind": "professional", "id": "00000000-0000-4000-8000-000000000003"},
  "identifiedOn": "2026-10-01",
  "description": "Works nights",
  "severity": "high",
  "history": [
    {"to": "mitigating", "on": "2026-10-02", "by": {"kind": "professional", "id": "00000000-0000-4000-8000-000000000003"}},
    {"to": "STATUS", "on": "2026-10-20", "by": {"kind": "professional", "id": "00000000-0000-4000-8000-000000000003"}}
  ]
}"#;

#[test]
fn error_messages() {
    let cases: Vec<(&str, String)> = vec![
        ("NHS number with a wrong check digit", error_of::<NhsNumber>(r#""943 476 5918""#)),
        ("NHS number too short", error_of::<NhsNumber>(r#""94347659""#)),
        ("NHS number with a letter", error_of::<NhsNumber>(r#""94347A5919""#)),
        ("NHS number whose check computes to 10", error_of::<NhsNumber>(r#""1000000010""#)),
        ("child: misspelt field", error_of::<ChildProfile>(&CHILD.replace("dateOfBirth", "dateOfBrith"))),
        ("child: impossible date", error_of::<ChildProfile>(&CHILD.replace("2022-10-03", "2026-02-30"))),
        ("child: name where a number belongs", error_of::<ChildProfile>(&CHILD.replace(r#""Layla Ahmed""#, "42"))),
        (
            "child: invalid NHS number",
            error_of::<ChildProfile>(&CHILD.replace(r#""2022-10-03""#, r#""2022-10-03", "nhsNumber": "9434765918""#)),
        ),
        (
            "carer: foster carer holding parental responsibility",
            error_of::<Carer>(&CARER.replace(
                r#"{"kind": "delegated-authority", "areas": [{"kind": "education"}]}"#,
                r#"{"kind": "parental-responsibility", "basis": {"kind": "parental-responsibility-order"}}"#,
            )),
        ),
        ("carer: unknown relationship", error_of::<Carer>(&CARER.replace("foster-carer", "Joanne's sister"))),
        ("carer: label on a fixed choice", error_of::<Carer>(&CARER.replace(r#"{"kind": "foster-carer"}"#, r#"{"kind": "foster-carer", "label": "x"}"#))),
        ("carer: malformed language tag", error_of::<Carer>(&CARER.replace(r#""en""#, r#""English please""#))),
        ("involvement: restriction reconsidered before it was decided", error_of::<Involvement>(
            r#"{"kind": "restricted", "reason": "x", "decidedBy": "6f1b0c2e-4d8a-4a7e-9b3f-1c2d3e4f5a6b", "decidedOn": "2026-03-01", "reconsiderBy": "2026-02-01"}"#,
        )),
        ("contact record: nobody took part", error_of::<ContactRecord>(
            r#"{"id": "0b7f3c8e-2a1d-4f6b-8c9e-7d6a5b4c3e2f", "date": "2026-11-02", "channel": "phone", "participants": [], "summary": "x"}"#,
        )),
        ("consent: withdrawal before it was given", error_of::<ConsentRecord>(&CONSENT.replace(r#""kind": "given""#, r#""kind": "withdrawn""#))),
        ("consent: period ends before it starts", error_of::<ConsentRecord>(&CONSENT.replace(r#""method""#, r#""validUntil": "2025-12-31", "method""#))),
        ("consent: misspelt withdrawnOn", error_of::<ConsentRecord>(&CONSENT.replace(r#""method""#, r#""withdrawnOn": "2026-02-01", "method""#))),
        ("sharing request: nothing requested", error_of::<SharingRequest>(
            r#"{"id": "00000000-0000-4000-8000-000000000009", "child": "00000000-0000-4000-8000-000000000003", "requestedBy": "00000000-0000-4000-8000-000000000005",
               "recipient": {"kind": "carer", "id": "00000000-0000-4000-8000-000000000004"}, "purpose": {"kind": "health-care"}, "dataCategories": [],
               "at": "2026-01-02T09:00:00Z", "childCapacity": {"kind": "not-assessed"}}"#,
        )),
        ("barrier: resolved with no reviewed mitigation", error_of::<Barrier>(&BARRIER.replace("STATUS", "resolved"))),
        ("barrier: escalated without saying to whom", error_of::<Barrier>(&BARRIER.replace("STATUS", "escalated"))),
        ("goal attainment level out of range", error_of::<GasLevel>("3")),
        ("goal: target before it was created", error_of::<SharedGoal>(
            r#"{"id": "00000000-0000-4000-8000-000000000001", "child": "00000000-0000-4000-8000-000000000002",
               "area": {"kind": "behaviour"}, "description": "x", "createdOn": "2026-09-08", "targetDate": "2026-09-01"}"#,
        )),
        ("goal: active with no carer's agreement", error_of::<SharedGoal>(
            r#"{"id": "00000000-0000-4000-8000-000000000001", "child": "00000000-0000-4000-8000-000000000002",
               "area": {"kind": "behaviour"}, "description": "x", "createdOn": "2026-09-08", "targetDate": "2026-12-01",
               "responsibilities": [{"id": "00000000-0000-4000-8000-000000000003", "party": {"kind": "child", "id": "00000000-0000-4000-8000-000000000002"},
                 "action": "x", "setting": "school", "frequency": {"kind": "daily"}}],
               "transitions": [{"to": "accepted", "on": "2026-09-08", "by": {"kind": "child", "id": "00000000-0000-4000-8000-000000000002"}},
                               {"to": "active", "on": "2026-09-09", "by": {"kind": "child", "id": "00000000-0000-4000-8000-000000000002"}}]}"#,
        )),
        ("review schedule: next review agreed past the statutory deadline", error_of::<ReviewSchedule>(
            r#"{"id": "00000000-0000-4000-8000-000000000001", "child": "00000000-0000-4000-8000-000000000002",
               "kind": {"kind": "looked-after-child"}, "startsOn": "2026-12-18",
               "outcomes": [{"review": "00000000-0000-4000-8000-000000000003", "heldOn": "2027-01-15", "attended": [], "nextReviewAgreed": "2027-05-01"}]}"#,
        )),
    ];
    let record = PartnershipRecord::from_json(&format!(
        r#"{{"schemaVersion": 3, "id": "00000000-0000-4000-8000-000000000001", "child": {CHILD},
            "professionals": [{{"id": "6f1b0c2e-4d8a-4a7e-9b3f-1c2d3e4f5a6b", "name": "Priya Shah", "role": {{"kind": "gp"}},
              "agency": "00000000-0000-4000-8000-0000000000aa"}}],
            "carers": [{CARER}]}}"#
    ))
    .unwrap_err();
    let mut cases = cases;
    cases.push(("record: several problems at once", record.to_string()));
    let mut report = String::new();
    for (what, message) in &cases {
        for personal in [
            "Layla",
            "Ahmed",
            "Joanne",
            "5918",
            "English please",
            "sister",
        ] {
            assert!(!message.contains(personal), "{what}: {message}");
        }
        report.push_str(&format!("{what}\n  {message}\n"));
    }
    insta::assert_snapshot!(report);
}
