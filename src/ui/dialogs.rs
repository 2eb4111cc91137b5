//! Questions and messages over the window.

use crate::app::Dialog;
use crate::model::Language;

/// The answer to "there are unsaved changes".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

/// What the user answered this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogAnswer {
    Unsaved(UnsavedAnswer),
    Dismiss,
    /// Import without the rows listed (true) or not at all (false).
    ImportAnyway(bool),
}

/// Shows the dialog as a modal; returns the answer once given.
pub fn dialog_ui(ctx: &egui::Context, dialog: &Dialog, language: Language) -> Option<DialogAnswer> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("avance_dialog")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        match dialog {
            Dialog::UnsavedChanges { .. } => {
                ui.heading(language.pick("Cambios sin guardar", "Unsaved changes"));
                ui.label(language.pick(
                    "El plan tiene cambios que no se han guardado. ¿Qué desea hacer con ellos?",
                    "The plan has changes that have not been saved. What should happen to them?",
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(language.pick("Guardar", "Save")).clicked() {
                        answer = Some(DialogAnswer::Unsaved(UnsavedAnswer::Save));
                    }
                    if ui.button(language.pick("Descartar", "Discard")).clicked() {
                        answer = Some(DialogAnswer::Unsaved(UnsavedAnswer::Discard));
                    }
                    if ui.button(language.pick("Cancelar", "Cancel")).clicked() {
                        answer = Some(DialogAnswer::Unsaved(UnsavedAnswer::Cancel));
                    }
                });
            }
            Dialog::ImportProblems { text, .. } => {
                ui.heading(language.pick("La importación se detuvo", "The import stopped"));
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        ui.label(text);
                    });
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui
                        .button(
                            language.pick("Importar sin esas filas", "Import without those rows"),
                        )
                        .clicked()
                    {
                        answer = Some(DialogAnswer::ImportAnyway(true));
                    }
                    if ui.button(language.pick("Cancelar", "Cancel")).clicked() {
                        answer = Some(DialogAnswer::ImportAnyway(false));
                    }
                });
            }
            Dialog::Message { title, text } => {
                ui.heading(title);
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        ui.label(text);
                    });
                ui.add_space(8.0);
                if ui.button(language.pick("Aceptar", "OK")).clicked() {
                    answer = Some(DialogAnswer::Dismiss);
                }
            }
        }
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(match dialog {
            Dialog::UnsavedChanges { .. } => DialogAnswer::Unsaved(UnsavedAnswer::Cancel),
            Dialog::Message { .. } => DialogAnswer::Dismiss,
            Dialog::ImportProblems { .. } => DialogAnswer::ImportAnyway(false),
        });
    }
    answer
}
