//! [`ConsentRecord`]: who consented (or refused) to what, how, and what happened since.

use std::fmt;

use chrono::{DateTime, Days, NaiveDate, Utc};
use partnership_core::{AgencyId, CarerId, ChildId, ConsentId, Label, PartyRef, ProfessionalId};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{ConsentError, Scope};

/// Who gave (or refused) consent, and in what capacity.
///
/// The record crate checks each giver against the record on the day of every event
/// by which they gave, refused or renewed it: parental responsibility held that day,
/// delegated authority that covers information sharing, a care order already made, a
/// young person already 16, a competence assessment recorded for the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ConsentGiver {
    /// A carer, as a holder of parental responsibility (the record crate checks that
    /// the carer held it on the day of each event).
    ParentalResponsibility {
        /// The carer.
        carer: CarerId,
    },
    /// The child, assessed by a named professional on a date as competent to decide
    /// this for themselves (Gillick competence, assessed per decision). The record
    /// must hold that assessment.
    #[serde(rename_all = "camelCase")]
    CompetentChild {
        /// The professional who assessed the child's competence.
        assessed_by: ProfessionalId,
        /// When.
        #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
        assessed_on: NaiveDate,
    },
    /// A young person aged 16 or over, whose capacity is presumed (Mental Capacity Act
    /// 2005). The record checks the age on the day of each event.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    YoungPerson,
    /// Someone acting under another authority: delegated authority from a placement
    /// plan, a local authority under a care order, or a court order.
    OtherAuthority {
        /// The authority, and who acts under it.
        authority: ActingAuthority,
    },
}

/// The authority under which someone other than a holder of parental
/// responsibility or the child consents.
///
/// A name and a line of text are not an authority: each kind names a person or agency
/// in the record, so that the record can check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ActingAuthority {
    /// A foster carer or residential care worker whose placement plan delegates
    /// sharing information about the child to them (the record checks the carer's
    /// delegated areas on the day of each event).
    DelegatedAuthority {
        /// The carer.
        carer: CarerId,
    },
    /// The local authority, which shares parental responsibility under a care order
    /// (Children Act 1989 s.33(3)), acting through an officer of its children's
    /// social care.
    #[serde(rename_all = "camelCase")]
    CareOrder {
        /// The local authority's children's social care, an agency in the record.
        local_authority: AgencyId,
        /// The officer who acts for it, a professional of that agency.
        officer: ProfessionalId,
        /// The day the care order was made: not before the child's birth.
        #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
        made_on: NaiveDate,
        /// The day the order ended (discharged, or replaced), if it has.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
        ended_on: Option<NaiveDate>,
    },
    /// A carer a court order authorises to make this decision for the child (for
    /// example under a specific issue order).
    #[serde(rename_all = "camelCase")]
    CourtOrder {
        /// The carer authorised, a carer in the record. A professional consents for
        /// their agency, not under an order in their own name.
        carer: CarerId,
        /// The order, in words (its kind, court and date as written on it).
        order: Label,
        /// The day the order was made: not before the child's birth.
        #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
        made_on: NaiveDate,
        /// The day the order ended, if it has.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
        ended_on: Option<NaiveDate>,
    },
}

impl ActingAuthority {
    /// The days an order was in force, for the record to check each event against: from
    /// the day it was made to the day it ended. `None` for delegated authority, which
    /// the carer's legal standing dates.
    pub const fn order_period(&self) -> Option<(NaiveDate, Option<NaiveDate>)> {
        match self {
            Self::DelegatedAuthority { .. } => None,
            Self::CareOrder {
                made_on, ended_on, ..
            }
            | Self::CourtOrder {
                made_on, ended_on, ..
            } => Some((*made_on, *ended_on)),
        }
    }
}

impl ConsentGiver {
    /// Whether the child (or young person) gave this consent for themselves.
    pub const fn is_the_child(&self) -> bool {
        matches!(self, Self::CompetentChild { .. } | Self::YoungPerson)
    }

