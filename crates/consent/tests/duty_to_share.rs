//! The lawful bases of 2025–2026 and the days they apply from: a recognised legitimate
//! interest from 5 February 2026 (SI 2026/82 reg 2(c)), the duty to share (Children Act
//! 2004 s.16LA) from the commencement day the service sets and never without one.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use partnership_consent::strategies::{self as s, World};
use partnership_consent::*;
use partnership_core::{
    AgencyId, AgencyKind, ChildId, JustificationId, ProfessionalId, ProfessionalRole, Sensitive,
    SharingRequestId, uk_date,
};
use proptest::option;
use proptest::prelude::*;

fn scope_for(recipient: &Recipient) -> RecipientScope {
    match recipient {
        Recipient::Carer { id } => RecipientScope::Carer { id: *id },
        Recipient::Professional { id, .. } => RecipientScope::Professional { id: *id },
        Recipient::Agency { id, .. } => RecipientScope::Agency { id: *id },
        other => panic!("a recipient this test does not know: {other:?}"),
    }
}

/// A justification complete in every part, on `basis`, covering `request`.
fn complete(
    request: &SharingRequest,
    basis: LawfulBasis,
    world: &World,
) -> SafeguardingJustification {
    SafeguardingJustification::try_from(SafeguardingJustificationParts {
        id: JustificationId::random(),
        child: request.child(),
        lawful_basis: Some(basis),
        article9_condition: Some(Article9Condition::SafeguardingChildrenAndIndividualsAtRisk),
        reason: Some(Sensitive::new("risk of harm at home".into())),
        recipients: vec![scope_for(request.recipient())],
        purposes: vec![request.purpose().clone()],
        data_categories: request.data_categories().to_vec(),
        decided_by: world.professionals[0],
        approved_by: Some(world.professionals[1]),
        decided_at: Some(request.at() - Duration::hours(2)),
        valid_from: request.at() - Duration::days(1),
        valid_until: request.at() + Duration::days(1),
        carers_told: Some(CarersTold::Told {
            on: request.at().date_naive(),
        }),
    })
    .unwrap()
}

fn context() -> impl Strategy<Value = (Option<i64>, bool, bool, Option<u32>)> {
    (
        option::weighted(0.8, -400i64..400),
        any::<bool>(),
        any::<bool>(),
        option::weighted(0.9, 0u32..20),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Nothing is shared on the duty to share unless the service has set its
    /// commencement day and the request falls on or after it, in England; and then
    /// only from one relevant person to another. The permit records the day.
    #[test]
    fn duty_to_share_only_after_commencement(
        (world, request) in s::world().prop_flat_map(|w| (Just(w.clone()), s::sharing_request(&w))),
        (offset, relevant, outside, age) in context(),
    ) {
        let day = uk_date(request.at());
        let law = LawInForce {
            duty_to_share_from: offset.map(|d| day + Duration::days(d)),
            ..LawInForce::default()
        };
        let context = SharingContext {
            sharer_outside_public_authority: outside,
            sharer_is_relevant_person: relevant,
            child_age: age,
            law,
            sharer_agency: None,
        };
        let j = complete(&request, LawfulBasis::DutyToShare, &world);
        let permits = j.permits_in(&request, &context);
        prop_assert_eq!(permits, j.problems_in(&request, &context).is_empty());
        if permits {
            let from = law.duty_to_share_from.ok_or_else(|| TestCaseError::fail("permitted with no commencement"))?;
            prop_assert!(day >= from, "permitted on {} before the commencement {}", day, from);
            prop_assert!(relevant);
        }
        let in_force = offset.is_some_and(|d| d <= 0);
        if !in_force {
            let not_in_force = JustificationProblem::BasisNotInForce { from: law.duty_to_share_from };
            prop_assert!(j.problems_in(&request, &context).contains(&not_in_force));
        }
        // Through the decision rule: a permit names the commencement day it relied on.
        let decision = decide_on_facts(&request, &DecisionFacts {
            justifications: std::slice::from_ref(&j),
            context,
            ..DecisionFacts::default()
        });
        if let SharingDecision::Permit { basis: PermitBasis::Safeguarding { duty_to_share_from, .. }, .. } = decision {
            prop_assert!(in_force);
            prop_assert_eq!(duty_to_share_from, law.duty_to_share_from);
        }
    }

    /// On any context, a justification permits exactly when it lists no problem.
    #[test]
    fn justification_permits_exactly_when_it_has_no_problems_in_any_context(
        (world, request, j) in s::world().prop_flat_map(|w| (Just(w.clone()), s::sharing_request(&w), s::justification(&w))),
        (offset, relevant, outside, age) in context(),
    ) {
        let _ = world;
        let context = SharingContext {
            sharer_outside_public_authority: outside,
            sharer_is_relevant_person: relevant,
            child_age: age,
            law: LawInForce {
                duty_to_share_from: offset.map(|d| uk_date(request.at()) + Duration::days(d)),
                ..LawInForce::default()
            },
            sharer_agency: request.recipient().agency().filter(|_| relevant && outside),
        };
        prop_assert_eq!(j.permits_in(&request, &context), j.problems_in(&request, &context).is_empty());
    }
}

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).single().unwrap()
}

