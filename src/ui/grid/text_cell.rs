//! A cell of the grid that holds a text: the indicator's code, name and unit, and its type
//! (chosen by typing the start of its name). The keys are a number cell's: reaching it selects
//! its text, so typing replaces it; Enter, Tab and arrows move on, Esc gives back what it had.
//! Each text goes to the plan as typed, one undo step per visit.

use egui::TextEdit;

use super::GridContext;
use super::cell::{caret_at_end, cell_key, cell_widget_id, move_from, select_all};
use crate::model::Indicator;
use crate::model::edit::Edit;
use crate::view::grid::{CellId, CellKey, Entry, TypeTyped, annualization_name, type_typed};
use crate::view::{Action, CellMode, CellVisit, Draft, Selection};

/// The text cell `cell` of the indicator officers name `label`; its field, once drawn.
pub fn text_cell_ui(
    ui: &mut egui::Ui,
    grid: &mut GridContext<'_>,
    cell: CellId,
    label: &str,
) -> Option<egui::Response> {
    let indicator = grid.plan.indicator(cell.at)?;
    let language = grid.language;
    let id = cell_widget_id(cell);
    let stored = stored_text(indicator, cell.entry, language);
    // Only a type being typed ("c" of creciente or constante) differs from the plan.
    let mut text = grid
        .view
        .drafts
        .get(&cell)
        .map_or_else(|| stored.clone(), |d| d.text.clone());
    let focused = ui.memory(|m| m.has_focus(id));
    if focused {
        keys(ui, grid, cell, &text, restore_edit(indicator, cell));
    }
    let typed_before = text.clone();
    let mut edit = TextEdit::singleline(&mut text)
        .id(id)
        .event_filter(egui::EventFilter {
            tab: true,
            horizontal_arrows: true,
            vertical_arrows: true,
            escape: true,
        })
        .desired_width(f32::INFINITY);
    match cell.entry {
        Entry::Name => edit = edit.hint_text(crate::tr!(language, "grid-no-name")),
        Entry::Code => edit = edit.hint_text("N/A"),
        _ => {}
    }
    let name = format!("{label} · {}", cell.name(language));
    let response = edit.show(ui).response.response.accessible_name(name);
    let response = match cell.entry {
        Entry::Type => response.on_hover_text(crate::tr!(language, "grid-type-hint")),
        _ if !stored.is_empty() && !response.has_focus() => response.on_hover_text(&stored),
        _ => response,
    };
    after_show(ui, grid, cell, &response, &text, &typed_before);
    Some(response)
}

/// What the plan holds in the cell, as it shows it.
fn stored_text(indicator: &Indicator, entry: Entry, language: crate::model::Language) -> String {
    match entry {
        Entry::Code => indicator.code.clone().unwrap_or_default(),
        Entry::Name => indicator.name.clone(),
        Entry::Unit => indicator.unit.clone(),
        Entry::Type => annualization_name(indicator.annualization, language),
        Entry::Figure(..) | Entry::Baseline => String::new(),
    }
}

/// The edit that gives the cell back what the plan holds now (Esc, when the visit's own undo
/// step is already gone).
fn restore_edit(indicator: &Indicator, cell: CellId) -> Option<Edit> {
    match cell.entry {
        Entry::Code => cell.text_edit(indicator.code.clone().unwrap_or_default()),
        Entry::Name => cell.text_edit(indicator.name.clone()),
        Entry::Unit => cell.text_edit(indicator.unit.clone()),
        Entry::Type => Some(Edit::Annualization {
            at: cell.at,
            kind: indicator.annualization,
        }),
        Entry::Figure(..) | Entry::Baseline => None,
    }
}

/// This cell's visit, begun now (its text selected) if the focus just arrived.
fn visit(ui: &egui::Ui, grid: &mut GridContext<'_>, cell: CellId, text: &str) -> CellVisit {
    match grid.view.visit {
        Some(visit) if visit.cell == cell => visit,
        _ => {
            let visit = CellVisit {
                cell,
                mode: CellMode::Ready,
                original: None,
            };
            grid.view.visit = Some(visit);
            select_all(ui, cell_widget_id(cell), text);
            visit
        }
    }
}

