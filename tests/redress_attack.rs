//! Hostile tests of complaints and appeals, their updates through `apply`, the due
//! list and practice report, and carers' reasonable-adjustment requests.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use partnership::carers::{
    AdjustmentDecision, AdjustmentFor, AdjustmentOutcome, AdjustmentRequest, Carer,
};
use partnership::chrono::{DateTime, NaiveDate, TimeZone, Utc};
use partnership::core::{
    AdjustmentId, AgencyId, CarerId, Label, ProfessionalId, RedressId, Sensitive,
};
use partnership::record::{Change, DueKind, PartnershipRecord, Rule, due_items};
use partnership::reviews::{ComplaintStage, Redress, RedressParts, RedressRoute, WorkingCalendar};
use serde_json::{Value, json};
use std::panic::{AssertUnwindSafe, catch_unwind};

mod common;
use common::problems;

const MUM: &str = "6f1b0c2e-4d8a-4a7e-9b3f-1c2d3e4f5a6b";
const DAD: &str = "7a2c1d3f-5e9b-4b8f-8c40-2d3e4f5a6b7c";
const NURSERY: &str = "3e0a7b2c-8d4f-4e1a-9b6c-5d4e3f2a1b0c";
const KEY_WORKER: &str = "2d9c6a1e-7f3b-4c8d-9e0a-1b2c3d4e5f60";
const CHILD: &str = "5b0c2f0e-8d43-4c55-9f0e-0d6b2a7c1e11";
const RECORD: &str = "4f1b8c3d-9e5a-4f2b-8c7d-6e5f4a3b2c1d";
const PERSONAL: [&str; 5] = ["Samira", "Ahmed", "Yusuf", "Layla", "Priya"];

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

fn at(y: i32, m: u32, day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, day, 12, 0, 0).single().unwrap()
}

fn by() -> ProfessionalId {
    KEY_WORKER.parse().unwrap()
}

fn mum() -> CarerId {
    MUM.parse().unwrap()
}

fn with_redress(entries: Value) -> Value {
    let mut json = record();
    json["complaintsAndAppeals"] = entries;
    json
}

/// Reads a record, asserting no panic; returns the full error messages as well.
fn outcome(json: &str) -> Result<PartnershipRecord, Vec<(String, Rule, String)>> {
    let r = catch_unwind(|| PartnershipRecord::from_json(json));
    match r {
        Err(_) => panic!("from_json panicked"),
        Ok(Ok(x)) => Ok(x),
        Ok(Err(e)) => Err(e
            .problems
            .iter()
            .map(|p| (p.pointer.clone(), p.rule, p.message.clone()))
            .collect()),
    }
}

fn assert_no_personal(text: &str, extra: &[&str]) {
    for w in PERSONAL.iter().chain(extra.iter()) {
        assert!(!text.contains(w), "personal data {w:?} in {text:?}");
    }
}

/// Refused, each problem a JSON Pointer under `prefix`, no personal data in messages.
fn assert_refused_under(json: &Value, prefix: &str, extra: &[&str]) -> Vec<(String, Rule, String)> {
    let found = outcome(&json.to_string())
        .err()
        .unwrap_or_else(|| panic!("accepted: {json}"));
    assert!(!found.is_empty());
    for (pointer, _, message) in &found {
        assert!(
            pointer.starts_with(prefix),
            "pointer {pointer:?} not under {prefix:?}: {found:?}"
        );
        assert_no_personal(message, extra);
    }
    found
}

fn run_reports(record: &PartnershipRecord, days: &[NaiveDate], within: &[u32], extra: &[&str]) {
    let calendar = WorkingCalendar::england_and_wales();
    for on in days {
        let text = catch_unwind(AssertUnwindSafe(|| record.practice_report(*on).to_text()))
            .unwrap_or_else(|_| panic!("practice_report panicked as of {on}"));
        assert_no_personal(&text, extra);
        let report = record.practice_report(*on);
        for f in &report.findings {
            assert_no_personal(&f.explanation, extra);
        }
        for w in within {
            let due = catch_unwind(AssertUnwindSafe(|| {
                due_items(std::slice::from_ref(record), *on, *w, &calendar)
            }))
            .unwrap_or_else(|_| panic!("due_items panicked as of {on} within {w}"));
            for item in &due {
                assert_no_personal(&item.pointer, extra);
                assert_no_personal(&format!("{item:?}"), extra);
            }
        }
    }
}

fn redress(id: RedressId, carer: CarerId, route: RedressRoute) -> Redress {
    Redress::try_from(RedressParts { id, carer, route }).unwrap()
}

fn appeal_route(
    sent: NaiveDate,
    only_school: bool,
    certificate: Option<NaiveDate>,
    lodged: Option<NaiveDate>,
) -> RedressRoute {
    RedressRoute::TribunalAppeal {
        decision_sent_on: sent,
        only_about_the_school_named: only_school,
        mediation_certificate_issued_on: certificate,
        lodged_on: lodged,
    }
}

// ---------------------------------------------------------------------------
// Promise 1: only consistent histories, refused with pointer and rule.
// ---------------------------------------------------------------------------

#[test]
fn misspelt_field_inside_route_is_refused() {
    for (misspelt, value) in [
        ("recievedOn", json!("2026-11-02")),
        ("respondedon", json!("2026-11-05")),
        ("Extended", json!(true)),
        ("received_on", json!("2026-11-02")),
    ] {
        let mut route = json!({"kind": "social-care-complaint", "stage": "investigation", "receivedOn": "2026-11-02"});
        route[misspelt] = value;
        let json = with_redress(
            json!([{"id": "00000000-0000-4000-8000-00000000b001", "carer": MUM, "route": route}]),
        );
        assert_refused_under(&json, "/complaintsAndAppeals/0", &[]);
    }
}

#[test]
fn field_of_another_route_kind_is_refused() {
    // An agency on a social-care complaint, `extended` on an appeal, a stage on an
    // agency complaint, a lodging date on a complaint.
    for route in [
        json!({"kind": "social-care-complaint", "stage": "investigation", "receivedOn": "2026-11-02", "agency": NURSERY}),
        json!({"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01", "extended": true}),
        json!({"kind": "agency-complaint", "agency": NURSERY, "receivedOn": "2026-11-02", "stage": "review-panel"}),
        json!({"kind": "social-care-complaint", "stage": "local-resolution", "receivedOn": "2026-11-02", "lodgedOn": "2026-11-03"}),
        json!({"kind": "agency-complaint", "agency": NURSERY, "receivedOn": "2026-11-02", "onlyAboutTheSchoolNamed": true}),
    ] {
        let json = with_redress(
            json!([{"id": "00000000-0000-4000-8000-00000000b002", "carer": MUM, "route": route}]),
        );
        assert_refused_under(&json, "/complaintsAndAppeals/0", &[]);
    }
    // And an extra field beside route.
    let json = with_redress(
        json!([{"id": "00000000-0000-4000-8000-00000000b003", "carer": MUM,
        "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01"}, "notes": "Samira is furious"}]),
    );
    assert_refused_under(&json, "/complaintsAndAppeals/0", &["furious"]);
}

#[test]
fn wrong_kind_value_or_case_is_refused() {
    for kind in [
        "Tribunal-Appeal",
        "tribunal_appeal",
        "tribunalAppeal",
        "",
        "appeal",
    ] {
        let json = with_redress(
            json!([{"id": "00000000-0000-4000-8000-00000000b004", "carer": MUM,
            "route": {"kind": kind, "decisionSentOn": "2026-10-01"}}]),
        );
        assert_refused_under(&json, "/complaintsAndAppeals/0", &[]);
    }
    let json = with_redress(
        json!([{"id": "00000000-0000-4000-8000-00000000b004", "carer": MUM,
        "route": {"decisionSentOn": "2026-10-01"}}]),
    );
    assert_refused_under(&json, "/complaintsAndAppeals/0", &[]);
}

/// Free text put where an enum value goes must not be echoed into the message.
#[test]
fn free_text_in_an_enum_slot_is_not_echoed() {
    let json = with_redress(
        json!([{"id": "00000000-0000-4000-8000-00000000b005", "carer": MUM,
        "route": {"kind": "social-care-complaint", "stage": "Samira Ahmed says the worker lied",
                  "receivedOn": "2026-11-02"}}]),
    );
    assert_refused_under(&json, "/complaintsAndAppeals/0", &["lied"]);
    let json = with_redress(
        json!([{"id": "00000000-0000-4000-8000-00000000b005", "carer": MUM,
        "route": {"kind": "Samira Ahmed complaint about bruising", "receivedOn": "2026-11-02"}}]),
    );
    assert_refused_under(&json, "/complaintsAndAppeals/0", &["bruising"]);
    let json = with_redress(
        json!([{"id": "00000000-0000-4000-8000-00000000b005", "carer": MUM,
        "route": {"kind": "tribunal-appeal", "decisionSentOn": "Samira's birthday"}}]),
    );
    assert_refused_under(&json, "/complaintsAndAppeals/0", &["birthday"]);
    let json = with_redress(
        json!([{"id": "00000000-0000-4000-8000-00000000b005", "carer": "Samira Ahmed",
        "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01"}}]),
    );
    assert_refused_under(&json, "/complaintsAndAppeals/0", &[]);
}

