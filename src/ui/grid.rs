//! The editable grid of an objective's indicators: weight, programming per vigencia, execution
//! per quarter, and the figures the engine computes from them.

use egui::{Align, Key, Layout, RichText, TextEdit};
use egui_extras::{Column, TableBuilder};
use rust_decimal::Decimal;

use crate::app::{Action, CellId, CellMode, Draft, Figures, Selection, ViewState};
use crate::model::edit::{Edit, Figure, IndicatorPath};
use crate::model::format::{
    NumberError, number_as_stored, number_or_empty, parse_block, parse_optional_number, percent,
};
use crate::model::progress::programmed_total;
use crate::model::validation::indicator_label;
use crate::model::{
    Annualization, IndicatorProgress, Language, ObjectiveProgress, Plan, Quarter, TrafficLights,
    Vigencia,
};
use crate::theme;
use crate::ui::toolbar::quarter_name;
use crate::ui::tree::{progress_badge, short};

/// The name of an annualization type in the grid's combo box.
pub fn annualization_name(kind: Annualization, language: Language) -> String {
    match kind {
        Annualization::Suma => crate::tr!(language, "grid-sum"),
        Annualization::Creciente => crate::tr!(language, "grid-increasing"),
        Annualization::Constante => crate::tr!(language, "grid-constant"),
        Annualization::Decreciente => crate::tr!(language, "grid-decreasing"),
    }
}

/// A number column of the grid, in the order shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberColumn {
    /// An editable figure of a vigencia.
    Figure(Vigencia, Figure),
    /// Magnitud ejecutada al corte (computed).
    ExecutedAtCut,
    /// Avance al corte (computed).
    Progress,
    /// Programación total (computed).
    Total,
}

/// The grid's rows and number columns: where each cell is, where the keys move the focus,
/// where a pasted block lands.
pub struct GridLayout {
    pub rows: Vec<IndicatorPath>,
    pub columns: Vec<NumberColumn>,
    /// How many rows Page Up / Page Down move: the rows on screen.
    pub rows_per_page: usize,
}

/// Where a key sends the focus from a cell, as in a spreadsheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Tab: the next editable cell, row after row.
    Next,
    /// Shift+Tab.
    Previous,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    /// Home: the row's first editable cell.
    RowStart,
    /// End: the row's last editable cell.
    RowEnd,
    /// Ctrl+Home: the grid's first cell.
    First,
    /// Ctrl+End: the grid's last cell.
    Last,
}

/// Why a pasted block was refused. Nothing of it reaches the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasteError {
    NotANumber { cell: CellId, error: NumberError },
    TooLarge { rows: usize, columns: usize },
    OntoComputed,
}

impl PasteError {
    /// The message in the language.
    pub fn message(
        &self,
        indicator: impl Fn(IndicatorPath) -> String,
        language: Language,
    ) -> String {
        match (self, language) {
            (PasteError::NotANumber { cell, error }, _) => format!(
                "{}: {} · {}: {}",
                crate::tr!(language, "grid-nothing-was-pasted"),
                indicator(cell.at),
                cell.field().name(language),
                error.message(language)
            ),
            (PasteError::TooLarge { rows, columns }, Language::Es) => format!(
                "No se pegó nada: el bloque de {rows} × {columns} celdas no cabe desde la celda elegida."
            ),
            (PasteError::TooLarge { rows, columns }, Language::En) => format!(
                "Nothing was pasted: the block of {rows} × {columns} cells does not fit from the chosen cell."
            ),
            (PasteError::OntoComputed, Language::Es) => "No se pegó nada: el bloque cubre columnas calculadas (al corte, avance, total); pegue la ejecución y la programación por separado.".to_owned(),
            (PasteError::OntoComputed, Language::En) => "Nothing was pasted: the block covers computed columns (at cut, progress, total); paste execution and programming separately.".to_owned(),
        }
    }
}

