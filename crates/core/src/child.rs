//! [`ChildProfile`]: the child or young person at the centre of the record.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{ChildId, CoreError, Identifier, Label, NhsNumber, PartyRef, SchoolYear, Sensitive};

/// The plain fields of a [`ChildProfile`]; build one and convert it with
/// `ChildProfile::try_from`, which checks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChildProfileParts {
    /// The child's id.
    pub id: ChildId,
    /// The child's name. Personal data.
    pub name: Sensitive<Label>,
    /// Date of birth (ISO 8601 date).
    #[serde(deserialize_with = "crate::canonical_date::deserialize")]
    pub date_of_birth: NaiveDate,
    /// NHS number, when known. Personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nhs_number: Option<NhsNumber>,
    /// Identifiers from other schemes (local case number, unique pupil number, an NHS
    /// number since replaced); at most one per system on any day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    /// Why the consistent child identifier (the NHS number) is left out of this
    /// record, when it is: one of the exceptions to the duty to include it (Children
    /// Act 2004 s.16LC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier_omitted: Option<IdentifierOmission>,
    /// How the child communicates and what helps them take part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub communication_needs: Vec<CommunicationNeed>,
    /// The child's own views, as recorded, oldest first; none may predate the birth.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub views: Vec<ChildView>,
}

fn check_child(parts: &ChildProfileParts) -> Result<(), CoreError> {
    if let Some(index) = parts
        .views
        .iter()
        .position(|view| view.recorded_on < parts.date_of_birth)
    {
        return Err(CoreError::BeforeBirth {
            field: crate::FieldPath::field("views")
                .index(index)
                .then("recordedOn"),
        });
    }
    for (index, identifier) in parts.identifiers.iter().enumerate() {
        if let (Some(from), Some(until)) = (identifier.valid_from, identifier.valid_until)
            && until < from
        {
            return Err(CoreError::IdentifierPeriodEndsBeforeStart { index });
        }
        // Lists are short (a handful of schemes), so pairs are compared directly, with
        // systems compared as people write them ("URN:UK:DFE:UPN " is "urn:uk:dfe:upn").
        if parts.identifiers.iter().take(index).any(|earlier| {
            crate::choice::same_label_text(earlier.system.as_str(), identifier.system.as_str())
                && earlier.overlaps(identifier)
        }) {
            return Err(CoreError::DuplicateIdentifierSystem { index });
        }
        // The current NHS number is `nhsNumber`; one under its system here is one
        // since replaced, so it has ended.
        if parts.nhs_number.is_some()
            && identifier.is_nhs_number()
            && identifier.valid_until.is_none()
        {
            return Err(CoreError::DuplicateIdentifierSystem { index });
        }
    }
    if let Some(omitted) = &parts.identifier_omitted {
        if omitted.recorded_on < parts.date_of_birth {
            return Err(CoreError::BeforeBirth {
                field: crate::FieldPath::field("identifierOmitted").then("recordedOn"),
            });
        }
        let known = parts.nhs_number.is_some()
            || parts
                .identifiers
                .iter()
                .any(|i| i.is_nhs_number() && i.valid_until.is_none());
        if omitted.reason == IdentifierOmissionReason::NotKnownAndFindingItWouldDelay && known {
            return Err(CoreError::OmittedIdentifierIsKnown);
        }
    }
    Ok(())
}

/// An exception to the duty to include the consistent child identifier in information
/// processed about a child (Children Act 2004 s.16LC, inserted by the Children's
/// Wellbeing and Schools Act 2026 s.4; the subsections as docs/domain.md gives them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum IdentifierOmissionReason {
    /// Including it would not help a safeguarding or welfare function (s.16LC(6)).
    WouldNotHelp,
    /// Including it would be more detrimental to the child than leaving it out
    /// (s.16LC(7)).
    MoreDetrimentalToTheChild,
    /// It is not known, and finding it would cause unreasonable delay (s.16LC(8)).
    NotKnownAndFindingItWouldDelay,
}

impl IdentifierOmissionReason {
    /// The subsection of the Children Act 2004 that allows it.
    pub const fn subsection(self) -> &'static str {
        match self {
            Self::WouldNotHelp => "s.16LC(6)",
            Self::MoreDetrimentalToTheChild => "s.16LC(7)",
            Self::NotKnownAndFindingItWouldDelay => "s.16LC(8)",
        }
    }
}

