//! The scenario writer's kit: a case recorded step by step, with deterministic ids.
//!
//! Each scenario starts a [`Case`], adds the people in it, then walks through what
//! happens. Every change goes through the public change API, exactly as a service
//! makes it: [`PartnershipRecord::new`] opens the record when the first professional
//! joins, and each step is a [`Change`] applied with who made it and when, so the
//! record's provenance tells the story too. The kit only saves the scenario writer
//! from spelling out ids, names and the time of recording.

use std::error::Error;
use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, Utc};
use partnership_barriers::{
    Barrier, BarrierKind, BarrierParts, BarrierStatus, EffectivenessReview, MitigationAttempt,
    Severity, StatusChange,
};
use partnership_carers::{
    AgreedAction, Carer, CarerParts, Channel, CommunicationAgreement, CommunicationPreferences,
    ContactRecord, ContactRecordParts, LanguageTag, LegalStanding, Relationship, UpdateFrequency,
};
use partnership_consent::{
    ConsentEvent, ConsentEventKind, ConsentGiver, ConsentMethod, ConsentRecord, ConsentRecordParts,
    DataCategory, DetrimentExceptionParts, LawInForce, Purpose, RecipientRef, Scope,
    SharingDecision, SharingQuestion,
};
use partnership_core::{
    Agency, AgencyId, AgencyKind, CarerId, ChildId, ChildProfile, ChildProfileParts, GoalId, Label,
    MitigationId, PartyRef, Professional, ProfessionalId, ProfessionalRole, RecordId,
    ReviewScheduleId, Sensitive,
};
use partnership_goals::{
    AchievementStatus, Frequency, GasLevel, GoalPlan, GoalReview, GoalStatus, OutcomeArea,
    ProgressEntry, Responsibility, Setting, SharedGoal, SharedGoalParts, SmartFinding, Transition,
};
use partnership_record::{
    Change, Decided, FindingCode, PartnershipRecord, Principle, ShareAnswer, WhatIf,
};
use partnership_reviews::{
    CarerFeedback, GoalReviewed, ReviewKind, ReviewOutcome, ReviewSchedule, ReviewScheduleParts,
    WorkingCalendar,
};
use uuid::Uuid;

/// The England and Wales calendar, built once: it takes a moment to build and every
/// scenario's dates are worked out on it.
pub(crate) static CALENDAR: LazyLock<WorkingCalendar> =
    LazyLock::new(WorkingCalendar::england_and_wales);

use crate::{Exercise, ExerciseQuestion, Party, Scenario, ScenarioError, Step, StepDecision};

/// What a scenario's building code returns: any library error, boxed, so each line can
/// use `?`. [`build`] names the scenario on the way out.
pub(crate) type Fallible<T> = Result<T, Box<dyn Error + Send + Sync>>;

/// A date written the way people write it: `day("2026-09-07")`.
pub(crate) fn day(text: &str) -> Fallible<NaiveDate> {
    Ok(text.parse()?)
}

/// An instant on a day, in UTC: `at("2026-09-07", "10:30")`.
pub(crate) fn at(date: &str, time: &str) -> Fallible<DateTime<Utc>> {
    Ok(format!("{date}T{time}:00Z").parse()?)
}

/// Personal free text. Every note is sensitive, even in a teaching scenario, so the
/// scenarios show the habit.
pub(crate) fn note(text: &str) -> Sensitive<String> {
    Sensitive::new(text.to_owned())
}

/// A name for a person.
pub(crate) fn name(text: &str) -> Fallible<Sensitive<Label>> {
    Ok(Sensitive::new(Label::new(text)?))
}

/// The scenario's facts, as the scenario module writes them.
pub(crate) struct About {
    pub slug: &'static str,
    pub title: &'static str,
    pub situation: &'static str,
    pub as_of: &'static str,
    /// The day the record is opened, when the first professional joins.
    pub opened: &'static str,
}

/// Runs a scenario's building code and names the scenario in any error.
pub(crate) fn build(
    about: &About,
    write: impl FnOnce(&mut Case) -> Fallible<()>,
    number: u8,
    child_name: &str,
    date_of_birth: &str,
) -> Result<Scenario, ScenarioError> {
    let wrap = |source: Box<dyn Error + Send + Sync>| ScenarioError {
        scenario: about.slug,
        source,
    };
    let space = IdSpace {
        high: 0x5ce0_0000 + u32::from(number),
        middle: 0,
    };
    let opened = day(about.opened).map_err(wrap)?;
    let mut case = Case::new(space, child_name, date_of_birth, opened).map_err(wrap)?;
    write(&mut case).map_err(wrap)?;
    case.finish(about).map_err(wrap)
}

/// Where a case's ids come from: the top 48 bits of each UUID, so that no two cases
/// (scenarios, or synthetic children) share an id.
#[derive(Debug, Clone, Copy)]
pub(crate) struct IdSpace {
    pub high: u32,
    pub middle: u16,
}

impl IdSpace {
    /// The `n`th id in this space, laid out as a version 4 UUID (version and variant
    /// bits set) so partner systems that check the version accept it.
    pub(crate) fn uuid(self, n: u64) -> Uuid {
        Uuid::from_u128(
            (u128::from(self.high) << 96)
                | (u128::from(self.middle) << 80)
                | (0x4000_u128 << 64)
                | (0x8000_u128 << 48)
                | u128::from(n & 0xffff_ffff_ffff),
        )
    }
}

