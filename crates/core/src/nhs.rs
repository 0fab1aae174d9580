//! [`NhsNumber`] and the generic external [`Identifier`].

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use crate::{CoreError, Label, Sensitive};

/// An NHS number: ten digits whose last is a modulus 11 check digit.
///
/// Accepted as ten digits (`9434765919`) or in the usual 3-3-4 grouping with single
/// spaces (`943 476 5919`); always stored and serialised as ten digits. The check
/// (docs/domain.md section 6): multiply the first nine digits by 10 down to 2, sum, take
/// 11 − (sum mod 11); 11 means a check digit of 0, and 10 means no valid number has
/// those first nine digits.
///
/// An NHS number identifies a person, so `Debug` redacts it and errors never echo it.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::NhsNumber;
///
/// let nhs = NhsNumber::parse("943 476 5919").unwrap();
/// assert_eq!(nhs, NhsNumber::parse("9434765919").unwrap());
/// assert_eq!(nhs.expose_digits(), "9434765919");
/// assert_eq!(nhs.expose_formatted(), "943 476 5919");
/// assert_eq!(format!("{nhs:?}"), "NhsNumber(***)");
///
/// assert!(NhsNumber::parse("9434765918").is_err()); // wrong check digit
/// assert!(NhsNumber::parse("94347659").is_err()); // too short
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NhsNumber(String);

impl NhsNumber {
    /// Parses and checks an NHS number.
    ///
    /// # Errors
    ///
    /// [`CoreError`] when the input is not ten digits (spaces allowed in the usual groups) or the check digit does not match; the error never repeats the number.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
    /// # use partnership::core::{CoreError, NhsNumber};
    /// assert_eq!(NhsNumber::parse("94347659"), Err(CoreError::NhsNumberLength { found: 8 }));
    /// assert_eq!(NhsNumber::parse("943-476-5919"), Err(CoreError::NhsNumberNotDigit { position: 4 }));
    /// ```
    pub fn parse(input: &str) -> Result<Self, CoreError> {
        // The 3-3-4 grouping is the only spaced form accepted: a space anywhere else
        // is more likely a typing slip than a different number.
        let bytes = input.as_bytes();
        let grouped =
            bytes.len() == 12 && bytes.get(3) == Some(&b' ') && bytes.get(7) == Some(&b' ');
        let mut digits = [0u8; 10];
        let mut count = 0usize;
        for (index, c) in input.chars().enumerate() {
            if grouped && (index == 3 || index == 7) {
                continue;
            }
            let Some(digit) = c.to_digit(10) else {
                return Err(CoreError::NhsNumberNotDigit {
                    position: index + 1,
                });
            };
            if let Some(slot) = digits.get_mut(count) {
                // `to_digit(10)` is below 10, so the narrowing cannot lose anything.
                *slot = u8::try_from(digit).unwrap_or_default();
            }
            count += 1;
        }
        if count != 10 {
            return Err(CoreError::NhsNumberLength { found: count });
        }
        let [first_nine @ .., check] = digits;
        let sum: u32 = first_nine
            .iter()
            .zip((2..=10u32).rev())
            .map(|(&d, weight)| u32::from(d) * weight)
            .sum();
        let expected = match 11 - sum % 11 {
            11 => 0,
            10 => return Err(CoreError::NhsNumberCheckDigitTen),
            other => other,
        };
        if u32::from(check) != expected {
            return Err(CoreError::NhsNumberCheckDigit);
        }
        // Ten identical digits pass modulus 11 (the weights sum to 54, and 54·d leaves
        // the check digit d) but are never issued: a placeholder, not a person.
        if digits.iter().all(|&d| d == check) {
            return Err(CoreError::NhsNumberNeverIssued);
        }
        Ok(Self(digits.iter().map(|d| char::from(b'0' + d)).collect()))
    }

    /// The ten digits, for a system that needs them. This is personal data.
    pub fn expose_digits(&self) -> &str {
        &self.0
    }

    /// The number grouped 3-3-4 for a person to read. This is personal data.
    pub fn expose_formatted(&self) -> String {
        let (a, rest) = self.0.split_at(3);
        let (b, c) = rest.split_at(3);
        format!("{a} {b} {c}")
    }
}

impl TryFrom<String> for NhsNumber {
    type Error = CoreError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<NhsNumber> for String {
    fn from(value: NhsNumber) -> Self {
        value.0
    }
}

impl fmt::Debug for NhsNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NhsNumber(***)")
    }
}

