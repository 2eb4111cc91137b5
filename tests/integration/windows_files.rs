//! Files under Windows' rules: backups written like plans, read-only attributes, folders with
//! spaces and accents, Notepad's files, files another program holds. The tests marked
//! `cfg(windows)` run in CI under Wine (`.ci/run`), where Windows' sharing rules apply.

use std::path::Path;

use avance::io::plan_file::{PlanFileError, load, save, to_text};
use avance::io::safe_write::{self, Backup, WriteError};
use avance::io::seed_plan;
use avance::model::{Language, Plan};

use crate::avance;

fn edited(text: &str) -> Plan {
    let mut plan = seed_plan();
    plan.title.push_str(text);
    plan
}

/// Every file in `dir`, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn set_read_only(path: &Path, read_only: bool) {
    let mut permissions = std::fs::metadata(path).unwrap().permissions();
    permissions.set_readonly(read_only);
    std::fs::set_permissions(path, permissions).unwrap();
}

#[test]
fn a_read_only_bak_stops_the_save_by_name_and_both_files_stay_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let backup = dir.path().join("plan.ron.bak");
    save(&seed_plan(), &path).unwrap();
    save(&edited(" (1)"), &path).unwrap();
    let (plan_before, backup_before) = (
        std::fs::read(&path).unwrap(),
        std::fs::read(&backup).unwrap(),
    );
    set_read_only(&backup, true);

    let error = save(&edited(" (2)"), &path).unwrap_err();
    let message = error.message(Language::Es);
    assert!(
        matches!(
            &error,
            PlanFileError::Write {
                source: WriteError::Backup { .. },
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        message.contains("plan.ron.bak"),
        "names the backup: {message}"
    );
    assert!(message.contains("solo lectura"), "{message}");
    assert!(message.contains("No se perdió nada"), "{message}");
    assert_eq!(std::fs::read(&path).unwrap(), plan_before);
    assert_eq!(std::fs::read(&backup).unwrap(), backup_before);
    assert_eq!(
        files_in(dir.path()),
        ["plan.ron", "plan.ron.bak"],
        "no temporary file left"
    );

    // The officer clears the attribute: the next save goes through, the .bak takes its turn.
    set_read_only(&backup, false);
    save(&edited(" (2)"), &path).unwrap();
    assert_eq!(std::fs::read(&backup).unwrap(), plan_before);
}

#[test]
fn the_bak_is_written_through_its_own_temporary_file_and_a_killed_ones_leftover_is_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save(&seed_plan(), &path).unwrap();
    let first = std::fs::read(&path).unwrap();
    // What a save killed while writing the backup leaves: a partial temporary backup.
    let stale = dir.path().join(".plan.ron.bak.avance-tmp");
    assert_eq!(
        safe_write::temp_path(&safe_write::backup_path(&path).unwrap()).unwrap(),
        stale
    );
    std::fs::write(&stale, &first[..100]).unwrap();
    save(&edited(" (1)"), &path).unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("plan.ron.bak")).unwrap(),
        first
    );
    assert_eq!(files_in(dir.path()), ["plan.ron", "plan.ron.bak"]);
}

#[test]
fn a_failed_backup_leaves_the_previous_backup_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let backup = dir.path().join("plan.ron.bak");
    save(&seed_plan(), &path).unwrap();
    save(&edited(" (1)"), &path).unwrap();
    let backup_before = std::fs::read(&backup).unwrap();
    let plan_before = std::fs::read(&path).unwrap();
    // The backup's temporary name is taken by a folder: the copy cannot be made.
    std::fs::create_dir(dir.path().join(".plan.ron.bak.avance-tmp")).unwrap();
    let error = save(&edited(" (2)"), &path).unwrap_err();
    assert!(
        error.message(Language::Es).contains("plan.ron.bak"),
        "{error}"
    );
    assert_eq!(std::fs::read(&backup).unwrap(), backup_before);
    assert_eq!(std::fs::read(&path).unwrap(), plan_before);
}

#[test]
fn folders_with_spaces_and_accents_save_back_up_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Peña").join("Documentos de Planeación");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("Plan 2023 – sector.ron");
    save(&seed_plan(), &path).unwrap();
    save(&edited(" (año)"), &path).unwrap();
    assert_eq!(load(&path).unwrap(), edited(" (año)"));
    assert_eq!(
        load(&folder.join("Plan 2023 – sector.ron.bak")).unwrap(),
        seed_plan()
    );
    // The command line takes the same path as typed.
    let untidy = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\n  ", "\n");
    std::fs::write(&path, untidy).unwrap();
    let (code, _, stderr) = avance(&["fmt", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        to_text(&edited(" (año)")).unwrap()
    );
}

