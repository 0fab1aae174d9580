//! Date helpers: calendar-month arithmetic, days of the week and times of day as
//! they appear in the JSON contract.
//!
//! The library never reads a clock: every function that depends on "today" takes
//! the date as an argument.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use chrono::{Months, NaiveDate, Weekday};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use crate::CoreError;

/// The last day a date can be written `YYYY-MM-DD` (31 December 9999): chrono writes
/// a later one with a sign (`+10000-01-01`), which no reader of our documents takes
/// for a date. What falls due after it is beyond every list and calendar the library
/// writes.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::LAST_WRITTEN_DAY;
///
/// assert_eq!(LAST_WRITTEN_DAY.to_string(), "9999-12-31");
/// ```
pub const LAST_WRITTEN_DAY: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(day) => day,
    None => NaiveDate::MAX,
};

/// Adds calendar months, clamping to the last day of a shorter month.
///
/// Statutory timescales such as "within 3 months of" count calendar months: from
/// 31 May, 3 months is 31 August; from 30 November it is the last day of February
/// (28th, or 29th in a leap year), because February has no 30th (docs/domain.md section 5).
/// Returns `None` only when the result would fall outside the calendar chrono can
/// represent.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::core::add_months;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(add_months(d(2026, 5, 31), 3), Some(d(2026, 8, 31)));
/// assert_eq!(add_months(d(2026, 11, 30), 3), Some(d(2027, 2, 28)));
/// assert_eq!(add_months(d(2027, 11, 30), 3), Some(d(2028, 2, 29)));
/// assert_eq!(add_months(d(2026, 1, 31), 1), Some(d(2026, 2, 28)));
/// ```
pub fn add_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_add_months(Months::new(months))
}

/// Subtracts calendar months, clamping to the last day of a shorter month, as
/// [`add_months`] does.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::core::sub_months;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(sub_months(d(2026, 5, 31), 3), Some(d(2026, 2, 28)));
/// ```
pub fn sub_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_sub_months(Months::new(months))
}

/// Noon (UTC) on `date`: the one moment this library takes for a question asked
/// of a whole day ("is this consent in force on 23 November?"), far from midnight in
/// either UK time.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::core::noon_on;
///
/// let day = NaiveDate::from_ymd_opt(2026, 11, 23).ok_or("a date")?;
/// assert_eq!(noon_on(day).to_rfc3339(), "2026-11-23T12:00:00+00:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn noon_on(date: NaiveDate) -> chrono::DateTime<chrono::Utc> {
    date.and_time(NOON).and_utc()
}

/// Twelve o'clock; a literal time that always exists.
const NOON: chrono::NaiveTime = match chrono::NaiveTime::from_hms_opt(12, 0, 0) {
    Some(noon) => noon,
    None => chrono::NaiveTime::MIN,
};

/// The date that `at` is in the United Kingdom: the UTC date, or in British Summer
/// Time (from 01:00 UTC on the last Sunday in March to 01:00 UTC on the last Sunday
/// in October, the rule in force since 1981 and at these hours since 1998) the date
/// an hour later.
///
/// Rules that take a moment's date (a child's age on the day of a decision, whether
/// something recorded at a moment can be dated on a day) use this one reading, so
/// that a moment late in the evening counts as the next day only when it is: 23:30
/// UTC is the next day in July and the same day in December, and the eve of a
/// sixteenth birthday is never the birthday.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::chrono::{NaiveDate, TimeZone, Utc};
/// use partnership::core::uk_date;
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("a date");
/// let at = |m, d, h, min| Utc.with_ymd_and_hms(2026, m, d, h, min, 0).single().ok_or("a time");
/// assert_eq!(uk_date(at(7, 1, 23, 30)?), day(2026, 7, 2)?);
/// assert_eq!(uk_date(at(12, 1, 23, 30)?), day(2026, 12, 1)?);
/// // Summer time began at 01:00 UTC on Sunday 29 March 2026.
/// assert_eq!(uk_date(at(3, 29, 0, 59)?), day(2026, 3, 29)?);
/// assert_eq!(uk_date(at(3, 28, 23, 30)?), day(2026, 3, 28)?);
/// assert_eq!(uk_date(at(3, 29, 23, 30)?), day(2026, 3, 30)?);
/// // And ended at 01:00 UTC on Sunday 25 October 2026.
/// assert_eq!(uk_date(at(10, 24, 23, 30)?), day(2026, 10, 25)?);
/// assert_eq!(uk_date(at(10, 25, 23, 30)?), day(2026, 10, 25)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn uk_date(at: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    use chrono::Datelike;
    let year = at.year();
    let summer = match (summer_time_edge(year, 3), summer_time_edge(year, 10)) {
        (Some(begins), Some(ends)) => begins <= at && at < ends,
        // A year chrono cannot reach the end of has no summer time to speak of.
        _ => false,
    };
    let local = if summer {
        // The last hour chrono can represent has no hour after it: its own date.
        at.checked_add_signed(chrono::Duration::hours(1))
            .unwrap_or(at)
    } else {
        at
    };
    local.date_naive()
}

