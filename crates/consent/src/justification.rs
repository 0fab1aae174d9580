//! [`SafeguardingJustification`]: the recorded lawful basis for sharing without consent.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use partnership_core::{AgencyId, ChildId, JustificationId, Label, ProfessionalId, Sensitive};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::scope::non_empty_unique;
use crate::{ConsentError, DataCategory, LawInForce, Purpose, RecipientScope, SharingRequest};

partnership_core::labelled_enum! {
    /// A lawful basis for processing under UK GDPR Article 6(1). The list can grow, as
    /// the Data (Use and Access) Act 2025 showed by adding recognised legitimate
    /// interests.
    pub enum LawfulBasis {
        /// Article 6(1)(a): consent. Not a basis for sharing *without* consent.
        Consent => "consent", "consent (Article 6(1)(a))";
        /// Article 6(1)(b): contract.
        Contract => "contract", "contract (Article 6(1)(b))";
        /// Article 6(1)(c): a legal obligation.
        LegalObligation => "legal-obligation", "legal obligation (Article 6(1)(c))";
        /// Article 6(1)(c) under the duty to share safeguarding information between
        /// relevant persons (Children Act 2004 s.16LA, inserted by the Children's
        /// Wellbeing and Schools Act 2026 s.4): a legal obligation, relied on only
        /// from the commencement day the service sets ([`LawInForce`]), and only
        /// between relevant persons.
        DutyToShare => "duty-to-share", "the duty to share safeguarding information (Children Act 2004 s.16LA; Article 6(1)(c))";
        /// Article 6(1)(d): vital interests.
        VitalInterests => "vital-interests", "vital interests (Article 6(1)(d))";
        /// Article 6(1)(e): a public task.
        PublicTask => "public-task", "public task (Article 6(1)(e))";
        /// Article 6(1)(ea), added by the Data (Use and Access) Act 2025 s70: a
        /// recognised legitimate interest, whose listed conditions include
        /// safeguarding vulnerable individuals.
        RecognisedLegitimateInterest => "recognised-legitimate-interest", "recognised legitimate interest (Article 6(1)(ea))";
        /// Article 6(1)(f): legitimate interests.
        LegitimateInterests => "legitimate-interests", "legitimate interests (Article 6(1)(f))";
    }
    /// Another basis, for example one added by future legislation.
    Other { label: Label => "The basis and its legal reference." }
}

partnership_core::labelled_enum! {
    /// A condition for processing special category data under UK GDPR Article 9(2),
    /// with the Data Protection Act 2018 Schedule 1 where it applies.
    pub enum Article9Condition {
        /// Article 9(2)(a): explicit consent.
        ExplicitConsent => "explicit-consent", "explicit consent (Article 9(2)(a))";
        /// Article 9(2)(b): employment, social security and social protection law.
        SocialProtection => "social-protection", "social protection law (Article 9(2)(b))";
        /// Article 9(2)(c): vital interests where consent cannot be given.
        VitalInterests => "vital-interests", "vital interests (Article 9(2)(c))";
        /// Article 9(2)(g) with DPA 2018 Schedule 1 paragraph 18: substantial public
        /// interest in safeguarding children and individuals at risk.
        SafeguardingChildrenAndIndividualsAtRisk => "safeguarding-children-and-individuals-at-risk", "safeguarding of children and individuals at risk (Article 9(2)(g), DPA 2018 Sch 1 para 18)";
        /// Article 9(2)(h): health or social care.
        HealthOrSocialCare => "health-or-social-care", "health or social care (Article 9(2)(h))";
    }
    /// Another condition.
    Other { label: Label => "The condition and its legal reference." }
}

/// Whether the carers were told what would be shared, with whom and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum CarersTold {
    /// They were told, on this date.
    Told {
        /// When.
        #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
        on: NaiveDate,
    },
    /// They were not told, for this reason (for example, telling them would put the
    /// child at greater risk).
    NotTold {
        /// Why not. Personal data.
        reason: Sensitive<String>,
    },
}