impl GridLayout {
    /// Weight and the cut vigencia's quarters, the computed figures at the cut, then the
    /// programming of every vigencia and its total: what an officer updates each quarter
    /// comes first, so it is on screen without scrolling.
    pub fn new(rows: Vec<IndicatorPath>, vigencia: Vigencia, years: &[Vigencia]) -> Self {
        let columns = std::iter::once(NumberColumn::Figure(vigencia, Figure::Weight))
            .chain(
                Quarter::ALL
                    .into_iter()
                    .map(|q| NumberColumn::Figure(vigencia, Figure::Executed(q))),
            )
            .chain([NumberColumn::ExecutedAtCut, NumberColumn::Progress])
            .chain(
                years
                    .iter()
                    .map(|y| NumberColumn::Figure(*y, Figure::Programmed)),
            )
            .chain([NumberColumn::Total])
            .collect();
        Self {
            rows,
            columns,
            rows_per_page: 10,
        }
    }

    /// Row and column of a cell.
    fn position(&self, cell: CellId) -> Option<(usize, usize)> {
        let row = self.rows.iter().position(|r| *r == cell.at)?;
        let column = self
            .columns
            .iter()
            .position(|c| *c == NumberColumn::Figure(cell.vigencia, cell.figure))?;
        Some((row, column))
    }

    fn cell_at(&self, row: usize, column: usize) -> Option<CellId> {
        match self.columns.get(column)? {
            NumberColumn::Figure(vigencia, figure) => Some(CellId {
                at: *self.rows.get(row)?,
                vigencia: *vigencia,
                figure: *figure,
            }),
            _ => None,
        }
    }

    /// The editable cells in Tab order.
    fn tab_order(&self) -> Vec<CellId> {
        (0..self.rows.len())
            .flat_map(|row| {
                (0..self.columns.len()).filter_map(move |column| self.cell_at(row, column))
            })
            .collect()
    }

    /// The indices of the columns that hold editable figures, in order.
    fn editable_columns(&self) -> impl DoubleEndedIterator<Item = usize> + '_ {
        (0..self.columns.len()).filter(|c| matches!(self.columns[*c], NumberColumn::Figure(..)))
    }

    /// The cell a move goes to from `cell`; `None` at the grid's edge.
    pub fn target(&self, cell: CellId, to: Move) -> Option<CellId> {
        let (row, column) = self.position(cell)?;
        let last_row = self.rows.len().checked_sub(1)?;
        let other_row = |r: usize| (r != row).then(|| self.cell_at(r, column)).flatten();
        match to {
            Move::Next | Move::Previous => {
                let order = self.tab_order();
                let here = order.iter().position(|c| *c == cell)?;
                let there = if to == Move::Next {
                    here.checked_add(1)
                } else {
                    here.checked_sub(1)
                };
                there.and_then(|i| order.get(i).copied())
            }
            Move::Up => self.cell_at(row.checked_sub(1)?, column),
            Move::Down => self.cell_at(row + 1, column),
            Move::PageUp => other_row(row.saturating_sub(self.rows_per_page)),
            Move::PageDown => other_row((row + self.rows_per_page).min(last_row)),
            Move::Left => {
                let c = self.editable_columns().rev().find(|c| *c < column)?;
                self.cell_at(row, c)
            }
            Move::Right => {
                let c = self.editable_columns().find(|c| *c > column)?;
                self.cell_at(row, c)
            }
            Move::RowStart => self.cell_at(row, self.editable_columns().next()?),
            Move::RowEnd => self.cell_at(row, self.editable_columns().next_back()?),
            Move::First => self.cell_at(0, self.editable_columns().next()?),
            Move::Last => self.cell_at(last_row, self.editable_columns().next_back()?),
        }
        .filter(|target| *target != cell)
    }

    /// The edits a pasted block makes from `cell` rightwards and downwards, or why none.
    pub fn paste(
        &self,
        cell: CellId,
        text: &str,
        language: Language,
    ) -> Result<Vec<Edit>, PasteError> {
        let (row0, column0) = self.position(cell).ok_or(PasteError::OntoComputed)?;
        let block = parse_block(text, language).map_err(|e| {
            let cell = self
                .cell_at(row0 + e.row, column0 + e.column)
                .unwrap_or(cell);
            PasteError::NotANumber {
                cell,
                error: e.error,
            }
        })?;
        let width = block.iter().map(Vec::len).max().unwrap_or(0);
        if row0 + block.len() > self.rows.len() || column0 + width > self.columns.len() {
            return Err(PasteError::TooLarge {
                rows: block.len(),
                columns: width,
            });
        }
        let mut edits = Vec::new();
        for (r, values) in block.iter().enumerate() {
            for (c, value) in values.iter().enumerate() {
                let target = self
                    .cell_at(row0 + r, column0 + c)
                    .ok_or(PasteError::OntoComputed)?;
                edits.push(Edit::Figure {
                    at: target.at,
                    vigencia: target.vigencia,
                    figure: target.figure,
                    value: *value,
                });
            }
        }
        Ok(edits)
    }
}

