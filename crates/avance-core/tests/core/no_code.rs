//! An indicator without code is written `None` by Avance, but officers write "N/A" (the seed's
//! tables do) and some files keep it as text: every reader takes `"N/A"`, `"n/a "` or `""` as no
//! code, so two of them in one objective are not "a repeated code", and such a file is the same
//! plan as the one written with `None`.

use std::path::Path;

use avance_core::io::plan_file;
use avance_core::model::diff::PlanDiff;
use avance_core::model::validation::{Problem, validate};

const SEED: &str = include_str!("../../../../plans/gestion_publica_2022.ron");

#[test]
fn codes_written_n_a_or_empty_are_no_code_and_never_a_repeated_code() {
    // Objective 3's indicators 465 and 466 lose their codes, written as officers write them;
    // the seed's own uncoded indicator gets "N/A" too.
    let text = SEED
        .replacen("code: None,", "code: \"N/A\",", 1)
        .replacen("code: \"465\",", "code: \"n/a \",", 1)
        .replacen("code: \"466\",", "code: \"\",", 1);
    assert_ne!(text, SEED);
    let plan = plan_file::parse(&text, Path::new("na.ron")).unwrap();
    let codes: Vec<Option<&str>> = plan
        .objectives
        .iter()
        .flat_map(|o| o.indicators())
        .map(|(_, i)| i.code.as_deref())
        .collect();
    assert!(!codes.contains(&Some("N/A")), "{codes:?}");
    assert!(!codes.contains(&Some("n/a ")), "{codes:?}");
    assert!(!codes.contains(&Some("")), "{codes:?}");
    assert_eq!(codes.iter().filter(|c| c.is_none()).count(), 3, "{codes:?}");
    let repeated: Vec<_> = validate(&plan)
        .into_iter()
        .filter(|f| matches!(f.problem, Problem::DuplicateCode(_)))
        .collect();
    assert!(repeated.is_empty(), "{repeated:?}");
    // The seed's "N/A" indicator is the same plan either way.
    let seed = plan_file::parse(SEED, Path::new("seed.ron")).unwrap();
    let with_n_a = plan_file::parse(
        &SEED.replacen("code: None,", "code: \"N/A\",", 1),
        Path::new("a.ron"),
    )
    .unwrap();
    assert!(PlanDiff::new(&seed, &with_n_a, seed.cut).is_identical());
    assert_eq!(seed, with_n_a);
}

#[test]
fn two_uncoded_indicators_with_one_name_and_entity_in_a_meta_are_warned_before_a_merge_refuses_them()
 {
    let mut plan = plan_file::parse(SEED, Path::new("seed.ron")).unwrap();
    assert!(
        !validate(&plan)
            .iter()
            .any(|f| f.problem == Problem::SameNameWithoutCode)
    );
    // META SECTORIAL 431's first two indicators, both without code, one name, one entity.
    let meta = &mut plan.objectives[2].metas[0];
    let first = meta.indicators[0].clone();
    meta.indicators[1].code = None;
    meta.indicators[1].name = first.name.clone();
    meta.indicators[1].entity = first.entity.clone();
    meta.indicators[0].code = Some("N/A".into());
    let plan = plan_file::parse(&plan_file::to_text(&plan).unwrap(), Path::new("p.ron")).unwrap();
    let warned: Vec<_> = validate(&plan)
        .into_iter()
        .filter(|f| f.problem == Problem::SameNameWithoutCode)
        .collect();
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert!(
        warned[0]
            .message(avance_core::model::Language::Es)
            .contains("no se podrán distinguir al consolidar")
    );
}
