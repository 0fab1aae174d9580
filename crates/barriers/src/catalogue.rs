//! What gets in the way of partnership, and what practice recommends doing about it.

use partnership_core::Label;

partnership_core::labelled_enum! {
    /// A kind of barrier to partnership with carers.
    pub enum BarrierKind {
        /// Lack of time; work or shift patterns.
        TimeAndWorkPatterns => "time-and-work-patterns", "time, work or shift patterns";
        /// Intimidated by professional language or settings.
        IntimidatedByProfessionalLanguageOrSettings => "intimidated-by-professional-language-or-settings", "intimidated by professional language or settings";
        /// Past negative experiences with services.
        PastNegativeExperiences => "past-negative-experiences", "past negative experiences with services";
        /// Disagreement about what is best for the child.
        DisagreementAboutBestInterests => "disagreement-about-best-interests", "disagreement about what is best for the child";
        /// A language difference.
        LanguageDifference => "language-difference", "language difference";
        /// Literacy difficulties.
        LiteracyDifficulties => "literacy-difficulties", "literacy difficulties";
        /// The carer's own disability or access needs.
        CarerDisabilityOrAccessNeeds => "carer-disability-or-access-needs", "the carer's own disability or access needs";
        /// Travel or transport.
        TravelOrTransport => "travel-or-transport", "travel or transport";
        /// Caring load and emotional strain.
        CaringLoadAndEmotionalStrain => "caring-load-and-emotional-strain", "caring load and emotional strain";
        /// Digital exclusion: no device, data or confidence online.
        DigitalExclusion => "digital-exclusion", "digital exclusion";
        /// Cultural misunderstanding.
        CulturalMisunderstanding => "cultural-misunderstanding", "cultural misunderstanding";
    }
    /// Any other barrier.
    Other { label: Label => "The barrier, in words." }
}

partnership_core::labelled_enum! {
    /// A strategy for reducing a barrier.
    pub enum MitigationStrategy {
        /// Flexible meeting times (early morning, evening, around shifts).
        FlexibleMeetingTimes => "flexible-meeting-times", "flexible meeting times";
        /// Remote or video meetings.
        RemoteOrVideoMeetings => "remote-or-video-meetings", "remote or video meetings";
        /// Shorter, focused meetings.
        ShorterFocusedMeetings => "shorter-focused-meetings", "shorter, focused meetings";
        /// An interpreter.
        Interpreter => "interpreter", "an interpreter";
        /// Translated materials.
        TranslatedMaterials => "translated-materials", "translated materials";
        /// Easy-read or verbal summaries, and visual materials.
        EasyReadOrVerbalSummaries => "easy-read-or-verbal-summaries", "easy-read or verbal summaries";
        /// Plain language, with terms explained.
        PlainLanguage => "plain-language", "plain language with terms explained";
        /// A welcoming or familiar venue, including home visits.
        WelcomingOrFamiliarVenue => "welcoming-or-familiar-venue", "a welcoming or familiar venue (including home visits)";
        /// A supporter or advocate present.
        SupporterOrAdvocatePresent => "supporter-or-advocate-present", "a supporter or advocate present";
        /// A neutral mediator.
        NeutralMediator => "neutral-mediator", "a neutral mediator";
        /// Breaking the plan into smaller steps.
        SmallerSteps => "smaller-steps", "breaking the plan into smaller steps";
        /// Trying an approach for a set period, then reviewing it together.
        TimeLimitedTrial => "time-limited-trial", "a trial of an approach for a set period";
        /// A consistent named contact with regular check-ins.
        ConsistentNamedContact => "consistent-named-contact", "a consistent named contact with regular check-ins";
        /// A written summary after each meeting, with agreed actions followed through.
        WrittenSummaryAfterMeetings => "written-summary-after-meetings", "a written summary after each meeting";
        /// Transport support.
        TransportSupport => "transport-support", "transport support";
        /// Respite or peer support.
        RespiteOrPeerSupport => "respite-or-peer-support", "respite or peer support";
    }
    /// Any other strategy.
    Other { label: Label => "The strategy, in words." }
}

use BarrierKind as K;
use MitigationStrategy as M;

