//! Benchmarks for sharing decisions and the disclosure ledger.
//!
//! Run with `cargo bench --bench consent`; the README lists the times measured.

use std::hint::black_box;

use chrono::{Duration, TimeZone, Utc};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use partnership::consent::*;
use partnership::core::*;

const ROLES: [ProfessionalRole; 4] = [
    ProfessionalRole::SpeechAndLanguageTherapist,
    ProfessionalRole::Teacher,
    ProfessionalRole::Paediatrician,
    ProfessionalRole::SocialWorker,
];

fn uuid(n: u128) -> uuid::Uuid {
    uuid::Uuid::from_u128(n)
}

/// A child with `consents` consents from her mother across roles, purposes and
/// categories, five withholding rules, and a request to a speech and language
/// therapist.
fn world(consents: usize) -> Option<(SharingRequest, Vec<ConsentRecord>, Vec<WithholdingRule>)> {
    let child = ChildId::from_uuid(uuid(1));
    let mum = CarerId::from_uuid(uuid(2));
    let start = Utc
        .with_ymd_and_hms(2026, 1, 5, 9, 0, 0)
        .single()
        .unwrap_or_default();
    let categories = DataCategory::FIXED;
    let purposes = Purpose::FIXED;
    let records = (0..consents)
        .filter_map(|i| {
            let role = ROLES.get(i % ROLES.len())?.clone();
            ConsentRecord::try_from(ConsentRecordParts {
                id: ConsentId::from_uuid(uuid(100 + i as u128)),
                child,
                given_by: ConsentGiver::ParentalResponsibility { carer: mum },
                scope: Scope {
                    purposes: vec![purposes.get(i % purposes.len())?.clone()],
                    recipients: vec![RecipientScope::Role { role }],
                    data_categories: vec![
                        categories.get(i % categories.len())?.clone(),
                        categories.get((i + 1) % categories.len())?.clone(),
                    ],
                },
                valid_from: start.date_naive(),
                valid_until: Some(start.date_naive() + Duration::days(365)),
                method: ConsentMethod::Written,
                notice_version: Label::new("v1").ok()?,
                events: vec![
                    ConsentEvent::new(
                        ConsentEventKind::Requested,
                        start,
                        PartyRef::Professional {
                            id: ProfessionalId::from_uuid(uuid(3)),
                        },
                    ),
                    ConsentEvent::new(
                        ConsentEventKind::Given,
                        start + Duration::days(1),
                        PartyRef::Carer { id: mum },
                    ),
                ],
            })
            .ok()
        })
        .collect();
    let rules = (0..5)
        .filter_map(|i| {
            WithholdingRule::try_from(WithholdingRuleParts {
                id: WithholdingRuleId::from_uuid(uuid(500 + i)),
                child,
                protects: vec![PartyRef::Carer { id: mum }],
                data_categories: vec![DataCategory::ContactDetails],
                withheld_from: vec![RecipientScope::Carer {
                    id: CarerId::from_uuid(uuid(600 + i)),
                }],
                reason: Sensitive::new("Protect a new address".into()),
                decided_by: ProfessionalId::from_uuid(uuid(3)),
                from: start.date_naive(),
                until: None,
            })
            .ok()
        })
        .collect();
    let request = SharingRequest::try_from(SharingRequestParts {
        id: SharingRequestId::from_uuid(uuid(9)),
        child,
        requested_by: ProfessionalId::from_uuid(uuid(3)),
        recipient: Recipient::Professional {
            id: ProfessionalId::from_uuid(uuid(4)),
            role: ProfessionalRole::SpeechAndLanguageTherapist,
            agency: AgencyId::from_uuid(uuid(5)),
            agency_kind: AgencyKind::Health,
        },
        purpose: Purpose::EducationSupportPlanning,
        data_categories: vec![
            DataCategory::ContactDetails,
            DataCategory::EducationProgress,
        ],
        at: start + Duration::days(30),
        child_capacity: ChildCapacity::NotAssessed,
    });
    Some((request.ok()?, records, rules))
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("decide");
    for n in [1usize, 10, 50, 200] {
        let Some((request, consents, rules)) = world(n) else {
            continue;
        };
        group.bench_with_input(BenchmarkId::new("consents", n), &n, |b, _| {
            b.iter(|| {
                decide(
                    black_box(&request),
                    black_box(&consents),
                    black_box(&rules),
                    None,
                )
            })
        });
    }
    group.finish();

    let Some((request, consents, rules)) = world(50) else {
        return;
    };
    // Deciding, hashing and appending, as `PartnershipRecord::decide` does once the
    // facts are resolved. Every entry is recorded at the request's time, which the
    // ledger allows (time never goes back).
    let decision = decide(&request, &consents, &rules, None);
    c.bench_function("ledger_append_decision", |b| {
        let mut ledger = DisclosureLedger::default();
        let at = request.at();
        b.iter(|| {
            let decision = decide(black_box(&request), &consents, &rules, None);
            ledger.append(request.clone(), decision, at)
        })
    });

    // Recording a decision and signing a checkpoint of the new head, as
    // `share --record --key` does.
    c.bench_function("ledger_append_and_sign", |b| {
        let key = LedgerSigningKey::from_bytes([7; 32]);
        let mut ledger = DisclosureLedger::default();
        let at = request.at();
        b.iter(|| {
            let decision = decide(black_box(&request), &consents, &rules, None);
            let _ = ledger.append(request.clone(), decision, at);
            key.checkpoint(ledger.head())
        })
    });

    let mut ledger = DisclosureLedger::default();
    for _ in 0..10_000 {
        let _ = ledger.append(request.clone(), decision.clone(), request.at());
    }
    c.bench_function("ledger_verify_10000", |b| {
        b.iter(|| black_box(&ledger).verify())
    });

    // The target: a million entries verified in at most a second.
    for _ in 10_000..1_000_000 {
        let _ = ledger.append(request.clone(), decision.clone(), request.at());
    }
    let key = LedgerSigningKey::from_bytes([7; 32]);
    let checkpoint = key.checkpoint(ledger.head());
    let trusted = key.verifying_key();
    let mut group = c.benchmark_group("ledger_verify_1000000");
    group.sample_size(10);
    group.bench_function("one_thread", |b| b.iter(|| black_box(&ledger).verify()));
    if let Some(two) = std::num::NonZeroUsize::new(2) {
        group.bench_function("two_threads", |b| {
            b.iter(|| black_box(&ledger).verify_with_threads(two))
        });
        // The chain on two threads, then the one signature that covers it.
        group.bench_function("two_threads_and_signature", |b| {
            b.iter(|| {
                black_box(&ledger).verify_with_key_and_threads(
                    std::slice::from_ref(&checkpoint),
                    &trusted,
                    two,
                )
            })
        });
    }
    group.bench_function("with_key_one_thread", |b| {
        b.iter(|| black_box(&ledger).verify_with_key(std::slice::from_ref(&checkpoint), &trusted))
    });
    group.finish();
}

criterion_group!(consent, benches);
criterion_main!(consent);
