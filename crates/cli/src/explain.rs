//! `partnership explain`: documents for carers and children, from a record.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use partnership_explain::{CarerDocument, Explained};
use partnership_reviews::WorkingCalendar;

use crate::{Failure, json, valid_record, write_err};

/// What `explain` is asked to explain.
pub(crate) enum Subject<'a> {
    /// A consent, by id.
    Consent(&'a str),
    /// A ledger entry, by index.
    Decision(usize),
    /// A discussion in the contact log, by index.
    Contact(usize),
}

/// How the documents are printed.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ExplainFormat {
    /// Plain text, the documents one after another.
    Text,
    /// An array of documents as data (the CarerDocument schema).
    Json,
    /// One self-contained page (one document: name the carer with --carer).
    Html,
}

pub(crate) fn run(
    file: &Path,
    subject: &Subject<'_>,
    carer: Option<&str>,
    format: ExplainFormat,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    let record = valid_record(file)?;
    let carer = carer
        .map(|id| {
            id.parse::<partnership_core::CarerId>()
                .map_err(|e| Failure::input(format!("--carer: {e}")))
        })
        .transpose()?;
    let refused = |e: partnership_explain::ExplainError| Failure::input(e.to_string());
    let explained: Explained = match subject {
        Subject::Consent(id) => {
            let id = id
                .parse::<partnership_core::ConsentId>()
                .map_err(|e| Failure::input(format!("--consent: {e}")))?;
            partnership_explain::consent_conversation(&record, id, carer).map_err(refused)?
        }
        Subject::Decision(index) => {
            partnership_explain::decision_explained(&record, *index, carer).map_err(refused)?
        }
        Subject::Contact(index) => partnership_explain::what_we_agreed(
            &record,
            *index,
            carer,
            &WorkingCalendar::england_and_wales(),
        )
        .map_err(refused)?,
    };
    // Nobody concerned is left out unsaid: the practitioner learns how many, and
    // why, but not who (the reason is a withholding rule).
    if explained.left_out > 0 {
        let _ = writeln!(
            std::io::stderr(),
            "partnership: {} of those concerned {} no document: it would name someone a withholding rule protects from them",
            explained.left_out,
            if explained.left_out == 1 {
                "gets"
            } else {
                "get"
            }
        );
    }
    let documents = explained.documents;
    match format {
        ExplainFormat::Json => write!(out, "{}", json(&documents)).map_err(write_err)?,
        ExplainFormat::Text => {
            let texts: Vec<String> = documents.iter().map(CarerDocument::to_text).collect();
            write!(out, "{}", texts.join("\n---\n\n")).map_err(write_err)?;
        }
        ExplainFormat::Html => match documents.as_slice() {
            [one] => write!(out, "{}", one.to_html()).map_err(write_err)?,
            _ => {
                return Err(Failure::input(format!(
                    "this makes {} documents, one for each carer; name one with --carer ID for a page",
                    documents.len()
                )));
            }
        },
    }
    Ok(ExitCode::SUCCESS)
}
