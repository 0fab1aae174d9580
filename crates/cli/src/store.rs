//! Changing a record file so that no change is lost and no file is left half-written.
//!
//! What a database gives for free, done by hand for one file:
//!
//! - **One writer at a time.** An exclusive lock on the record file itself, held from
//!   reading it to writing it back. A write replaces the file with a new one, so a
//!   writer that was waiting wakes holding a lock on a file that is no longer the
//!   record: after locking, it checks that the path still names the file it locked,
//!   and if not, starts again on the new one. Twenty processes recording at once make
//!   twenty entries, and no separate lock file can be swapped, removed or pointed
//!   elsewhere.
//! - **Read under the lock**, through the locked file itself.
//! - **The target, not the link.** A record given as a symbolic link is resolved (and
//!   resolved again after the wait, in case the link was re-pointed meanwhile), and
//!   the file it points to is the one replaced. A record with other hard links is
//!   refused: replacing it would split the names into two records.
//! - **A new file, then a rename.** The new record goes into a temporary file created
//!   exclusively, with a name nobody can guess, in the same directory, with the
//!   original's permissions, owner and group (personal data stays exactly as private
//!   as it was; when the group cannot be kept, nothing is written); it is flushed to
//!   disk, renamed over the record, and the directory flushed too. A process killed at
//!   any moment leaves the old record or the new one, and a temporary file is removed
//!   on every failure.
//! - **A witness**, when asked: the ledger's last head kept in a file of its own, read
//!   under the record's lock, checked (the ledger must extend it: nothing dropped from
//!   the end, nothing rewritten) and moved on after.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use partnership_consent::LedgerHead;
use partnership_record::PartnershipRecord;

use crate::{Failure, MAX_INPUT_BYTES, read_input};

fn io_failure(path: &Path, what: &str) -> impl Fn(std::io::Error) -> Failure {
    let shown = path.display().to_string();
    let what = what.to_owned();
    move |e| Failure::input(format!("{shown}: {what} ({})", e.kind()))
}

/// The record file a change is made to, locked against other writers.
pub(crate) struct LockedRecord {
    target: PathBuf,
    file: File,
}

impl LockedRecord {
    /// Resolves `path` to the file it names and locks it, waiting for any writer that
    /// holds it, until the lock held is on the file the path names.
    pub(crate) fn lock(path: &Path) -> Result<Self, Failure> {
        if path == Path::new("-") {
            return Err(Failure::input(
                "--record writes the decision back to the record file, so the record cannot be standard input".into(),
            ));
        }
        loop {
            let target = fs::canonicalize(path).map_err(io_failure(path, "cannot open it"))?;
            let file = File::open(&target).map_err(io_failure(&target, "cannot open it"))?;
            file.lock().map_err(io_failure(&target, "cannot lock it"))?;
            let locked = file
                .metadata()
                .map_err(io_failure(&target, "cannot read it"))?;
            if !locked.is_file() {
                return Err(Failure::input(format!(
                    "{}: is not a file",
                    target.display()
                )));
            }
            // Still the record? Another writer may have replaced it, or the link been
            // re-pointed, while this one waited.
            let now = fs::canonicalize(path).ok();
            let same = now.as_deref() == Some(target.as_path())
                && fs::metadata(&target).is_ok_and(|m| same_file(&m, &locked));
            if !same {
                continue;
            }
            if links(&locked) > 1 {
                return Err(Failure::input(format!(
                    "{}: the record has other hard links; writing it would split them into two records, so link it with a symbolic link instead",
                    target.display()
                )));
            }
            return Ok(Self { target, file });
        }
    }

    /// The record as it is now, read through the locked file.
    pub(crate) fn read(&mut self) -> Result<PartnershipRecord, Failure> {
        let mut bytes = Vec::new();
        (&self.file)
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(io_failure(&self.target, "could not read it"))?;
        if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_INPUT_BYTES {
            return Err(Failure::input(format!(
                "{}: is larger than {MAX_INPUT_BYTES} bytes, the most a record may be",
                self.target.display()
            )));
        }
        PartnershipRecord::from_reader(bytes.as_slice()).map_err(|e| {
            let problems: String = e
                .problems
                .iter()
                .map(|p| format!("{}: {p}\n", self.target.display()))
                .collect();
            Failure::invalid(format!("the record is not valid:\n{problems}"))
        })
    }

