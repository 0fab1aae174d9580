//! The `partnership` command's fixture set, generated from the teaching scenarios.
//!
//! `tests/fixtures/scenarios/NAME.json` is each scenario's record exactly as
//! `to_json` writes it. When a scenario changes on purpose, regenerate the files with
//! `UPDATE_FIXTURES=1 cargo test --test scenario_fixtures` and review the diff.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

#[test]
fn scenario_fixtures_match_the_scenarios() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios");
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    if update {
        std::fs::create_dir_all(&dir).unwrap();
    }
    let scenarios = partnership_scenarios::all().unwrap();
    let mut stale = Vec::new();
    for scenario in &scenarios {
        let path = dir.join(format!("{}.json", scenario.slug));
        let json = format!("{}\n", scenario.record.to_json());
        if update {
            std::fs::write(&path, &json).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(json.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "fixtures differ from the scenarios; regenerate with UPDATE_FIXTURES=1: {stale:#?}"
    );
    // No fixture is left over from a scenario that was renamed or removed.
    let files = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(files, scenarios.len());
}

/// A signed ledger for partners' verifiers: the consent scenario's record with a
/// checkpoint signed by a test key whose secret is public (32 bytes of 7) and so
/// protects nothing: `tests/fixtures/signed/`. Regenerated like the scenario
/// fixtures.
#[test]
fn signed_fixture_matches_the_scenario() {
    use partnership::consent::LedgerSigningKey;
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/signed");
    let mut record = partnership_scenarios::consent_declined_narrowed_withdrawn()
        .unwrap()
        .record;
    let key = LedgerSigningKey::from_bytes([7; 32]);
    record.sign_ledger(&key);
    record.verify_with_key(&key.verifying_key()).unwrap();
    let files = [
        ("record.json", format!("{}\n", record.to_json())),
        ("test-key.pub", format!("{}\n", key.verifying_key())),
    ];
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in &files {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
    for (name, text) in &files {
        assert_eq!(
            std::fs::read_to_string(dir.join(name)).ok().as_deref(),
            Some(text.as_str()),
            "{name} differs; regenerate with UPDATE_FIXTURES=1"
        );
    }
}
