//! The window, driven headless through its real widgets (egui_kittest, AccessKit labels).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::rc::Rc;

use avance::app::AvanceApp;
use avance::app::file_picker::{DialogKind, FilePicker, FileRequest, PendingPick, Picked};
use avance::io::plan_file;
use avance::model::format::fixed2;
use avance::model::{Language, Quarter};
use avance::view::{Dialog, Prefs};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// File dialogs answered by the test: each call takes the next path, `None` = cancelled.
#[derive(Clone, Default)]
pub(crate) struct ScriptedDialogs {
    answers: Rc<RefCell<VecDeque<Option<PathBuf>>>>,
    /// The folder each dialog was asked to start in.
    folders: Rc<RefCell<Vec<PathBuf>>>,
}

impl ScriptedDialogs {
    pub(crate) fn answer(&self, path: Option<PathBuf>) {
        self.answers.borrow_mut().push_back(path);
    }

    /// The folder the last dialog started in.
    pub(crate) fn last_folder(&self) -> Option<PathBuf> {
        self.folders.borrow().last().cloned()
    }

    fn next(&self, folder: &std::path::Path) -> Option<PathBuf> {
        self.folders.borrow_mut().push(folder.to_path_buf());
        self.answers.borrow_mut().pop_front().flatten()
    }
}

impl FilePicker for ScriptedDialogs {
    fn pick(&mut self, request: &FileRequest) -> Option<PathBuf> {
        self.next(&request.folder)
    }
}

/// The window at 1366×768 with `prefs`, on the plan file at `path` (the example without one),
/// its file dialogs answered by `dialogs`; run until it settles.
pub(crate) fn window(
    prefs: Prefs,
    path: Option<PathBuf>,
    dialogs: ScriptedDialogs,
) -> Harness<'static, AvanceApp> {
    window_sized(prefs, path, dialogs, egui::vec2(1366.0, 768.0))
}

/// The window as [`window`] makes it, `size` points large.
pub(crate) fn window_sized(
    prefs: Prefs,
    path: Option<PathBuf>,
    dialogs: ScriptedDialogs,
    size: egui::Vec2,
) -> Harness<'static, AvanceApp> {
    let mut harness = crate::window_builder()
        .with_size(size)
        .build_eframe(move |_| {
            AvanceApp::with(prefs.clone(), path.clone(), Box::new(dialogs.clone()))
        });
    harness.run();
    harness
}

pub(crate) fn harness_with(dialogs: ScriptedDialogs) -> Harness<'static, AvanceApp> {
    window(Prefs::default(), None, dialogs)
}

pub(crate) fn harness() -> Harness<'static, AvanceApp> {
    harness_with(ScriptedDialogs::default())
}

/// Objective `n`'s progress as the engine computed it for the screen, rounded.
pub(crate) fn objective_progress(harness: &Harness<'_, AvanceApp>, n: u8) -> Option<String> {
    harness
        .state()
        .figures()
        .progress
        .objective(n)
        .and_then(|o| o.progress())
        .map(fixed2)
}

/// The value of objective `n`'s bar in the objectives chart, as drawn.
pub(crate) fn chart_bar(harness: &Harness<'_, AvanceApp>, n: u8) -> Option<f64> {
    harness.state().chart_data().objectives[usize::from(n - 1)].height()
}

pub(crate) fn select_objective(harness: &mut Harness<'_, AvanceApp>, n: u8) {
    harness.get_by_label(&format!("Objetivo {n}")).click();
    harness.run();
}

/// Goes to the first indicator whose texts hold `words`, as a user does: Ctrl+F, the words,
/// Enter (the find bar stays open).
pub(crate) fn go_to_found(harness: &mut Harness<'_, AvanceApp>, words: &str) {
    press(harness, Modifiers::COMMAND, Key::F);
    harness.get_by_label("Buscar:").type_text(words);
    harness.run();
    press(harness, Modifiers::NONE, Key::Enter);
}

/// Types into a cell as a user does: a click on it, then the keys (no select-all first:
/// reaching a cell must select its text, as in a spreadsheet).
pub(crate) fn type_in_cell(harness: &mut Harness<'_, AvanceApp>, cell: &str, text: &str) {
    harness.get_by_label(cell).click();
    harness.run();
    harness.get_by_label(cell).type_text(text);
    harness.run();
}