#[test]
fn dates_before_the_start_are_refused_at_their_field() {
    let cases = [
        (
            json!({"kind": "social-care-complaint", "stage": "local-resolution", "receivedOn": "2026-11-02", "respondedOn": "2026-11-01"}),
            "route/respondedOn",
        ),
        (
            json!({"kind": "agency-complaint", "agency": NURSERY, "receivedOn": "2026-11-02", "respondBy": "2026-11-01"}),
            "route/respondBy",
        ),
        (
            json!({"kind": "agency-complaint", "agency": NURSERY, "receivedOn": "2026-11-02", "respondedOn": "0001-01-01"}),
            "route/respondedOn",
        ),
        (
            json!({"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01", "mediationCertificateIssuedOn": "2026-09-30"}),
            "route/mediationCertificateIssuedOn",
        ),
        (
            json!({"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01", "onlyAboutTheSchoolNamed": true, "lodgedOn": "2026-09-30"}),
            "route/lodgedOn",
        ),
        (
            json!({"kind": "tribunal-appeal", "decisionSentOn": "9999-12-31", "onlyAboutTheSchoolNamed": true, "lodgedOn": "9999-12-30"}),
            "route/lodgedOn",
        ),
    ];
    for (route, field) in cases {
        let json = with_redress(
            json!([{"id": "00000000-0000-4000-8000-00000000b006", "carer": MUM, "route": route}]),
        );
        let found = assert_refused_under(&json, "/complaintsAndAppeals/0", &[]);
        assert!(
            found
                .iter()
                .any(|(p, _, _)| p == &format!("/complaintsAndAppeals/0/{field}")),
            "{field}: {found:?}"
        );
    }
}

#[test]
fn a_review_panel_is_never_extended() {
    let json = with_redress(
        json!([{"id": "00000000-0000-4000-8000-00000000b007", "carer": MUM,
        "route": {"kind": "social-care-complaint", "stage": "review-panel", "receivedOn": "2026-11-02", "extended": true}}]),
    );
    let found = assert_refused_under(&json, "/complaintsAndAppeals/0", &[]);
    assert_eq!(found[0].0, "/complaintsAndAppeals/0/route/extended");
    // Nor through Redress::try_from.
    assert!(
        Redress::try_from(RedressParts {
            id: RedressId::random(),
            carer: mum(),
            route: RedressRoute::SocialCareComplaint {
                stage: ComplaintStage::ReviewPanel,
                received_on: d(2026, 11, 2),
                extended: true,
                responded_on: None,
            },
        })
        .is_err()
    );
    // Nor by an update adding `extended` to a panel recorded through apply.
    let mut record = read(&record());
    let id = RedressId::random();
    let panel = |extended| RedressParts {
        id,
        carer: mum(),
        route: RedressRoute::SocialCareComplaint {
            stage: ComplaintStage::ReviewPanel,
            received_on: d(2026, 11, 2),
            extended,
            responded_on: None,
        },
    };
    record
        .apply(
            Change::AddComplaintOrAppeal(Redress::try_from(panel(false)).unwrap()),
            by(),
            at(2026, 11, 3),
        )
        .unwrap();
    assert!(Redress::try_from(panel(true)).is_err());
    assert!(record.complaints_and_appeals().iter().all(|r| !matches!(
        r.route(),
        RedressRoute::SocialCareComplaint {
            stage: ComplaintStage::ReviewPanel,
            extended: true,
            ..
        }
    )));
}

#[test]
fn appeal_lodged_without_certificate_is_refused_in_every_spelling() {
    for route in [
        json!({"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01", "onlyAboutTheSchoolNamed": false, "lodgedOn": "2026-11-02"}),
        json!({"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01", "lodgedOn": "2026-11-02"}),
        json!({"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01", "lodgedOn": "2026-11-02", "mediationCertificateIssuedOn": null}),
        json!({"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01", "lodgedOn": "2026-11-02", "mediationCertificateIssuedOn": "2026-11-03"}),
        json!({"kind": "tribunal-appeal", "decisionSentOn": "9999-12-30", "lodgedOn": "9999-12-30", "mediationCertificateIssuedOn": "9999-12-31"}),
        json!({"kind": "tribunal-appeal", "decisionSentOn": "2028-02-29", "lodgedOn": "2028-02-29", "mediationCertificateIssuedOn": "2028-03-01"}),
    ] {
        let json = with_redress(
            json!([{"id": "00000000-0000-4000-8000-00000000b008", "carer": MUM, "route": route}]),
        );
        let found = assert_refused_under(&json, "/complaintsAndAppeals/0", &[]);
        assert!(
            found
                .iter()
                .any(|(p, _, _)| p == "/complaintsAndAppeals/0/route/mediationCertificateIssuedOn"),
            "{found:?}"
        );
    }
    // Certificate on the lodging day is fine.
    let json = with_redress(
        json!([{"id": "00000000-0000-4000-8000-00000000b008", "carer": MUM,
        "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01", "lodgedOn": "2026-11-02", "mediationCertificateIssuedOn": "2026-11-02"}}]),
    );
    assert_eq!(problems(&json), vec![]);
}

#[test]
fn onlyabout_as_string_or_null_is_not_taken_as_true() {
    for v in [json!("true"), json!(1), json!("yes")] {
        let json = with_redress(
            json!([{"id": "00000000-0000-4000-8000-00000000b009", "carer": MUM,
            "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01", "onlyAboutTheSchoolNamed": v, "lodgedOn": "2026-11-02"}}]),
        );
        assert_refused_under(&json, "/complaintsAndAppeals/0", &[]);
    }
    // null for a bool: either refused, or read as false (then the missing
    // certificate must be refused).
    let json = with_redress(
        json!([{"id": "00000000-0000-4000-8000-00000000b009", "carer": MUM,
        "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01", "onlyAboutTheSchoolNamed": null, "lodgedOn": "2026-11-02"}}]),
    );
    assert_refused_under(&json, "/complaintsAndAppeals/0", &[]);
}

#[test]
fn null_for_optional_dates_reads_as_absent_and_round_trips() {
    let json = with_redress(json!([
        {"id": "00000000-0000-4000-8000-00000000b010", "carer": MUM,
         "route": {"kind": "social-care-complaint", "stage": "local-resolution", "receivedOn": "2026-11-02", "respondedOn": null}},
        {"id": "00000000-0000-4000-8000-00000000b011", "carer": MUM,
         "route": {"kind": "agency-complaint", "agency": NURSERY, "receivedOn": "2026-11-02", "respondBy": null, "respondedOn": null}},
        {"id": "00000000-0000-4000-8000-00000000b012", "carer": MUM,
         "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01", "mediationCertificateIssuedOn": null, "lodgedOn": null}}
    ]));
    match outcome(&json.to_string()) {
        Ok(r) => {
            let again = PartnershipRecord::from_json(&r.to_json()).unwrap();
            assert_eq!(again, r);
            assert_eq!(again.to_json(), r.to_json());
            for x in r.complaints_and_appeals() {
                assert!(x.is_open());
            }
            run_reports(&r, &[d(2026, 11, 20)], &[0, 60], &[]);
        }
        Err(found) => {
            for (p, _, m) in found {
                assert!(p.starts_with("/complaintsAndAppeals/"));
                assert_no_personal(&m, &[]);
            }
        }
    }
    // null for a required date is refused.
    let json = with_redress(
        json!([{"id": "00000000-0000-4000-8000-00000000b013", "carer": MUM,
        "route": {"kind": "tribunal-appeal", "decisionSentOn": null}}]),
    );
    assert_refused_under(&json, "/complaintsAndAppeals/0", &[]);
}

#[test]
fn impossible_dates_are_refused_not_panicked() {
    for day in [
        "2027-02-29",
        "2100-02-29",
        "1900-02-29",
        "2026-13-01",
        "2026-00-10",
        "10000-01-01",
        "+10000-01-01",
        "-0001-01-01",
        "0000-01-01",
        "2026-11-2",
        "2026-11-02T00:00:00Z",
        " 2026-11-02",
    ] {
        let json = with_redress(
            json!([{"id": "00000000-0000-4000-8000-00000000b014", "carer": MUM,
            "route": {"kind": "social-care-complaint", "stage": "local-resolution", "receivedOn": day}}]),
        );
        match outcome(&json.to_string()) {
            Ok(r) => {
                // If a strange date is accepted, it must at least survive reports and round trip.
                run_reports(&r, &[d(2026, 11, 20), d(9999, 12, 31)], &[0, 3660], &[]);
                assert_eq!(
                    PartnershipRecord::from_json(&r.to_json()).unwrap(),
                    r,
                    "{day}"
                );
                eprintln!(
                    "accepted {day:?} as {:?}",
                    r.complaints_and_appeals()[0].started_on()
                );
                assert!(
                    [
                        "10000-01-01",
                        "+10000-01-01",
                        "-0001-01-01",
                        "0000-01-01",
                        "2026-11-2",
                        " 2026-11-02"
                    ]
                    .contains(&day),
                    "accepted {day:?}"
                );
            }
            Err(found) => {
                for (p, _, m) in found {
                    assert!(p.starts_with("/complaintsAndAppeals/0"), "{day}: {p}");
                    assert_no_personal(&m, &[]);
                }
            }
        }
    }
}

