//! [`PartyRef`]: a reference to one of the people around the child.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{CarerId, ChildId, ProfessionalId};

/// Someone who takes part: a carer, a professional or the child, by id.
///
/// Goals name who does what, contact records name who was there, progress entries
/// name who observed: all through a `PartyRef`, which the record crate resolves.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::{CarerId, PartyRef};
///
/// let id: CarerId = "0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b".parse().unwrap();
/// let party = PartyRef::Carer { id };
/// assert_eq!(
///     serde_json::to_string(&party).unwrap(),
///     r#"{"kind":"carer","id":"0f8e7c1a-5b2d-4e8f-9a61-2c3d4e5f6a7b"}"#
/// );
/// assert!(party.is_carer());
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum PartyRef {
    /// A carer.
    Carer {
        /// The carer's id.
        id: CarerId,
    },
    /// A professional.
    Professional {
        /// The professional's id.
        id: ProfessionalId,
    },
    /// The child or young person.
    Child {
        /// The child's id.
        id: ChildId,
    },
}

impl PartyRef {
    /// Whether this party is a carer.
    pub const fn is_carer(&self) -> bool {
        matches!(self, Self::Carer { .. })
    }

    /// The carer's id, when the party is a carer.
    pub const fn carer(&self) -> Option<CarerId> {
        match self {
            Self::Carer { id } => Some(*id),
            _ => None,
        }
    }

    /// The professional's id, when the party is a professional.
    pub const fn professional(&self) -> Option<ProfessionalId> {
        match self {
            Self::Professional { id } => Some(*id),
            _ => None,
        }
    }
}

impl From<CarerId> for PartyRef {
    fn from(id: CarerId) -> Self {
        Self::Carer { id }
    }
}

impl From<ProfessionalId> for PartyRef {
    fn from(id: ProfessionalId) -> Self {
        Self::Professional { id }
    }
}

impl From<ChildId> for PartyRef {
    fn from(id: ChildId) -> Self {
        Self::Child { id }
    }
}

impl fmt::Display for PartyRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Carer { id } => write!(f, "carer {id}"),
            Self::Professional { id } => write!(f, "professional {id}"),
            Self::Child { id } => write!(f, "child {id}"),
        }
    }
}
