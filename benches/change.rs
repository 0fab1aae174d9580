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
use partnership_scenarios::synthetic::{AS_OF, large_record};

/// How many entries a record holds, across the lists a change could touch.
fn entries(record: &PartnershipRecord) -> usize {
    record.carers().len()
        + record.professionals().len()
        + record.communication_agreements().len()
        + record.contact_log().len()
        + record.goals().len()
        + record.consents().len()
        + record.disclosures().len()
        + record.barriers().len()
        + record.reviews().len()
}

fn benches(c: &mut Criterion) {
    // About 900 kB of JSON: roughly a thousand entries (printed below).
    let Ok(record) = large_record(900_000, 7) else {
        return;
    };
    println!("record with {} entries", entries(&record));
    let Some(by) = record.professionals().first().map(|p| p.id) else {
        return;
    };
    let Some(carer) = record.carers().first().map(|c| c.id()) else {
        return;
    };
    // After the last discussion in the log, which the synthetic history runs up to.
    let last = record
        .contact_log()
        .last()
        .map_or(AS_OF, |r| r.date().max(AS_OF));
    let Some(at) = last
        .and_hms_opt(16, 0, 0)
        .map(|t| Utc.from_utc_datetime(&t))
    else {
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
    // Each change measured must be one the record takes.
    if let Err(err) = record
        .clone()
        .apply(Change::RecordContact(call.clone()), by, at)
    {
        eprintln!("the contact to record does not fit the record: {err}");
        return;
    }
    let mut group = c.benchmark_group("change_record");
    group.sample_size(30);
    group.bench_function("check_whole_record", |b| {
        b.iter_batched(
            || record.clone().into_parts(),
            // The record is returned so that dropping it is not timed.
            |parts| PartnershipRecord::try_from(black_box(parts)),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("apply_record_contact", |b| {
        b.iter_batched(
            || (record.clone(), call.clone()),
            |(mut r, call)| {
                let made = r.apply(Change::RecordContact(call), by, at).is_ok();
                (r, made)
            },
            BatchSize::LargeInput,
        )
    });
    if let Some(updated) = record.carers().first().cloned()
        && record
            .clone()
            .apply(Change::UpdateCarer(updated.clone()), by, at)
            .is_ok()
    {
        group.bench_function("apply_update_carer", |b| {
            b.iter_batched(
                || (record.clone(), updated.clone()),
                |(mut r, carer)| {
                    let made = r.apply(Change::UpdateCarer(carer), by, at).is_ok();
                    (r, made)
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.bench_function("clone_record", |b| b.iter(|| black_box(&record).clone()));
    group.finish();
}

criterion_group!(change, benches);
criterion_main!(change);
