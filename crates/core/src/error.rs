//! The one error type of `partnership-core`.

use thiserror::Error;

/// Everything that can be wrong with a value this crate checks.
///
/// Messages are lower-case, name the field or value and the rule broken, and never
/// echo the input: an NHS number or a name must not reach a log through an error.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::NhsNumber;
///
/// let err = NhsNumber::parse("943 476 5918").unwrap_err();
/// assert!(!err.to_string().contains("5918"));
/// assert_eq!(
///     err.to_string(),
///     "NHS number: the check digit does not match the first nine digits (modulus 11)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CoreError {
    /// The NHS number does not have ten digits.
    #[error("NHS number: must have 10 digits, found {found}")]
    NhsNumberLength {
        /// How many characters were found once the grouping spaces were removed.
        found: usize,
    },
    /// A character of the NHS number is not a digit.
    #[error(
        "NHS number: character {position} is not a digit (write 10 digits, or 3-3-4 with single spaces)"
    )]
    NhsNumberNotDigit {
        /// One-based position of the first offending character.
        position: usize,
    },
    /// The first nine digits give a check digit of 10, which no NHS number has.
    #[error("NHS number: the first nine digits give a check digit of 10, so the number is invalid")]
    NhsNumberCheckDigitTen,
    /// The tenth digit is not the modulus 11 check digit of the first nine.
    #[error("NHS number: the check digit does not match the first nine digits (modulus 11)")]
    NhsNumberCheckDigit,
    /// Ten identical digits: they pass the modulus 11 check, but no such number is
    /// ever issued.
    #[error("NHS number: ten identical digits pass the check but are never issued")]
    NhsNumberNeverIssued,
    /// A label is empty or only whitespace.
    #[error("label text: must contain at least one non-whitespace character")]
    LabelEmpty,
    /// A label is longer than [`Label::MAX_CHARS`](crate::Label::MAX_CHARS).
    #[error("label text: must be at most {max} characters, found {found}")]
    LabelTooLong {
        /// The limit.
        max: usize,
        /// The length found, in characters.
        found: usize,
    },
    /// A label contains a control character such as a line break.
    #[error("label text: must be a single line without control characters")]
    LabelControlCharacter,
    /// A time of day is not written `HH:MM` on the 24-hour clock.
    #[error("time of day: must be HH:MM on the 24-hour clock, from 00:00 to 23:59")]
    TimeOfDay,
    /// A typed id is not a UUID.
    #[error(
        "{kind} must be a UUID in lower case with hyphens, such as 0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b"
    )]
    InvalidId {
        /// The kind of id, for example `CarerId`.
        kind: &'static str,
    },
    /// A school year group outside Year 1 to Year 13.
    #[error("year group: must be from 1 to 13, found {found}")]
    YearGroup {
        /// The number found.
        found: u8,
    },
    /// A school year code that is not one of the codes.
    #[error("school year: must be nursery, reception, year-1 to year-13, or beyond-school-age")]
    SchoolYear,
    /// A date is before the child's date of birth.
    #[error("is before the child's date of birth")]
    BeforeBirth {
        /// The field, relative to the child profile (or the argument's name).
        field: crate::FieldPath,
    },
    /// Two identifiers of a child use the same system on the same day.
    #[error("a child has at most one identifier per system on any day")]
    DuplicateIdentifierSystem {
        /// Index of the second identifier with that system.
        index: usize,
    },
    /// An identifier's period ends before it starts.
    #[error("an identifier's validUntil is before its validFrom")]
    IdentifierPeriodEndsBeforeStart {
        /// Index of the identifier.
        index: usize,
    },
    /// The consistent child identifier is said to be unknown while the record holds it.
    #[error("the NHS number is recorded, so it cannot be left out as not known (s.16LC(8))")]
    OmittedIdentifierIsKnown,
    /// A date calculation left the range of dates the library can represent.
    #[error("the date falls outside the representable calendar")]
    DateOutOfRange {
        /// What was being calculated.
        field: &'static str,
    },
    /// A value could not be converted to or from the `time` crate's types.
    #[error("time conversion: {what} is outside the range the target type supports")]
    TimeConversion {
        /// What was being converted.
        what: &'static str,
    },
}

impl crate::Located for CoreError {
    fn field(&self) -> crate::FieldPath {
        match self {
            Self::NhsNumberLength { .. } => crate::FieldPath::whole(),
            Self::NhsNumberNotDigit { .. } => crate::FieldPath::whole(),
            Self::NhsNumberCheckDigitTen => crate::FieldPath::whole(),
            Self::NhsNumberCheckDigit => crate::FieldPath::whole(),
            Self::NhsNumberNeverIssued => crate::FieldPath::whole(),
            Self::LabelEmpty => crate::FieldPath::whole(),
            Self::LabelTooLong { .. } => crate::FieldPath::whole(),
            Self::LabelControlCharacter => crate::FieldPath::whole(),
            Self::TimeOfDay => crate::FieldPath::whole(),
            Self::InvalidId { .. } => crate::FieldPath::whole(),
            Self::YearGroup { .. } => crate::FieldPath::whole(),
            Self::SchoolYear => crate::FieldPath::whole(),
            Self::BeforeBirth { field } => field.clone(),
            Self::DuplicateIdentifierSystem { index } => crate::FieldPath::field("identifiers")
                .index(*index)
                .then("system"),
            Self::IdentifierPeriodEndsBeforeStart { index } => {
                crate::FieldPath::field("identifiers")
                    .index(*index)
                    .then("validUntil")
            }
            Self::OmittedIdentifierIsKnown => {
                crate::FieldPath::field("identifierOmitted").then("reason")
            }
            Self::DateOutOfRange { field } => crate::FieldPath::field(*field),
            Self::TimeConversion { .. } => crate::FieldPath::whole(),
        }
    }
}
