//! The window keeps plan files safe: Save As asks before replacing, read-only files and
//! someone else's save are never overwritten silently, comments are not dropped without a
//! word, and unsaved changes survive a crash. Driven headless through the real widgets.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Duration;

use avance::app::AvanceApp;
use avance::app::file_picker::{DialogKind, FilePicker, FileRequest};
use avance::io::plan_file;
use avance::io::seed_plan;
use avance::model::{Language, Plan};
use avance::view::{Dialog, Prefs};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// File dialogs answered by the test: each call takes the next path, `None` = cancelled.
#[derive(Clone, Default)]
struct ScriptedDialogs {
    answers: Rc<RefCell<VecDeque<Option<PathBuf>>>>,
}

impl ScriptedDialogs {
    fn answer(&self, path: Option<PathBuf>) {
        self.answers.borrow_mut().push_back(path);
    }

    fn next(&self) -> Option<PathBuf> {
        self.answers.borrow_mut().pop_front().flatten()
    }
}

impl FilePicker for ScriptedDialogs {
    /// Every dialog but the briefing pack's folder takes the next answer (that one is typed).
    fn pick(&mut self, request: &FileRequest) -> Option<PathBuf> {
        match request.kind {
            DialogKind::SlidesFolder => None,
            _ => self.next(),
        }
    }
}

fn harness_of(app: impl FnOnce() -> AvanceApp + 'static) -> Harness<'static, AvanceApp> {
    let mut app = Some(app);
    let mut harness =
        crate::window_builder().build_eframe(move |_| (app.take().expect("built once"))());
    harness.run();
    harness
}

/// The window on `path` (or the seed plan), with scripted dialogs.
fn window_on(path: Option<&Path>, dialogs: &ScriptedDialogs) -> Harness<'static, AvanceApp> {
    let (path, dialogs) = (path.map(Path::to_path_buf), dialogs.clone());
    harness_of(move || AvanceApp::with(Prefs::default(), path, Box::new(dialogs)))
}

/// The window keeping recovery copies in `folder`, written at every change.
fn window_with_recovery(
    path: Option<&Path>,
    folder: &Path,
    interval: Duration,
) -> Harness<'static, AvanceApp> {
    let (path, folder) = (path.map(Path::to_path_buf), folder.to_path_buf());
    harness_of(move || {
        AvanceApp::with(Prefs::default(), path, Box::new(ScriptedDialogs::default()))
            .with_recovery(folder, interval)
    })
}

