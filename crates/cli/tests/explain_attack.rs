//! A hostile review of `partnership explain` ("Words for carers and children"): each
//! test asserts what was promised, so it fails where the promise is broken.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod explain_common;

use explain_common::*;
use serde_json::{Value, json};

// ---------------------------------------------------------------------------
// Withholding rules
// ---------------------------------------------------------------------------

/// A rule withholds "New Address" (an `other` category) from Lee; a request for
/// "new address" (the same category, the engine agrees: it refuses it as withheld)
/// is recorded. Lee must be told nothing about that request.
#[test]
fn withheld_other_category_in_another_case_is_not_described_to_the_withheld_carer() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    record["withholdingRules"][0]["from"] = json!("2025-01-01");
    record["withholdingRules"][0]["dataCategories"] =
        json!([{"kind": "other", "label": "New Address"}]);
    let path = valid(dir.path(), "r.json", &record);
    let question = json!({
        "id": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
        "child": CHILD,
        "requestedBy": DSL,
        "recipient": {"kind": "carer", "id": LEE},
        "purpose": {"kind": "education-support-planning"},
        "dataCategories": [{"kind": "other", "label": "new address"}]
    });
    let q = dir.path().join("q.json");
    std::fs::write(&q, question.to_string()).unwrap();
    let out = run(&["share", &path, "--request", q.to_str().unwrap(), "--record"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains("withheld"),
        "the engine withholds it: {}",
        text(&out)
    );
    let out = explain(&path, &["--decision", "2", "--carer", LEE]);
    let doc = text(&out);
    assert!(
        !doc.to_lowercase().contains("new address"),
        "the withheld carer is told what the withheld request was about:\n{doc}"
    );
    assert!(
        doc.contains("We cannot tell you about this request"),
        "expected the cannot-say document:\n{doc}"
    );
}

/// A consent asked of Kerry, to share contact details with the refuge she is in,
/// written with `--carer LEE`: the withheld carer must not be told of it.
#[test]
fn consent_conversation_for_withheld_category_is_not_written_for_the_withheld_carer() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    add_refuge(&mut record);
    record["consents"] = json!([consent(
        json!({"kind": "parental-responsibility", "carer": KERRY}),
        json!([{"kind": "agency", "id": REFUGE}, {"kind": "carer", "id": KERRY}]),
        json!([{"kind": "contact-details"}])
    )]);
    let path = valid(dir.path(), "r.json", &record);
    let out = explain(&path, &["--consent", CONSENT, "--carer", LEE]);
    let doc = text(&out);
    let leaks = ["contact details", "Refuge", "Kerry"]
        .iter()
        .filter(|w| doc.contains(*w))
        .collect::<Vec<_>>();
    assert!(
        out.status.code() != Some(0) || leaks.is_empty(),
        "exit {:?}; the withheld carer is told {leaks:?}:\n{doc}",
        out.status.code()
    );
}

/// A consent asked of Kerry, written with `--carer LEE` for something not withheld:
/// Lee is not the one asked, so "It is your choice" is not his to hear.
#[test]
fn consent_conversation_is_not_written_for_a_carer_not_asked() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    record["consents"] = json!([consent(
        json!({"kind": "parental-responsibility", "carer": KERRY}),
        json!([{"kind": "agency", "id": SOCIAL_CARE}]),
        json!([{"kind": "education-progress"}])
    )]);
    let path = valid(dir.path(), "r.json", &record);
    let out = explain(&path, &["--consent", CONSENT, "--carer", LEE]);
    assert!(
        out.status.code() != Some(0) || !text(&out).contains("It is your choice"),
        "Lee, not asked, is told the choice is his:\n{}",
        text(&out)
    );
}