pub(crate) fn press(harness: &mut Harness<'_, AvanceApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

#[test]
fn opens_on_the_seed_and_objective_3_shows_its_7_indicators_and_24_15() {
    let mut harness = harness();
    assert!(
        harness
            .state()
            .title()
            .starts_with("Plan de ejemplo (sin archivo) — "),
        "the example plan never looks like an officer's file: {}",
        harness.state().title()
    );
    select_objective(&mut harness, 3);
    for code in ["464", "465", "466", "644", "543", "554", "555"] {
        harness.get_by_label(&format!("{code} · programación 2022"));
    }
    assert_eq!(harness.state().chart_data().indicators.len(), 7);
    assert!(
        harness.query_all_by_label("24,15\u{a0}%").count() >= 2,
        "tree badge and grid footer"
    );
    let bar = chart_bar(&harness, 3).unwrap();
    assert!((bar - 24.15094).abs() < 1e-3, "chart bar {bar}");
}

#[test]
fn typing_in_a_cell_updates_footer_tree_and_chart_and_undo_redo_restore() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    type_in_cell(&mut harness, "465 · ejecutado 2022 T1", "1");

    assert_eq!(objective_progress(&harness, 3).as_deref(), Some("27.15"));
    assert!(
        harness.query_all_by_label("27,15\u{a0}%").count() >= 2,
        "footer and tree badge"
    );
    let bar = chart_bar(&harness, 3).unwrap();
    assert!((bar - 27.1509).abs() < 1e-3, "chart bar {bar}");
    assert!(harness.state().title().contains(" •"));

    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(objective_progress(&harness, 3).as_deref(), Some("24.15"));
    assert!(harness.query_all_by_label("24,15\u{a0}%").count() >= 2);
    assert!((chart_bar(&harness, 3).unwrap() - 24.15094).abs() < 1e-3);
    assert!(
        !harness.state().title().contains(" •"),
        "undo back to the saved plan"
    );

    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(objective_progress(&harness, 3).as_deref(), Some("27.15"));
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(
        objective_progress(&harness, 3).as_deref(),
        Some("27.15"),
        "Ctrl+Shift+Z redoes too"
    );
}

#[test]
fn a_letter_is_refused_and_a_decimal_comma_is_accepted() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    let before = harness.state().plan().clone();
    type_in_cell(&mut harness, "465 · ejecutado 2022 T1", "abc");
    assert_eq!(
        harness.state().plan(),
        &before,
        "the plan never takes a bad value"
    );
    harness.get_by_label_contains("«abc» no es un número");
    // The typed text stays after leaving the cell, until fixed.
    harness.get_by_label("466 · ejecutado 2022 T1").focus();
    harness.run();
    assert_eq!(
        harness
            .get_by_label("465 · ejecutado 2022 T1")
            .value()
            .as_deref(),
        Some("abc")
    );
    type_in_cell(&mut harness, "465 · ejecutado 2022 T1", "0,5");
    let at = harness.state().plan().indicator_paths(2)[1];
    let executed = harness
        .state()
        .plan()
        .indicator(at)
        .unwrap()
        .executed(2022, Quarter::new(1).unwrap());
    assert_eq!(executed.map(|v| v.to_string()).as_deref(), Some("0.5"));
    assert!(harness.query_by_label_contains("no es un número").is_none());
}

#[test]
fn escape_restores_the_value_the_cell_had() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    type_in_cell(&mut harness, "465 · ejecutado 2022 T1", "1");
    assert_eq!(objective_progress(&harness, 3).as_deref(), Some("27.15"));
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(objective_progress(&harness, 3).as_deref(), Some("24.15"));
}

