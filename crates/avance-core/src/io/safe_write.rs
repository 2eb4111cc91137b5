//! Writing a file so that nothing is ever lost.
//!
//! A plan file is a year of an entity's reporting, kept in shared folders and reached through
//! links. Every write here:
//! - goes to a temporary file beside the real file (`.NAME.avance-tmp`), synced to disk, then
//!   renamed over it: a crash or a full disk leaves the previous file whole. The temporary
//!   file is named after the target, so a save interrupted by a crash is cleaned up by the next
//!   one; on any error it is removed;
//! - follows symbolic links and replaces the file they point to, never the link;
//! - keeps the file's permissions, and its owner and group where the process may; a new file
//!   gets the mode the user's umask gives new files (not the owner-only mode of temp files);
//! - refuses a read-only file (or one this user may not write) and a file with other hard
//!   links: replacing it would silently cut the other names off from the new version, and
//!   writing in place would give up the guarantee that a failed save leaves the old file whole;
//! - keeps the previous version as `NAME.bak` when asked (plan files), written the same way (its
//!   own temporary file, synced, renamed) before the plan is replaced: a save that fails at any
//!   step leaves both the plan and its previous `.bak` byte-identical;
//! - syncs the folder after the rename where the system allows, so the rename itself survives
//!   a power cut;
//! - follows Windows' rules: files are flushed only through handles that may write
//!   (`FlushFileBuffers` refuses a read-only handle); a sharing violation (an antivirus, the
//!   search indexer or OneDrive opening a new file for a moment) is retried for a short while
//!   before giving up, as Git for Windows does; a file another program keeps open (Excel holds
//!   its workbooks) is reported as such ([`WriteError::InUse`]), naming the file.

use std::fs::{self, File, Metadata, OpenOptions};
use std::hash::{DefaultHasher, Hasher};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::SystemError;
use crate::model::Language;
use crate::tr;

/// Suffix of the temporary file written beside the target: `.plan.ron.avance-tmp`.
pub const TEMP_SUFFIX: &str = ".avance-tmp";

/// Suffix of the previous version kept beside a plan file: `plan.ron.bak`.
pub const BACKUP_SUFFIX: &str = ".bak";

/// How many symbolic links in a row are followed before giving up (a loop).
const MAX_LINKS: usize = 40;

/// Whether the previous version of the file is kept as `NAME.bak`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backup {
    /// Keep it (plan files).
    Keep,
    /// Do not (exports: they can be written again from the plan).
    Skip,
}

/// Why a file was not written. In every case the previous file is untouched. It has no
/// `Display`: its words are made where it is shown, by [`WriteError::message`] in the
/// reader's language.
#[derive(Debug)]
pub enum WriteError {
    /// The file is read-only, or this user may not write it.
    ReadOnly,
    /// Another program keeps the file open and does not share it (Windows: Excel with the
    /// workbook open, an editor): it must be closed there first.
    InUse {
        path: PathBuf,
    },
    /// The file has other names (hard links) that a replacement would cut off.
    HardLinked {
        links: u64,
    },
    /// The path is a folder (or a device), or names no file at all.
    NotAFile,
    /// A name Windows cannot give a file: a device (`CON`, `NUL`, `AUX`, `COM1`, `LPT1`…,
    /// whatever the extension) or a character it reserves (`< > : " | ? *`).
    InvalidName {
        name: String,
    },
    /// More than 40 symbolic links in a row: a loop.
    LinkLoop,
    /// The previous version could not be kept as `NAME.bak` (why: `source`).
    Backup {
        path: PathBuf,
        source: Box<WriteError>,
    },
    Io(io::Error),
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> Self {
        WriteError::Io(e)
    }
}

