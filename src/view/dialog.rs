//! The questions and messages shown over the window, and their answers.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::command::Command;
use super::consolidate::Consolidation;
use super::new_plan::{NewPlanForm, NewPlanSpec};
use super::refused::RefusedEntry;
use super::reweight::Reweighting;
use crate::model::Language;
use crate::model::edit::IndicatorPath;
use crate::model::{MAX_OBJECTIVES, Period, Quarter, Vigencia};
use crate::tr;

/// A question or message shown over the window.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// The comment of an indicator's quarter, in a box large enough for a paragraph.
    Comment {
        at: IndicatorPath,
        vigencia: Vigencia,
        quarter: Quarter,
        /// How officers name the indicator, for the box's title.
        indicator: String,
        text: String,
        /// The comment as it was when the box opened: leaving with other text asks first.
        original: String,
        /// Esc or a click outside came with text not saved: the box asks whether to drop it.
        asking_to_discard: bool,
        /// Shown for the first time: focus the text.
        fresh: bool,
    },
    /// Unsaved changes: Guardar / Descartar / Cancelar, then `then`.
    UnsavedChanges { then: Command },
    /// A message (an error reading or writing a file, a cancelled dialog).
    Message { title: String, text: String },
    /// An import stopped on bad rows: import without them, or cancel.
    ImportProblems {
        path: PathBuf,
        target: ImportTarget,
        text: String,
    },
    /// No file came from the file dialog (the user closed it, or the system has none): the
    /// user types the path, offered pre-filled, or cancels.
    TypePath {
        purpose: PathPurpose,
        input: String,
        /// Shown for the first time: focus the field with its whole text selected.
        fresh: bool,
    },
    /// Save As would replace a file that exists (a dangling link counts): Reemplazar / Cancelar.
    ConfirmReplace { save: PendingSave },
    /// The plan's file changed on disk since it was opened or saved (someone else saved):
    /// Guardar como… / Sobrescribir / Recargar / Cancelar.
    ChangedOnDisk { save: PendingSave },
    /// The file has hand-written comments that saving drops: save anyway, Save As, or cancel.
    DropComments {
        save: PendingSave,
        line: usize,
        column: usize,
        /// Where the hand-written version will be kept aside.
        copy: PathBuf,
    },
    /// A save failed and the file is untouched: Guardar como… / Cerrar, and Reintentar when
    /// another program held the file (the officer closes it there, then tries again).
    SaveFailed {
        text: String,
        retry: Option<PendingSave>,
    },
    /// A recovery copy left by a window that did not close cleanly: restore or discard.
    Recover {
        source: Option<PathBuf>,
        written: std::time::SystemTime,
    },
    /// Archivo → Consolidar…: the entity files, their conflicts and the choices.
    Consolidate(Box<Consolidation>),
    /// A save asked for while texts on screen were not accepted (a cell in red…): correct
    /// them, or save without them (the file gets the values the plan holds), then `then`.
    RefusedTexts {
        then: Command,
        entries: Vec<RefusedEntry>,
    },
    /// Editar → Ajustar ponderaciones…: the weights proposed for an objective and a vigencia
    /// beside the current ones.
    Reweight(Box<Reweighting>),
    /// An export failed and nothing was written: Cerrar, and Reintentar when another program
    /// (Excel, most often) held the file: the officer closes it there, then tries again.
    ExportFailed {
        text: String,
        retry: Option<PathBuf>,
    },
    /// Archivo → Nuevo: the new plan's title, sector, period, number of objectives and
    /// entities, as typed: Crear / Cancelar.
    NewPlan(Box<NewPlanForm>),
    /// Removing an entity that indicators name: Eliminar / Cancelar.
    RemoveEntity {
        /// Its index in the plan.
        entity: usize,
        name: String,
        indicators: usize,
    },
    /// A period that leaves out vigencias holding figures: Cambiar el periodo / Cancelar.
    ShortenPeriod { period: Period, figures: usize },
    /// Removing an objective that has indicators: Eliminar / Cancelar.
    RemoveObjective {
        /// Its index in the plan.
        objective: usize,
        number: u8,
        indicators: usize,
    },
}

/// Why a text typed as a number of objectives is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ObjectiveCountError {
    /// Not a whole number.
    NotANumber,
    /// 0, or more than [`MAX_OBJECTIVES`].
    OutOfRange,
}

impl ObjectiveCountError {
    /// The refusal in words, naming the range.
    pub fn message(self, language: Language) -> String {
        match self {
            ObjectiveCountError::NotANumber => {
                tr!(
                    language,
                    "new-plan-objectives-not-a-number",
                    max = MAX_OBJECTIVES
                )
            }
            ObjectiveCountError::OutOfRange => {
                tr!(
                    language,
                    "new-plan-objectives-out-of-range",
                    max = MAX_OBJECTIVES
                )
            }
        }
    }
}

/// The number of objectives a text asks for: a whole number from 1 to [`MAX_OBJECTIVES`],
/// spaces around allowed.
pub fn objective_count(text: &str) -> Result<u8, ObjectiveCountError> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ObjectiveCountError::NotANumber);
    }
    text.parse::<u8>()
        .ok()
        .filter(|n| (1..=MAX_OBJECTIVES).contains(n))
        .ok_or(ObjectiveCountError::OutOfRange)
}

