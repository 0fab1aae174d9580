//! [`CommunicationAgreement`]: how often a carer hears how things are going.

use std::fmt;
use std::num::NonZeroU16;

use chrono::{Duration, NaiveDate};
use partnership_core::{AgreementId, CarerId, PartyRef, add_months};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Channel;

/// How often updates are agreed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum UpdateFrequency {
    /// After each session with the child: driven by sessions, not the calendar.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    AfterEachSession,
    /// Every 7 days.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    Weekly,
    /// Every 14 days.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    Fortnightly,
    /// Every calendar month, clamped to the end of a shorter month.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    Monthly,
    /// Every N days.
    EveryNDays {
        /// The number of days, at least 1.
        days: NonZeroU16,
    },
}

impl fmt::Display for UpdateFrequency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::AfterEachSession => f.write_str("after each session"),
            Self::Weekly => f.write_str("weekly"),
            Self::Fortnightly => f.write_str("fortnightly"),
            Self::Monthly => f.write_str("monthly"),
            Self::EveryNDays { days } if days.get() == 1 => f.write_str("daily"),
            Self::EveryNDays { days } => write!(f, "every {days} days"),
        }
    }
}

/// An agreement with a carer about how often they hear how things are going, by
/// what channel, and from whom (open, honest communication, kept to).
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::carers::{Channel, CommunicationAgreement, UpdateFrequency};
/// use partnership::core::{AgreementId, CarerId, PartyRef, ProfessionalId};
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let agreement = CommunicationAgreement {
///     id: AgreementId::random(),
///     carer: CarerId::random(),
///     frequency: UpdateFrequency::Monthly,
///     channel: Channel::Phone,
///     updates_given_by: PartyRef::Professional { id: ProfessionalId::random() },
///     agreed_on: d(2026, 9, 1),
/// };
/// // Monthly from 31 October is 30 November: the month is clamped, not overflowed.
/// assert_eq!(agreement.next_update_due(d(2026, 10, 31)), Some(d(2026, 11, 30)));
/// assert!(!agreement.is_overdue(d(2026, 11, 30), d(2026, 10, 31)));
/// assert!(agreement.is_overdue(d(2026, 12, 1), d(2026, 10, 31)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CommunicationAgreement {
    /// The agreement's id.
    pub id: AgreementId,
    /// The carer who receives the updates.
    pub carer: CarerId,
    /// How often.
    pub frequency: UpdateFrequency,
    /// By what channel.
    pub channel: Channel,
    /// Who gives the updates.
    pub updates_given_by: PartyRef,
    /// When it was agreed.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub agreed_on: NaiveDate,
}

impl CommunicationAgreement {
    /// The latest date the next update may be given, after one given on `last_update`.
    ///
    /// `None` when updates follow sessions rather than the calendar
    /// ([`UpdateFrequency::AfterEachSession`]), or when the date would fall beyond the
    /// calendar chrono represents.
    pub fn next_update_due(&self, last_update: NaiveDate) -> Option<NaiveDate> {
        let days = match self.frequency {
            UpdateFrequency::AfterEachSession => return None,
            UpdateFrequency::Monthly => return add_months(last_update, 1),
            UpdateFrequency::Weekly => 7,
            UpdateFrequency::Fortnightly => 14,
            UpdateFrequency::EveryNDays { days } => i64::from(days.get()),
        };
        last_update.checked_add_signed(Duration::days(days))
    }

    /// Whether, as of `as_of`, the next update after one given on `last_update` is
    /// late: the due date has passed (an update on the due date itself is on time).
    pub fn is_overdue(&self, as_of: NaiveDate, last_update: NaiveDate) -> bool {
        self.next_update_due(last_update)
            .is_some_and(|due| as_of > due)
    }
}