impl WriteError {
    /// Why the file was not written, in a language: a reason to follow "could not save".
    pub fn message(&self, language: Language) -> String {
        match self {
            WriteError::ReadOnly => tr!(language, "write-read-only"),
            WriteError::InUse { path } => tr!(language, "write-in-use", name = file_name(path)),
            WriteError::HardLinked { links } => {
                tr!(language, "write-hard-linked", links = links.to_string())
            }
            WriteError::NotAFile => tr!(language, "write-not-a-file"),
            WriteError::InvalidName { name } => tr!(language, "write-invalid-name", name = name),
            WriteError::LinkLoop => tr!(language, "write-link-loop"),
            WriteError::Backup { path, source } => tr!(
                language,
                "write-backup",
                backup = path.display().to_string(),
                detail = source.message(language)
            ),
            WriteError::Io(e) => SystemError::of(e).message(language),
        }
    }

    /// Whether trying again later may succeed: another program holds the file (directly, or
    /// its `.bak`).
    pub fn is_in_use(&self) -> bool {
        match self {
            WriteError::InUse { .. } => true,
            WriteError::Backup { source, .. } => source.is_in_use(),
            _ => false,
        }
    }
}

/// A file's name alone, for messages that name it (`plan.xlsx`).
fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}

/// What identifies a file's contents as last seen: size, modification time and a hash of the
/// bytes. Someone else's save changes at least the hash. Recovery copies keep it, to tell
/// whether the file changed since the edits began (the hash is std's SipHash: a newer Rust may
/// hash the same bytes differently, which reads as "changed", the side that asks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DiskStamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub hash: u64,
}

impl DiskStamp {
    /// A stamp no file has: what the file held is not known, so a save over it asks first.
    pub const UNKNOWN: DiskStamp = DiskStamp {
        len: u64::MAX,
        modified: None,
        hash: 0,
    };

    /// The stamp of `bytes` read from a file with `metadata`.
    pub fn new(bytes: &[u8], metadata: &Metadata) -> Self {
        Self {
            len: bytes.len() as u64,
            modified: metadata.modified().ok(),
            hash: content_hash(bytes),
        }
    }

    /// Reads a plan file: its bytes and their stamp, from one open handle. Only a regular file
    /// of at most a plan's limit is read (a pipe put in the file's place is never waited on).
    pub fn read(path: &Path) -> io::Result<(Self, Vec<u8>)> {
        let (metadata, bytes) =
            super::bounded_read::read_file(path, super::plan_file::MAX_FILE_BYTES)?;
        Ok((Self::new(&bytes, &metadata), bytes))
    }

    /// Whether `metadata` has this stamp's size and modification time: a cheap first check
    /// (the contents may still differ; only the hash tells).
    pub fn looks_same(&self, metadata: &Metadata) -> bool {
        metadata.len() == self.len && metadata.modified().ok() == self.modified
    }

    /// Whether `other` has the same contents (size and hash; the time may differ).
    pub fn same_contents(&self, other: &DiskStamp) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// A hash of a file's bytes, to tell whether it changed.
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

/// The file a path names once symbolic links are followed; the path itself when it is not a
/// link or does not exist. A dangling link gives the missing file it points to.
pub fn resolve_links(path: &Path) -> Result<PathBuf, WriteError> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = if target.is_absolute() {
                    target
                } else {
                    current.parent().unwrap_or(Path::new("")).join(target)
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(e.into()),
        }
    }
    Err(WriteError::LinkLoop)
}

/// The name Windows gives a file: it drops dots and spaces at the end of a name (`plan.ron.`
/// is `plan.ron`), so the backup must be named after what is really written. Elsewhere the
/// path as given.
pub fn windows_file_name(path: PathBuf) -> PathBuf {
    if !cfg!(windows) {
        return path;
    }
    match path.file_name().and_then(|n| n.to_str()) {
        Some(name)
            if name.ends_with(['.', ' ']) && !name.trim_end_matches(['.', ' ']).is_empty() =>
        {
            path.with_file_name(name.trim_end_matches(['.', ' ']))
        }
        _ => path,
    }
}

