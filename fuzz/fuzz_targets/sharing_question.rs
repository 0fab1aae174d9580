//! Any bytes as a sharing question, asked of a scenario's record: an error, or a
//! decision recorded in a record that is still valid; never a panic, and never a
//! permit for someone the record does not hold.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use partnership::chrono::{DateTime, Utc};
use partnership::consent::SharingQuestion;
use partnership::core::json::from_json_slice;
use partnership::record::PartnershipRecord;

static RECORD: LazyLock<Option<PartnershipRecord>> = LazyLock::new(|| {
    PartnershipRecord::from_json(include_str!(
        "../../tests/fixtures/scenarios/consent_declined_narrowed_withdrawn.json"
    ))
    .ok()
});

fuzz_target!(|data: &[u8]| {
    let (Some(record), Ok(question)) = (RECORD.as_ref(), from_json_slice::<SharingQuestion>(data))
    else {
        return;
    };
    let Ok(at) = "2026-11-23T10:00:00Z".parse::<DateTime<Utc>>() else {
        return;
    };
    let mut after = record.clone();
    match after.decide(&question, at) {
        Ok(decided) => {
            assert_eq!(question.child, record.child.id);
            assert!(record.professionals.iter().any(|p| p.id == question.requested_by));
            assert_eq!(decided.disclosure().is_some(), decided.decision().is_permit());
            assert!(PartnershipRecord::from_json(&after.to_json()).is_ok());
        }
        Err(_) => assert!(after == *record),
    }
});
