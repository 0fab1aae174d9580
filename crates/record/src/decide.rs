//! Sharing decided by the record: on the record's own facts, at the moment the
//! decision is recorded, and recorded before it is answered.
//!
//! A caller names people by id ([`SharingQuestion`]) and describes nobody. The
//! recipient's role, agency and kind of agency come from the record's team; the
//! child's capacity from the date of birth on the decision date and the competence
//! assessments recorded; each consent giver's standing from the carers' legal
//! standing. What an older request file claims (a time, a description of the
//! recipient, the child's capacity) is compared with those facts, and a claim that
//! disagrees refuses the request, with its own reason, recorded like any other
//! refusal.

use std::fmt;

use chrono::{DateTime, Utc};
use partnership_carers::DelegatedArea;
use partnership_consent::{
    ActingAuthority, CategoryCapacity, ChildCapacity, ConsentError, ConsentGiver, DataCategory,
    DecisionFacts, DescribedField, DetrimentException, DetrimentExceptionParts, LawInForce,
    PermitBasis, Purpose, Recipient, RecipientRef, RefusalReason, SharingContext, SharingDecision,
    SharingQuestion, SharingRequest, SharingRequestParts, decide_on_facts,
};
use partnership_core::{ChildId, ConsentId, Pointer, SharingRequestId};

use crate::facts::{age_for_decision, duty_does_not_bind, sharing_context};
use schemars::JsonSchema;
use serde::Serialize;

use crate::validate::{Checker, check_entry};
use crate::{PartnershipRecord, Problem, RecordError};

/// Proof that sharing was permitted: made only by [`PartnershipRecord::decide`], from
/// a permit it has just recorded in a record that is valid with the entry. It has no
/// public constructor and cannot be read from JSON:
///
/// ```compile_fail
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
/// // A Disclosure cannot be conjured from a partner's JSON…
/// let forged: partnership::record::Disclosure = serde_json::from_str("{}").unwrap();
/// ```
///
/// ```compile_fail
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
/// // …nor built field by field.
/// let forged = partnership::record::Disclosure { ledger_index: 0 };
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
    /// The request it answers.
    pub fn request(&self) -> SharingRequestId {
        self.request
    }

    /// The child the information is about.
    pub fn child(&self) -> ChildId {
        self.child
    }

    /// Who may receive it, as the record's team describes them.
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

    /// When sharing was permitted: the moment the decision was recorded.
    pub fn permitted_at(&self) -> DateTime<Utc> {
        self.permitted_at
    }

    /// The ledger entry that records the decision.
    pub fn ledger_index(&self) -> u64 {
        self.ledger_index
    }
}

/// A decision made and recorded by [`PartnershipRecord::decide`]: the decision, the
/// ledger entry that records it, and a [`Disclosure`] when sharing is permitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided {
    decision: SharingDecision,
    ledger_index: u64,
    disclosure: Option<Disclosure>,
}

impl Decided {
    /// The decision, as recorded.
    pub fn decision(&self) -> &SharingDecision {
        &self.decision
    }

    /// The index of the ledger entry that records it.
    pub fn ledger_index(&self) -> u64 {
        self.ledger_index
    }

    /// Proof that sharing is permitted; `None` for a refusal.
    pub fn disclosure(&self) -> Option<&Disclosure> {
        self.disclosure.as_ref()
    }

    /// The proof, given up by value.
    pub fn into_disclosure(self) -> Option<Disclosure> {
        self.disclosure
    }
}

impl fmt::Display for Decided {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}\nrecorded as ledger entry {}",
            self.decision, self.ledger_index
        )
    }
}

/// The answer to "would this be permitted?" from [`PartnershipRecord::what_if`]:
/// never recorded, never proof of anything, and it says so ("would be permitted:
/// covered by 1 consent; nothing was shared or recorded").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhatIf {
    decision: SharingDecision,
}

impl WhatIf {
    /// The decision the record would make.
    pub fn decision(&self) -> &SharingDecision {
        &self.decision
    }

    /// Whether sharing would be permitted.
    pub fn would_permit(&self) -> bool {
        self.decision.is_permit()
    }
}

impl fmt::Display for WhatIf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.decision {
            SharingDecision::Permit { .. } | SharingDecision::NotDisclosed { .. } => {
                write!(
                    f,
                    "would be {}; nothing was shared or recorded",
                    self.decision
                )
            }
            SharingDecision::Refuse { reasons } => {
                f.write_str("would be refused; nothing was shared or recorded:")?;
                for reason in reasons {
                    write!(f, "\n- {reason}")?;
                }
                Ok(())
            }
        }
    }
}

