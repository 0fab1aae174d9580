//! Reading and writing records: either a valid record, or every problem found.

use std::io::Read;

use partnership_core::json::{
    InputLimits, JsonError, JsonErrorKind, from_json_slice_with, from_json_str_with,
};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use partnership_barriers::{Barrier, BarrierParts, BarrierRegister};
use partnership_carers::{
    Carer, CarerParts, CommunicationAgreement, ContactLog, ContactRecord, ContactRecordParts,
};
use partnership_consent::{
    Checkpoint, CompetenceAssessment, CompetenceAssessmentParts, ConsentRecord, ConsentRecordParts,
    DisclosureLedger, LedgerEntry, SafeguardingJustification, SafeguardingJustificationParts,
    WithholdingRule, WithholdingRuleParts,
};
use partnership_core::{
    Agency, ChildProfile, ChildProfileParts, Located, Pointer, Professional, RecordId,
};
use partnership_goals::{SharedGoal, SharedGoalParts};
use partnership_reviews::{Redress, RedressParts, ReviewSchedule, ReviewScheduleParts};
use serde::Deserialize;

use crate::problem::{not_an_array, read_problem};
use crate::validate::cross_check;
use crate::{
    PartnershipRecord, PartnershipRecordParts, Problem, ProvenanceEntry, RecordError, Rule,
};

/// Phase one of reading a record: its shape only. Each entity a domain crate checks
/// is read as its plain parts, so that one entity's broken rule does not stop the
/// reading of the rest; phase two ([`Shape::check`]) checks them all. The members
/// and their defaults are those of [`PartnershipRecordParts`], which the
/// `shape_reads_what_the_parts_read` test holds to.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Shape {
    schema_version: u32,
    id: RecordId,
    child: ChildProfileParts,
    #[serde(default)]
    carers: Vec<CarerParts>,
    #[serde(default)]
    professionals: Vec<Professional>,
    #[serde(default)]
    agencies: Vec<Agency>,
    #[serde(default)]
    communication_agreements: Vec<CommunicationAgreement>,
    #[serde(default)]
    contact_log: Vec<ContactRecordParts>,
    #[serde(default)]
    goals: Vec<SharedGoalParts>,
    #[serde(default)]
    consents: Vec<ConsentRecordParts>,
    #[serde(default)]
    competence_assessments: Vec<CompetenceAssessmentParts>,
    #[serde(default)]
    withholding_rules: Vec<WithholdingRuleParts>,
    #[serde(default)]
    justifications: Vec<SafeguardingJustificationParts>,
    #[serde(default)]
    disclosures: Vec<LedgerEntry>,
    #[serde(default)]
    checkpoints: Vec<Checkpoint>,
    #[serde(default)]
    barriers: Vec<BarrierParts>,
    #[serde(default)]
    reviews: Vec<ReviewScheduleParts>,
    #[serde(default)]
    complaints_and_appeals: Vec<RedressParts>,
    #[serde(default)]
    provenance: Vec<ProvenanceEntry>,
}

