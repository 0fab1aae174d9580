//! Typed ids: one UUID newtype per kind of entity, so a goal cannot name a carer
//! where it means a professional.
//!
//! Every id serialises as the plain UUID string, in lower case with hyphens, and is
//! read only in that spelling, so it is written back exactly as it was read; its JSON
//! Schema is `{"type": "string", "format": "uuid", "pattern": …}`. Ids are not
//! personal data: they print in full through `Debug` and `Display`.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::CoreError;

/// The one spelling of a UUID this library reads and writes (RFC 9562 section 4: the
/// hexadecimal in lower case, hyphenated 8-4-4-4-12), as a JSON Schema pattern.
pub const CANONICAL_UUID_PATTERN: &str =
    "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

/// What a UUID in another spelling, or anything else where an id belongs, is told.
pub(crate) const CANONICAL_UUID_PROBLEM: &str =
    "must be a UUID written in lower case with hyphens, like 0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b";

/// A UUID in its canonical spelling, or `None`: braces, a `urn:uuid:` prefix, no
/// hyphens or capital letters are other spellings of the same UUID, which would be
/// written back changed (and change a ledger entry's hash).
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::parse_canonical_uuid;
///
/// assert!(parse_canonical_uuid("0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b").is_some());
/// assert!(parse_canonical_uuid("0F8E7C1A-5B2D-4E8F-9A61-2C3D4E5F6A7B").is_none());
/// assert!(parse_canonical_uuid("{0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b}").is_none());
/// assert!(parse_canonical_uuid("0f8e7c1a5b2d4e8f9a612c3d4e5f6a7b").is_none());
/// ```
pub fn parse_canonical_uuid(text: &str) -> Option<Uuid> {
    parse_canonical(text)
}

fn parse_canonical(text: &str) -> Option<Uuid> {
    let canonical = text.len() == 36
        && text.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_digit() || (b'a'..=b'f').contains(&b),
        });
    canonical.then(|| Uuid::try_parse(text).ok()).flatten()
}

/// Reads a UUID string in its canonical spelling, refusing any other without
/// repeating it (an id in the wrong place may be a name).
fn deserialize_canonical<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    kind: &'static str,
) -> Result<Uuid, D::Error> {
    struct Canonical(&'static str);

    impl serde::de::Visitor<'_> for Canonical {
        type Value = Uuid;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a {} as a UUID in lower case with hyphens", self.0)
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Uuid, E> {
            parse_canonical(text).ok_or_else(|| E::custom(CANONICAL_UUID_PROBLEM))
        }
    }

    deserializer.deserialize_str(Canonical(kind))
}

/// Reads and writes a plain [`Uuid`] field in its canonical spelling only, as the
/// typed ids are: `#[serde(with = "partnership_core::canonical_uuid")]`, or with
/// `deserialize_with` alone where a JSON Schema is derived too.
pub mod canonical_uuid {
    use serde::{Deserializer, Serialize, Serializer};
    use uuid::Uuid;

    /// Writes the UUID as it always is: lower case, hyphenated.
    ///
    /// # Errors
    ///
    /// Whatever the serializer reports.
    pub fn serialize<S: Serializer>(uuid: &Uuid, serializer: S) -> Result<S::Ok, S::Error> {
        uuid.serialize(serializer)
    }

    /// Reads only the canonical spelling.
    ///
    /// # Errors
    ///
    /// Any other spelling, or anything that is not a UUID.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Uuid, D::Error> {
        super::deserialize_canonical(deserializer, "UUID")
    }
}

