//! [`Carer`]: who cares for the child, and on what legal footing.

use std::fmt;

use chrono::NaiveDate;
use partnership_core::{CarerId, Label, Sensitive, no_repeats};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    AdjustmentRequest, CarersError, CommunicationPreferences, CulturalConsiderations, Involvement,
    SupportItem,
};

partnership_core::labelled_enum! {
    /// How a carer is related to the child.
    ///
    /// The relationship says who the person is; [`LegalStanding`] says what they may
    /// decide. A kinship carer may be informal, an approved foster carer, a special
    /// guardian or hold a child arrangements order: record both (docs/domain.md section 2).
    pub enum Relationship {
        /// Birth mother or father.
        BirthParent => "birth-parent", "birth parent";
        /// The second female parent: the mother's wife or civil partner, or another
        /// woman who is the child's legal parent under the Human Fertilisation and
        /// Embryology Act 2008 (ss.42-43), for a child conceived by assisted
        /// reproduction; a parent in law, as the father is.
        SecondFemaleParent => "second-female-parent", "second female parent";
        /// Adoptive parent.
        AdoptiveParent => "adoptive-parent", "adoptive parent";
        /// Step-parent.
        StepParent => "step-parent", "step-parent";
        /// Foster carer (never holds parental responsibility in that role).
        FosterCarer => "foster-carer", "foster carer";
        /// Kinship carer: a relative or friend caring for the child.
        KinshipCarer => "kinship-carer", "kinship carer";
        /// Special guardian under a special guardianship order.
        SpecialGuardian => "special-guardian", "special guardian";
        /// Grandparent.
        Grandparent => "grandparent", "grandparent";
        /// Brother or sister.
        Sibling => "sibling", "sibling";
        /// Another relative: aunt, uncle, cousin.
        OtherRelative => "other-relative", "other relative";
        /// Residential care worker or key worker in a children's home (never holds
        /// parental responsibility in that role).
        ResidentialCareWorker => "residential-care-worker", "residential care worker";
    }
    /// Anyone else.
    Other { label: Label => "The relationship, in words." }
}

impl Relationship {
    /// Whether this role acts under delegated authority and can never hold parental
    /// responsibility as such.
    pub const fn never_holds_parental_responsibility(&self) -> bool {
        matches!(self, Self::FosterCarer | Self::ResidentialCareWorker)
    }

    /// Whether the role is a parent in law: a birth parent, a second female parent or
    /// an adoptive parent. A step-parent is not, which is why a step-parent acquires
    /// parental responsibility by agreement or order (Children Act 1989 s.4A); a parent
    /// can be neither a special guardian (s.14A(2)(b)) nor a guardian (s.5), and gets
    /// parental responsibility with a child arrangements order by a separate order
    /// (s.12(1), (1A)).
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
    /// use partnership::carers::Relationship;
    ///
    /// assert!(Relationship::SecondFemaleParent.is_parent());
    /// assert!(!Relationship::StepParent.is_parent());
    /// ```
    pub const fn is_parent(&self) -> bool {
        matches!(
            self,
            Self::BirthParent | Self::SecondFemaleParent | Self::AdoptiveParent
        )
    }

    /// The basis on which this role always holds parental responsibility, if it is
    /// one that does: a special guardian under the special guardianship order (Children
    /// Act 1989 s.14C(1)(a)), an adoptive parent under the adoption order (Adoption and
    /// Children Act 2002 s.46(1)). Recording such a carer with any other standing is
    /// refused.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
    /// use partnership::carers::{ParentalResponsibilityBasis, Relationship};
    ///
    /// assert_eq!(
    ///     Relationship::SpecialGuardian.always_holds_parental_responsibility(),
    ///     Some(ParentalResponsibilityBasis::SpecialGuardianshipOrder)
    /// );
    /// assert_eq!(Relationship::Grandparent.always_holds_parental_responsibility(), None);
    /// ```
    pub const fn always_holds_parental_responsibility(
        &self,
    ) -> Option<ParentalResponsibilityBasis> {
        match self {
            Self::SpecialGuardian => Some(ParentalResponsibilityBasis::SpecialGuardianshipOrder),
            Self::AdoptiveParent => Some(ParentalResponsibilityBasis::AdoptionOrder),
            _ => None,
        }
    }
}

