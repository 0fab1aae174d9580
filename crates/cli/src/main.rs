//! The `partnership` command: check records, print practice reports and due lists,
//! decide sharing requests, export review meetings and write the JSON Schemas.
//!
//! Results go to standard output and errors to standard error. Exit codes, the same
//! on every subcommand: 0 when everything is valid, 1 when any record or document is
//! invalid, 2 for usage and input errors, and 3 when a decision was recorded but what
//! follows it (moving a witness on) failed: the message says what to do, and asking
//! again would record it twice. Batches go on past a bad file. `-` reads standard
//! input. Bad input never produces a panic or a stack trace, and a closed pipe ends
//! the command quietly.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, Utc};

mod check;
mod explain;
mod ics;
mod ledger;
mod report;
mod scenarios;
mod schemas;
mod share;
mod store;
use clap::{Parser, Subcommand, ValueEnum};
use partnership_core::json::InputLimits;
use partnership_record::{Document, PartnershipRecord};

/// The largest input read, in bytes: records are far smaller; a bigger input is
/// refused before it is read.
pub(crate) const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

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

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Write the JSON Schemas (draft 2020-12) for every document, or list them.
    #[command(
        after_help = "Examples:\n  partnership schema --out schemas\n  partnership schema carer > carer.schema.json"
    )]
    Schema {
        /// Print only this schema: its document's name (`carer`, `partnership-record`)
        /// or file name (`carer.schema.json`).
        name: Option<String>,
        /// Directory to write the schema files into (created if missing).
        #[arg(long, conflicts_with = "name")]
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
        /// sharing-question, sharing-request, sharing-decision, withholding-rule,
        /// safeguarding-justification, competence-assessment, ledger-entry, ledger
        /// (JSON lines), barrier, review-schedule or review-outcome.
        #[arg(long, default_value = "record")]
        document: Document,
        /// The deepest nesting of objects and arrays accepted.
        #[arg(long, default_value_t = InputLimits::default().max_depth)]
        max_depth: usize,
        /// The longest string accepted, in bytes.
        #[arg(long, default_value_t = InputLimits::default().max_string_bytes)]
        max_string_bytes: usize,
        /// For records: the public key (64 hexadecimal digits) whose signed checkpoint
        /// must cover every entry of the ledger.
        #[arg(long)]
        public_key: Option<String>,
        /// For records: the first day of the duty to share (Children Act 2004 s.16LA)
        /// as the service has it (YYYY-MM-DD); a ledger entry that records another
        /// day is a problem.
        #[arg(long, value_parser = parse_date, allow_hyphen_values = true)]
        duty_to_share_from: Option<NaiveDate>,
        /// For records: a witness file (a ledger head kept apart); the ledger must
        /// extend it.
        #[arg(long)]
        witness: Option<PathBuf>,
        /// Text (a line per problem) or JSON (an array with one object per file:
        /// path, valid, problems with pointer, rule, message, line and column).
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Make or manage the keys that sign ledger checkpoints.
    Key {
        #[command(subcommand)]
        command: KeyCommand,
    },
    /// Sign a record's ledger, as it stands, with a key that has not signed it before:
    /// the deliberate first signature, by someone who has checked it.
    #[command(
        after_help = "Example:\n  partnership sign record.json --key service.key\n\nAfter this, share --record --key keeps the ledger signed; it refuses a ledger the key\nhas not signed up to its last entry."
    )]
    Sign {
        /// The record file.
        file: PathBuf,
        /// The secret key file.
        #[arg(long)]
        key: PathBuf,
    },
    /// Start a witness of a record's ledger: its head, kept in a file apart.
    #[command(
        after_help = "Example:\n  partnership witness record.json --out record.head\n\nThe file is never overwritten; share --record --witness moves it on after each decision."
    )]
    Witness {
        /// The record file.
        file: PathBuf,
        /// The witness file to make (must not exist).
        #[arg(long)]
        out: PathBuf,
    },
    /// Re-chain a record's ledger in the current format (an explicit migration of a
    /// format 1 ledger), and re-sign and re-witness it when asked.
    #[command(
        after_help = "Example:\n  partnership migrate record.json --key service.key --witness record.head\n\nThe new head is printed; anyone who kept the old one learns it here."
    )]
    Migrate {
        /// The record file.
        file: PathBuf,
        /// Sign a checkpoint of the migrated ledger with this secret key file.
        #[arg(long)]
        key: Option<PathBuf>,
        /// A witness of the old ledger, checked first and moved on to the new head.
        #[arg(long)]
        witness: Option<PathBuf>,
    },
    /// Print a record's practice report.
    #[command(
        after_help = "Example:\n  partnership report record.json --as-of 2026-11-23 --format text"
    )]
    Report {
        /// The record file (`-` for standard input).
        file: PathBuf,
        /// The date to report as of (YYYY-MM-DD); today in England if not given.
        #[arg(long, value_parser = parse_date, allow_hyphen_values = true)]
        as_of: Option<NaiveDate>,
        /// Text or JSON.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// The first day of the duty to include the consistent child identifier
        /// (Children Act 2004 s.16LC), as the service has it from the commencement
        /// regulations (YYYY-MM-DD). Without it the duty is not in force.
        #[arg(long, value_parser = parse_date, allow_hyphen_values = true)]
        consistent_identifier_from: Option<NaiveDate>,
        /// Days a consent asked for may wait for an answer before the report raises
        /// it (1 to 3660; the library's practice default is 28).
        #[arg(long, default_value_t = 28, value_parser = clap::value_parser!(u32).range(1..=3660))]
        consent_answer_within: u32,
    },
    /// List what is due or overdue across records, soonest first.
    #[command(
        after_help = "Example:\n  partnership due records/*.json --as-of 2026-11-23 --within 14"
    )]
    Due {
        /// Record files (`-` for standard input).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The date to list as of (YYYY-MM-DD); today in England if not given.
        #[arg(long, value_parser = parse_date, allow_hyphen_values = true)]
        as_of: Option<NaiveDate>,
        /// Include what falls due within this many days (at most 3660, ten years).
        #[arg(long, default_value_t = 14, value_parser = clap::value_parser!(u32).range(..=3660))]
        within: u32,
        /// Text or JSON.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Decide whether the information a sharing question asks about may be shared.
    #[command(
        after_help = "Examples:\n  partnership share record.json --request question.json\n  partnership share record.json --request question.json --record\n\nWithout --record the answer is a what-if: nothing is shared or recorded, and it says so.\nWith --record the decision is made now, on the record's own facts, appended to the\nrecord's ledger and the file rewritten atomically, before the answer is printed.\nThe question names the requester and the recipient by id; an older request file\nthat describes the recipient, or gives a time or the child's capacity, is read, and\nis refused where what it says disagrees with the record."
    )]
    Share {
        /// The record file.
        file: PathBuf,
        /// The sharing question (a SharingQuestion document; older SharingRequest
        /// files are read too).
        #[arg(long)]
        request: PathBuf,
        /// The decision date (YYYY-MM-DD), today if not given. With --record the
        /// decision is made and recorded now, so only today is accepted.
        #[arg(long, value_parser = parse_date, allow_hyphen_values = true)]
        as_of: Option<NaiveDate>,
        /// Decide now, append the decision to the record's ledger and write the file
        /// back, under a lock on the record.
        #[arg(long)]
        record: bool,
        /// With --record: sign a checkpoint of the ledger with this secret key file
        /// (made by `partnership key generate`); the key is never written to the record.
        #[arg(long)]
        key: Option<PathBuf>,
        /// With --record: a file keeping the ledger's last head apart from the record
        /// (made by `partnership witness`). A record whose ledger does not extend it is
        /// refused; it is moved on after each decision.
        #[arg(long)]
        witness: Option<PathBuf>,
        /// The first day of the duty to share safeguarding information (Children Act
        /// 2004 s.16LA), as the service has it from the commencement regulations
        /// (YYYY-MM-DD). Without it the duty is not in force.
        #[arg(long, value_parser = parse_date, allow_hyphen_values = true)]
        duty_to_share_from: Option<NaiveDate>,
        /// With --record: record a decision not to disclose under the exception to the
        /// duty to share (s.16LA(3)) from this file (a DetrimentException document:
        /// reason, explanation, decidedBy, approvedBy, dutyToShareFrom), instead of
        /// deciding. Needs --duty-to-share-from.
        #[arg(long)]
        not_disclosed: Option<PathBuf>,
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
        /// The date to give consents' statuses as of (YYYY-MM-DD); today in England
        /// if not given.
        #[arg(long, value_parser = parse_date, allow_hyphen_values = true)]
        as_of: Option<NaiveDate>,
    },
    /// Print the teaching scenarios: every one, or the one named, as text or JSON.
    #[command(
        after_help = "Examples:\n  partnership scenarios\n  partnership scenarios safeguarding_one_carer --voice developers\n  partnership scenarios --format json > scenarios.json\n  partnership scenarios --format html --out pages\n\nThe JSON is described by the Scenario schema (partnership schema scenario): one\nobject for a named scenario, an array of them otherwise. The people are fictional."
    )]
    Scenarios {
        /// The scenario's short name (`safeguarding_one_carer`); every scenario, in
        /// the order of the course, if not given.
        name: Option<String>,
        /// Text (a narrative and the practice report), JSON (the steps as data, the
        /// record and the report) or HTML (a training page per scenario and an index,
        /// written to --out).
        #[arg(long, value_enum, default_value = "text")]
        format: scenarios::ScenarioFormat,
        /// Who the text is for: practitioners (plain English) or developers (with
        /// the library calls and the parts of the record they changed).
        /// Practitioners if not given; only with --format text.
        #[arg(long, value_enum)]
        voice: Option<scenarios::VoiceArg>,
        /// With --format html: the folder to write the pages to (created if missing).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write for a carer or the child: a consent conversation, a decision explained,
    /// or what was agreed in a discussion, in plain words and in their language.
    #[command(
        after_help = "Examples:\n  partnership explain record.json --consent 3c9d2e1f-…\n  partnership explain record.json --decision 0 --carer 0f8e7c1a-…\n  partnership explain record.json --contact 2 --format json\n\nWithout --carer: for whoever the consent is asked of, every carer (a decision), or every\ncarer in the discussion. Decisions and discussions are numbered from 0, in the\norder of the record's disclosures and contactLog. English and Welsh are complete;\nany other language is written in English with a note saying so."
    )]
    #[command(group(clap::ArgGroup::new("subject").required(true).args(["consent", "decision", "contact"])))]
    Explain {
        /// The record file (`-` for standard input).
        file: PathBuf,
        /// A consent being asked for, by id: what would be shared, with whom and why.
        #[arg(long)]
        consent: Option<String>,
        /// A decision in the record's ledger, by its index: why it was or was not shared.
        #[arg(long)]
        decision: Option<usize>,
        /// A discussion in the contact log, by its index: what was agreed.
        #[arg(long)]
        contact: Option<usize>,
        /// Write for this carer only (their id).
        #[arg(long)]
        carer: Option<String>,
        /// Text, JSON (an array of documents) or HTML (one page).
        #[arg(long, value_enum, default_value = "text")]
        format: explain::ExplainFormat,
    },
    /// Write each review's proposed next meeting as iCalendar (RFC 5545).
    #[command(
        after_help = "Example:\n  partnership ics record.json --as-of 2026-11-23 > reviews.ics"
    )]
    Ics {
        /// The record file (`-` for standard input).
        file: PathBuf,
        /// The date to plan from (YYYY-MM-DD); today in England if not given.
        #[arg(long, value_parser = parse_date, allow_hyphen_values = true)]
        as_of: Option<NaiveDate>,
    },
}

