//! Typed ids: one UUID newtype per kind of entity, so a goal cannot name a carer
//! where it means a professional.
//!
//! Every id serialises as the plain UUID string and has the JSON Schema
//! `{"type": "string", "format": "uuid"}`. Ids are not personal data: they print
//! in full through `Debug` and `Display`.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::CoreError;

macro_rules! typed_ids {
    ($( $(#[$meta:meta])* $name:ident => $what:literal; )*) => {$(
        $(#[$meta])*
        #[doc = ""]
        #[doc = concat!("Identifies ", $what, ". Create one from a UUID you already hold with")]
        #[doc = concat!("[`", stringify!($name), "::from_uuid`], or a new one with [`", stringify!($name), "::random`].")]
        #[doc = ""]
        #[doc = "```"]
        #[doc = concat!("use partnership_core::", stringify!($name), ";")]
        #[doc = ""]
        #[doc = concat!("let id: ", stringify!($name), " = \"0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b\".parse().unwrap();")]
        #[doc = "assert_eq!(serde_json::to_string(&id).unwrap(), r#\"\"0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b\"\"#);"]
        #[doc = concat!("assert_ne!(", stringify!($name), "::random(), ", stringify!($name), "::random());")]
        #[doc = "```"]
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

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
                Uuid::try_parse(s)
                    .map(Self)
                    .map_err(|_| CoreError::InvalidId { kind: stringify!($name) })
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
                    "description": concat!("Identifies ", $what, " (a UUID).")
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
            "CarerId must be a UUID such as 0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b"
        );
        let json: Result<CarerId, _> = serde_json::from_str(r#""carer-7""#);
        assert!(json.is_err());
    }

    #[test]
    fn schema_is_uuid_string() {
        let schema = schemars::schema_for!(GoalId);
        assert_eq!(schema.get("format").and_then(|v| v.as_str()), Some("uuid"));
        assert_eq!(schema.get("type").and_then(|v| v.as_str()), Some("string"));
    }
}
