//! Consent and information sharing: the rules.
//!
//! This crate holds the rules behind the library's most important promise: **no
//! personal information about a child is shared without a covering consent from
//! someone entitled to give it, or a lawful basis that covers this recipient and
//! purpose, and every decision to share or not to share is recorded.** The rules are
//! functions over plain data; the record crate's `PartnershipRecord::decide` is where
//! they are applied to a child's record, on the record's own facts, and recorded
//! before the answer is given. Only it hands out a `Disclosure`.
//!
//! - [`ConsentRecord`]: who gave or refused consent and in what capacity
//!   ([`ConsentGiver`], [`ActingAuthority`]), the [`Scope`] (purposes, recipients,
//!   data categories), the period, how it was obtained, and an event history whose
//!   every event is made by the person it says acted; the
//!   [status](ConsentRecord::status_at) is derived from it. "No consent recorded" is
//!   not "refused".
//! - [`SharingQuestion`]: what a professional asks to share, naming the recipient by
//!   id ([`RecipientRef`]) and carrying no time; older request files read as questions,
//!   with what they claim checked against the record.
//! - [`CompetenceAssessment`] and [`ChildCapacity::for_decision`]: the child's capacity
//!   for a decision from the date of birth and dated, decision-specific assessments.
//! - [`decide_on_facts`] (and [`decide`] for one justification): a [`SharingRequest`]
//!   stating the record's facts is refused by a safety [`WithholdingRule`] whatever
//!   else holds, permitted by a [`SafeguardingJustification`] that covers this
//!   recipient, purpose, category and moment, or else permitted only when consent
//!   covers every requested category; a refusal lists every [`RefusalReason`] as data.
//! - [`DisclosureLedger`]: every decision in a SHA-256 hash chain.
//! - Helpers: [`consents_in_force`], [`consents_expiring_within`],
//!   [`permitted_categories`]; [`ConsentStatus::fhir_r4_code`] for FHIR.
//!
//! # The law of 2025 and 2026, and where this library reads it
//!
//! | rule | source | in this library |
//! |---|---|---|
//! | recognised legitimate interest, safeguarding condition | UK GDPR Art 6(1)(ea) and Annex 1, DUAA 2025 s.70, in force 5 February 2026 (SI 2026/82) | [`LawfulBasis::RecognisedLegitimateInterest`]: from that day, for a sharer recorded as not a public authority (unrecorded counts as public), for a child under 18; an adult at risk is not recorded here, so never for an adult |
//! | a significant decision on (ea) is never solely automated | Art 22B, DUAA 2025 s.80 | every safeguarding justification names who decided, a different professional who approved, and when ([`SafeguardingJustification::decided_at`]); a permit copies them into the ledger |
//! | the duty to share safeguarding information | Children Act 2004 s.16LA, CWSA 2026 s.4 | [`LawfulBasis::DutyToShare`], from the day the service sets in [`LawInForce`] (none by default), between relevant persons: which agencies are relevant persons is this library's reading of s.16LA(5) (see `partnership_core::AgencyKind::is_relevant_person`) until regulations designate them |
//! | its exception: more detrimental to the child than not disclosing | s.16LA(3) | [`DetrimentException`], recorded in the ledger as [`SharingDecision::NotDisclosed`] only where the duty applies; the structured reasons ([`DetrimentReason`]) are this library's, the Act gives only the test |
//! | the consistent child identifier and its three exceptions | Children Act 2004 s.16LC(5)-(8) | the NHS number (the identifier intended; the Act leaves it to regulations), or `partnership_core::IdentifierOmission`; the practice report raises its absence from the day the service sets |
//!
//! # A worked example
//!
//! A mother consents to the nursery sharing her son's education progress with his
//! speech and language therapist. The therapist's service then asks for his health
//! information too: refused, because nobody consented to that. The mother later
//! withdraws her consent, and the next request is refused.
//!
//! ```
//! # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
//! use partnership::chrono::{NaiveDate, TimeZone, Utc};
//! use partnership::consent::*;
//! use partnership::core::*;
//!
//! let at = |m, d| Utc.with_ymd_and_hms(2026, m, d, 10, 0, 0).single().ok_or("no such time");
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
//!     valid_from: NaiveDate::from_ymd_opt(2026, 9, 7).ok_or("no such date")?,
//!     valid_until: NaiveDate::from_ymd_opt(2027, 7, 23),
//!     method: ConsentMethod::Written,
//!     notice_version: Label::new("Little Acorns consent form 2026")?,
//!     events: vec![ConsentEvent::new(ConsentEventKind::Given, at(9, 7)?, PartyRef::Carer { id: mum })],
//! })?;
//!
//! // The facts as the record states them: the recipient from the team, the time of
//! // the decision, the child's capacity from the date of birth.
//! let request = |categories: Vec<DataCategory>, when| {
//!     SharingRequest::try_from(SharingRequestParts {
//!         id: SharingRequestId::random(),
//!         child,
//!         requested_by: key_worker,
//!         recipient: therapist.clone(),
//!         purpose: Purpose::EducationSupportPlanning,
//!         data_categories: categories,
//!         at: when,
//!         child_capacity: ChildCapacity::NotAssessed,
//!     })
//! };
//!
//! let mut consents = vec![consent];
//!
//! // Education progress: covered.
//! let first = decide(&request(vec![DataCategory::EducationProgress], at(10, 5)?)?, &consents, &[], None);
//! assert!(first.is_permit());
//!
//! // Health information: nobody consented, so it is refused and the reason says why.
//! let second = decide(&request(vec![DataCategory::Health], at(10, 6)?)?, &consents, &[], None);
//! assert_eq!(
//!     second.to_string(),
//!     "refused:\n- no consent covers sharing health with this recipient for this purpose"
//! );
//!
//! // The mother withdraws her consent.
//! let withdrawn = ConsentEvent::new(ConsentEventKind::Withdrawn, at(11, 2)?, PartyRef::Carer { id: mum });
//! consents[0] = consents[0].clone().with_event(withdrawn)?;
//! let third = decide(&request(vec![DataCategory::EducationProgress], at(11, 9)?)?, &consents, &[], None);
//! assert!(third.to_string().starts_with(
//!     "refused:\n- consent to share education progress was withdrawn on 2026-11-02"
//! ));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod canonical;
mod checkpoint;
mod competence;
mod decision;
mod duty;
mod error;
mod hex;
mod justification;
mod law;
mod ledger;
mod queries;
mod question;
mod record;
mod request;
mod rfc3339;
mod scope;
#[cfg(feature = "proptest")]
pub mod strategies;
mod withholding;

