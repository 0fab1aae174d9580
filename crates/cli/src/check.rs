//! `partnership check`: each file read as a kind of document, every problem listed,
//! every file checked whatever the others hold.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use partnership_core::json::InputLimits;
use partnership_record::{CheckedFile, Document, Problem};

use crate::{
    Failure, Format, INPUT, INVALID, MAX_INPUT_BYTES, json, ledger, read_input, write_err,
};

/// What `check` was asked to do.
pub(crate) struct Check<'a> {
    pub files: &'a [PathBuf],
    pub document: Document,
    pub max_depth: usize,
    pub max_string_bytes: usize,
    pub public_key: Option<&'a str>,
    pub witness: Option<&'a Path>,
    /// For records: the duty to share's commencement day as the service has it; every
    /// ledger entry that records another is a problem.
    pub duty_to_share_from: Option<chrono::NaiveDate>,
    pub format: Format,
}

/// The lines `check` prints for a file.
fn text(found: &CheckedFile) -> String {
    let path = &found.path;
    if let Some(error) = &found.error {
        return format!("{path}: {error}\n");
    }
    if found.valid {
        let mut text = format!("{path}: valid\n");
        for note in &found.notes {
            text.push_str(&format!("{path}: note: {note}\n"));
        }
        return text;
    }
    found
        .problems
        .iter()
        .map(|p| format!("{path}: {p}\n"))
        .collect()
}

pub(crate) fn run(check: &Check<'_>, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    let limits = InputLimits {
        max_bytes: usize::try_from(MAX_INPUT_BYTES).unwrap_or(usize::MAX),
        max_depth: check.max_depth,
        max_string_bytes: check.max_string_bytes,
    };
    let trust = ledger::Trust::new(check.document, check.public_key, check.witness)?;
    let mut status = 0;
    let mut all = Vec::new();
    for file in check.files {
        let found = check_file(check, &trust, file, &limits);
        status = status.max(match (&found.error, found.valid) {
            (Some(_), _) => INPUT,
            (None, false) => INVALID,
            (None, true) => 0,
        });
        match check.format {
            // An unreadable file is said on standard error, as every command says
            // what it could not read; problems with a document are its output.
            Format::Text if found.error.is_some() => {
                let _ = write!(std::io::stderr(), "partnership: {}", text(&found));
            }
            Format::Text => {
                write!(out, "{}", text(&found)).map_err(|e| write_err(e).after(status))?;
            }
            Format::Json => all.push(found),
        }
    }
    if check.format == Format::Json {
        write!(out, "{}", json(&all)).map_err(|e| write_err(e).after(status))?;
    }
    Ok(ExitCode::from(status))
}

/// One file, read and checked: never stops the files after it.
fn check_file(
    check: &Check<'_>,
    trust: &ledger::Trust,
    file: &Path,
    limits: &InputLimits,
) -> CheckedFile {
    let mut found = CheckedFile {
        path: file.display().to_string(),
        valid: false,
        problems: Vec::new(),
        notes: Vec::new(),
        error: None,
    };
    let bytes = match read_input(file) {
        Ok(bytes) => bytes,
        Err(Failure { message, .. }) => {
            // The message names the file already; keep only what is wrong.
            let prefix = format!("{}: ", found.path);
            found.error = Some(message.strip_prefix(&prefix).unwrap_or(&message).to_owned());
            return found;
        }
    };
    if let Err(problems) = check.document.check(&bytes, limits) {
        found.problems = problems;
        return found;
    }
    found.problems = out_of_step(check, &bytes);
    if !found.problems.is_empty() {
        return found;
    }
    match trust.check(&bytes) {
        Ok(checked) => {
            found.valid = checked.problems.is_empty();
            found.problems = checked.problems;
            found.notes = checked.notes;
        }
        Err(Failure { message, .. }) => found.error = Some(message),
    }
    found
}

/// With `--duty-to-share-from`, a valid record's ledger entries that record another
/// commencement day; none when there are none (or no day given).
fn out_of_step(check: &Check<'_>, bytes: &[u8]) -> Vec<Problem> {
    let Some(day) = check.duty_to_share_from else {
        return Vec::new();
    };
    if check.document != Document::Record {
        return Vec::new();
    }
    let Some(record) = std::str::from_utf8(bytes)
        .ok()
        .and_then(|text| partnership_record::PartnershipRecord::from_json(text).ok())
    else {
        return Vec::new();
    };
    let law = partnership_consent::LawInForce {
        duty_to_share_from: Some(day),
        ..partnership_consent::LawInForce::default()
    };
    record.ledger_problems_under(&law)
}
