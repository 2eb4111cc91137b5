//! One indicator's row: its meta, code, name, entity and type, then its number cells and the
//! figures the engine computed for it.

use egui::{Align, Layout, RichText};
use egui_extras::TableRow;

use super::{GridContext, annualization_name, cell, paint_in_range, right_aligned};
use crate::model::edit::{Edit, Figure, IndicatorPath};
use crate::model::format::{number_or_empty, percent};
use crate::model::progress::programmed_total;
use crate::model::validation::indicator_label;
use crate::model::{Annualization, IndicatorProgress, Language, TrafficLights};
use crate::theme;
use crate::tr;
use crate::ui::tree::{progress_badge, short};
use crate::view::grid::{CellId, GridColumn};
use crate::view::{Action, Selection};

/// The row of the indicator at `at`, the `row`-th of the objective.
pub fn indicator_row_ui(
    mut r: TableRow<'_, '_>,
    grid: &mut GridContext<'_>,
    row: usize,
    at: IndicatorPath,
) {
    let (Some(indicator), Some(meta), Some(figures)) = (
        grid.plan.indicator(at),
        grid.objective.metas.get(at.meta),
        grid.figures.indicators.get(row),
    ) else {
        return;
    };
    let language = grid.language;
    let label = indicator_label(&meta.code, indicator);
    let selected = grid.view.selection == Selection::Indicator(at);
    let thresholds = grid.plan.settings.traffic_lights;
    r.set_selected(selected);
    r.col(|ui| {
        ui.label(&meta.code).on_hover_text(&meta.name);
    });
    r.col(|ui| {
        ui.label(indicator.code_label());
    });
    r.col(|ui| {
        let name = if indicator.name.trim().is_empty() {
            tr!(language, "grid-no-name")
        } else {
            short(&indicator.name, 60)
        };
        let link = ui
            .add(egui::Button::selectable(selected, name).truncate())
            .on_hover_text(&indicator.name);
        if selected && grid.view.reveal_selection {
            link.scroll_to_me(Some(Align::Center));
        }
        if link.clicked() {
            grid.actions.push(Action::Select(Selection::Indicator(at)));
        }
    });
    r.col(|ui| {
        // Cut with "…" when narrower than the name; egui then shows it whole on hover.
        ui.add(egui::Label::new(&indicator.entity).truncate());
    });
    r.col(|ui| {
        if let Some(kind) = annualization_ui(ui, at, indicator.annualization, &label, language) {
            grid.actions
                .push(Action::Edit(Edit::Annualization { at, kind }, None));
        }
    });
    let cut = grid.cut;
    for (c, column) in grid.layout.columns.iter().enumerate() {
        let in_range = grid.in_range(row, c);
        match *column {
            GridColumn::Figure(vigencia, figure) => {
                let cell = CellId {
                    at,
                    vigencia,
                    figure,
                };
                let value = match figure {
                    Figure::Weight => indicator.weight(vigencia),
                    Figure::Programmed => indicator.programmed(vigencia),
                    Figure::Executed(q) => indicator.executed(vigencia, q),
                };
                let at_cut = vigencia == cut.vigencia && figure == Figure::Executed(cut.quarter);
                r.col(|ui| {
                    cell::number_cell_ui(ui, grid, cell, value, &label, at_cut);
                    if in_range {
                        paint_in_range(ui);
                    }
                });
            }
            GridColumn::Comment(quarter) => {
                let comment = indicator
                    .year(cut.vigencia)
                    .and_then(|y| y.comments.get(&quarter));
                // Low, and no reason given yet: the committee will ask.
                let missing = figures.progress().is_some_and(|p| p < thresholds.red_below);
                r.col(|ui| {
                    if comment_cell_ui(ui, comment, missing, &label, language).clicked() {
                        grid.actions.push(Action::EditComment {
                            at,
                            vigencia: cut.vigencia,
                            quarter,
                        });
                    }
                    if in_range {
                        paint_in_range(ui);
                    }
                });
            }
            GridColumn::ExecutedAtCut => {
                r.col(|ui| {
                    right_aligned(ui, number_or_empty(figures.executed, language));
                    if in_range {
                        paint_in_range(ui);
                    }
                });
            }
            GridColumn::Progress => {
                r.col(|ui| {
                    indicator_progress_ui(ui, figures, &thresholds, language);
                    if in_range {
                        paint_in_range(ui);
                    }
                });
            }
            GridColumn::Remaining => {
                let forecast = grid.forecast.indicators.get(row);
                r.col(|ui| {
                    if let Some(forecast) = forecast {
                        right_aligned(ui, number_or_empty(forecast.remaining_shown(), language))
                            .on_hover_text(
                                forecast.remaining_explained(indicator.annualization, language),
                            );
                    }
                    if in_range {
                        paint_in_range(ui);
                    }
                });
            }
            GridColumn::Projected => {
                let forecast = grid.forecast.indicators.get(row);
                r.col(|ui| {
                    if let Some(forecast) = forecast {
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                            progress_badge(ui, forecast.projected_shown(), &thresholds, language)
                                .on_hover_text(forecast.projected_explained(language));
                        });
                    }
                    if in_range {
                        paint_in_range(ui);
                    }
                });
            }
            GridColumn::Total => {
                let total = programmed_total(indicator, grid.plan.period);
                r.col(|ui| {
                    right_aligned(ui, number_or_empty(total, language));
                    if in_range {
                        paint_in_range(ui);
                    }
                });
            }
        }
    }
}

