//! The carer as the child's advocate: complaints and appeals with their deadlines
//! (Children Act 1989 Representations Procedure (England) Regulations 2006; Children
//! and Families Act 2014 ss.51-55; Tribunal Procedure (HESC) Rules 2008 r.20(1)), the
//! advocacy support they have or were offered (CFA 2014 s.32), and their requests
//! for reasonable adjustments (Equality Act 2010 s.20), in the record: checked
//! against the team, dated no later than they were recorded, changed only by
//! adding, due in `due` and raised in the practice report.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use partnership::carers::{Carer, SupportItem, SupportKind, SupportStatus};
use partnership::chrono::{NaiveDate, TimeZone, Utc};
use partnership::core::{CarerId, ProfessionalId, RedressId, SupportId};
use partnership::record::{
    Change, ChangeKind, DueKind, FindingCode, PartnershipRecord, Rule, due_items,
};
use partnership::reviews::{ComplaintStage, Redress, RedressParts, RedressRoute, WorkingCalendar};
use serde_json::{Value, json};

mod common;
use common::problems;

const MUM: &str = "6f1b0c2e-4d8a-4a7e-9b3f-1c2d3e4f5a6b";
const NURSERY: &str = "3e0a7b2c-8d4f-4e1a-9b6c-5d4e3f2a1b0c";
const KEY_WORKER: &str = "2d9c6a1e-7f3b-4c8d-9e0a-1b2c3d4e5f60";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn record() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/record.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn read(json: &Value) -> PartnershipRecord {
    PartnershipRecord::from_json(&json.to_string()).unwrap()
}

fn codes(record: &PartnershipRecord, on: NaiveDate) -> Vec<FindingCode> {
    record
        .practice_report(on)
        .findings
        .iter()
        .map(|f| f.code)
        .collect()
}

fn appeal(decision_sent_on: &str) -> Value {
    json!({
        "id": "00000000-0000-4000-8000-00000000a001",
        "carer": MUM,
        "route": {"kind": "tribunal-appeal", "decisionSentOn": decision_sent_on}
    })
}

/// A stage 1 complaint received on Monday 2 November 2026 is due a response in ten
/// working days (reg 14): Monday 16 November. Unanswered after that, the report
/// says so with the regulation, the due list shows it, and an answer ends both.
#[test]
fn a_complaint_unanswered_past_its_deadline_is_a_concern() {
    let mut json = record();
    json["complaintsAndAppeals"] = json!([{
        "id": "00000000-0000-4000-8000-00000000a002",
        "carer": MUM,
        "route": {"kind": "social-care-complaint", "stage": "local-resolution", "receivedOn": "2026-11-02"}
    }]);
    let record = read(&json);
    let calendar = WorkingCalendar::england_and_wales();
    let due = due_items(std::slice::from_ref(&record), d(2026, 11, 20), 0, &calendar);
    let complaint = due
        .iter()
        .find(|x| x.kind == DueKind::ComplaintResponse)
        .unwrap();
    assert_eq!(complaint.due, d(2026, 11, 16));
    assert_eq!(complaint.days_overdue, 4);
    assert_eq!(complaint.pointer, "/complaintsAndAppeals/0");

    let report = record.practice_report(d(2026, 11, 20));
    let finding = report
        .findings
        .iter()
        .find(|f| f.code == FindingCode::ComplaintResponseOverdue)
        .unwrap();
    assert!(
        finding.explanation.contains("reg 14"),
        "{}",
        finding.explanation
    );
    assert!(finding.explanation.contains("2026-11-16"));
    assert!(!finding.explanation.contains("Samira"));
    // On the deadline itself nothing is late yet.
    assert!(!codes(&record, d(2026, 11, 16)).contains(&FindingCode::ComplaintResponseOverdue));

    json["complaintsAndAppeals"][0]["route"]["respondedOn"] = json!("2026-11-18");
    let answered = read(&json);
    assert!(!codes(&answered, d(2026, 11, 20)).contains(&FindingCode::ComplaintResponseOverdue));
    assert!(
        due_items(&[answered], d(2026, 11, 20), 0, &calendar)
            .iter()
            .all(|x| x.kind != DueKind::ComplaintResponse)
    );
}

