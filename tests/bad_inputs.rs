//! The bad-input corpus (`tests/bad_inputs/KIND/*.json`): every document is refused,
//! with a JSON Pointer or a position and the rule broken, without a panic and without
//! repeating any personal text from the input. The errors are snapshotted, one
//! snapshot per kind of document; the `partnership` command's are in its own tests.
//!
//! The corpus is written by `tests/bad_inputs/generate.py` from the scenario fixtures.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use partnership::core::json::InputLimits;
use partnership::record::{Document, Rule};
use serde_json::Value;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs")
}

/// Every file in the corpus, by kind of document, in name order.
fn files() -> Vec<(Document, Vec<PathBuf>)> {
    let mut kinds: Vec<(Document, Vec<PathBuf>)> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|dir| {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            let kind: Document = name
                .parse()
                .unwrap_or_else(|_| panic!("{name} is not a kind of document"));
            let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            files.sort();
            (kind, files)
        })
        .collect();
    kinds.sort();
    kinds
}

/// Free text a person wrote or a name: what must never come back in an error.
fn personal_text(value: &Value, out: &mut Vec<String>) {
    const PERSONAL: [&str; 9] = [
        "name",
        "summary",
        "description",
        "reason",
        "view",
        "note",
        "feedback",
        "observance",
        "value",
    ];
    match value {
        Value::Object(map) => {
            // An agency's name ("Children's Social Care") is not about a person.
            let agency = map.contains_key("kind") && !map.contains_key("role");
            for (key, v) in map {
                // A key is ours (camelCase) or someone's text: a partner's system can put
                // a sentence in a key as easily as in a value.
                if key.contains(' ') {
                    out.push(key.clone());
                }
                let personal = PERSONAL.contains(&key.as_str()) && !(agency && key == "name");
                match v {
                    Value::String(s)
                        if (personal || key == "id") && s.contains(' ')
                            || personal && s.len() >= 4 =>
                    {
                        out.push(s.clone());
                        // And each capitalised word in it, the way names are written.
                        out.extend(
                            s.split_whitespace()
                                .filter(|w| w.len() >= 4 && w.starts_with(char::is_uppercase))
                                .map(str::to_owned),
                        );
                    }
                    _ => personal_text(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| personal_text(v, out)),
        _ => {}
    }
}

#[test]
fn the_corpus_covers_every_kind_of_document_with_at_least_sixty_files() {
    let kinds = files();
    let total: usize = kinds.iter().map(|(_, f)| f.len()).sum();
    assert!(total >= 60, "{total} files");
    for kind in Document::ALL {
        assert!(
            kinds.iter().any(|(k, f)| *k == kind && !f.is_empty()),
            "no bad {kind}"
        );
    }
}

#[test]
fn every_bad_input_is_refused_with_where_and_why_and_nothing_personal() {
    let limits = InputLimits::default();
    for (kind, files) in files() {
        let mut report = String::new();
        for path in files {
            let bytes = std::fs::read(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let problems = kind
                .check(&bytes, &limits)
                .err()
                .unwrap_or_else(|| panic!("{kind}/{name} was accepted"));
            assert!(!problems.is_empty(), "{kind}/{name}");
            let mut personal = Vec::new();
            // Read as text without its invalid bytes, so personal text around them
            // is still looked for.
            for line in String::from_utf8_lossy(&bytes).lines() {
                if let Ok(value) = serde_json::from_str::<Value>(line) {
                    personal_text(&value, &mut personal);
                }
            }
            if let Ok(value) = serde_json::from_slice::<Value>(&bytes) {
                personal_text(&value, &mut personal);
            }
            report.push_str(&format!("{name}\n"));
            for problem in &problems {
                let text = problem.to_string();
                for secret in &personal {
                    assert!(
                        !text.contains(secret.as_str()),
                        "{kind}/{name} echoes {secret:?}: {text} ({} personal strings)",
                        personal.len()
                    );
                }
                // Where: a pointer, or a line and column; why: a rule.
                let located = !problem.pointer.is_empty() || problem.line.is_some();
                let whole = matches!(
                    problem.rule,
                    Rule::LedgerTampered | Rule::InvalidValue | Rule::SchemaVersion
                );
                assert!(
                    located || whole,
                    "{kind}/{name}: {text} says neither where nor what"
                );
                report.push_str(&format!("  {text}\n"));
            }
        }
        insta::assert_snapshot!(format!("bad_{}", kind.name()), report);
    }
}

/// Inputs too big to commit, made here: a 10 MB string, deep nesting, huge arrays.
/// Each is refused by the limits before it is parsed, so the cost is one pass.
#[test]
fn hostile_sizes_are_refused_by_the_limits() {
    let limits = InputLimits::default();
    let record =
        std::fs::read_to_string(corpus().join("../fixtures/scenarios/speech_delay_nursery.json"))
            .unwrap();
    let long_name = record.replacen(
        "\"Oliver Bennett\"",
        &format!("\"{}\"", "Oliver ".repeat(1_500_000)),
        1,
    );
    let deep = format!(
        "{{\"schemaVersion\": {}{}}}",
        "[".repeat(1_000_000),
        "]".repeat(1_000_000)
    );
    let empty_name = record.replacen("\"Oliver Bennett\"", "\"\"", 1);
    let cases: [(&str, &str, Rule); 3] = [
        ("10 MB name", &long_name, Rule::InputLimit),
        ("a million levels deep", &deep, Rule::InputLimit),
        ("empty name", &empty_name, Rule::InvalidValue),
    ];
    let mut report = String::new();
    for (what, input, rule) in cases {
        let problems = Document::Record
            .check(input.as_bytes(), &limits)
            .unwrap_err();
        assert_eq!(problems[0].rule, rule, "{what}");
        assert!(!problems[0].to_string().contains("Oliver"), "{what}");
        report.push_str(&format!("{what}: {}\n", problems[0]));
    }
    // Limits are the caller's to set: a service that trusts its input can raise them.
    let generous = InputLimits {
        max_string_bytes: 16 * 1024 * 1024,
        ..limits
    };
    let problems = Document::Record
        .check(long_name.as_bytes(), &generous)
        .unwrap_err();
    assert_eq!(
        problems[0].rule,
        Rule::InvalidValue,
        "a 10 MB name is still not a name"
    );
    report.push_str(&format!(
        "10 MB name, string limit raised: {}\n",
        problems[0]
    ));
    insta::assert_snapshot!(report);
}
