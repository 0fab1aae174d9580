//! Review schedules and the outcomes of the reviews held.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use partnership_core::{CarerId, ChildId, GoalId, PartyRef, ReviewId, ReviewScheduleId, Sensitive};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::due::{deadline_after_review, next_due};
use crate::{DueDate, DueState, ReviewKind, ReviewsError, WorkingCalendar};

/// What a review decided about a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum GoalDecision {
    /// Continue.
    Continue,
    /// Change the target.
    ChangeTarget,
    /// Replace with a new goal.
    Replace,
    /// Close.
    Close,
}

/// A goal reviewed at a meeting, by id, and what was decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GoalReviewed {
    /// The goal.
    pub goal: GoalId,
    /// The decision.
    pub decision: GoalDecision,
}

/// A carer's feedback on the support they receive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CarerFeedback {
    /// The carer.
    pub carer: CarerId,
    /// What they said. Personal data.
    pub feedback: Sensitive<String>,
}

/// What happened at a review meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReviewOutcome {
    /// The review's id (the meeting).
    pub review: ReviewId,
    /// When it was held.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub held_on: NaiveDate,
    /// Who attended.
    pub attended: Vec<PartyRef>,
    /// The goals reviewed and what was decided.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<GoalReviewed>,
    /// Changes agreed. Personal data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes_agreed: Vec<Sensitive<String>>,
    /// Carers' feedback on the support they receive.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub carer_feedback: Vec<CarerFeedback>,
    /// The date agreed for the next review: never later than the statutory deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
    pub next_review_agreed: Option<NaiveDate>,
}

/// The plain fields of a [`ReviewSchedule`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReviewScheduleParts {
    /// The schedule's id.
    pub id: ReviewScheduleId,
    /// The child.
    pub child: ChildId,
    /// The kind of review and its rule.
    pub kind: ReviewKind,
    /// When the clock started: became looked after, the strategy discussion, the plan
    /// issued, the plan agreed.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub starts_on: NaiveDate,
    /// Reviews held, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("uniqueItems" = true))]
    pub outcomes: Vec<ReviewOutcome>,
    /// Days before a deadline from which a review is "due soon" (default 14).
    #[serde(default = "fourteen")]
    pub due_soon_days: u32,
    /// Days of notice invitations need (default 14; at least 14 for EHC plan reviews;
    /// at most 365).
    #[serde(default = "fourteen")]
    #[schemars(range(max = 365))]
    pub invitation_notice_days: u32,
}

fn fourteen() -> u32 {
    14
}

fn check_schedule(parts: &ReviewScheduleParts) -> Result<(), ReviewsError> {
    parts.kind.check()?;
    // EHC plan reviews need two weeks' notice (SEND Code of Practice 2015; see
    // docs/domain.md); a year's notice is the most any review is planned with.
    let min = if parts.kind.statutory_notice() { 14 } else { 0 };
    if !(min..=365).contains(&parts.invitation_notice_days) {
        return Err(ReviewsError::OutOfBounds {
            field: "invitationNoticeDays",
            min,
            max: 365,
            found: parts.invitation_notice_days,
        });
    }
    let mut ids = BTreeSet::new();
    let mut previous = parts.starts_on;
    for (index, outcome) in parts.outcomes.iter().enumerate() {
        if !ids.insert(outcome.review) {
            return Err(ReviewsError::Duplicate {
                field: "outcomes",
                index,
            });
        }
        if outcome.held_on < previous {
            return Err(ReviewsError::HeldOn {
                index,
                rule: if index == 0 {
                    "a review cannot be held before the schedule starts"
                } else {
                    "reviews are kept in date order, oldest first"
                },
            });
        }
        previous = outcome.held_on;
        check_agreed(&parts.kind, index, outcome)?;
    }
    Ok(())
}

/// The agreed next date must fall between the review and the statutory deadline.
fn check_agreed(
    kind: &ReviewKind,
    index: usize,
    outcome: &ReviewOutcome,
) -> Result<(), ReviewsError> {
    let Some(agreed) = outcome.next_review_agreed else {
        return Ok(());
    };
    if agreed < outcome.held_on {
        return Err(ReviewsError::AgreedBeforeHeld { index });
    }
    let deadline = deadline_after_review(kind, index + 1, outcome.held_on)?;
    if agreed > deadline.date {
        return Err(ReviewsError::AgreedAfterDeadline {
            index,
            agreed,
            deadline: deadline.date,
            rule: deadline.rule.to_string(),
        });
    }
    Ok(())
}

