//! Scenario 3: a disabled child's mobility.

use partnership_carers::{SupportItem, SupportKind, SupportStatus, TrainingTopic};

use super::prelude::*;
use crate::kit::recipient;
use partnership_consent::{DataCategory, Purpose};

const ABOUT: About = About {
    slug: "mobility_physiotherapy",
    title: "A disabled child's mobility",
    situation: "Sam is seven and has cerebral palsy. He uses a walker at school and is carried \
at home, which is getting harder for his parents, Ngozi and Emeka, as he grows. His \
physiotherapist, Laura, wants a daily home routine; his parents want it to fit a morning that \
already has two other children in it. A family support worker from the disabled children's \
team can offer short breaks.",
    as_of: "2026-11-23",
    opened: "2026-09-10",
};

/// Sam, seven, with cerebral palsy: physiotherapy goals with a daily home routine,
/// his carers trained on his equipment, and respite offered to them.
///
/// # Errors
///
/// A [`ScenarioError`] only if the scenario itself is wrong (its record does not hold together); every scenario is run by the test suite.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
/// let scenario = partnership::scenarios::mobility_physiotherapy().unwrap();
/// let mum = &scenario.record.carers()[0];
/// // Training on the walker is in place, and a short break was offered and accepted.
/// assert_eq!(mum.support().len(), 2);
/// use partnership::carers::SupportStatus;
/// let statuses: Vec<_> = mum.support().iter().map(|s| s.status).collect();
/// assert_eq!(statuses, [SupportStatus::InPlace, SupportStatus::Accepted]);
/// ```
pub fn mobility_physiotherapy() -> Result<Scenario, ScenarioError> {
    build(&ABOUT, write, 3, "Sam Okoro", "2019-04-20")
}

