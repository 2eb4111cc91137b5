//! The window's files: saving with every check a shared folder needs (replacing another file,
//! someone else's save, hand-written comments), paths typed by hand, reloading a file that
//! changed on disk, and the recovery copy of unsaved changes.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::AvanceApp;
use super::document::Document;
use super::file_dialogs::FileFor;
use crate::io::plan_file;
use crate::io::recovery::{AdoptError, RecoveredCopy, Recovery};
use crate::io::safe_write::{self, DiskStamp};
use crate::model::edit::Edit;
use crate::view::dialog::{ChangedOnDiskAnswer, CommentsAnswer, DialogAnswer, RecoverAnswer};
use crate::view::dialog::{PendingSave, SaveFailedAnswer};
use crate::view::{Command, Dialog, Notice, PathPurpose};

/// The recovery copy of this window and when it was last written.
pub(crate) struct RecoveryState {
    store: Recovery,
    interval: Duration,
    /// The document revision the copy holds.
    written: Option<u64>,
    last_write: Option<Instant>,
    has_copy: bool,
    /// A write of the copy failed and the officer was told; told again only after a write
    /// succeeds and a later one fails.
    failing: bool,
}

/// Whether an edit changes the plan's structure (metas, indicators): worth a recovery copy at
/// once rather than within a few seconds.
pub(crate) fn is_structural(edit: &Edit) -> bool {
    matches!(
        edit,
        Edit::AddIndicator { .. }
            | Edit::RemoveIndicator { .. }
            | Edit::MoveIndicator { .. }
            | Edit::AddMeta { .. }
            | Edit::RemoveMeta { .. }
            | Edit::MoveMeta { .. }
            | Edit::AddObjective
            | Edit::RemoveObjective { .. }
            | Edit::RenameEntity { .. }
            | Edit::Period(_)
    )
}

/// "plan.ron" → "plan-copia.ron".
fn copy_name(file_name: &str) -> String {
    match file_name.rsplit_once('.') {
        Some((stem, extension)) => format!("{stem}-copia.{extension}"),
        None => format!("{file_name}-copia"),
    }
}

/// A path typed by hand: `~` is the user's folder; a relative path is taken in `base` (the
/// folder offered), never in whatever folder the program was started from.
pub fn expand_typed_path(text: &str, base: &Path) -> PathBuf {
    let home = std::env::home_dir();
    let expanded = match (text.strip_prefix('~'), home) {
        (Some(""), Some(home)) => home,
        (Some(rest), Some(home)) if rest.starts_with(['/', std::path::MAIN_SEPARATOR]) => {
            home.join(rest.trim_start_matches(['/', std::path::MAIN_SEPARATOR]))
        }
        _ => PathBuf::from(text),
    };
    if expanded.is_absolute() {
        expanded
    } else {
        base.join(expanded)
    }
}

/// A dangling symbolic link: the system's dialogs do not see a file there, yet a save would
/// create one where it points.
pub(super) fn is_dangling_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok() && std::fs::metadata(path).is_err()
}

impl AvanceApp {
    /// Keeps a recovery copy of unsaved changes in `folder` (at most every `interval` while
    /// typing, at once after a structural edit), and offers the copies left by windows that
    /// did not close cleanly. The window uses its data folder; tests pass a temporary one.
    pub fn with_recovery(mut self, folder: PathBuf, interval: Duration) -> Self {
        match Recovery::start(&folder) {
            Ok(store) => {
                let orphans = store.orphans();
                self.recovered = orphans.copies;
                if let Some(first) = orphans.unreadable.first() {
                    self.notice = Some(Notice::new(crate::tr!(
                        self.prefs.language,
                        "recovery-unreadable",
                        count = orphans.unreadable.len(),
                        path = first.display().to_string()
                    )));
                }
                self.recovery = Some(RecoveryState {
                    store,
                    interval,
                    written: None,
                    last_write: None,
                    has_copy: false,
                    failing: false,
                });
            }
            Err(e) => {
                self.notice = Some(Notice::new(crate::tr!(
                    self.prefs.language,
                    "recovery-not-prepared",
                    detail = e.to_string(),
                    folder = folder.display().to_string()
                )));
            }
        }
        self
    }

