//! The practice report: how well the partnership is working, as advice.

use std::fmt::Write as _;
use std::sync::LazyLock;

use chrono::NaiveDate;
use partnership_barriers::{AttentionRules, BarrierRegister, MitigationStrategy, Severity};
use partnership_carers::{AccessibilityNeed, AdjustmentFor, Carer, SupportKind, SupportStatus};
use partnership_consent::{LawInForce, consents_expiring_within};
use partnership_core::PartyRef;
use partnership_goals::GoalStatus;
use partnership_reviews::{DueState, RedressRoute, WorkingCalendar};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::PartnershipRecord;

/// A principle of the partnership model (docs/domain.md section 1).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Principle {
    /// Mutual respect and equality.
    MutualRespect,
    /// Shared responsibility.
    SharedResponsibility,
    /// Open, honest communication.
    OpenCommunication,
    /// Inclusivity.
    Inclusivity,
    /// Empowerment.
    Empowerment,
    /// Transparency and accountability.
    Transparency,
    /// Confidentiality.
    Confidentiality,
    /// Child participation.
    ChildParticipation,
    /// Support for carers.
    SupportForCarers,
    /// Monitoring and review.
    MonitoringAndReview,
    /// Valuing carers' expertise: their observations count as evidence.
    ValuingCarersExpertise,
    /// Cultural sensitivity.
    CulturalSensitivity,
    /// Consistency across services: one shared record, explicit roles.
    ConsistencyAcrossServices,
    /// Adaptability: plans and arrangements change, with recorded reasons.
    Adaptability,
}

impl Principle {
    /// The principle in words.
    pub const fn words(self) -> &'static str {
        match self {
            Self::MutualRespect => "mutual respect",
            Self::SharedResponsibility => "shared responsibility",
            Self::OpenCommunication => "open, honest communication",
            Self::Inclusivity => "inclusivity",
            Self::Empowerment => "empowerment",
            Self::Transparency => "transparency and accountability",
            Self::Confidentiality => "confidentiality",
            Self::ChildParticipation => "child participation",
            Self::SupportForCarers => "support for carers",
            Self::MonitoringAndReview => "monitoring and review",
            Self::ValuingCarersExpertise => "valuing carers' expertise",
            Self::CulturalSensitivity => "cultural sensitivity",
            Self::ConsistencyAcrossServices => "consistency across services",
            Self::Adaptability => "adaptability",
        }
    }
}

/// How much a finding matters.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum FindingSeverity {
    /// Worth knowing.
    Information,
    /// Worth acting on.
    Advice,
    /// Act on it now.
    Concern,
}

/// What a finding is about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum FindingCode {
    /// An involved carer was not at the last review.
    CarerNotAtReview,
    /// An update agreed with a carer is overdue.
    UpdateOverdue,
    /// A goal is active without an involved carer's agreement.
    GoalActiveWithoutCarerAgreement,
    /// An active goal has no record of the child's view.
    GoalWithoutChildsView,
    /// An agreed action is overdue.
    ActionOverdue,
    /// A barrier has gone without an owner or a mitigation past its deadline.
    BarrierUnattended,
    /// A mitigation is due an effectiveness review.
    MitigationReviewDue,
    /// A carer needs language or access support that is not arranged.
    LanguageSupportNotArranged,
    /// A consent ends within 30 days.
    ConsentExpiringSoon,
    /// A review is due soon.
    ReviewDueSoon,
    /// A review is overdue.
    ReviewOverdue,
    /// No carer feedback was recorded at the last review.
    NoCarerFeedback,
    /// A restriction on a carer's involvement is past its reconsideration date.
    RestrictionNotReconsidered,
    /// The duty to include the consistent child identifier is in force, and the record
    /// holds neither the NHS number nor a reason for leaving it out.
    ConsistentIdentifierMissing,
    /// A response owed to a carer's complaint is past its deadline.
    ComplaintResponseOverdue,
    /// A carer appealing to the SEND Tribunal has yet to get the mediation
    /// certificate the appeal needs.
    AppealNeedsMediationAdvice,
    /// The last day to lodge a carer's appeal is near.
    AppealDeadlineNear,
    /// A carer pursuing a complaint or appeal has no advocacy support recorded.
    AdvocacyNotOffered,
    /// A reasonable adjustment a carer asked for has had no answer for longer than
    /// the practice default.
    AdjustmentAwaitingDecision,
    /// A goal is active and no review schedule is running to review it.
    GoalWithoutReviewSchedule,
    /// A consent was asked for and has had no answer for longer than the service
    /// allows ([`ServiceLimits`]; four weeks by default).
    ConsentRequestUnanswered,
    /// An open action agreed with carers, which they are sent in "what we agreed",
    /// is harder to read than plain English allows (a reading age over 11).
    HardForCarersToRead,
}

