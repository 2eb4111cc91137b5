//! Committee mode: full-screen slides driven by the keys a presenter uses, the semáforo's
//! thresholds edited in the window, the quarterly trend, and the briefing pack written by
//! `avance slides` (PNG and PDF), headless.

use std::path::Path;

use avance::app::AvanceApp;
use avance::io::{plan_file, seed_plan};
use avance::model::edit::{Edit, Figure, IndicatorPath};
use avance::model::{Cut, Plan, PlanProgress, Quarter, TrafficLight, TrafficLights};
use avance::view::Prefs;
use avance::view::slides::{ObjectiveSlide, Slide, SlideContent, SlideOrder};
use egui::{Key, Modifiers, ViewportCommand, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rust_decimal::Decimal;

use crate::ui::{ScriptedDialogs, harness, press, type_in_cell};

/// The seed's objective 3 as its slides list them, with their names.
const OBJECTIVE_3_NAMES: [&str; 3] = [
    "Número de estrategias para el posicionamiento",
    "Porcentaje de avance en la implementación de estrategias",
    "Porcentaje de lineamientos distritales",
];

fn q(n: u8) -> Quarter {
    Quarter::new(n).unwrap()
}

fn at(objective: usize, meta: usize, indicator: usize) -> IndicatorPath {
    IndicatorPath {
        objective,
        meta,
        indicator,
    }
}

/// The window on `plan`, saved to a file first (as an officer opens one).
fn harness_on(plan: &Plan, dir: &Path) -> Harness<'static, AvanceApp> {
    let path = dir.join("plan.ron");
    plan_file::save(plan, &path).unwrap();
    crate::ui::window(Prefs::default(), Some(path), ScriptedDialogs::default())
}

/// Presses `key` and runs frame by frame, collecting the window commands the app sent.
fn press_collecting(harness: &mut Harness<'_, AvanceApp>, key: Key) -> Vec<ViewportCommand> {
    let mut sent = Vec::new();
    for frame in 0..4 {
        if frame < 2 {
            harness.event(egui::Event::Key {
                key,
                physical_key: None,
                pressed: frame == 0,
                repeat: false,
                modifiers: Modifiers::NONE,
            });
        }
        // One event a frame: each frame's output is looked at before the next.
        harness.step();
        if let Some(root) = harness.output().viewport_output.get(&ViewportId::ROOT) {
            sent.extend(root.commands.iter().cloned());
        }
    }
    harness.run();
    sent
}

fn objective_slide(harness: &Harness<'_, AvanceApp>) -> ObjectiveSlide {
    match harness.state().slide().map(|s| s.content) {
        Some(SlideContent::Objective(o)) => o,
        other => panic!("not an objective's slide: {other:?}"),
    }
}

#[test]
fn f5_fills_the_screen_with_the_plan_slide_and_no_menu_and_esc_gives_the_window_back() {
    let mut harness = harness();
    assert!(harness.query_by_label("Archivo").is_some());
    let sent = press_collecting(&mut harness, Key::F5);
    assert!(
        sent.contains(&ViewportCommand::Fullscreen(true)),
        "full screen asked: {sent:?}"
    );
    assert!(harness.query_by_label("Archivo").is_none(), "no menu");
    assert!(
        harness.query_by_label("Plan y entidades").is_none(),
        "no tree"
    );
    let slide = harness.state().slide().expect("a slide on screen");
    assert!(matches!(slide.content, SlideContent::Plan(_)));
    harness.get_by_label("Avance al corte 31/03/2022");
    harness.get_by_label("50,24\u{a0}%");
    harness.get_by_label("24,15\u{a0}%");
    harness.get_by_label("rojo < 50\u{a0}%");
    assert!(
        harness
            .query_all_by_label("sin indicadores programados en 2022")
            .count()
            >= 3,
        "objectives 1, 4 and 5 say why they have no figure"
    );
    let sent = press_collecting(&mut harness, Key::Escape);
    assert!(sent.contains(&ViewportCommand::Fullscreen(false)));
    assert!(!harness.state().view().presenting);
    harness.get_by_label("Archivo");
}

#[test]
fn arrows_reach_objective_3_with_24_15_and_its_indicators_and_the_keys_move_between_slides() {
    let mut harness = harness();
    press(&mut harness, Modifiers::NONE, Key::F5);
    for _ in 0..3 {
        press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    }
    let slide = objective_slide(&harness);
    assert_eq!(slide.number, 3);
    assert_eq!(slide.indicators.len(), 7);
    harness.get_by_label("Objetivo 3");
    // The large figure, and the trend's last point.
    assert_eq!(harness.query_all_by_label("24,15\u{a0}%").count(), 2);
    for name in OBJECTIVE_3_NAMES {
        assert!(
            harness.query_by_label_contains(name).is_some(),
            "indicator name on the slide: {name}"
        );
    }
    // Comments of the indicators under red: none written in the seed.
    assert_eq!(
        harness
            .query_all_by_label_contains("sin comentario")
            .count(),
        5
    );
    press(&mut harness, Modifiers::NONE, Key::PageUp);
    assert_eq!(objective_slide(&harness).number, 2);
    press(&mut harness, Modifiers::NONE, Key::Space);
    press(&mut harness, Modifiers::NONE, Key::PageDown);
    assert_eq!(objective_slide(&harness).number, 4);
    press(&mut harness, Modifiers::NONE, Key::Num2);
    assert_eq!(objective_slide(&harness).number, 2);
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    assert!(matches!(
        harness.state().slide().unwrap().content,
        SlideContent::Plan(_)
    ));
    press(&mut harness, Modifiers::NONE, Key::End);
    assert_eq!(objective_slide(&harness).number, 5);
}

