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
//! # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
//! let docs = partnership::record::schema::documents();
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
            // An integer's width is a bound every validator checks.
            let bounds = match schema.get("format").and_then(Value::as_str) {
                Some("uint8") => Some((0, u64::from(u8::MAX))),
                Some("uint16") => Some((0, u64::from(u16::MAX))),
                Some("uint32") => Some((0, u64::from(u32::MAX))),
                Some("uint64" | "uint") => Some((0, u64::MAX)),
                _ => None,
            };
            if let Some((min, max)) = bounds {
                let map = schema.ensure_object();
                map.entry("minimum").or_insert(Value::from(min));
                map.entry("maximum").or_insert(Value::from(max));
            }
            schema.remove("format");
        }
        // Many validators leave formats unchecked unless asked: a date's or an instant's
        // one written form is also a pattern, which every validator checks.
        let pattern = match schema.get("format").and_then(Value::as_str) {
            Some("date") => Some(partnership_core::CANONICAL_DATE_PATTERN),
            Some("date-time") => Some(partnership_core::canonical_time::PATTERN),
            _ => None,
        };
        if let Some(pattern) = pattern
            && schema.get("pattern").is_none()
        {
            schema.insert("pattern".into(), Value::String(pattern.into()));
        }
        transform_subschemas(self, schema);
    }
}

/// A description in plain words, for a reader of the schema who does not read Rust:
/// the examples (fenced code) left out, links kept as their words, and the advice on
/// building the Rust type dropped.
fn plain_words(text: &str) -> String {
    let mut kept = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if !in_code {
            kept.push(line);
        }
    }
    let mut out = unlink(&kept.join("\n"));
    for advice in [
        "; build one and convert it with\n`{}::try_from`, which checks it",
        "; build one and convert it with `{}::try_from`, which checks it",
        "; convert with `{}::try_from`, which checks them",
    ] {
        // The advice names the type: find it by its fixed words around the name.
        let (before, after) = advice.split_once("{}").unwrap_or((advice, ""));
        while let Some(start) = out.find(before) {
            let rest = &out[start + before.len()..];
            let Some(end) = rest.find(after) else { break };
            out.replace_range(start..start + before.len() + end + after.len(), "");
        }
    }
    // What a Rust caller writes, said in the Rust docs as "(in Rust: …)".
    while let Some(start) = out.find("(in Rust:") {
        let Some(len) = out[start..].find(')') else {
            break;
        };
        let from = out[..start].trim_end().len();
        out.replace_range(from..start + len + 1, "");
    }
    if let Some(rest) = out.strip_prefix("The plain fields of ") {
        out = format!("The fields of {rest}");
    }
    // Blank lines left where examples were: at most one in a row, none at the ends.
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    out.trim().to_owned()
}

/// `[words](target)` and `[`name`]` as their words alone.
fn unlink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let words = &after[..close];
        let tail = &after[close + 1..];
        let linked = words.starts_with('`') && words.ends_with('`') && words.len() > 1;
        if let Some(target) = tail.strip_prefix('(')
            && let Some(end) = target.find(')')
        {
            out.push_str(words.trim_matches('`'));
            rest = &target[end + 1..];
        } else if linked {
            out.push_str(words.trim_matches('`'));
            rest = tail;
        } else {
            out.push('[');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Every description in plain words.
#[derive(Debug, Clone)]
struct PlainWords;

impl Transform for PlainWords {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(Value::String(text)) = schema.get_mut("description") {
            *text = plain_words(text);
            if text.is_empty() {
                schema.remove("description");
            }
        }
        transform_subschemas(self, schema);
    }
}

