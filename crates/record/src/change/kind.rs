//! [`ChangeKind`] and [`ProvenanceEntry`]: what the record keeps of each change.

use chrono::{DateTime, Utc};
use partnership_core::ProfessionalId;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What kind of change a `ProvenanceEntry` records; each names the kind of thing
/// its `subject` is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ChangeKind {
    /// The child's profile was replaced; the subject is the child.
    UpdateChild,
    /// A carer was added; the subject is the carer.
    AddCarer,
    /// A carer's details were replaced; the subject is the carer.
    UpdateCarer,
    /// A professional joined the team; the subject is the professional.
    AddProfessional,
    /// An agency or setting was added; the subject is the agency.
    AddAgency,
    /// An agreement about updates was made with a carer; the subject is the agreement.
    AddAgreement,
    /// A discussion was recorded in the contact log; the subject is the contact record.
    RecordContact,
    /// A shared goal was added; the subject is the goal.
    AddGoal,
    /// A proposed goal's plan was revised; the subject is the goal.
    ReviseGoalPlan,
    /// A carer agreed to a goal; the subject is the goal.
    AgreeToGoal,
    /// A goal moved in its lifecycle; the subject is the goal.
    MoveGoal,
    /// A goal became active on its carers' agreement; the subject is the goal.
    ActivateGoal,
    /// Progress on a goal was recorded; the subject is the goal.
    RecordProgress,
    /// A milestone was celebrated on a goal; the subject is the goal.
    CelebrateMilestone,
    /// A goal was reviewed; the subject is the goal.
    ReviewGoal,
    /// An agreed action was done; the subject is the action.
    CompleteAction,
    /// A consent record was added; the subject is the consent.
    AddConsent,
    /// An event (given, refused, renewed, withdrawn, …) was recorded on a consent; the
    /// subject is the consent.
    RecordConsentEvent,
    /// A competence assessment was recorded; the subject is the assessment.
    AddCompetenceAssessment,
    /// A withholding rule was added; the subject is the rule.
    AddWithholdingRule,
    /// A safeguarding justification was added; the subject is the justification.
    AddJustification,
    /// A review schedule was added; the subject is the schedule.
    AddReviewSchedule,
    /// A review's outcome was recorded; the subject is the schedule.
    RecordReviewOutcome,
    /// A barrier was added to the register; the subject is the barrier.
    AddBarrier,
    /// A mitigation was started on a barrier; the subject is the barrier.
    StartMitigation,
    /// A barrier was given an owner; the subject is the barrier.
    AssignBarrierOwner,
    /// A mitigation's effectiveness was reviewed; the subject is the barrier.
    ReviewMitigation,
    /// A barrier's status moved (resolved, escalated, accepted); the subject is the
    /// barrier.
    ChangeBarrierStatus,
    /// A complaint or appeal a carer made was recorded; the subject is the complaint
    /// or appeal.
    AddComplaintOrAppeal,
    /// What happened since on a complaint or appeal was recorded (a response, an
    /// extension, a certificate, the appeal lodged); the subject is the complaint or
    /// appeal.
    UpdateComplaintOrAppeal,
}

impl ChangeKind {
    /// The kind's code, as in JSON: `record-progress`.
    pub const fn code(self) -> &'static str {
        match self {
            Self::UpdateChild => "update-child",
            Self::AddCarer => "add-carer",
            Self::UpdateCarer => "update-carer",
            Self::AddProfessional => "add-professional",
            Self::AddAgency => "add-agency",
            Self::AddAgreement => "add-agreement",
            Self::RecordContact => "record-contact",
            Self::AddGoal => "add-goal",
            Self::ReviseGoalPlan => "revise-goal-plan",
            Self::AgreeToGoal => "agree-to-goal",
            Self::MoveGoal => "move-goal",
            Self::ActivateGoal => "activate-goal",
            Self::RecordProgress => "record-progress",
            Self::CelebrateMilestone => "celebrate-milestone",
            Self::ReviewGoal => "review-goal",
            Self::CompleteAction => "complete-action",
            Self::AddConsent => "add-consent",
            Self::RecordConsentEvent => "record-consent-event",
            Self::AddCompetenceAssessment => "add-competence-assessment",
            Self::AddWithholdingRule => "add-withholding-rule",
            Self::AddJustification => "add-justification",
            Self::AddReviewSchedule => "add-review-schedule",
            Self::RecordReviewOutcome => "record-review-outcome",
            Self::AddBarrier => "add-barrier",
            Self::StartMitigation => "start-mitigation",
            Self::AssignBarrierOwner => "assign-barrier-owner",
            Self::ReviewMitigation => "review-mitigation",
            Self::ChangeBarrierStatus => "change-barrier-status",
            Self::AddComplaintOrAppeal => "add-complaint-or-appeal",
            Self::UpdateComplaintOrAppeal => "update-complaint-or-appeal",
        }
    }

    /// The record's list that holds this kind's subject, and what one of its items is
    /// called in a problem's message.
    pub(crate) const fn subject_list(self) -> (&'static str, &'static str) {
        match self {
            Self::UpdateChild => ("child", "a child"),
            Self::AddCarer | Self::UpdateCarer => ("carers", "a carer"),
            Self::AddProfessional => ("professionals", "a professional"),
            Self::AddAgency => ("agencies", "an agency"),
            Self::AddAgreement => ("communicationAgreements", "a communication agreement"),
            Self::RecordContact => ("contactLog", "a contact record"),
            Self::CompleteAction => ("contactLog", "an agreed action"),
            Self::AddGoal
            | Self::ReviseGoalPlan
            | Self::CelebrateMilestone
            | Self::ReviewGoal
            | Self::AgreeToGoal
            | Self::MoveGoal
            | Self::ActivateGoal
            | Self::RecordProgress => ("goals", "a goal"),
            Self::AddConsent | Self::RecordConsentEvent => ("consents", "a consent"),
            Self::AddCompetenceAssessment => ("competenceAssessments", "a competence assessment"),
            Self::AddWithholdingRule => ("withholdingRules", "a withholding rule"),
            Self::AddJustification => ("justifications", "a justification"),
            Self::AddReviewSchedule | Self::RecordReviewOutcome => ("reviews", "a review schedule"),
            Self::AddBarrier
            | Self::StartMitigation
            | Self::AssignBarrierOwner
            | Self::ReviewMitigation
            | Self::ChangeBarrierStatus => ("barriers", "a barrier"),
            Self::AddComplaintOrAppeal | Self::UpdateComplaintOrAppeal => {
                ("complaintsAndAppeals", "a complaint or appeal")
            }
        }
    }
}

/// One change made to a record: what kind, to what, by whom in the team, and when it
/// was recorded. The record keeps these in time order, as its provenance; exported
/// to FHIR they are `Provenance` resources.
///
/// Who and when come from whoever applies the change: who must be a
/// professional in the record, and when must not be before the change before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProvenanceEntry {
    /// What kind of change it was.
    pub change: ChangeKind,
    /// The id of what was changed: a carer, a goal, a consent, …, as `change` says.
    #[serde(deserialize_with = "partnership_core::canonical_uuid::deserialize")]
    #[schemars(extend("pattern" = partnership_core::CANONICAL_UUID_PATTERN))]
    pub subject: uuid::Uuid,
    /// The professional who made the change.
    pub by: ProfessionalId,
    /// When the change was recorded (RFC 3339, UTC).
    #[serde(deserialize_with = "partnership_core::canonical_time::deserialize")]
    pub at: DateTime<Utc>,
}
