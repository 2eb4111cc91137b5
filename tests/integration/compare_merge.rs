//! `avance diff` and `avance merge` on the seed plan: what they print, their exit codes, and
//! what they write (or do not). Entity files are parts of the plan (an entity's indicators) or
//! full copies; merging them and then comparing shows exactly what the entities changed.

use std::path::{Path, PathBuf};

use crate::avance;
use avance::io::{plan_file, seed_plan};
use avance::model::edit::{Edit, Figure, IndicatorPath};
use avance::model::{Plan, Quarter, Vigencia};
use serde_json::Value;

pub(crate) const SEED_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/plans/gestion_publica_2022.ron"
);

/// 465's place in the seed plan.
pub(crate) const AT_465: IndicatorPath = IndicatorPath {
    objective: 2,
    meta: 0,
    indicator: 1,
};

/// The plan with 465's executed magnitude of 2022 T1 set to `value`.
pub(crate) fn with_465_q1(plan: &Plan, value: &str) -> Plan {
    let mut plan = plan.clone();
    plan.apply(Edit::Figure {
        at: AT_465,
        vigencia: 2022,
        figure: Figure::Executed(Quarter::new(1).unwrap()),
        value: Some(value.parse().unwrap()),
    })
    .unwrap();
    plan
}

/// The plan with the executed magnitude of the indicator at `at` for `vigencia` and `quarter`
/// set to `value`.
pub(crate) fn with_executed(
    plan: &Plan,
    at: IndicatorPath,
    (vigencia, quarter): (Vigencia, u8),
    value: &str,
) -> Plan {
    let mut plan = plan.clone();
    plan.apply(Edit::Figure {
        at,
        vigencia,
        figure: Figure::Executed(Quarter::new(quarter).unwrap()),
        value: Some(value.parse().unwrap()),
    })
    .unwrap();
    plan
}

/// 644's and 555's places in the seed plan.
pub(crate) const AT_644: IndicatorPath = IndicatorPath {
    objective: 2,
    meta: 0,
    indicator: 3,
};
pub(crate) const AT_555: IndicatorPath = IndicatorPath {
    objective: 2,
    meta: 2,
    indicator: 1,
};

/// An entity's file split from a plan: only the indicators of objective `number`.
pub(crate) fn split(plan: &Plan, number: u8) -> Plan {
    let mut entity = plan.clone();
    for objective in &mut entity.objectives {
        if objective.number != number {
            objective.metas.clear();
        }
    }
    entity
}