/// 01:00 UTC on the last Sunday of `month` in `year`: when British Summer Time
/// begins (March) or ends (October).
fn summer_time_edge(year: i32, month: u32) -> Option<chrono::DateTime<chrono::Utc>> {
    use chrono::Datelike;
    let first_of_next = NaiveDate::from_ymd_opt(year, month.checked_add(1)?, 1)?;
    let last = first_of_next.pred_opt()?;
    let back = u64::from(last.weekday().num_days_from_sunday());
    let sunday = last.checked_sub_days(chrono::Days::new(back))?;
    Some(sunday.and_hms_opt(1, 0, 0)?.and_utc())
}

/// A day of the week, written in full and in lower case in JSON (`"monday"`).
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::chrono::{NaiveDate, Datelike};
/// use partnership::core::DayOfWeek;
///
/// let friday = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
/// assert_eq!(DayOfWeek::of(friday), DayOfWeek::Friday);
/// assert_eq!(serde_json::to_string(&DayOfWeek::Friday).unwrap(), r#""friday""#);
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum DayOfWeek {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

impl DayOfWeek {
    /// All seven days, Monday first.
    pub const ALL: [Self; 7] = [
        Self::Monday,
        Self::Tuesday,
        Self::Wednesday,
        Self::Thursday,
        Self::Friday,
        Self::Saturday,
        Self::Sunday,
    ];

    /// The day of the week a date falls on.
    pub fn of(date: NaiveDate) -> Self {
        use chrono::Datelike;
        date.weekday().into()
    }

    /// Whether this is Saturday or Sunday.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
    /// # use partnership::core::DayOfWeek;
    /// assert!(DayOfWeek::Sunday.is_weekend());
    /// assert!(!DayOfWeek::Monday.is_weekend());
    /// ```
    pub const fn is_weekend(self) -> bool {
        matches!(self, Self::Saturday | Self::Sunday)
    }
}

impl fmt::Display for DayOfWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Monday => "Monday",
            Self::Tuesday => "Tuesday",
            Self::Wednesday => "Wednesday",
            Self::Thursday => "Thursday",
            Self::Friday => "Friday",
            Self::Saturday => "Saturday",
            Self::Sunday => "Sunday",
        })
    }
}

impl From<Weekday> for DayOfWeek {
    fn from(day: Weekday) -> Self {
        match day {
            Weekday::Mon => Self::Monday,
            Weekday::Tue => Self::Tuesday,
            Weekday::Wed => Self::Wednesday,
            Weekday::Thu => Self::Thursday,
            Weekday::Fri => Self::Friday,
            Weekday::Sat => Self::Saturday,
            Weekday::Sun => Self::Sunday,
        }
    }
}

impl From<DayOfWeek> for Weekday {
    fn from(day: DayOfWeek) -> Self {
        match day {
            DayOfWeek::Monday => Self::Mon,
            DayOfWeek::Tuesday => Self::Tue,
            DayOfWeek::Wednesday => Self::Wed,
            DayOfWeek::Thursday => Self::Thu,
            DayOfWeek::Friday => Self::Fri,
            DayOfWeek::Saturday => Self::Sat,
            DayOfWeek::Sunday => Self::Sun,
        }
    }
}

