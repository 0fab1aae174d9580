//! [`Barrier`]: something in the way of partnership, owned, worked on and reviewed.

use std::fmt;

use chrono::NaiveDate;
use partnership_core::{
    BarrierId, CarerId, GoalId, Label, MitigationId, PartyRef, Sensitive, no_repeats,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{BarrierKind, BarriersError, MitigationStrategy};

/// How much a barrier stands in the way.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Low.
    Low,
    /// Medium.
    Medium,
    /// High: acted on sooner.
    High,
}

/// Whether a mitigation helped.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Effectiveness {
    /// It helped.
    Helped,
    /// It partly helped.
    PartlyHelped,
    /// It did not help.
    DidNotHelp,
}

/// A review of whether a mitigation helped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EffectivenessReview {
    /// When it was reviewed; not before the mitigation started.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub on: NaiveDate,
    /// Who reviewed it (carers' views count as much as professionals').
    pub by: PartyRef,
    /// The verdict.
    pub outcome: Effectiveness,
    /// What was learned. Personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Sensitive<String>>,
}

/// A mitigation tried against a barrier: what, from when, by whom, and later whether
/// it helped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MitigationAttempt {
    /// The attempt's id.
    pub id: MitigationId,
    /// The strategy.
    pub strategy: MitigationStrategy,
    /// When it started; not before the barrier was identified.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub started_on: NaiveDate,
    /// Who is doing it.
    pub by: PartyRef,
    /// The effectiveness review, once held. Recorded once; never rewritten.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<EffectivenessReview>,
}

/// Where a barrier stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum BarrierStatus {
    /// Identified; nothing tried yet.
    Identified,
    /// Mitigations are being tried.
    Mitigating,
    /// Resolved, after a mitigation's effectiveness was reviewed.
    Resolved,
    /// Escalated, to someone named, for a recorded reason.
    Escalated,
    /// Accepted: it cannot be removed, for a recorded reason; the plan works around it.
    Accepted,
}

impl BarrierStatus {
    /// Whether a barrier in this status still needs work.
    pub const fn is_open(self) -> bool {
        matches!(self, Self::Identified | Self::Mitigating | Self::Escalated)
    }

    /// The statuses a barrier may move to from this one.
    ///
    /// ```text
    /// identified -> mitigating | escalated | accepted
    /// mitigating -> resolved | escalated | accepted
    /// escalated  -> mitigating | resolved | accepted
    /// accepted   -> mitigating          (something new can be tried)
    /// resolved   -> identified          (the barrier came back)
    /// ```
    pub const fn next(self) -> &'static [BarrierStatus] {
        use BarrierStatus as S;
        match self {
            S::Identified => &[S::Mitigating, S::Escalated, S::Accepted],
            S::Mitigating => &[S::Resolved, S::Escalated, S::Accepted],
            S::Escalated => &[S::Mitigating, S::Resolved, S::Accepted],
            S::Accepted => &[S::Mitigating],
            S::Resolved => &[S::Identified],
        }
    }

    fn words(self) -> &'static str {
        match self {
            Self::Identified => "identified",
            Self::Mitigating => "mitigating",
            Self::Resolved => "resolved",
            Self::Escalated => "escalated",
            Self::Accepted => "accepted",
        }
    }
}

impl fmt::Display for BarrierStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.words())
    }
}

/// A change of status: to what, when, by whom, and for an escalation or acceptance
/// the details it must record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatusChange {
    /// The new status.
    pub to: BarrierStatus,
    /// When.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub on: NaiveDate,
    /// Who made the change.
    pub by: PartyRef,
    /// For an escalation: to whom (a manager, a panel, a service).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalated_to: Option<Label>,
    /// Why: required for an escalation and an acceptance. Personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Sensitive<String>>,
}

impl StatusChange {
    /// A change with no escalation details or reason.
    pub fn to(to: BarrierStatus, on: NaiveDate, by: PartyRef) -> Self {
        Self {
            to,
            on,
            by,
            escalated_to: None,
            reason: None,
        }
    }
}