/// Where a case stands: not yet opened (the child, and any agencies named before the
/// first professional), or a record.
enum Stage {
    Opening {
        record: RecordId,
        child: ChildProfile,
        agencies: Vec<Agency>,
    },
    Open {
        record: Box<PartnershipRecord>,
        lead: ProfessionalId,
    },
}

/// A case being written: the record so far, the time its last change was recorded,
/// and the narrated steps.
pub(crate) struct Case {
    space: IdSpace,
    next: u64,
    stage: Stage,
    child: ChildId,
    /// When the last change was recorded: each change is recorded at the moment it
    /// describes or, for one that describes an earlier day, now. Changes never go
    /// back in time.
    now: DateTime<Utc>,
    steps: Vec<Step>,
    /// How much of the provenance and the ledger the steps so far account for: what
    /// comes after is the next step's.
    accounted: (usize, usize),
    /// Who has taken part since the last step, in order.
    involved: Vec<PartyRef>,
    /// The sharing questions asked since the last step, and their answers.
    asked: Vec<StepDecision>,
    /// The exercise the scenario ends with, if any.
    exercise: Option<Exercise>,
}

/// When a change describes something happening: a day or an instant. A day's
/// events are recorded at the start of the working day (08:00 UTC, in the UK day in
/// either season), so that a decision later that day comes after them.
pub(crate) trait Moment {
    fn instant(&self) -> DateTime<Utc>;
}

impl Moment for NaiveDate {
    fn instant(&self) -> DateTime<Utc> {
        self.and_time(START_OF_DAY).and_utc()
    }
}

const START_OF_DAY: chrono::NaiveTime = match chrono::NaiveTime::from_hms_opt(8, 0, 0) {
    Some(time) => time,
    None => chrono::NaiveTime::MIN,
};

impl Moment for DateTime<Utc> {
    fn instant(&self) -> DateTime<Utc> {
        *self
    }
}

impl Case {
    pub(crate) fn new(
        space: IdSpace,
        child_name: &str,
        date_of_birth: &str,
        opened: NaiveDate,
    ) -> Fallible<Self> {
        let mut next = 0;
        let mut id = || {
            next += 1;
            space.uuid(next)
        };
        let record = RecordId::from(id());
        let child = ChildProfile::try_from(ChildProfileParts {
            id: id().into(),
            name: name(child_name)?,
            date_of_birth: day(date_of_birth)?,
            nhs_number: None,
            identifiers: vec![],
            identifier_omitted: None,
            communication_needs: vec![],
            views: vec![],
        })?;
        Ok(Self {
            space,
            next,
            child: child.id(),
            stage: Stage::Opening {
                record,
                child,
                agencies: vec![],
            },
            now: opened.instant(),
            steps: vec![],
            accounted: (0, 0),
            involved: vec![],
            asked: vec![],
            exercise: None,
        })
    }

    /// A new id, the same every run: the case's id space, then a counter.
    pub fn id<T: From<Uuid>>(&mut self) -> T {
        self.next += 1;
        self.space.uuid(self.next).into()
    }

    /// The child's id.
    pub fn child(&self) -> ChildId {
        self.child
    }

    /// The record as it stands.
    pub fn record(&self) -> Fallible<&PartnershipRecord> {
        match &self.stage {
            Stage::Open { record, .. } => Ok(record),
            Stage::Opening { .. } => Err(NOT_OPEN.into()),
        }
    }

    /// Applies `change` as a service would: recorded at `when` (or now, if that has
    /// passed), by the professional `by` names, or the case's lead professional.
    pub fn change(
        &mut self,
        change: Change,
        when: impl Moment,
        by: Option<PartyRef>,
    ) -> Fallible<()> {
        let at = self.now.max(when.instant());
        if let Some(party) = by {
            self.involve([party]);
        }
        let Stage::Open { record, lead } = &mut self.stage else {
            return Err(NOT_OPEN.into());
        };
        let by = match by {
            Some(PartyRef::Professional { id }) => id,
            _ => *lead,
        };
        record.apply(change, by, at)?;
        self.now = at;
        Ok(())
    }

    /// Changes the child's profile; the profile's own rules are checked again, and
    /// then the whole record, which the child's age and needs reach.
    pub fn update_child(&mut self, change: impl FnOnce(&mut ChildProfileParts)) -> Fallible<()> {
        let mut parts = self.record()?.child().clone().into_parts();
        change(&mut parts);
        let child = ChildProfile::try_from(parts)?;
        let latest_view = child.views().iter().map(|v| v.recorded_on).max();
        let when = latest_view.map_or(self.now, |on| on.instant());
        self.change(Change::UpdateChild(child), when, None)
    }

    /// Adds an agency or setting. Until the first professional joins there is no
    /// record yet: the agency waits to be added when it opens.
    pub fn agency(&mut self, agency_name: &str, kind: AgencyKind) -> Fallible<AgencyId> {
        let id = self.id();
        let agency = Agency {
            id,
            name: Label::new(agency_name)?,
            kind,
            public_authority: None,
        };
        if let Stage::Opening { agencies, .. } = &mut self.stage {
            agencies.push(agency);
            return Ok(id);
        }
        self.change(Change::AddAgency(agency), self.now, None)?;
        Ok(id)
    }

