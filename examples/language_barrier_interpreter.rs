//! Scenario 5 of the course: A language barrier.
//!
//! Bilal, five, whose parents speak Dari: an interpreter and translated materials are
//! arranged, the barrier is reviewed and then resolved.
//!
//! The program prints each step with the dates and decisions the library worked out,
//! then the practice report. The scenario's code, with every library call, is in
//! `crates/scenarios/src/scenarios/language.rs`.
//!
//! Run with `cargo run --example language_barrier_interpreter`.

fn main() -> Result<(), partnership_scenarios::ScenarioError> {
    print!(
        "{}",
        partnership_scenarios::language_barrier_interpreter()?.narrative()
    );
    Ok(())
}
