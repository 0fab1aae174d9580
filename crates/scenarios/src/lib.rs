//! Teaching scenarios of the partnership model, and synthetic records for a whole
//! local authority.
//!
//! Each scenario is a short case a trainee can step through: a function that returns a
//! valid [`PartnershipRecord`] and the ordered [`Step`]s that built it. Every step is
//! data: its date, the principle of the partnership model it shows (docs/domain.md
//! section 1), the people in it by name and role, the JSON Pointers of the parts of the
//! record it changed, and any sharing decision with its reasons. Its narrative says
//! what happened in plain English, with the decisions and dates the library computed,
//! for practitioners; for developers it also names the library calls. A scenario
//! serialises to JSON with a published schema ([`Scenario`]). The people are fictional.
//!
//! ```
//! # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
//! use partnership::scenarios::speech_delay_nursery;
//!
//! let scenario = speech_delay_nursery().unwrap();
//! assert!(!scenario.steps.is_empty());
//! // Steps are in date order, and every one names the call that recorded it.
//! assert!(scenario.steps.windows(2).all(|w| w[0].on <= w[1].on));
//! assert!(scenario.steps.iter().all(|s| !s.library_calls.is_empty()));
//! // The record is valid: it reads back from its own JSON.
//! let json = scenario.record.to_json();
//! assert_eq!(partnership::record::PartnershipRecord::from_json(&json).unwrap(), scenario.record);
//! ```
//!
//! [`synthetic::authority`] makes deterministic records for tests and benchmarks.

use std::error::Error;
use std::fmt::{self, Write as _};

use chrono::NaiveDate;
use partnership_consent::{DataCategory, Purpose};
use partnership_record::{Finding, PartnershipRecord, PracticeReport, Principle, ShareAnswer};
use schemars::JsonSchema;
use serde::Serialize;

mod html;
mod kit;
mod scenarios;
pub mod synthetic;

pub use html::index_html;
pub use scenarios::{
    consent_declined_narrowed_withdrawn, disagreement_trial_with_mediator,
    duty_to_share_detriment_exception, foster_care_christmas_reviews, language_barrier_interpreter,
    mobility_physiotherapy, primary_to_secondary_ehc_plan, pupil_struggling_at_school,
    safeguarding_one_carer, speech_delay_nursery, visual_aids_childs_view,
};

/// Someone in a step, as the record names them: by name and role, never by id.
///
/// The people in the scenarios are fictional, so their names are shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[schemars(title = "Party", deny_unknown_fields)]
pub enum Party {
    /// The child or young person.
    #[schemars(title = "Child")]
    Child {
        /// Their name.
        name: String,
    },
    /// A carer.
    #[schemars(title = "Carer")]
    Carer {
        /// Their name.
        name: String,
        /// How they are related to the child, in words ("birth parent").
        relationship: String,
    },
    /// A professional in the team around the child.
    #[schemars(title = "Professional")]
    Professional {
        /// Their name.
        name: String,
        /// Their role, in words ("designated safeguarding lead").
        role: String,
        /// The agency or setting they work for.
        agency: String,
    },
    /// An agency as a whole, as the recipient of information sent to its inbox.
    #[schemars(title = "Agency")]
    Agency {
        /// Its name.
        name: String,
        /// What kind of agency it is, in words.
        #[serde(rename = "agencyKind")]
        agency_kind: String,
    },
}

impl fmt::Display for Party {
    /// "Funmi Adeyemi (designated safeguarding lead, Hillside Primary School)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Child { name } => write!(f, "{name} (the child)"),
            Self::Carer { name, relationship } => write!(f, "{name} ({relationship})"),
            Self::Professional { name, role, agency } => write!(f, "{name} ({role}, {agency})"),
            Self::Agency { name, agency_kind } => write!(f, "{name} ({agency_kind})"),
        }
    }
}

/// A sharing question asked in a step, and what the record answered: as data, for
/// training software to check a learner's answer against, and in words without ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct StepDecision {
    /// The professional who asked.
    pub asked_by: Party,
    /// Who the information would go to.
    pub recipient: Party,
    /// What for.
    pub purpose: Purpose,
    /// What information.
    pub data_categories: Vec<DataCategory>,
    /// The answer: recorded in the ledger (a decision) or not (a what-if, when
    /// nothing was shared or recorded), with the decision and every reason.
    pub answer: ShareAnswer,
    /// The answer in words, without the ids of the consents and rules it rests on.
    pub in_words: String,
}

