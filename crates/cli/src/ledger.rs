//! What the command says about a record's ledger, and the keys that sign it:
//! `check --public-key` and `--witness`, `key generate`, and `migrate`.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use partnership_consent::{LEDGER_FORMAT, LedgerSigningKey, LedgerVerifyingKey};
use partnership_record::{Document, PartnershipRecord, Problem, Rule};

use crate::share::{read_key, recorded_but, signed_so_far};
use crate::store::{LockedRecord, Witness, head_json};
use crate::{Failure, write_err};

/// What `check` trusts a record's ledger against: a public key, a witness, or nothing
/// (and then it says what the ledger does and does not prove).
pub(crate) struct Trust {
    key: Option<LedgerVerifyingKey>,
    witness: Option<Witness>,
    records: bool,
}

/// What `check` finds in a document the library reads as valid: the ledger's problems
/// against the key and the witness, and, when there are none, notes on what the
/// ledger proves.
pub(crate) struct Checked {
    pub problems: Vec<Problem>,
    pub notes: Vec<String>,
}

impl Trust {
    pub(crate) fn new(
        document: Document,
        public_key: Option<&str>,
        witness: Option<&Path>,
    ) -> Result<Self, Failure> {
        let records = document == Document::Record;
        if !records && (public_key.is_some() || witness.is_some()) {
            return Err(Failure::input(
                "--public-key and --witness check a record's ledger, so they go with --document record".into(),
            ));
        }
        let key = public_key
            .map(|text| {
                LedgerVerifyingKey::from_hex(text)
                    .map_err(|e| Failure::input(format!("--public-key: {e}")))
            })
            .transpose()?;
        let witness = witness.map(Witness::open).transpose()?;
        Ok(Self {
            key,
            witness,
            records,
        })
    }

    /// What is found in a document that is valid: whether its ledger holds up
    /// against the key and the witness, and what it proves.
    pub(crate) fn check(&self, bytes: &[u8]) -> Result<Checked, Failure> {
        let mut checked = Checked {
            problems: Vec::new(),
            notes: Vec::new(),
        };
        if !self.records {
            return Ok(checked);
        }
        let record = PartnershipRecord::from_reader(bytes)
            .map_err(|e| Failure::invalid(format!("the record is not valid: {e}")))?;
        let found = |pointer: String, rule, message: String| Problem {
            pointer,
            rule,
            message,
            line: None,
            column: None,
        };
        if let Some(witness) = &self.witness
            && let Err(Failure { message, .. }) = witness.check(&record)
        {
            checked.problems.push(found(
                "/disclosures".to_owned(),
                Rule::LedgerNotWitnessed,
                message,
            ));
        }
        if let Some(key) = &self.key
            && let Err(e) = record.verify_with_key(key)
        {
            // A record read as valid has a sound chain and checkpoints: what is left
            // is a checkpoint of this key, named by its place in the list.
            let root = partnership_core::Pointer::root();
            let at = root
                .field("checkpoints")
                .at(&partnership_core::Located::field(&e));
            checked
                .problems
                .push(found(at.to_string(), Rule::LedgerNotSigned, e.to_string()));
        }
        if checked.problems.is_empty() {
            checked.notes = notes(&record, self.key.is_some());
        }
        Ok(checked)
    }
}

/// What a valid record's ledger proves, in a sentence or two.
fn notes(record: &PartnershipRecord, key_checked: bool) -> Vec<String> {
    let ledger = &record.disclosures();
    let mut notes = Vec::new();
    if ledger.format() != LEDGER_FORMAT {
        notes.push(format!(
            "its ledger is in format {}; migrate it (partnership migrate) before recording more",
            ledger.format()
        ));
    }
    if ledger.is_empty() || key_checked {
        return notes;
    }
    match record.checkpoints().iter().max_by_key(|c| c.length) {
        None => notes.push(format!(
            "its ledger's {} checksummed only, with no signed checkpoint: whoever can write the file could re-hash {} (sign with share --record --key, check with check --public-key)",
            match ledger.len() {
                1 => "1 entry is".to_owned(),
                n => format!("{n} entries are"),
            },
            if ledger.len() == 1 { "it" } else { "them" }
        )),
        Some(latest) => notes.push(format!(
            "its ledger is signed up to entry {} by key {}; give --public-key to check it against a key you trust",
            latest.length,
            latest.key
        )),
    }
    notes
}

