//! What the selected tree node holds, viewable and editable: the plan's and entities' texts,
//! an objective's text, a meta, an indicator (kind, texts, the quarters' comments: its línea
//! base, type and unit are typed in the grid, with its figures),
//! and the buttons that add, move and remove metas and indicators.

use egui::RichText;

use crate::model::edit::{Direction, Edit, IndicatorPath, IndicatorText, MetaText, PlanText};
use crate::model::format::percent_or_dash;
use crate::model::validation::no_average_reason;
use crate::model::{
    EntityNameError, Indicator, IndicatorKind, Language, MAX_OBJECTIVES, Meta, Plan, Quarter,
    TrafficLight, Vigencia,
};
use crate::ui::PanelContext;
use crate::ui::grid::weights_total_ui;
use crate::ui::tree::progress_badge;
use crate::view::new_plan::read_period;
use crate::view::thresholds::{Threshold, ThresholdsForm};
use crate::view::{Action, Computed, Selection, ViewState};

/// The panel above the grid for the current selection.
pub fn selection_ui(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>) {
    let (plan, figures, language) = (ctx.plan, ctx.computed, ctx.language);
    let (view, actions) = (&mut *ctx.view, &mut *ctx.actions);
    match view.selection {
        Selection::Plan => plan_ui(ui, plan, view, language, actions),
        Selection::Objective(objective) => {
            objective_ui(ui, plan, figures, objective, language, actions);
        }
        Selection::Meta { objective, meta } => {
            objective_heading_ui(ui, plan, figures, objective, language);
            meta_ui(ui, plan, objective, meta, language, actions);
        }
        Selection::Indicator(at) => {
            objective_heading_ui(ui, plan, figures, at.objective, language);
            indicator_ui(ui, plan, at, language, actions);
        }
    }
}

/// A labelled text field; returns the new text when the user changed it.
fn text_field(
    ui: &mut egui::Ui,
    label: &str,
    value: &str,
    multiline: bool,
    id: egui::Id,
) -> Option<String> {
    let label = ui.label(label);
    let mut text = value.to_owned();
    let edit = if multiline {
        egui::TextEdit::multiline(&mut text).desired_rows(2)
    } else {
        egui::TextEdit::singleline(&mut text)
    };
    let response = ui
        .add(edit.id(id).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    ui.end_row();
    response.changed().then_some(text)
}

fn plan_ui(
    ui: &mut egui::Ui,
    plan: &Plan,
    view: &mut ViewState,
    language: Language,
    actions: &mut Vec<Action>,
) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading(crate::tr!(language, "details-sector-strategic-plan"));
        ui.label(format!(
            "{} {}–{} · {} {}",
            crate::tr!(language, "details-period"),
            plan.period.first,
            plan.period.last,
            crate::tr!(language, "details-plan-s-cut"),
            plan.cut.date()
        ));
        ui.horizontal(|ui| {
            let count = plan.objectives.len();
            ui.label(crate::tr!(
                language,
                "details-objective-count",
                count = count
            ));
            add_objective_button_ui(ui, plan, language, actions);
        });
        plan_texts_ui(
            ui,
            "plan_texts",
            &[
                (
                    PlanText::Title,
                    crate::tr!(language, "details-title"),
                    &plan.title,
                    false,
                ),
                (
                    PlanText::Sector,
                    crate::tr!(language, "details-sector"),
                    &plan.sector,
                    false,
                ),
                (
                    PlanText::SectorMission,
                    crate::tr!(language, "details-sector-s-mission"),
                    &plan.sector_mission,
                    true,
                ),
            ],
            actions,
        );
        period_ui(ui, plan, view, language, actions);
        thresholds_ui(ui, plan, view, language, actions);
        entities_ui(ui, plan, view, language, actions);
    });
}