/// Refuses, on Windows, a file name the system reserves ([`reserved_on_windows`]). The
/// system's own words for these are "Invalid handle" or "Invalid parameter"; an officer gets
/// the reason.
pub fn check_name(path: &Path) -> Result<(), WriteError> {
    if !cfg!(windows) {
        return Ok(());
    }
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Ok(());
    };
    if reserved_on_windows(&name) {
        Err(WriteError::InvalidName { name })
    } else {
        Ok(())
    }
}

/// Whether Windows refuses `name` as a file name, on any system: a device name (`CON`, `PRN`,
/// `AUX`, `NUL`, `COM1`–`COM9`, `LPT1`–`LPT9`, `CONIN$`, `CONOUT$`, with any extension) or a
/// reserved character (`< > : " | ? *`, control characters).
pub fn reserved_on_windows(name: &str) -> bool {
    let stem = name
        .split('.')
        .next()
        .unwrap_or("")
        .trim_end()
        .to_ascii_uppercase();
    let device = matches!(
        stem.as_str(),
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$"
    ) || (stem.len() == 4
        && (stem.starts_with("COM") || stem.starts_with("LPT"))
        && stem.as_bytes()[3].is_ascii_digit());
    let reserved_character = name
        .chars()
        .any(|c| matches!(c, '<' | '>' | ':' | '"' | '|' | '?' | '*') || c.is_control());
    device || reserved_character
}

/// A file name made from a text (an entity's name) that every system accepts, Windows
/// included: `< > : " | ? * / \` and control characters become `-`, dots, spaces and dashes at
/// either end are dropped (Windows drops dots and spaces at the end; a leading dot hides the
/// file elsewhere), a name over 100 characters is cut there, an empty one is `fallback`, and
/// a device name gets a `_` after it (`CON_`, `nul_.txt`). Then `.extension`. Accents and spaces
/// inside stay.
pub fn file_name_for(text: &str, fallback: &str, extension: &str) -> String {
    let replaced: String = text
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '|' | '?' | '*' | '/' | '\\' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .take(100)
        .collect();
    let mut stem = replaced.trim_matches(['.', ' ', '-']).to_owned();
    if stem.is_empty() {
        stem = fallback.to_owned();
    }
    if reserved_on_windows(&format!("{stem}.{extension}")) {
        // Only a device name is left to refuse: the `_` goes after it (`nul_.txt`).
        stem = match stem.split_once('.') {
            Some((device, rest)) => format!("{device}_.{rest}"),
            None => format!("{stem}_"),
        };
    }
    format!("{stem}.{extension}")
}

/// Whether something exists at `path`, a dangling symbolic link included.
pub fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// The temporary file a save of `target` writes first: `.NAME.avance-tmp` beside it.
pub fn temp_path(target: &Path) -> Result<PathBuf, WriteError> {
    sibling(target, |name| derived_name(".", name, TEMP_SUFFIX))
}

/// A file name made from `name` with a `prefix` and a `suffix`. A name so long that this would
/// pass the 255 bytes file systems allow is shortened, with a hash of the whole name so that it
/// stays the same for the same file and differs between files.
fn derived_name(prefix: &str, name: &str, suffix: &str) -> String {
    let whole = format!("{prefix}{name}{suffix}");
    if whole.len() <= MAX_NAME {
        return whole;
    }
    let hash = content_hash(name.as_bytes());
    let room = MAX_NAME - prefix.len() - suffix.len() - 17;
    let keep = name
        .char_indices()
        .map(|(at, c)| at + c.len_utf8())
        .take_while(|&end| end <= room)
        .last()
        .unwrap_or(0);
    format!("{prefix}{}~{hash:016x}{suffix}", &name[..keep])
}

/// The longest file name, in bytes of UTF-8 (most Linux file systems) — NTFS counts 255 UTF-16
/// units, never fewer characters than this.
const MAX_NAME: usize = 255;

/// Where the previous version of `target` is kept: `NAME.bak` beside it.
pub fn backup_path(target: &Path) -> Result<PathBuf, WriteError> {
    sibling(target, |name| derived_name("", name, BACKUP_SUFFIX))
}

