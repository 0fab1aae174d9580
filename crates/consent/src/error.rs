//! The one error type of `partnership-consent`.

use thiserror::Error;

/// Everything that can be wrong with a consent record, a sharing request, a
/// withholding rule, a justification or the ledger.
///
/// The message is the rule broken, in words; the field it concerns, relative to
/// the document, is [`Located::field`](partnership_core::Located::field), never part of
/// the message. No message contains personal data.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ConsentError {
    /// A list that must hold at least one entry is empty.
    #[error("must list at least one entry")]
    Empty {
        /// The list, as a JSON Pointer.
        field: &'static str,
    },
    /// The same entry twice in a list that must not repeat.
    #[error("repeats an earlier entry")]
    Duplicate {
        /// The list, as a JSON Pointer.
        field: &'static str,
        /// Index of the repeat.
        index: usize,
    },
    /// A period whose end is before its start.
    #[error("ends before the period starts")]
    PeriodEndsBeforeStart {
        /// The end field, as a JSON Pointer.
        field: &'static str,
    },
    /// A renewal whose new end date is before the period starts.
    #[error("a renewal cannot end the period before it starts")]
    RenewalEndsBeforeStart {
        /// Index of the renewal.
        index: usize,
    },
    /// Events out of time order.
    #[error("events are kept in time order, oldest first")]
    EventsOutOfOrder {
        /// Index of the first event earlier than its predecessor.
        index: usize,
    },
    /// An event that cannot follow the ones before it.
    #[error("{kind} cannot follow {after}")]
    EventNotAllowed {
        /// Index of the event.
        index: usize,
        /// The event's kind, in words.
        kind: &'static str,
        /// What came before, in words.
        after: &'static str,
    },
    /// A withdrawal by someone other than the person who gave the consent, or a
    /// revocation by that person.
    #[error("{rule}")]
    WrongActor {
        /// Index of the event.
        index: usize,
        /// The rule broken.
        rule: &'static str,
    },
    /// A new end date on an event that is not a renewal.
    #[error("only a renewal sets a new end date")]
    UntilOnlyOnRenewal {
        /// Index of the event.
        index: usize,
    },
    /// Text that must say something (a letter or a digit) says nothing.
    #[error("must say something: at least one letter or digit")]
    Blank {
        /// The field, as a JSON Pointer.
        field: &'static str,
    },
    /// A decision approved by the professional who took it.
    #[error("must be approved by a professional other than the one who decided")]
    ApprovedByDecisionMaker,
    /// A ledger entry appended with a time before the entry before it.
    #[error("the ledger is append-only in time; an entry cannot be recorded before the last one")]
    LedgerTimeGoesBack,
    /// A ledger whose hash chain does not verify.
    #[error(
        "the entry does not match its hash chain: it was changed, removed, reordered or inserted"
    )]
    LedgerTampered {
        /// Index of the first entry that does not verify.
        index: usize,
    },
    /// A line of a JSON-lines ledger that is not a valid entry.
    #[error("line {line}: {message}")]
    LedgerLine {
        /// One-based line number.
        line: usize,
        /// Where in the ledger: the entry's index (blank lines hold none), then the
        /// field inside it.
        at: partnership_core::FieldPath,
        /// What is wrong with the entry.
        message: String,
    },
    /// A ledger entry whose request is dated other than the moment it is recorded.
    #[error(
        "a decision is made when it is recorded, so the request's time must be the recording time"
    )]
    LedgerRequestTimeDiffers,
    /// A decision appended to a ledger written in an earlier format.
    #[error(
        "the ledger is in an earlier format: migrate it (DisclosureLedger::migrated, or partnership migrate) before recording a decision"
    )]
    LedgerNeedsMigration,
    /// A ledger key that is not 64 lower-case hexadecimal digits, or not a valid
    /// Ed25519 public key.
    #[error("ledger key: must be 64 lower-case hexadecimal digits of an Ed25519 key")]
    Key,
    /// A checkpoint signature that is not 128 lower-case hexadecimal digits.
    #[error("must be 128 lower-case hexadecimal digits")]
    Signature,
    /// No checkpoint signed by the key leads to the ledger's head.
    #[error(
        "the ledger has {length} entries, and the key signed a checkpoint of the first {signed} at most: {unsigned} entries are checksummed only"
    )]
    LedgerNotSigned {
        /// How many entries the ledger has.
        length: u64,
        /// How many the latest checkpoint signed by the key covers (0 for none).
        signed: u64,
        /// How many are not covered.
        unsigned: u64,
    },
    /// A checkpoint whose head is not in the ledger: the ledger was changed after it
    /// was signed, or cut short.
    #[error(
        "the ledger does not hold the head this checkpoint signed: it was changed, re-hashed or cut short since"
    )]
    CheckpointNotInLedger {
        /// Which checkpoint.
        index: usize,
    },
    /// A checkpoint whose signature is not its key's.
    #[error("the signature is not its key's over the length and head it states")]
    CheckpointSignatureInvalid {
        /// Which checkpoint.
        index: usize,
    },
    /// A digest that is not 64 lower-case hexadecimal digits.
    #[error("SHA-256 hash: must be 64 lower-case hexadecimal digits")]
    Digest,
}

