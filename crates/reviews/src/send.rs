//! Special educational needs timescales: an EHC needs assessment from the request to
//! the final plan, and the time to appeal to the SEND Tribunal (England).
//!
//! The sources, checked against the text on legislation.gov.uk:
//! - the decision whether to assess, within 6 weeks of receiving the request (SEND
//!   Regulations 2014 reg 5(1); reg 4, sometimes cited for it, is the consultation
//!   before it: this library follows the regulations, docs/domain.md section 7);
//! - a decision not to issue a plan after assessing, within 16 weeks of the request
//!   (reg 10(1));
//! - the final plan, within 20 weeks of the request (reg 13(2));
//! - each time limit lapses when meeting it is impractical for a reason the
//!   regulation lists (regs 5(4), 10(4), 13(3)): [`TimescaleException`];
//! - an appeal to the First-tier Tribunal (SEND) is made by the later of two months
//!   after the decision was sent and one month after a mediation certificate was
//!   issued (Tribunal Procedure (First-tier Tribunal) (Health, Education and Social
//!   Care Chamber) Rules 2008 r.20(1); Children and Families Act 2014 ss.51, 55).
//!
//! Weeks and months are counted from the day of the event: 6 weeks after a request
//! received on a Monday is the Monday six weeks on; two months after 31 December is
//! the last day of February. These deadlines are calendar time, not working days.

use chrono::{Days, NaiveDate};
use partnership_core::add_months;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A reason the regulations give for a time limit in an EHC needs assessment not to
/// apply, because meeting it is impractical (SEND Regulations 2014 regs 5(4), 10(4),
/// 13(3)). The local authority then acts as soon as practicable; the reason is
/// recorded, never assumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum TimescaleException {
    /// Advice was asked of a head teacher or principal from a week before their school
    /// or college closed for at least 4 weeks until a week before it reopened.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    SchoolClosed,
    /// The same, for an early years provider.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    EarlyYearsProviderClosed,
    /// Exceptional personal circumstances affect the child, the parent or the young
    /// person during the period.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    ExceptionalPersonalCircumstances,
    /// The parent or young person was away from the local authority's area for at
    /// least 4 weeks during the period.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    AbsentFromTheArea,
    /// The child or young person did not keep an appointment for an examination or a
    /// test. Only the 16- and 20-week limits (regs 10(4)(e), 13(3)(e)): no
    /// examination is made before the decision whether to assess.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    MissedAppointment,
}

/// A step of an EHC needs assessment that has a time limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AssessmentStep {
    /// Telling the parent or young person whether the authority will assess (reg 5(1)).
    DecideWhetherToAssess,
    /// Telling them, after assessing, that no plan will be issued (reg 10(1)).
    DecideNotToIssue,
    /// Sending the final EHC plan (reg 13(2)).
    FinalPlan,
}

impl AssessmentStep {
    /// Weeks from receiving the request.
    pub const fn weeks(self) -> u64 {
        match self {
            Self::DecideWhetherToAssess => 6,
            Self::DecideNotToIssue => 16,
            Self::FinalPlan => 20,
        }
    }

    /// The regulation that sets the limit.
    pub const fn regulation(self) -> &'static str {
        match self {
            Self::DecideWhetherToAssess => "SEND Regulations 2014 reg 5(1)",
            Self::DecideNotToIssue => "SEND Regulations 2014 reg 10(1)",
            Self::FinalPlan => "SEND Regulations 2014 reg 13(2)",
        }
    }
}

impl TimescaleException {
    /// Whether this reason lifts the time limit for `step`.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
    /// use partnership::reviews::{AssessmentStep, TimescaleException};
    ///
    /// let missed = TimescaleException::MissedAppointment;
    /// assert!(missed.applies_to(AssessmentStep::FinalPlan));
    /// assert!(!missed.applies_to(AssessmentStep::DecideWhetherToAssess));
    /// ```
    pub const fn applies_to(self, step: AssessmentStep) -> bool {
        !matches!(
            (self, step),
            (
                Self::MissedAppointment,
                AssessmentStep::DecideWhetherToAssess
            )
        )
    }
}

