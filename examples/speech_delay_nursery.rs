//! Scenario 1 of the course: A child in nursery with delayed speech.
//!
//! Oliver, three, at nursery with delayed speech: his key worker and parents share what
//! they see, agree activities at home and at nursery, review monthly, and his progress
//! is steady.
//!
//! The program prints each step with the dates and decisions the library worked out,
//! then the practice report. The scenario's code, with every library call, is in
//! `crates/scenarios/src/scenarios/speech.rs`.
//!
//! Run with `cargo run --example speech_delay_nursery`.

fn main() -> Result<(), partnership_scenarios::ScenarioError> {
    print!(
        "{}",
        partnership_scenarios::speech_delay_nursery()?.narrative()
    );
    Ok(())
}
