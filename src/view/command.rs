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
    /// Committee presentation: full-screen slides (F5; Esc leaves).
    TogglePresentation,
    /// Open the find bar (Ctrl+F).
    Find,
    /// Go to the next place found (F3).
    FindNext,
    /// The help window: shortcuts, what the figures mean, where files live (F1).
    Help,
    /// The next slide (→, Page Down, Space).
    NextSlide,
    /// The previous slide (←, Page Up).
    PreviousSlide,
    /// The plan's slide, the first (Home).
    FirstSlide,
    /// The last slide (End).
    LastSlide,
    /// The first slide of the objective with this number (keys 1–5).
    ObjectiveSlide(u8),
    /// Indicators on the slides in plan order or lowest first (O).
    ToggleSlideOrder,
    /// The briefing pack: one PNG per slide and a PDF of them all, in a folder.
    ExportSlides,
    /// Propose the weights of a vigencia for the selected objective (Ajustar ponderaciones…).
    Reweight,
    /// Write one plan file per entity into a folder (Preparar archivos por entidad…).
    SplitByEntity,
    /// Restore the recovery copy the officer chose (once the open plan's unsaved changes are
    /// saved or discarded).
    RestoreRecoveredCopy,
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

    /// The same commands in the order help lists them: as the menus have them (files, edits,
    /// view, help, quit). [`Self::WITH_SHORTCUTS`] keeps the order keys are read in (Ctrl+Shift+S
    /// before Ctrl+S).
    pub const IN_MENU_ORDER: [Command; 11] = [
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::Undo,
        Command::Redo,
        Command::Find,
        Command::FindNext,
        Command::TogglePresentation,
        Command::Help,
        Command::Quit,
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
            Command::NextSlide => crate::tr!(language, "command-next-slide"),
            Command::PreviousSlide => crate::tr!(language, "command-previous-slide"),
            Command::FirstSlide => crate::tr!(language, "command-first-slide"),
            Command::LastSlide => crate::tr!(language, "command-last-slide"),
            Command::ObjectiveSlide(number) => {
                crate::tr!(language, "command-objective-slide", number = *number)
            }
            Command::ToggleSlideOrder => crate::tr!(language, "command-toggle-slide-order"),
            Command::ExportSlides => crate::tr!(language, "command-export-slides"),
            Command::RestoreRecoveredCopy => crate::tr!(language, "command-restore-recovered-copy"),
            Command::Reweight => crate::tr!(language, "command-reweight"),
            Command::SplitByEntity => crate::tr!(language, "command-split"),
        }
    }

    /// What a key does while the slides are on screen (F5 and Esc aside): → Page Down and
    /// Space go on, ← and Page Up go back, Home and End to the first and last slide, 1–5 to
    /// that objective's slide, O changes the indicators' order.
    pub fn presentation_key(key: Key) -> Option<Command> {
        Some(match key {
            Key::ArrowRight | Key::PageDown | Key::Space => Command::NextSlide,
            Key::ArrowLeft | Key::PageUp => Command::PreviousSlide,
            Key::Home => Command::FirstSlide,
            Key::End => Command::LastSlide,
            Key::Num1 => Command::ObjectiveSlide(1),
            Key::Num2 => Command::ObjectiveSlide(2),
            Key::Num3 => Command::ObjectiveSlide(3),
            Key::Num4 => Command::ObjectiveSlide(4),
            Key::Num5 => Command::ObjectiveSlide(5),
            Key::O => Command::ToggleSlideOrder,
            _ => return None,
        })
    }

    /// The keys [`Self::presentation_key`] reads.
    pub const PRESENTATION_KEYS: [Key; 13] = [
        Key::ArrowRight,
        Key::PageDown,
        Key::Space,
        Key::ArrowLeft,
        Key::PageUp,
        Key::Home,
        Key::End,
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::O,
    ];
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

#[cfg(test)]
mod tests {
    use super::Command;

    #[test]
    fn help_lists_every_command_with_a_shortcut_once() {
        let mut read = Command::WITH_SHORTCUTS.to_vec();
        let mut listed = Command::IN_MENU_ORDER.to_vec();
        let key = |c: &Command| format!("{c:?}");
        read.sort_by_key(key);
        listed.sort_by_key(key);
        assert_eq!(read, listed);
    }
}
