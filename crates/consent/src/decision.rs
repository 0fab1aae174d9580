//! [`decide`]: the sharing decision, with its basis or every reason it was refused.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use partnership_core::{ChildId, ConsentId, JustificationId, SharingRequestId, WithholdingRuleId};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    ChildCapacity, ConsentGiver, ConsentRecord, ConsentStatus, DataCategory, JustificationProblem,
    Purpose, Recipient, SafeguardingJustification, SharingRequest, WithholdingRule,
};

/// Why sharing is permitted.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum PermitBasis {
    /// Consents in force cover every requested category.
    Consent {
        /// The consents that cover the request, by id, in id order.
        consents: Vec<ConsentId>,
    },
    /// A complete safeguarding justification covers the request.
    Safeguarding {
        /// The justification.
        justification: JustificationId,
    },
}

/// One reason a request was refused. Reasons are data, so a service can act on them
/// (ask for consent, renew it, complete a justification) as well as show them.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum RefusalReason {
    /// A withholding rule protecting someone's safety withholds the category from the
    /// recipient. Nothing overrides this.
    Withheld {
        /// The rule.
        rule: WithholdingRuleId,
        /// The category withheld.
        category: DataCategory,
    },
    /// Nothing in the record covers the category for this recipient and purpose: no
    /// consent, not even a withdrawn, expired or pending one.
    NoConsent {
        /// The category.
        category: DataCategory,
    },
    /// A refusal in force covers the category: a refusal beats any permit.
    ConsentRefused {
        /// The refusal.
        consent: ConsentId,
        /// The category.
        category: DataCategory,
    },
    /// A consent that would cover the category was withdrawn.
    ConsentWithdrawn {
        /// The consent.
        consent: ConsentId,
        /// The category.
        category: DataCategory,
        /// When it was withdrawn.
        at: DateTime<Utc>,
    },
    /// A consent that would cover the category was revoked.
    ConsentRevoked {
        /// The consent.
        consent: ConsentId,
        /// The category.
        category: DataCategory,
        /// When it was revoked.
        at: DateTime<Utc>,
    },
    /// A consent that would cover the category has expired.
    ConsentExpired {
        /// The consent.
        consent: ConsentId,
        /// The category.
        category: DataCategory,
        /// Its last day in force.
        on: NaiveDate,
    },
    /// A consent that would cover the category is not yet in force.
    ConsentNotYetInForce {
        /// The consent.
        consent: ConsentId,
        /// The category.
        category: DataCategory,
        /// Its first day in force.
        from: NaiveDate,
    },
    /// A consent that would cover the category was invalidated.
    ConsentInvalidated {
        /// The consent.
        consent: ConsentId,
        /// The category.
        category: DataCategory,
        /// When.
        at: DateTime<Utc>,
    },
    /// Consent was asked for and not yet answered.
    ConsentAwaitingAnswer {
        /// The consent record.
        consent: ConsentId,
        /// The category.
        category: DataCategory,
    },
    /// The child decides for themselves (competent, or 16 or over), so a carer's
    /// consent alone does not cover the child's own information.
    ChildMustConsent {
        /// The carer's consent that no longer suffices.
        consent: ConsentId,
        /// The category.
        category: DataCategory,
    },
    /// The child gave consent but has been assessed as not competent for this decision.
    GiverNotCompetent {
        /// The child's consent.
        consent: ConsentId,
        /// The category.
        category: DataCategory,
    },
    /// A safeguarding justification was offered but does not permit the request.
    Justification {
        /// The justification.
        justification: JustificationId,
        /// What is wrong with it.
        problem: JustificationProblem,
    },
}