    /// The folder recovery copies are kept in, if they are.
    pub fn recovery_folder(&self) -> Option<&Path> {
        self.recovery.as_ref().map(|r| r.store.folder())
    }

    /// The folder of the plan's file; the user's folder for a plan never saved.
    pub(super) fn plan_folder(&self) -> PathBuf {
        self.doc
            .path()
            .and_then(|p| std::path::absolute(p).ok())
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .or_else(std::env::home_dir)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default()
    }

    /// What the typed-path box offers: the plan's folder, and the name for a save.
    pub(super) fn offered_path(&self, purpose: PathPurpose) -> String {
        let folder = self.plan_folder();
        let offered = match purpose {
            PathPurpose::SaveAs => {
                let own = folder.join(self.doc.file_name());
                if safe_write::can_replace(&own) {
                    own
                } else {
                    // The plan's own file cannot take the save (read-only…): offer a copy's
                    // name, not the name that was just refused.
                    folder.join(copy_name(&self.doc.file_name()))
                }
            }
            PathPurpose::Export => folder.join(self.export_name()),
            PathPurpose::Open
            | PathPurpose::Import
            | PathPurpose::ImportIntoOpenPlan
            | PathPurpose::Compare => folder.join(""),
            PathPurpose::ExportSlides => folder.join(self.slides_folder_name()),
            PathPurpose::SplitByEntity => folder.join(format!(
                "{}-{}",
                self.file_stem(),
                crate::tr!(self.prefs.language, "split-folder-suffix")
            )),
        };
        offered.display().to_string()
    }

    /// The name an export is offered under: the plan's name and the cut, written as the
    /// briefing pack writes it (`gestion_publica_2022_2022T1.xlsx`; `2022Q1` in English).
    pub(super) fn export_name(&self) -> String {
        let cut = self.doc.plan().cut.file_tag(self.prefs.language);
        format!("{}_{cut}.xlsx", self.file_stem())
    }

    /// The plan file's name without its extension (`avance` for a plan with no file): what
    /// files made from the plan are named after.
    fn file_stem(&self) -> String {
        self.doc
            .path()
            .and_then(Path::file_stem)
            .map_or_else(|| "avance".to_owned(), |s| s.to_string_lossy().into_owned())
    }

    /// The folder the briefing pack is offered in: the plan's name and the cut
    /// (`gestion_publica_2022-presentacion-2022T1`).
    pub(super) fn slides_folder_name(&self) -> String {
        let pdf = crate::briefing::pdf_name(self.doc.plan().cut, self.prefs.language);
        format!("{}-{}", self.file_stem(), pdf.trim_end_matches(".pdf"))
    }

    /// Save As: the system's dialog, or the typed-path box when it gives no file.
    pub(super) fn save_as(&mut self) {
        self.ask_file(FileFor::Path(PathPurpose::SaveAs));
    }

