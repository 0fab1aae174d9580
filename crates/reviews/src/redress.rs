//! Complaints and appeals a carer makes as the child's advocate, with their deadlines.
//!
//! | what | deadline | source |
//! |---|---|---|
//! | children's social care complaint, stage 1 (local resolution) | a response within 10 working days of receipt, or 20 where the authority extends it | Children Act 1989 s.26(3); Children Act 1989 Representations Procedure (England) Regulations 2006 reg 14 |
//! | stage 2 (investigation) | 25 working days, or at most 65 where extended | the same Regulations, reg 17 |
//! | stage 3 (review panel) | the panel meets within 30 working days of the request | reg 19(4), checked against the text |
//! | another agency's complaint (a school, a health service) | the date the agency's own procedure gives, when recorded | no statutory timescale: a school's procedure is its own (Education Act 2002 s.29) |
//! | appeal to the First-tier Tribunal (SEND) | the later of two months after the decision was sent and one month after a mediation certificate | Tribunal Procedure (HESC) Rules 2008 r.20(1); Children and Families Act 2014 s.51 |
//! | mediation advice first | before appealing about anything but the school or other institution named, the parent contacts a mediation adviser and gets a certificate | Children and Families Act 2014 s.55(3); SEND Regulations 2014 reg 33 |
//!
//! Working days are those of the [`WorkingCalendar`] given (the Regulations define a
//! working day as any day but a weekend, Christmas Day, Boxing Day, Good Friday and a
//! bank holiday, which is the England and Wales calendar). Which stage a complaint is
//! at, and whether it was extended, is recorded, never assumed.

use chrono::NaiveDate;
use partnership_core::{AgencyId, CarerId};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{WorkingCalendar, send_tribunal_appeal_by};

/// A stage of the statutory children's social care complaints procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ComplaintStage {
    /// Stage 1: local resolution.
    LocalResolution,
    /// Stage 2: investigation by an officer, with an independent person.
    Investigation,
    /// Stage 3: a review panel of three independent persons.
    ReviewPanel,
}

impl ComplaintStage {
    /// Working days from receiving the complaint (or the request for a panel) to the
    /// response, or the panel's meeting; `extended` when the authority extended it,
    /// which only stages 1 and 2 allow.
    ///
    /// ```
    /// use partnership_reviews::ComplaintStage;
    ///
    /// assert_eq!(ComplaintStage::LocalResolution.working_days(false), 10);
    /// assert_eq!(ComplaintStage::Investigation.working_days(true), 65);
    /// assert_eq!(ComplaintStage::ReviewPanel.working_days(true), 30);
    /// ```
    pub const fn working_days(self, extended: bool) -> u32 {
        match (self, extended) {
            (Self::LocalResolution, false) => 10,
            (Self::LocalResolution, true) => 20,
            (Self::Investigation, false) => 25,
            (Self::Investigation, true) => 65,
            (Self::ReviewPanel, _) => 30,
        }
    }

    /// The regulation of the Children Act 1989 Representations Procedure (England)
    /// Regulations 2006 that sets the limit.
    pub const fn regulation(self) -> &'static str {
        match self {
            Self::LocalResolution => "reg 14",
            Self::Investigation => "reg 17",
            Self::ReviewPanel => "reg 19(4)",
        }
    }
}