/// The grid of the objective at index `objective`.
#[allow(clippy::too_many_arguments)]
pub fn indicator_grid_ui(
    ui: &mut egui::Ui,
    plan: &Plan,
    figures: &Figures,
    view: &mut ViewState,
    objective: usize,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let Some(obj) = plan.objectives.get(objective) else {
        return;
    };
    let Some(obj_figures) = figures.progress.objectives.get(objective) else {
        return;
    };
    let rows: Vec<IndicatorPath> = plan.indicator_paths(objective);
    if rows.is_empty() {
        ui.weak(crate::tr!(language, "grid-this-objective-has-no"));
        return;
    }
    let years: Vec<Vigencia> = plan.period.vigencias().collect();
    let mut layout = GridLayout::new(rows, view.cut.vigencia, &years);
    // Page Up / Page Down move by the rows on screen (less the header and the total row).
    layout.rows_per_page = ((ui.available_height() / theme::ROW_HEIGHT) as usize)
        .saturating_sub(2)
        .max(1);
    let thresholds = plan.settings.traffic_lights;
    let label_of = |at: IndicatorPath| match (
        plan.indicator(at),
        plan.objectives
            .get(at.objective)
            .and_then(|o| o.metas.get(at.meta)),
    ) {
        (Some(indicator), Some(meta)) => indicator_label(&meta.code, indicator),
        _ => String::new(),
    };

    egui::ScrollArea::horizontal()
        .id_salt(("grid_scroll", objective))
        .show(ui, |ui| {
            let mut table = TableBuilder::new(ui)
                .id_salt(("grid", objective))
                .striped(true)
                .resizable(true)
                .vscroll(true)
                .auto_shrink([false, true])
                .cell_layout(Layout::left_to_right(Align::Center))
                .column(Column::initial(130.0).at_least(60.0).clip(true))
                .column(Column::initial(44.0).at_least(36.0).clip(true))
                .column(Column::initial(140.0).at_least(80.0).clip(true))
                .column(Column::initial(76.0).at_least(50.0).clip(true))
                .column(Column::initial(100.0).at_least(90.0));
            for column in &layout.columns {
                table = table.column(Column::exact(match column {
                    NumberColumn::Progress => 112.0,
                    NumberColumn::ExecutedAtCut => theme::NUMBER_COLUMN + 8.0,
                    _ => theme::NUMBER_COLUMN,
                }));
            }
            table
                .header(theme::ROW_HEIGHT + 4.0, |mut header| {
                    let mut head = |text: String, hover: String| {
                        header.col(|ui| {
                            ui.strong(text).on_hover_text(hover);
                        });
                    };
                    head("Meta".into(), crate::tr!(language, "grid-meta-code"));
                    head(
                        crate::tr!(language, "grid-code"),
                        crate::tr!(language, "grid-indicator-code"),
                    );
                    head(
                        crate::tr!(language, "grid-indicator"),
                        crate::tr!(language, "grid-indicator-name"),
                    );
                    head(
                        crate::tr!(language, "details-entity"),
                        crate::tr!(language, "details-responsible-entity"),
                    );
                    head(
                        crate::tr!(language, "grid-type-2"),
                        crate::tr!(language, "grid-annualization-type"),
                    );
                    for column in &layout.columns {
                        let (text, hover) = match column {
                            NumberColumn::Figure(year, Figure::Weight) => (
                                format!("{} {year}", crate::tr!(language, "grid-wgt")),
                                crate::tr!(language, "grid-weight-in-the-vigencia"),
                            ),
                            NumberColumn::Figure(year, Figure::Executed(q)) => (
                                format!("{} {year}", quarter_name(*q, language)),
                                crate::tr!(language, "grid-magnitude-executed-in-the"),
                            ),
                            NumberColumn::Figure(year, Figure::Programmed) => (
                                format!("Prog. {year}"),
                                crate::tr!(language, "grid-programming-of-the-vigencia"),
                            ),
                            NumberColumn::ExecutedAtCut => (
                                crate::tr!(language, "grid-at-cut"),
                                crate::tr!(language, "grid-executed-at-the-cut"),
                            ),
                            NumberColumn::Progress => (
                                crate::tr!(language, "grid-progress"),
                                crate::tr!(language, "grid-progress-at-the-cut"),
                            ),
                            NumberColumn::Total => (
                                "Total".into(),
                                crate::tr!(language, "grid-total-programming-per-type"),
                            ),
                        };
                        head(text, hover);
                    }
                })
                .body(|mut body| {
                    for (row, at) in layout.rows.iter().enumerate() {
                        let (Some(indicator), Some(meta), Some(f)) = (
                            plan.indicator(*at),
                            obj.metas.get(at.meta),
                            obj_figures.indicators.get(row),
                        ) else {
                            continue;
                        };
                        let label = indicator_label(&meta.code, indicator);
                        let selected = view.selection == Selection::Indicator(*at);
                        body.row(theme::ROW_HEIGHT, |mut r| {
                            r.set_selected(selected);
                            r.col(|ui| {
                                ui.label(&meta.code).on_hover_text(&meta.name);
                            });
                            r.col(|ui| {
                                ui.label(indicator.code_label());
                            });
                            r.col(|ui| {
                                let name = if indicator.name.trim().is_empty() {
                                    crate::tr!(language, "grid-no-name").to_owned()
                                } else {
                                    short(&indicator.name, 60)
                                };
                                let link = ui
                                    .add(egui::Button::selectable(selected, name).truncate())
                                    .on_hover_text(&indicator.name);
                                if link.clicked() {
                                    actions.push(Action::Select(Selection::Indicator(*at)));
                                }
                            });
                            r.col(|ui| {
                                ui.label(&indicator.entity).on_hover_text(&indicator.entity);
                            });
                            r.col(|ui| {
                                let mut kind = indicator.annualization;
                                egui::ComboBox::from_id_salt(("type", *at))
                                    .selected_text(annualization_name(kind, language))
                                    .width(92.0)
                                    .show_ui(ui, |ui| {
                                        for k in Annualization::ALL {
                                            ui.selectable_value(
                                                &mut kind,
                                                k,
                                                annualization_name(k, language),
                                            );
                                        }
                                    })
                                    .response
                                    .accessible_name(format!(
                                        "{label} · {}",
                                        crate::tr!(language, "grid-type")
                                    ));
                                if kind != indicator.annualization {
                                    actions.push(Action::Edit(
                                        Edit::Annualization { at: *at, kind },
                                        None,
                                    ));
                                }
                            });
                            for column in &layout.columns {
                                match *column {
                                    NumberColumn::Figure(year, figure) => {
                                        let cell = CellId {
                                            at: *at,
                                            vigencia: year,
                                            figure,
                                        };
                                        let value = match figure {
                                            Figure::Weight => indicator.weight(year),
                                            Figure::Programmed => indicator.programmed(year),
                                            Figure::Executed(q) => indicator.executed(year, q),
                                        };
                                        r.col(|ui| {
                                            number_cell_ui(
                                                ui, cell, value, &layout, &label, &label_of, view,
                                                language, actions,
                                            );
                                        });
                                    }
                                    NumberColumn::ExecutedAtCut => {
                                        r.col(|ui| {
                                            right_aligned(ui, number_or_empty(f.executed, language))
                                        });
                                    }
                                    NumberColumn::Progress => {
                                        r.col(|ui| {
                                            indicator_progress_ui(ui, f, &thresholds, language);
                                        });
                                    }
                                    NumberColumn::Total => {
                                        r.col(|ui| {
                                            right_aligned(
                                                ui,
                                                number_or_empty(
                                                    programmed_total(indicator, plan.period),
                                                    language,
                                                ),
                                            );
                                        });
                                    }
                                }
                            }
                        });
                    }
                    body.row(theme::ROW_HEIGHT + 4.0, |mut r| {
                        r.col(|ui| {
                            ui.strong(crate::tr!(language, "grid-total"));
                        });
                        for _ in 0..4 {
                            r.col(|_| {});
                        }
                        for column in &layout.columns {
                            r.col(|ui| match column {
                                NumberColumn::Figure(_, Figure::Weight) => {
                                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                        weights_total_ui(ui, obj_figures, language);
                                    });
                                }
                                NumberColumn::Progress => {
                                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                        progress_badge(
                                            ui,
                                            obj_figures.progress(),
                                            &thresholds,
                                            language,
                                        )
                                        .on_hover_text(
                                            crate::tr!(
                                                language,
                                                "grid-objective-progress-weighted-average"
                                            ),
                                        );
                                    });
                                }
                                _ => {}
                            });
                        }
                    });
                });
        });
}

