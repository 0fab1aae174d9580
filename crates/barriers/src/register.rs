//! [`BarrierRegister`]: every barrier for a child, and the questions asked of them.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use partnership_core::{BarrierId, CarerId, GoalId, MitigationId};

use crate::{Barrier, BarrierKind, BarrierStatus, BarriersError, MitigationAttempt, Severity};

/// How quickly barriers must be acted on. The defaults are common practice, not
/// law: change them to the service's own standards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttentionRules {
    /// Days after identification by which a barrier has an owner and a mitigation
    /// under way (default 14).
    pub act_within_days: u32,
    /// The same for a high-severity barrier (default 5).
    pub act_within_days_high: u32,
    /// Days after a mitigation starts by which its effectiveness is reviewed (default 28).
    pub review_after_days: u32,
}

impl Default for AttentionRules {
    fn default() -> Self {
        Self {
            act_within_days: 14,
            act_within_days_high: 5,
            review_after_days: 28,
        }
    }
}

/// What an unattended barrier is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Missing {
    /// Nobody owns it.
    Owner,
    /// No mitigation has started.
    Mitigation,
}

/// A barrier not acted on in time, found by [`BarrierRegister::needing_attention`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unattended<'a> {
    /// The barrier.
    pub barrier: &'a Barrier,
    /// What it is missing.
    pub missing: Vec<Missing>,
    /// The date by which it should have been acted on.
    pub due: NaiveDate,
    /// Days past that date.
    pub days_overdue: i64,
}

/// A mitigation whose effectiveness review is due, found by
/// [`BarrierRegister::mitigations_due_review`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewDue<'a> {
    /// The barrier.
    pub barrier: BarrierId,
    /// The mitigation.
    pub mitigation: &'a MitigationAttempt,
    /// The date the review became due.
    pub due: NaiveDate,
}

fn check_register(barriers: &[Barrier]) -> Result<(), BarriersError> {
    let mut seen = BTreeSet::new();
    for (index, barrier) in barriers.iter().enumerate() {
        if !seen.insert(barrier.id()) {
            return Err(BarriersError::DuplicateBarrier { index });
        }
    }
    Ok(())
}