#[test]
fn thresholds_20_60_125_turn_objective_3_yellow_and_one_undo_gives_red_back() {
    let mut harness = harness();
    let light_3 = |h: &Harness<'_, AvanceApp>| h.state().chart_data().objectives[2].light;
    assert_eq!(light_3(&harness), Some(TrafficLight::Red));
    harness.get_by_label("Plan y entidades").click();
    harness.run();
    type_in_cell(&mut harness, "Rojo por debajo de (%)", "20");
    type_in_cell(&mut harness, "Amarillo por debajo de (%)", "60");
    type_in_cell(&mut harness, "Verde hasta (%)", "125");
    harness.get_by_label("Aplicar semáforo").click();
    harness.run();
    let lights = harness.state().plan().settings.traffic_lights;
    assert_eq!(
        lights,
        TrafficLights {
            red_below: Decimal::from(20),
            yellow_below: Decimal::from(60),
            green_up_to: Decimal::from(125),
        }
    );
    assert_eq!(light_3(&harness), Some(TrafficLight::Yellow));
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().plan().settings.traffic_lights,
        TrafficLights::default()
    );
    assert_eq!(light_3(&harness), Some(TrafficLight::Red));
    harness.get_by_label("Rojo por debajo de (%)");
    assert!(
        harness.query_by_label("20").is_none(),
        "the form shows the plan's again"
    );
}

#[test]
fn thresholds_typed_and_not_applied_are_saved_with_ctrl_s() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_on(&seed_plan(), dir.path());
    harness.get_by_label("Plan y entidades").click();
    harness.run();
    // Typed, no Enter, no Aplicar: the form shows 20, so the file must get 20.
    type_in_cell(&mut harness, "Rojo por debajo de (%)", "20");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    let saved = plan_file::open(&dir.path().join("plan.ron")).unwrap().plan;
    assert_eq!(
        saved.settings.traffic_lights.red_below,
        Decimal::from(20),
        "what the form showed is what the file got"
    );
    assert!(!harness.state().title().contains("•"), "saved");
    // A threshold that cannot be applied is not saved: saving asks first, and until the
    // officer chooses it stays in the form with its reason.
    // (Reached again from the next field: the focus never left it, so a click alone would
    // put the caret in it.)
    harness.get_by_label("Amarillo por debajo de (%)").click();
    harness.run();
    type_in_cell(&mut harness, "Rojo por debajo de (%)", "-5");
    // Saving asks first, naming the threshold and what the file keeps.
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label_contains("Rojo por debajo de (%): «-5» no se aceptó; se guarda 20,00");
    harness.get_by_label("Corregir").click();
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("debe ser mayor que 0")
            .count()
            >= 1,
        "the form still says why"
    );
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("Guardar sin ese texto").click();
    harness.run();
    let saved = plan_file::open(&dir.path().join("plan.ron")).unwrap().plan;
    assert_eq!(saved.settings.traffic_lights.red_below, Decimal::from(20));
    assert_eq!(
        harness
            .query_all_by_label_contains("debe ser mayor que 0")
            .count(),
        0
    );
}

#[test]
fn thresholds_out_of_order_are_refused_with_a_reason() {
    let mut harness = harness();
    harness.get_by_label("Plan y entidades").click();
    harness.run();
    type_in_cell(&mut harness, "Amarillo por debajo de (%)", "40");
    harness.get_by_label("El umbral del rojo debe ser menor que el del amarillo.");
    harness.get_by_label("Aplicar semáforo").click();
    harness.run();
    assert_eq!(
        harness.state().plan().settings.traffic_lights,
        TrafficLights::default()
    );
}

#[test]
fn a_q1_cut_with_q2_data_shows_q1_figures_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = seed_plan();
    // 543 (suma, programmed 24): 6 in Q1; 18 more in Q2 would make it 100 %.
    plan.apply(Edit::Figure {
        at: at(2, 1, 0),
        vigencia: 2022,
        figure: Figure::Executed(q(2)),
        value: Some(Decimal::from(18)),
    })
    .unwrap();
    assert_eq!(plan.cut, Cut::new(2022, q(1)));
    let mut harness = harness_on(&plan, dir.path());
    press(&mut harness, Modifiers::NONE, Key::F5);
    press(&mut harness, Modifiers::NONE, Key::Num3);
    let slide = objective_slide(&harness);
    assert_eq!(slide.value, Some(Decimal::new(2415, 2)));
    let i543 = slide.indicators.iter().find(|i| i.code == "543").unwrap();
    assert_eq!(i543.executed, Some(Decimal::from(6)));
    assert_eq!(i543.value, Some(Decimal::from(25)));
    assert_eq!(
        slide.trend.last().map(|p| p.cut),
        Some(Cut::new(2022, q(1))),
        "the trend stops at the cut"
    );
    assert_eq!(harness.query_all_by_label("24,15\u{a0}%").count(), 2);
    harness.get_by_label("25,00\u{a0}%");
    assert!(harness.query_by_label("100,00\u{a0}%").is_none());
}

