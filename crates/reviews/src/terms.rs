//! School terms, for personal education plans and termly reviews.

use chrono::NaiveDate;
use partnership_core::{AcademicYear, Label};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ReviewsError;

/// A day of the year as month and day, for term boundaries that repeat each year.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MonthDay {
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month.
    pub day: u32,
}

partnership_core::labelled_enum! {
    /// The name of a school term.
    pub enum TermName {
        /// The autumn term.
        Autumn => "autumn", "autumn term";
        /// The spring term.
        Spring => "spring", "spring term";
        /// The summer term.
        Summer => "summer", "summer term";
    }
    /// Another name (a six-term year's "autumn 2").
    Other { label: Label => "The term's name." }
}

/// One term of the school year: a name and the first day of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Term {
    /// The term's name.
    pub name: TermName,
    /// The first day of the term each year.
    pub starts: MonthDay,
}

/// The terms of the school year, in order from 1 September: each runs until the day
/// before the next starts, and the last until 31 August.
///
/// The default is autumn (1 September), spring (1 January) and summer (1 April): a
/// partition of the year that treats holidays as part of the term before them. A
/// service that knows its local authority's term dates supplies them instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "Vec<Term>", into = "Vec<Term>")]
pub struct Terms(Vec<Term>);

/// Where a month-day falls in the academic year, September first.
fn academic_order(md: MonthDay) -> (u32, u32) {
    (
        if md.month >= 9 {
            md.month - 9
        } else {
            md.month + 3
        },
        md.day,
    )
}

impl Terms {
    /// Checks and wraps terms: at least one, the first starting on 1 September,
    /// in academic-year order, each a real day of the year.
    ///
    /// # Errors
    ///
    /// [`ReviewsError::Terms`] when there is no term, the first does not start on 1 September, a term starts on a day that does not exist, or the terms are not in order.
    pub fn new(terms: Vec<Term>) -> Result<Self, ReviewsError> {
        let first = terms.first().ok_or(ReviewsError::Terms {
            rule: "list at least one term",
        })?;
        if first.starts != (MonthDay { month: 9, day: 1 }) {
            return Err(ReviewsError::Terms {
                rule: "the first term starts on 1 September, when the academic year does",
            });
        }
        // 2024 is a leap year, so 29 February is accepted as a start.
        if terms
            .iter()
            .any(|t| NaiveDate::from_ymd_opt(2024, t.starts.month, t.starts.day).is_none())
        {
            return Err(ReviewsError::Terms {
                rule: "each term starts on a real day of the year",
            });
        }
        if terms
            .windows(2)
            .any(|w| matches!(w, [a, b] if academic_order(a.starts) >= academic_order(b.starts)))
        {
            return Err(ReviewsError::Terms {
                rule: "terms are listed in order through the academic year",
            });
        }
        Ok(Self(terms))
    }

    /// The terms, in order.
    pub fn terms(&self) -> &[Term] {
        &self.0
    }

    /// The term `date` falls in: its index and last day.
    pub fn term_containing(&self, date: NaiveDate) -> Option<(usize, NaiveDate)> {
        let year = AcademicYear::containing(date);
        let starts = self.starts_in(year)?;
        let index = starts.iter().rposition(|s| *s <= date)?;
        let end = match starts.get(index + 1) {
            Some(next) => next.pred_opt()?,
            None => year.last_day()?,
        };
        Some((index, end))
    }

    /// The last day of the term after the one `date` falls in.
    pub fn end_of_next_term(&self, date: NaiveDate) -> Option<NaiveDate> {
        let (_, end) = self.term_containing(date)?;
        let (_, next_end) = self.term_containing(end.succ_opt()?)?;
        Some(next_end)
    }

    fn starts_in(&self, year: AcademicYear) -> Option<Vec<NaiveDate>> {
        self.0
            .iter()
            .map(|t| {
                let calendar_year = if t.starts.month >= 9 {
                    year.starts_in()
                } else {
                    year.starts_in() + 1
                };
                NaiveDate::from_ymd_opt(calendar_year, t.starts.month, t.starts.day)
                    .or_else(|| NaiveDate::from_ymd_opt(calendar_year, t.starts.month, 28))
            })
            .collect()
    }
}

impl Default for Terms {
    fn default() -> Self {
        let term = |name, month, day| Term {
            name,
            starts: MonthDay { month, day },
        };
        Self(vec![
            term(TermName::Autumn, 9, 1),
            term(TermName::Spring, 1, 1),
            term(TermName::Summer, 4, 1),
        ])
    }
}

impl TryFrom<Vec<Term>> for Terms {
    type Error = ReviewsError;

    fn try_from(terms: Vec<Term>) -> Result<Self, Self::Error> {
        Self::new(terms)
    }
}

impl From<Terms> for Vec<Term> {
    fn from(terms: Terms) -> Self {
        terms.0
    }
}