fn write(case: &mut Case) -> Fallible<()> {
    let physio_service = case.agency("Children's Community Physiotherapy", AgencyKind::Health)?;
    let team = case.agency("Disabled Children's Team", AgencyKind::SocialCare)?;
    let laura = case.professional(
        "Laura Green",
        ProfessionalRole::Physiotherapist,
        physio_service,
    )?;
    let jo = case.professional("Jo Hughes", ProfessionalRole::FamilySupportWorker, team)?;
    let ngozi = case.carer(
        "Ngozi Okoro",
        Relationship::BirthParent,
        birth_mother(),
        "en-GB",
        |c| {
            c.communication.channels = vec![Channel::Phone, Channel::TextMessage];
        },
    )?;
    let emeka = case.carer(
        "Emeka Okoro",
        Relationship::BirthParent,
        married_father(),
        "en-GB",
        |c| {
            c.communication.channels = vec![Channel::TextMessage];
        },
    )?;
    let [laura_p, jo_p] = [laura, jo].map(|id| PartyRef::Professional { id });
    let [ngozi_p, emeka_p] = [ngozi, emeka].map(|id| PartyRef::Carer { id });
    case.agree_updates(
        ngozi,
        UpdateFrequency::Monthly,
        Channel::Phone,
        laura,
        "2026-09-10",
    )?;
    case.agree_updates(
        emeka,
        UpdateFrequency::Monthly,
        Channel::TextMessage,
        laura,
        "2026-09-10",
    )?;

    let goal = case.goal(
        OutcomeArea::PhysicalHealthAndMobility,
        "Sam will walk from the front door to the car with his walker and one adult beside him",
        "2026-09-10",
        |g| {
            g.measure = Some(note(
                "Walks door to car with the walker on five days in a week",
            ));
        },
    )?;
    let duties = [
        (
            laura_p,
            "Set the home programme and check Sam's walker fit each month at clinic",
            Setting::Clinic,
            Frequency::Other {
                label: partnership_core::Label::new("monthly")?,
            },
        ),
        (
            ngozi_p,
            "Fifteen minutes of stretches before school, from the programme sheet",
            Setting::Home,
            Frequency::Daily,
        ),
        (
            emeka_p,
            "Walker practice from the front door to the car after tea",
            Setting::Home,
            Frequency::Daily,
        ),
    ];
    let created = day("2026-09-10")?;
    case.plan(goal, duties, |parts| {
        parts.target_date = Some(day("2027-03-31")?);
        parts.childs_view = Some(partnership_goals::ChildsView::Recorded {
            view: partnership_core::ChildView {
                recorded_on: created,
                recorded_by: laura_p,
                aids: vec![],
                view: note("I want to walk to the car like my brother does"),
            },
        });
        Ok(())
    })?;
    case.agree_and_activate(goal, &[ngozi, emeka], "2026-09-10", laura_p)?;
    case.step(
        "2026-09-10",
        Principle::SharedResponsibility,
        "Change::AddGoal, Change::ActivateGoal",
        "At clinic, Laura and Sam's parents build a home routine that fits their mornings: \
         fifteen minutes of stretches before school with Ngozi, walker practice to the car \
         after tea with Emeka, and a monthly walker check at clinic. Sam says he wants to \
         walk to the car like his brother. Both parents agree the goal, and it becomes \
         active.",
    )?;

    let training = |case: &mut Case, topic: TrainingTopic, on: &str| -> Fallible<SupportItem> {
        Ok(SupportItem {
            id: case.id(),
            kind: SupportKind::Training { topic },
            status: SupportStatus::InPlace,
            identified_on: day("2026-09-10")?,
            status_since: day(on)?,
            note: Some(note(
                "Walker, standing frame and safe lifting, at home with Laura",
            )),
        })
    };
    let ngozi_training = training(case, TrainingTopic::MovingAndHandling, "2026-09-24")?;
    let emeka_training = training(case, TrainingTopic::MedicalDevice, "2026-09-24")?;
    case.update_carer(ngozi, "2026-09-24", |c| c.support.push(ngozi_training))?;
    case.update_carer(emeka, "2026-09-24", |c| c.support.push(emeka_training))?;
    case.step(
        "2026-09-24",
        Principle::SupportForCarers,
        "Change::UpdateCarer (SupportKind::Training)",
        "Laura visits at home and trains both parents: Ngozi on safe moving and handling, \
         Emeka on adjusting the walker and the standing frame. The training is recorded as \
         support in place for each of them.",
    )?;

    let offer = |case: &mut Case| -> Fallible<SupportItem> {
        Ok(SupportItem {
            id: case.id(),
            kind: SupportKind::Respite,
            status: SupportStatus::Offered,
            identified_on: day("2026-10-15")?,
            status_since: day("2026-10-15")?,
            note: Some(note("Saturday short breaks at the Oaks, one a month")),
        })
    };
    let ngozi_offer = offer(case)?;
    let emeka_offer = offer(case)?;
    case.update_carer(ngozi, "2026-10-15", |c| c.support.push(ngozi_offer))?;
    case.update_carer(emeka, "2026-10-15", |c| c.support.push(emeka_offer))?;
    case.discuss(
        "2026-10-15",
        Channel::Phone,
        vec![ngozi_p, jo_p],
        "Jo offered Saturday short breaks; Ngozi said lifting Sam is hurting her back.",
        vec![],
    )?;
    case.step(
        "2026-10-15",
        Principle::SupportForCarers,
        "Change::UpdateCarer (SupportStatus::Offered)",
        "Jo, the family support worker, calls. Ngozi mentions her back hurts from lifting Sam. \
         Jo offers monthly Saturday short breaks for Sam, so both parents get a rest; the \
         offer is recorded for each of them.",
    )?;

    let accepted_on = day("2026-10-29")?;
    for carer in [ngozi, emeka] {
        case.update_carer(carer, "2026-10-29", |c| {
            for item in &mut c.support {
                if item.kind == (SupportKind::Respite) {
                    item.status = SupportStatus::Accepted;
                    item.status_since = accepted_on;
                }
            }
        })?;
    }
    case.step(
        "2026-10-29",
        Principle::SupportForCarers,
        "Change::UpdateCarer (SupportStatus::Accepted)",
        "After talking it over, the parents accept the short breaks. Sam will try his first \
         Saturday in November.",
    )?;

    case.progress(
        goal,
        ("2026-10-22", laura_p, Setting::Clinic),
        -1,
        AchievementStatus::InProgress,
        "Door to car with walker and two adults, three days last week",
    )?;
    case.discuss(
        "2026-10-22",
        Channel::TextMessage,
        vec![emeka_p, ngozi_p, laura_p],
        "Monthly update after the clinic visit.",
        vec![],
    )?;
    case.progress(
        goal,
        ("2026-11-12", emeka_p, Setting::Home),
        0,
        AchievementStatus::Improving,
        "Walked door to car with one adult beside him, four evenings this week",
    )?;
    let schedule = case.reviews(
        ReviewKind::AgreedPartnership {
            cadence: AgreedCadence::EveryNWeeks { weeks: 10 },
        },
        "2026-09-10",
    )?;
    case.discuss(
        "2026-11-12",
        Channel::FaceToFace,
        vec![ngozi_p, emeka_p, laura_p, jo_p],
        "Ten-week review at home.",
        vec![],
    )?;
    case.hold_review(
        schedule,
        "2026-11-12",
        vec![ngozi_p, emeka_p, laura_p, jo_p],
        vec![partnership_reviews::GoalReviewed {
            goal,
            decision: partnership_reviews::GoalDecision::Continue,
        }],
        vec![
            (
                ngozi,
                "Stretches before school work if we do them before breakfast",
            ),
            (emeka, "He races me to the car now"),
        ],
        None,
    )?;
    let level = case.the_goal(goal)?.latest_level().ok_or("no level")?;
    let next = case.schedule(schedule)?.next_review_due(&CALENDAR)?;
    case.step(
        "2026-11-12",
        Principle::MonitoringAndReview,
        "Change::RecordProgress, Change::RecordReviewOutcome",
        format!(
            "At the review at home, Emeka reports four evenings walking door to car with one \
             adult beside him: level {} on the scale, the expected outcome, well before the \
             target. The next review is due by {} ({}).",
            level.value(),
            next.date,
            next.rule
        ),
    )?;
    // The exercise: two months on, nothing more has been recorded.
    let routine = case.question(
        laura,
        recipient(jo),
        Purpose::MultiAgencyPlanning,
        vec![DataCategory::Health],
    )?;
    case.exercise(
        "2027-01-15",
        "It is Friday 15 January 2027. Nothing has been recorded about Sam since the review \
         at home on 12 November.",
        &[
            FindingCode::UpdateOverdue,
            FindingCode::UpdateOverdue,
            FindingCode::ReviewDueSoon,
        ],
        vec![(
            "Jo, the family support worker, is planning short breaks and asks Laura how Sam's \
             walking is going. May Laura tell her?",
            routine,
        )],
    )?;
    Ok(())
}