#[test]
fn leap_days_are_accepted_and_deadlines_listed() {
    let json = with_redress(json!([
        {"id": "00000000-0000-4000-8000-00000000b015", "carer": MUM,
         "route": {"kind": "tribunal-appeal", "decisionSentOn": "2027-12-29"}},
        {"id": "00000000-0000-4000-8000-00000000b016", "carer": MUM,
         "route": {"kind": "tribunal-appeal", "decisionSentOn": "2027-12-31", "mediationCertificateIssuedOn": "2028-01-31"}},
        {"id": "00000000-0000-4000-8000-00000000b017", "carer": MUM,
         "route": {"kind": "social-care-complaint", "stage": "investigation", "receivedOn": "2028-02-29", "extended": true}},
        {"id": "00000000-0000-4000-8000-00000000b018", "carer": MUM,
         "route": {"kind": "agency-complaint", "agency": NURSERY, "receivedOn": "2028-02-29", "respondBy": "2028-02-29"}}
    ]));
    let r = read(&json);
    let calendar = WorkingCalendar::england_and_wales();
    // As of the leap day itself: the complaints received that day are due from it (a
    // complaint not yet received is not listed).
    let due = due_items(std::slice::from_ref(&r), d(2028, 2, 29), 400, &calendar);
    let appeals = due
        .iter()
        .filter(|x| x.kind == DueKind::AppealDeadline)
        .count();
    let responses = due
        .iter()
        .filter(|x| x.kind == DueKind::ComplaintResponse)
        .count();
    assert_eq!(appeals, 2, "{due:?}");
    assert_eq!(responses, 2, "{due:?}");
    for item in due.iter().filter(|x| x.kind == DueKind::ComplaintResponse) {
        assert!(item.due >= d(2028, 2, 29), "{item:?}");
    }
    run_reports(&r, &[d(2028, 2, 29), d(2028, 3, 1)], &[0, 30], &[]);
}

#[test]
fn extreme_dates_never_panic_reports_or_due() {
    let json = with_redress(json!([
        {"id": "00000000-0000-4000-8000-00000000c001", "carer": MUM,
         "route": {"kind": "social-care-complaint", "stage": "investigation", "receivedOn": "9999-12-31", "extended": true}},
        {"id": "00000000-0000-4000-8000-00000000c002", "carer": MUM,
         "route": {"kind": "social-care-complaint", "stage": "review-panel", "receivedOn": "2100-12-31"}},
        {"id": "00000000-0000-4000-8000-00000000c003", "carer": MUM,
         "route": {"kind": "social-care-complaint", "stage": "local-resolution", "receivedOn": "0001-01-01"}},
        {"id": "00000000-0000-4000-8000-00000000c004", "carer": MUM,
         "route": {"kind": "tribunal-appeal", "decisionSentOn": "9999-12-31", "mediationCertificateIssuedOn": "9999-12-31"}},
        {"id": "00000000-0000-4000-8000-00000000c005", "carer": MUM,
         "route": {"kind": "tribunal-appeal", "decisionSentOn": "0001-01-01"}},
        {"id": "00000000-0000-4000-8000-00000000c006", "carer": MUM,
         "route": {"kind": "tribunal-appeal", "decisionSentOn": "9999-10-31", "mediationCertificateIssuedOn": "9999-12-31"}},
        {"id": "00000000-0000-4000-8000-00000000c007", "carer": MUM,
         "route": {"kind": "agency-complaint", "agency": NURSERY, "receivedOn": "0001-01-01", "respondBy": "9999-12-31"}},
        {"id": "00000000-0000-4000-8000-00000000c008", "carer": MUM,
         "route": {"kind": "social-care-complaint", "stage": "local-resolution", "receivedOn": "2100-12-17"}},
        {"id": "00000000-0000-4000-8000-00000000c009", "carer": MUM,
         "route": {"kind": "tribunal-appeal", "decisionSentOn": "2100-12-31"}}
    ]));
    let r = read(&json);
    run_reports(
        &r,
        &[
            NaiveDate::MIN,
            d(1, 1, 1),
            d(2026, 11, 20),
            d(2100, 12, 31),
            d(2101, 1, 1),
            d(9999, 12, 31),
            NaiveDate::MAX,
        ],
        &[0, 1, 3660, u32::MAX],
        &[],
    );
}

#[test]
fn ids_in_upper_case_or_braces_are_the_same_party_and_duplicates() {
    let upper = MUM.to_uppercase();
    let braced = format!("{{{MUM}}}");
    let urn = format!("urn:uuid:{MUM}");
    let simple = MUM.replace('-', "");
    for carer in [
        upper.as_str(),
        braced.as_str(),
        urn.as_str(),
        simple.as_str(),
    ] {
        let json = with_redress(
            json!([{"id": "00000000-0000-4000-8000-00000000c010", "carer": carer,
            "route": {"kind": "agency-complaint", "agency": NURSERY.to_uppercase(), "receivedOn": "2026-11-02"}}]),
        );
        match outcome(&json.to_string()) {
            Ok(r) => {
                // Accepted: it must be the carer in the record, and written canonically.
                assert_eq!(r.complaints_and_appeals()[0].carer(), mum());
                let again = PartnershipRecord::from_json(&r.to_json()).unwrap();
                assert_eq!(again, r);
            }
            Err(found) => {
                for (p, _, m) in found {
                    assert!(p.starts_with("/complaintsAndAppeals/0"), "{p}");
                    assert_no_personal(&m, &[]);
                }
            }
        }
    }
    // Two ids that differ only in case or braces are one id.
    for twin in [
        "00000000-0000-4000-8000-00000000C011".to_owned(),
        "{00000000-0000-4000-8000-00000000c011}".to_owned(),
        "00000000000040008000000000000c011".to_owned(),
    ] {
        let json = with_redress(json!([
            {"id": "00000000-0000-4000-8000-00000000c011", "carer": MUM,
             "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01"}},
            {"id": twin, "carer": MUM,
             "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-10-02"}}
        ]));
        let found = assert_refused_under(&json, "/complaintsAndAppeals/1", &[]);
        let ok = found.iter().any(|(_, rule, _)| *rule == Rule::DuplicateId)
            || found
                .iter()
                .all(|(p, _, _)| p == "/complaintsAndAppeals/1/id");
        assert!(ok, "{twin}: {found:?}");
    }
}

#[test]
fn ids_of_other_kinds_of_party_are_refused() {
    let prof2 = "8e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b";
    for (carer, agency) in [
        (CHILD, NURSERY),
        (RECORD, NURSERY),
        (NURSERY, NURSERY),
        (prof2, NURSERY),
        (MUM, MUM),
        (MUM, CHILD),
        (MUM, KEY_WORKER),
        (MUM, RECORD),
        (MUM, "00000000-0000-0000-0000-000000000000"),
        ("00000000-0000-0000-0000-000000000000", NURSERY),
        ("ffffffff-ffff-ffff-ffff-ffffffffffff", NURSERY),
    ] {
        let json = with_redress(
            json!([{"id": "00000000-0000-4000-8000-00000000c012", "carer": carer,
            "route": {"kind": "agency-complaint", "agency": agency, "receivedOn": "2026-11-02"}}]),
        );
        let found = assert_refused_under(&json, "/complaintsAndAppeals/0", &[]);
        for (p, rule, _) in &found {
            assert!(
                p == "/complaintsAndAppeals/0/carer" || p == "/complaintsAndAppeals/0/route/agency",
                "{carer} {agency}: {found:?}"
            );
            assert!(
                matches!(rule, Rule::WrongKindOfParty | Rule::DanglingReference),
                "{found:?}"
            );
        }
    }
    // A redress id that is the id of some other party or entry: must not be confused.
    for id in [MUM, NURSERY, KEY_WORKER, CHILD, RECORD] {
        let json = with_redress(json!([{"id": id, "carer": MUM,
            "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01"}}]));
        if let Err(found) = outcome(&json.to_string()) {
            for (p, _, m) in found {
                assert!(p.starts_with("/complaintsAndAppeals/0"), "{p}");
                assert_no_personal(&m, &[]);
            }
        }
    }
}

#[test]
fn redress_id_equal_to_an_adjustment_id_is_handled() {
    let mut json = with_redress(
        json!([{"id": "00000000-0000-4000-8000-00000000c013", "carer": MUM,
        "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01"}}]),
    );
    json["carers"][0]["adjustments"] = json!([{
        "id": "00000000-0000-4000-8000-00000000c013", "neededBy": "carer", "agency": NURSERY,
        "adjustment": "Large print", "requestedOn": "2026-10-01"}]);
    let _ = outcome(&json.to_string());
}

#[test]
fn huge_numbers_of_entries_do_not_panic() {
    let n = 20_000;
    let entries: Vec<Value> = (0..n)
        .map(|i| {
            let id = format!("00000000-0000-4000-8000-{:012x}", 0xd000_0000_u64 + i as u64);
            match i % 3 {
                0 => json!({"id": id, "carer": if i % 2 == 0 { MUM } else { DAD },
                    "route": {"kind": "social-care-complaint", "stage": "local-resolution", "receivedOn": "2026-11-02"}}),
                1 => json!({"id": id, "carer": MUM,
                    "route": {"kind": "agency-complaint", "agency": NURSERY, "receivedOn": "2026-11-02", "respondBy": "2026-12-01"}}),
                _ => json!({"id": id, "carer": DAD,
                    "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01"}}),
            }
        })
        .collect();
    let json = with_redress(Value::Array(entries));
    // How long this takes is a benchmark's question, not a test's.
    match outcome(&json.to_string()) {
        Ok(r) => {
            let calendar = WorkingCalendar::england_and_wales();
            let due = due_items(std::slice::from_ref(&r), d(2026, 11, 20), 60, &calendar);
            assert!(
                due.iter()
                    .filter(|x| x.kind == DueKind::ComplaintResponse)
                    .count()
                    >= 2 * n / 3
            );
            let text = r.practice_report(d(2026, 11, 20)).to_text();
            assert_no_personal(&text, &[]);
        }
        Err(found) => {
            for (p, rule, m) in found.iter().take(10) {
                assert!(
                    *rule == Rule::InputLimit || p.starts_with("/complaintsAndAppeals"),
                    "{p} {rule:?}"
                );
                assert_no_personal(m, &[]);
            }
        }
    }
}

