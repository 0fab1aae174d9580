//! Properties of whole records: round trips, validation and the practice report.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::NaiveDate;
use partnership_core::strategies::{date_between, personal_strings};
use partnership_record::strategies::record;
use partnership_record::*;
use proptest::prelude::*;
use serde_json::Value;

fn as_of() -> impl Strategy<Value = NaiveDate> {
    date_between(
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2030, 12, 31).unwrap(),
    )
}

/// Every JSON Pointer in `value` at which `id` appears as a string.
fn pointers_to(value: &Value, id: &str, at: String, out: &mut Vec<String>) {
    match value {
        Value::String(s) if s == id => out.push(at),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers_to(item, id, format!("{at}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                pointers_to(item, id, format!("{at}/{k}"), out);
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, max_global_rejects: 4096, ..ProptestConfig::default() })]

    #[test]
    fn valid_records_round_trip(record in record()) {
        let json = record.to_json();
        let back = PartnershipRecord::from_json(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &record);
        prop_assert_eq!(back.to_json(), json);
        let from_reader = PartnershipRecord::from_reader(record.to_json().as_bytes()).unwrap();
        prop_assert_eq!(from_reader, record);
    }

    #[test]
    fn every_dangling_reference_is_reported(record in record(), which in any::<prop::sample::Index>()) {
        // Delete one carer or professional that something else refers to: validation
        // reports a dangling reference at (one of) the places that referred to it.
        let json = serde_json::to_value(&record).unwrap();
        let mut candidates = Vec::new();
        for (list, n) in [("carers", record.carers().len()), ("professionals", record.professionals().len())] {
            for i in 0..n {
                let id = json[list][i]["id"].as_str().unwrap().to_owned();
                let mut refs = Vec::new();
                pointers_to(&json, &id, String::new(), &mut refs);
                refs.retain(|p| p != &format!("/{list}/{i}/id"));
                if !refs.is_empty() {
                    candidates.push((list, i, refs));
                }
            }
        }
        prop_assume!(!candidates.is_empty());
        let (list, i, refs) = which.get(&candidates).clone();
        let mut parts = record.into_parts();
        match list {
            "carers" => { parts.carers.remove(i); }
            _ => { parts.professionals.remove(i); }
        }
        let problems = PartnershipRecord::problems_of(&parts);
        let reported: Vec<&str> = problems.iter().filter(|p| p.rule == Rule::DanglingReference).map(|p| p.pointer.as_str()).collect();
        // Every place the removed person's id appears is reported.
        let missed: Vec<&String> = refs.iter().filter(|r| !reported.iter().any(|p| p == r)).collect();
        prop_assert!(missed.is_empty(), "not reported: {:?}; reported: {:?}", missed, reported);
    }

    #[test]
    fn validation_reports_all_problems(record in record(), k in 1usize..5) {
        // k independent corruptions: k agreements naming carers that do not exist.
        let mut parts = record.into_parts();
        let template = partnership_carers::CommunicationAgreement {
            id: partnership_core::AgreementId::random(),
            carer: partnership_core::CarerId::random(),
            frequency: partnership_carers::UpdateFrequency::Weekly,
            channel: partnership_carers::Channel::Phone,
            updates_given_by: partnership_core::PartyRef::Child { id: parts.child.id() },
            agreed_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        };
        for _ in 0..k {
            let mut a = template.clone();
            a.id = partnership_core::AgreementId::random();
            a.carer = partnership_core::CarerId::random();
            parts.communication_agreements.push(a);
        }
        let json = serde_json::to_string(&parts).unwrap();
        let err = PartnershipRecord::from_json(&json).unwrap_err();
        prop_assert!(err.problems.len() >= k, "{} problems for {} corruptions", err.problems.len(), k);
    }

    #[test]
    fn report_is_deterministic(record in record(), as_of in as_of()) {
        let once = record.practice_report(as_of);
        let again = PartnershipRecord::from_json(&record.to_json()).unwrap().practice_report(as_of);
        prop_assert_eq!(&once, &again);
        prop_assert_eq!(once.to_text(), again.to_text());
        prop_assert_eq!(serde_json::to_string(&once).unwrap(), serde_json::to_string(&again).unwrap());
    }

    #[test]
    fn report_has_no_personal_data(record in record(), as_of in as_of()) {
        let report = record.practice_report(as_of);
        let text = report.to_text();
        let json = serde_json::to_string(&report).unwrap();
        for personal in personal_strings(&record) {
            prop_assert!(!text.contains(&personal), "leaked into the text");
            prop_assert!(!json.contains(&personal), "leaked into the JSON");
        }
        for finding in &report.findings {
            for pointer in &finding.about {
                let json = serde_json::to_value(&record).unwrap();
                prop_assert!(json.pointer(pointer).is_some(), "{} points nowhere", pointer);
            }
        }
    }

    #[test]
    fn due_items_are_sorted_and_point_into_their_record(record in record(), as_of in as_of()) {
        let calendar = partnership_reviews::WorkingCalendar::england_and_wales();
        let items = due_items(std::slice::from_ref(&record), as_of, 30, &calendar);
        let json = serde_json::to_value(&record).unwrap();
        for pair in items.windows(2) {
            prop_assert!(pair[0].due <= pair[1].due);
        }
        for item in &items {
            prop_assert!(json.pointer(&item.pointer).is_some());
            prop_assert!(item.due <= as_of + chrono::Duration::days(30));
            prop_assert_eq!(item.days_overdue, (as_of - item.due).num_days());
        }
    }
}
