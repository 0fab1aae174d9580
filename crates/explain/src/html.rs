//! A document as a page to print or hand over: one self-contained HTML file in the
//! document's language, with nothing fetched.

use std::fmt::Write as _;

use crate::CarerDocument;

/// Escapes text for HTML: every text from the record passes through here.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

pub(crate) fn page(document: &CarerDocument) -> String {
    let title = document.title.as_deref().unwrap_or(&document.greeting);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n\
         body {{ font-family: system-ui, sans-serif; font-size: 1.25rem; line-height: 1.6; \
         max-width: 38rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; background: #ffffff; }}\n\
         .note {{ border-left: 0.3rem solid #1d4f91; padding-left: 1rem; }}\n\
         </style>\n</head>\n<body>\n<main>\n",
        document.language.tag(),
        escape(title),
    );
    if let Some(note) = &document.note {
        let _ = writeln!(out, "<p class=\"note\" lang=\"en-GB\">{}</p>", escape(note));
    }
    if let Some(title) = &document.title {
        let _ = writeln!(out, "<h1>{}</h1>", escape(title));
    }
    let _ = writeln!(out, "<p>{}</p>", escape(&document.greeting));
    for paragraph in &document.paragraphs {
        let _ = writeln!(out, "<p>{}</p>", escape(paragraph));
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
