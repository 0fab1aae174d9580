//! Goal attainment scaling (Kiresuk and Sherman).

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use crate::GoalsError;

/// A goal attainment level: −2 much less than expected, −1 somewhat less, 0 the
/// expected outcome, +1 somewhat more, +2 much more.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod goals { pub use ::partnership_goals::*; } pub use ::chrono; }
/// use partnership::goals::GasLevel;
///
/// assert_eq!(GasLevel::new(1).unwrap().value(), 1);
/// assert!(GasLevel::new(3).is_err());
/// assert!(serde_json::from_str::<GasLevel>("-3").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i8")]
pub struct GasLevel(i8);

impl GasLevel {
    /// Much less than expected.
    pub const MUCH_LESS: Self = Self(-2);
    /// Somewhat less than expected.
    pub const SOMEWHAT_LESS: Self = Self(-1);
    /// The expected outcome.
    pub const EXPECTED: Self = Self(0);
    /// Somewhat more than expected.
    pub const SOMEWHAT_MORE: Self = Self(1);
    /// Much more than expected.
    pub const MUCH_MORE: Self = Self(2);

    /// A level from −2 to +2.
    ///
    /// # Errors
    ///
    /// [`GoalsError`] when `level` is outside −2 to +2.
    pub fn new(level: i64) -> Result<Self, GoalsError> {
        i8::try_from(level)
            .ok()
            .filter(|l| (-2..=2).contains(l))
            .map(Self)
            .ok_or(GoalsError::GasLevel { found: level })
    }

    /// The level, −2 to +2.
    pub const fn value(self) -> i8 {
        self.0
    }
}

impl TryFrom<i64> for GasLevel {
    type Error = GoalsError;

    fn try_from(level: i64) -> Result<Self, Self::Error> {
        Self::new(level)
    }
}

impl From<GasLevel> for i8 {
    fn from(level: GasLevel) -> Self {
        level.0
    }
}

impl fmt::Display for GasLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.0 {
            -2 => "much less than expected (-2)",
            -1 => "somewhat less than expected (-1)",
            0 => "as expected (0)",
            1 => "somewhat more than expected (+1)",
            _ => "much more than expected (+2)",
        })
    }
}

impl JsonSchema for GasLevel {
    fn schema_name() -> Cow<'static, str> {
        "GasLevel".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "partnership_goals::GasLevel".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "integer",
            "minimum": -2,
            "maximum": 2,
            "description": "Goal attainment level: -2 much less than expected, -1 somewhat less, 0 the expected outcome, +1 somewhat more, +2 much more."
        })
    }
}

/// One goal's level and its weight in a goal attainment score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeightedLevel {
    /// The level reached.
    pub level: GasLevel,
    /// The goal's weight (importance × difficulty, or 1 for equal weights).
    pub weight: f64,
}

/// The inter-goal correlation assumed by convention.
pub const RHO: f64 = 0.3;

/// The summary goal attainment T-score over goals with levels xᵢ and weights wᵢ:
///
/// T = 50 + 10·Σwᵢxᵢ / √((1−ρ)Σwᵢ² + ρ(Σwᵢ)²), with ρ = 0.3.
///
/// A T-score of 50 means the goals were met as expected on average; the standard
/// deviation is 10. Weights must be finite and not negative, and at least one
/// positive: an empty set or all-zero weights is an error rather than a NaN.
///
/// # Errors
///
/// [`GoalsError::InvalidWeight`] for a weight that is not positive and finite, [`GoalsError::NoWeightedGoals`] for no levels, and [`GoalsError::WeightsOutOfRange`] when the weights are so large the score cannot be computed.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod goals { pub use ::partnership_goals::*; } pub use ::chrono; }
/// use partnership::goals::{gas_t_score, GasLevel, WeightedLevel};
///
/// let at = |level: i64| WeightedLevel { level: GasLevel::new(level).unwrap(), weight: 1.0 };
/// assert_eq!(gas_t_score(&[at(0), at(0)]).unwrap(), 50.0);
/// assert_eq!(gas_t_score(&[at(2)]).unwrap(), 70.0);
/// let three = gas_t_score(&[at(1), at(1), at(1)]).unwrap();
/// assert_eq!((three * 100.0).round() / 100.0, 63.69);
/// assert!(gas_t_score(&[]).is_err());
/// ```
pub fn gas_t_score(levels: &[WeightedLevel]) -> Result<f64, GoalsError> {
    let mut weighted = 0.0;
    let mut sum = 0.0;
    let mut squares = 0.0;
    for (index, item) in levels.iter().enumerate() {
        if !item.weight.is_finite() || item.weight < 0.0 {
            return Err(GoalsError::InvalidWeight { index });
        }
        weighted += item.weight * f64::from(item.level.value());
        sum += item.weight;
        squares += item.weight * item.weight;
    }
    if sum <= 0.0 {
        return Err(GoalsError::NoWeightedGoals);
    }
    // Overflow would divide by infinity and report 50 for any levels: refuse instead.
    if !(weighted.is_finite() && sum.is_finite() && squares.is_finite()) {
        return Err(GoalsError::WeightsOutOfRange);
    }
    let denominator = ((1.0 - RHO) * squares + RHO * sum * sum).sqrt();
    let score = 50.0 + 10.0 * weighted / denominator;
    if score.is_finite() {
        Ok(score)
    } else {
        Err(GoalsError::WeightsOutOfRange)
    }
}
