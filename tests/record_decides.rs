//! The record decides: every way a caller was once able to lead a service to a permit
//! the rules forbid, each tried against `PartnershipRecord::decide` through the
//! facade, and each refused (and recorded as a refusal where a decision is made) or
//! turned away as an invalid record. A truthful question under a covering consent is
//! still permitted.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use partnership::chrono::{DateTime, Utc};
use partnership::consent::{
    ChildCapacity, DescribedField, JustificationProblem, PermitBasis, RefusalReason,
    SharingDecision, SharingQuestion,
};
use partnership::record::{DecisionError, PartnershipRecord, Rule};
use serde_json::{Value, json};

const CHILD: &str = "00000000-0000-4000-8000-000000000001";
const MUM: &str = "00000000-0000-4000-8000-000000000010";
const DAD: &str = "00000000-0000-4000-8000-000000000011";
const FOSTER: &str = "00000000-0000-4000-8000-000000000012";
const SCHOOL: &str = "00000000-0000-4000-8000-000000000020";
const HEALTH: &str = "00000000-0000-4000-8000-000000000021";
const SOCIAL_CARE: &str = "00000000-0000-4000-8000-000000000022";
const TEACHER: &str = "00000000-0000-4000-8000-000000000030";
const SENCO: &str = "00000000-0000-4000-8000-000000000031";
const SLT: &str = "00000000-0000-4000-8000-000000000032";
const SOCIAL_WORKER: &str = "00000000-0000-4000-8000-000000000033";
const THERAPIST: &str = "00000000-0000-4000-8000-000000000034";

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn carer(id: &str, name: &str, relationship: &str, standing: Value) -> Value {
    json!({
        "id": id, "name": name, "relationship": {"kind": relationship},
        "legalStanding": standing, "livesWithChild": true, "primaryContact": false,
        "communication": {"preferredLanguage": "en-GB", "interpreterNeeded": false, "easyReadNeeded": false}
    })
}

fn professional(id: &str, name: &str, role: Value, agency: &str) -> Value {
    json!({"id": id, "name": name, "role": role, "agency": agency})
}

/// A consent from `giver`, given on `given` by `by`, to `recipients` for `purpose`
/// and `categories`.
fn consent(id: &str, giver: Value, by: Value, given: &str, scope: Value) -> Value {
    json!({
        "id": id, "child": CHILD, "givenBy": giver, "scope": scope,
        "validFrom": &given[..10], "method": "written", "noticeVersion": "v1",
        "events": [{"kind": "given", "at": given, "by": by}]
    })
}

fn scope(recipients: Value, purpose: &str, categories: &[&str]) -> Value {
    json!({
        "purposes": [{"kind": purpose}],
        "recipients": recipients,
        "dataCategories": categories.iter().map(|c| json!({"kind": c})).collect::<Vec<_>>()
    })
}

fn as_carer(id: &str) -> Value {
    json!({"kind": "carer", "id": id})
}

/// Ruby, born on `born`: her mother and father (both holding parental
/// responsibility), a foster carer with delegated authority for education only, a
/// school, a speech and language therapy service and children's social care. Her
/// mother consents to speech and language therapists seeing her education progress
/// for planning support.
fn record_json(born: &str) -> Value {
    let pr = |basis: &str| json!({"kind": "parental-responsibility", "basis": {"kind": basis}});
    json!({
        "schemaVersion": 2,
        "id": "00000000-0000-4000-8000-0000000000ff",
        "child": {"id": CHILD, "name": "Ruby Clarke", "dateOfBirth": born},
        "carers": [
            carer(MUM, "Sophie Clarke", "birth-parent", pr("birth-mother")),
            carer(DAD, "Daniel Clarke", "birth-parent", pr("married-to-mother-at-birth")),
            carer(FOSTER, "Joanne Baker", "foster-carer",
                json!({"kind": "delegated-authority", "areas": [{"kind": "education"}]})),
        ],
        "agencies": [
            {"id": SCHOOL, "name": "Hillcrest Academy", "kind": {"kind": "school"}},
            {"id": HEALTH, "name": "Speech and Language Therapy", "kind": {"kind": "health"}},
            {"id": SOCIAL_CARE, "name": "Children's Social Care", "kind": {"kind": "social-care"}},
        ],
        "professionals": [
            professional(TEACHER, "Helen Ward", json!({"kind": "teacher"}), SCHOOL),
            professional(SENCO, "Amit Shah", json!({"kind": "senco"}), SCHOOL),
            professional(SLT, "Tom Reilly", json!({"kind": "speech-and-language-therapist"}), HEALTH),
            professional(SOCIAL_WORKER, "Mark Stone", json!({"kind": "social-worker"}), SOCIAL_CARE),
            professional(THERAPIST, "Kate Byrne", json!({"kind": "other", "label": "Therapist"}), HEALTH),
        ],
        "consents": [consent(
            "00000000-0000-4000-8000-000000000040",
            json!({"kind": "parental-responsibility", "carer": MUM}),
            as_carer(MUM),
            "2026-09-07T10:00:00Z",
            scope(json!([{"kind": "role", "role": {"kind": "speech-and-language-therapist"}}]),
                "education-support-planning", &["education-progress"]),
        )]
    })
}

