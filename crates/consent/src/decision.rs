//! [`decide`]: the sharing decision, with its basis or every reason it was refused.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use partnership_core::{ChildId, ConsentId, JustificationId, ProfessionalId, WithholdingRuleId};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    ChildCapacity, ConsentGiver, ConsentRecord, ConsentStatus, DataCategory, DetrimentException,
    JustificationProblem, Purpose, Recipient, SafeguardingJustification, SharingContext,
    SharingRequest, WithholdingRule,
};

/// The child's capacity to decide about one category, as a refusal reports it.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CategoryCapacity {
    /// The category.
    pub category: DataCategory,
    /// The child's capacity to decide about it.
    pub capacity: ChildCapacity,
}

/// Which part of a recipient a request described differently from the record.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DescribedField {
    /// The professional's role.
    Role,
    /// The professional's agency.
    Agency,
    /// The kind of the recipient's agency.
    AgencyKind,
}

impl fmt::Display for DescribedField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Role => "role",
            Self::Agency => "agency",
            Self::AgencyKind => "kind of agency",
        })
    }
}

/// Why sharing is permitted.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum PermitBasis {
    /// Consents in force cover every requested category.
    Consent {
        /// The consents that cover the request, by id, in id order.
        consents: Vec<ConsentId>,
    },
    /// A complete safeguarding justification covers the request. The permit records
    /// the human decision it rests on, copied from the justification when the permit
    /// was recorded: who decided, who approved and when (UK GDPR Art 22B). Entries
    /// recorded before this library kept them may lack them.
    #[serde(rename_all = "camelCase")]
    Safeguarding {
        /// The justification.
        justification: JustificationId,
        /// The professional who decided to share.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decided_by: Option<ProfessionalId>,
        /// The different professional who approved.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        approved_by: Option<ProfessionalId>,
        /// When they decided.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[serde(deserialize_with = "partnership_core::canonical_time::optional")]
        decided_at: Option<DateTime<Utc>>,
        /// When the basis is the duty to share (Children Act 2004 s.16LA): its
        /// commencement day as the service had it set.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
        duty_to_share_from: Option<NaiveDate>,
    },
}

impl PermitBasis {
    /// The basis of a permit on `justification` in `context`, with the human decision
    /// the justification records.
    pub(crate) fn safeguarding(
        justification: &SafeguardingJustification,
        context: &SharingContext,
    ) -> Self {
        let on_duty = justification.relies_on_duty_to_share();
        Self::Safeguarding {
            justification: justification.id(),
            decided_by: Some(justification.decided_by()),
            approved_by: justification.approved_by(),
            decided_at: justification.decided_at(),
            duty_to_share_from: context.law.duty_to_share_from.filter(|_| on_duty),
        }
    }
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
        #[serde(deserialize_with = "partnership_core::canonical_time::deserialize")]
        at: DateTime<Utc>,
    },
    /// A consent that would cover the category was revoked.
    ConsentRevoked {
        /// The consent.
        consent: ConsentId,
        /// The category.
        category: DataCategory,
        /// When it was revoked.
        #[serde(deserialize_with = "partnership_core::canonical_time::deserialize")]
        at: DateTime<Utc>,
    },
    /// A consent that would cover the category has expired.
    ConsentExpired {
        /// The consent.
        consent: ConsentId,
        /// The category.
        category: DataCategory,
        /// Its last day in force.
        #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
        on: NaiveDate,
    },
    /// A consent that would cover the category is not yet in force.
    ConsentNotYetInForce {
        /// The consent.
        consent: ConsentId,
        /// The category.
        category: DataCategory,
        /// Its first day in force.
        #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
        from: NaiveDate,
    },
    /// A consent that would cover the category was invalidated.
    ConsentInvalidated {
        /// The consent.
        consent: ConsentId,
        /// The category.
        category: DataCategory,
        /// When.
        #[serde(deserialize_with = "partnership_core::canonical_time::deserialize")]
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
    /// The child, under 16, gave consent, but has not been assessed as competent for
    /// this decision: those with parental responsibility decide it.
    ChildNotAssessed {
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
    /// The person who gave a consent that would cover the category no longer has the
    /// standing to give it on the day of the decision (their parental responsibility
    /// ended, or their delegated authority no longer covers information sharing).
    GiverLacksStanding {
        /// The consent.
        consent: ConsentId,
        /// The category.
        category: DataCategory,
    },
    /// The request described the recipient differently from the record's team. The
    /// record's facts decide, and a request that says otherwise is not acted on.
    RecipientNotAsDescribed {
        /// What the request got wrong.
        field: DescribedField,
    },
    /// The request was dated on another day than the decision. A decision is made at
    /// the moment it is recorded; a request cannot carry it back or forward in time.
    DatedAnotherDay {
        /// The time the request gave.
        #[serde(deserialize_with = "partnership_core::canonical_time::deserialize")]
        at: DateTime<Utc>,
    },
    /// The question bundles categories the child decides about for themselves with
    /// categories others decide: each must be asked about on its own, so that one
    /// answer is never made the other's.
    CapacityDiffersByCategory {
        /// The child's capacity for each requested category, in the request's order.
        capacities: Vec<CategoryCapacity>,
    },
    /// The request claimed a capacity for the child that the record does not show:
    /// capacity comes from the date of birth and the competence assessments recorded.
    CapacityNotAsClaimed {
        /// What the request claimed.
        claimed: ChildCapacity,
        /// What the record shows for this decision.
        recorded: ChildCapacity,
    },
}

impl fmt::Display for RefusalReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, true)
    }
}