fn press(harness: &mut Harness<'_, AvanceApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

fn click(harness: &mut Harness<'_, AvanceApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

fn select_objective(harness: &mut Harness<'_, AvanceApp>, n: u8) {
    click(harness, &format!("Objetivo {n}"));
}

/// Types a figure into a cell that has none, as a user does: click it, type, Enter.
fn type_in_empty_cell(harness: &mut Harness<'_, AvanceApp>, cell: &str, text: &str) {
    assert_eq!(
        harness.get_by_label(cell).value().as_deref(),
        Some(""),
        "{cell} should be empty"
    );
    harness.get_by_label(cell).click();
    harness.run();
    harness.get_by_label(cell).type_text(text);
    harness.run();
    press(harness, Modifiers::NONE, Key::Enter);
}

/// An edit of the seed plan a user makes: 465 reports 3 in 2022 T2.
fn make_an_edit(harness: &mut Harness<'_, AvanceApp>) {
    select_objective(harness, 3);
    type_in_empty_cell(harness, "465 · ejecutado 2022 T2", "3");
    assert!(harness.state().document().is_dirty());
}

fn dialog(harness: &Harness<'_, AvanceApp>) -> Option<Dialog> {
    harness.state().dialog().cloned()
}

fn notice(harness: &Harness<'_, AvanceApp>) -> String {
    harness
        .state()
        .notice()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

/// A plan file as a colleague left it: the seed plan with `title`.
fn plan_titled(title: &str) -> Plan {
    let mut plan = seed_plan();
    plan.title = title.to_owned();
    plan
}

fn write_plan(path: &Path, plan: &Plan) -> Vec<u8> {
    plan_file::save(plan, path).unwrap();
    std::fs::read(path).unwrap()
}

#[test]
fn save_as_asks_before_replacing_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("del_comite.ron");
    let before = write_plan(&existing, &plan_titled("Plan del comité"));
    let dialogs = ScriptedDialogs::default();
    let mut harness = window_on(None, &dialogs);

    dialogs.answer(Some(existing.clone()));
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    assert!(matches!(
        dialog(&harness),
        Some(Dialog::ConfirmReplace { .. })
    ));
    harness.get_by_label_contains("Ya existe del_comite.ron");
    assert_eq!(
        std::fs::read(&existing).unwrap(),
        before,
        "nothing written yet"
    );
    click(&mut harness, "Cancelar");
    assert_eq!(dialog(&harness), None);
    assert_eq!(std::fs::read(&existing).unwrap(), before);
    assert_eq!(harness.state().document().path(), None);

    dialogs.answer(Some(existing.clone()));
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    click(&mut harness, "Reemplazar");
    assert_eq!(dialog(&harness), None);
    assert_eq!(plan_file::load(&existing).unwrap(), seed_plan());
    assert_eq!(
        std::fs::read(dir.path().join("del_comite.ron.bak")).unwrap(),
        before,
        "the replaced file is kept as .bak"
    );
    assert_eq!(harness.state().document().path(), Some(existing.as_path()));
    assert!(notice(&harness).contains(&existing.display().to_string()));
}

#[test]
fn a_typed_save_as_path_asks_before_replacing_too() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("otro.ron");
    let before = write_plan(&existing, &plan_titled("Otro plan"));
    let dialogs = ScriptedDialogs::default();
    let mut harness = window_on(None, &dialogs);
    dialogs.answer(None);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    // The field has the focus and its whole text selected: typing replaces it.
    harness
        .get_by_label("Ruta del archivo")
        .type_text(existing.to_str().unwrap());
    harness.run();
    click(&mut harness, "Guardar");
    assert!(matches!(
        dialog(&harness),
        Some(Dialog::ConfirmReplace { .. })
    ));
    click(&mut harness, "Cancelar");
    assert_eq!(std::fs::read(&existing).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn a_dangling_link_counts_as_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("enlace.ron");
    std::os::unix::fs::symlink("destino_futuro.ron", &link).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = window_on(None, &dialogs);
    dialogs.answer(Some(link.clone()));
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    assert!(matches!(
        dialog(&harness),
        Some(Dialog::ConfirmReplace { .. })
    ));
    click(&mut harness, "Reemplazar");
    assert_eq!(
        plan_file::load(&dir.path().join("destino_futuro.ron")).unwrap(),
        seed_plan(),
        "written where the link points"
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn the_typed_path_box_offers_the_plans_folder_and_name_and_says_where_it_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    write_plan(&path, &seed_plan());
    let dialogs = ScriptedDialogs::default();
    let mut harness = window_on(Some(&path), &dialogs);
    dialogs.answer(None);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    let field = harness.get_by_label("Ruta del archivo");
    assert_eq!(field.value(), Some(path.display().to_string()));
    assert!(
        harness
            .query_by_label_contains("No se eligió un archivo")
            .is_none(),
        "the message does not read like an error"
    );
    harness.get_by_label_contains("Escriba la ruta del archivo");

    // A name alone goes in the plan's folder, not the program's working folder.
    harness.get_by_label("Ruta del archivo").type_text("copia");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let copy = dir.path().join("copia.ron");
    assert_eq!(plan_file::load(&copy).unwrap(), seed_plan());
    assert_eq!(harness.state().document().path(), Some(copy.as_path()));
    let said = notice(&harness);
    assert_eq!(said, format!("Plan guardado en {}", copy.display()));
    harness.get_by_label(&said);
}

#[test]
fn a_folder_typed_in_the_save_as_box_gets_the_plan_inside_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    write_plan(&path, &seed_plan());
    let folder = dir.path().join("archivo 2022");
    std::fs::create_dir(&folder).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = window_on(Some(&path), &dialogs);
    dialogs.answer(None);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness
        .get_by_label("Ruta del archivo")
        .type_text(folder.to_str().unwrap());
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let inside = folder.join("plan.ron");
    assert_eq!(harness.state().document().path(), Some(inside.as_path()));
    assert_eq!(plan_file::load(&inside).unwrap(), seed_plan());
    assert!(!dir.path().join("archivo 2022.ron").exists());
}

#[test]
fn a_typed_path_expands_the_home_folder() {
    let home = std::env::home_dir().expect("a home folder");
    let dir = tempfile::tempdir().unwrap();
    let base = &dir.path().join("carpeta_del_plan");
    let elsewhere = dir.path().join("otra").join("a.ron");
    let expand = avance::app::files::expand_typed_path;
    assert_eq!(expand("~", base), home);
    assert_eq!(expand("~/planes/a.ron", base), home.join("planes/a.ron"));
    assert_eq!(expand("a.ron", base), base.join("a.ron"));
    assert_eq!(expand(elsewhere.to_str().unwrap(), base), elsewhere);

    // Through the window: a path under ~ that is not there names the expanded path.
    let dialogs = ScriptedDialogs::default();
    let mut harness = window_on(None, &dialogs);
    dialogs.answer(None);
    press(&mut harness, Modifiers::COMMAND, Key::O);
    harness
        .get_by_label("Ruta del archivo")
        .type_text("~/avance-no-existe-3f9c.ron");
    harness.run();
    click(&mut harness, "Abrir");
    match dialog(&harness) {
        Some(Dialog::Message { text, .. }) => assert!(
            text.ends_with(&home.join("avance-no-existe-3f9c.ron").display().to_string()),
            "{text}"
        ),
        other => panic!("expected a message, got {other:?}"),
    }
}

#[test]
fn a_read_only_file_is_refused_untouched_and_save_as_is_offered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("firmado.ron");
    let before = write_plan(&path, &seed_plan());
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = window_on(Some(&path), &dialogs);
    make_an_edit(&mut harness);

    press(&mut harness, Modifiers::COMMAND, Key::S);
    match dialog(&harness) {
        Some(Dialog::SaveFailed { text, .. }) => assert!(text.contains("solo lectura"), "{text}"),
        other => panic!("expected SaveFailed, got {other:?}"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(harness.state().document().is_dirty(), "the edit is kept");

    // Without a file dialog, the box offers a copy's name, not the refused one.
    dialogs.answer(None);
    click(&mut harness, "Guardar como…");
    let offered = dir.path().join("firmado-copia.ron");
    match dialog(&harness) {
        Some(Dialog::TypePath { input, .. }) => {
            assert_eq!(input, offered.display().to_string())
        }
        other => panic!("expected the typed-path box, got {other:?}"),
    }
    click(&mut harness, "Cancelar");
    press(&mut harness, Modifiers::COMMAND, Key::S);

    let copy = dir.path().join("copia_editable.ron");
    dialogs.answer(Some(copy.clone()));
    click(&mut harness, "Guardar como…");
    assert_eq!(dialog(&harness), None);
    assert_eq!(&plan_file::load(&copy).unwrap(), harness.state().plan());
    assert!(!harness.state().document().is_dirty());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn saving_a_file_with_comments_warns_before_the_first_save_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("comentado.ron");
    let text = plan_file::to_text(&seed_plan()).unwrap().replacen(
        "  title:",
        "  // Revisado por la Oficina de Planeación\n  title:",
        1,
    );
    std::fs::write(&path, &text).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = window_on(Some(&path), &dialogs);
    make_an_edit(&mut harness);

    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(matches!(
        dialog(&harness),
        Some(Dialog::DropComments { line: 4, .. })
    ));
    harness.get_by_label_contains("comentarios escritos a mano (el primero en la línea 4");
    click(&mut harness, "Cancelar");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);

    press(&mut harness, Modifiers::COMMAND, Key::S);
    click(&mut harness, "Guardar sin los comentarios");
    assert_eq!(dialog(&harness), None);
    assert_eq!(&plan_file::load(&path).unwrap(), harness.state().plan());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("comentado.ron.bak")).unwrap(),
        text,
        "the comments are kept in the backup"
    );

    let aside = dir.path().join("comentado.con-comentarios.ron");
    assert_eq!(
        std::fs::read_to_string(&aside).unwrap(),
        text,
        "the hand-written version is kept aside"
    );

    type_in_empty_cell(&mut harness, "466 · ejecutado 2022 T2", "2");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert_eq!(dialog(&harness), None, "warned once");
    assert!(!harness.state().document().is_dirty());
    assert_eq!(
        std::fs::read_to_string(&aside).unwrap(),
        text,
        "a second save (which replaces the .bak) leaves the comments where they were"
    );
}