#[test]
fn weights_that_do_not_add_up_warn_and_divide_by_their_sum() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    type_in_cell(&mut harness, "543 · ponderación 2022", "21,34");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(objective_progress(&harness, 3).as_deref(), Some("24.06"));
    assert_eq!(
        harness.query_all_by_label("90,00\u{a0}%").count(),
        2,
        "heading and footer"
    );
    harness.get_by_label_contains("las ponderaciones de 2022 suman 90,00");
    type_in_cell(&mut harness, "543 · ponderación 2022", "31,34");
    assert_eq!(objective_progress(&harness, 3).as_deref(), Some("24.15"));
    assert_eq!(
        harness.query_all_by_label("100,00\u{a0}%").count(),
        3,
        "heading, footer, and 543's projection at this pace"
    );
    assert!(
        harness
            .query_by_label_contains("las ponderaciones de 2022 suman")
            .is_none()
    );
}

#[test]
fn save_as_reopen_and_close_asks_before_discarding() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness_with(dialogs.clone());
    select_objective(&mut harness, 3);
    type_in_cell(&mut harness, "465 · ejecutado 2022 T1", "1");
    assert!(harness.state().title().contains(" •"));

    dialogs.answer(Some(path.clone()));
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    assert!(
        harness.state().title().starts_with("plan.ron — "),
        "{}",
        harness.state().title()
    );
    assert!(!harness.state().title().contains(" •"));
    assert_eq!(&plan_file::load(&path).unwrap(), harness.state().plan());

    dialogs.answer(Some(path.clone()));
    press(&mut harness, Modifiers::COMMAND, Key::O);
    assert_eq!(&plan_file::load(&path).unwrap(), harness.state().plan());
    assert!(!harness.state().title().contains(" •"));
    dialogs.answer(None);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    assert_eq!(
        dialogs.last_folder().as_deref(),
        Some(dir.path()),
        "Save As starts in the plan's folder"
    );
    harness.get_by_label("Cancelar").click();
    harness.run();
    assert_eq!(harness.state().prefs().recent.first(), Some(&path));

    select_objective(&mut harness, 3);
    type_in_cell(&mut harness, "466 · ejecutado 2022 T1", "1");
    assert!(harness.state().title().contains(" •"));

    // Closing the window with unsaved changes asks first; Cancelar keeps everything.
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::UnsavedChanges { .. })
    ));
    harness.get_by_label("Cancelar").click();
    harness.run();
    assert!(harness.state().dialog().is_none());
    assert!(
        harness.state().title().contains(" •"),
        "the edit is still there"
    );

    // Nuevo with unsaved changes asks too; Guardar writes the file, then opens the new plan.
    press(&mut harness, Modifiers::COMMAND, Key::N);
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::UnsavedChanges { .. })
    ));
    harness.get_by_label("Guardar").click();
    harness.run();
    let saved = plan_file::load(&path).unwrap();
    let at = saved.indicator_paths(2)[2];
    assert_eq!(
        saved
            .indicator(at)
            .unwrap()
            .executed(2022, Quarter::new(1).unwrap()),
        Some(rust_decimal::Decimal::ONE)
    );
    // Then Nuevo asks for the new plan's frame.
    crate::plan_frame::create_new_plan(&mut harness, "Secretaría General");
    assert_eq!(harness.state().plan().indicator_count(), 0);
}

#[test]
fn a_save_dialog_that_gives_no_file_saves_nothing_and_offers_to_type_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness_with(dialogs.clone());
    dialogs.answer(None);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::TypePath {
            purpose: avance::view::PathPurpose::SaveAs,
            ..
        })
    ));
    assert!(
        harness.state().document().path().is_none(),
        "nothing was saved"
    );
    let typed = dir.path().join("escrito");
    harness.get_by_label("Ruta del archivo").focus();
    harness.run();
    harness
        .get_by_label("Ruta del archivo")
        .type_text(typed.to_str().unwrap());
    harness.run();
    harness.get_by_label("Guardar").click();
    harness.run();
    let saved = dir.path().join("escrito.ron");
    assert_eq!(&plan_file::load(&saved).unwrap(), harness.state().plan());
    assert!(harness.state().title().starts_with("escrito.ron — "));

    dialogs.answer(None);
    press(&mut harness, Modifiers::COMMAND, Key::O);
    harness.get_by_label("Cancelar").click();
    harness.run();
    assert!(harness.state().dialog().is_none());
    assert_eq!(harness.state().document().path(), Some(saved.as_path()));
}

