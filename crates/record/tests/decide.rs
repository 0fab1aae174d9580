//! The record decides: properties of `PartnershipRecord::decide` and `what_if`, each
//! named for the rule it enforces, over whole valid records.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{DateTime, Duration, NaiveDate, Utc};
use partnership_carers::{Carer, LegalStanding, ParentalResponsibilityBasis};
use partnership_consent::strategies as consent;
use partnership_consent::*;
use partnership_core::strategies::date_between;
use partnership_core::{AgencyKind, ProfessionalRole};
use partnership_record::strategies::{decision_time, question, record};
use partnership_record::*;
use proptest::option;
use proptest::prelude::*;

/// A record, a question about it and a moment to decide at.
fn asked() -> impl Strategy<Value = (PartnershipRecord, SharingQuestion, DateTime<Utc>)> {
    record().prop_flat_map(|record| {
        (
            Just(record.clone()),
            question(&record),
            decision_time(&record),
        )
    })
}

/// The recipient as the record's team has them, worked out here apart from the
/// library.
fn team_recipient(record: &PartnershipRecord, named: &RecipientRef) -> Recipient {
    match named {
        RecipientRef::Carer { id, .. } => Recipient::Carer { id: *id },
        RecipientRef::Professional { id, .. } => {
            let p = record.professionals().iter().find(|p| p.id == *id).unwrap();
            let a = record.agencies().iter().find(|a| a.id == p.agency).unwrap();
            Recipient::Professional {
                id: *id,
                role: p.role.clone(),
                agency: a.id,
                agency_kind: a.kind.clone(),
            }
        }
        RecipientRef::Agency { id, .. } => {
            let a = record.agencies().iter().find(|a| a.id == *id).unwrap();
            Recipient::Agency {
                id: *id,
                agency_kind: a.kind.clone(),
            }
        }
        _ => unreachable!("every recipient kind is matched"),
    }
}

/// The question with some parts replaced, read from JSON as an older file would be:
/// another request, with an id of its own (a request is decided once).
fn with(question: &SharingQuestion, edit: impl FnOnce(&mut serde_json::Value)) -> SharingQuestion {
    let mut json = serde_json::to_value(question).unwrap();
    json["id"] = serde_json::to_value(partnership_core::SharingRequestId::random()).unwrap();
    edit(&mut json);
    serde_json::from_value(json).unwrap()
}

