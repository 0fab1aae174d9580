//! Scenario 6 of the course: Consent declined, then given with a narrower scope, then withdrawn.
//!
//! Ruby, twelve: her mother declines consent, then gives it with a narrower scope, then
//! withdraws it; each sharing request is decided, and every decision is recorded with
//! its reasons.
//!
//! The program prints each step with the dates and decisions the library worked out,
//! then the practice report. The scenario's code, with every library call, is in
//! `crates/scenarios/src/scenarios/consent_changes.rs`.
//!
//! Run with `cargo run --example consent_declined_narrowed_withdrawn`.

fn main() -> Result<(), partnership_scenarios::ScenarioError> {
    print!(
        "{}",
        partnership_scenarios::consent_declined_narrowed_withdrawn()?.narrative()
    );
    Ok(())
}
