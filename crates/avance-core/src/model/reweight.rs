//! Weights for a vigencia: the seed's rule "La ponderación de los indicadores para la vigencia
//! se ajusta en atención al número de indicadores programados en el año".
//!
//! When the officer asks (`avance reweight`, or the window's *Ajustar ponderaciones…*), the
//! weights (ponderaciones) of one objective's indicators for one vigencia are *proposed*, never
//! applied silently:
//! - only the indicators programmed in that vigencia get a weight; a not-programmed one gets
//!   none (its weight is emptied);
//! - by default ([`Basis::KeepProportions`]) they keep the proportions of the weights they had in
//!   the nearest earlier vigencia in which at least one of them had a weight above 0; an
//!   indicator without a weight there (new that year) gets the average of the others' weights;
//!   when no earlier vigencia has weights for them, they are equal;
//! - [`Basis::Equal`] makes them equal;
//! - the weights are rounded to 2 decimals so that they add up to exactly 100,00: see
//!   [`hundredths`].
//!
//! The proposal beside the current weights is a [`Proposal`]; its [`Proposal::edits`] are the
//! weight edits that apply it (one undo step in the window).

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};
use rust_decimal::Decimal;

use super::edit::{Edit, Figure, IndicatorPath};
use super::exact::Fraction;
use super::format::number;
use super::plan::{Language, Plan, Vigencia};
use super::progress::is_programmed;

/// Why no weights are proposed for a plan: what they would be built on is wrong, and a
/// proposal would hide it (`avance validate` names the same problems).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Two objectives have this number: which one is meant cannot be known.
    RepeatedObjective(u8),
    /// An indicator has a negative weight: a proportion of it means nothing.
    NegativeWeight {
        objective: u8,
        indicator: String,
        vigencia: Vigencia,
        weight: Decimal,
    },
}

impl Refused {
    /// The problem in words.
    pub fn message(&self, language: Language) -> String {
        match self {
            Refused::RepeatedObjective(number) => {
                crate::tr!(
                    language,
                    "reweight-refused-repeated-objective",
                    number = *number
                )
            }
            Refused::NegativeWeight {
                objective,
                indicator,
                vigencia,
                weight,
            } => crate::tr!(
                language,
                "reweight-refused-negative-weight",
                objective = *objective,
                indicator = indicator.as_str(),
                vigencia = *vigencia,
                weight = number(*weight, language)
            ),
        }
    }
}

/// What stops weights from being proposed for `plan` (see [`Refused`]), if anything.
pub fn refused(plan: &Plan) -> Option<Refused> {
    for (i, objective) in plan.objectives.iter().enumerate() {
        if plan.objectives[..i]
            .iter()
            .any(|o| o.number == objective.number)
        {
            return Some(Refused::RepeatedObjective(objective.number));
        }
        for meta in &objective.metas {
            for indicator in &meta.indicators {
                for (&vigencia, year) in &indicator.years {
                    if let Some(weight) = year.weight.filter(|w| *w < Decimal::ZERO) {
                        return Some(Refused::NegativeWeight {
                            objective: objective.number,
                            indicator: super::validation::indicator_label(&meta.code, indicator),
                            vigencia,
                            weight,
                        });
                    }
                }
            }
        }
    }
    None
}

/// What the proposed weights follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The proportions of the nearest earlier vigencia's weights (equal when there are none).
    KeepProportions,
    /// Equal weights for every programmed indicator (`--equal`).
    Equal,
}

/// Where the proposed weights came from, to say it beside them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Proportional to the weights of this earlier vigencia.
    Earlier(Vigencia),
    /// Equal, as asked.
    EqualAsked,
    /// Equal, because no earlier vigencia has weights for the programmed indicators.
    EqualNoEarlier,
    /// No indicator of the objective is programmed in the vigencia: no weights at all.
    NoneProgrammed,
}

