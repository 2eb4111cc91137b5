//! The system's file dialogs as the window uses them: a command asks for a file
//! ([`AvanceApp::ask_file`]); the next frame shows the dialog beside the window
//! ([`FilePicker::start`]) and every frame after looks for its answer, painting the window
//! meanwhile and taking no edits; the answer is then carried out as the command would have.

use std::path::PathBuf;

use super::file_picker::{self, DialogKind, FileRequest, PendingPick, Picked};
use super::{AvanceApp, files};
use crate::io::{import, plan_file};
use crate::tr;
use crate::view::dialog::{ImportTarget, PendingSave};
use crate::view::{Dialog, PathPurpose};

/// What a file dialog's answer is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFor {
    /// What a typed path could be for too: opening, saving, importing, exporting…
    Path(PathPurpose),
    /// One more entity file for the consolidation dialog on screen.
    EntityFile,
}

/// A file dialog asked for, then on screen, and what its answer is for.
pub(super) struct FileQuestion {
    purpose: FileFor,
    /// The dialog's title, to say what the window waits for.
    title: String,
    /// What to show; taken when the dialog is shown.
    request: Option<FileRequest>,
    /// The answer on its way, once shown.
    pending: Option<PendingPick>,
}

impl AvanceApp {
    /// Asks the user for a file for `purpose`: the system's dialog is shown at the start of
    /// the next frame, beside the window, and its answer carried out when it comes.
    pub(super) fn ask_file(&mut self, purpose: FileFor) {
        let language = self.prefs.language;
        let kind = self.dialog_kind(purpose);
        let title = match &kind {
            DialogKind::OpenPlan => tr!(language, "dialog-open-plan"),
            DialogKind::ReadPlan { title } => title.clone(),
            DialogKind::SavePlan { .. } => tr!(language, "dialog-save-plan-as"),
            DialogKind::ImportTable => tr!(language, "file-picker-import-indicator-matrix"),
            DialogKind::Export { .. } => tr!(language, "dialog-export"),
            DialogKind::SlidesFolder => tr!(language, "dialog-export-slides"),
            DialogKind::EntityFilesFolder => tr!(language, "command-split"),
        };
        let request = FileRequest {
            kind,
            language,
            folder: self.start_folder(),
        };
        self.file_question = Some(FileQuestion {
            purpose,
            title,
            request: Some(request),
            pending: None,
        });
    }

    fn dialog_kind(&self, purpose: FileFor) -> DialogKind {
        let language = self.prefs.language;
        match purpose {
            FileFor::Path(PathPurpose::Open) => DialogKind::OpenPlan,
            FileFor::Path(PathPurpose::SaveAs) => DialogKind::SavePlan {
                suggested_name: self.doc.file_name(),
            },
            FileFor::Path(PathPurpose::Import | PathPurpose::ImportIntoOpenPlan) => {
                DialogKind::ImportTable
            }
            FileFor::Path(PathPurpose::Export) => DialogKind::Export {
                suggested_name: self.export_name(),
            },
            FileFor::Path(PathPurpose::Compare) => DialogKind::ReadPlan {
                title: tr!(language, "compare-with-plan"),
            },
            FileFor::Path(PathPurpose::ExportSlides) => DialogKind::SlidesFolder,
            FileFor::Path(PathPurpose::SplitByEntity) => DialogKind::EntityFilesFolder,
            FileFor::EntityFile => DialogKind::ReadPlan {
                title: tr!(language, "dialog-pick-entity-file"),
            },
        }
    }

    /// Whether a file dialog was asked for and is not shown yet (the next frame shows it).
    pub(super) fn file_dialog_to_show(&self) -> bool {
        self.file_question
            .as_ref()
            .is_some_and(|question| question.request.is_some())
    }

    /// Whether a file dialog is on screen (or about to be): the window waits for it.
    pub fn is_waiting_for_a_file(&self) -> bool {
        self.file_question.is_some()
    }

    /// The title of the file dialog the window waits for, if any.
    pub fn file_dialog_title(&self) -> Option<&str> {
        self.file_question.as_ref().map(|q| q.title.as_str())
    }

    /// Shows the dialog asked for (owned by `window`), and carries out its answer once it
    /// comes. Called at the start of every frame.
    pub(super) fn poll_file_dialog(
        &mut self,
        window: Option<&eframe::Frame>,
        egui_ctx: &egui::Context,
    ) {
        let Some(question) = &mut self.file_question else {
            return;
        };
        if let Some(request) = question.request.take() {
            question.pending = Some(self.file_picker.start(request, window, egui_ctx));
        }
        let Some(answer) = question.pending.as_mut().and_then(PendingPick::poll) else {
            return;
        };
        let purpose = question.purpose;
        self.file_question = None;
        self.file_answered(purpose, answer);
    }

    /// Stops waiting for the dialog on screen (lost behind other windows, or never shown):
    /// its answer, if one comes, is dropped, and the typed-path box is offered instead.
    pub fn stop_waiting_for_the_file_dialog(&mut self) {
        if let Some(question) = self.file_question.take() {
            self.file_answered(question.purpose, Picked::NoDialog);
        }
    }

    /// Carries out a dialog's answer. A cancel drops what was to follow (a save before
    /// closing); a system that showed no dialog offers the typed-path box: nothing happens
    /// silently, and a missing dialog never stops work.
    fn file_answered(&mut self, purpose: FileFor, answer: Picked) {
        match (purpose, answer) {
            (FileFor::Path(purpose), Picked::File(path)) => self.file_chosen(purpose, path),
            (FileFor::Path(purpose), Picked::NoDialog) => self.ask_for_path(purpose),
            (FileFor::Path(_), Picked::Cancelled) => self.after_save = None,
            (FileFor::EntityFile, answer) => {
                // The consolidation dialog was closed meanwhile: nothing to add the file to.
                let Some(Dialog::Consolidate(mut consolidation)) = self.dialog.take() else {
                    return;
                };
                match answer {
                    Picked::File(path) => self.add_entity_file(&mut consolidation, path),
                    Picked::Cancelled | Picked::NoDialog => {
                        consolidation.focus_input = true;
                        consolidation.problem =
                            Some(tr!(self.prefs.language, "merge-no-file-chosen"));
                    }
                }
                self.dialog = Some(Dialog::Consolidate(consolidation));
            }
        }
    }

    /// Carries out what a file chosen in a dialog was for.
    fn file_chosen(&mut self, purpose: PathPurpose, path: PathBuf) {
        match purpose {
            PathPurpose::Open => self.open(&path),
            PathPurpose::Import => {
                self.import(import::ImportRequest::new(path), ImportTarget::NewPlan)
            }
            PathPurpose::ImportIntoOpenPlan => {
                self.import(import::ImportRequest::new(path), ImportTarget::OpenPlan)
            }
            PathPurpose::SaveAs => {
                let target =
                    file_picker::with_default_extension(path.clone(), plan_file::EXTENSION);
                let mut save = PendingSave::new(target);
                // The dialog asked about the path it gave, not one with an extension added,
                // and it does not see a file behind a dangling link.
                save.confirmed.replace = self.file_picker.confirms_replace()
                    && save.path == path
                    && !files::is_dangling_link(&save.path);
                self.save_plan(save);
            }
            PathPurpose::Export => self.export(&path),
            PathPurpose::Compare => self.compare_with(&path),
            PathPurpose::ExportSlides => self.export_slides(&path),
            PathPurpose::SplitByEntity => self.split_by_entity(&path),
        }
    }
}
