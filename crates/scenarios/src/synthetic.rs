//! Deterministic synthetic records for a whole local authority, for tests and
//! benchmarks.
//!
//! [`authority`] makes one record per child with a realistic mix of families (two
//! parents, a single parent, a grandparent with a special guardianship order, foster
//! carers with the birth mother keeping parental responsibility, a parent and a
//! step-parent), the professionals around them, update agreements and a contact log,
//! shared goals with progress, consents, ledger decisions, barriers and review
//! histories. [`large_record`] makes one child's record of about a given size.
//!
//! The same arguments always give the same bytes: the generator is a fixed PRNG
//! (SplitMix64) seeded by the caller, and no clock or random id is read. Every name is
//! invented from short lists; no real person's data is used.
//!
//! ```
//! use partnership_scenarios::synthetic;
//!
//! let a = synthetic::authority(20, 7).unwrap();
//! let b = synthetic::authority(20, 7).unwrap();
//! assert_eq!(a.len(), 20);
//! assert_eq!(a.iter().map(|r| r.to_json()).collect::<Vec<_>>(),
//!            b.iter().map(|r| r.to_json()).collect::<Vec<_>>());
//! ```

use chrono::{Days, NaiveDate};
use partnership_barriers::{
    Barrier, BarrierKind, BarrierParts, BarrierRegister, Effectiveness, EffectivenessReview,
    MitigationAttempt, Severity, recommended_mitigations,
};
use partnership_carers::{
    AgreedAction, Carer, CarerParts, Channel, CommunicationAgreement, CommunicationPreferences,
    ContactLog, ContactRecord, ContactRecordParts, CulturalConsiderations, DelegatedArea,
    Involvement, LanguageTag, LegalStanding, ParentalResponsibilityBasis, Relationship,
    UpdateFrequency,
};
use partnership_consent::{
    ConsentEvent, ConsentEventKind, ConsentGiver, ConsentMethod, ConsentRecord, ConsentRecordParts,
    DataCategory, Purpose, RecipientRef, RecipientScope, Scope, SharingQuestion,
};
use partnership_core::{
    Agency, AgencyId, AgencyKind, CarerId, ChildProfile, ChildProfileParts, ChildView, GoalId,
    Label, ParticipationAid, PartyRef, Professional, ProfessionalId, ProfessionalRole, Sensitive,
    noon_on,
};
use partnership_goals::{
    AchievementStatus, ChildsView, Frequency, GasLevel, GoalStatus, OutcomeArea, ProgressEntry,
    Responsibility, Setting, SharedGoal, SharedGoalParts, Transition,
};
use partnership_record::{PartnershipRecord, PartnershipRecordParts, SCHEMA_VERSION};
use partnership_reviews::{
    AgreedCadence, ReviewKind, ReviewOutcome, ReviewSchedule, ReviewScheduleParts,
};
use uuid::Uuid;

use crate::ScenarioError;
use crate::kit::{Fallible, IdSpace, note};

/// The day the synthetic authority's histories run up to.
///
/// ```
/// assert_eq!(partnership_scenarios::synthetic::AS_OF.to_string(), "2026-11-23");
/// ```
pub const AS_OF: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 23) {
    Some(date) => date,
    None => NaiveDate::MIN,
};

