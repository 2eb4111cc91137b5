//! The plan as a tree: plan → objectives (with their progress badge) → metas → indicators.

use egui::RichText;
use rust_decimal::Decimal;

use crate::model::edit::IndicatorPath;
use crate::model::format::percent_or_dash;
use crate::model::validation::no_average_reason;
use crate::model::{Language, TrafficLight, TrafficLights};
use crate::theme;
use crate::ui::PanelContext;
use crate::view::{Action, Selection, ViewState};

/// The tree, in a scroll area.
pub fn plan_tree_ui(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>) {
    let (plan, figures, view, language) = (ctx.plan, ctx.computed, &*ctx.view, ctx.language);
    let actions = &mut *ctx.actions;
    if view.next_frame.reveal_selection {
        reveal(ui, view.selection);
    }
    egui::ScrollArea::vertical().show(ui, |ui| {
        let plan_label = ui.selectable_label(
            view.selection == Selection::Plan,
            RichText::new(crate::tr!(language, "tree-plan-and-entities")).strong(),
        );
        if plan_label.clicked() {
            actions.push(Action::Select(Selection::Plan));
        }
        ui.add_space(4.0);
        for (oi, objective) in plan.objectives.iter().enumerate() {
            let objective_figures = figures.progress.objectives.get(oi);
            let progress = objective_figures.and_then(|o| o.progress());
            let why_none = match objective_figures.map(|o| &o.average) {
                Some(Err(reason)) => Some(no_average_reason(
                    objective,
                    *reason,
                    figures.progress.cut.vigencia,
                    language,
                )),
                _ => None,
            };
            egui::collapsing_header::CollapsingState::load_with_default_open(
                ui.ctx(),
                objective_node_id(oi),
                false,
            )
            .show_header(ui, |ui| {
                let name = format!(
                    "{} {}",
                    crate::tr!(language, "tree-objective"),
                    objective.number
                );
                let selected = view.selection == Selection::Objective(oi);
                if ui.selectable_label(selected, name).clicked() {
                    actions.push(Action::Select(Selection::Objective(oi)));
                }
                progress_badge(ui, progress, &plan.settings.traffic_lights, language);
                // Beside the badge: why there is no figure, or else the objective's short
                // text, cut to the tree's width; hover for all of it.
                let (beside, hover) = match &why_none {
                    Some(why) => (why.as_str(), format!("{why}\n\n{}", objective.text)),
                    None => (objective.text.as_str(), objective.text.clone()),
                };
                ui.add(egui::Label::new(RichText::new(beside).small().weak()).truncate())
                    .on_hover_text(hover);
            })
            .body(|ui| {
                for (mi, meta) in objective.metas.iter().enumerate() {
                    meta_node_ui(ui, oi, mi, meta, view, language, actions);
                }
                if objective.metas.is_empty() {
                    ui.weak(crate::tr!(language, "tree-no-metas"));
                }
            });
        }
    });
}

/// Where the tree remembers an indicator to scroll to once drawn.
fn scroll_pending_id() -> egui::Id {
    egui::Id::unique("tree_scroll_pending")
}

fn objective_node_id(objective: usize) -> egui::Id {
    egui::Id::unique(("tree_objective", objective))
}

fn meta_node_id(objective: usize, meta: usize) -> egui::Id {
    egui::Id::unique(("tree_meta", objective, meta))
}

/// Opens the branches down to `selection` before the tree is drawn, so a found indicator is
/// on screen at once, and remembers to scroll to it when it is first drawn.
fn reveal(ui: &egui::Ui, selection: Selection) {
    let open = |id| {
        let mut state =
            egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, false);
        state.set_open(true);
        state.store(ui.ctx());
    };
    if let Some(objective) = selection.objective() {
        open(objective_node_id(objective));
    }
    let meta = match selection {
        Selection::Meta { objective, meta } => Some((objective, meta)),
        Selection::Indicator(at) => Some((at.objective, at.meta)),
        _ => None,
    };
    if let Some((objective, meta)) = meta {
        open(meta_node_id(objective, meta));
    }
    if let Selection::Indicator(at) = selection {
        ui.data_mut(|d| d.insert_temp(scroll_pending_id(), at));
    }
}

/// A meta and, when open, its indicators.
fn meta_node_ui(
    ui: &mut egui::Ui,
    objective: usize,
    meta_index: usize,
    meta: &crate::model::Meta,
    view: &ViewState,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let pending: Option<IndicatorPath> = ui.data(|d| d.get_temp(scroll_pending_id()));
    egui::collapsing_header::CollapsingState::load_with_default_open(
        ui.ctx(),
        meta_node_id(objective, meta_index),
        false,
    )
    .show_header(ui, |ui| {
        let selection = Selection::Meta {
            objective,
            meta: meta_index,
        };
        let name = if meta.code.trim().is_empty() {
            crate::tr!(language, "tree-meta-without-code")
        } else {
            meta.code.clone()
        };
        if ui
            .selectable_label(view.selection == selection, name)
            .on_hover_text(&meta.name)
            .clicked()
        {
            actions.push(Action::Select(selection));
        }
    })
    .body(|ui| {
        for (ii, indicator) in meta.indicators.iter().enumerate() {
            let at = IndicatorPath {
                objective,
                meta: meta_index,
                indicator: ii,
            };
            let text = format!("{} · {}", indicator.code_label(), indicator.name);
            let selected = view.selection == Selection::Indicator(at);
            let node = ui
                .add(egui::Button::selectable(selected, text).truncate())
                .on_hover_text(&indicator.name);
            if selected && (view.next_frame.reveal_selection || pending == Some(at)) {
                node.scroll_to_me(Some(egui::Align::Center));
                ui.data_mut(|d| d.remove::<IndicatorPath>(scroll_pending_id()));
            }
            if node.clicked() {
                actions.push(Action::Select(Selection::Indicator(at)));
            }
        }
    });
}

/// A progress figure on its traffic-light colour; grey "—" when there is none.
pub fn progress_badge(
    ui: &mut egui::Ui,
    progress: Option<Decimal>,
    thresholds: &TrafficLights,
    language: Language,
) -> egui::Response {
    let light = progress.map(|p| TrafficLight::of(p, thresholds));
    let fill = light.map_or(theme::NO_VALUE, theme::traffic_light);
    let text = RichText::new(percent_or_dash(progress, language))
        .color(theme::on_traffic_light(light))
        .background_color(fill)
        .monospace();
    ui.label(text)
}

/// The first `max` characters of a text, with "…" when cut.
pub fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}
