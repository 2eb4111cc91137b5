//! The errors of the window and of the briefing pack, each variant, read as English in English
//! (the core's are checked in the core's tests), and none has a `Display` fixed to one language.
//! The command line with `--lang en` says what is wrong with a file in English.

use std::path::PathBuf;

use avance::app::{Renderer, WindowError};
use avance::briefing::PackError;
use avance::io::SystemError;
use avance::io::safe_write::WriteError;
use avance::model::Language;

fn folder() -> PathBuf {
    PathBuf::from("/tmp/comite")
}

#[test]
fn no_error_of_the_app_has_a_display_that_fixes_its_language() {
    assert_no_display!(
        PackError,
        WindowError,
        avance::view::new_plan::NewPlanProblem
    );
}

#[test]
fn every_pack_error_reads_as_english_in_english() {
    let file = || folder().join("avance-2022-T1-01.png");
    every_variant_in_english!(
        vec![
            PackError::Exists(file()),
            PackError::Folder(
                folder(),
                SystemError {
                    kind: std::io::ErrorKind::PermissionDenied,
                    held: false,
                    detail: "os error 13".to_owned(),
                },
            ),
            PackError::NotAFolder(folder()),
            PackError::Write(file(), WriteError::ReadOnly),
            PackError::Write(file(), WriteError::InUse { path: file() },),
            PackError::Stranded {
                file: file(),
                source: WriteError::LinkLoop,
                kept_in: folder().join(".avance-anterior"),
            },
            PackError::Encode("out of memory".to_owned()),
            PackError::Pdf("missing alternative text".to_owned()),
        ],
        PackError::Exists(_),
        PackError::Folder(..),
        PackError::NotAFolder(_),
        PackError::Write(..),
        PackError::Stranded { .. },
        PackError::Encode(_),
        PackError::Pdf(_),
    );
}

#[test]
fn every_window_error_reads_as_english_in_english() {
    every_variant_in_english!(
        vec![
            WindowError::NoGraphics(vec![
                (Renderer::Glow, "no OpenGL 2".to_owned()),
                (Renderer::Wgpu, "no adapter".to_owned()),
            ]),
            WindowError::Failed("lost device".to_owned()),
        ],
        WindowError::NoGraphics(_),
        WindowError::Failed(_),
    );
}

#[test]
fn every_reason_the_new_plan_waits_reads_as_english_in_english() {
    use avance::model::{EntityNameError, PeriodError};
    use avance::view::dialog::ObjectiveCountError;
    use avance::view::new_plan::NewPlanProblem;
    every_variant_in_english!(
        vec![
            NewPlanProblem::FirstNotAYear("2o24".to_owned()),
            NewPlanProblem::LastNotAYear("27".to_owned()),
            NewPlanProblem::Period(PeriodError::LastBeforeFirst {
                first: 2027,
                last: 2024,
            }),
            NewPlanProblem::Objectives(ObjectiveCountError::OutOfRange),
            NewPlanProblem::Entities(EntityNameError::Repeated("IDARTES".to_owned())),
        ],
        NewPlanProblem::FirstNotAYear(_),
        NewPlanProblem::LastNotAYear(_),
        NewPlanProblem::Period(_),
        NewPlanProblem::Objectives(_),
        NewPlanProblem::Entities(_),
    );
}

/// A malformed plan, a missing one and a folder, each read by a subcommand with `--lang en`:
/// the reason is English, and with `--lang es` (the default) it stays Spanish.
#[test]
fn the_command_line_in_english_says_in_english_why_a_plan_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let malformed = dir.path().join("roto.ron");
    std::fs::write(&malformed, "(version: 1, title: \"Plan\"").unwrap();
    let missing = dir.path().join("no-existe.ron");
    let out = dir.path().join("diapositivas");
    for (file, english, spanish) in [
        (&malformed, "Malformed plan at line", "Plan mal formado"),
        (&missing, "the path does not exist", "la ruta no existe"),
        (&dir.path().to_path_buf(), "is a folder", "es una carpeta"),
    ] {
        let file = file.to_str().unwrap();
        let out = out.to_str().unwrap();
        for args in [
            vec!["report", file, "--lang", "en"],
            vec!["validate", file, "--lang", "en"],
            vec!["diff", file, file, "--lang", "en"],
            vec!["slides", file, "-o", out, "--lang", "en"],
        ] {
            let (code, stdout, err) = crate::avance(&args);
            assert_eq!(code, 2, "{args:?}: {err}");
            assert_eq!(stdout, "", "{args:?}");
            assert!(err.contains(english), "{args:?}: {err}");
            crate::language_check::assert_no_spanish(&err, &format!("{args:?}"));
        }
        let (code, _, err) = crate::avance(&["report", file]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(spanish), "{err}");
    }
}
