//! The semáforo thresholds as the plan's settings show them: three fields typed as text, read
//! and checked (red < yellow < green-up-to) before one edit applies all three.

use crate::model::format::{NumberError, number_as_stored, parse_number};
use crate::model::{Language, ThresholdsOutOfOrder, TrafficLights};

/// Which threshold a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Threshold {
    /// Below it, red.
    RedBelow,
    /// Below it (and from red's), yellow.
    YellowBelow,
    /// Up to it, green; above it, orange.
    GreenUpTo,
}

impl Threshold {
    /// The three, in the order the settings show them.
    pub const ALL: [Threshold; 3] = [
        Threshold::RedBelow,
        Threshold::YellowBelow,
        Threshold::GreenUpTo,
    ];

    /// The threshold's value in `lights`.
    pub fn of(self, lights: &TrafficLights) -> rust_decimal::Decimal {
        match self {
            Threshold::RedBelow => lights.red_below,
            Threshold::YellowBelow => lights.yellow_below,
            Threshold::GreenUpTo => lights.green_up_to,
        }
    }

    /// The field's label, which screen readers and tests find it by.
    pub fn label(self, language: Language) -> String {
        match self {
            Threshold::RedBelow => crate::tr!(language, "thresholds-red-below"),
            Threshold::YellowBelow => crate::tr!(language, "thresholds-yellow-below"),
            Threshold::GreenUpTo => crate::tr!(language, "thresholds-green-up-to"),
        }
    }
}

/// Why the typed thresholds cannot be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ThresholdsProblem {
    NotANumber(Threshold, NumberError),
    OutOfOrder(ThresholdsOutOfOrder),
}

impl ThresholdsProblem {
    /// The problem in words.
    pub fn message(&self, language: Language) -> String {
        match self {
            ThresholdsProblem::NotANumber(threshold, error) => {
                format!("{}: {}", threshold.label(language), error.message(language))
            }
            ThresholdsProblem::OutOfOrder(order) => order.message(language),
        }
    }
}

/// The three thresholds as typed, red first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThresholdsForm {
    pub texts: [String; 3],
}

impl ThresholdsForm {
    /// The form showing `lights` as stored.
    pub fn of(lights: &TrafficLights, language: Language) -> Self {
        let text = |v| number_as_stored(v, language);
        Self {
            texts: [
                text(lights.red_below),
                text(lights.yellow_below),
                text(lights.green_up_to),
            ],
        }
    }

    /// The text typed for `threshold`.
    pub fn text_mut(&mut self, threshold: Threshold) -> &mut String {
        &mut self.texts[threshold as usize]
    }

    /// The thresholds typed, if each is a number and they rise.
    pub fn parse(&self, language: Language) -> Result<TrafficLights, ThresholdsProblem> {
        let read = |threshold: Threshold| {
            parse_number(&self.texts[threshold as usize], language)
                .map_err(|e| ThresholdsProblem::NotANumber(threshold, e))
        };
        let lights = TrafficLights {
            red_below: read(Threshold::RedBelow)?,
            yellow_below: read(Threshold::YellowBelow)?,
            green_up_to: read(Threshold::GreenUpTo)?,
        };
        lights.check().map_err(ThresholdsProblem::OutOfOrder)?;
        Ok(lights)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn thresholds_must_rise() {
        let mut form = ThresholdsForm::of(&TrafficLights::default(), Language::Es);
        assert_eq!(form.texts[0], "50,00");
        assert_eq!(form.parse(Language::Es), Ok(TrafficLights::default()));
        *form.text_mut(Threshold::RedBelow) = "80".into();
        assert_eq!(
            form.parse(Language::Es),
            Err(ThresholdsProblem::OutOfOrder(
                ThresholdsOutOfOrder::RedNotBelowYellow
            ))
        );
        *form.text_mut(Threshold::RedBelow) = "20".into();
        *form.text_mut(Threshold::GreenUpTo) = "60".into();
        *form.text_mut(Threshold::YellowBelow) = "60".into();
        assert_eq!(
            form.parse(Language::Es),
            Err(ThresholdsProblem::OutOfOrder(
                ThresholdsOutOfOrder::YellowNotBelowGreen
            ))
        );
        *form.text_mut(Threshold::GreenUpTo) = "125,5".into();
        assert_eq!(
            form.parse(Language::Es).map(|l| l.green_up_to),
            Ok(Decimal::new(1255, 1))
        );
        *form.text_mut(Threshold::RedBelow) = "-5".into();
        assert_eq!(
            form.parse(Language::Es),
            Err(ThresholdsProblem::OutOfOrder(
                ThresholdsOutOfOrder::RedNotAboveZero
            ))
        );
        *form.text_mut(Threshold::RedBelow) = "0".into();
        assert!(
            form.parse(Language::Es).is_err(),
            "0 %: nothing would be red"
        );
        *form.text_mut(Threshold::YellowBelow) = "abc".into();
        assert!(matches!(
            form.parse(Language::Es),
            Err(ThresholdsProblem::NotANumber(Threshold::YellowBelow, _))
        ));
    }
}
