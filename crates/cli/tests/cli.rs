//! The `partnership` command on fixture files, its output snapshotted.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// Runs the command in the fixtures folder; returns exit code, stdout and stderr as
/// one text for a snapshot.
fn run(args: &[&str], stdin: Option<&[u8]>) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_partnership"))
        .args(args)
        .current_dir(fixtures())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    } else {
        drop(child.stdin.take());
    }
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    format!(
        "exit {}\n--- stdout\n{stdout}--- stderr\n{stderr}",
        out.status.code().unwrap_or(-1)
    )
}

#[test]
fn check_valid_and_invalid() {
    insta::assert_snapshot!(run(&["check", "record.json", "invalid-record.json"], None));
}

#[test]
fn check_reads_standard_input() {
    let record = std::fs::read(fixtures().join("record.json")).unwrap();
    insta::assert_snapshot!(run(&["check", "-"], Some(&record)));
}

#[test]
fn report_text_and_json() {
    insta::assert_snapshot!(run(
        &["report", "record.json", "--as-of", "2026-11-23"],
        None
    ));
    let json = run(
        &[
            "report",
            "record.json",
            "--as-of",
            "2026-11-23",
            "--format",
            "json",
        ],
        None,
    );
    assert!(json.starts_with("exit 0"));
    assert!(json.contains("\"code\": \"update-overdue\""));
}

#[test]
fn due_across_records() {
    insta::assert_snapshot!(run(
        &[
            "due",
            "record.json",
            "record.json",
            "--as-of",
            "2026-11-23",
            "--within",
            "30"
        ],
        None
    ));
}

#[test]
fn share_prints_the_decision_without_changing_the_record() {
    let before = std::fs::read(fixtures().join("record.json")).unwrap();
    insta::assert_snapshot!(run(
        &[
            "share",
            "record.json",
            "--request",
            "request.json",
            "--as-of",
            "2026-11-23"
        ],
        None
    ));
    assert_eq!(
        std::fs::read(fixtures().join("record.json")).unwrap(),
        before
    );
}