/// The period's first and last vigencias, applied together with the button or Enter (the
/// window asks first when the new period drops figures).
fn period_ui(
    ui: &mut egui::Ui,
    plan: &Plan,
    view: &mut ViewState,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let current = [plan.period.first.to_string(), plan.period.last.to_string()];
    let mut form = view.period_form.clone().unwrap_or_else(|| current.clone());
    ui.add_space(10.0);
    ui.strong(crate::tr!(language, "details-period"));
    let mut enter = false;
    ui.horizontal(|ui| {
        for (text, label) in form.iter_mut().zip([
            crate::tr!(language, "new-plan-first-label"),
            crate::tr!(language, "new-plan-last-label"),
        ]) {
            let label = ui.label(label);
            let response = ui
                .add(egui::TextEdit::singleline(text).desired_width(50.0))
                .labelled_by(label.id);
            if response.gained_focus() {
                super::select_all_text(ui, response.id, text);
            }
            enter |= response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        }
    });
    let read = read_period(&form[0], &form[1]);
    if let Err(problems) = &read {
        for problem in problems {
            ui.colored_label(
                crate::theme::error_text(ui.visuals()),
                problem.message(language),
            );
        }
    }
    let new_period = read.ok().filter(|p| *p != plan.period);
    let apply = ui
        .add_enabled(
            new_period.is_some(),
            egui::Button::new(crate::tr!(language, "details-apply-period")),
        )
        .on_hover_text(crate::tr!(language, "details-apply-period-hint"))
        .clicked();
    match new_period {
        Some(period) if apply || enter => {
            actions.push(Action::SetPeriod(period));
            view.period_form = Some(form);
        }
        _ => view.period_form = (form != current).then_some(form),
    }
}

/// The plan's entities: each one's name (a rename carries its indicators along, applied when
/// the field is left), mission and vision, a button to remove it; then a field and a button to
/// add one.
fn entities_ui(
    ui: &mut egui::Ui,
    plan: &Plan,
    view: &mut ViewState,
    language: Language,
    actions: &mut Vec<Action>,
) {
    ui.add_space(10.0);
    ui.strong(crate::tr!(language, "details-entities"));
    for (e, entity) in plan.entities.iter().enumerate() {
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            entity_name_ui(ui, plan, e, view, language, actions);
            if ui
                .button(crate::tr!(language, "details-remove-entity"))
                .on_hover_text(crate::tr!(language, "details-remove-entity-hint"))
                .clicked()
            {
                actions.push(Action::RemoveEntity(e));
            }
        });
        plan_texts_ui(
            ui,
            &format!("entity_{e}"),
            &[
                (
                    PlanText::EntityMission(e),
                    crate::tr!(language, "details-mission"),
                    &entity.mission,
                    true,
                ),
                (
                    PlanText::EntityVision(e),
                    crate::tr!(language, "details-vision"),
                    &entity.vision,
                    true,
                ),
            ],
            actions,
        );
    }
    ui.add_space(8.0);
    new_entity_ui(ui, plan, view, language, actions);
}

/// An entity's name: typed as a draft, renamed (with its indicators, one undo step) when the
/// field is left; a name refused (empty, another entity's) stays in red with the reason.
fn entity_name_ui(
    ui: &mut egui::Ui,
    plan: &Plan,
    e: usize,
    view: &mut ViewState,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let name = &plan.entities[e].name;
    let label = ui.label(crate::tr!(
        language,
        "details-entity-number",
        number = e + 1
    ));
    let mut text = view
        .entity_names
        .get(&e)
        .cloned()
        .unwrap_or_else(|| name.clone());
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id(egui::Id::unique(("entity_name", e)))
                // Whole names are long ("Departamento Administrativo del Servicio Civil
                // Distrital"): as wide as the row leaves beside the button.
                .desired_width((ui.available_width() - 160.0).clamp(200.0, 560.0)),
        )
        .labelled_by(label.id)
        .on_hover_text(crate::tr!(
            language,
            "details-entity-rename-hint",
            indicators = plan.indicators_of_entity(e)
        ));
    if response.gained_focus() {
        super::select_all_text(ui, response.id, &text);
    }
    if response.changed() {
        view.entity_names.insert(e, text.clone());
    }
    let check = plan.check_entity_name(&text, Some(e));
    if response.lost_focus() && text != *name {
        if check.is_ok() {
            actions.push(Action::Edit(
                Edit::RenameEntity {
                    entity: e,
                    name: text.clone(),
                },
                None,
            ));
            view.entity_names.remove(&e);
        }
    } else if text == *name {
        view.entity_names.remove(&e);
    }
    if let Err(problem) = check {
        ui.colored_label(
            crate::theme::error_text(ui.visuals()),
            problem.message(language),
        );
    }
}

