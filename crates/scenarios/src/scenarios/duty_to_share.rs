//! Scenario 11: the duty to share safeguarding information, and the one time not to.

use chrono::NaiveDate;
use partnership_consent::{
    Article9Condition, CarersTold, DataCategory, DetrimentExceptionParts, DetrimentReason,
    LawInForce, LawfulBasis, Purpose, RecipientRef, RecipientScope, SafeguardingJustification,
    SafeguardingJustificationParts,
};

use super::prelude::*;
use crate::kit::{decided, would_words};

const ABOUT: About = About {
    slug: "duty_to_share_detriment_exception",
    title: "The duty to share, and the one time not to",
    situation: "Aisha is fourteen and in Year 9 at Riverside Academy. Her mum, Samira, has \
noticed her coming home late and secretive, and the school has seen a man in his twenties \
waiting for her after school. Aisha talks to the school counsellor every week. The \
Children's Wellbeing and Schools Act 2026 puts a duty on schools, health services, the \
police and children's social care to share safeguarding information with each other, from \
a day the Secretary of State sets; suppose it is 1 April 2027, and the authority's system \
has that day. The duty has one exception: not disclosing, where disclosing would be more \
detrimental to the child than not.",
    as_of: "2027-05-10",
    opened: "2027-04-12",
};

/// The day this scenario supposes the duty to share comes into force. It is not a real
/// commencement day: the library knows none until the service sets one.
fn commenced() -> Fallible<NaiveDate> {
    day("2027-04-01")
}

/// Aisha, fourteen: at risk of exploitation. The school shares with children's social
/// care under the 2026 duty to share, which the library accepts as a basis only from
/// the commencement day the service has set; and the designated safeguarding lead
/// decides not to pass on the counsellor's notes of what Aisha said, because doing so
/// would be more detrimental to her. That decision is recorded like a permit, with its
/// reason and a second professional's approval.
///
/// # Errors
///
/// A [`ScenarioError`] only if the scenario itself is wrong (its record does not hold together); every scenario is run by the test suite.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
/// use partnership::consent::{PermitBasis, SharingDecision};
///
/// let scenario = partnership::scenarios::duty_to_share_detriment_exception().unwrap();
/// let ledger: Vec<_> = scenario.record.disclosures().iter().map(|e| &e.decision).collect();
/// assert!(matches!(
///     ledger[0],
///     SharingDecision::Permit { basis: PermitBasis::Safeguarding { duty_to_share_from: Some(_), .. }, .. }
/// ));
/// assert!(matches!(ledger[1], SharingDecision::NotDisclosed { .. }));
/// ```
pub fn duty_to_share_detriment_exception() -> Result<Scenario, ScenarioError> {
    build(&ABOUT, write, 11, "Aisha Khan", "2012-11-20")
}

