//! Exact fractions for the figures the engine derives from a plan.
//!
//! A [`Decimal`] is `mantissa / 10^scale`, so every figure typed into a plan is an exact
//! fraction, and so is every avance computed from them: `5/6 × 100` stays `250/3`, which no
//! decimal form holds. The weighted average of an objective is computed on these fractions and
//! rounded once, to show or export ([`Fraction::round2`]): a 28-digit intermediate would turn
//! 25,875 into 25,8749… and show 25,87.

use std::cmp::Ordering;
use std::ops::{Add, Mul, Neg, Sub};

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};
use rust_decimal::Decimal;

/// An exact rational number: big integers above and below, never rounded.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fraction(BigRational);

impl Fraction {
    /// 0.
    pub fn zero() -> Self {
        Self(BigRational::zero())
    }

    /// A whole number.
    pub fn integer(n: i64) -> Self {
        Self(BigRational::from_integer(BigInt::from(n)))
    }

    /// The exact value of a decimal.
    pub fn from_decimal(value: Decimal) -> Self {
        let numerator = BigInt::from(value.mantissa());
        let denominator = BigInt::from(10u8).pow(value.scale());
        Self(BigRational::new(numerator, denominator))
    }

    /// The exact value as a ratio of big integers, denominator positive, not always in lowest
    /// terms (see [`Fraction::weighted_average`]).
    pub fn to_ratio(&self) -> BigRational {
        self.0.clone()
    }

    /// `Σ wᵢ·vᵢ / Σ wᵢ` exactly; `None` when the weights add up to 0.
    ///
    /// Adding thousands of fractions whose denominators share no factor builds a denominator of
    /// tens of thousands of bits; reducing it to lowest terms after each addition (what `+`
    /// does) costs a quadratic gcd every time. Here terms with the same denominator are added
    /// first, the rest pairwise in a balanced tree without reducing, and the result is left
    /// unreduced: it is the same number, and [`Fraction::round2`] divides once.
    pub fn weighted_average<'a>(
        terms: impl IntoIterator<Item = (Decimal, &'a Fraction)>,
    ) -> Option<Self> {
        let mut weights = Fraction::zero();
        let mut by_denominator: std::collections::HashMap<BigInt, BigInt> =
            std::collections::HashMap::new();
        for (weight, value) in terms {
            weights = &weights + &Fraction::from_decimal(weight);
            if weight.is_zero() || value.is_zero() {
                continue;
            }
            let denominator = BigInt::from(10u8).pow(weight.scale()) * value.0.denom();
            *by_denominator.entry(denominator).or_default() +=
                BigInt::from(weight.mantissa()) * value.0.numer();
        }
        if weights.is_zero() {
            return None;
        }
        let mut level: Vec<(BigInt, BigInt)> = by_denominator
            .into_iter()
            .map(|(denominator, numerator)| (numerator, denominator))
            .collect();
        // The same order whatever the hash map's: the sum is exact either way, this keeps the
        // (unreduced) terms of the result the same from run to run.
        level.sort_by(|a, b| a.1.cmp(&b.1));
        while level.len() > 1 {
            let mut next = Vec::with_capacity(level.len().div_ceil(2));
            let mut pairs = level.into_iter();
            while let Some((a, b)) = pairs.next() {
                next.push(match pairs.next() {
                    Some((c, d)) => (a * &d + c * &b, b * d),
                    None => (a, b),
                });
            }
            level = next;
        }
        let (numerator, denominator) = level
            .pop()
            .unwrap_or_else(|| (BigInt::zero(), BigInt::from(1u8)));
        // (A / D) / (Wn / Wd) = A·Wd / D·Wn, the denominator kept positive.
        let (wn, wd) = (weights.0.numer(), weights.0.denom());
        let (mut numerator, mut denominator) = (numerator * wd, denominator * wn);
        if denominator.is_negative() {
            numerator = -numerator;
            denominator = -denominator;
        }
        Some(Self(BigRational::new_raw(numerator, denominator)))
    }

    /// Whether the value is 0.
    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    /// Whether the value is below 0.
    pub fn is_negative(&self) -> bool {
        self.0.is_negative()
    }

    /// The absolute value.
    pub fn abs(&self) -> Self {
        Self(self.0.abs())
    }

    /// `self / divisor`, or `None` for a zero divisor.
    pub fn checked_div(&self, divisor: &Self) -> Option<Self> {
        (!divisor.is_zero()).then(|| Self(&self.0 / &divisor.0))
    }

    /// The value rounded to 2 decimals, half away from zero (25,875 → 25,88; −3,125 → −3,13),
    /// or `None` when the result is beyond what a [`Decimal`] holds.
    pub fn round2(&self) -> Option<Decimal> {
        // |n|/d × 100 + 1/2, floored: (200·|n| + d) div 2d, one division of whole numbers.
        let (numerator, denominator) = (self.0.numer(), self.0.denom());
        let twice = denominator * 2u8;
        let rounded = (numerator.abs() * 200u8 + denominator) / twice;
        let magnitude = rounded.to_i128()?;
        let mantissa = if numerator.is_negative() {
            -magnitude
        } else {
            magnitude
        };
        Decimal::try_from_i128_with_scale(mantissa, 2).ok()
    }

