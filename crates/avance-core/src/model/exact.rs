//! Exact fractions for the figures the engine derives from a plan.
//!
//! A [`Decimal`] is `mantissa / 10^scale`, so every figure typed into a plan is an exact
//! fraction, and so is every avance computed from them: `5/6 × 100` stays `250/3`, which no
//! decimal form holds. The weighted average of an objective is computed on these fractions and
//! rounded once, to show or export ([`Fraction::round2`]): a 28-digit intermediate would turn
//! 25,875 into 25,8749… and show 25,87.

use std::cmp::Ordering;
use std::hash::{Hash, Hasher};
use std::ops::{Add, Mul, Neg, Sub};

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};
use rust_decimal::Decimal;

/// An exact rational number, never rounded.
///
/// Most figures are small (`24400/100`, `250/3`): they are held as two machine integers and
/// computed with checked arithmetic; a result that would overflow is computed again with big
/// integers, so the value is the same either way. Equality, order and hashing are by value,
/// whichever way a fraction is held.
#[derive(Clone, Debug)]
pub struct Fraction(Repr);

#[derive(Clone, Debug)]
enum Repr {
    /// `numerator / denominator`, in lowest terms, the denominator above 0 and the numerator
    /// above `i128::MIN` (so its negation fits).
    Small(i128, i128),
    /// Anything else, not always in lowest terms (see [`Fraction::weighted_average`]).
    Big(BigRational),
}

/// The greatest common divisor; `gcd(0, b) = b`. num-integer's binary gcd, on 64 bits when
/// both fit (the usual case, and faster there).
fn gcd(a: u128, b: u128) -> u128 {
    match (u64::try_from(a), u64::try_from(b)) {
        (Ok(a), Ok(b)) => u128::from(a.gcd(&b)),
        _ => a.gcd(&b),
    }
}

/// `numerator / denominator` in lowest terms with a positive denominator, if it fits.
fn small(numerator: i128, denominator: i128) -> Option<Fraction> {
    if denominator == 0 || numerator == i128::MIN || denominator == i128::MIN {
        return None;
    }
    let (mut numerator, mut denominator) =
        match (i64::try_from(numerator), i64::try_from(denominator)) {
            // Most figures: 64-bit division is many times faster than 128-bit.
            (Ok(n), Ok(d)) if n != i64::MIN && d != i64::MIN => {
                let g = n.unsigned_abs().gcd(&d.unsigned_abs()) as i64;
                (i128::from(n / g), i128::from(d / g))
            }
            _ => {
                // Both magnitudes are at most i128::MAX, so the gcd is too.
                let g = gcd(numerator.unsigned_abs(), denominator.unsigned_abs()) as i128;
                (numerator / g, denominator / g)
            }
        };
    if denominator < 0 {
        numerator = -numerator;
        denominator = -denominator;
    }
    Some(Fraction(Repr::Small(numerator, denominator)))
}

impl Fraction {
    /// 0.
    pub fn zero() -> Self {
        Self(Repr::Small(0, 1))
    }

    /// A whole number.
    pub fn integer(n: i64) -> Self {
        Self(Repr::Small(i128::from(n), 1))
    }

    /// The exact value of a decimal.
    pub fn from_decimal(value: Decimal) -> Self {
        // A decimal's mantissa has at most 96 bits and its scale at most 28 (10^28 < 2^94).
        let denominator = 10i128.pow(value.scale());
        small(value.mantissa(), denominator).unwrap_or_else(|| {
            Self(Repr::Big(BigRational::new(
                BigInt::from(value.mantissa()),
                BigInt::from(denominator),
            )))
        })
    }

    /// A result of big-integer arithmetic, held small when it fits.
    fn from_big(value: BigRational) -> Self {
        match (value.numer().to_i128(), value.denom().to_i128()) {
            (Some(n), Some(d)) => small(n, d).unwrap_or(Self(Repr::Big(value))),
            _ => Self(Repr::Big(value)),
        }
    }

