//! Proptest strategies for valid values of this crate's public types (feature
//! `proptest`).
//!
//! Barriers are grown the way a service grows them: from an identified barrier,
//! through a random sequence of [`Operation`]s applied with the checked methods
//! (those the rules refuse are skipped), so every generated barrier is one the
//! library could have produced.

use chrono::{Duration, NaiveDate};
use partnership_core::strategies::{date, id, labelled, party_ref, personal_note};
use partnership_core::{CarerId, MitigationId, PartyRef};
use proptest::collection::{btree_set, vec};
use proptest::prelude::*;
use proptest::sample::select;

use crate::{
    Barrier, BarrierKind, BarrierParts, BarrierRegister, BarrierStatus, Effectiveness,
    EffectivenessReview, MitigationAttempt, MitigationStrategy, Severity, StatusChange,
};

/// A kind of barrier.
pub fn barrier_kind() -> impl Strategy<Value = BarrierKind> {
    labelled(BarrierKind::FIXED, |label| BarrierKind::Other { label })
}

/// A mitigation strategy.
pub fn mitigation_strategy() -> impl Strategy<Value = MitigationStrategy> {
    labelled(MitigationStrategy::FIXED, |label| {
        MitigationStrategy::Other { label }
    })
}

/// A severity.
pub fn severity() -> impl Strategy<Value = Severity> {
    select(vec![Severity::Low, Severity::Medium, Severity::High])
}

/// An effectiveness verdict.
pub fn effectiveness() -> impl Strategy<Value = Effectiveness> {
    select(vec![
        Effectiveness::Helped,
        Effectiveness::PartlyHelped,
        Effectiveness::DidNotHelp,
    ])
}

/// A newly identified barrier: no owner, no mitigation, no history.
pub fn identified_barrier() -> impl Strategy<Value = Barrier> {
    (
        id(),
        barrier_kind(),
        btree_set(id::<CarerId>(), 1..3),
        btree_set(id(), 0..3),
        party_ref(),
        date(),
        personal_note(),
        severity(),
    )
        .prop_filter_map(
            "valid barrier",
            |(id, kind, affects, goals, identified_by, identified_on, description, severity)| {
                Barrier::try_from(BarrierParts {
                    id,
                    kind,
                    affects: affects.into_iter().collect(),
                    goals: goals.into_iter().collect(),
                    identified_by,
                    identified_on,
                    description,
                    severity,
                    owner: None,
                    mitigations: Vec::new(),
                    history: Vec::new(),
                })
                .ok()
            },
        )
}

/// Something a service does to a barrier, `days` after the last thing it did.
#[derive(Debug, Clone)]
pub enum Operation {
    /// Name an owner.
    AssignOwner {
        /// Days after the previous operation.
        days: i64,
        /// The owner.
        owner: PartyRef,
    },
    /// Start a mitigation.
    StartMitigation {
        /// Days after the previous operation.
        days: i64,
        /// The new mitigation's id.
        id: MitigationId,
        /// The strategy.
        strategy: MitigationStrategy,
        /// Who.
        by: PartyRef,
    },
    /// Review the `which`-th mitigation (modulo how many there are).
    Review {
        /// Days after the previous operation.
        days: i64,
        /// Which mitigation.
        which: usize,
        /// Whether it helped.
        outcome: Effectiveness,
        /// Who reviewed.
        by: PartyRef,
    },
    /// Try to move to a status, with or without the details it may need.
    ChangeStatus {
        /// Days after the previous operation.
        days: i64,
        /// The status asked for.
        to: BarrierStatus,
        /// Whether to give an escalation target.
        escalated_to: bool,
        /// Whether to give a reason.
        reason: bool,
        /// Who.
        by: PartyRef,
    },
}

/// An operation on a barrier.
pub fn operation() -> impl Strategy<Value = Operation> {
    let days = 0i64..20;
    prop_oneof![
        (days.clone(), party_ref())
            .prop_map(|(days, owner)| Operation::AssignOwner { days, owner }),
        (days.clone(), id(), mitigation_strategy(), party_ref()).prop_map(
            |(days, id, strategy, by)| Operation::StartMitigation {
                days,
                id,
                strategy,
                by
            }
        ),
        (days.clone(), any::<usize>(), effectiveness(), party_ref()).prop_map(
            |(days, which, outcome, by)| Operation::Review {
                days,
                which,
                outcome,
                by
            }
        ),
        (
            days,
            select(vec![
                BarrierStatus::Identified,
                BarrierStatus::Mitigating,
                BarrierStatus::Resolved,
                BarrierStatus::Escalated,
                BarrierStatus::Accepted,
            ]),
            any::<bool>(),
            any::<bool>(),
            party_ref()
        )
            .prop_map(
                |(days, to, escalated_to, reason, by)| Operation::ChangeStatus {
                    days,
                    to,
                    escalated_to,
                    reason,
                    by
                }
            ),
    ]
}

impl Operation {
    /// Applies the operation through the checked methods, on the day `today` moved on
    /// by the operation's days; returns the new day and whether it was accepted.
    pub fn apply(&self, barrier: &mut Barrier, today: NaiveDate) -> (NaiveDate, bool) {
        let after = |days: &i64| today + Duration::days(*days);
        match self {
            Self::AssignOwner { days, owner } => {
                let on = after(days);
                (on, barrier.assign_owner(*owner, on).is_ok())
            }
            Self::StartMitigation {
                days,
                id,
                strategy,
                by,
            } => {
                let on = after(days);
                let attempt = MitigationAttempt {
                    id: *id,
                    strategy: strategy.clone(),
                    started_on: on,
                    by: *by,
                    review: None,
                };
                (on, barrier.start_mitigation(attempt).is_ok())
            }
            Self::Review {
                days,
                which,
                outcome,
                by,
            } => {
                let on = after(days);
                let Some(mitigation) = barrier
                    .mitigations()
                    .get(which % barrier.mitigations().len().max(1))
                    .map(|m| m.id)
                else {
                    return (on, false);
                };
                let review = EffectivenessReview {
                    on,
                    by: *by,
                    outcome: *outcome,
                    note: None,
                };
                (on, barrier.review_mitigation(mitigation, review).is_ok())
            }
            Self::ChangeStatus {
                days,
                to,
                escalated_to,
                reason,
                by,
            } => {
                let on = after(days);
                let change = StatusChange {
                    to: *to,
                    on,
                    by: *by,
                    escalated_to: escalated_to
                        .then(|| partnership_core::Label::new("Head of service").ok())
                        .flatten(),
                    reason: reason
                        .then(|| partnership_core::Sensitive::new("Recorded reason ø".into())),
                };
                (on, barrier.change_status(change).is_ok())
            }
        }
    }
}

/// A barrier grown by up to `max_operations` operations.
pub fn barrier(max_operations: usize) -> impl Strategy<Value = Barrier> {
    (identified_barrier(), vec(operation(), 0..=max_operations)).prop_map(|(mut barrier, ops)| {
        let mut today = barrier.identified_on();
        for op in ops {
            let (day, accepted) = op.apply(&mut barrier, today);
            if accepted {
                today = day;
            }
        }
        barrier
    })
}

/// A register of up to `max` barriers.
pub fn register(max: usize) -> impl Strategy<Value = BarrierRegister> {
    vec(barrier(8), 0..=max).prop_filter_map("unique ids", |barriers| {
        BarrierRegister::try_from(barriers).ok()
    })
}