#[test]
fn many_duplicates_each_reported_at_their_pointer() {
    let entries: Vec<Value> = (0..500)
        .map(|_| {
            json!({"id": "00000000-0000-4000-8000-00000000c014", "carer": MUM,
            "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01"}})
        })
        .collect();
    let json = with_redress(Value::Array(entries));
    let found = assert_refused_under(&json, "/complaintsAndAppeals/", &[]);
    let dup = found
        .iter()
        .filter(|(_, r, _)| *r == Rule::DuplicateId)
        .count();
    assert!(dup >= 1, "{:?}", &found[..found.len().min(5)]);
}

// ---------------------------------------------------------------------------
// Promise 2: updates only add; nothing dated after `at`; refusals leave the record.
// ---------------------------------------------------------------------------

fn refused_unchanged(
    record: &mut PartnershipRecord,
    change: Change,
    when: DateTime<Utc>,
) -> Vec<(String, Rule, String)> {
    let before = record.clone();
    let before_json = record.to_json();
    let r = catch_unwind(AssertUnwindSafe(|| record.apply(change, by(), when)));
    let err = match r {
        Err(_) => panic!("apply panicked"),
        Ok(Ok(_)) => panic!("accepted a change that should be refused"),
        Ok(Err(e)) => e,
    };
    assert!(!err.problems.is_empty());
    assert_eq!(*record, before);
    assert_eq!(record.to_json(), before_json);
    err.problems
        .iter()
        .map(|p| {
            assert!(p.pointer.starts_with('/'), "{p:?}");
            assert_no_personal(&p.message, &[]);
            (p.pointer.clone(), p.rule, p.message.clone())
        })
        .collect()
}

#[test]
fn an_update_cannot_swap_route_kind_in_any_direction() {
    let nursery: AgencyId = NURSERY.parse().unwrap();
    let routes = [
        RedressRoute::SocialCareComplaint {
            stage: ComplaintStage::LocalResolution,
            received_on: d(2026, 11, 2),
            extended: false,
            responded_on: None,
        },
        RedressRoute::AgencyComplaint {
            agency: nursery,
            received_on: d(2026, 11, 2),
            respond_by: None,
            responded_on: None,
        },
        appeal_route(d(2026, 11, 2), false, None, None),
    ];
    for (i, first) in routes.iter().enumerate() {
        for (j, second) in routes.iter().enumerate() {
            if i == j {
                continue;
            }
            let mut record = read(&record());
            let id = RedressId::random();
            record
                .apply(
                    Change::AddComplaintOrAppeal(redress(id, mum(), first.clone())),
                    by(),
                    at(2026, 11, 3),
                )
                .unwrap();
            let found = refused_unchanged(
                &mut record,
                Change::UpdateComplaintOrAppeal(redress(id, mum(), second.clone())),
                at(2026, 11, 4),
            );
            assert_eq!(found[0].0, "/complaintsAndAppeals/0/route/kind", "{i}->{j}");
        }
    }
}

#[test]
fn an_update_cannot_change_agency_or_school_flag_or_start() {
    let nursery: AgencyId = NURSERY.parse().unwrap();
    let salt: AgencyId = "9f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b".parse().unwrap();
    let mut record = read(&record());
    let (c, a) = (RedressId::random(), RedressId::random());
    let agency = |agency, received, by_: Option<NaiveDate>| RedressRoute::AgencyComplaint {
        agency,
        received_on: received,
        respond_by: by_,
        responded_on: None,
    };
    record
        .apply(
            Change::AddComplaintOrAppeal(redress(
                c,
                mum(),
                agency(nursery, d(2026, 11, 2), Some(d(2026, 12, 1))),
            )),
            by(),
            at(2026, 11, 3),
        )
        .unwrap();
    record
        .apply(
            Change::AddComplaintOrAppeal(redress(
                a,
                mum(),
                appeal_route(d(2026, 10, 1), true, None, None),
            )),
            by(),
            at(2026, 11, 3),
        )
        .unwrap();
    let cases = [
        (
            redress(c, mum(), agency(salt, d(2026, 11, 2), Some(d(2026, 12, 1)))),
            "/complaintsAndAppeals/0/route/agency",
        ),
        (
            redress(
                c,
                mum(),
                agency(nursery, d(2026, 11, 1), Some(d(2026, 12, 1))),
            ),
            "/complaintsAndAppeals/0/route/receivedOn",
        ),
        (
            redress(
                c,
                mum(),
                agency(nursery, d(2026, 11, 2), Some(d(2026, 12, 2))),
            ),
            "/complaintsAndAppeals/0/route/respondBy",
        ),
        (
            redress(c, mum(), agency(nursery, d(2026, 11, 2), None)),
            "/complaintsAndAppeals/0/route/respondBy",
        ),
        (
            redress(
                c,
                DAD.parse().unwrap(),
                agency(nursery, d(2026, 11, 2), Some(d(2026, 12, 1))),
            ),
            "/complaintsAndAppeals/0/carer",
        ),
        (
            redress(a, mum(), appeal_route(d(2026, 10, 1), false, None, None)),
            "/complaintsAndAppeals/1/route/onlyAboutTheSchoolNamed",
        ),
        (
            redress(a, mum(), appeal_route(d(2026, 10, 2), true, None, None)),
            "/complaintsAndAppeals/1/route/decisionSentOn",
        ),
    ];
    for (change, pointer) in cases {
        let found = refused_unchanged(
            &mut record,
            Change::UpdateComplaintOrAppeal(change),
            at(2026, 11, 20),
        );
        assert_eq!(found[0].0, pointer, "{found:?}");
    }
}

#[test]
fn an_update_cannot_move_a_certificate_or_lodging_day() {
    let mut record = read(&record());
    let id = RedressId::random();
    record
        .apply(
            Change::AddComplaintOrAppeal(redress(
                id,
                mum(),
                appeal_route(d(2026, 10, 1), false, Some(d(2026, 11, 2)), None),
            )),
            by(),
            at(2026, 11, 3),
        )
        .unwrap();
    // Moving the certificate later (still before lodging), earlier, or removing it.
    for (route, pointer) in [
        (
            appeal_route(
                d(2026, 10, 1),
                false,
                Some(d(2026, 11, 5)),
                Some(d(2026, 11, 6)),
            ),
            "route/mediationCertificateIssuedOn",
        ),
        (
            appeal_route(d(2026, 10, 1), false, Some(d(2026, 10, 5)), None),
            "route/mediationCertificateIssuedOn",
        ),
        (
            appeal_route(d(2026, 10, 1), true, None, None),
            "route/onlyAboutTheSchoolNamed",
        ),
    ] {
        let found = refused_unchanged(
            &mut record,
            Change::UpdateComplaintOrAppeal(redress(id, mum(), route)),
            at(2026, 11, 20),
        );
        assert_eq!(
            found[0].0,
            format!("/complaintsAndAppeals/0/{pointer}"),
            "{found:?}"
        );
    }
    // A certificate past lodging cannot even be built.
    assert!(
        Redress::try_from(RedressParts {
            id,
            carer: mum(),
            route: appeal_route(
                d(2026, 10, 1),
                false,
                Some(d(2026, 11, 7)),
                Some(d(2026, 11, 6))
            )
        })
        .is_err()
    );
    // Lodged properly, then the lodging day cannot move or vanish.
    record
        .apply(
            Change::UpdateComplaintOrAppeal(redress(
                id,
                mum(),
                appeal_route(
                    d(2026, 10, 1),
                    false,
                    Some(d(2026, 11, 2)),
                    Some(d(2026, 11, 6)),
                ),
            )),
            by(),
            at(2026, 11, 6),
        )
        .unwrap();
    for route in [
        appeal_route(
            d(2026, 10, 1),
            false,
            Some(d(2026, 11, 2)),
            Some(d(2026, 11, 5)),
        ),
        appeal_route(d(2026, 10, 1), false, Some(d(2026, 11, 2)), None),
        appeal_route(
            d(2026, 10, 1),
            false,
            Some(d(2026, 11, 2)),
            Some(d(2026, 11, 7)),
        ),
    ] {
        let found = refused_unchanged(
            &mut record,
            Change::UpdateComplaintOrAppeal(redress(id, mum(), route)),
            at(2026, 11, 20),
        );
        assert_eq!(
            found[0].0, "/complaintsAndAppeals/0/route/lodgedOn",
            "{found:?}"
        );
    }
    // A school-only appeal lodged with no certificate: a certificate added later,
    // after lodging, would break the rule; refused.
    let mut record = read(&with_redress(json!([])));
    let school = RedressId::random();
    record
        .apply(
            Change::AddComplaintOrAppeal(redress(
                school,
                mum(),
                appeal_route(d(2026, 10, 1), true, None, Some(d(2026, 11, 2))),
            )),
            by(),
            at(2026, 11, 3),
        )
        .unwrap();
    assert!(
        Redress::try_from(RedressParts {
            id: school,
            carer: mum(),
            route: appeal_route(
                d(2026, 10, 1),
                true,
                Some(d(2026, 11, 3)),
                Some(d(2026, 11, 2))
            )
        })
        .is_err()
    );
    // Certificate on/before lodging added after the fact to a school-only appeal: adds only.
    let _ = record.apply(
        Change::UpdateComplaintOrAppeal(redress(
            school,
            mum(),
            appeal_route(
                d(2026, 10, 1),
                true,
                Some(d(2026, 11, 1)),
                Some(d(2026, 11, 2)),
            ),
        )),
        by(),
        at(2026, 11, 4),
    );
    let x = &record.complaints_and_appeals()[0];
    if let RedressRoute::TribunalAppeal {
        mediation_certificate_issued_on,
        lodged_on,
        ..
    } = x.route()
    {
        assert_eq!(*lodged_on, Some(d(2026, 11, 2)));
        if let Some(c) = mediation_certificate_issued_on {
            assert!(*c <= d(2026, 11, 2));
        }
    }
}

