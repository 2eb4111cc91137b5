//! The year's cycle with the entities: weights proposed for a vigencia (`avance reweight`, Editar
//! → Ajustar ponderaciones…), a file for each entity (`avance split`, Archivo → Preparar
//! archivos por entidad…) and their figures brought back (`avance merge`), through the command
//! line and the window.

use std::path::{Path, PathBuf};

use crate::avance;
use crate::compare_merge::{AT_644, SEED_FILE, with_executed, write};
use crate::ui::{ScriptedDialogs, harness_with, press, select_objective};
use avance::io::{plan_file, seed_plan};
use avance::model::edit::{Figure, IndicatorPath};
use avance::model::{Plan, Vigencia};
use avance::view::Dialog;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use rust_decimal::Decimal;

/// The N/A indicator of META PROYECTO 4 in the seed plan.
const AT_NA: IndicatorPath = IndicatorPath {
    objective: 1,
    meta: 1,
    indicator: 0,
};

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

/// The weights of an objective's indicators in a vigencia, in plan order.
fn weights(plan: &Plan, objective: usize, vigencia: Vigencia) -> Vec<Option<Decimal>> {
    plan.indicator_paths(objective)
        .into_iter()
        .map(|at| plan.indicator(at).unwrap().figure(vigencia, Figure::Weight))
        .collect()
}

/// A copy of the seed's file in a folder of its own.
fn seed_copy(dir: &Path) -> PathBuf {
    let path = dir.join("sector.ron");
    std::fs::copy(SEED_FILE, &path).unwrap();
    path
}

