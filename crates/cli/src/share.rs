//! `partnership share`: a sharing question answered by the record.
//!
//! The command is the one place that reads the clock: the library takes the time of
//! a decision as an argument. Without `--record` the answer is a what-if, recorded
//! nowhere; with `--record` the decision is made now and written to the record's
//! ledger before the answer is printed.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, Utc};
use partnership_consent::{SharingDecision, SharingQuestion};
use partnership_core::json::from_json_slice;
use partnership_record::{DecisionError, PartnershipRecord};
use serde::Serialize;

use crate::{Failure, Format, json, midday, read_input, valid_record};

/// The answer as JSON: whether it was recorded (and where), and the decision.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Answer<'a> {
    /// `false` for a what-if: nothing was shared or recorded.
    recorded: bool,
    /// The ledger entry that records the decision, when recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    ledger_index: Option<u64>,
    decision: &'a SharingDecision,
}

pub(crate) fn run(
    file: &Path,
    request: &Path,
    as_of: Option<NaiveDate>,
    append: bool,
    format: Format,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    if append && file == Path::new("-") {
        return Err(Failure(
            "--record writes the decision back to the record file, so the record cannot be standard input".into(),
        ));
    }
    // The command reads the clock; the library never does.
    let now = DateTime::<Utc>::from(std::time::SystemTime::now());
    let today = now.date_naive();
    let at = match as_of {
        None => now,
        Some(day) if day == today => now,
        Some(day) if append => {
            return Err(Failure(format!(
                "--as-of {day}: with --record a decision is made and recorded now, so the date can only be today ({today}); leave --as-of out, or ask without --record for a what-if on another day"
            )));
        }
        Some(day) => midday(day),
    };
    let mut record = valid_record(file)?;
    let bytes = read_input(request)?;
    let question: SharingQuestion =
        from_json_slice(&bytes).map_err(|e| Failure(format!("{}: {e}", request.display())))?;
    let failed = |e: DecisionError| Failure(format!("{}: {e}", request.display()));
    if !append {
        let answer = record.what_if(&question, at).map_err(failed)?;
        let json = Answer {
            recorded: false,
            ledger_index: None,
            decision: answer.decision(),
        };
        show(out, format, &answer, &json)?;
        return Ok(ExitCode::SUCCESS);
    }
    let decided = record.decide(&question, at).map_err(failed)?;
    write_record(file, &record)?;
    let json = Answer {
        recorded: true,
        ledger_index: Some(decided.ledger_index()),
        decision: decided.decision(),
    };
    show(out, format, &decided, &json)?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the answer as text or as JSON.
fn show(
    out: &mut dyn Write,
    format: Format,
    text: &dyn std::fmt::Display,
    json_answer: &Answer<'_>,
) -> Result<(), Failure> {
    match format {
        Format::Text => writeln!(out, "{text}"),
        Format::Json => write!(out, "{}", json(json_answer)),
    }
    .map_err(|e| Failure(format!("could not write the output ({})", e.kind())))
}

/// Writes the record back in place of `file`.
fn write_record(file: &Path, record: &PartnershipRecord) -> Result<(), Failure> {
    let temp = file.with_extension("json.partnership-tmp");
    fs::write(&temp, record.to_json() + "\n")
        .and_then(|()| fs::rename(&temp, file))
        .map_err(|e| {
            Failure(format!(
                "{}: cannot write it ({})",
                file.display(),
                e.kind()
            ))
        })
}