/// One finding: the principle, how much it matters, what it is about (JSON Pointers
/// into the record), and a plain-English explanation a practitioner can act on. No
/// finding contains personal data: carers are named by position and relationship.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Finding {
    /// What the finding is about.
    pub code: FindingCode,
    /// The principle it concerns.
    pub principle: Principle,
    /// How much it matters.
    pub severity: FindingSeverity,
    /// The items it is about, as JSON Pointers into the record.
    pub about: Vec<String>,
    /// What is wrong and what to do, in plain English.
    pub explanation: String,
}

/// How well a partnership is working as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PracticeReport {
    /// The date the report is as of.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub as_of: NaiveDate,
    /// Findings, concerns first.
    pub findings: Vec<Finding>,
}

impl PracticeReport {
    /// The report as text for a practitioner to read.
    pub fn to_text(&self) -> String {
        let count = |s: FindingSeverity| self.findings.iter().filter(|f| f.severity == s).count();
        let mut out = format!(
            "Practice report as of {}: {} concern{}, {} piece{} of advice, {} note{}\n",
            self.as_of,
            count(FindingSeverity::Concern),
            plural(count(FindingSeverity::Concern)),
            count(FindingSeverity::Advice),
            plural(count(FindingSeverity::Advice)),
            count(FindingSeverity::Information),
            plural(count(FindingSeverity::Information)),
        );
        if self.findings.is_empty() {
            out.push_str("\nNothing needs attention: the partnership is on track.\n");
        }
        for finding in &self.findings {
            let severity = match finding.severity {
                FindingSeverity::Concern => "Concern",
                FindingSeverity::Advice => "Advice",
                FindingSeverity::Information => "Note",
            };
            let _ = write!(
                out,
                "\n{severity} ({})\n  {}\n  About: {}\n",
                finding.principle.words(),
                finding.explanation,
                finding.about.join(", ")
            );
        }
        out
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A carer named by position and relationship; a relationship written in words may
/// hold a name, so it is not repeated.
fn carer_label(index: usize, carer: &Carer) -> String {
    let relationship = carer
        .relationship()
        .fixed_words()
        .unwrap_or("relationship in words");
    format!("Carer {} ({relationship})", index + 1)
}

static ENGLAND_AND_WALES: LazyLock<WorkingCalendar> =
    LazyLock::new(WorkingCalendar::england_and_wales);

impl PartnershipRecord {
    /// The practice report as of `as_of`, on the England and Wales calendar.
    pub fn practice_report(&self, as_of: NaiveDate) -> PracticeReport {
        self.practice_report_with(as_of, &ENGLAND_AND_WALES)
    }

    /// The practice report as of `as_of`, on a given calendar (a setting's closures).
    pub fn practice_report_with(
        &self,
        as_of: NaiveDate,
        calendar: &WorkingCalendar,
    ) -> PracticeReport {
        self.practice_report_under(as_of, calendar, &LawInForce::default())
    }

    /// The practice report as of `as_of`, on a given calendar, under the commencement
    /// days the service has set: from the day the duty to include the consistent child
    /// identifier is in force (Children Act 2004 s.16LC), a record with neither the
    /// NHS number nor a recorded exception is a concern.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::consent::LawInForce;
    /// use partnership::record::{FindingCode, PartnershipRecord};
    /// use partnership::reviews::WorkingCalendar;
    ///
    /// let record = PartnershipRecord::from_json(r#"{
    ///   "schemaVersion": 2,
    ///   "id": "00000000-0000-4000-8000-000000000001",
    ///   "child": {"id": "00000000-0000-4000-8000-000000000002", "name": "A", "dateOfBirth": "2020-05-01"}
    /// }"#)?;
    /// let day = NaiveDate::from_ymd_opt(2027, 9, 6).ok_or("no such date")?;
    /// let law = LawInForce { consistent_identifier_from: Some(day), ..LawInForce::default() };
    /// let report = record.practice_report_under(day, &WorkingCalendar::england_and_wales(), &law);
    /// assert!(report.findings.iter().any(|f| f.code == FindingCode::ConsistentIdentifierMissing));
    /// // Before the duty is in force, nothing to say.
    /// assert!(record.practice_report(day).findings.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn practice_report_under(
        &self,
        as_of: NaiveDate,
        calendar: &WorkingCalendar,
        law: &LawInForce,
    ) -> PracticeReport {
        self.practice_report_within(as_of, calendar, law, &ServiceLimits::default())
    }

    /// The practice report as [`practice_report_under`](Self::practice_report_under)
    /// writes it, with the waits the service allows in place of the library's
    /// practice defaults.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::consent::LawInForce;
    /// use partnership::record::{FindingCode, PartnershipRecord, ServiceLimits};
    /// use partnership::reviews::WorkingCalendar;
    ///
    /// let record = PartnershipRecord::from_json(include_str!("../../../tests/fixtures/scenarios/consent_declined_narrowed_withdrawn.json"))?;
    /// let day = NaiveDate::from_ymd_opt(2026, 9, 30).ok_or("no such date")?;
    /// let calendar = WorkingCalendar::england_and_wales();
    /// let unanswered = |days| {
    ///     let limits = ServiceLimits { consent_answer_within_days: days, ..ServiceLimits::default() };
    ///     record
    ///         .practice_report_within(day, &calendar, &LawInForce::default(), &limits)
    ///         .findings
    ///         .iter()
    ///         .any(|f| f.code == FindingCode::ConsentRequestUnanswered)
    /// };
    /// // Asked on 8 September: 22 days is within the default four weeks, not within two.
    /// assert!(!unanswered(28));
    /// assert!(unanswered(14));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn practice_report_within(
        &self,
        as_of: NaiveDate,
        calendar: &WorkingCalendar,
        law: &LawInForce,
        limits: &ServiceLimits,
    ) -> PracticeReport {
        let mut report = Report {
            record: self,
            as_of,
            calendar,
            limits,
            findings: Vec::new(),
        };
        report.consistent_identifier(law);
        report.reviews();
        report.agreements_kept();
        report.goals();
        report.actions();
        report.barriers();
        report.language_support();
        report.consents_ending();
        report.restrictions();
        report.complaints_and_appeals();
        report.adjustments();
        report.goals_reviewed();
        report.consents_asked();
        report.words_for_carers();
        let mut findings = report.findings;
        findings.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then(a.code.cmp(&b.code))
                .then(a.about.cmp(&b.about))
        });
        PracticeReport { as_of, findings }
    }
}

