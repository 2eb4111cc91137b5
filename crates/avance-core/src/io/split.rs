//! Writing a file for each entity (`avance split`, Archivo → Preparar archivos por entidad…):
//! the parts of [`crate::model::split`], one plan file each, named after the entity.
//!
//! Names follow Windows' rules on every system ([`safe_write::file_name_for`]): the files
//! travel to the entities' PCs. Two entities whose names would give the same file (once case is
//! ignored, as Windows does) get `(2)`, `(3)`… after the second one. The files are written all
//! or nothing ([`file_set`]); files already in the folder are not replaced unless asked.

use std::path::{Path, PathBuf};

use super::SystemError;
use super::file_set::{SetError, Staging};
use super::plan_file::{self, PlanFileError};
use super::safe_write::{self, WriteError};
use crate::model::split::{EntityPart, split_by_entity};
use crate::model::{Language, Plan};
use crate::tr;

/// One entity's file, written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrittenPart {
    /// The entidad responsable (empty: the indicators that name none).
    pub entity: String,
    pub path: PathBuf,
    pub indicators: usize,
}

/// Why the entities' files were not written; the folder is as it was, except where said.
#[derive(Debug)]
pub enum SplitError {
    /// The plan has no indicator: there is nothing to hand to anyone.
    NoIndicators,
    /// A file of the set is in the folder already and replacing it was not asked for.
    Exists(PathBuf),
    /// The path given for the folder is a file.
    NotAFolder(PathBuf),
    /// The folder could not be made.
    Folder(PathBuf, SystemError),
    /// A file could not be written or replaced: nothing in the folder changed.
    Write(PathBuf, WriteError),
    /// A part could not be put in a plan file's words (a figure no file can hold).
    Plan(PlanFileError),
    /// Putting the files in place failed and undoing it failed too: the previous version of
    /// `file` is in `kept_in`.
    Stranded {
        file: PathBuf,
        source: WriteError,
        kept_in: PathBuf,
    },
}

impl SplitError {
    /// The problem in words, the path last.
    pub fn message(&self, language: Language) -> String {
        let shown = |path: &Path| path.display().to_string();
        match self {
            SplitError::NoIndicators => tr!(language, "split-no-indicators"),
            SplitError::Exists(path) => tr!(language, "split-file-exists", path = shown(path)),
            SplitError::NotAFolder(path) => {
                tr!(language, "split-not-a-folder", path = shown(path))
            }
            SplitError::Folder(path, error) => tr!(
                language,
                "split-folder-failed",
                detail = error.message(language),
                path = shown(path)
            ),
            SplitError::Write(path, error) => tr!(
                language,
                "split-write-failed",
                detail = error.message(language),
                path = shown(path)
            ),
            SplitError::Plan(error) => error.message(language),
            SplitError::Stranded {
                file,
                source,
                kept_in,
            } => tr!(
                language,
                "split-stranded",
                detail = source.message(language),
                kept_in = shown(kept_in),
                path = shown(file)
            ),
        }
    }
}

impl From<SetError> for SplitError {
    fn from(error: SetError) -> Self {
        match error {
            SetError::Folder(path, e) => SplitError::Folder(path, SystemError::of(&e)),
            SetError::Write(path, e) | SetError::Place(path, e) => SplitError::Write(path, e),
            SetError::Stranded {
                file,
                source,
                kept_in,
            } => SplitError::Stranded {
                file,
                source,
                kept_in,
            },
        }
    }
}

/// The file name of each part, in order: the entity's name made safe for every system
/// (indicators without entity: `sin-entidad.ron`, `no-entity.ron` in English), distinct even
/// where Windows ignores case.
pub fn part_file_names(parts: &[EntityPart], language: Language) -> Vec<String> {
    let fallback = tr!(language, "split-no-entity-file");
    let mut names: Vec<String> = Vec::with_capacity(parts.len());
    for part in parts {
        let first = safe_write::file_name_for(&part.entity, &fallback, "ron");
        let taken = |name: &str| {
            names
                .iter()
                .any(|n| n.to_lowercase() == name.to_lowercase())
        };
        let mut name = first.clone();
        let mut n = 2;
        while taken(&name) {
            let stem = first.trim_end_matches(".ron");
            name = format!("{stem} ({n}).ron");
            n += 1;
        }
        names.push(name);
    }
    names
}

