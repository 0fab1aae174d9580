//! What kind of review a schedule holds: a statutory chain or a locally agreed cadence.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{ReviewsError, Terms};

/// How often reviews of a locally agreed partnership plan are held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum AgreedCadence {
    /// Every N weeks (1 to 52).
    EveryNWeeks {
        /// The number of weeks.
        #[schemars(range(min = 1, max = 52))]
        weeks: u32,
    },
    /// Every calendar month.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    Monthly,
    /// Once a school term.
    Termly {
        /// The terms (default: autumn, spring, summer).
        #[serde(default)]
        terms: Terms,
    },
}

/// A kind of review, with the rule that sets its deadlines (docs/domain.md section 5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ReviewKind {
    /// Looked-after child review: the first within 20 working days of becoming looked
    /// after, the second within 3 months of the first, then at most every 6 months
    /// (Care Planning, Placement and Case Review (England) Regulations 2010).
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    LookedAfterChild,
    /// Child protection conference: the initial conference within 15 working days of
    /// the strategy discussion, the first review within 3 months of it, then at most
    /// every 6 months (Working Together to Safeguard Children).
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    ChildProtection,
    /// EHC plan annual review: within 12 months of the plan being issued, then at
    /// least every 12 months (SEND Code of Practice 2015).
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    EhcPlanAnnualReview,
    /// EHC plan for a child under 5: the Code (9.178) says local authorities should
    /// consider a review every 3 to 6 months; not statutory, so configurable.
    EhcPlanUnderFive {
        /// Months between reviews, 3 to 6 (default 6).
        #[serde(default = "six")]
        #[schemars(range(min = 3, max = 6))]
        months: u32,
    },
    /// Personal education plan for a looked-after child: started within 10 working
    /// days of becoming looked after, then reviewed every school term.
    PersonalEducationPlan {
        /// The terms (default: autumn, spring, summer).
        #[serde(default)]
        terms: Terms,
    },
    /// Child in need plan: a cadence set locally (default every 3 months).
    ChildInNeedPlan {
        /// Months between reviews, 1 to 12 (default 3).
        #[serde(default = "three")]
        #[schemars(range(min = 1, max = 12))]
        months: u32,
    },
    /// A partnership review at whatever cadence the carers and professionals agree.
    AgreedPartnership {
        /// The agreed cadence.
        cadence: AgreedCadence,
    },
}

fn six() -> u32 {
    6
}

fn three() -> u32 {
    3
}

impl ReviewKind {
    /// Checks the kind's own settings (months and weeks within their bounds).
    ///
    /// # Errors
    ///
    /// [`ReviewsError`] naming the first rule the schedule breaks.
    pub fn check(&self) -> Result<(), ReviewsError> {
        let bounded = |field, min, max, found| {
            if (min..=max).contains(&found) {
                Ok(())
            } else {
                Err(ReviewsError::OutOfBounds {
                    field,
                    min,
                    max,
                    found,
                })
            }
        };
        match self {
            Self::EhcPlanUnderFive { months } => bounded("kind/months", 3, 6, *months),
            Self::ChildInNeedPlan { months } => bounded("kind/months", 1, 12, *months),
            Self::AgreedPartnership {
                cadence: AgreedCadence::EveryNWeeks { weeks },
            } => bounded("kind/cadence/weeks", 1, 52, *weeks),
            _ => Ok(()),
        }
    }

    /// Whether invitations for this kind must go out at least two weeks ahead by law
    /// (EHC plan reviews).
    pub const fn statutory_notice(&self) -> bool {
        matches!(
            self,
            Self::EhcPlanAnnualReview | Self::EhcPlanUnderFive { .. }
        )
    }
}

impl fmt::Display for ReviewKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::LookedAfterChild => "looked-after child review",
            Self::ChildProtection => "child protection conference",
            Self::EhcPlanAnnualReview => "EHC plan annual review",
            Self::EhcPlanUnderFive { .. } => "EHC plan review (under 5)",
            Self::PersonalEducationPlan { .. } => "personal education plan review",
            Self::ChildInNeedPlan { .. } => "child in need plan review",
            Self::AgreedPartnership { .. } => "partnership review",
        })
    }
}
