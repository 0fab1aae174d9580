//! Properties of the core vocabulary: NHS numbers, redaction and JSON round trips.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use partnership_core::strategies::{self as s, json_round_trip, personal_text};
use partnership_core::{
    Agency, ChildProfile, CoreError, DayOfWeek, Identifier, Label, NhsNumber, PartyRef,
    Professional, ProfessionalRole, SchoolYear, Sensitive, TimeOfDay,
};
use proptest::prelude::*;

#[test]
fn known_valid_nhs_numbers_in_both_spellings() {
    for (plain, grouped) in [
        ("9434765919", "943 476 5919"),
        ("4010232137", "401 023 2137"),
        ("9876543210", "987 654 3210"),
    ] {
        let a = NhsNumber::parse(plain).unwrap();
        let b = NhsNumber::parse(grouped).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.expose_digits(), plain);
        assert_eq!(b.expose_formatted(), grouped);
        let json: NhsNumber = serde_json::from_str(&format!("\"{grouped}\"")).unwrap();
        assert_eq!(
            serde_json::to_string(&json).unwrap(),
            format!("\"{plain}\"")
        );
    }
}

#[test]
fn malformed_nhs_numbers_are_rejected_with_the_rule() {
    let cases = [
        ("943476591", CoreError::NhsNumberLength { found: 9 }),
        ("94347659190", CoreError::NhsNumberLength { found: 11 }),
        ("", CoreError::NhsNumberLength { found: 0 }),
        ("943476591X", CoreError::NhsNumberNotDigit { position: 10 }),
        ("9434 765 919", CoreError::NhsNumberNotDigit { position: 5 }),
        (
            "943  476 5919",
            CoreError::NhsNumberNotDigit { position: 4 },
        ),
        ("９434765919", CoreError::NhsNumberNotDigit { position: 1 }),
        ("9434765918", CoreError::NhsNumberCheckDigit),
    ];
    for (input, expected) in cases {
        assert_eq!(NhsNumber::parse(input), Err(expected), "{input:?}");
    }
}

