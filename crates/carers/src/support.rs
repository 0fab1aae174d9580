//! Support for carers: needs identified and what is offered and in place.

use std::fmt;

use chrono::NaiveDate;
use partnership_core::{Label, Sensitive, SupportId};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

partnership_core::labelled_enum! {
    /// A topic of training for carers.
    pub enum TrainingTopic {
        /// Using a medical device: feeding pump, suction, hoist, oxygen.
        MedicalDevice => "medical-device", "using a medical device";
        /// Using a communication tool: PECS, Makaton, an AAC device.
        CommunicationTool => "communication-tool", "using a communication tool";
        /// Giving medication.
        Medication => "medication", "giving medication";
        /// Moving and handling.
        MovingAndHandling => "moving-and-handling", "moving and handling";
        /// Positive behaviour support.
        BehaviourSupport => "behaviour-support", "positive behaviour support";
    }
    /// Anything else.
    Other { label: Label => "The topic, in words." }
}

partnership_core::labelled_enum! {
    /// Who helps a carer speak up for the child: the carer is often the child's first
    /// advocate, and a complaint, an appeal or a hard meeting goes better with someone
    /// beside them.
    pub enum AdvocacyService {
        /// The SEND information, advice and support service the local authority must
        /// arrange for children with special educational needs or disabilities and
        /// their parents (Children and Families Act 2014 s.32): impartial advice on
        /// assessments, plans, mediation and appeals.
        SendInformationAdviceAndSupport => "send-information-advice-and-support",
            "the SEND information, advice and support service";
        /// An independent advocate, who speaks for the carer (or the child) and takes
        /// no side of the services.
        IndependentAdvocate => "independent-advocate", "independent advocate";
        /// A disability advocacy organisation.
        DisabilityAdvocacy => "disability-advocacy", "disability advocacy organisation";
    }
    /// Anyone else.
    Other { label: Label => "The service, in words." }
}

/// A kind of support for carers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum SupportKind {
    /// Respite: short breaks from caring.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    Respite,
    /// Training.
    Training {
        /// What the training covers.
        topic: TrainingTopic,
    },
    /// A peer support group.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    PeerSupportGroup,
    /// Counselling.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    Counselling,
    /// Financial advice.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    FinancialAdvice,
    /// Assistive equipment.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    AssistiveEquipment,
    /// Advocacy support: someone to help the carer speak up for the child. Record it
    /// when it is offered as well as when it is in place: the practice report looks
    /// for it beside every complaint and appeal.
    Advocacy {
        /// Who gives it.
        service: AdvocacyService,
    },
    /// Anything else.
    Other {
        /// The support, in words.
        label: Label,
    },
}

impl fmt::Display for SupportKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Respite => f.write_str("respite"),
            Self::Training { topic } => write!(f, "training: {topic}"),
            Self::PeerSupportGroup => f.write_str("peer support group"),
            Self::Counselling => f.write_str("counselling"),
            Self::FinancialAdvice => f.write_str("financial advice"),
            Self::AssistiveEquipment => f.write_str("assistive equipment"),
            Self::Advocacy { service } => write!(f, "advocacy: {service}"),
            Self::Other { label } => f.write_str(label.as_str()),
        }
    }
}

/// Where a support need or offer stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum SupportStatus {
    /// The need has been identified.
    Identified,
    /// Support has been offered.
    Offered,
    /// The carer accepted the offer.
    Accepted,
    /// The carer declined the offer.
    Declined,
    /// The support is in place.
    InPlace,
}

/// A support need or offer for a carer.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::carers::{SupportItem, SupportKind, SupportStatus, TrainingTopic};
/// use partnership::core::SupportId;
///
/// let training = SupportItem {
///     id: SupportId::random(),
///     kind: SupportKind::Training { topic: TrainingTopic::MedicalDevice },
///     status: SupportStatus::Offered,
///     identified_on: NaiveDate::from_ymd_opt(2026, 10, 5).unwrap(),
///     status_since: NaiveDate::from_ymd_opt(2026, 10, 12).unwrap(),
///     note: None,
/// };
/// assert!(training.is_open());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SupportItem {
    /// The item's id.
    pub id: SupportId,
    /// What kind of support.
    pub kind: SupportKind,
    /// Where it stands.
    pub status: SupportStatus,
    /// When the need was identified.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub identified_on: NaiveDate,
    /// Since when the status has held; not before `identifiedOn`.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub status_since: NaiveDate,
    /// More detail. Personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Sensitive<String>>,
}

impl SupportItem {
    /// Whether something is still to be done: identified, offered or accepted but not
    /// yet in place (declined and in-place items are settled).
    pub fn is_open(&self) -> bool {
        matches!(
            self.status,
            SupportStatus::Identified | SupportStatus::Offered | SupportStatus::Accepted
        )
    }
}
