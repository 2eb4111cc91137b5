//! What a panel asks for. Panels never change the plan or the view themselves: they push an
//! [`Action`], and the application applies them once the frame's panels are drawn.

use super::command::Command;
use super::grid::CellId;
use super::state::Selection;
use crate::model::Cut;
use crate::model::edit::Edit;
use crate::model::validation::Finding;

/// What a panel asks for; applied once the frame's panels are drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Command(Command),
    /// An edit; edits with the same group in a row undo together.
    Edit(Edit, Option<egui::Id>),
    /// Esc in a cell: undo what typing in it changed (its group), or else set this edit's
    /// value back; never leaves a step to redo.
    CancelCellEdit {
        group: egui::Id,
        restore: Edit,
    },
    /// The cell was left: the next typing starts a new undo step.
    EndEditGroup,
    /// Several edits that undo together (a pasted block).
    EditBatch(Vec<Edit>),
    /// A message to show.
    Notify {
        title: String,
        text: String,
    },
    Select(Selection),
    SetCut(Cut),
    /// Go to where a finding points.
    Reveal(Finding),
    /// Select a cell's objective and focus the cell.
    FocusCell(CellId),
}