/// A time of day to the minute on the 24-hour clock, written `"19:00"` in JSON.
///
/// Used for meeting availability: a carer on night shifts may only be free
/// between `"18:30"` and `"20:00"`. Times of day carry no time zone: they are
/// local wall-clock times at the setting.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::TimeOfDay;
///
/// let t: TimeOfDay = "19:05".parse().unwrap();
/// assert_eq!((t.hour(), t.minute()), (19, 5));
/// assert_eq!(t.to_string(), "19:05");
/// assert!("24:00".parse::<TimeOfDay>().is_err());
/// assert!("7pm".parse::<TimeOfDay>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TimeOfDay {
    // Minutes since midnight keeps ordering and arithmetic trivial.
    minutes: u16,
}

impl TimeOfDay {
    /// Midnight, `00:00`.
    pub const MIDNIGHT: Self = Self { minutes: 0 };

    /// A time from hours (0–23) and minutes (0–59).
    ///
    /// # Errors
    ///
    /// [`CoreError`] when the hour is over 23 or the minute over 59.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
    /// # use partnership::core::TimeOfDay;
    /// assert!(TimeOfDay::new(23, 59).is_ok());
    /// assert!(TimeOfDay::new(12, 60).is_err());
    /// ```
    pub fn new(hour: u8, minute: u8) -> Result<Self, CoreError> {
        if hour > 23 || minute > 59 {
            return Err(CoreError::TimeOfDay);
        }
        Ok(Self {
            minutes: u16::from(hour) * 60 + u16::from(minute),
        })
    }

    /// The hour, 0–23.
    pub const fn hour(self) -> u8 {
        // Below 24 by construction.
        (self.minutes / 60) as u8
    }

    /// The minute, 0–59.
    pub const fn minute(self) -> u8 {
        (self.minutes % 60) as u8
    }

    /// Minutes since midnight, 0–1439.
    pub const fn minutes_since_midnight(self) -> u16 {
        self.minutes
    }

    /// The same time as a `chrono::NaiveTime`.
    pub fn to_naive_time(self) -> chrono::NaiveTime {
        chrono::NaiveTime::from_num_seconds_from_midnight_opt(u32::from(self.minutes) * 60, 0)
            .unwrap_or_default()
    }
}

impl FromStr for TimeOfDay {
    type Err = CoreError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (h, m) = s.split_once(':').ok_or(CoreError::TimeOfDay)?;
        let two_digits = |part: &str| -> Result<u8, CoreError> {
            if part.len() != 2 || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(CoreError::TimeOfDay);
            }
            part.parse().map_err(|_| CoreError::TimeOfDay)
        };
        Self::new(two_digits(h)?, two_digits(m)?)
    }
}

impl TryFrom<String> for TimeOfDay {
    type Error = CoreError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<TimeOfDay> for String {
    fn from(value: TimeOfDay) -> Self {
        value.to_string()
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

impl fmt::Debug for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TimeOfDay({self})")
    }
}

impl JsonSchema for TimeOfDay {
    fn schema_name() -> Cow<'static, str> {
        "TimeOfDay".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "partnership_core::TimeOfDay".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
            "description": "Local time of day on the 24-hour clock, HH:MM."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_of_day_rejects_malformed() {
        for bad in [
            "", "7:00", "07:0", "07-00", "+1:00", "07:00:00", "99:99", "ab:cd",
        ] {
            assert_eq!(bad.parse::<TimeOfDay>(), Err(CoreError::TimeOfDay), "{bad}");
        }
        assert_eq!("00:00".parse::<TimeOfDay>(), Ok(TimeOfDay::MIDNIGHT));
    }