fn load(json: &Value) -> PartnershipRecord {
    PartnershipRecord::from_json(&json.to_string()).unwrap()
}

/// The problems a record is refused with, as (pointer, rule).
fn refused(json: &Value) -> Vec<(String, Rule)> {
    PartnershipRecord::from_json(&json.to_string())
        .unwrap_err()
        .problems
        .into_iter()
        .map(|p| (p.pointer, p.rule))
        .collect()
}

/// A question from the SENCO, read from JSON as a partner would send it, with an id
/// of its own: a request is decided once.
fn question(recipient: Value, purpose: &str, categories: &[&str], extra: Value) -> SharingQuestion {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0x500);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut q = json!({
        "id": format!("00000000-0000-4000-8000-{n:012x}"),
        "child": CHILD,
        "requestedBy": SENCO,
        "recipient": recipient,
        "purpose": {"kind": purpose},
        "dataCategories": categories.iter().map(|c| json!({"kind": c})).collect::<Vec<_>>()
    });
    if let (Some(q), Some(extra)) = (q.as_object_mut(), extra.as_object()) {
        q.extend(extra.clone());
    }
    serde_json::from_value(q).unwrap()
}

fn to_slt() -> SharingQuestion {
    question(
        json!({"kind": "professional", "id": SLT}),
        "education-support-planning",
        &["education-progress"],
        json!({}),
    )
}

fn reasons(decision: &SharingDecision) -> Vec<RefusalReason> {
    decision.reasons().to_vec()
}

#[test]
fn a_truthful_question_under_a_covering_consent_is_permitted() {
    let mut record = load(&record_json("2014-02-18"));
    let decided = record
        .decide(&to_slt(), at("2026-11-23T10:00:00Z"))
        .unwrap();
    let disclosure = decided.disclosure().expect("permitted");
    assert!(matches!(disclosure.basis(), PermitBasis::Consent { .. }));
    assert_eq!(record.disclosures().len(), 1);
    // What-if asks the same rules and records nothing.
    let answer = record
        .what_if(&to_slt(), at("2026-11-24T10:00:00Z"))
        .unwrap();
    assert!(answer.would_permit());
    assert_eq!(
        answer.to_string(),
        "would be permitted: covered by 1 consent; nothing was shared or recorded"
    );
    assert_eq!(record.disclosures().len(), 1);
}

/// Attack 1: A request dated before the withdrawal, decided after it.
#[test]
fn a_backdated_request_is_refused_and_recorded() {
    let mut json = record_json("2014-02-18");
    json["consents"][0]["events"]
        .as_array_mut()
        .unwrap()
        .push(json!({"kind": "withdrawn", "at": "2026-11-02T09:00:00Z", "by": as_carer(MUM)}));
    let mut record = load(&json);
    let backdated = question(
        json!({"kind": "professional", "id": SLT}),
        "education-support-planning",
        &["education-progress"],
        json!({"at": "2026-10-01T09:00:00Z"}),
    );
    let decided = record
        .decide(&backdated, at("2026-11-23T10:00:00Z"))
        .unwrap();
    assert!(decided.disclosure().is_none());
    assert_eq!(
        reasons(decided.decision()),
        [RefusalReason::DatedAnotherDay {
            at: at("2026-10-01T09:00:00Z")
        }]
    );
    assert_eq!(record.disclosures().len(), 1);
    // Asked honestly, on the day: the withdrawal refuses it.
    let honest = record
        .decide(&to_slt(), at("2026-11-23T10:05:00Z"))
        .unwrap();
    assert!(matches!(
        reasons(honest.decision())[..],
        [RefusalReason::ConsentWithdrawn { .. }]
    ));
    // And the ledger cannot be written back in time.
    let before = record.clone();
    assert_eq!(
        record.decide(&to_slt(), at("2026-10-01T09:00:00Z")),
        Err(DecisionError::BeforeLastEntry {
            last: at("2026-11-23T10:05:00Z")
        })
    );
    assert_eq!(record, before);
    // And a request already decided is not decided again, whatever the time.
    let again = record.disclosures().iter().last().unwrap().request.id();
    let mut retry = serde_json::to_value(to_slt()).unwrap();
    retry["id"] = serde_json::to_value(again).unwrap();
    let retry: SharingQuestion = serde_json::from_value(retry).unwrap();
    assert_eq!(
        record.decide(&retry, at("2026-11-24T10:00:00Z")),
        Err(DecisionError::AlreadyDecided { ledger_index: 1 })
    );
}

