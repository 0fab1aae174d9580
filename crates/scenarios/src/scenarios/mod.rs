//! The eleven scenarios of the course, one module each.

mod consent_changes;
mod disagreement;
mod duty_to_share;
mod ehc_transfer;
mod foster_care;
mod language;
mod mobility;
mod safeguarding;
mod school;
mod speech;
mod visual_aids;

pub use consent_changes::consent_declined_narrowed_withdrawn;
pub use disagreement::disagreement_trial_with_mediator;
pub use duty_to_share::duty_to_share_detriment_exception;
pub use ehc_transfer::primary_to_secondary_ehc_plan;
pub use foster_care::foster_care_christmas_reviews;
pub use language::language_barrier_interpreter;
pub use mobility::mobility_physiotherapy;
pub use safeguarding::safeguarding_one_carer;
pub use school::pupil_struggling_at_school;
pub use speech::speech_delay_nursery;
pub use visual_aids::visual_aids_childs_view;

/// What every scenario uses.
mod prelude {
    pub(crate) use crate::kit::{About, CALENDAR, Case, Fallible, at, build, day, note};
    pub(crate) use crate::{Scenario, ScenarioError};
    pub(crate) use partnership_carers::{
        Channel, LegalStanding, ParentalResponsibilityBasis, Relationship, UpdateFrequency,
    };
    pub(crate) use partnership_core::{AgencyKind, PartyRef, ProfessionalRole};
    pub(crate) use partnership_goals::{AchievementStatus, Frequency, OutcomeArea, Setting};
    pub(crate) use partnership_record::{Change, FindingCode, Principle};
    pub(crate) use partnership_reviews::{AgreedCadence, ReviewKind};

    /// Parental responsibility held by a birth mother.
    pub(crate) fn birth_mother() -> LegalStanding {
        LegalStanding::ParentalResponsibility {
            basis: ParentalResponsibilityBasis::BirthMother,
            since: None,
            until: None,
        }
    }

    /// Parental responsibility held by a father married to the mother at the birth.
    pub(crate) fn married_father() -> LegalStanding {
        LegalStanding::ParentalResponsibility {
            basis: ParentalResponsibilityBasis::MarriedToMotherAtBirth,
            since: None,
            until: None,
        }
    }
}