/// `partnership key generate --out FILE`.
pub(crate) fn generate_key(path: &Path, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret)
        .map_err(|e| Failure::input(format!("could not read the system's random source ({e})")))?;
    let key = LedgerSigningKey::from_bytes(secret);
    let hex: String = secret.iter().map(|b| format!("{b:02x}")).collect();
    secret.fill(0);
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let failed = |e: std::io::Error| {
        Failure::input(format!(
            "{}: cannot make it ({}); a key file is never overwritten",
            path.display(),
            e.kind()
        ))
    };
    let mut file = options.open(path).map_err(failed)?;
    file.write_all(format!("{hex}\n").as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(failed)?;
    writeln!(out, "{}", key.verifying_key()).map_err(write_err)?;
    Ok(ExitCode::SUCCESS)
}

/// `partnership migrate FILE [--key KEY] [--witness FILE]`.
pub(crate) fn migrate(
    file: &Path,
    key: Option<&Path>,
    witness: Option<&Path>,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    let key = key.map(read_key).transpose()?;
    let mut locked = LockedRecord::lock(file)?;
    let witness = witness.map(Witness::open).transpose()?;
    let record = locked.read()?;
    if let Some(witness) = &witness {
        witness.check(&record)?;
    }
    if record.disclosures().format() == LEDGER_FORMAT {
        writeln!(
            out,
            "{}: the ledger is already in format {LEDGER_FORMAT}; nothing was changed",
            file.display()
        )
        .map_err(write_err)?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(key) = &key {
        // Re-signing vouches for the migrated entries: only for a ledger the key had
        // already signed up to its last entry.
        signed_so_far(&record, key, locked.path())?;
    }
    let migration = record
        .disclosures()
        .migrated()
        .map_err(|e| Failure::invalid(format!("{}: {e}", file.display())))?;
    let mut parts = record.into_parts();
    parts.disclosures = migration.ledger;
    // Checkpoints of the old chain sign heads the new chain no longer has.
    parts.checkpoints.clear();
    let mut record = PartnershipRecord::try_from(parts).map_err(|e| {
        Failure::invalid(format!(
            "{}: the record would not be valid after migrating: {e}",
            file.display()
        ))
    })?;
    if let Some(key) = &key {
        record.sign_ledger(key);
    }
    locked.write(&record)?;
    writeln!(
        out,
        "{}: the ledger's {} entries are in format {LEDGER_FORMAT}; its head was {} and is now {}",
        file.display(),
        migration.to.length,
        migration.from.hash,
        migration.to.hash
    )
    .map_err(write_err)?;
    if let Some(witness) = &witness
        && let Err(Failure { message, .. }) = witness.keep(migration.to)
    {
        return Ok(recorded_but(&format!(
            "the ledger was migrated, but the witness {} was not moved on to its new head: {message}; write {} to it by hand",
            witness.path().display(),
            head_json(migration.to).trim()
        )));
    }
    Ok(ExitCode::SUCCESS)
}

/// `partnership sign FILE --key KEY`: the deliberate first signature of a ledger, by
/// someone who has checked it.
pub(crate) fn sign(file: &Path, key: &Path, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    let key = read_key(key)?;
    let public = key.verifying_key();
    let mut locked = LockedRecord::lock(file)?;
    let mut record = locked.read()?;
    let ours = record.checkpoints().iter().find(|c| c.key == public);
    match ours {
        Some(c) if c.length == record.disclosures().head().length => {
            writeln!(
                out,
                "{}: the ledger is already signed by this key up to its last entry; nothing was changed",
                file.display()
            )
            .map_err(write_err)?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(c) => {
            return Err(Failure::input(format!(
                "{}: this key signed the ledger up to entry {}, and the {} entries after it were recorded without it; check them, then migrate or keep the ledger as it is",
                file.display(),
                c.length,
                record.disclosures().head().length.saturating_sub(c.length)
            )));
        }
        None => {}
    }
    let checkpoint = record.sign_ledger(&key);
    locked.write(&record)?;
    writeln!(
        out,
        "{}: signed the ledger's {} entries, head {}, with key {public}",
        file.display(),
        checkpoint.length,
        checkpoint.head
    )
    .map_err(write_err)?;
    Ok(ExitCode::SUCCESS)
}

/// `partnership witness FILE --out WITNESS`: a new witness of the ledger as it stands.
pub(crate) fn witness(
    file: &Path,
    witness: &Path,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    let mut locked = LockedRecord::lock(file)?;
    let record = locked.read()?;
    let head = record.disclosures().head();
    Witness::create(witness, head)?;
    writeln!(
        out,
        "{}: witnessing {} entries, head {}",
        witness.display(),
        head.length,
        head.hash
    )
    .map_err(write_err)?;
    Ok(ExitCode::SUCCESS)
}
