//! FHIR R4 export: every scenario's bundle is snapshotted, and its shape checked
//! here; `.ci/run` also validates each with an independent FHIR R4 validator
//! (`tools/validate_fhir.py`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use partnership::prelude::*;
use serde_json::Value;

fn bundles() -> Vec<(&'static str, Value)> {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let changed = changed_record().to_fhir_bundle(as_of);
    partnership_scenarios::all()
        .unwrap()
        .into_iter()
        .map(|s| {
            let bundle = s.record.to_fhir_bundle(s.as_of);
            (s.slug, serde_json::from_str(&bundle.to_json()).unwrap())
        })
        .chain([("changed", serde_json::from_str(&changed.to_json()).unwrap())])
        .collect()
}

fn id<T: From<uuid::Uuid>>(n: u128) -> T {
    T::from(uuid::Uuid::from_u128(
        0x5eed_0000_0000_4000_8000_0000_0000_0000 | n,
    ))
}

/// The command's fixture record with three changes applied through `apply`: a carer
/// added, a discussion recorded, a consent added. Written to
/// `tests/fixtures/changed.json` for `.ci/run` to export and validate.
fn changed_record() -> PartnershipRecord {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/record.json"
    ))
    .unwrap();
    let mut record = PartnershipRecord::from_json(&json).unwrap();
    let key_worker = record.professionals()[0].id;
    let therapist = record.professionals()[1].id;
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
    let arabic = CommunicationPreferences::in_language(LanguageTag::parse("ar").unwrap());
    let grandma = CarerParts::new(
        id(1),
        Label::new("Aisha Ahmed").unwrap(),
        Relationship::Grandparent,
        LegalStanding::None,
        arabic,
    );
    let grandma = Carer::try_from(grandma).unwrap();
    let call = ContactRecord::try_from(ContactRecordParts {
        id: id(2),
        date: now.date_naive(),
        channel: Channel::Phone,
        participants: vec![
            PartyRef::Carer { id: grandma.id() },
            PartyRef::Professional { id: key_worker },
        ],
        summary: Sensitive::new("Collecting Layla on Fridays".into()),
        agreed_actions: vec![],
    })
    .unwrap();
    let consent = ConsentRecordParts::given(
        id(3),
        record.child().id(),
        ConsentGiver::ParentalResponsibility {
            carer: record.carers()[0].id(),
        },
        Scope {
            purposes: vec![Purpose::EducationSupportPlanning],
            recipients: vec![RecipientScope::Professional { id: therapist }],
            data_categories: vec![DataCategory::EducationProgress],
        },
        now,
        ConsentMethod::Written,
        Label::new("consent form v3").unwrap(),
        Some(key_worker),
    );
    for change in [
        Change::AddCarer(grandma),
        Change::RecordContact(call),
        Change::AddConsent(ConsentRecord::try_from(consent).unwrap()),
    ] {
        record.apply(change, key_worker, now).unwrap();
    }
    record
}

#[test]
fn the_changed_fixture_is_what_apply_writes() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/changed.json");
    let json = format!("{}\n", changed_record().to_json());
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(path, &json).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(path).unwrap(),
        json,
        "regenerate with UPDATE_FIXTURES=1 cargo test --test fhir, and review the diff"
    );
}

#[test]
fn each_change_is_a_provenance_of_the_resource_it_changed() {
    let record = changed_record();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let bundle: Value = serde_json::from_str(&record.to_fhir_bundle(as_of).to_json()).unwrap();
    let provenances: Vec<&Value> = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == "Provenance")
        .collect();
    assert_eq!(provenances.len(), 3);
    let key_worker = format!("urn:uuid:{}", record.professionals()[0].id);
    let targets: Vec<&str> = provenances
        .iter()
        .map(|p| p["target"][0]["reference"].as_str().unwrap())
        .collect();
    // The carer and the consent have resources; a discussion has none, so its change
    // is a provenance of the child's record.
    assert_eq!(
        targets,
        [
            format!("urn:uuid:{}", record.carers()[2].id()),
            format!("urn:uuid:{}", record.child().id()),
            format!("urn:uuid:{}", record.consents()[1].id()),
        ]
    );
    for p in &provenances {
        assert_eq!(p["agent"][0]["who"]["reference"], key_worker.as_str());
        assert_eq!(p["recorded"], "2026-11-23T10:00:00Z");
    }
    assert_eq!(
        provenances[1]["activity"]["coding"][0]["code"],
        "record-contact"
    );
}

fn references(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("reference", Value::String(r)) => out.push(r.clone()),
                    _ => references(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| references(v, out)),
        _ => {}
    }
}

