//! The committed JSON Schemas match the code, and agree with the Rust types both
//! ways: what the library writes validates, and what it refuses for its shape the
//! schemas refuse too (checked with an independent validator, `jsonschema`).

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use partnership::record::schema::{self, SchemaDocument};
use partnership::record::{PartnershipRecord, strategies};
use proptest::prelude::*;
use serde_json::{Value, json};

fn validator(name: &str) -> jsonschema::Validator {
    let doc: SchemaDocument = schema::documents()
        .into_iter()
        .find(|d| d.name == name)
        .unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&doc.schema)
        .unwrap()
}

#[test]
fn committed_schemas_match_the_code() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    let mut stale = Vec::new();
    for doc in schema::documents() {
        let path = dir.join(doc.file_name());
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != doc.to_pretty_json() {
            stale.push(doc.file_name());
        }
    }
    assert!(
        stale.is_empty(),
        "schemas/ differs from the code for {stale:?}; regenerate with `cargo run -p partnership-cli -- schema --out schemas` and review the diff"
    );
}

#[test]
fn schemas_are_portable() {
    for doc in schema::documents() {
        let text = doc.schema.to_string();
        assert_eq!(
            doc.schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert!(
            doc.schema["$id"]
                .as_str()
                .unwrap()
                .starts_with(schema::ID_BASE)
        );
        assert_eq!(doc.schema["title"], doc.name);
        assert!(!doc.schema["description"].as_str().unwrap().is_empty());
        for (i, _) in text.match_indices("\"$ref\":\"") {
            assert!(
                text[i + 8..].starts_with("#/"),
                "{}: a $ref outside the file",
                doc.name
            );
        }
        // Every validator accepts it as a draft 2020-12 schema.
        assert!(jsonschema::meta::is_valid(&doc.schema), "{}", doc.name);
    }
}

/// Every property of every object in a schema carries a description.
fn undocumented(schema: &Value, at: String, out: &mut Vec<String>) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                for (name, prop) in props {
                    let described = prop.get("description").is_some()
                        || (name == "kind" && prop.get("const").is_some());
                    if !described {
                        out.push(format!("{at}/properties/{name}"));
                    }
                }
            }
            for (key, value) in map {
                undocumented(value, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                undocumented(item, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_property_is_described() {
    let mut missing = Vec::new();
    for doc in schema::documents() {
        undocumented(&doc.schema, doc.name.to_owned(), &mut missing);
    }
    assert!(
        missing.is_empty(),
        "properties without a description: {missing:#?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, max_global_rejects: 4096, ..ProptestConfig::default() })]

    #[test]
    fn every_valid_record_validates(record in strategies::record()) {
        let json = serde_json::to_value(&record).unwrap();
        let record_schema = validator("PartnershipRecord");
        let errors: Vec<String> = record_schema.iter_errors(&json).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        prop_assert!(errors.is_empty(), "{:?}", errors);
        for (name, list) in [("Carer", "carers"), ("SharedGoal", "goals"), ("ConsentRecord", "consents"), ("Barrier", "barriers"), ("ReviewSchedule", "reviews"), ("LedgerEntry", "disclosures")] {
            let v = validator(name);
            for item in json[list].as_array().unwrap() {
                prop_assert!(v.is_valid(item), "{} does not validate", name);
            }
        }
        prop_assert!(validator("ChildProfile").is_valid(&json["child"]));
    }
}

/// A small valid record to break in the ways partner systems do.
fn sample() -> Value {
    json!({
        "schemaVersion": 2,
        "id": "00000000-0000-4000-8000-000000000001",
        "child": {"id": "00000000-0000-4000-8000-000000000002", "name": "Layla Ahmed", "dateOfBirth": "2022-10-03",
                  "nhsNumber": "9434765919", "communicationNeeds": [{"kind": "visual-supports"}]},
        "carers": [{
            "id": "00000000-0000-4000-8000-000000000004",
            "name": "Samira Ahmed",
            "relationship": {"kind": "birth-parent"},
            "legalStanding": {"kind": "parental-responsibility", "basis": {"kind": "birth-mother"}},
            "livesWithChild": true,
            "primaryContact": true,
            "communication": {"channels": ["text-message"], "preferredLanguage": "ar", "interpreterNeeded": true, "easyReadNeeded": false}
        }],
        "communicationAgreements": [{
            "id": "00000000-0000-4000-8000-000000000003",
            "carer": "00000000-0000-4000-8000-000000000004",
            "frequency": {"kind": "every-n-days", "days": 10},
            "channel": "phone",
            "updatesGivenBy": {"kind": "carer", "id": "00000000-0000-4000-8000-000000000004"},
            "agreedOn": "2026-09-01"
        }]
    })
}

#[test]
fn shape_errors_are_refused_by_both() {
    let record_schema = validator("PartnershipRecord");
    let base = sample();
    assert!(record_schema.is_valid(&base));
    assert!(PartnershipRecord::from_json(&base.to_string()).is_ok());
    type Breakage = Box<dyn Fn(&mut Value)>;
    let breakages: Vec<(&str, Breakage)> = vec![
        (
            "wrong type",
            Box::new(|v| v["carers"][0]["livesWithChild"] = json!("yes")),
        ),
        (
            "unknown field",
            Box::new(|v| v["carers"][0]["withdrawnOn"] = json!("2026-01-01")),
        ),
        (
            "misspelt field",
            Box::new(|v| {
                let child = v["child"].as_object_mut().unwrap();
                let dob = child.remove("dateOfBirth").unwrap();
                child.insert("dateOfBrith".into(), dob);
            }),
        ),
        (
            "bad enum value",
            Box::new(|v| v["communicationAgreements"][0]["channel"] = json!("pigeon")),
        ),
        (
            "bad tagged choice",
            Box::new(|v| v["carers"][0]["relationship"] = json!({"kind": "uncle-ish"})),
        ),
        (
            "label on a fixed choice",
            Box::new(|v| v["carers"][0]["relationship"]["label"] = json!("x")),
        ),
        (
            "missing required field",
            Box::new(|v| {
                v["carers"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("primaryContact");
            }),
        ),
        (
            "malformed date",
            Box::new(|v| v["child"]["dateOfBirth"] = json!("03/10/2022")),
        ),
        (
            "impossible date",
            Box::new(|v| v["child"]["dateOfBirth"] = json!("2022-02-30")),
        ),
        (
            "malformed id",
            Box::new(|v| v["carers"][0]["id"] = json!("carer-1")),
        ),
        (
            "zero days",
            Box::new(|v| v["communicationAgreements"][0]["frequency"]["days"] = json!(0)),
        ),
        ("array for an object", Box::new(|v| v["child"] = json!([]))),
        (
            "NHS number shape",
            Box::new(|v| v["child"]["nhsNumber"] = json!("943-476-5919")),
        ),
        (
            "blank name",
            Box::new(|v| v["carers"][0]["name"] = json!("   ")),
        ),
        (
            "bad time of day",
            Box::new(|v| {
                v["carers"][0]["communication"]["availability"] =
                    json!([{"day": "monday", "from": "7pm", "until": "20:00"}])
            }),
        ),
    ];
    for (what, breaks) in &breakages {
        let mut broken = base.clone();
        breaks(&mut broken);
        assert!(
            PartnershipRecord::from_json(&broken.to_string()).is_err(),
            "the library accepted: {what}"
        );
        assert!(
            !record_schema.is_valid(&broken),
            "the schema accepted: {what}"
        );
    }
}

#[test]
fn fixture_record_validates_against_the_committed_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("schemas/partnership-record.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    for (file, valid) in [("record.json", true), ("request.json", false)] {
        let instance: Value = serde_json::from_str(
            &std::fs::read_to_string(root.join("tests/fixtures").join(file)).unwrap(),
        )
        .unwrap();
        assert_eq!(validator.is_valid(&instance), valid, "{file}");
    }
    let request_schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("schemas/sharing-request.schema.json")).unwrap(),
    )
    .unwrap();
    let request: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("tests/fixtures/request.json")).unwrap(),
    )
    .unwrap();
    assert!(
        jsonschema::options()
            .should_validate_formats(true)
            .build(&request_schema)
            .unwrap()
            .is_valid(&request)
    );
}