fn request_to(agency_kind: AgencyKind, when: DateTime<Utc>) -> SharingRequest {
    SharingRequest::try_from(SharingRequestParts {
        id: SharingRequestId::random(),
        child: ChildId::random(),
        requested_by: ProfessionalId::random(),
        recipient: Recipient::Professional {
            id: ProfessionalId::random(),
            role: ProfessionalRole::SocialWorker,
            agency: AgencyId::random(),
            agency_kind,
        },
        purpose: Purpose::Safeguarding,
        data_categories: vec![DataCategory::FamilyCircumstances],
        at: when,
        child_capacity: ChildCapacity::NotAssessed,
    })
    .unwrap()
}

fn world() -> World {
    World {
        child: ChildId::random(),
        carers: vec![],
        professionals: vec![ProfessionalId::random(), ProfessionalId::random()],
        recipients: vec![],
        purposes: vec![Purpose::Safeguarding],
        categories: vec![DataCategory::FamilyCircumstances],
        start: at(2026, 1, 1, 9),
        givers: vec![],
    }
}

/// A table row: its name, the basis, the request's time, the context, the recipient's
/// kind of agency, and the problems expected.
type Row = (
    &'static str,
    LawfulBasis,
    DateTime<Utc>,
    SharingContext,
    AgencyKind,
    Vec<JustificationProblem>,
);

/// Each rule, with its source, on a day either side of where it starts.
#[test]
fn the_days_each_basis_applies_from() {
    use JustificationProblem as P;
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let commenced = LawInForce {
        duty_to_share_from: Some(d(2027, 4, 1)),
        ..LawInForce::default()
    };
    let facts = SharingContext {
        sharer_outside_public_authority: true,
        sharer_is_relevant_person: true,
        child_age: Some(9),
        law: commenced,
        sharer_agency: None,
    };
    let cases: [Row; 9] = [
        // SI 2026/82 reg 2(c): s.70 in force on 5 February 2026.
        (
            "RLI the day before",
            LawfulBasis::RecognisedLegitimateInterest,
            at(2026, 2, 4, 12),
            facts,
            AgencyKind::SocialCare,
            vec![P::BasisNotInForce {
                from: Some(d(2026, 2, 5)),
            }],
        ),
        (
            "RLI on the day",
            LawfulBasis::RecognisedLegitimateInterest,
            at(2026, 2, 5, 9),
            facts,
            AgencyKind::SocialCare,
            vec![],
        ),
        // CWSA 2026 s.78: commencement by regulations; none set, none in force.
        (
            "duty with no day set",
            LawfulBasis::DutyToShare,
            at(2030, 1, 1, 9),
            SharingContext {
                law: LawInForce::default(),
                ..facts
            },
            AgencyKind::SocialCare,
            vec![P::BasisNotInForce { from: None }],
        ),
        (
            "duty the day before",
            LawfulBasis::DutyToShare,
            at(2027, 3, 31, 12),
            facts,
            AgencyKind::SocialCare,
            vec![P::BasisNotInForce {
                from: Some(d(2027, 4, 1)),
            }],
        ),
        // 23:30 UTC on 31 March is 00:30 on 1 April in England (BST): in force.
        (
            "duty just after midnight in England",
            LawfulBasis::DutyToShare,
            Utc.with_ymd_and_hms(2027, 3, 31, 23, 30, 0).unwrap(),
            facts,
            AgencyKind::SocialCare,
            vec![],
        ),
        (
            "duty on the day",
            LawfulBasis::DutyToShare,
            at(2027, 4, 1, 9),
            facts,
            AgencyKind::Police,
            vec![],
        ),
        // s.16LA(1): from one relevant person to another.
        (
            "duty from a non-relevant sharer",
            LawfulBasis::DutyToShare,
            at(2027, 4, 1, 9),
            SharingContext {
                sharer_is_relevant_person: false,
                ..facts
            },
            AgencyKind::SocialCare,
            vec![P::SharerNotARelevantPerson],
        ),
        (
            "duty to a facts organisation",
            LawfulBasis::DutyToShare,
            at(2027, 4, 1, 9),
            facts,
            AgencyKind::VoluntarySector,
            vec![P::RecipientNotARelevantPerson],
        ),
        // The older bases are not dated.
        (
            "public task long ago",
            LawfulBasis::PublicTask,
            at(2020, 1, 1, 9),
            SharingContext::default(),
            AgencyKind::SocialCare,
            vec![],
        ),
    ];
    for (name, basis, when, context, kind, expected) in cases {
        let request = request_to(kind, when);
        let j = complete(&request, basis, &world());
        assert_eq!(j.problems_in(&request, &context), expected, "{name}");
    }
}

