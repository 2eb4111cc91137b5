//! The grid's last row: the sum of the weights and the objective's progress. It is drawn under
//! each pane's table rather than as its last row, so it stays in view while the rows scroll.

use egui::{Align, Layout, Rangef, Rect, RichText, UiBuilder};

use super::GridContext;
use crate::model::edit::Figure;
use crate::model::format::percent;
use crate::model::{Language, ObjectiveProgress};
use crate::theme;
use crate::tr;
use crate::ui::tree::progress_badge;
use crate::view::grid::GridColumn;

/// The total row's height, with the space above it.
pub const HEIGHT: f32 = theme::ROW_HEIGHT + 4.0;

/// The frozen pane's part of the total row: "Total". `spans` are the pane's columns, left to
/// right, as its header drew them.
pub fn names_footer_ui(ui: &mut egui::Ui, spans: &[Rangef], grid: &GridContext<'_>) {
    let language = grid.language;
    if let Some(mut r) = FooterRow::new(ui, spans) {
        r.col(|ui| {
            ui.strong(tr!(language, "grid-total"));
        });
    }
}

/// The part under the figures: the weights' sum under the weights, the objective's average
/// under the progress, its projection under the projections.
pub fn figures_footer_ui(ui: &mut egui::Ui, spans: &[Rangef], grid: &GridContext<'_>) {
    let Some(mut r) = FooterRow::new(ui, spans) else {
        return;
    };
    let language = grid.language;
    let thresholds = grid.plan.settings.traffic_lights;
    for column in grid.layout.scrolled() {
        r.col(|ui| match column {
            GridColumn::Figure(_, Figure::Weight) => {
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    weights_total_ui(ui, grid.figures, language);
                });
            }
            GridColumn::Progress => {
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    progress_badge(ui, grid.figures.progress(), &thresholds, language)
                        .on_hover_text(tr!(language, "grid-objective-progress-weighted-average"));
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

/// The total row's cells, one per column of the table above.
struct FooterRow<'a, 'u> {
    ui: &'u mut egui::Ui,
    spans: std::slice::Iter<'a, Rangef>,
    rows: Rangef,
}

impl<'a, 'u> FooterRow<'a, 'u> {
    /// The row under what `ui` holds, across `spans`, with a line above it as a spreadsheet's
    /// total row has.
    fn new(ui: &'u mut egui::Ui, spans: &'a [Rangef]) -> Option<Self> {
        let (first, last) = (spans.first()?, spans.last()?);
        // A frame that laid out no heading (egui's first, measuring one) has no columns yet.
        if !(first.min.is_finite() && last.max.is_finite()) {
            return None;
        }
        let top = ui.cursor().top();
        let rect = Rect::from_x_y_ranges(first.min..=last.max, top..=top + HEIGHT);
        ui.allocate_rect(rect, egui::Sense::hover());
        let rows = Rangef::new(rect.bottom() - theme::ROW_HEIGHT, rect.bottom());
        ui.painter().hline(
            rect.x_range(),
            rows.min - 1.0,
            ui.visuals().widgets.noninteractive.bg_stroke,
        );
        Some(Self {
            ui,
            spans: spans.iter(),
            rows,
        })
    }

    /// The next column's cell, its contents cut at its edges as the table's are.
    fn col(&mut self, add_contents: impl FnOnce(&mut egui::Ui)) {
        let Some(span) = self.spans.next() else {
            return;
        };
        let cell = Rect::from_x_y_ranges(*span, self.rows);
        let mut ui = self.ui.new_child(
            UiBuilder::new()
                .max_rect(cell)
                .layout(Layout::left_to_right(Align::Center)),
        );
        ui.set_clip_rect(cell.intersect(self.ui.clip_rect()));
        add_contents(&mut ui);
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