/// An indicator's real avance on its traffic light and, when the roll-up counts it otherwise
/// (above the cap, below 0 %), what it counts beside it: "110,00 % (100)", "−20,00 % (0)".
fn indicator_progress_ui(
    ui: &mut egui::Ui,
    figures: &IndicatorProgress,
    thresholds: &TrafficLights,
    language: Language,
) {
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        let counted = figures.counted.as_ref().and_then(|c| c.round2());
        if let Some(counted) = counted.filter(|_| figures.is_capped() || figures.is_floored()) {
            let why = if figures.is_capped() {
                crate::tr!(language, "grid-above-the-cap-in")
            } else {
                crate::tr!(language, "grid-negative-in-the-objective")
            };
            ui.label(
                RichText::new(format!("({})", counted.round()))
                    .small()
                    .weak(),
            )
            .on_hover_text(format!("{why} {}", percent(counted, language)));
        }
        progress_badge(ui, figures.progress(), thresholds, language);
    });
}

/// The sum of the weights, in the warning colour when it is not 100 %.
pub fn weights_total_ui(ui: &mut egui::Ui, figures: &ObjectiveProgress, language: Language) {
    let total = figures.weights_total.unwrap_or_default();
    let text = RichText::new(percent(total, language)).strong();
    if figures.weights_add_up() {
        ui.label(text)
            .on_hover_text(crate::tr!(language, "grid-sum-of-the-weights"));
    } else {
        ui.colored_label(theme::warning_text(ui.visuals()), text)
            .on_hover_text(crate::tr!(language, "grid-the-weights-do-not"));
    }
}