/// One thing that happens in a scenario, as data: when, the principle it shows, who
/// took part, which parts of the record it created or changed, any sharing decision,
/// and the narrative in two voices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct Step {
    /// When it happened.
    pub on: NaiveDate,
    /// When what it tells of was over, where it ran on past `on` (weekly calls over
    /// the weeks after, a decision recorded the next day): the last day anything in
    /// `changed` was recorded. Absent when all of it was recorded on `on`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    /// The principle of the partnership model it shows.
    pub principle: Principle,
    /// The principle in words.
    pub principle_in_words: &'static str,
    /// Who took part, by name and role, in the order they came into the step.
    pub parties: Vec<Party>,
    /// The JSON Pointers, into the scenario's record, of the parts this step created
    /// or changed: `/carers/1`, `/goals/0`, `/disclosures/2`.
    #[schemars(extend("items" = {"type": "string", "pattern": "^(/([^~/]|~[01])*)+$"}))]
    pub changed: Vec<String>,
    /// The sharing questions asked in this step and what the record answered.
    pub decisions: Vec<StepDecision>,
    /// What happened, for practitioners: plain English with the dates and decisions
    /// the library worked out, and no API names.
    #[schemars(extend("pattern" = "^([^:]|:[^:])*:?$"))]
    pub for_practitioners: String,
    /// The library calls that recorded it, in the Rust API's names, for developers.
    pub library_calls: Vec<&'static str>,
}

impl Step {
    /// The step for developers: what happened, then the calls that recorded it and
    /// the parts of the record they changed.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
    /// let scenario = partnership::scenarios::safeguarding_one_carer().unwrap();
    /// let first = &scenario.steps[0];
    /// assert!(!first.for_practitioners.contains("Change::"));
    /// assert!(first.for_developers().contains("Recorded with: Change::UpdateCarer"));
    /// assert!(first.for_developers().contains("/carers/1"));
    /// ```
    pub fn for_developers(&self) -> String {
        let mut out = self.for_practitioners.clone();
        let _ = write!(out, "\nRecorded with: {}", self.library_calls.join(", "));
        if !self.changed.is_empty() {
            let _ = write!(out, "\nChanged: {}", self.changed.join(", "));
        }
        out
    }
}

/// An exercise at the end of a scenario: the record as it stands some days on, with
/// something to act on. Training software asks "what needs attention here?" and
/// checks the learner's answer against [`findings`](Self::findings), which the
/// practice report worked out; each question's answer is the record's own decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct Exercise {
    /// The day of the exercise: the scenario's last day, or later with nothing more
    /// recorded.
    pub as_of: NaiveDate,
    /// Where things stand on that day, for the learner.
    pub setting: &'static str,
    /// What the learner is asked.
    pub prompt: &'static str,
    /// What a learner should spot: the practice report's findings on the day, each
    /// with its code, principle, what it is about and what to do.
    pub findings: Vec<Finding>,
    /// Questions about sharing, each answered by the record as it stands that day.
    pub questions: Vec<ExerciseQuestion>,
}

/// A question in an exercise, with the answer the record gave when the scenario was
/// built.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct ExerciseQuestion {
    /// The question as a trainer asks it.
    pub ask: &'static str,
    /// The answer in a word: "Yes" when sharing would be permitted, "No" otherwise.
    pub answer: &'static str,
    /// Why: the record's what-if answer, as data and in words. Nothing is shared or
    /// recorded by asking.
    pub decision: StepDecision,
}

/// Who a narrative is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Voice {
    /// Practitioners and trainees: plain English, no API names.
    #[default]
    Practitioners,
    /// Developers: each step also names the library calls that recorded it and the
    /// parts of the record they changed.
    Developers,
}

