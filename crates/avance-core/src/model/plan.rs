//! The plan estratégico sectorial and everything it holds.
//!
//! Domain words stay in Spanish where that is what planning officers say:
//! - *vigencia*: a fiscal year (2020 … 2024);
//! - *meta*: the goal an indicator measures ("META SECTORIAL 301");
//! - *ponderación*: the weight, in percent, of an indicator inside its objective for one vigencia;
//! - *programación*: the magnitude planned for a vigencia;
//! - *corte*: the cut date of a report, the end of a quarter.
//!
//! Every figure is a [`Decimal`]: no binary floating point touches plan figures. How files are
//! read into these types (figures exactly, each vigencia and quarter once) is [`strict`]'s.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::strict;

/// A vigencia: one fiscal year of the plan's period.
pub type Vigencia = u16;

/// The version of the plan file format this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// The most strategic objectives a plan may have. The district's sectors have from three to
/// ten; a plan numbers its objectives 1..N, consecutive, for N from 1 up to this.
pub const MAX_OBJECTIVES: u8 = 20;

/// How many objectives a new plan has unless the officer says otherwise: the seed's sector has
/// five.
pub const DEFAULT_OBJECTIVES: u8 = 5;

/// How a quarter outside 1–4 is reported by deserialization (followed by the number found), so
/// that file readers can say it in words.
pub const QUARTER_OUT_OF_RANGE: &str = "quarter-out-of-range:";

/// A quarter (trimestre) of a vigencia, 1 to 4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Quarter(u8);

impl Quarter {
    /// The four quarters in order.
    pub const ALL: [Quarter; 4] = [Quarter(1), Quarter(2), Quarter(3), Quarter(4)];

    /// The quarter numbered `n` (1..=4), if there is one.
    pub fn new(n: u8) -> Option<Self> {
        (1..=4).contains(&n).then_some(Self(n))
    }

    /// The quarter's number, 1 to 4.
    pub fn number(self) -> u8 {
        self.0
    }

    /// The quarter as officers write it next to a vigencia: "T1" in Spanish, "Q1" in English.
    pub fn short_name(self, language: Language) -> String {
        crate::tr!(language, "quarter-short", number = self.0)
    }

    /// Day and month (DD/MM) on which this quarter closes.
    pub fn closing_day_month(self) -> &'static str {
        match self.0 {
            1 => "31/03",
            2 => "30/06",
            3 => "30/09",
            _ => "31/12",
        }
    }
}

impl TryFrom<u8> for Quarter {
    type Error = String;

    fn try_from(n: u8) -> Result<Self, Self::Error> {
        Self::new(n).ok_or_else(|| format!("{QUARTER_OUT_OF_RANGE}{n}"))
    }
}

impl From<Quarter> for u8 {
    fn from(q: Quarter) -> u8 {
        q.0
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Q{}", self.0)
    }
}

/// A corte: the end of one quarter of one vigencia. Every figure is read "at a cut".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cut {
    pub vigencia: Vigencia,
    pub quarter: Quarter,
}

impl Cut {
    /// The cut at the end of `quarter` of `vigencia`.
    pub fn new(vigencia: Vigencia, quarter: Quarter) -> Self {
        Self { vigencia, quarter }
    }

    /// The cut date as the seed writes it, `31/03/2022`.
    pub fn date(&self) -> String {
        format!("{}/{}", self.quarter.closing_day_month(), self.vigencia)
    }

    /// The cut as a label reads it: `2022 T1` (`2022 Q1` in English).
    pub fn label(&self, language: Language) -> String {
        format!("{} {}", self.vigencia, self.quarter.short_name(language))
    }

    /// The cut in a file name: `2022T1` (`2022Q1` in English).
    pub fn file_tag(&self, language: Language) -> String {
        format!("{}{}", self.vigencia, self.quarter.short_name(language))
    }
}

impl fmt::Display for Cut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.vigencia, self.quarter)
    }
}

/// Why a text is not a cut.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "«{0}» no es un corte: escriba año y trimestre, p. ej. 2022-T1 o 31/03/2022 (not a cut: use year and quarter, e.g. 2022-Q1 or 31/03/2022)"
)]
pub struct CutParseError(pub String);

impl std::str::FromStr for Cut {
    type Err = CutParseError;