/// Who owns a barrier, and since when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Owner {
    /// The owner.
    pub party: PartyRef,
    /// Since when; not before the barrier was identified.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub since: NaiveDate,
}

/// The plain fields of a [`Barrier`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BarrierParts {
    /// The barrier's id.
    pub id: BarrierId,
    /// What kind of barrier.
    pub kind: BarrierKind,
    /// The carers it affects: at least one.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub affects: Vec<CarerId>,
    /// The goals it holds back, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<GoalId>,
    /// Who identified it.
    pub identified_by: PartyRef,
    /// When.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub identified_on: NaiveDate,
    /// What it is, in words. Personal data.
    pub description: Sensitive<String>,
    /// How much it stands in the way.
    pub severity: Severity,
    /// Who owns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Owner>,
    /// Mitigations tried, in the order they started.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mitigations: Vec<MitigationAttempt>,
    /// Status changes after identification, oldest first (a barrier starts out
    /// identified). Append-only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<StatusChange>,
}

/// Checks one status change against the status before it and the barrier's
/// mitigations: the rule shared by construction and by [`Barrier::change_status`].
fn check_change(
    parts: &BarrierParts,
    from: BarrierStatus,
    change: &StatusChange,
    index: usize,
) -> Result<(), BarriersError> {
    if !from.next().contains(&change.to) {
        return Err(BarriersError::TransitionNotAllowed {
            index,
            from: from.words(),
            to: change.to.words(),
        });
    }
    let has_reason = change
        .reason
        .as_ref()
        .is_some_and(|r| !r.expose().trim().is_empty());
    match change.to {
        BarrierStatus::Resolved => {
            let reviewed = parts
                .mitigations
                .iter()
                .any(|m| m.review.as_ref().is_some_and(|r| r.on <= change.on));
            if !reviewed {
                return Err(BarriersError::ResolvedWithoutReviewedMitigation { index });
            }
        }
        BarrierStatus::Escalated if change.escalated_to.is_none() => {
            return Err(BarriersError::MissingDetail {
                index,
                field: "escalatedTo",
                rule: "an escalation records to whom",
            });
        }
        BarrierStatus::Escalated | BarrierStatus::Accepted if !has_reason => {
            return Err(BarriersError::MissingDetail {
                index,
                field: "reason",
                rule: "an escalation or acceptance records why",
            });
        }
        _ => {}
    }
    if change.to != BarrierStatus::Escalated && change.escalated_to.is_some() {
        return Err(BarriersError::UnexpectedDetail {
            index,
            field: "escalatedTo",
        });
    }
    Ok(())
}

fn check_barrier(parts: &BarrierParts) -> Result<(), BarriersError> {
    if parts.affects.is_empty() {
        return Err(BarriersError::AffectsNobody);
    }
    no_repeats(parts.affects.iter(), "affects")?;
    no_repeats(parts.goals.iter(), "goals")?;
    no_repeats(parts.mitigations.iter().map(|m| m.id), "mitigations")?;
    let before = |field: String| BarriersError::BeforeIdentified { field };
    if parts.owner.is_some_and(|o| o.since < parts.identified_on) {
        return Err(before("owner/since".into()));
    }
    for (index, mitigation) in parts.mitigations.iter().enumerate() {
        if mitigation.started_on < parts.identified_on {
            return Err(before(format!("mitigations/{index}/startedOn")));
        }
        if mitigation
            .review
            .as_ref()
            .is_some_and(|r| r.on < mitigation.started_on)
        {
            return Err(BarriersError::ReviewBeforeStart { index });
        }
    }
    let mut status = BarrierStatus::Identified;
    let mut previous = parts.identified_on;
    for (index, change) in parts.history.iter().enumerate() {
        if change.on < parts.identified_on {
            return Err(before(format!("history/{index}/on")));
        }
        if change.on < previous {
            return Err(BarriersError::HistoryOutOfOrder { index });
        }
        check_change(parts, status, change, index)?;
        status = change.to;
        previous = change.on;
    }
    Ok(())
}

