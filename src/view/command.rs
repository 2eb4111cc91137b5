//! Every action of menus, buttons and shortcuts is one [`Command`], handled in one place.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::model::Language;

/// What the user asks the application to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    New,
    Open,
    OpenRecent(std::path::PathBuf),
    Save,
    SaveAs,
    Import,
    /// Import a matrix's figures into the open plan, keeping its texts (one undo step).
    ImportIntoOpenPlan,
    Export,
    /// Compare the open plan with another plan file (its differences listed, each a link).
    Compare,
    /// Gather the entities' files into the open plan (the sector's), in one undo step.
    Consolidate,
    Quit,
    Undo,
    Redo,
    SetLanguage(Language),
    ToggleTheme,
    /// Committee presentation: the charts alone, large (F5; Esc leaves).
    TogglePresentation,
    /// Open the find bar (Ctrl+F).
    Find,
    /// Go to the next place found (F3).
    FindNext,
    /// The help window: shortcuts, what the figures mean, where files live (F1).
    Help,
}

impl Command {
    /// The commands that have a keyboard shortcut, checked every frame. Shortcuts with Shift
    /// come first: egui matches Ctrl+Z also when Shift is held.
    pub const WITH_SHORTCUTS: [Command; 11] = [
        Command::New,
        Command::Open,
        Command::SaveAs,
        Command::Save,
        Command::Redo,
        Command::Undo,
        Command::Quit,
        Command::TogglePresentation,
        Command::Find,
        Command::FindNext,
        Command::Help,
    ];

    /// The main keyboard shortcut, if any.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let shortcut = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            Command::New => shortcut(cmd, Key::N),
            Command::Open => shortcut(cmd, Key::O),
            Command::Save => shortcut(cmd, Key::S),
            Command::SaveAs => shortcut(cmd | Modifiers::SHIFT, Key::S),
            Command::Undo => shortcut(cmd, Key::Z),
            Command::Redo => shortcut(cmd, Key::Y),
            Command::Quit => shortcut(cmd, Key::Q),
            Command::TogglePresentation => shortcut(Modifiers::NONE, Key::F5),
            Command::Find => shortcut(cmd, Key::F),
            Command::FindNext => shortcut(Modifiers::NONE, Key::F3),
            Command::Help => shortcut(Modifiers::NONE, Key::F1),
            _ => None,
        }
    }

    /// Other shortcuts that do the same (Ctrl+Shift+Z for redo).
    pub fn alternative_shortcut(&self) -> Option<KeyboardShortcut> {
        match self {
            Command::Redo => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::Z,
            )),
            _ => None,
        }
    }

    /// The menu text; a command that opens a dialog ends with "…".
    pub fn label(&self, language: Language) -> String {
        match self {
            Command::New => crate::tr!(language, "command-new"),
            Command::Open => crate::tr!(language, "command-open"),
            Command::OpenRecent(path) => path.display().to_string(),
            Command::Save => crate::tr!(language, "dialog-save"),
            Command::SaveAs => crate::tr!(language, "dialog-save-as"),
            Command::Import => crate::tr!(language, "command-import"),
            Command::ImportIntoOpenPlan => crate::tr!(language, "command-import-into-open-plan"),
            Command::Export => crate::tr!(language, "command-export"),
            Command::Compare => crate::tr!(language, "command-compare"),
            Command::Consolidate => crate::tr!(language, "command-consolidate"),
            Command::Quit => crate::tr!(language, "command-quit"),
            Command::Undo => crate::tr!(language, "command-undo"),
            Command::Redo => crate::tr!(language, "command-redo"),
            Command::SetLanguage(Language::Es) => "Español".to_owned(),
            Command::SetLanguage(Language::En) => "English".to_owned(),
            Command::ToggleTheme => crate::tr!(language, "command-light-dark-theme"),
            Command::TogglePresentation => crate::tr!(language, "command-presentation-mode"),
            Command::Find => crate::tr!(language, "command-find"),
            Command::FindNext => crate::tr!(language, "command-find-next"),
            Command::Help => crate::tr!(language, "command-help"),
        }
    }
}

/// What the commands can do right now: menus and buttons grey out the others.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CommandState {
    pub can_undo: bool,
    pub can_redo: bool,
}

impl CommandState {
    /// Whether `command` can run now.
    pub fn allows(&self, command: &Command) -> bool {
        match command {
            Command::Undo => self.can_undo,
            Command::Redo => self.can_redo,
            _ => true,
        }
    }
}
