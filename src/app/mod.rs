//! The window: the open document, what the user is looking at, and the commands that change
//! them. Panels (in [`crate::ui`]) only read this state and send [`Action`]s back.

pub mod command;
pub mod dialogs;
pub mod document;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::io::{SEED_PLAN_NAME, export, import, plan_file, seed_plan};
use crate::model::edit::{Edit, Figure, IndicatorPath};
use crate::model::validation::{Field, Finding, validate};
use crate::model::{Cut, Language, Period, Plan, PlanProgress, Vigencia};
use crate::ui;
use command::Command;
use dialogs::{FileDialogs, NativeDialogs};
use document::Document;

/// How many recent files the Archivo menu remembers.
const MAX_RECENT: usize = 8;

/// What is remembered between sessions (eframe storage).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub language: Language,
    pub dark: bool,
    pub recent: Vec<PathBuf>,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            language: Language::Es,
            dark: false,
            recent: Vec::new(),
        }
    }
}

/// The node of the plan tree the user selected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    Plan,
    Objective(usize),
    Meta { objective: usize, meta: usize },
    Indicator(IndicatorPath),
}

impl Selection {
    /// The objective the selection belongs to, if any.
    pub fn objective(self) -> Option<usize> {
        match self {
            Selection::Plan => None,
            Selection::Objective(o) | Selection::Meta { objective: o, .. } => Some(o),
            Selection::Indicator(at) => Some(at.objective),
        }
    }
}

/// One editable number cell of the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellId {
    pub at: IndicatorPath,
    pub vigencia: Vigencia,
    pub figure: Figure,
}

impl CellId {
    /// The egui id of the cell's text field.
    pub fn widget_id(self) -> egui::Id {
        egui::Id::unique(("avance-cell", self))
    }
}

/// Text typed in a cell that is not (yet) in the plan: the cell being edited, or a cell whose
/// text is not a number. The plan never takes a bad value; the text stays until fixed or Esc.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub text: String,
    /// Why the text is not a number, in the user's language.
    pub error: Option<String>,
    /// The value the cell had when editing started, restored by Esc.
    pub original: Option<rust_decimal::Decimal>,
}

/// What the user is looking at: runtime state, not saved in the plan.
#[derive(Clone, Debug)]
pub struct ViewState {
    pub selection: Selection,
    /// Every figure on screen is at this cut.
    pub cut: Cut,
    pub drafts: BTreeMap<CellId, Draft>,
    /// A cell to focus on the next frame (Enter moves down; a finding selects its cell).
    pub focus_request: Option<CellId>,
    /// Presenting to the committee: only the cut and the charts, large.
    pub presenting: bool,
}

/// What a panel asks for; applied once the frame's panels are drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Command(Command),
    /// An edit; edits with the same group in a row undo together.
    Edit(Edit, Option<egui::Id>),
    /// Several edits that undo together (a pasted block).
    EditBatch(Vec<Edit>),
    /// A message to show.
    Notify {
        title: String,
        text: String,
    },
    Select(Selection),
    SetCut(Cut),
    /// Go to where a finding points.
    Reveal(Finding),
    /// Select a cell's objective and focus the cell.
    FocusCell(CellId),
}

/// The figures of the open plan at the view's cut, recomputed only when plan or cut change.
pub struct Figures {
    pub progress: PlanProgress,
    pub findings: Vec<Finding>,
    key: (u64, Cut),
}

/// A question or message shown over the window.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// Unsaved changes: Guardar / Descartar / Cancelar, then `then`.
    UnsavedChanges { then: Command },
    /// A message (an error reading or writing a file, a cancelled dialog).
    Message { title: String, text: String },
    /// An import stopped on bad rows: import without them, or cancel.
    ImportProblems {
        path: PathBuf,
        into_open_plan: bool,
        text: String,
    },
    /// The file dialog gave no file (cancelled, or the system could not show one): the user
    /// may type the path instead, or cancel.
    TypePath { purpose: PathPurpose, input: String },
}

/// What a typed path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    Import,
    ImportIntoOpenPlan,
    Export,
}

/// The application.
pub struct AvanceApp {
    doc: Document,
    view: ViewState,
    prefs: Prefs,
    figures: Figures,
    dialogs: Box<dyn FileDialogs>,
    dialog: Option<Dialog>,
    /// Set once the user agreed to close (saved or discarded).
    close_confirmed: bool,
    /// The title last sent to the window, to send it only when it changes.
    title_sent: String,
    /// What the charts drew last frame, for tests and for hover.
    charts: ui::charts::ChartData,
    actions: Vec<Action>,
}

