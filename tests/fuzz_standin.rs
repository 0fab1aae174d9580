//! The fuzz targets' promise, checked on every commit: arbitrary bytes, and
//! mutations of valid documents, never make loading panic; whatever is accepted is
//! valid and reads back from its own JSON. (`cargo fuzz` explores far more inputs, for
//! longer, with coverage guidance; see the README.)
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use partnership::consent::strategies as consent;
use partnership::consent::{DisclosureLedger, SharingQuestion, SharingRequest, decide};
use partnership::core::json::{InputLimits, from_json_slice};
use partnership::record::{Document, PartnershipRecord, strategies};
use proptest::collection::vec;
use proptest::prelude::*;
use serde_json::Value;

/// One way to damage a document's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, bits: u8 },
    Truncate { at: usize },
    Delete { at: usize, len: usize },
    Duplicate { at: usize, len: usize },
    Insert { at: usize, token: &'static str },
}

const TOKENS: [&str; 14] = [
    "null",
    "[",
    "]",
    "{",
    "}",
    "\"",
    ",",
    ":",
    "1e999",
    "-0",
    "\\u0000",
    "\u{feff}",
    "{\"kind\":\"other\"}",
    "99999999999999999999",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1u8..=255).prop_map(|(at, bits)| Mutation::Flip { at, bits }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        (any::<usize>(), prop::sample::select(&TOKENS[..]))
            .prop_map(|(at, token)| Mutation::Insert { at, token }),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let n = bytes.len().max(1);
    match *mutation {
        Mutation::Flip { at, bits } => {
            if let Some(b) = bytes.get_mut(at % n) {
                *b ^= bits;
            }
        }
        Mutation::Truncate { at } => bytes.truncate(at % n),
        Mutation::Delete { at, len } => {
            let start = (at % n).min(bytes.len());
            let end = (start + len).min(bytes.len());
            bytes.drain(start..end);
        }
        Mutation::Duplicate { at, len } => {
            let start = (at % n).min(bytes.len());
            let end = (start + len).min(bytes.len());
            let copy = bytes[start..end].to_vec();
            bytes.splice(end..end, copy);
        }
        Mutation::Insert { at, token } => {
            let at = (at % n).min(bytes.len());
            bytes.splice(at..at, token.bytes());
        }
    }
}

/// Replaces the `index`th value in the tree (counting depth first) with `with`.
fn replace_node(value: &mut Value, index: &mut usize, with: &Value) -> bool {
    if *index == 0 {
        *value = with.clone();
        return true;
    }
    *index -= 1;
    match value {
        Value::Array(items) => items.iter_mut().any(|v| replace_node(v, index, with)),
        Value::Object(map) => map.values_mut().any(|v| replace_node(v, index, with)),
        _ => false,
    }
}

fn odd_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "\\PC{0,12}".prop_map(Value::String),
        Just(Value::Array(vec![])),
        Just(serde_json::json!({})),
        Just(serde_json::json!({"kind": "other"})),
        Just(serde_json::json!("2026-02-30")),
        Just(serde_json::json!("00000000-0000-4000-8000-000000000000")),
    ]
}

/// Loads `bytes` every way a partner's record can arrive; anything accepted must be
/// a record that reads back from its own JSON.
fn load_record(bytes: &[u8]) -> Result<(), TestCaseError> {
    let checked = Document::Record.check(bytes, &InputLimits::default());
    let read = PartnershipRecord::from_reader(bytes);
    prop_assert_eq!(checked.is_ok(), read.is_ok());
    if let Ok(record) = read {
        let again = PartnershipRecord::from_json(&record.to_json()).unwrap();
        prop_assert_eq!(again, record);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in vec(any::<u8>(), 0..2048)) {
        for kind in Document::ALL {
            let _ = kind.check(&bytes, &InputLimits::default());
        }
        load_record(&bytes)?;
    }

    #[test]
    fn damaged_records_never_panic(
        record in strategies::record(),
        mutations in vec(mutation(), 1..6),
    ) {
        let mut bytes = record.to_json().into_bytes();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        load_record(&bytes)?;
    }

    #[test]
    fn records_with_a_value_swapped_never_panic(
        record in strategies::record(),
        at in any::<prop::sample::Index>(),
        with in odd_value(),
    ) {
        let mut value: Value = serde_json::from_str(&record.to_json()).unwrap();
        let mut index = at.index(4096);
        replace_node(&mut value, &mut index, &with);
        load_record(value.to_string().as_bytes())?;
    }

    #[test]
    fn damaged_sharing_requests_never_panic(
        request in consent::world().prop_flat_map(|w| consent::sharing_request(&w)),
        mutations in vec(mutation(), 1..6),
    ) {
        let mut bytes = serde_json::to_vec(&request).unwrap();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        if let Ok(request) = from_json_slice::<SharingRequest>(&bytes) {
            let decision = decide(&request, &[], &[], None);
            prop_assert!(decision.is_permit() || !decision.reasons().is_empty());
        }
    }

    #[test]
    fn damaged_sharing_questions_never_panic_and_never_permit_strangers(
        (record, question) in strategies::record().prop_flat_map(|r| (Just(r.clone()), strategies::question(&r))),
        mutations in vec(mutation(), 1..6),
        minutes in 0i64..(3 * 365 * 24 * 60),
    ) {
        // A partner's question, damaged any way, asked of a record: an error, or a
        // decision about people the record holds, recorded, with the record still valid.
        let mut bytes = serde_json::to_vec(&question).unwrap();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let at = record.disclosures().last_recorded_at().unwrap_or_default().max(
            "2025-01-01T00:00:00Z".parse().unwrap(),
        ) + chrono::Duration::minutes(minutes);
        if let Ok(question) = from_json_slice::<SharingQuestion>(&bytes) {
            let mut after = record.clone();
            match after.decide(&question, at) {
                Ok(decided) => {
                    prop_assert_eq!(question.child(), record.child().id());
                    prop_assert!(record.professionals().iter().any(|p| p.id == question.requested_by()));
                    prop_assert_eq!(decided.disclosure().is_some(), decided.decision().is_permit());
                    prop_assert!(PartnershipRecord::from_json(&after.to_json()).is_ok());
                }
                Err(_) => prop_assert_eq!(after, record),
            }
        }
    }

    #[test]
    fn damaged_ledger_lines_never_panic(
        (world, requests) in consent::world().prop_flat_map(|w| (Just(w.clone()), vec(consent::sharing_request(&w), 1..5))),
        mutations in vec(mutation(), 1..6),
    ) {
        let mut ledger = DisclosureLedger::default();
        let mut at = world.start;
        for request in &requests {
            at += chrono::Duration::minutes(1);
            let mut parts = request.clone().into_parts();
            parts.at = at;
            let request = SharingRequest::try_from(parts).unwrap();
            let decision = decide(&request, &[], &[], None);
            ledger.append(request, decision, at).unwrap();
        }
        let mut bytes = ledger.to_json_lines().into_bytes();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let checked = Document::Ledger.check(&bytes, &InputLimits::default());
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let read = DisclosureLedger::from_json_lines(text);
            prop_assert_eq!(checked.is_ok(), read.is_ok());
            if let Ok(read) = read {
                prop_assert!(read.verify().is_ok());
            }
        }
    }
}