#[test]
fn a_file_saved_by_notepad_opens_and_saves_back_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bloc de notas.ron");
    let canonical = to_text(&seed_plan()).unwrap();
    let notepad = format!("\u{feff}{}", canonical.replace('\n', "\r\n"));
    std::fs::write(&path, &notepad).unwrap();
    assert_eq!(load(&path).unwrap(), seed_plan());
    let (code, _, stderr) = avance(&["fmt", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        canonical,
        "no BOM, \\n line ends"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("bloc de notas.ron.bak")).unwrap(),
        notepad,
        "Notepad's version kept"
    );
}

/// A drive letter, a UNC share: the temporary file and the backup sit beside the plan, on the
/// same share (a rename cannot cross volumes).
#[cfg(windows)]
#[test]
fn files_on_a_drive_or_a_network_share_keep_their_copies_beside_them() {
    use std::path::PathBuf;
    for (plan, temp, backup) in [
        (
            r"C:\Users\Peña\Documentos\Plan 2023.ron",
            r"C:\Users\Peña\Documentos\.Plan 2023.ron.avance-tmp",
            r"C:\Users\Peña\Documentos\Plan 2023.ron.bak",
        ),
        (
            r"\\servidor\planeacion\plan.ron",
            r"\\servidor\planeacion\.plan.ron.avance-tmp",
            r"\\servidor\planeacion\plan.ron.bak",
        ),
        (
            r"\\servidor\planeacion\2023\plan.ron",
            r"\\servidor\planeacion\2023\.plan.ron.avance-tmp",
            r"\\servidor\planeacion\2023\plan.ron.bak",
        ),
    ] {
        let plan = Path::new(plan);
        assert_eq!(safe_write::temp_path(plan).unwrap(), PathBuf::from(temp));
        assert_eq!(
            safe_write::backup_path(plan).unwrap(),
            PathBuf::from(backup)
        );
    }
}

/// Opens `path` as Excel opens a workbook: no other program may read, write or replace it.
#[cfg(windows)]
fn hold(path: &Path) -> std::fs::File {
    use std::os::windows::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .share_mode(0)
        .open(path)
        .unwrap()
}

#[cfg(windows)]
#[test]
fn a_plan_another_program_holds_is_named_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save(&seed_plan(), &path).unwrap();
    save(&edited(" (1)"), &path).unwrap();
    let (plan_before, backup_before) = (
        std::fs::read(&path).unwrap(),
        std::fs::read(dir.path().join("plan.ron.bak")).unwrap(),
    );
    let holder = hold(&path);
    let error = save(&edited(" (2)"), &path).unwrap_err();
    drop(holder);
    let message = error.message(Language::Es);
    assert!(
        matches!(&error, PlanFileError::Write { source, .. } if source.is_in_use()),
        "{error:?}"
    );
    assert!(
        message.contains("«plan.ron» está abierto en otro programa"),
        "{message}"
    );
    assert!(message.contains("ciérrelo"), "{message}");
    assert!(!message.contains("os error"), "in words: {message}");
    assert_eq!(std::fs::read(&path).unwrap(), plan_before);
    assert_eq!(
        std::fs::read(dir.path().join("plan.ron.bak")).unwrap(),
        backup_before
    );
    assert_eq!(files_in(dir.path()), ["plan.ron", "plan.ron.bak"]);
}

#[cfg(windows)]
#[test]
fn a_backup_another_program_holds_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save(&seed_plan(), &path).unwrap();
    save(&edited(" (1)"), &path).unwrap();
    let plan_before = std::fs::read(&path).unwrap();
    let holder = hold(&dir.path().join("plan.ron.bak"));
    let error = save(&edited(" (2)"), &path).unwrap_err();
    drop(holder);
    let message = error.message(Language::Es);
    assert!(message.contains("plan.ron.bak"), "{message}");
    assert!(message.contains("abierto en otro programa"), "{message}");
    assert_eq!(std::fs::read(&path).unwrap(), plan_before);
}

#[cfg(windows)]
#[test]
fn a_brief_hold_by_an_antivirus_or_onedrive_is_waited_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save(&seed_plan(), &path).unwrap();
    let holder = hold(&path);
    let release = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(500));
        drop(holder);
    });
    save(&edited(" (1)"), &path).unwrap();
    release.join().unwrap();
    assert_eq!(load(&path).unwrap(), edited(" (1)"));
    assert_eq!(load(&dir.path().join("plan.ron.bak")).unwrap(), seed_plan());
}

