//! The plan's findings: errors and warnings, each a link to where it points.

use std::collections::BTreeMap;

use egui::RichText;

use crate::app::{Action, CellId, Draft};
use crate::model::Language;
use crate::model::validation::{Finding, Severity};
use crate::theme;

/// The list of findings, with the cells whose typed text is not a number first.
pub fn findings_ui(
    ui: &mut egui::Ui,
    findings: &[Finding],
    drafts: &BTreeMap<CellId, Draft>,
    language: Language,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        ui.strong(language.pick("Validación", "Validation"));
        if findings.is_empty() && drafts.values().all(|d| d.error.is_none()) {
            ui.weak(language.pick("sin observaciones", "nothing to report"));
        }
    });
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (cell, draft) in drafts {
                if let Some(error) = &draft.error {
                    let text = format!(
                        "Error · {}: {error} {}",
                        language.pick("Celda sin guardar", "Unsaved cell"),
                        language.pick("(Esc la descarta)", "(Esc discards it)"),
                    );
                    let link = ui.add(
                        egui::Label::new(
                            RichText::new(text).color(theme::error_text(ui.visuals())),
                        )
                        .sense(egui::Sense::click()),
                    );
                    if link.clicked() {
                        actions.push(Action::FocusCell(*cell));
                    }
                }
            }
            for finding in findings {
                let (icon, color) = match finding.severity() {
                    Severity::Error => ("Error ·", theme::error_text(ui.visuals())),
                    Severity::Warning => (
                        language.pick("Aviso ·", "Warning ·"),
                        theme::warning_text(ui.visuals()),
                    ),
                };
                let text =
                    RichText::new(format!("{icon} {}", finding.message(language))).color(color);
                let link = ui
                    .add(egui::Label::new(text).sense(egui::Sense::click()))
                    .on_hover_text(
                        language.pick("Clic: ir a este dato", "Click: go to this field"),
                    );
                if link.clicked() {
                    actions.push(Action::Reveal(finding.clone()));
                }
            }
        });
}
