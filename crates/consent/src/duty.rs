//! [`DetrimentException`]: a recorded decision not to share under the exception to the
//! duty to share (Children Act 2004 s.16LA(3)).
//!
//! From its commencement, a relevant person holding information it considers relevant
//! to safeguarding or promoting a child's welfare must disclose it to another relevant
//! person if that may help them carry out their functions (s.16LA(1)), unless it
//! considers that disclosing "would be more detrimental to the child than not
//! disclosing" (s.16LA(3)). Not disclosing under that exception is a decision like a
//! permit: a professional takes it, another approves it, and it goes into the ledger
//! with a structured reason, so that the exception is never used silently.

use chrono::NaiveDate;
use partnership_core::{Label, ProfessionalId, Sensitive};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ConsentError;

partnership_core::labelled_enum! {
    /// Why disclosing would be more detrimental to the child than not disclosing.
    pub enum DetrimentReason {
        /// Disclosing would put the child at greater risk of harm (for example, the
        /// information would reach someone the child needs protecting from).
        GreaterRiskOfHarm => "greater-risk-of-harm", "disclosing would put the child at greater risk of harm";
        /// Disclosing would lose the child's trust in a relationship that keeps them
        /// safe, so that they would stop telling anyone.
        LossOfTrustedRelationship => "loss-of-trusted-relationship", "disclosing would lose the child's trust in a relationship that keeps them safe";
        /// The child or family would disengage from support that protects the child.
        DisengagementFromSupport => "disengagement-from-support", "disclosing would lead the child or family to disengage from support that protects the child";
    }
    /// Another reason, in words.
    Other { label: Label => "The reason, in words." }
}

/// The plain fields of a [`DetrimentException`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DetrimentExceptionParts {
    /// Why disclosing would be more detrimental to the child.
    pub reason: DetrimentReason,
    /// The judgement in the professional's words: what the detriment is and why it
    /// outweighs the help the recipient would have. Personal data.
    #[schemars(extend("pattern" = "\\S"))]
    pub explanation: Sensitive<String>,
    /// The professional who decided not to disclose.
    pub decided_by: ProfessionalId,
    /// A different professional who approved the decision.
    pub approved_by: ProfessionalId,
    /// The commencement day of the duty the decision was taken under, as the service
    /// had it set.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub duty_to_share_from: NaiveDate,
}

fn check_exception(parts: &DetrimentExceptionParts) -> Result<(), ConsentError> {
    if !parts
        .explanation
        .expose()
        .chars()
        .any(char::is_alphanumeric)
    {
        return Err(ConsentError::Blank {
            field: "explanation",
        });
    }
    if parts.approved_by == parts.decided_by {
        return Err(ConsentError::ApprovedByDecisionMaker);
    }
    Ok(())
}

partnership_core::validated! {
    /// A decision not to disclose under the exception to the duty to share (Children
    /// Act 2004 s.16LA(3)): the reason, the judgement in words, who decided, who else
    /// approved, and the commencement day the duty ran from. The time is the ledger
    /// entry's: the decision is made when it is recorded.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::consent::{DetrimentException, DetrimentExceptionParts, DetrimentReason};
    /// use partnership::core::{ProfessionalId, Sensitive};
    ///
    /// let dsl = ProfessionalId::random();
    /// let parts = DetrimentExceptionParts {
    ///     reason: DetrimentReason::GreaterRiskOfHarm,
    ///     explanation: Sensitive::new("The new address would reach the father through the family support worker.".into()),
    ///     decided_by: dsl,
    ///     approved_by: ProfessionalId::random(),
    ///     duty_to_share_from: NaiveDate::from_ymd_opt(2027, 4, 1).unwrap(),
    /// };
    /// assert!(DetrimentException::try_from(parts.clone()).is_ok());
    /// // One professional cannot approve their own decision.
    /// assert!(DetrimentException::try_from(DetrimentExceptionParts { approved_by: dsl, ..parts }).is_err());
    /// ```
    #[derive(Clone, PartialEq, Eq)]
    pub struct DetrimentException(DetrimentExceptionParts);
    check = check_exception;
    error = ConsentError;
}

impl DetrimentException {
    /// Why disclosing would be more detrimental to the child.
    pub fn reason(&self) -> &DetrimentReason {
        &self.0.reason
    }

    /// The judgement in the professional's words. Personal data.
    pub fn explanation(&self) -> &Sensitive<String> {
        &self.0.explanation
    }

    /// The professional who decided not to disclose.
    pub fn decided_by(&self) -> ProfessionalId {
        self.0.decided_by
    }

    /// The different professional who approved.
    pub fn approved_by(&self) -> ProfessionalId {
        self.0.approved_by
    }

    /// The commencement day of the duty the decision was taken under.
    pub fn duty_to_share_from(&self) -> NaiveDate {
        self.0.duty_to_share_from
    }
}