/// The English window says in English why a save failed, the system's reason too: the
/// version with comments cannot be kept aside (a folder has its name), and nothing is saved.
#[test]
fn an_english_window_says_in_english_why_the_commented_version_was_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("comentado.ron");
    let text = plan_file::to_text(&seed_plan()).unwrap().replacen(
        "  title:",
        "  // Revisado por la Oficina de Planeación\n  title:",
        1,
    );
    std::fs::write(&path, &text).unwrap();
    std::fs::create_dir(dir.path().join("comentado.con-comentarios.ron")).unwrap();
    let prefs = Prefs {
        language: Language::En,
        ..Prefs::default()
    };
    let opened = path.clone();
    let mut harness = harness_of(move || {
        AvanceApp::with(prefs, Some(opened), Box::new(ScriptedDialogs::default()))
    });
    click(&mut harness, "Objective 3");
    type_in_empty_cell(&mut harness, "465 · executed 2022 Q2", "3");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    click(&mut harness, "Save without them");

    let text_shown = match dialog(&harness) {
        Some(Dialog::SaveFailed { text, .. }) => text,
        other => panic!("expected SaveFailed, got {other:?}"),
    };
    // Linux reads a folder as "it is a folder"; Windows refuses to open it.
    #[cfg(unix)]
    let reason = "it is a folder";
    #[cfg(windows)]
    let reason = "permission denied";
    assert!(
        text_shown.starts_with(&format!(
            "Could not keep the version with comments aside ({reason}); nothing was saved: "
        )),
        "{text_shown}"
    );
    crate::language_check::assert_no_spanish(&text_shown, "the save's failure");
    harness.get_by_label_contains("Could not keep the version with comments aside");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    assert!(harness.state().document().is_dirty(), "the edit is kept");
}