#[test]
fn nothing_recorded_through_apply_is_dated_after_the_change() {
    let nursery: AgencyId = NURSERY.parse().unwrap();
    let mut record = read(&record());
    let when = at(2026, 11, 20);
    // Additions dated the day after.
    for route in [
        RedressRoute::SocialCareComplaint {
            stage: ComplaintStage::LocalResolution,
            received_on: d(2026, 11, 21),
            extended: false,
            responded_on: None,
        },
        RedressRoute::SocialCareComplaint {
            stage: ComplaintStage::LocalResolution,
            received_on: d(2026, 11, 2),
            extended: false,
            responded_on: Some(d(9999, 12, 31)),
        },
        RedressRoute::AgencyComplaint {
            agency: nursery,
            received_on: d(2026, 11, 2),
            respond_by: None,
            responded_on: Some(d(2026, 11, 21)),
        },
        appeal_route(d(2026, 11, 2), false, Some(d(2026, 11, 21)), None),
        appeal_route(d(2026, 11, 2), true, None, Some(d(2100, 12, 31))),
        appeal_route(d(9999, 12, 31), false, None, None),
    ] {
        let found = refused_unchanged(
            &mut record,
            Change::AddComplaintOrAppeal(redress(RedressId::random(), mum(), route)),
            when,
        );
        assert!(
            found.iter().any(|(_, r, _)| *r == Rule::DatedAfterChange),
            "{found:?}"
        );
    }
    // respondBy may lie ahead, even at the end of time.
    let c = RedressId::random();
    record
        .apply(
            Change::AddComplaintOrAppeal(redress(
                c,
                mum(),
                RedressRoute::AgencyComplaint {
                    agency: nursery,
                    received_on: d(2026, 11, 2),
                    respond_by: Some(d(9999, 12, 31)),
                    responded_on: None,
                },
            )),
            by(),
            when,
        )
        .unwrap();
    // Updates dating something after the change.
    let found = refused_unchanged(
        &mut record,
        Change::UpdateComplaintOrAppeal(redress(
            c,
            mum(),
            RedressRoute::AgencyComplaint {
                agency: nursery,
                received_on: d(2026, 11, 2),
                respond_by: Some(d(9999, 12, 31)),
                responded_on: Some(d(2026, 11, 21)),
            },
        )),
        when,
    );
    assert_eq!(found[0].0, "/complaintsAndAppeals/0/route/respondedOn");
    assert_eq!(found[0].1, Rule::DatedAfterChange);
    // The very end of the day in UTC.
    let late = Utc
        .with_ymd_and_hms(2026, 11, 20, 23, 59, 59)
        .single()
        .unwrap();
    let found = refused_unchanged(
        &mut record,
        Change::UpdateComplaintOrAppeal(redress(
            c,
            mum(),
            RedressRoute::AgencyComplaint {
                agency: nursery,
                received_on: d(2026, 11, 2),
                respond_by: Some(d(9999, 12, 31)),
                responded_on: Some(d(2026, 11, 21)),
            },
        )),
        late,
    );
    assert_eq!(found[0].1, Rule::DatedAfterChange);
    // Every recorded date is on or before the last change.
    for x in record.complaints_and_appeals() {
        for (_, day) in x.facts() {
            assert!(day <= when.date_naive());
        }
    }
}

#[test]
fn apply_at_extreme_instants_does_not_panic() {
    let mut record = read(&record());
    for when in [
        DateTime::<Utc>::MIN_UTC,
        DateTime::<Utc>::MAX_UTC,
        Utc.with_ymd_and_hms(1, 1, 1, 0, 0, 0).single().unwrap(),
        Utc.with_ymd_and_hms(9999, 12, 31, 23, 59, 59)
            .single()
            .unwrap(),
    ] {
        let route = appeal_route(d(9999, 12, 31), false, Some(d(9999, 12, 31)), None);
        let r = catch_unwind(AssertUnwindSafe(|| {
            record.apply(
                Change::AddComplaintOrAppeal(redress(RedressId::random(), mum(), route)),
                by(),
                when,
            )
        }));
        assert!(r.is_ok(), "apply panicked at {when:?}");
        run_reports(
            &record,
            &[d(9999, 12, 31), NaiveDate::MAX],
            &[0, u32::MAX],
            &[],
        );
    }
}

#[test]
fn a_refused_update_for_a_dangling_carer_or_agency_leaves_record() {
    let mut record = read(&record());
    // Adding with an agency that is not in the record.
    let found = refused_unchanged(
        &mut record,
        Change::AddComplaintOrAppeal(redress(
            RedressId::random(),
            mum(),
            RedressRoute::AgencyComplaint {
                agency: AgencyId::random(),
                received_on: d(2026, 11, 2),
                respond_by: None,
                responded_on: None,
            },
        )),
        at(2026, 11, 20),
    );
    assert_eq!(found[0].0, "/complaintsAndAppeals/0/route/agency");
    // Adding with a professional's id as the agency.
    let found = refused_unchanged(
        &mut record,
        Change::AddComplaintOrAppeal(redress(
            RedressId::random(),
            mum(),
            RedressRoute::AgencyComplaint {
                agency: KEY_WORKER.parse().unwrap(),
                received_on: d(2026, 11, 2),
                respond_by: None,
                responded_on: None,
            },
        )),
        at(2026, 11, 20),
    );
    assert_eq!(found[0].0, "/complaintsAndAppeals/0/route/agency");
    // Adding with the child's id as carer.
    let found = refused_unchanged(
        &mut record,
        Change::AddComplaintOrAppeal(redress(
            RedressId::random(),
            CHILD.parse().unwrap(),
            appeal_route(d(2026, 10, 1), false, None, None),
        )),
        at(2026, 11, 20),
    );
    assert_eq!(found[0].0, "/complaintsAndAppeals/0/carer");
}

#[test]
fn updates_that_only_add_are_accepted_and_round_trip() {
    let nursery: AgencyId = NURSERY.parse().unwrap();
    let mut record = read(&record());
    let (a, b, c) = (
        RedressId::random(),
        RedressId::random(),
        RedressId::random(),
    );
    let social = |extended, responded| RedressRoute::SocialCareComplaint {
        stage: ComplaintStage::LocalResolution,
        received_on: d(2026, 11, 2),
        extended,
        responded_on: responded,
    };
    record
        .apply(
            Change::AddComplaintOrAppeal(redress(a, mum(), social(false, None))),
            by(),
            at(2026, 11, 2),
        )
        .unwrap();
    record
        .apply(
            Change::UpdateComplaintOrAppeal(redress(a, mum(), social(true, None))),
            by(),
            at(2026, 11, 5),
        )
        .unwrap();
    record
        .apply(
            Change::AddComplaintOrAppeal(redress(
                b,
                DAD.parse().unwrap(),
                RedressRoute::AgencyComplaint {
                    agency: nursery,
                    received_on: d(2026, 11, 2),
                    respond_by: None,
                    responded_on: None,
                },
            )),
            by(),
            at(2026, 11, 5),
        )
        .unwrap();
    record
        .apply(
            Change::UpdateComplaintOrAppeal(redress(
                b,
                DAD.parse().unwrap(),
                RedressRoute::AgencyComplaint {
                    agency: nursery,
                    received_on: d(2026, 11, 2),
                    respond_by: Some(d(2100, 12, 31)),
                    responded_on: None,
                },
            )),
            by(),
            at(2026, 11, 6),
        )
        .unwrap();
    record
        .apply(
            Change::UpdateComplaintOrAppeal(redress(a, mum(), social(true, Some(d(2026, 11, 20))))),
            by(),
            at(2026, 11, 20),
        )
        .unwrap();
    record
        .apply(
            Change::AddComplaintOrAppeal(redress(
                c,
                mum(),
                appeal_route(d(2028, 2, 29), false, None, None),
            )),
            by(),
            at(2028, 3, 1),
        )
        .unwrap();
    record
        .apply(
            Change::UpdateComplaintOrAppeal(redress(
                c,
                mum(),
                appeal_route(d(2028, 2, 29), false, Some(d(2028, 4, 29)), None),
            )),
            by(),
            at(2028, 4, 29),
        )
        .unwrap();
    record
        .apply(
            Change::UpdateComplaintOrAppeal(redress(
                c,
                mum(),
                appeal_route(
                    d(2028, 2, 29),
                    false,
                    Some(d(2028, 4, 29)),
                    Some(d(2028, 4, 29)),
                ),
            )),
            by(),
            at(2028, 4, 29),
        )
        .unwrap();
    // The record written and read back is the same record, and so is the JSON
    // written from a record rebuilt from plain JSON edits.
    let text = record.to_json();
    let again = PartnershipRecord::from_json(&text).unwrap();
    assert_eq!(again, record);
    assert_eq!(again.to_json(), text);
    assert_eq!(
        again.complaints_and_appeals(),
        record.complaints_and_appeals()
    );
    // Apply the same update to the read-back copy: both must agree.
    let mut copy = again.clone();
    let mut orig = record.clone();
    let u = redress(
        b,
        DAD.parse().unwrap(),
        RedressRoute::AgencyComplaint {
            agency: nursery,
            received_on: d(2026, 11, 2),
            respond_by: Some(d(2100, 12, 31)),
            responded_on: Some(d(2026, 11, 30)),
        },
    );
    let when = at(2028, 5, 1);
    let r1 = orig
        .apply(Change::UpdateComplaintOrAppeal(u.clone()), by(), when)
        .map(|_| ());
    let r2 = copy
        .apply(Change::UpdateComplaintOrAppeal(u), by(), when)
        .map(|_| ());
    assert_eq!(r1.is_ok(), r2.is_ok());
    assert_eq!(orig, copy);
    assert_eq!(orig.to_json(), copy.to_json());
    // And the JSON-built equivalent of the complaints has the same entries.
    let mut json: Value = serde_json::from_str(&record.to_json()).unwrap();
    let redress_json = json["complaintsAndAppeals"].clone();
    json["complaintsAndAppeals"] = redress_json;
    let rebuilt = read(&json);
    assert_eq!(rebuilt, record);
    run_reports(
        &record,
        &[d(2026, 11, 20), d(2100, 12, 31), d(9999, 12, 31)],
        &[0, 100_000],
        &[],
    );
}

