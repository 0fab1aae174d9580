//! The families the synthetic children live in.

use chrono::{Days, NaiveDate};
use partnership_carers::{
    Carer, CarerParts, Channel, CommunicationPreferences, CulturalConsiderations, DelegatedArea,
    Involvement, LanguageTag, LegalStanding, ParentalResponsibilityBasis, Relationship,
};

use super::parts::{Ids, LANGUAGES, Rng, person, pr};
use crate::kit::Fallible;

pub(super) struct Family {
    pub(super) carers: Vec<Carer>,
    pub(super) foster: bool,
}

pub(super) fn family(
    ids: &mut Ids,
    rng: &mut Rng,
    surname: &str,
    dob: NaiveDate,
) -> Fallible<Family> {
    let mut make = |rng: &mut Rng,
                    relationship: Relationship,
                    legal_standing: LegalStanding,
                    lives_with_child: bool,
                    primary_contact: bool|
     -> Fallible<Carer> {
        let language = rng.pick(&LANGUAGES).ok_or("no languages")?;
        let mut communication =
            CommunicationPreferences::in_language(LanguageTag::parse(*language)?);
        communication.interpreter_needed = *language != "en-GB" && rng.chance(50);
        communication.channels = vec![
            *rng.pick(&[
                Channel::Phone,
                Channel::TextMessage,
                Channel::Email,
                Channel::FaceToFace,
            ])
            .ok_or("no channels")?,
        ];
        Ok(Carer::try_from(CarerParts {
            id: ids.id(),
            name: person(rng, surname)?,
            relationship,
            legal_standing,
            lives_with_child,
            primary_contact,
            communication,
            considerations: CulturalConsiderations::default(),
            support: vec![],
            adjustments: vec![],
            involvement: Involvement::default(),
        })?)
    };
    let roll = rng.below(100);
    let after_birth = dob + Days::new(14);
    let father = if rng.chance(50) {
        pr(ParentalResponsibilityBasis::MarriedToMotherAtBirth)
    } else {
        LegalStanding::ParentalResponsibility {
            basis: ParentalResponsibilityBasis::NamedOnBirthRegister,
            since: Some(after_birth),
            until: None,
        }
    };
    let carers = match roll {
        0..45 => vec![
            make(
                rng,
                Relationship::BirthParent,
                pr(ParentalResponsibilityBasis::BirthMother),
                true,
                true,
            )?,
            make(rng, Relationship::BirthParent, father, true, false)?,
        ],
        45..70 => vec![make(
            rng,
            Relationship::BirthParent,
            pr(ParentalResponsibilityBasis::BirthMother),
            true,
            true,
        )?],
        70..80 => vec![make(
            rng,
            Relationship::Grandparent,
            LegalStanding::ParentalResponsibility {
                basis: ParentalResponsibilityBasis::SpecialGuardianshipOrder,
                since: Some(dob + Days::new(400)),
                until: None,
            },
            true,
            true,
        )?],
        80..90 => {
            let delegated = || LegalStanding::DelegatedAuthority {
                areas: vec![DelegatedArea::Education, DelegatedArea::LeisureAndTrips],
                placement_plan_dated: None,
            };
            vec![
                make(rng, Relationship::FosterCarer, delegated(), true, true)?,
                make(rng, Relationship::FosterCarer, delegated(), true, false)?,
                make(
                    rng,
                    Relationship::BirthParent,
                    pr(ParentalResponsibilityBasis::BirthMother),
                    false,
                    false,
                )?,
            ]
        }
        _ => vec![
            make(
                rng,
                Relationship::BirthParent,
                pr(ParentalResponsibilityBasis::BirthMother),
                true,
                true,
            )?,
            make(
                rng,
                Relationship::StepParent,
                LegalStanding::None,
                true,
                false,
            )?,
        ],
    };
    Ok(Family {
        carers,
        foster: (80..90).contains(&roll),
    })
}
