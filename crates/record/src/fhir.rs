//! FHIR R4 export (feature `fhir`): a record as a `Bundle` of type `collection`, for
//! health partners.
//!
//! Hand-written types for the subset needed, no full FHIR model. Every resource's id
//! is the record's own id for it, and references between resources are `urn:uuid:`
//! references to entries' `fullUrl`s, as FHIR asks of a bundle that is not on a server.
//!
//! | record | FHIR R4 |
//! |---|---|
//! | the child | `Patient` (name, birth date, NHS number under `https://fhir.nhs.uk/Id/nhs-number`) |
//! | carers | `RelatedPerson`, relationship from the v3 RoleCode system (below) with our own code alongside |
//! | professionals, agencies | `Practitioner`, `Organization` |
//! | the team | `CareTeam`: carers and professionals with their roles |
//! | the partnership plan | `CarePlan` (intent `plan`): the goals, the team, and who does what as activities |
//! | goals | `Goal`: `lifecycleStatus`, `achievementStatus` (goal-achievement codes), target with due date |
//! | consents | `Consent`: status mapped as [`ConsentStatus::fhir_r4_code`](partnership_consent::ConsentStatus::fhir_r4_code), scope `patient-privacy`, category LOINC 59284-0, `provision` permit or deny with period, actors, purposes and data classes |
//! | ledger entries | `AuditEvent`: the decision, when, who asked, for whom, and the outcome |
//! | provenance | `Provenance`: what kind of change (our `change` code system), when, by which professional, and the resource changed (the child's `Patient` for a part with no resource of its own) |
//!
//! Relationships: birth parent `NPRN`, adoptive parent `ADOPTP`, step-parent `STPPRN`,
//! foster carer `PRNFOST`, grandparent `GRPRN`, sibling `SIB`, special guardian
//! `GUARD`, kinship carer `FAMMEMB` and other relative `EXT` (the nearest codes, as
//! docs/domain.md asks); a residential care worker has no RoleCode and carries only ours.
//! HL7 has no code for safeguarding as a purpose of use, nor for our data categories,
//! so purposes and categories use this library's code systems under
//! [`CODE_SYSTEMS`].
//!
//! Consent recipients named by role or by kind of agency (rather than a person or an
//! agency in the record) cannot be a `provision.actor`, which needs a reference; they
//! are listed in words in the consent's `policyRule.text` instead.
//!
//! The export is the information itself: share it only where a consent or a recorded
//! lawful basis covers it, and record the decision ([`DisclosureLedger`](partnership_consent::DisclosureLedger)).
//! `Debug` shows only how many entries a bundle has.

use std::fmt;

use chrono::NaiveDate;

use partnership_carers::{Carer, LegalStanding, Relationship};
use partnership_consent::{
    ActingAuthority, ConsentEventKind, ConsentGiver, ConsentRecord, LedgerEntry, PermitBasis,
    RecipientScope, SharingDecision,
};
use partnership_core::{PartyRef, Professional};
use partnership_goals::SharedGoal;
use serde::Serialize;

use crate::{PartnershipRecord, ProvenanceEntry};

/// Where this library's own code systems live; each system is this plus its name
/// (`relationship`, `purpose`, `data-category`, `outcome-area`, `role`,
/// `agency-kind`, `change`).
pub const CODE_SYSTEMS: &str = "https://github.com/partnership-rs/partnership/fhir/CodeSystem/";

const ROLE_CODE: &str = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

/// A FHIR R4 `Bundle` of type `collection`.
#[derive(Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bundle {
    resource_type: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    entry: Vec<Entry>,
}

impl fmt::Debug for Bundle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Bundle {{ entries: {} }}", self.entry.len())
    }
}

impl Bundle {
    /// The bundle as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// How many resources the bundle holds, by resource type, in order of first
    /// appearance: for a summary that names nobody.
    pub fn resource_counts(&self) -> Vec<(&'static str, usize)> {
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for entry in &self.entry {
            let kind = entry.resource.kind();
            match counts.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, n)) => *n += 1,
                None => counts.push((kind, 1)),
            }
        }
        counts
    }
}

#[derive(Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct Entry {
    full_url: String,
    resource: Resource,
}

#[derive(Clone, PartialEq, Serialize)]
#[serde(tag = "resourceType")]
enum Resource {
    Patient(Patient),
    RelatedPerson(RelatedPerson),
    Practitioner(Practitioner),
    Organization(Organization),
    CareTeam(CareTeam),
    CarePlan(CarePlan),
    Goal(Goal),
    Consent(Consent),
    AuditEvent(AuditEvent),
    Provenance(Provenance),
}

