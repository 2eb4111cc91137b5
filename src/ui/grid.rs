//! The editable grid of an objective's indicators: weight, programming per vigencia, execution
//! per quarter, and the figures the engine computes from them.

use egui::{Align, Key, Layout, RichText, TextEdit};
use egui_extras::{Column, TableBuilder};
use rust_decimal::Decimal;

use crate::app::{Action, CellId, Draft, Figures, Selection, ViewState};
use crate::model::edit::{Edit, Figure, IndicatorPath};
use crate::model::format::{NumberError, number_or_empty, parse_block, parse_number, percent};
use crate::model::progress::programmed_total;
use crate::model::validation::{Field, indicator_label};
use crate::model::{Annualization, Language, ObjectiveProgress, Plan, Quarter, Vigencia};
use crate::theme;
use crate::ui::toolbar::quarter_name;
use crate::ui::tree::{progress_badge, short};

/// The value a cell's text stands for: empty clears the figure (not reported).
pub fn parse_cell(text: &str, language: Language) -> Result<Option<Decimal>, NumberError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_number(text, language).map(Some)
    }
}

/// The name of an annualization type in the grid's combo box.
pub fn annualization_name(kind: Annualization, language: Language) -> &'static str {
    match kind {
        Annualization::Suma => language.pick("Suma", "Sum"),
        Annualization::Creciente => language.pick("Creciente", "Increasing"),
        Annualization::Constante => language.pick("Constante", "Constant"),
        Annualization::Decreciente => language.pick("Decreciente", "Decreasing"),
    }
}

