//! Scenario 6: consent declined, then given with a narrower scope, then withdrawn.

use partnership_consent::{
    ConsentEventKind, ConsentGiver, ConsentMethod, DataCategory, Purpose, RecipientScope, Scope,
};

use super::prelude::*;
use crate::kit::{consent_event, decided, recipient};

const ABOUT: About = About {
    slug: "consent_declined_narrowed_withdrawn",
    title: "Consent declined, then given with a narrower scope, then withdrawn",
    situation: "Ruby is twelve and in Year 8. Her school's SENCO thinks an educational \
psychologist and the children's mental health service could both help with her anxiety about \
school, and asks her mother, Sophie, for consent to share information with them. Sophie had a \
bad experience with the mental health service and says no. Every request to share is decided \
by the rules and recorded, whatever the answer.",
    as_of: "2026-11-23",
    opened: "2026-09-08",
};

/// Ruby, twelve: her mother declines consent, then gives it with a narrower scope, then
/// withdraws it; each sharing request is decided, and every decision is recorded with
/// its reasons.
///
/// # Errors
///
/// A [`ScenarioError`] only if the scenario itself is wrong (its record does not hold together); every scenario is run by the test suite.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
/// use partnership::consent::SharingDecision;
///
/// let scenario = partnership::scenarios::consent_declined_narrowed_withdrawn().unwrap();
/// let ledger = &scenario.record.disclosures();
/// assert!(ledger.verify().is_ok());
/// let permitted = ledger
///     .iter()
///     .filter(|e| matches!(e.decision, SharingDecision::Permit { .. }))
///     .count();
/// assert_eq!((ledger.len(), permitted), (4, 1));
/// ```
pub fn consent_declined_narrowed_withdrawn() -> Result<Scenario, ScenarioError> {
    build(&ABOUT, write, 6, "Ruby Clarke", "2014-02-18")
}

