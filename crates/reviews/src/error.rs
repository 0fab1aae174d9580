//! The one error type of `partnership-reviews`.

use thiserror::Error;

/// Everything that can be wrong with a calendar, a schedule or an outcome.
///
/// The message is the rule broken, in words; the field it concerns, relative to
/// the document, is [`Located::field`](partnership_core::Located::field), never part of
/// the message. No message contains personal data.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ReviewsError {
    /// A date calculation left the calendar the library can represent.
    #[error("the date falls outside the representable calendar")]
    OutOfRange {
        /// What was being calculated.
        what: &'static str,
    },
    /// A number of months or weeks outside what the rule allows.
    #[error("must be from {min} to {max}, found {found}")]
    OutOfBounds {
        /// The field.
        field: &'static str,
        /// The least allowed.
        min: u32,
        /// The most allowed.
        max: u32,
        /// What was found.
        found: u32,
    },
    /// Terms that do not cover the academic year once, in order.
    #[error("{rule}")]
    Terms {
        /// The rule broken.
        rule: &'static str,
    },
    /// Outcomes out of date order, or before the schedule started.
    #[error("{rule}")]
    HeldOn {
        /// Index of the outcome.
        index: usize,
        /// The rule broken.
        rule: &'static str,
    },
    /// An agreed next review later than the statutory deadline.
    #[error("{agreed} is after the latest date the next review may be held, {deadline} ({rule})")]
    AgreedAfterDeadline {
        /// Index of the outcome.
        index: usize,
        /// The date agreed.
        agreed: chrono::NaiveDate,
        /// The deadline.
        deadline: chrono::NaiveDate,
        /// The rule that sets the deadline, in words.
        rule: String,
    },
    /// An agreed next review before the review that agreed it.
    #[error("is before the review was held")]
    AgreedBeforeHeld {
        /// Index of the outcome.
        index: usize,
    },
    /// The same entry twice in a list that must not repeat.
    #[error("repeats an earlier entry")]
    Duplicate {
        /// The list, as a JSON Pointer.
        field: &'static str,
        /// Index of the repeat.
        index: usize,
    },
    /// A complaint or appeal whose history contradicts itself or the law, or an
    /// update that rewrites what was recorded.
    #[error("{rule}")]
    Redress {
        /// The field, relative to the complaint or appeal.
        field: &'static str,
        /// The rule broken.
        rule: &'static str,
    },
    /// A meeting window that ends before it starts.
    #[error("the earliest date is after the deadline")]
    EmptyWindow,
}

impl partnership_core::Located for ReviewsError {
    fn field(&self) -> partnership_core::FieldPath {
        match self {
            Self::OutOfRange { what } => partnership_core::FieldPath::field(*what),
            Self::OutOfBounds { field, .. } => partnership_core::FieldPath::field(*field),
            Self::Terms { .. } => partnership_core::FieldPath::field("terms"),
            Self::HeldOn { index, .. } => partnership_core::FieldPath::field("outcomes")
                .index(*index)
                .then("heldOn"),
            Self::AgreedAfterDeadline { index, .. } => {
                partnership_core::FieldPath::field("outcomes")
                    .index(*index)
                    .then("nextReviewAgreed")
            }
            Self::AgreedBeforeHeld { index } => partnership_core::FieldPath::field("outcomes")
                .index(*index)
                .then("nextReviewAgreed"),
            Self::Duplicate { field, index } => {
                partnership_core::FieldPath::field(*field).index(*index)
            }
            Self::EmptyWindow => partnership_core::FieldPath::field("window"),
            Self::Redress { field, .. } => partnership_core::FieldPath::field(*field),
        }
    }
}