/// Why the consistent child identifier is left out, who recorded the reason and when.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::core::{IdentifierOmission, IdentifierOmissionReason, ProfessionalId};
///
/// let omitted = IdentifierOmission {
///     reason: IdentifierOmissionReason::NotKnownAndFindingItWouldDelay,
///     recorded_by: ProfessionalId::random(),
///     recorded_on: NaiveDate::from_ymd_opt(2027, 9, 6).unwrap(),
/// };
/// assert_eq!(omitted.reason.subsection(), "s.16LC(8)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IdentifierOmission {
    /// Which exception applies.
    pub reason: IdentifierOmissionReason,
    /// The professional who recorded it.
    pub recorded_by: crate::ProfessionalId,
    /// When (ISO 8601 date); not before the child's birth.
    #[serde(deserialize_with = "crate::canonical_date::deserialize")]
    pub recorded_on: NaiveDate,
}

crate::validated! {
    /// The child or young person at the centre of a partnership record.
    ///
    /// Built from [`ChildProfileParts`] through `try_from`, which rejects a recorded
    /// view dated before the birth and two identifiers of the same system; the same
    /// checks run when the profile is read from JSON.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::core::{ChildId, ChildProfile, ChildProfileParts, Label, NhsNumber, SchoolYear, Sensitive};
    ///
    /// let child = ChildProfile::try_from(ChildProfileParts {
    ///     id: ChildId::random(),
    ///     name: Sensitive::new(Label::new("Layla Ahmed").unwrap()),
    ///     date_of_birth: NaiveDate::from_ymd_opt(2022, 10, 3).unwrap(),
    ///     nhs_number: Some(NhsNumber::parse("943 476 5919").unwrap()),
    ///     identifiers: vec![],
    ///     identifier_omitted: None,
    ///     communication_needs: vec![],
    ///     views: vec![],
    /// })
    /// .unwrap();
    ///
    /// let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    /// assert_eq!(child.age_on(today).unwrap(), 4);
    /// assert_eq!(child.school_year_on(today).unwrap(), SchoolYear::Nursery);
    /// assert!(!format!("{child:?}").contains("Layla"));
    /// ```
    #[derive(Clone, PartialEq, Eq)]
    pub struct ChildProfile(ChildProfileParts);
    check = check_child;
    error = CoreError;
}

impl ChildProfile {
    /// The child's id.
    pub fn id(&self) -> ChildId {
        self.0.id
    }

    /// The child's name. Personal data.
    pub fn name(&self) -> &Sensitive<Label> {
        &self.0.name
    }

    /// Date of birth (ISO 8601 date).
    pub fn date_of_birth(&self) -> NaiveDate {
        self.0.date_of_birth
    }

    /// NHS number, when known. Personal data.
    pub fn nhs_number(&self) -> &Option<NhsNumber> {
        &self.0.nhs_number
    }

    /// Identifiers from other schemes (local case number, unique pupil number, an NHS
    /// number since replaced); at most one per system on any day.
    pub fn identifiers(&self) -> &[Identifier] {
        &self.0.identifiers
    }

    /// The identifiers that identify the child on `day`.
    pub fn identifiers_on(&self, day: NaiveDate) -> impl Iterator<Item = &Identifier> {
        self.0
            .identifiers
            .iter()
            .filter(move |i| i.is_valid_on(day))
    }

    /// Why the consistent child identifier is left out, when it is.
    pub fn identifier_omitted(&self) -> Option<&IdentifierOmission> {
        self.0.identifier_omitted.as_ref()
    }

    /// Whether, on `day`, the consistent child identifier (Children Act 2004 s.16LC;
    /// the NHS number is the identifier intended) is recorded (as `nhsNumber`, or under
    /// the NHS number's system and valid that day), or its absence explained by one of
    /// the exceptions recorded by then.
    pub fn consistent_identifier_accounted_for(&self, day: NaiveDate) -> bool {
        self.0.nhs_number.is_some()
            || self
                .0
                .identifiers
                .iter()
                .any(|i| i.is_nhs_number() && i.is_valid_on(day))
            || self
                .0
                .identifier_omitted
                .as_ref()
                .is_some_and(|o| o.recorded_on <= day)
    }

