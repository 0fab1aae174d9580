//! The one error type of `partnership-carers`.

use thiserror::Error;

/// Everything that can be wrong with a carer, an agreement or a contact log.
///
/// The message is the rule broken, in words; the field it concerns, relative to the
/// value checked, is [`Located::field`], never part of the message. No message
/// contains personal data.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
/// use partnership::carers::CarersError;
/// use partnership::core::{FieldPath, Located};
///
/// let err = CarersError::ParentalResponsibilityNotHeldInRole { relationship: "foster carer" };
/// assert!(err.to_string().starts_with("a foster carer does not hold parental responsibility"));
/// assert_eq!(err.field(), FieldPath::field("legalStanding"));
/// ```
///
/// [`Located::field`]: partnership_core::Located::field
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CarersError {
    /// A foster carer or residential care worker recorded as holding parental responsibility.
    #[error(
        "a {relationship} does not hold parental responsibility in that role (Children Act 1989); record the authority delegated in the placement plan instead"
    )]
    ParentalResponsibilityNotHeldInRole {
        /// The relationship, in words.
        relationship: &'static str,
    },
    /// A basis of parental responsibility that cannot apply to the recorded
    /// relationship (see the table on `ParentalResponsibilityBasis`).
    #[error("{basis} gives parental responsibility only to {holder} ({section})")]
    BasisDoesNotFitRelationship {
        /// The basis, in words.
        basis: &'static str,
        /// Who it can apply to.
        holder: &'static str,
        /// The sections that say so.
        section: &'static str,
    },
    /// A special guardian or an adoptive parent recorded without parental
    /// responsibility, or with it on another basis.
    #[error(
        "{relationship} always holds parental responsibility, by the {basis} ({section}); record it with that basis"
    )]
    AlwaysHoldsParentalResponsibility {
        /// The relationship, in words, with its article ("an adoptive parent").
        relationship: &'static str,
        /// The basis they hold it on, in words.
        basis: &'static str,
        /// The section that gives it.
        section: &'static str,
    },
    /// Parental responsibility by birth registration, for a second female parent,
    /// for a registration before 1 September 2009.
    #[error(
        "being named on the birth register gives a second female parent parental responsibility only for registrations from 2009-09-01 (Children Act 1989 s.4ZA(1)(a)); record the agreement or order instead"
    )]
    RegisteredBeforeSeptember2009,
    /// Parental responsibility by birth registration for a registration before 1 December 2003.
    #[error(
        "being named on the birth register gives a father parental responsibility only for registrations from 2003-12-01 (Children Act 1989 s4(1)(a)); record the agreement or order instead"
    )]
    RegisteredBeforeDecember2003,
    /// Parental responsibility by birth registration without the registration date.
    #[error(
        "parental responsibility by birth registration needs the registration date, which decides whether it applies"
    )]
    RegistrationDateMissing,
    /// A period whose end is before its start.
    #[error("ends before it starts")]
    PeriodEndsBeforeStart {
        /// The end field, as a JSON Pointer.
        field: &'static str,
    },
    /// Delegated authority that lists no area.
    #[error(
        "delegated authority lists at least one area; record \"none\" when nothing is delegated"
    )]
    NoDelegatedAreas,
    /// The same entry twice in a list that must not repeat.
    #[error("repeats an earlier entry")]
    Duplicate {
        /// The list, as a JSON Pointer.
        field: &'static str,
        /// Index of the repeat.
        index: usize,
    },
    /// An availability window that does not end after it starts.
    #[error("an availability window ends after it starts")]
    EmptyWindow,
    /// A language tag that is not well-formed BCP 47.
    #[error("language tag: not a well-formed BCP 47 tag (for example en, cy, pl, pa-Guru, bfi)")]
    LanguageTag,
    /// A restriction whose reconsideration date is not after the decision.
    #[error("a restriction on involvement is reconsidered after the date it was decided")]
    ReconsiderationNotAfterDecision,
    /// A support item whose status dates from before it was identified.
    #[error("is before identifiedOn")]
    SupportStatusBeforeIdentified {
        /// Index of the support item.
        index: usize,
    },
    /// A request for a reasonable adjustment whose dates are out of order, or put in
    /// place though refused.
    #[error("{rule}")]
    AdjustmentOutOfOrder {
        /// Index of the request.
        index: usize,
        /// The field, relative to the request.
        field: &'static str,
        /// The rule broken.
        rule: &'static str,
    },
    /// A contact record with no participants.
    #[error("a contact record names at least one participant")]
    NoParticipants,
    /// An agreed action dated before the discussion that agreed it.
    #[error("is before the date of the discussion")]
    ActionBeforeDiscussion {
        /// Index of the action.
        index: usize,
        /// `dueOn` or `completedOn`.
        field: &'static str,
    },
    /// Contact records out of date order.
    #[error("contact records are kept in date order, oldest first")]
    ContactLogOrder {
        /// Index of the first record dated before its predecessor.
        index: usize,
    },
    /// An id used twice in a contact log.
    #[error("id already used earlier in the contact log")]
    ContactLogDuplicateId {
        /// Index of the record holding the repeated id.
        index: usize,
    },
    /// An action to complete that no discussion in the log agreed.
    #[error("no discussion in the contact log agreed this action")]
    NoSuchAction,
    /// An action completed a second time.
    #[error("the action is already recorded as done")]
    ActionAlreadyCompleted {
        /// Index of the contact record that agreed the action.
        index: usize,
        /// Index of the action in it.
        action: usize,
    },
    /// An action completed before the discussion that agreed it.
    #[error("is before the date of the discussion")]
    ActionCompletedBeforeDiscussion {
        /// Index of the contact record that agreed the action.
        index: usize,
        /// Index of the action in it.
        action: usize,
    },
}