    /// Reads `2022-Q1`, `2022Q1`, `2022-1`, the Spanish `2022-T1` / `2022T1` (as the window
    /// and the file names write a quarter) or a closing date `31/03/2022`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || CutParseError(text.to_owned());
        let t = text.trim();
        if let Some((day_month, year)) = t.rsplit_once('/') {
            let vigencia = year.parse().map_err(|_| err())?;
            let quarter = Quarter::ALL
                .into_iter()
                .find(|q| q.closing_day_month() == day_month)
                .ok_or_else(err)?;
            return Ok(Cut::new(vigencia, quarter));
        }
        let upper = t.to_ascii_uppercase().replace('T', "Q");
        let (year, quarter) = upper
            .split_once("-Q")
            .or_else(|| upper.split_once('Q'))
            .or_else(|| upper.split_once('-'))
            .ok_or_else(err)?;
        let vigencia = year.trim().parse().map_err(|_| err())?;
        let quarter = quarter
            .trim()
            .parse()
            .ok()
            .and_then(Quarter::new)
            .ok_or_else(err)?;
        Ok(Cut::new(vigencia, quarter))
    }
}

/// The plan's period: the vigencias from `first` to `last`, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub first: Vigencia,
    pub last: Vigencia,
}

impl Period {
    /// The vigencias of the period, in order.
    pub fn vigencias(&self) -> impl DoubleEndedIterator<Item = Vigencia> + Clone + use<> {
        self.first..=self.last
    }

    /// Whether the vigencia belongs to the period.
    pub fn contains(&self, vigencia: Vigencia) -> bool {
        (self.first..=self.last).contains(&vigencia)
    }
}

pub use crate::i18n::Language;

/// Thresholds of the semáforo (traffic light) used to colour progress, in percent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrafficLights {
    /// Below this, red.
    #[serde(deserialize_with = "strict::figure")]
    pub red_below: Decimal,
    /// From `red_below` up to below this, yellow.
    #[serde(deserialize_with = "strict::figure")]
    pub yellow_below: Decimal,
    /// From `yellow_below` up to this (included), green; above it, orange (over-execution).
    #[serde(deserialize_with = "strict::figure")]
    pub green_up_to: Decimal,
}

/// Why traffic-light thresholds cannot be used: they must rise, red < yellow < green-up-to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThresholdsOutOfOrder {
    /// The red threshold is 0 % or less: no avance would ever show red (and the findings about
    /// red figures without a comment would all vanish).
    RedNotAboveZero,
    /// The red threshold is not below the yellow one.
    RedNotBelowYellow,
    /// The yellow threshold is not below the green one.
    YellowNotBelowGreen,
}

impl ThresholdsOutOfOrder {
    /// The problem in words, naming the thresholds as the settings show them.
    pub fn message(self, language: Language) -> String {
        match self {
            ThresholdsOutOfOrder::RedNotAboveZero => {
                crate::tr!(language, "thresholds-red-not-above-zero")
            }
            ThresholdsOutOfOrder::RedNotBelowYellow => {
                crate::tr!(language, "thresholds-red-not-below-yellow")
            }
            ThresholdsOutOfOrder::YellowNotBelowGreen => {
                crate::tr!(language, "thresholds-yellow-not-below-green")
            }
        }
    }
}

impl TrafficLights {
    /// Whether the thresholds rise as a semáforo needs: 0 < red < yellow < green-up-to.
    pub fn check(&self) -> Result<(), ThresholdsOutOfOrder> {
        if self.red_below <= Decimal::ZERO {
            Err(ThresholdsOutOfOrder::RedNotAboveZero)
        } else if self.red_below >= self.yellow_below {
            Err(ThresholdsOutOfOrder::RedNotBelowYellow)
        } else if self.yellow_below >= self.green_up_to {
            Err(ThresholdsOutOfOrder::YellowNotBelowGreen)
        } else {
            Ok(())
        }
    }
}

impl Default for TrafficLights {
    fn default() -> Self {
        Self {
            red_below: Decimal::from(50),
            yellow_below: Decimal::from(75),
            green_up_to: Decimal::from(125),
        }
    }
}

/// Per-plan settings of how progress is rolled up and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Whether an indicator counts at most 100 % in its objective's average.
    pub cap_in_rollup: bool,
    pub traffic_lights: TrafficLights,
    pub language: Language,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            cap_in_rollup: true,
            traffic_lights: TrafficLights::default(),
            language: Language::Es,
        }
    }
}

/// One of the sector's entities, with its mission and vision texts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub name: String,
    #[serde(default)]
    pub mission: String,
    #[serde(default)]
    pub vision: String,
}