/// A basis in words that mentions the duty or a recognised legitimate interest, in any
/// spelling, is held to its conditions; one with letters outside the plain alphabet is
/// not relied on at all.
#[test]
fn a_basis_in_words_never_escapes_its_conditions() {
    use JustificationProblem as P;
    let request = request_to(AgencyKind::SocialCare, at(2026, 1, 20, 9));
    let outside = SharingContext {
        sharer_outside_public_authority: true,
        sharer_is_relevant_person: true,
        child_age: Some(8),
        ..SharingContext::default()
    };
    let words = |label: &str| LawfulBasis::Other {
        label: partnership_core::Label::new(label).unwrap(),
    };
    for label in [
        "Duty to share (Children Act 2004 s.16LA)",
        "Duty to share safeguarding information",
        "The duty to share",
        "Statutory duty to share",
        "Children Act 2004 s.16LA",
        "Duty\u{2010}to\u{2010}share",
        "Duty.to.share",
    ] {
        let j = complete(&request, words(label), &world());
        assert_eq!(
            j.problems_in(&request, &outside),
            vec![P::BasisNotInForce { from: None }],
            "{label}"
        );
    }
    for label in [
        "Recognized legitimate interest",
        "Recognised legitimate interests",
        "Article 6(1)(ea)",
        "recognised\u{2010}legitimate\u{2010}interest",
    ] {
        let j = complete(&request, words(label), &world());
        assert_eq!(
            j.problems_in(&request, &outside),
            vec![P::BasisNotInForce {
                from: NaiveDate::from_ymd_opt(2026, 2, 5)
            }],
            "{label}"
        );
    }
    // A Cyrillic "а" in "shаre": not compared, so not relied on.
    let j = complete(&request, words("Duty to sh\u{0430}re"), &world());
    assert_eq!(
        j.problems_in(&request, &outside),
        vec![P::BasisNotPlainlyWritten]
    );
    // A basis in words that names none of them is another basis.
    let j = complete(
        &request,
        words("Section 17 of the Children Act 1989"),
        &world(),
    );
    assert_eq!(j.problems_in(&request, &outside), vec![]);
}

/// The duty is owed to another relevant person: not within the sharer's own agency.
#[test]
fn the_duty_is_not_owed_within_one_agency() {
    let request = request_to(AgencyKind::School, at(2027, 4, 6, 9));
    let context = SharingContext {
        sharer_is_relevant_person: true,
        law: LawInForce {
            duty_to_share_from: NaiveDate::from_ymd_opt(2027, 4, 1),
            ..LawInForce::default()
        },
        sharer_agency: request.recipient().agency(),
        ..SharingContext::default()
    };
    let j = complete(&request, LawfulBasis::DutyToShare, &world());
    assert_eq!(
        j.problems_in(&request, &context),
        vec![JustificationProblem::NotToAnotherRelevantPerson]
    );
    let elsewhere = SharingContext {
        sharer_agency: Some(AgencyId::random()),
        ..context
    };
    assert_eq!(j.problems_in(&request, &elsewhere), vec![]);
}

/// A basis written in words is held to the rules of the fixed choice it names.
#[test]
fn duty_to_share_in_words_is_the_duty() {
    let request = request_to(AgencyKind::SocialCare, at(2026, 11, 23, 9));
    let j = complete(
        &request,
        LawfulBasis::Other {
            label: partnership_core::Label::new("Duty to share").unwrap(),
        },
        &world(),
    );
    assert_eq!(
        j.problems_in(&request, &SharingContext::default()),
        vec![JustificationProblem::BasisNotInForce { from: None }]
    );
}

#[test]
fn a_justification_decided_after_the_request_permits_nothing() {
    let request = request_to(AgencyKind::SocialCare, at(2026, 11, 23, 9));
    let mut parts = complete(&request, LawfulBasis::PublicTask, &world()).into_parts();
    parts.decided_at = Some(request.at() + Duration::minutes(1));
    let j = SafeguardingJustification::try_from(parts).unwrap();
    assert_eq!(
        j.problems(&request),
        vec![JustificationProblem::DecidedAfterRequest {
            decided_at: request.at() + Duration::minutes(1)
        }]
    );
    assert!(!j.permits(&request));
}
