//! Conversions to and from the `time` crate (feature `time`), for services built on it.
//!
//! The workspace uses chrono throughout because its types have JSON Schemas; these
//! conversions let a service that keeps `time` values hand them over and take
//! results back without writing the arithmetic itself.
//!
//! ```
//! # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
//! use partnership::chrono::{NaiveDate, TimeZone, Utc};
//! use partnership::core::time_interop::*;
//!
//! let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
//! let t = date_to_time(date).unwrap();
//! assert_eq!(t, time::Date::from_calendar_date(2026, time::Month::November, 23).unwrap());
//! assert_eq!(date_from_time(t).unwrap(), date);
//!
//! let instant = Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap();
//! let odt = instant_to_time(instant).unwrap();
//! assert_eq!(odt.unix_timestamp(), instant.timestamp());
//! assert_eq!(instant_from_time(odt).unwrap(), instant);
//! ```

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

use crate::CoreError;

/// A chrono calendar date as a `time::Date`.
///
/// # Errors
///
/// [`CoreError`] when the date is outside the range `time` can represent.
pub fn date_to_time(date: NaiveDate) -> Result<time::Date, CoreError> {
    let month = u8::try_from(date.month())
        .ok()
        .and_then(|m| time::Month::try_from(m).ok())
        .ok_or(CoreError::TimeConversion { what: "date" })?;
    let day = u8::try_from(date.day()).map_err(|_| CoreError::TimeConversion { what: "date" })?;
    time::Date::from_calendar_date(date.year(), month, day)
        .map_err(|_| CoreError::TimeConversion { what: "date" })
}

/// A `time::Date` as a chrono calendar date.
///
/// # Errors
///
/// [`CoreError`] when the date is outside the range chrono can represent.
pub fn date_from_time(date: time::Date) -> Result<NaiveDate, CoreError> {
    NaiveDate::from_ymd_opt(
        date.year(),
        u32::from(u8::from(date.month())),
        u32::from(date.day()),
    )
    .ok_or(CoreError::TimeConversion { what: "date" })
}

/// A UTC instant as a `time::OffsetDateTime` in UTC.
///
/// # Errors
///
/// [`CoreError`] when the instant is outside the range `time` can represent.
pub fn instant_to_time(instant: DateTime<Utc>) -> Result<time::OffsetDateTime, CoreError> {
    let error = CoreError::TimeConversion { what: "instant" };
    time::OffsetDateTime::from_unix_timestamp(instant.timestamp())
        .and_then(|t| t.replace_nanosecond(instant.nanosecond()))
        .map_err(|_| error)
}

/// A `time::OffsetDateTime` (at any offset) as a UTC instant.
///
/// # Errors
///
/// [`CoreError`] when the instant is outside the range chrono can represent.
pub fn instant_from_time(instant: time::OffsetDateTime) -> Result<DateTime<Utc>, CoreError> {
    DateTime::from_timestamp(instant.unix_timestamp(), instant.nanosecond())
        .ok_or(CoreError::TimeConversion { what: "instant" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn offset_is_normalised_to_utc() {
        let odt = time::OffsetDateTime::from_unix_timestamp(1_795_000_000)
            .unwrap()
            .to_offset(time::UtcOffset::from_hms(1, 0, 0).unwrap());
        let utc = instant_from_time(odt).unwrap();
        assert_eq!(utc, Utc.timestamp_opt(1_795_000_000, 0).unwrap());
    }

    #[test]
    fn leap_second_nanos_are_rejected_not_panicking() {
        let leap = NaiveDate::from_ymd_opt(2016, 12, 31)
            .unwrap()
            .and_hms_nano_opt(23, 59, 59, 1_500_000_000)
            .unwrap()
            .and_utc();
        assert!(instant_to_time(leap).is_err());
    }

    #[test]
    fn extreme_dates() {
        assert!(date_to_time(NaiveDate::MAX).is_err());
        assert!(date_from_time(time::Date::MIN).is_ok());
    }
}
