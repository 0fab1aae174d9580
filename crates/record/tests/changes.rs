//! Changes through `PartnershipRecord::apply`: all or nothing, checked as the whole
//! record would be, each recorded with who made it and when.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use partnership_carers::{Carer, Channel, ContactRecord, ContactRecordParts, LegalStanding};
use partnership_consent::{ConsentEvent, ConsentEventKind, PermitBasis, SharingDecision};
use partnership_core::{ContactRecordId, PartyRef, ProfessionalId, Sensitive};
use partnership_record::strategies::{change, record};
use partnership_record::*;
use proptest::prelude::*;

/// A time after everything the strategies draw (their dates end in 2100, and a
/// support item's status can follow by a year or so), so that no change is refused
/// for recording the future: the properties are about fitting the record.
fn far_future() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2200, 1, 1, 12, 0, 0).unwrap()
}

/// The change made the plain way: the parts edited by hand and the whole record
/// checked again. `None` when the step's own type refuses it.
fn applied_plainly(record: &PartnershipRecord, change: &Change) -> Option<PartnershipRecordParts> {
    let mut parts = record.clone().into_parts();
    match change.clone() {
        Change::AddCarer(x) => parts.carers.push(x),
        Change::UpdateCarer(x) => {
            let slot = parts.carers.iter_mut().find(|c| c.id() == x.id())?;
            *slot = x;
        }
        Change::AddProfessional(x) => parts.professionals.push(x),
        Change::AddConsent(x) => parts.consents.push(x),
        Change::AddWithholdingRule(x) => parts.withholding_rules.push(x),
        Change::AddGoal(x) => parts.goals.push(x),
        Change::RecordContact(x) => parts.contact_log.record(x).ok()?,
        Change::RecordConsentEvent { consent, event } => {
            let slot = parts.consents.iter_mut().find(|c| c.id() == consent)?;
            *slot = slot.clone().with_event(event).ok()?;
        }
        Change::RecordProgress { goal, entry } => {
            let slot = parts.goals.iter_mut().find(|g| g.id() == goal)?;
            slot.record_progress(entry).ok()?;
        }
        Change::CompleteAction { action, on } => {
            parts.contact_log.complete_action(action, on).ok()?
        }
        Change::ReviseGoalPlan { goal, plan } => {
            let slot = parts.goals.iter_mut().find(|g| g.id() == goal)?;
            slot.revise_plan(plan).ok()?;
        }
        Change::ReviewGoal { goal, review } => {
            let slot = parts.goals.iter_mut().find(|g| g.id() == goal)?;
            slot.review(review).ok()?;
        }
        Change::AssignBarrierOwner {
            barrier,
            owner,
            since,
        } => {
            let mut b = parts.barriers.iter().find(|b| b.id() == barrier)?.clone();
            b.assign_owner(owner, since).ok()?;
            parts.barriers.replace(b);
        }
        Change::ReviewMitigation {
            barrier,
            mitigation,
            review,
        } => {
            let mut b = parts.barriers.iter().find(|b| b.id() == barrier)?.clone();
            b.review_mitigation(mitigation, review).ok()?;
            parts.barriers.replace(b);
        }
        Change::ChangeBarrierStatus { barrier, change } => {
            let mut b = parts.barriers.iter().find(|b| b.id() == barrier)?.clone();
            b.change_status(change).ok()?;
            parts.barriers.replace(b);
        }
        Change::UpdateChild(child) if child.id() == parts.child.id() => parts.child = child,
        Change::AddComplaintOrAppeal(x) => parts.complaints_and_appeals.push(x),
        Change::UpdateComplaintOrAppeal(x) => {
            let slot = parts
                .complaints_and_appeals
                .iter_mut()
                .find(|r| r.id() == x.id())?;
            // Only adding is the change's own rule, as a goal's lifecycle is the
            // goal's: a rewrite is refused before the record is looked at.
            x.only_adds_to(slot).ok()?;
            *slot = x;
        }
        other => panic!("the strategy drew a change this test does not make: {other:?}"),
    }
    Some(parts)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, max_global_rejects: 8192, max_local_rejects: 1 << 22, ..ProptestConfig::default() })]

    /// Soundness: a change is kept only if the whole record, read again from its
    /// JSON, is valid with it; a refused change leaves the record exactly as it was.
    fn kept_only_if_valid(
        (record, change) in record().prop_flat_map(|r| { let c = change(&r); (Just(r), c) })
    ) {
        prop_assume!(!record.professionals().is_empty());
        let by = record.professionals()[0].id;
        let mut changed = record.clone();
        match changed.apply(change.clone(), by, far_future()) {
            Ok(made) => {
                let back = PartnershipRecord::from_json(&changed.to_json());
                prop_assert!(back.is_ok(), "kept a change the whole check refuses: {:?}", back.err());
                prop_assert_eq!(changed.provenance().last(), Some(&made));
                prop_assert_eq!(made.subject, change.subject());
            }
            Err(err) => {
                prop_assert!(!err.problems.is_empty());
                prop_assert_eq!(&changed, &record, "a refused change left something behind");
            }
        }
    }

    /// Completeness: a change the whole record accepts is applied. Together with the
    /// property above, applying checks exactly what the whole check would.
    fn applied_if_accepted(
        (record, change) in record().prop_flat_map(|r| { let c = change(&r); (Just(r), c) })
    ) {
        prop_assume!(!record.professionals().is_empty());
        let Some(mut parts) = applied_plainly(&record, &change) else {
            return Ok(());
        };
        let by = record.professionals()[0].id;
        parts.provenance.push(ProvenanceEntry {
            change: change.kind(),
            subject: change.subject(),
            by,
            at: far_future(),
        });
        let whole = PartnershipRecord::try_from(parts);
        let mut changed = record.clone();
        let applied = changed.apply(change, by, far_future());
        match (&whole, &applied) {
            (Ok(whole), Ok(_)) => prop_assert_eq!(whole, &changed),
            (Err(_), Err(_)) => {}
            (Ok(_), Err(err)) => prop_assert!(false, "refused a change the whole record accepts: {err}"),
            (Err(err), Ok(_)) => prop_assert!(false, "applied a change the whole record refuses: {err}"),
        }
    }
}