#[test]
fn a_file_that_cannot_be_read_gives_its_cause_and_path_and_keeps_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("roto.ron");
    std::fs::write(&bad, "(version: 1, title: ").unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness_with(dialogs.clone());
    let before = harness.state().plan().clone();
    dialogs.answer(Some(bad.clone()));
    press(&mut harness, Modifiers::COMMAND, Key::O);
    match harness.state().dialog() {
        Some(Dialog::Message { text, .. }) => {
            assert!(text.contains("línea 1"), "{text}");
            assert!(text.ends_with(&bad.display().to_string()), "{text}");
        }
        other => panic!("expected a message, got {other:?}"),
    }
    assert_eq!(harness.state().plan(), &before);
}

#[test]
fn a_later_cut_with_no_data_invents_no_quarter() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    let at_q1 = harness.state().figures().progress.clone();
    harness.get_by_label("Trimestre del corte").click();
    harness.run();
    harness.get_by_label("T2").click();
    harness.run();
    assert_eq!(harness.state().plan().cut.quarter, Quarter::new(2).unwrap());
    let at_q2 = &harness.state().figures().progress;
    for (q1, q2) in at_q1.objectives.iter().zip(&at_q2.objectives) {
        for (a, b) in q1.indicators.iter().zip(&q2.indicators) {
            assert_eq!(
                a.executed, b.executed,
                "creciente keeps its level, suma its sum"
            );
        }
        assert_eq!(q1.progress(), q2.progress());
    }
}

#[test]
fn the_language_switch_is_remembered_in_the_preferences() {
    let mut harness = harness();
    harness.get_by_label("Ver").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    assert_eq!(harness.state().prefs().language, Language::En);
    select_objective_en(&mut harness, 2);
    assert!(harness.query_all_by_label("50.24%").count() >= 2);
    assert!(harness.query_by_label("Objetivo 2").is_none());
}

fn select_objective_en(harness: &mut Harness<'_, AvanceApp>, n: u8) {
    harness.get_by_label(&format!("Objective {n}")).click();
    harness.run();
}

#[test]
fn tab_and_enter_move_between_cells_like_a_spreadsheet() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    harness.get_by_label("465 · ponderación 2022").focus();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(harness.get_by_label("465 · ejecutado 2022 T1").is_focused());
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    assert!(harness.get_by_label("465 · ponderación 2022").is_focused());
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.run();
    assert!(harness.get_by_label("466 · ponderación 2022").is_focused());
    harness.get_by_label("465 · ejecutado 2022 T4").focus();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(harness.get_by_label("465 · programación 2020").is_focused());
    harness.get_by_label("465 · programación 2024").focus();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(
        harness.get_by_label("465 · línea base").is_focused(),
        "after the programming, the línea base, the type and the unit"
    );
    harness.get_by_label("465 · unidad").focus();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(
        harness.get_by_label("466 · código").is_focused(),
        "wraps to the next row, at its code"
    );
}

#[test]
fn metas_and_indicators_are_added_edited_moved_and_removed_with_undo() {
    let mut harness = harness();
    select_objective(&mut harness, 1);
    harness.get_by_label("+ Añadir meta").click();
    harness.run();
    assert_eq!(harness.state().plan().objectives[0].metas.len(), 1);
    assert_eq!(harness.state().plan().objectives[0].indicator_count(), 1);

    harness.get_by_label("Nombre meta").focus();
    harness.run();
    harness
        .get_by_label("Nombre meta")
        .type_text("Nueva meta de talento humano");
    harness.run();
    assert_eq!(
        harness.state().plan().objectives[0].metas[0].name,
        "Nueva meta de talento humano"
    );

    harness.get_by_label("+ Añadir indicador").click();
    harness.run();
    assert_eq!(harness.state().plan().objectives[0].indicator_count(), 2);
    harness.get_by_label("Código (vacío = N/A)").focus();
    harness.run();
    harness
        .get_by_label("Código (vacío = N/A)")
        .type_text("901");
    harness.run();
    assert_eq!(
        harness.state().plan().objectives[0].metas[0].indicators[1]
            .code
            .as_deref(),
        Some("901")
    );

    harness.get_by_label("Subir").click();
    harness.run();
    assert_eq!(
        harness.state().plan().objectives[0].metas[0].indicators[0]
            .code
            .as_deref(),
        Some("901")
    );

    harness.get_by_label("Eliminar indicador").click();
    harness.run();
    assert_eq!(harness.state().plan().objectives[0].indicator_count(), 1);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().plan().objectives[0].indicator_count(),
        2,
        "undo brings it back"
    );
    assert_eq!(
        harness.state().plan().objectives[0].metas[0].indicators[0]
            .code
            .as_deref(),
        Some("901")
    );
}

