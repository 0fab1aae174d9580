//! The calendar, cadences, meetings and iCalendar export, as properties and tables.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use partnership_core::YearGroup;
use partnership_core::json::from_json_str;
use partnership_core::strategies::{date, date_between, json_round_trip};
use partnership_reviews::strategies as s;
use partnership_reviews::*;
use proptest::collection::vec;
use proptest::prelude::*;

static CALENDAR: LazyLock<WorkingCalendar> = LazyLock::new(WorkingCalendar::england_and_wales);

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const ONE_OFF_YEARS: [i32; 8] = [1995, 1999, 2002, 2011, 2012, 2020, 2022, 2023];

fn wide_date() -> impl Strategy<Value = NaiveDate> {
    date_between(d(1994, 6, 1), d(2102, 6, 1))
}

proptest! {
    #[test]
    fn add_working_days_lands_on_working_day(from in wide_date(), n in 1u32..400) {
        let to = CALENDAR.add_working_days(from, n).unwrap();
        prop_assert!(CALENDAR.is_working_day(to));
        prop_assert!(to > from);
        prop_assert!(to.weekday() != Weekday::Sat && to.weekday() != Weekday::Sun);
        prop_assert!(!CALENDAR.is_bank_holiday(to));
    }

    #[test]
    fn working_days_between_inverts_add_working_days(from in wide_date(), n in 0u32..400) {
        let to = CALENDAR.add_working_days(from, n).unwrap();
        prop_assert_eq!(CALENDAR.working_days_between(from, to), i64::from(n));
        // And from the other side: counting then adding returns the last working day.
        let later = from + Duration::days(i64::from(n));
        let count = CALENDAR.working_days_between(from, later);
        let back = CALENDAR.add_working_days(from, u32::try_from(count).unwrap()).unwrap();
        prop_assert!(back <= later);
        prop_assert_eq!(CALENDAR.working_days_between(back, later), 0);
    }

    #[test]
    fn fast_table_agrees_with_counting_day_by_day(from in date(), n in 0u32..60) {
        let to = CALENDAR.add_working_days(from, n).unwrap();
        let mut day = from;
        let mut left = n;
        while left > 0 {
            day = day.succ_opt().unwrap();
            let working = !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !CALENDAR.is_bank_holiday(day);
            if working { left -= 1; }
        }
        prop_assert_eq!(to, day);
    }

    #[test]
    fn bank_holidays_are_eight_in_ordinary_years(year in 1995i32..=2100) {
        prop_assume!(!ONE_OFF_YEARS.contains(&year));
        let days = CALENDAR.bank_holidays(year);
        prop_assert_eq!(days.len(), 8, "{}: {:?}", year, days);
        for day in &days {
            prop_assert!(!matches!(day.weekday(), Weekday::Sat | Weekday::Sun), "{} at a weekend", day);
        }
    }

    #[test]
    fn next_review_never_after_statutory_deadline(schedule in s::review_schedule(6)) {
        // Every agreed date in a valid schedule is within the rule after its review.
        let kind = &schedule.kind();
        let held = schedule.held();
        for (i, outcome) in schedule.outcomes().iter().enumerate() {
            if let Some(agreed) = outcome.next_review_agreed {
                let deadline = next_review_due(kind, schedule.starts_on(), &held[..=i], &CALENDAR).unwrap();
                prop_assert!(agreed <= deadline.date);
                prop_assert!(agreed >= outcome.held_on);
            }
        }
        // The deadline runs from when the last review was actually held.
        let due = schedule.next_review_due(&CALENDAR).unwrap();
        if let Some(last) = held.last() {
            prop_assert!(due.date > *last);
            prop_assert!(due.rule.to_string().contains(&last.to_string()));
        }
    }

    #[test]
    fn agreed_date_beyond_deadline_rejected(schedule in s::review_schedule(4), later in 1i64..400, extra in s::review_schedule(1)) {
        let due = schedule.next_review_due(&CALENDAR).unwrap();
        let held_on = due.date.min(schedule.held().last().copied().unwrap_or(schedule.starts_on()).max(schedule.starts_on()));
        let mut held = schedule.held();
        held.push(held_on);
        let deadline = next_review_due(schedule.kind(), schedule.starts_on(), &held, &CALENDAR).unwrap();
        let mut outcome = extra.outcomes().first().cloned().unwrap_or(ReviewOutcome {
            review: "00000000-0000-4000-8000-000000000001".parse().unwrap(),
            held_on,
            attended: vec![],
            goals: vec![],
            changes_agreed: vec![],
            carer_feedback: vec![],
            next_review_agreed: None,
        });
        prop_assume!(!schedule.outcomes().iter().any(|o| o.review == outcome.review));
        outcome.held_on = held_on;
        outcome.next_review_agreed = Some(deadline.date + Duration::days(later));
        let mut changed = schedule.clone();
        let err = changed.record(outcome.clone());
        let is_after_deadline = matches!(err, Err(ReviewsError::AgreedAfterDeadline { .. }));
        prop_assert!(is_after_deadline);
        prop_assert_eq!(&changed, &schedule, "a refused outcome changed the schedule");
        // On the deadline itself it is accepted.
        outcome.next_review_agreed = Some(deadline.date);
        prop_assert!(changed.record(outcome).is_ok());
    }

    #[test]
    fn proposed_meeting_is_a_working_day_within_window(constraints in s::meeting_constraints()) {
        let proposal = propose_meeting(&CALENDAR, &constraints).unwrap();
        if proposal.conflicts.is_empty() {
            prop_assert!(CALENDAR.is_working_day(proposal.date));
            prop_assert!(proposal.date >= constraints.not_before && proposal.date <= constraints.deadline);
            let day = partnership_core::DayOfWeek::of(proposal.date);
            prop_assert!(!constraints.avoid_days.contains(&day));
            prop_assert!(!constraints.avoid_dates.contains(&proposal.date));
            if !constraints.available.is_empty() {
                let start = proposal.starts_at.unwrap();
                prop_assert!(constraints.available.iter().any(|w| w.day == day && w.from == start));
            }
        } else {
            // Nothing in the window fitted: the proposal says which rules it breaks.
            let mut day = constraints.not_before;
            while day <= constraints.deadline {
                let fits = CALENDAR.is_working_day(day)
                    && !constraints.avoid_days.contains(&partnership_core::DayOfWeek::of(day))
                    && !constraints.avoid_dates.contains(&day)
                    && (constraints.available.is_empty() || constraints.available.iter().any(|w| w.day == partnership_core::DayOfWeek::of(day)
                        && w.until.minutes_since_midnight() >= w.from.minutes_since_midnight() + constraints.duration_minutes));
                prop_assert!(!fits, "{} fitted but was not proposed", day);
                day = day.succ_opt().unwrap();
            }
            prop_assert!(proposal.date <= constraints.deadline);
        }
    }

    #[test]
    fn due_state_is_monotone(due in date(), start in -100i64..0, soon in 0u32..30) {
        let rank = |s: DueState| match s {
            DueState::Upcoming { .. } => 0,
            DueState::DueSoon { .. } => 1,
            DueState::Overdue { .. } => 2,
        };
        let mut previous = 0;
        for offset in start..60 {
            let state = DueState::of(due, due + Duration::days(offset), soon);
            prop_assert!(rank(state) >= previous, "went back to {:?}", state);
            previous = rank(state);
        }
        prop_assert_eq!(previous, 2);
    }

    #[test]
    fn icalendar_lines_fold_within_75_octets(events in vec(s::calendar_event(), 0..5)) {
        let stamp = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let text = to_icalendar(&events, stamp);
        prop_assert!(text.ends_with("\r\n"));
        for line in text.split("\r\n") {
            prop_assert!(line.len() <= 75, "{} octets", line.len());
            prop_assert!(!line.contains('\n') && !line.contains('\r'));
        }
        // Unfolding gives each event's UID back, and personal detail only if given.
        let unfolded = text.replace("\r\n ", "");
        for event in &events {
            let uid = format!("UID:{}@partnership\r\n", event.review);
            prop_assert!(unfolded.contains(&uid));
        }
        let descriptions = unfolded.matches("DESCRIPTION:").count();
        prop_assert_eq!(descriptions, events.iter().filter(|e| e.personal_detail.is_some()).count());
        // The same events and stamp give the same bytes.
        prop_assert_eq!(to_icalendar(&events, stamp), text);
    }

    #[test]
    fn json_round_trip_of_schedules(schedule in s::review_schedule(5), constraints in s::meeting_constraints()) {
        json_round_trip(&schedule)?;
        json_round_trip(&constraints)?;
        json_round_trip(&propose_meeting(&CALENDAR, &constraints).unwrap())?;
        // A deadline is written out for partners (it is never read back): its rule in words.
        let due = schedule.next_review_due(&CALENDAR).unwrap();
        prop_assert_eq!(
            serde_json::to_value(due).unwrap(),
            serde_json::json!({"date": due.date, "rule": due.rule.to_string()})
        );
    }
}