/// The figure a cell shows, as a validation field (which also names it).
fn cell_field(cell: CellId) -> Field {
    match cell.figure {
        Figure::Weight => Field::Weight(cell.vigencia),
        Figure::Programmed => Field::Programmed(cell.vigencia),
        Figure::Executed(q) => Field::Executed(cell.vigencia, q),
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

/// The grid's rows and number columns: where each cell is, where Tab and Enter go, where a
/// pasted block lands.
pub struct GridLayout {
    pub rows: Vec<IndicatorPath>,
    pub columns: Vec<NumberColumn>,
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
                language.pick("No se pegó nada", "Nothing was pasted"),
                indicator(cell.at),
                cell_field(*cell).name(language),
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
        Self { rows, columns }
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

    /// The cell Tab (or Shift+Tab) goes to.
    fn next(&self, cell: CellId, backwards: bool) -> Option<CellId> {
        let order = self.tab_order();
        let here = order.iter().position(|c| *c == cell)?;
        if backwards {
            here.checked_sub(1).map(|i| order[i])
        } else {
            order.get(here + 1).copied()
        }
    }

    /// The cell Enter goes to.
    fn below(&self, cell: CellId) -> Option<CellId> {
        let (row, column) = self.position(cell)?;
        self.cell_at(row + 1, column)
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
        ui.weak(language.pick(
            "Este objetivo aún no tiene indicadores: añada una meta con el botón de arriba.",
            "This objective has no indicators yet: add a meta with the button above.",
        ));
        return;
    }
    let years: Vec<Vigencia> = plan.period.vigencias().collect();
    let layout = GridLayout::new(rows, view.cut.vigencia, &years);
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
                .column(Column::initial(150.0).at_least(80.0).clip(true))
                .column(Column::initial(84.0).at_least(50.0).clip(true))
                .column(Column::initial(100.0).at_least(90.0));
            for column in &layout.columns {
                table = table.column(Column::exact(match column {
                    NumberColumn::Progress => 86.0,
                    NumberColumn::ExecutedAtCut => theme::NUMBER_COLUMN + 8.0,
                    _ => theme::NUMBER_COLUMN,
                }));
            }
            table
                .header(theme::ROW_HEIGHT + 4.0, |mut header| {
                    let pick = |es, en| language.pick(es, en).to_owned();
                    let mut head = |text: String, hover: String| {
                        header.col(|ui| {
                            ui.strong(text).on_hover_text(hover);
                        });
                    };
                    head("Meta".into(), pick("Código de la meta", "Meta code"));
                    head(
                        pick("Código", "Code"),
                        pick("Código del indicador", "Indicator code"),
                    );
                    head(
                        pick("Indicador", "Indicator"),
                        pick("Nombre del indicador", "Indicator name"),
                    );
                    head(
                        pick("Entidad", "Entity"),
                        pick("Entidad responsable", "Responsible entity"),
                    );
                    head(
                        pick("Tipo", "Type"),
                        pick("Tipo de anualización", "Annualization type"),
                    );
                    for column in &layout.columns {
                        let (text, hover) = match column {
                            NumberColumn::Figure(year, Figure::Weight) => (
                                format!("{} {year}", pick("Pond.", "Wgt.")),
                                pick(
                                    "Ponderación de la vigencia (%)",
                                    "Weight in the vigencia (%)",
                                ),
                            ),
                            NumberColumn::Figure(year, Figure::Executed(q)) => (
                                format!("{} {year}", quarter_name(*q, language)),
                                pick(
                                    "Magnitud ejecutada en el trimestre",
                                    "Magnitude executed in the quarter",
                                ),
                            ),
                            NumberColumn::Figure(year, Figure::Programmed) => (
                                format!("Prog. {year}"),
                                pick("Programación de la vigencia", "Programming of the vigencia"),
                            ),
                            NumberColumn::ExecutedAtCut => (
                                pick("Al corte", "At cut"),
                                pick(
                                    "Ejecutado al corte, según el tipo",
                                    "Executed at the cut, per type",
                                ),
                            ),
                            NumberColumn::Progress => (
                                pick("Avance", "Progress"),
                                pick("Avance al corte", "Progress at the cut"),
                            ),
                            NumberColumn::Total => (
                                "Total".into(),
                                pick(
                                    "Programación total, según el tipo",
                                    "Total programming, per type",
                                ),
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
                                    language.pick("(sin nombre)", "(no name)").to_owned()
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
                                        language.pick("tipo", "type")
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
                                            ui.with_layout(
                                                Layout::right_to_left(Align::Center),
                                                |ui| {
                                                    let badge = progress_badge(
                                                        ui,
                                                        f.progress(),
                                                        &thresholds,
                                                        language,
                                                    );
                                                    if f.is_capped() {
                                                        badge.on_hover_text(language.pick(
                                                        "En el promedio del objetivo cuenta 100 %",
                                                        "Counts as 100% in the objective's average",
                                                    ));
                                                    }
                                                },
                                            );
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
                            ui.strong(language.pick("Total", "Total"));
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
                                            language.pick(
                                                "Avance del objetivo: promedio ponderado",
                                                "Objective progress: weighted average",
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

/// The sum of the weights, in the warning colour when it is not 100 %.
pub fn weights_total_ui(ui: &mut egui::Ui, figures: &ObjectiveProgress, language: Language) {
    let total = figures.weights_total.unwrap_or_default();
    let text = RichText::new(percent(total, language)).strong();
    if figures.weights_add_up() {
        ui.label(text).on_hover_text(language.pick(
            "Suma de las ponderaciones de los indicadores programados",
            "Sum of the weights of the programmed indicators",
        ));
    } else {
        ui.colored_label(theme::warning_text(ui.visuals()), text)
            .on_hover_text(language.pick(
                "Las ponderaciones no suman 100 %: el avance divide por su suma real",
                "The weights do not add up to 100%: progress divides by their real sum",
            ));
    }
}

fn right_aligned(ui: &mut egui::Ui, text: String) {
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        ui.label(text);
    });
}

/// One editable number. While focused it edits a draft; each valid text goes to the plan at
/// once (one undo step per cell), a bad text marks the cell and never reaches the plan.
/// Enter moves to the cell below, Tab to the next; Esc restores the value the cell had. A
/// pasted block of cells (as Excel copies them) fills the grid from here in one undo step.
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
                title: language
                    .pick("No se pudo pegar", "Could not paste")
                    .to_owned(),
                text: e.message(label_of, language),
            }),
        }
    }
    if focused && !view.drafts.contains_key(&cell) {
        view.drafts.insert(
            cell,
            Draft {
                text: number_or_empty(value, language),
                error: None,
                original: value,
            },
        );
    }
    let draft = view.drafts.get(&cell);
    let mut text = draft.map_or_else(|| number_or_empty(value, language), |d| d.text.clone());
    let error = draft.and_then(|d| d.error.clone());
    let mut edit = TextEdit::singleline(&mut text)
        .id(id)
        .lock_focus(true)
        .align(egui::Align2::RIGHT_CENTER)
        .desired_width(f32::INFINITY);
    if error.is_some() {
        edit = edit
            .background_color(theme::INVALID_CELL)
            .text_color(theme::ON_TRAFFIC_LIGHT);
    }
    let name = format!("{indicator} · {}", cell_field(cell).name(language));
    let response = ui.add(edit).accessible_name(name);
    let tab = ui.input(|i| {
        i.events.iter().find_map(|event| match event {
            egui::Event::Key {
                key: Key::Tab,
                pressed: true,
                modifiers,
                ..
            } => Some(modifiers.shift),
            _ => None,
        })
    });
    if let Some(shift) = tab.filter(|_| response.has_focus()) {
        let target = layout.next(cell, shift);
        if target.is_some() {
            view.focus_request = target;
            ui.ctx().request_repaint();
        }
    }
    if view.focus_request == Some(cell) {
        response.request_focus();
        response.scroll_to_me(None);
        view.focus_request = None;
    }
    if response.changed() {
        let original = view.drafts.get(&cell).map_or(value, |d| d.original);
        let parsed = parse_cell(&text, language);
        if let Ok(new_value) = parsed
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
        view.drafts.insert(
            cell,
            Draft {
                text: text.clone(),
                error: parsed.err().map(|e| e.message(language)),
                original,
            },
        );
    }
    if response.lost_focus() {
        let (escape, enter) = ui.input(|i| (i.key_pressed(Key::Escape), i.key_pressed(Key::Enter)));
        if escape {
            if let Some(draft) = view.drafts.remove(&cell)
                && draft.original != value
            {
                actions.push(Action::Edit(
                    Edit::Figure {
                        at: cell.at,
                        vigencia: cell.vigencia,
                        figure: cell.figure,
                        value: draft.original,
                    },
                    Some(id),
                ));
            }
        } else if view.drafts.get(&cell).is_some_and(|d| d.error.is_none()) {
            view.drafts.remove(&cell);
        }
        let below = layout.below(cell);
        if enter && below.is_some() {
            view.focus_request = below;
            ui.ctx().request_repaint();
        }
    }
    if let Some(error) = error {
        response.on_hover_text(RichText::new(error).color(theme::error_text(ui.visuals())));
    }
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
