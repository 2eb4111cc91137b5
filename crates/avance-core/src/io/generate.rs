//! Generated plans: a district-wide consolidation of any size, for benchmarks and tests.
//!
//! [`generate`] builds a realistic plan from a number of indicators and a seed: the five
//! objectives share the indicators evenly, each in metas of 3 to 12; every annualization type
//! appears (decreciente always with its línea base); the period is 2020–2024 with the cut at
//! 2023 Q3; the weights of each objective add up to exactly 100 in every vigencia; quarters up
//! to the cut are reported, a few left unreported; low figures often carry a comment. The same
//! number and seed always give the same plan (and so the same file, byte for byte).

use rust_decimal::Decimal;

use crate::model::{
    Annualization, Cut, Entity, FORMAT_VERSION, Indicator, Meta, Objective, Period, Plan, Quarter,
    Settings, Vigencia, YearData,
};

/// The most indicators `avance generate` makes: a plan of about 36 MB, under the
/// [`super::plan_file::MAX_FILE_BYTES`] a plan file may have (about 1,2 KB an indicator).
/// [`generate`] itself takes any number, for benchmarks that never write the plan to a file.
pub const MAX_INDICATORS: usize = 30_000;

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GenerateRequest {
    /// How many indicators the whole plan has.
    pub indicators: usize,
    /// The seed of the pseudo-random choices: another seed, another plan of the same size.
    pub seed: u64,
}

/// The period of every generated plan.
pub const PERIOD: Period = Period {
    first: 2020,
    last: 2024,
};

/// The cut of every generated plan: 30/09/2023.
pub fn cut() -> Cut {
    Cut::new(2023, Quarter::ALL[2])
}

/// A small, fixed pseudo-random generator (SplitMix64): the same seed gives the same numbers
/// on every machine and every version of Rust.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `low..=high`.
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }

    /// Whether a chance of `percent` in 100 came up.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next() as usize % items.len()]
    }
}

const ENTITIES: [&str; 4] = [
    "Secretaría General",
    "Departamento Administrativo del Servicio Civil Distrital",
    "Secretaría Distrital de Hacienda",
    "Secretaría Distrital de Planeación",
];

const OBJECTIVE_TEXTS: [&str; 5] = [
    "Fortalecer la capacidad institucional y la gestión pública distrital",
    "Implementar estrategias y acciones de transparencia, integridad y lucha contra la corrupción",
    "Consolidar una gestión pública eficiente, abierta y centrada en la ciudadanía",
    "Desarrollar el talento humano al servicio del Distrito Capital",
    "Modernizar la gestión documental y tecnológica de las entidades del sector",
];

const VERBS: [&str; 8] = [
    "Porcentaje de avance en la implementación de",
    "Número de",
    "Porcentaje de cumplimiento de",
    "Cantidad de",
    "Índice de",
    "Tiempo promedio de",
    "Porcentaje de ejecución de",
    "Número de personas beneficiadas por",
];

const SUBJECTS: [&str; 10] = [
    "la estrategia de gobierno abierto",
    "los servidores públicos capacitados",
    "los trámites racionalizados",
    "la política de integridad",
    "los documentos digitalizados",
    "las peticiones atendidas a tiempo",
    "el modelo integrado de planeación y gestión",
    "los acuerdos de gestión evaluados",
    "las sedes intervenidas",
    "los datos abiertos publicados",
];

const UNITS: [&str; 5] = ["%", "estrategias", "personas", "documentos", "días"];

const COMMENTS: [&str; 4] = [
    "Retraso en la contratación del operador; se recupera en el siguiente trimestre.",
    "La meta se ajustó en el comité sectorial por la reprogramación presupuestal.",
    "Pendiente la validación de la información reportada por las entidades.",
    "Ejecución menor por cambio en el cronograma de la estrategia.",
];

/// A decimal with two decimals from a number of hundredths.
fn hundredths(n: u64) -> Decimal {
    Decimal::new(i64::try_from(n).unwrap_or(i64::MAX), 2)
}

/// The generated plan.
pub fn generate(request: GenerateRequest) -> Plan {
    let mut rng = Rng(request.seed ^ 0x4176_616E_6365); // "Avance" in ASCII
    let mut plan = Plan::new(
        format!(
            "Plan estratégico consolidado ({} indicadores, generado)",
            request.indicators
        ),
        PERIOD,
    );
    plan.version = FORMAT_VERSION;
    plan.sector = "Sector Gestión Pública".to_owned();
    plan.sector_mission =
        "Liderar la gestión pública distrital con transparencia, eficiencia e integridad."
            .to_owned();
    plan.entities = ENTITIES[..2]
        .iter()
        .map(|name| Entity {
            name: (*name).to_owned(),
            mission: format!("Misión de {name}."),
            vision: format!("Visión de {name} al 2024."),
        })
        .collect();
    plan.cut = cut();
    plan.settings = Settings::default();
    let objectives = plan.objectives.len();
    let mut meta_number = 300;
    for (index, objective) in plan.objectives.iter_mut().enumerate() {
        let count =
            request.indicators / objectives + usize::from(index < request.indicators % objectives);
        *objective = generate_objective(&mut rng, index, count, &mut meta_number);
    }
    plan
}

