//! What the `partnership` command prints as JSON, as types: so that each has a
//! published schema, and a partner's script can rely on its shape.

use partnership_consent::SharingDecision;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Problem;

/// The answer to a sharing question (`partnership share --format json`): whether the
/// decision was recorded, where, and the decision itself.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
/// use partnership::record::ShareAnswer;
///
/// let answer: ShareAnswer = serde_json::from_str(
///     r#"{"recorded": false, "decision": {"kind": "refuse", "reasons": [{"kind": "no-consent", "category": {"kind": "health"}}]}}"#,
/// ).unwrap();
/// assert!(!answer.recorded);
/// assert!(!answer.decision.is_permit());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ShareAnswer {
    /// Whether the decision was recorded in the record's ledger; `false` for a
    /// what-if, when nothing was shared or recorded.
    pub recorded: bool,
    /// The position of the ledger entry that records the decision, when recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ledger_index: Option<u64>,
    /// The decision: permit (with its basis), refuse (with every reason) or not
    /// disclosed (under the exception to the duty to share).
    pub decision: SharingDecision,
}

/// What `partnership check --format json` found in one file.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
/// use partnership::record::CheckedFile;
///
/// let file: CheckedFile = serde_json::from_str(
///     r#"{"path": "record.json", "valid": true, "problems": []}"#,
/// ).unwrap();
/// assert!(file.valid && file.error.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CheckedFile {
    /// The file as it was named (`-` for standard input).
    pub path: String,
    /// Whether the file holds a valid document of the kind asked for.
    pub valid: bool,
    /// Every problem, each with its JSON Pointer, its rule, its message, and the line
    /// and column where it was found while reading.
    pub problems: Vec<Problem>,
    /// For a valid record: what its ledger does and does not prove.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Why the file could not be read at all (missing, a directory, not UTF-8, too
    /// large); the command's exit status is then 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}
