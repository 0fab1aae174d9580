//! Proptest strategies for valid values of this crate's public types (feature
//! `proptest`), for the record crate and the root tests to compose.
//!
//! ```
//! use proptest::prelude::*;
//! use partnership_carers::strategies;
//!
//! proptest!(|(carer in strategies::carer())| {
//!     // Every generated carer passed `Carer::try_from`.
//!     prop_assert!(!(carer.relationship().never_holds_parental_responsibility()
//!         && carer.legal_standing().holds_parental_responsibility()));
//! });
//! ```

use std::num::NonZeroU16;

use chrono::{Duration, NaiveDate};
use partnership_core::strategies::{
    date, date_between, day_of_week, id, label, labelled, party_ref, personal_label, personal_note,
    time_of_day,
};
use partnership_core::{AgencyId, PartyRef, Sensitive};
use proptest::collection::{btree_set, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::{
    AccessibilityNeed, AdjustmentDecision, AdjustmentFor, AdjustmentOutcome, AdjustmentRequest,
    AdvocacyService, AgreedAction, AvailabilityWindow, Carer, CarerParts, Channel,
    CommunicationAgreement, CommunicationPreferences, ContactDetails, ContactLog, ContactRecord,
    ContactRecordParts, ContactRestriction, CulturalConsiderations, DelegatedArea,
    DietaryRequirement, Involvement, LanguageTag, LegalStanding, ParentalResponsibilityBasis,
    PreferredTerm, Relationship, ReligiousObservance, Restriction, RestrictionParts, SupportItem,
    SupportKind, SupportStatus, TrainingTopic, UpdateFrequency,
};

const CHANNELS: [Channel; 8] = [
    Channel::Phone,
    Channel::TextMessage,
    Channel::Email,
    Channel::Letter,
    Channel::FaceToFace,
    Channel::HomeVisit,
    Channel::VideoCall,
    Channel::WrittenReport,
];

/// A channel.
pub fn channel() -> impl Strategy<Value = Channel> {
    select(CHANNELS.to_vec())
}

/// A relationship to the child.
pub fn relationship() -> impl Strategy<Value = Relationship> {
    labelled(Relationship::FIXED, |label| Relationship::Other { label })
}

/// An area of delegated authority.
pub fn delegated_area() -> impl Strategy<Value = DelegatedArea> {
    labelled(DelegatedArea::FIXED, |label| DelegatedArea::Other { label })
}

/// A basis of parental responsibility.
pub fn pr_basis() -> impl Strategy<Value = ParentalResponsibilityBasis> {
    labelled(ParentalResponsibilityBasis::FIXED, |label| {
        ParentalResponsibilityBasis::Other { label }
    })
}

/// A legal standing that fits `relationship` (foster carers and residential care
/// workers never hold parental responsibility; the basis fits the relationship, by the
/// table on `ParentalResponsibilityBasis`; special guardians and adoptive parents
/// always hold it, on their order).
pub fn legal_standing_for(relationship: Relationship) -> BoxedStrategy<LegalStanding> {
    let delegated = (btree_set(delegated_area(), 1..4), option::of(date())).prop_map(
        |(areas, placement_plan_dated)| LegalStanding::DelegatedAuthority {
            areas: areas.into_iter().collect(),
            placement_plan_dated,
        },
    );
    let plain = prop_oneof![Just(LegalStanding::None), Just(LegalStanding::Unknown)];
    if relationship.never_holds_parental_responsibility() {
        return prop_oneof![3 => delegated, 1 => plain].boxed();
    }
    let always = relationship.always_holds_parental_responsibility();
    let fits = {
        let relationship = relationship.clone();
        move |basis: &ParentalResponsibilityBasis| {
            basis.can_be_held_by(&relationship) && always.as_ref().is_none_or(|a| a == basis)
        }
    };
    // Registration gives a second female parent parental responsibility from 2009.
    let registered_from = if relationship == Relationship::SecondFemaleParent {
        NaiveDate::from_ymd_opt(2009, 9, 1)
    } else {
        NaiveDate::from_ymd_opt(2003, 12, 1)
    }
    .unwrap_or_default();
    let pr = (
        pr_basis().prop_filter("basis fits the relationship", fits),
        date_between(registered_from, registered_from + Duration::days(6000)),
        any::<bool>(),
        option::of(0i64..4000),
    )
        .prop_map(move |(basis, start, known, length)| {
            let needs_since = basis == ParentalResponsibilityBasis::NamedOnBirthRegister;
            let since = (known || needs_since).then_some(start);
            let until = since.and(length).map(|days| start + Duration::days(days));
            LegalStanding::ParentalResponsibility {
                basis,
                since,
                until,
            }
        });
    if relationship
        .always_holds_parental_responsibility()
        .is_some()
    {
        return pr.boxed();
    }
    prop_oneof![3 => pr, 1 => delegated, 1 => plain].boxed()
}

/// A well-formed language tag from a realistic set.
pub fn language_tag() -> impl Strategy<Value = LanguageTag> {
    select(vec![
        "en", "en-GB", "cy", "pl", "ur", "pa-Guru", "bn", "ar", "so", "ro", "bfi",
    ])
    .prop_filter_map("well-formed", |tag| LanguageTag::parse(tag).ok())
}

/// An access need.
pub fn accessibility_need() -> impl Strategy<Value = AccessibilityNeed> {
    labelled(AccessibilityNeed::FIXED, |label| AccessibilityNeed::Other {
        label,
    })
}

/// An availability window.
pub fn availability_window() -> impl Strategy<Value = AvailabilityWindow> {
    (day_of_week(), time_of_day(), time_of_day())
        .prop_filter_map("window ends after it starts", |(day, a, b)| {
            AvailabilityWindow::new(day, a.min(b), a.max(b)).ok()
        })
}

/// A contact restriction.
pub fn contact_restriction() -> impl Strategy<Value = ContactRestriction> {
    prop_oneof![
        Just(ContactRestriction::NoVoicemail),
        Just(ContactRestriction::NoLetters),
        Just(ContactRestriction::NoHomeVisits),
        Just(ContactRestriction::NoContactAtWork),
        vec(day_of_week(), 1..3).prop_map(|days| ContactRestriction::NotOnDays { days }),
        time_of_day().prop_map(|time| ContactRestriction::NotBefore { time }),
        time_of_day().prop_map(|time| ContactRestriction::NotAfter { time }),
        personal_note().prop_map(|note| ContactRestriction::Other { note }),
    ]
}

/// Contact details.
pub fn contact_details() -> impl Strategy<Value = ContactDetails> {
    (
        option::of(personal_label()),
        option::of(personal_label()),
        option::of(personal_note()),
    )
        .prop_map(|(phone, email, address)| ContactDetails {
            phone,
            email,
            address,
        })
}

/// Communication preferences with channels that do not repeat.
pub fn communication_preferences() -> impl Strategy<Value = CommunicationPreferences> {
    (
        proptest::sample::subsequence(CHANNELS.to_vec(), 0..4).prop_shuffle(),
        language_tag(),
        any::<bool>(),
        any::<bool>(),
        vec(accessibility_need(), 0..3),
        option::of(personal_note()),
        vec(availability_window(), 0..3),
        vec(contact_restriction(), 0..3),
        contact_details(),
    )
        .prop_map(
            |(
                channels,
                preferred_language,
                interpreter_needed,
                easy_read_needed,
                accessibility_needs,
                accessibility_note,
                availability,
                contact_restrictions,
                contact_details,
            )| CommunicationPreferences {
                channels,
                preferred_language,
                interpreter_needed,
                easy_read_needed,
                accessibility_needs,
                accessibility_note,
                availability,
                contact_restrictions,
                contact_details,
            },
        )
}

/// Cultural and personal considerations.
pub fn cultural_considerations() -> impl Strategy<Value = CulturalConsiderations> {
    let dietary = labelled(DietaryRequirement::FIXED, |label| {
        DietaryRequirement::Other {
            label: Sensitive::new(label),
        }
    })
    .boxed();
    let dietary = prop_oneof![
        4 => dietary,
        1 => personal_label().prop_map(|label| DietaryRequirement::Other { label }),
    ];
    let observance = (
        personal_label(),
        vec(day_of_week(), 0..2),
        vec(date(), 0..2),
    )
        .prop_map(
            |(observance, days_to_avoid, dates_to_avoid)| ReligiousObservance {
                observance,
                days_to_avoid,
                dates_to_avoid,
            },
        );
    let term = (personal_label(), option::of(personal_label()))
        .prop_map(|(prefer, instead_of)| PreferredTerm { prefer, instead_of });
    (
        vec(dietary, 0..2),
        vec(observance, 0..2),
        option::of(personal_note()),
        option::of(personal_note()),
        vec(term, 0..2),
    )
        .prop_map(
            |(
                dietary_requirements,
                religious_observances,
                behaviour_expectations,
                ways_of_showing_respect,
                preferred_terminology,
            )| CulturalConsiderations {
                dietary_requirements,
                religious_observances,
                behaviour_expectations,
                ways_of_showing_respect,
                preferred_terminology,
            },
        )
}

/// A kind of support.
pub fn support_kind() -> impl Strategy<Value = SupportKind> {
    prop_oneof![
        Just(SupportKind::Respite),
        labelled(TrainingTopic::FIXED, |label| TrainingTopic::Other { label })
            .prop_map(|topic| SupportKind::Training { topic }),
        Just(SupportKind::PeerSupportGroup),
        Just(SupportKind::Counselling),
        Just(SupportKind::FinancialAdvice),
        Just(SupportKind::AssistiveEquipment),
        labelled(AdvocacyService::FIXED, |label| AdvocacyService::Other {
            label
        })
        .prop_map(|service| SupportKind::Advocacy { service }),
        label().prop_map(|label| SupportKind::Other { label }),
    ]
}

/// A request for a reasonable adjustment made to `agency`, with or without an
/// answer, its dates in order (decided on or after the request, in place on or after
/// the decision and only when something was agreed).
pub fn adjustment_request(agency: AgencyId) -> impl Strategy<Value = AdjustmentRequest> {
    let outcome = (
        select(vec![
            AdjustmentDecision::Agreed,
            AdjustmentDecision::PartlyAgreed,
            AdjustmentDecision::Refused,
        ]),
        0i64..60,
        option::of(0i64..60),
        option::of(personal_note()),
    );
    (
        id(),
        select(vec![AdjustmentFor::Child, AdjustmentFor::Carer]),
        personal_label(),
        date(),
        option::of(outcome),
    )
        .prop_map(move |(id, needed_by, adjustment, requested_on, outcome)| {
            AdjustmentRequest {
                id,
                needed_by,
                agency,
                adjustment,
                requested_on,
                outcome: outcome.map(|(decision, after, in_place, reasons)| {
                    let decided_on = requested_on + Duration::days(after);
                    AdjustmentOutcome {
                        decision,
                        decided_on,
                        decided_by: None,
                        reasons,
                        in_place_from: in_place
                            .filter(|_| decision.agrees_something())
                            .map(|later| decided_on + Duration::days(later)),
                    }
                }),
            }
        })
}

/// A support item whose status dates from on or after its identification.
pub fn support_item() -> impl Strategy<Value = SupportItem> {
    (
        id(),
        support_kind(),
        select(vec![
            SupportStatus::Identified,
            SupportStatus::Offered,
            SupportStatus::Accepted,
            SupportStatus::Declined,
            SupportStatus::InPlace,
        ]),
        date(),
        0i64..400,
        option::of(personal_note()),
    )
        .prop_map(
            |(id, kind, status, identified_on, later, note)| SupportItem {
                id,
                kind,
                status,
                identified_on,
                status_since: identified_on + Duration::days(later),
                note,
            },
        )
}

/// A restriction on involvement, reconsidered 1 to 365 days after the decision.
pub fn restriction() -> impl Strategy<Value = Restriction> {
    (personal_note(), id(), date(), 1i64..366).prop_filter_map(
        "reconsidered after the decision",
        |(reason, decided_by, decided_on, days)| {
            Restriction::try_from(RestrictionParts {
                reason,
                decided_by,
                decided_on,
                reconsider_by: decided_on + Duration::days(days),
            })
            .ok()
        },
    )
}

/// Involvement: mostly involved, sometimes restricted.
pub fn involvement() -> impl Strategy<Value = Involvement> {
    prop_oneof![
        3 => Just(Involvement::Involved),
        1 => restriction().prop_map(Involvement::Restricted),
    ]
}

/// A valid carer.
pub fn carer() -> impl Strategy<Value = Carer> {
    relationship()
        .prop_flat_map(|relationship| {
            (
                id(),
                personal_label(),
                Just(relationship.clone()),
                legal_standing_for(relationship),
                any::<bool>(),
                any::<bool>(),
                communication_preferences(),
                cultural_considerations(),
                vec(support_item(), 0..3),
                involvement(),
            )
        })
        .prop_filter_map(
            "support ids unique",
            |(
                id,
                name,
                relationship,
                legal_standing,
                lives_with_child,
                primary_contact,
                communication,
                considerations,
                support,
                involvement,
            )| {
                Carer::try_from(CarerParts {
                    id,
                    name,
                    relationship,
                    legal_standing,
                    lives_with_child,
                    primary_contact,
                    communication,
                    considerations,
                    support,
                    // Adjustments name agencies, which a carer alone cannot
                    // resolve: `adjustment_request` gives them for a known agency.
                    adjustments: Vec::new(),
                    involvement,
                })
                .ok()
            },
        )
}

/// An update frequency.
pub fn update_frequency() -> impl Strategy<Value = UpdateFrequency> {
    prop_oneof![
        Just(UpdateFrequency::AfterEachSession),
        Just(UpdateFrequency::Weekly),
        Just(UpdateFrequency::Fortnightly),
        Just(UpdateFrequency::Monthly),
        (1u16..=120).prop_filter_map("non-zero", |n| NonZeroU16::new(n)
            .map(|days| UpdateFrequency::EveryNDays { days })),
    ]
}

/// A communication agreement with a random carer.
pub fn communication_agreement() -> impl Strategy<Value = CommunicationAgreement> {
    (
        id(),
        id(),
        update_frequency(),
        channel(),
        party_ref(),
        date(),
    )
        .prop_map(
            |(id, carer, frequency, channel, updates_given_by, agreed_on)| CommunicationAgreement {
                id,
                carer,
                frequency,
                channel,
                updates_given_by,
                agreed_on,
            },
        )
}

/// An action agreed on `date`: due on or after it, and perhaps done.
pub fn agreed_action(date: NaiveDate) -> impl Strategy<Value = AgreedAction> {
    (
        id(),
        personal_note(),
        party_ref(),
        0i64..60,
        option::of(0i64..90),
    )
        .prop_map(move |(id, description, owner, due, done)| AgreedAction {
            id,
            description,
            owner,
            due_on: date + Duration::days(due),
            completed_on: done.map(|d| date + Duration::days(d)),
        })
}

/// A contact record on `date`.
pub fn contact_record_on(date: NaiveDate) -> impl Strategy<Value = ContactRecord> {
    (
        id(),
        channel(),
        btree_set(party_ref(), 1..4),
        personal_note(),
        vec(agreed_action(date), 0..3),
    )
        .prop_filter_map(
            "action ids unique",
            move |(id, channel, participants, summary, agreed_actions)| {
                ContactRecord::try_from(ContactRecordParts {
                    id,
                    date,
                    channel,
                    participants: participants.into_iter().collect::<Vec<PartyRef>>(),
                    summary,
                    agreed_actions,
                })
                .ok()
            },
        )
}

/// A contact log of up to `max` records in date order.
pub fn contact_log(max: usize) -> impl Strategy<Value = ContactLog> {
    (date(), vec(0i64..30, 0..=max))
        .prop_flat_map(|(start, gaps)| {
            let mut day = start;
            let dates: Vec<NaiveDate> = gaps
                .into_iter()
                .map(|gap| {
                    day += Duration::days(gap);
                    day
                })
                .collect();
            dates.into_iter().map(contact_record_on).collect::<Vec<_>>()
        })
        .prop_filter_map("ids unique", |records| ContactLog::try_from(records).ok())
}
