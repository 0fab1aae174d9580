//! Scenario 8: moving from primary to secondary school with an EHC plan.

use partnership_consent::{
    ConsentEventKind, ConsentGiver, ConsentMethod, DataCategory, Purpose, RecipientRef,
    RecipientScope, Scope,
};
use partnership_reviews::{PhaseTransfer, phase_transitions, preparing_for_adulthood_from};

use super::prelude::*;
use crate::kit::{consent_event, decided};

const ABOUT: About = About {
    slug: "primary_to_secondary_ehc_plan",
    title: "Moving from primary to secondary school with an EHC plan",
    situation: "Aisha is ten, in Year 6 at Greenfield Primary, and has an education, health and \
care plan for a hearing impairment and speech and language needs. In September 2027 she moves \
to Northgate Academy. Her parents, Rukhsana and Imran, want the new school ready for her on \
the first day, not in the first term. The law sets a deadline for her plan to be amended; the \
library works it out from her date of birth.",
    as_of: "2026-11-23",
    opened: "2026-09-07",
};

/// Aisha, ten, with an EHC plan: the phase-transfer deadline, the review schedule
/// brought forward to meet it, and preparing for adulthood from Year 9.
///
/// # Errors
///
/// A [`ScenarioError`] only if the scenario itself is wrong (its record does not hold together); every scenario is run by the test suite.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
///
/// let scenario = partnership::scenarios::primary_to_secondary_ehc_plan().unwrap();
/// let text = scenario.narrative();
/// // The plan must be amended before 15 February of the year of transfer.
/// assert!(text.contains("before 15 February, so by 2027-02-14"));
/// let held = scenario.record.reviews()[0].held();
/// assert_eq!(held.last(), Some(&NaiveDate::from_ymd_opt(2026, 11, 10).unwrap()));
/// ```
pub fn primary_to_secondary_ehc_plan() -> Result<Scenario, ScenarioError> {
    build(&ABOUT, write, 8, "Aisha Begum", "2015-11-03")
}

