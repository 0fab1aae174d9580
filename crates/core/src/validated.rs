//! The [`validated!`](crate::validated) macro: one definition of a document's fields,
//! checked on construction and on deserialisation alike.

/// Declares a type whose value can only exist once its parts pass a check.
///
/// The type wraps a `…Parts` struct that holds the plain fields (public, documented,
/// with the serde and schemars attributes). The macro gives the wrapper:
///
/// - `TryFrom<Parts>`, which runs the check: the only way in;
/// - `Deserialize` that reads the parts and then runs the same check, so a partner's
///   JSON can never build a value the constructor would refuse; the error must be
///   [`Located`](crate::Located), and the readers in [`json`](crate::json) report a
///   refusal at the field it names, which never travels inside the message;
/// - `Serialize` and `JsonSchema` that are exactly those of the parts (the schema is
///   named after the wrapper);
/// - read access through [`parts`](crate::ChildProfile::parts), not `Deref`: a
///   checked value is not a smart pointer (Rust API guidelines, C-DEREF), so each
///   type gives its own accessor methods, one per field; and [`into_parts`] to
///   change a value and check it again;
/// - `Debug` through the parts, whose personal data is already [`Sensitive`].
///
/// [`into_parts`]: crate::ChildProfile::into_parts
/// [`Sensitive`]: crate::Sensitive
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::json::from_json_str;
/// use partnership::core::{FieldPath, Located, validated};
/// use schemars::JsonSchema;
/// use serde::{Deserialize, Serialize};
///
/// /// The plain fields of a [`Window`].
/// #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
/// #[serde(deny_unknown_fields)]
/// pub struct WindowParts {
///     /// First day.
///     pub from: u32,
///     /// Last day.
///     pub until: u32,
/// }
///
/// /// The rule a window can break, which names its field apart from its words.
/// #[derive(Debug, thiserror::Error)]
/// #[error("must not be before the first day")]
/// pub struct EndsBeforeStart;
///
/// impl Located for EndsBeforeStart {
///     fn field(&self) -> FieldPath {
///         FieldPath::field("until")
///     }
/// }
///
/// fn check(parts: &WindowParts) -> Result<(), EndsBeforeStart> {
///     if parts.until < parts.from {
///         return Err(EndsBeforeStart);
///     }
///     Ok(())
/// }
///
/// validated! {
///     /// A window of days that never ends before it starts.
///     #[derive(Clone, PartialEq)]
///     pub struct Window(WindowParts);
///     check = check;
///     error = EndsBeforeStart;
/// }
///
/// let ok = Window::try_from(WindowParts { from: 1, until: 3 }).unwrap();
/// assert_eq!(ok.parts().until, 3);
/// // Read from JSON, the rule is reported at the field it names.
/// let bad = from_json_str::<Window>(r#"{"from": 3, "until": 1}"#).unwrap_err();
/// assert_eq!(bad.pointer(), "/until");
/// assert_eq!(bad.message(), "must not be before the first day");
/// ```
#[macro_export]
macro_rules! validated {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident($parts:ty);
        check = $check:path;
        error = $err:ty;
    ) => {
        $(#[$meta])*
        $vis struct $name($parts);

        impl $name {
            /// The checked parts, read-only.
            pub fn parts(&self) -> &$parts {
                &self.0
            }

            /// Gives back the parts, to change them and check them again with `try_from`.
            pub fn into_parts(self) -> $parts {
                self.0
            }
        }

        impl $crate::Checked for $name {
            type Parts = $parts;
            type Error = $err;
        }

        impl ::core::convert::TryFrom<$parts> for $name {
            type Error = $err;

            fn try_from(parts: $parts) -> ::core::result::Result<Self, Self::Error> {
                $check(&parts)?;
                ::core::result::Result::Ok(Self(parts))
            }
        }

        impl ::core::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.0).finish()
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                $crate::__private::serde::Serialize::serialize(&self.0, serializer)
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                let parts = <$parts as $crate::__private::serde::Deserialize<'de>>::deserialize(
                    deserializer,
                )?;
                <Self as ::core::convert::TryFrom<$parts>>::try_from(parts).map_err(|error| {
                    <D::Error as $crate::__private::serde::de::Error>::custom(
                        $crate::json::__refused(&error),
                    )
                })
            }
        }

        impl $crate::__private::schemars::JsonSchema for $name {
            $crate::__schema_names!($name);

            fn json_schema(
                generator: &mut $crate::__private::schemars::SchemaGenerator,
            ) -> $crate::__private::schemars::Schema {
                <$parts as $crate::__private::schemars::JsonSchema>::json_schema(generator)
            }
        }
    };
}