    /// How the child communicates and what helps them take part.
    pub fn communication_needs(&self) -> &[CommunicationNeed] {
        &self.0.communication_needs
    }

    /// The child's own views, as recorded, oldest first; none may predate the birth.
    pub fn views(&self) -> &[ChildView] {
        &self.0.views
    }
}

impl ChildProfile {
    /// The child's age in whole years on `date`.
    ///
    /// A child born on 29 February has their birthday on 1 March in a common year,
    /// the usual reading in England and Wales. A date before the birth is an error.
    ///
    /// # Errors
    ///
    /// [`CoreError`] when `date` is before the date of birth.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
    /// # use partnership::chrono::NaiveDate;
    /// # use partnership::core::*;
    /// # let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// # let child = ChildProfile::try_from(ChildProfileParts {
    /// #     id: ChildId::random(), name: Sensitive::new(Label::new("A").unwrap()),
    /// #     date_of_birth: d(2020, 2, 29), nhs_number: None, identifiers: vec![], identifier_omitted: None,
    /// #     communication_needs: vec![], views: vec![] }).unwrap();
    /// assert_eq!(child.age_on(d(2024, 2, 28)).unwrap(), 3);
    /// assert_eq!(child.age_on(d(2024, 2, 29)).unwrap(), 4);
    /// assert_eq!(child.age_on(d(2025, 2, 28)).unwrap(), 4);
    /// assert_eq!(child.age_on(d(2025, 3, 1)).unwrap(), 5);
    /// assert!(child.age_on(d(2020, 2, 28)).is_err());
    /// ```
    pub fn age_on(&self, date: NaiveDate) -> Result<u32, CoreError> {
        age_on(self.date_of_birth(), date)
    }

    /// The child's school year in England, by age, on `date`; see [`SchoolYear::on`].
    ///
    /// # Errors
    ///
    /// [`CoreError::BeforeBirth`] when `date` is before the date of birth.
    pub fn school_year_on(&self, date: NaiveDate) -> Result<SchoolYear, CoreError> {
        SchoolYear::on(self.date_of_birth(), date)
    }

    /// When the child is of compulsory school age in England; see
    /// [`CompulsorySchoolAge`](crate::CompulsorySchoolAge). `None` only for a date of
    /// birth at the far end of the calendar's range.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
    /// # use partnership::chrono::NaiveDate;
    /// # use partnership::core::*;
    /// # let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// # let child = ChildProfile::try_from(ChildProfileParts {
    /// #     id: ChildId::random(), name: Sensitive::new(Label::new("A").unwrap()),
    /// #     date_of_birth: d(2022, 1, 12), nhs_number: None, identifiers: vec![], identifier_omitted: None,
    /// #     communication_needs: vec![], views: vec![] }).unwrap();
    /// let age = child.compulsory_school_age().unwrap();
    /// assert_eq!(age.begins, d(2027, 3, 31));
    /// ```
    pub fn compulsory_school_age(&self) -> Option<crate::CompulsorySchoolAge> {
        crate::CompulsorySchoolAge::of_child_born(self.date_of_birth())
    }

    /// The most recent recorded view on or before `date`, if any.
    pub fn latest_view_on(&self, date: NaiveDate) -> Option<&ChildView> {
        self.views()
            .iter()
            .filter(|view| view.recorded_on <= date)
            .max_by_key(|view| view.recorded_on)
    }
}

/// Age in whole years on `date` of someone born on `date_of_birth`.
///
/// # Errors
///
/// [`CoreError`] when `date` is before the date of birth.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// # use partnership::chrono::NaiveDate;
/// # use partnership::core::age_on;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(age_on(d(2010, 9, 1), d(2026, 8, 31)).unwrap(), 15);
/// assert_eq!(age_on(d(2010, 9, 1), d(2026, 9, 1)).unwrap(), 16);
/// ```
pub fn age_on(date_of_birth: NaiveDate, date: NaiveDate) -> Result<u32, CoreError> {
    if date < date_of_birth {
        return Err(CoreError::BeforeBirth {
            field: crate::FieldPath::field("date"),
        });
    }
    let had_birthday = (date.month(), date.day()) >= (date_of_birth.month(), date_of_birth.day());
    let years = date.year() - date_of_birth.year() - i32::from(!had_birthday);
    // Non-negative because date >= date_of_birth.
    Ok(u32::try_from(years).unwrap_or_default())
}