/// Tipo de anualización: how quarterly reports add up and what the period's total means.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Annualization {
    /// The quarters add up; the period's total is the sum of the vigencias.
    #[default]
    Suma,
    /// Each report is a cumulative level; the total is the final vigencia's value.
    Creciente,
    /// Each report is the level held; the total is the repeated yearly value.
    Constante,
    /// Lower is better; progress is measured from a línea base (baseline).
    Decreciente,
}

impl Annualization {
    /// All types, in the order menus list them.
    pub const ALL: [Annualization; 4] = [
        Annualization::Suma,
        Annualization::Creciente,
        Annualization::Constante,
        Annualization::Decreciente,
    ];

    /// The type as the sector's matrices write it in their "Tipo de anualización" column:
    /// `Suma`, `Creciente`, `Constante`, `Decreciente`. A word of the file format, the same in
    /// every language: the export writes it and the import reads it back.
    pub fn sheet_name(self) -> &'static str {
        match self {
            Annualization::Suma => "Suma",
            Annualization::Creciente => "Creciente",
            Annualization::Constante => "Constante",
            Annualization::Decreciente => "Decreciente",
        }
    }

    /// The type a matrix cell names with its [`sheet_name`](Self::sheet_name), in any case
    /// and with spaces around it (`suma`, ` CRECIENTE `); `None` for any other text.
    pub fn from_sheet_name(text: &str) -> Option<Self> {
        let text = text.trim();
        Self::ALL
            .into_iter()
            .find(|kind| kind.sheet_name().eq_ignore_ascii_case(text))
    }
}

/// Where an indicator comes from (the seed's "Metodología de medición · Estructura"): the plan
/// is measured through *indicadores sectoriales*, indicators of *metas trazadoras* (tracer goals
/// of the district's development plan) and indicators of *proyectos de inversión*. All three
/// count the same way in their objective.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IndicatorKind {
    /// Indicador sectorial ("META SECTORIAL 301 · 321").
    Sectorial,
    /// Indicador de meta trazadora.
    MetaTrazadora,
    /// Indicador de proyecto de inversión ("META PROYECTO 4 · N/A").
    ProyectoInversion,
}

impl IndicatorKind {
    /// All kinds, in the order the seed lists them.
    pub const ALL: [IndicatorKind; 3] = [
        IndicatorKind::Sectorial,
        IndicatorKind::MetaTrazadora,
        IndicatorKind::ProyectoInversion,
    ];

    /// The kind a meta's code implies: a code naming "TRAZADORA" is a meta trazadora's, one
    /// naming "PROYECTO" an investment project's ("META PROYECTO 4"), any other a sectorial
    /// one ("META SECTORIAL 301", or no code at all). Case does not matter.
    pub fn from_meta_code(code: &str) -> Self {
        let code = code.to_uppercase();
        if code.contains("TRAZADORA") {
            IndicatorKind::MetaTrazadora
        } else if code.contains("PROYECTO") {
            IndicatorKind::ProyectoInversion
        } else {
            IndicatorKind::Sectorial
        }
    }

    /// The kind as the JSON report writes it: `sectorial`, `meta_trazadora`,
    /// `proyecto_inversion`.
    pub fn key(self) -> &'static str {
        match self {
            IndicatorKind::Sectorial => "sectorial",
            IndicatorKind::MetaTrazadora => "meta_trazadora",
            IndicatorKind::ProyectoInversion => "proyecto_inversion",
        }
    }

    /// The kind in words, in the language: "sectorial", "meta trazadora", "proyecto de
    /// inversión".
    pub fn name(self, language: Language) -> String {
        match self {
            IndicatorKind::Sectorial => crate::tr!(language, "indicator-kind-sectorial"),
            IndicatorKind::MetaTrazadora => crate::tr!(language, "indicator-kind-meta-trazadora"),
            IndicatorKind::ProyectoInversion => {
                crate::tr!(language, "indicator-kind-proyecto-inversion")
            }
        }
    }

    /// The kind as the matrices' "Tipo de indicador" column writes it: `Sectorial`,
    /// `Meta trazadora`, `Proyecto de inversión`. A word of the file format, the same in every
    /// language: the export writes it and the import reads it back.
    pub fn sheet_name(self) -> &'static str {
        match self {
            IndicatorKind::Sectorial => "Sectorial",
            IndicatorKind::MetaTrazadora => "Meta trazadora",
            IndicatorKind::ProyectoInversion => "Proyecto de inversión",
        }
    }

    /// The kind a matrix cell names: its [`sheet_name`](Self::sheet_name) or its
    /// [`key`](Self::key), in any case, with or without the accent and the "de" ("proyecto
    /// inversion"), spaces around ignored; `None` for any other text.
    pub fn from_sheet_name(text: &str) -> Option<Self> {
        let folded = |t: &str| {
            t.trim()
                .to_lowercase()
                .replace('ó', "o")
                .replace(['_', '-'], " ")
                .split_whitespace()
                .filter(|word| *word != "de")
                .collect::<Vec<_>>()
                .join(" ")
        };
        let text = folded(text);
        Self::ALL
            .into_iter()
            .find(|kind| folded(kind.sheet_name()) == text || folded(kind.key()) == text)
    }
}