/// A field for a new entity's name and the button that adds it (Enter too).
fn new_entity_ui(
    ui: &mut egui::Ui,
    plan: &Plan,
    view: &mut ViewState,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let check = plan.check_entity_name(&view.new_entity, None);
    ui.horizontal(|ui| {
        let label = ui.label(crate::tr!(language, "details-new-entity"));
        let response = ui
            .add(egui::TextEdit::singleline(&mut view.new_entity).desired_width(320.0))
            .labelled_by(label.id);
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let add = ui
            .add_enabled(
                check.is_ok(),
                egui::Button::new(crate::tr!(language, "details-add-entity")),
            )
            .clicked();
        if check.is_ok() && (add || enter) {
            actions.push(Action::Edit(
                Edit::AddEntity {
                    name: std::mem::take(&mut view.new_entity),
                },
                None,
            ));
        }
    });
    if let Err(problem @ EntityNameError::Repeated(_)) = check {
        ui.colored_label(
            crate::theme::error_text(ui.visuals()),
            problem.message(language),
        );
    }
}

/// The semáforo's thresholds: three fields (reached, their text is selected: typing replaces
/// it), checked as typed, applied together as one undo step with the button or Enter.
fn thresholds_ui(
    ui: &mut egui::Ui,
    plan: &Plan,
    view: &mut ViewState,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let lights = plan.settings.traffic_lights;
    let current = ThresholdsForm::of(&lights, language);
    let mut form = view
        .thresholds_form
        .clone()
        .unwrap_or_else(|| current.clone());
    ui.add_space(10.0);
    ui.strong(crate::tr!(language, "thresholds-title"));
    ui.weak(crate::tr!(language, "thresholds-hint"));
    let mut enter = false;
    egui::Grid::new("thresholds")
        .num_columns(3)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            for (threshold, light) in Threshold::ALL.into_iter().zip([
                TrafficLight::Red,
                TrafficLight::Yellow,
                TrafficLight::Green,
            ]) {
                let label = ui.label(threshold.label(language));
                let id = egui::Id::unique(("threshold", threshold as usize));
                let text = form.text_mut(threshold);
                // A fixed width: a grid cell would otherwise start as narrow as last frame's.
                let response = ui
                    .add_sized(
                        [110.0, ui.spacing().interact_size.y],
                        egui::TextEdit::singleline(text).id(id),
                    )
                    .labelled_by(label.id);
                if response.gained_focus() {
                    let mut state = egui::TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
                    state
                        .cursor
                        .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
                    egui::TextEdit::store_state(ui.ctx(), id, state);
                    ui.ctx().request_repaint();
                }
                enter |= response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let (swatch, _) =
                    ui.allocate_exact_size(egui::vec2(18.0, 18.0), egui::Sense::hover());
                ui.painter()
                    .rect_filled(swatch, 3.0, crate::theme::traffic_light(light));
                ui.end_row();
            }
        });
    let parsed = form.parse(language);
    if let Err(problem) = &parsed {
        ui.colored_label(
            crate::theme::error_text(ui.visuals()),
            problem.message(language),
        );
    }
    let new_lights = parsed.ok().filter(|new| *new != lights);
    let apply = ui
        .add_enabled(
            new_lights.is_some(),
            egui::Button::new(crate::tr!(language, "thresholds-apply")),
        )
        .clicked();
    match new_lights {
        Some(new) if apply || enter => {
            actions.push(Action::Edit(Edit::TrafficLights(new), None));
            view.thresholds_form = None;
        }
        _ => view.thresholds_form = (form != current).then_some(form),
    }
}

/// A grid of labelled text fields of the plan: (field, label, value, multiline).
fn plan_texts_ui(
    ui: &mut egui::Ui,
    grid_id: &str,
    fields: &[(PlanText, String, &String, bool)],
    actions: &mut Vec<Action>,
) {
    egui::Grid::new(grid_id)
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            for (field, label, value, multiline) in fields {
                let id = egui::Id::unique(("plan_text", format!("{field:?}")));
                if let Some(text) = text_field(ui, label, value, *multiline, id) {
                    actions.push(Action::Edit(
                        Edit::PlanText {
                            field: *field,
                            text,
                        },
                        Some(id),
                    ));
                }
            }
        });
}

