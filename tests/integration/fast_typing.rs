//! Fast hands: keys that arrive together in one frame (a quick hand on the number pad, or keys
//! queued while a slow frame is drawn) each land in the cell that has the focus at that point
//! of the stream. A Tab, Enter or arrow moves on, and what follows it belongs to the next cell,
//! never to the one being left.

use std::str::FromStr;

use avance::app::AvanceApp;
use avance::io::generate::{GenerateRequest, generate};
use avance::io::plan_file;
use avance::model::edit::Figure;
use avance::model::{Plan, Quarter, TrafficLights, Vigencia};
use avance::view::Prefs;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rust_decimal::Decimal;

use super::ui::{ScriptedDialogs, press, select_objective};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// What a keyboard sends for one character: the key pressed, its text, the key released.
pub(crate) fn keystroke(c: char) -> Vec<Event> {
    let key = Key::from_name(&c.to_string());
    let mut events = Vec::with_capacity(3);
    events.extend(key.map(|key| key_event(key, true, Modifiers::NONE)));
    events.push(Event::Text(c.to_string()));
    events.extend(key.map(|key| key_event(key, false, Modifiers::NONE)));
    events
}

fn key_event(key: Key, pressed: bool, modifiers: Modifiers) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers,
    }
}

/// What a keyboard sends for a key that types nothing (Tab, Enter, an arrow), with modifiers.
pub(crate) fn key(modifiers: Modifiers, key: Key) -> Vec<Event> {
    let mut events = Vec::with_capacity(4);
    if modifiers.any() {
        events.push(Event::ModifiersChanged(modifiers));
    }
    events.push(key_event(key, true, modifiers));
    events.push(key_event(key, false, modifiers));
    if modifiers.any() {
        events.push(Event::ModifiersChanged(Modifiers::NONE));
    }
    events
}

