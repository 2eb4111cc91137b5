//! The workbook's sheets: one per objective, each with its own indicators, even in a plan that
//! repeats an objective's number (validation refuses it; export still writes what is there,
//! instead of a library's message about a sheet name).

use std::io::Cursor;
use std::path::Path;

use avance_core::io::{export, plan_file};
use calamine::{Reader, Xlsx};

const SEED: &str = include_str!("../../../../plans/gestion_publica_2022.ron");

#[test]
fn a_repeated_objective_number_gets_a_sheet_of_its_own_with_only_its_rows() {
    // Objective 2 (2 indicators) numbered 3, like objective 3 (7 indicators).
    let text = SEED.replacen("number: 2,", "number: 3,", 1);
    assert_ne!(text, SEED);
    let plan = plan_file::parse(&text, Path::new("repeated.ron")).unwrap();
    let bytes = export::to_xlsx(&plan, plan.cut).unwrap();
    let mut workbook = Xlsx::new(Cursor::new(bytes)).unwrap();
    let names = workbook.sheet_names();
    assert_eq!(
        names,
        [
            "Resumen",
            "Objetivo 1",
            "Objetivo 3",
            "Objetivo 3 (2)",
            "Objetivo 4",
            "Objetivo 5"
        ]
    );
    let codes = |sheet: &str, workbook: &mut Xlsx<_>| -> Vec<String> {
        let range = workbook.worksheet_range(sheet).unwrap();
        range.rows().skip(1).map(|row| row[3].to_string()).collect()
    };
    assert_eq!(codes("Objetivo 3", &mut workbook), ["321", "N/A"]);
    assert_eq!(
        codes("Objetivo 3 (2)", &mut workbook),
        ["464", "465", "466", "644", "543", "554", "555"]
    );
}
