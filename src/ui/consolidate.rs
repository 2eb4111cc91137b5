//! Archivo → Consolidar…: the entity files to gather into the open plan, the conflicts, a
//! choice for each, and the button that consolidates (one undo step).

use crate::i18n::Language;
use crate::model::merge::{Source, SourceNames};
use crate::theme;
use crate::tr;
use crate::view::consolidate::Consolidation;
use crate::view::dialog::{ConsolidateAnswer, DialogAnswer};

/// The consolidation dialog's contents; the answer once a button is clicked. Choices are made
/// in place.
pub fn consolidate_ui(
    ui: &mut egui::Ui,
    consolidation: &mut Consolidation,
    language: Language,
) -> Option<DialogAnswer> {
    ui.set_min_width(680.0);
    ui.heading(tr!(language, "merge-title"));
    ui.label(tr!(language, "merge-explanation"));
    ui.add_space(6.0);
    let names = consolidation.names(language);
    let files_answer = entity_files_ui(ui, consolidation, language);
    if !consolidation.files.is_empty() {
        ui.add_space(6.0);
        if consolidation.conflicts.is_empty() {
            ui.label(tr!(language, "merge-no-conflicts"));
        } else {
            conflicts_ui(ui, consolidation, &names, language);
        }
    }
    ui.add_space(8.0);
    let answer = buttons_ui(ui, consolidation, language).or(files_answer);
    answer.map(DialogAnswer::Consolidate)
}

/// The entity files gathered so far, each with its button to remove it; the row to add
/// another (picked or typed); what went wrong adding the last one.
fn entity_files_ui(
    ui: &mut egui::Ui,
    consolidation: &mut Consolidation,
    language: Language,
) -> Option<ConsolidateAnswer> {
    let mut answer = None;
    ui.strong(tr!(language, "merge-entity-files"));
    if consolidation.files.is_empty() {
        ui.weak(tr!(language, "merge-no-files-yet"));
    }
    for (index, file) in consolidation.files.iter().enumerate() {
        ui.horizontal(|ui| {
            let brought = consolidation.brought_by(index);
            ui.label(tr!(
                language,
                "merge-file-line",
                name = file.name(),
                figures = brought.figures,
                count = brought.indicators
            ))
            .on_hover_text(file.path.display().to_string());
            let remove = tr!(language, "merge-remove-file", name = file.name());
            let button = ui.small_button(tr!(language, "merge-remove"));
            if button.on_hover_text(&remove).clicked() {
                answer = Some(ConsolidateAnswer::Remove(index));
            }
        });
    }
    ui.horizontal(|ui| {
        if ui.button(tr!(language, "merge-pick-file")).clicked() {
            answer = Some(ConsolidateAnswer::PickFile);
        }
        let label = ui.label(tr!(language, "merge-or-type-path"));
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut consolidation.input)
                    .desired_width(360.0)
                    .hint_text(tr!(language, "dialog-file-path")),
            )
            .labelled_by(label.id);
        if consolidation.focus_input {
            field.request_focus();
            consolidation.focus_input = false;
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let has_path = !consolidation.input.trim().is_empty();
        if ui
            .add_enabled(has_path, egui::Button::new(tr!(language, "merge-add-file")))
            .clicked()
            || (entered && has_path)
        {
            answer = Some(ConsolidateAnswer::AddTyped);
        }
    });
    if let Some(problem) = &consolidation.problem {
        ui.colored_label(theme::error_text(ui.visuals()), problem.as_str());
    }
    answer
}

/// The conflicts between the files and the plan: how many are left, buttons to prefer one
/// source everywhere, and each conflict with a choice of its candidates.
fn conflicts_ui(
    ui: &mut egui::Ui,
    consolidation: &mut Consolidation,
    names: &SourceNames,
    language: Language,
) {
    ui.horizontal_wrapped(|ui| {
        ui.strong(tr!(
            language,
            "merge-conflicts-heading",
            count = consolidation.conflicts.len(),
            unresolved = consolidation.unresolved()
        ));
        ui.label(tr!(language, "merge-prefer-everywhere"));
        let sources = std::iter::once(Source::Sector)
            .chain((0..consolidation.files.len()).map(Source::Entity));
        for source in sources {
            if ui.button(names.of(source)).clicked() {
                consolidation.prefer_everywhere(source);
            }
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("merge_conflicts")
        .max_height(300.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let conflicts = consolidation.conflicts.iter();
            for (conflict, choice) in conflicts.zip(&mut consolidation.choices) {
                let text = conflict.message(language, names);
                if choice.is_none() {
                    ui.colored_label(theme::warning_text(ui.visuals()), text);
                } else {
                    ui.label(text);
                }
                ui.horizontal_wrapped(|ui| {
                    ui.add_space(16.0);
                    for candidate in &conflict.candidates {
                        let label = conflict.choice_text(candidate, language, names);
                        ui.radio_value(choice, Some(candidate.0), label);
                    }
                });
                ui.add_space(4.0);
            }
        });
}

/// Consolidar (once every conflict has its choice) and Cancelar.
fn buttons_ui(
    ui: &mut egui::Ui,
    consolidation: &Consolidation,
    language: Language,
) -> Option<ConsolidateAnswer> {
    let mut answer = None;
    ui.horizontal(|ui| {
        let merge = egui::Button::new(tr!(language, "merge-consolidate"));
        let merge = ui
            .add_enabled(consolidation.is_ready(), merge)
            .on_disabled_hover_text(tr!(language, "merge-choose-first"));
        if merge.clicked() {
            answer = Some(ConsolidateAnswer::Merge);
        }
        if ui.button(tr!(language, "dialog-cancel")).clicked() {
            answer = Some(ConsolidateAnswer::Cancel);
        }
    });
    answer
}