/// Opening a malformed plan in the English window says where and what in English; the plan
/// on screen stays.
#[test]
fn an_english_window_says_in_english_why_a_plan_cannot_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    let malformed = dir.path().join("roto.ron");
    std::fs::write(&malformed, "(version: 1, title: \"Plan\"").unwrap();
    let dialogs = ScriptedDialogs::default();
    let prefs = Prefs {
        language: Language::En,
        ..Prefs::default()
    };
    let scripted = dialogs.clone();
    let mut harness = harness_of(move || AvanceApp::with(prefs, None, Box::new(scripted)));
    let before = harness.state().plan().clone();
    dialogs.answer(Some(malformed.clone()));
    press(&mut harness, Modifiers::COMMAND, Key::O);

    match dialog(&harness) {
        Some(Dialog::Message { text, .. }) => {
            assert!(text.starts_with("Malformed plan at line 1"), "{text}");
            crate::language_check::assert_no_spanish(&text, "the open's failure");
        }
        other => panic!("expected a message, got {other:?}"),
    }
    harness.get_by_label_contains("Malformed plan at line 1");
    assert_eq!(harness.state().plan(), &before);
}

#[test]
fn someone_elses_save_is_never_overwritten_silently() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("compartido.ron");
    write_plan(&path, &seed_plan());
    let dialogs = ScriptedDialogs::default();
    let mut harness = window_on(Some(&path), &dialogs);
    make_an_edit(&mut harness);
    let theirs = plan_titled("Guardado por otra persona");
    let their_bytes = write_plan(&path, &theirs);

    // Cancelar: nothing written.
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(matches!(
        dialog(&harness),
        Some(Dialog::ChangedOnDisk { .. })
    ));
    click(&mut harness, "Cancelar");
    assert_eq!(std::fs::read(&path).unwrap(), their_bytes);

    // Guardar como…: ours goes elsewhere, theirs stays.
    let mine = dir.path().join("mi_version.ron");
    dialogs.answer(Some(mine.clone()));
    press(&mut harness, Modifiers::COMMAND, Key::S);
    click(&mut harness, "Guardar como…");
    assert_eq!(&plan_file::load(&mine).unwrap(), harness.state().plan());
    assert_eq!(std::fs::read(&path).unwrap(), their_bytes);

    // Sobrescribir: ours replaces theirs, kept as .bak.
    let mut harness = window_on(Some(&path), &dialogs);
    make_an_edit(&mut harness);
    let again = write_plan(&path, &plan_titled("Otra vez la otra persona"));
    press(&mut harness, Modifiers::COMMAND, Key::S);
    click(&mut harness, "Sobrescribir");
    assert_eq!(&plan_file::load(&path).unwrap(), harness.state().plan());
    assert_eq!(
        std::fs::read(dir.path().join("compartido.ron.bak")).unwrap(),
        again
    );

    // Recargar: theirs comes in, ours is dropped on request.
    make_an_edit_again(&mut harness);
    let third = plan_titled("Tercera versión");
    write_plan(&path, &third);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    click(&mut harness, "Recargar");
    assert_eq!(harness.state().plan(), &third);
    assert!(!harness.state().document().is_dirty());
}

/// A second edit on an already edited seed plan: 466 reports 1 in 2022 T2.
fn make_an_edit_again(harness: &mut Harness<'_, AvanceApp>) {
    type_in_empty_cell(harness, "466 · ejecutado 2022 T2", "1");
}

fn focus_window(harness: &mut Harness<'_, AvanceApp>) {
    harness
        .input_mut()
        .events
        .push(egui::Event::WindowFocused(true));
    harness.run();
}

#[test]
fn coming_back_to_the_window_reloads_a_file_someone_else_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("compartido.ron");
    write_plan(&path, &seed_plan());
    let dialogs = ScriptedDialogs::default();
    let mut harness = window_on(Some(&path), &dialogs);

    focus_window(&mut harness);
    assert_eq!(harness.state().plan(), &seed_plan(), "nothing changed");
    assert_eq!(notice(&harness), "");

    let theirs = plan_titled("Guardado por otra persona");
    write_plan(&path, &theirs);
    focus_window(&mut harness);
    assert_eq!(harness.state().plan(), &theirs);
    assert!(!harness.state().document().is_dirty());
    assert_eq!(
        notice(&harness),
        "compartido.ron cambió en el disco (alguien más lo guardó) y se volvió a abrir."
    );

    // With unsaved changes nothing is reloaded: saving will ask.
    make_an_edit(&mut harness);
    let edited = harness.state().plan().clone();
    write_plan(&path, &plan_titled("Y otra vez"));
    focus_window(&mut harness);
    assert_eq!(harness.state().plan(), &edited);
    assert!(
        notice(&harness).contains("al guardar, Avance preguntará"),
        "{}",
        notice(&harness)
    );
}

