//! Words for carers and children: every document of every scenario, in English, in
//! Welsh and in easy read, snapshotted and read as a carer would; the messages
//! complete in both languages; the reading targets held; nothing withheld from a
//! person ever named to them.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use partnership::explain::{
    CarerDocument, ExplainError, Form, Language, consent_conversation, decision_explained,
    fits_two_segments, message_ids, what_we_agreed,
};
use partnership::record::PartnershipRecord;
use partnership::reviews::WorkingCalendar;
use proptest::prelude::*;
use serde_json::{Value, json};

/// Every scenario's record as JSON, by slug, in the order of the course.
fn records() -> Vec<(&'static str, Value)> {
    partnership::scenarios::all()
        .unwrap()
        .into_iter()
        .map(|s| (s.slug, serde_json::to_value(&s.record).unwrap()))
        .collect()
}

fn read(json: &Value) -> PartnershipRecord {
    PartnershipRecord::from_json(&json.to_string()).unwrap()
}

/// The record with every carer's communication changed by `change`.
fn with_carers(json: &Value, change: impl Fn(&mut Value)) -> Value {
    let mut json = json.clone();
    for carer in json["carers"].as_array_mut().unwrap() {
        change(&mut carer["communication"]);
    }
    json
}

/// Every document the record gives: a consent conversation for each consent, each
/// decision explained to each carer, and what was agreed in each discussion. A
/// safeguarding share whose carers were not told gives none, and says so.
fn every_document(record: &PartnershipRecord) -> Vec<(String, CarerDocument)> {
    let mut out = Vec::new();
    for consent in record.consents() {
        for doc in consent_conversation(record, consent.id(), None)
            .unwrap()
            .documents
        {
            out.push((format!("consent {}", consent.id()), doc));
        }
    }
    for n in 0..record.disclosures().iter().count() {
        match decision_explained(record, n, None) {
            Ok(docs) => out.extend(
                docs.documents
                    .into_iter()
                    .map(|d| (format!("decision {n}"), d)),
            ),
            Err(ExplainError::NotToBeTold) => {}
            Err(e) => panic!("decision {n}: {e}"),
        }
    }
    let calendar = WorkingCalendar::england_and_wales();
    for n in 0..record.contact_log().iter().count() {
        for doc in what_we_agreed(record, n, None, &calendar)
            .unwrap()
            .documents
        {
            out.push((format!("contact {n}"), doc));
        }
    }
    out
}

fn all_texts(records: &[(&str, Value)]) -> String {
    let mut out = String::new();
    for (slug, json) in records {
        for (what, doc) in every_document(&read(json)) {
            out.push_str(&format!(
                "=== {slug}, {what}, for {} ({:?}, {:?})\n{}\n",
                doc.reader.name,
                doc.form,
                doc.language,
                doc.to_text()
            ));
        }
    }
    out
}

#[test]
fn every_document_in_english() {
    insta::assert_snapshot!(all_texts(&records()));
}

#[test]
fn every_document_in_welsh() {
    let welsh: Vec<(&str, Value)> = records()
        .into_iter()
        .map(|(slug, json)| {
            (
                slug,
                with_carers(&json, |c| c["preferredLanguage"] = json!("cy")),
            )
        })
        .collect();
    let texts = all_texts(&welsh);
    assert!(
        !texts.contains("(English)"),
        "every carer who asks for Welsh gets it"
    );
    insta::assert_snapshot!(texts);
}

#[test]
fn every_consent_conversation_in_easy_read() {
    let mut out = String::new();
    for (slug, json) in records() {
        let record = read(&with_carers(&json, |c| c["easyReadNeeded"] = json!(true)));
        for consent in record.consents() {
            for doc in consent_conversation(&record, consent.id(), None)
                .unwrap()
                .documents
            {
                assert!(
                    doc.easy_read || doc.reader.kind == partnership::explain::ReaderKind::Child
                );
                out.push_str(&format!(
                    "=== {slug}, for {}\n{}\n",
                    doc.reader.name,
                    doc.to_text()
                ));
            }
        }
    }
    insta::assert_snapshot!(out);
}

