//! The JSON Canonicalization Scheme (RFC 8785) for the values a ledger entry holds.
//!
//! A ledger entry's hash covers its canonical bytes, so that a partner can verify
//! the chain from the text of the specification alone, in any language, after reading
//! and re-serialising the JSON however their tools do. RFC 8785 is the natural
//! choice: members sorted by their names' UTF-16 code units, no insignificant
//! whitespace, strings escaped as ECMAScript's `JSON.stringify` escapes them, and
//! numbers in ECMAScript's shortest form.
//!
//! Ledger entries hold objects, arrays, strings and non-negative integers below 2^53
//! (an entry's index), so numbers are written in decimal as they are; serde_json's
//! escaping of strings (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other control
//! characters as `\u00XX` in lower-case hexadecimal, everything else as UTF-8) is
//! exactly RFC 8785's.

use std::io::{self, Write};

use serde_json::Value;

/// Writes `value` in canonical form.
pub(crate) fn write(value: &Value, out: &mut impl Write) -> io::Result<()> {
    match value {
        Value::Null => out.write_all(b"null"),
        Value::Bool(true) => out.write_all(b"true"),
        Value::Bool(false) => out.write_all(b"false"),
        // Integers are written in decimal, as RFC 8785 writes any integer below 2^53;
        // a fraction never occurs in a ledger entry, and would be written as
        // serde_json writes it.
        Value::Number(n) => write!(out, "{n}"),
        Value::String(s) => serde_json::to_writer(&mut *out, s).map_err(io::Error::other),
        Value::Array(items) => {
            out.write_all(b"[")?;
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.write_all(b",")?;
                }
                write(item, out)?;
            }
            out.write_all(b"]")
        }
        Value::Object(members) => {
            let mut names: Vec<&String> = members.keys().collect();
            names.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
            out.write_all(b"{")?;
            for (i, name) in names.into_iter().enumerate() {
                if i > 0 {
                    out.write_all(b",")?;
                }
                serde_json::to_writer(&mut *out, name).map_err(io::Error::other)?;
                out.write_all(b":")?;
                if let Some(member) = members.get(name) {
                    write(member, out)?;
                }
            }
            out.write_all(b"}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical(text: &str) -> String {
        let value: Value = serde_json::from_str(text).unwrap_or_default();
        let mut out = Vec::new();
        let _ = write(&value, &mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn members_are_sorted_by_utf16_code_units_and_whitespace_dropped() {
        // RFC 8785 section 3.2.3's example of sorting: by UTF-16 code units, so
        // U+1F600 (a surrogate pair, 0xD83D…) sorts before U+FB33 (0xFB33), unlike in
        // UTF-8 or code point order.
        assert_eq!(
            canonical("{\"\u{fb33}\": 1, \"\u{1f600}\": 2, \"b\": [true, null], \"a\": \"x\"}"),
            "{\"a\":\"x\",\"b\":[true,null],\"\u{1f600}\":2,\"\u{fb33}\":1}"
        );
    }

    #[test]
    fn strings_are_escaped_as_json_stringify_escapes_them() {
        assert_eq!(
            canonical(r#""\u0007\b\t\n\f\r\"\\/\u20ac\u2028""#),
            "\"\\u0007\\b\\t\\n\\f\\r\\\"\\\\/\u{20ac}\u{2028}\""
        );
    }
}
