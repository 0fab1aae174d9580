//! The [`labelled_enum!`](crate::labelled_enum) macro: a fixed list of choices with
//! an `other` escape that carries a label.

/// Text of a choice's label for `Display`: a plain [`Label`](crate::Label) shows
/// itself; a [`Sensitive`](crate::Sensitive) one shows only that it is another choice.
#[doc(hidden)]
pub trait ChoiceLabel {
    /// What `Display` shows for an `other` choice with this label.
    fn display_text(&self) -> &str;

    /// The label's text, for comparing two labels.
    fn text(&self) -> &str;
}

impl ChoiceLabel for crate::Label {
    fn display_text(&self) -> &str {
        self.as_str()
    }

    fn text(&self) -> &str {
        self.as_str()
    }
}

impl ChoiceLabel for crate::Sensitive<crate::Label> {
    fn display_text(&self) -> &str {
        "other"
    }

    fn text(&self) -> &str {
        self.expose().as_str()
    }
}

/// Whether two labels say the same thing, as people write the same word in different
/// systems: compared lower-cased (with Unicode's rules, so a Greek final sigma and
/// `ß` fold as expected), with spaces, hyphens and underscores alike and runs of them
/// as one, and with other punctuation and invisible characters (zero-width spaces and
/// joiners) ignored. "Play  Therapist", "play-therapist" and "PLAY THERAPIST" are one
/// label. Text in different Unicode normalisation forms (a letter and a combining
/// accent, or the accented letter) is not unified.
#[doc(hidden)]
pub fn same_label_text(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let folded = fold(a);
    !folded.is_empty() && folded == fold(b)
}

/// A label folded for comparison: see [`same_label_text`].
fn fold(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut gap = false;
    for c in lower.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            match c {
                'ß' => out.push_str("ss"),
                'ς' => out.push('σ'),
                _ => out.push(c),
            }
        } else if c.is_whitespace() || c == '-' || c == '_' {
            gap = true;
        }
    }
    out
}

/// Whether `label` names the fixed choice with JSON code `code` and words `words`:
/// an `other` label that spells out a fixed choice is that choice.
#[doc(hidden)]
pub fn label_names(label: &str, code: &str, words: &str) -> bool {
    same_label_text(label, code) || same_label_text(label, words)
}

/// The JSON shape a [`labelled_enum!`](crate::labelled_enum) reads before it checks
/// the kind and the label.
#[doc(hidden)]
#[derive(serde::Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an object with a `kind` (and a `label` for `other`)"
)]
pub struct ChoiceRepr<L> {
    /// The choice's code.
    pub kind: String,
    /// The label, for `other`.
    #[serde(default = "Option::default")]
    pub label: Option<L>,
}

/// Joins doc-comment lines into a schema description: lines of a paragraph with a
/// space, paragraphs with a blank line.
#[doc(hidden)]
pub fn doc_text(lines: &[&str]) -> String {
    let mut text = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            if !text.is_empty() && !text.ends_with("\n\n") {
                text.push_str("\n\n");
            }
        } else {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push(' ');
            }
            text.push_str(line);
        }
    }
    text.trim_end().to_owned()
}