#[test]
fn easter_monday_in_known_years() {
    for (year, month, day) in [
        (1995, 4, 17),
        (2000, 4, 24),
        (2008, 3, 24),
        (2011, 4, 25),
        (2019, 4, 22),
        (2024, 4, 1),
        (2025, 4, 21),
        (2026, 4, 6),
        (2027, 3, 29),
        (2038, 4, 26),
        (2100, 3, 29),
    ] {
        let monday = d(year, month, day);
        assert!(CALENDAR.is_bank_holiday(monday), "{monday}");
        assert!(
            CALENDAR.is_bank_holiday(monday - Duration::days(3)),
            "Good Friday {year}"
        );
        assert_eq!(easter_sunday(year), Some(monday - Duration::days(1)));
    }
}

#[test]
fn one_offs_of_2022_and_2023() {
    let y2022 = CALENDAR.bank_holidays(2022);
    assert!(
        y2022.contains(&d(2022, 6, 2))
            && y2022.contains(&d(2022, 6, 3))
            && y2022.contains(&d(2022, 9, 19))
    );
    assert!(
        !y2022.contains(&d(2022, 5, 30)),
        "spring bank holiday moved to 2 June"
    );
    assert_eq!(y2022.len(), 10);
    let y2023 = CALENDAR.bank_holidays(2023);
    assert!(y2023.contains(&d(2023, 5, 8)) && y2023.contains(&d(2023, 5, 1)));
    assert_eq!(y2023.len(), 9);
    assert_eq!(
        CALENDAR
            .bank_holidays(2020)
            .iter()
            .filter(|h| h.month() == 5)
            .collect::<Vec<_>>(),
        vec![&d(2020, 5, 8), &d(2020, 5, 25)]
    );
}

