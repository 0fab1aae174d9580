//! Who is invited to a review.

use chrono::NaiveDate;
use partnership_core::{CarerId, ChildId, PartyRef, ProfessionalId};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The recorded decision that restricts a carer's involvement, as plain data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RecordedRestriction {
    /// Who decided.
    pub decided_by: ProfessionalId,
    /// When.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub decided_on: NaiveDate,
}

/// A carer to consider for an invitation, with the restriction on their
/// involvement, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CarerInvitee {
    /// The carer.
    pub carer: CarerId,
    /// The recorded decision restricting their involvement, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restriction: Option<RecordedRestriction>,
}

/// A carer left off the invitation list, with the decision that says why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LeftOut {
    /// The carer.
    pub carer: CarerId,
    /// The recorded decision.
    pub because: RecordedRestriction,
}

/// Who is invited to a review, and who is left out and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InvitationList {
    /// Invited: every involved carer, the child or young person (unless the caller
    /// leaves them out), and the professionals.
    pub invited: Vec<PartyRef>,
    /// Carers left out, each with the recorded decision.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<LeftOut>,
}

/// Draws up the invitation list: every involved carer and the child by default; a
/// carer whose involvement is restricted is left out only with the recorded decision
/// cited.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::core::{CarerId, ChildId, PartyRef, ProfessionalId};
/// use partnership::reviews::*;
///
/// let (mum, dad, child) = (CarerId::random(), CarerId::random(), ChildId::random());
/// let decision = RecordedRestriction {
///     decided_by: ProfessionalId::random(),
///     decided_on: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
/// };
/// let list = invitation_list(
///     child,
///     &[CarerInvitee { carer: mum, restriction: None }, CarerInvitee { carer: dad, restriction: Some(decision) }],
///     true,
///     &[],
/// );
/// assert_eq!(list.invited, vec![PartyRef::Carer { id: mum }, PartyRef::Child { id: child }]);
/// assert_eq!(list.left_out[0].carer, dad);
/// ```
pub fn invitation_list(
    child: ChildId,
    carers: &[CarerInvitee],
    invite_child: bool,
    professionals: &[ProfessionalId],
) -> InvitationList {
    let mut invited = Vec::new();
    let mut left_out = Vec::new();
    for invitee in carers {
        match invitee.restriction {
            None => invited.push(PartyRef::Carer { id: invitee.carer }),
            Some(because) => left_out.push(LeftOut {
                carer: invitee.carer,
                because,
            }),
        }
    }
    if invite_child {
        invited.push(PartyRef::Child { id: child });
    }
    invited.extend(
        professionals
            .iter()
            .map(|id| PartyRef::Professional { id: *id }),
    );
    InvitationList { invited, left_out }
}
