//! Properties of carers, agreements and the contact log.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{Duration, NaiveDate};
use partnership_carers::strategies as s;
use partnership_carers::*;
use partnership_core::json::from_json_str;
use partnership_core::strategies::{date, json_round_trip, personal_label, personal_strings};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

proptest! {
    #[test]
    fn carer_debug_never_contains_personal_data(carer in s::carer()) {
        let debug = format!("{carer:?}");
        let pretty = format!("{carer:#?}");
        let personal = personal_strings(&carer);
        // The name is always there, so the check below can never pass vacuously.
        prop_assert!(personal.contains(&carer.name().expose().to_string()));
        for text in personal {
            prop_assert!(!debug.contains(&text), "leaked through Debug");
            prop_assert!(!pretty.contains(&text), "leaked through pretty Debug");
        }
        prop_assert!(carer.describe().is_ascii());
    }

    #[test]
    fn contact_log_debug_never_contains_personal_data(log in s::contact_log(4)) {
        let debug = format!("{log:?}");
        for text in personal_strings(&log) {
            prop_assert!(!debug.contains(&text));
        }
    }

    #[test]
    fn foster_or_residential_carer_never_holds_parental_responsibility(
        carer in s::carer(),
        role in prop_oneof![Just(Relationship::FosterCarer), Just(Relationship::ResidentialCareWorker)],
        basis in s::pr_basis(),
    ) {
        let mut parts = carer.into_parts();
        parts.relationship = role;
        parts.legal_standing = LegalStanding::ParentalResponsibility { basis, since: None, until: None };
        let is_pr_in_role = matches!(
            Carer::try_from(parts.clone()),
            Err(CarersError::ParentalResponsibilityNotHeldInRole { .. })
        );
        prop_assert!(is_pr_in_role);
        let json = serde_json::to_string(&parts).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let err = from_json_str::<Carer>(&json).err().ok_or_else(|| TestCaseError::fail("accepted"))?;
        prop_assert_eq!(err.pointer(), "/legalStanding", "{}", err);
    }

    #[test]
    fn carer_json_round_trip(carer in s::carer()) {
        json_round_trip(&carer)?;
    }

    #[test]
    fn agreement_and_log_json_round_trip(
        agreement in s::communication_agreement(),
        log in s::contact_log(4),
        involvement in s::involvement(),
        support in s::support_item(),
    ) {
        json_round_trip(&agreement)?;
        json_round_trip(&log)?;
        json_round_trip(&involvement)?;
        json_round_trip(&support)?;
    }

    #[test]
    fn parts_json_round_trip(
        prefs in s::communication_preferences(),
        culture in s::cultural_considerations(),
        window in s::availability_window(),
        restriction in s::contact_restriction(),
        relationship in s::relationship(),
        area in s::delegated_area(),
        frequency in s::update_frequency(),
        need in s::accessibility_need(),
    ) {
        json_round_trip(&prefs)?;
        json_round_trip(&culture)?;
        json_round_trip(&window)?;
        json_round_trip(&restriction)?;
        json_round_trip(&relationship)?;
        json_round_trip(&area)?;
        json_round_trip(&frequency)?;
        json_round_trip(&need)?;
    }

    #[test]
    fn next_update_is_after_the_last_one(agreement in s::communication_agreement(), last in date()) {
        match agreement.next_update_due(last) {
            Some(next) => prop_assert!(next > last),
            None => prop_assert_eq!(agreement.frequency, UpdateFrequency::AfterEachSession),
        }
    }

    #[test]
    fn is_overdue_flips_exactly_once(agreement in s::communication_agreement(), last in date()) {
        prop_assume!(agreement.frequency != UpdateFrequency::AfterEachSession);
        let due = agreement.next_update_due(last).ok_or_else(|| TestCaseError::fail("no due date"))?;
        let mut flips = 0;
        let mut previous = agreement.is_overdue(last - Duration::days(3), last);
        prop_assert!(!previous);
        let mut as_of = last - Duration::days(2);
        while as_of <= due + Duration::days(5) {
            let now = agreement.is_overdue(as_of, last);
            if now != previous {
                flips += 1;
                // It flips on the day after the due date, and only ever to overdue.
                prop_assert!(now);
                prop_assert_eq!(as_of, due + Duration::days(1));
            }
            previous = now;
            as_of += Duration::days(1);
        }
        prop_assert_eq!(flips, 1);
    }

    #[test]
    fn overdue_actions_flip_once_and_leave_only_when_done(log in s::contact_log(4)) {
        for record in log.iter() {
            for action in record.agreed_actions() {
                let mut was = false;
                let mut flips = 0;
                for offset in 0..200 {
                    let as_of = record.date() + Duration::days(offset);
                    let now = log.overdue_actions(as_of).iter().any(|o| o.action.id == action.id);
                    if now != was {
                        flips += 1;
                        if !now {
                            // Leaves the overdue set only by being completed.
                            prop_assert_eq!(action.completed_on, Some(as_of));
                        }
                    }
                    was = now;
                }
                prop_assert!(flips <= 2);
            }
        }
    }

    #[test]
    fn restricted_carer_keeps_the_recorded_reason(restriction in s::restriction(), name in personal_label()) {
        let involvement = Involvement::Restricted(restriction.clone());
        prop_assert!(involvement.is_restricted());
        prop_assert!(!involvement.reconsideration_overdue(restriction.reconsider_by()));
        prop_assert!(involvement.reconsideration_overdue(restriction.reconsider_by() + Duration::days(1)));
        let debug = format!("{involvement:?}");
        prop_assert!(!debug.contains(restriction.reason().expose().as_str()));
        prop_assert!(!debug.contains(name.expose().as_str()));
    }
}

