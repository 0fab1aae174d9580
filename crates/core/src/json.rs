//! Reading JSON with errors that say where and what, and never what the value was.
//!
//! Every crate's documents can be read with plain `serde_json`; these functions
//! add what a partner system needs when a document is rejected: a JSON Pointer to
//! the offending value, the line and column, and a message scrubbed of the
//! rejected value (serde's own messages quote it, and it may be a name).

use std::fmt;

use serde::de::{DeserializeOwned, IgnoredAny};

use crate::{FieldPath, Located};

mod strict;
use strict::Strict;

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
    /// The input is larger, nests deeper or holds a longer string than the
    /// [`InputLimits`] allow; it was refused before being read.
    Limit,
}

/// Limits on untrusted input, checked in one pass over the bytes before they are
/// read, so that hostile input costs no more than its length to refuse.
///
/// The defaults suit any real record: the largest synthetic record of twenty years'
/// history is a few megabytes, nests about ten levels deep, and its longest string is a
/// note of a few hundred bytes.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::json::{InputLimits, JsonErrorKind, from_json_str_with};
///
/// let limits = InputLimits { max_depth: 3, ..InputLimits::default() };
/// let err = from_json_str_with::<serde_json::Value>("[[[[1]]]]", &limits).unwrap_err();
/// assert_eq!(err.kind(), JsonErrorKind::Limit);
/// assert_eq!(err.message(), "nests deeper than 3 levels of objects and arrays");
/// assert_eq!((err.line(), err.column()), (1, 4));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct InputLimits {
    /// The most bytes a document may have. Default 64 MiB.
    pub max_bytes: usize,
    /// The deepest nesting of objects and arrays. Default 64.
    pub max_depth: usize,
    /// The longest string, in bytes as written (an escape such as `\n` counts as one).
    /// Default 1 MiB.
    pub max_string_bytes: usize,
}

impl Default for InputLimits {
    fn default() -> Self {
        Self {
            max_bytes: 64 * 1024 * 1024,
            max_depth: 64,
            max_string_bytes: 1024 * 1024,
        }
    }
}

impl InputLimits {
    /// Checks `input` against the limits in one pass, without reading it as JSON: the
    /// first limit broken, with the line and column where it was broken.
    ///
    /// # Errors
    ///
    /// A [`JsonError`] of kind [`JsonErrorKind::Limit`] naming the first limit broken and where.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
    /// use partnership::core::json::InputLimits;
    ///
    /// let limits = InputLimits { max_string_bytes: 4, ..InputLimits::default() };
    /// assert!(limits.check(br#"{"a": "abcd"}"#).is_ok());
    /// let err = limits.check(br#"{"a": "abcde"}"#).unwrap_err();
    /// assert_eq!(err.message(), "holds a string longer than 4 bytes");
    /// ```
    pub fn check(&self, input: &[u8]) -> Result<(), JsonError> {
        let limit = |message: String, offset: Option<usize>| {
            let (line, column) = offset.map_or((0, 0), |offset| line_and_column(input, offset));
            JsonError {
                pointer: String::new(),
                kind: JsonErrorKind::Limit,
                line,
                column,
                message,
            }
        };
        if input.len() > self.max_bytes {
            return Err(limit(
                format!(
                    "is {} bytes, more than the {} allowed",
                    input.len(),
                    self.max_bytes
                ),
                None,
            ));
        }
        let too_long = || format!("holds a string longer than {} bytes", self.max_string_bytes);
        // The line and column are worked out only for a limit broken: the pass itself
        // jumps from one structural byte to the next, and through a string from one
        // quote or backslash to the next.
        let mut depth = 0usize;
        let mut at = 0usize;
        loop {
            let rest = input.get(at..).unwrap_or_default();
            let next = memchr::memchr3(b'"', b'[', b'{', rest);
            // Closing brackets only ever lower the depth: count those passed over.
            let passed = rest.get(..next.unwrap_or(rest.len())).unwrap_or_default();
            let closed = passed.iter().filter(|b| matches!(b, b']' | b'}')).count();
            depth = depth.saturating_sub(closed);
            let Some(skip) = next else { break };
            at += skip;
            match input.get(at) {
                Some(b'"') => {
                    at += 1;
                    let mut length = 0usize;
                    loop {
                        let rest = input.get(at..).unwrap_or_default();
                        let next = memchr::memchr2(b'"', b'\\', rest);
                        let run = next.unwrap_or(rest.len());
                        if length + run > self.max_string_bytes {
                            return Err(limit(
                                too_long(),
                                Some(at + (self.max_string_bytes - length)),
                            ));
                        }
                        length += run;
                        at += run;
                        match next.and_then(|_| input.get(at)) {
                            Some(b'\\') => {
                                // An escaped character counts once, on its second byte,
                                // and is held to the limit like any other: a string of
                                // escapes alone is no way round it.
                                at += 1;
                                if at < input.len() {
                                    length += 1;
                                    if length > self.max_string_bytes {
                                        return Err(limit(too_long(), Some(at)));
                                    }
                                    at += 1;
                                }
                            }
                            Some(_) => {
                                at += 1;
                                break;
                            }
                            None => return Ok(()),
                        }
                    }
                }
                Some(b'[' | b'{') => {
                    depth += 1;
                    if depth > self.max_depth {
                        return Err(limit(
                            format!(
                                "nests deeper than {} levels of objects and arrays",
                                self.max_depth
                            ),
                            Some(at),
                        ));
                    }
                    at += 1;
                }
                _ => break,
            }
        }
        Ok(())
    }
}

