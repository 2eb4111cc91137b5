//! The system's file dialogs behind a small trait, so tests can answer them with a path.
//!
//! A native dialog never runs inside a frame: [`FilePicker::start`] shows it beside the window
//! (rfd's dialog on a thread of its own, owned by the window) and the window asks for the
//! answer at every frame ([`PendingPick::poll`]), painting meanwhile. A dialog run inside the
//! frame holds eframe's event loop in its own modal loop, which on Windows passes the window's
//! messages back into winit while it waits: winit then panics ("event handler is re-entrant")
//! and the window vanishes with its unsaved changes.

use std::path::PathBuf;
use std::sync::mpsc;

use crate::io::plan_file::EXTENSION;
use crate::model::Language;

/// Which dialog is asked for; the title and the filters follow from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogKind {
    /// A plan to open in place of the open one.
    OpenPlan,
    /// A plan file to read beside the open one (to compare with, an entity's to consolidate),
    /// under a title that says what for: "Abrir plan" would read as replacing the open plan.
    ReadPlan { title: String },
    /// Where to save the plan; the window adds `.ron` when the name has no extension.
    SavePlan { suggested_name: String },
    /// A matrix to import: .tsv, .csv or .xlsx.
    ImportTable,
    /// Where to export: .xlsx or .csv.
    Export { suggested_name: String },
    /// The folder the briefing pack goes to (made if it does not exist).
    SlidesFolder,
    /// The folder the entities' files go to (made if it does not exist).
    EntityFilesFolder,
}

/// A question for a file dialog: which dialog, in which language, starting in which folder
/// (the plan's, never the folder the program happened to start in).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRequest {
    pub kind: DialogKind,
    pub language: Language,
    pub folder: PathBuf,
}

/// What a file dialog gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    File(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown (Linux without a desktop portal or zenity): the window asks
    /// for the path in its own box instead.
    NoDialog,
}

impl Picked {
    /// What a test double's `Some(path)` or `None` stands for: `None` is a system that shows
    /// no dialog.
    pub fn from_path(path: Option<PathBuf>) -> Self {
        path.map_or(Picked::NoDialog, Picked::File)
    }
}

/// A dialog's answer, now or later.
pub enum PendingPick {
    Ready(Picked),
    /// The dialog is on screen; its thread sends the answer when it closes.
    Waiting(mpsc::Receiver<Picked>),
}

impl PendingPick {
    /// The answer, once the dialog closed; `None` while it is still open. A dialog whose
    /// thread ended without a word counts as one that could not be shown.
    pub fn poll(&mut self) -> Option<Picked> {
        match self {
            PendingPick::Ready(answer) => Some(std::mem::replace(answer, Picked::Cancelled)),
            PendingPick::Waiting(answer) => match answer.try_recv() {
                Ok(picked) => Some(picked),
                Err(mpsc::TryRecvError::Empty) => None,
                Err(mpsc::TryRecvError::Disconnected) => Some(Picked::NoDialog),
            },
        }
    }
}

/// Asks the user for a file to open or a path to save to.
pub trait FilePicker {
    /// The answer at once: what test doubles give.
    fn pick(&mut self, request: &FileRequest) -> Option<PathBuf>;

    /// Shows the dialog without holding the window, owned by `window` when given, and has
    /// `repaint` repainted once it is answered. Test doubles answer at once.
    fn start(
        &mut self,
        request: FileRequest,
        window: Option<&eframe::Frame>,
        repaint: &egui::Context,
    ) -> PendingPick {
        let _ = (window, repaint);
        PendingPick::Ready(Picked::from_path(self.pick(&request)))
    }

    /// Whether the save dialogs already asked before giving an existing file (then the
    /// window does not ask again).
    fn confirms_replace(&self) -> bool {
        false
    }
}

/// The operating system's own dialogs, through rfd.
pub struct NativeFilePicker;

impl FilePicker for NativeFilePicker {
    /// The dialog, waited for here (a caller with no window to keep painting).
    fn pick(&mut self, request: &FileRequest) -> Option<PathBuf> {
        pollster::block_on(show(native_dialog(request), &request.kind))
    }

