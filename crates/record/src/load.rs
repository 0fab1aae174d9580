//! Reading and writing records: either a valid record, or every problem found.

use std::io::Read;

use partnership_core::json::{
    InputLimits, JsonErrorKind, from_json_slice_with, from_json_str_with,
};

use crate::validate::cross_check;
use crate::{PartnershipRecord, PartnershipRecordParts, Problem, RecordError, Rule};

pub(crate) fn read_problem(err: &partnership_core::json::JsonError) -> Problem {
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

/// The record's own check runs the cross-reference checks once and reports every
/// problem.
fn accept(parts: PartnershipRecordParts) -> Result<PartnershipRecord, RecordError> {
    PartnershipRecord::try_from(parts)
}

impl PartnershipRecord {
    /// Reads a record from JSON: a valid record, or an error listing what is wrong,
    /// each problem with its JSON Pointer. A syntax error comes with its line and
    /// column; a value of the wrong type or breaking its own rules with the path to
    /// it (reading stops there); once the document is read, every cross-reference
    /// problem is listed, not only the first.
    ///
    /// # Errors
    ///
    /// A [`RecordError`] with every problem found, each with its JSON Pointer, [`Rule`](crate::Rule), and, for a problem met while reading, the line and column.
    ///
    /// ```
    /// use partnership_record::{PartnershipRecord, Rule};
    ///
    /// let json = r#"{
    ///   "schemaVersion": 2,
    ///   "id": "00000000-0000-4000-8000-000000000001",
    ///   "child": {"id": "00000000-0000-4000-8000-000000000002", "name": "Layla Ahmed", "dateOfBirth": "2022-10-03"},
    ///   "communicationAgreements": [{
    ///     "id": "00000000-0000-4000-8000-000000000003",
    ///     "carer": "00000000-0000-4000-8000-000000000004",
    ///     "frequency": {"kind": "weekly"},
    ///     "channel": "phone",
    ///     "updatesGivenBy": {"kind": "professional", "id": "00000000-0000-4000-8000-000000000005"},
    ///     "agreedOn": "2026-09-01"
    ///   }]
    /// }"#;
    /// let err = PartnershipRecord::from_json(json).unwrap_err();
    /// let pointers: Vec<&str> = err.problems.iter().map(|p| p.pointer.as_str()).collect();
    /// assert_eq!(pointers, ["/communicationAgreements/0/carer", "/communicationAgreements/0/updatesGivenBy/id"]);
    /// assert!(err.problems.iter().all(|p| p.rule == Rule::DanglingReference));
    /// assert!(!err.to_string().contains("Layla"));
    /// ```
    pub fn from_json(json: &str) -> Result<Self, RecordError> {
        Self::from_json_with(json, &InputLimits::default())
    }

    /// Reads a record from JSON within `limits` on size, nesting and string length,
    /// checked in one pass before the JSON is read; see [`from_json`](Self::from_json).
    ///
    /// # Errors
    ///
    /// As [`from_json`](Self::from_json), and a [`Rule::InputLimit`](crate::Rule::InputLimit) problem when the input breaks `limits`.
    ///
    /// ```
    /// use partnership_core::json::InputLimits;
    /// use partnership_record::{PartnershipRecord, Rule};
    ///
    /// let limits = InputLimits { max_bytes: 100, ..InputLimits::default() };
    /// let err = PartnershipRecord::from_json_with(&" ".repeat(101), &limits).unwrap_err();
    /// assert_eq!(err.problems[0].rule, Rule::InputLimit);
    /// ```
    pub fn from_json_with(json: &str, limits: &InputLimits) -> Result<Self, RecordError> {
        crate::document::not_an_array(json.as_bytes())
            .map_err(|problems| RecordError { problems })?;
        let parts = from_json_str_with::<PartnershipRecordParts>(json, limits).map_err(|e| {
            RecordError {
                problems: vec![read_problem(&e)],
            }
        })?;
        accept(parts)
    }

    /// Reads a record from a reader within [`InputLimits::default`]; see
    /// [`from_json`](Self::from_json).
    ///
    /// # Errors
    ///
    /// As [`from_json`](Self::from_json), and a problem when the reader fails or the input is not UTF-8.
    pub fn from_reader(reader: impl Read) -> Result<Self, RecordError> {
        Self::from_reader_with(reader, &InputLimits::default())
    }

    /// Reads a record from a reader within `limits`: no more than one byte past the
    /// size limit is read, however long the input.
    ///
    /// # Errors
    ///
    /// As [`from_reader`](Self::from_reader) and [`from_json_with`](Self::from_json_with).
    pub fn from_reader_with(reader: impl Read, limits: &InputLimits) -> Result<Self, RecordError> {
        let mut bytes = Vec::new();
        let most = u64::try_from(limits.max_bytes)
            .unwrap_or(u64::MAX)
            .saturating_add(1);
        reader
            .take(most)
            .read_to_end(&mut bytes)
            .map_err(|e| RecordError {
                problems: vec![Problem {
                    pointer: String::new(),
                    rule: Rule::JsonSyntax,
                    message: format!("could not read the input: {}", e.kind()),
                    line: None,
                    column: None,
                }],
            })?;
        Self::from_slice_with(&bytes, limits)
    }

    /// Reads a record from bytes already in memory, within `limits`.
    pub(crate) fn from_slice_with(bytes: &[u8], limits: &InputLimits) -> Result<Self, RecordError> {
        crate::document::not_an_array(bytes).map_err(|problems| RecordError { problems })?;
        let parts = from_json_slice_with::<PartnershipRecordParts>(bytes, limits).map_err(|e| {
            RecordError {
                problems: vec![read_problem(&e)],
            }
        })?;
        accept(parts)
    }

    /// Writes the record as pretty-printed JSON: fields in a fixed order, no maps, so
    /// a record read and written again is byte-for-byte the same.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Every cross-reference problem the parts would have as a record (empty for a
    /// valid record's parts): for checking a record being assembled.
    pub fn problems_of(parts: &PartnershipRecordParts) -> Vec<Problem> {
        cross_check(parts)
    }
}