partnership_core::validated! {
    /// A barrier to partnership: what it is, whom it affects, who identified it and
    /// owns it, the mitigations tried and whether they helped, and its status.
    ///
    /// The status moves only through checked methods and the history only grows:
    /// a barrier is resolved only once a mitigation's effectiveness has been
    /// reviewed; an escalation records to whom and why; an acceptance records why.
    /// Reading a barrier from JSON runs the same checks over its whole history.
    ///
    /// The crate documentation follows one barrier from identification to
    /// resolution.
    #[derive(Clone, PartialEq, Eq)]
    pub struct Barrier(BarrierParts);
    check = check_barrier;
    error = BarriersError;
}

impl Barrier {
    /// The barrier's id.
    pub fn id(&self) -> BarrierId {
        self.0.id
    }

    /// What kind of barrier.
    pub fn kind(&self) -> &BarrierKind {
        &self.0.kind
    }

    /// The carers it affects: at least one.
    pub fn affects(&self) -> &[CarerId] {
        &self.0.affects
    }

    /// The goals it holds back, if any.
    pub fn goals(&self) -> &[GoalId] {
        &self.0.goals
    }

    /// Who identified it.
    pub fn identified_by(&self) -> PartyRef {
        self.0.identified_by
    }

    /// When.
    pub fn identified_on(&self) -> NaiveDate {
        self.0.identified_on
    }

    /// What it is, in words. Personal data.
    pub fn description(&self) -> &Sensitive<String> {
        &self.0.description
    }

    /// How much it stands in the way.
    pub fn severity(&self) -> Severity {
        self.0.severity
    }

    /// Who owns it.
    pub fn owner(&self) -> Option<Owner> {
        self.0.owner
    }

    /// Mitigations tried, in the order they started.
    pub fn mitigations(&self) -> &[MitigationAttempt] {
        &self.0.mitigations
    }

    /// Status changes after identification, oldest first (a barrier starts out
    /// identified). Append-only.
    pub fn history(&self) -> &[StatusChange] {
        &self.0.history
    }
}

impl Barrier {
    /// The current status: the last change's, or identified.
    pub fn status(&self) -> BarrierStatus {
        self.history()
            .last()
            .map_or(BarrierStatus::Identified, |c| c.to)
    }

    /// The status on `date`; `None` before the barrier was identified.
    pub fn status_on(&self, date: NaiveDate) -> Option<BarrierStatus> {
        (date >= self.identified_on()).then(|| {
            self.history()
                .iter()
                .take_while(|c| c.on <= date)
                .last()
                .map_or(BarrierStatus::Identified, |c| c.to)
        })
    }

    /// Whether the barrier has an owner on `date`.
    pub fn owned_on(&self, date: NaiveDate) -> bool {
        self.owner().is_some_and(|o| o.since <= date)
    }

    /// Whether a mitigation had started by `date`.
    pub fn mitigation_started_by(&self, date: NaiveDate) -> bool {
        self.mitigations().iter().any(|m| m.started_on <= date)
    }

    fn last_date(&self) -> NaiveDate {
        self.history().last().map_or(self.identified_on(), |c| c.on)
    }

    /// Moves the status, checking the lifecycle and its rules; on error nothing changes.
    ///
    /// # Errors
    ///
    /// [`BarriersError`] when the move is not allowed from the current status, is dated before the last change, or lacks what it needs (a reviewed mitigation to resolve, a reason to accept or escalate); the barrier is unchanged.
    pub fn change_status(&mut self, change: StatusChange) -> Result<(), BarriersError> {
        let index = self.history().len();
        if change.on < self.last_date() {
            return Err(BarriersError::HistoryOutOfOrder { index });
        }
        check_change(&self.0, self.status(), &change, index)?;
        self.0.history.push(change);
        Ok(())
    }

    /// Names an owner from `since` (replacing any earlier owner).
    ///
    /// # Errors
    ///
    /// [`BarriersError::BeforeIdentified`] when `since` is before the barrier was identified; the barrier is unchanged.
    pub fn assign_owner(&mut self, party: PartyRef, since: NaiveDate) -> Result<(), BarriersError> {
        if since < self.identified_on() {
            return Err(BarriersError::BeforeIdentified {
                field: "owner/since".into(),
            });
        }
        self.0.owner = Some(Owner { party, since });
        Ok(())
    }

