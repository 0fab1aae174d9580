//! [`due_items`]: what is due or overdue across many records, for a dashboard.

use chrono::{Days, NaiveDate};
use partnership_barriers::AttentionRules;
use partnership_carers::CommunicationAgreement;
use partnership_core::{BarrierId, CarerId, ChildId, MitigationId, PartyRef, RecordId};
use partnership_reviews::WorkingCalendar;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::PartnershipRecord;

/// What is due.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DueKind {
    /// A review meeting.
    Review,
    /// An update agreed with a carer.
    Update,
    /// An action agreed in a discussion.
    Action,
    /// A consent to renew.
    ConsentRenewal,
    /// A barrier to act on, or a mitigation's effectiveness to review.
    BarrierReview,
    /// A response owed to a carer's complaint (or a review panel to meet).
    ComplaintResponse,
    /// The last day for a carer to lodge an appeal to the SEND Tribunal.
    AppealDeadline,
}

/// One thing due or overdue in one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DueItem {
    /// The record.
    pub record: RecordId,
    /// The child.
    pub child: ChildId,
    /// What is due.
    pub kind: DueKind,
    /// By when.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub due: NaiveDate,
    /// Days past due (negative: days left).
    pub days_overdue: i64,
    /// JSON Pointer to the item in its record.
    pub pointer: String,
}

/// Everything due by `as_of + within_days` (or overdue) across `records`, sorted by
/// date, then record, then pointer: reviews, updates agreed with carers, agreed
/// actions, consents to renew, barriers to act on or review, responses owed to
/// carers' complaints and the last days to lodge their appeals.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::record::{due_items, PartnershipRecord};
/// use partnership::reviews::WorkingCalendar;
///
/// let record = PartnershipRecord::from_json(r#"{
///   "schemaVersion": 2,
///   "id": "00000000-0000-4000-8000-000000000001",
///   "child": {"id": "00000000-0000-4000-8000-000000000002", "name": "Noah", "dateOfBirth": "2015-01-10"},
///   "reviews": [{"id": "00000000-0000-4000-8000-000000000003", "child": "00000000-0000-4000-8000-000000000002",
///                "kind": {"kind": "ehc-plan-annual-review"}, "startsOn": "2025-12-01"}]
/// }"#).unwrap();
/// let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
/// let due = due_items(&[record], as_of, 14, &WorkingCalendar::england_and_wales());
/// assert_eq!(due.len(), 1);
/// assert_eq!(due[0].due, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
/// assert_eq!(due[0].days_overdue, -8);
/// ```
pub fn due_items(
    records: &[PartnershipRecord],
    as_of: NaiveDate,
    within_days: u32,
    calendar: &WorkingCalendar,
) -> Vec<DueItem> {
    // The list ends on the last day a date can be written (9999-12-31): what falls
    // due after it could not be written in the list's own JSON.
    let horizon = as_of
        .checked_add_days(Days::new(u64::from(within_days)))
        .unwrap_or(NaiveDate::MAX)
        .min(partnership_core::LAST_WRITTEN_DAY);
    let mut items = Vec::new();
    for record in records {
        record.collect_due(as_of, horizon, calendar, &mut items);
    }
    // Soonest first, then by record and place in it: a total order (a pointer names
    // one place in one record), so an unstable sort gives the same list every time.
    items.sort_unstable_by(|a, b| {
        (a.due, a.record.as_uuid().as_u128())
            .cmp(&(b.due, b.record.as_uuid().as_u128()))
            .then_with(|| a.pointer.cmp(&b.pointer))
    });
    items
}

/// The last update under `agreement` (the last discussion with its carer, or the
/// day it was agreed) and when the next is due, from the record's `last_contacts`:
/// what the due list and the practice report both ask of an agreement.
pub(crate) fn update_due(
    agreement: &CommunicationAgreement,
    last_contacts: &[(CarerId, Option<NaiveDate>)],
) -> (NaiveDate, Option<NaiveDate>) {
    let last = last_contacts
        .iter()
        .find(|(carer, _)| *carer == agreement.carer)
        .and_then(|(_, last)| *last)
        .unwrap_or(agreement.agreed_on);
    (last, agreement.next_update_due(last))
}

impl PartnershipRecord {
    /// The pointer to the barrier with id `barrier` (the register, if none has it).
    pub(crate) fn barrier_pointer(&self, barrier: BarrierId) -> String {
        match self.barriers().iter().position(|x| x.id() == barrier) {
            Some(b) => format!("/barriers/{b}"),
            None => "/barriers".to_owned(),
        }
    }

