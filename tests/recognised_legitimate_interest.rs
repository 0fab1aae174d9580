//! A recognised legitimate interest (UK GDPR Art 6(1)(ea), added by the Data (Use and
//! Access) Act 2025 s.70) as a basis for a safeguarding share: only for a sharer the
//! record says is not a public authority (a public authority cannot rely on it in
//! performing its tasks: the words after point (f), as amended), and under the
//! safeguarding condition of Annex 1 only for a child under 18.
//!
//! The record is the safeguarding scenario's, whose designated safeguarding lead shares
//! with the social worker on a justification; the justification's basis, the school's
//! standing as a public authority and the child's age are varied.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use partnership::consent::{
    JustificationProblem, LawfulBasis, PermitBasis, RefusalReason, SharingDecision,
};
use partnership_consent::strategies::lawful_basis;
use proptest::prelude::*;
use serde_json::json;

mod common;
use common::safeguarding::case;

fn decide(basis: &LawfulBasis, school_public: Option<bool>, born: &str) -> SharingDecision {
    let (mut record, question, at) = case(basis, school_public, born);
    record.decide(&question, at).unwrap().decision().clone()
}

fn on_the_justification(decision: &SharingDecision) -> bool {
    matches!(
        decision,
        SharingDecision::Permit {
            basis: PermitBasis::Safeguarding { .. },
            ..
        }
    )
}

fn refused_for(decision: &SharingDecision, wanted: &JustificationProblem) -> bool {
    matches!(decision, SharingDecision::Refuse { reasons }
        if reasons.iter().any(|r| matches!(r, RefusalReason::Justification { problem, .. } if problem == wanted)))
}

/// Jamie was born on 2018-08-30 and is 8 when the school shares.
const JAMIE: &str = "2018-08-30";

#[test]
fn a_recognised_legitimate_interest_by_its_conditions() {
    let rli = LawfulBasis::RecognisedLegitimateInterest;
    // The scenario as recorded: public task, from a school.
    assert!(on_the_justification(&decide(
        &LawfulBasis::PublicTask,
        None,
        JAMIE
    )));
    // A school not recorded either way counts as a public authority, and one recorded
    // as such is one: refused, saying why.
    for public in [None, Some(true)] {
        let decision = decide(&rli, public, JAMIE);
        assert!(
            refused_for(
                &decision,
                &JustificationProblem::PublicAuthorityCannotRelyOnRecognisedLegitimateInterest
            ),
            "{public:?}: {decision:?}"
        );
    }
    // An independent school, recorded as not a public authority, may rely on it.
    assert!(on_the_justification(&decide(&rli, Some(false), JAMIE)));
    // A basis written in words is the same basis.
    let in_words: LawfulBasis =
        serde_json::from_value(json!({"kind": "other", "label": "Recognised legitimate interest"}))
            .unwrap();
    assert!(!on_the_justification(&decide(&in_words, None, JAMIE)));
    // Eighteen on the day: the safeguarding condition for a child no longer applies.
    let decision = decide(&rli, Some(false), "2008-10-05");
    assert!(
        refused_for(
            &decision,
            &JustificationProblem::RecognisedLegitimateInterestNotForAnAdult
        ),
        "{decision:?}"
    );
    assert!(on_the_justification(&decide(
        &rli,
        Some(false),
        "2008-10-06"
    )));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever the basis, the school's recorded standing and the child's age, the
    /// justification permits on a recognised legitimate interest only for a sharer
    /// recorded as not a public authority and a child under 18; the duty to share not
    /// at all, with no commencement day set; any other basis but consent permits as
    /// before.
    #[test]
    fn recognised_legitimate_interest_not_for_public_tasks(
        basis in lawful_basis(),
        school_public in proptest::option::of(any::<bool>()),
        born_in in 2006i32..2020,
    ) {
        let born = format!("{born_in}-03-01");
        let age = 2026 - born_in; // the share is on 2026-10-05
        let decision = decide(&basis, school_public, &born);
        let expected = if basis.same_choice(&LawfulBasis::RecognisedLegitimateInterest) {
            school_public == Some(false) && age < 18
        } else {
            !basis.same_choice(&LawfulBasis::Consent) && !basis.same_choice(&LawfulBasis::DutyToShare)
        };
        prop_assert_eq!(on_the_justification(&decision), expected, "{} {:?} {}: {:?}", basis, school_public, born, decision);
    }
}
