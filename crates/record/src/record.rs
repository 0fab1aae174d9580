//! [`PartnershipRecord`]: everything about one child's partnership, in one document.

use chrono::{DateTime, Utc};
use partnership_barriers::BarrierRegister;
use partnership_carers::{Carer, CommunicationAgreement, ContactLog};
use partnership_consent::{
    Checkpoint, CompetenceAssessment, ConsentRecord, DisclosureLedger, LedgerSigningKey,
    LedgerVerifyingKey, SafeguardingJustification, WithholdingRule,
};
use partnership_core::{Agency, ChildProfile, Professional, RecordId};
use partnership_goals::SharedGoal;
use partnership_reviews::{Redress, ReviewSchedule};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{ChangeKind, ProvenanceEntry, RecordError, validate::cross_check};

/// The schema version this library writes and reads.
///
/// Version 2 (this release) restated who may consent (`givenBy` of kind
/// `other-authority` names its authority and the person acting under it), added who
/// recorded a consent event on the actor's behalf (`recordedBy`), competence
/// assessments, and the recipients and purposes a safeguarding justification covers.
/// A version 1 record is refused with a problem that says so; see the changelog for
/// what to restate.
pub const SCHEMA_VERSION: u32 = 2;

/// The plain fields of a [`PartnershipRecord`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PartnershipRecordParts {
    /// The version of this document's schema: 2.
    #[schemars(extend("const" = SCHEMA_VERSION))]
    pub schema_version: u32,
    /// The record's id.
    pub id: RecordId,
    /// The child or young person.
    pub child: ChildProfile,
    /// The carers.
    #[serde(default)]
    pub carers: Vec<Carer>,
    /// The professionals in the team around the child.
    #[serde(default)]
    pub professionals: Vec<Professional>,
    /// Their agencies and settings.
    #[serde(default)]
    pub agencies: Vec<Agency>,
    /// What was agreed with each carer about updates.
    #[serde(default)]
    pub communication_agreements: Vec<CommunicationAgreement>,
    /// Discussions with carers and the actions agreed.
    #[serde(default)]
    pub contact_log: ContactLog,
    /// Shared goals.
    #[serde(default)]
    pub goals: Vec<SharedGoal>,
    /// Consent records.
    #[serde(default)]
    pub consents: Vec<ConsentRecord>,
    /// Assessments of whether the child (under 16) is competent to decide particular
    /// sharing questions for themselves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competence_assessments: Vec<CompetenceAssessment>,
    /// Rules withholding information to protect someone's safety.
    #[serde(default)]
    pub withholding_rules: Vec<WithholdingRule>,
    /// Safeguarding justifications for sharing without consent.
    #[serde(default)]
    pub justifications: Vec<SafeguardingJustification>,
    /// Every sharing decision, permit or refusal, hash-chained.
    #[serde(default)]
    pub disclosures: DisclosureLedger,
    /// The latest signed checkpoint of the ledger by each key that signed one: its
    /// length and head, signed with a key the service holds and never stores here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checkpoints: Vec<Checkpoint>,
    /// Barriers to partnership.
    #[serde(default)]
    pub barriers: BarrierRegister,
    /// Review schedules and their outcomes.
    #[serde(default)]
    pub reviews: Vec<ReviewSchedule>,
    /// Complaints and appeals the carers made as the child's advocates, with where
    /// each stands; ids unique.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub complaints_and_appeals: Vec<Redress>,
    /// Every change made to the record through the library, in time order: what
    /// kind, to what, by which professional and when.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provenance: Vec<ProvenanceEntry>,
}

fn check_record(parts: &PartnershipRecordParts) -> Result<(), RecordError> {
    let problems = cross_check(parts);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(RecordError { problems })
    }
}

partnership_core::validated! {
    /// One child's partnership record: the child, the carers, the team around them,
    /// what was agreed, what was consented and shared, what stands in the way, and
    /// when they next meet.
    ///
    /// The domain crates each check their own rules; the record checks that the parts
    /// fit together: every id resolves to the right kind of party, no id is used
    /// twice, every consent was given by someone entitled to give it on the day they
    /// gave it (parental responsibility held that day, delegated authority for
    /// information sharing, a care order already made, a young person already 16, a
    /// competence assessment recorded), goals were activated with an unrestricted
    /// carer's agreement, a
    /// restricted carer is not at a review held after the decision, nothing was
    /// disclosed to someone it was withheld from, and the ledger verifies. Every
    /// problem is reported, each with a JSON Pointer, not only the first.
    ///
    /// Read one with [`PartnershipRecord::from_json`]; write one with
    /// [`to_json`](PartnershipRecord::to_json), which is byte-for-byte stable. Share
    /// information about the child only through [`decide`](PartnershipRecord::decide).
    #[derive(Clone, PartialEq, Eq)]
    pub struct PartnershipRecord(PartnershipRecordParts);
    check = check_record;
    error = RecordError;
}

