//! A partner system's script against the command, as a hostile reviewer tried it:
//! pointers that reach the value refused inside a choice, dates that stay dates,
//! exit codes a script can branch on, and keys that are never echoed.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_partnership"));
    command.current_dir(fixtures());
    command
}

fn run(args: &[&str]) -> Output {
    let out = command().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    out
}

fn scenario(name: &str) -> Value {
    let path = fixtures().join("scenarios").join(format!("{name}.json"));
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// Writes `value` into a new file in `dir` and gives its path.
fn write(dir: &Path, name: &str, value: &Value) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_vec(value).unwrap()).unwrap();
    path
}

/// The problems `check --format json` finds in `record`: (pointer, message).
fn problems(record: &Value) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "record.json", record);
    let out = run(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{record}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    report[0]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["pointer"].as_str().unwrap().to_owned(),
                p["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn set(record: &mut Value, pointer: &str, value: Value) {
    *record.pointer_mut(pointer).unwrap() = value;
}

#[test]
fn a_value_refused_inside_a_choice_is_pointed_at_itself() {
    let cases = [
        (
            "foster_care_christmas_reviews",
            "/carers/0/legalStanding/placementPlanDated",
            json!("2026-1-01"),
        ),
        (
            "foster_care_christmas_reviews",
            "/carers/3/legalStanding/since",
            json!("2026-02-30"),
        ),
        (
            "duty_to_share_detriment_exception",
            "/disclosures/0/decision/basis/dutyToShareFrom",
            json!("2027-4-01"),
        ),
        (
            "duty_to_share_detriment_exception",
            "/disclosures/0/decision/basis/decidedAt",
            json!("2027-04-12 13:00:00Z"),
        ),
        (
            "duty_to_share_detriment_exception",
            "/disclosures/0/request/recipient/id",
            json!("5CE0000B-0000-4000-8000-000000000007"),
        ),
    ];
    for (name, pointer, value) in cases {
        let mut record = scenario(name);
        set(&mut record, pointer, value);
        let found = problems(&record);
        assert_eq!(
            found.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(),
            [pointer],
            "{found:?}"
        );
    }
}

#[test]
fn instants_are_read_only_as_they_are_written() {
    for spelling in [
        "2027-04-12 13:00:00Z",
        "2027-04-12t13:00:00z",
        "2027-04-12T14:00:00+01:00",
        "2027-04-12T13:00:00.5Z",
        "2027-04-12",
    ] {
        let mut record = scenario("duty_to_share_detriment_exception");
        set(
            &mut record,
            "/disclosures/0/decision/basis/decidedAt",
            json!(spelling),
        );
        let found = problems(&record);
        assert_eq!(found.len(), 1, "{spelling}: {found:?}");
        assert!(
            found[0].1.contains("YYYY-MM-DDTHH:MM:SSZ"),
            "{spelling}: {found:?}"
        );
    }
}

#[test]
fn an_unknown_key_is_never_repeated() {
    let mut record = scenario("foster_care_christmas_reviews");
    record["carers"][0]["Mia"] = json!(1);
    let found = problems(&record);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "/carers/0");
    assert!(!found[0].1.contains("Mia"), "{found:?}");
    assert!(found[0].1.contains("did you mean `id`"), "{found:?}");
}

fn scenario_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(fixtures().join("scenarios"))
        .unwrap()
        .map(|e| format!("scenarios/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    files.sort();
    files
}

#[test]
fn no_date_past_9999_is_written() {
    let files = scenario_files();
    let mut args = vec![
        "due",
        "--as-of",
        "9999-12-20",
        "--within",
        "3660",
        "--format",
        "json",
    ];
    args.extend(files.iter().map(String::as_str));
    let out = run(&args);
    assert_eq!(out.status.code(), Some(0));
    let items: Value = serde_json::from_slice(&out.stdout).unwrap();
    for item in items.as_array().unwrap() {
        let due = item["due"].as_str().unwrap();
        assert!(due.len() == 10 && due <= "9999-12-31", "{item}");
    }
    for file in &files {
        let out = run(&["ics", file, "--as-of", "9999-12-20"]);
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("BEGIN:VCALENDAR"));
        // Only an offset from UTC is written with a sign, never a date.
        for line in text.lines().filter(|l| !l.starts_with("TZOFFSET")) {
            assert!(
                !line.contains(":+") && !line.contains("=+"),
                "{file}: {line}"
            );
        }
    }
}