/// One synthetic record per child, `children` of them, the same for the same `seed`.
///
/// Histories run up to [`AS_OF`]; some agreed updates and reviews are due or overdue
/// around then, as in any real authority.
///
/// # Errors
///
/// Only if the generator itself is wrong: every record it makes is checked as a
/// partner system would check it, and an invalid one is reported, not returned.
pub fn authority(children: usize, seed: u64) -> Result<Vec<PartnershipRecord>, ScenarioError> {
    let mut rng = Rng::new(seed);
    let middle = (rng.next() & 0xffff) as u16;
    (0..children)
        .map(|index| {
            let space = IdSpace {
                high: u32::try_from(index).unwrap_or(u32::MAX),
                middle,
            };
            let mut child_rng = Rng::new(seed ^ (index as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            child(space, &mut child_rng).map_err(|source| ScenarioError {
                scenario: "synthetic::authority",
                source,
            })
        })
        .collect()
}

/// One child's record whose JSON is at least `bytes` long: a long contact log, goals
/// with long progress histories, and a long ledger, as a record built up over many
/// years would be. For loading benchmarks.
///
/// ```
/// let record = partnership_scenarios::synthetic::large_record(200_000, 1).unwrap();
/// assert!(record.to_json().len() >= 200_000);
/// ```
///
/// # Errors
///
/// Only if the generator itself is wrong, as for [`authority`].
pub fn large_record(bytes: usize, seed: u64) -> Result<PartnershipRecord, ScenarioError> {
    let wrap = |source| ScenarioError {
        scenario: "synthetic::large_record",
        source,
    };
    let mut rng = Rng::new(seed);
    let space = IdSpace {
        high: 0x1a46_e000,
        middle: (seed & 0xffff) as u16,
    };
    // Grow in rounds: a round's size is measured once, then enough rounds are added.
    let base = child(space, &mut rng.clone()).map_err(wrap)?;
    let base_len = base.to_json().len();
    // History added later gets ids from a space of its own.
    let mut ids = Ids {
        space: IdSpace {
            high: space.high,
            middle: space.middle ^ 0x0b16,
        },
        next: 0,
    };
    let one_round = grow(base.clone(), 1, &mut ids.clone(), &mut rng.clone())
        .map_err(wrap)?
        .to_json()
        .len()
        .saturating_sub(base_len)
        .max(1);
    let rounds = bytes.saturating_sub(base_len).div_ceil(one_round).max(1);
    let mut record = grow(base, rounds, &mut ids, &mut rng).map_err(wrap)?;
    // The estimate can fall a little short: a round's size varies with the ids' counter.
    while record.to_json().len() < bytes {
        record = grow(record, 1, &mut ids, &mut rng).map_err(wrap)?;
    }
    Ok(record)
}

/// Adds `rounds` rounds of history to a record: each round is twenty discussions, a
/// progress entry on each goal, and ten sharing decisions.
fn grow(
    record: PartnershipRecord,
    rounds: usize,
    ids: &mut Ids,
    rng: &mut Rng,
) -> Fallible<PartnershipRecord> {
    let mut parts = record.into_parts();
    let carers: Vec<CarerId> = parts.carers.iter().map(|c| c.id()).collect();
    let professionals: Vec<ProfessionalId> = parts.professionals.iter().map(|p| p.id).collect();
    let mut log = std::mem::take(&mut parts.contact_log).into_parts();
    let start = log.last().map_or(AS_OF, |r| r.date());
    let total = rounds.saturating_mul(20);
    for n in 0..total {
        let on = start + Days::new((n / 4) as u64);
        log.push(discussion(ids, rng, on, &carers, &professionals)?);
    }
    parts.contact_log = ContactLog::try_from(log)?;
    for goal in &mut parts.goals {
        let first = goal.progress().last().map_or(goal.created_on(), |p| p.on);
        for n in 0..rounds {
            let on = first + Days::new(n as u64 + 1);
            goal.record_progress(progress(ids, rng, on, &carers, &professionals)?)?;
        }
    }
    let mut at = parts
        .disclosures
        .last_recorded_at()
        .unwrap_or(noon_on(AS_OF));
    let mut record = PartnershipRecord::try_from(parts)?;
    for _ in 0..rounds.saturating_mul(10) {
        at += chrono::Duration::minutes(7);
        let question = question(ids, rng, &record)?;
        record.decide(&question, at)?;
    }
    Ok(record)
}

/// SplitMix64: tiny, fast, and the same on every platform.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len() as u64) as usize)
    }

    fn days(&mut self, from: NaiveDate, within: u64) -> NaiveDate {
        from + Days::new(self.below(within))
    }
}

/// Ids for one record, from its id space.
#[derive(Clone)]
struct Ids {
    space: IdSpace,
    next: u64,
}

impl Ids {
    fn id<T: From<Uuid>>(&mut self) -> T {
        self.next += 1;
        self.space.uuid(self.next).into()
    }
}