impl AvanceApp {
    /// The app on the seed plan, or on `path`; with the operating system's dialogs.
    pub fn new(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>) -> Self {
        let prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        Self::with(prefs, path, Box::new(NativeDialogs))
    }

    /// The app with given preferences and dialogs (tests answer dialogs with paths).
    pub fn with(prefs: Prefs, path: Option<PathBuf>, dialogs: Box<dyn FileDialogs>) -> Self {
        let mut dialog = None;
        let doc = match path {
            None => Document::new(seed_plan(), None),
            Some(path) => match plan_file::load(&path) {
                Ok(plan) => Document::new(plan, Some(path)),
                Err(e) => {
                    dialog = Some(Dialog::Message {
                        title: prefs
                            .language
                            .pick("No se pudo abrir", "Could not open")
                            .to_owned(),
                        text: e.message(prefs.language)
                            + prefs.language.pick(
                                "\n\nSe abrió el plan de ejemplo.",
                                "\n\nThe example plan was opened instead.",
                            ),
                    });
                    Document::new(seed_plan(), None)
                }
            },
        };
        let view = Self::fresh_view(doc.plan());
        let figures = Figures::compute(&doc, view.cut);
        let mut app = Self {
            doc,
            view,
            prefs,
            figures,
            dialogs,
            dialog,
            close_confirmed: false,
            title_sent: String::new(),
            charts: ui::charts::ChartData::default(),
            actions: Vec::new(),
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
    pub fn figures(&self) -> &Figures {
        &self.figures
    }

    /// What the charts drew in the last frame.
    pub fn chart_data(&self) -> &ui::charts::ChartData {
        &self.charts
    }

    /// The question or message on screen, if any.
    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialog.as_ref()
    }

    /// The preferences remembered between sessions.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The window title: file, unsaved mark, plan title.
    pub fn title(&self) -> String {
        let dirty = if self.doc.is_dirty() { " •" } else { "" };
        let name = self.doc.display_name(SEED_PLAN_NAME);
        format!("{name}{dirty} — {} — Avance", self.doc.plan().title)
    }

    fn remember_recent(&mut self, path: PathBuf) {
        self.prefs.recent.retain(|p| p != &path);
        self.prefs.recent.insert(0, path);
        self.prefs.recent.truncate(MAX_RECENT);
    }

    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.view = Self::fresh_view(self.doc.plan());
        // A new document starts its revisions again: recompute now, whatever the key says.
        self.figures = Figures::compute(&self.doc, self.view.cut);
        if let Some(path) = self.doc.path().map(Path::to_path_buf) {
            self.remember_recent(path);
        }
    }

    /// The file dialog gave no file. rfd cannot tell a cancel from a dialog the system could
    /// not show (on Linux without an XDG desktop portal), so the user is asked for the path:
    /// nothing happens silently, and a missing dialog never stops work.
    fn ask_for_path(&mut self, purpose: PathPurpose) {
        self.dialog = Some(Dialog::TypePath {
            purpose,
            input: String::new(),
        });
    }

