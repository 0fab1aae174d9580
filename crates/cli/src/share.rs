//! `partnership share`: a sharing question answered by the record.
//!
//! The command is the one place that reads the clock: the library takes the time of
//! a decision as an argument. Without `--record` the answer is a what-if, recorded
//! nowhere; with `--record` the decision is made now and written to the record's
//! ledger, under the record's lock, before the answer is printed.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use partnership_consent::{
    DetrimentExceptionParts, LawInForce, LedgerSigningKey, SharingDecision, SharingQuestion,
};
use partnership_core::json::from_json_slice;
use partnership_record::{DecisionError, ShareAnswer};

use crate::store::{LockedRecord, Witness};
use crate::{Failure, Format, json, midday, read_input, valid_record, write_err};

/// How far ahead of this machine's clock the ledger's last entry may be (another
/// machine's clock running a little fast) before recording is refused.
pub(crate) const CLOCK_TOLERANCE_MINUTES: i64 = 5;

/// What `share` was asked to do.
pub(crate) struct Share<'a> {
    pub file: &'a Path,
    pub request: &'a Path,
    pub as_of: Option<NaiveDate>,
    pub record: bool,
    pub key: Option<&'a Path>,
    pub witness: Option<&'a Path>,
    pub format: Format,
    /// The commencement days the service has set.
    pub law: LawInForce,
    /// With `record`: a decision not to disclose under the exception to the duty to
    /// share, to record instead of deciding.
    pub not_disclosed: Option<&'a Path>,
}

pub(crate) fn run(share: &Share<'_>, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    if !share.record && (share.key.is_some() || share.witness.is_some()) {
        return Err(Failure::input(
            "--key and --witness go with --record: a what-if changes nothing to sign or witness"
                .into(),
        ));
    }
    if !share.record && share.not_disclosed.is_some() {
        return Err(Failure::input(
            "--not-disclosed goes with --record: a decision not to disclose is recorded, never asked about"
                .into(),
        ));
    }
    let exception = share
        .not_disclosed
        .map(|path| {
            let bytes = read_input(path)?;
            from_json_slice::<DetrimentExceptionParts>(&bytes)
                .map_err(|e| Failure::invalid(format!("{}: {e}", path.display())))
        })
        .transpose()?;
    let bytes = read_input(share.request)?;
    // A question that does not read is an invalid document: exit 1, as `check`
    // says of it. One the record cannot decide now (a ledger to migrate first, a
    // request already decided) is a use of the command to put right: exit 2.
    let question: SharingQuestion = from_json_slice(&bytes)
        .map_err(|e| Failure::invalid(format!("{}: {e}", share.request.display())))?;
    let failed = |e: DecisionError| Failure::input(format!("{}: {e}", share.request.display()));
    if !share.record {
        let now = clock();
        let at = match share.as_of {
            Some(day) if day != now.date_naive() => midday(day),
            _ => now,
        };
        let record = valid_record(share.file)?;
        let answer = record
            .what_if_under(&question, at, &share.law)
            .map_err(failed)?;
        let json = ShareAnswer {
            recorded: false,
            ledger_index: None,
            decision: answer.decision().clone(),
        };
        show(out, share.format, &answer, &json)?;
        return Ok(ExitCode::SUCCESS);
    }
    let key = share.key.map(read_key).transpose()?;
    let mut locked = LockedRecord::lock(share.file)?;
    // Everything the decision rests on is read under the lock, the clock included: a
    // writer that waited decides at the time it decides.
    let witness = share.witness.map(Witness::open).transpose()?;
    let mut record = locked.read()?;
    let now = clock();
    if let Some(day) = share.as_of.filter(|day| *day != now.date_naive()) {
        return Err(Failure::input(format!(
            "--as-of {day}: with --record a decision is made and recorded now, so the date can only be today ({}); leave --as-of out, or ask without --record for a what-if on another day",
            now.date_naive()
        )));
    }
    if let Some(witness) = &witness {
        witness.check(&record)?;
    }
    if let Some(key) = &key {
        signed_so_far(&record, key, locked.path())?;
    }
    let at = recording_time(now, record.disclosures().last_recorded_at())?;
    let ledger_index = match exception {
        Some(exception) => {
            let index = record
                .record_not_disclosed(&question, exception, at, &share.law)
                .map_err(|e| match (&e, share.not_disclosed) {
                    // The exception's own problems point into the exception's file.
                    (DecisionError::Exception { .. }, Some(path)) => {
                        Failure::input(format!("{}: {e}", path.display()))
                    }
                    _ => failed(e),
                })?;
            if let Some(key) = &key {
                record.sign_ledger(key);
            }
            locked.write(&record)?;
            let decision = record
                .disclosures()
                .iter()
                .last()
                .map(|entry| &entry.decision)
                .ok_or_else(|| Failure::input("the decision was not recorded".into()))?;
            // The judgement in words is personal data: it stays in the record and is
            // never printed, as a justification's reason is not.
            let printed = without_explanation(decision)?;
            let json = ShareAnswer {
                recorded: true,
                ledger_index: Some(index),
                decision: printed,
            };
            show(
                out,
                share.format,
                &format_args!("{decision}\nrecorded as ledger entry {index}"),
                &json,
            )?;
            index
        }
        None => {
            let decided = record
                .decide_under(&question, at, &share.law)
                .map_err(failed)?;
            if let Some(key) = &key {
                record.sign_ledger(key);
            }
            locked.write(&record)?;
            let json = ShareAnswer {
                recorded: true,
                ledger_index: Some(decided.ledger_index()),
                decision: decided.decision().clone(),
            };
            show(out, share.format, &decided, &json)?;
            decided.ledger_index()
        }
    };
    // The decision is recorded: a witness that cannot be moved on is reported with
    // its own exit status, so that nobody asks again and records it twice.
    if let Some(witness) = &witness
        && let Err(Failure { message, .. }) = witness.keep(record.disclosures().head())
    {
        return Ok(recorded_but(&format!(
            "the decision was recorded as ledger entry {}, but the witness {} was not moved on: {message}; write {} to it by hand",
            ledger_index,
            witness.path().display(),
            crate::store::head_json(record.disclosures().head()).trim()
        )));
    }
    Ok(ExitCode::SUCCESS)
}

