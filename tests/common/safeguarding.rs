//! The safeguarding scenario's record as it stood before its first decision, varied.

use partnership::consent::{LawfulBasis, SharingQuestion};
use partnership::record::PartnershipRecord;
use serde_json::{Value, json};

pub fn fixture() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/scenarios/safeguarding_one_carer.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The scenario's record before its decisions, with the justification on `basis`, the
/// school recorded (or not) as a public authority, and the child born in `born`; and
/// the first question it decided, with the time it was decided at.
pub fn case(
    basis: &LawfulBasis,
    school_public: Option<bool>,
    born: &str,
) -> (
    PartnershipRecord,
    SharingQuestion,
    partnership::chrono::DateTime<partnership::chrono::Utc>,
) {
    let mut json = fixture();
    let request = json["disclosures"][0]["request"].clone();
    json["disclosures"] = json!([]);
    // The record as it stood when the school shared: later changes are not yet made.
    let before = request["at"].as_str().unwrap().to_owned();
    json["provenance"]
        .as_array_mut()
        .unwrap()
        .retain(|change| change["at"].as_str().unwrap() <= before.as_str());
    json.as_object_mut().unwrap().remove("checkpoints");
    json["justifications"][0]["lawfulBasis"] = serde_json::to_value(basis).unwrap();
    json["child"]["dateOfBirth"] = json!(born);
    let school = json["professionals"][0]["agency"].clone();
    for agency in json["agencies"].as_array_mut().unwrap() {
        if agency["id"] == school {
            match school_public {
                Some(public) => agency["publicAuthority"] = json!(public),
                None => {
                    agency.as_object_mut().unwrap().remove("publicAuthority");
                }
            }
        }
    }
    let record = PartnershipRecord::from_json(&json.to_string()).unwrap();
    let question: SharingQuestion = serde_json::from_value(json!({
        "id": request["id"],
        "child": request["child"],
        "requestedBy": request["requestedBy"],
        "recipient": {"kind": "professional", "id": request["recipient"]["id"]},
        "purpose": request["purpose"],
        "dataCategories": request["dataCategories"],
    }))
    .unwrap();
    let at = request["at"].as_str().unwrap().parse().unwrap();
    (record, question, at)
}