#[test]
fn the_trend_gives_each_quarter_as_if_it_were_the_cut() {
    let mut plan = seed_plan();
    plan.apply(Edit::Figure {
        at: at(2, 1, 0),
        vigencia: 2022,
        figure: Figure::Executed(q(2)),
        value: Some(Decimal::from(18)),
    })
    .unwrap();
    let cut = Cut::new(2022, q(2));
    let progress = PlanProgress::compute(&plan, cut);
    let slides = Slide::deck(&plan, &progress, SlideOrder::Plan, plan.settings.language);
    let SlideContent::Objective(o3) = &slides[3].content else {
        panic!("slide 4 is objective 3's");
    };
    let trend: Vec<(Cut, Option<Decimal>)> = o3.trend.iter().map(|p| (p.cut, p.value)).collect();
    let q1 = PlanProgress::compute(&plan, Cut::new(2022, q(1)))
        .objective(3)
        .and_then(|o| o.progress());
    assert_eq!(q1, Some(Decimal::new(2415, 2)));
    assert_eq!(
        trend[trend.len() - 2..],
        [
            (Cut::new(2022, q(1)), q1),
            (cut, progress.objective(3).and_then(|o| o.progress()))
        ]
    );
    // Earlier vigencias: their year-end, first to last.
    assert_eq!(trend[0].0, Cut::new(2020, q(4)));
    assert_eq!(trend[1].0, Cut::new(2021, q(4)));
    assert_eq!(trend.len(), 4);
}

#[test]
fn an_outlier_is_drawn_to_the_axis_end_with_its_figure_and_the_other_bars_keep_their_length() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = seed_plan();
    // 644: 2 750 executed of 100 programmed.
    plan.apply(Edit::Figure {
        at: at(2, 0, 3),
        vigencia: 2022,
        figure: Figure::Executed(q(1)),
        value: Some(Decimal::from(2750)),
    })
    .unwrap();
    let mut harness = harness_on(&plan, dir.path());
    crate::ui::select_objective(&mut harness, 3);
    // The main window's chart: the bar stops at the axis' end.
    let bars = &harness.state().chart_data().indicators;
    let outlier = bars.iter().find(|b| b.label == "644").unwrap();
    assert!(outlier.beyond_axis());
    assert!(outlier.drawn_height().unwrap() <= 150.0);
    press(&mut harness, Modifiers::NONE, Key::F5);
    press(&mut harness, Modifiers::NONE, Key::Num3);
    let slide = objective_slide(&harness);
    assert!(
        slide.axis.max <= 150.0,
        "axis stops at 150 %: {:?}",
        slide.axis
    );
    assert!(slide.axis.beyond(2750.0));
    // 464 at 50 % keeps a third of the bars' width, not a sliver.
    assert!((slide.axis.fraction(50.0) - 1.0 / 3.0).abs() < 1e-6);
    // Its real figure, and what the objective's average counts: the cap.
    harness.get_by_label("2.750,00\u{a0}% (100)");
    harness.get_by_label("Avance (cuenta)");
}

#[test]
fn an_objective_with_more_indicators_than_fit_gets_pages() {
    let mut plan = seed_plan();
    let objective = &mut plan.objectives[3];
    objective.metas.push(avance::model::Meta {
        code: "META 9".into(),
        name: String::new(),
        indicators: (0..40)
            .map(|i| avance::model::Indicator {
                code: Some(format!("9{i:02}")),
                name: format!("Indicador de prueba {i}"),
                ..Default::default()
            })
            .collect(),
    });
    let progress = PlanProgress::compute(&plan, plan.cut);
    let slides = Slide::deck(&plan, &progress, SlideOrder::Plan, plan.settings.language);
    let pages: Vec<&ObjectiveSlide> = slides
        .iter()
        .filter_map(|s| match &s.content {
            SlideContent::Objective(o) if o.number == 4 => Some(o),
            _ => None,
        })
        .collect();
    assert_eq!(pages.len(), 3);
    assert_eq!(
        pages.iter().map(|p| p.indicators.len()).collect::<Vec<_>>(),
        [15, 15, 10]
    );
    assert_eq!(slides.len(), 8);
    assert_eq!(
        slides[6].file_stem(plan.settings.language),
        "07-objetivo-4-p3-2022T1"
    );
}

#[test]
fn lowest_first_puts_the_lagging_indicators_on_top() {
    let plan = seed_plan();
    let progress = PlanProgress::compute(&plan, plan.cut);
    let slides = Slide::deck(
        &plan,
        &progress,
        SlideOrder::LowestFirst,
        plan.settings.language,
    );
    let SlideContent::Objective(o3) = &slides[3].content else {
        panic!("objective 3");
    };
    let codes: Vec<&str> = o3.indicators.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["465", "466", "555", "644", "543", "464", "554"]);
}