#[test]
fn christmas_substitutes() {
    let christmas = |year| {
        CALENDAR
            .bank_holidays(year)
            .into_iter()
            .filter(|h| h.month() == 12)
            .collect::<Vec<_>>()
    };
    // 2021: Saturday and Sunday, so Monday 27 and Tuesday 28.
    assert_eq!(christmas(2021), vec![d(2021, 12, 27), d(2021, 12, 28)]);
    // 2022: Christmas on Sunday, Boxing Day on Monday: Monday 26 and Tuesday 27.
    assert_eq!(christmas(2022), vec![d(2022, 12, 26), d(2022, 12, 27)]);
    // 2027: Saturday and Sunday again.
    assert_eq!(christmas(2027), vec![d(2027, 12, 27), d(2027, 12, 28)]);
    // New Year's Day 2022 was a Saturday: substitute Monday 3 January.
    assert!(CALENDAR.bank_holidays(2022).contains(&d(2022, 1, 3)));
}

#[test]
fn statutory_examples() {
    // Looked after from Friday 18 December 2026: 20 working days across Christmas.
    let first = next_review_due(
        &ReviewKind::LookedAfterChild,
        d(2026, 12, 18),
        &[],
        &CALENDAR,
    )
    .unwrap();
    assert_eq!(first.date, d(2027, 1, 20));
    // Child protection: 15 working days from a strategy discussion on 2026-12-18.
    let conference = next_review_due(
        &ReviewKind::ChildProtection,
        d(2026, 12, 18),
        &[],
        &CALENDAR,
    )
    .unwrap();
    assert_eq!(conference.date, d(2027, 1, 13));
    // "Within 3 months of 30 November" is the end of February.
    let cp = next_review_due(
        &ReviewKind::ChildProtection,
        d(2026, 11, 2),
        &[d(2026, 11, 30)],
        &CALENDAR,
    )
    .unwrap();
    assert_eq!(cp.date, d(2027, 2, 28));
    // EHC plan issued 2026-03-31: first annual review within 12 months.
    let ehc = next_review_due(
        &ReviewKind::EhcPlanAnnualReview,
        d(2026, 3, 31),
        &[],
        &CALENDAR,
    )
    .unwrap();
    assert_eq!(ehc.date, d(2027, 3, 31));
    // Personal education plan: 10 working days, then by the end of the next term.
    let pep = ReviewKind::PersonalEducationPlan {
        terms: Terms::default(),
    };
    assert_eq!(
        next_review_due(&pep, d(2026, 12, 18), &[], &CALENDAR)
            .unwrap()
            .date,
        d(2027, 1, 6)
    );
    assert_eq!(
        next_review_due(&pep, d(2026, 9, 1), &[d(2026, 10, 5)], &CALENDAR)
            .unwrap()
            .date,
        d(2027, 3, 20)
    );
    assert_eq!(
        next_review_due(&pep, d(2026, 9, 1), &[d(2027, 6, 5)], &CALENDAR)
            .unwrap()
            .date,
        d(2027, 12, 15)
    );
    // Held in the spring term: due by the end of the summer term, in July, never in
    // the summer holiday.
    assert_eq!(
        next_review_due(&pep, d(2026, 9, 1), &[d(2027, 2, 17)], &CALENDAR)
            .unwrap()
            .date,
        d(2027, 7, 15)
    );
}