/// The plain fields of a [`SafeguardingJustification`]. Some fields are optional so
/// that a justification in progress can be recorded; an incomplete one permits
/// nothing, and the library says what is missing (in Rust:
/// [`SafeguardingJustification::problems`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SafeguardingJustificationParts {
    /// The justification's id.
    pub id: JustificationId,
    /// The child it concerns.
    pub child: ChildId,
    /// The Article 6 lawful basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lawful_basis: Option<LawfulBasis>,
    /// The Article 9 condition, needed when any category shared is special category data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article9_condition: Option<Article9Condition>,
    /// The reason: the risk of harm and why sharing is necessary and proportionate.
    /// Personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Sensitive<String>>,
    /// Who it justifies sharing with, by the same scopes consents use (a particular
    /// professional, an agency, a role). At least one. The recipient's role and agency
    /// come from the record's team, never from a request.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub recipients: Vec<RecipientScope>,
    /// What for: the purposes it justifies sharing for. At least one.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub purposes: Vec<Purpose>,
    /// The categories it justifies sharing: the minimum necessary. At least one.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub data_categories: Vec<DataCategory>,
    /// The professional who decided.
    pub decided_by: ProfessionalId,
    /// A different professional who approved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<ProfessionalId>,
    /// When the decision was taken and approved (RFC 3339, UTC): the human decision a
    /// permit records (UK GDPR Art 22B: a significant decision on a recognised
    /// legitimate interest is never solely automated). Nothing is shared on the
    /// justification before it, and without it nothing at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "partnership_core::canonical_time::optional")]
    pub decided_at: Option<DateTime<Utc>>,
    /// From when it may be used (RFC 3339, UTC).
    #[serde(deserialize_with = "partnership_core::canonical_time::deserialize")]
    pub valid_from: DateTime<Utc>,
    /// Until when it may be used; after `validFrom`.
    #[serde(deserialize_with = "partnership_core::canonical_time::deserialize")]
    pub valid_until: DateTime<Utc>,
    /// Whether the carers were told, and why not if not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carers_told: Option<CarersTold>,
}

fn check_justification(parts: &SafeguardingJustificationParts) -> Result<(), ConsentError> {
    non_empty_unique(&parts.recipients, "recipients")?;
    non_empty_unique(&parts.purposes, "purposes")?;
    non_empty_unique(&parts.data_categories, "dataCategories")?;
    if parts.valid_until <= parts.valid_from {
        return Err(ConsentError::PeriodEndsBeforeStart {
            field: "validUntil",
        });
    }
    Ok(())
}

partnership_core::validated! {
    /// The recorded decision to share information without consent to protect a child:
    /// the lawful basis, an Article 9 condition for special category data, the reason,
    /// who decided and a different professional who approved, the window in which it
    /// may be used, the recipients, purposes and categories it covers, and whether the
    /// carers were told.
    ///
    /// Not a yes/no flag: each part is recorded, and [`problems`](Self::problems)
    /// lists every part missing or out of bounds for a request. A justification with
    /// any problem permits nothing.
    #[derive(Clone, PartialEq, Eq)]
    pub struct SafeguardingJustification(SafeguardingJustificationParts);
    check = check_justification;
    error = ConsentError;
}

impl SafeguardingJustification {
    /// The justification's id.
    pub fn id(&self) -> JustificationId {
        self.0.id
    }

    /// The child it concerns.
    pub fn child(&self) -> ChildId {
        self.0.child
    }

    /// The Article 6 lawful basis.
    pub fn lawful_basis(&self) -> &Option<LawfulBasis> {
        &self.0.lawful_basis
    }

    /// The Article 9 condition, needed when any category shared is special category data.
    pub fn article9_condition(&self) -> &Option<Article9Condition> {
        &self.0.article9_condition
    }

    /// The reason: the risk of harm and why sharing is necessary and proportionate.
    /// Personal data.
    pub fn reason(&self) -> &Option<Sensitive<String>> {
        &self.0.reason
    }

    /// Who it justifies sharing with, by the same scopes consents use (a particular
    /// professional, an agency, a role). At least one. The recipient's role and agency
    /// come from the record's team, never from a request.
    pub fn recipients(&self) -> &[RecipientScope] {
        &self.0.recipients
    }

