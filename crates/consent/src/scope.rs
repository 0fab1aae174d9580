//! What a consent or a request is about: purposes, recipients and data categories.

use partnership_core::{
    AgencyId, AgencyKind, CarerId, Label, ProfessionalId, ProfessionalRole, no_repeats,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ConsentError;

/// A list of a scope, a request or a rule: at least one entry, none twice.
pub(crate) fn non_empty_unique<T: Ord>(
    items: &[T],
    field: &'static str,
) -> Result<(), ConsentError> {
    if items.is_empty() {
        return Err(ConsentError::Empty { field });
    }
    Ok(no_repeats(items.iter(), field)?)
}

partnership_core::labelled_enum! {
    /// Why information would be shared.
    pub enum Purpose {
        /// Planning support in education (a SEN support plan, an EHC needs assessment).
        EducationSupportPlanning => "education-support-planning", "planning support in education";
        /// Health care.
        HealthCare => "health-care", "health care";
        /// A social care assessment.
        SocialCareAssessment => "social-care-assessment", "a social care assessment";
        /// Multi-agency planning (team around the child, early help).
        MultiAgencyPlanning => "multi-agency-planning", "multi-agency planning";
        /// A referral to a service.
        ReferralToService => "referral-to-service", "a referral to a service";
        /// Statistics and service planning, de-identified where possible.
        Statistics => "statistics", "statistics";
        /// Protecting the child or someone else from harm.
        Safeguarding => "safeguarding", "safeguarding";
    }
    /// Any other purpose.
    Other { label: Label => "The purpose, in words." }
}

partnership_core::labelled_enum! {
    /// A category of information about the child.
    ///
    /// [`is_special_category`](DataCategory::is_special_category) says which need an
    /// Article 9 condition (UK GDPR) to be shared without explicit consent.
    pub enum DataCategory {
        /// Contact details: address, telephone, email.
        ContactDetails => "contact-details", "contact details";
        /// Education progress: attainment, attendance, reports.
        EducationProgress => "education-progress", "education progress";
        /// Health, including mental health.
        Health => "health", "health";
        /// Special educational needs and disability.
        SpecialEducationalNeedsAndDisability => "special-educational-needs-and-disability", "special educational needs and disability";
        /// Family circumstances.
        FamilyCircumstances => "family-circumstances", "family circumstances";
        /// The child's own views.
        ChildsViews => "childs-views", "the child's views";
        /// Safeguarding information: concerns, enquiries, plans.
        SafeguardingInformation => "safeguarding-information", "safeguarding information";
        /// Ethnicity.
        Ethnicity => "ethnicity", "ethnicity";
        /// Religion or belief.
        ReligionOrBelief => "religion-or-belief", "religion or belief";
    }
    /// Any other category (treated as special category data, to be safe).
    Other { label: Label => "The category, in words." }
}

/// Whether a category in a service's own words is plural: two things joined by
/// "and", or a head noun (the words before "of", a bracket or a comma) ending in a
/// plural "s". "Details of the new school" are; "progress of the class" is.
fn plural_words(words: &str) -> bool {
    let words = words.trim().to_lowercase();
    let head = words
        .split([',', '(', ';'])
        .next()
        .unwrap_or_default()
        .split(" of ")
        .next()
        .unwrap_or_default()
        .trim();
    if head
        .split_whitespace()
        .any(|word| word == "and" || word == "&")
    {
        return true;
    }
    let last = head.split_whitespace().last().unwrap_or_default();
    last.ends_with('s')
        && !["ss", "us", "is", "news"]
            .iter()
            .any(|end| last.ends_with(end))
}

impl DataCategory {
    /// The verb "to be" that agrees with the category's words: "contact details are
    /// withheld", "health is withheld". A category in words is taken as plural when
    /// two things are joined by "and" or its head noun (before "of" or a bracket)
    /// ends in a plural "s" ("school reports", "details of the new school").
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } }
    /// use partnership::consent::DataCategory;
    ///
    /// assert_eq!(DataCategory::ContactDetails.is_or_are(), "are");
    /// assert_eq!(DataCategory::Health.is_or_are(), "is");
    /// // A service's own category: its head noun decides.
    /// let other = |words: &str| DataCategory::Other {
    ///     label: partnership::core::Label::new(words).unwrap(),
    /// };
    /// assert_eq!(other("photographs of the child").is_or_are(), "are");
    /// assert_eq!(other("allergies and diet").is_or_are(), "are");
    /// assert_eq!(other("criminal records (DBS)").is_or_are(), "are");
    /// assert_eq!(other("attendance").is_or_are(), "is");
    /// assert_eq!(other("progress of the class").is_or_are(), "is");
    /// ```
    pub fn is_or_are(&self) -> &'static str {
        let plural = match self {
            Self::ContactDetails
            | Self::FamilyCircumstances
            | Self::ChildsViews
            | Self::SpecialEducationalNeedsAndDisability => true,
            Self::Other { label } => plural_words(label.as_str()),
            _ => false,
        };
        if plural { "are" } else { "is" }
    }

    /// Whether this is special category data under UK GDPR Article 9 (health,
    /// disability, ethnicity, religion or belief), which needs an Article 9 condition
    /// to be shared without explicit consent.
    ///
    /// Safeguarding information and family circumstances are not special category
    /// data as such, though a particular record may contain some. An `other`
    /// category is treated as special, so that sharing it without consent always asks
    /// for a condition.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::consent::DataCategory;
    ///
    /// assert!(DataCategory::Health.is_special_category());
    /// assert!(DataCategory::SpecialEducationalNeedsAndDisability.is_special_category());
    /// assert!(!DataCategory::EducationProgress.is_special_category());
    /// ```
    pub fn is_special_category(&self) -> bool {
        matches!(
            self,
            Self::Health
                | Self::SpecialEducationalNeedsAndDisability
                | Self::Ethnicity
                | Self::ReligionOrBelief
                | Self::Other { .. }
        )
    }
}

