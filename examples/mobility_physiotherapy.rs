//! Scenario 3 of the course: A disabled child's mobility.
//!
//! Sam, seven, with cerebral palsy: physiotherapy goals with a daily home routine,
//! his carers trained on his equipment, and respite offered to them.
//!
//! The program prints each step with the dates and decisions the library worked out,
//! then the practice report. The scenario's code, with every library call, is in
//! `crates/scenarios/src/scenarios/mobility.rs`.
//!
//! Run with `cargo run --example mobility_physiotherapy`.

fn main() -> Result<(), partnership_scenarios::ScenarioError> {
    print!(
        "{}",
        partnership_scenarios::mobility_physiotherapy()?.narrative()
    );
    Ok(())
}
