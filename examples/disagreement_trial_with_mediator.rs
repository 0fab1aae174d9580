//! Scenario 10 of the course: Carers and professionals disagree about an approach.
//!
//! Leo, six: his parents and the school disagree about an approach; they agree to trial
//! the parents' approach for six weeks with a neutral mediator, and record the outcome.
//!
//! The program prints each step with the dates and decisions the library worked out,
//! then the practice report. The scenario's code, with every library call, is in
//! `crates/scenarios/src/scenarios/disagreement.rs`.
//!
//! Run with `cargo run --example disagreement_trial_with_mediator`.

fn main() -> Result<(), partnership_scenarios::ScenarioError> {
    print!(
        "{}",
        partnership_scenarios::disagreement_trial_with_mediator()?.narrative()
    );
    Ok(())
}
