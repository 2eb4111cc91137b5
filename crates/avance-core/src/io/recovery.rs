//! Recovery copies: while a plan has unsaved changes the window keeps a copy of it in its data
//! folder, so a crash, a power cut or a killed process loses at most a few seconds of typing.
//!
//! Each running window has its own copy (`recovery-ID.ron`) and holds a lock on its own
//! `recovery-ID.lock` while it runs. At start, a copy whose lock nobody holds belongs to a
//! window that did not close cleanly: it is offered for restoring. A clean exit removes the
//! window's copy and lock. Two windows open at once never take each other's copy.
//!
//! A copy remembers the plan's file as the system names it (a path that is not valid Unicode,
//! as on a Windows share mounted on Linux, is kept as the system's own bytes or UTF-16 units)
//! and what that file held when the edits began ([`DiskStamp`]), so restoring it over a file
//! someone saved since cannot go unnoticed. A restored copy becomes the restoring window's own
//! ([`Recovery::adopt`]): it is never deleted before its content is saved or discarded.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::plan_file;
use super::safe_write::{self, Backup, DiskStamp, WriteError};
use crate::model::Plan;

const PREFIX: &str = "recovery-";
const COPY_EXTENSION: &str = "ron";
const LOCK_EXTENSION: &str = "lock";

/// What a recovery copy holds.
#[derive(Deserialize)]
struct CopyFile {
    /// The plan's file, if it had one.
    source: Option<StoredPath>,
    /// What that file held when the edits began; absent in copies of earlier versions.
    #[serde(default)]
    disk: Option<DiskStamp>,
    plan: Plan,
}

/// A recovery copy as written: the same fields, borrowed (the plan is not copied to write it).
#[derive(Serialize)]
struct CopyToWrite<'a> {
    source: Option<StoredPath>,
    disk: Option<DiskStamp>,
    plan: &'a Plan,
}

/// A recovery copy left by a window that did not close cleanly.
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveredCopy {
    /// The plan's file when the copy was written (`None`: a plan never saved).
    pub source: Option<PathBuf>,
    /// What the plan's file held when the edits in the copy began (`None`: not known, a copy
    /// written by an earlier version of Avance).
    pub disk: Option<DiskStamp>,
    /// When the copy was written.
    pub written: SystemTime,
    pub plan: Plan,
    file: PathBuf,
    lock: PathBuf,
}

impl RecoveredCopy {
    /// Deletes the copy (the user chose to discard it), unless another window has restored it
    /// since (then it is that window's to delete).
    pub fn remove(&self) -> io::Result<()> {
        if held_by_a_running_window(&self.lock) {
            return Ok(());
        }
        safe_write::remove_if_there(&self.file)?;
        safe_write::remove_if_there(&self.lock)
    }

    /// The copy's file, to say where it is.
    pub fn file(&self) -> &Path {
        &self.file
    }
}

/// What windows that did not close cleanly left.
#[derive(Debug, Default, PartialEq)]
pub struct Orphans {
    /// Their copies, newest first.
    pub copies: Vec<RecoveredCopy>,
    /// Copies that could not be read (damaged, or written by a newer Avance): left where they
    /// are, for the officer to look at.
    pub unreadable: Vec<PathBuf>,
}

/// Why a copy could not be taken over by this window.
#[derive(Debug, thiserror::Error)]
pub enum AdoptError {
    /// Another window (started at the same time) restored it first.
    #[error("another window restored this copy")]
    TakenByAnotherWindow,
    #[error(transparent)]
    Io(#[from] io::Error),
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
        // A name no other window has: two windows of one process may read the same clock.
        let mut n = 0u32;
        let (id, lock_path, lock) = loop {
            let id = match n {
                0 => format!("{PREFIX}{}-{nanos}", std::process::id()),
                n => format!("{PREFIX}{}-{nanos}-{n}", std::process::id()),
            };
            let lock_path = folder.join(format!("{id}.{LOCK_EXTENSION}"));
            match OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&lock_path)
            {
                Ok(lock) => break (id, lock_path, lock),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
                Err(e) => return Err(e),
            }
        };
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

    /// Writes (or replaces) this window's copy of the plan, atomically: the plan, its file
    /// (`source`) and what that file held when the edits began (`disk`).
    pub fn write(
        &self,
        plan: &Plan,
        source: Option<&Path>,
        disk: Option<DiskStamp>,
    ) -> Result<(), WriteError> {
        let copy = CopyToWrite {
            source: source.map(|p| StoredPath(p.to_path_buf())),
            disk,
            plan,
        };
        let text = ron::ser::to_string_pretty(&copy, plan_file::pretty_config())
            .map_err(|e| WriteError::Io(io::Error::other(e)))?;
        safe_write::write(&self.copy, text.as_bytes(), Backup::Skip).map(drop)
    }