/// The recovery copies in a folder.
fn copies_in(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn unsaved_changes_survive_a_crash_and_are_restored() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recuperacion");
    let path = dir.path().join("plan.ron");
    let on_disk = write_plan(&path, &seed_plan());

    let mut first = window_with_recovery(Some(&path), &recovery, Duration::from_secs(3600));
    make_an_edit(&mut first);
    assert_eq!(
        copies_in(&recovery).len(),
        1,
        "written with the first change"
    );
    // A structural edit is written at once, even within the interval.
    select_objective(&mut first, 1);
    click(&mut first, "+ Añadir meta");
    let edited = first.state().plan().clone();
    assert_eq!(edited.objectives[0].metas.len(), 1);
    // The window dies without a clean exit.
    drop(first);

    let mut second = window_with_recovery(None, &recovery, Duration::ZERO);
    assert!(matches!(
        dialog(&second),
        Some(Dialog::Recover { source: Some(ref s), .. }) if s == &path
    ));
    second.get_by_label_contains(&format!(
        "Hay una copia de los cambios sin guardar de {}, escrita hace unos segundos",
        path.display()
    ));
    click(&mut second, "Restaurar");
    assert_eq!(dialog(&second), None);
    assert_eq!(second.state().plan(), &edited);
    assert_eq!(second.state().document().path(), Some(path.as_path()));
    assert!(second.state().title().contains(" •"), "unsaved until saved");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        on_disk,
        "the file is untouched"
    );
    assert_eq!(copies_in(&recovery).len(), 1, "now this window's copy");

    // Ctrl+S saves the restored plan to its file; the copy goes.
    press(&mut second, Modifiers::COMMAND, Key::S);
    assert_eq!(plan_file::load(&path).unwrap(), edited);
    assert_eq!(copies_in(&recovery), Vec::<PathBuf>::new());
}

#[test]
fn a_recovery_copy_can_be_discarded_and_a_clean_exit_leaves_none() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recuperacion");
    let mut first = window_with_recovery(None, &recovery, Duration::ZERO);
    make_an_edit(&mut first);
    drop(first);

    let mut second = window_with_recovery(None, &recovery, Duration::ZERO);
    second.get_by_label_contains("Hay una copia de un plan que nunca se guardó");
    click(&mut second, "Descartar");
    assert_eq!(second.state().plan(), &seed_plan());
    assert_eq!(copies_in(&recovery), Vec::<PathBuf>::new());

    // Unsaved changes, then Salir → Descartar: a clean exit removes the copy and its lock.
    make_an_edit(&mut second);
    assert_eq!(copies_in(&recovery).len(), 1);
    second.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    second.run();
    second.get_by_label("Descartar").click();
    // The window closes: step, as it keeps asking to close until it does.
    second.step();
    second.step();
    assert_eq!(std::fs::read_dir(&recovery).unwrap().count(), 0);
    drop(second);

    let third = window_with_recovery(None, &recovery, Duration::ZERO);
    assert_eq!(dialog(&third), None, "nothing to recover");
}

#[test]
fn two_windows_open_at_once_do_not_take_each_others_copy() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recuperacion");
    let mut first = window_with_recovery(None, &recovery, Duration::ZERO);
    make_an_edit(&mut first);
    let second = window_with_recovery(None, &recovery, Duration::ZERO);
    assert_eq!(dialog(&second), None, "the first window is still running");
    assert_eq!(copies_in(&recovery).len(), 1);
    drop(second);
    assert!(first.state().document().is_dirty());
}

#[test]
fn saving_before_new_goes_on_to_the_new_plan_once_the_typed_path_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = window_on(None, &dialogs);
    make_an_edit(&mut harness);
    let edited = harness.state().plan().clone();
    press(&mut harness, Modifiers::COMMAND, Key::N);
    dialogs.answer(None);
    click(&mut harness, "Guardar");
    assert!(matches!(dialog(&harness), Some(Dialog::TypePath { .. })));
    let path = dir.path().join("antes_de_nuevo.ron");
    harness
        .get_by_label("Ruta del archivo")
        .type_text(path.to_str().unwrap());
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(plan_file::load(&path).unwrap(), edited);
    // Then Nuevo asks for the new plan's frame: five objectives unless told otherwise.
    crate::plan_frame::create_new_plan(&mut harness, "Secretaría General");
    assert_eq!(harness.state().plan().indicator_count(), 0, "then Nuevo");
    assert_eq!(harness.state().plan().objectives.len(), 5);

    // Cancelling the path cancels what was to follow: the edit stays, nothing new opens.
    make_an_edit_in_a_new_plan(&mut harness);
    let pending = harness.state().plan().clone();
    press(&mut harness, Modifiers::COMMAND, Key::N);
    dialogs.answer(None);
    click(&mut harness, "Guardar");
    click(&mut harness, "Cancelar");
    assert_eq!(harness.state().plan(), &pending);
    assert_eq!(dialog(&harness), None);
}

/// An edit in a new, empty plan: the plan title.
fn make_an_edit_in_a_new_plan(harness: &mut Harness<'_, AvanceApp>) {
    click(harness, "Plan y entidades");
    harness.get_by_label("Título").focus();
    harness.run();
    harness.get_by_label("Título").type_text(" 2025");
    harness.run();
    assert!(harness.state().document().is_dirty());
}

#[test]
fn a_file_saved_broken_by_someone_else_is_not_reloaded_and_saving_still_asks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("compartido.ron");
    write_plan(&path, &seed_plan());
    let dialogs = ScriptedDialogs::default();
    let mut harness = window_on(Some(&path), &dialogs);
    std::fs::write(&path, "(version: 1, title: \"a medio escrib").unwrap();
    focus_window(&mut harness);
    assert_eq!(harness.state().plan(), &seed_plan());
    assert_eq!(dialog(&harness), None, "a notice, not a question");
    assert!(
        notice(&harness).contains("no se pudo volver a abrir"),
        "{}",
        notice(&harness)
    );
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(matches!(
        dialog(&harness),
        Some(Dialog::ChangedOnDisk { .. })
    ));
}

