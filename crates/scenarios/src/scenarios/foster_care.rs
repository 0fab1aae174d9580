//! Scenario 9: a looked-after child, foster carers with delegated authority, and review
//! deadlines across the Christmas holidays.

use partnership_carers::DelegatedArea;

use super::prelude::*;

const ABOUT: About = About {
    slug: "foster_care_christmas_reviews",
    title: "A looked-after child over Christmas",
    situation: "Kai is ten. On Friday 18 December 2026 he becomes looked after and moves to live \
with foster carers, Carol and Pete Hughes. His mother, Leanne, and his father, Ryan, keep \
parental responsibility; the placement plan gives Carol and Pete delegated authority for \
everyday decisions. The statutory clock for his first review starts the same day, and \
Christmas is a week away.",
    as_of: "2027-01-25",
    opened: "2026-12-18",
};

/// Kai, ten, looked after from 18 December: foster carers act under delegated
/// authority while his birth parents keep parental responsibility, and his review
/// deadlines are counted in working days across Christmas and New Year.
///
/// # Errors
///
/// A [`ScenarioError`] only if the scenario itself is wrong (its record does not hold together); every scenario is run by the test suite.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::reviews::WorkingCalendar;
///
/// let scenario = partnership::scenarios::foster_care_christmas_reviews().unwrap();
/// let reviews = &scenario.record.reviews()[0];
/// let due = reviews.next_review_due(&WorkingCalendar::england_and_wales()).unwrap();
/// // Three months after the first review, held on 19 January.
/// assert_eq!(due.date, NaiveDate::from_ymd_opt(2027, 4, 19).unwrap());
/// ```
pub fn foster_care_christmas_reviews() -> Result<Scenario, ScenarioError> {
    build(&ABOUT, write, 9, "Kai Thompson", "2016-05-12")
}

