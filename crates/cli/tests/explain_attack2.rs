//! A second hostile review of `partnership explain`: new attacks, each asserting
//! what was promised, so that it fails where the promise is broken.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    dead_code
)]

mod explain_common;

use explain_common::*;
use serde_json::{Value, json};
use std::path::Path;

/// Lee's involvement made "involved" and a discussion with him (and `professional`)
/// appended: one action, owned by `owner`, described as `description`. Returns the
/// index of the new discussion.
fn meeting_with_lee(
    record: &mut Value,
    professional: &str,
    owner: Value,
    description: &str,
) -> usize {
    carer_mut(record, LEE)["involvement"] = json!({"kind": "involved"});
    let log = record["contactLog"].as_array_mut().unwrap();
    log.push(json!({
        "id": "5ce00007-0000-4000-8000-0000000000b1",
        "date": "2026-11-20",
        "channel": "face-to-face",
        "participants": [
            {"kind": "carer", "id": LEE},
            {"kind": "professional", "id": professional}
        ],
        "summary": "Met Lee about school.",
        "agreedActions": [{
            "id": "5ce00007-0000-4000-8000-0000000000b2",
            "description": description,
            "owner": owner,
            "dueOn": "2026-12-20"
        }]
    }));
    log.len() - 1
}

/// Records a request through `share --record` (dated now, as the CLI insists) and
/// returns the new entry's index.
fn record_request(dir: &Path, path: &str, request: &Value) -> usize {
    let q = dir.join("q.json");
    std::fs::write(&q, request.to_string()).unwrap();
    let out = run(&["share", path, "--request", q.to_str().unwrap(), "--record"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    let record: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    record["disclosures"].as_array().unwrap().len() - 1
}

fn all_formats(path: &str, args: &[&str]) -> Vec<(String, Option<i32>, String)> {
    ["text", "json", "html"]
        .iter()
        .map(|format| {
            let mut all = args.to_vec();
            all.extend_from_slice(&["--format", format]);
            let out = explain(path, &all);
            ((*format).to_owned(), out.status.code(), text(&out))
        })
        .collect()
}

// ---------------------------------------------------------------------------
// 1. Withholding rules: the name of whom a rule protects
// ---------------------------------------------------------------------------

/// The protected carer, renamed "Zoë Walsh", is named in an action of a discussion
/// with Lee in another case ("ZOË") or in decomposed form ("Zoe" + U+0308, which
/// looks the same): the name check folds only ASCII and compares bytes, so Lee is
/// told her name. The same action written "Zoë" is (rightly) refused.
#[test]
fn protected_name_in_non_ascii_case_or_decomposed_form_is_not_told_to_the_withheld_carer() {
    let dir = tempfile::tempdir().unwrap();
    let mut leaks = Vec::new();
    for description in [
        "Ring Zoë about the school photos",
        "Ring ZOË about the school photos",
        "Ring Zoe\u{308} about the school photos",
    ] {
        let mut record = sg();
        carer_mut(&mut record, KERRY)["name"] = json!("Zoë Walsh");
        let n = meeting_with_lee(
            &mut record,
            SW,
            json!({"kind": "professional", "id": SW}),
            description,
        );
        let path = valid(dir.path(), "r.json", &record);
        for (format, code, doc) in
            all_formats(&path, &["--contact", &n.to_string(), "--carer", LEE])
        {
            let folded: String = doc.to_lowercase().replace("zoe\u{308}", "zoë");
            if code == Some(0) && folded.contains("zoë") {
                leaks.push(format!("{description:?} ({format}): exit 0, names her"));
            }
        }
    }
    assert!(
        leaks.is_empty(),
        "the protected carer is named to Lee:\n{}",
        leaks.join("\n")
    );
}

/// A rule protects the social worker (a professional) from Lee as well as Kerry.
/// An action with the social worker as owner is refused; but a discussion the
/// social worker writes up for Lee is signed "From Mark Stone, the social worker at
/// Children's Social Care".
#[test]
fn protected_professional_is_not_named_in_the_sign_off_to_the_withheld_carer() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    record["withholdingRules"][0]["protects"]
        .as_array_mut()
        .unwrap()
        .push(json!({"kind": "professional", "id": SW}));
    let n = meeting_with_lee(
        &mut record,
        SW,
        json!({"kind": "carer", "id": LEE}),
        "Bring the school forms",
    );
    let path = valid(dir.path(), "r.json", &record);
    for (format, code, doc) in all_formats(&path, &["--contact", &n.to_string(), "--carer", LEE]) {
        assert!(
            code != Some(0) || !doc.contains("Mark Stone"),
            "{format}: the professional the rule protects is named to Lee:\n{doc}"
        );
    }
}

/// The same rule (protecting the social worker from Lee); a request to share Jamie's
/// progress with the social worker (not a withheld category), explained to Lee:
/// "It was for Mark Stone, the social worker at Children's Social Care."
#[test]
fn protected_professional_is_not_named_as_recipient_to_the_withheld_carer() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    record["withholdingRules"][0]["protects"]
        .as_array_mut()
        .unwrap()
        .push(json!({"kind": "professional", "id": SW}));
    let path = valid(dir.path(), "r.json", &record);
    let n = record_request(
        dir.path(),
        &path,
        &json!({
            "id": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
            "child": CHILD,
            "requestedBy": DSL,
            "recipient": {"kind": "professional", "id": SW, "role": {"kind": "social-worker"},
                          "agency": SOCIAL_CARE, "agencyKind": {"kind": "social-care"}},
            "purpose": {"kind": "education-support-planning"},
            "dataCategories": [{"kind": "education-progress"}]
        }),
    );
    for (format, code, doc) in all_formats(&path, &["--decision", &n.to_string(), "--carer", LEE]) {
        assert!(
            code != Some(0) || !doc.contains("Mark Stone"),
            "{format}: the professional the rule protects is named to Lee:\n{doc}"
        );
    }
}

