//! [`WorkingCalendar`]: bank holidays, closures and working-day arithmetic.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus of
/// Meeus, Jones and Butcher). `None` only outside chrono's calendar.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::reviews::easter_sunday;
///
/// assert_eq!(easter_sunday(2026), NaiveDate::from_ymd_opt(2026, 4, 5));
/// assert_eq!(easter_sunday(2038), NaiveDate::from_ymd_opt(2038, 4, 25));
/// ```
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// How a bank holiday's date is found each year: the data a jurisdiction's calendar
/// is made of, so that Scotland and Northern Ireland can be added as rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HolidayRule {
    /// A fixed day of a month; at a weekend the next weekday not already a holiday
    /// is taken instead.
    Fixed {
        /// The month, 1 to 12.
        month: u32,
        /// The day of the month.
        day: u32,
    },
    /// The `n`th given weekday of a month (1 = first).
    NthWeekday {
        /// The month.
        month: u32,
        /// The weekday.
        weekday: Weekday,
        /// Which one, from 1.
        n: u8,
    },
    /// The last given weekday of a month.
    LastWeekday {
        /// The month.
        month: u32,
        /// The weekday.
        weekday: Weekday,
    },
    /// A number of days from Easter Sunday (−2 is Good Friday, +1 Easter Monday).
    Easter {
        /// Days after Easter Sunday (negative for before).
        offset: i64,
    },
}

/// A change to the usual bank holidays announced by government: a holiday moved, or
/// an extra one. Future changes are data, supplied by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum HolidayChange {
    /// A usual bank holiday moved to another date.
    Moved {
        /// The usual date.
        #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
        from: NaiveDate,
        /// The date it moved to.
        #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
        to: NaiveDate,
    },
    /// An extra bank holiday.
    Added {
        /// The date.
        #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
        on: NaiveDate,
    },
}

const ENGLAND_AND_WALES_RULES: &[HolidayRule] = &[
    HolidayRule::Fixed { month: 1, day: 1 },
    HolidayRule::Easter { offset: -2 },
    HolidayRule::Easter { offset: 1 },
    HolidayRule::NthWeekday {
        month: 5,
        weekday: Weekday::Mon,
        n: 1,
    },
    HolidayRule::LastWeekday {
        month: 5,
        weekday: Weekday::Mon,
    },
    HolidayRule::LastWeekday {
        month: 8,
        weekday: Weekday::Mon,
    },
    HolidayRule::Fixed { month: 12, day: 25 },
    HolidayRule::Fixed { month: 12, day: 26 },
];

/// A date written in this file, checked when the crate is compiled: a typo (30
/// February) is a build error, never a silent 1970-01-01 bank holiday.
macro_rules! ymd {
    ($y:literal, $m:literal, $d:literal) => {{
        const DATE: NaiveDate = match NaiveDate::from_ymd_opt($y, $m, $d) {
            Some(date) => date,
            #[allow(clippy::panic, reason = "evaluated only when compiling: a build error")]
            None => panic!("not a date"),
        };
        DATE
    }};
}