impl fmt::Display for RefusalReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Withheld { rule, category } => write!(
                f,
                "{category} is withheld from this recipient to protect someone's safety (rule {rule})"
            ),
            Self::NoConsent { category } => write!(
                f,
                "no consent covers sharing {category} with this recipient for this purpose"
            ),
            Self::ConsentRefused { consent, category } => {
                write!(
                    f,
                    "consent to share {category} was refused (consent {consent})"
                )
            }
            Self::ConsentWithdrawn {
                consent,
                category,
                at,
            } => write!(
                f,
                "consent to share {category} was withdrawn on {} (consent {consent})",
                at.date_naive()
            ),
            Self::ConsentRevoked {
                consent,
                category,
                at,
            } => write!(
                f,
                "consent to share {category} was revoked on {} (consent {consent})",
                at.date_naive()
            ),
            Self::ConsentExpired {
                consent,
                category,
                on,
            } => write!(
                f,
                "consent to share {category} expired after {on} (consent {consent})"
            ),
            Self::ConsentNotYetInForce {
                consent,
                category,
                from,
            } => write!(
                f,
                "consent to share {category} is not in force until {from} (consent {consent})"
            ),
            Self::ConsentInvalidated {
                consent,
                category,
                at,
            } => write!(
                f,
                "consent to share {category} was invalidated on {} (consent {consent})",
                at.date_naive()
            ),
            Self::ConsentAwaitingAnswer { consent, category } => write!(
                f,
                "consent to share {category} was asked for and not yet answered (consent {consent})"
            ),
            Self::ChildMustConsent { consent, category } => write!(
                f,
                "the child decides about sharing {category} for themselves, so a carer's consent alone does not cover it (consent {consent})"
            ),
            Self::GiverNotCompetent { consent, category } => write!(
                f,
                "the child's consent to share {category} does not stand: the child was assessed as not competent for this decision (consent {consent})"
            ),
            Self::Justification {
                justification,
                problem,
            } => write!(
                f,
                "safeguarding justification {justification} does not permit this: {problem}"
            ),
        }
    }
}

/// The outcome of a sharing request: permitted, with its basis, or refused, with
/// every reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum SharingDecision {
    /// Sharing is permitted.
    #[serde(rename_all = "camelCase")]
    Permit {
        /// Why.
        basis: PermitBasis,
        /// The categories permitted: exactly those requested, never more.
        data_categories: Vec<DataCategory>,
    },
    /// Sharing is refused.
    Refuse {
        /// Every reason, in a stable order.
        reasons: Vec<RefusalReason>,
    },
}

impl SharingDecision {
    /// Whether sharing is permitted.
    pub const fn is_permit(&self) -> bool {
        matches!(self, Self::Permit { .. })
    }

    /// The reasons for a refusal; empty for a permit.
    pub fn reasons(&self) -> &[RefusalReason] {
        match self {
            Self::Permit { .. } => &[],
            Self::Refuse { reasons } => reasons,
        }
    }
}

impl fmt::Display for SharingDecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Permit { basis, .. } => match basis {
                PermitBasis::Consent { consents } => write!(
                    f,
                    "permitted: covered by {} consent{}",
                    consents.len(),
                    if consents.len() == 1 { "" } else { "s" }
                ),
                PermitBasis::Safeguarding { justification } => write!(
                    f,
                    "permitted without consent under safeguarding justification {justification}"
                ),
            },
            Self::Refuse { reasons } => {
                f.write_str("refused:")?;
                for reason in reasons {
                    write!(f, "\n- {reason}")?;
                }
                Ok(())
            }
        }
    }
}

/// Whether a consent's giver can decide, given the child's capacity for this decision.
fn giver_can_decide(giver: &ConsentGiver, capacity: &ChildCapacity) -> bool {
    if giver.is_the_child() {
        !matches!(capacity, ChildCapacity::NotCompetent { .. })
    } else {
        !capacity.child_decides()
    }
}

/// What the consents say about one category.
pub(crate) enum CategoryOutcome {
    Covered(Vec<ConsentId>),
    NotCovered(Vec<RefusalReason>),
}

