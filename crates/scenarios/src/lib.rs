//! Teaching scenarios of the partnership model, and synthetic records for a whole
//! local authority.
//!
//! Each scenario is a short case a trainee can step through: a function that returns a
//! valid [`PartnershipRecord`] and the ordered [`Step`]s that built it. Every step says
//! what happened in plain English, with the decisions and dates the library computed,
//! names the library call that recorded it, and names the principle of the partnership
//! model it shows (docs/domain.md section 1). The people are fictional.
//!
//! ```
//! use partnership_scenarios::speech_delay_nursery;
//!
//! let scenario = speech_delay_nursery().unwrap();
//! assert!(!scenario.steps.is_empty());
//! // Steps are in date order, and every one names the call that recorded it.
//! assert!(scenario.steps.windows(2).all(|w| w[0].on <= w[1].on));
//! assert!(scenario.steps.iter().all(|s| !s.library_call.is_empty()));
//! // The record is valid: it reads back from its own JSON.
//! let json = scenario.record.to_json();
//! assert_eq!(partnership_record::PartnershipRecord::from_json(&json).unwrap(), scenario.record);
//! ```
//!
//! [`synthetic::authority`] makes deterministic records for tests and benchmarks.

use std::error::Error;
use std::fmt::{self, Write as _};

use chrono::NaiveDate;
use partnership_record::{PartnershipRecord, Principle};

mod kit;
mod scenarios;
pub mod synthetic;

pub use scenarios::{
    consent_declined_narrowed_withdrawn, disagreement_trial_with_mediator,
    duty_to_share_detriment_exception, foster_care_christmas_reviews, language_barrier_interpreter,
    mobility_physiotherapy, primary_to_secondary_ehc_plan, pupil_struggling_at_school,
    safeguarding_one_carer, speech_delay_nursery, visual_aids_childs_view,
};

/// One thing that happens in a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// When it happened.
    pub on: NaiveDate,
    /// What happened, in plain English, with what the library computed.
    pub what_happens: String,
    /// The library call that recorded it, for example `SharedGoal::activate`.
    pub library_call: &'static str,
    /// The principle of the partnership model it shows.
    pub principle: Principle,
}

/// A teaching scenario: the situation, the steps, and the record they built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    /// A short name, also the name of the example that prints it.
    pub slug: &'static str,
    /// The scenario's title.
    pub title: &'static str,
    /// The situation at the start, for the trainee.
    pub situation: &'static str,
    /// The day the scenario ends; the practice report is written as of this day.
    pub as_of: NaiveDate,
    /// The record the steps built. It is valid: every cross-reference resolves.
    pub record: PartnershipRecord,
    /// What happened, in date order.
    pub steps: Vec<Step>,
}

impl Scenario {
    /// The scenario as a trainee reads it: the situation, each step with its call and
    /// principle, and the practice report as of the scenario's last day.
    ///
    /// ```
    /// let scenario = partnership_scenarios::language_barrier_interpreter().unwrap();
    /// let text = scenario.narrative();
    /// assert!(text.starts_with(scenario.title));
    /// assert!(text.contains("Recorded with: Change::ChangeBarrierStatus (Resolved)"));
    /// ```
    pub fn narrative(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}", self.title);
        let _ = writeln!(out, "{}", "=".repeat(self.title.chars().count()));
        let _ = writeln!(out);
        wrap_into(&mut out, self.situation, "");
        for (number, step) in self.steps.iter().enumerate() {
            let _ = writeln!(out);
            let _ = writeln!(out, "{}. {}", number + 1, step.on.format("%A %-d %B %Y"));
            wrap_into(&mut out, &step.what_happens, "   ");
            let _ = writeln!(out, "   Recorded with: {}", step.library_call);
            let _ = writeln!(out, "   Principle: {}", step.principle.words());
        }
        let _ = writeln!(out);
        let _ = write!(out, "{}", self.record.practice_report(self.as_of).to_text());
        out
    }
}

/// The width narratives are wrapped to, for a terminal or a printed handout.
const WIDTH: usize = 88;

/// Writes `text` wrapped at word boundaries, each line indented by `indent`.
fn wrap_into(out: &mut String, text: &str, indent: &str) {
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && indent.len() + line.len() + 1 + word.len() > WIDTH {
            let _ = writeln!(out, "{indent}{line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{indent}{line}");
    }
}

/// Every scenario, in the order of the course.
///
/// # Errors
///
/// A [`ScenarioError`] naming the scenario whose record does not hold together: a bug in the scenario, never in what it teaches.
///
/// ```
/// let all = partnership_scenarios::all().unwrap();
/// assert_eq!(all.len(), 11);
/// ```
pub fn all() -> Result<Vec<Scenario>, ScenarioError> {
    [
        speech_delay_nursery,
        pupil_struggling_at_school,
        mobility_physiotherapy,
        visual_aids_childs_view,
        language_barrier_interpreter,
        consent_declined_narrowed_withdrawn,
        safeguarding_one_carer,
        primary_to_secondary_ehc_plan,
        foster_care_christmas_reviews,
        disagreement_trial_with_mediator,
        duty_to_share_detriment_exception,
    ]
    .iter()
    .map(|scenario| scenario())
    .collect()
}

/// A scenario could not be built: the library refused one of its steps. This is a bug
/// in the scenario or in the library, never in the caller's input.
#[derive(Debug)]
pub struct ScenarioError {
    /// The scenario's short name.
    pub scenario: &'static str,
    source: Box<dyn Error + Send + Sync>,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "scenario {} could not be built: {}",
            self.scenario, self.source
        )
    }
}

impl Error for ScenarioError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(self.source.as_ref())
    }
}
