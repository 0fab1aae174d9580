//! [`Change`]: the public way to change a record, one all-or-nothing step at a time,
//! each kept in the record's provenance with who made it and when.
//!
//! A change is checked for what it touches, not by checking the whole record again:
//! a new carer against the ids of the team and the goals whose activation counts the
//! carers; a consent event against its consent and the ledger entries that cite it;
//! progress against its goal. Each arm of [`PartnershipRecord::apply`] names the
//! checks the whole-record check would run on what changed, and a property test
//! (`a_change_is_kept_only_if_the_whole_record_stays_valid`) holds the two to the
//! same answer.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use partnership_barriers::{
    Barrier, BarriersError, EffectivenessReview, MitigationAttempt, StatusChange,
};
use partnership_carers::{Carer, CommunicationAgreement, ContactRecord};
use partnership_consent::{
    CompetenceAssessment, ConsentEvent, ConsentRecord, PermitBasis, SafeguardingJustification,
    SharingDecision, WithholdingRule,
};
use partnership_core::{
    ActionId, Agency, BarrierId, CarerId, ChildProfile, ConsentId, GoalId, MitigationId, PartyRef,
    Pointer, Professional, ProfessionalId, ReviewScheduleId,
};
use partnership_goals::{GoalPlan, GoalReview, Milestone, ProgressEntry, SharedGoal, Transition};
use partnership_reviews::{Redress, ReviewOutcome, ReviewSchedule, ReviewsError};

use crate::validate::{self, Checker};

mod dated;
mod kind;

use crate::{PartnershipRecord, PartnershipRecordParts, Problem, RecordError, Rule};
pub use kind::{ChangeKind, ProvenanceEntry};

/// A change to a [`PartnershipRecord`], applied with [`PartnershipRecord::apply`].
///
/// Each change carries values that are already valid on their own (a [`Carer`] can
/// only exist once its own rules hold); applying it checks that it fits the record.
/// Changes only add to the record's history: nothing here removes a consent event, a
/// contact or a decision.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Change {
    /// Replaces the child's profile (the same child: the id stays): a communication
    /// need recognised, a view recorded. The child's age and needs reach every rule
    /// about consent and competence, so the whole record is checked again.
    UpdateChild(ChildProfile),
    /// Adds a carer.
    AddCarer(Carer),
    /// Replaces the carer with the same id (a new legal standing, a restriction on
    /// involvement, new preferences); everything that depends on a carer's standing
    /// or involvement is checked again.
    UpdateCarer(Carer),
    /// Adds a professional to the team.
    AddProfessional(Professional),
    /// Adds an agency or setting.
    AddAgency(Agency),
    /// Adds an agreement with a carer about updates.
    AddAgreement(CommunicationAgreement),
    /// Records a discussion, with the actions agreed in it, at the end of the contact
    /// log.
    RecordContact(ContactRecord),
    /// Adds a shared goal.
    AddGoal(SharedGoal),
    /// Revises a proposed goal's plan (the goal in words, its measure, target, the
    /// child's view, who does what) before any carer has agreed to it.
    ReviseGoalPlan {
        /// The goal.
        goal: GoalId,
        /// The plan as revised.
        plan: GoalPlan,
    },
    /// Records a carer's agreement to a goal.
    AgreeToGoal {
        /// The goal.
        goal: GoalId,
        /// The carer who agreed.
        carer: CarerId,
        /// When.
        on: NaiveDate,
    },
    /// Moves a goal in its lifecycle (to on hold, completed, cancelled, …). To make a
    /// goal active, use [`Change::ActivateGoal`], which works out whose agreement it
    /// rests on.
    MoveGoal {
        /// The goal.
        goal: GoalId,
        /// The move.
        transition: Transition,
    },
    /// Makes a goal active on the agreement of the carers whose involvement is not
    /// restricted, as the record shows them: the caller does not say who they are.
    ActivateGoal {
        /// The goal.
        goal: GoalId,
        /// When.
        on: NaiveDate,
        /// Who activated it.
        by: PartyRef,
    },
    /// Records progress on a goal.
    RecordProgress {
        /// The goal.
        goal: GoalId,
        /// The progress.
        entry: ProgressEntry,
    },
    /// Records a milestone to celebrate on a goal.
    CelebrateMilestone {
        /// The goal.
        goal: GoalId,
        /// The milestone.
        milestone: Milestone,
    },
    /// Records a review of a goal and carries out its decision (a new target, or
    /// closing the goal).
    ReviewGoal {
        /// The goal.
        goal: GoalId,
        /// The review.
        review: GoalReview,
    },
    /// Records an action agreed in a discussion as done.
    CompleteAction {
        /// The action.
        action: ActionId,
        /// When it was done.
        on: NaiveDate,
    },
    /// Adds a consent record.
    AddConsent(ConsentRecord),
    /// Records an event on a consent: given, refused, renewed, withdrawn, ….
    RecordConsentEvent {
        /// The consent.
        consent: ConsentId,
        /// The event.
        event: ConsentEvent,
    },
    /// Records an assessment of the child's competence for a decision.
    AddCompetenceAssessment(CompetenceAssessment),
    /// Adds a rule withholding information to protect someone.
    AddWithholdingRule(WithholdingRule),
    /// Adds a safeguarding justification for sharing without consent.
    AddJustification(SafeguardingJustification),
    /// Adds a review schedule.
    AddReviewSchedule(ReviewSchedule),
    /// Records the outcome of a review held.
    RecordReviewOutcome {
        /// The schedule the review belongs to.
        schedule: ReviewScheduleId,
        /// The outcome.
        outcome: ReviewOutcome,
    },
    /// Adds a barrier to partnership.
    AddBarrier(Barrier),
    /// Starts a mitigation on a barrier.
    StartMitigation {
        /// The barrier.
        barrier: BarrierId,
        /// The mitigation.
        mitigation: MitigationAttempt,
    },
    /// Names who owns a barrier from a date (replacing any earlier owner).
    AssignBarrierOwner {
        /// The barrier.
        barrier: BarrierId,
        /// The owner.
        owner: PartyRef,
        /// From when.
        since: NaiveDate,
    },
    /// Records whether a mitigation helped.
    ReviewMitigation {
        /// The barrier.
        barrier: BarrierId,
        /// The mitigation reviewed.
        mitigation: MitigationId,
        /// The review.
        review: EffectivenessReview,
    },
    /// Moves a barrier's status: resolved (once a mitigation was reviewed),
    /// escalated or accepted.
    ChangeBarrierStatus {
        /// The barrier.
        barrier: BarrierId,
        /// The move.
        change: StatusChange,
    },
    /// Records a complaint or appeal a carer made.
    AddComplaintOrAppeal(Redress),
    /// Records what has happened since on a complaint or appeal, as the whole of it
    /// with the same id: a response, an extension, a mediation certificate, the appeal
    /// lodged. It may only add: the carer, the route, the stage and every date
    /// already recorded stay as they were ([`Redress::only_adds_to`]); a complaint
    /// taken to the next stage is a new complaint.
    UpdateComplaintOrAppeal(Redress),
}