impl Source {
    /// Where the weights of `vigencia` come from, in words.
    pub fn text(self, vigencia: Vigencia, language: Language) -> String {
        match self {
            Source::Earlier(earlier) => {
                crate::tr!(language, "reweight-source-earlier", vigencia = earlier)
            }
            Source::EqualAsked => crate::tr!(language, "reweight-source-equal-asked"),
            Source::EqualNoEarlier => crate::tr!(language, "reweight-source-equal-no-earlier"),
            Source::NoneProgrammed => {
                crate::tr!(
                    language,
                    "reweight-source-none-programmed",
                    vigencia = vigencia
                )
            }
        }
    }
}

/// One indicator's weight now and as proposed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProposedWeight {
    pub at: IndicatorPath,
    /// Whether the indicator is programmed in the vigencia (only those get a weight).
    pub programmed: bool,
    /// The weight the vigencia has now.
    pub current: Option<Decimal>,
    /// The weight proposed: 2 decimals for a programmed indicator, none for the others.
    pub proposed: Option<Decimal>,
}

impl ProposedWeight {
    /// The current weight as shown: `3,00`, or "vacía".
    pub fn current_text(&self, language: Language) -> String {
        self.current.map_or_else(
            || crate::tr!(language, "reweight-empty"),
            |w| number(w, language),
        )
    }

    /// The proposed weight as shown: `4,19`, or "vacía (no programado)".
    pub fn proposed_text(&self, language: Language) -> String {
        match self.proposed {
            Some(w) => number(w, language),
            None if self.programmed => crate::tr!(language, "reweight-empty"),
            None => crate::tr!(language, "reweight-not-programmed"),
        }
    }

    /// Whether applying the proposal changes this weight (`3.0` and `3.00` are the same
    /// weight: the officer's writing is kept).
    pub fn changes(&self) -> bool {
        self.current != self.proposed
    }
}

/// The weights proposed for one objective in one vigencia, beside the current ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// The objective's index in the plan.
    pub objective: usize,
    pub vigencia: Vigencia,
    pub source: Source,
    /// Every indicator of the objective, in plan order.
    pub weights: Vec<ProposedWeight>,
}

impl Proposal {
    /// The sum of the current weights of the programmed indicators (`None`: none has a weight).
    pub fn current_total(&self) -> Option<Decimal> {
        self.weights
            .iter()
            .filter(|w| w.programmed)
            .filter_map(|w| w.current)
            .reduce(|a, b| a + b)
    }

    /// The sum of the proposed weights: exactly 100 when an indicator is programmed.
    pub fn proposed_total(&self) -> Option<Decimal> {
        self.weights
            .iter()
            .filter_map(|w| w.proposed)
            .reduce(|a, b| a + b)
    }

    /// The edits that apply the proposal: one per weight that changes, in plan order.
    pub fn edits(&self) -> Vec<Edit> {
        self.weights
            .iter()
            .filter(|w| w.changes())
            .map(|w| Edit::Figure {
                at: w.at,
                vigencia: self.vigencia,
                figure: Figure::Weight,
                value: w.proposed,
            })
            .collect()
    }
}

