//! Statutory and agreed review cadences, schedules, outcomes and due dates.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{Days, NaiveDate};
use partnership_core::{
    CarerId, ChildId, GoalId, PartyRef, ReviewId, ReviewScheduleId, Sensitive, add_months,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{ReviewsError, Terms, WorkingCalendar};

/// How often reviews of a locally agreed partnership plan are held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum AgreedCadence {
    /// Every N weeks (1 to 52).
    EveryNWeeks {
        /// The number of weeks.
        weeks: u32,
    },
    /// Every calendar month.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    Monthly,
    /// Once a school term.
    Termly {
        /// The terms (default: autumn, spring, summer).
        #[serde(default)]
        terms: Terms,
    },
}

/// A kind of review, with the rule that sets its deadlines (DOMAIN.md section 5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ReviewKind {
    /// Looked-after child review: the first within 20 working days of becoming looked
    /// after, the second within 3 months of the first, then at most every 6 months
    /// (Care Planning, Placement and Case Review (England) Regulations 2010).
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    LookedAfterChild,
    /// Child protection conference: the initial conference within 15 working days of
    /// the strategy discussion, the first review within 3 months of it, then at most
    /// every 6 months (Working Together to Safeguard Children).
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    ChildProtection,
    /// EHC plan annual review: within 12 months of the plan being issued, then at
    /// least every 12 months (SEND Code of Practice 2015).
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    EhcPlanAnnualReview,
    /// EHC plan for a child under 5: the Code (9.178) says local authorities should
    /// consider a review every 3 to 6 months; not statutory, so configurable.
    EhcPlanUnderFive {
        /// Months between reviews, 3 to 6 (default 6).
        #[serde(default = "six")]
        months: u32,
    },
    /// Personal education plan for a looked-after child: started within 10 working
    /// days of becoming looked after, then reviewed every school term.
    PersonalEducationPlan {
        /// The terms (default: autumn, spring, summer).
        #[serde(default)]
        terms: Terms,
    },
    /// Child in need plan: a cadence set locally (default every 3 months).
    ChildInNeedPlan {
        /// Months between reviews, 1 to 12 (default 3).
        #[serde(default = "three")]
        months: u32,
    },
    /// A partnership review at whatever cadence the carers and professionals agree.
    AgreedPartnership {
        /// The agreed cadence.
        cadence: AgreedCadence,
    },
}

fn six() -> u32 {
    6
}

fn three() -> u32 {
    3
}

impl ReviewKind {
    /// Checks the kind's own settings (months and weeks within their bounds).
    ///
    /// # Errors
    ///
    /// [`ReviewsError`] naming the first rule the schedule breaks.
    pub fn check(&self) -> Result<(), ReviewsError> {
        let bounded = |field, min, max, found| {
            if (min..=max).contains(&found) {
                Ok(())
            } else {
                Err(ReviewsError::OutOfBounds {
                    field,
                    min,
                    max,
                    found,
                })
            }
        };
        match self {
            Self::EhcPlanUnderFive { months } => bounded("kind/months", 3, 6, *months),
            Self::ChildInNeedPlan { months } => bounded("kind/months", 1, 12, *months),
            Self::AgreedPartnership {
                cadence: AgreedCadence::EveryNWeeks { weeks },
            } => bounded("kind/cadence/weeks", 1, 52, *weeks),
            _ => Ok(()),
        }
    }

    /// Whether invitations for this kind must go out at least two weeks ahead by law
    /// (EHC plan reviews).
    pub const fn statutory_notice(&self) -> bool {
        matches!(
            self,
            Self::EhcPlanAnnualReview | Self::EhcPlanUnderFive { .. }
        )
    }
}

impl fmt::Display for ReviewKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::LookedAfterChild => "looked-after child review",
            Self::ChildProtection => "child protection conference",
            Self::EhcPlanAnnualReview => "EHC plan annual review",
            Self::EhcPlanUnderFive { .. } => "EHC plan review (under 5)",
            Self::PersonalEducationPlan { .. } => "personal education plan review",
            Self::ChildInNeedPlan { .. } => "child in need plan review",
            Self::AgreedPartnership { .. } => "partnership review",
        })
    }
}