/// `foster-carer` as `FosterCarer`.
fn pascal(code: &str) -> String {
    code.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// A title on every branch of every `oneOf`, made of the choice's name and the
/// branch's kind (`RelationshipFosterCarer`), so that tools generating models from the
/// schema name each class for what it is rather than numbering them.
fn title_choices(name: &str, schema: &mut Value) {
    let Some(Value::Array(branches)) = schema.get_mut("oneOf") else {
        return;
    };
    for (i, branch) in branches.iter_mut().enumerate() {
        let Some(map) = branch.as_object_mut() else {
            continue;
        };
        if map.contains_key("title") {
            continue;
        }
        let code = map
            .get("properties")
            .and_then(|p| p.get("kind"))
            .and_then(|k| k.get("const"))
            .or_else(|| map.get("const"))
            .or_else(|| map.get("enum").and_then(|e| e.get(0)))
            .and_then(Value::as_str)
            .map(pascal);
        let title = match code {
            Some(code) if !code.is_empty() => format!("{name}{code}"),
            _ => format!("{name}Choice{}", i + 1),
        };
        map.insert("title".into(), Value::String(title));
    }
}

/// Rules between members of one object that JSON Schema states with `if`/`then`,
/// each for the definition (and, for a choice, the branch of that kind) it binds.
fn conditional_rules() -> Vec<(&'static str, Option<&'static str>, Value)> {
    use serde_json::json;
    let mut rules = vec![
        // A review panel meets within 30 working days; its time is never extended
        // (Representations Procedure (England) Regulations 2006 reg 19(4)).
        (
            "RedressRoute",
            Some("social-care-complaint"),
            json!({
                "description": "A review panel's time is never extended: it meets within 30 working days of the request.",
                "if": {"properties": {"stage": {"const": "review-panel"}}, "required": ["stage"]},
                "then": {"properties": {"extended": {"const": false}}}
            }),
        ),
        // An appeal about more than the school named is lodged only with a mediation
        // certificate (Children and Families Act 2014 s.55(3)).
        (
            "RedressRoute",
            Some("tribunal-appeal"),
            json!({
                "description": "An appeal about more than the school or other institution named is lodged only with a mediation certificate (Children and Families Act 2014 s.55(3)).",
                "if": {
                    "properties": {"onlyAboutTheSchoolNamed": {"const": false}},
                    "required": ["lodgedOn"]
                },
                "then": {"required": ["mediationCertificateIssuedOn"]}
            }),
        ),
        // Parental responsibility by birth registration dates from the registration,
        // which decides whether it applies (Children Act 1989 s.4(1)(a), s.4ZA).
        (
            "LegalStanding",
            Some("parental-responsibility"),
            json!({
                "description": "Parental responsibility by birth registration records the date of the registration.",
                "if": {
                    "properties": {"basis": {"properties": {"kind": {"const": "named-on-birth-register"}}, "required": ["kind"]}},
                    "required": ["basis"]
                },
                "then": {"required": ["since"], "properties": {"since": {"type": "string"}}}
            }),
        ),
        // An EHC plan review's invitations go out at least two weeks before it (SEND
        // Code of Practice 2015; docs/domain.md, review timescales).
        (
            "ReviewSchedule",
            None,
            json!({
                "description": "An EHC plan review's invitations need at least 14 days' notice.",
                "if": {
                    "properties": {"kind": {"properties": {"kind": {"enum": ["ehc-plan-annual-review", "ehc-plan-under-five"]}}, "required": ["kind"]}},
                    "required": ["kind"]
                },
                "then": {"properties": {"invitationNoticeDays": {"minimum": 14}}}
            }),
        ),
        // Nothing refused is put in place.
        (
            "AdjustmentOutcome",
            None,
            json!({
                "description": "An adjustment refused is not put in place.",
                "if": {"properties": {"decision": {"const": "refused"}}, "required": ["decision"]},
                "then": {"not": {"required": ["inPlaceFrom"]}}
            }),
        ),
    ];
    rules.extend(
        standing_rules()
            .into_iter()
            .map(|rule| ("Carer", None, rule)),
    );
    rules
}

/// The table of which standing fits which relationship (Children Act 1989; the same
/// table `ParentalResponsibilityBasis::can_be_held_by` applies), as one `if`/`then`
/// per relationship: the bases it cannot hold parental responsibility on, whether it
/// never holds it (a foster carer), and the basis it always holds it on (a special
/// guardian, an adoptive parent; or a basis written in words, which the schema cannot
/// read).
fn standing_rules() -> Vec<Value> {
    use partnership_carers::{ParentalResponsibilityBasis as Basis, Relationship};
    use serde_json::json;
    let Ok(label) = partnership_core::Label::new("a relationship in words") else {
        return Vec::new();
    };
    let mut relationships: Vec<Relationship> = Relationship::FIXED.to_vec();
    relationships.push(Relationship::Other { label });
    let pr = "parental-responsibility";
    let mut rules = Vec::new();
    for relationship in &relationships {
        let when = json!({
            "properties": {"relationship": {"properties": {"kind": {"const": relationship.code()}}, "required": ["kind"]}},
            "required": ["relationship"]
        });
        let standing = if relationship.never_holds_parental_responsibility() {
            json!({"not": {"properties": {"kind": {"const": pr}}, "required": ["kind"]}})
        } else if let Some(always) = relationship.always_holds_parental_responsibility() {
            json!({
                "properties": {
                    "kind": {"const": pr},
                    "basis": {"properties": {"kind": {"enum": [always.code(), "other"]}}}
                },
                "required": ["kind", "basis"]
            })
        } else {
            let refused: Vec<&str> = Basis::FIXED
                .iter()
                .filter(|basis| !basis.can_be_held_by(relationship))
                .map(Basis::code)
                .collect();
            if refused.is_empty() {
                continue;
            }
            json!({"not": {
                "properties": {"kind": {"const": pr}, "basis": {"properties": {"kind": {"enum": refused}}, "required": ["kind"]}},
                "required": ["kind", "basis"]
            }})
        };
        let description = format!(
            "The standing a carer recorded as {} can hold (Children Act 1989, Adoption and Children Act 2002).",
            relationship
                .fixed_words()
                .unwrap_or("a relationship in words")
        );
        rules.push(json!({
            "description": description,
            "if": when,
            "then": {"properties": {"legalStanding": standing}}
        }));
    }
    rules
}

/// Adds each conditional rule to the definition it binds, wherever it is: the
/// document itself or one of its `$defs`.
fn add_conditional_rules(name: &str, value: &mut Value) {
    for (def, branch, rule) in conditional_rules() {
        let target = if name == def {
            Some(&mut *value)
        } else {
            value.get_mut("$defs").and_then(|defs| defs.get_mut(def))
        };
        let Some(target) = target else { continue };
        let target = match branch {
            None => Some(target),
            Some(kind) => target
                .get_mut("oneOf")
                .and_then(Value::as_array_mut)
                .and_then(|branches| {
                    branches.iter_mut().find(|b| {
                        b.pointer("/properties/kind/const").and_then(Value::as_str) == Some(kind)
                    })
                }),
        };
        if let Some(Value::Object(map)) = target {
            let all = map
                .entry("allOf")
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(all) = all {
                all.push(rule);
            }
        }
    }
}

/// Takes `null` out of every type the schema allows, for a document in which an
/// absent value is left out.
fn no_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    map.insert("type".into(), only);
                }
            }
            for key in ["anyOf", "oneOf"] {
                if let Some(Value::Array(branches)) = map.get_mut(key) {
                    branches.retain(|b| b.get("type").and_then(Value::as_str) != Some("null"));
                }
            }
            map.values_mut().for_each(no_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(no_nulls),
        _ => {}
    }
}

