//! Recovery copies: while a plan has unsaved changes the window keeps a copy of it in its data
//! folder, so a crash, a power cut or a killed process loses at most a few seconds of typing.
//!
//! Each running window has its own copy (`recovery-ID.ron`) and holds a lock on its own
//! `recovery-ID.lock` while it runs. At start, a copy whose lock nobody holds belongs to a
//! window that did not close cleanly: it is offered for restoring. A clean exit removes the
//! window's copy and lock. Two windows open at once never take each other's copy.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::plan_file;
use super::safe_write::{self, Backup};
use crate::model::Plan;

const PREFIX: &str = "recovery-";
const COPY_EXTENSION: &str = "ron";
const LOCK_EXTENSION: &str = "lock";

/// What a recovery copy holds.
#[derive(Deserialize)]
struct CopyFile {
    /// The plan's file, if it had one.
    source: Option<PathBuf>,
    plan: Plan,
}

/// A recovery copy as written: the same fields, borrowed (the plan is not copied to write it).
#[derive(Serialize)]
struct CopyToWrite<'a> {
    source: Option<&'a Path>,
    plan: &'a Plan,
}

/// A recovery copy left by a window that did not close cleanly.
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveredCopy {
    /// The plan's file when the copy was written (`None`: a plan never saved).
    pub source: Option<PathBuf>,
    /// When the copy was written.
    pub written: SystemTime,
    pub plan: Plan,
    file: PathBuf,
    lock: PathBuf,
}

impl RecoveredCopy {
    /// Deletes the copy (restored, or the user chose to discard it).
    pub fn remove(&self) -> io::Result<()> {
        remove_if_there(&self.file)?;
        remove_if_there(&self.lock)
    }

    /// The copy's file, to say where it is.
    pub fn file(&self) -> &Path {
        &self.file
    }
}

/// This window's recovery copy.
pub struct Recovery {
    folder: PathBuf,
    copy: PathBuf,
    lock_path: PathBuf,
    /// Held while the window runs: others see the copy is not orphaned.
    lock: Option<File>,
}

impl Recovery {
    /// Prepares this window's copy in `folder` (created if needed) and takes its lock.
    pub fn start(folder: &Path) -> io::Result<Self> {
        fs::create_dir_all(folder)?;
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let id = format!("{PREFIX}{}-{nanos}", std::process::id());
        let lock_path = folder.join(format!("{id}.{LOCK_EXTENSION}"));
        let lock = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&lock_path)?;
        // Where the system cannot lock, the copy still works; only telling a running window's
        // copy from an orphan is lost.
        let _ = lock.try_lock();
        Ok(Self {
            folder: folder.to_path_buf(),
            copy: folder.join(format!("{id}.{COPY_EXTENSION}")),
            lock_path,
            lock: Some(lock),
        })
    }

    /// The folder the copies live in.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Writes (or replaces) this window's copy of the plan, atomically.
    pub fn write(&self, plan: &Plan, source: Option<&Path>) -> io::Result<()> {
        let copy = CopyToWrite { source, plan };
        let text = ron::ser::to_string_pretty(&copy, plan_file::pretty_config())
            .map_err(io::Error::other)?;
        safe_write::write(&self.copy, text.as_bytes(), Backup::Skip).map_err(io::Error::other)?;
        Ok(())
    }

    /// Removes this window's copy (the plan was saved, or its changes discarded).
    pub fn clear(&self) -> io::Result<()> {
        remove_if_there(&self.copy)
    }

    /// A clean exit: removes the copy and the lock.
    pub fn finish(mut self) -> io::Result<()> {
        self.clear()?;
        // Windows cannot delete a file that is open: release the lock first.
        drop(self.lock.take());
        remove_if_there(&self.lock_path)
    }

    /// The copies left by windows that did not close cleanly, newest first. Locks left with no
    /// copy are cleaned up; copies that cannot be read are left where they are.
    pub fn orphans(&self) -> Vec<RecoveredCopy> {
        let Ok(entries) = fs::read_dir(&self.folder) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(id) = recovery_id(&path) else {
                continue;
            };
            let is_copy = path.extension().is_some_and(|e| e == COPY_EXTENSION);
            let lock = self.folder.join(format!("{id}.{LOCK_EXTENSION}"));
            if path == self.copy || lock == self.lock_path || held_by_a_running_window(&lock) {
                continue;
            }
            if !is_copy {
                if !self.folder.join(format!("{id}.{COPY_EXTENSION}")).exists() {
                    let _ = fs::remove_file(&path);
                }
                continue;
            }
            if let Some(copy) = read_copy(&path, lock) {
                found.push(copy);
            }
        }
        found.sort_by_key(|copy| std::cmp::Reverse(copy.written));
        found
    }
}

/// `recovery-ID` of a copy or lock file.
fn recovery_id(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let extension = path.extension()?;
    (stem.starts_with(PREFIX) && (extension == COPY_EXTENSION || extension == LOCK_EXTENSION))
        .then(|| stem.to_owned())
}

/// Whether another running window holds this lock.
fn held_by_a_running_window(lock: &Path) -> bool {
    match File::open(lock) {
        Ok(file) => matches!(file.try_lock(), Err(fs::TryLockError::WouldBlock)),
        Err(_) => false,
    }
}

fn read_copy(file: &Path, lock: PathBuf) -> Option<RecoveredCopy> {
    let text = fs::read_to_string(file).ok()?;
    let written = fs::metadata(file).and_then(|m| m.modified()).ok()?;
    let copy: CopyFile = plan_file::ron_options().from_str(&text).ok()?;
    Some(RecoveredCopy {
        source: copy.source,
        written,
        plan: copy.plan,
        file: file.to_path_buf(),
        lock,
    })
}

fn remove_if_there(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