fn write(case: &mut Case) -> Fallible<()> {
    let social_care = case.agency(
        "Children's Services, Looked After Children Team",
        AgencyKind::SocialCare,
    )?;
    let iro_service = case.agency("Independent Reviewing Service", AgencyKind::SocialCare)?;
    let school = case.agency("Meadow Lane Primary School", AgencyKind::School)?;
    let worker = case.professional("Grace Osei", ProfessionalRole::SocialWorker, social_care)?;
    let iro = case.professional(
        "Alan Fraser",
        ProfessionalRole::IndependentReviewingOfficer,
        iro_service,
    )?;
    let teacher = case.professional(
        "Laura Singh",
        ProfessionalRole::Other {
            label: partnership_core::Label::new("designated teacher for looked-after children")?,
        },
        school,
    )?;
    let placement = day("2026-12-18")?;
    let delegated = || LegalStanding::DelegatedAuthority {
        areas: vec![
            DelegatedArea::Education,
            DelegatedArea::Health,
            DelegatedArea::LeisureAndTrips,
            DelegatedArea::HaircutsAndAppearance,
        ],
        placement_plan_dated: Some(placement),
    };
    let carol = case.carer(
        "Carol Hughes",
        Relationship::FosterCarer,
        delegated(),
        "en-GB",
        |c| {
            c.communication.channels = vec![Channel::Phone, Channel::Email];
        },
    )?;
    let pete = case.carer(
        "Pete Hughes",
        Relationship::FosterCarer,
        delegated(),
        "en-GB",
        |c| {
            c.primary_contact = false;
        },
    )?;
    let leanne = case.carer(
        "Leanne Thompson",
        Relationship::BirthParent,
        birth_mother(),
        "en-GB",
        |c| {
            c.lives_with_child = false;
            c.primary_contact = false;
            c.communication.channels = vec![Channel::Phone];
        },
    )?;
    let ryan = case.carer(
        "Ryan Cole",
        Relationship::BirthParent,
        LegalStanding::ParentalResponsibility {
            basis: ParentalResponsibilityBasis::NamedOnBirthRegister,
            since: Some(day("2016-05-20")?),
            until: None,
        },
        "en-GB",
        |c| {
            c.lives_with_child = false;
            c.primary_contact = false;
            c.communication.channels = vec![Channel::Letter, Channel::Phone];
        },
    )?;
    let [worker_p, iro_p, teacher_p] =
        [worker, iro, teacher].map(|id| PartyRef::Professional { id });
    let [carol_p, pete_p, leanne_p, ryan_p] =
        [carol, pete, leanne, ryan].map(|id| PartyRef::Carer { id });

    let lac = case.reviews(ReviewKind::LookedAfterChild, "2026-12-18")?;
    let first = case.schedule(lac)?.next_review_due(&CALENDAR)?;
    let holidays: Vec<String> = [2026, 2027]
        .iter()
        .flat_map(|year| CALENDAR.bank_holidays(*year))
        .filter(|d| *d > placement && *d <= first.date)
        .map(|d| d.format("%a %-d %b").to_string())
        .collect();
    let pep = case.reviews(
        ReviewKind::PersonalEducationPlan {
            terms: Default::default(),
        },
        "2026-12-18",
    )?;
    let pep_due = case.schedule(pep)?.next_review_due(&CALENDAR)?;
    case.step(
        "2026-12-18",
        Principle::MonitoringAndReview,
        "ReviewSchedule::next_review_due, WorkingCalendar::bank_holidays",
        format!(
            "Kai becomes looked after. His first review must be within 20 working days. \
             Counting working days, not calendar days, skips the weekends and {} bank \
             holidays ({}), so the first review is due by {} ({}). His personal education \
             plan is due by {} ({}).",
            holidays.len(),
            holidays.join(", "),
            first.date,
            first.rule,
            pep_due.date,
            pep_due.rule
        ),
    )?;

    let carer = case
        .record()?
        .carers()
        .iter()
        .find(|c| c.id() == carol)
        .ok_or("no carer")?;
    let trip = carer
        .legal_standing()
        .has_authority_for(&DelegatedArea::LeisureAndTrips);
    let overnight = carer
        .legal_standing()
        .has_authority_for(&DelegatedArea::OvernightStays);
    let holds_pr = carer.legal_standing().holds_parental_responsibility();
    case.discuss(
        "2026-12-21",
        Channel::Phone,
        vec![carol_p, worker_p],
        "Carol asked about the pantomime trip and a sleepover at Pete's sister's on New Year's Eve.",
        vec![("Ask Leanne and Ryan about the New Year's Eve sleepover", worker_p, "2026-12-23")],
    )?;
    case.complete_action(
        "Ask Leanne and Ryan about the New Year's Eve sleepover",
        "2026-12-22",
    )?;
    case.step(
        "2026-12-21",
        Principle::ConsistencyAcrossServices,
        "LegalStanding::has_authority_for, LegalStanding::holds_parental_responsibility",
        format!(
            "Carol phones the social worker with two questions. May she sign the form for the \
             school pantomime trip? Under the placement plan's delegated authority: {}. May \
             Kai stay overnight at Pete's sister's on New Year's Eve? Delegated authority for \
             overnight stays: {}, so the social worker asks Leanne and Ryan, who keep \
             parental responsibility. Does Carol hold parental responsibility herself? {}: \
             foster carers act under delegated authority. Roles are explicit, so nobody has \
             to guess.",
            if trip { "yes" } else { "no" },
            if overnight { "yes" } else { "no" },
            if holds_pr { "Yes" } else { "No" }
        ),
    )?;

    case.agree_updates(
        leanne,
        UpdateFrequency::Weekly,
        Channel::Phone,
        worker,
        "2026-12-22",
    )?;
    case.agree_updates(
        ryan,
        UpdateFrequency::Monthly,
        Channel::Letter,
        worker,
        "2026-12-22",
    )?;
    case.agree_updates(
        carol,
        UpdateFrequency::Weekly,
        Channel::Phone,
        worker,
        "2026-12-22",
    )?;
    case.agree_updates(
        pete,
        UpdateFrequency::Weekly,
        Channel::Phone,
        worker,
        "2026-12-22",
    )?;
    case.discuss(
        "2026-12-22",
        Channel::Phone,
        vec![leanne_p, ryan_p, worker_p],
        "Both parents agreed to the sleepover; update arrangements agreed.",
        vec![],
    )?;
    case.step(
        "2026-12-22",
        Principle::Inclusivity,
        "Change::AddAgreement",
        "Kai's parents are partners in his care even though he does not live with them. The \
         social worker agrees with each of them how they will hear how he is doing: a weekly \
         call for Leanne, a monthly letter for Ryan, who finds calls hard. Both agree to the \
         New Year's Eve sleepover.",
    )?;

    for on in ["2026-12-29", "2027-01-05"] {
        case.discuss(
            on,
            Channel::Phone,
            vec![leanne_p, carol_p, pete_p, worker_p],
            "Weekly update.",
            vec![],
        )?;
    }
    case.discuss(
        "2027-01-06",
        Channel::FaceToFace,
        vec![carol_p, pete_p, leanne_p, ryan_p, teacher_p, worker_p],
        "Personal education plan meeting at school; Leanne and Ryan joined by phone.",
        vec![],
    )?;
    case.hold_review(
        pep,
        "2027-01-06",
        vec![carol_p, pete_p, leanne_p, ryan_p, teacher_p, worker_p],
        vec![],
        vec![(
            carol,
            "Kai wants to keep going to football club after school",
        )],
        None,
    )?;
    let next_pep = case.schedule(pep)?.next_review_due(&CALENDAR)?;
    case.step(
        "2027-01-06",
        Principle::SharedResponsibility,
        "Change::RecordReviewOutcome (personal education plan)",
        format!(
            "In the first week of the spring term, on the last day allowed, the designated \
             teacher, the social worker, Carol and Pete meet to start Kai's personal education \
             plan, with Leanne and Ryan joining by phone. Carol, who does the school run, brings what Kai told her: he wants to keep going \
             to football club. The plan is reviewed every term; the next review is due by {} \
             ({}).",
            next_pep.date, next_pep.rule
        ),
    )?;
    case.discuss(
        "2027-01-12",
        Channel::Phone,
        vec![leanne_p, carol_p, pete_p, worker_p],
        "Weekly update.",
        vec![],
    )?;
    case.discuss(
        "2027-01-19",
        Channel::FaceToFace,
        vec![
            carol_p, pete_p, leanne_p, ryan_p, worker_p, iro_p, teacher_p,
        ],
        "First looked-after child review.",
        vec![],
    )?;
    case.update_child(|c| {
        c.views.push(partnership_core::ChildView {
            recorded_on: placement + chrono::Days::new(32),
            recorded_by: iro_p,
            aids: vec![partnership_core::ParticipationAid::DrawingOrPlay],
            view: note("Drew Carol's dog and his mum; wants to see his mum on Saturdays"),
        });
    })?;
    case.hold_review(
        lac,
        "2027-01-19",
        vec![
            carol_p, pete_p, leanne_p, ryan_p, worker_p, iro_p, teacher_p,
        ],
        vec![],
        vec![
            (carol, "Kai is settling; he loves the dog"),
            (leanne, "I want to keep Saturdays with him"),
            (ryan, "Letters work for me"),
        ],
        None,
    )?;
    let second = case.schedule(lac)?.next_review_due(&CALENDAR)?;
    case.step(
        "2027-01-19",
        Principle::ChildParticipation,
        "Change::RecordReviewOutcome, ReviewSchedule::next_review_due",
        format!(
            "The first review is held on 19 January, a day inside the deadline, chaired by the \
             independent reviewing officer. Kai draws Carol's dog and his mum, and says he \
             wants to see his mum on Saturdays; his view is recorded. Both foster carers and \
             both parents attend and give feedback. The second review is due by {} ({}).",
            second.date, second.rule
        ),
    )?;
    Ok(())
}