#[cfg(windows)]
#[test]
fn exporting_over_a_workbook_excel_holds_asks_to_close_it_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    save(&seed_plan(), &plan).unwrap();
    let workbook = dir.path().join("comité 2022T1.xlsx");
    std::fs::write(&workbook, b"the workbook Excel has open").unwrap();
    let holder = hold(&workbook);
    let (code, stdout, stderr) = avance(&[
        "export",
        plan.to_str().unwrap(),
        "--format",
        "xlsx",
        "-o",
        workbook.to_str().unwrap(),
        "--force",
    ]);
    drop(holder);
    assert_ne!(code, 0, "{stdout}");
    assert!(
        stderr.contains("«comité 2022T1.xlsx» está abierto en otro programa"),
        "{stderr}"
    );
    assert!(!stderr.contains("os error"), "{stderr}");
    assert_eq!(
        std::fs::read(&workbook).unwrap(),
        b"the workbook Excel has open"
    );
}

/// Where the window keeps its preferences and recovery copies on Windows, as the README says.
#[cfg(windows)]
#[test]
fn preferences_and_recovery_copies_live_under_appdata() {
    let appdata = std::env::var_os("APPDATA").expect("Windows sets %APPDATA%");
    assert_eq!(
        eframe::storage_dir(avance::app::APP_ID),
        Some(Path::new(&appdata).join("Avance").join("data"))
    );
}

/// The same safe write a plan gets, with the retries, for any file (exports, recovery copies).
#[test]
fn a_write_with_no_backup_leaves_only_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("informe.csv");
    safe_write::write(&path, b"a;b\n", Backup::Skip).unwrap();
    safe_write::write(&path, b"a;b;c\n", Backup::Skip).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"a;b;c\n");
    assert_eq!(files_in(dir.path()), ["informe.csv"]);
}

#[cfg(windows)]
#[test]
fn saving_a_plan_another_program_holds_offers_to_try_again_once_it_is_closed() {
    use avance::view::{Dialog, Prefs};
    use egui::{Key, Modifiers};
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save(&seed_plan(), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut harness = crate::ui::window(Prefs::default(), Some(path.clone()), Default::default());
    crate::ui::select_objective(&mut harness, 3);
    crate::ui::type_in_cell(&mut harness, "644 · ejecutado 2022 T1", "2");
    crate::ui::press(&mut harness, Modifiers::NONE, Key::Enter);

    let holder = hold(&path);
    crate::ui::press(&mut harness, Modifiers::COMMAND, Key::S);
    match harness.state().dialog() {
        Some(Dialog::SaveFailed { text, retry }) => {
            assert!(
                text.contains("«plan.ron» está abierto en otro programa"),
                "{text}"
            );
            assert!(retry.is_some(), "a held file can be tried again");
        }
        other => panic!("expected SaveFailed, got {other:?}"),
    }
    drop(holder);
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");
    assert!(
        harness.state().title().contains(" •"),
        "the changes stay unsaved"
    );

    harness.get_by_label("Reintentar").click();
    harness.run();
    assert!(harness.state().dialog().is_none());
    assert!(!harness.state().title().contains(" •"));
    assert_eq!(load(&path).unwrap(), *harness.state().plan());
    assert_eq!(load(&dir.path().join("plan.ron.bak")).unwrap(), seed_plan());
}

/// What a save killed between its steps leaves, finished by the next save without losing the
/// version the backup was meant to keep.
#[test]
fn a_save_killed_halfway_through_its_backup_is_finished_by_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let backup = dir.path().join("plan.ron.bak");
    let copy = dir.path().join(".plan.ron.bak.avance-tmp");
    let older = dir.path().join(".plan.ron.bak.avance-old");
    let (v1, v2, v3) = (
        to_text(&edited(" (1)")).unwrap(),
        to_text(&edited(" (2)")).unwrap(),
        to_text(&edited(" (3)")).unwrap(),
    );

    // Killed after the older backup was set aside, before the plan was replaced: the plan is
    // v2, the copy of it is complete, the older backup (v1) waits aside. A save of the same
    // bytes (nothing to back up) puts v1 back as the backup.
    std::fs::write(&path, &v2).unwrap();
    std::fs::write(&copy, &v2).unwrap();
    std::fs::write(&older, &v1).unwrap();
    save(&edited(" (2)"), &path).unwrap();
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), v1);
    assert_eq!(files_in(dir.path()), ["plan.ron", "plan.ron.bak"]);

    // Killed after the plan was replaced (v3), before the copy of v2 became the backup.
    std::fs::write(&path, &v3).unwrap();
    std::fs::write(&copy, &v2).unwrap();
    std::fs::rename(&backup, &older).unwrap();
    save(&edited(" (3)"), &path).unwrap();
    assert_eq!(
        std::fs::read_to_string(&backup).unwrap(),
        v2,
        "v2 is the previous version"
    );
    assert_eq!(files_in(dir.path()), ["plan.ron", "plan.ron.bak"]);

    // Killed while copying: a partial copy alone. Even a save with nothing new removes it.
    std::fs::write(&copy, &v3[..10]).unwrap();
    save(&edited(" (3)"), &path).unwrap();
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), v2);
    assert_eq!(files_in(dir.path()), ["plan.ron", "plan.ron.bak"]);
}