    /// What for: the purposes it justifies sharing for. At least one.
    pub fn purposes(&self) -> &[Purpose] {
        &self.0.purposes
    }

    /// The categories it justifies sharing: the minimum necessary. At least one.
    pub fn data_categories(&self) -> &[DataCategory] {
        &self.0.data_categories
    }

    /// The professional who decided.
    pub fn decided_by(&self) -> ProfessionalId {
        self.0.decided_by
    }

    /// A different professional who approved.
    pub fn approved_by(&self) -> Option<ProfessionalId> {
        self.0.approved_by
    }

    /// When the decision was taken and approved.
    pub fn decided_at(&self) -> Option<DateTime<Utc>> {
        self.0.decided_at
    }

    /// Whether its lawful basis is the duty to share (Children Act 2004 s.16LA), as
    /// the fixed choice or in any words that name it.
    pub fn relies_on_duty_to_share(&self) -> bool {
        self.0
            .lawful_basis
            .as_ref()
            .and_then(conditioned)
            .is_some_and(|c| c == Conditioned::DutyToShare)
    }

    /// From when it may be used (RFC 3339, UTC).
    pub fn valid_from(&self) -> DateTime<Utc> {
        self.0.valid_from
    }

    /// Until when it may be used; after `validFrom`.
    pub fn valid_until(&self) -> DateTime<Utc> {
        self.0.valid_until
    }

    /// Whether the carers were told, and why not if not.
    pub fn carers_told(&self) -> &Option<CarersTold> {
        &self.0.carers_told
    }
}

/// Why a safeguarding justification does not permit a request.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum JustificationProblem {
    /// It is for another child.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    ForAnotherChild,
    /// No lawful basis is recorded.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    NoLawfulBasis,
    /// The lawful basis recorded is consent, which cannot justify sharing without it.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    ConsentIsNotABasisWithoutConsent,
    /// A special category is requested and no Article 9 condition is recorded.
    NoArticle9Condition {
        /// The first special category requested.
        category: DataCategory,
    },
    /// The basis is a recognised legitimate interest and the sharer's agency is not
    /// recorded as outside the public authorities, which cannot rely on it in
    /// performing their tasks.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    PublicAuthorityCannotRelyOnRecognisedLegitimateInterest,
    /// The basis is a recognised legitimate interest under its safeguarding
    /// condition, and the young person is 18 or over (or their age is not known).
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    RecognisedLegitimateInterestNotForAnAdult,
    /// The lawful basis was not in force on the day of the request: a recognised
    /// legitimate interest before 5 February 2026, or the duty to share before the
    /// commencement day the service set (or with none set).
    BasisNotInForce {
        /// The first day it is in force, when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
        from: Option<NaiveDate>,
    },
    /// The basis is the duty to share, which binds relevant persons only, and the
    /// sharer's agency is not one (Children Act 2004 s.16LA(1), (5)).
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    SharerNotARelevantPerson,
    /// The basis is the duty to share, which is owed to relevant persons only, and the
    /// recipient is not one.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    RecipientNotARelevantPerson,
    /// The basis is the duty to share, which is owed to another relevant person, and
    /// the recipient is in the sharer's own agency.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    NotToAnotherRelevantPerson,
    /// The basis is written in words with letters outside the plain alphabet, so it
    /// cannot be compared with the bases whose use the law conditions.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    BasisNotPlainlyWritten,
    /// No reason is recorded.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    NoReason,
    /// Nobody approved it.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    NotApproved,
    /// It was approved by the professional who decided it.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    ApprovedByDecisionMaker,
    /// When the decision was taken is not recorded.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    DecisionTimeNotRecorded,
    /// The request came before the decision was taken.
    DecidedAfterRequest {
        /// When it was decided.
        decided_at: DateTime<Utc>,
    },
    /// Whether the carers were told is not recorded.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    CarersToldNotRecorded,
    /// The carers were not told and no reason is given.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    NotToldWithoutReason,
    /// The request falls outside the window in which it may be used.
    OutsideWindow {
        /// From when it may be used.
        from: DateTime<Utc>,
        /// Until when.
        until: DateTime<Utc>,
    },
    /// A requested category is not among those it justifies.
    CategoryNotJustified {
        /// The category.
        category: DataCategory,
    },
    /// The recipient has no safeguarding role.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    RecipientHasNoSafeguardingRole,
    /// The recipient is not among those it justifies sharing with.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    RecipientNotCovered,
    /// The purpose is not among those it justifies sharing for.
    PurposeNotCovered {
        /// The purpose asked for.
        purpose: Purpose,
    },
}

