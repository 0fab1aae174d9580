//! What the command says about a record's ledger, and the keys that sign it:
//! `check --public-key` and `--witness`, `key generate`, and `migrate`.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use partnership_consent::{LEDGER_FORMAT, LedgerSigningKey, LedgerVerifyingKey};
use partnership_record::{Document, PartnershipRecord};

use crate::Failure;
use crate::share::{read_key, recorded_but, signed_so_far};
use crate::store::{LockedRecord, Witness, head_json};

/// What `check` trusts a record's ledger against: a public key, a witness, or nothing
/// (and then it says what the ledger does and does not prove).
pub(crate) struct Trust {
    key: Option<LedgerVerifyingKey>,
    witness: Option<Witness>,
    records: bool,
}

/// What `check` prints for a valid document, and whether it stays valid.
pub(crate) struct Checked {
    pub text: String,
    pub valid: bool,
}

impl Trust {
    pub(crate) fn new(
        document: Document,
        public_key: Option<&str>,
        witness: Option<&Path>,
    ) -> Result<Self, Failure> {
        let records = document == Document::Record;
        if !records && (public_key.is_some() || witness.is_some()) {
            return Err(Failure(
                "--public-key and --witness check a record's ledger, so they go with --document record".into(),
            ));
        }
        let key = public_key
            .map(|text| {
                LedgerVerifyingKey::from_hex(text)
                    .map_err(|e| Failure(format!("--public-key: {e}")))
            })
            .transpose()?;
        let witness = witness.map(Witness::open).transpose()?;
        Ok(Self {
            key,
            witness,
            records,
        })
    }

    /// The lines for `file`, a document that is valid, and whether its ledger holds
    /// up against the key and the witness.
    pub(crate) fn check(&self, file: &Path, bytes: &[u8]) -> Result<Checked, Failure> {
        let shown = file.display();
        let mut text = format!("{shown}: valid\n");
        if !self.records {
            return Ok(Checked { text, valid: true });
        }
        let record = PartnershipRecord::from_reader(bytes)
            .map_err(|e| Failure(format!("{shown}: the record is not valid: {e}")))?;
        let mut valid = true;
        if let Some(witness) = &self.witness
            && let Err(Failure(message)) = witness.check(&record)
        {
            valid = false;
            text = format!("{shown}: /disclosures: {message} [ledger-not-witnessed]\n");
        }
        if let Some(key) = &self.key
            && let Err(e) = record.verify_with_key(key)
        {
            if valid {
                text.clear();
            }
            valid = false;
            // A record read as valid has a sound chain and checkpoints: what is left
            // is a checkpoint of this key, named by its place in the list.
            let root = partnership_core::Pointer::root();
            let at = root
                .field("checkpoints")
                .at(&partnership_core::Located::field(&e));
            text.push_str(&format!("{shown}: {at}: {e} [ledger-not-signed]\n"));
        }
        if valid {
            text.push_str(&notes(file, &record, self.key.is_some()));
        }
        Ok(Checked { text, valid })
    }
}

/// What a valid record's ledger proves, in a line or two.
fn notes(file: &Path, record: &PartnershipRecord, key_checked: bool) -> String {
    let shown = file.display();
    let ledger = &record.disclosures();
    let mut notes = String::new();
    if ledger.format() != LEDGER_FORMAT {
        notes.push_str(&format!(
            "{shown}: note: its ledger is in format {}; migrate it (partnership migrate) before recording more\n",
            ledger.format()
        ));
    }
    if ledger.is_empty() || key_checked {
        return notes;
    }
    match record.checkpoints().iter().max_by_key(|c| c.length) {
        None => notes.push_str(&format!(
            "{shown}: note: its ledger's {} checksummed only, with no signed checkpoint: whoever can write the file could re-hash {} (sign with share --record --key, check with check --public-key)\n",
            match ledger.len() {
                1 => "1 entry is".to_owned(),
                n => format!("{n} entries are"),
            },
            if ledger.len() == 1 { "it" } else { "them" }
        )),
        Some(latest) => notes.push_str(&format!(
            "{shown}: note: its ledger is signed up to entry {} by key {}; give --public-key to check it against a key you trust\n",
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
        .map_err(|e| Failure(format!("could not read the system's random source ({e})")))?;
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
        Failure(format!(
            "{}: cannot make it ({}); a key file is never overwritten",
            path.display(),
            e.kind()
        ))
    };
    let mut file = options.open(path).map_err(failed)?;
    file.write_all(format!("{hex}\n").as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(failed)?;
    writeln!(out, "{}", key.verifying_key())
        .map_err(|e| Failure(format!("could not write the output ({})", e.kind())))?;
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
        .map_err(write_failed)?;
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
        .map_err(|e| Failure(format!("{}: {e}", file.display())))?;
    let mut parts = record.into_parts();
    parts.disclosures = migration.ledger;
    // Checkpoints of the old chain sign heads the new chain no longer has.
    parts.checkpoints.clear();
    let mut record = PartnershipRecord::try_from(parts).map_err(|e| {
        Failure(format!(
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
    .map_err(write_failed)?;
    if let Some(witness) = &witness
        && let Err(Failure(message)) = witness.keep(migration.to)
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
            .map_err(write_failed)?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(c) => {
            return Err(Failure(format!(
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
    .map_err(write_failed)?;
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
    .map_err(write_failed)?;
    Ok(ExitCode::SUCCESS)
}

fn write_failed(e: std::io::Error) -> Failure {
    Failure(format!("could not write the output ({})", e.kind()))
}