#[test]
fn a_name_as_long_as_the_system_allows_still_gets_its_temporary_file_and_backup() {
    let dir = tempfile::tempdir().unwrap();
    // About 250 bytes of UTF-8 with the extension: `.NAME.avance-tmp` would be over 255.
    let mut stem = String::new();
    for c in "plan_estratégico_".chars().cycle() {
        if stem.len() + c.len_utf8() > 246 {
            break;
        }
        stem.push(c);
    }
    let name = format!("{stem}.ron");
    assert!(name.len() >= 249, "{}", name.len());
    let path = dir.path().join(&name);
    save(&seed_plan(), &path).unwrap();
    save(&edited(" (1)"), &path).unwrap();
    save(&edited(" (2)"), &path).unwrap();
    assert_eq!(load(&path).unwrap(), edited(" (2)"));
    let files = files_in(dir.path());
    assert_eq!(
        files.len(),
        2,
        "the plan and its backup, no leftovers: {files:?}"
    );
    let backup = files.iter().find(|f| **f != name).unwrap();
    assert!(backup.ends_with(".bak"), "{backup}");
    assert_eq!(load(&dir.path().join(backup)).unwrap(), edited(" (1)"));
}

/// Held as most programs hold a file they read and write (C's fopen): others may read and
/// write it, but not delete or rename it.
#[cfg(windows)]
fn hold_sharing_read_write(path: &Path) -> std::fs::File {
    use std::os::windows::fs::OpenOptionsExt;
    const FILE_SHARE_READ: u32 = 1;
    const FILE_SHARE_WRITE: u32 = 2;
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .share_mode(FILE_SHARE_READ | FILE_SHARE_WRITE)
        .open(path)
        .unwrap()
}

#[cfg(windows)]
#[test]
fn a_save_that_cannot_replace_the_plan_leaves_the_older_backup_where_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save(&seed_plan(), &path).unwrap();
    save(&edited(" (1)"), &path).unwrap();
    let (plan_before, backup_before) = (
        std::fs::read(&path).unwrap(),
        std::fs::read(dir.path().join("plan.ron.bak")).unwrap(),
    );
    // The plan can be opened for writing, but not replaced: the rename is what fails.
    let holder = hold_sharing_read_write(&path);
    let error = save(&edited(" (2)"), &path).unwrap_err();
    drop(holder);
    assert!(error.is_in_use(), "{error:?}");
    assert_eq!(std::fs::read(&path).unwrap(), plan_before);
    assert_eq!(
        std::fs::read(dir.path().join("plan.ron.bak")).unwrap(),
        backup_before,
        "the older backup is not given up for a save that did not happen"
    );
    assert_eq!(files_in(dir.path()), ["plan.ron", "plan.ron.bak"]);
}

#[cfg(windows)]
#[test]
fn a_name_ending_in_a_dot_backs_up_the_file_windows_really_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save(&seed_plan(), &path).unwrap();
    save(&edited(" (1)"), &dir.path().join("plan.ron.")).unwrap();
    assert_eq!(load(&path).unwrap(), edited(" (1)"));
    assert_eq!(load(&dir.path().join("plan.ron.bak")).unwrap(), seed_plan());
    assert_eq!(files_in(dir.path()), ["plan.ron", "plan.ron.bak"]);
}

#[cfg(windows)]
#[test]
fn names_windows_reserves_are_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "CON.ron",
        "aux.xlsx",
        "nul",
        "Com1.csv",
        "LPT9.ron",
        "a?b.xlsx",
        "informe 2022: T1.xlsx",
    ] {
        let error = safe_write::write(&dir.path().join(name), b"x", Backup::Skip).unwrap_err();
        let message = error.message(Language::Es);
        assert!(
            matches!(error, WriteError::InvalidName { .. }),
            "{name}: {error:?}"
        );
        assert!(
            message.contains("no es un nombre de archivo válido en Windows"),
            "{message}"
        );
    }
    // Names that only look like them are fine.
    for name in ["CONSOLIDADO.ron", "com10.csv", "nulo.xlsx"] {
        safe_write::write(&dir.path().join(name), b"x", Backup::Skip).unwrap();
    }
}
