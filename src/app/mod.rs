//! The window: the open document, what the user is looking at, and the commands that change
//! them. Panels (in [`crate::ui`]) only read this state and send [`Action`]s back.

mod actions;
mod command_handling;
mod compare;
pub mod document;
mod file_dialogs;
pub mod file_picker;
pub mod files;

use std::path::{Path, PathBuf};

use crate::io::{plan_file, seed_plan};
use crate::model::Plan;
use crate::ui;
use crate::view::command::CommandState;
use crate::view::dialog::DialogAnswer;
use crate::view::{Action, Command, Computed, Dialog, Notice, Prefs, Selection, ViewState};
use document::Document;
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
    /// Whether the window was last asked to be full screen (it is while presenting).
    fullscreen_sent: bool,
    /// What the charts drew last frame, for tests and for hover.
    charts: crate::view::charts::ChartData,
    actions: Vec<Action>,
    /// A short message that does not stop work ("Guardado en …").
    notice: Option<Notice>,
    /// The recovery copy of unsaved changes (`None`: not kept, as in most tests).
    recovery: Option<files::RecoveryState>,
    /// Recovery copies left by windows that did not close cleanly, still to offer.
    recovered: Vec<crate::io::recovery::RecoveredCopy>,
    /// The recovery copy chosen for restoring while the plan had unsaved changes: restored
    /// once they are saved or discarded.
    restoring: Option<crate::io::recovery::RecoveredCopy>,
    /// What to run once the save under way succeeds (the command that asked to save first).
    after_save: Option<Command>,
    /// Alt is held and nothing else was pressed since (releasing it opens the menus).
    alt_alone: bool,
    /// The file dialog asked for or on screen, and what its answer is for.
    file_question: Option<file_dialogs::FileQuestion>,
    /// The briefing pack being drawn and written beside the window.
    slides_export: Option<SlidesExport>,
    /// Where this window keeps its data (recovery copies, preferences), shown in the help.
    data_folder: Option<PathBuf>,
    /// Whether the window was checked against its screen (see [`AvanceApp::fit_the_screen`]).
    screen_checked: bool,
}

/// The name eframe keeps the window's data under (preferences, recovery copies).
pub const APP_ID: &str = "Avance";

/// The window's application id (Wayland's app id, X11's class): the name of the Linux package's
/// desktop entry (`assets/linux/co.gov.secretariageneral.Avance.desktop`), by which the desktop
/// finds the window's name and icon.
pub const DESKTOP_ID: &str = "co.gov.secretariageneral.Avance";

/// How often, at most, the recovery copy is rewritten while typing.
pub const RECOVERY_INTERVAL: std::time::Duration = std::time::Duration::from_secs(5);

impl AvanceApp {
    /// The app on the seed plan, or on `path`; with the operating system's dialogs.
    pub fn new(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>) -> Self {
        let prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        let mut app = Self::with(prefs, path, Box::new(NativeFilePicker));
        app.data_folder = eframe::storage_dir(APP_ID);
        match app.data_folder.clone() {
            Some(folder) => app.with_recovery(folder.join("recovery"), RECOVERY_INTERVAL),
            None => app,
        }
    }