/// A complaint or an appeal a carer has made, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Redress {
    /// A complaint under the children's social care complaints procedure.
    #[serde(rename_all = "camelCase")]
    SocialCareComplaint {
        /// The carer who made it.
        carer: CarerId,
        /// The stage it is at.
        stage: ComplaintStage,
        /// When the authority received it at this stage (for a panel, the request).
        received_on: NaiveDate,
        /// Whether the authority extended the time (stages 1 and 2 only).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        extended: bool,
        /// When it responded at this stage (for a panel, when it met).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        responded_on: Option<NaiveDate>,
    },
    /// A complaint to another agency under its own procedure.
    #[serde(rename_all = "camelCase")]
    AgencyComplaint {
        /// The carer who made it.
        carer: CarerId,
        /// The agency complained to.
        agency: AgencyId,
        /// When the agency received it.
        received_on: NaiveDate,
        /// The response date the agency's procedure gives, when it gives one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        respond_by: Option<NaiveDate>,
        /// When it responded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        responded_on: Option<NaiveDate>,
    },
    /// An appeal to the First-tier Tribunal (SEND) against a local authority's
    /// decision about an EHC needs assessment or plan.
    #[serde(rename_all = "camelCase")]
    TribunalAppeal {
        /// The carer appealing.
        carer: CarerId,
        /// When the decision letter was sent.
        decision_sent_on: NaiveDate,
        /// Whether the appeal is only about the school or other institution named, for
        /// which no mediation certificate is needed (Children and Families Act 2014
        /// s.55(3)).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        only_about_the_school_named: bool,
        /// When the mediation adviser issued the certificate.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        mediation_certificate_issued_on: Option<NaiveDate>,
        /// When the appeal was lodged with the Tribunal.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lodged_on: Option<NaiveDate>,
    },
}

/// What a [`Redress`] is waiting for, and by when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RedressDeadline {
    /// The last day.
    pub by: NaiveDate,
    /// Whether it is the carer's deadline (an appeal to lodge) rather than the
    /// agency's (a response to give).
    pub carers_to_act: bool,
}

impl Redress {
    /// The carer who made it.
    pub const fn carer(&self) -> CarerId {
        match self {
            Self::SocialCareComplaint { carer, .. }
            | Self::AgencyComplaint { carer, .. }
            | Self::TribunalAppeal { carer, .. } => *carer,
        }
    }

    /// When it started: the complaint received, or the decision appealed against sent.
    pub const fn started_on(&self) -> NaiveDate {
        match self {
            Self::SocialCareComplaint { received_on, .. }
            | Self::AgencyComplaint { received_on, .. } => *received_on,
            Self::TribunalAppeal {
                decision_sent_on, ..
            } => *decision_sent_on,
        }
    }

    /// The dates it records that cannot come before it started, each with its field.
    pub fn later_dates(&self) -> Vec<(&'static str, NaiveDate)> {
        let mut dates = Vec::new();
        match self {
            Self::SocialCareComplaint { responded_on, .. } => {
                dates.extend(responded_on.map(|d| ("respondedOn", d)));
            }
            Self::AgencyComplaint {
                respond_by,
                responded_on,
                ..
            } => {
                dates.extend(respond_by.map(|d| ("respondBy", d)));
                dates.extend(responded_on.map(|d| ("respondedOn", d)));
            }
            Self::TribunalAppeal {
                mediation_certificate_issued_on,
                lodged_on,
                ..
            } => {
                dates.extend(
                    mediation_certificate_issued_on.map(|d| ("mediationCertificateIssuedOn", d)),
                );
                dates.extend(lodged_on.map(|d| ("lodgedOn", d)));
            }
        }
        dates
    }

    /// Whether a mediation certificate is still needed before the appeal can be
    /// lodged: an appeal about more than the school named, with no certificate
    /// recorded and not yet lodged (Children and Families Act 2014 s.55(3)).
    pub const fn needs_mediation_certificate(&self) -> bool {
        matches!(
            self,
            Self::TribunalAppeal {
                only_about_the_school_named: false,
                mediation_certificate_issued_on: None,
                lodged_on: None,
                ..
            }
        )
    }

