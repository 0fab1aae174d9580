//! Proptest strategies for valid values of this crate's public types (feature
//! `proptest`).
//!
//! Consents, requests and rules drawn for the same [`World`] share a small
//! vocabulary of recipients, purposes and categories, so that consents often cover
//! requests and the decision rules are exercised on both sides.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use partnership_core::strategies::{id, label, labelled, personal_note};
use partnership_core::{
    AgencyId, AgencyKind, CarerId, ChildId, PartyRef, ProfessionalId, ProfessionalRole,
};
use proptest::collection::{btree_set, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::{
    ActingAuthority, Article9Condition, CarersTold, ChildCapacity, ConsentEvent, ConsentEventKind,
    ConsentGiver, ConsentMethod, ConsentRecord, ConsentRecordParts, DataCategory, LawfulBasis,
    Purpose, Recipient, RecipientScope, SafeguardingJustification, SafeguardingJustificationParts,
    Scope, SharingRequest, SharingRequestParts, WithholdingRule, WithholdingRuleParts,
};

/// A purpose.
pub fn purpose() -> impl Strategy<Value = Purpose> {
    labelled(Purpose::FIXED, |label| Purpose::Other { label })
}

/// A data category.
pub fn data_category() -> impl Strategy<Value = DataCategory> {
    labelled(DataCategory::FIXED, |label| DataCategory::Other { label })
}

/// A lawful basis.
pub fn lawful_basis() -> impl Strategy<Value = LawfulBasis> {
    labelled(LawfulBasis::FIXED, |label| LawfulBasis::Other { label })
}

/// An Article 9 condition.
pub fn article9_condition() -> impl Strategy<Value = Article9Condition> {
    labelled(Article9Condition::FIXED, |label| Article9Condition::Other {
        label,
    })
}

/// A child, carers and recipients around them, for drawing related values.
#[derive(Debug, Clone)]
pub struct World {
    /// The child.
    pub child: ChildId,
    /// Carers holding parental responsibility.
    pub carers: Vec<CarerId>,
    /// Professionals who ask, decide and approve.
    pub professionals: Vec<ProfessionalId>,
    /// Possible recipients.
    pub recipients: Vec<Recipient>,
    /// Purposes in play.
    pub purposes: Vec<Purpose>,
    /// Categories in play.
    pub categories: Vec<DataCategory>,
    /// The first moment of interest.
    pub start: DateTime<Utc>,
    /// Who may give consent in this world. Drawn consents name one of these.
    pub givers: Vec<ConsentGiver>,
}

/// A world with two carers, three professionals, four recipients (a therapist in a
/// health service and a social care team, both with a safeguarding role; a teacher
/// and a carer, without one), two purposes, four categories (two of them special
/// category data), and givers of every kind: both carers as holders of parental
/// responsibility, the child (competent, or 16 or over), the second carer under
/// delegated authority, and the social care team under a care order.
pub fn world() -> impl Strategy<Value = World> {
    (
        id::<ChildId>(),
        [id::<CarerId>(), id::<CarerId>()],
        [
            id::<ProfessionalId>(),
            id::<ProfessionalId>(),
            id::<ProfessionalId>(),
        ],
        [id::<AgencyId>(), id::<AgencyId>(), id::<AgencyId>()],
        0i64..3000,
    )
        .prop_map(|(child, carers, professionals, agencies, day)| {
            let [therapist, officer, teacher] = professionals;
            let [health, social_care, school] = agencies;
            let [first_carer, other_carer] = carers;
            let start = Utc
                .with_ymd_and_hms(2024, 1, 1, 9, 0, 0)
                .single()
                .unwrap_or_default()
                + Duration::days(day);
            World {
                child,
                carers: carers.to_vec(),
                professionals: professionals.to_vec(),
                recipients: vec![
                    Recipient::Professional {
                        id: therapist,
                        role: ProfessionalRole::SpeechAndLanguageTherapist,
                        agency: health,
                        agency_kind: AgencyKind::Health,
                    },
                    Recipient::Agency {
                        id: social_care,
                        agency_kind: AgencyKind::SocialCare,
                    },
                    Recipient::Professional {
                        id: teacher,
                        role: ProfessionalRole::Teacher,
                        agency: school,
                        agency_kind: AgencyKind::School,
                    },
                    Recipient::Carer { id: other_carer },
                ],
                purposes: vec![
                    Purpose::EducationSupportPlanning,
                    Purpose::MultiAgencyPlanning,
                ],
                categories: vec![
                    DataCategory::EducationProgress,
                    DataCategory::Health,
                    DataCategory::FamilyCircumstances,
                    DataCategory::SpecialEducationalNeedsAndDisability,
                ],
                start,
                givers: vec![
                    ConsentGiver::ParentalResponsibility { carer: first_carer },
                    ConsentGiver::ParentalResponsibility { carer: other_carer },
                    ConsentGiver::CompetentChild {
                        assessed_by: therapist,
                        assessed_on: start.date_naive(),
                    },
                    ConsentGiver::YoungPerson,
                    ConsentGiver::OtherAuthority {
                        authority: ActingAuthority::DelegatedAuthority { carer: other_carer },
                    },
                    ConsentGiver::OtherAuthority {
                        authority: ActingAuthority::CareOrder {
                            local_authority: social_care,
                            officer,
                            made_on: start.date_naive() - Duration::days(1000),
                            ended_on: None,
                        },
                    },
                ],
            }
        })
}

fn subset<T: Clone + std::fmt::Debug + Ord + 'static>(
    items: Vec<T>,
) -> impl Strategy<Value = Vec<T>> {
    let len = items.len();
    proptest::sample::subsequence(items, 1..=len)
}

