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
pub mod table;

use std::io::ErrorKind;
use std::path::Path;

use crate::model::{Language, Plan};
use crate::tr;

/// The seed's plan (Sector Gestión Pública, cut 31/03/2022), built into the binary so the app
/// opens on a real plan when no file is given.
pub const SEED_PLAN_TEXT: &str = include_str!("../../plans/gestion_publica_2022.ron");

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
