//! The window: the open document, what the user is looking at, and the commands that change
//! them. Panels (in [`crate::ui`]) only read this state and send [`Action`]s back.

pub mod document;
pub mod file_picker;
pub mod files;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::io::{export, import, plan_file, seed_plan};
use crate::model::edit::Figure;
use crate::model::validation::Finding;
use crate::model::{Language, Period, Plan};
use crate::ui;
use crate::view::command::CommandState;
use crate::view::dialog::{DialogAnswer, PendingSave};
use crate::view::{
    Action, CellId, Command, Computed, Dialog, Notice, PathPurpose, Prefs, Selection, ViewState,
};
use document::{Document, Untitled};
use file_picker::{FilePicker, NativeFilePicker};

/// The application.
pub struct AvanceApp {
    doc: Document,
    view: ViewState,
    prefs: Prefs,
    figures: Computed,
    file_picker: Box<dyn FilePicker>,
    dialog: Option<Dialog>,
    /// Set once the user agreed to close (saved or discarded).
    close_confirmed: bool,
    /// The title last sent to the window, to send it only when it changes.
    title_sent: String,
    /// What the charts drew last frame, for tests and for hover.
    charts: crate::view::charts::ChartData,
    actions: Vec<Action>,
    /// A short message that does not stop work ("Guardado en …").
    notice: Option<Notice>,
    /// The recovery copy of unsaved changes (`None`: not kept, as in most tests).
    recovery: Option<files::RecoveryState>,
    /// Recovery copies left by windows that did not close cleanly, still to offer.
    recovered: Vec<crate::io::recovery::RecoveredCopy>,
    /// What to run once the save under way succeeds (the command that asked to save first).
    after_save: Option<Command>,
}

/// The name eframe keeps the window's data under (preferences, recovery copies).
pub const APP_ID: &str = "Avance";

/// How often, at most, the recovery copy is rewritten while typing.
pub const RECOVERY_INTERVAL: std::time::Duration = std::time::Duration::from_secs(5);

impl AvanceApp {
    /// The app on the seed plan, or on `path`; with the operating system's dialogs.
    pub fn new(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>) -> Self {
        let prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        let app = Self::with(prefs, path, Box::new(NativeFilePicker));
        match eframe::storage_dir(APP_ID) {
            Some(folder) => app.with_recovery(folder.join("recovery"), RECOVERY_INTERVAL),
            None => app,
        }
    }

    /// The app with given preferences and dialogs (tests answer dialogs with paths).
    pub fn with(prefs: Prefs, path: Option<PathBuf>, file_picker: Box<dyn FilePicker>) -> Self {
        let mut dialog = None;
        let doc = match path {
            None => Document::new(seed_plan(), None),
            Some(path) => match plan_file::open(&path) {
                Ok(opened) => {
                    let mut doc = Document::new(opened.plan, Some(path));
                    doc.set_disk(Some(opened.stamp));
                    doc
                }
                Err(e) => {
                    dialog = Some(Dialog::Message {
                        title: crate::tr!(prefs.language, "mod-could-not-open"),
                        text: format!(
                            "{}\n\n{}",
                            e.message(prefs.language),
                            crate::tr!(prefs.language, "app-example-plan-opened")
                        ),
                    });
                    Document::new(seed_plan(), None)
                }
            },
        };
        let view = Self::fresh_view(doc.plan());
        let figures = Computed::new(doc.plan(), doc.revision(), view.cut);
        let mut app = Self {
            doc,
            view,
            prefs,
            figures,
            file_picker,
            dialog,
            close_confirmed: false,
            title_sent: String::new(),
            charts: crate::view::charts::ChartData::default(),
            actions: Vec::new(),
            notice: None,
            recovery: None,
            recovered: Vec::new(),
            after_save: None,
        };
        if let Some(path) = app.doc.path().map(Path::to_path_buf) {
            app.remember_recent(path);
        }
        app
    }