impl Resource {
    const fn kind(&self) -> &'static str {
        match self {
            Self::Patient(_) => "Patient",
            Self::RelatedPerson(_) => "RelatedPerson",
            Self::Practitioner(_) => "Practitioner",
            Self::Organization(_) => "Organization",
            Self::CareTeam(_) => "CareTeam",
            Self::CarePlan(_) => "CarePlan",
            Self::Goal(_) => "Goal",
            Self::Consent(_) => "Consent",
            Self::AuditEvent(_) => "AuditEvent",
            Self::Provenance(_) => "Provenance",
        }
    }
}

#[derive(Clone, PartialEq, Serialize)]
struct Reference {
    reference: String,
}

fn reference(id: impl fmt::Display) -> Reference {
    Reference {
        reference: format!("urn:uuid:{id}"),
    }
}

#[derive(Clone, PartialEq, Serialize)]
struct Coding {
    system: String,
    code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    display: Option<String>,
}

#[derive(Clone, PartialEq, Serialize)]
struct CodeableConcept {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    coding: Vec<Coding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

fn ours(system: &str, code: &str, display: impl fmt::Display) -> Coding {
    Coding {
        system: format!("{CODE_SYSTEMS}{system}"),
        code: code.to_owned(),
        display: Some(display.to_string()),
    }
}

fn text(words: impl fmt::Display) -> CodeableConcept {
    CodeableConcept {
        coding: vec![],
        text: Some(words.to_string()),
    }
}

#[derive(Clone, PartialEq, Serialize)]
struct HumanName {
    text: String,
}

#[derive(Clone, PartialEq, Serialize)]
struct Identifier {
    system: String,
    value: String,
}

#[derive(Clone, PartialEq, Serialize)]
struct Period {
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
}

#[derive(Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct Patient {
    id: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    identifier: Vec<Identifier>,
    name: Vec<HumanName>,
    birth_date: String,
}

#[derive(Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedPerson {
    id: String,
    patient: Reference,
    relationship: Vec<CodeableConcept>,
    name: Vec<HumanName>,
}

#[derive(Clone, PartialEq, Serialize)]
struct Practitioner {
    id: String,
    name: Vec<HumanName>,
}

#[derive(Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct Organization {
    id: String,
    #[serde(rename = "type")]
    kind: Vec<CodeableConcept>,
    name: String,
}

#[derive(Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct CareTeam {
    id: String,
    status: &'static str,
    name: &'static str,
    subject: Reference,
    participant: Vec<Participant>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    managing_organization: Vec<Reference>,
}

#[derive(Clone, PartialEq, Serialize)]
struct Participant {
    role: Vec<CodeableConcept>,
    member: Reference,
}

#[derive(Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct CarePlan {
    id: String,
    status: &'static str,
    intent: &'static str,
    title: &'static str,
    subject: Reference,
    care_team: Vec<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    goal: Vec<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    activity: Vec<Activity>,
}

#[derive(Clone, PartialEq, Serialize)]
struct Activity {
    detail: ActivityDetail,
}

#[derive(Clone, PartialEq, Serialize)]
struct ActivityDetail {
    status: &'static str,
    goal: Vec<Reference>,
    performer: Vec<Reference>,
    description: String,
}

#[derive(Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct Goal {
    id: String,
    lifecycle_status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    achievement_status: Option<CodeableConcept>,
    category: Vec<CodeableConcept>,
    description: CodeableConcept,
    subject: Reference,
    start_date: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    target: Vec<GoalTarget>,
}

#[derive(Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct GoalTarget {
    #[serde(skip_serializing_if = "Option::is_none")]
    measure: Option<CodeableConcept>,
    #[serde(skip_serializing_if = "Option::is_none")]
    due_date: Option<String>,
}

#[derive(Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct Consent {
    id: String,
    status: &'static str,
    scope: CodeableConcept,
    category: Vec<CodeableConcept>,
    patient: Reference,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_time: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    performer: Vec<Reference>,
    policy_rule: CodeableConcept,
    provision: Provision,
}

#[derive(Clone, PartialEq, Serialize)]
struct Provision {
    #[serde(rename = "type")]
    kind: &'static str,
    period: Period,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    actor: Vec<ProvisionActor>,
    purpose: Vec<Coding>,
    class: Vec<Coding>,
}

