//! [`Label`]: short, single-line, non-empty text.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use crate::CoreError;

/// A short piece of single-line text that is never empty: the label of an
/// `other` choice ("play therapist"), an identifier system, a name.
///
/// A label has at least one non-whitespace character, at most
/// [`Label::MAX_CHARS`] characters, and no control characters (no line breaks).
/// Labels are not personal data in themselves; wrap one in
/// [`Sensitive`](crate::Sensitive) when it holds a name.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::Label;
///
/// let label = Label::new("Play therapist").unwrap();
/// assert_eq!(label.as_str(), "Play therapist");
/// assert!(Label::new("   ").is_err());
/// assert!(Label::new("two\nlines").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Label(String);

impl Label {
    /// The longest label accepted, in characters.
    pub const MAX_CHARS: usize = 200;

    /// Checks and wraps a label.
    ///
    /// # Errors
    ///
    /// [`CoreError`] when the text is empty or only whitespace, holds a control character, or is longer than [`Label::MAX_CHARS`] characters.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
    /// # use partnership::core::Label;
    /// assert_eq!(
    ///     Label::new("").unwrap_err().to_string(),
    ///     "label text: must contain at least one non-whitespace character"
    /// );
    /// ```
    pub fn new(text: impl Into<String>) -> Result<Self, CoreError> {
        let text = text.into();
        if text.chars().any(char::is_control) {
            return Err(CoreError::LabelControlCharacter);
        }
        if text.trim().is_empty() {
            return Err(CoreError::LabelEmpty);
        }
        let found = text.chars().count();
        if found > Self::MAX_CHARS {
            return Err(CoreError::LabelTooLong {
                max: Self::MAX_CHARS,
                found,
            });
        }
        Ok(Self(text))
    }

    /// The text.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
    /// # use partnership::core::Label;
    /// assert_eq!(Label::new("SENCO").unwrap().as_str(), "SENCO");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Label {
    type Error = CoreError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::new(text)
    }
}

impl TryFrom<&str> for Label {
    type Error = CoreError;

    fn try_from(text: &str) -> Result<Self, Self::Error> {
        Self::new(text)
    }
}

impl From<Label> for String {
    fn from(label: Label) -> Self {
        label.0
    }
}

impl AsRef<str> for Label {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl JsonSchema for Label {
    fn schema_name() -> Cow<'static, str> {
        "Label".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "partnership_core::Label".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "minLength": 1,
            "maxLength": Self::MAX_CHARS,
            "pattern": "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$",
            "description": "Short single-line text: at least one non-whitespace character, at most 200 characters, no control characters."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits() {
        assert!(Label::new("a".repeat(200)).is_ok());
        assert_eq!(
            Label::new("a".repeat(201)),
            Err(CoreError::LabelTooLong {
                max: 200,
                found: 201
            })
        );
        assert_eq!(
            Label::new("tab\there"),
            Err(CoreError::LabelControlCharacter)
        );
        assert_eq!(Label::new(" ok "), Ok(Label(" ok ".into())));
    }

    #[test]
    fn deserialises_through_the_check() {
        let err = serde_json::from_str::<Label>(r#""""#).unwrap_err();
        assert!(err.to_string().starts_with("label text: must contain"));
    }
}
