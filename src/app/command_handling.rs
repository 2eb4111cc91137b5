//! Every [`Command`] the menus, buttons and shortcuts send is carried out here: files, import
//! and export, undo and redo, language, theme, presentation; and the answers to the questions
//! those commands ask.

use std::path::Path;

use super::document::{Document, Untitled};
use super::file_dialogs::FileFor;
use super::{AvanceApp, SlidesExport, file_picker, files};
use crate::io::{export, import, plan_file};
use crate::model::Period;
use crate::model::edit::Edit;
use crate::model::search;
use crate::view::dialog::{ImportTarget, PendingSave, RefusedAnswer, ReweightAnswer};
use crate::view::new_plan::{NewPlanForm, NewPlanSpec};
use crate::view::refused::{EntryBox, refused_entries};
use crate::view::reweight::Reweighting;
use crate::view::{Action, Command, Dialog, Find, Notice, PathPurpose, Selection};

impl AvanceApp {
    /// The file dialog gave no file. rfd cannot tell a cancel from a dialog the system could
    /// not show (on Linux without an XDG desktop portal or zenity), so the user is asked for the
    /// path, offered pre-filled: nothing happens silently, and a missing dialog never stops work.
    pub(super) fn ask_for_path(&mut self, purpose: PathPurpose) {
        self.dialog = Some(Dialog::TypePath {
            purpose,
            input: self.offered_path(purpose),
            fresh: true,
        });
    }