fn objective_heading_ui(
    ui: &mut egui::Ui,
    plan: &Plan,
    figures: &Computed,
    objective: usize,
    language: Language,
) {
    let Some(obj) = plan.objectives.get(objective) else {
        return;
    };
    let progress = figures
        .progress
        .objectives
        .get(objective)
        .and_then(|o| o.progress());
    ui.horizontal(|ui| {
        ui.heading(format!(
            "{} {}",
            crate::tr!(language, "details-strategic-objective"),
            obj.number
        ));
        ui.label(crate::tr!(language, "present-progress-at-the-cut"));
        progress_badge(ui, progress, &plan.settings.traffic_lights, language)
            .on_hover_text(percent_or_dash(progress, language));
        let objective_figures = figures.progress.objectives.get(objective);
        if let Some(Err(reason)) = objective_figures.map(|o| &o.average) {
            let vigencia = figures.progress.cut.vigencia;
            ui.weak(no_average_reason(obj, *reason, vigencia, language));
        }
        if let Some(objective_figures) = objective_figures
            && obj.indicator_count() > 0
        {
            ui.separator();
            ui.label(format!(
                "{} {}:",
                crate::tr!(language, "details-weights"),
                figures.progress.cut.vigencia
            ));
            weights_total_ui(ui, objective_figures, language);
        }
    });
}

fn objective_ui(
    ui: &mut egui::Ui,
    plan: &Plan,
    figures: &Computed,
    objective: usize,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let Some(obj) = plan.objectives.get(objective) else {
        return;
    };
    // The button beside the heading rather than under the text: the grid keeps the row.
    ui.horizontal(|ui| {
        objective_heading_ui(ui, plan, figures, objective, language);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            objective_buttons_ui(ui, plan, objective, language, actions);
            if ui
                .button(crate::tr!(language, "details-add-meta"))
                .on_hover_text(crate::tr!(language, "details-adds-a-meta-with"))
                .clicked()
            {
                actions.push(Action::Edit(Edit::AddMeta { objective }, None));
                let meta = obj.metas.len();
                actions.push(Action::Select(Selection::Meta { objective, meta }));
            }
        });
    });
    egui::Grid::new("objective_text")
        .num_columns(2)
        .show(ui, |ui| {
            let id = egui::Id::unique(("objective_text", objective));
            if let Some(text) = text_field(
                ui,
                &crate::tr!(language, "details-text"),
                &obj.text,
                true,
                id,
            ) {
                actions.push(Action::Edit(
                    Edit::ObjectiveText { objective, text },
                    Some(id),
                ));
            }
        });
}

/// Add an objective after the last one, or remove this one (the app asks first when it has
/// indicators).
fn objective_buttons_ui(
    ui: &mut egui::Ui,
    plan: &Plan,
    objective: usize,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let count = plan.objectives.len();
    if ui
        .add_enabled(
            count > 1,
            egui::Button::new(crate::tr!(language, "details-remove-objective")),
        )
        .on_hover_text(crate::tr!(language, "details-remove-objective-hint"))
        .clicked()
    {
        actions.push(Action::RemoveObjective(objective));
    }
    add_objective_button_ui(ui, plan, language, actions);
}

/// "+ Añadir objetivo": appends one after the last and selects it; greyed out at the most.
fn add_objective_button_ui(
    ui: &mut egui::Ui,
    plan: &Plan,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let count = plan.objectives.len();
    let room = count < usize::from(MAX_OBJECTIVES);
    let hint = if room {
        crate::tr!(language, "details-add-objective-hint")
    } else {
        crate::tr!(language, "details-add-objective-full", max = MAX_OBJECTIVES)
    };
    if ui
        .add_enabled(
            room,
            egui::Button::new(crate::tr!(language, "details-add-objective")),
        )
        .on_hover_text(hint.clone())
        .on_disabled_hover_text(hint)
        .clicked()
    {
        actions.push(Action::Edit(Edit::AddObjective, None));
        actions.push(Action::Select(Selection::Objective(count)));
    }
}

