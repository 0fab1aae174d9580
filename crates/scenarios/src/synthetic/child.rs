//! One synthetic child's record, from birth to the day the histories run up to.

use chrono::{Days, NaiveDate};
use partnership_barriers::BarrierRegister;
use partnership_carers::{Channel, CommunicationAgreement, ContactLog, UpdateFrequency};
use partnership_consent::{
    ConsentEvent, ConsentEventKind, ConsentGiver, ConsentMethod, ConsentRecord, ConsentRecordParts,
    DataCategory, Purpose, RecipientScope, Scope,
};
use partnership_core::{
    Agency, AgencyId, AgencyKind, CarerId, ChildProfile, ChildProfileParts, Label, PartyRef,
    Professional, ProfessionalId, ProfessionalRole, noon_on,
};
use partnership_goals::OutcomeArea;
use partnership_record::{PartnershipRecord, PartnershipRecordParts, SCHEMA_VERSION};

use super::AS_OF;
use super::family::{Family, family};
use super::history::{barrier, discussion, goal, question, reviews};
use super::parts::{FIRST_NAMES, Ids, Rng, SURNAMES, label, person};
use crate::kit::{Fallible, IdSpace};

pub(super) fn child(space: IdSpace, rng: &mut Rng) -> Fallible<PartnershipRecord> {
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
        identifier_omitted: None,
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
            public_authority: None,
        },
        Agency {
            id: ids.id(),
            name: Label::new("Synthetic Health Trust")?,
            kind: AgencyKind::Health,
            public_authority: None,
        },
    ];
    if foster || rng.chance(30) {
        agencies.push(Agency {
            id: ids.id(),
            name: Label::new("Synthetic Children's Social Care")?,
            kind: AgencyKind::SocialCare,
            public_authority: None,
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
        complaints_and_appeals: vec![],
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