#[derive(Clone, PartialEq, Serialize)]
struct ProvisionActor {
    role: CodeableConcept,
    reference: Reference,
}

#[derive(Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct AuditEvent {
    id: String,
    #[serde(rename = "type")]
    kind: Coding,
    action: &'static str,
    recorded: String,
    outcome: &'static str,
    outcome_desc: String,
    agent: Vec<AuditAgent>,
    source: AuditSource,
    entity: Vec<AuditEntity>,
}

/// A change to the record: FHIR R4 `Provenance`, whose `target` is the resource
/// changed where the bundle has one, and the child's `Patient` otherwise (a
/// discussion, a barrier or a review schedule has no resource of its own here).
#[derive(Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct Provenance {
    id: String,
    target: Vec<Reference>,
    recorded: String,
    activity: CodeableConcept,
    agent: Vec<ProvenanceAgent>,
}

#[derive(Clone, PartialEq, Serialize)]
struct ProvenanceAgent {
    who: Reference,
}

#[derive(Clone, PartialEq, Serialize)]
struct AuditAgent {
    who: Reference,
    requestor: bool,
}

#[derive(Clone, PartialEq, Serialize)]
struct AuditSource {
    observer: Reference,
}

#[derive(Clone, PartialEq, Serialize)]
struct AuditEntity {
    what: Reference,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
}

/// The v3 RoleCode for a relationship, where one fits (docs/domain.md section 3).
fn role_code(relationship: &Relationship) -> Option<(&'static str, &'static str)> {
    Some(match relationship {
        Relationship::BirthParent => ("NPRN", "natural parent"),
        Relationship::SecondFemaleParent => ("PRN", "parent"),
        Relationship::AdoptiveParent => ("ADOPTP", "adoptive parent"),
        Relationship::StepParent => ("STPPRN", "step parent"),
        Relationship::FosterCarer => ("PRNFOST", "foster parent"),
        Relationship::Grandparent => ("GRPRN", "grandparent"),
        Relationship::Sibling => ("SIB", "sibling"),
        Relationship::SpecialGuardian => ("GUARD", "guardian"),
        Relationship::KinshipCarer => ("FAMMEMB", "family member"),
        Relationship::OtherRelative => ("EXT", "extended family member"),
        _ => return None,
    })
}

fn related_person(record: &PartnershipRecord, carer: &Carer, as_of: NaiveDate) -> RelatedPerson {
    let mut coding: Vec<Coding> = role_code(carer.relationship())
        .map(|(code, display)| Coding {
            system: ROLE_CODE.to_owned(),
            code: code.to_owned(),
            display: Some(display.to_owned()),
        })
        .into_iter()
        .collect();
    coding.push(ours(
        "relationship",
        carer.relationship().code(),
        carer.relationship(),
    ));
    // Responsibility held for a period is said as it stands on the bundle's day: a
    // partner reading "holds parental responsibility" would rely on it.
    let standing = match &carer.legal_standing() {
        LegalStanding::ParentalResponsibility { since, until, .. } => match (since, until) {
            (Some(from), _) if as_of < *from => {
                format!("holds parental responsibility from {from}")
            }
            (_, Some(to)) if *to < as_of => format!("held parental responsibility until {to}"),
            (_, Some(to)) => format!("holds parental responsibility until {to}"),
            _ => "holds parental responsibility".to_owned(),
        },
        LegalStanding::DelegatedAuthority { .. } => "acts under delegated authority".to_owned(),
        _ => "no parental responsibility recorded".to_owned(),
    };
    RelatedPerson {
        id: carer.id().to_string(),
        patient: reference(record.child().id()),
        relationship: vec![CodeableConcept {
            coding,
            text: Some(format!("{}, {standing}", carer.relationship())),
        }],
        name: vec![HumanName {
            text: carer.name().expose().as_str().to_owned(),
        }],
    }
}

fn practitioner(professional: &Professional) -> Practitioner {
    Practitioner {
        id: professional.id.to_string(),
        name: vec![HumanName {
            text: professional.name.expose().as_str().to_owned(),
        }],
    }
}

