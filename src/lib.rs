//! # partnership
//!
//! Domain libraries for the **partnership model of working with carers**:
//! professionals in children's services (schools, nurseries, health, social care)
//! working alongside the parents, foster carers, kinship carers and other carers of
//! children and young people.
//!
//! This crate is the stable API: it only re-exports the workspace's crates under
//! names of their own, as the `grep` crate does for ripgrep's parts.
//!
//! | module | crate | what it holds |
//! |---|---|---|
//! | [`core`] | `partnership-core` | typed ids, [`Sensitive`](core::Sensitive), NHS numbers, the child, school years, professionals, dates, JSON errors |
//! | [`carers`] | `partnership-carers` | carers and their legal standing, communication preferences and agreements, culture, support, involvement, contact log |
//! | [`goals`] | `partnership-goals` | shared goals, responsibilities, carers' agreement, lifecycle, progress, goal attainment scaling |
//! | [`consent`] | `partnership-consent` | consent records, sharing decisions, safeguarding justifications, withholding rules, the disclosure ledger |
//! | [`reviews`] | `partnership-reviews` | working-day calendar, statutory cadences, schedules, meetings, invitations, outcomes, phase transitions, iCalendar |
//! | [`record`] | `partnership-record` | the partnership record: cross-reference validation, loading with JSON Pointers, the practice report, due items |
//! | [`barriers`] | `partnership-barriers` | barriers to partnership, the mitigation catalogue, the register and its queries |
//! | `scenarios` | `partnership-scenarios` | teaching scenarios with their steps as data, and synthetic records (default feature `scenarios`) |
//! | `explain` | `partnership-explain` | words for carers and children: consent conversations, decisions explained, what was agreed, in English and Welsh (default feature `explain`) |
//!
//! [`chrono`] and [`uuid`] are re-exported so that dates and ids in the API and in your
//! code are the same types. The [`guide`] walks through the everyday flow: load a
//! record, change it, decide, save.
//!
//! ```
//! use partnership::prelude::*;
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//!
//! // The child: read from a partner's JSON, checked on the way in.
//! let child: ChildProfile = from_json_str(r#"{
//!     "id": "5b0c2f0e-8d43-4c55-9f0e-0d6b2a7c1e11",
//!     "name": "Layla Ahmed",
//!     "dateOfBirth": "2022-10-03"
//! }"#).unwrap();
//! assert_eq!(child.school_year_on(d(2026, 11, 23)).unwrap(), SchoolYear::Nursery);
//!
//! // Her mother, who prefers Arabic and needs an interpreter at meetings.
//! let mut communication = CommunicationPreferences::in_language(LanguageTag::parse("ar").unwrap());
//! communication.interpreter_needed = true;
//! communication.channels = vec![Channel::TextMessage, Channel::FaceToFace];
//! let mum = Carer::try_from(CarerParts {
//!     id: CarerId::random(),
//!     name: Sensitive::new(Label::new("Samira Ahmed").unwrap()),
//!     relationship: Relationship::BirthParent,
//!     legal_standing: LegalStanding::ParentalResponsibility {
//!         basis: ParentalResponsibilityBasis::BirthMother,
//!         since: None,
//!         until: None,
//!     },
//!     lives_with_child: true,
//!     primary_contact: true,
//!     communication,
//!     considerations: CulturalConsiderations::default(),
//!     support: vec![],
//!     adjustments: vec![],
//!     involvement: Involvement::default(),
//! })
//! .unwrap();
//! assert!(mum.communication().needs_language_support());
//!
//! // Personal data never reaches a log through Debug.
//! assert!(!format!("{child:?}{mum:?}").contains("Ahmed"));
//! ```

pub use chrono;
/// The `uuid` crate, whose `Uuid` every id in [`core`] wraps: re-exported so that an
/// id can be made from one without a dependency of your own.
pub use uuid;

pub mod guide;

/// The shared vocabulary: typed ids, personal data, identifiers, the child, school
/// years, professionals and agencies, dates, JSON errors (`partnership-core`).
pub mod core {
    pub use partnership_core::*;
}

/// Carers, legal standing, communication, agreements, culture, support,
/// involvement and the contact log (`partnership-carers`).
pub mod carers {
    pub use partnership_carers::*;
}

/// Shared goals: responsibilities, carers' agreement, the child's view, lifecycle,
/// progress, milestones, reviews and goal attainment scaling (`partnership-goals`).
pub mod goals {
    pub use partnership_goals::*;
}