/// A discussion with Lee in which an action falls to Kerry, whom the rule protects
/// from him: "what we agreed" must not name her to him.
#[test]
fn what_we_agreed_does_not_name_the_protected_carer_to_the_withheld_carer() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    // Lee's involvement is restricted; make him involved for a meeting with him.
    carer_mut(&mut record, LEE)["involvement"] = json!({"kind": "involved"});
    record["contactLog"].as_array_mut().unwrap().push(json!({
        "id": "5ce00007-0000-4000-8000-0000000000b1",
        "date": "2026-11-20",
        "channel": "face-to-face",
        "participants": [
            {"kind": "carer", "id": LEE},
            {"kind": "professional", "id": SW}
        ],
        "summary": "Met Lee about school.",
        "agreedActions": [{
            "id": "5ce00007-0000-4000-8000-0000000000b2",
            "description": "Send the school photos to Jamie",
            "owner": {"kind": "carer", "id": KERRY},
            "dueOn": "2026-12-20"
        }]
    }));
    let path = valid(dir.path(), "r.json", &record);
    let n = record["contactLog"].as_array().unwrap().len() - 1;
    let out = explain(&path, &["--contact", &n.to_string(), "--carer", LEE]);
    let doc = text(&out);
    assert!(
        out.status.code() != Some(0) || !doc.contains("Kerry"),
        "the protected carer is named to the carer withheld from:\n{doc}"
    );
}

/// The safeguarding share of the fixture is not told: refused, for either carer.
#[test]
fn safeguarding_share_not_told_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = valid(dir.path(), "r.json", &sg());
    for args in [
        vec!["--decision", "0"],
        vec!["--decision", "0", "--carer", KERRY],
        vec!["--decision", "0", "--carer", LEE],
    ] {
        let out = explain(&path, &args);
        assert_ne!(out.status.code(), Some(0), "{args:?}: {}", text(&out));
        assert!(text(&out).is_empty(), "{args:?}: {}", text(&out));
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        for secret in ["Lee", "Kerry", "strategy", "refuge", "Jamie"] {
            assert!(!err.contains(secret), "{err}");
        }
    }
}

/// The refusal under the rule, as Lee reads it: no reason, no name of Kerry, nothing
/// of what was asked.
#[test]
fn withheld_request_is_not_described_to_lee() {
    let dir = tempfile::tempdir().unwrap();
    let path = valid(dir.path(), "r.json", &sg());
    for format in ["text", "json", "html"] {
        let out = explain(
            &path,
            &["--decision", "1", "--carer", LEE, "--format", format],
        );
        let doc = text(&out);
        assert_eq!(out.status.code(), Some(0));
        for secret in [
            "Kerry",
            "refuge",
            "contact details",
            "keep someone safe",
            "progress at school",
        ] {
            assert!(!doc.contains(secret), "{format}: {secret}:\n{doc}");
        }
    }
}

// ---------------------------------------------------------------------------
// Text messages
// ---------------------------------------------------------------------------

fn texting(record: &mut Value, id: &str, language: &str) {
    let carer = carer_mut(record, id);
    carer["communication"]["channels"] = json!(["text-message"]);
    carer["communication"]["preferredLanguage"] = json!(language);
}

/// A carer who texts, in Polish (no messages yet): the whole text message, fallback
/// note included, must still be at most two segments.
#[test]
fn text_message_with_fallback_note_fits_two_segments() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    texting(&mut record, KERRY, "pl");
    record["contactLog"][0]["agreedActions"][0]["description"] = json!(
        "Give Kerry the phone number of the local domestic abuse service and help her to call it"
    );
    let path = valid(dir.path(), "r.json", &record);
    let docs = explain_json(&path, &["--contact", "0"]);
    assert_eq!(docs[0]["form"], "text-message");
    let out = explain(&path, &["--contact", "0"]);
    let sms = text(&out);
    let sms = sms.trim_end();
    assert!(
        two_segments(sms),
        "{} chars, more than two segments:\n{sms}",
        sms.chars().count()
    );
}

/// A carer who prefers a word with a character outside GSM-7 ("á"): the message as
/// sent must be within 134 UCS-2 code units.
#[test]
fn text_message_with_preferred_terms_fits_two_segments() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    texting(&mut record, KERRY, "en-GB");
    carer_mut(&mut record, KERRY)["considerations"] = json!({
        "preferredTerminology": [{"prefer": "Kerry-á", "insteadOf": "Kerry"}]
    });
    let path = valid(dir.path(), "r.json", &record);
    let docs = explain_json(&path, &["--contact", "0"]);
    assert_eq!(docs[0]["form"], "text-message");
    let sms = docs[0]["paragraphs"][0].as_str().unwrap();
    assert_eq!(docs[0]["paragraphs"].as_array().unwrap().len(), 1);
    assert!(
        two_segments(sms),
        "{} UTF-16 units with a non-GSM character:\n{sms}",
        sms.encode_utf16().count()
    );
}