const FIRST_NAMES: [&str; 16] = [
    "Amara", "Ben", "Chloe", "Dev", "Ella", "Finn", "Grace", "Hamza", "Isla", "Jack", "Kiran",
    "Lily", "Mo", "Nia", "Oscar", "Priya",
];
const ADULT_NAMES: [&str; 12] = [
    "Alex",
    "Bernadette",
    "Carl",
    "Dawn",
    "Errol",
    "Fatima",
    "Gareth",
    "Hina",
    "Ian",
    "Joy",
    "Kwame",
    "Lorraine",
];
const SURNAMES: [&str; 12] = [
    "Ahmed", "Brown", "Campbell", "Das", "Evans", "Fisher", "Green", "Hussain", "Jones", "Khan",
    "Lewis", "Murphy",
];
const LANGUAGES: [&str; 8] = ["en-GB", "en-GB", "en-GB", "en-GB", "pl", "ur", "ro", "so"];

fn label(text: &str) -> Fallible<Sensitive<Label>> {
    Ok(Sensitive::new(Label::new(text)?))
}

fn person(rng: &mut Rng, surname: &str) -> Fallible<Sensitive<Label>> {
    let first = rng.pick(&ADULT_NAMES).ok_or("no names")?;
    label(&format!("{first} {surname}"))
}

fn pr(basis: ParentalResponsibilityBasis) -> LegalStanding {
    LegalStanding::ParentalResponsibility {
        basis,
        since: None,
        until: None,
    }
}

struct Family {
    carers: Vec<Carer>,
    foster: bool,
}

fn family(ids: &mut Ids, rng: &mut Rng, surname: &str, dob: NaiveDate) -> Fallible<Family> {
    let mut make = |rng: &mut Rng,
                    relationship: Relationship,
                    legal_standing: LegalStanding,
                    lives_with_child: bool,
                    primary_contact: bool|
     -> Fallible<Carer> {
        let language = rng.pick(&LANGUAGES).ok_or("no languages")?;
        let mut communication =
            CommunicationPreferences::in_language(LanguageTag::parse(*language)?);
        communication.interpreter_needed = *language != "en-GB" && rng.chance(50);
        communication.channels = vec![
            *rng.pick(&[
                Channel::Phone,
                Channel::TextMessage,
                Channel::Email,
                Channel::FaceToFace,
            ])
            .ok_or("no channels")?,
        ];
        Ok(Carer::try_from(CarerParts {
            id: ids.id(),
            name: person(rng, surname)?,
            relationship,
            legal_standing,
            lives_with_child,
            primary_contact,
            communication,
            considerations: CulturalConsiderations::default(),
            support: vec![],
            involvement: Involvement::default(),
        })?)
    };
    let roll = rng.below(100);
    let after_birth = dob + Days::new(14);
    let father = if rng.chance(50) {
        pr(ParentalResponsibilityBasis::MarriedToMotherAtBirth)
    } else {
        LegalStanding::ParentalResponsibility {
            basis: ParentalResponsibilityBasis::NamedOnBirthRegister,
            since: Some(after_birth),
            until: None,
        }
    };
    let carers = match roll {
        0..45 => vec![
            make(
                rng,
                Relationship::BirthParent,
                pr(ParentalResponsibilityBasis::BirthMother),
                true,
                true,
            )?,
            make(rng, Relationship::BirthParent, father, true, false)?,
        ],
        45..70 => vec![make(
            rng,
            Relationship::BirthParent,
            pr(ParentalResponsibilityBasis::BirthMother),
            true,
            true,
        )?],
        70..80 => vec![make(
            rng,
            Relationship::Grandparent,
            LegalStanding::ParentalResponsibility {
                basis: ParentalResponsibilityBasis::SpecialGuardianshipOrder,
                since: Some(dob + Days::new(400)),
                until: None,
            },
            true,
            true,
        )?],
        80..90 => {
            let delegated = || LegalStanding::DelegatedAuthority {
                areas: vec![DelegatedArea::Education, DelegatedArea::LeisureAndTrips],
                placement_plan_dated: None,
            };
            vec![
                make(rng, Relationship::FosterCarer, delegated(), true, true)?,
                make(rng, Relationship::FosterCarer, delegated(), true, false)?,
                make(
                    rng,
                    Relationship::BirthParent,
                    pr(ParentalResponsibilityBasis::BirthMother),
                    false,
                    false,
                )?,
            ]
        }
        _ => vec![
            make(
                rng,
                Relationship::BirthParent,
                pr(ParentalResponsibilityBasis::BirthMother),
                true,
                true,
            )?,
            make(
                rng,
                Relationship::StepParent,
                LegalStanding::None,
                true,
                false,
            )?,
        ],
    };
    Ok(Family {
        carers,
        foster: (80..90).contains(&roll),
    })
}