/// What one indicator holds for one vigencia.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct YearData {
    /// Ponderación: percent of the objective this indicator weighs in this vigencia.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict::optional_figure"
    )]
    pub weight: Option<Decimal>,
    /// Programación: the magnitude planned for the vigencia. Empty or 0 = not programmed.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict::optional_figure"
    )]
    pub programmed: Option<Decimal>,
    /// Magnitud ejecutada reported for each quarter. A quarter absent here was not reported,
    /// which is not the same as a reported 0.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "strict::unique_figures"
    )]
    pub executed: BTreeMap<Quarter, Decimal>,
    /// The officer's comment on each quarter's figure (why it is low, what happened).
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "strict::unique_keys"
    )]
    pub comments: BTreeMap<Quarter, String>,
}

impl YearData {
    /// Whether nothing at all is recorded for this vigencia.
    pub fn is_empty(&self) -> bool {
        self.weight.is_none()
            && self.programmed.is_none()
            && self.executed.is_empty()
            && self.comments.is_empty()
    }
}

/// Whether a code as written means "no code": empty, or "N/A" (any case), around spaces.
pub fn is_no_code(text: &str) -> bool {
    let text = text.trim();
    text.is_empty() || text.eq_ignore_ascii_case("N/A")
}

/// An indicator: what is measured, who answers for it, and its figures per vigencia.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// The indicator's code ("321"); `None` where the seed writes "N/A". A file's `Some("N/A")`
    /// or `Some("")` is read as `None` ([`is_no_code`]), as typing or importing it is.
    #[serde(default, deserialize_with = "strict::code")]
    pub code: Option<String>,
    pub name: String,
    /// Entidad responsable.
    #[serde(default)]
    pub entity: String,
    #[serde(default)]
    pub annualization: Annualization,
    /// Where the indicator comes from, when the officer set it; `None` takes the kind its
    /// meta's code implies ([`Indicator::kind`]). Files written before kinds existed lack it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<IndicatorKind>,
    /// Unit of the magnitude ("%", "estrategias", "personas").
    #[serde(default)]
    pub unit: String,
    /// Línea base, needed by decreciente indicators.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict::optional_figure"
    )]
    pub baseline: Option<Decimal>,
    /// "Programación Total" as published; checked against what the type implies.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict::optional_figure"
    )]
    pub declared_total: Option<Decimal>,
    /// Weight, programming and execution of each vigencia.
    #[serde(default, deserialize_with = "strict::unique_keys")]
    pub years: BTreeMap<Vigencia, YearData>,
}

impl Indicator {
    /// The data of a vigencia, if any was recorded.
    pub fn year(&self, vigencia: Vigencia) -> Option<&YearData> {
        self.years.get(&vigencia)
    }

    /// The data of a vigencia, created empty if needed.
    pub fn year_mut(&mut self, vigencia: Vigencia) -> &mut YearData {
        self.years.entry(vigencia).or_default()
    }

    /// The ponderación for a vigencia.
    pub fn weight(&self, vigencia: Vigencia) -> Option<Decimal> {
        self.year(vigencia).and_then(|y| y.weight)
    }

    /// The programación for a vigencia.
    pub fn programmed(&self, vigencia: Vigencia) -> Option<Decimal> {
        self.year(vigencia).and_then(|y| y.programmed)
    }

    /// The magnitude reported for one quarter, `None` when not reported.
    pub fn executed(&self, vigencia: Vigencia, quarter: Quarter) -> Option<Decimal> {
        self.year(vigencia)
            .and_then(|y| y.executed.get(&quarter))
            .copied()
    }