    #[test]
    fn weekday_round_trip() {
        for day in DayOfWeek::ALL {
            assert_eq!(DayOfWeek::from(Weekday::from(day)), day);
        }
    }
}

/// The pattern every date in the JSON contract matches: `YYYY-MM-DD`, four digits
/// for the year and two each for the month and the day.
pub const CANONICAL_DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// A date in the one form the JSON contract writes, `YYYY-MM-DD`, that is a day on
/// the calendar; `None` for anything else.
///
/// chrono reads more than it writes: `2026-11-2`, ` 2026-11-02`, `+2026-11-02` and
/// `+10000-01-01` are all dates to it, and the first three would be written back
/// changed. A partner system that sent one would find another in the record, and
/// a ledger entry's hash would change with it, so only the written form is read.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::parse_canonical_date;
///
/// assert!(parse_canonical_date("2026-11-02").is_some());
/// assert!(parse_canonical_date("0001-01-01").is_some());
/// for loose in ["2026-11-2", " 2026-11-02", "2026-11-02 ", "+2026-11-02", "+10000-01-01", "2026-02-30"] {
///     assert!(parse_canonical_date(loose).is_none(), "{loose}");
/// }
/// ```
pub fn parse_canonical_date(text: &str) -> Option<NaiveDate> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    shaped
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
}

/// What is wrong with a date that does not read: its form, or the day.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::date_problem;
///
/// assert_eq!(date_problem("2026-11-2"), "must be a date written YYYY-MM-DD, for example 2026-11-23");
/// assert_eq!(date_problem("2026-02-30"), "there is no such day: a date is written YYYY-MM-DD, for example 2026-11-23");
/// ```
pub fn date_problem(text: &str) -> &'static str {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if shaped {
        "there is no such day: a date is written YYYY-MM-DD, for example 2026-11-23"
    } else {
        "must be a date written YYYY-MM-DD, for example 2026-11-23"
    }
}

/// Reads date fields in their written form only (see [`parse_canonical_date`]):
/// `#[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]` on
/// a [`NaiveDate`], `optional` on an `Option<NaiveDate>` (with `default`) and
/// `list` on a `Vec<NaiveDate>`. Dates are written as chrono writes them, which is
/// that form for every year from 0 to 9999.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
///
/// #[derive(Debug, serde::Deserialize)]
/// struct Visit {
///     #[serde(deserialize_with = "partnership::core::canonical_date::deserialize")]
///     on: NaiveDate,
/// }
///
/// assert!(serde_json::from_str::<Visit>(r#"{"on": "2026-11-02"}"#).is_ok());
/// let loose = serde_json::from_str::<Visit>(r#"{"on": "2026-11-2"}"#).unwrap_err();
/// assert!(loose.to_string().contains("YYYY-MM-DD"));
/// ```
pub mod canonical_date {
    use chrono::NaiveDate;
    use serde::Deserializer;
    use serde::de::{self, SeqAccess, Visitor};
    use std::fmt;

    struct Canonical;

    impl Visitor<'_> for Canonical {
        type Value = NaiveDate;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a date written YYYY-MM-DD")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<NaiveDate, E> {
            // The text is not repeated: a date in the wrong place may be personal.
            super::parse_canonical_date(text).ok_or_else(|| E::custom(super::date_problem(text)))
        }
    }

    /// Reads a date in its written form only.
    ///
    /// # Errors
    ///
    /// Anything but a string `YYYY-MM-DD` that is a day on the calendar.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        deserializer.deserialize_str(Canonical)
    }

    /// Reads an optional date: `null`, or a date in its written form only.
    ///
    /// # Errors
    ///
    /// As [`deserialize`], for anything but `null`.
    pub fn optional<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        <Option<Day> as de::Deserialize>::deserialize(deserializer).map(|day| day.map(|Day(d)| d))
    }

    struct Day(NaiveDate);

    impl<'de> de::Deserialize<'de> for Day {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserialize(deserializer).map(Day)
        }
    }

    struct List;

    impl<'de> Visitor<'de> for List {
        type Value = Vec<NaiveDate>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of dates written YYYY-MM-DD")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut days = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
            while let Some(Day(day)) = seq.next_element()? {
                days.push(day);
            }
            Ok(days)
        }
    }

    /// Reads a list of dates, each in its written form only.
    ///
    /// # Errors
    ///
    /// As [`deserialize`], for any date in the list.
    pub fn list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<NaiveDate>, D::Error> {
        deserializer.deserialize_seq(List)
    }
}