crate::labelled_enum! {
    /// How a child communicates, and what helps them take part.
    pub enum CommunicationNeed {
        /// Uses visual supports: pictures, symbols, a visual timetable, objects of reference.
        VisualSupports => "visual-supports", "uses visual supports";
        /// Uses British Sign Language.
        BritishSignLanguage => "british-sign-language", "uses British Sign Language";
        /// Uses Makaton signs and symbols.
        Makaton => "makaton", "uses Makaton";
        /// Uses an augmentative and alternative communication (AAC) device.
        AacDevice => "aac-device", "uses an AAC device";
        /// Does not use speech to communicate.
        NonSpeaking => "non-speaking", "non-speaking";
        /// Needs extra time to process language and respond.
        ExtraProcessingTime => "extra-processing-time", "needs extra processing time";
        /// Speaks a language other than English at home and needs an interpreter.
        Interpreter => "interpreter", "needs an interpreter";
        /// Has a hearing impairment.
        HearingImpairment => "hearing-impairment", "hearing impairment";
        /// Has a visual impairment.
        VisualImpairment => "visual-impairment", "visual impairment";
    }
    /// Anything else.
    Other { label: Label => "The need, in words." }
}

crate::labelled_enum! {
    /// What helped the child give their view.
    pub enum ParticipationAid {
        /// Visual materials: photographs, symbols, talking mats, emotion cards.
        VisualMaterials => "visual-materials", "visual materials";
        /// Sign language or Makaton.
        Signing => "signing", "signing";
        /// An AAC device.
        AacDevice => "aac-device", "an AAC device";
        /// An interpreter.
        Interpreter => "interpreter", "an interpreter";
        /// An independent advocate.
        Advocate => "advocate", "an advocate";
        /// A trusted adult the child chose.
        TrustedAdult => "trusted-adult", "a trusted adult";
        /// Drawing or play.
        DrawingOrPlay => "drawing-or-play", "drawing or play";
    }
    /// Anything else.
    Other { label: Label => "The aid, in words." }
}

