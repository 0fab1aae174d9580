//! Shared goals: set together, done together, reviewed together.
//!
//! In the partnership model a goal that professionals wrote alone is not a shared
//! goal. A [`SharedGoal`] says who does what at home and in the setting
//! ([`Responsibility`]), records the child's view and the carers' agreement, and
//! cannot become active without a carer's agreement (unless every carer's
//! involvement is restricted by a recorded decision). Progress is measured on the
//! goal attainment scale ([`GasLevel`]), carers' observations count as evidence,
//! milestones are celebrated, and reviews show how the plan adapted.
//!
//! - [`SharedGoal`] with a FHIR-aligned lifecycle ([`GoalStatus`]) moved only through
//!   checked methods, [`smart_findings`](SharedGoal::smart_findings) and
//!   [`trend`](SharedGoal::trend).
//! - [`gas_t_score`]: the Kiresuk–Sherman summary score.
//!
//! # A worked example
//!
//! Amara is three and her speech is delayed. Her parents and her key worker agree a
//! goal: to name twenty everyday objects by the spring. Her parents practise naming
//! pictures after tea; at nursery her key worker uses a picture book at story time.
//! Three monthly observations follow, and a goal attainment score summarises them.
//!
//! ```
//! # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod goals { pub use ::partnership_goals::*; } pub use ::chrono; }
//! use partnership::chrono::NaiveDate;
//! use partnership::core::*;
//! use partnership::goals::*;
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
//! let (mum, dad) = (CarerId::random(), CarerId::random());
//! let key_worker = PartyRef::Professional { id: ProfessionalId::random() };
//!
//! let mut goal = SharedGoal::try_from(SharedGoalParts {
//!     id: GoalId::random(),
//!     child: ChildId::random(),
//!     area: OutcomeArea::CommunicationAndLanguage,
//!     description: Sensitive::new("Amara will name twenty everyday objects at home and at nursery".into()),
//!     measure: Some(Sensitive::new("Objects named unprompted, counted by parents and key worker".into())),
//!     created_on: d(2026, 9, 8),
//!     target_date: Some(d(2027, 3, 31)),
//!     childs_view: None,
//!     responsibilities: vec![
//!         Responsibility {
//!             id: ResponsibilityId::random(),
//!             party: PartyRef::Carer { id: mum },
//!             action: Sensitive::new("Practise naming pictures for ten minutes after tea".into()),
//!             setting: Setting::Home,
//!             frequency: Frequency::Daily,
//!         },
//!         Responsibility {
//!             id: ResponsibilityId::random(),
//!             party: key_worker,
//!             action: Sensitive::new("Share the picture book at story time".into()),
//!             setting: Setting::Nursery,
//!             frequency: Frequency::EverySchoolDay,
//!         },
//!     ],
//!     agreements: vec![],
//!     transitions: vec![],
//!     progress: vec![],
//!     milestones: vec![],
//!     reviews: vec![],
//! })
//! .unwrap();
//!
//! // Not active until a carer has agreed.
//! goal.transition(Transition { to: GoalStatus::Accepted, on: d(2026, 9, 8), by: key_worker, reason: None, basis: None }).unwrap();
//! assert!(goal.activate(d(2026, 9, 8), key_worker, &[mum, dad]).is_err());
//! goal.agree(mum, d(2026, 9, 8)).unwrap();
//! goal.agree(dad, d(2026, 9, 9)).unwrap();
//! goal.activate(d(2026, 9, 10), key_worker, &[mum, dad]).unwrap();
//! assert_eq!(goal.status(), GoalStatus::Active);
//!
//! // Three monthly observations, from home and from nursery.
//! for (month, level, who, setting) in [
//!     (10, -1, PartyRef::Carer { id: dad }, Setting::Home),
//!     (11, 0, key_worker, Setting::Nursery),
//!     (12, 1, PartyRef::Carer { id: mum }, Setting::Home),
//! ] {
//!     goal.record_progress(ProgressEntry {
//!         id: ProgressEntryId::random(),
//!         on: d(2026, month, 15),
//!         recorded_by: who,
//!         setting,
//!         level: GasLevel::new(level).unwrap(),
//!         achievement: AchievementStatus::Improving,
//!         note: None,
//!     }).unwrap();
//! }
//! assert_eq!(goal.trend(3), Some(Trend::Improving));
//! assert!(goal.smart_findings().is_empty());
//!
//! // A goal attainment score over this goal and another at the expected level.
//! let t = gas_t_score(&[
//!     WeightedLevel { level: goal.latest_level().unwrap(), weight: 1.0 },
//!     WeightedLevel { level: GasLevel::EXPECTED, weight: 1.0 },
//! ]).unwrap();
//! assert_eq!(format!("{t:.1}"), "56.2");
//! ```

mod error;
mod gas;
mod goal;
mod lifecycle;
mod plan;
mod progress;
mod quality;
mod review;
#[cfg(feature = "proptest")]
pub mod strategies;

pub use error::GoalsError;
pub use gas::{GasLevel, RHO, WeightedLevel, gas_t_score};
pub use goal::{
    CarerAgreement, ChildsView, Frequency, OutcomeArea, Responsibility, Setting, SharedGoal,
    SharedGoalParts,
};
pub use lifecycle::{ActivationBasis, GoalStatus, Transition};
pub use plan::GoalPlan;
pub use progress::{AchievementStatus, Milestone, ProgressEntry};
pub use quality::{SmartFinding, Trend};
pub use review::{Closure, GoalReview, ReviewDecision};
