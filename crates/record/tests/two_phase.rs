//! Reading in two phases: the shape first, then every entity's own rules, so that
//! every broken rule is reported at the field it names, and one fault gets one rule
//! and one message wherever it is found.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use partnership_core::json::{InputLimits, from_json_str};
use partnership_record::{Document, PartnershipRecord, Problem, Rule};
use serde_json::{Value, json};

fn fixture(path: &str) -> Value {
    let path = format!("{}/../../tests/{path}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn problems(record: &Value) -> Vec<Problem> {
    PartnershipRecord::from_json(&record.to_string())
        .unwrap_err()
        .problems
}

fn found(problems: &[Problem]) -> Vec<(&str, Rule, &str)> {
    problems
        .iter()
        .map(|p| (p.pointer.as_str(), p.rule, p.message.as_str()))
        .collect()
}

#[test]
fn every_broken_entity_is_reported_not_only_the_first() {
    let mut record = fixture("fixtures/record.json");
    // Two carers in one list, and entities in three other lists, each breaking a
    // rule of its own type.
    record["carers"][0]["relationship"] = json!({"kind": "foster-carer"});
    record["carers"][1]["relationship"] = json!({"kind": "residential-care-worker"});
    record["consents"][0]["validUntil"] = json!("2026-01-01");
    record["contactLog"][0]["participants"] = json!([]);
    record["reviews"][0]["outcomes"][0]["heldOn"] = json!("2026-09-01");
    let problems = problems(&record);
    let found = found(&problems);
    let pointers: Vec<&str> = found.iter().map(|(pointer, _, _)| *pointer).collect();
    assert_eq!(
        pointers,
        [
            "/carers/0/legalStanding",
            "/carers/1/legalStanding",
            "/contactLog/0/participants",
            "/consents/0/validUntil",
            "/reviews/0/outcomes/0/heldOn",
        ],
        "{found:#?}"
    );
    assert!(found.iter().all(|(_, rule, _)| *rule == Rule::InvalidValue));
    assert_eq!(
        found[2].2,
        "a contact record names at least one participant"
    );
    // No message repeats its field: the pointer says where, the message what.
    for (pointer, _, message) in &found {
        let field = pointer.rsplit('/').next().unwrap();
        assert!(!message.starts_with(&format!("{field}:")), "{message}");
    }
}

#[test]
fn the_record_is_cross_checked_only_once_every_entity_is_sound() {
    // A dangling carer reference and a broken consent: the consent is reported,
    // and the reference (which a broken entity could explain) waits until it is
    // fixed, rather than burying the first fault under its consequences.
    let mut record = fixture("fixtures/record.json");
    record["consents"][0]["validUntil"] = json!("2026-01-01");
    record["contactLog"][0]["participants"][0]["id"] =
        json!("00000000-0000-4000-8000-000000000001");
    let first = problems(&record);
    assert_eq!(
        found(&first),
        [(
            "/consents/0/validUntil",
            Rule::InvalidValue,
            "ends before the period starts"
        )]
    );
    record["consents"][0]["validUntil"] = json!("2026-12-18");
    let then = problems(&record);
    assert_eq!(then[0].pointer, "/contactLog/0/participants/0/id");
    assert_eq!(then[0].rule, Rule::DanglingReference);
}

/// A record whose ledger has an entry changed after it was written.
fn tampered() -> Value {
    fixture("bad_inputs/record/tampered-ledger.json")
}

#[test]
fn a_tampered_ledger_is_the_same_fault_in_a_record_and_in_a_ledger_file() {
    let record = tampered();
    let in_record = Document::Record
        .check(record.to_string().as_bytes(), &InputLimits::default())
        .unwrap_err();
    let ledger: String = record["disclosures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| format!("{entry}\n"))
        .collect();
    let in_file = Document::Ledger
        .check(ledger.as_bytes(), &InputLimits::default())
        .unwrap_err();
    assert_eq!(in_record.len(), 1, "{in_record:#?}");
    assert_eq!(in_file.len(), 1, "{in_file:#?}");
    assert_eq!(in_record[0].rule, Rule::LedgerTampered);
    assert_eq!(in_file[0].rule, Rule::LedgerTampered);
    assert_eq!(in_record[0].message, in_file[0].message);
    // The same entry, seen from where each document holds it.
    assert_eq!(
        in_record[0].pointer,
        format!("/disclosures{}", in_file[0].pointer)
    );
}

#[test]
fn a_single_entity_read_alone_is_refused_at_the_field_its_rule_names() {
    let record = fixture("fixtures/record.json");
    let mut carer = record["carers"][0].clone();
    carer["relationship"] = json!({"kind": "foster-carer"});
    let err = from_json_str::<partnership_carers::Carer>(&carer.to_string()).unwrap_err();
    assert_eq!(err.pointer(), "/legalStanding");
    assert!(err.message().starts_with("a foster carer does not hold"));

    // Nested: a consent's own rule, inside a list the reader walks.
    let mut consents = record["consents"].clone();
    consents[0]["events"][0]["kind"] = json!("withdrawn");
    let err = from_json_str::<Vec<partnership_consent::ConsentRecord>>(&consents.to_string())
        .unwrap_err();
    assert_eq!(err.pointer(), "/0/events/0/kind");
    assert_eq!(
        err.message(),
        "a withdrawal cannot follow the start of the record"
    );

    // Through the document check, the same place and words.
    let problems = Document::Carer
        .check(carer.to_string().as_bytes(), &InputLimits::default())
        .unwrap_err();
    assert_eq!(problems[0].pointer, "/legalStanding");
    assert_eq!(
        problems[0].message,
        "a foster carer does not hold parental responsibility in that role (Children Act 1989); \
         record the authority delegated in the placement plan instead"
    );
}

#[test]
fn a_choice_with_an_unknown_kind_is_refused_at_the_kind() {
    let record = fixture("fixtures/record.json");
    let mut carer = record["carers"][0].clone();
    carer["relationship"] = json!({"kind": "godparent"});
    let err = from_json_str::<partnership_carers::Carer>(&carer.to_string()).unwrap_err();
    assert_eq!(err.pointer(), "/relationship/kind");
    assert!(
        err.message()
            .starts_with("not one of the choices for Relationship")
    );
    assert!(!err.message().contains("godparent"));
}

#[test]
fn a_refusal_left_behind_is_not_joined_to_a_later_error() {
    // serde tries a broken carer as the first variant (which refuses it at
    // /legalStanding), then as a number, and reports that neither matched: that
    // error is about the value as a whole, and must not borrow the carer's field.
    #[derive(Debug, serde::Deserialize)]
    #[serde(untagged)]
    #[allow(dead_code)]
    enum CarerOrNumber {
        Carer(Box<partnership_carers::Carer>),
        Number(u32),
    }
    let record = fixture("fixtures/record.json");
    let mut carer = record["carers"][0].clone();
    carer["relationship"] = json!({"kind": "foster-carer"});
    let err = from_json_str::<Vec<CarerOrNumber>>(&json!([carer]).to_string()).unwrap_err();
    assert_eq!(err.pointer(), "/0");
    assert!(
        err.message().contains("did not match any variant"),
        "{}",
        err.message()
    );
}

#[test]
fn value_rules_of_several_entities_are_all_reported() {
    // A label and an NHS number are refused as they are read: reading goes on
    // entity by entity, so every one that is wrong is reported, with the domain
    // rules of the others.
    let mut record = fixture("fixtures/record.json");
    record["carers"][0]["name"] = json!("");
    record["carers"][1]["name"] = json!("");
    let pointers: Vec<String> = problems(&record).into_iter().map(|p| p.pointer).collect();
    assert_eq!(pointers, ["/carers/0/name", "/carers/1/name"]);

    let mut record = fixture("fixtures/record.json");
    record["child"]["nhsNumber"] = json!("9434765918");
    record["carers"][0]["relationship"] = json!({"kind": "foster-carer"});
    record["consents"][0]["validUntil"] = json!("2026-01-01");
    let json = serde_json::to_string_pretty(&record).unwrap();
    let found = PartnershipRecord::from_json(&json).unwrap_err().problems;
    let pointers: Vec<&str> = found.iter().map(|p| p.pointer.as_str()).collect();
    assert_eq!(
        pointers,
        [
            "/child/nhsNumber",
            "/carers/0/legalStanding",
            "/consents/0/validUntil"
        ]
    );
    assert!(found.iter().all(|p| p.rule == Rule::InvalidValue));
    assert!(!found[0].message.contains("5918"), "{}", found[0].message);
    // The line is where the value is in the whole document.
    let (index, text) = json
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("9434765918"))
        .unwrap();
    // Where the parser stood when the rule was checked: at or just after the value
    // (here the child's closing brace, on the next line).
    let line = found[0].line.unwrap();
    assert!(
        (index + 1..=index + 2).contains(&line),
        "{line} {index} {text}"
    );
    // The bytes give the same problems.
    let from_bytes = Document::Record
        .check(json.as_bytes(), &InputLimits::default())
        .unwrap_err();
    assert_eq!(from_bytes, found);
}

#[test]
fn a_problem_inside_a_choice_with_fields_is_reported_at_the_choice_that_holds_it() {
    // serde reads a choice that carries fields (an object with `kind`) whole before
    // its fields, and the path inside it is lost: the pointer leads to the choice,
    // which holds the problem, never to a sibling or to nothing.
    let cases = [
        (json!({"kind": "godparent"}), "not one of the choices"),
        (
            json!({"kind": "birth-mother", "label": "x"}),
            "only an `other` choice",
        ),
    ];
    for (basis, words) in cases {
        let mut record = fixture("fixtures/record.json");
        record["carers"][0]["legalStanding"]["basis"] = basis;
        let found = problems(&record);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].pointer, "/carers/0/legalStanding");
        assert!(record.pointer(&found[0].pointer).is_some());
        assert!(found[0].message.contains(words), "{}", found[0].message);
    }
}

