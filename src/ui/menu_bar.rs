//! Archivo, Editar, Ver, Ayuda: each menu lists the commands the table
//! ([`Command::declaration`]) puts in it, in the table's order, a separator between sections.

use crate::model::Language;
use crate::ui::PanelContext;
use crate::view::Action;
use crate::view::Command;
use crate::view::command::{CommandState, Menu};
use crate::view::state::Prefs;

/// The menu bar.
pub fn menu_bar_ui(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>) {
    let (prefs, language, commands) = (ctx.prefs, ctx.language, ctx.commands);
    let actions = &mut *ctx.actions;
    let open_menu = std::mem::take(&mut ctx.view.next_frame.open_menu);
    let entry = Entry {
        commands,
        language,
        prefs,
    };
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            let shown = ui.menu_button(menu.title(language), |ui| {
                let mut section = None;
                for (in_section, command) in Command::in_menu(menu) {
                    if section != Some(in_section) {
                        if section.is_some() {
                            ui.separator();
                        }
                        if let Some(heading) = in_section.heading(language) {
                            ui.label(heading);
                        }
                        section = Some(in_section);
                    }
                    entry.ui(ui, command, actions);
                }
            });
            // F10 or Alt: the first menu opens, its title focused (the arrows go on from it).
            if open_menu && menu == Menu::File {
                egui::Popup::open_id(ui.ctx(), egui::Popup::default_response_id(&shown.response));
                shown.response.request_focus();
            }
        }
    });
}

/// What an entry needs to be drawn.
struct Entry<'a> {
    commands: CommandState,
    language: Language,
    prefs: &'a Prefs,
}

impl Entry<'_> {
    /// The entry of `command`: a button with its shortcut; the recent files as a submenu;
    /// the languages as a choice; the theme named by what it switches to.
    fn ui(&self, ui: &mut egui::Ui, command: Command, actions: &mut Vec<Action>) {
        let language = self.language;
        match command {
            Command::OpenRecent(_) => {
                ui.menu_button(crate::tr!(language, "menu-open-recent"), |ui| {
                    if self.prefs.recent.is_empty() {
                        ui.label(crate::tr!(language, "menu-none"));
                    }
                    for path in &self.prefs.recent {
                        self.button(ui, Command::OpenRecent(path.clone()), actions);
                    }
                });
            }
            Command::SetLanguage(choice) => {
                if ui
                    .radio(language == choice, command.label(language))
                    .clicked()
                {
                    actions.push(Action::Command(command));
                }
            }
            Command::ToggleTheme => {
                let theme = if self.prefs.dark {
                    crate::tr!(language, "menu-light-theme")
                } else {
                    crate::tr!(language, "menu-dark-theme")
                };
                if ui.button(theme).clicked() {
                    actions.push(Action::Command(command));
                }
            }
            _ => self.button(ui, command, actions),
        }
    }

    /// A menu entry for a command, with its shortcut written beside it.
    fn button(&self, ui: &mut egui::Ui, command: Command, actions: &mut Vec<Action>) {
        let enabled = self.commands.allows(&command);
        let mut button = egui::Button::new(command.label(self.language));
        if let Some(shortcut) = command.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
        }
        if ui.add_enabled(enabled, button).clicked() {
            actions.push(Action::Command(command));
        }
    }
}