/// The one-based line and column of the byte at `offset`, as a reader counting
/// every byte would give them: a newline starts the next line at column 0.
fn line_and_column(input: &[u8], offset: usize) -> (usize, usize) {
    let through = input.get(..=offset).unwrap_or(input);
    let line = 1 + memchr::memchr_iter(b'\n', through).count();
    let column = match memchr::memrchr(b'\n', through) {
        Some(newline) => offset - newline,
        None => offset + 1,
    };
    (line, column)
}

/// A document that could not be read: where, what kind of problem, and why.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::{ChildProfile, json::{from_json_str, JsonErrorKind}};
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
    /// JSON Pointer (RFC 6901) to the value that was rejected; empty for the whole
    /// document.
    ///
    /// Inside a choice that carries fields (an object with a `kind` and more, such
    /// as a legal standing or a decision), serde reads the object whole before it
    /// knows which fields to expect, and the path inside it is lost: a problem there
    /// is reported at the choice, which holds it, never at a sibling.
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

/// Reads a document from a string within [`InputLimits::default`]; see
/// [`JsonError`].
///
/// A valid document is read once, at `serde_json`'s own speed. Only when reading
/// fails is the document read a second time, keeping track of the path, to say
/// where: the same reader on the same bytes fails at the same place, so the error
/// is the one the first reading met.
///
/// # Errors
///
/// A [`JsonError`] with the pointer, kind, line and column of the first problem, and no rejected value in its message.
pub fn from_json_str<T: DeserializeOwned>(input: &str) -> Result<T, JsonError> {
    from_json_str_with(input, &InputLimits::default())
}

/// Reads a document from a string within `limits`; see [`from_json_str`].
///
/// # Errors
///
/// As [`from_json_str`], and [`JsonErrorKind::Limit`] when the input breaks `limits`.
pub fn from_json_str_with<T: DeserializeOwned>(
    input: &str,
    limits: &InputLimits,
) -> Result<T, JsonError> {
    limits.check(input.as_bytes())?;
    from_json_part(input)
}

/// Reads a part of a document whose limits were checked with the whole (a member
/// kept as its text to be read on its own, such as a ledger entry kept for its
/// hash); see [`from_json_str`]. The pointer starts at the part.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::{json::from_json_part, TimeOfDay};
///
/// let err = from_json_part::<Vec<TimeOfDay>>(r#"["09:00", "25:00"]"#).unwrap_err();
/// assert_eq!(err.pointer(), "/1");
/// ```
///
/// # Errors
///
/// As [`from_json_str`], but with no limits checked.
pub fn from_json_part<T: DeserializeOwned>(input: &str) -> Result<T, JsonError> {
    if let Some(value) = read_quickly(serde_json::Deserializer::from_str(input)) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_str(input);
    forget_rejected();
    finish(serde_path_to_error::deserialize(Strict(&mut de)), de)
        .map_err(|e| wrong_kind_of_value(e, || serde_json::from_str::<IgnoredAny>(input).is_ok()))
        .map_err(|e| within_choice(e, || serde_json::from_str(input).ok()))
}

