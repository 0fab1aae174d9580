//! The `partnership` command: check records, print practice reports and due lists,
//! decide sharing requests, export review meetings and write the JSON Schemas.
//!
//! Results go to standard output and errors to standard error. Exit codes: 0 when
//! everything is valid, 1 when a record is invalid, 2 for usage and input errors.
//! `-` reads standard input. Bad input never produces a panic or a stack trace.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, Utc};
use clap::{Parser, Subcommand, ValueEnum};
use partnership_consent::{SharingRequest, decide};
use partnership_core::json::{InputLimits, from_json_slice};
use partnership_record::{Document, PartnershipRecord, due_items, schema};
use partnership_reviews::{
    CalendarEvent, MeetingConstraints, MeetingWindow, WorkingCalendar, propose_meeting,
    to_icalendar,
};

/// The largest input read, in bytes: records are far smaller; a bigger input is
/// refused before it is read.
const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Parser)]
#[command(
    name = "partnership",
    version,
    about = "Check partnership records, report on them, and decide what may be shared.",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Checks one file as `document`: `Ok(Err(..))` carries the problems (exit 1).
fn check_document(
    path: &Path,
    document: Document,
    limits: &InputLimits,
) -> Result<Result<(), String>, Failure> {
    let bytes = read_input(path)?;
    Ok(document.check(&bytes, limits).map_err(|problems| {
        problems
            .iter()
            .map(|p| format!("{}: {p}\n", path.display()))
            .collect()
    }))
}

#[derive(Subcommand)]
enum Command {
    /// Write the JSON Schemas (draft 2020-12) for every document, or list them.
    #[command(after_help = "Example:\n  partnership schema --out schemas")]
    Schema {
        /// Directory to write the schema files into (created if missing).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Check records, or other documents: print every problem with its JSON Pointer.
    #[command(
        after_help = "Examples:\n  partnership check record.json other.json\n  partnership check --document sharing-request request.json\n  partnership check --document ledger ledger.jsonl\n\nExit 0 when all are valid, 1 when any is invalid, 2 on usage or input errors."
    )]
    Check {
        /// Files (`-` for standard input).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The kind of document the files hold: record, child-profile, carer,
        /// communication-agreement, contact-record, shared-goal, consent-record,
        /// sharing-request, sharing-decision, withholding-rule,
        /// safeguarding-justification, ledger-entry, ledger (JSON lines), barrier,
        /// review-schedule or review-outcome.
        #[arg(long, default_value = "record")]
        document: Document,
        /// The deepest nesting of objects and arrays accepted.
        #[arg(long, default_value_t = InputLimits::default().max_depth)]
        max_depth: usize,
        /// The longest string accepted, in bytes.
        #[arg(long, default_value_t = InputLimits::default().max_string_bytes)]
        max_string_bytes: usize,
    },
    /// Print a record's practice report.
    #[command(
        after_help = "Example:\n  partnership report record.json --as-of 2026-11-23 --format text"
    )]
    Report {
        /// The record file (`-` for standard input).
        file: PathBuf,
        /// The date to report as of (YYYY-MM-DD).
        #[arg(long)]
        as_of: NaiveDate,
        /// Text or JSON.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// List what is due or overdue across records, soonest first.
    #[command(
        after_help = "Example:\n  partnership due records/*.json --as-of 2026-11-23 --within 14"
    )]
    Due {
        /// Record files (`-` for standard input).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The date to list as of (YYYY-MM-DD).
        #[arg(long)]
        as_of: NaiveDate,
        /// Include what falls due within this many days.
        #[arg(long, default_value_t = 14)]
        within: u32,
        /// Text or JSON.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Decide whether the information in a sharing request may be shared.
    #[command(
        after_help = "Example:\n  partnership share record.json --request request.json --as-of 2026-11-23\n\nWith --record, the decision is appended to the record's ledger and the file rewritten atomically."
    )]
    Share {
        /// The record file.
        file: PathBuf,
        /// The sharing request (a SharingRequest document).
        #[arg(long)]
        request: PathBuf,
        /// The date of the decision (YYYY-MM-DD); recorded at midday UTC.
        #[arg(long)]
        as_of: NaiveDate,
        /// Append the decision to the record's ledger and write the file back.
        #[arg(long)]
        record: bool,
        /// Text or JSON.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Print a record as a FHIR R4 Bundle (type collection) for health partners.
    #[command(
        after_help = "Example:\n  partnership fhir record.json --as-of 2026-11-23 > bundle.json\n\nConsents' statuses are given as of the date. Share the bundle only where a consent or a recorded lawful basis covers it."
    )]
    Fhir {
        /// The record file (`-` for standard input).
        file: PathBuf,
        /// The date to give consents' statuses as of (YYYY-MM-DD).
        #[arg(long)]
        as_of: NaiveDate,
    },
    /// Write each review's proposed next meeting as iCalendar (RFC 5545).
    #[command(
        after_help = "Example:\n  partnership ics record.json --as-of 2026-11-23 > reviews.ics"
    )]
    Ics {
        /// The record file (`-` for standard input).
        file: PathBuf,
        /// The date to plan from (YYYY-MM-DD).
        #[arg(long)]
        as_of: NaiveDate,
    },
}