/// A carer's legal standing towards the child (Children Act 1989).
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
/// use partnership::carers::{DelegatedArea, LegalStanding, ParentalResponsibilityBasis};
///
/// let mother = LegalStanding::ParentalResponsibility {
///     basis: ParentalResponsibilityBasis::BirthMother,
///     since: None,
///     until: None,
/// };
/// assert!(mother.has_authority_for(&DelegatedArea::OvernightStays));
///
/// let foster = LegalStanding::DelegatedAuthority {
///     areas: vec![DelegatedArea::Education, DelegatedArea::HaircutsAndAppearance],
///     placement_plan_dated: None,
/// };
/// assert!(foster.has_authority_for(&DelegatedArea::Education));
/// assert!(!foster.has_authority_for(&DelegatedArea::OvernightStays));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum LegalStanding {
    /// Holds parental responsibility.
    #[serde(rename_all = "camelCase")]
    ParentalResponsibility {
        /// How parental responsibility was acquired.
        basis: ParentalResponsibilityBasis,
        /// From when, if known; required for `named-on-birth-register`, where it is
        /// the date of the registration (or re-registration) naming the father.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
        since: Option<NaiveDate>,
        /// Until when, for responsibility that lasts only while an order does (a
        /// child arrangements order naming the carer as someone the child lives with).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
        until: Option<NaiveDate>,
    },
    /// Acts under authority delegated in the child's placement plan (foster carers,
    /// residential care staff), area by area.
    #[serde(rename_all = "camelCase")]
    DelegatedAuthority {
        /// The areas of day-to-day decision delegated to the carer.
        #[schemars(length(min = 1), extend("uniqueItems" = true))]
        areas: Vec<DelegatedArea>,
        /// The date of the placement plan that sets out the delegation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
        placement_plan_dated: Option<NaiveDate>,
    },
    /// Neither parental responsibility nor delegated authority (for example an
    /// informal kinship carer, or a parent without parental responsibility).
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    None,
    /// Not yet established: find out before relying on this carer's consent.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    Unknown,
}

impl LegalStanding {
    /// Whether the carer holds parental responsibility.
    pub const fn holds_parental_responsibility(&self) -> bool {
        matches!(self, Self::ParentalResponsibility { .. })
    }

    /// Whether the carer may make decisions in `area`: always with parental
    /// responsibility, only for delegated areas under delegated authority, never
    /// otherwise. Who may consent is a per-decision question; to ask it for a
    /// particular day, use [`has_authority_for_on`](Self::has_authority_for_on).
    pub fn has_authority_for(&self, area: &DelegatedArea) -> bool {
        match self {
            Self::ParentalResponsibility { .. } => true,
            Self::DelegatedAuthority { areas, .. } => areas.iter().any(|a| a.same_choice(area)),
            Self::None | Self::Unknown => false,
        }
    }

    /// Whether the carer holds parental responsibility on `date`: responsibility
    /// recorded `since` or `until` a date counts only on the days from `since` to
    /// `until`, both included (docs/domain.md section 2). Without dates it is held on every
    /// day.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::carers::{LegalStanding, ParentalResponsibilityBasis};
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("no such date");
    /// let order = LegalStanding::ParentalResponsibility {
    ///     basis: ParentalResponsibilityBasis::ChildArrangementsOrder,
    ///     since: Some(d(2023, 4, 1)?),
    ///     until: Some(d(2025, 3, 31)?),
    /// };
    /// assert!(order.holds_parental_responsibility_on(d(2024, 6, 1)?));
    /// assert!(order.holds_parental_responsibility_on(d(2025, 3, 31)?));
    /// assert!(!order.holds_parental_responsibility_on(d(2025, 4, 1)?));
    /// assert!(!order.holds_parental_responsibility_on(d(2023, 3, 31)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holds_parental_responsibility_on(&self, date: NaiveDate) -> bool {
        match self {
            Self::ParentalResponsibility { since, until, .. } => {
                since.is_none_or(|s| s <= date) && until.is_none_or(|u| date <= u)
            }
            _ => false,
        }
    }

    /// Whether the carer may decide in `area` on `date`: parental responsibility held
    /// that day, or authority for the area delegated by a placement plan dated on or
    /// before it.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::carers::{DelegatedArea, LegalStanding};
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("no such date");
    /// let foster = LegalStanding::DelegatedAuthority {
    ///     areas: vec![DelegatedArea::InformationSharing],
    ///     placement_plan_dated: Some(d(2026, 9, 1)?),
    /// };
    /// assert!(foster.has_authority_for_on(&DelegatedArea::InformationSharing, d(2026, 9, 1)?));
    /// assert!(!foster.has_authority_for_on(&DelegatedArea::InformationSharing, d(2026, 8, 31)?));
    /// assert!(!foster.has_authority_for_on(&DelegatedArea::Health, d(2026, 10, 1)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn has_authority_for_on(&self, area: &DelegatedArea, date: NaiveDate) -> bool {
        match self {
            Self::ParentalResponsibility { .. } => self.holds_parental_responsibility_on(date),
            Self::DelegatedAuthority {
                placement_plan_dated,
                ..
            } => self.has_authority_for(area) && placement_plan_dated.is_none_or(|p| p <= date),
            Self::None | Self::Unknown => false,
        }
    }
}