impl fmt::Display for JustificationProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ForAnotherChild => f.write_str("the justification is for another child"),
            Self::NoLawfulBasis => f.write_str("no lawful basis is recorded"),
            Self::ConsentIsNotABasisWithoutConsent => {
                f.write_str("consent cannot be the lawful basis for sharing without consent")
            }
            Self::NoArticle9Condition { category } => write!(
                f,
                "{category} {} special category data and no Article 9 condition is recorded",
                category.is_or_are()
            ),
            Self::PublicAuthorityCannotRelyOnRecognisedLegitimateInterest => f.write_str(
                "a public authority cannot rely on a recognised legitimate interest in performing its tasks (UK GDPR Art 6(1), as amended by the Data (Use and Access) Act 2025 s.70), and the sharer's agency is not recorded as outside the public authorities",
            ),
            Self::RecognisedLegitimateInterestNotForAnAdult => f.write_str(
                "the safeguarding condition of a recognised legitimate interest covers a child under 18 (UK GDPR Annex 1), and the young person is 18 or over or their age is not known",
            ),
            Self::BasisNotInForce { from: Some(from) } => write!(
                f,
                "the lawful basis is not in force until {from}"
            ),
            Self::BasisNotInForce { from: None } => f.write_str(
                "the lawful basis is not in force: the service has set no commencement day for the duty to share (Children Act 2004 s.16LA)",
            ),
            Self::SharerNotARelevantPerson => f.write_str(
                "the duty to share binds relevant persons (Children Act 2004 s.16LA), and the sharer's agency is not one",
            ),
            Self::RecipientNotARelevantPerson => f.write_str(
                "the duty to share is owed to relevant persons (Children Act 2004 s.16LA), and the recipient is not one",
            ),
            Self::NotToAnotherRelevantPerson => f.write_str(
                "the duty to share is owed to another relevant person (Children Act 2004 s.16LA), and the recipient is in the sharer's own agency",
            ),
            Self::BasisNotPlainlyWritten => f.write_str(
                "the lawful basis is written in words with letters outside the plain alphabet, so it cannot be checked against the conditions the law sets; choose it from the list, or write it in plain letters",
            ),
            Self::NoReason => f.write_str("no reason is recorded"),
            Self::NotApproved => f.write_str("no second professional has approved it"),
            Self::ApprovedByDecisionMaker => {
                f.write_str("it was approved by the professional who decided it")
            }
            Self::DecisionTimeNotRecorded => {
                f.write_str("when the decision was taken is not recorded")
            }
            Self::DecidedAfterRequest { decided_at } => write!(
                f,
                "the request came before the decision to share was taken ({})",
                decided_at.to_rfc3339()
            ),
            Self::CarersToldNotRecorded => {
                f.write_str("whether the carers were told is not recorded")
            }
            Self::NotToldWithoutReason => {
                f.write_str("the carers were not told and no reason is recorded")
            }
            Self::OutsideWindow { from, until } => write!(
                f,
                "the request falls outside the window {} to {} in which it may be used",
                from.to_rfc3339(),
                until.to_rfc3339()
            ),
            Self::CategoryNotJustified { category } => {
                write!(f, "it does not cover {category}")
            }
            Self::RecipientHasNoSafeguardingRole => {
                f.write_str("the recipient has no safeguarding role")
            }
            Self::RecipientNotCovered => {
                f.write_str("it does not cover sharing with this recipient")
            }
            Self::PurposeNotCovered { purpose } => {
                write!(f, "it does not cover sharing for {purpose}")
            }
        }
    }
}

/// The bases whose use the law conditions, as a basis is read for those conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Conditioned {
    RecognisedLegitimateInterest,
    DutyToShare,
}

