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

/// The schemas of what partners send and of what the command prints.
fn all_documents() -> Vec<SchemaDocument> {
    let mut docs = schema::documents();
    docs.extend(schema::outputs());
    docs.push(partnership::scenarios::schema());
    docs.push(partnership::explain::schema());
    docs
}

fn validator(name: &str) -> jsonschema::Validator {
    let doc: SchemaDocument = all_documents()
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
    for doc in all_documents() {
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
    for doc in all_documents() {
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
                // A rule between members (if, then, not) constrains properties
                // declared and described elsewhere.
                if matches!(key.as_str(), "if" | "then" | "not") {
                    continue;
                }
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
    for doc in all_documents() {
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

/// The bad-input corpus through the schemas: every document the library refuses is
/// refused by its schema too, except those only code can refuse, which are listed in
/// `tests/bad_inputs/code-only.txt` with the reason. The list is exact both ways: a
/// document the schema starts refusing must leave it, and a new one that only code
/// refuses must join it with its reason.
#[test]
fn the_bad_inputs_only_code_can_refuse_are_listed() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs");
    let listed_text = std::fs::read_to_string(corpus.join("code-only.txt")).unwrap();
    let mut listed = std::collections::BTreeMap::new();
    for line in listed_text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (file, reason) = line.split_once(": ").unwrap_or((line, ""));
        assert!(
            reason.split_whitespace().count() >= 4,
            "{file}: give the reason only code can refuse it"
        );
        listed.insert(file.to_owned(), reason.to_owned());
    }
    let mut passed = std::collections::BTreeSet::new();
    let mut dirs: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let kind = dir.file_name().unwrap().to_string_lossy().into_owned();
        let (schema_name, lines) = match kind.as_str() {
            "record" => ("PartnershipRecord", false),
            "ledger" => ("LedgerEntry", true),
            other => (
                schema::documents()
                    .into_iter()
                    .find(|d| d.file_name() == format!("{other}.schema.json"))
                    .map(|d| d.name)
                    .unwrap_or_else(|| panic!("no schema for {other}")),
                false,
            ),
        };
        let v = validator(schema_name);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for file in files {
            let bytes = std::fs::read(&file).unwrap();
            // What is not JSON at all no schema is asked about: a partner's parser
            // refuses it first.
            let documents: Option<Vec<Value>> = if lines {
                std::str::from_utf8(&bytes).ok().and_then(|text| {
                    text.lines()
                        .map(|l| serde_json::from_str(l).ok())
                        .collect::<Option<Vec<Value>>>()
                })
            } else {
                serde_json::from_slice(&bytes).ok().map(|v| vec![v])
            };
            let Some(documents) = documents else { continue };
            if documents.iter().all(|d| v.is_valid(d)) {
                let name = file.file_name().unwrap().to_string_lossy().into_owned();
                passed.insert(format!("{kind}/{name}"));
            }
        }
    }
    let listed_files: std::collections::BTreeSet<String> = listed.keys().cloned().collect();
    let unlisted: Vec<_> = passed.difference(&listed_files).collect();
    let refused_now: Vec<_> = listed_files.difference(&passed).collect();
    assert!(
        unlisted.is_empty() && refused_now.is_empty(),
        "pass the schemas but are not in code-only.txt: {unlisted:#?}\nlisted in code-only.txt but refused by the schemas: {refused_now:#?}"
    );
}

/// Descriptions are for readers of the schema, who may never read Rust: no code, no
/// Rust paths or links; and every branch of a choice has a title, so that generated
/// models get names (`RelationshipFosterCarer`), not numbers.
#[test]
fn schemas_speak_plain_words_and_name_every_choice() {
    fn walk(value: &Value, at: &str, found: &mut Vec<String>, titles: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(text)) = map.get("description") {
                    for rust in [
                        "```", "::", "](", "[`", "try_from", "Self", "Option<", "Vec<",
                    ] {
                        if text.contains(rust) {
                            found.push(format!("{at}: {rust:?} in {text:?}"));
                        }
                    }
                }
                if let Some(Value::Array(branches)) = map.get("oneOf") {
                    for (i, branch) in branches.iter().enumerate() {
                        match branch.get("title").and_then(Value::as_str) {
                            Some(title) => titles.push(title.to_owned()),
                            None => found.push(format!("{at}/oneOf/{i}: no title")),
                        }
                    }
                }
                for (key, item) in map {
                    walk(item, &format!("{at}/{key}"), found, titles);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{at}/{i}"), found, titles);
                }
            }
            _ => {}
        }
    }
    for doc in all_documents() {
        let mut found = Vec::new();
        let mut titles = Vec::new();
        walk(&doc.schema, doc.name, &mut found, &mut titles);
        assert!(found.is_empty(), "{found:#?}");
        assert!(
            !titles.is_empty() || doc.name == "ReviewOutcome",
            "{}",
            doc.name
        );
        let mut unique = titles.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            unique.len(),
            titles.len(),
            "{}: a title used twice",
            doc.name
        );
    }
    let carer = schema::documents()
        .into_iter()
        .find(|d| d.name == "Carer")
        .unwrap();
    let relationship = &carer.schema["$defs"]["Relationship"]["oneOf"];
    assert!(
        relationship
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["title"] == "RelationshipFosterCarer"),
        "{relationship:#}"
    );
}

