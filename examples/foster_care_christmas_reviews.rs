//! Scenario 9 of the course: A looked-after child over Christmas.
//!
//! Kai, ten, looked after from 18 December: foster carers act under delegated
//! authority while his birth parents keep parental responsibility, and his review
//! deadlines are counted in working days across Christmas and New Year.
//!
//! The program prints each step with the dates and decisions the library worked out,
//! then the practice report. The scenario's code, with every library call, is in
//! `crates/scenarios/src/scenarios/foster_care.rs`.
//!
//! Run with `cargo run --example foster_care_christmas_reviews`.

fn main() -> Result<(), partnership_scenarios::ScenarioError> {
    print!(
        "{}",
        partnership_scenarios::foster_care_christmas_reviews()?.narrative()
    );
    Ok(())
}
