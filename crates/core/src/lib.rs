//! The shared vocabulary of the `partnership` workspace.
//!
//! Every domain crate (carers, goals, consent, barriers, reviews) depends on this one
//! and on no other: they refer to each other's entities through the typed ids here
//! (a goal names a [`CarerId`], not a carer), and the record crate resolves them.
//!
//! - **Typed ids** ([`ChildId`], [`CarerId`], [`ProfessionalId`], …): UUID newtypes.
//! - **[`Sensitive<T>`]**: personal data whose `Debug` is always `***`.
//! - **Identifiers**: [`NhsNumber`] (checked on construction and on reading JSON) and
//!   the generic [`Identifier`].
//! - **The child**: [`ChildProfile`] with [`age_on`](ChildProfile::age_on) and
//!   [`school_year_on`](ChildProfile::school_year_on) for England.
//! - **Professionals and agencies**: [`Professional`], [`ProfessionalRole`], [`Agency`].
//! - **Dates**: [`add_months`] (clamping), [`DayOfWeek`], [`TimeOfDay`], and with the
//!   `time` feature conversions in [`time_interop`].
//! - **JSON**: [`json::from_json_str`] reads any document with a JSON Pointer to the
//!   problem and no personal data in the message.
//!
//! Nothing here reads the system clock: functions that depend on the date take it.
//!
//! ```
//! # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
//! use partnership::chrono::NaiveDate;
//! use partnership::core::{ChildId, ChildProfile, ChildProfileParts, Label, NhsNumber, Sensitive};
//!
//! let child: ChildProfile = partnership::core::json::from_json_str(r#"{
//!     "id": "5b0c2f0e-8d43-4c55-9f0e-0d6b2a7c1e11",
//!     "name": "Noah Williams",
//!     "dateOfBirth": "2015-01-10",
//!     "nhsNumber": "943 476 5919",
//!     "communicationNeeds": [{"kind": "visual-supports"}]
//! }"#).unwrap();
//!
//! let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
//! assert_eq!(child.age_on(today).unwrap(), 11);
//! assert_eq!(child.school_year_on(today).unwrap().to_string(), "Year 7");
//! // Personal data never reaches Debug output.
//! let debug = format!("{child:?}");
//! assert!(!debug.contains("Noah") && !debug.contains("5919"));
//! ```

mod child;
mod choice;
mod date;
mod error;
mod html;
mod id;
pub mod json;
mod label;
mod lists;
mod nhs;
mod party;
mod pointer;
mod professional;
pub mod readability;
mod school;
mod sensitive;
#[cfg(feature = "proptest")]
pub mod strategies;
#[cfg(feature = "time")]
pub mod time_interop;
mod validated;

pub use child::{
    ChildProfile, ChildProfileParts, ChildView, CommunicationNeed, IdentifierOmission,
    IdentifierOmissionReason, ParticipationAid, age_on,
};
pub use date::{
    CANONICAL_DATE_PATTERN, DayOfWeek, LAST_WRITTEN_DAY, TimeOfDay, add_months, canonical_date,
    canonical_time, date_problem, noon_on, parse_canonical_date, sub_months, uk_date,
};
pub use error::CoreError;
pub use html::escape_html;
pub use id::{
    ActionId, AdjustmentId, AgencyId, AgreementId, BarrierId, CarerId, ChildId,
    CompetenceAssessmentId, ConsentId, ContactRecordId, GoalId, JustificationId, MilestoneId,
    MitigationId, ProfessionalId, ProgressEntryId, RecordId, RedressId, ResponsibilityId, ReviewId,
    ReviewScheduleId, SharingRequestId, SupportId, WithholdingRuleId,
};
pub use id::{CANONICAL_UUID_PATTERN, canonical_uuid, parse_canonical_uuid};
pub use label::Label;
pub use lists::{Repeated, first_repeat, no_repeats};
pub use nhs::{Identifier, NhsNumber};
pub use party::PartyRef;
pub use pointer::{FieldPath, Located, Pointer};
pub use professional::{Agency, AgencyKind, Professional, ProfessionalRole};
pub use school::{AcademicYear, CompulsorySchoolAge, SchoolYear, YearGroup};
pub use sensitive::Sensitive;
pub use validated::Checked;

/// Re-exports for [`validated!`]'s expansion in other crates; not part of the API.
#[doc(hidden)]
pub mod __private {
    pub use crate::choice::{ChoiceLabel, ChoiceRepr, doc_text, label_names, same_label_text};
    pub use schemars;
    pub use serde;
    pub use serde_json;
    pub use std::borrow::Cow;
}
