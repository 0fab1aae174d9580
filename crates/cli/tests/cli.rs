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
        // A command that refuses its arguments may exit before reading its input.
        match child.stdin.take().unwrap().write_all(input) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            other => other.unwrap(),
        }
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
    // Without --record the answer is a what-if: it says so, and nothing is written.
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
    let asked = run(
        &[
            "share",
            "record.json",
            "--request",
            "question.json",
            "--as-of",
            "2026-11-23",
        ],
        None,
    );
    assert!(
        asked.contains("would be permitted: covered by 1 consent; nothing was shared or recorded"),
        "{asked}"
    );
    assert_eq!(
        std::fs::read(fixtures().join("record.json")).unwrap(),
        before
    );
}

/// A copy of a fixture record in a folder of its own, removed when dropped.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("partnership-cli-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(fixtures().join("record.json"), dir.join("record.json")).unwrap();
        Self { dir }
    }

    fn record(&self) -> String {
        self.dir.join("record.json").to_str().unwrap().to_owned()
    }

    /// Writes a question or request file beside the record, from the fixture question
    /// with `edit` applied.
    fn question(&self, name: &str, edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut question: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(fixtures().join("question.json")).unwrap(),
        )
        .unwrap();
        // Each question its own id: a request is decided once.
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0x700);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        question["id"] = format!("00000000-0000-4000-8000-{n:012x}").into();
        edit(&mut question);
        let path = self.dir.join(name);
        std::fs::write(&path, question.to_string()).unwrap();
        path.to_str().unwrap().to_owned()
    }

    fn ledger(&self) -> Vec<serde_json::Value> {
        let record: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(self.dir.join("record.json")).unwrap())
                .unwrap();
        record["disclosures"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn share_with_record_appends_to_the_ledger() {
    let scratch = Scratch::new("record");
    let question = scratch.question("question.json", |_| {});
    let out = run(
        &[
            "share",
            &scratch.record(),
            "--request",
            &question,
            "--record",
        ],
        None,
    );
    assert!(out.starts_with("exit 0"), "{out}");
    assert!(out.contains("recorded as ledger entry 0"), "{out}");
    let ledger = scratch.ledger();
    assert_eq!(ledger.len(), 1);
    // Recorded at the moment it was decided, with the recipient as the team has them.
    assert_eq!(ledger[0]["request"]["at"], ledger[0]["recordedAt"]);
    assert_eq!(
        ledger[0]["request"]["recipient"]["role"]["kind"],
        "speech-and-language-therapist"
    );
    assert!(run(&["check", &scratch.record()], None).starts_with("exit 0"));
}

#[test]
fn share_records_a_decision_not_to_disclose_under_the_duty_to_shares_exception() {
    let scratch = Scratch::new("not-disclosed");
    let question = scratch.question("question.json", |q| {
        q["purpose"] = serde_json::json!({"kind": "safeguarding"});
    });
    let exception = scratch.dir.join("exception.json");
    std::fs::write(
        &exception,
        serde_json::json!({
            "reason": {"kind": "loss-of-trusted-relationship"},
            "explanation": "He told his key worker in confidence and would stop talking to anyone",
            "decidedBy": "2d9c6a1e-7f3b-4c8d-9e0a-1b2c3d4e5f60",
            "approvedBy": "8e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b",
            "dutyToShareFrom": "2026-09-01"
        })
        .to_string(),
    )
    .unwrap();
    let exception = exception.to_str().unwrap();
    let share = |extra: &[&str]| {
        let mut args = vec![
            "share",
            "--request",
            &question,
            "--not-disclosed",
            exception,
        ];
        let record = scratch.record();
        args.insert(1, &record);
        args.extend_from_slice(extra);
        run(&args, None)
    };
    // Not a what-if; and no exception where the duty is not in force.
    let out = share(&[]);
    assert!(out.contains("--not-disclosed goes with --record"), "{out}");
    let out = share(&["--record"]);
    assert!(!out.starts_with("exit 0"), "{out}");
    assert!(out.contains("the duty to share is not in force"), "{out}");
    assert!(scratch.ledger().is_empty());
    // From the day the service sets, it is recorded like a permit.
    let out = share(&[
        "--record",
        "--duty-to-share-from",
        "2026-09-01",
        "--format",
        "json",
    ]);
    assert!(out.starts_with("exit 0"), "{out}");
    assert!(out.contains("not-disclosed"), "{out}");
    assert!(
        !out.contains("confidence"),
        "the explanation is personal: {out}"
    );
    let ledger = scratch.ledger();
    assert_eq!(ledger.len(), 1);
    assert_eq!(ledger[0]["decision"]["kind"], "not-disclosed");
    assert!(run(&["check", &scratch.record()], None).starts_with("exit 0"));
}

#[test]
fn report_finds_a_missing_consistent_identifier_once_the_duty_is_in_force() {
    let scratch = Scratch::new("identifier");
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(scratch.record()).unwrap()).unwrap();
    record["child"].as_object_mut().unwrap().remove("nhsNumber");
    std::fs::write(scratch.record(), record.to_string()).unwrap();
    let report = |extra: &[&str]| {
        let record = scratch.record();
        let mut args = vec![
            "report",
            &record,
            "--as-of",
            "2027-09-06",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        run(&args, None)
    };
    assert!(!report(&[]).contains("consistent-identifier-missing"));
    assert!(
        !report(&["--consistent-identifier-from", "2027-09-07"])
            .contains("consistent-identifier-missing")
    );
    let out = report(&["--consistent-identifier-from", "2027-09-01"]);
    assert!(out.starts_with("exit 0"), "{out}");
    assert!(out.contains("consistent-identifier-missing"), "{out}");
}

#[test]
fn share_refuses_and_records_what_a_request_claims_against_the_record() {
    let scratch = Scratch::new("claims");
    let key_worker = "2d9c6a1e-7f3b-4c8d-9e0a-1b2c3d4e5f60";
    // A request dated weeks ago, and the key worker described as a speech and
    // language therapist in a health service: each refused, and each refusal recorded.
    let backdated = scratch.question("backdated.json", |q| {
        q["at"] = "2026-10-01T09:00:00Z".into();
    });
    let described = scratch.question("described.json", |q| {
        q["recipient"] = serde_json::json!({
            "kind": "professional", "id": key_worker,
            "role": {"kind": "speech-and-language-therapist"},
            "agency": "9f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b",
            "agencyKind": {"kind": "health"}
        });
    });
    let over_sixteen = scratch.question("capacity.json", |q| {
        q["childCapacity"] = serde_json::json!({"kind": "sixteen-or-over"});
    });
    let mut answers = Vec::new();
    for file in [&backdated, &described, &over_sixteen] {
        let out = run(
            &[
                "share",
                &scratch.record(),
                "--request",
                file,
                "--record",
                "--format",
                "json",
            ],
            None,
        );
        assert!(out.starts_with("exit 0"), "{out}");
        let json: serde_json::Value = serde_json::from_str(
            out.split("--- stdout\n")
                .nth(1)
                .unwrap()
                .split("--- stderr")
                .next()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(json["recorded"], true);
        assert_eq!(json["decision"]["kind"], "refuse", "{out}");
        answers.push(json["decision"]["reasons"].clone());
    }
    insta::assert_json_snapshot!(answers);
    let ledger = scratch.ledger();
    assert_eq!(ledger.len(), 3);
    assert!(ledger.iter().all(|e| e["decision"]["kind"] == "refuse"));
    assert!(run(&["check", &scratch.record()], None).starts_with("exit 0"));
}

#[test]
fn share_refuses_questions_the_record_cannot_answer_and_writes_nothing() {
    let scratch = Scratch::new("unknown");
    let before = std::fs::read(scratch.dir.join("record.json")).unwrap();
    let stranger = scratch.question("stranger.json", |q| {
        q["requestedBy"] = "00000000-0000-4000-8000-00000000dead".into();
        q["recipient"]["id"] = "00000000-0000-4000-8000-00000000beef".into();
    });
    let question = scratch.question("question.json", |_| {});
    let mut report = String::new();
    for args in [
        vec![
            "share",
            &scratch.record(),
            "--request",
            &stranger,
            "--record",
        ],
        vec!["share", &scratch.record(), "--request", &stranger],
        vec![
            "share",
            &scratch.record(),
            "--request",
            &question,
            "--record",
            "--as-of",
            "2026-10-01",
        ],
        vec!["share", "-", "--request", &question, "--record"],
    ] {
        let out = run(&args, Some(&before));
        assert!(out.starts_with("exit 2"), "{out}");
        report.push_str(&out.replace(&scratch.dir.display().to_string(), "SCRATCH"));
    }
    insta::assert_snapshot!(report.replace(&chrono_today(), "TODAY"));
    assert_eq!(
        std::fs::read(scratch.dir.join("record.json")).unwrap(),
        before
    );
    assert!(!std::path::Path::new("-").exists());
}

/// Today's date as the command reads it, to keep snapshots stable.
fn chrono_today() -> String {
    chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())
        .date_naive()
        .to_string()
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
        Some(b"{\"schemaVersion\": 2, \"id\": \"00000000-0000"),
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
    assert_eq!(files.len(), 11);
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
    // An invalid record is refused, as by every command that needs a valid one, with
    // the status of an invalid record.
    let refused = run(
        &["fhir", "invalid-record.json", "--as-of", "2026-11-23"],
        None,
    );
    assert!(refused.starts_with("exit 1"), "{refused}");
}

/// Runs the command with `args` from the scratch folder, returning its exit code and
/// output.
fn run_in(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_partnership"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!text.contains("panicked"), "{text}");
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn twenty_writers_at_once_lose_nothing() {
    let scratch = Scratch::new("twenty");
    let questions: Vec<String> = (0..20)
        .map(|i| scratch.question(&format!("question-{i}.json"), |_| {}))
        .collect();
    let record = scratch.record();
    let children: Vec<_> = questions
        .iter()
        .map(|question| {
            Command::new(env!("CARGO_BIN_EXE_partnership"))
                .args(["share", &record, "--request", question, "--record"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut indexes = Vec::new();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let index: u64 = text
            .rsplit("recorded as ledger entry ")
            .next()
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        indexes.push(index);
    }
    // Every answer names its own entry, and every entry is there.
    indexes.sort_unstable();
    assert_eq!(indexes, (0..20).collect::<Vec<u64>>());
    assert_eq!(scratch.ledger().len(), 20);
    assert!(run(&["check", &record], None).starts_with("exit 0"));
    // No temporary file is left behind; the lock file stays, empty.
    let left: Vec<String> = std::fs::read_dir(&scratch.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[cfg(unix)]
#[test]
fn recording_keeps_the_file_private_follows_links_and_ignores_planted_files() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let scratch = Scratch::new("files");
    let question = scratch.question("question.json", |_| {});
    let real = scratch.dir.join("record.json");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
    // The record is reached through a link, and the first build's fixed temporary
    // name is a link to a file an attacker would like filled.
    let link = scratch.dir.join("via-link.json");
    symlink(&real, &link).unwrap();
    let victim = scratch.dir.join("victim.txt");
    std::fs::write(&victim, "untouched").unwrap();
    symlink(&victim, scratch.dir.join("via-link.json.partnership-tmp")).unwrap();
    symlink(&victim, scratch.dir.join("record.json.partnership-tmp")).unwrap();
    let (code, text) = run_in(
        &scratch.dir,
        &["share", "via-link.json", "--request", &question, "--record"],
    );
    assert_eq!(code, 0, "{text}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(scratch.ledger().len(), 1);
    assert_eq!(
        std::fs::metadata(&real).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
}

#[test]
fn a_ledger_dated_in_the_future_is_not_written_after() {
    let scratch = Scratch::new("future");
    let question = scratch.question("question.json", |_| {});
    // One entry recorded as if at the end of 9999, as a run with a wrong clock would.
    let record: partnership_record::PartnershipRecord =
        partnership_record::PartnershipRecord::from_json(
            &std::fs::read_to_string(scratch.dir.join("record.json")).unwrap(),
        )
        .unwrap();
    let mut record = record;
    let q: partnership_consent::SharingQuestion =
        serde_json::from_str(&std::fs::read_to_string(&question).unwrap()).unwrap();
    record
        .decide(&q, "9999-12-31T12:00:00Z".parse().unwrap())
        .unwrap();
    std::fs::write(scratch.dir.join("record.json"), record.to_json()).unwrap();
    let before = std::fs::read(scratch.dir.join("record.json")).unwrap();
    let (code, text) = run_in(
        &scratch.dir,
        &["share", "record.json", "--request", &question, "--record"],
    );
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("a clock is wrong"), "{text}");
    assert_eq!(
        std::fs::read(scratch.dir.join("record.json")).unwrap(),
        before
    );
}

#[cfg(unix)]
#[test]
fn a_signed_ledger_shows_a_rehashed_forgery_and_a_witness_shows_a_cut() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = Scratch::new("signed");
    let question = scratch.question("question.json", |_| {});
    let dir = &scratch.dir;
    let (code, public) = run_in(dir, &["key", "generate", "--out", "service.key"]);
    assert_eq!(code, 0, "{public}");
    let public = public.trim().to_owned();
    assert_eq!(
        std::fs::metadata(dir.join("service.key"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    let (code, text) = run_in(dir, &["key", "generate", "--out", "service.key"]);
    assert_eq!(code, 2, "a key file was overwritten: {text}");
    let (code, text) = run_in(dir, &["witness", "record.json", "--out", "record.head"]);
    assert_eq!(code, 0, "{text}");
    let _ = &question;
    for i in 0..3 {
        let question = scratch.question(&format!("q{i}.json"), |_| {});
        let (code, text) = run_in(
            dir,
            &[
                "share",
                "record.json",
                "--request",
                &question,
                "--record",
                "--key",
                "service.key",
                "--witness",
                "record.head",
            ],
        );
        assert_eq!(code, 0, "{text}");
    }
    let checked = |args: &[&str]| run_in(dir, args);
    let (code, text) = checked(&[
        "check",
        "record.json",
        "--public-key",
        &public,
        "--witness",
        "record.head",
    ]);
    assert_eq!(code, 0, "{text}");
    assert!(
        !std::fs::read_to_string(dir.join("record.json"))
            .unwrap()
            .contains(
                std::fs::read_to_string(dir.join("service.key"))
                    .unwrap()
                    .trim()
            )
    );

    // A forger turns a permit into a refusal and re-hashes the chain, as a script
    // would; without the key the head is no longer a signed one.
    let good = std::fs::read_to_string(dir.join("record.json")).unwrap();
    let mut record: partnership_record::PartnershipRecord =
        partnership_record::PartnershipRecord::from_json(&good).unwrap();
    let mut parts = record.clone().into_parts();
    let mut entries: Vec<partnership_consent::LedgerEntry> =
        parts.disclosures.iter().cloned().collect();
    let mut previous = partnership_consent::Sha256Digest::GENESIS;
    for entry in &mut entries {
        entry.recorded_at += chrono::Duration::seconds(1);
        entry.request = {
            let mut r = entry.request.clone().into_parts();
            r.at = entry.recorded_at;
            partnership_consent::SharingRequest::try_from(r).unwrap()
        };
        entry.previous_hash = previous;
        entry.hash = entry.expected_hash();
        previous = entry.hash;
    }
    parts.disclosures = partnership_consent::DisclosureLedger::try_from(entries).unwrap();
    // The forger also drops the checkpoints that no longer match.
    parts.checkpoints.clear();
    record = partnership_record::PartnershipRecord::try_from(parts).unwrap();
    std::fs::write(dir.join("forged.json"), record.to_json()).unwrap();
    let (code, text) = checked(&["check", "forged.json"]);
    assert_eq!(code, 0, "the forgery is a valid record on its own: {text}");
    assert!(text.contains("checksummed only"), "{text}");
    let (code, text) = checked(&["check", "forged.json", "--public-key", &public]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("[ledger-not-signed]"), "{text}");

    // Entries cut from the end: the chain that is left verifies, the witness does not.
    let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
    value["disclosures"].as_array_mut().unwrap().pop();
    value["checkpoints"] = serde_json::json!([]);
    std::fs::write(dir.join("cut.json"), value.to_string()).unwrap();
    let (code, text) = checked(&["check", "cut.json", "--witness", "record.head"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("[ledger-not-witnessed]"), "{text}");
    std::fs::copy(dir.join("cut.json"), dir.join("record.json")).unwrap();
    let (code, text) = run_in(
        dir,
        &[
            "share",
            "record.json",
            "--request",
            &question,
            "--record",
            "--witness",
            "record.head",
        ],
    );
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains("does not extend the head this witness kept"),
        "{text}"
    );

    // A key file others can read is refused.
    std::fs::set_permissions(
        dir.join("service.key"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    std::fs::write(dir.join("record.json"), &good).unwrap();
    let (code, text) = run_in(
        dir,
        &[
            "share",
            "record.json",
            "--request",
            &question,
            "--record",
            "--key",
            "service.key",
        ],
    );
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("can be read by others"), "{text}");
}

#[test]
fn a_format_1_ledger_is_migrated_only_when_asked() {
    let scratch = Scratch::new("migrate");
    std::fs::copy(
        fixtures().join("format-1-ledger.json"),
        scratch.dir.join("old.json"),
    )
    .unwrap();
    let dir = &scratch.dir;
    let (code, text) = run_in(dir, &["check", "old.json"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("its ledger is in format 1"), "{text}");
    // Recording on it is refused until it is migrated, and nothing is written.
    let question = serde_json::json!({
        "id": "00000000-0000-4000-8000-0000000000aa",
        "child": "5ce00006-0000-4000-8000-000000000002",
        "requestedBy": "5ce00006-0000-4000-8000-000000000006",
        "recipient": {"kind": "professional", "id": "5ce00006-0000-4000-8000-000000000007"},
        "purpose": {"kind": "education-support-planning"},
        "dataCategories": [{"kind": "education-progress"}]
    });
    std::fs::write(dir.join("q.json"), question.to_string()).unwrap();
    let before = std::fs::read(dir.join("old.json")).unwrap();
    let (code, text) = run_in(
        dir,
        &["share", "old.json", "--request", "q.json", "--record"],
    );
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("migrate it"), "{text}");
    assert_eq!(std::fs::read(dir.join("old.json")).unwrap(), before);
    let (code, text) = run_in(dir, &["migrate", "old.json"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("are in format 2"), "{text}");
    let (code, text) = run_in(dir, &["check", "old.json"]);
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("format 1"), "{text}");
    let (code, text) = run_in(
        dir,
        &["share", "old.json", "--request", "q.json", "--record"],
    );
    assert_eq!(code, 0, "{text}");
    let (code, text) = run_in(dir, &["migrate", "old.json"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("already in format 2"), "{text}");
}

#[test]
fn a_writer_killed_at_any_moment_leaves_the_old_record_or_the_new() {
    let scratch = Scratch::new("killed");
    let record = scratch.record();
    let mut entries = 0;
    for round in 0..12u64 {
        let question = scratch.question(&format!("q{round}.json"), |_| {});
        let mut child = Command::new(env!("CARGO_BIN_EXE_partnership"))
            .args(["share", &record, "--request", &question, "--record"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Somewhere between starting and finishing: the command takes a few
        // milliseconds, so these land before, during and after the write.
        std::thread::sleep(std::time::Duration::from_micros(round * 700));
        let _ = child.kill();
        let _ = child.wait();
        let now = scratch.ledger().len();
        assert!(now == entries || now == entries + 1, "{entries} then {now}");
        entries = now;
        assert!(run(&["check", &record], None).starts_with("exit 0"));
    }
    // A process killed mid-write may leave its temporary file (nothing can remove it
    // once the process is gone); the record is whole either way, as checked above.
}

#[cfg(unix)]
#[test]
fn a_key_never_vouches_for_entries_it_did_not_see() {
    let scratch = Scratch::new("vouch");
    let dir = &scratch.dir;
    let (code, text) = run_in(dir, &["key", "generate", "--out", "k"]);
    assert_eq!(code, 0, "{text}");
    let public = text.trim().to_owned();
    // Two decisions recorded without the key: checksummed only.
    for i in 0..2 {
        let q = scratch.question(&format!("q{i}.json"), |_| {});
        assert_eq!(
            run_in(dir, &["share", "record.json", "--request", &q, "--record"]).0,
            0
        );
    }
    // Signing on the next decision would vouch for them unseen: refused, nothing written.
    let before = std::fs::read(dir.join("record.json")).unwrap();
    let q = scratch.question("q2.json", |_| {});
    let (code, text) = run_in(
        dir,
        &[
            "share",
            "record.json",
            "--request",
            &q,
            "--record",
            "--key",
            "k",
        ],
    );
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("partnership sign"), "{text}");
    assert_eq!(std::fs::read(dir.join("record.json")).unwrap(), before);
    // Signed deliberately, the ledger is then kept signed decision by decision.
    let (code, text) = run_in(dir, &["sign", "record.json", "--key", "k"]);
    assert_eq!(code, 0, "{text}");
    let (code, text) = run_in(
        dir,
        &[
            "share",
            "record.json",
            "--request",
            &q,
            "--record",
            "--key",
            "k",
        ],
    );
    assert_eq!(code, 0, "{text}");
    let (code, text) = run_in(dir, &["check", "record.json", "--public-key", &public]);
    assert_eq!(code, 0, "{text}");
    // A question already decided is not decided again.
    let (code, text) = run_in(
        dir,
        &[
            "share",
            "record.json",
            "--request",
            &q,
            "--record",
            "--key",
            "k",
        ],
    );
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains("already records a decision on this request"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn a_witness_must_exist_and_is_written_where_it_points() {
    use std::os::unix::fs::symlink;
    let scratch = Scratch::new("witness");
    let dir = &scratch.dir;
    let q = scratch.question("q.json", |_| {});
    for witness in ["missing.head", "-"] {
        let (code, text) = run_in(
            dir,
            &[
                "share",
                "record.json",
                "--request",
                &q,
                "--record",
                "--witness",
                witness,
            ],
        );
        assert_eq!(code, 2, "{text}");
        let (code, text) = run_in(dir, &["check", "record.json", "--witness", witness]);
        assert_eq!(code, 2, "{text}");
    }
    assert!(!dir.join("missing.head").exists() && !dir.join("-").exists());
    // A witness kept elsewhere, reached through a link: the file it names moves on.
    std::fs::create_dir_all(dir.join("safe")).unwrap();
    let (code, text) = run_in(
        dir,
        &["witness", "record.json", "--out", "safe/record.head"],
    );
    assert_eq!(code, 0, "{text}");
    symlink(dir.join("safe/record.head"), dir.join("record.head")).unwrap();
    let (code, text) = run_in(
        dir,
        &[
            "share",
            "record.json",
            "--request",
            &q,
            "--record",
            "--witness",
            "record.head",
        ],
    );
    assert_eq!(code, 0, "{text}");
    assert!(
        std::fs::symlink_metadata(dir.join("record.head"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let kept: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("safe/record.head")).unwrap())
            .unwrap();
    assert_eq!(kept["length"], 1);
    let (code, text) = run_in(
        dir,
        &["witness", "record.json", "--out", "safe/record.head"],
    );
    assert_eq!(code, 2, "a witness was overwritten: {text}");
}

#[cfg(unix)]
#[test]
fn a_record_with_hard_links_is_not_split() {
    let scratch = Scratch::new("links");
    let dir = &scratch.dir;
    std::fs::hard_link(dir.join("record.json"), dir.join("other-name.json")).unwrap();
    let q = scratch.question("q.json", |_| {});
    let (code, text) = run_in(dir, &["share", "record.json", "--request", &q, "--record"]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("hard links"), "{text}");
}

#[cfg(unix)]
#[test]
fn a_record_keeps_its_owner_and_group() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let scratch = Scratch::new("owner");
    let dir = &scratch.dir;
    let record = dir.join("record.json");
    // Only root can give a file to someone else; elsewhere the test shows the
    // command keeps what it can, which is all of it when nothing changes.
    let root = std::fs::metadata(&record).unwrap().uid() == 0;
    if root {
        std::os::unix::fs::chown(&record, Some(1000), Some(2000)).unwrap();
    }
    std::fs::set_permissions(&record, std::fs::Permissions::from_mode(0o640)).unwrap();
    let before = std::fs::metadata(&record).unwrap();
    let q = scratch.question("q.json", |_| {});
    let (code, text) = run_in(dir, &["share", "record.json", "--request", &q, "--record"]);
    assert_eq!(code, 0, "{text}");
    let after = std::fs::metadata(&record).unwrap();
    assert_eq!(
        (after.uid(), after.gid(), after.mode() & 0o777),
        (before.uid(), before.gid(), 0o640)
    );
}

/// The exit status says the same thing on every subcommand: 1 for a record that is
/// not valid, 2 for what could not be read or a flag that does not fit.
#[test]
fn every_subcommand_gives_one_status_for_an_invalid_record() {
    let day = ["--as-of", "2026-11-23"];
    for command in [
        vec!["report", "invalid-record.json"],
        vec!["due", "invalid-record.json"],
        vec!["ics", "invalid-record.json"],
        vec!["fhir", "invalid-record.json"],
        vec!["share", "invalid-record.json", "--request", "question.json"],
        vec!["check", "invalid-record.json"],
    ] {
        let mut args = command.clone();
        if command[0] != "check" {
            args.extend(day);
        }
        let out = run(&args, None);
        assert!(out.starts_with("exit 1\n"), "{command:?}: {out}");
        assert!(out.contains("[dangling-reference]"), "{command:?}: {out}");
        let missing = run(&[command[0], "no-such-file.json"], None);
        assert!(missing.starts_with("exit 2\n"), "{command:?}: {missing}");
    }
}

/// A batch goes on past a bad file, reporting each, with the status of the worst.
#[test]
fn a_batch_goes_on_past_a_bad_file() {
    let out = run(
        &[
            "check",
            "no-such-file.json",
            "invalid-record.json",
            "record.json",
        ],
        None,
    );
    assert!(out.starts_with("exit 2\n"), "{out}");
    assert!(out.contains("record.json: valid"), "{out}");
    assert!(
        out.contains("invalid-record.json: /communicationAgreements/0/carer"),
        "{out}"
    );
    assert!(out.contains("no-such-file.json: cannot open it"), "{out}");

    let due = run(
        &[
            "due",
            "invalid-record.json",
            "record.json",
            "--as-of",
            "2026-11-23",
            "--within",
            "30",
        ],
        None,
    );
    assert!(due.starts_with("exit 1\n"), "{due}");
    assert!(
        due.contains("/contactLog/0/agreedActions/0"),
        "the valid record's list: {due}"
    );
    assert!(
        due.contains("invalid-record.json: /consents/0/givenBy/carer"),
        "{due}"
    );
}

/// `check --format json`: one object per file, parseable, with every problem's
/// pointer, rule, message, and line and column where read.
#[test]
fn check_speaks_json() {
    let out = Command::new(env!("CARGO_BIN_EXE_partnership"))
        .args([
            "check",
            "--format",
            "json",
            "record.json",
            "invalid-record.json",
            "../bad_inputs/record/truncated.json",
            "no-such-file.json",
        ])
        .current_dir(fixtures())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let files: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = files.as_array().unwrap();
    assert_eq!(files.len(), 4);
    assert_eq!(files[0]["path"], "record.json");
    assert_eq!(files[0]["valid"], true);
    assert_eq!(files[0]["problems"], serde_json::json!([]));
    assert_eq!(files[1]["valid"], false);
    let first = &files[1]["problems"][0];
    assert_eq!(first["pointer"], "/communicationAgreements/0/carer");
    assert_eq!(first["rule"], "dangling-reference");
    assert!(
        first["message"]
            .as_str()
            .unwrap()
            .contains("not in the record")
    );
    let syntax = &files[2]["problems"][0];
    assert_eq!(syntax["rule"], "json-syntax");
    assert!(syntax["line"].as_u64().is_some() && syntax["column"].as_u64().is_some());
    assert_eq!(files[3]["valid"], false);
    assert!(
        files[3]["error"]
            .as_str()
            .unwrap()
            .starts_with("cannot open it")
    );
    // Nothing but the JSON on standard output; nothing on standard error.
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A reader that stops reading (`… | head`) ends the command quietly.
#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_partnership"))
        .args(["schema", "partnership-record"])
        .current_dir(fixtures())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before the command has written: its first write fails.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A date left out is today; a date in another form is refused with the form
/// expected; a number past what makes sense is refused, not wrapped to nothing; a
/// misspelt subcommand gets the right suggestion; one schema is printed by name.
#[test]
fn the_command_helps_a_script_get_it_right() {
    assert!(run(&["report", "record.json"], None).starts_with("exit 0\n"));
    assert!(run(&["due", "record.json"], None).starts_with("exit 0\n"));
    let slashed = run(&["report", "record.json", "--as-of", "23/11/2026"], None);
    assert!(slashed.starts_with("exit 2\n"), "{slashed}");
    assert!(
        slashed.contains("must be a date written YYYY-MM-DD"),
        "{slashed}"
    );
    let far = run(&["due", "record.json", "--within", "100000000"], None);
    assert!(far.starts_with("exit 2\n"), "{far}");
    assert!(far.contains("3660"), "{far}");
    let ten_years = run(
        &[
            "due",
            "record.json",
            "--as-of",
            "2026-11-23",
            "--within",
            "3660",
        ],
        None,
    );
    assert!(ten_years.contains("/reviews/0"), "{ten_years}");
    let typo = run(&["repot"], None);
    assert!(
        typo.contains("a similar subcommand exists: 'report'"),
        "{typo}"
    );
    let flag = run(&["due", "record.json", "--withn", "3"], None);
    assert!(flag.contains("--within"), "{flag}");

    let schema = Command::new(env!("CARGO_BIN_EXE_partnership"))
        .args(["schema", "carer"])
        .output()
        .unwrap();
    let committed = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas/carer.schema.json"),
    )
    .unwrap();
    assert_eq!(schema.stdout, committed);
    let unknown = run(&["schema", "carers"], None);
    assert!(unknown.starts_with("exit 2\n"), "{unknown}");
    assert!(
        unknown.contains("partnership-record, child-profile, carer"),
        "{unknown}"
    );
}

/// A calendar holds a component even with no meetings (RFC 5545 section 3.4), its
/// times are in Europe/London, and a meeting's SEQUENCE rises as the record changes.
#[test]
fn ics_is_a_calendar_even_with_nothing_to_meet_about() {
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixtures().join("record.json")).unwrap())
            .unwrap();
    record.as_object_mut().unwrap().remove("reviews");
    let empty = run(
        &["ics", "-", "--as-of", "2026-11-23"],
        Some(record.to_string().as_bytes()),
    );
    assert!(empty.starts_with("exit 0\n"), "{empty}");
    assert!(
        empty.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n"),
        "{empty}"
    );
    assert!(!empty.contains("BEGIN:VEVENT"), "{empty}");

    let sequence = |file: &str| {
        let out = run(&["ics", file, "--as-of", "2026-11-23"], None);
        let line = out
            .lines()
            .find(|l| l.starts_with("SEQUENCE:"))
            .unwrap()
            .to_owned();
        let uid = out
            .lines()
            .find(|l| l.starts_with("UID:"))
            .unwrap()
            .to_owned();
        (
            uid,
            line.trim_end()
                .trim_start_matches("SEQUENCE:")
                .parse::<u32>()
                .unwrap(),
        )
    };
    // The same meeting, before and after three changes recorded through `apply`.
    let (uid, before) = sequence("record.json");
    let (same, after) = sequence("changed.json");
    assert_eq!(uid, same);
    assert!(after > before, "{before} then {after}");
}

/// Hostile inputs to the scriptable command: standard input that is not UTF-8 in
/// JSON mode, a directory among the files, an impossible leap day, numbers too large
/// for their flags, and flags that contradict each other. Each ends with the status
/// and message its kind has, and never a panic.
#[test]
fn a_script_cannot_trip_the_command() {
    let latin1 = run(
        &["check", "--format", "json", "-"],
        Some(b"{\"name\": \"Zo\xeb\"}"),
    );
    assert!(latin1.starts_with("exit 2\n"), "{latin1}");
    assert!(
        latin1.contains("\"error\": \"is not valid UTF-8"),
        "{latin1}"
    );
    assert!(!latin1.contains("Zo"), "{latin1}");

    let dir = run(&["due", ".", "record.json", "--as-of", "2026-11-23"], None);
    assert!(dir.starts_with("exit 2\n"), "{dir}");
    assert!(dir.contains("is a directory"), "{dir}");
    assert!(
        dir.contains("/reviews/0"),
        "the record after it is listed: {dir}"
    );

    let leap = run(&["report", "record.json", "--as-of", "2027-02-29"], None);
    assert!(
        leap.starts_with("exit 2\n") && leap.contains("no such day"),
        "{leap}"
    );
    let real_leap = run(&["report", "record.json", "--as-of", "2028-02-29"], None);
    assert!(real_leap.starts_with("exit 0\n"), "{real_leap}");

    for args in [
        vec![
            "check",
            "record.json",
            "--max-depth",
            "18446744073709551616",
        ],
        vec!["due", "record.json", "--within", "-1"],
        vec!["schema", "carer", "--out", "somewhere"],
        vec!["check", "record.json", "--format", "xml"],
    ] {
        let out = run(&args, None);
        assert!(out.starts_with("exit 2\n"), "{args:?}: {out}");
    }
}

/// The output of a successful command, without the exit line and stderr.
fn stdout_of(args: &[&str]) -> String {
    let out = run(args, None);
    assert!(out.starts_with("exit 0\n"), "{out}");
    let body = out.strip_prefix("exit 0\n--- stdout\n").unwrap();
    body.rsplit_once("--- stderr\n").unwrap().0.to_owned()
}

#[test]
fn scenarios_print_for_practitioners_in_plain_words() {
    let text = stdout_of(&["scenarios"]);
    // Every scenario, in the order of the course, with no API names and no ids.
    // Two scenarios' reports find what their exercises ask a learner to spot: those
    // findings come only after the questions, as what a learner should spot.
    assert_eq!(text.matches("\nPractice report as of ").count(), 9);
    assert_eq!(text.matches("What a learner should spot:").count(), 5);
    assert!(
        !text.contains("About: /"),
        "a JSON Pointer in the practitioners' voice"
    );
    assert!(text.starts_with("A child in nursery with delayed speech\n"));
    assert!(
        !text.contains("::"),
        "an API name in the practitioners' voice"
    );
    assert!(!text.contains("Recorded with"));
    assert!(!text.contains("5ce0"), "an id in the practitioners' voice");
    let developers = stdout_of(&[
        "scenarios",
        "safeguarding-one-carer",
        "--voice",
        "developers",
    ]);
    assert!(developers.starts_with("A safeguarding concern about one carer\n"));
    assert!(
        developers.contains("Recorded with: Change::AddWithholdingRule, PartnershipRecord::decide")
    );
    assert!(developers.contains("Changed: /contactLog/1, /withholdingRules/0, /disclosures/1"));
}

#[test]
fn scenarios_print_as_json_with_steps_as_data() {
    let all: serde_json::Value =
        serde_json::from_str(&stdout_of(&["scenarios", "--format", "json"])).unwrap();
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 11);
    let one: serde_json::Value = serde_json::from_str(&stdout_of(&[
        "scenarios",
        "safeguarding_one_carer",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(one["slug"], "safeguarding_one_carer");
    assert_eq!(
        &one,
        all.iter()
            .find(|s| s["slug"] == "safeguarding_one_carer")
            .unwrap()
    );
    let step = &one["steps"][3];
    assert_eq!(step["principle"], "confidentiality");
    assert_eq!(step["decisions"][0]["recipient"]["kind"], "carer");
    assert_eq!(
        step["decisions"][0]["recipient"]["relationship"],
        "birth parent"
    );
    assert_eq!(step["decisions"][0]["answer"]["decision"]["kind"], "refuse");
    // Every pointer a step names is in the scenario's record.
    for scenario in all {
        for step in scenario["steps"].as_array().unwrap() {
            for pointer in step["changed"].as_array().unwrap() {
                let pointer = pointer.as_str().unwrap();
                assert!(scenario["record"].pointer(pointer).is_some(), "{pointer}");
            }
        }
    }
    // And the schema of what is printed is published.
    let schema: serde_json::Value =
        serde_json::from_str(&stdout_of(&["schema", "scenario"])).unwrap();
    assert_eq!(schema["title"], "Scenario");
}

#[test]
fn an_unknown_scenario_is_a_usage_error_that_lists_the_names() {
    let out = run(&["scenarios", "no_such_scenario"], None);
    assert!(out.starts_with("exit 2\n"), "{out}");
    assert!(out.contains("no scenario is called that; the scenarios are: speech_delay_nursery,"));
    let out = run(&["scenarios", "--format", "xml"], None);
    assert!(out.starts_with("exit 2\n"), "{out}");
}

#[test]
fn scenarios_write_training_pages_and_refuse_to_follow_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    let (status, text) = run_in(
        dir.path(),
        &[
            "scenarios",
            "--format",
            "html",
            "--out",
            pages.to_str().unwrap(),
        ],
    );
    assert_eq!(status, 0, "{text}");
    assert_eq!(text.matches("wrote ").count(), 12);
    let page = std::fs::read_to_string(pages.join("safeguarding_one_carer.html")).unwrap();
    assert!(page.contains("<h2 id=\"exercise\">"));
    assert!(
        std::fs::read_to_string(pages.join("index.html"))
            .unwrap()
            .contains("safeguarding_one_carer.html")
    );
    // A page that is a symbolic link is not written through.
    #[cfg(unix)]
    {
        let elsewhere = dir.path().join("elsewhere.txt");
        std::fs::write(&elsewhere, "keep me").unwrap();
        let page = pages.join("speech_delay_nursery.html");
        std::fs::remove_file(&page).unwrap();
        std::os::unix::fs::symlink(&elsewhere, &page).unwrap();
        let (status, text) = run_in(
            dir.path(),
            &[
                "scenarios",
                "speech_delay_nursery",
                "--format",
                "html",
                "--out",
                pages.to_str().unwrap(),
            ],
        );
        assert_eq!(status, 2, "{text}");
        assert!(
            text.contains("is a symbolic link; nothing was written"),
            "{text}"
        );
        assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), "keep me");
    }
    // HTML needs a folder; text and JSON go to standard output.
    let (status, text) = run_in(dir.path(), &["scenarios", "--format", "html"]);
    assert_eq!(status, 2);
    assert!(text.contains("give the folder with --out DIR"), "{text}");
    let (status, _) = run_in(dir.path(), &["scenarios", "--out", "x"]);
    assert_eq!(status, 2);
}

#[test]
fn explain_writes_for_carers_and_refuses_what_it_cannot_write() {
    let record = "scenarios/consent_declined_narrowed_withdrawn.json";
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixtures().join(record)).unwrap()).unwrap();
    let consent = json["consents"][0]["id"].as_str().unwrap();
    let carer = json["carers"][0]["id"].as_str().unwrap();
    let text = stdout_of(&["explain", record, "--consent", consent]);
    assert!(
        text.starts_with("Can we share information about Ruby?\n"),
        "{text}"
    );
    assert!(text.contains("It is your choice. You can say yes or no."));
    // JSON: an array of documents, each with its reading age and target.
    let printed: serde_json::Value = serde_json::from_str(&stdout_of(&[
        "explain",
        record,
        "--decision",
        "0",
        "--format",
        "json",
    ]))
    .unwrap();
    let docs = printed.as_array().unwrap();
    assert!(!docs.is_empty());
    for doc in docs {
        assert_eq!(doc["kind"], "decision-explained");
        assert!(doc["readingAge"].as_f64().unwrap() <= doc["readingAgeTarget"].as_f64().unwrap());
    }
    // HTML: one page, for one carer.
    let page = stdout_of(&[
        "explain",
        record,
        "--contact",
        "0",
        "--carer",
        carer,
        "--format",
        "html",
    ]);
    assert!(
        page.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"),
        "{page}"
    );
    assert!(!page.contains("<script"));
    // What it cannot do is a usage error, named, with nothing personal in it.
    for (args, says) in [
        (
            vec!["explain", record, "--decision", "99"],
            "has no entry 99",
        ),
        (
            vec!["explain", record, "--contact", "99"],
            "has no discussion 99",
        ),
        (
            vec![
                "explain",
                record,
                "--consent",
                "0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b",
            ],
            "no consent with that id",
        ),
        (vec!["explain", record, "--consent", "Ruby"], "--consent"),
        (
            vec![
                "explain",
                record,
                "--decision",
                "0",
                "--carer",
                "0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b",
            ],
            "no carer with that id",
        ),
        (vec!["explain", record], "required"),
        (
            vec!["explain", record, "--decision", "0", "--contact", "0"],
            "cannot be used with",
        ),
    ] {
        let out = run(&args, None);
        assert!(out.starts_with("exit 2\n"), "{args:?}: {out}");
        assert!(out.contains(says), "{args:?}: {out}");
        assert!(!out.contains("Sophie"), "{out}");
    }
    // A safeguarding share whose carers were not told is not explained to them.
    let safeguarding = "scenarios/safeguarding_one_carer.json";
    let refused = (0..4)
        .map(|n| {
            run(
                &["explain", safeguarding, "--decision", &n.to_string()],
                None,
            )
        })
        .filter(|out| out.contains("not explained to them"))
        .count();
    assert!(refused > 0);
    // An invalid record is exit 1, as on every command.
    let out = run(&["explain", "invalid-record.json", "--decision", "0"], None);
    assert!(out.starts_with("exit 1\n"), "{out}");
}