/// Why a question could not be decided. Nothing was recorded and the record is
/// unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecisionError {
    /// The question does not fit the record: it names someone who is not in it, or a
    /// child other than the record's. Each problem points into the question.
    #[error("{}", problem_list("the question does not fit the record", problems))]
    Question {
        /// Every problem, with its pointer into the question and its rule.
        problems: Vec<Problem>,
    },
    /// The decision time is before the child was born.
    #[error("the decision time is before the child's date of birth")]
    BeforeBirth,
    /// The decision time is before the ledger's last entry: decisions are recorded in
    /// time order, and a time is never moved to fit.
    #[error(
        "the decision time is before the ledger's last entry ({}); decisions are recorded in time order",
        last.to_rfc3339()
    )]
    BeforeLastEntry {
        /// The last entry's time.
        last: DateTime<Utc>,
    },
    /// The decision time is before the record's last change: the decision would rest
    /// on facts recorded after it was made.
    #[error(
        "the decision time is before the record's last change ({}); a decision rests on the record as it stands, so it is made after what it rests on was recorded",
        last.to_rfc3339()
    )]
    BeforeLastChange {
        /// When the last change was recorded.
        last: DateTime<Utc>,
    },
    /// The ledger already records a decision on a request with this id: a question is
    /// decided once, so that asking again after a lost answer never records it twice.
    #[error(
        "the ledger already records a decision on this request (entry {ledger_index}); ask a new question, with a new id, to decide again"
    )]
    AlreadyDecided {
        /// The entry that records it.
        ledger_index: u64,
    },
    /// The record would not be valid with the decision recorded, so it was not.
    #[error("{}", problem_list("the record would not be valid with this decision recorded, so nothing was recorded or shared", &.0.problems))]
    WouldInvalidate(RecordError),
    /// The ledger refused the entry.
    #[error("the decision could not be recorded: {0}")]
    Ledger(ConsentError),
    /// The exception to the duty to share names professionals the record's team does
    /// not hold, or one approved their own decision, or the explanation is blank. Each
    /// problem points into the exception.
    #[error("{}", problem_list("the exception does not fit the record", problems))]
    Exception {
        /// Every problem, with its pointer into the exception and its rule.
        problems: Vec<Problem>,
    },
    /// The question claims facts the record does not bear out (a time, a description
    /// of the recipient, the child's capacity): a decision not to disclose is recorded
    /// only on the record's facts.
    #[error("{}", reason_list(reasons))]
    ClaimsNotBorneOut {
        /// Why, as a refusal would say.
        reasons: Vec<RefusalReason>,
    },
    /// The exception to the duty to share was asked for where the duty does not
    /// apply: before its commencement, or between parties it does not bind.
    #[error("{rule}")]
    DutyDoesNotApply {
        /// The rule, in words.
        rule: &'static str,
    },
}

fn reason_list(reasons: &[RefusalReason]) -> String {
    let mut text =
        "the question claims what the record does not bear out, so nothing was recorded".to_owned();
    for reason in reasons {
        text.push_str("\n- ");
        text.push_str(&reason.to_string());
    }
    text
}

fn problem_list(head: &str, problems: &[Problem]) -> String {
    let mut text = head.to_owned();
    for problem in problems {
        text.push_str("\n- ");
        text.push_str(&problem.to_string());
    }
    text
}

/// A question resolved against the record: the request as the record states it, and
/// what else the decision rests on.
struct Resolved {
    request: SharingRequest,
    /// Refusals for claims that disagree with the record, in a stable order.
    claims: Vec<RefusalReason>,
    also_reaches: Vec<Recipient>,
    without_standing: Vec<ConsentId>,
    /// The sharer's agency and the child's age, from the record.
    context: SharingContext,
}

