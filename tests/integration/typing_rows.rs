//! Typing a whole plan in the grid as in Excel: a new row is reached by Enter past the last
//! one (or Tab from its last cell), and its code, name, figures, línea base, type and unit are
//! typed from the keyboard alone, one undo step per cell. Every test types character by
//! character into a reached cell, as officers do.

use std::str::FromStr;

use avance::app::AvanceApp;
use avance::io::seed_plan;
use avance::model::edit::IndicatorPath;
use avance::model::{Annualization, Plan};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rust_decimal::Decimal;

use super::fast_typing::keystroke;
use super::ui::{harness, press, select_objective};

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

fn focused(harness: &Harness<'_, AvanceApp>, cell: &str) -> bool {
    harness
        .query_by_label(cell)
        .is_some_and(|node| node.is_focused())
}

fn shown(harness: &Harness<'_, AvanceApp>, cell: &str) -> String {
    harness.get_by_label(cell).value().unwrap_or_default()
}

fn tab(harness: &mut Harness<'_, AvanceApp>, times: usize) {
    for _ in 0..times {
        press(harness, Modifiers::NONE, Key::Tab);
    }
}

fn undo(harness: &mut Harness<'_, AvanceApp>) {
    press(harness, Modifiers::COMMAND, Key::Z);
}

/// Objective 3's last row (555) and the row Enter past it adds, in its meta.
fn last_and_new(plan: &Plan) -> (IndicatorPath, IndicatorPath) {
    let last = *plan.indicator_paths(2).last().unwrap();
    let new = IndicatorPath {
        indicator: last.indicator + 1,
        ..last
    };
    (last, new)
}

/// Reaches objective 3's last row's T1 with a click, then Enter past it: a new row.
fn new_row_by_enter(harness: &mut Harness<'_, AvanceApp>) {
    select_objective(harness, 3);
    harness.get_by_label("555 · ejecutado 2022 T1").click();
    harness.run();
    press(harness, Modifiers::NONE, Key::Enter);
}

#[test]
fn enter_past_the_last_row_adds_an_indicator_and_ctrl_z_removes_it() {
    let seed = seed_plan();
    let (_, new) = last_and_new(&seed);
    let mut harness = harness();
    new_row_by_enter(&mut harness);
    let plan = harness.state().plan();
    assert_eq!(plan.indicator_paths(2).len(), 8, "a new row");
    assert_eq!(plan.indicator(new), Some(&Default::default()));
    let meta = &plan.objectives[2].metas[new.meta].code;
    let label = format!("N/A ({meta})");
    assert!(
        focused(&harness, &format!("{label} · código")),
        "the new row is reached at its code"
    );
    // Adding is one undo step: Ctrl+Z takes the empty row away.
    undo(&mut harness);
    assert!(harness.state().plan() == &seed);
    assert!(
        harness
            .query_by_label(&format!("{label} · código"))
            .is_none()
    );
}