/// Which conditioned basis `basis` is, read generously: the fixed choice, or a basis
/// in words that mentions it in any spelling ("Recognized legitimate interests",
/// "Article 6(1)(ea)", "Duty to share (s.16LA)", "Statutory duty-to-share"), so that
/// writing a basis in words never escapes its conditions. Only ASCII letters and
/// digits are compared: punctuation, spacing and case do not count.
fn conditioned(basis: &LawfulBasis) -> Option<Conditioned> {
    if basis.same_choice(&LawfulBasis::RecognisedLegitimateInterest) {
        return Some(Conditioned::RecognisedLegitimateInterest);
    }
    if basis.same_choice(&LawfulBasis::DutyToShare) {
        return Some(Conditioned::DutyToShare);
    }
    let LawfulBasis::Other { label } = basis else {
        return None;
    };
    let plain: String = label
        .as_str()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let mentions = |words: &[&str]| words.iter().any(|w| plain.contains(w));
    if mentions(&["dutytoshare", "16la"]) {
        Some(Conditioned::DutyToShare)
    } else if mentions(&[
        "recognisedlegitimateinterest",
        "recognizedlegitimateinterest",
        "61ea",
    ]) {
        Some(Conditioned::RecognisedLegitimateInterest)
    } else {
        None
    }
}

/// Whether a basis in words is written in plain letters: one with letters outside
/// ASCII (a Cyrillic "а" in "shаre") could not be compared with the bases whose use
/// the law conditions, so it is not relied on.
fn written_plainly(basis: &LawfulBasis) -> bool {
    match basis {
        LawfulBasis::Other { label } => label
            .as_str()
            .chars()
            .all(|c| c.is_ascii() || !c.is_alphabetic()),
        _ => true,
    }
}

/// Whether a recorded reason says anything: at least one letter or digit. Spaces,
/// punctuation and invisible characters (a zero-width space) are not a reason.
fn says_something(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// What the record says about whoever shares and about the child on the day, and which
/// newer rules the service has in force, for the bases whose use depends on them. The
/// default knows nothing and has nothing commenced, and a basis that needs a fact
/// refuses without it.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
/// use partnership::consent::SharingContext;
///
/// let unknown = SharingContext::default();
/// assert!(!unknown.sharer_outside_public_authority);
/// assert!(!unknown.sharer_is_relevant_person);
/// assert_eq!(unknown.child_age, None);
/// assert_eq!(unknown.law.duty_to_share_from, None);
/// assert_eq!(unknown.sharer_agency, None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct SharingContext {
    /// Whether the sharer's agency is recorded as not a public authority.
    pub sharer_outside_public_authority: bool,
    /// Whether the sharer's agency is a relevant person for the duty to share
    /// (Children Act 2004 s.16LA(5)): see
    /// `partnership_core::AgencyKind::is_relevant_person`.
    pub sharer_is_relevant_person: bool,
    /// The child's age in whole years on the day of the request.
    pub child_age: Option<u32>,
    /// The commencement days the service has set.
    pub law: LawInForce,
    /// The sharer's agency, from the team: the duty to share is owed to *another*
    /// relevant person, never within one agency.
    pub sharer_agency: Option<AgencyId>,
}

