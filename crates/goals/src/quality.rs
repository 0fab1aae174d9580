//! What a goal shows a practitioner: which way its progress is going, and the SMART
//! criteria it does not yet meet.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{GasLevel, SharedGoal};

/// Which way recent progress is going.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Trend {
    /// The latest level is above the earliest in the window.
    Improving,
    /// The latest level is below the earliest in the window.
    Worsening,
    /// The same level.
    NoChange,
}

impl fmt::Display for Trend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Improving => "improving",
            Self::Worsening => "worsening",
            Self::NoChange => "no change",
        })
    }
}

/// Something a goal does not yet show, by the SMART criteria.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SmartFinding {
    /// Specific: the description is too short to say exactly what will change.
    NotSpecific,
    /// Measurable: no measure of success is recorded.
    NotMeasurable,
    /// Achievable: nobody has a responsibility for it yet.
    NotAchievable,
    /// Relevant: neither the child's view nor any carer's agreement is recorded, so
    /// nothing shows it matters to the child and family.
    NotRelevant,
    /// Time-bound: no target date.
    NotTimeBound,
}

impl fmt::Display for SmartFinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NotSpecific => {
                "specific: say exactly what the child will do, where and with whom"
            }
            Self::NotMeasurable => "measurable: record how everyone will know it has been achieved",
            Self::NotAchievable => "achievable: agree who does what, at home and in the setting",
            Self::NotRelevant => "relevant: record the child's view and the carers' agreement",
            Self::NotTimeBound => "time-bound: agree a target date",
        })
    }
}

/// A description shorter than this many words is unlikely to be specific.
const SPECIFIC_MIN_WORDS: usize = 6;

impl SharedGoal {
    /// Which way the last `window` progress entries go (at least two needed).
    pub fn trend(&self, window: usize) -> Option<Trend> {
        let start = self.progress().len().saturating_sub(window.max(2));
        let recent = self.progress().get(start..)?;
        let (first, last) = (recent.first()?, recent.last()?);
        if recent.len() < 2 {
            return None;
        }
        Some(match last.level.cmp(&first.level) {
            std::cmp::Ordering::Greater => Trend::Improving,
            std::cmp::Ordering::Less => Trend::Worsening,
            std::cmp::Ordering::Equal => Trend::NoChange,
        })
    }

    /// The most recent goal attainment level recorded, if any.
    pub fn latest_level(&self) -> Option<GasLevel> {
        self.progress().last().map(|p| p.level)
    }

    /// The SMART criteria the goal does not yet meet: a list for a practitioner to
    /// work through, not an error.
    pub fn smart_findings(&self) -> Vec<SmartFinding> {
        let mut findings = Vec::new();
        if self.description().expose().split_whitespace().count() < SPECIFIC_MIN_WORDS {
            findings.push(SmartFinding::NotSpecific);
        }
        if self
            .measure()
            .as_ref()
            .is_none_or(|m| m.expose().trim().is_empty())
        {
            findings.push(SmartFinding::NotMeasurable);
        }
        if self.responsibilities().is_empty() {
            findings.push(SmartFinding::NotAchievable);
        }
        if self.childs_view().is_none() && self.agreements().is_empty() {
            findings.push(SmartFinding::NotRelevant);
        }
        if self.target_date().is_none() {
            findings.push(SmartFinding::NotTimeBound);
        }
        findings
    }
}
