//! The plan's frame in the window: Archivo → Nuevo asks for title, sector, period, objectives
//! and entities; *Plan y entidades* adds, renames and removes entities and changes the period;
//! an indicator's entity is picked from the plan's; the window starts on the last plan used.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use avance::app::AvanceApp;
use avance::model::{Period, Quarter};
use avance::view::dialog::Dialog;

use crate::ui::{harness, press};

/// Types `text` key by key into whatever has the focus, as a hand does.
pub(crate) fn type_keys(harness: &mut Harness<'_, AvanceApp>, text: &str) {
    for c in text.chars() {
        harness.event(egui::Event::Text(c.to_string()));
        harness.run();
    }
}

fn click(harness: &mut Harness<'_, AvanceApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

fn is_disabled(harness: &Harness<'_, AvanceApp>, label: &str) -> bool {
    harness.get_by_label(label).accesskit_node().is_disabled()
}

/// In the Nuevo dialog: one entity typed, then Crear (a new plan needs at least one entity).
pub(crate) fn create_new_plan(harness: &mut Harness<'_, AvanceApp>, entity: &str) {
    harness.get_by_label("Entidades (una por línea)").focus();
    harness.run();
    type_keys(harness, entity);
    click(harness, "Crear");
}

#[test]
fn nuevo_asks_the_whole_frame_says_what_is_wrong_and_keeps_what_was_typed() {
    let mut harness = harness();
    press(&mut harness, Modifiers::COMMAND, Key::N);
    assert!(matches!(harness.state().dialog(), Some(Dialog::NewPlan(_))));
    // No entity yet: said in words, and Crear waits.
    harness.get_by_label("escriba al menos una entidad, una por línea");
    assert!(is_disabled(&harness, "Crear"));
    // The title is reached with its default selected: typing replaces it.
    type_keys(&mut harness, "Plan Cultura 2024");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    type_keys(&mut harness, "Sector Cultura");
    // Each field reached by Tab has its text selected.
    press(&mut harness, Modifiers::NONE, Key::Tab);
    type_keys(&mut harness, "2027");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    type_keys(&mut harness, "2024");
    harness.get_by_label("la última vigencia (2024) es anterior a la primera (2027)");
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    type_keys(&mut harness, "2024");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    type_keys(&mut harness, "2060");
    harness.get_by_label("un plan abarca como máximo 30 vigencias; de 2024 a 2060 son más");
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    press(&mut harness, Modifiers::NONE, Key::Tab);
    type_keys(&mut harness, "2o27");
    harness
        .get_by_label("«2o27» no es una vigencia: escriba el año con cuatro cifras, p. ej. 2024");
    // Enter in a field with a bad text creates nothing.
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(matches!(harness.state().dialog(), Some(Dialog::NewPlan(_))));
    harness.get_by_label("Última vigencia").focus();
    harness.run();
    type_keys(&mut harness, "2027");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    type_keys(&mut harness, "4");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    // Entities, one a line; a repeated one is said and Crear waits.
    type_keys(&mut harness, "IDARTES");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    type_keys(&mut harness, " idartes");
    harness.get_by_label("la entidad «idartes» ya está en el plan");
    assert!(is_disabled(&harness, "Crear"));
    assert!(
        matches!(harness.state().dialog(), Some(Dialog::NewPlan(_))),
        "Enter in the entities adds a line, never creates"
    );
    for _ in 0.." idartes".chars().count() {
        press(&mut harness, Modifiers::NONE, Key::Backspace);
    }
    type_keys(&mut harness, "Secretaría de Cultura");
    click(&mut harness, "Crear");
    assert_eq!(harness.state().dialog(), None);
    let plan = harness.state().plan();
    assert_eq!(plan.title, "Plan Cultura 2024");
    assert_eq!(plan.sector, "Sector Cultura");
    assert_eq!(
        plan.period,
        Period {
            first: 2024,
            last: 2027
        }
    );
    assert_eq!(
        (plan.cut.vigencia, plan.cut.quarter),
        (2024, Quarter::ALL[0])
    );
    assert_eq!(plan.objectives.len(), 4);
    let names: Vec<_> = plan.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["IDARTES", "Secretaría de Cultura"]);
    harness.get_by_label("Objetivo 4");
}

#[test]
fn nuevo_is_left_by_esc_or_cancelar_and_the_open_plan_stays() {
    let mut harness = harness();
    let before = harness.state().plan().clone();
    press(&mut harness, Modifiers::COMMAND, Key::N);
    type_keys(&mut harness, "Otro plan");
    click(&mut harness, "Cancelar");
    assert_eq!(harness.state().dialog(), None);
    assert_eq!(harness.state().plan(), &before);
    press(&mut harness, Modifiers::COMMAND, Key::N);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(harness.state().dialog(), None);
    assert_eq!(harness.state().plan(), &before);
}

