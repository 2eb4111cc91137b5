//! The seed document's published figures, at the cut 31/03/2022, are the first acceptance test.

use crate::avance;
use avance::io::seed_plan;
use avance::model::format::fixed2;
use avance::model::validation::{FindingCounts, Problem, Severity, has_errors, validate};
use avance::model::{Cut, PlanProgress, Quarter};
use rust_decimal::Decimal;
use serde_json::Value;

const SEED_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/plans/gestion_publica_2022.ron"
);

fn q1_2022() -> Cut {
    Cut::new(2022, Quarter::new(1).unwrap())
}

#[test]
fn objective_2_matches_published_50_24_and_objective_3_matches_24_15() {
    let plan = seed_plan();
    let progress = PlanProgress::compute(&plan, q1_2022());
    let figure = |n| progress.objective(n).unwrap().progress().map(fixed2);
    assert_eq!(figure(2).as_deref(), Some("50.24"));
    assert_eq!(figure(3).as_deref(), Some("24.15"));
    for empty in [1, 4, 5] {
        assert_eq!(figure(empty), None, "objective {empty} has no indicator");
    }
}

#[test]
fn report_json_gives_the_published_figures() {
    let (code, stdout, stderr) = avance(&["report", SEED_FILE, "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["cut"]["vigencia"], 2022);
    assert_eq!(json["cut"]["quarter"], 1);
    let objectives = json["objectives"].as_array().unwrap();
    let numbers: Vec<u64> = objectives
        .iter()
        .map(|o| o["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5]);
    for (i, want) in [(0, Value::Null), (3, Value::Null), (4, Value::Null)] {
        assert_eq!(objectives[i]["progress"], want);
        assert_eq!(objectives[i]["weights_total"], "0.00");
        assert_eq!(objectives[i]["indicators"].as_array().unwrap().len(), 0);
    }
    assert_eq!(objectives[1]["progress"], "50.24");
    assert_eq!(objectives[2]["progress"], "24.15");
    assert_eq!(objectives[1]["weights_total"], "100.00");
    assert_eq!(objectives[2]["weights_total"], "100.00");

    let first = &objectives[1]["indicators"][0];
    assert_eq!(first["meta"], "META SECTORIAL 301");
    assert_eq!(first["code"], "321");
    assert_eq!(first["weight"], "89.35");
    assert_eq!(first["programmed"], "55.00");
    assert_eq!(first["executed"], "27.50");
    assert_eq!(first["progress"], "50.00");
    assert_eq!(objectives[1]["indicators"][1]["code"], Value::Null);

    let published: Vec<&str> = objectives
        .iter()
        .flat_map(|o| o["indicators"].as_array().unwrap())
        .map(|i| i["progress"].as_str().unwrap())
        .collect();
    assert_eq!(
        published,
        [
            "50.00", "52.27", "50.00", "0.00", "0.00", "19.00", "25.00", "50.29", "0.00"
        ]
    );
}

#[test]
fn validate_passes_on_the_seed() {
    let (code, stdout, stderr) = avance(&["validate", SEED_FILE]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("0 errores"), "{stdout}");
    assert!(!has_errors(&validate(&seed_plan())));
}

#[test]
fn weights_adding_to_90_warn_and_divide_by_90() {
    let mut plan = seed_plan();
    let objective = plan.objectives.iter_mut().find(|o| o.number == 3).unwrap();
    let indicator = objective
        .metas
        .iter_mut()
        .flat_map(|m| &mut m.indicators)
        .find(|i| i.code.as_deref() == Some("543"))
        .unwrap();
    indicator.year_mut(2022).weight = Some(Decimal::new(2134, 2));

    let progress = PlanProgress::compute(&plan, q1_2022());
    let objective_3 = progress.objective(3).unwrap();
    assert_eq!(
        objective_3.weights_total.map(fixed2).as_deref(),
        Some("90.00")
    );
    assert_eq!(objective_3.progress().map(fixed2).as_deref(), Some("24.06"));

    let findings = validate(&plan);
    let warning = findings
        .iter()
        .find(|f| matches!(f.problem, Problem::WeightsNot100 { vigencia: 2022, .. }))
        .expect("a weights warning");
    assert_eq!(warning.severity(), Severity::Warning);
    assert!(!has_errors(&findings));
    let message = warning.message(avance::model::Language::Es);
    assert!(
        message.starts_with("Objetivo 3 · ponderación 2022:"),
        "{message}"
    );
    assert!(message.contains("90,00"), "{message}");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan_90.ron");
    avance::io::plan_file::save(&plan, &path).unwrap();
    let (code, stdout, _) = avance(&["validate", path.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 0, "warnings alone do not fail: {stdout}");
    assert!(
        stdout.contains("warning: Objective 3 · weight 2022: the weights of 2022 add up to 90.00%"),
        "{stdout}"
    );
    let counts = FindingCounts::of(&findings);
    assert_eq!((counts.errors, counts.warnings), (0, findings.len()));
    assert_eq!(
        stdout.lines().last(),
        Some(counts.text(avance::model::Language::En).as_str()),
        "validate ends with the counts the toolbar shows"
    );
}

#[test]
fn text_report_is_a_readable_spanish_table() {
    let (code, stdout, _) = avance(&["report", SEED_FILE]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Avance al corte 31/03/2022"), "{stdout}");
    assert!(stdout.contains("Objetivo 2: 50,24\u{a0}%"), "{stdout}");
    assert!(stdout.contains("Objetivo 3: 24,15\u{a0}%"), "{stdout}");
    assert!(stdout.contains("Objetivo 1: —"), "{stdout}");
    let (_, english, _) = avance(&["report", SEED_FILE, "--lang", "en"]);
    assert!(english.contains("Objective 2: 50.24%"), "{english}");
}

#[test]
fn csv_report_has_one_row_per_indicator() {
    let (code, stdout, _) = avance(&["report", SEED_FILE, "--format", "csv", "--lang", "en"]);
    assert_eq!(code, 0);
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 9);
    assert_eq!(&rows[0][0], "2");
    assert_eq!(&rows[0][1], "50.24");
    assert_eq!(&rows[8][3], "555");
    assert_eq!(&rows[8][1], "24.15");
}

#[test]
fn a_later_cut_reads_no_later_figures_and_a_cut_outside_the_period_is_refused() {
    let (code, stdout, _) = avance(&["report", SEED_FILE, "--cut", "2021-Q4", "--format", "json"]);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&stdout).unwrap();
    // Nothing was executed in 2021: programmed indicators count 0.
    assert_eq!(
        json["objectives"][1]["progress"],
        Value::Null,
        "2021 has no weights"
    );
    let (code, _, stderr) = avance(&["report", SEED_FILE, "--cut", "2030-Q1"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("fuera del periodo"), "{stderr}");
    let (code, _, stderr) = avance(&["report", SEED_FILE, "--cut", "2022-Q7"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("2022-Q7"), "{stderr}");
}

#[test]
fn the_committed_seed_file_is_in_canonical_form() {
    let text = std::fs::read_to_string(SEED_FILE).unwrap();
    assert_eq!(avance::io::plan_file::to_text(&seed_plan()).unwrap(), text);
}
