//! Benchmarks for whole records: loading with validation beside plain serde, and due
//! lists across a synthetic authority.
//!
//! Run with `cargo bench --bench record`; the README lists the times measured.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use partnership::record::{PartnershipRecord, PartnershipRecordParts, due_items};
use partnership::reviews::WorkingCalendar;
use partnership_scenarios::synthetic::{AS_OF, authority, large_record};

/// Loading a record: `PartnershipRecord::from_json` (every check, errors with JSON
/// Pointers) beside `serde_json::from_str` of the same types without the record's
/// checks, on the same bytes. The target is at least 70% of serde's throughput.
fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_record");
    group.sample_size(20);
    for megabytes in [1usize, 10] {
        let Ok(record) = large_record(megabytes * 1_000_000, 42) else {
            continue;
        };
        let json = record.to_json();
        group.throughput(Throughput::Bytes(json.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("serde_json_parts", megabytes),
            &json,
            |b, json| {
                b.iter(|| serde_json::from_str::<PartnershipRecordParts>(black_box(json)).is_ok())
            },
        );
        group.bench_with_input(
            BenchmarkId::new("from_json_validated", megabytes),
            &json,
            |b, json| b.iter(|| PartnershipRecord::from_json(black_box(json)).is_ok()),
        );
        group.bench_with_input(
            BenchmarkId::new("serde_json_value", megabytes),
            &json,
            |b, json| b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(json)).is_ok()),
        );
    }
    group.finish();
}

/// What is due across an authority's records, on one core: the target is 100,000
/// records in at most 100 ms, and ten times the records in 8 to 12 times the time.
fn due(c: &mut Criterion) {
    let calendar = WorkingCalendar::england_and_wales();
    let mut group = c.benchmark_group("due_items");
    group.sample_size(10);
    for children in [10_000usize, 100_000] {
        let Ok(records) = authority(children, 7) else {
            continue;
        };
        group.throughput(Throughput::Elements(children as u64));
        group.bench_with_input(
            BenchmarkId::new("records", children),
            &records,
            |b, records| b.iter(|| due_items(black_box(records), AS_OF, 14, &calendar).len()),
        );
    }
    group.finish();
}

/// Refusing hostile input costs at most one pass over it, and with the default
/// limits stops at the first byte past a limit: a megabyte and ten megabytes of
/// nesting, and of one long string, cost about the same to refuse.
fn reject(c: &mut Criterion) {
    let limits = partnership::core::json::InputLimits::default();
    let mut group = c.benchmark_group("reject_hostile");
    group.sample_size(20);
    for megabytes in [1usize, 10] {
        let n = megabytes * 1_000_000;
        let deep = format!(
            "{{\"schemaVersion\": {}{}}}",
            "[".repeat(n / 2),
            "]".repeat(n / 2)
        );
        let long = format!("{{\"schemaVersion\": 2, \"id\": \"{}\"}}", "x".repeat(n));
        group.throughput(Throughput::Bytes(n as u64));
        for (what, input) in [("deep", deep), ("long_string", long)] {
            group.bench_with_input(BenchmarkId::new(what, megabytes), &input, |b, input| {
                b.iter(|| PartnershipRecord::from_json_with(black_box(input), &limits).is_err())
            });
        }
    }
    group.finish();
}

criterion_group!(record, load, due, reject);
criterion_main!(record);
