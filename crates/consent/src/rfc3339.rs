//! Writing instants in the ledger's JSON quickly, byte-for-byte as chrono writes them.
//!
//! Every ledger entry's hash covers two instants, so appending and verifying format
//! them millions of times; chrono's `Serialize` goes through `fmt` and is most of an
//! entry's cost. This writes the same text (RFC 3339, `Z`, fractional seconds only as
//! long as needed: 0, 3, 6 or 9 digits) straight into a buffer. Anything outside the
//! common case (a year outside 0 to 9999) is left to chrono. The test
//! `rfc3339_matches_chrono` compares the two on arbitrary instants.

use chrono::{DateTime, Datelike, Timelike, Utc};
use serde::{Serialize, Serializer};

/// Serialises `at` exactly as `DateTime<Utc>`'s own `Serialize` does.
pub(crate) fn serialize<S: Serializer>(
    at: &DateTime<Utc>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut buffer = [0u8; 30];
    match write(at, &mut buffer) {
        Some(text) => serializer.serialize_str(text),
        None => at.serialize(serializer),
    }
}

/// The RFC 3339 text of `at` in `buffer`, or `None` for a year chrono writes with a
/// sign.
pub(crate) fn write<'a>(at: &DateTime<Utc>, buffer: &'a mut [u8; 30]) -> Option<&'a str> {
    let year = u32::try_from(at.year()).ok().filter(|y| *y <= 9999)?;
    let mut second = at.second();
    let mut nano = at.nanosecond();
    // chrono keeps a leap second as nanoseconds past 1e9, and writes it as second 60.
    if nano >= 1_000_000_000 {
        second += 1;
        nano -= 1_000_000_000;
    }
    let mut out = Writer { buffer, len: 0 };
    out.digits(year, 4);
    out.byte(b'-');
    out.digits(at.month(), 2);
    out.byte(b'-');
    out.digits(at.day(), 2);
    out.byte(b'T');
    out.digits(at.hour(), 2);
    out.byte(b':');
    out.digits(at.minute(), 2);
    out.byte(b':');
    out.digits(second, 2);
    if nano != 0 {
        out.byte(b'.');
        if nano.is_multiple_of(1_000_000) {
            out.digits(nano / 1_000_000, 3);
        } else if nano.is_multiple_of(1_000) {
            out.digits(nano / 1_000, 6);
        } else {
            out.digits(nano, 9);
        }
    }
    out.byte(b'Z');
    let len = out.len;
    std::str::from_utf8(buffer.get(..len)?).ok()
}

struct Writer<'a> {
    buffer: &'a mut [u8; 30],
    len: usize,
}

impl Writer<'_> {
    fn byte(&mut self, byte: u8) {
        if let Some(slot) = self.buffer.get_mut(self.len) {
            *slot = byte;
            self.len += 1;
        }
    }

    /// `value` as exactly `width` decimal digits, zero-padded.
    fn digits(&mut self, value: u32, width: u32) {
        for place in (0..width).rev() {
            let digit = (value / 10u32.pow(place)) % 10;
            // A decimal digit is below 10, so it fits a byte.
            self.byte(b'0' + u8::try_from(digit).unwrap_or(0));
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone};
    use proptest::prelude::*;

    use super::*;

    fn chrono_text(at: &DateTime<Utc>) -> String {
        serde_json::to_string(at).unwrap_or_default()
    }

    fn ours(at: &DateTime<Utc>) -> String {
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::new(&mut out);
        let _ = serialize(at, &mut serializer);
        String::from_utf8(out).unwrap_or_default()
    }

    proptest! {
        #[test]
        fn rfc3339_matches_chrono(
            seconds in -80_000_000_000i64..300_000_000_000i64,
            nanos in prop_oneof![
                Just(0u32),
                (0u32..1000).prop_map(|m| m * 1_000_000),
                (0u32..1_000_000).prop_map(|u| u * 1000),
                0u32..1_000_000_000,
            ],
        ) {
            if let Some(at) = DateTime::from_timestamp(seconds, nanos) {
                prop_assert_eq!(ours(&at), chrono_text(&at));
            }
        }
    }

    #[test]
    fn leap_seconds_and_far_years_match_chrono() {
        let leap = NaiveDate::from_ymd_opt(2016, 12, 31)
            .and_then(|d| d.and_hms_nano_opt(23, 59, 59, 1_500_000_000))
            .map(|n| Utc.from_utc_datetime(&n));
        let far = Utc.with_ymd_and_hms(12_345, 1, 2, 3, 4, 5).single();
        let before = Utc.with_ymd_and_hms(-44, 3, 15, 12, 0, 0).single();
        for at in [leap, far, before].into_iter().flatten() {
            assert_eq!(ours(&at), chrono_text(&at));
        }
    }
}