#[test]
fn a_date_that_starts_with_a_hyphen_is_told_the_form() {
    for args in [
        &["due", "record.json", "--as-of", "-2026-11-23"][..],
        &["report", "record.json", "--as-of", "-1"],
        &["ics", "record.json", "--as-of", "--"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("YYYY-MM-DD"), "{args:?}: {stderr}");
    }
}

#[test]
fn every_subcommand_says_1_for_an_invalid_record() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("service.key");
    let out = run(&["key", "generate", "--out", key.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let invalid = dir.path().join("invalid.json");
    std::fs::copy(fixtures().join("invalid-record.json"), &invalid).unwrap();
    let invalid = invalid.to_str().unwrap();
    let head = dir.path().join("record.head");
    let commands: Vec<Vec<&str>> = vec![
        vec!["sign", invalid, "--key", key.to_str().unwrap()],
        vec!["witness", invalid, "--out", head.to_str().unwrap()],
        vec!["migrate", invalid],
        vec!["report", invalid],
        vec!["due", invalid],
        vec!["ics", invalid],
        vec!["fhir", invalid],
        vec!["share", invalid, "--request", "question.json"],
        vec!["check", invalid],
    ];
    for args in commands {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
    }
    // And the record was left as it was.
    assert_eq!(
        std::fs::read(invalid).unwrap(),
        std::fs::read(fixtures().join("invalid-record.json")).unwrap()
    );
}

#[test]
fn a_question_that_does_not_read_is_an_invalid_document() {
    let dir = tempfile::tempdir().unwrap();
    for (name, question) in [
        ("empty.json", json!({})),
        ("no-categories.json", {
            let mut q: Value =
                serde_json::from_slice(&std::fs::read(fixtures().join("question.json")).unwrap())
                    .unwrap();
            q["dataCategories"] = json!([]);
            q
        }),
    ] {
        let path = write(dir.path(), name, &question);
        let out = run(&["share", "record.json", "--request", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{name}");
    }
    // A question file that is not there is unreadable input.
    let out = run(&["share", "record.json", "--request", "no-such-question.json"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_closed_pipe_keeps_the_worst_status() {
    let mut args = vec!["check".to_owned(), "invalid-record.json".to_owned()];
    args.extend(std::iter::repeat_n("record.json".to_owned(), 3000));
    let mut child = command()
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read a little, as `| head -c 100` would, then stop reading.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn scenario_parties_are_written_in_camel_case() {
    let out = run(&["scenarios", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\"agencyKind\""));
    assert!(!text.contains("agency_kind"));
}

fn schema(name: &str) -> Value {
    let out = run(&["schema", name]);
    assert_eq!(out.status.code(), Some(0), "{name}");
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_schemas_say_what_the_library_refuses() {
    let schedule = schema("review-schedule");
    assert_eq!(
        schedule["$defs"]["MonthDay"]["properties"]["month"]["minimum"],
        1
    );
    assert_eq!(
        schedule["$defs"]["MonthDay"]["properties"]["month"]["maximum"],
        12
    );
    assert_eq!(schedule["$defs"]["Terms"]["minItems"], 1);
    assert_eq!(
        schedule["properties"]["dueSoonDays"]["maximum"],
        u64::from(u32::MAX)
    );
    assert_eq!(
        schedule["properties"]["invitationNoticeDays"]["maximum"],
        365
    );
    assert_eq!(schedule["properties"]["outcomes"]["uniqueItems"], true);
    let contact = schema("contact-record");
    assert_eq!(contact["properties"]["agreedActions"]["uniqueItems"], true);
    let barrier = schema("barrier");
    assert_eq!(barrier["properties"]["affects"]["minItems"], 1);
    let entry = schema("ledger-entry");
    assert!(!entry.to_string().contains("\"null\""));
    let scenario = schema("scenario");
    let step = &scenario["$defs"]["Step"]["properties"];
    assert!(step["changed"]["items"]["pattern"].is_string());
    assert!(step["forPractitioners"]["pattern"].is_string());
    let request = schema("sharing-request");
    assert!(
        request["properties"]["at"]["pattern"]
            .as_str()
            .is_some_and(|p| p.contains("T[0-9]{2}"))
    );
}
