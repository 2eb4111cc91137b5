//! The window on the officers' laptops: 1920×1080 at 150 % gives it 1280×720 points, 1366×768
//! at 125 % gives 1093×614. What an officer works with at a cut is whole on screen there.

use avance::app::AvanceApp;
use avance::view::Prefs;
use egui::{Key, Modifiers, Rect, Vec2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::ui::{ScriptedDialogs, press, select_objective, window_sized};

/// The window at `size` on the seed, objective 3 selected, as at a first start (the welcome
/// line on screen too).
fn objective_3_at(size: Vec2) -> Harness<'static, AvanceApp> {
    let mut harness = window_sized(Prefs::default(), None, ScriptedDialogs::default(), size);
    select_objective(&mut harness, 3);
    harness
}

/// Where the node labelled `label` that lies in the row spanning `row` is drawn.
fn in_row(harness: &Harness<'_, AvanceApp>, label: &str, row: Rect) -> Rect {
    harness
        .query_all_by_label(label)
        .map(|n| n.rect())
        .find(|r| (r.center().y - row.center().y).abs() < row.height() / 2.0)
        .unwrap_or_else(|| panic!("no «{label}» in the row at {row:?}"))
}

/// Indicator 644's T1, Al corte, Avance and Nota cells and the grid's Total are inside the
/// window and above the charts (nothing to scroll to reach them), and the charts keep room.
fn the_working_columns_and_the_total_are_on_screen(size: Vec2) {
    let harness = objective_3_at(size);
    working_columns_on_screen(&harness, size, "19,00", "19,00\u{a0}%");
}

/// [`the_working_columns_and_the_total_are_on_screen`] for a window already open, 644's
/// figure at the cut reading `at_cut` and its avance `avance`.
fn working_columns_on_screen(
    harness: &Harness<'_, AvanceApp>,
    size: Vec2,
    at_cut: &str,
    avance: &str,
) {
    let screen = Rect::from_min_size(egui::Pos2::ZERO, size);
    let t1 = harness.get_by_label("644 · ejecutado 2022 T1").rect();
    let cells = [
        (
            "644 · ponderación 2022",
            harness.get_by_label("644 · ponderación 2022").rect(),
        ),
        ("T1", t1),
        ("T4", harness.get_by_label("644 · ejecutado 2022 T4").rect()),
        ("Al corte", in_row(harness, at_cut, t1)),
        ("Avance", in_row(harness, avance, t1)),
        ("Nota", harness.get_by_label("644 · Comentario").rect()),
    ];
    // The footer's "Total" is the lowest of the grid's two (the programming total's heading
    // is the other).
    let total = harness
        .query_all_by_label("Total")
        .map(|n| n.rect())
        .max_by(|a, b| a.top().total_cmp(&b.top()))
        .expect("the grid's total row");
    let charts = harness
        .get_by_label_contains("Avance por objetivo · corte")
        .rect();
    for (name, rect) in cells.into_iter().chain([("Total", total)]) {
        assert!(
            screen.contains_rect(rect),
            "at {size:?}, {name} is off screen: {rect:?}"
        );
        assert!(
            rect.bottom() <= charts.top(),
            "at {size:?}, {name} is under the charts: {rect:?}, charts from {}",
            charts.top()
        );
    }
    let findings = harness.get_by_label("Validación").rect();
    assert!(
        findings.top() - charts.top() >= 150.0,
        "at {size:?}, the charts keep room to read: {} points",
        findings.top() - charts.top()
    );
}

#[test]
fn at_1280_by_720_points_objective_3_works_without_scrolling() {
    the_working_columns_and_the_total_are_on_screen(vec2(1280.0, 720.0));
}

#[test]
fn at_1093_by_614_points_objective_3_works_without_scrolling() {
    the_working_columns_and_the_total_are_on_screen(vec2(1093.0, 614.0));
}

