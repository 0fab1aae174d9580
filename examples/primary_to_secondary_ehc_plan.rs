//! Scenario 8 of the course: Moving from primary to secondary school with an EHC plan.
//!
//! Aisha, ten, with an EHC plan: the phase-transfer deadline, the review schedule
//! brought forward to meet it, and preparing for adulthood from Year 9.
//!
//! The program prints each step with the dates and decisions the library worked out,
//! then the practice report. The scenario's code, with every library call, is in
//! `crates/scenarios/src/scenarios/ehc_transfer.rs`.
//!
//! Run with `cargo run --example primary_to_secondary_ehc_plan`.

fn main() -> Result<(), partnership_scenarios::ScenarioError> {
    print!(
        "{}",
        partnership_scenarios::primary_to_secondary_ehc_plan()?.narrative()
    );
    Ok(())
}