#[test]
fn terms_end_within_themselves() {
    let term = |name, starts: (u32, u32), ends: Option<(u32, u32)>| Term {
        name,
        starts: MonthDay {
            month: starts.0,
            day: starts.1,
        },
        ends: ends.map(|(month, day)| MonthDay { month, day }),
    };
    let refused = |terms: Vec<Term>| matches!(Terms::new(terms), Err(ReviewsError::Terms { .. }));
    // The autumn term cannot end after the spring term starts, nor before it begins.
    assert!(refused(vec![
        term(TermName::Autumn, (9, 1), Some((1, 5))),
        term(TermName::Spring, (1, 4), None),
    ]));
    assert!(refused(vec![
        term(TermName::Autumn, (9, 1), Some((8, 31))),
        term(TermName::Spring, (1, 4), None)
    ]));
    assert!(refused(vec![term(
        TermName::Autumn,
        (9, 1),
        Some((11, 31))
    )]));
    // A service's real dates, with holidays between the terms.
    let real = Terms::new(vec![
        term(TermName::Autumn, (9, 3), None),
        term(TermName::Spring, (1, 5), Some((3, 26))),
        term(TermName::Summer, (4, 12), Some((7, 22))),
    ]);
    assert!(real.is_err(), "the first term starts on 1 September");
    let real = Terms::new(vec![
        term(TermName::Autumn, (9, 1), Some((12, 18))),
        term(TermName::Spring, (1, 5), Some((3, 26))),
        term(TermName::Summer, (4, 12), Some((7, 22))),
    ])
    .unwrap();
    assert_eq!(real.end_of_next_term(d(2027, 4, 1)), Some(d(2027, 7, 22)));
    assert_eq!(real.end_of_next_term(d(2027, 7, 30)), Some(d(2027, 12, 18)));
}

proptest! {
    /// With the default terms, a deadline at the end of the next term is the last day
    /// of a term, after the day it is counted from, and never in August.
    #[test]
    fn termly_deadlines_are_never_in_the_summer_holiday(from in date()) {
        let terms = Terms::default();
        let due = terms.end_of_next_term(from).unwrap();
        prop_assert!(due > from);
        prop_assert_eq!(terms.term_containing(due).map(|(_, end)| end), Some(due));
        prop_assert!(due.month() != 8, "{} from {}", due, from);
    }
}