#[test]
fn every_english_message_has_a_welsh_one() {
    let english: BTreeSet<String> = message_ids(Language::English.source())
        .into_iter()
        .collect();
    let welsh: BTreeSet<String> = message_ids(Language::Welsh.source()).into_iter().collect();
    assert!(
        english.len() > 100,
        "the English messages were read: {}",
        english.len()
    );
    let missing: Vec<&String> = english.difference(&welsh).collect();
    let extra: Vec<&String> = welsh.difference(&english).collect();
    assert!(missing.is_empty(), "no Welsh for {missing:?}");
    assert!(extra.is_empty(), "Welsh with no English: {extra:?}");
}

#[test]
fn a_language_without_messages_is_written_in_english_and_says_so() {
    let (_, json) = records().into_iter().next().unwrap();
    let record = read(&with_carers(&json, |c| {
        c["preferredLanguage"] = json!("pl")
    }));
    let docs = what_we_agreed(&record, 0, None, &WorkingCalendar::england_and_wales()).unwrap();
    for doc in docs.documents {
        assert_eq!(doc.language, Language::English);
        assert_eq!(doc.asked_for, "pl");
        let note = doc.note.clone().unwrap();
        assert!(note.contains("interpreter"), "{note}");
        assert!(doc.to_text().starts_with(&note));
    }
}

#[test]
fn every_document_meets_its_reading_target() {
    let mut measured = 0;
    let mut hardest: (f64, String) = (0.0, String::new());
    for (slug, json) in records() {
        for variant in [
            json.clone(),
            with_carers(&json, |c| c["easyReadNeeded"] = json!(true)),
        ] {
            for (what, doc) in every_document(&read(&variant)) {
                let age = doc.reading_age.unwrap();
                measured += 1;
                if age > hardest.0 {
                    hardest = (age, format!("{slug}, {what}"));
                }
                assert!(
                    doc.meets_reading_target(),
                    "{slug}, {what}: reading age {age} over {}\n{}",
                    doc.reading_age_target,
                    doc.reading_text.unwrap_or_default()
                );
            }
        }
    }
    assert!(measured > 150, "{measured}");
    assert!(
        hardest.0 > 5.0,
        "the measure measured something: {hardest:?}"
    );
}

#[test]
fn documents_are_as_the_published_schema_says() {
    let schema = partnership::explain::schema();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema.schema)
        .unwrap();
    for (slug, json) in records() {
        let docs: Vec<CarerDocument> = every_document(&read(&json))
            .into_iter()
            .map(|(_, d)| d)
            .collect();
        let printed = serde_json::to_value(&docs).unwrap();
        let problems: Vec<String> = validator
            .iter_errors(&printed)
            .map(|e| format!("{} {e}", e.instance_path()))
            .take(3)
            .collect();
        assert!(problems.is_empty(), "{slug}: {problems:?}");
    }
    assert!(!validator.is_valid(&json!([{"kind": "a-letter"}])));
}

#[test]
fn a_text_message_keeps_to_two_segments() {
    let calendar = WorkingCalendar::england_and_wales();
    let mut messages = 0;
    for (slug, json) in records() {
        for language in ["en-GB", "cy"] {
            let record = read(&with_carers(&json, |c| {
                c["channels"] = json!(["text-message"]);
                c["preferredLanguage"] = json!(language);
            }));
            for n in 0..record.contact_log().iter().count() {
                for doc in what_we_agreed(&record, n, None, &calendar)
                    .unwrap()
                    .documents
                {
                    assert_eq!(doc.form, Form::TextMessage);
                    let text = doc.paragraphs.join("\n");
                    assert!(fits_two_segments(&text), "{slug} contact {n}: {text}");
                    messages += 1;
                }
            }
        }
    }
    assert!(messages > 20, "{messages}");
}

#[test]
fn the_carers_own_words_replace_ours() {
    let (_, json) = records()
        .into_iter()
        .find(|(slug, _)| *slug == "consent_declined_narrowed_withdrawn")
        .unwrap();
    let mut json = json.clone();
    json["carers"][0]["considerations"]["preferredTerminology"] =
        json!([{"prefer": "Ruby's learning", "insteadOf": "progress at school or nursery"}]);
    let record = read(&json);
    let consent = record.consents()[0].id();
    let text = consent_conversation(&record, consent, None)
        .unwrap()
        .documents[0]
        .to_text();
    assert!(text.contains("Ruby's learning"), "{text}");
    assert!(!text.contains("progress at school or nursery"), "{text}");
}

