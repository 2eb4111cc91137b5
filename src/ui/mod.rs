//! The panels of the window. Each reads the plan and its figures and sends [`Action`]s; none
//! holds a business rule.

pub mod charts;
pub mod compare;
pub mod consolidate;
pub mod details;
pub mod dialog;
pub mod find;
pub mod grid;
pub mod help;
pub mod menu_bar;
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
/// the selected node and its grid in the centre. Returns what the charts drew.
pub fn panels_ui(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>) -> ChartData {
    egui::Panel::top("menu_bar").show(ui, |ui| menu_bar::menu_bar_ui(ui, ctx));
    egui::Panel::top("toolbar").show(ui, |ui| toolbar::toolbar_ui(ui, ctx));
    if ctx.view.find.is_some() {
        egui::Panel::top("find_bar").show(ui, |ui| find::find_bar_ui(ui, ctx));
    }
    if ctx.view.help_open {
        help::help_ui(ui.ctx(), ctx);
    }
    if ctx.view.comparison.is_some() && !ctx.view.presenting {
        compare::comparison_ui(ui.ctx(), ctx);
    }
    if ctx.is_example && ctx.prefs.recent.is_empty() && !ctx.prefs.welcomed {
        egui::Panel::top("welcome").show(ui, |ui| welcome_ui(ui, ctx));
    }
    let chart_data = ChartData::new(ctx.plan, ctx.computed, ctx.view);
    if ctx.view.presenting {
        egui::CentralPanel::default().show(ui, |ui| {
            presentation_header_ui(ui, ctx);
            charts::charts_ui(ui, &chart_data, ctx.language);
        });
        return chart_data;
    }
    egui::Panel::left("plan_tree")
        .resizable(true)
        .default_size(theme::TREE_WIDTH)
        .min_size(220.0)
        .show(ui, |ui| tree::plan_tree_ui(ui, ctx));
    egui::Panel::bottom("findings")
        .resizable(true)
        .default_size(104.0)
        .min_size(60.0)
        .show(ui, |ui| validation::findings_ui(ui, ctx));
    let charts_height = (ui.available_height() * 0.38).clamp(220.0, 520.0);
    egui::Panel::bottom("charts")
        .resizable(true)
        .default_size(charts_height)
        .min_size(180.0)
        .show(ui, |ui| charts::charts_ui(ui, &chart_data, ctx.language));
    egui::CentralPanel::default().show(ui, |ui| {
        details::selection_ui(ui, ctx);
        if let Some(objective) = ctx.view.selection.objective() {
            ui.add_space(4.0);
            grid::indicator_grid_ui(ui, ctx, objective);
        }
    });
    // The tree and the grid revealed the selection in this frame.
    ctx.view.reveal_selection = false;
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

/// The strip above the charts when presenting: the plan, the cut, and which objective's
/// indicators the right chart shows.
fn presentation_header_ui(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>) {
    let (plan, view, language) = (ctx.plan, &*ctx.view, ctx.language);
    let actions = &mut *ctx.actions;
    ui.horizontal(|ui| {
        ui.heading(format!(
            "{} · {} {}",
            plan.title,
            crate::tr!(language, "present-progress-at-the-cut"),
            view.cut.date()
        ));
        ui.separator();
        ui.label(crate::tr!(language, "present-indicators-of-objective"));
        for (index, objective) in plan.objectives.iter().enumerate() {
            let selected = view.selection.objective() == Some(index);
            if ui
                .selectable_label(selected, objective.number.to_string())
                .on_hover_text(&objective.text)
                .clicked()
            {
                actions.push(Action::Select(crate::view::Selection::Objective(index)));
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let leave = crate::view::Command::TogglePresentation;
            if ui
                .button(crate::tr!(language, "present-leave-presentation-esc"))
                .clicked()
            {
                actions.push(Action::Command(leave));
            }
        });
    });
    ui.add_space(6.0);
}