/// Keeps `bytes` (a version of `target` about to be replaced for good, such as a hand-edited
/// file whose comments a save drops) beside it as `STEM.con-comentarios.EXT`, a file no save
/// ever replaces: when that name holds other bytes, `STEM.con-comentarios-2.EXT` and so on.
/// Returns where the bytes are.
pub fn keep_aside(target: &Path, bytes: &[u8]) -> Result<PathBuf, WriteError> {
    for n in 1..1000 {
        let copy = aside_path(target, n)?;
        match fs::read(&copy) {
            Ok(existing) if existing == bytes => return Ok(copy),
            Ok(_) => continue,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                write(&copy, bytes, Backup::Skip)?;
                return Ok(copy);
            }
            Err(e) => return Err(WriteError::Io(e)),
        }
    }
    Err(WriteError::Io(io::Error::from(
        io::ErrorKind::AlreadyExists,
    )))
}

/// The `n`-th name [`keep_aside`] tries: `STEM.con-comentarios.EXT`, then `…-2.EXT`.
pub fn aside_path(target: &Path, n: usize) -> Result<PathBuf, WriteError> {
    let stem = target
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let extension = target
        .extension()
        .map_or_else(String::new, |e| format!(".{}", e.to_string_lossy()));
    let suffix = if n <= 1 {
        String::new()
    } else {
        format!("-{n}")
    };
    sibling(target, |_| {
        format!("{stem}.con-comentarios{suffix}{extension}")
    })
}

fn sibling(target: &Path, name: impl FnOnce(&str) -> String) -> Result<PathBuf, WriteError> {
    let file_name = target.file_name().ok_or(WriteError::NotAFile)?;
    Ok(folder_of(target).join(name(&file_name.to_string_lossy())))
}

/// The folder a file is in; `.` for a bare name.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to `path` safely (see the module); returns the file written, which differs
/// from `path` when `path` is a symbolic link.
pub fn write(path: &Path, bytes: &[u8], backup: Backup) -> Result<PathBuf, WriteError> {
    write_with(path, backup, |file| io::Write::write_all(file, bytes))
}

/// Like [`write`], with the contents written by `fill` into the temporary file (tests use it
/// to fail half-way).
pub fn write_with(
    path: &Path,
    backup: Backup,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<PathBuf, WriteError> {
    write_with_backup_copy(path, backup, fill, |current, backup| {
        io::copy(current, backup).map(drop)
    })
}

/// Like [`write_with`], with the previous version copied by `copy_backup` from the current
/// file into the backup's temporary file (step 1 of [`BackupRotation`]; tests stop it
/// half-way, as a killed process would, or fail it as a full disk does).
#[doc(hidden)]
pub fn write_with_backup_copy(
    path: &Path,
    backup: Backup,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
    copy_backup: impl FnOnce(&mut File, &mut File) -> io::Result<()>,
) -> Result<PathBuf, WriteError> {
    // Before the system is asked anything about a device name: it answers "invalid handle".
    check_name(path)?;
    let target = windows_file_name(resolve_links(path)?);
    check_name(&target)?;
    let existing = match fs::metadata(&target) {
        Ok(metadata) => Some(check_replaceable(&target, metadata)?),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e.into()),
    };
    if backup == Backup::Keep {
        finish_interrupted_backup(&target).map_err(|source| WriteError::Backup {
            path: backup_path(&target).unwrap_or_default(),
            source: Box::new(source),
        })?;
    }
    let temp = temp_path(&target)?;
    let written = write_temp(&temp, existing.as_ref(), fill)?;
    let rotation = match existing.as_ref().filter(|_| backup == Backup::Keep) {
        Some(original) => prepare_backup(&target, &temp, original, copy_backup)?,
        None => None,
    };
    if let Err(e) = replace(&temp, &target) {
        // The plan is as it was: so is its backup.
        if let Some(rotation) = rotation {
            rotation.undo();
        }
        return Err(e);
    }
    written.disarm();
    if let Some(rotation) = rotation {
        rotation.finish();
    }
    sync_folder(folder_of(&target));
    Ok(target)
}

