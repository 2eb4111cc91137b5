//! One indicator's row, in two parts: its meta, code and name in the frozen pane, then in the
//! pane that scrolls sideways its number cells, the figures the engine computed for it, its
//! type and its entity.

use egui::{Align, Layout, RichText};
use egui_extras::TableRow;

use super::{GridContext, cell, paint_in_range, right_aligned, text_cell};
use crate::model::edit::{Figure, IndicatorPath};
use crate::model::format::{number_or_empty, percent, percent_or_dash};
use crate::model::progress::programmed_total;
use crate::model::validation::indicator_label;
use crate::model::{
    Cut, Indicator, IndicatorProgress, Language, Meta, Quarter, TrafficLights, Vigencia,
};
use crate::theme;
use crate::tr;
use crate::ui::tree::progress_badge;
use crate::view::grid::{CellId, Entry, GridColumn, GridLayout};
use crate::view::{Action, Selection};

/// The frozen part of the row of the indicator at `at`, the `row`-th of the objective: meta,
/// code and name (a link that selects it).
pub fn names_row_ui(
    mut r: TableRow<'_, '_>,
    grid: &mut GridContext<'_>,
    row: usize,
    at: IndicatorPath,
) {
    let Some(this) = RowIndicator::new(grid, row, at) else {
        return;
    };
    let selected = grid.view.selection == Selection::Indicator(at);
    r.set_selected(selected);
    naming_cells_ui(&mut r, grid, &this, selected);
}

/// The part of the row that scrolls sideways: the indicator's figures, then its type and
/// entity.
pub fn figures_row_ui(
    mut r: TableRow<'_, '_>,
    grid: &mut GridContext<'_>,
    row: usize,
    at: IndicatorPath,
) {
    let Some(this) = RowIndicator::new(grid, row, at) else {
        return;
    };
    r.set_selected(grid.view.selection == Selection::Indicator(at));
    let layout = grid.layout;
    for (c, column) in layout.scrolled().iter().enumerate() {
        let in_range = grid.in_range(row, c + GridLayout::FROZEN);
        r.col(|ui| {
            match *column {
                GridColumn::Figure(vigencia, figure) => {
                    figure_cell_ui(ui, grid, &this, vigencia, figure);
                }
                GridColumn::Setup(Entry::Baseline) => {
                    let cell = CellId {
                        at: this.at,
                        entry: Entry::Baseline,
                    };
                    let value = this.indicator.baseline;
                    cell::number_cell_ui(ui, grid, cell, value, &this.label, false);
                }
                GridColumn::Setup(entry) => {
                    let cell = CellId { at: this.at, entry };
                    text_cell::text_cell_ui(ui, grid, cell, &this.label);
                }
                GridColumn::Comment(quarter) => comment_column_ui(ui, grid, &this, quarter),
                computed => computed_cell_ui(ui, grid, &this, computed),
            }
            if in_range {
                paint_in_range(ui);
            }
        });
    }
    planning_cells_ui(&mut r, grid, &this);
}

/// The indicator a row shows, with what it is named by and measured against.
struct RowIndicator<'a> {
    at: IndicatorPath,
    /// Its place among the objective's rows.
    row: usize,
    indicator: &'a Indicator,
    meta: &'a Meta,
    /// What the engine computed for it at the cut.
    figures: &'a IndicatorProgress,
    /// How officers name it, for the cells' accessible names.
    label: String,
    thresholds: TrafficLights,
}

impl<'a> RowIndicator<'a> {
    /// The `row`-th indicator of the grid, at `at`.
    fn new(grid: &GridContext<'a>, row: usize, at: IndicatorPath) -> Option<Self> {
        let indicator = grid.plan.indicator(at)?;
        let meta = grid.objective.metas.get(at.meta)?;
        Some(Self {
            at,
            row,
            indicator,
            meta,
            figures: grid.figures.indicators.get(row)?,
            label: indicator_label(&meta.code, indicator),
            thresholds: grid.plan.settings.traffic_lights,
        })
    }
}

/// The cells that say which indicator the row is: meta, then code and name, typed in as the
/// figures are (a click on the name also selects the indicator).
fn naming_cells_ui(
    r: &mut TableRow<'_, '_>,
    grid: &mut GridContext<'_>,
    this: &RowIndicator<'_>,
    selected: bool,
) {
    let (at, meta) = (this.at, this.meta);
    r.col(|ui| {
        ui.label(&meta.code).on_hover_text(&meta.name);
    });
    for entry in [Entry::Code, Entry::Name] {
        r.col(|ui| {
            let cell = CellId { at, entry };
            let shown = text_cell::text_cell_ui(ui, grid, cell, &this.label);
            if let Some(name) = shown.filter(|_| entry == Entry::Name)
                && selected
                && grid.view.next_frame.reveal_selection
            {
                name.scroll_to_me(Some(Align::Center));
            }
        });
    }
}

/// The cells set when the plan is made, after the línea base, type and unit: kind and entity
/// (set in the details above the grid).
fn planning_cells_ui(
    r: &mut TableRow<'_, '_>,
    grid: &mut GridContext<'_>,
    this: &RowIndicator<'_>,
) {
    let indicator = this.indicator;
    let language = grid.language;
    r.col(|ui| {
        // Where the indicator comes from: set in the details above the grid.
        let kind = indicator.kind(this.meta).name(language);
        ui.add(egui::Label::new(kind).truncate())
            .on_hover_text(tr!(language, "grid-kind-hint"));
    });
    r.col(|ui| {
        // Cut with "…" when narrower than the name; egui then shows it whole on hover.
        ui.add(egui::Label::new(&indicator.entity).truncate());
    });
}