/// Attack 2: The teacher described as a speech and language therapist in a health service.
#[test]
fn a_recipient_described_as_someone_else_is_refused_and_recorded() {
    let mut record = load(&record_json("2014-02-18"));
    let disguised = question(
        json!({"kind": "professional", "id": TEACHER,
               "role": {"kind": "speech-and-language-therapist"},
               "agency": HEALTH, "agencyKind": {"kind": "health"}}),
        "education-support-planning",
        &["education-progress"],
        json!({}),
    );
    let decided = record
        .decide(&disguised, at("2026-11-23T10:00:00Z"))
        .unwrap();
    assert_eq!(
        reasons(decided.decision()),
        [
            RefusalReason::RecipientNotAsDescribed {
                field: DescribedField::Role
            },
            RefusalReason::RecipientNotAsDescribed {
                field: DescribedField::Agency
            },
            RefusalReason::RecipientNotAsDescribed {
                field: DescribedField::AgencyKind
            },
        ]
    );
    // The ledger holds the teacher as the team has them, not as described.
    let entry = record.disclosures().iter().last().unwrap();
    assert_eq!(
        serde_json::to_value(entry.request.recipient()).unwrap()["role"]["kind"],
        "teacher"
    );
    // Named honestly, the teacher is simply not covered.
    let honest = question(
        json!({"kind": "professional", "id": TEACHER}),
        "education-support-planning",
        &["education-progress"],
        json!({}),
    );
    let decided = record.decide(&honest, at("2026-11-23T10:01:00Z")).unwrap();
    assert!(matches!(
        reasons(decided.decision())[..],
        [RefusalReason::NoConsent { .. }]
    ));
}

/// Attack 2b: A withholding rule scoped to a role written as `other` cannot be dodged by
/// describing the recipient, nor by the case it is written in.
#[test]
fn a_withholding_rule_on_a_role_reaches_that_role_however_it_is_written() {
    let mut json = record_json("2014-02-18");
    json["withholdingRules"] = json!([{
        "id": "00000000-0000-4000-8000-000000000060",
        "child": CHILD,
        "protects": [as_carer(MUM)],
        "dataCategories": [{"kind": "family-circumstances"}],
        "withheldFrom": [{"kind": "role", "role": {"kind": "other", "label": "THERAPIST"}}],
        "reason": "A risk to Sophie",
        "decidedBy": SOCIAL_WORKER,
        "from": "2026-10-01"
    }]);
    let record = load(&json);
    let to_therapist = |description: Value| {
        let mut recipient = json!({"kind": "professional", "id": THERAPIST});
        if let (Some(r), Some(d)) = (recipient.as_object_mut(), description.as_object()) {
            r.extend(d.clone());
        }
        question(
            recipient,
            "multi-agency-planning",
            &["family-circumstances"],
            json!({}),
        )
    };
    let now = at("2026-11-23T10:00:00Z");
    let plain = record.what_if(&to_therapist(json!({})), now).unwrap();
    assert!(matches!(
        reasons(plain.decision())[..],
        [RefusalReason::Withheld { .. }]
    ));
    let disguised = record
        .what_if(&to_therapist(json!({"role": {"kind": "teacher"}})), now)
        .unwrap();
    assert_eq!(
        reasons(disguised.decision()),
        [RefusalReason::RecipientNotAsDescribed {
            field: DescribedField::Role
        }]
    );
    // Sent to the health service's inbox, it would reach the therapist: withheld too.
    let inbox = question(
        json!({"kind": "agency", "id": HEALTH}),
        "multi-agency-planning",
        &["family-circumstances"],
        json!({}),
    );
    assert!(matches!(
        reasons(record.what_if(&inbox, now).unwrap().decision())[..],
        [RefusalReason::Withheld { .. }]
    ));
}