impl partnership_core::Located for CarersError {
    fn field(&self) -> partnership_core::FieldPath {
        match self {
            Self::ParentalResponsibilityNotHeldInRole { .. } => {
                partnership_core::FieldPath::field("legalStanding")
            }
            Self::BasisDoesNotFitRelationship { .. } => {
                partnership_core::FieldPath::field("legalStanding").then("basis")
            }
            Self::AlwaysHoldsParentalResponsibility { .. } => {
                partnership_core::FieldPath::field("legalStanding")
            }
            Self::RegisteredBeforeDecember2003 | Self::RegisteredBeforeSeptember2009 => {
                partnership_core::FieldPath::field("legalStanding").then("since")
            }
            Self::RegistrationDateMissing => {
                partnership_core::FieldPath::field("legalStanding").then("since")
            }
            Self::PeriodEndsBeforeStart { field } => partnership_core::FieldPath::field(*field),
            Self::NoDelegatedAreas => {
                partnership_core::FieldPath::field("legalStanding").then("areas")
            }
            Self::Duplicate { field, index } => {
                partnership_core::FieldPath::field(*field).index(*index)
            }
            Self::EmptyWindow => partnership_core::FieldPath::field("until"),
            Self::LanguageTag => partnership_core::FieldPath::whole(),
            Self::ReconsiderationNotAfterDecision => {
                partnership_core::FieldPath::field("reconsiderBy")
            }
            Self::SupportStatusBeforeIdentified { index } => {
                partnership_core::FieldPath::field("support")
                    .index(*index)
                    .then("statusSince")
            }
            Self::AdjustmentOutOfOrder { index, field, .. } => {
                partnership_core::FieldPath::field("adjustments")
                    .index(*index)
                    .then(*field)
            }
            Self::NoParticipants => partnership_core::FieldPath::field("participants"),
            Self::ActionBeforeDiscussion { index, field } => {
                partnership_core::FieldPath::field("agreedActions")
                    .index(*index)
                    .then(*field)
            }
            Self::ContactLogOrder { index } => {
                partnership_core::FieldPath::item(*index).then("date")
            }
            Self::ContactLogDuplicateId { index } => partnership_core::FieldPath::item(*index),
            Self::NoSuchAction => partnership_core::FieldPath::field("agreedActions"),
            Self::ActionAlreadyCompleted { index, action } => {
                partnership_core::FieldPath::item(*index)
                    .then("agreedActions")
                    .index(*action)
                    .then("completedOn")
            }
            Self::ActionCompletedBeforeDiscussion { index, action } => {
                partnership_core::FieldPath::item(*index)
                    .then("agreedActions")
                    .index(*action)
                    .then("completedOn")
            }
        }
    }
}

/// A repeat found by [`partnership_core::no_repeats`] is this crate's `Duplicate`.
impl From<partnership_core::Repeated> for CarersError {
    fn from(repeated: partnership_core::Repeated) -> Self {
        Self::Duplicate {
            field: repeated.field,
            index: repeated.index,
        }
    }
}
