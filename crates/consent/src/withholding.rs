//! [`WithholdingRule`]: information withheld from someone to protect someone's safety.

use chrono::{DateTime, NaiveDate, Utc};
use partnership_core::{ChildId, PartyRef, ProfessionalId, Sensitive, WithholdingRuleId};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::scope::non_empty_unique;
use crate::{ConsentError, DataCategory, Recipient, RecipientScope};

/// The plain fields of a [`WithholdingRule`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WithholdingRuleParts {
    /// The rule's id.
    pub id: WithholdingRuleId,
    /// The child whose information it concerns.
    pub child: ChildId,
    /// Whose safety it protects: the child, a carer, anyone who could be harmed if
    /// their details reached the person withheld from. At least one.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub protects: Vec<PartyRef>,
    /// What information is withheld. At least one category.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub data_categories: Vec<DataCategory>,
    /// From whom. At least one.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub withheld_from: Vec<RecipientScope>,
    /// Why. Personal data.
    pub reason: Sensitive<String>,
    /// The professional who decided.
    pub decided_by: ProfessionalId,
    /// First day in force.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub from: NaiveDate,
    /// Last day in force, if it ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
    pub until: Option<NaiveDate>,
}

fn check_rule(parts: &WithholdingRuleParts) -> Result<(), ConsentError> {
    non_empty_unique(&parts.protects, "protects")?;
    non_empty_unique(&parts.data_categories, "dataCategories")?;
    non_empty_unique(&parts.withheld_from, "withheldFrom")?;
    if parts.until.is_some_and(|until| until < parts.from) {
        return Err(ConsentError::PeriodEndsBeforeStart { field: "until" });
    }
    Ok(())
}

partnership_core::validated! {
    /// A rule that withholds categories of information from a recipient to protect
    /// someone's safety: for example a parent's new address withheld from a
    /// former partner who poses a risk. Nothing overrides it, not consent and not a
    /// safeguarding justification.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::chrono::{NaiveDate, TimeZone, Utc};
    /// use partnership::consent::*;
    /// use partnership::core::*;
    ///
    /// let (mum, dad) = (CarerId::random(), CarerId::random());
    /// let rule = WithholdingRule::try_from(WithholdingRuleParts {
    ///     id: WithholdingRuleId::random(),
    ///     child: ChildId::random(),
    ///     protects: vec![PartyRef::Carer { id: mum }],
    ///     data_categories: vec![DataCategory::ContactDetails],
    ///     withheld_from: vec![RecipientScope::Carer { id: dad }],
    ///     reason: Sensitive::new("Non-molestation order".into()),
    ///     decided_by: ProfessionalId::random(),
    ///     from: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
    ///     until: None,
    /// }).unwrap();
    /// let at = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    /// let withheld = rule.withholds(&Recipient::Carer { id: dad }, &[DataCategory::ContactDetails, DataCategory::EducationProgress], at);
    /// assert_eq!(withheld, vec![DataCategory::ContactDetails]);
    /// ```
    #[derive(Clone, PartialEq, Eq)]
    pub struct WithholdingRule(WithholdingRuleParts);
    check = check_rule;
    error = ConsentError;
}

impl WithholdingRule {
    /// The rule's id.
    pub fn id(&self) -> WithholdingRuleId {
        self.0.id
    }

    /// The child whose information it concerns.
    pub fn child(&self) -> ChildId {
        self.0.child
    }

    /// Whose safety it protects: the child, a carer, anyone who could be harmed if
    /// their details reached the person withheld from. At least one.
    pub fn protects(&self) -> &[PartyRef] {
        &self.0.protects
    }

    /// What information is withheld. At least one category.
    pub fn data_categories(&self) -> &[DataCategory] {
        &self.0.data_categories
    }

    /// From whom. At least one.
    pub fn withheld_from(&self) -> &[RecipientScope] {
        &self.0.withheld_from
    }

    /// Why. Personal data.
    pub fn reason(&self) -> &Sensitive<String> {
        &self.0.reason
    }

    /// The professional who decided.
    pub fn decided_by(&self) -> ProfessionalId {
        self.0.decided_by
    }

    /// First day in force.
    pub fn from(&self) -> NaiveDate {
        self.0.from
    }

    /// Last day in force, if it ends.
    pub fn until(&self) -> Option<NaiveDate> {
        self.0.until
    }
}

impl WithholdingRule {
    /// Whether the rule is in force on the UTC date of `at`.
    pub fn in_force_at(&self, at: DateTime<Utc>) -> bool {
        let day = at.date_naive();
        day >= self.from() && self.until().is_none_or(|until| day <= until)
    }

    /// Which of `categories` this rule withholds from `recipient` at `at`.
    pub fn withholds(
        &self,
        recipient: &Recipient,
        categories: &[DataCategory],
        at: DateTime<Utc>,
    ) -> Vec<DataCategory> {
        self.withholds_from_any(std::slice::from_ref(recipient), categories, at)
    }

    /// Which of `categories` this rule withholds from anyone in `reached` at `at`.
    ///
    /// Information sent to an agency's inbox reaches everyone in the agency, so a
    /// decision about an agency passes the agency and each of its professionals here:
    /// a rule that withholds from one of them withholds from the inbox too.
    pub fn withholds_from_any(
        &self,
        reached: &[Recipient],
        categories: &[DataCategory],
        at: DateTime<Utc>,
    ) -> Vec<DataCategory> {
        let reaches = || {
            reached
                .iter()
                .any(|r| self.withheld_from().iter().any(|s| s.covers(r)))
        };
        if !self.in_force_at(at) || !reaches() {
            return Vec::new();
        }
        categories
            .iter()
            .filter(|c| self.data_categories().iter().any(|d| d.same_choice(c)))
            .cloned()
            .collect()
    }
}