impl Change {
    /// The kind of change, as its provenance records it.
    pub fn kind(&self) -> ChangeKind {
        match self {
            Self::UpdateChild(_) => ChangeKind::UpdateChild,
            Self::AddCarer(_) => ChangeKind::AddCarer,
            Self::UpdateCarer(_) => ChangeKind::UpdateCarer,
            Self::AddProfessional(_) => ChangeKind::AddProfessional,
            Self::AddAgency(_) => ChangeKind::AddAgency,
            Self::AddAgreement(_) => ChangeKind::AddAgreement,
            Self::RecordContact(_) => ChangeKind::RecordContact,
            Self::AddGoal(_) => ChangeKind::AddGoal,
            Self::ReviseGoalPlan { .. } => ChangeKind::ReviseGoalPlan,
            Self::AgreeToGoal { .. } => ChangeKind::AgreeToGoal,
            Self::MoveGoal { .. } => ChangeKind::MoveGoal,
            Self::ActivateGoal { .. } => ChangeKind::ActivateGoal,
            Self::RecordProgress { .. } => ChangeKind::RecordProgress,
            Self::CelebrateMilestone { .. } => ChangeKind::CelebrateMilestone,
            Self::ReviewGoal { .. } => ChangeKind::ReviewGoal,
            Self::CompleteAction { .. } => ChangeKind::CompleteAction,
            Self::AddConsent(_) => ChangeKind::AddConsent,
            Self::RecordConsentEvent { .. } => ChangeKind::RecordConsentEvent,
            Self::AddCompetenceAssessment(_) => ChangeKind::AddCompetenceAssessment,
            Self::AddWithholdingRule(_) => ChangeKind::AddWithholdingRule,
            Self::AddJustification(_) => ChangeKind::AddJustification,
            Self::AddReviewSchedule(_) => ChangeKind::AddReviewSchedule,
            Self::RecordReviewOutcome { .. } => ChangeKind::RecordReviewOutcome,
            Self::AddBarrier(_) => ChangeKind::AddBarrier,
            Self::StartMitigation { .. } => ChangeKind::StartMitigation,
            Self::AssignBarrierOwner { .. } => ChangeKind::AssignBarrierOwner,
            Self::ReviewMitigation { .. } => ChangeKind::ReviewMitigation,
            Self::ChangeBarrierStatus { .. } => ChangeKind::ChangeBarrierStatus,
            Self::AddComplaintOrAppeal(_) => ChangeKind::AddComplaintOrAppeal,
            Self::UpdateComplaintOrAppeal(_) => ChangeKind::UpdateComplaintOrAppeal,
        }
    }

