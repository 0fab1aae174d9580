//! [`Document`]: every kind of document partner systems exchange, checked by name.

use std::fmt;

use partnership_consent::{DisclosureLedger, LedgerEntry};
use partnership_core::json::{
    InputLimits, JsonErrorKind, from_json_slice_with, from_json_str_with,
};
use partnership_core::{Checked, Located, Pointer};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;

use crate::problem::{not_an_array, read_problem};
use crate::{PartnershipRecord, Problem, Rule};

/// A kind of document a partner system sends: one per JSON Schema in
/// [`schema::documents`](crate::schema::documents), and the disclosure ledger as JSON
/// lines.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
/// use partnership::core::json::InputLimits;
/// use partnership::record::{Document, Rule};
///
/// let kind: Document = "sharing-request".parse().unwrap();
/// let problems = kind.check(br#"{"id": 1}"#, &InputLimits::default()).unwrap_err();
/// assert_eq!(problems[0].pointer, "/id");
/// assert_eq!(problems[0].rule, Rule::InvalidValue);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Document {
    /// A whole [`PartnershipRecord`].
    Record,
    /// A child's profile.
    ChildProfile,
    /// A carer.
    Carer,
    /// An agreement with a carer about updates.
    CommunicationAgreement,
    /// A discussion in the contact log.
    ContactRecord,
    /// A shared goal.
    SharedGoal,
    /// A consent record.
    ConsentRecord,
    /// A question to share information, naming people by id.
    SharingQuestion,
    /// A request to share information, as a ledger entry records it.
    SharingRequest,
    /// A sharing decision.
    SharingDecision,
    /// A withholding rule.
    WithholdingRule,
    /// A safeguarding justification.
    SafeguardingJustification,
    /// An assessment of a child's competence for a decision.
    CompetenceAssessment,
    /// One entry of the disclosure ledger.
    LedgerEntry,
    /// The disclosure ledger as JSON lines, one entry per line; its chain is verified.
    Ledger,
    /// A barrier to partnership.
    Barrier,
    /// A review schedule.
    ReviewSchedule,
    /// A review's outcome.
    ReviewOutcome,
}

impl Document {
    /// Every kind, in a fixed order.
    pub const ALL: [Self; 18] = [
        Self::Record,
        Self::ChildProfile,
        Self::Carer,
        Self::CommunicationAgreement,
        Self::ContactRecord,
        Self::SharedGoal,
        Self::ConsentRecord,
        Self::SharingQuestion,
        Self::SharingRequest,
        Self::SharingDecision,
        Self::WithholdingRule,
        Self::SafeguardingJustification,
        Self::CompetenceAssessment,
        Self::LedgerEntry,
        Self::Ledger,
        Self::Barrier,
        Self::ReviewSchedule,
        Self::ReviewOutcome,
    ];

