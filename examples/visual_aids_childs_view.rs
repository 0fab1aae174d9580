//! Scenario 4 of the course: Communication through visual aids.
//!
//! Ellie, eleven, non-speaking: she takes part in setting her own goal with visual
//! materials and her AAC device, and her view is recorded on the goal and in her
//! profile.
//!
//! The program prints each step with the dates and decisions the library worked out,
//! then the practice report. The scenario's code, with every library call, is in
//! `crates/scenarios/src/scenarios/visual_aids.rs`.
//!
//! Run with `cargo run --example visual_aids_childs_view`.

fn main() -> Result<(), partnership_scenarios::ScenarioError> {
    print!(
        "{}",
        partnership_scenarios::visual_aids_childs_view()?.narrative()
    );
    Ok(())
}