#[test]
fn clicking_a_finding_goes_to_its_field_and_a_comment_answers_it() {
    let mut harness = harness();
    let finding = "Aviso · Objetivo 3 · indicador 465 · comentario 2022 T1";
    harness.get_by_label_contains(finding).click();
    harness.run();
    // "Sin comentario" opens the comment's own box, for that quarter.
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::Comment { indicator, .. }) if indicator == "465"
    ));
    harness.get_by_label_contains("Comentario T1 2022 · indicador 465");
    harness
        .get_by_label("Comentario")
        .type_text("El estudio se contrata en el segundo trimestre.");
    harness.run();
    harness.get_by_label("Guardar").click();
    harness.run();
    assert!(harness.state().dialog().is_none());
    assert!(harness.query_by_label_contains(finding).is_none());
    let at = harness.state().plan().indicator_paths(2)[1];
    let comment = harness
        .state()
        .plan()
        .indicator(at)
        .unwrap()
        .year(2022)
        .unwrap()
        .comments
        .get(&Quarter::new(1).unwrap())
        .cloned();
    assert_eq!(
        comment.as_deref(),
        Some("El estudio se contrata en el segundo trimestre.")
    );
    // One comment, one undo step.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().plan(), &avance::io::seed_plan());
}

#[test]
fn the_plan_node_shows_and_edits_the_entities_texts() {
    let mut harness = harness();
    harness.get_by_label("Plan y entidades").click();
    harness.run();
    assert_eq!(
        harness.state().view().selection,
        avance::view::Selection::Plan
    );
    let visions = harness.query_all_by_label("Visión").count();
    assert_eq!(visions, 2, "both entities' visions are shown");
    harness.get_by_label("Título").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label("Título").type_text("Plan 2020-2024");
    harness.run();
    assert_eq!(harness.state().plan().title, "Plan 2020-2024");
    assert!(harness.state().title().contains("Plan 2020-2024"));
}

#[test]
fn pasting_a_block_from_excel_fills_the_cells_in_one_undo_step() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    let before = harness.state().plan().clone();
    harness.get_by_label("465 · ejecutado 2022 T1").focus();
    harness.run();
    // Two rows (465, 466) × two quarters (T1, T2), as Excel copies them.
    harness.event(egui::Event::Paste("1\t0,5\r\n1\t\r\n".into()));
    harness.run();
    let plan = harness.state().plan();
    let q = |n| Quarter::new(n).unwrap();
    let paths = plan.indicator_paths(2);
    let executed = |row: usize, quarter| {
        plan.indicator(paths[row])
            .unwrap()
            .executed(2022, q(quarter))
    };
    assert_eq!(executed(1, 1), Some(rust_decimal::Decimal::ONE));
    assert_eq!(executed(1, 2), Some(rust_decimal::Decimal::new(5, 1)));
    assert_eq!(executed(2, 1), Some(rust_decimal::Decimal::ONE));
    assert_eq!(executed(2, 2), None, "an empty pasted cell is no value");
    assert_eq!(objective_progress(&harness, 3).as_deref(), Some("30.15"));

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().plan(),
        &before,
        "one undo step undoes the whole paste"
    );
}