pub use checkpoint::{Checkpoint, CheckpointSignature, LedgerSigningKey, LedgerVerifyingKey};
pub use competence::{
    AGE_OF_PRESUMED_CAPACITY, CompetenceAssessment, CompetenceAssessmentParts, CompetenceFinding,
};
pub use decision::{
    CategoryCapacity, DecisionFacts, DescribedField, PermitBasis, RefusalReason, SharingDecision,
    WithoutIds, decide, decide_on_facts,
};
pub use duty::{DetrimentException, DetrimentExceptionParts, DetrimentReason};
pub use error::ConsentError;
pub use justification::{
    Article9Condition, CarersTold, JustificationProblem, LawfulBasis, SafeguardingJustification,
    SafeguardingJustificationParts, SharingContext,
};
pub use law::{LawInForce, RECOGNISED_LEGITIMATE_INTEREST_IN_FORCE_FROM};
pub use ledger::{
    CANONICAL_INSTANT_PATTERN, DisclosureLedger, LEDGER_FORMAT, LedgerEntry, LedgerHead,
    LedgerMigration, Sha256Digest,
};
pub use queries::{consents_expiring_within, consents_in_force, permitted_categories};
pub use question::{RecipientRef, SharingQuestion, SharingQuestionParts};
pub use record::{
    ActingAuthority, ConsentDecision, ConsentEvent, ConsentEventKind, ConsentGiver, ConsentMethod,
    ConsentRecord, ConsentRecordParts, ConsentStatus,
};
pub use request::{ChildCapacity, SharingRequest, SharingRequestParts};
pub use scope::{DataCategory, Purpose, Recipient, RecipientScope, Scope};
pub use withholding::{WithholdingRule, WithholdingRuleParts};