fn write(case: &mut Case) -> Fallible<()> {
    let school = case.agency("Hillcrest Academy", AgencyKind::School)?;
    let eps = case.agency(
        "County Educational Psychology Service",
        AgencyKind::Other {
            label: partnership_core::Label::new("local authority education service")?,
        },
    )?;
    let camhs = case.agency(
        "Children and Young People's Mental Health Service",
        AgencyKind::Health,
    )?;
    let senco = case.professional("Helen Ward", ProfessionalRole::Senco, school)?;
    let ep = case.professional(
        "Dr Amit Shah",
        ProfessionalRole::EducationalPsychologist,
        eps,
    )?;
    let nurse = case.professional(
        "Kate Byrne",
        ProfessionalRole::Other {
            label: partnership_core::Label::new("mental health practitioner")?,
        },
        camhs,
    )?;
    let sophie = case.carer(
        "Sophie Clarke",
        Relationship::BirthParent,
        birth_mother(),
        "en-GB",
        |c| {
            c.communication.channels = vec![Channel::Phone, Channel::Email];
        },
    )?;
    let sophie_p = PartyRef::Carer { id: sophie };
    let senco_p = PartyRef::Professional { id: senco };
    case.agree_updates(
        sophie,
        UpdateFrequency::Monthly,
        Channel::Phone,
        senco,
        "2026-09-08",
    )?;

    let asked = at("2026-09-08", "15:30")?;
    let mental_health = Scope {
        purposes: vec![Purpose::HealthCare],
        recipients: vec![RecipientScope::Agency { id: camhs }],
        data_categories: vec![DataCategory::EducationProgress, DataCategory::Health],
    };
    let refused = case.consent(
        ConsentGiver::ParentalResponsibility { carer: sophie },
        mental_health,
        ("2026-09-08", None),
        ConsentMethod::Verbal,
        consent_event(ConsentEventKind::Requested, asked, senco_p),
    )?;
    case.consent_event(
        refused,
        consent_event(
            ConsentEventKind::Refused,
            at("2026-09-08", "15:45")?,
            sophie_p,
        ),
    )?;
    let psychology = Scope {
        purposes: vec![Purpose::EducationSupportPlanning],
        recipients: vec![RecipientScope::Professional { id: ep }],
        data_categories: vec![
            DataCategory::EducationProgress,
            DataCategory::SpecialEducationalNeedsAndDisability,
            DataCategory::Health,
        ],
    };
    // Asked, not answered: a request on its own permits nothing and refuses nothing.
    case.consent(
        ConsentGiver::ParentalResponsibility { carer: sophie },
        psychology,
        ("2026-09-08", None),
        ConsentMethod::Verbal,
        consent_event(ConsentEventKind::Requested, asked, senco_p),
    )?;
    case.discuss(
        "2026-09-08",
        Channel::Phone,
        vec![sophie_p, senco_p],
        "Asked for consent to share with the EP and the mental health service. Sophie \
         refused the mental health service, because of a bad experience there, and wants to \
         know more before answering about the EP.",
        vec![],
    )?;
    let to_camhs = recipient(nurse);
    let request = case.question(
        senco,
        to_camhs,
        Purpose::HealthCare,
        vec![DataCategory::Health, DataCategory::EducationProgress],
    )?;
    let outcome = case.share(&request, at("2026-09-09", "09:00")?)?;
    case.step(
        "2026-09-08",
        Principle::Confidentiality,
        "Change::AddConsent (Requested, then Refused), PartnershipRecord::decide",
        format!(
            "Mrs Ward, the SENCO, asks Sophie by phone for consent to share Ruby's progress, \
             special educational needs and health information with the mental health service \
             and with an educational psychologist. To the mental health service Sophie says \
             no, and her refusal is recorded as her decision. About the psychologist she \
             wants to know more first, so that request stays open. The next morning a \
             referral to the mental health service is drafted anyway; asked whether it may \
             go, the library says it is {}.",
            decided(&outcome)
        ),
    )?;

    let narrow = Scope {
        purposes: vec![Purpose::EducationSupportPlanning],
        recipients: vec![RecipientScope::Professional { id: ep }],
        data_categories: vec![
            DataCategory::EducationProgress,
            DataCategory::SpecialEducationalNeedsAndDisability,
        ],
    };
    let given = case.consent(
        ConsentGiver::ParentalResponsibility { carer: sophie },
        narrow,
        ("2026-09-29", Some("2027-07-21")),
        ConsentMethod::Written,
        consent_event(
            ConsentEventKind::Given,
            at("2026-09-29", "16:00")?,
            sophie_p,
        ),
    )?;
    case.discuss(
        "2026-09-29",
        Channel::FaceToFace,
        vec![sophie_p, senco_p],
        "Met in person. Sophie agreed in writing to the EP seeing Ruby's school progress and \
         SEN information only, until the end of the school year.",
        vec![],
    )?;
    case.step(
        "2026-09-29",
        Principle::Empowerment,
        "Change::AddConsent (Given, narrower scope)",
        "Mrs Ward meets Sophie in person and explains what the educational psychologist \
         does. Sophie agrees in writing, but only to what she is comfortable with: Ruby's \
         school progress and special educational needs, to the educational psychologist \
         only, for planning support at school, until the end of the school year. Nothing \
         about health, and nothing to the mental health service. Her refusal to the mental health \
             service stays in force.",
    )?;

    let to_ep = recipient(ep);
    let request = case.question(
        senco,
        to_ep.clone(),
        Purpose::EducationSupportPlanning,
        vec![
            DataCategory::EducationProgress,
            DataCategory::SpecialEducationalNeedsAndDisability,
        ],
    )?;
    let permitted = case.share(&request, at("2026-10-01", "10:00")?)?;
    let request = case.question(
        senco,
        to_ep.clone(),
        Purpose::EducationSupportPlanning,
        vec![DataCategory::EducationProgress, DataCategory::Health],
    )?;
    let too_wide = case.share(&request, at("2026-10-01", "10:05")?)?;
    case.step(
        "2026-10-01",
        Principle::Confidentiality,
        "PartnershipRecord::decide",
        format!(
            "Two requests to the educational psychologist. Ruby's progress and SEN \
             information: {}. A second request that adds a note from Ruby's GP about her \
             sleep: {}. The consent was narrow on purpose, and the library holds to it.",
            decided(&permitted),
            decided(&too_wide)
        ),
    )?;

    case.consent_event(
        given,
        consent_event(
            ConsentEventKind::Withdrawn,
            at("2026-11-05", "08:45")?,
            sophie_p,
        ),
    )?;
    case.discuss(
        "2026-11-05",
        Channel::Phone,
        vec![sophie_p, senco_p],
        "Sophie withdrew consent after Ruby said she did not want to see the EP again. \
         Mrs Ward will talk with Ruby about what would help instead.",
        vec![(
            "Meet Ruby about what would help instead",
            senco_p,
            "2026-11-13",
        )],
    )?;
    let request = case.question(
        senco,
        to_ep,
        Purpose::EducationSupportPlanning,
        vec![DataCategory::EducationProgress],
    )?;
    let after = case.share(&request, at("2026-11-09", "11:00")?)?;
    case.complete_action("Meet Ruby about what would help instead", "2026-11-12")?;
    let entries = case.record()?.disclosures().len();
    case.record()?.disclosures().verify()?;
    case.step(
        "2026-11-05",
        Principle::Transparency,
        "Change::RecordConsentEvent (Withdrawn), PartnershipRecord::decide, DisclosureLedger::verify",
        format!(
            "Ruby tells her mother she does not want to see the psychologist again, and \
             Sophie phones to withdraw consent. It takes effect at once. On 9 November the \
             psychologist's termly update request comes in: {}. The ledger now holds \
             {entries} decisions, three refusals and one permit, each with its reasons, and \
             its hash chain verifies: nobody can quietly remove a refusal.",
            decided(&after)
        ),
    )?;
    // The exercise: a consent asked for in September has never been answered.
    let ask = case.question(
        senco,
        recipient(ep),
        Purpose::EducationSupportPlanning,
        vec![DataCategory::EducationProgress],
    )?;
    case.exercise(
        "2026-11-23",
        "It is Monday 23 November. Mrs Ward has met Ruby about what would help instead of the \
         psychologist. Look at what Sophie has and has not answered.",
        &[FindingCode::ConsentRequestUnanswered],
        vec![(
            "The psychologist writes asking how Ruby's reading is going. May Mrs Ward tell them?",
            ask,
        )],
    )?;
    Ok(())
}
