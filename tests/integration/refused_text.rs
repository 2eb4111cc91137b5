//! A cell holds what was accepted, never a keystroke on the way: text left in an entry box that
//! is not a number gives the plan back the value the box had when it was reached, whatever was
//! typed on the way (and leaves no undo step). Saving while such a text is on screen asks
//! first. Every test types as officers do: character by character into a reached cell.

use std::str::FromStr;

use avance::app::AvanceApp;
use avance::io::{plan_file, seed_plan};
use avance::model::edit::Figure;
use avance::model::{Plan, Quarter, Vigencia};
use avance::view::Prefs;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use rust_decimal::Decimal;

use super::fast_typing::keystroke;
use super::ui::{ScriptedDialogs, harness, objective_progress, press, select_objective};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// Types `text` one character a frame, as a hand does, into whatever has the focus.
fn type_keys(harness: &mut Harness<'_, AvanceApp>, text: &str) {
    for c in text.chars() {
        harness.input_mut().events.extend(keystroke(c));
        harness.run();
    }
}

/// A figure of objective 3's indicator in `row` (plan order: 464, 465, 466, 644, 543, 554, 555).
fn figure(plan: &Plan, row: usize, vigencia: Vigencia, figure: Figure) -> Option<Decimal> {
    let indicator = plan.indicator(plan.indicator_paths(2)[row]).unwrap();
    match figure {
        Figure::Weight => indicator.weight(vigencia),
        Figure::Programmed => indicator.programmed(vigencia),
        Figure::Executed(q) => indicator.executed(vigencia, q),
    }
}

const T1: Figure = Figure::Executed(Quarter::ALL[0]);
const ROW_465: usize = 1;
const ROW_644: usize = 3;
const ROW_543: usize = 4;
const CELL_644: &str = "644 · ejecutado 2022 T1";

fn shown(harness: &Harness<'_, AvanceApp>, cell: &str) -> String {
    harness.get_by_label(cell).value().unwrap_or_default()
}

fn undo_enabled(harness: &Harness<'_, AvanceApp>) -> bool {
    !harness
        .get_by_label("Deshacer")
        .accesskit_node()
        .is_disabled()
}

fn reach(harness: &mut Harness<'_, AvanceApp>, cell: &str) {
    harness.get_by_label(cell).click();
    harness.run();
    assert!(harness.get_by_label(cell).is_focused(), "{cell} reached");
}

/// Objective 3 is still the published 24,15 %: in the engine, the footer and the tree.
fn still_24_15(harness: &Harness<'_, AvanceApp>, what: &str) {
    assert_eq!(
        objective_progress(harness, 3).as_deref(),
        Some("24.15"),
        "{what}"
    );
    assert!(
        harness.query_all_by_label("24,15\u{a0}%").count() >= 2,
        "{what}: footer and tree badge"
    );
}

/// How the cell is left.
#[derive(Clone, Copy, Debug)]
enum Leave {
    Enter,
    Tab,
    Arrow,
    Click,
}

fn leave(harness: &mut Harness<'_, AvanceApp>, how: Leave) {
    match how {
        Leave::Enter => press(harness, Modifiers::NONE, Key::Enter),
        Leave::Tab => press(harness, Modifiers::NONE, Key::Tab),
        Leave::Arrow => press(harness, Modifiers::NONE, Key::ArrowDown),
        Leave::Click => {
            harness.get_by_label("466 · ejecutado 2022 T1").click();
            harness.run();
        }
    }
}

#[test]
fn an_invalid_ending_leaves_the_plan_with_the_value_the_cell_had_when_reached() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    let seed = seed_plan();
    for ending in ["2o", "1,2,3", "--5", "5-"] {
        for how in [Leave::Enter, Leave::Tab, Leave::Arrow, Leave::Click] {
            let what = format!("{ending:?} then {how:?}");
            reach(&mut harness, CELL_644);
            type_keys(&mut harness, ending);
            assert_eq!(
                figure(harness.state().plan(), ROW_644, 2022, T1),
                Some(d("19")),
                "{what}: while the text is not a number"
            );
            leave(&mut harness, how);
            assert!(harness.state().plan() == &seed, "{what}: the plan holds 19");
            assert!(!undo_enabled(&harness), "{what}: no stray undo step");
            assert!(
                !harness.state().title().contains('•'),
                "{what}: nothing changed"
            );
            still_24_15(&harness, &what);
            assert_eq!(shown(&harness, CELL_644), ending, "{what}: the text stays");
            harness.get_by_label("1 error · 5 avisos");
        }
    }
}