impl fmt::Display for LegalStanding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ParentalResponsibility { basis, .. } => {
                write!(f, "holds parental responsibility ({basis})")
            }
            Self::DelegatedAuthority { areas, .. } => {
                write!(f, "delegated authority for ")?;
                for (i, area) in areas.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{area}")?;
                }
                Ok(())
            }
            Self::None => f.write_str("no parental responsibility or delegated authority"),
            Self::Unknown => f.write_str("legal standing not yet established"),
        }
    }
}

partnership_core::labelled_enum! {
    /// How parental responsibility was acquired (Children Act 1989, England and Wales).
    pub enum ParentalResponsibilityBasis {
        /// The birth mother always has parental responsibility.
        BirthMother => "birth-mother", "birth mother";
        /// Married to (or in a civil partnership with) the mother at the birth.
        MarriedToMotherAtBirth => "married-to-mother-at-birth", "married to the mother at the birth";
        /// A father named on the birth register, for registrations from 1 December 2003
        /// (the registration date goes in `since`).
        NamedOnBirthRegister => "named-on-birth-register", "named on the birth register";
        /// A parental responsibility agreement with the mother (or, for a step-parent,
        /// with those who hold parental responsibility).
        ParentalResponsibilityAgreement => "parental-responsibility-agreement", "parental responsibility agreement";
        /// A parental responsibility order made by a court.
        ParentalResponsibilityOrder => "parental-responsibility-order", "parental responsibility order";
        /// An adoption order.
        AdoptionOrder => "adoption-order", "adoption order";
        /// A special guardianship order (the guardian may exercise it to the exclusion of others).
        SpecialGuardianshipOrder => "special-guardianship-order", "special guardianship order";
        /// A child arrangements order naming the carer as someone the child lives with,
        /// for as long as the order lasts.
        ChildArrangementsOrder => "child-arrangements-order", "child arrangements order";
        /// Appointment as the child's guardian, by a parent's will or written
        /// appointment or by a court, taking effect when no parent with parental
        /// responsibility is living (Children Act 1989 s.5).
        Guardianship => "guardianship", "appointment as guardian";
    }
    /// Any other basis.
    Other { label: Label => "The basis, in words." }
}

