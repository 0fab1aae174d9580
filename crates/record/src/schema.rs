//! JSON Schemas (draft 2020-12) for every document a partner system exchanges.
//!
//! Each schema has a stable `$id`, a title, and the descriptions written on the Rust
//! types, so a partner developer can understand every field from the schema alone.
//! Schemas are portable: every `$ref` points inside the same file, there are no
//! keywords beyond the standard vocabulary and annotations, and formats are only the
//! draft 2020-12 ones (`date`, `date-time`, `uuid`).
//!
//! Rules a schema cannot express (check digits, histories, cross-references) are
//! listed in each schema's description.
//!
//! ```
//! let docs = partnership_record::schema::documents();
//! let record = docs.iter().find(|d| d.name == "PartnershipRecord").unwrap();
//! assert_eq!(record.schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert_eq!(record.file_name(), "partnership-record.schema.json");
//! ```

use schemars::generate::SchemaSettings;
use schemars::transform::{Transform, transform_subschemas};
use schemars::{JsonSchema, Schema};
use serde_json::Value;

/// Where the schemas' `$id`s live.
pub const ID_BASE: &str = "https://partnership-rs.github.io/partnership/schemas/";

/// One document's schema.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaDocument {
    /// The document's name, as the Rust type is called (`PartnershipRecord`).
    pub name: &'static str,
    /// The schema.
    pub schema: Value,
}

impl SchemaDocument {
    /// The file name: the kebab-case name and `.schema.json`.
    pub fn file_name(&self) -> String {
        let mut out = String::new();
        for (i, c) in self.name.chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        }
        out + ".schema.json"
    }

    /// The schema pretty-printed with a final newline, as committed under `schemas/`.
    pub fn to_pretty_json(&self) -> String {
        serde_json::to_string_pretty(&self.schema).unwrap_or_default() + "\n"
    }
}

/// Drops `format` values outside the draft 2020-12 vocabulary (schemars writes
/// `uint32` and the like for integer widths; the bounds already say what matters).
#[derive(Debug, Clone)]
struct StandardFormatsOnly;

const STANDARD_FORMATS: &[&str] = &[
    "date-time",
    "date",
    "time",
    "duration",
    "email",
    "idn-email",
    "hostname",
    "idn-hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "iri",
    "iri-reference",
    "uuid",
    "uri-template",
    "json-pointer",
    "relative-json-pointer",
    "regex",
];

impl Transform for StandardFormatsOnly {
    fn transform(&mut self, schema: &mut Schema) {
        let non_standard = schema
            .get("format")
            .and_then(Value::as_str)
            .is_some_and(|f| !STANDARD_FORMATS.contains(&f));
        if non_standard {
            schema.remove("format");
        }
        transform_subschemas(self, schema);
    }
}

fn generate<T: JsonSchema>(name: &'static str, rules: &str) -> SchemaDocument {
    let settings = SchemaSettings::draft2020_12().with_transform(StandardFormatsOnly);
    let schema = settings.into_generator().into_root_schema_for::<T>();
    let mut value = schema.to_value();
    if let Some(map) = value.as_object_mut() {
        let id = format!(
            "{ID_BASE}{}",
            SchemaDocument {
                name,
                schema: Value::Null
            }
            .file_name()
        );
        map.insert("$id".into(), Value::String(id));
        map.insert("title".into(), Value::String(name.into()));
        let described = map
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let note = format!(
            "{described}\n\nRules this schema cannot express, which the library checks on reading: {rules}"
        );
        map.insert("description".into(), Value::String(note.trim().to_owned()));
    }
    SchemaDocument {
        name,
        schema: value,
    }
}

/// Every top-level document's schema, in the order of
/// [`Document::ALL`](crate::Document::ALL) (the ledger, JSON lines of ledger
/// entries, has none of its own).
pub fn documents() -> Vec<SchemaDocument> {
    crate::Document::ALL
        .iter()
        .filter_map(|kind| kind.with_type(Generate))
        .collect()
}

/// Writes a document kind's schema.
struct Generate;

impl crate::document::WithType for Generate {
    type Output = SchemaDocument;

    fn with<T: JsonSchema>(self, name: &'static str, rules: &'static str) -> SchemaDocument {
        generate::<T>(name, rules)
    }
}
