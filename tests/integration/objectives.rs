//! Any number of objectives (1 to `MAX_OBJECTIVES`) and where an indicator comes from (its
//! kind): plan files, validation, import, export, report, diff, merge, generate, the window and
//! the slides.

use std::path::{Path, PathBuf};

use avance::app::AvanceApp;
use avance::io::{plan_file, seed_plan};
use avance::model::edit::{Edit, IndicatorPath};
use avance::model::validation::{Problem, validate};
use avance::model::{IndicatorKind, Language, MAX_OBJECTIVES, Objective, Plan};
use avance::view::Prefs;
use avance::view::dialog::Dialog;
use avance::view::slides::SlideContent;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::avance;
use crate::ui::{ScriptedDialogs, press};

/// The seed's matrix of objectives 2 and 3 (tab-separated, as Excel copies it).
const SEED_TSV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/seed_objetivos_2_3.tsv"
);

/// The seed with objectives 6 and 7 added, objective 7 holding a copy of objective 2's metas
/// (321 and META PROYECTO 4).
fn seven_objectives() -> Plan {
    let mut plan = seed_plan();
    for number in 6..=7 {
        plan.objectives.push(Objective {
            number,
            text: format!("Objetivo nuevo {number}"),
            metas: Vec::new(),
        });
    }
    plan.objectives[6].metas = plan.objectives[1].metas.clone();
    plan
}

fn write(dir: &Path, name: &str, plan: &Plan) -> PathBuf {
    let path = dir.join(name);
    plan_file::save(plan, &path).unwrap();
    path
}

fn numbers(plan: &Plan) -> Vec<u8> {
    plan.objectives.iter().map(|o| o.number).collect()
}

fn objective_problems(plan: &Plan) -> Vec<Problem> {
    validate(plan)
        .into_iter()
        .map(|f| f.problem)
        .filter(|p| {
            matches!(
                p,
                Problem::ObjectiveNumberInvalid(_)
                    | Problem::ObjectiveNumberRepeated(_)
                    | Problem::ObjectiveNumberGap { .. }
                    | Problem::NoObjectives
            )
        })
        .collect()
}

