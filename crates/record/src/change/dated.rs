//! A change records what has happened: nothing in it may be dated after the change.
//!
//! Every fact a change brings is looked at, the whole history of an item added with
//! one included (a goal added with its progress, a barrier with its history), each
//! reported at its own pointer. Dates that look ahead are not facts and are left
//! alone: a target date, an action's due date, a review's agreed next date, a
//! withholding rule's or a justification's window.

use chrono::{DateTime, NaiveDate, Utc};
use partnership_barriers::Barrier;
use partnership_carers::{Carer, Involvement, LegalStanding};
use partnership_consent::ConsentEvent;
use partnership_core::{Pointer, uk_date};
use partnership_goals::{ChildsView, SharedGoal};
use partnership_reviews::ReviewSchedule;

use super::{Change, index_of};
use crate::{PartnershipRecordParts, Problem, Rule};

/// Where a dated fact sits, relative to the item that holds it.
#[derive(Clone, Copy)]
enum Place {
    /// A field of the item itself, or a path of plain field names below it:
    /// `createdOn`, `route/receivedOn`.
    Field(&'static str),
    /// A field (or a path of plain field names) of an entry in one of the item's
    /// lists: `progress/3/on`, `adjustments/0/outcome/decidedOn`.
    Entry(&'static str, usize, &'static str),
}

/// A day on which something in a change happened.
type Fact = (Place, NaiveDate);

const AFTER_RECORDING: &str =
    "is later than the change that records it: a change records what has happened";

/// Every fact `change` brings that is dated after `at`, with its pointer into the
/// record as it would be.
pub(super) fn dated_problems(
    record: &PartnershipRecordParts,
    change: &Change,
    at: DateTime<Utc>,
    problems: &mut Vec<Problem>,
) {
    let root = Pointer::root();
    let latest = uk_date(at);
    let mut report = |list: &'static str, k: usize, facts: &mut dyn Iterator<Item = Fact>| {
        let items = root.field(list);
        let item = items.index(k);
        for (place, day) in facts {
            if day <= latest {
                continue;
            }
            // A field may be a path of plain names (`outcome/decidedOn`), which
            // need no escaping: it is written as it stands.
            let pointer = match place {
                Place::Field(field) => format!("{item}/{field}"),
                Place::Entry(entries, i, field) => {
                    format!("{}/{field}", item.field(entries).index(i))
                }
            };
            problems.push(Problem::at(
                pointer,
                Rule::DatedAfterChange,
                AFTER_RECORDING,
            ));
        }
    };
    let goal_at = |goal| index_of(&record.goals, |g| g.id() == goal).unwrap_or(record.goals.len());
    let goal_len = |goal, entries: fn(&SharedGoal) -> usize| {
        record
            .goals
            .iter()
            .find(|g| g.id() == goal)
            .map_or(0, entries)
    };
    let barrier_at = |barrier| {
        index_of(record.barriers.as_slice(), |b| b.id() == barrier).unwrap_or(record.barriers.len())
    };
    match change {
        Change::AddCarer(carer) | Change::UpdateCarer(carer) => {
            let k =
                index_of(&record.carers, |c| c.id() == carer.id()).unwrap_or(record.carers.len());
            report("carers", k, &mut carer_facts(carer));
        }
        Change::AddAgreement(a) => report(
            "communicationAgreements",
            record.communication_agreements.len(),
            &mut std::iter::once((Place::Field("agreedOn"), a.agreed_on)),
        ),
        Change::RecordContact(contact) => {
            let done = contact
                .agreed_actions()
                .iter()
                .enumerate()
                .filter_map(|(i, a)| {
                    Some((
                        Place::Entry("agreedActions", i, "completedOn"),
                        a.completed_on?,
                    ))
                });
            let mut facts = std::iter::once((Place::Field("date"), contact.date())).chain(done);
            report("contactLog", record.contact_log.len(), &mut facts);
        }
        Change::AddGoal(goal) => report("goals", record.goals.len(), &mut goal_facts(goal)),
        Change::AgreeToGoal { goal, on, .. } => {
            let i = goal_len(*goal, |g| g.agreements().len());
            let fact = (Place::Entry("agreements", i, "on"), *on);
            report("goals", goal_at(*goal), &mut std::iter::once(fact));
        }
        Change::MoveGoal { goal, transition } => {
            let i = goal_len(*goal, |g| g.transitions().len());
            let fact = (Place::Entry("transitions", i, "on"), transition.on);
            report("goals", goal_at(*goal), &mut std::iter::once(fact));
        }
        Change::ActivateGoal { goal, on, .. } => {
            let i = goal_len(*goal, |g| g.transitions().len());
            let fact = (Place::Entry("transitions", i, "on"), *on);
            report("goals", goal_at(*goal), &mut std::iter::once(fact));
        }
        Change::RecordProgress { goal, entry } => {
            let i = goal_len(*goal, |g| g.progress().len());
            let fact = (Place::Entry("progress", i, "on"), entry.on);
            report("goals", goal_at(*goal), &mut std::iter::once(fact));
        }
        Change::AddConsent(consent) => {
            events_after(
                problems,
                &root,
                record.consents.len(),
                consent.events().iter().enumerate(),
                at,
            );
        }
        Change::RecordConsentEvent { consent, event } => {
            let found = record.consents.iter().position(|c| c.id() == *consent);
            let k = found.unwrap_or(record.consents.len());
            let i = found
                .and_then(|k| record.consents.get(k))
                .map_or(0, |c| c.events().len());
            events_after(problems, &root, k, std::iter::once((i, event)), at);
        }
        Change::AddCompetenceAssessment(a) => report(
            "competenceAssessments",
            record.competence_assessments.len(),
            &mut std::iter::once((Place::Field("assessedOn"), a.assessed_on())),
        ),
        Change::AddReviewSchedule(schedule) => {
            report(
                "reviews",
                record.reviews.len(),
                &mut schedule_facts(schedule),
            );
        }
        Change::RecordReviewOutcome { schedule, outcome } => {
            let found = record.reviews.iter().position(|s| s.id() == *schedule);
            let s = found.unwrap_or(record.reviews.len());
            let i = found
                .and_then(|s| record.reviews.get(s))
                .map_or(0, |s| s.outcomes().len());
            let fact = (Place::Entry("outcomes", i, "heldOn"), outcome.held_on);
            report("reviews", s, &mut std::iter::once(fact));
        }
        Change::AddBarrier(barrier) => {
            report(
                "barriers",
                record.barriers.len(),
                &mut barrier_facts(barrier),
            );
        }
        Change::StartMitigation {
            barrier,
            mitigation,
        } => {
            let found = record.barriers.iter().position(|b| b.id() == *barrier);
            let b = found.unwrap_or(record.barriers.len());
            let i = found
                .and_then(|b| record.barriers.get(b))
                .map_or(0, |b| b.mitigations().len());
            let started = (
                Place::Entry("mitigations", i, "startedOn"),
                mitigation.started_on,
            );
            let reviewed = mitigation
                .review
                .as_ref()
                .map(|r| (Place::Entry("mitigations", i, "review"), r.on));
            report("barriers", b, &mut std::iter::once(started).chain(reviewed));
        }
        Change::UpdateChild(child) => {
            let at_child = root.field("child");
            if child.date_of_birth() > latest {
                problems.push(Problem::at(
                    at_child.field("dateOfBirth").to_string(),
                    Rule::DatedAfterChange,
                    AFTER_RECORDING,
                ));
            }
            let views = at_child.field("views");
            for (i, view) in child.views().iter().enumerate() {
                if view.recorded_on > latest {
                    problems.push(Problem::at(
                        views.index(i).field("recordedOn").to_string(),
                        Rule::DatedAfterChange,
                        AFTER_RECORDING,
                    ));
                }
            }
        }
        Change::ReviseGoalPlan { goal, plan } => {
            let view = view_recorded_on(plan.childs_view.as_ref());
            let mut facts = view
                .map(|day| (Place::Field("childsView"), day))
                .into_iter();
            report("goals", goal_at(*goal), &mut facts);
        }
        Change::CelebrateMilestone { goal, milestone } => {
            let i = goal_len(*goal, |g| g.milestones().len());
            let fact = (Place::Entry("milestones", i, "on"), milestone.on);
            report("goals", goal_at(*goal), &mut std::iter::once(fact));
        }
        Change::ReviewGoal { goal, review } => {
            let i = goal_len(*goal, |g| g.reviews().len());
            let fact = (Place::Entry("reviews", i, "on"), review.on);
            report("goals", goal_at(*goal), &mut std::iter::once(fact));
        }
        Change::CompleteAction { action, on } => {
            let found = record.contact_log.iter().enumerate().find_map(|(k, c)| {
                let i = c.agreed_actions().iter().position(|a| a.id == *action)?;
                Some((k, i))
            });
            if let Some((k, i)) = found {
                let fact = (Place::Entry("agreedActions", i, "completedOn"), *on);
                report("contactLog", k, &mut std::iter::once(fact));
            }
        }
        Change::AssignBarrierOwner { barrier, since, .. } => {
            let fact = (Place::Field("owner"), *since);
            report("barriers", barrier_at(*barrier), &mut std::iter::once(fact));
        }
        Change::ReviewMitigation {
            barrier,
            mitigation,
            review,
        } => {
            let i = record
                .barriers
                .iter()
                .find(|b| b.id() == *barrier)
                .and_then(|b| b.mitigations().iter().position(|m| m.id == *mitigation));
            // A mitigation not on the barrier is refused by the barrier itself.
            if let Some(i) = i {
                let fact = (Place::Entry("mitigations", i, "review"), review.on);
                report("barriers", barrier_at(*barrier), &mut std::iter::once(fact));
            }
        }
        Change::ChangeBarrierStatus { barrier, change } => {
            let i = record
                .barriers
                .iter()
                .find(|b| b.id() == *barrier)
                .map_or(0, |b| b.history().len());
            let fact = (Place::Entry("history", i, "on"), change.on);
            report("barriers", barrier_at(*barrier), &mut std::iter::once(fact));
        }
        Change::AddComplaintOrAppeal(redress) | Change::UpdateComplaintOrAppeal(redress) => {
            let k = index_of(&record.complaints_and_appeals, |x| x.id() == redress.id())
                .unwrap_or(record.complaints_and_appeals.len());
            let mut facts = redress
                .facts()
                .into_iter()
                .map(|(field, day)| (Place::Field(field), day));
            report("complaintsAndAppeals", k, &mut facts);
        }
        // A professional, an agency, a withholding rule and a justification state no
        // day on which something happened.
        _ => {}
    }
}

