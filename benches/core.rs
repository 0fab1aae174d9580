//! Benchmarks for the foundation: parsing identifiers, school years, update
//! deadlines and reading a carer from JSON.
//!
//! Run with `cargo bench --bench core`; the README lists the medians measured.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use partnership::carers::{Carer, Channel, CommunicationAgreement, UpdateFrequency};
use partnership::core::{NhsNumber, SchoolYear};
use partnership::prelude::*;

const CARER: &str = r#"{
  "id": "6f1b0c2e-4d8a-4a7e-9b3f-1c2d3e4f5a6b",
  "name": "Joanne Baker",
  "relationship": {"kind": "foster-carer"},
  "legalStanding": {"kind": "delegated-authority", "areas": [{"kind": "education"}, {"kind": "health"}]},
  "livesWithChild": true,
  "primaryContact": true,
  "communication": {
    "channels": ["phone", "email"],
    "preferredLanguage": "en-GB",
    "interpreterNeeded": false,
    "easyReadNeeded": false,
    "availability": [{"day": "monday", "from": "18:30", "until": "20:00"}]
  }
}"#;

fn benches(c: &mut Criterion) {
    c.bench_function("nhs_number_parse_grouped", |b| {
        b.iter(|| NhsNumber::parse(black_box("943 476 5919")))
    });

    let born = NaiveDate::from_ymd_opt(2015, 1, 10).unwrap_or_default();
    let on = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    c.bench_function("school_year_on", |b| {
        b.iter(|| SchoolYear::on(black_box(born), black_box(on)))
    });

    let agreement = CommunicationAgreement {
        id: partnership::core::AgreementId::from_uuid(Default::default()),
        carer: CarerId::from_uuid(Default::default()),
        frequency: UpdateFrequency::Monthly,
        channel: Channel::Phone,
        updates_given_by: PartyRef::Professional {
            id: ProfessionalId::from_uuid(Default::default()),
        },
        agreed_on: on,
    };
    c.bench_function("next_update_due_monthly", |b| {
        b.iter(|| agreement.next_update_due(black_box(on)))
    });

    c.bench_function("carer_from_json", |b| {
        b.iter(|| from_json_str::<Carer>(black_box(CARER)))
    });
}

criterion_group!(core, benches);
criterion_main!(core);