#[test]
fn reweight_dry_run_prints_current_beside_proposed_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let plan = seed_copy(dir.path());
    let before = std::fs::read(&plan).unwrap();
    let args = [
        "reweight",
        text(&plan),
        "--vigencia",
        "2023",
        "--objective",
        "3",
        "--dry-run",
    ];
    let (code, stdout, stderr) = avance(&args);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[0],
        "Objetivo 3 · 2023: proporcionales a las ponderaciones de 2022; un indicador sin \
         ponderación en 2022 recibe el promedio de los demás"
    );
    let tails: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.rsplit_once("»: ").map_or(*l, |(_, tail)| tail))
        .collect();
    assert_eq!(
        tails,
        [
            "vacía → 4,19",
            "vacía → 4,19",
            "vacía → 4,18",
            "vacía → 4,18",
            "vacía → 43,73",
            "vacía → 39,53",
            "vacía → vacía (no programado)",
            "  Total: vacía → 100,00",
        ],
        "{stdout}"
    );
    assert!(
        lines[1].starts_with("  464 «Número de estrategias"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read(&plan).unwrap(),
        before,
        "a dry run writes nothing"
    );
    assert!(!dir.path().join("sector.ron.bak").exists());

    // Every objective, in English, with equal weights.
    let (code, stdout, _) = avance(&[
        "reweight",
        text(&plan),
        "--vigencia",
        "2022",
        "--equal",
        "--dry-run",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("Objective 1 · 2022: no indicator is programmed in 2022: no weights"),
        "{stdout}"
    );
    assert!(stdout.contains("  321 “Porcentaje de avance"), "{stdout}");
    assert!(stdout.contains("”: 89.35 → 50.00"), "{stdout}");
    assert!(stdout.contains("  Total: 100.00 → 100.00"), "{stdout}");
}

#[test]
fn reweight_writes_the_plan_keeping_a_bak_and_every_objective_adds_up_to_100() {
    let dir = tempfile::tempdir().unwrap();
    let path = seed_copy(dir.path());
    let before = std::fs::read(&path).unwrap();
    let (code, stdout, stderr) = avance(&["reweight", text(&path), "--vigencia", "2023"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("8 ponderaciones cambiadas en 2023."),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read(dir.path().join("sector.ron.bak")).unwrap(),
        before
    );
    let plan = plan_file::load(&path).unwrap();
    let objective_3: Vec<Option<Decimal>> = ["4.19", "4.19", "4.18", "4.18", "43.73", "39.53"]
        .iter()
        .map(|w| Some(dec(w)))
        .chain([None])
        .collect();
    assert_eq!(weights(&plan, 2, 2023), objective_3);
    assert_eq!(
        weights(&plan, 1, 2023),
        [Some(dec("89.35")), Some(dec("10.65"))]
    );
    // Everything else is as it was: only 2023's weights differ.
    let (_, diff, _) = avance(&["diff", SEED_FILE, text(&path)]);
    let changes: Vec<&str> = diff.lines().filter(|l| l.contains(" → ")).collect();
    assert!(
        changes
            .iter()
            .filter(|l| l.contains("indicador"))
            .all(|l| l.contains("ponderación 2023")),
        "{diff}"
    );
    // Asked again, nothing changes and nothing is written.
    let written = std::fs::read(&path).unwrap();
    let (code, stdout, _) = avance(&["reweight", text(&path), "--vigencia", "2023"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("el archivo no se modificó"), "{stdout}");
    assert_eq!(std::fs::read(&path).unwrap(), written);
}

#[test]
fn reweight_refuses_a_vigencia_outside_the_period_and_an_objective_the_plan_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let path = seed_copy(dir.path());
    let before = std::fs::read(&path).unwrap();
    let (code, _, stderr) = avance(&["reweight", text(&path), "--vigencia", "2030"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("2030 no está en el período del plan (2020–2024)"),
        "{stderr}"
    );
    let (code, _, stderr) = avance(&[
        "reweight",
        text(&path),
        "--vigencia",
        "2023",
        "--objective",
        "9",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no tiene el Objetivo 9"), "{stderr}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// The seed with 321 and 644 handed to DASCD; Secretaría General keeps the others, the N/A one
/// of META PROYECTO 4 too (which, in Secretaría General's file, stands where 321 stands in the
/// sector's: first of Objetivo 2).
fn two_entities() -> Plan {
    let mut plan = seed_plan();
    plan.objectives[1].metas[0].indicators[0].entity = "DASCD".into();
    plan.objectives[2].metas[0].indicators[3].entity = "DASCD".into();
    plan
}

#[test]
fn split_then_one_figure_in_each_file_then_merge_gives_exactly_those_two_figures() {
    let dir = tempfile::tempdir().unwrap();
    let sector = write(dir.path(), "sector.ron", &two_entities());
    let out = dir.path().join("entidades");
    let (code, stdout, stderr) = avance(&["split", text(&sector), "-o", text(&out)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("Secretaría General: 7 indicadores, en "),
        "{stdout}"
    );
    assert!(stdout.contains("DASCD: 2 indicadores, en "), "{stdout}");
    let sg_file = out.join("Secretaría General.ron");
    let dascd_file = out.join("DASCD.ron");
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["DASCD.ron", "Secretaría General.ron"]);

    // Each part holds only its entity's indicators, with the sector's texts and cut.
    let sg = plan_file::load(&sg_file).unwrap();
    let dascd = plan_file::load(&dascd_file).unwrap();
    assert_eq!(sg.indicator_count(), 7);
    assert_eq!(dascd.indicator_count(), 2);
    assert_eq!(
        dascd.objectives[2].metas[0].indicators[0].code.as_deref(),
        Some("644")
    );
    assert_eq!(
        dascd.objectives[1].metas[0].indicators[0].code.as_deref(),
        Some("321")
    );
    assert_eq!(
        (&dascd.title, dascd.cut),
        (&two_entities().title, two_entities().cut)
    );

    // Each entity types one figure in its own file: the N/A indicator's 2022 T2 in Secretaría
    // General's (where it is the first of its objective, not the sector's place), 644's T2
    // in DASCD's.
    let na_in_part = IndicatorPath {
        objective: 1,
        meta: 0,
        indicator: 0,
    };
    assert_eq!(sg.indicator(na_in_part).unwrap().code, None);
    plan_file::save(&with_executed(&sg, na_in_part, (2022, 2), "40"), &sg_file).unwrap();
    let at_644_in_part = IndicatorPath {
        objective: 2,
        meta: 0,
        indicator: 0,
    };
    plan_file::save(
        &with_executed(&dascd, at_644_in_part, (2022, 2), "31"),
        &dascd_file,
    )
    .unwrap();

    let merged = dir.path().join("consolidado.ron");
    let (code, stdout, stderr) = avance(&[
        "merge",
        text(&sector),
        text(&sg_file),
        text(&dascd_file),
        "-o",
        text(&merged),
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (code, diff, _) = avance(&["diff", text(&sector), text(&merged)]);
    assert_eq!(code, 1);
    let changes: Vec<&str> = diff
        .lines()
        .filter(|l| l.contains(" → ") && l.contains("indicador"))
        .collect();
    assert_eq!(changes.len(), 2, "{diff}");
    assert!(
        changes[0].starts_with("Objetivo 2 · indicador N/A (META PROYECTO 4)")
            && changes[0].ends_with("ejecutado 2022 T2: sin reporte → 40,00"),
        "{diff}"
    );
    assert_eq!(
        changes[1], "Objetivo 3 · indicador 644 · ejecutado 2022 T2: sin reporte → 31,00",
        "{diff}"
    );
    // The same figures as typing them into the sector's plan.
    let expected = with_executed(
        &with_executed(&two_entities(), AT_NA, (2022, 2), "40"),
        AT_644,
        (2022, 2),
        "31",
    );
    assert_eq!(plan_file::load(&merged).unwrap(), expected);
}

#[test]
fn split_does_not_replace_an_entity_file_already_in_the_folder_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let sector = write(dir.path(), "sector.ron", &two_entities());
    let out = dir.path().join("entidades");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("DASCD.ron"), b"typed by DASCD").unwrap();
    let (code, _, stderr) = avance(&["split", text(&sector), "-o", text(&out)]);
    assert_eq!(code, 2);
    assert!(stderr.contains("Ese archivo ya existe"), "{stderr}");
    assert!(stderr.contains("DASCD.ron"), "{stderr}");
    assert_eq!(
        std::fs::read(out.join("DASCD.ron")).unwrap(),
        b"typed by DASCD"
    );
    assert!(
        !out.join("Secretaría General.ron").exists(),
        "all or nothing"
    );
    let (code, _, stderr) = avance(&["split", text(&sector), "-o", text(&out), "--force"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        plan_file::load(&out.join("DASCD.ron"))
            .unwrap()
            .indicator_count(),
        2
    );
}

#[test]
fn the_window_proposes_the_weights_applies_them_in_one_step_and_ctrl_z_restores_them() {
    let mut harness = harness_with(ScriptedDialogs::default());
    select_objective(&mut harness, 3);
    harness.get_by_label("Editar").click();
    harness.run();
    harness.get_by_label("Ajustar ponderaciones…").click();
    harness.run();
    let Some(Dialog::Reweight(dialog)) = harness.state().dialog().cloned() else {
        panic!("the weights dialog is open");
    };
    // The cut's vigencia, 2022: no earlier weights, so equal for the seven programmed.
    assert_eq!((dialog.objective, dialog.vigencia), (2, 2022));
    let shown: Vec<(&str, &str)> = dialog
        .rows
        .iter()
        .map(|r| (r.current.as_str(), r.proposed.as_str()))
        .collect();
    assert_eq!(shown[0], ("3,00", "14,29"));
    assert_eq!(shown[4], ("31,34", "14,28"));
    harness.get_by_label(&format!("Propuesta: {}", dialog.source));
    assert_eq!(
        dialog.totals,
        Some(("100,00".to_owned(), "100,00".to_owned()))
    );

    harness.get_by_label("Aplicar").click();
    harness.run();
    assert!(harness.state().dialog().is_none());
    assert_eq!(
        harness
            .get_by_label("464 · ponderación 2022")
            .value()
            .as_deref(),
        Some("14,29")
    );
    let plan = harness.state().document().plan().clone();
    let applied: Decimal = weights(&plan, 2, 2022).into_iter().flatten().sum();
    assert_eq!(applied, dec("100"));

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().document().plan(),
        &seed_plan(),
        "one Ctrl+Z"
    );
    assert_eq!(
        harness
            .get_by_label("464 · ponderación 2022")
            .value()
            .as_deref(),
        Some("3,00")
    );
}

#[test]
fn the_window_prepares_a_file_per_entity_in_the_folder_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("para las entidades");
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness_with(dialogs.clone());
    dialogs.answer(Some(folder.clone()));
    harness.get_by_label("Archivo").click();
    harness.run();
    harness
        .get_by_label("Preparar archivos por entidad…")
        .click();
    harness.run();
    let Some(Dialog::Message { title, text }) = harness.state().dialog().cloned() else {
        panic!("a message says what was written");
    };
    assert_eq!(title, "Archivos por entidad");
    assert!(text.contains("Secretaría General: 9 indicadores"), "{text}");
    let part = plan_file::load(&folder.join("Secretaría General.ron")).unwrap();
    assert_eq!(
        part,
        seed_plan(),
        "the seed has one entity: its part is the plan"
    );
    assert!(!harness.state().document().is_dirty());
}
