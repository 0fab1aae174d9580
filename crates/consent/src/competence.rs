//! [`CompetenceAssessment`]: whether a child under 16 can decide a particular sharing
//! question for themselves (Gillick competence), as a professional assessed it.

use chrono::NaiveDate;
use partnership_core::{ChildId, CompetenceAssessmentId, ProfessionalId};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::scope::ScopeField;
use crate::{ChildCapacity, ConsentError, DataCategory, Purpose, Recipient, Scope};

/// What the professional found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CompetenceFinding {
    /// The child has enough understanding and intelligence to understand fully what is
    /// proposed, and decides this for themselves.
    Competent,
    /// The child is not competent to decide this; those with parental responsibility
    /// decide.
    NotCompetent,
}

/// The plain fields of a [`CompetenceAssessment`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CompetenceAssessmentParts {
    /// The assessment's id.
    pub id: CompetenceAssessmentId,
    /// The child assessed.
    pub child: ChildId,
    /// The professional who assessed.
    pub assessed_by: ProfessionalId,
    /// When.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub assessed_on: NaiveDate,
    /// The decision assessed: sharing which categories, with whom, for what. Competence
    /// is assessed decision by decision, so an assessment speaks only for sharing within
    /// this scope.
    pub decision: Scope,
    /// What the professional found.
    pub finding: CompetenceFinding,
}

fn check_assessment(parts: &CompetenceAssessmentParts) -> Result<(), ConsentError> {
    parts.decision.check(ScopeField::ASSESSMENT)
}

partnership_core::validated! {
    /// A professional's assessment of whether a child under 16 is competent to decide,
    /// for themselves, a particular question about sharing their information (Gillick
    /// competence: enough understanding and intelligence to understand fully what is
    /// proposed). It is dated, names who assessed, and says which decision it is
    /// about.
    ///
    /// The record works out the child's capacity for a sharing decision from these and
    /// the date of birth, never from what a request says: see
    /// [`ChildCapacity::for_decision`].
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::consent::*;
    /// use partnership::core::{ChildId, CompetenceAssessmentId, ProfessionalId, ProfessionalRole};
    ///
    /// let assessment = CompetenceAssessment::try_from(CompetenceAssessmentParts {
    ///     id: CompetenceAssessmentId::random(),
    ///     child: ChildId::random(),
    ///     assessed_by: ProfessionalId::random(),
    ///     assessed_on: NaiveDate::from_ymd_opt(2026, 10, 12).ok_or("no such date")?,
    ///     decision: Scope {
    ///         purposes: vec![Purpose::HealthCare],
    ///         recipients: vec![RecipientScope::Role { role: ProfessionalRole::SchoolNurse }],
    ///         data_categories: vec![DataCategory::Health],
    ///     },
    ///     finding: CompetenceFinding::Competent,
    /// })?;
    /// assert!(matches!(assessment.capacity(), ChildCapacity::Competent { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Clone, PartialEq, Eq)]
    pub struct CompetenceAssessment(CompetenceAssessmentParts);
    check = check_assessment;
    error = ConsentError;
}

impl CompetenceAssessment {
    /// The assessment's id.
    pub fn id(&self) -> CompetenceAssessmentId {
        self.0.id
    }

    /// The child assessed.
    pub fn child(&self) -> ChildId {
        self.0.child
    }

    /// The professional who assessed.
    pub fn assessed_by(&self) -> ProfessionalId {
        self.0.assessed_by
    }

    /// When.
    pub fn assessed_on(&self) -> NaiveDate {
        self.0.assessed_on
    }

    /// The decision assessed: sharing which categories, with whom, for what. Competence
    /// is assessed decision by decision, so an assessment speaks only for sharing within
    /// this scope.
    pub fn decision(&self) -> &Scope {
        &self.0.decision
    }

    /// What the professional found.
    pub fn finding(&self) -> CompetenceFinding {
        self.0.finding
    }
}

impl CompetenceAssessment {
    /// The capacity this assessment records, as a request would state it.
    pub fn capacity(&self) -> ChildCapacity {
        match self.finding() {
            CompetenceFinding::Competent => ChildCapacity::Competent {
                assessed_by: self.assessed_by(),
                assessed_on: self.assessed_on(),
            },
            CompetenceFinding::NotCompetent => ChildCapacity::NotCompetent {
                assessed_by: self.assessed_by(),
                assessed_on: self.assessed_on(),
            },
        }
    }
}

/// The age from which a young person decides about their own information, capacity
/// presumed (Mental Capacity Act 2005; docs/domain.md section 2).
pub const AGE_OF_PRESUMED_CAPACITY: u32 = 16;

impl ChildCapacity {
    /// The child's capacity to decide about sharing one category of their information
    /// with `recipient` for `purpose`, from the record's facts alone: 16 or over on
    /// the decision date, the young person decides; under 16, the latest competence
    /// assessment on or before that date about this decision (this recipient, purpose
    /// and category) says whether the child decides; with none, the child has not
    /// been assessed and those with parental responsibility decide. Of two assessments
    /// on the same day, "not competent" stands, so that a doubt is never read as
    /// competence.
    ///
    /// Capacity is worked out category by category: a question that bundles a
    /// category the child was found competent to decide about with one they were not
    /// assessed for cannot make either answer the other's.
    ///
    /// `age` is the child's age in whole years on `on`.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::consent::*;
    /// use partnership::core::{AgencyId, AgencyKind, ChildId, ProfessionalId, ProfessionalRole};
    ///
    /// let on = NaiveDate::from_ymd_opt(2026, 11, 23).ok_or("no such date")?;
    /// let nurse = Recipient::Professional {
    ///     id: ProfessionalId::random(),
    ///     role: ProfessionalRole::SchoolNurse,
    ///     agency: AgencyId::random(),
    ///     agency_kind: AgencyKind::Health,
    /// };
    /// let asked = |age| {
    ///     ChildCapacity::for_decision(age, &[], ChildId::random(), &nurse, &Purpose::HealthCare, &DataCategory::Health, on)
    /// };
    /// // Seventeen: the young person decides, whatever anyone claims.
    /// assert_eq!(asked(17), ChildCapacity::SixteenOrOver);
    /// // Twelve, and nobody has assessed her for this decision.
    /// assert_eq!(asked(12), ChildCapacity::NotAssessed);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_decision(
        age: u32,
        assessments: &[CompetenceAssessment],
        child: ChildId,
        recipient: &Recipient,
        purpose: &Purpose,
        category: &DataCategory,
        on: NaiveDate,
    ) -> Self {
        if age >= AGE_OF_PRESUMED_CAPACITY {
            return Self::SixteenOrOver;
        }
        assessments
            .iter()
            .filter(|a| a.child() == child && a.assessed_on() <= on)
            .filter(|a| a.decision().covers(recipient, purpose, category))
            .max_by_key(|a| {
                (
                    a.assessed_on(),
                    a.finding() == CompetenceFinding::NotCompetent,
                )
            })
            .map_or(Self::NotAssessed, CompetenceAssessment::capacity)
    }
}