    /// The app with given preferences and dialogs (tests answer dialogs with paths).
    pub fn with(prefs: Prefs, path: Option<PathBuf>, file_picker: Box<dyn FilePicker>) -> Self {
        let mut dialog = None;
        // Without a file named, the last plan used (the first of the recent list); the example
        // plan only on a first start, or when that plan no longer opens (then it is said).
        let last_used = path.is_none();
        let path = path.or_else(|| prefs.recent.first().cloned());
        let doc = match path {
            None => Document::new(seed_plan(), None),
            Some(path) => match plan_file::open(&path) {
                Ok(opened) => {
                    let mut doc = Document::new(opened.plan, Some(path));
                    doc.set_disk(Some(opened.stamp));
                    doc
                }
                Err(e) => {
                    let title = if last_used {
                        crate::tr!(prefs.language, "app-last-plan-not-opened-title")
                    } else {
                        crate::tr!(prefs.language, "app-could-not-open-title")
                    };
                    dialog = Some(Dialog::Message {
                        title,
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
        let figures = Computed::new(doc.plan(), doc.revisions(), doc.plan().cut);
        let mut app = Self {
            doc,
            view,
            prefs,
            figures,
            file_picker,
            dialog,
            close_confirmed: false,
            title_sent: String::new(),
            fullscreen_sent: false,
            charts: crate::view::charts::ChartData::default(),
            actions: Vec::new(),
            notice: None,
            recovery: None,
            recovered: Vec::new(),
            restoring: None,
            after_save: None,
            data_folder: None,
            alt_alone: false,
            file_question: None,
            slides_export: None,
            screen_checked: false,
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
        ViewState::new(selection)
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

    /// The figures at the plan's cut.
    pub fn figures(&self) -> &Computed {
        &self.figures
    }

    /// What the charts drew in the last frame.
    pub fn chart_data(&self) -> &crate::view::charts::ChartData {
        &self.charts
    }

    /// The committee slide on screen while presenting, as last drawn.
    pub fn slide(&self) -> Option<crate::view::slides::Slide> {
        if !self.view.presenting {
            return None;
        }
        let shown = self.view.cache.slide_shown.as_ref()?;
        shown.slide.as_deref().cloned()
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

    /// Once the screen is known: a window that does not fit it with room for the title bar and
    /// the taskbar (a laptop at 125 or 150 %, or a size remembered from a larger monitor) is
    /// maximized, so nothing of it is under the taskbar or off the screen.
    fn fit_the_screen(&mut self, egui_ctx: &egui::Context) {
        if self.screen_checked {
            return;
        }
        let (monitor, inner, maximized) = egui_ctx.input(|i| {
            let viewport = i.viewport();
            (
                viewport.monitor_size,
                viewport.inner_rect,
                viewport.maximized,
            )
        });
        let (Some(monitor), Some(inner)) = (monitor, inner) else {
            return;
        };
        self.screen_checked = true;
        if maximized != Some(true) && !fits_on_screen(inner.size(), monitor) {
            egui_ctx.send_viewport_cmd(egui::ViewportCommand::Maximized(true));
        }
    }

    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.recovery_for_new_document();
        self.view = Self::fresh_view(self.doc.plan());
        // A new document starts its revisions again: recompute now, whatever the key says.
        self.figures
            .replace(self.doc.plan(), self.doc.revisions(), self.doc.plan().cut);
        if let Some(path) = self.doc.path().map(Path::to_path_buf) {
            self.remember_recent(path);
        }
    }
}

impl eframe::App for AvanceApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let egui_ctx = ui.ctx().clone();
        egui_ctx.set_theme(if self.prefs.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        self.fit_the_screen(&egui_ctx);
        // A file dialog asked for in the last frame is shown now, beside the window (never
        // inside this frame), and its answer taken once it comes.
        self.poll_file_dialog(Some(frame), &egui_ctx);
        self.poll_slides_export(&egui_ctx);
        self.handle_shortcuts(&egui_ctx);
        self.handle_close_request(&egui_ctx);
        if egui_ctx.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(true)))
        }) {
            self.check_file_on_disk();
        }

        let title = self.title();
        if title != self.title_sent {
            egui_ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
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
            plan_file: self.doc.path(),
            data_folder: self.data_folder.as_deref(),
            is_example: self.doc.is_example(),
        };
        self.charts = ui::panels_ui(ui, &mut panels);

        if let Some(dialog) = &mut self.dialog {
            match ui::dialog::dialog_ui(&egui_ctx, dialog, language) {
                Some(DialogAnswer::Unsaved(answer)) => self.answer_unsaved(answer),
                Some(DialogAnswer::Dismiss) => self.dialog = None,
                Some(DialogAnswer::ImportAnyway(yes)) => self.answer_import_problems(yes),
                Some(DialogAnswer::TypedPath(path)) => self.answer_typed_path(path),
                Some(DialogAnswer::Comment(text)) => self.answer_comment(text),
                Some(DialogAnswer::Consolidate(answer)) => self.answer_consolidate(answer),
                Some(DialogAnswer::RefusedTexts(answer)) => self.answer_refused_texts(answer),
                Some(DialogAnswer::NewPlan(objectives)) => self.answer_new_plan(objectives),
                Some(DialogAnswer::RemoveObjective(yes)) => self.answer_remove_objective(yes),
                Some(DialogAnswer::RemoveEntity(yes)) => self.answer_remove_entity(yes),
                Some(DialogAnswer::ShortenPeriod(yes)) => self.answer_shorten_period(yes),
                Some(DialogAnswer::Reweight(answer)) => self.answer_reweight(answer),
                Some(answer) => self.answer_file_question(answer),
                None => {}
            }
        }
        if let Some(title) = self.file_dialog_title()
            && ui::dialog::waiting_for_file_ui(&egui_ctx, title, language)
        {
            self.stop_waiting_for_the_file_dialog();
        }
        if self.dialog.is_none() && !self.is_waiting_for_a_file() {
            self.offer_recovered_copy();
        }
        // While presenting, a notice would cover the slide's legend and number: it waits (its
        // time not yet started) until the presentation ends.
        if !self.view.presenting
            && let Some(notice) = &mut self.notice
            && ui::dialog::notice_ui(&egui_ctx, notice)
        {
            self.notice = None;
        }
        let structural = self.apply_actions(&egui_ctx);
        // A cell reached by a key takes the focus once drawn: the keys after it wait for it.
        ui::keys_in_order::focus_on_its_way(
            &egui_ctx,
            self.view.next_frame.focus.map(egui::Id::unique),
        );
        if self.view.presenting != self.fullscreen_sent {
            // Slides fill the screen; leaving them gives the window back.
            egui_ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.view.presenting));
            self.fullscreen_sent = self.view.presenting;
        }
        if self.file_dialog_to_show() {
            egui_ctx.request_repaint();
        }
        if self.close_confirmed {
            self.finish_recovery();
            egui_ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            self.keep_recovery_copy(&egui_ctx, structural);
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

/// Whether a window of `inner` size fits a screen of `monitor` size (both in points) with room
/// for its borders and title bar and for a taskbar.
fn fits_on_screen(inner: egui::Vec2, monitor: egui::Vec2) -> bool {
    inner.x + 16.0 <= monitor.x && inner.y + 80.0 <= monitor.y
}

/// How the window is drawn. OpenGL 2 (glow) is what most PCs have; where it is missing (Remote
/// Desktop, virtual machines, Windows' basic display driver give OpenGL 1.1) wgpu draws through
/// Direct3D 12, whose WARP adapter draws on the CPU, or Vulkan; on Windows, Vulkan alone is
/// tried last (under Wine, Direct3D 12 loses its device where Vulkan draws).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renderer {
    Glow,
    /// wgpu with the backend it prefers (Direct3D 12 on Windows, Vulkan on Linux, Metal).
    Wgpu,
    /// wgpu on Vulkan only.
    WgpuVulkan,
}

impl Renderer {
    /// The order renderers are tried in: `AVANCE_RENDERER=wgpu` (or `vulkan`, or `glow`) puts
    /// one first, for a PC where the usual order misbehaves.
    pub fn order() -> Vec<Renderer> {
        let mut order = vec![Renderer::Glow, Renderer::Wgpu];
        if cfg!(windows) {
            order.push(Renderer::WgpuVulkan);
        }
        let first = match std::env::var("AVANCE_RENDERER").as_deref() {
            Ok("wgpu") => Renderer::Wgpu,
            Ok("vulkan") => Renderer::WgpuVulkan,
            _ => Renderer::Glow,
        };
        order.retain(|&r| r != first);
        order.insert(0, first);
        order
    }

    fn name(self) -> &'static str {
        match self {
            Renderer::Glow => "OpenGL",
            Renderer::Wgpu => "Direct3D 12 / Vulkan (wgpu)",
            Renderer::WgpuVulkan => "Vulkan (wgpu)",
        }
    }
}

/// Why the window did not open.
#[derive(Debug)]
pub enum WindowError {
    /// No renderer could draw on this PC: what each said.
    NoGraphics(Vec<(Renderer, String)>),
    /// The window opened, then failed.
    Failed(String),
}

impl WindowError {
    /// In the officer's words: what happened, and what still works without a window.
    pub fn message(&self, language: crate::model::Language) -> String {
        match self {
            WindowError::NoGraphics(tried) => {
                let detail = tried
                    .iter()
                    .map(|(renderer, error)| format!("{}: {error}", renderer.name()))
                    .collect::<Vec<_>>()
                    .join("; ");
                crate::tr!(language, "window-no-graphics", detail = detail)
            }
            WindowError::Failed(detail) => {
                crate::tr!(language, "window-could-not-open", detail = detail)
            }
        }
    }
}

/// Opens the window on `path` (or the seed's plan) and runs until it closes: at 1366×768
/// points, or maximized where that does not fit the screen. A renderer that cannot start on
/// this PC gives way to the other before the window shows anything.
pub fn run_window(path: Option<PathBuf>) -> Result<(), WindowError> {
    let mut failures = Vec::new();
    for renderer in Renderer::order() {
        let started = std::rc::Rc::new(std::cell::Cell::new(false));
        let (app_started, path) = (started.clone(), path.clone());
        let result = eframe::run_native(
            APP_ID,
            native_options(renderer),
            Box::new(move |cc| {
                app_started.set(true);
                Ok(Box::new(AvanceApp::new(cc, path)))
            }),
        );
        match result {
            Ok(()) => return Ok(()),
            // The renderer failed before the app was made: nothing was shown, try the other
            // (said on the terminal, for whoever supports the PC).
            Err(e) if !started.get() => {
                eprintln!("Avance: {} no está disponible ({e}).", renderer.name());
                failures.push((renderer, e.to_string()));
            }
            Err(e) => return Err(WindowError::Failed(e.to_string())),
        }
    }
    Err(WindowError::NoGraphics(failures))
}

fn native_options(renderer: Renderer) -> eframe::NativeOptions {
    let mut options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Avance")
            .with_inner_size([1366.0, 768.0])
            .with_min_inner_size([900.0, 560.0])
            .with_icon(window_icon())
            .with_app_id(DESKTOP_ID),
        // eframe would keep its data under the app id: it stays under APP_ID, where it always was.
        persistence_path: eframe::storage_dir(APP_ID).map(|dir| dir.join("app.ron")),
        renderer: match renderer {
            Renderer::Glow => eframe::Renderer::Glow,
            Renderer::Wgpu | Renderer::WgpuVulkan => eframe::Renderer::Wgpu,
        },
        ..Default::default()
    };
    if renderer == Renderer::WgpuVulkan {
        let mut setup = eframe::egui_wgpu::WgpuSetupCreateNew::without_display_handle();
        setup.instance_descriptor.backends = eframe::wgpu::Backends::VULKAN;
        options.wgpu_options.wgpu_setup = eframe::egui_wgpu::WgpuSetup::CreateNew(setup);
    }
    options
}

