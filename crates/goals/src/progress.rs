//! Progress on a goal: observations with a goal attainment scaling level, and
//! milestones to celebrate.

use chrono::NaiveDate;
use partnership_core::{Label, MilestoneId, PartyRef, ProgressEntryId, Sensitive};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{GasLevel, Setting};

partnership_core::labelled_enum! {
    /// How a goal is going, aligned with FHIR `Goal.achievementStatus`.
    pub enum AchievementStatus {
        /// In progress.
        InProgress => "in-progress", "in progress";
        /// Improving.
        Improving => "improving", "improving";
        /// Worsening.
        Worsening => "worsening", "worsening";
        /// No change.
        NoChange => "no-change", "no change";
        /// Achieved.
        Achieved => "achieved", "achieved";
        /// Sustaining.
        Sustaining => "sustaining", "sustaining";
        /// Not achieved.
        NotAchieved => "not-achieved", "not achieved";
        /// No progress.
        NoProgress => "no-progress", "no progress";
        /// Not attainable.
        NotAttainable => "not-attainable", "not attainable";
    }
    /// A local status beyond FHIR's.
    Other { label: Label => "The status, in words." }
}

/// An observation of progress. Carers' observations count as evidence as
/// professionals' do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProgressEntry {
    /// The entry's id.
    pub id: ProgressEntryId,
    /// When; not before the goal was created.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub on: NaiveDate,
    /// Who observed and recorded it.
    pub recorded_by: PartyRef,
    /// Where the child was observed.
    pub setting: Setting,
    /// The goal attainment level observed.
    pub level: GasLevel,
    /// How the goal is going.
    pub achievement: AchievementStatus,
    /// What was seen. Personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Sensitive<String>>,
}

/// An achievement to celebrate, however small.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Milestone {
    /// The milestone's id.
    pub id: MilestoneId,
    /// When; not before the goal was created.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub on: NaiveDate,
    /// Who noticed it.
    pub noticed_by: PartyRef,
    /// What was achieved. Personal data.
    pub description: Sensitive<String>,
}
