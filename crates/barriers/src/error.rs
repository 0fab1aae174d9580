//! The one error type of `partnership-barriers`.

use thiserror::Error;

/// Everything that can be wrong with a barrier or the register.
///
/// The message is the rule broken, in words; the field it concerns, relative to
/// the barrier, is [`Located::field`](partnership_core::Located::field), never part of
/// the message. No message contains personal data.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum BarriersError {
    /// A barrier that affects nobody.
    #[error("a barrier affects at least one carer")]
    AffectsNobody,
    /// The same entry twice in a list that must not repeat.
    #[error("repeats an earlier entry")]
    Duplicate {
        /// The list, as a JSON Pointer.
        field: &'static str,
        /// Index of the repeat.
        index: usize,
    },
    /// Something dated before the barrier was identified.
    #[error("is before the barrier was identified")]
    BeforeIdentified {
        /// The field, as a JSON Pointer.
        field: String,
    },
    /// A review dated before the mitigation started.
    #[error("is before the mitigation started")]
    ReviewBeforeStart {
        /// Index of the mitigation.
        index: usize,
    },
    /// Status changes out of date order.
    #[error("status changes are kept in date order, oldest first")]
    HistoryOutOfOrder {
        /// Index of the first change dated before its predecessor.
        index: usize,
    },
    /// A status change the lifecycle does not allow.
    #[error("a barrier cannot move from {from} to {to}")]
    TransitionNotAllowed {
        /// Index of the change (the length of the history for a change just attempted).
        index: usize,
        /// The status before.
        from: &'static str,
        /// The status asked for.
        to: &'static str,
    },
    /// Resolution without a mitigation whose effectiveness was reviewed.
    #[error("a barrier is resolved only once a mitigation's effectiveness has been reviewed")]
    ResolvedWithoutReviewedMitigation {
        /// Index of the change.
        index: usize,
    },
    /// An escalation or acceptance without what it must record.
    #[error("{rule}")]
    MissingDetail {
        /// Index of the change.
        index: usize,
        /// The missing field.
        field: &'static str,
        /// The rule.
        rule: &'static str,
    },
    /// Details on a change that does not take them.
    #[error("only an escalation names where it was escalated to")]
    UnexpectedDetail {
        /// Index of the change.
        index: usize,
        /// The field that should be absent.
        field: &'static str,
    },
    /// A mitigation that is not on the barrier.
    #[error("no mitigation with that id on this barrier")]
    NoSuchMitigation,
    /// A mitigation whose effectiveness has already been reviewed.
    #[error("already reviewed; the history is append-only")]
    AlreadyReviewed {
        /// Index of the mitigation.
        index: usize,
    },
    /// Two barriers with one id in a register.
    #[error("another barrier in the register has this id")]
    DuplicateBarrier {
        /// Index of the second barrier with the id.
        index: usize,
    },
}

impl partnership_core::Located for BarriersError {
    fn field(&self) -> partnership_core::FieldPath {
        match self {
            Self::AffectsNobody => partnership_core::FieldPath::field("affects"),
            Self::Duplicate { field, index } => {
                partnership_core::FieldPath::field(*field).index(*index)
            }
            Self::BeforeIdentified { field } => partnership_core::FieldPath::field(field.clone()),
            Self::ReviewBeforeStart { index } => partnership_core::FieldPath::field("mitigations")
                .index(*index)
                .then("review")
                .then("on"),
            Self::HistoryOutOfOrder { index } => partnership_core::FieldPath::field("history")
                .index(*index)
                .then("on"),
            Self::TransitionNotAllowed { index, .. } => {
                partnership_core::FieldPath::field("history")
                    .index(*index)
                    .then("to")
            }
            Self::ResolvedWithoutReviewedMitigation { index } => {
                partnership_core::FieldPath::field("history")
                    .index(*index)
                    .then("to")
            }
            Self::MissingDetail { index, field, .. } => {
                partnership_core::FieldPath::field("history")
                    .index(*index)
                    .then(*field)
            }
            Self::UnexpectedDetail { index, field } => {
                partnership_core::FieldPath::field("history")
                    .index(*index)
                    .then(*field)
            }
            Self::NoSuchMitigation => partnership_core::FieldPath::field("mitigations"),
            Self::AlreadyReviewed { index } => partnership_core::FieldPath::field("mitigations")
                .index(*index)
                .then("review"),
            Self::DuplicateBarrier { index } => {
                partnership_core::FieldPath::item(*index).then("id")
            }
        }
    }
}

/// A repeat found by [`partnership_core::no_repeats`] is this crate's `Duplicate`.
impl From<partnership_core::Repeated> for BarriersError {
    fn from(repeated: partnership_core::Repeated) -> Self {
        Self::Duplicate {
            field: repeated.field,
            index: repeated.index,
        }
    }
}
