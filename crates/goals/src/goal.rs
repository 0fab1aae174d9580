//! [`SharedGoal`]: a goal set with carers, with who does what, the child's view,
//! agreement, lifecycle, progress, milestones and reviews.

use std::fmt;

use chrono::NaiveDate;
use partnership_core::{
    CarerId, ChildId, ChildView, GoalId, Label, PartyRef, ResponsibilityId, Sensitive, no_repeats,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    ActivationBasis, Closure, GoalReview, GoalStatus, GoalsError, Milestone, ProgressEntry,
    ReviewDecision, Transition,
};

partnership_core::labelled_enum! {
    /// The area of the child's life a goal is about.
    pub enum OutcomeArea {
        /// Communication and language.
        CommunicationAndLanguage => "communication-and-language", "communication and language";
        /// Physical health and mobility.
        PhysicalHealthAndMobility => "physical-health-and-mobility", "physical health and mobility";
        /// Education and learning.
        EducationAndLearning => "education-and-learning", "education and learning";
        /// Social skills and relationships.
        SocialSkillsAndRelationships => "social-skills-and-relationships", "social skills and relationships";
        /// Emotional wellbeing.
        EmotionalWellbeing => "emotional-wellbeing", "emotional wellbeing";
        /// Behaviour.
        Behaviour => "behaviour", "behaviour";
        /// Independence and self-care.
        IndependenceAndSelfCare => "independence-and-self-care", "independence and self-care";
        /// Family routines.
        FamilyRoutines => "family-routines", "family routines";
        /// Health care needs.
        HealthCareNeeds => "health-care-needs", "health care needs";
    }
    /// Any other area.
    Other { label: Label => "The area, in words." }
}

/// Where something happens.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Setting {
    /// At home.
    Home,
    /// At nursery or another early years setting.
    Nursery,
    /// At school or college.
    School,
    /// At a clinic.
    Clinic,
    /// In the community.
    Community,
    /// Online.
    Online,
}

impl fmt::Display for Setting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Home => "at home",
            Self::Nursery => "at nursery",
            Self::School => "at school",
            Self::Clinic => "at clinic",
            Self::Community => "in the community",
            Self::Online => "online",
        })
    }
}

partnership_core::labelled_enum! {
    /// How often a responsibility is carried out.
    pub enum Frequency {
        /// Every day.
        Daily => "daily", "daily";
        /// Every school or nursery day.
        EverySchoolDay => "every-school-day", "every school day";
        /// Several times a week.
        SeveralTimesAWeek => "several-times-a-week", "several times a week";
        /// Weekly.
        Weekly => "weekly", "weekly";
        /// At each session (therapy, key-worker time).
        EachSession => "each-session", "at each session";
        /// When the situation arises.
        AsNeeded => "as-needed", "as needed";
    }
    /// Any other frequency ("three mornings a week").
    Other { label: Label => "The frequency, in words." }
}

/// Who does what, where and how often.
///
/// "Practise naming pictures for ten minutes after tea, daily, at home, by the
/// carer" and "use the visual timetable every morning at school, by the teaching
/// assistant" are both responsibilities of one goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Responsibility {
    /// The responsibility's id.
    pub id: ResponsibilityId,
    /// Who does it: a carer, a professional or the child.
    pub party: PartyRef,
    /// What they do. Personal data (it may describe the family's routines).
    pub action: Sensitive<String>,
    /// Where.
    pub setting: Setting,
    /// How often.
    pub frequency: Frequency,
}

/// The child's view of a goal: recorded, or the recorded reason it could not be gathered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum ChildsView {
    /// The child's view, with the aids that helped them give it.
    Recorded {
        /// The view.
        view: ChildView,
    },
    /// Why the child's view could not be gathered.
    #[serde(rename_all = "camelCase")]
    NotGathered {
        /// Why. Personal data.
        reason: Sensitive<String>,
        /// When this was recorded.
        #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
        recorded_on: NaiveDate,
        /// Who recorded it.
        recorded_by: PartyRef,
    },
}

/// A carer's agreement to a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CarerAgreement {
    /// The carer.
    pub carer: CarerId,
    /// When they agreed.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub on: NaiveDate,
}

