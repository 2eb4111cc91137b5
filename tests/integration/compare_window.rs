//! Archivo → Comparar con… and Archivo → Consolidar… in the window, driven through their
//! widgets: the file dialog answered with paths, buttons clicked by their labels, paths typed.

use std::path::Path;

use crate::compare_merge::{AT_555, AT_644, split, with_465_q1, with_executed, write};
use crate::ui::{ScriptedDialogs, harness_with, objective_progress, press};
use avance::app::AvanceApp;
use avance::io::seed_plan;
use avance::view::{Dialog, Prefs};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Clicks Archivo, then the entry `label`.
fn file_menu(harness: &mut Harness<'_, AvanceApp>, label: &str) {
    harness.get_by_label("Archivo").click();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// The window on the plan file at `path`, its file dialogs answered by `dialogs`.
fn window_on(path: &Path, dialogs: ScriptedDialogs) -> Harness<'static, AvanceApp> {
    crate::ui::window(Prefs::default(), Some(path.to_path_buf()), dialogs)
}

const CHANGE_465: &str = "Objetivo 3 · indicador 465 · ejecutado 2022 T1: 0,00 → 1,00";

#[test]
fn compare_lists_the_difference_goes_to_its_cell_and_follows_the_typing() {
    let dir = tempfile::tempdir().unwrap();
    let other = write(dir.path(), "entidad.ron", &with_465_q1(&seed_plan(), "1"));
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness_with(dialogs.clone());
    dialogs.answer(Some(other));
    file_menu(&mut harness, "Comparar con…");
    harness.get_by_label("De este plan a entidad.ron: 1 diferencia");
    harness.get_by_label("Objetivo 3: 24,15\u{a0}% → 27,15\u{a0}% (+3,00)");
    harness.get_by_label("Objetivo 2: 50,24\u{a0}% → 50,24\u{a0}%");

    harness.get_by_label(CHANGE_465).click();
    harness.run();
    let cell = "465 · ejecutado 2022 T1";
    assert!(
        harness.get_by_label(cell).is_focused(),
        "the click reaches its cell"
    );
    // Reaching the cell selected its text: typing replaces it, as in a spreadsheet.
    harness.get_by_label(cell).type_text("1");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.get_by_label("este plan y entidad.ron son idénticos: ninguna diferencia.");
    assert_eq!(objective_progress(&harness, 3).as_deref(), Some("27.15"));

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    harness.get_by_label("Invertir").click();
    harness.run();
    harness.get_by_label("De entidad.ron a este plan: 1 diferencia");
    harness.get_by_label("Objetivo 3 · indicador 465 · ejecutado 2022 T1: 1,00 → 0,00");
}

#[test]
fn without_a_file_dialog_the_path_to_compare_with_is_typed() {
    let dir = tempfile::tempdir().unwrap();
    let sector = write(dir.path(), "sector.ron", &seed_plan());
    write(dir.path(), "entidad.ron", &with_465_q1(&seed_plan(), "1"));
    let dialogs = ScriptedDialogs::default();
    let mut harness = window_on(&sector, dialogs.clone());
    dialogs.answer(None);
    file_menu(&mut harness, "Comparar con…");
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::TypePath { .. })
    ));
    // The box offers the plan's folder; the name typed goes there.
    harness
        .get_by_label("Ruta del archivo")
        .type_text("entidad.ron");
    harness.run();
    harness.get_by_label("Comparar").click();
    harness.run();
    harness.get_by_label(CHANGE_465);
}

#[test]
fn consolidate_lists_the_conflict_waits_for_a_choice_and_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_plan();
    let sector = write(dir.path(), "sector.ron", &seed);
    let a = write(dir.path(), "a.ron", &split(&with_465_q1(&seed, "1"), 3));
    let b = write(dir.path(), "b.ron", &split(&with_465_q1(&seed, "2"), 3));
    write(dir.path(), "c.ron", &split(&seed, 2));
    let dialogs = ScriptedDialogs::default();
    let mut harness = window_on(&sector, dialogs.clone());

    dialogs.answer(Some(a));
    file_menu(&mut harness, "Consolidar…");
    harness.get_by_label("a.ron: trae 1 cifra cambiada (7 indicadores de este plan)");
    harness.get_by_label("Sin conflictos: todo se puede consolidar.");
    dialogs.answer(Some(b));
    harness.get_by_label("Elegir archivo…").click();
    harness.run();
    harness.get_by_label(
        "Objetivo 3 · indicador 465 · ejecutado 2022 T1: cada archivo trae un cambio distinto: a.ron: 1,00; b.ron: 2,00 (en este plan: 0,00)",
    );
    harness.get_by_label("1 conflicto (1 sin elegir).");
    // While the conflict is not chosen, neither file brings that figure.
    harness.get_by_label("a.ron: trae 0 cifras cambiadas (7 indicadores de este plan)");
    harness.get_by_label("b.ron: trae 0 cifras cambiadas (7 indicadores de este plan)");
    harness.get_by_label("Consolidar").click();
    harness.run();
    assert!(
        matches!(harness.state().dialog(), Some(Dialog::Consolidate(_))),
        "nothing is consolidated before the conflict is chosen"
    );
    assert_eq!(harness.state().plan(), &seed);

    // No file from the dialog: the path box takes the focus, offering the plan's folder.
    dialogs.answer(None);
    harness.get_by_label("Elegir archivo…").click();
    harness.run();
    harness.get_by_label("No se eligió ningún archivo: escriba su ruta.");
    harness
        .get_by_label("o escriba su ruta:")
        .type_text("c.ron");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.get_by_label("c.ron: trae 0 cifras cambiadas (2 indicadores de este plan)");

    harness.get_by_label("a.ron: 1,00").click();
    harness.run();
    harness.get_by_label("1 conflicto (0 sin elegir).");
    harness.get_by_label("a.ron: trae 1 cifra cambiada (7 indicadores de este plan)");
    harness.get_by_label("Consolidar").click();
    harness.run();
    assert!(harness.state().dialog().is_none());
    assert_eq!(harness.state().plan(), &with_465_q1(&seed, "1"));
    assert_eq!(objective_progress(&harness, 3).as_deref(), Some("27.15"));
    let notice = &harness.state().notice().expect("a notice").text;
    assert!(
        notice.starts_with("Consolidado: 1 cifra cambiada desde 3 archivos de entidad."),
        "{notice}"
    );
    assert!(harness.state().title().contains(" •"), "not saved yet");

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().plan(), &seed, "one Ctrl+Z undoes it all");
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(harness.state().plan(), &with_465_q1(&seed, "1"));
}