/// Writes a temporary file whole: a leftover of a killed save is removed first; the new file
/// takes `like`'s owner and mode when given; its contents are on disk before this returns. The
/// guard removes it unless disarmed, so no failure leaves it behind.
fn write_temp(
    temp: &Path,
    like: Option<&Metadata>,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<RemoveOnDrop, WriteError> {
    remove_if_there(temp).map_err(|e| in_use_or_io(e, temp))?;
    // On Windows a file removed while another program (a scanner) still has it open lingers,
    // "delete pending", and its name cannot be taken again until that program lets go.
    let mut file = retrying(HeldBy::OpenOrRename, || {
        create_temp(temp, like).map_err(|e| {
            if cfg!(windows) && e.kind() == io::ErrorKind::AlreadyExists {
                io::Error::from_raw_os_error(ACCESS_DENIED)
            } else {
                e
            }
        })
    })?;
    let guard = RemoveOnDrop(Some(temp.to_path_buf()));
    fill(&mut file)?;
    if let Some(original) = like {
        keep_owner_and_mode(&file, original)?;
    }
    // Flushed through the handle that wrote it: Windows refuses to flush a read-only handle.
    file.sync_all()?;
    Ok(guard)
}

/// Renames the complete temporary file over `target`. On Windows a rename fails while another
/// program holds either file for a moment (retried) or keeps the target open (in use).
fn replace(temp: &Path, target: &Path) -> Result<(), WriteError> {
    retrying(HeldBy::OpenOrRename, || fs::rename(temp, target)).map_err(|e| {
        // The target was checked writable just before: "access denied" now means another
        // program has it open without letting it be replaced.
        if cfg!(windows) && e.kind() == io::ErrorKind::PermissionDenied {
            WriteError::InUse {
                path: target.to_path_buf(),
            }
        } else {
            in_use_or_io(e, target)
        }
    })
}

/// Renames a complete file (or folder) over `target`, retried while Windows says another
/// program holds either for a moment; one another program keeps open is named as such.
pub fn move_into_place(from: &Path, target: &Path) -> Result<(), WriteError> {
    replace(from, target)
}

/// The metadata of an existing target, if it may be replaced.
/// Whether a save could replace the file at `path` (it exists, and is not read-only, shared
/// under other names, or a folder). A path with no file yet counts as replaceable.
pub fn can_replace(path: &Path) -> bool {
    replaceable(path).is_ok()
}

/// Why a save could not replace the file at `path`, if it could not (see [`can_replace`]).
pub fn replaceable(path: &Path) -> Result<(), WriteError> {
    check_name(path)?;
    let target = windows_file_name(resolve_links(path)?);
    check_name(&target)?;
    match fs::metadata(&target) {
        Ok(metadata) => check_replaceable(&target, metadata).map(drop),
        Err(_) => Ok(()),
    }
}

fn check_replaceable(target: &Path, metadata: Metadata) -> Result<Metadata, WriteError> {
    check_writable(target, &metadata)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if metadata.nlink() > 1 {
            return Err(WriteError::HardLinked {
                links: metadata.nlink(),
            });
        }
    }
    Ok(metadata)
}

/// Whether an existing file may be written: a file (not a folder), not read-only (on Windows,
/// the file attribute), that this user may open for writing, and that no other program keeps
/// open without sharing it.
fn check_writable(path: &Path, metadata: &Metadata) -> Result<(), WriteError> {
    if !metadata.is_file() {
        return Err(WriteError::NotAFile);
    }
    if metadata.permissions().readonly() {
        return Err(WriteError::ReadOnly);
    }
    // Permission bits may allow writing to others but not to this user; the system says.
    // (Opening for writing neither truncates nor changes the file.)
    match retrying(HeldBy::Open, || OpenOptions::new().write(true).open(path)) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => Err(WriteError::ReadOnly),
        Err(e) => Err(in_use_or_io(e, path)),
    }
}