fn goal(record: &PartnershipRecord, goal: &SharedGoal) -> Goal {
    // An `other` achievement has no goal-achievement code: its words only.
    let achievement = goal.progress().last().map(|p| match p.achievement.code() {
        "other" => text(&p.achievement),
        code => CodeableConcept {
            coding: vec![Coding {
                system: "http://terminology.hl7.org/CodeSystem/goal-achievement".to_owned(),
                code: code.to_owned(),
                display: Some(p.achievement.to_string()),
            }],
            text: None,
        },
    });
    Goal {
        id: goal.id().to_string(),
        lifecycle_status: goal.status().fhir_code(),
        achievement_status: achievement,
        category: vec![CodeableConcept {
            coding: vec![ours("outcome-area", goal.area().code(), goal.area())],
            text: Some(goal.area().to_string()),
        }],
        description: text(goal.description().expose()),
        subject: reference(record.child().id()),
        start_date: goal.created_on().to_string(),
        target: if goal.measure().is_some() || goal.target_date().is_some() {
            vec![GoalTarget {
                measure: goal.measure().as_ref().map(|m| text(m.expose())),
                due_date: goal.target_date().map(|d| d.to_string()),
            }]
        } else {
            vec![]
        },
    }
}

fn party_reference(party: &PartyRef) -> Reference {
    match party {
        PartyRef::Child { id } => reference(id),
        PartyRef::Carer { id } => reference(id),
        PartyRef::Professional { id } => reference(id),
    }
}

fn consent(
    record: &PartnershipRecord,
    consent: &ConsentRecord,
    at: chrono::DateTime<chrono::Utc>,
) -> Consent {
    let refused = consent
        .events()
        .iter()
        .any(|e| e.kind == ConsentEventKind::Refused);
    // Who consented: the giver, and for a care order the local authority they act for.
    let mut performer = vec![party_reference(
        &consent.given_by().party(record.child().id()),
    )];
    if let ConsentGiver::OtherAuthority {
        authority: ActingAuthority::CareOrder {
            local_authority, ..
        },
    } = &consent.given_by()
    {
        performer.push(reference(local_authority));
    }
    let mut unreferenced = Vec::new();
    let actor = consent
        .scope()
        .recipients
        .iter()
        .filter_map(|scope| {
            let id = match scope {
                RecipientScope::Carer { id } => id.to_string(),
                RecipientScope::Professional { id } => id.to_string(),
                RecipientScope::Agency { id } => id.to_string(),
                RecipientScope::AgencyKind { agency_kind } => {
                    unreferenced.push(format!("any {agency_kind}"));
                    return None;
                }
                RecipientScope::Role { role } => {
                    unreferenced.push(format!("any {role}"));
                    return None;
                }
                _ => return None,
            };
            Some(ProvisionActor {
                role: CodeableConcept {
                    coding: vec![Coding {
                        system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
                            .to_owned(),
                        code: "IRCP".to_owned(),
                        display: Some("information recipient".to_owned()),
                    }],
                    text: None,
                },
                reference: reference(id),
            })
        })
        .collect();
    let mut rule = format!(
        "{} consent, notice {}",
        match consent.method() {
            partnership_consent::ConsentMethod::Verbal => "Verbal",
            partnership_consent::ConsentMethod::Written => "Written",
            partnership_consent::ConsentMethod::Electronic => "Electronic",
        },
        consent.notice_version().as_str()
    );
    if !unreferenced.is_empty() {
        rule.push_str(&format!("; recipients: {}", unreferenced.join(", ")));
    }
    Consent {
        id: consent.id().to_string(),
        status: consent.status_at(at).fhir_r4_code(),
        scope: CodeableConcept {
            coding: vec![Coding {
                system: "http://terminology.hl7.org/CodeSystem/consentscope".to_owned(),
                code: "patient-privacy".to_owned(),
                display: Some("Privacy Consent".to_owned()),
            }],
            text: None,
        },
        category: vec![CodeableConcept {
            coding: vec![Coding {
                system: "http://loinc.org".to_owned(),
                code: "59284-0".to_owned(),
                display: Some("Patient Consent".to_owned()),
            }],
            text: None,
        }],
        patient: reference(record.child().id()),
        date_time: consent.events().first().map(|e| e.at.to_rfc3339()),
        performer,
        policy_rule: text(rule),
        provision: Provision {
            kind: if refused { "deny" } else { "permit" },
            period: Period {
                start: Some(consent.valid_from().to_string()),
                end: consent.valid_until().map(|d| d.to_string()),
            },
            actor,
            purpose: consent
                .scope()
                .purposes
                .iter()
                .map(|p| ours("purpose", p.code(), p))
                .collect(),
            class: consent
                .scope()
                .data_categories
                .iter()
                .map(|c| ours("data-category", c.code(), c))
                .collect(),
        },
    }
}

