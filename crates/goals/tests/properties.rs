//! The rules of shared goals and goal attainment scaling, as properties.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::Duration;
use partnership_core::PartyRef;
use partnership_core::json::from_json_str;
use partnership_core::strategies::{json_round_trip, personal_strings};
use partnership_goals::strategies as s;
use partnership_goals::*;
use proptest::collection::vec;
use proptest::prelude::*;

fn allowed(from: GoalStatus, to: GoalStatus) -> bool {
    // Written out independently of `GoalStatus::next`, from FHIR's lifecycle.
    use GoalStatus as S;
    matches!(
        (from, to),
        (
            S::Proposed,
            S::Accepted | S::Rejected | S::Cancelled | S::EnteredInError
        ) | (
            S::Accepted,
            S::Active | S::OnHold | S::Cancelled | S::EnteredInError
        ) | (
            S::Active,
            S::OnHold | S::Completed | S::Cancelled | S::EnteredInError
        ) | (S::OnHold, S::Active | S::Cancelled | S::EnteredInError)
    )
}

fn at(level: i64, weight: f64) -> WeightedLevel {
    WeightedLevel {
        level: GasLevel::new(level).unwrap(),
        weight,
    }
}

proptest! {
    #[test]
    fn goal_needs_carer_agreement_to_become_active((goal, carers) in s::goal_with_carers(25)) {
        for t in goal.transitions().iter().filter(|t| t.to == GoalStatus::Active) {
            match &t.basis {
                Some(ActivationBasis::CarersAgreed { carers: agreed }) => {
                    prop_assert!(!agreed.is_empty());
                    for carer in agreed {
                        prop_assert!(carers.contains(carer));
                        prop_assert!(goal.agreements().iter().any(|a| a.carer == *carer && a.on <= t.on));
                    }
                }
                Some(ActivationBasis::AllCarersRestricted) => {}
                None => prop_assert!(false, "activation without a basis"),
            }
            prop_assert!(!goal.responsibilities().is_empty() && goal.target_date().is_some());
        }
        // Activating with carers required and none agreed is always refused.
        let mut parts = goal.clone().into_parts();
        parts.agreements.clear();
        parts.transitions.clear();
        parts.reviews.clear();
        parts.target_date = parts.target_date.or(Some(parts.created_on));
        let mut fresh = SharedGoal::try_from(parts).unwrap();
        let by = PartyRef::Carer { id: carers[0] };
        fresh.transition(Transition { to: GoalStatus::Accepted, on: fresh.created_on(), by, reason: None, basis: None }).unwrap();
        prop_assert!(fresh.activate(fresh.created_on(), by, &carers).is_err());
    }

    #[test]
    fn only_allowed_lifecycle_transitions((mut goal, carers) in s::proposed_goal(), ops in vec(s::operation(), 0..40)) {
        let mut today = goal.created_on();
        for op in &ops {
            let before = goal.clone();
            let (day, accepted) = op.apply(&mut goal, &carers, today);
            if accepted { today = day.max(today); } else { prop_assert_eq!(&goal, &before, "a refused operation changed the goal"); }
            if before.status().is_terminal() {
                prop_assert_eq!(goal.status(), before.status(), "a terminal status changed");
            }
            let mut from = GoalStatus::Proposed;
            for t in goal.transitions() {
                prop_assert!(allowed(from, t.to), "{:?} -> {:?}", from, t.to);
                from = t.to;
            }
        }
    }

    #[test]
    fn progress_never_predates_goal(goal in s::goal(25), earlier in 1i64..1000) {
        for entry in goal.progress() {
            prop_assert!(entry.on >= goal.created_on());
        }
        let mut goal = goal;
        let entry = ProgressEntry {
            id: "00000000-0000-4000-8000-0000000000aa".parse().unwrap(),
            on: goal.created_on() - Duration::days(earlier),
            recorded_by: goal.transitions().first().map_or(PartyRef::Child { id: goal.child() }, |t| t.by),
            setting: Setting::Home,
            level: GasLevel::EXPECTED,
            achievement: AchievementStatus::InProgress,
            note: None,
        };
        prop_assert!(goal.record_progress(entry.clone()).is_err());
        let mut parts = goal.into_parts();
        parts.progress.insert(0, entry);
        prop_assert!(SharedGoal::try_from(parts).is_err());
    }

    #[test]
    fn gas_level_bounded(level in any::<i64>()) {
        let ok = GasLevel::new(level).is_ok();
        prop_assert_eq!(ok, (-2..=2).contains(&level));
        let json = level.to_string();
        prop_assert_eq!(serde_json::from_str::<GasLevel>(&json).is_ok(), ok);
    }

    #[test]
    fn t_score_monotone_in_each_level(
        levels in vec((-2i64..=2, 0.0f64..5.0), 1..8),
        which in any::<prop::sample::Index>(),
    ) {
        let scores: Vec<WeightedLevel> = levels.iter().map(|(l, w)| at(*l, *w)).collect();
        let i = which.index(scores.len());
        let base = gas_t_score(&scores);
        let mut raised = scores.clone();
        let current = raised[i].level.value();
        prop_assume!(current < 2);
        raised[i].level = GasLevel::new(i64::from(current) + 1).unwrap();
        match (base, gas_t_score(&raised)) {
            (Ok(before), Ok(after)) => prop_assert!(after >= before - 1e-9, "{} then {}", before, after),
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            (a, b) => prop_assert!(false, "{:?} vs {:?}", a, b),
        }
    }

    #[test]
    fn json_round_trip_of_goals(goal in s::goal(25)) {
        json_round_trip(&goal)?;
        let json = serde_json::to_string(&goal).unwrap();
        prop_assert!(from_json_str::<SharedGoal>(&json).is_ok());
    }

    #[test]
    fn debug_never_contains_personal_data(goal in s::goal(25)) {
        let debug = format!("{goal:?}");
        for text in personal_strings(&goal) {
            prop_assert!(!debug.contains(&text));
        }
    }
}

