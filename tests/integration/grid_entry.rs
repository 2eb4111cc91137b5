//! Typing in the grid as officers do in Excel: a reached cell has its text selected, so typing
//! replaces it; F2 or a double-click amends; arrows, Home/End, Page Up/Down move; Esc restores
//! and never leaves a step to redo. Every cell is reached by click, Tab, Enter or arrows, never
//! by a select-all the user would not press.

use std::str::FromStr;

use avance::app::AvanceApp;
use avance::io::plan_file;
use avance::model::edit::{Edit, Figure};
use avance::model::{Plan, Quarter};
use avance::view::Prefs;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use rust_decimal::Decimal;

use super::ui::{
    ScriptedDialogs, harness, harness_with, objective_progress, press, select_objective,
    type_in_cell,
};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The text a cell shows.
fn shown(harness: &Harness<'_, AvanceApp>, cell: &str) -> String {
    harness.get_by_label(cell).value().unwrap_or_default()
}

fn is_focused(harness: &Harness<'_, AvanceApp>, cell: &str) -> bool {
    harness.get_by_label(cell).is_focused()
}

/// The executed value of objective 3's indicator in `row` (plan order) in a 2022 quarter.
fn executed(plan: &Plan, row: usize, quarter: u8) -> Option<Decimal> {
    let at = plan.indicator_paths(2)[row];
    plan.indicator(at)
        .unwrap()
        .executed(2022, Quarter::new(quarter).unwrap())
}

fn type_text(harness: &mut Harness<'_, AvanceApp>, cell: &str, text: &str) {
    harness.get_by_label(cell).type_text(text);
    harness.run();
}

// Objective 3's rows in plan order: 464, 465, 466, 644, 543, 554, 555.
const ROW_644: usize = 3;
const ROW_466: usize = 2;
const ROW_543: usize = 4;

#[test]
fn tab_into_19_type_2_enter_gives_2_and_the_file_says_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness_with(dialogs.clone());
    select_objective(&mut harness, 3);
    harness.get_by_label("644 · ponderación 2022").click();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(is_focused(&harness, "644 · ejecutado 2022 T1"));
    assert_eq!(shown(&harness, "644 · ejecutado 2022 T1"), "19,00");
    type_text(&mut harness, "644 · ejecutado 2022 T1", "2");
    assert_eq!(
        shown(&harness, "644 · ejecutado 2022 T1"),
        "2",
        "typing replaced 19,00"
    );
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let plan = harness.state().plan().clone();
    assert_eq!(
        executed(&plan, ROW_644, 1)
            .map(|v| v.to_string())
            .as_deref(),
        Some("2")
    );
    assert_eq!(shown(&harness, "644 · ejecutado 2022 T1"), "2,00");
    assert!(
        is_focused(&harness, "543 · ejecutado 2022 T1"),
        "Enter goes down"
    );

    // The cell reached by Enter is selected too: typing replaces 6,00.
    type_text(&mut harness, "543 · ejecutado 2022 T1", "7");
    assert_eq!(executed(harness.state().plan(), ROW_543, 1), Some(d("7")));

    // A 0,00 reached by a click: typing 1 gives 1, not 10.
    type_in_cell(&mut harness, "466 · ejecutado 2022 T1", "1");
    assert_eq!(executed(harness.state().plan(), ROW_466, 1), Some(d("1")));

    dialogs.answer(Some(path.clone()));
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    let text = std::fs::read_to_string(&path).unwrap();
    let saved = plan_file::load(&path).unwrap();
    assert_eq!(
        executed(&saved, ROW_644, 1)
            .map(|v| v.to_string())
            .as_deref(),
        Some("2")
    );
    assert!(text.contains("{1: \"2\"}"), "the file holds what was typed");
    assert!(!text.contains("19.002"));
}

