//! The partnership record: one validated document, path-precise loading, a practice
//! report and due lists.
//!
//! A service or a partner system holds one [`PartnershipRecord`] per child: the child,
//! the carers, the team around them, what was agreed, consented and shared, what stands
//! in the way, and when they next meet. The domain crates each check their own rules;
//! only the record can check that they fit together, and only the record can say how
//! well the partnership is working.
//!
//! - [`PartnershipRecord::from_json`] and [`from_reader`](PartnershipRecord::from_reader):
//!   a valid record or every [`Problem`], each with a JSON Pointer and its [`Rule`].
//! - [`PartnershipRecord::to_json`]: byte-for-byte stable output.
//! - [`PartnershipRecord::decide`]: the one way to share. The record decides on its
//!   own facts (who the recipient is, the child's age and capacity, who may consent
//!   and whether they could on the day), records the decision and only then answers,
//!   with a [`Disclosure`] for a permit; [`what_if`](PartnershipRecord::what_if) asks
//!   the same without recording anything.
//! - [`PartnershipRecord::practice_report`]: [`Finding`]s tied to the principles of
//!   the partnership model, as text or JSON, with no personal data.
//! - [`due_items`]: what is due or overdue across many records, for a dashboard.
//!
//! ```
//! # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
//! use partnership::chrono::NaiveDate;
//! use partnership::record::{FindingCode, PartnershipRecord};
//!
//! let record = PartnershipRecord::from_json(r#"{
//!   "schemaVersion": 2,
//!   "id": "00000000-0000-4000-8000-000000000001",
//!   "child": {"id": "00000000-0000-4000-8000-000000000002", "name": "Layla Ahmed", "dateOfBirth": "2022-10-03"},
//!   "carers": [{
//!     "id": "00000000-0000-4000-8000-000000000004",
//!     "name": "Samira Ahmed",
//!     "relationship": {"kind": "birth-parent"},
//!     "legalStanding": {"kind": "parental-responsibility", "basis": {"kind": "birth-mother"}},
//!     "livesWithChild": true,
//!     "primaryContact": true,
//!     "communication": {"preferredLanguage": "ar", "interpreterNeeded": true, "easyReadNeeded": false}
//!   }],
//!   "professionals": [{"id": "00000000-0000-4000-8000-000000000005", "name": "Priya Shah",
//!     "role": {"kind": "early-years-key-worker"}, "agency": "00000000-0000-4000-8000-000000000006"}],
//!   "agencies": [{"id": "00000000-0000-4000-8000-000000000006", "name": "Little Acorns Nursery", "kind": {"kind": "early-years"}}],
//!   "communicationAgreements": [{
//!     "id": "00000000-0000-4000-8000-000000000003",
//!     "carer": "00000000-0000-4000-8000-000000000004",
//!     "frequency": {"kind": "fortnightly"},
//!     "channel": "text-message",
//!     "updatesGivenBy": {"kind": "professional", "id": "00000000-0000-4000-8000-000000000005"},
//!     "agreedOn": "2026-09-07"
//!   }]
//! }"#).unwrap();
//!
//! let report = record.practice_report(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
//! let codes: Vec<FindingCode> = report.findings.iter().map(|f| f.code).collect();
//! assert_eq!(codes, [FindingCode::UpdateOverdue, FindingCode::LanguageSupportNotArranged]);
//! let text = report.to_text();
//! assert!(text.contains("Carer 1 (birth parent) agreed to fortnightly updates by text message"));
//! assert!(!text.contains("Samira") && !text.contains("Priya"));
//!
//! // Read and written again: the same bytes.
//! assert_eq!(PartnershipRecord::from_json(&record.to_json()).unwrap().to_json(), record.to_json());
//! ```

mod change;
mod decide;
mod document;
mod due;
mod facts;
#[cfg(feature = "fhir")]
pub mod fhir;
mod load;
mod output;
mod problem;
mod record;
mod report;
pub mod schema;
#[cfg(feature = "proptest")]
pub mod strategies;
mod validate;

pub use change::{Change, ChangeKind, ProvenanceEntry};
pub use decide::{Decided, DecisionError, Disclosure, WhatIf};
pub use document::{Document, UnknownDocument};
pub use due::{DueItem, DueKind, due_items};
pub use output::{CheckedFile, ShareAnswer};
pub use problem::{Problem, RecordError, Rule};
pub use record::{PartnershipRecord, PartnershipRecordParts, SCHEMA_VERSION};
pub use report::{
    ADJUSTMENT_ANSWER_EXPECTED_WITHIN_DAYS, CONSENT_ANSWER_EXPECTED_WITHIN_DAYS, Finding,
    FindingCode, FindingSeverity, PracticeReport, Principle, ServiceLimits,
};