/// The child's age as decisions take it: on the date in England, the later of the UTC
/// date and the date an hour later.
fn age_on(record: &PartnershipRecord, at: DateTime<Utc>) -> u32 {
    record
        .child()
        .age_on((at + Duration::hours(1)).date_naive())
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, max_global_rejects: 8192, ..ProptestConfig::default() })]

    #[test]
    fn recipient_facts_come_from_the_record(
        (record, question, at) in asked(),
        role in option::of(partnership_core::strategies::professional_role()),
        kind in option::of(partnership_core::strategies::agency_kind()),
        pick_agency in option::of(any::<prop::sample::Index>()),
    ) {
        let truth = team_recipient(&record, question.recipient());
        // The same question with the recipient described, as an older file would.
        let agency = pick_agency.map(|i| i.get(record.agencies()).id);
        let described = with(&question, |q| {
            let r = &mut q["recipient"];
            match r["kind"].as_str().unwrap() {
                "professional" => {
                    if let Some(role) = &role { r["role"] = serde_json::to_value(role).unwrap(); }
                    if let Some(agency) = agency { r["agency"] = serde_json::to_value(agency).unwrap(); }
                    if let Some(kind) = &kind { r["agencyKind"] = serde_json::to_value(kind).unwrap(); }
                }
                "agency" => {
                    if let Some(kind) = &kind { r["agencyKind"] = serde_json::to_value(kind).unwrap(); }
                }
                _ => {}
            }
        });
        let mut wrong = Vec::new();
        match (&described.recipient(), &truth) {
            (RecipientRef::Professional { role: r, agency: a, agency_kind: k, .. },
             Recipient::Professional { role, agency, agency_kind, .. }) => {
                if r.as_ref().is_some_and(|r| !r.same_choice(role)) { wrong.push(DescribedField::Role); }
                if a.is_some_and(|a| a != *agency) { wrong.push(DescribedField::Agency); }
                if k.as_ref().is_some_and(|k| !k.same_choice(agency_kind)) { wrong.push(DescribedField::AgencyKind); }
            }
            (RecipientRef::Agency { agency_kind: k, .. }, Recipient::Agency { agency_kind, .. })
                if k.as_ref().is_some_and(|k| !k.same_choice(agency_kind)) => {
                wrong.push(DescribedField::AgencyKind);
            }
            _ => {}
        }
        let plain = record.what_if(&question, at).unwrap();
        let mut after = record.clone();
        let decided = after.decide(&described, at).unwrap();
        // What is recorded is the recipient as the team has them, whatever was said.
        let entry = after.disclosures().iter().last().unwrap();
        prop_assert_eq!(entry.request.recipient(), &truth);
        if wrong.is_empty() {
            prop_assert_eq!(decided.decision(), plain.decision());
        } else {
            let expected: Vec<RefusalReason> = wrong
                .into_iter()
                .map(|field| RefusalReason::RecipientNotAsDescribed { field })
                .collect();
            prop_assert_eq!(decided.decision(), &SharingDecision::Refuse { reasons: expected });
            prop_assert!(decided.disclosure().is_none());
        }
        // A safeguarding permit rests on a justification that covers the recipient the
        // record knows, for this purpose, and on the record's own view of their role.
        if let SharingDecision::Permit { basis: PermitBasis::Safeguarding { justification, .. }, .. } = plain.decision() {
            let j = record.justifications().iter().find(|j| j.id() == *justification).unwrap();
            prop_assert!(j.recipients().iter().any(|s| s.covers(&truth)));
            prop_assert!(j.purposes().iter().any(|p| p.same_choice(question.purpose())));
            prop_assert!(truth.has_safeguarding_role());
        }
    }

    #[test]
    fn decision_time_is_recording_time(
        (record, question, at) in asked(),
        days in prop_oneof![-400i64..=-1, 1i64..=400],
        back in 1i64..=1_000_000,
    ) {
        let mut after = record.clone();
        let decided = after.decide(&question, at).unwrap();
        let entry = after.disclosures().iter().last().unwrap().clone();
        prop_assert_eq!(entry.recorded_at, at);
        prop_assert_eq!(entry.request.at(), at);
        if let Some(disclosure) = decided.disclosure() {
            prop_assert_eq!(disclosure.permitted_at(), at);
            prop_assert_eq!(disclosure.ledger_index(), entry.index);
        }
        // A request dated on another day is refused, and the refusal recorded.
        let dated = with(&question, |q| {
            q["at"] = serde_json::to_value(at + Duration::days(days)).unwrap();
        });
        let refused = after.decide(&dated, at).unwrap();
        prop_assert_eq!(
            refused.decision(),
            &SharingDecision::Refuse { reasons: vec![RefusalReason::DatedAnotherDay { at: at + Duration::days(days) }] }
        );
        // On the same day it is only a time, and the decision's own time is used.
        let same_day = with(&question, |q| {
            q["at"] = serde_json::to_value(at.date_naive().and_hms_opt(0, 0, 0).unwrap().and_utc()).unwrap();
        });
        prop_assert_eq!(after.what_if(&same_day, at).unwrap(), after.what_if(&question, at).unwrap());
        // A time before the last entry is an error, and nothing changes.
        let before = after.clone();
        let earlier = at - Duration::seconds(back);
        prop_assert_eq!(
            after.decide(&question, earlier),
            Err(DecisionError::BeforeLastEntry { last: at })
        );
        prop_assert_eq!(after, before);
    }

    #[test]
    fn sixteen_plus_decides_for_themselves(
        (record, question, at) in asked(),
        claim in option::of(prop_oneof![
            Just(ChildCapacity::NotAssessed),
            Just(ChildCapacity::SixteenOrOver),
        ]),
    ) {
        let sixteen = age_on(&record, at) >= AGE_OF_PRESUMED_CAPACITY;
        let claimed = with(&question, |q| {
            if let Some(claim) = &claim { q["childCapacity"] = serde_json::to_value(claim).unwrap(); }
        });
        let mut after = record.clone();
        let decided = after.decide(&claimed, at).unwrap();
        let recorded = after.disclosures().iter().last().unwrap().request.child_capacity();
        prop_assert_eq!(recorded == ChildCapacity::SixteenOrOver, sixteen);
        if let SharingDecision::Permit { basis: PermitBasis::Consent { consents }, .. } = decided.decision() {
            for id in consents {
                let c = record.consents().iter().find(|c| c.id() == *id).unwrap();
                // From 16 only the young person's own consent covers; under 16 (not
                // assessed here) only a carer's.
                prop_assert_eq!(c.given_by().is_the_child(), sixteen);
            }
        }
        // A claim that disagrees with the date of birth refuses the request.
        if let Some(claim) = claim && claim != recorded {
            prop_assert_eq!(
                decided.decision(),
                &SharingDecision::Refuse { reasons: vec![RefusalReason::CapacityNotAsClaimed { claimed: claim, recorded }] }
            );
        }
    }

    #[test]
    fn consent_needs_standing_on_the_day_given(
        record in record(),
        since in option::of(date_between(NaiveDate::from_ymd_opt(2023, 1, 1).unwrap(), NaiveDate::from_ymd_opt(2027, 12, 31).unwrap())),
        length in option::of(0i64..1500),
    ) {
        // Give the first carer (a birth mother, the giver of most drawn consents)
        // parental responsibility from `since` for `length` days only.
        let until = since.zip(length).map(|(s, l)| s + Duration::days(l));
        let mut parts = record.clone().into_parts();
        let mut carer = parts.carers[0].clone().into_parts();
        carer.legal_standing = LegalStanding::ParentalResponsibility {
            basis: ParentalResponsibilityBasis::BirthMother,
            since,
            until,
        };
        let mum = carer.id;
        parts.carers[0] = Carer::try_from(carer).unwrap();
        let held = |day: NaiveDate| since.is_none_or(|s| s <= day) && until.is_none_or(|u| day <= u);
        // Every give, refusal or renewal by her on a day she did not hold it.
        let mut expected: Vec<String> = Vec::new();
        for (k, c) in parts.consents.iter().enumerate() {
            if *c.given_by() != (ConsentGiver::ParentalResponsibility { carer: mum }) { continue; }
            for (i, e) in c.events().iter().enumerate() {
                let acts = matches!(e.kind, ConsentEventKind::Given | ConsentEventKind::Refused | ConsentEventKind::Renewed);
                if acts && !held(e.at.date_naive()) {
                    expected.push(format!("/consents/{k}/events/{i}/at"));
                }
            }
        }
        match PartnershipRecord::try_from(parts) {
            Ok(_) => prop_assert!(expected.is_empty(), "accepted consent given without standing: {:?}", expected),
            Err(e) => {
                let found: Vec<String> = e.problems.iter()
                    .filter(|p| p.rule == Rule::ConsentWithoutParentalResponsibility)
                    .map(|p| p.pointer.clone())
                    .collect();
                prop_assert_eq!(found, expected);
            }
        }
    }

    #[test]
    fn no_disclosure_from_an_invalid_record(
        (record, questions, at) in record().prop_flat_map(|r| (
            Just(r.clone()),
            proptest::collection::vec(question(&r), 1..6),
            decision_time(&r),
        )),
        gaps in proptest::collection::vec(-120i64..6000, 6),
    ) {
        let mut record = record;
        let mut when = at;
        for (question, gap) in questions.iter().zip(gaps) {
            when += Duration::minutes(gap);
            let before = record.clone();
            match record.decide(question, when) {
                Ok(decided) => {
                    // The record with the entry is valid as a partner would check it.
                    let reread = PartnershipRecord::from_json(&record.to_json());
                    prop_assert!(reread.is_ok(), "{:?}", reread.err());
                    prop_assert_eq!(record.disclosures().len(), before.disclosures().len() + 1);
                    let entry = record.disclosures().iter().last().unwrap();
                    prop_assert_eq!(&entry.decision, decided.decision());
                    if let Some(d) = decided.disclosure() {
                        prop_assert!(entry.decision.is_permit());
                        prop_assert_eq!(d.data_categories(), question.data_categories());
                        prop_assert_eq!(d.recipient(), entry.request.recipient());
                    } else {
                        prop_assert!(!entry.decision.is_permit());
                    }
                }
                Err(e) => {
                    let expected = matches!(e, DecisionError::BeforeLastEntry { .. } | DecisionError::AlreadyDecided { .. });
                    prop_assert!(expected, "{}", e);
                    prop_assert_eq!(&record, &before);
                }
            }
        }
    }

    #[test]
    fn withholding_reaches_an_agency_inbox(
        (record, at) in record().prop_flat_map(|r| (Just(r.clone()), decision_time(&r))),
        which in any::<prop::sample::Index>(),
        category in consent::data_category(),
    ) {
        // Withhold a category from one professional: sent to their agency's inbox, it
        // would reach them, so it is refused too.
        let professional = which.get(record.professionals()).clone();
        let mut parts = record.into_parts();
        let rule = WithholdingRule::try_from(WithholdingRuleParts {
            id: "00000000-0000-4000-8000-0000000ffff1".parse().unwrap(),
            child: parts.child.id(),
            protects: vec![partnership_core::PartyRef::Carer { id: parts.carers[0].id() }],
            data_categories: vec![category.clone()],
            withheld_from: vec![RecipientScope::Professional { id: professional.id }],
            reason: partnership_core::Sensitive::new("safety".into()),
            decided_by: professional.id,
            from: at.date_naive() - Duration::days(1),
            until: None,
        }).unwrap();
        parts.withholding_rules.push(rule.clone());
        let record = PartnershipRecord::try_from(parts).unwrap();
        let inbox = SharingQuestion::new(
            "00000000-0000-4000-8000-0000000ffff2".parse().unwrap(),
            record.child().id(),
            professional.id,
            RecipientRef::agency(professional.agency),
            Purpose::MultiAgencyPlanning,
            vec![category.clone()],
        ).unwrap();
        let answer = record.what_if(&inbox, at).unwrap();
        prop_assert!(!answer.would_permit());
        let ours = RefusalReason::Withheld { rule: rule.id(), category };
        prop_assert!(answer.decision().reasons().contains(&ours));
        let only_withheld = answer.decision().reasons().iter().all(|r| matches!(r, RefusalReason::Withheld { .. }));
        prop_assert!(only_withheld);
        let reason = format!("\n- {ours}");
        prop_assert!(answer.to_string().contains(&reason));
        prop_assert!(answer.to_string().starts_with("would be refused; nothing was shared or recorded"));
    }
}

#[test]
fn role_and_kind_words_are_compared_whatever_their_case() {
    // `same_choice` is what the claims and scopes compare with.
    let a = ProfessionalRole::Other {
        label: partnership_core::Label::new("Therapist").unwrap(),
    };
    let b = ProfessionalRole::Other {
        label: partnership_core::Label::new(" therapist ").unwrap(),
    };
    assert!(a.same_choice(&b));
    assert!(!a.same_choice(&ProfessionalRole::Teacher));
    assert!(AgencyKind::Health.same_choice(&AgencyKind::Health));
}
