//! What officers reach for in Excel, in the grid and around it: ranges copied out, cleared and
//! filled; find; the comment box; help; the first-start line. Driven as a user does.

use std::str::FromStr;

use avance::app::AvanceApp;
use avance::model::Quarter;
use avance::view::{Command, Dialog, Prefs, Selection};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rust_decimal::Decimal;

use super::ui::{ScriptedDialogs, harness, press, select_objective, type_in_cell};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The executed value of objective 3's `row`-th indicator (plan order) in a 2022 quarter.
fn executed(harness: &Harness<'_, AvanceApp>, row: usize, quarter: u8) -> Option<Decimal> {
    let plan = harness.state().plan();
    let at = plan.indicator_paths(2)[row];
    plan.indicator(at)
        .unwrap()
        .executed(2022, Quarter::new(quarter).unwrap())
}

/// What the app put on the clipboard in the frame just run.
fn copied(harness: &Harness<'_, AvanceApp>) -> Option<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
}

#[test]
fn shift_arrows_select_a_range_that_copies_as_excel_pastes_it() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    harness.get_by_label("464 · ejecutado 2022 T1").click();
    harness.run();
    // Three columns (T1, T2, T3) of two rows (464, 465).
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight);
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight);
    press(&mut harness, Modifiers::SHIFT, Key::ArrowDown);
    assert!(
        harness.get_by_label("464 · ejecutado 2022 T1").is_focused(),
        "the focus stays where the range began"
    );
    // Ctrl+C arrives as a copy event, as the window system sends it.
    harness.event(egui::Event::Copy);
    harness.step();
    assert_eq!(copied(&harness).as_deref(), Some("0,50\t\t\n0,00\t\t\n"));

    // Across the computed columns, as displayed: T4 → at cut → progress.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    harness.get_by_label("554 · ejecutado 2022 T4").click();
    harness.run();
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight);
    harness.event(egui::Event::Copy);
    harness.step();
    let text = copied(&harness).unwrap();
    assert!(
        text.starts_with("\t35,20\t50,29%\t"),
        "T4, at the cut, progress, comment, Prog. 2020: {text:?}"
    );
    assert!(text.ends_with("\t10,00\n"), "{text:?}");
}

#[test]
fn delete_empties_a_range_and_ctrl_d_fills_down_each_in_one_undo_step() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    let seed = harness.state().plan().clone();
    // 464 T1 holds 0,50; fill it down over 465 and 466.
    harness.get_by_label("464 · ejecutado 2022 T1").click();
    harness.run();
    press(&mut harness, Modifiers::SHIFT, Key::ArrowDown);
    press(&mut harness, Modifiers::SHIFT, Key::ArrowDown);
    press(&mut harness, Modifiers::COMMAND, Key::D);
    for row in 0..3 {
        assert_eq!(executed(&harness, row, 1), Some(d("0.50")), "row {row}");
    }
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().plan(), &seed, "one Ctrl+Z undoes the fill");

    // Delete empties the editable cells of the range (not reported, not 0).
    harness.get_by_label("464 · ejecutado 2022 T1").click();
    harness.run();
    press(&mut harness, Modifiers::SHIFT, Key::ArrowDown);
    press(&mut harness, Modifiers::NONE, Key::Delete);
    assert_eq!(executed(&harness, 0, 1), None);
    assert_eq!(executed(&harness, 1, 1), None);
    assert_eq!(executed(&harness, 2, 1), Some(d("0")), "outside the range");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().plan(),
        &seed,
        "one Ctrl+Z undoes the clearing"
    );
}

#[test]
fn shift_click_selects_from_the_focused_cell_to_the_clicked_one() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    harness.get_by_label("464 · ejecutado 2022 T1").click();
    harness.run();
    harness
        .get_by_label("465 · ejecutado 2022 T2")
        .click_modifiers(Modifiers::SHIFT);
    harness.run();
    harness.event(egui::Event::Copy);
    harness.step();
    assert_eq!(copied(&harness).as_deref(), Some("0,50\t\n0,00\t\n"));
}