/// What a split wrote, in lines: one per file (entity, indicators, path), then how many files
/// and where.
pub fn summary(parts: &[WrittenPart], folder: &Path, language: Language) -> Vec<String> {
    let mut lines: Vec<String> = parts
        .iter()
        .map(|part| {
            let entity = if part.entity.is_empty() {
                tr!(language, "split-no-entity")
            } else {
                part.entity.clone()
            };
            tr!(
                language,
                "split-written",
                entity = entity,
                count = part.indicators,
                path = part.path.display().to_string()
            )
        })
        .collect();
    lines.push(tr!(
        language,
        "split-summary",
        count = parts.len(),
        path = folder.display().to_string()
    ));
    lines
}

/// Writes one plan file per entity of `plan` into `folder` (made if missing), all or nothing.
/// Files already there are replaced only when `replace`.
pub fn write_parts(
    plan: &Plan,
    folder: &Path,
    replace: bool,
    language: Language,
) -> Result<Vec<WrittenPart>, SplitError> {
    let parts = split_by_entity(plan);
    if parts.is_empty() {
        return Err(SplitError::NoIndicators);
    }
    let names = part_file_names(&parts, language);
    if safe_write::exists(folder) && !folder.is_dir() {
        return Err(SplitError::NotAFolder(folder.to_path_buf()));
    }
    if !replace
        && let Some(existing) = names
            .iter()
            .map(|name| folder.join(name))
            .find(|path| safe_write::exists(path))
    {
        return Err(SplitError::Exists(existing));
    }
    for name in &names {
        let path = folder.join(name);
        safe_write::replaceable(&path).map_err(|e| SplitError::Write(path, e))?;
    }
    let texts = parts
        .iter()
        .map(|part| plan_file::to_text(&part.plan))
        .collect::<Result<Vec<_>, _>>()
        .map_err(SplitError::Plan)?;
    let staging = Staging::begin(folder)?;
    for (name, text) in names.iter().zip(&texts) {
        staging.write(name, |out| std::io::Write::write_all(out, text.as_bytes()))?;
    }
    staging.commit(&names)?;
    Ok(parts
        .into_iter()
        .zip(names)
        .map(|(part, name)| WrittenPart {
            entity: part.entity,
            path: folder.join(name),
            indicators: part.indicators,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::seed_plan;

    #[test]
    fn entity_names_become_file_names_windows_accepts() {
        let name = |text: &str| safe_write::file_name_for(text, "sin-entidad", "ron");
        assert_eq!(name("Secretaría General"), "Secretaría General.ron");
        assert_eq!(
            name("IDPAC / DASCD: \"talento\"?"),
            "IDPAC - DASCD- -talento.ron"
        );
        assert_eq!(name("CON"), "CON_.ron");
        assert_eq!(name("nul.txt"), "nul_.txt.ron");
        assert_eq!(name(" .. "), "sin-entidad.ron");
        assert_eq!(name("Entidad."), "Entidad.ron");
        assert_eq!(name("a\tb"), "a-b.ron");
        for text in ["CON", "lpt1", "a<b>c", "COM9.x", "x|y", "?"] {
            assert!(!safe_write::reserved_on_windows(&name(text)), "{text}");
        }
        assert!(name(&"é".repeat(300)).chars().count() <= 104);
    }

    #[test]
    fn names_that_windows_takes_for_the_same_file_are_told_apart() {
        let mut plan = seed_plan();
        plan.objectives[2].metas[0].indicators[0].entity = "DASCD".into();
        plan.objectives[2].metas[0].indicators[1].entity = "dascd".into();
        plan.objectives[2].metas[0].indicators[2].entity = "DASCD?".into();
        plan.objectives[2].metas[0].indicators[3].entity = String::new();
        let parts = split_by_entity(&plan);
        assert_eq!(
            part_file_names(&parts, Language::Es),
            [
                "Secretaría General.ron",
                "DASCD.ron",
                "dascd (2).ron",
                "DASCD (3).ron",
                "sin-entidad.ron"
            ]
        );
    }

    #[test]
    fn files_in_the_folder_are_not_replaced_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let plan = seed_plan();
        let written = write_parts(&plan, dir.path(), false, Language::Es).unwrap();
        assert_eq!(written.len(), 1);
        let path = &written[0].path;
        assert_eq!(crate::io::plan_file::load(path).unwrap(), plan);
        std::fs::write(path, b"mine").unwrap();
        let error = write_parts(&plan, dir.path(), false, Language::Es).unwrap_err();
        assert!(
            matches!(&error, SplitError::Exists(p) if p == path),
            "{error:?}"
        );
        assert_eq!(std::fs::read(path).unwrap(), b"mine");
        write_parts(&plan, dir.path(), true, Language::Es).unwrap();
        assert_eq!(crate::io::plan_file::load(path).unwrap(), plan);
    }
}