    fn fresh_view(plan: &Plan) -> ViewState {
        let selection = plan
            .objectives
            .iter()
            .position(|o| o.indicator_count() > 0)
            .map_or(Selection::Plan, Selection::Objective);
        ViewState {
            selection,
            cut: plan.cut,
            drafts: BTreeMap::new(),
            visit: None,
            focus_request: None,
            presenting: false,
        }
    }

    /// The open plan.
    pub fn plan(&self) -> &Plan {
        self.doc.plan()
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// What the user is looking at.
    pub fn view(&self) -> &ViewState {
        &self.view
    }

    /// The figures at the view's cut.
    pub fn figures(&self) -> &Computed {
        &self.figures
    }

    /// What the charts drew in the last frame.
    pub fn chart_data(&self) -> &crate::view::charts::ChartData {
        &self.charts
    }

    /// The question or message on screen, if any.
    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialog.as_ref()
    }

    /// The short message shown without stopping work, if any.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The preferences remembered between sessions.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The window title: file, unsaved mark, plan title.
    pub fn title(&self) -> String {
        let dirty = if self.doc.is_dirty() { " •" } else { "" };
        let name = self.doc.display_name(self.prefs.language);
        format!("{name}{dirty} — {} — Avance", self.doc.plan().title)
    }

    /// Where file dialogs start: the plan's folder, else the last file's, else the user's
    /// home folder; never the folder the program happened to be started from.
    fn start_folder(&self) -> PathBuf {
        self.doc
            .path()
            .or_else(|| self.prefs.recent.first().map(PathBuf::as_path))
            .and_then(Path::parent)
            .filter(|folder| !folder.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .or_else(std::env::home_dir)
            .unwrap_or_default()
    }

    fn remember_recent(&mut self, path: PathBuf) {
        self.prefs.remember_recent(path);
    }

    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.recovery_for_new_document();
        self.view = Self::fresh_view(self.doc.plan());
        // A new document starts its revisions again: recompute now, whatever the key says.
        self.figures = Computed::new(self.doc.plan(), self.doc.revision(), self.view.cut);
        if let Some(path) = self.doc.path().map(Path::to_path_buf) {
            self.remember_recent(path);
        }
    }