proptest! {
    #[test]
    fn first_repeat_names_the_first_entry_seen_before(items in proptest::collection::vec(0u8..24, 0..40)) {
        // The short lists compared pairwise and the long ones through a set agree with
        // the plainest reading of the rule.
        let expected = (0..items.len()).find(|&i| items[..i].contains(&items[i]));
        prop_assert_eq!(partnership_core::first_repeat(items.iter()), expected);
    }

    #[test]
    fn every_single_digit_change_is_rejected(
        nhs in s::nhs_number(),
        position in 0usize..10,
        bump in 1u8..10,
    ) {
        let mut digits: Vec<u8> = nhs.expose_digits().bytes().map(|b| b - b'0').collect();
        let slot = digits.get_mut(position).ok_or_else(|| TestCaseError::fail("position"))?;
        *slot = (*slot + bump) % 10;
        let changed: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
        prop_assert!(NhsNumber::parse(&changed).is_err(), "accepted {}", changed);
    }

    #[test]
    fn numbers_whose_check_computes_to_ten_are_rejected(
        nine in "[0-9]{8}".prop_filter_map("ninth digit exists", |eight| {
            // The check computes to 10 when the weighted sum is 1 mod 11. The ninth
            // digit has weight 2, whose inverse mod 11 is 6.
            let sum: u32 = eight.bytes().zip((3..=10u32).rev()).map(|(b, w)| u32::from(b - b'0') * w).sum();
            let ninth = ((1 + 11 * 10 - sum % 11) * 6) % 11;
            (ninth < 10).then(|| format!("{eight}{ninth}"))
        }),
        last in 0u8..10,
    ) {
        let sum: u32 = nine.bytes().zip((2..=10u32).rev()).map(|(b, w)| u32::from(b - b'0') * w).sum();
        prop_assert_eq!(sum % 11, 1);
        prop_assert_eq!(
            NhsNumber::parse(&format!("{nine}{last}")),
            Err(CoreError::NhsNumberCheckDigitTen)
        );
    }

    #[test]
    fn nhs_number_error_never_contains_the_input(
        input in prop_oneof![
            "[0-9]{4,14}",
            "[0-9 ]{4,14}",
            personal_text(),
            s::nhs_number().prop_map(|n| {
                // A near miss: the last digit changed.
                let d = n.expose_digits();
                let last = d.bytes().last().unwrap_or(b'0');
                format!("{}{}", &d[..9], char::from(b'0' + (last - b'0' + 1) % 10))
            }),
        ]
    ) {
        if let Err(err) = NhsNumber::parse(&input) {
            let message = err.to_string();
            // An input of fewer than four digits (" 10 ") can match the message's own
            // fixed words ("write 10 digits") without anything being echoed.
            let digits = input.chars().filter(char::is_ascii_digit).count();
            prop_assert!(digits < 4 || !message.contains(&input), "{} echoed in {}", input, message);
            // Nor the last four digits, the part people quote to confirm a number.
            let tail: String = input.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
            if tail.chars().all(|c| c.is_ascii_digit()) {
                prop_assert!(!message.contains(&tail), "{} echoed in {}", tail, message);
            }
            let json_err = serde_json::from_value::<NhsNumber>(serde_json::Value::String(input.clone()))
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            prop_assert!(digits < 4 || !json_err.contains(&input), "{} echoed in {}", input, json_err);
        }
    }

    #[test]
    fn sensitive_debug_never_contains_the_value(value in "\\PC{4,40}") {
        let wrapped = Sensitive::new(value.clone());
        let debug = format!("{wrapped:?}");
        let pretty = format!("{wrapped:#?}");
        prop_assert!(!debug.contains(&value));
        prop_assert!(!pretty.contains(&value));
        if let Ok(label) = Label::new(value.trim()) {
            let debug = format!("{:?}", Sensitive::new(label));
            prop_assert!(!debug.contains(&value));
        }
    }

    #[test]
    fn child_profile_debug_never_contains_personal_data(child in s::child_profile()) {
        let debug = format!("{child:?}");
        prop_assert!(!debug.contains(child.name().expose().as_str()));
        for view in child.views() {
            prop_assert!(!debug.contains(view.view.expose().as_str()));
        }
        for identifier in child.identifiers() {
            prop_assert!(!debug.contains(identifier.value.expose().as_str()));
        }
        if let Some(nhs) = &child.nhs_number() {
            prop_assert!(!debug.contains(nhs.expose_digits()));
        }
    }

    #[test]
    fn school_year_never_goes_backwards(child in s::child_profile(), days in 0i64..8000, more in 0i64..400) {
        let first = child.date_of_birth() + chrono::Duration::days(days);
        let later = first + chrono::Duration::days(more);
        let rank = |y: SchoolYear| match y {
            SchoolYear::Nursery => 0,
            SchoolYear::Reception => 1,
            SchoolYear::Year { group } => 1 + i32::from(group.number()),
            _ => 15,
        };
        let a = rank(child.school_year_on(first).map_err(|e| TestCaseError::fail(e.to_string()))?);
        let b = rank(child.school_year_on(later).map_err(|e| TestCaseError::fail(e.to_string()))?);
        prop_assert!(a <= b && b - a <= 2);
    }

    #[test]
    fn child_profile_json_round_trip(child in s::child_profile()) {
        json_round_trip::<ChildProfile>(&child)?;
    }

    #[test]
    fn professional_and_agency_json_round_trip(p in s::professional(), a in s::agency(), r in s::professional_role()) {
        json_round_trip::<Professional>(&p)?;
        json_round_trip::<Agency>(&a)?;
        json_round_trip::<ProfessionalRole>(&r)?;
    }

    #[test]
    fn small_types_json_round_trip(
        nhs in s::nhs_number(),
        identifier in s::identifier(),
        time in s::time_of_day(),
        day in s::day_of_week(),
        party in s::party_ref(),
        label in s::label(),
    ) {
        json_round_trip::<NhsNumber>(&nhs)?;
        json_round_trip::<Identifier>(&identifier)?;
        json_round_trip::<TimeOfDay>(&time)?;
        json_round_trip::<DayOfWeek>(&day)?;
        json_round_trip::<PartyRef>(&party)?;
        json_round_trip::<Label>(&label)?;
    }
}