fn generate<T: JsonSchema>(name: &'static str, rules: &str) -> SchemaDocument {
    generate_with_note::<T>(
        name,
        &format!("Rules this schema cannot express, which the library checks on reading: {rules}"),
    )
}

/// The schema of a document the command prints, made as every published schema is
/// (draft 2020-12, plain words, a title on every choice), with `note` added to its
/// description: for a crate above this one that prints a document of its own, as
/// the scenarios crate does.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
/// use partnership::record::{PracticeReport, schema};
///
/// let doc = schema::output::<PracticeReport>("PracticeReport", "Printed by a command.");
/// assert_eq!(doc.file_name(), "practice-report.schema.json");
/// assert_eq!(doc.schema["title"], "PracticeReport");
/// ```
pub fn output<T: JsonSchema>(name: &'static str, note: &str) -> SchemaDocument {
    generate_with_note::<T>(name, note)
}

fn generate_with_note<T: JsonSchema>(name: &'static str, note: &str) -> SchemaDocument {
    let settings = SchemaSettings::draft2020_12()
        .with_transform(StandardFormatsOnly)
        .with_transform(PlainWords);
    let schema = settings.into_generator().into_root_schema_for::<T>();
    let mut value = schema.to_value();
    if name == "LedgerEntry" {
        // An entry is read in the one spelling its hash is taken over, which leaves
        // out a member that has no value rather than writing it `null`.
        no_nulls(&mut value);
    }
    add_conditional_rules(name, &mut value);
    title_choices(name, &mut value);
    if let Some(Value::Object(defs)) = value.get_mut("$defs") {
        for (def, schema) in defs.iter_mut() {
            title_choices(def, schema);
        }
    }
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
        let note = format!("{described}\n\n{note}");
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

/// The schemas of what the `partnership` command prints as JSON: the practice report
/// (`report --format json`), the due list (`due --format json`), the answer to a
/// sharing question (`share --format json`) and what `check --format json` found.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
/// let outputs = partnership::record::schema::outputs();
/// let names: Vec<&str> = outputs.iter().map(|d| d.name).collect();
/// assert_eq!(names, ["PracticeReport", "DueList", "ShareAnswer", "CheckReport"]);
/// ```
pub fn outputs() -> Vec<SchemaDocument> {
    vec![
        generate_with_note::<crate::PracticeReport>(
            "PracticeReport",
            "Printed by partnership report --format json. Findings come concerns first, then by code and by what they are about.",
        ),
        generate_with_note::<Vec<crate::DueItem>>(
            "DueList",
            "What is due or overdue across records, printed by partnership due --format json: soonest first, then by record, then by pointer.",
        ),
        generate_with_note::<crate::ShareAnswer>(
            "ShareAnswer",
            "Printed by partnership share --format json. A what-if (recorded false) shares and records nothing.",
        ),
        generate_with_note::<Vec<crate::CheckedFile>>(
            "CheckReport",
            "Printed by partnership check --format json: one object per file, in the order the files were named.",
        ),
    ]
}

/// Writes a document kind's schema.
struct Generate;

impl crate::document::WithType for Generate {
    type Output = SchemaDocument;

    fn with<T: JsonSchema>(self, name: &'static str, rules: &'static str) -> SchemaDocument {
        generate::<T>(name, rules)
    }
}
