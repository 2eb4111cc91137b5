//! Putting a matrix's rows into a plan: the rule of DOMAIN.md's "Figures in from a matrix".
//!
//! Each row names one indicator (by objective, meta code and code; one without a code by its
//! name, and its entity when the matrix has that column). A row changes only what it carries:
//! a figure or text whose column the matrix has and whose value differs from the plan's (equal
//! values keep the plan's own writing: `27.50` stays `27.50` when the sheet gives 27,5). What
//! the matrix has no column for — other quarters, other vigencias, comments, weights — and the
//! objectives, metas and indicators it does not name stay exactly as they are.
//!
//! "Magnitud ejecutada al corte" is the magnitude executed *at the cut*: without a column for
//! the cut's quarter it changes only that quarter (suma: the figure minus the quarters before it
//! in the plan, refused below 0; the other types: the level); an empty cell changes nothing.
//! When the row also carries the quarters (Avance's own export) they are read one by one, and
//! the two must agree unless only one of them differs from the plan (that one is taken: the
//! other was left as exported). The same for "Ponderación indicador" and "Ponderación YYYY" of
//! the cut's vigencia.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;

use super::{
    ImportWarning, IntoSummary, LIST_LIMIT, Row, RowCell, RowProblem, RowReason, strip_tags,
};
use crate::model::progress::{exact_sum, indicator_progress, programmed_total};
use crate::model::{Annualization, Cut, Indicator, IndicatorKind, Meta, Period, Plan, Settings};

/// What putting the rows into the plan did.
pub(super) struct Outcome {
    /// The first problems found against the plan, with each row's place among the rows read.
    pub problems: Vec<(usize, RowProblem)>,
    pub problem_total: usize,
    /// Rows refused (and not applied).
    pub refused_rows: usize,
    /// Rows applied: indicators updated, or added.
    pub applied: usize,
    pub warnings: Vec<ImportWarning>,
    /// For an import into an existing plan, what it changed and left.
    pub into: Option<IntoSummary>,
}

/// Where an indicator is in a plan: objective, meta and indicator indices.
type Location = (usize, usize, usize);

