//! What the hand-written parts of the core earn, measured against the crates they stand in for
//! (ARCHITECTURE.md, *What is hand-written*), at 100, 1 000 and 10 000 indicators:
//! - reading a plan file: `io::fast_read` (with its objectives on several cores) against ron
//!   alone, both into the same `Plan` through the same `Deserialize` code;
//! - the JSON report: `io::report::to_json` (each objective serialized on a core of its own,
//!   then joined) against `serde_json::to_string_pretty` of the whole report. Both give the same
//!   bytes (a test in `io::report` checks it).
//!
//! `cargo bench -p avance-core --bench readers`.

use std::hint::black_box;
use std::time::Duration;

use avance_core::io::generate::{GenerateRequest, generate};
use avance_core::io::{fast_read, plan_file, report};
use avance_core::model::Plan;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ron::extensions::Extensions;

const SIZES: [usize; 3] = [100, 1_000, 10_000];

fn reader_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("readers");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(6));
    for size in SIZES {
        let plan = generate(GenerateRequest {
            indicators: size,
            seed: 1,
        });
        let text = plan_file::to_text(&plan).unwrap();
        let ron = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
        assert_eq!(
            fast_read::read_plan(&text).as_ref(),
            Some(&ron.from_str::<Plan>(&text).unwrap()),
            "both readers give the same plan"
        );
        group.bench_with_input(BenchmarkId::new("fast_read", size), &text, |b, text| {
            b.iter(|| fast_read::read_plan(black_box(text)).unwrap())
        });
        group.bench_with_input(BenchmarkId::new("ron", size), &text, |b, text| {
            b.iter(|| ron.from_str::<Plan>(black_box(text)).unwrap())
        });
        let cut = plan.cut;
        assert_eq!(
            report::to_json(&plan, cut),
            serde_json::to_string_pretty(&report::Report::new(&plan, cut)).unwrap() + "\n"
        );
        group.bench_with_input(BenchmarkId::new("report_json", size), &plan, |b, plan| {
            b.iter(|| report::to_json(black_box(plan), cut))
        });
        group.bench_with_input(BenchmarkId::new("serde_json", size), &plan, |b, plan| {
            b.iter(|| serde_json::to_string_pretty(&report::Report::new(black_box(plan), cut)))
        });
    }
    group.finish();
}

criterion_group!(benches, reader_benches);
criterion_main!(benches);