/// Reads a document from bytes within [`InputLimits::default`]; see [`JsonError`].
///
/// # Errors
///
/// As [`from_json_str`].
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::{json::from_json_slice, TimeOfDay};
///
/// let err = from_json_slice::<Vec<TimeOfDay>>(br#"["09:00", 1900]"#).unwrap_err();
/// assert_eq!(err.pointer(), "/1");
/// assert_eq!(err.message(), "invalid type: integer, expected a string");
/// ```
pub fn from_json_slice<T: DeserializeOwned>(input: &[u8]) -> Result<T, JsonError> {
    from_json_slice_with(input, &InputLimits::default())
}

/// Reads a document from bytes within `limits`; see [`from_json_slice`].
///
/// # Errors
///
/// As [`from_json_str_with`].
pub fn from_json_slice_with<T: DeserializeOwned>(
    input: &[u8],
    limits: &InputLimits,
) -> Result<T, JsonError> {
    limits.check(input)?;
    if let Some(value) = read_quickly(serde_json::Deserializer::from_slice(input)) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_slice(input);
    forget_rejected();
    finish(serde_path_to_error::deserialize(Strict(&mut de)), de)
        .map_err(|e| wrong_kind_of_value(e, || serde_json::from_slice::<IgnoredAny>(input).is_ok()))
        .map_err(|e| within_choice(e, || serde_json::from_slice(input).ok()))
}

/// The first reading, without keeping track of the path: the value, or nothing when
/// the document is refused (and is read again to say where and why).
fn read_quickly<'de, T: serde::Deserialize<'de>, R: serde_json::de::Read<'de>>(
    mut de: serde_json::Deserializer<R>,
) -> Option<T> {
    let value = T::deserialize(Strict(&mut de)).ok()?;
    de.end().ok()?;
    Some(value)
}

/// serde_json calls a number, `true`, `null` or a list where a choice is expected
/// ("expected value") a syntax error, though the JSON is well-formed: it met them
/// looking for the string or object a choice is written as. In a well-formed
/// document it is a value of the wrong kind, and said so.
fn wrong_kind_of_value(error: JsonError, well_formed: impl FnOnce() -> bool) -> JsonError {
    if error.kind != JsonErrorKind::Syntax || error.message != "expected value" || !well_formed() {
        return error;
    }
    JsonError {
        kind: JsonErrorKind::Data,
        message:
            "invalid type: expected a choice, written as a string or as an object with a `kind`"
                .to_owned(),
        ..error
    }
}

/// serde reads a choice that carries fields (an object with a `kind`) whole before
/// it knows which members to expect, and reads them from its own copy, where the
/// path is not tracked: a date, a time or an id refused inside is reported at the
/// choice. The choice is read again here, as plain JSON, to find the value: the one
/// string inside it that its own rule refuses with the same message. When no such
/// string, or more than one, is found, the choice (which holds the value) is kept.
fn within_choice(
    mut error: JsonError,
    document: impl FnOnce() -> Option<serde_json::Value>,
) -> JsonError {
    if error.kind != JsonErrorKind::Data {
        return error;
    }
    let Some(rule) = LeafRule::of(&error.message) else {
        return error;
    };
    let Some(document) = document() else {
        return error;
    };
    let Some(choice) = document.pointer(&error.pointer) else {
        return error;
    };
    let mut found = Vec::new();
    refused_strings(choice, &mut String::new(), None, rule, &mut found);
    if let [only] = found.as_slice() {
        error.pointer.push_str(only);
    }
    error
}

/// A leaf's rule whose values are strings of a known shape: dates, times and ids.
/// The shape keeps a name or a note from being taken for the value refused.
#[derive(Clone, Copy)]
enum LeafRule {
    /// A date, refused with this message.
    Date(&'static str),
    /// A date and time.
    Time,
    /// An id.
    Id,
}

impl LeafRule {
    fn of(message: &str) -> Option<Self> {
        let date = [crate::date_problem(""), crate::date_problem("0000-00-00")];
        if let Some(problem) = date.into_iter().find(|problem| *problem == message) {
            Some(Self::Date(problem))
        } else if message == crate::canonical_time::PROBLEM {
            Some(Self::Time)
        } else if message == crate::id::CANONICAL_UUID_PROBLEM {
            Some(Self::Id)
        } else {
            None
        }
    }

