//! One cut: the cut chosen in the toolbar is the plan's — one undo step, the file marked
//! unsaved, kept by Ctrl+S — so what is on screen is what is saved.

use avance::io::{plan_file, seed_plan};
use avance::model::{Cut, Quarter};
use avance::view::Prefs;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::ui::{ScriptedDialogs, press, window};

fn cut(vigencia: u16, quarter: u8) -> Cut {
    Cut::new(vigencia, Quarter::new(quarter).unwrap())
}

fn choose_quarter(harness: &mut Harness<'_, avance::app::AvanceApp>, quarter: &str) {
    harness.get_by_label("Trimestre del corte").click();
    harness.run();
    harness.get_by_label(quarter).click();
    harness.run();
}

fn unsaved(harness: &Harness<'_, avance::app::AvanceApp>) -> bool {
    harness.state().title().contains(" •")
}

#[test]
fn a_cut_chosen_in_the_toolbar_is_saved_by_ctrl_s_and_reopens_as_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    plan_file::save(&seed_plan(), &path).unwrap();
    let mut harness = window(
        Prefs::default(),
        Some(path.clone()),
        ScriptedDialogs::default(),
    );
    assert!(!unsaved(&harness));
    assert!(
        harness
            .query_by_label_contains("Fijar como corte")
            .is_none(),
        "no second cut to make the plan's"
    );
    choose_quarter(&mut harness, "T2");
    assert_eq!(harness.state().plan().cut, cut(2022, 2));
    assert!(unsaved(&harness), "a new cut is an unsaved change");
    harness.get_by_label("(30/06/2022)");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(!unsaved(&harness));
    assert_eq!(plan_file::load(&path).unwrap().cut, cut(2022, 2));

    let reopened = window(Prefs::default(), Some(path), ScriptedDialogs::default());
    assert_eq!(reopened.state().plan().cut, cut(2022, 2));
    reopened.get_by_label("(30/06/2022)");
    assert_eq!(
        reopened.state().figures().progress.cut,
        cut(2022, 2),
        "the figures on screen are at the saved cut"
    );
}

#[test]
fn ctrl_z_gives_back_the_previous_cut_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    plan_file::save(&seed_plan(), &path).unwrap();
    let mut harness = window(Prefs::default(), Some(path), ScriptedDialogs::default());
    choose_quarter(&mut harness, "T3");
    assert_eq!(harness.state().plan().cut, cut(2022, 3));
    assert_eq!(harness.state().figures().progress.cut, cut(2022, 3));
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().plan().cut, cut(2022, 1));
    assert_eq!(harness.state().figures().progress.cut, cut(2022, 1));
    harness.get_by_label("(31/03/2022)");
    assert!(!unsaved(&harness), "back to what was saved");
    assert_eq!(harness.state().plan(), &seed_plan());
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(harness.state().plan().cut, cut(2022, 3));
}