/// A teaching scenario: the situation, the steps, the record they built and the
/// practice report on its last day.
///
/// It serialises to the JSON the `partnership scenarios --format json` command
/// prints, described by the published `Scenario` schema.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
/// let scenario = partnership::scenarios::safeguarding_one_carer().unwrap();
/// let json = serde_json::to_value(&scenario).unwrap();
/// assert_eq!(json["slug"], "safeguarding_one_carer");
/// assert_eq!(json["steps"][0]["parties"][0]["kind"], "carer");
/// // Decisions are data: a refusal with its reasons.
/// assert_eq!(json["steps"][3]["decisions"][0]["answer"]["decision"]["kind"], "refuse");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct Scenario {
    /// A short name, also the name of the example that prints it.
    pub slug: &'static str,
    /// The scenario's title.
    pub title: &'static str,
    /// The situation at the start, for the trainee.
    pub situation: &'static str,
    /// The day the scenario ends; the practice report is written as of this day.
    pub as_of: NaiveDate,
    /// What happened, in date order.
    pub steps: Vec<Step>,
    /// The record the steps built. It is valid: every cross-reference resolves.
    pub record: PartnershipRecord,
    /// The practice report on the record as of the scenario's last day.
    pub report: PracticeReport,
    /// Something to act on, for a learner: present on the scenarios that end with
    /// findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exercise: Option<Exercise>,
}

impl Scenario {
    /// The scenario as a developer reads it: the situation, each step with its calls,
    /// the parts it changed and its principle, and the practice report as of the
    /// scenario's last day.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
    /// let scenario = partnership::scenarios::language_barrier_interpreter().unwrap();
    /// let text = scenario.narrative();
    /// assert!(text.starts_with(scenario.title));
    /// assert!(text.contains("Recorded with: Change::ChangeBarrierStatus (Resolved)"));
    /// ```
    pub fn narrative(&self) -> String {
        self.narrative_for(Voice::Developers)
    }

    /// The scenario in the voice asked for: for practitioners, each step in plain
    /// English with its principle; for developers, with the calls as well.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
    /// use partnership::scenarios::Voice;
    ///
    /// let scenario = partnership::scenarios::language_barrier_interpreter().unwrap();
    /// let text = scenario.narrative_for(Voice::Practitioners);
    /// assert!(!text.contains("Recorded with"));
    /// assert!(!text.contains("::"));
    /// ```
    pub fn narrative_for(&self, voice: Voice) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}", self.title);
        let _ = writeln!(out, "{}", "=".repeat(self.title.chars().count()));
        let _ = writeln!(out);
        wrap_into(&mut out, self.situation, "");
        for (number, step) in self.steps.iter().enumerate() {
            let _ = writeln!(out);
            let _ = writeln!(out, "{}. {}", number + 1, step.on.format("%A %-d %B %Y"));
            wrap_into(&mut out, &step.for_practitioners, "   ");
            if voice == Voice::Developers {
                let _ = writeln!(out, "   Recorded with: {}", step.library_calls.join(", "));
                if !step.changed.is_empty() {
                    let changed = format!("Changed: {}", step.changed.join(", "));
                    wrap_into(&mut out, &changed, "   ");
                }
            }
            let _ = writeln!(out, "   Principle: {}", step.principle.words());
        }
        // With an exercise, the report's findings are what the learner is asked to
        // spot: they come once, after the questions.
        if !self.report_gives_away_the_exercise() {
            let _ = writeln!(out);
            let report = self.report.to_text();
            match voice {
                Voice::Developers => out.push_str(&report),
                Voice::Practitioners => {
                    for line in report.lines() {
                        match line.strip_prefix("  About: ") {
                            Some(pointers) => {
                                let parts: Vec<String> =
                                    pointers.split(", ").map(part_in_words).collect();
                                let _ = writeln!(out, "  About: {}", parts.join(", "));
                            }
                            None => {
                                let _ = writeln!(out, "{line}");
                            }
                        }
                    }
                }
            }
        }
        if let Some(exercise) = &self.exercise {
            let _ = writeln!(out);
            let _ = writeln!(out, "Exercise, {}", exercise.as_of.format("%A %-d %B %Y"));
            let _ = writeln!(out);
            wrap_into(&mut out, exercise.setting, "");
            wrap_into(&mut out, exercise.prompt, "");
            for (n, question) in exercise.questions.iter().enumerate() {
                let _ = writeln!(out);
                wrap_hanging(&mut out, question.ask, &format!("{}. ", n + 1), "   ");
                let answer = format!(
                    "Answer: {}. {}.",
                    question.answer,
                    capitalised(&question.decision.in_words)
                );
                wrap_into(&mut out, &answer, "   ");
            }
            let _ = writeln!(out);
            let _ = writeln!(out, "What a learner should spot:");
            for finding in &exercise.findings {
                wrap_hanging(&mut out, &finding.explanation, "- ", "  ");
            }
        }
        out
    }
}

