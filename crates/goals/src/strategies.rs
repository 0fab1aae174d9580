//! Proptest strategies for valid values of this crate's public types (feature
//! `proptest`).
//!
//! Goals are grown as a team grows them: from a proposed goal, through a random
//! sequence of [`Operation`]s applied with the checked methods (those the rules
//! refuse are skipped), so every generated goal is one the library could produce.

use chrono::{Duration, NaiveDate};
use partnership_core::strategies::{child_view, date, id, labelled, party_ref, personal_note};
use partnership_core::{CarerId, PartyRef, Sensitive};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::{
    AchievementStatus, ChildsView, Closure, Frequency, GasLevel, GoalReview, GoalStatus, Milestone,
    OutcomeArea, ProgressEntry, Responsibility, ReviewDecision, Setting, SharedGoal,
    SharedGoalParts, Transition,
};

/// A goal attainment level.
pub fn gas_level() -> impl Strategy<Value = GasLevel> {
    (-2i64..=2).prop_filter_map("in range", |l| GasLevel::new(l).ok())
}

/// A setting.
pub fn setting() -> impl Strategy<Value = Setting> {
    select(vec![
        Setting::Home,
        Setting::Nursery,
        Setting::School,
        Setting::Clinic,
        Setting::Community,
        Setting::Online,
    ])
}

/// A lifecycle status.
pub fn goal_status() -> impl Strategy<Value = GoalStatus> {
    select(vec![
        GoalStatus::Proposed,
        GoalStatus::Accepted,
        GoalStatus::Active,
        GoalStatus::OnHold,
        GoalStatus::Completed,
        GoalStatus::Cancelled,
        GoalStatus::Rejected,
        GoalStatus::EnteredInError,
    ])
}

/// A responsibility for a random party.
pub fn responsibility() -> impl Strategy<Value = Responsibility> {
    (
        id(),
        party_ref(),
        personal_note(),
        setting(),
        labelled(Frequency::FIXED, |label| Frequency::Other { label }),
    )
        .prop_map(|(id, party, action, setting, frequency)| Responsibility {
            id,
            party,
            action,
            setting,
            frequency,
        })
}

/// A proposed goal created on some date, with its carers: up to three
/// responsibilities, maybe a target date, maybe the child's view; nothing agreed yet.
pub fn proposed_goal() -> impl Strategy<Value = (SharedGoal, Vec<CarerId>)> {
    date()
        .prop_flat_map(|created_on| {
            (
                (
                    id(),
                    id(),
                    labelled(OutcomeArea::FIXED, |label| OutcomeArea::Other { label }),
                ),
                (personal_note(), option::of(personal_note())),
                Just(created_on),
                option::weighted(0.8, 0i64..400),
                option::of(prop_oneof![
                    child_view(created_on).prop_map(|view| ChildsView::Recorded { view }),
                    (personal_note(), party_ref()).prop_map(move |(reason, recorded_by)| {
                        ChildsView::NotGathered {
                            reason,
                            recorded_on: created_on,
                            recorded_by,
                        }
                    }),
                ]),
                vec(responsibility(), 0..3),
                vec(id::<CarerId>(), 1..3),
            )
        })
        .prop_filter_map(
            "valid goal",
            |(
                (id, child, area),
                (description, measure),
                created_on,
                target,
                childs_view,
                responsibilities,
                carers,
            )| {
                let goal = SharedGoal::try_from(SharedGoalParts {
                    id,
                    child,
                    area,
                    description,
                    measure,
                    created_on,
                    target_date: target.map(|days| created_on + Duration::days(days)),
                    childs_view,
                    responsibilities,
                    agreements: Vec::new(),
                    transitions: Vec::new(),
                    progress: Vec::new(),
                    milestones: Vec::new(),
                    reviews: Vec::new(),
                })
                .ok()?;
                Some((goal, carers))
            },
        )
}

/// Something a team does to a goal, `days` after the last thing it did.
#[derive(Debug, Clone)]
pub enum Operation {
    /// A carer (by index into the goal's carers) agrees.
    Agree {
        /// Days after the previous operation.
        days: i64,
        /// Which carer.
        carer: usize,
    },
    /// Try a lifecycle move (a move to active without a basis is refused).
    Transition {
        /// Days after the previous operation.
        days: i64,
        /// The status asked for.
        to: GoalStatus,
        /// Who.
        by: PartyRef,
    },
    /// Try to activate, with this many of the carers required (0 means every
    /// carer's involvement is restricted).
    Activate {
        /// Days after the previous operation.
        days: i64,
        /// How many carers' agreement is required.
        required: usize,
        /// Who.
        by: PartyRef,
    },
    /// Record progress.
    Progress {
        /// Days after the previous operation (negative tries to predate).
        days: i64,
        /// The entry.
        entry: ProgressEntry,
    },
    /// Celebrate a milestone.
    Milestone {
        /// Days after the previous operation.
        days: i64,
        /// The milestone.
        milestone: Milestone,
    },
    /// Review: continue, change the target, replace or close.
    Review {
        /// Days after the previous operation.
        days: i64,
        /// 0 continue, 1 change target, 2 replace, 3 close completed, 4 close cancelled.
        decision: u8,
        /// Who.
        by: PartyRef,
    },
}

