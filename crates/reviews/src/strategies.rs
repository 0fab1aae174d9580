//! Proptest strategies for valid values of this crate's public types (feature
//! `proptest`).

use chrono::{Duration, NaiveDate};
use partnership_core::strategies::{date, day_of_week, id, party_ref, personal_note, time_of_day};
use partnership_core::{AgencyId, CarerId, TimeOfDay};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::{
    AgreedCadence, CalendarEvent, CarerFeedback, ComplaintStage, GoalDecision, GoalReviewed,
    MeetingConstraints, MeetingWindow, Redress, RedressParts, RedressRoute, ReviewKind,
    ReviewOutcome, ReviewSchedule, ReviewScheduleParts, Terms, WorkingCalendar, next_review_due,
};

// Building a calendar fills a table of a century of days: once is enough.
static CALENDAR: std::sync::LazyLock<WorkingCalendar> =
    std::sync::LazyLock::new(WorkingCalendar::england_and_wales);

/// A kind of review, with settings within bounds.
pub fn review_kind() -> impl Strategy<Value = ReviewKind> {
    prop_oneof![
        Just(ReviewKind::LookedAfterChild),
        Just(ReviewKind::ChildProtection),
        Just(ReviewKind::EhcPlanAnnualReview),
        (3u32..=6).prop_map(|months| ReviewKind::EhcPlanUnderFive { months }),
        Just(ReviewKind::PersonalEducationPlan {
            terms: Terms::default()
        }),
        (1u32..=12).prop_map(|months| ReviewKind::ChildInNeedPlan { months }),
        prop_oneof![
            (1u32..=52).prop_map(|weeks| AgreedCadence::EveryNWeeks { weeks }),
            Just(AgreedCadence::Monthly),
            Just(AgreedCadence::Termly {
                terms: Terms::default()
            }),
        ]
        .prop_map(|cadence| ReviewKind::AgreedPartnership { cadence }),
    ]
}

fn outcome(held_on: NaiveDate, agreed: Option<NaiveDate>) -> impl Strategy<Value = ReviewOutcome> {
    (
        id(),
        vec(party_ref(), 0..4),
        vec(
            (
                id(),
                select(vec![
                    GoalDecision::Continue,
                    GoalDecision::ChangeTarget,
                    GoalDecision::Replace,
                    GoalDecision::Close,
                ]),
            ),
            0..3,
        ),
        vec(personal_note(), 0..2),
        vec((id(), personal_note()), 0..2),
    )
        .prop_map(
            move |(review, attended, goals, changes_agreed, feedback)| ReviewOutcome {
                review,
                held_on,
                attended,
                goals: goals
                    .into_iter()
                    .map(|(goal, decision)| GoalReviewed { goal, decision })
                    .collect(),
                changes_agreed,
                carer_feedback: feedback
                    .into_iter()
                    .map(|(carer, feedback)| CarerFeedback { carer, feedback })
                    .collect(),
                next_review_agreed: agreed,
            },
        )
}

/// A schedule with up to `max` reviews, each held somewhere between 30 days before
/// and 30 days after its deadline (so some are late), agreeing a next date within
/// the rule when it agrees one.
pub fn review_schedule(max: usize) -> impl Strategy<Value = ReviewSchedule> {
    (
        id(),
        id(),
        review_kind(),
        date(),
        vec((-30i64..30, option::of(0.0f64..1.0)), 0..=max),
        (1u32..30, 14u32..30),
    )
        .prop_flat_map(
            |(id, child, kind, starts_on, plan, (due_soon_days, invitation_notice_days))| {
                let calendar = &*CALENDAR;
                let mut held = Vec::new();
                let mut plans = Vec::new();
                for (offset, agreed) in plan {
                    let Ok(due) = next_review_due(&kind, starts_on, &held, calendar) else {
                        break;
                    };
                    let earliest = held.last().copied().unwrap_or(starts_on);
                    let on = (due.date + Duration::days(offset)).max(earliest);
                    held.push(on);
                    let next_deadline = next_review_due(&kind, starts_on, &held, calendar).ok();
                    let agreed = agreed.zip(next_deadline).map(|(fraction, deadline)| {
                        let span = (deadline.date - on).num_days().max(0) as f64;
                        on + Duration::days((span * fraction) as i64)
                    });
                    plans.push(outcome(on, agreed));
                }
                (
                    Just((
                        id,
                        child,
                        kind,
                        starts_on,
                        due_soon_days,
                        invitation_notice_days,
                    )),
                    plans,
                )
            },
        )
        .prop_filter_map(
            "valid schedule",
            |((id, child, kind, starts_on, due_soon_days, invitation_notice_days), outcomes)| {
                ReviewSchedule::try_from(ReviewScheduleParts {
                    id,
                    child,
                    kind,
                    starts_on,
                    outcomes,
                    due_soon_days,
                    invitation_notice_days,
                })
                .ok()
            },
        )
}