    /// The id of what the change changes.
    pub fn subject(&self) -> uuid::Uuid {
        match self {
            Self::UpdateChild(x) => *x.id().as_uuid(),
            Self::AddCarer(x) | Self::UpdateCarer(x) => *x.id().as_uuid(),
            Self::AddProfessional(x) => *x.id.as_uuid(),
            Self::AddAgency(x) => *x.id.as_uuid(),
            Self::AddAgreement(x) => *x.id.as_uuid(),
            Self::RecordContact(x) => *x.id().as_uuid(),
            Self::AddGoal(x) => *x.id().as_uuid(),
            Self::AgreeToGoal { goal, .. }
            | Self::MoveGoal { goal, .. }
            | Self::ActivateGoal { goal, .. }
            | Self::RecordProgress { goal, .. }
            | Self::ReviseGoalPlan { goal, .. }
            | Self::CelebrateMilestone { goal, .. }
            | Self::ReviewGoal { goal, .. } => *goal.as_uuid(),
            Self::CompleteAction { action, .. } => *action.as_uuid(),
            Self::AddConsent(x) => *x.id().as_uuid(),
            Self::RecordConsentEvent { consent, .. } => *consent.as_uuid(),
            Self::AddCompetenceAssessment(x) => *x.id().as_uuid(),
            Self::AddWithholdingRule(x) => *x.id().as_uuid(),
            Self::AddJustification(x) => *x.id().as_uuid(),
            Self::AddReviewSchedule(x) => *x.id().as_uuid(),
            Self::RecordReviewOutcome { schedule, .. } => *schedule.as_uuid(),
            Self::AddBarrier(x) => *x.id().as_uuid(),
            Self::StartMitigation { barrier, .. }
            | Self::AssignBarrierOwner { barrier, .. }
            | Self::ReviewMitigation { barrier, .. }
            | Self::ChangeBarrierStatus { barrier, .. } => *barrier.as_uuid(),
            Self::AddComplaintOrAppeal(x) | Self::UpdateComplaintOrAppeal(x) => *x.id().as_uuid(),
        }
    }
}

/// A problem found while applying a change, before anything was changed.
fn refused(problems: Vec<Problem>) -> RecordError {
    RecordError { problems }
}

fn one(at: &Pointer<'_>, rule: Rule, message: impl Into<String>) -> Problem {
    Problem::at(at.to_string(), rule, message)
}

/// A domain crate's refusal of a step, as a problem at the field it names of the
/// value at `at`.
fn domain_refusal(at: &Pointer<'_>, error: &(dyn partnership_core::Located + 'static)) -> Problem {
    Problem::broken(at, error)
}

fn index_of<T>(items: &[T], same: impl Fn(&T) -> bool) -> Option<usize> {
    items.iter().position(same)
}

/// A new item's id is not already in its list.
fn fresh<T: PartialEq>(
    problems: &mut Vec<Problem>,
    list: &str,
    ids: impl Iterator<Item = T>,
    id: T,
) {
    let mut len = 0;
    let mut taken = false;
    for existing in ids {
        taken |= existing == id;
        len += 1;
    }
    if taken {
        let root = Pointer::root();
        let list = root.field(list);
        problems.push(one(
            &list.index(len).field("id"),
            Rule::DuplicateId,
            "uses an id already used earlier in the list",
        ));
    }
}