/// Who can hold parental responsibility on each basis, by statute (Children Act 1989
/// unless said otherwise; England and Wales). [`Carer::try_from`] refuses any other
/// pairing; foster carers and residential care workers never hold it in that role.
///
/// | basis | who can hold it that way | section |
/// |---|---|---|
/// | birth mother | a birth parent (the mother) | s.2(1), s.2(2)(a) |
/// | married to the mother at the birth | a birth parent (the father); a second female parent | s.2(1), s.2(1A) |
/// | named on the birth register | a birth parent (the father), registrations from 1 December 2003; a second female parent, from 1 September 2009 | s.4(1)(a), s.4ZA(1)(a) |
/// | parental responsibility agreement or order | a birth parent (the father); a second female parent; a step-parent | s.4(1)(b)-(c), s.4ZA(1)(b)-(c), s.4A(1) |
/// | child arrangements order naming the carer as one the child lives with | anyone who is not a parent, while the order lasts (a parent gets a parental responsibility order with it: s.12(1)) | s.12(2) |
/// | special guardianship order | anyone who is not a parent; a special guardian always holds it this way | s.14A(2)(b), s.14C(1)(a) |
/// | adoption order | an adoptive parent, who always holds it this way | Adoption and Children Act 2002 s.46(1) |
/// | appointment as guardian | anyone who is not a parent | s.5(6) |
/// | another basis, in words | anyone | not checked |
///
/// The local authority shares parental responsibility under a care order (s.33(3));
/// it is not a carer, and is recorded where it acts: a consent given under
/// `ActingAuthority::CareOrder` in the consent crate, with the order's dates.
///
/// This is this library's reading of the sections; the relationship records who the
/// person is to the child, so a father and a mother are both a birth parent and the
/// library cannot tell a father from a mother recorded with the father's basis.
impl ParentalResponsibilityBasis {
    /// Whether someone with `relationship` to the child can hold parental
    /// responsibility on this basis (see the table on this type's `impl`).
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
    /// use partnership::carers::{ParentalResponsibilityBasis as Basis, Relationship};
    ///
    /// assert!(Basis::ParentalResponsibilityAgreement.can_be_held_by(&Relationship::StepParent));
    /// assert!(!Basis::ParentalResponsibilityAgreement.can_be_held_by(&Relationship::Grandparent));
    /// assert!(!Basis::SpecialGuardianshipOrder.can_be_held_by(&Relationship::BirthParent));
    /// assert!(Basis::SpecialGuardianshipOrder.can_be_held_by(&Relationship::Grandparent));
    /// ```
    pub fn can_be_held_by(&self, relationship: &Relationship) -> bool {
        use Relationship as R;
        if relationship.never_holds_parental_responsibility() {
            return false;
        }
        match self {
            Self::BirthMother => matches!(relationship, R::BirthParent),
            Self::MarriedToMotherAtBirth | Self::NamedOnBirthRegister => {
                matches!(relationship, R::BirthParent | R::SecondFemaleParent)
            }
            Self::ParentalResponsibilityAgreement | Self::ParentalResponsibilityOrder => {
                matches!(
                    relationship,
                    R::BirthParent | R::SecondFemaleParent | R::StepParent
                )
            }
            Self::AdoptionOrder => matches!(relationship, R::AdoptiveParent),
            Self::ChildArrangementsOrder | Self::SpecialGuardianshipOrder | Self::Guardianship => {
                !relationship.is_parent()
            }
            Self::Other { .. } => true,
        }
    }

    /// Who can hold parental responsibility on this basis, in words, for messages.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
    /// use partnership::carers::ParentalResponsibilityBasis as Basis;
    ///
    /// assert_eq!(Basis::SpecialGuardianshipOrder.holders(), "someone who is not a parent of the child");
    /// ```
    pub const fn holders(&self) -> &'static str {
        match self {
            Self::BirthMother => "a birth parent",
            Self::MarriedToMotherAtBirth | Self::NamedOnBirthRegister => {
                "a birth parent or a second female parent"
            }
            Self::ParentalResponsibilityAgreement | Self::ParentalResponsibilityOrder => {
                "a birth parent, a second female parent or a step-parent"
            }
            Self::AdoptionOrder => "an adoptive parent",
            Self::ChildArrangementsOrder | Self::SpecialGuardianshipOrder | Self::Guardianship => {
                "someone who is not a parent of the child"
            }
            Self::Other { .. } => "anyone",
        }
    }

    /// The sections that give parental responsibility on this basis.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
    /// use partnership::carers::ParentalResponsibilityBasis as Basis;
    ///
    /// assert_eq!(Basis::SpecialGuardianshipOrder.section(), "Children Act 1989 s.14A(2)(b), s.14C(1)(a)");
    /// ```
    pub const fn section(&self) -> &'static str {
        match self {
            Self::BirthMother => "Children Act 1989 s.2(1), s.2(2)(a)",
            Self::MarriedToMotherAtBirth => "Children Act 1989 s.2(1), s.2(1A)",
            Self::NamedOnBirthRegister => "Children Act 1989 s.4(1)(a), s.4ZA(1)(a)",
            Self::ParentalResponsibilityAgreement => {
                "Children Act 1989 s.4(1)(b), s.4ZA(1)(b), s.4A(1)(a)"
            }
            Self::ParentalResponsibilityOrder => {
                "Children Act 1989 s.4(1)(c), s.4ZA(1)(c), s.4A(1)(b)"
            }
            Self::AdoptionOrder => "Adoption and Children Act 2002 s.46(1)",
            Self::SpecialGuardianshipOrder => "Children Act 1989 s.14A(2)(b), s.14C(1)(a)",
            Self::ChildArrangementsOrder => "Children Act 1989 s.12(1), s.12(2)",
            Self::Guardianship => "Children Act 1989 s.5(6)",
            Self::Other { .. } => "none recorded",
        }
    }
}