/// Attack 3: A seventeen-year-old shared on a parent's consent; a "young person" consent
/// from a four-year-old.
#[test]
fn sixteen_plus_decides_whatever_the_request_claims() {
    let mut record = load(&record_json("2009-06-01"));
    let now = at("2026-11-23T10:00:00Z");
    let claimed = question(
        json!({"kind": "professional", "id": SLT}),
        "education-support-planning",
        &["education-progress"],
        json!({"childCapacity": {"kind": "not-assessed"}}),
    );
    let decided = record.decide(&claimed, now).unwrap();
    assert_eq!(
        reasons(decided.decision()),
        [RefusalReason::CapacityNotAsClaimed {
            claimed: ChildCapacity::NotAssessed,
            recorded: ChildCapacity::SixteenOrOver,
        }]
    );
    let honest = record.decide(&to_slt(), now).unwrap();
    assert!(matches!(
        reasons(honest.decision())[..],
        [RefusalReason::ChildMustConsent { .. }]
    ));
    assert_eq!(record.disclosures().len(), 2);

    let mut four = record_json("2022-06-01");
    four["consents"][0]["givenBy"] = json!({"kind": "young-person"});
    four["consents"][0]["events"][0]["by"] = json!({"kind": "child", "id": CHILD});
    assert_eq!(
        refused(&four),
        [(
            "/consents/0/events/0/at".to_owned(),
            Rule::ChildConsentWithoutCapacity
        )]
    );
}

/// Attack 4: Consent "as a holder of parental responsibility" from a father whose
/// responsibility ended in 2025, or begins only in 2027.
#[test]
fn consent_needs_parental_responsibility_on_the_day() {
    for (since, until) in [("2016-01-01", Some("2025-06-30")), ("2027-01-01", None)] {
        let mut json = record_json("2014-02-18");
        json["carers"][1]["legalStanding"] = json!({
            "kind": "parental-responsibility", "basis": {"kind": "parental-responsibility-order"},
            "since": since, "until": until
        });
        json["consents"][0]["givenBy"] = json!({"kind": "parental-responsibility", "carer": DAD});
        json["consents"][0]["events"][0]["by"] = as_carer(DAD);
        assert_eq!(
            refused(&json),
            [(
                "/consents/0/events/0/at".to_owned(),
                Rule::ConsentWithoutParentalResponsibility
            )],
            "since {since}"
        );
    }
    // Given while he held it, then his responsibility ended: it no longer covers.
    let mut json = record_json("2014-02-18");
    json["carers"][1]["legalStanding"] = json!({
        "kind": "parental-responsibility", "basis": {"kind": "parental-responsibility-order"},
        "since": "2016-01-01", "until": "2026-10-31"
    });
    json["consents"][0]["givenBy"] = json!({"kind": "parental-responsibility", "carer": DAD});
    json["consents"][0]["events"][0]["by"] = as_carer(DAD);
    let mut record = load(&json);
    let decided = record
        .decide(&to_slt(), at("2026-11-23T10:00:00Z"))
        .unwrap();
    assert!(matches!(
        reasons(decided.decision())[..],
        [RefusalReason::GiverLacksStanding { .. }]
    ));
}

/// Attack 5: A foster carer with no delegated authority for information sharing, recorded as
/// consenting under another authority.
#[test]
fn other_authority_needs_an_authority_the_record_can_check() {
    let giver = json!({"kind": "other-authority", "authority": {"kind": "delegated-authority", "carer": FOSTER}});
    let mut json = record_json("2014-02-18");
    json["consents"][0]["givenBy"] = giver.clone();
    json["consents"][0]["events"][0]["by"] = as_carer(FOSTER);
    assert_eq!(
        refused(&json),
        [(
            "/consents/0/givenBy/authority/carer".to_owned(),
            Rule::ConsentWithoutAuthority
        )]
    );
    // The old shape, a name and a line of text, is not read.
    json["consents"][0]["givenBy"] =
        json!({"kind": "other-authority", "name": "Joanne Baker", "authority": "foster carer"});
    assert_eq!(
        refused(&json),
        [("/consents/0/givenBy".to_owned(), Rule::InvalidValue)]
    );
    // With information sharing delegated in a placement plan dated before it, it stands.
    json["consents"][0]["givenBy"] = giver;
    json["carers"][2]["legalStanding"] = json!({
        "kind": "delegated-authority",
        "areas": [{"kind": "education"}, {"kind": "information-sharing"}],
        "placementPlanDated": "2026-09-01"
    });
    let mut record = load(&json);
    assert!(
        record
            .decide(&to_slt(), at("2026-11-23T10:00:00Z"))
            .unwrap()
            .disclosure()
            .is_some()
    );
    // A local authority under a care order acts through an officer of its own.
    let mut json = record_json("2014-02-18");
    json["consents"][0]["givenBy"] = json!({"kind": "other-authority", "authority": {
        "kind": "care-order", "localAuthority": SOCIAL_CARE, "officer": SLT, "madeOn": "2026-01-10"}});
    json["consents"][0]["events"][0]["by"] = json!({"kind": "professional", "id": SLT});
    assert_eq!(
        refused(&json),
        [(
            "/consents/0/givenBy/authority/officer".to_owned(),
            Rule::ConsentWithoutAuthority
        )]
    );
}

