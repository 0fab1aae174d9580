//! Carers: who cares for the child, what they may decide, and how to work with them.
//!
//! In the partnership model carers are named parties, not recipients: their legal
//! standing decides who may consent to what; their communication preferences and
//! agreed update frequency are kept to; their culture is respected; the support they
//! need is tracked; and their involvement changes only by a recorded decision.
//!
//! - [`Carer`]: relationship, [`LegalStanding`] (parental responsibility and its
//!   basis, or delegated authority area by area), living arrangement, primary contact.
//!   Each basis of parental responsibility is accepted only for the relationships its
//!   section gives it to, and special guardians and adoptive parents always hold it:
//!   the table, with the section for each row, is on [`ParentalResponsibilityBasis`].
//!   It is this library's reading of the Children Act 1989 and the Adoption and
//!   Children Act 2002, checked against the sections; a basis written in words
//!   (`other`) is not checked.
//! - [`CommunicationPreferences`]: channels in order, language (BCP 47), interpreter,
//!   easy-read, access needs, availability windows, contact restrictions.
//! - [`CommunicationAgreement`]: the agreed update frequency, with
//!   [`next_update_due`](CommunicationAgreement::next_update_due) and
//!   [`is_overdue`](CommunicationAgreement::is_overdue).
//! - [`CulturalConsiderations`], [`SupportItem`] (advocacy among it: the SEND
//!   information, advice and support service, an independent advocate, a disability
//!   advocacy organisation, as [`AdvocacyService`]), [`Involvement`].
//! - [`AdjustmentRequest`]: a reasonable adjustment the carer asked for, for the child
//!   or themselves (Equality Act 2010 s.20), and the agency's answer.
//! - [`ContactLog`]: discussions and agreed actions, with
//!   [`overdue_actions`](ContactLog::overdue_actions).
//!
//! ```
//! # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
//! use partnership::chrono::NaiveDate;
//! use partnership::carers::*;
//! use partnership::core::{AgreementId, CarerId, Label, PartyRef, ProfessionalId, Sensitive};
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//!
//! // A grandmother caring for her grandson under a special guardianship order.
//! let mut communication = CommunicationPreferences::in_language(LanguageTag::parse("en").unwrap());
//! communication.channels = vec![Channel::Phone, Channel::HomeVisit];
//! communication.easy_read_needed = true;
//! let nan = Carer::try_from(CarerParts {
//!     id: CarerId::random(),
//!     name: Sensitive::new(Label::new("Maureen Clarke").unwrap()),
//!     relationship: Relationship::SpecialGuardian,
//!     legal_standing: LegalStanding::ParentalResponsibility {
//!         basis: ParentalResponsibilityBasis::SpecialGuardianshipOrder,
//!         since: Some(d(2024, 3, 1)),
//!         until: None,
//!     },
//!     lives_with_child: true,
//!     primary_contact: true,
//!     communication,
//!     considerations: CulturalConsiderations::default(),
//!     support: vec![],
//!     adjustments: vec![],
//!     involvement: Involvement::Involved,
//! })
//! .unwrap();
//!
//! // She hears from the social worker every fortnight, by phone.
//! let agreement = CommunicationAgreement {
//!     id: AgreementId::random(),
//!     carer: nan.id(),
//!     frequency: UpdateFrequency::Fortnightly,
//!     channel: Channel::Phone,
//!     updates_given_by: PartyRef::Professional { id: ProfessionalId::random() },
//!     agreed_on: d(2026, 9, 1),
//! };
//! assert_eq!(agreement.next_update_due(d(2026, 11, 9)), Some(d(2026, 11, 23)));
//! assert!(!agreement.is_overdue(d(2026, 11, 23), d(2026, 11, 9)));
//!
//! // Her name never reaches a log line through Debug.
//! assert!(!format!("{nan:?}").contains("Maureen"));
//! assert_eq!(
//!     nan.describe(),
//!     "special guardian, holds parental responsibility (special guardianship order), lives with the child"
//! );
//! ```

mod adjustment;
mod agreement;
mod carer;
mod communication;
mod contact;
mod culture;
mod error;
mod involvement;
#[cfg(feature = "proptest")]
pub mod strategies;
mod support;

pub use adjustment::{AdjustmentDecision, AdjustmentFor, AdjustmentOutcome, AdjustmentRequest};
pub use agreement::{CommunicationAgreement, UpdateFrequency};
pub use carer::{
    Carer, CarerParts, DelegatedArea, LegalStanding, ParentalResponsibilityBasis, Relationship,
};
pub use communication::{
    AccessibilityNeed, AvailabilityWindow, AvailabilityWindowParts, Channel,
    CommunicationPreferences, ContactDetails, ContactRestriction, LanguageTag,
};
pub use contact::{AgreedAction, ContactLog, ContactRecord, ContactRecordParts, OverdueAction};
pub use culture::{CulturalConsiderations, DietaryRequirement, PreferredTerm, ReligiousObservance};
pub use error::CarersError;
pub use involvement::{Involvement, Restriction, RestrictionParts};
pub use support::{AdvocacyService, SupportItem, SupportKind, SupportStatus, TrainingTopic};
