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
//! (an entry's index), so integers are written in decimal as they are; serde_json's
//! escaping of strings (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other control
//! characters as `\u00XX` in lower-case hexadecimal, everything else as UTF-8) is
//! exactly RFC 8785's.
//!
//! Hashing is on the path of every append and every verification, so the canonical
//! bytes are written by a serde `Serializer` straight from the Rust values, into one
//! buffer: each object's members are written as they come, then put in order where
//! they stand. No tree of values is built, and nothing is allocated per member.

use std::borrow::Cow;
use std::fmt::Display;

use serde::ser::{self, Serialize};

/// `value`'s canonical JSON, appended to `out`.
pub(crate) fn write<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) -> Result<(), Error> {
    let mut serializer = Canonical {
        out,
        members: Vec::new(),
        scratch: Vec::new(),
    };
    value.serialize(&mut serializer)
}

/// Why a value has no canonical form here (a non-string map key, or a float, which
/// ledger entries never hold).
#[derive(Debug)]
pub(crate) struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(message: T) -> Self {
        Self(message.to_string())
    }
}

/// One member of an object being written: its name, and where its bytes (the name,
/// the colon, the value and a comma) are.
struct Member {
    name: Cow<'static, str>,
    ascii: bool,
    bytes: std::ops::Range<usize>,
}

struct Canonical<'a> {
    out: &'a mut Vec<u8>,
    /// Members of the objects being written, innermost last.
    members: Vec<Member>,
    /// Where an object's members are put in order when they came out of it.
    scratch: Vec<u8>,
}

impl Canonical<'_> {
    fn string(&mut self, text: &str) -> Result<(), Error> {
        // Most strings need no escaping: copy those straight.
        if text.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
            self.out.reserve(text.len() + 2);
            self.out.push(b'"');
            self.out.extend_from_slice(text.as_bytes());
            self.out.push(b'"');
            return Ok(());
        }
        serde_json::to_writer(&mut *self.out, text).map_err(|e| Error(e.to_string()))
    }

    fn integer(&mut self, n: impl itoa_like::Integer) {
        n.write(self.out);
    }
}

/// Writes integers in decimal without going through `fmt`.
mod itoa_like {
    /// An integer written in decimal.
    pub(super) trait Integer {
        fn write(self, out: &mut Vec<u8>);
    }

    macro_rules! unsigned {
        ($($t:ty),*) => {$(
            impl Integer for $t {
                fn write(self, out: &mut Vec<u8>) {
                    let mut digits = [0u8; 20];
                    let mut n = self;
                    let mut at = digits.len();
                    loop {
                        at -= 1;
                        if let Some(slot) = digits.get_mut(at) {
                            *slot = b'0' + (n % 10) as u8;
                        }
                        n /= 10;
                        if n == 0 {
                            break;
                        }
                    }
                    out.extend_from_slice(digits.get(at..).unwrap_or_default());
                }
            }
        )*};
    }
    unsigned!(u8, u16, u32, u64);

    macro_rules! signed {
        ($($t:ty => $u:ty),*) => {$(
            impl Integer for $t {
                fn write(self, out: &mut Vec<u8>) {
                    if self < 0 {
                        out.push(b'-');
                    }
                    self.unsigned_abs().write(out);
                }
            }
        )*};
    }
    signed!(i8 => u8, i16 => u16, i32 => u32, i64 => u64);
}

/// An object being written: where its members start in the output and in the member
/// stack.
struct Object<'s, 'a> {
    serializer: &'s mut Canonical<'a>,
    body: usize,
    first_member: usize,
    /// The name of the member whose value comes next (maps give it apart).
    pending: Option<String>,
}

impl<'s, 'a> Object<'s, 'a> {
    fn begin(serializer: &'s mut Canonical<'a>) -> Self {
        serializer.out.push(b'{');
        let body = serializer.out.len();
        let first_member = serializer.members.len();
        Self {
            serializer,
            body,
            first_member,
            pending: None,
        }
    }