impl JsonSchema for NhsNumber {
    fn schema_name() -> Cow<'static, str> {
        "NhsNumber".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "partnership_core::NhsNumber".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        // Ten identical digits pass the check but are never issued: as ten patterns,
        // since a back-reference is not in every validator's regular expressions.
        let never_issued: Vec<String> = (0..=9)
            .map(|d| format!("^{d}{{3}} ?{d}{{3}} ?{d}{{4}}$"))
            .collect();
        json_schema!({
            "type": "string",
            "pattern": "^([0-9]{10}|[0-9]{3} [0-9]{3} [0-9]{4})$",
            "not": {"anyOf": never_issued.iter().map(|p| serde_json::json!({"pattern": p})).collect::<Vec<_>>()},
            "description": "NHS number: 10 digits, or 3-3-4 with single spaces (serialised as 10 digits), never ten identical digits (they pass the check but are never issued). Not expressible here: the 10th digit must be the modulus 11 check digit of the first nine, and no number whose check computes to 10 is valid. Personal data."
        })
    }
}

/// An identifier from another scheme: a local case number, a unique pupil number,
/// a health or care record number from another system.
///
/// `system` names the scheme (a URI or an agreed local name) and is not personal;
/// `value` identifies a person and is [`Sensitive`].
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::{Identifier, Label, Sensitive};
///
/// let upn = Identifier::new(
///     Label::new("urn:uk:dfe:upn").unwrap(),
///     Sensitive::new(Label::new("A123456789012").unwrap()),
/// );
/// assert!(!format!("{upn:?}").contains("A123456789012"));
/// // An identifier may hold for a period: a number replaced on adoption ends.
/// let old = Identifier { valid_until: NaiveDate::from_ymd_opt(2024, 3, 1), ..upn };
/// assert!(old.is_valid_on(NaiveDate::from_ymd_opt(2024, 3, 1).unwrap()));
/// assert!(!old.is_valid_on(NaiveDate::from_ymd_opt(2024, 3, 2).unwrap()));
/// # use partnership::chrono::NaiveDate;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Identifier {
    /// The identifier scheme: a URI or an agreed local name such as `urn:uk:dfe:upn`.
    pub system: Label,
    /// The identifier within that scheme. Personal data.
    pub value: Sensitive<Label>,
    /// The first day it identifies the child, when it did not always (ISO 8601 date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::canonical_date::optional")]
    pub valid_from: Option<NaiveDate>,
    /// The last day it identifies the child, when it was replaced or withdrawn; not
    /// before `validFrom`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::canonical_date::optional")]
    pub valid_until: Option<NaiveDate>,
}

impl Identifier {
    /// An identifier with no period: it always identified the child.
    pub const fn new(system: Label, value: Sensitive<Label>) -> Self {
        Self {
            system,
            value,
            valid_from: None,
            valid_until: None,
        }
    }

    /// The system under which FHIR and NHS systems write an NHS number.
    pub const NHS_NUMBER_SYSTEM: &'static str = "https://fhir.nhs.uk/Id/nhs-number";

    /// Whether it is an NHS number: its system is [`Self::NHS_NUMBER_SYSTEM`], as
    /// people write it.
    pub fn is_nhs_number(&self) -> bool {
        crate::choice::same_label_text(self.system.as_str(), Self::NHS_NUMBER_SYSTEM)
    }

    /// Whether it identifies the child on `day`.
    pub fn is_valid_on(&self, day: NaiveDate) -> bool {
        self.valid_from.is_none_or(|from| day >= from)
            && self.valid_until.is_none_or(|until| day <= until)
    }

    /// Whether its period and `other`'s share a day.
    pub(crate) fn overlaps(&self, other: &Self) -> bool {
        let starts = |i: &Self| i.valid_from.unwrap_or(NaiveDate::MIN);
        let ends = |i: &Self| i.valid_until.unwrap_or(NaiveDate::MAX);
        starts(self) <= ends(other) && starts(other) <= ends(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digit_ten_is_invalid() {
        // 1·10 + 1·2 = 12, and 11 − (12 mod 11) = 10: no check digit can follow
        // the first nine digits 100000001.
        for last in 0..=9 {
            let number = format!("100000001{last}");
            assert_eq!(
                NhsNumber::parse(&number),
                Err(CoreError::NhsNumberCheckDigitTen)
            );
        }
    }

    #[test]
    fn check_digit_eleven_means_zero() {
        // 1·10 + 6·2 = 22, and 11 − (22 mod 11) = 11, which means a check digit of 0.
        assert!(NhsNumber::parse("1000000060").is_ok());
    }

    #[test]
    fn ten_identical_digits_pass_the_check_but_are_refused() {
        for d in 0..=9 {
            let number = d.to_string().repeat(10);
            // Each passes modulus 11 ...
            let sum: u32 = (2..=10).map(|w| w * d).sum();
            assert_eq!((11 - sum % 11) % 11, d, "{number}");
            // ... and is never issued (docs/domain.md section 7).
            assert_eq!(
                NhsNumber::parse(&number),
                Err(CoreError::NhsNumberNeverIssued)
            );
        }
    }
}