#[test]
fn a_safeguarding_share_is_explained_only_to_carers_told() {
    let (_, json) = records()
        .into_iter()
        .find(|(slug, _)| *slug == "safeguarding_one_carer")
        .unwrap();
    let record = read(&json);
    let refused: Vec<usize> = (0..record.disclosures().iter().count())
        .filter(|n| decision_explained(&record, *n, None) == Err(ExplainError::NotToBeTold))
        .collect();
    assert!(
        !refused.is_empty(),
        "the scenario's share to children's social care is not explained"
    );
}

/// The names that a withholding rule protects, and what it says, must never reach
/// the person it withholds from.
fn leaks(doc: &CarerDocument, forbidden: &[String]) -> Vec<String> {
    let text = doc.to_text().to_lowercase();
    forbidden
        .iter()
        .filter(|word| !word.trim().is_empty() && text.contains(&word.to_lowercase()))
        .cloned()
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A rule withholding any categories from any carer, protecting another carer,
    /// added to any scenario: no decision explained to the carer withheld from names
    /// the rule's reason or the carer it protects, says that something was kept
    /// back to keep someone safe, or, of a request for what it withholds, names
    /// what that is.
    #[test]
    fn no_explanation_to_a_person_names_anything_withheld_from_them(
        scenario in 0usize..11,
        pair in (0usize..8, 0usize..8),
        categories in proptest::sample::subsequence(
            vec!["contact-details", "education-progress", "health", "family-circumstances", "childs-views", "safeguarding-information"],
            1..=3,
        ),
        reason in "[A-Z][a-z]{4,9} [a-z]{4,9} [a-z]{4,9}",
    ) {
        let records = records();
        let (slug, json) = &records[scenario % records.len()];
        let carers = json["carers"].as_array().unwrap();
        prop_assume!(carers.len() >= 2);
        let reader = pair.0 % carers.len();
        let protected = (reader + 1 + pair.1 % (carers.len() - 1)) % carers.len();
        prop_assume!(reader != protected);
        let reader_id = carers[reader]["id"].as_str().unwrap().to_owned();
        let protected_name = carers[protected]["name"].as_str().unwrap().to_owned();
        let professional = json["professionals"][0]["id"].clone();
        let mut json = json.clone();
        let rule = json!({
            "id": "0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b",
            "child": json["child"]["id"],
            "protects": [{"kind": "carer", "id": carers[protected]["id"]}],
            "dataCategories": categories.iter().map(|c| json!({"kind": c})).collect::<Vec<_>>(),
            "withheldFrom": [{"kind": "carer", "id": reader_id}],
            "reason": reason,
            "decidedBy": professional,
            "from": "2020-01-01",
        });
        json["withholdingRules"].as_array_mut().unwrap().push(rule);
        let Ok(record) = PartnershipRecord::from_json(&json.to_string()) else {
            // A rule the record refuses (it would contradict another part) adds
            // nothing to test.
            return Ok(());
        };
        let reader_id: partnership::core::CarerId = reader_id.parse().unwrap();
        let withheld: Vec<partnership::consent::DataCategory> = categories
            .iter()
            .map(|c| serde_json::from_value(json!({"kind": c})).unwrap())
            .collect();
        // Never, in any document to them: the rule's reason, whom it protects, or
        // that something was kept back to keep someone safe.
        let mut always: Vec<String> = vec![reason.clone(), "kept back".into(), "keep someone safe".into()];
        always.push(protected_name.clone());
        if let Some(first) = protected_name.split_whitespace().next() {
            always.push(first.to_owned());
        }
        // And about a request for what the rule withholds: the words for it.
        let mut touching = always.clone();
        touching.extend(partnership::explain::category_words(&record, &withheld, Language::English).unwrap());
        for (n, entry) in record.disclosures().iter().enumerate() {
            let docs = match decision_explained(&record, n, Some(reader_id)) {
                Ok(docs) => docs,
                // Declined: nothing is told.
                Err(ExplainError::NotToBeTold | ExplainError::NotForThisCarer { .. }) => continue,
                Err(e) => panic!("{e}"),
            };
            let touches = entry.request.data_categories().iter().any(|c| withheld.contains(c));
            let forbidden = if touches { &touching } else { &always };
            for doc in &docs.documents {
                let found = leaks(doc, forbidden);
                prop_assert!(found.is_empty(), "{slug} decision {n} tells the carer withheld from {found:?}:\n{}", doc.to_text());
            }
        }
    }
}