/// The plain fields of a [`SharedGoal`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SharedGoalParts {
    /// The goal's id.
    pub id: GoalId,
    /// The child.
    pub child: ChildId,
    /// The area of the child's life it is about.
    pub area: OutcomeArea,
    /// The goal, in words. Personal data.
    pub description: Sensitive<String>,
    /// How success will be measured. Personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Sensitive<String>>,
    /// When it was created (proposed).
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub created_on: NaiveDate,
    /// When it should be achieved by; not before creation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
    pub target_date: Option<NaiveDate>,
    /// The child's view, or why it could not be gathered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub childs_view: Option<ChildsView>,
    /// Who does what, where and how often.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsibilities: Vec<Responsibility>,
    /// Carers who agreed to the goal, once each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<CarerAgreement>,
    /// Lifecycle moves after creation (a goal starts proposed), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transitions: Vec<Transition>,
    /// Progress observed, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<ProgressEntry>,
    /// Achievements to celebrate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
    /// Reviews, oldest first: how the plan adapted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<GoalReview>,
}

fn in_order(
    dates: impl IntoIterator<Item = NaiveDate>,
    created: NaiveDate,
    field: &'static str,
) -> Result<(), GoalsError> {
    let mut previous = created;
    for (index, date) in dates.into_iter().enumerate() {
        if date < created {
            return Err(GoalsError::BeforeCreated {
                field: format!("{field}/{index}/on"),
            });
        }
        if date < previous {
            return Err(GoalsError::OutOfOrder { field, index });
        }
        previous = date;
    }
    Ok(())
}

/// Checks one lifecycle move against the status before it: the rule shared by
/// construction and by [`SharedGoal::transition`].
fn check_transition(
    parts: &SharedGoalParts,
    from: GoalStatus,
    transition: &Transition,
    index: usize,
) -> Result<(), GoalsError> {
    if !from.next().contains(&transition.to) {
        return Err(GoalsError::TransitionNotAllowed {
            index,
            from: from.fhir_code(),
            to: transition.to.fhir_code(),
        });
    }
    if transition.to != GoalStatus::Active {
        if transition.basis.is_some() {
            return Err(GoalsError::BasisOnlyOnActivation { index });
        }
        return Ok(());
    }
    if parts.responsibilities.is_empty() {
        return Err(GoalsError::NotReadyToActivate {
            field: "responsibilities",
            rule: "at least one responsibility (who does what)",
        });
    }
    if parts.target_date.is_none() {
        return Err(GoalsError::NotReadyToActivate {
            field: "targetDate",
            rule: "a target date",
        });
    }
    match &transition.basis {
        None => Err(GoalsError::NoCarerAgreement { index }),
        Some(ActivationBasis::AllCarersRestricted) => Ok(()),
        Some(ActivationBasis::CarersAgreed { carers }) => {
            if carers.is_empty() {
                return Err(GoalsError::NoCarerAgreement { index });
            }
            for (carer_index, carer) in carers.iter().enumerate() {
                let agreed = parts
                    .agreements
                    .iter()
                    .any(|a| a.carer == *carer && a.on <= transition.on);
                if !agreed {
                    return Err(GoalsError::AgreementNotRecorded {
                        index,
                        carer: carer_index,
                    });
                }
            }
            Ok(())
        }
    }
}

fn check_goal(parts: &SharedGoalParts) -> Result<(), GoalsError> {
    let created = parts.created_on;
    if parts.target_date.is_some_and(|t| t < created) {
        return Err(GoalsError::BeforeCreated {
            field: "targetDate".into(),
        });
    }
    no_repeats(
        parts.responsibilities.iter().map(|r| r.id),
        "responsibilities",
    )?;
    no_repeats(parts.agreements.iter().map(|a| a.carer), "agreements")?;
    no_repeats(parts.progress.iter().map(|p| p.id), "progress")?;
    no_repeats(parts.milestones.iter().map(|m| m.id), "milestones")?;
    for (index, agreement) in parts.agreements.iter().enumerate() {
        if agreement.on < created {
            return Err(GoalsError::BeforeCreated {
                field: format!("agreements/{index}/on"),
            });
        }
    }
    for (index, milestone) in parts.milestones.iter().enumerate() {
        if milestone.on < created {
            return Err(GoalsError::BeforeCreated {
                field: format!("milestones/{index}/on"),
            });
        }
    }
    in_order(parts.progress.iter().map(|p| p.on), created, "progress")?;
    in_order(
        parts.transitions.iter().map(|t| t.on),
        created,
        "transitions",
    )?;
    in_order(parts.reviews.iter().map(|r| r.on), created, "reviews")?;
    let mut status = GoalStatus::Proposed;
    for (index, transition) in parts.transitions.iter().enumerate() {
        check_transition(parts, status, transition, index)?;
        status = transition.to;
    }
    // Target changes chain: each records the target it replaced.
    let mut target: Option<Option<NaiveDate>> = None;
    for (index, review) in parts.reviews.iter().enumerate() {
        if matches!(&review.decision, ReviewDecision::ReplaceWith { goal, .. } if *goal == parts.id)
        {
            return Err(GoalsError::ReplacedBySelf { index });
        }
        if let ReviewDecision::ChangeTarget {
            previous_target,
            new_target,
            ..
        } = &review.decision
        {
            if *new_target < review.on {
                return Err(GoalsError::TargetBeforeReview { index });
            }
            if target.is_some_and(|t| t != *previous_target) {
                return Err(GoalsError::TargetChainBroken { index });
            }
            target = Some(Some(*new_target));
        }
    }
    if target.is_some_and(|t| t != parts.target_date) {
        return Err(GoalsError::TargetNotLatest);
    }
    Ok(())
}