    /// Adds a professional working at `agency`. The first opens the record
    /// ([`PartnershipRecord::new`]) with their agency, and adds the others named
    /// so far.
    pub fn professional(
        &mut self,
        person: &str,
        role: ProfessionalRole,
        agency: AgencyId,
    ) -> Fallible<ProfessionalId> {
        let id = self.id();
        let professional = Professional {
            id,
            name: name(person)?,
            role,
            agency,
            work_contact: None,
        };
        let placeholder = Stage::Opening {
            record: Uuid::nil().into(),
            child: self.record_child()?,
            agencies: vec![],
        };
        match std::mem::replace(&mut self.stage, placeholder) {
            Stage::Opening {
                record,
                child,
                mut agencies,
            } => {
                let k = agencies
                    .iter()
                    .position(|a| a.id == agency)
                    .ok_or("a professional's agency is added first")?;
                let founding = agencies.remove(k);
                let opened =
                    PartnershipRecord::new(record, child, founding, professional, self.now)?;
                self.stage = Stage::Open {
                    record: Box::new(opened),
                    lead: id,
                };
                for agency in agencies {
                    self.change(Change::AddAgency(agency), self.now, None)?;
                }
            }
            open @ Stage::Open { .. } => {
                self.stage = open;
                self.change(Change::AddProfessional(professional), self.now, None)?;
            }
        }
        Ok(id)
    }

    /// The child's profile, wherever the case stands.
    fn record_child(&self) -> Fallible<ChildProfile> {
        match &self.stage {
            Stage::Opening { child, .. } => Ok(child.clone()),
            Stage::Open { record, .. } => Ok(record.child().clone()),
        }
    }

    /// Adds a carer who speaks `language`; `adjust` fills in anything else.
    pub fn carer(
        &mut self,
        person: &str,
        relationship: Relationship,
        legal_standing: LegalStanding,
        language: &str,
        adjust: impl FnOnce(&mut CarerParts),
    ) -> Fallible<CarerId> {
        let id = self.id();
        let first = self.record()?.carers().is_empty();
        let mut parts = CarerParts::new(
            id,
            Label::new(person)?,
            relationship,
            legal_standing,
            CommunicationPreferences::in_language(LanguageTag::parse(language)?),
        );
        parts.lives_with_child = true;
        parts.primary_contact = first;
        adjust(&mut parts);
        self.change(Change::AddCarer(Carer::try_from(parts)?), self.now, None)?;
        Ok(id)
    }

    /// Changes a carer on `on`; the carer's own rules are checked again, and the
    /// goals, consents and reviews that depend on their standing.
    pub fn update_carer(
        &mut self,
        id: CarerId,
        on: &str,
        change: impl FnOnce(&mut CarerParts),
    ) -> Fallible<()> {
        let carer = self
            .record()?
            .carers()
            .iter()
            .find(|c| c.id() == id)
            .ok_or("no such carer in this case")?;
        let mut parts = carer.clone().into_parts();
        change(&mut parts);
        let updated = Carer::try_from(parts)?;
        self.involve([PartyRef::Carer { id }]);
        self.change(Change::UpdateCarer(updated), day(on)?, None)
    }

    /// Proposes a shared goal; `adjust` adds who does what, the measure and so on.
    pub fn goal(
        &mut self,
        area: OutcomeArea,
        description: &str,
        created_on: &str,
        adjust: impl FnOnce(&mut SharedGoalParts),
    ) -> Fallible<GoalId> {
        let id = self.id();
        let created_on = day(created_on)?;
        let mut parts = SharedGoalParts {
            id,
            child: self.child(),
            area,
            description: note(description),
            measure: None,
            created_on,
            target_date: None,
            childs_view: None,
            responsibilities: vec![],
            agreements: vec![],
            transitions: vec![],
            progress: vec![],
            milestones: vec![],
            reviews: vec![],
        };
        adjust(&mut parts);
        self.change(
            Change::AddGoal(SharedGoal::try_from(parts)?),
            created_on,
            None,
        )?;
        Ok(id)
    }

    /// The goal with this id, to read.
    pub fn the_goal(&self, id: GoalId) -> Fallible<&SharedGoal> {
        Ok(self
            .record()?
            .goals()
            .iter()
            .find(|g| g.id() == id)
            .ok_or("no such goal in this case")?)
    }

    /// Reviews a goal and carries out the decision.
    pub fn review_goal(&mut self, goal: GoalId, review: GoalReview) -> Fallible<()> {
        let (on, by) = (review.on, review.by);
        self.change(Change::ReviewGoal { goal, review }, on, Some(by))
    }

    /// Records a consent with its first event.
    pub fn consent(
        &mut self,
        given_by: ConsentGiver,
        scope: Scope,
        (valid_from, valid_until): (&str, Option<&str>),
        method: ConsentMethod,
        first: ConsentEvent,
    ) -> Fallible<partnership_core::ConsentId> {
        let id = self.id();
        let (when, by) = (first.at, first.by);
        let consent = ConsentRecord::try_from(ConsentRecordParts {
            id,
            child: self.child(),
            given_by,
            scope,
            valid_from: day(valid_from)?,
            valid_until: valid_until.map(day).transpose()?,
            method,
            notice_version: Label::new("Privacy notice 2026")?,
            events: vec![first],
        })?;
        self.change(Change::AddConsent(consent), when, Some(by))?;
        Ok(id)
    }