/// The weights proposed for the objective at index `objective` in `vigencia`; `None` when the
/// plan has no such objective.
pub fn propose(
    plan: &Plan,
    objective: usize,
    vigencia: Vigencia,
    basis: Basis,
) -> Option<Proposal> {
    plan.objectives.get(objective)?;
    let paths = plan.indicator_paths(objective);
    let indicators: Vec<_> = paths
        .iter()
        .filter_map(|at| plan.indicator(*at).map(|i| (*at, i)))
        .collect();
    let programmed: Vec<bool> = indicators
        .iter()
        .map(|(_, i)| is_programmed(i.programmed(vigencia)))
        .collect();
    let positive = |w: Option<Decimal>| w.filter(|w| *w > Decimal::ZERO);
    let earlier = match basis {
        Basis::Equal => None,
        Basis::KeepProportions => {
            let mut years: Vec<Vigencia> = indicators
                .iter()
                .flat_map(|(_, i)| i.years.keys().copied())
                .filter(|v| *v < vigencia)
                .collect();
            years.sort_unstable();
            years.dedup();
            years.into_iter().rev().find(|v| {
                indicators
                    .iter()
                    .zip(&programmed)
                    .any(|((_, i), p)| *p && positive(i.weight(*v)).is_some())
            })
        }
    };
    let source = if !programmed.contains(&true) {
        Source::NoneProgrammed
    } else {
        match (basis, earlier) {
            (_, Some(v)) => Source::Earlier(v),
            (Basis::Equal, None) => Source::EqualAsked,
            (Basis::KeepProportions, None) => Source::EqualNoEarlier,
        }
    };
    // What each programmed indicator weighs before rounding: its earlier weight, the average
    // of the others' for one without, or 1 each when equal.
    let bases: Vec<BigRational> = match earlier {
        Some(v) => {
            let known: Vec<Option<BigRational>> = indicators
                .iter()
                .zip(&programmed)
                .filter(|(_, p)| **p)
                .map(|((_, i), _)| positive(i.weight(v)).map(ratio))
                .collect();
            let count = known.iter().flatten().count();
            let sum = known
                .iter()
                .flatten()
                .fold(BigRational::zero(), |a, b| a + b);
            let average = sum / BigRational::from_integer(BigInt::from(count));
            known
                .into_iter()
                .map(|w| w.unwrap_or_else(|| average.clone()))
                .collect()
        }
        None => programmed
            .iter()
            .filter(|p| **p)
            .map(|_| BigRational::from_integer(BigInt::from(1)))
            .collect(),
    };
    let mut shares = hundredths(&bases).into_iter();
    let weights = indicators
        .iter()
        .zip(&programmed)
        .map(|((at, indicator), p)| ProposedWeight {
            at: *at,
            programmed: *p,
            current: indicator.weight(vigencia),
            proposed: if *p {
                shares.next().map(|h| Decimal::new(h, 2))
            } else {
                None
            },
        })
        .collect();
    Some(Proposal {
        objective,
        vigencia,
        source,
        weights,
    })
}

/// The proposals for every objective of the plan in `vigencia`, in plan order.
pub fn propose_all(plan: &Plan, vigencia: Vigencia, basis: Basis) -> Vec<Proposal> {
    (0..plan.objectives.len())
        .filter_map(|o| propose(plan, o, vigencia, basis))
        .collect()
}

/// A decimal's exact value.
fn ratio(value: Decimal) -> BigRational {
    Fraction::from_decimal(value).to_ratio()
}