/// The latest date a review may be held, and the rule that set it.
///
/// The rule is kept as data and put into words only when it is shown (`Display`, or
/// `Serialize` as a string): working out a deadline is on the hot path of due lists
/// over a whole authority, and most deadlines are never shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DueDate {
    /// The latest date.
    pub date: NaiveDate,
    /// Why: shown as "6 months after the review held on 2026-03-02".
    #[serde(serialize_with = "serialize_display")]
    #[schemars(with = "String")]
    pub rule: DueRule,
}

fn serialize_display<S: serde::Serializer>(
    value: &impl fmt::Display,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

/// How a deadline was counted: so many units after an event on a date.
///
/// ```
/// use chrono::NaiveDate;
/// use partnership_reviews::{next_review_due, ReviewKind, WorkingCalendar};
///
/// let start = NaiveDate::from_ymd_opt(2026, 12, 18).unwrap();
/// let due = next_review_due(&ReviewKind::LookedAfterChild, start, &[], &WorkingCalendar::england_and_wales()).unwrap();
/// assert_eq!(due.rule.to_string(), "20 working days after becoming looked after on 2026-12-18");
/// assert_eq!(due.rule, "20 working days after becoming looked after on 2026-12-18");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DueRule {
    /// How many units: 20 (working days), 3 (months), 6 (weeks); 1 for a term.
    pub count: u32,
    /// The unit counted.
    pub unit: DueUnit,
    /// The event the count starts from, in words: "becoming looked after on".
    pub after: &'static str,
    /// The date of that event.
    pub from: NaiveDate,
    /// Whether the cadence was agreed locally rather than set by statute.
    pub agreed: bool,
}

/// The unit a review deadline is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DueUnit {
    /// Working days (no weekends or bank holidays).
    WorkingDays,
    /// Calendar months, clamped to the end of a shorter month.
    Months,
    /// Weeks of seven days.
    Weeks,
    /// The end of the next school term.
    NextTerm,
}

impl fmt::Display for DueRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Self {
            count,
            unit,
            after,
            from,
            agreed,
        } = *self;
        let plural = if count == 1 { "" } else { "s" };
        match unit {
            DueUnit::WorkingDays => write!(f, "{count} working day{plural} after {after} {from}")?,
            DueUnit::Months => write!(f, "{count} month{plural} after {after} {from}")?,
            DueUnit::Weeks => write!(f, "{count} week{plural} after {after} {from}")?,
            DueUnit::NextTerm => write!(
                f,
                "by the end of the term after the one in which {after} {from}"
            )?,
        }
        if agreed && unit != DueUnit::NextTerm {
            f.write_str(", as agreed")?;
        }
        Ok(())
    }
}

impl PartialEq<str> for DueRule {
    fn eq(&self, words: &str) -> bool {
        // Compare without allocating: write the words into a comparing sink.
        struct Compare<'a> {
            rest: &'a str,
            same: bool,
        }
        impl fmt::Write for Compare<'_> {
            fn write_str(&mut self, piece: &str) -> fmt::Result {
                match self.rest.strip_prefix(piece) {
                    Some(rest) if self.same => self.rest = rest,
                    _ => self.same = false,
                }
                Ok(())
            }
        }
        let mut sink = Compare {
            rest: words,
            same: true,
        };
        let _ = fmt::write(&mut sink, format_args!("{self}"));
        sink.same && sink.rest.is_empty()
    }
}

impl PartialEq<&str> for DueRule {
    fn eq(&self, words: &&str) -> bool {
        self == *words
    }
}

fn months_after(
    from: NaiveDate,
    months: u32,
    after: &'static str,
) -> Result<DueDate, ReviewsError> {
    let date = add_months(from, months).ok_or(ReviewsError::OutOfRange {
        what: "next review",
    })?;
    Ok(DueDate {
        date,
        rule: DueRule {
            count: months,
            unit: DueUnit::Months,
            after,
            from,
            agreed: false,
        },
    })
}