    /// Starts a mitigation (without a review yet). A barrier still only identified,
    /// or accepted, moves to mitigating on the day it starts.
    ///
    /// # Errors
    ///
    /// [`BarriersError`] when the mitigation starts before the barrier was identified, repeats an id, is reviewed before it started, or the move to mitigating is not allowed; the barrier is unchanged.
    pub fn start_mitigation(&mut self, attempt: MitigationAttempt) -> Result<(), BarriersError> {
        let index = self.mitigations().len();
        if attempt.started_on < self.identified_on() {
            return Err(BarriersError::BeforeIdentified {
                field: format!("mitigations/{index}/startedOn"),
            });
        }
        if self.mitigations().iter().any(|m| m.id == attempt.id) {
            return Err(BarriersError::Duplicate {
                field: "mitigations",
                index,
            });
        }
        if attempt
            .review
            .as_ref()
            .is_some_and(|r| r.on < attempt.started_on)
        {
            return Err(BarriersError::ReviewBeforeStart { index });
        }
        let moves = matches!(
            self.status(),
            BarrierStatus::Identified | BarrierStatus::Accepted
        );
        let change = StatusChange::to(BarrierStatus::Mitigating, attempt.started_on, attempt.by);
        if moves {
            // Check the status change before touching anything.
            if change.on < self.last_date() {
                return Err(BarriersError::HistoryOutOfOrder {
                    index: self.history().len(),
                });
            }
            check_change(&self.0, self.status(), &change, self.history().len())?;
        }
        self.0.mitigations.push(attempt);
        if moves {
            self.0.history.push(change);
        }
        Ok(())
    }

    /// Records whether a mitigation helped. Each mitigation is reviewed once.
    ///
    /// # Errors
    ///
    /// [`BarriersError`] when the barrier has no such mitigation, it was already reviewed, or the review is dated before it started; the barrier is unchanged.
    pub fn review_mitigation(
        &mut self,
        mitigation: MitigationId,
        review: EffectivenessReview,
    ) -> Result<(), BarriersError> {
        let (index, attempt) = self
            .0
            .mitigations
            .iter_mut()
            .enumerate()
            .find(|(_, m)| m.id == mitigation)
            .ok_or(BarriersError::NoSuchMitigation)?;
        if attempt.review.is_some() {
            return Err(BarriersError::AlreadyReviewed { index });
        }
        if review.on < attempt.started_on {
            return Err(BarriersError::ReviewBeforeStart { index });
        }
        attempt.review = Some(review);
        Ok(())
    }

    /// Resolves the barrier: only once a mitigation's effectiveness has been reviewed.
    ///
    /// # Errors
    ///
    /// As [`change_status`](Self::change_status): resolving needs a mitigation whose effectiveness was reviewed.
    pub fn resolve(&mut self, on: NaiveDate, by: PartyRef) -> Result<(), BarriersError> {
        self.change_status(StatusChange::to(BarrierStatus::Resolved, on, by))
    }

    /// Escalates the barrier to someone, for a reason.
    ///
    /// # Errors
    ///
    /// As [`change_status`](Self::change_status): an escalation records to whom and why.
    pub fn escalate(
        &mut self,
        to: Label,
        reason: Sensitive<String>,
        on: NaiveDate,
        by: PartyRef,
    ) -> Result<(), BarriersError> {
        self.change_status(StatusChange {
            to: BarrierStatus::Escalated,
            on,
            by,
            escalated_to: Some(to),
            reason: Some(reason),
        })
    }

    /// Accepts that the barrier cannot be removed, for a reason.
    ///
    /// # Errors
    ///
    /// As [`change_status`](Self::change_status): an acceptance records why.
    pub fn accept(
        &mut self,
        reason: Sensitive<String>,
        on: NaiveDate,
        by: PartyRef,
    ) -> Result<(), BarriersError> {
        self.change_status(StatusChange {
            to: BarrierStatus::Accepted,
            on,
            by,
            escalated_to: None,
            reason: Some(reason),
        })
    }
}