/// A decision or a refusal reason in words without the ids of the records it rests
/// on, for a narrative or a page a person reads: see [`RefusalReason::without_ids`]
/// and [`SharingDecision::without_ids`]. The ids stay in the data.
#[derive(Debug, Clone, Copy)]
pub struct WithoutIds<'a, T>(&'a T);

impl fmt::Display for WithoutIds<'_, RefusalReason> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write(f, false)
    }
}

impl fmt::Display for WithoutIds<'_, SharingDecision> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write(f, false)
    }
}

/// `" (consent 5ce0…)"` when ids are written, nothing otherwise: one place decides
/// whether a reason cites the record it rests on.
struct Cited<'a>(&'a str, &'a dyn fmt::Display, bool);

impl fmt::Display for Cited<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.2 {
            write!(f, " ({} {})", self.0, self.1)
        } else {
            Ok(())
        }
    }
}

impl RefusalReason {
    /// The reason in words without the id of the consent, rule or justification it
    /// names, for a person to read; the ids stay in the data.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::consent::{DataCategory, RefusalReason};
    /// use partnership::core::ConsentId;
    ///
    /// let reason = RefusalReason::ConsentRefused { consent: ConsentId::random(), category: DataCategory::Health };
    /// assert!(reason.to_string().contains("(consent "));
    /// assert_eq!(reason.without_ids().to_string(), "consent to share health was refused");
    /// ```
    pub const fn without_ids(&self) -> WithoutIds<'_, Self> {
        WithoutIds(self)
    }

    fn write(&self, f: &mut fmt::Formatter<'_>, ids: bool) -> fmt::Result {
        match self {
            Self::Withheld { rule, category } => write!(
                f,
                "{category} {} withheld from this recipient to protect someone's safety{}",
                category.is_or_are(),
                Cited("rule", rule, ids)
            ),
            Self::NoConsent { category } => write!(
                f,
                "no consent covers sharing {category} with this recipient for this purpose"
            ),
            Self::ConsentRefused { consent, category } => write!(
                f,
                "consent to share {category} was refused{}",
                Cited("consent", consent, ids)
            ),
            Self::ConsentWithdrawn {
                consent,
                category,
                at,
            } => write!(
                f,
                "consent to share {category} was withdrawn on {}{}",
                at.date_naive(),
                Cited("consent", consent, ids)
            ),
            Self::ConsentRevoked {
                consent,
                category,
                at,
            } => write!(
                f,
                "consent to share {category} was revoked on {}{}",
                at.date_naive(),
                Cited("consent", consent, ids)
            ),
            Self::ConsentExpired {
                consent,
                category,
                on,
            } => write!(
                f,
                "consent to share {category} expired after {on}{}",
                Cited("consent", consent, ids)
            ),
            Self::ConsentNotYetInForce {
                consent,
                category,
                from,
            } => write!(
                f,
                "consent to share {category} is not in force until {from}{}",
                Cited("consent", consent, ids)
            ),
            Self::ConsentInvalidated {
                consent,
                category,
                at,
            } => write!(
                f,
                "consent to share {category} was invalidated on {}{}",
                at.date_naive(),
                Cited("consent", consent, ids)
            ),
            Self::ConsentAwaitingAnswer { consent, category } => write!(
                f,
                "consent to share {category} was asked for and not yet answered{}",
                Cited("consent", consent, ids)
            ),
            Self::ChildMustConsent { consent, category } => write!(
                f,
                "the child decides about sharing {category} for themselves, so a carer's consent alone does not cover it{}",
                Cited("consent", consent, ids)
            ),
            Self::ChildNotAssessed { consent, category } => write!(
                f,
                "the child's consent to share {category} does not stand alone: the child is under 16 and has not been assessed as competent for this decision{}",
                Cited("consent", consent, ids)
            ),
            Self::CapacityDiffersByCategory { .. } => f.write_str(
                "the child decides about some of these categories for themselves and not about others: ask about each on its own"
            ),
            Self::GiverNotCompetent { consent, category } => write!(
                f,
                "the child's consent to share {category} does not stand: the child was assessed as not competent for this decision{}",
                Cited("consent", consent, ids)
            ),
            Self::Justification {
                justification,
                problem,
            } => {
                if ids {
                    write!(f, "safeguarding justification {justification} does not permit this: {problem}")
                } else {
                    write!(f, "the safeguarding justification does not permit this: {problem}")
                }
            }
            Self::GiverLacksStanding { consent, category } => write!(
                f,
                "the person who consented to sharing {category} no longer has the standing to consent on the day of the decision{}",
                Cited("consent", consent, ids)
            ),
            Self::RecipientNotAsDescribed { field } => write!(
                f,
                "the request describes the recipient's {field} differently from the record's team; the record decides, so nothing is shared on the request's description"
            ),
            Self::DatedAnotherDay { at } => write!(
                f,
                "the request is dated {}, another day than the decision; a decision is made when it is recorded, so ask again without a date",
                at.date_naive()
            ),
            Self::CapacityNotAsClaimed { claimed, recorded } => write!(
                f,
                "the request says the child {claimed}, but the record shows the child {recorded}"
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
    /// Not disclosed under the exception to the duty to share: disclosing was judged
    /// more detrimental to the child than not disclosing (Children Act 2004
    /// s.16LA(3)). Recorded like a permit, with the human decision.
    NotDisclosed {
        /// The decision and its reason.
        exception: DetrimentException,
    },
}

impl SharingDecision {
    /// Whether sharing is permitted.
    pub const fn is_permit(&self) -> bool {
        matches!(self, Self::Permit { .. })
    }

    /// The reasons for a refusal; empty for a permit and for a decision not to
    /// disclose under the exception to the duty to share.
    pub fn reasons(&self) -> &[RefusalReason] {
        match self {
            Self::Permit { .. } | Self::NotDisclosed { .. } => &[],
            Self::Refuse { reasons } => reasons,
        }
    }
}

impl fmt::Display for SharingDecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, true)
    }
}

