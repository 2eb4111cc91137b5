//! What a panel asks for. Panels never change the plan: they push an [`Action`], and the
//! application applies them once the frame's panels are drawn. What is only looked at (the
//! selection, a cell's visit and draft, open boxes, pages) panels change in
//! [`ViewState`](super::ViewState) themselves; an action that also moves the view (selecting
//! an indicator reveals it, a finding focuses its cell) is applied by the application.

use super::command::Command;
use super::grid::CellId;
use super::state::Selection;
use crate::model::edit::{Edit, IndicatorPath};
use crate::model::validation::Finding;
use crate::model::{Cut, Period, Quarter, Vigencia};

/// What a panel asks for; applied once the frame's panels are drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Command(Command),
    /// An edit; edits with the same group in a row undo together.
    Edit(Edit, Option<egui::Id>),
    /// Give an entry box back the value it had when it was reached: Esc in a cell, or a text
    /// that stopped being a number. Undoes what typing in it changed (its group, which leaves
    /// the history: nothing to undo or redo), or else sets this edit's value back.
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
    /// Makes the cut the plan's: every figure is read at it, and it is saved (one undo step).
    SetCut(Cut),
    /// Go to where a finding points.
    Reveal(Finding),
    /// Select a cell's objective and focus the cell.
    FocusCell(CellId),
    /// Open the comment editor of an indicator's quarter.
    EditComment {
        at: IndicatorPath,
        vigencia: Vigencia,
        quarter: Quarter,
    },
    /// The find bar's words changed: look for them again.
    FindText(String),
    /// Go to the next place the find bar's words were found (Enter, F3).
    FindNext,
    /// Close the find bar (Esc); the focus goes to the figure found at the cut.
    CloseFind,
    /// The first-start line was read: do not show it again.
    DismissWelcome,
    /// Remove the objective at this index: at once when it has no indicators, after asking
    /// when it has.
    RemoveObjective(usize),
    /// Remove the entity at this index: at once when no indicator names it, after asking when
    /// some do.
    RemoveEntity(usize),
    /// Set the plan's period: at once when it drops no figure, after asking when it does.
    SetPeriod(Period),
}