/// Reads instants in their written form only: RFC 3339 in UTC, `YYYY-MM-DDTHH:MM:SSZ`
/// with a capital `T` and `Z` and, when needed, a fraction of a second of 3, 6 or 9
/// digits, only as many as needed (`2026-11-23T09:30:00.250Z`, never `.250000`), as
/// the library writes them. chrono also reads a space or a small `t` for the
/// `T`, and any offset; each is another spelling of one instant that would be
/// written back changed, and a partner comparing texts would see two times.
/// `#[serde(deserialize_with = "partnership_core::canonical_time::deserialize")]` on
/// a `DateTime<Utc>`, `optional` on an `Option<DateTime<Utc>>` (with `default`).
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::canonical_time;
///
/// assert!(canonical_time::parse("2026-11-23T09:30:00Z").is_some());
/// assert!(canonical_time::parse("2026-11-23T09:30:00.250Z").is_some());
/// assert!(canonical_time::parse("2026-11-23T09:30:00.25Z").is_none());
/// assert!(canonical_time::parse("2026-11-23T09:30:00.250000Z").is_none());
/// assert!(canonical_time::parse("2026-11-23 09:30:00Z").is_none());
/// assert!(canonical_time::parse("2026-11-23t09:30:00z").is_none());
/// assert!(canonical_time::parse("2026-11-23T10:30:00+01:00").is_none());
/// assert!(canonical_time::parse("2026-11-23").is_none());
/// ```
pub mod canonical_time {
    use chrono::{DateTime, Utc};
    use serde::Deserializer;
    use serde::de::{self, Visitor};
    use std::fmt;

    /// What anything else where an instant belongs is told.
    pub const PROBLEM: &str = "must be a date and time in UTC written YYYY-MM-DDTHH:MM:SSZ, for example 2026-11-23T09:30:00Z";

    /// The JSON Schema pattern of the written form.
    pub const PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.([0-9]{3}|[0-9]{6}|[0-9]{9}))?Z$";

    /// The instant `text` writes in the one form read, or `None`.
    #[must_use]
    pub fn parse(text: &str) -> Option<DateTime<Utc>> {
        let bytes = text.as_bytes();
        let (fixed, rest) = bytes.split_at_checked(19)?;
        let fixed_shape = fixed.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            10 => *b == b'T',
            13 | 16 => *b == b':',
            _ => b.is_ascii_digit(),
        });
        let fraction = match rest {
            [b'Z'] => true,
            // Only as long as needed, as it is written: never ending in "000".
            [b'.', digits @ .., b'Z'] => {
                matches!(digits.len(), 3 | 6 | 9)
                    && digits.iter().all(u8::is_ascii_digit)
                    && !digits.ends_with(b"000")
            }
            _ => false,
        };
        if !(fixed_shape && fraction) {
            return None;
        }
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|at| at.with_timezone(&Utc))
    }

    struct Canonical;

    impl Visitor<'_> for Canonical {
        type Value = DateTime<Utc>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a date and time written YYYY-MM-DDTHH:MM:SSZ")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
            // The text is not repeated: it may be personal where it does not belong.
            parse(text).ok_or_else(|| E::custom(PROBLEM))
        }
    }

    /// Reads an instant in its written form only.
    ///
    /// # Errors
    ///
    /// Anything but a string in the form above that is an instant on the calendar.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<DateTime<Utc>, D::Error> {
        deserializer.deserialize_str(Canonical)
    }

    struct Instant(DateTime<Utc>);

    impl<'de> de::Deserialize<'de> for Instant {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserialize(deserializer).map(Instant)
        }
    }

    /// Reads an optional instant: `null`, or an instant in its written form only.
    ///
    /// # Errors
    ///
    /// As [`deserialize`], for anything but `null`.
    pub fn optional<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        <Option<Instant> as de::Deserialize>::deserialize(deserializer)
            .map(|at| at.map(|Instant(at)| at))
    }
}