/// The comment of the cut's quarter as a marker: ¶ when there is one (its text on hover), a
/// bold ! in the error colour when the figure is low and nobody said why, + otherwise. A click opens
/// the box where it is written in full.
fn comment_cell_ui(
    ui: &mut egui::Ui,
    comment: Option<&String>,
    missing: bool,
    label: &str,
    language: Language,
) -> egui::Response {
    let (mark, hover) = match comment.filter(|c| !c.trim().is_empty()) {
        Some(c) => (RichText::new("¶").strong(), c.clone()),
        None if missing => (
            RichText::new("!")
                .strong()
                .color(theme::error_text(ui.visuals())),
            tr!(language, "grid-comment-missing"),
        ),
        None => (
            RichText::new("+").weak(),
            tr!(language, "grid-comment-hint"),
        ),
    };
    ui.with_layout(
        Layout::centered_and_justified(egui::Direction::LeftToRight),
        |ui| {
            ui.add(egui::Button::new(mark).frame(false))
                .on_hover_text(hover)
                .accessible_name(format!("{label} · {}", tr!(language, "comment-label")))
        },
    )
    .inner
}

/// The annualization type's combo box; the type chosen, when it changed.
fn annualization_ui(
    ui: &mut egui::Ui,
    at: IndicatorPath,
    current: Annualization,
    label: &str,
    language: Language,
) -> Option<Annualization> {
    let mut kind = current;
    egui::ComboBox::from_id_salt(("type", at))
        .selected_text(annualization_name(kind, language))
        .width(92.0)
        .show_ui(ui, |ui| {
            for k in Annualization::ALL {
                ui.selectable_value(&mut kind, k, annualization_name(k, language));
            }
        })
        .response
        .accessible_name(format!("{label} · {}", tr!(language, "grid-type")));
    (kind != current).then_some(kind)
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
            let counts = percent(counted, language);
            let why = if figures.is_capped() {
                tr!(language, "progress-capped", counts = counts)
            } else {
                tr!(language, "progress-floored", counts = counts)
            };
            ui.label(
                RichText::new(format!("({})", counted.round()))
                    .small()
                    .weak(),
            )
            .on_hover_text(why);
        }
        progress_badge(ui, figures.progress(), thresholds, language);
    });
}