    /// The person whose consent this is: the one who gives, refuses, renews and
    /// withdraws it. A carer, the child, the local authority's officer, or the carer a
    /// court order authorises.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::consent::ConsentGiver;
    /// use partnership::core::{CarerId, ChildId, PartyRef};
    ///
    /// let (mum, child) = (CarerId::random(), ChildId::random());
    /// let giver = ConsentGiver::ParentalResponsibility { carer: mum };
    /// assert_eq!(giver.party(child), PartyRef::Carer { id: mum });
    /// assert_eq!(ConsentGiver::YoungPerson.party(child), PartyRef::Child { id: child });
    /// ```
    pub fn party(&self, child: ChildId) -> PartyRef {
        match self {
            Self::ParentalResponsibility { carer } => PartyRef::Carer { id: *carer },
            Self::CompetentChild { .. } | Self::YoungPerson => PartyRef::Child { id: child },
            Self::OtherAuthority { authority } => match authority {
                ActingAuthority::DelegatedAuthority { carer } => PartyRef::Carer { id: *carer },
                ActingAuthority::CareOrder { officer, .. } => {
                    PartyRef::Professional { id: *officer }
                }
                ActingAuthority::CourtOrder { carer, .. } => PartyRef::Carer { id: *carer },
            },
        }
    }
}

/// How consent was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ConsentMethod {
    /// Spoken, and recorded by the professional.
    Verbal,
    /// On a signed form.
    Written,
    /// Through an electronic form or portal.
    Electronic,
}

/// What happened to a consent record.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ConsentEventKind {
    /// Consent was asked for. Only ever the first event.
    Requested,
    /// Consent was given.
    Given,
    /// Consent was renewed, optionally with a new end date.
    Renewed,
    /// Consent was refused: the record is a refusal (a deny).
    Refused,
    /// The person who gave consent withdrew it.
    Withdrawn,
    /// Someone else ended it (for example a court order changed who may consent).
    Revoked,
    /// It was found to be invalid, or entered in error.
    Invalidated,
}

impl ConsentEventKind {
    fn words(self) -> &'static str {
        match self {
            Self::Requested => "a request",
            Self::Given => "consent given",
            Self::Renewed => "a renewal",
            Self::Refused => "a refusal",
            Self::Withdrawn => "a withdrawal",
            Self::Revoked => "a revocation",
            Self::Invalidated => "an invalidation",
        }
    }
}

/// One event in a consent record's history: what, when, and by whom.
///
/// `by` is the person who acted: the giver for consent given, refused, renewed or
/// withdrawn; a professional for a request or an invalidation; anyone but the giver
/// for a revocation. A professional who writes down, on the giver's behalf, what the
/// giver said goes in `recordedBy`, never in `by`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConsentEvent {
    /// What happened.
    pub kind: ConsentEventKind,
    /// When (RFC 3339, UTC).
    #[serde(deserialize_with = "partnership_core::canonical_time::deserialize")]
    pub at: DateTime<Utc>,
    /// Who did it: the person who gave, refused, renewed or withdrew; the professional
    /// who asked or invalidated; whoever revoked.
    pub by: PartyRef,
    /// For a renewal only: the new last day the consent is in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
    pub valid_until: Option<NaiveDate>,
    /// The professional who recorded the event on the actor's behalf (a consent given
    /// by phone and written down by the SENCO), if not the actor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_by: Option<ProfessionalId>,
}

impl ConsentEvent {
    /// An event of `kind` at `at` by `by`, with no new end date, recorded by the actor
    /// themselves.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::chrono::{TimeZone, Utc};
    /// use partnership::consent::{ConsentEvent, ConsentEventKind};
    /// use partnership::core::{CarerId, PartyRef, ProfessionalId};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 2, 10, 0, 0).single().ok_or("no such time")?;
    /// let mum = PartyRef::Carer { id: CarerId::random() };
    /// let given = ConsentEvent::new(ConsentEventKind::Given, at, mum)
    ///     .recorded_by(ProfessionalId::random());
    /// assert_eq!(given.by, mum);
    /// assert!(given.recorded_by.is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn new(kind: ConsentEventKind, at: DateTime<Utc>, by: PartyRef) -> Self {
        Self {
            kind,
            at,
            by,
            valid_until: None,
            recorded_by: None,
        }
    }

    /// A renewal at `at` by `by`, moving the last day in force to `valid_until`
    /// (`None` keeps it).
    pub const fn renewal(at: DateTime<Utc>, by: PartyRef, valid_until: Option<NaiveDate>) -> Self {
        Self {
            kind: ConsentEventKind::Renewed,
            at,
            by,
            valid_until,
            recorded_by: None,
        }
    }

    /// The same event, written down by `professional` on the actor's behalf.
    #[must_use]
    pub const fn recorded_by(mut self, professional: ProfessionalId) -> Self {
        self.recorded_by = Some(professional);
        self
    }
}