/// Runs `property` on a thread with room for the strategies of a whole record and a
/// change to it, which nest deeper than a test thread's default stack in a debug build.
fn with_room(property: fn()) {
    std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(property)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn a_change_is_kept_only_if_the_whole_record_stays_valid() {
    with_room(kept_only_if_valid);
}

#[test]
fn a_change_the_whole_record_accepts_is_applied() {
    with_room(applied_if_accepted);
}

fn fixture() -> PartnershipRecord {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/record.json"
    ))
    .unwrap();
    PartnershipRecord::from_json(&json).unwrap()
}

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

fn call(record: &PartnershipRecord, day: u32) -> ContactRecord {
    ContactRecord::try_from(ContactRecordParts {
        id: ContactRecordId::random(),
        date: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
        channel: Channel::Phone,
        participants: vec![PartyRef::Carer {
            id: record.carers()[0].id(),
        }],
        summary: Sensitive::new("Joanne rang about Ruby's new inhaler".into()),
        agreed_actions: vec![],
    })
    .unwrap()
}

#[test]
fn a_change_by_someone_outside_the_team_is_refused() {
    let mut record = fixture();
    let before = record.clone();
    // A carer's id, and an id nobody has: neither is a professional in the record.
    for by in [
        ProfessionalId::from(*record.carers()[0].id().as_uuid()),
        ProfessionalId::random(),
    ] {
        let err = record
            .apply(Change::RecordContact(call(&record, 23)), by, at(23, 12))
            .unwrap_err();
        assert_eq!(err.problems.len(), 1, "{err}");
        assert_eq!(err.problems[0].pointer, "/provenance/0/by");
        assert!(matches!(
            err.problems[0].rule,
            Rule::WrongKindOfParty | Rule::DanglingReference
        ));
        assert_eq!(record, before);
    }
}

#[test]
fn extreme_times_never_panic() {
    let mut record = fixture();
    let by = record.professionals()[0].id;
    for at in [DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MIN_UTC] {
        let _ = record
            .clone()
            .apply(Change::RecordContact(call(&record, 23)), by, at);
    }
    assert_eq!(
        partnership_core::uk_date(DateTime::<Utc>::MAX_UTC),
        DateTime::<Utc>::MAX_UTC.date_naive()
    );
    record
        .apply(Change::RecordContact(call(&record, 23)), by, at(23, 12))
        .unwrap();
}