/// Writes `plan` as `name` in `dir`.
pub(crate) fn write(dir: &Path, name: &str, plan: &Plan) -> PathBuf {
    let path = dir.join(name);
    plan_file::save(plan, &path).unwrap();
    path
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn the_seed_against_itself_is_identical_and_exits_0() {
    let (code, stdout, stderr) = avance(&["diff", SEED_FILE, SEED_FILE]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("son idénticos"), "{stdout}");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let (code, stdout, _) = avance(&["diff", SEED_FILE, SEED_FILE, "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("are identical"), "{stdout}");
}

#[test]
fn one_executed_figure_changed_is_one_line_and_objective_3_goes_from_24_15_to_27_15() {
    let dir = tempfile::tempdir().unwrap();
    let b = write(dir.path(), "b.ron", &with_465_q1(&seed_plan(), "1"));
    let (code, stdout, stderr) = avance(&["diff", SEED_FILE, text(&b)]);
    assert_eq!(code, 1, "differences exit 1, like diff: {stderr}");
    let figure_lines: Vec<&str> = stdout.lines().filter(|l| l.contains(" → ")).collect();
    let indicator_lines: Vec<&&str> = figure_lines
        .iter()
        .filter(|l| l.contains("indicador"))
        .collect();
    assert_eq!(
        indicator_lines,
        [&"Objetivo 3 · indicador 465 · ejecutado 2022 T1: 0,00 → 1,00"],
        "{stdout}"
    );
    assert!(
        stdout.contains("Objetivo 3: 24,15\u{a0}% → 27,15\u{a0}%"),
        "{stdout}"
    );
    assert!(stdout.contains("Objetivo 2: 50,24\u{a0}% → 50,24\u{a0}%"));

    let (code, stdout, _) = avance(&["diff", SEED_FILE, text(&b), "--format", "json"]);
    assert_eq!(code, 1);
    let json: Value = serde_json::from_str(&stdout).expect("the JSON parses");
    assert_eq!(json["identical"], false);
    assert_eq!(json["cut"], "2022-Q1");
    let differences = json["differences"].as_array().unwrap();
    assert_eq!(differences.len(), 1);
    assert_eq!(differences[0]["subject"], "executed");
    assert_eq!(differences[0]["old"], "0.00");
    assert_eq!(differences[0]["new"], "1");
    assert_eq!(json["objectives"][2]["a"], "24.15");
    assert_eq!(json["objectives"][2]["b"], "27.15");
}

#[test]
fn the_cut_is_bs_unless_given_and_an_unreadable_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let b = write(dir.path(), "b.ron", &with_465_q1(&seed_plan(), "1"));
    let (code, stdout, _) = avance(&["diff", SEED_FILE, text(&b), "--cut", "2022-Q2"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("Avance al corte 30/06/2022"), "{stdout}");
    let missing = dir.path().join("no-such.ron");
    let (code, stdout, stderr) = avance(&["diff", SEED_FILE, text(&missing)]);
    assert_eq!(code, 2, "{stdout}");
    assert!(stderr.contains("no-such.ron"), "{stderr}");
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(version: 1,").unwrap();
    let (code, _, _) = avance(&["diff", text(&bad), SEED_FILE]);
    assert_eq!(code, 2);
}

#[test]
fn merging_two_entity_files_split_from_the_seed_gives_the_seed_back() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_plan();
    let a = write(dir.path(), "entidad_a.ron", &split(&seed, 2));
    let b = write(dir.path(), "entidad_b.ron", &split(&seed, 3));
    let out = dir.path().join("sector.ron");
    let (code, stdout, stderr) =
        avance(&["merge", SEED_FILE, text(&a), text(&b), "-o", text(&out)]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(plan_file::load(&out).unwrap(), seed);
    assert!(
        stdout.contains("entidad_a.ron: trae 0 cifras cambiadas; tiene 2 indicadores del sector"),
        "{stdout}"
    );
    assert!(
        stdout.contains("entidad_b.ron: trae 0 cifras cambiadas; tiene 7 indicadores del sector"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Cifras cambiadas en el plan del sector: 0."),
        "{stdout}"
    );
    // The output exists now: replacing it needs --force.
    let again = ["merge", SEED_FILE, text(&a), text(&b), "-o", text(&out)];
    let (code, _, stderr) = avance(&again);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--force"), "{stderr}");
}

#[test]
fn a_conflicting_pair_lists_the_conflict_writes_nothing_and_prefer_resolves_it() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_plan();
    let a = write(dir.path(), "a.ron", &split(&with_465_q1(&seed, "1"), 3));
    let b = write(dir.path(), "b.ron", &split(&with_465_q1(&seed, "2"), 3));
    let out = dir.path().join("sector.ron");
    let args = ["merge", SEED_FILE, text(&a), text(&b), "-o", text(&out)];
    let (code, stdout, stderr) = avance(&args);
    assert_ne!(code, 0, "{stdout}");
    assert!(!out.exists(), "nothing is written while a conflict stands");
    let conflict = format!(
        "conflicto: Objetivo 3 · indicador 465 · ejecutado 2022 T1: cada archivo trae un cambio distinto: {}: 1,00; {}: 2,00 (en {SEED_FILE}: 0,00)",
        a.display(),
        b.display()
    );
    assert!(stderr.contains(&conflict), "{stderr}");
    assert!(stderr.contains("1 conflicto sin resolver"), "{stderr}");
    assert!(stderr.contains("--prefer"), "{stderr}");

    let mut preferring = args.to_vec();
    preferring.extend(["--prefer", text(&a)]);
    let (code, stdout, stderr) = avance(&preferring);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("resuelto, gana"), "{stdout}");
    assert_eq!(plan_file::load(&out).unwrap(), with_465_q1(&seed, "1"));

    let unknown = dir.path().join("otro.ron");
    let mut wrong = args.to_vec();
    wrong.extend(["--prefer", text(&unknown), "--force"]);
    let (code, _, stderr) = avance(&wrong);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("no es ninguno de los archivos dados"),
        "{stderr}"
    );
}

#[test]
fn a_sector_figure_the_entitys_copy_lacks_stops_the_merge_until_a_file_is_preferred() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_plan();
    let mut sector_plan = seed.clone();
    sector_plan
        .apply(Edit::Comment {
            at: AT_465,
            vigencia: 2022,
            quarter: Quarter::new(1).unwrap(),
            text: "Revisado en comité".to_owned(),
        })
        .unwrap();
    let sector = write(dir.path(), "sector.ron", &sector_plan);
    let entity = write(
        dir.path(),
        "entidad.ron",
        &split(&with_465_q1(&seed, "1"), 3),
    );
    let args = ["merge", text(&sector), text(&entity), "-o", text(&sector)];
    let (code, _, stderr) = avance(&[&args[..], &["--force"]].concat());
    assert_eq!(code, 1);
    assert!(stderr.contains("consolidar lo borraría"), "{stderr}");
    assert_eq!(plan_file::load(&sector).unwrap(), sector_plan, "untouched");
    let keep = [&args[..], &["--force", "--prefer", text(&sector)]].concat();
    let (code, stdout, stderr) = avance(&keep);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(
        plan_file::load(&sector).unwrap(),
        with_465_q1(&sector_plan, "1"),
        "the entity's figure, and the sector's comment kept"
    );
    assert!(
        dir.path().join("sector.ron.bak").exists(),
        "the sector's file kept its previous version"
    );
}

/// The lines of `avance diff A B` that name a difference (not the objectives' avance), and its
/// exit code.
fn differences(a: &Path, b: &Path) -> (i32, Vec<String>) {
    let (code, stdout, stderr) = avance(&["diff", text(a), text(b)]);
    assert!(code == 0 || code == 1, "{stderr}");
    let lines = stdout
        .lines()
        .skip(1)
        .take_while(|line| !line.is_empty())
        .map(str::to_owned)
        .collect();
    (code, lines)
}

#[test]
fn full_copies_bring_each_its_change_and_diff_then_shows_exactly_those() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_plan();
    let sector = write(dir.path(), "sector.ron", &seed);
    // Each entity was handed the whole plan and changed one figure of its own.
    let a = write(
        dir.path(),
        "a.ron",
        &with_executed(&seed, AT_644, (2022, 2), "31"),
    );
    let b = write(
        dir.path(),
        "b.ron",
        &with_executed(&seed, AT_555, (2022, 2), "5"),
    );
    let out = dir.path().join("consolidado.ron");
    let args = ["merge", text(&sector), text(&a), text(&b), "-o", text(&out)];
    let (code, stdout, stderr) = avance(&args);
    assert_eq!(code, 0, "no conflict: {stdout}{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let brings = |file: &Path| {
        format!(
            "{}: trae 1 cifra cambiada; tiene 9 indicadores del sector",
            file.display()
        )
    };
    assert!(stdout.contains(&brings(&a)), "{stdout}");
    assert!(stdout.contains(&brings(&b)), "{stdout}");
    assert!(
        stdout.contains("Cifras cambiadas en el plan del sector: 2."),
        "{stdout}"
    );
    let (code, lines) = differences(&sector, &out);
    assert_eq!(code, 1);
    assert_eq!(
        lines,
        [
            "Objetivo 3 · indicador 644 · ejecutado 2022 T2: sin reporte → 31,00",
            "Objetivo 3 · indicador 555 · ejecutado 2022 T2: sin reporte → 5,00",
        ]
    );
    // Preferring files changes nothing where nothing conflicts: B's figure is not dropped.
    let preferring = [&args[..], &["--prefer", text(&a), "--prefer", text(&b)]].concat();
    let (code, _, stderr) = avance(&[&preferring[..], &["--force"]].concat());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(differences(&sector, &out).1.len(), 2);
}

