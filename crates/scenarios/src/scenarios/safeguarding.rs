//! Scenario 7: a safeguarding concern about one carer.

use partnership_carers::{Involvement, Restriction, RestrictionParts};
use partnership_consent::{
    Article9Condition, CarersTold, DataCategory, LawfulBasis, Purpose, RecipientRef,
    RecipientScope, SafeguardingJustification, SafeguardingJustificationParts, WithholdingRule,
    WithholdingRuleParts,
};

use super::prelude::*;
use crate::kit::{decided, recipient, would_words};

const ABOUT: About = About {
    slug: "safeguarding_one_carer",
    title: "A safeguarding concern about one carer",
    situation: "Jamie is eight and at Hillside Primary. One Monday he tells his teacher that his \
dad hurt his mum at the weekend and that he hid in his room. His parents, Kerry and Lee, both \
hold parental responsibility. The school's designated safeguarding lead acts the same day. \
Safeguarding changes the partnership with one carer; it must not end the partnership with \
the other.",
    as_of: "2026-11-23",
    opened: "2026-10-05",
};

/// Jamie, eight: a concern about his father. His father's involvement is restricted by a
/// recorded decision; information goes to children's social care without his consent
/// under a complete justification; his mother stays fully involved; and a withholding
/// rule protects her new address.
///
/// # Errors
///
/// A [`ScenarioError`] only if the scenario itself is wrong (its record does not hold together); every scenario is run by the test suite.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
/// use partnership::consent::{PermitBasis, SharingDecision};
///
/// let scenario = partnership::scenarios::safeguarding_one_carer().unwrap();
/// let record = &scenario.record;
/// assert!(record.carers()[1].involvement().is_restricted());
/// assert!(!record.carers()[0].involvement().is_restricted());
/// let ledger: Vec<_> = record.disclosures().iter().map(|e| &e.decision).collect();
/// assert!(matches!(ledger[0], SharingDecision::Permit { basis: PermitBasis::Safeguarding { .. }, .. }));
/// assert!(matches!(ledger[1], SharingDecision::Refuse { .. }));
/// ```
pub fn safeguarding_one_carer() -> Result<Scenario, ScenarioError> {
    build(&ABOUT, write, 7, "Jamie Walsh", "2018-08-30")
}

