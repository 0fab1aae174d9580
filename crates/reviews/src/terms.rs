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
    #[schemars(range(min = 1, max = 12))]
    pub month: u32,
    /// The day of the month.
    #[schemars(range(min = 1, max = 31))]
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

/// One term of the school year: a name, its first day and, if given, its last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Term {
    /// The term's name.
    pub name: TermName,
    /// The first day of the term each year.
    pub starts: MonthDay,
    /// The last day of the term each year; without it the term runs until the day
    /// before the next starts (the last term, until 31 August), holidays included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends: Option<MonthDay>,
}

/// The terms of the school year, in order from 1 September: each runs to its `ends`,
/// or until the day before the next starts (the last until 31 August). A day between
/// one term's end and the next term's start is in the holiday after the term.
///
/// The default is autumn (1 September to 15 December), spring (1 January to 20 March)
/// and summer (1 April to 15 July). Those last days are earlier than most schools'
/// (Easter falls between 22 March and 25 April, and schools break up for the summer
/// around 20 July), so that a deadline at the end of a term is never in a holiday: a
/// personal education plan review "by the end of the summer term" is due in July, not
/// in August. A service that knows its local authority's term dates supplies them.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::reviews::Terms;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let terms = Terms::default();
/// // A review in the spring term is next due by the end of the summer term.
/// assert_eq!(terms.end_of_next_term(d(2027, 2, 10)), Some(d(2027, 7, 15)));
/// // One held in the Easter holiday belongs to the spring term before it.
/// assert_eq!(terms.end_of_next_term(d(2027, 3, 25)), Some(d(2027, 7, 15)));
/// // One in the summer holiday: the autumn term is next.
/// assert_eq!(terms.end_of_next_term(d(2027, 8, 10)), Some(d(2027, 12, 15)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "Vec<Term>", into = "Vec<Term>")]
#[schemars(extend("minItems" = 1))]
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
        for (i, term) in terms.iter().enumerate() {
            let Some(ends) = term.ends else { continue };
            if NaiveDate::from_ymd_opt(2024, ends.month, ends.day).is_none() {
                return Err(ReviewsError::Terms {
                    rule: "each term ends on a real day of the year",
                });
            }
            let next = terms.get(i + 1).map(|t| academic_order(t.starts));
            if academic_order(ends) < academic_order(term.starts)
                || next.is_some_and(|next| academic_order(ends) >= next)
            {
                return Err(ReviewsError::Terms {
                    rule: "each term ends on or after its first day and before the next term starts",
                });
            }
        }
        Ok(Self(terms))
    }

    /// The terms, in order.
    pub fn terms(&self) -> &[Term] {
        &self.0
    }

    /// The term `date` falls in, or, in a holiday, the term before it: its index in
    /// [`terms`](Self::terms) and its last day (before `date` in a holiday).
    pub fn term_containing(&self, date: NaiveDate) -> Option<(usize, NaiveDate)> {
        let periods = self.periods_in(AcademicYear::containing(date))?;
        let index = periods.iter().rposition(|(start, _)| *start <= date)?;
        let (_, end) = periods.get(index)?;
        Some((index, *end))
    }

    /// The last day of the term after the one `date` falls in (or, in a holiday, the
    /// term after the holiday's).
    pub fn end_of_next_term(&self, date: NaiveDate) -> Option<NaiveDate> {
        let year = AcademicYear::containing(date);
        let (index, _) = self.term_containing(date)?;
        match self.periods_in(year)?.get(index + 1) {
            Some((_, end)) => Some(*end),
            None => self.periods_in(year.next())?.first().map(|(_, end)| *end),
        }
    }

    /// Each term's first and last day in `year`.
    fn periods_in(&self, year: AcademicYear) -> Option<Vec<(NaiveDate, NaiveDate)>> {
        let on = |md: MonthDay| {
            let calendar_year = if md.month >= 9 {
                year.starts_in()
            } else {
                year.starts_in() + 1
            };
            // 29 February in a common year is the 28th.
            NaiveDate::from_ymd_opt(calendar_year, md.month, md.day)
                .or_else(|| NaiveDate::from_ymd_opt(calendar_year, md.month, 28))
        };
        let starts: Vec<NaiveDate> = self.0.iter().map(|t| on(t.starts)).collect::<Option<_>>()?;
        self.0
            .iter()
            .enumerate()
            .map(|(i, term)| {
                let start = *starts.get(i)?;
                let end = match (term.ends, starts.get(i + 1)) {
                    (Some(ends), _) => on(ends)?,
                    (None, Some(next)) => next.pred_opt()?,
                    (None, None) => year.last_day()?,
                };
                Some((start, end))
            })
            .collect()
    }
}

impl Default for Terms {
    fn default() -> Self {
        let term = |name, (month, day), (end_month, end_day)| Term {
            name,
            starts: MonthDay { month, day },
            ends: Some(MonthDay {
                month: end_month,
                day: end_day,
            }),
        };
        Self(vec![
            term(TermName::Autumn, (9, 1), (12, 15)),
            term(TermName::Spring, (1, 1), (3, 20)),
            term(TermName::Summer, (4, 1), (7, 15)),
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