/// An appeal about more than the school named waits on a mediation certificate
/// (CFA 2014 s.55(3)); the last day is two months from the decision letter
/// (HESC Rules r.20(1)); and a carer appealing without advocacy support recorded is
/// pointed to the SEND information, advice and support service (s.32).
#[test]
fn an_appeal_is_prepared_for_with_mediation_advice_and_advocacy() {
    let mut json = record();
    json["complaintsAndAppeals"] = json!([appeal("2026-10-01")]);
    let record = read(&json);
    let on = d(2026, 11, 20);
    let found = codes(&record, on);
    assert!(
        found.contains(&FindingCode::AppealNeedsMediationAdvice),
        "{found:?}"
    );
    assert!(
        found.contains(&FindingCode::AppealDeadlineNear),
        "{found:?}"
    );
    assert!(
        found.contains(&FindingCode::AdvocacyNotOffered),
        "{found:?}"
    );
    let due = due_items(
        std::slice::from_ref(&record),
        on,
        28,
        &WorkingCalendar::england_and_wales(),
    );
    let last_day = due
        .iter()
        .find(|x| x.kind == DueKind::AppealDeadline)
        .unwrap();
    assert_eq!(last_day.due, d(2026, 12, 1));

    // A certificate issued on 20 November moves the last day to 20 December, out of
    // the near window; the advocacy finding stays until support is recorded.
    json["complaintsAndAppeals"][0]["route"]["mediationCertificateIssuedOn"] = json!("2026-11-20");
    let certified = read(&json);
    let found = codes(&certified, on);
    assert!(!found.contains(&FindingCode::AppealNeedsMediationAdvice));
    assert!(!found.contains(&FindingCode::AppealDeadlineNear));
    assert!(found.contains(&FindingCode::AdvocacyNotOffered));

    json["carers"][0]["support"] = json!([{
        "id": "00000000-0000-4000-8000-00000000a003",
        "kind": {"kind": "advocacy", "service": {"kind": "send-information-advice-and-support"}},
        "status": "offered", "identifiedOn": "2026-11-05", "statusSince": "2026-11-05"
    }]);
    assert!(!codes(&read(&json), on).contains(&FindingCode::AdvocacyNotOffered));
}

/// Every reference resolves to the right kind of party, ids are unique, and a
/// history the law rules out is refused at its field.
#[test]
fn complaints_and_appeals_fit_the_record() {
    let mut json = record();
    json["complaintsAndAppeals"] = json!([
        {"id": "00000000-0000-4000-8000-00000000a004", "carer": KEY_WORKER,
         "route": {"kind": "agency-complaint", "agency": MUM, "receivedOn": "2026-11-02"}},
        appeal("2026-10-01"),
        appeal("2026-10-02")
    ]);
    let mut found = problems(&json);
    found.sort();
    assert_eq!(
        found,
        vec![
            // A professional's id as the carer, a carer's as the agency.
            (
                "/complaintsAndAppeals/0/carer".to_owned(),
                Rule::WrongKindOfParty
            ),
            (
                "/complaintsAndAppeals/0/route/agency".to_owned(),
                Rule::WrongKindOfParty
            ),
            ("/complaintsAndAppeals/2/id".to_owned(), Rule::DuplicateId),
        ]
    );

    // Lodged without a certificate, and about more than the school named.
    let mut json = record();
    let mut lodged = appeal("2026-10-01");
    lodged["route"]["lodgedOn"] = json!("2026-11-02");
    json["complaintsAndAppeals"] = json!([lodged]);
    assert_eq!(
        problems(&json),
        vec![(
            "/complaintsAndAppeals/0/route/mediationCertificateIssuedOn".to_owned(),
            Rule::InvalidValue
        )]
    );
    json["complaintsAndAppeals"][0]["route"]["onlyAboutTheSchoolNamed"] = json!(true);
    assert_eq!(problems(&json), vec![]);
}

