//! What the panels asked for this frame ([`Action`]s), the keyboard shortcuts, and the
//! window's close button, applied once the panels are drawn.

use super::{AvanceApp, files};
use crate::model::edit::Edit;
use crate::model::edit::Figure;
use crate::model::edit::IndicatorPath;
use crate::model::search;
use crate::model::validation::{Field, Finding, indicator_label};
use crate::model::{Cut, Quarter, Vigencia};
use crate::view::command::KeyMode;
use crate::view::{Action, CellId, Command, Dialog, Find, Selection};

impl AvanceApp {
    /// Applies the frame's actions; whether one changed the plan's structure (then the
    /// recovery copy is written at once).
    pub(super) fn apply_actions(&mut self, egui_ctx: &egui::Context) -> bool {
        let actions = std::mem::take(&mut self.actions);
        let mut changed = false;
        let mut structural = false;
        for action in actions {
            match action {
                Action::Command(command) => {
                    self.run_command(command);
                    changed = true;
                }
                Action::Edit(edit, group) => {
                    structural |= files::is_structural(&edit);
                    // An edit that points at a removed item is dropped: nothing to change.
                    changed |= self.doc.apply(edit, group).is_ok();
                }
                Action::CancelCellEdit { group, restore } => {
                    changed |=
                        self.doc.cancel_group(group) || self.doc.apply(restore, None).is_ok();
                }
                Action::EndEditGroup => self.doc.end_group(),
                Action::EditBatch(edits) => {
                    structural = true;
                    if self.doc.apply_all(edits.clone()).is_ok() {
                        // The cells written show what they now hold, not a text left red.
                        self.view.drop_drafts_written_by(&edits);
                        changed = true;
                    }
                }
                Action::Notify { title, text } => {
                    self.dialog = Some(Dialog::Message { title, text });
                    changed = true;
                }
                Action::Select(selection) => {
                    if selection.objective() != self.view.selection.objective() {
                        self.view.chart_page = 0;
                    }
                    self.view.selection = selection;
                    changed = true;
                }
                Action::SetCut(cut) => {
                    self.set_cut(cut);
                    changed = true;
                }
                Action::Reveal(finding) => {
                    self.reveal(&finding);
                    changed = true;
                }
                Action::FocusCell(cell) => {
                    self.focus_cell(cell);
                    changed = true;
                }
                Action::EditComment {
                    at,
                    vigencia,
                    quarter,
                } => {
                    self.edit_comment(at, vigencia, quarter);
                    changed = true;
                }
                Action::FindText(query) => {
                    let hits = search::find(self.doc.plan(), &query);
                    self.view.find = Some(Find {
                        query,
                        hits,
                        current: None,
                        fresh: false,
                    });
                    changed = true;
                }
                Action::FindNext => {
                    self.find_next();
                    changed = true;
                }
                Action::CloseFind => {
                    // The keyboard lands where the eyes are: on the figure found.
                    let cut = self.doc.plan().cut;
                    let found = self.view.find.take().and_then(|f| f.found_cell(cut));
                    if found.is_some() {
                        self.view.next_frame.focus = found;
                    }
                    changed = true;
                }
                Action::DismissWelcome => {
                    self.prefs.welcomed = true;
                    changed = true;
                }
                Action::RemoveObjective(objective) => {
                    self.remove_objective(objective, false);
                    structural = true;
                    changed = true;
                }
                Action::RemoveEntity(entity) => {
                    self.remove_entity(entity, false);
                    changed = true;
                }
                Action::SetPeriod(period) => {
                    self.set_period(period, false);
                    structural = true;
                    changed = true;
                }
            }
        }
        self.clamp_selection();
        self.figures
            .update(self.doc.plan(), self.doc.revisions(), self.doc.plan().cut);
        if let Some(comparison) = &mut self.view.comparison {
            comparison.refresh(self.doc.plan(), self.doc.revision(), self.doc.plan().cut);
        }
        if changed {
            // Draw the frame again so every panel shows the new figures in this same frame.
            egui_ctx.request_discard("the plan or the view changed");
        }
        structural
    }

    /// Selects what a finding is about and focuses its cell when it has one.
    pub(super) fn reveal(&mut self, finding: &Finding) {
        let Some(objective) = finding.location.objective else {
            self.view.selection = Selection::Plan;
            return;
        };
        let Some(at) = finding.location.indicator else {
            self.view.selection = Selection::Objective(objective.index);
            return;
        };
        match (finding.location.field.figure(), finding.location.field) {
            (Some((vigencia, figure)), _) => self.focus_cell(CellId::figure(at, vigencia, figure)),
            (None, Field::Baseline) => self.focus_cell(CellId {
                at,
                entry: crate::view::grid::Entry::Baseline,
            }),
            // "Sin comentario": the comment's own editor, where the reason is written.
            (None, Field::Comment(vigencia, quarter)) => {
                self.view.selection = Selection::Objective(at.objective);
                self.edit_comment(at, vigencia, quarter);
            }
            (None, _) => self.view.selection = Selection::Indicator(at),
        }
    }