/// A practice report being written: one method per rule of the partnership model
/// it checks, each adding its findings.
struct Report<'a> {
    record: &'a PartnershipRecord,
    as_of: NaiveDate,
    calendar: &'a WorkingCalendar,
    limits: &'a ServiceLimits,
    findings: Vec<Finding>,
}

/// How long the service allows before an unanswered request is raised in the
/// practice report. The law sets neither wait; the defaults are the library's
/// practice defaults, four weeks each.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub mod goals { pub use ::partnership_goals::*; } pub mod consent { pub use ::partnership_consent::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub mod reviews { pub use ::partnership_reviews::*; } pub mod record { pub use ::partnership_record::*; } pub use ::chrono; }
/// use partnership::record::ServiceLimits;
///
/// assert_eq!(ServiceLimits::default().consent_answer_within_days, 28);
/// let quicker = ServiceLimits { consent_answer_within_days: 14, ..ServiceLimits::default() };
/// assert_eq!(quicker.adjustment_answer_within_days, 28);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceLimits {
    /// Days a consent may wait for an answer before `consent-request-unanswered`.
    pub consent_answer_within_days: u32,
    /// Days a request for a reasonable adjustment may wait for a decision before
    /// `adjustment-awaiting-decision`.
    pub adjustment_answer_within_days: u32,
}

impl Default for ServiceLimits {
    fn default() -> Self {
        // One source for each default: the published constants.
        let days = |default: i64| u32::try_from(default).unwrap_or(u32::MAX);
        Self {
            consent_answer_within_days: days(CONSENT_ANSWER_EXPECTED_WITHIN_DAYS),
            adjustment_answer_within_days: days(ADJUSTMENT_ANSWER_EXPECTED_WITHIN_DAYS),
        }
    }
}

