//! Consent and information sharing.
//!
//! This crate carries the library's most important promise: **no personal
//! information about a child is shared without a covering consent or a recorded
//! lawful basis, and every decision to share or not to share is recorded.**
//!
//! - [`ConsentRecord`]: who gave or refused consent and in what capacity, the
//!   [`Scope`] (purposes, recipients, data categories), the period, how it was
//!   obtained, and an event history from which the [status](ConsentRecord::status_at)
//!   is derived. "No consent recorded" is not "refused".
//! - [`decide`]: a [`SharingRequest`] is refused by a safety [`WithholdingRule`]
//!   whatever else holds, permitted by a complete [`SafeguardingJustification`], or
//!   else permitted only when consent covers every requested category; a refusal lists
//!   every [`RefusalReason`] as data.
//! - [`DisclosureLedger`]: every decision appended to a SHA-256 hash chain before the
//!   answer is given; the only source of a [`Disclosure`].
//! - Helpers: [`consents_in_force`], [`consents_expiring_within`],
//!   [`permitted_categories`]; [`ConsentStatus::fhir_r4_code`] for FHIR.
//!
//! # A worked example
//!
//! A mother consents to the nursery sharing her son's education progress with his
//! speech and language therapist. The therapist's service then asks for his health
//! information too: refused, because nobody consented to that. The mother later
//! withdraws her consent, and the next request is refused. Every decision is in the
//! ledger, and the ledger verifies.
//!
//! ```
//! use chrono::{NaiveDate, TimeZone, Utc};
//! use partnership_consent::*;
//! use partnership_core::*;
//!
//! let at = |m, d| Utc.with_ymd_and_hms(2026, m, d, 10, 0, 0).unwrap();
//! let (child, mum, key_worker) = (ChildId::random(), CarerId::random(), ProfessionalId::random());
//! let therapist = Recipient::Professional {
//!     id: ProfessionalId::random(),
//!     role: ProfessionalRole::SpeechAndLanguageTherapist,
//!     agency: AgencyId::random(),
//!     agency_kind: AgencyKind::Health,
//! };
//!
//! // The mother consents, in writing, for this school year.
//! let consent = ConsentRecord::try_from(ConsentRecordParts {
//!     id: ConsentId::random(),
//!     child,
//!     given_by: ConsentGiver::ParentalResponsibility { carer: mum },
//!     scope: Scope {
//!         purposes: vec![Purpose::EducationSupportPlanning],
//!         recipients: vec![RecipientScope::Role { role: ProfessionalRole::SpeechAndLanguageTherapist }],
//!         data_categories: vec![DataCategory::EducationProgress],
//!     },
//!     valid_from: NaiveDate::from_ymd_opt(2026, 9, 7).unwrap(),
//!     valid_until: NaiveDate::from_ymd_opt(2027, 7, 23),
//!     method: ConsentMethod::Written,
//!     notice_version: Label::new("Little Acorns consent form 2026").unwrap(),
//!     events: vec![ConsentEvent {
//!         kind: ConsentEventKind::Given,
//!         at: at(9, 7),
//!         by: PartyRef::Carer { id: mum },
//!         valid_until: None,
//!     }],
//! })
//! .unwrap();
//!
//! let request = |categories: Vec<DataCategory>, when| {
//!     SharingRequest::try_from(SharingRequestParts {
//!         id: SharingRequestId::random(),
//!         child,
//!         requested_by: key_worker,
//!         recipient: therapist.clone(),
//!         purpose: Purpose::EducationSupportPlanning,
//!         data_categories: categories,
//!         at: when,
//!         child_capacity: ChildCapacity::NotAssessed {},
//!     })
//!     .unwrap()
//! };
//!
//! let mut ledger = DisclosureLedger::default();
//! let mut consents = vec![consent];
//!
//! // Education progress: covered.
//! let first = ledger
//!     .decide(&request(vec![DataCategory::EducationProgress], at(10, 5)), &consents, &[], None, at(10, 5))
//!     .unwrap();
//! let disclosure = first.disclosure.expect("permitted");
//! assert_eq!(disclosure.data_categories(), &[DataCategory::EducationProgress]);
//!
//! // Health information: nobody consented, so it is refused and the reason says why.
//! let second = ledger
//!     .decide(&request(vec![DataCategory::Health], at(10, 6)), &consents, &[], None, at(10, 6))
//!     .unwrap();
//! assert_eq!(
//!     second.decision.to_string(),
//!     "refused:\n- no consent covers sharing health with this recipient for this purpose"
//! );
//!
//! // The mother withdraws her consent.
//! consents[0] = consents[0].clone().with_event(ConsentEvent {
//!     kind: ConsentEventKind::Withdrawn,
//!     at: at(11, 2),
//!     by: PartyRef::Carer { id: mum },
//!     valid_until: None,
//! }).unwrap();
//! let third = ledger
//!     .decide(&request(vec![DataCategory::EducationProgress], at(11, 9)), &consents, &[], None, at(11, 9))
//!     .unwrap();
//! assert!(third.decision.to_string().starts_with(
//!     "refused:\n- consent to share education progress was withdrawn on 2026-11-02"
//! ));
//!
//! // Every decision, permit or refusal, is recorded; the chain verifies.
//! assert_eq!(ledger.len(), 3);
//! assert!(ledger.verify().is_ok());
//! ```

mod decision;
mod error;
mod justification;
mod ledger;
mod queries;
mod record;
mod request;
mod rfc3339;
mod scope;
#[cfg(feature = "proptest")]
pub mod strategies;
mod withholding;

pub use decision::{Disclosure, PermitBasis, RefusalReason, SharingDecision, decide};
pub use error::ConsentError;
pub use justification::{
    Article9Condition, CarersTold, JustificationProblem, LawfulBasis, SafeguardingJustification,
    SafeguardingJustificationParts,
};
pub use ledger::{DisclosureLedger, LedgerEntry, LedgerHead, LedgerOutcome, Sha256Digest};
pub use queries::{consents_expiring_within, consents_in_force, permitted_categories};
pub use record::{
    ConsentDecision, ConsentEvent, ConsentEventKind, ConsentGiver, ConsentMethod, ConsentRecord,
    ConsentRecordParts, ConsentStatus,
};
pub use request::{ChildCapacity, SharingRequest, SharingRequestParts};
pub use scope::{DataCategory, Purpose, Recipient, RecipientScope, Scope};
pub use withholding::{WithholdingRule, WithholdingRuleParts};