/// Read access, one method per part: a record is not a smart pointer to its parts
/// (Rust API guidelines, C-DEREF), and a change goes through
/// [`apply`](PartnershipRecord::apply).
impl PartnershipRecord {
    /// The version of the record's schema.
    pub fn schema_version(&self) -> u32 {
        self.0.schema_version
    }

    /// The record's id.
    pub fn id(&self) -> RecordId {
        self.0.id
    }

    /// The child or young person.
    pub fn child(&self) -> &ChildProfile {
        &self.0.child
    }

    /// The carers.
    pub fn carers(&self) -> &[Carer] {
        &self.0.carers
    }

    /// The professionals in the team around the child.
    pub fn professionals(&self) -> &[Professional] {
        &self.0.professionals
    }

    /// Their agencies and settings.
    pub fn agencies(&self) -> &[Agency] {
        &self.0.agencies
    }

    /// What was agreed with each carer about updates.
    pub fn communication_agreements(&self) -> &[CommunicationAgreement] {
        &self.0.communication_agreements
    }

    /// Discussions with carers and the actions agreed.
    pub fn contact_log(&self) -> &ContactLog {
        &self.0.contact_log
    }

    /// Shared goals.
    pub fn goals(&self) -> &[SharedGoal] {
        &self.0.goals
    }

    /// Consent records.
    pub fn consents(&self) -> &[ConsentRecord] {
        &self.0.consents
    }

    /// Assessments of the child's competence for particular decisions.
    pub fn competence_assessments(&self) -> &[CompetenceAssessment] {
        &self.0.competence_assessments
    }

    /// Rules withholding information to protect someone's safety.
    pub fn withholding_rules(&self) -> &[WithholdingRule] {
        &self.0.withholding_rules
    }

    /// Safeguarding justifications for sharing without consent.
    pub fn justifications(&self) -> &[SafeguardingJustification] {
        &self.0.justifications
    }

    /// Every sharing decision, permit or refusal, hash-chained.
    pub fn disclosures(&self) -> &DisclosureLedger {
        &self.0.disclosures
    }

    /// The latest signed checkpoint of the ledger by each key that signed one.
    pub fn checkpoints(&self) -> &[Checkpoint] {
        &self.0.checkpoints
    }

    /// Barriers to partnership.
    pub fn barriers(&self) -> &BarrierRegister {
        &self.0.barriers
    }

    /// Review schedules and their outcomes.
    pub fn reviews(&self) -> &[ReviewSchedule] {
        &self.0.reviews
    }

    /// Complaints and appeals the carers made, with where each stands.
    pub fn complaints_and_appeals(&self) -> &[Redress] {
        &self.0.complaints_and_appeals
    }

    /// Every change made through [`apply`](Self::apply), in time order.
    pub fn provenance(&self) -> &[ProvenanceEntry] {
        &self.0.provenance
    }
}