partnership_core::labelled_enum! {
    /// An area of day-to-day decision that a placement plan can delegate to a foster
    /// carer or residential care worker.
    pub enum DelegatedArea {
        /// Routine health care: GP and dental appointments, minor treatment.
        Health => "health", "health";
        /// Education: parents' evenings, school trips, homework, school forms.
        Education => "education", "education";
        /// Leisure activities and day trips.
        LeisureAndTrips => "leisure-and-trips", "leisure and trips";
        /// Faith and religious observance.
        Faith => "faith", "faith";
        /// Social media, phones and internet use.
        SocialMediaAndPhones => "social-media-and-phones", "social media and phones";
        /// Haircuts and appearance.
        HaircutsAndAppearance => "haircuts-and-appearance", "haircuts and appearance";
        /// Overnight stays with friends.
        OvernightStays => "overnight-stays", "overnight stays";
        /// Holidays, in the UK or abroad.
        Holidays => "holidays", "holidays";
        /// Sharing information about the child with other services.
        InformationSharing => "information-sharing", "information sharing";
    }
    /// Any other area.
    Other { label: Label => "The area, in words." }
}

/// The plain fields of a [`Carer`]; convert with `Carer::try_from`, which checks them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CarerParts {
    /// The carer's id.
    pub id: CarerId,
    /// The carer's name. Personal data.
    pub name: Sensitive<Label>,
    /// How the carer is related to the child.
    pub relationship: Relationship,
    /// What the carer may decide for the child. Foster carers and residential care
    /// workers never hold parental responsibility in that role.
    pub legal_standing: LegalStanding,
    /// Whether the child lives with this carer.
    pub lives_with_child: bool,
    /// Whether this carer is the first person to contact.
    pub primary_contact: bool,
    /// How, when and in what language to communicate with the carer.
    pub communication: CommunicationPreferences,
    /// Cultural and personal considerations to respect.
    #[serde(default, skip_serializing_if = "CulturalConsiderations::is_empty")]
    pub considerations: CulturalConsiderations,
    /// Support the carer needs or has been offered; ids unique.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub support: Vec<SupportItem>,
    /// Requests for reasonable adjustments the carer made, for the child or for
    /// themselves (Equality Act 2010 s.20); ids unique.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<AdjustmentRequest>,
    /// Whether the carer is involved in every discussion, or restricted by a recorded decision.
    #[serde(default)]
    pub involvement: Involvement,
}

impl CarerParts {
    /// The parts of a carer who lives apart from the child, is not the primary
    /// contact, has no recorded considerations or support and is involved in every
    /// discussion: set the fields that differ, then check them with
    /// [`Carer::try_from`].
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
    /// use partnership::carers::*;
    /// use partnership::core::{CarerId, Label};
    ///
    /// let mut parts = CarerParts::new(
    ///     CarerId::random(),
    ///     Label::new("Aisha Ahmed")?,
    ///     Relationship::Grandparent,
    ///     LegalStanding::None,
    ///     CommunicationPreferences::in_language(LanguageTag::parse("ar")?),
    /// );
    /// parts.lives_with_child = true;
    /// let grandma = Carer::try_from(parts)?;
    /// assert!(!grandma.legal_standing().holds_parental_responsibility());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: CarerId,
        name: Label,
        relationship: Relationship,
        legal_standing: LegalStanding,
        communication: CommunicationPreferences,
    ) -> Self {
        Self {
            id,
            name: Sensitive::new(name),
            relationship,
            legal_standing,
            lives_with_child: false,
            primary_contact: false,
            communication,
            considerations: CulturalConsiderations::default(),
            support: Vec::new(),
            adjustments: Vec::new(),
            involvement: Involvement::Involved,
        }
    }
}

/// The date from which being named on the birth register gives an unmarried father
/// parental responsibility (Adoption and Children Act 2002 s111, amending Children
/// Act 1989 s4, in force for registrations from this date).
const REGISTRATION_GIVES_PR_FROM: (i32, u32, u32) = (2003, 12, 1);

/// The date from which being named on the birth register gives a second female parent
/// parental responsibility (Children Act 1989 s.4ZA, inserted by the Human Fertilisation
/// and Embryology Act 2008 Sch 6, in force from 1 September 2009).
const REGISTRATION_GIVES_SECOND_FEMALE_PARENT_PR_FROM: (i32, u32, u32) = (2009, 9, 1);