#[test]
fn t_score_exact_values() {
    assert_eq!(
        gas_t_score(&[at(0, 1.0), at(0, 1.0), at(0, 2.0)]).unwrap(),
        50.0
    );
    assert_eq!(gas_t_score(&[at(2, 1.0)]).unwrap(), 70.0);
    let three = gas_t_score(&[at(1, 1.0), at(1, 1.0), at(1, 1.0)]).unwrap();
    assert_eq!(format!("{three:.2}"), "63.69");
    assert_eq!(gas_t_score(&[]), Err(GoalsError::NoWeightedGoals));
    assert_eq!(
        gas_t_score(&[at(1, 0.0), at(2, 0.0)]),
        Err(GoalsError::NoWeightedGoals)
    );
    assert_eq!(
        gas_t_score(&[at(1, -1.0)]),
        Err(GoalsError::InvalidWeight { index: 0 })
    );
    assert_eq!(
        gas_t_score(&[at(1, f64::NAN)]),
        Err(GoalsError::InvalidWeight { index: 0 })
    );
    assert_eq!(
        gas_t_score(&[at(1, 1e300), at(1, 1e300)]),
        Err(GoalsError::WeightsOutOfRange)
    );
}

const GOAL: &str = r#"{
  "id": "00000000-0000-4000-8000-000000000001",
  "child": "00000000-0000-4000-8000-000000000002",
  "area": {"kind": "communication-and-language"},
  "description": "Amara will name twenty everyday objects",
  "createdOn": "2026-09-08",
  "targetDate": "TARGET",
  "responsibilities": [{"id": "00000000-0000-4000-8000-000000000003", "party": {"kind": "carer", "id": "00000000-0000-4000-8000-000000000004"},
    "action": "Name pictures after tea", "setting": "home", "frequency": {"kind": "daily"}}],
  "agreements": AGREEMENTS,
  "transitions": [
    {"to": "accepted", "on": "2026-09-08", "by": {"kind": "carer", "id": "00000000-0000-4000-8000-000000000004"}},
    {"to": "active", "on": "2026-09-10", "by": {"kind": "carer", "id": "00000000-0000-4000-8000-000000000004"}BASIS}
  ],
  "progress": [{"id": "00000000-0000-4000-8000-000000000005", "on": "2026-10-15", "recordedBy": {"kind": "carer", "id": "00000000-0000-4000-8000-000000000004"},
    "setting": "home", "level": LEVEL, "achievement": {"kind": "improving"}}]
}"#;

fn goal_json(target: &str, agreements: &str, basis: &str, level: &str) -> String {
    GOAL.replace("TARGET", target)
        .replace("AGREEMENTS", agreements)
        .replace("BASIS", basis)
        .replace("LEVEL", level)
}