fn right_aligned(ui: &mut egui::Ui, text: String) {
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        ui.label(text);
    });
}

/// One editable number, as in a spreadsheet: reaching the cell (click, Tab, Enter, arrows)
/// selects its whole text, so typing replaces it; F2 or a double-click puts the caret at the
/// end to amend it. Each valid text goes to the plan at once (one undo step per visit); a bad
/// text marks the cell and never reaches the plan. Enter / Shift+Enter move down / up, Tab /
/// Shift+Tab along the row, arrows, Page Up/Down, Home/End and Ctrl+Home/End as in Excel; Esc
/// restores the value the cell had. A pasted block of cells (as Excel copies them) fills the
/// grid from here in one undo step.
#[allow(clippy::too_many_arguments)]
fn number_cell_ui(
    ui: &mut egui::Ui,
    cell: CellId,
    value: Option<Decimal>,
    layout: &GridLayout,
    indicator: &str,
    label_of: &dyn Fn(IndicatorPath) -> String,
    view: &mut ViewState,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let id = cell.widget_id();
    let focused = ui.memory(|m| m.has_focus(id));
    if focused && let Some(block) = take_pasted_block(ui) {
        match layout.paste(cell, &block, language) {
            Ok(edits) => {
                view.drafts.remove(&cell);
                actions.push(Action::EditBatch(edits));
            }
            Err(e) => actions.push(Action::Notify {
                title: crate::tr!(language, "grid-could-not-paste").to_owned(),
                text: e.message(label_of, language),
            }),
        }
    }
    let shown = || value.map_or_else(String::new, |v| number_as_stored(v, language));
    let mut text = view
        .drafts
        .get(&cell)
        .map_or_else(shown, |d| d.text.clone());

    if focused {
        let draft = view.drafts.entry(cell).or_insert_with(|| Draft {
            text: text.clone(),
            original: value,
            mode: CellMode::Ready,
            focused: true,
        });
        match cell_key(ui, id, draft, &text) {
            Some(CellKey::Move(to)) => {
                if let Some(target) = layout.target(cell, to) {
                    actions.push(Action::EndEditGroup);
                    view.focus_request = Some(target);
                    ui.ctx().request_repaint();
                } else if to == Move::Down {
                    // Enter on the last row: the value is accepted, the cell stays.
                    actions.push(Action::EndEditGroup);
                    draft.mode = CellMode::Ready;
                    select_all(ui, id, &text);
                }
            }
            Some(CellKey::Amend) => {
                draft.mode = CellMode::Amending;
                caret_at_end(ui, id, &text);
            }
            Some(CellKey::Cancel) => {
                let original = draft.original;
                actions.push(Action::CancelCellEdit {
                    group: id,
                    restore: Edit::Figure {
                        at: cell.at,
                        vigencia: cell.vigencia,
                        figure: cell.figure,
                        value: original,
                    },
                });
                text = original.map_or_else(String::new, |v| number_as_stored(v, language));
                *draft = Draft {
                    text: text.clone(),
                    original,
                    mode: CellMode::Ready,
                    focused: true,
                };
                select_all(ui, id, &text);
            }
            None => {}
        }
    }

    let has_error = view
        .drafts
        .get(&cell)
        .is_some_and(|d| d.error(language).is_some());
    let mut edit = TextEdit::singleline(&mut text)
        .id(id)
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
            .text_color(theme::ON_TRAFFIC_LIGHT);
    }
    let name = format!("{indicator} · {}", cell.field().name(language));
    let response = edit.show(ui).response.response.accessible_name(name);

    if view.focus_request == Some(cell) {
        response.request_focus();
        response.scroll_to_me(None);
        view.focus_request = None;
    }
    if response.has_focus() {
        let draft = view.drafts.entry(cell).or_insert_with(|| Draft {
            text: text.clone(),
            original: value,
            mode: CellMode::Ready,
            focused: false,
        });
        if !draft.focused {
            // A new visit: the whole text selected, typing replaces it.
            draft.focused = true;
            draft.mode = CellMode::Ready;
            draft.original = value;
            select_all(ui, id, &text);
        }
        if response.double_clicked() {
            draft.mode = CellMode::Amending;
            caret_at_end(ui, id, &text);
        }
    }
    if response.changed() {
        let draft = view.drafts.entry(cell).or_insert_with(|| Draft {
            text: text.clone(),
            original: value,
            mode: CellMode::Typing,
            focused: true,
        });
        if draft.mode == CellMode::Ready {
            draft.mode = CellMode::Typing;
        }
        draft.text = text.clone();
        if let Ok(new_value) = parse_optional_number(&text, language)
            && new_value != value
        {
            actions.push(Action::Edit(
                Edit::Figure {
                    at: cell.at,
                    vigencia: cell.vigencia,
                    figure: cell.figure,
                    value: new_value,
                },
                Some(id),
            ));
        }
    }
    if response.lost_focus() {
        actions.push(Action::EndEditGroup);
        if let Some(draft) = view.drafts.get_mut(&cell) {
            draft.focused = false;
            if draft.error(language).is_none() {
                view.drafts.remove(&cell);
            }
        }
    }
    if let Some(error) = view.drafts.get(&cell).and_then(|d| d.error(language)) {
        response.on_hover_text(
            RichText::new(not_accepted(&text, &error, language))
                .color(theme::error_text(ui.visuals())),
        );
    }
}