#[test]
fn two_copies_changing_the_same_figure_differently_stop_until_one_is_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_plan();
    let sector = write(dir.path(), "sector.ron", &seed);
    let a = write(
        dir.path(),
        "a.ron",
        &with_executed(&seed, AT_644, (2022, 2), "31"),
    );
    let b_plan = with_executed(&seed, AT_644, (2022, 2), "40");
    let b = write(
        dir.path(),
        "b.ron",
        &with_executed(&b_plan, AT_555, (2022, 2), "5"),
    );
    let args = [
        "merge",
        text(&sector),
        text(&a),
        text(&b),
        "-o",
        text(&sector),
    ];
    let (code, stdout, stderr) = avance(&[&args[..], &["--force"]].concat());
    assert_eq!(code, 1, "{stdout}");
    let conflict = format!(
        "conflicto: Objetivo 3 · indicador 644 · ejecutado 2022 T2: cada archivo trae un cambio distinto: {}: 31,00; {}: 40,00 (en {}: sin reporte)",
        a.display(),
        b.display(),
        sector.display()
    );
    assert_eq!(stderr.lines().next(), Some(conflict.as_str()), "{stderr}");
    assert!(stderr.contains("1 conflicto sin resolver"), "{stderr}");
    assert_eq!(plan_file::load(&sector).unwrap(), seed, "nothing written");
    assert!(!dir.path().join("sector.ron.bak").exists());

    let chosen = [&args[..], &["--force", "--prefer", text(&b)]].concat();
    let (code, stdout, stderr) = avance(&chosen);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let original = write(dir.path(), "original.ron", &seed);
    assert_eq!(
        differences(&original, &sector).1,
        [
            "Objetivo 3 · indicador 644 · ejecutado 2022 T2: sin reporte → 40,00",
            "Objetivo 3 · indicador 555 · ejecutado 2022 T2: sin reporte → 5,00",
        ]
    );
}