fn generate_objective(
    rng: &mut Rng,
    index: usize,
    count: usize,
    meta_number: &mut u64,
) -> Objective {
    let number = u8::try_from(index + 1).unwrap_or(u8::MAX);
    let mut metas = Vec::new();
    let mut left = count;
    let mut code = 100 * u64::from(number);
    while left > 0 {
        let size = usize::try_from(rng.between(3, 12)).unwrap_or(3).min(left);
        left -= size;
        *meta_number += 1;
        let meta_code = if rng.chance(80) {
            format!("META SECTORIAL {meta_number}")
        } else {
            format!("META PROYECTO {}", *meta_number - 300)
        };
        let indicators = (0..size)
            .map(|_| {
                code += 1;
                generate_indicator(rng, code)
            })
            .collect();
        metas.push(Meta {
            code: meta_code,
            name: format!(
                "{} {}",
                "Formular, implementar y evaluar",
                rng.pick(&SUBJECTS)
            ),
            indicators,
        });
    }
    let mut objective = Objective {
        number,
        text: OBJECTIVE_TEXTS[index % OBJECTIVE_TEXTS.len()].to_owned(),
        metas,
    };
    for vigencia in PERIOD.vigencias() {
        distribute_weights(rng, &mut objective, vigencia, count);
    }
    objective
}

fn generate_indicator(rng: &mut Rng, code: u64) -> Indicator {
    let annualization = match rng.between(0, 99) {
        0..=39 => Annualization::Suma,
        40..=64 => Annualization::Creciente,
        65..=84 => Annualization::Constante,
        _ => Annualization::Decreciente,
    };
    let unit = *rng.pick(&UNITS);
    let mut indicator = Indicator {
        code: (!rng.chance(3)).then(|| code.to_string()),
        name: format!("{} {}", rng.pick(&VERBS), rng.pick(&SUBJECTS)),
        entity: (*rng.pick(&ENTITIES)).to_owned(),
        annualization,
        unit: unit.to_owned(),
        ..Indicator::default()
    };
    // Some indicators start after the period's first vigencia: not programmed before.
    let start = if rng.chance(15) {
        PERIOD.first + u16::try_from(rng.between(1, 2)).unwrap_or(1)
    } else {
        PERIOD.first
    };
    let scale = rng.between(4, 400) * 100; // the size of the yearly magnitude, in hundredths
    let baseline = scale * 3;
    if annualization == Annualization::Decreciente {
        indicator.baseline = Some(hundredths(baseline));
    }
    let years = PERIOD.vigencias().filter(|v| *v >= start);
    let span = u64::from(PERIOD.last - start) + 1;
    for (k, vigencia) in years.enumerate() {
        let k = k as u64 + 1;
        let programmed = match annualization {
            Annualization::Suma => scale / 100 * rng.between(60, 140),
            // A level that grows to the final target.
            Annualization::Creciente => scale * k / span,
            Annualization::Constante => scale,
            // Lower is better: from the baseline down, a step each vigencia.
            Annualization::Decreciente => baseline - scale * k / span,
        };
        let year = indicator.year_mut(vigencia);
        year.programmed = Some(hundredths(programmed));
        fill_executed(rng, annualization, baseline, programmed, vigencia, year);
    }
    indicator.declared_total = crate::model::progress::programmed_total(&indicator, PERIOD);
    indicator
}

/// The quarters reported up to the cut, with what each type reports.
fn fill_executed(
    rng: &mut Rng,
    annualization: Annualization,
    baseline: u64,
    programmed: u64,
    vigencia: Vigencia,
    year: &mut YearData,
) {
    let cut = cut();
    // How well this indicator does this vigencia: 30 % to 130 % of what was programmed.
    let performance = rng.between(30, 130);
    for quarter in Quarter::ALL {
        if Cut::new(vigencia, quarter) > cut || rng.chance(4) {
            continue;
        }
        let q = u64::from(quarter.number());
        let value = match annualization {
            Annualization::Suma => programmed * performance / 400 * rng.between(70, 130) / 100,
            Annualization::Creciente | Annualization::Constante => {
                programmed * performance * q / 400 / 100
            }
            Annualization::Decreciente => {
                let reduction = (baseline - programmed) * performance * q / 400 / 100;
                baseline.saturating_sub(reduction)
            }
        };
        year.executed.insert(quarter, hundredths(value));
        if performance < 70 && rng.chance(70) {
            year.comments
                .insert(quarter, (*rng.pick(&COMMENTS)).to_owned());
        }
    }
}

