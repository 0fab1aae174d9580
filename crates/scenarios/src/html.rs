//! Training pages: one self-contained HTML page per scenario, for a trainer to open in
//! a browser with no network.
//!
//! A page has no scripts, no fonts, no images and no links out: the styles are in the
//! page, and answers are revealed with the browser's own disclosure element
//! (`<details>`), which works with a keyboard and a screen reader without any code.
//! The answers were computed by the library when the page was written, and the page
//! says so.
//!
//! The page is built for WCAG 2.2 AA: one `h1`, headings in order, landmarks
//! (`header`, `nav`, `main`, `footer`), a skip link, the language of the page, text and
//! focus outlines with a contrast of at least 4.5:1, and nothing conveyed by colour
//! alone (every decision says "Permitted" or "Refused" in words).

use std::fmt::Write as _;

use partnership_consent::SharingDecision;

use crate::{Exercise, Party, Scenario, Step, StepDecision};

/// The styles every page carries: plain, high-contrast, readable on a phone and in
/// print.
const STYLE: &str = "
:root { color: #1b1b1b; background: #ffffff; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; line-height: 1.5; }
body { margin: 0 auto; max-width: 46rem; padding: 0 1rem 2rem; }
a { color: #00498a; }
a:focus-visible, summary:focus-visible { outline: 3px solid #8a4500; outline-offset: 2px; }
.skip { position: absolute; left: -999rem; }
.skip:focus { position: static; display: inline-block; padding: 0.5rem; background: #ffffff; }
header { border-bottom: 2px solid #1b1b1b; padding: 0.5rem 0; }
header p { margin: 0; font-weight: 600; }
h1 { font-size: 1.8rem; line-height: 1.2; }
h2 { font-size: 1.4rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-bottom: 0.25rem; }
h4 { font-size: 1rem; margin: 0.5rem 0 0.25rem; }
ol.timeline { padding-left: 1.5rem; }
ol.timeline > li { margin-bottom: 1.5rem; }
.principle { font-style: italic; }
.people { font-size: 0.95rem; }
.decision { border-left: 6px solid #1b1b1b; padding: 0.25rem 0.75rem; margin: 0.5rem 0; background: #f3f3f3; }
.decision.permit { border-color: #0b6b2b; }
.decision.refuse { border-color: #8a1c1c; }
.outcome { font-weight: 700; }
.finding { border-left: 6px solid #5a5a5a; padding: 0.25rem 0.75rem; margin: 0.5rem 0; background: #f3f3f3; }
details { margin: 0.5rem 0 1rem; }
summary { cursor: pointer; font-weight: 600; color: #00498a; }
footer { border-top: 1px solid #5a5a5a; margin-top: 3rem; font-size: 0.9rem; }
@media print { details { display: block; } .skip { display: none; } }
";

use partnership_core::escape_html as escape;

/// The start of a page: the document, its title and styles, the skip link and the
/// header with the way back to the course.
fn open_page(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} | Partnership with carers: training</title>\n<style>{STYLE}</style>\n\
         </head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the content</a>\n\
         <header>\n<p>Partnership with carers: training scenarios</p>\n\
         <nav aria-label=\"Course\"><a href=\"index.html\">All scenarios</a></nav>\n\
         </header>\n<main id=\"main\">\n",
        escape(title)
    );
}

/// The end of a page.
fn close_page(out: &mut String) {
    let _ = write!(
        out,
        "</main>\n<footer>\n<p>The people in these scenarios are fictional. The dates, \
         decisions and answers on this page were worked out by the partnership library \
         (version {}) when the page was written.</p>\n</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
}

/// A person as a page names them: "Funmi Adeyemi, designated safeguarding lead at
/// Hillside Primary School".
fn person(party: &Party) -> String {
    match party {
        Party::Child { name } => format!("{}, the child", escape(name)),
        Party::Carer { name, relationship } => {
            format!("{}, {}", escape(name), escape(relationship))
        }
        Party::Professional { name, role, agency } => {
            format!("{}, {} at {}", escape(name), escape(role), escape(agency))
        }
        Party::Agency { name, agency_kind } => {
            format!("{} ({})", escape(name), escape(agency_kind))
        }
    }
}

/// The name alone, for a question.
fn name(party: &Party) -> &str {
    match party {
        Party::Child { name }
        | Party::Carer { name, .. }
        | Party::Professional { name, .. }
        | Party::Agency { name, .. } => name,
    }
}

/// A sharing decision: the question, the outcome in words and every reason.
fn decision(out: &mut String, asked: &StepDecision, heading: &str) {
    let categories: Vec<String> = asked
        .data_categories
        .iter()
        .map(ToString::to_string)
        .collect();
    let (class, outcome) = match &asked.answer.decision {
        SharingDecision::Permit { .. } => ("permit", "Permitted"),
        SharingDecision::Refuse { .. } => ("refuse", "Refused"),
        SharingDecision::NotDisclosed { .. } => ("refuse", "Not disclosed"),
    };
    let how = match asked.answer.ledger_index {
        Some(n) => format!("decided and recorded in the ledger, entry {n}"),
        None => "asked as a what-if: nothing was shared or recorded".to_owned(),
    };
    let _ = write!(
        out,
        "<div class=\"decision {class}\">\n<{heading}>May {} share {} with {}, for {}?</{heading}>\n\
         <p class=\"outcome\">{outcome} ({how}).</p>\n",
        escape(name(&asked.asked_by)),
        escape(&in_a_list(&categories)),
        person(&asked.recipient),
        escape(&asked.purpose.to_string()),
    );
    let reasons = asked.answer.decision.reasons();
    if reasons.is_empty() {
        let _ = writeln!(out, "<p>{}.</p>", escape(&capitalised(&asked.in_words)));
    } else {
        out.push_str("<p>Because:</p>\n<ul>\n");
        for reason in reasons {
            let _ = writeln!(
                out,
                "<li>{}</li>",
                escape(&reason.without_ids().to_string())
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</div>\n");
}

/// Words in a list as a sentence has them: "a", "a and b", "a, b and c".
fn in_a_list(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn step(out: &mut String, number: usize, step: &Step) {
    let _ = write!(
        out,
        "<li>\n<h3 id=\"step-{number}\"><time datetime=\"{}\">{}</time></h3>\n<p>{}</p>\n\
         <p class=\"principle\">The principle: {}.</p>\n",
        step.on,
        step.on.format("%A %-d %B %Y"),
        escape(&step.for_practitioners),
        escape(step.principle_in_words),
    );
    if !step.parties.is_empty() {
        let people: Vec<String> = step.parties.iter().map(person).collect();
        let _ = writeln!(
            out,
            "<p class=\"people\">Taking part: {}.</p>",
            people.join("; ")
        );
    }
    for asked in &step.decisions {
        decision(out, asked, "h4");
    }
    out.push_str("</li>\n");
}

fn exercise(out: &mut String, exercise: &Exercise) {
    let _ = write!(
        out,
        "<section aria-labelledby=\"exercise\">\n<h2 id=\"exercise\">Exercise: {}</h2>\n\
         <p>{}</p>\n<p><strong>{}</strong></p>\n\
         <details class=\"findings\">\n<summary>Show what needs attention</summary>\n",
        exercise.as_of.format("%A %-d %B %Y"),
        escape(exercise.setting),
        escape(exercise.prompt),
    );
    out.push_str("<ul>\n");
    for finding in &exercise.findings {
        let _ = writeln!(
            out,
            "<li class=\"finding\" data-code=\"{}\">{} <em>({})</em></li>",
            escape(&code(finding)),
            escape(&finding.explanation),
            escape(finding.principle.words()),
        );
    }
    out.push_str("</ul>\n</details>\n");
    if !exercise.questions.is_empty() {
        out.push_str("<h3>Questions</h3>\n<ol class=\"questions\">\n");
        for (n, question) in exercise.questions.iter().enumerate() {
            let _ = write!(
                out,
                "<li>\n<p id=\"question-{}\">{}</p>\n<details class=\"answer\" data-question=\"{}\">\n\
                 <summary>Show the answer</summary>\n<p class=\"answer-word\">{}.</p>\n",
                n + 1,
                escape(question.ask),
                n + 1,
                escape(question.answer),
            );
            decision(out, &question.decision, "h4");
            out.push_str("</details>\n</li>\n");
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

/// A finding's code as the JSON writes it (`update-overdue`).
fn code(finding: &partnership_record::Finding) -> String {
    serde_json::to_value(finding.code)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

impl Scenario {
    /// The scenario as a training page: the situation, a timeline of the steps with
    /// each decision and its reasons, and the practice report or, for a scenario
    /// that ends with an exercise, the exercise, with the report's findings and the
    /// answers revealed on request. One self-contained HTML document: no scripts, no
    /// fonts, nothing fetched.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod scenarios { pub use ::partnership_scenarios::*; } }
    /// let scenario = partnership::scenarios::safeguarding_one_carer().unwrap();
    /// let page = scenario.to_html();
    /// assert!(page.starts_with("<!DOCTYPE html>"));
    /// assert!(page.contains("<h1>A safeguarding concern about one carer</h1>"));
    /// assert!(page.contains("<summary>Show the answer</summary>"));
    /// assert!(!page.contains("<script") && !page.contains("http"));
    /// ```
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        open_page(&mut out, self.title);
        let _ = write!(
            out,
            "<h1>{}</h1>\n<section aria-labelledby=\"situation\">\n\
             <h2 id=\"situation\">The situation</h2>\n<p>{}</p>\n</section>\n\
             <section aria-labelledby=\"timeline\">\n<h2 id=\"timeline\">What happened</h2>\n\
             <ol class=\"timeline\">\n",
            escape(self.title),
            escape(self.situation),
        );
        for (n, each) in self.steps.iter().enumerate() {
            step(&mut out, n + 1, each);
        }
        out.push_str("</ol>\n</section>\n");
        // With an exercise, what the report finds is the answer the learner is asked
        // for: it is shown only when they reveal it, never above the question.
        if let Some(each) = &self.exercise
            && self.report_gives_away_the_exercise()
        {
            exercise(&mut out, each);
            close_page(&mut out);
            return out;
        }
        let _ = write!(
            out,
            "<section aria-labelledby=\"report\">\n\
             <h2 id=\"report\">The practice report on {}</h2>\n",
            self.as_of.format("%A %-d %B %Y")
        );
        if self.report.findings.is_empty() {
            out.push_str("<p>Nothing needs attention: the partnership is on track.</p>\n");
        } else {
            out.push_str("<ul>\n");
            for finding in &self.report.findings {
                let _ = writeln!(
                    out,
                    "<li class=\"finding\">{} <em>({})</em></li>",
                    escape(&finding.explanation),
                    escape(finding.principle.words())
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
        if let Some(each) = &self.exercise {
            exercise(&mut out, each);
        }
        close_page(&mut out);
        out
    }
}

/// The course's front page: the scenarios given, in order, with a link to each one's
/// page and whether it ends with an exercise. A scenario whose slug is not lower-case
/// letters, digits and underscores is left out: no page of that name is written.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod scenarios { pub use ::partnership_scenarios::*; } }
/// let all = partnership::scenarios::all().unwrap();
/// let index = partnership::scenarios::index_html(&all);
/// assert!(index.contains("<a href=\"safeguarding_one_carer.html\">"));
/// ```
pub fn index_html<'a>(scenarios: impl IntoIterator<Item = &'a Scenario>) -> String {
    let mut out = String::new();
    open_page(&mut out, "All scenarios");
    out.push_str(
        "<h1>Partnership with carers: training scenarios</h1>\n<p>Each scenario is a short case \
         to step through: what happened, the decisions made and why, and what the practice \
         report found. Those with an exercise end with something for you to act on.</p>\n\
         <ol>\n",
    );
    for scenario in scenarios {
        // A page's name is its slug: letters, digits and underscores only, so a link
        // is always to a page in the same folder, never a scheme such as `javascript:`.
        if !scenario
            .slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            continue;
        }
        let _ = writeln!(
            out,
            "<li><a href=\"{}.html\">{}</a>{}</li>",
            escape(scenario.slug),
            escape(scenario.title),
            if scenario.exercise.is_some() {
                " (with an exercise)"
            } else {
                ""
            }
        );
    }
    out.push_str("</ol>\n");
    close_page(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::{escape, in_a_list};

    #[test]
    fn lists_read_as_a_sentence() {
        let words = |w: &[&str]| w.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(in_a_list(&words(&[])), "");
        assert_eq!(in_a_list(&words(&["health"])), "health");
        assert_eq!(
            in_a_list(&words(&["health", "contact details"])),
            "health and contact details"
        );
        assert_eq!(in_a_list(&words(&["a", "b", "c"])), "a, b and c");
    }

    #[test]
    fn escape_leaves_nothing_that_means_something_in_html() {
        assert_eq!(
            escape("<b>\"Tom\" & 'Jo'</b>"),
            "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jo&#39;&lt;/b&gt;"
        );
    }
}
