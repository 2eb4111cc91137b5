//! The grid's header: the indicator's columns, then one per number column.

use egui_extras::TableRow;

use crate::model::Language;
use crate::model::edit::Figure;
use crate::tr;
use crate::view::grid::{GridLayout, NumberColumn};

/// The column titles, each with what it holds on hover.
pub fn header_ui(mut header: TableRow<'_, '_>, layout: &GridLayout, language: Language) {
    let mut head = |text: String, hover: String| {
        header.col(|ui| {
            ui.strong(text).on_hover_text(hover);
        });
    };
    head("Meta".into(), tr!(language, "grid-meta-code"));
    head(
        tr!(language, "grid-code"),
        tr!(language, "grid-indicator-code"),
    );
    head(
        tr!(language, "grid-indicator"),
        tr!(language, "grid-indicator-name"),
    );
    head(
        tr!(language, "details-entity"),
        tr!(language, "details-responsible-entity"),
    );
    head(
        tr!(language, "grid-type-heading"),
        tr!(language, "grid-annualization-type"),
    );
    for column in &layout.columns {
        let (text, hover) = match column {
            NumberColumn::Figure(year, Figure::Weight) => (
                format!("{} {year}", tr!(language, "grid-wgt")),
                tr!(language, "grid-weight-in-the-vigencia"),
            ),
            NumberColumn::Figure(year, Figure::Executed(q)) => (
                format!("{} {year}", q.short_name(language)),
                tr!(language, "grid-executed-quarter-hint"),
            ),
            NumberColumn::Figure(year, Figure::Programmed) => (
                format!("Prog. {year}"),
                tr!(language, "grid-programming-of-the-vigencia"),
            ),
            NumberColumn::ExecutedAtCut => (
                tr!(language, "grid-at-cut"),
                tr!(language, "grid-executed-at-the-cut"),
            ),
            NumberColumn::Progress => (
                tr!(language, "grid-progress"),
                tr!(language, "grid-progress-at-the-cut"),
            ),
            NumberColumn::Total => (
                "Total".into(),
                tr!(language, "grid-total-programming-per-type"),
            ),
        };
        head(text, hover);
    }
}