    /// Saves the plan to `save.path` once every question is answered: replacing another file,
    /// overwriting someone else's save, dropping hand-written comments. A failure leaves the
    /// file untouched and offers Save As.
    pub(super) fn save_plan(&mut self, save: PendingSave) {
        let own_file = self.doc.path() == Some(save.path.as_path());
        let mut commented_copy = None;
        if !own_file && !save.confirmed.replace && safe_write::exists(&save.path) {
            self.dialog = Some(Dialog::ConfirmReplace { save });
            return;
        }
        if own_file && let Ok((on_disk, bytes)) = DiskStamp::read(&save.path) {
            let someone_saved = self
                .doc
                .disk()
                .is_some_and(|known| !known.same_contents(&on_disk));
            if someone_saved && !save.confirmed.overwrite_changed {
                self.dialog = Some(Dialog::ChangedOnDisk { save });
                return;
            }
            let comment = || {
                std::str::from_utf8(&bytes)
                    .ok()
                    .and_then(plan_file::first_comment)
            };
            if let Some(at) = comment() {
                if !save.confirmed.drop_comments {
                    let copy = safe_write::aside_path(&save.path, 1).unwrap_or_default();
                    self.dialog = Some(Dialog::DropComments {
                        save,
                        line: at.line,
                        column: at.column,
                        copy,
                    });
                    return;
                }
                // The hand-written version goes aside for good before the save drops it.
                match safe_write::keep_aside(&save.path, &bytes) {
                    Ok(copy) => commented_copy = Some(copy),
                    Err(e) => {
                        let text = crate::tr!(
                            self.prefs.language,
                            "comments-copy-failed",
                            detail = e.message(self.prefs.language),
                            path = save.path.display().to_string()
                        );
                        self.dialog = Some(Dialog::SaveFailed { text, retry: None });
                        return;
                    }
                }
            }
        }
        let language = self.prefs.language;
        match self.doc.save_to(&save.path) {
            Ok(saved) => {
                self.remember_recent(save.path);
                let shown = std::path::absolute(&saved.target).unwrap_or(saved.target);
                let mut text = crate::tr!(
                    language,
                    "notice-saved-to",
                    path = shown.display().to_string()
                );
                if let Some(copy) = commented_copy {
                    text.push(' ');
                    text.push_str(&crate::tr!(
                        language,
                        "notice-comments-kept-in",
                        path = copy.display().to_string()
                    ));
                }
                self.notice = Some(Notice::new(text));
                if let Some(then) = self.after_save.take() {
                    self.run_confirmed(then);
                }
            }
            Err(e) => {
                self.dialog = Some(Dialog::SaveFailed {
                    text: e.message(language),
                    retry: e.is_in_use().then_some(save),
                });
            }
        }
    }

    /// Answers the questions about files (replace, changed on disk, comments, a failed save,
    /// a recovery copy). Any answer that does not save drops what was to follow the save.
    pub(super) fn answer_file_question(&mut self, answer: DialogAnswer) {
        let Some(dialog) = self.dialog.take() else {
            return;
        };
        match (dialog, answer) {
            (Dialog::ConfirmReplace { mut save }, DialogAnswer::Replace(true)) => {
                save.confirmed.replace = true;
                self.save_plan(save);
            }
            (Dialog::ChangedOnDisk { mut save }, DialogAnswer::ChangedOnDisk(answer)) => {
                match answer {
                    ChangedOnDiskAnswer::SaveAs => self.save_as(),
                    ChangedOnDiskAnswer::Overwrite => {
                        save.confirmed.overwrite_changed = true;
                        self.save_plan(save);
                    }
                    ChangedOnDiskAnswer::Reload => {
                        self.after_save = None;
                        if let Err(text) = self.reload_from_disk() {
                            self.message(
                                crate::tr!(self.prefs.language, "app-could-not-reload"),
                                text,
                            );
                        }
                    }
                    ChangedOnDiskAnswer::Cancel => self.after_save = None,
                }
            }
            (Dialog::DropComments { mut save, .. }, DialogAnswer::DropComments(answer)) => {
                match answer {
                    CommentsAnswer::SaveWithout => {
                        save.confirmed.drop_comments = true;
                        self.save_plan(save);
                    }
                    CommentsAnswer::SaveAs => self.save_as(),
                    CommentsAnswer::Cancel => self.after_save = None,
                }
            }
            (Dialog::SaveFailed { retry, .. }, DialogAnswer::SaveFailed(answer)) => match answer {
                SaveFailedAnswer::Retry => match retry {
                    Some(save) => self.save_plan(save),
                    None => self.after_save = None,
                },
                SaveFailedAnswer::SaveAs => self.save_as(),
                SaveFailedAnswer::Close => self.after_save = None,
            },
            (Dialog::Recover { .. }, DialogAnswer::Recover(answer)) => {
                self.answer_recovery(answer);
            }
            (Dialog::ExportFailed { retry, .. }, DialogAnswer::ExportFailed(true)) => {
                if let Some(path) = retry {
                    self.export(&path);
                }
            }
            _ => self.after_save = None,
        }
    }