/// What a Windows error that may pass is: a sharing or lock violation while opening (another
/// program has the file open), and, for a rename or a removal, also "access denied" (the file
/// is being scanned, or its deletion is still pending).
#[derive(Clone, Copy, PartialEq, Eq)]
enum HeldBy {
    Open,
    OpenOrRename,
}

/// Windows: `ERROR_ACCESS_DENIED`, `ERROR_SHARING_VIOLATION`, `ERROR_LOCK_VIOLATION`.
const ACCESS_DENIED: i32 = 5;
const SHARING_VIOLATION: i32 = 32;
const LOCK_VIOLATION: i32 = 33;

/// How long to wait before each new try when a file is held for a moment: 1,5 s in all, as
/// Git for Windows and editors wait for antivirus scanners and sync clients to let go.
const RETRY_WAITS_MS: [u64; 8] = [10, 20, 40, 80, 160, 320, 400, 500];

/// Whether `error` says that another program holds the file (Windows; never on other systems).
pub fn is_held_by_another_program(error: &io::Error) -> bool {
    cfg!(windows)
        && matches!(
            error.raw_os_error(),
            Some(SHARING_VIOLATION | LOCK_VIOLATION)
        )
}

fn may_pass(error: &io::Error, held: HeldBy) -> bool {
    is_held_by_another_program(error)
        || (cfg!(windows)
            && held == HeldBy::OpenOrRename
            && error.raw_os_error() == Some(ACCESS_DENIED))
}

/// Runs `op`, and again after a short wait while Windows says the file is held (see
/// [`RETRY_WAITS_MS`]); other errors, and every error on other systems, are returned at once.
fn retrying<T>(held: HeldBy, mut op: impl FnMut() -> io::Result<T>) -> io::Result<T> {
    let mut waits = RETRY_WAITS_MS.iter();
    loop {
        match op() {
            Err(e) if may_pass(&e, held) => match waits.next() {
                Some(&ms) => std::thread::sleep(std::time::Duration::from_millis(ms)),
                None => return Err(e),
            },
            done => return done,
        }
    }
}

/// An error of a file another program still holds after the retries, named as such.
fn in_use_or_io(error: io::Error, path: &Path) -> WriteError {
    if is_held_by_another_program(&error) {
        WriteError::InUse {
            path: path.to_path_buf(),
        }
    } else {
        WriteError::Io(error)
    }
}

/// Removes a file if it is there (retried while held for a moment). Only files of Avance's
/// own go this way (temporary files, recovery copies and their locks): one left read-only
/// (copied by a backup tool, say) is made writable first, as Windows will not remove a
/// read-only file.
pub fn remove_if_there(path: &Path) -> io::Result<()> {
    if let Ok(metadata) = fs::symlink_metadata(path)
        && metadata.is_file()
        && metadata.permissions().readonly()
    {
        let mut permissions = metadata.permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        permissions.set_readonly(false);
        let _ = fs::set_permissions(path, permissions);
    }
    match retrying(HeldBy::OpenOrRename, || fs::remove_file(path)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Creates the temporary file. On Unix its mode is the original's, or for a new file the
/// ordinary mode for the umask (0666 less the umask), never more open than the original.
#[cfg(unix)]
fn create_temp(temp: &Path, existing: Option<&Metadata>) -> io::Result<File> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let mode = existing.map_or(0o666, |m| m.permissions().mode() & 0o666);
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(temp)
}

/// Creates the temporary file; it takes the folder's default permissions.
#[cfg(not(unix))]
fn create_temp(temp: &Path, _existing: Option<&Metadata>) -> io::Result<File> {
    OpenOptions::new().write(true).create_new(true).open(temp)
}

/// Gives the new file the original's owner and group where this process may (a colleague's
/// file stays theirs when saved by root; a user may keep the group if they belong to it), then
/// the original's mode (after the owner, which may clear set-id bits).
#[cfg(unix)]
fn keep_owner_and_mode(file: &File, original: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt, fchown};
    let now = file.metadata()?;
    if (now.uid(), now.gid()) != (original.uid(), original.gid())
        && fchown(file, Some(original.uid()), Some(original.gid())).is_err()
    {
        // Not allowed to give the file away: keep at least the group if permitted.
        let _ = fchown(file, None, Some(original.gid()));
    }
    let mode = original.permissions().mode() & 0o7777;
    file.set_permissions(fs::Permissions::from_mode(mode))
}

