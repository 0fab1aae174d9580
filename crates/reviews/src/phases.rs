//! School-phase transitions from a date of birth, and EHC plan phase-transfer deadlines.

use chrono::{Days, NaiveDate};
use partnership_core::{AcademicYear, SchoolYear, YearGroup};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A move between phases of education that an EHC plan must be reviewed and amended
/// for (SEND Regulations 2014, regulation 18).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PhaseTransfer {
    /// Early years to school (into Reception).
    EarlyYearsToSchool,
    /// Infant to junior school (into Year 3).
    InfantToJunior,
    /// Primary to secondary school (into Year 7).
    PrimaryToSecondary,
    /// Secondary school to a post-16 institution (into Year 12).
    SecondaryToPost16,
}

impl PhaseTransfer {
    /// All four, in the order a child meets them.
    pub const ALL: [Self; 4] = [
        Self::EarlyYearsToSchool,
        Self::InfantToJunior,
        Self::PrimaryToSecondary,
        Self::SecondaryToPost16,
    ];

    fn school_year(self) -> SchoolYear {
        let year =
            |n| YearGroup::new(n).map_or(SchoolYear::Reception, |group| SchoolYear::Year { group });
        match self {
            Self::EarlyYearsToSchool => SchoolYear::Reception,
            Self::InfantToJunior => year(3),
            Self::PrimaryToSecondary => year(7),
            Self::SecondaryToPost16 => year(12),
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
    /// For an EHC plan: the date by which the plan must be reviewed and amended
    /// (15 February of the calendar year of transfer; 31 March for a move to post-16).
    pub ehc_plan_amended_by: NaiveDate,
    /// The latest date for the review meeting, working back about 12 weeks from the
    /// amendment deadline (4 weeks for proposed amendments, 8 for the final plan).
    pub ehc_review_meeting_by: NaiveDate,
}

/// The phase transfers for a child born on `date_of_birth` (by age, in England),
/// with their EHC plan deadlines.
///
/// ```
/// use chrono::NaiveDate;
/// use partnership_reviews::{phase_transitions, PhaseTransfer};
///
/// let born = NaiveDate::from_ymd_opt(2016, 3, 14).unwrap();
/// let moves = phase_transitions(born);
/// let secondary = moves.iter().find(|t| t.transfer == PhaseTransfer::PrimaryToSecondary).unwrap();
/// assert_eq!(secondary.academic_year.to_string(), "2027/28");
/// assert_eq!(secondary.ehc_plan_amended_by, NaiveDate::from_ymd_opt(2027, 2, 15).unwrap());
/// let post16 = moves.iter().find(|t| t.transfer == PhaseTransfer::SecondaryToPost16).unwrap();
/// assert_eq!(post16.ehc_plan_amended_by, NaiveDate::from_ymd_opt(2032, 3, 31).unwrap());
/// ```
pub fn phase_transitions(date_of_birth: NaiveDate) -> Vec<PhaseTransition> {
    PhaseTransfer::ALL
        .iter()
        .filter_map(|&transfer| {
            let academic_year = transfer.school_year().academic_year_for(date_of_birth)?;
            let year = academic_year.starts_in();
            let amended_by = match transfer {
                PhaseTransfer::SecondaryToPost16 => NaiveDate::from_ymd_opt(year, 3, 31),
                _ => NaiveDate::from_ymd_opt(year, 2, 15),
            }?;
            Some(PhaseTransition {
                transfer,
                academic_year,
                ehc_plan_amended_by: amended_by,
                ehc_review_meeting_by: amended_by.checked_sub_days(Days::new(12 * 7))?,
            })
        })
        .collect()
}

/// The academic year in which a child born on `date_of_birth` reaches Year 9, from
/// which EHC plan reviews look towards preparing for adulthood.
///
/// ```
/// use chrono::NaiveDate;
/// use partnership_reviews::preparing_for_adulthood_from;
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