/// Meeting constraints with a window of up to six weeks.
pub fn meeting_constraints() -> impl Strategy<Value = MeetingConstraints> {
    (
        date(),
        0i64..42,
        15u16..120,
        vec((day_of_week(), time_of_day(), 30u16..300), 0..4),
        vec(day_of_week(), 0..3),
        vec(0i64..42, 0..4),
    )
        .prop_map(
            |(not_before, length, duration_minutes, windows, avoid_days, avoid)| {
                MeetingConstraints {
                    not_before,
                    deadline: not_before + Duration::days(length),
                    duration_minutes,
                    available: windows
                        .into_iter()
                        .map(|(day, from, minutes)| MeetingWindow {
                            day,
                            from,
                            until: {
                                let end =
                                    (from.minutes_since_midnight() + minutes).min(23 * 60 + 59);
                                let (hour, minute) = (end / 60, end % 60);
                                TimeOfDay::new(
                                    u8::try_from(hour).unwrap_or(23),
                                    u8::try_from(minute).unwrap_or(59),
                                )
                                .unwrap_or(TimeOfDay::MIDNIGHT)
                            },
                        })
                        .collect(),
                    avoid_days,
                    avoid_dates: avoid
                        .into_iter()
                        .map(|d| not_before + Duration::days(d))
                        .collect(),
                }
            },
        )
}

/// A calendar event, sometimes with personal detail opted in.
pub fn calendar_event() -> impl Strategy<Value = CalendarEvent> {
    (
        id(),
        date(),
        option::of((time_of_day(), 15u16..180)),
        review_kind(),
        option::of("\\PC{0,200}"),
        any::<u32>(),
    )
        .prop_map(
            |(review, date, time, kind, personal_detail, sequence)| CalendarEvent {
                review,
                date,
                time,
                kind: kind.to_string(),
                personal_detail,
                sequence,
            },
        )
}

/// A complaint or appeal by `carer`, complaining to `agency` when it is a complaint
/// to another agency (none: only the social care procedure and appeals), its dates
/// in order and its history consistent: open or closed, extended or not.
pub fn redress(carer: CarerId, agency: Option<AgencyId>) -> impl Strategy<Value = Redress> {
    let later = || option::of(0i64..120);
    let social_care = (
        select(vec![
            ComplaintStage::LocalResolution,
            ComplaintStage::Investigation,
            ComplaintStage::ReviewPanel,
        ]),
        date(),
        any::<bool>(),
        later(),
    )
        .prop_map(|(stage, received_on, extended, answered)| {
            RedressRoute::SocialCareComplaint {
                stage,
                received_on,
                extended: extended && stage != ComplaintStage::ReviewPanel,
                responded_on: answered.map(|days| received_on + Duration::days(days)),
            }
        });
    let agency_complaint = |agency| {
        (date(), later(), later()).prop_map(move |(received_on, by, answered)| {
            RedressRoute::AgencyComplaint {
                agency,
                received_on,
                respond_by: by.map(|days| received_on + Duration::days(days)),
                responded_on: answered.map(|days| received_on + Duration::days(days)),
            }
        })
    };
    let appeal = (date(), any::<bool>(), later(), later()).prop_map(
        |(decision_sent_on, only_school, certificate, lodged)| {
            let certificate = certificate.map(|days| decision_sent_on + Duration::days(days));
            // Lodged after the certificate, and only with one unless the appeal is
            // only about the school named.
            let lodged = lodged.and_then(|days| match certificate {
                Some(issued) => Some(issued + Duration::days(days)),
                None if only_school => Some(decision_sent_on + Duration::days(days)),
                None => None,
            });
            RedressRoute::TribunalAppeal {
                decision_sent_on,
                only_about_the_school_named: only_school,
                mediation_certificate_issued_on: certificate,
                lodged_on: lodged,
            }
        },
    );
    let route = match agency {
        Some(agency) => prop_oneof![social_care, agency_complaint(agency), appeal].boxed(),
        None => prop_oneof![social_care, appeal].boxed(),
    };
    (id(), route).prop_filter_map("a consistent history", move |(id, route)| {
        Redress::try_from(RedressParts { id, carer, route }).ok()
    })
}