/// Whether a carer was involved (not restricted by a decision made by then) on `on`.
fn involved(carer: &Carer, on: NaiveDate) -> bool {
    match carer.involvement().restriction() {
        Some(r) => r.decided_on() > on,
        None => true,
    }
}

impl Report<'_> {
    fn add(
        &mut self,
        code: FindingCode,
        principle: Principle,
        severity: FindingSeverity,
        about: Vec<String>,
        explanation: String,
    ) {
        self.findings.push(Finding {
            code,
            principle,
            severity,
            about,
            explanation,
        });
    }

    /// Reviews: due, attendance, feedback.
    fn reviews(&mut self) {
        let r = self.record;
        for (s, schedule) in r.reviews().iter().enumerate() {
            let about = format!("/reviews/{s}");
            if let Ok(due) = schedule.next_review_due(self.calendar) {
                match DueState::of(due.date, self.as_of, schedule.due_soon_days()) {
                DueState::Overdue { days_overdue } => self.add(
                    FindingCode::ReviewOverdue,
                    Principle::MonitoringAndReview,
                    FindingSeverity::Concern,
                    vec![about.clone()],
                    format!(
                        "The {} was due by {} ({}) and is {days_overdue} day{} overdue. Hold it as soon as the carers can attend, and record why it is late.",
                        schedule.kind(),
                        due.date,
                        due.rule,
                        plural(usize::try_from(days_overdue).unwrap_or(2))
                    ),
                ),
                DueState::DueSoon { days_left } => self.add(
                    FindingCode::ReviewDueSoon,
                    Principle::MonitoringAndReview,
                    FindingSeverity::Advice,
                    vec![about.clone()],
                    format!(
                        "The {} is due by {} ({}), in {days_left} day{}. If invitations have not gone out, send them now, at a time the carers said suits them.",
                        schedule.kind(),
                        due.date,
                        due.rule,
                        plural(usize::try_from(days_left).unwrap_or(2))
                    ),
                ),
                DueState::Upcoming { .. } => {}
            }
            }
            let Some((o, last)) = schedule
                .outcomes()
                .iter()
                .enumerate()
                .rev()
                .find(|(_, o)| o.held_on <= self.as_of)
            else {
                continue;
            };
            let at = format!("{about}/outcomes/{o}");
            for (i, carer) in r.carers().iter().enumerate() {
                if involved(carer, last.held_on)
                    && !last.attended.contains(&PartyRef::Carer { id: carer.id() })
                {
                    self.add(
                    FindingCode::CarerNotAtReview,
                    Principle::Inclusivity,
                    FindingSeverity::Advice,
                    vec![at.clone(), format!("/carers/{i}")],
                    format!(
                        "{} was not at the last {} on {}. Check they were invited, at a time and place they could manage, and note why if they could not come.",
                        carer_label(i, carer),
                        schedule.kind(),
                        last.held_on
                    ),
                );
                }
            }
            if last.carer_feedback.is_empty() {
                self.add(
                FindingCode::NoCarerFeedback,
                Principle::SupportForCarers,
                FindingSeverity::Advice,
                vec![at],
                format!(
                    "No carer's feedback on the support they receive was recorded at the {} on {}. Ask them next time, and record what they say.",
                    schedule.kind(), last.held_on
                ),
            );
            }
        }
    }

    /// Communication agreements kept to.
    fn agreements_kept(&mut self) {
        let r = self.record;
        let last_contacts = r.last_contacts(self.as_of);
        for (a, agreement) in r.communication_agreements().iter().enumerate() {
            let Some((i, carer)) = r
                .carers()
                .iter()
                .enumerate()
                .find(|(_, c)| c.id() == agreement.carer)
            else {
                continue;
            };
            if agreement.agreed_on > self.as_of {
                continue;
            }
            if let (last, Some(due)) = crate::due::update_due(agreement, &last_contacts)
                && self.as_of > due
            {
                self.add(
                FindingCode::UpdateOverdue,
                Principle::OpenCommunication,
                FindingSeverity::Concern,
                vec![
                    format!("/communicationAgreements/{a}"),
                    format!("/carers/{i}"),
                ],
                format!(
                    "{} agreed to {} updates by {}; the last contact was on {last}, so one was due by {due}. Get in touch, and if the rhythm no longer suits them, agree a new one.",
                    carer_label(i, carer),
                    agreement.frequency,
                    agreement.channel
                ),
            );
            }
        }
    }

    /// Goals: agreed with an involved carer, with the child's view.
    fn goals(&mut self) {
        let r = self.record;
        for (g, goal) in r.goals().iter().enumerate() {
            if goal.status_on(self.as_of) != Some(GoalStatus::Active) {
                continue;
            }
            let agreed_by_involved = r.carers().iter().any(|carer| {
                !carer.involvement().is_restricted()
                    && goal
                        .agreements()
                        .iter()
                        .any(|a| a.carer == carer.id() && a.on <= self.as_of)
            });
            let any_involved = r.carers().iter().any(|c| !c.involvement().is_restricted());
            if any_involved && !agreed_by_involved {
                self.add(
                FindingCode::GoalActiveWithoutCarerAgreement,
                Principle::Empowerment,
                FindingSeverity::Concern,
                vec![format!("/goals/{g}")],
                format!(
                    "Goal {} ({}) is active but no involved carer has agreed to it. Talk it through with them; a goal set without them is not a shared goal.",
                    g + 1,
                    goal.area()
                ),
            );
            }
            if goal.childs_view().is_none() {
                self.add(
                FindingCode::GoalWithoutChildsView,
                Principle::ChildParticipation,
                FindingSeverity::Advice,
                vec![format!("/goals/{g}")],
                format!(
                    "Goal {} ({}) has no record of the child's view. Ask the child, with the aids they need, or record why it could not be gathered.",
                    g + 1,
                    goal.area()
                ),
            );
            }
        }
    }

    /// Agreed actions done on time.
    fn actions(&mut self) {
        let r = self.record;
        for (r, record) in r.contact_log().iter().enumerate() {
            for (j, action) in record.agreed_actions().iter().enumerate() {
                if let Some(days) = action.days_overdue(self.as_of) {
                    self.add(
                    FindingCode::ActionOverdue,
                    Principle::Transparency,
                    FindingSeverity::Concern,
                    vec![format!("/contactLog/{r}/agreedActions/{j}")],
                    format!(
                        "An action agreed on {} was due by {} and is {days} day{} overdue. Follow it through, or tell the family why it has changed.",
                        record.date(),
                        action.due_on,
                        plural(usize::try_from(days).unwrap_or(2))
                    ),
                );
                }
            }
        }
    }

    /// Agreed actions in plain words: they are what a carer is sent after a
    /// discussion ("what we agreed"), so each open one is measured as every text
    /// for carers is (a reading age of 11 at most). On a short action (under eight
    /// words) the grade of a phrase means little, and one long word ("Book a Bengali
    /// interpreter for the review") is not hard to read: a short one is hard when it
    /// is over the age and holds two words of four syllables or more.
    fn words_for_carers(&mut self) {
        use partnership_core::readability::{Readability, STANDARD_READING_AGE};
        let r = self.record;
        for (r, record) in r.contact_log().iter().enumerate() {
            for (j, action) in record.agreed_actions().iter().enumerate() {
                if action.completed_on.is_some() {
                    continue;
                }
                let measure = Readability::of(action.description.expose());
                let age = measure.reading_age();
                let hard =
                    age > STANDARD_READING_AGE && (measure.words >= 8 || measure.long_words >= 2);
                if measure.words < 3 || !hard {
                    continue;
                }
                self.add(
                    FindingCode::HardForCarersToRead,
                    Principle::OpenCommunication,
                    FindingSeverity::Advice,
                    vec![format!("/contactLog/{r}/agreedActions/{j}")],
                    format!(
                        "An action agreed on {} reads at a reading age of about {age:.0}, and carers are sent it as written. Put it in plain words, for a reading age of 11 or under: short sentences and everyday words, with any professional term explained.",
                        record.date(),
                    ),
                );
            }
        }
    }

    /// Barriers owned and acted on, mitigations reviewed.
    fn barriers(&mut self) {
        let r = self.record;
        let rules = AttentionRules::default();
        let register: &BarrierRegister = r.barriers();
        for unattended in register.needing_attention(self.as_of, &rules) {
            let high = unattended.barrier.severity() == Severity::High;
            let missing: Vec<&str> = unattended
                .missing
                .iter()
                .map(|m| match m {
                    partnership_barriers::Missing::Owner => "owner",
                    partnership_barriers::Missing::Mitigation => "mitigation under way",
                })
                .collect();
            self.add(
            FindingCode::BarrierUnattended,
            Principle::SharedResponsibility,
            if high {
                FindingSeverity::Concern
            } else {
                FindingSeverity::Advice
            },
            vec![r.barrier_pointer(unattended.barrier.id())],
            format!(
                "A {}barrier ({}) identified on {} still has no {} {} day{} after it should have. Agree who owns it and what to try first.",
                if high { "high-severity " } else { "" },
                unattended.barrier.kind(),
                unattended.barrier.identified_on(),
                missing.join(" and no "),
                unattended.days_overdue,
                plural(usize::try_from(unattended.days_overdue).unwrap_or(2))
            ),
        );
        }
        for due in register.mitigations_due_review(self.as_of, &rules) {
            self.add(
            FindingCode::MitigationReviewDue,
            Principle::MonitoringAndReview,
            FindingSeverity::Advice,
            vec![r.mitigation_pointer(due.barrier, due.mitigation.id)],
            format!(
                "{} has been tried since {}; whether it helped was due to be reviewed by {}. Ask the carers what difference it made.",
                capitalise(&due.mitigation.strategy.to_string()),
                due.mitigation.started_on,
                due.due
            ),
        );
        }
    }

    /// Language and access support for the next meeting.
    fn language_support(&mut self) {
        let r = self.record;
        let register: &BarrierRegister = r.barriers();
        for (i, carer) in r.carers().iter().enumerate() {
            let prefs = &carer.communication();
            let needs_interpreter = prefs.interpreter_needed
                || prefs
                    .accessibility_needs
                    .contains(&AccessibilityNeed::BslInterpreter);
            let wanted: &[MitigationStrategy] = match (needs_interpreter, prefs.easy_read_needed) {
                (true, _) => &[MitigationStrategy::Interpreter],
                (false, true) => &[MitigationStrategy::EasyReadOrVerbalSummaries],
                (false, false) => continue,
            };
            let arranged = register.affecting(carer.id()).iter().any(|b| {
                b.mitigations()
                    .iter()
                    .any(|m| m.started_on <= self.as_of && wanted.contains(&m.strategy))
            });
            if !arranged && involved(carer, self.as_of) {
                self.add(
                FindingCode::LanguageSupportNotArranged,
                Principle::Inclusivity,
                FindingSeverity::Advice,
                vec![format!("/carers/{i}/communication")],
                format!(
                    "{} needs {} for meetings, and none is recorded as arranged. Book it for the next review now.",
                    carer_label(i, carer),
                    if needs_interpreter {
                        "an interpreter"
                    } else {
                        "easy-read or verbal summaries"
                    }
                ),
            );
            }
        }
    }

    /// Consents coming to an end.
    fn consents_ending(&mut self) {
        let r = self.record;
        for consent in consents_expiring_within(r.consents(), self.as_of, 30) {
            let k = r
                .consents()
                .iter()
                .position(|c| c.id() == consent.id())
                .unwrap_or(0);
            let until = consent
                .valid_until_at(partnership_core::noon_on(self.as_of))
                .map(|d| d.to_string())
                .unwrap_or_default();
            self.add(
            FindingCode::ConsentExpiringSoon,
            Principle::Confidentiality,
            FindingSeverity::Information,
            vec![format!("/consents/{k}")],
            format!(
                "A consent to share information ends on {until}. Ask whether it should be renewed before then; after it ends nothing can be shared on its strength."
            ),
        );
        }
    }

    /// Restrictions on involvement reconsidered on time.
    fn restrictions(&mut self) {
        let r = self.record;
        for (i, carer) in r.carers().iter().enumerate() {
            if carer.involvement().reconsideration_overdue(self.as_of) {
                let by = carer
                    .involvement()
                    .restriction()
                    .map(|r| r.reconsider_by().to_string())
                    .unwrap_or_default();
                self.add(
                FindingCode::RestrictionNotReconsidered,
                Principle::Inclusivity,
                FindingSeverity::Concern,
                vec![format!("/carers/{i}/involvement")],
                format!(
                    "The decision restricting {}'s involvement was to be reconsidered by {by}. Reconsider it and record the outcome.",
                    carer_label(i, carer)
                ),
            );
            }
        }
    }
}