    /// Carries out what the typed path was for; an empty path cancels. `~` is the user's
    /// folder; a name alone is taken in the plan's folder (the one offered).
    pub fn answer_typed_path(&mut self, path: Option<String>) {
        let Some(Dialog::TypePath { purpose, .. }) = self.dialog.take() else {
            return;
        };
        let Some(text) = path.map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()) else {
            self.after_save = None;
            return;
        };
        let path = files::expand_typed_path(&text, &self.plan_folder());
        match purpose {
            PathPurpose::Open => self.open(&path),
            PathPurpose::Import => {
                self.import(import::ImportRequest::new(path), ImportTarget::NewPlan)
            }
            PathPurpose::ImportIntoOpenPlan => {
                self.import(import::ImportRequest::new(path), ImportTarget::OpenPlan)
            }
            // A folder typed alone: the file goes inside it, under the name offered.
            PathPurpose::SaveAs if path.is_dir() => {
                self.save_plan(PendingSave::new(path.join(self.doc.file_name())))
            }
            PathPurpose::SaveAs => self.save_plan(PendingSave::new(
                file_picker::with_default_extension(path, plan_file::EXTENSION),
            )),
            PathPurpose::Export if path.is_dir() => self.export(&path.join(self.export_name())),
            PathPurpose::Export => self.export(&file_picker::with_default_extension(path, "xlsx")),
            PathPurpose::Compare => self.compare_with(&path),
            PathPurpose::ExportSlides => self.export_slides(&path),
            PathPurpose::SplitByEntity => self.split_by_entity(&path),
        }
    }

    pub(super) fn message(&mut self, title: String, text: String) {
        self.dialog = Some(Dialog::Message { title, text });
    }

    /// Runs a command. Commands that would drop unsaved changes ask first.
    pub fn run_command(&mut self, command: Command) {
        if command.declaration().discards_document && self.has_unsaved_work() {
            self.dialog = Some(Dialog::UnsavedChanges { then: command });
            return;
        }
        self.run_confirmed(command);
    }

    pub(super) fn run_confirmed(&mut self, command: Command) {
        match command {
            Command::New => {
                self.dialog = Some(Dialog::NewPlan(Box::new(NewPlanForm::new(
                    self.doc.plan().period,
                    self.prefs.language,
                ))));
            }
            Command::Open
            | Command::Import
            | Command::ImportIntoOpenPlan
            | Command::Export
            | Command::Compare
            | Command::ExportSlides
            | Command::SplitByEntity => self.ask_file_for(&command),
            Command::OpenRecent(path) => self.open(&path),
            Command::OpenExample => {
                self.replace_document(Document::new(crate::io::seed_plan(), None));
            }
            Command::Save => {
                self.apply_typed_thresholds();
                if self.ask_about_refused_texts(Command::Save) {
                    return;
                }
                match self.doc.path().map(Path::to_path_buf) {
                    Some(path) => self.save_plan(PendingSave::new(path)),
                    None => self.save_as(),
                }
            }
            Command::SaveAs => {
                self.apply_typed_thresholds();
                if self.ask_about_refused_texts(Command::SaveAs) {
                    return;
                }
                self.save_as();
            }
            Command::Consolidate => self.start_consolidation(),
            Command::Quit => {
                self.close_confirmed = true;
            }
            Command::Undo => {
                self.view.thresholds_form = None;
                if self.doc.undo() {
                    self.view.drop_drafts();
                    self.view.visit = None;
                }
            }
            Command::Redo => {
                self.view.thresholds_form = None;
                if self.doc.redo() {
                    self.view.drop_drafts();
                    self.view.visit = None;
                }
            }
            Command::SetLanguage(language) => {
                self.prefs.language = language;
                // Keep the texts not accepted yet; one that reads as a number in the new
                // language was never accepted either, so it gives way to the plan's value.
                self.view.drafts.retain(|_, d| d.error(language).is_some());
            }
            Command::ToggleTheme => self.prefs.dark = !self.prefs.dark,
            Command::Find => {
                let query = self.view.find.take().map(|f| f.query).unwrap_or_default();
                let hits = search::find(self.doc.plan(), &query);
                self.view.find = Some(Find {
                    query,
                    hits,
                    current: None,
                    fresh: true,
                });
            }
            Command::FindNext => self.find_next(),
            Command::Help => self.view.help_open = !self.view.help_open,
            Command::TogglePresentation => {
                self.view.presenting = !self.view.presenting;
                self.view.slide = 0;
            }
            Command::NextSlide
            | Command::PreviousSlide
            | Command::FirstSlide
            | Command::LastSlide
            | Command::ObjectiveSlide(_) => self.go_to_slide(&command),
            Command::ToggleSlideOrder => self.view.slide_order = self.view.slide_order.toggled(),
            Command::RestoreRecoveredCopy => self.restore_chosen_copy(),
            Command::Reweight => {
                let language = self.prefs.language;
                if let Some(why) = crate::model::reweight::refused(self.doc.plan()) {
                    let title = crate::tr!(language, "command-reweight");
                    self.message(title, why.message(language));
                    return;
                }
                let objective = self.view.selection.objective().unwrap_or(0);
                let reweighting = Reweighting::new(
                    self.doc.plan(),
                    objective,
                    self.doc.plan().cut.vigencia,
                    self.prefs.language,
                );
                self.dialog = Some(Dialog::Reweight(Box::new(reweighting)));
            }
        }
    }

    /// Thresholds typed in the plan's settings and not applied yet are applied before a save
    /// (as a spreadsheet takes the cell being typed in): what the form shows is what the file
    /// gets. Thresholds that cannot be applied stay in the form, in red, with their reason.
    fn apply_typed_thresholds(&mut self) {
        let Some(form) = &self.view.thresholds_form else {
            return;
        };
        if let Ok(lights) = form.parse(self.prefs.language) {
            if lights != self.doc.plan().settings.traffic_lights {
                let _ = self.doc.apply(Edit::TrafficLights(lights), None);
            }
            self.view.thresholds_form = None;
        }
    }

    /// Whether closing the plan would lose something: changes not saved, or a text typed and
    /// not accepted (a cell in red…), which the plan never had and a save asks about.
    pub(super) fn has_unsaved_work(&self) -> bool {
        self.doc.is_dirty()
            || !refused_entries(self.doc.plan(), &self.view, self.prefs.language).is_empty()
    }

    /// Before a save: texts on screen that were not accepted (a cell in red, a línea base,
    /// thresholds that cannot apply) are asked about first, naming each and the value the file
    /// will get. Returns whether the question is up.
    fn ask_about_refused_texts(&mut self, then: Command) -> bool {
        let entries = refused_entries(self.doc.plan(), &self.view, self.prefs.language);
        if entries.is_empty() {
            return false;
        }
        self.dialog = Some(Dialog::RefusedTexts { then, entries });
        true
    }

    /// Correct the texts not accepted (go to the first; nothing is saved), or save without
    /// them: the file gets the values the plan holds, the boxes show them again.
    pub(super) fn answer_refused_texts(&mut self, answer: RefusedAnswer) {
        let Some(Dialog::RefusedTexts { then, entries }) = self.dialog.take() else {
            return;
        };
        let language = self.prefs.language;
        match answer {
            RefusedAnswer::Correct => {
                self.after_save = None;
                match entries.first().map(|e| e.entry) {
                    Some(EntryBox::Cell(cell)) => self.focus_cell(cell),
                    Some(EntryBox::Threshold(_) | EntryBox::EntityName(_)) => {
                        self.view.selection = Selection::Plan;
                    }
                    None => {}
                }
            }
            RefusedAnswer::SaveWithout => {
                self.view.drop_refused(language);
                self.run_confirmed(then);
            }
        }
    }

    /// Moves between the committee slides; stays put at either end.
    fn go_to_slide(&mut self, command: &Command) {
        let plan = self.doc.plan();
        let (progress, order) = (&self.figures.progress, self.view.slide_order);
        let last = crate::view::slides::slide_keys(plan, progress, order)
            .len()
            .saturating_sub(1);
        let current = self.view.slide.min(last);
        self.view.slide = match command {
            Command::NextSlide => (current + 1).min(last),
            Command::PreviousSlide => current.saturating_sub(1),
            Command::FirstSlide => 0,
            Command::LastSlide => last,
            Command::ObjectiveSlide(number) => {
                crate::view::slides::first_slide_of_objective(plan, progress, order, *number)
                    .unwrap_or(current)
            }
            _ => current,
        };
    }

    pub(super) fn open(&mut self, path: &Path) {
        match plan_file::open(path) {
            Ok(opened) => {
                let mut doc = Document::new(opened.plan, Some(path.to_path_buf()));
                doc.set_disk(Some(opened.stamp));
                self.replace_document(doc);
            }
            Err(e) => {
                let text = e.message(self.prefs.language);
                self.message(crate::tr!(self.prefs.language, "app-could-not-open"), text);
            }
        }
    }

    /// Imports a matrix as a new, unsaved plan, or into the open plan (only what the matrix
    /// carries changes; one Ctrl+Z undoes it). Bad rows stop the import and are listed, with
    /// the choice to import without them.
    pub(super) fn import(&mut self, request: import::ImportRequest, target: ImportTarget) {
        let language = self.prefs.language;
        let result = match target {
            ImportTarget::OpenPlan => request.run_into(self.doc.plan()),
            ImportTarget::NewPlan => request.run(),
        };
        match result {
            Ok(imported) => {
                // The same summary and warnings `avance import` prints.
                let report = imported.report(language);
                let has_warnings =
                    !report.warnings.is_empty() || report.unlisted_warnings.is_some();
                // An import into the open plan that changes nothing leaves a saved plan saved:
                // "not saved yet" would send the officer to save for nothing.
                let unsaved = target == ImportTarget::NewPlan
                    || self.doc.is_dirty()
                    || imported.plan != *self.doc.plan();
                // The notice: the summary `avance import` prints, where it was read, and
                // whether anything is left to save.
                let notice = format!(
                    "{}\n{}",
                    report.summary.join("\n"),
                    if unsaved {
                        crate::tr!(
                            language,
                            "app-imported-from",
                            path = absolute(&request.path)
                        )
                    } else {
                        crate::tr!(
                            language,
                            "app-imported-nothing-changed",
                            path = absolute(&request.path)
                        )
                    }
                );
                let mut lines = report.summary;
                if unsaved {
                    lines.push(crate::tr!(language, "app-not-saved-yet"));
                }
                let warnings = report.warnings.iter().chain(&report.unlisted_warnings);
                lines.extend(warnings.map(|line| format!("• {line}")));
                if target == ImportTarget::OpenPlan {
                    self.doc.replace_plan(imported.plan);
                    self.view.drop_drafts();
                    self.view.visit = None;
                    lines.push(crate::tr!(language, "app-open-plan-texts-kept"));
                } else {
                    let from = request
                        .path
                        .file_stem()
                        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
                    let kind = Untitled::Imported(from);
                    self.replace_document(Document::untitled(imported.plan, kind));
                }
                self.notice = Some(Notice::new(notice));
                // Warnings need reading: the whole summary stays on screen until dismissed.
                if has_warnings {
                    self.message(crate::tr!(language, "app-import"), lines.join("\n"));
                }
            }
            Err(e) if e.can_skip_bad_rows() => {
                self.dialog = Some(Dialog::ImportProblems {
                    path: request.path,
                    target,
                    text: e.message(language),
                });
            }
            Err(e) => {
                let text = e.message_about(&request.path, language);
                self.message(crate::tr!(language, "app-could-not-import"), text);
            }
        }
    }

    /// Exports the plan at the view's cut: CSV for a .csv path, otherwise an Excel workbook.
    pub(super) fn export(&mut self, path: &Path) {
        let cut = self.doc.plan().cut;
        let format = export::ExportFormat::of_path(path);
        let language = self.prefs.language;
        let over_the_plan = self
            .doc
            .path()
            .map_or(Ok(()), |plan| export::not_over_the_plan(path, plan));
        match over_the_plan.and_then(|()| export::export(self.doc.plan(), cut, format, path)) {
            Ok(()) => {
                self.notice = Some(Notice::new(crate::tr!(
                    language,
                    "app-exported-to",
                    cut = cut.date(),
                    path = absolute(path)
                )));
            }
            Err(e) => {
                self.dialog = Some(Dialog::ExportFailed {
                    text: e.message(language),
                    retry: e.is_in_use().then(|| path.to_path_buf()),
                });
            }
        }
    }

    /// Goes to the next indicator the find bar found: selected in the tree (opened down to it)
    /// and in its objective's grid.
    pub(super) fn find_next(&mut self) {
        let Some(find) = &mut self.view.find else {
            self.run_command(Command::Find);
            return;
        };
        if find.hits.is_empty() {
            return;
        }
        let next = find.current.map_or(0, |i| (i + 1) % find.hits.len());
        find.current = Some(next);
        self.view.selection = Selection::Indicator(find.hits[next]);
        self.view.next_frame.reveal_selection = true;
    }

    /// Archivo → Nuevo answered: a new, untitled plan with the frame typed.
    pub fn answer_new_plan(&mut self, spec: Option<Box<NewPlanSpec>>) {
        self.dialog = None;
        if let Some(spec) = spec {
            let plan = spec.plan(self.prefs.language);
            self.replace_document(Document::untitled(plan, Untitled::New));
        }
    }

    /// Removes the objective at `objective` (one undo step), after asking when it has
    /// indicators; the objective before it (or the new one in its place) is selected.
    pub(super) fn remove_objective(&mut self, objective: usize, confirmed: bool) {
        let Some(found) = self.doc.plan().objectives.get(objective) else {
            return;
        };
        let indicators = found.indicator_count();
        if indicators > 0 && !confirmed {
            self.dialog = Some(Dialog::RemoveObjective {
                objective,
                number: found.number,
                indicators,
            });
            return;
        }
        if self
            .doc
            .apply(Edit::RemoveObjective { objective }, None)
            .is_ok()
        {
            self.view.selection = Selection::Objective(objective.saturating_sub(1));
        }
    }

    /// The answer to "remove objective N and its indicators?".
    pub fn answer_remove_objective(&mut self, remove: bool) {
        let Some(Dialog::RemoveObjective { objective, .. }) = self.dialog.take() else {
            return;
        };
        if remove {
            self.remove_objective(objective, true);
        }
    }

    /// Removes the entity at `entity` (one undo step), after asking when indicators name it
    /// (they keep the name; validation then says it is not among the plan's entities).
    pub(super) fn remove_entity(&mut self, entity: usize, confirmed: bool) {
        let plan = self.doc.plan();
        let Some(found) = plan.entities.get(entity) else {
            return;
        };
        let indicators = plan.indicators_of_entity(entity);
        if indicators > 0 && !confirmed {
            self.dialog = Some(Dialog::RemoveEntity {
                entity,
                name: found.name.clone(),
                indicators,
            });
            return;
        }
        if self.doc.apply(Edit::RemoveEntity { entity }, None).is_ok() {
            self.view.entity_names.clear();
        }
    }

    /// The answer to "remove entity X, which N indicators name?".
    pub fn answer_remove_entity(&mut self, remove: bool) {
        let Some(Dialog::RemoveEntity { entity, .. }) = self.dialog.take() else {
            return;
        };
        if remove {
            self.remove_entity(entity, true);
        }
    }

    /// Sets the plan's period (one undo step), after asking when it drops figures of the
    /// vigencias it leaves out, saying how many.
    pub(super) fn set_period(&mut self, period: Period, confirmed: bool) {
        let figures = self.doc.plan().figures_outside(period);
        if figures > 0 && !confirmed {
            self.dialog = Some(Dialog::ShortenPeriod { period, figures });
            return;
        }
        if self.doc.apply(Edit::Period(period), None).is_ok() {
            self.view.period_form = None;
            self.view.drop_drafts();
            self.view.visit = None;
        }
    }

    /// The answer to "the new period drops N figures".
    pub fn answer_shorten_period(&mut self, set: bool) {
        let Some(Dialog::ShortenPeriod { period, .. }) = self.dialog.take() else {
            return;
        };
        if set {
            self.set_period(period, true);
        }
    }

    /// Writes the comment the box holds (one undo step), or nothing when cancelled.
    pub fn answer_comment(&mut self, text: Option<String>) {
        let Some(Dialog::Comment {
            at,
            vigencia,
            quarter,
            ..
        }) = self.dialog.take()
        else {
            return;
        };
        if let Some(text) = text {
            let edit = Edit::Comment {
                at,
                vigencia,
                quarter,
                text: text.trim_end().to_owned(),
            };
            // An edit pointing at an indicator removed meanwhile changes nothing.
            let _ = self.doc.apply(edit, None);
        }
    }

    /// The weights dialog's answer: propose again, apply the proposal as one undo step (the
    /// cells it writes lose any text left red), or close.
    pub(super) fn answer_reweight(&mut self, answer: ReweightAnswer) {
        let Some(Dialog::Reweight(mut reweighting)) = self.dialog.take() else {
            return;
        };
        match answer {
            ReweightAnswer::Changed => {
                reweighting.refresh(self.doc.plan(), self.prefs.language);
                self.dialog = Some(Dialog::Reweight(reweighting));
            }
            ReweightAnswer::Apply => self.actions.push(Action::EditBatch(reweighting.edits)),
            ReweightAnswer::Cancel => {}
        }
    }

    /// Writes one plan file per entity of the open plan (as it is now, saved or not) into
    /// `folder`, as `avance split` does; files already there are not replaced (the message
    /// names the first). Says what was written where.
    pub(super) fn split_by_entity(&mut self, folder: &Path) {
        let language = self.prefs.language;
        match crate::io::split::write_parts(self.doc.plan(), folder, false, language) {
            Ok(parts) => {
                let lines = crate::io::split::summary(&parts, folder, language);
                self.message(crate::tr!(language, "split-done-title"), lines.join("\n"));
            }
            Err(e) => self.message(
                crate::tr!(language, "split-failed-title"),
                e.message(language),
            ),
        }
    }

    /// Asks for the file (or folder) the command is declared to work on.
    fn ask_file_for(&mut self, command: &Command) {
        if let Some(purpose) = command.declaration().file_dialog {
            self.ask_file(FileFor::Path(purpose));
        }
    }

    /// Writes the briefing pack at the view's cut into `folder`: one PNG per slide and the
    /// PDF, drawn as the slides are on screen, indicators in the slides' order. Files already
    /// there are not replaced: the message names the first. Drawing takes a few seconds, so it
    /// runs beside the window (which stays usable, a notice saying it is under way) on a copy
    /// of the plan as it is now; [`Self::poll_slides_export`] tells the result.
    pub(super) fn export_slides(&mut self, folder: &Path) {
        let language = self.prefs.language;
        if self.slides_export.is_some() {
            self.notice = Some(Notice::new(crate::tr!(language, "app-slides-exporting")));
            return;
        }
        let options = crate::briefing::PackOptions {
            order: self.view.slide_order,
            ..crate::briefing::PackOptions::new(language)
        };
        let plan = self.doc.plan().clone();
        let cut = self.doc.plan().cut;
        let folder = folder.to_path_buf();
        let (send, receive) = std::sync::mpsc::channel();
        let job_folder = folder.clone();
        std::thread::spawn(move || {
            let _ = send.send(crate::briefing::write_pack(
                &plan,
                cut,
                &job_folder,
                &options,
            ));
        });
        self.slides_export = Some(SlidesExport {
            folder,
            cut,
            result: receive,
        });
        self.notice = Some(Notice::new(crate::tr!(language, "app-slides-exporting")));
    }

    /// Tells how the briefing pack under way ended, once it has; asks for frames meanwhile.
    pub(super) fn poll_slides_export(&mut self, egui_ctx: &egui::Context) {
        let Some(job) = &self.slides_export else {
            return;
        };
        let outcome = match job.result.try_recv() {
            Ok(outcome) => outcome,
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                egui_ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                Err(crate::briefing::PackError::Encode("interrupted".to_owned()))
            }
        };
        let SlidesExport { folder, cut, .. } = self.slides_export.take().expect("a job");
        let language = self.prefs.language;
        self.notice = None;
        match outcome {
            Ok(pack) => self.message(
                crate::tr!(language, "app-slides-exported"),
                crate::tr!(
                    language,
                    "app-slides-exported-text",
                    count = pack.slides,
                    date = cut.date(),
                    path = folder.display().to_string()
                ),
            ),
            Err(e) => self.message(
                crate::tr!(language, "app-could-not-export-slides"),
                e.message(language),
            ),
        }
    }

    /// Answers the import-problems question: import without the listed rows, or not at all.
    pub fn answer_import_problems(&mut self, import_anyway: bool) {
        if let Some(Dialog::ImportProblems { path, target, .. }) = self.dialog.take()
            && import_anyway
        {
            self.import(import::ImportRequest::new(path).skipping_bad_rows(), target);
        }
    }

    /// Answers the unsaved-changes question: save (then continue), discard, or cancel.
    pub fn answer_unsaved(&mut self, answer: crate::view::dialog::UnsavedAnswer) {
        let Some(Dialog::UnsavedChanges { then }) = self.dialog.take() else {
            return;
        };
        match answer {
            crate::view::dialog::UnsavedAnswer::Save => {
                // Runs `then` once saved, which may take more answers (a path, a question).
                self.after_save = Some(then);
                self.run_confirmed(Command::Save);
            }
            crate::view::dialog::UnsavedAnswer::Discard => self.run_confirmed(then),
            // A recovery copy waiting for this answer stays on disk, offered at the next start.
            crate::view::dialog::UnsavedAnswer::Cancel => self.restoring = None,
        }
    }
}

/// A path as the user should read it in a notice: whole, from the root.
fn absolute(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}