/// The seed with a second indicator without code in META PROYECTO 4, the DASCD's.
fn with_dascd_without_code() -> Plan {
    let mut plan = seed_plan();
    let meta = &mut plan.objectives[1].metas[1];
    let mut dascd = meta.indicators[0].clone();
    dascd.name = "Servidores formados en memoria y paz".to_owned();
    dascd.entity = "Departamento Administrativo del Servicio Civil Distrital".to_owned();
    meta.indicators.push(dascd);
    plan
}

/// An entity's part of a plan: only its indicators, and the metas that hold them.
fn part_of(plan: &Plan, entity: &str) -> Plan {
    let mut part = plan.clone();
    for objective in &mut part.objectives {
        for meta in &mut objective.metas {
            meta.indicators.retain(|i| i.entity == entity);
        }
        objective.metas.retain(|m| !m.indicators.is_empty());
    }
    part
}

/// The place of the first indicator of META PROYECTO 4 in a part that kept only that meta in
/// objective 2.
const AT_PART_WITHOUT_CODE: IndicatorPath = IndicatorPath {
    objective: 1,
    meta: 0,
    indicator: 0,
};

/// The Secretaría's part keeps objective 2's two metas: its indicator without code is in the
/// second.
const AT_SG_WITHOUT_CODE: IndicatorPath = IndicatorPath {
    meta: 1,
    ..AT_PART_WITHOUT_CODE
};