/// Before the text field sees this frame's keys: moves, F2 and Esc.
fn keys(
    ui: &mut egui::Ui,
    grid: &mut GridContext<'_>,
    cell: CellId,
    text: &str,
    restore: Option<Edit>,
) {
    let id = cell_widget_id(cell);
    let mut visit = visit(ui, grid, cell, text);
    let (view, actions, layout) = (&mut *grid.view, &mut *grid.actions, grid.layout);
    match cell_key(ui, id, &mut visit.mode, text) {
        Some(CellKey::Move(to)) => {
            view.range = None;
            move_from(ui, grid.objective, layout, cell, to, view, actions);
        }
        Some(CellKey::Amend) => {
            visit.mode = CellMode::Amending;
            caret_at_end(ui, id, text);
        }
        Some(CellKey::Cancel) => {
            view.range = None;
            actions.extend(restore.map(|restore| Action::CancelCellEdit { group: id, restore }));
            view.drafts.remove(&cell);
            // The plan's text from the next frame on (the visit's step is taken back), reached
            // anew: its text selected.
            view.visit = None;
            ui.ctx().request_repaint();
            return;
        }
        None => {}
    }
    view.visit = Some(visit);
}

/// After the text field: focus arriving or leaving, clicks, typing. `before` is the text the
/// field was given.
fn after_show(
    ui: &egui::Ui,
    grid: &mut GridContext<'_>,
    cell: CellId,
    response: &egui::Response,
    text: &str,
    before: &str,
) {
    if grid.view.next_frame.focus == Some(cell) {
        response.request_focus();
        response.scroll_to_me(None);
        grid.view.next_frame.focus = None;
        grid.reached = Some(response.rect);
    }
    if response.clicked() && cell.entry == Entry::Name {
        // The name selects its indicator, as the tree does (its details open above).
        grid.actions
            .push(Action::Select(Selection::Indicator(cell.at)));
    }
    if response.has_focus() {
        let mut visit = visit(ui, grid, cell, before);
        if response.double_clicked() {
            visit.mode = CellMode::Amending;
            caret_at_end(ui, cell_widget_id(cell), text);
        } else if visit.mode == CellMode::Ready && response.clicked() {
            select_all(ui, cell_widget_id(cell), text);
        }
        if response.changed() && visit.mode == CellMode::Ready {
            visit.mode = CellMode::Typing;
        }
        grid.view.visit = Some(visit);
    }
    if response.changed() {
        typed(grid, cell, text);
    }
    if response.lost_focus() {
        grid.actions.push(Action::EndEditGroup);
        if grid.view.visit.is_some_and(|v| v.cell == cell) {
            grid.view.visit = None;
        }
        // A type left half typed shows the type the plan holds.
        grid.view.drafts.remove(&cell);
    }
}

/// What a keystroke in the cell does: a code, name or unit goes to the plan as typed; a type
/// does once the text names one type, and a keystroke that names none is not taken.
fn typed(grid: &mut GridContext<'_>, cell: CellId, text: &str) {
    let group = Some(cell_widget_id(cell));
    if cell.entry != Entry::Type {
        grid.actions.extend(
            cell.text_edit(text.to_owned())
                .map(|edit| Action::Edit(edit, group)),
        );
        return;
    }
    match type_typed(text, grid.language) {
        TypeTyped::One(kind) => {
            grid.actions.push(Action::Edit(
                Edit::Annualization { at: cell.at, kind },
                group,
            ));
            grid.view.drafts.insert(
                cell,
                Draft {
                    text: text.to_owned(),
                },
            );
        }
        TypeTyped::Several => {
            grid.view.drafts.insert(
                cell,
                Draft {
                    text: text.to_owned(),
                },
            );
        }
        TypeTyped::None => {}
    }
}