/// An operation on a goal.
pub fn operation() -> impl Strategy<Value = Operation> {
    let days = 0i64..40;
    prop_oneof![
        (days.clone(), 0usize..3).prop_map(|(days, carer)| Operation::Agree { days, carer }),
        (days.clone(), goal_status(), party_ref())
            .prop_map(|(days, to, by)| Operation::Transition { days, to, by }),
        (days.clone(), 0usize..3, party_ref())
            .prop_map(|(days, required, by)| Operation::Activate { days, required, by }),
        (
            -10i64..40,
            id(),
            party_ref(),
            setting(),
            gas_level(),
            labelled(AchievementStatus::FIXED, |label| AchievementStatus::Other {
                label
            }),
            option::of(personal_note())
        )
            .prop_map(
                |(days, id, recorded_by, setting, level, achievement, note)| {
                    Operation::Progress {
                        days,
                        entry: ProgressEntry {
                            id,
                            on: NaiveDate::MIN,
                            recorded_by,
                            setting,
                            level,
                            achievement,
                            note,
                        },
                    }
                }
            ),
        (days.clone(), id(), party_ref(), personal_note()).prop_map(
            |(days, id, noticed_by, description)| Operation::Milestone {
                days,
                milestone: Milestone {
                    id,
                    on: NaiveDate::MIN,
                    noticed_by,
                    description
                },
            }
        ),
        (days, 0u8..5, party_ref()).prop_map(|(days, decision, by)| Operation::Review {
            days,
            decision,
            by
        }),
    ]
}

impl Operation {
    /// Applies the operation through the checked methods on the day `today` moved on
    /// by the operation's days; returns the new day and whether it was accepted.
    pub fn apply(
        &self,
        goal: &mut SharedGoal,
        carers: &[CarerId],
        today: NaiveDate,
    ) -> (NaiveDate, bool) {
        let after = |days: &i64| today + Duration::days(*days);
        match self {
            Self::Agree { days, carer } => {
                let on = after(days);
                let Some(carer) = carers.get(*carer % carers.len().max(1)) else {
                    return (on, false);
                };
                (on, goal.agree(*carer, on).is_ok())
            }
            Self::Transition { days, to, by } => {
                let on = after(days);
                let t = Transition {
                    to: *to,
                    on,
                    by: *by,
                    reason: Some(Sensitive::new("Agreed at the review ø".into())),
                    basis: None,
                };
                (on, goal.transition(t).is_ok())
            }
            Self::Activate { days, required, by } => {
                let on = after(days);
                let required = carers
                    .get(..(*required).min(carers.len()))
                    .unwrap_or_default();
                (on, goal.activate(on, *by, required).is_ok())
            }
            Self::Progress { days, entry } => {
                let on = after(days);
                let entry = ProgressEntry {
                    on,
                    ..entry.clone()
                };
                (on, goal.record_progress(entry).is_ok())
            }
            Self::Milestone { days, milestone } => {
                let on = after(days);
                let milestone = Milestone {
                    on,
                    ..milestone.clone()
                };
                (on, goal.celebrate(milestone).is_ok())
            }
            Self::Review { days, decision, by } => {
                let on = after(days);
                let reason = Sensitive::new("Discussed with the family ø".to_string());
                let decision = match decision {
                    0 => ReviewDecision::Continue,
                    1 => ReviewDecision::ChangeTarget {
                        previous_target: goal.target_date(),
                        new_target: on + Duration::days(60),
                        reason,
                    },
                    2 => ReviewDecision::ReplaceWith {
                        goal: goal.id(),
                        reason,
                    },
                    3 => ReviewDecision::Close {
                        outcome: Closure::Completed,
                        reason,
                    },
                    _ => ReviewDecision::Close {
                        outcome: Closure::Cancelled,
                        reason,
                    },
                };
                let review = GoalReview {
                    on,
                    by: *by,
                    decision,
                };
                (on, goal.review(review).is_ok())
            }
        }
    }
}

/// A goal grown by up to `max_operations` operations, with its carers.
pub fn goal_with_carers(
    max_operations: usize,
) -> impl Strategy<Value = (SharedGoal, Vec<CarerId>)> {
    (proposed_goal(), vec(operation(), 0..=max_operations)).prop_map(|((mut goal, carers), ops)| {
        let mut today = goal.created_on();
        for op in ops {
            let (day, accepted) = op.apply(&mut goal, &carers, today);
            if accepted {
                today = day.max(today);
            }
        }
        (goal, carers)
    })
}

/// A goal grown by up to `max_operations` operations.
pub fn goal(max_operations: usize) -> impl Strategy<Value = SharedGoal> {
    goal_with_carers(max_operations).prop_map(|(goal, _)| goal)
}
