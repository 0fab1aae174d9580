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
use partnership_core::{AgencyId, CarerId, RedressId};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{ReviewsError, WorkingCalendar, send_tribunal_appeal_by};

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
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
    /// use partnership::reviews::ComplaintStage;
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

/// How a complaint or appeal is pursued, with what the record holds of each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum RedressRoute {
    /// A complaint under the children's social care complaints procedure, at one
    /// stage: a complaint taken on to the next stage is recorded again, because the
    /// request for the next stage starts its own clock.
    #[serde(rename_all = "camelCase")]
    SocialCareComplaint {
        /// The stage it is at.
        stage: ComplaintStage,
        /// When the authority received it at this stage (for a panel, the request).
        #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
        received_on: NaiveDate,
        /// Whether the authority extended the time (stages 1 and 2 only).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        extended: bool,
        /// When it responded at this stage (for a panel, when it met).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
        responded_on: Option<NaiveDate>,
    },
    /// A complaint to another agency under its own procedure.
    #[serde(rename_all = "camelCase")]
    AgencyComplaint {
        /// The agency complained to.
        agency: AgencyId,
        /// When the agency received it.
        #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
        received_on: NaiveDate,
        /// The response date the agency's procedure gives, when it gives one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
        respond_by: Option<NaiveDate>,
        /// When it responded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
        responded_on: Option<NaiveDate>,
    },
    /// An appeal to the First-tier Tribunal (SEND) against a local authority's
    /// decision about an EHC needs assessment or plan.
    #[serde(rename_all = "camelCase")]
    TribunalAppeal {
        /// When the decision letter was sent.
        #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
        decision_sent_on: NaiveDate,
        /// Whether the appeal is only about the school or other institution named, for
        /// which no mediation certificate is needed (Children and Families Act 2014
        /// s.55(3)).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        only_about_the_school_named: bool,
        /// When the mediation adviser issued the certificate (after mediation, or
        /// after the parent said they did not want it).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
        mediation_certificate_issued_on: Option<NaiveDate>,
        /// When the appeal was lodged with the Tribunal.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
        lodged_on: Option<NaiveDate>,
    },
}

/// The plain fields of a [`Redress`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RedressParts {
    /// The complaint's or appeal's id.
    pub id: RedressId,
    /// The carer who made it.
    pub carer: CarerId,
    /// How it is pursued, and where it stands.
    pub route: RedressRoute,
}

fn check_redress(parts: &RedressParts) -> Result<(), ReviewsError> {
    let broken = |field, rule| Err(ReviewsError::Redress { field, rule });
    let started = parts.route.started_on();
    for (field, day) in parts.route.later_dates() {
        if day < started {
            return broken(
                field,
                "is before the complaint was received or the decision sent",
            );
        }
    }
    match &parts.route {
        RedressRoute::SocialCareComplaint {
            stage: ComplaintStage::ReviewPanel,
            extended: true,
            ..
        } => broken(
            "route/extended",
            "a review panel's time is not extended: it meets within 30 working days of the request (Representations Procedure (England) Regulations 2006 reg 19(4))",
        ),
        RedressRoute::TribunalAppeal {
            mediation_certificate_issued_on: Some(issued),
            lodged_on: Some(lodged),
            ..
        } if issued > lodged => broken(
            "route/mediationCertificateIssuedOn",
            "is after the appeal was lodged: the certificate comes first (Children and Families Act 2014 s.55(3))",
        ),
        RedressRoute::TribunalAppeal {
            only_about_the_school_named: false,
            mediation_certificate_issued_on: None,
            lodged_on: Some(_),
            ..
        } => broken(
            "route/mediationCertificateIssuedOn",
            "an appeal about more than the school or other institution named is lodged only with a mediation certificate (Children and Families Act 2014 s.55(3)); record when it was issued",
        ),
        _ => Ok(()),
    }
}