    /// Opens the comment editor of an indicator's quarter, with the comment it has.
    pub(super) fn edit_comment(&mut self, at: IndicatorPath, vigencia: Vigencia, quarter: Quarter) {
        let plan = self.doc.plan();
        let (Some(indicator), Some(meta)) = (
            plan.indicator(at),
            plan.objectives
                .get(at.objective)
                .and_then(|o| o.metas.get(at.meta)),
        ) else {
            return;
        };
        let text = indicator
            .year(vigencia)
            .and_then(|y| y.comments.get(&quarter))
            .cloned()
            .unwrap_or_default();
        self.dialog = Some(Dialog::Comment {
            at,
            vigencia,
            quarter,
            indicator: indicator_label(&meta.code, indicator),
            original: text.clone(),
            text,
            asking_to_discard: false,
            fresh: true,
        });
    }

    /// Makes `cut` the plan's cut — the one every figure on screen is read at, and the one
    /// saved — as one undo step.
    pub(super) fn set_cut(&mut self, cut: Cut) {
        if cut == self.doc.plan().cut {
            return;
        }
        self.doc.end_group();
        // The plan's own cut: it cannot point at a removed item.
        let _ = self.doc.apply(Edit::PlanCut(cut), None);
        // A text not accepted stays, red, until fixed or given back: a change of cut is no
        // reason to lose what was typed.
        let language = self.prefs.language;
        self.view.drafts.retain(|_, d| d.error(language).is_some());
        self.view.visit = None;
    }

    /// Shows the cell's objective at the cell's vigencia (the plan's cut moves to that
    /// vigencia, as one undo step) and focuses the cell.
    pub(super) fn focus_cell(&mut self, cell: CellId) {
        self.view.selection = Selection::Objective(cell.at.objective);
        let cut = self.doc.plan().cut;
        if let Some((vigencia, figure)) = cell.as_figure()
            && figure != Figure::Programmed
            && vigencia != cut.vigencia
        {
            self.set_cut(Cut::new(vigencia, cut.quarter));
        }
        self.view.next_frame.focus = Some(cell);
    }

    /// Keeps the selection pointing at something that exists after removals and undo.
    pub(super) fn clamp_selection(&mut self) {
        let plan = self.doc.plan();
        let exists = match self.view.selection {
            Selection::Plan => true,
            Selection::Objective(o) => o < plan.objectives.len(),
            Selection::Meta { objective, meta } => plan
                .objectives
                .get(objective)
                .is_some_and(|o| meta < o.metas.len()),
            Selection::Indicator(at) => plan.indicator(at).is_some(),
        };
        if !exists {
            self.view.selection = self
                .view
                .selection
                .objective()
                .filter(|o| *o < plan.objectives.len())
                .map_or(Selection::Plan, Selection::Objective);
        }
    }

    pub(super) fn handle_shortcuts(&mut self, egui_ctx: &egui::Context) {
        let mode = if self.dialog.is_some() || self.is_waiting_for_a_file() {
            KeyMode::Dialog
        } else if self.view.presenting {
            KeyMode::Presenting
        } else {
            KeyMode::Window
        };
        if mode == KeyMode::Dialog {
            return;
        }
        // F10, or Alt pressed and released alone, opens the Archivo menu (as on Windows).
        let mut open_menu =
            egui_ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F10));
        egui_ctx.input(|i| {
            for event in &i.events {
                match event {
                    egui::Event::ModifiersChanged(m) if m.alt && !m.ctrl && !m.shift => {
                        self.alt_alone = true;
                    }
                    egui::Event::ModifiersChanged(m) if !m.any() => {
                        open_menu |= self.alt_alone;
                        self.alt_alone = false;
                    }
                    egui::Event::ModifiersChanged(_)
                    | egui::Event::Key { .. }
                    | egui::Event::Text(_)
                    | egui::Event::PointerButton { .. }
                    | egui::Event::WindowFocused(_) => self.alt_alone = false,
                    _ => {}
                }
            }
        });
        if open_menu && !self.view.presenting {
            self.view.next_frame.open_menu = true;
        }
        if self.view.presenting {
            for (digit, key) in (0u8..).zip(Command::DIGIT_KEYS) {
                if egui_ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key)) {
                    let now = egui_ctx.input(|i| i.time);
                    let plan = self.doc.plan();
                    let (number, typed) = crate::view::slides::objective_for_digit(
                        self.view.typed_digit,
                        digit,
                        now,
                        |n| plan.objective(n).is_some(),
                    );
                    self.view.typed_digit = typed;
                    self.actions
                        .push(Action::Command(Command::ObjectiveSlide(number)));
                }
            }
        }
        for (shortcut, command) in Command::keys_in(mode) {
            if egui_ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.actions.push(Action::Command(command));
            }
        }
    }

    pub(super) fn handle_close_request(&mut self, egui_ctx: &egui::Context) {
        let asked_to_close = egui_ctx.input(|i| i.viewport().close_requested());
        if asked_to_close && !self.close_confirmed {
            if self.has_unsaved_work() {
                egui_ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.dialog = Some(Dialog::UnsavedChanges {
                    then: Command::Quit,
                });
            } else {
                self.close_confirmed = true;
            }
        }
    }
}
