//! Any bytes as a disclosure ledger in JSON lines: refused, or a ledger whose chain
//! verifies and which writes back to lines that read the same, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partnership::consent::DisclosureLedger;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(ledger) = DisclosureLedger::from_json_lines(text)
    {
        assert!(ledger.verify().is_ok());
        let again = DisclosureLedger::from_json_lines(&ledger.to_json_lines());
        assert_eq!(again.as_ref().ok(), Some(&ledger));
    }
});