    /// Carries out what the typed path was for; an empty path cancels.
    pub fn answer_typed_path(&mut self, path: Option<String>) {
        let Some(Dialog::TypePath { purpose, .. }) = self.dialog.take() else {
            return;
        };
        let Some(text) = path.map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()) else {
            return;
        };
        let path = PathBuf::from(text);
        match purpose {
            PathPurpose::Open => self.open(&path),
            PathPurpose::Import => self.import(&path, false, false),
            PathPurpose::ImportIntoOpenPlan => self.import(&path, false, true),
            PathPurpose::SaveAs => {
                self.save_to(&dialogs::with_default_extension(path, plan_file::EXTENSION))
            }
            PathPurpose::Export => self.export(&dialogs::with_default_extension(path, "xlsx")),
        }
    }

    fn message(&mut self, title: (&str, &str), text: String) {
        self.dialog = Some(Dialog::Message {
            title: self.prefs.language.pick(title.0, title.1).to_owned(),
            text,
        });
    }

    /// Runs a command. Commands that would drop unsaved changes ask first.
    pub fn run(&mut self, command: Command) {
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
                let title = language.pick("Nuevo plan estratégico", "New strategic plan");
                let mut plan = Plan::new(title, period);
                plan.settings.language = language;
                self.replace_document(Document::new(plan, None));
            }
            Command::Open => match self.dialogs.pick_plan_to_open(language) {
                Some(path) => self.open(&path),
                None => self.ask_for_path(PathPurpose::Open),
            },
            Command::OpenRecent(path) => self.open(&path),
            Command::Save => match self.doc.path().map(Path::to_path_buf) {
                Some(path) => self.save_to(&path),
                None => self.run_confirmed(Command::SaveAs, language),
            },
            Command::SaveAs => {
                let suggested = self.doc.display_name(SEED_PLAN_NAME);
                match self.dialogs.pick_plan_to_save(language, &suggested) {
                    Some(path) => self.save_to(&path),
                    None => self.ask_for_path(PathPurpose::SaveAs),
                }
            }
            Command::Import => match self.dialogs.pick_table_to_import(language) {
                Some(path) => self.import(&path, false, false),
                None => self.ask_for_path(PathPurpose::Import),
            },
            Command::ImportIntoOpenPlan => match self.dialogs.pick_table_to_import(language) {
                Some(path) => self.import(&path, false, true),
                None => self.ask_for_path(PathPurpose::ImportIntoOpenPlan),
            },
            Command::Export => {
                let stem = self
                    .doc
                    .path()
                    .and_then(Path::file_stem)
                    .map_or_else(|| "avance".to_owned(), |s| s.to_string_lossy().into_owned());
                let suggested = format!("{stem}_{}.xlsx", self.view.cut);
                match self.dialogs.pick_export_path(language, &suggested) {
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
                }
            }
            Command::Redo => {
                if self.doc.redo() {
                    self.view.drafts.clear();
                }
            }
            Command::SetLanguage(language) => {
                self.prefs.language = language;
                self.view.drafts.clear();
            }
            Command::ToggleTheme => self.prefs.dark = !self.prefs.dark,
            Command::TogglePresentation => self.view.presenting = !self.view.presenting,
        }
    }

    fn open(&mut self, path: &Path) {
        match plan_file::load(path) {
            Ok(plan) => self.replace_document(Document::new(plan, Some(path.to_path_buf()))),
            Err(e) => {
                let text = e.message(self.prefs.language);
                self.message(("No se pudo abrir", "Could not open"), text);
            }
        }
    }

    /// Imports a matrix as a new, unsaved plan. Bad rows stop the import and are listed, with
    /// the choice to import without them.
    fn import(&mut self, path: &Path, lenient: bool, into_open_plan: bool) {
        let language = self.prefs.language;
        match import::import_file(path, lenient) {
            Ok(mut imported) => {
                // The same summary and warnings `avance import` prints.
                let mut text = imported.summary.lines(language).join("\n");
                text.push('\n');
                text.push_str(language.pick(
                    "El plan aún no está guardado.",
                    "The plan is not saved yet.",
                ));
                for line in imported.warning_lines(language) {
                    text.push_str("\n• ");
                    text.push_str(&line);
                }
                if into_open_plan {
                    import::keep_texts_from(&mut imported.plan, self.doc.plan());
                    self.doc.replace_plan(imported.plan);
                    self.view.cut = self.doc.plan().cut;
                    self.view.drafts.clear();
                    text.push_str(language.pick(
                        "\nLos textos del plan abierto se conservaron; Ctrl+Z deshace la importación.",
                        "\nThe open plan's texts were kept; Ctrl+Z undoes the import.",
                    ));
                } else {
                    self.replace_document(Document::unsaved(imported.plan));
                }
                self.message(("Importación", "Import"), text);
            }
            Err(e @ import::ImportError::Rows { .. }) => {
                self.dialog = Some(Dialog::ImportProblems {
                    path: path.to_path_buf(),
                    into_open_plan,
                    text: e.message(language),
                });
            }
            Err(e) => {
                let text = format!("{}\n{}", e.message(language), path.display());
                self.message(("No se pudo importar", "Could not import"), text);
            }
        }
    }

    /// Exports the plan at the view's cut: CSV for a .csv path, otherwise an Excel workbook.
    fn export(&mut self, path: &Path) {
        let plan = self.doc.plan();
        let cut = self.view.cut;
        let is_csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let bytes = if is_csv {
            Ok(export::to_csv(plan, cut).into_bytes())
        } else {
            export::to_xlsx(plan, cut)
        };
        let language = self.prefs.language;
        match bytes.and_then(|b| export::write(path, &b)) {
            Ok(()) => self.message(
                ("Exportado", "Exported"),
                format!(
                    "{} {}: {}",
                    language.pick("Plan exportado al corte", "Plan exported at the cut"),
                    cut.date(),
                    path.display()
                ),
            ),
            Err(e) => {
                let text = e.message(language);
                self.message(("No se pudo exportar", "Could not export"), text);
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
            self.import(&path, true, into_open_plan);
        }
    }

    fn save_to(&mut self, path: &Path) {
        match self.doc.save_to(path) {
            Ok(()) => self.remember_recent(path.to_path_buf()),
            Err(e) => {
                let text = e.message(self.prefs.language);
                self.message(("No se pudo guardar", "Could not save"), text);
            }
        }
    }

    /// Answers the unsaved-changes question: save (then continue), discard, or cancel.
    pub fn answer_unsaved(&mut self, answer: ui::dialogs::UnsavedAnswer) {
        let Some(Dialog::UnsavedChanges { then }) = self.dialog.take() else {
            return;
        };
        let language = self.prefs.language;
        match answer {
            ui::dialogs::UnsavedAnswer::Save => {
                self.run_confirmed(Command::Save, language);
                if !self.doc.is_dirty() {
                    self.run_confirmed(then, language);
                }
            }
            ui::dialogs::UnsavedAnswer::Discard => self.run_confirmed(then, language),
            ui::dialogs::UnsavedAnswer::Cancel => {}
        }
    }

    fn apply_actions(&mut self, ctx: &egui::Context) {
        let actions = std::mem::take(&mut self.actions);
        let mut changed = false;
        for action in actions {
            match action {
                Action::Command(command) => {
                    self.run(command);
                    changed = true;
                }
                Action::Edit(edit, group) => {
                    // An edit that points at a removed item is dropped: nothing to change.
                    changed |= self.doc.apply(edit, group).is_ok();
                }
                Action::EditBatch(edits) => {
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
        if self.figures.key != (self.doc.revision(), self.view.cut) {
            self.figures = Figures::compute(&self.doc, self.view.cut);
        }
        if changed {
            // Draw the frame again so every panel shows the new figures in this same frame.
            ctx.request_discard("the plan or the view changed");
        }
    }

    /// Selects what a finding is about and focuses its cell when it has one.
    fn reveal(&mut self, finding: &Finding) {
        let Some((objective, _)) = finding.location.objective else {
            self.view.selection = Selection::Plan;
            return;
        };
        let Some((meta, indicator)) = finding.location.indicator else {
            self.view.selection = Selection::Objective(objective);
            return;
        };
        let at = IndicatorPath {
            objective,
            meta,
            indicator,
        };
        let cell = match finding.location.field {
            Field::Weight(vigencia) => Some((vigencia, Figure::Weight)),
            Field::Programmed(vigencia) => Some((vigencia, Figure::Programmed)),
            Field::Executed(vigencia, quarter) => Some((vigencia, Figure::Executed(quarter))),
            _ => None,
        };
        match cell {
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

impl Figures {
    fn compute(doc: &Document, cut: Cut) -> Self {
        Self {
            progress: PlanProgress::compute(doc.plan(), cut),
            findings: validate(doc.plan()),
            key: (doc.revision(), cut),
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

        let title = self.title();
        if title != self.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }

        let language = self.prefs.language;
        let panels = ui::Panels {
            plan: self.doc.plan(),
            figures: &self.figures,
            view: &mut self.view,
            prefs: &self.prefs,
            can_undo: self.doc.can_undo(),
            can_redo: self.doc.can_redo(),
            actions: &mut self.actions,
            language,
        };
        self.charts = panels.show(ui);

        if let Some(dialog) = &mut self.dialog {
            match ui::dialogs::dialog_ui(&ctx, dialog, language) {
                Some(ui::dialogs::DialogAnswer::Unsaved(answer)) => self.answer_unsaved(answer),
                Some(ui::dialogs::DialogAnswer::Dismiss) => self.dialog = None,
                Some(ui::dialogs::DialogAnswer::ImportAnyway(yes)) => {
                    self.answer_import_problems(yes)
                }
                Some(ui::dialogs::DialogAnswer::TypedPath(path)) => self.answer_typed_path(path),
                None => {}
            }
        }
        self.apply_actions(&ctx);
        if self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
    }
}

/// Opens the window on `path` (or the seed's plan) and runs until it closes.
pub fn run(path: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Avance")
            .with_inner_size([1366.0, 768.0])
            .with_min_inner_size([900.0, 560.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Avance",
        options,
        Box::new(move |cc| Ok(Box::new(AvanceApp::new(cc, path)))),
    )
}