impl Report<'_> {
    /// The consistent child identifier (Children Act 2004 s.16LC), once the duty to
    /// include it is in force: the NHS number, or the exception that leaves it out.
    fn consistent_identifier(&mut self, law: &LawInForce) {
        let child = self.record.child();
        if !law.consistent_identifier_on(self.as_of)
            || child.consistent_identifier_accounted_for(self.as_of)
        {
            return;
        }
        self.add(
            FindingCode::ConsistentIdentifierMissing,
            Principle::ConsistencyAcrossServices,
            FindingSeverity::Concern,
            vec!["/child/nhsNumber".to_owned()],
            "The duty to include the child's consistent identifier in what is recorded and shared about them (Children Act 2004 s.16LC) is in force, and this record holds no NHS number and no reason for leaving it out. Record the NHS number, or which exception applies (s.16LC(6) to (8)) and who decided.".to_owned(),
        );
    }
}

/// Days within which the last day to lodge an appeal is near enough to say so.
const APPEAL_DEADLINE_NEAR_DAYS: i64 = 14;

/// Days after which a request for a reasonable adjustment with no recorded answer is
/// raised. The Equality Act 2010 sets no timescale: this is the library's practice
/// default, four weeks, the longest a carer should wait to hear whether a
/// disadvantage will be removed.
pub const ADJUSTMENT_ANSWER_EXPECTED_WITHIN_DAYS: i64 = 28;

