//! The scenario writer's kit: a case being built step by step, with deterministic ids.
//!
//! Each scenario starts a [`Case`], adds the people in it, then walks through what
//! happens, calling the domain crates exactly as a service would and narrating each
//! result. [`Case::finish`] checks the whole record as a partner system would.

use std::error::Error;
use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, Utc};
use partnership_barriers::{Barrier, BarrierKind, BarrierParts, BarrierRegister, Severity};
use partnership_carers::{
    AgreedAction, Carer, CarerParts, Channel, CommunicationAgreement, CommunicationPreferences,
    ContactLog, ContactRecord, ContactRecordParts, CulturalConsiderations, Involvement,
    LanguageTag, LegalStanding, Relationship, UpdateFrequency,
};
use partnership_consent::{
    ConsentEvent, ConsentEventKind, ConsentGiver, ConsentMethod, ConsentRecord, ConsentRecordParts,
    DataCategory, Purpose, RecipientRef, Scope, SharingDecision, SharingQuestion,
};
use partnership_core::{
    Agency, AgencyId, AgencyKind, CarerId, ChildId, ChildProfile, ChildProfileParts, GoalId, Label,
    PartyRef, Professional, ProfessionalId, ProfessionalRole, ReviewScheduleId, Sensitive,
};
use partnership_goals::{
    AchievementStatus, Frequency, GasLevel, GoalStatus, OutcomeArea, ProgressEntry, Responsibility,
    Setting, SharedGoal, SharedGoalParts, SmartFinding, Transition,
};
use partnership_record::{
    Decided, PartnershipRecord, PartnershipRecordParts, Principle, SCHEMA_VERSION, WhatIf,
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

use crate::{Scenario, ScenarioError, Step};

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
    let mut case = Case::new(space, child_name, date_of_birth).map_err(wrap)?;
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

/// A case being written: the record so far and the narrated steps.
pub(crate) struct Case {
    space: IdSpace,
    next: u64,
    pub parts: PartnershipRecordParts,
    steps: Vec<Step>,
}

impl Case {
    pub(crate) fn new(space: IdSpace, child_name: &str, date_of_birth: &str) -> Fallible<Self> {
        let mut case = Self {
            space,
            next: 0,
            parts: PartnershipRecordParts {
                schema_version: SCHEMA_VERSION,
                id: Uuid::nil().into(),
                child: ChildProfile::try_from(ChildProfileParts {
                    id: Uuid::nil().into(),
                    name: name(child_name)?,
                    date_of_birth: day(date_of_birth)?,
                    nhs_number: None,
                    identifiers: vec![],
                    communication_needs: vec![],
                    views: vec![],
                })?,
                carers: vec![],
                professionals: vec![],
                agencies: vec![],
                communication_agreements: vec![],
                contact_log: ContactLog::default(),
                goals: vec![],
                consents: vec![],
                competence_assessments: vec![],
                withholding_rules: vec![],
                justifications: vec![],
                disclosures: Default::default(),
                checkpoints: vec![],
                barriers: BarrierRegister::default(),
                reviews: vec![],
                provenance: vec![],
            },
            steps: vec![],
        };
        case.parts.id = case.id();
        let child = case.id();
        case.update_child(|c| c.id = child)?;
        Ok(case)
    }

    /// A new id, the same every run: the case's id space, then a counter.
    pub fn id<T: From<Uuid>>(&mut self) -> T {
        self.next += 1;
        self.space.uuid(self.next).into()
    }

    /// The child's id.
    pub fn child(&self) -> ChildId {
        self.parts.child.id
    }

    /// Changes the child's profile; the profile's own rules are checked again.
    pub fn update_child(&mut self, change: impl FnOnce(&mut ChildProfileParts)) -> Fallible<()> {
        let mut parts = self.parts.child.clone().into_parts();
        change(&mut parts);
        self.parts.child = ChildProfile::try_from(parts)?;
        Ok(())
    }

    /// Adds an agency or setting.
    pub fn agency(&mut self, agency_name: &str, kind: AgencyKind) -> Fallible<AgencyId> {
        let id = self.id();
        self.parts.agencies.push(Agency {
            id,
            name: Label::new(agency_name)?,
            kind,
        });
        Ok(id)
    }

    /// Adds a professional working at `agency`.
    pub fn professional(
        &mut self,
        person: &str,
        role: ProfessionalRole,
        agency: AgencyId,
    ) -> Fallible<ProfessionalId> {
        let id = self.id();
        self.parts.professionals.push(Professional {
            id,
            name: name(person)?,
            role,
            agency,
            work_contact: None,
        });
        Ok(id)
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
        let mut parts = CarerParts {
            id,
            name: name(person)?,
            relationship,
            legal_standing,
            lives_with_child: true,
            primary_contact: self.parts.carers.is_empty(),
            communication: CommunicationPreferences::in_language(LanguageTag::parse(language)?),
            considerations: CulturalConsiderations::default(),
            support: vec![],
            involvement: Involvement::default(),
        };
        adjust(&mut parts);
        self.parts.carers.push(Carer::try_from(parts)?);
        Ok(id)
    }

    /// Changes a carer; the carer's own rules are checked again.
    pub fn update_carer(
        &mut self,
        id: CarerId,
        change: impl FnOnce(&mut CarerParts),
    ) -> Fallible<()> {
        let slot = self
            .parts
            .carers
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or("no such carer in this case")?;
        let mut parts = slot.clone().into_parts();
        change(&mut parts);
        *slot = Carer::try_from(parts)?;
        Ok(())
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
        let mut parts = SharedGoalParts {
            id,
            child: self.child(),
            area,
            description: note(description),
            measure: None,
            created_on: day(created_on)?,
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
        self.parts.goals.push(SharedGoal::try_from(parts)?);
        Ok(id)
    }

    /// The goal with this id, to act on.
    pub fn goal_mut(&mut self, id: GoalId) -> Fallible<&mut SharedGoal> {
        Ok(self
            .parts
            .goals
            .iter_mut()
            .find(|g| g.id == id)
            .ok_or("no such goal in this case")?)
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
        self.parts
            .consents
            .push(ConsentRecord::try_from(ConsentRecordParts {
                id,
                child: self.child(),
                given_by,
                scope,
                valid_from: day(valid_from)?,
                valid_until: valid_until.map(day).transpose()?,
                method,
                notice_version: Label::new("Privacy notice 2026")?,
                events: vec![first],
            })?);
        Ok(id)
    }

    /// Adds an event to a consent's history; the history's rules are checked again.
    pub fn consent_event(
        &mut self,
        id: partnership_core::ConsentId,
        event: ConsentEvent,
    ) -> Fallible<()> {
        let slot = self
            .parts
            .consents
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or("no such consent in this case")?;
        *slot = slot.clone().with_event(event)?;
        Ok(())
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
    pub fn what_if(&self, question: &SharingQuestion, at: DateTime<Utc>) -> Fallible<WhatIf> {
        let record = PartnershipRecord::try_from(self.parts.clone())?;
        Ok(record.what_if(question, at)?)
    }

    /// Asks the record to decide a question at `decided_at`, as a service would: the
    /// record decides on its own facts and records the decision, permit or refusal,
    /// before it answers.
    pub fn share(
        &mut self,
        question: &SharingQuestion,
        decided_at: DateTime<Utc>,
    ) -> Fallible<Decided> {
        let mut record = PartnershipRecord::try_from(self.parts.clone())?;
        let decided = record.decide(question, decided_at)?;
        self.parts = record.into_parts();
        Ok(decided)
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
        let barrier = Barrier::try_from(BarrierParts {
            id,
            kind,
            affects,
            goals: vec![],
            identified_by,
            identified_on: day(identified_on)?,
            description: note(description),
            severity,
            owner: None,
            mitigations: vec![],
            history: vec![],
        })?;
        let mut barriers = std::mem::take(&mut self.parts.barriers).into_parts();
        barriers.push(barrier);
        self.parts.barriers = BarrierRegister::try_from(barriers)?;
        Ok(id)
    }

    /// Acts on a barrier through its own methods; the register is checked again.
    pub fn update_barrier(
        &mut self,
        id: partnership_core::BarrierId,
        act: impl FnOnce(&mut Barrier) -> Fallible<()>,
    ) -> Fallible<()> {
        let mut barriers = std::mem::take(&mut self.parts.barriers).into_parts();
        let slot = barriers
            .iter_mut()
            .find(|b| b.id == id)
            .ok_or("no such barrier in this case")?;
        act(slot)?;
        self.parts.barriers = BarrierRegister::try_from(barriers)?;
        Ok(())
    }

    /// Starts a review schedule.
    pub fn reviews(&mut self, kind: ReviewKind, starts_on: &str) -> Fallible<ReviewScheduleId> {
        let id = self.id();
        self.parts
            .reviews
            .push(ReviewSchedule::try_from(ReviewScheduleParts {
                id,
                child: self.child(),
                kind,
                starts_on: day(starts_on)?,
                outcomes: vec![],
                due_soon_days: 14,
                invitation_notice_days: 14,
            })?);
        Ok(id)
    }

    /// The review schedule with this id, to record outcomes on.
    pub fn reviews_mut(&mut self, id: ReviewScheduleId) -> Fallible<&mut ReviewSchedule> {
        Ok(self
            .parts
            .reviews
            .iter_mut()
            .find(|r| r.id == id)
            .ok_or("no such review schedule in this case")?)
    }

    /// The carers who agree the goal each agree it on `on`; the goal is accepted and
    /// then made active by `by`, on the basis of those agreements.
    pub fn agree_and_activate(
        &mut self,
        goal: GoalId,
        carers: &[CarerId],
        on: &str,
        by: PartyRef,
    ) -> Fallible<()> {
        let on = day(on)?;
        let goal = self.goal_mut(goal)?;
        for carer in carers {
            goal.agree(*carer, on)?;
        }
        goal.transition(Transition {
            to: GoalStatus::Accepted,
            on,
            by,
            reason: None,
            basis: None,
        })?;
        goal.activate(on, by, carers)?;
        Ok(())
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
        let entry = ProgressEntry {
            id: self.id(),
            on: day(on)?,
            recorded_by: by,
            setting,
            level: GasLevel::new(level)?,
            achievement,
            note: Some(note(observation)),
        };
        self.goal_mut(goal)?.record_progress(entry)?;
        Ok(())
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
        let outcome = ReviewOutcome {
            review: self.id(),
            held_on: day(held_on)?,
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
        self.reviews_mut(schedule)?.record(outcome)?;
        Ok(())
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
        let agreement = CommunicationAgreement {
            id: self.id(),
            carer,
            frequency,
            channel,
            updates_given_by: PartyRef::Professional {
                id: updates_given_by,
            },
            agreed_on: day(agreed_on)?,
        };
        self.parts.communication_agreements.push(agreement.clone());
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
        let record = ContactRecord::try_from(ContactRecordParts {
            id: self.id(),
            date: day(on)?,
            channel,
            participants,
            summary: note(summary),
            agreed_actions,
        })?;
        let mut log = std::mem::take(&mut self.parts.contact_log).into_parts();
        log.push(record);
        self.parts.contact_log = ContactLog::try_from(log)?;
        Ok(())
    }

    /// Marks an agreed action done.
    pub fn complete_action(&mut self, description: &str, on: &str) -> Fallible<()> {
        let on = day(on)?;
        let mut log = std::mem::take(&mut self.parts.contact_log).into_parts();
        let mut found = false;
        for record in &mut log {
            let mut parts = record.clone().into_parts();
            for action in &mut parts.agreed_actions {
                if action.description.expose() == description {
                    action.completed_on = Some(on);
                    found = true;
                }
            }
            *record = ContactRecord::try_from(parts)?;
        }
        self.parts.contact_log = ContactLog::try_from(log)?;
        if found {
            Ok(())
        } else {
            Err("no such agreed action in this case".into())
        }
    }

    /// Sets out a proposed goal's plan: who does what, where and how often (in that
    /// order), then anything else `adjust` fills in (the measure, the target, the
    /// child's view); the goal's own rules are checked again.
    pub fn plan(
        &mut self,
        goal: GoalId,
        duties: impl IntoIterator<Item = (PartyRef, &'static str, Setting, Frequency)>,
        adjust: impl FnOnce(&mut SharedGoalParts) -> Fallible<()>,
    ) -> Fallible<()> {
        let responsibilities = duties
            .into_iter()
            .map(|(party, action, setting, frequency)| {
                self.who_does(party, action, setting, frequency)
            })
            .collect();
        let mut parts = self.goal_mut(goal)?.clone().into_parts();
        parts.responsibilities = responsibilities;
        adjust(&mut parts)?;
        *self.goal_mut(goal)? = SharedGoal::try_from(parts)?;
        Ok(())
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

    /// Narrates a step: what happened on `on`, the library call that recorded it, and
    /// the principle it shows.
    pub fn step(
        &mut self,
        on: &str,
        principle: Principle,
        library_call: &'static str,
        what_happens: impl Into<String>,
    ) -> Fallible<()> {
        self.steps.push(Step {
            on: day(on)?,
            what_happens: what_happens.into(),
            library_call,
            principle,
        });
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
        Ok(Scenario {
            slug: about.slug,
            title: about.title,
            situation: about.situation,
            as_of: day(about.as_of)?,
            record: PartnershipRecord::try_from(self.parts)?,
            steps: self.steps,
        })
    }
}

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
        SharingDecision::Permit { .. } => {
            format!(
                "{} (ledger entry {})",
                outcome.decision(),
                outcome.ledger_index()
            )
        }
        SharingDecision::Refuse { reasons } => {
            let reasons: Vec<String> = reasons.iter().map(ToString::to_string).collect();
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
        SharingDecision::Permit { .. } => format!(
            "would be {}, though nothing is shared or recorded by asking",
            answer.decision()
        ),
        SharingDecision::Refuse { reasons } => {
            let reasons: Vec<String> = reasons.iter().map(ToString::to_string).collect();
            format!(
                "would be refused (nothing is shared or recorded by asking), because {}",
                reasons.join("; and ")
            )
        }
    }
}
