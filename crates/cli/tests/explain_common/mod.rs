//! What both hostile reviews of `partnership explain` build on: the safeguarding
//! scenario's people by id, the command, and records made valid before use.

// Each review uses some of these, not all.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};

pub const KERRY: &str = "5ce00007-0000-4000-8000-000000000008";
pub const LEE: &str = "5ce00007-0000-4000-8000-000000000009";
pub const CHILD: &str = "5ce00007-0000-4000-8000-000000000002";
pub const DSL: &str = "5ce00007-0000-4000-8000-000000000005";
pub const SW: &str = "5ce00007-0000-4000-8000-000000000007";
pub const SOCIAL_CARE: &str = "5ce00007-0000-4000-8000-000000000004";
pub const CONSENT: &str = "5ce00007-0000-4000-8000-0000000000a1";
pub const REFUGE: &str = "5ce00007-0000-4000-8000-0000000000a2";

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

pub fn run(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_partnership"))
        .args(args)
        .current_dir(fixtures())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    out
}

pub fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn scenario(name: &str) -> Value {
    let path = fixtures().join("scenarios").join(format!("{name}.json"));
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// Writes a record and insists that `check` finds it valid.
pub fn valid(dir: &Path, name: &str, record: &Value) -> String {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_vec_pretty(record).unwrap()).unwrap();
    let path = path.to_str().unwrap().to_owned();
    let out = run(&["check", &path]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "crafted record must be valid: {}{}",
        text(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    path
}

pub fn explain(path: &str, args: &[&str]) -> Output {
    let mut all = vec!["explain", path];
    all.extend_from_slice(args);
    run(&all)
}

pub fn explain_json(path: &str, args: &[&str]) -> Vec<Value> {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--format", "json"]);
    let out = explain(path, &all);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Vec<Value>>(&out.stdout).unwrap()
}

/// Whether a text fits two SMS segments, counted independently.
pub fn two_segments(text: &str) -> bool {
    const GSM: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    const EXT: &str = "^{}\\[~]|€\u{c}";
    let mut septets = 0;
    for c in text.chars() {
        if GSM.contains(c) {
            septets += 1;
        } else if EXT.contains(c) {
            septets += 2;
        } else {
            return text.encode_utf16().count() <= 134;
        }
    }
    septets <= 306
}

/// The safeguarding record: Kerry (protected) and Lee (withheld from).
pub fn sg() -> Value {
    scenario("safeguarding_one_carer")
}

pub fn carer_mut<'a>(record: &'a mut Value, id: &str) -> &'a mut Value {
    record["carers"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| c["id"] == id)
        .unwrap()
}

pub fn add_refuge(record: &mut Value) {
    record["agencies"].as_array_mut().unwrap().push(json!({
        "id": REFUGE,
        "name": "Safe Haven Refuge",
        "kind": {"kind": "voluntary-sector"}
    }));
}

pub fn consent(given_by: Value, recipients: Value, categories: Value) -> Value {
    json!({
        "id": CONSENT,
        "child": CHILD,
        "givenBy": given_by,
        "scope": {
            "purposes": [{"kind": "education-support-planning"}],
            "recipients": recipients,
            "dataCategories": categories
        },
        "validFrom": "2026-10-10",
        "method": "verbal",
        "noticeVersion": "Privacy notice 2026",
        "events": [{
            "kind": "requested",
            "at": "2026-10-10T10:00:00Z",
            "by": {"kind": "professional", "id": DSL}
        }]
    })
}