/// A failure that is the user's input or environment, not a record's content.
struct Failure(String);

fn read_input(path: &Path) -> Result<Vec<u8>, Failure> {
    let shown = path.display();
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        io::stdin()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Failure(format!("standard input: could not read it ({})", e.kind())))?;
    } else {
        let meta = fs::metadata(path)
            .map_err(|e| Failure(format!("{shown}: cannot open it ({})", e.kind())))?;
        if meta.is_dir() {
            return Err(Failure(format!("{shown}: is a directory, not a JSON file")));
        }
        if meta.len() > MAX_INPUT_BYTES {
            return Err(Failure(format!(
                "{shown}: is {} bytes; the most a record may be is {MAX_INPUT_BYTES} bytes",
                meta.len()
            )));
        }
        fs::File::open(path)
            .and_then(|f| f.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes))
            .map_err(|e| Failure(format!("{shown}: could not read it ({})", e.kind())))?;
    }
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_INPUT_BYTES {
        return Err(Failure(format!(
            "{shown}: is larger than {MAX_INPUT_BYTES} bytes, the most a record may be"
        )));
    }
    if let Err(e) = std::str::from_utf8(&bytes) {
        return Err(Failure(format!(
            "{shown}: is not valid UTF-8 (byte {} is not part of a character)",
            e.valid_up_to()
        )));
    }
    Ok(bytes)
}

/// Reads a record; `Ok(Err(..))` carries the record's problems (exit 1).
fn read_record(path: &Path) -> Result<Result<PartnershipRecord, String>, Failure> {
    let bytes = read_input(path)?;
    Ok(
        PartnershipRecord::from_reader(bytes.as_slice()).map_err(|e| {
            e.problems
                .iter()
                .map(|p| format!("{}: {p}\n", path.display()))
                .collect()
        }),
    )
}

fn valid_record(path: &Path) -> Result<PartnershipRecord, Failure> {
    read_record(path)?.map_err(|problems| Failure(format!("the record is not valid:\n{problems}")))
}