/// 100 % shared out in hundredths (0,01) in proportion to `bases` (all above 0), so that the
/// shares add up to exactly 10 000 hundredths (100,00):
/// 1. each share is first its exact proportion, `10 000 × base / Σ bases`, cut down to a whole
///    hundredth;
/// 2. the hundredths still missing to make 10 000 (fewer than there are shares) go one each to
///    the shares that lost the most in step 1 (the largest remainders); between equal
///    remainders, the earlier one in plan order goes first.
///
/// So three equal weights are 33,34 + 33,33 + 33,33, and seven 14,29 × 4 + 14,28 × 3. All the
/// arithmetic is exact (fractions of big integers): no rounding error decides a tie. Empty
/// bases share nothing.
pub fn hundredths(bases: &[BigRational]) -> Vec<i64> {
    let total = bases.iter().fold(BigRational::zero(), |a, b| a + b);
    if bases.is_empty() || total.is_zero() {
        return vec![0; bases.len()];
    }
    let whole = BigRational::from_integer(BigInt::from(10_000));
    let exact: Vec<BigRational> = bases.iter().map(|b| &whole * b / &total).collect();
    let mut shares: Vec<i64> = exact
        .iter()
        .map(|e| e.floor().to_integer().to_i64().unwrap_or(0))
        .collect();
    let remainders: Vec<BigRational> = exact.iter().map(|e| e - e.floor()).collect();
    let missing = 10_000 - shares.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..bases.len()).collect();
    // Largest remainder first; `sort_by` is stable, so equal remainders keep plan order.
    order.sort_by(|a, b| remainders[*b].cmp(&remainders[*a]));
    for i in order
        .into_iter()
        .take(usize::try_from(missing).unwrap_or(0))
    {
        shares[i] += 1;
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::seed_plan;
    use crate::model::edit::Figure;

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn equal(n: usize) -> Vec<String> {
        hundredths(&vec![BigRational::from_integer(BigInt::from(1)); n])
            .into_iter()
            .map(|h| Decimal::new(h, 2).to_string())
            .collect()
    }

    #[test]
    fn a_negative_weight_or_a_repeated_objective_stops_the_proposal() {
        let mut plan = crate::io::seed_plan();
        assert_eq!(refused(&plan), None);
        plan.objectives[2].metas[0].indicators[0]
            .year_mut(2022)
            .weight = Some("-50".parse().unwrap());
        let why = refused(&plan).unwrap();
        assert_eq!(
            why.message(Language::Es),
            "No se proponen ponderaciones: el indicador 464 del objetivo 3 tiene en 2022 una ponderación negativa (-50,00). Corríjala primero (avance validate la señala)."
        );
        let mut repeated = crate::io::seed_plan();
        repeated.objectives[3].number = 3;
        assert_eq!(refused(&repeated), Some(Refused::RepeatedObjective(3)));
    }

    #[test]
    fn equal_weights_add_up_to_exactly_100_with_the_extra_hundredths_first() {
        assert_eq!(equal(3), ["33.34", "33.33", "33.33"]);
        assert_eq!(
            equal(6),
            ["16.67", "16.67", "16.67", "16.67", "16.66", "16.66"]
        );
        assert_eq!(
            equal(7),
            [
                "14.29", "14.29", "14.29", "14.29", "14.28", "14.28", "14.28"
            ]
        );
        for n in 1..=40 {
            let sum: Decimal = equal(n).iter().map(|w| dec(w)).sum();
            assert_eq!(sum, dec("100.00"), "{n} indicators");
        }
    }

    #[test]
    fn largest_remainders_get_the_hundredths() {
        // 1 : 1 : 1.1 → 32,258…, 32,258…, 35,483…: the floors leave 0,01 over, which goes to
        // the largest remainder (0,83 of 35,483… against 0,80 of the others).
        let bases: Vec<BigRational> = ["1", "1", "1.1"].iter().map(|t| ratio(dec(t))).collect();
        assert_eq!(hundredths(&bases), [3226, 3226, 3548]);
    }

    /// The seed with 2023's weights of Objetivo 3 as they are (none).
    fn objective_3_2023() -> Proposal {
        propose(&seed_plan(), 2, 2023, Basis::KeepProportions).unwrap()
    }

    #[test]
    fn a_vigencia_keeps_the_proportions_of_the_nearest_earlier_weights() {
        let proposal = objective_3_2023();
        assert_eq!(proposal.source, Source::Earlier(2022));
        // 555 is not programmed in 2023: no weight. The other six keep 2022's proportions,
        // 3 : 3 : 3 : 3 : 31,34 : 28,33 over 71,67.
        let proposed: Vec<Option<Decimal>> = proposal.weights.iter().map(|w| w.proposed).collect();
        let expected: Vec<Option<Decimal>> = [
            Some("4.19"),
            Some("4.19"),
            Some("4.18"),
            Some("4.18"),
            Some("43.73"),
            Some("39.53"),
            None,
        ]
        .iter()
        .map(|w| w.map(dec))
        .collect();
        assert_eq!(proposed, expected);
        assert_eq!(proposal.proposed_total(), Some(dec("100")));
        assert!(!proposal.weights[6].programmed);
    }

    #[test]
    fn a_new_indicator_gets_the_average_of_the_others() {
        let mut plan = seed_plan();
        plan.apply(Edit::AddIndicator {
            objective: 1,
            meta: 1,
        })
        .unwrap();
        let new = IndicatorPath {
            objective: 1,
            meta: 1,
            indicator: 1,
        };
        plan.apply(Edit::Figure {
            at: new,
            vigencia: 2023,
            figure: Figure::Programmed,
            value: Some(dec("10")),
        })
        .unwrap();
        let proposal = propose(&plan, 1, 2023, Basis::KeepProportions).unwrap();
        assert_eq!(proposal.source, Source::Earlier(2022));
        // 89,35 and 10,65, and the new one their average, 50: over 150.
        let proposed: Vec<Decimal> = proposal.weights.iter().filter_map(|w| w.proposed).collect();
        assert_eq!(proposed, [dec("59.57"), dec("7.10"), dec("33.33")]);
        assert_eq!(proposed.iter().sum::<Decimal>(), dec("100"));
    }

    #[test]
    fn without_earlier_weights_they_are_equal_and_not_programmed_ones_get_none() {
        // 2020: nothing earlier. 464, 465, 466 are programmed 0 in 2020: not programmed.
        let proposal = propose(&seed_plan(), 2, 2020, Basis::KeepProportions).unwrap();
        assert_eq!(proposal.source, Source::EqualNoEarlier);
        let proposed: Vec<Option<Decimal>> = proposal.weights.iter().map(|w| w.proposed).collect();
        let expected: Vec<Option<Decimal>> = [
            None,
            None,
            None,
            Some("25.00"),
            Some("25.00"),
            Some("25.00"),
            Some("25.00"),
        ]
        .iter()
        .map(|w| w.map(dec))
        .collect();
        assert_eq!(proposed, expected);
        let equal = propose(&seed_plan(), 2, 2023, Basis::Equal).unwrap();
        assert_eq!(equal.source, Source::EqualAsked);
        let six: Vec<Decimal> = equal.weights.iter().filter_map(|w| w.proposed).collect();
        assert_eq!(six.iter().sum::<Decimal>(), dec("100"));
        assert_eq!(six[0], dec("16.67"));
    }

    #[test]
    fn the_edits_change_only_what_differs_and_empty_a_not_programmed_weight() {
        let mut plan = seed_plan();
        // 2022 of Objetivo 3 from 2021 (no weights): equal, 14,29 × 4 + 14,28 × 3.
        let proposal = propose(&plan, 2, 2022, Basis::KeepProportions).unwrap();
        let edits = proposal.edits();
        assert_eq!(edits.len(), 7);
        for edit in edits {
            plan.apply(edit).unwrap();
        }
        let again = propose(&plan, 2, 2022, Basis::KeepProportions).unwrap();
        assert!(again.edits().is_empty(), "applied, nothing left to change");
        assert_eq!(again.current_total(), Some(dec("100")));

        // A weight on 555 in 2023, where it is not programmed, is emptied.
        let mut plan = seed_plan();
        plan.apply(Edit::Figure {
            at: IndicatorPath {
                objective: 2,
                meta: 2,
                indicator: 1,
            },
            vigencia: 2023,
            figure: Figure::Weight,
            value: Some(dec("5")),
        })
        .unwrap();
        let proposal = propose(&plan, 2, 2023, Basis::KeepProportions).unwrap();
        assert!(proposal.edits().contains(&Edit::Figure {
            at: proposal.weights[6].at,
            vigencia: 2023,
            figure: Figure::Weight,
            value: None,
        }));
    }

    #[test]
    fn an_objective_with_nothing_programmed_gets_no_weight() {
        let proposal = propose(&seed_plan(), 0, 2022, Basis::KeepProportions).unwrap();
        assert_eq!(proposal.source, Source::NoneProgrammed);
        assert!(proposal.weights.is_empty());
        assert_eq!(proposal.proposed_total(), None);
        assert!(propose(&seed_plan(), 9, 2022, Basis::Equal).is_none());
    }
}
