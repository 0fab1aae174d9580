//! [`Problem`]: one thing wrong with a record, where, and which rule.

use std::fmt;

use partnership_core::json::{JsonError, JsonErrorKind};
use partnership_core::{Located, Pointer};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Which rule a problem breaks.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Rule {
    /// The input is not well-formed JSON.
    JsonSyntax,
    /// Well-formed JSON of the wrong shape, or a value that breaks a rule of its own
    /// type (a wrong check digit, a history that makes no sense).
    InvalidValue,
    /// The record is of a schema version this library does not read.
    SchemaVersion,
    /// An id that resolves to nothing in the record.
    DanglingReference,
    /// An id that belongs to another kind of party (a carer's id named as a professional).
    WrongKindOfParty,
    /// Two entities of one kind with the same id.
    DuplicateId,
    /// Something about a different child from the record's.
    WrongChild,
    /// Consent given, refused or renewed as a holder of parental responsibility by a
    /// carer who did not hold it on that day.
    ConsentWithoutParentalResponsibility,
    /// Consent given, refused or renewed under another authority that did not hold on
    /// that day: delegated authority that does not cover information sharing, a care
    /// order not yet made or a local authority that is not children's social care, a
    /// court order not yet made.
    ConsentWithoutAuthority,
    /// The child's own consent without the capacity to give it: as a young person
    /// before turning 16, or as a competent child without a recorded assessment
    /// finding them competent for the decision.
    ChildConsentWithoutCapacity,
    /// A goal activated without the agreement of any carer whose involvement is not
    /// restricted, or recorded as "all carers restricted" when one is not.
    ActivationWithoutCarerAgreement,
    /// A carer whose involvement is restricted at a review held after the decision.
    RestrictedCarerAtReview,
    /// Information disclosed to someone it was withheld from.
    DisclosedDespiteWithholding,
    /// The disclosure ledger does not verify.
    LedgerTampered,
    /// A ledger entry that contradicts itself or the record: a request dated other
    /// than its recording, a capacity the child's date of birth or assessments do not
    /// bear out, a permit for other categories than were asked for.
    LedgerEntryInconsistent,
    /// A permit in the ledger that the consents or justification it cites do not
    /// support.
    PermitWithoutBasis,
    /// A checkpoint whose signature is not its key's over what it states.
    CheckpointInvalid,
    /// The input is larger, nests deeper or holds a longer string than the loading
    /// limits allow ([`InputLimits`](partnership_core::json::InputLimits)).
    InputLimit,
    /// A change recorded before the change recorded before it: the provenance is
    /// kept in time order, and a time is never moved to fit.
    ChangeOutOfOrder,
    /// A change that records something as happening after the change was made: a
    /// discussion, progress or a consent event dated later than its recording.
    DatedAfterChange,
    /// A ledger that does not extend the witness it was checked against (a head kept
    /// apart from the record): entries were taken away or rewritten since.
    LedgerNotWitnessed,
    /// A ledger not covered, up to its last entry, by a checkpoint signed by the key
    /// it was checked against.
    LedgerNotSigned,
}

impl Rule {
    /// The rule's code, as in JSON.
    pub const fn code(self) -> &'static str {
        match self {
            Self::JsonSyntax => "json-syntax",
            Self::InvalidValue => "invalid-value",
            Self::SchemaVersion => "schema-version",
            Self::DanglingReference => "dangling-reference",
            Self::WrongKindOfParty => "wrong-kind-of-party",
            Self::DuplicateId => "duplicate-id",
            Self::WrongChild => "wrong-child",
            Self::ConsentWithoutParentalResponsibility => "consent-without-parental-responsibility",
            Self::ConsentWithoutAuthority => "consent-without-authority",
            Self::ChildConsentWithoutCapacity => "child-consent-without-capacity",
            Self::ActivationWithoutCarerAgreement => "activation-without-carer-agreement",
            Self::RestrictedCarerAtReview => "restricted-carer-at-review",
            Self::DisclosedDespiteWithholding => "disclosed-despite-withholding",
            Self::LedgerTampered => "ledger-tampered",
            Self::LedgerEntryInconsistent => "ledger-entry-inconsistent",
            Self::PermitWithoutBasis => "permit-without-basis",
            Self::CheckpointInvalid => "checkpoint-invalid",
            Self::InputLimit => "input-limit",
            Self::ChangeOutOfOrder => "change-out-of-order",
            Self::DatedAfterChange => "dated-after-change",
            Self::LedgerNotWitnessed => "ledger-not-witnessed",
            Self::LedgerNotSigned => "ledger-not-signed",
        }
    }
}

