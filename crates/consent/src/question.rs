//! [`SharingQuestion`]: what a professional asks to share, naming people by id only.

use chrono::{DateTime, Utc};
use partnership_core::{
    AgencyId, AgencyKind, CarerId, ChildId, ProfessionalId, ProfessionalRole, SharingRequestId,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::scope::non_empty_unique;
use crate::{ChildCapacity, ConsentError, DataCategory, Purpose, SharingRequest};

/// Who a question asks to share with: a carer, a professional or an agency's inbox
/// in the record, by id. Their role, agency and kind of agency come from the record's
/// team, never from the question.
///
/// Older request files described the recipient as well (`role`, `agency`,
/// `agencyKind`). Such files are still read, and the description is compared with
/// the record: where it disagrees, the request is refused with its own reason, and
/// the refusal is recorded like any other. A new question names the recipient by
/// kind and id alone (in Rust: `RecipientRef::carer`, `professional` or `agency`).
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum RecipientRef {
    /// A carer.
    #[non_exhaustive]
    Carer {
        /// The carer.
        id: CarerId,
    },
    /// A professional in the record's team.
    #[serde(rename_all = "camelCase")]
    #[non_exhaustive]
    Professional {
        /// The professional.
        id: ProfessionalId,
        /// Deprecated: the role an older request file claimed for the recipient. If
        /// given, it must be the role the record's team gives them.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[schemars(extend("deprecated" = true))]
        role: Option<ProfessionalRole>,
        /// Deprecated: the agency an older request file claimed for the recipient. If
        /// given, it must be the agency the record's team gives them.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[schemars(extend("deprecated" = true))]
        agency: Option<AgencyId>,
        /// Deprecated: the kind of agency an older request file claimed. If given, it
        /// must be the kind of the recipient's agency in the record.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[schemars(extend("deprecated" = true))]
        agency_kind: Option<AgencyKind>,
    },
    /// An agency as a whole (a team's secure inbox): everyone in it can read what is
    /// sent there.
    #[serde(rename_all = "camelCase")]
    #[non_exhaustive]
    Agency {
        /// The agency.
        id: AgencyId,
        /// Deprecated: the kind an older request file claimed for the agency. If
        /// given, it must be the kind the record gives it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[schemars(extend("deprecated" = true))]
        agency_kind: Option<AgencyKind>,
    },
}

impl RecipientRef {
    /// A carer in the record, by id.
    pub const fn carer(id: CarerId) -> Self {
        Self::Carer { id }
    }

    /// A professional in the record's team, by id.
    pub const fn professional(id: ProfessionalId) -> Self {
        Self::Professional {
            id,
            role: None,
            agency: None,
            agency_kind: None,
        }
    }

    /// An agency's inbox in the record, by id.
    pub const fn agency(id: AgencyId) -> Self {
        Self::Agency {
            id,
            agency_kind: None,
        }
    }

    /// Whether an older request file described the recipient (role, agency or kind of
    /// agency), which the record then checks.
    pub const fn describes(&self) -> bool {
        match self {
            Self::Carer { .. } => false,
            Self::Professional {
                role,
                agency,
                agency_kind,
                ..
            } => role.is_some() || agency.is_some() || agency_kind.is_some(),
            Self::Agency { agency_kind, .. } => agency_kind.is_some(),
        }
    }
}

/// The plain fields of a [`SharingQuestion`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SharingQuestionParts {
    /// The request's id: the ledger entry that records the decision carries it.
    pub id: SharingRequestId,
    /// The child the information is about: the record's child.
    pub child: ChildId,
    /// The professional asking to share, a member of the record's team.
    pub requested_by: ProfessionalId,
    /// Who would receive the information, by id.
    pub recipient: RecipientRef,
    /// Why.
    pub purpose: Purpose,
    /// What information: at least one category, none twice. Ask only for what the
    /// purpose needs.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub data_categories: Vec<DataCategory>,
    /// Deprecated: when an older request file said the information would be shared. A
    /// decision is made at the moment it is recorded, so a time on another day than
    /// the decision's refuses the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("deprecated" = true))]
    #[serde(deserialize_with = "partnership_core::canonical_time::optional")]
    pub at: Option<DateTime<Utc>>,
    /// Deprecated: the child's capacity as an older request file claimed it. The record
    /// works capacity out from the date of birth and its competence assessments; a
    /// claim that disagrees refuses the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("deprecated" = true))]
    pub child_capacity: Option<ChildCapacity>,
}

fn check_question(parts: &SharingQuestionParts) -> Result<(), ConsentError> {
    non_empty_unique(&parts.data_categories, "dataCategories")
}

