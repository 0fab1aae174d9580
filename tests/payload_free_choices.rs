//! Payload-free choices are written in Rust without braces (`UpdateFrequency::Weekly`)
//! and read from JSON as strictly as when they were empty struct variants: the tag
//! alone, and any other member refused rather than dropped.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use partnership::carers::{
    ContactRestriction, Involvement, LegalStanding, SupportKind, UpdateFrequency,
};
use partnership::consent::{ChildCapacity, ConsentGiver, ConsentStatus, JustificationProblem};
use partnership::goals::{ActivationBasis, ReviewDecision};
use partnership::reviews::{AgreedCadence, ReviewKind};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// Reads `{"kind": code}` as `value`, writes it back the same, and refuses it with a
/// member the choice does not have, wherever that member is written.
fn strict<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(code: &str, value: T) {
    let bare = json!({ "kind": code });
    let read: T = serde_json::from_value(bare.clone()).unwrap();
    assert_eq!(read, value, "{code}");
    assert_eq!(serde_json::to_value(&value).unwrap(), bare, "{code}");
    for extra in [
        json!({ "kind": code, "note": "kept?" }),
        json!({ "note": 1, "kind": code }),
        json!({ "kind": code, "kind2": null }),
    ] {
        let err = serde_json::from_value::<T>(extra.clone()).expect_err(&format!(
            "{code}: a member the choice does not have was dropped: {extra}"
        ));
        assert!(
            err.to_string().starts_with("unknown field"),
            "{code}: {err}"
        );
    }
    // The library's own reader says which member, and where.
    let text = json!({ "kind": code, "nte": true }).to_string();
    let err = partnership::core::json::from_json_str::<Value>(&text);
    assert!(err.is_ok(), "plain JSON reads");
    let err = partnership::core::json::from_json_str::<T>(&text).unwrap_err();
    assert!(err.message().contains("unknown field"), "{code}: {err}");
}

#[test]
fn payload_free_choices_are_read_as_strictly_as_before() {
    strict("weekly", UpdateFrequency::Weekly);
    strict("fortnightly", UpdateFrequency::Fortnightly);
    strict("monthly", UpdateFrequency::Monthly);
    strict("after-each-session", UpdateFrequency::AfterEachSession);
    strict("none", LegalStanding::None);
    strict("unknown", LegalStanding::Unknown);
    strict("involved", Involvement::Involved);
    strict("no-voicemail", ContactRestriction::NoVoicemail);
    strict("no-letters", ContactRestriction::NoLetters);
    strict("no-home-visits", ContactRestriction::NoHomeVisits);
    strict("no-contact-at-work", ContactRestriction::NoContactAtWork);
    strict("respite", SupportKind::Respite);
    strict("peer-support-group", SupportKind::PeerSupportGroup);
    strict("counselling", SupportKind::Counselling);
    strict("financial-advice", SupportKind::FinancialAdvice);
    strict("assistive-equipment", SupportKind::AssistiveEquipment);
    strict("young-person", ConsentGiver::YoungPerson);
    strict("not-yet-recorded", ConsentStatus::NotYetRecorded);
    strict("requested", ConsentStatus::Requested);
    strict("given", ConsentStatus::Given);
    strict("refused", ConsentStatus::Refused);
    strict("not-assessed", ChildCapacity::NotAssessed);
    strict("sixteen-or-over", ChildCapacity::SixteenOrOver);
    strict("for-another-child", JustificationProblem::ForAnotherChild);
    strict("no-lawful-basis", JustificationProblem::NoLawfulBasis);
    strict(
        "consent-is-not-a-basis-without-consent",
        JustificationProblem::ConsentIsNotABasisWithoutConsent,
    );
    strict("no-reason", JustificationProblem::NoReason);
    strict("not-approved", JustificationProblem::NotApproved);
    strict(
        "approved-by-decision-maker",
        JustificationProblem::ApprovedByDecisionMaker,
    );
    strict(
        "carers-told-not-recorded",
        JustificationProblem::CarersToldNotRecorded,
    );
    strict(
        "not-told-without-reason",
        JustificationProblem::NotToldWithoutReason,
    );
    strict(
        "recipient-has-no-safeguarding-role",
        JustificationProblem::RecipientHasNoSafeguardingRole,
    );
    strict(
        "recipient-not-covered",
        JustificationProblem::RecipientNotCovered,
    );
    strict(
        "all-carers-restricted",
        ActivationBasis::AllCarersRestricted,
    );
    strict("continue", ReviewDecision::Continue);
    strict("monthly", AgreedCadence::Monthly);
    strict("looked-after-child", ReviewKind::LookedAfterChild);
    strict("child-protection", ReviewKind::ChildProtection);
    strict("ehc-plan-annual-review", ReviewKind::EhcPlanAnnualReview);
}

/// Every payload-free variant of an internally tagged enum in the library reads its
/// payload with `no_payload`: one added without it would drop a partner's misspelt
/// member silently, and the list above would not know it.
#[test]
fn every_payload_free_choice_reads_strictly() {
    let mut missing = Vec::new();
    let mut seen = 0;
    let crates = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("crates");
    let mut stack = vec![crates];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            let mut tagged = false;
            let mut depth = 0usize;
            for (i, line) in lines.iter().enumerate() {
                let trimmed = line.trim();
                if trimmed.starts_with("#[serde(tag = ") {
                    tagged = true;
                    depth = 0;
                }
                if tagged && trimmed.contains("enum ") && trimmed.ends_with('{') {
                    depth = 1;
                    continue;
                }
                if depth == 0 {
                    continue;
                }
                let unit = depth == 1
                    && trimmed.ends_with(',')
                    && trimmed
                        .trim_end_matches(',')
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric())
                    && trimmed.starts_with(|c: char| c.is_ascii_uppercase());
                if unit {
                    seen += 1;
                    let attribute = lines[..i]
                        .iter()
                        .rev()
                        .take_while(|l| l.trim().starts_with("#[") || l.trim().starts_with("///"))
                        .any(|l| l.contains("no_payload"));
                    if !attribute {
                        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
                        let shown = path.strip_prefix(root).unwrap_or(&path);
                        missing.push(format!("{}:{}", shown.display(), i + 1));
                    }
                }
                depth += line.matches('{').count();
                depth = depth.saturating_sub(line.matches('}').count());
                if depth == 0 {
                    tagged = false;
                }
            }
        }
    }
    assert!(
        seen >= 39,
        "the scan found only {seen} payload-free variants"
    );
    assert!(
        missing.is_empty(),
        "payload-free variants read loosely: {missing:#?}"
    );
}
