//! Changing a record file so that no change is lost and no file is left half-written.
//!
//! What a database gives for free, done by hand for one file:
//!
//! - **One writer at a time.** An exclusive lock on a lock file beside the record
//!   (`.NAME.lock`), held from reading the record to writing it back, so twenty
//!   processes recording at once make twenty entries. The lock is on a file of its
//!   own, never removed: the record itself is replaced on every write, and a lock on
//!   a file that has been replaced locks nothing.
//! - **Read under the lock.** Whatever was read before is read again.
//! - **The target, not the link.** A record given as a symbolic link is resolved, and
//!   the file it points to is the one replaced.
//! - **A new file, then a rename.** The new record goes into a temporary file created
//!   exclusively, with a name nobody can guess, in the same directory, with the
//!   original's permissions (personal data stays as private as it was); it is flushed
//!   to disk, renamed over the record, and the directory flushed too. A process killed
//!   at any moment leaves the old record or the new one, and a temporary file is
//!   removed on every failure.
//! - **A witness**, when asked: the ledger's last head kept in a file of its own,
//!   checked before each change (the ledger must extend it: nothing dropped from the
//!   end, nothing rewritten) and moved on after.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use partnership_consent::LedgerHead;
use partnership_record::PartnershipRecord;

use crate::{Failure, read_input, valid_record};

/// The record file a change is made to: its resolved path and its lock.
pub(crate) struct LockedRecord {
    target: PathBuf,
    // Held until dropped: the lock is released when the file is closed.
    _lock: File,
}

fn io_failure(path: &Path, what: &str) -> impl Fn(std::io::Error) -> Failure {
    let shown = path.display().to_string();
    let what = what.to_owned();
    move |e| Failure(format!("{shown}: {what} ({})", e.kind()))
}

impl LockedRecord {
    /// Resolves `path` to the file it names and locks it against other writers,
    /// waiting for any that holds the lock.
    pub(crate) fn lock(path: &Path) -> Result<Self, Failure> {
        if path == Path::new("-") {
            return Err(Failure(
                "--record writes the decision back to the record file, so the record cannot be standard input".into(),
            ));
        }
        let target = fs::canonicalize(path).map_err(io_failure(path, "cannot open it"))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let lock_path = target.with_file_name(format!(".{name}.lock"));
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).read(true).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let lock = options
            .open(&lock_path)
            .map_err(io_failure(&lock_path, "cannot create the lock file"))?;
        lock.lock()
            .map_err(io_failure(&lock_path, "cannot lock it"))?;
        Ok(Self {
            target,
            _lock: lock,
        })
    }

    /// The record as it is now, read under the lock.
    pub(crate) fn read(&self) -> Result<PartnershipRecord, Failure> {
        valid_record(&self.target)
    }

    /// Replaces the record with `record`: a new file, flushed, renamed over the old
    /// one, the directory flushed.
    pub(crate) fn write(&self, record: &PartnershipRecord) -> Result<(), Failure> {
        replace(&self.target, (record.to_json() + "\n").as_bytes())
    }
}

/// Replaces the file at `target` with `bytes`, keeping its permissions: see the module
/// documentation.
pub(crate) fn replace(target: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let failed = io_failure(target, "cannot write it");
    let directory = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".partnership-")
        .suffix(".tmp")
        .tempfile_in(directory)
        .map_err(&failed)?;
    if let Ok(metadata) = fs::metadata(target) {
        temp.as_file()
            .set_permissions(metadata.permissions())
            .map_err(&failed)?;
    }
    temp.write_all(bytes).map_err(&failed)?;
    temp.as_file().sync_all().map_err(&failed)?;
    // On error the temporary file is removed when `temp` is dropped.
    temp.persist(target).map_err(|e| failed(e.error))?;
    File::open(directory)
        .and_then(|d| d.sync_all())
        .map_err(io_failure(directory, "cannot flush the directory"))
}

/// A witness file: the ledger head last seen, kept apart from the record.
pub(crate) struct Witness {
    path: PathBuf,
    head: Option<LedgerHead>,
}

impl Witness {
    /// Reads the witness at `path`; a file not there yet is a witness that has seen
    /// nothing, and is made on the first write.
    pub(crate) fn open(path: &Path) -> Result<Self, Failure> {
        if !path.exists() {
            return Ok(Self {
                path: path.to_owned(),
                head: None,
            });
        }
        let bytes = read_input(path)?;
        let head = partnership_core::json::from_json_slice::<LedgerHead>(&bytes)
            .map_err(|e| Failure(format!("{}: not a ledger head ({e})", path.display())))?;
        Ok(Self {
            path: path.to_owned(),
            head: Some(head),
        })
    }

    /// Refuses a record whose ledger does not extend the head this witness saw.
    pub(crate) fn check(&self, record: &PartnershipRecord) -> Result<(), Failure> {
        match &self.head {
            Some(head) if record.disclosures.verify_against(head).is_err() => {
                Err(Failure(format!(
                    "{}: the record's ledger does not extend the head this witness kept ({} entries, ending {}): entries were removed from the end, or the ledger rewritten, since",
                    self.path.display(),
                    head.length,
                    head.hash
                )))
            }
            _ => Ok(()),
        }
    }

    /// Moves the witness on to `head`.
    pub(crate) fn keep(&self, head: LedgerHead) -> Result<(), Failure> {
        let json = serde_json::to_string(&head).unwrap_or_default() + "\n";
        replace(&self.path, json.as_bytes())
    }
}