    /// One of the figures a vigencia holds: its weight, its programming or a quarter's
    /// executed magnitude.
    pub fn figure(&self, vigencia: Vigencia, figure: super::edit::Figure) -> Option<Decimal> {
        use super::edit::Figure;
        match figure {
            Figure::Weight => self.weight(vigencia),
            Figure::Programmed => self.programmed(vigencia),
            Figure::Executed(quarter) => self.executed(vigencia, quarter),
        }
    }

    /// Where the indicator comes from: the kind set on it, else the one its meta's code
    /// implies.
    pub fn kind(&self, meta: &Meta) -> IndicatorKind {
        self.kind
            .unwrap_or_else(|| IndicatorKind::from_meta_code(&meta.code))
    }

    /// The code as officers read it: the code, or "N/A".
    pub fn code_label(&self) -> &str {
        self.code.as_deref().unwrap_or("N/A")
    }

    /// Drops vigencias with nothing recorded, so equal plans have equal files.
    pub fn tidy(&mut self) {
        self.years.retain(|_, y| !y.is_empty());
    }
}

/// A meta: the goal a group of indicators measures ("META SECTORIAL 431").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// "META SECTORIAL 301", "META PROYECTO 4".
    pub code: String,
    /// Nombre meta: the long statement of the goal.
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

/// An objetivo estratégico, numbered 1 to N (at most [`MAX_OBJECTIVES`]), and the metas that
/// feed it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    pub number: u8,
    pub text: String,
    #[serde(default)]
    pub metas: Vec<Meta>,
}

impl Objective {
    /// The objective's indicators in plan order, with the meta each belongs to.
    pub fn indicators(&self) -> impl Iterator<Item = (&Meta, &Indicator)> {
        self.metas
            .iter()
            .flat_map(|m| m.indicators.iter().map(move |i| (m, i)))
    }

    /// How many indicators the objective has.
    pub fn indicator_count(&self) -> usize {
        self.metas.iter().map(|m| m.indicators.len()).sum()
    }
}

/// The plan estratégico sectorial.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Version of the file format the plan was written in.
    pub version: u32,
    pub title: String,
    /// The sector's name ("Sector Gestión Pública").
    #[serde(default)]
    pub sector: String,
    /// Misión del sector.
    #[serde(default)]
    pub sector_mission: String,
    #[serde(default)]
    pub entities: Vec<Entity>,
    pub period: Period,
    /// The current corte: the quarter last reported.
    pub cut: Cut,
    #[serde(default)]
    pub settings: Settings,
    pub objectives: Vec<Objective>,
}

impl Plan {
    /// An empty plan for the period, with [`DEFAULT_OBJECTIVES`] objectives and no indicators.
    pub fn new(title: impl Into<String>, period: Period) -> Self {
        Self::with_objectives(title, period, DEFAULT_OBJECTIVES)
    }

    /// An empty plan for the period with objectives numbered 1 to `objectives` (taken within
    /// 1 and [`MAX_OBJECTIVES`]) and no indicators.
    pub fn with_objectives(title: impl Into<String>, period: Period, objectives: u8) -> Self {
        Self {
            version: FORMAT_VERSION,
            title: title.into(),
            sector: String::new(),
            sector_mission: String::new(),
            entities: Vec::new(),
            period,
            cut: Cut::new(period.first, Quarter::ALL[0]),
            settings: Settings::default(),
            objectives: (1..=objectives.clamp(1, MAX_OBJECTIVES))
                .map(|number| Objective {
                    number,
                    text: String::new(),
                    metas: Vec::new(),
                })
                .collect(),
        }
    }

    /// The objective numbered `number`.
    pub fn objective(&self, number: u8) -> Option<&Objective> {
        self.objectives.iter().find(|o| o.number == number)
    }

    /// How many indicators the whole plan has.
    pub fn indicator_count(&self) -> usize {
        self.objectives.iter().map(Objective::indicator_count).sum()
    }

    /// How many indicators of each kind the plan has, in the order of [`IndicatorKind::ALL`].
    pub fn kind_counts(&self) -> [(IndicatorKind, usize); 3] {
        IndicatorKind::ALL.map(|kind| {
            let count = self
                .objectives
                .iter()
                .flat_map(Objective::indicators)
                .filter(|(meta, indicator)| indicator.kind(meta) == kind)
                .count();
            (kind, count)
        })
    }