#[test]
fn letting_one_file_win_everywhere_resolves_its_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_plan();
    let sector = write(dir.path(), "sector.ron", &seed);
    let a = write(dir.path(), "a.ron", &split(&with_465_q1(&seed, "1"), 3));
    let b = write(dir.path(), "b.ron", &split(&with_465_q1(&seed, "2"), 3));
    let dialogs = ScriptedDialogs::default();
    let mut harness = window_on(&sector, dialogs.clone());
    dialogs.answer(Some(a));
    file_menu(&mut harness, "Consolidar…");
    dialogs.answer(Some(b));
    harness.get_by_label("Elegir archivo…").click();
    harness.run();
    harness.get_by_label("b.ron").click();
    harness.run();
    harness.get_by_label("b.ron: trae 1 cifra cambiada (7 indicadores de este plan)");
    harness.get_by_label("Consolidar").click();
    harness.run();
    assert!(harness.state().dialog().is_none());
    assert_eq!(harness.state().plan(), &with_465_q1(&seed, "2"));
}

#[test]
fn full_copies_consolidate_as_copies_and_each_says_what_it_brings() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_plan();
    let sector = write(dir.path(), "sector.ron", &seed);
    // Entity A was handed the whole plan and changed three figures; B changed one.
    let mut a_plan = with_executed(&seed, AT_644, (2022, 2), "31");
    a_plan = with_executed(&a_plan, AT_644, (2022, 3), "20");
    a_plan = with_465_q1(&a_plan, "1");
    let b_plan = with_executed(&seed, AT_555, (2022, 2), "5");
    let a = write(dir.path(), "a.ron", &a_plan);
    let b = write(dir.path(), "b.ron", &b_plan);
    let dialogs = ScriptedDialogs::default();
    let mut harness = window_on(&sector, dialogs.clone());
    dialogs.answer(Some(a));
    file_menu(&mut harness, "Consolidar…");
    dialogs.answer(Some(b));
    harness.get_by_label("Elegir archivo…").click();
    harness.run();
    harness.get_by_label("a.ron: trae 3 cifras cambiadas (9 indicadores de este plan)");
    harness.get_by_label("b.ron: trae 1 cifra cambiada (9 indicadores de este plan)");
    harness.get_by_label("Sin conflictos: todo se puede consolidar.");
    harness.get_by_label("Consolidar").click();
    harness.run();
    assert!(harness.state().dialog().is_none());
    let expected = with_executed(&a_plan, AT_555, (2022, 2), "5");
    assert_eq!(harness.state().plan(), &expected);
    let notice = &harness.state().notice().expect("a notice").text;
    assert!(
        notice.starts_with("Consolidado: 4 cifras cambiadas desde 2 archivos de entidad."),
        "{notice}"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().plan(), &seed, "one Ctrl+Z undoes it all");
}

#[test]
fn a_plan_that_repeats_an_objective_number_is_neither_compared_nor_consolidated() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_plan();
    let mut twice = seed.clone();
    twice.objectives[3].number = 3;
    let other = write(dir.path(), "doble.ron", &twice);
    let sector = write(dir.path(), "sector.ron", &seed);
    let dialogs = ScriptedDialogs::default();
    let mut harness = window_on(&sector, dialogs.clone());
    let refused = "doble.ron tiene dos objetivos con el número 3: no se puede saber cuál es cuál al comparar o consolidar. Corrija el archivo (avance validate lo señala) y vuelva a intentarlo.";
    dialogs.answer(Some(other.clone()));
    file_menu(&mut harness, "Comparar con…");
    harness.get_by_label(refused);
    assert!(harness.query_by_label_contains("diferencia").is_none());
    harness.get_by_label("Aceptar").click();
    harness.run();

    dialogs.answer(Some(other));
    file_menu(&mut harness, "Consolidar…");
    harness.get_by_label(refused);
    harness.get_by_label("ninguno todavía");
    assert_eq!(harness.state().plan(), &seed);
}

#[test]
fn the_window_lists_500_differences_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let mut other = seed_plan();
    for n in 0..600 {
        other.objectives[2].metas[0]
            .indicators
            .push(avance::model::Indicator {
                code: Some(format!("N{n}")),
                name: format!("Nuevo {n}"),
                ..Default::default()
            });
    }
    let path = write(dir.path(), "grande.ron", &other);
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness_with(dialogs.clone());
    dialogs.answer(Some(path));
    file_menu(&mut harness, "Comparar con…");
    harness.get_by_label("De este plan a grande.ron: 600 diferencias");
    harness.get_by_label("Objetivo 3 · indicador N499: nuevo: indicador «Nuevo 499»");
    assert!(harness.query_by_label_contains("indicador N500:").is_none());
    harness.get_by_label("… y 100 diferencias más (avance diff las lista todas).");
}