fn change_time(day: u32) -> partnership::chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 12, 0, 0)
        .single()
        .unwrap()
}

fn complaint(id: RedressId, carer: CarerId, responded_on: Option<NaiveDate>) -> Redress {
    Redress::try_from(RedressParts {
        id,
        carer,
        route: RedressRoute::SocialCareComplaint {
            stage: ComplaintStage::Investigation,
            received_on: d(2026, 11, 2),
            extended: false,
            responded_on,
        },
    })
    .unwrap()
}

/// A complaint is recorded through `apply`, no later than it happened, and then
/// changes only by adding what has happened since.
#[test]
fn a_complaint_is_changed_only_by_adding() {
    let mut record = read(&record());
    let by: ProfessionalId = KEY_WORKER.parse().unwrap();
    let mum: CarerId = MUM.parse().unwrap();
    let id = RedressId::random();

    // Received after the change that records it: not a fact yet.
    let early = record
        .apply(
            Change::AddComplaintOrAppeal(complaint(id, mum, None)),
            by,
            Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0)
                .single()
                .unwrap(),
        )
        .unwrap_err();
    assert_eq!(
        early.problems[0].pointer,
        "/complaintsAndAppeals/0/route/receivedOn"
    );
    assert_eq!(early.problems[0].rule, Rule::DatedAfterChange);

    let made = record
        .apply(
            Change::AddComplaintOrAppeal(complaint(id, mum, None)),
            by,
            change_time(3),
        )
        .unwrap();
    assert_eq!(made.change, ChangeKind::AddComplaintOrAppeal);

    // The same id twice is refused.
    let twice = record
        .apply(
            Change::AddComplaintOrAppeal(complaint(id, mum, None)),
            by,
            change_time(4),
        )
        .unwrap_err();
    assert_eq!(twice.problems[0].rule, Rule::DuplicateId);

    // The response, once it has happened, is added.
    let answered = complaint(id, mum, Some(d(2026, 11, 20)));
    let too_soon = record
        .apply(
            Change::UpdateComplaintOrAppeal(answered.clone()),
            by,
            change_time(19),
        )
        .unwrap_err();
    assert_eq!(
        too_soon.problems[0].pointer,
        "/complaintsAndAppeals/0/route/respondedOn"
    );
    record
        .apply(
            Change::UpdateComplaintOrAppeal(answered),
            by,
            change_time(20),
        )
        .unwrap();

    // Rewriting the response day, or taking it away, is refused; the record keeps
    // what it had.
    let before = record.clone();
    for rewrite in [
        complaint(id, mum, Some(d(2026, 11, 19))),
        complaint(id, mum, None),
    ] {
        let err = record
            .apply(
                Change::UpdateComplaintOrAppeal(rewrite),
                by,
                change_time(21),
            )
            .unwrap_err();
        assert_eq!(
            err.problems[0].pointer,
            "/complaintsAndAppeals/0/route/respondedOn"
        );
        assert_eq!(record, before);
    }

    // An update to a complaint the record does not hold names nothing.
    let stranger = record
        .apply(
            Change::UpdateComplaintOrAppeal(complaint(RedressId::random(), mum, None)),
            by,
            change_time(21),
        )
        .unwrap_err();
    assert_eq!(stranger.problems[0].rule, Rule::DanglingReference);

    // And a complaint by someone who is not a carer in the record is refused.
    let nobody = record
        .apply(
            Change::AddComplaintOrAppeal(complaint(RedressId::random(), CarerId::random(), None)),
            by,
            change_time(21),
        )
        .unwrap_err();
    assert_eq!(nobody.problems[0].pointer, "/complaintsAndAppeals/1/carer");
    // The record written out reads back as it is.
    assert_eq!(
        PartnershipRecord::from_json(&record.to_json()).unwrap(),
        record
    );
}

