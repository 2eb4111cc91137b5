//! Plan files: exact round-trips, stable bytes, and clear errors for bad files.

use std::collections::BTreeMap;
use std::path::Path;

use avance::io::fast_read;
use avance::io::plan_file::{
    Format, Migration, PlaceField, PlanFileError, load, open, parse, parse_as, save, to_text,
};
use avance::io::safe_write::{self, Backup, WriteError};
use avance::io::seed_plan;
use avance::model::validation::Field;
use avance::model::{
    Annualization, Cut, Indicator, Language, Meta, Period, Plan, PlanProgress, Quarter, YearData,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn origin() -> &'static Path {
    Path::new("prueba.ron")
}

#[test]
fn load_save_load_is_equal_and_save_save_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("a.ron");
    let second = dir.path().join("b.ron");
    let plan = seed_plan();
    save(&plan, &first).unwrap();
    let reloaded = load(&first).unwrap();
    assert_eq!(reloaded, plan);
    save(&reloaded, &second).unwrap();
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );
}

#[test]
fn decimals_come_back_exactly_as_written() {
    let text = to_text(&seed_plan()).unwrap();
    assert!(text.contains(r#"executed: {1: "27.50"}),"#), "{text}");
    let plan = parse(&text, origin()).unwrap();
    let executed =
        plan.objectives[1].metas[0].indicators[0].executed(2022, Quarter::new(1).unwrap());
    assert_eq!(executed.unwrap().to_string(), "27.50");
    let weight = plan.objectives[2].metas[0].indicators[1].weight(2022);
    assert_eq!(weight.unwrap().to_string(), "3.0", "the seed writes 3,0 %");
}

#[test]
fn the_file_is_human_readable_with_one_field_per_line() {
    let text = to_text(&seed_plan()).unwrap();
    assert!(text.starts_with("#![enable(implicit_some)]\n(\n  version: 1,\n  title: "));
    assert!(!text.contains('\r'));
    assert!(text.contains("      number: 3,\n"));
    // One line per indicator and vigencia.
    assert!(text.contains(
        "\n                2022: (weight: \"89.35\", programmed: \"55.00\", executed: {1: \"27.50\"}),\n"
    ));
    assert!(text.contains("annualization: Creciente,\n"));
}

fn syntax_error(text: &str) -> (usize, usize, String) {
    match parse(text, origin()) {
        Err(PlanFileError::Syntax {
            line,
            column,
            problem,
            ..
        }) => (line, column, problem.text(avance::model::Language::Es)),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn malformed_files_give_errors_with_file_line_and_column() {
    let good = to_text(&seed_plan()).unwrap();

    let truncated = &good[..good.len() / 2];
    let (line, _, _) = syntax_error(truncated);
    assert!(line > 10);

    let letter = good.replacen(r#""27.50""#, r#""27.5O""#, 1);
    let expected_line = good.lines().position(|l| l.contains(r#""27.50""#)).unwrap() + 1;

    let wrong_type = good.replacen("number: 2,", "number: \"dos\",", 1);
    syntax_error(&wrong_type);

    for huge in [r#""1e40""#, r#""99999999999999999999999999999999999.0""#] {
        let text = good.replacen(r#""27.50""#, huge, 1);
        assert!(
            matches!(
                parse(&text, origin()),
                Err(PlanFileError::NotANumber { .. })
            ),
            "{huge}"
        );
    }
    // Without quotes it is a binary float, refused before its size matters.
    let text = good.replacen(r#""27.50""#, "99999999999999999999999999999999999.0", 1);
    let (_, _, detail) = syntax_error(&text);
    assert!(detail.contains("entre comillas"), "{detail}");

    let bad_quarter = good.replacen(r#"1: "27.50""#, r#"5: "27.50""#, 1);
    let (_, _, detail) = syntax_error(&bad_quarter);
    assert!(detail.contains("el trimestre 5 no existe"), "{detail}");

    let unknown_field = good.replacen("unit: \"%\",", "unidad: \"%\",", 1);
    let (_, _, detail) = syntax_error(&unknown_field);
    assert!(detail.contains("unidad"), "{detail}");

    let message = parse(&letter, origin()).unwrap_err().message(Language::Es);
    assert!(
        message.starts_with(&format!(
            "Plan mal formado en la línea {expected_line}, columna"
        )),
        "{message}"
    );
    assert!(message.ends_with("prueba.ron"), "{message}");
}

#[test]
fn a_number_that_does_not_parse_names_objective_indicator_field_line_and_column() {
    let good = to_text(&seed_plan()).unwrap();
    let letter = good.replacen(r#""27.50""#, r#""27.5O""#, 1);
    let line = good.lines().position(|l| l.contains(r#""27.50""#)).unwrap() + 1;
    let column = good
        .lines()
        .nth(line - 1)
        .unwrap()
        .find(r#""27.50""#)
        .unwrap()
        + 1;
    let error = parse(&letter, origin()).unwrap_err();
    match &error {
        PlanFileError::NotANumber {
            line: l,
            column: c,
            text,
            place: Some(place),
            ..
        } => {
            assert_eq!((*l, *c), (line, column), "where the value starts");
            assert_eq!(text, "27.5O");
            assert_eq!(place.objective, Some(2));
            assert_eq!(place.indicator.as_deref(), Some("321"));
            assert_eq!(
                place.field,
                Some(PlaceField::Plan(Field::Executed(
                    2022,
                    Quarter::new(1).unwrap()
                )))
            );
        }
        other => panic!("expected NotANumber with its place, got {other:?}"),
    }
    assert_eq!(
        error.message(Language::Es),
        format!(
            "Plan mal formado en la línea {line}, columna {column} (Objetivo 2 · indicador 321 · \
             ejecutado 2022 T1): «27.5O» no es un número (tiene «O», que no es una cifra); \
             escríbalo con punto decimal, p. ej. \
             \"27.50\". Archivo: prueba.ron"
        )
    );
    let english = error.message(Language::En);
    assert!(
        english
            .contains("(Objective 2 · indicator 321 · executed 2022 Q1): “27.5O” is not a number"),
        "{english}"
    );
    assert!(!english.contains("Decimal type"), "{english}");

    // A weight with no code: named by its meta. A setting: named as the file writes it.
    let weight = good.replacen(r#"weight: "10.65","#, r#"weight: "diez","#, 1);
    let message = parse(&weight, origin()).unwrap_err().message(Language::Es);
    assert!(
        message
            .contains("(Objetivo 2 · indicador N/A (META PROYECTO 4) · ponderación 2022): «diez»"),
        "{message}"
    );
    let setting = good.replacen(r#"red_below: "50","#, "red_below: rojo,", 1);
    let message = parse(&setting, origin()).unwrap_err().message(Language::En);
    assert!(
        message.contains("(settings.traffic_lights.red_below): “rojo” is not a number"),
        "{message}"
    );
}

fn duplicate(text: &str) -> (usize, usize, String, usize, String) {
    let error = parse(text, origin()).unwrap_err();
    match &error {
        PlanFileError::DuplicateKey {
            line,
            column,
            key,
            first_line,
            ..
        } => (
            *line,
            *column,
            key.clone(),
            first_line.expect("where it was written first"),
            error.message(Language::Es),
        ),
        other => panic!("expected a duplicate key, got {other:?}"),
    }
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn keys_written_twice_are_errors_with_line_and_column() {
    let good = to_text(&seed_plan()).unwrap();

    // Vigencia 2022 of indicator 321 twice: today the last one wins and fmt deletes the first.
    let year = good.replacen(
        "                2023: (",
        "                2022: (programmed: \"1\"),\n                2023: (",
        1,
    );
    let (line, column, key, first_line, message) = duplicate(&year);
    assert_eq!(key, "2022");
    assert_eq!(first_line, line_of(&good, "2022: ("));
    assert_eq!(line, first_line + 1);
    assert_eq!(column, 17);
    assert!(
        message.contains("(Objetivo 2 · indicador 321 · years): «2022» está escrito dos veces"),
        "{message}"
    );

    // Quarter 1 twice.
    let quarter = good.replacen(r#"{1: "27.50"}"#, "{1: \"27.50\",\n1: \"99\"}", 1);
    let (line, column, key, first_line, message) = duplicate(&quarter);
    assert_eq!((key.as_str(), column), ("1", 1));
    assert_eq!(line, first_line + 1);
    assert!(message.contains("indicador 321"), "{message}");

    // A struct field twice.
    let field = good.replacen("unit: \"%\",", "unit: \"%\",\n unit: \"personas\",", 1);
    let (line, column, key, _, _) = duplicate(&field);
    assert_eq!((key.as_str(), column), ("unit", 2));
    assert_eq!(line, line_of(&good, "unit: \"%\",") + 1);
}

#[test]
fn a_utf8_bom_and_crlf_line_ends_are_accepted() {
    let text = to_text(&seed_plan()).unwrap();
    let notepad = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    assert_eq!(parse(&notepad, origin()).unwrap(), seed_plan());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bloc_de_notas.ron");
    std::fs::write(&path, notepad.as_bytes()).unwrap();
    assert_eq!(load(&path).unwrap(), seed_plan());
    // Positions in messages count from after the BOM, as editors show them.
    let broken = format!("\u{feff}{}", text.replacen(r#""27.50""#, r#""x""#, 1));
    match parse(&broken, origin()) {
        Err(PlanFileError::NotANumber { line, .. }) => {
            assert_eq!(line, line_of(&text, r#""27.50""#));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn version_0_is_refused() {
    let text = to_text(&seed_plan())
        .unwrap()
        .replacen("version: 1,", "version: 0,", 1);
    match parse(&text, origin()) {
        Err(e @ PlanFileError::UnknownVersion { found: 0, .. }) => {
            assert!(e.message(Language::Es).contains("versión 0"), "{e:?}");
        }
        other => panic!("expected UnknownVersion, got {other:?}"),
    }
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// `tests/data/plan_v1.ron` is a version 1 file as Avance wrote it. It must load, with these
/// figures, in every later version of Avance: never edit it, add a new fixture per version.
#[test]
fn the_version_1_fixture_loads_forever() {
    let plan = load(&fixture("plan_v1.ron")).unwrap();
    assert_eq!(plan.title, "Plan estratégico Sector Gestión Pública");
    assert_eq!(plan.cut, Cut::new(2022, Quarter::new(1).unwrap()));
    assert!(!plan.settings.cap_in_rollup);
    assert_eq!(plan.settings.traffic_lights.red_below.to_string(), "40.5");
    assert_eq!(plan.entities.len(), 2);
    assert_eq!(plan.indicator_count(), 11);

    let objective_1 = plan.objective(1).unwrap();
    let (meta, first) = objective_1.indicators().next().unwrap();
    assert_eq!(meta.code, "META SECTORIAL 101");
    assert_eq!(first.code, None);
    assert_eq!(first.annualization, Annualization::Decreciente);
    assert_eq!(first.baseline.map(|b| b.to_string()).as_deref(), Some("40"));
    let q = |n| Quarter::new(n).unwrap();
    assert_eq!(first.executed(2022, q(1)).unwrap().to_string(), "35.25");
    assert_eq!(first.executed(2022, q(2)).unwrap().to_string(), "0");
    assert_eq!(first.executed(2022, q(3)), None, "not reported is not 0");
    assert_eq!(
        first.years[&2022].comments[&q(1)],
        "Comentario con \"comillas\", // barras y /* no es comentario */"
    );
    assert_eq!(first.years[&2022].comments[&q(2)], "línea uno\nlínea dos");
    let (_, second) = objective_1.indicators().nth(1).unwrap();
    assert_eq!(second.annualization, Annualization::Constante);
    assert_eq!(second.programmed(2022).unwrap().to_string(), "100.000");
    assert_eq!(second.executed(2022, q(1)).unwrap().to_string(), "-0.0001");

    let progress = PlanProgress::compute(&plan, plan.cut);
    let at = |n: u8| {
        progress
            .objective(n)
            .and_then(|o| o.progress())
            .map(avance::model::format::fixed2)
    };
    assert_eq!(at(2).as_deref(), Some("50.24"));
    assert_eq!(at(3).as_deref(), Some("24.15"));

    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copia.ron");
    save(&plan, &copy).unwrap();
    assert_eq!(load(&copy).unwrap(), plan);
}

#[test]
fn an_older_version_is_upgraded_one_step_at_a_time() {
    // A synthetic history: version 2 writes weights as fractions, version 3 renames the sector.
    let history = [
        Migration {
            from: 2,
            apply: |plan| plan.sector.push_str(" (v3)"),
        },
        Migration {
            from: 1,
            apply: |plan| {
                for objective in &mut plan.objectives {
                    for meta in &mut objective.metas {
                        for indicator in &mut meta.indicators {
                            for year in indicator.years.values_mut() {
                                year.weight = year.weight.map(|w| w / Decimal::ONE_HUNDRED);
                            }
                        }
                    }
                }
            },
        },
    ];
    let future = Format {
        current: 3,
        migrations: &history,
    };
    let v1 = std::fs::read_to_string(fixture("plan_v1.ron")).unwrap();
    let plan = parse_as(&v1, origin(), &future).unwrap();
    assert_eq!(plan.version, 3);
    assert_eq!(plan.sector, "Sector Gestión Pública (v3)");
    assert_eq!(
        plan.objective(2).unwrap().metas[0].indicators[0]
            .weight(2022)
            .unwrap()
            .to_string(),
        "0.8935"
    );
    // A version-3 file is read as it is; one with no way up is refused.
    let v3 = v1.replacen("version: 1,", "version: 3,", 1);
    assert_eq!(
        parse_as(&v3, origin(), &future).unwrap().sector,
        "Sector Gestión Pública"
    );
    let gap = Format {
        current: 3,
        migrations: &history[..1],
    };
    assert!(matches!(
        parse_as(&v1, origin(), &gap),
        Err(PlanFileError::UnknownVersion { found: 1, .. })
    ));
    // Today's format reads version 1 unchanged.
    assert_eq!(parse(&v1, origin()).unwrap().version, 1);
}

#[test]
fn hand_written_comments_are_found_and_text_is_not_a_comment() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("comentado.ron");
    let text = to_text(&seed_plan()).unwrap();

    std::fs::write(&path, &text).unwrap();
    assert_eq!(open(&path).unwrap().comment, None);

    let fixture_comment = open(&fixture("plan_v1.ron")).unwrap().comment;
    assert_eq!(
        fixture_comment, None,
        "// and /* */ inside a string are text"
    );

    let line = text.replacen("  title:", "  // revisado por planeación\n  title:", 1);
    std::fs::write(&path, &line).unwrap();
    let at = open(&path).unwrap().comment.unwrap();
    assert_eq!((at.line, at.column), (4, 3));

    let block = text.replacen(
        "cap_in_rollup: true,",
        "cap_in_rollup: /* ¿false? */ true,",
        1,
    );
    std::fs::write(&path, &block).unwrap();
    let at = open(&path).unwrap().comment.unwrap();
    assert_eq!(at.line, line_of(&text, "cap_in_rollup"));
}

#[test]
fn a_period_of_centuries_is_refused_before_it_reaches_the_window() {
    let text = to_text(&seed_plan())
        .unwrap()
        .replacen("last: 2024,", "last: 65000,", 1);
    match parse(&text, origin()) {
        Err(e @ PlanFileError::PeriodTooLong { .. }) => {
            assert!(e.message(Language::Es).contains("2020–65000"), "{e:?}");
        }
        other => panic!("expected PeriodTooLong, got {other:?}"),
    }
}

#[test]
fn empty_and_binary_files_are_refused() {
    assert!(matches!(
        parse("", origin()),
        Err(PlanFileError::Empty { .. })
    ));
    assert!(matches!(
        parse(" \n\t", origin()),
        Err(PlanFileError::Empty { .. })
    ));
    assert!(matches!(
        parse("\0\u{1}PK", origin()),
        Err(PlanFileError::NotText { .. })
    ));

    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("garbage.ron");
    std::fs::write(&garbage, [0xff, 0xfe, 0x00, 0x81, 0x13, 0x37]).unwrap();
    assert!(matches!(load(&garbage), Err(PlanFileError::NotText { .. })));
    let missing = dir.path().join("missing.ron");
    let error = load(&missing).unwrap_err();
    assert!(matches!(error, PlanFileError::Read { .. }));
    assert!(error.message(Language::En).ends_with("missing.ron"));
}

#[test]
fn a_file_from_a_newer_version_is_refused_clearly() {
    let newer = to_text(&seed_plan()).unwrap().replacen(
        "version: 1,",
        "version: 7,\n    future_field: (),",
        1,
    );
    match parse(&newer, origin()) {
        Err(e @ PlanFileError::NewerVersion { found: 7, .. }) => {
            assert!(e.message(Language::En).contains("newer"), "{e:?}");
        }
        other => panic!("expected NewerVersion, got {other:?}"),
    }
}

#[test]
fn a_failed_save_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save(&seed_plan(), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let into_missing_dir = dir.path().join("no/such/dir/plan.ron");
    assert!(matches!(
        save(&seed_plan(), &into_missing_dir),
        Err(PlanFileError::Write { .. })
    ));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file left behind");
}

/// A plan file and its bytes, written with `mode` (Unix).
#[cfg(unix)]
fn plan_file_with_mode(dir: &Path, name: &str, mode: u32) -> (std::path::PathBuf, Vec<u8>) {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    save(&seed_plan(), &path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    (path, bytes)
}

/// The seed plan with one figure changed, so a save really changes the file.
fn edited_plan() -> Plan {
    let mut plan = seed_plan();
    plan.title.push_str(" (editado)");
    plan
}

#[cfg(unix)]
fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

/// Files in `dir` other than those named.
fn other_files(dir: &Path, expected: &[&str]) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !expected.contains(&name.as_str()))
        .collect()
}

#[cfg(unix)]
#[test]
fn saving_keeps_the_mode_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    for mode in [0o644, 0o664, 0o600, 0o640] {
        let (path, _) = plan_file_with_mode(dir.path(), &format!("plan_{mode:o}.ron"), mode);
        save(&edited_plan(), &path).unwrap();
        assert_eq!(mode_of(&path), mode, "{mode:o}");
        assert_eq!(load(&path).unwrap(), edited_plan());
    }
}

#[cfg(unix)]
#[test]
fn a_new_file_gets_the_mode_the_umask_gives_new_files() {
    let dir = tempfile::tempdir().unwrap();
    let touched = dir.path().join("touch");
    std::fs::File::create(&touched).unwrap();
    let expected = mode_of(&touched);
    let path = dir.path().join("nuevo.ron");
    save(&seed_plan(), &path).unwrap();
    assert_eq!(mode_of(&path), expected);
    let export = dir.path().join("nuevo.csv");
    avance::io::write_atomically(&export, b"a;b\n").unwrap();
    assert_eq!(mode_of(&export), expected);
}

#[cfg(unix)]
#[test]
fn saving_keeps_owner_and_group_where_the_process_may() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = plan_file_with_mode(dir.path(), "colega.ron", 0o664);
    if std::os::unix::fs::chown(&path, Some(4321), Some(4321)).is_err() {
        eprintln!("not allowed to give files away here: owner kept by the system, not tested");
        return;
    }
    save(&edited_plan(), &path).unwrap();
    let metadata = std::fs::metadata(&path).unwrap();
    assert_eq!((metadata.uid(), metadata.gid()), (4321, 4321));
    assert_eq!(mode_of(&path), 0o664);
    let backup = dir.path().join("colega.ron.bak");
    let metadata = std::fs::metadata(&backup).unwrap();
    assert_eq!(
        (metadata.uid(), metadata.gid()),
        (4321, 4321),
        "the backup too"
    );
    assert_eq!(mode_of(&backup), 0o664);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_written_through_to_its_target() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("compartida")).unwrap();
    let (target, _) = plan_file_with_mode(&dir.path().join("compartida"), "plan.ron", 0o644);
    let link = dir.path().join("acceso.ron");
    std::os::unix::fs::symlink("compartida/plan.ron", &link).unwrap();

    let saved = save(&edited_plan(), &link).unwrap();
    assert_eq!(saved.target, dir.path().join("compartida/plan.ron"));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(load(&target).unwrap(), edited_plan());
    assert_eq!(mode_of(&target), 0o644);
    assert_eq!(
        other_files(dir.path(), &["compartida", "acceso.ron"]),
        Vec::<String>::new()
    );
    assert_eq!(
        other_files(
            &dir.path().join("compartida"),
            &["plan.ron", "plan.ron.bak"]
        ),
        Vec::<String>::new(),
        "temp file and backup beside the target"
    );

    // A link to a file not yet there: the file is created where the link points.
    let dangling = dir.path().join("pendiente.ron");
    std::os::unix::fs::symlink("compartida/nuevo.ron", &dangling).unwrap();
    save(&seed_plan(), &dangling).unwrap();
    assert!(
        std::fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        load(&dir.path().join("compartida/nuevo.ron")).unwrap(),
        seed_plan()
    );
}

#[cfg(unix)]
#[test]
fn a_loop_of_symbolic_links_is_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let error = save(&seed_plan(), &a).unwrap_err();
    assert!(
        matches!(
            error,
            PlanFileError::Write {
                source: WriteError::LinkLoop,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        error
            .message(Language::Es)
            .starts_with("No se pudo guardar (la ruta da vueltas entre enlaces simbólicos)."),
        "{error:?}"
    );
}

#[test]
fn a_read_only_file_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("firmado.ron");
    save(&seed_plan(), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();

    let error = save(&edited_plan(), &path).unwrap_err();
    assert!(matches!(error, PlanFileError::ReadOnly { .. }), "{error:?}");
    assert!(
        error.message(Language::Es).contains("solo lectura"),
        "{error:?}"
    );
    assert!(
        error.message(Language::Es).contains("Guardar como"),
        "{error:?}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(std::fs::metadata(&path).unwrap().permissions().readonly());
    assert_eq!(
        other_files(dir.path(), &["firmado.ron"]),
        Vec::<String>::new()
    );
}

/// Hard links are refused rather than written in place: the rename is what guarantees the old
/// file stays whole when a save fails, and replacing would cut the other name off.
#[cfg(unix)]
#[test]
fn a_hard_linked_file_keeps_its_link_by_refusing_the_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save(&seed_plan(), &path).unwrap();
    let other = dir.path().join("otro_nombre.ron");
    std::fs::hard_link(&path, &other).unwrap();
    let before = std::fs::read(&path).unwrap();
    match save(&edited_plan(), &path) {
        Err(e @ PlanFileError::HardLinked { links: 2, .. }) => {
            assert!(e.message(Language::En).contains("1 other name"), "{e:?}");
        }
        other => panic!("expected HardLinked, got {other:?}"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(std::fs::read(&other).unwrap(), before);
    use std::os::unix::fs::MetadataExt;
    assert_eq!(
        std::fs::metadata(&path).unwrap().nlink(),
        2,
        "the link is kept"
    );
}

#[test]
fn a_write_that_fails_half_way_leaves_no_temp_file_and_the_old_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save(&seed_plan(), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let error = safe_write::write_with(&path, Backup::Keep, |file| {
        std::io::Write::write_all(file, b"(version: 1, title: \"a medias")?;
        Err(std::io::Error::other("disco lleno (simulado)"))
    })
    .unwrap_err();
    assert!(matches!(error, WriteError::Io(_)), "{error:?}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(other_files(dir.path(), &["plan.ron"]), Vec::<String>::new());
}

#[test]
fn a_temp_file_left_by_a_killed_save_is_named_after_the_plan_and_cleaned_by_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save(&seed_plan(), &path).unwrap();
    let stale = dir.path().join(".plan.ron.avance-tmp");
    assert_eq!(safe_write::temp_path(&path).unwrap(), stale);
    std::fs::write(&stale, vec![b'x'; 1 << 20]).unwrap();
    save(&edited_plan(), &path).unwrap();
    assert!(!stale.exists());
    assert_eq!(load(&path).unwrap(), edited_plan());
}

#[test]
fn the_previous_version_is_kept_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let backup = dir.path().join("plan.ron.bak");
    save(&seed_plan(), &path).unwrap();
    assert!(!backup.exists(), "a new file has no previous version");
    let first = std::fs::read(&path).unwrap();
    save(&edited_plan(), &path).unwrap();
    assert_eq!(std::fs::read(&backup).unwrap(), first);
    let second = std::fs::read(&path).unwrap();
    let mut third = edited_plan();
    third.sector.push_str(" (tercera)");
    save(&third, &path).unwrap();
    assert_eq!(
        std::fs::read(&backup).unwrap(),
        second,
        "replaced at each save"
    );
    save(&third, &path).unwrap();
    assert_eq!(
        std::fs::read(&backup).unwrap(),
        second,
        "saving the same bytes again keeps the older backup"
    );
}

#[cfg(unix)]
#[test]
fn fmt_keeps_the_mode_and_the_link_and_refuses_a_read_only_file() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = plan_file_with_mode(dir.path(), "plan.ron", 0o644);
    let untidy = std::fs::read_to_string(&path)
        .unwrap()
        .replace("    ", "  ");
    std::fs::write(&path, &untidy).unwrap();
    let file = path.to_str().unwrap();
    let (code, _, err) = crate::avance(&["fmt", file]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(mode_of(&path), 0o644);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        to_text(&seed_plan()).unwrap()
    );

    let link = dir.path().join("enlace.ron");
    std::os::unix::fs::symlink("plan.ron", &link).unwrap();
    std::fs::write(&path, &untidy).unwrap();
    let (code, _, err) = crate::avance(&["fmt", link.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        to_text(&seed_plan()).unwrap()
    );

    std::fs::write(&path, &untidy).unwrap();
    std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o444)).unwrap();
    let (code, _, err) = crate::avance(&["fmt", file]);
    assert_eq!(code, 1);
    assert!(err.contains("solo lectura"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), untidy);
    assert_eq!(mode_of(&path), 0o444);
}

#[test]
fn fmt_refuses_to_drop_comments_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let text = to_text(&seed_plan()).unwrap().replacen(
        "  title:",
        "  /* revisar con el comité */\n  title:",
        1,
    );
    std::fs::write(&path, &text).unwrap();
    let file = path.to_str().unwrap();
    let (code, _, err) = crate::avance(&["fmt", file]);
    assert_eq!(code, 2);
    assert!(err.contains("comentarios"), "{err}");
    assert!(err.contains("línea 4, columna 3"), "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);

    let (code, _, err) = crate::avance(&["fmt", "--force", file]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        to_text(&seed_plan()).unwrap()
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.ron.bak")).unwrap(),
        text,
        "the comments are still in the backup"
    );
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_dangling_link_counts_as_existing() {
    let dir = tempfile::tempdir().unwrap();
    let matrix = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seed_objetivos_2_3.tsv");
    let link = dir.path().join("salida.ron");
    std::os::unix::fs::symlink("no_existe_aun.ron", &link).unwrap();
    let (code, _, err) = crate::avance(&[
        "import",
        matrix.to_str().unwrap(),
        "-o",
        link.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("ya existe"), "{err}");
    assert!(!dir.path().join("no_existe_aun.ron").exists());

    let (code, _, err) = crate::avance(&[
        "import",
        matrix.to_str().unwrap(),
        "-o",
        link.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(load(&dir.path().join("no_existe_aun.ron")).is_ok());
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );

    let new = dir.path().join("nuevo.ron");
    let (code, _, err) = crate::avance(&[
        "import",
        matrix.to_str().unwrap(),
        "-o",
        new.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let touched = dir.path().join("touch");
    std::fs::File::create(&touched).unwrap();
    assert_eq!(
        mode_of(&new),
        mode_of(&touched),
        "a new file from import: the umask's mode"
    );
}

fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..6).prop_map(|(m, scale)| Decimal::new(m, scale))
}

fn year_data() -> impl Strategy<Value = YearData> {
    (
        proptest::option::of(decimal()),
        proptest::option::of(decimal()),
        proptest::collection::btree_map(1u8..=4, decimal(), 0..4),
        proptest::collection::btree_map(1u8..=4, ".{0,20}", 0..2),
    )
        .prop_map(|(weight, programmed, executed, comments)| YearData {
            weight,
            programmed,
            executed: executed
                .into_iter()
                .map(|(q, v)| (Quarter::new(q).unwrap(), v))
                .collect(),
            comments: comments
                .into_iter()
                .map(|(q, c)| (Quarter::new(q).unwrap(), c))
                .collect(),
        })
}

fn indicator() -> impl Strategy<Value = Indicator> {
    (
        proptest::option::of("[0-9A-Z]{1,5}"),
        "\\PC{0,40}",
        0usize..4,
        proptest::option::of(decimal()),
        proptest::collection::btree_map(2018u16..2030, year_data(), 0..4),
    )
        .prop_map(|(code, name, kind, baseline, years)| Indicator {
            code,
            name,
            entity: "Secretaría General".into(),
            annualization: Annualization::ALL[kind],
            kind: [None]
                .into_iter()
                .chain(avance::model::IndicatorKind::ALL.map(Some))
                .nth(kind)
                .flatten(),
            unit: "%".into(),
            baseline,
            declared_total: None,
            years: years.into_iter().collect::<BTreeMap<_, _>>(),
        })
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        "\\PC{0,30}",
        proptest::collection::vec(proptest::collection::vec(indicator(), 0..3), 0..3),
        1u8..=4,
    )
        .prop_map(|(title, metas, quarter)| {
            let mut plan = Plan::new(
                title,
                Period {
                    first: 2020,
                    last: 2024,
                },
            );
            plan.cut = Cut::new(2022, Quarter::new(quarter).unwrap());
            plan.objectives[2].metas = metas
                .into_iter()
                .enumerate()
                .map(|(i, indicators)| Meta {
                    code: format!("META {i} \"citada\" \\ {{}}"),
                    name: "línea\nnueva".into(),
                    indicators,
                })
                .collect();
            plan
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generated_plans_round_trip_exactly(plan in plan()) {
        let text = to_text(&plan).unwrap();
        let back = parse(&text, origin()).unwrap();
        prop_assert_eq!(&back, &plan);
        prop_assert_eq!(to_text(&back).unwrap(), text);
    }

    #[test]
    fn the_fast_reader_reads_what_ron_reads_or_gives_up(
        cut_at in 0usize..4000,
        junk in prop_oneof![
            "\\PC{0,3}",
            "[ ,:(){}\\[\\]\"\\\\0-9a-zA-Z_#/.\n-]{1,4}",
            // What ron reads as whitespace besides spaces, tabs and line ends.
            "[\u{0B}\u{0C}\u{85}\u{200E}\u{200F}\u{2028}\u{2029}]{1,2}",
            // Numbers in other bases, with underscores, signs.
            "[+-]?0[xbo][0-9a-fA-F_]{1,3}",
            "[0-9]{1,2}_[0-9_]{0,2}",
            // A map entry or a field written again.
            "[0-9]{1,4}: \"[0-9]{1,2}\", ",
            "2022: \\(programmed: \"1\"\\),\n",
        ],
    ) {
        let good = to_text(&seed_plan()).unwrap();
        let mut at = cut_at.min(good.len());
        while !good.is_char_boundary(at) { at -= 1; }
        let damaged = format!("{}{}{}", &good[..at], junk, &good[at..]);
        if let Some(fast) = fast_read::read::<Plan>(&damaged) {
            prop_assert_eq!(Some(fast), ron_read(&damaged));
        }
        // Read in runs of objectives on several cores: the same plan, or nothing.
        if let Some(fast) = fast_read::read_plan(&damaged) {
            prop_assert_eq!(Some(fast), ron_read(&damaged));
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = parse(&text, origin());
    }

    #[test]
    fn damaged_plan_files_never_panic(cut_at in 0usize..4000, junk in "\\PC{0,3}") {
        let good = to_text(&seed_plan()).unwrap();
        let mut at = cut_at.min(good.len());
        while !good.is_char_boundary(at) { at -= 1; }
        let damaged = format!("{}{}{}", &good[..at], junk, &good[at..]);
        let _ = parse(&damaged, origin());
    }
}

#[test]
fn malformed_files_are_explained_in_words_not_in_the_parser_s() {
    let seed = avance::io::SEED_PLAN_TEXT;
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "cortado.ron",
            seed[..9000].to_owned(),
            "el archivo termina antes de tiempo",
        ),
        (
            "tipo.ron",
            seed.replace("annualization: Creciente", "annualization: Crecient"),
            "«Crecient» no es un valor válido aquí; use uno de: Suma, Creciente, Constante, Decreciente",
        ),
        (
            "trimestre.ron",
            seed.replacen("quarter: 1,", "quarter: 5,", 1),
            "el trimestre 5 no existe",
        ),
        (
            "coma.ron",
            seed.replacen("\",\n  sector:", "\"\n  sector:", 1),
            "falta una coma (,)",
        ),
    ];
    for (name, text, want) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let (code, _, err) = crate::avance(&["validate", path.to_str().unwrap()]);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(err.contains(want), "{name}: {err}");
        assert!(
            !err.contains("Expected") && !err.contains("Unexpected"),
            "{name}: {err}"
        );
    }
}

/// How plan files were read before the fast reader, and still are when it gives up.
fn ron_read(text: &str) -> Option<Plan> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .ok()
}

#[test]
fn the_fast_reader_reads_plan_files_as_ron_does() {
    let generated = avance::io::generate::generate(avance::io::generate::GenerateRequest {
        indicators: 400,
        seed: 3,
        objectives: avance::model::DEFAULT_OBJECTIVES,
    });
    // How Avance wrote plans before one line per indicator and vigencia.
    let older = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .separate_tuple_members(true)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let mut texts = vec![
        to_text(&seed_plan()).unwrap(),
        to_text(&generated).unwrap(),
        ron::ser::to_string_pretty(&generated, older).unwrap(),
        std::fs::read_to_string(fixture("plan_v1.ron")).unwrap(),
        to_text(&seed_plan()).unwrap().replace('\n', "\r\n"),
    ];
    // Texts with escapes: quotes, backslashes, line ends and tabs in names and comments.
    let mut odd = seed_plan();
    odd.title = "Plan \"2022\" \\ sector\n\tsegunda línea".to_owned();
    texts.push(to_text(&odd).unwrap());
    for text in &texts {
        let fast = fast_read::read::<Plan>(text);
        assert!(fast.is_some(), "a file as Avance writes it is read fast");
        assert_eq!(fast, ron_read(text));
        assert_eq!(fast_read::read_plan(text), fast);
    }
    // Cut in runs of objectives where a line starts at four spaces: a cut that would fall
    // inside a string, a list not at the end, a comma missing or doubled between objectives
    // are read whole, as ron reads them, or left to ron.
    let written = to_text(&generated).unwrap();
    let objective = "\n    (\n      number: 2,";
    let text = "\n    (\n      number: 2,\n      text: \"";
    assert!(written.contains(text));
    for other in [
        written.replacen(text, &format!("{text}a\n    (\n"), 1),
        written.replacen(text, &format!("{text}a\n  ]\n"), 1),
        written.replacen(&format!("),{objective}"), &format!("){objective}"), 1),
        written.replacen(&format!("),{objective}"), &format!("),,{objective}"), 1),
        written.replacen(
            "\n  objectives: [",
            "\n  objectives: [],\n  objectives: [",
            1,
        ),
        written.replacen("\n)\n", "\n  entities: [],\n)\n", 1),
    ] {
        assert_ne!(other, written);
        let fast = fast_read::read_plan(&other);
        assert_eq!(fast, fast_read::read::<Plan>(&other));
        if fast.is_some() {
            assert_eq!(fast, ron_read(&other));
        }
    }
    // Comments, keys written twice (however spelled), other whitespace and figures that
    // cannot be kept exactly are left to ron, which says where.
    let seed = to_text(&seed_plan()).unwrap();
    for other in [
        seed.replacen("(\n", "( // nota\n", 1),
        seed.replacen("version: 1,", "version: 1, /* nota */", 1),
        seed.replacen("version: 1,", "version: 1, version: 1,", 1),
        seed.replacen("{1: ", "{1: \"1\", 1: ", 1),
        seed.replacen("{1: ", "{0x1: \"1\", 1: ", 1),
        seed.replacen("{1: ", "{\u{200E}1: ", 1),
        seed.replacen("version: 1,", "version: 1,\u{2028}", 1),
        seed.replacen("\"27.50\"", "27.50", 1),
        seed.replacen("\"27.50\"", "\"0.12345678901234567890123456789\"", 1),
    ] {
        assert_ne!(other, seed);
        assert_eq!(fast_read::read::<Plan>(&other), None);
        assert_eq!(fast_read::read_plan(&other), None);
    }
}