    /// The kind's name, as on the command line: `sharing-request`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Record => "record",
            Self::ChildProfile => "child-profile",
            Self::Carer => "carer",
            Self::CommunicationAgreement => "communication-agreement",
            Self::ContactRecord => "contact-record",
            Self::SharedGoal => "shared-goal",
            Self::ConsentRecord => "consent-record",
            Self::SharingQuestion => "sharing-question",
            Self::SharingRequest => "sharing-request",
            Self::SharingDecision => "sharing-decision",
            Self::WithholdingRule => "withholding-rule",
            Self::SafeguardingJustification => "safeguarding-justification",
            Self::CompetenceAssessment => "competence-assessment",
            Self::LedgerEntry => "ledger-entry",
            Self::Ledger => "ledger",
            Self::Barrier => "barrier",
            Self::ReviewSchedule => "review-schedule",
            Self::ReviewOutcome => "review-outcome",
        }
    }

    /// Reads `bytes` as this kind of document within `limits`, checking every rule:
    /// nothing, or what is wrong, each problem with its JSON Pointer and rule. The
    /// document itself is not returned; read it with its own type for that.
    ///
    /// # Errors
    ///
    /// Every [`Problem`] found, each with its JSON Pointer and [`Rule`].
    pub fn check(self, bytes: &[u8], limits: &InputLimits) -> Result<(), Vec<Problem>> {
        if self != Self::Ledger {
            not_an_array(bytes)?;
        }
        match self {
            Self::Record => PartnershipRecord::from_slice_with(bytes, limits)
                .map(|_| ())
                .map_err(|e| e.problems),
            Self::Ledger => read_ledger(bytes, limits),
            Self::LedgerEntry => read_entry(bytes, limits),
            _ => self.with_type(Read { bytes, limits }).unwrap_or(Ok(())),
        }
    }

    /// Does `f` with this kind's Rust type, its name and the rules its schema cannot
    /// express: the one list of what partner systems exchange, from which checking
    /// and the schemas both come. `None` for the ledger, which is JSON lines of ledger
    /// entries rather than a type of its own.
    pub(crate) fn with_type<F: WithType>(self, f: F) -> Option<F::Output> {
        use partnership_barriers::Barrier;
        use partnership_carers::{Carer, CommunicationAgreement, ContactRecord};
        use partnership_consent::{
            CompetenceAssessment, ConsentRecord, LedgerEntry, SafeguardingJustification,
            SharingDecision, SharingQuestion, SharingRequest, WithholdingRule,
        };
        use partnership_core::ChildProfile;
        use partnership_goals::SharedGoal;
        use partnership_reviews::{ReviewOutcome, ReviewSchedule};

        Some(match self {
            Self::Record => f.with::<PartnershipRecord>(
                "PartnershipRecord",
                "every id a part names resolves to an entity of the right kind in the record, and no id is used twice; an NHS number's tenth digit is its modulus 11 check digit; each consent was given, refused and renewed by someone entitled to on that day (parental responsibility held that day; delegated authority that covers information sharing under a placement plan already dated; a care order already made, for the local authority's children's social care through one of its officers; a court order already made; a young person already 16; a competent child with a recorded assessment by that professional on that day finding them competent for a decision that includes the consent's scope); a goal becomes active only with an involved carer's agreement; a restricted carer is not at a review held after the decision; nothing is disclosed to someone it is withheld from; the disclosure ledger's hash chain verifies, and each permit in it is supported by the consents it cites or its justification; each checkpoint is its key's Ed25519 signature over the UTF-8 text partnership-ledger-checkpoint-v1, the length in decimal and the head, each followed by a newline, and states a head the ledger holds, one per key; and every rule of the documents it contains",
            ),
            Self::ChildProfile => f.checked::<ChildProfile>(
                "ChildProfile",
                "an NHS number's tenth digit is its modulus 11 check digit; no view is dated before the birth; at most one identifier per system",
            ),
            Self::Carer => f.checked::<Carer>(
                "Carer",
                "parental responsibility by birth registration counts only from 1 December 2003 (1 September 2009 for a second female parent); support items and adjustment requests do not repeat; dates are in order",
            ),
            Self::CommunicationAgreement => f.with::<CommunicationAgreement>(
                "CommunicationAgreement",
                "none beyond the shape",
            ),
            Self::ContactRecord => f.checked::<ContactRecord>(
                "ContactRecord",
                "no participant repeated; agreed actions are not due or done before the discussion",
            ),
            Self::SharedGoal => f.checked::<SharedGoal>(
                "SharedGoal",
                "lifecycle moves follow the allowed graph and terminal statuses stay terminal; a move to active records whose agreement made it possible, needs a responsibility and a target date; nothing is dated before the goal was created; lists are in date order; target changes chain",
            ),
            Self::ConsentRecord => f.checked::<ConsentRecord>(
                "ConsentRecord",
                "events are in time order and make sense (a request only first; a withdrawal only after consent was given; nothing after a withdrawal, revocation or invalidation); every event is made by the person it says acted (given, refused, renewed and withdrawn by the giver, with a professional who wrote it down on their behalf in recordedBy; asked for and invalidated by a professional; revoked by anyone but the giver); a court order never names the child; the period does not end before it starts",
            ),
            Self::SharingQuestion => f.checked::<SharingQuestion>(
                "SharingQuestion",
                "asked of a record, every id names someone in it, and a deprecated description (the recipient's role, agency or kind of agency, a time on another day than the decision, a child's capacity) that disagrees with the record refuses the request",
            ),
            Self::SharingRequest => f.checked::<SharingRequest>(
                "SharingRequest",
                "none beyond the shape",
            ),
            Self::SharingDecision => f.with::<SharingDecision>(
                "SharingDecision",
                "none beyond the shape",
            ),
            Self::WithholdingRule => f.checked::<WithholdingRule>(
                "WithholdingRule",
                "the period does not end before it starts",
            ),
            Self::SafeguardingJustification => f.checked::<SafeguardingJustification>(
                "SafeguardingJustification",
                "the window ends after it starts",
            ),
            Self::CompetenceAssessment => f.checked::<CompetenceAssessment>(
                "CompetenceAssessment",
                "in a record, the assessor is a professional in it and the date is not before the child's birth",
            ),
            Self::LedgerEntry => f.with::<LedgerEntry>(
                "LedgerEntry",
                "in format 2, hash is the SHA-256, as 64 lower-case hexadecimal digits, of the RFC 8785 canonical JSON of the entry without its hash member (members sorted by UTF-16 code units, no whitespace); previousHash is the previous entry's hash, 64 zeros for the first; a ledger's entries are all of one format, indexed from 0, recordedAt never going back, each request's at equal to its entry's recordedAt",
            ),
            Self::Barrier => f.checked::<Barrier>(
                "Barrier",
                "status changes follow the allowed lifecycle in date order; resolution needs a mitigation whose effectiveness was reviewed; an escalation records to whom and why, an acceptance why; nothing is dated before identification",
            ),
            Self::ReviewSchedule => f.checked::<ReviewSchedule>(
                "ReviewSchedule",
                "reviews are in date order from the start; an agreed next review is not later than the statutory deadline after the review that agreed it",
            ),
            Self::ReviewOutcome => f.with::<ReviewOutcome>(
                "ReviewOutcome",
                "within a schedule, its agreed next date is not later than the statutory deadline",
            ),
            Self::Ledger => return None,
        })
    }
}