/// Advocacy support recorded on the carer through `apply` clears the finding.
#[test]
fn advocacy_offered_through_a_change_is_seen() {
    let mut json = record();
    json["complaintsAndAppeals"] = json!([appeal("2026-10-01")]);
    let mut record = read(&json);
    let on = d(2026, 11, 20);
    assert!(codes(&record, on).contains(&FindingCode::AdvocacyNotOffered));
    let mut mum = record.carers()[0].clone().into_parts();
    mum.support.push(SupportItem {
        id: SupportId::random(),
        kind: SupportKind::Advocacy {
            service: partnership::carers::AdvocacyService::IndependentAdvocate,
        },
        status: SupportStatus::Accepted,
        identified_on: d(2026, 11, 10),
        status_since: d(2026, 11, 12),
        note: None,
    });
    let by: ProfessionalId = KEY_WORKER.parse().unwrap();
    record
        .apply(
            Change::UpdateCarer(Carer::try_from(mum).unwrap()),
            by,
            change_time(20),
        )
        .unwrap();
    assert!(!codes(&record, on).contains(&FindingCode::AdvocacyNotOffered));
}

/// A request for a reasonable adjustment names an agency of the team and, when it
/// says so, the professional who decided; one unanswered for more than four weeks
/// is raised, without the words of the request (which may say what the disability
/// is).
#[test]
fn a_reasonable_adjustment_request_is_answered_or_raised() {
    let mut json = record();
    json["carers"][0]["adjustments"] = json!([{
        "id": "00000000-0000-4000-8000-00000000a005",
        "neededBy": "carer",
        "agency": NURSERY,
        "adjustment": "Meetings on the ground floor: I use a wheelchair",
        "requestedOn": "2026-10-01"
    }]);
    let asked = read(&json);
    let report = asked.practice_report(d(2026, 10, 29));
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.code != FindingCode::AdjustmentAwaitingDecision),
        "28 days is not yet too long"
    );
    let report = asked.practice_report(d(2026, 10, 30));
    let finding = report
        .findings
        .iter()
        .find(|f| f.code == FindingCode::AdjustmentAwaitingDecision)
        .unwrap();
    assert_eq!(finding.about, vec!["/carers/0/adjustments/0".to_owned()]);
    assert!(!finding.explanation.contains("wheelchair"));
    assert!(!report.to_text().contains("wheelchair"));
    assert!(!format!("{asked:?}").contains("wheelchair"));

    json["carers"][0]["adjustments"][0]["outcome"] = json!({
        "decision": "agreed", "decidedOn": "2026-10-08", "decidedBy": KEY_WORKER,
        "inPlaceFrom": "2026-10-15"
    });
    assert!(
        read(&json)
            .practice_report(d(2026, 10, 30))
            .findings
            .iter()
            .all(|f| f.code != FindingCode::AdjustmentAwaitingDecision)
    );

    // A carer's id as the agency, an agency's as the professional, then ids that
    // are nobody's.
    json["carers"][0]["adjustments"][0]["agency"] = json!(MUM);
    json["carers"][0]["adjustments"][0]["outcome"]["decidedBy"] = json!(NURSERY);
    let at = |field: &str| format!("/carers/0/adjustments/0/{field}");
    let mut found = problems(&json);
    found.sort();
    assert_eq!(
        found,
        vec![
            (at("agency"), Rule::WrongKindOfParty),
            (at("outcome/decidedBy"), Rule::WrongKindOfParty),
        ]
    );
    let nobody = json!("00000000-0000-4000-8000-00000000beef");
    json["carers"][0]["adjustments"][0]["agency"] = nobody.clone();
    json["carers"][0]["adjustments"][0]["outcome"]["decidedBy"] = nobody;
    let mut found = problems(&json);
    found.sort();
    assert_eq!(
        found,
        vec![
            (at("agency"), Rule::DanglingReference),
            (at("outcome/decidedBy"), Rule::DanglingReference),
        ]
    );

    // Put in place though refused: a contradiction, at its field.
    let mut json = record();
    json["carers"][0]["adjustments"] = json!([{
        "id": "00000000-0000-4000-8000-00000000a005",
        "neededBy": "child", "agency": NURSERY, "adjustment": "A quiet room",
        "requestedOn": "2026-10-01",
        "outcome": {"decision": "refused", "decidedOn": "2026-10-08", "inPlaceFrom": "2026-10-15"}
    }]);
    assert_eq!(
        problems(&json),
        vec![(
            "/carers/0/adjustments/0/outcome/inPlaceFrom".to_owned(),
            Rule::InvalidValue
        )]
    );
}

