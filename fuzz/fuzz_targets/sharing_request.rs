//! Any bytes as a sharing request: refused, or decided (always with a reason when
//! refused), never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partnership::consent::{SharingRequest, decide};
use partnership::core::json::from_json_slice;

fuzz_target!(|data: &[u8]| {
    if let Ok(request) = from_json_slice::<SharingRequest>(data) {
        let decision = decide(&request, &[], &[], None);
        assert!(decision.is_permit() || !decision.reasons().is_empty());
    }
});