/// Attack 6: A consent "given by mum" whose given event is by the foster carer or the
/// teacher; a professional "renewing" a carer's consent to 2030.
#[test]
fn every_event_is_made_by_its_actor() {
    for by in [
        as_carer(FOSTER),
        json!({"kind": "professional", "id": TEACHER}),
    ] {
        let mut json = record_json("2014-02-18");
        json["consents"][0]["events"][0]["by"] = by;
        assert_eq!(
            refused(&json),
            [("/consents/0/events/0/by".to_owned(), Rule::InvalidValue)]
        );
    }
    let mut json = record_json("2014-02-18");
    json["consents"][0]["events"]
        .as_array_mut()
        .unwrap()
        .push(json!({
            "kind": "renewed", "at": "2026-10-01T09:00:00Z",
            "by": {"kind": "professional", "id": SENCO}, "validUntil": "2030-07-31"
        }));
    assert_eq!(
        refused(&json),
        [("/consents/0/events/1/by".to_owned(), Rule::InvalidValue)]
    );
    // Written down by the SENCO on Sophie's behalf, it is Sophie's renewal.
    json["consents"][0]["events"][1]["by"] = as_carer(MUM);
    json["consents"][0]["events"][1]["recordedBy"] = SENCO.into();
    load(&json);
}

/// Attack 7: A justification decided for children's social care used to send health data to a
/// therapist for statistics.
#[test]
fn a_justification_covers_only_its_recipients_and_purposes() {
    let mut json = record_json("2014-02-18");
    json["justifications"] = json!([{
        "id": "00000000-0000-4000-8000-000000000070",
        "child": CHILD,
        "lawfulBasis": {"kind": "public-task"},
        "article9Condition": {"kind": "safeguarding-children-and-individuals-at-risk"},
        "reason": "Ruby disclosed harm at home",
        "recipients": [{"kind": "agency", "id": SOCIAL_CARE}],
        "purposes": [{"kind": "safeguarding"}],
        "dataCategories": [{"kind": "health"}, {"kind": "safeguarding-information"}],
        "decidedBy": SENCO,
        "approvedBy": TEACHER,
        "decidedAt": "2026-11-20T08:30:00Z",
        "validFrom": "2026-11-20T09:00:00Z",
        "validUntil": "2026-12-20T09:00:00Z",
        "carersTold": {"kind": "told", "on": "2026-11-20"}
    }]);
    let mut record = load(&json);
    let now = at("2026-11-23T10:00:00Z");
    let misused = question(
        json!({"kind": "professional", "id": SLT}),
        "statistics",
        &["health"],
        json!({}),
    );
    let decided = record.decide(&misused, now).unwrap();
    let problems: Vec<JustificationProblem> = reasons(decided.decision())
        .into_iter()
        .filter_map(|r| match r {
            RefusalReason::Justification { problem, .. } => Some(problem),
            _ => None,
        })
        .collect();
    assert!(problems.contains(&JustificationProblem::RecipientNotCovered));
    assert!(problems.contains(&JustificationProblem::PurposeNotCovered {
        purpose: partnership::consent::Purpose::Statistics
    }));
    // For what it was decided: permitted without consent, and recorded.
    let proper = question(
        json!({"kind": "agency", "id": SOCIAL_CARE}),
        "safeguarding",
        &["health", "safeguarding-information"],
        json!({}),
    );
    let decided = record.decide(&proper, at("2026-11-23T10:01:00Z")).unwrap();
    assert!(matches!(
        decided.disclosure().unwrap().basis(),
        PermitBasis::Safeguarding { .. }
    ));
}