impl SharingContext {
    /// Whether the basis can be relied on for `request` in this context, and why not:
    ///
    /// - a recognised legitimate interest (UK GDPR Art 6(1)(ea), added by the Data
    ///   (Use and Access) Act 2025 s.70) only from 5 February 2026, only by a sharer
    ///   that is not a public authority performing its tasks (the words after point
    ///   (f), as amended), and under its safeguarding condition only for a child under
    ///   18 (Annex 1: a vulnerable individual; an adult at risk is not recorded by this
    ///   library);
    /// - the duty to share (Children Act 2004 s.16LA) only from the commencement day
    ///   the service set, on the day in England, and only from one relevant person to
    ///   another.
    fn refuses(
        &self,
        basis: &LawfulBasis,
        request: &SharingRequest,
    ) -> Option<JustificationProblem> {
        let day = partnership_core::uk_date(request.at());
        if !written_plainly(basis) {
            return Some(JustificationProblem::BasisNotPlainlyWritten);
        }
        match conditioned(basis)? {
            Conditioned::RecognisedLegitimateInterest => {
                if day < crate::RECOGNISED_LEGITIMATE_INTEREST_IN_FORCE_FROM {
                    return Some(JustificationProblem::BasisNotInForce {
                        from: Some(crate::RECOGNISED_LEGITIMATE_INTEREST_IN_FORCE_FROM),
                    });
                }
                if !self.sharer_outside_public_authority {
                    return Some(
                        JustificationProblem::PublicAuthorityCannotRelyOnRecognisedLegitimateInterest,
                    );
                }
                if self.child_age.is_none_or(|age| age >= 18) {
                    return Some(JustificationProblem::RecognisedLegitimateInterestNotForAnAdult);
                }
            }
            Conditioned::DutyToShare => {
                if !self.law.duty_to_share_on(day) {
                    return Some(JustificationProblem::BasisNotInForce {
                        from: self.law.duty_to_share_from,
                    });
                }
                return self.duty_not_owed(request);
            }
        }
        None
    }

    /// Why the duty to share (Children Act 2004 s.16LA(1)) does not bind this sharer
    /// towards `request`'s recipient, if it does not: the sharer's agency is not a
    /// relevant person, the recipient is not, or the recipient is in the sharer's own
    /// agency. Whether the duty is in force is asked apart, of
    /// [`LawInForce`](crate::LawInForce). The same rule when a permit relies on the
    /// duty and when its exception is used.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::consent::{JustificationProblem, SharingContext};
    /// # use partnership::consent::{DataCategory, Purpose, Recipient, SharingRequest, SharingRequestParts, ChildCapacity};
    /// # use partnership::core::{AgencyId, AgencyKind, ChildId, ProfessionalId, SharingRequestId};
    /// # let request = SharingRequest::try_from(SharingRequestParts {
    /// #     id: SharingRequestId::random(),
    /// #     child: ChildId::random(),
    /// #     requested_by: ProfessionalId::random(),
    /// #     recipient: Recipient::Agency { id: AgencyId::random(), agency_kind: AgencyKind::Health },
    /// #     purpose: Purpose::Safeguarding,
    /// #     data_categories: vec![DataCategory::Health],
    /// #     at: "2028-01-10T10:00:00Z".parse().unwrap(),
    /// #     child_capacity: ChildCapacity::NotAssessed,
    /// # }).unwrap();
    /// // A sharer nobody has said is a relevant person owes no duty.
    /// assert_eq!(
    ///     SharingContext::default().duty_not_owed(&request),
    ///     Some(JustificationProblem::SharerNotARelevantPerson)
    /// );
    /// let school = SharingContext { sharer_is_relevant_person: true, ..SharingContext::default() };
    /// assert_eq!(school.duty_not_owed(&request), None);
    /// ```
    pub fn duty_not_owed(&self, request: &SharingRequest) -> Option<JustificationProblem> {
        if !self.sharer_is_relevant_person {
            return Some(JustificationProblem::SharerNotARelevantPerson);
        }
        if !request.recipient().is_relevant_person() {
            return Some(JustificationProblem::RecipientNotARelevantPerson);
        }
        if self
            .sharer_agency
            .is_some_and(|agency| request.recipient().agency() == Some(agency))
        {
            return Some(JustificationProblem::NotToAnotherRelevantPerson);
        }
        None
    }
}

impl SafeguardingJustification {
    /// Whether this justification permits `request`, knowing nothing of the sharer
    /// (see [`permits_in`](Self::permits_in)).
    pub fn permits(&self, request: &SharingRequest) -> bool {
        self.permits_in(request, &SharingContext::default())
    }

    /// Every reason this justification does not permit `request`, knowing nothing of
    /// the sharer (see [`problems_in`](Self::problems_in)).
    pub fn problems(&self, request: &SharingRequest) -> Vec<JustificationProblem> {
        self.problems_in(request, &SharingContext::default())
    }