fn working_days_after(
    calendar: &WorkingCalendar,
    from: NaiveDate,
    days: u32,
    after: &'static str,
) -> Result<DueDate, ReviewsError> {
    let date = calendar
        .add_working_days(from, days)
        .ok_or(ReviewsError::OutOfRange {
            what: "next review",
        })?;
    Ok(DueDate {
        date,
        rule: DueRule {
            count: days,
            unit: DueUnit::WorkingDays,
            after,
            from,
            agreed: false,
        },
    })
}

fn next_term(terms: &Terms, from: NaiveDate, after: &'static str) -> Result<DueDate, ReviewsError> {
    let date = terms
        .end_of_next_term(from)
        .ok_or(ReviewsError::OutOfRange {
            what: "next review",
        })?;
    Ok(DueDate {
        date,
        rule: DueRule {
            count: 1,
            unit: DueUnit::NextTerm,
            after,
            from,
            agreed: false,
        },
    })
}

/// The deadline for the review after `held` reviews, the last of them on `last`:
/// every rule after the first review counts calendar months or terms, so no calendar
/// is needed.
fn deadline_after_review(
    kind: &ReviewKind,
    held: usize,
    last: NaiveDate,
) -> Result<DueDate, ReviewsError> {
    let review = "the review held on";
    match kind {
        ReviewKind::LookedAfterChild if held == 1 => {
            months_after(last, 3, "the first review, held on")
        }
        ReviewKind::LookedAfterChild => months_after(last, 6, review),
        ReviewKind::ChildProtection if held == 1 => {
            months_after(last, 3, "the initial conference, held on")
        }
        ReviewKind::ChildProtection => months_after(last, 6, review),
        ReviewKind::EhcPlanAnnualReview => months_after(last, 12, review),
        ReviewKind::EhcPlanUnderFive { months } | ReviewKind::ChildInNeedPlan { months } => {
            months_after(last, *months, review)
        }
        ReviewKind::PersonalEducationPlan { terms } => {
            next_term(terms, last, "the review was held on")
        }
        ReviewKind::AgreedPartnership { cadence } => agreed_after(cadence, last, review),
    }
}

fn agreed_after(
    cadence: &AgreedCadence,
    from: NaiveDate,
    after: &'static str,
) -> Result<DueDate, ReviewsError> {
    let mut due = match cadence {
        AgreedCadence::EveryNWeeks { weeks } => {
            let date = from
                .checked_add_days(Days::new(u64::from(*weeks) * 7))
                .ok_or(ReviewsError::OutOfRange {
                    what: "next review",
                })?;
            DueDate {
                date,
                rule: DueRule {
                    count: *weeks,
                    unit: DueUnit::Weeks,
                    after,
                    from,
                    agreed: false,
                },
            }
        }
        AgreedCadence::Monthly => months_after(from, 1, after)?,
        AgreedCadence::Termly { terms } => next_term(terms, from, "it was agreed on")?,
    };
    due.rule.agreed = true;
    Ok(due)
}

/// The latest date the next review may be held, with the rule that set it, for a
/// review of `kind` whose clock started on `starts_on` (became looked after, the
/// strategy discussion, the plan issued, the plan agreed) and whose reviews were held
/// on `held` (oldest first). A review held late moves the next deadline from when it
/// was held.
///
/// # Errors
///
/// [`ReviewsError`] when the deadline falls outside the calendar's years or cannot be computed.
///
/// ```
/// use chrono::NaiveDate;
/// use partnership_reviews::{next_review_due, ReviewKind, WorkingCalendar};
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let calendar = WorkingCalendar::england_and_wales();
/// let kind = ReviewKind::LookedAfterChild;
/// let due = next_review_due(&kind, d(2026, 1, 5), &[d(2026, 1, 30), d(2026, 3, 2)], &calendar).unwrap();
/// assert_eq!(due.date, d(2026, 9, 2));
/// assert_eq!(due.rule, "6 months after the review held on 2026-03-02");
/// ```
pub fn next_review_due(
    kind: &ReviewKind,
    starts_on: NaiveDate,
    held: &[NaiveDate],
    calendar: &WorkingCalendar,
) -> Result<DueDate, ReviewsError> {
    next_due(kind, starts_on, held.len(), held.last().copied(), calendar)
}