    /// The pointer to a mitigation on a barrier (the barrier, if it has none such).
    pub(crate) fn mitigation_pointer(
        &self,
        barrier: BarrierId,
        mitigation: MitigationId,
    ) -> String {
        let at = self.barrier_pointer(barrier);
        let m = self
            .barriers()
            .iter()
            .find(|x| x.id() == barrier)
            .and_then(|x| x.mitigations().iter().position(|m| m.id == mitigation));
        match m {
            Some(m) => format!("{at}/mitigations/{m}"),
            None => at,
        }
    }

    /// For each carer with an update agreement, the last discussion on or before
    /// `as_of` they took part in: one pass back through the log for all of them,
    /// stopping as soon as each has been found.
    pub(crate) fn last_contacts(&self, as_of: NaiveDate) -> Vec<(CarerId, Option<NaiveDate>)> {
        let mut found: Vec<(CarerId, Option<NaiveDate>)> = Vec::new();
        for agreement in self.communication_agreements() {
            if !found.iter().any(|(carer, _)| *carer == agreement.carer) {
                found.push((agreement.carer, None));
            }
        }
        let mut missing = found.len();
        for record in self.contact_log().iter().rev() {
            if missing == 0 {
                break;
            }
            if record.date() > as_of {
                continue;
            }
            for (carer, last) in found.iter_mut().filter(|(_, last)| last.is_none()) {
                if record
                    .participants()
                    .contains(&PartyRef::Carer { id: *carer })
                {
                    *last = Some(record.date());
                    missing -= 1;
                }
            }
        }
        found
    }

    fn collect_due(
        &self,
        as_of: NaiveDate,
        horizon: NaiveDate,
        calendar: &WorkingCalendar,
        items: &mut Vec<DueItem>,
    ) {
        // The pointer is written only for what is due: most of a record is not, and
        // across a whole authority the formatting would otherwise dominate.
        let mut push = |kind, due: NaiveDate, pointer: &dyn Fn() -> String| {
            if due <= horizon {
                items.push(DueItem {
                    record: self.id(),
                    child: self.child().id(),
                    kind,
                    due,
                    days_overdue: (as_of - due).num_days(),
                    pointer: pointer(),
                });
            }
        };
        for (s, schedule) in self.reviews().iter().enumerate() {
            if let Ok(due) = schedule.next_review_due(calendar) {
                push(DueKind::Review, due.date, &|| format!("/reviews/{s}"));
            }
        }
        let last_contacts = self.last_contacts(as_of);
        for (a, agreement) in self.communication_agreements().iter().enumerate() {
            if let (_, Some(due)) = update_due(agreement, &last_contacts) {
                push(DueKind::Update, due, &|| {
                    format!("/communicationAgreements/{a}")
                });
            }
        }
        for (r, entry) in self.contact_log().iter().enumerate() {
            for (j, action) in entry.agreed_actions().iter().enumerate() {
                if action.completed_on.is_none_or(|done| done > as_of) {
                    push(DueKind::Action, action.due_on, &|| {
                        format!("/contactLog/{r}/agreedActions/{j}")
                    });
                }
            }
        }
        {
            let noon = partnership_core::noon_on(as_of);
            for (k, consent) in self.consents().iter().enumerate() {
                if consent.permits_at(noon)
                    && let Some(until) = consent.valid_until_at(noon)
                {
                    push(DueKind::ConsentRenewal, until, &|| format!("/consents/{k}"));
                }
            }
        }
        for (k, redress) in self.complaints_and_appeals().iter().enumerate() {
            // As it stood that day: not before it was received, and open until the
            // day it was answered or lodged.
            let Some(redress) = redress.as_of(as_of) else {
                continue;
            };
            if let Some(deadline) = redress.deadline(calendar) {
                let kind = if deadline.carers_to_act {
                    DueKind::AppealDeadline
                } else {
                    DueKind::ComplaintResponse
                };
                push(kind, deadline.by, &|| format!("/complaintsAndAppeals/{k}"));
            }
        }
        if self.barriers().is_empty() {
            return;
        }
        let rules = AttentionRules::default();
        for unattended in self.barriers().needing_attention(as_of, &rules) {
            push(DueKind::BarrierReview, unattended.due, &|| {
                self.barrier_pointer(unattended.barrier.id())
            });
        }
        for due in self.barriers().mitigations_due_review(horizon, &rules) {
            push(DueKind::BarrierReview, due.due, &|| {
                self.mitigation_pointer(due.barrier, due.mitigation.id)
            });
        }
    }
}
