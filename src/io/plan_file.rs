//! Plan files: RON, written for people and for version control.
//!
//! One field per line, fields in a fixed order, maps sorted, `\n` line ends on every platform:
//! the same plan always gives the same bytes. Decimals are written as strings (`"27.50"`) so
//! they come back exactly as typed, never through a float. A `version` field lets a newer
//! Avance evolve the format; a file newer than this build is refused, not half-read.
//! Saving writes a temporary file beside the target and renames it over, so a crash or a full
//! disk never leaves a half-written plan.

use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Deserialize;

use crate::model::{FORMAT_VERSION, Language, Period, Plan};

/// The file extension of plan files.
pub const EXTENSION: &str = "ron";

/// Why a plan file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum PlanFileError {
    #[error("{}", self.message(Language::Es))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", self.message(Language::Es))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", self.message(Language::Es))]
    Empty { path: PathBuf },
    #[error("{}", self.message(Language::Es))]
    NotText { path: PathBuf },
    #[error("{}", self.message(Language::Es))]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("{}", self.message(Language::Es))]
    NewerVersion { path: PathBuf, found: u32 },
    #[error("{}", self.message(Language::Es))]
    Serialize { detail: String },
    #[error("{}", self.message(Language::Es))]
    PeriodTooLong {
        path: PathBuf,
        first: u16,
        last: u16,
    },
}

/// The most vigencias a plan's period may span (district plans run four or five years).
pub const MAX_PERIOD_YEARS: u16 = 30;

impl PlanFileError {
    /// The message in one language, with the path last.
    pub fn message(&self, language: Language) -> String {
        let es = language == Language::Es;
        match self {
            PlanFileError::Read { path, source } if es => {
                format!("No se pudo leer el archivo ({source}): {}", path.display())
            }
            PlanFileError::Read { path, source } => {
                format!("Could not read the file ({source}): {}", path.display())
            }
            PlanFileError::Write { path, source } if es => format!(
                "No se pudo guardar ({source}); el plan sigue abierto sin cambios: {}",
                path.display()
            ),
            PlanFileError::Write { path, source } => format!(
                "Could not save ({source}); the plan stays open, unchanged: {}",
                path.display()
            ),
            PlanFileError::Empty { path } if es => {
                format!("El archivo está vacío: {}", path.display())
            }
            PlanFileError::Empty { path } => format!("The file is empty: {}", path.display()),
            PlanFileError::NotText { path } if es => format!(
                "El archivo no es un plan de Avance (no es texto UTF-8): {}",
                path.display()
            ),
            PlanFileError::NotText { path } => format!(
                "The file is not an Avance plan (not UTF-8 text): {}",
                path.display()
            ),
            PlanFileError::Syntax {
                path,
                line,
                column,
                detail,
            } if es => format!(
                "Plan mal formado en la línea {line}, columna {column}: {detail}. Archivo: {}",
                path.display()
            ),
            PlanFileError::Syntax {
                path,
                line,
                column,
                detail,
            } => format!(
                "Malformed plan at line {line}, column {column}: {detail}. File: {}",
                path.display()
            ),
            PlanFileError::NewerVersion { path, found } if es => format!(
                "El plan usa el formato versión {found}, más nuevo que el que esta versión de \
                 Avance sabe leer ({FORMAT_VERSION}); actualice Avance para abrirlo: {}",
                path.display()
            ),
            PlanFileError::NewerVersion { path, found } => format!(
                "The plan uses format version {found}, newer than this Avance reads \
                 ({FORMAT_VERSION}); update Avance to open it: {}",
                path.display()
            ),
            PlanFileError::Serialize { detail } if es => {
                format!("No se pudo convertir el plan a texto: {detail}")
            }
            PlanFileError::Serialize { detail } => {
                format!("Could not turn the plan into text: {detail}")
            }
            PlanFileError::PeriodTooLong { path, first, last } if es => format!(
                "El periodo {first}–{last} abarca más de {MAX_PERIOD_YEARS} vigencias; revise el campo period: {}",
                path.display()
            ),
            PlanFileError::PeriodTooLong { path, first, last } => format!(
                "The period {first}–{last} spans more than {MAX_PERIOD_YEARS} vigencias; check the period field: {}",
                path.display()
            ),
        }
    }
}

/// Only the version, read first so a newer file is refused with a clear message.
#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Reads a plan from its text. `origin` names the file in messages.
pub fn parse(text: &str, origin: &Path) -> Result<Plan, PlanFileError> {
    let path = origin.to_path_buf();
    if text.trim().is_empty() {
        return Err(PlanFileError::Empty { path });
    }
    if text.contains('\0') {
        return Err(PlanFileError::NotText { path });
    }
    if let Ok(probe) = ron_options().from_str::<VersionProbe>(text)
        && probe.version > FORMAT_VERSION
    {
        return Err(PlanFileError::NewerVersion {
            path,
            found: probe.version,
        });
    }
    let plan = ron_options()
        .from_str::<Plan>(text)
        .map_err(|e| PlanFileError::Syntax {
            path: path.clone(),
            line: e.span.start.line,
            column: e.span.start.col,
            detail: e.code.to_string(),
        })?;
    let Period { first, last } = plan.period;
    if last.saturating_sub(first) >= MAX_PERIOD_YEARS {
        return Err(PlanFileError::PeriodTooLong { path, first, last });
    }
    Ok(plan)
}

/// Reads a plan file.
pub fn load(path: &Path) -> Result<Plan, PlanFileError> {
    let bytes = std::fs::read(path).map_err(|source| PlanFileError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| PlanFileError::NotText {
        path: path.to_path_buf(),
    })?;
    parse(&text, path)
}

/// The plan as file text, always the same bytes for the same plan.
pub fn to_text(plan: &Plan) -> Result<String, PlanFileError> {
    let config = PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(true)
        .extensions(Extensions::IMPLICIT_SOME);
    let mut versioned = plan.clone();
    versioned.version = FORMAT_VERSION;
    let mut text =
        ron::ser::to_string_pretty(&versioned, config).map_err(|e| PlanFileError::Serialize {
            detail: e.to_string(),
        })?;
    text.push('\n');
    Ok(text)
}

/// Writes the plan to `path` atomically: a temporary file beside it, then a rename over it.
pub fn save(plan: &Plan, path: &Path) -> Result<(), PlanFileError> {
    let text = to_text(plan)?;
    super::write_atomically(path, text.as_bytes()).map_err(|source| PlanFileError::Write {
        path: path.to_path_buf(),
        source,
    })
}