/// Kerry (protected from Lee) consents to her son's progress going to social care;
/// a share under that consent, explained to Lee: "It was shared because Kerry said
/// yes to this on ...". The reader is told the protected party's name, and what she
/// did, by a document written for the person she is protected from.
#[test]
fn protected_carer_is_not_named_as_consent_giver_to_the_withheld_carer() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    let mut c = consent(
        json!({"kind": "parental-responsibility", "carer": KERRY}),
        json!([{"kind": "agency", "id": SOCIAL_CARE}]),
        json!([{"kind": "education-progress"}]),
    );
    c["events"].as_array_mut().unwrap().push(json!({
        "kind": "given", "at": "2026-10-10T10:30:00Z", "by": {"kind": "carer", "id": KERRY}
    }));
    record["consents"] = json!([c]);
    let path = valid(dir.path(), "r.json", &record);
    let n = record_request(
        dir.path(),
        &path,
        &json!({
            "id": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e60",
            "child": CHILD,
            "requestedBy": DSL,
            "recipient": {"kind": "agency", "id": SOCIAL_CARE, "agencyKind": {"kind": "social-care"}},
            "purpose": {"kind": "education-support-planning"},
            "dataCategories": [{"kind": "education-progress"}]
        }),
    );
    for (format, code, doc) in all_formats(&path, &["--decision", &n.to_string(), "--carer", LEE]) {
        assert!(
            code != Some(0) || !doc.contains("Kerry"),
            "{format}: the carer the rule protects is named to Lee:\n{doc}"
        );
    }
}

/// Lee (who has parental responsibility) is asked for consent to share Jamie's
/// progress (not withheld) with Kerry and the refuge she is in: the conversation
/// written for Lee names both.
#[test]
fn protected_carer_is_not_named_as_recipient_in_a_consent_conversation_for_the_withheld_carer() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    add_refuge(&mut record);
    record["consents"] = json!([consent(
        json!({"kind": "parental-responsibility", "carer": LEE}),
        json!([{"kind": "carer", "id": KERRY}, {"kind": "agency", "id": REFUGE}]),
        json!([{"kind": "education-progress"}])
    )]);
    let path = valid(dir.path(), "r.json", &record);
    for (format, code, doc) in all_formats(&path, &["--consent", CONSENT, "--carer", LEE]) {
        let leaks: Vec<&str> = ["Kerry", "Refuge"]
            .into_iter()
            .filter(|w| doc.contains(w))
            .collect();
        assert!(
            code != Some(0) || leaks.is_empty(),
            "{format}: Lee is told {leaks:?}:\n{doc}"
        );
    }
}