/// Consent events are instants, compared with the change's own.
fn events_after<'a>(
    problems: &mut Vec<Problem>,
    root: &Pointer<'_>,
    k: usize,
    events: impl Iterator<Item = (usize, &'a ConsentEvent)>,
    at: DateTime<Utc>,
) {
    let consents = root.field("consents");
    let consent = consents.index(k);
    let list = consent.field("events");
    for (i, event) in events {
        if event.at > at {
            let pointer = list.index(i).field("at").to_string();
            problems.push(Problem::at(
                pointer,
                Rule::DatedAfterChange,
                AFTER_RECORDING,
            ));
        }
    }
}

fn carer_facts(carer: &Carer) -> impl Iterator<Item = Fact> + '_ {
    let support = carer.support().iter().enumerate().flat_map(|(i, s)| {
        [
            (Place::Entry("support", i, "identifiedOn"), s.identified_on),
            (Place::Entry("support", i, "statusSince"), s.status_since),
        ]
    });
    let restricted = match &carer.involvement() {
        Involvement::Restricted(r) => Some((Place::Field("involvement"), r.decided_on())),
        _ => None,
    };
    // When parental responsibility began, or the placement plan was dated: facts,
    // where an end (`until`) may lie ahead.
    let standing = match &carer.legal_standing() {
        LegalStanding::ParentalResponsibility { since, .. } => {
            since.map(|day| (Place::Field("legalStanding"), day))
        }
        LegalStanding::DelegatedAuthority {
            placement_plan_dated,
            ..
        } => placement_plan_dated.map(|day| (Place::Field("legalStanding"), day)),
        _ => None,
    };
    // A request, its answer and the day it was in place happened; nothing of a
    // request looks ahead.
    let adjustments = carer.adjustments().iter().enumerate().flat_map(|(i, a)| {
        let outcome = a.outcome.as_ref();
        std::iter::once((
            Place::Entry("adjustments", i, "requestedOn"),
            a.requested_on,
        ))
        .chain(outcome.map(|o| {
            (
                Place::Entry("adjustments", i, "outcome/decidedOn"),
                o.decided_on,
            )
        }))
        .chain(outcome.and_then(|o| {
            Some((
                Place::Entry("adjustments", i, "outcome/inPlaceFrom"),
                o.in_place_from?,
            ))
        }))
    });
    support.chain(restricted).chain(standing).chain(adjustments)
}