partnership_core::validated! {
    /// A child's reviews of one kind: when the clock started, the reviews held with
    /// their outcomes, and the settings for "due soon" and invitations.
    ///
    /// Reading a schedule from JSON checks that reviews are in order and that no
    /// agreed next date is later than the statutory deadline.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::core::{ChildId, ReviewId, ReviewScheduleId};
    /// use partnership::reviews::*;
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let calendar = WorkingCalendar::england_and_wales();
    /// let mut schedule = ReviewSchedule::try_from(ReviewScheduleParts {
    ///     id: ReviewScheduleId::random(),
    ///     child: ChildId::random(),
    ///     kind: ReviewKind::LookedAfterChild,
    ///     starts_on: d(2026, 12, 18),
    ///     outcomes: vec![],
    ///     due_soon_days: 14,
    ///     invitation_notice_days: 14,
    /// }).unwrap();
    /// assert_eq!(schedule.next_review_due(&calendar).unwrap().date, d(2027, 1, 20));
    ///
    /// // The first review is held on 15 January and agrees a date too late for the rule.
    /// let outcome = ReviewOutcome {
    ///     review: ReviewId::random(),
    ///     held_on: d(2027, 1, 15),
    ///     attended: vec![],
    ///     goals: vec![],
    ///     changes_agreed: vec![],
    ///     carer_feedback: vec![],
    ///     next_review_agreed: Some(d(2027, 5, 1)),
    /// };
    /// let err = schedule.record(outcome.clone()).unwrap_err();
    /// assert!(err.to_string().contains("2027-04-15"));
    /// schedule.record(ReviewOutcome { next_review_agreed: Some(d(2027, 4, 8)), ..outcome }).unwrap();
    /// assert_eq!(schedule.next_review_due(&calendar).unwrap().rule, "3 months after the first review, held on 2027-01-15");
    /// ```
    #[derive(Clone, PartialEq, Eq)]
    pub struct ReviewSchedule(ReviewScheduleParts);
    check = check_schedule;
    error = ReviewsError;
}

impl ReviewSchedule {
    /// The schedule's id.
    pub fn id(&self) -> ReviewScheduleId {
        self.0.id
    }

    /// The child.
    pub fn child(&self) -> ChildId {
        self.0.child
    }

    /// The kind of review and its rule.
    pub fn kind(&self) -> &ReviewKind {
        &self.0.kind
    }

    /// When the clock started: became looked after, the strategy discussion, the plan
    /// issued, the plan agreed.
    pub fn starts_on(&self) -> NaiveDate {
        self.0.starts_on
    }

    /// Reviews held, oldest first.
    pub fn outcomes(&self) -> &[ReviewOutcome] {
        &self.0.outcomes
    }

    /// Days before a deadline from which a review is "due soon" (default 14).
    pub fn due_soon_days(&self) -> u32 {
        self.0.due_soon_days
    }

    /// Days of notice invitations need (default 14; at least 14 for EHC plan reviews).
    pub fn invitation_notice_days(&self) -> u32 {
        self.0.invitation_notice_days
    }
}

impl ReviewSchedule {
    /// The dates reviews were held, oldest first.
    pub fn held(&self) -> Vec<NaiveDate> {
        self.outcomes().iter().map(|o| o.held_on).collect()
    }

    /// The latest date the next review may be held, and the rule; see [`next_review_due`](crate::next_review_due).
    ///
    /// # Errors
    ///
    /// [`ReviewsError`] when the deadline falls outside the calendar's years or cannot be computed.
    pub fn next_review_due(&self, calendar: &WorkingCalendar) -> Result<DueDate, ReviewsError> {
        next_due(
            self.kind(),
            self.starts_on(),
            self.outcomes().len(),
            self.outcomes().last().map(|o| o.held_on),
            calendar,
        )
    }

    /// The date agreed at the last review for the next one, if any.
    pub fn next_review_agreed(&self) -> Option<NaiveDate> {
        self.outcomes().last().and_then(|o| o.next_review_agreed)
    }

    /// How the next review stands as of `as_of`.
    ///
    /// # Errors
    ///
    /// As [`next_review_due`](Self::next_review_due).
    pub fn due_state(
        &self,
        as_of: NaiveDate,
        calendar: &WorkingCalendar,
    ) -> Result<DueState, ReviewsError> {
        let due = self.next_review_due(calendar)?;
        Ok(DueState::of(due.date, as_of, self.due_soon_days()))
    }

    /// The date by which invitations to a meeting on `meeting` must go out.
    pub fn invitations_by(&self, meeting: NaiveDate) -> Option<NaiveDate> {
        meeting.checked_sub_days(Days::new(u64::from(self.invitation_notice_days())))
    }

    /// Records a review held, checking its date and its agreed next date against the
    /// statutory deadline; on error nothing changes.
    ///
    /// # Errors
    ///
    /// [`ReviewsError`] when the review is out of date order or agrees a next date later than the statutory deadline; the schedule is unchanged.
    pub fn record(&mut self, outcome: ReviewOutcome) -> Result<(), ReviewsError> {
        let mut parts = self.0.clone();
        parts.outcomes.push(outcome);
        *self = Self::try_from(parts)?;
        Ok(())
    }
}