const CARER: &str = r#"{
  "id": "6f1b0c2e-4d8a-4a7e-9b3f-1c2d3e4f5a6b",
  "name": "Joanne Baker",
  "relationship": {"kind": "foster-carer"},
  "legalStanding": {"kind": "delegated-authority", "areas": [{"kind": "education"}]},
  "livesWithChild": true,
  "primaryContact": true,
  "communication": {"preferredLanguage": "en", "interpreterNeeded": false, "easyReadNeeded": false}
}"#;

#[test]
fn a_realistic_carer_reads() {
    let carer: Carer = from_json_str(CARER).unwrap();
    assert_eq!(carer.relationship(), &Relationship::FosterCarer);
    assert!(
        carer
            .legal_standing()
            .has_authority_for(&DelegatedArea::Education)
    );
    assert_eq!(carer.involvement(), &Involvement::Involved);
}

#[test]
fn unknown_field_is_rejected_and_named() {
    let json = CARER.replace("\"livesWithChild\"", "\"livesWithChlid\"");
    let err = from_json_str::<Carer>(&json).unwrap_err();
    assert!(
        err.message().starts_with(
            "unknown field (its name is not repeated here; did you mean `livesWithChild`?)"
        ),
        "{err}"
    );
    let json = CARER.replace(
        r#"{"kind": "foster-carer"}"#,
        r#"{"kind": "foster-carer", "since": "2020-01-01"}"#,
    );
    // A field no near-miss of a real one is not repeated: it could hold anything.
    let err = from_json_str::<Carer>(&json).unwrap_err();
    assert_eq!(err.pointer(), "/relationship");
    assert!(
        err.message()
            .starts_with("unknown field (its name is not repeated here)"),
        "{err}"
    );
}

#[test]
fn foster_carer_with_parental_responsibility_names_the_field() {
    let json = CARER.replace(
        r#"{"kind": "delegated-authority", "areas": [{"kind": "education"}]}"#,
        r#"{"kind": "parental-responsibility", "basis": {"kind": "parental-responsibility-order"}}"#,
    );
    let err = from_json_str::<Carer>(&json).unwrap_err();
    assert_eq!(err.pointer(), "/legalStanding");
    assert_eq!(
        err.message(),
        "a foster carer does not hold parental responsibility in that role (Children Act 1989); record the authority delegated in the placement plan instead"
    );
    assert!(!err.to_string().contains("Joanne"));
}

