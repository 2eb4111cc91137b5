//! The grid's header: the indicator's meta, code and name, one column per figure, then its
//! type and entity; the cut quarter's column is tinted.

use egui::Rangef;
use egui_extras::TableRow;

use crate::model::edit::Figure;
use crate::model::{Cut, Language};
use crate::theme;
use crate::tr;
use crate::view::grid::{GridColumn, GridLayout};

/// The column titles, each with what it holds on hover. Returns where each column is, left to
/// right, for the total row drawn under the table.
pub fn header_ui(
    mut header: TableRow<'_, '_>,
    layout: &GridLayout,
    cut: Cut,
    language: Language,
) -> Vec<Rangef> {
    let mut spans = Vec::new();
    let mut head = |text: String, hover: String, tinted: bool| {
        let (_, cell) = header.col(|ui| {
            if tinted {
                ui.painter()
                    .rect_filled(ui.max_rect(), 0.0, theme::cut_quarter_fill(ui.visuals()));
            }
            // Not selectable: dragging across the headings resizes columns, it selects no text.
            ui.add(egui::Label::new(egui::RichText::new(text).strong()).selectable(false))
                .on_hover_text(hover);
        });
        spans.push(cell.rect.x_range());
    };
    for (text, hover) in [
        ("Meta".to_owned(), tr!(language, "grid-meta-code")),
        (
            tr!(language, "grid-code"),
            tr!(language, "grid-indicator-code"),
        ),
        (
            tr!(language, "grid-indicator"),
            tr!(language, "grid-indicator-name"),
        ),
    ] {
        head(text, hover, false);
    }
    for column in &layout.columns {
        let at_cut = *column == GridColumn::Figure(cut.vigencia, Figure::Executed(cut.quarter));
        let (text, hover) = match column {
            GridColumn::Figure(year, Figure::Weight) => (
                format!("{} {year}", tr!(language, "grid-wgt")),
                tr!(language, "grid-weight-in-the-vigencia"),
            ),
            GridColumn::Figure(year, Figure::Executed(q)) => (
                format!("{} {year}", q.short_name(language)),
                tr!(language, "grid-executed-quarter-hint"),
            ),
            GridColumn::Figure(year, Figure::Programmed) => (
                format!("{} {year}", tr!(language, "grid-programmed-short")),
                tr!(language, "grid-programming-of-the-vigencia"),
            ),
            GridColumn::ExecutedAtCut => (
                tr!(language, "grid-at-cut"),
                tr!(language, "grid-executed-at-the-cut"),
            ),
            GridColumn::Progress => (
                tr!(language, "grid-progress"),
                tr!(language, "grid-progress-at-the-cut"),
            ),
            GridColumn::Comment(q) => (
                tr!(
                    language,
                    "grid-comment-heading",
                    quarter = q.short_name(language)
                ),
                tr!(language, "grid-comment-hint"),
            ),
            GridColumn::Remaining => (
                tr!(language, "grid-remaining-heading"),
                tr!(language, "grid-remaining-hint"),
            ),
            GridColumn::Projected => (
                tr!(language, "grid-projected-heading"),
                tr!(language, "grid-projected-hint"),
            ),
            GridColumn::Total => (
                "Total".into(),
                tr!(language, "grid-total-programming-per-type"),
            ),
        };
        head(text, hover, at_cut);
    }
    head(
        tr!(language, "grid-type-heading"),
        tr!(language, "grid-annualization-type"),
        false,
    );
    head(
        tr!(language, "details-entity"),
        tr!(language, "details-responsible-entity"),
        false,
    );
    spans
}
