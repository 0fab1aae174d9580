//! Benchmarks for the record-level decision: resolving the recipient, the child's
//! capacity, each giver's standing and the justifications from the record, then
//! deciding; and the same decision recorded in the ledger.
//!
//! Run with `cargo bench --bench decide`; the README lists the times measured. The
//! target: within a microsecond at 50 consents on one core.

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use partnership::chrono::{DateTime, Utc};
use partnership::consent::SharingQuestion;
use partnership::record::PartnershipRecord;
use serde_json::{Value, json};

const ROLES: [&str; 4] = [
    "speech-and-language-therapist",
    "teacher",
    "paediatrician",
    "social-worker",
];
const PURPOSES: [&str; 7] = [
    "education-support-planning",
    "health-care",
    "social-care-assessment",
    "multi-agency-planning",
    "referral-to-service",
    "statistics",
    "safeguarding",
];
const CATEGORIES: [&str; 9] = [
    "contact-details",
    "education-progress",
    "health",
    "special-educational-needs-and-disability",
    "family-circumstances",
    "childs-views",
    "safeguarding-information",
    "ethnicity",
    "religion-or-belief",
];

fn id(n: u32) -> String {
    format!("00000000-0000-4000-8000-{n:012x}")
}

/// A twelve-year-old with `consents` consents from her mother across roles, purposes
/// and categories, five withholding rules, a team of four in two agencies, one
/// justification for children's social care, and a question to her speech and
/// language therapist about two categories, as the consent benchmark asks.
fn world(consents: usize) -> Option<(PartnershipRecord, SharingQuestion)> {
    let pick = |list: &[&'static str], i: usize| list.get(i % list.len()).copied();
    let consent = |i: usize| -> Option<Value> {
        Some(json!({
            "id": id(100 + i as u32), "child": id(1),
            "givenBy": {"kind": "parental-responsibility", "carer": id(2)},
            "scope": {
                "purposes": [{"kind": pick(&PURPOSES, i)?}],
                "recipients": [{"kind": "role", "role": {"kind": pick(&ROLES, i)?}}],
                "dataCategories": [{"kind": pick(&CATEGORIES, i)?}, {"kind": pick(&CATEGORIES, i + 1)?}]
            },
            "validFrom": "2026-01-05", "validUntil": "2027-01-05", "method": "written", "noticeVersion": "v1",
            "events": [
                {"kind": "requested", "at": "2026-01-05T09:00:00Z", "by": {"kind": "professional", "id": id(3)}},
                {"kind": "given", "at": "2026-01-06T09:00:00Z", "by": {"kind": "carer", "id": id(2)}}
            ]
        }))
    };
    let rule = |i: u32| {
        json!({
            "id": id(500 + i), "child": id(1), "protects": [{"kind": "carer", "id": id(2)}],
            "dataCategories": [{"kind": "contact-details"}],
            "withheldFrom": [{"kind": "carer", "id": id(600 + i)}],
            "reason": "Protect a new address", "decidedBy": id(3), "from": "2026-01-05"
        })
    };
    let carer = |n: u32, relationship: &str, standing: Value| {
        json!({"id": id(n), "name": "A carer", "relationship": {"kind": relationship}, "legalStanding": standing,
               "livesWithChild": true, "primaryContact": false,
               "communication": {"preferredLanguage": "en-GB", "interpreterNeeded": false, "easyReadNeeded": false}})
    };
    let mut carers = vec![carer(
        2,
        "birth-parent",
        json!({"kind": "parental-responsibility", "basis": {"kind": "birth-mother"}}),
    )];
    carers.extend((0..5).map(|i| carer(600 + i, "other-relative", json!({"kind": "none"}))));
    let record = json!({
        "schemaVersion": 2, "id": id(9),
        "child": {"id": id(1), "name": "A child", "dateOfBirth": "2014-02-18"},
        "carers": carers,
        "agencies": [
            {"id": id(5), "name": "Therapy service", "kind": {"kind": "health"}},
            {"id": id(6), "name": "Children's Social Care", "kind": {"kind": "social-care"}}
        ],
        "professionals": [
            {"id": id(3), "name": "A SENCO", "role": {"kind": "senco"}, "agency": id(6)},
            {"id": id(4), "name": "A therapist", "role": {"kind": "speech-and-language-therapist"}, "agency": id(5)},
            {"id": id(7), "name": "A social worker", "role": {"kind": "social-worker"}, "agency": id(6)},
            {"id": id(8), "name": "A manager", "role": {"kind": "social-worker"}, "agency": id(6)}
        ],
        "consents": (0..consents).map(consent).collect::<Option<Vec<_>>>()?,
        "withholdingRules": (0..5).map(rule).collect::<Vec<_>>(),
        "justifications": [{
            "id": id(700), "child": id(1), "lawfulBasis": {"kind": "public-task"},
            "reason": "A risk of harm", "recipients": [{"kind": "agency", "id": id(6)}],
            "purposes": [{"kind": "safeguarding"}], "dataCategories": [{"kind": "safeguarding-information"}],
            "decidedBy": id(7), "approvedBy": id(8),
            "validFrom": "2026-01-05T09:00:00Z", "validUntil": "2027-01-05T09:00:00Z",
            "carersTold": {"kind": "told", "on": "2026-01-05"}
        }]
    });
    let record = PartnershipRecord::from_json(&record.to_string()).ok()?;
    let question = serde_json::from_value(json!({
        "id": id(10), "child": id(1), "requestedBy": id(3),
        "recipient": {"kind": "professional", "id": id(4)},
        "purpose": {"kind": "education-support-planning"},
        "dataCategories": [{"kind": "contact-details"}, {"kind": "education-progress"}]
    }))
    .ok()?;
    Some((record, question))
}

fn benches(c: &mut Criterion) {
    let Ok(at) = "2026-02-04T09:00:00Z".parse::<DateTime<Utc>>() else {
        return;
    };
    let mut group = c.benchmark_group("record_what_if");
    for n in [1usize, 10, 50, 200] {
        let Some((record, question)) = world(n) else {
            continue;
        };
        group.bench_with_input(BenchmarkId::new("consents", n), &n, |b, _| {
            b.iter(|| black_box(&record).what_if(black_box(&question), at))
        });
    }
    group.finish();

    if let Some((record, question)) = world(50) {
        // Each decision on a fresh copy of the record, so that every one appends to a
        // ledger of the same length; copying the record and dropping it afterwards
        // are outside the measured time.
        c.bench_function("record_decide_and_record/consents/50", |b| {
            b.iter_batched(
                || record.clone(),
                |mut record| {
                    let decided = record.decide(black_box(&question), at);
                    (record, decided)
                },
                BatchSize::SmallInput,
            )
        });
    }
}

criterion_group!(decide, benches);
criterion_main!(decide);
