//! [`Document`]: every kind of document partner systems exchange, checked by name.

use std::fmt;

use partnership_consent::{ConsentError, DisclosureLedger, LedgerEntry};
use partnership_core::json::{
    InputLimits, JsonErrorKind, from_json_slice_with, from_json_str_with,
};
use serde::de::DeserializeOwned;

use crate::load::read_problem;
use crate::{PartnershipRecord, Problem, Rule};

/// A kind of document a partner system sends: one per JSON Schema in
/// [`schema::documents`](crate::schema::documents), and the disclosure ledger as JSON
/// lines.
///
/// ```
/// use partnership_core::json::InputLimits;
/// use partnership_record::{Document, Rule};
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
    pub fn check(self, bytes: &[u8], limits: &InputLimits) -> Result<(), Vec<Problem>> {
        use partnership_barriers::Barrier;
        if self != Self::Ledger {
            not_an_array(bytes)?;
        }
        use partnership_carers::{Carer, CommunicationAgreement, ContactRecord};
        use partnership_consent::{
            CompetenceAssessment, ConsentRecord, LedgerEntry, SafeguardingJustification,
            SharingDecision, SharingQuestion, SharingRequest, WithholdingRule,
        };
        use partnership_core::ChildProfile;
        use partnership_goals::SharedGoal;
        use partnership_reviews::{ReviewOutcome, ReviewSchedule};

        match self {
            Self::Record => PartnershipRecord::from_slice_with(bytes, limits)
                .map(|_| ())
                .map_err(|e| e.problems),
            Self::ChildProfile => read::<ChildProfile>(bytes, limits),
            Self::Carer => read::<Carer>(bytes, limits),
            Self::CommunicationAgreement => read::<CommunicationAgreement>(bytes, limits),
            Self::ContactRecord => read::<ContactRecord>(bytes, limits),
            Self::SharedGoal => read::<SharedGoal>(bytes, limits),
            Self::ConsentRecord => read::<ConsentRecord>(bytes, limits),
            Self::SharingQuestion => read::<SharingQuestion>(bytes, limits),
            Self::SharingRequest => read::<SharingRequest>(bytes, limits),
            Self::SharingDecision => read::<SharingDecision>(bytes, limits),
            Self::WithholdingRule => read::<WithholdingRule>(bytes, limits),
            Self::SafeguardingJustification => read::<SafeguardingJustification>(bytes, limits),
            Self::CompetenceAssessment => read::<CompetenceAssessment>(bytes, limits),
            Self::LedgerEntry => read::<LedgerEntry>(bytes, limits),
            Self::Ledger => read_ledger(bytes, limits),
            Self::Barrier => read::<Barrier>(bytes, limits),
            Self::ReviewSchedule => read::<ReviewSchedule>(bytes, limits),
            Self::ReviewOutcome => read::<ReviewOutcome>(bytes, limits),
        }
    }
}

/// serde reads a struct from an array of its fields in order as well as from an
/// object, and then complains about the first field's type: say what is wrong instead.
pub(crate) fn not_an_array(bytes: &[u8]) -> Result<(), Vec<Problem>> {
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        return Err(vec![Problem {
            pointer: String::new(),
            rule: Rule::InvalidValue,
            message: "the document is a JSON array; it must be a JSON object".to_owned(),
            line: Some(1),
            column: Some(1),
        }]);
    }
    Ok(())
}

fn read<T: DeserializeOwned>(bytes: &[u8], limits: &InputLimits) -> Result<(), Vec<Problem>> {
    from_json_slice_with::<T>(bytes, limits)
        .map(|_| ())
        .map_err(|e| vec![read_problem(&e)])
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
    DisclosureLedger::try_from(entries).map(|_| ()).map_err(|e| {
        let (pointer, rule) = match e {
            ConsentError::LedgerTampered { index } => (format!("/{index}"), Rule::LedgerTampered),
            _ => (String::new(), Rule::InvalidValue),
        };
        vec![Problem {
            pointer,
            rule,
            message: match rule {
                Rule::LedgerTampered => "the entry does not match its hash chain (changed, removed, reordered or inserted)".to_owned(),
                _ => e.to_string(),
            },
            line: None,
            column: None,
        }]
    })
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