/// The plain fields of a [`ConsentRecord`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConsentRecordParts {
    /// The record's id.
    pub id: ConsentId,
    /// The child the information is about.
    pub child: ChildId,
    /// Who gave or refused consent, and in what capacity.
    pub given_by: ConsentGiver,
    /// What it covers.
    pub scope: Scope,
    /// First day in force.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub valid_from: NaiveDate,
    /// Last day in force, if it ends (a renewal can move it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
    pub valid_until: Option<NaiveDate>,
    /// How it was obtained.
    pub method: ConsentMethod,
    /// The version of the privacy notice or consent form shown.
    pub notice_version: Label,
    /// What happened, oldest first. The status at any time is derived from these and
    /// the period; there is no stored status to disagree with them.
    #[schemars(length(min = 1))]
    pub events: Vec<ConsentEvent>,
}

impl ConsentRecordParts {
    /// The parts of a consent given at `at`, in force from that day with no end,
    /// its one event the giving, by the giver themselves, recorded by `recorded_by`
    /// when a professional recorded it for them: check them with
    /// [`ConsentRecord::try_from`].
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::chrono::{TimeZone, Utc};
    /// use partnership::consent::*;
    /// use partnership::core::{CarerId, ChildId, ConsentId, Label, ProfessionalId};
    ///
    /// let mum = CarerId::random();
    /// let therapist = ProfessionalId::random();
    /// let at = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).single().ok_or("a time")?;
    /// let consent = ConsentRecord::try_from(ConsentRecordParts::given(
    ///     ConsentId::random(),
    ///     ChildId::random(),
    ///     ConsentGiver::ParentalResponsibility { carer: mum },
    ///     Scope {
    ///         purposes: vec![Purpose::EducationSupportPlanning],
    ///         recipients: vec![RecipientScope::Professional { id: therapist }],
    ///         data_categories: vec![DataCategory::EducationProgress],
    ///     },
    ///     at,
    ///     ConsentMethod::Written,
    ///     Label::new("consent form v3")?,
    ///     None,
    /// ))?;
    /// assert!(consent.permits_at(at));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[allow(
        clippy::too_many_arguments,
        reason = "each is a fact of the consent that has no default"
    )]
    pub fn given(
        id: ConsentId,
        child: ChildId,
        given_by: ConsentGiver,
        scope: Scope,
        at: DateTime<Utc>,
        method: ConsentMethod,
        notice_version: Label,
        recorded_by: Option<ProfessionalId>,
    ) -> Self {
        let by = given_by.party(child);
        Self {
            id,
            child,
            given_by,
            scope,
            valid_from: at.date_naive(),
            valid_until: None,
            method,
            notice_version,
            events: vec![ConsentEvent {
                kind: ConsentEventKind::Given,
                at,
                by,
                valid_until: None,
                recorded_by,
            }],
        }
    }
}

/// Where a record's history stands after some of its events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Start,
    Requested,
    Given,
    Refused,
    Ended(ConsentEventKind, DateTime<Utc>),
}

impl Stage {
    fn words(self) -> &'static str {
        match self {
            Self::Start => "the start of the record",
            Self::Requested => "a request",
            Self::Given => "consent given",
            Self::Refused => "a refusal",
            Self::Ended(kind, _) => kind.words(),
        }
    }

    /// The next stage, or `None` when `kind` cannot follow this one.
    fn after(self, kind: ConsentEventKind, at: DateTime<Utc>) -> Option<Self> {
        use ConsentEventKind as K;
        match (self, kind) {
            (Self::Start, K::Requested) => Some(Self::Requested),
            (Self::Start | Self::Requested, K::Given) => Some(Self::Given),
            (Self::Start | Self::Requested, K::Refused) => Some(Self::Refused),
            (Self::Given, K::Renewed) => Some(Self::Given),
            (Self::Given, K::Withdrawn | K::Revoked) => Some(Self::Ended(kind, at)),
            (Self::Requested | Self::Given | Self::Refused, K::Invalidated) => {
                Some(Self::Ended(kind, at))
            }
            _ => None,
        }
    }
}

