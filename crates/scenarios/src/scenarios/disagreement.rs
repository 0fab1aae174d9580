//! Scenario 10: carers and professionals disagree about an approach.

use chrono::Days;
use partnership_barriers::{
    BarrierKind, Effectiveness, EffectivenessReview, MitigationAttempt, MitigationStrategy,
    Severity,
};
use partnership_goals::{Closure, GoalReview, ReviewDecision};

use super::prelude::*;

const ABOUT: About = About {
    slug: "disagreement_trial_with_mediator",
    title: "Carers and professionals disagree about an approach",
    situation: "Leo is six and in Year 2. When he is overwhelmed he throws things and runs out \
of class. The school wants a reward chart with time out; his parents, Chloe and Ben, feel time \
out punishes him for being overwhelmed and want a calm corner he can choose to go to. Both \
sides want Leo to feel safe and to learn. Meetings have become tense.",
    as_of: "2026-11-23",
    opened: "2026-09-28",
};

/// Leo, six: his parents and the school disagree about an approach; they agree to trial
/// the parents' approach for six weeks with a neutral mediator, and record the outcome.
///
/// # Errors
///
/// A [`ScenarioError`] only if the scenario itself is wrong (its record does not hold together); every scenario is run by the test suite.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
/// use partnership::barriers::BarrierStatus;
/// use partnership::goals::GoalStatus;
///
/// let scenario = partnership::scenarios::disagreement_trial_with_mediator().unwrap();
/// assert_eq!(scenario.record.barriers().as_slice()[0].status(), BarrierStatus::Resolved);
/// assert_eq!(scenario.record.goals()[0].status(), GoalStatus::Completed);
/// ```
pub fn disagreement_trial_with_mediator() -> Result<Scenario, ScenarioError> {
    build(&ABOUT, write, 10, "Leo Martin", "2020-02-27")
}

