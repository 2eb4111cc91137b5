//! Archivo, Editar, Ver, Ayuda.

use crate::model::Language;
use crate::ui::PanelContext;
use crate::view::Action;
use crate::view::Command;
use crate::view::command::CommandState;

/// The menu bar.
pub fn menu_bar_ui(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>) {
    let (prefs, language, commands) = (ctx.prefs, ctx.language, ctx.commands);
    let actions = &mut *ctx.actions;
    let open_menu = std::mem::take(&mut ctx.view.open_menu);
    egui::MenuBar::new().ui(ui, |ui| {
        let file = ui.menu_button(crate::tr!(language, "menu-file"), |ui| {
            command_button(ui, Command::New, commands, language, actions);
            command_button(ui, Command::Open, commands, language, actions);
            ui.menu_button(crate::tr!(language, "menu-open-recent"), |ui| {
                if prefs.recent.is_empty() {
                    ui.label(crate::tr!(language, "menu-none"));
                }
                for path in &prefs.recent {
                    command_button(
                        ui,
                        Command::OpenRecent(path.clone()),
                        commands,
                        language,
                        actions,
                    );
                }
            });
            ui.separator();
            command_button(ui, Command::Save, commands, language, actions);
            command_button(ui, Command::SaveAs, commands, language, actions);
            ui.separator();
            command_button(ui, Command::Import, commands, language, actions);
            command_button(ui, Command::ImportIntoOpenPlan, commands, language, actions);
            command_button(ui, Command::Export, commands, language, actions);
            command_button(ui, Command::ExportSlides, commands, language, actions);
            ui.separator();
            command_button(ui, Command::Compare, commands, language, actions);
            command_button(ui, Command::Consolidate, commands, language, actions);
            command_button(ui, Command::SplitByEntity, commands, language, actions);
            ui.separator();
            command_button(ui, Command::Quit, commands, language, actions);
        });
        if open_menu {
            egui::Popup::open_id(ui.ctx(), egui::Popup::default_response_id(&file.response));
            file.response.request_focus();
        }
        ui.menu_button(crate::tr!(language, "menu-edit"), |ui| {
            command_button(ui, Command::Undo, commands, language, actions);
            command_button(ui, Command::Redo, commands, language, actions);
            ui.separator();
            command_button(ui, Command::Find, commands, language, actions);
            command_button(ui, Command::FindNext, commands, language, actions);
            ui.separator();
            command_button(ui, Command::Reweight, commands, language, actions);
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
            command_button(ui, Command::TogglePresentation, commands, language, actions);
        });
        ui.menu_button(crate::tr!(language, "menu-help"), |ui| {
            command_button(ui, Command::Help, commands, language, actions);
        });
    });
}

/// A menu entry for a command, with its shortcut written beside it.
fn command_button(
    ui: &mut egui::Ui,
    command: Command,
    commands: CommandState,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let enabled = commands.allows(&command);
    let mut button = egui::Button::new(command.label(language));
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        actions.push(Action::Command(command));
    }
}
