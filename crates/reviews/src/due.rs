//! When the next review is due, by which rule, and how near that is.

use std::fmt;

use chrono::{Days, NaiveDate};
use partnership_core::add_months;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{AgreedCadence, ReviewKind, ReviewsError, Terms, WorkingCalendar};

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
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::reviews::{next_review_due, ReviewKind, WorkingCalendar};
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

/// The deadline `count` `unit`s `after` `from`, by a statutory rule: `date` is
/// `None` when it is beyond the dates the library works with.
fn statutory(
    date: Option<NaiveDate>,
    count: u32,
    unit: DueUnit,
    after: &'static str,
    from: NaiveDate,
) -> Result<DueDate, ReviewsError> {
    let date = date.ok_or(ReviewsError::OutOfRange {
        what: "next review",
    })?;
    Ok(DueDate {
        date,
        rule: DueRule {
            count,
            unit,
            after,
            from,
            agreed: false,
        },
    })
}

fn months_after(
    from: NaiveDate,
    months: u32,
    after: &'static str,
) -> Result<DueDate, ReviewsError> {
    statutory(
        add_months(from, months),
        months,
        DueUnit::Months,
        after,
        from,
    )
}

fn working_days_after(
    calendar: &WorkingCalendar,
    from: NaiveDate,
    days: u32,
    after: &'static str,
) -> Result<DueDate, ReviewsError> {
    let date = calendar.add_working_days(from, days);
    statutory(date, days, DueUnit::WorkingDays, after, from)
}

fn next_term(terms: &Terms, from: NaiveDate, after: &'static str) -> Result<DueDate, ReviewsError> {
    statutory(
        terms.end_of_next_term(from),
        1,
        DueUnit::NextTerm,
        after,
        from,
    )
}

/// The deadline for the review after `held` reviews, the last of them on `last`:
/// every rule after the first review counts calendar months or terms, so no calendar
/// is needed.
pub(crate) fn deadline_after_review(
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
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::reviews::{next_review_due, ReviewKind, WorkingCalendar};
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
pub(crate) fn next_due(
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
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::reviews::DueState;
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