fn midday(date: NaiveDate) -> DateTime<Utc> {
    date.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc()
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

fn run(cli: Cli, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    let write_err = |e: io::Error| Failure(format!("could not write the output ({})", e.kind()));
    match cli.command {
        Command::Schema { out: dir } => {
            let docs = schema::documents();
            if let Some(dir) = dir {
                fs::create_dir_all(&dir).map_err(|e| {
                    Failure(format!(
                        "{}: cannot create it ({})",
                        dir.display(),
                        e.kind()
                    ))
                })?;
                for doc in &docs {
                    let path = dir.join(doc.file_name());
                    fs::write(&path, doc.to_pretty_json()).map_err(|e| {
                        Failure(format!(
                            "{}: cannot write it ({})",
                            path.display(),
                            e.kind()
                        ))
                    })?;
                    writeln!(out, "wrote {}", path.display()).map_err(write_err)?;
                }
            } else {
                for doc in &docs {
                    writeln!(out, "{}\t{}", doc.file_name(), doc.name).map_err(write_err)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check {
            files,
            document,
            max_depth,
            max_string_bytes,
        } => {
            let limits = InputLimits {
                max_bytes: usize::try_from(MAX_INPUT_BYTES).unwrap_or(usize::MAX),
                max_depth,
                max_string_bytes,
            };
            let mut all_valid = true;
            for file in &files {
                match check_document(file, document, &limits)? {
                    Ok(_) => writeln!(out, "{}: valid", file.display()).map_err(write_err)?,
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
        Command::Report {
            file,
            as_of,
            format,
        } => {
            let record = valid_record(&file)?;
            let report = record.practice_report(as_of);
            let text = match format {
                Format::Text => report.to_text(),
                Format::Json => json(&report),
            };
            write!(out, "{text}").map_err(write_err)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Due {
            files,
            as_of,
            within,
            format,
        } => {
            let records = files
                .iter()
                .map(|f| valid_record(f))
                .collect::<Result<Vec<_>, _>>()?;
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
                        writeln!(out, "Nothing due by {as_of} + {within} days.")
                            .map_err(write_err)?;
                    }
                    for item in &items {
                        let when = match item.days_overdue {
                            d if d > 0 => {
                                format!("overdue by {d} day{}", if d == 1 { "" } else { "s" })
                            }
                            0 => "due today".to_owned(),
                            d => format!("due in {} day{}", -d, if d == -1 { "" } else { "s" }),
                        };
                        writeln!(
                            out,
                            "{}  {:<16} {:<22} record {} {}",
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
            Ok(ExitCode::SUCCESS)
        }
        Command::Share {
            file,
            request,
            as_of,
            record: append,
            format,
        } => {
            let record = valid_record(&file)?;
            let bytes = read_input(&request)?;
            let request: SharingRequest = from_json_slice(&bytes)
                .map_err(|e| Failure(format!("{}: {e}", request.display())))?;
            // The justification that fits best: none of its problems, or the fewest.
            let justification = record
                .justifications
                .iter()
                .filter(|j| j.child == request.child)
                .min_by_key(|j| j.problems(&request).len())
                .cloned();
            let justification = justification.as_ref();
            let decision = if append {
                let mut parts = record.into_parts();
                let recorded_at = midday(as_of).max(
                    parts
                        .disclosures
                        .last()
                        .map_or(midday(as_of), |e| e.recorded_at),
                );
                let outcome = parts
                    .disclosures
                    .decide(
                        &request,
                        &parts.consents,
                        &parts.withholding_rules,
                        justification,
                        recorded_at,
                    )
                    .map_err(|e| Failure(format!("the decision could not be recorded: {e}")))?;
                let updated = PartnershipRecord::try_from(parts).map_err(|e| {
                    Failure(format!(
                        "the record would not be valid after recording: {e}"
                    ))
                })?;
                let temp = file.with_extension("json.partnership-tmp");
                fs::write(&temp, updated.to_json() + "\n")
                    .and_then(|()| fs::rename(&temp, &file))
                    .map_err(|e| {
                        Failure(format!(
                            "{}: cannot write it ({})",
                            file.display(),
                            e.kind()
                        ))
                    })?;
                outcome.decision
            } else {
                decide(
                    &request,
                    &record.consents,
                    &record.withholding_rules,
                    justification,
                )
            };
            match format {
                Format::Text => writeln!(out, "{decision}").map_err(write_err)?,
                Format::Json => write!(out, "{}", json(&decision)).map_err(write_err)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Fhir { file, as_of } => {
            let record = valid_record(&file)?;
            let bundle = record.to_fhir_bundle(as_of);
            writeln!(out, "{}", bundle.to_json()).map_err(write_err)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Ics { file, as_of } => {
            let record = valid_record(&file)?;
            let calendar = WorkingCalendar::england_and_wales();
            let available: Vec<MeetingWindow> = record
                .carers
                .iter()
                .filter(|c| !c.involvement.is_restricted())
                .flat_map(|c| c.communication.availability.iter())
                .map(|w| MeetingWindow {
                    day: w.day,
                    from: w.from,
                    until: w.until,
                })
                .collect();
            let avoid_days = record
                .carers
                .iter()
                .flat_map(|c| c.considerations.religious_observances.iter())
                .flat_map(|o| o.days_to_avoid.iter().copied())
                .collect::<Vec<_>>();
            let mut events = Vec::new();
            for schedule in record.reviews.iter() {
                let Ok(due) = schedule.next_review_due(&calendar) else {
                    continue;
                };
                let window_start = due
                    .date
                    .checked_sub_days(chrono::Days::new(14))
                    .unwrap_or(due.date)
                    .max(as_of);
                let constraints = MeetingConstraints {
                    not_before: window_start.min(due.date),
                    deadline: due.date,
                    duration_minutes: 60,
                    available: available.clone(),
                    avoid_days: avoid_days.clone(),
                    avoid_dates: Vec::new(),
                };
                let Ok(proposal) = propose_meeting(&calendar, &constraints) else {
                    continue;
                };
                // A stable id for the next meeting of this schedule: exporting again
                // updates the same calendar event rather than adding another.
                let next = u128::try_from(schedule.outcomes.len()).unwrap_or(0) + 1;
                let review = partnership_core::ReviewId::from_uuid(uuid::Uuid::from_u128(
                    schedule.id.as_uuid().as_u128().wrapping_add(next),
                ));
                events.push(CalendarEvent {
                    review,
                    date: proposal.date,
                    time: proposal.starts_at.map(|t| (t, 60)),
                    kind: schedule.kind.to_string(),
                    personal_detail: None,
                });
            }
            write!(out, "{}", to_icalendar(&events, midday(as_of))).map_err(write_err)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match run(cli, &mut out) {
        Ok(code) => code,
        Err(Failure(message)) => {
            let _ = writeln!(io::stderr(), "partnership: {message}");
            ExitCode::from(2)
        }
    }
}
