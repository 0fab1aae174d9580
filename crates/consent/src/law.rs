//! [`LawInForce`]: which of the newer rules are in force, and from when.
//!
//! An Act of Parliament passed is not yet law that binds: most of the Children's
//! Wellbeing and Schools Act 2026 waits for commencement regulations (s.78), and the
//! Secretary of State sets the day for each part. The library reads no clock and knows
//! no commencement it cannot point to, so the service tells it: a rule whose day is not
//! set is not in force. The days the library knows are fixed here, each with its source.
//!
//! | rule | in force from | source |
//! |---|---|---|
//! | recognised legitimate interest (UK GDPR Art 6(1)(ea)) | 5 February 2026 | Data (Use and Access) Act 2025 s.70, commenced by SI 2026/82 reg 2(c) |
//! | significant decisions on (ea) need a human (Art 22B) | 5 February 2026 | DUAA 2025 s.80, SI 2026/82 reg 2(j) |
//! | the duty to share safeguarding information (Children Act 2004 s.16LA) | the day the service sets; none by default | Children's Wellbeing and Schools Act 2026 s.4, s.78 |
//! | the consistent child identifier (Children Act 2004 s.16LC) | the day the service sets; none by default | CWSA 2026 s.4, s.78 |

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The day the recognised legitimate interest basis (UK GDPR Art 6(1)(ea), inserted by
/// the Data (Use and Access) Act 2025 s.70) came into force: 5 February 2026 (the Data
/// (Use and Access) Act 2025 (Commencement No. 6 and Transitional and Saving
/// Provisions) Regulations 2026, SI 2026/82, reg 2(c)).
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// assert_eq!(
///     partnership::consent::RECOGNISED_LEGITIMATE_INTEREST_IN_FORCE_FROM,
///     NaiveDate::from_ymd_opt(2026, 2, 5).unwrap()
/// );
/// ```
pub const RECOGNISED_LEGITIMATE_INTEREST_IN_FORCE_FROM: NaiveDate =
    match NaiveDate::from_ymd_opt(2026, 2, 5) {
        Some(day) => day,
        None => NaiveDate::MIN,
    };

/// The commencement days a service sets for rules passed but brought into force by
/// regulations the library cannot know in advance. Each day is the first on which the
/// rule applies, in England. The default sets none: nothing waiting for commencement is
/// in force until the service says so.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::consent::LawInForce;
///
/// let unset = LawInForce::default();
/// assert!(!unset.duty_to_share_on(NaiveDate::from_ymd_opt(2030, 1, 1).unwrap()));
///
/// let set = LawInForce { duty_to_share_from: NaiveDate::from_ymd_opt(2027, 4, 1), ..LawInForce::default() };
/// assert!(!set.duty_to_share_on(NaiveDate::from_ymd_opt(2027, 3, 31).unwrap()));
/// assert!(set.duty_to_share_on(NaiveDate::from_ymd_opt(2027, 4, 1).unwrap()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LawInForce {
    /// The first day of the duty to share safeguarding information between relevant
    /// persons (Children Act 2004 s.16LA, inserted by the Children's Wellbeing and
    /// Schools Act 2026 s.4). Not in force while unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
    pub duty_to_share_from: Option<NaiveDate>,
    /// The first day of the duty to include the consistent child identifier (Children
    /// Act 2004 s.16LC). Not in force while unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
    pub consistent_identifier_from: Option<NaiveDate>,
}

impl LawInForce {
    /// Whether the duty to share (s.16LA) is in force on `day`.
    pub fn duty_to_share_on(&self, day: NaiveDate) -> bool {
        self.duty_to_share_from.is_some_and(|from| day >= from)
    }

    /// Whether the duty to include the consistent child identifier (s.16LC) is in force
    /// on `day`.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::consent::LawInForce;
    ///
    /// let law = LawInForce { consistent_identifier_from: NaiveDate::from_ymd_opt(2027, 9, 1), ..LawInForce::default() };
    /// assert!(law.consistent_identifier_on(NaiveDate::from_ymd_opt(2027, 9, 1).unwrap()));
    /// assert!(!LawInForce::default().consistent_identifier_on(NaiveDate::from_ymd_opt(2027, 9, 1).unwrap()));
    /// ```
    pub fn consistent_identifier_on(&self, day: NaiveDate) -> bool {
        self.consistent_identifier_from
            .is_some_and(|from| day >= from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognised_legitimate_interest_day_is_the_commencement_regulations() {
        // SI 2026/82 reg 2: "coming into force on 5th February 2026", (c) section 70.
        assert_eq!(
            RECOGNISED_LEGITIMATE_INTEREST_IN_FORCE_FROM,
            NaiveDate::from_ymd_opt(2026, 2, 5).unwrap()
        );
    }

    #[test]
    fn nothing_waiting_for_commencement_is_in_force_by_default() {
        let law = LawInForce::default();
        for year in [2026, 2030, 2100] {
            let day = NaiveDate::from_ymd_opt(year, 6, 1).unwrap();
            assert!(!law.duty_to_share_on(day));
            assert!(!law.consistent_identifier_on(day));
        }
    }
}