partnership_core::validated! {
    /// A goal set together by carers and professionals for a child: the area, what
    /// success looks like, who does what at home and in the setting, the child's view,
    /// the carers' agreement, and a lifecycle aligned with FHIR.
    ///
    /// A goal moves only through checked methods, each move recorded with who, when
    /// and why. It cannot become active until at least one carer whose agreement is
    /// required has agreed (unless every carer's involvement is restricted by a
    /// recorded decision), nor without a responsibility and a target date. Terminal
    /// statuses stay terminal. Progress and milestones cannot predate the goal.
    ///
    /// Reading a goal from JSON runs the same checks over its whole history.
    #[derive(Clone, PartialEq, Eq)]
    pub struct SharedGoal(SharedGoalParts);
    check = check_goal;
    error = GoalsError;
}

impl SharedGoal {
    /// The goal's id.
    pub fn id(&self) -> GoalId {
        self.0.id
    }

    /// The child.
    pub fn child(&self) -> ChildId {
        self.0.child
    }

    /// The area of the child's life it is about.
    pub fn area(&self) -> &OutcomeArea {
        &self.0.area
    }

    /// The goal, in words. Personal data.
    pub fn description(&self) -> &Sensitive<String> {
        &self.0.description
    }

    /// How success will be measured. Personal data.
    pub fn measure(&self) -> &Option<Sensitive<String>> {
        &self.0.measure
    }

    /// When it was created (proposed).
    pub fn created_on(&self) -> NaiveDate {
        self.0.created_on
    }

    /// When it should be achieved by; not before creation.
    pub fn target_date(&self) -> Option<NaiveDate> {
        self.0.target_date
    }

    /// The child's view, or why it could not be gathered.
    pub fn childs_view(&self) -> &Option<ChildsView> {
        &self.0.childs_view
    }

    /// Who does what, where and how often.
    pub fn responsibilities(&self) -> &[Responsibility] {
        &self.0.responsibilities
    }

    /// Carers who agreed to the goal, once each.
    pub fn agreements(&self) -> &[CarerAgreement] {
        &self.0.agreements
    }

    /// Lifecycle moves after creation (a goal starts proposed), oldest first.
    pub fn transitions(&self) -> &[Transition] {
        &self.0.transitions
    }

    /// Progress observed, oldest first.
    pub fn progress(&self) -> &[ProgressEntry] {
        &self.0.progress
    }

    /// Achievements to celebrate.
    pub fn milestones(&self) -> &[Milestone] {
        &self.0.milestones
    }

    /// Reviews, oldest first: how the plan adapted.
    pub fn reviews(&self) -> &[GoalReview] {
        &self.0.reviews
    }
}

impl SharedGoal {
    /// The current status: the last move's, or proposed.
    pub fn status(&self) -> GoalStatus {
        self.transitions()
            .last()
            .map_or(GoalStatus::Proposed, |t| t.to)
    }

    /// The status on `date`; `None` before the goal was created.
    pub fn status_on(&self, date: NaiveDate) -> Option<GoalStatus> {
        (date >= self.created_on()).then(|| {
            self.transitions()
                .iter()
                .take_while(|t| t.on <= date)
                .last()
                .map_or(GoalStatus::Proposed, |t| t.to)
        })
    }

