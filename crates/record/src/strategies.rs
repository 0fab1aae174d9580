//! Proptest strategies for whole valid records (feature `proptest`), composed from
//! the domain crates' strategies.
//!
//! Consents, rules, justifications and the ledger are drawn for a world made of the
//! record's own people and agencies. The other parts are drawn freely and then their
//! references are pointed at people, goals and agencies that exist in the record
//! (each id is mapped to one of the right kind by its value, so the same id always
//! maps to the same entity and histories stay consistent).

use chrono::{Duration, TimeZone, Utc};
use partnership_barriers::{BarrierRegister, strategies as barriers};
use partnership_carers::{
    Carer, CommunicationAgreement, ContactLog, Involvement, LegalStanding,
    ParentalResponsibilityBasis, Relationship, strategies as carers,
};
use partnership_consent::strategies::{self as consent, World};
use partnership_consent::{
    ConsentGiver, DataCategory, DisclosureLedger, Purpose, Recipient, RecipientRef, SharingQuestion,
};
use partnership_core::strategies::{agency, child_profile, id, professional};
use partnership_core::{Agency, CarerId, ChildProfile, Professional};
use partnership_goals::{SharedGoal, strategies as goals};
use partnership_reviews::{Redress, RedressRoute, ReviewSchedule, strategies as reviews};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{PartnershipRecord, PartnershipRecordParts, SCHEMA_VERSION};

/// The ids a record's references may point at.
struct Pool {
    child: String,
    carers: Vec<String>,
    professionals: Vec<String>,
    agencies: Vec<String>,
    goals: Vec<String>,
}

fn pick(pool: &[String], id: &str) -> Option<String> {
    let n = u128::try_from(pool.len()).ok().filter(|n| *n > 0)?;
    let value = uuid::Uuid::parse_str(id).ok()?.as_u128();
    pool.get(usize::try_from(value % n).ok()?).cloned()
}

impl Pool {
    fn map(&self, kind: &str, id: &str) -> Option<String> {
        match kind {
            "carer" => pick(&self.carers, id),
            "professional" => pick(&self.professionals, id),
            "agency" => pick(&self.agencies, id),
            "goal" => pick(&self.goals, id),
            "child" => Some(self.child.clone()),
            _ => None,
        }
    }

    /// Points every reference in `value` at an entity in the pool.
    fn rehome(&self, value: &mut Value, field: Option<&str>) {
        let kind_of_field = |f: &str| match f {
            "carer" | "carers" | "affects" => Some("carer"),
            "child" => Some("child"),
            "agency" => Some("agency"),
            "goal" | "goals" => Some("goal"),
            "decidedBy" | "approvedBy" | "assessedBy" | "requestedBy" => Some("professional"),
            _ => None,
        };
        match value {
            Value::String(s) => {
                if let Some(kind) = field.and_then(kind_of_field)
                    && let Some(new) = self.map(kind, s)
                {
                    *s = new;
                }
            }
            Value::Array(items) => {
                if field.and_then(kind_of_field) == Some("goal") && self.goals.is_empty() {
                    items.retain(|i| !i.is_string());
                }
                for item in items.iter_mut() {
                    self.rehome(item, field);
                }
                // Mapping can make two entries the same; lists never repeat.
                let mut seen = Vec::new();
                items.retain(|i| {
                    let keep = !(i.is_string() || is_party(i)) || !seen.contains(i);
                    seen.push(i.clone());
                    keep
                });
            }
            Value::Object(map) => {
                if is_party(&Value::Object(map.clone())) {
                    let kind = map
                        .get("kind")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned();
                    if let Some(Value::String(id)) = map.get_mut("id")
                        && let Some(new) = self.map(&kind, id)
                    {
                        *id = new;
                    }
                    return;
                }
                for (key, item) in map.iter_mut() {
                    self.rehome(item, Some(key));
                }
            }
            _ => {}
        }
    }

    fn rehomed<T: Serialize + DeserializeOwned>(&self, value: &T) -> Option<T> {
        let mut json = serde_json::to_value(value).ok()?;
        self.rehome(&mut json, None);
        serde_json::from_value(json).ok()
    }
}

fn is_party(value: &Value) -> bool {
    value.as_object().is_some_and(|m| {
        m.len() == 2
            && m.contains_key("id")
            && matches!(
                m.get("kind").and_then(Value::as_str),
                Some("carer" | "professional" | "child")
            )
    })
}

