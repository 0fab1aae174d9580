//! The dependency rule of ARCHITECTURE.md, checked against `cargo metadata`:
//!
//! ```text
//! core  <-  carers, goals, consent, barriers, reviews  <-  record  <-  scenarios, explain  <-  cli, facade
//! ```
//!
//! A workspace crate may depend only on crates in a lower layer; the five domain
//! crates never depend on each other. A new crate must be given a layer here first.
//!
//! The scenarios sit below the command and the facade, not beside them: training
//! software gets them from `partnership scenarios` and from the facade, so both
//! depend on the scenarios crate, which depends on the record alone.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;
use std::process::Command;

fn layer(name: &str) -> Option<u8> {
    match name {
        "partnership-core" => Some(0),
        "partnership-carers"
        | "partnership-goals"
        | "partnership-consent"
        | "partnership-barriers"
        | "partnership-reviews" => Some(1),
        "partnership-record" => Some(2),
        "partnership-scenarios" | "partnership-explain" => Some(3),
        "partnership-cli" | "partnership" => Some(4),
        _ => None,
    }
}

#[test]
fn workspace_dependencies_point_one_way() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON");
    let packages = metadata["packages"].as_array().expect("packages");
    let members: BTreeMap<&str, &serde_json::Value> = packages
        .iter()
        .filter_map(|p| p["name"].as_str().map(|n| (n, p)))
        .collect();
    assert!(
        members.contains_key("partnership-core"),
        "the workspace was read"
    );

    let mut violations = Vec::new();
    for (name, package) in &members {
        let Some(own) = layer(name) else {
            violations.push(format!("{name} has no layer in the dependency rule"));
            continue;
        };
        for dep in package["dependencies"].as_array().into_iter().flatten() {
            let dep_name = dep["name"].as_str().unwrap_or_default();
            if !members.contains_key(dep_name) {
                continue;
            }
            // Dev-dependencies may reach sideways for test helpers only within a
            // layer's own crate, never upwards; normal dependencies strictly down.
            let kind = dep["kind"].as_str().unwrap_or("normal");
            let theirs = layer(dep_name).unwrap_or(u8::MAX);
            let allowed = if dep_name == *name {
                true
            } else if kind == "dev" {
                theirs < own || (theirs == own && own == 3)
            } else {
                theirs < own
            };
            if !allowed {
                violations.push(format!("{name} ({kind}) depends on {dep_name}"));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "dependency rule broken: {violations:#?}"
    );
}

#[test]
fn the_rule_itself_rejects_sideways_and_upward_edges() {
    // Guard against a layer table that would let anything through.
    assert!(layer("partnership-carers") == layer("partnership-consent"));
    assert!(layer("partnership-core") < layer("partnership-carers"));
    assert!(layer("partnership-carers") < layer("partnership-record"));
    assert!(layer("partnership-record") < layer("partnership-cli"));
    assert!(layer("partnership-scenarios") < layer("partnership-cli"));
    assert!(layer("partnership-cli") == layer("partnership"));
    assert_eq!(layer("some-new-crate"), None);
}