/// On Windows the new file takes the folder's permissions, as any new file there.
#[cfg(not(unix))]
fn keep_owner_and_mode(_file: &File, _original: &Metadata) -> io::Result<()> {
    Ok(())
}

/// The previous version on its way to `NAME.bak`: written whole beside it, with the older
/// backup moved aside until the plan itself is replaced.
///
/// The order, so that a failure or a kill at any step loses no version:
/// 1. the current file is copied to `.NAME.bak.avance-tmp` (the file's mode, and its owner and
///    group where the process may), synced;
/// 2. the older `NAME.bak` is renamed to `.NAME.bak.avance-old` — a `.bak` that cannot be
///    replaced (read-only, held by another program) stops the save here, nothing changed;
/// 3. the caller renames the new plan over the old one; if that fails, [`Self::undo`] puts the
///    older backup back and the save fails with plan and backup byte-identical;
/// 4. [`Self::finish`] renames the copy to `NAME.bak` (a name now free) and removes the older
///    one.
///
/// A kill between the steps is finished by the next save ([`finish_interrupted_backup`]).
struct BackupRotation {
    backup: PathBuf,
    copy: RemoveOnDrop,
    /// Where the older backup waits, if there was one.
    older: Option<PathBuf>,
}

impl BackupRotation {
    /// The plan could not be replaced: the older backup goes back to its name.
    fn undo(self) {
        if let Some(older) = &self.older {
            let _ = retrying(HeldBy::OpenOrRename, || fs::rename(older, &self.backup));
        }
        // `copy` removes the copy when dropped.
    }

    /// The plan was replaced: the copy of its previous version becomes `NAME.bak`. Should that
    /// fail (the name was free a moment ago), the next save finishes it.
    fn finish(self) {
        let copy = self.copy.0.as_deref().expect("armed until finished");
        if retrying(HeldBy::OpenOrRename, || fs::rename(copy, &self.backup)).is_ok() {
            self.copy.disarm();
            if let Some(older) = &self.older {
                let _ = remove_if_there(older);
            }
        } else {
            // Both versions stay on disk under their temporary names.
            self.copy.disarm();
        }
    }
}