#[test]
fn a_click_beside_nuevo_drops_nothing_typed() {
    let mut harness = harness();
    press(&mut harness, Modifiers::COMMAND, Key::N);
    type_keys(&mut harness, "Plan Cultura");
    harness.hover_at(egui::pos2(5.0, 700.0));
    harness.run();
    harness.event(egui::Event::PointerButton {
        pos: egui::pos2(5.0, 700.0),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.event(egui::Event::PointerButton {
        pos: egui::pos2(5.0, 700.0),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    let Some(Dialog::NewPlan(form)) = harness.state().dialog() else {
        panic!("the dialog stays open");
    };
    assert_eq!(form.title, "Plan Cultura");
}

/// The seed with every indicator naming its entity by the whole name, on file in `dir`.
fn seed_naming_whole_entity(dir: &std::path::Path) -> std::path::PathBuf {
    let mut plan = avance::io::seed_plan();
    let whole = plan.entities[0].name.clone();
    for objective in &mut plan.objectives {
        for meta in &mut objective.metas {
            for indicator in &mut meta.indicators {
                indicator.entity = whole.clone();
            }
        }
    }
    let path = dir.join("plan.ron");
    avance::io::plan_file::save(&plan, &path).unwrap();
    path
}

const FIRST_INDICATOR: avance::model::edit::IndicatorPath = avance::model::edit::IndicatorPath {
    objective: 1,
    meta: 0,
    indicator: 0,
};

fn entity_of_first_indicator(harness: &Harness<'_, AvanceApp>) -> String {
    harness
        .state()
        .plan()
        .indicator(FIRST_INDICATOR)
        .unwrap()
        .entity
        .clone()
}

#[test]
fn renaming_an_entity_renames_its_indicators_and_one_ctrl_z_gives_both_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = seed_naming_whole_entity(dir.path());
    let mut harness = crate::ui::window(
        avance::view::Prefs::default(),
        Some(path),
        crate::ui::ScriptedDialogs::default(),
    );
    let before = harness.state().plan().clone();
    click(&mut harness, "Plan y entidades");
    harness.get_by_label("Entidad 1").focus();
    harness.run();
    type_keys(&mut harness, "Secretaría General de Bogotá");
    assert_eq!(
        harness.state().plan(),
        &before,
        "the name goes to the plan when the field is left"
    );
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert_eq!(
        harness.state().plan().entities[0].name,
        "Secretaría General de Bogotá"
    );
    assert_eq!(
        entity_of_first_indicator(&harness),
        "Secretaría General de Bogotá"
    );
    assert_eq!(harness.state().plan().indicators_of_entity(0), 9);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().plan(), &before, "one undo step");

    // Another entity's name is refused in words; what was typed stays in the field, and is
    // counted with the texts not accepted (a save asks about it).
    let other = before.entities[1].name.to_uppercase();
    harness.get_by_label("Entidad 1").focus();
    harness.run();
    type_keys(&mut harness, &other);
    press(&mut harness, Modifiers::NONE, Key::Tab);
    harness.get_by_label(&format!("la entidad «{other}» ya está en el plan"));
    assert_eq!(harness.state().plan(), &before);
    let refused = avance::view::refused::refused_entries(
        harness.state().plan(),
        harness.state().view(),
        avance::model::Language::Es,
    );
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert_eq!(
        refused[0].kept_message(avance::model::Language::Es),
        format!(
            "Entidad 1: «{other}» no se aceptó; se guarda «{}»",
            before.entities[0].name
        )
    );
    assert_eq!(
        harness.get_by_label("Entidad 1").value().as_deref(),
        Some(other.as_str())
    );
}

#[test]
fn an_entity_indicators_name_is_removed_after_asking_and_they_keep_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = seed_naming_whole_entity(dir.path());
    let mut harness = crate::ui::window(
        avance::view::Prefs::default(),
        Some(path),
        crate::ui::ScriptedDialogs::default(),
    );
    let before = harness.state().plan().clone();
    let whole = before.entities[0].name.clone();
    click(&mut harness, "Plan y entidades");
    let remove_first = |harness: &mut Harness<'_, AvanceApp>| {
        harness
            .query_all_by_label("Eliminar entidad…")
            .next()
            .unwrap()
            .click();
        harness.run();
    };
    remove_first(&mut harness);
    harness.get_by_label(&format!("¿Eliminar la entidad «{whole}»?"));
    harness.get_by_label_contains("9 indicadores la nombran como entidad responsable");
    click(&mut harness, "Cancelar");
    assert_eq!(harness.state().plan(), &before);
    remove_first(&mut harness);
    click(&mut harness, "Eliminar entidad");
    assert_eq!(harness.state().plan().entities.len(), 1);
    assert_eq!(
        entity_of_first_indicator(&harness),
        whole,
        "kept as written"
    );
    let finding = format!("la entidad responsable «{whole}» no está entre las entidades del plan");
    assert!(
        harness.query_all_by_label_contains(&finding).count() >= 1,
        "the findings say it"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().plan(), &before, "one undo step");

    // A new entity: typed, then Enter.
    harness.get_by_label("Nueva entidad").focus();
    harness.run();
    type_keys(&mut harness, "IDPAC");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(harness.state().plan().entities[2].name, "IDPAC");
}