#[test]
fn a_typo_inside_a_ledger_entry_is_reported_like_any_other() {
    let mut record = fixture("bad_inputs/record/tampered-ledger.json");
    record["disclosures"][0]["request"]["purpos"] = json!(1);
    let found = problems(&record);
    assert_eq!(found[0].pointer, "/disclosures/0/request");
    assert_eq!(
        found[0].message.matches("did you mean").count(),
        1,
        "{}",
        found[0].message
    );
}

#[test]
fn a_ledger_line_says_where_apart_from_what() {
    let record = fixture("bad_inputs/record/tampered-ledger.json");
    let mut entry = record["disclosures"][0].clone();
    entry["request"]["dataCategories"] = json!([]);
    let err = partnership_consent::DisclosureLedger::from_json_lines(&format!("\n{entry}\n"))
        .unwrap_err();
    assert_eq!(err.to_string(), "line 2: must list at least one entry");
    assert_eq!(
        partnership_core::Located::field(&err).to_string(),
        "0/request/dataCategories"
    );
}

#[test]
fn one_entry_alone_is_held_to_its_own_hash() {
    let record = tampered();
    let entry = record["disclosures"][0].to_string();
    let found = Document::LedgerEntry
        .check(entry.as_bytes(), &InputLimits::default())
        .unwrap_err();
    assert_eq!(found[0].rule, Rule::LedgerTampered);
    assert_eq!(
        found[0].message,
        partnership_consent::ConsentError::LedgerTampered { index: 0 }.to_string()
    );
    // An entry as the library wrote it passes alone.
    let sound = fixture("fixtures/scenarios/safeguarding_one_carer.json");
    let entry = sound["disclosures"][0].to_string();
    assert_eq!(
        Document::LedgerEntry.check(entry.as_bytes(), &InputLimits::default()),
        Ok(())
    );
}