#[test]
fn a_cell_shows_every_decimal_the_figure_has() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("decimales.ron");
    let mut plan = avance::io::seed_plan();
    let at = plan.indicator_paths(2)[ROW_644];
    plan.apply(Edit::Figure {
        at,
        vigencia: 2022,
        figure: Figure::Executed(Quarter::new(1).unwrap()),
        value: Some(d("19.002")),
    })
    .unwrap();
    plan_file::save(&plan, &path).unwrap();
    let mut harness = crate::ui::window(Prefs::default(), Some(path), ScriptedDialogs::default());
    assert_eq!(shown(&harness, "321 · ejecutado 2022 T1"), "27,50");
    select_objective(&mut harness, 3);
    assert_eq!(shown(&harness, "644 · ejecutado 2022 T1"), "19,002");
    assert_eq!(shown(&harness, "644 · programación 2020"), "66,00");
    // The computed figures stay rounded to 2 decimals.
    harness.get_by_label("19,00\u{a0}%");
}

#[test]
fn f2_and_a_double_click_put_the_caret_at_the_end_to_amend() {
    // Frames 1/60 s apart, as on screen, so two clicks make a double-click (kittest feeds one
    // pointer event per frame).
    let mut harness = crate::window_builder()
        .with_step_dt(1.0 / 60.0)
        .build_eframe(|_| {
            AvanceApp::with(Prefs::default(), None, Box::new(ScriptedDialogs::default()))
        });
    harness.run();
    select_objective(&mut harness, 3);
    harness.get_by_label("644 · ejecutado 2022 T1").click();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::F2);
    type_text(&mut harness, "644 · ejecutado 2022 T1", "5");
    assert_eq!(
        executed(harness.state().plan(), ROW_644, 1),
        Some(d("19.005"))
    );
    // Amending, the arrows move the caret, not the focus.
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    assert!(is_focused(&harness, "644 · ejecutado 2022 T1"));
    type_text(&mut harness, "644 · ejecutado 2022 T1", "1");
    assert_eq!(
        executed(harness.state().plan(), ROW_644, 1),
        Some(d("19.0015"))
    );
    press(&mut harness, Modifiers::NONE, Key::Enter);

    let cell = "466 · ejecutado 2022 T1";
    harness.get_by_label(cell).click();
    harness.get_by_label(cell).click();
    harness.run();
    type_text(&mut harness, cell, "1");
    assert_eq!(shown(&harness, cell), "0,001");
    assert_eq!(
        executed(harness.state().plan(), ROW_466, 1),
        Some(d("0.001"))
    );
}

#[test]
fn arrows_home_end_and_page_keys_move_like_excel() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    harness.get_by_label("465 · ejecutado 2022 T1").click();
    harness.run();
    let mut go = |modifiers, key, want: &str| {
        press(&mut harness, modifiers, key);
        assert!(is_focused(&harness, want), "{key:?} → {want}");
    };
    go(Modifiers::NONE, Key::ArrowRight, "465 · ejecutado 2022 T2");
    go(Modifiers::NONE, Key::ArrowDown, "466 · ejecutado 2022 T2");
    go(Modifiers::NONE, Key::ArrowLeft, "466 · ejecutado 2022 T1");
    go(Modifiers::NONE, Key::ArrowUp, "465 · ejecutado 2022 T1");
    // A row runs from its code to its unit, all typed in.
    go(Modifiers::NONE, Key::Home, "465 · código");
    go(Modifiers::NONE, Key::End, "465 · unidad");
    go(Modifiers::COMMAND, Key::Home, "464 · código");
    go(Modifiers::COMMAND, Key::End, "555 · unidad");
    go(Modifiers::NONE, Key::PageUp, "464 · unidad");
    go(Modifiers::NONE, Key::PageDown, "555 · unidad");
    // From T4, the computed columns are skipped: Right goes to the first programming.
    go(Modifiers::COMMAND, Key::Home, "464 · código");
    go(Modifiers::NONE, Key::ArrowRight, "464 · nombre");
    go(Modifiers::NONE, Key::ArrowRight, "464 · ponderación 2022");
    for quarter in 1..=4 {
        go(
            Modifiers::NONE,
            Key::ArrowRight,
            &format!("464 · ejecutado 2022 T{quarter}"),
        );
    }
    go(Modifiers::NONE, Key::ArrowRight, "464 · programación 2020");
}

#[test]
fn typing_then_an_arrow_accepts_the_value_and_moves() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    type_in_cell(&mut harness, "465 · ejecutado 2022 T1", "1");
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    assert!(is_focused(&harness, "466 · ejecutado 2022 T1"));
    assert_eq!(executed(harness.state().plan(), 1, 1), Some(d("1")));
    assert_eq!(objective_progress(&harness, 3).as_deref(), Some("27.15"));
}