#[test]
fn a_backdated_change_is_refused() {
    let mut record = fixture();
    let by = record.professionals()[0].id;
    record
        .apply(Change::RecordContact(call(&record, 23)), by, at(23, 12))
        .unwrap();
    let before = record.clone();
    let err = record
        .apply(Change::RecordContact(call(&record, 23)), by, at(23, 11))
        .unwrap_err();
    assert_eq!(err.problems[0].rule, Rule::ChangeOutOfOrder);
    assert_eq!(err.problems[0].pointer, "/provenance/1/at");
    assert_eq!(record, before);
    // The same check holds for a record read from a partner's file: a provenance
    // reordered by hand is refused.
    let mut parts = record.clone().into_parts();
    let mut earlier = parts.provenance[0];
    earlier.at = at(22, 9);
    parts.provenance.push(earlier);
    let err = PartnershipRecord::try_from(parts).unwrap_err();
    assert_eq!(err.problems[0].rule, Rule::ChangeOutOfOrder);
}

#[test]
fn a_consent_event_in_the_future_is_refused() {
    let mut record = fixture();
    let by = record.professionals()[0].id;
    let consent = &record.consents()[0];
    let event = ConsentEvent {
        kind: ConsentEventKind::Withdrawn,
        at: at(30, 9),
        by: consent.given_by().party(consent.child()),
        valid_until: None,
        recorded_by: Some(by),
    };
    let change = Change::RecordConsentEvent {
        consent: consent.id(),
        event,
    };
    let next = record.consents()[0].events().len();
    let before = record.clone();
    let err = record.apply(change, by, at(23, 12)).unwrap_err();
    assert_eq!(err.problems[0].rule, Rule::DatedAfterChange);
    assert_eq!(
        err.problems[0].pointer,
        format!("/consents/0/events/{next}/at")
    );
    assert_eq!(record, before);
}

#[test]
fn a_future_date_deep_in_an_added_history_is_refused() {
    let mut record = fixture();
    let by = record.professionals()[0].id;
    let mum = record.carers()[0].id();
    let goal = partnership_goals::SharedGoal::try_from(partnership_goals::SharedGoalParts {
        id: partnership_core::GoalId::random(),
        child: record.child().id(),
        area: partnership_goals::OutcomeArea::CommunicationAndLanguage,
        description: Sensitive::new("Ruby asks for help with words".into()),
        measure: None,
        created_on: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        target_date: None,
        childs_view: None,
        responsibilities: vec![],
        agreements: vec![partnership_goals::CarerAgreement {
            carer: mum,
            // Agreed next month, recorded today.
            on: NaiveDate::from_ymd_opt(2026, 12, 20).unwrap(),
        }],
        transitions: vec![],
        progress: vec![],
        milestones: vec![],
        reviews: vec![],
    })
    .unwrap();
    let before = record.clone();
    let err = record
        .apply(Change::AddGoal(goal), by, at(23, 12))
        .unwrap_err();
    assert_eq!(err.problems.len(), 1, "{err}");
    assert_eq!(err.problems[0].rule, Rule::DatedAfterChange);
    assert_eq!(err.problems[0].pointer, "/goals/0/agreements/0/on");
    assert_eq!(record, before);
}

#[test]
fn a_withdrawal_recorded_late_cannot_take_away_a_past_permit() {
    let mut record = fixture();
    let key_worker = record.professionals()[0].id;
    let therapist = record.professionals()[1].id;
    let question = partnership_consent::SharingQuestion::new(
        partnership_core::SharingRequestId::random(),
        record.child().id(),
        key_worker,
        partnership_consent::RecipientRef::professional(therapist),
        partnership_consent::Purpose::EducationSupportPlanning,
        vec![partnership_consent::DataCategory::EducationProgress],
    )
    .unwrap();
    let decided = record.decide(&question, at(23, 10)).unwrap();
    let SharingDecision::Permit {
        basis: PermitBasis::Consent { consents },
        ..
    } = decided.decision()
    else {
        panic!("the fixture's consent covers this question");
    };
    let cited = consents[0];
    let consent = record.consents().iter().find(|c| c.id() == cited).unwrap();
    // The carer withdrew on the 20th, but it is recorded only now: the permit of the
    // 23rd would lose its basis, so the change is refused, and the record says why.
    let late = Change::RecordConsentEvent {
        consent: cited,
        event: ConsentEvent {
            kind: ConsentEventKind::Withdrawn,
            at: at(20, 9),
            by: consent.given_by().party(consent.child()),
            valid_until: None,
            recorded_by: Some(key_worker),
        },
    };
    let before = record.clone();
    let err = record.apply(late, key_worker, at(23, 12)).unwrap_err();
    assert!(
        err.problems
            .iter()
            .any(|p| p.rule == Rule::PermitWithoutBasis
                && p.pointer == "/disclosures/0/decision/basis"),
        "{err}"
    );
    assert_eq!(record, before);
}

