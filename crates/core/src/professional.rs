//! Professionals and the agencies or settings they belong to.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{AgencyId, Label, ProfessionalId, Sensitive};

/// A professional working with the child and the carers.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::{AgencyId, Label, Professional, ProfessionalId, ProfessionalRole, Sensitive};
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

crate::labelled_enum! {
    /// What a professional does.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
    /// use partnership::core::{Label, ProfessionalRole};
    ///
    /// let json = serde_json::to_string(&ProfessionalRole::Senco).unwrap();
    /// assert_eq!(json, r#"{"kind":"senco"}"#);
    /// let other = ProfessionalRole::Other { label: Label::new("Play therapist").unwrap() };
    /// assert_eq!(other.to_string(), "Play therapist");
    /// ```
    pub enum ProfessionalRole {
        /// Early years key worker at a nursery or childminder.
        EarlyYearsKeyWorker => "early-years-key-worker", "early years key worker";
        /// Class or subject teacher.
        Teacher => "teacher", "teacher";
        /// Special educational needs co-ordinator.
        Senco => "senco", "SENCO";
        /// Teaching assistant.
        TeachingAssistant => "teaching-assistant", "teaching assistant";
        /// Health visitor.
        HealthVisitor => "health-visitor", "health visitor";
        /// School nurse.
        SchoolNurse => "school-nurse", "school nurse";
        /// General practitioner.
        Gp => "gp", "GP";
        /// Paediatrician.
        Paediatrician => "paediatrician", "paediatrician";
        /// Speech and language therapist.
        SpeechAndLanguageTherapist => "speech-and-language-therapist", "speech and language therapist";
        /// Physiotherapist.
        Physiotherapist => "physiotherapist", "physiotherapist";
        /// Occupational therapist.
        OccupationalTherapist => "occupational-therapist", "occupational therapist";
        /// Educational psychologist.
        EducationalPsychologist => "educational-psychologist", "educational psychologist";
        /// Social worker.
        SocialWorker => "social-worker", "social worker";
        /// Independent reviewing officer for a looked-after child.
        IndependentReviewingOfficer => "independent-reviewing-officer", "independent reviewing officer";
        /// Family support worker.
        FamilySupportWorker => "family-support-worker", "family support worker";
        /// Designated safeguarding lead in a school, college or early years setting.
        DesignatedSafeguardingLead => "designated-safeguarding-lead", "designated safeguarding lead";
    }
    /// Any other role.
    Other { label: Label => "The role, in words." }
}

/// An agency or setting: a nursery, a school, a health service, a social care team.
///
/// An agency's name is an organisation's name, not personal data.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::{Agency, AgencyId, AgencyKind, Label};
///
/// let mut nursery = Agency::new(
///     AgencyId::random(),
///     Label::new("Little Acorns Nursery").unwrap(),
///     AgencyKind::EarlyYears,
/// );
/// assert_eq!(serde_json::to_value(&nursery).unwrap()["kind"]["kind"], "early-years");
/// // A private nursery is not a public authority; the record says so, or nothing.
/// assert!(!nursery.is_outside_public_authority());
/// nursery.public_authority = Some(false);
/// assert!(nursery.is_outside_public_authority());
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
    /// Whether the agency is a public authority (Data Protection Act 2018 s.7: a
    /// public authority under the Freedom of Information Act 2000, such as a local
    /// authority, a maintained school or an academy, an NHS body, the police), when it
    /// is recorded. The kind does not say: a nursery, a fostering service or a health
    /// provider may be public or private. Some bases for sharing depend on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_authority: Option<bool>,
}

impl Agency {
    /// An agency whose standing as a public authority is not recorded.
    pub const fn new(id: AgencyId, name: Label, kind: AgencyKind) -> Self {
        Self {
            id,
            name,
            kind,
            public_authority: None,
        }
    }

    /// Whether the record says the agency is not a public authority: only then may it
    /// rely on a recognised legitimate interest (UK GDPR Art 6(1)(ea)), which a public
    /// authority cannot in performing its tasks. Unrecorded counts as public.
    pub fn is_outside_public_authority(&self) -> bool {
        self.public_authority == Some(false)
    }
}

crate::labelled_enum! {
    /// The kind of an agency or setting.
    pub enum AgencyKind {
        /// Early years: nursery, pre-school, childminder, children's centre.
        EarlyYears => "early-years", "early years setting";
        /// School.
        School => "school", "school";
        /// Post-16: sixth form, further education college, training provider.
        Post16 => "post-16", "post-16 institution";
        /// Health: GP practice, community health, hospital, therapy service.
        Health => "health", "health service";
        /// Social care: children's social care, a fostering service, a residential home.
        SocialCare => "social-care", "social care";
        /// Voluntary or community sector organisation.
        VoluntarySector => "voluntary-sector", "voluntary sector organisation";
        /// Police.
        Police => "police", "police";
    }
    /// Any other kind.
    Other { label: Label => "The kind of agency, in words." }
}

impl AgencyKind {
    /// Whether an agency of this kind is a relevant person for the duty to share
    /// safeguarding information (Children Act 2004 s.16LA, inserted by the Children's
    /// Wellbeing and Schools Act 2026 s.4). The Act names the bodies under the duty to
    /// safeguard in s.11(1) (local authorities, health bodies, the police: here
    /// `social-care`, `health` and `police`) and the childcare and education agencies
    /// that regulations designate (here `early-years`, `school` and `post-16`), with
    /// their contractors. Which settings are designated is for regulations not yet
    /// made: counting every early years, school and post-16 setting is this library's
    /// reading. A voluntary organisation is one only as a contractor, which the record
    /// does not say, so it is not counted; nor is a kind written in words.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
    /// use partnership::core::AgencyKind;
    ///
    /// assert!(AgencyKind::School.is_relevant_person());
    /// assert!(AgencyKind::Police.is_relevant_person());
    /// assert!(!AgencyKind::VoluntarySector.is_relevant_person());
    /// ```
    pub fn is_relevant_person(&self) -> bool {
        [
            Self::EarlyYears,
            Self::School,
            Self::Post16,
            Self::Health,
            Self::SocialCare,
            Self::Police,
        ]
        .iter()
        .any(|kind| kind.same_choice(self))
    }
}