/// The record's people: the child, carers (the first a birth mother holding parental
/// responsibility and involved), agencies and professionals in them.
fn people() -> impl Strategy<Value = (ChildProfile, Vec<Carer>, Vec<Agency>, Vec<Professional>)> {
    (
        child_profile(),
        vec(carers::carer(), 1..4),
        vec(agency(), 1..3),
        vec(professional(), 1..4),
    )
        .prop_filter_map(
            "unique people",
            |(child, carers, agencies, professionals)| {
                let mut carers = carers;
                let first = carers.first_mut()?;
                let mut parts = first.clone().into_parts();
                parts.relationship = Relationship::BirthParent;
                parts.legal_standing = LegalStanding::ParentalResponsibility {
                    basis: ParentalResponsibilityBasis::BirthMother,
                    since: None,
                    until: None,
                };
                parts.involvement = Involvement::Involved;
                *first = Carer::try_from(parts).ok()?;
                let professionals = professionals
                    .into_iter()
                    .enumerate()
                    .map(|(i, mut p)| {
                        p.agency = i
                            .checked_rem(agencies.len())
                            .and_then(|j| agencies.get(j))
                            .map_or(p.agency, |a| a.id);
                        p
                    })
                    .collect::<Vec<_>>();
                let mut ids: Vec<uuid::Uuid> = carers.iter().map(|c| *c.id().as_uuid()).collect();
                ids.extend(professionals.iter().map(|p| *p.id.as_uuid()));
                ids.extend(agencies.iter().map(|a| *a.id.as_uuid()));
                ids.push(*child.id().as_uuid());
                let n = ids.len();
                ids.sort();
                ids.dedup();
                (ids.len() == n).then_some((child, carers, agencies, professionals))
            },
        )
}

fn world_of(
    child: &ChildProfile,
    carers: &[Carer],
    agencies: &[Agency],
    professionals: &[Professional],
) -> World {
    let mut recipients: Vec<Recipient> = professionals
        .iter()
        .filter_map(|p| {
            let agency = agencies.iter().find(|a| a.id == p.agency)?;
            Some(Recipient::Professional {
                id: p.id,
                role: p.role.clone(),
                agency: agency.id,
                agency_kind: agency.kind.clone(),
            })
        })
        .collect();
    recipients.extend(agencies.iter().map(|a| Recipient::Agency {
        id: a.id,
        agency_kind: a.kind.clone(),
    }));
    recipients.extend(
        carers
            .iter()
            .skip(1)
            .map(|c| Recipient::Carer { id: c.id() }),
    );
    // Only carers holding parental responsibility on every day give consent here, so
    // that every drawn consent is one the record accepts whenever it was given.
    let pr_carers: Vec<CarerId> = carers
        .iter()
        .filter(|c| {
            matches!(
                c.legal_standing(),
                LegalStanding::ParentalResponsibility {
                    since: None,
                    until: None,
                    ..
                }
            )
        })
        .map(|c| c.id())
        .collect();
    World {
        child: child.id(),
        givers: pr_carers
            .iter()
            .map(|&carer| ConsentGiver::ParentalResponsibility { carer })
            .collect(),
        carers: pr_carers,
        professionals: professionals.iter().map(|p| p.id).collect(),
        recipients,
        purposes: vec![
            Purpose::EducationSupportPlanning,
            Purpose::MultiAgencyPlanning,
        ],
        categories: vec![
            DataCategory::EducationProgress,
            DataCategory::Health,
            DataCategory::FamilyCircumstances,
        ],
        start: Utc
            .with_ymd_and_hms(2026, 1, 5, 9, 0, 0)
            .single()
            .unwrap_or_default(),
    }
}

/// A valid partnership record of modest size.
pub fn record() -> impl Strategy<Value = PartnershipRecord> {
    people()
        .prop_flat_map(|(child, carer_list, agencies, professionals)| {
            let world = world_of(&child, &carer_list, &agencies, &professionals);
            (
                (id(), Just((child, carer_list, agencies, professionals))),
                (
                    vec(consent::consent_record(&world), 0..4),
                    vec(consent::withholding_rule(&world), 0..2),
                    option::of(consent::justification(&world)),
                    vec(consent::sharing_request(&world), 0..4),
                ),
                (
                    vec(carers::communication_agreement(), 0..3),
                    carers::contact_log(3),
                    vec(goals::goal(12), 0..3),
                    barriers::register(2),
                    vec(reviews::review_schedule(2), 0..2),
                    vec(
                        (id(), id())
                            .prop_flat_map(|(carer, agency)| reviews::redress(carer, Some(agency))),
                        0..2,
                    ),
                ),
            )
        })
        .prop_filter_map(
            "a valid record",
            |((id, (child, carer_list, agencies, professionals)), consent_parts, other_parts)| {
                assemble(
                    id,
                    child,
                    carer_list,
                    agencies,
                    professionals,
                    consent_parts,
                    other_parts,
                )
            },
        )
}