/// The refusal of a special guardian or adoptive parent recorded without the
/// parental responsibility their role always carries.
fn always_holds(relationship: &Relationship, basis: &ParentalResponsibilityBasis) -> CarersError {
    CarersError::AlwaysHoldsParentalResponsibility {
        relationship: match relationship {
            Relationship::AdoptiveParent => "an adoptive parent",
            Relationship::SpecialGuardian => "a special guardian",
            _ => "this carer",
        },
        basis: basis.fixed_words().unwrap_or("the basis recorded"),
        section: basis.section(),
    }
}

fn check_carer(parts: &CarerParts) -> Result<(), CarersError> {
    if let Some(always) = parts.relationship.always_holds_parental_responsibility()
        && !parts.legal_standing.holds_parental_responsibility()
    {
        return Err(always_holds(&parts.relationship, &always));
    }
    if let LegalStanding::ParentalResponsibility {
        basis,
        since,
        until,
    } = &parts.legal_standing
    {
        if parts.relationship.never_holds_parental_responsibility() {
            return Err(CarersError::ParentalResponsibilityNotHeldInRole {
                relationship: match parts.relationship {
                    Relationship::FosterCarer => "foster carer",
                    _ => "residential care worker",
                },
            });
        }
        if !basis.can_be_held_by(&parts.relationship) {
            return Err(CarersError::BasisDoesNotFitRelationship {
                basis: basis.fixed_words().unwrap_or("the basis recorded"),
                holder: basis.holders(),
                section: basis.section(),
            });
        }
        if let Some(always) = parts.relationship.always_holds_parental_responsibility()
            && !always.same_choice(basis)
        {
            return Err(always_holds(&parts.relationship, &always));
        }
        if *basis == ParentalResponsibilityBasis::NamedOnBirthRegister {
            let Some(registered_on) = since else {
                return Err(CarersError::RegistrationDateMissing);
            };
            let second_female_parent = parts.relationship == Relationship::SecondFemaleParent;
            let (y, m, d) = if second_female_parent {
                REGISTRATION_GIVES_SECOND_FEMALE_PARENT_PR_FROM
            } else {
                REGISTRATION_GIVES_PR_FROM
            };
            if NaiveDate::from_ymd_opt(y, m, d).is_some_and(|from| *registered_on < from) {
                return Err(if second_female_parent {
                    CarersError::RegisteredBeforeSeptember2009
                } else {
                    CarersError::RegisteredBeforeDecember2003
                });
            }
        }
        if let (Some(since), Some(until)) = (since, until)
            && until < since
        {
            return Err(CarersError::PeriodEndsBeforeStart {
                field: "legalStanding/until",
            });
        }
    }
    if let LegalStanding::DelegatedAuthority { areas, .. } = &parts.legal_standing {
        if areas.is_empty() {
            return Err(CarersError::NoDelegatedAreas);
        }
        no_repeats(areas.iter(), "legalStanding/areas")?;
    }
    no_repeats(
        parts.communication.channels.iter(),
        "communication/channels",
    )?;
    no_repeats(parts.support.iter().map(|s| s.id), "support")?;
    for (index, item) in parts.support.iter().enumerate() {
        if item.status_since < item.identified_on {
            return Err(CarersError::SupportStatusBeforeIdentified { index });
        }
    }
    no_repeats(parts.adjustments.iter().map(|a| a.id), "adjustments")?;
    for (index, request) in parts.adjustments.iter().enumerate() {
        if let Some((field, rule)) = request.out_of_order() {
            return Err(CarersError::AdjustmentOutOfOrder { index, field, rule });
        }
    }
    Ok(())
}