    /// Adds an event to a consent's history.
    pub fn consent_event(
        &mut self,
        consent: partnership_core::ConsentId,
        event: ConsentEvent,
    ) -> Fallible<()> {
        let (when, by) = (event.at, event.by);
        self.change(
            Change::RecordConsentEvent { consent, event },
            when,
            Some(by),
        )
    }

    /// A question from `requested_by` to share `categories` with `recipient`, named by
    /// id: the record supplies the recipient's role and agency.
    pub fn question(
        &mut self,
        requested_by: ProfessionalId,
        recipient: RecipientRef,
        purpose: Purpose,
        categories: Vec<DataCategory>,
    ) -> Fallible<SharingQuestion> {
        let id = self.id();
        Ok(SharingQuestion::new(
            id,
            self.child(),
            requested_by,
            recipient,
            purpose,
            categories,
        )?)
    }

    /// Asks the record what it would decide about a question at `at`, recording
    /// nothing.
    pub fn what_if(&mut self, question: &SharingQuestion, at: DateTime<Utc>) -> Fallible<WhatIf> {
        let answer = self.record()?.what_if(question, at)?;
        self.ask(question, answer.decision(), None)?;
        Ok(answer)
    }

    /// Asks the record to decide a question at `decided_at`, as a service would: the
    /// record decides on its own facts and records the decision, permit or refusal,
    /// before it answers.
    pub fn share(
        &mut self,
        question: &SharingQuestion,
        decided_at: DateTime<Utc>,
    ) -> Fallible<Decided> {
        let Stage::Open { record, .. } = &mut self.stage else {
            return Err(NOT_OPEN.into());
        };
        let decided = record.decide(question, decided_at)?;
        // What is recorded after a decision is recorded after it.
        self.now = self.now.max(decided_at);
        self.ask(question, decided.decision(), Some(decided.ledger_index()))?;
        Ok(decided)
    }

    /// [`share`](Self::share), under the commencement days the service has set.
    pub fn share_under(
        &mut self,
        question: &SharingQuestion,
        decided_at: DateTime<Utc>,
        law: &LawInForce,
    ) -> Fallible<Decided> {
        let Stage::Open { record, .. } = &mut self.stage else {
            return Err(NOT_OPEN.into());
        };
        let decided = record.decide_under(question, decided_at, law)?;
        self.now = self.now.max(decided_at);
        self.ask(question, decided.decision(), Some(decided.ledger_index()))?;
        Ok(decided)
    }

    /// [`what_if`](Self::what_if), under the commencement days the service has set.
    pub fn what_if_under(
        &mut self,
        question: &SharingQuestion,
        at: DateTime<Utc>,
        law: &LawInForce,
    ) -> Fallible<WhatIf> {
        let answer = self.record()?.what_if_under(question, at, law)?;
        self.ask(question, answer.decision(), None)?;
        Ok(answer)
    }

    /// Records a decision not to disclose under the exception to the duty to share,
    /// at `decided_at`; the index of its ledger entry.
    pub fn not_disclosed(
        &mut self,
        question: &SharingQuestion,
        exception: DetrimentExceptionParts,
        decided_at: DateTime<Utc>,
        law: &LawInForce,
    ) -> Fallible<u64> {
        let Stage::Open { record, .. } = &mut self.stage else {
            return Err(NOT_OPEN.into());
        };
        let index = record.record_not_disclosed(question, exception, decided_at, law)?;
        self.now = self.now.max(decided_at);
        let decision = usize::try_from(index)
            .ok()
            .and_then(|n| self.record().ok()?.disclosures().get(n))
            .map(|entry| entry.decision.clone())
            .ok_or("the decision not to disclose is in the ledger")?;
        self.ask(question, &decision, Some(index))?;
        Ok(index)
    }

    /// Records a barrier as identified.
    pub fn barrier(
        &mut self,
        kind: BarrierKind,
        affects: Vec<CarerId>,
        (identified_by, identified_on): (PartyRef, &str),
        description: &str,
        severity: Severity,
    ) -> Fallible<partnership_core::BarrierId> {
        let id = self.id();
        let identified_on = day(identified_on)?;
        let barrier = Barrier::try_from(BarrierParts {
            id,
            kind,
            affects,
            goals: vec![],
            identified_by,
            identified_on,
            description: note(description),
            severity,
            owner: None,
            mitigations: vec![],
            history: vec![],
        })?;
        self.change(
            Change::AddBarrier(barrier),
            identified_on,
            Some(identified_by),
        )?;
        Ok(id)
    }

    /// The barrier with this id, to read.
    pub fn the_barrier(&self, id: partnership_core::BarrierId) -> Fallible<&Barrier> {
        Ok(self
            .record()?
            .barriers()
            .iter()
            .find(|b| b.id() == id)
            .ok_or("no such barrier in this case")?)
    }

    /// Names `owner` as the owner of a barrier from `since`.
    pub fn own_barrier(
        &mut self,
        barrier: partnership_core::BarrierId,
        owner: PartyRef,
        since: NaiveDate,
    ) -> Fallible<()> {
        let change = Change::AssignBarrierOwner {
            barrier,
            owner,
            since,
        };
        self.change(change, since, Some(owner))
    }