partnership_core::validated! {
    /// A complaint or an appeal a carer has made as the child's advocate, as
    /// recorded: who made it, how it is pursued, and where it stands.
    ///
    /// Built from [`RedressParts`] with `try_from`, which refuses a date before the
    /// complaint was received or the decision sent, an extended review panel, and
    /// an appeal about more than the school named lodged without a mediation
    /// certificate (or with one issued after it was lodged).
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::core::{CarerId, RedressId};
    /// use partnership::reviews::{ComplaintStage, Redress, RedressParts, RedressRoute, WorkingCalendar};
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let calendar = WorkingCalendar::england_and_wales();
    /// // Received on Friday 18 December 2026: ten working days skip Christmas, Boxing
    /// // Day (a Saturday, so Monday 28th is the holiday) and New Year's Day.
    /// let complaint = Redress::try_from(RedressParts {
    ///     id: RedressId::random(),
    ///     carer: CarerId::random(),
    ///     route: RedressRoute::SocialCareComplaint {
    ///         stage: ComplaintStage::LocalResolution,
    ///         received_on: d(2026, 12, 18),
    ///         extended: false,
    ///         responded_on: None,
    ///     },
    /// })
    /// .unwrap();
    /// assert_eq!(complaint.deadline(&calendar).map(|x| x.by), Some(d(2027, 1, 6)));
    ///
    /// // A response dated before the complaint was received is refused.
    /// let mut parts = complaint.into_parts();
    /// parts.route = RedressRoute::SocialCareComplaint {
    ///     stage: ComplaintStage::LocalResolution,
    ///     received_on: d(2026, 12, 18),
    ///     extended: false,
    ///     responded_on: Some(d(2026, 12, 1)),
    /// };
    /// assert!(Redress::try_from(parts).is_err());
    /// ```
    #[derive(Clone, PartialEq, Eq)]
    pub struct Redress(RedressParts);
    check = check_redress;
    error = ReviewsError;
}

/// What a [`Redress`] is waiting for, and by when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RedressDeadline {
    /// The last day.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub by: NaiveDate,
    /// Whether it is the carer's deadline (an appeal to lodge) rather than the
    /// agency's (a response to give).
    pub carers_to_act: bool,
}

impl RedressRoute {
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

    /// The field that holds the day it started, relative to the redress.
    const fn started_field(&self) -> &'static str {
        match self {
            Self::SocialCareComplaint { .. } | Self::AgencyComplaint { .. } => "route/receivedOn",
            Self::TribunalAppeal { .. } => "route/decisionSentOn",
        }
    }

    /// The dates it records that cannot come before it started, each with its field
    /// relative to the redress.
    fn later_dates(&self) -> Vec<(&'static str, NaiveDate)> {
        let mut dates = Vec::new();
        match self {
            Self::SocialCareComplaint { responded_on, .. } => {
                dates.extend(responded_on.map(|d| ("route/respondedOn", d)));
            }
            Self::AgencyComplaint {
                respond_by,
                responded_on,
                ..
            } => {
                dates.extend(respond_by.map(|d| ("route/respondBy", d)));
                dates.extend(responded_on.map(|d| ("route/respondedOn", d)));
            }
            Self::TribunalAppeal {
                mediation_certificate_issued_on,
                lodged_on,
                ..
            } => {
                dates.extend(
                    mediation_certificate_issued_on
                        .map(|d| ("route/mediationCertificateIssuedOn", d)),
                );
                dates.extend(lodged_on.map(|d| ("route/lodgedOn", d)));
            }
        }
        dates
    }

    /// What it is in words, for a practitioner: "a stage 1 complaint to children's
    /// social care", "an appeal to the SEND Tribunal".
    pub const fn words(&self) -> &'static str {
        match self {
            Self::SocialCareComplaint {
                stage: ComplaintStage::LocalResolution,
                ..
            } => "a complaint to children's social care (stage 1, local resolution)",
            Self::SocialCareComplaint {
                stage: ComplaintStage::Investigation,
                ..
            } => "a complaint to children's social care (stage 2, investigation)",
            Self::SocialCareComplaint {
                stage: ComplaintStage::ReviewPanel,
                ..
            } => "a complaint to children's social care (stage 3, review panel)",
            Self::AgencyComplaint { .. } => "a complaint to an agency",
            Self::TribunalAppeal { .. } => "an appeal to the SEND Tribunal",
        }
    }
}

impl Redress {
    /// The id.
    pub fn id(&self) -> RedressId {
        self.0.id
    }

    /// The carer who made it.
    pub fn carer(&self) -> CarerId {
        self.0.carer
    }