#[test]
fn closures_and_announced_changes_are_data() {
    let calendar = WorkingCalendar::england_and_wales()
        .with_closures([d(2027, 1, 4)])
        .with_change(HolidayChange::Added { on: d(2027, 1, 5) });
    assert!(!calendar.is_working_day(d(2027, 1, 4)));
    assert!(calendar.is_bank_holiday(d(2027, 1, 5)));
    assert_eq!(
        calendar.add_working_days(d(2026, 12, 18), 20),
        Some(d(2027, 1, 22))
    );
    let change: HolidayChange =
        from_json_str(r#"{"kind": "moved", "from": "2030-05-06", "to": "2030-05-10"}"#).unwrap();
    let moved = WorkingCalendar::england_and_wales().with_change(change);
    assert!(moved.is_working_day(d(2030, 5, 6)) && !moved.is_working_day(d(2030, 5, 10)));
}

#[test]
fn schedules_reject_bad_input_clearly() {
    let json = r#"{"id": "00000000-0000-4000-8000-000000000001", "child": "00000000-0000-4000-8000-000000000002",
      "kind": {"kind": "looked-after-child"}, "startsOn": "2026-12-18",
      "outcomes": [{"review": "00000000-0000-4000-8000-000000000003", "heldOn": "2027-01-15", "attended": [], "nextReviewAgreed": "AGREED"}]}"#;
    assert!(from_json_str::<ReviewSchedule>(&json.replace("AGREED", "2027-04-15")).is_ok());
    let err = from_json_str::<ReviewSchedule>(&json.replace("AGREED", "2027-04-16")).unwrap_err();
    assert_eq!(err.pointer(), "/outcomes/0/nextReviewAgreed");
    assert_eq!(
        err.message(),
        "2027-04-16 is after the latest date the next review may be held, 2027-04-15 (3 months after the first review, held on 2027-01-15)"
    );
    let err = from_json_str::<ReviewSchedule>(
        &json
            .replace(
                r#"{"kind": "looked-after-child"}"#,
                r#"{"kind": "ehc-plan-under-five", "months": 9}"#,
            )
            .replace("AGREED", "2027-02-01"),
    )
    .unwrap_err();
    assert_eq!(err.pointer(), "/kind/months");
    let err = from_json_str::<ReviewSchedule>(
        &json
            .replace("2027-01-15", "2026-12-01")
            .replace("AGREED", "2027-01-01"),
    )
    .unwrap_err();
    assert_eq!(err.pointer(), "/outcomes/0/heldOn");
}

/// SEND Regulations 2014 reg 18: the plan is reviewed and amended "before" 15
/// February of the calendar year of transfer ("before" 31 March for secondary to
/// post-16), so the last compliant day is the day before; between post-16
/// institutions, "at least five months before" the move.
#[test]
fn phase_transfer_deadlines_follow_the_regulation_wording() {
    let born = d(2016, 3, 14);
    let two = phase_transitions(born);
    let three = phase_transitions_in(
        born,
        SchoolSystem::ThreeTier {
            middle_from: YearGroup::new(5).unwrap(),
            upper_from: YearGroup::new(9).unwrap(),
        },
    );
    let table: [(&[PhaseTransition], PhaseTransfer, i32, NaiveDate); 7] = [
        (
            &two,
            PhaseTransfer::EarlyYearsToSchool,
            2020,
            d(2020, 2, 14),
        ),
        (&two, PhaseTransfer::InfantToJunior, 2023, d(2023, 2, 14)),
        (
            &two,
            PhaseTransfer::PrimaryToSecondary,
            2027,
            d(2027, 2, 14),
        ),
        (&two, PhaseTransfer::SecondaryToPost16, 2032, d(2032, 3, 30)),
        (&three, PhaseTransfer::PrimaryToMiddle, 2025, d(2025, 2, 14)),
        (
            &three,
            PhaseTransfer::MiddleToSecondary,
            2029,
            d(2029, 2, 14),
        ),
        (
            &three,
            PhaseTransfer::SecondaryToPost16,
            2032,
            d(2032, 3, 30),
        ),
    ];
    for (moves, transfer, starts, amended_by) in table {
        let t = moves.iter().find(|t| t.transfer == transfer).unwrap();
        assert_eq!(t.academic_year.starts_in(), starts, "{transfer:?}");
        assert_eq!(t.ehc_plan_amended_by, amended_by, "{transfer:?}");
    }
    // Each system has only its own transfers.
    assert!(
        !two.iter()
            .any(|t| t.transfer == PhaseTransfer::PrimaryToMiddle)
    );
    assert!(
        !three
            .iter()
            .any(|t| t.transfer == PhaseTransfer::PrimaryToSecondary)
    );
    assert_eq!(
        post16_transfer_amended_by(d(2027, 1, 11)),
        Some(d(2026, 8, 11))
    );
}