    fn last_date(&self) -> NaiveDate {
        [
            self.transitions().last().map(|t| t.on),
            self.reviews().last().map(|r| r.on),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(self.created_on())
    }

    /// Moves the lifecycle, checking the move; on error nothing changes. For a move
    /// to active use [`activate`](Self::activate), which works out the basis.
    ///
    /// # Errors
    ///
    /// [`GoalsError`] naming the field and rule when the move is not allowed from the current status, is dated before the goal or the last move, or an activation lacks what it needs; the goal is unchanged.
    pub fn transition(&mut self, transition: Transition) -> Result<(), GoalsError> {
        self.step(|parts| parts.transitions.push(transition))
    }

    /// Records a carer's agreement to the goal (once per carer).
    ///
    /// # Errors
    ///
    /// [`GoalsError`] when the carer already agreed, or the agreement is dated before the goal was created; the goal is unchanged.
    pub fn agree(&mut self, carer: CarerId, on: NaiveDate) -> Result<(), GoalsError> {
        self.step(|parts| parts.agreements.push(CarerAgreement { carer, on }))
    }

    /// Makes the goal active. `required` are the carers whose agreement is required:
    /// every carer whose involvement is not restricted by a recorded decision (the
    /// caller knows; this crate does not depend on the carers crate). At least one of
    /// them must have agreed by `on`; when `required` is empty, the activation records
    /// that every carer's involvement is restricted.
    ///
    /// # Errors
    ///
    /// [`GoalsError::NoCarerAgreement`] when none of `required` agreed by `on`, and as [`transition`](Self::transition) otherwise.
    pub fn activate(
        &mut self,
        on: NaiveDate,
        by: PartyRef,
        required: &[CarerId],
    ) -> Result<(), GoalsError> {
        let basis = if required.is_empty() {
            ActivationBasis::AllCarersRestricted
        } else {
            let carers: Vec<CarerId> = self
                .agreements()
                .iter()
                .filter(|a| a.on <= on && required.contains(&a.carer))
                .map(|a| a.carer)
                .collect();
            if carers.is_empty() {
                return Err(GoalsError::NoCarerAgreement {
                    index: self.transitions().len(),
                });
            }
            ActivationBasis::CarersAgreed { carers }
        };
        self.transition(Transition {
            to: GoalStatus::Active,
            on,
            by,
            reason: None,
            basis: Some(basis),
        })
    }

    /// Records progress; not before the goal was created, nor before the last entry.
    ///
    /// # Errors
    ///
    /// [`GoalsError`] when the entry is dated before the goal was created or the last entry, or repeats an id; the goal is unchanged.
    pub fn record_progress(&mut self, entry: ProgressEntry) -> Result<(), GoalsError> {
        self.step(|parts| parts.progress.push(entry))
    }

    /// Records a milestone to celebrate; not before the goal was created.
    ///
    /// # Errors
    ///
    /// [`GoalsError`] when the milestone is dated before the goal was created or repeats an id; the goal is unchanged.
    pub fn celebrate(&mut self, milestone: Milestone) -> Result<(), GoalsError> {
        self.step(|parts| parts.milestones.push(milestone))
    }

    /// Takes a step on a copy of the goal's parts and keeps it only if the whole goal
    /// still holds: each step's rules are the goal's own, stated once in
    /// `check_goal`, so that a step and reading a goal can never disagree.
    pub(crate) fn step(
        &mut self,
        change: impl FnOnce(&mut SharedGoalParts),
    ) -> Result<(), GoalsError> {
        let mut parts = self.0.clone();
        change(&mut parts);
        check_goal(&parts)?;
        self.0 = parts;
        Ok(())
    }

    /// Records a goal review and carries out its decision: a new target (keeping the
    /// old one in the review), or closing the goal (completed or cancelled; a
    /// replaced goal is cancelled). On error nothing changes.
    ///
    /// # Errors
    ///
    /// [`GoalsError`] when the review is dated before the goal's last change, or a new target does not replace the current one; the goal is unchanged.
    pub fn review(&mut self, review: GoalReview) -> Result<(), GoalsError> {
        let index = self.reviews().len();
        if review.on < self.last_date() {
            return Err(GoalsError::OutOfOrder {
                field: "reviews",
                index,
            });
        }
        if let ReviewDecision::ChangeTarget {
            previous_target, ..
        } = &review.decision
            && *previous_target != self.target_date()
        {
            return Err(GoalsError::TargetChainBroken { index });
        }
        let mut next = self.clone();
        let closing = match &review.decision {
            ReviewDecision::Continue => None,
            ReviewDecision::ChangeTarget { new_target, .. } => {
                next.0.target_date = Some(*new_target);
                None
            }
            ReviewDecision::ReplaceWith { reason, .. } => Some((GoalStatus::Cancelled, reason)),
            ReviewDecision::Close { outcome, reason } => Some((
                match outcome {
                    Closure::Completed => GoalStatus::Completed,
                    Closure::Cancelled => GoalStatus::Cancelled,
                },
                reason,
            )),
        };
        if let Some((to, reason)) = closing {
            next.transition(Transition {
                to,
                on: review.on,
                by: review.by,
                reason: Some(reason.clone()),
                basis: None,
            })?;
        }
        next.0.reviews.push(review);
        check_goal(&next.0)?;
        *self = next;
        Ok(())
    }
}