#[cfg(target_os = "linux")]
#[test]
fn saving_on_a_full_disk_says_so_and_leaves_the_plan_and_its_bak_byte_identical() {
    use crate::full_disk::{SmallDisk, files_in, plan_and_bak};
    let Some(disk) = SmallDisk::mount(
        "saving_on_a_full_disk_says_so_and_leaves_the_plan_and_its_bak_byte_identical",
    ) else {
        return;
    };
    let (path, plan_before, bak_before, room) = plan_and_bak(&disk);
    let backup = disk.path().join("plan.ron.bak");
    let dialogs = ScriptedDialogs::default();
    let mut harness = window_on(Some(&path), &dialogs);
    make_an_edit(&mut harness);
    let edited = harness.state().plan().clone();
    disk.fill_leaving(room);

    press(&mut harness, Modifiers::COMMAND, Key::S);
    match dialog(&harness) {
        Some(Dialog::SaveFailed { text, .. }) => {
            assert!(text.contains("el disco está lleno"), "{text}");
            assert!(text.contains("plan.ron.bak"), "{text}");
            assert!(
                text.contains("No se perdió nada"),
                "true here, and said: {text}"
            );
        }
        other => panic!("expected SaveFailed, got {other:?}"),
    }
    harness.get_by_label_contains("el disco está lleno");
    assert!(std::fs::read(&path).unwrap() == plan_before, "plan changed");
    assert!(
        std::fs::read(&backup).unwrap() == bak_before,
        "the previous .bak changed"
    );
    assert_eq!(
        files_in(disk.path()),
        ["plan.ron", "plan.ron.bak", "relleno"]
    );
    click(&mut harness, "Cerrar");
    assert!(
        harness.state().document().is_dirty(),
        "the edits are still here"
    );

    // Room again: Ctrl+S saves, and the version it replaces becomes the .bak.
    disk.empty_filler();
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert_eq!(dialog(&harness), None);
    assert_eq!(plan_file::load(&path).unwrap(), edited);
    assert!(std::fs::read(&backup).unwrap() == plan_before);
}

#[test]
fn restoring_over_a_file_someone_saved_since_asks_before_saving_over_it() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recuperacion");
    let path = dir.path().join("compartido.ron");
    write_plan(&path, &seed_plan());
    let mut first = window_with_recovery(Some(&path), &recovery, Duration::ZERO);
    make_an_edit(&mut first);
    let edited = first.state().plan().clone();
    drop(first);
    // While the window was down, a colleague saved the file.
    let theirs = write_plan(&path, &plan_titled("Guardado por otra persona"));

    let mut second = window_with_recovery(None, &recovery, Duration::ZERO);
    click(&mut second, "Restaurar");
    assert_eq!(second.state().plan(), &edited);
    assert!(
        notice(&second).contains("compartido.ron cambió en el disco desde que empezaron"),
        "{}",
        notice(&second)
    );
    press(&mut second, Modifiers::COMMAND, Key::S);
    assert!(
        matches!(dialog(&second), Some(Dialog::ChangedOnDisk { .. })),
        "{:?}",
        dialog(&second)
    );
    second.get_by_label("El archivo cambió en el disco");
    click(&mut second, "Cancelar");
    assert_eq!(std::fs::read(&path).unwrap(), theirs, "not overwritten");

    // Sobrescribir is the officer's choice: theirs goes to .bak.
    press(&mut second, Modifiers::COMMAND, Key::S);
    click(&mut second, "Sobrescribir");
    assert_eq!(plan_file::load(&path).unwrap(), edited);
    assert_eq!(
        std::fs::read(dir.path().join("compartido.ron.bak")).unwrap(),
        theirs
    );
    assert_eq!(copies_in(&recovery), Vec::<PathBuf>::new(), "saved: gone");
}

#[test]
fn restoring_a_copy_over_the_file_it_came_from_saves_without_a_question() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recuperacion");
    let path = dir.path().join("plan.ron");
    write_plan(&path, &seed_plan());
    let mut first = window_with_recovery(Some(&path), &recovery, Duration::ZERO);
    make_an_edit(&mut first);
    let edited = first.state().plan().clone();
    drop(first);

    let mut second = window_with_recovery(None, &recovery, Duration::ZERO);
    click(&mut second, "Restaurar");
    assert!(!notice(&second).contains("cambió"), "{}", notice(&second));
    press(&mut second, Modifiers::COMMAND, Key::S);
    assert_eq!(dialog(&second), None);
    assert_eq!(plan_file::load(&path).unwrap(), edited);
}

/// Two windows on `a.ron` and `b.ron` die with unsaved changes; a third starts and restores
/// the copy it offers first, then is offered the other: its window, the folder of the copies,
/// and (file, edited plan) of the copy restored and of the one offered now.
struct SecondOffer {
    window: Harness<'static, AvanceApp>,
    recovery: PathBuf,
    restored: (PathBuf, Plan),
    offered: (PathBuf, Plan),
    _dir: tempfile::TempDir,
}