fn check_consent(parts: &ConsentRecordParts) -> Result<(), ConsentError> {
    parts.scope.check(crate::scope::ScopeField::CONSENT)?;
    if parts
        .valid_until
        .is_some_and(|until| until < parts.valid_from)
    {
        return Err(ConsentError::PeriodEndsBeforeStart {
            field: "validUntil",
        });
    }
    if parts.events.is_empty() {
        return Err(ConsentError::Empty { field: "events" });
    }
    if let ConsentGiver::OtherAuthority { authority } = &parts.given_by
        && let Some((made_on, Some(ended_on))) = authority.order_period()
        && ended_on < made_on
    {
        return Err(ConsentError::PeriodEndsBeforeStart {
            field: "givenBy/authority/endedOn",
        });
    }
    let giver = parts.given_by.party(parts.child);
    let mut stage = Stage::Start;
    let mut previous: Option<DateTime<Utc>> = None;
    for (index, event) in parts.events.iter().enumerate() {
        if previous.is_some_and(|p| event.at < p) {
            return Err(ConsentError::EventsOutOfOrder { index });
        }
        previous = Some(event.at);
        stage = stage
            .after(event.kind, event.at)
            .ok_or(ConsentError::EventNotAllowed {
                index,
                kind: event.kind.words(),
                after: stage.words(),
            })?;
        match event.kind {
            ConsentEventKind::Renewed
                if event
                    .valid_until
                    .is_some_and(|until| until < parts.valid_from) =>
            {
                return Err(ConsentError::RenewalEndsBeforeStart { index });
            }
            ConsentEventKind::Renewed => {}
            _ if event.valid_until.is_some() => {
                return Err(ConsentError::UntilOnlyOnRenewal { index });
            }
            _ => {}
        }
        check_actor(event, index, giver)?;
    }
    Ok(())
}

/// Whether `event` was made by the person it says acted: see [`ConsentEvent`].
fn check_actor(event: &ConsentEvent, index: usize, giver: PartyRef) -> Result<(), ConsentError> {
    use ConsentEventKind as K;
    let rule = match event.kind {
        K::Withdrawn if event.by != giver => {
            "consent is withdrawn by the person who gave it; someone else revokes it"
        }
        K::Given | K::Refused | K::Renewed if event.by != giver => {
            "consent is given, refused and renewed by the person named in givenBy; a professional who writes it down on their behalf goes in recordedBy"
        }
        K::Revoked if event.by == giver => {
            "the person who gave consent withdraws it rather than revoking it"
        }
        K::Requested | K::Invalidated if !matches!(event.by, PartyRef::Professional { .. }) => {
            "consent is asked for, and found invalid, by a professional"
        }
        _ => return Ok(()),
    };
    Err(ConsentError::WrongActor { index, rule })
}