/// A view the child expressed, recorded on a date with the aids that helped.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::chrono::NaiveDate;
/// use partnership::core::{ChildView, ParticipationAid, PartyRef, ProfessionalId, Sensitive};
///
/// let view = ChildView {
///     recorded_on: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
///     recorded_by: PartyRef::Professional { id: ProfessionalId::random() },
///     aids: vec![ParticipationAid::VisualMaterials],
///     view: Sensitive::new("Pointed to the happy face for painting, sad face for lunch hall".into()),
/// };
/// assert!(!format!("{view:?}").contains("painting"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChildView {
    /// When the view was recorded.
    #[serde(deserialize_with = "crate::canonical_date::deserialize")]
    pub recorded_on: NaiveDate,
    /// Who recorded it.
    pub recorded_by: PartyRef,
    /// What helped the child express it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aids: Vec<ParticipationAid>,
    /// The view, in the child's words where possible. Personal data.
    pub view: Sensitive<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts() -> ChildProfileParts {
        ChildProfileParts {
            id: ChildId::from_uuid(uuid::Uuid::nil()),
            name: Sensitive::new(Label::new("Test Child").unwrap()),
            date_of_birth: NaiveDate::from_ymd_opt(2020, 5, 1).unwrap(),
            nhs_number: None,
            identifiers: vec![],
            identifier_omitted: None,
            communication_needs: vec![],
            views: vec![],
        }
    }

    #[test]
    fn view_before_birth_is_rejected_with_its_pointer() {
        let mut p = parts();
        p.views.push(ChildView {
            recorded_on: NaiveDate::from_ymd_opt(2020, 4, 30).unwrap(),
            recorded_by: PartyRef::Child { id: p.id },
            aids: vec![],
            view: Sensitive::new("x".into()),
        });
        let err = ChildProfile::try_from(p).unwrap_err();
        assert_eq!(err.to_string(), "is before the child's date of birth");
        assert_eq!(
            crate::Located::field(&err),
            crate::FieldPath::field("views").index(0).then("recordedOn")
        );
    }

    #[test]
    fn duplicate_identifier_system_is_rejected() {
        let mut p = parts();
        let id = |v: &str| {
            Identifier::new(
                Label::new("local-case").unwrap(),
                Sensitive::new(Label::new(v).unwrap()),
            )
        };
        p.identifiers = vec![id("A1"), id("B2")];
        assert_eq!(
            ChildProfile::try_from(p),
            Err(CoreError::DuplicateIdentifierSystem { index: 1 })
        );
    }

    #[test]
    fn one_identifier_per_system_on_any_day() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        let id = |v: &str, from, until| Identifier {
            valid_from: from,
            valid_until: until,
            ..Identifier::new(
                Label::new("https://fhir.nhs.uk/Id/nhs-number").unwrap(),
                Sensitive::new(Label::new(v).unwrap()),
            )
        };
        // A number replaced on adoption, and its successor from the next day.
        let mut p = parts();
        p.identifiers = vec![id("A1", None, d(2024, 3, 1)), id("B2", d(2024, 3, 2), None)];
        let child = ChildProfile::try_from(p.clone()).unwrap();
        assert_eq!(child.identifiers_on(d(2024, 3, 1).unwrap()).count(), 1);
        assert_eq!(
            child
                .identifiers_on(d(2024, 3, 2).unwrap())
                .next()
                .map(|i| i.valid_from),
            Some(d(2024, 3, 2))
        );
        // Sharing the handover day: two numbers in force at once.
        p.identifiers[1].valid_from = d(2024, 3, 1);
        assert_eq!(
            ChildProfile::try_from(p.clone()),
            Err(CoreError::DuplicateIdentifierSystem { index: 1 })
        );
        // A period that ends before it starts.
        p.identifiers = vec![id("A1", d(2024, 3, 2), d(2024, 3, 1))];
        let err = ChildProfile::try_from(p).unwrap_err();
        assert_eq!(err, CoreError::IdentifierPeriodEndsBeforeStart { index: 0 });
        assert_eq!(
            crate::Located::field(&err),
            crate::FieldPath::field("identifiers")
                .index(0)
                .then("validUntil")
        );
    }

    #[test]
    fn an_identifier_left_out_says_which_exception() {
        let omitted = |reason| IdentifierOmission {
            reason,
            recorded_by: crate::ProfessionalId::random(),
            recorded_on: NaiveDate::from_ymd_opt(2027, 9, 6).unwrap(),
        };
        let mut p = parts();
        p.identifier_omitted = Some(omitted(
            IdentifierOmissionReason::NotKnownAndFindingItWouldDelay,
        ));
        let child = ChildProfile::try_from(p.clone()).unwrap();
        let on = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert!(child.consistent_identifier_accounted_for(on(2027, 9, 6)));
        // Recorded later than the day asked about: not yet accounted for.
        assert!(!child.consistent_identifier_accounted_for(on(2027, 9, 5)));
        // Not known while the record holds it: a contradiction.
        p.nhs_number = Some(crate::NhsNumber::parse("943 476 5919").unwrap());
        assert_eq!(
            ChildProfile::try_from(p.clone()),
            Err(CoreError::OmittedIdentifierIsKnown)
        );
        // Known and still left out as more detrimental to the child (s.16LC(7)).
        p.identifier_omitted = Some(omitted(IdentifierOmissionReason::MoreDetrimentalToTheChild));
        assert!(ChildProfile::try_from(p.clone()).is_ok());
        // Recorded before the birth.
        p.identifier_omitted = Some(IdentifierOmission {
            recorded_on: NaiveDate::from_ymd_opt(2019, 1, 1).unwrap(),
            ..omitted(IdentifierOmissionReason::WouldNotHelp)
        });
        assert!(matches!(
            ChildProfile::try_from(p),
            Err(CoreError::BeforeBirth { .. })
        ));
        // Neither recorded nor explained.
        assert!(
            !ChildProfile::try_from(parts())
                .unwrap()
                .consistent_identifier_accounted_for(NaiveDate::from_ymd_opt(2027, 9, 6).unwrap())
        );
    }
}
