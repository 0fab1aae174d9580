//! What happens around a child over time: discussions, goals and their progress,
//! questions of sharing, barriers and reviews.

use chrono::{Days, NaiveDate};
use partnership_barriers::{
    Barrier, BarrierKind, BarrierParts, Effectiveness, EffectivenessReview, MitigationAttempt,
    Severity, recommended_mitigations,
};
use partnership_carers::{AgreedAction, Carer, Channel, ContactRecord, ContactRecordParts};
use partnership_consent::{DataCategory, Purpose, RecipientRef, SharingQuestion};
use partnership_core::{CarerId, ChildView, GoalId, ParticipationAid, PartyRef, ProfessionalId};
use partnership_goals::{
    AchievementStatus, ChildsView, Frequency, GasLevel, GoalStatus, OutcomeArea, ProgressEntry,
    Responsibility, Setting, SharedGoal, SharedGoalParts, Transition,
};
use partnership_record::{PartnershipRecord, PartnershipRecordParts};
use partnership_reviews::{
    AgreedCadence, ReviewKind, ReviewOutcome, ReviewSchedule, ReviewScheduleParts,
};

use super::AS_OF;
use super::parts::{Ids, Rng};
use crate::kit::{Fallible, note};

pub(super) fn discussion(
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

pub(super) fn progress(
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

pub(super) fn goal(
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

pub(super) fn question(
    ids: &mut Ids,
    rng: &mut Rng,
    record: &PartnershipRecord,
) -> Fallible<SharingQuestion> {
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

pub(super) fn barrier(
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

pub(super) fn reviews(
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