#[test]
fn a_goal_out_of_date_order_is_reported_at_the_date() {
    let mut record = fixture("fixtures/scenarios/speech_delay_nursery.json");
    let transitions = record["goals"][0]["transitions"].as_array().unwrap().len();
    assert!(transitions >= 2);
    record["goals"][0]["transitions"][0]["on"] = json!("2099-01-01");
    let found = problems(&record);
    assert_eq!(found[0].pointer, "/goals/0/transitions/1/on", "{found:#?}");
}

#[test]
fn a_number_where_a_choice_belongs_is_a_wrong_value_and_hides_nothing() {
    // serde_json calls this a syntax error; the JSON is well-formed, and the
    // other carer's fault is reported too.
    let mut record = fixture("fixtures/record.json");
    record["carers"][0]["communication"]["channels"][0] = json!(1);
    record["carers"][1]["name"] = json!("");
    let found = problems(&record);
    let pointers: Vec<&str> = found.iter().map(|p| p.pointer.as_str()).collect();
    assert_eq!(
        pointers,
        ["/carers/0/communication/channels/0", "/carers/1/name"]
    );
    assert!(
        found.iter().all(|p| p.rule == Rule::InvalidValue),
        "{found:#?}"
    );
    assert!(
        found[0]
            .message
            .starts_with("invalid type: expected a choice")
    );
    // A document that is not well-formed is still a syntax error, and stops there.
    let broken = record.to_string().replacen("\"id\"", "\"id\" 1", 1);
    let found = PartnershipRecord::from_json(&broken).unwrap_err().problems;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].rule, Rule::JsonSyntax);
}

