//! The plan's findings: errors and warnings, each a link to where it points.

use egui::RichText;

use crate::model::validation::{Severity, indicator_label};
use crate::model::{Language, Plan};
use crate::theme;
use crate::ui::PanelContext;
use crate::ui::grid::not_accepted;
use crate::view::{Action, CellId};

/// Where a cell is, as findings name it: "Objetivo 3 · indicador 465 · ejecutado 2022 T1".
fn cell_place(plan: &Plan, cell: CellId, language: Language) -> String {
    let objective = plan.objectives.get(cell.at.objective);
    let meta = objective.and_then(|o| o.metas.get(cell.at.meta));
    let indicator = plan.indicator(cell.at);
    let mut place = Vec::new();
    if let Some(o) = objective {
        place.push(format!(
            "{} {}",
            crate::tr!(language, "tree-objective"),
            o.number
        ));
    }
    if let (Some(meta), Some(indicator)) = (meta, indicator) {
        let label = indicator_label(&meta.code, indicator);
        place.push(crate::tr!(language, "place-indicator", label = label));
    }
    place.push(cell.field().name(language));
    place.join(" · ")
}

/// The list of findings, with the cells whose typed text was not accepted first.
pub fn findings_ui(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>) {
    let (plan, findings, drafts, language) = (
        ctx.plan,
        &ctx.computed.findings,
        &ctx.view.drafts,
        ctx.language,
    );
    let actions = &mut *ctx.actions;
    ui.horizontal(|ui| {
        ui.strong(crate::tr!(language, "validation-validation"));
        if findings.is_empty() && drafts.values().all(|d| d.error(language).is_none()) {
            ui.weak(crate::tr!(language, "validation-nothing-to-report"));
        }
    });
    // Cells whose text was not accepted first, then the findings: one line each, and only the
    // lines in view are laid out (a plan of 10 000 indicators can have thousands).
    let refused: Vec<_> = drafts
        .iter()
        .filter_map(|(cell, draft)| draft.error(language).map(|error| (*cell, error)))
        .collect();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    let rows = refused.len() + findings.len();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        // On a short window the list may be a line or two (the panel's height decides).
        .min_scrolled_height(row_height)
        .show_rows(ui, row_height, rows, |ui, range| {
            for row in range {
                if let Some((cell, error)) = refused.get(row) {
                    let text = format!(
                        "Error · {}: {} {}",
                        cell_place(plan, *cell, language),
                        not_accepted(error, language),
                        crate::tr!(language, "cell-refused-keeps-value"),
                    );
                    let link = ui.add(
                        egui::Label::new(
                            RichText::new(text).color(theme::error_text(ui.visuals())),
                        )
                        .truncate()
                        .sense(egui::Sense::click()),
                    );
                    if link.clicked() {
                        actions.push(Action::FocusCell(*cell));
                    }
                    continue;
                }
                let Some(finding) = findings.get(row - refused.len()) else {
                    continue;
                };
                let (icon, color) = match finding.severity() {
                    Severity::Error => (
                        crate::tr!(language, "validation-error"),
                        theme::error_text(ui.visuals()),
                    ),
                    Severity::Warning => (
                        crate::tr!(language, "validation-warning"),
                        theme::warning_text(ui.visuals()),
                    ),
                };
                let message = format!("{icon} {}", finding.message(language));
                let hint = crate::tr!(language, "validation-click-go-to-this");
                let link = ui
                    .add(
                        egui::Label::new(RichText::new(&message).color(color))
                            .truncate()
                            .sense(egui::Sense::click()),
                    )
                    .on_hover_text(format!("{message}\n\n{hint}"));
                if link.clicked() {
                    actions.push(Action::Reveal(finding.clone()));
                }
            }
        });
}