#[test]
fn round_trip_after_apply_with_only_about_school_and_extended_flags() {
    let mut record = read(&record());
    let id = RedressId::random();
    record
        .apply(
            Change::AddComplaintOrAppeal(redress(
                id,
                mum(),
                appeal_route(d(2026, 10, 1), true, None, Some(d(2026, 10, 1))),
            )),
            by(),
            at(2026, 10, 1),
        )
        .unwrap();
    let p = RedressId::random();
    record
        .apply(
            Change::AddComplaintOrAppeal(redress(
                p,
                mum(),
                RedressRoute::SocialCareComplaint {
                    stage: ComplaintStage::ReviewPanel,
                    received_on: d(2026, 10, 1),
                    extended: false,
                    responded_on: Some(d(2026, 10, 1)),
                },
            )),
            by(),
            at(2026, 10, 1),
        )
        .unwrap();
    let again = PartnershipRecord::from_json(&record.to_json()).unwrap();
    assert_eq!(again, record);
}

// ---------------------------------------------------------------------------
// Promise 3: due list and report list, never panic, no personal data.
// ---------------------------------------------------------------------------

#[test]
fn due_lists_complaints_and_appeals_and_report_names_no_one() {
    let json = with_redress(json!([
        {"id": "00000000-0000-4000-8000-00000000e001", "carer": MUM,
         "route": {"kind": "social-care-complaint", "stage": "local-resolution", "receivedOn": "2026-11-02"}},
        {"id": "00000000-0000-4000-8000-00000000e002", "carer": DAD,
         "route": {"kind": "agency-complaint", "agency": NURSERY, "receivedOn": "2026-11-02", "respondBy": "2026-11-10"}},
        {"id": "00000000-0000-4000-8000-00000000e003", "carer": DAD,
         "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01"}}
    ]));
    let r = read(&json);
    let calendar = WorkingCalendar::england_and_wales();
    let due = due_items(std::slice::from_ref(&r), d(2026, 11, 20), 30, &calendar);
    assert_eq!(
        due.iter()
            .filter(|x| x.kind == DueKind::ComplaintResponse)
            .count(),
        2,
        "{due:?}"
    );
    assert_eq!(
        due.iter()
            .filter(|x| x.kind == DueKind::AppealDeadline)
            .count(),
        1,
        "{due:?}"
    );
    run_reports(
        &r,
        &[d(2026, 11, 20), d(2026, 12, 1), d(2026, 12, 2)],
        &[0, 30],
        &[],
    );
}

fn with_adjustment(words: &str) -> Value {
    let mut json = with_redress(json!([
        {"id": "00000000-0000-4000-8000-00000000e004", "carer": MUM,
         "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01"}}
    ]));
    json["carers"][0]["adjustments"] = json!([
        {"id": "00000000-0000-4000-8000-00000000e005", "neededBy": "carer", "agency": NURSERY,
         "adjustment": words, "requestedOn": "2026-09-01"},
        {"id": "00000000-0000-4000-8000-00000000e006", "neededBy": "child", "agency": NURSERY,
         "adjustment": words, "requestedOn": "2026-09-01",
         "outcome": {"decision": "refused", "decidedOn": "2026-09-02", "decidedBy": KEY_WORKER, "reasons": words}},
        {"id": "00000000-0000-4000-8000-00000000e007", "neededBy": "child", "agency": NURSERY,
         "adjustment": words, "requestedOn": "2026-09-01",
         "outcome": {"decision": "partly-agreed", "decidedOn": "2026-09-02", "inPlaceFrom": "2026-09-02"}}
    ]);
    json
}

#[test]
fn unicode_adjustment_words_never_reach_report_or_due() {
    for words in [
        "أحتاج إلى مترجم لغة الإشارة",
        "Braille 🦽 papers — ĉiuj Ünïcødé",
        "e\u{301}cran agrandi",
        "\u{202e}Large print\u{202c}",
        "盲文资料",
        "Zalgo z̷̧͓a̵l̸g̶o̵",
    ] {
        let json = with_adjustment(words);
        let r = match outcome(&json.to_string()) {
            Ok(r) => r,
            Err(found) => {
                for (p, _, m) in found {
                    assert!(p.starts_with("/carers/0/adjustments/"), "{p}");
                    assert!(!m.contains(words), "{m}");
                }
                continue;
            }
        };
        run_reports(&r, &[d(2026, 11, 20), d(9999, 12, 31)], &[0, 60], &[words]);
        // Every significant piece of the words too.
        let text = r.practice_report(d(2026, 11, 20)).to_text();
        for piece in words.split_whitespace().filter(|p| p.chars().count() > 3) {
            assert!(!text.contains(piece), "{piece:?} in report");
        }
        assert!(!format!("{r:?}").contains(words));
    }
}

#[test]
fn adjustment_words_that_look_like_report_words_do_not_leak() {
    // Distinctive words hidden among report-like ones.
    let words = "Quokkafrass: appeal to the SEND Tribunal";
    let json = with_adjustment(words);
    let r = read(&json);
    run_reports(&r, &[d(2026, 11, 20)], &[0, 60], &["Quokkafrass", words]);
}

#[test]
fn carer_name_unicode_never_reaches_report_or_problems() {
    let mut json = with_redress(json!([
        {"id": "00000000-0000-4000-8000-00000000e008", "carer": MUM,
         "route": {"kind": "social-care-complaint", "stage": "investigation", "receivedOn": "2026-09-01"}},
        {"id": "00000000-0000-4000-8000-00000000e009", "carer": MUM,
         "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01"}}
    ]));
    let name = "Zoë Ñúñez-Ölçer 陈";
    json["carers"][0]["name"] = json!(name);
    let r = read(&json);
    run_reports(
        &r,
        &[d(2026, 11, 20), d(2027, 1, 1)],
        &[0, 365],
        &["Zoë", "Ñúñez", "陈", name],
    );
    // A refusal in the same record must not name her.
    json["complaintsAndAppeals"][1]["route"]["lodgedOn"] = json!("2026-11-02");
    let found = assert_refused_under(&json, "/complaintsAndAppeals/1", &["Zoë", "Ñúñez", "陈"]);
    assert!(!found.is_empty());
}

// ---------------------------------------------------------------------------
// Promise 4: adjustments.
// ---------------------------------------------------------------------------

fn adjustment_json(outcome_: Value, agency: &str) -> Value {
    let mut json = record();
    json["carers"][0]["adjustments"] = json!([{
        "id": "00000000-0000-4000-8000-00000000f001", "neededBy": "carer", "agency": agency,
        "adjustment": "Hearing loop, I am deaf", "requestedOn": "2026-10-01", "outcome": outcome_
    }]);
    json
}

#[test]
fn adjustment_dates_out_of_order_are_refused() {
    let a = |f: &str| format!("/carers/0/adjustments/0/{f}");
    let cases = [
        (
            json!({"decision": "agreed", "decidedOn": "2026-09-30"}),
            a("outcome/decidedOn"),
        ),
        (
            json!({"decision": "refused", "decidedOn": "0001-01-01"}),
            a("outcome/decidedOn"),
        ),
        (
            json!({"decision": "agreed", "decidedOn": "2026-10-05", "inPlaceFrom": "2026-10-04"}),
            a("outcome/inPlaceFrom"),
        ),
        (
            json!({"decision": "partly-agreed", "decidedOn": "9999-12-31", "inPlaceFrom": "9999-12-30"}),
            a("outcome/inPlaceFrom"),
        ),
        (
            json!({"decision": "refused", "decidedOn": "2026-10-05", "inPlaceFrom": "2026-10-05"}),
            a("outcome/inPlaceFrom"),
        ),
        (
            json!({"decision": "refused", "decidedOn": "2026-10-05", "inPlaceFrom": "9999-12-31"}),
            a("outcome/inPlaceFrom"),
        ),
        (
            json!({"decision": "Agreed", "decidedOn": "2026-10-05"}),
            a("outcome"),
        ),
        (
            json!({"decision": "agreed", "decidedOn": "2026-10-05", "inplacefrom": "2026-10-06"}),
            a("outcome"),
        ),
        (json!({"decision": "agreed"}), a("outcome")),
        (
            json!({"decision": "agreed", "decidedOn": "2026-10-05", "decidedBy": MUM}),
            a("outcome/decidedBy"),
        ),
        (
            json!({"decision": "agreed", "decidedOn": "2026-10-05", "decidedBy": NURSERY}),
            a("outcome/decidedBy"),
        ),
        (
            json!({"decision": "agreed", "decidedOn": "2026-10-05", "decidedBy": CHILD}),
            a("outcome/decidedBy"),
        ),
        (
            json!({"decision": "agreed", "decidedOn": "2026-10-05", "decidedBy": RECORD}),
            a("outcome/decidedBy"),
        ),
    ];
    for (o, pointer) in cases {
        let json = adjustment_json(o.clone(), NURSERY);
        let found = assert_refused_under(&json, &pointer, &["deaf", "Hearing"]);
        assert!(!found.is_empty(), "{o}");
    }
    for agency in [
        MUM,
        KEY_WORKER,
        CHILD,
        RECORD,
        "00000000-0000-4000-8000-00000000beef",
    ] {
        let json = adjustment_json(
            json!({"decision": "agreed", "decidedOn": "2026-10-05"}),
            agency,
        );
        assert_refused_under(
            &json,
            "/carers/0/adjustments/0/agency",
            &["deaf", "Hearing"],
        );
    }
    // The edges allowed: same day everywhere, leap day, end of time.
    for o in [
        json!({"decision": "agreed", "decidedOn": "2026-10-01", "inPlaceFrom": "2026-10-01"}),
        json!({"decision": "partly-agreed", "decidedOn": "2028-02-29", "inPlaceFrom": "2028-02-29"}),
        json!({"decision": "agreed", "decidedOn": "9999-12-31", "inPlaceFrom": "9999-12-31"}),
        json!({"decision": "refused", "decidedOn": "2026-10-01", "inPlaceFrom": null}),
    ] {
        let json = adjustment_json(o.clone(), NURSERY);
        let r = outcome(&json.to_string()).unwrap_or_else(|e| panic!("{o}: {e:?}"));
        run_reports(
            &r,
            &[d(2026, 11, 20), d(9999, 12, 31), NaiveDate::MAX],
            &[0, u32::MAX],
            &["deaf", "Hearing"],
        );
    }
}