impl PartnershipRecord {
    /// Decides whether the information a question asks about may be shared, records
    /// the decision in the record's ledger, and only then answers: with a
    /// [`Disclosure`] when sharing is permitted. This is the one way a service shares.
    ///
    /// The decision is made at `decided_at`, which becomes the entry's time; it is the
    /// time of recording, supplied by the caller since the library reads no clock.
    /// The facts are the record's own: the recipient's role and agency from the team,
    /// the child's age from the date of birth on the decision date (from 16 the young
    /// person decides, and a carer's consent alone never covers), Gillick competence
    /// from a recorded assessment of this decision, each giver's standing on the
    /// decision date, the withholding rules (reaching an agency's inbox through
    /// everyone in the agency) and the justifications that cover this recipient and
    /// purpose. See [`partnership_consent::decide_on_facts`] for the order of the
    /// rules.
    ///
    /// All or nothing: the entry is appended only once the record with it is valid,
    /// and on any error the record is unchanged.
    ///
    /// # Errors
    ///
    /// - [`DecisionError::Question`]: the question names a requester, recipient or
    ///   child the record does not hold (every such problem, with its pointer).
    /// - [`DecisionError::BeforeLastEntry`]: `decided_at` is before the ledger's last
    ///   entry.
    /// - [`DecisionError::BeforeBirth`]: `decided_at` is before the child's birth.
    /// - [`DecisionError::AlreadyDecided`]: the ledger already records a decision on a
    ///   request with the question's id.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
    /// use partnership::chrono::{TimeZone, Utc};
    /// use partnership::consent::{DataCategory, Purpose, RecipientRef, SharingQuestion};
    /// use partnership::core::{ProfessionalId, SharingRequestId};
    /// use partnership::record::PartnershipRecord;
    ///
    /// # let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/record.json"))?;
    /// let mut record = PartnershipRecord::from_json(&json)?;
    /// let key_worker: ProfessionalId = "2d9c6a1e-7f3b-4c8d-9e0a-1b2c3d4e5f60".parse()?;
    /// let therapist: ProfessionalId = "8e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b".parse()?;
    /// let question = SharingQuestion::new(
    ///     SharingRequestId::random(),
    ///     record.child().id(),
    ///     key_worker,
    ///     RecipientRef::professional(therapist),
    ///     Purpose::EducationSupportPlanning,
    ///     vec![DataCategory::EducationProgress],
    /// )?;
    /// let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).single().ok_or("no such time")?;
    /// let decided = record.decide(&question, now)?;
    /// assert!(decided.disclosure().is_some());
    /// assert_eq!(record.disclosures().len() as u64, decided.ledger_index() + 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decide(
        &mut self,
        question: &SharingQuestion,
        decided_at: DateTime<Utc>,
    ) -> Result<Decided, DecisionError> {
        self.decide_under(question, decided_at, &LawInForce::default())
    }

    /// [`decide`](Self::decide), under the commencement days the service has set:
    /// the duty to share (Children Act 2004 s.16LA) is a lawful basis only from the
    /// day in `law`. A permit on it records that day, so that the ledger can be
    /// checked later on the same facts.
    ///
    /// # Errors
    ///
    /// As [`decide`](Self::decide).
    pub fn decide_under(
        &mut self,
        question: &SharingQuestion,
        decided_at: DateTime<Utc>,
        law: &LawInForce,
    ) -> Result<Decided, DecisionError> {
        self.may_record(question.id(), decided_at)?;
        let resolved = self.resolve(question, decided_at, *law)?;
        let decision = self.decision_on(&resolved);
        let ledger_index = self.record_entry(&resolved, decision.clone(), decided_at)?;
        let disclosure = match &decision {
            SharingDecision::Permit {
                basis,
                data_categories,
            } => Some(Disclosure {
                request: resolved.request.id(),
                child: resolved.request.child(),
                recipient: resolved.request.recipient().clone(),
                purpose: resolved.request.purpose().clone(),
                data_categories: data_categories.clone(),
                basis: basis.clone(),
                permitted_at: decided_at,
                ledger_index,
            }),
            SharingDecision::Refuse { .. } | SharingDecision::NotDisclosed { .. } => None,
        };
        Ok(Decided {
            decision,
            ledger_index,
            disclosure,
        })
    }

    /// Records a decision not to disclose under the exception to the duty to share:
    /// the professional who decided and another who approved judged that disclosing
    /// "would be more detrimental to the child than not disclosing" (Children Act 2004
    /// s.16LA(3)). The decision goes into the ledger like a permit, at `decided_at`,
    /// with its structured reason; nothing is shared.
    ///
    /// The exception exists only where the duty does: from the commencement day in
    /// `law`, between relevant persons. The people come from the record: the
    /// requester, the recipient, and the two professionals named in `exception`.
    ///
    /// # Errors
    ///
    /// As [`decide`](Self::decide); and [`DecisionError::DutyDoesNotApply`] when the
    /// duty is not in force on the day or does not bind this sharer or recipient;
    /// [`DecisionError::Exception`] when the professionals named in `exception` are not
    /// in the record's team, or one approved their own decision or the explanation is
    /// blank (each problem with its pointer into the exception);
    /// [`DecisionError::ClaimsNotBorneOut`] when the question claims a time or a
    /// description the record does not bear out.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
    /// use partnership::chrono::{NaiveDate, TimeZone, Utc};
    /// use partnership::consent::{DataCategory, DetrimentExceptionParts, DetrimentReason, LawInForce, Purpose, RecipientRef, SharingDecision, SharingQuestion};
    /// use partnership::core::{ProfessionalId, Sensitive, SharingRequestId};
    /// use partnership::record::PartnershipRecord;
    ///
    /// # let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/record.json"))?;
    /// let mut record = PartnershipRecord::from_json(&json)?;
    /// let key_worker: ProfessionalId = "2d9c6a1e-7f3b-4c8d-9e0a-1b2c3d4e5f60".parse()?;
    /// let therapist: ProfessionalId = "8e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b".parse()?;
    /// let question = SharingQuestion::new(
    ///     SharingRequestId::random(),
    ///     record.child().id(),
    ///     key_worker,
    ///     RecipientRef::professional(therapist),
    ///     Purpose::Safeguarding,
    ///     vec![DataCategory::FamilyCircumstances],
    /// )?;
    /// let law = LawInForce { duty_to_share_from: NaiveDate::from_ymd_opt(2026, 9, 1), ..LawInForce::default() };
    /// let exception = DetrimentExceptionParts {
    ///     reason: DetrimentReason::LossOfTrustedRelationship,
    ///     explanation: Sensitive::new("He told his key worker in confidence and would stop talking to anyone.".into()),
    ///     decided_by: key_worker,
    ///     approved_by: therapist,
    ///     duty_to_share_from: NaiveDate::from_ymd_opt(2026, 9, 1).ok_or("no such date")?,
    /// };
    /// let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).single().ok_or("no such time")?;
    /// let index = record.record_not_disclosed(&question, exception, now, &law)?;
    /// let entry = record.disclosures().iter().last().ok_or("no entry")?;
    /// assert_eq!(entry.index, index);
    /// assert!(matches!(entry.decision, SharingDecision::NotDisclosed { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record_not_disclosed(
        &mut self,
        question: &SharingQuestion,
        exception: DetrimentExceptionParts,
        decided_at: DateTime<Utc>,
        law: &LawInForce,
    ) -> Result<u64, DecisionError> {
        self.may_record(question.id(), decided_at)?;
        let resolved = self.resolve(question, decided_at, *law)?;
        let day = partnership_core::uk_date(decided_at);
        let Some(commenced) = law.duty_to_share_from.filter(|_| law.duty_to_share_on(day)) else {
            return Err(DecisionError::DutyDoesNotApply {
                rule: "the duty to share is not in force on the day of the decision, so there is no exception to use: a decision not to share needs none",
            });
        };
        if !resolved.claims.is_empty() {
            return Err(DecisionError::ClaimsNotBorneOut {
                reasons: resolved.claims,
            });
        }
        if let Some(rule) = duty_does_not_bind(&resolved.context, &resolved.request) {
            return Err(DecisionError::DutyDoesNotApply { rule });
        }
        let root = Pointer::root();
        let mut checker = Checker::new(self.parts());
        checker.professional(&root.field("decidedBy"), exception.decided_by);
        checker.professional(&root.field("approvedBy"), exception.approved_by);
        if !checker.problems.is_empty() {
            return Err(DecisionError::Exception {
                problems: checker.problems,
            });
        }
        // The day the service has in force is the day recorded, whatever the caller
        // wrote in the exception.
        let exception = DetrimentException::try_from(DetrimentExceptionParts {
            duty_to_share_from: commenced,
            ..exception
        })
        .map_err(|e| DecisionError::Exception {
            problems: vec![Problem::broken(&root, &e)],
        })?;
        self.record_entry(
            &resolved,
            SharingDecision::NotDisclosed { exception },
            decided_at,
        )
    }

    /// The ledger entries that record a commencement day of the duty to share other
    /// than the one the service has in `law`, each as a problem at the day it records.
    /// Reading a record checks that its entries agree with each other; only the
    /// service knows the day, so only it can check that they agree with the law.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::consent::LawInForce;
    /// use partnership::record::PartnershipRecord;
    ///
    /// # let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/scenarios/duty_to_share_detriment_exception.json"))?;
    /// let record = PartnershipRecord::from_json(&json)?;
    /// let supposed = LawInForce { duty_to_share_from: NaiveDate::from_ymd_opt(2027, 4, 1), ..LawInForce::default() };
    /// assert!(record.ledger_problems_under(&supposed).is_empty());
    /// // Under no commencement day, both of its entries are out of step.
    /// assert_eq!(record.ledger_problems_under(&LawInForce::default()).len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ledger_problems_under(&self, law: &LawInForce) -> Vec<Problem> {
        self.disclosures()
            .iter()
            .enumerate()
            .filter_map(|(k, entry)| {
                let day = crate::validate::recorded_duty_day(&entry.decision)?;
                (Some(day) != law.duty_to_share_from).then(|| {
                    let field = match entry.decision {
                        SharingDecision::NotDisclosed { .. } => "exception",
                        _ => "basis",
                    };
                    Problem::at(
                        format!("/disclosures/{k}/decision/{field}/dutyToShareFrom"),
                        crate::Rule::LedgerEntryInconsistent,
                        format!(
                            "the entry records the duty to share from {day}, and the service has it {}",
                            law.duty_to_share_from
                                .map_or_else(|| "not in force".to_owned(), |d| format!("from {d}"))
                        ),
                    )
                })
            })
            .collect()
    }

    /// Whether a decision on request `id` may be recorded at `decided_at`: in time
    /// order, after the record's last change, and only once.
    fn may_record(
        &self,
        id: SharingRequestId,
        decided_at: DateTime<Utc>,
    ) -> Result<(), DecisionError> {
        if let Some(last) = self.disclosures().last_recorded_at()
            && decided_at < last
        {
            return Err(DecisionError::BeforeLastEntry { last });
        }
        // A decision rests on the record as it stands: made at a time before the last
        // change, it would rest on facts not yet recorded then.
        if let Some(last) = self.provenance().last().map(|p| p.at)
            && decided_at < last
        {
            return Err(DecisionError::BeforeLastChange { last });
        }
        if let Some(entry) = self.disclosures().iter().find(|e| e.request.id() == id) {
            return Err(DecisionError::AlreadyDecided {
                ledger_index: entry.index,
            });
        }
        Ok(())
    }

    /// Appends `decision` on `resolved` to the ledger at `decided_at`, once the record
    /// is known to be valid with it; on any error the record is unchanged.
    fn record_entry(
        &mut self,
        resolved: &Resolved,
        decision: SharingDecision,
        decided_at: DateTime<Utc>,
    ) -> Result<u64, DecisionError> {
        // The record is valid now, and an entry can only bring the problems
        // `check_entry` looks for (the chain stays whole by appending), so checking
        // the entry before appending it is checking the record with it.
        let index = self.disclosures().len();
        let mut checker = Checker::new(self.parts());
        check_entry(
            &mut checker,
            index,
            decided_at,
            &resolved.request,
            &decision,
            &resolved.also_reaches,
        );
        if !checker.problems.is_empty() {
            return Err(DecisionError::WouldInvalidate(RecordError {
                problems: checker.problems,
            }));
        }
        // Appending cannot fail here (the time was checked above and the request's
        // time is the decision's), but if it did, the ledger would be unchanged.
        self.ledger_mut()
            .append(resolved.request.clone(), decision, decided_at)
            .map_err(DecisionError::Ledger)
    }

    /// What the record would decide about `question` at `at`, on the same facts and
    /// rules as [`decide`](Self::decide), without recording anything. The answer is
    /// not a [`Disclosure`] and permits nothing; its text says so.
    ///
    /// # Errors
    ///
    /// As [`decide`](Self::decide), except that any time may be asked about.
    pub fn what_if(
        &self,
        question: &SharingQuestion,
        at: DateTime<Utc>,
    ) -> Result<WhatIf, DecisionError> {
        self.what_if_under(question, at, &LawInForce::default())
    }

    /// [`what_if`](Self::what_if), under the commencement days the service has set.
    ///
    /// # Errors
    ///
    /// As [`what_if`](Self::what_if).
    pub fn what_if_under(
        &self,
        question: &SharingQuestion,
        at: DateTime<Utc>,
        law: &LawInForce,
    ) -> Result<WhatIf, DecisionError> {
        let resolved = self.resolve(question, at, *law)?;
        Ok(WhatIf {
            decision: self.decision_on(&resolved),
        })
    }

    fn decision_on(&self, resolved: &Resolved) -> SharingDecision {
        if !resolved.claims.is_empty() {
            return SharingDecision::Refuse {
                reasons: resolved.claims.clone(),
            };
        }
        decide_on_facts(
            &resolved.request,
            &DecisionFacts {
                consents: self.consents(),
                withholdings: self.withholding_rules(),
                justifications: self.justifications(),
                also_reaches: &resolved.also_reaches,
                without_standing: &resolved.without_standing,
                context: resolved.context,
            },
        )
    }

    /// The question with every fact taken from the record.
    fn resolve(
        &self,
        question: &SharingQuestion,
        at: DateTime<Utc>,
        law: LawInForce,
    ) -> Result<Resolved, DecisionError> {
        // The fast path finds everyone directly; only a question that does not fit the
        // record pays for the checker that words its problems.
        let requester = self
            .professionals()
            .iter()
            .any(|p| p.id == question.requested_by());
        let recipient = self.recipient(question.recipient());
        let (true, true, Some(recipient)) =
            (question.child() == self.child().id(), requester, recipient)
        else {
            let mut checker = Checker::new(self.parts());
            let root = Pointer::root();
            checker.child(&root.field("child"), question.child());
            checker.professional(&root.field("requestedBy"), question.requested_by());
            let recipient = root.field("recipient");
            let id = recipient.field("id");
            match &question.recipient() {
                RecipientRef::Carer { id: carer, .. } => checker.carer(&id, *carer),
                RecipientRef::Professional {
                    id: professional, ..
                } => checker.professional(&id, *professional),
                RecipientRef::Agency { id: agency, .. } => checker.agency(&id, *agency),
                _ => {}
            }
            return Err(DecisionError::Question {
                problems: checker.problems,
            });
        };
        let day = at.date_naive();
        let age = age_for_decision(self.child(), at).ok_or(DecisionError::BeforeBirth)?;
        let capacity_for = |category: &DataCategory| {
            ChildCapacity::for_decision(
                age,
                self.competence_assessments(),
                self.child().id(),
                &recipient,
                question.purpose(),
                category,
                day,
            )
        };
        let mut capacities = question.data_categories().iter().map(capacity_for);
        let child_capacity = capacities.next().unwrap_or(ChildCapacity::NotAssessed);
        let mut claims = claims(question, &recipient, child_capacity, at);
        // Who decides must be the same for every category: the child for all of them,
        // or those with parental responsibility for all of them.
        if capacities.any(|c| c.child_decides() != child_capacity.child_decides()) {
            claims.push(RefusalReason::CapacityDiffersByCategory {
                capacities: question
                    .data_categories()
                    .iter()
                    .map(|category| CategoryCapacity {
                        category: category.clone(),
                        capacity: capacity_for(category),
                    })
                    .collect(),
            });
            claims.sort();
        }
        let also_reaches = match &recipient {
            Recipient::Agency { id, agency_kind } => self
                .professionals()
                .iter()
                .filter(|p| p.agency == *id)
                .map(|p| Recipient::Professional {
                    id: p.id,
                    role: p.role.clone(),
                    agency: *id,
                    agency_kind: agency_kind.clone(),
                })
                .collect(),
            _ => Vec::new(),
        };
        let without_standing = self.consents_without_standing(day);
        let request = SharingRequest::try_from(SharingRequestParts {
            id: question.id(),
            child: question.child(),
            requested_by: question.requested_by(),
            recipient,
            purpose: question.purpose().clone(),
            data_categories: question.data_categories().to_vec(),
            at,
            child_capacity,
        })
        .map_err(DecisionError::Ledger)?;
        Ok(Resolved {
            context: sharing_context(self.parts(), question.requested_by(), Some(age), law),
            request,
            claims,
            also_reaches,
            without_standing,
        })
    }

    /// The recipient as the record's team describes them, if the record holds them.
    fn recipient(&self, named: &RecipientRef) -> Option<Recipient> {
        match named {
            RecipientRef::Carer { id, .. } => self
                .carers()
                .iter()
                .any(|c| c.id() == *id)
                .then_some(Recipient::Carer { id: *id }),
            RecipientRef::Professional { id, .. } => {
                let professional = self.professionals().iter().find(|p| p.id == *id)?;
                let agency = self
                    .agencies()
                    .iter()
                    .find(|a| a.id == professional.agency)?;
                Some(Recipient::Professional {
                    id: *id,
                    role: professional.role.clone(),
                    agency: agency.id,
                    agency_kind: agency.kind.clone(),
                })
            }
            RecipientRef::Agency { id, .. } => {
                let agency = self.agencies().iter().find(|a| a.id == *id)?;
                Some(Recipient::Agency {
                    id: *id,
                    agency_kind: agency.kind.clone(),
                })
            }
            _ => None,
        }
    }

    /// The consents whose giver no longer has the standing to give them on `day`:
    /// parental responsibility no longer held, delegated authority that no longer
    /// covers information sharing, or an order that has ended. The child's own standing
    /// is their capacity, worked out per decision.
    ///
    /// Carers are few and consents many, so the carers' standing is worked out once,
    /// not once per consent.
    fn consents_without_standing(&self, day: chrono::NaiveDate) -> Vec<ConsentId> {
        let lost_standing = |carer: &partnership_carers::Carer| {
            let standing = &carer.legal_standing();
            (standing.holds_parental_responsibility()
                && !standing.holds_parental_responsibility_on(day))
                || (standing.has_authority_for(&DelegatedArea::InformationSharing)
                    && !standing.has_authority_for_on(&DelegatedArea::InformationSharing, day))
        };
        let lapsed: Vec<partnership_core::CarerId> = self
            .carers()
            .iter()
            .filter(|c| lost_standing(c))
            .map(|c| c.id())
            .collect();
        let order_ended = |consent: &&partnership_consent::ConsentRecord| match &consent.given_by()
        {
            ConsentGiver::OtherAuthority { authority } => authority
                .order_period()
                .is_some_and(|(_, ended)| ended.is_some_and(|end| end < day)),
            _ => false,
        };
        self.consents()
            .iter()
            .filter(|consent| {
                order_ended(consent)
                    || match &consent.given_by() {
                        ConsentGiver::ParentalResponsibility { carer }
                        | ConsentGiver::OtherAuthority {
                            authority: ActingAuthority::DelegatedAuthority { carer },
                        } => !lapsed.is_empty() && lapsed.contains(carer),
                        _ => false,
                    }
            })
            .map(|consent| consent.id())
            .collect()
    }
}