/// Declares an enumeration of fixed choices plus `Other { label }`.
///
/// Each fixed choice is written `Variant => "json-code", "words for Display";`
/// after its doc comment; the `Other` escape follows the braces with its own doc
/// comment, the label's type, and the label's description.
///
/// Partner systems see `{"kind": "foster-carer"}` or
/// `{"kind": "other", "label": "Play therapist"}`. Unlike serde's internally tagged
/// unit variants, which ignore extra fields, reading is strict: an unknown field, a
/// label on a fixed choice, a missing label on `other` and an unknown kind are all
/// errors, and no error echoes the rejected value. The JSON Schema is a `oneOf` with
/// one branch per choice, each carrying the variant's doc comment as its description.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::{labelled_enum, Label};
///
/// labelled_enum! {
///     /// A kind of pet.
///     pub enum Pet {
///         /// A dog.
///         Dog => "dog", "dog";
///         /// A cat.
///         Cat => "cat", "cat";
///     }
///     /// Any other pet.
///     Other { label: Label => "The pet, in words." }
/// }
///
/// assert_eq!(serde_json::to_string(&Pet::Dog).unwrap(), r#"{"kind":"dog"}"#);
/// let other: Pet = serde_json::from_str(r#"{"kind":"other","label":"Tortoise"}"#).unwrap();
/// assert_eq!(other.to_string(), "Tortoise");
/// assert!(serde_json::from_str::<Pet>(r#"{"kind":"dog","name":"Rex"}"#).is_err());
/// assert!(serde_json::from_str::<Pet>(r#"{"kind":"dog","label":"Rex"}"#).is_err());
/// assert!(serde_json::from_str::<Pet>(r#"{"kind":"other"}"#).is_err());
/// let err = serde_json::from_str::<Pet>(r#"{"kind":"Rex"}"#).unwrap_err();
/// assert!(!err.to_string().contains("Rex"));
/// ```
#[macro_export]
macro_rules! labelled_enum {
    (
        $(#[doc = $doc:expr])*
        $vis:vis enum $name:ident {
            $(
                $(#[doc = $vdoc:expr])*
                $variant:ident => $code:literal, $words:literal;
            )*
        }
        $(#[doc = $odoc:expr])*
        Other { label: $lty:ty => $label_doc:literal }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        $vis enum $name {
            $(
                $(#[doc = $vdoc])*
                $variant,
            )*
            $(#[doc = $odoc])*
            Other {
                #[doc = $label_doc]
                label: $lty,
            },
        }

        impl $name {
            /// Every fixed choice, in declaration order (`Other` excluded).
            pub const FIXED: &'static [Self] = &[$(Self::$variant),*];

            /// The words for a fixed choice, as `Display` writes them, or `None` for
            /// `other`, whose words are its label (which may be personal, so is
            /// never put in an error message).
            pub const fn fixed_words(&self) -> ::core::option::Option<&'static str> {
                match self {
                    $(Self::$variant => ::core::option::Option::Some($words),)*
                    Self::Other { .. } => ::core::option::Option::None,
                }
            }

            /// The JSON `kind` code of this choice.
            pub fn code(&self) -> &'static str {
                match self {
                    $(Self::$variant => $code,)*
                    Self::Other { .. } => "other",
                }
            }

            /// Whether `self` and `other` are the same choice: the same fixed choice,
            /// an `other` whose label spells out that fixed choice, or two `other`s
            /// whose labels say the same thing as people write it (see
            /// `same_label_text` in the crate's source: case, spacing, hyphens and
            /// invisible characters do not count). Rules that match choices (a
            /// consent's scope, a withholding rule) use this rather than `==`, so that
            /// "Therapist" and "therapist" are one role.
            pub fn same_choice(&self, other: &Self) -> bool {
                match (self, other) {
                    (Self::Other { label: a }, Self::Other { label: b }) => {
                        $crate::__private::same_label_text(
                            $crate::__private::ChoiceLabel::text(a),
                            $crate::__private::ChoiceLabel::text(b),
                        )
                    }
                    (Self::Other { label }, fixed) | (fixed, Self::Other { label }) => {
                        $crate::__private::label_names(
                            $crate::__private::ChoiceLabel::text(label),
                            fixed.code(),
                            &fixed.to_string(),
                        )
                    }
                    (a, b) => a == b,
                }
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self {
                    $(Self::$variant => f.write_str($words),)*
                    Self::Other { label } => {
                        f.write_str($crate::__private::ChoiceLabel::display_text(label))
                    }
                }
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                use $crate::__private::serde::ser::SerializeStruct as _;
                match self {
                    Self::Other { label } => {
                        let mut s = serializer.serialize_struct(stringify!($name), 2)?;
                        s.serialize_field("kind", "other")?;
                        s.serialize_field("label", label)?;
                        s.end()
                    }
                    fixed => {
                        let mut s = serializer.serialize_struct(stringify!($name), 1)?;
                        s.serialize_field("kind", fixed.code())?;
                        s.end()
                    }
                }
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                use $crate::__private::serde::de::Error as _;

                let repr = <$crate::__private::ChoiceRepr<$lty> as $crate::__private::serde::Deserialize>::deserialize(
                    deserializer,
                )?;
                match (repr.kind.as_str(), repr.label) {
                    ("other", ::core::option::Option::Some(label)) => {
                        ::core::result::Result::Ok(Self::Other { label })
                    }
                    ("other", ::core::option::Option::None) => {
                        ::core::result::Result::Err(D::Error::missing_field("label"))
                    }
                    $(($code, ::core::option::Option::None) => ::core::result::Result::Ok(Self::$variant),)*
                    (kind, ::core::option::Option::Some(_)) if [$($code),*].contains(&kind) => {
                        ::core::result::Result::Err(D::Error::custom($crate::json::__refused_at::<D>(
                            $crate::FieldPath::field("label"),
                            "only an `other` choice has a label".into(),
                        )))
                    }
                    _ => ::core::result::Result::Err(D::Error::custom($crate::json::__refused_at::<D>(
                        $crate::FieldPath::field("kind"),
                        concat!(
                            "not one of the choices for ",
                            stringify!($name),
                            " (expected one of",
                            $(" `", $code, "`,",)*
                            " `other`)"
                        ).into(),
                    ))),
                }
            }
        }

        impl $crate::__private::schemars::JsonSchema for $name {
            $crate::__schema_names!($name);

            fn json_schema(
                generator: &mut $crate::__private::schemars::SchemaGenerator,
            ) -> $crate::__private::schemars::Schema {
                let mut branches = ::std::vec::Vec::new();
                $(
                    branches.push($crate::__private::serde_json::json!({
                        "type": "object",
                        "description": $crate::__private::doc_text(&[$($vdoc),*]),
                        "properties": { "kind": { "const": $code } },
                        "required": ["kind"],
                        "additionalProperties": false
                    }));
                )*
                let mut label = generator.subschema_for::<$lty>();
                label.insert("description".into(), $label_doc.into());
                branches.push($crate::__private::serde_json::json!({
                    "type": "object",
                    "description": $crate::__private::doc_text(&[$($odoc),*]),
                    "properties": {
                        "kind": { "const": "other" },
                        "label": label
                    },
                    "required": ["kind", "label"],
                    "additionalProperties": false
                }));
                $crate::__private::schemars::json_schema!({
                    "description": $crate::__private::doc_text(&[$($doc),*]),
                    "oneOf": branches
                })
            }
        }
    };
}