#[test]
fn null_outcome_and_null_fields_in_adjustment() {
    let mut json = record();
    json["carers"][0]["adjustments"] = json!([{
        "id": "00000000-0000-4000-8000-00000000f002", "neededBy": "carer", "agency": NURSERY,
        "adjustment": "Hearing loop, I am deaf", "requestedOn": "2026-10-01", "outcome": null
    }]);
    if let Ok(r) = outcome(&json.to_string()) {
        assert_eq!(PartnershipRecord::from_json(&r.to_json()).unwrap(), r);
        run_reports(&r, &[d(2026, 11, 20)], &[0], &["deaf", "Hearing"]);
    }
    json["carers"][0]["adjustments"][0]["outcome"] =
        json!({"decision": "agreed", "decidedOn": null});
    assert_refused_under(&json, "/carers/0/adjustments/0", &["deaf", "Hearing"]);
}

#[test]
fn adjustment_through_update_carer_is_checked() {
    let mut record = read(&record());
    let make = |agency: AgencyId, outcome_: Option<AdjustmentOutcome>| {
        let mut parts = record_clone_carer();
        parts.adjustments = vec![AdjustmentRequest {
            id: AdjustmentId::random(),
            needed_by: AdjustmentFor::Carer,
            agency,
            adjustment: Sensitive::new(Label::new("Quiet room: autistic").unwrap()),
            requested_on: d(2026, 10, 1),
            outcome: outcome_,
        }];
        Carer::try_from(parts)
    };
    let nursery: AgencyId = NURSERY.parse().unwrap();
    let cases: Vec<(AgencyId, Option<AdjustmentOutcome>)> = vec![
        (AgencyId::random(), None),
        (KEY_WORKER.parse().unwrap(), None),
        (
            nursery,
            Some(AdjustmentOutcome {
                decision: AdjustmentDecision::Agreed,
                decided_on: d(2026, 9, 30),
                decided_by: None,
                reasons: None,
                in_place_from: None,
            }),
        ),
        (
            nursery,
            Some(AdjustmentOutcome {
                decision: AdjustmentDecision::Refused,
                decided_on: d(2026, 10, 2),
                decided_by: None,
                reasons: None,
                in_place_from: Some(d(2026, 10, 3)),
            }),
        ),
        (
            nursery,
            Some(AdjustmentOutcome {
                decision: AdjustmentDecision::Agreed,
                decided_on: d(2026, 10, 2),
                decided_by: None,
                reasons: None,
                in_place_from: Some(d(2026, 10, 1)),
            }),
        ),
        (
            nursery,
            Some(AdjustmentOutcome {
                decision: AdjustmentDecision::Agreed,
                decided_on: d(2026, 10, 2),
                decided_by: Some(ProfessionalId::random()),
                reasons: None,
                in_place_from: None,
            }),
        ),
        (
            nursery,
            Some(AdjustmentOutcome {
                decision: AdjustmentDecision::Agreed,
                decided_on: d(2026, 10, 2),
                decided_by: Some(MUM.parse().unwrap()),
                reasons: None,
                in_place_from: None,
            }),
        ),
    ];
    for (agency, o) in cases {
        match make(agency, o.clone()) {
            Err(_) => {}
            Ok(carer) => {
                let before = record.clone();
                let r = record.apply(Change::UpdateCarer(carer), by(), at(2026, 11, 20));
                let err = r
                    .err()
                    .unwrap_or_else(|| panic!("accepted adjustment {agency:?} {o:?}"));
                for p in &err.problems {
                    assert!(p.pointer.starts_with("/carers/0/adjustments/0"), "{p:?}");
                    assert!(!p.message.contains("autistic"));
                }
                assert_eq!(record, before);
            }
        }
    }
}

fn record_clone_carer() -> partnership::carers::CarerParts {
    read(&record()).carers()[0].clone().into_parts()
}

/// Dates the reader accepts beyond 0001..9999 (chrono's whole range) in every date
/// slot: reports and due never panic.
#[test]
fn chrono_range_ends_in_every_slot_never_panic() {
    let max = NaiveDate::MAX.to_string();
    let min = NaiveDate::MIN.to_string();
    let near_max = (NaiveDate::MAX - partnership::chrono::Days::new(40)).to_string();
    let mut json = with_redress(json!([
        {"id": "00000000-0000-4000-8000-00000000c101", "carer": MUM,
         "route": {"kind": "social-care-complaint", "stage": "investigation", "receivedOn": max, "extended": true}},
        {"id": "00000000-0000-4000-8000-00000000c102", "carer": MUM,
         "route": {"kind": "social-care-complaint", "stage": "local-resolution", "receivedOn": min}},
        {"id": "00000000-0000-4000-8000-00000000c103", "carer": MUM,
         "route": {"kind": "tribunal-appeal", "decisionSentOn": max, "mediationCertificateIssuedOn": max}},
        {"id": "00000000-0000-4000-8000-00000000c104", "carer": MUM,
         "route": {"kind": "tribunal-appeal", "decisionSentOn": near_max}},
        {"id": "00000000-0000-4000-8000-00000000c105", "carer": MUM,
         "route": {"kind": "tribunal-appeal", "decisionSentOn": min, "mediationCertificateIssuedOn": near_max}},
        {"id": "00000000-0000-4000-8000-00000000c106", "carer": MUM,
         "route": {"kind": "agency-complaint", "agency": NURSERY, "receivedOn": min, "respondBy": max}},
        {"id": "00000000-0000-4000-8000-00000000c107", "carer": MUM,
         "route": {"kind": "agency-complaint", "agency": NURSERY, "receivedOn": min, "respondBy": min}}
    ]));
    json["carers"][0]["adjustments"] = json!([
        {"id": "00000000-0000-4000-8000-00000000c108", "neededBy": "carer", "agency": NURSERY,
         "adjustment": "Hearing loop", "requestedOn": min},
        {"id": "00000000-0000-4000-8000-00000000c109", "neededBy": "carer", "agency": NURSERY,
         "adjustment": "Hearing loop", "requestedOn": max},
        {"id": "00000000-0000-4000-8000-00000000c10a", "neededBy": "carer", "agency": NURSERY,
         "adjustment": "Hearing loop", "requestedOn": min,
         "outcome": {"decision": "agreed", "decidedOn": max, "inPlaceFrom": max}}
    ]);
    let r = match outcome(&json.to_string()) {
        Ok(r) => r,
        Err(found) => {
            for (p, _, m) in &found {
                assert!(p.starts_with('/'), "{p}");
                assert_no_personal(m, &["Hearing"]);
            }
            eprintln!("refused: {found:?}");
            return;
        }
    };
    run_reports(
        &r,
        &[
            NaiveDate::MIN,
            d(1, 1, 1),
            d(2026, 11, 20),
            d(9999, 12, 31),
            NaiveDate::MAX,
        ],
        &[0, 1, 3660, u32::MAX],
        &["Hearing"],
    );
    assert_eq!(PartnershipRecord::from_json(&r.to_json()).unwrap(), r);
}

/// A Redress read directly with serde holds only consistent histories too.
#[test]
fn redress_deserialized_directly_is_checked() {
    for v in [
        json!({"id": "00000000-0000-4000-8000-00000000c201", "carer": MUM,
               "route": {"kind": "social-care-complaint", "stage": "review-panel", "receivedOn": "2026-11-02", "extended": true}}),
        json!({"id": "00000000-0000-4000-8000-00000000c201", "carer": MUM,
               "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01", "lodgedOn": "2026-11-02"}}),
        json!({"id": "00000000-0000-4000-8000-00000000c201", "carer": MUM,
               "route": {"kind": "agency-complaint", "agency": NURSERY, "receivedOn": "2026-11-02", "respondedOn": "2026-11-01"}}),
    ] {
        assert!(serde_json::from_value::<Redress>(v.clone()).is_err(), "{v}");
    }
}