#[test]
fn invalid_goals_are_rejected_with_a_clear_error() {
    let agreed = r#"[{"carer": "00000000-0000-4000-8000-000000000004", "on": "2026-09-08"}]"#;
    let basis = r#", "basis": {"kind": "carers-agreed", "carers": ["00000000-0000-4000-8000-000000000004"]}"#;
    assert!(from_json_str::<SharedGoal>(&goal_json("2027-03-31", agreed, basis, "1")).is_ok());

    let err =
        from_json_str::<SharedGoal>(&goal_json("2027-03-31", agreed, basis, "3")).unwrap_err();
    assert_eq!(err.pointer(), "/progress/0/level");
    assert_eq!(
        err.message(),
        "goal attainment level: must be from -2 to 2, found 3"
    );

    // A history that skips agreement: active with no basis, or naming a carer who never agreed.
    let err = from_json_str::<SharedGoal>(&goal_json("2027-03-31", agreed, "", "1")).unwrap_err();
    assert_eq!(err.pointer(), "/transitions/1/basis");
    let err = from_json_str::<SharedGoal>(&goal_json("2027-03-31", "[]", basis, "1")).unwrap_err();
    assert_eq!(err.pointer(), "/transitions/1/basis/carers/0");

    let err =
        from_json_str::<SharedGoal>(&goal_json("2026-09-01", agreed, basis, "1")).unwrap_err();
    assert_eq!(err.pointer(), "/targetDate");
    assert_eq!(err.message(), "is before the goal was created");
}

#[test]
fn a_goal_is_not_replaced_by_itself() {
    let agreed = r#"[{"carer": "00000000-0000-4000-8000-000000000004", "on": "2026-09-08"}]"#;
    let basis = r#", "basis": {"kind": "carers-agreed", "carers": ["00000000-0000-4000-8000-000000000004"]}"#;
    let mut goal: SharedGoal = from_json_str(&goal_json("2027-03-31", agreed, basis, "0")).unwrap();
    let before = goal.clone();
    let review = GoalReview {
        on: "2026-12-01".parse().unwrap(),
        by: PartyRef::Carer {
            id: "00000000-0000-4000-8000-000000000004".parse().unwrap(),
        },
        decision: ReviewDecision::ReplaceWith {
            goal: goal.id(),
            reason: "A better goal".to_string().into(),
        },
    };
    assert_eq!(
        goal.review(review),
        Err(GoalsError::ReplacedBySelf { index: 0 })
    );
    assert_eq!(goal, before);
}

#[test]
fn review_keeps_the_old_target() {
    let agreed = r#"[{"carer": "00000000-0000-4000-8000-000000000004", "on": "2026-09-08"}]"#;
    let basis = r#", "basis": {"kind": "carers-agreed", "carers": ["00000000-0000-4000-8000-000000000004"]}"#;
    let mut goal: SharedGoal = from_json_str(&goal_json("2027-03-31", agreed, basis, "0")).unwrap();
    let by = PartyRef::Carer {
        id: "00000000-0000-4000-8000-000000000004".parse().unwrap(),
    };
    let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    let wrong = GoalReview {
        on: d("2026-12-01"),
        by,
        decision: ReviewDecision::ChangeTarget {
            previous_target: None,
            new_target: d("2027-07-31"),
            reason: "x".to_string().into(),
        },
    };
    assert_eq!(
        goal.review(wrong),
        Err(GoalsError::TargetChainBroken { index: 0 })
    );
    let right = GoalReview {
        on: d("2026-12-01"),
        by,
        decision: ReviewDecision::ChangeTarget {
            previous_target: Some(d("2027-03-31")),
            new_target: d("2027-07-31"),
            reason: "More time for consonants".to_string().into(),
        },
    };
    goal.review(right).unwrap();
    assert_eq!(goal.target_date(), Some(d("2027-07-31")));
    assert!(
        matches!(goal.reviews()[0].decision, ReviewDecision::ChangeTarget { previous_target: Some(p), .. } if p == d("2027-03-31"))
    );
    goal.review(GoalReview {
        on: d("2027-07-20"),
        by,
        decision: ReviewDecision::Close {
            outcome: Closure::Completed,
            reason: "Names 24 objects".to_string().into(),
        },
    })
    .unwrap();
    assert_eq!(goal.status(), GoalStatus::Completed);
    // Terminal stays terminal.
    assert!(
        goal.transition(Transition {
            to: GoalStatus::Active,
            on: d("2027-08-01"),
            by,
            reason: None,
            basis: None
        })
        .is_err()
    );
}

#[test]
fn smart_findings_name_what_is_missing() {
    let mut goal: SharedGoal = from_json_str(&goal_json("2027-03-31", "[]", "", "0").replace(
        r#",
    {"to": "active", "on": "2026-09-10", "by": {"kind": "carer", "id": "00000000-0000-4000-8000-000000000004"}}"#, "")).unwrap();
    assert_eq!(
        goal.smart_findings(),
        vec![SmartFinding::NotMeasurable, SmartFinding::NotRelevant]
    );
    goal.agree(
        "00000000-0000-4000-8000-000000000004".parse().unwrap(),
        "2026-09-09".parse().unwrap(),
    )
    .unwrap();
    assert_eq!(goal.smart_findings(), vec![SmartFinding::NotMeasurable]);
    assert_eq!(
        SmartFinding::NotMeasurable.to_string(),
        "measurable: record how everyone will know it has been achieved"
    );
}