impl PartnershipRecord {
    /// Applies one change, all or nothing, and records who made it and when in the
    /// record's provenance. On success the record is valid and holds the change; on
    /// any problem the record is exactly as it was, and every problem found is
    /// returned, each with its pointer into the record as it would have been and its
    /// rule.
    ///
    /// `by` must be a professional in the record (after the change: a professional
    /// may add themselves), and `at`, the time of recording (the library reads no
    /// clock), must not be before the record's last change. What the change records
    /// must not be dated after `at`.
    ///
    /// Only what the change touches is checked, with the checks the whole record
    /// would run on it: applying a change to a large record costs a small part of
    /// reading it.
    ///
    /// # Errors
    ///
    /// A [`RecordError`] with every problem: a subject not in the record
    /// ([`Rule::DanglingReference`] at `/provenance/N/subject`), a change out of time
    /// order ([`Rule::ChangeOutOfOrder`]), something dated after its recording
    /// ([`Rule::DatedAfterChange`]), a step its own type refuses
    /// ([`Rule::InvalidValue`]), or anything the record's checks find.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
    /// use partnership::chrono::{NaiveDate, TimeZone, Utc};
    /// use partnership::carers::{Channel, ContactRecord, ContactRecordParts};
    /// use partnership::core::{ContactRecordId, PartyRef, Sensitive};
    /// use partnership::record::{Change, ChangeKind, PartnershipRecord, Rule};
    ///
    /// # let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/record.json"))?;
    /// let mut record = PartnershipRecord::from_json(&json)?;
    /// let key_worker = record.professionals()[0].id;
    /// let mum = PartyRef::Carer { id: record.carers()[0].id() };
    /// let call = |day| ContactRecord::try_from(ContactRecordParts {
    ///     id: ContactRecordId::random(),
    ///     date: NaiveDate::from_ymd_opt(2026, 11, day).expect("a day in November"),
    ///     channel: Channel::Phone,
    ///     participants: vec![mum, PartyRef::Professional { id: key_worker }],
    ///     summary: Sensitive::new("Settling in after half term".into()),
    ///     agreed_actions: vec![],
    /// });
    /// let now = Utc.with_ymd_and_hms(2026, 11, 23, 16, 0, 0).single().ok_or("a time")?;
    ///
    /// let made = record.apply(Change::RecordContact(call(23)?), key_worker, now)?;
    /// assert_eq!(made.change, ChangeKind::RecordContact);
    /// assert_eq!(record.provenance().last(), Some(&made));
    ///
    /// // A call dated next week cannot be recorded today, and nothing changes.
    /// let before = record.clone();
    /// let err = record.apply(Change::RecordContact(call(30)?), key_worker, now).unwrap_err();
    /// assert_eq!(err.problems[0].rule, Rule::DatedAfterChange);
    /// assert_eq!(err.problems[0].pointer, "/contactLog/2/date");
    /// assert_eq!(record, before);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(
        &mut self,
        change: Change,
        by: ProfessionalId,
        at: DateTime<Utc>,
    ) -> Result<ProvenanceEntry, RecordError> {
        let entry = ProvenanceEntry {
            change: change.kind(),
            subject: change.subject(),
            by,
            at,
        };
        let mut problems = Vec::new();
        // A decision is recorded at its own time and rests on the record as it then
        // stood: a change dated before it would look like something it rested on.
        if let Some(last) = self.disclosures().last_recorded_at()
            && at < last
        {
            let root = Pointer::root();
            let list = root.field("provenance");
            problems.push(one(
                &list.index(self.provenance().len()).field("at"),
                Rule::ChangeOutOfOrder,
                "is before the ledger's last decision: changes and decisions are recorded in time order",
            ));
        }
        dated::dated_problems(self.parts(), &change, at, &mut problems);
        problems.extend(beyond_limits(&change));
        if !problems.is_empty() {
            return Err(refused(problems));
        }
        let parts = self.parts_mut();
        apply_to(parts, change, &entry)?;
        parts.provenance.push(entry);
        Ok(entry)
    }
}

/// What a change adds must be readable again: a string longer, or nesting deeper
/// within the record, than the default [`InputLimits`] allow would make a record
/// that `from_json` refuses. Only the change's own payload is looked at, so this
/// costs its size, not the record's; a record grown past the limit on total bytes
/// by many changes is not caught here.
fn beyond_limits(change: &Change) -> Option<Problem> {
    use partnership_core::json::InputLimits;
    // Where the payload sits: an item of a top-level list is two levels in (the
    // record, the list); an entry added to an item's own list is four.
    let (json, depth) = match change {
        Change::UpdateChild(x) => (serde_json::to_vec(x), 1),
        Change::AddCarer(x) | Change::UpdateCarer(x) => (serde_json::to_vec(x), 2),
        Change::AddProfessional(x) => (serde_json::to_vec(x), 2),
        Change::AddAgency(x) => (serde_json::to_vec(x), 2),
        Change::AddAgreement(x) => (serde_json::to_vec(x), 2),
        Change::RecordContact(x) => (serde_json::to_vec(x), 2),
        Change::AddGoal(x) => (serde_json::to_vec(x), 2),
        Change::MoveGoal { transition, .. } => (serde_json::to_vec(transition), 4),
        Change::ActivateGoal { by, .. } => (serde_json::to_vec(by), 4),
        Change::RecordProgress { entry, .. } => (serde_json::to_vec(entry), 4),
        Change::AddConsent(x) => (serde_json::to_vec(x), 2),
        Change::RecordConsentEvent { event, .. } => (serde_json::to_vec(event), 4),
        Change::AddCompetenceAssessment(x) => (serde_json::to_vec(x), 2),
        Change::AddWithholdingRule(x) => (serde_json::to_vec(x), 2),
        Change::AddJustification(x) => (serde_json::to_vec(x), 2),
        Change::AddReviewSchedule(x) => (serde_json::to_vec(x), 2),
        Change::RecordReviewOutcome { outcome, .. } => (serde_json::to_vec(outcome), 4),
        Change::AddBarrier(x) => (serde_json::to_vec(x), 2),
        Change::StartMitigation { mitigation, .. } => (serde_json::to_vec(mitigation), 4),
        Change::ReviseGoalPlan { plan, .. } => (serde_json::to_vec(plan), 2),
        Change::CelebrateMilestone { milestone, .. } => (serde_json::to_vec(milestone), 4),
        Change::ReviewGoal { review, .. } => (serde_json::to_vec(review), 4),
        Change::AssignBarrierOwner { owner, .. } => (serde_json::to_vec(owner), 3),
        Change::ReviewMitigation { review, .. } => (serde_json::to_vec(review), 5),
        Change::ChangeBarrierStatus { change, .. } => (serde_json::to_vec(change), 4),
        Change::AddComplaintOrAppeal(x) | Change::UpdateComplaintOrAppeal(x) => {
            (serde_json::to_vec(x), 2)
        }
        Change::AgreeToGoal { .. } | Change::CompleteAction { .. } => return None,
    };
    let defaults = InputLimits::default();
    let limits = InputLimits {
        max_depth: defaults.max_depth.saturating_sub(depth),
        ..defaults
    };
    let broken = match json {
        Ok(bytes) => limits.check(&bytes).err()?.message().to_owned(),
        Err(_) => "cannot be written as JSON".to_owned(),
    };
    let root = Pointer::root();
    let (list, _) = change.kind().subject_list();
    Some(one(
        &root.field(list),
        Rule::InputLimit,
        format!("what the change adds {broken}, so the record could not be read again"),
    ))
}