/// Duplicate keys inside route: the first and the last cannot both be believed.
#[test]
fn duplicate_keys_inside_route_are_refused() {
    let id = "00000000-0000-4000-8000-00000000c202";
    let base = with_redress(json!([]));
    let text = base.to_string();
    for route in [
        r#"{"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01", "kind": "social-care-complaint", "stage": "local-resolution", "receivedOn": "2026-10-01"}"#,
        r#"{"kind": "social-care-complaint", "stage": "local-resolution", "receivedOn": "2026-11-02", "receivedOn": "2026-10-01"}"#,
        r#"{"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01", "lodgedOn": "2026-11-02", "onlyAboutTheSchoolNamed": false, "onlyAboutTheSchoolNamed": true}"#,
    ] {
        let entry =
            format!(r#""complaintsAndAppeals":[{{"id":"{id}","carer":"{MUM}","route":{route}}}]"#);
        let json = text.replacen(r#""complaintsAndAppeals":[]"#, &entry, 1);
        assert!(json.contains(id));
        match outcome(&json) {
            Ok(r) => panic!(
                "duplicate keys accepted as {:?}",
                r.complaints_and_appeals()[0].route()
            ),
            Err(found) => {
                for (p, _, m) in found {
                    assert!(p.starts_with("/complaintsAndAppeals/0"), "{p}");
                    assert_no_personal(&m, &[]);
                }
            }
        }
    }
}

/// A change refused for being out of time order leaves the record as it was.
#[test]
fn a_change_out_of_order_leaves_the_record() {
    let mut record = read(&with_redress(json!([])));
    let id = RedressId::random();
    let social = |responded| RedressRoute::SocialCareComplaint {
        stage: ComplaintStage::LocalResolution,
        received_on: d(2026, 11, 2),
        extended: false,
        responded_on: responded,
    };
    record
        .apply(
            Change::AddComplaintOrAppeal(redress(id, mum(), social(None))),
            by(),
            at(2026, 11, 10),
        )
        .unwrap();
    refused_unchanged(
        &mut record,
        Change::UpdateComplaintOrAppeal(redress(id, mum(), social(Some(d(2026, 11, 3))))),
        at(2026, 11, 5),
    );
    refused_unchanged(
        &mut record,
        Change::AddComplaintOrAppeal(redress(RedressId::random(), mum(), social(None))),
        at(2026, 11, 9),
    );
    // An update by someone not in the team.
    let before = record.clone();
    let r = record.apply(
        Change::UpdateComplaintOrAppeal(redress(id, mum(), social(Some(d(2026, 11, 11))))),
        ProfessionalId::random(),
        at(2026, 11, 11),
    );
    if r.is_err() {
        assert_eq!(record, before);
    }
}

/// Every open complaint with a deadline in the calendar and every unlodged appeal is
/// listed, overdue or not, with its pointer and kind.
#[test]
fn due_lists_every_open_kind() {
    let json = with_redress(json!([
        {"id": "00000000-0000-4000-8000-00000000c301", "carer": MUM,
         "route": {"kind": "social-care-complaint", "stage": "review-panel", "receivedOn": "2026-01-05"}},
        {"id": "00000000-0000-4000-8000-00000000c302", "carer": MUM,
         "route": {"kind": "social-care-complaint", "stage": "investigation", "receivedOn": "2026-11-02", "extended": true}},
        {"id": "00000000-0000-4000-8000-00000000c303", "carer": MUM,
         "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-01-05", "onlyAboutTheSchoolNamed": true}},
        {"id": "00000000-0000-4000-8000-00000000c304", "carer": MUM,
         "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01", "mediationCertificateIssuedOn": "2026-11-19"}},
        {"id": "00000000-0000-4000-8000-00000000c305", "carer": DAD,
         "route": {"kind": "agency-complaint", "agency": NURSERY, "receivedOn": "2026-11-02", "respondBy": "2026-11-03"}},
        {"id": "00000000-0000-4000-8000-00000000c306", "carer": DAD,
         "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01", "mediationCertificateIssuedOn": "2026-11-19", "lodgedOn": "2026-11-19"}},
        {"id": "00000000-0000-4000-8000-00000000c307", "carer": DAD,
         "route": {"kind": "social-care-complaint", "stage": "local-resolution", "receivedOn": "2026-11-02", "respondedOn": "2026-11-03"}}
    ]));
    let r = read(&json);
    let calendar = WorkingCalendar::england_and_wales();
    let due = due_items(std::slice::from_ref(&r), d(2026, 11, 20), 365, &calendar);
    let mut got: Vec<(String, DueKind)> = due
        .iter()
        .filter(|x| x.pointer.starts_with("/complaintsAndAppeals"))
        .map(|x| (x.pointer.clone(), x.kind))
        .collect();
    got.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        got,
        vec![
            (
                "/complaintsAndAppeals/0".to_owned(),
                DueKind::ComplaintResponse
            ),
            (
                "/complaintsAndAppeals/1".to_owned(),
                DueKind::ComplaintResponse
            ),
            (
                "/complaintsAndAppeals/2".to_owned(),
                DueKind::AppealDeadline
            ),
            (
                "/complaintsAndAppeals/3".to_owned(),
                DueKind::AppealDeadline
            ),
            (
                "/complaintsAndAppeals/4".to_owned(),
                DueKind::ComplaintResponse
            ),
        ]
    );
    // Overdue items are listed with within_days 0 too.
    let due0 = due_items(std::slice::from_ref(&r), d(2026, 11, 20), 0, &calendar);
    assert!(
        due0.iter()
            .any(|x| x.pointer == "/complaintsAndAppeals/0" && x.days_overdue > 0)
    );
    assert!(
        due0.iter()
            .any(|x| x.pointer == "/complaintsAndAppeals/2" && x.days_overdue > 0)
    );
    assert!(
        due0.iter()
            .any(|x| x.pointer == "/complaintsAndAppeals/4" && x.days_overdue > 0)
    );
}

/// An adjustment request recorded through `apply` (UpdateCarer) dated after the change.
#[test]
fn adjustment_dated_after_the_change_is_refused() {
    let nursery: AgencyId = NURSERY.parse().unwrap();
    for (requested, outcome_) in [
        (d(2026, 11, 21), None),
        (d(9999, 12, 31), None),
        (
            d(2026, 10, 1),
            Some(AdjustmentOutcome {
                decision: AdjustmentDecision::Agreed,
                decided_on: d(2026, 11, 21),
                decided_by: None,
                reasons: None,
                in_place_from: None,
            }),
        ),
        (
            d(2026, 10, 1),
            Some(AdjustmentOutcome {
                decision: AdjustmentDecision::Agreed,
                decided_on: d(2026, 11, 1),
                decided_by: None,
                reasons: None,
                in_place_from: Some(d(2100, 12, 31)),
            }),
        ),
    ] {
        let mut record = read(&with_redress(json!([])));
        let mut parts = record.carers()[0].clone().into_parts();
        parts.adjustments = vec![AdjustmentRequest {
            id: AdjustmentId::random(),
            needed_by: AdjustmentFor::Child,
            agency: nursery,
            adjustment: Sensitive::new(Label::new("Quiet room").unwrap()),
            requested_on: requested,
            outcome: outcome_.clone(),
        }];
        let carer = Carer::try_from(parts).unwrap();
        let before = record.clone();
        let r = record.apply(Change::UpdateCarer(carer), by(), at(2026, 11, 20));
        assert!(
            r.is_err(),
            "recorded at 2026-11-20 an adjustment requested {requested} with outcome {outcome_:?}"
        );
        assert_eq!(record, before);
    }
}

/// Free text put in a key (a misspelt field holding what the carer said) is not
/// echoed back in the message either.
#[test]
fn free_text_as_a_field_name_is_not_echoed() {
    let json = with_redress(
        json!([{"id": "00000000-0000-4000-8000-00000000c401", "carer": MUM,
        "route": {"kind": "tribunal-appeal", "decisionSentOn": "2026-10-01",
                  "Samira says the nursery hit Layla": true}}]),
    );
    assert_refused_under(&json, "/complaintsAndAppeals/0", &["nursery hit"]);
    let mut json = record();
    json["carers"][0]["adjustments"] = json!([{
        "id": "00000000-0000-4000-8000-00000000c402", "neededBy": "carer", "agency": NURSERY,
        "adjustment": "Quiet room", "requestedOn": "2026-10-01",
        "I have epilepsy and need breaks": "yes"}]);
    assert_refused_under(&json, "/carers/0/adjustments/0", &["epilepsy"]);
}

/// Adjustment words the label refuses (control characters, empty, enormous) are
/// refused at their field without being echoed.
#[test]
fn odd_adjustment_words_are_refused_without_echo() {
    let long = "deafblind ".repeat(20_000);
    for words in [
        "Quiet\nroom for my ADHD",
        "\u{0}ADHD nul",
        "",
        "   ",
        "ADHD\u{7}bell",
        long.as_str(),
    ] {
        let mut json = record();
        json["carers"][0]["adjustments"] = json!([{
            "id": "00000000-0000-4000-8000-00000000c403", "neededBy": "carer", "agency": NURSERY,
            "adjustment": words, "requestedOn": "2026-10-01"}]);
        match outcome(&json.to_string()) {
            Ok(r) => run_reports(&r, &[d(2026, 12, 20)], &[0], &["ADHD", "deafblind"]),
            Err(found) => {
                for (p, _, m) in found {
                    assert!(
                        p.starts_with("/carers/0/adjustments/0") || p.is_empty(),
                        "{p}"
                    );
                    assert_no_personal(&m, &["ADHD", "deafblind"]);
                }
            }
        }
    }
}
