//! Scenario 5: a language barrier.

use partnership_barriers::{
    BarrierKind, Effectiveness, EffectivenessReview, MitigationAttempt, MitigationStrategy,
    Severity, recommended_mitigations,
};

use super::prelude::*;

const ABOUT: About = About {
    slug: "language_barrier_interpreter",
    title: "A language barrier",
    situation: "Bilal is five and has just started in Year 1 at St Mary's Primary. His family \
arrived from Afghanistan last year; his parents, Farzana and Jawid, speak Dari and a little \
English. The school's letters and reading records go home in English, and the first parents' \
evening went badly: nobody could explain what the school was asking for. The class teacher \
records the barrier and sets out to remove it.",
    as_of: "2026-11-23",
    opened: "2026-09-09",
};

/// Bilal, five, whose parents speak Dari: an interpreter and translated materials are
/// arranged, the barrier is reviewed and then resolved.
///
/// # Errors
///
/// A [`ScenarioError`] only if the scenario itself is wrong (its record does not hold together); every scenario is run by the test suite.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
/// use partnership::barriers::BarrierStatus;
///
/// let scenario = partnership::scenarios::language_barrier_interpreter().unwrap();
/// let barrier = &scenario.record.barriers().as_slice()[0];
/// assert_eq!(barrier.status(), BarrierStatus::Resolved);
/// assert!(barrier.mitigations().iter().all(|m| m.review.is_some()));
/// ```
pub fn language_barrier_interpreter() -> Result<Scenario, ScenarioError> {
    build(&ABOUT, write, 5, "Bilal Rahimi", "2021-07-11")
}

fn write(case: &mut Case) -> Fallible<()> {
    let school = case.agency("St Mary's Primary School", AgencyKind::School)?;
    let teacher = case.professional("Sarah Collins", ProfessionalRole::Teacher, school)?;
    let dari = |c: &mut partnership_carers::CarerParts| {
        c.communication.interpreter_needed = true;
        c.communication.channels = vec![Channel::FaceToFace, Channel::Phone];
    };
    let farzana = case.carer(
        "Farzana Rahimi",
        Relationship::BirthParent,
        birth_mother(),
        "prs",
        dari,
    )?;
    let jawid = case.carer(
        "Jawid Rahimi",
        Relationship::BirthParent,
        married_father(),
        "prs",
        dari,
    )?;
    let teacher_p = PartyRef::Professional { id: teacher };
    let [farzana_p, jawid_p] = [farzana, jawid].map(|id| PartyRef::Carer { id });

    let barrier = case.barrier(
        BarrierKind::LanguageDifference,
        vec![farzana, jawid],
        (teacher_p, "2026-09-09"),
        "Letters and reading records go home in English; parents' evening without an \
         interpreter could not explain the reading scheme",
        Severity::High,
    )?;
    case.step(
        "2026-09-09",
        Principle::Inclusivity,
        "Change::AddBarrier",
        "After a parents' evening where nobody could explain the reading scheme, Mrs Collins \
         records a barrier to partnership: a language difference, affecting both parents, \
         high severity. It is the school's barrier to remove, not the family's failing.",
    )?;

    let suggested: Vec<String> = recommended_mitigations(&BarrierKind::LanguageDifference)
        .iter()
        .map(ToString::to_string)
        .collect();
    let started = day("2026-09-10")?;
    let interpreter = case.id();
    let translations = case.id();
    case.own_barrier(barrier, teacher_p, started)?;
    for (id, strategy) in [
        (interpreter, MitigationStrategy::Interpreter),
        (translations, MitigationStrategy::TranslatedMaterials),
    ] {
        case.mitigate(
            barrier,
            MitigationAttempt {
                id,
                strategy,
                started_on: started,
                by: teacher_p,
                review: None,
            },
        )?;
    }
    let status = case.the_barrier(barrier)?.status();
    case.step(
        "2026-09-10",
        Principle::CulturalSensitivity,
        "recommended_mitigations, Change::AssignBarrierOwner, Change::StartMitigation",
        format!(
            "Mrs Collins takes ownership. The catalogue's recommended mitigations for a \
             language difference are {}; she starts both: a Dari interpreter booked for every \
             meeting, and the reading record and key letters translated. The barrier is now \
             {status}.",
            suggested.join(" and ")
        ),
    )?;

    case.discuss(
        "2026-09-17",
        Channel::FaceToFace,
        vec![farzana_p, jawid_p, teacher_p],
        "Meeting with a Dari interpreter: the reading scheme, the book bag, and how to tell \
         the school when Bilal is unwell.",
        vec![("Send the reading record in Dari", teacher_p, "2026-09-24")],
    )?;
    case.complete_action("Send the reading record in Dari", "2026-09-23")?;
    for carer in [farzana, jawid] {
        case.agree_updates(
            carer,
            UpdateFrequency::Monthly,
            Channel::FaceToFace,
            teacher,
            "2026-09-17",
        )?;
    }
    case.step(
        "2026-09-17",
        Principle::OpenCommunication,
        "Change::RecordContact, Change::AddAgreement",
        "The first meeting with an interpreter. Farzana and Jawid ask the questions they \
         could not ask before: what the book bag is for, and how to tell the school when \
         Bilal is ill. They agree a monthly face-to-face catch-up, always with the \
         interpreter.",
    )?;

    case.discuss(
        "2026-10-15",
        Channel::FaceToFace,
        vec![farzana_p, jawid_p, teacher_p],
        "Monthly catch-up with the interpreter; the translated reading record came back \
         filled in every week.",
        vec![],
    )?;
    let reviewed = day("2026-10-15")?;
    case.review_mitigation(
        barrier,
        interpreter,
        EffectivenessReview {
            on: reviewed,
            by: teacher_p,
            outcome: Effectiveness::Helped,
            note: Some(note(
                "Both parents came to both meetings and asked questions",
            )),
        },
    )?;
    case.review_mitigation(
        barrier,
        translations,
        EffectivenessReview {
            on: reviewed,
            by: teacher_p,
            outcome: Effectiveness::PartlyHelped,
            note: Some(note(
                "The reading record is filled in weekly; the first letters were \
                 translated into Pashto by mistake and had to be redone",
            )),
        },
    )?;
    case.step(
        "2026-10-15",
        Principle::MonitoringAndReview,
        "Change::ReviewMitigation",
        "A month on, each mitigation is reviewed with the parents. The interpreter helped: \
         both parents came to both meetings. The translations partly helped: the reading \
         record comes back every week, but the first letters had been translated into \
         Pashto by mistake and were redone.",
    )?;

    case.discuss(
        "2026-11-12",
        Channel::FaceToFace,
        vec![farzana_p, jawid_p, teacher_p],
        "Monthly catch-up with the interpreter; parents ready to join the reading café.",
        vec![],
    )?;
    case.resolve_barrier(barrier, day("2026-11-12")?, teacher_p)?;
    let open = case.record()?.barriers().open(day("2026-11-23")?).len();
    case.step(
        "2026-11-12",
        Principle::MonitoringAndReview,
        "Change::ChangeBarrierStatus (Resolved), BarrierRegister::open",
        format!(
            "With an interpreter at every meeting and letters in Dari, the parents say the \
             barrier is gone, and Mrs Collins records it as resolved. The register now shows \
             {open} open barrier{} for Bilal. The interpreter stays: resolving the barrier \
             does not end the support that resolved it.",
            if open == 1 { "" } else { "s" }
        ),
    )?;
    Ok(())
}