#[test]
fn unit_choices_reject_extra_fields() {
    for json in [
        r#"{"kind": "involved", "reason": "x"}"#,
        r#"{"kind": "restricted", "reason": "x", "decidedBy": "6f1b0c2e-4d8a-4a7e-9b3f-1c2d3e4f5a6b", "decidedOn": "2026-01-01", "reconsiderBy": "2026-03-01", "withdrawnOn": "2026-02-01"}"#,
    ] {
        assert!(from_json_str::<Involvement>(json).is_err(), "{json}");
    }
    assert!(
        from_json_str::<LegalStanding>(r#"{"kind": "none", "basis": {"kind": "birth-mother"}}"#)
            .is_err()
    );
    assert!(from_json_str::<UpdateFrequency>(r#"{"kind": "weekly", "days": 3}"#).is_err());
    assert!(from_json_str::<UpdateFrequency>(r#"{"kind": "every-n-days", "days": 0}"#).is_err());
}

fn parent(standing: LegalStanding) -> CarerParts {
    let mut parts = serde_json::from_str::<CarerParts>(CARER).unwrap();
    parts.relationship = Relationship::BirthParent;
    parts.legal_standing = standing;
    parts
}

#[test]
fn parental_responsibility_rules() {
    use ParentalResponsibilityBasis as B;
    let pr = |basis, since: Option<NaiveDate>, until: Option<NaiveDate>| {
        LegalStanding::ParentalResponsibility {
            basis,
            since,
            until,
        }
    };
    // Named on the register: from 1 December 2003 only, and the date is needed.
    assert!(
        Carer::try_from(parent(pr(
            B::NamedOnBirthRegister,
            Some(d(2003, 12, 1)),
            None
        )))
        .is_ok()
    );
    assert_eq!(
        Carer::try_from(parent(pr(
            B::NamedOnBirthRegister,
            Some(d(2003, 11, 30)),
            None
        ))),
        Err(CarersError::RegisteredBeforeDecember2003)
    );
    assert_eq!(
        Carer::try_from(parent(pr(B::NamedOnBirthRegister, None, None))),
        Err(CarersError::RegistrationDateMissing)
    );
    // The birth mother basis needs a birth parent; an adoption order an adoptive parent.
    let mut p = parent(pr(B::BirthMother, None, None));
    p.relationship = Relationship::StepParent;
    assert!(matches!(
        Carer::try_from(p),
        Err(CarersError::BasisDoesNotFitRelationship { .. })
    ));
    assert!(matches!(
        Carer::try_from(parent(pr(B::AdoptionOrder, None, None))),
        Err(CarersError::BasisDoesNotFitRelationship { .. })
    ));
    // A period that ends before it starts (a grandparent's child arrangements order).
    let mut p = parent(pr(
        B::ChildArrangementsOrder,
        Some(d(2025, 1, 2)),
        Some(d(2025, 1, 1)),
    ));
    p.relationship = Relationship::Grandparent;
    assert_eq!(
        Carer::try_from(p),
        Err(CarersError::PeriodEndsBeforeStart {
            field: "legalStanding/until"
        })
    );
    // Delegated authority lists something, once.
    assert_eq!(
        Carer::try_from(parent(LegalStanding::DelegatedAuthority {
            areas: vec![],
            placement_plan_dated: None
        })),
        Err(CarersError::NoDelegatedAreas)
    );
    assert_eq!(
        Carer::try_from(parent(LegalStanding::DelegatedAuthority {
            areas: vec![DelegatedArea::Health, DelegatedArea::Health],
            placement_plan_dated: None
        })),
        Err(CarersError::Duplicate {
            field: "legalStanding/areas",
            index: 1
        })
    );
}

#[test]
fn preferences_rules() {
    let mut p = parent(LegalStanding::Unknown);
    p.communication.channels = vec![Channel::Email, Channel::Phone, Channel::Email];
    assert_eq!(
        Carer::try_from(p),
        Err(CarersError::Duplicate {
            field: "communication/channels",
            index: 2
        })
    );
    let err = from_json_str::<AvailabilityWindow>(
        r#"{"day": "monday", "from": "19:00", "until": "19:00"}"#,
    )
    .unwrap_err();
    assert_eq!(err.pointer(), "/until");
    assert_eq!(err.message(), "an availability window ends after it starts");
    let err = from_json_str::<LanguageTag>(r#""Polish please""#).unwrap_err();
    assert!(!err.to_string().contains("Polish"));
}

#[test]
fn contact_record_rules() {
    let base = r#"{"id": "0b7f3c8e-2a1d-4f6b-8c9e-7d6a5b4c3e2f", "date": "2026-11-02", "channel": "phone",
        "participants": [{"kind": "carer", "id": "6f1b0c2e-4d8a-4a7e-9b3f-1c2d3e4f5a6b"}],
        "summary": "Mornings", "agreedActions": [{"id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
        "description": "Call school", "owner": {"kind": "carer", "id": "6f1b0c2e-4d8a-4a7e-9b3f-1c2d3e4f5a6b"},
        "dueOn": "DUE"}]}"#;
    assert!(from_json_str::<ContactRecord>(&base.replace("DUE", "2026-11-09")).is_ok());
    let err = from_json_str::<ContactRecord>(&base.replace("DUE", "2026-11-01")).unwrap_err();
    assert_eq!(err.pointer(), "/agreedActions/0/dueOn");
    assert_eq!(err.message(), "is before the date of the discussion");
    let record = from_json_str::<ContactRecord>(&base.replace("DUE", "2026-11-09")).unwrap();
    let mut earlier = record.clone().into_parts();
    earlier.id = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b".parse().unwrap();
    earlier.date = d(2026, 11, 1);
    earlier.agreed_actions.clear();
    let earlier = ContactRecord::try_from(earlier).unwrap();
    assert_eq!(
        ContactLog::try_from(vec![record.clone(), earlier.clone()]),
        Err(CarersError::ContactLogOrder { index: 1 })
    );
    assert_eq!(
        ContactLog::try_from(vec![record.clone(), record.clone()]),
        Err(CarersError::ContactLogDuplicateId { index: 1 })
    );
    assert!(ContactLog::try_from(vec![earlier, record]).is_ok());
}

proptest! {
    /// A request's answer never comes before it, and only what was agreed is put in
    /// place: a carer holding requests in order is accepted, and moving any answer
    /// before its request (or an adjustment in place before its decision, or put in
    /// place though refused) is refused at that request's field.
    #[test]
    fn adjustment_dates_in_order(
        requests in proptest::collection::vec(s::adjustment_request(partnership_core::AgencyId::random()), 1..4),
        pick in any::<prop::sample::Index>(),
        days in 1i64..30,
    ) {
        let mut parts = serde_json::from_str::<CarerParts>(CARER).unwrap();
        let mut ids = std::collections::BTreeSet::new();
        prop_assume!(requests.iter().all(|r| ids.insert(r.id)));
        parts.adjustments = requests;
        prop_assert!(Carer::try_from(parts.clone()).is_ok());

        let index = pick.index(parts.adjustments.len());
        let request = &mut parts.adjustments[index];
        let field = match request.outcome.as_mut() {
            None => {
                request.outcome = Some(AdjustmentOutcome {
                    decision: AdjustmentDecision::Refused,
                    decided_on: request.requested_on,
                    decided_by: None,
                    reasons: None,
                    in_place_from: Some(request.requested_on + Duration::days(days)),
                });
                "inPlaceFrom"
            }
            Some(outcome) if outcome.in_place_from.is_some() => {
                outcome.in_place_from = Some(outcome.decided_on - Duration::days(days));
                "inPlaceFrom"
            }
            Some(outcome) => {
                outcome.decided_on = request.requested_on - Duration::days(days);
                "decidedOn"
            }
        };
        let err = Carer::try_from(parts).unwrap_err();
        let at = partnership_core::Located::field(&err);
        prop_assert_eq!(
            at,
            partnership_core::FieldPath::field("adjustments").index(index).then("outcome").then(field)
        );
    }
}

/// Advocacy is support like any other, with the service named, and reads strictly.
#[test]
fn advocacy_support_reads_and_is_described() {
    let json = CARER.replace(
        "\"livesWithChild\"",
        r#""support": [{"id": "6f1b0c2e-4d8a-4a7e-9b3f-1c2d3e4f5a6c",
            "kind": {"kind": "advocacy", "service": {"kind": "send-information-advice-and-support"}},
            "status": "offered", "identifiedOn": "2026-10-01", "statusSince": "2026-10-02"}],
          "livesWithChild""#,
    );
    let carer: Carer = from_json_str(&json).unwrap();
    assert_eq!(
        carer.support()[0].kind.to_string(),
        "advocacy: the SEND information, advice and support service"
    );
    let unknown = json.replace("send-information-advice-and-support", "sendiass");
    let err = from_json_str::<Carer>(&unknown).unwrap_err();
    // Inside an internally tagged enum serde reads the variant's fields from a
    // buffer, which loses the path below it: the pointer stops at the kind.
    assert_eq!(err.pointer(), "/support/0/kind");
    assert!(
        err.message().contains("AdvocacyService"),
        "{}",
        err.message()
    );
}