    /// The value as big integers, as computed (a small fraction is in lowest terms).
    fn big(&self) -> BigRational {
        match &self.0 {
            Repr::Small(n, d) => BigRational::new_raw(BigInt::from(*n), BigInt::from(*d)),
            Repr::Big(value) => value.clone(),
        }
    }

    /// The exact value as a ratio of big integers, denominator positive, not always in lowest
    /// terms (see [`Fraction::weighted_average`]).
    pub fn to_ratio(&self) -> BigRational {
        self.big()
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
        // Denominators that fit in machine integers (nearly all) are grouped without big
        // integers, and so are their numerators until a sum would overflow.
        let mut small: std::collections::HashMap<i128, Numerator> =
            std::collections::HashMap::new();
        let mut big: std::collections::HashMap<BigInt, BigInt> = std::collections::HashMap::new();
        for (weight, value) in terms {
            weights = &weights + &Fraction::from_decimal(weight);
            if weight.is_zero() || value.is_zero() {
                continue;
            }
            let scale = 10i128.pow(weight.scale());
            match &value.0 {
                Repr::Small(n, d) => match scale.checked_mul(*d) {
                    Some(denominator) => small
                        .entry(denominator)
                        .or_insert(Numerator::Small(0))
                        .add(weight.mantissa(), *n),
                    None => {
                        *big.entry(BigInt::from(scale) * BigInt::from(*d))
                            .or_default() += BigInt::from(weight.mantissa()) * BigInt::from(*n);
                    }
                },
                Repr::Big(value) => {
                    let denominator = BigInt::from(scale) * value.denom();
                    let product = BigInt::from(weight.mantissa()) * value.numer();
                    match denominator.to_i128() {
                        Some(denominator) => small
                            .entry(denominator)
                            .or_insert(Numerator::Small(0))
                            .add_big(product),
                        None => *big.entry(denominator).or_default() += product,
                    }
                }
            }
        }
        if weights.is_zero() {
            return None;
        }
        let mut small: Vec<(i128, Numerator)> = small.into_iter().collect();
        let mut big: Vec<(BigInt, BigInt)> = big.into_iter().collect();
        // The same order whatever the hash maps': the sum is exact either way, this keeps the
        // (unreduced) terms of the result the same from run to run. Denominators are
        // positive, so every one that fits in machine integers comes before the others.
        small.sort_unstable_by_key(|(denominator, _)| *denominator);
        big.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut level: Vec<(BigInt, BigInt)> = small
            .into_iter()
            .map(|(denominator, numerator)| (numerator.into_big(), BigInt::from(denominator)))
            .chain(
                big.into_iter()
                    .map(|(denominator, numerator)| (numerator, denominator)),
            )
            .collect();
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
        let (wn, wd) = weights.parts();
        let (mut numerator, mut denominator) = (numerator * wd, denominator * wn);
        if denominator.is_negative() {
            numerator = -numerator;
            denominator = -denominator;
        }
        Some(Self(Repr::Big(BigRational::new_raw(
            numerator,
            denominator,
        ))))
    }

    /// Numerator and denominator as big integers (the denominator positive).
    fn parts(&self) -> (BigInt, BigInt) {
        match &self.0 {
            Repr::Small(n, d) => (BigInt::from(*n), BigInt::from(*d)),
            Repr::Big(value) => (value.numer().clone(), value.denom().clone()),
        }
    }

    /// Whether the value is 0.
    pub fn is_zero(&self) -> bool {
        match &self.0 {
            Repr::Small(n, _) => *n == 0,
            Repr::Big(value) => value.is_zero(),
        }
    }

    /// Whether the value is below 0.
    pub fn is_negative(&self) -> bool {
        match &self.0 {
            Repr::Small(n, _) => *n < 0,
            Repr::Big(value) => value.is_negative(),
        }
    }

