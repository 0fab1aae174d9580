//! Scenario 1: a child in nursery with delayed speech.

use super::prelude::*;
use crate::kit::recipient;
use partnership_consent::{DataCategory, Purpose};

const ABOUT: About = About {
    slug: "speech_delay_nursery",
    title: "A child in nursery with delayed speech",
    situation: "Oliver is three and a half and goes to Sunflower Day Nursery four days a week. \
His key worker, Hannah, has noticed he points and pulls adults by the hand rather than using \
words; his parents, Grace and Daniel, have noticed the same at home. A speech and language \
therapist has seen him once. Everyone wants the same thing: more words, at home and at nursery.",
    as_of: "2026-11-23",
    opened: "2026-09-14",
};

/// Oliver, three, at nursery with delayed speech: his key worker and parents share what
/// they see, agree activities at home and at nursery, review monthly, and his progress
/// is steady.
///
/// # Errors
///
/// A [`ScenarioError`] only if the scenario itself is wrong (its record does not hold together); every scenario is run by the test suite.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
/// let scenario = partnership::scenarios::speech_delay_nursery().unwrap();
/// let goal = &scenario.record.goals()[0];
/// assert_eq!(goal.status().fhir_code(), "active");
/// assert_eq!(goal.trend(4), Some(partnership::goals::Trend::Improving));
/// ```
pub fn speech_delay_nursery() -> Result<Scenario, ScenarioError> {
    build(&ABOUT, write, 1, "Oliver Bennett", "2023-03-14")
}

