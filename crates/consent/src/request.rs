//! [`SharingRequest`]: a request to share information about a child.

use chrono::{DateTime, NaiveDate, Utc};
use partnership_core::{ChildId, ProfessionalId, SharingRequestId};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::scope::non_empty_unique;
use crate::{ConsentError, DataCategory, Purpose, Recipient};

/// Whether the child can decide about sharing their own information, for this
/// decision.
///
/// From 16 capacity is presumed; under 16 a child may be assessed as competent
/// (Gillick), decision by decision, by a professional. When the child decides, a
/// carer's consent alone does not cover sharing the child's own information.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum ChildCapacity {
    /// Under 16 and not assessed for this decision: those with parental
    /// responsibility decide.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    NotAssessed,
    /// Under 16 and assessed as competent for this decision.
    #[serde(rename_all = "camelCase")]
    Competent {
        /// Who assessed.
        assessed_by: ProfessionalId,
        /// When.
        #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
        assessed_on: NaiveDate,
    },
    /// Assessed as not competent for this decision.
    #[serde(rename_all = "camelCase")]
    NotCompetent {
        /// Who assessed.
        assessed_by: ProfessionalId,
        /// When.
        #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
        assessed_on: NaiveDate,
    },
    /// 16 or over: capacity presumed (Mental Capacity Act 2005).
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    SixteenOrOver,
}

impl ChildCapacity {
    /// Whether the child decides for themselves.
    pub const fn child_decides(&self) -> bool {
        matches!(self, Self::Competent { .. } | Self::SixteenOrOver)
    }
}

impl std::fmt::Display for ChildCapacity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotAssessed => f.write_str("is under 16 and not assessed for this decision"),
            Self::Competent { assessed_on, .. } => {
                write!(
                    f,
                    "was assessed on {assessed_on} as competent for this decision"
                )
            }
            Self::NotCompetent { assessed_on, .. } => write!(
                f,
                "was assessed on {assessed_on} as not competent for this decision"
            ),
            Self::SixteenOrOver => f.write_str("is 16 or over"),
        }
    }
}

/// The plain fields of a [`SharingRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SharingRequestParts {
    /// The request's id.
    pub id: SharingRequestId,
    /// The child the information is about.
    pub child: ChildId,
    /// The professional asking to share.
    pub requested_by: ProfessionalId,
    /// Who would receive the information.
    pub recipient: Recipient,
    /// Why.
    pub purpose: Purpose,
    /// What information: at least one category, none twice. Ask only for what the
    /// purpose needs.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub data_categories: Vec<DataCategory>,
    /// When the information would be shared (RFC 3339, UTC).
    #[serde(serialize_with = "crate::rfc3339::serialize")]
    #[serde(deserialize_with = "partnership_core::canonical_time::deserialize")]
    pub at: DateTime<Utc>,
    /// Whether the child decides for themselves, for this decision.
    pub child_capacity: ChildCapacity,
}

fn check_request(parts: &SharingRequestParts) -> Result<(), ConsentError> {
    non_empty_unique(&parts.data_categories, "dataCategories")
}

partnership_core::validated! {
    /// A request to share information about a child: who asks, who would receive it,
    /// why, what, when, and whether the child decides for themselves.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::chrono::{TimeZone, Utc};
    /// use partnership::consent::*;
    /// use partnership::core::{AgencyId, AgencyKind, ChildId, FieldPath, Located, ProfessionalId, ProfessionalRole, SharingRequestId};
    ///
    /// let request = SharingRequest::try_from(SharingRequestParts {
    ///     id: SharingRequestId::random(),
    ///     child: ChildId::random(),
    ///     requested_by: ProfessionalId::random(),
    ///     recipient: Recipient::Agency { id: AgencyId::random(), agency_kind: AgencyKind::Health },
    ///     purpose: Purpose::ReferralToService,
    ///     data_categories: vec![],
    ///     at: Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap(),
    ///     child_capacity: ChildCapacity::NotAssessed,
    /// });
    /// let err = request.unwrap_err();
    /// assert_eq!(err.to_string(), "must list at least one entry");
    /// assert_eq!(err.field(), FieldPath::field("dataCategories"));
    /// ```
    #[derive(Clone, PartialEq, Eq)]
    pub struct SharingRequest(SharingRequestParts);
    check = check_request;
    error = ConsentError;
}

impl SharingRequest {
    /// The request's id.
    pub fn id(&self) -> SharingRequestId {
        self.0.id
    }

    /// The child the information is about.
    pub fn child(&self) -> ChildId {
        self.0.child
    }

    /// The professional asking to share.
    pub fn requested_by(&self) -> ProfessionalId {
        self.0.requested_by
    }

    /// Who would receive the information.
    pub fn recipient(&self) -> &Recipient {
        &self.0.recipient
    }

    /// Why.
    pub fn purpose(&self) -> &Purpose {
        &self.0.purpose
    }

    /// What information: at least one category, none twice. Ask only for what the
    /// purpose needs.
    pub fn data_categories(&self) -> &[DataCategory] {
        &self.0.data_categories
    }

    /// When the information would be shared (RFC 3339, UTC).
    pub fn at(&self) -> DateTime<Utc> {
        self.0.at
    }

    /// Whether the child decides for themselves, for this decision.
    pub fn child_capacity(&self) -> ChildCapacity {
        self.0.child_capacity
    }
}