/// A figure the user types: the indicator's `figure` of `vigencia`.
fn figure_cell_ui(
    ui: &mut egui::Ui,
    grid: &mut GridContext<'_>,
    this: &RowIndicator<'_>,
    vigencia: Vigencia,
    figure: Figure,
) {
    let indicator = this.indicator;
    let cell = CellId::figure(this.at, vigencia, figure);
    let value = indicator.figure(vigencia, figure);
    let cut = grid.cut;
    let at_cut = vigencia == cut.vigencia && figure == Figure::Executed(cut.quarter);
    cell::number_cell_ui(ui, grid, cell, value, &this.label, at_cut);
}

/// The comment of `quarter` in the cut's vigencia, as a marker; a click opens it.
fn comment_column_ui(
    ui: &mut egui::Ui,
    grid: &mut GridContext<'_>,
    this: &RowIndicator<'_>,
    quarter: Quarter,
) {
    let vigencia = grid.cut.vigencia;
    let comment = this
        .indicator
        .year(vigencia)
        .and_then(|y| y.comments.get(&quarter));
    // Low, and no reason given yet: the committee will ask.
    let missing = this
        .figures
        .progress()
        .is_some_and(|p| p < this.thresholds.red_below);
    if comment_cell_ui(ui, comment, missing, &this.label, grid.language).clicked() {
        grid.actions.push(Action::EditComment {
            at: this.at,
            vigencia,
            quarter,
        });
    }
}

/// A figure the engine computed for the indicator: executed at the cut, progress, what
/// remains, the projection, the programmed total. Nothing for the columns the user types in.
fn computed_cell_ui(
    ui: &mut egui::Ui,
    grid: &GridContext<'_>,
    this: &RowIndicator<'_>,
    column: GridColumn,
) {
    let language = grid.language;
    let forecast = grid.forecast.indicators.get(this.row);
    match column {
        GridColumn::ExecutedAtCut => {
            right_aligned(ui, number_or_empty(this.figures.executed, language));
        }
        GridColumn::Progress => {
            indicator_progress_ui(ui, this.figures, &this.thresholds, grid.cut, language);
        }
        GridColumn::Remaining => {
            if let Some(forecast) = forecast {
                right_aligned(ui, number_or_empty(forecast.remaining_shown(), language))
                    .on_hover_text(
                        forecast.remaining_explained(this.indicator.annualization, language),
                    );
            }
        }
        GridColumn::Projected => {
            if let Some(forecast) = forecast {
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    progress_badge(ui, forecast.projected_shown(), &this.thresholds, language)
                        .on_hover_text(forecast.projected_explained(language));
                });
            }
        }
        GridColumn::Total => {
            let total = programmed_total(this.indicator, grid.plan.period);
            right_aligned(ui, number_or_empty(total, language));
        }
        GridColumn::Figure(..) | GridColumn::Comment(_) | GridColumn::Setup(_) => {}
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

/// What an indicator's avance cell writes: the real avance and, when the roll-up counts it
/// otherwise (above the cap, below 0 %), what it counts and why.
pub struct ProgressShown {
    /// "110,00 %", "—" without a figure.
    pub figure: String,
    /// "(100)", and what it means on hover.
    pub counted: Option<(String, String)>,
    /// "al T1" when the cut quarter has no report (DOMAIN.md, "Current or not"), and what it
    /// means on hover.
    pub stands_at: Option<(String, String)>,
}

impl ProgressShown {
    pub fn of(figures: &IndicatorProgress, cut: Cut, language: Language) -> Self {
        let counted = figures.counted.as_ref().and_then(|c| c.round2());
        let counted = counted
            .filter(|_| figures.is_capped() || figures.is_floored())
            .map(|counted| {
                let counts = percent(counted, language);
                let why = if figures.is_capped() {
                    tr!(language, "progress-capped", counts = counts)
                } else {
                    tr!(language, "progress-floored", counts = counts)
                };
                (format!("({})", counted.round()), why)
            });
        let stands_at = figures.currency.stands_at().map(|quarter| {
            let quarter = quarter.short_name(language);
            (
                tr!(language, "figure-stands-at", quarter = quarter.clone()),
                tr!(
                    language,
                    "grid-stands-at-hint",
                    cut = cut.quarter.short_name(language),
                    quarter = quarter
                ),
            )
        });
        Self {
            figure: percent_or_dash(figures.progress(), language),
            counted,
            stands_at,
        }
    }
}

/// An indicator's real avance on its traffic light and, when the roll-up counts it otherwise
/// (above the cap, below 0 %), what it counts beside it: "110,00 % (100)", "−20,00 % (0)"; when
/// the cut quarter has no report, the quarter the figure stands at: "27,50 % al T1".
fn indicator_progress_ui(
    ui: &mut egui::Ui,
    figures: &IndicatorProgress,
    thresholds: &TrafficLights,
    cut: Cut,
    language: Language,
) {
    let shown = ProgressShown::of(figures, cut, language);
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        if let Some((stands_at, why)) = shown.stands_at {
            ui.label(
                RichText::new(stands_at)
                    .small()
                    .color(theme::warning_text(ui.visuals())),
            )
            .on_hover_text(why);
        }
        if let Some((counted, why)) = shown.counted {
            ui.label(RichText::new(counted).small().weak())
                .on_hover_text(why);
        }
        progress_badge(ui, figures.progress(), thresholds, language);
    });
}