impl SharingDecision {
    /// The decision in words without the ids of the consents, rules and
    /// justifications it rests on: for a narrative, a training page or anything a
    /// person reads. The reasons of a refusal follow one another after a colon,
    /// separated by semicolons, on one line.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::consent::{DataCategory, RefusalReason, SharingDecision};
    /// use partnership::core::WithholdingRuleId;
    ///
    /// let refused = SharingDecision::Refuse { reasons: vec![
    ///     RefusalReason::Withheld { rule: WithholdingRuleId::random(), category: DataCategory::ContactDetails },
    ///     RefusalReason::NoConsent { category: DataCategory::EducationProgress },
    /// ] };
    /// assert_eq!(
    ///     refused.without_ids().to_string(),
    ///     "refused: contact details are withheld from this recipient to protect someone's safety; \
    ///      no consent covers sharing education progress with this recipient for this purpose",
    /// );
    /// ```
    pub const fn without_ids(&self) -> WithoutIds<'_, Self> {
        WithoutIds(self)
    }

    fn write(&self, f: &mut fmt::Formatter<'_>, ids: bool) -> fmt::Result {
        match self {
            Self::Permit { basis, .. } => match basis {
                PermitBasis::Consent { consents } => write!(
                    f,
                    "permitted: covered by {} consent{}",
                    consents.len(),
                    if consents.len() == 1 { "" } else { "s" }
                ),
                PermitBasis::Safeguarding {
                    justification,
                    decided_at,
                    ..
                } => {
                    if ids {
                        write!(
                            f,
                            "permitted without consent under safeguarding justification {justification}"
                        )?;
                    } else {
                        f.write_str("permitted without consent under the recorded safeguarding justification")?;
                    }
                    match decided_at {
                        Some(at) => write!(
                            f,
                            ", decided and approved by two professionals on {}",
                            at.date_naive()
                        ),
                        None => Ok(()),
                    }
                }
            },
            // A reason in words may be personal, so only a fixed reason is written.
            Self::NotDisclosed { exception } => write!(
                f,
                "not disclosed: disclosing was judged more detrimental to the child than not disclosing ({}), so the duty to share does not apply (Children Act 2004 s.16LA(3)); decided and approved by two professionals",
                exception
                    .reason()
                    .fixed_words()
                    .unwrap_or("for a reason recorded in words")
            ),
            Self::Refuse { reasons } if ids => {
                f.write_str("refused:")?;
                for reason in reasons {
                    write!(f, "\n- {reason}")?;
                }
                Ok(())
            }
            Self::Refuse { reasons } => {
                f.write_str("refused")?;
                for (n, reason) in reasons.iter().enumerate() {
                    f.write_str(if n == 0 { ": " } else { "; " })?;
                    reason.write(f, false)?;
                }
                Ok(())
            }
        }
    }
}