type ConsentParts = (
    Vec<partnership_consent::ConsentRecord>,
    Vec<partnership_consent::WithholdingRule>,
    Option<partnership_consent::SafeguardingJustification>,
    Vec<partnership_consent::SharingRequest>,
);

type OtherParts = (
    Vec<CommunicationAgreement>,
    ContactLog,
    Vec<SharedGoal>,
    BarrierRegister,
    Vec<ReviewSchedule>,
    Vec<Redress>,
);

fn assemble(
    id: partnership_core::RecordId,
    child: ChildProfile,
    carer_list: Vec<Carer>,
    agencies: Vec<Agency>,
    professionals: Vec<Professional>,
    (consents, withholding_rules, justification, requests): ConsentParts,
    (agreements, log, goal_list, register, schedules, redress): OtherParts,
) -> Option<PartnershipRecord> {
    let text = |id: &uuid::Uuid| id.to_string();
    let mut pool = Pool {
        child: text(child.id().as_uuid()),
        carers: carer_list.iter().map(|c| text(c.id().as_uuid())).collect(),
        professionals: professionals.iter().map(|p| text(p.id.as_uuid())).collect(),
        agencies: agencies.iter().map(|a| text(a.id.as_uuid())).collect(),
        goals: Vec::new(),
    };
    let child = pool.rehomed(&child)?;
    let goal_list: Vec<SharedGoal> = pool.rehomed(&goal_list)?;
    pool.goals = goal_list.iter().map(|g| text(g.id().as_uuid())).collect();
    let parts = PartnershipRecordParts {
        schema_version: SCHEMA_VERSION,
        id,
        child,
        carers: carer_list,
        professionals,
        agencies,
        communication_agreements: pool.rehomed(&agreements)?,
        contact_log: pool.rehomed(&log)?,
        goals: goal_list,
        consents,
        competence_assessments: Vec::new(),
        withholding_rules,
        justifications: justification.into_iter().collect(),
        disclosures: DisclosureLedger::default(),
        checkpoints: vec![],
        barriers: pool.rehomed(&register)?,
        reviews: pool.rehomed(&schedules)?,
        complaints_and_appeals: pool.rehomed(&redress)?,
        provenance: vec![],
    };
    let mut record = PartnershipRecord::try_from(parts).ok()?;
    // The ledger is written the one way a service writes it: by asking the record.
    let mut requests = requests;
    requests.sort_by_key(|r| r.at());
    let born = record.child().date_of_birth();
    for request in requests.iter().filter(|r| r.at().date_naive() >= born) {
        let question = SharingQuestion::new(
            request.id(),
            request.child(),
            request.requested_by(),
            recipient_ref(request.recipient())?,
            request.purpose().clone(),
            request.data_categories().to_vec(),
        )
        .ok()?;
        record
            .decide(&question, request.at() + Duration::minutes(1))
            .ok()?;
    }
    Some(record)
}

/// The recipient of a drawn request, by id.
pub fn recipient_ref(recipient: &Recipient) -> Option<RecipientRef> {
    match recipient {
        Recipient::Carer { id } => Some(RecipientRef::carer(*id)),
        Recipient::Professional { id, .. } => Some(RecipientRef::professional(*id)),
        Recipient::Agency { id, .. } => Some(RecipientRef::agency(*id)),
        _ => None,
    }
}