/// Gives the indicators programmed in `vigencia` weights that add up to exactly 100: two
/// decimals while an objective has up to 200 indicators, four beyond (the smallest weight is
/// never 0).
fn distribute_weights(rng: &mut Rng, objective: &mut Objective, vigencia: Vigencia, count: usize) {
    let scale: u32 = if count <= 200 { 2 } else { 4 };
    let units = 100 * 10u64.pow(scale);
    let mut programmed: Vec<&mut YearData> = objective
        .metas
        .iter_mut()
        .flat_map(|m| m.indicators.iter_mut())
        .filter_map(|i| i.years.get_mut(&vigencia))
        .filter(|y| y.programmed.is_some_and(|p| !p.is_zero()))
        .collect();
    let n = programmed.len() as u64;
    if n == 0 || n > units {
        return;
    }
    let raw: Vec<u64> = programmed.iter().map(|_| rng.between(1, 100)).collect();
    let raw_total: u64 = raw.iter().sum();
    let spread = units - n;
    let mut weights: Vec<u64> = raw.iter().map(|r| 1 + r * spread / raw_total).collect();
    // Each weight lost less than one unit to rounding down: fewer units are left than weights.
    let left = units - weights.iter().sum::<u64>();
    for weight in weights.iter_mut().take(usize::try_from(left).unwrap_or(0)) {
        *weight += 1;
    }
    for (year, weight) in programmed.iter_mut().zip(weights) {
        year.weight = Some(Decimal::new(i64::try_from(weight).unwrap_or(0), scale));
    }
}

/// Whether the indicators of a plan gathered by [`in_one_meta`] keep their codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codes {
    Kept,
    /// Every indicator without code (the seed's "N/A"), its former code written at the end of
    /// its name so that names stay distinct, as real indicators' names are.
    Dropped,
}

/// The plan with each objective's indicators gathered in its first meta: the case where the
/// comparison and the consolidation match thousands of indicators inside one meta (by code, or
/// by entity and name when they have none). For benchmarks and tests.
pub fn in_one_meta(mut plan: Plan, codes: Codes) -> Plan {
    for objective in &mut plan.objectives {
        let mut metas = std::mem::take(&mut objective.metas).into_iter();
        let Some(mut first) = metas.next() else {
            continue;
        };
        for meta in metas {
            first.indicators.extend(meta.indicators);
        }
        if codes == Codes::Dropped {
            for indicator in &mut first.indicators {
                if let Some(code) = indicator.code.take() {
                    indicator.name = format!("{} ({code})", indicator.name);
                }
            }
        }
        objective.metas.push(first);
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::progress::exact_sum;

    #[test]
    fn the_same_request_gives_the_same_plan_and_another_seed_another() {
        let request = GenerateRequest {
            indicators: 120,
            seed: 7,
        };
        assert_eq!(generate(request), generate(request));
        assert_ne!(
            generate(request),
            generate(GenerateRequest { seed: 8, ..request })
        );
    }

    #[test]
    fn weights_add_up_to_100_in_every_objective_and_vigencia() {
        for indicators in [5, 120, 1_500] {
            let plan = generate(GenerateRequest {
                indicators,
                seed: 1,
            });
            assert_eq!(plan.indicator_count(), indicators);
            for objective in &plan.objectives {
                for vigencia in PERIOD.vigencias() {
                    let weights: Vec<Decimal> = objective
                        .indicators()
                        .filter_map(|(_, i)| i.weight(vigencia))
                        .collect();
                    if !weights.is_empty() {
                        assert_eq!(exact_sum(weights), Ok(Decimal::ONE_HUNDRED));
                    }
                }
            }
        }
    }

    #[test]
    fn every_type_appears_and_decreciente_has_a_baseline() {
        let plan = generate(GenerateRequest {
            indicators: 400,
            seed: 3,
        });
        let indicators: Vec<&Indicator> = plan
            .objectives
            .iter()
            .flat_map(|o| o.indicators().map(|(_, i)| i))
            .collect();
        for kind in Annualization::ALL {
            assert!(
                indicators.iter().any(|i| i.annualization == kind),
                "{kind:?}"
            );
        }
        assert!(
            indicators
                .iter()
                .filter(|i| i.annualization == Annualization::Decreciente)
                .all(|i| i.baseline.is_some())
        );
        let at_cut = |i: &Indicator| i.year(2023).map(|y| y.executed.len());
        assert!(
            indicators.iter().any(|i| at_cut(i) == Some(1)),
            "an unreported quarter"
        );
        assert!(indicators.iter().any(|i| at_cut(i) == Some(2)));
        assert!(
            indicators
                .iter()
                .any(|i| i.years.values().any(|y| !y.comments.is_empty()))
        );
        assert!(
            indicators
                .iter()
                .all(|i| i.year(2024).is_none_or(|y| y.executed.is_empty()))
        );
    }
}