/// The deadlines of an EHC needs assessment, counted from the day the request was
/// received (or the day the authority became responsible for the child).
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::reviews::{AssessmentStep, EhcAssessmentTimescales};
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let t = EhcAssessmentTimescales::from_request(d(2026, 9, 14)).unwrap();
/// assert_eq!(t.decide_whether_to_assess_by, d(2026, 10, 26));
/// assert_eq!(t.decide_not_to_issue_by, d(2027, 1, 4));
/// assert_eq!(t.final_plan_by, d(2027, 2, 1));
/// assert_eq!(t.due(AssessmentStep::FinalPlan, &[]), Some(d(2027, 2, 1)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EhcAssessmentTimescales {
    /// The day the request was received.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub requested_on: NaiveDate,
    /// The last day to tell the family whether the authority will assess: 6 weeks.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub decide_whether_to_assess_by: NaiveDate,
    /// The last day to tell them, after assessing, that no plan will be issued: 16 weeks.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub decide_not_to_issue_by: NaiveDate,
    /// The last day to send the final plan: 20 weeks.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub final_plan_by: NaiveDate,
}

impl EhcAssessmentTimescales {
    /// The deadlines for a request received on `requested_on`; `None` only at the far
    /// end of the calendar's range.
    pub fn from_request(requested_on: NaiveDate) -> Option<Self> {
        let after =
            |step: AssessmentStep| requested_on.checked_add_days(Days::new(step.weeks() * 7));
        Some(Self {
            requested_on,
            decide_whether_to_assess_by: after(AssessmentStep::DecideWhetherToAssess)?,
            decide_not_to_issue_by: after(AssessmentStep::DecideNotToIssue)?,
            final_plan_by: after(AssessmentStep::FinalPlan)?,
        })
    }

    /// The deadline for `step`, or `None` when a recorded reason lifts it (the
    /// authority must then act as soon as practicable).
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::reviews::{AssessmentStep, EhcAssessmentTimescales, TimescaleException};
    ///
    /// let t = EhcAssessmentTimescales::from_request(NaiveDate::from_ymd_opt(2026, 9, 14).unwrap()).unwrap();
    /// let away = [TimescaleException::AbsentFromTheArea];
    /// assert_eq!(t.due(AssessmentStep::FinalPlan, &away), None);
    /// ```
    pub fn due(
        &self,
        step: AssessmentStep,
        exceptions: &[TimescaleException],
    ) -> Option<NaiveDate> {
        if exceptions.iter().any(|e| e.applies_to(step)) {
            return None;
        }
        Some(match step {
            AssessmentStep::DecideWhetherToAssess => self.decide_whether_to_assess_by,
            AssessmentStep::DecideNotToIssue => self.decide_not_to_issue_by,
            AssessmentStep::FinalPlan => self.final_plan_by,
        })
    }
}

/// The last day to appeal to the First-tier Tribunal (SEND) against a decision whose
/// written notice was sent on `decision_sent_on`: two months after it, or one month
/// after the mediation certificate was issued, whichever is later (Tribunal Procedure
/// (First-tier Tribunal) (Health, Education and Social Care Chamber) Rules 2008
/// r.20(1)). Before appealing about anything but the school or other institution named,
/// a parent or young person must contact a mediation adviser and be given a
/// certificate (Children and Families Act 2014 s.55(3)), which the adviser issues
/// within 3 working days whether or not they go to mediation. `None` only at the far
/// end of the calendar's range.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::reviews::send_tribunal_appeal_by;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // No mediation certificate: two months from the decision letter.
/// assert_eq!(send_tribunal_appeal_by(d(2026, 12, 31), None), Some(d(2027, 2, 28)));
/// // A certificate issued late in the two months carries the deadline on a month.
/// assert_eq!(send_tribunal_appeal_by(d(2026, 10, 1), Some(d(2026, 11, 20))), Some(d(2026, 12, 20)));
/// // An early certificate does not shorten the two months.
/// assert_eq!(send_tribunal_appeal_by(d(2026, 10, 1), Some(d(2026, 10, 5))), Some(d(2026, 12, 1)));
/// ```
pub fn send_tribunal_appeal_by(
    decision_sent_on: NaiveDate,
    mediation_certificate_issued_on: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let two_months = add_months(decision_sent_on, 2)?;
    match mediation_certificate_issued_on {
        None => Some(two_months),
        Some(issued) => Some(two_months.max(add_months(issued, 1)?)),
    }
}
