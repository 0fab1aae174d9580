//! Deterministic synthetic records for a whole local authority, for tests and
//! benchmarks.
//!
//! [`authority`] makes one record per child with a realistic mix of families (two
//! parents, a single parent, a grandparent with a special guardianship order, foster
//! carers with the birth mother keeping parental responsibility, a parent and a
//! step-parent), the professionals around them, update agreements and a contact log,
//! shared goals with progress, consents, ledger decisions, barriers and review
//! histories. [`large_record`] makes one child's record of about a given size.
//!
//! The same arguments always give the same bytes: the generator is a fixed PRNG
//! (SplitMix64) seeded by the caller, and no clock or random id is read. Every name is
//! invented from short lists; no real person's data is used.
//!
//! ```
//! # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
//! use partnership::scenarios::synthetic;
//!
//! let a = synthetic::authority(20, 7).unwrap();
//! let b = synthetic::authority(20, 7).unwrap();
//! assert_eq!(a.len(), 20);
//! assert_eq!(a.iter().map(|r| r.to_json()).collect::<Vec<_>>(),
//!            b.iter().map(|r| r.to_json()).collect::<Vec<_>>());
//! ```

use chrono::{Days, NaiveDate};
use partnership_carers::ContactLog;
use partnership_core::{CarerId, ProfessionalId, noon_on};
use partnership_record::PartnershipRecord;

use crate::ScenarioError;
use crate::kit::{Fallible, IdSpace};

mod child;
mod family;
mod history;
mod parts;

use child::child;
use history::{discussion, progress, question};
use parts::{Ids, Rng};

/// The day the synthetic authority's histories run up to.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
/// assert_eq!(partnership::scenarios::synthetic::AS_OF.to_string(), "2026-11-23");
/// ```
pub const AS_OF: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 23) {
    Some(date) => date,
    None => NaiveDate::MIN,
};

/// One synthetic record per child, `children` of them, the same for the same `seed`.
///
/// Histories run up to [`AS_OF`]; some agreed updates and reviews are due or overdue
/// around then, as in any real authority.
///
/// # Errors
///
/// Only if the generator itself is wrong: every record it makes is checked as a
/// partner system would check it, and an invalid one is reported, not returned.
pub fn authority(children: usize, seed: u64) -> Result<Vec<PartnershipRecord>, ScenarioError> {
    let mut rng = Rng::new(seed);
    let middle = (rng.next() & 0xffff) as u16;
    (0..children)
        .map(|index| {
            let space = IdSpace {
                high: u32::try_from(index).unwrap_or(u32::MAX),
                middle,
            };
            let mut child_rng = Rng::new(seed ^ (index as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            child(space, &mut child_rng).map_err(|source| ScenarioError {
                scenario: "synthetic::authority",
                source,
            })
        })
        .collect()
}

/// One child's record whose JSON is at least `bytes` long: a long contact log, goals
/// with long progress histories, and a long ledger, as a record built up over many
/// years would be. For loading benchmarks.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
/// let record = partnership::scenarios::synthetic::large_record(200_000, 1).unwrap();
/// assert!(record.to_json().len() >= 200_000);
/// ```
///
/// # Errors
///
/// Only if the generator itself is wrong, as for [`authority`].
pub fn large_record(bytes: usize, seed: u64) -> Result<PartnershipRecord, ScenarioError> {
    let wrap = |source| ScenarioError {
        scenario: "synthetic::large_record",
        source,
    };
    let mut rng = Rng::new(seed);
    let space = IdSpace {
        high: 0x1a46_e000,
        middle: (seed & 0xffff) as u16,
    };
    // Grow in rounds: a round's size is measured once, then enough rounds are added.
    let base = child(space, &mut rng.clone()).map_err(wrap)?;
    let base_len = base.to_json().len();
    // History added later gets ids from a space of its own.
    let mut ids = Ids {
        space: IdSpace {
            high: space.high,
            middle: space.middle ^ 0x0b16,
        },
        next: 0,
    };
    let one_round = grow(base.clone(), 1, &mut ids.clone(), &mut rng.clone())
        .map_err(wrap)?
        .to_json()
        .len()
        .saturating_sub(base_len)
        .max(1);
    let rounds = bytes.saturating_sub(base_len).div_ceil(one_round).max(1);
    let mut record = grow(base, rounds, &mut ids, &mut rng).map_err(wrap)?;
    // The estimate can fall a little short: a round's size varies with the ids' counter.
    while record.to_json().len() < bytes {
        record = grow(record, 1, &mut ids, &mut rng).map_err(wrap)?;
    }
    Ok(record)
}

/// Adds `rounds` rounds of history to a record: each round is twenty discussions, a
/// progress entry on each goal, and ten sharing decisions.
fn grow(
    record: PartnershipRecord,
    rounds: usize,
    ids: &mut Ids,
    rng: &mut Rng,
) -> Fallible<PartnershipRecord> {
    let mut parts = record.into_parts();
    let carers: Vec<CarerId> = parts.carers.iter().map(|c| c.id()).collect();
    let professionals: Vec<ProfessionalId> = parts.professionals.iter().map(|p| p.id).collect();
    let mut log = std::mem::take(&mut parts.contact_log).into_parts();
    let start = log.last().map_or(AS_OF, |r| r.date());
    let total = rounds.saturating_mul(20);
    for n in 0..total {
        let on = start + Days::new((n / 4) as u64);
        log.push(discussion(ids, rng, on, &carers, &professionals)?);
    }
    parts.contact_log = ContactLog::try_from(log)?;
    for goal in &mut parts.goals {
        let first = goal.progress().last().map_or(goal.created_on(), |p| p.on);
        for n in 0..rounds {
            let on = first + Days::new(n as u64 + 1);
            goal.record_progress(progress(ids, rng, on, &carers, &professionals)?)?;
        }
    }
    let mut at = parts
        .disclosures
        .last_recorded_at()
        .unwrap_or(noon_on(AS_OF));
    let mut record = PartnershipRecord::try_from(parts)?;
    for _ in 0..rounds.saturating_mul(10) {
        at += chrono::Duration::minutes(7);
        let question = question(ids, rng, &record)?;
        record.decide(&question, at)?;
    }
    Ok(record)
}