    /// The file dialog gave no file. rfd cannot tell a cancel from a dialog the system could
    /// not show (on Linux without an XDG desktop portal or zenity), so the user is asked for the
    /// path, offered pre-filled: nothing happens silently, and a missing dialog never stops work.
    fn ask_for_path(&mut self, purpose: PathPurpose) {
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
            PathPurpose::Import => self.import(import::ImportRequest::new(path), false),
            PathPurpose::ImportIntoOpenPlan => self.import(import::ImportRequest::new(path), true),
            PathPurpose::SaveAs => self.save_plan(PendingSave::new(
                file_picker::with_default_extension(path, plan_file::EXTENSION),
            )),
            PathPurpose::Export => self.export(&file_picker::with_default_extension(path, "xlsx")),
        }
    }

    fn message(&mut self, title: String, text: String) {
        self.dialog = Some(Dialog::Message { title, text });
    }

    /// Runs a command. Commands that would drop unsaved changes ask first.
    pub fn run_command(&mut self, command: Command) {
        let language = self.prefs.language;
        let discards_document = matches!(
            command,
            Command::New | Command::Open | Command::OpenRecent(_) | Command::Import | Command::Quit
        );
        if discards_document && self.doc.is_dirty() {
            self.dialog = Some(Dialog::UnsavedChanges { then: command });
            return;
        }
        self.run_confirmed(command, language);
    }

    fn run_confirmed(&mut self, command: Command, language: Language) {
        match command {
            Command::New => {
                let period: Period = self.doc.plan().period;
                let title = crate::tr!(language, "mod-new-strategic-plan");
                let mut plan = Plan::new(title, period);
                plan.settings.language = language;
                self.replace_document(Document::untitled(plan, Untitled::New));
            }
            Command::Open => match self
                .file_picker
                .pick_plan_to_open(language, &self.start_folder())
            {
                Some(path) => self.open(&path),
                None => self.ask_for_path(PathPurpose::Open),
            },
            Command::OpenRecent(path) => self.open(&path),
            Command::Save => match self.doc.path().map(Path::to_path_buf) {
                Some(path) => self.save_plan(PendingSave::new(path)),
                None => self.save_as(),
            },
            Command::SaveAs => self.save_as(),
            Command::Import => match self
                .file_picker
                .pick_table_to_import(language, &self.start_folder())
            {
                Some(path) => self.import(import::ImportRequest::new(path), false),
                None => self.ask_for_path(PathPurpose::Import),
            },
            Command::ImportIntoOpenPlan => match self
                .file_picker
                .pick_table_to_import(language, &self.start_folder())
            {
                Some(path) => self.import(import::ImportRequest::new(path), true),
                None => self.ask_for_path(PathPurpose::ImportIntoOpenPlan),
            },
            Command::Export => {
                let suggested = self.export_name();
                match self
                    .file_picker
                    .pick_export_path(language, &self.start_folder(), &suggested)
                {
                    Some(path) => self.export(&path),
                    None => self.ask_for_path(PathPurpose::Export),
                }
            }
            Command::Quit => {
                self.close_confirmed = true;
            }
            Command::Undo => {
                if self.doc.undo() {
                    self.view.drafts.clear();
                    self.view.visit = None;
                }
            }
            Command::Redo => {
                if self.doc.redo() {
                    self.view.drafts.clear();
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
            Command::TogglePresentation => self.view.presenting = !self.view.presenting,
        }
    }

    fn open(&mut self, path: &Path) {
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

    /// Imports a matrix as a new, unsaved plan. Bad rows stop the import and are listed, with
    /// the choice to import without them.
    fn import(&mut self, request: import::ImportRequest, into_open_plan: bool) {
        let language = self.prefs.language;
        match request.run() {
            Ok(mut imported) => {
                // The same summary and warnings `avance import` prints.
                let report = imported.report(language);
                let mut lines = report.summary;
                lines.push(crate::tr!(language, "mod-the-plan-is-not"));
                let warnings = report.warnings.iter().chain(&report.unlisted_warnings);
                lines.extend(warnings.map(|line| format!("• {line}")));
                if into_open_plan {
                    import::keep_texts_from(&mut imported.plan, self.doc.plan());
                    self.doc.replace_plan(imported.plan);
                    self.view.cut = self.doc.plan().cut;
                    self.view.drafts.clear();
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
                self.message(crate::tr!(language, "app-import"), lines.join("\n"));
            }
            Err(e) if e.can_skip_bad_rows() => {
                self.dialog = Some(Dialog::ImportProblems {
                    path: request.path,
                    into_open_plan,
                    text: e.message(language),
                });
            }
            Err(e) => {
                let text = format!("{}\n{}", e.message(language), request.path.display());
                self.message(crate::tr!(language, "app-could-not-import"), text);
            }
        }
    }

    /// Exports the plan at the view's cut: CSV for a .csv path, otherwise an Excel workbook.
    fn export(&mut self, path: &Path) {
        let cut = self.view.cut;
        let format = export::ExportFormat::of_path(path);
        let language = self.prefs.language;
        match export::export(self.doc.plan(), cut, format, path) {
            Ok(()) => self.message(
                crate::tr!(language, "app-exported"),
                format!(
                    "{} {}: {}",
                    crate::tr!(language, "mod-plan-exported-at-the"),
                    cut.date(),
                    path.display()
                ),
            ),
            Err(e) => {
                let text = e.message(language);
                self.message(
                    crate::tr!(self.prefs.language, "app-could-not-export"),
                    text,
                );
            }
        }
    }

    /// Answers the import-problems question: import without the listed rows, or not at all.
    pub fn answer_import_problems(&mut self, import_anyway: bool) {
        if let Some(Dialog::ImportProblems {
            path,
            into_open_plan,
            ..
        }) = self.dialog.take()
            && import_anyway
        {
            self.import(
                import::ImportRequest::new(path).skipping_bad_rows(),
                into_open_plan,
            );
        }
    }

    /// Answers the unsaved-changes question: save (then continue), discard, or cancel.
    pub fn answer_unsaved(&mut self, answer: crate::view::dialog::UnsavedAnswer) {
        let Some(Dialog::UnsavedChanges { then }) = self.dialog.take() else {
            return;
        };
        let language = self.prefs.language;
        match answer {
            crate::view::dialog::UnsavedAnswer::Save => {
                // Runs `then` once saved, which may take more answers (a path, a question).
                self.after_save = Some(then);
                self.run_confirmed(Command::Save, language);
            }
            crate::view::dialog::UnsavedAnswer::Discard => self.run_confirmed(then, language),
            crate::view::dialog::UnsavedAnswer::Cancel => {}
        }
    }

    /// Applies the frame's actions; whether one changed the plan's structure (then the
    /// recovery copy is written at once).
    fn apply_actions(&mut self, ctx: &egui::Context) -> bool {
        let actions = std::mem::take(&mut self.actions);
        let mut changed = false;
        let mut structural = false;
        for action in actions {
            match action {
                Action::Command(command) => {
                    self.run_command(command);
                    changed = true;
                }
                Action::Edit(edit, group) => {
                    structural |= files::is_structural(&edit);
                    // An edit that points at a removed item is dropped: nothing to change.
                    changed |= self.doc.apply(edit, group).is_ok();
                }
                Action::CancelCellEdit { group, restore } => {
                    changed |=
                        self.doc.cancel_group(group) || self.doc.apply(restore, None).is_ok();
                }
                Action::EndEditGroup => self.doc.end_group(),
                Action::EditBatch(edits) => {
                    structural = true;
                    changed |= self.doc.apply_all(edits).is_ok();
                }
                Action::Notify { title, text } => {
                    self.dialog = Some(Dialog::Message { title, text });
                    changed = true;
                }
                Action::Select(selection) => {
                    self.view.selection = selection;
                    changed = true;
                }
                Action::SetCut(cut) => {
                    self.view.cut = cut;
                    self.view.drafts.clear();
                    self.view.visit = None;
                    changed = true;
                }
                Action::Reveal(finding) => {
                    self.reveal(&finding);
                    changed = true;
                }
                Action::FocusCell(cell) => {
                    self.focus_cell(cell);
                    changed = true;
                }
            }
        }
        self.clamp_selection();
        if !self.figures.is_current(self.doc.revision(), self.view.cut) {
            self.figures = Computed::new(self.doc.plan(), self.doc.revision(), self.view.cut);
        }
        if changed {
            // Draw the frame again so every panel shows the new figures in this same frame.
            ctx.request_discard("the plan or the view changed");
        }
        structural
    }

    /// Selects what a finding is about and focuses its cell when it has one.
    fn reveal(&mut self, finding: &Finding) {
        let Some(objective) = finding.location.objective else {
            self.view.selection = Selection::Plan;
            return;
        };
        let Some(at) = finding.location.indicator else {
            self.view.selection = Selection::Objective(objective.index);
            return;
        };
        match finding.location.field.figure() {
            Some((vigencia, figure)) => self.focus_cell(CellId {
                at,
                vigencia,
                figure,
            }),
            None => self.view.selection = Selection::Indicator(at),
        }
    }

    /// Shows the cell's objective at the cell's vigencia and focuses the cell.
    fn focus_cell(&mut self, cell: CellId) {
        self.view.selection = Selection::Objective(cell.at.objective);
        if cell.figure != Figure::Programmed {
            self.view.cut.vigencia = cell.vigencia;
        }
        self.view.focus_request = Some(cell);
    }

    /// Keeps the selection pointing at something that exists after removals and undo.
    fn clamp_selection(&mut self) {
        let plan = self.doc.plan();
        let exists = match self.view.selection {
            Selection::Plan => true,
            Selection::Objective(o) => o < plan.objectives.len(),
            Selection::Meta { objective, meta } => plan
                .objectives
                .get(objective)
                .is_some_and(|o| meta < o.metas.len()),
            Selection::Indicator(at) => plan.indicator(at).is_some(),
        };
        if !exists {
            self.view.selection = self
                .view
                .selection
                .objective()
                .filter(|o| *o < plan.objectives.len())
                .map_or(Selection::Plan, Selection::Objective);
        }
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        if self.dialog.is_some() {
            return;
        }
        if self.view.presenting
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.actions
                .push(Action::Command(Command::TogglePresentation));
        }
        for command in Command::WITH_SHORTCUTS {
            let pressed = ctx.input_mut(|i| {
                command.shortcut().is_some_and(|s| i.consume_shortcut(&s))
                    || command
                        .alternative_shortcut()
                        .is_some_and(|s| i.consume_shortcut(&s))
            });
            if pressed {
                self.actions.push(Action::Command(command));
            }
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        let asked_to_close = ctx.input(|i| i.viewport().close_requested());
        if asked_to_close && !self.close_confirmed {
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.dialog = Some(Dialog::UnsavedChanges {
                    then: Command::Quit,
                });
            } else {
                self.close_confirmed = true;
            }
        }
    }
}

impl eframe::App for AvanceApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        ctx.set_theme(if self.prefs.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        self.handle_shortcuts(&ctx);
        self.handle_close_request(&ctx);
        if ctx.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(true)))
        }) {
            self.check_file_on_disk();
        }

        let title = self.title();
        if title != self.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }

        let language = self.prefs.language;
        let mut panels = ui::PanelContext {
            plan: self.doc.plan(),
            computed: &self.figures,
            view: &mut self.view,
            prefs: &self.prefs,
            commands: CommandState {
                can_undo: self.doc.can_undo(),
                can_redo: self.doc.can_redo(),
            },
            language,
            actions: &mut self.actions,
        };
        self.charts = ui::panels_ui(ui, &mut panels);

        if let Some(dialog) = &mut self.dialog {
            match ui::dialog::dialog_ui(&ctx, dialog, language) {
                Some(DialogAnswer::Unsaved(answer)) => self.answer_unsaved(answer),
                Some(DialogAnswer::Dismiss) => self.dialog = None,
                Some(DialogAnswer::ImportAnyway(yes)) => self.answer_import_problems(yes),
                Some(DialogAnswer::TypedPath(path)) => self.answer_typed_path(path),
                Some(answer) => self.answer_file_question(answer),
                None => {}
            }
        }
        if self.dialog.is_none() {
            self.offer_recovered_copy();
        }
        if let Some(notice) = &mut self.notice
            && ui::dialog::notice_ui(&ctx, notice)
        {
            self.notice = None;
        }
        let structural = self.apply_actions(&ctx);
        if self.close_confirmed {
            self.finish_recovery();
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            self.keep_recovery_copy(&ctx, structural);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A shutdown that did not ask (the session ends) keeps the copy of unsaved changes.
        if self.close_confirmed || !self.doc.is_dirty() {
            self.finish_recovery();
        }
    }
}

/// Opens the window on `path` (or the seed's plan) and runs until it closes.
pub fn run_window(path: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Avance")
            .with_inner_size([1366.0, 768.0])
            .with_min_inner_size([900.0, 560.0]),
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| Ok(Box::new(AvanceApp::new(cc, path)))),
    )
}
