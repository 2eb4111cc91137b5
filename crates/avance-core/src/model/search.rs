//! Find: which indicators answer the words an officer types (Ctrl+F).
//!
//! A word matches an indicator's code (exactly or as its beginning: "55" finds 554 and 555),
//! its meta's code ("431", "META PROYECTO 4") or any word of the indicator's, the meta's or the
//! entity's names, ignoring case and accents. Every word typed must match.

use super::edit::IndicatorPath;
use super::plan::Plan;

/// Lower case without accents, for comparing what is typed with what is written.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' | 'Á' | 'À' | 'Ä' | 'Â' => 'a',
            'é' | 'è' | 'ë' | 'ê' | 'É' | 'È' | 'Ë' | 'Ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' | 'Í' | 'Ì' | 'Ï' | 'Î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' | 'Ó' | 'Ò' | 'Ö' | 'Ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' | 'Ú' | 'Ù' | 'Ü' | 'Û' => 'u',
            'ñ' | 'Ñ' => 'n',
            c => c.to_lowercase().next().unwrap_or(c),
        })
        .collect()
}

/// Where a word typed was found in an indicator, for the find bar to say why it is a hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoundIn {
    Code,
    MetaCode,
    Name,
    MetaName,
    Entity,
}

impl FoundIn {
    /// The place in words: "código", "nombre de la meta"…
    pub fn name(self, language: super::plan::Language) -> String {
        match self {
            FoundIn::Code => crate::tr!(language, "found-in-code"),
            FoundIn::MetaCode => crate::tr!(language, "found-in-meta-code"),
            FoundIn::Name => crate::tr!(language, "found-in-name"),
            FoundIn::MetaName => crate::tr!(language, "found-in-meta-name"),
            FoundIn::Entity => crate::tr!(language, "found-in-entity"),
        }
    }
}

/// Where the words of `query` were found in the indicator at `at`: for each word the first
/// place it matches (code, meta code, name, meta name, entity), each place once.
pub fn found_in(plan: &Plan, at: IndicatorPath, query: &str) -> Vec<FoundIn> {
    let (Some(meta), Some(indicator)) = (
        plan.objectives
            .get(at.objective)
            .and_then(|o| o.metas.get(at.meta)),
        plan.indicator(at),
    ) else {
        return Vec::new();
    };
    let code = fold(indicator.code.as_deref().unwrap_or(""));
    let meta_code = fold(&meta.code);
    let has_word = |text: &str, word: &str| {
        fold(text)
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.starts_with(word))
    };
    let mut places = Vec::new();
    for word in fold(query).split_whitespace() {
        let place = if !code.is_empty() && code.starts_with(word) {
            FoundIn::Code
        } else if meta_code.contains(word) {
            FoundIn::MetaCode
        } else if has_word(&indicator.name, word) {
            FoundIn::Name
        } else if has_word(&meta.name, word) {
            FoundIn::MetaName
        } else if has_word(&indicator.entity, word) {
            FoundIn::Entity
        } else {
            continue;
        };
        if !places.contains(&place) {
            places.push(place);
        }
    }
    places
}

/// The indicators of the plan that every word of `query` matches, in plan order.
pub fn find(plan: &Plan, query: &str) -> Vec<IndicatorPath> {
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (oi, objective) in plan.objectives.iter().enumerate() {
        for (mi, meta) in objective.metas.iter().enumerate() {
            let meta_code = fold(&meta.code);
            let meta_name = fold(&meta.name);
            for (ii, indicator) in meta.indicators.iter().enumerate() {
                let code = fold(indicator.code.as_deref().unwrap_or(""));
                let names = format!(
                    "{} {} {}",
                    fold(&indicator.name),
                    meta_name,
                    fold(&indicator.entity)
                );
                let matches = |word: &String| {
                    (!code.is_empty() && code.starts_with(word.as_str()))
                        || meta_code.contains(word.as_str())
                        || names
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|w| w.starts_with(word.as_str()))
                };
                if words.iter().all(matches) {
                    hits.push(IndicatorPath {
                        objective: oi,
                        meta: mi,
                        indicator: ii,
                    });
                }
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::seed_plan;

    fn codes(plan: &Plan, query: &str) -> Vec<String> {
        find(plan, query)
            .into_iter()
            .map(|at| plan.indicator(at).unwrap().code_label().to_owned())
            .collect()
    }

    #[test]
    fn says_where_each_word_was_found() {
        let plan = seed_plan();
        let at = find(&plan, "554")[0];
        assert_eq!(found_in(&plan, at, "554"), [FoundIn::Code]);
        assert_eq!(
            found_in(&plan, at, "506 lineamientos"),
            [FoundIn::MetaCode, FoundIn::Name]
        );
        assert_eq!(found_in(&plan, at, "secretaria"), [FoundIn::Entity]);
    }

    #[test]
    fn finds_by_code_meta_and_any_word_ignoring_case_and_accents() {
        let plan = seed_plan();
        assert_eq!(codes(&plan, "554"), ["554"]);
        assert_eq!(codes(&plan, "55"), ["554", "555"]);
        assert_eq!(codes(&plan, "meta proyecto 4"), ["N/A"]);
        assert_eq!(codes(&plan, "431").len(), 4);
        assert_eq!(codes(&plan, "COMUNICACION"), ["554", "555"]);
        assert_eq!(codes(&plan, "discapacidad participan"), ["644"]);
        assert_eq!(
            codes(&plan, "discapacidad").len(),
            4,
            "the meta's name counts too"
        );
        assert!(codes(&plan, "inexistente").is_empty());
        assert!(codes(&plan, "  ").is_empty());
    }
}