partnership_core::validated! {
    /// The barriers recorded for a child, with unique ids; serialised as a JSON array.
    ///
    /// Every query takes the date it is asked as of, and the [`AttentionRules`] where
    /// timing matters.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::barriers::*;
    /// use partnership::core::{BarrierId, CarerId, PartyRef, ProfessionalId, Sensitive};
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let barrier = Barrier::try_from(BarrierParts {
    ///     id: BarrierId::random(),
    ///     kind: BarrierKind::LanguageDifference,
    ///     affects: vec![CarerId::random()],
    ///     goals: vec![],
    ///     identified_by: PartyRef::Professional { id: ProfessionalId::random() },
    ///     identified_on: d(11, 2),
    ///     description: Sensitive::new("Paperwork only in English".into()),
    ///     severity: Severity::High,
    ///     owner: None,
    ///     mitigations: vec![],
    ///     history: vec![],
    /// }).unwrap();
    /// let register = BarrierRegister::try_from(vec![barrier]).unwrap();
    /// let rules = AttentionRules::default();
    ///
    /// // High severity: act within 5 days, so overdue from the 6th.
    /// assert!(register.needing_attention(d(11, 7), &rules).is_empty());
    /// let late = register.needing_attention(d(11, 8), &rules);
    /// assert_eq!(late[0].missing, vec![Missing::Owner, Missing::Mitigation]);
    /// assert_eq!(late[0].days_overdue, 1);
    /// ```
    #[derive(Clone, Default, PartialEq, Eq)]
    pub struct BarrierRegister(Vec<Barrier>);
    check = check_register;
    error = BarriersError;
}

partnership_core::listed!(BarrierRegister, Barrier);

impl BarrierRegister {
    /// Adds a barrier, whose id must be new to the register; on error the register is
    /// unchanged.
    ///
    /// # Errors
    ///
    /// [`BarriersError::DuplicateBarrier`], naming the index it would have had.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub use ::chrono; }
    /// # use partnership::chrono::NaiveDate;
    /// # use partnership::barriers::*;
    /// # use partnership::core::{BarrierId, CarerId, PartyRef, ProfessionalId, Sensitive};
    /// let barrier = Barrier::try_from(BarrierParts {
    ///     id: BarrierId::random(),
    ///     kind: BarrierKind::TimeAndWorkPatterns,
    ///     affects: vec![CarerId::random()],
    ///     goals: vec![],
    ///     identified_by: PartyRef::Professional { id: ProfessionalId::random() },
    ///     identified_on: NaiveDate::from_ymd_opt(2026, 11, 2).ok_or("a date")?,
    ///     description: Sensitive::new("Shift work".into()),
    ///     severity: Severity::Medium,
    ///     owner: None,
    ///     mitigations: vec![],
    ///     history: vec![],
    /// })?;
    /// let mut register = BarrierRegister::default();
    /// register.add(barrier.clone())?;
    /// assert!(register.add(barrier).is_err(), "one id, one barrier");
    /// assert_eq!(register.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&mut self, barrier: Barrier) -> Result<(), BarriersError> {
        if self.0.iter().any(|b| b.id() == barrier.id()) {
            return Err(BarriersError::DuplicateBarrier {
                index: self.0.len(),
            });
        }
        self.0.push(barrier);
        Ok(())
    }

    /// Puts `barrier` in place of the barrier with the same id (after a mitigation
    /// was started on a copy, say), giving back the one it replaced; `None`, changing
    /// nothing, when the register holds no barrier with that id.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub use ::chrono; }
    /// # use partnership::chrono::NaiveDate;
    /// # use partnership::barriers::*;
    /// # use partnership::core::{BarrierId, CarerId, PartyRef, ProfessionalId, Sensitive};
    /// # let barrier = Barrier::try_from(BarrierParts {
    /// #     id: BarrierId::random(), kind: BarrierKind::TimeAndWorkPatterns,
    /// #     affects: vec![CarerId::random()], goals: vec![],
    /// #     identified_by: PartyRef::Professional { id: ProfessionalId::random() },
    /// #     identified_on: NaiveDate::from_ymd_opt(2026, 11, 2).ok_or("a date")?,
    /// #     description: Sensitive::new("Shift work".into()), severity: Severity::Medium,
    /// #     owner: None, mitigations: vec![], history: vec![],
    /// # })?;
    /// let mut register = BarrierRegister::default();
    /// register.add(barrier.clone())?;
    /// let mut owned = barrier.clone();
    /// owned.assign_owner(barrier.identified_by(), NaiveDate::from_ymd_opt(2026, 11, 3).ok_or("a date")?)?;
    /// assert_eq!(register.replace(owned), Some(barrier));
    /// assert!(register.first().is_some_and(|b| b.owner().is_some()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn replace(&mut self, barrier: Barrier) -> Option<Barrier> {
        self.0
            .iter_mut()
            .find(|b| b.id() == barrier.id())
            .map(|slot| std::mem::replace(slot, barrier))
    }

    /// Barriers identified by `as_of` and still open on that date.
    pub fn open(&self, as_of: NaiveDate) -> Vec<&Barrier> {
        self.iter()
            .filter(|b| b.status_on(as_of).is_some_and(BarrierStatus::is_open))
            .collect()
    }

    /// Open barriers without an owner or a mitigation under way by their deadline:
    /// identification plus [`act_within_days`](AttentionRules::act_within_days), or
    /// [`act_within_days_high`](AttentionRules::act_within_days_high) for high
    /// severity. A barrier enters this list the day after its deadline and leaves it
    /// only by being acted on (an owner and a mitigation, or a change to resolved or
    /// accepted).
    pub fn needing_attention(
        &self,
        as_of: NaiveDate,
        rules: &AttentionRules,
    ) -> Vec<Unattended<'_>> {
        self.open(as_of)
            .into_iter()
            .filter_map(|barrier| {
                let days = if barrier.severity() == Severity::High {
                    rules.act_within_days_high
                } else {
                    rules.act_within_days
                };
                let due = barrier
                    .identified_on()
                    .checked_add_days(Days::new(u64::from(days)))?;
                if as_of <= due {
                    return None;
                }
                let mut missing = Vec::new();
                if !barrier.owned_on(as_of) {
                    missing.push(Missing::Owner);
                }
                if !barrier.mitigation_started_by(as_of) {
                    missing.push(Missing::Mitigation);
                }
                (!missing.is_empty()).then(|| Unattended {
                    barrier,
                    missing,
                    due,
                    days_overdue: (as_of - due).num_days(),
                })
            })
            .collect()
    }

    /// Mitigations started on or before `as_of` whose effectiveness review is due
    /// ([`review_after_days`](AttentionRules::review_after_days) after starting) and
    /// not yet held by `as_of`.
    pub fn mitigations_due_review(
        &self,
        as_of: NaiveDate,
        rules: &AttentionRules,
    ) -> Vec<ReviewDue<'_>> {
        self.iter()
            .flat_map(|barrier| {
                barrier.mitigations().iter().filter_map(move |mitigation| {
                    let due = mitigation
                        .started_on
                        .checked_add_days(Days::new(u64::from(rules.review_after_days)))?;
                    let reviewed = mitigation.review.as_ref().is_some_and(|r| r.on <= as_of);
                    (as_of >= due && !reviewed).then_some(ReviewDue {
                        barrier: barrier.id(),
                        mitigation,
                        due,
                    })
                })
            })
            .collect()
    }

    /// Barriers affecting a carer.
    pub fn affecting(&self, carer: CarerId) -> Vec<&Barrier> {
        self.iter()
            .filter(|b| b.affects().contains(&carer))
            .collect()
    }

    /// Barriers holding back a goal.
    pub fn holding_back(&self, goal: GoalId) -> Vec<&Barrier> {
        self.iter().filter(|b| b.goals().contains(&goal)).collect()
    }

    /// How many barriers of each kind had been identified by `as_of`.
    pub fn count_by_kind(&self, as_of: NaiveDate) -> BTreeMap<BarrierKind, usize> {
        let mut counts = BTreeMap::new();
        for barrier in self.iter().filter(|b| b.identified_on() <= as_of) {
            *counts.entry(barrier.kind().clone()).or_insert(0) += 1;
        }
        counts
    }

    /// How many barriers were in each status on `as_of`.
    pub fn count_by_status(&self, as_of: NaiveDate) -> BTreeMap<BarrierStatus, usize> {
        let mut counts = BTreeMap::new();
        for status in self.iter().filter_map(|b| b.status_on(as_of)) {
            *counts.entry(status).or_insert(0) += 1;
        }
        counts
    }

    /// The mitigation with this id, wherever it is.
    pub fn mitigation(&self, id: MitigationId) -> Option<&MitigationAttempt> {
        self.iter()
            .flat_map(|b| b.mitigations().iter())
            .find(|m| m.id == id)
    }
}
