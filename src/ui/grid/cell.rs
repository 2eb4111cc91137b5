//! One editable number cell, as in a spreadsheet, and the keys it takes.

use egui::{KeyboardShortcut, RichText, TextEdit};
use rust_decimal::Decimal;

use super::GridContext;
use crate::model::Language;
use crate::model::edit::{Edit, IndicatorPath};
use crate::model::format::{NumberError, number_as_stored, parse_optional_number};
use crate::theme;
use crate::tr;
use crate::view::grid::GridLayout;
use crate::view::grid::{
    CELL_KEYS, CellId, CellKey, CellRange, Move, RANGE_KEYS, RangeKey, cell_edit,
};
use crate::view::{Action, CellMode, CellVisit, Draft, Selection, ViewState};

/// The text field's inner margin on each side (egui's default).
const TEXT_MARGIN: f32 = 4.0;

/// The egui id of a cell's text field (also its undo group: one visit, one step).
pub fn cell_widget_id(cell: CellId) -> egui::Id {
    egui::Id::unique(("avance-cell", cell))
}

/// One editable number, as in a spreadsheet: reaching the cell (click, Tab, Enter, arrows)
/// selects its whole text, so typing replaces it; F2 or a double-click puts the caret at the
/// end to amend it. Each valid text goes to the plan at once (one undo step per visit); a bad
/// text marks the cell and never reaches the plan. Enter / Shift+Enter move down / up, Tab /
/// Shift+Tab along the row, arrows, Page Up/Down, Home/End and Ctrl+Home/End as in Excel; Esc
/// restores the value the cell had. A pasted block of cells (as Excel copies them) fills the
/// grid from here in one undo step.
pub fn number_cell_ui(
    ui: &mut egui::Ui,
    grid: &mut GridContext<'_>,
    cell: CellId,
    value: Option<Decimal>,
    indicator: &str,
    at_cut: bool,
) {
    let language = grid.language;
    let this = Cell {
        id: cell_widget_id(cell),
        cell,
        value,
    };
    let focused = ui.memory(|m| m.has_focus(this.id));
    let pasted = focused && take_pasted_block(ui).is_some_and(|block| paste(grid, cell, &block));
    if pasted {
        // The cell shows the pasted value from the next frame on, in a new visit: Esc then
        // gives back what was pasted, never half the block.
        grid.view.drafts.remove(&cell);
        grid.view.visit = None;
    }
    let mut text = grid
        .view
        .drafts
        .get(&cell)
        .map_or_else(|| this.shown(language), |d| d.text.clone());
    if focused && !pasted {
        this.keys(ui, grid, &mut text);
    }
    let has_error = grid
        .view
        .drafts
        .get(&cell)
        .is_some_and(|d| d.error(language).is_some());
    // A figure wider than its column shows as "###" until reached (never cut to another
    // number); reached, it scrolls in its field.
    // A text not accepted is shown as typed, cut with "…" when it does not fit: "###" would
    // hide what the officer has to correct.
    let too_wide = !focused && !super::fits(ui, &text, TEXT_MARGIN);
    let mut too_wide_text = if has_error {
        cut_to_fit(ui, &text)
    } else {
        super::TOO_WIDE.to_owned()
    };
    let shown = if too_wide {
        &mut too_wide_text
    } else {
        &mut text
    };
    let mut edit = TextEdit::singleline(shown)
        .id(this.id)
        .event_filter(egui::EventFilter {
            tab: true,
            horizontal_arrows: true,
            vertical_arrows: true,
            escape: true,
        })
        .align(egui::Align2::RIGHT_CENTER)
        .desired_width(f32::INFINITY);
    if has_error {
        edit = edit
            .background_color(theme::INVALID_CELL)
            .text_color(theme::DARK_TEXT);
    } else if at_cut {
        edit = edit.background_color(theme::cut_quarter_fill(ui.visuals()));
    }
    let name = format!("{indicator} · {}", cell.name(language));
    let mut response = edit.show(ui).response.response.accessible_name(name);
    if too_wide {
        // Nothing typed lands on the "###" stand-in.
        response.flags.remove(egui::response::Flags::CHANGED);
        response = response.on_hover_text(&text);
    }
    this.after_show(ui, grid, &response, &text, pasted);
    if let Some(error) = grid.view.drafts.get(&cell).and_then(|d| d.error(language)) {
        response.on_hover_text(
            RichText::new(not_accepted(&error, language)).color(theme::error_text(ui.visuals())),
        );
    }
}