#[test]
fn reaching_the_programming_keeps_meta_code_and_name_in_view_as_frozen_panes() {
    let size = vec2(1093.0, 614.0);
    let mut harness = objective_3_at(size);
    harness.get_by_label("644 · ejecutado 2022 T1").click();
    harness.run();
    // End goes to the unit; the programming is left of the línea base and the type.
    press(&mut harness, Modifiers::NONE, Key::End);
    for _ in 0..3 {
        press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    }
    let cell = harness.get_by_label("644 · programación 2024");
    assert!(cell.is_focused());
    let cell = cell.rect();
    let screen = Rect::from_min_size(egui::Pos2::ZERO, size);
    assert!(
        screen.contains_rect(cell),
        "the cell reached is on screen: {cell:?}"
    );
    let code = harness.get_by_label("644 · código").rect();
    let meta = in_row(&harness, "META SECTORIAL 431", cell);
    for (name, rect) in [("code", code), ("meta", meta)] {
        assert!(
            screen.contains_rect(rect) && rect.right() < cell.left(),
            "the {name} stays in view, left of the figures: {rect:?}"
        );
    }
    // The weight went out of view, under the frozen pane; Home (the row's code) brings it
    // back.
    let weight = harness.get_by_label("644 · ponderación 2022").rect();
    assert!(weight.left() < code.right(), "{weight:?}");
    press(&mut harness, Modifiers::NONE, Key::Home);
    assert!(harness.get_by_label("644 · código").is_focused());
    let weight = harness.get_by_label("644 · ponderación 2022").rect();
    assert!(weight.left() > code.right(), "{weight:?}");
}

#[test]
fn widths_remembered_on_a_large_monitor_still_fit_a_laptop() {
    let mut harness = objective_3_at(vec2(1920.0, 1080.0));
    harness.set_size(vec2(1093.0, 614.0));
    harness.run();
    working_columns_on_screen(&harness, vec2(1093.0, 614.0), "19,00", "19,00\u{a0}%");
}

#[test]
fn an_indicator_far_past_its_programming_still_leaves_the_note_on_screen() {
    use avance::model::Quarter;
    use avance::model::edit::{Edit, Figure};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut plan = avance::io::seed_plan();
    // 644 programs 100 for 2022: 2 000 executed in T1 is twenty times over.
    let at = plan
        .indicator_paths(2)
        .into_iter()
        .find(|at| {
            plan.indicator(*at)
                .is_some_and(|i| i.code.as_deref() == Some("644"))
        })
        .unwrap();
    plan.apply(Edit::Figure {
        at,
        vigencia: 2022,
        figure: Figure::Executed(Quarter::new(1).unwrap()),
        value: Some(rust_decimal::Decimal::from(2000)),
    })
    .unwrap();
    avance::io::plan_file::save(&plan, &path).unwrap();
    let size = vec2(1093.0, 614.0);
    let mut harness = window_sized(
        Prefs::default(),
        Some(path),
        ScriptedDialogs::default(),
        size,
    );
    select_objective(&mut harness, 3);
    working_columns_on_screen(&harness, size, "2.000,00", "2.000,00\u{a0}%");
}

#[test]
fn an_avance_typed_far_past_its_programming_widens_its_column_never_cut() {
    let size = vec2(1366.0, 768.0);
    let mut harness = objective_3_at(size);
    // 464 programs 1 for 2022: 80 executed is 8 000 %.
    super::ui::type_in_cell(&mut harness, "464 · ejecutado 2022 T1", "80");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.run();
    let t1 = harness.get_by_label("464 · ejecutado 2022 T1").rect();
    let avance = in_row(&harness, "8.000,00\u{a0}%", t1);
    let at_cut = in_row(&harness, "80,00", t1);
    let note = harness.get_by_label("464 · Comentario").rect();
    // The badge's whole text, as drawn (monospace).
    let font = egui::TextStyle::Monospace.resolve(&harness.ctx.global_style());
    let monospace = harness.ctx.fonts_mut(|fonts| {
        fonts
            .layout_no_wrap("8.000,00\u{a0}%".to_owned(), font, egui::Color32::WHITE)
            .size()
            .x
    });
    assert!(
        avance.width() >= monospace - 0.5,
        "the avance is not cut: {avance:?}, its text needs {monospace}"
    );
    assert!(
        at_cut.right() <= avance.left() && avance.right() <= note.left(),
        "the avance is whole between Al corte ({at_cut:?}) and the note ({note:?}): {avance:?}"
    );
}