#[derive(Subcommand)]
enum KeyCommand {
    /// Make a new secret key for signing ledger checkpoints; print its public half.
    #[command(
        after_help = "Example:\n  partnership key generate --out service.key\n\nThe file is made readable by its owner only, and never overwritten. Keep it out of\nevery record and every backup of records; give the printed public key to whoever\nchecks the ledgers (partnership check --public-key KEY)."
    )]
    Generate {
        /// The file to write the secret key to (must not exist).
        #[arg(long)]
        out: PathBuf,
    },
}

/// What stops a command, and the exit status it ends with.
pub(crate) struct Failure {
    /// What to print on standard error; empty for a closed pipe.
    pub(crate) message: String,
    /// The exit status.
    pub(crate) status: u8,
}

/// Exit status 1: a record or document is not valid.
pub(crate) const INVALID: u8 = 1;

/// Exit status 2: the command was misused, or its input could not be read.
pub(crate) const INPUT: u8 = 2;

impl Failure {
    /// The user's input or environment: a file that cannot be read, a flag that does
    /// not fit (exit 2).
    pub(crate) fn input(message: String) -> Self {
        Self {
            message,
            status: INPUT,
        }
    }

    /// A record or document that is not valid (exit 1).
    pub(crate) fn invalid(message: String) -> Self {
        Self {
            message,
            status: INVALID,
        }
    }