/// A text as it identifies something: as the import reads it, with single spaces.
fn key_text(text: &str) -> String {
    strip_tags(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// An indicator's code as it identifies it: `None` for no code, an empty one or `N/A`.
fn code_key(code: Option<&str>) -> Option<String> {
    code.map(key_text)
        .filter(|c| !crate::model::plan::is_no_code(c))
}

/// Who a row (or an indicator of the plan) is: its objective, meta code, and its code, or its
/// name (and entity, when the matrix says it) without a code.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct RowKey {
    objective: u8,
    meta: String,
    code: Option<String>,
    name: Option<String>,
    entity: Option<String>,
}

/// The plan's indicators by who they are, in plan order.
struct PlanIndex {
    by_code: HashMap<(u8, String, String), Vec<Location>>,
    /// Indicators without a code, by objective, meta and name, with their entity.
    by_name: HashMap<(u8, String, String), Vec<(Location, String)>>,
}

impl PlanIndex {
    fn of(plan: &Plan) -> Self {
        let mut index = PlanIndex {
            by_code: HashMap::new(),
            by_name: HashMap::new(),
        };
        for (o, objective) in plan.objectives.iter().enumerate() {
            for (m, meta) in objective.metas.iter().enumerate() {
                let meta_key = key_text(&meta.code);
                for (i, indicator) in meta.indicators.iter().enumerate() {
                    let at = (o, m, i);
                    match code_key(indicator.code.as_deref()) {
                        Some(code) => index
                            .by_code
                            .entry((objective.number, meta_key.clone(), code))
                            .or_default()
                            .push(at),
                        None => index
                            .by_name
                            .entry((
                                objective.number,
                                meta_key.clone(),
                                key_text(&indicator.name),
                            ))
                            .or_default()
                            .push((at, key_text(&indicator.entity))),
                    }
                }
            }
        }
        index
    }

    /// The plan's indicators a row's key names, in plan order.
    fn find(&self, key: &RowKey) -> Vec<Location> {
        match (&key.code, &key.name) {
            (Some(code), _) => self
                .by_code
                .get(&(key.objective, key.meta.clone(), code.clone()))
                .cloned()
                .unwrap_or_default(),
            (None, Some(name)) => self
                .by_name
                .get(&(key.objective, key.meta.clone(), name.clone()))
                .map(|found| {
                    found
                        .iter()
                        .filter(|(_, entity)| key.entity.as_ref().is_none_or(|e| e == entity))
                        .map(|(at, _)| *at)
                        .collect()
                })
                .unwrap_or_default(),
            (None, None) => Vec::new(),
        }
    }
}

impl Row {
    fn key(&self) -> RowKey {
        let code = code_key(self.code.as_deref());
        RowKey {
            objective: self.objective,
            meta: key_text(&self.meta_code),
            name: code.is_none().then(|| key_text(&self.name)),
            entity: code
                .is_none()
                .then(|| self.entity.as_deref().map(key_text))
                .flatten(),
            code,
        }
    }
}

/// What a row does to the plan.
#[derive(Clone, Debug)]
enum Target {
    Update(Location),
    Add,
    Refuse(RowCell, RowReason),
}

/// Which indicator of the plan each row names. Rows that name indicators with the same key are
/// paired with them in order when the matrix and the plan have as many; otherwise which is
/// which would be a guess, and those rows are refused. In a new plan every row adds.
fn targets(plan: &Plan, rows: &[Row], into: bool) -> Vec<Target> {
    let index = PlanIndex::of(plan);
    let mut groups: HashMap<RowKey, Vec<usize>> = HashMap::new();
    for (at, row) in rows.iter().enumerate() {
        groups.entry(row.key()).or_default().push(at);
    }
    let mut targets = vec![Target::Add; rows.len()];
    for (key, members) in groups {
        if into && !plan.objectives.iter().any(|o| o.number == key.objective) {
            for at in members {
                targets[at] = Target::Refuse(RowCell::Objective, RowReason::ObjectiveNotInPlan);
            }
            continue;
        }
        let found = if into { index.find(&key) } else { Vec::new() };
        if found.is_empty() {
            continue;
        }
        if found.len() == members.len() {
            for (at, location) in members.into_iter().zip(found) {
                targets[at] = Target::Update(location);
            }
        } else {
            let reason = RowReason::Ambiguous {
                in_plan: found.len(),
                in_matrix: members.len(),
            };
            for at in members {
                targets[at] = Target::Refuse(RowCell::Indicator, reason.clone());
            }
        }
    }
    targets
}

/// Puts the rows into `plan` (a new, empty plan unless `into`), at the matrix's `cut`.
pub(super) fn apply(plan: &mut Plan, rows: &[Row], cut: Cut, into: bool) -> Outcome {
    let targets = targets(plan, rows, into);
    let named = |target: &Target| match target {
        Target::Update(at) => Some(*at),
        _ => None,
    };
    let mut summary = IntoSummary {
        untouched: plan.indicator_count() - targets.iter().filter_map(named).count(),
        ..IntoSummary::default()
    };
    let mut outcome = Outcome {
        problems: Vec::new(),
        problem_total: 0,
        refused_rows: 0,
        applied: 0,
        warnings: Vec::new(),
        into: None,
    };
    // The first row of this import that named each meta (objective, meta index): its number
    // and the meta name it gave.
    let mut meta_names: HashMap<(usize, usize), (usize, String)> = HashMap::new();
    let plan_cut = plan.cut;
    let mut later_quarter_changed = false;
    for (row, target) in rows.iter().zip(targets) {
        let result = match target {
            Target::Refuse(at, reason) => Err((at, reason)),
            Target::Update(at) => {
                update(plan, row, at, cut, &mut meta_names, &mut outcome.warnings).map(|changes| {
                    if changes.changed {
                        summary.changed += 1;
                    } else {
                        summary.unchanged += 1;
                    }
                    later_quarter_changed |= changes.quarters_after(plan_cut, cut);
                })
            }
            Target::Add => {
                add(plan, row, cut, &mut meta_names, &mut outcome.warnings).map(|changes| {
                    summary.added += 1;
                    later_quarter_changed |= changes.quarters_after(plan_cut, cut);
                })
            }
        };
        match result {
            Ok(()) => outcome.applied += 1,
            Err((at, reason)) => {
                outcome.refused_rows += 1;
                outcome.problem_total += 1;
                if outcome.problems.len() < LIST_LIMIT {
                    outcome.problems.push(row.problem(at, reason));
                }
            }
        }
    }
    if into {
        if later_quarter_changed && cut > plan_cut {
            plan.cut = cut;
            summary.cut_moved = Some((plan_cut, cut));
        }
        outcome.into = Some(summary);
    }
    outcome
}

/// What updating an indicator changed.
struct Changes {
    changed: bool,
    /// The quarters whose figure changed.
    quarters: Vec<Cut>,
}

impl Changes {
    /// Whether a figure changed in a quarter after `from`, up to `to`: the plan's cut follows.
    fn quarters_after(&self, from: Cut, to: Cut) -> bool {
        self.quarters.iter().any(|q| *q > from && *q <= to)
    }
}

/// A problem of a row, at one of its cells.
type Refusal = (RowCell, RowReason);

/// Updates the indicator at `at` from the row; nothing changes when the row is refused.
fn update(
    plan: &mut Plan,
    row: &Row,
    at: Location,
    cut: Cut,
    meta_names: &mut HashMap<(usize, usize), (usize, String)>,
    warnings: &mut Vec<ImportWarning>,
) -> Result<Changes, Refusal> {
    let (o, m, i) = at;
    let (period, settings) = (plan.period, plan.settings);
    let original = &plan.objectives[o].metas[m].indicators[i];
    let mut indicator = original.clone();
    let mut row_warnings = Vec::new();
    put_row(
        &mut indicator,
        Some(original),
        row,
        cut,
        period,
        &settings,
        &mut row_warnings,
    )?;
    let meta = &plan.objectives[o].metas[m];
    let meta_name = meta_name_of(meta, row, (o, m), meta_names)?;
    indicator.tidy();
    let mut before = original.clone();
    before.tidy();
    let changes = Changes {
        changed: indicator != before,
        quarters: changed_quarters(&before, &indicator),
    };
    if let Some(name) = meta_name {
        plan.objectives[o].metas[m].name = name;
    }
    if changes.changed {
        plan.objectives[o].metas[m].indicators[i] = indicator;
    }
    let indicator = &plan.objectives[o].metas[m].indicators[i];
    warnings.extend(row_warnings);
    warnings.extend(row.check_published(indicator, cut, &settings));
    Ok(changes)
}

/// Adds the row's indicator to its meta (a new meta at the end of its objective when none has
/// its code).
fn add(
    plan: &mut Plan,
    row: &Row,
    cut: Cut,
    meta_names: &mut HashMap<(usize, usize), (usize, String)>,
    warnings: &mut Vec<ImportWarning>,
) -> Result<Changes, Refusal> {
    if row.meta_code.is_empty() {
        return Err((RowCell::Meta, RowReason::Empty));
    }
    if row.name.is_empty() {
        return Err((RowCell::Name, RowReason::Empty));
    }
    let Some(o) = plan
        .objectives
        .iter()
        .position(|objective| objective.number == row.objective)
    else {
        return Err((RowCell::Objective, RowReason::ObjectiveNotInPlan));
    };
    let (period, settings) = (plan.period, plan.settings);
    let mut indicator = Indicator {
        code: row.code.clone(),
        name: row.name.clone(),
        ..Indicator::default()
    };
    let mut row_warnings = Vec::new();
    put_row(
        &mut indicator,
        None,
        row,
        cut,
        period,
        &settings,
        &mut row_warnings,
    )?;
    indicator.tidy();
    let meta_key = key_text(&row.meta_code);
    let objective = &mut plan.objectives[o];
    let existing = objective
        .metas
        .iter()
        .position(|meta| key_text(&meta.code) == meta_key);
    let m = match existing {
        Some(m) => {
            if let Some(name) = meta_name_of(&objective.metas[m], row, (o, m), meta_names)? {
                objective.metas[m].name = name;
            }
            m
        }
        None => {
            let name = row.meta_name.clone().unwrap_or_default();
            objective.metas.push(Meta {
                code: row.meta_code.clone(),
                name: name.clone(),
                indicators: Vec::new(),
            });
            let m = objective.metas.len() - 1;
            meta_names.insert((o, m), (row.number, name));
            m
        }
    };
    let changes = Changes {
        changed: true,
        quarters: changed_quarters(&Indicator::default(), &indicator),
    };
    let meta = &mut objective.metas[m];
    meta.indicators.push(indicator);
    let indicator = meta.indicators.last().expect("just pushed");
    warnings.extend(row_warnings);
    warnings.extend(row.check_published(indicator, cut, &settings));
    Ok(changes)
}

/// The name the row gives its meta, when it changes it. The first row of the matrix that names
/// a meta says its name; a later row of the same meta that says another is refused.
fn meta_name_of(
    meta: &Meta,
    row: &Row,
    at: (usize, usize),
    meta_names: &mut HashMap<(usize, usize), (usize, String)>,
) -> Result<Option<String>, Refusal> {
    let Some(name) = &row.meta_name else {
        return Ok(None);
    };
    if let Some((first_row, first)) = meta_names.get(&at) {
        return if first == name {
            Ok(None)
        } else {
            Err((
                RowCell::MetaName,
                RowReason::MetaNameDiffers {
                    first_row: *first_row,
                },
            ))
        };
    }
    meta_names.insert(at, (row.number, name.clone()));
    Ok((strip_tags(&meta.name) != *name).then(|| name.clone()))
}

/// The quarters whose reported figure differs between two versions of an indicator.
fn changed_quarters(before: &Indicator, after: &Indicator) -> Vec<Cut> {
    let mut quarters = Vec::new();
    for (vigencia, year) in before.years.iter().chain(&after.years) {
        for quarter in year.executed.keys() {
            let cut = Cut::new(*vigencia, *quarter);
            if before.executed(*vigencia, *quarter) != after.executed(*vigencia, *quarter)
                && !quarters.contains(&cut)
            {
                quarters.push(cut);
            }
        }
    }
    quarters
}

/// A text the row carries, put where the plan keeps it unless it reads the same.
fn put_text(into: &mut String, text: &str) {
    if strip_tags(into) != text {
        *into = text.to_owned();
    }
}

/// Which of two columns carrying the same figure to take, given the plan's: both when they
/// agree; the one that differs from the plan when the other does not (it was left as it was
/// exported); otherwise `Err`. `Ok(None)` when neither column is there.
fn reconcile(
    plan: Option<Decimal>,
    first: Option<Option<Decimal>>,
    second: Option<Option<Decimal>>,
) -> Result<Option<Option<Decimal>>, ()> {
    match (first, second) {
        (None, None) => Ok(None),
        (Some(value), None) | (None, Some(value)) => Ok(Some(value)),
        (Some(a), Some(b)) if a == b || b == plan => Ok(Some(a)),
        (Some(a), Some(b)) if a == plan => Ok(Some(b)),
        _ => Err(()),
    }
}

/// Puts what the row carries into `indicator` (a copy of `original`, or a new one when
/// `original` is `None`).
fn put_row(
    indicator: &mut Indicator,
    original: Option<&Indicator>,
    row: &Row,
    cut: Cut,
    period: Period,
    settings: &Settings,
    warnings: &mut Vec<ImportWarning>,
) -> Result<(), Refusal> {
    let before_at_cut =
        original.and_then(|original| indicator_progress(original, cut, settings).executed);
    put_text(&mut indicator.name, &row.name);
    if let Some(entity) = &row.entity {
        put_text(&mut indicator.entity, entity);
    }
    if let Some(unit) = &row.unit {
        put_text(&mut indicator.unit, unit);
    }
    if let Some(baseline) = row.baseline
        && indicator.baseline != baseline
    {
        indicator.baseline = baseline;
    }
    for (vigencia, value) in &row.programmed {
        if indicator.programmed(*vigencia) != *value {
            indicator.year_mut(*vigencia).programmed = *value;
        }
    }
    if let Some(kind) = row.kind {
        // A kind the meta's code implies is left implied, so that export then import keeps
        // the plan as it was.
        let implied = IndicatorKind::from_meta_code(&row.meta_code);
        if indicator.kind.unwrap_or(implied) != kind {
            indicator.kind = (kind != implied).then_some(kind);
        }
    }
    match (row.annualization, original) {
        (Some(kind), _) => indicator.annualization = kind,
        (None, None) => {
            indicator.declared_total = row.total.flatten();
            indicator.annualization = row.inferred_type(indicator, period, warnings);
        }
        (None, Some(_)) => {}
    }
    if let Some(total) = row.total
        && total != indicator.declared_total
    {
        // The export writes the total the type implies when the plan declares none: that
        // figure leaves none declared.
        let implied = indicator.declared_total.is_none()
            && original.is_some()
            && total == programmed_total(indicator, period);
        if !implied {
            indicator.declared_total = total;
        }
    }
    for (vigencia, value) in &row.weights {
        if *vigencia != cut.vigencia && indicator.weight(*vigencia) != *value {
            indicator.year_mut(*vigencia).weight = *value;
        }
    }
    let cut_weight = reconcile(
        indicator.weight(cut.vigencia),
        row.weight,
        row.weights.get(&cut.vigencia).copied(),
    )
    .map_err(|()| {
        let other = row.places.weight_of_cut.clone().unwrap_or_default();
        (
            RowCell::Weight,
            RowReason::ColumnsDisagree {
                other: other.column,
                other_value: other.value,
            },
        )
    })?;
    if let Some(weight) = cut_weight
        && indicator.weight(cut.vigencia) != weight
    {
        indicator.year_mut(cut.vigencia).weight = weight;
    }
    for (quarter, value) in &row.quarters {
        set_executed(indicator, *quarter, *value);
    }
    put_comments(indicator, &row.comments);
    let Some(at_cut) = row.at_cut else {
        return Ok(());
    };
    let now = indicator_progress(indicator, cut, settings).executed;
    if !row.quarters.contains_key(&cut) {
        return match at_cut {
            Some(value) => put_at_cut(indicator, value, cut),
            None => Ok(()),
        };
    }
    if at_cut == now || at_cut == before_at_cut {
        // The quarters give the figure at the cut (or the column was left as exported).
        return Ok(());
    }
    let quarters_as_in_plan = row
        .quarters
        .iter()
        .filter(|(q, _)| q.vigencia == cut.vigencia && q.quarter <= cut.quarter)
        .all(|(q, value)| original.and_then(|o| o.executed(q.vigencia, q.quarter)) == *value);
    match at_cut {
        Some(value) if quarters_as_in_plan => put_at_cut(indicator, value, cut),
        _ => Err((RowCell::AtCut, RowReason::AtCutDisagrees { quarters: now })),
    }
}

/// Puts the row's comments (one per quarter) into `indicator`; an empty one removes the
/// quarter's comment.
fn put_comments(indicator: &mut Indicator, comments: &BTreeMap<Cut, String>) {
    for (quarter, text) in comments {
        let now = indicator
            .year(quarter.vigencia)
            .and_then(|y| y.comments.get(&quarter.quarter))
            .map_or(String::new(), |c| strip_tags(c));
        if now != *text {
            if text.is_empty() {
                if let Some(year) = indicator.years.get_mut(&quarter.vigencia) {
                    year.comments.remove(&quarter.quarter);
                }
            } else {
                indicator
                    .year_mut(quarter.vigencia)
                    .comments
                    .insert(quarter.quarter, text.clone());
            }
        }
    }
}

/// Sets (or, with `None`, clears) one quarter's figure, unless it is already that figure.
fn set_executed(indicator: &mut Indicator, quarter: Cut, value: Option<Decimal>) {
    if indicator.executed(quarter.vigencia, quarter.quarter) == value {
        return;
    }
    match value {
        Some(value) => {
            indicator
                .year_mut(quarter.vigencia)
                .executed
                .insert(quarter.quarter, value);
        }
        None => {
            if let Some(year) = indicator.years.get_mut(&quarter.vigencia) {
                year.executed.remove(&quarter.quarter);
            }
        }
    }
}

/// The cut's quarter from the magnitude executed at the cut: for suma, the figure minus the
/// quarters before it (refused below 0: the earlier quarters or the matrix are wrong, and the
/// officer decides); for the other types the figure itself, a level.
fn put_at_cut(indicator: &mut Indicator, value: Decimal, cut: Cut) -> Result<(), Refusal> {
    let figure = match indicator.annualization {
        Annualization::Suma => {
            let earlier: Vec<Decimal> = indicator
                .year(cut.vigencia)
                .map(|y| y.executed.range(..cut.quarter).map(|(_, v)| *v).collect())
                .unwrap_or_default();
            let too_large = || (RowCell::AtCut, RowReason::FigureTooLarge);
            let earlier = exact_sum(earlier).map_err(|_| too_large())?;
            let figure = exact_sum([value, -earlier]).map_err(|_| too_large())?;
            if figure.is_sign_negative() && !figure.is_zero() {
                return Err((
                    RowCell::AtCut,
                    RowReason::SumBelowEarlier {
                        earlier,
                        figure,
                        quarter: cut.quarter,
                    },
                ));
            }
            figure
        }
        Annualization::Creciente | Annualization::Constante | Annualization::Decreciente => value,
    };
    set_executed(indicator, cut, Some(figure));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn of_two_columns_for_one_figure_the_one_that_changed_is_taken() {
        let (one, two) = (Some(Decimal::ONE), Some(Decimal::TWO));
        assert_eq!(reconcile(one, None, None), Ok(None));
        assert_eq!(reconcile(one, Some(two), None), Ok(Some(two)));
        assert_eq!(reconcile(one, None, Some(None)), Ok(Some(None)));
        assert_eq!(reconcile(one, Some(two), Some(two)), Ok(Some(two)));
        assert_eq!(reconcile(one, Some(two), Some(one)), Ok(Some(two)));
        assert_eq!(reconcile(one, Some(one), Some(two)), Ok(Some(two)));
        assert_eq!(reconcile(None, Some(one), Some(two)), Err(()));
        assert_eq!(reconcile(one, Some(None), Some(two)), Err(()));
    }

    #[test]
    fn suma_puts_the_figure_less_the_earlier_quarters_and_refuses_below_zero() {
        let q = |n| crate::model::Quarter::new(n).unwrap();
        let cut = Cut::new(2022, q(3));
        let mut indicator = Indicator::default();
        let year = indicator.year_mut(2022);
        year.executed.insert(q(1), Decimal::new(1900, 2));
        year.executed.insert(q(2), Decimal::new(31, 0));
        assert_eq!(put_at_cut(&mut indicator, Decimal::new(60, 0), cut), Ok(()));
        assert_eq!(indicator.executed(2022, q(3)), Some(Decimal::new(10, 0)));
        let refused = put_at_cut(&mut indicator, Decimal::new(49, 0), cut);
        assert_eq!(
            refused,
            Err((
                RowCell::AtCut,
                RowReason::SumBelowEarlier {
                    earlier: Decimal::new(50, 0),
                    figure: Decimal::new(-1, 0),
                    quarter: q(3),
                }
            ))
        );
        indicator.annualization = Annualization::Creciente;
        assert_eq!(put_at_cut(&mut indicator, Decimal::new(49, 0), cut), Ok(()));
        assert_eq!(indicator.executed(2022, q(3)), Some(Decimal::new(49, 0)));
    }
}