#[test]
fn archivo_exportar_presentacion_writes_the_pack_in_the_folder_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("comite 2022T1");
    let dialogs = ScriptedDialogs::default();
    dialogs.answer(Some(folder.clone()));
    let mut harness = crate::ui::harness_with(dialogs);
    harness.get_by_label("Archivo").click();
    harness.run();
    harness.get_by_label("Exportar presentación…").click();
    harness.run();
    // Drawn beside the window: it says so, and stays usable meanwhile.
    harness.get_by_label_contains("Exportando la presentación");
    for _ in 0..600 {
        if harness.query_by_label("Presentación exportada").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        harness.step();
    }
    for name in [
        "01-plan-2022T1.png",
        "04-objetivo-3-2022T1.png",
        "presentacion-2022T1.pdf",
    ] {
        assert!(folder.join(name).is_file(), "{name} written");
    }
    harness.get_by_label("Presentación exportada");
}

#[test]
fn the_indicators_chart_of_the_window_pages_many_indicators_and_can_put_the_lowest_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = seed_plan();
    plan.objectives[2].metas.push(avance::model::Meta {
        code: "META 9".into(),
        name: String::new(),
        indicators: (0..33)
            .map(|i| avance::model::Indicator {
                code: Some(format!("9{i:02}")),
                name: format!("Indicador de prueba {i}"),
                ..Default::default()
            })
            .collect(),
    });
    let mut harness = harness_on(&plan, dir.path());
    crate::ui::select_objective(&mut harness, 3);
    let chart = harness.state().chart_data();
    assert_eq!(
        (chart.indicators.len(), chart.pages, chart.indicator_count),
        (15, 3, 40)
    );
    assert_eq!(chart.indicators[0].label, "464");
    harness.get_by_label(">").click();
    harness.run();
    assert_eq!(harness.state().chart_data().page, 1);
    harness.get_by_label("página 2 de 3");
    harness.get_by_label("Orden: del plan").click();
    harness.run();
    let chart = harness.state().chart_data();
    assert_eq!(chart.page, 0, "a new order starts at its first page");
    assert_eq!(chart.indicators[0].label, "465", "the lowest first");
}

/// The page count a PDF's page tree declares, and the pages it holds.
fn pdf_pages(bytes: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(bytes);
    let count = text
        .split("/Type/Pages/Count ")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let pages = text.matches("/Type/Page/").count();
    (count, pages)
}

#[test]
fn avance_slides_writes_a_png_per_slide_at_1920x1080_and_a_pdf_with_as_many_pages() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("comite");
    let plan = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plans/gestion_publica_2022.ron"
    );
    let out_text = out.to_str().unwrap();
    let (code, stdout, stderr) =
        crate::avance(&["slides", plan, "-o", out_text, "--cut", "2022-Q1"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("6 diapositivas"), "{stdout}");
    let mut pngs: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".png"))
        .collect();
    pngs.sort();
    assert_eq!(
        pngs,
        [
            "01-plan-2022T1.png",
            "02-objetivo-1-2022T1.png",
            "03-objetivo-2-2022T1.png",
            "04-objetivo-3-2022T1.png",
            "05-objetivo-4-2022T1.png",
            "06-objetivo-5-2022T1.png",
        ]
    );
    for name in &pngs {
        let file = std::fs::File::open(out.join(name)).unwrap();
        let mut reader = png::Decoder::new(std::io::BufReader::new(file))
            .read_info()
            .unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let frame = reader.next_frame(&mut pixels).unwrap();
        assert_eq!((frame.width, frame.height), (1920, 1080), "{name}");
        // Not a blank page: the slide's text is drawn (dark pixels on the white slide).
        let dark = pixels.chunks_exact(4).filter(|p| p[0] < 80).count();
        assert!(dark > 2000, "{name} has text ({dark} dark pixels)");
    }
    let pdf = std::fs::read(out.join("presentacion-2022T1.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(pdf_pages(&pdf), (6, 6));

    // Again: nothing replaced without --force.
    let (code, _, stderr) = crate::avance(&["slides", plan, "-o", out_text]);
    assert_eq!(code, 2);
    assert!(stderr.contains("ya existe"), "{stderr}");
    let (code, _, stderr) =
        crate::avance(&["slides", plan, "-o", out_text, "--format", "pdf", "--force"]);
    assert_eq!(code, 0, "{stderr}");

    // --force with one slide read-only: nothing is replaced (never half a new pack).
    let locked = out.join("04-objetivo-3-2022T1.png");
    let mut permissions = std::fs::metadata(&locked).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&locked, permissions).unwrap();
    let first = std::fs::read(out.join("01-plan-2022T1.png")).unwrap();
    let (code, _, stderr) = crate::avance(&[
        "slides", plan, "-o", out_text, "--size", "1366x768", "--force",
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("04-objetivo-3-2022T1.png"), "{stderr}");
    assert_eq!(
        std::fs::read(out.join("01-plan-2022T1.png")).unwrap(),
        first,
        "the first slide was not replaced either"
    );
}

/// Every file of a folder, by name, with its bytes.
fn files_in(folder: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap_or_default())
        })
        .collect();
    files.sort();
    files
}

