//! The plan's findings: errors and warnings, each a link to where it points.

use egui::RichText;

use crate::model::validation::Severity;
use crate::theme;
use crate::ui::PanelContext;
use crate::view::refused::{EntryBox, refused_entries};
use crate::view::{Action, Selection};

/// The list of findings, with the texts typed and not accepted first.
pub fn findings_ui(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>) {
    let (plan, findings, language) = (ctx.plan, &ctx.computed.findings, ctx.language);
    // Texts not accepted first (a cell in red…), then the findings: one line each, and only
    // the lines in view are laid out (a plan of 10 000 indicators can have thousands).
    let refused = refused_entries(plan, ctx.view, language);
    let actions = &mut *ctx.actions;
    ui.horizontal(|ui| {
        ui.strong(crate::tr!(language, "validation-validation"));
        if findings.is_empty() && refused.is_empty() {
            ui.weak(crate::tr!(language, "validation-nothing-to-report"));
        }
    });
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    let rows = refused.len() + findings.len();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        // On a short window the list may be a line or two (the panel's height decides).
        .min_scrolled_height(row_height)
        .show_rows(ui, row_height, rows, |ui, range| {
            for row in range {
                if let Some(entry) = refused.get(row) {
                    let text = format!(
                        "Error · {}: {} {}",
                        entry.place(language),
                        crate::tr!(
                            language,
                            "cell-not-accepted",
                            reason = entry.refusal.message(language)
                        ),
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
                        actions.push(match entry.entry {
                            EntryBox::Cell(cell) => Action::FocusCell(cell),
                            EntryBox::Threshold(_) | EntryBox::EntityName(_) => {
                                Action::Select(Selection::Plan)
                            }
                        });
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