#[test]
fn a_seven_objective_plan_is_valid_round_trips_and_reports_objective_7() {
    let dir = tempfile::tempdir().unwrap();
    let plan = seven_objectives();
    assert_eq!(objective_problems(&plan), Vec::new());
    let path = write(dir.path(), "siete.ron", &plan);
    assert_eq!(plan_file::load(&path).unwrap(), plan);
    let (code, stdout, stderr) = avance(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stdout.contains("no está entre"), "{stdout}");
    let (code, stdout, _) = avance(&["report", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Objetivo 7: 50,24\u{a0}%"), "{stdout}");
    let (_, json, _) = avance(&["report", path.to_str().unwrap(), "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let objectives = report["objectives"].as_array().unwrap();
    assert_eq!(objectives.len(), 7);
    assert_eq!(objectives[6]["number"], 7);
    assert_eq!(objectives[6]["progress"], "50.24");
}

#[test]
fn validation_refuses_a_repeat_a_gap_and_a_number_past_the_most_in_words() {
    let mut gap = seed_plan();
    gap.objectives.remove(2);
    assert_eq!(
        objective_problems(&gap),
        vec![Problem::ObjectiveNumberGap { from: 3, to: 3 }]
    );
    let text: Vec<String> = validate(&gap)
        .iter()
        .map(|f| f.message(Language::Es))
        .collect();
    assert!(
        text.contains(
            &"Objetivo 4 · número: falta el objetivo 3: los objetivos van numerados seguidos desde 1"
                .to_owned()
        ),
        "{text:?}"
    );
    let mut wide_gap = seed_plan();
    wide_gap.objectives.drain(1..3);
    assert_eq!(
        objective_problems(&wide_gap),
        vec![Problem::ObjectiveNumberGap { from: 2, to: 3 }]
    );
    let mut repeated = seed_plan();
    repeated.objectives[4].number = 4;
    assert_eq!(
        objective_problems(&repeated),
        vec![Problem::ObjectiveNumberRepeated(4)]
    );
    let mut past = Plan::with_objectives("p", seed_plan().period, MAX_OBJECTIVES);
    past.objectives.push(Objective {
        number: MAX_OBJECTIVES + 1,
        text: String::new(),
        metas: Vec::new(),
    });
    assert_eq!(
        objective_problems(&past),
        vec![Problem::ObjectiveNumberInvalid(21)]
    );
    assert!(
        validate(&past)[0]
            .message(Language::Es)
            .ends_with("el número 21 no está entre 1 y 20 (un plan tiene a lo más 20 objetivos)")
    );
    let mut none = seed_plan();
    none.objectives.clear();
    assert_eq!(objective_problems(&none), vec![Problem::NoObjectives]);
    // Through the command line: an error, exit 1.
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "hueco.ron", &gap);
    let (code, stdout, _) = avance(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("falta el objetivo 3"), "{stdout}");
}

#[test]
fn a_matrix_with_objetivo_7_rows_makes_a_seven_objective_plan_and_is_refused_by_a_five() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(SEED_TSV).unwrap();
    let mut lines = seed.lines();
    let mut text = format!("{}\n", lines.next().unwrap());
    for line in lines {
        text.push_str(line);
        text.push('\n');
        if let Some(rest) = line.strip_prefix("2\t") {
            text.push_str(&format!("7\t{rest}\n"));
        }
    }
    let matrix = dir.path().join("siete.tsv");
    std::fs::write(&matrix, &text).unwrap();
    let output = dir.path().join("siete.ron");
    let (code, stdout, stderr) = avance(&[
        "import",
        matrix.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let plan = plan_file::load(&output).unwrap();
    assert_eq!(numbers(&plan), (1..=7).collect::<Vec<_>>());
    assert_eq!(plan.objectives[6].indicator_count(), 2);
    let (_, report, _) = avance(&["report", output.to_str().unwrap()]);
    assert!(report.contains("Objetivo 7: 50,24\u{a0}%"), "{report}");

    // Into the seed (five objectives) the Objetivo 7 rows are refused, and nothing is written.
    let seed_path = write(dir.path(), "semilla.ron", &seed_plan());
    let into = dir.path().join("semilla-7.ron");
    let (code, _, stderr) = avance(&[
        "import",
        matrix.to_str().unwrap(),
        "--into",
        seed_path.to_str().unwrap(),
        "-o",
        into.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("«7»"), "{stderr}");
    assert!(!into.exists());
}

#[test]
fn export_then_import_keeps_seven_objectives_and_every_kind_identical() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = seven_objectives();
    // One kind set against its meta's code, one set equal to it, the rest implied.
    plan.objectives[2].metas[0].indicators[0].kind = Some(IndicatorKind::MetaTrazadora);
    plan.objectives[2].metas[0].indicators[1].kind = Some(IndicatorKind::Sectorial);
    let path = write(dir.path(), "plan.ron", &plan);
    for format in ["xlsx", "csv"] {
        let exported = dir.path().join(format!("matriz.{format}"));
        let (code, _, stderr) = avance(&[
            "export",
            path.to_str().unwrap(),
            "--format",
            format,
            "-o",
            exported.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{stderr}");
        if format == "csv" {
            let csv = std::fs::read_to_string(&exported).unwrap();
            let header = csv.lines().next().unwrap();
            assert!(header.contains(";Tipo de indicador;"), "{header}");
            assert!(csv.contains(";Meta trazadora;"));
            assert!(csv.contains(";Proyecto de inversión;"));
        }
        let back = dir.path().join(format!("de-vuelta-{format}.ron"));
        let (code, _, stderr) = avance(&[
            "import",
            exported.to_str().unwrap(),
            "--into",
            path.to_str().unwrap(),
            "-o",
            back.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{format}: {stderr}");
        let (code, stdout, _) = avance(&["diff", path.to_str().unwrap(), back.to_str().unwrap()]);
        assert_eq!(code, 0, "{format}: {stdout}");
        assert_eq!(plan_file::load(&back).unwrap(), plan, "{format}");
    }
}

#[test]
fn a_kind_column_sets_the_kind_and_a_word_it_does_not_know_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(SEED_TSV).unwrap();
    let mut lines: Vec<String> = seed.lines().map(str::to_owned).collect();
    lines[0].push_str("\tTipo de indicador");
    lines[1].push_str("\tmeta trazadora");
    for line in &mut lines[2..] {
        line.push('\t');
    }
    let matrix = dir.path().join("tipos.tsv");
    std::fs::write(&matrix, lines.join("\n")).unwrap();
    let output = dir.path().join("tipos.ron");
    let (code, _, stderr) = avance(&[
        "import",
        matrix.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let plan = plan_file::load(&output).unwrap();
    let objective = &plan.objectives[1];
    let (meta, first) = objective.indicators().next().unwrap();
    assert_eq!(first.kind(meta), IndicatorKind::MetaTrazadora);
    let (meta, second) = objective.indicators().nth(1).unwrap();
    assert_eq!(second.kind, None, "an empty cell leaves the meta's kind");
    assert_eq!(second.kind(meta), IndicatorKind::ProyectoInversion);

    lines[1] = lines[1].replace("\tmeta trazadora", "\tnacional");
    std::fs::write(&matrix, lines.join("\n")).unwrap();
    let refused = dir.path().join("nada.ron");
    let (code, _, stderr) = avance(&[
        "import",
        matrix.to_str().unwrap(),
        "-o",
        refused.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains(
            "«nacional»: el tipo de indicador debe ser Sectorial, Meta trazadora o Proyecto de \
             inversión"
        ),
        "{stderr}"
    );
    assert!(!refused.exists());
}

#[test]
fn the_json_report_says_each_indicators_kind_and_the_seeds_default_from_their_metas() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = seed_plan();
    plan.objectives[2].metas[0].indicators[0].kind = Some(IndicatorKind::MetaTrazadora);
    let path = write(dir.path(), "plan.ron", &plan);
    let (code, json, _) = avance(&["report", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let kinds = |o: usize| -> Vec<(String, String)> {
        report["objectives"][o]["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["code"].as_str().unwrap_or("N/A").to_owned(),
                    i["kind"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(
        kinds(1),
        vec![
            ("321".to_owned(), "sectorial".to_owned()),
            ("N/A".to_owned(), "proyecto_inversion".to_owned())
        ]
    );
    assert_eq!(kinds(2)[0].1, "meta_trazadora");
    assert!(kinds(2)[1..].iter().all(|(_, kind)| kind == "sectorial"));
}

#[test]
fn diff_names_a_changed_kind_and_merge_brings_objective_7s_figures() {
    let dir = tempfile::tempdir().unwrap();
    let plan = seven_objectives();
    let a = write(dir.path(), "a.ron", &plan);
    let mut changed = plan.clone();
    changed.objectives[6].metas[0].indicators[0].kind = Some(IndicatorKind::MetaTrazadora);
    let b = write(dir.path(), "b.ron", &changed);
    let (code, stdout, _) = avance(&["diff", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout
            .contains("Objetivo 7 · indicador 321 · tipo de indicador: sectorial → meta trazadora"),
        "{stdout}"
    );

    // An entity's copy changes a figure of objective 7; merge takes it.
    let mut entity = plan.clone();
    let at = IndicatorPath {
        objective: 6,
        meta: 0,
        indicator: 0,
    };
    entity
        .apply(Edit::Figure {
            at,
            vigencia: 2022,
            figure: avance::model::edit::Figure::Executed(avance::model::Quarter::ALL[0]),
            value: Some(rust_decimal::Decimal::from(30)),
        })
        .unwrap();
    let copy = write(dir.path(), "entidad.ron", &entity);
    let merged = dir.path().join("consolidado.ron");
    let (code, stdout, stderr) = avance(&[
        "merge",
        a.to_str().unwrap(),
        copy.to_str().unwrap(),
        "-o",
        merged.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(plan_file::load(&merged).unwrap(), entity);
}

#[test]
fn generate_makes_the_objectives_asked_for_and_refuses_0_and_21() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("siete.ron");
    let (code, _, stderr) = avance(&[
        "generate",
        "--indicators",
        "70",
        "--objectives",
        "7",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let plan = plan_file::load(&path).unwrap();
    assert_eq!(numbers(&plan), (1..=7).collect::<Vec<_>>());
    assert!(plan.objectives.iter().all(|o| o.indicator_count() == 10));
    for bad in ["0", "21"] {
        let refused = dir.path().join(format!("{bad}.ron"));
        let (code, _, stderr) = avance(&[
            "generate",
            "--indicators",
            "70",
            "--objectives",
            bad,
            "-o",
            refused.to_str().unwrap(),
        ]);
        assert_eq!(code, 2, "{stderr}");
        assert!(
            stderr.contains(&format!("un plan tiene de 1 a 20 objetivos, no {bad}")),
            "{stderr}"
        );
        assert!(!refused.exists());
    }
}

#[test]
fn plan_v1_still_loads_with_every_kind_taken_from_its_metas() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/plan_v1.ron");
    let plan = plan_file::load(Path::new(path)).unwrap();
    assert!(
        plan.objectives
            .iter()
            .flat_map(|o| o.indicators())
            .all(|(_, i)| i.kind.is_none())
    );
    let text = std::fs::read_to_string(path).unwrap();
    assert!(!text.contains("kind"), "an older file has no kind field");
}

#[test]
fn the_plans_slide_counts_the_seeds_indicators_of_each_kind() {
    use avance::view::slides::{Slide, SlideOrder};
    let plan = seed_plan();
    let progress = avance::model::PlanProgress::compute(&plan, plan.cut);
    let slide = Slide::at(&plan, &progress, 0, SlideOrder::Plan, Language::Es).unwrap();
    let SlideContent::Plan(page) = &slide.content else {
        panic!("the plan's slide");
    };
    assert_eq!(
        page.kinds,
        "Indicadores: 8 sectoriales · 0 de metas trazadoras · 1 de proyectos de inversión"
    );
    assert_eq!(page.page_note, None);
    assert_eq!(slide.file_stem(Language::Es), "01-plan-2022T1");
}

// ── The window ────────────────────────────────────────────────────────────────────────

fn window_on(plan: &Plan, dir: &Path) -> Harness<'static, AvanceApp> {
    let path = write(dir, "plan.ron", plan);
    crate::ui::window(Prefs::default(), Some(path), ScriptedDialogs::default())
}

fn click(harness: &mut Harness<'_, AvanceApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

#[test]
fn nuevo_asks_how_many_objectives_refuses_a_bad_number_and_makes_seven() {
    let mut harness = crate::ui::harness();
    press(&mut harness, Modifiers::COMMAND, Key::N);
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::NewPlan { .. })
    ));
    // The default, 5, is selected when the field is reached: typing replaces it, key by key.
    let field = "Número de objetivos";
    harness.get_by_label(field).focus();
    harness.run();
    for text in ["2", "1"] {
        harness.get_by_label(field).type_text(text);
        harness.run();
    }
    harness.get_by_label_contains("un plan tiene de 1 a 20 objetivos");
    assert!(
        harness.get_by_label("Crear").accesskit_node().is_disabled(),
        "21 is too many"
    );
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(
        matches!(harness.state().dialog(), Some(Dialog::NewPlan { .. })),
        "Enter with a bad number creates nothing"
    );
    harness.get_by_label(field).focus();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Backspace);
    press(&mut harness, Modifiers::NONE, Key::Backspace);
    harness.get_by_label(field).type_text("siete");
    harness.run();
    harness.get_by_label_contains("escriba un número entero de 1 a 20");
    for _ in 0.."siete".len() {
        press(&mut harness, Modifiers::NONE, Key::Backspace);
    }
    harness.get_by_label(field).type_text("7");
    harness.run();
    crate::plan_frame::create_new_plan(&mut harness, "Secretaría General");
    assert_eq!(harness.state().dialog(), None);
    assert_eq!(numbers(harness.state().plan()), (1..=7).collect::<Vec<_>>());
    harness.get_by_label("Objetivo 7");

    // Cancelar keeps the plan open.
    press(&mut harness, Modifiers::COMMAND, Key::N);
    click(&mut harness, "Cancelar");
    assert_eq!(harness.state().plan().objectives.len(), 7);
}

#[test]
fn objectives_are_added_and_removed_in_the_window_each_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window_on(&seed_plan(), dir.path());
    crate::ui::select_objective(&mut harness, 5);
    click(&mut harness, "+ Añadir objetivo");
    click(&mut harness, "+ Añadir objetivo");
    assert_eq!(numbers(harness.state().plan()), (1..=7).collect::<Vec<_>>());
    harness.get_by_label("Objetivo 7");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().plan().objectives.len(),
        6,
        "one undo step each"
    );

    // Objective 6 has no indicators: removed at once.
    crate::ui::select_objective(&mut harness, 6);
    click(&mut harness, "Eliminar objetivo…");
    assert_eq!(harness.state().dialog(), None);
    assert_eq!(harness.state().plan(), &seed_plan());

    // Objective 2 has two: the window asks first; Cancelar keeps it.
    crate::ui::select_objective(&mut harness, 2);
    click(&mut harness, "Eliminar objetivo…");
    harness.get_by_label("¿Eliminar el objetivo 2?");
    harness.get_by_label_contains("El objetivo 2 tiene 2 indicadores");
    click(&mut harness, "Cancelar");
    assert_eq!(harness.state().plan(), &seed_plan());
    click(&mut harness, "Eliminar objetivo…");
    click(&mut harness, "Eliminar objetivo");
    let plan = harness.state().plan().clone();
    assert_eq!(numbers(&plan), vec![1, 2, 3, 4]);
    assert_eq!(plan.objectives[1], {
        let mut third = seed_plan().objectives[2].clone();
        third.number = 2;
        third
    });
    assert_eq!(
        crate::ui::objective_progress(&harness, 2).as_deref(),
        Some("24.15")
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().plan(), &seed_plan(), "one undo step");
}

#[test]
fn the_kind_shows_in_the_grid_and_is_changed_in_the_details_as_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window_on(&seed_plan(), dir.path());
    crate::ui::select_objective(&mut harness, 2);
    harness.get_by_label("Tipo de indicador");
    assert!(harness.query_all_by_label("sectorial").count() >= 1);
    harness.get_by_label("proyecto de inversión");
    // Select META PROYECTO 4's indicator and make it a meta trazadora's.
    let at = IndicatorPath {
        objective: 1,
        meta: 1,
        indicator: 0,
    };
    crate::ui::go_to_found(&mut harness, "Distrital de Víctimas");
    assert_eq!(
        harness.state().view().selection,
        avance::view::Selection::Indicator(at)
    );
    harness
        .get_by_label("N/A (META PROYECTO 4) · Tipo de indicador")
        .click();
    harness.run();
    harness.get_by_label("meta trazadora").click();
    harness.run();
    let indicator = harness.state().plan().indicator(at).unwrap().clone();
    assert_eq!(indicator.kind, Some(IndicatorKind::MetaTrazadora));
    harness.get_by_label("meta trazadora");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().plan(), &seed_plan());
}

#[test]
fn a_twelve_objective_plan_pages_its_slide_and_digits_reach_objectives_10_and_12() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = Plan::with_objectives("Doce", seed_plan().period, 12);
    plan.cut = seed_plan().cut;
    plan.objectives[11].metas = seed_plan().objectives[1].metas.clone();
    let mut harness = window_on(&plan, dir.path());
    press(&mut harness, Modifiers::NONE, Key::F5);
    let slide = harness.state().slide().unwrap();
    match &slide.content {
        SlideContent::Plan(page) => {
            assert_eq!(page.objectives.len(), 10);
            assert_eq!(page.page_note.as_deref(), Some("Objetivos 1 a 10 de 12"));
        }
        other => panic!("the plan's first page: {other:?}"),
    }
    harness.get_by_label(
        "Indicadores: 1 sectorial · 0 de metas trazadoras · 1 de proyectos de inversión",
    );
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    match harness.state().slide().unwrap().content {
        SlideContent::Plan(page) => assert_eq!(numbers_of(&page.objectives), vec![11, 12]),
        other => panic!("the plan's second page: {other:?}"),
    }
    let objective = |harness: &Harness<'_, AvanceApp>| match harness.state().slide() {
        Some(slide) => match slide.content {
            SlideContent::Objective(o) => o.number,
            SlideContent::Plan(_) | SlideContent::Reasons(_) => 0,
        },
        None => 0,
    };
    press(&mut harness, Modifiers::NONE, Key::Num0);
    assert_eq!(objective(&harness), 10);
    press(&mut harness, Modifiers::NONE, Key::Num7);
    assert_eq!(objective(&harness), 7);
    // 1 then 2 within a second: objective 12 (the 1 went to objective 1 on the way).
    harness.key_press(Key::Num1);
    harness.key_press(Key::Num2);
    harness.run();
    assert_eq!(objective(&harness), 12);
    // The large figure and the trend's last point.
    assert_eq!(harness.query_all_by_label("50,24\u{a0}%").count(), 2);
    // A digit alone, long after: objective 2.
    press(&mut harness, Modifiers::NONE, Key::Num2);
    assert_eq!(objective(&harness), 2);
}

fn numbers_of(bars: &[avance::view::slides::ObjectiveBar]) -> Vec<u8> {
    bars.iter().map(|b| b.number).collect()
}
