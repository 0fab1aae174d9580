//! The rules of the barrier register, as properties.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::Duration;
use partnership_barriers::strategies as s;
use partnership_barriers::*;
use partnership_core::json::from_json_str;
use partnership_core::strategies::{json_round_trip, personal_strings};
use proptest::collection::vec;
use proptest::prelude::*;

fn allowed(from: BarrierStatus, to: BarrierStatus) -> bool {
    // Written out independently of `BarrierStatus::next`.
    use BarrierStatus as S;
    matches!(
        (from, to),
        (S::Identified, S::Mitigating | S::Escalated | S::Accepted)
            | (S::Mitigating, S::Resolved | S::Escalated | S::Accepted)
            | (S::Escalated, S::Mitigating | S::Resolved | S::Accepted)
            | (S::Accepted, S::Mitigating)
            | (S::Resolved, S::Identified)
    )
}

proptest! {
    #[test]
    fn only_allowed_status_transitions(mut barrier in s::identified_barrier(), ops in vec(s::operation(), 0..30)) {
        let mut today = barrier.identified_on();
        for op in &ops {
            let before = barrier.clone();
            let (day, accepted) = op.apply(&mut barrier, today);
            if accepted { today = day; } else { prop_assert_eq!(&barrier, &before, "a refused operation changed the barrier"); }
            let mut from = BarrierStatus::Identified;
            for change in barrier.history() {
                prop_assert!(allowed(from, change.to), "{:?} -> {:?}", from, change.to);
                from = change.to;
            }
            prop_assert_eq!(barrier.status(), from);
        }
    }

    #[test]
    fn resolution_needs_reviewed_mitigation(barrier in s::barrier(30)) {
        for change in barrier.history().iter().filter(|c| c.to == BarrierStatus::Resolved) {
            let reviewed = barrier.mitigations().iter().any(|m| m.review.as_ref().is_some_and(|r| r.on <= change.on));
            prop_assert!(reviewed);
        }
        // And trying to resolve with no review at all is always refused.
        let mut parts = barrier.clone().into_parts();
        for m in &mut parts.mitigations { m.review = None; }
        parts.history.retain(|c| c.to != BarrierStatus::Resolved);
        if let Ok(mut unreviewed) = Barrier::try_from(parts) {
            let on = unreviewed.history().last().map_or(unreviewed.identified_on(), |c| c.on) + Duration::days(1);
            let by = unreviewed.identified_by();
            prop_assert!(unreviewed.resolve(on, by).is_err());
        }
    }

    #[test]
    fn history_is_append_only(mut barrier in s::identified_barrier(), ops in vec(s::operation(), 0..30)) {
        let mut today = barrier.identified_on();
        for op in &ops {
            let before = barrier.clone();
            let (day, accepted) = op.apply(&mut barrier, today);
            if accepted { today = day; }
            prop_assert!(barrier.history().starts_with(before.history()), "history rewritten");
            prop_assert!(barrier.mitigations().len() >= before.mitigations().len());
            for (old, new) in before.mitigations().iter().zip(barrier.mitigations()) {
                prop_assert_eq!(old.id, new.id);
                prop_assert_eq!(&old.strategy, &new.strategy);
                prop_assert_eq!(old.started_on, new.started_on);
                if old.review.is_some() {
                    prop_assert_eq!(&old.review, &new.review, "a review was rewritten");
                }
            }
        }
    }

    #[test]
    fn overdue_queries_flip_once(barrier in s::barrier(12)) {
        let rules = AttentionRules::default();
        let register = BarrierRegister::try_from(vec![barrier.clone()]).unwrap();
        let start = barrier.identified_on() - Duration::days(1);
        // A barrier closed (resolved or accepted) and later reopened is a new piece of
        // work, and may need attention again.
        let reopenings = |until| {
            let mut from = BarrierStatus::Identified;
            barrier.history().iter().filter(|c| {
                let reopened = !from.is_open() && c.to.is_open() && c.on <= until;
                from = c.to;
                reopened
            }).count()
        };
        let mut inside = false;
        let mut entries = 0;
        for offset in 0..250 {
            let as_of = start + Duration::days(offset);
            let now = !register.needing_attention(as_of, &rules).is_empty();
            if now && !inside {
                entries += 1;
                prop_assert!(entries <= 1 + reopenings(as_of), "re-entered without a reopening");
            }
            if inside && !now {
                let acted = (barrier.owned_on(as_of) && barrier.mitigation_started_by(as_of))
                    || !barrier.status_on(as_of).is_some_and(BarrierStatus::is_open);
                prop_assert!(acted, "left the list on {} without being acted on", as_of);
            }
            inside = now;
        }
        for mitigation in barrier.mitigations() {
            let mut inside = false;
            let mut flips = 0;
            for offset in 0..250 {
                let as_of = start + Duration::days(offset);
                let now = register.mitigations_due_review(as_of, &rules).iter().any(|r| r.mitigation.id == mitigation.id);
                if now != inside {
                    flips += 1;
                    if now {
                        // It enters on the day the review falls due, never before.
                        prop_assert_eq!(as_of, mitigation.started_on + Duration::days(28));
                    } else {
                        prop_assert!(mitigation.review.as_ref().is_some_and(|r| r.on == as_of));
                    }
                }
                inside = now;
            }
            prop_assert!(flips <= 2);
        }
    }

    #[test]
    fn json_round_trip_and_checks_on_reading(barrier in s::barrier(20), register in s::register(4)) {
        json_round_trip(&barrier)?;
        json_round_trip(&register)?;
        // What was grown by the methods reads back through the construction checks.
        let json = serde_json::to_string(&barrier).unwrap();
        prop_assert!(from_json_str::<Barrier>(&json).is_ok());
    }

    #[test]
    fn invalid_histories_are_rejected_on_reading(barrier in s::barrier(20)) {
        // Resolved straight from identified is never allowed; neither is a resolution
        // with no reviewed mitigation.
        let mut parts = barrier.clone().into_parts();
        parts.history.clear();
        parts.history.push(StatusChange::to(BarrierStatus::Resolved, parts.identified_on, parts.identified_by));
        let json = serde_json::to_string(&parts).unwrap();
        let err = from_json_str::<Barrier>(&json).unwrap_err();
        prop_assert_eq!(err.pointer(), "/history/0/to");
        // A history out of date order.
        let mut parts = barrier.into_parts();
        if parts.history.len() >= 2 && parts.history[0].on < parts.history[1].on {
            parts.history.swap(0, 1);
            prop_assert!(Barrier::try_from(parts).is_err());
        }
    }

    #[test]
    fn debug_never_contains_personal_data(register in s::register(4)) {
        let debug = format!("{register:?}");
        for text in personal_strings(&register) {
            prop_assert!(!debug.contains(&text));
        }
    }
}