/// A question about `record`'s child from one of its professionals to one of its
/// carers, professionals or agencies, for one of the purposes and categories the
/// record's consents are drawn from.
pub fn question(record: &PartnershipRecord) -> impl Strategy<Value = SharingQuestion> + use<> {
    let child = record.child().id();
    let requesters: Vec<_> = record.professionals().iter().map(|p| p.id).collect();
    let mut recipients: Vec<RecipientRef> = record
        .professionals()
        .iter()
        .map(|p| RecipientRef::professional(p.id))
        .collect();
    recipients.extend(record.agencies().iter().map(|a| RecipientRef::agency(a.id)));
    recipients.extend(record.carers().iter().map(|c| RecipientRef::carer(c.id())));
    let categories = vec![
        DataCategory::EducationProgress,
        DataCategory::Health,
        DataCategory::FamilyCircumstances,
    ];
    (
        id(),
        proptest::sample::select(requesters),
        proptest::sample::select(recipients),
        proptest::sample::select(vec![
            Purpose::EducationSupportPlanning,
            Purpose::MultiAgencyPlanning,
        ]),
        proptest::sample::subsequence(categories, 1..=3),
    )
        .prop_filter_map(
            "a valid question",
            move |(id, requested_by, recipient, purpose, categories)| {
                SharingQuestion::new(id, child, requested_by, recipient, purpose, categories).ok()
            },
        )
}

/// A moment to decide at: on or after the ledger's last entry and the child's birth,
/// up to about three years after the first moment the record's consents are drawn
/// around.
pub fn decision_time(
    record: &PartnershipRecord,
) -> impl Strategy<Value = chrono::DateTime<Utc>> + use<> {
    let start = Utc
        .with_ymd_and_hms(2026, 1, 5, 9, 0, 0)
        .single()
        .unwrap_or_default()
        - Duration::days(400);
    let born = record
        .child()
        .date_of_birth()
        .and_hms_opt(12, 0, 0)
        .map_or(start, |t| t.and_utc());
    let earliest = record
        .disclosures()
        .last_recorded_at()
        .unwrap_or(start)
        .max(start)
        .max(born);
    (0i64..(3 * 365 * 24 * 60)).prop_map(move |minutes| earliest + Duration::minutes(minutes))
}

/// The ids of a record's people, agencies and goals, to point a drawn value's
/// references at.
fn pool_of(record: &PartnershipRecord) -> Pool {
    let text = |id: &uuid::Uuid| id.to_string();
    Pool {
        child: text(record.child().id().as_uuid()),
        carers: record
            .carers()
            .iter()
            .map(|c| text(c.id().as_uuid()))
            .collect(),
        professionals: record
            .professionals()
            .iter()
            .map(|p| text(p.id.as_uuid()))
            .collect(),
        agencies: record
            .agencies()
            .iter()
            .map(|a| text(a.id.as_uuid()))
            .collect(),
        goals: record
            .goals()
            .iter()
            .map(|g| text(g.id().as_uuid()))
            .collect(),
    }
}