    fn start(
        &mut self,
        request: FileRequest,
        window: Option<&eframe::Frame>,
        repaint: &egui::Context,
    ) -> PendingPick {
        let mut dialog = native_dialog(&request);
        if let Some(window) = window {
            // Owned by the window: it stays above it, and Windows keeps the window from
            // taking clicks until the dialog closes.
            dialog = dialog.set_parent(window);
        }
        let (answer, receiver) = mpsc::channel();
        let repaint = repaint.clone();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".to_owned())
            .spawn(move || {
                let shown = std::time::Instant::now();
                let picked = match pollster::block_on(show(dialog, &request.kind)) {
                    Some(path) => Picked::File(path),
                    None => no_file(shown.elapsed()),
                };
                // The window may have stopped waiting (closed): nobody to tell.
                let _ = answer.send(picked);
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => PendingPick::Waiting(receiver),
            Err(_) => PendingPick::Ready(Picked::NoDialog),
        }
    }

    /// rfd's save dialogs ask before replacing on every platform: Windows (the default
    /// FOS_OVERWRITEPROMPT), macOS (NSSavePanel), the XDG portal's GTK and KDE dialogs, and
    /// zenity (`--confirm-overwrite`).
    fn confirms_replace(&self) -> bool {
        true
    }
}

/// What a dialog that gave no file means. Windows and macOS always show their dialog: the user
/// cancelled. rfd cannot tell a cancel from a Linux desktop with neither a portal nor zenity; a
/// dialog that was there for a second or more was seen, and cancelled, while one that answered
/// at once was never shown.
fn no_file(open_for: std::time::Duration) -> Picked {
    if cfg!(any(windows, target_os = "macos")) || open_for >= std::time::Duration::from_secs(1) {
        Picked::Cancelled
    } else {
        Picked::NoDialog
    }
}

/// The dialog for a request: title, starting folder, filters and suggested name.
fn native_dialog(request: &FileRequest) -> rfd::AsyncFileDialog {
    let language = request.language;
    let dialog = |title: String| {
        rfd::AsyncFileDialog::new()
            .set_directory(&request.folder)
            .set_title(title)
    };
    let plans = |title: String| {
        dialog(title).add_filter(
            crate::tr!(language, "file-picker-avance-plan"),
            &[EXTENSION],
        )
    };
    match &request.kind {
        DialogKind::OpenPlan => plans(crate::tr!(language, "dialog-open-plan")),
        DialogKind::ReadPlan { title } => plans(title.clone()),
        DialogKind::SavePlan { suggested_name } => {
            plans(crate::tr!(language, "dialog-save-plan-as")).set_file_name(suggested_name)
        }
        DialogKind::ImportTable => {
            dialog(crate::tr!(language, "file-picker-import-indicator-matrix")).add_filter(
                crate::tr!(language, "file-picker-spreadsheet-or-text"),
                &["xlsx", "csv", "tsv", "txt"],
            )
        }
        DialogKind::Export { suggested_name } => dialog(crate::tr!(language, "dialog-export"))
            .add_filter("Excel", &["xlsx"])
            .add_filter("CSV", &["csv"])
            .set_file_name(suggested_name),
        DialogKind::SlidesFolder => dialog(crate::tr!(language, "dialog-export-slides")),
        DialogKind::EntityFilesFolder => dialog(crate::tr!(language, "command-split")),
    }
}

/// Shows the dialog the kind asks for and waits for its answer.
async fn show(dialog: rfd::AsyncFileDialog, kind: &DialogKind) -> Option<PathBuf> {
    let chosen = match kind {
        DialogKind::OpenPlan | DialogKind::ReadPlan { .. } | DialogKind::ImportTable => {
            dialog.pick_file().await
        }
        DialogKind::SavePlan { .. } | DialogKind::Export { .. } => dialog.save_file().await,
        DialogKind::SlidesFolder | DialogKind::EntityFilesFolder => dialog.pick_folder().await,
    };
    let path = chosen.map(|file| file.path().to_path_buf())?;
    Some(match kind {
        DialogKind::Export { .. } => with_default_extension(path, "xlsx"),
        _ => path,
    })
}

/// The path with `extension` added when the user typed none.
pub fn with_default_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension(extension)
    } else {
        path
    }
}
