//! Archivo → Importar… in the window says what `avance import` says: the same summary, and the
//! same capped list of problems.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::avance;
use avance::app::AvanceApp;
use avance::app::file_picker::{DialogKind, FilePicker, FileRequest};
use avance::view::Command;
use avance::view::{Dialog, Prefs};
use egui_kittest::Harness;

const SEED_TSV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/seed_objetivos_2_3.tsv"
);

/// File dialogs that answer every "which table to import?" with the next queued path.
#[derive(Clone, Default)]
struct Tables(Rc<RefCell<VecDeque<PathBuf>>>);

impl FilePicker for Tables {
    fn pick(&mut self, request: &FileRequest) -> Option<PathBuf> {
        match request.kind {
            DialogKind::ImportTable => self.0.borrow_mut().pop_front(),
            _ => None,
        }
    }
}

/// The window after Archivo → Importar… of `path` (the dialog's answer is taken in the frame
/// after the command).
fn import_in_window(path: &Path) -> Harness<'static, AvanceApp> {
    let tables = Tables::default();
    tables.0.borrow_mut().push_back(path.to_path_buf());
    let mut harness = crate::window_builder()
        .build_eframe(move |_| AvanceApp::with(Prefs::default(), None, Box::new(tables.clone())));
    harness.state_mut().run_command(Command::Import);
    harness.run();
    harness
}

/// What `avance import` prints on stdout, without its last line (where the plan was written).
fn cli_summary(path: &Path, dir: &Path) -> String {
    let out = dir.join("plan.ron");
    let (code, stdout, stderr) = avance(&[
        "import",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--lenient",
        "--force",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    lines[..lines.len() - 1].join("\n")
}

#[test]
fn the_window_shows_the_summary_the_command_line_prints() {
    let dir = tempfile::tempdir().unwrap();
    let window = import_in_window(Path::new(SEED_TSV));
    let app = window.state();
    // A clean import does not stop work: the summary is a notice.
    assert_eq!(app.dialog(), None);
    let text = &app.notice().expect("a notice").text;
    let summary = cli_summary(Path::new(SEED_TSV), dir.path());
    assert!(text.starts_with(&summary), "{text}\n---\n{summary}");
    assert!(summary.contains("15 filas leídas"), "{summary}");
    assert!(text.ends_with("el plan aún no está guardado."), "{text}");
}

#[test]
fn the_windows_problem_list_stops_at_100_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = std::fs::read_to_string(SEED_TSV).unwrap();
    for _ in 0..1_000 {
        text.push_str("21\n");
    }
    let path = dir.path().join("mil_malas.tsv");
    std::fs::write(&path, &text).unwrap();
    let mut window = import_in_window(&path);
    let app = window.state_mut();
    match app.dialog() {
        Some(Dialog::ImportProblems { text, .. }) => {
            assert!(text.starts_with("3000 celdas en 1000 filas"), "{text}");
            assert!(text.ends_with("… y 2900 más."), "{text}");
            assert_eq!(text.lines().count(), 102, "{text}");
        }
        other => panic!("expected the problems, got {other:?}"),
    }
    app.answer_import_problems(true);
    match app.dialog() {
        Some(Dialog::Message { text, .. }) => {
            let summary = cli_summary(&path, dir.path());
            assert!(text.starts_with(&summary), "{text}\n---\n{summary}");
            assert!(summary.contains("1000 con problemas"), "{summary}");
            assert!(text.ends_with("• … y 2900 avisos más."), "{text}");
            assert_eq!(text.lines().count(), summary.lines().count() + 102);
        }
        other => panic!("expected the summary, got {other:?}"),
    }
    assert_eq!(app.plan().indicator_count(), 9);
}

#[test]
fn a_file_the_window_cannot_read_is_named_once_in_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no_es_libro.xlsx");
    std::fs::write(&path, b"PK\x03\x04basura").unwrap();
    let window = import_in_window(&path);
    match window.state().dialog() {
        Some(Dialog::Message { text, .. }) => {
            assert!(text.contains("no es un libro .xlsx"), "{text}");
            assert_eq!(text.matches("no_es_libro.xlsx").count(), 1, "{text}");
        }
        other => panic!("expected a message, got {other:?}"),
    }
}
