//! Proptest strategies for valid values of this crate's public types (feature
//! `proptest`), so the other crates and the root tests compose records from them
//! instead of writing generators twice.
//!
//! ```
//! use proptest::prelude::*;
//! use partnership_core::strategies;
//!
//! proptest!(|(nhs in strategies::nhs_number())| {
//!     prop_assert_eq!(nhs.expose_digits().len(), 10);
//! });
//! ```

use chrono::{Duration, NaiveDate};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;
use serde::{Serialize, de::DeserializeOwned};
use uuid::Uuid;

use crate::{
    Agency, AgencyKind, ChildProfile, ChildProfileParts, ChildView, CommunicationNeed, DayOfWeek,
    Identifier, Label, NhsNumber, ParticipationAid, PartyRef, Professional, ProfessionalRole,
    Sensitive, TimeOfDay,
};

/// Any typed id (or anything else built from a UUID).
pub fn id<T: From<Uuid> + std::fmt::Debug>() -> impl Strategy<Value = T> {
    any::<u128>().prop_map(|n| T::from(Uuid::from_u128(n)))
}

/// A date from 1990-01-01 to 2100-12-31: the span a children's record plausibly covers.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    date_between(ymd(1990, 1, 1), ymd(2100, 12, 31))
}

/// A date from `from` to `until`, both included (`until` before `from` gives `from`).
pub fn date_between(from: NaiveDate, until: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    let days = (until - from).num_days().max(0);
    (0..=days).prop_map(move |n| from + Duration::days(n))
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Personal free text: four or more characters including at least one letter
/// outside ASCII.
///
/// The non-ASCII letter is what lets the redaction properties be exact: the
/// non-personal parts of any `Debug` output in this workspace (field names, enum
/// variants, ids, dates) are ASCII, so a leak of this text can never be confused
/// with a coincidental match.
pub fn personal_text() -> impl Strategy<Value = String> {
    "[A-Za-z ]{0,8}[éøßñžłğçåİ][A-Za-z ,.'-]{2,24}"
}

/// [`personal_text`] as a [`Sensitive`] [`Label`], for names.
pub fn personal_label() -> impl Strategy<Value = Sensitive<Label>> {
    personal_text().prop_filter_map("valid label", |s| Label::new(s).ok().map(Sensitive::new))
}

/// [`personal_text`] as [`Sensitive`] free text, for notes.
pub fn personal_note() -> impl Strategy<Value = Sensitive<String>> {
    personal_text().prop_map(Sensitive::new)
}

/// A non-personal label such as an `other` choice's text.
pub fn label() -> impl Strategy<Value = Label> {
    "[A-Za-z][A-Za-z0-9 ,.'()-]{0,40}".prop_filter_map("valid label", |s| Label::new(s).ok())
}

/// A valid NHS number.
pub fn nhs_number() -> impl Strategy<Value = NhsNumber> {
    "[0-9]{9}".prop_filter_map("first nine digits admit a check digit", |nine| {
        (0..10).find_map(|check| NhsNumber::parse(&format!("{nine}{check}")).ok())
    })
}

/// An identifier from another scheme.
pub fn identifier() -> impl Strategy<Value = Identifier> {
    (label(), personal_label()).prop_map(|(system, value)| Identifier::new(system, value))
}

/// A time of day.
pub fn time_of_day() -> impl Strategy<Value = TimeOfDay> {
    (0u8..24, 0u8..60).prop_map(|(h, m)| TimeOfDay::new(h, m).unwrap_or(TimeOfDay::MIDNIGHT))
}

/// A day of the week.
pub fn day_of_week() -> impl Strategy<Value = DayOfWeek> {
    select(DayOfWeek::ALL.to_vec())
}

/// A reference to a carer, professional or child with a random id.
pub fn party_ref() -> impl Strategy<Value = PartyRef> {
    prop_oneof![
        id().prop_map(|id| PartyRef::Carer { id }),
        id().prop_map(|id| PartyRef::Professional { id }),
        id().prop_map(|id| PartyRef::Child { id }),
    ]
}

/// Any choice of a [`labelled_enum!`](crate::labelled_enum): one of the fixed
/// choices, or `other` with a label.
pub fn labelled<T: Clone + std::fmt::Debug + 'static>(
    fixed: &'static [T],
    other: fn(Label) -> T,
) -> impl Strategy<Value = T> {
    prop_oneof![4 => select(fixed), 1 => label().prop_map(other)]
}

