//! A goal's lifecycle: its status, the moves between them, and what an activation
//! rests on.

use std::fmt;

use chrono::NaiveDate;
use partnership_core::{CarerId, PartyRef, Sensitive};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A goal's lifecycle status, aligned with FHIR `Goal.lifecycleStatus`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum GoalStatus {
    /// Proposed, not yet agreed.
    Proposed,
    /// Accepted by the team; not yet being worked on.
    Accepted,
    /// Being worked on.
    Active,
    /// Paused.
    OnHold,
    /// Achieved, or ended as planned.
    Completed,
    /// Stopped before completion.
    Cancelled,
    /// Not taken up.
    Rejected,
    /// Recorded in error.
    EnteredInError,
}

impl GoalStatus {
    /// Whether nothing follows this status.
    pub const fn is_terminal(self) -> bool {
        matches!(
            self,
            Self::Completed | Self::Cancelled | Self::Rejected | Self::EnteredInError
        )
    }

    /// The statuses a goal may move to from this one.
    ///
    /// ```text
    /// proposed -> accepted | rejected | cancelled | entered-in-error
    /// accepted -> active | on-hold | cancelled | entered-in-error
    /// active   -> on-hold | completed | cancelled | entered-in-error
    /// on-hold  -> active | cancelled | entered-in-error
    /// completed, cancelled, rejected, entered-in-error: terminal
    /// ```
    pub const fn next(self) -> &'static [GoalStatus] {
        use GoalStatus as S;
        match self {
            S::Proposed => &[S::Accepted, S::Rejected, S::Cancelled, S::EnteredInError],
            S::Accepted => &[S::Active, S::OnHold, S::Cancelled, S::EnteredInError],
            S::Active => &[S::OnHold, S::Completed, S::Cancelled, S::EnteredInError],
            S::OnHold => &[S::Active, S::Cancelled, S::EnteredInError],
            S::Completed | S::Cancelled | S::Rejected | S::EnteredInError => &[],
        }
    }

    /// The FHIR `Goal.lifecycleStatus` code (the same as the JSON value).
    pub const fn fhir_code(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Accepted => "accepted",
            Self::Active => "active",
            Self::OnHold => "on-hold",
            Self::Completed => "completed",
            Self::Cancelled => "cancelled",
            Self::Rejected => "rejected",
            Self::EnteredInError => "entered-in-error",
        }
    }
}

impl fmt::Display for GoalStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.fhir_code())
    }
}

/// Why a goal could become active.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum ActivationBasis {
    /// These carers had agreed to it (at least one).
    CarersAgreed {
        /// The carers whose agreement was required and given.
        carers: Vec<CarerId>,
    },
    /// No carer's agreement was required: every carer's involvement is restricted by
    /// a recorded decision (the record crate checks that it was).
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    AllCarersRestricted,
}

/// A lifecycle move: to what, when, by whom and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Transition {
    /// The new status.
    pub to: GoalStatus,
    /// When.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub on: NaiveDate,
    /// Who.
    pub by: PartyRef,
    /// Why. Personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Sensitive<String>>,
    /// For a move to active only: whose agreement made it possible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<ActivationBasis>,
}
