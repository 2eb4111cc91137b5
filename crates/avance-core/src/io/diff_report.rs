//! What `avance diff` prints: the differences from plan A to plan B as lines to read (one per
//! difference, control characters of names escaped), or as JSON (where `matched_by` says
//! whether an indicator was matched by its code or, without code, by its entity and name); then
//! each objective's avance in both plans at the same cut.

use std::borrow::Cow;

use serde_json::{Value as Json, json};

use crate::model::Language;
use crate::model::diff::{Change, Difference, IndicatorKey, Item, PlanDiff, Value};
use crate::model::format::fixed2;
use crate::tr;

/// The names plans A and B go by (their paths as given).
#[derive(Clone, Copy, Debug)]
pub struct Names<'a> {
    pub a: &'a str,
    pub b: &'a str,
}

/// The differences as text: a heading, one line per difference, then the objectives' avance
/// in A and B at the diff's cut. Identical plans give one line saying so.
pub fn to_text(diff: &PlanDiff, names: Names<'_>, language: Language) -> String {
    let (a, b) = (names.a, names.b);
    if diff.is_identical() {
        return format!("{}\n", tr!(language, "diff-identical", a = a, b = b));
    }
    let mut out = String::new();
    let count = diff.changes.len();
    out.push_str(&tr!(language, "diff-heading", a = a, b = b, count = count));
    out.push('\n');
    for change in &diff.changes {
        out.push_str(&printable(&change.message(language)));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&tr!(
        language,
        "diff-progress-heading",
        cut = diff.cut.date(),
        a = a,
        b = b
    ));
    out.push('\n');
    for objective in &diff.objectives {
        out.push_str(&objective.text(language));
        out.push('\n');
    }
    out
}

/// The differences as JSON: figures as exact strings (`"0.50"`), `null` for an empty figure,
/// a quarter not reported or no comment; avance rounded to 2 decimals.
pub fn to_json(diff: &PlanDiff, names: Names<'_>, language: Language) -> String {
    let differences: Vec<Json> = diff
        .changes
        .iter()
        .map(|c| change_json(c, language))
        .collect();
    let objectives: Vec<Json> = diff
        .objectives
        .iter()
        .map(|o| {
            json!({
                "number": o.number,
                "a": o.a.map(fixed2),
                "b": o.b.map(fixed2),
            })
        })
        .collect();
    let document = json!({
        "a": names.a,
        "b": names.b,
        "cut": diff.cut.to_string(),
        "identical": diff.is_identical(),
        "differences": differences,
        "objectives": objectives,
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

fn change_json(change: &Change, language: Language) -> Json {
    let place = &change.place;
    let mut fields = json!({
        "text": change.message(language),
        "entity": place.entity,
        "objective": place.objective,
        "meta": place.meta,
        "indicator": place.indicator.as_ref().map(|i| i.label.clone()),
        "matched_by": place.indicator.as_ref().map(|i| match i.key {
            IndicatorKey::Code(_) => "code",
            IndicatorKey::WithoutCode { .. } => "entity_and_name",
        }),
    });
    let extra = match &change.difference {
        Difference::Changed { subject, old, new } => {
            let (vigencia, quarter) = subject.when();
            json!({
                "change": "changed",
                "subject": subject.key(),
                "vigencia": vigencia,
                "quarter": quarter.map(|q| q.number()),
                "old": value_json(old),
                "new": value_json(new),
            })
        }
        Difference::Added(item) => item_json("added", item),
        Difference::Removed(item) => item_json("removed", item),
    };
    if let (Some(fields), Json::Object(extra)) = (fields.as_object_mut(), extra) {
        fields.extend(extra);
    }
    fields
}

fn item_json(change: &str, item: &Item) -> Json {
    let (kind, name) = match item {
        Item::Entity(name) => ("entity", name),
        Item::Objective(text) => ("objective", text),
        Item::Meta { name, .. } => ("meta", name),
        Item::Indicator(name) => ("indicator", name),
    };
    json!({ "change": change, "item": kind, "name": name })
}

fn value_json(value: &Value) -> Json {
    match value {
        Value::Number(n) | Value::Executed(n) => json!(n.map(|n| n.to_string())),
        Value::Comment(text) => json!(text),
        Value::Text(text) => json!(text),
        Value::Code(code) => json!(code),
        Value::Flag(flag) => json!(flag),
        Value::Type(kind) => json!(kind.sheet_name()),
        Value::Cut(cut) => json!(cut.to_string()),
        Value::Period(period) => json!({ "first": period.first, "last": period.last }),
        Value::Language(Language::Es) => json!("es"),
        Value::Language(Language::En) => json!("en"),
        Value::Order(items) => json!(items),
    }
}

/// The line with control characters (a line break inside a name, an escape sequence) written
/// escaped (`\n`, `\u{1b}`), so each difference stays one line and a name cannot move the
/// cursor.
fn printable(line: &str) -> Cow<'_, str> {
    if !line.chars().any(char::is_control) {
        return Cow::Borrowed(line);
    }
    Cow::Owned(
        line.chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::seed_plan;
    use crate::model::Quarter;
    use crate::model::edit::{Edit, Figure, IndicatorPath};
    use rust_decimal::Decimal;

    fn names() -> Names<'static> {
        Names {
            a: "a.ron",
            b: "b.ron",
        }
    }

    #[test]
    fn identical_plans_say_so_in_one_line() {
        let plan = seed_plan();
        let diff = PlanDiff::new(&plan, &plan, plan.cut);
        assert_eq!(
            to_text(&diff, names(), Language::Es),
            "a.ron y b.ron son idénticos: ninguna diferencia.\n"
        );
    }

    #[test]
    fn the_text_lists_the_change_and_the_objectives_at_the_cut() {
        let a = seed_plan();
        let mut b = a.clone();
        b.apply(Edit::Figure {
            at: IndicatorPath {
                objective: 2,
                meta: 0,
                indicator: 1,
            },
            vigencia: 2022,
            figure: Figure::Executed(Quarter::new(1).unwrap()),
            value: Some(Decimal::ONE),
        })
        .unwrap();
        b.objectives[2].text.push_str("\nsegunda línea");
        let diff = PlanDiff::new(&a, &b, b.cut);
        let text = to_text(&diff, names(), Language::Es);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "De a.ron a b.ron: 2 diferencias");
        assert!(lines[1].ends_with("\\nsegunda línea»"), "{}", lines[1]);
        assert_eq!(
            lines[2],
            "Objetivo 3 · indicador 465 · ejecutado 2022 T1: 0,00 → 1,00"
        );
        assert_eq!(lines[4], "Avance al corte 31/03/2022 (a.ron → b.ron):");
        assert_eq!(lines[5], "Objetivo 1: — → —");
        assert_eq!(lines[6], "Objetivo 2: 50,24\u{a0}% → 50,24\u{a0}%");
        assert_eq!(lines[7], "Objetivo 3: 24,15\u{a0}% → 27,15\u{a0}% (+3,00)");
        let json: Json = serde_json::from_str(&to_json(&diff, names(), Language::En)).unwrap();
        assert_eq!(json["identical"], false);
        let figure = &json["differences"][1];
        assert_eq!(figure["subject"], "executed");
        assert_eq!(figure["indicator"], "465");
        assert_eq!(figure["vigencia"], 2022);
        assert_eq!(figure["quarter"], 1);
        assert_eq!(figure["old"], "0.00");
        assert_eq!(figure["new"], "1");
        assert_eq!(json["objectives"][2]["b"], "27.15");
    }
}