    fn refuses(self, text: &str, key: Option<&str>) -> bool {
        match self {
            Self::Date(problem) => {
                crate::parse_canonical_date(text).is_none()
                    && crate::date_problem(text) == problem
                    && written_like_a_date(text)
            }
            Self::Time => {
                crate::canonical_time::parse(text).is_none()
                    && (written_like_a_time(text)
                        || key.is_some_and(|key| key == "at" || key.ends_with("At"))
                            && text.bytes().any(|b| b.is_ascii_digit()))
            }
            Self::Id => {
                crate::parse_canonical_uuid(text).is_none()
                    && (uuid::Uuid::try_parse(text).is_ok()
                        || key.is_some_and(|key| key == "id" || key.ends_with("Id")))
            }
        }
    }
}

/// Digits with the separators a date is written with, in any order.
fn written_like_a_date(text: &str) -> bool {
    text.len() <= 16
        && text.bytes().any(|b| b.is_ascii_digit())
        && text.contains(['-', '/', '.'])
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'/' | b'.' | b' '))
}

/// A date followed by a time of day, however spelt.
fn written_like_a_time(text: &str) -> bool {
    text.len() <= 40 && text.bytes().filter(u8::is_ascii_digit).count() >= 8 && text.contains(':')
}

/// Collects the pointers, from the choice, of the strings `refuses` refuses.
fn refused_strings(
    value: &serde_json::Value,
    at: &mut String,
    key: Option<&str>,
    rule: LeafRule,
    found: &mut Vec<String>,
) {
    let depth = at.len();
    match value {
        serde_json::Value::String(text) if rule.refuses(text, key) => found.push(at.clone()),
        serde_json::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                at.push('/');
                at.push_str(&index.to_string());
                refused_strings(item, at, key, rule, found);
                at.truncate(depth);
            }
        }
        serde_json::Value::Object(members) => {
            for (name, member) in members {
                at.push('/');
                at.push_str(&name.replace('~', "~0").replace('/', "~1"));
                refused_strings(member, at, Some(name), rule, found);
                at.truncate(depth);
            }
        }
        _ => {}
    }
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
    let full = full.strip_suffix(&position).unwrap_or(&full);
    // A value that breaks its own type's rule (a checked type read by serde) is
    // reported at the field the rule names inside it: serde carries only the
    // message, so the check left the field beside it, and it is joined here only
    // when the message is the one that check wrote. That message is final: it was
    // written by the library (or read and scrubbed already, for a ledger entry's
    // own reading), and is not read again.
    if kind == JsonErrorKind::Data
        && let Some(field) = take_rejected(full)
    {
        use fmt::Write;
        // Writing to a String cannot fail.
        let _ = write!(pointer, "{}", field.pointer_suffix());
        return JsonError {
            pointer,
            kind,
            line: err.line(),
            column: err.column(),
            message: full.to_owned(),
        };
    }
    if let Some(unknown) = unknown_field(full) {
        // The path ends with the unknown key itself, which is not repeated: the
        // pointer is to the object that holds it.
        if let Some(slash) = pointer.rfind('/')
            && pointer.get(slash + 1..) == Some(unknown.escaped_name.as_str())
        {
            pointer.truncate(slash);
        }
        return JsonError {
            pointer,
            kind,
            line: err.line(),
            column: err.column(),
            message: unknown.message,
        };
    }
    let message = scrub(full);
    JsonError {
        pointer,
        kind,
        line: err.line(),
        column: err.column(),
        message,
    }
}

/// Reads the payload of a choice that carries none, such as `{"kind": "weekly"}`,
/// refusing any other member. Put it on each payload-free variant of an internally
/// tagged enum (`#[serde(deserialize_with = "partnership_core::json::no_payload")]`):
/// serde reads such a variant written as a unit (`Weekly`) by ignoring members it
/// does not know, even under `deny_unknown_fields`, and a partner's misspelt member
/// must be refused, not dropped. Rust code then writes the choice without braces
/// while the JSON stays as strict as a struct variant's.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use serde::Deserialize;
///
/// #[derive(Debug, PartialEq, Deserialize)]
/// #[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
/// enum Cadence {
///     #[serde(deserialize_with = "partnership::core::json::no_payload")]
///     Weekly,
///     EveryNDays { days: u32 },
/// }
///
/// assert_eq!(serde_json::from_str::<Cadence>(r#"{"kind": "weekly"}"#)?, Cadence::Weekly);
/// let err = serde_json::from_str::<Cadence>(r#"{"kind": "weekly", "dayz": 3}"#).unwrap_err();
/// assert!(err.to_string().starts_with("unknown field `dayz`"));
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// # Errors
///
/// The deserializer's error when the variant's object holds any member besides its tag.
pub fn no_payload<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<(), D::Error> {
    /// An object with no members, refusing any.
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Nothing {}
    <Nothing as serde::Deserialize>::deserialize(deserializer).map(|Nothing {}| ())
}

