//! Questions services ask of a set of consents.

use chrono::{DateTime, NaiveDate, Utc};
use partnership_core::ChildId;

use crate::decision::{CategoryOutcome, evaluate_category};
use crate::{ChildCapacity, ConsentRecord, DataCategory, Purpose, Recipient, WithholdingRule};

/// The consents about `child` that permit sharing at `at`.
pub fn consents_in_force(
    consents: &[ConsentRecord],
    child: ChildId,
    at: DateTime<Utc>,
) -> Vec<&ConsentRecord> {
    consents
        .iter()
        .filter(|c| c.child() == child && c.permits_at(at))
        .collect()
}

/// The consents in force on `as_of` that reach their last day within `days` days:
/// renewals to plan for (review scheduling asks for these).
pub fn consents_expiring_within(
    consents: &[ConsentRecord],
    as_of: NaiveDate,
    days: u32,
) -> Vec<&ConsentRecord> {
    consents
        .iter()
        .filter(|c| c.expires_within(as_of, days))
        .collect()
}

/// The categories `recipient` may receive about `child` for `purpose` at `at` on the
/// strength of consent alone: covered by a consent in force from someone who can
/// decide, not refused, and not withheld by a safety rule. The same rules as
/// [`decide`](crate::decide), category by category.
pub fn permitted_categories(
    consents: &[ConsentRecord],
    withholdings: &[WithholdingRule],
    child: ChildId,
    recipient: &Recipient,
    purpose: &Purpose,
    capacity: &ChildCapacity,
    at: DateTime<Utc>,
) -> Vec<DataCategory> {
    let mut candidates: Vec<DataCategory> = consents
        .iter()
        .filter(|c| c.child() == child)
        .flat_map(|c| c.scope().data_categories.iter().cloned())
        .collect();
    candidates.sort();
    candidates.dedup();
    let withheld: Vec<DataCategory> = withholdings
        .iter()
        .filter(|r| r.child() == child)
        .flat_map(|r| r.withholds(recipient, &candidates, at))
        .collect();
    candidates
        .into_iter()
        .filter(|category| !withheld.contains(category))
        .filter(|category| {
            matches!(
                evaluate_category(
                    consents,
                    child,
                    recipient,
                    purpose,
                    capacity,
                    category,
                    at,
                    &[]
                ),
                CategoryOutcome::Covered(_)
            )
        })
        .collect()
}