    /// The absolute value.
    pub fn abs(&self) -> Self {
        match &self.0 {
            Repr::Small(n, d) => Self(Repr::Small(n.abs(), *d)),
            Repr::Big(value) => Self(Repr::Big(value.abs())),
        }
    }

    /// `self / divisor`, or `None` for a zero divisor.
    pub fn checked_div(&self, divisor: &Self) -> Option<Self> {
        if divisor.is_zero() {
            return None;
        }
        if let (Repr::Small(a, b), Repr::Small(c, d)) = (&self.0, &divisor.0) {
            // a/b ÷ c/d = a/b × d/c, with c's sign moved up.
            let (c, d) = if *c < 0 { (-*c, -*d) } else { (*c, *d) };
            if let Some(quotient) = small_mul(*a, *b, d, c) {
                return Some(quotient);
            }
        }
        Some(Self::from_big(&self.big() / &divisor.big()))
    }

    /// The value rounded to 2 decimals, half away from zero (25,875 → 25,88; −3,125 → −3,13),
    /// or `None` when the result is beyond what a [`Decimal`] holds.
    pub fn round2(&self) -> Option<Decimal> {
        if let Repr::Small(n, d) = &self.0 {
            // |n|/d × 100 + 1/2, floored: (200·|n| + d) div 2d, one division of whole numbers.
            let rounded = n
                .unsigned_abs()
                .checked_mul(200)
                .and_then(|m| m.checked_add(d.unsigned_abs()))
                .zip(d.unsigned_abs().checked_mul(2))
                .map(|(m, twice)| m / twice);
            if let Some(rounded) = rounded {
                let magnitude = i128::try_from(rounded).ok()?;
                let mantissa = if *n < 0 { -magnitude } else { magnitude };
                return Decimal::try_from_i128_with_scale(mantissa, 2).ok();
            }
        }
        let (numerator, denominator) = self.parts();
        let twice = &denominator * 2u8;
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
        if let Repr::Small(n, d) = &self.0 {
            let (mut numerator, mut denominator) = (*n, *d);
            let mut scale = 0u32;
            while denominator % 10 == 0 {
                denominator /= 10;
                scale += 1;
            }
            while denominator != 1 && scale <= 28 {
                if denominator % 2 == 0 {
                    denominator /= 2;
                    // Only grows: beyond i128 it is beyond a decimal too.
                    numerator = numerator.checked_mul(5)?;
                } else if denominator % 5 == 0 {
                    denominator /= 5;
                    numerator = numerator.checked_mul(2)?;
                } else {
                    return None;
                }
                scale += 1;
            }
            if scale > 28 {
                return None;
            }
            return Decimal::try_from_i128_with_scale(numerator, scale).ok();
        }
        let reduced = self.big().reduced();
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

    /// Compares with a decimal, exactly.
    pub fn cmp_decimal(&self, other: Decimal) -> Ordering {
        self.cmp(&Fraction::from_decimal(other))
    }
}

/// A sum of numerators over one denominator: in machine integers until it would overflow.
enum Numerator {
    Small(i128),
    Big(BigInt),
}

impl Numerator {
    /// Adds `a × b`.
    fn add(&mut self, a: i128, b: i128) {
        if let Numerator::Small(sum) = self
            && let Some(new) = a.checked_mul(b).and_then(|p| sum.checked_add(p))
        {
            *sum = new;
            return;
        }
        self.add_big(BigInt::from(a) * BigInt::from(b));
    }

    fn add_big(&mut self, term: BigInt) {
        *self = Numerator::Big(std::mem::replace(self, Numerator::Small(0)).into_big() + term);
    }

