//! Questions and messages over the window.

use crate::model::Language;
use crate::view::dialog::recovery_text;
use crate::view::dialog::{
    ChangedOnDiskAnswer, CommentsAnswer, DialogAnswer, RecoverAnswer, UnsavedAnswer,
};
use crate::view::{Dialog, Notice, PathPurpose};

/// How long a notice stays on screen, in seconds.
const NOTICE_SECONDS: f64 = 12.0;

/// A row of buttons; returns the answer of the one clicked.
fn buttons<T: Copy>(ui: &mut egui::Ui, choices: &[(&str, T)]) -> Option<T> {
    let mut answer = None;
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        for (label, value) in choices {
            if ui.button(*label).clicked() {
                answer = Some(*value);
            }
        }
    });
    answer
}

/// The file name of a path, for questions ("plan.ron").
fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
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
            Dialog::TypePath {
                purpose,
                input,
                fresh,
            } => {
                let (title, action) = match purpose {
                    PathPurpose::Open => (
                        language.pick("Abrir plan", "Open plan"),
                        language.pick("Abrir", "Open"),
                    ),
                    PathPurpose::SaveAs => (
                        language.pick("Guardar plan como", "Save plan as"),
                        language.pick("Guardar", "Save"),
                    ),
                    PathPurpose::Import | PathPurpose::ImportIntoOpenPlan => (
                        language.pick("Importar matriz", "Import matrix"),
                        language.pick("Importar", "Import"),
                    ),
                    PathPurpose::Export => (
                        language.pick("Exportar", "Export"),
                        language.pick("Exportar", "Export"),
                    ),
                };
                ui.heading(title);
                ui.label(language.pick(
                    "Escriba la ruta del archivo. Un nombre solo se toma en la carpeta que se \
                     ofrece; ~ es su carpeta personal.",
                    "Type the file's path. A name alone goes in the folder offered; ~ is your \
                     home folder.",
                ));
                ui.small(language.pick(
                    "(Se pide aquí porque el diálogo de archivos del sistema se cerró sin elegir \
                     o no está disponible en este equipo.)",
                    "(Asked here because the system's file dialog was closed without a choice \
                     or is not available on this computer.)",
                ));
                let label = ui.label(language.pick("Ruta del archivo", "File path"));
                let mut output = egui::TextEdit::singleline(input)
                    .desired_width(f32::INFINITY)
                    .show(ui);
                let field = output.response.response.clone().labelled_by(label.id);
                if *fresh {
                    // The whole path selected: typing a name replaces it, End amends it.
                    field.request_focus();
                    output
                        .state
                        .cursor
                        .set_char_range(Some(egui::text::CCursorRange::select_all_str(input)));
                    output.state.store(ui.ctx(), field.id);
                    *fresh = false;
                }
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let has_path = !input.trim().is_empty();
                    if ui
                        .add_enabled(has_path, egui::Button::new(action))
                        .clicked()
                        || (entered && has_path)
                    {
                        answer = Some(DialogAnswer::TypedPath(Some(input.clone())));
                    }
                    if ui.button(language.pick("Cancelar", "Cancel")).clicked() {
                        answer = Some(DialogAnswer::TypedPath(None));
                    }
                });
            }
            Dialog::ConfirmReplace { save } => {
                ui.heading(language.pick("¿Reemplazar el archivo?", "Replace the file?"));
                let name = file_name(&save.path);
                ui.label(match language {
                    Language::Es => format!(
                        "Ya existe {name}. Si lo reemplaza, su contenido actual queda como copia \
                         {name}.bak en la misma carpeta: {}",
                        save.path.display()
                    ),
                    Language::En => format!(
                        "{name} already exists. If you replace it, its current contents are kept \
                         as {name}.bak in the same folder: {}",
                        save.path.display()
                    ),
                });
                answer = buttons(
                    ui,
                    &[
                        (language.pick("Reemplazar", "Replace"), true),
                        (language.pick("Cancelar", "Cancel"), false),
                    ],
                )
                .map(DialogAnswer::Replace);
            }
            Dialog::ChangedOnDisk { save } => {
                ui.heading(
                    language.pick("El archivo cambió en el disco", "The file changed on disk"),
                );
                ui.label(match language {
                    Language::Es => format!(
                        "Alguien más (u otro programa) guardó {} después de que usted lo abrió. \
                         Puede guardar su versión con otro nombre, sobrescribir la otra (queda \
                         como copia .bak), o recargar el archivo y perder sus cambios sin \
                         guardar: {}",
                        file_name(&save.path),
                        save.path.display()
                    ),
                    Language::En => format!(
                        "Someone else (or another program) saved {} after you opened it. You can \
                         save your version under another name, overwrite theirs (kept as a .bak \
                         copy), or reload the file and lose your unsaved changes: {}",
                        file_name(&save.path),
                        save.path.display()
                    ),
                });
                answer = buttons(
                    ui,
                    &[
                        (
                            language.pick("Guardar como…", "Save as…"),
                            ChangedOnDiskAnswer::SaveAs,
                        ),
                        (
                            language.pick("Sobrescribir", "Overwrite"),
                            ChangedOnDiskAnswer::Overwrite,
                        ),
                        (
                            language.pick("Recargar", "Reload"),
                            ChangedOnDiskAnswer::Reload,
                        ),
                        (
                            language.pick("Cancelar", "Cancel"),
                            ChangedOnDiskAnswer::Cancel,
                        ),
                    ],
                )
                .map(DialogAnswer::ChangedOnDisk);
            }
            Dialog::DropComments { save, line, column } => {
                ui.heading(language.pick("El archivo tiene comentarios", "The file has comments"));
                let name = file_name(&save.path);
                ui.label(match language {
                    Language::Es => format!(
                        "{name} tiene comentarios escritos a mano (el primero en la línea {line}, \
                         columna {column}). Avance guarda el plan en su propio formato y no los \
                         conserva; la versión actual, con sus comentarios, quedará como copia \
                         {name}.bak."
                    ),
                    Language::En => format!(
                        "{name} has hand-written comments (the first at line {line}, column \
                         {column}). Avance saves the plan in its own layout and does not keep \
                         them; the current version, with its comments, will be kept as \
                         {name}.bak."
                    ),
                });
                answer = buttons(
                    ui,
                    &[
                        (
                            language.pick("Guardar sin los comentarios", "Save without them"),
                            CommentsAnswer::SaveWithout,
                        ),
                        (
                            language.pick("Guardar como…", "Save as…"),
                            CommentsAnswer::SaveAs,
                        ),
                        (language.pick("Cancelar", "Cancel"), CommentsAnswer::Cancel),
                    ],
                )
                .map(DialogAnswer::DropComments);
            }
            Dialog::SaveFailed { text } => {
                ui.heading(language.pick("No se pudo guardar", "Could not save"));
                ui.label(text.as_str());
                answer = buttons(
                    ui,
                    &[
                        (language.pick("Guardar como…", "Save as…"), true),
                        (language.pick("Cerrar", "Close"), false),
                    ],
                )
                .map(|save_as| DialogAnswer::SaveFailed { save_as });
            }
            Dialog::Recover { source, written } => {
                ui.heading(
                    language.pick("Recuperar cambios sin guardar", "Recover unsaved changes"),
                );
                ui.label(recovery_text(source.as_deref(), *written, language));
                answer = buttons(
                    ui,
                    &[
                        (
                            language.pick("Restaurar", "Restore"),
                            RecoverAnswer::Restore,
                        ),
                        (
                            language.pick("Descartar", "Discard"),
                            RecoverAnswer::Discard,
                        ),
                        (
                            language.pick("Decidir después", "Decide later"),
                            RecoverAnswer::Later,
                        ),
                    ],
                )
                .map(DialogAnswer::Recover);
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
            Dialog::ConfirmReplace { .. } => DialogAnswer::Replace(false),
            Dialog::ChangedOnDisk { .. } => {
                DialogAnswer::ChangedOnDisk(ChangedOnDiskAnswer::Cancel)
            }
            Dialog::DropComments { .. } => DialogAnswer::DropComments(CommentsAnswer::Cancel),
            Dialog::SaveFailed { .. } => DialogAnswer::SaveFailed { save_as: false },
            Dialog::Recover { .. } => DialogAnswer::Recover(RecoverAnswer::Later),
        });
    }
    answer
}

/// A notice in the bottom-right corner that does not stop work; it goes after a few seconds
/// or when clicked. Returns true once it is gone.
pub fn notice_ui(ctx: &egui::Context, notice: &mut Notice) -> bool {
    let now = ctx.input(|i| i.time);
    let since = *notice.shown_since.get_or_insert(now);
    if now - since > NOTICE_SECONDS {
        return true;
    }
    ctx.request_repaint_after(std::time::Duration::from_secs_f64(
        (NOTICE_SECONDS - (now - since)).max(0.1),
    ));
    let shown = egui::Area::new(egui::Id::unique("avance_notice"))
        .anchor(egui::Align2::RIGHT_BOTTOM, [-16.0, -16.0])
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(520.0);
                ui.add(egui::Label::new(notice.text.as_str()).sense(egui::Sense::click()))
            })
        });
    shown.inner.inner.clicked()
}