partnership_core::validated! {
    /// A person who cares for the child: a parent, foster carer, kinship carer,
    /// special guardian or residential care worker.
    ///
    /// Built from [`CarerParts`] with `try_from`, which checks the legal standing
    /// against the relationship (a foster carer or residential care worker recorded
    /// as holding parental responsibility is an error), that delegated authority
    /// lists what is delegated, that no channel or support item repeats, and that
    /// dates are in order. Reading a carer from JSON runs the same checks.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
    /// use partnership::carers::*;
    /// use partnership::core::{CarerId, Label, Sensitive};
    ///
    /// let parts = CarerParts {
    ///     id: CarerId::random(),
    ///     name: Sensitive::new(Label::new("Joanne Baker").unwrap()),
    ///     relationship: Relationship::FosterCarer,
    ///     legal_standing: LegalStanding::DelegatedAuthority {
    ///         areas: vec![DelegatedArea::Education, DelegatedArea::Health],
    ///         placement_plan_dated: None,
    ///     },
    ///     lives_with_child: true,
    ///     primary_contact: true,
    ///     communication: CommunicationPreferences::in_language(LanguageTag::parse("en").unwrap()),
    ///     considerations: CulturalConsiderations::default(),
    ///     support: vec![],
    ///     adjustments: vec![],
    ///     involvement: Involvement::Involved,
    /// };
    /// let carer = Carer::try_from(parts.clone()).unwrap();
    /// assert!(!carer.legal_standing().holds_parental_responsibility());
    /// assert!(!format!("{carer:?}").contains("Joanne"));
    ///
    /// // A foster carer never holds parental responsibility in that role.
    /// let wrong = CarerParts {
    ///     legal_standing: LegalStanding::ParentalResponsibility {
    ///         basis: ParentalResponsibilityBasis::ParentalResponsibilityOrder,
    ///         since: None,
    ///         until: None,
    ///     },
    ///     ..parts
    /// };
    /// assert!(matches!(
    ///     Carer::try_from(wrong),
    ///     Err(CarersError::ParentalResponsibilityNotHeldInRole { .. })
    /// ));
    /// ```
    #[derive(Clone, PartialEq, Eq)]
    pub struct Carer(CarerParts);
    check = check_carer;
    error = CarersError;
}

impl Carer {
    /// The carer's id.
    pub fn id(&self) -> CarerId {
        self.0.id
    }

    /// The carer's name. Personal data.
    pub fn name(&self) -> &Sensitive<Label> {
        &self.0.name
    }

    /// How the carer is related to the child.
    pub fn relationship(&self) -> &Relationship {
        &self.0.relationship
    }

    /// What the carer may decide for the child. Foster carers and residential care
    /// workers never hold parental responsibility in that role.
    pub fn legal_standing(&self) -> &LegalStanding {
        &self.0.legal_standing
    }

    /// Whether the child lives with this carer.
    pub fn lives_with_child(&self) -> bool {
        self.0.lives_with_child
    }

    /// Whether this carer is the first person to contact.
    pub fn primary_contact(&self) -> bool {
        self.0.primary_contact
    }

    /// How, when and in what language to communicate with the carer.
    pub fn communication(&self) -> &CommunicationPreferences {
        &self.0.communication
    }

    /// Cultural and personal considerations to respect.
    pub fn considerations(&self) -> &CulturalConsiderations {
        &self.0.considerations
    }

    /// Requests for reasonable adjustments the carer made, for the child or
    /// themselves.
    pub fn adjustments(&self) -> &[AdjustmentRequest] {
        &self.0.adjustments
    }

    /// Support the carer needs or has been offered; ids unique.
    pub fn support(&self) -> &[SupportItem] {
        &self.0.support
    }

    /// Whether the carer is involved in every discussion, or restricted by a recorded decision.
    pub fn involvement(&self) -> &Involvement {
        &self.0.involvement
    }
}

impl Carer {
    /// A one-line description free of personal data, for summaries and logs:
    /// relationship, legal standing and living arrangement.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
    /// # use partnership::carers::*;
    /// # use partnership::core::{CarerId, Label, Sensitive};
    /// # let carer = Carer::try_from(CarerParts {
    /// #     id: CarerId::random(), name: Sensitive::new(Label::new("Mo").unwrap()),
    /// #     relationship: Relationship::Grandparent, legal_standing: LegalStanding::None,
    /// #     lives_with_child: true, primary_contact: false,
    /// #     communication: CommunicationPreferences::in_language(LanguageTag::parse("en").unwrap()),
    /// #     considerations: Default::default(), support: vec![], adjustments: vec![], involvement: Involvement::Involved,
    /// # }).unwrap();
    /// assert_eq!(
    ///     carer.describe(),
    ///     "grandparent, no parental responsibility or delegated authority, lives with the child"
    /// );
    /// ```
    pub fn describe(&self) -> String {
        let home = if self.lives_with_child() {
            "lives with the child"
        } else {
            "lives apart from the child"
        };
        format!("{}, {}, {home}", self.relationship(), self.legal_standing())
    }
}