#[test]
fn taking_away_parental_responsibility_that_a_consent_rests_on_is_refused() {
    let mut record = fixture();
    let by = record.professionals()[0].id;
    let giver = match &record.consents()[0].given_by() {
        partnership_consent::ConsentGiver::ParentalResponsibility { carer } => *carer,
        other => panic!("the fixture's consent is a parent's: {other:?}"),
    };
    let carer = record.carers().iter().find(|c| c.id() == giver).unwrap();
    let mut parts = carer.clone().into_parts();
    parts.legal_standing = LegalStanding::None;
    let update = Change::UpdateCarer(Carer::try_from(parts).unwrap());
    let before = record.clone();
    let err = record.apply(update, by, at(23, 12)).unwrap_err();
    assert_eq!(
        err.problems[0].rule,
        Rule::ConsentWithoutParentalResponsibility
    );
    assert_eq!(record, before);
}

#[test]
fn a_change_to_something_not_in_the_record_is_refused() {
    let mut record = fixture();
    let by = record.professionals()[0].id;
    let before = record.clone();
    let err = record
        .apply(
            Change::RecordConsentEvent {
                consent: partnership_core::ConsentId::random(),
                event: ConsentEvent {
                    kind: ConsentEventKind::Withdrawn,
                    at: at(20, 9),
                    by: PartyRef::Professional { id: by },
                    valid_until: None,
                    recorded_by: None,
                },
            },
            by,
            at(23, 12),
        )
        .unwrap_err();
    assert_eq!(err.problems[0].pointer, "/provenance/0/subject");
    assert_eq!(err.problems[0].rule, Rule::DanglingReference);
    assert_eq!(
        err.problems[0].message,
        "names a consent that is not in the record"
    );
    assert_eq!(record, before);
}

#[test]
fn a_refusal_never_repeats_what_was_written() {
    let mut record = fixture();
    let by = record.professionals()[0].id;
    let mut contact = call(&record, 23).into_parts();
    contact.date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let contact = ContactRecord::try_from(contact).unwrap();
    // Dated before the last discussion in the log: refused by the log's own rule.
    let err = record
        .apply(Change::RecordContact(contact), by, at(23, 12))
        .unwrap_err();
    assert_eq!(err.problems[0].rule, Rule::InvalidValue);
    assert_eq!(err.problems[0].pointer, "/contactLog/1/date");
    assert!(!err.to_string().contains("Joanne"), "{err}");
    assert!(!err.to_string().contains("inhaler"), "{err}");
}