/// A full disk while `slides --force` writes the PDF, after the PNGs: files are limited to
/// `max_bytes` (RLIMIT_FSIZE, the signal it raises ignored, so a write fails as on a full disk).
#[cfg(unix)]
fn slides_with_files_up_to(max_bytes: u64, args: &[&str]) -> (i32, String) {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; exec prlimit --fsize=\"$0\" \"$@\"")
        .arg(max_bytes.to_string())
        .arg(env!("CARGO_BIN_EXE_avance"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[cfg(unix)]
#[test]
fn a_pack_that_cannot_be_written_whole_leaves_the_previous_pack_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let plan = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plans/gestion_publica_2022.ron"
    );
    // How large the new pack's files are.
    let trial = dir.path().join("prueba");
    let trial_text = trial.to_str().unwrap();
    let (code, _, err) = crate::avance(&["slides", plan, "-o", trial_text, "--size", "1366x768"]);
    assert_eq!(code, 0, "{err}");
    let sizes = files_in(&trial);
    let largest_png = sizes
        .iter()
        .filter(|(name, _)| name.ends_with(".png"))
        .map(|(_, bytes)| bytes.len() as u64)
        .max()
        .unwrap();
    let pdf = sizes
        .iter()
        .find(|(n, _)| n.ends_with(".pdf"))
        .unwrap()
        .1
        .len() as u64;
    // Text and shapes, not pictures: the whole deck is smaller than one slide's PNG (it was
    // twice the largest PNG when its pages were images).
    assert!(
        pdf < largest_png,
        "the PDF ({pdf} bytes) is smaller than a PNG ({largest_png})"
    );
    let largest_name = sizes
        .iter()
        .find(|(name, bytes)| name.ends_with(".png") && bytes.len() as u64 == largest_png)
        .unwrap()
        .0
        .clone();

    // The previous pack, at another size.
    let out = dir.path().join("comite");
    let out_text = out.to_str().unwrap();
    let (code, _, err) = crate::avance(&["slides", plan, "-o", out_text]);
    assert_eq!(code, 0, "{err}");
    std::fs::write(out.join("acta.txt"), b"notas del comite").unwrap();
    let before = files_in(&out);

    // The disk fills up while the largest slide is written: the PNGs before it fit, it does not.
    let (code, err) = slides_with_files_up_to(
        largest_png - 1,
        &[
            "slides", plan, "-o", out_text, "--size", "1366x768", "--force",
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains(&largest_name), "names what failed: {err}");
    assert!(err.contains("quedaron como estaban"), "{err}");
    assert_eq!(
        files_in(&out),
        before,
        "no new PNG beside the old PDF: the folder is as it was"
    );
    let beside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        beside.len(),
        2,
        "nothing left beside the folder: {beside:?}"
    );

    // With room, the same command replaces the pack and leaves the other files.
    let (code, _, err) = crate::avance(&[
        "slides", plan, "-o", out_text, "--size", "1366x768", "--force",
    ]);
    assert_eq!(code, 0, "{err}");
    let after = files_in(&out);
    let mut expected = sizes.clone();
    expected.push(("acta.txt".into(), b"notas del comite".to_vec()));
    expected.sort();
    assert_eq!(after, expected);
}

#[test]
fn a_new_pack_folder_appears_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("nueva").join("comite");
    let plan = seed_plan();
    let options = avance::briefing::PackOptions {
        size: [640, 360],
        ..avance::briefing::PackOptions::new(avance::model::Language::Es)
    };
    let pack = avance::briefing::write_pack(&plan, plan.cut, &out, &options).unwrap();
    assert_eq!(pack.slides, 6);
    assert_eq!(pack.pngs.len(), 6);
    assert!(pack.pdf.as_ref().unwrap().is_file());
    let names: Vec<String> = files_in(&out).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names.len(), 7, "{names:?}");
    let beside: Vec<_> = std::fs::read_dir(dir.path().join("nueva"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside, ["comite"]);
}

#[test]
fn the_figures_of_the_slides_are_those_of_avance_report_at_the_same_cut() {
    let plan_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plans/gestion_publica_2022.ron"
    );
    let (code, json, _) = crate::avance(&["report", plan_path, "--format", "json"]);
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let plan = seed_plan();
    let progress = PlanProgress::compute(&plan, plan.cut);
    let slides = Slide::deck(&plan, &progress, SlideOrder::Plan, plan.settings.language);
    let SlideContent::Plan(first) = &slides[0].content else {
        panic!("the first slide is the plan's");
    };
    let objectives = report["objectives"].as_array().unwrap();
    for (bar, row) in first.objectives.iter().zip(objectives) {
        let shown = bar.value.map(avance::model::format::fixed2);
        assert_eq!(
            shown.as_deref(),
            row["progress"].as_str(),
            "objective {}",
            bar.number
        );
    }
    for slide in &slides[1..] {
        let SlideContent::Objective(o) = &slide.content else {
            panic!("objective slides follow");
        };
        let row = &objectives[usize::from(o.number - 1)];
        // The diamond's legend: the objective's projection at the vigencia's end.
        assert_eq!(
            o.projected.map(avance::model::format::fixed2).as_deref(),
            row["projected"].as_str(),
            "objective {} projected",
            o.number
        );
        let indicators = row["indicators"].as_array().unwrap();
        for (bar, reported) in o.indicators.iter().zip(indicators) {
            let shown = bar.value.map(avance::model::format::fixed2);
            assert_eq!(
                shown.as_deref(),
                reported["progress"].as_str(),
                "{}",
                bar.code
            );
            // The diamond on the bar: where the current pace leads.
            assert_eq!(
                bar.projected.map(avance::model::format::fixed2).as_deref(),
                reported["projected"].as_str(),
                "{} projected",
                bar.code
            );
        }
        if o.number == 3 {
            let projected: Vec<_> = o.indicators.iter().map(|b| b.projected).collect();
            assert_eq!(
                projected[0],
                Some("200.00".parse().unwrap()),
                "464: 0,50 in T1 × 4"
            );
            assert_eq!(o.projected, Some("57.18".parse().unwrap()));
        }
    }
}

