//! Questions and messages over the window.

use crate::i18n::Language;
use crate::tr;
use crate::view::dialog::recovery_text;
use crate::view::dialog::{
    ChangedOnDiskAnswer, CommentsAnswer, ConsolidateAnswer, DialogAnswer, RecoverAnswer,
    RefusedAnswer, ReweightAnswer, SaveFailedAnswer, UnsavedAnswer,
};
use crate::view::reweight::Reweighting;
use crate::view::{Dialog, Notice, PathPurpose};

/// How long a notice stays on screen, in seconds.
const NOTICE_SECONDS: f64 = 12.0;

/// A row of buttons; returns the answer of the one clicked.
fn buttons<T: Copy>(ui: &mut egui::Ui, choices: &[(String, T)]) -> Option<T> {
    let mut answer = None;
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        for (label, value) in choices {
            if ui.button(label.as_str()).clicked() {
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

/// A long text that scrolls when it does not fit.
fn scrolling_text(ui: &mut egui::Ui, text: &str, max_height: f32) {
    egui::ScrollArea::vertical()
        .max_height(max_height)
        .show(ui, |ui| {
            ui.label(text);
        });
}

/// While the system's file dialog is open beside the window: a modal that says what the window
/// waits for (the window keeps painting and takes no edits meanwhile), with a way out should the
/// dialog be lost behind other windows. Returns true when the user stops waiting.
pub fn waiting_for_file_ui(egui_ctx: &egui::Context, title: &str, language: Language) -> bool {
    let modal =
        egui::Modal::new(egui::Id::unique("avance_waiting_for_file")).show(egui_ctx, |ui| {
            ui.set_max_width(420.0);
            // No spinner: it would repaint the window at every frame for as long as the dialog is
            // open; the dialog's thread wakes the window when it is answered.
            ui.heading(tr!(language, "waiting-file-dialog-title", title = title));
            ui.label(tr!(language, "waiting-file-dialog-text"));
            ui.add_space(8.0);
            ui.button(tr!(language, "waiting-file-dialog-stop"))
                .clicked()
        });
    modal.inner
}

/// Shows the dialog as a modal; returns the answer once given. Closing the modal (Esc, a
/// click outside) answers as the cautious choice would.
pub fn dialog_ui(
    egui_ctx: &egui::Context,
    dialog: &mut Dialog,
    language: Language,
) -> Option<DialogAnswer> {
    let modal = egui::Modal::new(egui::Id::unique("avance_dialog")).show(egui_ctx, |ui| {
        ui.set_max_width(460.0);
        question_ui(ui, dialog, language)
    });
    if modal.inner.is_none() && modal.should_close() {
        // The new plan's fields are not dropped by a stray click: only Esc or Cancelar close it.
        if matches!(dialog, Dialog::NewPlan(_))
            && egui_ctx.input(|i| i.pointer.any_pressed() || i.pointer.any_released())
        {
            return None;
        }
        // A paragraph typed and not saved is never dropped by Esc or a stray click: the box
        // asks first.
        if let Dialog::Comment {
            text,
            original,
            asking_to_discard,
            ..
        } = dialog
            && text.trim_end() != original.trim_end()
        {
            *asking_to_discard = true;
            return None;
        }
        return Some(cautious_answer(dialog));
    }
    modal.inner
}

/// The question's text and buttons; the answer, once clicked.
fn question_ui(ui: &mut egui::Ui, dialog: &mut Dialog, language: Language) -> Option<DialogAnswer> {
    match dialog {
        Dialog::UnsavedChanges { .. } => {
            ui.heading(tr!(language, "dialog-unsaved-changes"));
            ui.label(tr!(language, "dialog-the-plan-has-changes"));
            buttons(
                ui,
                &[
                    (tr!(language, "dialog-save"), UnsavedAnswer::Save),
                    (tr!(language, "dialog-discard"), UnsavedAnswer::Discard),
                    (tr!(language, "dialog-cancel"), UnsavedAnswer::Cancel),
                ],
            )
            .map(DialogAnswer::Unsaved)
        }
        Dialog::ImportProblems { text, .. } => {
            ui.heading(tr!(language, "dialog-the-import-stopped"));
            scrolling_text(ui, text, 320.0);
            buttons(
                ui,
                &[
                    (tr!(language, "dialog-import-without-those-rows"), true),
                    (tr!(language, "dialog-cancel"), false),
                ],
            )
            .map(DialogAnswer::ImportAnyway)
        }
        Dialog::TypePath {
            purpose,
            input,
            fresh,
        } => type_path_ui(ui, *purpose, input, fresh, language),
        Dialog::Comment {
            vigencia,
            quarter,
            indicator,
            text,
            asking_to_discard,
            fresh,
            ..
        } => {
            let title = tr!(
                language,
                "comment-title",
                quarter = quarter.short_name(language),
                vigencia = *vigencia,
                indicator = indicator.as_str()
            );
            comment_ui(ui, &title, text, (fresh, asking_to_discard), language)
        }
        Dialog::Message { title, text } => {
            ui.heading(title.as_str());
            scrolling_text(ui, text, 360.0);
            buttons(ui, &[(tr!(language, "dialog-ok"), ())]).map(|()| DialogAnswer::Dismiss)
        }
        Dialog::Consolidate(consolidation) => {
            super::consolidate::consolidate_ui(ui, consolidation, language)
        }
        Dialog::Reweight(reweighting) => reweight_ui(ui, reweighting, language),
        Dialog::RefusedTexts { entries, .. } => {
            ui.heading(tr!(language, "dialog-refused-title"));
            ui.label(tr!(language, "dialog-refused-text", count = entries.len()));
            let lines: Vec<String> = entries.iter().map(|e| e.kept_message(language)).collect();
            scrolling_text(ui, &lines.join("\n"), 240.0);
            buttons(
                ui,
                &[
                    (tr!(language, "dialog-correct"), RefusedAnswer::Correct),
                    (
                        tr!(language, "dialog-save-without-text", count = entries.len()),
                        RefusedAnswer::SaveWithout,
                    ),
                ],
            )
            .map(DialogAnswer::RefusedTexts)
        }
        Dialog::NewPlan(form) => super::new_plan::new_plan_ui(ui, form, language),
        other @ (Dialog::RemoveEntity { .. }
        | Dialog::ShortenPeriod { .. }
        | Dialog::RemoveObjective { .. }) => structure_question_ui(ui, other, language),
        other => save_question_ui(ui, other, language),
    }
}

/// The questions before a change that takes something with it: an entity indicators name, a
/// period that drops figures, an objective with indicators.
fn structure_question_ui(
    ui: &mut egui::Ui,
    dialog: &Dialog,
    language: Language,
) -> Option<DialogAnswer> {
    match dialog {
        Dialog::RemoveEntity {
            name, indicators, ..
        } => {
            ui.heading(tr!(language, "remove-entity-title", name = name.as_str()));
            ui.label(tr!(
                language,
                "remove-entity-text",
                name = name.as_str(),
                indicators = *indicators
            ));
            buttons(
                ui,
                &[
                    (tr!(language, "remove-entity-confirm"), true),
                    (tr!(language, "dialog-cancel"), false),
                ],
            )
            .map(DialogAnswer::RemoveEntity)
        }
        Dialog::ShortenPeriod { period, figures } => {
            ui.heading(tr!(language, "shorten-period-title"));
            ui.label(tr!(
                language,
                "shorten-period-text",
                first = period.first,
                last = period.last,
                figures = *figures
            ));
            buttons(
                ui,
                &[
                    (tr!(language, "shorten-period-confirm"), true),
                    (tr!(language, "dialog-cancel"), false),
                ],
            )
            .map(DialogAnswer::ShortenPeriod)
        }
        Dialog::RemoveObjective {
            number, indicators, ..
        } => {
            ui.heading(tr!(language, "remove-objective-title", number = *number));
            ui.label(tr!(
                language,
                "remove-objective-text",
                number = *number,
                indicators = *indicators
            ));
            buttons(
                ui,
                &[
                    (tr!(language, "remove-objective-confirm"), true),
                    (tr!(language, "dialog-cancel"), false),
                ],
            )
            .map(DialogAnswer::RemoveObjective)
        }
        _ => None,
    }
}

/// The questions about saving and recovering files.
fn save_question_ui(
    ui: &mut egui::Ui,
    dialog: &Dialog,
    language: Language,
) -> Option<DialogAnswer> {
    match dialog {
        Dialog::ConfirmReplace { save } => {
            ui.heading(tr!(language, "dialog-replace-the-file"));
            let (name, path) = (file_name(&save.path), save.path.display().to_string());
            ui.label(tr!(
                language,
                "dialog-replace-text",
                name = name,
                path = path
            ));
            buttons(
                ui,
                &[
                    (tr!(language, "dialog-replace"), true),
                    (tr!(language, "dialog-cancel"), false),
                ],
            )
            .map(DialogAnswer::Replace)
        }
        Dialog::ChangedOnDisk { save } => {
            ui.heading(tr!(language, "dialog-changed-on-disk"));
            let (name, path) = (file_name(&save.path), save.path.display().to_string());
            ui.label(tr!(
                language,
                "dialog-changed-on-disk-text",
                name = name,
                path = path
            ));
            buttons(
                ui,
                &[
                    (tr!(language, "dialog-save-as"), ChangedOnDiskAnswer::SaveAs),
                    (
                        tr!(language, "dialog-overwrite"),
                        ChangedOnDiskAnswer::Overwrite,
                    ),
                    (tr!(language, "dialog-reload"), ChangedOnDiskAnswer::Reload),
                    (tr!(language, "dialog-cancel"), ChangedOnDiskAnswer::Cancel),
                ],
            )
            .map(DialogAnswer::ChangedOnDisk)
        }
        Dialog::DropComments {
            save,
            line,
            column,
            copy,
        } => {
            ui.heading(tr!(language, "dialog-the-file-has-comments"));
            ui.label(tr!(
                language,
                "dialog-drop-comments-text",
                name = file_name(&save.path),
                copy = file_name(copy),
                line = line.to_string(),
                column = column.to_string()
            ));
            buttons(
                ui,
                &[
                    (
                        tr!(language, "dialog-save-without-them"),
                        CommentsAnswer::SaveWithout,
                    ),
                    (tr!(language, "dialog-save-as"), CommentsAnswer::SaveAs),
                    (tr!(language, "dialog-cancel"), CommentsAnswer::Cancel),
                ],
            )
            .map(DialogAnswer::DropComments)
        }
        Dialog::SaveFailed { text, retry } => {
            ui.heading(tr!(language, "dialog-could-not-save"));
            ui.label(text.as_str());
            let mut choices = Vec::with_capacity(3);
            if retry.is_some() {
                choices.push((tr!(language, "dialog-retry"), SaveFailedAnswer::Retry));
            }
            choices.push((tr!(language, "dialog-save-as"), SaveFailedAnswer::SaveAs));
            choices.push((tr!(language, "dialog-close"), SaveFailedAnswer::Close));
            buttons(ui, &choices).map(DialogAnswer::SaveFailed)
        }
        Dialog::ExportFailed { text, retry } => {
            ui.heading(tr!(language, "app-could-not-export"));
            ui.label(text.as_str());
            let mut choices = Vec::with_capacity(2);
            if retry.is_some() {
                choices.push((tr!(language, "dialog-retry"), true));
            }
            choices.push((tr!(language, "dialog-close"), false));
            buttons(ui, &choices).map(DialogAnswer::ExportFailed)
        }
        Dialog::Recover { source, written } => {
            ui.heading(tr!(language, "dialog-recover-unsaved-changes"));
            ui.label(recovery_text(source.as_deref(), *written, language));
            buttons(
                ui,
                &[
                    (tr!(language, "dialog-restore"), RecoverAnswer::Restore),
                    (tr!(language, "dialog-discard"), RecoverAnswer::Discard),
                    (tr!(language, "dialog-decide-later"), RecoverAnswer::Later),
                ],
            )
            .map(DialogAnswer::Recover)
        }
        _ => None,
    }
}

/// The box where a path is typed when no file dialog gave one, offered pre-filled.
fn type_path_ui(
    ui: &mut egui::Ui,
    purpose: PathPurpose,
    input: &mut String,
    fresh: &mut bool,
    language: Language,
) -> Option<DialogAnswer> {
    let (title, action) = match purpose {
        PathPurpose::Open => (
            tr!(language, "dialog-open-plan"),
            tr!(language, "dialog-open"),
        ),
        PathPurpose::SaveAs => (
            tr!(language, "dialog-save-plan-as"),
            tr!(language, "dialog-save"),
        ),
        PathPurpose::Import | PathPurpose::ImportIntoOpenPlan => (
            tr!(language, "dialog-import-matrix"),
            tr!(language, "dialog-import"),
        ),
        PathPurpose::Export => (
            tr!(language, "dialog-export"),
            tr!(language, "dialog-export"),
        ),
        PathPurpose::Compare => (
            tr!(language, "compare-with-plan"),
            tr!(language, "compare-button"),
        ),
        PathPurpose::ExportSlides => (
            tr!(language, "dialog-export-slides"),
            tr!(language, "dialog-export"),
        ),
        PathPurpose::SplitByEntity => {
            (tr!(language, "command-split"), tr!(language, "split-write"))
        }
    };
    ui.heading(title);
    ui.label(tr!(language, "dialog-type-path"));
    ui.small(tr!(language, "dialog-type-path-why"));
    let label = ui.label(
        if matches!(
            purpose,
            PathPurpose::ExportSlides | PathPurpose::SplitByEntity
        ) {
            tr!(language, "dialog-folder-path")
        } else {
            tr!(language, "dialog-file-path")
        },
    );
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
    let mut answer = None;
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
        if ui.button(tr!(language, "dialog-cancel")).clicked() {
            answer = Some(DialogAnswer::TypedPath(None));
        }
    });
    answer
}

/// Ajustar ponderaciones…: the objective, the vigencia and the basis chosen, then each
/// indicator's weight now and as proposed (the core's proposal), the totals, Aplicar / Cancelar.
fn reweight_ui(
    ui: &mut egui::Ui,
    dialog: &mut Reweighting,
    language: Language,
) -> Option<DialogAnswer> {
    ui.set_min_width(600.0);
    ui.heading(tr!(language, "reweight-title"));
    let mut changed = false;
    ui.horizontal(|ui| {
        // Each label before its box, as a form reads.
        let objective = ui.label(tr!(language, "reweight-objective"));
        egui::ComboBox::from_id_salt("reweight_objective")
            .selected_text(dialog.objective_number().to_string())
            .show_ui(ui, |ui| {
                for (index, number) in dialog.objectives.clone() {
                    changed |= ui
                        .selectable_value(&mut dialog.objective, index, number.to_string())
                        .changed();
                }
            })
            .response
            .labelled_by(objective.id);
        ui.add_space(12.0);
        let vigencia = ui.label(tr!(language, "reweight-vigencia"));
        egui::ComboBox::from_id_salt("reweight_vigencia")
            .selected_text(dialog.vigencia.to_string())
            .show_ui(ui, |ui| {
                for vigencia in dialog.vigencias.clone() {
                    changed |= ui
                        .selectable_value(&mut dialog.vigencia, vigencia, vigencia.to_string())
                        .changed();
                }
            })
            .response
            .labelled_by(vigencia.id);
        ui.add_space(12.0);
        changed |= ui
            .checkbox(&mut dialog.equal, tr!(language, "reweight-equal"))
            .changed();
    });
    ui.label(format!(
        "{}: {}",
        tr!(language, "reweight-column-proposed"),
        dialog.source
    ));
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| {
            egui::Grid::new("reweight_rows")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    ui.strong(tr!(language, "reweight-column-indicator"));
                    ui.strong(tr!(language, "reweight-column-current"));
                    ui.strong(tr!(language, "reweight-column-proposed"));
                    ui.end_row();
                    for row in &dialog.rows {
                        // Wide enough for a code and the start of its name; the whole name
                        // on hover.
                        ui.scope(|ui| {
                            ui.set_width(380.0);
                            ui.add(egui::Label::new(row.indicator.as_str()).truncate())
                                .on_hover_text(row.indicator.as_str());
                        });
                        ui.label(row.current.as_str());
                        if row.changes {
                            ui.strong(row.proposed.as_str());
                        } else {
                            ui.label(row.proposed.as_str());
                        }
                        ui.end_row();
                    }
                    if let Some((current, proposed)) = &dialog.totals {
                        ui.strong(tr!(language, "reweight-column-total"));
                        ui.strong(current.as_str());
                        ui.strong(proposed.as_str());
                        ui.end_row();
                    }
                });
        });
    if changed {
        return Some(DialogAnswer::Reweight(ReweightAnswer::Changed));
    }
    if dialog.edits.is_empty() {
        ui.label(tr!(language, "reweight-nothing-to-apply"));
    }
    let mut answer = None;
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let apply = egui::Button::new(tr!(language, "reweight-apply"));
        if ui.add_enabled(!dialog.edits.is_empty(), apply).clicked() {
            answer = Some(DialogAnswer::Reweight(ReweightAnswer::Apply));
        }
        if ui.button(tr!(language, "reweight-cancel")).clicked() {
            answer = Some(DialogAnswer::Reweight(ReweightAnswer::Cancel));
        }
    });
    answer
}