#[test]
fn every_kind_has_a_catalogue_entry_except_other() {
    for kind in BarrierKind::FIXED {
        assert!(!recommended_mitigations(kind).is_empty(), "{kind}");
    }
    let other = BarrierKind::Other {
        label: partnership_core::Label::new("x").unwrap(),
    };
    assert!(recommended_mitigations(&other).is_empty());
    // docs/domain.md's table, row by row.
    use MitigationStrategy as M;
    let lang = recommended_mitigations(&BarrierKind::LanguageDifference);
    assert_eq!(lang, &[M::Interpreter, M::TranslatedMaterials]);
    let load = recommended_mitigations(&BarrierKind::CaringLoadAndEmotionalStrain);
    assert!(load.contains(&M::RespiteOrPeerSupport) && load.contains(&M::SmallerSteps));
}

#[test]
fn escalation_and_acceptance_record_their_details() {
    let json = r#"{
      "id": "00000000-0000-4000-8000-000000000001",
      "kind": {"kind": "disagreement-about-best-interests"},
      "affects": ["00000000-0000-4000-8000-000000000002"],
      "identifiedBy": {"kind": "professional", "id": "00000000-0000-4000-8000-000000000003"},
      "identifiedOn": "2026-10-01",
      "description": "Parents and school disagree about a part-time timetable",
      "severity": "medium",
      "history": [{"to": "escalated", "on": "2026-10-10", "by": {"kind": "professional", "id": "00000000-0000-4000-8000-000000000003"}DETAIL}]
    }"#;
    let read = |detail: &str| from_json_str::<Barrier>(&json.replace("DETAIL", detail));
    let err = read("").unwrap_err();
    assert_eq!(err.pointer(), "/history/0/escalatedTo");
    assert_eq!(err.message(), "an escalation records to whom");
    let err = read(r#", "escalatedTo": "SEND panel""#).unwrap_err();
    assert_eq!(err.pointer(), "/history/0/reason");
    let ok = read(r#", "escalatedTo": "SEND panel", "reason": "No agreement after two meetings""#)
        .unwrap();
    assert_eq!(ok.status(), BarrierStatus::Escalated);
    let err = read(r#", "escalatedTo": "SEND panel", "reason": "x", "escalatedOn": "2026-10-10""#)
        .unwrap_err();
    assert!(
        err.message().starts_with(
            "unknown field (its name is not repeated here; did you mean `escalatedTo`?)"
        ),
        "{err}"
    );
    assert_eq!(err.pointer(), "/history/0");
}