#[test]
fn a_file_whose_red_threshold_is_not_above_0_is_an_error_of_validate() {
    let mut plan = seed_plan();
    plan.settings.traffic_lights.red_below = Decimal::from(-5);
    let findings = avance::model::validation::validate(&plan);
    assert!(
        findings.iter().any(|f| matches!(
            f.problem,
            avance::model::validation::Problem::Thresholds(
                avance::model::ThresholdsOutOfOrder::RedNotAboveZero
            )
        ) && f.severity() == avance::model::validation::Severity::Error),
        "{findings:?}"
    );
}

#[test]
fn a_trend_point_without_a_figure_says_why() {
    let plan = seed_plan();
    let progress = PlanProgress::compute(&plan, plan.cut);
    let slides = Slide::deck(&plan, &progress, SlideOrder::Plan, plan.settings.language);
    let objective_3 = slides
        .iter()
        .find_map(|s| match &s.content {
            SlideContent::Objective(o) if o.number == 3 => Some(o),
            _ => None,
        })
        .unwrap();
    // 2020 and 2021 have programming but no weights: their year-ends are "—", and say so once.
    assert_eq!(
        objective_3.trend_notes,
        ["— 2020 T4, 2021 T4: sin ponderaciones asignadas"]
    );
}

#[test]
fn the_slide_on_screen_follows_an_undo_made_while_presenting() {
    let mut harness = harness();
    crate::ui::select_objective(&mut harness, 3);
    type_in_cell(&mut harness, "465 · ejecutado 2022 T1", "1");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, Modifiers::NONE, Key::F5);
    press(&mut harness, Modifiers::NONE, Key::Num3);
    let shown =
        |h: &Harness<'_, AvanceApp>| objective_slide(h).value.map(avance::model::format::fixed2);
    assert_eq!(shown(&harness).as_deref(), Some("27.15"));
    // The slide drawn is kept between frames, and made again when a figure changes.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(shown(&harness).as_deref(), Some("24.15"));
}

/// The committee asks why an indicator is low: a written reason is never the one hidden behind
/// "… y N más" while "sin comentario" lines take the room.
#[test]
fn a_written_reason_comes_before_the_indicators_without_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = seed_plan();
    let reason =
        "Retraso en la contratación; se recupera en el segundo trimestre con el nuevo equipo.";
    let at_644 = plan
        .indicator_paths(2)
        .into_iter()
        .find(|at| {
            plan.indicator(*at)
                .is_some_and(|i| i.code.as_deref() == Some("644"))
        })
        .unwrap();
    plan.apply(Edit::Comment {
        at: at_644,
        vigencia: 2022,
        quarter: q(1),
        text: reason.to_owned(),
    })
    .unwrap();
    let mut harness = harness_on(&plan, dir.path());
    press(&mut harness, Modifiers::NONE, Key::F5);
    press(&mut harness, Modifiers::NONE, Key::Num3);
    let slide = objective_slide(&harness);
    assert_eq!(slide.low.first().map(|l| l.code.as_str()), Some("644"));
    assert!(
        harness
            .query_by_label_contains("Retraso en la contratación")
            .is_some(),
        "the reason is on the slide"
    );
}

/// The strings of a PDF written as `<FEFF…>` (UTF-16, as krilla writes text that is not ASCII)
/// or `(…)` after `key`, decoded.
fn pdf_strings_after(bytes: &[u8], key: &str) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.split(key)
        .skip(1)
        .filter_map(|rest| {
            if let Some(hex) = rest.strip_prefix("<FEFF") {
                let hex = &hex[..hex.find('>')?];
                let units: Vec<u16> = (0..hex.len() / 4)
                    .filter_map(|i| u16::from_str_radix(&hex[4 * i..4 * i + 4], 16).ok())
                    .collect();
                Some(String::from_utf16_lossy(&units))
            } else {
                let literal = rest.strip_prefix('(')?;
                Some(literal[..literal.find(')')?].to_owned())
            }
        })
        .collect()
}

