//! The editable grid of an objective's indicators: weight, programming per vigencia, execution
//! per quarter, and the figures the engine computes from them.

use egui::{Align, Key, Layout, RichText, TextEdit};
use egui_extras::{Column, TableBuilder};
use rust_decimal::Decimal;

use crate::app::{Action, CellId, Draft, Figures, Selection, ViewState};
use crate::model::edit::{Edit, Figure, IndicatorPath};
use crate::model::format::{NumberError, number_or_empty, parse_number, percent};
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

/// The columns of editable figures, in the grid's order: the vigencia's weight, its four
/// quarters, then the programming of every vigencia. Tab walks them in this order.
fn figure_columns(vigencia: Vigencia, years: &[Vigencia]) -> Vec<(Vigencia, Figure)> {
    std::iter::once((vigencia, Figure::Weight))
        .chain(
            Quarter::ALL
                .into_iter()
                .map(|q| (vigencia, Figure::Executed(q))),
        )
        .chain(years.iter().map(|y| (*y, Figure::Programmed)))
        .collect()
}

/// The grid of the objective at index `objective`.
///
/// Columns: meta, code, name, entity, type, weight, the cut vigencia's quarters, executed at
/// the cut, progress, then programming per vigencia and its total: what an officer updates
/// each quarter comes first, so it is on screen without scrolling.
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
    let vigencia = view.cut.vigencia;
    let years: Vec<Vigencia> = plan.period.vigencias().collect();
    let columns = figure_columns(vigencia, &years);
    let thresholds = plan.settings.traffic_lights;
    let number = Column::exact(theme::NUMBER_COLUMN);

    egui::ScrollArea::horizontal()
        .id_salt(("grid_scroll", objective))
        .show(ui, |ui| {
            let table = TableBuilder::new(ui)
                .id_salt(("grid", objective))
                .striped(true)
                .resizable(true)
                .vscroll(true)
                .auto_shrink([false, true])
                .cell_layout(Layout::left_to_right(Align::Center))
                .column(Column::initial(138.0).at_least(60.0).clip(true))
                .column(Column::initial(48.0).at_least(36.0).clip(true))
                .column(Column::initial(162.0).at_least(80.0).clip(true))
                .column(Column::initial(96.0).at_least(50.0).clip(true))
                .column(Column::initial(100.0).at_least(90.0))
                .columns(number, 1 + Quarter::ALL.len())
                .column(Column::exact(theme::NUMBER_COLUMN + 8.0))
                .column(Column::exact(86.0))
                .columns(number, years.len() + 1);
            let header_text = |ui: &mut egui::Ui, text: String, hover: &str| {
                ui.strong(text).on_hover_text(hover);
            };
            table
                .header(theme::ROW_HEIGHT + 4.0, |mut header| {
                    let pick = |es, en| language.pick(es, en).to_owned();
                    let mut head = |text: String, hover: String| {
                        header.col(|ui| header_text(ui, text, &hover));
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
                    for (year, figure) in &columns {
                        let (text, hover) = match figure {
                            Figure::Weight => (
                                format!("{} {year}", pick("Pond.", "Weight")),
                                pick(
                                    "Ponderación de la vigencia (%)",
                                    "Weight in the vigencia (%)",
                                ),
                            ),
                            Figure::Executed(q) => (
                                format!("{} {year}", quarter_name(*q, language)),
                                pick(
                                    "Magnitud ejecutada en el trimestre",
                                    "Magnitude executed in the quarter",
                                ),
                            ),
                            Figure::Programmed => (
                                format!("Prog. {year}"),
                                pick("Programación de la vigencia", "Programming of the vigencia"),
                            ),
                        };
                        head(text, hover);
                        if *figure == Figure::Executed(Quarter::ALL[3]) {
                            head(
                                pick("Al corte", "At cut"),
                                pick(
                                    "Ejecutado al corte, según el tipo",
                                    "Executed at the cut, per type",
                                ),
                            );
                            head(
                                pick("Avance", "Progress"),
                                pick("Avance al corte", "Progress at the cut"),
                            );
                        }
                    }
                    head(
                        "Total".into(),
                        pick(
                            "Programación total, según el tipo",
                            "Total programming, per type",
                        ),
                    );
                })
                .body(|mut body| {
                    for (row, at) in rows.iter().enumerate() {
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
                            for (year, figure) in &columns {
                                let cell = CellId {
                                    at: *at,
                                    vigencia: *year,
                                    figure: *figure,
                                };
                                let value = match figure {
                                    Figure::Weight => indicator.weight(*year),
                                    Figure::Programmed => indicator.programmed(*year),
                                    Figure::Executed(q) => indicator.executed(*year, *q),
                                };
                                let moves = CellMoves::around(cell, row, &rows, &columns);
                                r.col(|ui| {
                                    number_cell_ui(
                                        ui, cell, value, moves, &label, view, language, actions,
                                    )
                                });
                                if *figure == Figure::Executed(Quarter::ALL[3]) {
                                    r.col(|ui| {
                                        right_aligned(ui, number_or_empty(f.executed, language))
                                    });
                                    r.col(|ui| {
                                        ui.with_layout(
                                            Layout::right_to_left(Align::Center),
                                            |ui| {
                                                let badge = progress_badge(
                                                    ui,
                                                    f.progress,
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
                            }
                            r.col(|ui| {
                                right_aligned(
                                    ui,
                                    number_or_empty(
                                        programmed_total(indicator, plan.period),
                                        language,
                                    ),
                                );
                            });
                        });
                    }
                    body.row(theme::ROW_HEIGHT + 4.0, |mut r| {
                        r.col(|ui| {
                            ui.strong(language.pick("Total", "Total"));
                        });
                        for _ in 0..4 {
                            r.col(|_| {});
                        }
                        r.col(|ui| {
                            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                weights_total_ui(ui, obj_figures, language);
                            });
                        });
                        for _ in 0..(Quarter::ALL.len() + 1) {
                            r.col(|_| {});
                        }
                        r.col(|ui| {
                            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                progress_badge(ui, obj_figures.progress, &thresholds, language)
                                    .on_hover_text(language.pick(
                                        "Avance del objetivo: promedio ponderado",
                                        "Objective progress: weighted average",
                                    ));
                            });
                        });
                        for _ in 0..(years.len() + 1) {
                            r.col(|_| {});
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

/// Where Enter, Tab and Shift+Tab go from a cell, like in a spreadsheet.
#[derive(Clone, Copy, Debug)]
struct CellMoves {
    below: Option<CellId>,
    next: Option<CellId>,
    previous: Option<CellId>,
}

impl CellMoves {
    fn around(
        cell: CellId,
        row: usize,
        rows: &[IndicatorPath],
        columns: &[(Vigencia, Figure)],
    ) -> Self {
        let column = columns
            .iter()
            .position(|c| *c == (cell.vigencia, cell.figure))
            .unwrap_or(0);
        let at = |row: usize, column: usize| {
            let (vigencia, figure) = *columns.get(column)?;
            Some(CellId {
                at: *rows.get(row)?,
                vigencia,
                figure,
            })
        };
        let last = columns.len() - 1;
        Self {
            below: at(row + 1, column),
            next: if column < last {
                at(row, column + 1)
            } else {
                at(row + 1, 0)
            },
            previous: match (column, row) {
                (0, 0) => None,
                (0, _) => at(row - 1, last),
                _ => at(row, column - 1),
            },
        }
    }
}

fn right_aligned(ui: &mut egui::Ui, text: String) {
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        ui.label(text);
    });
}

/// One editable number. While focused it edits a draft; each valid text goes to the plan at
/// once (one undo step per cell), a bad text marks the cell and never reaches the plan.
/// Enter moves to the cell below; Esc restores the value the cell had.
#[allow(clippy::too_many_arguments)]
fn number_cell_ui(
    ui: &mut egui::Ui,
    cell: CellId,
    value: Option<Decimal>,
    moves: CellMoves,
    indicator: &str,
    view: &mut ViewState,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let id = cell.widget_id();
    let focused = ui.memory(|m| m.has_focus(id));
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
        let target = if shift { moves.previous } else { moves.next };
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
        if enter && moves.below.is_some() {
            view.focus_request = moves.below;
            ui.ctx().request_repaint();
        }
    }
    if let Some(error) = error {
        response.on_hover_text(RichText::new(error).color(theme::error_text(ui.visuals())));
    }
}