/// The start of `text` with "…" after it, as much as fits in the cell.
fn cut_to_fit(ui: &egui::Ui, text: &str) -> String {
    let mut shown: String = text.chars().collect();
    while !shown.is_empty() {
        shown.pop();
        let candidate = format!("{shown}…");
        if super::fits(ui, &candidate, TEXT_MARGIN) {
            return candidate;
        }
    }
    "…".to_owned()
}

/// A block pasted into the cell: the edits it makes, in one undo step, or why none. Returns
/// whether the block was taken.
fn paste(grid: &mut GridContext<'_>, cell: CellId, block: &str) -> bool {
    let language = grid.language;
    match grid.layout.paste(cell, block, language) {
        Ok(edits) => {
            grid.actions.push(Action::EditBatch(edits));
            true
        }
        Err(e) => {
            let text = e.message(|at| grid.label_of(at), language);
            grid.actions.push(Action::Notify {
                title: tr!(language, "grid-could-not-paste"),
                text,
            });
            false
        }
    }
}

/// The cell being drawn: which it is, its field's id, the plan's value.
struct Cell {
    id: egui::Id,
    cell: CellId,
    value: Option<Decimal>,
}

impl Cell {
    /// The value as the cell shows it when nothing is being typed.
    fn shown(&self, language: Language) -> String {
        self.value
            .map_or_else(String::new, |v| number_as_stored(v, language))
    }

    /// The edit that sets the cell to `value`.
    fn edit(&self, value: Option<Decimal>) -> Option<Edit> {
        cell_edit(self.cell, value)
    }

    /// A new visit to this cell: the whole text selected, typing replaces it.
    fn begin_visit(&self, ui: &egui::Ui, view: &mut ViewState, text: &str) -> CellVisit {
        let visit = CellVisit {
            cell: self.cell,
            mode: CellMode::Ready,
            original: self.value,
        };
        view.visit = Some(visit);
        select_all(ui, self.id, text);
        visit
    }

    /// This cell's visit, begun now if the focus just arrived.
    fn visit(&self, ui: &egui::Ui, view: &mut ViewState, text: &str) -> CellVisit {
        match view.visit {
            Some(visit) if visit.cell == self.cell => visit,
            _ => self.begin_visit(ui, view, text),
        }
    }

    /// Before the text field sees this frame's keys: ranges (Shift+arrows, Ctrl+C, Delete,
    /// Ctrl+D), moves, F2 and Esc.
    fn keys(&self, ui: &mut egui::Ui, grid: &mut GridContext<'_>, text: &mut String) {
        let language = grid.language;
        let mode = self.visit(ui, grid.view, text).mode;
        if mode != CellMode::Amending && self.range_keys(ui, grid) {
            return;
        }
        let (view, actions, layout) = (&mut *grid.view, &mut *grid.actions, grid.layout);
        let mut visit = self.visit(ui, view, text);
        match cell_key(ui, self.id, &mut visit.mode, text) {
            Some(CellKey::Move(to)) => {
                view.range = None;
                let moved = move_from(ui, grid.objective, layout, self.cell, to, view, actions);
                if !moved && to == Move::Down {
                    // Down on the last row: the value is accepted, the cell stays.
                    visit = self.begin_visit(ui, view, text);
                }
            }
            Some(CellKey::Amend) => {
                visit.mode = CellMode::Amending;
                caret_at_end(ui, self.id, text);
            }
            Some(CellKey::Cancel) => {
                view.range = None;
                if let Some(restore) = self.edit(visit.original) {
                    actions.push(Action::CancelCellEdit {
                        group: self.id,
                        restore,
                    });
                }
                view.drafts.remove(&self.cell);
                *text = visit
                    .original
                    .map_or_else(String::new, |v| number_as_stored(v, language));
                visit.mode = CellMode::Ready;
                select_all(ui, self.id, text);
            }
            None => {}
        }
        view.visit = Some(visit);
    }

