//! Legal standing by statute: which basis of parental responsibility fits which
//! relationship, and the roles that always hold it. Each row of the table cites the
//! section it comes from (Children Act 1989 unless said otherwise).

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::NaiveDate;
use partnership_carers::strategies as s;
use partnership_carers::*;
use partnership_core::{CarerId, Label};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn carer(relationship: Relationship, legal_standing: LegalStanding) -> Result<Carer, CarersError> {
    Carer::try_from(CarerParts::new(
        CarerId::random(),
        Label::new("A carer").unwrap(),
        relationship,
        legal_standing,
        CommunicationPreferences::in_language(LanguageTag::parse("en").unwrap()),
    ))
}

/// Parental responsibility on `basis`, registered (where that matters) in 2015, when
/// registration gives it to a father and to a second female parent alike.
fn pr(basis: ParentalResponsibilityBasis) -> LegalStanding {
    LegalStanding::ParentalResponsibility {
        basis,
        since: Some(d(2015, 6, 1)),
        until: None,
    }
}

/// The pairs of basis and relationship the statutes allow, written out from the
/// sections rather than from the library's code, as `kind` codes: the oracle the
/// property below holds the library to.
fn allowed_by_statute(basis: &str, relationship: &str) -> bool {
    let parent =
        ["birth-parent", "second-female-parent", "adoptive-parent"].contains(&relationship);
    let in_role = ["foster-carer", "residential-care-worker"].contains(&relationship);
    // Roles whose standing is fixed by their order: s.14C(1)(a); ACA 2002 s.46(1).
    let fixed = match relationship {
        "special-guardian" => Some("special-guardianship-order"),
        "adoptive-parent" => Some("adoption-order"),
        _ => None,
    };
    if in_role || fixed.is_some_and(|f| f != basis) {
        return false;
    }
    match basis {
        // s.2(1), s.2(2)(a): the mother.
        "birth-mother" => relationship == "birth-parent",
        // s.2(1), s.2(1A); s.4(1)(a), s.4ZA(1)(a).
        "married-to-mother-at-birth" | "named-on-birth-register" => {
            ["birth-parent", "second-female-parent"].contains(&relationship)
        }
        // s.4(1)(b)-(c), s.4ZA(1)(b)-(c), s.4A(1).
        "parental-responsibility-agreement" | "parental-responsibility-order" => {
            ["birth-parent", "second-female-parent", "step-parent"].contains(&relationship)
        }
        // ACA 2002 s.46(1).
        "adoption-order" => relationship == "adoptive-parent",
        // s.12(2) (a parent gets a PR order with it, s.12(1)); s.14A(2)(b); s.5.
        "child-arrangements-order" | "special-guardianship-order" | "guardianship" => !parent,
        // Another basis, in words: not checked.
        _ => true,
    }
}

#[test]
fn each_basis_fits_only_the_relationships_its_section_names() {
    use ParentalResponsibilityBasis as B;
    use Relationship as R;
    let rows: &[(B, R, bool, &str)] = &[
        (B::BirthMother, R::BirthParent, true, "s.2(2)(a)"),
        (
            B::BirthMother,
            R::StepParent,
            false,
            "s.2(2)(a): the mother only",
        ),
        (B::MarriedToMotherAtBirth, R::BirthParent, true, "s.2(1)"),
        (
            B::MarriedToMotherAtBirth,
            R::SecondFemaleParent,
            true,
            "s.2(1A)",
        ),
        (
            B::MarriedToMotherAtBirth,
            R::Grandparent,
            false,
            "s.2(1): a parent",
        ),
        (
            B::MarriedToMotherAtBirth,
            R::StepParent,
            false,
            "s.2(1): a parent",
        ),
        (
            B::NamedOnBirthRegister,
            R::SecondFemaleParent,
            true,
            "s.4ZA(1)(a)",
        ),
        (
            B::NamedOnBirthRegister,
            R::KinshipCarer,
            false,
            "s.4(1)(a): a father",
        ),
        (
            B::ParentalResponsibilityAgreement,
            R::BirthParent,
            true,
            "s.4(1)(b)",
        ),
        (
            B::ParentalResponsibilityAgreement,
            R::StepParent,
            true,
            "s.4A(1)(a)",
        ),
        (
            B::ParentalResponsibilityAgreement,
            R::Sibling,
            false,
            "ss.4, 4ZA, 4A",
        ),
        (
            B::ParentalResponsibilityAgreement,
            R::Grandparent,
            false,
            "ss.4, 4ZA, 4A",
        ),
        (
            B::ParentalResponsibilityOrder,
            R::SecondFemaleParent,
            true,
            "s.4ZA(1)(c)",
        ),
        (
            B::ParentalResponsibilityOrder,
            R::StepParent,
            true,
            "s.4A(1)(b)",
        ),
        (
            B::ParentalResponsibilityOrder,
            R::Grandparent,
            false,
            "ss.4, 4ZA, 4A",
        ),
        (B::ChildArrangementsOrder, R::Grandparent, true, "s.12(2)"),
        (B::ChildArrangementsOrder, R::KinshipCarer, true, "s.12(2)"),
        (
            B::ChildArrangementsOrder,
            R::StepParent,
            true,
            "s.12(2): not a parent",
        ),
        (
            B::ChildArrangementsOrder,
            R::BirthParent,
            false,
            "s.12(1): a PR order",
        ),
        (
            B::SpecialGuardianshipOrder,
            R::SpecialGuardian,
            true,
            "s.14C(1)(a)",
        ),
        (
            B::SpecialGuardianshipOrder,
            R::Grandparent,
            true,
            "s.14A(2)(b)",
        ),
        (
            B::SpecialGuardianshipOrder,
            R::BirthParent,
            false,
            "s.14A(2)(b)",
        ),
        (
            B::SpecialGuardianshipOrder,
            R::SecondFemaleParent,
            false,
            "s.14A(2)(b)",
        ),
        (
            B::SpecialGuardianshipOrder,
            R::FosterCarer,
            false,
            "never in that role",
        ),
        (
            B::AdoptionOrder,
            R::AdoptiveParent,
            true,
            "ACA 2002 s.46(1)",
        ),
        (B::AdoptionOrder, R::BirthParent, false, "ACA 2002 s.46(1)"),
        (B::Guardianship, R::OtherRelative, true, "s.5(6)"),
        (
            B::Guardianship,
            R::AdoptiveParent,
            false,
            "s.5: not a parent",
        ),
    ];
    for (basis, relationship, allowed, source) in rows {
        let got = carer(relationship.clone(), pr(basis.clone()));
        assert_eq!(
            got.is_ok(),
            *allowed,
            "{basis} for a {relationship} ({source}): {got:?}"
        );
        assert_eq!(
            allowed_by_statute(basis.code(), relationship.code()),
            *allowed,
            "the oracle disagrees with {source}"
        );
    }
    // The refusal says who can hold it and where the law says so, and nothing else.
    let err = carer(
        Relationship::BirthParent,
        pr(ParentalResponsibilityBasis::SpecialGuardianshipOrder),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "special guardianship order gives parental responsibility only to someone who is not a parent of the child (Children Act 1989 s.14A(2)(b), s.14C(1)(a))"
    );
}

