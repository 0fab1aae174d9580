//! [`Involvement`]: whether a carer takes part in every discussion, or is
//! restricted by a recorded decision.

use chrono::NaiveDate;
use partnership_core::{ProfessionalId, Sensitive};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::CarersError;

/// Whether a carer is involved in every discussion about the child.
///
/// Carers are involved by default: invited to every review and told what is
/// planned. Safeguarding can change that: when a carer is suspected of causing
/// harm, their involvement can be restricted, but only by a decision recorded with
/// its reason, who made it, when, and when it must be reconsidered. Later crates
/// consult this when they draw up invitations and decide what to share.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::carers::{Involvement, Restriction, RestrictionParts};
/// use partnership::core::{ProfessionalId, Sensitive};
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(Involvement::default(), Involvement::Involved);
///
/// let restricted = Involvement::Restricted(Restriction::try_from(RestrictionParts {
///     reason: Sensitive::new("Strategy discussion on 2026-11-02: section 47 enquiry".into()),
///     decided_by: ProfessionalId::random(),
///     decided_on: d(2026, 11, 2),
///     reconsider_by: d(2027, 2, 2),
/// }).unwrap());
/// assert!(restricted.is_restricted());
/// assert!(!restricted.reconsideration_overdue(d(2027, 2, 2)));
/// assert!(restricted.reconsideration_overdue(d(2027, 2, 3)));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Involvement {
    /// Involved in every discussion (the default).
    #[default]
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    Involved,
    /// Restricted by a recorded decision.
    Restricted(Restriction),
}

impl Involvement {
    /// Whether involvement is restricted.
    pub const fn is_restricted(&self) -> bool {
        matches!(self, Self::Restricted(_))
    }

    /// The recorded restriction, if any.
    pub const fn restriction(&self) -> Option<&Restriction> {
        match self {
            Self::Restricted(r) => Some(r),
            Self::Involved => None,
        }
    }

    /// Whether a restriction has passed the date by which it had to be reconsidered.
    pub fn reconsideration_overdue(&self, as_of: NaiveDate) -> bool {
        self.restriction()
            .is_some_and(|r| as_of > r.reconsider_by())
    }
}

/// The plain fields of a [`Restriction`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RestrictionParts {
    /// Why involvement is restricted. Personal data.
    pub reason: Sensitive<String>,
    /// The professional who made the decision.
    pub decided_by: ProfessionalId,
    /// When the decision was made.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub decided_on: NaiveDate,
    /// When the decision must be reconsidered; after `decidedOn`.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub reconsider_by: NaiveDate,
}

fn check_restriction(parts: &RestrictionParts) -> Result<(), CarersError> {
    if parts.reconsider_by <= parts.decided_on {
        return Err(CarersError::ReconsiderationNotAfterDecision);
    }
    Ok(())
}

partnership_core::validated! {
    /// The recorded decision that restricts a carer's involvement: the reason, who
    /// decided and when, and the date by which it must be reconsidered (after the
    /// decision: a restriction is never open-ended).
    #[derive(Clone, PartialEq, Eq)]
    pub struct Restriction(RestrictionParts);
    check = check_restriction;
    error = CarersError;
}

impl Restriction {
    /// Why involvement is restricted. Personal data.
    pub fn reason(&self) -> &Sensitive<String> {
        &self.0.reason
    }

    /// The professional who made the decision.
    pub fn decided_by(&self) -> ProfessionalId {
        self.0.decided_by
    }

    /// When the decision was made.
    pub fn decided_on(&self) -> NaiveDate {
        self.0.decided_on
    }

    /// When the decision must be reconsidered; after `decidedOn`.
    pub fn reconsider_by(&self) -> NaiveDate {
        self.0.reconsider_by
    }
}