/// What a key pressed in a focused cell asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CellKey {
    Move(Move),
    /// F2: put the caret at the end of the text.
    Amend,
    /// Esc: give the cell back the value it had.
    Cancel,
}

/// Takes out of this frame's input the key that moves, amends or cancels, before the text
/// field sees it. Arrows and Home/End move between cells unless the user is amending the text
/// (F2, a double-click, or a caret placed in the text with the mouse).
fn cell_key(ui: &mut egui::Ui, id: egui::Id, draft: &mut Draft, text: &str) -> Option<CellKey> {
    use egui::Modifiers as M;
    let whole_text_selected = text.is_empty()
        || egui::TextEdit::load_state(ui.ctx(), id)
            .and_then(|s| s.cursor.char_range())
            .is_some_and(|r| {
                let [start, end] = r.sorted_cursors();
                start.index.0 == 0 && end.index.0 == text.chars().count()
            });
    if draft.mode == CellMode::Ready && !whole_text_selected {
        // The caret was placed in the text: the user is amending it.
        draft.mode = CellMode::Amending;
    }
    let arrows_move = match draft.mode {
        CellMode::Ready | CellMode::Typing => true,
        CellMode::Amending => text.is_empty(),
    };
    let home_end_move = draft.mode == CellMode::Ready;
    ui.input_mut(|i| {
        // Exact modifiers: Shift+Tab is not Tab, Shift+arrows (a range) are not arrows.
        let mut take = |modifiers: M, key: Key| {
            let at = i.events.iter().position(|e| {
                matches!(e, egui::Event::Key { key: k, pressed: true, modifiers: m, .. }
                    if *k == key && m.matches_exact(modifiers))
            });
            at.map(|at| i.events.remove(at)).is_some()
        };
        let key = if take(M::NONE, Key::Tab) {
            CellKey::Move(Move::Next)
        } else if take(M::SHIFT, Key::Tab) {
            CellKey::Move(Move::Previous)
        } else if take(M::NONE, Key::Enter) {
            CellKey::Move(Move::Down)
        } else if take(M::SHIFT, Key::Enter) {
            CellKey::Move(Move::Up)
        } else if take(M::NONE, Key::Escape) {
            CellKey::Cancel
        } else if take(M::NONE, Key::F2) {
            CellKey::Amend
        } else if take(M::NONE, Key::PageUp) {
            CellKey::Move(Move::PageUp)
        } else if take(M::NONE, Key::PageDown) {
            CellKey::Move(Move::PageDown)
        } else if take(M::COMMAND, Key::Home) {
            CellKey::Move(Move::First)
        } else if take(M::COMMAND, Key::End) {
            CellKey::Move(Move::Last)
        } else if home_end_move && take(M::NONE, Key::Home) {
            CellKey::Move(Move::RowStart)
        } else if home_end_move && take(M::NONE, Key::End) {
            CellKey::Move(Move::RowEnd)
        } else if arrows_move && take(M::NONE, Key::ArrowUp) {
            CellKey::Move(Move::Up)
        } else if arrows_move && take(M::NONE, Key::ArrowDown) {
            CellKey::Move(Move::Down)
        } else if arrows_move && take(M::NONE, Key::ArrowLeft) {
            CellKey::Move(Move::Left)
        } else if arrows_move && take(M::NONE, Key::ArrowRight) {
            CellKey::Move(Move::Right)
        } else {
            return None;
        };
        Some(key)
    })
}

/// Selects the whole text of the field `id` (shown from the next frame).
fn select_all(ui: &egui::Ui, id: egui::Id, text: &str) {
    set_selection(ui, id, egui::text::CCursorRange::select_all_str(text));
}

/// Puts the caret after the last character of the field `id`.
fn caret_at_end(ui: &egui::Ui, id: egui::Id, text: &str) {
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
pub fn not_accepted(text: &str, error: &NumberError, language: Language) -> String {
    crate::tr!(
        language,
        "cell-not-accepted",
        text = text.trim(),
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