/// Attack 8: A requester or recipient the record does not hold, or another child: no answer
/// at all, what-if or not, and nothing recorded.
#[test]
fn a_question_about_strangers_gets_no_answer() {
    let mut record = load(&record_json("2014-02-18"));
    let before = record.clone();
    let mut stranger = serde_json::to_value(to_slt()).unwrap();
    stranger["requestedBy"] = "00000000-0000-4000-8000-00000000dead".into();
    stranger["child"] = "00000000-0000-4000-8000-00000000beef".into();
    let stranger: SharingQuestion = serde_json::from_value(stranger).unwrap();
    let now = at("2026-11-23T10:00:00Z");
    for result in [
        record.what_if(&stranger, now).map(|_| ()),
        record.decide(&stranger, now).map(|_| ()),
    ] {
        let Err(DecisionError::Question { problems }) = result else {
            panic!("answered a question about strangers");
        };
        let found: Vec<(&str, Rule)> = problems
            .iter()
            .map(|p| (p.pointer.as_str(), p.rule))
            .collect();
        assert_eq!(
            found,
            [
                ("/child", Rule::WrongChild),
                ("/requestedBy", Rule::DanglingReference)
            ]
        );
    }
    assert_eq!(record, before);
}

const NURSE: &str = "00000000-0000-4000-8000-000000000035";

/// Ruby with a school nurse, a competence assessment and consents about her health,
/// for the bundling attacks.
fn with_nurse(mut json: Value) -> Value {
    json["professionals"]
        .as_array_mut()
        .unwrap()
        .push(professional(
            NURSE,
            "Nia Evans",
            json!({"kind": "school-nurse"}),
            HEALTH,
        ));
    json
}

fn assessment(id: &str, on: &str, finding: &str, categories: &[&str]) -> Value {
    json!({
        "id": id, "child": CHILD, "assessedBy": NURSE, "assessedOn": on,
        "decision": scope(json!([{"kind": "role", "role": {"kind": "school-nurse"}}]), "health-care", categories),
        "finding": finding
    })
}

fn to_nurse(categories: &[&str]) -> SharingQuestion {
    question(
        json!({"kind": "professional", "id": NURSE}),
        "health-care",
        categories,
        json!({}),
    )
}

/// Bundling a category the child was not assessed for cannot hand a carer the
/// decision about one the child was found competent to make.
#[test]
fn a_bundled_question_cannot_move_a_decision_from_the_child_to_a_carer() {
    let mut json = with_nurse(record_json("2014-02-18"));
    json["competenceAssessments"] = json!([assessment(
        "00000000-0000-4000-8000-000000000080",
        "2026-10-01",
        "competent",
        &["health"]
    )]);
    json["consents"].as_array_mut().unwrap().push(consent(
        "00000000-0000-4000-8000-000000000041",
        json!({"kind": "parental-responsibility", "carer": MUM}),
        as_carer(MUM),
        "2026-09-07T10:00:00Z",
        scope(
            json!([{"kind": "role", "role": {"kind": "school-nurse"}}]),
            "health-care",
            &["health", "education-progress"],
        ),
    ));
    let record = load(&json);
    let now = at("2026-11-23T10:00:00Z");
    let alone = record.what_if(&to_nurse(&["health"]), now).unwrap();
    assert!(matches!(
        reasons(alone.decision())[..],
        [RefusalReason::ChildMustConsent { .. }]
    ));
    let bundled = record
        .what_if(&to_nurse(&["health", "education-progress"]), now)
        .unwrap();
    assert!(!bundled.would_permit());
    assert!(matches!(
        reasons(bundled.decision())[..],
        [RefusalReason::CapacityDiffersByCategory { .. }]
    ));
}

/// A later "not competent" finding stands however the question is put.
#[test]
fn a_later_finding_of_no_competence_stands_against_a_bundled_question() {
    let mut json = with_nurse(record_json("2014-02-18"));
    json["competenceAssessments"] = json!([
        assessment(
            "00000000-0000-4000-8000-000000000080",
            "2026-09-01",
            "competent",
            &["health", "education-progress"]
        ),
        assessment(
            "00000000-0000-4000-8000-000000000081",
            "2026-11-01",
            "not-competent",
            &["health"]
        ),
    ]);
    json["consents"].as_array_mut().unwrap().push(consent(
        "00000000-0000-4000-8000-000000000041",
        json!({"kind": "competent-child", "assessedBy": NURSE, "assessedOn": "2026-09-01"}),
        json!({"kind": "child", "id": CHILD}),
        "2026-09-02T10:00:00Z",
        scope(
            json!([{"kind": "role", "role": {"kind": "school-nurse"}}]),
            "health-care",
            &["health", "education-progress"],
        ),
    ));
    let record = load(&json);
    let now = at("2026-11-23T10:00:00Z");
    for categories in [&["health"][..], &["health", "education-progress"][..]] {
        let answer = record.what_if(&to_nurse(categories), now).unwrap();
        assert!(!answer.would_permit(), "{categories:?}: {answer}");
    }
}