/// Where imported figures go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportTarget {
    /// A new, unsaved plan (Archivo → Importar…).
    NewPlan,
    /// The open plan, keeping its texts, in one undo step (Importar cifras en el plan abierto…).
    OpenPlan,
}

/// What a typed path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    Import,
    ImportIntoOpenPlan,
    Export,
    /// The plan file to compare the open plan with.
    Compare,
    /// The folder the briefing pack (slides as PNG and PDF) goes to.
    ExportSlides,
    /// The folder the entities' files go to (Preparar archivos por entidad…).
    SplitByEntity,
}

/// Questions about a save the user already answered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Confirmed {
    /// Replace a file that exists (Save As).
    pub replace: bool,
    /// Overwrite a file someone else saved since it was opened.
    pub overwrite_changed: bool,
    /// Drop the hand-written comments of the file.
    pub drop_comments: bool,
}

/// A save waiting for the user's answer to a question about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingSave {
    pub path: PathBuf,
    pub confirmed: Confirmed,
}

impl PendingSave {
    /// A save to `path` with nothing answered yet.
    pub fn new(path: PathBuf) -> Self {
        Self {
            path,
            confirmed: Confirmed::default(),
        }
    }
}

/// The answer to "there are unsaved changes".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

/// What the user answered this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogAnswer {
    /// The comment written (`None`: cancelled).
    Comment(Option<String>),
    Unsaved(UnsavedAnswer),
    Dismiss,
    /// Import without the rows listed (true) or not at all (false).
    ImportAnyway(bool),
    /// The path typed (`None`: cancelled).
    TypedPath(Option<String>),
    /// Replace the existing file (true) or not.
    Replace(bool),
    ChangedOnDisk(ChangedOnDiskAnswer),
    DropComments(CommentsAnswer),
    SaveFailed(SaveFailedAnswer),
    Recover(RecoverAnswer),
    Consolidate(ConsolidateAnswer),
    RefusedTexts(RefusedAnswer),
    /// After a failed export: true to try the same export again.
    ExportFailed(bool),
    /// The new plan's frame (`None`: cancelled).
    NewPlan(Option<Box<NewPlanSpec>>),
    /// Remove the objective (true) or keep it.
    RemoveObjective(bool),
    /// Remove the entity (true) or keep it.
    RemoveEntity(bool),
    /// Set the period that drops figures (true) or keep the plan's.
    ShortenPeriod(bool),
    Reweight(ReweightAnswer),
}

/// What was asked in the weights dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReweightAnswer {
    /// The objective, the vigencia or the basis changed: propose again.
    Changed,
    /// Apply the proposal (one undo step).
    Apply,
    Cancel,
}

/// The answer to "some texts were not accepted" before a save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefusedAnswer {
    /// Go to the first of them; nothing is saved.
    Correct,
    /// Save the values the plan holds; the texts not accepted are dropped.
    SaveWithout,
}

/// After a failed save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveFailedAnswer {
    /// The same save again (the other program was closed).
    Retry,
    SaveAs,
    Close,
}

/// What was asked in the consolidation dialog (the choices are made in the dialog itself).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsolidateAnswer {
    /// Choose one more entity file with the file dialog.
    PickFile,
    /// Add the file whose path was typed.
    AddTyped,
    /// Take a file off the list.
    Remove(usize),
    /// Consolidate (every conflict chosen).
    Merge,
    Cancel,
}

/// The answer to "the file changed on disk".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangedOnDiskAnswer {
    SaveAs,
    Overwrite,
    Reload,
    Cancel,
}

/// The answer to "the file has comments that saving drops".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommentsAnswer {
    SaveWithout,
    SaveAs,
    Cancel,
}

/// The answer to "there is a recovery copy".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoverAnswer {
    Restore,
    Discard,
    /// Keep it for the next start.
    Later,
}

/// How long ago a moment was, in words: "hace unos segundos", "hace 5 min".
fn how_long_ago(written: SystemTime, language: Language) -> String {
    let seconds = SystemTime::now()
        .duration_since(written)
        .unwrap_or_default()
        .as_secs();
    match seconds {
        0..60 => tr!(language, "ago-seconds"),
        60..3600 => tr!(language, "ago-minutes", n = (seconds / 60) as usize),
        3600..86400 => tr!(language, "ago-hours", n = (seconds / 3600) as usize),
        _ => tr!(language, "ago-days", n = (seconds / 86400) as usize),
    }
}

/// The recovery question's text: when the copy was written and from which file.
pub fn recovery_text(source: Option<&Path>, written: SystemTime, language: Language) -> String {
    let ago = how_long_ago(written, language);
    match source {
        Some(file) => tr!(
            language,
            "recovery-of-file",
            file = file.display().to_string(),
            ago = ago
        ),
        None => tr!(language, "recovery-never-saved", ago = ago),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_of_objectives_is_a_whole_number_from_1_to_the_most() {
        assert_eq!(objective_count("5"), Ok(5));
        assert_eq!(objective_count(" 20 "), Ok(20));
        assert_eq!(objective_count("0"), Err(ObjectiveCountError::OutOfRange));
        assert_eq!(objective_count("21"), Err(ObjectiveCountError::OutOfRange));
        assert_eq!(objective_count("300"), Err(ObjectiveCountError::OutOfRange));
        for bad in ["", "5,5", "-3", "cinco", "7a"] {
            assert_eq!(
                objective_count(bad),
                Err(ObjectiveCountError::NotANumber),
                "{bad}"
            );
        }
    }
}