#[test]
fn a_new_indicator_is_typed_from_the_keyboard_alone_one_step_per_cell() {
    let seed = seed_plan();
    let (_, at) = last_and_new(&seed);
    let mut harness = harness();
    new_row_by_enter(&mut harness);
    type_keys(&mut harness, "900");
    assert!(
        focused(&harness, "900 · código"),
        "the label follows the code"
    );
    tab(&mut harness, 1);
    assert!(focused(&harness, "900 · nombre"));
    type_keys(&mut harness, "Personas formadas");
    tab(&mut harness, 1);
    assert!(focused(&harness, "900 · ponderación 2022"));
    type_keys(&mut harness, "5");
    // T1 … T4, then the programming of 2020 and 2021, to 2022's.
    tab(&mut harness, 7);
    assert!(focused(&harness, "900 · programación 2022"));
    type_keys(&mut harness, "40");
    // 2023, 2024, then the línea base.
    tab(&mut harness, 3);
    assert!(focused(&harness, "900 · línea base"));
    // A bad text stays red and never reaches the plan, whichever way the cell is left.
    type_keys(&mut harness, "12o");
    tab(&mut harness, 1);
    assert!(focused(&harness, "900 · tipo"));
    assert_eq!(shown(&harness, "900 · línea base"), "12o");
    assert_eq!(harness.state().plan().indicator(at).unwrap().baseline, None);
    harness.get_by_label_contains("1 error");
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    assert!(focused(&harness, "900 · línea base"));
    type_keys(&mut harness, "80");
    tab(&mut harness, 1);
    // The type: the start of its name ("c" would be creciente or constante).
    type_keys(&mut harness, "dec");
    tab(&mut harness, 1);
    assert_eq!(shown(&harness, "900 · tipo"), "Decreciente");
    assert!(focused(&harness, "900 · unidad"));
    type_keys(&mut harness, "personas");
    let typed = harness.state().plan().clone();
    let indicator = typed.indicator(at).unwrap();
    assert_eq!(indicator.code.as_deref(), Some("900"));
    assert_eq!(indicator.name, "Personas formadas");
    assert_eq!(indicator.weight(2022), Some(d("5")));
    assert_eq!(indicator.programmed(2022), Some(d("40")));
    assert_eq!(indicator.baseline, Some(d("80")));
    assert_eq!(indicator.annualization, Annualization::Decreciente);
    assert_eq!(indicator.unit, "personas");
    // Enter in the last row goes on in another new row; Ctrl+Z takes it away.
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(harness.state().plan().indicator_paths(2).len(), 9);
    undo(&mut harness);
    assert!(harness.state().plan() == &typed);
    // One step per cell (the red línea base left none), then the row itself.
    let steps = [
        "unit",
        "type",
        "baseline",
        "programming",
        "weight",
        "name",
        "code",
    ];
    for step in steps {
        undo(&mut harness);
        assert!(harness.state().plan() != &seed, "{step} undone alone");
    }
    undo(&mut harness);
    assert!(harness.state().plan() == &seed, "then the row");
}

/// Reaches 644's línea base from its name (in the frozen pane, always in view): End goes to
/// the row's last cell, the unit; two cells left is the línea base.
fn reach_644_baseline(harness: &mut Harness<'_, AvanceApp>) {
    harness.get_by_label("644 · nombre").click();
    harness.run();
    press(harness, Modifiers::NONE, Key::End);
    press(harness, Modifiers::NONE, Key::ArrowLeft);
    press(harness, Modifiers::NONE, Key::ArrowLeft);
}

#[test]
fn a_bad_baseline_never_reaches_the_plan_however_the_cell_is_left() {
    let seed = seed_plan();
    let at = seed.indicator_paths(2)[3];
    for leave in ["enter", "tab", "arrow", "click"] {
        let mut harness = harness();
        select_objective(&mut harness, 3);
        reach_644_baseline(&mut harness);
        assert!(focused(&harness, "644 · línea base"), "{leave}");
        type_keys(&mut harness, "1");
        assert_eq!(
            harness.state().plan().indicator(at).unwrap().baseline,
            Some(d("1")),
            "a number goes in as typed"
        );
        type_keys(&mut harness, "2o");
        match leave {
            "enter" => press(&mut harness, Modifiers::NONE, Key::Enter),
            "tab" => tab(&mut harness, 1),
            "arrow" => press(&mut harness, Modifiers::NONE, Key::ArrowDown),
            _ => {
                harness.get_by_label("644 · código").click();
                harness.run();
            }
        }
        assert!(!focused(&harness, "644 · línea base"), "{leave}");
        assert_eq!(shown(&harness, "644 · línea base"), "12o", "{leave}");
        assert!(
            harness.state().plan() == &seed,
            "{leave}: the reached value"
        );
        harness.get_by_label_contains(
            "Error · Objetivo 3 · indicador 644 · línea base: No se aceptó: «12o» no es un número",
        );
        // Esc, back in the cell, gives the reached value back.
        reach_644_baseline(&mut harness);
        assert!(focused(&harness, "644 · línea base"), "{leave}");
        press(&mut harness, Modifiers::NONE, Key::Escape);
        assert_eq!(shown(&harness, "644 · línea base"), "", "{leave}");
        assert!(harness.state().plan() == &seed, "{leave}");
    }
}