/// The one-off changes in England and Wales since 1995 (docs/domain.md section 5).
fn england_and_wales_changes() -> Vec<HolidayChange> {
    use HolidayChange::{Added, Moved};
    vec![
        Moved {
            from: ymd!(1995, 5, 1),
            to: ymd!(1995, 5, 8),
        },
        Added {
            on: ymd!(1999, 12, 31),
        },
        Moved {
            from: ymd!(2002, 5, 27),
            to: ymd!(2002, 6, 4),
        },
        Added {
            on: ymd!(2002, 6, 3),
        },
        Added {
            on: ymd!(2011, 4, 29),
        },
        Moved {
            from: ymd!(2012, 5, 28),
            to: ymd!(2012, 6, 4),
        },
        Added {
            on: ymd!(2012, 6, 5),
        },
        Moved {
            from: ymd!(2020, 5, 4),
            to: ymd!(2020, 5, 8),
        },
        Moved {
            from: ymd!(2022, 5, 30),
            to: ymd!(2022, 6, 2),
        },
        Added {
            on: ymd!(2022, 6, 3),
        },
        Added {
            on: ymd!(2022, 9, 19),
        },
        Added {
            on: ymd!(2023, 5, 8),
        },
    ]
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The bank holidays a set of rules gives in `year`, before one-off changes.
fn rule_holidays(rules: &[HolidayRule], year: i32) -> BTreeSet<NaiveDate> {
    let mut days = BTreeSet::new();
    let mut weekend_fixed = Vec::new();
    for rule in rules {
        let date = match *rule {
            HolidayRule::Fixed { month, day } => match NaiveDate::from_ymd_opt(year, month, day) {
                Some(d) if is_weekend(d) => {
                    // Substitutes are placed after every holiday that falls on its own
                    // date, in order, so Christmas and Boxing Day never share a day.
                    weekend_fixed.push(d);
                    None
                }
                other => other,
            },
            HolidayRule::NthWeekday { month, weekday, n } => {
                NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
            }
            HolidayRule::LastWeekday { month, weekday } => last_weekday(year, month, weekday),
            HolidayRule::Easter { offset } => easter_sunday(year)
                .and_then(|e| e.checked_add_signed(chrono::Duration::days(offset))),
        };
        days.extend(date);
    }
    for date in weekend_fixed {
        let mut candidate = date;
        while is_weekend(candidate) || days.contains(&candidate) {
            match candidate.succ_opt() {
                Some(next) => candidate = next,
                None => break,
            }
        }
        days.insert(candidate);
    }
    days
}

fn last_weekday(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    let next_month = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    let mut day = next_month.pred_opt()?;
    while day.weekday() != weekday {
        day = day.pred_opt()?;
    }
    Some(day)
}

/// The first and last years of the precomputed table.
// The table's first and last days below, `ymd!(1995, 1, 1)` and `ymd!(2100, 12, 31)`,
// are these years.
const FIRST_YEAR: i32 = 1995;
const LAST_YEAR: i32 = 2100;

/// A calendar of working days: Monday to Friday, less bank holidays and the
/// setting's own closures.
///
/// Bank holidays in England and Wales are computed from the rules (Easter by the
/// Gregorian computus, substitute days for New Year, Christmas and Boxing Day) with
/// every one-off change since 1995; future moved or extra bank holidays and a
/// setting's closures (training days, a Christmas shutdown) are added as data.
/// A table of working days for 1995 to 2100 is built once, so the arithmetic is a
/// lookup; dates outside it are worked out day by day from the same rules.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::reviews::WorkingCalendar;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let calendar = WorkingCalendar::england_and_wales();
/// assert!(!calendar.is_working_day(d(2026, 12, 28))); // Boxing Day substitute
/// // Looked after from Friday 18 December 2026: the first review falls due within
/// // 20 working days, counted across Christmas.
/// assert_eq!(calendar.add_working_days(d(2026, 12, 18), 20), Some(d(2027, 1, 20)));
/// assert_eq!(calendar.working_days_between(d(2026, 12, 18), d(2027, 1, 20)), 20);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingCalendar {
    rules: &'static [HolidayRule],
    changes: Vec<HolidayChange>,
    closures: BTreeSet<NaiveDate>,
    /// `working_before[i]`: working days from the table's first day up to, not
    /// including, day `i`; one entry more than there are days.
    working_before: Vec<u32>,
}

impl WorkingCalendar {
    /// The calendar for England and Wales.
    pub fn england_and_wales() -> Self {
        let mut calendar = Self {
            rules: ENGLAND_AND_WALES_RULES,
            changes: england_and_wales_changes(),
            closures: BTreeSet::new(),
            working_before: Vec::new(),
        };
        calendar.rebuild();
        calendar
    }

    /// Adds a moved or extra bank holiday announced by government.
    pub fn with_change(mut self, change: HolidayChange) -> Self {
        self.changes.push(change);
        self.rebuild();
        self
    }

    /// Adds days the setting is closed (training days, a Christmas shutdown).
    pub fn with_closures(mut self, days: impl IntoIterator<Item = NaiveDate>) -> Self {
        self.closures.extend(days);
        self.rebuild();
        self
    }

    fn table_start() -> NaiveDate {
        ymd!(1995, 1, 1)
    }