/// A recipient scope reaching some of `world`'s recipients.
pub fn recipient_scope(world: &World) -> impl Strategy<Value = RecipientScope> + use<> {
    select(world.recipients.clone()).prop_flat_map(|recipient| {
        let mut options = Vec::new();
        match recipient {
            Recipient::Carer { id } => options.push(RecipientScope::Carer { id }),
            Recipient::Professional {
                id,
                role,
                agency,
                agency_kind,
            } => {
                options.push(RecipientScope::Professional { id });
                options.push(RecipientScope::Role { role });
                options.push(RecipientScope::Agency { id: agency });
                options.push(RecipientScope::AgencyKind { agency_kind });
            }
            Recipient::Agency { id, agency_kind } => {
                options.push(RecipientScope::Agency { id });
                options.push(RecipientScope::AgencyKind { agency_kind });
            }
        }
        select(options)
    })
}

/// A scope within `world`.
pub fn scope(world: &World) -> impl Strategy<Value = Scope> + use<> {
    (
        subset(world.purposes.clone()),
        btree_set(recipient_scope(world), 1..3),
        subset(world.categories.clone()),
    )
        .prop_map(|(purposes, recipients, data_categories)| Scope {
            purposes,
            recipients: recipients.into_iter().collect(),
            data_categories,
        })
}

/// Who gave consent, in `world`: one of its givers.
pub fn consent_giver(world: &World) -> impl Strategy<Value = ConsentGiver> + use<> {
    select(world.givers.clone())
}

/// How an answered consent's history ends.
#[derive(Debug, Clone, Copy)]
enum Ending {
    Open,
    Withdrawn,
    Revoked,
    Invalidated,
}

/// A consent record about `world`'s child with a valid history: perhaps a request,
/// then consent given (perhaps renewed, perhaps ended) or refused (perhaps
/// invalidated), over a period that may or may not have ended.
pub fn consent_record(world: &World) -> impl Strategy<Value = ConsentRecord> + use<> {
    let world = world.clone();
    (
        id(),
        consent_giver(&world),
        scope(&world),
        (any::<bool>(), any::<bool>(), 0i64..400, 0i64..400),
        (
            option::of(0i64..400),
            vec((1i64..200, option::of(0i64..500)), 0..2),
        ),
        prop_oneof![
            Just(Ending::Open),
            Just(Ending::Withdrawn),
            Just(Ending::Revoked),
            Just(Ending::Invalidated)
        ],
        (
            1i64..300,
            select(vec![
                ConsentMethod::Verbal,
                ConsentMethod::Written,
                ConsentMethod::Electronic,
            ]),
            label(),
        ),
    )
        .prop_map(
            move |(
                id,
                given_by,
                scope,
                (requested, refused, answer_after, from_offset),
                (length, renewals),
                ending,
                (end_after, method, notice_version),
            )| {
                let professional = world
                    .professionals
                    .first()
                    .copied()
                    .unwrap_or(ProfessionalId::from_uuid(Default::default()));
                let giver = given_by.party(world.child);
                let asker = PartyRef::Professional { id: professional };
                let event = ConsentEvent::new;
                let mut at = world.start;
                let mut events = Vec::new();
                if requested {
                    events.push(event(ConsentEventKind::Requested, at, asker));
                    at += Duration::hours(answer_after);
                }
                let valid_from = world.start.date_naive() + Duration::days(from_offset - 200);
                let valid_until = length.map(|days| valid_from + Duration::days(days));
                if refused {
                    events.push(event(ConsentEventKind::Refused, at, giver));
                    if matches!(ending, Ending::Invalidated) {
                        events.push(event(
                            ConsentEventKind::Invalidated,
                            at + Duration::days(end_after),
                            asker,
                        ));
                    }
                } else {
                    events.push(event(ConsentEventKind::Given, at, giver));
                    for (after, until) in renewals {
                        at += Duration::days(after);
                        events.push(ConsentEvent::renewal(
                            at,
                            giver,
                            until.map(|d| valid_from + Duration::days(d)),
                        ));
                    }
                    let end = at + Duration::days(end_after);
                    match ending {
                        Ending::Open => {}
                        Ending::Withdrawn => {
                            events.push(event(ConsentEventKind::Withdrawn, end, giver))
                        }
                        Ending::Revoked => {
                            // Revoked by someone other than the giver.
                            let other = world
                                .professionals
                                .iter()
                                .map(|&id| PartyRef::Professional { id })
                                .find(|p| *p != giver)
                                .unwrap_or(asker);
                            events.push(event(ConsentEventKind::Revoked, end, other))
                        }
                        Ending::Invalidated => {
                            events.push(event(ConsentEventKind::Invalidated, end, asker))
                        }
                    }
                }
                ConsentRecordParts {
                    id,
                    child: world.child,
                    given_by,
                    scope,
                    valid_from,
                    valid_until,
                    method,
                    notice_version,
                    events,
                }
            },
        )
        .prop_filter_map("a valid history", |parts| {
            ConsentRecord::try_from(parts).ok()
        })
}

