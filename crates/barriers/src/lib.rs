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
//! The worked example on [`Barrier`] follows a father on night shifts from a missed
//! review to a resolved barrier.

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