#[test]
fn unknown_field_is_an_error_that_names_it() {
    let json = r#"{"id":"5b0c2f0e-8d43-4c55-9f0e-0d6b2a7c1e11","name":"A","dateOfBirth":"2015-01-10","dateOfBrith":"2015-01-10"}"#;
    let err = partnership_core::json::from_json_str::<ChildProfile>(json).unwrap_err();
    assert!(
        err.message().starts_with(
            "unknown field (its name is not repeated here; did you mean `dateOfBirth`?)"
        ),
        "{err}"
    );
}

#[test]
fn invalid_nhs_number_names_the_field() {
    let json = r#"{"id":"5b0c2f0e-8d43-4c55-9f0e-0d6b2a7c1e11","name":"A","dateOfBirth":"2015-01-10","nhsNumber":"9434765918"}"#;
    let err = partnership_core::json::from_json_str::<ChildProfile>(json).unwrap_err();
    assert_eq!(err.pointer(), "/nhsNumber");
    assert!(!err.to_string().contains("9434765918"));
}

#[test]
fn impossible_date_is_rejected() {
    let json =
        r#"{"id":"5b0c2f0e-8d43-4c55-9f0e-0d6b2a7c1e11","name":"A","dateOfBirth":"2026-02-30"}"#;
    let err = partnership_core::json::from_json_str::<ChildProfile>(json).unwrap_err();
    assert_eq!(err.pointer(), "/dateOfBirth");
}