    /// Removes this window's copy (the plan was saved, or its changes discarded).
    pub fn clear(&self) -> io::Result<()> {
        safe_write::remove_if_there(&self.copy)
    }

    /// Makes a restored copy this window's own: its lock is taken (so no other window offers
    /// or takes it) and it is rewritten from now on; this window's previous copy, whose
    /// changes were saved or discarded, and its lock are removed. The copy's file is never
    /// deleted here: it goes once its content is saved or discarded.
    pub fn adopt(&mut self, copy: &RecoveredCopy) -> Result<(), AdoptError> {
        let lock = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&copy.lock)?;
        match lock.try_lock() {
            Err(fs::TryLockError::WouldBlock) => return Err(AdoptError::TakenByAnotherWindow),
            // Where the system cannot lock, as in `start`.
            Ok(()) | Err(fs::TryLockError::Error(_)) => {}
        }
        // A copy removed since it was found was restored and saved by another window.
        if !copy.file.exists() {
            drop(lock);
            let _ = safe_write::remove_if_there(&copy.lock);
            return Err(AdoptError::TakenByAnotherWindow);
        }
        let (old_copy, old_lock) = (
            std::mem::replace(&mut self.copy, copy.file.clone()),
            std::mem::replace(&mut self.lock_path, copy.lock.clone()),
        );
        // Windows cannot delete a file that is open: release the old lock first.
        drop(self.lock.replace(lock));
        if old_copy != self.copy {
            safe_write::remove_if_there(&old_copy)?;
        }
        if old_lock != self.lock_path {
            let _ = safe_write::remove_if_there(&old_lock);
        }
        Ok(())
    }

    /// A clean exit: removes the copy and the lock.
    pub fn finish(mut self) -> io::Result<()> {
        self.clear()?;
        // Windows cannot delete a file that is open: release the lock first.
        drop(self.lock.take());
        safe_write::remove_if_there(&self.lock_path)
    }

    /// The copies left by windows that did not close cleanly, newest first. Locks left with no
    /// copy are cleaned up; copies that cannot be read are left where they are, and listed.
    pub fn orphans(&self) -> Orphans {
        let mut orphans = Orphans::default();
        let Ok(entries) = fs::read_dir(&self.folder) else {
            return orphans;
        };
        let found = &mut orphans.copies;
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
                    let _ = safe_write::remove_if_there(&path);
                }
                continue;
            }
            match read_copy(&path, lock) {
                Some(copy) => found.push(copy),
                None => orphans.unreadable.push(path),
            }
        }
        found.sort_by_key(|copy| std::cmp::Reverse(copy.written));
        orphans.unreadable.sort();
        orphans
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
        source: copy.source.map(|p| p.0),
        disk: copy.disk,
        written,
        plan: copy.plan,
        file: file.to_path_buf(),
        lock,
    })
}

/// A path kept as the system gives it, so that it comes back the same: as text when it is
/// valid Unicode (the copy stays readable), otherwise as the system's own units, bytes on Unix
/// and UTF-16 units on Windows (serde's own `PathBuf` refuses such a path).
struct StoredPath(PathBuf);

impl Serialize for StoredPath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Some(text) = self.0.to_str() {
            return serializer.serialize_str(text);
        }
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            serializer.collect_seq(self.0.as_os_str().as_bytes())
        }
        #[cfg(windows)]
        {
            use std::os::windows::ffi::OsStrExt;
            serializer.collect_seq(self.0.as_os_str().encode_wide())
        }
        #[cfg(not(any(unix, windows)))]
        serializer.serialize_str(&self.0.to_string_lossy())
    }
}

impl<'de> Deserialize<'de> for StoredPath {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StoredPathVisitor)
    }
}

struct StoredPathVisitor;