/// Evaluates the consents about `child` for sharing `category` with `recipient` for
/// `purpose` at `at`: the one rule that `decide` and the helpers share.
pub(crate) fn evaluate_category(
    consents: &[ConsentRecord],
    child: ChildId,
    recipient: &Recipient,
    purpose: &Purpose,
    capacity: &ChildCapacity,
    category: &DataCategory,
    at: DateTime<Utc>,
) -> CategoryOutcome {
    let mut permits = Vec::new();
    let mut denies = Vec::new();
    let mut reasons = Vec::new();
    let category_of = || category.clone();
    for consent in consents
        .iter()
        .filter(|c| c.child == child && c.scope.covers(recipient, purpose, category))
    {
        let can_decide = giver_can_decide(&consent.given_by, capacity);
        let id = consent.id;
        match consent.status_at(at) {
            ConsentStatus::Given {} if can_decide => permits.push(id),
            ConsentStatus::Refused {} if can_decide => denies.push(RefusalReason::ConsentRefused {
                consent: id,
                category: category_of(),
            }),
            ConsentStatus::Given {} if consent.given_by.is_the_child() => {
                reasons.push(RefusalReason::GiverNotCompetent {
                    consent: id,
                    category: category_of(),
                })
            }
            ConsentStatus::Given {} => reasons.push(RefusalReason::ChildMustConsent {
                consent: id,
                category: category_of(),
            }),
            // A refusal by someone who cannot decide neither covers nor blocks.
            ConsentStatus::Refused {} | ConsentStatus::NotYetRecorded {} => {}
            ConsentStatus::Requested {} => reasons.push(RefusalReason::ConsentAwaitingAnswer {
                consent: id,
                category: category_of(),
            }),
            ConsentStatus::NotYetInForce { from } => {
                reasons.push(RefusalReason::ConsentNotYetInForce {
                    consent: id,
                    category: category_of(),
                    from,
                })
            }
            ConsentStatus::Expired { on } => reasons.push(RefusalReason::ConsentExpired {
                consent: id,
                category: category_of(),
                on,
            }),
            ConsentStatus::Withdrawn { at } => reasons.push(RefusalReason::ConsentWithdrawn {
                consent: id,
                category: category_of(),
                at,
            }),
            ConsentStatus::Revoked { at } => reasons.push(RefusalReason::ConsentRevoked {
                consent: id,
                category: category_of(),
                at,
            }),
            ConsentStatus::Invalidated { at } => reasons.push(RefusalReason::ConsentInvalidated {
                consent: id,
                category: category_of(),
                at,
            }),
        }
    }
    if !denies.is_empty() {
        return CategoryOutcome::NotCovered(denies);
    }
    if !permits.is_empty() {
        return CategoryOutcome::Covered(permits);
    }
    // The specific reasons (withdrawn, expired, …) say more than "no consent"; that
    // is the reason only when nothing in the record came close.
    if reasons.is_empty() {
        reasons.push(RefusalReason::NoConsent {
            category: category_of(),
        });
    }
    CategoryOutcome::NotCovered(reasons)
}

