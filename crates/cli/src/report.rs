//! `partnership report` and `partnership due`: a record's practice report, and what
//! is due across many records.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use partnership_consent::LawInForce;
use partnership_record::{ServiceLimits, due_items};
use partnership_reviews::WorkingCalendar;

use crate::{Failure, Format, json, valid_record, write_err};

pub(crate) fn report(
    file: &Path,
    as_of: NaiveDate,
    format: Format,
    law: &LawInForce,
    limits: &ServiceLimits,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    let record = valid_record(file)?;
    let calendar = WorkingCalendar::england_and_wales();
    let report = record.practice_report_within(as_of, &calendar, law, limits);
    let text = match format {
        Format::Text => report.to_text(),
        Format::Json => json(&report),
    };
    write!(out, "{text}").map_err(write_err)?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn due(
    files: &[PathBuf],
    as_of: NaiveDate,
    within: u32,
    format: Format,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    // Every file is read, whatever the others hold: one bad file is reported and
    // the list is made of the rest, with the status of the worst.
    let mut status = 0;
    let mut records = Vec::new();
    for file in files {
        match valid_record(file) {
            Ok(record) => records.push(record),
            Err(Failure { message, status: s }) => {
                // The message names the file: in each problem, or in what could
                // not be read.
                let _ = writeln!(std::io::stderr(), "partnership: {message}");
                status = status.max(s);
            }
        }
    }
    let items = due_items(
        &records,
        as_of,
        within,
        &WorkingCalendar::england_and_wales(),
    );
    match format {
        Format::Json => write!(out, "{}", json(&items)).map_err(write_err)?,
        Format::Text => {
            if items.is_empty() {
                writeln!(out, "Nothing due by {as_of} + {within} days.").map_err(write_err)?;
            }
            for item in &items {
                let when = match item.days_overdue {
                    d if d > 0 => format!("overdue by {d} day{}", if d == 1 { "" } else { "s" }),
                    0 => "due today".to_owned(),
                    d => format!("due in {} day{}", -d, if d == -1 { "" } else { "s" }),
                };
                writeln!(
                    out,
                    "{}  {:<18} {:<22} record {} {}",
                    item.due,
                    serde_json::to_value(item.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default(),
                    when,
                    item.record,
                    item.pointer
                )
                .map_err(write_err)?;
            }
        }
    }
    Ok(ExitCode::from(status))
}
