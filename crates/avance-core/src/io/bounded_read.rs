//! Reading a whole file, only when it is one: a regular file, up to a limit.
//!
//! A path may name something that is not a file a program should read whole: a folder, a
//! named pipe (opening one waits for a writer, for ever), a device (`/dev/zero` never ends;
//! Windows' `NUL`, `CON`, `COM1`… are devices in every folder), a socket. Such a path is
//! refused from its metadata, before it is opened; a file is read no further than the limit
//! (and one byte, to know it is longer). Between the check and the opening another program
//! could put a pipe in the file's place: the opened handle is checked again, but opening that
//! pipe would already wait (std has no portable way to open without waiting).

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::Path;

use super::SystemError;
use crate::model::Language;
use crate::tr;

/// What a path names when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAFile {
    Folder,
    /// A named pipe (FIFO).
    NamedPipe,
    /// A character or block device (`/dev/zero`; Windows' `NUL`, `CON`, `COM1`).
    Device,
    Socket,
    /// Anything else the system has.
    Other,
}

impl NotAFile {
    /// "es una carpeta", "is a named pipe (FIFO)".
    pub fn message(self, language: Language) -> String {
        match self {
            NotAFile::Folder => tr!(language, "read-not-a-file-folder"),
            NotAFile::NamedPipe => tr!(language, "read-not-a-file-pipe"),
            NotAFile::Device => tr!(language, "read-not-a-file-device"),
            NotAFile::Socket => tr!(language, "read-not-a-file-socket"),
            NotAFile::Other => tr!(language, "read-not-a-file-other"),
        }
    }

    fn of(metadata: &Metadata) -> Option<NotAFile> {
        let kind = metadata.file_type();
        if kind.is_file() {
            return None;
        }
        if kind.is_dir() {
            return Some(NotAFile::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                return Some(NotAFile::NamedPipe);
            }
            if kind.is_char_device() || kind.is_block_device() {
                return Some(NotAFile::Device);
            }
            if kind.is_socket() {
                return Some(NotAFile::Socket);
            }
        }
        Some(NotAFile::Other)
    }
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadRefusal {
    NotAFile(NotAFile),
    /// Longer than the limit, in bytes.
    TooLarge {
        limit: u64,
    },
    Io(io::Error),
}

impl ReadRefusal {
    /// Why, in words (a reason to follow "could not read").
    pub fn message(&self, language: Language) -> String {
        match self {
            ReadRefusal::NotAFile(kind) => kind.message(language),
            ReadRefusal::TooLarge { limit } => {
                tr!(language, "read-too-large", megabytes = megabytes(*limit))
            }
            ReadRefusal::Io(e) => SystemError::of(e).message(language),
        }
    }
}

impl From<ReadRefusal> for io::Error {
    fn from(refusal: ReadRefusal) -> Self {
        match refusal {
            ReadRefusal::Io(e) => e,
            ReadRefusal::TooLarge { .. } => {
                io::Error::new(io::ErrorKind::FileTooLarge, refusal.message(Language::En))
            }
            ReadRefusal::NotAFile(NotAFile::Folder) => io::ErrorKind::IsADirectory.into(),
            ReadRefusal::NotAFile(_) => {
                io::Error::new(io::ErrorKind::InvalidInput, refusal.message(Language::En))
            }
        }
    }
}

/// A limit in whole megabytes (of 1 048 576 bytes), as messages say it: `50`.
pub fn megabytes(bytes: u64) -> String {
    (bytes / (1024 * 1024)).to_string()
}

/// Reads the whole file at `path` (links followed), with its metadata, if it is a regular file
/// of at most `limit` bytes.
pub fn read_file(path: &Path, limit: u64) -> Result<(Metadata, Vec<u8>), ReadRefusal> {
    if names_a_windows_device(path) {
        return Err(ReadRefusal::NotAFile(NotAFile::Device));
    }
    let metadata = fs::metadata(path).map_err(ReadRefusal::Io)?;
    if let Some(kind) = NotAFile::of(&metadata) {
        return Err(ReadRefusal::NotAFile(kind));
    }
    if metadata.len() > limit {
        return Err(ReadRefusal::TooLarge { limit });
    }
    let file = File::open(path).map_err(ReadRefusal::Io)?;
    // The file opened, which may not be the one checked (replaced in between).
    let metadata = file.metadata().map_err(ReadRefusal::Io)?;
    if let Some(kind) = NotAFile::of(&metadata) {
        return Err(ReadRefusal::NotAFile(kind));
    }
    let expected = usize::try_from(metadata.len().min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadRefusal::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadRefusal::TooLarge { limit });
    }
    Ok((metadata, bytes))
}

/// Whether a path names one of Windows' devices, which exist in every folder and, with any
/// extension, name the device too (`NUL`, `nul.ron`, `CON`, `COM1`, `LPT1`, `CONIN$`), or the
/// device namespace (`\\.\…`). Always false on other systems, where these are ordinary names.
fn names_a_windows_device(path: &Path) -> bool {
    cfg!(windows) && is_windows_device_name(path)
}

fn is_windows_device_name(path: &Path) -> bool {
    let whole = path.as_os_str().to_string_lossy();
    if whole.starts_with(r"\\.\") || whole.starts_with("//./") {
        return true;
    }
    // The last component, with Windows' separators (and a drive's colon, `C:nul`).
    let name = whole.rsplit(['/', '\\', ':']).next().unwrap_or_default();
    // Windows ignores what follows the first dot, and spaces before it.
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .trim_end_matches(' ')
        .to_ascii_uppercase();
    match stem.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$" => true,
        _ => {
            let numbered = stem
                .strip_prefix("COM")
                .or_else(|| stem.strip_prefix("LPT"));
            numbered.is_some_and(|n| {
                matches!(n, "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9")
                    || matches!(n, "\u{b9}" | "\u{b2}" | "\u{b3}")
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_device_names_are_known_in_any_case_and_with_any_extension() {
        for name in [
            "NUL",
            "nul.ron",
            r"C:\Planes\con",
            "Aux.txt",
            "COM1",
            "lpt9.ron",
            "CONIN$",
            "NUL .ron",
            r"\\.\PhysicalDrive0",
        ] {
            assert!(is_windows_device_name(Path::new(name)), "{name}");
        }
        for name in [
            "plan.ron",
            "NULO.ron",
            "console.ron",
            "COM10",
            "con-2022.ron",
            "COM",
        ] {
            assert!(!is_windows_device_name(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn a_file_is_read_to_its_limit_and_no_further() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"12345").unwrap();
        assert_eq!(read_file(&path, 5).unwrap().1, b"12345");
        assert!(matches!(
            read_file(&path, 4),
            Err(ReadRefusal::TooLarge { limit: 4 })
        ));
        assert!(matches!(
            read_file(dir.path(), 5),
            Err(ReadRefusal::NotAFile(NotAFile::Folder))
        ));
        assert!(matches!(
            read_file(&dir.path().join("missing"), 5),
            Err(ReadRefusal::Io(_))
        ));
    }
}
