//! The panels of the window. Each is `fn name_ui(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>)`:
//! it reads the plan and its figures in `ctx`, may change what is looked at in `ctx.view`, and
//! sends every change of the plan as an [`Action`]; none holds a business rule. Here and in
//! `app`, `ctx` is always the [`PanelContext`]; egui's context is `ui.ctx()` or `egui_ctx`.

pub mod charts;
pub mod compare;
pub mod consolidate;
pub mod details;
pub mod dialog;
pub mod find;
pub mod grid;
pub mod help;
pub mod keys_in_order;
pub mod menu_bar;
pub mod new_plan;
pub mod slides;
pub mod toolbar;
pub mod tree;
pub mod validation;

use std::path::Path;

use crate::model::{Language, Plan};
use crate::theme;
use crate::view::charts::ChartData;
use crate::view::command::CommandState;
use crate::view::{Action, Computed, Prefs, ViewState};

/// Everything the panels read for one frame, and where they send what the user does.
pub struct PanelContext<'a> {
    pub plan: &'a Plan,
    /// The figures and findings at the view's cut.
    pub computed: &'a Computed,
    pub view: &'a mut ViewState,
    pub prefs: &'a Prefs,
    pub commands: CommandState,
    pub language: Language,
    pub actions: &'a mut Vec<Action>,
    /// The plan's file, if it has one (for the help's "where are my files").
    pub plan_file: Option<&'a Path>,
    /// Where recovery copies and preferences are kept.
    pub data_folder: Option<&'a Path>,
    /// Whether the plan on screen is the built-in example (for the first-start line).
    pub is_example: bool,
}

/// Lays out the window: menu, toolbar, tree on the left, findings and charts at the bottom,
/// the selected node and its grid in the centre; while presenting, the slide alone. Returns
/// what the charts drew.
pub fn panels_ui(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>) -> ChartData {
    let chart_data = ChartData::new(ctx.plan, ctx.computed, ctx.view, ctx.language);
    if ctx.view.presenting {
        presentation_ui(ui, ctx);
        return chart_data;
    }
    egui::Panel::top("menu_bar").show(ui, |ui| menu_bar::menu_bar_ui(ui, ctx));
    egui::Panel::top("toolbar").show(ui, |ui| toolbar::toolbar_ui(ui, ctx));
    if ctx.view.find.is_some() {
        egui::Panel::top("find_bar").show(ui, |ui| find::find_bar_ui(ui, ctx));
    }
    if ctx.view.help_open {
        help::help_ui(ui, ctx);
    }
    if ctx.view.comparison.is_some() {
        compare::comparison_ui(ui, ctx);
    }
    if ctx.is_example && ctx.prefs.recent.is_empty() && !ctx.prefs.welcomed {
        egui::Panel::top("welcome").show(ui, |ui| welcome_ui(ui, ctx));
    }
    egui::Panel::left("plan_tree")
        .resizable(true)
        .default_size(theme::tree_width(ui.available_width()))
        .min_size(theme::TREE_MIN_WIDTH)
        .max_size(theme::tree_max_width(ui.available_width()))
        .show(ui, |ui| tree::plan_tree_ui(ui, ctx));
    let height = ui.available_height();
    let bottom = theme::bottom_panels(height);
    egui::Panel::bottom("findings")
        .resizable(true)
        .default_size(bottom.findings)
        .min_size(48.0)
        .max_size(bottom.findings_max(height))
        .show(ui, |ui| validation::findings_ui(ui, ctx));
    egui::Panel::bottom("charts")
        .resizable(true)
        .default_size(bottom.charts)
        .min_size(140.0)
        // The grid keeps its rows whatever size was remembered on a larger screen.
        .max_size(bottom.charts_max(height))
        .show(ui, |ui| charts::charts_ui(ui, ctx, &chart_data));
    egui::CentralPanel::default().show(ui, |ui| {
        details::selection_ui(ui, ctx);
        if let Some(objective) = ctx.view.selection.objective() {
            ui.add_space(4.0);
            grid::indicator_grid_ui(ui, ctx, objective);
        }
    });
    // The tree and the grid revealed the selection in this frame.
    ctx.view.next_frame.reveal_selection = false;
    chart_data
}

/// The first start's line: what this is and the two things to do first.
fn welcome_ui(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>) {
    let language = ctx.language;
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(crate::tr!(language, "welcome-line")).strong());
        if ui.button(crate::tr!(language, "welcome-dismiss")).clicked() {
            ctx.actions.push(Action::DismissWelcome);
        }
    });
}

/// The committee slides, full screen: no menu, no toolbar, only the slide on screen. Keys move
/// between slides (their `presenting_keys` in [`crate::view::Command::declaration`]); a click
/// goes on.
fn presentation_ui(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>) {
    // The slide is made again only when a figure, the slide shown, the order or the language
    // changes: an objective's trend reads its indicators at every cut of the vigencia, too
    // much to do at every frame with thousands of indicators.
    let key = (
        ctx.computed.generation(),
        ctx.view.slide,
        ctx.view.slide_order,
        ctx.language,
    );
    let slide = match &ctx.view.cache.slide_shown {
        Some(shown) if shown.key == key => shown.slide.clone(),
        _ => {
            let slide = crate::view::slides::Slide::at(
                ctx.plan,
                &ctx.computed.progress,
                ctx.view.slide,
                ctx.view.slide_order,
                ctx.language,
            )
            .map(std::sync::Arc::new);
            ctx.view.cache.slide_shown = Some(crate::view::slides::SlideShown {
                key,
                slide: slide.clone(),
            });
            slide
        }
    };
    egui::CentralPanel::no_frame().show(ui, |ui| {
        if let Some(slide) = &slide {
            slides::slide_ui(ui, slide, ctx.language);
        }
        let whole = ui.interact(
            ui.max_rect(),
            egui::Id::unique("slide_click"),
            egui::Sense::click(),
        );
        if whole.clicked() {
            ctx.actions
                .push(Action::Command(crate::view::Command::NextSlide));
        }
    });
}

/// Selects the whole text of the text field `id` (a field just reached: typing replaces it, as
/// in a grid cell).
pub(crate) fn select_all_text(ui: &egui::Ui, id: egui::Id, text: &str) {
    let mut state = egui::TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
    egui::TextEdit::store_state(ui.ctx(), id, state);
    ui.ctx().request_repaint();
}