/// A carer whose first name is one long word: the message must still say something
/// of what was agreed, not be empty.
#[test]
fn text_message_with_a_very_long_name_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    texting(&mut record, KERRY, "en-GB");
    carer_mut(&mut record, KERRY)["name"] = json!(format!("{} Walsh", "Ŵ".repeat(150)));
    let path = valid(dir.path(), "r.json", &record);
    let docs = explain_json(&path, &["--contact", "0"]);
    let sms = docs[0]["paragraphs"][0].as_str().unwrap();
    assert!(two_segments(sms), "{sms}");
    assert!(
        sms.contains("agreed") || sms.contains("October"),
        "the text message says nothing of what was agreed: {sms:?}"
    );
}

/// Names with characters outside GSM-7, an action of many words: every text is at
/// most two segments.
#[test]
fn text_message_segments_hold_for_long_and_non_gsm_content() {
    let dir = tempfile::tempdir().unwrap();
    for (name, description) in [
        ("Siân Ŵyn", "Ring the school about the bus"),
        ("Zoë O’Brien", &"Bring the forms ".repeat(30)),
        ("Kerry Walsh", &"Bring the forms ".repeat(30)),
        (
            "Kerry 😀 Walsh",
            "Ring the school about the bus and ask for a new pass for Jamie",
        ),
    ] {
        let mut record = sg();
        texting(&mut record, KERRY, "en-GB");
        carer_mut(&mut record, KERRY)["name"] = json!(name);
        record["contactLog"][0]["agreedActions"][0]["description"] = json!(description.trim());
        let path = valid(dir.path(), "r.json", &record);
        let docs = explain_json(&path, &["--contact", "0"]);
        let sms = docs[0]["paragraphs"][0].as_str().unwrap();
        assert!(two_segments(sms), "{name}: {sms}");
        assert!(!sms.trim().is_empty(), "{name}");
    }
}

// ---------------------------------------------------------------------------
// Preferred terms, HTML
// ---------------------------------------------------------------------------

/// A preferred term ("college" for "school") in a document whose action text holds
/// characters whose lower case is a different length (İ, Kelvin sign): no panic,
/// and the record's own words around it are left as they were.
#[test]
fn preferred_terms_with_case_folding_characters_do_not_panic_or_garble() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    carer_mut(&mut record, KERRY)["considerations"] = json!({
        "preferredTerminology": [{"prefer": "college", "insteadOf": "school"}]
    });
    carer_mut(&mut record, KERRY)["communication"]["channels"] = json!(["letter"]);
    record["contactLog"][0]["agreedActions"][0]["description"] =
        json!("Ask İİ to call the school \u{212A}");
    let path = valid(dir.path(), "r.json", &record);
    let out = explain(&path, &["--contact", "0", "--carer", KERRY]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = text(&out);
    assert!(doc.contains("call the college \u{212A}"), "{doc}");
}

/// Names and preferred terms with markup: the page escapes them and stays
/// self-contained.
#[test]
fn html_escapes_names_and_terms() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    carer_mut(&mut record, KERRY)["name"] = json!("<script>alert(1)</script> Walsh");
    carer_mut(&mut record, KERRY)["considerations"] = json!({
        "preferredTerminology": [{"prefer": "<img src=x onerror=alert(1)>", "insteadOf": "agreed"}]
    });
    record["contactLog"][0]["agreedActions"][0]["description"] =
        json!("Read <a href=\"https://evil.example\">this</a> & \"that\"");
    let path = valid(dir.path(), "r.json", &record);
    let out = explain(
        &path,
        &["--contact", "0", "--carer", KERRY, "--format", "html"],
    );
    assert_eq!(out.status.code(), Some(0));
    let page = text(&out);
    let allowed = [
        "<!DOCTYPE html>",
        "<html ",
        "</html>",
        "<head>",
        "</head>",
        "<meta ",
        "<title>",
        "</title>",
        "<style>",
        "</style>",
        "<body>",
        "</body>",
        "<main>",
        "</main>",
        "<p>",
        "<p ",
        "</p>",
        "<h1>",
        "</h1>",
    ];
    for (at, _) in page.match_indices('<') {
        let rest = &page[at..];
        assert!(
            allowed.iter().any(|a| rest.starts_with(a)),
            "unescaped markup at {at}: {}",
            &rest[..rest.len().min(60)]
        );
    }
    for bad in ["@import", "url(", "http"] {
        let style = &page[page.find("<style>").unwrap()..page.find("</style>").unwrap()];
        assert!(!style.contains(bad), "{bad}");
    }
}