#[test]
fn a_bad_cell_in_a_pasted_block_aborts_the_whole_paste() {
    let mut harness = harness();
    select_objective(&mut harness, 3);
    let before = harness.state().plan().clone();
    harness.get_by_label("465 · ejecutado 2022 T1").focus();
    harness.run();
    harness.event(egui::Event::Paste("1\t2\n3\tdos\n".into()));
    harness.run();
    assert_eq!(harness.state().plan(), &before);
    match harness.state().dialog() {
        Some(Dialog::Message { text, .. }) => {
            assert!(text.contains("466 · ejecutado 2022 T2"), "{text}");
            assert!(text.contains("«dos» no es un número"), "{text}");
        }
        other => panic!("expected a message, got {other:?}"),
    }
    harness.get_by_label("Aceptar").click();
    harness.run();
    // A block that runs past the last row is refused too.
    harness.get_by_label("555 · ejecutado 2022 T1").focus();
    harness.run();
    harness.event(egui::Event::Paste("1\n2\n".into()));
    harness.run();
    assert_eq!(harness.state().plan(), &before);
    assert!(
        matches!(harness.state().dialog(), Some(Dialog::Message { text, .. }) if text.contains("no cabe"))
    );
}

#[test]
fn importing_from_the_menu_opens_an_unsaved_plan_and_bad_rows_can_be_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let seed_tsv = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/seed_objetivos_2_3.tsv"
    );
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness_with(dialogs.clone());
    dialogs.answer(Some(PathBuf::from(seed_tsv)));
    harness.get_by_label("Archivo").click();
    harness.run();
    harness.get_by_label("Importar…").click();
    harness.run();
    let notice = harness.state().notice().expect("a notice").text.clone();
    assert!(notice.starts_with("9 indicadores importados"), "{notice}");
    assert!(
        harness.state().dialog().is_none(),
        "a clean import does not stop work"
    );
    assert_eq!(objective_progress(&harness, 3).as_deref(), Some("24.15"));
    assert!(
        harness.state().title().contains(" •"),
        "an imported plan is not saved yet"
    );

    let bad = dir.path().join("mala.tsv");
    let text = std::fs::read_to_string(seed_tsv)
        .unwrap()
        .replacen("\t89,35%\t", "\tmucho\t", 1);
    std::fs::write(&bad, text).unwrap();
    dialogs.answer(Some(bad));
    harness
        .state_mut()
        .run_command(avance::view::Command::Import);
    harness.run();
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::UnsavedChanges { .. })
    ));
    harness.get_by_label("Descartar").click();
    harness.run();
    match harness.state().dialog() {
        Some(Dialog::ImportProblems { text, .. }) => assert!(text.contains("fila 2"), "{text}"),
        other => panic!("expected the problems, got {other:?}"),
    }
    harness.get_by_label("Importar sin esas filas").click();
    harness.run();
    let count = harness.state().plan().indicator_count();
    assert_eq!(count, 8);
}

#[test]
fn exporting_from_the_menu_writes_the_workbook_at_the_screen_cut() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("comite.xlsx");
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness_with(dialogs.clone());
    dialogs.answer(Some(out.clone()));
    harness
        .state_mut()
        .run_command(avance::view::Command::Export);
    harness.run();
    let imported =
        avance::io::import::import_file(&out, avance::io::import::BadRows::Stop).unwrap();
    let progress = avance::model::PlanProgress::compute(&imported.plan, imported.plan.cut);
    assert_eq!(
        progress
            .objective(3)
            .and_then(|o| o.progress())
            .map(fixed2)
            .as_deref(),
        Some("24.15")
    );
    dialogs.answer(None);
    harness
        .state_mut()
        .run_command(avance::view::Command::Export);
    harness.run();
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::TypePath {
            purpose: avance::view::PathPurpose::Export,
            ..
        })
    ));
}

#[test]
fn opening_another_plan_shows_its_own_figures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("otro.ron");
    let mut other = avance::io::seed_plan();
    let at = other.indicator_paths(2)[1];
    other
        .apply(avance::model::edit::Edit::Figure {
            at,
            vigencia: 2022,
            figure: avance::model::edit::Figure::Executed(Quarter::new(1).unwrap()),
            value: Some(rust_decimal::Decimal::ONE),
        })
        .unwrap();
    plan_file::save(&other, &path).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness_with(dialogs.clone());
    assert_eq!(objective_progress(&harness, 3).as_deref(), Some("24.15"));
    dialogs.answer(Some(path));
    press(&mut harness, Modifiers::COMMAND, Key::O);
    assert_eq!(objective_progress(&harness, 3).as_deref(), Some("27.15"));
    let bar = chart_bar(&harness, 3).unwrap();
    assert!((bar - 27.1509).abs() < 1e-3, "chart bar {bar}");
}

