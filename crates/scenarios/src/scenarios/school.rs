//! Scenario 2: a pupil struggling at school.

use super::prelude::*;

const ABOUT: About = About {
    slug: "pupil_struggling_at_school",
    title: "A pupil struggling at school",
    situation: "Maya is nine and in Year 5 at Riverside Primary. Her teacher, Mr Evans, sees her \
stop after one sentence whenever she has to write; at home her mother, Anna, and her \
stepfather, Tom, see tears over homework. Each of them has ideas that work some of the time. \
The school and the family decide to put their ideas together in one goal and review it \
together.",
    as_of: "2026-11-23",
    opened: "2026-10-01",
};

/// Maya, nine, struggling with writing: her teacher and her parents each contribute
/// strategies to one shared goal and review it together.
///
/// # Errors
///
/// A [`ScenarioError`] only if the scenario itself is wrong (its record does not hold together); every scenario is run by the test suite.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
/// let scenario = partnership::scenarios::pupil_struggling_at_school().unwrap();
/// let goal = &scenario.record.goals()[0];
/// // Strategies from school and from home sit on the same goal.
/// assert_eq!(goal.responsibilities().len(), 3);
/// assert_eq!(goal.reviews().len(), 1);
/// ```
pub fn pupil_struggling_at_school() -> Result<Scenario, ScenarioError> {
    build(&ABOUT, write, 2, "Maya Kowalska", "2017-06-02")
}