partnership_core::validated! {
    /// A record of consent given or refused for sharing information about a child:
    /// who, in what capacity, for which purposes, recipients and categories, for what
    /// period, how it was obtained, and everything that happened to it since.
    ///
    /// `try_from` and reading JSON reject a history that makes no sense: events out of
    /// order, anything before the request, a withdrawal before consent was given, an
    /// event after a withdrawal, a withdrawal by someone other than the person who gave
    /// it, a period that ends before it starts, and empty or repeated scope entries.
    ///
    /// The status at any moment is [derived](ConsentRecord::status_at); "no consent
    /// recorded" and "refused" are different things.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::chrono::{NaiveDate, TimeZone, Utc};
    /// use partnership::consent::*;
    /// use partnership::core::{CarerId, ChildId, ConsentId, Label, Located, PartyRef, ProfessionalRole};
    ///
    /// let mum = CarerId::random();
    /// let at = |d| Utc.with_ymd_and_hms(2026, 11, d, 10, 0, 0).unwrap();
    /// let mut parts = ConsentRecordParts {
    ///     id: ConsentId::random(),
    ///     child: ChildId::random(),
    ///     given_by: ConsentGiver::ParentalResponsibility { carer: mum },
    ///     scope: Scope {
    ///         purposes: vec![Purpose::EducationSupportPlanning],
    ///         recipients: vec![RecipientScope::Role { role: ProfessionalRole::SpeechAndLanguageTherapist }],
    ///         data_categories: vec![DataCategory::EducationProgress],
    ///     },
    ///     valid_from: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
    ///     valid_until: NaiveDate::from_ymd_opt(2027, 7, 31),
    ///     method: ConsentMethod::Written,
    ///     notice_version: Label::new("Nursery privacy notice v3").unwrap(),
    ///     events: vec![ConsentEvent::new(ConsentEventKind::Given, at(2), PartyRef::Carer { id: mum })],
    /// };
    /// let consent = ConsentRecord::try_from(parts.clone()).unwrap();
    /// assert_eq!(consent.status_at(at(20)), ConsentStatus::Given);
    ///
    /// // A withdrawal before anything was given makes no sense.
    /// parts.events[0].kind = ConsentEventKind::Withdrawn;
    /// let err = ConsentRecord::try_from(parts).unwrap_err();
    /// assert_eq!(err.to_string(), "a withdrawal cannot follow the start of the record");
    /// // Where: apart from the words, to be joined to wherever the record was read.
    /// assert_eq!(err.field().to_string(), "events/0/kind");
    /// ```
    #[derive(Clone, PartialEq, Eq)]
    pub struct ConsentRecord(ConsentRecordParts);
    check = check_consent;
    error = ConsentError;
}

impl ConsentRecord {
    /// The record's id.
    pub fn id(&self) -> ConsentId {
        self.0.id
    }

    /// The child the information is about.
    pub fn child(&self) -> ChildId {
        self.0.child
    }

    /// Who gave or refused consent, and in what capacity.
    pub fn given_by(&self) -> &ConsentGiver {
        &self.0.given_by
    }

    /// What it covers.
    pub fn scope(&self) -> &Scope {
        &self.0.scope
    }

    /// First day in force.
    pub fn valid_from(&self) -> NaiveDate {
        self.0.valid_from
    }

    /// Last day in force, if it ends (a renewal can move it).
    pub fn valid_until(&self) -> Option<NaiveDate> {
        self.0.valid_until
    }

    /// How it was obtained.
    pub fn method(&self) -> ConsentMethod {
        self.0.method
    }

    /// The version of the privacy notice or consent form shown.
    pub fn notice_version(&self) -> &Label {
        &self.0.notice_version
    }

    /// What happened, oldest first. The status at any time is derived from these and
    /// the period; there is no stored status to disagree with them.
    pub fn events(&self) -> &[ConsentEvent] {
        &self.0.events
    }
}

/// Where a consent record stands at a moment, derived from its events and period.
///
/// Mirrors the W3C Data Privacy Vocabulary's consent statuses; see
/// [`fhir_r4_code`](ConsentStatus::fhir_r4_code) for FHIR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum ConsentStatus {
    /// Nothing had happened yet at that moment.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    NotYetRecorded,
    /// Asked for, not yet answered.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    Requested,
    /// Given and in force.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    Given,
    /// Refused, and the refusal in force.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    Refused,
    /// Given or refused, but the period has not started.
    NotYetInForce {
        /// The first day in force.
        #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
        from: NaiveDate,
    },
    /// The period has ended.
    Expired {
        /// The last day it was in force.
        #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
        on: NaiveDate,
    },
    /// Withdrawn by the person who gave it.
    Withdrawn {
        /// When.
        #[serde(deserialize_with = "partnership_core::canonical_time::deserialize")]
        at: DateTime<Utc>,
    },
    /// Ended by someone else.
    Revoked {
        /// When.
        #[serde(deserialize_with = "partnership_core::canonical_time::deserialize")]
        at: DateTime<Utc>,
    },
    /// Found invalid or entered in error.
    Invalidated {
        /// When.
        #[serde(deserialize_with = "partnership_core::canonical_time::deserialize")]
        at: DateTime<Utc>,
    },
}