/// At the ends of the calendar nothing panics: a deadline past the working-day
/// calendar's range, or past the last representable date, is simply not listed.
#[test]
fn deadlines_at_the_ends_of_the_calendar_do_not_break_anything() {
    let mut json = record();
    json["complaintsAndAppeals"] = json!([
        {"id": "00000000-0000-4000-8000-00000000a011", "carer": MUM,
         "route": {"kind": "social-care-complaint", "stage": "investigation",
                   "receivedOn": "2100-12-30", "extended": true}},
        {"id": "00000000-0000-4000-8000-00000000a012", "carer": MUM,
         "route": {"kind": "tribunal-appeal", "decisionSentOn": "9999-12-30"}},
        {"id": "00000000-0000-4000-8000-00000000a013", "carer": MUM,
         "route": {"kind": "agency-complaint", "agency": NURSERY,
                   "receivedOn": "0001-01-01", "respondBy": "0001-01-02"}}
    ]);
    let record = read(&json);
    let calendar = WorkingCalendar::england_and_wales();
    for on in [
        d(1, 1, 1),
        d(2026, 11, 20),
        d(2100, 12, 31),
        d(9999, 12, 31),
    ] {
        let _ = record.practice_report(on).to_text();
        let _ = due_items(std::slice::from_ref(&record), on, 3660, &calendar);
    }
    // The agency's date long past is overdue, as any other.
    assert!(codes(&record, d(2026, 11, 20)).contains(&FindingCode::ComplaintResponseOverdue));
}

/// An update may not turn a complaint into something else, give it to another
/// carer, or take back an extension.
#[test]
fn an_update_cannot_rewrite_who_or_how() {
    let mut json = record();
    json["carers"][1] = json["carers"][0].clone();
    json["carers"][1]["id"] = json!("00000000-0000-4000-8000-00000000a020");
    json["carers"][1]["primaryContact"] = json!(false);
    let mut record = read(&json);
    let by: ProfessionalId = KEY_WORKER.parse().unwrap();
    let mum: CarerId = MUM.parse().unwrap();
    let other: CarerId = "00000000-0000-4000-8000-00000000a020".parse().unwrap();
    let id = RedressId::random();
    let made = |carer, route| Redress::try_from(RedressParts { id, carer, route }).unwrap();
    let stage_two = |extended| RedressRoute::SocialCareComplaint {
        stage: ComplaintStage::Investigation,
        received_on: d(2026, 11, 2),
        extended,
        responded_on: None,
    };
    record
        .apply(
            Change::AddComplaintOrAppeal(made(mum, stage_two(true))),
            by,
            change_time(3),
        )
        .unwrap();
    let before = record.clone();
    let refused_at = |record: &mut PartnershipRecord, redress| {
        let err = record
            .apply(Change::UpdateComplaintOrAppeal(redress), by, change_time(4))
            .unwrap_err();
        err.problems[0].pointer.clone()
    };
    assert_eq!(
        refused_at(&mut record, made(other, stage_two(true))),
        "/complaintsAndAppeals/0/carer"
    );
    assert_eq!(
        refused_at(&mut record, made(mum, stage_two(false))),
        "/complaintsAndAppeals/0/route/extended"
    );
    let appeal = RedressRoute::TribunalAppeal {
        decision_sent_on: d(2026, 11, 2),
        only_about_the_school_named: false,
        mediation_certificate_issued_on: None,
        lodged_on: None,
    };
    assert_eq!(
        refused_at(&mut record, made(mum, appeal)),
        "/complaintsAndAppeals/0/route/kind"
    );
    let stage_three = RedressRoute::SocialCareComplaint {
        stage: ComplaintStage::ReviewPanel,
        received_on: d(2026, 11, 2),
        extended: false,
        responded_on: None,
    };
    assert_eq!(
        refused_at(&mut record, made(mum, stage_three)),
        "/complaintsAndAppeals/0/route/stage"
    );
    assert_eq!(record, before);
}

