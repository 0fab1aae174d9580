//! Scenario 4: communication through visual aids.

use partnership_consent::{DataCategory, Purpose};
use partnership_core::{ChildView, CommunicationNeed, ParticipationAid};
use partnership_goals::ChildsView;

use super::prelude::*;
use crate::kit::recipient;

const ABOUT: About = About {
    slug: "visual_aids_childs_view",
    title: "Communication through visual aids",
    situation: "Ellie is eleven, autistic and does not use speech; she communicates with symbols \
on an AAC device and with picture cards. She lives with her grandmother, Margaret, who holds a \
special guardianship order. When the classroom gets loud Ellie becomes distressed and cannot \
say so. Her school and her grandmother want a goal about it, and they want it to be Ellie's \
goal too.",
    as_of: "2026-11-23",
    opened: "2026-09-15",
};

/// Ellie, eleven, non-speaking: she takes part in setting her own goal with visual
/// materials and her AAC device, and her view is recorded on the goal and in her
/// profile.
///
/// # Errors
///
/// A [`ScenarioError`] only if the scenario itself is wrong (its record does not hold together); every scenario is run by the test suite.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
/// use partnership::goals::ChildsView;
///
/// let scenario = partnership::scenarios::visual_aids_childs_view().unwrap();
/// let Some(ChildsView::Recorded { view }) = &scenario.record.goals()[0].childs_view() else {
///     panic!("Ellie's view is recorded on her goal");
/// };
/// assert!(!view.aids.is_empty());
/// assert_eq!(scenario.record.child().views().len(), 2);
/// ```
pub fn visual_aids_childs_view() -> Result<Scenario, ScenarioError> {
    build(&ABOUT, write, 4, "Ellie Morgan", "2015-01-09")
}