const TIME: &[M] = &[
    M::FlexibleMeetingTimes,
    M::RemoteOrVideoMeetings,
    M::ShorterFocusedMeetings,
];
const INTIMIDATED: &[M] = &[
    M::PlainLanguage,
    M::WelcomingOrFamiliarVenue,
    M::SupporterOrAdvocatePresent,
];
const PAST: &[M] = &[M::ConsistentNamedContact, M::WrittenSummaryAfterMeetings];
const DISAGREEMENT: &[M] = &[M::TimeLimitedTrial, M::NeutralMediator];
const LANGUAGE: &[M] = &[M::Interpreter, M::TranslatedMaterials];
const LITERACY: &[M] = &[M::EasyReadOrVerbalSummaries];
const ACCESS: &[M] = &[
    M::WelcomingOrFamiliarVenue,
    M::RemoteOrVideoMeetings,
    M::SupporterOrAdvocatePresent,
    M::EasyReadOrVerbalSummaries,
];
const TRAVEL: &[M] = &[
    M::WelcomingOrFamiliarVenue,
    M::RemoteOrVideoMeetings,
    M::TransportSupport,
];
const LOAD: &[M] = &[M::RespiteOrPeerSupport, M::SmallerSteps];
const DIGITAL: &[M] = &[M::WelcomingOrFamiliarVenue, M::WrittenSummaryAfterMeetings];
const CULTURE: &[M] = &[
    M::SupporterOrAdvocatePresent,
    M::PlainLanguage,
    M::ConsistentNamedContact,
];

/// The practice catalogue: the strategies that usually help with a kind of barrier,
/// most commonly useful first. Empty for an `other` barrier, where the team decides.
///
/// | barrier | strategies |
/// |---|---|
/// | time, work or shift patterns | flexible meeting times; remote or video meetings; shorter, focused meetings |
/// | intimidated by professional language or settings | plain language with terms explained; a welcoming or familiar venue; a supporter or advocate present |
/// | past negative experiences with services | a consistent named contact with regular check-ins; a written summary after each meeting |
/// | disagreement about what is best for the child | a trial of an approach for a set period; a neutral mediator |
/// | language difference | an interpreter; translated materials |
/// | literacy difficulties | easy-read or verbal summaries |
/// | the carer's own disability or access needs | a welcoming or familiar venue; remote or video meetings; a supporter or advocate present; easy-read or verbal summaries |
/// | travel or transport | a welcoming or familiar venue (including home visits); remote or video meetings; transport support |
/// | caring load and emotional strain | respite or peer support; breaking the plan into smaller steps |
/// | digital exclusion | a welcoming or familiar venue; a written summary after each meeting |
/// | cultural misunderstanding | a supporter or advocate present; plain language; a consistent named contact |
///
/// The rows for the first eight kinds follow the practice table in the project's
/// domain reference (docs/domain.md section 1); "focus on shared goals" for disagreement
/// is how goals are set rather than a separate strategy. The rows for the carer's own
/// access needs, digital exclusion and cultural misunderstanding are this library's
/// reading of the same principles, and are offered as suggestions.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod barriers { pub use ::partnership_barriers::*; } pub use ::chrono; }
/// use partnership::barriers::{recommended_mitigations, BarrierKind, MitigationStrategy};
///
/// let helps = recommended_mitigations(&BarrierKind::TimeAndWorkPatterns);
/// assert!(helps.contains(&MitigationStrategy::RemoteOrVideoMeetings));
/// assert_eq!(helps[0].to_string(), "flexible meeting times");
/// ```
pub fn recommended_mitigations(kind: &BarrierKind) -> &'static [MitigationStrategy] {
    match kind {
        K::TimeAndWorkPatterns => TIME,
        K::IntimidatedByProfessionalLanguageOrSettings => INTIMIDATED,
        K::PastNegativeExperiences => PAST,
        K::DisagreementAboutBestInterests => DISAGREEMENT,
        K::LanguageDifference => LANGUAGE,
        K::LiteracyDifficulties => LITERACY,
        K::CarerDisabilityOrAccessNeeds => ACCESS,
        K::TravelOrTransport => TRAVEL,
        K::CaringLoadAndEmotionalStrain => LOAD,
        K::DigitalExclusion => DIGITAL,
        K::CulturalMisunderstanding => CULTURE,
        K::Other { .. } => &[],
    }
}
