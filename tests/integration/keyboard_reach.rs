//! The keyboard reaches what the mouse reaches: from the find bar to the figure found, and to
//! the menus from inside a cell. Driven as a user does: keys pressed, characters typed one by
//! one.

use std::str::FromStr;

use avance::model::Quarter;
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use rust_decimal::Decimal;

use super::ui::{harness, press};

/// Types `text` into whatever has the focus, one character at a time.
fn type_keys(harness: &mut egui_kittest::Harness<'_, avance::app::AvanceApp>, text: &str) {
    for c in text.chars() {
        harness.event(Event::Text(c.to_string()));
        harness.run();
    }
}

#[test]
fn closing_the_find_bar_leaves_the_focus_on_the_figure_found_at_the_cut() {
    let mut harness = harness();
    press(&mut harness, Modifiers::COMMAND, Key::F);
    type_keys(&mut harness, "644");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(
        harness.query_by_label("Buscar:").is_none(),
        "the bar closed"
    );
    // The seed's cut is 2022 T1: 644's executed figure of that quarter has the focus, its
    // text selected, so what is typed replaces it.
    assert!(
        harness.get_by_label("644 · ejecutado 2022 T1").is_focused(),
        "the focus is on 644's figure at the cut"
    );
    type_keys(&mut harness, "7,5");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let plan = harness.state().plan();
    let at = (0..plan.objectives.len())
        .flat_map(|o| plan.indicator_paths(o))
        .find(|at| plan.indicator(*at).unwrap().code.as_deref() == Some("644"))
        .unwrap();
    assert_eq!(
        plan.indicator(at)
            .unwrap()
            .executed(2022, Quarter::new(1).unwrap()),
        Some(Decimal::from_str("7.5").unwrap())
    );
}

#[test]
fn alt_alone_opens_the_menus_from_inside_a_cell() {
    let mut harness = harness();
    harness.get_by_label("Objetivo 3").click();
    harness.run();
    let cell = "464 · ejecutado 2022 T1";
    harness.get_by_label(cell).click();
    harness.run();
    type_keys(&mut harness, "5");
    assert!(harness.get_by_label(cell).is_focused());
    assert!(harness.query_by_label("Importar…").is_none());
    harness.event(Event::ModifiersChanged(Modifiers::ALT));
    harness.run();
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
    harness.get_by_label("Importar…");
    assert!(
        harness.get_by_label("Archivo").is_focused(),
        "the menu has the keyboard, not the cell"
    );
    // The arrows go on through the menu, as after F10 outside the grid.
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    let focused: Vec<String> = harness
        .query_all_by_label_contains("")
        .filter(|n| n.is_focused())
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(focused, ["Nuevo Ctrl+N"]);
    harness.get_by_label("Importar…");
}