/// A type declared with [`validated!`](crate::validated): a value that exists only
/// once its [`Parts`](Checked::Parts) pass its check, through `TryFrom<Parts>`.
/// A reader that checks in two phases (the record's, a partner document's) reads
/// the parts first, for their shape, then checks them itself, so that it can say
/// where each broken rule is rather than stop at the first.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::{Checked, ChildProfile, ChildProfileParts, FieldPath, Located};
///
/// fn first_phase<T: Checked>(json: &str) -> serde_json::Result<T::Parts>
/// where
///     T::Parts: serde::de::DeserializeOwned,
/// {
///     serde_json::from_str(json)
/// }
///
/// let parts = first_phase::<ChildProfile>(r#"{
///     "id": "5b0c2f0e-8d43-4c55-9f0e-0d6b2a7c1e11", "name": "Noah Williams",
///     "dateOfBirth": "2015-01-10",
///     "views": [{
///         "recordedOn": "2014-06-01", "view": "likes drawing",
///         "recordedBy": {"kind": "child", "id": "5b0c2f0e-8d43-4c55-9f0e-0d6b2a7c1e11"}
///     }]
/// }"#)?;
/// let err = ChildProfile::try_from(parts).unwrap_err();
/// assert_eq!(err.field(), FieldPath::field("views").index(0).then("recordedOn"));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub trait Checked: Sized + TryFrom<Self::Parts, Error = <Self as Checked>::Error> {
    /// The plain fields, which serde reads and writes.
    type Parts;
    /// What the check says when the parts break a rule.
    type Error;
}

/// The `schema_name` and `schema_id` of a type named in a macro: its own name, and
/// its name qualified by the module that declares it. Not part of the API.
#[doc(hidden)]
#[macro_export]
macro_rules! __schema_names {
    ($name:ident) => {
        fn schema_name() -> $crate::__private::Cow<'static, str> {
            stringify!($name).into()
        }

        fn schema_id() -> $crate::__private::Cow<'static, str> {
            concat!(module_path!(), "::", stringify!($name)).into()
        }
    };
}

/// Gives a checked list (a [`validated!`](crate::validated) type over a `Vec`) the
/// reading methods a list needs, and nothing that could change it: `iter`, `len`,
/// `is_empty`, `get`, `first`, `last`, `as_slice`, and `for item in &list`. A list is
/// not a smart pointer, so it does not dereference to its `Vec` (Rust API
/// guidelines, C-DEREF), and its documentation shows only what it offers.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::{FieldPath, Located, listed, validated};
///
/// /// A day earlier than the one before it, at `index`.
/// #[derive(Debug, thiserror::Error)]
/// #[error("must not be before the day before it")]
/// pub struct OutOfOrder { index: usize }
///
/// impl Located for OutOfOrder {
///     fn field(&self) -> FieldPath {
///         FieldPath::item(self.index)
///     }
/// }
///
/// fn ascending(days: &Vec<u32>) -> Result<(), OutOfOrder> {
///     match days.windows(2).position(|w| w[0] > w[1]) {
///         Some(before) => Err(OutOfOrder { index: before + 1 }),
///         None => Ok(()),
///     }
/// }
///
/// validated! {
///     /// Days, in order.
///     #[derive(Clone, PartialEq)]
///     pub struct Days(Vec<u32>);
///     check = ascending;
///     error = OutOfOrder;
/// }
/// listed!(Days, u32);
///
/// let days = Days::try_from(vec![1, 3, 8]).unwrap();
/// assert_eq!(days.len(), 3);
/// assert_eq!(days.last(), Some(&8));
/// assert_eq!((&days).into_iter().sum::<u32>(), 12);
/// assert_eq!(Days::try_from(vec![1, 8, 3]).unwrap_err().field(), FieldPath::item(2));
/// ```
#[macro_export]
macro_rules! listed {
    ($name:ident, $item:ty) => {
        impl $name {
            /// The entries, oldest first.
            pub fn iter(&self) -> ::core::slice::Iter<'_, $item> {
                self.0.iter()
            }

            /// How many entries there are.
            pub fn len(&self) -> usize {
                self.0.len()
            }

            /// Whether there are none.
            pub fn is_empty(&self) -> bool {
                self.0.is_empty()
            }

            /// The entry at `index`, if there is one.
            pub fn get(&self, index: usize) -> ::core::option::Option<&$item> {
                self.0.get(index)
            }

            /// The first entry, if any.
            pub fn first(&self) -> ::core::option::Option<&$item> {
                self.0.first()
            }

            /// The last entry, if any.
            pub fn last(&self) -> ::core::option::Option<&$item> {
                self.0.last()
            }

            /// The entries as a slice.
            pub fn as_slice(&self) -> &[$item] {
                &self.0
            }
        }

        impl<'a> ::core::iter::IntoIterator for &'a $name {
            type Item = &'a $item;
            type IntoIter = ::core::slice::Iter<'a, $item>;

            fn into_iter(self) -> Self::IntoIter {
                self.0.iter()
            }
        }
    };
}
