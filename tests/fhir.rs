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

use serde_json::Value;

fn bundles() -> Vec<(&'static str, Value)> {
    partnership_scenarios::all()
        .unwrap()
        .into_iter()
        .map(|s| {
            let bundle = s.record.to_fhir_bundle(s.as_of);
            (s.slug, serde_json::from_str(&bundle.to_json()).unwrap())
        })
        .collect()
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
        assert_eq!(count("RelatedPerson"), r.carers.len(), "{}", scenario.slug);
        assert_eq!(count("Practitioner"), r.professionals.len());
        assert_eq!(count("Organization"), r.agencies.len());
        assert_eq!((count("CareTeam"), count("CarePlan")), (1, 1));
        assert_eq!(count("Goal"), r.goals.len());
        assert_eq!(count("Consent"), r.consents.len());
        assert_eq!(count("AuditEvent"), r.disclosures.len());
        // Debug is for logs: it names nobody.
        assert!(!format!("{bundle:?}").contains(r.child.name.expose().as_str()));
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
