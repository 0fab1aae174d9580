//! What the record says of a sharing decision's people, the same when a decision is
//! made and when the ledger is checked later: who shares and on what footing, the
//! child's age on the day, and whether the duty to share binds.

use chrono::{DateTime, Utc};
use partnership_consent::{JustificationProblem, LawInForce, SharingContext, SharingRequest};

/// Whether the duty to share binds `context`'s sharer and is owed to `request`'s
/// recipient (Children Act 2004 s.16LA(1)): both relevant persons, and not one agency.
/// The same rule when the exception is used and when its entry is checked later.
pub(crate) fn duty_does_not_bind(
    context: &SharingContext,
    request: &SharingRequest,
) -> Option<&'static str> {
    Some(match context.duty_not_owed(request)? {
        JustificationProblem::SharerNotARelevantPerson => {
            "the duty to share binds relevant persons, and the sharer's agency is not one, so there is no exception to use"
        }
        JustificationProblem::RecipientNotARelevantPerson => {
            "the duty to share is owed to relevant persons, and the recipient is not one, so there is no exception to use"
        }
        _ => {
            "the duty to share is owed to another relevant person, and the recipient is in the sharer's own agency, so there is no exception to use"
        }
    })
}

/// What the record says of the sharer and the child for a request made by
/// `requested_by`, under the commencement days `law`: who shares is the requester's
/// agency, as the team records it, and whether it is a public authority, and of a kind
/// under the duty to share, is the record's word, never the question's. The same facts
/// when a decision is made and when the ledger is checked later.
pub(crate) fn sharing_context(
    record: &crate::PartnershipRecordParts,
    requested_by: partnership_core::ProfessionalId,
    child_age: Option<u32>,
    law: LawInForce,
) -> SharingContext {
    let agency = record
        .professionals
        .iter()
        .find(|p| p.id == requested_by)
        .and_then(|p| record.agencies.iter().find(|a| a.id == p.agency));
    SharingContext {
        sharer_outside_public_authority: agency
            .is_some_and(partnership_core::Agency::is_outside_public_authority),
        sharer_is_relevant_person: agency.is_some_and(|a| a.kind.is_relevant_person()),
        child_age,
        law,
        sharer_agency: agency.map(|a| a.id),
    }
}

/// The child's age for a decision at `at`: on the date in England, which is the UTC
/// date or, in summer time, the date an hour later; of the two, the later, so that a
/// child is never treated as under 16 on their sixteenth birthday.
pub(crate) fn age_for_decision(
    child: &partnership_core::ChildProfile,
    at: DateTime<Utc>,
) -> Option<u32> {
    child
        .age_on(partnership_core::uk_date(at))
        .or_else(|_| child.age_on(at.date_naive()))
        .ok()
}