fn write(case: &mut Case) -> Fallible<()> {
    let school = case.agency("Hillside Primary School", AgencyKind::School)?;
    let social_care = case.agency("Children's Social Care", AgencyKind::SocialCare)?;
    let dsl = case.professional(
        "Funmi Adeyemi",
        ProfessionalRole::DesignatedSafeguardingLead,
        school,
    )?;
    let head = case.professional(
        "Peter Hall",
        ProfessionalRole::Other {
            label: partnership_core::Label::new("headteacher")?,
        },
        school,
    )?;
    let worker = case.professional("Mark Stone", ProfessionalRole::SocialWorker, social_care)?;
    let kerry = case.carer(
        "Kerry Walsh",
        Relationship::BirthParent,
        birth_mother(),
        "en-GB",
        |c| {
            c.communication.channels = vec![Channel::Phone, Channel::FaceToFace];
        },
    )?;
    let lee = case.carer(
        "Lee Walsh",
        Relationship::BirthParent,
        married_father(),
        "en-GB",
        |c| {
            c.primary_contact = false;
        },
    )?;
    let [dsl_p, worker_p] = [dsl, worker].map(|id| PartyRef::Professional { id });
    let kerry_p = PartyRef::Carer { id: kerry };

    let decided_on = day("2026-10-05")?;
    let restriction = Restriction::try_from(RestrictionParts {
        reason: note(
            "Jamie disclosed domestic abuse by his father; a strategy discussion is under way",
        ),
        decided_by: worker,
        decided_on,
        reconsider_by: day("2027-01-05")?,
    })?;
    let reconsider_by = restriction.reconsider_by();
    case.update_carer(lee, "2026-10-05", |c| {
        c.involvement = Involvement::Restricted(restriction)
    })?;
    case.step(
        "2026-10-05",
        Principle::Transparency,
        "Change::UpdateCarer (Involvement::Restricted)",
        format!(
            "Mrs Adeyemi, the designated safeguarding lead, refers to children's social care \
             the same morning. The social worker, Mark Stone, decides that while the concern \
             is looked into Lee will not be invited to meetings about Jamie or receive updates. \
             The decision is recorded with its reason, who made it, and a date to reconsider \
             it by: {reconsider_by}. A restriction is a recorded decision, never a quiet \
             omission."
        ),
    )?;

    let justification = case.id();
    let parts = SafeguardingJustificationParts {
        id: justification,
        child: case.child(),
        lawful_basis: Some(LawfulBasis::PublicTask),
        article9_condition: Some(Article9Condition::SafeguardingChildrenAndIndividualsAtRisk),
        reason: Some(note(
            "Jamie's disclosure of domestic abuse at home; seeking consent from his father \
             could place Jamie and his mother at greater risk",
        )),
        // Bound to what it justifies: children's social care, for safeguarding, these
        // categories only.
        recipients: vec![RecipientScope::Agency { id: social_care }],
        purposes: vec![Purpose::Safeguarding],
        data_categories: vec![
            DataCategory::SafeguardingInformation,
            DataCategory::FamilyCircumstances,
            DataCategory::ChildsViews,
        ],
        decided_by: dsl,
        approved_by: Some(head),
        decided_at: Some(at("2026-10-05", "08:45")?),
        valid_from: at("2026-10-05", "09:00")?,
        valid_until: at("2026-11-30", "17:00")?,
        carers_told: Some(CarersTold::NotTold {
            reason: note("Telling Lee before the strategy discussion could increase the risk"),
        }),
    };
    let justification = SafeguardingJustification::try_from(parts)?;
    let decided_at = at("2026-10-05", "09:00")?;
    let by = Some(PartyRef::Professional { id: dsl });
    case.change(Change::AddJustification(justification), decided_at, by)?;
    let to_social_worker = recipient(worker);
    let request = case.question(
        dsl,
        to_social_worker,
        Purpose::Safeguarding,
        vec![
            DataCategory::SafeguardingInformation,
            DataCategory::FamilyCircumstances,
            DataCategory::ChildsViews,
        ],
    )?;
    let asked_at = at("2026-10-05", "11:30")?;
    let would = case.what_if(&request, asked_at)?;
    let outcome = case.share(&request, asked_at)?;
    case.step(
        "2026-10-05",
        Principle::Confidentiality,
        "Change::AddJustification, PartnershipRecord::what_if, PartnershipRecord::decide",
        format!(
            "Nobody has consented to sharing, and asking Lee could put Jamie and Kerry at \
             risk. So Mrs Adeyemi records a safeguarding justification: the lawful basis \
             (public task), the condition for special category data (safeguarding of \
             children), the reason, who it is for (children's social care) and why \
             (safeguarding), exactly what may be shared, a window in which it may be used, \
             the headteacher's approval, and why the carers are not told yet. Asked first \
             what the rules say, the library answers that sharing {}. Then it decides, \
             and records the decision before answering: {}.",
            would_words(&would),
            decided(&outcome)
        ),
    )?;

    case.discuss(
        "2026-10-06",
        Channel::FaceToFace,
        vec![kerry_p, dsl_p, worker_p],
        "Met Kerry at school with the social worker: what happens next, and her own support.",
        vec![(
            "Give Kerry the details of the local domestic abuse service",
            worker_p,
            "2026-10-09",
        )],
    )?;
    case.complete_action(
        "Give Kerry the details of the local domestic abuse service",
        "2026-10-07",
    )?;
    case.agree_updates(
        kerry,
        UpdateFrequency::Weekly,
        Channel::Phone,
        dsl,
        "2026-10-06",
    )?;
    let goal = case.goal(
        OutcomeArea::EmotionalWellbeing,
        "Jamie will tell a trusted adult at school or his mum when he feels worried, and use \
         his calm box",
        "2026-10-06",
        |g| {
            g.measure = Some(note("Jamie names a worry to an adult at least once a week"));
            g.target_date = day("2026-12-18").ok();
        },
    )?;
    let duties = [
        (
            dsl_p,
            "Check in with Jamie each morning for five minutes",
            Setting::School,
            Frequency::EverySchoolDay,
        ),
        (
            kerry_p,
            "Keep the calm box by Jamie's bed and ask about his day at bedtime",
            Setting::Home,
            Frequency::Daily,
        ),
    ];
    case.plan(goal, duties, |parts| {
        parts.childs_view = Some(partnership_goals::ChildsView::Recorded {
            view: partnership_core::ChildView {
                recorded_on: day("2026-10-06")?,
                recorded_by: dsl_p,
                aids: vec![partnership_core::ParticipationAid::TrustedAdult],
                view: note(
                    "I want to talk to Miss at the start of the day, not in front of everyone",
                ),
            },
        });
        Ok(())
    })?;
    // Only Kerry's agreement is asked for: Lee's involvement is restricted, so the
    // goal is activated on the agreement of the carer who is involved.
    case.agree_and_activate(goal, &[kerry], "2026-10-06", dsl_p)?;
    case.step(
        "2026-10-06",
        Principle::Inclusivity,
        "Change::AgreeToGoal, Change::ActivateGoal, Change::AddAgreement",
        "Kerry stays a full partner. She meets the social worker and Mrs Adeyemi at school, \
         hears what happens next, and is given details of the local domestic abuse service. \
         Together they set a goal for Jamie's wellbeing, with his view that he wants a quiet \
         word at the start of the day. Kerry agrees it and it starts; Lee's agreement is not \
         sought, because of the recorded restriction. They agree a weekly phone call.",
    )?;

    case.discuss(
        "2026-10-08",
        Channel::Phone,
        vec![kerry_p, worker_p],
        "Kerry and Jamie have moved to a refuge; new address given to the social worker.",
        vec![],
    )?;
    let rule = case.id();
    let withheld = WithholdingRule::try_from(WithholdingRuleParts {
        id: rule,
        child: case.child(),
        protects: vec![kerry_p],
        data_categories: vec![DataCategory::ContactDetails],
        withheld_from: vec![RecipientScope::Carer { id: lee }],
        reason: note("Kerry and Jamie have moved to a refuge to be safe from Lee"),
        decided_by: worker,
        from: day("2026-10-08")?,
        until: None,
    })?;
    let by = Some(PartyRef::Professional { id: worker });
    case.change(Change::AddWithholdingRule(withheld), day("2026-10-08")?, by)?;
    let request = case.question(
        dsl,
        RecipientRef::carer(lee),
        Purpose::EducationSupportPlanning,
        vec![
            DataCategory::EducationProgress,
            DataCategory::ContactDetails,
        ],
    )?;
    let outcome = case.share(&request, at("2026-10-09", "14:00")?)?;
    case.step(
        "2026-10-08",
        Principle::Confidentiality,
        "Change::AddWithholdingRule, PartnershipRecord::decide",
        format!(
            "Kerry and Jamie move to a refuge. The social worker records a withholding rule: \
             Kerry's contact details are withheld from Lee, to protect her. The next day the \
             school office prepares Jamie's half-term report for Lee, and the letter would \
             carry the new address. Before it goes, the library decides: {}. Withholding \
             comes first: no consent or justification can override it.",
            decided(&outcome)
        ),
    )?;

    let cp = case.reviews(ReviewKind::ChildProtection, "2026-10-07")?;
    let initial = case.schedule(cp)?.next_review_due(&CALENDAR)?;
    case.hold_review(
        cp,
        "2026-10-27",
        vec![kerry_p, dsl_p, worker_p],
        vec![partnership_reviews::GoalReviewed {
            goal,
            decision: partnership_reviews::GoalDecision::Continue,
        }],
        vec![(
            kerry,
            "Jamie is sleeping better at the refuge; school is his safe place",
        )],
        None,
    )?;
    case.discuss(
        "2026-10-27",
        Channel::FaceToFace,
        vec![kerry_p, dsl_p, worker_p],
        "Initial child protection conference.",
        vec![],
    )?;
    let review = case.schedule(cp)?.next_review_due(&CALENDAR)?;
    case.step(
        "2026-10-27",
        Principle::MonitoringAndReview,
        "ReviewSchedule::next_review_due, Change::RecordReviewOutcome",
        format!(
            "The strategy discussion was on 7 October, so the initial child protection \
             conference had to be held by {} ({}). It is held on 27 October, with Kerry \
             there and her feedback recorded; Lee is not at it, as the restriction says. The \
             first review conference is due by {} ({}).",
            initial.date, initial.rule, review.date, review.rule
        ),
    )?;

    for on in ["2026-11-03", "2026-11-10", "2026-11-17"] {
        case.discuss(
            on,
            Channel::Phone,
            vec![kerry_p, dsl_p],
            "Weekly call.",
            vec![],
        )?;
    }
    case.step(
        "2026-11-17",
        Principle::OpenCommunication,
        "Change::RecordContact",
        "Mrs Adeyemi rings Kerry every week, as they agreed, and each call is logged: three \
         calls in November so far. Kerry hears how Jamie is doing in class before she has \
         to ask, and the school hears how he is at the refuge. Lee hears nothing while the \
         restriction stands; it is to be looked at again by its date.",
    )?;
    // The exercise: seven weeks on, nothing more has been recorded.
    let report = case.question(
        dsl,
        RecipientRef::carer(lee),
        Purpose::EducationSupportPlanning,
        vec![
            DataCategory::EducationProgress,
            DataCategory::ContactDetails,
        ],
    )?;
    let update = case.question(
        dsl,
        recipient(worker),
        Purpose::Safeguarding,
        vec![DataCategory::SafeguardingInformation],
    )?;
    case.exercise(
        "2027-01-15",
        "It is Friday 15 January 2027, the second week of the spring term. Nothing has been \
         recorded about Jamie since the weekly call on 17 November.",
        &[
            FindingCode::UpdateOverdue,
            FindingCode::RestrictionNotReconsidered,
            FindingCode::ReviewDueSoon,
        ],
        vec![
            (
                "The school office has Jamie's spring report ready for Lee, with the new \
                 address on it. May it go? Why not?",
                report,
            ),
            (
                "Mrs Adeyemi wants to tell the social worker about something Jamie said in \
                 class, under the justification recorded in October. May she?",
                update,
            ),
        ],
    )?;
    Ok(())
}