    /// The keys that act on a range of cells (from this one when there is none): Shift+arrows
    /// extend it, Ctrl+C copies it as Excel pastes it, Delete empties it, Ctrl+D fills it down.
    /// Returns whether a key was taken.
    fn range_keys(&self, ui: &mut egui::Ui, grid: &mut GridContext<'_>) -> bool {
        let layout = grid.layout;
        let range = grid.view.range.unwrap_or(CellRange {
            anchor: self.cell,
            end: self.cell,
        });
        let several = range.anchor != range.end;
        let taken = RANGE_KEYS.iter().find_map(|(shortcut, what)| {
            let taken = match what {
                RangeKey::Copy => ui.input_mut(|i| {
                    let at = i.events.iter().position(|e| matches!(e, egui::Event::Copy));
                    at.map(|at| i.events.remove(at)).is_some()
                }),
                // Read with the typing, after the text field (see `after_show`).
                RangeKey::Paste => false,
                RangeKey::Clear => several && take_key(ui, shortcut),
                RangeKey::Extend(_) | RangeKey::FillDown => take_key(ui, shortcut),
            };
            taken.then_some(*what)
        });
        match taken {
            Some(RangeKey::Extend(to)) => {
                let end = layout.target(range.end, to).unwrap_or(range.end);
                grid.view.range = Some(CellRange { end, ..range });
            }
            Some(RangeKey::Copy) => {
                let text = layout.copy_text(range, |row, column| grid.cell_text(row, column));
                ui.ctx().copy_text(text);
            }
            Some(RangeKey::Clear) => {
                grid.actions.push(Action::EditBatch(layout.clear(range)));
                grid.view.range = None;
            }
            Some(RangeKey::FillDown) => self.fill_down(grid, range, several),
            Some(RangeKey::Paste) | None => return false,
        }
        true
    }

    /// Ctrl+D: the range filled from its first row; a single cell takes the value of the one
    /// above, as in Excel.
    fn fill_down(&self, grid: &mut GridContext<'_>, range: CellRange, several: bool) {
        let layout = grid.layout;
        let range = if several {
            range
        } else {
            match layout.target(self.cell, Move::Up) {
                Some(above) => CellRange {
                    anchor: above,
                    end: self.cell,
                },
                None => return,
            }
        };
        let plan = grid.plan;
        let value_of = |cell: CellId| cell.number(plan);
        grid.actions
            .push(Action::EditBatch(layout.fill_down(range, value_of)));
        grid.view.drafts.remove(&self.cell);
        grid.view.visit = None;
    }