#[test]
fn a_refused_text_counts_as_an_error_and_says_it_was_not_accepted() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    harness.get_by_label("0 errores · 5 avisos");
    type_in_cell(&mut harness, "465 · ejecutado 2022 T1", "abc");
    harness.get_by_label("1 error · 5 avisos");
    harness.get_by_label_contains(
        "Error · Objetivo 3 · indicador 465 · ejecutado 2022 T1: No se aceptó: «abc» no es un número",
    );
    assert!(
        harness
            .query_by_label_contains("Celda sin guardar")
            .is_none()
    );
    // Leaving the cell keeps the text and the error until fixed or restored.
    press(&mut harness, Modifiers::NONE, Key::Tab);
    harness.get_by_label("1 error · 5 avisos");
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    harness.get_by_label("0 errores · 5 avisos");
    assert_eq!(shown(&harness, "465 · ejecutado 2022 T1"), "0,00");
    assert!(
        is_focused(&harness, "465 · ejecutado 2022 T1"),
        "Esc stays in the cell"
    );
}

fn redo_enabled(harness: &Harness<'_, AvanceApp>) -> bool {
    !harness
        .get_by_label("Rehacer")
        .accesskit_node()
        .is_disabled()
}

#[test]
fn esc_in_a_later_cell_never_brings_back_an_undone_edit() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    type_in_cell(&mut harness, "465 · ejecutado 2022 T1", "1");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(redo_enabled(&harness));
    type_in_cell(&mut harness, "466 · ejecutado 2022 T1", "1");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(!redo_enabled(&harness), "a new edit drops the redo");
    let after_second = harness.state().plan().clone();

    type_in_cell(&mut harness, "644 · ejecutado 2022 T1", "5");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(harness.state().plan(), &after_second, "Esc restored 19");
    assert!(!redo_enabled(&harness), "Esc creates no redo step");
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(
        harness.state().plan(),
        &after_second,
        "Ctrl+Y brings nothing back and reverts nothing"
    );
    // One Ctrl+Z undoes the edit of 466, the one before undoes nothing more (465 was undone).
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(executed(harness.state().plan(), ROW_466, 1), Some(d("0")));
    assert_eq!(executed(harness.state().plan(), 1, 1), Some(d("0")));
    assert_eq!(harness.state().plan(), &avance::io::seed_plan());
}

#[test]
fn a_huge_figure_is_drawn_to_the_axis_end_and_the_window_stays_usable() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    // 464 is programmed 1: a billion executed is 100 000 000 000 %.
    type_in_cell(&mut harness, "464 · ejecutado 2022 T1", "1000000000");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let bars = &harness.state().chart_data().indicators;
    let huge = &bars[0];
    assert_eq!(
        huge.value,
        Some(d("100000000000")),
        "the real figure is kept"
    );
    assert_eq!(huge.drawn_height(), Some(150.0), "drawn to the axis end");
    assert!(huge.beyond_axis());
    assert!(!bars[1].beyond_axis());
    harness.get_by_label("100.000.000.000,00\u{a0}%");
    // Capped in the roll-up: objective 3 counts it as 100 %.
    assert_eq!(objective_progress(&harness, 3).as_deref(), Some("25.65"));
}

#[test]
fn clicking_the_cell_already_reached_still_replaces_its_value() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    type_in_cell(&mut harness, "466 · ejecutado 2022 T1", "1");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(is_focused(&harness, "644 · ejecutado 2022 T1"));
    // The officer clicks the cell Enter reached, then types.
    type_in_cell(&mut harness, "644 · ejecutado 2022 T1", "2");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(executed(harness.state().plan(), ROW_644, 1), Some(d("2")));
    // A single value pasted after such a click replaces it too.
    harness.get_by_label("644 · ejecutado 2022 T1").click();
    harness.run();
    harness.get_by_label("644 · ejecutado 2022 T1").click();
    harness.run();
    harness.event(egui::Event::Paste("40\r\n".into()));
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(executed(harness.state().plan(), ROW_644, 1), Some(d("40")));
}