/// The child's capacity for a decision.
pub fn child_capacity(world: &World) -> impl Strategy<Value = ChildCapacity> + use<> {
    let by = world
        .professionals
        .first()
        .copied()
        .unwrap_or(ProfessionalId::from_uuid(Default::default()));
    let on: NaiveDate = world.start.date_naive();
    prop_oneof![
        6 => Just(ChildCapacity::NotAssessed),
        1 => Just(ChildCapacity::Competent { assessed_by: by, assessed_on: on }),
        1 => Just(ChildCapacity::NotCompetent { assessed_by: by, assessed_on: on }),
        1 => Just(ChildCapacity::SixteenOrOver),
    ]
}

/// A sharing request about `world`'s child at some time in the 800 days after its start.
pub fn sharing_request(world: &World) -> impl Strategy<Value = SharingRequest> + use<> {
    let world = world.clone();
    (
        id(),
        select(world.professionals.clone()),
        select(world.recipients.clone()),
        select(world.purposes.clone()),
        subset(world.categories.clone()),
        0i64..(800 * 24),
        child_capacity(&world),
    )
        .prop_filter_map(
            "valid request",
            move |(
                id,
                requested_by,
                recipient,
                purpose,
                data_categories,
                hours,
                child_capacity,
            )| {
                SharingRequest::try_from(SharingRequestParts {
                    id,
                    child: world.child,
                    requested_by,
                    recipient,
                    purpose,
                    data_categories,
                    at: world.start + Duration::hours(hours),
                    child_capacity,
                })
                .ok()
            },
        )
}

/// A withholding rule about `world`'s child.
pub fn withholding_rule(world: &World) -> impl Strategy<Value = WithholdingRule> + use<> {
    let world = world.clone();
    (
        id(),
        select(world.carers.clone()),
        subset(world.categories.clone()),
        btree_set(recipient_scope(&world), 1..3),
        personal_note(),
        select(world.professionals.clone()),
        0i64..800,
        option::of(0i64..800),
    )
        .prop_filter_map(
            "valid rule",
            move |(
                id,
                protected,
                data_categories,
                withheld_from,
                reason,
                decided_by,
                from,
                length,
            )| {
                let from = world.start.date_naive() + Duration::days(from - 100);
                WithholdingRule::try_from(WithholdingRuleParts {
                    id,
                    child: world.child,
                    protects: vec![PartyRef::Carer { id: protected }],
                    data_categories,
                    withheld_from: withheld_from.into_iter().collect(),
                    reason,
                    decided_by,
                    from,
                    until: length.map(|d| from + Duration::days(d)),
                })
                .ok()
            },
        )
}

/// A safeguarding justification about `world`'s child, complete or not.
pub fn justification(world: &World) -> impl Strategy<Value = SafeguardingJustification> + use<> {
    let world = world.clone();
    (
        id(),
        option::weighted(0.9, lawful_basis()),
        option::weighted(0.8, article9_condition()),
        option::weighted(0.9, personal_note()),
        (
            btree_set(recipient_scope(&world), 1..3),
            subset(world.purposes.clone()),
            subset(world.categories.clone()),
        ),
        select(world.professionals.clone()),
        option::weighted(0.9, select(world.professionals.clone())),
        // The decision: usually hours before the window opens, sometimes after.
        (0i64..800, 1i64..2000, option::weighted(0.95, -48i64..96)),
        option::weighted(
            0.9,
            prop_oneof![
                Just(CarersTold::Told {
                    on: world.start.date_naive()
                }),
                personal_note().prop_map(|reason| CarersTold::NotTold { reason }),
            ],
        ),
    )
        .prop_filter_map(
            "valid justification",
            move |(
                id,
                lawful_basis,
                article9_condition,
                reason,
                (recipients, purposes, data_categories),
                decided_by,
                approved_by,
                (from, hours, decided_before),
                carers_told,
            )| {
                let valid_from = world.start + Duration::days(from - 100);
                let decided_at = decided_before.map(|h| valid_from - Duration::hours(h));
                SafeguardingJustification::try_from(SafeguardingJustificationParts {
                    id,
                    child: world.child,
                    lawful_basis,
                    article9_condition,
                    reason,
                    recipients: recipients.into_iter().collect(),
                    purposes,
                    data_categories,
                    decided_by,
                    approved_by,
                    decided_at,
                    valid_from,
                    valid_until: valid_from + Duration::hours(hours * 24),
                    carers_told,
                })
                .ok()
            },
        )
}