impl partnership_core::Located for ConsentError {
    fn field(&self) -> partnership_core::FieldPath {
        match self {
            Self::Empty { field } => partnership_core::FieldPath::field(*field),
            Self::Duplicate { field, index } => {
                partnership_core::FieldPath::field(*field).index(*index)
            }
            Self::PeriodEndsBeforeStart { field } => partnership_core::FieldPath::field(*field),
            Self::RenewalEndsBeforeStart { index } => partnership_core::FieldPath::field("events")
                .index(*index)
                .then("validUntil"),
            Self::EventsOutOfOrder { index } => partnership_core::FieldPath::field("events")
                .index(*index)
                .then("at"),
            Self::EventNotAllowed { index, .. } => partnership_core::FieldPath::field("events")
                .index(*index)
                .then("kind"),
            Self::WrongActor { index, .. } => partnership_core::FieldPath::field("events")
                .index(*index)
                .then("by"),
            Self::UntilOnlyOnRenewal { index } => partnership_core::FieldPath::field("events")
                .index(*index)
                .then("validUntil"),
            Self::LedgerTimeGoesBack => partnership_core::FieldPath::field("recordedAt"),
            Self::LedgerTampered { index } => partnership_core::FieldPath::item(*index),
            Self::LedgerLine { at, .. } => at.clone(),
            Self::LedgerRequestTimeDiffers => {
                partnership_core::FieldPath::field("request").then("at")
            }
            Self::LedgerNeedsMigration => partnership_core::FieldPath::whole(),
            Self::Key => partnership_core::FieldPath::whole(),
            Self::Signature => partnership_core::FieldPath::field("signature"),
            Self::LedgerNotSigned { .. } => partnership_core::FieldPath::whole(),
            Self::CheckpointNotInLedger { index } => partnership_core::FieldPath::item(*index),
            Self::CheckpointSignatureInvalid { index } => {
                partnership_core::FieldPath::item(*index).then("signature")
            }
            Self::Digest => partnership_core::FieldPath::whole(),
            Self::Blank { field } => partnership_core::FieldPath::field(*field),
            Self::ApprovedByDecisionMaker => partnership_core::FieldPath::field("approvedBy"),
        }
    }
}

/// A repeat found by [`partnership_core::no_repeats`] is this crate's `Duplicate`.
impl From<partnership_core::Repeated> for ConsentError {
    fn from(repeated: partnership_core::Repeated) -> Self {
        Self::Duplicate {
            field: repeated.field,
            index: repeated.index,
        }
    }
}