fn write(case: &mut Case) -> Fallible<()> {
    let nursery = case.agency("Sunflower Day Nursery", AgencyKind::EarlyYears)?;
    let therapy = case.agency("Community Speech and Language Therapy", AgencyKind::Health)?;
    let hannah = case.professional(
        "Hannah Price",
        ProfessionalRole::EarlyYearsKeyWorker,
        nursery,
    )?;
    let ravi = case.professional(
        "Ravi Patel",
        ProfessionalRole::SpeechAndLanguageTherapist,
        therapy,
    )?;
    let grace = case.carer(
        "Grace Bennett",
        Relationship::BirthParent,
        birth_mother(),
        "en-GB",
        |c| c.communication.channels = vec![Channel::TextMessage, Channel::FaceToFace],
    )?;
    let daniel = case.carer(
        "Daniel Bennett",
        Relationship::BirthParent,
        married_father(),
        "en-GB",
        |c| c.communication.channels = vec![Channel::FaceToFace],
    )?;
    let [hannah_p, ravi_p] = [hannah, ravi].map(|id| PartyRef::Professional { id });
    let [grace_p, daniel_p] = [grace, daniel].map(|id| PartyRef::Carer { id });

    case.discuss(
        "2026-09-14",
        Channel::FaceToFace,
        vec![grace_p, daniel_p, hannah_p],
        "Parents and key worker compared notes: Oliver points for a drink at home and at \
         nursery, says 'more' and 'no', and loves picture books about trains.",
        vec![("Send a set of picture cards home", hannah_p, "2026-09-18")],
    )?;
    case.step(
        "2026-09-14",
        Principle::ValuingCarersExpertise,
        "Change::RecordContact",
        "Hannah sits down with Grace and Daniel at pick-up. Each says what they see: at \
         home he points for his drink and loves train books; at nursery he pulls adults to \
         the snack table. Their observations go in the contact log, with one agreed \
         action: Hannah sends picture cards home by Friday 18 September.",
    )?;
    case.complete_action("Send a set of picture cards home", "2026-09-17")?;

    let agreement = case.agree_updates(
        grace,
        UpdateFrequency::Fortnightly,
        Channel::TextMessage,
        hannah,
        "2026-09-14",
    )?;
    let first_due = agreement
        .next_update_due(day("2026-09-14")?)
        .ok_or("no due date")?;
    case.agree_updates(
        daniel,
        UpdateFrequency::Fortnightly,
        Channel::FaceToFace,
        hannah,
        "2026-09-14",
    )?;
    case.step(
        "2026-09-14",
        Principle::OpenCommunication,
        "CommunicationAgreement::next_update_due",
        format!(
            "They agree how they will keep in touch: a text to Grace and a word with Daniel \
             at pick-up, every fortnight, from Hannah. The library works out that the first \
             update is due by {first_due}."
        ),
    )?;

    let goal = case.goal(
        OutcomeArea::CommunicationAndLanguage,
        "Oliver will use two-word phrases to ask for what he wants at snack time and at home",
        "2026-09-21",
        |_| {},
    )?;
    let duties = [
        (
            hannah_p,
            "Model two-word phrases with picture cards at snack time",
            Setting::Nursery,
            Frequency::EachSession,
        ),
        (
            grace_p,
            "Use the same picture cards at breakfast and wait for Oliver to ask",
            Setting::Home,
            Frequency::Daily,
        ),
        (
            daniel_p,
            "Share a train book at bedtime and name two things on each page",
            Setting::Home,
            Frequency::Daily,
        ),
        (
            ravi_p,
            "Write a one-page strategy sheet for nursery and home, and visit nursery once a half-term",
            Setting::Nursery,
            Frequency::Other {
                label: partnership_core::Label::new("once a half-term")?,
            },
        ),
    ];
    let target = day("2026-12-18")?;
    let target_set = day("2026-09-21")?;
    case.plan(goal, duties, |parts| {
        parts.measure = Some(note(
            "Two-word requests heard at snack time and at breakfast on most days of a week",
        ));
        parts.target_date = Some(target);
        parts.childs_view = Some(partnership_goals::ChildsView::Recorded {
            view: partnership_core::ChildView {
                recorded_on: target_set,
                recorded_by: hannah_p,
                aids: vec![partnership_core::ParticipationAid::DrawingOrPlay],
                view: note(
                    "In play, Oliver picked the train and juice cards first and laughed when Hannah said 'blue train'",
                ),
            },
        });
        Ok(())
    })?;
    let smart = case.the_goal(goal)?.smart_findings();
    case.step(
        "2026-09-21",
        Principle::SharedResponsibility,
        "Change::AddGoal, SharedGoal::smart_findings",
        format!(
            "At a short planning meeting they write one shared goal: two-word requests at \
             snack time and at home by {target}. Each of them takes a part: Hannah models \
             phrases at every snack, Grace uses the same cards at breakfast, Daniel names \
             two things on each page at bedtime, and Ravi writes a strategy sheet. Oliver's own \
             view comes from play: he picks the train and juice cards first. The SMART \
             check of the goal finds {}.",
            crate::kit::smart_words(&smart)
        ),
    )?;

    case.agree_and_activate(goal, &[grace, daniel], "2026-09-21", hannah_p)?;
    let status = case.the_goal(goal)?.status();
    case.step(
        "2026-09-21",
        Principle::Empowerment,
        "Change::AgreeToGoal, Change::MoveGoal, Change::ActivateGoal",
        format!(
            "Grace and Daniel both agree the goal, and only then does Hannah make it \
             active. The goal is now {status}, and it records that both parents agreed."
        ),
    )?;

    let schedule = case.reviews(
        ReviewKind::AgreedPartnership {
            cadence: AgreedCadence::Monthly,
        },
        "2026-09-21",
    )?;
    let due = case.schedule(schedule)?.next_review_due(&CALENDAR)?;
    case.step(
        "2026-09-21",
        Principle::MonitoringAndReview,
        "ReviewSchedule::next_review_due",
        format!(
            "They agree to review together every month. The first review is due by {} \
             ({}).",
            due.date, due.rule
        ),
    )?;

    case.progress(
        goal,
        ("2026-10-05", grace_p, Setting::Home),
        -1,
        AchievementStatus::InProgress,
        "Said 'more milk' twice at breakfast when shown the card",
    )?;
    case.discuss(
        "2026-10-05",
        Channel::TextMessage,
        vec![grace_p, hannah_p],
        "Fortnightly update: Oliver is choosing snack cards; Grace heard 'more milk'.",
        vec![],
    )?;
    case.step(
        "2026-10-05",
        Principle::ValuingCarersExpertise,
        "Change::RecordProgress",
        "Grace texts Hannah: Oliver said 'more milk' twice at breakfast. Her observation is \
         recorded as progress evidence from home, on the goal attainment scale at -1 \
         (somewhat less than expected, which is where a goal starts).",
    )?;

    case.progress(
        goal,
        ("2026-10-16", hannah_p, Setting::Nursery),
        -1,
        AchievementStatus::InProgress,
        "Two-word requests at three snack times this week, with the card",
    )?;
    case.hold_review(
        schedule,
        "2026-10-19",
        vec![grace_p, daniel_p, hannah_p],
        vec![partnership_reviews::GoalReviewed {
            goal,
            decision: partnership_reviews::GoalDecision::Continue,
        }],
        vec![(
            grace,
            "The cards work at breakfast; we would like some for the car",
        )],
        Some("2026-11-16"),
    )?;
    case.review_goal(
        goal,
        partnership_goals::GoalReview {
            on: day("2026-10-19")?,
            by: hannah_p,
            decision: partnership_goals::ReviewDecision::Continue,
        },
    )?;
    let next = case.schedule(schedule)?.next_review_due(&CALENDAR)?;
    case.step(
        "2026-10-19",
        Principle::MonitoringAndReview,
        "Change::RecordReviewOutcome, Change::ReviewGoal",
        format!(
            "The first monthly review: both parents and Hannah attend. They keep the goal as \
             it is, and Grace's feedback (cards for the car) is recorded. They agree to meet \
             again on 2026-11-16; the rule says the next review must be by {}.",
            next.date
        ),
    )?;

    case.discuss(
        "2026-10-19",
        Channel::FaceToFace,
        vec![daniel_p, hannah_p],
        "Fortnightly update with Daniel after the review.",
        vec![],
    )?;
    case.progress(
        goal,
        ("2026-11-02", daniel_p, Setting::Home),
        0,
        AchievementStatus::Improving,
        "Asked 'read train' at bedtime without a prompt",
    )?;
    case.discuss(
        "2026-11-02",
        Channel::TextMessage,
        vec![grace_p, hannah_p],
        "Fortnightly update: Daniel heard 'read train' at bedtime.",
        vec![],
    )?;
    case.discuss(
        "2026-11-02",
        Channel::FaceToFace,
        vec![daniel_p, hannah_p],
        "Fortnightly update at pick-up.",
        vec![],
    )?;
    case.step(
        "2026-11-02",
        Principle::ValuingCarersExpertise,
        "Change::RecordProgress",
        "Daniel tells Hannah at pick-up that Oliver asked 'read train' at bedtime, with no \
         card and no prompt. That is the expected level (0) for this goal, seen at home \
         first.",
    )?;

    case.progress(
        goal,
        ("2026-11-13", hannah_p, Setting::Nursery),
        0,
        AchievementStatus::Improving,
        "Two-word requests at most snack times this week",
    )?;
    case.discuss(
        "2026-11-16",
        Channel::FaceToFace,
        vec![grace_p, daniel_p, hannah_p, ravi_p],
        "Monthly review.",
        vec![],
    )?;
    case.hold_review(
        schedule,
        "2026-11-16",
        vec![grace_p, daniel_p, hannah_p, ravi_p],
        vec![partnership_reviews::GoalReviewed {
            goal,
            decision: partnership_reviews::GoalDecision::Continue,
        }],
        vec![
            (grace, "He is trying words with his grandma now too"),
            (daniel, "Bedtime books are his favourite part of the day"),
        ],
        Some("2026-12-14"),
    )?;
    case.review_goal(
        goal,
        partnership_goals::GoalReview {
            on: day("2026-11-16")?,
            by: hannah_p,
            decision: partnership_goals::ReviewDecision::Continue,
        },
    )?;
    let goal_now = case.the_goal(goal)?;
    let trend = goal_now.trend(4).ok_or("no trend")?;
    let latest = goal_now.latest_level().ok_or("no level")?;
    let next = case.schedule(schedule)?.next_review_due(&CALENDAR)?;
    case.step(
        "2026-11-16",
        Principle::MonitoringAndReview,
        "SharedGoal::trend, Change::RecordReviewOutcome",
        format!(
            "At the second review Ravi joins them. Over the last four observations, from home \
             and nursery, the trend is {} and the latest level is {}: steady progress. \
             Both parents' feedback is recorded. Next review agreed for 2026-12-14, within \
             the rule's {}.",
            trend,
            latest.value(),
            next.date
        ),
    )?;
    // The exercise: the review agreed for 14 December did not happen, and nobody
    // has been in touch since.
    let notes = case.question(
        hannah,
        recipient(ravi),
        Purpose::HealthCare,
        vec![DataCategory::EducationProgress],
    )?;
    case.exercise(
        "2027-01-15",
        "It is Friday 15 January 2027. Nothing has been recorded about Oliver since the \
         review on 16 November.",
        &[
            FindingCode::UpdateOverdue,
            FindingCode::UpdateOverdue,
            FindingCode::ReviewOverdue,
        ],
        vec![(
            "Ravi, the speech and language therapist, asks Hannah for the nursery's notes on \
             Oliver's new words. May she send them?",
            notes,
        )],
    )?;
    Ok(())
}
