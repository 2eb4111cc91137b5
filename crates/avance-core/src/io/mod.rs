//! Reading and writing plans and reports. No egui here.

pub mod bounded_read;
pub mod diff_report;
pub mod export;
pub mod fast_read;
pub mod file_set;
pub mod generate;
pub mod import;
pub mod plan_file;
pub mod recovery;
pub mod report;
pub mod ron_text;
pub mod safe_write;
pub mod split;
pub mod table;

use std::io::ErrorKind;
use std::path::Path;

use crate::model::{Language, Plan};
use crate::tr;

/// The seed's plan (Sector Gestión Pública, cut 31/03/2022), built into the binary so the app
/// opens on a real plan when no file is given.
pub const SEED_PLAN_TEXT: &str = include_str!("../../../../plans/gestion_publica_2022.ron");

/// The name the seed's plan goes by in messages and the title bar.
pub const SEED_PLAN_NAME: &str = "gestion_publica_2022.ron";

/// The seed's plan, parsed.
pub fn seed_plan() -> Plan {
    plan_file::parse(SEED_PLAN_TEXT, Path::new(SEED_PLAN_NAME))
        .expect("the embedded seed plan is valid (checked by tests)")
}

/// Writes `bytes` to `path` through a temporary file beside it, renamed over the target once
/// complete: a failed write never leaves a half-written or truncated file. Links are followed,
/// permissions kept, read-only files refused (see [`safe_write`]); no backup is kept.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), safe_write::WriteError> {
    safe_write::write(path, bytes, safe_write::Backup::Skip).map(drop)
}

/// Whether two paths name the same file: the same path, a symbolic link to it, another
/// spelling of it (`./plan.ron`, `sub/../plan.ron`), a name Windows takes for it (see
/// [`same_name_on_windows`]), or a hard link (Linux and macOS: the same device and inode;
/// Windows: the same size, creation and modification times and bytes, as hard links share
/// them). Otherwise false when either is missing.
pub fn is_same_file(a: &Path, b: &Path) -> bool {
    same_name_on_windows(a, b) || same_file_on_disk(a, b)
}

/// Whether Windows (and macOS, and a Windows share mounted on Linux) would open one file by
/// both paths: the same folder, and names equal once case is ignored and the dots and spaces
/// Windows drops at a name's end are dropped (`PLAN.RON`, `plan.ron.`, `plan.ron ` are
/// `plan.ron`). Told on every system, so a path that would replace the plan on a colleague's PC
/// is refused here too.
fn same_name_on_windows(a: &Path, b: &Path) -> bool {
    let name = |path: &Path| {
        let name = path.file_name()?.to_str()?.trim_end_matches(['.', ' ']);
        (!name.is_empty()).then(|| name.to_uppercase())
    };
    let folder = |path: &Path| match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => std::fs::canonicalize(folder),
        _ => std::fs::canonicalize("."),
    };
    match (name(a), name(b)) {
        (Some(name_a), Some(name_b)) if name_a == name_b => {
            matches!((folder(a), folder(b)), (Ok(x), Ok(y)) if x == y)
        }
        _ => false,
    }
}

/// Whether two existing paths lead to one file on disk.
fn same_file_on_disk(a: &Path, b: &Path) -> bool {
    let (Ok(a), Ok(b)) = (std::fs::canonicalize(a), std::fs::canonicalize(b)) else {
        return false;
    };
    if a == b {
        return true;
    }
    let (Ok(meta_a), Ok(meta_b)) = (std::fs::metadata(&a), std::fs::metadata(&b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta_a.dev() == meta_b.dev() && meta_a.ino() == meta_b.ino()
    }
    #[cfg(not(unix))]
    {
        let times = |m: &std::fs::Metadata| (m.len(), m.created().ok(), m.modified().ok());
        meta_a.is_file()
            && times(&meta_a) == times(&meta_b)
            && std::fs::read(&a).ok() == std::fs::read(&b).ok()
    }
}

/// What the operating system said when a file could not be read or written, kept to be told
/// in the user's language: the usual cases in words, any other as the system's own text
/// (which is in the system's language, often English), named as such.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SystemError {
    pub kind: ErrorKind,
    /// Another program holds the file (Windows' sharing or lock violation).
    pub held: bool,
    /// The system's own text: "No such file or directory (os error 2)".
    pub detail: String,
}

impl SystemError {
    /// What an [`std::io::Error`] says.
    pub fn of(error: &std::io::Error) -> Self {
        SystemError {
            kind: error.kind(),
            held: safe_write::is_held_by_another_program(error),
            detail: error.to_string(),
        }
    }

    /// "la ruta no existe", "sin permiso", or "detalle del sistema: …".
    pub fn message(&self, language: Language) -> String {
        if self.held {
            return tr!(language, "io-held");
        }
        match self.kind {
            ErrorKind::NotFound => tr!(language, "io-not-found"),
            ErrorKind::PermissionDenied => tr!(language, "io-permission-denied"),
            ErrorKind::IsADirectory => tr!(language, "io-is-a-folder"),
            ErrorKind::StorageFull => tr!(language, "io-storage-full"),
            _ => tr!(language, "io-system-detail", detail = &self.detail),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_the_same_through_another_spelling_or_a_link_and_not_a_copy() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.ron");
        std::fs::write(&plan, "x").unwrap();
        let copy = dir.path().join("copia.ron");
        std::fs::write(&copy, "x").unwrap();
        assert!(is_same_file(&plan, &plan));
        assert!(is_same_file(&plan, &dir.path().join(".").join("plan.ron")));
        assert!(!is_same_file(&plan, &copy));
        assert!(!is_same_file(&plan, &dir.path().join("nuevo.xlsx")));
        for windows_spelling in ["PLAN.RON", "Plan.ron.", "plan.ron. .", "plan.ron "] {
            assert!(is_same_file(&plan, &dir.path().join(windows_spelling)));
        }
        assert!(!is_same_file(&plan, &dir.path().join("plan.ron.xlsx")));
        assert!(!is_same_file(
            &plan,
            &dir.path().join("..").join("plan.ron")
        ));
        // On Windows "..." names the folder itself (trailing dots are dropped): Linux only.
        #[cfg(not(windows))]
        assert!(!is_same_file(
            &dir.path().join("..."),
            &dir.path().join(".")
        ));
        #[cfg(unix)]
        {
            let link = dir.path().join("enlace.ron");
            std::os::unix::fs::symlink(&plan, &link).unwrap();
            assert!(is_same_file(&link, &plan));
            let hard = dir.path().join("duro.ron");
            std::fs::hard_link(&plan, &hard).unwrap();
            assert!(is_same_file(&hard, &plan));
        }
    }

    #[test]
    fn the_usual_system_errors_are_told_in_words_and_others_named_as_the_systems() {
        let missing = SystemError::of(&std::io::Error::from(ErrorKind::NotFound));
        assert_eq!(missing.message(Language::Es), "la ruta no existe");
        assert_eq!(missing.message(Language::En), "the path does not exist");
        let other = SystemError::of(&std::io::Error::other("disk on fire"));
        assert_eq!(
            other.message(Language::Es),
            "detalle del sistema: disk on fire"
        );
    }
}