fn write(case: &mut Case) -> Fallible<()> {
    let school = case.agency("Riverside Academy", AgencyKind::School)?;
    let social_care = case.agency("Children's Social Care", AgencyKind::SocialCare)?;
    let dsl = case.professional(
        "Grace Owusu",
        ProfessionalRole::DesignatedSafeguardingLead,
        school,
    )?;
    let deputy = case.professional(
        "Daniel Price",
        ProfessionalRole::Other {
            label: partnership_core::Label::new("deputy headteacher")?,
        },
        school,
    )?;
    let worker = case.professional("Hannah Lewis", ProfessionalRole::SocialWorker, social_care)?;
    let support = case.professional(
        "Tom Reid",
        ProfessionalRole::FamilySupportWorker,
        social_care,
    )?;
    let samira = case.carer(
        "Samira Khan",
        Relationship::BirthParent,
        birth_mother(),
        "en-GB",
        |c| {
            c.communication.channels = vec![Channel::Phone, Channel::FaceToFace];
        },
    )?;
    let [dsl_p, worker_p] = [dsl, worker].map(|id| PartyRef::Professional { id });
    let samira_p = PartyRef::Carer { id: samira };
    let law = LawInForce {
        duty_to_share_from: Some(commenced()?),
        ..LawInForce::default()
    };

    case.discuss(
        "2027-04-12",
        Channel::FaceToFace,
        vec![samira_p, dsl_p],
        "Met Samira at school about Aisha's late nights and the man waiting after school.",
        vec![],
    )?;
    case.agree_updates(
        samira,
        UpdateFrequency::Weekly,
        Channel::Phone,
        dsl,
        "2027-04-12",
    )?;
    case.step(
        "2027-04-12",
        Principle::OpenCommunication,
        "Change::AddContact, Change::AddAgreement",
        "Mrs Owusu, the designated safeguarding lead, meets Samira the same day. They share \
         what each has noticed, and Mrs Owusu explains that the school will tell children's \
         social care, what it will tell them and why. Samira wants to know what happens \
         next; they agree a phone call every week.",
    )?;

    let justification = case.id();
    let parts = SafeguardingJustificationParts {
        id: justification,
        child: case.child(),
        lawful_basis: Some(LawfulBasis::DutyToShare),
        article9_condition: Some(Article9Condition::SafeguardingChildrenAndIndividualsAtRisk),
        reason: Some(note(
            "Signs that Aisha is being groomed by an older man: late nights, gifts, a man \
             waiting for her after school",
        )),
        recipients: vec![RecipientScope::Agency { id: social_care }],
        purposes: vec![Purpose::Safeguarding],
        data_categories: vec![
            DataCategory::SafeguardingInformation,
            DataCategory::FamilyCircumstances,
        ],
        decided_by: dsl,
        approved_by: Some(deputy),
        decided_at: Some(at("2027-04-12", "13:00")?),
        valid_from: at("2027-04-12", "13:00")?,
        valid_until: at("2027-07-21", "17:00")?,
        carers_told: Some(CarersTold::Told {
            on: day("2027-04-12")?,
        }),
    };
    let by = Some(PartyRef::Professional { id: dsl });
    case.change(
        partnership_record::Change::AddJustification(SafeguardingJustification::try_from(parts)?),
        at("2027-04-12", "13:00")?,
        by,
    )?;
    let referral = case.question(
        dsl,
        RecipientRef::professional(worker),
        Purpose::Safeguarding,
        vec![
            DataCategory::SafeguardingInformation,
            DataCategory::FamilyCircumstances,
        ],
    )?;
    let asked_at = at("2027-04-12", "14:00")?;
    let before = case.what_if_under(&referral, asked_at, &LawInForce::default())?;
    let outcome = case.share_under(&referral, asked_at, &law)?;
    case.step(
        "2027-04-12",
        Principle::Confidentiality,
        "Change::AddJustification, PartnershipRecord::what_if_under, PartnershipRecord::decide_under",
        format!(
            "Mrs Owusu records the school's decision to share: the lawful basis is now the \
             duty to share safeguarding information (Children Act 2004 s.16LA), with the \
             condition for special category data, the reason, who it is for, what may be \
             shared, the deputy head's approval and the time they decided, and that Samira \
             was told. A system with no commencement day set answers that sharing {}. The \
             library never assumes a law is in force. On the authority's system, with the \
             day set, it decides and records: {}. The permit records the commencement day \
             it relied on and the two professionals who decided, so it can be checked later.",
            would_words(&before),
            decided(&outcome)
        ),
    )?;

    case.discuss(
        "2027-04-19",
        Channel::FaceToFace,
        vec![samira_p, dsl_p, worker_p],
        "Strategy meeting follow-up with Samira and the social worker: a safety plan for evenings.",
        vec![(
            "Give Samira the number of the police child exploitation team",
            worker_p,
            "2027-04-21",
        )],
    )?;
    case.complete_action(
        "Give Samira the number of the police child exploitation team",
        "2027-04-20",
    )?;
    case.step(
        "2027-04-19",
        Principle::SharedResponsibility,
        "Change::AddContact, Change::CompleteAction",
        "The social worker, Hannah Lewis, meets Samira and Mrs Owusu. They agree a safety \
         plan for the evenings, and Hannah gives Samira the number of the police team who \
         work on child exploitation the next day, a day before she said she would.",
    )?;

    let notes = case.question(
        dsl,
        RecipientRef::professional(support),
        Purpose::Safeguarding,
        vec![DataCategory::ChildsViews],
    )?;
    let exception = DetrimentExceptionParts {
        reason: DetrimentReason::LossOfTrustedRelationship,
        explanation: note(
            "Aisha has said she will stop seeing the counsellor if her words are passed on; \
             the counsellor is the only adult she talks to about the man. The social worker \
             already has what is needed to keep her safe.",
        ),
        decided_by: dsl,
        approved_by: deputy,
        duty_to_share_from: commenced()?,
    };
    let entry = case.not_disclosed(&notes, exception, at("2027-04-26", "10:00")?, &law)?;
    case.step(
        "2027-04-26",
        Principle::ChildParticipation,
        "PartnershipRecord::record_not_disclosed",
        format!(
            "The family support worker, Tom Reid, asks the school for the counsellor's notes \
             of what Aisha has said. Under the duty the school must share what may help him, \
             unless sharing would be more detrimental to Aisha than not. Aisha has said she \
             will stop seeing the counsellor if her words are passed on, and the counsellor \
             is the only adult she talks to about the man. Mrs Owusu decides not to pass the \
             notes on, and the deputy head approves. The decision is not a silence: it is \
             ledger entry {entry}, with its reason in the law's terms (disclosing would lose \
             the child's trust in a relationship that keeps her safe), the judgement in Mrs \
             Owusu's words, both professionals and the commencement day of the duty it was \
             taken under. Tom is told that the school has decided not to share the notes, \
             and why in general terms."
        ),
    )?;

    case.discuss(
        "2027-05-07",
        Channel::Phone,
        vec![samira_p, dsl_p],
        "Weekly call with Samira: Aisha is home on time most evenings and still sees the counsellor.",
        vec![],
    )?;
    case.step(
        "2027-05-07",
        Principle::MonitoringAndReview,
        "Change::AddContact",
        "In the weekly call Samira says Aisha is home on time most evenings, and Aisha is \
         still seeing the counsellor every week: the relationship the decision protected \
         is holding. Mrs Owusu will look at the decision again if anything changes.",
    )?;
    Ok(())
}