fn child(space: IdSpace, rng: &mut Rng) -> Fallible<PartnershipRecord> {
    let mut ids = Ids { space, next: 0 };
    let surname = *rng.pick(&SURNAMES).ok_or("no surnames")?;
    let first = *rng.pick(&FIRST_NAMES).ok_or("no names")?;
    let earliest = NaiveDate::from_ymd_opt(2008, 9, 1).ok_or("bad date")?;
    let dob = rng.days(earliest, 16 * 365);
    let child_id = ids.id();
    let record_id = ids.id();
    let child = ChildProfile::try_from(ChildProfileParts {
        id: child_id,
        name: label(&format!("{first} {surname}"))?,
        date_of_birth: dob,
        nhs_number: None,
        identifiers: vec![],
        communication_needs: vec![],
        views: vec![],
    })?;
    let Family { carers, foster } = family(&mut ids, rng, surname, dob)?;
    let under_five = (AS_OF - dob).num_days() < 5 * 365;
    let mut agencies = vec![
        Agency {
            id: ids.id(),
            name: Label::new(if under_five {
                "Synthetic Nursery"
            } else {
                "Synthetic School"
            })?,
            kind: if under_five {
                AgencyKind::EarlyYears
            } else {
                AgencyKind::School
            },
        },
        Agency {
            id: ids.id(),
            name: Label::new("Synthetic Health Trust")?,
            kind: AgencyKind::Health,
        },
    ];
    if foster || rng.chance(30) {
        agencies.push(Agency {
            id: ids.id(),
            name: Label::new("Synthetic Children's Social Care")?,
            kind: AgencyKind::SocialCare,
        });
    }
    let setting_agency = agencies.first().map(|a| a.id).ok_or("no setting")?;
    let health: AgencyId = agencies.get(1).map(|a| a.id).ok_or("no health")?;
    let mut professionals = vec![
        Professional {
            id: ids.id(),
            name: person(rng, "Teacher")?,
            role: if under_five {
                ProfessionalRole::EarlyYearsKeyWorker
            } else {
                ProfessionalRole::Teacher
            },
            agency: setting_agency,
            work_contact: None,
        },
        Professional {
            id: ids.id(),
            name: person(rng, "Therapist")?,
            role: ProfessionalRole::SpeechAndLanguageTherapist,
            agency: health,
            work_contact: None,
        },
    ];
    if let Some(social_care) = agencies.get(2) {
        professionals.push(Professional {
            id: ids.id(),
            name: person(rng, "Worker")?,
            role: ProfessionalRole::SocialWorker,
            agency: social_care.id,
            work_contact: None,
        });
    }
    let lead = professionals.first().map(|p| p.id).ok_or("no lead")?;
    let carer_ids: Vec<CarerId> = carers.iter().map(|c| c.id()).collect();
    let professional_ids: Vec<ProfessionalId> = professionals.iter().map(|p| p.id).collect();
    let history_start = AS_OF - Days::new(360);

    let frequencies = [
        UpdateFrequency::Weekly,
        UpdateFrequency::Fortnightly,
        UpdateFrequency::Monthly,
    ];
    let mut agreements = Vec::new();
    for carer in &carers {
        agreements.push(CommunicationAgreement {
            id: ids.id(),
            carer: carer.id(),
            frequency: *rng.pick(&frequencies).ok_or("no frequencies")?,
            channel: carer
                .communication()
                .channels
                .first()
                .copied()
                .unwrap_or(Channel::Phone),
            updates_given_by: PartyRef::Professional { id: lead },
            agreed_on: rng.days(history_start, 60),
        });
    }

    let mut log = Vec::new();
    let mut on = history_start + Days::new(60);
    while on < AS_OF {
        log.push(discussion(
            &mut ids,
            rng,
            on,
            &carer_ids,
            &professional_ids,
        )?);
        on = on + Days::new(7 + rng.below(35));
    }

    let mut goals = Vec::new();
    let areas = [
        OutcomeArea::CommunicationAndLanguage,
        OutcomeArea::EducationAndLearning,
        OutcomeArea::EmotionalWellbeing,
        OutcomeArea::IndependenceAndSelfCare,
        OutcomeArea::PhysicalHealthAndMobility,
    ];
    for _ in 0..rng.below(4) {
        goals.push(goal(
            &mut ids,
            rng,
            child_id,
            &areas,
            &carers,
            &professional_ids,
        )?);
    }

    let mut consents = Vec::new();
    let pr_carers: Vec<CarerId> = carers
        .iter()
        .filter(|c| c.legal_standing().holds_parental_responsibility())
        .map(|c| c.id())
        .collect();
    for _ in 0..rng.below(4) {
        let Some(giver) = rng.pick(&pr_carers).copied() else {
            break;
        };
        let recipient = *rng.pick(&agencies).map(|a| &a.id).ok_or("no agency")?;
        let given = rng.days(history_start, 200);
        let mut events = vec![ConsentEvent::new(
            if rng.chance(15) {
                ConsentEventKind::Refused
            } else {
                ConsentEventKind::Given
            },
            noon_on(given),
            PartyRef::Carer { id: giver },
        )];
        if events
            .first()
            .is_some_and(|e| e.kind == ConsentEventKind::Given)
            && rng.chance(10)
        {
            events.push(ConsentEvent::new(
                ConsentEventKind::Withdrawn,
                noon_on(given + Days::new(30 + rng.below(100))),
                PartyRef::Carer { id: giver },
            ));
        }
        consents.push(ConsentRecord::try_from(ConsentRecordParts {
            id: ids.id(),
            child: child_id,
            given_by: ConsentGiver::ParentalResponsibility { carer: giver },
            scope: Scope {
                purposes: vec![
                    Purpose::EducationSupportPlanning,
                    Purpose::MultiAgencyPlanning,
                ],
                recipients: vec![RecipientScope::Agency { id: recipient }],
                data_categories: vec![
                    DataCategory::EducationProgress,
                    DataCategory::SpecialEducationalNeedsAndDisability,
                ],
            },
            valid_from: given,
            valid_until: Some(given + Days::new(365)),
            method: ConsentMethod::Written,
            notice_version: Label::new("Synthetic notice v1")?,
            events,
        })?);
    }

    let mut parts = PartnershipRecordParts {
        schema_version: SCHEMA_VERSION,
        id: record_id,
        child,
        carers,
        professionals,
        agencies,
        communication_agreements: agreements,
        contact_log: ContactLog::try_from(log)?,
        goals,
        consents,
        competence_assessments: vec![],
        withholding_rules: vec![],
        justifications: vec![],
        disclosures: Default::default(),
        checkpoints: vec![],
        barriers: BarrierRegister::default(),
        reviews: vec![],
        provenance: vec![],
    };

    let mut barriers = Vec::new();
    for _ in 0..rng.below(3) {
        barriers.push(barrier(&mut ids, rng, &carer_ids, lead, history_start)?);
    }
    parts.barriers = BarrierRegister::try_from(barriers)?;

    parts
        .reviews
        .push(reviews(&mut ids, rng, child_id, foster, &parts)?);
    let mut record = PartnershipRecord::try_from(parts)?;

    // Sharing is decided the one way a service decides it: by asking the record.
    let mut at = noon_on(history_start + Days::new(200));
    for _ in 0..rng.below(7) {
        at += chrono::Duration::hours(1 + rng.below(24 * 20) as i64);
        if at.date_naive() >= AS_OF {
            break;
        }
        let question = question(&mut ids, rng, &record)?;
        record.decide(&question, at)?;
    }
    Ok(record)
}

