//! Reading JSON with errors that say where and what, and never what the value was.
//!
//! Every crate's documents can be read with plain `serde_json`; these functions
//! add what a partner system needs when a document is rejected: a JSON Pointer to
//! the offending value, the line and column, and a message scrubbed of the
//! rejected value (serde's own messages quote it, and it may be a name).

use std::fmt;

use serde::de::DeserializeOwned;

/// What sort of problem stopped a document being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JsonErrorKind {
    /// Not well-formed JSON.
    Syntax,
    /// Well-formed JSON of the wrong shape, or a value that breaks a rule.
    Data,
    /// The input ended in the middle of a value.
    Eof,
    /// The input could not be read.
    Io,
}

/// A document that could not be read: where, what kind of problem, and why.
///
/// ```
/// use partnership_core::{ChildProfile, json::{from_json_str, JsonErrorKind}};
///
/// let json = r#"{
///   "id": "0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b",
///   "name": "Layla Ahmed",
///   "dateOfBirth": "2022-10-03",
///   "nhsNumber": "943 476 5918"
/// }"#;
/// let err = from_json_str::<ChildProfile>(json).unwrap_err();
/// assert_eq!(err.pointer(), "/nhsNumber");
/// assert_eq!(err.kind(), JsonErrorKind::Data);
/// assert_eq!(
///     err.message(),
///     "NHS number: the check digit does not match the first nine digits (modulus 11)"
/// );
/// // Neither the number nor the name appears anywhere in the error.
/// assert!(!err.to_string().contains("5918") && !err.to_string().contains("Layla"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pointer: String,
    kind: JsonErrorKind,
    line: usize,
    column: usize,
    message: String,
}

impl JsonError {
    /// JSON Pointer (RFC 6901) to the value that was rejected; empty for the whole document.
    pub fn pointer(&self) -> &str {
        &self.pointer
    }

    /// What sort of problem it is.
    pub fn kind(&self) -> JsonErrorKind {
        self.kind
    }

    /// One-based line of the input where the problem was found; 0 when unknown (a
    /// rule checked once the whole document was read). For a value that is
    /// well-formed but breaks a rule, this is where the parser stood when the rule was
    /// checked: at or just after the value.
    pub fn line(&self) -> usize {
        self.line
    }

    /// One-based column of the input where the problem was found (0 if unknown).
    pub fn column(&self) -> usize {
        self.column
    }

    /// The rule broken, without the position and without the rejected value.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.pointer.is_empty() {
            "(document)"
        } else {
            &self.pointer
        };
        write!(f, "{at}: {}", self.message)?;
        // A rule checked once a whole value has been read has no position of its own.
        if self.line > 0 {
            write!(f, " (line {}, column {})", self.line, self.column)?;
        }
        Ok(())
    }
}

impl std::error::Error for JsonError {}

/// Reads a document from a string; see [`JsonError`].
///
/// A valid document is read once, at `serde_json`'s own speed. Only when reading
/// fails is the document read a second time, keeping track of the path, to say
/// where: the same reader on the same bytes fails at the same place, so the error
/// is the one the first reading met.
pub fn from_json_str<T: DeserializeOwned>(input: &str) -> Result<T, JsonError> {
    if let Ok(value) = serde_json::from_str(input) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_str(input);
    finish(serde_path_to_error::deserialize(&mut de), de)
}

/// Reads a document from bytes; see [`JsonError`].
///
/// ```
/// use partnership_core::{json::from_json_slice, TimeOfDay};
///
/// let err = from_json_slice::<Vec<TimeOfDay>>(br#"["09:00", 1900]"#).unwrap_err();
/// assert_eq!(err.pointer(), "/1");
/// assert_eq!(err.message(), "invalid type: integer, expected a string");
/// ```
pub fn from_json_slice<T: DeserializeOwned>(input: &[u8]) -> Result<T, JsonError> {
    if let Ok(value) = serde_json::from_slice(input) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_slice(input);
    finish(serde_path_to_error::deserialize(&mut de), de)
}

fn finish<'de, T, R: serde_json::de::Read<'de>>(
    result: Result<T, serde_path_to_error::Error<serde_json::Error>>,
    mut de: serde_json::Deserializer<R>,
) -> Result<T, JsonError> {
    let value = result.map_err(|err| {
        let pointer = pointer_of(err.path());
        convert(pointer, err.inner())
    })?;
    // Trailing data after the document is an error, not something to ignore.
    de.end().map_err(|err| convert(String::new(), &err))?;
    Ok(value)
}