#[test]
fn indicators_without_code_take_their_own_entitys_figures_never_their_neighbours() {
    let dir = tempfile::tempdir().unwrap();
    let plan = with_dascd_without_code();
    let sector = write(dir.path(), "sector.ron", &plan);
    let dascd_part = part_of(
        &plan,
        "Departamento Administrativo del Servicio Civil Distrital",
    );
    let dascd = write(
        dir.path(),
        "dascd.ron",
        &with_executed(&dascd_part, AT_PART_WITHOUT_CODE, (2022, 1), "40"),
    );
    // The DASCD's file alone: its figure goes to its indicator, the Secretaría's stays.
    let out = dir.path().join("consolidado.ron");
    let (code, stdout, stderr) = avance(&["merge", text(&sector), text(&dascd), "-o", text(&out)]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (_, lines) = differences(&sector, &out);
    assert_eq!(
        lines,
        [
            "Objetivo 2 · indicador N/A (META PROYECTO 4) «Servidores formados en memoria y paz» de Departamento Administrativo del Servicio Civil Distrital · ejecutado 2022 T1: 28,75 → 40,00"
        ]
    );
    // With the Secretaría's part too, each brings its own change.
    let sg_part = part_of(&plan, "Secretaría General");
    let sg = write(
        dir.path(),
        "sg.ron",
        &with_executed(&sg_part, AT_SG_WITHOUT_CODE, (2022, 2), "30"),
    );
    let args = [
        "merge",
        text(&sector),
        text(&sg),
        text(&dascd),
        "-o",
        text(&out),
        "--force",
    ];
    let (code, stdout, stderr) = avance(&args);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (_, lines) = differences(&sector, &out);
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(
        lines[0].contains("de Secretaría General · ejecutado 2022 T2: sin reporte → 30,00"),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains("Servidores formados en memoria y paz"));
    assert!(lines[1].ends_with("ejecutado 2022 T1: 28,75 → 40,00"));
}

#[test]
fn an_indicator_without_code_that_cannot_be_matched_for_certain_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let plan = with_dascd_without_code();
    let sector = write(dir.path(), "sector.ron", &plan);
    // The DASCD renamed its indicator in its part: it is not the sector's for certain.
    let mut renamed = part_of(
        &plan,
        "Departamento Administrativo del Servicio Civil Distrital",
    );
    renamed.objectives[1].metas[0].indicators[0].name = "Servidores formados".to_owned();
    let renamed = with_executed(&renamed, AT_PART_WITHOUT_CODE, (2022, 1), "40");
    let dascd = write(dir.path(), "dascd.ron", &renamed);
    let out = dir.path().join("consolidado.ron");
    let (code, _, stderr) = avance(&["merge", text(&sector), text(&dascd), "-o", text(&out)]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!out.exists(), "nothing is written");
    assert!(
        stderr.contains(
            "«Servidores formados» de Departamento Administrativo del Servicio Civil Distrital: "
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("tiene este indicador y el plan del sector no"),
        "{stderr}"
    );
}

#[test]
fn an_indicator_without_code_the_sector_holds_twice_and_a_part_once_is_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    // The DASCD's indicator written twice in the sector (same meta, entity and name).
    let mut twice = with_dascd_without_code();
    let meta = &mut twice.objectives[1].metas[1];
    meta.indicators.push(meta.indicators[1].clone());
    let sector = write(dir.path(), "sector.ron", &twice);
    let part = part_of(
        &with_dascd_without_code(),
        "Departamento Administrativo del Servicio Civil Distrital",
    );
    let dascd = write(
        dir.path(),
        "dascd.ron",
        &with_executed(&part, AT_PART_WITHOUT_CODE, (2022, 1), "40"),
    );
    let out = dir.path().join("consolidado.ron");
    let args = ["merge", text(&sector), text(&dascd), "-o", text(&out)];
    let (code, _, stderr) = avance(&args);
    assert_eq!(
        code, 1,
        "which of the two is the file's cannot be known: {stderr}"
    );
    assert!(!out.exists(), "nothing is written");
    assert!(
        stderr.contains(&format!(
            "«Servidores formados en memoria y paz» de Departamento Administrativo del Servicio Civil Distrital: {} tiene 1 indicador con esta clave",
            dascd.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("no se puede saber cuál es cuál"),
        "{stderr}"
    );
    // Keeping the sector's figures is the one choice: nothing of the file is taken.
    let keep = [&args[..], &["--prefer", text(&sector)]].concat();
    let (code, _, stderr) = avance(&keep);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(plan_file::load(&out).unwrap(), twice);
}

#[test]
fn a_plan_that_repeats_an_objective_number_is_refused_by_merge_and_diff() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_plan();
    // Objective 4 renumbered 3, with objective 3's indicators: two objectives 3.
    let mut twice = seed.clone();
    twice.objectives[3].metas = seed.objectives[2].metas.clone();
    twice.objectives[3].number = 3;
    let sector = write(dir.path(), "sector.ron", &twice);
    let entity = write(
        dir.path(),
        "entidad.ron",
        &split(&with_465_q1(&twice, "1"), 3),
    );
    let out = dir.path().join("consolidado.ron");
    let (code, stdout, stderr) = avance(&["merge", text(&sector), text(&entity), "-o", text(&out)]);
    assert_eq!(code, 2, "{stdout}");
    assert!(!out.exists(), "nothing is written");
    let refused = format!(
        "{} tiene dos objetivos con el número 3: no se puede saber cuál es cuál",
        sector.display()
    );
    assert!(stderr.contains(&refused), "{stderr}");
    let (code, stdout, stderr) = avance(&["diff", SEED_FILE, text(&sector)]);
    assert_eq!(code, 2, "{stdout}");
    assert!(stderr.contains(&refused), "{stderr}");
    let (code, _, stderr) = avance(&["diff", text(&sector), SEED_FILE, "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("has two objectives numbered 3"), "{stderr}");
}