fn discussion(
    ids: &mut Ids,
    rng: &mut Rng,
    on: NaiveDate,
    carers: &[CarerId],
    professionals: &[ProfessionalId],
) -> Fallible<ContactRecord> {
    let carer = *rng.pick(carers).ok_or("no carers")?;
    let professional = *rng.pick(professionals).ok_or("no professionals")?;
    let mut agreed_actions = Vec::new();
    if rng.chance(30) {
        let due_on = on + Days::new(3 + rng.below(14));
        agreed_actions.push(AgreedAction {
            id: ids.id(),
            description: note("Send home the strategy sheet discussed"),
            owner: PartyRef::Professional { id: professional },
            due_on,
            completed_on: (rng.chance(80) && due_on < AS_OF).then_some(due_on),
        });
    }
    Ok(ContactRecord::try_from(ContactRecordParts {
        id: ids.id(),
        date: on,
        channel: *rng
            .pick(&[
                Channel::Phone,
                Channel::Email,
                Channel::FaceToFace,
                Channel::TextMessage,
            ])
            .ok_or("no channels")?,
        participants: vec![
            PartyRef::Carer { id: carer },
            PartyRef::Professional { id: professional },
        ],
        summary: note("Shared how the week went at home and in the setting"),
        agreed_actions,
    })?)
}