// ---------------------------------------------------------------------------
// Language
// ---------------------------------------------------------------------------

#[test]
fn odd_language_tags_choose_language_and_note() {
    let dir = tempfile::tempdir().unwrap();
    for (tag, welsh) in [
        ("CY", true),
        ("cy-Latn-GB", true),
        ("cy-GB", true),
        ("i-klingon", false),
        ("en-CY", false),
        ("pl", false),
        ("", false),
        ("und", false),
    ] {
        let mut record = sg();
        carer_mut(&mut record, KERRY)["communication"]["preferredLanguage"] = json!(tag);
        let path = dir.path().join("r.json");
        std::fs::write(&path, record.to_string()).unwrap();
        let path = path.to_str().unwrap();
        if run(&["check", path]).status.code() != Some(0) {
            eprintln!("{tag:?}: the record refuses it");
            continue;
        }
        let docs = explain_json(path, &["--contact", "0"]);
        let doc = &docs[0];
        if welsh {
            assert_eq!(doc["language"], "welsh", "{tag:?}");
            assert!(doc.get("note").is_none(), "{tag:?}");
        } else {
            assert_eq!(doc["language"], "english", "{tag:?}");
            let english = tag.to_lowercase().starts_with("en");
            assert_eq!(doc.get("note").is_some(), !english, "{tag:?}: {doc}");
        }
    }
}

/// Welsh documents: no English words of ours leak into them.
#[test]
fn welsh_documents_have_no_english_of_ours() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = scenario("consent_declined_narrowed_withdrawn");
    for c in record["carers"].as_array_mut().unwrap() {
        c["communication"]["preferredLanguage"] = json!("cy");
    }
    let path = valid(dir.path(), "r.json", &record);
    let mut all = String::new();
    let consents: Vec<String> = record["consents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    for id in &consents {
        all += &text(&explain(&path, &["--consent", id]));
    }
    for n in 0..4 {
        all += &text(&explain(&path, &["--decision", &n.to_string()]));
    }
    for n in 0..3 {
        all += &text(&explain(&path, &["--contact", &n.to_string()]));
    }
    assert!(!all.is_empty());
    // Remove the record's own words (names, free text) before looking.
    fn strings(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
            Value::Object(o) => o.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    let mut theirs = Vec::new();
    strings(&record, &mut theirs);
    theirs.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut ours = all.clone();
    for s in &theirs {
        if s.len() > 3 {
            ours = ours.replace(s.trim_end_matches('.'), "<record>");
        }
    }
    let record_text = record.to_string();
    for word in [
        " the ",
        " and ",
        " you ",
        " your ",
        " with ",
        " shared ",
        " about ",
        "Dear",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "September",
        "October",
        "November",
        "December",
        " by ",
        " of ",
    ] {
        if record_text.contains(word.trim()) {
            // Only our words matter: count those not inside the record's text.
        }
        ours = ours.replace(word, &format!("[[{}]]", word.trim()));
    }
    let leaked: Vec<&str> = ours.lines().filter(|l| l.contains("[[")).collect();
    assert!(
        leaked.is_empty(),
        "English in Welsh documents:\n{}",
        leaked.join("\n")
    );
}

// ---------------------------------------------------------------------------
// Consent by a care-order officer
// ---------------------------------------------------------------------------

#[test]
fn consent_by_care_order_officer_is_not_written_for_a_carer() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    record["consents"] = json!([consent(
        json!({"kind": "other-authority", "authority": {
            "kind": "care-order", "localAuthority": SOCIAL_CARE,
            "madeOn": "2026-09-01", "officer": SW
        }}),
        json!([{"kind": "agency", "id": SOCIAL_CARE}]),
        json!([{"kind": "education-progress"}])
    )]);
    let path = valid(dir.path(), "r.json", &record);
    let out = explain(&path, &["--consent", CONSENT]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let out = explain(&path, &["--consent", CONSENT, "--carer", KERRY]);
    assert!(
        out.status.code() != Some(0) || !text(&out).contains("It is your choice"),
        "a carer is told a care-order consent is their choice:\n{}",
        text(&out)
    );
}

// ---------------------------------------------------------------------------
// Usage and errors
// ---------------------------------------------------------------------------