#[test]
fn ctrl_f_finds_an_indicator_by_code_and_selects_it_in_tree_and_grid() {
    let mut harness = harness();
    select_objective(&mut harness, 2);
    press(&mut harness, Modifiers::COMMAND, Key::F);
    harness.get_by_label("Buscar:").type_text("554");
    harness.run();
    harness.get_by_label("1 indicador");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let at = harness.state().plan().indicator_paths(2)[5];
    assert_eq!(harness.state().view().selection, Selection::Indicator(at));
    // Opened down to it in the tree, and its row in objective 3's grid.
    harness.get_by_label_contains("554 · Porcentaje de lineamientos");
    harness.get_by_label("554 · ejecutado 2022 T1");
    harness.get_by_label("1 de 1");
    // And why it is a hit.
    harness.get_by_label("en: código");
    // F3 goes on (here, back to the only hit); Esc closes the bar.
    press(&mut harness, Modifiers::NONE, Key::F3);
    assert_eq!(harness.state().view().selection, Selection::Indicator(at));
    harness.get_by_label("Cerrar (Esc)").click();
    harness.run();
    assert!(harness.query_by_label("Buscar:").is_none());
}

#[test]
fn the_comment_column_opens_a_box_large_enough_for_a_paragraph() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    harness.get_by_label("465 · Comentario").click();
    harness.run();
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::Comment { indicator, .. }) if indicator == "465"
    ));
    let field = harness.get_by_label("Comentario");
    assert!(
        field.rect().height() > 100.0,
        "a paragraph's room: {:?}",
        field.rect()
    );
    field.type_text("Primera línea.\nSegunda línea del motivo.");
    harness.run();
    harness.get_by_label("Guardar").click();
    harness.run();
    let plan = harness.state().plan();
    let at = plan.indicator_paths(2)[1];
    assert_eq!(
        plan.indicator(at)
            .unwrap()
            .year(2022)
            .unwrap()
            .comments
            .get(&Quarter::new(1).unwrap()),
        Some(&"Primera línea.\nSegunda línea del motivo.".to_owned())
    );
    // The marker now holds it; its text shows on hover.
    harness.get_by_label("465 · Comentario");
}

#[test]
fn esc_in_the_comment_box_never_drops_a_paragraph_typed() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    harness.get_by_label("465 · Comentario").click();
    harness.run();
    harness
        .get_by_label("Comentario")
        .type_text("El proveedor entregó tarde.");
    harness.run();
    // Esc: the box stays, with the text, and asks.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::Comment { text, asking_to_discard: true, .. })
            if text == "El proveedor entregó tarde."
    ));
    harness.get_by_label("El comentario escrito no está guardado.");
    harness.get_by_label("Seguir escribiendo").click();
    harness.run();
    harness
        .get_by_label("Comentario")
        .type_text(" Se recupera en T2.");
    harness.run();
    // Esc asks again; Guardar keeps the whole paragraph.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    harness.get_by_label("Guardar").click();
    harness.run();
    assert!(harness.state().dialog().is_none());
    let plan = harness.state().plan();
    let at = plan.indicator_paths(2)[1];
    assert_eq!(
        plan.indicator(at)
            .unwrap()
            .year(2022)
            .unwrap()
            .comments
            .get(&Quarter::new(1).unwrap())
            .map(String::as_str),
        Some("El proveedor entregó tarde. Se recupera en T2.")
    );
    // Unchanged text: Esc closes at once, as before.
    harness.get_by_label("465 · Comentario").click();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.state().dialog().is_none());
}

#[test]
fn f1_lists_every_command_with_a_shortcut_and_what_the_figures_mean() {
    let mut harness = harness();
    press(&mut harness, Modifiers::NONE, Key::F1);
    let ctx = harness.ctx.clone();
    let mut listed = 0;
    for command in Command::table() {
        let shortcuts = command.declaration().shortcuts;
        if shortcuts.is_empty() {
            continue;
        }
        let keys: Vec<String> = shortcuts.iter().map(|s| ctx.format_shortcut(s)).collect();
        let line = format!(
            "{} — {}",
            keys.join(", "),
            command.label(avance::model::Language::Es)
        );
        harness.get_by_label(&line);
        listed += 1;
    }
    assert_eq!(listed, 11, "every command with a shortcut");
    harness.get_by_label_contains("F2 o doble clic — corregir la cifra");
    harness.get_by_label_contains("promedio ponderado");
    harness.get_by_label_contains("NOMBRE.ron.bak");
    harness.get_by_label_contains(concat!("versión ", env!("CARGO_PKG_VERSION")));
    harness.get_by_label_contains("En la presentación (F5)");
    // Below the menu bar, never over it; Esc closes it.
    let window_top = harness.get_by_label_contains("Atajos").rect().top();
    let menu_bottom = harness.get_by_label("Archivo").rect().bottom();
    assert!(window_top > menu_bottom, "{window_top} > {menu_bottom}");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(
        harness
            .query_by_label_contains("promedio ponderado")
            .is_none()
    );
}