/// Checks parts as the type they are the parts of, reporting a broken rule at the
/// field it names under `at`.
fn checked<T, P>(at: &Pointer<'_>, parts: P, problems: &mut Vec<Problem>) -> Option<T>
where
    T: TryFrom<P>,
    T::Error: Located + 'static,
{
    T::try_from(parts)
        .map_err(|e| problems.push(Problem::broken(at, &e)))
        .ok()
}

/// Checks each item of a list, every one of them, whatever the others hold.
fn checked_list<T, P>(at: &Pointer<'_>, items: Vec<P>, problems: &mut Vec<Problem>) -> Vec<T>
where
    T: TryFrom<P>,
    T::Error: Located + 'static,
{
    items
        .into_iter()
        .enumerate()
        .filter_map(|(i, parts)| checked(&at.index(i), parts, problems))
        .collect()
}

impl Shape {
    /// Phase two's first half: every entity checked by its own domain rules, every
    /// broken rule reported (one per entity: an entity's rules build on each other).
    /// A list's own rules (the contact log's order, the register's ids, the
    /// ledger's chain) are checked once its items are. The cross-references are the
    /// record's own check, run once all of this passes.
    fn check(self) -> Result<PartnershipRecordParts, Vec<Problem>> {
        let mut problems = Vec::new();
        let root = Pointer::root();
        let p = &mut problems;
        let child: Option<ChildProfile> = checked(&root.field("child"), self.child, p);
        let carers: Vec<Carer> = checked_list(&root.field("carers"), self.carers, p);
        let log = root.field("contactLog");
        let contact_log: Vec<ContactRecord> = checked_list(&log, self.contact_log, p);
        let goals: Vec<SharedGoal> = checked_list(&root.field("goals"), self.goals, p);
        let consents: Vec<ConsentRecord> = checked_list(&root.field("consents"), self.consents, p);
        let competence_assessments: Vec<CompetenceAssessment> = checked_list(
            &root.field("competenceAssessments"),
            self.competence_assessments,
            p,
        );
        let withholding_rules: Vec<WithholdingRule> =
            checked_list(&root.field("withholdingRules"), self.withholding_rules, p);
        let justifications: Vec<SafeguardingJustification> =
            checked_list(&root.field("justifications"), self.justifications, p);
        let barriers = root.field("barriers");
        let barrier_list: Vec<Barrier> = checked_list(&barriers, self.barriers, p);
        let reviews: Vec<ReviewSchedule> = checked_list(&root.field("reviews"), self.reviews, p);
        let complaints_and_appeals: Vec<Redress> = checked_list(
            &root.field("complaintsAndAppeals"),
            self.complaints_and_appeals,
            p,
        );
        let disclosures: Option<DisclosureLedger> =
            checked(&root.field("disclosures"), self.disclosures, p);
        if !problems.is_empty() {
            return Err(problems);
        }
        let p = &mut problems;
        let contact_log: Option<ContactLog> = checked(&log, contact_log, p);
        let register: Option<BarrierRegister> = checked(&barriers, barrier_list, p);
        match (child, contact_log, register, disclosures) {
            (Some(child), Some(contact_log), Some(barriers), Some(disclosures)) => {
                Ok(PartnershipRecordParts {
                    schema_version: self.schema_version,
                    id: self.id,
                    child,
                    carers,
                    professionals: self.professionals,
                    agencies: self.agencies,
                    communication_agreements: self.communication_agreements,
                    contact_log,
                    goals,
                    consents,
                    competence_assessments,
                    withholding_rules,
                    justifications,
                    disclosures,
                    checkpoints: self.checkpoints,
                    barriers,
                    reviews,
                    complaints_and_appeals,
                    provenance: self.provenance,
                })
            }
            _ => Err(problems),
        }
    }
}

/// Phase one again, when it stopped at a value: each member and each entity read on
/// its own, as its own type (its value rules and its domain rules), so that every
/// entity that is wrong is reported, not only the first. The members and their
/// defaults are those of [`Shape`], which the `shape_reads_what_the_parts_read`
/// test holds to.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Pieces<'a> {
    #[serde(borrow)]
    schema_version: &'a RawValue,
    #[serde(borrow)]
    id: &'a RawValue,
    #[serde(borrow)]
    child: &'a RawValue,
    #[serde(default, borrow)]
    carers: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    professionals: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    agencies: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    communication_agreements: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    contact_log: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    goals: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    consents: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    competence_assessments: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    withholding_rules: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    justifications: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    disclosures: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    checkpoints: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    barriers: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    reviews: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    complaints_and_appeals: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    provenance: Vec<&'a RawValue>,
}

/// Reads pieces of one document, each on its own, keeping every problem at its
/// place in the whole document.
struct PieceReader<'a> {
    json: &'a str,
    /// The caller's limits, which the whole document met: a piece meets them too.
    limits: &'a InputLimits,
    problems: Vec<Problem>,
}