    /// Drops empty vigencias everywhere, so equal plans have equal files.
    pub fn tidy(&mut self) {
        for objective in &mut self.objectives {
            for meta in &mut objective.metas {
                for indicator in &mut meta.indicators {
                    indicator.tidy();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_reads_the_forms_officers_write() {
        let q1 = Cut::new(2022, Quarter::new(1).unwrap());
        for text in [
            "2022-Q1",
            "2022q1",
            "2022-1",
            "2022-T1",
            "2022t1",
            " 31/03/2022 ",
        ] {
            assert_eq!(text.parse::<Cut>(), Ok(q1), "{text}");
        }
        assert_eq!(
            "30/09/2023".parse::<Cut>().unwrap(),
            Cut::new(2023, Quarter::new(3).unwrap())
        );
        for bad in ["2022-Q5", "2022", "Q1", "15/03/2022", "abc-Q1", ""] {
            assert!(bad.parse::<Cut>().is_err(), "{bad}");
        }
        assert_eq!(q1.to_string(), "2022-Q1");
        assert_eq!(q1.date(), "31/03/2022");
    }

    #[test]
    fn quarter_exists_only_from_1_to_4() {
        assert!(Quarter::new(0).is_none());
        assert!(Quarter::new(5).is_none());
        assert_eq!(Quarter::new(4).map(Quarter::number), Some(4));
    }

    #[test]
    fn a_quarter_is_t_in_spanish_and_q_in_english() {
        let q3 = Quarter::new(3).unwrap();
        assert_eq!(q3.short_name(Language::Es), "T3");
        assert_eq!(q3.short_name(Language::En), "Q3");
    }

    #[test]
    fn the_kind_defaults_from_the_metas_code() {
        use IndicatorKind::*;
        assert_eq!(
            IndicatorKind::from_meta_code("META SECTORIAL 301"),
            Sectorial
        );
        assert_eq!(
            IndicatorKind::from_meta_code("META PROYECTO 4"),
            ProyectoInversion
        );
        assert_eq!(
            IndicatorKind::from_meta_code("Meta trazadora 12"),
            MetaTrazadora
        );
        assert_eq!(IndicatorKind::from_meta_code(""), Sectorial);
        let meta = Meta {
            code: "META PROYECTO 4".to_owned(),
            ..Meta::default()
        };
        let mut indicator = Indicator::default();
        assert_eq!(indicator.kind(&meta), ProyectoInversion);
        indicator.kind = Some(MetaTrazadora);
        assert_eq!(indicator.kind(&meta), MetaTrazadora);
    }

    #[test]
    fn kind_sheet_names_read_back_in_the_ways_officers_write_them() {
        for kind in IndicatorKind::ALL {
            assert_eq!(
                IndicatorKind::from_sheet_name(kind.sheet_name()),
                Some(kind)
            );
            assert_eq!(IndicatorKind::from_sheet_name(kind.key()), Some(kind));
            let shouted = format!(" {} ", kind.sheet_name().to_uppercase());
            assert_eq!(IndicatorKind::from_sheet_name(&shouted), Some(kind));
        }
        assert_eq!(
            IndicatorKind::from_sheet_name("proyecto inversion"),
            Some(IndicatorKind::ProyectoInversion)
        );
        assert_eq!(IndicatorKind::from_sheet_name("meta"), None);
        assert_eq!(IndicatorKind::from_sheet_name(""), None);
    }

    #[test]
    fn a_new_plan_has_the_objectives_asked_for_within_the_maximum() {
        let period = Period {
            first: 2020,
            last: 2024,
        };
        let numbers = |plan: Plan| plan.objectives.iter().map(|o| o.number).collect::<Vec<_>>();
        assert_eq!(numbers(Plan::new("p", period)), vec![1, 2, 3, 4, 5]);
        assert_eq!(
            numbers(Plan::with_objectives("p", period, 7)),
            (1..=7).collect::<Vec<_>>()
        );
        assert_eq!(Plan::with_objectives("p", period, 0).objectives.len(), 1);
        assert_eq!(
            Plan::with_objectives("p", period, 200).objectives.len(),
            usize::from(MAX_OBJECTIVES)
        );
    }

    #[test]
    fn annualization_sheet_names_read_back_in_any_case() {
        for kind in Annualization::ALL {
            assert_eq!(
                Annualization::from_sheet_name(kind.sheet_name()),
                Some(kind)
            );
            let shouted = format!(" {} ", kind.sheet_name().to_uppercase());
            assert_eq!(Annualization::from_sheet_name(&shouted), Some(kind));
        }
        assert_eq!(Annualization::from_sheet_name("Sum"), None);
        assert_eq!(Annualization::from_sheet_name(""), None);
    }
}