#[test]
fn special_guardians_and_adoptive_parents_always_hold_it_on_their_order() {
    use ParentalResponsibilityBasis as B;
    let without = [
        LegalStanding::None,
        LegalStanding::Unknown,
        LegalStanding::DelegatedAuthority {
            areas: vec![DelegatedArea::Education],
            placement_plan_dated: None,
        },
    ];
    for standing in &without {
        for role in [Relationship::SpecialGuardian, Relationship::AdoptiveParent] {
            assert!(
                matches!(
                    carer(role.clone(), standing.clone()),
                    Err(CarersError::AlwaysHoldsParentalResponsibility { .. })
                ),
                "{role} with {standing}"
            );
        }
    }
    let err = carer(Relationship::SpecialGuardian, pr(B::ChildArrangementsOrder)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a special guardian always holds parental responsibility, by the special guardianship order (Children Act 1989 s.14A(2)(b), s.14C(1)(a)); record it with that basis"
    );
    assert!(carer(Relationship::AdoptiveParent, pr(B::AdoptionOrder)).is_ok());
}

#[test]
fn registration_gives_a_second_female_parent_responsibility_from_september_2009() {
    let registered = |on| LegalStanding::ParentalResponsibility {
        basis: ParentalResponsibilityBasis::NamedOnBirthRegister,
        since: Some(on),
        until: None,
    };
    assert!(carer(Relationship::SecondFemaleParent, registered(d(2009, 9, 1))).is_ok());
    assert_eq!(
        carer(Relationship::SecondFemaleParent, registered(d(2009, 8, 31))).unwrap_err(),
        CarersError::RegisteredBeforeSeptember2009
    );
    // A father's registration counts from 1 December 2003.
    assert!(carer(Relationship::BirthParent, registered(d(2005, 1, 1))).is_ok());
}

proptest! {
    /// A carer with parental responsibility is accepted exactly when the statutes
    /// allow its basis for their relationship.
    #[test]
    fn pr_basis_fits_relationship(
        relationship in s::relationship(),
        basis in s::pr_basis(),
    ) {
        let allowed = allowed_by_statute(basis.code(), relationship.code());
        let got = carer(relationship.clone(), pr(basis.clone()));
        prop_assert_eq!(got.is_ok(), allowed, "{} for a {}: {:?}", basis, relationship, got);
    }

    /// No special guardian or adoptive parent exists without parental
    /// responsibility, whatever standing is asked for.
    #[test]
    fn special_guardian_holds_pr(
        standing in s::relationship().prop_flat_map(s::legal_standing_for),
        role in prop_oneof![Just(Relationship::SpecialGuardian), Just(Relationship::AdoptiveParent)],
        any_carer in s::carer(),
    ) {
        if let Ok(carer) = carer(role, standing) {
            prop_assert!(carer.legal_standing().holds_parental_responsibility());
        }
        // And the generator of valid carers never makes one.
        if any_carer.relationship().always_holds_parental_responsibility().is_some() {
            prop_assert!(any_carer.legal_standing().holds_parental_responsibility());
        }
    }
}