/// Whether the app asked the window to close in its last frame.
fn asked_to_close(harness: &Harness<'_, AvanceApp>) -> bool {
    harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::Close))
}

#[test]
fn quitting_closes_at_once_when_saved_and_asks_first_when_not() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.step();
    harness.step();
    assert!(
        asked_to_close(&harness),
        "nothing to lose: the window closes"
    );

    let mut harness = self::harness();
    select_objective(&mut harness, 3);
    type_in_cell(&mut harness, "465 · ejecutado 2022 T1", "1");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.step();
    harness.step();
    assert!(!asked_to_close(&harness));
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::UnsavedChanges { .. })
    ));
    harness.get_by_label("Descartar").click();
    harness.step();
    harness.step();
    assert!(asked_to_close(&harness), "discarding closes");
}

#[test]
fn a_plan_file_that_cannot_be_opened_at_start_says_why_and_opens_the_seed() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("vacio.ron");
    std::fs::write(&bad, "").unwrap();
    let app = AvanceApp::with(
        Prefs::default(),
        Some(bad.clone()),
        Box::new(ScriptedDialogs::default()),
    );
    match app.dialog() {
        Some(Dialog::Message { text, .. }) => {
            assert!(text.contains("El archivo está vacío"), "{text}");
            assert!(text.contains("Se abrió el plan de ejemplo"), "{text}");
        }
        other => panic!("expected a message, got {other:?}"),
    }
    assert_eq!(app.plan(), &avance::io::seed_plan());
    assert!(
        app.document().path().is_none(),
        "saving will ask where, not overwrite the bad file"
    );
}

#[test]
fn importing_figures_into_the_open_plan_keeps_its_texts_and_undoes_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("plan.ron");
    let seed_tsv = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/seed_objetivos_2_3.tsv"
    );
    let changed = dir.path().join("t2.tsv");
    let text = std::fs::read_to_string(seed_tsv)
        .unwrap()
        .replace("al corte 31/03/2022", "al corte 30/06/2022")
        .replacen("\t0,00\t0,00%", "\t1,00\t100,00%", 1);
    std::fs::write(&changed, text).unwrap();

    let dialogs = ScriptedDialogs::default();
    let mut harness = harness_with(dialogs.clone());
    dialogs.answer(Some(saved.clone()));
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    let before = harness.state().plan().clone();

    dialogs.answer(Some(changed));
    harness
        .state_mut()
        .run_command(avance::view::Command::ImportIntoOpenPlan);
    harness.run();
    let plan = harness.state().plan();
    assert_eq!(
        plan.objectives[2].text, before.objectives[2].text,
        "texts kept"
    );
    assert_eq!(plan.entities, before.entities);
    assert_eq!(plan.cut.to_string(), "2022-Q2");
    assert_eq!(
        harness.state().figures().progress.cut.to_string(),
        "2022-Q2"
    );
    assert_eq!(objective_progress(&harness, 3).as_deref(), Some("27.15"));
    assert_eq!(harness.state().document().path(), Some(saved.as_path()));
    assert!(harness.state().title().contains(" •"));

    assert!(
        harness.state().dialog().is_none(),
        "a clean import is a notice"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().plan(),
        &before,
        "one undo step undoes the import"
    );
}

/// A system dialog that stays open until the test answers it, as a person takes time to choose.
#[derive(Clone, Default)]
struct OpenDialog {
    /// The answer's way back while the dialog is open; the kinds of dialog shown.
    answer: Rc<RefCell<Option<std::sync::mpsc::Sender<Picked>>>>,
    shown: Rc<RefCell<Vec<DialogKind>>>,
}

impl OpenDialog {
    /// Closes the dialog with `picked`; whether the window still waited for it.
    fn close(&self, picked: Picked) -> bool {
        let answer = self.answer.borrow_mut().take().expect("a dialog is open");
        answer.send(picked).is_ok()
    }
}

impl FilePicker for OpenDialog {
    fn pick(&mut self, _: &FileRequest) -> Option<PathBuf> {
        panic!("the window never waits for a dialog inside a frame")
    }