    /// Reads the plan's file again, keeping what the user is looking at. Unsaved changes are
    /// dropped (the caller asked or there were none). On failure the plan stays as it was and
    /// the message says why.
    fn reload_from_disk(&mut self) -> Result<(), String> {
        let Some(path) = self.doc.path().map(Path::to_path_buf) else {
            return Ok(());
        };
        match plan_file::open(&path) {
            Ok(opened) => {
                let selection = self.view.selection;
                let mut doc = Document::new(opened.plan, Some(path));
                doc.set_disk(Some(opened.stamp));
                self.replace_document(doc);
                self.view.selection = selection;
                Ok(())
            }
            Err(e) => Err(e.message(self.prefs.language)),
        }
    }

    /// The window got the focus back: if someone else saved the plan's file meanwhile, reload
    /// it when there is nothing unsaved, or say that saving will ask.
    pub(super) fn check_file_on_disk(&mut self) {
        if self.dialog.is_some() {
            return;
        }
        let (Some(path), Some(known)) = (self.doc.path().map(Path::to_path_buf), self.doc.disk())
        else {
            return;
        };
        if known == DiskStamp::UNKNOWN {
            // What the file held is not known (a restored copy of an earlier Avance): saving
            // asks; nothing to compare with before.
            return;
        }
        let Ok(metadata) = std::fs::metadata(&path) else {
            return;
        };
        if known.looks_same(&metadata) {
            return;
        }
        let Ok((on_disk, _)) = DiskStamp::read(&path) else {
            return;
        };
        if on_disk.same_contents(&known) {
            self.doc.set_disk(Some(on_disk));
            return;
        }
        let name = self.doc.file_name();
        let language = self.prefs.language;
        let text = if self.doc.is_dirty() {
            crate::tr!(language, "changed-on-disk-kept", name = name)
        } else {
            match self.reload_from_disk() {
                Ok(()) => crate::tr!(language, "changed-on-disk-reopened", name = name),
                // The plan on screen stays; saving will ask before replacing that file.
                Err(why) => crate::tr!(
                    language,
                    "changed-on-disk-not-reopened",
                    name = name,
                    why = why
                ),
            }
        };
        self.notice = Some(Notice::new(text));
    }

    /// Shows the next recovery copy left by a window that did not close cleanly.
    pub(super) fn offer_recovered_copy(&mut self) {
        if let Some(copy) = self.recovered.first() {
            self.dialog = Some(Dialog::Recover {
                source: copy.source.clone(),
                written: copy.written,
            });
        }
    }

    fn answer_recovery(&mut self, answer: RecoverAnswer) {
        if self.recovered.is_empty() {
            return;
        }
        let copy = self.recovered.remove(0);
        match answer {
            // The plan on screen has unsaved changes (a copy restored before): they are saved
            // or discarded first, as before opening any other plan.
            RecoverAnswer::Restore if self.doc.is_dirty() => {
                self.restoring = Some(copy);
                self.dialog = Some(Dialog::UnsavedChanges {
                    then: Command::RestoreRecoveredCopy,
                });
            }
            RecoverAnswer::Restore => self.restore(copy),
            RecoverAnswer::Discard => {
                let _ = copy.remove();
            }
            RecoverAnswer::Later => {}
        }
    }

    /// Restores the copy chosen before the unsaved-changes question (saved or discarded now).
    pub(super) fn restore_chosen_copy(&mut self) {
        if let Some(copy) = self.restoring.take() {
            self.restore(copy);
        }
    }

