//! Scenario 2 of the course: A pupil struggling at school.
//!
//! Maya, nine, struggling with writing: her teacher and her parents each contribute
//! strategies to one shared goal and review it together.
//!
//! The program prints each step with the dates and decisions the library worked out,
//! then the practice report. The scenario's code, with every library call, is in
//! `crates/scenarios/src/scenarios/school.rs`.
//!
//! Run with `cargo run --example pupil_struggling_at_school`.

fn main() -> Result<(), partnership_scenarios::ScenarioError> {
    print!(
        "{}",
        partnership_scenarios::pupil_struggling_at_school()?.narrative()
    );
    Ok(())
}