#[test]
fn f10_opens_the_file_menu() {
    let mut harness = harness();
    assert!(harness.query_by_label("Importar…").is_none());
    press(&mut harness, Modifiers::NONE, Key::F10);
    harness.run();
    harness.get_by_label("Importar…");
}

#[test]
fn a_first_start_says_what_this_is_and_what_to_do_first_until_dismissed() {
    let mut harness = harness();
    harness.get_by_label_contains("Este es el plan de ejemplo");
    harness.get_by_label("Entendido").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Este es el plan de ejemplo")
            .is_none()
    );
    assert!(harness.state().prefs().welcomed);

    // Not once a file was used.
    let prefs = Prefs {
        recent: vec!["/tmp/plan.ron".into()],
        ..Prefs::default()
    };
    let harness = crate::ui::window(prefs, None, ScriptedDialogs::default());
    assert!(
        harness
            .query_by_label_contains("Este es el plan de ejemplo")
            .is_none()
    );
}

#[test]
fn typing_still_replaces_after_a_range_was_selected() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    harness.get_by_label("464 · ejecutado 2022 T1").click();
    harness.run();
    press(&mut harness, Modifiers::SHIFT, Key::ArrowDown);
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    type_in_cell(&mut harness, "466 · ejecutado 2022 T1", "3");
    assert_eq!(executed(&harness, 2, 1), Some(d("3")));
}

#[test]
fn open_recent_opens_on_hover() {
    let prefs = Prefs {
        recent: vec!["/tmp/plan-reciente.ron".into()],
        ..Prefs::default()
    };
    let mut harness = crate::ui::window(prefs, None, ScriptedDialogs::default());
    // It does not exist: the window says so first.
    harness.get_by_label("Aceptar").click();
    harness.run();
    harness.get_by_label("Archivo").click();
    harness.run();
    harness.get_by_label("Abrir reciente").hover();
    harness.run();
    harness.get_by_label("/tmp/plan-reciente.ron");
}

#[test]
fn falta_and_proyeccion_t4_follow_a_figure_typed_in_the_grid() {
    // A committee room's screen: every column in view.
    let mut harness = crate::window_builder()
        .with_size([1920.0, 1080.0])
        .build_eframe(|_| {
            AvanceApp::with(Prefs::default(), None, Box::new(ScriptedDialogs::default()))
        });
    harness.run();
    select_objective(&mut harness, 3);
    // The headings as officers read them.
    harness.get_by_label("Falta");
    harness.get_by_label("Proyección T4");
    let row = |harness: &mut Harness<'_, AvanceApp>| {
        press(harness, Modifiers::NONE, Key::Escape);
        harness.get_by_label("644 · ejecutado 2022 T4").click();
        harness.run();
        press(harness, Modifiers::SHIFT, Key::ArrowRight);
        harness.event(egui::Event::Copy);
        harness.step();
        copied(harness).unwrap()
    };
    // 644 (suma): 100 programmed for 2022, 19 reported in T1.
    // T4, at cut, avance, comment, falta, proyección T4, Prog. 2020.
    assert_eq!(
        row(&mut harness),
        "\t19,00\t19,00%\t\t81,00\t76,00%\t66,00\n"
    );
    press(&mut harness, Modifiers::NONE, Key::Escape);
    // The sentence behind the figure, on hover.
    harness.get_by_label("81,00").hover();
    for _ in 0..8 {
        harness.step();
    }
    harness.get_by_label("faltan 81,00 en 3 trimestres: 27,00 por trimestre");
    type_in_cell(&mut harness, "644 · ejecutado 2022 T1", "25");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    // 75 to go in 3 quarters; at 25 a quarter the year closes at 100.
    assert_eq!(
        row(&mut harness),
        "\t25,00\t25,00%\t\t75,00\t100,00%\t66,00\n"
    );
    let forecast = &harness.state().figures().forecast;
    let objective = forecast.objective(3).unwrap();
    assert_eq!(
        objective.indicators[3].remaining_explained(
            avance::model::Annualization::Suma,
            avance::model::Language::Es
        ),
        "faltan 75,00 en 3 trimestres: 25,00 por trimestre"
    );
}
