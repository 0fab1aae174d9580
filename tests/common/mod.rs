//! What more than one test file needs. Each test file is its own crate and uses a part
//! of this, so unused parts are expected.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub mod safeguarding;

use partnership::record::{PartnershipRecord, Rule};
use serde_json::Value;

/// The problems of a record JSON, by pointer and rule; none for a valid record.
pub fn problems(json: &Value) -> Vec<(String, Rule)> {
    match PartnershipRecord::from_json(&json.to_string()) {
        Ok(_) => vec![],
        Err(e) => e
            .problems
            .iter()
            .map(|p| (p.pointer.clone(), p.rule))
            .collect(),
    }
}