    fn into_big(self) -> BigInt {
        match self {
            Numerator::Small(sum) => BigInt::from(sum),
            Numerator::Big(sum) => sum,
        }
    }
}

/// `a / b` (exact here: b divides a), in 64 bits when both fit.
fn div(a: i128, b: i128) -> i128 {
    match (i64::try_from(a), i64::try_from(b)) {
        (Ok(a), Ok(b)) if a != i64::MIN => i128::from(a / b),
        _ => a / b,
    }
}

/// `(a/b) × (c/d)` for fractions in lowest terms with positive denominators, if it fits.
fn small_mul(a: i128, b: i128, c: i128, d: i128) -> Option<Fraction> {
    // Cross-cancel first: the result is then in lowest terms.
    let g1 = gcd(a.unsigned_abs(), d.unsigned_abs()).max(1) as i128;
    let g2 = gcd(c.unsigned_abs(), b.unsigned_abs()).max(1) as i128;
    let numerator = div(a, g1).checked_mul(div(c, g2))?;
    let denominator = div(b, g2).checked_mul(div(d, g1))?;
    small(numerator, denominator)
}

/// `(a/b) + (c/d)` for fractions in lowest terms with positive denominators, if it fits.
fn small_add(a: i128, b: i128, c: i128, d: i128) -> Option<Fraction> {
    if b == d {
        return small(a.checked_add(c)?, b);
    }
    let g = gcd(b.unsigned_abs(), d.unsigned_abs()) as i128;
    let numerator = a
        .checked_mul(div(d, g))?
        .checked_add(c.checked_mul(div(b, g))?)?;
    let denominator = div(b, g).checked_mul(d)?;
    small(numerator, denominator)
}

impl PartialEq for Fraction {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            // Both in lowest terms with a positive denominator: equal values, equal terms.
            (Repr::Small(a, b), Repr::Small(c, d)) => a == c && b == d,
            _ => self.cmp(other) == Ordering::Equal,
        }
    }
}

impl Eq for Fraction {}

impl PartialOrd for Fraction {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Fraction {
    fn cmp(&self, other: &Self) -> Ordering {
        if let (Repr::Small(a, b), Repr::Small(c, d)) = (&self.0, &other.0) {
            if b == d {
                return a.cmp(c);
            }
            if let (Some(left), Some(right)) = (a.checked_mul(*d), c.checked_mul(*b)) {
                return left.cmp(&right);
            }
        }
        self.big().cmp(&other.big())
    }
}

impl Hash for Fraction {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // By value, as big ratios hash, whichever way the fraction is held.
        self.big().hash(state);
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
        if let (Repr::Small(a, b), Repr::Small(c, d)) = (&self.0, &other.0)
            && let Some(sum) = small_add(*a, *b, *c, *d)
        {
            return sum;
        }
        Fraction::from_big(&self.big() + &other.big())
    }
}

impl Sub for &Fraction {
    type Output = Fraction;
    fn sub(self, other: &Fraction) -> Fraction {
        self + &-other
    }
}

impl Mul for &Fraction {
    type Output = Fraction;
    fn mul(self, other: &Fraction) -> Fraction {
        if let (Repr::Small(a, b), Repr::Small(c, d)) = (&self.0, &other.0)
            && let Some(product) = small_mul(*a, *b, *c, *d)
        {
            return product;
        }
        Fraction::from_big(&self.big() * &other.big())
    }
}

impl Neg for &Fraction {
    type Output = Fraction;
    fn neg(self) -> Fraction {
        match &self.0 {
            // The numerator is above i128::MIN, so its negation fits.
            Repr::Small(n, d) => Fraction(Repr::Small(-n, *d)),
            Repr::Big(value) => Fraction(Repr::Big(-value)),
        }
    }
}