    /// After the text field: focus arriving or leaving, clicks, typing.
    fn after_show(
        &self,
        ui: &egui::Ui,
        grid: &mut GridContext<'_>,
        response: &egui::Response,
        text: &str,
        pasted: bool,
    ) {
        let language = grid.language;
        let (view, actions) = (&mut *grid.view, &mut *grid.actions);
        self.mouse_range(ui, view, response);
        if view.next_frame.focus == Some(self.cell) {
            response.request_focus();
            response.scroll_to_me(None);
            view.next_frame.focus = None;
            grid.reached = Some(response.rect);
        }
        if response.has_focus() && !pasted {
            let mut visit = self.visit(ui, view, text);
            if response.double_clicked() {
                visit.mode = CellMode::Amending;
                caret_at_end(ui, self.id, text);
            } else if visit.mode == CellMode::Ready
                && (response.clicked() || response.is_pointer_button_down_on())
            {
                // A click on the cell already reached (as in Excel) keeps it whole: typing
                // still replaces the value. Once typing or amending, a click places the caret.
                select_all(ui, self.id, text);
            }
            if response.changed() && visit.mode == CellMode::Ready {
                visit.mode = CellMode::Typing;
            }
            view.visit = Some(visit);
        }
        if response.changed() {
            let reached = view
                .visit
                .filter(|v| v.cell == self.cell)
                .map_or(self.value, |v| v.original);
            view.drafts.insert(
                self.cell,
                Draft {
                    text: text.to_owned(),
                },
            );
            match parse_optional_number(text, language) {
                Ok(new_value) if new_value != self.value => {
                    actions.extend(
                        self.edit(new_value)
                            .map(|edit| Action::Edit(edit, Some(self.id))),
                    );
                }
                Ok(_) => {}
                // Not a number: the plan holds what the cell had when it was reached, never a
                // figure typed on the way ("2" of "2o"), and keeps no step of it.
                Err(_) if self.value != reached => {
                    actions.extend(self.edit(reached).map(|restore| Action::CancelCellEdit {
                        group: self.id,
                        restore,
                    }));
                }
                Err(_) => {}
            }
        }
        if response.lost_focus() {
            actions.push(Action::EndEditGroup);
            if view.visit.is_some_and(|v| v.cell == self.cell) {
                view.visit = None;
            }
            if view
                .drafts
                .get(&self.cell)
                .is_some_and(|d| d.error(language).is_none())
            {
                view.drafts.remove(&self.cell);
            }
        }
    }
}

impl Cell {
    /// Shift+click extends the range from where it began (or the cell that had the focus) to
    /// this cell; a drag across cells selects the rectangle it covers; a plain click ends it.
    fn mouse_range(&self, ui: &egui::Ui, view: &mut ViewState, response: &egui::Response) {
        let pressed = response.is_pointer_button_down_on() || response.clicked();
        if pressed && ui.input(|i| i.modifiers.shift) {
            let anchor = view
                .range
                .map(|r| r.anchor)
                .or(view.visit.map(|v| v.cell))
                .unwrap_or(self.cell);
            view.range = Some(CellRange {
                anchor,
                end: self.cell,
            });
        } else if response.drag_started() {
            view.range = Some(CellRange {
                anchor: self.cell,
                end: self.cell,
            });
            view.range_drag = true;
        } else if view.range_drag && ui.rect_contains_pointer(response.rect) {
            if let Some(range) = &mut view.range {
                range.end = self.cell;
            }
        } else if response.clicked() && !view.range_drag {
            view.range = None;
        }
    }
}

/// Sends the focus where `to` goes from `cell`, once what the visit typed is one undo step of
/// its own. Enter in the last row, or Tab from its last cell, goes on in a new row, as in
/// Excel: an indicator added to the last row's meta (one undo step), selected, its code
/// reached. Returns whether the focus moves.
pub fn move_from(
    ui: &egui::Ui,
    objective: &crate::model::Objective,
    layout: &GridLayout,
    cell: CellId,
    to: Move,
    view: &mut ViewState,
    actions: &mut Vec<Action>,
) -> bool {
    actions.push(Action::EndEditGroup);
    let target = match layout.target(cell, to) {
        Some(target) => target,
        None => match layout.past_last_row(cell, to) {
            Some(last) => {
                let Some(meta) = objective.metas.get(last.meta) else {
                    return false;
                };
                let at = IndicatorPath {
                    indicator: meta.indicators.len(),
                    ..last
                };
                actions.push(Action::Edit(
                    Edit::AddIndicator {
                        objective: last.objective,
                        meta: last.meta,
                    },
                    None,
                ));
                actions.push(Action::Select(Selection::Indicator(at)));
                GridLayout::row_start(at)
            }
            None => return false,
        },
    };
    view.next_frame.focus = Some(target);
    ui.ctx().request_repaint();
    true
}