#[test]
fn phase_transitions_and_preparing_for_adulthood() {
    // Born 31 August 2015 (youngest in year) and 1 September 2015 (oldest a year later).
    let young = phase_transitions(d(2015, 8, 31));
    let old = phase_transitions(d(2015, 9, 1));
    let find = |t: &[PhaseTransition], p| t.iter().find(|x| x.transfer == p).unwrap().clone();
    assert_eq!(
        find(&young, PhaseTransfer::EarlyYearsToSchool)
            .academic_year
            .starts_in(),
        2019
    );
    assert_eq!(
        find(&old, PhaseTransfer::EarlyYearsToSchool)
            .academic_year
            .starts_in(),
        2020
    );
    assert_eq!(
        find(&young, PhaseTransfer::InfantToJunior).ehc_plan_amended_by,
        d(2022, 2, 14)
    );
    assert_eq!(
        find(&young, PhaseTransfer::SecondaryToPost16).ehc_plan_amended_by,
        d(2031, 3, 30)
    );
    assert_eq!(
        find(&young, PhaseTransfer::PrimaryToSecondary).ehc_review_meeting_by,
        d(2026, 2, 14) - Duration::weeks(12)
    );
    assert_eq!(
        preparing_for_adulthood_from(d(2015, 8, 31))
            .unwrap()
            .starts_in(),
        2028
    );
}

/// SEND Regulations 2014 regs 5(1), 10(1), 13(2): 6, 16 and 20 weeks from the request.
#[test]
fn ehc_assessment_timescales_table() {
    // (received, whether to assess by, not to issue by, final plan by)
    let table = [
        (
            d(2026, 9, 14),
            d(2026, 10, 26),
            d(2027, 1, 4),
            d(2027, 2, 1),
        ),
        // Across a year end and a leap day: weeks are days, not months.
        (
            d(2027, 12, 20),
            d(2028, 1, 31),
            d(2028, 4, 10),
            d(2028, 5, 8),
        ),
    ];
    for (received, assess, not_issue, plan) in table {
        let t = EhcAssessmentTimescales::from_request(received).unwrap();
        assert_eq!(
            (
                t.decide_whether_to_assess_by,
                t.decide_not_to_issue_by,
                t.final_plan_by
            ),
            (assess, not_issue, plan),
            "{received}"
        );
    }
    // A recorded reason lifts a limit; a missed appointment only the later two.
    let t = EhcAssessmentTimescales::from_request(d(2026, 9, 14)).unwrap();
    let missed = [TimescaleException::MissedAppointment];
    assert_eq!(
        t.due(AssessmentStep::DecideWhetherToAssess, &missed),
        Some(d(2026, 10, 26))
    );
    assert_eq!(t.due(AssessmentStep::DecideNotToIssue, &missed), None);
    assert_eq!(
        t.due(
            AssessmentStep::FinalPlan,
            &[TimescaleException::SchoolClosed]
        ),
        None
    );
}

proptest! {
    /// The time to appeal to the SEND Tribunal is the later of two months after the
    /// decision was sent and one month after the mediation certificate (HESC Rules 2008
    /// r.20(1)): never before either, and always one of them.
    #[test]
    fn appeal_deadline_is_the_later_of_the_two(
        sent in date(),
        certificate_after in proptest::option::of(0u64..120),
    ) {
        let certificate = certificate_after.map(|days| sent + chrono::Days::new(days));
        let by = send_tribunal_appeal_by(sent, certificate).unwrap();
        let two_months = partnership_core::add_months(sent, 2).unwrap();
        prop_assert!(by >= two_months);
        match certificate {
            None => prop_assert_eq!(by, two_months),
            Some(issued) => {
                let one_month = partnership_core::add_months(issued, 1).unwrap();
                prop_assert!(by >= one_month);
                prop_assert!(by == two_months || by == one_month);
            }
        }
    }
}