/// Something done with a document kind's Rust type: reading it, writing its schema.
pub(crate) trait WithType {
    /// What doing it gives.
    type Output;
    /// Does it with `T`, named `name`, whose schema cannot express `rules`.
    fn with<T: DeserializeOwned + JsonSchema>(
        self,
        name: &'static str,
        rules: &'static str,
    ) -> Self::Output;

    /// Does it with `T`, a type whose parts a domain rule checks: by default as
    /// [`with`](Self::with).
    fn checked<T>(self, name: &'static str, rules: &'static str) -> Self::Output
    where
        T: Checked + DeserializeOwned + JsonSchema,
        T::Parts: DeserializeOwned,
        <T as Checked>::Error: Located + 'static,
        Self: Sized,
    {
        self.with::<T>(name, rules)
    }
}

/// Reads a document as its kind's type.
struct Read<'a> {
    bytes: &'a [u8],
    limits: &'a InputLimits,
}

impl WithType for Read<'_> {
    type Output = Result<(), Vec<Problem>>;

    fn with<T: DeserializeOwned + JsonSchema>(
        self,
        _: &'static str,
        _: &'static str,
    ) -> Self::Output {
        read::<T>(self.bytes, self.limits)
    }

    /// In two phases: the parts for their shape, then the type's own rules, so that
    /// a broken rule is reported at the field it names.
    fn checked<T>(self, _: &'static str, _: &'static str) -> Self::Output
    where
        T: Checked + DeserializeOwned + JsonSchema,
        T::Parts: DeserializeOwned,
        <T as Checked>::Error: Located + 'static,
    {
        let parts = from_json_slice_with::<T::Parts>(self.bytes, self.limits)
            .map_err(|e| vec![read_problem(&e)])?;
        T::try_from(parts)
            .map(|_| ())
            .map_err(|e| vec![Problem::broken(&Pointer::root(), &e)])
    }
}

fn read<T: DeserializeOwned>(bytes: &[u8], limits: &InputLimits) -> Result<(), Vec<Problem>> {
    from_json_slice_with::<T>(bytes, limits)
        .map(|_| ())
        .map_err(|e| vec![read_problem(&e)])
}

/// One entry alone: its shape and spelling, and its own hash, which it can be held
/// to without the entries before it (its previous hash is its own to state). The
/// same fault as in a ledger, in the same words.
fn read_entry(bytes: &[u8], limits: &InputLimits) -> Result<(), Vec<Problem>> {
    let entry =
        from_json_slice_with::<LedgerEntry>(bytes, limits).map_err(|e| vec![read_problem(&e)])?;
    if entry.hash != entry.expected_hash() {
        let tampered = partnership_consent::ConsentError::LedgerTampered { index: 0 };
        return Err(vec![Problem::at(
            String::new(),
            Rule::LedgerTampered,
            tampered.to_string(),
        )]);
    }
    Ok(())
}

fn read_ledger(bytes: &[u8], limits: &InputLimits) -> Result<(), Vec<Problem>> {
    limits.check(bytes).map_err(|e| vec![read_problem(&e)])?;
    let text = std::str::from_utf8(bytes).map_err(|e| {
        vec![Problem {
            pointer: String::new(),
            rule: Rule::JsonSyntax,
            message: format!(
                "not valid UTF-8 (byte {} is not part of a character)",
                e.valid_up_to()
            ),
            line: None,
            column: None,
        }]
    })?;
    // Each line is read here rather than by `DisclosureLedger::from_json_lines`, so
    // that a problem in a line points into that entry and gives the file's line.
    let mut entries = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let index = entries.len();
        not_an_array(line.as_bytes()).map_err(|mut problems| {
            for p in &mut problems {
                p.pointer = format!("/{index}");
                p.line = Some(number + 1);
            }
            problems
        })?;
        match from_json_str_with::<LedgerEntry>(line, limits) {
            Ok(entry) => entries.push(entry),
            Err(e) => {
                return Err(vec![Problem {
                    pointer: format!("/{index}{}", e.pointer()),
                    rule: if e.kind() == JsonErrorKind::Data {
                        Rule::InvalidValue
                    } else {
                        Rule::JsonSyntax
                    },
                    message: e.message().to_owned(),
                    line: Some(number + 1),
                    column: Some(e.column()),
                }]);
            }
        }
    }
    DisclosureLedger::try_from(entries)
        .map(|_| ())
        .map_err(|e| vec![Problem::broken(&Pointer::root(), &e)])
}

impl fmt::Display for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The name is not one of [`Document::ALL`]'s.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a kind of document; expected one of: {}", Document::ALL.map(Document::name).join(", "))]
pub struct UnknownDocument;

impl std::str::FromStr for Document {
    type Err = UnknownDocument;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|d| d.name() == name)
            .ok_or(UnknownDocument)
    }
}