fn meta_ui(
    ui: &mut egui::Ui,
    plan: &Plan,
    objective: usize,
    meta: usize,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let Some(m) = plan
        .objectives
        .get(objective)
        .and_then(|o| o.metas.get(meta))
    else {
        return;
    };
    egui::Grid::new("meta_texts").num_columns(2).show(ui, |ui| {
        for (field, label, value, multiline) in [
            (
                MetaText::Code,
                crate::tr!(language, "details-meta"),
                &m.code,
                false,
            ),
            (
                MetaText::Name,
                crate::tr!(language, "details-meta-name"),
                &m.name,
                true,
            ),
        ] {
            let id = egui::Id::unique(("meta_text", objective, meta, format!("{field:?}")));
            if let Some(text) = text_field(ui, &label, value, multiline, id) {
                actions.push(Action::Edit(
                    Edit::MetaText {
                        objective,
                        meta,
                        field,
                        text,
                    },
                    Some(id),
                ));
            }
        }
    });
    ui.horizontal(|ui| {
        if ui
            .button(crate::tr!(language, "details-add-indicator"))
            .clicked()
        {
            actions.push(Action::Edit(Edit::AddIndicator { objective, meta }, None));
            let at = IndicatorPath {
                objective,
                meta,
                indicator: m.indicators.len(),
            };
            actions.push(Action::Select(Selection::Indicator(at)));
        }
        let count = plan.objectives[objective].metas.len();
        for (direction, text, enabled) in [
            (
                Direction::Up,
                crate::tr!(language, "details-move-up"),
                meta > 0,
            ),
            (
                Direction::Down,
                crate::tr!(language, "details-move-down"),
                meta + 1 < count,
            ),
        ] {
            if ui.add_enabled(enabled, egui::Button::new(text)).clicked() {
                actions.push(Action::Edit(
                    Edit::MoveMeta {
                        objective,
                        meta,
                        direction,
                    },
                    None,
                ));
                let moved = if direction == Direction::Up {
                    meta - 1
                } else {
                    meta + 1
                };
                actions.push(Action::Select(Selection::Meta {
                    objective,
                    meta: moved,
                }));
            }
        }
        if ui
            .button(crate::tr!(language, "details-remove-meta"))
            .on_hover_text(crate::tr!(language, "details-remove-meta-hint"))
            .clicked()
        {
            actions.push(Action::Edit(Edit::RemoveMeta { objective, meta }, None));
            actions.push(Action::Select(Selection::Objective(objective)));
        }
    });
}

fn indicator_ui(
    ui: &mut egui::Ui,
    plan: &Plan,
    at: IndicatorPath,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let Some(indicator) = plan.indicator(at) else {
        return;
    };
    let vigencia = plan.cut.vigencia;
    // The grid below keeps most of the room.
    egui::ScrollArea::vertical()
        .max_height((ui.available_height() * 0.3).clamp(48.0, 120.0))
        .id_salt(("indicator_details", at))
        .show(ui, |ui| {
            egui::Grid::new("indicator_texts")
                .num_columns(2)
                .spacing([8.0, 4.0])
                .show(ui, |ui| {
                    // Where it comes from first: the texts below may scroll out of sight.
                    let meta = &plan.objectives[at.objective].metas[at.meta];
                    indicator_kind_ui(ui, indicator, meta, at, language, actions);
                    indicator_texts_ui(ui, indicator, at, language, actions);
                    entity_field_ui(ui, plan, indicator, at, language, actions);
                    comments_ui(ui, indicator, at, vigencia, language, actions);
                });
        });
    let count = plan.objectives[at.objective].metas[at.meta]
        .indicators
        .len();
    indicator_buttons_ui(ui, at, count, language, actions);
}

/// The indicator's code, name and unit.
fn indicator_texts_ui(
    ui: &mut egui::Ui,
    indicator: &Indicator,
    at: IndicatorPath,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let code = indicator.code.clone().unwrap_or_default();
    for (field, label, value, multiline) in [
        (
            IndicatorText::Code,
            crate::tr!(language, "details-code-label"),
            &code,
            false,
        ),
        (
            IndicatorText::Name,
            crate::tr!(language, "details-indicator-name"),
            &indicator.name,
            true,
        ),
        (
            IndicatorText::Unit,
            crate::tr!(language, "details-unit"),
            &indicator.unit,
            false,
        ),
    ] {
        let id = egui::Id::unique(("indicator_text", at, format!("{field:?}")));
        if let Some(text) = text_field(ui, &label, value, multiline, id) {
            actions.push(Action::Edit(
                Edit::IndicatorText { at, field, text },
                Some(id),
            ));
        }
    }
}