/// Prepares the backup of `target`'s current version (steps 1 and 2 of [`BackupRotation`]),
/// unless the new contents in `temp` are the same (then the older backup is the more useful one
/// and stays).
fn prepare_backup(
    target: &Path,
    temp: &Path,
    original: &Metadata,
    copy_current: impl FnOnce(&mut File, &mut File) -> io::Result<()>,
) -> Result<Option<BackupRotation>, WriteError> {
    if same_bytes(target, temp)? {
        return Ok(None);
    }
    let backup = backup_path(target)?;
    let failed = |source: WriteError| WriteError::Backup {
        path: backup.clone(),
        source: Box::new(source),
    };
    // The backup itself is replaced, never followed: a link named `.bak` is moved aside as a
    // link, and other names of a hard-linked backup keep the older version they were made for.
    let older_exists = match fs::symlink_metadata(&backup) {
        Ok(metadata) if metadata.is_symlink() => true,
        Ok(metadata) => {
            check_writable(&backup, &metadata).map_err(failed)?;
            true
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(e) => return Err(failed(e.into())),
    };
    let copy = write_temp(&temp_path(&backup)?, Some(original), |file| {
        copy_current(&mut File::open(target)?, file)
    })
    .map_err(failed)?;
    let older = if older_exists {
        let aside = older_backup_path(target)?;
        remove_if_there(&aside).map_err(|e| failed(in_use_or_io(e, &aside)))?;
        retrying(HeldBy::OpenOrRename, || fs::rename(&backup, &aside)).map_err(|e| {
            failed(
                if cfg!(windows) && e.kind() == io::ErrorKind::PermissionDenied {
                    WriteError::InUse {
                        path: backup.clone(),
                    }
                } else {
                    in_use_or_io(e, &backup)
                },
            )
        })?;
        Some(aside)
    } else {
        None
    };
    Ok(Some(BackupRotation {
        backup,
        copy,
        older,
    }))
}

/// Where the older backup waits while a save replaces the plan: `.NAME.bak.avance-old`.
fn older_backup_path(target: &Path) -> Result<PathBuf, WriteError> {
    sibling(target, |name| {
        derived_name(".", name, &format!("{BACKUP_SUFFIX}{OLDER_SUFFIX}"))
    })
}

/// Suffix of the older backup set aside during a save.
const OLDER_SUFFIX: &str = ".avance-old";

/// Finishes a backup rotation a killed save left half-done, before a new save starts: no
/// version is dropped that the rotation meant to keep.
/// - An older backup set aside, with the copy of the previous version complete beside it (the
///   copy is synced before the older one is moved): when the plan still holds the copy's bytes,
///   the save never replaced it, and the older backup goes back; otherwise the plan was
///   replaced, and the copy becomes `NAME.bak`.
/// - A copy alone is an unfinished step 1: removed (the plan was never touched).
fn finish_interrupted_backup(target: &Path) -> Result<(), WriteError> {
    let backup = backup_path(target)?;
    let copy = temp_path(&backup)?;
    let older = older_backup_path(target)?;
    let rename = |from: &Path, to: &Path| {
        retrying(HeldBy::OpenOrRename, || fs::rename(from, to)).map_err(|e| in_use_or_io(e, from))
    };
    if exists(&older) {
        let copy_complete = exists(&copy);
        let plan_replaced = copy_complete && !same_bytes(target, &copy).unwrap_or(true);
        if plan_replaced {
            rename(&copy, &backup)?;
            remove_if_there(&older).map_err(|e| in_use_or_io(e, &older))?;
        } else {
            if !exists(&backup) {
                rename(&older, &backup)?;
            }
            remove_if_there(&older).map_err(|e| in_use_or_io(e, &older))?;
        }
    }
    remove_if_there(&copy).map_err(|e| in_use_or_io(e, &copy))
}

/// Whether two files hold the same bytes.
fn same_bytes(a: &Path, b: &Path) -> io::Result<bool> {
    let (mut a, mut b) = (File::open(a)?, File::open(b)?);
    if a.metadata()?.len() != b.metadata()?.len() {
        return Ok(false);
    }
    let (mut buf_a, mut buf_b) = (vec![0u8; 64 * 1024], vec![0u8; 64 * 1024]);
    loop {
        let n = a.read(&mut buf_a)?;
        if n == 0 {
            return Ok(b.read(&mut buf_b[..1])? == 0);
        }
        b.read_exact(&mut buf_b[..n])?;
        if buf_a[..n] != buf_b[..n] {
            return Ok(false);
        }
    }
}

/// Makes a rename durable: syncs the folder where the system allows (Unix). Windows has no
/// folder sync; NTFS journals the rename itself.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

/// Removes the temporary file unless disarmed: no failure leaves it behind.
struct RemoveOnDrop(Option<PathBuf>);

impl RemoveOnDrop {
    fn disarm(mut self) {
        self.0 = None;
    }
}

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        if let Some(path) = &self.0 {
            let _ = remove_if_there(path);
        }
    }
}