    fn member<T: Serialize + ?Sized>(
        &mut self,
        name: Cow<'static, str>,
        value: &T,
    ) -> Result<(), Error> {
        let from = self.serializer.out.len();
        self.serializer.string(&name)?;
        self.serializer.out.push(b':');
        value.serialize(&mut *self.serializer)?;
        self.serializer.out.push(b',');
        let to = self.serializer.out.len();
        let ascii = name.is_ascii();
        self.serializer.members.push(Member {
            name,
            ascii,
            bytes: from..to,
        });
        Ok(())
    }

    /// Puts the members in order where they stand (most objects' members already
    /// are), and closes the object in place of the last member's comma.
    fn end(self) -> Result<(), Error> {
        let Canonical {
            out,
            members,
            scratch,
        } = self.serializer;
        let own = members.get_mut(self.first_member..).unwrap_or_default();
        if !own.is_sorted_by(|a, b| order(a, b).is_le()) {
            own.sort_by(order);
            scratch.clear();
            for member in own.iter() {
                scratch.extend_from_slice(out.get(member.bytes.clone()).unwrap_or_default());
            }
            out.truncate(self.body);
            out.extend_from_slice(scratch);
        }
        match out.last_mut() {
            Some(last) if !own.is_empty() => *last = b'}',
            _ => out.push(b'}'),
        }
        members.truncate(self.first_member);
        Ok(())
    }
}

/// RFC 8785's order of member names: by UTF-16 code units. For ASCII names, which
/// are all a ledger entry's, that is byte order, compared without re-encoding.
fn order(a: &Member, b: &Member) -> std::cmp::Ordering {
    if a.ascii && b.ascii {
        a.name.as_bytes().cmp(b.name.as_bytes())
    } else {
        a.name.encode_utf16().cmp(b.name.encode_utf16())
    }
}

/// An array being written.
struct Array<'s, 'a> {
    serializer: &'s mut Canonical<'a>,
    first: bool,
}

impl<'s, 'a> Array<'s, 'a> {
    fn begin(serializer: &'s mut Canonical<'a>) -> Self {
        serializer.out.push(b'[');
        Self {
            serializer,
            first: true,
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        if !self.first {
            self.serializer.out.push(b',');
        }
        self.first = false;
        value.serialize(&mut *self.serializer)
    }

    fn end(self) {
        self.serializer.out.push(b']');
    }
}

fn no_floats() -> Error {
    Error("a ledger entry holds no fractional numbers".into())
}

impl<'s, 'a> ser::Serializer for &'s mut Canonical<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Array<'s, 'a>;
    type SerializeTuple = Array<'s, 'a>;
    type SerializeTupleStruct = Array<'s, 'a>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = Object<'s, 'a>;
    type SerializeStruct = Object<'s, 'a>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.integer(v);
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.integer(v);
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.integer(v);
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.integer(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.integer(v);
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.integer(v);
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.integer(v);
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.integer(v);
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(no_floats())
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(no_floats())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0u8; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut array = Array::begin(self);
        for byte in v {
            array.element(byte)?;
        }
        array.end();
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let mut object = Object::begin(self);
        object.member(Cow::Borrowed(variant), value)?;
        object.end()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Array<'s, 'a>, Error> {
        Ok(Array::begin(self))
    }
    fn serialize_tuple(self, _: usize) -> Result<Array<'s, 'a>, Error> {
        Ok(Array::begin(self))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Array<'s, 'a>, Error> {
        Ok(Array::begin(self))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(Error(
            "a ledger entry holds no externally tagged tuple variants".into(),
        ))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Object<'s, 'a>, Error> {
        Ok(Object::begin(self))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Object<'s, 'a>, Error> {
        Ok(Object::begin(self))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(Error(
            "a ledger entry holds no externally tagged struct variants".into(),
        ))
    }
}

impl ser::SerializeSeq for Array<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        Array::end(self);
        Ok(())
    }
}

impl ser::SerializeTuple for Array<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        Array::end(self);
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Array<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        Array::end(self);
        Ok(())
    }
}

impl ser::SerializeStruct for Object<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.member(Cow::Borrowed(name), value)
    }
    fn end(self) -> Result<(), Error> {
        Object::end(self)
    }
}