    /// Whether this justification permits `request` in `context`: the same answer as
    /// [`problems_in`](Self::problems_in) being empty, without listing them (deciding
    /// asks this of every justification, and lists the problems only on a refusal).
    pub fn permits_in(&self, request: &SharingRequest, context: &SharingContext) -> bool {
        let told = match &self.carers_told() {
            None => false,
            Some(CarersTold::NotTold { reason }) => says_something(reason.expose()),
            Some(CarersTold::Told { .. }) => true,
        };
        let special = request
            .data_categories()
            .iter()
            .any(DataCategory::is_special_category);
        self.child() == request.child()
            && self.lawful_basis().as_ref().is_some_and(|b| {
                !b.same_choice(&LawfulBasis::Consent) && context.refuses(b, request).is_none()
            })
            && (self.article9_condition().is_some() || !special)
            && self
                .reason()
                .as_ref()
                .is_some_and(|r| says_something(r.expose()))
            && self.approved_by().is_some_and(|a| a != self.decided_by())
            && self.decided_at().is_some_and(|at| at <= request.at())
            && told
            && request.at() >= self.valid_from()
            && request.at() <= self.valid_until()
            && request
                .data_categories()
                .iter()
                .all(|c| self.data_categories().iter().any(|d| d.same_choice(c)))
            && self
                .recipients()
                .iter()
                .any(|r| r.covers(request.recipient()))
            && self
                .purposes()
                .iter()
                .any(|p| p.same_choice(request.purpose()))
            && request.recipient().has_safeguarding_role()
    }

    /// Every reason this justification does not permit `request` in `context`; empty
    /// when it does.
    pub fn problems_in(
        &self,
        request: &SharingRequest,
        context: &SharingContext,
    ) -> Vec<JustificationProblem> {
        use JustificationProblem as P;
        let mut problems = Vec::new();
        if self.child() != request.child() {
            problems.push(P::ForAnotherChild);
        }
        match &self.lawful_basis() {
            None => problems.push(P::NoLawfulBasis),
            Some(basis) if basis.same_choice(&LawfulBasis::Consent) => {
                problems.push(P::ConsentIsNotABasisWithoutConsent);
            }
            Some(basis) => problems.extend(context.refuses(basis, request)),
        }
        if self.article9_condition().is_none()
            && let Some(category) = request
                .data_categories()
                .iter()
                .find(|c| c.is_special_category())
        {
            problems.push(P::NoArticle9Condition {
                category: category.clone(),
            });
        }
        if self
            .reason()
            .as_ref()
            .is_none_or(|r| !says_something(r.expose()))
        {
            problems.push(P::NoReason);
        }
        match self.approved_by() {
            None => problems.push(P::NotApproved),
            Some(approver) if approver == self.decided_by() => {
                problems.push(P::ApprovedByDecisionMaker)
            }
            Some(_) => {}
        }
        match self.decided_at() {
            None => problems.push(P::DecisionTimeNotRecorded),
            Some(decided_at) if decided_at > request.at() => {
                problems.push(P::DecidedAfterRequest { decided_at })
            }
            Some(_) => {}
        }
        match &self.carers_told() {
            None => problems.push(P::CarersToldNotRecorded),
            Some(CarersTold::NotTold { reason }) if !says_something(reason.expose()) => {
                problems.push(P::NotToldWithoutReason)
            }
            Some(_) => {}
        }
        if request.at() < self.valid_from() || request.at() > self.valid_until() {
            problems.push(P::OutsideWindow {
                from: self.valid_from(),
                until: self.valid_until(),
            });
        }
        for category in request.data_categories() {
            if !self
                .data_categories()
                .iter()
                .any(|c| c.same_choice(category))
            {
                problems.push(P::CategoryNotJustified {
                    category: category.clone(),
                });
            }
        }
        if !self
            .recipients()
            .iter()
            .any(|r| r.covers(request.recipient()))
        {
            problems.push(P::RecipientNotCovered);
        }
        if !self
            .purposes()
            .iter()
            .any(|p| p.same_choice(request.purpose()))
        {
            problems.push(P::PurposeNotCovered {
                purpose: request.purpose().clone(),
            });
        }
        if !request.recipient().has_safeguarding_role() {
            problems.push(P::RecipientHasNoSafeguardingRole);
        }
        problems
    }
}
