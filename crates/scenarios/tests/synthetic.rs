//! The synthetic authority: deterministic, valid, and a realistic mix.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use partnership_carers::Relationship;
use partnership_record::PartnershipRecord;
use partnership_scenarios::synthetic::{AS_OF, authority, large_record};

fn bytes(records: &[PartnershipRecord]) -> Vec<String> {
    records.iter().map(PartnershipRecord::to_json).collect()
}

#[test]
fn identical_seeds_give_identical_bytes() {
    assert_eq!(
        bytes(&authority(50, 11).unwrap()),
        bytes(&authority(50, 11).unwrap())
    );
}

#[test]
fn different_seeds_give_different_authorities() {
    assert_ne!(
        bytes(&authority(5, 1).unwrap()),
        bytes(&authority(5, 2).unwrap())
    );
}

#[test]
fn a_smaller_authority_is_the_start_of_a_larger_one() {
    let small = bytes(&authority(10, 5).unwrap());
    let large = bytes(&authority(30, 5).unwrap());
    assert_eq!(small[..], large[..10]);
}

#[test]
fn every_record_reads_back_from_its_own_json_and_ids_never_repeat() {
    let records = authority(200, 3).unwrap();
    let mut record_ids = BTreeSet::new();
    let mut child_ids = BTreeSet::new();
    for record in &records {
        let back = PartnershipRecord::from_json(&record.to_json()).unwrap();
        assert_eq!(&back, record);
        assert!(record_ids.insert(record.id()));
        assert!(child_ids.insert(record.child().id()));
        assert!(record.disclosures().verify().is_ok());
    }
}

#[test]
fn the_mix_is_realistic() {
    let records = authority(300, 9).unwrap();
    let relationships: BTreeSet<String> = records
        .iter()
        .flat_map(|r| r.carers().iter().map(|c| c.relationship().to_string()))
        .collect();
    for expected in [
        Relationship::BirthParent,
        Relationship::FosterCarer,
        Relationship::Grandparent,
        Relationship::StepParent,
    ] {
        assert!(
            relationships.contains(&expected.to_string()),
            "no {expected}"
        );
    }
    let count = |f: &dyn Fn(&PartnershipRecord) -> bool| records.iter().filter(|r| f(r)).count();
    // Each part appears in many records, and is absent from some.
    for (what, n) in [
        ("goals", count(&|r| !r.goals().is_empty())),
        ("consents", count(&|r| !r.consents().is_empty())),
        ("ledger entries", count(&|r| !r.disclosures().is_empty())),
        ("barriers", count(&|r| !r.barriers().is_empty())),
        (
            "held reviews",
            count(&|r| r.reviews().iter().any(|s| !s.outcomes().is_empty())),
        ),
    ] {
        assert!(
            n > 30 && n < records.len(),
            "{what} in {n} of {} records",
            records.len()
        );
    }
    // Some of the authority's work is due or overdue, as in any real one.
    let report_findings: usize = records
        .iter()
        .map(|r| r.practice_report(AS_OF).findings.len())
        .sum();
    assert!(report_findings > 0);
}

#[test]
fn a_large_record_is_at_least_the_size_asked_for_and_valid() {
    let record = large_record(300_000, 4).unwrap();
    let json = record.to_json();
    assert!(json.len() >= 300_000);
    assert!(json.len() < 400_000, "{} bytes is far over", json.len());
    assert_eq!(PartnershipRecord::from_json(&json).unwrap(), record);
    assert_eq!(large_record(300_000, 4).unwrap().to_json(), json);
}