impl ConsentStatus {
    /// The FHIR R4 `Consent.status` code for this status.
    ///
    /// | ours | FHIR R4 | why |
    /// |---|---|---|
    /// | not-yet-recorded | `draft` | nothing decided yet |
    /// | requested | `proposed` | asked for, not answered |
    /// | given, not-yet-in-force | `active` | in force, or will be (FHIR carries the period in `provision.period`) |
    /// | refused | `rejected` | a recorded refusal (R4 only: R5 drops it; export as `active` with `decision: deny`) |
    /// | expired, withdrawn, revoked | `inactive` | no longer in force |
    /// | invalidated | `entered-in-error` | never valid |
    ///
    /// The permit or deny itself travels in R4's `provision.type`.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::consent::ConsentStatus;
    /// assert_eq!(ConsentStatus::Refused.fhir_r4_code(), "rejected");
    /// ```
    pub const fn fhir_r4_code(&self) -> &'static str {
        match self {
            Self::NotYetRecorded => "draft",
            Self::Requested => "proposed",
            Self::Given | Self::NotYetInForce { .. } => "active",
            Self::Refused => "rejected",
            Self::Expired { .. } | Self::Withdrawn { .. } | Self::Revoked { .. } => "inactive",
            Self::Invalidated { .. } => "entered-in-error",
        }
    }
}

impl fmt::Display for ConsentStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotYetRecorded => f.write_str("not yet recorded"),
            Self::Requested => f.write_str("requested, awaiting an answer"),
            Self::Given => f.write_str("given"),
            Self::Refused => f.write_str("refused"),
            Self::NotYetInForce { from } => write!(f, "not in force until {from}"),
            Self::Expired { on } => write!(f, "expired after {on}"),
            Self::Withdrawn { at } => write!(f, "withdrawn on {}", at.date_naive()),
            Self::Revoked { at } => write!(f, "revoked on {}", at.date_naive()),
            Self::Invalidated { at } => write!(f, "invalidated on {}", at.date_naive()),
        }
    }
}

/// Whether a record is a permit or a deny, once its answer is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ConsentDecision {
    /// Consent was given: sharing within the scope is permitted.
    Permit,
    /// Consent was refused: sharing within the scope is denied, and the refusal beats
    /// any permit.
    Deny,
}

impl ConsentRecord {
    /// The record with one more event (a renewal, a withdrawal, …), checked like any
    /// other history: an event that cannot follow the ones before is an error and
    /// leaves nothing changed.
    ///
    /// # Errors
    ///
    /// [`ConsentError`] when the event cannot follow the history (a withdrawal before consent was given, anything after a withdrawal) or was not made by the person it says acted; the record is not changed.
    pub fn with_event(self, event: ConsentEvent) -> Result<Self, ConsentError> {
        let mut parts = self.into_parts();
        parts.events.push(event);
        Self::try_from(parts)
    }

    /// Permit or deny, derived from the history: `None` while the request is unanswered.
    pub fn decision(&self) -> Option<ConsentDecision> {
        self.events().iter().find_map(|e| match e.kind {
            ConsentEventKind::Given => Some(ConsentDecision::Permit),
            ConsentEventKind::Refused => Some(ConsentDecision::Deny),
            _ => None,
        })
    }

    /// The last day in force as of `at`, after renewals up to then; `None` if open-ended.
    pub fn valid_until_at(&self, at: DateTime<Utc>) -> Option<NaiveDate> {
        self.events()
            .iter()
            .filter(|e| e.at <= at && e.kind == ConsentEventKind::Renewed)
            .fold(self.valid_until(), |until, e| e.valid_until.or(until))
    }