    /// Starts a mitigation on a barrier.
    pub fn mitigate(
        &mut self,
        barrier: partnership_core::BarrierId,
        mitigation: MitigationAttempt,
    ) -> Fallible<()> {
        let (on, by) = (mitigation.started_on, mitigation.by);
        let change = Change::StartMitigation {
            barrier,
            mitigation,
        };
        self.change(change, on, Some(by))
    }

    /// Records whether a mitigation on a barrier helped.
    pub fn review_mitigation(
        &mut self,
        barrier: partnership_core::BarrierId,
        mitigation: MitigationId,
        review: EffectivenessReview,
    ) -> Fallible<()> {
        let (on, by) = (review.on, review.by);
        let change = Change::ReviewMitigation {
            barrier,
            mitigation,
            review,
        };
        self.change(change, on, Some(by))
    }

    /// Resolves a barrier on `on`.
    pub fn resolve_barrier(
        &mut self,
        barrier: partnership_core::BarrierId,
        on: NaiveDate,
        by: PartyRef,
    ) -> Fallible<()> {
        let change = Change::ChangeBarrierStatus {
            barrier,
            change: StatusChange::to(BarrierStatus::Resolved, on, by),
        };
        self.change(change, on, Some(by))
    }

    /// Starts a review schedule.
    pub fn reviews(&mut self, kind: ReviewKind, starts_on: &str) -> Fallible<ReviewScheduleId> {
        let id = self.id();
        let schedule = ReviewSchedule::try_from(ReviewScheduleParts {
            id,
            child: self.child(),
            kind,
            starts_on: day(starts_on)?,
            outcomes: vec![],
            due_soon_days: 14,
            invitation_notice_days: 14,
        })?;
        self.change(Change::AddReviewSchedule(schedule), self.now, None)?;
        Ok(id)
    }

    /// The review schedule with this id, to read.
    pub fn schedule(&self, id: ReviewScheduleId) -> Fallible<&ReviewSchedule> {
        Ok(self
            .record()?
            .reviews()
            .iter()
            .find(|r| r.id() == id)
            .ok_or("no such review schedule in this case")?)
    }

    /// The carers who agree the goal each agree it on `on`; `by` accepts the goal
    /// and then makes it active, on the agreement the record shows.
    pub fn agree_and_activate(
        &mut self,
        goal: GoalId,
        carers: &[CarerId],
        on: &str,
        by: PartyRef,
    ) -> Fallible<()> {
        let on = day(on)?;
        self.involve(carers.iter().map(|&id| PartyRef::Carer { id }));
        for carer in carers {
            let agreed = Change::AgreeToGoal {
                goal,
                carer: *carer,
                on,
            };
            self.change(agreed, on, Some(by))?;
        }
        let accepted = Transition {
            to: GoalStatus::Accepted,
            on,
            by,
            reason: None,
            basis: None,
        };
        let moved = Change::MoveGoal {
            goal,
            transition: accepted,
        };
        self.change(moved, on, Some(by))?;
        self.change(Change::ActivateGoal { goal, on, by }, on, Some(by))
    }

    /// Records a goal attainment level seen by `by` in `setting`.
    pub fn progress(
        &mut self,
        goal: GoalId,
        (on, by, setting): (&str, PartyRef, Setting),
        level: i64,
        achievement: AchievementStatus,
        observation: &str,
    ) -> Fallible<()> {
        let on = day(on)?;
        let entry = ProgressEntry {
            id: self.id(),
            on,
            recorded_by: by,
            setting,
            level: GasLevel::new(level)?,
            achievement,
            note: Some(note(observation)),
        };
        self.change(Change::RecordProgress { goal, entry }, on, Some(by))
    }

    /// Records a review meeting held on `held_on` in a schedule.
    pub fn hold_review(
        &mut self,
        schedule: ReviewScheduleId,
        held_on: &str,
        attended: Vec<PartyRef>,
        goals: Vec<GoalReviewed>,
        carer_feedback: Vec<(CarerId, &str)>,
        next_review_agreed: Option<&str>,
    ) -> Fallible<()> {
        let held_on = day(held_on)?;
        self.involve(attended.iter().copied());
        let chair = attended
            .iter()
            .copied()
            .find(|p| matches!(p, PartyRef::Professional { .. }));
        let outcome = ReviewOutcome {
            review: self.id(),
            held_on,
            attended,
            goals,
            changes_agreed: vec![],
            carer_feedback: carer_feedback
                .into_iter()
                .map(|(carer, feedback)| CarerFeedback {
                    carer,
                    feedback: note(feedback),
                })
                .collect(),
            next_review_agreed: next_review_agreed.map(day).transpose()?,
        };
        let change = Change::RecordReviewOutcome { schedule, outcome };
        self.change(change, held_on, chair)
    }

    /// Agrees with a carer how often, how and from whom they hear how things are going.
    pub fn agree_updates(
        &mut self,
        carer: CarerId,
        frequency: UpdateFrequency,
        channel: Channel,
        updates_given_by: ProfessionalId,
        agreed_on: &str,
    ) -> Fallible<CommunicationAgreement> {
        let given_by = PartyRef::Professional {
            id: updates_given_by,
        };
        let agreed_on = day(agreed_on)?;
        let agreement = CommunicationAgreement {
            id: self.id(),
            carer,
            frequency,
            channel,
            updates_given_by: given_by,
            agreed_on,
        };
        let change = Change::AddAgreement(agreement.clone());
        self.change(change, agreed_on, Some(given_by))?;
        Ok(agreement)
    }