/// [`next_review_due`] from how many reviews were held and when the last one was.
fn next_due(
    kind: &ReviewKind,
    starts_on: NaiveDate,
    held: usize,
    last: Option<NaiveDate>,
    calendar: &WorkingCalendar,
) -> Result<DueDate, ReviewsError> {
    if let Some(last) = last {
        return deadline_after_review(kind, held, last);
    }
    match kind {
        ReviewKind::LookedAfterChild => {
            working_days_after(calendar, starts_on, 20, "becoming looked after on")
        }
        ReviewKind::ChildProtection => {
            working_days_after(calendar, starts_on, 15, "the strategy discussion on")
        }
        ReviewKind::EhcPlanAnnualReview => months_after(starts_on, 12, "the plan was issued on"),
        ReviewKind::EhcPlanUnderFive { months } => {
            months_after(starts_on, *months, "the plan was issued on")
        }
        ReviewKind::PersonalEducationPlan { .. } => {
            working_days_after(calendar, starts_on, 10, "becoming looked after on")
        }
        ReviewKind::ChildInNeedPlan { months } => {
            months_after(starts_on, *months, "the plan was agreed on")
        }
        ReviewKind::AgreedPartnership { cadence } => {
            agreed_after(cadence, starts_on, "the plan was agreed on")
        }
    }
}

/// How a review stands as of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum DueState {
    /// More than the "due soon" window away.
    #[serde(rename_all = "camelCase")]
    Upcoming {
        /// Days until the deadline.
        days_left: i64,
    },
    /// Within the "due soon" window (the deadline itself included).
    #[serde(rename_all = "camelCase")]
    DueSoon {
        /// Days until the deadline (0 on the day).
        days_left: i64,
    },
    /// Past the deadline.
    #[serde(rename_all = "camelCase")]
    Overdue {
        /// Days past the deadline.
        days_overdue: i64,
    },
}

impl DueState {
    /// The state of a deadline `due` as of `as_of`, "due soon" within `soon_days`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use partnership_reviews::DueState;
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// assert_eq!(DueState::of(d(12, 1), d(11, 1), 14), DueState::Upcoming { days_left: 30 });
    /// assert_eq!(DueState::of(d(12, 1), d(11, 17), 14), DueState::DueSoon { days_left: 14 });
    /// assert_eq!(DueState::of(d(12, 1), d(12, 3), 14), DueState::Overdue { days_overdue: 2 });
    /// ```
    pub fn of(due: NaiveDate, as_of: NaiveDate, soon_days: u32) -> Self {
        let days_left = (due - as_of).num_days();
        if days_left < 0 {
            Self::Overdue {
                days_overdue: -days_left,
            }
        } else if days_left <= i64::from(soon_days) {
            Self::DueSoon { days_left }
        } else {
            Self::Upcoming { days_left }
        }
    }
}

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
    pub starts_on: NaiveDate,
    /// Reviews held, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<ReviewOutcome>,
    /// Days before a deadline from which a review is "due soon" (default 14).
    #[serde(default = "fourteen")]
    pub due_soon_days: u32,
    /// Days of notice invitations need (default 14; at least 14 for EHC plan reviews).
    #[serde(default = "fourteen")]
    pub invitation_notice_days: u32,
}

fn fourteen() -> u32 {
    14
}

fn check_schedule(parts: &ReviewScheduleParts) -> Result<(), ReviewsError> {
    parts.kind.check()?;
    if parts.kind.statutory_notice() && parts.invitation_notice_days < 14 {
        return Err(ReviewsError::OutOfBounds {
            field: "invitationNoticeDays",
            min: 14,
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
    /// use chrono::NaiveDate;
    /// use partnership_core::{ChildId, ReviewId, ReviewScheduleId};
    /// use partnership_reviews::*;
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

    /// The latest date the next review may be held, and the rule; see [`next_review_due`].
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
