//! `avance diff` and `avance merge` on the seed plan: what they print, their exit codes, and
//! what they write (or do not).

use std::path::{Path, PathBuf};

use crate::avance;
use avance::io::{plan_file, seed_plan};
use avance::model::edit::{Edit, Figure, IndicatorPath};
use avance::model::{Plan, Quarter};
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
        stdout.contains("entidad_a.ron: cifras de 2 indicadores"),
        "{stdout}"
    );
    assert!(
        stdout.contains("entidad_b.ron: cifras de 7 indicadores"),
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
    let b = write(dir.path(), "b.ron", &split(&seed, 3));
    let out = dir.path().join("sector.ron");
    let args = ["merge", SEED_FILE, text(&a), text(&b), "-o", text(&out)];
    let (code, stdout, stderr) = avance(&args);
    assert_ne!(code, 0, "{stdout}");
    assert!(!out.exists(), "nothing is written while a conflict stands");
    let conflict = format!(
        "conflicto: Objetivo 3 · indicador 465 · ejecutado 2022 T1: no coincide en los archivos de entidad: {}: 1,00; {}: 0,00",
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