/// Held? A rule that starts only after a request (from 2026-12-01, after the
/// refusal of 9 October) still keeps Lee from hearing of it; a rule withheld from
/// an agency kind or a role does not reach a carer, and Kerry still hears nothing
/// of its reason.
#[test]
fn later_rules_and_non_carer_scopes() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    record["withholdingRules"][0]["from"] = json!("2026-12-01");
    record["withholdingRules"]
        .as_array_mut()
        .unwrap()
        .push(json!({
            "id": "5ce00007-0000-4000-8000-0000000000c1",
            "child": CHILD,
            "protects": [{"kind": "carer", "id": KERRY}],
            "dataCategories": [{"kind": "education-progress"}],
            "withheldFrom": [{"kind": "agency-kind", "agencyKind": {"kind": "social-care"}},
                             {"kind": "role", "role": {"kind": "other", "label": "father"}}],
            "reason": "Kerry fears Lee will learn the school from social care",
            "decidedBy": SW,
            "from": "2026-10-01"
        }));
    let path = valid(dir.path(), "r.json", &record);
    for (format, code, doc) in all_formats(&path, &["--decision", "1", "--carer", LEE]) {
        assert_eq!(code, Some(0));
        for secret in [
            "Kerry",
            "refuge",
            "contact details",
            "fears",
            "keep someone safe",
        ] {
            assert!(!doc.contains(secret), "{format}: {secret}:\n{doc}");
        }
    }
    for reader in [KERRY, LEE] {
        for (format, _, doc) in all_formats(&path, &["--decision", "1", "--carer", reader]) {
            assert!(!doc.contains("fears"), "{format}: {doc}");
            assert!(!doc.contains("refuge"), "{format}: {doc}");
        }
    }
}

// ---------------------------------------------------------------------------
// 3. Text messages
// ---------------------------------------------------------------------------

/// Kerry texts and prefers "àllo" to "Hi". The message is measured with "àllo"
/// (all GSM-7, 243 septets: fits), then its first letter is made a capital: "À" is
/// not in GSM-7, so the message as sent is UCS-2, 243 units, far over 134.
#[test]
fn text_message_capitalised_after_measuring_fits_two_segments() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    texting(&mut record, KERRY, "en-GB");
    carer_mut(&mut record, KERRY)["considerations"] = json!({
        "preferredTerminology": [{"prefer": "àllo", "insteadOf": "Hi"}]
    });
    record["contactLog"][0]["agreedActions"][0]["description"] = json!(
        "Give Kerry the details of the local domestic abuse service and ring her on Friday about the bus"
    );
    let path = valid(dir.path(), "r.json", &record);
    let docs = explain_json(&path, &["--contact", "0"]);
    assert_eq!(docs[0]["form"], "text-message");
    let sms = text(&explain(&path, &["--contact", "0"]));
    let sms = sms.trim_end();
    assert!(
        two_segments(sms),
        "{} UTF-16 units (non-GSM {:?} first), more than two segments:\n{sms}",
        sms.encode_utf16().count(),
        sms.chars().next()
    );
}