fn write(case: &mut Case) -> Fallible<()> {
    let school = case.agency("Oakfield School", AgencyKind::School)?;
    let therapy = case.agency("Children's Speech and Language Therapy", AgencyKind::Health)?;
    let david = case.professional("David Lee", ProfessionalRole::Senco, school)?;
    let priya = case.professional(
        "Priya Nair",
        ProfessionalRole::SpeechAndLanguageTherapist,
        therapy,
    )?;
    let margaret = case.carer(
        "Margaret Morgan",
        Relationship::Grandparent,
        LegalStanding::ParentalResponsibility {
            basis: ParentalResponsibilityBasis::SpecialGuardianshipOrder,
            since: Some(day("2021-05-04")?),
            until: None,
        },
        "en-GB",
        |c| c.communication.channels = vec![Channel::Phone, Channel::FaceToFace],
    )?;
    let [david_p, priya_p] = [david, priya].map(|id| PartyRef::Professional { id });
    let margaret_p = PartyRef::Carer { id: margaret };
    case.agree_updates(
        margaret,
        UpdateFrequency::Fortnightly,
        Channel::Phone,
        david,
        "2026-09-15",
    )?;

    case.update_child(|c| {
        c.communication_needs = vec![
            CommunicationNeed::AacDevice,
            CommunicationNeed::VisualSupports,
            CommunicationNeed::ExtraProcessingTime,
        ];
    })?;
    let needs: Vec<String> = case
        .record()?
        .child()
        .communication_needs()
        .iter()
        .map(ToString::to_string)
        .collect();
    case.step(
        "2026-09-15",
        Principle::Inclusivity,
        "Change::UpdateChild (communicationNeeds)",
        format!(
            "Ellie's profile records how she communicates, so everyone who meets her knows: \
             she {}.",
            needs.join(", ")
        ),
    )?;

    let session = day("2026-09-22")?;
    let aids = vec![
        ParticipationAid::VisualMaterials,
        ParticipationAid::AacDevice,
    ];
    let what_ellie_said = "Sorted 'noisy classroom' and 'hands over ears' into 'don't like'; \
                           chose the 'break card' and the headphones symbol; pressed 'quiet \
                           room please' on her device";
    let goal = case.goal(
        OutcomeArea::CommunicationAndLanguage,
        "Ellie will ask for a break with her AAC device or break card when a room gets too \
         noisy, at school and at home",
        "2026-09-22",
        |g| {
            g.measure = Some(note(
                "Asks for a break before becoming distressed, on four of five noisy occasions",
            ));
            g.target_date = Some(session + chrono::Days::new(7 * 12));
            g.childs_view = Some(ChildsView::Recorded {
                view: ChildView {
                    recorded_on: session,
                    recorded_by: priya_p,
                    aids: aids.clone(),
                    view: note(what_ellie_said),
                },
            });
        },
    )?;
    let view = ChildView {
        recorded_on: session,
        recorded_by: priya_p,
        aids,
        view: note(what_ellie_said),
    };
    case.update_child(|c| c.views.push(view))?;
    case.step(
        "2026-09-22",
        Principle::ChildParticipation,
        "ChildsView::Recorded, Change::UpdateChild (views, ParticipationAid)",
        "Priya, the speech and language therapist, sets up the goal-setting session around \
         Ellie's own way of communicating: picture cards to sort into 'like' and 'don't \
         like', and her AAC device. Ellie sorts 'noisy classroom' into 'don't like', picks \
         the break card and the headphones symbol, and presses 'quiet room please'. Her view \
         is recorded on the goal and in her profile, with the aids she used, so it is her \
         words and not an adult's summary.",
    )?;

    let duties = [
        (
            david_p,
            "Put a break card on Ellie's desk and a quiet room on her visual timetable",
            Setting::School,
            Frequency::EverySchoolDay,
        ),
        (
            priya_p,
            "Add a 'quiet room please' button to the device home page and train staff",
            Setting::School,
            Frequency::Other {
                label: partnership_core::Label::new("once, then each half-term")?,
            },
        ),
        (
            margaret_p,
            "Keep a break card and headphones by the front door and in the car",
            Setting::Home,
            Frequency::AsNeeded,
        ),
    ];
    case.plan(goal, duties, |_| Ok(()))?;
    case.agree_and_activate(goal, &[margaret], "2026-09-22", david_p)?;
    let target = case.the_goal(goal)?.target_date().ok_or("no target")?;
    case.step(
        "2026-09-22",
        Principle::Empowerment,
        "Change::AgreeToGoal, Change::ActivateGoal",
        format!(
            "Margaret agrees the goal and adds what works at home: a break card and \
             headphones by the front door. With her agreement the goal becomes active, with a \
             target of {target}."
        ),
    )?;

    case.discuss(
        "2026-10-06",
        Channel::Phone,
        vec![margaret_p, david_p],
        "Fortnightly call: Ellie used the break card twice in assembly.",
        vec![],
    )?;
    case.progress(
        goal,
        ("2026-10-20", david_p, Setting::School),
        -1,
        AchievementStatus::InProgress,
        "Used the break card twice in assembly with a prompt",
    )?;
    case.discuss(
        "2026-10-20",
        Channel::Phone,
        vec![margaret_p, david_p],
        "Fortnightly call.",
        vec![],
    )?;
    case.discuss(
        "2026-11-03",
        Channel::Phone,
        vec![margaret_p, david_p],
        "Fortnightly call: at the supermarket Ellie pressed 'quiet please' herself.",
        vec![],
    )?;
    case.progress(
        goal,
        ("2026-11-03", margaret_p, Setting::Community),
        0,
        AchievementStatus::Improving,
        "Pressed 'quiet please' at the supermarket checkout, no prompt",
    )?;
    case.step(
        "2026-11-03",
        Principle::ValuingCarersExpertise,
        "Change::RecordProgress",
        "Margaret calls: at the supermarket checkout Ellie pressed 'quiet please' on her \
         device herself and they stepped outside. It is the first time without a prompt, and \
         it is recorded as evidence from the community, at the expected level.",
    )?;

    let view = ChildView {
        recorded_on: day("2026-11-17")?,
        recorded_by: david_p,
        aids: vec![ParticipationAid::VisualMaterials],
        view: note(
            "Pointed to the happy face next to 'quiet room' and the sad face next to 'assembly'",
        ),
    };
    case.update_child(|c| c.views.push(view))?;
    case.discuss(
        "2026-11-17",
        Channel::FaceToFace,
        vec![margaret_p, david_p],
        "Ellie's own check-in on her goal, with the feelings board.",
        vec![],
    )?;
    let latest = case
        .record()?
        .child()
        .latest_view_on(day("2026-11-23")?)
        .map(|v| v.recorded_on)
        .ok_or("no view")?;
    case.step(
        "2026-11-17",
        Principle::ChildParticipation,
        "Change::UpdateChild (views), ChildProfile::latest_view_on",
        format!(
            "Ellie checks in on her own goal with a feelings board: happy next to 'quiet \
             room', sad next to 'assembly'. Her latest view, from {latest}, is the one the \
             team reads before any meeting about her."
        ),
    )?;
    // The exercise: the goal is active, and nobody has said when it will be reviewed.
    let ask = case.question(
        david,
        recipient(priya),
        Purpose::EducationSupportPlanning,
        vec![DataCategory::ChildsViews],
    )?;
    case.exercise(
        "2026-11-23",
        "It is Monday 23 November. Ellie's goal has been active since September, her views are \
         recorded, and Margaret hears from school every fortnight.",
        &[FindingCode::GoalWithoutReviewSchedule],
        vec![(
            "Priya, the speech and language therapist, asks Mr Lee for Ellie's latest views from \
             her feelings board. May he send them?",
            ask,
        )],
    )?;
    Ok(())
}
