//! Benchmarks for working-day arithmetic and review deadlines.
//!
//! Run with `cargo bench --bench reviews`; the README lists the times measured.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use partnership::reviews::{ReviewKind, WorkingCalendar, next_review_due};

fn benches(c: &mut Criterion) {
    let calendar = WorkingCalendar::england_and_wales();
    let start = NaiveDate::from_ymd_opt(2026, 12, 18).unwrap_or_default();
    c.bench_function("add_working_days_20", |b| {
        b.iter(|| calendar.add_working_days(black_box(start), black_box(20)))
    });
    c.bench_function("working_days_between_one_year", |b| {
        let end = NaiveDate::from_ymd_opt(2027, 12, 18).unwrap_or_default();
        b.iter(|| calendar.working_days_between(black_box(start), black_box(end)))
    });
    let kind = ReviewKind::LookedAfterChild;
    c.bench_function("next_review_due_first_looked_after", |b| {
        b.iter(|| next_review_due(black_box(&kind), black_box(start), &[], &calendar))
    });
    let held = [
        NaiveDate::from_ymd_opt(2027, 1, 15).unwrap_or_default(),
        NaiveDate::from_ymd_opt(2027, 4, 12).unwrap_or_default(),
    ];
    c.bench_function("next_review_due_after_two_reviews", |b| {
        b.iter(|| {
            next_review_due(
                black_box(&kind),
                black_box(start),
                black_box(&held),
                &calendar,
            )
        })
    });
    c.bench_function("build_england_and_wales_calendar", |b| {
        b.iter(WorkingCalendar::england_and_wales)
    });
}

criterion_group!(reviews, benches);
criterion_main!(reviews);
