//! Reviews of a goal: what each decided, and how a goal was closed.

use chrono::NaiveDate;
use partnership_core::{GoalId, PartyRef, Sensitive};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a goal review decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum ReviewDecision {
    /// Carry on as planned.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    Continue,
    /// Move the target date, keeping the old one in the history.
    #[serde(rename_all = "camelCase")]
    ChangeTarget {
        /// The target before (none if there was none).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
        previous_target: Option<NaiveDate>,
        /// The new target; not before the review.
        #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
        new_target: NaiveDate,
        /// Why. Personal data.
        reason: Sensitive<String>,
    },
    /// Replace this goal with another (this one is cancelled).
    ReplaceWith {
        /// The new goal.
        goal: GoalId,
        /// Why. Personal data.
        reason: Sensitive<String>,
    },
    /// Close the goal: completed or cancelled.
    Close {
        /// Completed or cancelled.
        outcome: Closure,
        /// Why. Personal data.
        reason: Sensitive<String>,
    },
}

/// How a goal was closed at review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Closure {
    /// The goal was achieved or ended as planned.
    Completed,
    /// The goal was stopped.
    Cancelled,
}

/// A review of a goal: when, by whom, and what was decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GoalReview {
    /// When.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub on: NaiveDate,
    /// Who led it.
    pub by: PartyRef,
    /// What was decided.
    pub decision: ReviewDecision,
}
