//! What the practice report used to miss: an active goal no review schedule looks at,
//! and a consent asked for and left unanswered.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use partnership::chrono::NaiveDate;
use partnership::record::{CONSENT_ANSWER_EXPECTED_WITHIN_DAYS, FindingCode, PartnershipRecord};
use serde_json::{Value, json};

fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/scenarios/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn codes(json: &Value, on: NaiveDate) -> Vec<FindingCode> {
    PartnershipRecord::from_json(&json.to_string())
        .unwrap()
        .practice_report(on)
        .findings
        .iter()
        .map(|f| f.code)
        .collect()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn an_active_goal_needs_a_review_schedule() {
    let mut json = fixture("visual_aids_childs_view");
    let on = d(2026, 11, 23);
    assert!(codes(&json, on).contains(&FindingCode::GoalWithoutReviewSchedule));
    // A schedule running from before the report's day is enough.
    json["reviews"] = json!([{
        "id": "00000000-0000-4000-8000-00000000b001",
        "child": json["child"]["id"],
        "kind": {"kind": "agreed-partnership", "cadence": {"kind": "monthly"}},
        "startsOn": "2026-11-01"
    }]);
    assert!(!codes(&json, on).contains(&FindingCode::GoalWithoutReviewSchedule));
    // One that starts later does not review the goal now.
    json["reviews"][0]["startsOn"] = json!("2026-12-01");
    assert!(codes(&json, on).contains(&FindingCode::GoalWithoutReviewSchedule));
}

#[test]
fn a_consent_asked_for_is_answered_within_four_weeks() {
    let json = fixture("consent_declined_narrowed_withdrawn");
    // Asked for on 8 September 2026: four weeks later it is not yet raised, the day
    // after it is.
    let asked = d(2026, 9, 8);
    let limit = asked
        .checked_add_days(chrono_days(CONSENT_ANSWER_EXPECTED_WITHIN_DAYS))
        .unwrap();
    assert!(!codes(&json, limit).contains(&FindingCode::ConsentRequestUnanswered));
    assert!(
        codes(&json, limit.succ_opt().unwrap()).contains(&FindingCode::ConsentRequestUnanswered)
    );
    let record = PartnershipRecord::from_json(&json.to_string()).unwrap();
    let report = record.practice_report(d(2026, 11, 23));
    let finding = report
        .findings
        .iter()
        .find(|f| f.code == FindingCode::ConsentRequestUnanswered)
        .unwrap();
    assert!(
        finding.explanation.contains("76 days"),
        "{}",
        finding.explanation
    );
    assert_eq!(finding.about, vec!["/consents/1".to_owned()]);
}

fn chrono_days(days: i64) -> partnership::chrono::Days {
    partnership::chrono::Days::new(u64::try_from(days).unwrap())
}

#[test]
fn an_action_carers_are_sent_is_in_plain_words() {
    let plain = fixture("speech_delay_nursery");
    let on = d(2026, 9, 15);
    assert!(!codes(&plain, on).contains(&FindingCode::HardForCarersToRead));
    let mut dense = plain.clone();
    dense["contactLog"][0]["agreedActions"][0]["completedOn"] = Value::Null;
    dense["contactLog"][0]["agreedActions"][0]["description"] = json!(
        "Facilitate multidisciplinary consultation regarding communication intervention prioritisation and subsequent implementation."
    );
    let found = PartnershipRecord::from_json(&dense.to_string())
        .unwrap()
        .practice_report(on);
    let hard: Vec<_> = found
        .findings
        .iter()
        .filter(|f| f.code == FindingCode::HardForCarersToRead)
        .collect();
    assert_eq!(hard.len(), 1, "{:?}", found.findings);
    assert_eq!(hard[0].about, ["/contactLog/0/agreedActions/0"]);
    // The practitioner is told the reading age, never the words (they may be personal).
    assert!(hard[0].explanation.contains("reading age of about"));
    assert!(!hard[0].explanation.contains("multidisciplinary"));
    // Done, it is no longer sent: nothing to advise.
    dense["contactLog"][0]["agreedActions"][0]["completedOn"] = json!("2026-09-14");
    assert!(!codes(&dense, on).contains(&FindingCode::HardForCarersToRead));
    // A short action is hard when it holds long words, not when it holds one.
    dense["contactLog"][0]["agreedActions"][0]["completedOn"] = Value::Null;
    dense["contactLog"][0]["agreedActions"][0]["description"] =
        json!("Commission multidisciplinary neurodevelopmental reassessment");
    assert!(codes(&dense, on).contains(&FindingCode::HardForCarersToRead));
    dense["contactLog"][0]["agreedActions"][0]["description"] =
        json!("Book a Bengali interpreter for the review");
    assert!(!codes(&dense, on).contains(&FindingCode::HardForCarersToRead));
    // Nor can invisible characters split the long words into short ones.
    dense["contactLog"][0]["agreedActions"][0]["description"] = json!(
        "Commission multi\u{200B}disciplinary neuro\u{200B}developmental re\u{200B}assessment"
    );
    assert!(codes(&dense, on).contains(&FindingCode::HardForCarersToRead));
}
