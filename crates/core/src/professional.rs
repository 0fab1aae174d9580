//! Professionals and the agencies or settings they belong to.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{AgencyId, Label, ProfessionalId, Sensitive};

/// A professional working with the child and the carers.
///
/// ```
/// use partnership_core::{AgencyId, Label, Professional, ProfessionalId, ProfessionalRole, Sensitive};
///
/// let key_worker = Professional {
///     id: ProfessionalId::random(),
///     name: Sensitive::new(Label::new("Priya Shah").unwrap()),
///     role: ProfessionalRole::EarlyYearsKeyWorker,
///     agency: AgencyId::random(),
///     work_contact: None,
/// };
/// assert_eq!(key_worker.role.to_string(), "early years key worker");
/// assert!(!format!("{key_worker:?}").contains("Priya"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Professional {
    /// The professional's id.
    pub id: ProfessionalId,
    /// The professional's name. Personal data.
    pub name: Sensitive<Label>,
    /// The professional's role.
    pub role: ProfessionalRole,
    /// The agency or setting the professional belongs to.
    pub agency: AgencyId,
    /// A work telephone number or email address for carers to use. Personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_contact: Option<Sensitive<Label>>,
}

/// What a professional does.
///
/// ```
/// use partnership_core::{Label, ProfessionalRole};
///
/// let json = serde_json::to_string(&ProfessionalRole::Senco).unwrap();
/// assert_eq!(json, r#"{"kind":"senco"}"#);
/// let other = ProfessionalRole::Other { label: Label::new("Play therapist").unwrap() };
/// assert_eq!(other.to_string(), "Play therapist");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ProfessionalRole {
    /// Early years key worker at a nursery or childminder.
    EarlyYearsKeyWorker,
    /// Class or subject teacher.
    Teacher,
    /// Special educational needs co-ordinator.
    Senco,
    /// Teaching assistant.
    TeachingAssistant,
    /// Health visitor.
    HealthVisitor,
    /// School nurse.
    SchoolNurse,
    /// General practitioner.
    Gp,
    /// Paediatrician.
    Paediatrician,
    /// Speech and language therapist.
    SpeechAndLanguageTherapist,
    /// Physiotherapist.
    Physiotherapist,
    /// Occupational therapist.
    OccupationalTherapist,
    /// Educational psychologist.
    EducationalPsychologist,
    /// Social worker.
    SocialWorker,
    /// Independent reviewing officer for a looked-after child.
    IndependentReviewingOfficer,
    /// Family support worker.
    FamilySupportWorker,
    /// Any other role.
    Other {
        /// The role, in words.
        label: Label,
    },
}

impl fmt::Display for ProfessionalRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::EarlyYearsKeyWorker => "early years key worker",
            Self::Teacher => "teacher",
            Self::Senco => "SENCO",
            Self::TeachingAssistant => "teaching assistant",
            Self::HealthVisitor => "health visitor",
            Self::SchoolNurse => "school nurse",
            Self::Gp => "GP",
            Self::Paediatrician => "paediatrician",
            Self::SpeechAndLanguageTherapist => "speech and language therapist",
            Self::Physiotherapist => "physiotherapist",
            Self::OccupationalTherapist => "occupational therapist",
            Self::EducationalPsychologist => "educational psychologist",
            Self::SocialWorker => "social worker",
            Self::IndependentReviewingOfficer => "independent reviewing officer",
            Self::FamilySupportWorker => "family support worker",
            Self::Other { label } => label.as_str(),
        })
    }
}

/// An agency or setting: a nursery, a school, a health service, a social care team.
///
/// An agency's name is an organisation's name, not personal data.
///
/// ```
/// use partnership_core::{Agency, AgencyId, AgencyKind, Label};
///
/// let nursery = Agency {
///     id: AgencyId::random(),
///     name: Label::new("Little Acorns Nursery").unwrap(),
///     kind: AgencyKind::EarlyYears,
/// };
/// assert_eq!(serde_json::to_value(&nursery).unwrap()["kind"]["kind"], "early-years");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Agency {
    /// The agency's id.
    pub id: AgencyId,
    /// The organisation's name.
    pub name: Label,
    /// What kind of agency or setting it is.
    pub kind: AgencyKind,
}

/// The kind of an agency or setting.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum AgencyKind {
    /// Early years: nursery, pre-school, childminder, children's centre.
    EarlyYears,
    /// School.
    School,
    /// Post-16: sixth form, further education college, training provider.
    #[serde(rename = "post-16")]
    #[schemars(rename = "post-16")]
    Post16,
    /// Health: GP practice, community health, hospital, therapy service.
    Health,
    /// Social care: children's social care, a fostering service, a residential home.
    SocialCare,
    /// Voluntary or community sector organisation.
    VoluntarySector,
    /// Any other kind.
    Other {
        /// The kind, in words.
        label: Label,
    },
}