/// A change to `record` for [`PartnershipRecord::apply`](crate::PartnershipRecord::apply),
/// drawn from the domain crates' strategies with its references pointed at the
/// record's own people, agencies and goals. Many fit the record; some do not (a
/// consent whose giver lacks standing, a carer update that takes away what a
/// consent rests on), which is what a property about changes needs.
pub fn change(record: &PartnershipRecord) -> impl Strategy<Value = crate::Change> + use<> {
    use crate::Change;
    use partnership_consent::{ConsentEvent, ConsentEventKind};
    let pool = std::sync::Arc::new(pool_of(record));
    let world = world_of(
        record.child(),
        record.carers(),
        record.agencies(),
        record.professionals(),
    );
    let carer_ids: Vec<CarerId> = record.carers().iter().map(|c| c.id()).collect();
    let consents: Vec<(partnership_core::ConsentId, partnership_core::PartyRef)> = record
        .consents()
        .iter()
        .map(|c| (c.id(), c.given_by().party(c.child())))
        .collect();
    let goal_ids: Vec<partnership_core::GoalId> = record.goals().iter().map(|g| g.id()).collect();
    let born = record.child().date_of_birth();
    let recorded_by = partnership_core::PartyRef::Child {
        id: record.child().id(),
    };
    let rehome = move |pool: &Pool, change: Change| -> Option<Change> {
        Some(match change {
            Change::AddCarer(x) => Change::AddCarer(pool.rehomed(&x)?),
            Change::UpdateCarer(x) => Change::UpdateCarer(pool.rehomed(&x)?),
            Change::AddProfessional(x) => Change::AddProfessional(pool.rehomed(&x)?),
            Change::AddConsent(x) => Change::AddConsent(pool.rehomed(&x)?),
            Change::AddWithholdingRule(x) => Change::AddWithholdingRule(pool.rehomed(&x)?),
            Change::RecordContact(x) => Change::RecordContact(pool.rehomed(&x)?),
            Change::AddGoal(x) => Change::AddGoal(pool.rehomed(&x)?),
            Change::AddComplaintOrAppeal(x) => Change::AddComplaintOrAppeal(pool.rehomed(&x)?),
            other => other,
        })
    };
    let update = carers::carer().prop_flat_map(move |carer| {
        let ids = carer_ids.clone();
        (Just(carer), any::<prop::sample::Index>()).prop_map(move |(carer, which)| {
            if ids.is_empty() {
                return Change::AddCarer(carer);
            }
            let Some(id) = ids.get(which.index(ids.len())) else {
                return Change::AddCarer(carer);
            };
            let mut parts = carer.clone().into_parts();
            parts.id = *id;
            Carer::try_from(parts).map_or(Change::AddCarer(carer), Change::UpdateCarer)
        })
    });
    let event = (any::<prop::sample::Index>(), 0i64..4000, 0usize..3).prop_map(
        move |(which, day, kind)| {
            let (consent, by) = consents.get(which.index(consents.len().max(1))).cloned()?;
            let kind = match kind {
                0 => ConsentEventKind::Withdrawn,
                1 => ConsentEventKind::Renewed,
                _ => ConsentEventKind::Given,
            };
            let at = Utc.with_ymd_and_hms(2024, 1, 1, 12, 0, 0).single()? + Duration::days(day);
            Some(Change::RecordConsentEvent {
                consent,
                event: ConsentEvent {
                    kind,
                    at,
                    by,
                    valid_until: None,
                    recorded_by: None,
                },
            })
        },
    );
    let progress = (any::<prop::sample::Index>(), goals::gas_level(), 0i64..4000).prop_map(
        move |(which, level, day)| {
            let goal = *goal_ids.get(which.index(goal_ids.len().max(1)))?;
            Some(Change::RecordProgress {
                goal,
                entry: partnership_goals::ProgressEntry {
                    id: partnership_core::ProgressEntryId::random(),
                    on: born + Duration::days(day),
                    recorded_by,
                    setting: partnership_goals::Setting::Home,
                    level,
                    achievement: partnership_goals::AchievementStatus::Improving,
                    note: None,
                },
            })
        },
    );
    let later = later_step(record);
    let drawn = prop_oneof![
        carers::carer().prop_map(Change::AddCarer),
        update,
        professional().prop_map(Change::AddProfessional),
        consent::consent_record(&world).prop_map(Change::AddConsent),
        consent::withholding_rule(&world).prop_map(Change::AddWithholdingRule),
        carers::contact_record_on(chrono::NaiveDate::from_ymd_opt(2040, 1, 1).unwrap_or_default())
            .prop_map(Change::RecordContact),
        goals::goal(6).prop_map(Change::AddGoal),
        (id(), id())
            .prop_flat_map(|(carer, agency)| reviews::redress(carer, Some(agency)))
            .prop_map(Change::AddComplaintOrAppeal),
    ]
    // A value that cannot be pointed at the record's people is kept as drawn: its
    // references dangle, and the change is one the record refuses.
    .prop_map(move |change| rehome(&pool, change.clone()).unwrap_or(change));
    // Without a consent or a goal to step on, a professional joins instead.
    let or_join = |step: Option<Change>, joining: Professional| {
        step.unwrap_or(Change::AddProfessional(joining))
    };
    prop_oneof![
        6 => drawn,
        1 => (event, professional()).prop_map(move |(e, p)| or_join(e, p)),
        1 => (progress, professional()).prop_map(move |(e, p)| or_join(e, p)),
        2 => (later, professional()).prop_map(move |(e, p)| or_join(e, p)),
    ]
}