/// The text `pdftotext` finds on page `page` (1-based); `None` where poppler is not installed
/// (CI installs it: there it must be).
///
/// Under Windows (CI runs the suite under Wine) there is no Windows pdftotext: the PDF is
/// written by the same platform-independent code, and the Linux run reads it back.
fn pdftotext_page(pdf: &Path, page: usize) -> Option<String> {
    if cfg!(windows) {
        eprintln!("no pdftotext under Windows: the PDF's text is read back by the Linux run");
        return None;
    }
    let page = page.to_string();
    let out = std::process::Command::new("pdftotext")
        .args(["-f", &page, "-l", &page, "-layout"])
        .arg(pdf)
        .arg("-")
        .output();
    match out {
        // Figures are written with a no-break space before "%", which pdftotext gives as a
        // space: both are compared as spaces.
        Ok(out) if out.status.success() => Some(
            String::from_utf8(out.stdout)
                .unwrap()
                .replace('\u{a0}', " "),
        ),
        _ if std::env::var_os("CI").is_some() => panic!("pdftotext is missing in CI"),
        _ => {
            eprintln!("pdftotext is not installed: the PDF's text is not read back here");
            None
        }
    }
}

#[test]
fn the_pack_pdf_is_tagged_text_each_objective_with_its_figure_and_codes_on_its_page() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("comite");
    let plan = seed_plan();
    let options = avance::briefing::PackOptions {
        format: avance::briefing::PackFormat::Pdf,
        ..avance::briefing::PackOptions::new(avance::model::Language::Es)
    };
    let pack = avance::briefing::write_pack(&plan, plan.cut, &out, &options).unwrap();
    let pdf_path = pack.pdf.unwrap();
    let bytes = std::fs::read(&pdf_path).unwrap();
    // Tagged, in Spanish, titled, with an outline of the slides (krilla checked PDF/UA-1 as
    // it wrote it: a slide breaking its rules is refused, not written).
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("/Type/StructTreeRoot"), "tagged");
    assert!(text.contains("/MarkInfo<</Marked true"), "marked");
    assert!(text.contains("/Lang(es-CO)"), "in Spanish");
    assert!(text.contains("pdfuaid:part>1<"), "claims PDF/UA-1");
    let titles = pdf_strings_after(&bytes, "/Title");
    assert!(
        titles
            .iter()
            .any(|t| t == "Plan estratégico Sector Gestión Pública · 31/03/2022"),
        "{titles:?}"
    );
    assert!(titles.iter().any(|t| t == "Objetivo 3"), "{titles:?}");
    for kind in [
        "/S/H1",
        "/S/Table",
        "/S/TR",
        "/S/TH",
        "/S/TD",
        "/S/L",
        "/S/LI",
        "/S/Figure",
    ] {
        assert!(text.contains(kind), "{kind} in the structure");
    }
    // The trend's figure says its points in words.
    let alts: Vec<String> = pdf_strings_after(&bytes, "/Alt")
        .into_iter()
        .map(|a| a.replace('\u{a0}', " "))
        .collect();
    assert!(
        alts.iter().any(|a| a.starts_with("Avance por trimestre: ")
            && a.contains("2022 T1 24,15 %")
            && a.contains("2021 T4: sin ponderaciones asignadas")),
        "{alts:?}"
    );
    // Each objective's figure and its indicators' codes, on its own page.
    let progress = PlanProgress::compute(&plan, plan.cut);
    let deck = Slide::deck(
        &plan,
        &progress,
        SlideOrder::Plan,
        avance::model::Language::Es,
    );
    for (page, slide) in deck.iter().enumerate() {
        let Some(found) = pdftotext_page(&pdf_path, page + 1) else {
            return;
        };
        if let SlideContent::Objective(o) = &slide.content {
            let figure =
                avance::model::format::percent_or_dash(o.value, avance::model::Language::Es)
                    .replace('\u{a0}', " ");
            assert!(
                found.contains(&figure),
                "{figure} on page {}: {found}",
                page + 1
            );
            for bar in &o.indicators {
                assert!(
                    found.contains(&bar.code),
                    "{} on page {}",
                    bar.code,
                    page + 1
                );
            }
        }
    }
    let objective_3 = pdftotext_page(&pdf_path, 4).unwrap();
    assert!(objective_3.contains("24,15 %") && objective_3.contains("644"));
    assert!(objective_3.contains("Indicadores bajo 50 %: por qué"));
    assert!(!pdftotext_page(&pdf_path, 3).unwrap().contains("644"));
}

/// A notice drawn over the slide would cover its legend and number: while presenting it waits,
/// and shows (its full time) once the presentation ends.
#[test]
fn a_notice_waits_while_presenting_and_shows_when_the_presentation_ends() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_on(&seed_plan(), dir.path());
    press(&mut harness, Modifiers::NONE, Key::F5);
    assert!(harness.state().view().presenting);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.run();
    let notice = harness
        .state()
        .notice()
        .expect("the save's notice")
        .text
        .clone();
    assert!(notice.starts_with("Plan guardado en"), "{notice}");
    assert!(
        harness
            .query_by_label_contains("Plan guardado en")
            .is_none(),
        "not drawn over the slide"
    );
    assert!(
        harness.state().notice().unwrap().shown_since.is_none(),
        "its time has not started"
    );
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!harness.state().view().presenting);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Plan guardado en")
            .is_some()
    );
}

