//! Barriers to partnership, and what is done about them.
//!
//! Partnerships fail for ordinary reasons: meetings at times a working carer cannot
//! make, jargon, a bad past experience with services, disagreement about what is best
//! for the child, a language the paperwork is not in. This crate records them as
//! things to be worked on: a [`Barrier`] is identified, someone owns it, something is
//! tried, and whether it helped is recorded.
//!
//! - [`BarrierKind`] and [`MitigationStrategy`], with the practice catalogue
//!   [`recommended_mitigations`].
//! - [`Barrier`]: whom it affects, severity, owner, [`MitigationAttempt`]s with
//!   [`EffectivenessReview`]s, and a status that moves only through checked methods
//!   along an append-only history. A barrier is resolved only once a mitigation's
//!   effectiveness has been reviewed; an escalation records to whom and why.
//! - [`BarrierRegister`]: open barriers, those [needing attention](BarrierRegister::needing_attention),
//!   mitigations [due a review](BarrierRegister::mitigations_due_review), barriers by
//!   carer and goal, counts by kind and status, all as of a date.
//!
//! # A worked example
//!
//! A father works night shifts and cannot come to daytime reviews. A video meeting
//! at 7 pm is tried; reviewed a month later, it helped; the barrier is resolved.
//!
//! ```
//! # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub use ::chrono; }
//! use partnership::chrono::NaiveDate;
//! use partnership::barriers::*;
//! use partnership::core::{BarrierId, CarerId, MitigationId, PartyRef, ProfessionalId, Sensitive};
//!
//! let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
//! let dad = CarerId::random();
//! let senco = PartyRef::Professional { id: ProfessionalId::random() };
//!
//! let mut barrier = Barrier::try_from(BarrierParts {
//!     id: BarrierId::random(),
//!     kind: BarrierKind::TimeAndWorkPatterns,
//!     affects: vec![dad],
//!     goals: vec![],
//!     identified_by: senco,
//!     identified_on: d(9, 15),
//!     description: Sensitive::new("Works nights; asleep during school-day reviews".into()),
//!     severity: Severity::High,
//!     owner: None,
//!     mitigations: vec![],
//!     history: vec![],
//! })
//! .unwrap();
//!
//! // What usually helps?
//! assert!(recommended_mitigations(&barrier.kind()).contains(&MitigationStrategy::RemoteOrVideoMeetings));
//!
//! barrier.assign_owner(senco, d(9, 16)).unwrap();
//! let video = MitigationId::random();
//! barrier.start_mitigation(MitigationAttempt {
//!     id: video,
//!     strategy: MitigationStrategy::RemoteOrVideoMeetings,
//!     started_on: d(9, 18),
//!     by: senco,
//!     review: None,
//! }).unwrap();
//! assert_eq!(barrier.status(), BarrierStatus::Mitigating);
//!
//! // Not resolved until someone has looked at whether it helped.
//! assert!(barrier.resolve(d(10, 1), senco).is_err());
//! barrier.review_mitigation(video, EffectivenessReview {
//!     on: d(10, 16),
//!     by: PartyRef::Carer { id: dad },
//!     outcome: Effectiveness::Helped,
//!     note: Some(Sensitive::new("Joined both reviews from home at 7 pm".into())),
//! }).unwrap();
//! barrier.resolve(d(10, 16), senco).unwrap();
//! assert_eq!(barrier.status(), BarrierStatus::Resolved);
//! assert_eq!(barrier.history().len(), 2);
//! ```

mod barrier;
mod catalogue;
mod error;
mod register;
#[cfg(feature = "proptest")]
pub mod strategies;

pub use barrier::{
    Barrier, BarrierParts, BarrierStatus, Effectiveness, EffectivenessReview, MitigationAttempt,
    Owner, Severity, StatusChange,
};
pub use catalogue::{BarrierKind, MitigationStrategy, recommended_mitigations};
pub use error::BarriersError;
pub use register::{AttentionRules, BarrierRegister, Missing, ReviewDue, Unattended};