/// A report or due list as of a past day reads complaints as they stood that day:
/// a response, a certificate or a lodging recorded later is not yet known, and a
/// complaint not yet received is not due. (Found by a hostile review.)
#[test]
fn complaints_are_read_as_they_stood_on_the_day() {
    let calendar = WorkingCalendar::england_and_wales();
    let mut json = record();
    json["complaintsAndAppeals"] = json!([{
        "id": "00000000-0000-4000-8000-00000000a030", "carer": MUM,
        "route": {"kind": "social-care-complaint", "stage": "local-resolution",
                  "receivedOn": "2026-11-02", "respondedOn": "2026-11-25"}
    }]);
    let answered_later = read(&json);
    let on = d(2026, 11, 20);
    assert!(codes(&answered_later, on).contains(&FindingCode::ComplaintResponseOverdue));
    assert!(
        due_items(std::slice::from_ref(&answered_later), on, 0, &calendar)
            .iter()
            .any(|x| x.kind == DueKind::ComplaintResponse)
    );
    assert!(
        !codes(&answered_later, d(2026, 11, 26)).contains(&FindingCode::ComplaintResponseOverdue)
    );

    let mut lodged = appeal("2026-10-01");
    lodged["route"]["mediationCertificateIssuedOn"] = json!("2026-11-25");
    lodged["route"]["lodgedOn"] = json!("2026-12-10");
    json["complaintsAndAppeals"] = json!([lodged]);
    let appeal_then = read(&json);
    let found = codes(&appeal_then, on);
    assert!(
        found.contains(&FindingCode::AppealNeedsMediationAdvice),
        "{found:?}"
    );
    assert!(
        due_items(std::slice::from_ref(&appeal_then), on, 28, &calendar)
            .iter()
            .any(|x| x.kind == DueKind::AppealDeadline && x.due == d(2026, 12, 1))
    );

    json["complaintsAndAppeals"] = json!([{
        "id": "00000000-0000-4000-8000-00000000a031", "carer": MUM,
        "route": {"kind": "social-care-complaint", "stage": "local-resolution", "receivedOn": "2026-12-01"}
    }]);
    let not_yet = read(&json);
    assert!(
        due_items(std::slice::from_ref(&not_yet), on, 60, &calendar)
            .iter()
            .all(|x| x.kind != DueKind::ComplaintResponse)
    );
}

/// Advocacy only identified as a need has not been offered; and a relationship
/// written in words (which may hold a name) is not repeated in a finding.
#[test]
fn advocacy_must_be_offered_and_words_stay_out_of_findings() {
    let mut json = record();
    json["complaintsAndAppeals"] = json!([appeal("2026-10-01")]);
    json["carers"][0]["support"] = json!([{
        "id": "00000000-0000-4000-8000-00000000a032",
        "kind": {"kind": "advocacy", "service": {"kind": "independent-advocate"}},
        "status": "identified", "identifiedOn": "2026-11-05", "statusSince": "2026-11-05"
    }]);
    let on = d(2026, 11, 20);
    assert!(codes(&read(&json), on).contains(&FindingCode::AdvocacyNotOffered));
    json["carers"][0]["support"][0]["status"] = json!("offered");
    assert!(!codes(&read(&json), on).contains(&FindingCode::AdvocacyNotOffered));

    json["carers"][0]["relationship"] =
        json!({"kind": "other", "label": "Aisha Khan, family friend"});
    json["carers"][0]["legalStanding"] = json!({"kind": "none"});
    let Ok(record) = PartnershipRecord::from_json(&json.to_string()) else {
        return;
    };
    let text = record.practice_report(on).to_text();
    assert!(!text.contains("Aisha"), "{text}");
}
