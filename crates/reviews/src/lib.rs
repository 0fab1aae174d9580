//! Review scheduling: statutory deadlines counted exactly, meetings that fit the
//! carers, and the reason for every date.
//!
//! "Progress is reviewed monthly." Behind that sentence sit statutory deadlines
//! counted in working days and calendar months, bank holidays, carers who can only
//! meet after work or never on a day of religious observance, and invitations that
//! must go out two weeks ahead. This crate does that arithmetic and says why a date
//! was chosen.
//!
//! - [`WorkingCalendar`]: England and Wales bank holidays from the rules and every
//!   one-off change since 1995, plus announced changes and closures as data;
//!   [`add_working_days`](WorkingCalendar::add_working_days),
//!   [`working_days_between`](WorkingCalendar::working_days_between). Calendar-month
//!   arithmetic clamps to the end of the month ([`partnership_core::add_months`]).
//! - [`ReviewKind`] and [`next_review_due`]: each statutory rule, with the rule in
//!   words; [`ReviewSchedule`] with outcomes, [`DueState`] and invitation dates.
//! - [`propose_meeting`]: a date that fits the carers, or the conflicts when none does.
//! - [`invitation_list`], [`phase_transitions`] (two- and three-tier systems, with
//!   the EHC plan deadlines of SEND Regulations 2014 reg 18), [`to_icalendar`].
//! - [`EhcAssessmentTimescales`]: an EHC needs assessment's 6-, 16- and 20-week limits
//!   and the recorded reasons that lift them; [`send_tribunal_appeal_by`]: the time to
//!   appeal, the later of two months from the decision and one month from a mediation
//!   certificate.
//! - [`Redress`]: complaints and appeals a carer makes, with their deadlines
//!   ([`ComplaintStage`]: the children's social care procedure's working days).
//! - [`Terms`]: school terms with their last days; the default ends each term early
//!   enough that a termly deadline never falls in a holiday.
//!
//! # A worked example
//!
//! A child becomes looked after on Friday 18 December 2026. Her first three review
//! deadlines follow, each from when the last review was actually held. Her mother and
//! the school agree a monthly partnership review; the mother observes Friday prayers,
//! so the meeting is moved off Fridays. The meeting goes into a calendar.
//!
//! ```
//! # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
//! use partnership::chrono::{NaiveDate, TimeZone, Utc};
//! use partnership::core::{DayOfWeek, ReviewId};
//! use partnership::reviews::*;
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
//! let calendar = WorkingCalendar::england_and_wales();
//! let looked_after = ReviewKind::LookedAfterChild;
//!
//! let first = next_review_due(&looked_after, d(2026, 12, 18), &[], &calendar).unwrap();
//! assert_eq!(first.date, d(2027, 1, 20));
//! assert_eq!(first.rule, "20 working days after becoming looked after on 2026-12-18");
//!
//! let second = next_review_due(&looked_after, d(2026, 12, 18), &[d(2027, 1, 19)], &calendar).unwrap();
//! assert_eq!(second.date, d(2027, 4, 19));
//!
//! // Held late, on 23 April: the third deadline runs from then.
//! let third = next_review_due(&looked_after, d(2026, 12, 18), &[d(2027, 1, 19), d(2027, 4, 23)], &calendar).unwrap();
//! assert_eq!(third.date, d(2027, 10, 23));
//! assert_eq!(third.rule, "6 months after the review held on 2027-04-23");
//!
//! // The monthly partnership review: due by Friday 29 January 2027.
//! let monthly = ReviewKind::AgreedPartnership { cadence: AgreedCadence::Monthly };
//! let due = next_review_due(&monthly, d(2026, 12, 29), &[], &calendar).unwrap();
//! assert_eq!(due.date, d(2027, 1, 29));
//! let meeting = propose_meeting(&calendar, &MeetingConstraints {
//!     not_before: d(2027, 1, 29),
//!     deadline: due.date,
//!     duration_minutes: 45,
//!     available: vec![],
//!     avoid_days: vec![DayOfWeek::Friday],
//!     avoid_dates: vec![],
//! }).unwrap();
//! // Only Friday the 29th was in the window, so the conflict is reported, not hidden.
//! assert_eq!(meeting.conflicts, vec![MeetingConflict::DayToAvoid]);
//! let meeting = propose_meeting(&calendar, &MeetingConstraints {
//!     not_before: d(2027, 1, 25),
//!     deadline: due.date,
//!     duration_minutes: 45,
//!     available: vec![],
//!     avoid_days: vec![DayOfWeek::Friday],
//!     avoid_dates: vec![],
//! }).unwrap();
//! assert_eq!(meeting.date, d(2027, 1, 25));
//!
//! let ics = to_icalendar(
//!     &[CalendarEvent {
//!         review: "0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b".parse::<ReviewId>().unwrap(),
//!         date: meeting.date,
//!         time: None,
//!         kind: monthly.to_string(),
//!         personal_detail: None,
//!         sequence: 0,
//!     }],
//!     Utc.with_ymd_and_hms(2027, 1, 4, 9, 0, 0).unwrap(),
//! );
//! assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
//! assert!(ics.contains("\r\nBEGIN:VEVENT\r\nUID:0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b@partnership\r\n\
//!     DTSTAMP:20270104T090000Z\r\nSEQUENCE:0\r\nDTSTART;VALUE=DATE:20270125\r\n\
//!     DTEND;VALUE=DATE:20270126\r\nSUMMARY:Partnership review\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"));
//! ```

mod calendar;
mod due;
mod error;
mod ical;
mod invitations;
mod kind;
mod meeting;
mod phases;
mod redress;
mod schedule;
mod send;
#[cfg(feature = "proptest")]
pub mod strategies;
mod terms;

pub use calendar::{HolidayChange, HolidayRule, WorkingCalendar, easter_sunday};
pub use due::{DueDate, DueRule, DueState, DueUnit, next_review_due};
pub use error::ReviewsError;
pub use ical::{CalendarEvent, to_icalendar};
pub use invitations::{
    CarerInvitee, InvitationList, LeftOut, RecordedRestriction, invitation_list,
};
pub use kind::{AgreedCadence, ReviewKind};
pub use meeting::{
    MeetingConflict, MeetingConstraints, MeetingProposal, MeetingWindow, propose_meeting,
};
pub use phases::{
    PhaseTransfer, PhaseTransition, SchoolSystem, phase_transitions, phase_transitions_in,
    post16_transfer_amended_by, preparing_for_adulthood_from,
};
pub use redress::{ComplaintStage, Redress, RedressDeadline, RedressParts, RedressRoute};
pub use schedule::{
    CarerFeedback, GoalDecision, GoalReviewed, ReviewOutcome, ReviewSchedule, ReviewScheduleParts,
};
pub use send::{
    AssessmentStep, EhcAssessmentTimescales, TimescaleException, send_tribunal_appeal_by,
};
pub use terms::{MonthDay, Term, TermName, Terms};