/// The limits pass as it was first written, a byte at a time, counting lines and
/// columns as it goes: what the faster pass must agree with on every input.
fn limits_a_byte_at_a_time(
    limits: &partnership_core::json::InputLimits,
    input: &[u8],
) -> Option<(String, usize, usize)> {
    if input.len() > limits.max_bytes {
        return Some((
            format!(
                "is {} bytes, more than the {} allowed",
                input.len(),
                limits.max_bytes
            ),
            0,
            0,
        ));
    }
    let (mut line, mut column) = (1usize, 0usize);
    let mut depth = 0usize;
    let mut string: Option<usize> = None;
    let mut escaped = false;
    for &byte in input {
        if byte == b'\n' {
            line += 1;
            column = 0;
        } else {
            column += 1;
        }
        match (&mut string, byte) {
            (Some(_), b'\\') if !escaped => escaped = true,
            (Some(_), b'"') if !escaped => string = None,
            (Some(length), _) => {
                escaped = false;
                *length += 1;
                if *length > limits.max_string_bytes {
                    let message = format!(
                        "holds a string longer than {} bytes",
                        limits.max_string_bytes
                    );
                    return Some((message, line, column));
                }
            }
            (None, b'"') => string = Some(0),
            (None, b'[' | b'{') => {
                depth += 1;
                if depth > limits.max_depth {
                    let message = format!(
                        "nests deeper than {} levels of objects and arrays",
                        limits.max_depth
                    );
                    return Some((message, line, column));
                }
            }
            (None, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The limits pass jumps through the input, but refuses exactly what a reading
    /// of every byte would, at the same line and column, with the same words.
    #[test]
    fn limits_are_checked_as_a_byte_at_a_time_reading_would(
        input in proptest::collection::vec(
            prop_oneof![
                Just(b'"'), Just(b'\\'), Just(b'['), Just(b']'), Just(b'{'), Just(b'}'),
                Just(b'\n'), Just(b'a'), Just(b' '), Just(b':'), Just(b','),
            ],
            0..80,
        ),
        max_bytes in 0usize..100,
        max_depth in 0usize..6,
        max_string_bytes in 0usize..12,
    ) {
        let limits = partnership_core::json::InputLimits { max_bytes, max_depth, max_string_bytes };
        let fast = limits
            .check(&input)
            .err()
            .map(|e| (e.message().to_owned(), e.line(), e.column()));
        prop_assert_eq!(fast, limits_a_byte_at_a_time(&limits, &input));
    }
}

proptest! {
    /// Compulsory school age starts on the first prescribed day (31 December, 31 March,
    /// 31 August) on or after the fifth birthday, and ends on the last Friday in June
    /// of the school year in which the child turns 16 (Education Act 1996 s.8).
    #[test]
    fn compulsory_school_age_runs_from_a_prescribed_day_to_the_last_friday_in_june(
        born in s::date(),
    ) {
        use chrono::{Datelike, Days, NaiveDate, Weekday};
        let age = partnership_core::CompulsorySchoolAge::of_child_born(born).unwrap();
        let (begins, ends) = (age.begins, age.ends);
        prop_assert!([(3, 31), (8, 31), (12, 31)].contains(&(begins.month(), begins.day())), "{}", begins);
        prop_assert!(partnership_core::age_on(born, begins).unwrap() == 5);
        // No prescribed day between the fifth birthday and the start.
        let prescribed = |day: NaiveDate| [(3, 31), (8, 31), (12, 31)].contains(&(day.month(), day.day()));
        let mut day = begins - Days::new(1);
        while partnership_core::age_on(born, day).is_ok_and(|years| years >= 5) {
            prop_assert!(!prescribed(day), "{} is prescribed and after the fifth birthday", day);
            day = day - Days::new(1);
        }
        prop_assert_eq!(ends.weekday(), Weekday::Fri);
        prop_assert_eq!(ends.month(), 6);
        prop_assert!((ends + Days::new(7)).month() == 7);
        // Sixteen within the school year that ends that summer: not yet on the
        // 31 August before it began, and by the 31 August it ends.
        let year_began = NaiveDate::from_ymd_opt(ends.year() - 1, 8, 31).unwrap();
        let year_ends = NaiveDate::from_ymd_opt(ends.year(), 8, 31).unwrap();
        prop_assert!(partnership_core::age_on(born, year_began).unwrap() < 16);
        prop_assert!(partnership_core::age_on(born, year_ends).unwrap() >= 16);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// A date is read only in the form it is written: whatever text reads as a date
    /// is written back byte for byte, and chrono's own looser reading never yields
    /// a date this one refuses unless the text differs from what is written.
    #[test]
    fn dates_are_read_only_as_they_are_written(
        text in prop_oneof![
            "[ +-]?[0-9]{1,5}-[0-9]{1,2}-[0-9]{1,2}[ ]?",
            "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        ],
    ) {
        let json = serde_json::to_string(&text).unwrap();
        #[derive(serde::Deserialize)]
        struct Dated {
            #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
            on: chrono::NaiveDate,
        }
        let strict = serde_json::from_str::<Dated>(&format!(r#"{{"on": {json}}}"#));
        if let Ok(dated) = &strict {
            prop_assert_eq!(serde_json::to_string(&dated.on).unwrap(), json.clone());
        }
        if let Ok(loose) = serde_json::from_str::<chrono::NaiveDate>(&json) {
            let written = serde_json::to_string(&loose).unwrap();
            // Years before 1 CE are written with a sign, outside the contract's form.
            let unsigned = !text.starts_with(['-', '+']);
            prop_assert_eq!(strict.is_ok(), written == json && unsigned, "{} reads as {}", text, written);
        }
    }

    /// An instant is read only in the one form the library writes: what reads is
    /// written back byte for byte, and whatever chrono reads that would be written
    /// back differently (a space or `t` for `T`, a `z`, an offset, a fraction of
    /// another length) is refused, with the form expected.
    #[test]
    fn instants_are_read_only_as_they_are_written(
        text in prop_oneof![
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})",
            "20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.([0-9]{3}|[0-9]{6}|[0-9]{9}))?Z",
        ],
    ) {
        let json = serde_json::to_string(&text).unwrap();
        #[derive(serde::Deserialize)]
        struct Stamped {
            #[serde(deserialize_with = "partnership_core::canonical_time::deserialize")]
            at: chrono::DateTime<chrono::Utc>,
        }
        let strict = serde_json::from_str::<Stamped>(&format!(r#"{{"at": {json}}}"#));
        match &strict {
            Ok(stamped) => {
                let written = stamped.at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
                prop_assert_eq!(written, text.clone());
            }
            Err(e) => prop_assert!(e.to_string().contains("YYYY-MM-DDTHH:MM:SSZ"), "{}", e),
        }
        if let Ok(loose) = serde_json::from_str::<chrono::DateTime<chrono::Utc>>(&json) {
            let written = loose.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
            prop_assert_eq!(strict.is_ok(), written == text, "{} reads as {}", text, written);
        }
    }
}
