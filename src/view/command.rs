//! Every action of menus, buttons and shortcuts is one [`Command`], declared once in
//! [`Command::declaration`] (label, keys, menu, file dialog, whether it discards the
//! document) and handled in one place (`AvanceApp::run_confirmed`). Menus, help, toolbar and
//! the key handling read the declaration, as rerun's `UICommand` is read.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::dialog::PathPurpose;
use crate::model::Language;

/// What the user asks the application to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    New,
    Open,
    OpenRecent(std::path::PathBuf),
    /// Open the seed's plan, the example (Abrir plan de ejemplo).
    OpenExample,
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
    /// The first slide of the objective with this number (keys 1–9, 0 for 10, two digits
    /// for 11 and beyond).
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

/// The keys of a command, as written in the table.
const fn keys(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const NONE: Modifiers = Modifiers::NONE;

/// How a command is named on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// A message id of the locale files (`command-objective-slide` takes the objective's
    /// number).
    Message(&'static str),
    /// The path of the recent file it opens (the submenu holding them is "Abrir reciente").
    Path,
    /// The name of a language, written in that language (Español, English).
    OwnName(&'static str),
}

/// The menus of the menu bar, in their order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    File,
    Edit,
    View,
    Help,
}

impl Menu {
    pub const ALL: [Menu; 4] = [Menu::File, Menu::Edit, Menu::View, Menu::Help];

    /// The menu's title.
    pub fn title(self, language: Language) -> String {
        match self {
            Menu::File => crate::tr!(language, "menu-file"),
            Menu::Edit => crate::tr!(language, "menu-edit"),
            Menu::View => crate::tr!(language, "menu-view"),
            Menu::Help => crate::tr!(language, "menu-help"),
        }
    }
}

/// A group of entries of one menu, apart from the next group by a separator. A menu lists its
/// commands in the order of [`Command::table`], one section after the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Nuevo, Abrir…, Abrir reciente.
    FileOpen,
    /// Guardar, Guardar como…
    FileSave,
    /// Importar…, Exportar… and the briefing pack.
    FileExchange,
    /// Comparar con…, Consolidar…, Preparar archivos por entidad…
    FileOtherPlans,
    FileQuit,
    /// Deshacer, Rehacer.
    EditHistory,
    /// Buscar…, Buscar siguiente.
    EditFind,
    /// Ajustar ponderaciones…
    EditWeights,
    /// The languages, under the heading "Idioma".
    ViewLanguage,
    ViewTheme,
    ViewPresentation,
    HelpHelp,
}

impl Section {
    /// The menu the section is in.
    pub fn menu(self) -> Menu {
        match self {
            Section::FileOpen
            | Section::FileSave
            | Section::FileExchange
            | Section::FileOtherPlans
            | Section::FileQuit => Menu::File,
            Section::EditHistory | Section::EditFind | Section::EditWeights => Menu::Edit,
            Section::ViewLanguage | Section::ViewTheme | Section::ViewPresentation => Menu::View,
            Section::HelpHelp => Menu::Help,
        }
    }

    /// The text written above the section's entries, if any.
    pub fn heading(self, language: Language) -> Option<String> {
        match self {
            Section::ViewLanguage => Some(crate::tr!(language, "menu-language")),
            Section::FileOpen
            | Section::FileSave
            | Section::FileExchange
            | Section::FileOtherPlans
            | Section::FileQuit
            | Section::EditHistory
            | Section::EditFind
            | Section::EditWeights
            | Section::ViewTheme
            | Section::ViewPresentation
            | Section::HelpHelp => None,
        }
    }
}

/// Where the keys of the window go: each mode reads its own keys, and no key may mean two
/// things in one mode (a test checks it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyMode {
    /// The window at work: the grid, the tree, the panels (the grid's own keys are
    /// [`crate::view::grid::CELL_KEYS`] and [`crate::view::grid::RANGE_KEYS`]).
    Window,
    /// The committee slides on screen (F5): the window's shortcuts and the slides' keys.
    Presenting,
    /// A question over the window, or a file dialog beside it: no command is run by a key;
    /// the question's own buttons take Enter and Esc.
    Dialog,
}

/// Everything the window knows about a command besides what it does: how it is named, its
/// keys, where it sits in the menus, and what it may do to the open document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Declaration {
    pub label: Label,
    /// Its keys anywhere in the window (presenting too, never over a dialog); the first is the
    /// one written beside the menu entry, help lists them all.
    pub shortcuts: &'static [KeyboardShortcut],
    /// Its keys while the slides are on screen, pressed without modifiers.
    pub presenting_keys: &'static [Key],
    /// The menu section it is listed in, if any.
    pub menu: Option<Section>,
    /// The file dialog it may open (Guardar opens Guardar como…'s for a plan never saved).
    pub file_dialog: Option<PathPurpose>,
    /// It replaces or closes the open document, so unsaved changes are asked about first.
    pub discards_document: bool,
}