/// What the command prints validates against the schema published for it: the
/// practice report, the due list and the answer to a sharing question, for every
/// scenario.
#[test]
fn what_the_command_prints_validates() {
    let report = validator("PracticeReport");
    let due = validator("DueList");
    let answer = validator("ShareAnswer");
    let check = validator("CheckReport");
    let calendar = partnership::reviews::WorkingCalendar::england_and_wales();
    let day = partnership::chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios");
    let mut records = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let json = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        records.push(PartnershipRecord::from_json(&json).unwrap());
    }
    assert!(records.len() >= 11);
    let mut findings = 0;
    // Months on, with nothing done, every scenario has something to say.
    let later = partnership::chrono::NaiveDate::from_ymd_opt(2027, 6, 1).unwrap();
    for record in &records {
        for on in [day, later] {
            let printed = serde_json::to_value(record.practice_report(on)).unwrap();
            findings += printed["findings"].as_array().unwrap().len();
            assert!(report.is_valid(&printed), "{printed:#}");
        }
    }
    assert!(findings > 0, "the reports validated say something");
    let list = serde_json::to_value(partnership::record::due_items(
        &records, day, 365, &calendar,
    ))
    .unwrap();
    assert!(!list.as_array().unwrap().is_empty());
    assert!(due.is_valid(&list));
    for record in &records {
        for entry in record.disclosures().iter() {
            let printed = serde_json::to_value(partnership::record::ShareAnswer {
                recorded: true,
                ledger_index: Some(entry.index),
                decision: entry.decision.clone(),
            })
            .unwrap();
            assert!(answer.is_valid(&printed), "{printed:#}");
        }
    }
    let files = json!([
        {"path": "record.json", "valid": true, "problems": [], "notes": ["its ledger's 2 entries are checksummed only"]},
        {"path": "bad.json", "valid": false, "problems": [{"pointer": "/carers/0/id", "rule": "duplicate-id", "message": "uses an id already used earlier in the list"}]},
        {"path": "gone.json", "valid": false, "problems": [], "error": "cannot open it (entity not found)"}
    ]);
    assert!(check.is_valid(&files));
    let scenario = validator("Scenario");
    for each in partnership::scenarios::all().unwrap() {
        let printed = serde_json::to_value(&each).unwrap();
        let problems: Vec<String> = scenario
            .iter_errors(&printed)
            .map(|e| format!("{} {e}", e.instance_path()))
            .take(5)
            .collect();
        assert!(problems.is_empty(), "{}: {problems:?}", each.slug);
    }
    let mut broken =
        serde_json::to_value(partnership::scenarios::speech_delay_nursery().unwrap()).unwrap();
    broken["steps"][0]["parties"][0]["id"] = json!("5ce00001-0000-4000-8000-000000000002");
    assert!(
        !scenario.is_valid(&broken),
        "a party named by id is refused"
    );
    // And the schemas refuse what the command never prints.
    assert!(!check.is_valid(&json!([{"path": "x", "valid": "yes", "problems": []}])));
    assert!(!answer.is_valid(&json!({"recorded": false})));
}

/// The schema's table of which standing fits which relationship agrees with the
/// library's, cell by cell: for every relationship and every standing, the schema
/// accepts a carer exactly when the library does.
#[test]
fn the_schema_and_the_library_agree_on_legal_standing() {
    use partnership::carers::{Carer, ParentalResponsibilityBasis, Relationship};
    let carer_schema = validator("Carer");
    let base = sample()["carers"][0].clone();
    let mut relationships: Vec<Value> = Relationship::FIXED
        .iter()
        .map(|r| json!({"kind": r.code()}))
        .collect();
    relationships.push(json!({"kind": "other", "label": "family friend"}));
    let mut standings: Vec<Value> = ParentalResponsibilityBasis::FIXED
        .iter()
        .map(|b| json!({"kind": "parental-responsibility", "basis": {"kind": b.code()}, "since": "2010-01-04"}))
        .collect();
    standings.push(json!({"kind": "parental-responsibility", "basis": {"kind": "other", "label": "an order of the court"}}));
    standings.push(json!({"kind": "delegated-authority", "areas": [{"kind": "education"}]}));
    standings.push(json!({"kind": "none"}));
    let mut cells = 0;
    let mut accepted = 0;
    for relationship in &relationships {
        for standing in &standings {
            let mut carer = base.clone();
            carer["relationship"] = relationship.clone();
            carer["legalStanding"] = standing.clone();
            let library = serde_json::from_value::<Carer>(carer.clone()).is_ok();
            let schema = carer_schema.is_valid(&carer);
            // A basis written in words is read by the library (does "an order of the
            // court" name the adoption order?); the schema cannot read it, and lets it
            // through for the library to decide.
            let in_words = standing["basis"]["kind"] == "other"
                && matches!(
                    relationship["kind"].as_str(),
                    Some("adoptive-parent" | "special-guardian")
                );
            assert!(
                schema == library || (schema && in_words),
                "{relationship} with {standing}: the schema says {schema}, the library {library}"
            );
            cells += 1;
            accepted += usize::from(library);
        }
    }
    // Both answers occur: the table is not all yes or all no.
    assert!(accepted > 0 && accepted < cells, "{accepted} of {cells}");
}