/// Consent and information sharing: consent records, sharing decisions,
/// safeguarding justifications, withholding rules and the hash-chained disclosure
/// ledger (`partnership-consent`).
pub mod consent {
    pub use partnership_consent::*;
}

/// Barriers to partnership: the register, the mitigation catalogue, escalation and
/// effectiveness reviews (`partnership-barriers`).
pub mod barriers {
    pub use partnership_barriers::*;
}

/// Review scheduling: the working-day calendar, statutory cadences, schedules and
/// outcomes, carer-aware meeting dates, invitations, school-phase transitions and
/// iCalendar export (`partnership-reviews`).
pub mod reviews {
    pub use partnership_reviews::*;
}

/// The partnership record: one validated document joining every part, loading with
/// path-precise errors, the practice report and due lists (`partnership-record`).
pub mod record {
    pub use partnership_record::*;
}

/// Teaching scenarios of the partnership model, each a valid record with its steps as
/// data, for practitioner training software (`partnership-scenarios`, the default
/// feature `scenarios`).
///
/// ```
/// let scenario = partnership::scenarios::safeguarding_one_carer().unwrap();
/// let step = &scenario.steps[0];
/// assert!(!step.for_practitioners.is_empty());
/// let json = serde_json::to_string(&scenario).unwrap();
/// assert!(json.contains("\"principle\":\"transparency\""));
/// ```
#[cfg(feature = "scenarios")]
pub mod scenarios {
    pub use partnership_scenarios::*;
}

/// Words for carers and children: a consent conversation, a decision explained and
/// what was agreed, in plain English and Welsh, from the record's own facts
/// (`partnership-explain`, the default feature `explain`).
///
/// ```
/// let scenario = partnership::scenarios::consent_declined_narrowed_withdrawn().unwrap();
/// let explained = partnership::explain::decision_explained(&scenario.record, 0, None).unwrap();
/// assert!(explained.documents[0].to_text().contains("It was not shared."));
/// ```
#[cfg(feature = "explain")]
pub mod explain {
    pub use partnership_explain::*;
}

/// JSON Schemas (draft 2020-12) for every document a partner system exchanges.
pub use partnership_record::schema;

/// The names most programs need, in one `use partnership::prelude::*;`.
pub mod prelude {
    pub use chrono::{DateTime, NaiveDate, TimeZone, Utc};
    pub use partnership_barriers::{Barrier, BarrierKind, BarrierRegister, MitigationStrategy};
    pub use partnership_carers::{
        AgreedAction, Carer, CarerParts, Channel, CommunicationAgreement, CommunicationPreferences,
        ContactLog, ContactRecord, ContactRecordParts, CulturalConsiderations, DelegatedArea,
        Involvement, LanguageTag, LegalStanding, ParentalResponsibilityBasis, Relationship,
        UpdateFrequency,
    };
    pub use partnership_consent::{
        ConsentEvent, ConsentEventKind, ConsentGiver, ConsentMethod, ConsentRecord,
        ConsentRecordParts, DataCategory, DisclosureLedger, Purpose, Recipient, RecipientRef,
        RecipientScope, Scope, SharingDecision, SharingQuestion, SharingRequest,
        SharingRequestParts,
    };
    pub use partnership_core::json::from_json_str;
    pub use partnership_core::{
        ActionId, AgencyId, AgreementId, BarrierId, CarerId, ChildId, ChildProfile,
        ChildProfileParts, CompetenceAssessmentId, ConsentId, ContactRecordId, GoalId,
        JustificationId, Label, MitigationId, NhsNumber, PartyRef, Professional, ProfessionalId,
        ProfessionalRole, ProgressEntryId, RecordId, ReviewId, ReviewScheduleId, SchoolYear,
        Sensitive, SharingRequestId, WithholdingRuleId,
    };
    pub use partnership_goals::{GasLevel, GoalStatus, SharedGoal, SharedGoalParts, gas_t_score};
    pub use partnership_record::{
        Change, ChangeKind, Decided, DecisionError, Disclosure, PartnershipRecord,
        PartnershipRecordParts, PracticeReport, Problem, ProvenanceEntry, RecordError, Rule,
        WhatIf, due_items,
    };
    pub use partnership_reviews::{ReviewKind, ReviewSchedule, WorkingCalendar, next_review_due};
}

/// The README's Rust examples, compiled and run as doctests so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
