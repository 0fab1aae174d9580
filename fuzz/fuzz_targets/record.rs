//! Any bytes as a partnership record: refused or accepted, never a panic, and an
//! accepted record reads back from its own JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partnership::core::json::InputLimits;
use partnership::record::{Document, PartnershipRecord};

fuzz_target!(|data: &[u8]| {
    let _ = Document::Record.check(data, &InputLimits::default());
    if let Ok(record) = PartnershipRecord::from_reader(data) {
        let again = PartnershipRecord::from_json(&record.to_json());
        assert_eq!(again.as_ref().ok(), Some(&record));
    }
});