#[test]
fn bad_indices_are_usage_errors_without_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = valid(dir.path(), "r.json", &sg());
    for args in [
        vec!["--decision", "99"],
        vec!["--decision", "-1"],
        vec!["--decision", "18446744073709551616"],
        vec!["--decision", "18446744073709551615"],
        vec!["--contact", "99999999999"],
        vec!["--consent", "not-a-uuid"],
        vec!["--consent", "5ce00007-0000-4000-8000-00000000ffff"],
        vec![
            "--contact",
            "0",
            "--carer",
            "5ce00007-0000-4000-8000-00000000ffff",
        ],
        vec!["--contact", "0", "--carer", "Kerry"],
        vec!["--contact", "0", "--format", "pdf"],
        vec!["--decision", "1", "--format", "html"],
    ] {
        let out = explain(&path, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        for secret in ["Lee", "Walsh", "Jamie", "refuge", "Funmi"] {
            assert!(!err.contains(secret), "{args:?}: {err}");
        }
    }
}

// ---------------------------------------------------------------------------
// Readability
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

fn report_codes(path: &str) -> String {
    let out = run(&["report", path, "--as-of", "2026-11-23", "--format", "json"]);
    text(&out)
}

/// A short action (seven words) of jargon far beyond a reading age of 11.
#[test]
fn report_advises_hard_to_read_for_a_short_hard_action() {
    let dir = tempfile::tempdir().unwrap();
    let record = with_open_action(
        "Commission multidisciplinary neurodevelopmental psychoeducational reassessment, notwithstanding authorisation",
    );
    let path = valid(dir.path(), "r.json", &record);
    let docs = explain_json(&path, &["--contact", "0", "--carer", KERRY]);
    eprintln!("readingAge of the letter: {}", docs[0]["readingAge"]);
    assert!(
        report_codes(&path).contains("hard-for-carers-to-read"),
        "no advice for a seven-word action at a reading age far over 11"
    );
}

/// The same hard action with invisible zero-width spaces between its syllables: it
/// reads the same, and must measure the same.
#[test]
fn zero_width_spaces_do_not_game_the_reading_age() {
    let dir = tempfile::tempdir().unwrap();
    let plain = "Arrange a multidisciplinary neurodevelopmental assessment with the educational psychologist and the paediatrician, considering the recommendations";
    let gamed = plain
        .split(' ')
        .map(|w| {
            w.chars()
                .collect::<Vec<_>>()
                .chunks(3)
                .map(|c| c.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join("\u{200B}")
        })
        .collect::<Vec<_>>()
        .join(" ");
    let p1 = valid(dir.path(), "plain.json", &with_open_action(plain));
    let p2 = valid(dir.path(), "gamed.json", &with_open_action(&gamed));
    assert!(report_codes(&p1).contains("hard-for-carers-to-read"));
    let a1 = explain_json(&p1, &["--contact", "0", "--carer", KERRY])[0]["readingAge"]
        .as_f64()
        .unwrap();
    let a2 = explain_json(&p2, &["--contact", "0", "--carer", KERRY])[0]["readingAge"]
        .as_f64()
        .unwrap();
    assert!(
        report_codes(&p2).contains("hard-for-carers-to-read"),
        "the report is gamed by zero-width spaces (letter reading age {a1} vs {a2})"
    );
    assert!(
        (a1 - a2).abs() < 0.5,
        "reading age {a1} plain vs {a2} with zero-width spaces"
    );
}

/// A child's first name that is part of common words ("Al": "special",
/// "educational") is taken out of those words too before measuring, making the
/// document seem easier than it is.
#[test]
fn short_names_do_not_game_the_reading_age() {
    let dir = tempfile::tempdir().unwrap();
    let action = "Arrange an additional educational assessment with the professional team and the medical specialist";
    let mut ages = Vec::new();
    for name in ["Bo Walsh", "Al Walsh"] {
        let mut record = with_open_action(action);
        record["child"]["name"] = json!(name);
        let path = valid(dir.path(), "r.json", &record);
        let docs = explain_json(&path, &["--contact", "0", "--carer", KERRY]);
        eprintln!("{name}: {}", docs[0]["readingText"]);
        ages.push(docs[0]["readingAge"].as_f64().unwrap());
    }
    assert!(
        (ages[0] - ages[1]).abs() < 0.5,
        "same words, reading age {} with a child Bo, {} with a child Al",
        ages[0],
        ages[1]
    );
}

/// Easy read: the consent conversation for a carer who needs it is held to 9.
#[test]
fn easy_read_consent_is_held_to_nine() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    carer_mut(&mut record, KERRY)["communication"]["easyReadNeeded"] = json!(true);
    record["consents"] = json!([consent(
        json!({"kind": "parental-responsibility", "carer": KERRY}),
        json!([{"kind": "role", "role": {"kind": "educational-psychologist"}},
               {"kind": "role", "role": {"kind": "speech-and-language-therapist"}},
               {"kind": "agency-kind", "agencyKind": {"kind": "voluntary-sector"}}]),
        json!([{"kind": "special-educational-needs-and-disability"}, {"kind": "family-circumstances"},
               {"kind": "safeguarding-information"}, {"kind": "religion-or-belief"}])
    )]);
    let path = valid(dir.path(), "r.json", &record);
    let docs = explain_json(&path, &["--consent", CONSENT]);
    assert_eq!(docs[0]["easyRead"], true);
    assert_eq!(docs[0]["readingAgeTarget"], 9.0);
    let age = docs[0]["readingAge"].as_f64().unwrap();
    assert!(
        age <= 9.0,
        "easy read consent at reading age {age}:\n{}",
        docs[0]["readingText"]
    );
}