    /// Logs a discussion between `participants`, with any actions agreed as
    /// `(action, owner, due on)`.
    pub fn discuss(
        &mut self,
        on: &str,
        channel: Channel,
        participants: Vec<PartyRef>,
        summary: &str,
        actions: Vec<(&str, PartyRef, &str)>,
    ) -> Fallible<()> {
        let mut agreed_actions = Vec::with_capacity(actions.len());
        for (description, owner, due_on) in actions {
            agreed_actions.push(AgreedAction {
                id: self.id(),
                description: note(description),
                owner,
                due_on: day(due_on)?,
                completed_on: None,
            });
        }
        let on = day(on)?;
        self.involve(participants.iter().copied());
        let recorder = participants
            .iter()
            .copied()
            .find(|p| matches!(p, PartyRef::Professional { .. }));
        let record = ContactRecord::try_from(ContactRecordParts {
            id: self.id(),
            date: on,
            channel,
            participants,
            summary: note(summary),
            agreed_actions,
        })?;
        self.change(Change::RecordContact(record), on, recorder)
    }

    /// Marks the agreed action with this description done.
    pub fn complete_action(&mut self, description: &str, on: &str) -> Fallible<()> {
        let action = self
            .record()?
            .contact_log()
            .iter()
            .flat_map(|r| r.agreed_actions())
            .find(|a| a.description.expose() == description)
            .ok_or("no such agreed action in this case")?;
        let (id, owner) = (action.id, action.owner);
        let on = day(on)?;
        self.change(Change::CompleteAction { action: id, on }, on, Some(owner))
    }

