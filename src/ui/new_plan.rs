//! Archivo → Nuevo: the new plan's title, sector, period, number of objectives and entities,
//! each field labelled and reached by Tab. A text that cannot be read stays, with the reason
//! under its field, and *Crear* waits.

use crate::i18n::Language;
use crate::model::MAX_OBJECTIVES;
use crate::tr;
use crate::view::dialog::DialogAnswer;
use crate::view::new_plan::{NewPlanField, NewPlanForm, NewPlanProblem};

/// A labelled single-line field in the form's grid; returns it. Reached (Tab, a click), its
/// whole text is selected: typing replaces it, as in the semáforo's fields.
fn field(ui: &mut egui::Ui, label: &str, text: &mut String, width: f32) -> egui::Response {
    let label = ui.label(label);
    let response = ui
        .add(egui::TextEdit::singleline(text).desired_width(width))
        .labelled_by(label.id);
    if response.gained_focus() {
        super::select_all_text(ui, response.id, text);
    }
    response
}

/// The reasons a field's text cannot be read, in red under it.
fn problems_ui(
    ui: &mut egui::Ui,
    problems: &[NewPlanProblem],
    which: NewPlanField,
    language: Language,
) {
    for problem in problems.iter().filter(|p| p.field() == which) {
        ui.label("");
        ui.colored_label(
            crate::theme::error_text(ui.visuals()),
            problem.message(language),
        );
        ui.end_row();
    }
}

/// The Nuevo dialog; the answer once *Crear* (or Enter in a one-line field) or *Cancelar* is
/// chosen.
pub fn new_plan_ui(
    ui: &mut egui::Ui,
    form: &mut NewPlanForm,
    language: Language,
) -> Option<DialogAnswer> {
    ui.heading(tr!(language, "new-plan-title"));
    ui.label(tr!(language, "new-plan-question"));
    ui.add_space(6.0);
    let read = form.read();
    let problems = read.as_ref().err().cloned().unwrap_or_default();
    let mut entered = false;
    egui::Grid::new("new_plan_form")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let title = field(ui, &tr!(language, "details-title"), &mut form.title, 300.0);
            if form.fresh {
                // The default title selected: typing replaces it.
                title.request_focus();
                super::select_all_text(ui, title.id, &form.title);
                form.fresh = false;
            }
            ui.end_row();
            let sector = field(
                ui,
                &tr!(language, "details-sector"),
                &mut form.sector,
                300.0,
            );
            ui.end_row();
            let first = field(
                ui,
                &tr!(language, "new-plan-first-label"),
                &mut form.first,
                60.0,
            );
            ui.end_row();
            let last = field(
                ui,
                &tr!(language, "new-plan-last-label"),
                &mut form.last,
                60.0,
            );
            ui.end_row();
            problems_ui(ui, &problems, NewPlanField::Period, language);
            let objectives = field(
                ui,
                &tr!(language, "new-plan-objectives-label"),
                &mut form.objectives,
                60.0,
            );
            ui.end_row();
            ui.label("");
            ui.weak(tr!(
                language,
                "new-plan-objectives-hint",
                max = MAX_OBJECTIVES
            ));
            ui.end_row();
            problems_ui(ui, &problems, NewPlanField::Objectives, language);
            let label = ui.label(tr!(language, "new-plan-entities-label"));
            ui.add(
                egui::TextEdit::multiline(&mut form.entities)
                    .desired_rows(3)
                    .desired_width(300.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            problems_ui(ui, &problems, NewPlanField::Entities, language);
            entered = [title, sector, first, last, objectives]
                .iter()
                .any(|f| f.lost_focus())
                && ui.input(|i| i.key_pressed(egui::Key::Enter));
        });
    let mut answer = None;
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let create = ui
            .add_enabled(
                read.is_ok(),
                egui::Button::new(tr!(language, "new-plan-create")),
            )
            .clicked();
        if let Ok(spec) = &read
            && (create || entered)
        {
            answer = Some(DialogAnswer::NewPlan(Some(Box::new(spec.clone()))));
        }
        if ui.button(tr!(language, "dialog-cancel")).clicked() {
            answer = Some(DialogAnswer::NewPlan(None));
        }
    });
    answer
}