/// A professional role.
pub fn professional_role() -> impl Strategy<Value = ProfessionalRole> {
    labelled(ProfessionalRole::FIXED, |label| ProfessionalRole::Other {
        label,
    })
}

/// A kind of agency.
pub fn agency_kind() -> impl Strategy<Value = AgencyKind> {
    labelled(AgencyKind::FIXED, |label| AgencyKind::Other { label })
}

/// An agency.
pub fn agency() -> impl Strategy<Value = Agency> {
    (
        id(),
        label(),
        agency_kind(),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(id, name, kind, public_authority)| Agency {
            id,
            name,
            kind,
            public_authority,
        })
}

/// A professional belonging to a random agency.
pub fn professional() -> impl Strategy<Value = Professional> {
    (
        id(),
        personal_label(),
        professional_role(),
        id(),
        proptest::option::of(personal_label()),
    )
        .prop_map(|(id, name, role, agency, work_contact)| Professional {
            id,
            name,
            role,
            agency,
            work_contact,
        })
}

/// A communication need.
pub fn communication_need() -> impl Strategy<Value = CommunicationNeed> {
    labelled(CommunicationNeed::FIXED, |label| CommunicationNeed::Other {
        label,
    })
}

/// An aid that helped a child give their view.
pub fn participation_aid() -> impl Strategy<Value = ParticipationAid> {
    labelled(ParticipationAid::FIXED, |label| ParticipationAid::Other {
        label,
    })
}

/// A view recorded on or after `not_before`.
pub fn child_view(not_before: NaiveDate) -> impl Strategy<Value = ChildView> {
    (
        date_between(not_before, not_before + Duration::days(18 * 366)),
        party_ref(),
        vec(participation_aid(), 0..3),
        personal_note(),
    )
        .prop_map(|(recorded_on, recorded_by, aids, view)| ChildView {
            recorded_on,
            recorded_by,
            aids,
            view,
        })
}

/// A valid child profile born between 2005 and 2026.
pub fn child_profile() -> impl Strategy<Value = ChildProfile> {
    date_between(ymd(2005, 1, 1), ymd(2026, 12, 31))
        .prop_flat_map(|date_of_birth| {
            (
                id(),
                personal_label(),
                Just(date_of_birth),
                proptest::option::of(nhs_number()),
                vec(identifier(), 0..3),
                vec(communication_need(), 0..3),
                vec(child_view(date_of_birth), 0..3),
                proptest::option::weighted(
                    0.2,
                    (
                        prop_oneof![
                            Just(crate::IdentifierOmissionReason::WouldNotHelp),
                            Just(crate::IdentifierOmissionReason::MoreDetrimentalToTheChild),
                            Just(crate::IdentifierOmissionReason::NotKnownAndFindingItWouldDelay),
                        ],
                        id(),
                        0i64..4000,
                    )
                        .prop_map(move |(reason, recorded_by, days)| {
                            crate::IdentifierOmission {
                                reason,
                                recorded_by,
                                recorded_on: date_of_birth + chrono::Duration::days(days),
                            }
                        }),
                ),
            )
        })
        .prop_filter_map(
            "identifier systems unique",
            |(
                id,
                name,
                date_of_birth,
                nhs_number,
                identifiers,
                communication_needs,
                views,
                identifier_omitted,
            )| {
                ChildProfile::try_from(ChildProfileParts {
                    id,
                    name,
                    date_of_birth,
                    nhs_number,
                    identifiers,
                    identifier_omitted,
                    communication_needs,
                    views,
                })
                .ok()
            },
        )
}

/// Checks the JSON round trip every public type promises: written, read back through
/// the same checks a partner's document meets ([`crate::json::from_json_str`]), equal
/// to the original, and written again to the same bytes.
///
/// # Errors
///
/// A failed test case when the value does not come back equal from its JSON.
pub fn json_round_trip<T>(value: &T) -> Result<(), TestCaseError>
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let json = serde_json::to_string(value).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let back: T =
        crate::json::from_json_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back, value);
    let again = serde_json::to_string(&back).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(again, json);
    Ok(())
}

/// Every string in `value`'s JSON that holds [`personal_text`] (recognised by its
/// letter outside ASCII), for redaction properties: none of them may appear in the
/// value's `Debug` output.
pub fn personal_strings(value: &impl Serialize) -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) if !s.is_ascii() => out.push(s.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            serde_json::Value::Object(map) => map.values().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(json) = serde_json::to_value(value) {
        walk(&json, &mut out);
    }
    out
}
