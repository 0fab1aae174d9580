//! [`GoalPlan`]: what a proposed goal sets out, revised until a carer agrees to it.

use chrono::NaiveDate;
use partnership_core::Sensitive;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{ChildsView, GoalsError, Responsibility, SharedGoal};

/// What a goal sets out to do: the goal in words, how success is measured, by when,
/// the child's view, and who does what. It holds no history (no agreement, move or
/// progress), so revising a plan can never rewrite what has happened.
///
/// A plan is worked out together while the goal is proposed, and is what the
/// carers agree to; once one has agreed, or the goal has moved on, a goal review
/// changes it instead ([`SharedGoal::review`]).
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod goals { pub use ::partnership_goals::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::core::{ChildId, GoalId, Sensitive};
/// use partnership::goals::{OutcomeArea, SharedGoal, SharedGoalParts};
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 9, d).ok_or("a date");
/// let mut goal = SharedGoal::try_from(SharedGoalParts {
///     id: GoalId::random(),
///     child: ChildId::random(),
///     area: OutcomeArea::CommunicationAndLanguage,
///     description: Sensitive::new("Talk more".into()),
///     measure: None,
///     created_on: day(8)?,
///     target_date: None,
///     childs_view: None,
///     responsibilities: vec![],
///     agreements: vec![],
///     transitions: vec![],
///     progress: vec![],
///     milestones: vec![],
///     reviews: vec![],
/// })?;
/// let mut plan = goal.plan();
/// plan.target_date = Some(day(30)?);
/// goal.revise_plan(plan.clone())?;
/// assert_eq!(goal.target_date(), Some(day(30)?));
///
/// // Once a carer has agreed, the plan they agreed to stays as it was.
/// goal.agree(partnership::core::CarerId::random(), day(10)?)?;
/// assert!(goal.revise_plan(plan).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GoalPlan {
    /// The goal, in words. Personal data.
    pub description: Sensitive<String>,
    /// How success will be measured. Personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Sensitive<String>>,
    /// When it should be achieved by; not before the goal was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
    pub target_date: Option<NaiveDate>,
    /// The child's view, or why it could not be gathered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub childs_view: Option<ChildsView>,
    /// Who does what, where and how often.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsibilities: Vec<Responsibility>,
}

impl SharedGoal {
    /// The goal's plan as it stands, to revise with [`revise_plan`](Self::revise_plan).
    pub fn plan(&self) -> GoalPlan {
        let parts = self.parts();
        GoalPlan {
            description: parts.description.clone(),
            measure: parts.measure.clone(),
            target_date: parts.target_date,
            childs_view: parts.childs_view.clone(),
            responsibilities: parts.responsibilities.clone(),
        }
    }

    /// Replaces the goal's plan, while the goal is proposed and no carer has agreed
    /// to it: an agreement is to a plan, and a revision after it would leave the
    /// carer agreeing to something they never saw. The goal's own rules are checked
    /// again; on error nothing changes.
    ///
    /// # Errors
    ///
    /// [`GoalsError::PlanSettled`] once a carer has agreed or the goal has moved on
    /// from proposed; otherwise any [`GoalsError`] the goal's rules give for the new
    /// plan (a target date before the goal was created, a repeated responsibility).
    pub fn revise_plan(&mut self, plan: GoalPlan) -> Result<(), GoalsError> {
        // A goal starts proposed: any move at all has taken it past planning.
        if !self.transitions().is_empty() {
            return Err(GoalsError::PlanSettled {
                field: "transitions",
            });
        }
        if !self.agreements().is_empty() {
            return Err(GoalsError::PlanSettled {
                field: "agreements",
            });
        }
        self.step(|parts| {
            parts.description = plan.description;
            parts.measure = plan.measure;
            parts.target_date = plan.target_date;
            parts.childs_view = plan.childs_view;
            parts.responsibilities = plan.responsibilities;
        })
    }
}