fn restore_one_copy_and_be_offered_another() -> SecondOffer {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recuperacion");
    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    write_plan(&a, &seed_plan());
    write_plan(&b, &seed_plan());
    let mut one = window_with_recovery(Some(&a), &recovery, Duration::ZERO);
    make_an_edit(&mut one);
    let mut two = window_with_recovery(Some(&b), &recovery, Duration::ZERO);
    select_objective(&mut two, 3);
    type_in_empty_cell(&mut two, "466 · ejecutado 2022 T2", "7");
    let (edited_a, edited_b) = (one.state().plan().clone(), two.state().plan().clone());
    drop((one, two));
    assert_eq!(copies_in(&recovery).len(), 2);

    let mut window = window_with_recovery(None, &recovery, Duration::ZERO);
    let Some(Dialog::Recover {
        source: Some(first),
        ..
    }) = dialog(&window)
    else {
        panic!("expected a recovery offer, got {:?}", dialog(&window));
    };
    let (restored, offered) = if first == a {
        ((a, edited_a), (b, edited_b))
    } else {
        ((b, edited_b), (a, edited_a))
    };
    click(&mut window, "Restaurar");
    assert_eq!(window.state().plan(), &restored.1);
    assert_eq!(
        copies_in(&recovery).len(),
        2,
        "the restored copy stays until its content is saved or discarded"
    );
    assert!(
        matches!(dialog(&window), Some(Dialog::Recover { source: Some(ref s), .. }) if s == &offered.0),
        "{:?}",
        dialog(&window)
    );
    // Restoring the second asks about the first one's changes, as opening any plan would.
    click(&mut window, "Restaurar");
    assert!(
        matches!(dialog(&window), Some(Dialog::UnsavedChanges { .. })),
        "{:?}",
        dialog(&window)
    );
    window.get_by_label("Cambios sin guardar");
    assert_eq!(window.state().plan(), &restored.1, "nothing replaced yet");
    SecondOffer {
        window,
        recovery,
        restored,
        offered,
        _dir: dir,
    }
}

#[test]
fn restoring_a_second_copy_asks_first_and_cancel_keeps_both() {
    let SecondOffer {
        mut window,
        recovery,
        restored,
        offered,
        _dir,
    } = restore_one_copy_and_be_offered_another();
    click(&mut window, "Cancelar");
    assert_eq!(dialog(&window), None);
    assert_eq!(window.state().plan(), &restored.1);
    assert_eq!(
        copies_in(&recovery).len(),
        2,
        "the other copy stays for the next start"
    );
    assert_eq!(plan_file::load(&restored.0).unwrap(), seed_plan());
    assert_eq!(plan_file::load(&offered.0).unwrap(), seed_plan());
}

#[test]
fn restoring_a_second_copy_after_guardar_saves_the_first_then_restores_it() {
    let SecondOffer {
        mut window,
        recovery,
        restored,
        offered,
        _dir,
    } = restore_one_copy_and_be_offered_another();
    click(&mut window, "Guardar");
    assert_eq!(dialog(&window), None);
    assert_eq!(plan_file::load(&restored.0).unwrap(), restored.1);
    assert_eq!(window.state().plan(), &offered.1);
    assert_eq!(window.state().document().path(), Some(offered.0.as_path()));
    assert_eq!(
        copies_in(&recovery).len(),
        1,
        "the saved one is gone, the one on screen stays"
    );
    press(&mut window, Modifiers::COMMAND, Key::S);
    assert_eq!(plan_file::load(&offered.0).unwrap(), offered.1);
    assert_eq!(copies_in(&recovery), Vec::<PathBuf>::new());
}

#[test]
fn restoring_a_second_copy_after_descartar_drops_only_the_first() {
    let SecondOffer {
        mut window,
        recovery,
        restored,
        offered,
        _dir,
    } = restore_one_copy_and_be_offered_another();
    click(&mut window, "Descartar");
    assert_eq!(dialog(&window), None);
    assert_eq!(
        plan_file::load(&restored.0).unwrap(),
        seed_plan(),
        "untouched"
    );
    assert_eq!(window.state().plan(), &offered.1);
    assert_eq!(
        copies_in(&recovery).len(),
        1,
        "the discarded one is gone, the one on screen stays"
    );
}