/// One step of what the hands do: characters typed, or a key.
pub(crate) enum Stroke<'a> {
    Type(&'a str),
    Key(Modifiers, Key),
    Paste(&'a str),
}

/// The events of `strokes`, in order.
pub(crate) fn events(strokes: &[Stroke<'_>]) -> Vec<Event> {
    let mut out = Vec::new();
    for stroke in strokes {
        match stroke {
            Stroke::Type(text) => text.chars().for_each(|c| out.extend(keystroke(c))),
            Stroke::Key(modifiers, k) => out.extend(key(*modifiers, *k)),
            Stroke::Paste(text) => out.push(Event::Paste((*text).to_owned())),
        }
    }
    out
}

/// Puts every event of `strokes` into ONE frame's input and draws that frame, as when keys
/// queue while a frame is drawn; then lets the window settle.
pub(crate) fn in_one_frame(harness: &mut Harness<'_, AvanceApp>, strokes: &[Stroke<'_>]) {
    harness.input_mut().events.extend(events(strokes));
    harness.step();
    harness.run();
}

const TAB: Stroke<'static> = Stroke::Key(Modifiers::NONE, Key::Tab);
const ENTER: Stroke<'static> = Stroke::Key(Modifiers::NONE, Key::Enter);

/// A figure of objective 3's indicator in `row` (plan order: 464, 465, 466, 644, 543, 554, 555).
fn figure(plan: &Plan, row: usize, vigencia: Vigencia, figure: Figure) -> Option<Decimal> {
    let indicator = plan.indicator(plan.indicator_paths(2)[row]).unwrap();
    match figure {
        Figure::Weight => indicator.weight(vigencia),
        Figure::Programmed => indicator.programmed(vigencia),
        Figure::Executed(q) => indicator.executed(vigencia, q),
    }
}

fn t(quarter: u8) -> Figure {
    Figure::Executed(Quarter::new(quarter).unwrap())
}

const ROW_464: usize = 0;
const ROW_465: usize = 1;
const ROW_466: usize = 2;
const ROW_644: usize = 3;
const ROW_543: usize = 4;

fn reach(harness: &mut Harness<'_, AvanceApp>, cell: &str) {
    harness.get_by_label(cell).click();
    harness.run();
    assert!(harness.get_by_label(cell).is_focused(), "{cell} reached");
}

fn is_focused(harness: &Harness<'_, AvanceApp>, cell: &str) -> bool {
    harness.get_by_label(cell).is_focused()
}

#[test]
fn seven_tab_eight_tab_in_one_frame_gives_t1_7_and_t2_8() {
    let mut harness = super::ui::harness();
    select_objective(&mut harness, 3);
    reach(&mut harness, "466 · ejecutado 2022 T1");
    in_one_frame(
        &mut harness,
        &[Stroke::Type("7"), TAB, Stroke::Type("8"), TAB],
    );
    let plan = harness.state().plan();
    assert_eq!(figure(plan, ROW_466, 2022, t(1)), Some(d("7")), "T1");
    assert_eq!(figure(plan, ROW_466, 2022, t(2)), Some(d("8")), "T2");
    assert_eq!(figure(plan, ROW_466, 2022, t(3)), None);
    assert!(is_focused(&harness, "466 · ejecutado 2022 T3"));
}

#[test]
fn programming_80_tab_100_in_one_frame_gives_80_and_100() {
    let mut harness = super::ui::harness();
    select_objective(&mut harness, 3);
    reach(&mut harness, "466 · ejecutado 2022 T4");
    // T4 → programación 2020 → 2021 → 2022 (the computed columns are skipped).
    for _ in 0..3 {
        press(&mut harness, Modifiers::NONE, Key::Tab);
    }
    assert!(is_focused(&harness, "466 · programación 2022"));
    in_one_frame(
        &mut harness,
        &[Stroke::Type("80"), TAB, Stroke::Type("100"), TAB],
    );
    let plan = harness.state().plan();
    assert_eq!(
        figure(plan, ROW_466, 2022, Figure::Programmed),
        Some(d("80"))
    );
    assert_eq!(
        figure(plan, ROW_466, 2023, Figure::Programmed),
        Some(d("100"))
    );
    assert!(is_focused(&harness, "466 · programación 2024"));
}

#[test]
fn seven_enter_eight_enter_in_one_frame_goes_down_the_column() {
    let mut harness = super::ui::harness();
    select_objective(&mut harness, 3);
    reach(&mut harness, "466 · ejecutado 2022 T1");
    in_one_frame(
        &mut harness,
        &[Stroke::Type("7"), ENTER, Stroke::Type("8"), ENTER],
    );
    let plan = harness.state().plan();
    assert_eq!(figure(plan, ROW_466, 2022, t(1)), Some(d("7")));
    assert_eq!(figure(plan, ROW_644, 2022, t(1)), Some(d("8")));
    assert_eq!(figure(plan, ROW_543, 2022, t(1)), Some(d("6")), "untouched");
    assert!(is_focused(&harness, "543 · ejecutado 2022 T1"));
}

#[test]
fn the_four_arrows_in_one_frame_each_take_the_next_figure_to_its_cell() {
    let mut harness = super::ui::harness();
    select_objective(&mut harness, 3);
    reach(&mut harness, "466 · ejecutado 2022 T2");
    let arrow = |k| Stroke::Key(Modifiers::NONE, k);
    in_one_frame(
        &mut harness,
        &[
            Stroke::Type("7"),
            arrow(Key::ArrowLeft),
            Stroke::Type("8"),
            arrow(Key::ArrowUp),
            Stroke::Type("9"),
            arrow(Key::ArrowRight),
            Stroke::Type("1"),
            arrow(Key::ArrowDown),
        ],
    );
    let plan = harness.state().plan();
    assert_eq!(figure(plan, ROW_466, 2022, t(2)), Some(d("7")));
    assert_eq!(figure(plan, ROW_466, 2022, t(1)), Some(d("8")));
    assert_eq!(figure(plan, ROW_465, 2022, t(1)), Some(d("9")));
    assert_eq!(figure(plan, ROW_465, 2022, t(2)), Some(d("1")));
    assert!(is_focused(&harness, "466 · ejecutado 2022 T2"));
}

#[test]
fn shift_tab_and_shift_enter_in_one_frame_go_back_with_the_next_figure() {
    let mut harness = super::ui::harness();
    select_objective(&mut harness, 3);
    reach(&mut harness, "644 · ejecutado 2022 T2");
    in_one_frame(
        &mut harness,
        &[
            Stroke::Type("7"),
            Stroke::Key(Modifiers::SHIFT, Key::Tab),
            Stroke::Type("8"),
            Stroke::Key(Modifiers::SHIFT, Key::Enter),
            Stroke::Type("9"),
        ],
    );
    let plan = harness.state().plan();
    assert_eq!(figure(plan, ROW_644, 2022, t(2)), Some(d("7")));
    assert_eq!(figure(plan, ROW_644, 2022, t(1)), Some(d("8")));
    assert_eq!(figure(plan, ROW_466, 2022, t(1)), Some(d("9")));
    assert!(is_focused(&harness, "466 · ejecutado 2022 T1"));
}

#[test]
fn a_paste_and_the_keys_around_it_in_one_frame_keep_their_order() {
    // A block pasted, then Tab and a figure: the figure goes to the cell Tab reached.
    let mut harness = super::ui::harness();
    select_objective(&mut harness, 3);
    reach(&mut harness, "464 · ejecutado 2022 T1");
    in_one_frame(
        &mut harness,
        &[Stroke::Paste("1\t2\n3\t4"), TAB, Stroke::Type("5")],
    );
    let plan = harness.state().plan();
    assert_eq!(figure(plan, ROW_464, 2022, t(1)), Some(d("1")), "pasted");
    assert_eq!(figure(plan, ROW_464, 2022, t(2)), Some(d("5")), "typed");
    assert_eq!(figure(plan, ROW_465, 2022, t(1)), Some(d("3")));
    assert_eq!(figure(plan, ROW_465, 2022, t(2)), Some(d("4")));
    assert!(is_focused(&harness, "464 · ejecutado 2022 T2"));

    // A figure typed, then a block pasted over it: the block wins, as it came last.
    let mut harness = super::ui::harness();
    select_objective(&mut harness, 3);
    reach(&mut harness, "464 · ejecutado 2022 T1");
    in_one_frame(
        &mut harness,
        &[Stroke::Type("7"), Stroke::Paste("1\t2\n3\t4")],
    );
    let plan = harness.state().plan();
    assert_eq!(figure(plan, ROW_464, 2022, t(1)), Some(d("1")));
    assert_eq!(figure(plan, ROW_465, 2022, t(2)), Some(d("4")));

    // A single figure pasted, Tab, and another typed.
    let mut harness = super::ui::harness();
    select_objective(&mut harness, 3);
    reach(&mut harness, "466 · ejecutado 2022 T1");
    in_one_frame(
        &mut harness,
        &[Stroke::Paste("40\r\n"), TAB, Stroke::Type("3"), TAB],
    );
    let plan = harness.state().plan();
    assert_eq!(figure(plan, ROW_466, 2022, t(1)), Some(d("40")));
    assert_eq!(figure(plan, ROW_466, 2022, t(2)), Some(d("3")));
}

#[test]
fn the_semaforo_form_takes_each_threshold_typed_in_one_frame_in_its_own_field() {
    let mut harness = super::ui::harness();
    harness.get_by_label("Plan y entidades").click();
    harness.run();
    reach(&mut harness, "Rojo por debajo de (%)");
    in_one_frame(
        &mut harness,
        &[
            Stroke::Type("60"),
            TAB,
            Stroke::Type("80"),
            TAB,
            Stroke::Type("130"),
            ENTER,
        ],
    );
    assert_eq!(
        harness.state().plan().settings.traffic_lights,
        TrafficLights {
            red_below: d("60"),
            yellow_below: d("80"),
            green_up_to: d("130"),
        }
    );
}

#[test]
fn in_a_plan_of_10_000_indicators_keys_in_one_frame_land_in_their_cells() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grande.ron");
    let plan = generate(GenerateRequest {
        indicators: 10_000,
        seed: 1,
        objectives: avance::model::DEFAULT_OBJECTIVES,
    });
    plan_file::save(&plan, &path).unwrap();
    let mut harness = crate::ui::window(Prefs::default(), Some(path), ScriptedDialogs::default());
    select_objective(&mut harness, 1);
    let at = plan.indicator_paths(0)[0];
    let meta = &plan.objectives[0].metas[at.meta];
    let label = avance::model::validation::indicator_label(&meta.code, plan.indicator(at).unwrap());
    let cut = plan.cut;
    let cell = |q: u8| format!("{label} · ejecutado {} T{q}", cut.vigencia);
    reach(&mut harness, &cell(1));
    in_one_frame(
        &mut harness,
        &[
            Stroke::Type("7"),
            TAB,
            Stroke::Type("8"),
            TAB,
            Stroke::Type("9"),
            ENTER,
        ],
    );
    let indicator = harness.state().plan().indicator(at).unwrap().clone();
    let q = |n| Quarter::new(n).unwrap();
    assert_eq!(indicator.executed(cut.vigencia, q(1)), Some(d("7")));
    assert_eq!(indicator.executed(cut.vigencia, q(2)), Some(d("8")));
    assert_eq!(indicator.executed(cut.vigencia, q(3)), Some(d("9")));
    let next = plan.indicator_paths(0)[1];
    assert_eq!(
        harness.state().plan().indicator(next),
        plan.indicator(next),
        "the row below is untouched"
    );
}