impl Declaration {
    /// A command with no keys, no menu, no file dialog, that keeps the document.
    const fn named(id: &'static str) -> Self {
        Self {
            label: Label::Message(id),
            shortcuts: &[],
            presenting_keys: &[],
            menu: None,
            file_dialog: None,
            discards_document: false,
        }
    }

    const fn labelled(label: Label) -> Self {
        Self {
            label,
            ..Self::named("")
        }
    }

    const fn keys(self, shortcuts: &'static [KeyboardShortcut]) -> Self {
        Self { shortcuts, ..self }
    }

    const fn presenting(self, presenting_keys: &'static [Key]) -> Self {
        Self {
            presenting_keys,
            ..self
        }
    }

    const fn menu(self, section: Section) -> Self {
        Self {
            menu: Some(section),
            ..self
        }
    }

    const fn file_dialog(self, purpose: PathPurpose) -> Self {
        Self {
            file_dialog: Some(purpose),
            ..self
        }
    }

    const fn discards_document(self) -> Self {
        Self {
            discards_document: true,
            ..self
        }
    }
}

impl Command {
    /// The one table of commands: each command once, with its label, keys, menu section and
    /// what it may do to the document. The `match` names every command, so a new one does not
    /// compile until it is declared here.
    pub fn declaration(&self) -> Declaration {
        use Declaration as D;
        use Section as S;
        match self {
            Command::New => D::named("command-new")
                .keys(const { &[keys(CTRL, Key::N)] })
                .menu(S::FileOpen)
                .discards_document(),
            Command::Open => D::named("command-open")
                .keys(const { &[keys(CTRL, Key::O)] })
                .menu(S::FileOpen)
                .file_dialog(PathPurpose::Open)
                .discards_document(),
            Command::OpenRecent(_) => D::labelled(Label::Path)
                .menu(S::FileOpen)
                .discards_document(),
            Command::OpenExample => D::named("command-open-example")
                .menu(S::FileOpen)
                .discards_document(),
            Command::Save => D::named("dialog-save")
                .keys(const { &[keys(CTRL, Key::S)] })
                .menu(S::FileSave)
                .file_dialog(PathPurpose::SaveAs),
            Command::SaveAs => D::named("dialog-save-as")
                .keys(const { &[keys(CTRL_SHIFT, Key::S)] })
                .menu(S::FileSave)
                .file_dialog(PathPurpose::SaveAs),
            Command::Import => D::named("command-import")
                .menu(S::FileExchange)
                .file_dialog(PathPurpose::Import)
                .discards_document(),
            Command::ImportIntoOpenPlan => D::named("command-import-into-open-plan")
                .menu(S::FileExchange)
                .file_dialog(PathPurpose::ImportIntoOpenPlan),
            Command::Export => D::named("command-export")
                .menu(S::FileExchange)
                .file_dialog(PathPurpose::Export),
            Command::ExportSlides => D::named("command-export-slides")
                .menu(S::FileExchange)
                .file_dialog(PathPurpose::ExportSlides),
            Command::Compare => D::named("command-compare")
                .menu(S::FileOtherPlans)
                .file_dialog(PathPurpose::Compare),
            Command::Consolidate => D::named("command-consolidate").menu(S::FileOtherPlans),
            Command::Undo => D::named("command-undo")
                .keys(const { &[keys(CTRL, Key::Z)] })
                .menu(S::EditHistory),
            Command::Redo => D::named("command-redo")
                .keys(const { &[keys(CTRL, Key::Y), keys(CTRL_SHIFT, Key::Z)] })
                .menu(S::EditHistory),
            Command::Find => D::named("command-find")
                .keys(const { &[keys(CTRL, Key::F)] })
                .menu(S::EditFind),
            Command::FindNext => D::named("command-find-next")
                .keys(const { &[keys(NONE, Key::F3)] })
                .menu(S::EditFind),
            Command::SetLanguage(language) => D::labelled(Label::OwnName(match language {
                Language::Es => "Español",
                Language::En => "English",
            }))
            .menu(S::ViewLanguage),
            Command::ToggleTheme => D::named("command-light-dark-theme").menu(S::ViewTheme),
            Command::TogglePresentation => D::named("command-presentation-mode")
                .keys(const { &[keys(NONE, Key::F5)] })
                .presenting(&[Key::Escape])
                .menu(S::ViewPresentation),
            Command::Help => D::named("command-help")
                .keys(const { &[keys(NONE, Key::F1)] })
                .menu(S::HelpHelp),
            Command::Quit => D::named("command-quit")
                .keys(const { &[keys(CTRL, Key::Q)] })
                .menu(S::FileQuit)
                .discards_document(),
            Command::NextSlide => D::named("command-next-slide").presenting(&[
                Key::ArrowRight,
                Key::PageDown,
                Key::Space,
            ]),
            Command::PreviousSlide => {
                D::named("command-previous-slide").presenting(&[Key::ArrowLeft, Key::PageUp])
            }
            Command::FirstSlide => D::named("command-first-slide").presenting(&[Key::Home]),
            Command::LastSlide => D::named("command-last-slide").presenting(&[Key::End]),
            // Its keys are the digits, read as a number (`Command::DIGIT_KEYS`).
            Command::ObjectiveSlide(_) => D::named("command-objective-slide"),
            Command::ToggleSlideOrder => {
                D::named("command-toggle-slide-order").presenting(&[Key::O])
            }
            Command::RestoreRecoveredCopy => D::named("command-restore-recovered-copy"),
            Command::Reweight => D::named("command-reweight").menu(S::EditWeights),
            Command::SplitByEntity => D::named("command-split")
                .menu(S::FileOtherPlans)
                .file_dialog(PathPurpose::SplitByEntity),
        }
    }