fn audit_event(record: &PartnershipRecord, entry: &LedgerEntry) -> AuditEvent {
    // A valid record names only its own professionals as requesters; the observer is
    // the requester's agency.
    let observer = record
        .professionals()
        .iter()
        .find(|p| p.id == entry.request.requested_by())
        .map_or_else(
            || reference(entry.request.requested_by()),
            |p| reference(p.agency),
        );
    let mut entity = vec![AuditEntity {
        what: reference(record.child().id()),
        description: None,
    }];
    let (outcome, description) = match &entry.decision {
        SharingDecision::Permit { basis, .. } => {
            match basis {
                PermitBasis::Consent { consents } => {
                    entity.extend(consents.iter().map(|c| AuditEntity {
                        what: reference(c),
                        description: Some("consent relied on".to_owned()),
                    }));
                }
                PermitBasis::Safeguarding { .. } => {}
            }
            ("0", entry.decision.to_string())
        }
        SharingDecision::Refuse { .. } | SharingDecision::NotDisclosed { .. } => {
            ("4", entry.decision.to_string().replace('\n', " "))
        }
    };
    let categories: Vec<String> = entry
        .request
        .data_categories()
        .iter()
        .map(ToString::to_string)
        .collect();
    AuditEvent {
        id: entry_id(record, entry.index),
        kind: Coding {
            system: "http://dicom.nema.org/resources/ontology/DCM".to_owned(),
            code: "110106".to_owned(),
            display: Some("Export".to_owned()),
        },
        action: "E",
        recorded: entry
            .recorded_at
            .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        outcome,
        outcome_desc: format!(
            "Sharing {} for {}: {description}",
            categories.join(", "),
            entry.request.purpose()
        ),
        agent: vec![AuditAgent {
            who: reference(entry.request.requested_by()),
            requestor: true,
        }],
        source: AuditSource { observer },
        entity,
    }
}

fn provenance(record: &PartnershipRecord, n: usize, change: &ProvenanceEntry) -> Provenance {
    let (list, _) = change.change.subject_list();
    let exported = matches!(
        list,
        "carers" | "professionals" | "agencies" | "goals" | "consents"
    );
    let target = if exported {
        reference(change.subject)
    } else {
        reference(record.child().id())
    };
    let words = change.change.code().replace('-', " ");
    Provenance {
        // Derived, as for ledger entries, from a range of indexes they never reach.
        id: entry_id(record, (u64::MAX / 2).saturating_add(n as u64)),
        target: vec![target],
        recorded: change
            .at
            .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        activity: CodeableConcept {
            coding: vec![ours("change", change.change.code(), &words)],
            text: Some(words),
        },
        agent: vec![ProvenanceAgent {
            who: reference(change.by),
        }],
    }
}

/// A ledger entry has no id of its own: one derived from the record's id and the
/// entry's index, stable across exports.
fn entry_id(record: &PartnershipRecord, index: u64) -> String {
    let base = record.id().as_uuid().as_u128();
    let mixed = base ^ (u128::from(index).wrapping_add(1) << 64);
    // Keep the version 4 and variant bits so that it reads as a UUID like the rest.
    let v4 = (mixed & !(0xf000_u128 << 64) & !(0xc000_u128 << 48))
        | (0x4000_u128 << 64)
        | (0x8000_u128 << 48);
    uuid::Uuid::from_u128(v4).to_string()
}