impl Report<'_> {
    /// Complaints answered on time, appeals prepared for, advocacy offered.
    fn complaints_and_appeals(&mut self) {
        let r = self.record;
        for (k, redress) in r.complaints_and_appeals().iter().enumerate() {
            // As it stood on the report's day: what happened later is not yet known.
            let Some(redress) = redress.as_of(self.as_of) else {
                continue;
            };
            let redress = &redress;
            let about = format!("/complaintsAndAppeals/{k}");
            let Some((i, carer)) = r
                .carers()
                .iter()
                .enumerate()
                .find(|(_, c)| c.id() == redress.carer())
            else {
                continue;
            };
            let who = carer_label(i, carer);
            let what = redress.route().words();
            if let Some(deadline) = redress.deadline(self.calendar) {
                let days_left = (deadline.by - self.as_of).num_days();
                if !deadline.carers_to_act && days_left < 0 {
                    let late = -days_left;
                    let rule = match redress.route() {
                        RedressRoute::SocialCareComplaint { stage, .. } => format!(
                            "{} working days, Children Act 1989 Representations Procedure (England) Regulations 2006 {}",
                            stage.working_days(matches!(
                                redress.route(),
                                RedressRoute::SocialCareComplaint { extended: true, .. }
                            )),
                            stage.regulation()
                        ),
                        _ => "the date the agency's procedure gives".to_owned(),
                    };
                    self.add(
                        FindingCode::ComplaintResponseOverdue,
                        Principle::Transparency,
                        FindingSeverity::Concern,
                        vec![about.clone(), format!("/carers/{i}")],
                        format!(
                            "{who} made {what}, received on {}; the response was due by {} ({rule}) and is {late} day{} late. Chase it, and tell the carer where it stands and when they will hear.",
                            redress.started_on(),
                            deadline.by,
                            plural(usize::try_from(late).unwrap_or(2))
                        ),
                    );
                }
                if deadline.carers_to_act && redress.needs_mediation_certificate() && days_left >= 0
                {
                    self.add(
                        FindingCode::AppealNeedsMediationAdvice,
                        Principle::Empowerment,
                        FindingSeverity::Advice,
                        vec![about.clone(), format!("/carers/{i}")],
                        format!(
                            "{who} means to appeal to the SEND Tribunal against the decision sent on {}. Unless the appeal is only about the school or other institution named, they must first contact a mediation adviser and get a certificate, whether or not they then choose mediation (Children and Families Act 2014 s.55). The appeal is due by {}, or a month after the certificate if that is later: help them make the call now.",
                            redress.started_on(),
                            deadline.by
                        ),
                    );
                }
                if deadline.carers_to_act && (0..=APPEAL_DEADLINE_NEAR_DAYS).contains(&days_left) {
                    self.add(
                        FindingCode::AppealDeadlineNear,
                        Principle::Empowerment,
                        FindingSeverity::Advice,
                        vec![about.clone(), format!("/carers/{i}")],
                        format!(
                            "The last day for {who} to lodge their appeal to the SEND Tribunal is {}, in {days_left} day{} (two months from the decision letter, or a month from the mediation certificate if later). Check they have what they need to lodge it.",
                            deadline.by,
                            plural(usize::try_from(days_left).unwrap_or(2))
                        ),
                    );
                }
            }
            let advocacy = carer.support().iter().any(|s| {
                // A need only identified has not been offered yet.
                matches!(s.kind, SupportKind::Advocacy { .. })
                    && s.status != SupportStatus::Identified
                    && s.status_since <= self.as_of
            });
            if redress.is_open() && !advocacy {
                let offer = match redress.route() {
                    RedressRoute::TribunalAppeal { .. } => {
                        "the SEND information, advice and support service (Children and Families Act 2014 s.32), which gives impartial advice on mediation and appeals"
                    }
                    _ => {
                        "an independent advocate, or for special educational needs the SEND information, advice and support service"
                    }
                };
                self.add(
                    FindingCode::AdvocacyNotOffered,
                    Principle::SupportForCarers,
                    FindingSeverity::Advice,
                    vec![about, format!("/carers/{i}")],
                    format!(
                        "{who} is pursuing {what} and no advocacy support is recorded. Tell them about {offer}, and record whether they want it."
                    ),
                );
            }
        }
    }

    /// Requests for reasonable adjustments answered.
    fn adjustments(&mut self) {
        let r = self.record;
        for (i, carer) in r.carers().iter().enumerate() {
            for (j, request) in carer.adjustments().iter().enumerate() {
                let waited = (self.as_of - request.requested_on).num_days();
                let answered = request
                    .outcome
                    .as_ref()
                    .is_some_and(|o| o.decided_on <= self.as_of);
                if answered || waited <= i64::from(self.limits.adjustment_answer_within_days) {
                    continue;
                }
                self.add(
                    FindingCode::AdjustmentAwaitingDecision,
                    Principle::Inclusivity,
                    FindingSeverity::Advice,
                    vec![format!("/carers/{i}/adjustments/{j}")],
                    format!(
                        "{} asked on {} for a reasonable adjustment for {}, and no answer is recorded after {waited} days. The Equality Act 2010 (s.20) sets no timescale, but a request left unanswered leaves the disadvantage in place: ask the agency for its decision, and record it with its reasons.",
                        carer_label(i, carer),
                        request.requested_on,
                        match request.needed_by {
                            AdjustmentFor::Child => "the child",
                            _ => "themselves",
                        }
                    ),
                );
            }
        }
    }
}