/// One thing wrong with a record: a JSON Pointer to the offending value, the rule it
/// breaks, and what is wrong in words (never personal data).
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Problem {
    /// JSON Pointer (RFC 6901) to the offending value; empty for the whole record.
    pub pointer: String,
    /// The rule broken.
    pub rule: Rule,
    /// What is wrong.
    pub message: String,
    /// Line of the input, for problems found while reading it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Column of the input, for problems found while reading it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl Problem {
    /// A domain rule broken by the value at `at`: the problem sits at the field the
    /// rule names, under the rule it breaks. A fault has one rule wherever it is
    /// found: a ledger whose chain does not verify is [`Rule::LedgerTampered`]
    /// inside a record as in a ledger file; every other domain rule is
    /// [`Rule::InvalidValue`].
    pub(crate) fn broken(at: &Pointer<'_>, error: &(dyn Located + 'static)) -> Self {
        let as_error: &(dyn std::error::Error + 'static) = error;
        use partnership_consent::ConsentError;
        let rule = match as_error.downcast_ref::<ConsentError>() {
            Some(
                ConsentError::LedgerTampered { .. } | ConsentError::CheckpointNotInLedger { .. },
            ) => Rule::LedgerTampered,
            Some(ConsentError::CheckpointSignatureInvalid { .. }) => Rule::CheckpointInvalid,
            _ => Rule::InvalidValue,
        };
        Self::at(at.at(&error.field()), rule, error.to_string())
    }

    /// A problem at `pointer`, found by checking rather than reading (no line).
    pub(crate) fn at(pointer: String, rule: Rule, message: impl Into<String>) -> Self {
        Self {
            pointer,
            rule,
            message: message.into(),
            line: None,
            column: None,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.pointer.is_empty() {
            "(document)"
        } else {
            &self.pointer
        };
        write!(f, "{at}: {} [{}]", self.message, self.rule.code())?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, " (line {line}, column {column})")?;
        }
        Ok(())
    }
}

/// A record that could not be accepted, with every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// The problems, in the order of the record.
    pub problems: Vec<Problem>,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(
            f,
            "{n} problem{} in the record",
            if n == 1 { "" } else { "s" }
        )?;
        for problem in &self.problems {
            write!(f, "\n- {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RecordError {}

/// Each problem carries its own pointer: the error as a whole concerns the record.
impl partnership_core::Located for RecordError {
    fn field(&self) -> partnership_core::FieldPath {
        partnership_core::FieldPath::whole()
    }
}

/// A problem met while reading, from the reader's error.
pub(crate) fn read_problem(err: &JsonError) -> Problem {
    Problem {
        pointer: err.pointer().to_owned(),
        rule: match err.kind() {
            JsonErrorKind::Data => Rule::InvalidValue,
            JsonErrorKind::Limit => Rule::InputLimit,
            _ => Rule::JsonSyntax,
        },
        message: err.message().to_owned(),
        line: (err.line() > 0).then_some(err.line()),
        column: (err.line() > 0).then_some(err.column()),
    }
}

/// serde reads a struct from an array of its fields in order as well as from an
/// object, and then complains about the first field's type: say what is wrong instead.
pub(crate) fn not_an_array(bytes: &[u8]) -> Result<(), Vec<Problem>> {
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        return Err(vec![Problem {
            pointer: String::new(),
            rule: Rule::InvalidValue,
            message: "the document is a JSON array; it must be a JSON object".to_owned(),
            line: Some(1),
            column: Some(1),
        }]);
    }
    Ok(())
}
