//! iCalendar (RFC 5545) export of proposed review meetings.

use chrono::{DateTime, Days, NaiveDate, Utc};
use partnership_core::{ReviewId, TimeOfDay};

/// A meeting to put in a calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// The review: the event's UID is derived from it, so exporting again updates the
    /// same event rather than adding another.
    pub review: ReviewId,
    /// The date.
    pub date: NaiveDate,
    /// The start time and length in minutes; `None` for an all-day event.
    pub time: Option<(TimeOfDay, u16)>,
    /// What kind of review it is, shown as the summary ("looked-after child review").
    /// Must not be personal data.
    pub kind: String,
    /// Extra text the caller opts in to showing (a child's first name, a venue).
    /// `None` keeps personal data out of calendars, which are often shared or synced
    /// to phones.
    pub personal_detail: Option<String>,
    /// The revision of this event (RFC 5545 `SEQUENCE`, section 3.8.7.4): raise it
    /// whenever the meeting moves, so that a calendar importing the file again takes
    /// the new date rather than keeping the old.
    pub sequence: u32,
}

/// The time zone of every timed event: meetings are held in England and Wales, at
/// the wall-clock time there.
pub const TIME_ZONE: &str = "Europe/London";

/// `Europe/London` as a VTIMEZONE (RFC 5545 section 3.6.5), by the rules in force
/// since 1996: summer time (BST, UTC+1) from 01:00 UTC on the last Sunday of March to
/// 01:00 UTC on the last Sunday of October (the Summer Time Order 2002, following
/// Directive 2000/84/EC). Each DTSTART is the local time the change happens, before
/// it: 01:00 GMT in March, 02:00 BST in October.
const VTIMEZONE: [&str; 16] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19960331T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19961027T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
];

/// Escapes text for a TEXT property (RFC 5545 section 3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets (RFC 5545 section 3.1): a line longer
/// than that continues on the next after CRLF and a space, never splitting a
/// character.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn stamp(instant: DateTime<Utc>) -> String {
    instant.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Writes `events` as an iCalendar object (RFC 5545): the `Europe/London` time zone
/// (so the object holds a component even with no meetings, as section 3.4 requires),
/// then one VEVENT per meeting with a stable UID from the review id, its SEQUENCE,
/// the DTSTAMP supplied by the caller (the library reads no clock), all-day or timed
/// events (times are wall-clock times in England, `TZID=Europe/London`), CRLF line
/// endings and 75-octet folding. SUMMARY and DESCRIPTION carry no personal data
/// unless the caller opts in through [`CalendarEvent::personal_detail`].
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
/// use partnership::chrono::{NaiveDate, TimeZone, Utc};
/// use partnership::core::ReviewId;
/// use partnership::reviews::{to_icalendar, CalendarEvent};
///
/// let review: ReviewId = "0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b".parse().unwrap();
/// let text = to_icalendar(
///     &[CalendarEvent {
///         review,
///         date: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
///         time: Some(("18:00".parse().unwrap(), 60)),
///         kind: "partnership review".into(),
///         personal_detail: None,
///         sequence: 2,
///     }],
///     Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap(),
/// );
/// assert!(text.contains("UID:0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b@partnership\r\n"));
/// assert!(text.contains("DTSTART;TZID=Europe/London:20261203T180000\r\n"));
/// assert!(text.contains("SEQUENCE:2\r\n"));
/// assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n"));
/// assert!(text.contains("SUMMARY:Partnership review\r\n"));
/// assert!(text.lines().all(|l| l.len() <= 76)); // 75 octets plus the CR
/// ```
pub fn to_icalendar(events: &[CalendarEvent], dtstamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    push_line(&mut out, "BEGIN:VCALENDAR");
    push_line(&mut out, "VERSION:2.0");
    push_line(&mut out, "PRODID:-//partnership//review scheduling//EN");
    push_line(&mut out, "CALSCALE:GREGORIAN");
    for line in VTIMEZONE {
        push_line(&mut out, line);
    }
    push_line(&mut out, "END:VTIMEZONE");
    for event in events {
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}@partnership", event.review));
        push_line(&mut out, &format!("DTSTAMP:{}", stamp(dtstamp)));
        push_line(&mut out, &format!("SEQUENCE:{}", event.sequence));
        match event.time {
            Some((start, minutes)) => {
                let begins = event.date.and_time(start.to_naive_time());
                let ends = begins + chrono::Duration::minutes(i64::from(minutes));
                push_line(
                    &mut out,
                    &format!(
                        "DTSTART;TZID={TIME_ZONE}:{}",
                        begins.format("%Y%m%dT%H%M%S")
                    ),
                );
                push_line(
                    &mut out,
                    &format!("DTEND;TZID={TIME_ZONE}:{}", ends.format("%Y%m%dT%H%M%S")),
                );
            }
            None => {
                let next = event
                    .date
                    .checked_add_days(Days::new(1))
                    .unwrap_or(event.date);
                push_line(
                    &mut out,
                    &format!("DTSTART;VALUE=DATE:{}", event.date.format("%Y%m%d")),
                );
                push_line(
                    &mut out,
                    &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
                );
            }
        }
        let mut summary = event.kind.clone();
        if let Some(first) = summary.get(..1) {
            summary = first.to_uppercase() + summary.get(1..).unwrap_or_default();
        }
        push_line(&mut out, &format!("SUMMARY:{}", escape(&summary)));
        if let Some(detail) = &event.personal_detail {
            push_line(&mut out, &format!("DESCRIPTION:{}", escape(detail)));
        }
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}
