//! Cultural and personal considerations: what to respect when working with a carer.

use chrono::NaiveDate;
use partnership_core::{DayOfWeek, Label, Sensitive};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

partnership_core::labelled_enum! {
    /// A dietary requirement to respect at meetings and in plans.
    pub enum DietaryRequirement {
        /// Halal.
        Halal => "halal", "halal";
        /// Kosher.
        Kosher => "kosher", "kosher";
        /// Vegetarian.
        Vegetarian => "vegetarian", "vegetarian";
        /// Vegan.
        Vegan => "vegan", "vegan";
        /// No pork.
        NoPork => "no-pork", "no pork";
        /// No beef.
        NoBeef => "no-beef", "no beef";
    }
    /// Anything else. It may reveal health or belief, so the label is personal data.
    Other { label: Sensitive<Label> => "The requirement, in words. Personal data." }
}

/// A religious observance, with the days and dates on which not to hold meetings.
///
/// Religious belief is special category data: the observance's name is
/// [`Sensitive`]; the days to avoid are what scheduling needs and are plain.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::carers::ReligiousObservance;
/// use partnership::core::{DayOfWeek, Label, Sensitive};
///
/// let shabbat = ReligiousObservance {
///     observance: Sensitive::new(Label::new("Shabbat").unwrap()),
///     days_to_avoid: vec![DayOfWeek::Saturday],
///     dates_to_avoid: vec![NaiveDate::from_ymd_opt(2026, 9, 21).unwrap()],
/// };
/// assert!(shabbat.avoids(NaiveDate::from_ymd_opt(2026, 11, 28).unwrap())); // a Saturday
/// assert!(shabbat.avoids(NaiveDate::from_ymd_opt(2026, 9, 21).unwrap()));
/// assert!(!shabbat.avoids(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReligiousObservance {
    /// The observance, in the carer's words. Personal data.
    pub observance: Sensitive<Label>,
    /// Days of the week on which not to hold meetings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub days_to_avoid: Vec<DayOfWeek>,
    /// Particular dates on which not to hold meetings (festivals, holy days).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "partnership_core::canonical_date::list")]
    pub dates_to_avoid: Vec<NaiveDate>,
}

impl ReligiousObservance {
    /// Whether a meeting on `date` would clash with this observance.
    pub fn avoids(&self, date: NaiveDate) -> bool {
        self.days_to_avoid.contains(&DayOfWeek::of(date)) || self.dates_to_avoid.contains(&date)
    }
}

/// A term the carer prefers ("call me Nana, not Grandma"; "autistic person").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PreferredTerm {
    /// The term to use. Personal data.
    pub prefer: Sensitive<Label>,
    /// The term it replaces, if any. Personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instead_of: Option<Sensitive<Label>>,
}

/// What to respect when working with a carer: diet, religious observance,
/// expectations of behaviour, ways of showing respect, and the words they prefer.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
/// use partnership::carers::{CulturalConsiderations, DietaryRequirement};
///
/// let mut c = CulturalConsiderations::default();
/// assert!(c.is_empty());
/// c.dietary_requirements.push(DietaryRequirement::Halal);
/// assert!(!c.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CulturalConsiderations {
    /// Dietary requirements.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dietary_requirements: Vec<DietaryRequirement>,
    /// Religious observances, with days to avoid for meetings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub religious_observances: Vec<ReligiousObservance>,
    /// Expectations of the child's behaviour at home. Personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub behaviour_expectations: Option<Sensitive<String>>,
    /// Ways of showing respect the carer values (forms of address, greetings, who
    /// speaks first). Personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ways_of_showing_respect: Option<Sensitive<String>>,
    /// Terms the carer prefers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preferred_terminology: Vec<PreferredTerm>,
}

impl CulturalConsiderations {
    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }

    /// Whether a meeting on `date` would clash with any recorded observance.
    pub fn avoids_meeting_on(&self, date: NaiveDate) -> bool {
        self.religious_observances.iter().any(|o| o.avoids(date))
    }
}