    /// The status at `at`, from the events up to then and the period. Dates are
    /// compared with the UTC date of `at`.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// # use partnership::chrono::{NaiveDate, TimeZone, Utc};
    /// # use partnership::consent::*;
    /// # use partnership::core::{CarerId, ChildId, ConsentId, Label, PartyRef, ProfessionalId, ProfessionalRole};
    /// # let mum = CarerId::random();
    /// let at = |m, d| Utc.with_ymd_and_hms(2026, m, d, 10, 0, 0).unwrap();
    /// # let consent = ConsentRecord::try_from(ConsentRecordParts {
    /// #     id: ConsentId::random(), child: ChildId::random(),
    /// #     given_by: ConsentGiver::ParentalResponsibility { carer: mum },
    /// #     scope: Scope { purposes: vec![Purpose::HealthCare],
    /// #         recipients: vec![RecipientScope::Role { role: ProfessionalRole::Gp }],
    /// #         data_categories: vec![DataCategory::Health] },
    /// #     valid_from: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
    /// #     valid_until: NaiveDate::from_ymd_opt(2026, 8, 31),
    /// #     method: ConsentMethod::Verbal, notice_version: Label::new("v1").unwrap(),
    /// #     events: vec![
    /// #         ConsentEvent::new(ConsentEventKind::Requested, at(2, 20), PartyRef::Professional { id: ProfessionalId::random() }),
    /// #         ConsentEvent::new(ConsentEventKind::Given, at(2, 25), PartyRef::Carer { id: mum }),
    /// #     ],
    /// # }).unwrap();
    /// // Requested on 20 February, given on 25 February for March to August.
    /// assert_eq!(consent.status_at(at(2, 1)), ConsentStatus::NotYetRecorded);
    /// assert_eq!(consent.status_at(at(2, 21)), ConsentStatus::Requested);
    /// assert_eq!(consent.status_at(at(2, 26)), ConsentStatus::NotYetInForce { from: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap() });
    /// assert_eq!(consent.status_at(at(5, 1)), ConsentStatus::Given);
    /// assert_eq!(consent.status_at(at(9, 1)), ConsentStatus::Expired { on: NaiveDate::from_ymd_opt(2026, 8, 31).unwrap() });
    /// ```
    pub fn status_at(&self, at: DateTime<Utc>) -> ConsentStatus {
        let mut stage = Stage::Start;
        for event in self.events().iter().take_while(|e| e.at <= at) {
            // The history was checked on construction, so every step is allowed.
            stage = stage.after(event.kind, event.at).unwrap_or(stage);
        }
        let answered = match stage {
            Stage::Start => return ConsentStatus::NotYetRecorded,
            Stage::Requested => return ConsentStatus::Requested,
            Stage::Ended(ConsentEventKind::Withdrawn, at) => {
                return ConsentStatus::Withdrawn { at };
            }
            Stage::Ended(ConsentEventKind::Revoked, at) => return ConsentStatus::Revoked { at },
            Stage::Ended(_, at) => return ConsentStatus::Invalidated { at },
            Stage::Given => ConsentStatus::Given,
            Stage::Refused => ConsentStatus::Refused,
        };
        let today = at.date_naive();
        if today < self.valid_from() {
            return ConsentStatus::NotYetInForce {
                from: self.valid_from(),
            };
        }
        match self.valid_until_at(at) {
            Some(until) if today > until => ConsentStatus::Expired { on: until },
            _ => answered,
        }
    }

    /// Whether the record permits sharing within its scope at `at`.
    pub fn permits_at(&self, at: DateTime<Utc>) -> bool {
        self.status_at(at) == ConsentStatus::Given
    }

    /// Whether the record is a refusal in force at `at`.
    pub fn denies_at(&self, at: DateTime<Utc>) -> bool {
        self.status_at(at) == ConsentStatus::Refused
    }

    /// Whether a consent in force on `as_of` reaches its last day within `days` days
    /// (on `as_of` itself up to `as_of + days`): a renewal to plan for.
    pub fn expires_within(&self, as_of: NaiveDate, days: u32) -> bool {
        let noon = partnership_core::noon_on(as_of);
        if !self.permits_at(noon) {
            return false;
        }
        let horizon = as_of.checked_add_days(Days::new(u64::from(days)));
        matches!((self.valid_until_at(noon), horizon), (Some(until), Some(h)) if until <= h)
    }
}