    /// Sets out a proposed goal's plan: who does what, where and how often (in that
    /// order), then anything else `adjust` fills in (the measure, the target, the
    /// child's view).
    pub fn plan(
        &mut self,
        goal: GoalId,
        duties: impl IntoIterator<Item = (PartyRef, &'static str, Setting, Frequency)>,
        adjust: impl FnOnce(&mut GoalPlan) -> Fallible<()>,
    ) -> Fallible<()> {
        let responsibilities = duties
            .into_iter()
            .map(|(party, action, setting, frequency)| {
                self.who_does(party, action, setting, frequency)
            })
            .collect();
        let mut plan = self.the_goal(goal)?.plan();
        plan.responsibilities = responsibilities;
        adjust(&mut plan)?;
        self.change(Change::ReviseGoalPlan { goal, plan }, self.now, None)
    }

    /// A responsibility on a goal: who does what, where, how often.
    pub fn who_does(
        &mut self,
        party: PartyRef,
        action: &str,
        setting: Setting,
        frequency: Frequency,
    ) -> Responsibility {
        Responsibility {
            id: self.id(),
            party,
            action: note(action),
            setting,
            frequency,
        }
    }

    /// Notes that these parties took part in what happens next.
    fn involve(&mut self, parties: impl IntoIterator<Item = PartyRef>) {
        for party in parties {
            if !self.involved.contains(&party) {
                self.involved.push(party);
            }
        }
    }

    /// Keeps a sharing question and its answer for the step that tells of it.
    fn ask(
        &mut self,
        question: &SharingQuestion,
        decision: &SharingDecision,
        ledger_index: Option<u64>,
    ) -> Fallible<()> {
        let asked = step_decision(self.record()?, question, decision, ledger_index)?;
        let asked_by = PartyRef::Professional {
            id: question.requested_by(),
        };
        self.involve([asked_by]);
        if let RecipientRef::Carer { id, .. } = question.recipient() {
            self.involve([PartyRef::Carer { id: *id }]);
        } else if let RecipientRef::Professional { id, .. } = question.recipient() {
            self.involve([PartyRef::Professional { id: *id }]);
        }
        self.asked.push(asked);
        Ok(())
    }

    /// Ends the scenario with an exercise on `on` (its last day, or later with
    /// nothing more recorded): the practice report that day must find exactly the
    /// `expected` findings, in any order, and each question is answered by the
    /// record's what-if at noon that day.
    pub fn exercise(
        &mut self,
        on: &str,
        setting: &'static str,
        expected: &[FindingCode],
        questions: Vec<(&'static str, SharingQuestion)>,
    ) -> Fallible<()> {
        let as_of = day(on)?;
        let record = self.record()?;
        let findings = record.practice_report(as_of).findings;
        let mut found: Vec<FindingCode> = findings.iter().map(|f| f.code).collect();
        let mut wanted = expected.to_vec();
        found.sort();
        wanted.sort();
        if found != wanted {
            return Err(format!(
                "the exercise on {on} expects {wanted:?}, and the report finds {found:?}"
            )
            .into());
        }
        let noon = partnership_core::noon_on(as_of);
        let mut answered = Vec::with_capacity(questions.len());
        for (ask, question) in questions {
            let answer = record.what_if(&question, noon)?;
            let decision = step_decision(record, &question, answer.decision(), None)?;
            answered.push(ExerciseQuestion {
                ask,
                answer: if answer.decision().is_permit() {
                    "Yes"
                } else {
                    "No"
                },
                decision,
            });
        }
        self.exercise = Some(Exercise {
            as_of,
            setting,
            prompt: "What needs attention here, and what would you do about it?",
            findings,
            questions: answered,
        });
        Ok(())
    }

    /// Narrates a step: what happened on `on`, the library calls that recorded it
    /// (separated by commas), and the principle it shows. The step takes with it
    /// everything recorded and asked since the last one: the parts of the record
    /// changed, the people who took part and the sharing decisions.
    pub fn step(
        &mut self,
        on: &str,
        principle: Principle,
        library_calls: &'static str,
        what_happens: impl Into<String>,
    ) -> Fallible<()> {
        let mut involved = std::mem::take(&mut self.involved);
        let child = self.child;
        let record = self.record()?;
        let json = serde_json::to_value(record)?;
        let (seen_changes, seen_decisions) = self.accounted;
        let mut changed: Vec<String> = Vec::new();
        let changes = record.provenance().get(seen_changes..).unwrap_or_default();
        for entry in changes {
            if let Some(pointer) = pointer_to(&json, &entry.subject.to_string())
                && !changed.contains(&pointer)
            {
                changed.push(pointer);
            }
        }
        let decisions = record.disclosures().len();
        for n in seen_decisions..decisions {
            changed.push(format!("/disclosures/{n}"));
        }
        // Who took part: those the calls named, then everyone the parts changed name
        // (a goal's responsibilities, a contact's participants, the professional who
        // recorded it) and, in a step about the child taking part, the child.
        let mut named = |who: PartyRef| {
            if !involved.contains(&who) {
                involved.push(who);
            }
        };
        if principle == Principle::ChildParticipation {
            named(PartyRef::Child { id: child });
        }
        for pointer in &changed {
            if let Some(part) = json.pointer(pointer) {
                parties_in(part, child, &mut named);
            }
        }
        for entry in changes {
            named(PartyRef::Professional { id: entry.by });
        }
        let parties = involved
            .iter()
            .filter_map(|who| party(record, *who))
            .collect();
        // The last day anything in the step was recorded, when after the step's own.
        let on = day(on)?;
        let last_recorded = changes
            .iter()
            .map(|entry| entry.at)
            .chain(
                record
                    .disclosures()
                    .iter()
                    .skip(seen_decisions)
                    .map(|entry| entry.recorded_at),
            )
            .map(partnership_core::uk_date)
            .max();
        let until = last_recorded.filter(|last| *last > on);
        let provenance = record.provenance().len();
        self.steps.push(Step {
            on,
            until,
            principle,
            principle_in_words: principle.words(),
            parties,
            changed,
            decisions: std::mem::take(&mut self.asked),
            for_practitioners: what_happens.into(),
            library_calls: library_calls.split(", ").collect(),
        });
        self.accounted = (provenance, decisions);
        Ok(())
    }

    fn finish(self, about: &About) -> Fallible<Scenario> {
        if let Some(pair) = self
            .steps
            .windows(2)
            .find(|w| w.first().map(|s| s.on) > w.get(1).map(|s| s.on))
        {
            let later = pair.first().map(|s| s.on.to_string()).unwrap_or_default();
            return Err(format!("steps are out of order after {later}").into());
        }
        let Stage::Open { record, .. } = self.stage else {
            return Err(NOT_OPEN.into());
        };
        // Every change and every decision belongs to a step: a scenario tells all
        // that happened in its record.
        if self.accounted != (record.provenance().len(), record.disclosures().len())
            || !self.asked.is_empty()
        {
            return Err("something was recorded or asked after the last step".into());
        }
        let as_of = day(about.as_of)?;
        if self.exercise.as_ref().is_some_and(|e| e.as_of < as_of) {
            return Err("an exercise is set on the scenario's last day or later".into());
        }
        Ok(Scenario {
            slug: about.slug,
            title: about.title,
            situation: about.situation,
            as_of,
            steps: self.steps,
            report: record.practice_report(as_of),
            record: *record,
            exercise: self.exercise,
        })
    }
}

/// A sharing question and the record's answer, as a step or an exercise holds them.
fn step_decision(
    record: &PartnershipRecord,
    question: &SharingQuestion,
    decision: &SharingDecision,
    ledger_index: Option<u64>,
) -> Fallible<StepDecision> {
    let asked_by = PartyRef::Professional {
        id: question.requested_by(),
    };
    Ok(StepDecision {
        asked_by: party(record, asked_by).ok_or("the asker is in the team")?,
        recipient: recipient_party(record, question.recipient())
            .ok_or("the recipient is in the record")?,
        purpose: question.purpose().clone(),
        data_categories: question.data_categories().to_vec(),
        answer: ShareAnswer {
            recorded: ledger_index.is_some(),
            ledger_index,
            decision: decision.clone(),
        },
        in_words: decision.without_ids().to_string(),
    })
}

/// Someone in the record, by name and role; `None` if the record does not have them.
/// Every party a part of the record names (written `{"kind": "carer", "id": …}`),
/// and the child where the part holds the child's view.
fn parties_in(part: &serde_json::Value, child: ChildId, named: &mut impl FnMut(PartyRef)) {
    match part {
        serde_json::Value::Object(members) => {
            if members.len() == 2
                && let Some(kind) = members.get("kind").and_then(serde_json::Value::as_str)
                && let Some(id) = members
                    .get("id")
                    .and_then(serde_json::Value::as_str)
                    .and_then(partnership_core::parse_canonical_uuid)
            {
                match kind {
                    "carer" => named(PartyRef::Carer { id: id.into() }),
                    "professional" => named(PartyRef::Professional { id: id.into() }),
                    "child" => named(PartyRef::Child { id: id.into() }),
                    _ => {}
                }
            }
            for (name, member) in members {
                if name == "childsView" {
                    named(PartyRef::Child { id: child });
                }
                parties_in(member, child, named);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                parties_in(item, child, named);
            }
        }
        _ => {}
    }
}

fn party(record: &PartnershipRecord, who: PartyRef) -> Option<Party> {
    match who {
        PartyRef::Child { .. } => Some(Party::Child {
            name: record.child().name().expose().to_string(),
        }),
        PartyRef::Carer { id } => {
            record
                .carers()
                .iter()
                .find(|c| c.id() == id)
                .map(|c| Party::Carer {
                    name: c.name().expose().to_string(),
                    relationship: c.relationship().to_string(),
                })
        }
        PartyRef::Professional { id } => {
            let professional = record.professionals().iter().find(|p| p.id == id)?;
            let agency = record
                .agencies()
                .iter()
                .find(|a| a.id == professional.agency)?;
            Some(Party::Professional {
                name: professional.name.expose().to_string(),
                role: professional.role.to_string(),
                agency: agency.name.to_string(),
            })
        }
    }
}

/// The recipient of a sharing question, by name and role.
fn recipient_party(record: &PartnershipRecord, recipient: &RecipientRef) -> Option<Party> {
    match recipient {
        RecipientRef::Carer { id, .. } => party(record, PartyRef::Carer { id: *id }),
        RecipientRef::Professional { id, .. } => party(record, PartyRef::Professional { id: *id }),
        RecipientRef::Agency { id, .. } => {
            let agency = record.agencies().iter().find(|a| a.id == *id)?;
            Some(Party::Agency {
                name: agency.name.to_string(),
                agency_kind: agency.kind.to_string(),
            })
        }
        _ => None,
    }
}

/// The JSON Pointer of the object whose `id` is `id`, the shallowest first: the part
/// of the record a change with that subject made or changed.
fn pointer_to(json: &serde_json::Value, id: &str) -> Option<String> {
    let mut level: Vec<(String, &serde_json::Value)> = vec![(String::new(), json)];
    while !level.is_empty() {
        let mut next = Vec::new();
        for (pointer, value) in level {
            match value {
                serde_json::Value::Object(members) => {
                    if members.get("id").and_then(serde_json::Value::as_str) == Some(id) {
                        return Some(pointer);
                    }
                    for (name, member) in members {
                        let name = name.replace('~', "~0").replace('/', "~1");
                        next.push((format!("{pointer}/{name}"), member));
                    }
                }
                serde_json::Value::Array(items) => {
                    for (n, item) in items.iter().enumerate() {
                        next.push((format!("{pointer}/{n}"), item));
                    }
                }
                _ => {}
            }
        }
        level = next;
    }
    None
}

/// What a case says when asked for its record before a professional has opened it.
const NOT_OPEN: &str = "the record opens when the first professional joins the case";

/// A carer consenting or otherwise acting on a consent, at a moment.
pub(crate) fn consent_event(
    kind: ConsentEventKind,
    at: DateTime<Utc>,
    by: PartyRef,
) -> ConsentEvent {
    ConsentEvent::new(kind, at, by)
}

/// A professional as the recipient of shared information, by id.
pub(crate) fn recipient(id: ProfessionalId) -> RecipientRef {
    RecipientRef::professional(id)
}

/// What a SMART check found, in words: "no gaps", or each gap.
pub(crate) fn smart_words(findings: &[SmartFinding]) -> String {
    if findings.is_empty() {
        return "no gaps".to_owned();
    }
    let gaps: Vec<String> = findings.iter().map(ToString::to_string).collect();
    format!("gaps to close: {}", gaps.join("; "))
}

/// A recorded sharing decision in words, for a narrative: "permitted: covered by 1
/// consent (ledger entry 2)" or "refused (ledger entry 0), because ...".
pub(crate) fn decided(outcome: &Decided) -> String {
    match outcome.decision() {
        SharingDecision::Permit { .. } | SharingDecision::NotDisclosed { .. } => {
            format!(
                "{} (ledger entry {})",
                outcome.decision().without_ids(),
                outcome.ledger_index()
            )
        }
        SharingDecision::Refuse { reasons } => {
            let reasons: Vec<String> = reasons
                .iter()
                .map(|reason| reason.without_ids().to_string())
                .collect();
            format!(
                "refused (ledger entry {}), because {}",
                outcome.ledger_index(),
                reasons.join("; and ")
            )
        }
    }
}

/// A what-if answer in words, for a narrative: "would be permitted without consent
/// under safeguarding justification …, though nothing was shared or recorded".
pub(crate) fn would_words(answer: &WhatIf) -> String {
    match answer.decision() {
        SharingDecision::Permit { .. } | SharingDecision::NotDisclosed { .. } => format!(
            "would be {}, though nothing is shared or recorded by asking",
            answer.decision().without_ids()
        ),
        SharingDecision::Refuse { reasons } => {
            let reasons: Vec<String> = reasons
                .iter()
                .map(|reason| reason.without_ids().to_string())
                .collect();
            format!(
                "would be refused (nothing is shared or recorded by asking), because {}",
                reasons.join("; and ")
            )
        }
    }
}
