//! An export is a full, exact copy of the plan's indicators: `avance export` then `avance import
//! --into` the same plan changes nothing (`avance diff` says identical), for the seed with
//! quarters and comments, a generated plan and random plans, at any cut, as XLSX and as CSV.
//! An export never replaces the plan it exports.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::avance;
use crate::import_into::seed_with_quarters;
use avance::io::export::{ExportFormat, to_csv, to_xlsx};
use avance::io::import::{BadRows, ImportRequest, import_file};
use avance::io::plan_file;
use avance::model::diff::PlanDiff;
use avance::model::{
    Annualization, Cut, Indicator, IndicatorKind, Meta, Period, Plan, Quarter, YearData,
};

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn q(n: u8) -> Quarter {
    Quarter::new(n).unwrap()
}

fn save(dir: &Path, name: &str, plan: &Plan) -> PathBuf {
    let path = dir.join(name);
    plan_file::save(plan, &path).unwrap();
    path
}

/// `avance export PLAN --format F --cut CUT`, `avance import --into PLAN`, `avance diff`: the
/// diff's exit code and output.
fn round_trip(plan: &Path, format: &str, cut: &str) -> (i32, String) {
    let dir = plan.parent().unwrap();
    let export = dir.join(format!("copia.{format}"));
    let back = dir.join("de_vuelta.ron");
    let (code, _, stderr) = avance(&[
        "export",
        plan.to_str().unwrap(),
        "--format",
        format,
        "--cut",
        cut,
        "-o",
        export.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(code, 0, "export {format} {cut}: {stderr}");
    let (code, _, stderr) = avance(&[
        "import",
        export.to_str().unwrap(),
        "--into",
        plan.to_str().unwrap(),
        "-o",
        back.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(code, 0, "import {format} {cut}: {stderr}");
    let (code, diff, _) = avance(&["diff", plan.to_str().unwrap(), back.to_str().unwrap()]);
    (code, diff)
}

#[test]
fn the_seed_with_quarters_and_comments_goes_out_and_back_unchanged_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    let plan = save(dir.path(), "plan.ron", &seed_with_quarters());
    for format in ["xlsx", "csv"] {
        for cut in ["2022-Q2", "2020-Q1", "2021-Q3", "2024-Q4"] {
            let (code, diff) = round_trip(&plan, format, cut);
            assert_eq!(code, 0, "{format} at {cut}:\n{diff}");
        }
    }
}

#[test]
fn a_generated_plan_goes_out_and_back_unchanged_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("generado.ron");
    let (code, _, stderr) = avance(&[
        "generate",
        "--indicators",
        "1000",
        "-o",
        plan.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let generated = plan_file::load(&plan).unwrap();
    let comments: usize = generated
        .objectives
        .iter()
        .flat_map(|o| o.indicators())
        .flat_map(|(_, i)| i.years.values())
        .map(|y| y.comments.len())
        .sum();
    assert!(comments > 100, "a plan with comments: {comments}");
    for format in ["xlsx", "csv"] {
        for cut in ["2023-Q3", "2021-Q2"] {
            let (code, diff) = round_trip(&plan, format, cut);
            assert_eq!(code, 0, "{format} at {cut}:\n{diff}");
        }
    }
}

#[test]
fn the_export_carries_every_vigencias_weight_quarters_and_comments() {
    let plan = seed_with_quarters();
    let text = to_csv(&plan, plan.cut);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let field = |row: &[String], header: &str| {
        let at = headers
            .iter()
            .position(|h| h == header)
            .unwrap_or_else(|| panic!("no column {header:?} in {headers:?}"));
        row[at].clone()
    };
    for vigencia in 2020..=2024 {
        for header in [
            format!("Ponderación {vigencia}"),
            format!("Ejecutado {vigencia} T1"),
            format!("Ejecutado {vigencia} T4"),
            format!("Comentario {vigencia} T1"),
            format!("Comentario {vigencia} T4"),
        ] {
            assert!(headers.contains(&header), "{header}");
        }
    }
    let i644 = &rows[5];
    assert_eq!(field(i644, "Indicador sectorial"), "644");
    assert_eq!(field(i644, "Ejecutado 2022 T1"), "19,00");
    assert_eq!(field(i644, "Ejecutado 2022 T2"), "31");
    assert_eq!(field(i644, "Magnitud ejecutada al corte 30/06/2022"), "50");
    assert_eq!(
        field(i644, "Comentario 2022 T2"),
        "Jornada aplazada por lluvias"
    );
    assert_eq!(field(i644, "Ponderación 2023"), "5,5");
    assert_eq!(field(i644, "Tipo de anualización"), "Suma");
    assert_eq!(field(i644, "Unidad"), "personas");
    assert_eq!(field(i644, "Entidad responsable"), "Secretaría General");
    assert_eq!(field(&rows[0], "Ejecutado 2021 T4"), "20");
}

/// The seed with 644's T1 and 543's 2022 weight beyond what a float holds.
fn plan_with_long_figures() -> Plan {
    let mut plan = avance::io::seed_plan();
    let i644 = &mut plan.objectives[2].metas[0].indicators[3];
    i644.year_mut(2022)
        .executed
        .insert(q(1), d("33.3333333333333333333333333"));
    let i543 = &mut plan.objectives[2].metas[1].indicators[0];
    assert_eq!(i543.code.as_deref(), Some("543"));
    i543.year_mut(2022).weight = Some(d("12.345678901234567890123"));
    plan
}

#[test]
fn figures_no_float_holds_come_back_exact_from_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_with_long_figures();
    let path = save(dir.path(), "plan.ron", &plan);
    let xlsx = dir.path().join("exacto.xlsx");
    let (code, _, stderr) = avance(&[
        "export",
        path.to_str().unwrap(),
        "--format",
        "xlsx",
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let back = import_file(&xlsx, BadRows::Stop).unwrap().plan;
    assert_eq!(
        back.objectives[2].metas[0].indicators[3].executed(2022, q(1)),
        Some(d("33.3333333333333333333333333"))
    );
    assert_eq!(
        back.objectives[2].metas[1].indicators[0].weight(2022),
        Some(d("12.345678901234567890123"))
    );
    // Written as text, with a note on the cell saying why.
    let notes = zip_part(&xlsx, "xl/comments");
    assert!(notes.contains("Cifra guardada como texto"), "{notes}");
    let (code, diff) = round_trip(&path, "xlsx", "2022-Q1");
    assert_eq!(code, 0, "{diff}");
}

/// The text of the archive entries whose name starts with `prefix`.
fn zip_part(path: &Path, prefix: &str) -> String {
    let bytes = std::fs::read(path).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        if entry.name().is_ok_and(|name| name.starts_with(prefix)) {
            std::io::Read::read_to_string(&mut entry, &mut text).unwrap();
        }
    }
    text
}

#[test]
fn an_export_never_replaces_the_plan_it_exports() {
    let dir = tempfile::tempdir().unwrap();
    let plan = save(dir.path(), "plan.ron", &avance::io::seed_plan());
    let original = std::fs::read(&plan).unwrap();
    let refused = |output: &Path| {
        for format in ["xlsx", "csv"] {
            let (code, _, stderr) = avance(&[
                "export",
                plan.to_str().unwrap(),
                "--format",
                format,
                "-o",
                output.to_str().unwrap(),
                "--force",
            ]);
            assert_eq!(code, 2, "{}: {stderr}", output.display());
            assert!(
                stderr.contains("No se exporta sobre el plan que se exporta"),
                "{stderr}"
            );
            assert_eq!(
                std::fs::read(&plan).unwrap(),
                original,
                "{}",
                output.display()
            );
        }
    };
    refused(&plan);
    refused(&dir.path().join(".").join("plan.ron"));
    // Names Windows (and macOS) take for the plan's own: another case, trailing dots or spaces.
    // Refused everywhere: on a Linux share mounted from Windows they are the plan too.
    refused(&dir.path().join("PLAN.RON"));
    refused(&dir.path().join("Plan.ron."));
    refused(&dir.path().join("plan.ron "));
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    refused(&dir.path().join("sub").join("..").join("Plan.Ron"));
    #[cfg(unix)]
    {
        let link = dir.path().join("enlace.csv");
        std::os::unix::fs::symlink(&plan, &link).unwrap();
        refused(&link);
        let hard = dir.path().join("duro.xlsx");
        std::fs::hard_link(&plan, &hard).unwrap();
        refused(&hard);
        std::fs::remove_file(&hard).unwrap();
    }
    // Another file is replaced with --force, as before.
    let other = dir.path().join("comite.xlsx");
    std::fs::write(&other, "viejo").unwrap();
    let (code, _, stderr) = avance(&[
        "export",
        plan.to_str().unwrap(),
        "--format",
        "xlsx",
        "-o",
        other.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn the_window_does_not_export_over_the_open_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = save(dir.path(), "plan.ron", &avance::io::seed_plan());
    let original = std::fs::read(&plan).unwrap();
    let dialogs = crate::ui::ScriptedDialogs::default();
    let mut window = crate::ui::window(
        avance::view::Prefs::default(),
        Some(plan.clone()),
        dialogs.clone(),
    );
    dialogs.answer(Some(plan.clone()));
    window
        .state_mut()
        .run_command(avance::view::Command::Export);
    window.run();
    assert_eq!(std::fs::read(&plan).unwrap(), original);
    match window.state().dialog() {
        Some(avance::view::Dialog::ExportFailed { text, retry }) => {
            assert!(text.contains("No se exporta sobre el plan"), "{text}");
            assert_eq!(retry, &None, "trying again cannot help");
        }
        other => panic!("expected a message, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Random plans: whatever the figures and texts, export then import into the plan changes nothing.

/// Characters that have tripped spreadsheets and readers: separators, quotes, formula starts,
/// tags, Excel's escapes, control characters, accents and spaces.
const CHARS: &[char] = &[
    'a', 'b', 'x', 'Z', '0', '1', '4', '_', ' ', '\u{a0}', ';', ',', '"', '\'', '=', '+', '-', '@',
    '<', '>', '/', '%', '\n', '\t', '\r', '\u{0}', '\u{1b}', '\u{7f}', 'á', 'ñ', 'Ó', '€', '😀',
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(CHARS), 0..12).prop_map(String::from_iter)
}

/// A name or code that is never empty once trimmed (a prefix letter), so no row looks empty
/// or like a total.
fn label(prefix: &'static str) -> impl Strategy<Value = String> {
    text().prop_map(move |t| format!("{prefix}{t}"))
}

fn figure() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        4 => (-100_000i64..100_000, 0u32..4).prop_map(|(m, s)| Decimal::new(m, s)),
        2 => (any::<i64>(), 0u32..=20).prop_map(|(m, s)| Decimal::new(m, s)),
        1 => (any::<u32>(), any::<u32>(), 0u32..0x1000_0000, any::<bool>(), 0u32..=28)
            .prop_map(|(lo, mid, hi, negative, scale)| {
                Decimal::from_parts(lo, mid, hi, negative, scale)
            }),
        1 => Just(Decimal::from_str("33.3333333333333333333333333").unwrap()),
    ]
}

fn year() -> impl Strategy<Value = YearData> {
    (
        prop::option::of(figure()),
        prop::option::of(figure()),
        prop::collection::btree_map(1u8..=4, figure(), 0..4),
        prop::collection::btree_map(1u8..=4, text(), 0..3),
    )
        .prop_map(|(weight, programmed, executed, comments)| YearData {
            weight,
            programmed,
            executed: executed
                .into_iter()
                .map(|(n, v)| (Quarter::new(n).unwrap(), v))
                .collect(),
            comments: comments
                .into_iter()
                .map(|(n, c)| (Quarter::new(n).unwrap(), c))
                .collect(),
        })
}

fn indicator(period: Period) -> impl Strategy<Value = Indicator> {
    (
        // Few codes, so that codes repeat (and indicators without one share names).
        prop::option::of(prop::sample::select(vec!["1", "2", "N/A", " 7 "])),
        prop_oneof![label("I"), Just("Igual".to_owned())],
        prop_oneof![text(), Just("Secretaría General".to_owned())],
        prop::sample::select(Annualization::ALL.to_vec()),
        prop::option::of(prop::sample::select(IndicatorKind::ALL.to_vec())),
        text(),
        prop::option::of(figure()),
        prop::option::of(figure()),
        prop::collection::btree_map(period.first..=period.last, year(), 0..3),
    )
        .prop_map(
            |(code, name, entity, annualization, kind, unit, baseline, declared_total, years)| {
                Indicator {
                    code: code.map(str::to_owned),
                    name,
                    entity,
                    annualization,
                    kind,
                    unit,
                    baseline,
                    declared_total,
                    years,
                }
            },
        )
}

fn plan() -> impl Strategy<Value = (Plan, Cut)> {
    (2020u16..=2022, 0u16..4)
        .prop_flat_map(|(first, length)| {
            let period = Period {
                first,
                last: first + length,
            };
            let meta = (
                prop::sample::select(vec!["META 1", "META 2", "M<b>3</b>", ""]),
                text(),
                prop::collection::vec(indicator(period), 0..4),
            )
                .prop_map(|(code, name, indicators)| Meta {
                    code: code.to_owned(),
                    name,
                    indicators,
                });
            (
                Just(period),
                prop::collection::vec(prop::collection::vec(meta, 0..3), 5),
                period.first..=period.last,
                1u8..=4,
            )
        })
        .prop_map(|(period, metas, vigencia, quarter)| {
            let mut plan = Plan::new("Plan al azar", period);
            for (objective, metas) in plan.objectives.iter_mut().zip(metas) {
                objective.metas = metas;
            }
            (plan, Cut::new(vigencia, Quarter::new(quarter).unwrap()))
        })
}

/// The plan exported at `cut` as `format`, imported into itself.
fn exported_and_imported(plan: &Plan, cut: Cut, format: ExportFormat) -> Plan {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("copia.{}", format.extension()));
    let bytes = match format {
        ExportFormat::Xlsx => to_xlsx(plan, cut).unwrap(),
        ExportFormat::Csv => to_csv(plan, cut).into_bytes(),
    };
    std::fs::write(&path, bytes).unwrap();
    match ImportRequest::new(&path).run_into(plan) {
        Ok(imported) => imported.plan,
        Err(e) => panic!("{}", e.message(avance::model::Language::Es)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_plan_exported_and_imported_into_itself_is_identical((plan, cut) in plan()) {
        for format in ExportFormat::ALL {
            let back = exported_and_imported(&plan, cut, format);
            let diff = PlanDiff::new(&plan, &back, cut);
            prop_assert!(
                diff.is_identical(),
                "{format:?} at {cut}: {:?}",
                diff.changes
            );
            prop_assert_eq!(&back, &plan);
        }
    }
}