proptest! {
    /// A children's social care complaint is answered by a working day exactly the
    /// stage's number of working days after it was received (Children Act 1989
    /// Representations Procedure (England) Regulations 2006 regs 14, 17, 19(4)), and
    /// an answered one waits for nothing.
    #[test]
    fn complaint_response_is_a_working_day(
        received_on in date(),
        stage in prop_oneof![
            Just(ComplaintStage::LocalResolution),
            Just(ComplaintStage::Investigation),
            Just(ComplaintStage::ReviewPanel),
        ],
        extended in any::<bool>(),
        answered in proptest::option::of(0u64..100),
    ) {
        let calendar = &*CALENDAR;
        let extended = extended && stage != ComplaintStage::ReviewPanel;
        let complaint = Redress::try_from(RedressParts {
            id: partnership_core::RedressId::random(),
            carer: partnership_core::CarerId::random(),
            route: RedressRoute::SocialCareComplaint {
                stage,
                received_on,
                extended,
                responded_on: answered.map(|days| received_on + chrono::Days::new(days)),
            },
        })
        .unwrap();
        match (answered, complaint.deadline(calendar)) {
            (Some(_), due) => prop_assert_eq!(due, None),
            (None, Some(due)) => {
                prop_assert!(calendar.is_working_day(due.by));
                prop_assert_eq!(
                    calendar.working_days_between(received_on, due.by),
                    i64::from(stage.working_days(extended))
                );
                prop_assert!(!due.carers_to_act);
            }
            (None, None) => prop_assert!(false, "no deadline for an unanswered complaint"),
        }
    }
}

proptest! {
    /// A complaint or appeal changes only by adding what has happened since: a later
    /// version that fills in what was missing is accepted, and one that rewrites or
    /// removes anything recorded is refused.
    #[test]
    fn redress_update_only_adds(
        earlier in s::redress(partnership_core::CarerId::random(), Some(partnership_core::AgencyId::random())),
        shift in 1i64..30,
    ) {
        prop_assert!(earlier.only_adds_to(&earlier).is_ok());
        let started = earlier.started_on();
        // Fill in everything still missing, a little after it started.
        let mut later = earlier.clone().into_parts();
        let soon = Some(started + Duration::days(shift));
        match &mut later.route {
            RedressRoute::SocialCareComplaint { responded_on, .. } => {
                *responded_on = responded_on.or(soon);
            }
            RedressRoute::AgencyComplaint { responded_on, respond_by, .. } => {
                *responded_on = responded_on.or(soon);
                *respond_by = respond_by.or(soon);
            }
            // A certificate only before lodging: an appeal lodged without one (only
            // about the school named) stays without.
            RedressRoute::TribunalAppeal { mediation_certificate_issued_on, lodged_on, .. }
                if lodged_on.is_none() =>
            {
                let issued = mediation_certificate_issued_on.or(soon);
                *mediation_certificate_issued_on = issued;
                *lodged_on = issued;
            }
            _ => {}
        }
        let later = Redress::try_from(later).unwrap();
        prop_assert!(later.only_adds_to(&earlier).is_ok());
        // Moving the start is a rewrite; so is taking the filled-in version back.
        let mut moved = earlier.clone().into_parts();
        match &mut moved.route {
            RedressRoute::SocialCareComplaint { received_on, .. }
            | RedressRoute::AgencyComplaint { received_on, .. } => *received_on -= Duration::days(shift),
            RedressRoute::TribunalAppeal { decision_sent_on, .. } => *decision_sent_on -= Duration::days(shift),
            _ => {}
        }
        let moved = Redress::try_from(moved).unwrap();
        prop_assert!(moved.only_adds_to(&earlier).is_err());
        if later != earlier {
            prop_assert!(earlier.only_adds_to(&later).is_err());
        }
    }
}