/// A comment of about 1 500 characters, its words numbered so none can be lost or repeated
/// unseen: "razón-1 razón-2 …".
fn long_comment() -> String {
    (1..=160)
        .map(|i| format!("razón-{i}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_long_reason_goes_on_whole_over_por_que_cont_slides_in_the_deck_the_keys_and_the_pack() {
    let mut plan = seed_plan();
    let comment = long_comment();
    assert!(comment.chars().count() > 1_400);
    let indicator = plan.objectives[2]
        .metas
        .iter_mut()
        .flat_map(|m| m.indicators.iter_mut())
        .find(|i| i.code.as_deref() == Some("465"))
        .unwrap();
    indicator
        .year_mut(2022)
        .comments
        .insert(Quarter::ALL[0], comment.clone());
    let progress = PlanProgress::compute(&plan, plan.cut);
    let deck = Slide::deck(
        &plan,
        &progress,
        SlideOrder::Plan,
        avance::model::Language::Es,
    );
    // The plan, objectives 1 to 3, objective 3's "por qué (cont.)", objectives 4 and 5.
    let stems: Vec<String> = deck
        .iter()
        .map(|s| s.file_stem(avance::model::Language::Es))
        .collect();
    assert_eq!(
        stems,
        [
            "01-plan-2022T1",
            "02-objetivo-1-2022T1",
            "03-objetivo-2-2022T1",
            "04-objetivo-3-2022T1",
            "05-objetivo-3-porque-2022T1",
            "06-objetivo-4-2022T1",
            "07-objetivo-5-2022T1"
        ]
    );
    assert_eq!(
        avance::view::slides::file_stems(
            &plan,
            &progress,
            SlideOrder::Plan,
            avance::model::Language::Es
        ),
        stems
    );
    let SlideContent::Objective(three) = &deck[3].content else {
        panic!("objective 3's slide");
    };
    assert!(three.reasons_continue);
    // Every word of the comment once, in order, over the continuation; the other reasons too.
    let SlideContent::Reasons(reasons) = &deck[4].content else {
        panic!("por qué (cont.)");
    };
    let said: Vec<&str> = reasons
        .reasons
        .iter()
        .filter(|r| r.code == "465")
        .flat_map(|r| r.comment.as_deref().unwrap_or_default().split_whitespace())
        .map(|w| w.trim_matches('…'))
        .collect();
    let words: Vec<&str> = comment.split_whitespace().collect();
    assert_eq!(said, words);
    let codes: Vec<&str> = reasons.reasons.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["465", "466", "644", "543", "555"]);
    // Keys still reach each objective's first slide: 4 is after the continuation.
    assert_eq!(
        avance::view::slides::first_slide_of_objective(&plan, &progress, SlideOrder::Plan, 4),
        Some(5)
    );
    // Without the long comment the seed's deck has no continuation.
    let seed = seed_plan();
    let seed_progress = PlanProgress::compute(&seed, seed.cut);
    let seed_deck = Slide::deck(
        &seed,
        &seed_progress,
        SlideOrder::Plan,
        avance::model::Language::Es,
    );
    assert_eq!(seed_deck.len(), 6);

    // The pack: a PNG for the continuation, and the PDF's page has the comment's last words.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("comite");
    let options = avance::briefing::PackOptions::new(avance::model::Language::Es);
    let pack = avance::briefing::write_pack(&plan, plan.cut, &out, &options).unwrap();
    assert!(out.join("05-objetivo-3-porque-2022T1.png").is_file());
    assert!(out.join("07-objetivo-5-2022T1.png").is_file());
    if let Some(text) = pdftotext_page(&pack.pdf.unwrap(), 5) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains("(cont.)"), "{text}");
        assert!(text.contains("razón-160"), "{text}");
        assert!(text.contains("razón-1 razón-2"), "{text}");
    }
}

#[test]
fn a_comment_longer_than_a_slide_is_cut_between_words_and_goes_on_over_the_next() {
    use avance::view::slides::{LowIndicator, continued_reasons};
    let comment = (1..=600)
        .map(|i| format!("w{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    let low = vec![
        LowIndicator {
            code: "1".into(),
            value: None,
            comment: None,
        },
        LowIndicator {
            code: "2".into(),
            value: Some(Decimal::ZERO),
            comment: Some(comment.clone()),
        },
    ];
    let parts = continued_reasons(&low);
    assert!(parts.len() >= 2, "{} parts", parts.len());
    let said: Vec<String> = parts
        .iter()
        .flatten()
        .filter(|r| r.code == "2")
        .flat_map(|r| {
            r.comment
                .clone()
                .unwrap_or_default()
                .split_whitespace()
                .map(|w| w.trim_matches('…').to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    let words: Vec<String> = comment.split_whitespace().map(str::to_owned).collect();
    assert_eq!(said, words);
    // A reason without comment stays whole, first.
    assert_eq!(parts[0][0].code, "1");
    // Short reasons fit beside the bars: no continuation.
    assert!(continued_reasons(&low[..1]).is_empty());
    // One endless word cannot be cut between words: it gets a slide of its own.
    let endless = LowIndicator {
        code: "3".into(),
        value: None,
        comment: Some("x".repeat(5_000)),
    };
    let parts = continued_reasons(&[low[0].clone(), endless.clone(), low[0].clone()]);
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[1], [endless]);
}