impl PartnershipRecord {
    /// The record as a FHIR R4 `Bundle` of type `collection`: the child, carers,
    /// professionals, agencies, team, plan, goals, consents (their status as of
    /// `as_of`), every ledger entry as an audit event and every change in the
    /// record's provenance as a `Provenance`, with references between them. See the [module documentation](crate::fhir) for the mapping.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
    /// # let record = partnership::record::PartnershipRecord::from_json(include_str!("../../../tests/fixtures/record.json")).unwrap();
    /// let as_of = partnership::chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    /// let bundle = record.to_fhir_bundle(as_of);
    /// let json: serde_json::Value = serde_json::from_str(&bundle.to_json()).unwrap();
    /// assert_eq!(json["resourceType"], "Bundle");
    /// assert_eq!(json["type"], "collection");
    /// assert_eq!(json["entry"][0]["resource"]["resourceType"], "Patient");
    /// assert!(!format!("{bundle:?}").contains("Layla"));
    /// ```
    pub fn to_fhir_bundle(&self, as_of: chrono::NaiveDate) -> Bundle {
        let at = partnership_core::noon_on(as_of);
        let mut entry = Vec::new();
        let mut push = |id: String, resource: Resource| {
            entry.push(Entry {
                full_url: format!("urn:uuid:{id}"),
                resource,
            });
        };
        let child = &self.child();
        push(
            child.id().to_string(),
            Resource::Patient(Patient {
                id: child.id().to_string(),
                identifier: child
                    .nhs_number()
                    .iter()
                    .map(|n| Identifier {
                        system: "https://fhir.nhs.uk/Id/nhs-number".to_owned(),
                        value: n.expose_digits().to_owned(),
                    })
                    .collect(),
                name: vec![HumanName {
                    text: child.name().expose().as_str().to_owned(),
                }],
                birth_date: child.date_of_birth().to_string(),
            }),
        );
        for carer in self.carers() {
            push(
                carer.id().to_string(),
                Resource::RelatedPerson(related_person(self, carer, as_of)),
            );
        }
        for professional in self.professionals() {
            push(
                professional.id.to_string(),
                Resource::Practitioner(practitioner(professional)),
            );
        }
        for agency in self.agencies() {
            push(
                agency.id.to_string(),
                Resource::Organization(Organization {
                    id: agency.id.to_string(),
                    kind: vec![CodeableConcept {
                        coding: vec![ours("agency-kind", agency.kind.code(), &agency.kind)],
                        text: Some(agency.kind.to_string()),
                    }],
                    name: agency.name.as_str().to_owned(),
                }),
            );
        }
        // The team and the plan have no id in the record: derived ones, as for
        // ledger entries, so that exports of the same record agree.
        let team_id = entry_id(self, u64::MAX - 1);
        let plan_id = entry_id(self, u64::MAX - 2);
        let mut participant: Vec<Participant> = self
            .carers()
            .iter()
            .map(|c| Participant {
                role: vec![CodeableConcept {
                    coding: vec![ours(
                        "relationship",
                        c.relationship().code(),
                        c.relationship(),
                    )],
                    text: Some(c.relationship().to_string()),
                }],
                member: reference(c.id()),
            })
            .collect();
        participant.extend(self.professionals().iter().map(|p| Participant {
            role: vec![CodeableConcept {
                coding: vec![ours("role", p.role.code(), &p.role)],
                text: Some(p.role.to_string()),
            }],
            member: reference(p.id),
        }));
        push(
            team_id.clone(),
            Resource::CareTeam(CareTeam {
                id: team_id.clone(),
                status: "active",
                name: "Team around the child",
                subject: reference(child.id()),
                participant,
                managing_organization: self.agencies().iter().map(|a| reference(a.id)).collect(),
            }),
        );
        let activity = self
            .goals()
            .iter()
            .flat_map(|g| {
                let status = match g.status().fhir_code() {
                    "active" => "in-progress",
                    "on-hold" => "on-hold",
                    "completed" => "completed",
                    "cancelled" | "rejected" => "cancelled",
                    "entered-in-error" => "entered-in-error",
                    _ => "not-started",
                };
                g.responsibilities().iter().map(move |r| Activity {
                    detail: ActivityDetail {
                        status,
                        goal: vec![reference(g.id())],
                        performer: vec![party_reference(&r.party)],
                        description: format!(
                            "{} ({}, {})",
                            r.action.expose(),
                            r.setting,
                            r.frequency
                        ),
                    },
                })
            })
            .collect();
        push(
            plan_id.clone(),
            Resource::CarePlan(CarePlan {
                id: plan_id,
                status: "active",
                intent: "plan",
                title: "Partnership plan",
                subject: reference(child.id()),
                care_team: vec![reference(&team_id)],
                goal: self.goals().iter().map(|g| reference(g.id())).collect(),
                activity,
            }),
        );
        for g in self.goals() {
            push(g.id().to_string(), Resource::Goal(goal(self, g)));
        }
        for c in self.consents() {
            push(c.id().to_string(), Resource::Consent(consent(self, c, at)));
        }
        for e in self.disclosures().iter() {
            let event = audit_event(self, e);
            push(event.id.clone(), Resource::AuditEvent(event));
        }
        for (n, change) in self.provenance().iter().enumerate() {
            let made = provenance(self, n, change);
            push(made.id.clone(), Resource::Provenance(made));
        }
        Bundle {
            resource_type: "Bundle",
            kind: "collection",
            entry,
        }
    }
}