#[test]
fn after_a_paste_the_cell_shows_the_pasted_value_and_esc_keeps_the_whole_block() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    harness.get_by_label("464 · ejecutado 2022 T1").click();
    harness.run();
    harness.event(egui::Event::Paste("1\t2\n3\t4".into()));
    harness.run();
    assert_eq!(shown(&harness, "464 · ejecutado 2022 T1"), "1,00");
    assert_eq!(shown(&harness, "465 · ejecutado 2022 T2"), "4,00");
    let pasted = harness.state().plan().clone();
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(
        harness.state().plan(),
        &pasted,
        "Esc gives back the pasted value"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().plan(),
        &avance::io::seed_plan(),
        "one undo step"
    );
}

#[test]
fn the_grid_scrolls_sideways_to_the_cell_the_keys_reach() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    harness.get_by_label("464 · ejecutado 2022 T1").click();
    harness.run();
    for _ in 0..3 {
        press(&mut harness, Modifiers::NONE, Key::End);
        harness.run();
    }
    let cell = harness.get_by_label("464 · unidad");
    assert!(cell.is_focused());
    let rect = cell.rect();
    assert!(
        rect.max.x <= 1366.0 && rect.min.x >= 240.0,
        "the focused cell is on screen: {rect:?}"
    );
    press(&mut harness, Modifiers::NONE, Key::Home);
    harness.run();
    assert!(harness.get_by_label("464 · código").is_focused());
    let rect = harness.get_by_label("464 · ponderación 2022").rect();
    assert!(rect.min.x >= 240.0, "back at the row's start: {rect:?}");
}

/// The seed plan with `extra` more indicators in objective 3, coded 1000, 1001, …
fn long_plan(extra: usize) -> avance::model::Plan {
    let mut plan = avance::io::seed_plan();
    for n in 0..extra {
        plan.apply(Edit::AddIndicator {
            objective: 2,
            meta: 2,
        })
        .unwrap();
        let at = *plan.indicator_paths(2).last().unwrap();
        plan.apply(Edit::IndicatorText {
            at,
            field: avance::model::edit::IndicatorText::Code,
            text: format!("{}", 1000 + n),
        })
        .unwrap();
    }
    plan
}

#[test]
fn in_a_long_grid_page_down_and_ctrl_end_reach_rows_far_below() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("largo.ron");
    plan_file::save(&long_plan(300), &path).unwrap();
    let mut harness = crate::ui::window(Prefs::default(), Some(path), ScriptedDialogs::default());
    select_objective(&mut harness, 3);
    harness.get_by_label("464 · ejecutado 2022 T1").click();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::PageDown);
    harness.run();
    let focused: Vec<String> = harness
        .query_all_by_role(egui::accesskit::Role::TextInput)
        .filter(|n| n.is_focused())
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(focused.len(), 1, "{focused:?}");
    assert!(
        focused[0].starts_with("10") && focused[0].ends_with("ejecutado 2022 T1"),
        "Page Down went a screen down: {focused:?}"
    );
    press(&mut harness, Modifiers::COMMAND, Key::End);
    harness.run();
    let last = harness.get_by_label("1299 · unidad");
    assert!(last.is_focused(), "Ctrl+End reached the last indicator");
    let rect = last.rect();
    assert!(
        rect.max.y <= 768.0 && rect.min.y >= 0.0,
        "and shows it: {rect:?}"
    );
}

#[test]
fn a_figure_wider_than_its_column_shows_hashes_never_a_cut_number_and_reads_whole_when_reached() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    type_in_cell(&mut harness, "464 · ejecutado 2022 T2", "1234567,5");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(executed(harness.state().plan(), 0, 2), Some(d("1234567.5")));
    // Left, it would be cut to "1.234.56": it says it does not fit instead, as Excel does.
    assert_eq!(shown(&harness, "464 · ejecutado 2022 T2"), "###");
    // Reached again, the whole figure is there, selected: typing replaces all of it.
    press(&mut harness, Modifiers::SHIFT, Key::Enter);
    assert_eq!(shown(&harness, "464 · ejecutado 2022 T2"), "1.234.567,50");
    type_text(&mut harness, "464 · ejecutado 2022 T2", "7");
    assert_eq!(executed(harness.state().plan(), 0, 2), Some(d("7")));
}