    /// Every command the table declares, in the order menus and help list them (Salir, alone
    /// at the end of Archivo, closes help's list). `OpenRecent` stands for the submenu of
    /// recent files.
    pub fn table() -> [Command; 35] {
        [
            Command::New,
            Command::Open,
            Command::OpenRecent(std::path::PathBuf::new()),
            Command::OpenExample,
            Command::Save,
            Command::SaveAs,
            Command::Import,
            Command::ImportIntoOpenPlan,
            Command::Export,
            Command::ExportSlides,
            Command::Compare,
            Command::Consolidate,
            Command::SplitByEntity,
            Command::Undo,
            Command::Redo,
            Command::Find,
            Command::FindNext,
            Command::Reweight,
            Command::SetLanguage(Language::Es),
            Command::SetLanguage(Language::En),
            Command::ToggleTheme,
            Command::TogglePresentation,
            Command::Help,
            Command::Quit,
            Command::NextSlide,
            Command::PreviousSlide,
            Command::FirstSlide,
            Command::LastSlide,
            Command::ObjectiveSlide(1),
            Command::ObjectiveSlide(2),
            Command::ObjectiveSlide(3),
            Command::ObjectiveSlide(4),
            Command::ObjectiveSlide(5),
            Command::ToggleSlideOrder,
            Command::RestoreRecoveredCopy,
        ]
    }

    /// The commands of `menu`, in order, each with its section.
    pub fn in_menu(menu: Menu) -> impl Iterator<Item = (Section, Command)> {
        Self::table().into_iter().filter_map(move |command| {
            let section = command.declaration().menu?;
            (section.menu() == menu).then_some((section, command))
        })
    }

    /// The keys read in `mode`, each with its command, those with more modifiers first: egui
    /// takes Ctrl+S as pressed when Ctrl+Shift+S is, so Ctrl+Shift+S must be read before it.
    pub fn keys_in(mode: KeyMode) -> Vec<(KeyboardShortcut, Command)> {
        let mut keys = Vec::new();
        if mode == KeyMode::Dialog {
            return keys;
        }
        for command in Self::table() {
            let declaration = command.declaration();
            for shortcut in declaration.shortcuts {
                keys.push((*shortcut, command.clone()));
            }
            if mode == KeyMode::Presenting {
                for key in declaration.presenting_keys {
                    keys.push((KeyboardShortcut::new(NONE, *key), command.clone()));
                }
            }
        }
        let modifiers = |s: &KeyboardShortcut| {
            let m = s.modifiers;
            [m.alt, m.ctrl, m.shift, m.mac_cmd, m.command]
                .iter()
                .filter(|on| **on)
                .count()
        };
        keys.sort_by_key(|(shortcut, _)| std::cmp::Reverse(modifiers(shortcut)));
        keys
    }

    /// The digit keys, 0 to 9, in order: while presenting they go to an objective's slide, one
    /// digit or two typed within a second ([`crate::view::slides::objective_for_digit`]): 1–9,
    /// 0 for 10, «1» «2» for 12. No declared presenting key may be a digit (a test checks it).
    pub const DIGIT_KEYS: [Key; 10] = [
        Key::Num0,
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
    ];