    /// The day's position in the table, when the table covers it. The table has one
    /// entry more than it has days, so its length bounds the index.
    fn index(&self, date: NaiveDate) -> Option<usize> {
        let days = (date - Self::table_start()).num_days();
        usize::try_from(days)
            .ok()
            .filter(|&i| i + 1 < self.working_before.len())
    }

    fn rebuild(&mut self) {
        let mut holidays = BTreeSet::new();
        for year in FIRST_YEAR..=LAST_YEAR {
            holidays.extend(self.bank_holidays(year));
        }
        let mut day = Self::table_start();
        let end = ymd!(2100, 12, 31);
        let mut count = 0u32;
        let mut table = Vec::with_capacity(38_800);
        table.push(0);
        while day <= end {
            if !is_weekend(day) && !holidays.contains(&day) && !self.closures.contains(&day) {
                count += 1;
            }
            table.push(count);
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        self.working_before = table;
    }

    /// The bank holidays in `year`, in date order, after one-off changes.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::reviews::WorkingCalendar;
    ///
    /// let days = WorkingCalendar::england_and_wales().bank_holidays(2022);
    /// assert_eq!(days.len(), 10); // spring moved to 2 June, plus 3 June and 19 September
    /// assert!(days.contains(&NaiveDate::from_ymd_opt(2022, 9, 19).unwrap()));
    /// ```
    pub fn bank_holidays(&self, year: i32) -> Vec<NaiveDate> {
        let mut days = rule_holidays(self.rules, year);
        for change in &self.changes {
            match *change {
                HolidayChange::Moved { from, to } => {
                    if from.year() == year {
                        days.remove(&from);
                    }
                    if to.year() == year {
                        days.insert(to);
                    }
                }
                HolidayChange::Added { on } if on.year() == year => {
                    days.insert(on);
                }
                HolidayChange::Added { .. } => {}
            }
        }
        days.into_iter().collect()
    }

    /// Whether `date` is a bank holiday.
    pub fn is_bank_holiday(&self, date: NaiveDate) -> bool {
        self.bank_holidays(date.year()).contains(&date)
    }

    /// Whether `date` is a working day: a weekday, not a bank holiday, not a closure.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        let counts = self
            .index(date)
            .and_then(|i| Some((self.working_before.get(i)?, self.working_before.get(i + 1)?)));
        match counts {
            Some((before, through)) => through > before,
            None => self.is_working_day_slow(date),
        }
    }

    fn is_working_day_slow(&self, date: NaiveDate) -> bool {
        !is_weekend(date) && !self.closures.contains(&date) && !self.is_bank_holiday(date)
    }

    /// The `n`th working day after `date` ("within 20 working days of" it). Zero
    /// gives `date` itself. `None` only beyond the representable calendar.
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> Option<NaiveDate> {
        if n == 0 {
            return Some(date);
        }
        if let Some(i) = self.index(date) {
            let target = self.working_before.get(i + 1)?.checked_add(n)?;
            // The first day whose count of working days up to and including it
            // reaches the target is the day we want.
            let j = self.working_before.partition_point(|&c| c < target);
            if j < self.working_before.len() {
                return Self::table_start().checked_add_days(Days::new(u64::try_from(j - 1).ok()?));
            }
        }
        let mut day = date;
        let mut left = n;
        while left > 0 {
            day = day.succ_opt()?;
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        Some(day)
    }

    /// How many working days fall after `from` up to and including `to`: the inverse
    /// of [`add_working_days`](Self::add_working_days). Negative when `to` is before `from`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if to < from {
            return -self.working_days_between(to, from);
        }
        if let (Some(a), Some(b)) = (self.index(from), self.index(to))
            && let (Some(x), Some(y)) = (
                self.working_before.get(a + 1),
                self.working_before.get(b + 1),
            )
        {
            return i64::from(*y) - i64::from(*x);
        }
        let mut count = 0;
        let mut day = from;
        while day < to {
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
            if self.is_working_day(day) {
                count += 1;
            }
        }
        count
    }

    /// The latest working day on or before `date`.
    pub fn working_day_on_or_before(&self, date: NaiveDate) -> Option<NaiveDate> {
        let mut day = date;
        while !self.is_working_day(day) {
            day = day.pred_opt()?;
        }
        Some(day)
    }
}
