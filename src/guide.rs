//! # The everyday flow: load a record, change it, decide, save
//!
//! A service holds one [`PartnershipRecord`](crate::record::PartnershipRecord) per
//! child. It reads it, makes changes through
//! [`apply`](crate::record::PartnershipRecord::apply), each checked against the
//! record and kept with who made it and when, shares only through
//! [`decide`](crate::record::PartnershipRecord::decide), and writes it back.
//!
//! ```
//! use partnership::prelude::*;
//!
//! # let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/record.json");
//! let mut record = PartnershipRecord::from_json(&std::fs::read_to_string(path)?)?;
//! let key_worker = record.professionals()[0].id; // who is making the changes
//! let therapist = record.professionals()[1].id;
//! let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).single().ok_or("no such time")?;
//!
//! // Layla's grandmother now collects her on Fridays.
//! let arabic = CommunicationPreferences::in_language(LanguageTag::parse("ar")?);
//! let grandma = CarerParts::new(CarerId::random(), Label::new("Aisha Ahmed")?,
//!     Relationship::Grandparent, LegalStanding::None, arabic);
//! record.apply(Change::AddCarer(Carer::try_from(grandma)?), key_worker, now)?;
//!
//! // Her mother agrees that the speech therapist may hear how she is getting on.
//! let scope = Scope { purposes: vec![Purpose::EducationSupportPlanning],
//!     recipients: vec![RecipientScope::Professional { id: therapist }],
//!     data_categories: vec![DataCategory::EducationProgress] };
//! let mum = ConsentGiver::ParentalResponsibility { carer: record.carers()[0].id() };
//! let consent = ConsentRecordParts::given(ConsentId::random(), record.child().id(), mum, scope,
//!     now, ConsentMethod::Written, Label::new("consent form v3")?, Some(key_worker));
//! record.apply(Change::AddConsent(ConsentRecord::try_from(consent)?), key_worker, now)?;
//!
//! // Share: the record decides, on its own facts, and records the decision first.
//! let question = SharingQuestion::new(SharingRequestId::random(), record.child().id(), key_worker,
//!     RecipientRef::professional(therapist), Purpose::EducationSupportPlanning,
//!     vec![DataCategory::EducationProgress])?;
//! let decided = record.decide(&question, now)?;
//! assert!(decided.disclosure().is_some());
//!
//! std::fs::write(std::env::temp_dir().join("layla.json"), record.to_json())?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! That is 22 lines of Rust. What each step gives back when it cannot go ahead:
//!
//! - [`from_json`](crate::record::PartnershipRecord::from_json): every
//!   [`Problem`](crate::record::Problem) in the file, each with a JSON Pointer and
//!   its [`Rule`](crate::record::Rule).
//! - [`Carer::try_from`](crate::carers::Carer), `ConsentRecord::try_from`: the rule of
//!   the carer or consent itself that is broken (a foster carer recorded as holding
//!   parental responsibility, a history that makes no sense).
//! - [`apply`](crate::record::PartnershipRecord::apply): every problem the change
//!   would bring to the record, and the record as it was. Someone outside the team,
//!   a change dated before the last one, or something dated after its own recording
//!   is refused.
//! - [`decide`](crate::record::PartnershipRecord::decide): a question that does not
//!   fit the record. A refusal to share is not an error: it is a decision, recorded
//!   like a permit, with its reasons.
//!
//! No step reads a clock: the time of each change and decision is the caller's,
//! checked against the record's history.