fn write(case: &mut Case) -> Fallible<()> {
    let primary = case.agency("Greenfield Primary School", AgencyKind::School)?;
    let secondary = case.agency("Northgate Academy", AgencyKind::School)?;
    let send_team = case.agency(
        "County SEND Team",
        AgencyKind::Other {
            label: partnership_core::Label::new("local authority SEND service")?,
        },
    )?;
    let senco = case.professional("Claire Dawson", ProfessionalRole::Senco, primary)?;
    let new_senco = case.professional("Marcus Reid", ProfessionalRole::Senco, secondary)?;
    let coordinator = case.professional(
        "Nadia Hussain",
        ProfessionalRole::Other {
            label: partnership_core::Label::new("EHC plan coordinator")?,
        },
        send_team,
    )?;
    let rukhsana = case.carer(
        "Rukhsana Begum",
        Relationship::BirthParent,
        birth_mother(),
        "en-GB",
        |c| {
            c.communication.channels = vec![Channel::Email, Channel::FaceToFace];
        },
    )?;
    let imran = case.carer(
        "Imran Begum",
        Relationship::BirthParent,
        married_father(),
        "bn",
        |c| {
            c.communication.channels = vec![Channel::FaceToFace];
            c.communication.interpreter_needed = true;
        },
    )?;
    let [senco_p, new_senco_p, coordinator_p] =
        [senco, new_senco, coordinator].map(|id| PartyRef::Professional { id });
    let [rukhsana_p, imran_p] = [rukhsana, imran].map(|id| PartyRef::Carer { id });
    case.update_child(|c| {
        c.communication_needs = vec![partnership_core::CommunicationNeed::HearingImpairment];
    })?;
    case.agree_updates(
        rukhsana,
        UpdateFrequency::Monthly,
        Channel::Email,
        senco,
        "2026-09-07",
    )?;
    case.agree_updates(
        imran,
        UpdateFrequency::Monthly,
        Channel::FaceToFace,
        senco,
        "2026-09-07",
    )?;

    let dob = case.record()?.child().date_of_birth();
    let transfer = phase_transitions(dob)
        .into_iter()
        .find(|t| t.transfer == PhaseTransfer::PrimaryToSecondary)
        .ok_or("no primary to secondary transfer")?;
    let schedule = case.reviews(ReviewKind::EhcPlanAnnualReview, "2025-03-10")?;
    case.hold_review(
        schedule,
        "2026-03-05",
        vec![rukhsana_p, imran_p, senco_p, coordinator_p],
        vec![],
        vec![(
            rukhsana,
            "Aisha's hearing aids have made a big difference in class",
        )],
        None,
    )?;
    let annual = case.schedule(schedule)?.next_review_due(&CALENDAR)?;
    case.step(
        "2026-09-07",
        Principle::MonitoringAndReview,
        "phase_transitions, ReviewSchedule::next_review_due",
        format!(
            "At the start of Year 6 Mrs Dawson, the SENCO, checks the dates. The annual review \
             rule alone would put the next review by {} ({}). But Aisha moves to secondary \
             school in academic year {}, and the law says her plan must be reviewed and \
             amended before 15 February, so by {}. Working back through the amendment timescales, the review meeting \
             must be held by {}. The phase-transfer deadline, not the annual cycle, sets the \
             date.",
            annual.date,
            annual.rule,
            transfer.academic_year,
            transfer.ehc_plan_amended_by,
            transfer.ehc_review_meeting_by
        ),
    )?;

    let scope = Scope {
        purposes: vec![Purpose::EducationSupportPlanning],
        recipients: vec![RecipientScope::Agency { id: secondary }],
        data_categories: vec![
            DataCategory::SpecialEducationalNeedsAndDisability,
            DataCategory::EducationProgress,
            DataCategory::Health,
        ],
    };
    case.consent(
        ConsentGiver::ParentalResponsibility { carer: rukhsana },
        scope,
        ("2026-09-21", Some("2027-12-31")),
        ConsentMethod::Written,
        consent_event(
            ConsentEventKind::Given,
            at("2026-09-21", "17:00")?,
            rukhsana_p,
        ),
    )?;
    let request = case.question(
        senco,
        RecipientRef::agency(secondary),
        Purpose::EducationSupportPlanning,
        vec![
            DataCategory::SpecialEducationalNeedsAndDisability,
            DataCategory::Health,
        ],
    )?;
    let outcome = case.share(&request, at("2026-09-22", "09:30")?)?;
    case.discuss(
        "2026-09-21",
        Channel::FaceToFace,
        vec![rukhsana_p, imran_p, senco_p],
        "Planning the move: consent for Northgate to see the plan; Imran's Bengali \
         interpreter booked for the review.",
        vec![(
            "Book a Bengali interpreter for the review",
            senco_p,
            "2026-10-30",
        )],
    )?;
    case.complete_action("Book a Bengali interpreter for the review", "2026-10-12")?;
    let barrier = case.barrier(
        partnership_barriers::BarrierKind::LanguageDifference,
        vec![imran],
        (senco_p, "2026-09-21"),
        "Imran follows meetings about Aisha's plan best in Bengali",
        partnership_barriers::Severity::Medium,
    )?;
    let interpreter = case.id();
    let booked = day("2026-09-21")?;
    case.own_barrier(barrier, senco_p, booked)?;
    case.mitigate(
        barrier,
        partnership_barriers::MitigationAttempt {
            id: interpreter,
            strategy: partnership_barriers::MitigationStrategy::Interpreter,
            started_on: booked,
            by: senco_p,
            review: None,
        },
    )?;
    case.step(
        "2026-09-21",
        Principle::ConsistencyAcrossServices,
        "Change::AddConsent, PartnershipRecord::decide, Change::StartMitigation",
        format!(
            "So that Northgate can prepare, Rukhsana consents in writing to the new school \
             seeing Aisha's plan, progress and hearing information. The next day the plan is \
             sent: {}. Imran follows meetings best in Bengali, so the language difference is \
             recorded as a barrier with an interpreter booked against it.",
            decided(&outcome)
        ),
    )?;

    // The carer as Aisha's advocate: an adjustment asked of the new school, and
    // someone on the family's side for the plan's amendment.
    let (sendiass, radio_aid) = (case.id(), case.id());
    let asked = day("2026-10-05")?;
    let agreed = day("2026-10-12")?;
    let adjustment = partnership_core::Label::new(
        "Teachers wear Aisha's radio aid, and she sits near the front, from her first induction \
         visit",
    )?;
    case.update_carer(rukhsana, "2026-10-12", |c| {
        c.support.push(partnership_carers::SupportItem {
            id: sendiass,
            kind: partnership_carers::SupportKind::Advocacy {
                service: partnership_carers::AdvocacyService::SendInformationAdviceAndSupport,
            },
            status: partnership_carers::SupportStatus::Accepted,
            identified_on: asked,
            status_since: agreed,
            note: None,
        });
        c.adjustments.push(partnership_carers::AdjustmentRequest {
            id: radio_aid,
            needed_by: partnership_carers::AdjustmentFor::Child,
            agency: secondary,
            adjustment: partnership_core::Sensitive::new(adjustment),
            requested_on: asked,
            outcome: Some(partnership_carers::AdjustmentOutcome {
                decision: partnership_carers::AdjustmentDecision::Agreed,
                decided_on: agreed,
                decided_by: Some(new_senco),
                reasons: None,
                in_place_from: None,
            }),
        });
    })?;
    case.step(
        "2026-10-12",
        Principle::Empowerment,
        "Change::UpdateCarer, AdjustmentRequest, SupportKind::Advocacy",
        "Rukhsana asks Northgate for a reasonable adjustment for Aisha: that teachers wear \
         her radio aid and she sits near the front, from her first induction visit. A school \
         must make reasonable adjustments for a disabled pupil (Equality Act 2010 ss.20 and 85), and \
         Mr Reid agrees within a week; the request and the answer are recorded, so nobody \
         has to ask twice. Mrs Dawson also tells the family about the SEND information, \
         advice and support service, which gives impartial advice on the plan's amendment \
         and on what they can do if they disagree with it. Rukhsana takes up the offer.",
    )?;

    let goal = case.goal(
        OutcomeArea::IndependenceAndSelfCare,
        "Aisha will find her way between lessons at Northgate using a visual timetable and a \
         buddy, from her first week",
        "2026-11-10",
        |g| {
            g.measure = Some(note(
                "Arrives at each lesson on time in her first two weeks, with her buddy",
            ));
            g.target_date = day("2027-09-17").ok();
        },
    )?;
    let duties = [
        (
            new_senco_p,
            "Arrange three extra visits in the summer term and pick a buddy",
            Setting::School,
            Frequency::Other {
                label: partnership_core::Label::new("three visits")?,
            },
        ),
        (
            rukhsana_p,
            "Walk the route to Northgate with Aisha at weekends in the summer",
            Setting::Community,
            Frequency::Weekly,
        ),
        (
            imran_p,
            "Practise reading the visual timetable with Aisha at home",
            Setting::Home,
            Frequency::Weekly,
        ),
        (
            senco_p,
            "Make a one-page profile of how Aisha hears best, for every Northgate teacher",
            Setting::School,
            Frequency::Other {
                label: partnership_core::Label::new("once, before the move")?,
            },
        ),
    ];
    case.plan(goal, duties, |parts| {
        parts.childs_view = Some(partnership_goals::ChildsView::Recorded {
            view: partnership_core::ChildView {
                recorded_on: day("2026-11-10")?,
                recorded_by: senco_p,
                aids: vec![partnership_core::ParticipationAid::VisualMaterials],
                view: note("I'm worried about getting lost and nobody hearing me ask"),
            },
        });
        Ok(())
    })?;
    case.agree_and_activate(goal, &[rukhsana, imran], "2026-11-10", senco_p)?;
    case.hold_review(
        schedule,
        "2026-11-10",
        vec![rukhsana_p, imran_p, senco_p, new_senco_p, coordinator_p],
        vec![partnership_reviews::GoalReviewed {
            goal,
            decision: partnership_reviews::GoalDecision::Continue,
        }],
        vec![
            (rukhsana, "We feel listened to; Northgate came to us"),
            (
                imran,
                "Having the interpreter meant I could ask about the buses",
            ),
        ],
        None,
    )?;
    case.discuss(
        "2026-11-10",
        Channel::FaceToFace,
        vec![rukhsana_p, imran_p, senco_p, new_senco_p],
        "Phase-transfer review of the EHC plan, with an interpreter.",
        vec![],
    )?;
    let reviewed = day("2026-11-10")?;
    case.review_mitigation(
        barrier,
        interpreter,
        partnership_barriers::EffectivenessReview {
            on: reviewed,
            by: senco_p,
            outcome: partnership_barriers::Effectiveness::Helped,
            note: Some(note("Imran asked his own questions about transport")),
        },
    )?;
    let next = case.schedule(schedule)?.next_review_due(&CALENDAR)?;
    case.step(
        "2026-11-10",
        Principle::MonitoringAndReview,
        "Change::RecordReviewOutcome, Change::ActivateGoal, Change::ReviewMitigation",
        format!(
            "The review is held on 10 November, in good time for the {} meeting deadline, \
             with Northgate's SENCO there and an interpreter for Imran. Aisha's worry, that \
             she will get lost and nobody will hear her ask, becomes a shared goal for the \
             move, agreed by both parents. The interpreter is reviewed as having helped: Imran \
             asked his own questions. The next annual review is now due by {}.",
            transfer.ehc_review_meeting_by, next.date
        ),
    )?;

    let pfa = preparing_for_adulthood_from(dob).ok_or("no Year 9")?;
    case.discuss(
        "2026-11-16",
        Channel::Email,
        vec![rukhsana_p, senco_p],
        "Sent the review summary and the dates ahead, including preparing for adulthood.",
        vec![],
    )?;
    case.step(
        "2026-11-16",
        Principle::Transparency,
        "preparing_for_adulthood_from",
        format!(
            "Mrs Dawson sends the family the dates ahead in writing. Aisha will be in Year 9 \
             in academic year {pfa}; from that year her reviews must look at preparing for \
             adulthood: employment, independent living, friends and community, and good \
             health. Knowing this now, nobody is surprised by it then."
        ),
    )?;
    Ok(())
}