/// The window's icon (title bar, taskbar, Alt+Tab): the semáforo's bars of
/// `assets/icon/avance.svg`, at 256 px; the system scales it down.
pub fn window_icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!(
        "../../assets/icon/hicolor/256x256/apps/avance.png"
    ))
    .expect("the icon is a PNG")
}

/// A briefing pack being drawn and written on its own thread.
struct SlidesExport {
    folder: PathBuf,
    cut: crate::model::Cut,
    result: std::sync::mpsc::Receiver<Result<crate::briefing::Pack, crate::briefing::PackError>>,
}

#[cfg(test)]
mod tests {
    use super::{APP_ID, DESKTOP_ID, Renderer, fits_on_screen, native_options};
    use egui::vec2;

    #[test]
    fn the_window_is_maximized_on_laptops_at_125_and_150_percent() {
        let window = vec2(1366.0, 768.0);
        // 1920×1080 at 100 % and at 125 %: it fits with its title bar and the taskbar.
        assert!(fits_on_screen(window, vec2(1920.0, 1080.0)));
        assert!(fits_on_screen(window, vec2(1536.0, 864.0)));
        // 1920×1080 at 150 %, 1366×768 at 125 %, 1366×768 at 100 %: it does not.
        assert!(!fits_on_screen(window, vec2(1280.0, 720.0)));
        assert!(!fits_on_screen(window, vec2(1093.0, 614.0)));
        assert!(!fits_on_screen(window, vec2(1366.0, 768.0)));
        // A window made smaller than the screen stays as it is.
        assert!(fits_on_screen(vec2(900.0, 500.0), vec2(1093.0, 614.0)));
    }

    #[test]
    fn the_window_names_the_desktop_entry_and_keeps_its_data_where_it_was() {
        for renderer in [Renderer::Glow, Renderer::Wgpu, Renderer::WgpuVulkan] {
            let options = native_options(renderer);
            assert_eq!(options.viewport.app_id.as_deref(), Some(DESKTOP_ID));
            // Preferences stay in the folder named by APP_ID, not by the app id.
            assert_eq!(
                options.persistence_path,
                eframe::storage_dir(APP_ID).map(|dir| dir.join("app.ron"))
            );
        }
    }
}