partnership_core::validated! {
    /// A question to share information about a child: who asks, who would receive it
    /// (by id), why and what. It carries no time and describes nobody: the record
    /// answers it from its own facts, on the day the decision is recorded.
    ///
    /// Older request files (a [`SharingRequest`] with `at`, a described recipient and a
    /// `childCapacity`) read as questions too; what they claim is checked against the
    /// record.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::consent::*;
    /// use partnership::core::{ChildId, ProfessionalId, SharingRequestId};
    ///
    /// let question = SharingQuestion::new(
    ///     SharingRequestId::random(),
    ///     ChildId::random(),
    ///     ProfessionalId::random(),
    ///     RecipientRef::professional(ProfessionalId::random()),
    ///     Purpose::EducationSupportPlanning,
    ///     vec![DataCategory::EducationProgress],
    /// )?;
    /// assert!(question.at().is_none() && !question.recipient().describes());
    ///
    /// // An older request file, with its time and its description of the recipient.
    /// let old: SharingQuestion = serde_json::from_str(r#"{
    ///   "id": "00000000-0000-4000-8000-000000000001",
    ///   "child": "00000000-0000-4000-8000-000000000002",
    ///   "requestedBy": "00000000-0000-4000-8000-000000000003",
    ///   "recipient": {"kind": "professional", "id": "00000000-0000-4000-8000-000000000004",
    ///     "role": {"kind": "teacher"}, "agency": "00000000-0000-4000-8000-000000000005",
    ///     "agencyKind": {"kind": "school"}},
    ///   "purpose": {"kind": "education-support-planning"},
    ///   "dataCategories": [{"kind": "education-progress"}],
    ///   "at": "2026-11-23T09:00:00Z",
    ///   "childCapacity": {"kind": "not-assessed"}
    /// }"#)?;
    /// assert!(old.recipient().describes() && old.at().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Clone, PartialEq, Eq)]
    pub struct SharingQuestion(SharingQuestionParts);
    check = check_question;
    error = ConsentError;
}

impl SharingQuestion {
    /// The request's id: the ledger entry that records the decision carries it.
    pub fn id(&self) -> SharingRequestId {
        self.0.id
    }

    /// The child the information is about: the record's child.
    pub fn child(&self) -> ChildId {
        self.0.child
    }

    /// The professional asking to share, a member of the record's team.
    pub fn requested_by(&self) -> ProfessionalId {
        self.0.requested_by
    }

    /// Who would receive the information, by id.
    pub fn recipient(&self) -> &RecipientRef {
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

    /// Deprecated: when an older request file said the information would be shared. A
    /// decision is made at the moment it is recorded, so a time on another day than
    /// the decision's refuses the request.
    pub fn at(&self) -> Option<DateTime<Utc>> {
        self.0.at
    }

    /// Deprecated: the child's capacity as an older request file claimed it. The record
    /// works capacity out from the date of birth and its competence assessments; a
    /// claim that disagrees refuses the request.
    pub fn child_capacity(&self) -> Option<ChildCapacity> {
        self.0.child_capacity
    }
}

impl SharingQuestion {
    /// A question naming everyone by id, with no time and no claims.
    ///
    /// # Errors
    ///
    /// [`ConsentError::Empty`] when no category is asked for, and
    /// [`ConsentError::Duplicate`] when one is asked for twice.
    pub fn new(
        id: SharingRequestId,
        child: ChildId,
        requested_by: ProfessionalId,
        recipient: RecipientRef,
        purpose: Purpose,
        data_categories: Vec<DataCategory>,
    ) -> Result<Self, ConsentError> {
        Self::try_from(SharingQuestionParts {
            id,
            child,
            requested_by,
            recipient,
            purpose,
            data_categories,
            at: None,
            child_capacity: None,
        })
    }
}

impl From<SharingRequest> for SharingQuestion {
    /// A request as an older file would state it: its time, its description of the
    /// recipient and its claim about the child's capacity become claims the record
    /// checks.
    fn from(request: SharingRequest) -> Self {
        let parts = request.into_parts();
        let recipient = match parts.recipient {
            crate::Recipient::Carer { id } => RecipientRef::Carer { id },
            crate::Recipient::Professional {
                id,
                role,
                agency,
                agency_kind,
            } => RecipientRef::Professional {
                id,
                role: Some(role),
                agency: Some(agency),
                agency_kind: Some(agency_kind),
            },
            crate::Recipient::Agency { id, agency_kind } => RecipientRef::Agency {
                id,
                agency_kind: Some(agency_kind),
            },
        };
        // The categories were checked when the request was made, so this is the same
        // check passing again.
        Self(SharingQuestionParts {
            id: parts.id,
            child: parts.child,
            requested_by: parts.requested_by,
            recipient,
            purpose: parts.purpose,
            data_categories: parts.data_categories,
            at: Some(parts.at),
            child_capacity: Some(parts.child_capacity),
        })
    }
}
