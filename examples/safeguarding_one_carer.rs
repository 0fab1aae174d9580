//! Scenario 7 of the course: A safeguarding concern about one carer.
//!
//! Jamie, eight: a concern about his father. His father's involvement is restricted by a
//! recorded decision; information goes to children's social care without his consent
//! under a complete justification; his mother stays fully involved; and a withholding
//! rule protects her new address.
//!
//! The program prints each step with the dates and decisions the library worked out,
//! then the practice report. The scenario's code, with every library call, is in
//! `crates/scenarios/src/scenarios/safeguarding.rs`.
//!
//! Run with `cargo run --example safeguarding_one_carer`.

fn main() -> Result<(), partnership_scenarios::ScenarioError> {
    print!(
        "{}",
        partnership_scenarios::safeguarding_one_carer()?.narrative()
    );
    Ok(())
}