/// What an older request file claims that the record does not bear out, each as a
/// refusal reason.
fn claims(
    question: &SharingQuestion,
    recipient: &Recipient,
    capacity: ChildCapacity,
    at: DateTime<Utc>,
) -> Vec<RefusalReason> {
    let mut reasons = Vec::new();
    let mut differs = |field| reasons.push(RefusalReason::RecipientNotAsDescribed { field });
    match (&question.recipient(), recipient) {
        (
            RecipientRef::Professional {
                role,
                agency,
                agency_kind,
                ..
            },
            Recipient::Professional {
                role: r,
                agency: a,
                agency_kind: k,
                ..
            },
        ) => {
            if role.as_ref().is_some_and(|x| !x.same_choice(r)) {
                differs(DescribedField::Role);
            }
            if agency.is_some_and(|x| x != *a) {
                differs(DescribedField::Agency);
            }
            if agency_kind.as_ref().is_some_and(|x| !x.same_choice(k)) {
                differs(DescribedField::AgencyKind);
            }
        }
        (RecipientRef::Agency { agency_kind, .. }, Recipient::Agency { agency_kind: k, .. })
            if agency_kind.as_ref().is_some_and(|x| !x.same_choice(k)) =>
        {
            differs(DescribedField::AgencyKind);
        }
        _ => {}
    }
    if let Some(claimed) = question.at()
        && claimed.date_naive() != at.date_naive()
    {
        reasons.push(RefusalReason::DatedAnotherDay { at: claimed });
    }
    if let Some(claimed) = question.child_capacity()
        && claimed != capacity
    {
        reasons.push(RefusalReason::CapacityNotAsClaimed {
            claimed,
            recorded: capacity,
        });
    }
    reasons.sort();
    reasons
}