thread_local! {
    /// The message and field of the last checked value this thread refused while
    /// being deserialised: serde's error can carry only a message, and the field
    /// must not travel inside it.
    static REJECTED: std::cell::RefCell<Option<(String, FieldPath)>> =
        const { std::cell::RefCell::new(None) };
}

/// Writes a checked value's refusal for serde, leaving the field its rule names
/// where [`from_json_str`] and the other readers here will find it. Used by
/// [`validated!`](crate::validated); not part of the stable API.
///
/// A checked value is joined to its field even when serde read it from a choice it
/// had read whole (see [`buffered`]): a checked value inside a choice is the
/// choice's own payload (a restriction on involvement is the object with
/// `"kind": "restricted"`), so the choice's place is its place.
#[doc(hidden)]
pub fn __refused<E: Located>(error: &E) -> String {
    note(error.field(), error.to_string())
}

/// A refusal written by a hand-made `Deserialize` (a choice's unknown `kind`, a
/// ledger entry's own reading), with the field it concerns; see [`__refused`].
/// Read by `D` from a choice read whole, the value sits somewhere inside that
/// choice, and the field is not joined. Not part of the stable API.
#[doc(hidden)]
pub fn __refused_at<'de, D: serde::Deserializer<'de>>(field: FieldPath, message: String) -> String {
    if buffered::<D>() {
        forget_rejected();
        return message;
    }
    note(field, message)
}

fn note(field: FieldPath, message: String) -> String {
    REJECTED.with(|cell| *cell.borrow_mut() = Some((message.clone(), field)));
    message
}

/// Whether `D` is serde's reader of a value it has already read whole: inside a
/// choice that carries fields (an object with `kind`), serde reads the object
/// before it knows which fields to expect, and the path from the choice to what
/// is inside it is lost. A field named inside would then be joined to the choice's
/// own place, a wrong pointer (a sibling, or nothing); the refusal is reported at
/// the choice instead, which holds it.
fn buffered<'de, D: serde::Deserializer<'de>>() -> bool {
    std::any::type_name::<D>().contains("::content::Content")
}

fn forget_rejected() {
    REJECTED.with(|cell| cell.borrow_mut().take());
}

/// The field of the refusal whose message is `message`: a refusal left by a value
/// that was then read past (an untagged choice trying its next variant) has a
/// different message, and gives nothing.
fn take_rejected(message: &str) -> Option<FieldPath> {
    REJECTED.with(|cell| {
        let (noted, field) = cell.borrow_mut().take()?;
        (noted == message).then_some(field)
    })
}