#[cfg(unix)]
#[test]
fn a_plan_whose_path_is_not_unicode_gets_a_recovery_copy_and_comes_back_to_its_file() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recuperacion");
    // "Planeación" as Windows writes it (Latin-1) on a share mounted on Linux.
    let folder = dir
        .path()
        .join(std::ffi::OsStr::from_bytes(b"Planeaci\xf3n"));
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("plan.ron");
    let on_disk = write_plan(&path, &seed_plan());
    // The window shows the bytes that are not text as a box (egui's tofu), which the test
    // harness otherwise refuses.
    let window = |path: Option<&Path>| {
        let (path, folder) = (path.map(Path::to_path_buf), recovery.clone());
        let mut app = Some(move || {
            AvanceApp::with(Prefs::default(), path, Box::new(ScriptedDialogs::default()))
                .with_recovery(folder, Duration::ZERO)
        });
        let mut harness = crate::window_builder()
            .allow_missing_glyphs()
            .build_eframe(move |_| (app.take().expect("built once"))());
        harness.run();
        harness
    };
    let mut first = window(Some(&path));
    make_an_edit(&mut first);
    assert_eq!(notice(&first), "", "nothing went wrong");
    assert_eq!(copies_in(&recovery).len(), 1, "a copy is kept");
    let edited = first.state().plan().clone();
    drop(first);

    let mut second = window(None);
    assert!(
        matches!(dialog(&second), Some(Dialog::Recover { source: Some(ref s), .. }) if s == &path),
        "{:?}",
        dialog(&second)
    );
    click(&mut second, "Restaurar");
    assert_eq!(second.state().plan(), &edited);
    assert_eq!(second.state().document().path(), Some(path.as_path()));
    assert_eq!(std::fs::read(&path).unwrap(), on_disk);
    press(&mut second, Modifiers::COMMAND, Key::S);
    assert_eq!(plan_file::load(&path).unwrap(), edited);
}

#[test]
fn a_recovery_copy_that_cannot_be_written_is_told_once() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recuperacion");
    let mut window = window_with_recovery(None, &recovery, Duration::ZERO);
    // A folder where this window's copy goes (named as its lock): no copy can be written.
    let lock = std::fs::read_dir(&recovery)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "lock"))
        .expect("the window holds its lock");
    let copy = lock.with_extension("ron");
    std::fs::create_dir(&copy).unwrap();
    make_an_edit(&mut window);
    let told = notice(&window);
    assert!(
        told.starts_with("No se pudo escribir la copia de recuperación"),
        "{told}"
    );
    assert!(told.contains("Guarde el plan"), "{told}");
    // Gone from the screen, it does not come back at every change or frame.
    window.get_by_label(&told).click();
    window.run();
    assert_eq!(notice(&window), "");
    make_an_edit_again(&mut window);
    for _ in 0..5 {
        window.step();
    }
    assert_eq!(notice(&window), "", "told once");

    // Once copies can be written again, a later failure is told again.
    std::fs::remove_dir(&copy).unwrap();
    type_in_empty_cell(&mut window, "644 · ejecutado 2022 T2", "2");
    assert!(copy.is_file(), "written again");
    std::fs::remove_file(&copy).unwrap();
    std::fs::create_dir(&copy).unwrap();
    type_in_empty_cell(&mut window, "543 · ejecutado 2022 T2", "2");
    assert!(
        notice(&window).starts_with("No se pudo escribir la copia de recuperación"),
        "{}",
        notice(&window)
    );
}

#[test]
fn a_copy_from_an_earlier_avance_does_not_say_what_the_file_held_so_saving_asks() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recuperacion");
    let path = dir.path().join("plan.ron");
    let on_disk = write_plan(&path, &seed_plan());
    // A copy as Avance wrote them before copies remembered the file's version.
    let edited = plan_titled("Editado antes de la actualización");
    let plan = plan_file::to_text(&edited).unwrap();
    let body = plan.split_once('\n').unwrap().1;
    std::fs::create_dir(&recovery).unwrap();
    std::fs::write(
        recovery.join("recovery-1-2.ron"),
        format!(
            "#![enable(implicit_some)]\n(\n  source: {:?},\n  plan: {body})\n",
            path.to_str().unwrap()
        ),
    )
    .unwrap();

    let mut window = window_with_recovery(None, &recovery, Duration::ZERO);
    click(&mut window, "Restaurar");
    assert_eq!(window.state().plan(), &edited);
    assert!(
        notice(&window).contains("Esta copia no dice de qué versión de plan.ron partió"),
        "{}",
        notice(&window)
    );
    focus_window(&mut window);
    assert!(
        !notice(&window).contains("alguien más lo guardó"),
        "nothing is known to have changed: {}",
        notice(&window)
    );
    press(&mut window, Modifiers::COMMAND, Key::S);
    assert!(matches!(
        dialog(&window),
        Some(Dialog::ChangedOnDisk { .. })
    ));
    click(&mut window, "Cancelar");
    assert_eq!(std::fs::read(&path).unwrap(), on_disk);
}

#[test]
fn a_recovery_copy_that_cannot_be_read_is_told_and_left_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recuperacion");
    std::fs::create_dir(&recovery).unwrap();
    // A copy written by a newer Avance, which this one cannot read.
    let copy = recovery.join("recovery-1-2.ron");
    std::fs::write(&copy, "(source: None, plan: (version: 99, nuevo: ()))").unwrap();
    let window = window_with_recovery(None, &recovery, Duration::ZERO);
    assert_eq!(dialog(&window), None, "nothing to restore");
    assert_eq!(
        notice(&window),
        format!(
            "Hay una copia de recuperación que Avance no pudo leer (dañada, o escrita por una \
             versión más nueva de Avance); sigue en su lugar: {}",
            copy.display()
        )
    );
    assert!(copy.exists());
}