fn progress(
    ids: &mut Ids,
    rng: &mut Rng,
    on: NaiveDate,
    carers: &[CarerId],
    professionals: &[ProfessionalId],
) -> Fallible<ProgressEntry> {
    let (recorded_by, setting) = if rng.chance(50) {
        (
            PartyRef::Carer {
                id: *rng.pick(carers).ok_or("no carers")?,
            },
            Setting::Home,
        )
    } else {
        (
            PartyRef::Professional {
                id: *rng.pick(professionals).ok_or("no professionals")?,
            },
            Setting::School,
        )
    };
    Ok(ProgressEntry {
        id: ids.id(),
        on,
        recorded_by,
        setting,
        level: GasLevel::new(rng.below(4) as i64 - 2)?,
        achievement: AchievementStatus::InProgress,
        note: Some(note("Observed during the usual routine")),
    })
}

fn goal(
    ids: &mut Ids,
    rng: &mut Rng,
    child: partnership_core::ChildId,
    areas: &[OutcomeArea],
    carers: &[Carer],
    professionals: &[ProfessionalId],
) -> Fallible<SharedGoal> {
    let created_on = rng.days(AS_OF - Days::new(300), 200);
    let lead = *professionals.first().ok_or("no professionals")?;
    let lead_p = PartyRef::Professional { id: lead };
    let involved: Vec<CarerId> = carers
        .iter()
        .filter(|c| c.lives_with_child())
        .map(|c| c.id())
        .collect();
    let carer = *involved.first().ok_or("no carer lives with the child")?;
    let goal_id: GoalId = ids.id();
    let mut goal = SharedGoal::try_from(SharedGoalParts {
        id: goal_id,
        child,
        area: rng.pick(areas).ok_or("no areas")?.clone(),
        description: note("The child will take the next agreed step, at home and in the setting"),
        measure: Some(note(
            "Seen on most days of a week by a carer and a professional",
        )),
        created_on,
        target_date: Some(created_on + Days::new(180)),
        childs_view: rng.chance(70).then(|| ChildsView::Recorded {
            view: ChildView {
                recorded_on: created_on,
                recorded_by: lead_p,
                aids: vec![ParticipationAid::VisualMaterials],
                view: note("Chose the picture for the goal"),
            },
        }),
        responsibilities: vec![
            Responsibility {
                id: ids.id(),
                party: lead_p,
                action: note("Practise the step in the setting"),
                setting: Setting::School,
                frequency: Frequency::EverySchoolDay,
            },
            Responsibility {
                id: ids.id(),
                party: PartyRef::Carer { id: carer },
                action: note("Practise the step at home"),
                setting: Setting::Home,
                frequency: Frequency::Daily,
            },
        ],
        agreements: vec![],
        transitions: vec![],
        progress: vec![],
        milestones: vec![],
        reviews: vec![],
    })?;
    if rng.chance(85) {
        goal.agree(carer, created_on)?;
        goal.transition(Transition {
            to: GoalStatus::Accepted,
            on: created_on,
            by: lead_p,
            reason: None,
            basis: None,
        })?;
        goal.activate(created_on, lead_p, &[carer])?;
        let mut on = created_on;
        for _ in 0..rng.below(6) {
            on = on + Days::new(7 + rng.below(21));
            if on >= AS_OF {
                break;
            }
            goal.record_progress(progress(ids, rng, on, &involved, professionals)?)?;
        }
    }
    Ok(goal)
}

