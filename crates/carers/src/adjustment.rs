//! Requests for reasonable adjustments a carer made, and what became of them.
//!
//! A school, a health service or a local authority must take reasonable steps to
//! avoid putting a disabled person at a substantial disadvantage (Equality Act 2010
//! s.20, applied to services by s.29(7) and to schools by s.85(6)). Carers ask for
//! adjustments for the child (a quiet room for exams, a later start) and for
//! themselves (a meeting on the ground floor, papers in large print, a BSL
//! interpreter). The Act sets no timescale for an answer; what the record keeps is
//! the request, who it was made to, and the decision with its date, so that an
//! unanswered request is seen.

use std::fmt;

use chrono::NaiveDate;
use partnership_core::{AdjustmentId, AgencyId, Label, ProfessionalId, Sensitive};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Whose disadvantage an adjustment is to remove.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum AdjustmentFor {
    /// The child: the carer asks as the child's advocate.
    Child,
    /// The carer themselves.
    Carer,
}

impl fmt::Display for AdjustmentFor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Child => "the child",
            Self::Carer => "the carer",
        })
    }
}

/// What the agency decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum AdjustmentDecision {
    /// The adjustment was agreed as asked.
    Agreed,
    /// Some of it was agreed, or something else was offered in its place.
    PartlyAgreed,
    /// It was refused.
    Refused,
}

impl AdjustmentDecision {
    /// Whether anything was agreed, so that something can be put in place.
    pub const fn agrees_something(self) -> bool {
        matches!(self, Self::Agreed | Self::PartlyAgreed)
    }
}

/// The agency's answer to a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AdjustmentOutcome {
    /// What was decided.
    pub decision: AdjustmentDecision,
    /// When; not before the request.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub decided_on: NaiveDate,
    /// The professional who decided, when they are in the team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<ProfessionalId>,
    /// The reasons given, above all for a refusal. Personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasons: Option<Sensitive<String>>,
    /// When what was agreed was in place; only for an adjustment agreed, and not
    /// before the decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
    pub in_place_from: Option<NaiveDate>,
}

/// A request for a reasonable adjustment (Equality Act 2010 s.20) a carer made, for
/// the child or for themselves, to an agency in the record.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::carers::{AdjustmentDecision, AdjustmentFor, AdjustmentOutcome, AdjustmentRequest};
/// use partnership::core::{AdjustmentId, AgencyId, Label, Sensitive};
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let mut request = AdjustmentRequest {
///     id: AdjustmentId::random(),
///     needed_by: AdjustmentFor::Carer,
///     agency: AgencyId::random(),
///     adjustment: Sensitive::new(Label::new("Review meetings on the ground floor").unwrap()),
///     requested_on: d(10, 5),
///     outcome: None,
/// };
/// assert!(request.awaits_decision());
/// request.outcome = Some(AdjustmentOutcome {
///     decision: AdjustmentDecision::Agreed,
///     decided_on: d(10, 9),
///     decided_by: None,
///     reasons: None,
///     in_place_from: Some(d(10, 20)),
/// });
/// assert!(!request.awaits_decision());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AdjustmentRequest {
    /// The request's id.
    pub id: AdjustmentId,
    /// Whose disadvantage it is to remove.
    pub needed_by: AdjustmentFor,
    /// The agency asked.
    pub agency: AgencyId,
    /// What was asked for, in words. Personal data: it may say what the disability is.
    pub adjustment: Sensitive<Label>,
    /// When it was asked for.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub requested_on: NaiveDate,
    /// The answer, once given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<AdjustmentOutcome>,
}

impl AdjustmentRequest {
    /// Whether the agency has not answered yet.
    pub const fn awaits_decision(&self) -> bool {
        self.outcome.is_none()
    }

    /// The first of its dates out of order, as the field that breaks the order
    /// relative to the request: `outcome/decidedOn` before the request, or
    /// `outcome/inPlaceFrom` before the decision (or recorded for a refusal, where
    /// nothing was agreed to put in place).
    pub(crate) fn out_of_order(&self) -> Option<(&'static str, &'static str)> {
        let outcome = self.outcome.as_ref()?;
        if outcome.decided_on < self.requested_on {
            return Some(("outcome/decidedOn", "is before the request was made"));
        }
        match outcome.in_place_from {
            Some(_) if !outcome.decision.agrees_something() => Some((
                "outcome/inPlaceFrom",
                "an adjustment refused is not put in place; record the decision as partly agreed if something was",
            )),
            Some(from) if from < outcome.decided_on => {
                Some(("outcome/inPlaceFrom", "is before the decision"))
            }
            _ => None,
        }
    }
}
