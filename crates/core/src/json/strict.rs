//! A reader layer that refuses an object written as a list.
//!
//! serde's derived structs accept their members either as a JSON object or, in
//! declaration order, as a JSON array: `["Amira", "birth-parent", …]` reads as a carer.
//! No schema we publish allows that, a partner system that writes it has made a
//! mistake (or is probing), and a record read that way would be written back as an
//! object, so the two systems would disagree about what was sent. serde has no switch
//! for it, so this layer passes every call through to the reader beneath, unchanged,
//! except that where a struct or a choice tagged by `kind` is expected, a list is
//! refused as a value of the wrong type.
//!
//! It sits under `serde_path_to_error` when the path is tracked, so the refusal gets
//! the pointer of the object that was written as a list.
//!
//! What it cannot reach: inside a choice that carries fields (an internally tagged
//! enum), serde reads the choice whole before it knows which members to expect and
//! then reads them from its own copy, past this layer.

use std::fmt;

use serde::de::{
    DeserializeSeed, Deserializer, EnumAccess, Error as _, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};

/// A reader that refuses an object written as a list; see the module docs.
pub(crate) struct Strict<D>(pub(crate) D);

/// A visitor passed through; `object_only` when the value asked for is a struct.
struct Wrap<V> {
    visitor: V,
    object_only: bool,
}

impl<V> Wrap<V> {
    fn any(visitor: V) -> Self {
        Self {
            visitor,
            object_only: false,
        }
    }

    fn object(visitor: V) -> Self {
        Self {
            visitor,
            object_only: true,
        }
    }
}

/// Generates the forwarding methods of [`Deserializer`] whose visitor is wrapped
/// as-is: every method but `deserialize_struct` looks the same.
macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
                self.0.$method($($arg,)* Wrap::any(visitor))
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward! {
        deserialize_any();
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier();
        deserialize_ignored_any();
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0
            .deserialize_struct(name, fields, Wrap::object(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// Generates the visitor methods that carry a plain value through unchanged.
macro_rules! pass {
    ($($method:ident($ty:ty);)*) => {
        $(
            fn $method<E: serde::de::Error>(self, v: $ty) -> Result<V::Value, E> {
                self.visitor.$method(v)
            }
        )*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(formatter)
    }

    pass! {
        visit_bool(bool);
        visit_i8(i8);
        visit_i16(i16);
        visit_i32(i32);
        visit_i64(i64);
        visit_i128(i128);
        visit_u8(u8);
        visit_u16(u16);
        visit_u32(u32);
        visit_u64(u64);
        visit_u128(u128);
        visit_f32(f32);
        visit_f64(f64);
        visit_char(char);
        visit_str(&str);
        visit_borrowed_str(&'de str);
        visit_string(String);
        visit_bytes(&[u8]);
        visit_borrowed_bytes(&'de [u8]);
        visit_byte_buf(Vec<u8>);
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_none()
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.visitor.visit_some(Strict(deserializer))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        self.visitor.visit_newtype_struct(Strict(deserializer))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        if self.object_only {
            return Err(A::Error::invalid_type(Unexpected::Seq, &self));
        }
        // A choice tagged by `kind` is read with `deserialize_any`, which a list also
        // answers; serde's reader of such a choice says what it is only in its
        // `expecting` text, worked out here only when a list has arrived.
        if expects_a_choice(&self.visitor) {
            return Err(A::Error::invalid_type(
                Unexpected::Seq,
                &"an object with a `kind`",
            ));
        }
        self.visitor.visit_seq(Strict(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(Strict(map))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_enum(Strict(data))
    }
}

/// Whether `visitor` is serde's reader of an internally tagged enum, which
/// describes itself as "internally tagged enum Name".
fn expects_a_choice<'de, V: Visitor<'de>>(visitor: &V) -> bool {
    struct Expecting<'a, V>(&'a V);
    impl<'de, V: Visitor<'de>> fmt::Display for Expecting<'_, V> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.expecting(f)
        }
    }
    Expecting(visitor)
        .to_string()
        .starts_with("internally tagged enum ")
}

/// A seed passed through, reading its value from a [`Strict`] reader.
struct Seed<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Strict(deserializer))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Seed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(Seed(seed))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(Seed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Strict<A> {
    type Error = A::Error;
    type Variant = Strict<A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        self.0
            .variant_seed(Seed(seed))
            .map(|(value, variant)| (value, Strict(variant)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(Seed(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Wrap::any(visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.struct_variant(fields, Wrap::object(visitor))
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::Strict;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Inner {
        a: u8,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Outer {
        inner: Option<Inner>,
        list: Vec<Inner>,
        pair: (u8, u8),
    }

    fn strict<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, serde_json::Error> {
        T::deserialize(Strict(&mut serde_json::Deserializer::from_str(text)))
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(tag = "kind", rename_all = "kebab-case")]
    enum Choice {
        #[serde(deserialize_with = "crate::json::no_payload")]
        Plain,
        WithFields {
            a: u8,
        },
    }

    #[test]
    fn a_choice_written_as_a_list_is_refused() {
        assert_eq!(
            strict::<Choice>(r#"{"kind": "with-fields", "a": 1}"#).unwrap(),
            Choice::WithFields { a: 1 }
        );
        for bad in [r#"["plain"]"#, r#"["with-fields", 1]"#] {
            assert!(serde_json::from_str::<Choice>(bad).is_ok(), "{bad}");
            let err = strict::<Choice>(bad).unwrap_err();
            assert!(
                err.to_string()
                    .starts_with("invalid type: sequence, expected an object with a `kind`"),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn an_object_written_as_a_list_is_refused_at_every_depth() {
        let good = r#"{"inner": {"a": 1}, "list": [{"a": 2}], "pair": [3, 4]}"#;
        assert!(strict::<Outer>(good).is_ok());
        // Plain serde reads each of these; the layer refuses them all.
        for bad in [
            r#"[{"a": 1}, [], [3, 4]]"#,
            r#"{"inner": [1], "list": [], "pair": [3, 4]}"#,
            r#"{"inner": null, "list": [[2]], "pair": [3, 4]}"#,
        ] {
            assert!(serde_json::from_str::<Outer>(bad).is_ok(), "{bad}");
            let err = strict::<Outer>(bad).unwrap_err();
            assert!(
                err.to_string()
                    .starts_with("invalid type: sequence, expected struct"),
                "{bad}: {err}"
            );
        }
    }
}
