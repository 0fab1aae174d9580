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

/// A question from the SENCO, read from JSON as a partner would send it.
fn question(recipient: Value, purpose: &str, categories: &[&str], extra: Value) -> SharingQuestion {
    let mut q = json!({
        "id": "00000000-0000-4000-8000-000000000050",
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
    assert_eq!(record.disclosures.len(), 1);
    // What-if asks the same rules and records nothing.
    let answer = record
        .what_if(&to_slt(), at("2026-11-24T10:00:00Z"))
        .unwrap();
    assert!(answer.would_permit());
    assert_eq!(
        answer.to_string(),
        "would be permitted: covered by 1 consent; nothing was shared or recorded"
    );
    assert_eq!(record.disclosures.len(), 1);
}

/// 1. A request dated before the withdrawal, decided after it.
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
    assert_eq!(record.disclosures.len(), 1);
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
}

/// 2. The teacher described as a speech and language therapist in a health service.
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
    let entry = record.disclosures.iter().last().unwrap();
    assert_eq!(
        serde_json::to_value(&entry.request.recipient).unwrap()["role"]["kind"],
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

/// 2b. A withholding rule scoped to a role written as `other` cannot be dodged by
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

/// 3. A seventeen-year-old shared on a parent's consent; a "young person" consent
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
            claimed: ChildCapacity::NotAssessed {},
            recorded: ChildCapacity::SixteenOrOver {},
        }]
    );
    let honest = record.decide(&to_slt(), now).unwrap();
    assert!(matches!(
        reasons(honest.decision())[..],
        [RefusalReason::ChildMustConsent { .. }]
    ));
    assert_eq!(record.disclosures.len(), 2);

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

/// 4. Consent "as a holder of parental responsibility" from a father whose
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

/// 5. A foster carer with no delegated authority for information sharing, recorded as
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

/// 6. A consent "given by mum" whose given event is by the foster carer or the
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

/// 7. A justification decided for children's social care used to send health data to a
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
    assert!(problems.contains(&JustificationProblem::RecipientNotCovered {}));
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

/// 8. A requester or recipient the record does not hold, or another child: no answer
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
