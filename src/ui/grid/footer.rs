//! The grid's last row: the sum of the weights and the objective's progress.

use egui::{Align, Layout, RichText};
use egui_extras::TableRow;

use super::GridContext;
use crate::model::edit::Figure;
use crate::model::format::percent;
use crate::model::{Language, ObjectiveProgress};
use crate::theme;
use crate::tr;
use crate::ui::tree::progress_badge;
use crate::view::grid::GridColumn;

/// "Total": the weights' sum under the weights, the objective's average under the progress.
pub fn footer_ui(mut r: TableRow<'_, '_>, grid: &GridContext<'_>) {
    let language = grid.language;
    let thresholds = grid.plan.settings.traffic_lights;
    {
        r.col(|ui| {
            ui.strong(tr!(language, "grid-total"));
        });
        for _ in 0..4 {
            r.col(|_| {});
        }
        for column in &grid.layout.columns {
            r.col(|ui| match column {
                GridColumn::Figure(_, Figure::Weight) => {
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        weights_total_ui(ui, grid.figures, language);
                    });
                }
                GridColumn::Progress => {
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        progress_badge(ui, grid.figures.progress(), &thresholds, language)
                            .on_hover_text(tr!(
                                language,
                                "grid-objective-progress-weighted-average"
                            ));
                    });
                }
                GridColumn::Projected => {
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        progress_badge(ui, grid.forecast.projected_shown(), &thresholds, language)
                            .on_hover_text(tr!(language, "grid-objective-projected"));
                    });
                }
                _ => {}
            });
        }
    }
}

/// The sum of the weights, in the warning colour when it is not 100 %.
pub fn weights_total_ui(ui: &mut egui::Ui, figures: &ObjectiveProgress, language: Language) {
    let total = figures.weights_total.unwrap_or_default();
    let text = RichText::new(percent(total, language)).strong();
    if figures.weights_add_up() {
        ui.label(text)
            .on_hover_text(tr!(language, "grid-sum-of-the-weights"));
    } else {
        ui.colored_label(theme::warning_text(ui.visuals()), text)
            .on_hover_text(tr!(language, "grid-weights-not-100-hint"));
    }
}