/// However a withholding rule's category or role is spelt, it reaches the same
/// category or role spelt another way, or named by its built-in choice.
#[test]
fn withholding_rules_reach_every_spelling_of_what_they_withhold() {
    let cases = [
        (
            json!({"kind": "other", "label": "ΙΣΤΟΡΙΚΟ ΥΓΕΙΑΣ"}),
            json!({"kind": "other", "label": "ιστορικο υγειας"}),
        ),
        (
            json!({"kind": "other", "label": "STRASSE"}),
            json!({"kind": "other", "label": "straße"}),
        ),
        (
            json!({"kind": "other", "label": "Play  therapy notes"}),
            json!({"kind": "other", "label": "play therapy\u{200B} notes"}),
        ),
        (
            json!({"kind": "other", "label": "contact details"}),
            json!({"kind": "contact-details"}),
        ),
    ];
    for (withheld, asked) in cases {
        let mut json = record_json("2014-02-18");
        json["consents"].as_array_mut().unwrap().push(json!({
            "id": "00000000-0000-4000-8000-000000000042", "child": CHILD,
            "givenBy": {"kind": "parental-responsibility", "carer": MUM},
            "scope": {"purposes": [{"kind": "multi-agency-planning"}],
                      "recipients": [{"kind": "carer", "id": DAD}], "dataCategories": [asked.clone()]},
            "validFrom": "2026-09-07", "method": "written", "noticeVersion": "v1",
            "events": [{"kind": "given", "at": "2026-09-07T10:00:00Z", "by": as_carer(MUM)}]
        }));
        json["withholdingRules"] = json!([{
            "id": "00000000-0000-4000-8000-000000000060", "child": CHILD,
            "protects": [as_carer(MUM)], "dataCategories": [withheld.clone()],
            "withheldFrom": [{"kind": "carer", "id": DAD}],
            "reason": "A risk to Sophie", "decidedBy": SOCIAL_WORKER, "from": "2026-10-01"
        }]);
        let record = load(&json);
        let mut q = serde_json::to_value(to_slt()).unwrap();
        q["recipient"] = json!({"kind": "carer", "id": DAD});
        q["purpose"] = json!({"kind": "multi-agency-planning"});
        q["dataCategories"] = json!([asked]);
        let q: SharingQuestion = serde_json::from_value(q).unwrap();
        let answer = record.what_if(&q, at("2026-11-23T10:00:00Z")).unwrap();
        assert!(
            matches!(
                reasons(answer.decision())[..],
                [RefusalReason::Withheld { .. }]
            ),
            "{withheld} did not reach {}: {answer}",
            serde_json::to_value(q.data_categories().to_vec()).unwrap()
        );
    }
}

/// A reason of invisible characters is no reason.
#[test]
fn an_invisible_reason_justifies_nothing() {
    let mut json = record_json("2014-02-18");
    json["justifications"] = json!([{
        "id": "00000000-0000-4000-8000-000000000070", "child": CHILD,
        "lawfulBasis": {"kind": "public-task"},
        "article9Condition": {"kind": "safeguarding-children-and-individuals-at-risk"},
        "reason": "\u{200B}",
        "recipients": [{"kind": "agency", "id": SOCIAL_CARE}], "purposes": [{"kind": "safeguarding"}],
        "dataCategories": [{"kind": "health"}],
        "decidedBy": SENCO, "approvedBy": TEACHER, "decidedAt": "2026-11-20T08:30:00Z",
        "validFrom": "2026-11-20T09:00:00Z", "validUntil": "2026-12-20T09:00:00Z",
        "carersTold": {"kind": "not-told", "reason": "\u{2060}"}
    }]);
    let record = load(&json);
    let inbox = question(
        json!({"kind": "agency", "id": SOCIAL_CARE}),
        "safeguarding",
        &["health"],
        json!({}),
    );
    let answer = record.what_if(&inbox, at("2026-11-23T10:00:00Z")).unwrap();
    let problems: Vec<JustificationProblem> = reasons(answer.decision())
        .into_iter()
        .filter_map(|r| match r {
            RefusalReason::Justification { problem, .. } => Some(problem),
            _ => None,
        })
        .collect();
    assert_eq!(
        problems,
        [
            JustificationProblem::NoReason,
            JustificationProblem::NotToldWithoutReason
        ]
    );
}