/// Whether a consent's giver can decide, given the child's capacity for this decision:
/// the child when they decide for themselves (16 or over, or assessed as competent for
/// it), and otherwise those with parental responsibility or another authority. A child
/// under 16 who has not been assessed for the decision does not decide it alone.
fn giver_can_decide(giver: &ConsentGiver, capacity: &ChildCapacity) -> bool {
    giver.is_the_child() == capacity.child_decides()
}

/// What the consents say about one category.
pub(crate) enum CategoryOutcome {
    Covered(Vec<ConsentId>),
    NotCovered(Vec<RefusalReason>),
}

/// Evaluates the consents about `child` for sharing `category` with `recipient` for
/// `purpose` at `at`: the one rule that `decide` and the helpers share. Consents
/// listed in `without_standing` were given by someone who no longer has the standing
/// to give them: they cover nothing, and a refusal from them blocks nothing.
#[expect(
    clippy::too_many_arguments,
    reason = "the facts of one category's decision, each a plain value"
)]
pub(crate) fn evaluate_category(
    consents: &[ConsentRecord],
    child: ChildId,
    recipient: &Recipient,
    purpose: &Purpose,
    capacity: &ChildCapacity,
    category: &DataCategory,
    at: DateTime<Utc>,
    without_standing: &[ConsentId],
) -> CategoryOutcome {
    let mut permits = Vec::new();
    let mut denies = Vec::new();
    let mut reasons = Vec::new();
    let category_of = || category.clone();
    for consent in consents
        .iter()
        .filter(|c| c.child() == child && c.scope().covers(recipient, purpose, category))
    {
        let can_decide = giver_can_decide(consent.given_by(), capacity);
        let id = consent.id();
        let stands = !without_standing.contains(&id);
        match consent.status_at(at) {
            ConsentStatus::Given if can_decide && stands => permits.push(id),
            ConsentStatus::Given if can_decide => reasons.push(RefusalReason::GiverLacksStanding {
                consent: id,
                category: category_of(),
            }),
            ConsentStatus::Refused if can_decide && stands => {
                denies.push(RefusalReason::ConsentRefused {
                    consent: id,
                    category: category_of(),
                })
            }
            ConsentStatus::Given if consent.given_by().is_the_child() => {
                reasons.push(match capacity {
                    ChildCapacity::NotCompetent { .. } => RefusalReason::GiverNotCompetent {
                        consent: id,
                        category: category_of(),
                    },
                    _ => RefusalReason::ChildNotAssessed {
                        consent: id,
                        category: category_of(),
                    },
                })
            }
            ConsentStatus::Given => reasons.push(RefusalReason::ChildMustConsent {
                consent: id,
                category: category_of(),
            }),
            // A refusal by someone who cannot decide neither covers nor blocks.
            ConsentStatus::Refused | ConsentStatus::NotYetRecorded => {}
            ConsentStatus::Requested => reasons.push(RefusalReason::ConsentAwaitingAnswer {
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

/// Everything a sharing decision is made on besides the request itself.
///
/// The request must already state the facts as the record knows them: the
/// recipient's role and agency from the team, the time of the decision, the child's
/// capacity from the date of birth and the competence assessments. This function
/// trusts its inputs; `PartnershipRecord::decide` in the record crate is the one place
/// that builds them from a record, and the only way to obtain a `Disclosure`.
#[derive(Debug, Clone, Copy, Default)]
pub struct DecisionFacts<'a> {
    /// The consent records.
    pub consents: &'a [ConsentRecord],
    /// The withholding rules.
    pub withholdings: &'a [WithholdingRule],
    /// The safeguarding justifications: any that covers the request, with no problem,
    /// permits it.
    pub justifications: &'a [SafeguardingJustification],
    /// Who else the information reaches: for an agency's inbox, every professional
    /// of the agency. A withholding rule that reaches any of them refuses the request.
    pub also_reaches: &'a [Recipient],
    /// Consents whose giver has lost the standing to give them by the decision date
    /// (parental responsibility ended, delegated authority withdrawn).
    pub without_standing: &'a [ConsentId],
    /// What the record says of the sharer and the child, for the bases that depend
    /// on them (a recognised legitimate interest).
    pub context: SharingContext,
}

/// Decides whether the information in `request` may be shared, on the consents,
/// withholding rules and (at most) one justification given, trusting everything the
/// request states.
///
/// This is the decision rule on plain data, for a "what would the rules say" on
/// facts you vouch for. It records nothing and proves nothing: a service that shares
/// asks `PartnershipRecord::decide`, which takes the facts from the record and
/// records the decision before it answers. See [`decide_on_facts`] for the rules.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
/// use partnership::chrono::{TimeZone, Utc};
/// use partnership::consent::*;
/// use partnership::core::*;
///
/// let request = SharingRequest::try_from(SharingRequestParts {
///     id: SharingRequestId::random(),
///     child: ChildId::random(),
///     requested_by: ProfessionalId::random(),
///     recipient: Recipient::Agency { id: AgencyId::random(), agency_kind: AgencyKind::Health },
///     purpose: Purpose::HealthCare,
///     data_categories: vec![DataCategory::Health],
///     at: Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).single().ok_or("no such time")?,
///     child_capacity: ChildCapacity::NotAssessed,
/// })?;
/// // No consent and no justification: refused.
/// let decision = decide(&request, &[], &[], None);
/// assert_eq!(
///     decision.to_string(),
///     "refused:\n- no consent covers sharing health with this recipient for this purpose"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn decide(
    request: &SharingRequest,
    consents: &[ConsentRecord],
    withholdings: &[WithholdingRule],
    justification: Option<&SafeguardingJustification>,
) -> SharingDecision {
    decide_on_facts(
        request,
        &DecisionFacts {
            consents,
            withholdings,
            justifications: justification.map_or(&[], std::slice::from_ref),
            also_reaches: &[],
            without_standing: &[],
            context: SharingContext::default(),
        },
    )
}

/// Decides whether the information in `request` may be shared, on `facts`.
///
/// The rules, in order:
///
/// 1. A [`WithholdingRule`] in force that withholds any requested category from the
///    recipient, or from anyone else the information reaches, refuses the request.
///    Nothing overrides it.
/// 2. A [`SafeguardingJustification`] with no [problems](SafeguardingJustification::problems)
///    (it covers this recipient, purpose, every category and the moment) permits the
///    request without consent. One with problems permits nothing; if consent does not
///    cover the request either, the problems of the justification that came closest
///    are reported.
/// 3. Otherwise every requested category must be covered by a consent about the child,
///    in force at the request's time, whose scope covers the recipient and purpose,
///    given by someone who can decide and who still has the standing to: a carer when
///    the child does not decide for themselves; the child when they do. A refusal in
///    force by someone who can decide beats any permit.
///
/// The decision depends on the sets of consents and justifications, not their order.
pub fn decide_on_facts(request: &SharingRequest, facts: &DecisionFacts<'_>) -> SharingDecision {
    let mut reasons = BTreeSet::new();
    for rule in facts
        .withholdings
        .iter()
        .filter(|r| r.child() == request.child())
    {
        let mut withheld =
            rule.withholds(request.recipient(), request.data_categories(), request.at());
        if withheld.len() < request.data_categories().len() && !facts.also_reaches.is_empty() {
            withheld.extend(rule.withholds_from_any(
                facts.also_reaches,
                request.data_categories(),
                request.at(),
            ));
        }
        for category in withheld {
            reasons.insert(RefusalReason::Withheld {
                rule: rule.id(),
                category,
            });
        }
    }
    if !reasons.is_empty() {
        return SharingDecision::Refuse {
            reasons: reasons.into_iter().collect(),
        };
    }
    let permitted = || request.data_categories().to_vec();
    // Of the justifications that permit, the lowest id, so that order never matters.
    if let Some(permitting) = facts
        .justifications
        .iter()
        .filter(|j| j.permits_in(request, &facts.context))
        .min_by_key(|j| j.id())
    {
        return SharingDecision::Permit {
            basis: PermitBasis::safeguarding(permitting, &facts.context),
            data_categories: permitted(),
        };
    }
    let mut covering = Vec::new();
    let mut uncovered = false;
    for category in request.data_categories() {
        match evaluate_category(
            facts.consents,
            request.child(),
            request.recipient(),
            request.purpose(),
            &request.child_capacity(),
            category,
            request.at(),
            facts.without_standing,
        ) {
            CategoryOutcome::Covered(ids) => covering.extend(ids),
            CategoryOutcome::NotCovered(why) => {
                uncovered = true;
                reasons.extend(why);
            }
        }
    }
    if uncovered {
        // The justification that came closest says what it lacks: the fewest
        // problems, and of equals the lowest id.
        let closest = facts
            .justifications
            .iter()
            .map(|j| (j.problems_in(request, &facts.context), j.id()))
            .min_by(|(a, x), (b, y)| (a.len(), x).cmp(&(b.len(), y)));
        if let Some((problems, justification)) = closest {
            reasons.extend(
                problems
                    .into_iter()
                    .map(|problem| RefusalReason::Justification {
                        justification,
                        problem,
                    }),
            );
        }
        return SharingDecision::Refuse {
            reasons: reasons.into_iter().collect(),
        };
    }
    covering.sort_unstable();
    covering.dedup();
    SharingDecision::Permit {
        basis: PermitBasis::Consent { consents: covering },
        data_categories: permitted(),
    }
}