    /// The value as a decimal, only when the decimal is exactly equal to it.
    pub fn to_decimal_exact(&self) -> Option<Decimal> {
        // A fraction with a finite decimal form has a denominator of 2^a · 5^b; its decimal
        // needs at most max(a, b) digits after the point, and a Decimal holds 28.
        let reduced = self.0.reduced();
        let mut denominator = reduced.denom().clone();
        let mut scale = 0u32;
        let ten = BigInt::from(10u8);
        while (&denominator % &ten).is_zero() {
            denominator /= &ten;
            scale += 1;
        }
        // Bring the denominator to a power of ten.
        let (two, five) = (BigInt::from(2u8), BigInt::from(5u8));
        let mut numerator = reduced.numer().clone();
        while denominator != BigInt::from(1u8) && scale <= 28 {
            if (&denominator % &two).is_zero() {
                denominator /= &two;
                numerator *= &five;
            } else if (&denominator % &five).is_zero() {
                denominator /= &five;
                numerator *= &two;
            } else {
                return None;
            }
            scale += 1;
        }
        if scale > 28 {
            return None;
        }
        let mantissa = numerator.to_i128()?;
        Decimal::try_from_i128_with_scale(mantissa, scale).ok()
    }

    /// An approximation for drawing (charts), never for figures.
    pub fn to_f64_lossy(&self) -> f64 {
        self.0.to_f64().unwrap_or(f64::NAN)
    }

    /// Compares with a decimal, exactly.
    pub fn cmp_decimal(&self, other: Decimal) -> Ordering {
        self.cmp(&Fraction::from_decimal(other))
    }
}

impl From<Decimal> for Fraction {
    fn from(value: Decimal) -> Self {
        Self::from_decimal(value)
    }
}

impl Add for &Fraction {
    type Output = Fraction;
    fn add(self, other: &Fraction) -> Fraction {
        Fraction(&self.0 + &other.0)
    }
}

impl Sub for &Fraction {
    type Output = Fraction;
    fn sub(self, other: &Fraction) -> Fraction {
        Fraction(&self.0 - &other.0)
    }
}

impl Mul for &Fraction {
    type Output = Fraction;
    fn mul(self, other: &Fraction) -> Fraction {
        Fraction(&self.0 * &other.0)
    }
}

impl Neg for &Fraction {
    type Output = Fraction;
    fn neg(self) -> Fraction {
        Fraction(-&self.0)
    }
}

impl std::iter::Sum for Fraction {
    fn sum<I: Iterator<Item = Fraction>>(iter: I) -> Self {
        Fraction(iter.map(|f| f.0).sum())
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn f(s: &str) -> Fraction {
        Fraction::from_decimal(d(s))
    }

    #[test]
    fn rounds_the_exact_value_half_away_from_zero() {
        let five_sixths = Fraction::integer(500)
            .checked_div(&Fraction::integer(6))
            .unwrap();
        // 30 × 83,33… + 70 × 1,25 over 100 = 25,875 exactly.
        let average = (&(&f("30") * &five_sixths) + &(&f("70") * &f("1.25")))
            .checked_div(&f("100"))
            .unwrap();
        assert_eq!(average.round2(), Some(d("25.88")));
        assert_eq!(f("-3.125").round2(), Some(d("-3.13")));
        assert_eq!(f("3.124999").round2(), Some(d("3.12")));
        assert_eq!(f("0.005").round2(), Some(d("0.01")));
        assert_eq!(f("-0.004").round2(), Some(d("0.00")));
        assert_eq!(five_sixths.round2(), Some(d("83.33")));
    }

    #[test]
    fn beyond_a_decimal_is_none_not_a_panic() {
        let max = Fraction::from_decimal(Decimal::MAX);
        assert_eq!((&max + &max).round2(), None);
        assert_eq!(max.round2(), None, "MAX with 2 decimals does not fit");
        assert_eq!((&max + &max).to_decimal_exact(), None);
        assert_eq!(max.to_decimal_exact(), Some(Decimal::MAX));
        assert!(f("1").checked_div(&Fraction::zero()).is_none());
    }

    #[test]
    fn exact_decimals_come_back_only_when_exact() {
        assert_eq!((&f("0.1") + &f("0.2")).to_decimal_exact(), Some(d("0.3")));
        let third = Fraction::integer(1)
            .checked_div(&Fraction::integer(3))
            .unwrap();
        assert_eq!(third.to_decimal_exact(), None);
        let eighth = Fraction::integer(1)
            .checked_div(&Fraction::integer(8))
            .unwrap();
        assert_eq!(eighth.to_decimal_exact(), Some(d("0.125")));
        let tiny = Fraction::from_decimal(Decimal::new(1, 28));
        assert_eq!(
            (&tiny + &Fraction::integer(1_000_000)).to_decimal_exact(),
            None,
            "29 significant digits do not fit"
        );
    }
}