#[test]
fn an_object_written_as_a_list_is_refused_at_the_object() {
    // serde reads a struct's members in order from a list; no schema allows it, and a
    // record read that way would be written back as objects, so it is refused.
    let mut record = fixture("fixtures/record.json");
    record["carers"][0]["communication"]["availability"][0] = json!(["thursday", "09:30", "11:30"]);
    let agency = record["agencies"][0].clone();
    record["agencies"][0] = json!([agency["id"], agency["name"], agency["kind"]]);
    let plain =
        serde_json::from_str::<partnership_record::PartnershipRecordParts>(&record.to_string());
    assert!(plain.is_ok(), "plain serde reads both: {plain:?}");
    let found = problems(&record);
    let pointers: Vec<&str> = found.iter().map(|p| p.pointer.as_str()).collect();
    assert_eq!(
        pointers,
        ["/carers/0/communication/availability/0", "/agencies/0"],
        "{found:#?}"
    );
    assert!(
        found.iter().all(|p| p.rule == Rule::InvalidValue
            && p.message
                .starts_with("invalid type: sequence, expected an object")),
        "{found:#?}"
    );
}

#[test]
fn a_choice_written_as_a_list_is_refused_at_the_choice() {
    // serde reads a choice tagged by `kind` from a list too, in either order of its
    // members; it would be written back as an object.
    let original = fixture("fixtures/record.json");
    let professional = original["professionals"][0]["id"].clone();
    let carer = original["carers"][0]["id"].clone();
    let mut record = original.clone();
    record["communicationAgreements"][0]["frequency"] = json!(["fortnightly"]);
    record["contactLog"][0]["participants"][0] = json!(["carer", carer]);
    let mut reversed = original;
    reversed["communicationAgreements"][0]["updatesGivenBy"] =
        json!([professional, "professional"]);
    let found: Vec<Problem> = problems(&record)
        .into_iter()
        .chain(problems(&reversed))
        .collect();
    let pointers: Vec<&str> = found.iter().map(|p| p.pointer.as_str()).collect();
    assert_eq!(
        pointers,
        [
            "/communicationAgreements/0/frequency",
            "/contactLog/0/participants/0",
            "/communicationAgreements/0/updatesGivenBy",
        ],
        "{found:#?}"
    );
    assert!(
        found.iter().all(|p| p.rule == Rule::InvalidValue
            && p.message == "invalid type: sequence, expected an object with a `kind`"),
        "{found:#?}"
    );
}