fn convert(mut pointer: String, err: &serde_json::Error) -> JsonError {
    use serde_json::error::Category;
    let kind = match err.classify() {
        Category::Syntax => JsonErrorKind::Syntax,
        Category::Data => JsonErrorKind::Data,
        Category::Eof => JsonErrorKind::Eof,
        Category::Io => JsonErrorKind::Io,
    };
    let full = err.to_string();
    let position = format!(" at line {} column {}", err.line(), err.column());
    let mut message = scrub(full.strip_suffix(&position).unwrap_or(&full));
    // The library's own rules name the field they concern as a pointer relative to
    // the value being checked ("legalStanding: …", "events/2/by: …"): fold it into
    // the pointer so that it leads to the offending value itself.
    if kind == JsonErrorKind::Data
        && let Some((field, rule)) = message.split_once(": ")
        && is_relative_pointer(field)
    {
        pointer.push('/');
        pointer.push_str(field);
        message = rule.to_owned();
    }
    JsonError {
        pointer,
        kind,
        line: err.line(),
        column: err.column(),
        message,
    }
}

/// Whether `text` reads as a relative JSON Pointer made of field names and indexes
/// (`legalStanding`, `events/2/by`), as the library's rules write them.
fn is_relative_pointer(text: &str) -> bool {
    text.split('/')
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric()))
        && text.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
}

/// Removes the rejected value from serde's messages, keeping what was expected.
fn scrub(message: &str) -> String {
    // serde writes "invalid type: string \"Sarah\", expected …" and
    // "unknown variant `Sarah`, expected …": the value sits between the prefix and
    // the last ", expected", which is serde's own text and never in a value we echo.
    const KINDS: [&str; 6] = [
        "string",
        "integer",
        "floating point",
        "boolean",
        "character",
        "byte array",
    ];
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let Some(expected_at) = rest.rfind(", expected ") else {
                return format!("{}a value of the wrong kind", prefix);
            };
            let (found, expected) = rest.split_at(expected_at);
            let kind = KINDS
                .iter()
                .find(|k| found.starts_with(*k))
                .copied()
                .unwrap_or(found);
            return format!("{prefix}{kind}{expected}");
        }
    }
    // chrono's parse errors say what went wrong but not what was expected.
    match message {
        "input is out of range" => {
            return "not a valid date or time: a part is out of range (for example 30 February)"
                .into();
        }
        "premature end of input" | "input contains invalid characters" | "trailing input" => {
            return format!(
                "not a valid date or time ({message}); expected ISO 8601, such as 2026-11-23 or 2026-11-23T09:30:00Z"
            );
        }
        _ => {}
    }
    if message.starts_with("unknown variant ") {
        if let Some(expected_at) = message.rfind(", expected ") {
            let (_, expected) = message.split_at(expected_at);
            return format!("unknown variant{expected}");
        }
        return "unknown variant".into();
    }
    message.to_owned()
}

fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => {
                pointer.push('/');
                pointer.push_str(&index.to_string());
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Segment::Unknown => {}
        }
    }
    pointer
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CarerId, Label};

    #[test]
    fn scrubs_rejected_strings() {
        let err = from_json_str::<u32>(r#""Sarah Jones""#).unwrap_err();
        assert_eq!(err.message(), "invalid type: string, expected u32");
        assert!(!err.to_string().contains("Sarah"));
    }

    #[test]
    fn scrubs_unknown_variants() {
        let err = from_json_str::<crate::DayOfWeek>(r#""Sarah, expected x""#).unwrap_err();
        assert!(!err.to_string().contains("Sarah"), "{err}");
        assert!(
            err.message()
                .starts_with("unknown variant, expected one of")
        );
    }

    #[test]
    fn pointer_escapes_and_trailing_data() {
        let err = from_json_str::<std::collections::BTreeMap<String, Label>>(r#"{"a/b~": ""}"#)
            .unwrap_err();
        assert_eq!(err.pointer(), "/a~1b~0");
        let err =
            from_json_str::<CarerId>(r#""0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b" 1"#).unwrap_err();
        assert_eq!(err.kind(), JsonErrorKind::Syntax);
    }

    #[test]
    fn eof_is_classified() {
        let err = from_json_str::<Vec<u8>>("[1, 2").unwrap_err();
        assert_eq!(err.kind(), JsonErrorKind::Eof);
    }
}