#[test]
fn every_scenario_exports_a_bundle_whose_references_all_resolve() {
    for (slug, bundle) in bundles() {
        assert_eq!(bundle["resourceType"], "Bundle", "{slug}");
        assert_eq!(bundle["type"], "collection", "{slug}");
        let entries = bundle["entry"].as_array().unwrap();
        let urls: BTreeSet<&str> = entries
            .iter()
            .map(|e| e["fullUrl"].as_str().unwrap())
            .collect();
        assert_eq!(urls.len(), entries.len(), "{slug}: fullUrls repeat");
        for entry in entries {
            let id = entry["resource"]["id"].as_str().unwrap();
            assert_eq!(entry["fullUrl"], format!("urn:uuid:{id}"), "{slug}");
        }
        let mut found = Vec::new();
        references(&bundle, &mut found);
        for r in found {
            assert!(
                urls.contains(r.as_str()),
                "{slug}: {r} resolves to no entry"
            );
        }
    }
}

#[test]
fn every_part_of_a_record_has_its_resource() {
    let all = partnership_scenarios::all().unwrap();
    for scenario in &all {
        let bundle = scenario.record.to_fhir_bundle(scenario.as_of);
        let counts = bundle.resource_counts();
        let count = |kind: &str| {
            counts
                .iter()
                .find(|(k, _)| *k == kind)
                .map_or(0, |(_, n)| *n)
        };
        let r = &scenario.record;
        assert_eq!(count("Patient"), 1);
        assert_eq!(
            count("RelatedPerson"),
            r.carers().len(),
            "{}",
            scenario.slug
        );
        assert_eq!(count("Practitioner"), r.professionals().len());
        assert_eq!(count("Organization"), r.agencies().len());
        assert_eq!((count("CareTeam"), count("CarePlan")), (1, 1));
        assert_eq!(count("Goal"), r.goals().len());
        assert_eq!(count("Consent"), r.consents().len());
        assert_eq!(count("AuditEvent"), r.disclosures().len());
        assert_eq!(count("Provenance"), r.provenance().len());
        // Debug is for logs: it names nobody.
        assert!(!format!("{bundle:?}").contains(r.child().name().expose().as_str()));
    }
}

#[test]
fn codes_follow_the_documented_mappings() {
    let (_, bundle) = bundles()
        .into_iter()
        .find(|(slug, _)| *slug == "consent_declined_narrowed_withdrawn")
        .unwrap();
    let resources: Vec<&Value> = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .collect();
    let consents: Vec<&&Value> = resources
        .iter()
        .filter(|r| r["resourceType"] == "Consent")
        .collect();
    // Refused; asked and never answered; given then withdrawn.
    let statuses: Vec<&str> = consents
        .iter()
        .map(|c| c["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["rejected", "proposed", "inactive"]);
    assert_eq!(consents[0]["provision"]["type"], "deny");
    assert_eq!(consents[2]["provision"]["type"], "permit");
    assert_eq!(consents[2]["provision"]["period"]["end"], "2027-07-21");
    let mother = resources
        .iter()
        .find(|r| r["resourceType"] == "RelatedPerson")
        .unwrap();
    assert_eq!(mother["relationship"][0]["coding"][0]["code"], "NPRN");
    let audits: Vec<&str> = resources
        .iter()
        .filter(|r| r["resourceType"] == "AuditEvent")
        .map(|r| r["outcome"].as_str().unwrap())
        .collect();
    // Three refusals and one permit, in the ledger's order.
    assert_eq!(audits, ["4", "0", "4", "4"]);
}

#[test]
fn bundles_are_what_they_were() {
    for (slug, bundle) in bundles() {
        insta::assert_json_snapshot!(format!("fhir_{slug}"), bundle);
    }
}

#[test]
fn parental_responsibility_is_described_as_it_stands_on_the_bundles_day() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/record.json"
    ))
    .unwrap();
    let mut json: Value = serde_json::from_str(&text).unwrap();
    // The second carer becomes a grandparent whose child arrangements order ended.
    json["carers"][1]["relationship"] = serde_json::json!({"kind": "grandparent"});
    json["carers"][1]["legalStanding"] = serde_json::json!({
        "kind": "parental-responsibility",
        "basis": {"kind": "child-arrangements-order"},
        "since": "2023-04-01",
        "until": "2025-03-31"
    });
    let record = PartnershipRecord::from_json(&json.to_string()).unwrap();
    let grandparent = |as_of: NaiveDate| {
        let bundle: Value = serde_json::from_str(&record.to_fhir_bundle(as_of).to_json()).unwrap();
        bundle["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| &e["resource"])
            .filter(|r| r["resourceType"] == "RelatedPerson")
            .nth(1)
            .unwrap()["relationship"][0]["text"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(
        grandparent(day(2023, 3, 31)),
        "grandparent, holds parental responsibility from 2023-04-01"
    );
    assert_eq!(
        grandparent(day(2024, 6, 1)),
        "grandparent, holds parental responsibility until 2025-03-31"
    );
    assert_eq!(
        grandparent(day(2026, 11, 23)),
        "grandparent, held parental responsibility until 2025-03-31"
    );
}