/// The recipient of a sharing request: a particular carer, professional or agency,
/// described fully enough to match a consent's scope and to know whether it has a
/// safeguarding role.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Recipient {
    /// A carer.
    Carer {
        /// The carer.
        id: CarerId,
    },
    /// A professional, with their role and agency.
    #[serde(rename_all = "camelCase")]
    Professional {
        /// The professional.
        id: ProfessionalId,
        /// Their role.
        role: ProfessionalRole,
        /// Their agency.
        agency: AgencyId,
        /// The kind of their agency.
        agency_kind: AgencyKind,
    },
    /// An agency as a whole (a team's secure inbox).
    #[serde(rename_all = "camelCase")]
    Agency {
        /// The agency.
        id: AgencyId,
        /// Its kind.
        agency_kind: AgencyKind,
    },
}

impl Recipient {
    /// The recipient's agency: a professional's, or the agency itself; none for a
    /// carer.
    pub fn agency(&self) -> Option<AgencyId> {
        match self {
            Self::Professional { agency, .. } => Some(*agency),
            Self::Agency { id, .. } => Some(*id),
            Self::Carer { .. } => None,
        }
    }

    /// Whether the recipient is a relevant person to whom the duty to share is owed
    /// (Children Act 2004 s.16LA): a professional or an agency of a kind the duty
    /// names (see `partnership_core::AgencyKind::is_relevant_person`). A carer never
    /// is.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::consent::Recipient;
    /// use partnership::core::{AgencyId, AgencyKind, CarerId};
    ///
    /// assert!(Recipient::Agency { id: AgencyId::random(), agency_kind: AgencyKind::School }.is_relevant_person());
    /// assert!(!Recipient::Carer { id: CarerId::random() }.is_relevant_person());
    /// ```
    pub fn is_relevant_person(&self) -> bool {
        match self {
            Self::Professional { agency_kind, .. } | Self::Agency { agency_kind, .. } => {
                agency_kind.is_relevant_person()
            }
            Self::Carer { .. } => false,
        }
    }

    /// Whether the recipient has a safeguarding role, so that information may be
    /// shared with it under a safeguarding justification: the statutory safeguarding
    /// partners' agencies (children's social care, police, health), and social
    /// workers, independent reviewing officers and designated safeguarding leads
    /// wherever they work. Carers never have one in this sense.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::consent::Recipient;
    /// use partnership::core::{AgencyId, AgencyKind, ProfessionalId, ProfessionalRole};
    ///
    /// let dsl = Recipient::Professional {
    ///     id: ProfessionalId::random(),
    ///     role: ProfessionalRole::DesignatedSafeguardingLead,
    ///     agency: AgencyId::random(),
    ///     agency_kind: AgencyKind::School,
    /// };
    /// assert!(dsl.has_safeguarding_role());
    /// let club = Recipient::Agency { id: AgencyId::random(), agency_kind: AgencyKind::VoluntarySector };
    /// assert!(!club.has_safeguarding_role());
    /// ```
    pub fn has_safeguarding_role(&self) -> bool {
        let agency_has = |kind: &AgencyKind| {
            matches!(
                kind,
                AgencyKind::SocialCare | AgencyKind::Police | AgencyKind::Health
            )
        };
        match self {
            Self::Carer { .. } => false,
            Self::Professional {
                role, agency_kind, ..
            } => {
                agency_has(agency_kind)
                    || matches!(
                        role,
                        ProfessionalRole::SocialWorker
                            | ProfessionalRole::IndependentReviewingOfficer
                            | ProfessionalRole::DesignatedSafeguardingLead
                    )
            }
            Self::Agency { agency_kind, .. } => agency_has(agency_kind),
        }
    }
}