impl PieceReader<'_> {
    fn one<T: DeserializeOwned>(&mut self, at: &Pointer<'_>, raw: &RawValue) {
        if let Err(e) = from_json_str_with::<T>(raw.get(), self.limits) {
            let mut problem = read_problem(&e);
            problem.pointer = format!("{at}{}", e.pointer());
            // The piece's line and column, counted from the start of the document.
            let offset = (raw.get().as_ptr() as usize).saturating_sub(self.json.as_ptr() as usize);
            let before = self.json.get(..offset).unwrap_or_default();
            let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
            let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1);
            if let (Some(l), Some(c)) = (problem.line, problem.column) {
                problem.line = Some(line + l - 1);
                problem.column = Some(if l == 1 { column + c } else { c });
            }
            self.problems.push(problem);
        }
    }

    fn each<T: DeserializeOwned>(&mut self, at: &Pointer<'_>, items: &[&RawValue]) {
        for (i, raw) in items.iter().enumerate() {
            self.one::<T>(&at.index(i), raw);
        }
    }
}

/// Every problem of the entities of `json`, a document whose first reading stopped
/// at `first`; `first` alone when the document cannot be taken apart (it is not
/// well-formed, or a member is missing, unknown or not a list).
fn every_problem(json: &str, limits: &InputLimits, first: &JsonError) -> Vec<Problem> {
    let Ok(pieces) = serde_json::from_str::<Pieces<'_>>(json) else {
        return vec![read_problem(first)];
    };
    let mut r = PieceReader {
        json,
        limits,
        problems: Vec::new(),
    };
    let root = Pointer::root();
    r.one::<u32>(&root.field("schemaVersion"), pieces.schema_version);
    r.one::<RecordId>(&root.field("id"), pieces.id);
    r.one::<ChildProfile>(&root.field("child"), pieces.child);
    r.each::<Carer>(&root.field("carers"), &pieces.carers);
    r.each::<Professional>(&root.field("professionals"), &pieces.professionals);
    r.each::<Agency>(&root.field("agencies"), &pieces.agencies);
    let agreements = root.field("communicationAgreements");
    r.each::<CommunicationAgreement>(&agreements, &pieces.communication_agreements);
    r.each::<ContactRecord>(&root.field("contactLog"), &pieces.contact_log);
    r.each::<SharedGoal>(&root.field("goals"), &pieces.goals);
    r.each::<ConsentRecord>(&root.field("consents"), &pieces.consents);
    let assessments = root.field("competenceAssessments");
    r.each::<CompetenceAssessment>(&assessments, &pieces.competence_assessments);
    r.each::<WithholdingRule>(&root.field("withholdingRules"), &pieces.withholding_rules);
    let justifications = root.field("justifications");
    r.each::<SafeguardingJustification>(&justifications, &pieces.justifications);
    r.each::<LedgerEntry>(&root.field("disclosures"), &pieces.disclosures);
    r.each::<Checkpoint>(&root.field("checkpoints"), &pieces.checkpoints);
    r.each::<Barrier>(&root.field("barriers"), &pieces.barriers);
    r.each::<ReviewSchedule>(&root.field("reviews"), &pieces.reviews);
    let redress = root.field("complaintsAndAppeals");
    r.each::<Redress>(&redress, &pieces.complaints_and_appeals);
    r.each::<ProvenanceEntry>(&root.field("provenance"), &pieces.provenance);
    if r.problems.is_empty() {
        return vec![read_problem(first)];
    }
    r.problems
}

/// Phase one: the shape, and when it stops at a value, every entity's problems.
fn read_shape(json: &str, limits: &InputLimits) -> Result<Shape, RecordError> {
    from_json_str_with::<Shape>(json, limits).map_err(|e| RecordError {
        problems: match e.kind() {
            JsonErrorKind::Data => every_problem(json, limits, &e),
            _ => vec![read_problem(&e)],
        },
    })
}