    /// Replaces the record with `record`: a new file with the record's permissions,
    /// owner and group, flushed, renamed over the old one, the directory flushed.
    pub(crate) fn write(&self, record: &PartnershipRecord) -> Result<(), Failure> {
        replace(&self.target, (record.to_json() + "\n").as_bytes())
    }

    /// Where the record is.
    pub(crate) fn path(&self) -> &Path {
        &self.target
    }
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok()
}

#[cfg(unix)]
fn links(metadata: &fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    metadata.nlink()
}

#[cfg(not(unix))]
fn links(_: &fs::Metadata) -> u64 {
    1
}

/// Replaces the file at `target` (already resolved) with `bytes`, keeping its
/// permissions, owner and group: see the module documentation.
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
        keep_owner(temp.as_file(), &metadata, target)?;
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

/// Gives the new file the old one's owner and group, or refuses: a record that
/// changed group on being written would be readable by people it was not before.
#[cfg(unix)]
fn keep_owner(file: &File, old: &fs::Metadata, target: &Path) -> Result<(), Failure> {
    use std::os::unix::fs::MetadataExt;
    let new = file
        .metadata()
        .map_err(io_failure(target, "cannot write it"))?;
    if new.uid() == old.uid() && new.gid() == old.gid() {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).map_err(|e| {
        Failure::input(format!(
            "{}: cannot give the new file the record's owner and group ({}); nothing was written, so that the record does not become readable by others",
            target.display(),
            e.kind()
        ))
    })
}

#[cfg(not(unix))]
fn keep_owner(_: &File, _: &fs::Metadata, _: &Path) -> Result<(), Failure> {
    Ok(())
}

/// A witness file: the ledger head last seen, kept apart from the record.
pub(crate) struct Witness {
    path: PathBuf,
    head: LedgerHead,
}

impl Witness {
    /// Reads the witness at `path`, following a link to the file it names. A witness
    /// must exist: one made anew whenever the file is missing would let anyone who
    /// deletes it wipe what it saw.
    pub(crate) fn open(path: &Path) -> Result<Self, Failure> {
        if path == Path::new("-") {
            return Err(Failure::input(
                "--witness is a file kept apart from the record; it cannot be standard input"
                    .into(),
            ));
        }
        let resolved = fs::canonicalize(path).map_err(|e| {
            Failure::input(format!(
                "{}: no witness there ({}); make one with partnership witness RECORD --out {}",
                path.display(),
                e.kind(),
                path.display()
            ))
        })?;
        let bytes = read_input(&resolved)?;
        let head = partnership_core::json::from_json_slice::<LedgerHead>(&bytes)
            .map_err(|e| Failure::input(format!("{}: not a ledger head ({e})", path.display())))?;
        Ok(Self {
            path: resolved,
            head,
        })
    }

    /// Makes a new witness of `head` at `path`, which must not exist.
    pub(crate) fn create(path: &Path, head: LedgerHead) -> Result<(), Failure> {
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        let mut file = options.open(path).map_err(|e| {
            Failure::input(format!(
                "{}: cannot make it ({}); a witness is never overwritten",
                path.display(),
                e.kind()
            ))
        })?;
        file.write_all(head_json(head).as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(io_failure(path, "cannot write it"))
    }

    /// Refuses a record whose ledger does not extend the head this witness saw.
    pub(crate) fn check(&self, record: &PartnershipRecord) -> Result<(), Failure> {
        if record.disclosures().verify_against(&self.head).is_ok() {
            return Ok(());
        }
        Err(Failure::input(format!(
            "{}: the record's ledger does not extend the head this witness kept ({} entries, ending {}): entries were removed from the end, or the ledger rewritten, since",
            self.path.display(),
            self.head.length,
            self.head.hash
        )))
    }

    /// Moves the witness on to `head`.
    pub(crate) fn keep(&self, head: LedgerHead) -> Result<(), Failure> {
        replace(&self.path, head_json(head).as_bytes())
    }

    /// Where the witness is.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }
}

/// A head as the witness file holds it.
pub(crate) fn head_json(head: LedgerHead) -> String {
    serde_json::to_string(&head).unwrap_or_default() + "\n"
}
