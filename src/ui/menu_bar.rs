//! Archivo, Editar, Ver.

use crate::model::Language;
use crate::view::Command;
use crate::view::{Action, Prefs};

/// The menu bar.
pub fn menu_bar_ui(
    ui: &mut egui::Ui,
    prefs: &Prefs,
    can_undo: bool,
    can_redo: bool,
    actions: &mut Vec<Action>,
) {
    let language = prefs.language;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(crate::tr!(language, "menu-file"), |ui| {
            command_button(ui, Command::New, true, language, actions);
            command_button(ui, Command::Open, true, language, actions);
            ui.menu_button(crate::tr!(language, "menu-open-recent"), |ui| {
                if prefs.recent.is_empty() {
                    ui.label(crate::tr!(language, "menu-none"));
                }
                for path in &prefs.recent {
                    command_button(
                        ui,
                        Command::OpenRecent(path.clone()),
                        true,
                        language,
                        actions,
                    );
                }
            });
            ui.separator();
            command_button(ui, Command::Save, true, language, actions);
            command_button(ui, Command::SaveAs, true, language, actions);
            ui.separator();
            command_button(ui, Command::Import, true, language, actions);
            command_button(ui, Command::ImportIntoOpenPlan, true, language, actions);
            command_button(ui, Command::Export, true, language, actions);
            ui.separator();
            command_button(ui, Command::Quit, true, language, actions);
        });
        ui.menu_button(crate::tr!(language, "menu-edit"), |ui| {
            command_button(ui, Command::Undo, can_undo, language, actions);
            command_button(ui, Command::Redo, can_redo, language, actions);
        });
        ui.menu_button(crate::tr!(language, "menu-view"), |ui| {
            ui.label(crate::tr!(language, "menu-language"));
            for choice in [Language::Es, Language::En] {
                let command = Command::SetLanguage(choice);
                if ui
                    .radio(language == choice, command.label(language))
                    .clicked()
                {
                    actions.push(Action::Command(command));
                }
            }
            ui.separator();
            let theme = if prefs.dark {
                crate::tr!(language, "menu-light-theme")
            } else {
                crate::tr!(language, "menu-dark-theme")
            };
            if ui.button(theme).clicked() {
                actions.push(Action::Command(Command::ToggleTheme));
            }
            ui.separator();
            command_button(ui, Command::TogglePresentation, true, language, actions);
        });
    });
}

/// A menu entry for a command, with its shortcut written beside it.
fn command_button(
    ui: &mut egui::Ui,
    command: Command,
    enabled: bool,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let mut button = egui::Button::new(command.label(language));
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        actions.push(Action::Command(command));
    }
}