fn goal_facts(goal: &SharedGoal) -> impl Iterator<Item = Fact> + '_ {
    let entries = |list: &'static str, days: Vec<NaiveDate>| {
        days.into_iter()
            .enumerate()
            .map(move |(i, day)| (Place::Entry(list, i, "on"), day))
    };
    let view = view_recorded_on(goal.childs_view().as_ref());
    std::iter::once((Place::Field("createdOn"), goal.created_on()))
        .chain(view.map(|day| (Place::Field("childsView"), day)))
        .chain(entries(
            "agreements",
            goal.agreements().iter().map(|a| a.on).collect(),
        ))
        .chain(entries(
            "transitions",
            goal.transitions().iter().map(|t| t.on).collect(),
        ))
        .chain(entries(
            "progress",
            goal.progress().iter().map(|p| p.on).collect(),
        ))
        .chain(entries(
            "milestones",
            goal.milestones().iter().map(|m| m.on).collect(),
        ))
        .chain(entries(
            "reviews",
            goal.reviews().iter().map(|r| r.on).collect(),
        ))
}

/// When the child's view on a goal was recorded, or when it was recorded that it
/// could not be gathered.
fn view_recorded_on(view: Option<&ChildsView>) -> Option<NaiveDate> {
    match view? {
        ChildsView::Recorded { view } => Some(view.recorded_on),
        ChildsView::NotGathered { recorded_on, .. } => Some(*recorded_on),
    }
}

fn schedule_facts(schedule: &ReviewSchedule) -> impl Iterator<Item = Fact> + '_ {
    schedule
        .outcomes()
        .iter()
        .enumerate()
        .map(|(i, o)| (Place::Entry("outcomes", i, "heldOn"), o.held_on))
}

fn barrier_facts(barrier: &Barrier) -> impl Iterator<Item = Fact> + '_ {
    let owner = barrier
        .owner()
        .as_ref()
        .map(|o| (Place::Field("owner"), o.since));
    let mitigations = barrier.mitigations().iter().enumerate().flat_map(|(i, m)| {
        std::iter::once((Place::Entry("mitigations", i, "startedOn"), m.started_on)).chain(
            m.review
                .as_ref()
                .map(|r| (Place::Entry("mitigations", i, "review"), r.on)),
        )
    });
    let history = barrier
        .history()
        .iter()
        .enumerate()
        .map(|(i, h)| (Place::Entry("history", i, "on"), h.on));
    std::iter::once((Place::Field("identifiedOn"), barrier.identified_on()))
        .chain(owner)
        .chain(mitigations)
        .chain(history)
}