/// Exit status 3: the record was changed, and what was to follow (moving the witness
/// on) failed. Asking again would record the decision twice.
pub(crate) const RECORDED_BUT: u8 = 3;

/// Says what failed after the record was written, and gives exit status 3.
pub(crate) fn recorded_but(message: &str) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "partnership: {message}");
    ExitCode::from(RECORDED_BUT)
}

/// This machine's clock: the command reads it, the library never does.
fn clock() -> DateTime<Utc> {
    DateTime::<Utc>::from(std::time::SystemTime::now())
}

/// Before signing a new head, the ledger as it stands must already be signed by the
/// same key up to its last entry (or be empty): otherwise the key would vouch for
/// entries it never saw, which is how a forged ledger gets a genuine signature.
pub(crate) fn signed_so_far(
    record: &partnership_record::PartnershipRecord,
    key: &LedgerSigningKey,
    path: &Path,
) -> Result<(), Failure> {
    if record.disclosures().is_empty() {
        return Ok(());
    }
    record.verify_with_key(&key.verifying_key()).map_err(|e| {
        Failure::input(format!(
            "{}: the ledger is not signed by this key up to its last entry ({e}), so signing now would vouch for entries the key never saw; check the ledger, then sign it deliberately with partnership sign",
            path.display()
        ))
    })
}

/// The time to record a decision at: this machine's clock, never before the ledger's
/// last entry. A last entry a little ahead (another machine's clock) is matched; one
/// further ahead than the tolerance means a clock is wrong, and recording is refused
/// rather than stamped with a time nobody can trust.
fn recording_time(
    now: DateTime<Utc>,
    last: Option<DateTime<Utc>>,
) -> Result<DateTime<Utc>, Failure> {
    match last {
        Some(last) if last > now + Duration::minutes(CLOCK_TOLERANCE_MINUTES) => {
            Err(Failure::input(format!(
                "the ledger's last entry is dated {}, more than {CLOCK_TOLERANCE_MINUTES} minutes after this machine's clock ({}): a clock is wrong (this one, or the one that recorded it), and nothing was recorded",
                last.to_rfc3339(),
                now.to_rfc3339()
            )))
        }
        Some(last) if last > now => Ok(last),
        _ => Ok(now),
    }
}

/// Reads a secret ledger key file (64 hexadecimal digits), refusing one that others
/// can read.
pub(crate) fn read_key(path: &Path) -> Result<LedgerSigningKey, Failure> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map_err(|e| {
                Failure::input(format!("{}: cannot open it ({})", path.display(), e.kind()))
            })?
            .permissions()
            .mode();
        if mode & 0o077 != 0 {
            return Err(Failure::input(format!(
                "{}: the key file can be read by others (mode {:o}); make it readable by its owner only (chmod 600)",
                path.display(),
                mode & 0o777
            )));
        }
    }
    let bytes = read_input(path)?;
    let text = String::from_utf8_lossy(&bytes);
    LedgerSigningKey::from_hex(&text)
        .map_err(|e| Failure::input(format!("{}: {e}", path.display())))
}

/// Prints the answer as text or as JSON.
/// A decision not to disclose as it is printed: the judgement in words left out.
fn without_explanation(decision: &SharingDecision) -> Result<SharingDecision, Failure> {
    let SharingDecision::NotDisclosed { exception } = decision else {
        return Ok(decision.clone());
    };
    let mut parts = exception.clone().into_parts();
    parts.explanation = partnership_core::Sensitive::new(
        "(recorded in the ledger; not printed, as it may hold personal data)".to_owned(),
    );
    if let partnership_consent::DetrimentReason::Other { .. } = parts.reason {
        parts.reason = partnership_consent::DetrimentReason::Other {
            label: partnership_core::Label::new("a reason recorded in words")
                .map_err(|e| Failure::input(e.to_string()))?,
        };
    }
    let exception = partnership_consent::DetrimentException::try_from(parts)
        .map_err(|e| Failure::input(e.to_string()))?;
    Ok(SharingDecision::NotDisclosed { exception })
}

fn show(
    out: &mut dyn Write,
    format: Format,
    text: &dyn std::fmt::Display,
    json_answer: &ShareAnswer,
) -> Result<(), Failure> {
    match format {
        Format::Text => writeln!(out, "{text}"),
        Format::Json => write!(out, "{}", json(json_answer)),
    }
    .map_err(write_err)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn recording_times_are_honest() {
        let now = at("2026-12-01T10:00:00Z");
        assert!(recording_time(now, None).is_ok_and(|t| t == now));
        assert!(recording_time(now, Some(at("2026-11-01T10:00:00Z"))).is_ok_and(|t| t == now));
        // A little ahead: matched, never before it.
        let ahead = at("2026-12-01T10:03:00Z");
        assert!(recording_time(now, Some(ahead)).is_ok_and(|t| t == ahead));
        // Far ahead, as after a run with a wrong clock: refused, not stamped.
        assert!(recording_time(now, Some(at("9999-12-31T12:00:00Z"))).is_err());
    }
}
