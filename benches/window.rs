//! One frame of the whole window (egui_kittest, no display): on the seed plan, and on a
//! generated plan of 10 000 indicators showing an objective of 2 000. Every frame lays out
//! every panel, so this is also what a keystroke costs beyond the recompute (see `plan`).
//!
//! `cargo bench --bench window`.

use std::path::PathBuf;
use std::time::Duration;

use avance::app::AvanceApp;
use avance::app::file_picker::{FilePicker, FileRequest};
use avance::io::generate::{GenerateRequest, generate};
use avance::io::plan_file;
use avance::view::Prefs;
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;

/// Answers no dialog: none is opened here.
struct NoDialogs;

impl FilePicker for NoDialogs {
    fn pick(&mut self, _: &FileRequest) -> Option<PathBuf> {
        None
    }
}

fn window(path: Option<PathBuf>) -> Harness<'static, AvanceApp> {
    let mut harness = Harness::builder()
        .with_size([1366.0, 768.0])
        .build_eframe(move |_| {
            AvanceApp::with(Prefs::default(), path.clone(), Box::new(NoDialogs))
        });
    harness.run();
    harness
}

fn window_benches(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("avance-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("plan_10000.ron");
    let plan = generate(GenerateRequest {
        indicators: 10_000,
        seed: 1,
        objectives: avance::model::DEFAULT_OBJECTIVES,
    });
    plan_file::save(&plan, &big).unwrap();

    let mut group = c.benchmark_group("window");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(10));
    for (name, path) in [
        ("seed", None),
        ("10000_objective_of_2000", Some(big.clone())),
    ] {
        let mut harness = window(path);
        // The first objective with indicators is shown: 2 000 rows in the generated plan.
        group.bench_function(format!("frame/{name}"), |b| b.iter(|| harness.step()));
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, window_benches);
criterion_main!(benches);