/// The same with "ß" (one septet) made "SS" (two): a message of exactly 306 septets
/// before the capital becomes 307.
#[test]
fn text_message_capital_that_grows_fits_two_segments() {
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for pad in 0..60 {
        let mut record = sg();
        texting(&mut record, KERRY, "en-GB");
        carer_mut(&mut record, KERRY)["considerations"] = json!({
            "preferredTerminology": [{"prefer": "ßalut", "insteadOf": "Hi"}]
        });
        let description = format!(
            "Give Kerry the details of the local domestic abuse service and ring her on Friday about the bus and the forms{}",
            " x".repeat(pad)
        );
        record["contactLog"][0]["agreedActions"][0]["description"] = json!(description);
        let path = valid(dir.path(), "r.json", &record);
        let sms = text(&explain(&path, &["--contact", "0"]));
        let sms = sms.trim_end().to_owned();
        if !two_segments(&sms) {
            failures.push(format!("pad {pad}: {} chars: {sms}", sms.chars().count()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------
// 4. Reading age
// ---------------------------------------------------------------------------

fn with_open_action(description: &str) -> Value {
    let mut record = sg();
    record["contactLog"][0]["agreedActions"][0]["description"] = json!(description);
    record["contactLog"][0]["agreedActions"][0]
        .as_object_mut()
        .unwrap()
        .remove("completedOn");
    record["contactLog"][0]["agreedActions"][0]["dueOn"] = json!("2026-12-30");
    record
}

fn letter_age(dir: &Path, description: &str) -> (f64, f64, Value) {
    let path = valid(dir, "r.json", &with_open_action(description));
    let docs = explain_json(&path, &["--contact", "0", "--carer", KERRY]);
    (
        docs[0]["readingAge"].as_f64().unwrap(),
        docs[0]["readingAgeTarget"].as_f64().unwrap(),
        docs[0].clone(),
    )
}

const RUN_ON: &str = "Arrange a meeting with the educational psychologist and the speech and language therapist so that together they can look again at the recommendations in the assessment and consider whether additional support in the classroom would be appropriate before the review";

/// One long sentence pasted with hard line breaks (as from an email at 40 columns):
/// the page shows one sentence (HTML runs the lines together) but the measure takes
/// every line as a sentence, and reports it as meeting the target.
#[test]
fn hard_wrapped_action_does_not_game_the_reading_age() {
    let dir = tempfile::tempdir().unwrap();
    let mut wrapped = String::new();
    let mut line = String::new();
    for word in RUN_ON.split(' ') {
        if line.len() + word.len() > 40 {
            wrapped.push_str(line.trim_end());
            wrapped.push('\n');
            line.clear();
        }
        line.push_str(word);
        line.push(' ');
    }
    wrapped.push_str(line.trim_end());
    let (plain, target, _) = letter_age(dir.path(), RUN_ON);
    let (gamed, _, doc) = letter_age(dir.path(), &wrapped);
    assert!(
        plain > target,
        "the plain sentence is over the target: {plain}"
    );
    assert!(
        gamed > target && (plain - gamed).abs() < 0.5,
        "the same sentence with line breaks measures {gamed} (meets {target}) against {plain}:\n{}",
        doc["readingText"]
    );
}

/// The same long sentence with an email address in it: its dots are counted as the
/// ends of three sentences.
#[test]
fn dots_in_an_email_address_do_not_game_the_reading_age() {
    let dir = tempfile::tempdir().unwrap();
    let with_email = RUN_ON.replace(
        "before the review",
        "before the review, emailing senco@hillside.sch.uk and admin@hillside.sch.uk and office@hillside.sch.uk",
    );
    let with_word = RUN_ON.replace(
        "before the review",
        "before the review, emailing senco at hillside school and admin at hillside school and office at hillside school",
    );
    let (a, target, _) = letter_age(dir.path(), &with_word);
    let (b, _, doc) = letter_age(dir.path(), &with_email);
    assert!(a > target, "{a}");
    assert!(
        b > target,
        "with email addresses the same sentence measures {b} (meets {target}), {a} without:\n{}",
        doc["readingText"]
    );
}

/// The school's agency recorded in lower case as "educational psychology" (the
/// team the action is about is the school's): every "educational psychology" in the
/// record's own action text is measured as "Name", and a letter over the target is
/// reported as meeting it.
#[test]
fn an_agency_named_like_common_words_does_not_game_the_reading_age() {
    let dir = tempfile::tempdir().unwrap();
    let action = "Arrange a neurodevelopmental reassessment with the educational psychology team";
    let mut ages = Vec::new();
    for agency in ["Hillside Primary School", "educational psychology"] {
        let mut record = with_open_action(action);
        record["agencies"][0]["name"] = json!(agency);
        let path = valid(dir.path(), "r.json", &record);
        let docs = explain_json(&path, &["--contact", "0", "--carer", KERRY]);
        ages.push((
            docs[0]["readingAge"].as_f64().unwrap(),
            docs[0]["readingAgeTarget"].as_f64().unwrap(),
            docs[0]["readingText"].clone(),
        ));
    }
    assert!(
        ages[0].0 > ages[0].1,
        "the letter is over its target: {}",
        ages[0].0
    );
    assert!(
        ages[1].0 > ages[1].1,
        "the same letter measures {} with a school named Hillside and {} (meets {}) with an agency named like its words:\n{}",
        ages[0].0,
        ages[1].0,
        ages[1].1,
        ages[1].2
    );
}

/// Role "other" labels, kinds of agency and categories written as "other" are
/// our words to the reader: they are measured (in the reading text), and when they
/// push a document over its target the JSON says so.
#[test]
fn hard_labels_are_measured_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    let role = "multidisciplinary neurodevelopmental safeguarding practitioner";
    record["professionals"][0]["role"] = json!({"kind": "other", "label": role});
    let labels = [
        "neurodevelopmental paediatrician",
        "psychoeducational consultancy",
        "psychometric and neuropsychological assessment documentation",
    ];
    record["consents"] = json!([consent(
        json!({"kind": "parental-responsibility", "carer": KERRY}),
        json!([{"kind": "role", "role": {"kind": "other", "label": labels[0]}},
               {"kind": "agency-kind", "agencyKind": {"kind": "other", "label": labels[1]}}]),
        json!([{"kind": "other", "label": labels[2]}])
    )]);
    let path = valid(dir.path(), "r.json", &record);
    let consent_doc = &explain_json(&path, &["--consent", CONSENT])[0];
    let contact_doc = &explain_json(&path, &["--contact", "0", "--carer", KERRY])[0];
    for (doc, words) in [(consent_doc, &labels[..]), (contact_doc, &[role][..])] {
        let measured = doc["readingText"].as_str().unwrap();
        for w in words {
            assert!(measured.contains(w), "{w} is not measured:\n{measured}");
        }
        eprintln!(
            "reading age {} / {}",
            doc["readingAge"], doc["readingAgeTarget"]
        );
    }
    // The summary signed by the hard role is over its target, and says so.
    let age = contact_doc["readingAge"].as_f64().unwrap();
    assert!(
        age > contact_doc["readingAgeTarget"].as_f64().unwrap(),
        "{age}"
    );
}

// ---------------------------------------------------------------------------
// 5. Errors
// ---------------------------------------------------------------------------

#[test]
fn usage_and_input_errors_are_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = valid(dir.path(), "r.json", &sg());
    for (args, code) in [
        (
            vec![
                "explain",
                path.as_str(),
                "--decision",
                "0",
                "--contact",
                "1",
            ],
            2,
        ),
        (vec!["explain", path.as_str()], 2),
        (
            vec!["explain", path.as_str(), "--contact", "0", "--carer", ""],
            2,
        ),
        (vec!["explain", path.as_str(), "--consent", ""], 2),
        (vec!["explain", "/nonexistent/r.json", "--contact", "0"], 2),
    ] {
        let out = run(&args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // Invalid records, with personal data in the bad values: exit 1, none echoed.
    for (pointer, value) in [
        (
            "/justifications/0/carersTold",
            json!("Lee is violent to Kerry"),
        ),
        ("/carers/1/involvement", json!("Lee hits Kerry")),
        (
            "/carers/0/livesWithChild",
            json!("Kerry at Safe Haven Refuge"),
        ),
        ("/child/dateOfBirth", json!("Jamie 30 August 2018")),
        (
            "/withholdingRules/0/reason",
            json!(["Kerry at Safe Haven Refuge"]),
        ),
        (
            "/carers/0/relationship",
            json!({"kind": "Kerry at Safe Haven Refuge"}),
        ),
        ("/carers/0/id", json!("Kerry at Safe Haven Refuge")),
    ] {
        let mut record = sg();
        *record.pointer_mut(pointer).unwrap() = value;
        let p = dir.path().join("bad.json");
        std::fs::write(&p, record.to_string()).unwrap();
        let out = run(&["explain", p.to_str().unwrap(), "--contact", "0"]);
        assert_eq!(out.status.code(), Some(1), "{pointer}");
        let err = String::from_utf8_lossy(&out.stderr);
        for secret in ["Kerry", "Lee", "Jamie", "Refuge", "violent", "August"] {
            assert!(!err.contains(secret), "{pointer}: {err}");
        }
    }
}
fn texting(record: &mut Value, id: &str, language: &str) {
    let carer = carer_mut(record, id);
    carer["communication"]["channels"] = json!(["text-message"]);
    carer["communication"]["preferredLanguage"] = json!(language);
}