    fn start(
        &mut self,
        request: FileRequest,
        _: Option<&eframe::Frame>,
        _: &egui::Context,
    ) -> PendingPick {
        let (answer, receiver) = std::sync::mpsc::channel();
        *self.answer.borrow_mut() = Some(answer);
        self.shown.borrow_mut().push(request.kind);
        PendingPick::Waiting(receiver)
    }
}

fn window_with_open_dialogs(dialog: &OpenDialog) -> Harness<'static, AvanceApp> {
    let dialog = dialog.clone();
    let mut harness = crate::window_builder()
        .build_eframe(move |_| AvanceApp::with(Prefs::default(), None, Box::new(dialog.clone())));
    harness.run();
    harness
}

#[test]
fn the_window_keeps_painting_and_takes_no_edits_while_a_file_dialog_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("otro.ron");
    let mut plan = avance::io::seed_plan();
    plan.title = "Plan de otro sector".to_owned();
    plan_file::save(&plan, &other).unwrap();

    let dialog = OpenDialog::default();
    let mut harness = window_with_open_dialogs(&dialog);
    select_objective(&mut harness, 3);
    harness.get_by_label("Archivo").click();
    harness.run();
    harness.get_by_label_contains("Abrir…").click();
    // Frames go on while the dialog is open: the menu is drawn closed, the window says what
    // it waits for.
    for _ in 0..5 {
        harness.step();
    }
    assert_eq!(*dialog.shown.borrow(), [DialogKind::OpenPlan]);
    assert!(
        harness.query_by_label_contains("Abrir…").is_none(),
        "the menu is closed"
    );
    harness.get_by_label_contains("Esperando el diálogo «Abrir plan»");
    assert!(harness.state().is_waiting_for_a_file());

    // Nothing typed, clicked or pressed meanwhile reaches the plan.
    let before = harness.state().plan().clone();
    harness.get_by_label("644 · ejecutado 2022 T1").click();
    harness.step();
    for key in [Key::Num5, Key::Enter] {
        harness.key_press(key);
        harness.step();
    }
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.step();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.step();
    assert_eq!(harness.state().plan(), &before);
    assert_eq!(dialog.shown.borrow().len(), 1, "no second dialog");

    // The answer, when it comes, is carried out as the command would have.
    assert!(dialog.close(Picked::File(other.clone())));
    harness.run();
    assert!(!harness.state().is_waiting_for_a_file());
    assert_eq!(harness.state().plan().title, "Plan de otro sector");
    assert_eq!(harness.state().document().path(), Some(other.as_path()));
}

#[test]
fn a_cancelled_file_dialog_does_nothing_and_a_missing_or_lost_one_offers_the_path_box() {
    let dialog = OpenDialog::default();
    let mut harness = window_with_open_dialogs(&dialog);
    // Escape in the system's dialog: nothing happens, nothing more is asked.
    harness
        .state_mut()
        .run_command(avance::view::Command::Export);
    harness.run();
    assert!(matches!(
        dialog.shown.borrow().as_slice(),
        [DialogKind::Export { .. }]
    ));
    assert!(dialog.close(Picked::Cancelled));
    harness.run();
    assert_eq!(harness.state().dialog(), None);
    assert!(!harness.state().is_waiting_for_a_file());

    // No dialog could be shown (Linux without a portal or zenity): never silently nothing.
    harness
        .state_mut()
        .run_command(avance::view::Command::Export);
    harness.run();
    assert!(dialog.close(Picked::NoDialog));
    harness.run();
    assert!(
        matches!(harness.state().dialog(), Some(Dialog::TypePath { .. })),
        "a missing dialog is never taken silently"
    );
    harness.get_by_label("Cancelar").click();
    harness.run();

    // A dialog lost behind other windows: the officer stops waiting; its late answer is dropped.
    harness.state_mut().run_command(avance::view::Command::Open);
    harness.run();
    harness
        .get_by_label("Dejar de esperar (escribir la ruta)")
        .click();
    harness.run();
    assert!(!harness.state().is_waiting_for_a_file());
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::TypePath { .. })
    ));
    let title = harness.state().plan().title.clone();
    assert!(!dialog.close(Picked::File(PathBuf::from("no-importa.ron"))));
    harness.run();
    assert_eq!(harness.state().plan().title, title);
}