/// The comment box: a paragraph's room, Guardar / Cancelar. After Esc with text not saved it
/// asks: Guardar / Descartar lo escrito / Seguir escribiendo.
fn comment_ui(
    ui: &mut egui::Ui,
    title: &str,
    text: &mut String,
    (fresh, asking_to_discard): (&mut bool, &mut bool),
    language: Language,
) -> Option<DialogAnswer> {
    ui.set_min_width(520.0);
    ui.heading(title);
    ui.label(tr!(language, "comment-hint"));
    let label = ui.label(tr!(language, "comment-label"));
    let field = ui
        .add(
            egui::TextEdit::multiline(text)
                .desired_rows(8)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if *fresh {
        field.request_focus();
        *fresh = false;
    }
    if field.changed() {
        *asking_to_discard = false;
    }
    if *asking_to_discard {
        ui.add_space(6.0);
        ui.colored_label(
            crate::theme::error_text(ui.visuals()),
            tr!(language, "comment-not-saved"),
        );
        #[derive(Clone, Copy)]
        enum Choice {
            Save,
            Discard,
            KeepWriting,
        }
        return match buttons(
            ui,
            &[
                (tr!(language, "dialog-save"), Choice::Save),
                (tr!(language, "comment-discard"), Choice::Discard),
                (tr!(language, "comment-keep-writing"), Choice::KeepWriting),
            ],
        ) {
            Some(Choice::Save) => Some(DialogAnswer::Comment(Some(text.clone()))),
            Some(Choice::Discard) => Some(DialogAnswer::Comment(None)),
            Some(Choice::KeepWriting) => {
                *asking_to_discard = false;
                field.request_focus();
                None
            }
            None => None,
        };
    }
    buttons(
        ui,
        &[
            (tr!(language, "dialog-save"), true),
            (tr!(language, "dialog-cancel"), false),
        ],
    )
    .map(|save| DialogAnswer::Comment(save.then(|| text.clone())))
}

/// What closing the modal without a button means: nothing is lost or replaced.
fn cautious_answer(dialog: &Dialog) -> DialogAnswer {
    match dialog {
        Dialog::UnsavedChanges { .. } => DialogAnswer::Unsaved(UnsavedAnswer::Cancel),
        Dialog::Message { .. } => DialogAnswer::Dismiss,
        Dialog::ImportProblems { .. } => DialogAnswer::ImportAnyway(false),
        Dialog::TypePath { .. } => DialogAnswer::TypedPath(None),
        Dialog::Comment { .. } => DialogAnswer::Comment(None),
        Dialog::ConfirmReplace { .. } => DialogAnswer::Replace(false),
        Dialog::ChangedOnDisk { .. } => DialogAnswer::ChangedOnDisk(ChangedOnDiskAnswer::Cancel),
        Dialog::DropComments { .. } => DialogAnswer::DropComments(CommentsAnswer::Cancel),
        Dialog::SaveFailed { .. } => DialogAnswer::SaveFailed(SaveFailedAnswer::Close),
        Dialog::Recover { .. } => DialogAnswer::Recover(RecoverAnswer::Later),
        Dialog::Consolidate(_) => DialogAnswer::Consolidate(ConsolidateAnswer::Cancel),
        Dialog::RefusedTexts { .. } => DialogAnswer::RefusedTexts(RefusedAnswer::Correct),
        Dialog::ExportFailed { .. } => DialogAnswer::ExportFailed(false),
        Dialog::NewPlan(_) => DialogAnswer::NewPlan(None),
        Dialog::RemoveObjective { .. } => DialogAnswer::RemoveObjective(false),
        Dialog::RemoveEntity { .. } => DialogAnswer::RemoveEntity(false),
        Dialog::ShortenPeriod { .. } => DialogAnswer::ShortenPeriod(false),
        Dialog::Reweight(_) => DialogAnswer::Reweight(ReweightAnswer::Cancel),
    }
}

/// A notice in the bottom-right corner that does not stop work; it goes after a few seconds
/// or when clicked. Returns true once it is gone.
pub fn notice_ui(egui_ctx: &egui::Context, notice: &mut Notice) -> bool {
    let now = egui_ctx.input(|i| i.time);
    let since = *notice.shown_since.get_or_insert(now);
    if now - since > NOTICE_SECONDS {
        return true;
    }
    egui_ctx.request_repaint_after(std::time::Duration::from_secs_f64(
        (NOTICE_SECONDS - (now - since)).max(0.1),
    ));
    let shown = egui::Area::new(egui::Id::unique("avance_notice"))
        .anchor(egui::Align2::RIGHT_BOTTOM, [-16.0, -16.0])
        .order(egui::Order::Foreground)
        .show(egui_ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(520.0);
                ui.add(egui::Label::new(notice.text.as_str()).sense(egui::Sense::click()))
            })
        });
    shown.inner.inner.clicked()
}
