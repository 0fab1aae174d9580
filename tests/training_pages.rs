//! The training pages: self-contained, one per scenario, and reviewed as a person
//! reads them (the snapshot of one page and of the index).

// Tests report failure by panicking; the panic family is denied only in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use partnership::scenarios::{all, index_html};

#[test]
fn every_page_stands_alone() {
    let scenarios = all().unwrap();
    let mut pages: Vec<(String, String)> = scenarios
        .iter()
        .map(|s| (s.slug.to_owned(), s.to_html()))
        .collect();
    pages.push(("index".to_owned(), index_html(&scenarios)));
    for (name, page) in &pages {
        // Nothing fetched, nothing run: no scripts, styles, fonts, images or links out.
        for outside in [
            "<script", "<link", "<img", "<iframe", "src=", "http:", "https:", "@import", "url(",
        ] {
            assert!(!page.contains(outside), "{name} holds {outside}");
        }
        assert!(
            page.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"),
            "{name}"
        );
        assert_eq!(page.matches("<h1>").count(), 1, "{name}");
        for landmark in [
            "<header>",
            "<nav aria-label=",
            "<main id=\"main\">",
            "<footer>",
        ] {
            assert!(page.contains(landmark), "{name} has no {landmark}");
        }
        // Headings go down one level at a time.
        let mut level = 1;
        for part in page.split("<h").skip(1) {
            let Some(n) = part.chars().next().and_then(|c| c.to_digit(10)) else {
                continue;
            };
            assert!(n <= level + 1, "{name}: h{n} after h{level}");
            level = n;
        }
    }
    // Every scenario with an exercise shows it, with an answer for each question.
    for scenario in &scenarios {
        let page = scenario.to_html();
        let Some(exercise) = &scenario.exercise else {
            assert!(!page.contains("id=\"exercise\""), "{}", scenario.slug);
            continue;
        };
        assert!(page.contains("<summary>Show what needs attention</summary>"));
        assert_eq!(
            page.matches("<summary>Show the answer</summary>").count(),
            exercise.questions.len(),
            "{}",
            scenario.slug
        );
        assert_eq!(page.matches("data-code=").count(), exercise.findings.len());
    }
}

#[test]
fn the_safeguarding_page_and_the_index_read_as_they_did() {
    let scenarios = all().unwrap();
    let page = scenarios
        .iter()
        .find(|s| s.slug == "safeguarding_one_carer")
        .unwrap()
        .to_html();
    insta::assert_snapshot!("safeguarding_one_carer_page", page);
    insta::assert_snapshot!("index_page", index_html(&scenarios));
}