/// Days after which a consent asked for and not answered is raised by default: the
/// library's practice default, four weeks, after which a carer who has not answered
/// may not have understood the request, or may need it another way. A service sets
/// its own in [`ServiceLimits`].
pub const CONSENT_ANSWER_EXPECTED_WITHIN_DAYS: i64 = 28;

impl Report<'_> {
    /// Every active goal is reviewed on a schedule.
    fn goals_reviewed(&mut self) {
        let r = self.record;
        let scheduled = r.reviews().iter().any(|s| s.starts_on() <= self.as_of);
        if scheduled {
            return;
        }
        for (g, goal) in r.goals().iter().enumerate() {
            if goal.status_on(self.as_of) != Some(GoalStatus::Active) {
                continue;
            }
            self.add(
                FindingCode::GoalWithoutReviewSchedule,
                Principle::MonitoringAndReview,
                FindingSeverity::Advice,
                vec![format!("/goals/{g}")],
                format!(
                    "Goal {} ({}) is active, and no review schedule is running to look at it with the carers. Agree when you will next review it together, and add the schedule.",
                    g + 1,
                    goal.area()
                ),
            );
        }
    }

    /// A consent asked for is answered, or asked again another way.
    fn consents_asked(&mut self) {
        let r = self.record;
        let noon = partnership_core::noon_on(self.as_of);
        for (k, consent) in r.consents().iter().enumerate() {
            if consent.status_at(noon) != partnership_consent::ConsentStatus::Requested {
                continue;
            }
            let Some(asked) = consent
                .events()
                .iter()
                .rev()
                .find(|e| e.at <= noon)
                .map(|e| partnership_core::uk_date(e.at))
            else {
                continue;
            };
            let waited = (self.as_of - asked).num_days();
            if waited <= i64::from(self.limits.consent_answer_within_days) {
                continue;
            }
            self.add(
                FindingCode::ConsentRequestUnanswered,
                Principle::OpenCommunication,
                FindingSeverity::Advice,
                vec![format!("/consents/{k}")],
                format!(
                    "A consent was asked for on {asked} and has had no answer for {waited} days. Ask again in the way the carer prefers, explain what would be shared and why, and record their answer, whether yes or no; until then nothing is shared on it."
                ),
            );
        }
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