impl PartnershipRecord {
    /// A new record for `child`, opened at `at` by `founder`, a professional of
    /// `agency`: the first of the team, and the first two changes in the record's
    /// provenance. Build it up from there with [`apply`](Self::apply), which checks
    /// each change and keeps who made it.
    ///
    /// # Errors
    ///
    /// Every problem of the record as opened: a founder who does not work for
    /// `agency`, a founder or agency with the child's id, or a view of the child's
    /// recorded by someone the record does not hold yet.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
    /// use partnership::chrono::{NaiveDate, TimeZone, Utc};
    /// use partnership::core::*;
    /// use partnership::record::{ChangeKind, PartnershipRecord};
    ///
    /// let child = ChildProfile::try_from(ChildProfileParts {
    ///     id: ChildId::random(),
    ///     name: Sensitive::new(Label::new("Layla Ahmed")?),
    ///     date_of_birth: NaiveDate::from_ymd_opt(2022, 10, 3).ok_or("a date")?,
    ///     nhs_number: None,
    ///     identifiers: vec![],
    ///     identifier_omitted: None,
    ///     communication_needs: vec![],
    ///     views: vec![],
    /// })?;
    /// let nursery = Agency {
    ///     id: AgencyId::random(),
    ///     name: Label::new("Little Acorns Nursery")?,
    ///     kind: AgencyKind::EarlyYears,
    ///     public_authority: None,
    /// };
    /// let key_worker = Professional {
    ///     id: ProfessionalId::random(),
    ///     name: Sensitive::new(Label::new("Priya Shah")?),
    ///     role: ProfessionalRole::EarlyYearsKeyWorker,
    ///     agency: nursery.id,
    ///     work_contact: None,
    /// };
    /// let at = Utc.with_ymd_and_hms(2026, 9, 7, 9, 0, 0).single().ok_or("a time")?;
    /// let record = PartnershipRecord::new(RecordId::random(), child, nursery, key_worker, at)?;
    /// let kinds: Vec<ChangeKind> = record.provenance().iter().map(|p| p.change).collect();
    /// assert_eq!(kinds, [ChangeKind::AddAgency, ChangeKind::AddProfessional]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: RecordId,
        child: ChildProfile,
        agency: Agency,
        founder: Professional,
        at: DateTime<Utc>,
    ) -> Result<Self, RecordError> {
        let opened = |change, subject: uuid::Uuid| ProvenanceEntry {
            change,
            subject,
            by: founder.id,
            at,
        };
        let provenance = vec![
            opened(ChangeKind::AddAgency, *agency.id.as_uuid()),
            opened(ChangeKind::AddProfessional, *founder.id.as_uuid()),
        ];
        Self::try_from(PartnershipRecordParts {
            schema_version: SCHEMA_VERSION,
            id,
            child,
            carers: Vec::new(),
            professionals: vec![founder],
            agencies: vec![agency],
            communication_agreements: Vec::new(),
            contact_log: ContactLog::default(),
            goals: Vec::new(),
            consents: Vec::new(),
            competence_assessments: Vec::new(),
            withholding_rules: Vec::new(),
            justifications: Vec::new(),
            disclosures: DisclosureLedger::default(),
            checkpoints: Vec::new(),
            barriers: BarrierRegister::default(),
            reviews: Vec::new(),
            complaints_and_appeals: Vec::new(),
            provenance,
        })
    }
}

impl PartnershipRecord {
    /// The ledger, for the crate's own all-or-nothing recording of a decision
    /// ([`PartnershipRecord::decide`]): nothing else writes to a checked record.
    pub(crate) fn ledger_mut(&mut self) -> &mut DisclosureLedger {
        &mut self.0.disclosures
    }

    /// The parts, for the crate's own all-or-nothing changes
    /// ([`PartnershipRecord::apply`]), which check what they touch and undo it on
    /// any problem.
    pub(crate) fn parts_mut(&mut self) -> &mut PartnershipRecordParts {
        &mut self.0
    }

    /// Signs a checkpoint of the ledger as it stands with `key`, and keeps it in the
    /// record in place of any earlier checkpoint by the same key. Sign after each
    /// decision is recorded, so that the whole ledger leads to a signed head.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
    /// use partnership::consent::LedgerSigningKey;
    /// # use partnership::record::PartnershipRecord;
    /// # let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/record.json"))?;
    /// let mut record = PartnershipRecord::from_json(&json)?;
    /// let key = LedgerSigningKey::from_bytes([7; 32]);
    /// record.sign_ledger(&key);
    /// assert!(record.verify_with_key(&key.verifying_key()).is_ok());
    /// // The key itself is never in the record: only its public half.
    /// assert!(!record.to_json().contains(&"07".repeat(32)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sign_ledger(&mut self, key: &LedgerSigningKey) -> Checkpoint {
        let checkpoint = key.checkpoint(self.0.disclosures.head());
        let public = key.verifying_key();
        self.0.checkpoints.retain(|c| c.key != public);
        self.0.checkpoints.push(checkpoint.clone());
        checkpoint
    }

    /// Checks the ledger's chain, its checkpoints, and that a checkpoint signed by
    /// `key` covers every entry: see
    /// [`DisclosureLedger::verify_with_key`](partnership_consent::DisclosureLedger::verify_with_key).
    ///
    /// # Errors
    ///
    /// As `DisclosureLedger::verify_with_key`.
    pub fn verify_with_key(
        &self,
        key: &LedgerVerifyingKey,
    ) -> Result<(), partnership_consent::ConsentError> {
        self.0.disclosures.verify_with_key(&self.0.checkpoints, key)
    }
}
