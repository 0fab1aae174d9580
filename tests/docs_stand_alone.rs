//! The documentation stands alone: every citation of the project's domain notes
//! names a section that `docs/domain.md` has, and nothing cites notes that are not in
//! the repository.

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if path.is_dir() {
            if name != "target" && !name.starts_with('.') {
                sources(&path, found);
            }
        } else if name.ends_with(".rs") || name.ends_with(".md") {
            found.push(path);
        }
    }
}

#[test]
fn every_citation_of_the_domain_notes_resolves() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let notes = std::fs::read_to_string(root.join("docs/domain.md")).unwrap();
    let sections: Vec<u32> = notes
        .lines()
        .filter_map(|l| l.strip_prefix("## ")?.split('.').next()?.parse().ok())
        .collect();
    assert!(sections.len() >= 8, "{sections:?}");
    let mut files = Vec::new();
    for dir in ["crates", "src", "tests", "examples"] {
        sources(&root.join(dir), &mut files);
    }
    files.push(root.join("README.md"));
    let mut citations = 0;
    // This file names what it looks for.
    files.retain(|f| !f.ends_with("tests/docs_stand_alone.rs"));
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // The changelog tells history; elsewhere only the notes in the repository.
        assert!(
            !text.contains("DOMAIN.md"),
            "{} cites notes that are not in the repository",
            file.display()
        );
        // A citation split over two lines of a comment is still a citation.
        let text = text.replace("domain.md\n//! section", "domain.md section");
        for (at, _) in text.match_indices("domain.md section ") {
            let number: String = text[at + "domain.md section ".len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            let number: u32 = number.parse().unwrap();
            assert!(
                sections.contains(&number),
                "{} cites docs/domain.md section {number}, which it does not have",
                file.display()
            );
            citations += 1;
        }
    }
    // The test looks at something: the crates cite the notes a dozen times.
    assert!(citations >= 10, "{citations}");
}

/// The examples on the inner crates' items are shown on the facade's pages too (it
/// re-exports them): each is written as a user of `partnership` alone writes it,
/// `use partnership::carers::Carer`, never naming an inner crate or `chrono` in a line
/// the reader sees. (A hidden first line lets the same text compile in the inner
/// crate's own tests.)
#[test]
fn examples_are_written_for_a_user_of_the_facade() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for krate in [
        "core",
        "carers",
        "goals",
        "consent",
        "barriers",
        "reviews",
        "record",
        "scenarios",
        "explain",
    ] {
        sources(&root.join("crates").join(krate).join("src"), &mut files);
    }
    // Strategies are for the crates' own tests, not shown to users of the facade.
    files.retain(|f| !f.ends_with("strategies.rs"));
    let mut examples = 0;
    let mut wrong = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut in_block = false;
        let mut in_code = false;
        for (n, line) in text.lines().enumerate() {
            let trimmed = line.trim_start();
            let Some(doc) = trimmed
                .strip_prefix("///")
                .or_else(|| trimmed.strip_prefix("//!"))
            else {
                continue;
            };
            let doc = doc.strip_prefix(' ').unwrap_or(doc);
            if doc.trim_start().starts_with("```") {
                let lang = doc.trim_start().trim_start_matches('`').trim();
                in_block = !in_block;
                in_code = in_block
                    && (lang.is_empty() || lang == "rust" || lang.contains("compile_fail"));
                examples += usize::from(in_code);
                continue;
            }
            if !in_code || doc.starts_with("# ") || doc == "#" {
                continue;
            }
            let names_inner = [
                "core",
                "carers",
                "goals",
                "consent",
                "barriers",
                "reviews",
                "record",
                "scenarios",
                "explain",
            ]
            .iter()
            .any(|k| doc.contains(&format!("partnership_{k}")));
            let bare_chrono = doc.contains("chrono::") && !doc.contains("partnership::chrono::");
            if names_inner || bare_chrono {
                wrong.push(format!("{}:{}: {doc}", file.display(), n + 1));
            }
        }
    }
    assert!(examples > 100, "{examples}");
    assert!(
        wrong.is_empty(),
        "examples a user of the facade cannot write: {wrong:#?}"
    );
}
