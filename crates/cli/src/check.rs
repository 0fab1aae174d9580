//! `partnership check`: each file read as a kind of document, every problem listed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use partnership_core::json::InputLimits;
use partnership_record::Document;

use crate::{Failure, MAX_INPUT_BYTES, ledger, read_input, write_err};

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
}

pub(crate) fn run(check: &Check<'_>, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    let limits = InputLimits {
        max_bytes: usize::try_from(MAX_INPUT_BYTES).unwrap_or(usize::MAX),
        max_depth: check.max_depth,
        max_string_bytes: check.max_string_bytes,
    };
    let trust = ledger::Trust::new(check.document, check.public_key, check.witness)?;
    let mut all_valid = true;
    for file in check.files {
        match check_document(file, check.document, &limits)? {
            Ok(bytes) => {
                if let Some(problems) = out_of_step(check, file, &bytes) {
                    all_valid = false;
                    write!(out, "{problems}").map_err(write_err)?;
                    continue;
                }
                let text = trust.check(file, &bytes)?;
                all_valid &= text.valid;
                write!(out, "{}", text.text).map_err(write_err)?;
            }
            Err(problems) => {
                all_valid = false;
                write!(out, "{problems}").map_err(write_err)?;
            }
        }
    }
    Ok(if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// With `--duty-to-share-from`, a valid record's ledger entries that record another
/// commencement day, as lines to print; `None` when there are none (or no day given).
fn out_of_step(check: &Check<'_>, path: &Path, bytes: &[u8]) -> Option<String> {
    let day = check.duty_to_share_from?;
    if check.document != Document::Record {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let record = partnership_record::PartnershipRecord::from_json(text).ok()?;
    let law = partnership_consent::LawInForce {
        duty_to_share_from: Some(day),
        ..partnership_consent::LawInForce::default()
    };
    let problems = record.ledger_problems_under(&law);
    (!problems.is_empty()).then(|| {
        problems
            .iter()
            .map(|p| format!("{}: {p}\n", path.display()))
            .collect()
    })
}

/// Checks one file as `document`: `Ok(Err(..))` carries the problems (exit 1).
fn check_document(
    path: &Path,
    document: Document,
    limits: &InputLimits,
) -> Result<Result<Vec<u8>, String>, Failure> {
    let bytes = read_input(path)?;
    Ok(document
        .check(&bytes, limits)
        .map(|()| bytes)
        .map_err(|problems| {
            problems
                .iter()
                .map(|p| format!("{}: {p}\n", path.display()))
                .collect()
        }))
}