impl<'de> serde::de::Visitor<'de> for StoredPathVisitor {
    type Value = StoredPath;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a path, as text or as the system's units")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<StoredPath, E> {
        Ok(StoredPath(PathBuf::from(text)))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<StoredPath, A::Error> {
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStringExt;
            let mut bytes = Vec::new();
            while let Some(byte) = seq.next_element::<u8>()? {
                bytes.push(byte);
            }
            Ok(StoredPath(std::ffi::OsString::from_vec(bytes).into()))
        }
        #[cfg(windows)]
        {
            use std::os::windows::ffi::OsStringExt;
            let mut units = Vec::new();
            while let Some(unit) = seq.next_element::<u16>()? {
                units.push(unit);
            }
            Ok(StoredPath(std::ffi::OsString::from_wide(&units).into()))
        }
        #[cfg(not(any(unix, windows)))]
        {
            let _ = seq.next_element::<u8>()?;
            Err(serde::de::Error::custom("a path of another system"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::seed_plan;

    fn written_and_found(source: &Path, disk: Option<DiskStamp>) -> RecoveredCopy {
        let folder = tempfile::tempdir().unwrap();
        let window = Recovery::start(folder.path()).unwrap();
        window.write(&seed_plan(), Some(source), disk).unwrap();
        drop(window);
        let next = Recovery::start(folder.path()).unwrap();
        let mut found = next.orphans().copies;
        assert_eq!(found.len(), 1);
        found.remove(0)
    }

    #[test]
    fn a_copy_remembers_its_file_and_what_the_file_held() {
        let stamp = DiskStamp {
            len: 10_927,
            modified: Some(UNIX_EPOCH + std::time::Duration::new(1_700_000_000, 123_456_789)),
            hash: 0xdead_beef_0123_4567,
        };
        let source = Path::new("C:\\Users\\Peña\\Documentos\\Plan 2023.ron");
        let copy = written_and_found(source, Some(stamp));
        assert_eq!(copy.source.as_deref(), Some(source));
        assert_eq!(copy.disk, Some(stamp));
        assert_eq!(copy.plan, seed_plan());
    }

    #[cfg(unix)]
    #[test]
    fn a_path_that_is_not_unicode_comes_back_byte_for_byte() {
        use std::os::unix::ffi::OsStrExt;
        let source = Path::new(std::ffi::OsStr::from_bytes(b"/srv/Planeaci\xf3n/plan.ron"));
        assert!(source.to_str().is_none());
        let copy = written_and_found(source, None);
        assert_eq!(copy.source.as_deref(), Some(source));
        assert_eq!(copy.disk, None);
    }

    #[test]
    fn a_copy_of_an_earlier_version_without_a_stamp_still_reads() {
        let folder = tempfile::tempdir().unwrap();
        let plan = plan_file::to_text(&seed_plan()).unwrap();
        let body = plan.split_once('\n').unwrap().1;
        let text = format!(
            "#![enable(implicit_some)]\n(\n  source: \"/srv/plan.ron\",\n  plan: {body})\n"
        );
        std::fs::write(folder.path().join("recovery-1-2.ron"), text).unwrap();
        let window = Recovery::start(folder.path()).unwrap();
        let found = window.orphans().copies;
        assert_eq!(found.len(), 1, "the old copy is offered");
        assert_eq!(found[0].source.as_deref(), Some(Path::new("/srv/plan.ron")));
        assert_eq!(found[0].disk, None);
        assert_eq!(found[0].plan, seed_plan());
    }

    #[test]
    fn a_copy_another_window_took_over_is_not_taken_twice() {
        let folder = tempfile::tempdir().unwrap();
        let crashed = Recovery::start(folder.path()).unwrap();
        crashed.write(&seed_plan(), None, None).unwrap();
        drop(crashed);
        let mut first = Recovery::start(folder.path()).unwrap();
        let mut second = Recovery::start(folder.path()).unwrap();
        let (copy, same) = (
            first.orphans().copies.remove(0),
            second.orphans().copies.remove(0),
        );
        first.adopt(&copy).unwrap();
        assert!(matches!(
            second.adopt(&same),
            Err(AdoptError::TakenByAnotherWindow)
        ));
        assert!(copy.file().exists(), "kept: its content is not saved yet");
        assert_eq!(
            second.orphans(),
            Orphans::default(),
            "a running window holds it"
        );
        // Discarding it from the other window leaves it to the one that restored it.
        same.remove().unwrap();
        assert!(copy.file().exists());
        // The window that took it writes there from now on; a clean exit removes it.
        first.write(&seed_plan(), None, None).unwrap();
        assert_eq!(first.copy, copy.file);
        first.finish().unwrap();
        assert!(!copy.file().exists());
    }

    #[test]
    fn a_copy_that_cannot_be_read_is_listed_and_left_where_it_is() {
        let folder = tempfile::tempdir().unwrap();
        let damaged = folder.path().join("recovery-1-2.ron");
        std::fs::write(&damaged, "(source: None, plan: (version: 99").unwrap();
        let window = Recovery::start(folder.path()).unwrap();
        let orphans = window.orphans();
        assert_eq!(orphans.copies, Vec::new());
        assert_eq!(orphans.unreadable, vec![damaged.clone()]);
        assert!(damaged.exists());
    }
}