    /// Whoever reads the output stopped reading (`| head`): nothing more to say.
    fn closed_pipe() -> Self {
        Self {
            message: String::new(),
            status: 0,
        }
    }

    /// A batch stopped by a closed pipe still ends with the worst status of the
    /// files it had read: a script's `| head` must not turn an invalid record into
    /// success.
    pub(crate) fn after(self, status: u8) -> Self {
        if self.message.is_empty() {
            Self {
                status: self.status.max(status),
                ..self
            }
        } else {
            self
        }
    }
}

pub(crate) fn read_input(path: &Path) -> Result<Vec<u8>, Failure> {
    let shown = path.display();
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        io::stdin()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                Failure::input(format!("standard input: could not read it ({})", e.kind()))
            })?;
    } else {
        let meta = fs::metadata(path)
            .map_err(|e| Failure::input(format!("{shown}: cannot open it ({})", e.kind())))?;
        if meta.is_dir() {
            return Err(Failure::input(format!(
                "{shown}: is a directory, not a JSON file"
            )));
        }
        if meta.len() > MAX_INPUT_BYTES {
            return Err(Failure::input(format!(
                "{shown}: is {} bytes; the most a record may be is {MAX_INPUT_BYTES} bytes",
                meta.len()
            )));
        }
        fs::File::open(path)
            .and_then(|f| f.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes))
            .map_err(|e| Failure::input(format!("{shown}: could not read it ({})", e.kind())))?;
    }
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_INPUT_BYTES {
        return Err(Failure::input(format!(
            "{shown}: is larger than {MAX_INPUT_BYTES} bytes, the most a record may be"
        )));
    }
    if let Err(e) = std::str::from_utf8(&bytes) {
        return Err(Failure::input(format!(
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

pub(crate) fn valid_record(path: &Path) -> Result<PartnershipRecord, Failure> {
    read_record(path)?
        .map_err(|problems| Failure::invalid(format!("the record is not valid:\n{problems}")))
}

/// A date given on the command line: `YYYY-MM-DD`, a day that exists, read as
/// every date in a record is.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    partnership_core::parse_canonical_date(text)
        .ok_or_else(|| partnership_core::date_problem(text).to_owned())
}

/// Today, in England: the day a date left out stands for. The command reads the
/// clock; the library never does.
pub(crate) fn today() -> NaiveDate {
    partnership_core::uk_date(DateTime::<Utc>::from(std::time::SystemTime::now()))
}

pub(crate) fn midday(date: NaiveDate) -> DateTime<Utc> {
    partnership_core::noon_on(date)
}

pub(crate) fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

/// The output could not be written: a full disk is a failure; a reader that stopped
/// reading (`partnership due … | head`) ends the command quietly.
pub(crate) fn write_err(e: io::Error) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return Failure::closed_pipe();
    }
    Failure::input(format!("could not write the output ({})", e.kind()))
}

/// Runs one command; each lives in a module of its own.
fn run(cli: Cli, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    match cli.command {
        Command::Schema { name, out: dir } => schemas::run(name.as_deref(), dir, out),
        Command::Check {
            files,
            document,
            max_depth,
            max_string_bytes,
            public_key,
            witness,
            duty_to_share_from,
            format,
        } => check::run(
            &check::Check {
                files: &files,
                document,
                max_depth,
                max_string_bytes,
                public_key: public_key.as_deref(),
                witness: witness.as_deref(),
                duty_to_share_from,
                format,
            },
            out,
        ),
        Command::Report {
            file,
            as_of,
            format,
            consistent_identifier_from,
            consent_answer_within,
        } => report::report(
            &file,
            as_of.unwrap_or_else(today),
            format,
            &partnership_consent::LawInForce {
                consistent_identifier_from,
                ..partnership_consent::LawInForce::default()
            },
            &partnership_record::ServiceLimits {
                consent_answer_within_days: consent_answer_within,
                ..partnership_record::ServiceLimits::default()
            },
            out,
        ),
        Command::Due {
            files,
            as_of,
            within,
            format,
        } => report::due(&files, as_of.unwrap_or_else(today), within, format, out),
        Command::Share {
            file,
            request,
            as_of,
            record,
            key,
            witness,
            format,
            duty_to_share_from,
            not_disclosed,
        } => share::run(
            &share::Share {
                file: &file,
                request: &request,
                as_of,
                record,
                key: key.as_deref(),
                witness: witness.as_deref(),
                format,
                law: partnership_consent::LawInForce {
                    duty_to_share_from,
                    ..partnership_consent::LawInForce::default()
                },
                not_disclosed: not_disclosed.as_deref(),
            },
            out,
        ),
        Command::Key {
            command: KeyCommand::Generate { out: path },
        } => ledger::generate_key(&path, out),
        Command::Migrate { file, key, witness } => {
            ledger::migrate(&file, key.as_deref(), witness.as_deref(), out)
        }
        Command::Sign { file, key } => ledger::sign(&file, &key, out),
        Command::Witness { file, out: path } => ledger::witness(&file, &path, out),
        Command::Fhir { file, as_of } => {
            let record = valid_record(&file)?;
            let bundle = record.to_fhir_bundle(as_of.unwrap_or_else(today));
            writeln!(out, "{}", bundle.to_json()).map_err(write_err)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain {
            file,
            consent,
            decision,
            contact,
            carer,
            format,
        } => {
            let subject = match (consent.as_deref(), decision, contact) {
                (Some(id), _, _) => explain::Subject::Consent(id),
                (None, Some(n), _) => explain::Subject::Decision(n),
                (None, None, Some(n)) => explain::Subject::Contact(n),
                (None, None, None) => {
                    return Err(Failure::input(
                        "say what to explain: --consent ID, --decision N or --contact N".into(),
                    ));
                }
            };
            explain::run(&file, &subject, carer.as_deref(), format, out)
        }
        Command::Ics { file, as_of } => ics::run(&file, as_of.unwrap_or_else(today), out),
        Command::Scenarios {
            name,
            format,
            voice,
            out: dir,
        } => scenarios::run(name.as_deref(), format, voice, dir.as_deref(), out),
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
        Err(Failure { message, status }) => {
            if !message.is_empty() {
                let _ = writeln!(io::stderr(), "partnership: {message}");
            }
            ExitCode::from(status)
        }
    }
}