impl std::iter::Sum for Fraction {
    fn sum<I: Iterator<Item = Fraction>>(iter: I) -> Self {
        iter.fold(Fraction::zero(), |sum, f| &sum + &f)
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

    /// The fraction as big integers reduced: what every operation must equal.
    fn reference(value: &Fraction) -> BigRational {
        value.to_ratio().reduced()
    }

    fn decimal() -> impl proptest::strategy::Strategy<Value = Decimal> {
        use proptest::prelude::*;
        // Typical figures (a few digits) and figures up to a decimal's 96 bits and 28 places,
        // so sums and products cross from machine integers to big ones.
        prop_oneof![
            (-1_000_000i64..1_000_000, 0u32..5).prop_map(|(m, s)| Decimal::new(m, s)),
            (any::<i64>(), 0u32..29).prop_map(|(m, s)| Decimal::new(m, s)),
            (
                any::<u32>(),
                any::<u32>(),
                any::<u32>(),
                any::<bool>(),
                0u32..29
            )
                .prop_map(|(lo, mid, hi, negative, s)| Decimal::from_parts(
                    lo, mid, hi, negative, s
                )),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        #[test]
        fn every_operation_equals_big_integer_arithmetic(a in decimal(), b in decimal(), c in decimal()) {
            use proptest::prelude::*;
            let (x, y, z) = (Fraction::from(a), Fraction::from(b), Fraction::from(c));
            let (rx, ry, rz) = (reference(&x), reference(&y), reference(&z));
            // Chains of operations, so big intermediate results feed further ones.
            let sum = &(&x + &y) + &z;
            prop_assert_eq!(reference(&sum), &(&rx + &ry) + &rz);
            let difference = &(&x - &y) - &z;
            prop_assert_eq!(reference(&difference), &(&rx - &ry) - &rz);
            let product = &(&x * &y) * &z;
            prop_assert_eq!(reference(&product), &(&rx * &ry) * &rz);
            let mixed = &(&x * &y) + &(&z * &x);
            prop_assert_eq!(reference(&mixed), &rx * &ry + &rz * &rx);
            match x.checked_div(&y) {
                None => prop_assert!(ry.is_zero()),
                Some(quotient) => {
                    prop_assert_eq!(reference(&quotient), &rx / &ry);
                    let back = &quotient * &y;
                    prop_assert_eq!(&back, &x);
                }
            }
            for value in [&x, &sum, &difference, &product, &mixed, &-&x, &x.abs()] {
                let big = Fraction(Repr::Big(reference(value)));
                prop_assert_eq!(value.round2(), big.round2());
                prop_assert_eq!(value.to_decimal_exact(), big.to_decimal_exact());
                prop_assert_eq!(value.is_negative(), big.is_negative());
                prop_assert_eq!(value.is_zero(), big.is_zero());
                prop_assert_eq!(value, &big, "the same value held either way is equal");
                for other in [&x, &y, &z, &sum, &product] {
                    prop_assert_eq!(value.cmp(other), reference(value).cmp(&reference(other)));
                }
            }
            prop_assert_eq!(x.to_decimal_exact(), Some(a.normalize()).map(|d| {
                Decimal::try_from_i128_with_scale(d.mantissa(), d.scale()).unwrap()
            }));
            let average = Fraction::weighted_average([(a.abs(), &y), (b.abs(), &z), (c.abs(), &x)]);
            let weights = reference(&Fraction::from(a.abs())) + reference(&Fraction::from(b.abs()))
                + reference(&Fraction::from(c.abs()));
            match average {
                None => prop_assert!(weights.is_zero()),
                Some(average) => prop_assert_eq!(
                    reference(&average),
                    (reference(&Fraction::from(a.abs())) * &ry
                        + reference(&Fraction::from(b.abs())) * &rz
                        + reference(&Fraction::from(c.abs())) * &rx)
                        / weights
                ),
            }
        }
    }

    #[test]
    fn the_same_value_hashes_the_same_held_small_or_big() {
        use std::collections::hash_map::DefaultHasher;
        let hash = |value: &Fraction| {
            let mut hasher = DefaultHasher::new();
            value.hash(&mut hasher);
            hasher.finish()
        };
        let small = f("2.5");
        let big = Fraction(Repr::Big(BigRational::new_raw(
            BigInt::from(10),
            BigInt::from(4),
        )));
        assert_eq!(small, big);
        assert_eq!(hash(&small), hash(&big));
    }
}