fn write(case: &mut Case) -> Fallible<()> {
    let school = case.agency("Brookside Infant School", AgencyKind::School)?;
    let charity = case.agency("Family Mediation Partnership", AgencyKind::VoluntarySector)?;
    let teacher = case.professional("Rachel Moore", ProfessionalRole::Teacher, school)?;
    let mediator = case.professional(
        "Sam Ellis",
        ProfessionalRole::Other {
            label: partnership_core::Label::new("family mediator")?,
        },
        charity,
    )?;
    let chloe = case.carer(
        "Chloe Martin",
        Relationship::BirthParent,
        birth_mother(),
        "en-GB",
        |c| {
            c.communication.channels = vec![Channel::Email];
        },
    )?;
    let ben = case.carer(
        "Ben Turner",
        Relationship::BirthParent,
        LegalStanding::ParentalResponsibility {
            basis: ParentalResponsibilityBasis::NamedOnBirthRegister,
            since: Some(day("2020-03-10")?),
            until: None,
        },
        "en-GB",
        |c| c.communication.channels = vec![Channel::Email],
    )?;
    let [teacher_p, mediator_p] = [teacher, mediator].map(|id| PartyRef::Professional { id });
    let [chloe_p, ben_p] = [chloe, ben].map(|id| PartyRef::Carer { id });
    for carer in [chloe, ben] {
        case.agree_updates(
            carer,
            UpdateFrequency::Weekly,
            Channel::Email,
            teacher,
            "2026-09-28",
        )?;
    }

    let barrier = case.barrier(
        BarrierKind::DisagreementAboutBestInterests,
        vec![chloe, ben],
        (teacher_p, "2026-09-28"),
        "School proposes a reward chart with time out; parents feel time out punishes Leo \
         for being overwhelmed and want a calm corner. Meetings have become tense.",
        Severity::Medium,
    )?;
    case.discuss(
        "2026-09-28",
        Channel::FaceToFace,
        vec![chloe_p, ben_p, teacher_p],
        "Tense meeting about Leo's behaviour plan; no agreement.",
        vec![],
    )?;
    case.step(
        "2026-09-28",
        Principle::MutualRespect,
        "Change::AddBarrier",
        "A meeting about Leo's behaviour ends without agreement. Mrs Moore records it \
         honestly as a barrier to partnership: a disagreement about what is best for Leo, \
         affecting both parents. Naming it is the first step to working through it, and it \
         does not say who is right.",
    )?;

    let trial_start = day("2026-10-05")?;
    let trial_end = trial_start + Days::new(6 * 7);
    let [mediation, trial] = [case.id(), case.id()];
    case.own_barrier(barrier, mediator_p, trial_start)?;
    case.mitigate(
        barrier,
        MitigationAttempt {
            id: mediation,
            strategy: MitigationStrategy::NeutralMediator,
            started_on: trial_start,
            by: mediator_p,
            review: None,
        },
    )?;
    case.mitigate(
        barrier,
        MitigationAttempt {
            id: trial,
            strategy: MitigationStrategy::TimeLimitedTrial,
            started_on: trial_start,
            by: teacher_p,
            review: None,
        },
    )?;
    let goal = case.goal(
        OutcomeArea::EmotionalWellbeing,
        "Leo will go to the calm corner when he feels overwhelmed and rejoin the class within \
         ten minutes, without throwing things",
        "2026-10-05",
        |g| {
            g.measure = Some(note(
                "Calm corner used and class rejoined within ten minutes on four of five days",
            ));
            g.target_date = Some(trial_end);
        },
    )?;
    let duties = [
        (
            teacher_p,
            "Set up the calm corner and show Leo how to use it; log each visit",
            Setting::School,
            Frequency::EverySchoolDay,
        ),
        (
            chloe_p,
            "Set up a calm corner at home the same way, with the same cushion and timer",
            Setting::Home,
            Frequency::Daily,
        ),
        (
            ben_p,
            "Read the 'big feelings' book with Leo at bedtime",
            Setting::Home,
            Frequency::SeveralTimesAWeek,
        ),
        (
            mediator_p,
            "Chair the fortnightly check-ins so everyone is heard",
            Setting::School,
            Frequency::Other {
                label: partnership_core::Label::new("fortnightly")?,
            },
        ),
    ];
    case.plan(goal, duties, |parts| {
        parts.childs_view = Some(partnership_goals::ChildsView::Recorded {
            view: partnership_core::ChildView {
                recorded_on: trial_start,
                recorded_by: mediator_p,
                aids: vec![partnership_core::ParticipationAid::DrawingOrPlay],
                view: note("Drew a den with a blanket: 'my quiet place'"),
            },
        });
        Ok(())
    })?;
    case.agree_and_activate(goal, &[chloe, ben], "2026-10-05", teacher_p)?;
    case.discuss(
        "2026-10-05",
        Channel::FaceToFace,
        vec![chloe_p, ben_p, teacher_p, mediator_p],
        "Mediated meeting: six-week trial of the calm corner agreed.",
        vec![],
    )?;
    case.step(
        "2026-10-05",
        Principle::Adaptability,
        "Change::StartMitigation (neutral mediator, time-limited trial), Change::ActivateGoal",
        format!(
            "A mediator from a family charity, Sam Ellis, chairs the next meeting. Instead of \
             arguing about approaches, they agree on what they all want for Leo, and to trial \
             the parents' calm corner for six weeks, from {trial_start} to {trial_end}, at \
             school and at home, with the same cushion and timer in both. Leo draws his \
             'quiet place'. Both parents agree the goal and it starts."
        ),
    )?;

    for (on, level, by, setting, words) in [
        (
            "2026-10-16",
            -1,
            teacher_p,
            Setting::School,
            "Used the corner twice with a prompt; one throw",
        ),
        (
            "2026-10-30",
            0,
            chloe_p,
            Setting::Home,
            "Went to his corner at home by himself after a row with his sister",
        ),
        (
            "2026-11-13",
            1,
            teacher_p,
            Setting::School,
            "Used the corner unprompted on four days; back in class in eight minutes",
        ),
    ] {
        case.progress(
            goal,
            (on, by, setting),
            level,
            AchievementStatus::Improving,
            words,
        )?;
    }
    for on in [
        "2026-10-12",
        "2026-10-19",
        "2026-10-26",
        "2026-11-02",
        "2026-11-09",
        "2026-11-16",
    ] {
        case.discuss(
            on,
            Channel::Email,
            vec![chloe_p, ben_p, teacher_p],
            "Weekly update on the trial.",
            vec![],
        )?;
    }
    let trend = case.the_goal(goal)?.trend(2).ok_or("no trend")?;
    case.step(
        "2026-10-30",
        Principle::ValuingCarersExpertise,
        "Change::RecordProgress, SharedGoal::trend",
        format!(
            "At the fortnightly check-in Sam chairs, everyone brings evidence. Mrs Moore's log \
             shows Leo used the corner twice with a prompt in the first fortnight, with one \
             throw. Chloe reports that at home, after a row with his sister, Leo went to his \
             corner by himself. Both count as evidence of the same goal; the trend so far is \
             {trend}."
        ),
    )?;
    let t_score = partnership_goals::gas_t_score(&[partnership_goals::WeightedLevel {
        level: case.the_goal(goal)?.latest_level().ok_or("no level")?,
        weight: 1.0,
    }])?;
    let review_on = trial_end;
    for id in [mediation, trial] {
        case.review_mitigation(
            barrier,
            id,
            EffectivenessReview {
                on: review_on,
                by: mediator_p,
                outcome: Effectiveness::Helped,
                note: None,
            },
        )?;
    }
    case.resolve_barrier(barrier, review_on, mediator_p)?;
    case.review_goal(
        goal,
        GoalReview {
            on: review_on,
            by: teacher_p,
            decision: ReviewDecision::Close {
                outcome: Closure::Completed,
                reason: note("Trial succeeded; the calm corner stays as everyday practice"),
            },
        },
    )?;
    let status = case.the_goal(goal)?.status();
    case.step(
        "2026-11-16",
        Principle::MonitoringAndReview,
        "Change::ReviewMitigation, Change::ChangeBarrierStatus (Resolved), Change::ReviewGoal, gas_t_score",
        format!(
            "At the end of the trial they look at the evidence together: the teacher's log, \
             and Chloe's note that Leo went to his corner at home by himself. The last level \
             is above what was expected, a goal attainment T-score of {t_score:.0} (50 is \
             exactly as expected). Both the mediation and the trial helped, and the barrier is \
             resolved. The goal is closed as {status}: the calm corner stays. The school \
             records that the parents' approach worked, without anyone having to lose the \
             argument."
        ),
    )?;
    Ok(())
}