    /// The main keyboard shortcut (the one written beside the menu entry), if any.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        self.declaration().shortcuts.first().copied()
    }

    /// The menu text; a command that opens a dialog ends with "…".
    pub fn label(&self, language: Language) -> String {
        match (self.declaration().label, self) {
            (Label::Message(id), Command::ObjectiveSlide(number)) => {
                crate::i18n::text(language, id, &[("number", (*number).into())])
            }
            (Label::Message(id), _) => crate::i18n::text(language, id, &[]),
            (Label::Path, Command::OpenRecent(path)) => path.display().to_string(),
            (Label::Path, _) => String::new(),
            (Label::OwnName(name), _) => name.to_owned(),
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

#[cfg(test)]
mod tests {
    use super::{Command, KeyMode, Label, Menu};
    use crate::i18n::{Language, message_ids};
    use crate::view::grid;

    /// Where each command stands in the table. The `match` names every command: a new one
    /// does not compile here until it gets a place, and then the test below wants it in the
    /// table.
    fn place(command: &Command) -> usize {
        match command {
            Command::New => 0,
            Command::Open => 1,
            Command::OpenRecent(_) => 2,
            Command::OpenExample => 3,
            Command::Save => 4,
            Command::SaveAs => 5,
            Command::Import => 6,
            Command::ImportIntoOpenPlan => 7,
            Command::Export => 8,
            Command::ExportSlides => 9,
            Command::Compare => 10,
            Command::Consolidate => 11,
            Command::SplitByEntity => 12,
            Command::Undo => 13,
            Command::Redo => 14,
            Command::Find => 15,
            Command::FindNext => 16,
            Command::Reweight => 17,
            Command::SetLanguage(Language::Es) => 18,
            Command::SetLanguage(Language::En) => 19,
            Command::ToggleTheme => 20,
            Command::TogglePresentation => 21,
            Command::Help => 22,
            Command::Quit => 23,
            Command::NextSlide => 24,
            Command::PreviousSlide => 25,
            Command::FirstSlide => 26,
            Command::LastSlide => 27,
            Command::ObjectiveSlide(n) => 27 + usize::from(*n),
            Command::ToggleSlideOrder => 33,
            Command::RestoreRecoveredCopy => 34,
        }
    }

    #[test]
    fn the_table_holds_every_command_once() {
        let places: Vec<usize> = Command::table().iter().map(place).collect();
        assert_eq!(places, (0..Command::table().len()).collect::<Vec<_>>());
    }

    #[test]
    fn no_key_means_two_things_in_one_mode() {
        for mode in [KeyMode::Window, KeyMode::Presenting, KeyMode::Dialog] {
            let mut taken: Vec<(egui::KeyboardShortcut, String)> = Command::keys_in(mode)
                .into_iter()
                .map(|(shortcut, command)| (shortcut, format!("{command:?}")))
                .collect();
            if mode == KeyMode::Window {
                // A focused cell's keys: the window's shortcuts are read first and would
                // take them from the grid.
                taken.extend(grid::CELL_KEYS.iter().map(|(s, k)| (*s, format!("{k:?}"))));
                taken.extend(grid::RANGE_KEYS.iter().map(|(s, k)| (*s, format!("{k:?}"))));
            }
            if mode == KeyMode::Presenting {
                // The digits, read as an objective's number.
                taken.extend(Command::DIGIT_KEYS.iter().map(|key| {
                    let digit = egui::KeyboardShortcut::new(egui::Modifiers::NONE, *key);
                    (digit, "a digit (objective's slide)".to_owned())
                }));
            }
            for (i, (shortcut, what)) in taken.iter().enumerate() {
                for (other, other_what) in &taken[i + 1..] {
                    assert!(
                        shortcut != other,
                        "{mode:?}: {shortcut:?} is both {what} and {other_what}"
                    );
                }
            }
        }
        assert!(Command::keys_in(KeyMode::Dialog).is_empty());
    }

    #[test]
    fn keys_with_more_modifiers_are_read_first() {
        let keys = Command::keys_in(KeyMode::Window);
        let at = |command: Command, key: egui::Key| {
            keys.iter()
                .position(|(s, c)| *c == command && s.logical_key == key)
                .unwrap()
        };
        assert!(at(Command::SaveAs, egui::Key::S) < at(Command::Save, egui::Key::S));
        assert!(at(Command::Redo, egui::Key::Z) < at(Command::Undo, egui::Key::Z));
    }

    #[test]
    fn each_menu_lists_its_sections_one_after_the_other() {
        for menu in Menu::ALL {
            let mut sections: Vec<_> = Command::in_menu(menu).map(|(s, _)| s).collect();
            assert!(!sections.is_empty(), "{menu:?}");
            sections.dedup();
            for (i, section) in sections.iter().enumerate() {
                assert!(
                    !sections[i + 1..].contains(section),
                    "{menu:?}: {section:?} comes back after another section"
                );
            }
        }
    }

    #[test]
    fn every_label_is_in_both_languages() {
        for language in Language::ALL {
            let ids = message_ids(language.source());
            for command in Command::table() {
                if let Label::Message(id) = command.declaration().label {
                    assert!(ids.iter().any(|i| i == id), "{id} ({language:?})");
                }
            }
        }
    }
}