#[test]
fn weights_and_programming_keep_their_reached_value_too() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    let seed = seed_plan();
    reach(&mut harness, "644 · ponderación 2022");
    type_keys(&mut harness, "4x");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert_eq!(
        figure(harness.state().plan(), ROW_644, 2022, Figure::Weight),
        Some(d("3"))
    );
    // Reach 644's programming of 2022 from its T4 (computed columns are skipped).
    reach(&mut harness, "644 · ejecutado 2022 T4");
    for _ in 0..3 {
        press(&mut harness, Modifiers::NONE, Key::Tab);
    }
    assert!(harness.get_by_label("644 · programación 2022").is_focused());
    type_keys(&mut harness, "5-");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(harness.state().plan() == &seed);
    assert!(!undo_enabled(&harness));
    still_24_15(&harness, "weight 4x, programming 5-");
    harness.get_by_label("2 errores · 5 avisos");
}

#[test]
fn delete_then_a_letter_gives_back_the_reached_value_not_the_emptied_one() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    reach(&mut harness, CELL_644);
    press(&mut harness, Modifiers::NONE, Key::Delete);
    assert_eq!(figure(harness.state().plan(), ROW_644, 2022, T1), None);
    type_keys(&mut harness, "o");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(harness.state().plan() == &seed_plan());
    assert!(!undo_enabled(&harness));
    still_24_15(&harness, "Delete, o");
}

#[test]
fn a_pasted_figure_then_a_letter_gives_back_the_reached_value() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    reach(&mut harness, CELL_644);
    harness.event(egui::Event::Paste("2".into()));
    harness.run();
    assert_eq!(
        figure(harness.state().plan(), ROW_644, 2022, T1),
        Some(d("2"))
    );
    type_keys(&mut harness, "o");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(harness.state().plan() == &seed_plan());
    assert!(!undo_enabled(&harness));
    still_24_15(&harness, "paste 2, o");
    assert_eq!(shown(&harness, CELL_644), "2o");
}

#[test]
fn fill_down_from_a_red_cell_copies_the_value_the_plan_kept() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    reach(&mut harness, CELL_644);
    type_keys(&mut harness, "2o");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(harness.get_by_label("543 · ejecutado 2022 T1").is_focused());
    press(&mut harness, Modifiers::COMMAND, Key::D);
    let plan = harness.state().plan();
    assert_eq!(figure(plan, ROW_543, 2022, T1), Some(d("19")), "not 2");
    assert_eq!(figure(plan, ROW_644, 2022, T1), Some(d("19")));
    // A range emptied or filled over a red cell takes its text away: the cell shows what the
    // plan holds.
    reach(&mut harness, CELL_644);
    press(&mut harness, Modifiers::SHIFT, Key::ArrowDown);
    press(&mut harness, Modifiers::NONE, Key::Delete);
    assert_eq!(figure(harness.state().plan(), ROW_644, 2022, T1), None);
    assert_eq!(shown(&harness, CELL_644), "");
    harness.get_by_label_contains("0 errores");
}

/// The window on a copy of the seed saved at `dir/plan.ron`.
fn window_on_file(dir: &std::path::Path) -> (Harness<'static, AvanceApp>, std::path::PathBuf) {
    let path = dir.join("plan.ron");
    plan_file::save(&seed_plan(), &path).unwrap();
    let harness = crate::ui::window(
        Prefs::default(),
        Some(path.clone()),
        ScriptedDialogs::default(),
    );
    (harness, path)
}