    /// How it is pursued, and where it stands.
    pub fn route(&self) -> &RedressRoute {
        &self.0.route
    }

    /// The agency complained to, for a complaint to another agency.
    pub fn agency(&self) -> Option<AgencyId> {
        match self.0.route {
            RedressRoute::AgencyComplaint { agency, .. } => Some(agency),
            _ => None,
        }
    }

    /// When it started: the complaint received, or the decision appealed against sent.
    pub fn started_on(&self) -> NaiveDate {
        self.0.route.started_on()
    }

    /// The days on which something it records happened, each with its field relative
    /// to the redress: when it started, was answered, certified or lodged. A date the
    /// agency gave to respond by is a promise, not a fact, and is left out.
    pub fn facts(&self) -> Vec<(&'static str, NaiveDate)> {
        let mut facts = vec![(self.0.route.started_field(), self.started_on())];
        facts.extend(
            self.0
                .route
                .later_dates()
                .into_iter()
                .filter(|(field, _)| *field != "route/respondBy"),
        );
        facts
    }

    /// The complaint or appeal as it stood at the end of `day`: what happened later
    /// (a response, a certificate, a lodging) left out, and `None` if it had not yet
    /// started. A report or a due list as of a past day reads it this way.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::core::{CarerId, RedressId};
    /// use partnership::reviews::{ComplaintStage, Redress, RedressParts, RedressRoute};
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let answered = Redress::try_from(RedressParts {
    ///     id: RedressId::random(),
    ///     carer: CarerId::random(),
    ///     route: RedressRoute::SocialCareComplaint {
    ///         stage: ComplaintStage::LocalResolution,
    ///         received_on: d(11, 2),
    ///         extended: false,
    ///         responded_on: Some(d(11, 25)),
    ///     },
    /// }).unwrap();
    /// assert!(answered.as_of(d(11, 20)).unwrap().is_open());
    /// assert!(!answered.as_of(d(11, 25)).unwrap().is_open());
    /// assert!(answered.as_of(d(11, 1)).is_none());
    /// ```
    pub fn as_of(&self, day: NaiveDate) -> Option<Self> {
        if self.started_on() > day {
            return None;
        }
        let by_then = |date: &mut Option<NaiveDate>| {
            if date.is_some_and(|d| d > day) {
                *date = None;
            }
        };
        let mut parts = self.0.clone();
        match &mut parts.route {
            RedressRoute::SocialCareComplaint { responded_on, .. }
            | RedressRoute::AgencyComplaint { responded_on, .. } => by_then(responded_on),
            RedressRoute::TribunalAppeal {
                mediation_certificate_issued_on,
                lodged_on,
                ..
            } => {
                by_then(mediation_certificate_issued_on);
                by_then(lodged_on);
            }
        }
        // Taking later facts away keeps the history consistent: a lodging without
        // its certificate cannot remain, since the lodging came after it.
        Self::try_from(parts).ok()
    }

    /// Whether it is still open: not answered, met or lodged.
    pub fn is_open(&self) -> bool {
        match &self.0.route {
            RedressRoute::SocialCareComplaint { responded_on, .. }
            | RedressRoute::AgencyComplaint { responded_on, .. } => responded_on.is_none(),
            RedressRoute::TribunalAppeal { lodged_on, .. } => lodged_on.is_none(),
        }
    }

    /// Whether a mediation certificate is still needed before the appeal can be
    /// lodged: an appeal about more than the school named, with no certificate
    /// recorded and not yet lodged (Children and Families Act 2014 s.55(3)).
    pub fn needs_mediation_certificate(&self) -> bool {
        matches!(
            self.0.route,
            RedressRoute::TribunalAppeal {
                only_about_the_school_named: false,
                mediation_certificate_issued_on: None,
                lodged_on: None,
                ..
            }
        )
    }

    /// Whether `self`, a later version of `earlier`, only adds to it: the same carer,
    /// route, stage and start, and everything `earlier` recorded (a response, an
    /// extension, a certificate, a lodging, the agency's date) still there as it was.
    ///
    /// # Errors
    ///
    /// [`ReviewsError::Redress`] at the first field `self` changes or takes away.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::core::{CarerId, RedressId};
    /// use partnership::reviews::{Redress, RedressParts, RedressRoute};
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let (id, carer) = (RedressId::random(), CarerId::random());
    /// let appeal = |certificate, lodged| Redress::try_from(RedressParts {
    ///     id,
    ///     carer,
    ///     route: RedressRoute::TribunalAppeal {
    ///         decision_sent_on: d(9, 1),
    ///         only_about_the_school_named: false,
    ///         mediation_certificate_issued_on: certificate,
    ///         lodged_on: lodged,
    ///     },
    /// }).unwrap();
    /// let waiting = appeal(None, None);
    /// let certified = appeal(Some(d(10, 1)), None);
    /// assert!(certified.only_adds_to(&waiting).is_ok());
    /// // The certificate's day cannot be rewritten.
    /// assert!(appeal(Some(d(10, 2)), None).only_adds_to(&certified).is_err());
    /// ```
    pub fn only_adds_to(&self, earlier: &Self) -> Result<(), ReviewsError> {
        let changed = |field| {
            Err(ReviewsError::Redress {
                field,
                rule: "changes what was already recorded: an update only adds what has happened since",
            })
        };
        if self.0.carer != earlier.0.carer {
            return changed("carer");
        }
        // An earlier value must still be there, unchanged.
        let kept = |now: Option<NaiveDate>, then: Option<NaiveDate>| then.is_none() || now == then;
        match (&self.0.route, &earlier.0.route) {
            (
                RedressRoute::SocialCareComplaint {
                    stage,
                    received_on,
                    extended,
                    responded_on,
                },
                RedressRoute::SocialCareComplaint {
                    stage: stage0,
                    received_on: received0,
                    extended: extended0,
                    responded_on: responded0,
                },
            ) => {
                if stage != stage0 {
                    return changed("route/stage");
                }
                if received_on != received0 {
                    return changed("route/receivedOn");
                }
                if *extended0 && !*extended {
                    return changed("route/extended");
                }
                if !kept(*responded_on, *responded0) {
                    return changed("route/respondedOn");
                }
            }
            (
                RedressRoute::AgencyComplaint {
                    agency,
                    received_on,
                    respond_by,
                    responded_on,
                },
                RedressRoute::AgencyComplaint {
                    agency: agency0,
                    received_on: received0,
                    respond_by: by0,
                    responded_on: responded0,
                },
            ) => {
                if agency != agency0 {
                    return changed("route/agency");
                }
                if received_on != received0 {
                    return changed("route/receivedOn");
                }
                if !kept(*respond_by, *by0) {
                    return changed("route/respondBy");
                }
                if !kept(*responded_on, *responded0) {
                    return changed("route/respondedOn");
                }
            }
            (
                RedressRoute::TribunalAppeal {
                    decision_sent_on,
                    only_about_the_school_named,
                    mediation_certificate_issued_on,
                    lodged_on,
                },
                RedressRoute::TribunalAppeal {
                    decision_sent_on: sent0,
                    only_about_the_school_named: school0,
                    mediation_certificate_issued_on: certificate0,
                    lodged_on: lodged0,
                },
            ) => {
                if decision_sent_on != sent0 {
                    return changed("route/decisionSentOn");
                }
                if only_about_the_school_named != school0 {
                    return changed("route/onlyAboutTheSchoolNamed");
                }
                if !kept(*mediation_certificate_issued_on, *certificate0) {
                    return changed("route/mediationCertificateIssuedOn");
                }
                if !kept(*lodged_on, *lodged0) {
                    return changed("route/lodgedOn");
                }
            }
            _ => return changed("route/kind"),
        }
        Ok(())
    }

    /// What it is waiting for and by when, on `calendar`; `None` when nothing is
    /// awaited (responded, lodged, or an agency complaint with no date to respond by)
    /// or at the far end of the calendar's range.
    pub fn deadline(&self, calendar: &WorkingCalendar) -> Option<RedressDeadline> {
        let agency = |by| {
            Some(RedressDeadline {
                by,
                carers_to_act: false,
            })
        };
        match &self.0.route {
            RedressRoute::SocialCareComplaint {
                stage,
                received_on,
                extended,
                responded_on: None,
            } => agency(calendar.add_working_days(*received_on, stage.working_days(*extended))?),
            RedressRoute::AgencyComplaint {
                respond_by: Some(by),
                responded_on: None,
                ..
            } => agency(*by),
            RedressRoute::TribunalAppeal {
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

    fn parts(carer: CarerId, route: RedressRoute) -> RedressParts {
        RedressParts {
            id: RedressId::random(),
            carer,
            route,
        }
    }

    fn redress(carer: CarerId, route: RedressRoute) -> Redress {
        Redress::try_from(parts(carer, route)).unwrap()
    }

    /// What the Regulations and the Act rule out is refused at its field.
    #[test]
    fn contradictory_histories_are_refused() {
        let carer = CarerId::random();
        let field = |route| match Redress::try_from(parts(carer, route)) {
            Err(ReviewsError::Redress { field, .. }) => field,
            other => panic!("accepted or refused otherwise: {other:?}"),
        };
        assert_eq!(
            field(RedressRoute::SocialCareComplaint {
                stage: ComplaintStage::ReviewPanel,
                received_on: d(2026, 11, 2),
                extended: true,
                responded_on: None,
            }),
            "route/extended"
        );
        assert_eq!(
            field(RedressRoute::AgencyComplaint {
                agency: AgencyId::random(),
                received_on: d(2026, 11, 2),
                respond_by: Some(d(2026, 10, 30)),
                responded_on: None,
            }),
            "route/respondBy"
        );
        // Lodged with no certificate, and about more than the school named.
        let lodged = |school, certificate| RedressRoute::TribunalAppeal {
            decision_sent_on: d(2026, 10, 1),
            only_about_the_school_named: school,
            mediation_certificate_issued_on: certificate,
            lodged_on: Some(d(2026, 11, 1)),
        };
        assert_eq!(
            field(lodged(false, None)),
            "route/mediationCertificateIssuedOn"
        );
        assert_eq!(
            field(lodged(false, Some(d(2026, 11, 2)))),
            "route/mediationCertificateIssuedOn"
        );
        // Only about the school named: lodged without one is fine.
        assert!(Redress::try_from(parts(carer, lodged(true, None))).is_ok());
    }

    /// Each limit with its source, counted on the England and Wales calendar.
    #[test]
    fn complaint_deadlines_by_stage() {
        let calendar = WorkingCalendar::england_and_wales();
        let carer = CarerId::random();
        let complaint = |stage, extended| {
            redress(
                carer,
                RedressRoute::SocialCareComplaint {
                    stage,
                    received_on: d(2026, 11, 2), // a Monday
                    extended,
                    responded_on: None,
                },
            )
        };
        let cases = [
            // reg 14: 10 working days, 20 extended.
            (ComplaintStage::LocalResolution, false, d(2026, 11, 16)),
            (ComplaintStage::LocalResolution, true, d(2026, 11, 30)),
            // reg 17: 25 working days, 65 extended (over Christmas and New Year).
            (ComplaintStage::Investigation, false, d(2026, 12, 7)),
            (ComplaintStage::Investigation, true, d(2027, 2, 4)),
            // reg 19(4): the panel meets within 30 working days; no extension.
            (ComplaintStage::ReviewPanel, false, d(2026, 12, 14)),
        ];
        for (stage, extended, by) in cases {
            let due = complaint(stage, extended).deadline(&calendar).unwrap();
            assert_eq!(due.by, by, "{stage:?} extended {extended}");
            assert!(!due.carers_to_act);
            assert!(calendar.is_working_day(due.by));
        }
        let answered = redress(
            carer,
            RedressRoute::SocialCareComplaint {
                stage: ComplaintStage::LocalResolution,
                received_on: d(2026, 11, 2),
                extended: false,
                responded_on: Some(d(2026, 11, 10)),
            },
        );
        assert_eq!(answered.deadline(&calendar), None);
    }

    #[test]
    fn an_appeal_waits_on_the_carer_and_on_mediation_advice() {
        let calendar = WorkingCalendar::england_and_wales();
        let appeal = |only_school, certificate, lodged| {
            redress(
                CarerId::random(),
                RedressRoute::TribunalAppeal {
                    decision_sent_on: d(2026, 10, 1),
                    only_about_the_school_named: only_school,
                    mediation_certificate_issued_on: certificate,
                    lodged_on: lodged,
                },
            )
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
