//! [`propose_meeting`]: a meeting date that fits the carers, with the reason.

use std::fmt;

use chrono::NaiveDate;
use partnership_core::{DayOfWeek, TimeOfDay};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{ReviewsError, WorkingCalendar};

/// A day of the week and a window of time in which the carers can meet, as plain
/// data (this crate does not depend on the carers crate).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MeetingWindow {
    /// The day.
    pub day: DayOfWeek,
    /// From.
    pub from: TimeOfDay,
    /// Until.
    pub until: TimeOfDay,
}

/// What a meeting date must fit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MeetingConstraints {
    /// The earliest date: the lead window (for example, after invitations can go out).
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub not_before: NaiveDate,
    /// The latest date: the review's deadline.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub deadline: NaiveDate,
    /// How long the meeting lasts, in minutes.
    pub duration_minutes: u16,
    /// When the carers can meet; empty means any time of a working day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub available: Vec<MeetingWindow>,
    /// Days of the week to avoid (religious observance).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub avoid_days: Vec<DayOfWeek>,
    /// Dates to avoid (festivals, a carer's hospital appointment).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "partnership_core::canonical_date::list")]
    pub avoid_dates: Vec<NaiveDate>,
}

/// A constraint the proposed date breaks, reported rather than silently ignored.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum MeetingConflict {
    /// The date is not a working day.
    NotAWorkingDay,
    /// It falls on a day of the week to avoid.
    DayToAvoid,
    /// It is a date to avoid.
    DateToAvoid,
    /// The carers are not available that day for long enough.
    CarersUnavailable,
}

impl fmt::Display for MeetingConflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NotAWorkingDay => "it is not a working day",
            Self::DayToAvoid => "it falls on a day the carers asked to avoid",
            Self::DateToAvoid => "it is a date the carers asked to avoid",
            Self::CarersUnavailable => "the carers are not available for long enough that day",
        })
    }
}

/// A proposed meeting: the date, a start time when the carers gave windows, why this
/// date, and any constraint it breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MeetingProposal {
    /// The date.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub date: NaiveDate,
    /// The start time, from the carers' window that day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_at: Option<TimeOfDay>,
    /// Why this date, in words.
    pub reason: String,
    /// Constraints broken because no day in the window fits them all; empty when the
    /// date fits everything.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<MeetingConflict>,
}

fn conflicts_on(
    calendar: &WorkingCalendar,
    constraints: &MeetingConstraints,
    date: NaiveDate,
) -> (Vec<MeetingConflict>, Option<TimeOfDay>) {
    let mut conflicts = Vec::new();
    let day = DayOfWeek::of(date);
    if !calendar.is_working_day(date) {
        conflicts.push(MeetingConflict::NotAWorkingDay);
    }
    if constraints.avoid_days.contains(&day) {
        conflicts.push(MeetingConflict::DayToAvoid);
    }
    if constraints.avoid_dates.contains(&date) {
        conflicts.push(MeetingConflict::DateToAvoid);
    }
    let window = constraints.available.iter().find(|w| {
        w.day == day
            && w.until.minutes_since_midnight()
                >= w.from.minutes_since_midnight() + constraints.duration_minutes
    });
    if !constraints.available.is_empty() && window.is_none() {
        conflicts.push(MeetingConflict::CarersUnavailable);
    }
    (conflicts, window.map(|w| w.from))
}

/// Proposes the first working day from `not_before` to the deadline that fits the
/// carers' availability and avoids their days of observance and other dates; the
/// start time is the start of their window that day. The first fitting day leaves the
/// most room to rearrange before the deadline.
///
/// When no day fits, it proposes the latest working day on or before the deadline and
/// lists the constraints that date breaks, rather than silently breaking a rule.
///
/// # Errors
///
/// [`ReviewsError::EmptyWindow`] when `not_before` is after the deadline, and [`ReviewsError::OutOfRange`] when the dates run past the calendar. A deadline with no suitable window is not an error: the proposal says so, with its conflicts.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::core::DayOfWeek;
/// use partnership::reviews::*;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let calendar = WorkingCalendar::england_and_wales();
/// // The deadline is Friday 4 December; the carer can meet Thursday or Friday
/// // evenings but observes Friday prayers.
/// let proposal = propose_meeting(&calendar, &MeetingConstraints {
///     not_before: d(11, 30),
///     deadline: d(12, 4),
///     duration_minutes: 60,
///     available: vec![
///         MeetingWindow { day: DayOfWeek::Thursday, from: "18:00".parse().unwrap(), until: "20:00".parse().unwrap() },
///         MeetingWindow { day: DayOfWeek::Friday, from: "18:00".parse().unwrap(), until: "20:00".parse().unwrap() },
///     ],
///     avoid_days: vec![DayOfWeek::Friday],
///     avoid_dates: vec![],
/// }).unwrap();
/// assert_eq!(proposal.date, d(12, 3));
/// assert_eq!(proposal.starts_at.unwrap().to_string(), "18:00");
/// assert!(proposal.conflicts.is_empty());
/// ```
pub fn propose_meeting(
    calendar: &WorkingCalendar,
    constraints: &MeetingConstraints,
) -> Result<MeetingProposal, ReviewsError> {
    if constraints.not_before > constraints.deadline {
        return Err(ReviewsError::EmptyWindow);
    }
    let mut day = constraints.not_before;
    while day <= constraints.deadline {
        let (conflicts, starts_at) = conflicts_on(calendar, constraints, day);
        if conflicts.is_empty() {
            let mut reason = format!(
                "the first working day from {} that fits the carers' availability",
                constraints.not_before
            );
            if !constraints.avoid_days.is_empty() || !constraints.avoid_dates.is_empty() {
                reason.push_str(" and avoids the days they asked to avoid");
            }
            reason.push_str(&format!(
                ", before the deadline of {}",
                constraints.deadline
            ));
            return Ok(MeetingProposal {
                date: day,
                starts_at,
                reason,
                conflicts,
            });
        }
        day = day.succ_opt().ok_or(ReviewsError::OutOfRange {
            what: "meeting date",
        })?;
    }
    let fallback = calendar
        .working_day_on_or_before(constraints.deadline)
        .filter(|d| *d >= constraints.not_before)
        .unwrap_or(constraints.deadline);
    let (conflicts, starts_at) = conflicts_on(calendar, constraints, fallback);
    Ok(MeetingProposal {
        date: fallback,
        starts_at,
        reason: format!(
            "no day from {} to {} fits every constraint, so the latest working day before the deadline is proposed; rearrange with the carers",
            constraints.not_before, constraints.deadline
        ),
        conflicts,
    })
}