/// Removes the rejected value from serde's messages, keeping what was expected, and
/// says "an object" where serde names one of our Rust types.
fn scrub(message: &str) -> String {
    let message = match message.split_once(", expected struct ") {
        Some((before, _type_name)) => format!("{before}, expected an object"),
        None => match message.split_once(", expected internally tagged enum ") {
            Some((before, _type_name)) => {
                format!("{before}, expected an object with a `kind`")
            }
            None => message.to_owned(),
        },
    };
    let message = message.as_str();
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
            return "not a valid date and time: a part is out of range (for example 30 February)"
                .into();
        }
        "premature end of input" | "input contains invalid characters" | "trailing input" => {
            return format!(
                "not a valid date and time ({message}); expected one written YYYY-MM-DDTHH:MM:SSZ, for example 2026-11-23T09:30:00Z"
            );
        }
        _ => {}
    }
    // The uuid crate names the offending character and where it is: the start of
    // whatever was written, which may be a name.
    if let Some((before, _)) = message.split_once("invalid character: found `") {
        return format!(
            "{before}a character that cannot be in a UUID (32 hexadecimal digits, in groups of 8-4-4-4-12)"
        );
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

/// An unknown field, as reported.
struct UnknownField {
    message: String,
    /// The name as a JSON Pointer segment, to find it at the end of the path.
    escaped_name: String,
}

/// serde's "unknown field `NAME`, expected …" without the name: a partner's system
/// can put anything in a key, a child's name or a diagnosis among it, and a short
/// name is within a few edits of some field ("Mia" of `id`), so no key is repeated.
/// The expected field nearest to it is named instead, which is ours to show.
fn unknown_field(message: &str) -> Option<UnknownField> {
    let rest = message.strip_prefix("unknown field `")?;
    let (name, expected) = rest.split_once('`')?;
    let expected = expected.strip_prefix(", ").unwrap_or(expected);
    let fields: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let near = fields
        .iter()
        .copied()
        .filter(|field| edits_within(name, field, 2))
        .min_by_key(|field| field.len().abs_diff(name.len()));
    Some(UnknownField {
        escaped_name: name.replace('~', "~0").replace('/', "~1"),
        message: match near {
            Some(field) => format!(
                "unknown field (its name is not repeated here; did you mean `{field}`?), {expected}"
            ),
            None => format!("unknown field (its name is not repeated here), {expected}"),
        },
    })
}

/// Whether `a` becomes `b` in at most `limit` single-character insertions, deletions
/// or substitutions, for short names only.
fn edits_within(a: &str, b: &str, limit: usize) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > limit || a.len() > 64 || b.len() > 64 {
        return false;
    }
    // One row of the edit-distance table at a time.
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut row = Vec::with_capacity(b.len() + 1);
        row.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous.get(j).copied().unwrap_or(usize::MAX) + usize::from(ca != cb);
            let delete = previous
                .get(j + 1)
                .copied()
                .unwrap_or(usize::MAX)
                .saturating_add(1);
            let insert = row.get(j).copied().unwrap_or(usize::MAX).saturating_add(1);
            row.push(substitute.min(delete).min(insert));
        }
        previous = row;
    }
    previous.last().is_some_and(|d| *d <= limit)
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
    fn escapes_count_towards_the_string_limit() {
        let limits = InputLimits {
            max_string_bytes: 4,
            ..InputLimits::default()
        };
        assert!(limits.check(br#"{"a":"abcd"}"#).is_ok());
        assert!(limits.check(br#"{"a":"\n\n\n\n"}"#).is_ok());
        assert!(limits.check(br#"{"a":"abcde"}"#).is_err());
        assert!(limits.check(br#"{"a":"\n\n\n\n\n"}"#).is_err());
        assert!(limits.check(br#"{"a":"\"\"\"\"\""}"#).is_err());
        // An escaped quote does not end the string; an escaped backslash does not
        // escape the quote after it.
        assert!(limits.check(br#"{"a":"\\","b":"cd"}"#).is_ok());
    }

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

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    #[allow(dead_code, reason = "only read, to see the errors")]
    struct Period {
        valid_from: u32,
        valid_until: u32,
    }

    #[test]
    fn unknown_fields_are_never_named() {
        // Even a near-miss is not repeated: "Mia" is as near to `id` as a typo.
        let typo = from_json_str::<Period>(r#"{"validFrm": 1}"#).unwrap_err();
        assert_eq!(typo.pointer(), "");
        assert_eq!(
            typo.message(),
            "unknown field (its name is not repeated here; did you mean `validFrom`?), expected `validFrom` or `validUntil`"
        );
        for key in [
            "Ruby Clarke has HIV",
            "Joanne",
            "Sophie lives at 4 Elm Road",
        ] {
            let err =
                from_json_str::<Period>(&format!(r#"{{"validFrom": 1, "{key}": 2}}"#)).unwrap_err();
            assert!(!err.to_string().contains(key), "{err}");
            assert_eq!(err.pointer(), "");
            assert!(
                err.message()
                    .starts_with("unknown field (its name is not repeated here)")
            );
        }
    }

    #[test]
    fn uuid_errors_do_not_show_what_was_written() {
        let err = from_json_str::<CarerId>(r#""Sophie Clarke""#).unwrap_err();
        assert!(!err.message().contains('S'), "{}", err.message());
        let err =
            from_json_str::<CarerId>(r#""0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7Z""#).unwrap_err();
        assert!(!err.message().contains('Z'), "{}", err.message());
    }

    #[test]
    fn eof_is_classified() {
        let err = from_json_str::<Vec<u8>>("[1, 2").unwrap_err();
        assert_eq!(err.kind(), JsonErrorKind::Eof);
    }
}