/// Decides whether the information in `request` may be shared.
///
/// The rules, in order:
///
/// 1. A [`WithholdingRule`] in force that withholds any requested category from the
///    recipient refuses the request. Nothing overrides it.
/// 2. A [`SafeguardingJustification`] with no [problems](SafeguardingJustification::problems)
///    permits the request without consent. One with problems permits nothing; its
///    problems are reported if consent does not cover the request either.
/// 3. Otherwise every requested category must be covered by a consent about the child,
///    in force at the request's time, whose scope covers the recipient and purpose,
///    given by someone who can decide: a carer when the child does not decide for
///    themselves; the child when they do. A refusal in force by someone who can
///    decide beats any permit.
///
/// The decision depends on the set of consents, not their order. This function only
/// decides; to act on a decision, ask a [`DisclosureLedger`](crate::DisclosureLedger),
/// which records every decision before it answers and is the only source of a
/// [`Disclosure`](crate::Disclosure).
pub fn decide(
    request: &SharingRequest,
    consents: &[ConsentRecord],
    withholdings: &[WithholdingRule],
    justification: Option<&SafeguardingJustification>,
) -> SharingDecision {
    let mut reasons = BTreeSet::new();
    for rule in withholdings.iter().filter(|r| r.child == request.child) {
        for category in rule.withholds(&request.recipient, &request.data_categories, request.at) {
            reasons.insert(RefusalReason::Withheld {
                rule: rule.id,
                category,
            });
        }
    }
    if !reasons.is_empty() {
        return SharingDecision::Refuse {
            reasons: reasons.into_iter().collect(),
        };
    }
    let permitted = || request.data_categories.clone();
    if let Some(justification) = justification {
        let problems = justification.problems(request);
        if problems.is_empty() {
            return SharingDecision::Permit {
                basis: PermitBasis::Safeguarding {
                    justification: justification.id,
                },
                data_categories: permitted(),
            };
        }
        reasons.extend(
            problems
                .into_iter()
                .map(|problem| RefusalReason::Justification {
                    justification: justification.id,
                    problem,
                }),
        );
    }
    let mut covering = BTreeSet::new();
    let mut uncovered = false;
    for category in &request.data_categories {
        match evaluate_category(
            consents,
            request.child,
            &request.recipient,
            &request.purpose,
            &request.child_capacity,
            category,
            request.at,
        ) {
            CategoryOutcome::Covered(ids) => covering.extend(ids),
            CategoryOutcome::NotCovered(why) => {
                uncovered = true;
                reasons.extend(why);
            }
        }
    }
    if uncovered {
        return SharingDecision::Refuse {
            reasons: reasons.into_iter().collect(),
        };
    }
    SharingDecision::Permit {
        basis: PermitBasis::Consent {
            consents: covering.into_iter().collect(),
        },
        data_categories: permitted(),
    }
}

/// Proof that sharing was permitted: made only by a
/// [`DisclosureLedger`](crate::DisclosureLedger) from a permit it has recorded. It
/// has no public constructor and cannot be read from JSON:
///
/// ```compile_fail
/// // A Disclosure cannot be conjured from a partner's JSON…
/// let forged: partnership_consent::Disclosure = serde_json::from_str("{}").unwrap();
/// ```
///
/// ```compile_fail
/// // …nor built field by field.
/// let forged = partnership_consent::Disclosure { ledger_index: 0 };
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Disclosure {
    request: SharingRequestId,
    child: ChildId,
    recipient: Recipient,
    purpose: Purpose,
    data_categories: Vec<DataCategory>,
    basis: PermitBasis,
    permitted_at: DateTime<Utc>,
    ledger_index: u64,
}

impl Disclosure {
    /// Made by the ledger only, from a permit it has just recorded.
    pub(crate) fn from_recorded_permit(
        request: &SharingRequest,
        basis: PermitBasis,
        data_categories: Vec<DataCategory>,
        ledger_index: u64,
    ) -> Self {
        Self {
            request: request.id,
            child: request.child,
            recipient: request.recipient.clone(),
            purpose: request.purpose.clone(),
            data_categories,
            basis,
            permitted_at: request.at,
            ledger_index,
        }
    }

    /// The request it answers.
    pub fn request(&self) -> SharingRequestId {
        self.request
    }

    /// The child the information is about.
    pub fn child(&self) -> ChildId {
        self.child
    }

    /// Who may receive it.
    pub fn recipient(&self) -> &Recipient {
        &self.recipient
    }

    /// For what purpose.
    pub fn purpose(&self) -> &Purpose {
        &self.purpose
    }

    /// The categories that may be shared: only these.
    pub fn data_categories(&self) -> &[DataCategory] {
        &self.data_categories
    }

    /// Why sharing is permitted.
    pub fn basis(&self) -> &PermitBasis {
        &self.basis
    }

    /// When sharing was permitted for.
    pub fn permitted_at(&self) -> DateTime<Utc> {
        self.permitted_at
    }

    /// The ledger entry that records the decision.
    pub fn ledger_index(&self) -> u64 {
        self.ledger_index
    }
}
