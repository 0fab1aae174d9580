//! [`Sensitive<T>`]: personal data that cannot leak through `Debug`.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

/// Personal data: a name, a contact detail, an address, a free-text note.
///
/// `Debug` prints `***` whatever the value, so a `{:?}` in a log line or a panic
/// message elsewhere in a service cannot leak it. The redaction is deliberately
/// shorter than four characters: no string of four or more characters can ever
/// appear in it by coincidence, which is what the crate's property tests check.
///
/// Serde and schemars pass the value through unchanged (the JSON is the plain value),
/// because partner systems exchange the data itself; what they log is their business.
/// Reading the value takes an explicit [`expose`](Sensitive::expose), which is easy
/// to find in review.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::Sensitive;
///
/// let address = Sensitive::new("12 Acacia Avenue".to_string());
/// assert_eq!(format!("{address:?}"), "***");
/// assert_eq!(address.expose(), "12 Acacia Avenue");
/// assert_eq!(serde_json::to_string(&address).unwrap(), r#""12 Acacia Avenue""#);
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Sensitive<T>(T);

impl<T> Sensitive<T> {
    /// What `Debug` prints in place of the value.
    pub const REDACTION: &'static str = "***";

    /// Wraps a value as personal data.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
    /// # use partnership::core::Sensitive;
    /// let phone = Sensitive::new("07700 900123");
    /// assert_eq!(format!("{phone:?}"), "***");
    /// ```
    pub const fn new(value: T) -> Self {
        Self(value)
    }

    /// Reads the personal data. Every call is a place where it can leave the type's
    /// protection, so keep calls few and deliberate.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
    /// # use partnership::core::Sensitive;
    /// assert_eq!(*Sensitive::new(42).expose(), 42);
    /// ```
    pub const fn expose(&self) -> &T {
        &self.0
    }

    /// Takes the personal data out of its wrapper.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
    /// # use partnership::core::Sensitive;
    /// assert_eq!(Sensitive::new("note").into_exposed(), "note");
    /// ```
    pub fn into_exposed(self) -> T {
        self.0
    }
}

impl<T> From<T> for Sensitive<T> {
    fn from(value: T) -> Self {
        Self(value)
    }
}

impl<T> fmt::Debug for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(Self::REDACTION)
    }
}

impl<T: JsonSchema> JsonSchema for Sensitive<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_of_nested_value_is_redacted() {
        let v = Sensitive::new(vec!["Amira Hassan".to_string()]);
        assert_eq!(format!("{v:?}"), "***");
        assert_eq!(format!("{v:#?}"), "***");
    }

    #[test]
    fn json_is_the_plain_value() {
        let v: Sensitive<String> = serde_json::from_str(r#""Flat 3""#).unwrap();
        assert_eq!(v.expose(), "Flat 3");
    }
}