/// Who a consent or a withholding rule reaches: a particular carer, professional or
/// agency, every agency of a kind, or every professional in a role.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum RecipientScope {
    /// A particular carer.
    Carer {
        /// The carer.
        id: CarerId,
    },
    /// A particular professional.
    Professional {
        /// The professional.
        id: ProfessionalId,
    },
    /// A particular agency, and every professional in it.
    Agency {
        /// The agency.
        id: AgencyId,
    },
    /// Every agency of a kind, and every professional in one.
    #[serde(rename_all = "camelCase")]
    AgencyKind {
        /// The kind of agency.
        agency_kind: AgencyKind,
    },
    /// Every professional in a role.
    Role {
        /// The role.
        role: ProfessionalRole,
    },
}

impl RecipientScope {
    /// Whether this scope reaches `recipient`.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::consent::{Recipient, RecipientScope};
    /// use partnership::core::{AgencyId, AgencyKind, ProfessionalId, ProfessionalRole};
    ///
    /// let slt = Recipient::Professional {
    ///     id: ProfessionalId::random(),
    ///     role: ProfessionalRole::SpeechAndLanguageTherapist,
    ///     agency: AgencyId::random(),
    ///     agency_kind: AgencyKind::Health,
    /// };
    /// assert!(RecipientScope::Role { role: ProfessionalRole::SpeechAndLanguageTherapist }.covers(&slt));
    /// assert!(!RecipientScope::AgencyKind { agency_kind: AgencyKind::School }.covers(&slt));
    /// ```
    ///
    /// Roles and kinds of agency written as `other` match whatever their case:
    /// a rule about "Therapist" reaches a "therapist".
    pub fn covers(&self, recipient: &Recipient) -> bool {
        match (self, recipient) {
            (Self::Carer { id }, Recipient::Carer { id: r }) => id == r,
            (Self::Professional { id }, Recipient::Professional { id: r, .. }) => id == r,
            (Self::Agency { id }, Recipient::Professional { agency, .. }) => id == agency,
            (Self::Agency { id }, Recipient::Agency { id: r, .. }) => id == r,
            (
                Self::AgencyKind { agency_kind },
                Recipient::Professional { agency_kind: r, .. }
                | Recipient::Agency { agency_kind: r, .. },
            ) => agency_kind.same_choice(r),
            (Self::Role { role }, Recipient::Professional { role: r, .. }) => role.same_choice(r),
            _ => false,
        }
    }
}

/// What a consent covers: purposes, recipients and categories of information. Each
/// list holds at least one entry and none twice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scope {
    /// The purposes the information may be used for.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub purposes: Vec<Purpose>,
    /// Who may receive it.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub recipients: Vec<RecipientScope>,
    /// What information.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub data_categories: Vec<DataCategory>,
}

impl Scope {
    /// Whether this scope covers sharing `category` with `recipient` for `purpose`.
    /// Purposes and categories written as `other` match whatever their case.
    pub fn covers(
        &self,
        recipient: &Recipient,
        purpose: &Purpose,
        category: &DataCategory,
    ) -> bool {
        self.covers_purpose(purpose)
            && self.covers_category(category)
            && self.recipients.iter().any(|r| r.covers(recipient))
    }

    /// Whether the scope lists `purpose`.
    pub fn covers_purpose(&self, purpose: &Purpose) -> bool {
        self.purposes.iter().any(|p| p.same_choice(purpose))
    }

    /// Whether the scope lists `category`.
    pub fn covers_category(&self, category: &DataCategory) -> bool {
        self.data_categories.iter().any(|c| c.same_choice(category))
    }

    /// Whether every purpose, recipient and category of `other` is also in this scope:
    /// a consent given by a competent child may not reach further than the decision
    /// the child was assessed as competent to make.
    pub fn includes(&self, other: &Self) -> bool {
        other.purposes.iter().all(|p| self.covers_purpose(p))
            && other
                .data_categories
                .iter()
                .all(|c| self.covers_category(c))
            && other.recipients.iter().all(|r| self.recipients.contains(r))
    }

    /// Checks that each list holds at least one entry and none twice; `field` is the
    /// scope's place in its document, for the error.
    pub(crate) fn check(&self, field: ScopeField) -> Result<(), ConsentError> {
        non_empty_unique(&self.purposes, field.purposes)?;
        non_empty_unique(&self.recipients, field.recipients)?;
        non_empty_unique(&self.data_categories, field.data_categories)
    }
}

/// Where a scope's lists are in a document, for its errors.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ScopeField {
    pub(crate) purposes: &'static str,
    pub(crate) recipients: &'static str,
    pub(crate) data_categories: &'static str,
}

impl ScopeField {
    /// A scope under `scope` in a consent record.
    pub(crate) const CONSENT: Self = Self {
        purposes: "scope/purposes",
        recipients: "scope/recipients",
        data_categories: "scope/dataCategories",
    };
    /// A scope under `decision` in a competence assessment.
    pub(crate) const ASSESSMENT: Self = Self {
        purposes: "decision/purposes",
        recipients: "decision/recipients",
        data_categories: "decision/dataCategories",
    };
}