/// Takes a key press with exactly the shortcut's modifiers out of this frame's input.
fn take_key(ui: &mut egui::Ui, shortcut: &KeyboardShortcut) -> bool {
    ui.input_mut(|i| {
        let at = i.events.iter().position(|e| {
            matches!(e, egui::Event::Key { key, pressed: true, modifiers, .. }
                if *key == shortcut.logical_key && modifiers.matches_exact(shortcut.modifiers))
        });
        at.map(|at| i.events.remove(at)).is_some()
    })
}

/// Takes out of this frame's input the key that moves, amends or cancels, before the text
/// field sees it ([`CELL_KEYS`]). Arrows and Home/End move between cells unless the user is
/// amending the text (F2, a double-click, or a caret placed in the text with the mouse).
pub(super) fn cell_key(
    ui: &mut egui::Ui,
    id: egui::Id,
    mode: &mut CellMode,
    text: &str,
) -> Option<CellKey> {
    let whole_text_selected = text.is_empty()
        || egui::TextEdit::load_state(ui.ctx(), id)
            .and_then(|s| s.cursor.char_range())
            .is_some_and(|r| {
                let [start, end] = r.sorted_cursors();
                start.index.0 == 0 && end.index.0 == text.chars().count()
            });
    if *mode == CellMode::Ready && !whole_text_selected {
        // The caret was placed in the text: the user is amending it.
        *mode = CellMode::Amending;
    }
    let arrows_move = match *mode {
        CellMode::Ready | CellMode::Typing => true,
        CellMode::Amending => text.is_empty(),
    };
    let home_end_move = *mode == CellMode::Ready;
    CELL_KEYS
        .iter()
        .find(|(shortcut, _)| {
            CellKey::applies(shortcut, arrows_move, home_end_move) && take_key(ui, shortcut)
        })
        .map(|(_, key)| *key)
}

/// Selects the whole text of the field `id` (shown from the next frame).
pub(super) fn select_all(ui: &egui::Ui, id: egui::Id, text: &str) {
    set_selection(ui, id, egui::text::CCursorRange::select_all_str(text));
}

/// Puts the caret after the last character of the field `id`.
pub(super) fn caret_at_end(ui: &egui::Ui, id: egui::Id, text: &str) {
    let end = egui::text::CCursor::end_of_str(text);
    set_selection(ui, id, egui::text::CCursorRange::one(end));
}

fn set_selection(ui: &egui::Ui, id: egui::Id, range: egui::text::CCursorRange) {
    let mut state = egui::TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
    state.cursor.set_char_range(Some(range));
    egui::TextEdit::store_state(ui.ctx(), id, state);
    ui.ctx().request_repaint();
}

/// Why a cell's text was not accepted, in the language: "«abc» no se aceptó: …".
pub fn not_accepted(error: &NumberError, language: Language) -> String {
    tr!(
        language,
        "cell-not-accepted",
        reason = error.message(language)
    )
}

/// Takes a pasted block of several cells out of this frame's input, so the cell's text field
/// does not receive it. A single value (even with Excel's trailing line break) is left to the
/// field, without the line break.
fn take_pasted_block(ui: &mut egui::Ui) -> Option<String> {
    ui.input_mut(|input| {
        let mut block = None;
        input.events.retain_mut(|event| match event {
            egui::Event::Paste(text) => {
                let trimmed = text.trim_end_matches(['\r', '\n']).to_owned();
                if trimmed.contains(['\t', '\n']) {
                    block = Some(trimmed);
                    false
                } else {
                    *text = trimmed;
                    true
                }
            }
            _ => true,
        });
        block
    })
}