fn question(ids: &mut Ids, rng: &mut Rng, record: &PartnershipRecord) -> Fallible<SharingQuestion> {
    let professional = rng.pick(record.professionals()).ok_or("no professionals")?;
    let requested_by = record
        .professionals()
        .first()
        .map(|p| p.id)
        .ok_or("no lead")?;
    Ok(SharingQuestion::new(
        ids.id(),
        record.child().id(),
        requested_by,
        RecipientRef::professional(professional.id),
        if rng.chance(80) {
            Purpose::EducationSupportPlanning
        } else {
            Purpose::HealthCare
        },
        vec![DataCategory::EducationProgress],
    )?)
}

fn barrier(
    ids: &mut Ids,
    rng: &mut Rng,
    carers: &[CarerId],
    lead: ProfessionalId,
    from: NaiveDate,
) -> Fallible<Barrier> {
    let kinds = BarrierKind::FIXED;
    let kind = rng.pick(kinds).ok_or("no kinds")?.clone();
    let identified_on = rng.days(from, 300);
    let by = PartyRef::Professional { id: lead };
    let mut barrier = Barrier::try_from(BarrierParts {
        id: ids.id(),
        kind: kind.clone(),
        affects: vec![*rng.pick(carers).ok_or("no carers")?],
        goals: vec![],
        identified_by: by,
        identified_on,
        description: note("Noticed while arranging the last meeting"),
        severity: *rng
            .pick(&[Severity::Low, Severity::Medium, Severity::High])
            .ok_or("no severities")?,
        owner: None,
        mitigations: vec![],
        history: vec![],
    })?;
    if rng.chance(80) {
        barrier.assign_owner(by, identified_on)?;
        if let Some(strategy) = rng.pick(recommended_mitigations(&kind)) {
            let id = ids.id();
            barrier.start_mitigation(MitigationAttempt {
                id,
                strategy: strategy.clone(),
                started_on: identified_on,
                by,
                review: None,
            })?;
            let reviewed = identified_on + Days::new(28);
            if reviewed < AS_OF && rng.chance(60) {
                barrier.review_mitigation(
                    id,
                    EffectivenessReview {
                        on: reviewed,
                        by,
                        outcome: Effectiveness::Helped,
                        note: None,
                    },
                )?;
                barrier.resolve(reviewed, by)?;
            }
        }
    }
    Ok(barrier)
}

fn reviews(
    ids: &mut Ids,
    rng: &mut Rng,
    child: partnership_core::ChildId,
    foster: bool,
    parts: &PartnershipRecordParts,
) -> Fallible<ReviewSchedule> {
    let kind = if foster {
        ReviewKind::LookedAfterChild
    } else {
        match rng.below(3) {
            0 => ReviewKind::ChildInNeedPlan { months: 3 },
            1 => ReviewKind::EhcPlanAnnualReview,
            _ => ReviewKind::AgreedPartnership {
                cadence: AgreedCadence::EveryNWeeks { weeks: 6 },
            },
        }
    };
    let starts_on = rng.days(AS_OF - Days::new(500), 200);
    let attended: Vec<PartyRef> = parts
        .carers
        .iter()
        .map(|c| PartyRef::Carer { id: c.id() })
        .chain(
            parts
                .professionals
                .first()
                .map(|p| PartyRef::Professional { id: p.id }),
        )
        .collect();
    let mut schedule = ReviewSchedule::try_from(ReviewScheduleParts {
        id: ids.id(),
        child,
        kind,
        starts_on,
        outcomes: vec![],
        due_soon_days: 14,
        invitation_notice_days: 14,
    })?;
    let calendar = &*crate::kit::CALENDAR;
    for _ in 0..4 {
        let due = schedule.next_review_due(calendar)?.date;
        // Most reviews are held on time, a few late; stop at the present.
        let held = if rng.chance(85) {
            due - Days::new(rng.below(10))
        } else {
            due + Days::new(1 + rng.below(20))
        };
        let held = held.max(schedule.held().last().copied().unwrap_or(starts_on) + Days::new(1));
        if held >= AS_OF {
            break;
        }
        schedule.record(ReviewOutcome {
            review: ids.id(),
            held_on: held,
            attended: attended.clone(),
            goals: vec![],
            changes_agreed: vec![],
            carer_feedback: vec![],
            next_review_agreed: None,
        })?;
    }
    Ok(schedule)
}
