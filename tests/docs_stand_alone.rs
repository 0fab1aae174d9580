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