impl Scenario {
    /// Whether the practice report on the scenario's last day finds anything while
    /// the scenario ends with an exercise: then its findings are (or hint at) what
    /// the learner is asked to spot, and they are shown only with the answers. A
    /// report that finds nothing gives nothing away.
    pub(crate) fn report_gives_away_the_exercise(&self) -> bool {
        self.exercise.is_some() && !self.report.findings.is_empty()
    }
}

/// A part of the record, named by its JSON Pointer, in words a practitioner reads,
/// counting from one as people do: `/goals/0` is "goal 1", `/carers/2/support/0` is
/// "carer 3, support 1", `/child` is "the child's profile".
fn part_in_words(pointer: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut segments = pointer.split('/').skip(1).peekable();
    while let Some(segment) = segments.next() {
        let name = match segment {
            "child" => "the child's profile".to_owned(),
            "contactLog" => "contact".to_owned(),
            "complaintsAndAppeals" => "complaint or appeal".to_owned(),
            "childsView" => "the child's view".to_owned(),
            other => {
                let mut spaced = String::new();
                for c in other.chars() {
                    if c.is_ascii_uppercase() {
                        spaced.push(' ');
                    }
                    spaced.push(c.to_ascii_lowercase());
                }
                spaced
            }
        };
        match segments.peek().and_then(|next| next.parse::<usize>().ok()) {
            Some(index) => {
                segments.next();
                let one = if let Some(stem) = name.strip_suffix("ies") {
                    format!("{stem}y")
                } else {
                    name.strip_suffix('s').unwrap_or(&name).to_owned()
                };
                words.push(format!("{one} {}", index.saturating_add(1)));
            }
            None => words.push(name),
        }
    }
    if words.is_empty() {
        "the record".to_owned()
    } else {
        words.join(", ")
    }
}

/// The published JSON Schema of a [`Scenario`], as `partnership schema scenario`
/// prints it.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
/// let doc = partnership::scenarios::schema();
/// assert_eq!(doc.file_name(), "scenario.schema.json");
/// assert_eq!(doc.schema["properties"]["steps"]["type"], "array");
/// ```
pub fn schema() -> partnership_record::schema::SchemaDocument {
    partnership_record::schema::output::<Scenario>(
        "Scenario",
        "Printed by partnership scenarios --format json (an array of these) and partnership scenarios NAME --format json (one). The people are fictional. The record holds every part a step's changed pointers name.",
    )
}

/// The text with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The width narratives are wrapped to, for a terminal or a printed handout.
const WIDTH: usize = 88;

/// Writes `text` wrapped at word boundaries, each line indented by `indent`.
fn wrap_into(out: &mut String, text: &str, indent: &str) {
    wrap_hanging(out, text, indent, indent);
}

/// Writes `text` wrapped at word boundaries, the first line after `first` and the
/// rest indented by `rest`: a numbered or bulleted paragraph.
fn wrap_hanging(out: &mut String, text: &str, first: &str, rest: &str) {
    let mut line = String::new();
    let mut indent = first;
    for word in text.split_whitespace() {
        if !line.is_empty() && indent.len() + line.len() + 1 + word.len() > WIDTH {
            let _ = writeln!(out, "{indent}{line}");
            line.clear();
            indent = rest;
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
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
/// let all = partnership::scenarios::all().unwrap();
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

#[cfg(test)]
mod tests {
    use super::part_in_words;

    #[test]
    fn parts_are_named_in_words_counting_from_one() {
        assert_eq!(part_in_words("/goals/0"), "goal 1");
        assert_eq!(part_in_words("/carers/2"), "carer 3");
        assert_eq!(
            part_in_words("/communicationAgreements/0"),
            "communication agreement 1"
        );
        assert_eq!(part_in_words("/contactLog/4"), "contact 5");
        assert_eq!(
            part_in_words("/complaintsAndAppeals/1"),
            "complaint or appeal 2"
        );
        assert_eq!(part_in_words("/child"), "the child's profile");
        assert_eq!(
            part_in_words("/barriers/0/mitigations/1"),
            "barrier 1, mitigation 2"
        );
        assert_eq!(part_in_words("/disclosures/3"), "disclosure 4");
        assert_eq!(
            part_in_words("/goals/0/childsView"),
            "goal 1, the child's view"
        );
        assert_eq!(part_in_words(""), "the record");
    }
}