/// A step on something already in `record`: an agreed action done, a goal's plan
/// revised or the goal reviewed, a barrier owned, a mitigation reviewed or the
/// barrier resolved, a view added to the child's profile or its date of birth
/// corrected. Dated anywhere from the
/// child's birth on, so that some fit and some do not; `None` when the record has
/// nothing of that kind to step on.
fn later_step(record: &PartnershipRecord) -> impl Strategy<Value = Option<crate::Change>> + use<> {
    use crate::Change;
    use partnership_barriers::{BarrierStatus, Effectiveness, EffectivenessReview, StatusChange};
    use partnership_core::{ChildView, PartyRef, Sensitive};
    use partnership_goals::{GoalReview, ReviewDecision};
    let actions: Vec<_> = record
        .contact_log()
        .iter()
        .flat_map(|r| r.agreed_actions().iter().map(|a| a.id))
        .collect();
    // A plan is revised while the goal is proposed and nobody has agreed: those
    // goals first, so that some revisions fit; the rest are refused.
    let mut plans: Vec<_> = record
        .goals()
        .iter()
        .filter(|g| g.transitions().is_empty() && g.agreements().is_empty())
        .map(|g| (g.id(), g.plan()))
        .collect();
    if plans.is_empty() {
        plans = record.goals().iter().map(|g| (g.id(), g.plan())).collect();
    }
    let barriers: Vec<_> = record
        .barriers()
        .iter()
        .map(|b| {
            (
                b.id(),
                b.mitigations().iter().map(|m| m.id).collect::<Vec<_>>(),
            )
        })
        .collect();
    let redress: Vec<_> = record.complaints_and_appeals().to_vec();
    let child = record.child().clone();
    let party = record
        .professionals()
        .first()
        .map_or(PartyRef::Child { id: child.id() }, |p| {
            PartyRef::Professional { id: p.id }
        });
    let born = child.date_of_birth();
    (any::<prop::sample::Index>(), 0i64..4000, 0usize..8).prop_map(move |(which, day, kind)| {
        let on = born + Duration::days(day);
        let pick = |len: usize| which.index(len.max(1));
        let goal = plans.get(pick(plans.len())).cloned();
        let barrier = barriers.get(pick(barriers.len())).cloned();
        Some(match kind {
            0 => Change::CompleteAction {
                action: *actions.get(pick(actions.len()))?,
                on,
            },
            1 => {
                let (goal, mut plan) = goal?;
                if day % 2 == 0 {
                    plan.target_date = Some(on);
                } else {
                    plan.measure = Some(Sensitive::new("Reads a page aloud at home".to_owned()));
                }
                Change::ReviseGoalPlan { goal, plan }
            }
            2 => Change::ReviewGoal {
                goal: goal?.0,
                review: GoalReview {
                    on,
                    by: party,
                    decision: ReviewDecision::Continue,
                },
            },
            3 => Change::AssignBarrierOwner {
                barrier: barrier?.0,
                owner: party,
                since: on,
            },
            4 => {
                let (barrier, mitigations) = barrier?;
                Change::ReviewMitigation {
                    barrier,
                    mitigation: *mitigations.get(pick(mitigations.len()))?,
                    review: EffectivenessReview {
                        on,
                        by: party,
                        outcome: Effectiveness::Helped,
                        note: None,
                    },
                }
            }
            5 => Change::ChangeBarrierStatus {
                barrier: barrier?.0,
                change: StatusChange::to(BarrierStatus::Resolved, on, party),
            },
            6 => {
                // What happened since on a complaint or appeal: answered, or
                // certified and lodged, on a day that may or may not fit; or, one
                // time in three, the day it started rewritten.
                let earlier = redress.get(pick(redress.len()))?;
                let mut parts = earlier.clone().into_parts();
                match &mut parts.route {
                    RedressRoute::SocialCareComplaint {
                        responded_on,
                        received_on,
                        ..
                    }
                    | RedressRoute::AgencyComplaint {
                        responded_on,
                        received_on,
                        ..
                    } => {
                        if day % 3 == 0 {
                            *received_on = on;
                        } else {
                            *responded_on = Some(on);
                        }
                    }
                    RedressRoute::TribunalAppeal {
                        mediation_certificate_issued_on,
                        lodged_on,
                        ..
                    } => {
                        *mediation_certificate_issued_on =
                            mediation_certificate_issued_on.or(Some(on));
                        *lodged_on = Some(on);
                    }
                    _ => {}
                }
                Change::UpdateComplaintOrAppeal(Redress::try_from(parts).ok()?)
            }
            _ => {
                let mut parts = child.clone().into_parts();
                if day % 3 == 0 {
                    // A date of birth corrected to later: what the record dated before it
                    // no longer fits, and the whole record has to say so.
                    parts.date_of_birth = on;
                    parts.views.clear();
                }
                parts.views.push(ChildView {
                    recorded_on: on,
                    recorded_by: party,
                    aids: vec![],
                    view: Sensitive::new("Likes the quiet corner".to_owned()),
                });
                Change::UpdateChild(ChildProfile::try_from(parts).ok()?)
            }
        })
    })
}