    /// Opens a recovery copy as unsaved changes to its file (Ctrl+Z goes back to the file's
    /// version), and makes the copy this window's own: it stays until its content is saved or
    /// discarded. The file is known as it was when the edits began, so a file someone saved
    /// since makes saving ask, as for any change on disk.
    fn restore(&mut self, copy: RecoveredCopy) {
        let language = self.prefs.language;
        if let Some(state) = &mut self.recovery {
            match state.store.adopt(&copy) {
                Ok(()) => state.has_copy = true,
                Err(AdoptError::TakenByAnotherWindow) => {
                    self.notice = Some(Notice::new(crate::tr!(
                        language,
                        "recovery-taken-by-another-window"
                    )));
                    return;
                }
                // The copy stays where it is (offered again at the next start); this window
                // keeps its own copy of the restored changes.
                Err(AdoptError::Io(_)) => {}
            }
        }
        let mut notes = Vec::new();
        let doc = match &copy.source {
            Some(source) => match plan_file::open(source) {
                Ok(opened) => {
                    let name = source
                        .file_name()
                        .unwrap_or(source.as_os_str())
                        .to_string_lossy()
                        .into_owned();
                    // A copy written by an earlier Avance does not say: saving will ask.
                    let began_from = copy.disk.unwrap_or(DiskStamp::UNKNOWN);
                    if copy.disk.is_none() {
                        notes.push(crate::tr!(
                            language,
                            "recovery-file-version-unknown",
                            name = name
                        ));
                    } else if !began_from.same_contents(&opened.stamp) {
                        notes.push(crate::tr!(
                            language,
                            "recovery-file-changed-since",
                            name = name
                        ));
                    }
                    let mut doc = Document::new(opened.plan, Some(source.clone()));
                    doc.set_disk(Some(began_from));
                    doc.replace_plan(copy.plan);
                    doc
                }
                Err(e) => {
                    notes.push(crate::tr!(
                        language,
                        "recovery-original-unreadable",
                        note = e.message(language)
                    ));
                    Document::unsaved(copy.plan)
                }
            },
            None => Document::unsaved(copy.plan),
        };
        self.replace_document(doc);
        let mut text = crate::tr!(language, "app-unsaved-changes-restored");
        for note in notes {
            text.push(' ');
            text.push_str(&note);
        }
        self.notice = Some(Notice::new(text));
    }

    /// A new document: whatever the copy held belongs to the previous one.
    pub(super) fn recovery_for_new_document(&mut self) {
        if let Some(state) = &mut self.recovery {
            state.written = None;
            state.last_write = None;
        }
    }

    /// Writes the recovery copy now. A failed write is tried again at the next change or
    /// interval; the first failure in a row is told in a notice.
    fn write_recovery_copy(&mut self) {
        let Some(state) = &mut self.recovery else {
            return;
        };
        if !self.doc.is_dirty() {
            return;
        }
        let written = state
            .store
            .write(self.doc.plan(), self.doc.path(), self.doc.disk());
        state.last_write = Some(Instant::now());
        match written {
            Ok(()) => {
                state.written = Some(self.doc.revision());
                state.has_copy = true;
                state.failing = false;
            }
            Err(e) if !state.failing => {
                state.failing = true;
                let language = self.prefs.language;
                self.notice = Some(Notice::new(crate::tr!(
                    language,
                    "recovery-copy-not-written",
                    detail = e.message(language),
                    folder = state.store.folder().display().to_string()
                )));
            }
            Err(_) => {}
        }
    }

    /// Keeps the recovery copy in step with the plan: written while there are unsaved changes
    /// (at once after a structural edit, otherwise at most every few seconds), removed once
    /// there are none.
    pub(super) fn keep_recovery_copy(&mut self, egui_ctx: &egui::Context, structural: bool) {
        let dirty = self.doc.is_dirty();
        let revision = self.doc.revision();
        let Some(state) = &mut self.recovery else {
            return;
        };
        if !dirty {
            if state.has_copy && state.store.clear().is_ok() {
                state.has_copy = false;
                state.written = None;
            }
            return;
        }
        if state.has_copy && state.written == Some(revision) {
            return;
        }
        let since = state.last_write.map(|t| t.elapsed());
        match since {
            Some(since) if !structural && since < state.interval => {
                egui_ctx.request_repaint_after(state.interval - since);
            }
            _ => {
                self.write_recovery_copy();
            }
        }
    }

    /// A clean exit: the recovery copy and its lock are removed.
    pub(super) fn finish_recovery(&mut self) {
        if let Some(state) = self.recovery.take() {
            let _ = state.store.finish();
        }
    }
}
