//! The one error type of `partnership-goals`.

use thiserror::Error;

/// Everything that can be wrong with a shared goal or a goal attainment score.
///
/// The message is the rule broken, in words; the field it concerns, relative to
/// the goal, is [`Located::field`](partnership_core::Located::field), never part of
/// the message. No message contains personal data.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum GoalsError {
    /// A goal attainment level outside −2 to +2.
    #[error("goal attainment level: must be from -2 to 2, found {found}")]
    GasLevel {
        /// The level found.
        found: i64,
    },
    /// Something dated before the goal was created.
    #[error("is before the goal was created")]
    BeforeCreated {
        /// The field, as a JSON Pointer.
        field: String,
    },
    /// Entries out of date order.
    #[error("entries are kept in date order, oldest first")]
    OutOfOrder {
        /// The list.
        field: &'static str,
        /// Index of the first entry dated before its predecessor.
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
    /// A lifecycle move the goal's status does not allow.
    #[error("a goal cannot move from {from} to {to}")]
    TransitionNotAllowed {
        /// Index of the transition (the history's length for one just attempted).
        index: usize,
        /// The status before.
        from: &'static str,
        /// The status asked for.
        to: &'static str,
    },
    /// Activation without any carer's agreement when it was required.
    #[error(
        "a goal becomes active only once a carer has agreed to it (or every carer's involvement is restricted by a recorded decision)"
    )]
    NoCarerAgreement {
        /// Index of the activation.
        index: usize,
    },
    /// An activation naming a carer who had not agreed by then.
    #[error("this carer had not agreed to the goal by then")]
    AgreementNotRecorded {
        /// Index of the activation.
        index: usize,
        /// Index of the carer in the basis.
        carer: usize,
    },
    /// An activation basis on a transition that is not an activation.
    #[error("only a move to active records a basis")]
    BasisOnlyOnActivation {
        /// Index of the transition.
        index: usize,
    },
    /// Activation without a responsibility or a target date.
    #[error("a goal becomes active only with {rule}")]
    NotReadyToActivate {
        /// The missing field.
        field: &'static str,
        /// What it needs.
        rule: &'static str,
    },
    /// A plan revised after a carer agreed to it or the goal moved on.
    #[error(
        "a goal's plan is revised only while the goal is proposed and before any carer has agreed to it; after that a goal review changes it"
    )]
    PlanSettled {
        /// `agreements` or `transitions`: what settled the plan.
        field: &'static str,
    },
    /// A goal review whose previous target does not match the target it replaced.
    #[error("does not match the target before this review")]
    TargetChainBroken {
        /// Index of the review.
        index: usize,
    },
    /// A review replacing the goal with itself.
    #[error("a goal is replaced by another goal, not by itself")]
    ReplacedBySelf {
        /// Index of the review.
        index: usize,
    },
    /// A new target date before the review that set it.
    #[error("is before the review")]
    TargetBeforeReview {
        /// Index of the review.
        index: usize,
    },
    /// The goal's target date is not the last one a review set.
    #[error("differs from the target set by the latest review")]
    TargetNotLatest,
    /// A goal attainment score over no goals, or with no positive weight.
    #[error("goal attainment score: needs at least one goal with a positive weight")]
    NoWeightedGoals,
    /// Weights so large the score cannot be computed.
    #[error("goal attainment score: the weights are too large to compute a score; scale them down")]
    WeightsOutOfRange,
    /// A weight that is negative or not a finite number.
    #[error("goal attainment score: weight {index} must be a finite number of zero or more")]
    InvalidWeight {
        /// Index of the weight.
        index: usize,
    },
}

impl partnership_core::Located for GoalsError {
    fn field(&self) -> partnership_core::FieldPath {
        match self {
            Self::GasLevel { .. } => partnership_core::FieldPath::whole(),
            Self::BeforeCreated { field } => partnership_core::FieldPath::field(field.clone()),
            // Each dated list of a goal (progress, transitions, reviews) dates its
            // entries `on`.
            Self::OutOfOrder { field, index } => partnership_core::FieldPath::field(*field)
                .index(*index)
                .then("on"),
            Self::Duplicate { field, index } => {
                partnership_core::FieldPath::field(*field).index(*index)
            }
            Self::TransitionNotAllowed { index, .. } => {
                partnership_core::FieldPath::field("transitions")
                    .index(*index)
                    .then("to")
            }
            Self::NoCarerAgreement { index } => partnership_core::FieldPath::field("transitions")
                .index(*index)
                .then("basis"),
            Self::AgreementNotRecorded { index, carer } => {
                partnership_core::FieldPath::field("transitions")
                    .index(*index)
                    .then("basis")
                    .then("carers")
                    .index(*carer)
            }
            Self::BasisOnlyOnActivation { index } => {
                partnership_core::FieldPath::field("transitions")
                    .index(*index)
                    .then("basis")
            }
            Self::NotReadyToActivate { field, .. } => partnership_core::FieldPath::field(*field),
            Self::PlanSettled { field } => partnership_core::FieldPath::field(*field),
            Self::TargetChainBroken { index } => partnership_core::FieldPath::field("reviews")
                .index(*index)
                .then("decision")
                .then("previousTarget"),
            Self::ReplacedBySelf { index } => partnership_core::FieldPath::field("reviews")
                .index(*index)
                .then("decision")
                .then("goal"),
            Self::TargetBeforeReview { index } => partnership_core::FieldPath::field("reviews")
                .index(*index)
                .then("decision")
                .then("newTarget"),
            Self::TargetNotLatest => partnership_core::FieldPath::field("targetDate"),
            Self::NoWeightedGoals => partnership_core::FieldPath::whole(),
            Self::WeightsOutOfRange => partnership_core::FieldPath::whole(),
            Self::InvalidWeight { .. } => partnership_core::FieldPath::whole(),
        }
    }
}

/// A repeat found by [`partnership_core::no_repeats`] is this crate's `Duplicate`.
impl From<partnership_core::Repeated> for GoalsError {
    fn from(repeated: partnership_core::Repeated) -> Self {
        Self::Duplicate {
            field: repeated.field,
            index: repeated.index,
        }
    }
}