fn write(case: &mut Case) -> Fallible<()> {
    let school = case.agency("Riverside Primary School", AgencyKind::School)?;
    let evans = case.professional("Owen Evans", ProfessionalRole::Teacher, school)?;
    let okafor = case.professional("Ruth Okafor", ProfessionalRole::Senco, school)?;
    let anna = case.carer(
        "Anna Kowalska",
        Relationship::BirthParent,
        birth_mother(),
        "en-GB",
        |c| c.communication.channels = vec![Channel::Email, Channel::Phone],
    )?;
    // A step-parent without a parental responsibility agreement has no parental
    // responsibility, but lives with Maya and is a full partner in her plan.
    let tom = case.carer(
        "Tom Hughes",
        Relationship::StepParent,
        LegalStanding::None,
        "en-GB",
        |c| c.communication.channels = vec![Channel::Email],
    )?;
    let [evans_p, okafor_p] = [evans, okafor].map(|id| PartyRef::Professional { id });
    let [anna_p, tom_p] = [anna, tom].map(|id| PartyRef::Carer { id });

    case.discuss(
        "2026-10-01",
        Channel::FaceToFace,
        vec![anna_p, tom_p, evans_p],
        "Mr Evans, Anna and Tom compared what they see: Maya talks about her ideas well but \
         stops after one written sentence; homework ends in tears about twice a week.",
        vec![(
            "Send home the writing frame used in class",
            evans_p,
            "2026-10-09",
        )],
    )?;
    case.agree_updates(
        anna,
        UpdateFrequency::Monthly,
        Channel::Email,
        evans,
        "2026-10-01",
    )?;
    case.agree_updates(
        tom,
        UpdateFrequency::Monthly,
        Channel::Email,
        evans,
        "2026-10-01",
    )?;
    case.step(
        "2026-10-01",
        Principle::MutualRespect,
        "Change::RecordContact, Change::AddAgreement",
        "Mr Evans invites Anna and Tom in after school, not to report a problem but to \
         compare notes. Both sides see the same thing: Maya has ideas, but her writing stops \
         after one sentence. They agree a monthly email update for each of them, and Mr \
         Evans will send home the writing frame used in class by 9 October.",
    )?;
    case.complete_action("Send home the writing frame used in class", "2026-10-07")?;

    let goal = case.goal(
        OutcomeArea::EducationAndLearning,
        "Maya will write three connected sentences on her own in class and for homework, \
         using a writing frame",
        "2026-10-08",
        |g| {
            g.measure = Some(note(
                "Three connected sentences without adult help, in two pieces of work a week",
            ));
        },
    )?;
    let duties = [
        (
            evans_p,
            "Give Maya a writing frame and a movement break before writing tasks",
            Setting::School,
            Frequency::EverySchoolDay,
        ),
        (
            anna_p,
            "Talk the ideas through for five minutes before homework writing",
            Setting::Home,
            Frequency::SeveralTimesAWeek,
        ),
        (
            tom_p,
            "Set a ten-minute timer for homework and stop when it rings, with praise",
            Setting::Home,
            Frequency::SeveralTimesAWeek,
        ),
    ];
    let created = day("2026-10-08")?;
    case.plan(goal, duties, |parts| {
        parts.target_date = Some(day("2027-02-12")?);
        parts.childs_view = Some(partnership_goals::ChildsView::Recorded {
            view: partnership_core::ChildView {
                recorded_on: created,
                recorded_by: okafor_p,
                aids: vec![partnership_core::ParticipationAid::TrustedAdult],
                view: note("I know what I want to say but my hand gets tired and then I forget it"),
            },
        });
        Ok(())
    })?;
    let smart = case.the_goal(goal)?.smart_findings();
    case.step(
        "2026-10-08",
        Principle::SharedResponsibility,
        "Change::AddGoal, SharedGoal::smart_findings",
        format!(
            "With the SENCO, Mrs Okafor, they write one goal: three connected sentences on \
             her own, by February half-term. Each brings a strategy that already works \
             sometimes: Mr Evans a writing frame and a movement break, Anna five minutes of \
             talking ideas through first, Tom a ten-minute timer that really does end \
             homework. Maya tells Mrs Okafor her hand gets tired and then she forgets her \
             ideas, and that is recorded as her view. The SMART check finds {}.",
            crate::kit::smart_words(&smart)
        ),
    )?;
    case.agree_and_activate(goal, &[anna, tom], "2026-10-08", evans_p)?;
    case.step(
        "2026-10-08",
        Principle::Empowerment,
        "Change::AgreeToGoal, Change::ActivateGoal",
        "Anna and Tom both agree the goal before it starts; it becomes active on the basis \
         of their agreement.",
    )?;

    let schedule = case.reviews(
        ReviewKind::AgreedPartnership {
            cadence: AgreedCadence::EveryNWeeks { weeks: 6 },
        },
        "2026-10-08",
    )?;
    let due = case.schedule(schedule)?.next_review_due(&CALENDAR)?;
    case.step(
        "2026-10-08",
        Principle::MonitoringAndReview,
        "ReviewSchedule::next_review_due",
        format!(
            "They agree to review the goal together every six weeks. The library puts the \
             first review due by {} ({}).",
            due.date, due.rule
        ),
    )?;

    case.progress(
        goal,
        ("2026-10-16", evans_p, Setting::School),
        -1,
        AchievementStatus::InProgress,
        "Two sentences with the frame after a movement break",
    )?;
    case.discuss(
        "2026-10-30",
        Channel::Email,
        vec![anna_p, tom_p, evans_p],
        "Monthly update: two sentences with the frame in class.",
        vec![],
    )?;
    case.progress(
        goal,
        ("2026-11-06", anna_p, Setting::Home),
        0,
        AchievementStatus::Improving,
        "Three sentences about the cat after talking it through; no tears",
    )?;
    case.step(
        "2026-11-06",
        Principle::ValuingCarersExpertise,
        "Change::RecordProgress",
        "In class Maya reaches two sentences; at home, after talking her ideas through with \
         Anna, she writes three about the cat with no tears. Both observations count: the \
         home one reaches the expected level first.",
    )?;

    case.discuss(
        "2026-11-19",
        Channel::FaceToFace,
        vec![anna_p, tom_p, evans_p, okafor_p],
        "Six-week review of the writing goal.",
        vec![],
    )?;
    case.hold_review(
        schedule,
        "2026-11-19",
        vec![anna_p, tom_p, evans_p, okafor_p],
        vec![partnership_reviews::GoalReviewed {
            goal,
            decision: partnership_reviews::GoalDecision::Continue,
        }],
        vec![
            (anna, "Talking first works; she asks for it now"),
            (tom, "The timer has ended the arguments"),
        ],
        Some("2026-12-17"),
    )?;
    case.review_goal(
        goal,
        partnership_goals::GoalReview {
            on: day("2026-11-19")?,
            by: okafor_p,
            decision: partnership_goals::ReviewDecision::Continue,
        },
    )?;
    let trend = case.the_goal(goal)?.trend(2).ok_or("no trend")?;
    let next = case.schedule(schedule)?.next_review_due(&CALENDAR)?;
    case.step(
        "2026-11-19",
        Principle::MonitoringAndReview,
        "Change::RecordReviewOutcome, Change::ReviewGoal, SharedGoal::trend",
        format!(
            "At the review all four look at the evidence together; the trend is {trend}. \
             Mr Evans will try Anna's 'talk first' idea in class too. Anna and Tom's feedback \
             is recorded. They meet again on 2026-12-17, before the rule's {}.",
            next.date
        ),
    )?;
    Ok(())
}
