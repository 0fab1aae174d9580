//! Benchmarks for changing a record: one change through `PartnershipRecord::apply`
//! beside checking the whole record again, on a record of about a thousand entries.
//!
//! Run with `cargo bench --bench change`; the README lists the times measured. The
//! target is that one change costs at most a tenth of the whole check.

use std::hint::black_box;

use chrono::{TimeZone, Utc};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use partnership::carers::{Channel, ContactRecord, ContactRecordParts};
use partnership::core::{ContactRecordId, PartyRef, Sensitive};
use partnership::record::{Change, PartnershipRecord};
use partnership_scenarios::synthetic::large_record;

/// How many entries a record holds, across the lists a change could touch.
fn entries(record: &PartnershipRecord) -> usize {
    record.carers.len()
        + record.professionals.len()
        + record.communication_agreements.len()
        + record.contact_log.len()
        + record.goals.len()
        + record.consents.len()
        + record.disclosures.len()
        + record.barriers.len()
        + record.reviews.len()
}

fn benches(c: &mut Criterion) {
    // About 250 kB of JSON: roughly a thousand entries (printed below).
    let Ok(record) = large_record(250_000, 7) else {
        return;
    };
    println!("record with {} entries", entries(&record));
    let Some(by) = record.professionals.first().map(|p| p.id) else {
        return;
    };
    let Some(carer) = record.carers.first().map(|c| c.id) else {
        return;
    };
    let Some(at) = Utc.with_ymd_and_hms(2026, 11, 23, 16, 0, 0).single() else {
        return;
    };
    let contact = |n: u128| {
        ContactRecord::try_from(ContactRecordParts {
            id: ContactRecordId::from(uuid::Uuid::from_u128(0x00c0_ffee_0000 + n)),
            date: at.date_naive(),
            channel: Channel::Phone,
            participants: vec![PartyRef::Carer { id: carer }],
            summary: Sensitive::new("A call about the week".into()),
            agreed_actions: vec![],
        })
    };
    let Ok(call) = contact(1) else {
        return;
    };
    let mut group = c.benchmark_group("change_record");
    group.sample_size(30);
    group.bench_function("check_whole_record", |b| {
        b.iter_batched(
            || record.clone().into_parts(),
            |parts| PartnershipRecord::try_from(black_box(parts)).is_ok(),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("apply_record_contact", |b| {
        b.iter_batched(
            || (record.clone(), call.clone()),
            |(mut r, call)| r.apply(Change::RecordContact(call), by, at).is_ok(),
            BatchSize::LargeInput,
        )
    });
    if let Some(updated) = record.carers.first().cloned() {
        group.bench_function("apply_update_carer", |b| {
            b.iter_batched(
                || (record.clone(), updated.clone()),
                |(mut r, carer)| r.apply(Change::UpdateCarer(carer), by, at).is_ok(),
                BatchSize::LargeInput,
            )
        });
    }
    group.bench_function("clone_record", |b| b.iter(|| black_box(&record).clone()));
    group.finish();
}

criterion_group!(change, benches);
criterion_main!(change);