#[test]
fn saving_with_a_red_cell_asks_first_and_without_it_the_file_keeps_the_reached_value() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = window_on_file(dir.path());
    select_objective(&mut harness, 3);
    reach(&mut harness, "465 · ejecutado 2022 T1");
    type_keys(&mut harness, "1");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    reach(&mut harness, CELL_644);
    type_keys(&mut harness, "2o");
    press(&mut harness, Modifiers::NONE, Key::Enter);

    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label_contains(
        "Objetivo 3 · indicador 644 · ejecutado 2022 T1: «2o» no se aceptó; se guarda 19,00",
    );
    assert_eq!(
        plan_file::load(&path).unwrap(),
        seed_plan(),
        "nothing written while asking"
    );
    // Correct it: back to the cell, nothing saved.
    harness.get_by_label("Corregir").click();
    harness.run();
    assert!(harness.state().dialog().is_none());
    assert!(harness.get_by_label(CELL_644).is_focused());
    assert_eq!(plan_file::load(&path).unwrap(), seed_plan());
    assert!(harness.state().title().contains('•'));

    // Save without it: the file keeps 19 (and the accepted 1 of 465).
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("Guardar sin ese texto").click();
    harness.run();
    let saved = plan_file::load(&path).unwrap();
    assert_eq!(figure(&saved, ROW_644, 2022, T1), Some(d("19")));
    assert_eq!(figure(&saved, ROW_465, 2022, T1), Some(d("1")));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("{1: \"2\"}"), "no keystroke on the way");
    assert!(!harness.state().title().contains('•'), "saved");
    // The cell shows what the file holds.
    assert_eq!(shown(&harness, CELL_644), "19,00");
    harness.get_by_label_contains("0 errores");
}

#[test]
fn saving_with_semaforo_thresholds_that_cannot_apply_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = window_on_file(dir.path());
    harness.get_by_label("Plan y entidades").click();
    harness.run();
    reach(&mut harness, "Rojo por debajo de (%)");
    type_keys(&mut harness, "60x");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label_contains("Rojo por debajo de (%): «60x» no se aceptó; se guarda 50,00");
    harness.get_by_label("Guardar sin ese texto").click();
    harness.run();
    let saved = plan_file::load(&path).unwrap();
    assert_eq!(saved.settings.traffic_lights.red_below, d("50"));
    assert!(saved == seed_plan());
}

#[test]
fn closing_with_only_a_red_cell_asks_first_and_saving_keeps_the_reached_value() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = window_on_file(dir.path());
    select_objective(&mut harness, 3);
    reach(&mut harness, CELL_644);
    type_keys(&mut harness, "2o");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(
        !harness.state().title().contains('•'),
        "the plan is unchanged"
    );

    // The window's close button asks: the text in red would be lost.
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    harness.get_by_label("Cambios sin guardar");
    harness.get_by_label("Cancelar").click();
    harness.run();
    assert_eq!(shown(&harness, CELL_644), "2o", "the text is still there");

    // Nuevo asks too; Guardar names the text and what the file keeps, then opens the new plan.
    press(&mut harness, Modifiers::COMMAND, Key::N);
    harness.get_by_label("Cambios sin guardar");
    harness.get_by_label("Guardar").click();
    harness.run();
    harness.get_by_label_contains(
        "Objetivo 3 · indicador 644 · ejecutado 2022 T1: «2o» no se aceptó; se guarda 19,00",
    );
    harness.get_by_label("Guardar sin ese texto").click();
    harness.run();
    assert_eq!(plan_file::load(&path).unwrap(), seed_plan());
    crate::plan_frame::create_new_plan(&mut harness, "Secretaría General");
    assert_eq!(harness.state().plan().indicator_count(), 0, "the new plan");
}

#[test]
fn a_red_text_outlives_a_change_of_cut() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    reach(&mut harness, CELL_644);
    type_keys(&mut harness, "2o");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.get_by_label("Trimestre del corte").click();
    harness.run();
    harness.get_by_label("T2").click();
    harness.run();
    assert_eq!(harness.state().plan().cut.quarter, Quarter::new(2).unwrap());
    assert_eq!(
        shown(&harness, CELL_644),
        "2o",
        "the text typed is not lost"
    );
    harness.get_by_label_contains("1 error");
    // The cut chosen is the plan's; the text never reached it.
    let mut expected = seed_plan();
    expected.cut.quarter = Quarter::new(2).unwrap();
    assert!(harness.state().plan() == &expected);
}

/// A text not accepted stays readable once left, cut with "…" if long, never "###": the officer
/// has to see what to correct. The plan keeps the reached value all the same.
#[test]
fn a_long_text_not_accepted_is_shown_as_typed_not_as_hashes() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    reach(&mut harness, CELL_644);
    type_keys(&mut harness, "12 personas atendidas");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let text = shown(&harness, CELL_644);
    assert!(text.starts_with("12"), "{text}");
    assert!(!text.contains("###"), "{text}");
    assert_eq!(
        figure(harness.state().plan(), ROW_644, 2022, T1),
        Some(d("19"))
    );
    still_24_15(&harness, "after a long text not accepted");
}