/// A ledger written by hand, chained correctly, cannot smuggle in a permit the record
/// does not support, nor a time or capacity the record contradicts.
#[test]
fn a_hand_written_permit_the_record_does_not_support_is_refused() {
    use partnership::consent::{
        DataCategory, DisclosureLedger, PermitBasis, Recipient, SharingRequest, SharingRequestParts,
    };
    let json = record_json("2014-02-18");
    let base = load(&json);
    let when = at("2026-11-23T10:00:00Z");
    let request = |capacity, at_time| {
        SharingRequest::try_from(SharingRequestParts {
            id: "00000000-0000-4000-8000-000000000090".parse().unwrap(),
            child: CHILD.parse().unwrap(),
            requested_by: SENCO.parse().unwrap(),
            recipient: serde_json::from_value::<Recipient>(json!({
                "kind": "professional", "id": SLT,
                "role": {"kind": "speech-and-language-therapist"}, "agency": HEALTH, "agencyKind": {"kind": "health"}
            }))
            .unwrap(),
            purpose: partnership::consent::Purpose::HealthCare,
            data_categories: vec![DataCategory::Health],
            at: at_time,
            child_capacity: capacity,
        })
        .unwrap()
    };
    let permit = |basis| SharingDecision::Permit {
        basis,
        data_categories: vec![DataCategory::Health],
    };
    let consent_id = base.consents()[0].id();
    let cases: [(SharingRequest, SharingDecision, Rule); 4] = [
        // Mum's consent covers education progress for planning, not health for care.
        (
            request(ChildCapacity::NotAssessed, when),
            permit(PermitBasis::Consent {
                consents: vec![consent_id],
            }),
            Rule::PermitWithoutBasis,
        ),
        // A justification that does not exist.
        (
            request(ChildCapacity::NotAssessed, when),
            permit(PermitBasis::Safeguarding {
                justification: "00000000-0000-4000-8000-00000000dead".parse().unwrap(),
                decided_by: None,
                approved_by: None,
                decided_at: None,
                duty_to_share_from: None,
            }),
            Rule::DanglingReference,
        ),
        // A twelve-year-old said to be sixteen.
        (
            request(ChildCapacity::SixteenOrOver, when),
            SharingDecision::Refuse { reasons: vec![] },
            Rule::LedgerEntryInconsistent,
        ),
        // Asked in October, recorded in November.
        (
            request(ChildCapacity::NotAssessed, at("2026-10-01T09:00:00Z")),
            SharingDecision::Refuse { reasons: vec![] },
            Rule::LedgerEntryInconsistent,
        ),
    ];
    for (request, decision, rule) in cases {
        let mut ledger = DisclosureLedger::default();
        let stated_at = request.at();
        // The ledger insists on its own rule; a forger writes the JSON directly.
        let mut entry = serde_json::to_value(&{
            let mut honest = request.clone().into_parts();
            honest.at = when;
            ledger
                .append(
                    SharingRequest::try_from(honest).unwrap(),
                    decision.clone(),
                    when,
                )
                .unwrap();
            ledger.iter().next().unwrap().clone()
        })
        .unwrap();
        entry["request"]["at"] = serde_json::to_value(stated_at).unwrap();
        let entry: partnership::consent::LedgerEntry = serde_json::from_value(entry).unwrap();
        let mut entry = entry;
        entry.hash = entry.expected_hash();
        let mut tampered = json.clone();
        tampered["disclosures"] = json!([entry]);
        let found: Vec<Rule> = refused(&tampered).into_iter().map(|(_, r)| r).collect();
        assert!(found.contains(&rule), "{rule:?} not among {found:?}");
    }
}

/// A child turning 16 in the early hours of a summer birthday in England is 16 from
/// midnight there, an hour before midnight UTC.
#[test]
fn a_sixteenth_birthday_begins_at_midnight_in_england() {
    let mut json = record_json("2010-06-15");
    json["consents"][0]["validFrom"] = "2026-01-07".into();
    json["consents"][0]["events"][0]["at"] = "2026-01-07T10:00:00Z".into();
    let mut record = load(&json);
    // The evening before, in England, she is 15, and her mother's consent covers.
    let before = record
        .what_if(&to_slt(), at("2026-06-14T22:30:00Z"))
        .unwrap();
    assert!(before.would_permit(), "{before}");
    let decided = record
        .decide(&to_slt(), at("2026-06-14T23:30:00Z"))
        .unwrap();
    assert!(matches!(
        reasons(decided.decision())[..],
        [RefusalReason::ChildMustConsent { .. }]
    ));
}