/// The problems of the record as it now stands, from `checks` and the provenance
/// entry the change will add.
fn verdict(
    record: &PartnershipRecordParts,
    entry: &ProvenanceEntry,
    checks: impl FnOnce(&mut Checker<'_>),
) -> Vec<Problem> {
    verdict_on(record, entry, true, checks)
}

/// As [`verdict`], for a change checked before it is made: its subject is not in
/// the record yet.
fn verdict_before(
    record: &PartnershipRecordParts,
    entry: &ProvenanceEntry,
    checks: impl FnOnce(&mut Checker<'_>),
) -> Vec<Problem> {
    verdict_on(record, entry, false, checks)
}

fn verdict_on(
    record: &PartnershipRecordParts,
    entry: &ProvenanceEntry,
    subject_in_place: bool,
    checks: impl FnOnce(&mut Checker<'_>),
) -> Vec<Problem> {
    let mut c = Checker::new(record);
    checks(&mut c);
    validate::check_provenance_entry(
        &mut c,
        record.provenance.len(),
        entry,
        record.provenance.last(),
        subject_in_place,
    );
    c.problems
}

/// The subject of a change to an item already in the record was not found.
fn no_subject(record: &PartnershipRecordParts, entry: &ProvenanceEntry) -> RecordError {
    let root = Pointer::root();
    let list = root.field("provenance");
    let item = list.index(record.provenance.len());
    let (_, what) = entry.change.subject_list();
    refused(vec![one(
        &item.field("subject"),
        Rule::DanglingReference,
        format!("names {what} that is not in the record"),
    )])
}

/// A list of the record that changes add to or step on: its name in JSON, how to
/// reach it, and an item's id where the list itself keeps ids unique (the party
/// lists leave that to [`validate::check_party_ids`], which also compares kinds).
struct List<T: 'static> {
    name: &'static str,
    get: fn(&PartnershipRecordParts) -> &Vec<T>,
    get_mut: fn(&mut PartnershipRecordParts) -> &mut Vec<T>,
    id: Option<fn(&T) -> uuid::Uuid>,
}

macro_rules! list {
    ($field:ident, $name:literal, id = $id:expr) => {
        List {
            name: $name,
            get: |r| &r.$field,
            get_mut: |r| &mut r.$field,
            id: Some($id),
        }
    };
    ($field:ident, $name:literal, ids checked with the parties) => {
        List {
            name: $name,
            get: |r| &r.$field,
            get_mut: |r| &mut r.$field,
            id: None,
        }
    };
}

/// Adds `item` at the end of `list`, then runs `check` on it (and `also` on the
/// record as a whole); on any problem takes it out again.
fn add_to<T: 'static>(
    record: &mut PartnershipRecordParts,
    entry: &ProvenanceEntry,
    list: &List<T>,
    item: T,
    check: impl FnOnce(&mut Checker<'_>, usize, &T),
) -> Result<(), RecordError> {
    let mut taken = Vec::new();
    if let Some(id) = list.id {
        let items = (list.get)(record);
        fresh(&mut taken, list.name, items.iter().map(id), id(&item));
    }
    (list.get_mut)(record).push(item);
    let k = (list.get)(record).len().saturating_sub(1);
    let problems = verdict(record, entry, |c| {
        c.problems.append(&mut taken);
        let record = c.record;
        if let Some(item) = (list.get)(record).get(k) {
            check(c, k, item);
        }
    });
    undo_if(problems, || {
        (list.get_mut)(record).pop();
    })
}

/// Takes `step` on a copy of the item of `list` at index `k`, puts the copy in its
/// place, then runs `check` on it; on a refusal by the item's own type or any
/// problem the record keeps the item as it was.
fn step_on<T: Clone + 'static, E: partnership_core::Located + 'static>(
    record: &mut PartnershipRecordParts,
    entry: &ProvenanceEntry,
    list: &List<T>,
    k: Option<usize>,
    step: impl FnOnce(&mut T) -> Result<(), E>,
    check: impl FnOnce(&mut Checker<'_>, usize, &T),
) -> Result<(), RecordError> {
    let Some((k, mut updated)) = k.and_then(|k| Some((k, (list.get)(record).get(k)?.clone())))
    else {
        return Err(no_subject(record, entry));
    };
    let root = Pointer::root();
    let items = root.field(list.name);
    step(&mut updated).map_err(|e| refused(vec![domain_refusal(&items.index(k), &e)]))?;
    let Some(old) = swap((list.get_mut)(record), k, updated) else {
        return Err(no_subject(record, entry));
    };
    let problems = verdict(record, entry, |c| {
        let record = c.record;
        if let Some(item) = (list.get)(record).get(k) {
            check(c, k, item);
        }
    });
    undo_if(problems, || {
        swap((list.get_mut)(record), k, old);
    })
}

/// Applies `change` to `record` in place, checking what it touches; on any problem
/// undoes it and returns every problem.
fn apply_to(
    record: &mut PartnershipRecordParts,
    change: Change,
    entry: &ProvenanceEntry,
) -> Result<(), RecordError> {
    let carers = list!(carers, "carers", ids checked with the parties);
    let goals = list!(goals, "goals", id = |x| *x.id().as_uuid());
    let consents = list!(consents, "consents", id = |x| *x.id().as_uuid());
    let reviews = list!(reviews, "reviews", id = |x| *x.id().as_uuid());
    let goal_at =
        |record: &PartnershipRecordParts, goal: GoalId| index_of(&record.goals, |x| x.id() == goal);
    match change {
        Change::AddCarer(carer) => add_to(record, entry, &carers, carer, |c, k, _| {
            validate::check_party_ids(c);
            validate::check_carer(c, k);
            validate::check_goals(c);
        }),
        Change::UpdateCarer(carer) => {
            let k = index_of(&record.carers, |x| x.id() == carer.id());
            // Standing and involvement reach the goals, consents and reviews.
            let replace = |slot: &mut Carer| {
                *slot = carer;
                Ok::<(), std::convert::Infallible>(())
            };
            step_on(record, entry, &carers, k, replace, |c, k, _| {
                validate::check_carer(c, k);
                validate::check_goals(c);
                validate::check_consents(c);
                validate::check_reviews(c);
            })
        }
        Change::AddProfessional(professional) => {
            let list = list!(professionals, "professionals", ids checked with the parties);
            add_to(record, entry, &list, professional, |c, k, _| {
                validate::check_party_ids(c);
                validate::check_professional(c, k);
            })
        }
        Change::AddAgency(agency) => {
            let list = list!(agencies, "agencies", ids checked with the parties);
            add_to(record, entry, &list, agency, |c, _, _| {
                validate::check_party_ids(c);
            })
        }
        Change::AddAgreement(agreement) => {
            let list = list!(
                communication_agreements,
                "communicationAgreements",
                id = |x| *x.id.as_uuid()
            );
            add_to(record, entry, &list, agreement, validate::check_agreement)
        }
        Change::RecordContact(contact) => {
            // The log keeps its own order and ids; check the discussion's parties
            // first, then let the log take it (or refuse it, changing nothing).
            let i = record.contact_log.len();
            let problems =
                verdict_before(record, entry, |c| validate::check_contact(c, i, &contact));
            if !problems.is_empty() {
                return Err(refused(problems));
            }
            let root = Pointer::root();
            let log = root.field("contactLog");
            record
                .contact_log
                .record(contact)
                .map_err(|e| refused(vec![domain_refusal(&log, &e)]))
        }
        Change::AddGoal(goal) => add_to(record, entry, &goals, goal, check_goal_now),
        Change::AgreeToGoal { goal, carer, on } => {
            let k = goal_at(record, goal);
            step_on(
                record,
                entry,
                &goals,
                k,
                |g| g.agree(carer, on),
                check_goal_now,
            )
        }
        Change::MoveGoal { goal, transition } => {
            let k = goal_at(record, goal);
            let step = |g: &mut SharedGoal| g.transition(transition);
            step_on(record, entry, &goals, k, step, check_goal_now)
        }
        Change::ActivateGoal { goal, on, by } => {
            let required: Vec<CarerId> =
                validate::unrestricted_carers(record).into_iter().collect();
            let k = goal_at(record, goal);
            let step = |g: &mut SharedGoal| g.activate(on, by, &required);
            step_on(record, entry, &goals, k, step, check_goal_now)
        }
        Change::RecordProgress {
            goal,
            entry: progress,
        } => {
            let k = goal_at(record, goal);
            let step = |g: &mut SharedGoal| g.record_progress(progress);
            step_on(record, entry, &goals, k, step, check_goal_now)
        }
        Change::AddConsent(consent) => {
            add_to(record, entry, &consents, consent, validate::check_consent)
        }
        Change::RecordConsentEvent { consent, event } => {
            let k = index_of(&record.consents, |x| x.id() == consent);
            let step = |slot: &mut ConsentRecord| {
                *slot = slot.clone().with_event(event)?;
                Ok::<(), partnership_consent::ConsentError>(())
            };
            step_on(record, entry, &consents, k, step, |c, k, updated| {
                validate::check_consent(c, k, updated);
                check_permits_citing(c, consent);
            })
        }
        Change::AddCompetenceAssessment(assessment) => {
            let list = list!(
                competence_assessments,
                "competenceAssessments",
                id = |x| *x.id().as_uuid()
            );
            add_to(record, entry, &list, assessment, validate::check_assessment)
        }
        Change::AddWithholdingRule(rule) => {
            let list = list!(
                withholding_rules,
                "withholdingRules",
                id = |x| *x.id().as_uuid()
            );
            add_to(record, entry, &list, rule, |c, k, rule| {
                validate::check_withholding(c, k, rule);
                // A rule that reaches back over past permits would say they
                // disclosed what it withholds.
                validate::check_permits_against(c, rule);
            })
        }
        Change::AddJustification(justification) => {
            let list = list!(justifications, "justifications", id = |x| *x.id().as_uuid());
            add_to(
                record,
                entry,
                &list,
                justification,
                validate::check_justification,
            )
        }
        Change::AddReviewSchedule(schedule) => {
            add_to(record, entry, &reviews, schedule, |c, s, _| {
                check_one_schedule(c, s);
            })
        }
        Change::RecordReviewOutcome { schedule, outcome } => {
            let k = index_of(&record.reviews, |x| x.id() == schedule);
            let step = |s: &mut ReviewSchedule| s.record(outcome);
            step_on(record, entry, &reviews, k, step, |c, s, _| {
                check_one_schedule(c, s);
            })
        }
        Change::AddBarrier(barrier) => {
            let b = record.barriers.len();
            let problems =
                verdict_before(record, entry, |c| validate::check_barrier(c, b, &barrier));
            if !problems.is_empty() {
                return Err(refused(problems));
            }
            let root = Pointer::root();
            let list = root.field("barriers");
            record
                .barriers
                .add(barrier)
                .map_err(|e| refused(vec![domain_refusal(&list, &e)]))
        }
        Change::StartMitigation {
            barrier,
            mitigation,
        } => step_on_barrier(record, entry, barrier, |b| b.start_mitigation(mitigation)),
        Change::AssignBarrierOwner {
            barrier,
            owner,
            since,
        } => step_on_barrier(record, entry, barrier, |b| b.assign_owner(owner, since)),
        Change::ReviewMitigation {
            barrier,
            mitigation,
            review,
        } => step_on_barrier(record, entry, barrier, |b| {
            b.review_mitigation(mitigation, review)
        }),
        Change::ChangeBarrierStatus { barrier, change } => {
            step_on_barrier(record, entry, barrier, |b| b.change_status(change))
        }
        Change::AddComplaintOrAppeal(redress) => add_to(
            record,
            entry,
            &redress_list(),
            redress,
            validate::check_redress,
        ),
        Change::UpdateComplaintOrAppeal(redress) => {
            let k = index_of(&record.complaints_and_appeals, |x| x.id() == redress.id());
            let step = |slot: &mut Redress| {
                redress.only_adds_to(slot)?;
                *slot = redress;
                Ok::<(), ReviewsError>(())
            };
            step_on(
                record,
                entry,
                &redress_list(),
                k,
                step,
                validate::check_redress,
            )
        }
        Change::UpdateChild(child) => {
            if child.id() != record.child.id() {
                return Err(no_subject(record, entry));
            }
            // Age and needs reach every rule about consent, competence and what
            // was shared: the whole record is checked again.
            let old = std::mem::replace(&mut record.child, child);
            let problems = verdict(record, entry, |c| {
                let mut found = validate::cross_check(c.record);
                c.problems.append(&mut found);
            });
            undo_if(problems, || record.child = old)
        }
        Change::ReviseGoalPlan { goal, plan } => {
            let k = goal_at(record, goal);
            let step = |g: &mut SharedGoal| g.revise_plan(plan);
            step_on(record, entry, &goals, k, step, check_goal_now)
        }
        Change::CelebrateMilestone { goal, milestone } => {
            let k = goal_at(record, goal);
            let step = |g: &mut SharedGoal| g.celebrate(milestone);
            step_on(record, entry, &goals, k, step, check_goal_now)
        }
        Change::ReviewGoal { goal, review } => {
            let k = goal_at(record, goal);
            let step = |g: &mut SharedGoal| g.review(review);
            step_on(record, entry, &goals, k, step, check_goal_now)
        }
        Change::CompleteAction { action, on } => {
            let root = Pointer::root();
            let log = root.field("contactLog");
            let mut updated = record.contact_log.clone();
            match updated.complete_action(action, on) {
                Err(partnership_carers::CarersError::NoSuchAction) => {
                    Err(no_subject(record, entry))
                }
                Err(e) => Err(refused(vec![domain_refusal(&log, &e)])),
                Ok(()) => {
                    // Completing an action touches nothing another list refers to.
                    let problems = verdict(record, entry, |_| {});
                    if !problems.is_empty() {
                        return Err(refused(problems));
                    }
                    record.contact_log = updated;
                    Ok(())
                }
            }
        }
    }
}

/// The complaints and appeals, each id once.
fn redress_list() -> List<Redress> {
    list!(
        complaints_and_appeals,
        "complaintsAndAppeals",
        id = |x| *x.id().as_uuid()
    )
}

/// Takes `step` on a copy of the barrier with id `barrier` and keeps it if the
/// barrier and its references still hold; otherwise the register is unchanged.
fn step_on_barrier(
    record: &mut PartnershipRecordParts,
    entry: &ProvenanceEntry,
    barrier: BarrierId,
    step: impl FnOnce(&mut Barrier) -> Result<(), BarriersError>,
) -> Result<(), RecordError> {
    let Some(b) = index_of(record.barriers.as_slice(), |x| x.id() == barrier) else {
        return Err(no_subject(record, entry));
    };
    let root = Pointer::root();
    let list = root.field("barriers");
    let item = list.index(b);
    let mut updated = record
        .barriers
        .get(b)
        .cloned()
        .ok_or_else(|| no_subject(record, entry))?;
    step(&mut updated).map_err(|e| refused(vec![domain_refusal(&item, &e)]))?;
    let problems = verdict(record, entry, |c| validate::check_barrier(c, b, &updated));
    if !problems.is_empty() {
        return Err(refused(problems));
    }
    record.barriers.replace(updated);
    Ok(())
}

/// A past permit that cites `consent` must still rest on it: an event dated before
/// the permit (a withdrawal recorded late) would take its basis away.
fn check_permits_citing(c: &mut Checker<'_>, consent: ConsentId) {
    let record = c.record;
    for (index, e) in record.disclosures.iter().enumerate() {
        let cites = matches!(
            &e.decision,
            SharingDecision::Permit { basis: PermitBasis::Consent { consents }, .. }
                if consents.contains(&consent)
        );
        if cites {
            validate::check_entry(c, index, e.recorded_at, &e.request, &e.decision, &[]);
        }
    }
}

/// Keeps a change when `problems` is empty; otherwise undoes it and refuses.
fn undo_if(problems: Vec<Problem>, undo: impl FnOnce()) -> Result<(), RecordError> {
    if problems.is_empty() {
        Ok(())
    } else {
        undo();
        Err(refused(problems))
    }
}

/// One goal, against the carers the record holds now (whose agreement an
/// activation needs).
fn check_goal_now(c: &mut Checker<'_>, g: usize, goal: &SharedGoal) {
    let unrestricted = validate::unrestricted_carers(c.record);
    validate::check_goal(c, g, goal, &unrestricted);
}

/// Puts `new` in place of the item at `i`, giving back the item it replaces.
fn swap<T>(items: &mut [T], i: usize, new: T) -> Option<T> {
    items.get_mut(i).map(|slot| std::mem::replace(slot, new))
}

/// One schedule, with the review ids the other schedules use.
fn check_one_schedule(c: &mut Checker<'_>, s: usize) {
    let record = c.record;
    let mut review_ids: BTreeSet<_> = record
        .reviews
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != s)
        .flat_map(|(_, x)| x.outcomes().iter().map(|o| o.review))
        .collect();
    if let Some(schedule) = record.reviews.get(s) {
        validate::check_schedule(c, s, schedule, &mut review_ids);
    }
}
