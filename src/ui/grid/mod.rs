//! The editable grid of an objective's indicators: weight, execution per quarter, the figures
//! the engine computes at the cut, programming per vigencia. Where each cell is and where the
//! keys go is [`crate::view::grid`]; here it is drawn: [`header`], one [`row`] per indicator
//! whose number cells are [`cell`]s, and the [`footer`] with the objective's totals.

mod cell;
mod footer;
mod header;
mod row;

use egui::{Align, Layout};
use egui_extras::{Column, TableBuilder};

use crate::model::edit::IndicatorPath;
use crate::model::validation::indicator_label;
use crate::model::{Annualization, Language, Objective, ObjectiveProgress, Plan, Vigencia};
use crate::theme;
use crate::ui::PanelContext;
use crate::view::grid::{GridLayout, NumberColumn};
use crate::view::{Action, ViewState};

pub use cell::not_accepted;
pub use footer::weights_total_ui;

/// What every part of the grid reads and where it sends what the user does.
pub struct GridContext<'a> {
    pub plan: &'a Plan,
    pub objective: &'a Objective,
    pub figures: &'a ObjectiveProgress,
    pub layout: &'a GridLayout,
    pub view: &'a mut ViewState,
    pub language: Language,
    pub actions: &'a mut Vec<Action>,
    /// Where the cell the keys just reached is, to scroll the grid sideways to it.
    pub reached: Option<egui::Rect>,
}

impl GridContext<'_> {
    /// How officers name the indicator at `at`: its code, or "N/A" and its meta's code.
    fn label_of(&self, at: IndicatorPath) -> String {
        match (self.plan.indicator(at), self.objective.metas.get(at.meta)) {
            (Some(indicator), Some(meta)) => indicator_label(&meta.code, indicator),
            _ => String::new(),
        }
    }
}

/// The name of an annualization type in the grid's combo box.
pub fn annualization_name(kind: Annualization, language: Language) -> String {
    match kind {
        Annualization::Suma => crate::tr!(language, "annualization-suma"),
        Annualization::Creciente => crate::tr!(language, "annualization-creciente"),
        Annualization::Constante => crate::tr!(language, "annualization-constante"),
        Annualization::Decreciente => crate::tr!(language, "annualization-decreciente"),
    }
}

/// The grid of the objective at index `objective`.
pub fn indicator_grid_ui(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>, objective: usize) {
    let (plan, figures, language) = (ctx.plan, ctx.computed, ctx.language);
    let (view, actions) = (&mut *ctx.view, &mut *ctx.actions);
    let (Some(obj), Some(obj_figures)) = (
        plan.objectives.get(objective),
        figures.progress.objectives.get(objective),
    ) else {
        return;
    };
    let rows: Vec<IndicatorPath> = plan.indicator_paths(objective);
    if rows.is_empty() {
        ui.weak(crate::tr!(language, "grid-no-indicators-yet"));
        return;
    }
    let years: Vec<Vigencia> = plan.period.vigencias().collect();
    let mut layout = GridLayout::new(rows, view.cut.vigencia, &years);
    // Page Up / Page Down move by the rows on screen (less the header and the total row).
    layout.rows_per_page = ((ui.available_height() / theme::ROW_HEIGHT) as usize)
        .saturating_sub(2)
        .max(1);
    let mut grid = GridContext {
        plan,
        objective: obj,
        figures: obj_figures,
        layout: &layout,
        view,
        language,
        actions,
        reached: None,
    };
    // The table scrolls itself up and down; sideways, the keys' target is revealed here (an
    // inner scroll area takes the sideways scroll request too, so egui cannot do it).
    let pending_id = egui::Id::unique(("grid_scroll_to", objective));
    let mut area = egui::ScrollArea::horizontal().id_salt(("grid_scroll", objective));
    if let Some(x) = ui.data_mut(|d| d.remove_temp::<f32>(pending_id)) {
        area = area.horizontal_scroll_offset(x);
    }
    let output = area.show(ui, |ui| {
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
            .header(theme::ROW_HEIGHT + 4.0, |header| {
                header::header_ui(header, &layout, language);
            })
            .body(|mut body| {
                for (row, at) in layout.rows.iter().enumerate() {
                    row::indicator_row_ui(&mut body, &mut grid, row, *at);
                }
                footer::footer_ui(&mut body, &grid);
            });
    });
    if let Some(x) = grid
        .reached
        .and_then(|rect| offset_to_reveal(rect, &output))
    {
        ui.data_mut(|d| d.insert_temp(pending_id, x));
        ui.ctx().request_repaint();
    }
}

/// The sideways scroll offset that brings `rect` into the grid's view, if it is not in it.
fn offset_to_reveal(
    rect: egui::Rect,
    area: &egui::scroll_area::ScrollAreaOutput<()>,
) -> Option<f32> {
    let visible = area.inner_rect;
    let offset = area.state.clamped_offset().x;
    let margin = 8.0;
    if rect.max.x > visible.max.x {
        Some(offset + rect.max.x - visible.max.x + margin)
    } else if rect.min.x < visible.min.x {
        Some((offset - (visible.min.x - rect.min.x) - margin).max(0.0))
    } else {
        None
    }
}

/// A text in the cell, right-aligned (numbers).
fn right_aligned(ui: &mut egui::Ui, text: String) {
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        ui.label(text);
    });
}
