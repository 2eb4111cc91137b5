//! Native file dialogs behind a small trait, so tests can answer them with a path.

use std::path::{Path, PathBuf};

use crate::io::plan_file::EXTENSION;
use crate::model::Language;

/// Asks the user for a file to open or a path to save to, starting in `folder` (the plan's,
/// never the folder the program happened to start in). `None` means no file was chosen: the
/// user cancelled, or the system could not show a dialog.
pub trait FilePicker {
    fn pick_plan_to_open(&mut self, language: Language, folder: &Path) -> Option<PathBuf>;
    /// A plan file to read beside the open one (to compare with, an entity's to consolidate),
    /// under a `title` that says what for: "Abrir plan" would read as replacing the open plan.
    fn pick_plan_to_read(
        &mut self,
        language: Language,
        folder: &Path,
        title: &str,
    ) -> Option<PathBuf> {
        let _ = title;
        self.pick_plan_to_open(language, folder)
    }
    /// Where to save the plan; the window adds `.ron` when the name has no extension.
    fn pick_plan_to_save(
        &mut self,
        language: Language,
        folder: &Path,
        suggested_name: &str,
    ) -> Option<PathBuf>;
    /// A matrix to import: .tsv, .csv or .xlsx.
    fn pick_table_to_import(&mut self, language: Language, folder: &Path) -> Option<PathBuf>;
    /// Where to export: .xlsx or .csv.
    fn pick_export_path(
        &mut self,
        language: Language,
        folder: &Path,
        suggested_name: &str,
    ) -> Option<PathBuf>;
    /// The folder the briefing pack goes to (made if it does not exist). Without a folder
    /// dialog the window asks for the path in its own box.
    fn pick_slides_folder(&mut self, language: Language, folder: &Path) -> Option<PathBuf> {
        let _ = (language, folder);
        None
    }
    /// Whether the save dialogs already asked before giving an existing file (then the
    /// window does not ask again).
    fn confirms_replace(&self) -> bool {
        false
    }
}

/// The operating system's own dialogs, through rfd, filtered to plan files.
pub struct NativeFilePicker;

impl FilePicker for NativeFilePicker {
    fn pick_plan_to_open(&mut self, language: Language, folder: &Path) -> Option<PathBuf> {
        plan_dialog(crate::tr!(language, "dialog-open-plan"), folder, language).pick_file()
    }

    fn pick_plan_to_read(
        &mut self,
        language: Language,
        folder: &Path,
        title: &str,
    ) -> Option<PathBuf> {
        plan_dialog(title.to_owned(), folder, language).pick_file()
    }

    fn pick_plan_to_save(
        &mut self,
        language: Language,
        folder: &Path,
        suggested_name: &str,
    ) -> Option<PathBuf> {
        plan_dialog(
            crate::tr!(language, "dialog-save-plan-as"),
            folder,
            language,
        )
        .set_file_name(suggested_name)
        .save_file()
    }

    fn pick_table_to_import(&mut self, language: Language, folder: &Path) -> Option<PathBuf> {
        dialog(
            crate::tr!(language, "file-picker-import-indicator-matrix"),
            folder,
        )
        .add_filter(
            crate::tr!(language, "file-picker-spreadsheet-or-text"),
            &["xlsx", "csv", "tsv", "txt"],
        )
        .pick_file()
    }

    fn pick_export_path(
        &mut self,
        language: Language,
        folder: &Path,
        suggested_name: &str,
    ) -> Option<PathBuf> {
        dialog(crate::tr!(language, "dialog-export"), folder)
            .add_filter("Excel", &["xlsx"])
            .add_filter("CSV", &["csv"])
            .set_file_name(suggested_name)
            .save_file()
            .map(|path| with_default_extension(path, "xlsx"))
    }

    fn pick_slides_folder(&mut self, language: Language, folder: &Path) -> Option<PathBuf> {
        dialog(crate::tr!(language, "dialog-export-slides"), folder).pick_folder()
    }

    /// rfd's save dialogs ask before replacing on every platform: Windows (the default
    /// FOS_OVERWRITEPROMPT), macOS (NSSavePanel), the XDG portal's GTK and KDE dialogs, and
    /// zenity (`--confirm-overwrite`).
    fn confirms_replace(&self) -> bool {
        true
    }
}

/// A native dialog with its title, starting in `folder`.
fn dialog(title: String, folder: &Path) -> rfd::FileDialog {
    rfd::FileDialog::new()
        .set_directory(folder)
        .set_title(title)
}

/// A dialog for plan files (`.ron`).
fn plan_dialog(title: String, folder: &Path, language: Language) -> rfd::FileDialog {
    dialog(title, folder).add_filter(
        crate::tr!(language, "file-picker-avance-plan"),
        &[EXTENSION],
    )
}

/// The path with `extension` added when the user typed none.
pub fn with_default_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension(extension)
    } else {
        path
    }
}
