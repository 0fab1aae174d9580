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

/// Every top-level document's schema, in a fixed order.
pub fn documents() -> Vec<SchemaDocument> {
    use partnership_barriers::Barrier;
    use partnership_carers::{Carer, CommunicationAgreement, ContactRecord};
    use partnership_consent::{
        CompetenceAssessment, ConsentRecord, LedgerEntry, SafeguardingJustification,
        SharingDecision, SharingQuestion, SharingRequest, WithholdingRule,
    };
    use partnership_core::ChildProfile;
    use partnership_goals::SharedGoal;
    use partnership_reviews::{ReviewOutcome, ReviewSchedule};

    const NHS: &str = "an NHS number's tenth digit is its modulus 11 check digit";
    vec![
        generate::<crate::PartnershipRecord>(
            "PartnershipRecord",
            &format!(
                "schemaVersion is 2; every id a part names resolves to an entity of the right kind in the record, and no id is used twice; {NHS}; each consent was given, refused and renewed by someone entitled to on that day (parental responsibility held that day; delegated authority that covers information sharing under a placement plan already dated; a care order already made, for the local authority's children's social care through one of its officers; a court order already made; a young person already 16; a competent child with a recorded assessment by that professional on that day finding them competent for a decision that includes the consent's scope); a goal becomes active only with an involved carer's agreement; a restricted carer is not at a review held after the decision; nothing is disclosed to someone it is withheld from; the disclosure ledger's hash chain verifies, and each permit in it is supported by the consents it cites or its justification; each checkpoint is its key's Ed25519 signature over the UTF-8 text partnership-ledger-checkpoint-v1, the length in decimal and the head, each followed by a newline, and states a head the ledger holds, one per key; and every rule of the documents it contains"
            ),
        ),
        generate::<ChildProfile>(
            "ChildProfile",
            &format!("{NHS}; no view is dated before the birth; at most one identifier per system"),
        ),
        generate::<Carer>(
            "Carer",
            "a foster carer or residential care worker never holds parental responsibility; a basis of parental responsibility fits the relationship (a father named on the birth register, from 1 December 2003, with the registration date); delegated authority lists at least one area; channels and support items do not repeat; dates are in order",
        ),
        generate::<CommunicationAgreement>("CommunicationAgreement", "none beyond the shape"),
        generate::<ContactRecord>(
            "ContactRecord",
            "at least one participant, none repeated; agreed actions are not due or done before the discussion",
        ),
        generate::<SharedGoal>(
            "SharedGoal",
            "lifecycle moves follow the allowed graph and terminal statuses stay terminal; a move to active records whose agreement made it possible, needs a responsibility and a target date; nothing is dated before the goal was created; lists are in date order; target changes chain",
        ),
        generate::<ConsentRecord>(
            "ConsentRecord",
            "events are in time order and make sense (a request only first; a withdrawal only after consent was given; nothing after a withdrawal, revocation or invalidation); every event is made by the person it says acted (given, refused, renewed and withdrawn by the giver, with a professional who wrote it down on their behalf in recordedBy; asked for and invalidated by a professional; revoked by anyone but the giver); a court order never names the child; the period does not end before it starts; scope lists are not empty and do not repeat",
        ),
        generate::<SharingQuestion>(
            "SharingQuestion",
            "data categories are not empty and do not repeat; asked of a record, every id names someone in it, and a deprecated description (the recipient's role, agency or kind of agency, a time on another day than the decision, a child's capacity) that disagrees with the record refuses the request",
        ),
        generate::<SharingRequest>(
            "SharingRequest",
            "data categories are not empty and do not repeat",
        ),
        generate::<SharingDecision>("SharingDecision", "none beyond the shape"),
        generate::<WithholdingRule>(
            "WithholdingRule",
            "lists are not empty and do not repeat; the period does not end before it starts",
        ),
        generate::<SafeguardingJustification>(
            "SafeguardingJustification",
            "the window ends after it starts; recipients, purposes and categories are not empty and do not repeat",
        ),
        generate::<CompetenceAssessment>(
            "CompetenceAssessment",
            "the decision's lists are not empty and do not repeat; in a record, the assessor is a professional in it and the date is not before the child's birth",
        ),
        generate::<LedgerEntry>(
            "LedgerEntry",
            "in format 2, hash is the SHA-256, as 64 lower-case hexadecimal digits, of the RFC 8785 canonical JSON of the entry without its hash member (members sorted by UTF-16 code units, no whitespace); previousHash is the previous entry's hash, 64 zeros for the first; a ledger's entries are all of one format, indexed from 0, recordedAt never going back, each request's at equal to its entry's recordedAt",
        ),
        generate::<Barrier>(
            "Barrier",
            "status changes follow the allowed lifecycle in date order; resolution needs a mitigation whose effectiveness was reviewed; an escalation records to whom and why, an acceptance why; nothing is dated before identification",
        ),
        generate::<ReviewSchedule>(
            "ReviewSchedule",
            "reviews are in date order from the start; an agreed next review is not later than the statutory deadline after the review that agreed it",
        ),
        generate::<ReviewOutcome>(
            "ReviewOutcome",
            "within a schedule, its agreed next date is not later than the statutory deadline",
        ),
    ]
}