#[test]
fn the_provenance_says_who_changed_what_and_when() {
    let mut record = fixture();
    let by = record.professionals()[1].id;
    let contact = call(&record, 23);
    let made = record
        .apply(Change::RecordContact(contact.clone()), by, at(23, 12))
        .unwrap();
    assert_eq!(
        made,
        ProvenanceEntry {
            change: ChangeKind::RecordContact,
            subject: *contact.id().as_uuid(),
            by,
            at: at(23, 12),
        }
    );
    let json = record.to_json();
    assert!(json.contains(r#""change": "record-contact""#), "{json}");
    let back = PartnershipRecord::from_json(&json).unwrap();
    assert_eq!(back.provenance(), [made]);
    // A provenance naming a subject the record does not hold is refused on reading.
    let mut parts = back.into_parts();
    parts.provenance[0].subject = uuid::Uuid::nil();
    let err = PartnershipRecord::try_from(parts).unwrap_err();
    assert_eq!(err.problems[0].pointer, "/provenance/0/subject");
}

#[test]
fn a_record_is_opened_only_by_a_professional_of_its_agency() {
    let record = fixture();
    let at = at(23, 9);
    let nursery = record.agencies()[0].clone();
    let mut founder = record.professionals()[0].clone();
    founder.agency = partnership_core::AgencyId::random();
    let err = PartnershipRecord::new(
        partnership_core::RecordId::random(),
        record.child().clone(),
        nursery.clone(),
        founder.clone(),
        at,
    )
    .unwrap_err();
    assert_eq!(err.problems[0].pointer, "/professionals/0/agency");
    assert_eq!(err.problems[0].rule, Rule::DanglingReference);
    // The child's own id is no professional's.
    founder.agency = nursery.id;
    founder.id = ProfessionalId::from(*record.child().id().as_uuid());
    let err = PartnershipRecord::new(
        partnership_core::RecordId::random(),
        record.child().clone(),
        nursery,
        founder,
        at,
    )
    .unwrap_err();
    assert!(
        err.problems.iter().any(|p| p.rule == Rule::DuplicateId),
        "{err}"
    );
}

/// Found by a hostile review: what a change adds must read back, so a summary
/// longer than the reader's limit on a string is refused, not kept.
#[test]
fn a_change_the_reader_could_not_read_back_is_refused() {
    let mut record = fixture();
    let by = record.professionals()[0].id;
    let mut contact = call(&record, 23).into_parts();
    contact.summary = Sensitive::new("a".repeat(2 * 1024 * 1024));
    let contact = ContactRecord::try_from(contact).unwrap();
    let before = record.clone();
    let err = record
        .apply(Change::RecordContact(contact), by, at(23, 12))
        .unwrap_err();
    assert_eq!(err.problems[0].rule, Rule::InputLimit);
    assert_eq!(err.problems[0].pointer, "/contactLog");
    assert_eq!(record, before);
}

/// Found by a hostile review: a restriction decided by someone outside the team,
/// or in the future, and a goal replaced by one that is not in the record.
#[test]
fn a_restriction_and_a_replacement_name_what_the_record_holds() {
    let mut record = fixture();
    let by = record.professionals()[0].id;
    let mum = record.carers()[0].clone();
    let restricted = |decided_by: &str, on: &str| {
        let mut json = serde_json::to_value(&mum).unwrap();
        json["involvement"] = serde_json::json!({
            "kind": "restricted", "reason": "a court order", "decidedBy": decided_by,
            "decidedOn": on, "reconsiderBy": "2027-06-01"
        });
        Change::UpdateCarer(serde_json::from_value(json).unwrap())
    };
    let before = record.clone();
    let carer_id = mum.id().to_string();
    let err = record
        .apply(restricted(&carer_id, "2026-11-20"), by, at(23, 12))
        .unwrap_err();
    assert!(
        err.problems
            .iter()
            .any(|p| p.rule == Rule::WrongKindOfParty
                && p.pointer == "/carers/0/involvement/decidedBy"),
        "{err}"
    );
    let err = record
        .apply(restricted(&by.to_string(), "2027-01-20"), by, at(23, 12))
        .unwrap_err();
    assert_eq!(err.problems[0].rule, Rule::DatedAfterChange);
    assert_eq!(err.problems[0].pointer, "/carers/0/involvement");
    assert_eq!(record, before);

    // The whole record refuses a replacement goal it does not hold.
    let mut json = serde_json::to_value(&record).unwrap();
    json["goals"] = serde_json::json!([{
        "id": "11111111-1111-4111-8111-111111111111",
        "child": record.child().id(), "area": {"kind": "communication-and-language"},
        "description": "Words", "createdOn": "2026-11-01",
        "reviews": [{"on": "2026-11-10", "by": {"kind": "professional", "id": by},
            "decision": {"kind": "replace-with", "goal": "99999999-9999-4999-8999-999999999999", "reason": "x"}}]
    }]);
    let err = PartnershipRecord::from_json(&json.to_string()).unwrap_err();
    assert!(
        err.problems
            .iter()
            .any(|p| p.pointer == "/goals/0/reviews/0/decision/goal"
                && p.rule == Rule::DanglingReference),
        "{err}"
    );
}

/// A scenario's record, as the CLI fixtures hold it.
fn scenario(name: &str) -> PartnershipRecord {
    let path = format!(
        "{}/../../tests/fixtures/scenarios/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    PartnershipRecord::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// Late enough to follow every scenario's last change.
fn december(d: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, d, hour, 0, 0).unwrap()
}

#[test]
fn a_plan_is_revised_only_before_anyone_agrees_to_it() {
    use partnership_goals::SharedGoal;
    let mut record = scenario("speech_delay_nursery");
    let by = record.professionals()[0].id;
    let active = record.goals()[0].clone();

    // The active goal's plan is what the parents agreed to: it stays.
    let before = record.clone();
    let mut plan = active.plan();
    plan.measure = Some(Sensitive::new("Twenty words".into()));
    let revise = Change::ReviseGoalPlan {
        goal: active.id(),
        plan: plan.clone(),
    };
    let err = record.apply(revise, by, december(1, 9)).unwrap_err();
    assert_eq!(err.problems[0].pointer, "/goals/0/transitions");
    assert_eq!(err.problems[0].rule, Rule::InvalidValue);
    assert!(
        err.problems[0].message.contains("a goal review changes it"),
        "{err}"
    );
    assert_eq!(record, before);

    // A new goal's plan is worked out together, until a carer agrees to it.
    let mut parts = active.into_parts();
    parts.id = partnership_core::GoalId::random();
    parts.created_on = day(12, 1);
    parts.target_date = None;
    parts.agreements.clear();
    parts.transitions.clear();
    parts.progress.clear();
    parts.milestones.clear();
    parts.reviews.clear();
    let goal = parts.id;
    record
        .apply(
            Change::AddGoal(SharedGoal::try_from(parts).unwrap()),
            by,
            december(1, 9),
        )
        .unwrap();
    let revise = |plan| Change::ReviseGoalPlan { goal, plan };
    record
        .apply(revise(plan.clone()), by, december(1, 10))
        .unwrap();
    assert_eq!(record.goals()[1].measure(), &plan.measure);
    let carer = record.carers()[0].id();
    record
        .apply(
            Change::AgreeToGoal {
                goal,
                carer,
                on: day(12, 1),
            },
            by,
            december(1, 11),
        )
        .unwrap();
    let err = record.apply(revise(plan), by, december(1, 12)).unwrap_err();
    assert_eq!(err.problems[0].pointer, "/goals/1/agreements");
}

#[test]
fn an_action_is_completed_once_not_before_it_was_agreed() {
    use partnership_carers::AgreedAction;
    let mut record = scenario("language_barrier_interpreter");
    let by = record.professionals()[0].id;
    let done = record.contact_log().as_slice()[0].agreed_actions()[0].id;
    let before = record.clone();

    let err = record
        .apply(
            Change::CompleteAction {
                action: done,
                on: day(12, 1),
            },
            by,
            december(1, 9),
        )
        .unwrap_err();
    assert_eq!(
        err.problems[0].pointer,
        "/contactLog/0/agreedActions/0/completedOn"
    );
    assert!(
        err.problems[0].message.contains("already recorded as done"),
        "{err}"
    );

    let nobody_agreed = partnership_core::ActionId::random();
    let err = record
        .apply(
            Change::CompleteAction {
                action: nobody_agreed,
                on: day(12, 1),
            },
            by,
            december(1, 9),
        )
        .unwrap_err();
    let n = record.provenance().len();
    assert_eq!(err.problems[0].pointer, format!("/provenance/{n}/subject"));
    assert_eq!(err.problems[0].rule, Rule::DanglingReference);
    assert_eq!(record, before);

    // A new action, agreed on 1 December: not done before then, and done once.
    let mut talk = call(&record, 30).into_parts();
    talk.date = day(12, 1);
    let action = partnership_core::ActionId::random();
    talk.agreed_actions.push(AgreedAction {
        id: action,
        description: Sensitive::new("Send the letter in Dari".into()),
        owner: PartyRef::Professional { id: by },
        due_on: day(12, 4),
        completed_on: None,
    });
    let k = record.contact_log().len();
    record
        .apply(
            Change::RecordContact(ContactRecord::try_from(talk).unwrap()),
            by,
            december(1, 9),
        )
        .unwrap();
    let err = record
        .apply(
            Change::CompleteAction {
                action,
                on: day(11, 30),
            },
            by,
            december(1, 10),
        )
        .unwrap_err();
    assert_eq!(
        err.problems[0].pointer,
        format!("/contactLog/{k}/agreedActions/0/completedOn")
    );
    let err = record
        .apply(
            Change::CompleteAction {
                action,
                on: day(12, 3),
            },
            by,
            december(1, 10),
        )
        .unwrap_err();
    assert_eq!(
        err.problems[0].rule,
        Rule::DatedAfterChange,
        "not done yet on the 1st"
    );
    record
        .apply(
            Change::CompleteAction {
                action,
                on: day(12, 3),
            },
            by,
            december(3, 10),
        )
        .unwrap();
    assert!(record.contact_log().overdue_actions(day(12, 23)).is_empty());
}

#[test]
fn the_child_is_updated_only_as_the_same_child_and_the_whole_record_still_holds() {
    use partnership_core::{ChildProfile, ChildView};
    let mut record = scenario("consent_declined_narrowed_withdrawn");
    let by = record.professionals()[0].id;
    let before = record.clone();

    let mut other = record.child().clone().into_parts();
    other.id = partnership_core::ChildId::random();
    let err = record
        .apply(
            Change::UpdateChild(ChildProfile::try_from(other).unwrap()),
            by,
            december(1, 9),
        )
        .unwrap_err();
    assert_eq!(err.problems[0].rule, Rule::DanglingReference);

    // Born five years earlier, Ruby would have been seventeen when her mother's
    // consent was relied on, and a carer's consent alone never covers a young person
    // of sixteen: what was decided then no longer fits, so nothing changes.
    let mut younger = record.child().clone().into_parts();
    younger.date_of_birth = younger.date_of_birth.with_year(2009).unwrap();
    let err = record
        .apply(
            Change::UpdateChild(ChildProfile::try_from(younger).unwrap()),
            by,
            december(1, 9),
        )
        .unwrap_err();
    assert!(
        err.problems
            .iter()
            .any(|p| p.pointer.starts_with("/disclosures/")),
        "{err}"
    );
    assert_eq!(record, before);

    let mut heard = record.child().clone().into_parts();
    heard.views.push(ChildView {
        recorded_on: day(12, 1),
        recorded_by: PartyRef::Professional { id: by },
        aids: vec![],
        view: Sensitive::new("Wants to talk to Mrs Ward, not the psychologist".into()),
    });
    let view = Change::UpdateChild(ChildProfile::try_from(heard).unwrap());
    let err = record.apply(
        view.clone(),
        by,
        Utc.with_ymd_and_hms(2026, 11, 30, 22, 0, 0).unwrap(),
    );
    assert_eq!(
        err.unwrap_err().problems[0].pointer,
        format!("/child/views/{}/recordedOn", record.child().views().len())
    );
    record.apply(view, by, december(1, 9)).unwrap();
    assert_eq!(
        record.provenance().last().unwrap().change,
        ChangeKind::UpdateChild
    );
}

#[test]
fn a_barrier_is_resolved_only_once_a_mitigation_was_seen_to_help() {
    use partnership_barriers::{
        Barrier, BarrierKind, BarrierParts, BarrierStatus, Effectiveness, EffectivenessReview,
        MitigationAttempt, MitigationStrategy, Severity, StatusChange,
    };
    let mut record = scenario("speech_delay_nursery");
    let by = record.professionals()[0].id;
    let me = PartyRef::Professional { id: by };
    let barrier = partnership_core::BarrierId::random();
    let added = Barrier::try_from(BarrierParts {
        id: barrier,
        kind: BarrierKind::TimeAndWorkPatterns,
        affects: vec![record.carers()[0].id()],
        goals: vec![],
        identified_by: me,
        identified_on: day(12, 1),
        description: Sensitive::new("Shifts clash with pick-up".into()),
        severity: Severity::Medium,
        owner: None,
        mitigations: vec![],
        history: vec![],
    })
    .unwrap();
    record
        .apply(Change::AddBarrier(added), by, december(1, 9))
        .unwrap();
    let b = record.barriers().len() - 1;
    record
        .apply(
            Change::AssignBarrierOwner {
                barrier,
                owner: me,
                since: day(12, 1),
            },
            by,
            december(1, 9),
        )
        .unwrap();
    let mitigation = partnership_core::MitigationId::random();
    let attempt = MitigationAttempt {
        id: mitigation,
        strategy: MitigationStrategy::FlexibleMeetingTimes,
        started_on: day(12, 1),
        by: me,
        review: None,
    };
    record
        .apply(
            Change::StartMitigation {
                barrier,
                mitigation: attempt,
            },
            by,
            december(1, 10),
        )
        .unwrap();
    let resolve = Change::ChangeBarrierStatus {
        barrier,
        change: StatusChange::to(BarrierStatus::Resolved, day(12, 8), me),
    };
    let err = record
        .apply(resolve.clone(), by, december(8, 9))
        .unwrap_err();
    assert!(
        err.problems[0]
            .pointer
            .starts_with(&format!("/barriers/{b}")),
        "{err}"
    );
    let review = EffectivenessReview {
        on: day(12, 8),
        by: me,
        outcome: Effectiveness::Helped,
        note: None,
    };
    let reviewed = Change::ReviewMitigation {
        barrier,
        mitigation,
        review,
    };
    record.apply(reviewed.clone(), by, december(8, 9)).unwrap();
    let err = record.apply(reviewed, by, december(8, 10)).unwrap_err();
    assert_eq!(
        err.problems[0].pointer,
        format!("/barriers/{b}/mitigations/0/review")
    );
    record.apply(resolve, by, december(8, 10)).unwrap();
    assert_eq!(
        record.barriers().as_slice()[b].status(),
        BarrierStatus::Resolved
    );
}

#[test]
fn a_decision_cannot_rest_on_a_change_recorded_after_it() {
    use partnership_consent::{DataCategory, Purpose, RecipientRef, SharingQuestion};
    let mut record = scenario("speech_delay_nursery");
    let last = record.provenance().last().unwrap().at;
    let question = SharingQuestion::new(
        partnership_core::SharingRequestId::random(),
        record.child().id(),
        record.professionals()[0].id,
        RecipientRef::professional(record.professionals()[1].id),
        Purpose::EducationSupportPlanning,
        vec![DataCategory::EducationProgress],
    )
    .unwrap();
    let before = record.clone();
    let err = record
        .decide(&question, last - chrono::Duration::minutes(1))
        .unwrap_err();
    assert!(
        matches!(err, DecisionError::BeforeLastChange { last: l } if l == last),
        "{err}"
    );
    assert_eq!(record, before);
    record.decide(&question, last).unwrap();
}

#[test]
fn a_change_cannot_be_dated_before_the_last_decision_or_record_a_birth_to_come() {
    use partnership_core::ChildProfile;
    let mut record = scenario("consent_declined_narrowed_withdrawn");
    let by = record.professionals()[0].id;
    let last = record.disclosures().last_recorded_at().unwrap();
    let before = record.clone();
    let late = record
        .apply(
            Change::RecordContact(call(&record, 9)),
            by,
            last - chrono::Duration::minutes(1),
        )
        .unwrap_err();
    assert_eq!(late.problems[0].rule, Rule::ChangeOutOfOrder, "{late}");
    assert!(late.problems[0].pointer.ends_with("/at"));

    let mut unborn = record.child().clone().into_parts();
    unborn.views.clear();
    unborn.date_of_birth = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
    let err = record
        .apply(
            Change::UpdateChild(ChildProfile::try_from(unborn).unwrap()),
            by,
            december(1, 9),
        )
        .unwrap_err();
    assert_eq!(err.problems[0].pointer, "/child/dateOfBirth");
    assert_eq!(err.problems[0].rule, Rule::DatedAfterChange);
    assert_eq!(record, before);
}

#[test]
fn a_winter_evening_is_not_tomorrow() {
    use partnership_goals::Milestone;
    let mut record = scenario("speech_delay_nursery");
    let by = record.professionals()[0].id;
    let goal = record.goals()[0].id();
    let milestone = Milestone {
        id: partnership_core::MilestoneId::random(),
        on: day(12, 2),
        noticed_by: PartyRef::Professional { id: by },
        description: Sensitive::new("Said 'more please' at lunch".into()),
    };
    let change = Change::CelebrateMilestone { goal, milestone };
    // 23:30 UTC on 1 December is 23:30 in England: still the 1st.
    let evening = Utc.with_ymd_and_hms(2026, 12, 1, 23, 30, 0).unwrap();
    let err = record.apply(change.clone(), by, evening).unwrap_err();
    assert_eq!(err.problems[0].rule, Rule::DatedAfterChange);
    record
        .apply(change, by, evening + chrono::Duration::hours(1))
        .unwrap();
}
