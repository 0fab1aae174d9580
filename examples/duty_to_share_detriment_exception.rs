//! Scenario 11 of the course: The duty to share, and the one time not to.
//!
//! Aisha, fourteen: at risk of exploitation. The school shares with children's social
//! care under the 2026 duty to share, accepted as a basis only from the commencement
//! day the service has set; and the designated safeguarding lead decides not to pass
//! on the counsellor's notes of what Aisha said, because doing so would be more
//! detrimental to her. That decision is recorded like a permit.
//!
//! The program prints each step with the dates and decisions the library worked out,
//! then the practice report. The scenario's code, with every library call, is in
//! `crates/scenarios/src/scenarios/duty_to_share.rs`.
//!
//! Run with `cargo run --example duty_to_share_detriment_exception`.

fn main() -> Result<(), partnership_scenarios::ScenarioError> {
    print!(
        "{}",
        partnership_scenarios::duty_to_share_detriment_exception()?.narrative()
    );
    Ok(())
}
