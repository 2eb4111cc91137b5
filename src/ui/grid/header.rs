//! The grid's headers: the frozen pane's (meta, code, name) and the one that scrolls sideways
//! (one column per figure, the línea base, type and unit, then kind and entity); the cut
//! quarter's column is tinted.

use egui::Rangef;
use egui_extras::TableRow;

use crate::model::edit::Figure;
use crate::model::{Cut, Language};
use crate::theme;
use crate::tr;
use crate::view::grid::{Entry, GridColumn, GridLayout};

/// A column's title, tinted when it is the cut quarter's, with what it holds on hover.
/// Returns where the column is.
fn heading_ui(header: &mut TableRow<'_, '_>, text: String, hover: String, tinted: bool) -> Rangef {
    let mut span = Rangef::NOTHING;
    header.col(|ui| {
        span = ui.max_rect().x_range();
        if tinted {
            ui.painter()
                .rect_filled(ui.max_rect(), 0.0, theme::cut_quarter_fill(ui.visuals()));
        }
        // Not selectable: dragging across the headings resizes columns, it selects no text.
        ui.add(egui::Label::new(egui::RichText::new(text).strong()).selectable(false))
            .on_hover_text(hover);
    });
    span
}

/// The frozen pane's titles: meta, code, name. Returns where each column is, left to right,
/// for the total row drawn under the table.
pub fn names_header_ui(mut header: TableRow<'_, '_>, language: Language) -> Vec<Rangef> {
    [
        ("Meta".to_owned(), tr!(language, "grid-meta-code")),
        (
            tr!(language, "grid-code"),
            tr!(language, "grid-indicator-code"),
        ),
        (
            tr!(language, "grid-indicator"),
            tr!(language, "grid-indicator-name"),
        ),
    ]
    .into_iter()
    .map(|(text, hover)| heading_ui(&mut header, text, hover, false))
    .collect()
}

/// The titles of the pane that scrolls sideways: one per figure, the línea base, type and
/// unit, then kind and entity.
/// Returns where each column is, left to right.
pub fn figures_header_ui(
    mut header: TableRow<'_, '_>,
    layout: &GridLayout,
    cut: Cut,
    language: Language,
) -> Vec<Rangef> {
    let mut spans = Vec::new();
    for column in layout.scrolled() {
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
            GridColumn::Setup(Entry::Baseline) => (
                tr!(language, "grid-baseline-heading"),
                tr!(language, "grid-baseline-hint"),
            ),
            GridColumn::Setup(Entry::Type) => (
                tr!(language, "grid-type-heading"),
                tr!(language, "grid-type-hint"),
            ),
            GridColumn::Setup(Entry::Unit) => (
                tr!(language, "grid-unit-heading"),
                tr!(language, "grid-unit-hint"),
            ),
            // Code and name are the frozen pane's.
            GridColumn::Setup(_) => continue,
        };
        spans.push(heading_ui(&mut header, text, hover, at_cut));
    }
    for (text, hover) in [
        (
            tr!(language, "grid-kind-heading"),
            tr!(language, "grid-kind-hint"),
        ),
        (
            tr!(language, "details-entity"),
            tr!(language, "details-responsible-entity"),
        ),
    ] {
        spans.push(heading_ui(&mut header, text, hover, false));
    }
    spans
}