#[test]
fn share_with_record_appends_to_the_ledger() {
    let dir = std::env::temp_dir().join(format!("partnership-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let copy = dir.join("record.json");
    std::fs::copy(fixtures().join("record.json"), &copy).unwrap();
    let copy_arg = copy.to_str().unwrap();
    let out = run(
        &[
            "share",
            copy_arg,
            "--request",
            "request.json",
            "--as-of",
            "2026-11-23",
            "--record",
        ],
        None,
    );
    assert!(out.starts_with("exit 0"), "{out}");
    let record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&copy).unwrap()).unwrap();
    assert_eq!(record["disclosures"].as_array().unwrap().len(), 1);
    assert!(run(&["check", copy_arg], None).starts_with("exit 0"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn ics_for_the_next_reviews() {
    insta::assert_snapshot!(
        run(&["ics", "record.json", "--as-of", "2026-11-23"], None).replace("\r\n", "\\r\\n\n")
    );
}

#[test]
fn schema_lists_documents() {
    insta::assert_snapshot!(run(&["schema"], None));
}

#[test]
fn bad_input_gets_a_clear_message_and_exit_2() {
    let dir = std::env::temp_dir().join(format!("partnership-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let invalid_utf8 = dir.join("latin1.json");
    std::fs::write(&invalid_utf8, b"{\"name\": \"Zo\xeb\"}").unwrap();
    let huge = dir.join("huge.json");
    // A sparse file: large to the command, nothing on disk.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let mut report = String::new();
    for (what, args) in [
        ("missing file", vec!["check", "no-such-file.json"]),
        ("a directory", vec!["check", "."]),
        (
            "invalid UTF-8",
            vec!["check", invalid_utf8.to_str().unwrap()],
        ),
        ("1 GB file", vec!["check", huge.to_str().unwrap()]),
        (
            "bad date",
            vec!["report", "record.json", "--as-of", "2026-02-30"],
        ),
        ("no subcommand", vec![]),
        (
            "report on an invalid record",
            vec!["report", "invalid-record.json", "--as-of", "2026-11-23"],
        ),
    ] {
        let out = run(&args, None).replace(dir.to_str().unwrap(), "<tmp>");
        report.push_str(&format!("== {what}\n{out}\n"));
    }
    let truncated = run(
        &["check", "-"],
        Some(b"{\"schemaVersion\": 1, \"id\": \"00000000-0000"),
    );
    report.push_str(&format!(
        "== truncated JSON on standard input\n{truncated}\n"
    ));
    std::fs::remove_dir_all(&dir).unwrap();
    insta::assert_snapshot!(report);
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    for sub in ["schema", "check", "report", "due", "share", "fhir", "ics"] {
        let out = run(&[sub, "--help"], None);
        assert!(out.starts_with("exit 0"), "{sub}: {out}");
        assert!(
            out.contains("Example:\n  partnership ") || out.contains("Examples:\n  partnership "),
            "{sub}"
        );
    }
}

/// The fixture set generated from the teaching scenarios (see the root test
/// `scenario_fixtures`).
fn scenario_fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures().join("scenarios"))
        .unwrap()
        .map(|e| format!("scenarios/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    names.sort();
    names
}

#[test]
fn check_every_scenario_fixture() {
    let files = scenario_fixtures();
    assert_eq!(files.len(), 10);
    let mut args = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    insta::assert_snapshot!(run(&args, None));
}

#[test]
fn due_across_the_scenario_fixtures() {
    let files = scenario_fixtures();
    let mut args = vec!["due", "--as-of", "2026-11-23", "--within", "60"];
    args.extend(files.iter().map(String::as_str));
    insta::assert_snapshot!(run(&args, None));
}

#[test]
fn report_and_calendar_for_the_foster_care_scenario() {
    let file = "scenarios/foster_care_christmas_reviews.json";
    insta::assert_snapshot!(run(
        &["report", file, "--as-of", "2027-01-25", "--format", "json"],
        None
    ));
    insta::assert_snapshot!(run(&["ics", file, "--as-of", "2027-01-25"], None));
}

/// The bad-input corpus through the command: `check --document KIND FILE` for every
/// file, one snapshot per kind. Every file is refused with exit 1 and no panic.
#[test]
fn check_refuses_every_bad_input() {
    let corpus = fixtures().join("../bad_inputs");
    let mut kinds: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    kinds.sort();
    assert!(kinds.len() >= 16);
    for dir in kinds {
        let kind = dir.file_name().unwrap().to_string_lossy().into_owned();
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        let mut report = String::new();
        for file in files {
            let relative = format!(
                "../bad_inputs/{kind}/{}",
                file.file_name().unwrap().to_string_lossy()
            );
            let out = run(&["check", "--document", &kind, &relative], None);
            // Invalid: exit 1; unreadable (not UTF-8): exit 2, as for any input error.
            assert!(
                out.starts_with("exit 1") || out.starts_with("exit 2"),
                "{relative}: {out}"
            );
            report.push_str(&out);
        }
        insta::assert_snapshot!(format!("bad_{kind}"), report);
    }
}

#[test]
fn fhir_prints_the_records_bundle() {
    let file = "scenarios/safeguarding_one_carer.json";
    let out = run(&["fhir", file, "--as-of", "2026-11-23"], None);
    assert!(out.starts_with("exit 0"), "{out}");
    let json = std::fs::read_to_string(fixtures().join(file)).unwrap();
    let record = partnership_record::PartnershipRecord::from_json(&json).unwrap();
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let expected = format!(
        "exit 0\n--- stdout\n{}\n--- stderr\n",
        record.to_fhir_bundle(as_of).to_json()
    );
    assert_eq!(out, expected);
    // An invalid record is refused, as by every command that needs a valid one.
    let refused = run(
        &["fhir", "invalid-record.json", "--as-of", "2026-11-23"],
        None,
    );
    assert!(refused.starts_with("exit 2"), "{refused}");
}
