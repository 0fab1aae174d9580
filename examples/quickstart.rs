//! Quickstart: a child, her two carers, how each prefers to hear from the nursery,
//! whether the updates they agreed are on time, the whole record's practice report,
//! and what a partner system is told when a record does not hold together.
//!
//! Run with `cargo run --example quickstart`.
//!
//! Layla is four and at nursery; her speech is developing more slowly than expected.
//! Her mother prefers Arabic and texts; her father works nights and can only meet in
//! the evening, never on a Friday. The nursery agreed to update each of them on a
//! rhythm that suits them. The partnership model asks that those agreements are kept:
//! this program says whether they are.

use std::error::Error;

use partnership::carers::{
    AvailabilityWindow, ContactRecord, ContactRecordParts, ReligiousObservance,
};
use partnership::core::{Agency, AgencyKind, CommunicationNeed, DayOfWeek, ProfessionalRole};
use partnership::prelude::*;

fn main() -> Result<(), Box<dyn Error>> {
    let today = date(2026, 11, 23)?;

    // The child, as a partner system would send her.
    let layla: ChildProfile = from_json_str(
        r#"{
            "id": "5b0c2f0e-8d43-4c55-9f0e-0d6b2a7c1e11",
            "name": "Layla Ahmed",
            "dateOfBirth": "2022-10-03",
            "nhsNumber": "943 476 5919",
            "communicationNeeds": [{"kind": "visual-supports"}, {"kind": "extra-processing-time"}]
        }"#,
    )?;

    let key_worker: ProfessionalId = "2d9c6a1e-7f3b-4c8d-9e0a-1b2c3d4e5f60".parse()?;

    // Her mother: Arabic, an interpreter at meetings, texts first.
    let mut mum_prefs = CommunicationPreferences::in_language(LanguageTag::parse("ar")?);
    mum_prefs.channels = vec![Channel::TextMessage, Channel::FaceToFace];
    mum_prefs.interpreter_needed = true;
    let mum = Carer::try_from(CarerParts {
        id: "6f1b0c2e-4d8a-4a7e-9b3f-1c2d3e4f5a6b".parse()?,
        name: Sensitive::new(Label::new("Samira Ahmed")?),
        relationship: Relationship::BirthParent,
        legal_standing: LegalStanding::ParentalResponsibility {
            basis: ParentalResponsibilityBasis::BirthMother,
            since: None,
            until: None,
        },
        lives_with_child: true,
        primary_contact: true,
        communication: mum_prefs,
        considerations: CulturalConsiderations::default(),
        support: vec![],
        adjustments: vec![],
        involvement: Involvement::default(),
    })?;

    // Her father: night shifts, so evening video calls; Friday prayers, so no Fridays.
    let mut dad_prefs = CommunicationPreferences::in_language(LanguageTag::parse("en-GB")?);
    dad_prefs.channels = vec![Channel::VideoCall, Channel::Email];
    dad_prefs.availability = vec![
        AvailabilityWindow::new(DayOfWeek::Monday, "18:30".parse()?, "20:00".parse()?)?,
        AvailabilityWindow::new(DayOfWeek::Wednesday, "18:30".parse()?, "20:00".parse()?)?,
    ];
    let mut dad_considerations = CulturalConsiderations::default();
    dad_considerations
        .religious_observances
        .push(ReligiousObservance {
            observance: Sensitive::new(Label::new("Jumu'ah prayers")?),
            days_to_avoid: vec![DayOfWeek::Friday],
            dates_to_avoid: vec![],
        });
    let dad = Carer::try_from(CarerParts {
        id: "7a2c1d3f-5e9b-4b8f-8c40-2d3e4f5a6b7c".parse()?,
        name: Sensitive::new(Label::new("Yusuf Ahmed")?),
        relationship: Relationship::BirthParent,
        legal_standing: LegalStanding::ParentalResponsibility {
            basis: ParentalResponsibilityBasis::NamedOnBirthRegister,
            since: Some(date(2022, 10, 20)?),
            until: None,
        },
        lives_with_child: true,
        primary_contact: false,
        communication: dad_prefs,
        considerations: dad_considerations,
        support: vec![],
        adjustments: vec![],
        involvement: Involvement::default(),
    })?;

    // What was agreed with each of them.
    let agreements = [
        CommunicationAgreement {
            id: "8b3d2e4a-6f0c-4c9a-9d51-3e4f5a6b7c8d".parse()?,
            carer: mum.id(),
            frequency: UpdateFrequency::Fortnightly,
            channel: Channel::TextMessage,
            updates_given_by: PartyRef::Professional { id: key_worker },
            agreed_on: date(2026, 9, 7)?,
        },
        CommunicationAgreement {
            id: "9c4e3f5b-7a1d-4dab-8e62-4f5a6b7c8d9e".parse()?,
            carer: dad.id(),
            frequency: UpdateFrequency::Monthly,
            channel: Channel::VideoCall,
            updates_given_by: PartyRef::Professional { id: key_worker },
            agreed_on: date(2026, 9, 7)?,
        },
    ];

    // The contact log: when each last heard how things are going.
    let log = ContactLog::try_from(vec![
        contact(
            "0b7f3c8e-2a1d-4f6b-8c9e-7d6a5b4c3e2f",
            date(2026, 10, 12)?,
            Channel::VideoCall,
            vec![dad.id().into(), key_worker.into()],
        )?,
        contact(
            "1c8a4d9f-3b2e-4a7c-9d0f-8e7b6c5d4f3a",
            date(2026, 11, 9)?,
            Channel::TextMessage,
            vec![mum.id().into(), key_worker.into()],
        )?,
    ])?;

    println!("Partnership summary as of {today}");
    println!();
    let school_year = layla.school_year_on(today)?;
    let reception = SchoolYear::Reception
        .academic_year_for(layla.date_of_birth())
        .map(|y| format!(", starts Reception in academic year {y}"))
        .unwrap_or_default();
    println!(
        "Child: {} years old, {school_year}{reception}",
        layla.age_on(today)?
    );
    let needs: Vec<String> = layla
        .communication_needs()
        .iter()
        .map(CommunicationNeed::to_string)
        .collect();
    println!("Communication: {}", needs.join("; "));
    println!();
    println!("Carers");
    for carer in [&mum, &dad] {
        println!("- {}", carer.describe());
        let prefs = &carer.communication();
        let channels: Vec<String> = prefs.channels.iter().map(Channel::to_string).collect();
        let mut line = format!(
            "  prefers {}; language {}",
            channels.join(", then "),
            prefs.preferred_language
        );
        if prefs.interpreter_needed {
            line.push_str("; needs an interpreter at meetings");
        }
        if carer.primary_contact() {
            line.push_str("; primary contact");
        }
        println!("{line}");
        for window in &prefs.availability {
            println!(
                "  can meet {} {}-{}",
                window.day(),
                window.from(),
                window.until()
            );
        }
        let avoid: Vec<String> = carer
            .considerations()
            .religious_observances
            .iter()
            .flat_map(|o| o.days_to_avoid.iter().map(DayOfWeek::to_string))
            .collect();
        if !avoid.is_empty() {
            println!(
                "  no meetings on {} (religious observance)",
                avoid.join(", ")
            );
        }
        for agreement in agreements.iter().filter(|a| a.carer == carer.id()) {
            let last = log.last_contact_with(carer.id().into(), today);
            let status = match (last, last.and_then(|l| agreement.next_update_due(l))) {
                (Some(last), Some(due)) if agreement.is_overdue(today, last) => format!(
                    "last {last}, was due by {due}: overdue by {} days",
                    (today - due).num_days()
                ),
                (Some(last), Some(due)) => format!("last {last}, next due by {due}: on time"),
                _ => "no update recorded yet".to_string(),
            };
            println!(
                "  updates {} by {}: {status}",
                agreement.frequency, agreement.channel
            );
        }
    }
    println!();
    // Debug is for logs, and logs must not hold personal data: every name,
    // contact detail and note is Sensitive, so it prints as ***.
    println!("In a log line (Debug), a name reads: {:?}", mum.name());
    let debug = format!("{layla:?}{mum:?}{dad:?}{log:?}");
    assert!(!debug.contains("Ahmed") && !debug.contains("5919"));

    // The whole record: opened by the key worker for her nursery, then the parts
    // above added as changes, each checked against the record and kept with who
    // made it and when (the record's provenance).
    let nursery = Agency {
        id: "3e0a7b2c-8d4f-4e1a-9b6c-5d4e3f2a1b0c".parse()?,
        name: Label::new("Little Acorns Nursery")?,
        kind: AgencyKind::EarlyYears,
        public_authority: None,
    };
    let priya = Professional {
        id: key_worker,
        name: Sensitive::new(Label::new("Priya Shah")?),
        role: ProfessionalRole::EarlyYearsKeyWorker,
        agency: nursery.id,
        work_contact: None,
    };
    let opened = Utc
        .with_ymd_and_hms(2026, 9, 7, 9, 0, 0)
        .single()
        .ok_or("no such time")?;
    let mut record = PartnershipRecord::new(
        "4f1b8c3d-9e5a-4f2b-8c7d-6e5f4a3b2c1d".parse()?,
        layla,
        nursery,
        priya,
        opened,
    )?;
    let changes = [Change::AddCarer(mum.clone()), Change::AddCarer(dad.clone())]
        .into_iter()
        .chain(agreements.iter().cloned().map(Change::AddAgreement))
        .chain(log.iter().cloned().map(Change::RecordContact));
    // Typed up this morning.
    let recorded = Utc
        .with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .ok_or("no such time")?;
    for change in changes {
        record.apply(change, key_worker, recorded)?;
    }
    println!();
    print!("{}", record.practice_report(today).to_text());

    // A partner system sends a record whose agreement names a carer who is not in
    // it: every problem comes back with a JSON Pointer, and no personal data.
    let mut broken: serde_json::Value = serde_json::from_str(&record.to_json())?;
    for (pointer, value) in [
        (
            "/communicationAgreements/1/carer",
            "00000000-0000-4000-8000-00000000dead",
        ),
        ("/contactLog/0/participants/1/kind", "carer"),
    ] {
        if let Some(slot) = broken.pointer_mut(pointer) {
            *slot = value.into();
        }
    }
    match PartnershipRecord::from_json(&broken.to_string()) {
        Ok(_) => println!("\nUnexpectedly valid."),
        Err(err) => println!("\nA partner's copy with two mistakes is refused:\n{err}"),
    }
    Ok(())
}

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("no such date {y}-{m}-{d}"))
}

fn contact(
    id: &str,
    on: NaiveDate,
    channel: Channel,
    participants: Vec<PartyRef>,
) -> Result<ContactRecord, Box<dyn Error>> {
    Ok(ContactRecord::try_from(ContactRecordParts {
        id: id.parse()?,
        date: on,
        channel,
        participants,
        summary: Sensitive::new("How Layla's words are coming along".into()),
        agreed_actions: vec![],
    })?)
}
