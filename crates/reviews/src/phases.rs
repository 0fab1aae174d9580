//! School-phase transitions from a date of birth, and EHC plan phase-transfer deadlines.

use chrono::{Days, NaiveDate};
use partnership_core::{AcademicYear, SchoolYear, YearGroup, sub_months};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A move between phases of education that an EHC plan must be reviewed and amended
/// for (SEND Regulations 2014, regulations 2(1) and 18).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum PhaseTransfer {
    /// Early years to school (into Reception).
    EarlyYearsToSchool,
    /// Infant to junior school (into Year 3), in a two-tier system.
    InfantToJunior,
    /// Primary to secondary school (into Year 7), in a two-tier system.
    PrimaryToSecondary,
    /// Primary (first or lower) school to middle school, in a three-tier system.
    PrimaryToMiddle,
    /// Middle school to secondary (upper or high) school, in a three-tier system.
    MiddleToSecondary,
    /// Secondary school to a post-16 institution (into Year 12).
    SecondaryToPost16,
}

/// How a local authority's schools are organised, which decides the phase transfers
/// between Reception and Year 12.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum SchoolSystem {
    /// Infant, junior and secondary schools (or primary and secondary): transfers
    /// into Year 3 and Year 7. Most of England.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    TwoTier,
    /// First (or lower), middle and upper (or high) schools: transfers into the
    /// middle school's first year and the upper school's first year, which vary by
    /// area (commonly Year 5 and Year 9, or Year 6 and Year 9).
    #[serde(rename_all = "camelCase")]
    ThreeTier {
        /// The year group in which children start middle school.
        middle_from: YearGroup,
        /// The year group in which children start upper school.
        upper_from: YearGroup,
    },
}

impl PhaseTransfer {
    /// Every transfer, in the order a child meets them; a two-tier system has the
    /// infant-to-junior and primary-to-secondary transfers, a three-tier system the
    /// primary-to-middle and middle-to-secondary ones.
    pub const ALL: [Self; 6] = [
        Self::EarlyYearsToSchool,
        Self::InfantToJunior,
        Self::PrimaryToMiddle,
        Self::PrimaryToSecondary,
        Self::MiddleToSecondary,
        Self::SecondaryToPost16,
    ];

    fn school_year(self, system: SchoolSystem) -> Option<SchoolYear> {
        let year = |n| {
            YearGroup::new(n)
                .ok()
                .map(|group| SchoolYear::Year { group })
        };
        match (self, system) {
            (Self::EarlyYearsToSchool, _) => Some(SchoolYear::Reception),
            (Self::InfantToJunior, SchoolSystem::TwoTier) => year(3),
            (Self::PrimaryToSecondary, SchoolSystem::TwoTier) => year(7),
            (Self::PrimaryToMiddle, SchoolSystem::ThreeTier { middle_from, .. }) => {
                Some(SchoolYear::Year { group: middle_from })
            }
            (Self::MiddleToSecondary, SchoolSystem::ThreeTier { upper_from, .. }) => {
                Some(SchoolYear::Year { group: upper_from })
            }
            (Self::SecondaryToPost16, _) => year(12),
            _ => None,
        }
    }
}

/// When a child makes a phase transfer, and the EHC plan deadlines it sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PhaseTransition {
    /// The transfer.
    pub transfer: PhaseTransfer,
    /// The academic year the child starts in the new phase.
    pub academic_year: AcademicYear,
    /// For an EHC plan: the last day on which the reviewed and amended plan may be
    /// issued. Regulation 18(1) says *before* 15 February of the calendar year of
    /// transfer (before 31 March for a move to post-16), so the last day is 14
    /// February (30 March).
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub ehc_plan_amended_by: NaiveDate,
    /// The latest date for the review meeting, working back 12 weeks from the
    /// amendment deadline (4 weeks for proposed amendments, 8 for the final plan).
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub ehc_review_meeting_by: NaiveDate,
}