    /// What it is waiting for and by when, on `calendar`; `None` when nothing is
    /// awaited (responded, lodged, or an agency complaint with no date to respond by)
    /// or at the far end of the calendar's range.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use partnership_core::CarerId;
    /// use partnership_reviews::{ComplaintStage, Redress, WorkingCalendar};
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let calendar = WorkingCalendar::england_and_wales();
    /// // Received on Friday 18 December 2026: ten working days skip Christmas, Boxing
    /// // Day (a Saturday, so Monday 28th is the holiday) and New Year's Day.
    /// let complaint = Redress::SocialCareComplaint {
    ///     carer: CarerId::random(),
    ///     stage: ComplaintStage::LocalResolution,
    ///     received_on: d(2026, 12, 18),
    ///     extended: false,
    ///     responded_on: None,
    /// };
    /// assert_eq!(complaint.deadline(&calendar).map(|x| x.by), Some(d(2027, 1, 6)));
    /// ```
    pub fn deadline(&self, calendar: &WorkingCalendar) -> Option<RedressDeadline> {
        let agency = |by| {
            Some(RedressDeadline {
                by,
                carers_to_act: false,
            })
        };
        match self {
            Self::SocialCareComplaint {
                stage,
                received_on,
                extended,
                responded_on: None,
                ..
            } => agency(calendar.add_working_days(*received_on, stage.working_days(*extended))?),
            Self::AgencyComplaint {
                respond_by: Some(by),
                responded_on: None,
                ..
            } => agency(*by),
            Self::TribunalAppeal {
                decision_sent_on,
                mediation_certificate_issued_on,
                lodged_on: None,
                ..
            } => Some(RedressDeadline {
                by: send_tribunal_appeal_by(*decision_sent_on, *mediation_certificate_issued_on)?,
                carers_to_act: true,
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Each limit with its source, counted on the England and Wales calendar.
    #[test]
    fn complaint_deadlines_by_stage() {
        let calendar = WorkingCalendar::england_and_wales();
        let carer = CarerId::random();
        let complaint = |stage, extended| Redress::SocialCareComplaint {
            carer,
            stage,
            received_on: d(2026, 11, 2), // a Monday
            extended,
            responded_on: None,
        };
        let cases = [
            // reg 14: 10 working days, 20 extended.
            (ComplaintStage::LocalResolution, false, d(2026, 11, 16)),
            (ComplaintStage::LocalResolution, true, d(2026, 11, 30)),
            // reg 17: 25 working days, 65 extended (over Christmas and New Year).
            (ComplaintStage::Investigation, false, d(2026, 12, 7)),
            (ComplaintStage::Investigation, true, d(2027, 2, 4)),
            // reg 19(4): the panel meets within 30 working days; no extension.
            (ComplaintStage::ReviewPanel, true, d(2026, 12, 14)),
        ];
        for (stage, extended, by) in cases {
            let due = complaint(stage, extended).deadline(&calendar).unwrap();
            assert_eq!(due.by, by, "{stage:?} extended {extended}");
            assert!(!due.carers_to_act);
            assert!(calendar.is_working_day(due.by));
        }
        let answered = Redress::SocialCareComplaint {
            carer,
            stage: ComplaintStage::LocalResolution,
            received_on: d(2026, 11, 2),
            extended: false,
            responded_on: Some(d(2026, 11, 10)),
        };
        assert_eq!(answered.deadline(&calendar), None);
    }

    #[test]
    fn an_appeal_waits_on_the_carer_and_on_mediation_advice() {
        let calendar = WorkingCalendar::england_and_wales();
        let appeal = |only_school, certificate, lodged| Redress::TribunalAppeal {
            carer: CarerId::random(),
            decision_sent_on: d(2026, 10, 1),
            only_about_the_school_named: only_school,
            mediation_certificate_issued_on: certificate,
            lodged_on: lodged,
        };
        let waiting = appeal(false, None, None);
        assert!(waiting.needs_mediation_certificate());
        assert_eq!(
            waiting.deadline(&calendar),
            Some(RedressDeadline {
                by: d(2026, 12, 1),
                carers_to_act: true
            })
        );
        // Only about the school named: no certificate needed (CFA 2014 s.55(3)).
        assert!(!appeal(true, None, None).needs_mediation_certificate());
        // A late certificate carries the deadline a month on (HESC Rules r.20(1)).
        assert_eq!(
            appeal(false, Some(d(2026, 11, 20)), None)
                .deadline(&calendar)
                .map(|x| x.by),
            Some(d(2026, 12, 20))
        );
        // Lodged: nothing awaited.
        assert_eq!(
            appeal(false, Some(d(2026, 11, 20)), Some(d(2026, 12, 1))).deadline(&calendar),
            None
        );
    }
}