macro_rules! typed_ids {
    ($( $(#[$meta:meta])* $name:ident => $what:literal; )*) => {$(
        $(#[$meta])*
        #[doc = ""]
        #[doc = concat!("Identifies ", $what, ". Create one from a UUID you already hold with")]
        #[doc = concat!("[`", stringify!($name), "::from_uuid`], or a new one with [`", stringify!($name), "::random`].")]
        #[doc = ""]
        #[doc = "```"]
        #[doc = "# #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } }"]
        #[doc = concat!("use partnership::core::", stringify!($name), ";")]
        #[doc = ""]
        #[doc = concat!("let id: ", stringify!($name), " = \"0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b\".parse().unwrap();")]
        #[doc = "assert_eq!(serde_json::to_string(&id).unwrap(), r#\"\"0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b\"\"#);"]
        #[doc = concat!("assert_ne!(", stringify!($name), "::random(), ", stringify!($name), "::random());")]
        #[doc = "```"]
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        /// Reads only the canonical spelling, so that an id is written back exactly
        /// as it was read.
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserialize_canonical(deserializer, stringify!($name)).map(Self)
            }
        }

        impl $name {
            /// Wraps a UUID the caller already holds, for example one from its database.
            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            /// A new random (version 4) id.
            pub fn random() -> Self {
                Self(Uuid::new_v4())
            }

            /// The UUID inside.
            pub const fn as_uuid(&self) -> &Uuid {
                &self.0
            }
        }

        impl From<Uuid> for $name {
            fn from(uuid: Uuid) -> Self {
                Self(uuid)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "({})"), self.0)
            }
        }

        impl FromStr for $name {
            type Err = CoreError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                parse_canonical(s)
                    .map(Self)
                    .ok_or(CoreError::InvalidId { kind: stringify!($name) })
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn schema_id() -> Cow<'static, str> {
                concat!("partnership_core::", stringify!($name)).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "string",
                    "format": "uuid",
                    "pattern": CANONICAL_UUID_PATTERN,
                    "description": concat!("Identifies ", $what, " (a UUID, in lower case with hyphens).")
                })
            }
        }
    )*};
}

typed_ids! {
    ChildId => "a child or young person";
    CarerId => "a carer: a parent, foster carer, kinship carer or other person caring for the child";
    ProfessionalId => "a professional working with the child and carers";
    AgencyId => "an agency or setting: a nursery, school, health service or social care team";
    GoalId => "a shared goal";
    ResponsibilityId => "a responsibility on a shared goal (who does what, where and how often)";
    ProgressEntryId => "a progress entry on a shared goal";
    MilestoneId => "a milestone achieved on a shared goal";
    ConsentId => "a consent record";
    SharingRequestId => "a request to share information about a child";
    WithholdingRuleId => "a rule that withholds information to protect someone's safety";
    JustificationId => "a safeguarding justification for sharing without consent";
    CompetenceAssessmentId => "an assessment of whether a child under 16 is competent to make a particular decision (Gillick)";
    BarrierId => "a barrier to partnership";
    MitigationId => "a mitigation tried against a barrier";
    ReviewId => "a review meeting";
    ReviewScheduleId => "a review schedule";
    ContactRecordId => "a record of a discussion in the contact log";
    ActionId => "an action agreed in a discussion";
    AgreementId => "a communication agreement with a carer";
    SupportId => "a support need or offer for a carer";
    AdjustmentId => "a request a carer made for a reasonable adjustment";
    RedressId => "a complaint or an appeal a carer made";
    RecordId => "a partnership record";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_non_uuid_without_echoing_it() {
        let err = "carer-7".parse::<CarerId>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "CarerId must be a UUID in lower case with hyphens, such as 0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b"
        );
        let json: Result<CarerId, _> = serde_json::from_str(r#""carer-7""#);
        assert!(json.is_err());
    }

    /// One spelling in, the same spelling out: another spelling of the same UUID is
    /// refused rather than written back changed.
    #[test]
    fn reads_only_the_canonical_spelling() {
        let canonical = "6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e31";
        let id: CarerId = serde_json::from_str(&format!("\"{canonical}\"")).unwrap();
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            format!("\"{canonical}\"")
        );
        for other in [
            "6C5D4E3F-2A1B-4C0D-9E8F-7A6B5C4D3E31",
            "6c5d4e3f-2a1b-4c0d-9e8f-7A6B5C4D3E31",
            "{6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e31}",
            "6c5d4e3f2a1b4c0d9e8f7a6b5c4d3e31",
            "urn:uuid:6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e31",
            " 6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e31",
            "6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e3g",
            "6c5d4e3f-2a1b-4c0d-9e8f_7a6b5c4d3e31",
        ] {
            assert!(other.parse::<CarerId>().is_err(), "{other}");
            let read: Result<CarerId, _> = serde_json::from_str(&format!("\"{other}\""));
            let err = read.unwrap_err().to_string();
            assert!(!err.contains(other), "{err}");
        }
        let pattern = CANONICAL_UUID_PATTERN;
        assert!(pattern.starts_with('^') && pattern.ends_with('$'));
    }

    #[test]
    fn schema_is_uuid_string() {
        let schema = schemars::schema_for!(GoalId);
        assert_eq!(schema.get("format").and_then(|v| v.as_str()), Some("uuid"));
        assert_eq!(schema.get("type").and_then(|v| v.as_str()), Some("string"));
    }
}
