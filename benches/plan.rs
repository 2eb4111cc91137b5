//! The engine and the plan files at 100, 1 000, 10 000 and 100 000 indicators (generated
//! plans): load, validate, compute at a cut, recompute after one edit, save; then comparing
//! (`avance diff`) and consolidating (`avance merge`) a plan whose objectives hold their
//! indicators in one meta, with codes and without (matched by entity and name).
//!
//! `cargo bench --bench plan`; one size: `cargo bench --bench plan -- 10000`; only the
//! comparison: `cargo bench --bench plan -- compare`.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use avance::io::generate::{Codes, GenerateRequest, generate, in_one_meta};
use avance::io::plan_file;
use avance::model::diff::PlanDiff;
use avance::model::edit::{Edit, Figure, IndicatorPath};
use avance::model::merge::merge;
use avance::model::validation::validate;
use avance::model::{Plan, PlanProgress, Quarter};
use avance::view::computed::{Computed, Revisions};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;

const SIZES: [usize; 4] = [100, 1_000, 10_000, 100_000];

fn plan_benches(c: &mut Criterion) {
    for size in SIZES {
        let plan = generate(GenerateRequest {
            indicators: size,
            seed: 1,
            objectives: avance::model::DEFAULT_OBJECTIVES,
        });
        let text = plan_file::to_text(&plan).unwrap();
        let mut group = c.benchmark_group("plan");
        if size >= 10_000 {
            group.sample_size(10);
            group.measurement_time(Duration::from_secs(if size >= 100_000 { 40 } else { 8 }));
        }
        group.bench_with_input(BenchmarkId::new("load", size), &text, |b, text| {
            b.iter(|| plan_file::parse(black_box(text), Path::new("plan.ron")).unwrap())
        });
        group.bench_with_input(BenchmarkId::new("validate", size), &plan, |b, plan| {
            b.iter(|| validate(black_box(plan)))
        });
        group.bench_with_input(BenchmarkId::new("compute", size), &plan, |b, plan| {
            b.iter(|| PlanProgress::compute(black_box(plan), plan.cut))
        });
        group.bench_with_input(BenchmarkId::new("save", size), &plan, |b, plan| {
            b.iter(|| plan_file::to_text(black_box(plan)).unwrap())
        });
        // One figure typed in objective 1: its figures and findings are computed again.
        let mut edited = plan.clone();
        let mut revisions = vec![0; plan.objectives.len()];
        let revisions_now = |r: &[u64]| r.to_vec();
        let mut computed = Computed::new(
            &edited,
            Revisions {
                plan: 0,
                objectives: &revisions,
            },
            plan.cut,
        );
        let at = IndicatorPath {
            objective: 0,
            meta: 0,
            indicator: 0,
        };
        let mut step = 0u64;
        group.bench_function(BenchmarkId::new("recompute_after_edit", size), |b| {
            b.iter(|| {
                step += 1;
                edited
                    .apply(Edit::Figure {
                        at,
                        vigencia: plan.cut.vigencia,
                        figure: Figure::Executed(Quarter::ALL[0]),
                        value: Some(Decimal::from(step % 100)),
                    })
                    .unwrap();
                revisions[0] = step;
                let now = revisions_now(&revisions);
                computed.update(
                    &edited,
                    Revisions {
                        plan: 0,
                        objectives: &now,
                    },
                    plan.cut,
                )
            })
        });
        group.finish();
    }
}

/// The plan with a comment written on every hundredth indicator: an entity's full copy.
fn with_comments(plan: &Plan) -> Plan {
    let mut copy = plan.clone();
    let cut = plan.cut;
    for objective in &mut copy.objectives {
        for meta in &mut objective.metas {
            for indicator in meta.indicators.iter_mut().step_by(100) {
                let year = indicator.year_mut(cut.vigencia);
                year.comments
                    .insert(cut.quarter, "Revisado por la entidad".to_owned());
            }
        }
    }
    copy
}

fn compare_benches(c: &mut Criterion) {
    for size in [1_000, 10_000, 100_000] {
        let mut group = c.benchmark_group("compare");
        if size >= 10_000 {
            group.sample_size(10);
            group.measurement_time(Duration::from_secs(if size >= 100_000 { 30 } else { 8 }));
        }
        for (codes, name) in [(Codes::Kept, "coded"), (Codes::Dropped, "without_code")] {
            let generated = generate(GenerateRequest {
                indicators: size,
                seed: 1,
                objectives: avance::model::DEFAULT_OBJECTIVES,
            });
            let sector = in_one_meta(generated, codes);
            let copy = with_comments(&sector);
            let id = |what: &str| BenchmarkId::new(format!("{what}_{name}"), size);
            group.bench_function(id("diff"), |b| {
                b.iter(|| PlanDiff::new(black_box(&sector), black_box(&copy), sector.cut))
            });
            let entities = std::slice::from_ref(&copy);
            group.bench_function(id("merge"), |b| {
                b.iter(|| merge(black_box(&sector), black_box(entities), |_| None))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, plan_benches, compare_benches);
criterion_main!(benches);
