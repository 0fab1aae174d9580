//! `partnership ics`: the next meeting of each review schedule as iCalendar, at a time
//! the involved carers said suits them.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use partnership_reviews::{
    CalendarEvent, MeetingConstraints, MeetingWindow, WorkingCalendar, propose_meeting,
    to_icalendar,
};

use crate::{Failure, midday, valid_record, write_err};

pub(crate) fn run(file: &Path, as_of: NaiveDate, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    let record = valid_record(file)?;
    let calendar = WorkingCalendar::england_and_wales();
    let available: Vec<MeetingWindow> = record
        .carers()
        .iter()
        .filter(|c| !c.involvement().is_restricted())
        .flat_map(|c| c.communication().availability.iter())
        .map(|w| MeetingWindow {
            day: w.day(),
            from: w.from(),
            until: w.until(),
        })
        .collect();
    let avoid_days = record
        .carers()
        .iter()
        .flat_map(|c| c.considerations().religious_observances.iter())
        .flat_map(|o| o.days_to_avoid.iter().copied())
        .collect::<Vec<_>>();
    // The revision: every change recorded to the record raises it, so a calendar that
    // imports the file again takes a meeting that has moved. It never falls (the
    // provenance only grows); a record edited by hand, outside `apply`, keeps its
    // number, and its calendar is best imported afresh.
    let sequence = u32::try_from(record.provenance().len()).unwrap_or(u32::MAX);
    let mut events = Vec::new();
    for schedule in record.reviews().iter() {
        // A meeting after 9999-12-31 cannot be written as a calendar date.
        let Ok(due) = schedule.next_review_due(&calendar) else {
            continue;
        };
        if due.date > partnership_core::LAST_WRITTEN_DAY {
            continue;
        }
        let window_start = due
            .date
            .checked_sub_days(chrono::Days::new(14))
            .unwrap_or(due.date)
            .max(as_of);
        let constraints = MeetingConstraints {
            not_before: window_start.min(due.date),
            deadline: due.date,
            duration_minutes: 60,
            available: available.clone(),
            avoid_days: avoid_days.clone(),
            avoid_dates: Vec::new(),
        };
        let Ok(proposal) = propose_meeting(&calendar, &constraints) else {
            continue;
        };
        // A stable id for the next meeting of this schedule: exporting again
        // updates the same calendar event rather than adding another.
        let next = u128::try_from(schedule.outcomes().len()).unwrap_or(0) + 1;
        let review = partnership_core::ReviewId::from_uuid(uuid::Uuid::from_u128(
            schedule.id().as_uuid().as_u128().wrapping_add(next),
        ));
        events.push(CalendarEvent {
            review,
            date: proposal.date,
            time: proposal.starts_at.map(|t| (t, 60)),
            kind: schedule.kind().to_string(),
            personal_detail: None,
            sequence,
        });
    }
    write!(out, "{}", to_icalendar(&events, midday(as_of))).map_err(write_err)?;
    Ok(ExitCode::SUCCESS)
}