/// The phase transfers for a child born on `date_of_birth` (by age, in England) in a
/// two-tier school system, with their EHC plan deadlines; see
/// [`phase_transitions_in`] for a three-tier one.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::reviews::{phase_transitions, PhaseTransfer};
///
/// let born = NaiveDate::from_ymd_opt(2016, 3, 14).unwrap();
/// let moves = phase_transitions(born);
/// let secondary = moves.iter().find(|t| t.transfer == PhaseTransfer::PrimaryToSecondary).unwrap();
/// assert_eq!(secondary.academic_year.to_string(), "2027/28");
/// // "Before 15 February": the 14th is the last day.
/// assert_eq!(secondary.ehc_plan_amended_by, NaiveDate::from_ymd_opt(2027, 2, 14).unwrap());
/// let post16 = moves.iter().find(|t| t.transfer == PhaseTransfer::SecondaryToPost16).unwrap();
/// assert_eq!(post16.ehc_plan_amended_by, NaiveDate::from_ymd_opt(2032, 3, 30).unwrap());
/// ```
pub fn phase_transitions(date_of_birth: NaiveDate) -> Vec<PhaseTransition> {
    phase_transitions_in(date_of_birth, SchoolSystem::TwoTier)
}

/// The phase transfers for a child born on `date_of_birth` in `system`, with their
/// EHC plan deadlines (SEND Regulations 2014 reg 18(1)).
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::core::YearGroup;
/// use partnership::reviews::{phase_transitions_in, PhaseTransfer, SchoolSystem};
///
/// let system = SchoolSystem::ThreeTier {
///     middle_from: YearGroup::new(5)?,
///     upper_from: YearGroup::new(9)?,
/// };
/// let born = NaiveDate::from_ymd_opt(2016, 3, 14).ok_or("date")?;
/// let moves: Vec<PhaseTransfer> = phase_transitions_in(born, system).iter().map(|t| t.transfer).collect();
/// assert_eq!(moves, [
///     PhaseTransfer::EarlyYearsToSchool,
///     PhaseTransfer::PrimaryToMiddle,
///     PhaseTransfer::MiddleToSecondary,
///     PhaseTransfer::SecondaryToPost16,
/// ]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn phase_transitions_in(
    date_of_birth: NaiveDate,
    system: SchoolSystem,
) -> Vec<PhaseTransition> {
    PhaseTransfer::ALL
        .iter()
        .filter_map(|&transfer| {
            let academic_year = transfer
                .school_year(system)?
                .academic_year_for(date_of_birth)?;
            let year = academic_year.starts_in();
            // Reg 18(1): "before" the day, so the day before it is the last.
            let before = match transfer {
                PhaseTransfer::SecondaryToPost16 => NaiveDate::from_ymd_opt(year, 3, 31),
                _ => NaiveDate::from_ymd_opt(year, 2, 15),
            }?;
            let amended_by = before.pred_opt()?;
            Some(PhaseTransition {
                transfer,
                academic_year,
                ehc_plan_amended_by: amended_by,
                ehc_review_meeting_by: amended_by.checked_sub_days(Days::new(12 * 7))?,
            })
        })
        .collect()
}

/// The last day on which an EHC plan may be reviewed and amended for a young
/// person's move between post-16 institutions on `transfer_on`, at a time other than
/// the secondary-to-post-16 transfer: "at least five months before that transfer takes
/// place" (SEND Regulations 2014 reg 18(2)). A month is a calendar month, and a day the
/// shorter month lacks is its last day.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::reviews::post16_transfer_amended_by;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
/// assert_eq!(post16_transfer_amended_by(d(2027, 1, 11).unwrap()), d(2026, 8, 11));
/// assert_eq!(post16_transfer_amended_by(d(2027, 7, 31).unwrap()), d(2027, 2, 28));
/// ```
pub fn post16_transfer_amended_by(transfer_on: NaiveDate) -> Option<NaiveDate> {
    sub_months(transfer_on, 5)
}

/// The academic year in which a child born on `date_of_birth` reaches Year 9, from
/// which EHC plan reviews look towards preparing for adulthood.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::reviews::preparing_for_adulthood_from;
///
/// let born = NaiveDate::from_ymd_opt(2016, 3, 14).unwrap();
/// assert_eq!(preparing_for_adulthood_from(born).unwrap().to_string(), "2029/30");
/// ```
pub fn preparing_for_adulthood_from(date_of_birth: NaiveDate) -> Option<AcademicYear> {
    let year9 = SchoolYear::Year {
        group: YearGroup::new(9).ok()?,
    };
    year9.academic_year_for(date_of_birth)
}