/// The indicator's *entidad responsable*: picked from the plan's entities, or typed (a name
/// that is none of them is a validation warning).
fn entity_field_ui(
    ui: &mut egui::Ui,
    plan: &Plan,
    indicator: &Indicator,
    at: IndicatorPath,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let field = IndicatorText::Entity;
    let label = ui.label(crate::tr!(language, "details-responsible-entity"));
    let id = egui::Id::unique(("indicator_text", at, format!("{field:?}")));
    let mut text = indicator.entity.clone();
    let mut picked = None;
    ui.horizontal(|ui| {
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .id(id)
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
        if response.changed() {
            picked = Some((text.clone(), Some(id)));
        }
        if plan.entities.is_empty() {
            return;
        }
        egui::ComboBox::from_id_salt(("entity_pick", at))
            .selected_text(crate::tr!(language, "details-pick-entity"))
            .show_ui(ui, |ui| {
                for entity in &plan.entities {
                    let chosen = entity.name == indicator.entity;
                    if ui.selectable_label(chosen, &entity.name).clicked() {
                        // A pick is an undo step of its own, never merged with typing.
                        picked = Some((entity.name.clone(), None));
                    }
                }
            })
            .response
            .accessible_name(crate::tr!(language, "details-pick-entity-name"))
            .on_hover_text(crate::tr!(language, "details-pick-entity-hint"));
    });
    if let Some((text, group)) = picked.filter(|(t, _)| *t != indicator.entity) {
        actions.push(Action::Edit(Edit::IndicatorText { at, field, text }, group));
    }
    ui.end_row();
}

/// Where the indicator comes from: what its meta's code implies, or a kind set on it.
fn indicator_kind_ui(
    ui: &mut egui::Ui,
    indicator: &Indicator,
    meta: &Meta,
    at: IndicatorPath,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let label = ui.label(crate::tr!(language, "grid-kind-heading"));
    let implied = IndicatorKind::from_meta_code(&meta.code);
    let name = |kind: Option<IndicatorKind>| match kind {
        None => crate::tr!(
            language,
            "details-kind-from-meta",
            kind = implied.name(language)
        ),
        Some(kind) => kind.name(language),
    };
    let mut chosen = indicator.kind;
    egui::ComboBox::from_id_salt(("indicator_kind", at))
        .selected_text(name(chosen))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, name(None));
            for kind in IndicatorKind::ALL {
                ui.selectable_value(&mut chosen, Some(kind), name(Some(kind)));
            }
        })
        .response
        .labelled_by(label.id)
        .accessible_name(format!(
            "{} · {}",
            crate::model::validation::indicator_label(&meta.code, indicator),
            crate::tr!(language, "grid-kind-heading")
        ));
    if chosen != indicator.kind {
        actions.push(Action::Edit(Edit::IndicatorKind { at, kind: chosen }, None));
    }
    ui.end_row();
}

/// The officer's comment on each quarter of the vigencia.
fn comments_ui(
    ui: &mut egui::Ui,
    indicator: &Indicator,
    at: IndicatorPath,
    vigencia: Vigencia,
    language: Language,
    actions: &mut Vec<Action>,
) {
    for quarter in Quarter::ALL {
        let label = format!(
            "{} {} {vigencia}",
            crate::tr!(language, "details-comment"),
            quarter.short_name(language)
        );
        let value = indicator
            .year(vigencia)
            .and_then(|y| y.comments.get(&quarter))
            .cloned()
            .unwrap_or_default();
        let id = egui::Id::unique(("comment", at, vigencia, quarter));
        if let Some(text) = text_field(ui, &label, &value, false, id) {
            actions.push(Action::Edit(
                Edit::Comment {
                    at,
                    vigencia,
                    quarter,
                    text,
                },
                Some(id),
            ));
        }
    }
}

/// Move the indicator up or down in its meta, or remove it.
fn indicator_buttons_ui(
    ui: &mut egui::Ui,
    at: IndicatorPath,
    count: usize,
    language: Language,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        for (direction, text, enabled) in [
            (
                Direction::Up,
                crate::tr!(language, "details-move-up"),
                at.indicator > 0,
            ),
            (
                Direction::Down,
                crate::tr!(language, "details-move-down"),
                at.indicator + 1 < count,
            ),
        ] {
            if ui.add_enabled(enabled, egui::Button::new(text)).clicked() {
                actions.push(Action::Edit(Edit::MoveIndicator { at, direction }, None));
                let indicator = if direction == Direction::Up {
                    at.indicator - 1
                } else {
                    at.indicator + 1
                };
                actions.push(Action::Select(Selection::Indicator(IndicatorPath {
                    indicator,
                    ..at
                })));
            }
        }
        if ui
            .button(crate::tr!(language, "details-remove-indicator"))
            .on_hover_text(crate::tr!(language, "details-undo-hint"))
            .clicked()
        {
            actions.push(Action::Edit(Edit::RemoveIndicator { at }, None));
            actions.push(Action::Select(Selection::Objective(at.objective)));
        }
        ui.label(RichText::new(crate::tr!(language, "details-figures-in-grid")).weak());
    });
}