// ---------------------------------------------------------------------------
// Jargon
// ---------------------------------------------------------------------------

#[test]
fn jargon_is_explained_on_first_use() {
    let dir = tempfile::tempdir().unwrap();
    let mut record =
        with_open_action("Ask the SENDCo and the SALT about SEN support and the EHCNA");
    carer_mut(&mut record, KERRY)["communication"]["channels"] = json!(["letter"]);
    let path = valid(dir.path(), "r.json", &record);
    let doc = text(&explain(&path, &["--contact", "0", "--carer", KERRY]));
    for term in ["SENDCo", "SALT", "SEN", "EHCNA"] {
        assert!(
            doc.contains(&format!("{term} (")),
            "{term} is not explained:\n{doc}"
        );
    }
}

#[test]
fn glossary_jargon_is_explained_in_a_decision() {
    let dir = tempfile::tempdir().unwrap();
    let path = valid(dir.path(), "r.json", &sg());
    // Decision 1 to Kerry names no role; the sign-off of contact 0 names the DSL.
    let doc = text(&explain(&path, &["--contact", "0", "--carer", KERRY]));
    if doc.contains("DSL") {
        assert!(doc.contains("DSL ("), "{doc}");
    }
}

/// A safeguarding share whose justification records the carers as told is explained.
#[test]
fn safeguarding_share_told_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    record["justifications"][0]["carersTold"] = json!({"kind": "told", "on": "2026-10-06"});
    let path = valid(dir.path(), "r.json", &record);
    let out = explain(&path, &["--decision", "0", "--carer", KERRY]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out).contains("keep Jamie safe"), "{}", text(&out));
    assert!(!text(&out).contains("strategy"), "{}", text(&out));
}

/// Without `--carer`, a carer whose summary would name someone protected from them
/// is left out, and the practitioner is told that someone was, never who.
#[test]
fn a_reader_left_out_is_counted_not_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = sg();
    carer_mut(&mut record, LEE)["involvement"] = json!({"kind": "involved"});
    record["contactLog"].as_array_mut().unwrap().push(json!({
        "id": "5ce00007-0000-4000-8000-0000000000b1",
        "date": "2026-11-20",
        "channel": "face-to-face",
        "participants": [
            {"kind": "carer", "id": LEE},
            {"kind": "carer", "id": KERRY},
            {"kind": "professional", "id": SW}
        ],
        "summary": "Met about school.",
        "agreedActions": [{
            "id": "5ce00007-0000-4000-8000-0000000000b2",
            "description": "Send the school photos to Jamie",
            "owner": {"kind": "carer", "id": KERRY},
            "dueOn": "2026-12-20"
        }]
    }));
    let path = valid(dir.path(), "r.json", &record);
    let n = record["contactLog"].as_array().unwrap().len() - 1;
    let out = explain(&path, &["--contact", &n.to_string(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let docs: Value = serde_json::from_slice(&out.stdout).unwrap();
    let readers: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["reader"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(readers.len(), 1, "{readers:?}");
    assert!(readers[0].starts_with("Kerry"), "{readers:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("1 of those concerned gets no document"),
        "{err}"
    );
    assert!(!err.contains("Lee") && !err.contains("Kerry"), "{err}");
}
