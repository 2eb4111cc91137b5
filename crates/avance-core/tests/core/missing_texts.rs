//! Validation warns on what a committee could not read (issue 25 §4): an objective without
//! text, an indicator without name, code or entity. The seed has none of them: its only
//! indicator without code (N/A) is an investment project's (META PROYECTO 4), which has none.

use avance_core::io::seed_plan;
use avance_core::model::Language;
use avance_core::model::validation::{Problem, Severity, validate};

fn is_missing_text(problem: &Problem) -> bool {
    matches!(
        problem,
        Problem::ObjectiveWithoutText
            | Problem::IndicatorWithoutName
            | Problem::IndicatorWithoutCode
            | Problem::IndicatorWithoutEntity
    )
}

#[test]
fn the_seed_has_no_objective_or_indicator_without_its_texts() {
    let findings = validate(&seed_plan());
    let missing: Vec<String> = findings
        .iter()
        .filter(|f| is_missing_text(&f.problem))
        .map(|f| f.message(Language::Es))
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn an_objective_without_text_and_an_indicator_without_name_code_or_entity_are_warned() {
    let mut plan = seed_plan();
    plan.objectives[0].text = "  ".into();
    let i464 = &mut plan.objectives[2].metas[0].indicators[0];
    assert_eq!(i464.code.as_deref(), Some("464"));
    i464.code = None;
    i464.name = String::new();
    i464.entity = " ".into();
    let findings: Vec<_> = validate(&plan)
        .into_iter()
        .filter(|f| is_missing_text(&f.problem))
        .collect();
    assert!(findings.iter().all(|f| f.severity() == Severity::Warning));
    let spanish: Vec<String> = findings.iter().map(|f| f.message(Language::Es)).collect();
    assert_eq!(
        spanish,
        [
            "Objetivo 1 · texto: el objetivo no tiene texto: el comité vería solo su número",
            "Objetivo 3 · indicador N/A (META SECTORIAL 431) · nombre: el indicador no tiene nombre",
            "Objetivo 3 · indicador N/A (META SECTORIAL 431) · código: el indicador no tiene código (solo los de una META PROYECTO pueden no tenerlo)",
            "Objetivo 3 · indicador N/A (META SECTORIAL 431) · entidad responsable: el indicador no tiene entidad responsable",
        ]
    );
    let english: Vec<String> = findings.iter().map(|f| f.message(Language::En)).collect();
    assert_eq!(
        english[3],
        "Objective 3 · indicator N/A (META SECTORIAL 431) · responsible entity: the indicator has no responsible entity"
    );
}