impl ser::SerializeMap for Object<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.pending = Some(key.serialize(KeyName)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let name = self
            .pending
            .take()
            .ok_or_else(|| Error("a map value came before its key".into()))?;
        self.member(Cow::Owned(name), value)
    }
    fn end(self) -> Result<(), Error> {
        Object::end(self)
    }
}

/// A map key, which in JSON is a string.
struct KeyName;

impl ser::Serializer for KeyName {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = ser::Impossible<String, Error>;
    type SerializeTuple = ser::Impossible<String, Error>;
    type SerializeTupleStruct = ser::Impossible<String, Error>;
    type SerializeTupleVariant = ser::Impossible<String, Error>;
    type SerializeMap = ser::Impossible<String, Error>;
    type SerializeStruct = ser::Impossible<String, Error>;
    type SerializeStructVariant = ser::Impossible<String, Error>;

    fn serialize_str(self, v: &str) -> Result<String, Error> {
        Ok(v.to_owned())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, Error> {
        Ok(variant.to_owned())
    }
    fn serialize_bool(self, _: bool) -> Result<String, Error> {
        Err(not_a_name())
    }
    fn serialize_i8(self, _: i8) -> Result<String, Error> {
        Err(not_a_name())
    }
    fn serialize_i16(self, _: i16) -> Result<String, Error> {
        Err(not_a_name())
    }
    fn serialize_i32(self, _: i32) -> Result<String, Error> {
        Err(not_a_name())
    }
    fn serialize_i64(self, _: i64) -> Result<String, Error> {
        Err(not_a_name())
    }
    fn serialize_u8(self, _: u8) -> Result<String, Error> {
        Err(not_a_name())
    }
    fn serialize_u16(self, _: u16) -> Result<String, Error> {
        Err(not_a_name())
    }
    fn serialize_u32(self, _: u32) -> Result<String, Error> {
        Err(not_a_name())
    }
    fn serialize_u64(self, _: u64) -> Result<String, Error> {
        Err(not_a_name())
    }
    fn serialize_f32(self, _: f32) -> Result<String, Error> {
        Err(not_a_name())
    }
    fn serialize_f64(self, _: f64) -> Result<String, Error> {
        Err(not_a_name())
    }
    fn serialize_char(self, v: char) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<String, Error> {
        Err(not_a_name())
    }
    fn serialize_none(self) -> Result<String, Error> {
        Err(not_a_name())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String, Error> {
        Err(not_a_name())
    }
    fn serialize_unit(self) -> Result<String, Error> {
        Err(not_a_name())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, Error> {
        Err(not_a_name())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, Error> {
        Err(not_a_name())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(not_a_name())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(not_a_name())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(not_a_name())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(not_a_name())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(not_a_name())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(not_a_name())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(not_a_name())
    }
}

fn not_a_name() -> Error {
    Error("a JSON member's name is a string".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical(text: &str) -> String {
        let value: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
        let mut out = Vec::new();
        let _ = write(&value, &mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn members_are_sorted_by_utf16_code_units_and_whitespace_dropped() {
        // RFC 8785 section 3.2.3's point about sorting: by UTF-16 code units, so
        // U+1F600 (a surrogate pair, 0xD83D…) sorts before U+FB33 (0xFB33), unlike in
        // UTF-8 or code point order.
        assert_eq!(
            canonical(
                "{\"\u{fb33}\": 1, \"\u{1f600}\": 2, \"b\": [true, null, {\"y\": 0, \"x\": -7}], \"a\": \"x\"}"
            ),
            "{\"a\":\"x\",\"b\":[true,null,{\"x\":-7,\"y\":0}],\"\u{1f600}\":2,\"\u{fb33}\":1}"
        );
    }

    #[test]
    fn strings_are_escaped_as_json_stringify_escapes_them() {
        assert_eq!(
            canonical(r#""\u0007\b\t\n\f\r\"\\/\u20ac\u2028""#),
            "\"\\u0007\\b\\t\\n\\f\\r\\\"\\\\/\u{20ac}\u{2028}\""
        );
    }

    #[test]
    fn integers_are_written_in_decimal() {
        assert_eq!(
            canonical("[0, 9, 10, 18446744073709551615, -1]"),
            "[0,9,10,18446744073709551615,-1]"
        );
    }
}