/// Phase two: the entities' own rules, then the record's cross-references, each
/// reporting every problem it finds.
fn accept(shape: Shape) -> Result<PartnershipRecord, RecordError> {
    let parts = shape.check().map_err(|problems| RecordError { problems })?;
    PartnershipRecord::try_from(parts)
}

impl PartnershipRecord {
    /// Reads a record from JSON: a valid record, or an error listing what is wrong,
    /// each problem with its JSON Pointer. A syntax error comes with its line and
    /// column (reading stops there). Every entity (the child, each carer, consent,
    /// goal, ledger entry and so on) that holds a value of the wrong type or breaks
    /// its own rules is reported, each at the field itself, not only the first;
    /// once every entity is sound, every cross-reference problem is listed.
    ///
    /// # Errors
    ///
    /// A [`RecordError`] with every problem found, each with its JSON Pointer, [`Rule`](crate::Rule), and, for a problem met while reading, the line and column.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
    /// use partnership::record::{PartnershipRecord, Rule};
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
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
    /// use partnership::core::json::InputLimits;
    /// use partnership::record::{PartnershipRecord, Rule};
    ///
    /// let limits = InputLimits { max_bytes: 100, ..InputLimits::default() };
    /// let err = PartnershipRecord::from_json_with(&" ".repeat(101), &limits).unwrap_err();
    /// assert_eq!(err.problems[0].rule, Rule::InputLimit);
    /// ```
    pub fn from_json_with(json: &str, limits: &InputLimits) -> Result<Self, RecordError> {
        not_an_array(json.as_bytes()).map_err(|problems| RecordError { problems })?;
        accept(read_shape(json, limits)?)
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
        not_an_array(bytes).map_err(|problems| RecordError { problems })?;
        match std::str::from_utf8(bytes) {
            Ok(json) => accept(read_shape(json, limits)?),
            // Not text: the reader says where the first byte that is not is.
            Err(_) => {
                let parts =
                    from_json_slice_with::<Shape>(bytes, limits).map_err(|e| RecordError {
                        problems: vec![read_problem(&e)],
                    })?;
                accept(parts)
            }
        }
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

#[cfg(test)]
mod tests {
    // Tests report failure by panicking; the panic family is denied only in library code.
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use serde::de::{Deserializer, Visitor};

    /// Stops a struct's `Deserialize` as it starts, holding the members it would read.
    #[derive(Debug)]
    struct Members(Option<&'static [&'static str]>);

    impl std::fmt::Display for Members {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "{:?}", self.0)
        }
    }

    impl std::error::Error for Members {}

    impl serde::de::Error for Members {
        fn custom<T: std::fmt::Display>(_: T) -> Self {
            Self(None)
        }
    }

    /// A deserializer that hands a struct nothing but asks it which members it has.
    struct AskMembers;

    impl<'de> Deserializer<'de> for AskMembers {
        type Error = Members;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Members> {
            Err(Members(None))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Members> {
            Err(Members(Some(fields)))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
            enum identifier ignored_any
        }
    }

    fn members<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
        match T::deserialize(AskMembers) {
            Err(Members(Some(fields))) => fields,
            _ => panic!("not read as a struct"),
        }
    }

    /// Phase one reads the members the record's parts have, no more and no fewer,
    /// and every record the parts read, it reads to the same parts.
    #[test]
    fn shape_reads_what_the_parts_read() {
        assert_eq!(members::<Shape>(), members::<PartnershipRecordParts>());
        assert_eq!(members::<Pieces<'_>>(), members::<Shape>());
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
        let mut paths: Vec<_> = std::fs::read_dir(format!("{dir}/scenarios"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        paths.push(format!("{dir}/record.json").into());
        paths.push(format!("{dir}/changed.json").into());
        for path in &paths {
            let json = std::fs::read_to_string(path).unwrap();
            let plain: PartnershipRecordParts = serde_json::from_str(&json).unwrap();
            let shape: Shape = serde_json::from_str(&json).unwrap();
            assert_eq!(shape.check().unwrap(), plain, "{}", path.display());
        }
        assert!(paths.len() > 10);
    }
}
