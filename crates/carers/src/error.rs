//! The one error type of `partnership-carers`.

use thiserror::Error;

/// Everything that can be wrong with a carer, an agreement or a contact log.
///
/// Each message starts with the field, as a JSON Pointer relative to the document
/// being checked (`legalStanding/basis`), then the rule broken. No message contains
/// personal data.
///
/// ```
/// use partnership_carers::CarersError;
///
/// let err = CarersError::ParentalResponsibilityNotHeldInRole { relationship: "foster carer" };
/// assert!(err.to_string().starts_with("legalStanding: a foster carer does not hold parental responsibility"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CarersError {
    /// A foster carer or residential care worker recorded as holding parental responsibility.
    #[error(
        "legalStanding: a {relationship} does not hold parental responsibility in that role (Children Act 1989); record the authority delegated in the placement plan instead"
    )]
    ParentalResponsibilityNotHeldInRole {
        /// The relationship, in words.
        relationship: &'static str,
    },
    /// A basis of parental responsibility that cannot apply to the recorded relationship.
    #[error("legalStanding/basis: {basis} gives parental responsibility only to {holder}")]
    BasisDoesNotFitRelationship {
        /// The basis, in words.
        basis: &'static str,
        /// Who it can apply to.
        holder: &'static str,
    },
    /// Parental responsibility by birth registration for a registration before 1 December 2003.
    #[error(
        "legalStanding/since: being named on the birth register gives a father parental responsibility only for registrations from 2003-12-01 (Children Act 1989 s4(1)(a)); record the agreement or order instead"
    )]
    RegisteredBeforeDecember2003,
    /// Parental responsibility by birth registration without the registration date.
    #[error(
        "legalStanding/since: parental responsibility by birth registration needs the registration date, which decides whether it applies"
    )]
    RegistrationDateMissing,
    /// A period whose end is before its start.
    #[error("{field}: ends before it starts")]
    PeriodEndsBeforeStart {
        /// The end field, as a JSON Pointer.
        field: &'static str,
    },
    /// Delegated authority that lists no area.
    #[error(
        "legalStanding/areas: delegated authority lists at least one area; record \"none\" when nothing is delegated"
    )]
    NoDelegatedAreas,
    /// The same entry twice in a list that must not repeat.
    #[error("{field}/{index}: repeats an earlier entry")]
    Duplicate {
        /// The list, as a JSON Pointer.
        field: &'static str,
        /// Index of the repeat.
        index: usize,
    },
    /// An availability window that does not end after it starts.
    #[error("until: an availability window ends after it starts")]
    EmptyWindow,
    /// A language tag that is not well-formed BCP 47.
    #[error("language tag: not a well-formed BCP 47 tag (for example en, cy, pl, pa-Guru, bfi)")]
    LanguageTag,
    /// A restriction whose reconsideration date is not after the decision.
    #[error(
        "reconsiderBy: a restriction on involvement is reconsidered after the date it was decided"
    )]
    ReconsiderationNotAfterDecision,
    /// A support item whose status dates from before it was identified.
    #[error("support/{index}/statusSince: is before identifiedOn")]
    SupportStatusBeforeIdentified {
        /// Index of the support item.
        index: usize,
    },
    /// A contact record with no participants.
    #[error("participants: a contact record names at least one participant")]
    NoParticipants,
    /// An agreed action dated before the discussion that agreed it.
    #[error("agreedActions/{index}/{field}: is before the date of the discussion")]
    ActionBeforeDiscussion {
        /// Index of the action.
        index: usize,
        /// `dueOn` or `completedOn`.
        field: &'static str,
    },
    /// Contact records out of date order.
    #[error("{index}/date: contact records are kept in date order, oldest first")]
    ContactLogOrder {
        /// Index of the first record dated before its predecessor.
        index: usize,
    },
    /// An id used twice in a contact log.
    #[error("{index}: id already used earlier in the contact log")]
    ContactLogDuplicateId {
        /// Index of the record holding the repeated id.
        index: usize,
    },
    /// An action to complete that no discussion in the log agreed.
    #[error("agreedActions: no discussion in the contact log agreed this action")]
    NoSuchAction,
    /// An action completed a second time.
    #[error("{index}/agreedActions/{action}/completedOn: the action is already recorded as done")]
    ActionAlreadyCompleted {
        /// Index of the contact record that agreed the action.
        index: usize,
        /// Index of the action in it.
        action: usize,
    },
    /// An action completed before the discussion that agreed it.
    #[error("{index}/agreedActions/{action}/completedOn: is before the date of the discussion")]
    ActionCompletedBeforeDiscussion {
        /// Index of the contact record that agreed the action.
        index: usize,
        /// Index of the action in it.
        action: usize,
    },
}
