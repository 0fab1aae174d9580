//! A document as a page to print or hand over: one self-contained HTML file in the
//! document's language, with nothing fetched.

use std::fmt::Write as _;

use crate::CarerDocument;

// Every text from the record passes through here.
use partnership_core::escape_html as escape;

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
