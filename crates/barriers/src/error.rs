//! The one error type of `partnership-barriers`.

use thiserror::Error;

/// Everything that can be wrong with a barrier or the register.
///
/// Messages start with the field as a JSON Pointer relative to the barrier, then the
/// rule broken; none contains personal data.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum BarriersError {
    /// A barrier that affects nobody.
    #[error("affects: a barrier affects at least one carer")]
    AffectsNobody,
    /// The same entry twice in a list that must not repeat.
    #[error("{field}/{index}: repeats an earlier entry")]
    Duplicate {
        /// The list, as a JSON Pointer.
        field: &'static str,
        /// Index of the repeat.
        index: usize,
    },
    /// Something dated before the barrier was identified.
    #[error("{field}: is before the barrier was identified")]
    BeforeIdentified {
        /// The field, as a JSON Pointer.
        field: String,
    },
    /// A review dated before the mitigation started.
    #[error("mitigations/{index}/review/on: is before the mitigation started")]
    ReviewBeforeStart {
        /// Index of the mitigation.
        index: usize,
    },
    /// Status changes out of date order.
    #[error("history/{index}/on: status changes are kept in date order, oldest first")]
    HistoryOutOfOrder {
        /// Index of the first change dated before its predecessor.
        index: usize,
    },
    /// A status change the lifecycle does not allow.
    #[error("history/{index}/to: a barrier cannot move from {from} to {to}")]
    TransitionNotAllowed {
        /// Index of the change (the length of the history for a change just attempted).
        index: usize,
        /// The status before.
        from: &'static str,
        /// The status asked for.
        to: &'static str,
    },
    /// Resolution without a mitigation whose effectiveness was reviewed.
    #[error(
        "history/{index}/to: a barrier is resolved only once a mitigation's effectiveness has been reviewed"
    )]
    ResolvedWithoutReviewedMitigation {
        /// Index of the change.
        index: usize,
    },
    /// An escalation or acceptance without what it must record.
    #[error("history/{index}/{field}: {rule}")]
    MissingDetail {
        /// Index of the change.
        index: usize,
        /// The missing field.
        field: &'static str,
        /// The rule.
        rule: &'static str,
    },
    /// Details on a change that does not take them.
    #[error("history/{index}/{field}: only an escalation names where it was escalated to")]
    UnexpectedDetail {
        /// Index of the change.
        index: usize,
        /// The field that should be absent.
        field: &'static str,
    },
    /// A mitigation that is not on the barrier.
    #[error("mitigations: no mitigation with that id on this barrier")]
    NoSuchMitigation,
    /// A mitigation whose effectiveness has already been reviewed.
    #[error("mitigations/{index}/review: already reviewed; the history is append-only")]
    AlreadyReviewed {
        /// Index of the mitigation.
        index: usize,
    },
    /// Two barriers with one id in a register.
    #[error("{index}/id: another barrier in the register has this id")]
    DuplicateBarrier {
        /// Index of the second barrier with the id.
        index: usize,
    },
}
