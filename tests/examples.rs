//! Every example's output, snapshot-tested, so the teaching material cannot silently
//! drift: a change to a date the library computes, a decision or a report finding
//! shows up here as a diff for a person to review.
//!
//! `cargo test` builds the examples before it runs the tests; this test runs those
//! binaries, as a reader would with `cargo run --example NAME`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;
use std::process::Command;

const EXAMPLES: [&str; 12] = [
    "quickstart",
    "speech_delay_nursery",
    "pupil_struggling_at_school",
    "mobility_physiotherapy",
    "visual_aids_childs_view",
    "language_barrier_interpreter",
    "consent_declined_narrowed_withdrawn",
    "safeguarding_one_carer",
    "primary_to_secondary_ehc_plan",
    "foster_care_christmas_reviews",
    "disagreement_trial_with_mediator",
    "duty_to_share_detriment_exception",
];

/// Where cargo put the example binaries: beside this test's own `deps` directory.
fn example_binary(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test knows where it is");
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("tests run from target/<profile>/deps");
    profile_dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

#[test]
fn every_example_in_the_directory_is_listed_here() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.unwrap().path();
            (path.extension()? == "rs")
                .then(|| path.file_stem().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    found.sort();
    let mut listed: Vec<String> = EXAMPLES.iter().map(ToString::to_string).collect();
    listed.sort();
    assert_eq!(found, listed);
}

#[test]
fn every_example_runs_and_prints_what_it_printed_before() {
    for name in EXAMPLES {
        let binary = example_binary(name);
        assert!(
            binary.exists(),
            "{} is not built; run the whole suite with `cargo test`, which builds the examples first",
            binary.display()
        );
        let output = Command::new(&binary).output().unwrap();
        assert!(
            output.status.success(),
            "example {name} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let stdout = String::from_utf8(output.stdout).unwrap();
        insta::assert_snapshot!(name, stdout);
    }
}