#[test]
fn a_shorter_period_asks_how_many_figures_go_answered_both_ways() {
    let mut harness = harness();
    let seed = harness.state().plan().clone();
    click(&mut harness, "Plan y entidades");
    harness.get_by_label("Primera vigencia").focus();
    harness.run();
    type_keys(&mut harness, "2022");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.get_by_label("¿Cambiar el periodo?");
    harness.get_by_label_contains("El periodo 2022–2024 deja fuera 18 cifras");
    click(&mut harness, "Cancelar");
    assert_eq!(harness.state().plan(), &seed, "nothing dropped");
    assert_eq!(
        harness.get_by_label("Primera vigencia").value().as_deref(),
        Some("2022"),
        "what was typed stays"
    );
    click(&mut harness, "Aplicar periodo");
    click(&mut harness, "Cambiar el periodo");
    let plan = harness.state().plan().clone();
    assert_eq!(
        plan.period,
        Period {
            first: 2022,
            last: 2024
        }
    );
    assert_eq!(plan.figures_outside(seed.period), 0);
    assert_eq!(seed.figures_outside(plan.period), 18);
    assert_eq!(
        crate::ui::objective_progress(&harness, 3).as_deref(),
        Some("24.15")
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().plan(), &seed, "one undo step");

    // A longer period drops nothing: applied at once.
    harness.get_by_label("Última vigencia").focus();
    harness.run();
    type_keys(&mut harness, "2026");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(harness.state().dialog(), None);
    assert_eq!(harness.state().plan().period.last, 2026);
}

#[test]
fn an_indicators_entity_is_picked_from_the_plans_or_typed_and_then_warned_about() {
    let mut harness = harness();
    let seed = harness.state().plan().clone();
    let at = avance::model::edit::IndicatorPath {
        objective: 1,
        meta: 1,
        indicator: 0,
    };
    crate::ui::go_to_found(&mut harness, "Distrital de Víctimas");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(
        harness.state().view().selection,
        avance::view::Selection::Indicator(at)
    );
    // The details scroll under the objective's heading: down to the entity.
    harness
        .get_by_label("Elegir entidad responsable")
        .scroll_to_me();
    harness.run();
    click(&mut harness, "Elegir entidad responsable");
    let dascd = seed.entities[1].name.clone();
    click(&mut harness, &dascd);
    let entity = |harness: &Harness<'_, AvanceApp>| {
        harness.state().plan().indicator(at).unwrap().entity.clone()
    };
    assert_eq!(entity(&harness), dascd);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().plan(), &seed, "one undo step");

    // Free text stays possible; validation says the name is not the plan's.
    let field = "Entidad responsable";
    harness.get_by_label(field).focus();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::End);
    type_keys(&mut harness, " de Hacienda");
    assert_eq!(entity(&harness), "Secretaría General de Hacienda");
    harness.get_by_label_contains(
        "la entidad responsable «Secretaría General de Hacienda» no está entre las entidades del plan",
    );
}

#[test]
fn the_window_starts_on_the_last_plan_used_and_says_so_when_it_no_longer_opens() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = avance::io::seed_plan();
    plan.title = "Plan Cultura 2024–2027".into();
    let path = dir.path().join("cultura.ron");
    avance::io::plan_file::save(&plan, &path).unwrap();
    let prefs = avance::view::Prefs {
        recent: vec![path.clone(), dir.path().join("otro.ron")],
        ..avance::view::Prefs::default()
    };
    let harness = crate::ui::window(prefs.clone(), None, crate::ui::ScriptedDialogs::default());
    assert_eq!(harness.state().plan(), &plan);
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
    assert_eq!(harness.state().dialog(), None);

    // Gone since: said in words, and the example plan is shown.
    std::fs::remove_file(&path).unwrap();
    let mut harness = crate::ui::window(prefs, None, crate::ui::ScriptedDialogs::default());
    harness.get_by_label("No se abrió el último plan usado");
    harness.get_by_label_contains("cultura.ron");
    harness.get_by_label_contains("Se abrió el plan de ejemplo.");
    assert_eq!(harness.state().plan(), &avance::io::seed_plan());
    assert_eq!(harness.state().document().path(), None);
    click(&mut harness, "Aceptar");
    assert_eq!(harness.state().dialog(), None);
}

#[test]
fn abrir_plan_de_ejemplo_asks_about_unsaved_changes_first() {
    let mut harness = harness();
    press(&mut harness, Modifiers::COMMAND, Key::N);
    create_new_plan(&mut harness, "IDARTES");
    click(&mut harness, "Plan y entidades");
    harness.get_by_label("Nueva entidad").focus();
    harness.run();
    type_keys(&mut harness, "Secretaría de Cultura");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let edited = harness.state().plan().clone();
    assert_eq!(edited.entities.len(), 2);
    click(&mut harness, "Archivo");
    click(&mut harness, "Abrir plan de ejemplo");
    harness.get_by_label("Cambios sin guardar");
    click(&mut harness, "Cancelar");
    assert_eq!(harness.state().plan(), &edited);
    click(&mut harness, "Archivo");
    click(&mut harness, "Abrir plan de ejemplo");
    click(&mut harness, "Descartar");
    assert_eq!(harness.state().plan(), &avance::io::seed_plan());
}
