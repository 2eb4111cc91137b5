//! Questions and messages over the window.

use crate::app::{Dialog, PathPurpose};
use crate::model::Language;

/// The answer to "there are unsaved changes".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

/// What the user answered this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogAnswer {
    Unsaved(UnsavedAnswer),
    Dismiss,
    /// Import without the rows listed (true) or not at all (false).
    ImportAnyway(bool),
    /// The path typed (`None`: cancelled).
    TypedPath(Option<String>),
}

/// Shows the dialog as a modal; returns the answer once given.
pub fn dialog_ui(
    ctx: &egui::Context,
    dialog: &mut Dialog,
    language: Language,
) -> Option<DialogAnswer> {
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
                        ui.label(text.as_str());
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
            Dialog::TypePath { purpose, input } => {
                let (title, action) = match purpose {
                    PathPurpose::Open => (language.pick("Abrir plan", "Open plan"), language.pick("Abrir", "Open")),
                    PathPurpose::SaveAs => (language.pick("Guardar plan como", "Save plan as"), language.pick("Guardar", "Save")),
                    PathPurpose::Import | PathPurpose::ImportIntoOpenPlan => (
                        language.pick("Importar matriz", "Import matrix"),
                        language.pick("Importar", "Import"),
                    ),
                    PathPurpose::Export => (language.pick("Exportar", "Export"), language.pick("Exportar", "Export")),
                };
                ui.heading(title);
                ui.label(language.pick(
                    "No se eligió un archivo: se canceló el diálogo, o el sistema no pudo mostrarlo. \
                     Nada se ha hecho aún. Puede escribir la ruta completa del archivo:",
                    "No file was chosen: the dialog was cancelled, or the system could not show it. \
                     Nothing has been done yet. You can type the file's full path:",
                ));
                let label = ui.label(language.pick("Ruta del archivo", "File path"));
                let field = ui
                    .add(egui::TextEdit::singleline(input).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                if input.is_empty() && !field.has_focus() {
                    field.request_focus();
                }
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let has_path = !input.trim().is_empty();
                    if ui.add_enabled(has_path, egui::Button::new(action)).clicked() || (entered && has_path) {
                        answer = Some(DialogAnswer::TypedPath(Some(input.clone())));
                    }
                    if ui.button(language.pick("Cancelar", "Cancel")).clicked() {
                        answer = Some(DialogAnswer::TypedPath(None));
                    }
                });
            }
            Dialog::Message { title, text } => {
                ui.heading(title);
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        ui.label(text.as_str());
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
            Dialog::TypePath { .. } => DialogAnswer::TypedPath(None),
        });
    }
    answer
}
