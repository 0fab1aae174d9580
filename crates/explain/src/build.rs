//! The three documents, built from the record's own facts.

use chrono::NaiveDate;
use partnership_carers::{Carer, Channel};
use partnership_consent::{
    CarersTold, ConsentGiver, DataCategory, PermitBasis, Purpose, Recipient, RecipientScope,
    RefusalReason, SharingDecision,
};
use partnership_core::{CarerId, ConsentId, PartyRef, ProfessionalId, ProfessionalRole};
use partnership_record::PartnershipRecord;
use partnership_reviews::WorkingCalendar;

use crate::plain;
use crate::words::{Language, Words};
use crate::{
    CarerDocument, DocumentKind, ExplainError, Explained, Form, Reader, ReaderKind, explain_jargon,
    use_preferred_terms,
};

/// The longest text message sent as one: two segments of the GSM 7-bit alphabet
/// (153 characters each once split), or of UCS-2 (67 each) when a character is
/// outside it.
const TWO_SEGMENTS_GSM: usize = 306;
const TWO_SEGMENTS_UCS2: usize = 134;

/// Someone a document is written for, with what the record says of how to write to
/// them.
struct Audience<'a> {
    record: &'a PartnershipRecord,
    reader: Reader,
    carer: Option<&'a Carer>,
    words: Words,
    asked_for: String,
    fell_back: bool,
    easy_read: bool,
    /// The names of everyone a withholding rule protects from the reader: a
    /// document that would name one of them is not written for them.
    protected_names: Vec<String>,
}

impl<'a> Audience<'a> {
    fn carer(
        record: &'a PartnershipRecord,
        carer: &'a Carer,
        on: NaiveDate,
    ) -> Result<Self, ExplainError> {
        let tag = carer.communication().preferred_language.as_str().to_owned();
        let (language, found) = Language::for_tag(&tag);
        Ok(Self {
            record,
            reader: Reader {
                kind: ReaderKind::Carer,
                name: carer.name().expose().to_string(),
            },
            carer: Some(carer),
            words: Words::new(language)?,
            asked_for: tag,
            fell_back: !found,
            easy_read: carer.communication().easy_read_needed,
            protected_names: Withheld::from(record, carer.id(), on).protected_names(record),
        })
    }

    fn child(record: &'a PartnershipRecord) -> Result<Self, ExplainError> {
        Ok(Self {
            record,
            reader: Reader {
                kind: ReaderKind::Child,
                name: record.child().name().expose().to_string(),
            },
            carer: None,
            words: Words::new(Language::English)?,
            asked_for: Language::English.tag().to_owned(),
            fell_back: false,
            easy_read: false,
            protected_names: Vec::new(),
        })
    }

    fn is_child(&self) -> bool {
        self.reader.kind == ReaderKind::Child
    }

    /// The form of a document in the reader's preferred channel: a text message
    /// only where `short` allows one.
    fn form(&self, short: bool) -> Form {
        match self
            .carer
            .and_then(|c| c.communication().preferred_channel())
        {
            Some(Channel::TextMessage) if short => Form::TextMessage,
            Some(Channel::Email) => Form::Email,
            _ => Form::Letter,
        }
    }

    fn document(
        &self,
        kind: DocumentKind,
        form: Form,
        title: Option<String>,
        mut paragraphs: Vec<String>,
    ) -> Result<CarerDocument, ExplainError> {
        let first_name = first_name(&self.reader.name);
        let greeting = self.words.get("greeting", &[("reader", first_name)])?;
        // The reader's words in place of ours, then our jargon explained where they
        // first meet it.
        let mut all: Vec<String> = title.iter().cloned().collect();
        all.append(&mut paragraphs);
        // A text message has had the reader's words put in already, before its
        // length was measured.
        if form != Form::TextMessage {
            use_preferred_terms(&mut all, &self.preferred_terms());
            explain_jargon(&mut all, self.words.language);
        }
        // A sentence begins with a capital, though it begins with "you". A text
        // message was given its capital before it was measured.
        if form != Form::TextMessage {
            for paragraph in &mut all {
                capitalise(paragraph);
            }
        }
        let (title, paragraphs) = if title.is_some() && !all.is_empty() {
            let rest = all.split_off(1);
            (all.pop(), rest)
        } else {
            (None, all)
        };
        let note = self.note()?;
        let everything = paragraphs.iter().chain(title.iter()).chain([&greeting]);
        for text in everything {
            if self
                .protected_names
                .iter()
                .any(|name| plain::mentions(text, name))
            {
                return Err(ExplainError::NotForThisCarer {
                    why: "it would name someone a withholding rule protects from them",
                });
            }
        }
        let names = names_in(self.record);
        Ok(CarerDocument {
            kind,
            reader: self.reader.clone(),
            language: self.words.language,
            asked_for: self.asked_for.clone(),
            note,
            // Easy read is written for the consent conversation; a decision and a
            // summary are short sentences already, held to the standard target.
            easy_read: self.easy_read && kind == DocumentKind::ConsentConversation,
            form,
            title,
            greeting,
            paragraphs,
            reading_age: None,
            reading_age_target: 0.0,
            reading_text: None,
        }
        .measured(&names))
    }
}

/// The names of the people and agencies in the record, longest first: the record's
/// words, not ours, and left out of the reading measure.
fn names_in(record: &PartnershipRecord) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let child = record.child().name().expose().to_string();
    names.push(first_name(&child).to_owned());
    names.push(child);
    for carer in record.carers() {
        let name = carer.name().expose().to_string();
        names.push(first_name(&name).to_owned());
        names.push(name);
    }
    for professional in record.professionals() {
        names.push(professional.name.expose().to_string());
    }
    for agency in record.agencies() {
        names.push(agency.name.to_string());
    }
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.dedup();
    names
}

impl Audience<'_> {
    /// The terms the reader prefers, and the ones they are in place of.
    fn preferred_terms(&self) -> Vec<(String, String)> {
        self.carer
            .map(|carer| {
                carer
                    .considerations()
                    .preferred_terminology
                    .iter()
                    .filter_map(|t| {
                        t.instead_of.as_ref().map(|instead| {
                            (t.prefer.expose().to_string(), instead.expose().to_string())
                        })
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The note, in English, for a reader whose language has no messages yet.
    fn note(&self) -> Result<Option<String>, ExplainError> {
        if self.fell_back {
            Ok(Some(
                Words::new(Language::English)?.get("fallback-note", &[])?,
            ))
        } else {
            Ok(None)
        }
    }
}

/// Gives a sentence its capital: "you had said no" becomes "You had said no".
fn capitalise(text: &mut String) {
    if let Some(first) = text.chars().next()
        && first.is_lowercase()
    {
        let upper: String = first.to_uppercase().collect();
        text.replace_range(..first.len_utf8(), &upper);
    }
}

fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// Words for the record's people and its fixed choices, in one language.
struct Say<'a> {
    record: &'a PartnershipRecord,
    words: &'a Words,
    /// The child as the reader reads of them: their first name, or "you".
    child: String,
    reader_is_child: bool,
}

impl<'a> Say<'a> {
    fn new(
        record: &'a PartnershipRecord,
        audience: &'a Audience<'_>,
    ) -> Result<Self, ExplainError> {
        let child = if audience.is_child() {
            audience.words.get("you", &[])?
        } else {
            first_name(record.child().name().expose().as_str()).to_owned()
        };
        Ok(Self {
            record,
            words: &audience.words,
            child,
            reader_is_child: audience.is_child(),
        })
    }

    fn get(&self, id: &str, args: &[(&str, &str)]) -> Result<String, ExplainError> {
        self.words.get(id, args)
    }

    fn date(&self, day: NaiveDate) -> Result<String, ExplainError> {
        self.words.date(day)
    }

    fn child_args(&self) -> [(&str, &str); 2] {
        [
            ("child", self.child.as_str()),
            ("self", if self.reader_is_child { "yes" } else { "no" }),
        ]
    }

    fn category(&self, category: &DataCategory) -> Result<String, ExplainError> {
        match category {
            DataCategory::Other { label } => Ok(label.to_string()),
            fixed => self.get(&format!("category-{}", fixed.code()), &self.child_args()),
        }
    }

    fn categories(&self, categories: &[DataCategory]) -> Result<String, ExplainError> {
        let words = categories
            .iter()
            .map(|c| self.category(c))
            .collect::<Result<Vec<_>, _>>()?;
        self.words.list(&words, "list-and")
    }

    fn purpose(&self, purpose: &Purpose) -> Result<String, ExplainError> {
        match purpose {
            Purpose::Other { label } => Ok(label.to_string()),
            fixed => self.get(&format!("purpose-{}", fixed.code()), &self.child_args()),
        }
    }

    fn role(&self, role: &ProfessionalRole) -> Result<String, ExplainError> {
        match role {
            ProfessionalRole::Other { label } => Ok(label.to_string()),
            fixed => self.get(&format!("role-{}", fixed.code()), &[]),
        }
    }

    fn professional(&self, id: ProfessionalId) -> Result<String, ExplainError> {
        let Some(professional) = self.record.professionals().iter().find(|p| p.id == id) else {
            return Ok(String::new());
        };
        let agency = self
            .record
            .agencies()
            .iter()
            .find(|a| a.id == professional.agency)
            .map(|a| a.name.to_string())
            .unwrap_or_default();
        self.get(
            "person-at",
            &[
                ("name", professional.name.expose().as_str()),
                ("role", &self.role(&professional.role)?),
                ("agency", &agency),
            ],
        )
    }

    fn professional_name(&self, id: ProfessionalId) -> String {
        self.record
            .professionals()
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.expose().to_string())
            .unwrap_or_default()
    }

    fn carer_name(&self, id: CarerId) -> String {
        self.record
            .carers()
            .iter()
            .find(|c| c.id() == id)
            .map(|c| c.name().expose().to_string())
            .unwrap_or_default()
    }

    fn agency_name(&self, id: partnership_core::AgencyId) -> String {
        self.record
            .agencies()
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.name.to_string())
            .unwrap_or_default()
    }

    fn scope(&self, scope: &RecipientScope) -> Result<String, ExplainError> {
        match scope {
            RecipientScope::Carer { id } => Ok(self.carer_name(*id)),
            RecipientScope::Professional { id } => self.professional(*id),
            RecipientScope::Agency { id } => Ok(self.agency_name(*id)),
            RecipientScope::AgencyKind { agency_kind } => match agency_kind {
                partnership_core::AgencyKind::Other { label } => Ok(label.to_string()),
                fixed => self.get(&format!("agency-kind-{}", fixed.code()), &[]),
            },
            RecipientScope::Role { role } => self.get("any-role", &[("role", &self.role(role)?)]),
            _ => Ok(String::new()),
        }
    }

    fn recipient(&self, recipient: &Recipient) -> Result<String, ExplainError> {
        match recipient {
            Recipient::Carer { id } => Ok(self.carer_name(*id)),
            Recipient::Professional { id, .. } => self.professional(*id),
            Recipient::Agency { id, .. } => Ok(self.agency_name(*id)),
            _ => Ok(String::new()),
        }
    }

    /// The recipient by name alone, once they have been introduced.
    fn recipient_name(&self, recipient: &Recipient) -> String {
        match recipient {
            Recipient::Carer { id } => first_name(&self.carer_name(*id)).to_owned(),
            Recipient::Professional { id, .. } => self.professional_name(*id),
            Recipient::Agency { id, .. } => self.agency_name(*id),
            _ => String::new(),
        }
    }

    fn party(&self, party: PartyRef, reader: Option<CarerId>) -> Result<String, ExplainError> {
        Ok(match party {
            PartyRef::Carer { id } if Some(id) == reader => self.get("you", &[])?,
            PartyRef::Carer { id } => first_name(&self.carer_name(id)).to_owned(),
            PartyRef::Professional { id } => self.professional_name(id),
            PartyRef::Child { .. } => self.child.clone(),
        })
    }

    fn channel(&self, channel: Channel) -> Result<String, ExplainError> {
        let code = serde_json::to_value(channel)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        self.get(&format!("channel-{code}"), &[])
    }
}

/// The consent conversation for `consent`: a document for whoever is asked to give it
/// (the carer with parental responsibility, delegated authority or a court's
/// authority, or the child who decides for themselves). `reader`, when given, must
/// be that carer.
///
/// # Errors
///
/// [`ExplainError::NoSuchConsent`], [`ExplainError::NoSuchCarer`],
/// [`ExplainError::NotForACarer`] for consent asked of a local authority's officer,
/// [`ExplainError::NotForThisCarer`] for a carer not asked, one a withholding rule
/// keeps any of it from, or one it would name someone protected to, or a message
/// error.
pub fn consent_conversation(
    record: &PartnershipRecord,
    consent: ConsentId,
    reader: Option<CarerId>,
) -> Result<Explained, ExplainError> {
    let consent = record
        .consents()
        .iter()
        .find(|c| c.id() == consent)
        .ok_or(ExplainError::NoSuchConsent)?;
    // Written for whoever is asked: the carer with the standing or the authority,
    // or the child who decides. Another carer is not asked, and is not told "it is
    // your choice".
    let asked = match consent.given_by() {
        ConsentGiver::ParentalResponsibility { carer }
        | ConsentGiver::OtherAuthority {
            authority: partnership_consent::ActingAuthority::DelegatedAuthority { carer },
        }
        | ConsentGiver::OtherAuthority {
            authority: partnership_consent::ActingAuthority::CourtOrder { carer, .. },
        } => Some(*carer),
        ConsentGiver::CompetentChild { .. } | ConsentGiver::YoungPerson => None,
        _ => return Err(ExplainError::NotForACarer),
    };
    let audience = match (reader, asked) {
        (Some(id), Some(asked)) if id == asked => {
            Audience::carer(record, find_carer(record, id)?, consent.valid_from())?
        }
        (Some(id), _) => {
            find_carer(record, id)?;
            return Err(ExplainError::NotForThisCarer {
                why: "the consent is not asked of them",
            });
        }
        (None, Some(asked)) => {
            Audience::carer(record, find_carer(record, asked)?, consent.valid_from())?
        }
        (None, None) => Audience::child(record)?,
    };
    if let Some(carer) = audience.carer
        && Withheld::from(record, carer.id(), consent.valid_from())
            .touches(&consent.scope().data_categories)
    {
        return Err(ExplainError::NotForThisCarer {
            why: "information it is about is withheld from them",
        });
    }
    let say = Say::new(record, &audience)?;
    // Who asks: whoever recorded the request, else the professional who first
    // recorded anything about it.
    let asker_id = consent
        .events()
        .iter()
        .find_map(|e| match e.by {
            PartyRef::Professional { id } => Some(id),
            _ => e.recorded_by,
        })
        .or_else(|| record.professionals().first().map(|p| p.id));
    let asker = asker_id
        .map(|id| say.professional_name(id))
        .unwrap_or_default();
    let agency = asker_id
        .and_then(|id| record.professionals().iter().find(|p| p.id == id))
        .map(|p| say.agency_name(p.agency))
        .unwrap_or_default();
    let scope = consent.scope();
    let categories = say.categories(&scope.data_categories)?;
    let recipient_list = scope
        .recipients
        .iter()
        .map(|r| say.scope(r))
        .collect::<Result<Vec<_>, _>>()?;
    let recipients = say.words.list(&recipient_list, "list-and")?;
    let purpose_list = scope
        .purposes
        .iter()
        .map(|p| say.purpose(p))
        .collect::<Result<Vec<_>, _>>()?;
    let purposes = say.words.list(&purpose_list, "list-and")?;
    let until = consent.valid_until().map(|d| say.date(d)).transpose()?;
    let [c, s] = say.child_args();
    let help = say.get("your-child-gets", &[c, s])?;
    let about = say.get("about-child", &[c, s])?;
    let title = if audience.easy_read {
        say.get("consent-easy-title", &[("child", &about)])?
    } else {
        say.get("consent-title", &[("child", &about)])?
    };
    let mut paragraphs = Vec::new();
    if audience.easy_read {
        // One idea a line: each thing shared, each person who would see it and each
        // reason on a line of its own, under its question.
        let lines = |items: Vec<String>| items.into_iter().map(|item| format!("- {item}"));
        paragraphs.push(say.get("consent-easy-ask", &[("asker", &asker), ("child", &about)])?);
        paragraphs.push(say.get("consent-easy-what", &[])?);
        paragraphs.extend(lines(
            scope
                .data_categories
                .iter()
                .map(|c| say.category(c))
                .collect::<Result<_, _>>()?,
        ));
        paragraphs.push(say.get("consent-easy-who", &[])?);
        paragraphs.extend(lines(recipient_list.clone()));
        paragraphs.push(say.get("consent-easy-why", &[])?);
        paragraphs.extend(lines(purpose_list.clone()));
        if let Some(until) = &until {
            paragraphs.push(say.get("consent-easy-until", &[("until", until)])?);
        }
        for id in [
            "consent-easy-choice",
            "consent-easy-yes-no",
            "consent-easy-change",
            "consent-easy-if-no",
        ] {
            paragraphs.push(say.get(id, &[])?);
        }
        paragraphs.push(say.get("consent-easy-ask-us", &[("asker", &asker)])?);
    } else {
        paragraphs.push(say.get(
            "consent-ask",
            &[("asker", &asker), ("agency", &agency), ("child", &about)],
        )?);
        paragraphs.push(say.get("consent-what", &[("categories", &categories)])?);
        paragraphs.push(say.get("consent-who", &[("recipients", &recipients)])?);
        paragraphs.push(say.get("consent-why", &[("purposes", &purposes)])?);
        paragraphs.push(match &until {
            Some(until) => say.get("consent-until", &[("until", until)])?,
            None => say.get("consent-open", &[])?,
        });
        paragraphs.push(say.get("consent-choice", &[])?);
        let mut change = say.get("consent-withdraw", &[("asker", &asker)])?;
        if let Some(channel) = audience
            .carer
            .and_then(|c| c.communication().preferred_channel())
        {
            change.push(' ');
            change.push_str(&say.get("consent-how", &[("channel", &say.channel(channel)?)])?);
        }
        paragraphs.push(change);
        paragraphs.push(say.get("consent-if-no", &[("asker", &asker), ("help", &help)])?);
        paragraphs.push(say.get("consent-questions", &[("asker", &asker)])?);
    }
    Ok(Explained {
        documents: vec![audience.document(
            DocumentKind::ConsentConversation,
            audience.form(false),
            Some(title),
            paragraphs,
        )?],
        left_out: 0,
    })
}

/// The words the documents use for `categories`, in `language`: what a reader is
/// told was asked for or shared.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod explain { pub use ::partnership_explain::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } pub mod consent { pub use ::partnership_consent::*; } }
/// use partnership::consent::DataCategory;
/// use partnership::explain::{Language, category_words};
///
/// let record = partnership::scenarios::safeguarding_one_carer()?.record;
/// let words = category_words(&record, &[DataCategory::ContactDetails], Language::Welsh)?;
/// assert_eq!(words, ["manylion cyswllt"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// A message error.
pub fn category_words(
    record: &PartnershipRecord,
    categories: &[DataCategory],
    language: Language,
) -> Result<Vec<String>, ExplainError> {
    let words = Words::new(language)?;
    let say = Say {
        record,
        words: &words,
        child: first_name(record.child().name().expose().as_str()).to_owned(),
        reader_is_child: false,
    };
    categories.iter().map(|c| say.category(c)).collect()
}

/// Adds a document, or, when it is not for its reader (it would name someone a rule
/// protects from them), leaves it out of documents written for everyone concerned
/// and refuses it to a caller who asked for that reader by name.
fn keep(
    explained: &mut Explained,
    asked_by_name: bool,
    document: Result<CarerDocument, ExplainError>,
) -> Result<(), ExplainError> {
    match document {
        Ok(document) => explained.documents.push(document),
        Err(ExplainError::NotForThisCarer { .. }) if !asked_by_name => explained.left_out += 1,
        Err(e) => return Err(e),
    }
    Ok(())
}

fn find_carer(record: &PartnershipRecord, id: CarerId) -> Result<&Carer, ExplainError> {
    record
        .carers()
        .iter()
        .find(|c| c.id() == id)
        .ok_or(ExplainError::NoSuchCarer)
}

/// The decision recorded at `index` in the record's ledger, explained to each carer
/// in the record (or to `reader` alone): what was asked, whether it was shared and
/// why, and what would change the outcome.
///
/// A carer a withholding rule withholds anything from (a rule not ended before the
/// request: one made since protects someone now) is told nothing about a request for
/// what it withholds, neither what nor with whom nor whether, only to ask the
/// professional. Of any other request they are told whether it was shared, but a
/// refusal's reasons and what would change it are left out, so that no rule, whom
/// it protects or why is ever said to them, and a document that would name anyone
/// a rule protects from its reader is not written for them (counted in
/// [`Explained::left_out`], or refused when they are asked for by name). A share
/// under a safeguarding justification is explained only when the justification
/// records the carers as told.
///
/// # Errors
///
/// [`ExplainError::NoSuchDecision`], [`ExplainError::NoSuchCarer`],
/// [`ExplainError::NotToBeTold`], or a message error.
pub fn decision_explained(
    record: &PartnershipRecord,
    index: usize,
    reader: Option<CarerId>,
) -> Result<Explained, ExplainError> {
    let entries = record.disclosures();
    let entry = entries
        .iter()
        .nth(index)
        .ok_or(ExplainError::NoSuchDecision {
            index,
            len: entries.iter().count(),
        })?;
    let readers: Vec<&Carer> = match reader {
        Some(id) => vec![find_carer(record, id)?],
        None => record.carers().iter().collect(),
    };
    let request = &entry.request;
    let on = partnership_core::uk_date(request.at());
    let mut documents = Explained {
        documents: Vec::with_capacity(readers.len()),
        left_out: 0,
    };
    for carer in readers {
        let audience = Audience::carer(record, carer, on)?;
        let say = Say::new(record, &audience)?;
        let asker = say.professional_name(request.requested_by());
        let recipient = say.recipient(request.recipient())?;
        let date = say.date(on)?;
        let withheld = Withheld::from(record, carer.id(), on);
        let withheld_from_reader = withheld.any();
        let mut paragraphs = Vec::new();
        let title = say.get("decision-title", &[("date", &date)])?;
        if withheld.touches(request.data_categories()) {
            // Nothing about it at all: not what, not with whom, not whether.
            paragraphs.push(say.get("decision-cannot-say", &[("asker", &asker)])?);
        } else {
            match &entry.decision {
                SharingDecision::Permit {
                    basis,
                    data_categories,
                } => {
                    let categories = say.categories(data_categories)?;
                    paragraphs.push(say.get(
                        "decision-shared",
                        &[("date", &date), ("asker", &asker), ("child", &say.child)],
                    )?);
                    paragraphs
                        .push(say.get("decision-shared-what", &[("categories", &categories)])?);
                    paragraphs.push(say.get("decision-shared-with", &[("recipient", &recipient)])?);
                    match basis {
                        PermitBasis::Consent { consents } => {
                            for id in consents {
                                let Some(consent) =
                                    record.consents().iter().find(|c| c.id() == *id)
                                else {
                                    continue;
                                };
                                let (giver, you) =
                                    giver_words(&say, consent.given_by(), carer.id())?;
                                let given = consent
                                    .events()
                                    .iter()
                                    .find(|e| {
                                        e.kind == partnership_consent::ConsentEventKind::Given
                                    })
                                    .map_or(consent.valid_from(), |e| {
                                        partnership_core::uk_date(e.at)
                                    });
                                paragraphs.push(say.get(
                                    "decision-shared-consent",
                                    &[
                                        ("giver", &giver),
                                        ("you", you),
                                        ("given", &say.date(given)?),
                                    ],
                                )?);
                            }
                        }
                        PermitBasis::Safeguarding { justification, .. } => {
                            let told = record
                                .justifications()
                                .iter()
                                .find(|j| j.id() == *justification)
                                .and_then(|j| match j.carers_told() {
                                    Some(CarersTold::Told { on }) => Some(*on),
                                    _ => None,
                                })
                                .ok_or(ExplainError::NotToBeTold)?;
                            paragraphs
                                .push(say.get("decision-shared-safe", &[("child", &say.child)])?);
                            paragraphs
                                .push(say.get("decision-told", &[("told", &say.date(told)?)])?);
                        }
                    }
                }
                SharingDecision::Refuse { reasons } => {
                    not_shared(&say, &mut paragraphs, [&date, &asker, &recipient], request)?;
                    if withheld_from_reader {
                        // Nothing about why: any reason, even "nobody said yes", would
                        // tell them where the line is drawn.
                        paragraphs.push(say.get("decision-other", &[])?);
                    } else {
                        let mut said: Vec<String> = Vec::new();
                        let mut could_change = false;
                        for reason in reasons {
                            let (line, changes) = reason_words(&say, record, reason, carer.id())?;
                            could_change |= changes;
                            if !said.contains(&line) {
                                said.push(line);
                            }
                        }
                        let blocked = reasons.iter().any(|r| {
                            matches!(
                                r,
                                RefusalReason::Withheld { .. }
                                    | RefusalReason::ChildMustConsent { .. }
                            )
                        });
                        paragraphs.extend(said);
                        if could_change
                            && !blocked
                            && carer.legal_standing().holds_parental_responsibility_on(on)
                        {
                            paragraphs.push(say.get(
                                "decision-would-change",
                                &[
                                    ("recipient", &say.recipient_name(request.recipient())),
                                    ("asker", &asker),
                                ],
                            )?);
                        }
                    }
                }
                SharingDecision::NotDisclosed { .. } => {
                    not_shared(&say, &mut paragraphs, [&date, &asker, &recipient], request)?;
                    if withheld_from_reader {
                        paragraphs.push(say.get("decision-other", &[])?);
                    } else {
                        paragraphs
                            .push(say.get("decision-not-disclosed", &[("child", &say.child)])?);
                    }
                }
            }
            paragraphs.push(say.get("decision-questions", &[("asker", &asker)])?);
        }
        keep(
            &mut documents,
            reader.is_some(),
            audience.document(
                DocumentKind::DecisionExplained,
                audience.form(false),
                Some(title),
                paragraphs,
            ),
        )?;
    }
    Ok(documents)
}

/// What was asked (when, by whom, about what and for whom) and that it was not
/// shared.
fn not_shared(
    say: &Say<'_>,
    paragraphs: &mut Vec<String>,
    [date, asker, recipient]: [&str; 3],
    request: &partnership_consent::SharingRequest,
) -> Result<(), ExplainError> {
    let categories = say.categories(request.data_categories())?;
    paragraphs.push(say.get(
        "decision-asked",
        &[("date", date), ("asker", asker), ("child", &say.child)],
    )?);
    paragraphs.push(say.get("decision-asked-what", &[("categories", &categories)])?);
    paragraphs.push(say.get("decision-asked-with", &[("recipient", recipient)])?);
    paragraphs.push(say.get("decision-not-shared", &[])?);
    Ok(())
}

/// What the withholding rules keep from one carer: every rule for the child that
/// withholds from them and has not ended before `on` (a rule made since protects
/// someone now, and a document is read now), the categories matched as the sharing
/// rules match them (`same_choice`: "New Address" is "new address").
struct Withheld<'a> {
    categories: Vec<&'a DataCategory>,
    protected: Vec<PartyRef>,
}

impl<'a> Withheld<'a> {
    fn from(record: &'a PartnershipRecord, carer: CarerId, on: NaiveDate) -> Self {
        let rules: Vec<_> = record
            .withholding_rules()
            .iter()
            .filter(|rule| {
                rule.child() == record.child().id()
                    && rule.until().is_none_or(|until| until >= on)
                    && rule
                        .withheld_from()
                        .iter()
                        .any(|scope| scope.covers(&Recipient::Carer { id: carer }))
            })
            .collect();
        Self {
            categories: rules.iter().flat_map(|r| r.data_categories()).collect(),
            protected: rules
                .iter()
                .flat_map(|r| r.protects().iter().copied())
                .collect(),
        }
    }

    fn any(&self) -> bool {
        !self.categories.is_empty()
    }

    /// Each person protected from the reader, by full name and by first name (not by
    /// surname alone: a family shares one). The child is named in every document
    /// about them, and is not counted.
    fn protected_names(&self, record: &PartnershipRecord) -> Vec<String> {
        let mut names = Vec::new();
        for party in &self.protected {
            let name = match party {
                PartyRef::Carer { id } => record
                    .carers()
                    .iter()
                    .find(|c| c.id() == *id)
                    .map(|c| c.name().expose().to_string()),
                PartyRef::Professional { id } => record
                    .professionals()
                    .iter()
                    .find(|p| p.id == *id)
                    .map(|p| p.name.expose().to_string()),
                PartyRef::Child { .. } => None,
            };
            if let Some(name) = name {
                names.push(first_name(&name).to_owned());
                names.push(name);
            }
        }
        names
    }

    /// Whether any of `categories` is withheld.
    fn touches(&self, categories: &[DataCategory]) -> bool {
        categories
            .iter()
            .any(|c| self.categories.iter().any(|w| w.same_choice(c)))
    }
}

/// Who gave or refused a consent, as the reader reads of them: "you", a carer's
/// first name, or the child.
fn giver_words(
    say: &Say<'_>,
    giver: &ConsentGiver,
    reader: CarerId,
) -> Result<(String, &'static str), ExplainError> {
    let party = match giver {
        ConsentGiver::ParentalResponsibility { carer }
        | ConsentGiver::OtherAuthority {
            authority: partnership_consent::ActingAuthority::DelegatedAuthority { carer },
        }
        | ConsentGiver::OtherAuthority {
            authority: partnership_consent::ActingAuthority::CourtOrder { carer, .. },
        } => PartyRef::Carer { id: *carer },
        ConsentGiver::OtherAuthority {
            authority: partnership_consent::ActingAuthority::CareOrder { officer, .. },
        } => PartyRef::Professional { id: *officer },
        _ => PartyRef::Child {
            id: say.record.child().id(),
        },
    };
    let you = if party == (PartyRef::Carer { id: reader }) {
        "yes"
    } else {
        "no"
    };
    Ok((say.party(party, Some(reader))?, you))
}

/// A refusal reason in the reader's words, and whether their saying yes could change
/// it.
fn reason_words(
    say: &Say<'_>,
    record: &PartnershipRecord,
    reason: &RefusalReason,
    reader: CarerId,
) -> Result<(String, bool), ExplainError> {
    let consent_giver = |id: &ConsentId| -> Result<(String, &'static str), ExplainError> {
        match record.consents().iter().find(|c| c.id() == *id) {
            Some(consent) => giver_words(say, consent.given_by(), reader),
            None => Ok((String::new(), "no")),
        }
    };
    Ok(match reason {
        RefusalReason::Withheld { .. } => (say.get("decision-kept-safe", &[])?, false),
        RefusalReason::NoConsent { .. } => (say.get("decision-no-consent", &[])?, true),
        RefusalReason::ConsentRefused { consent, .. } => {
            let (giver, you) = consent_giver(consent)?;
            (
                say.get("decision-refused", &[("giver", &giver), ("you", you)])?,
                true,
            )
        }
        RefusalReason::ConsentWithdrawn { consent, at, .. }
        | RefusalReason::ConsentRevoked { consent, at, .. } => {
            let (giver, you) = consent_giver(consent)?;
            (
                say.get(
                    "decision-withdrawn",
                    &[
                        ("giver", &giver),
                        ("you", you),
                        ("when", &say.date(partnership_core::uk_date(*at))?),
                    ],
                )?,
                true,
            )
        }
        RefusalReason::ConsentExpired { on, .. } => (
            say.get("decision-expired", &[("when", &say.date(*on)?)])?,
            true,
        ),
        RefusalReason::ConsentNotYetInForce { from, .. } => (
            say.get("decision-not-yet", &[("when", &say.date(*from)?)])?,
            false,
        ),
        RefusalReason::ConsentAwaitingAnswer { .. } => (say.get("decision-awaiting", &[])?, true),
        RefusalReason::ChildMustConsent { .. } => (
            say.get("decision-child-decides", &[("child", &say.child)])?,
            false,
        ),
        _ => (say.get("decision-other", &[])?, false),
    })
}

/// The discussion at `index` in the record's contact log, summarised for each carer
/// who took part (or for `reader`, one of them): its actions, who does each and by
/// when, and the next meeting, in the form of the carer's preferred channel. A text
/// message keeps to two segments as sent (with the note for a language without
/// messages, and the carer's own terms); when the actions do not fit, it says how
/// many there are and that the list follows in writing.
///
/// A summary with an action owned by, or naming, someone a withholding rule protects
/// from the carer is not written for them: without `reader` they are left out of
/// the documents and counted in [`Explained::left_out`], and asked for by name the
/// answer says why.
///
/// # Errors
///
/// [`ExplainError::NoSuchContact`], [`ExplainError::NoSuchCarer`],
/// [`ExplainError::NotForThisCarer`] for a carer who was not in the discussion, or a
/// message error.
pub fn what_we_agreed(
    record: &PartnershipRecord,
    index: usize,
    reader: Option<CarerId>,
    calendar: &WorkingCalendar,
) -> Result<Explained, ExplainError> {
    let log = record.contact_log();
    let contact = log.iter().nth(index).ok_or(ExplainError::NoSuchContact {
        index,
        len: log.iter().count(),
    })?;
    let in_discussion: Vec<CarerId> = contact
        .participants()
        .iter()
        .filter_map(|p| match p {
            PartyRef::Carer { id } => Some(*id),
            _ => None,
        })
        .collect();
    let readers: Vec<CarerId> = match reader {
        Some(id) => {
            find_carer(record, id)?;
            if !in_discussion.contains(&id) {
                return Err(ExplainError::NotForThisCarer {
                    why: "they were not in the discussion",
                });
            }
            vec![id]
        }
        None => in_discussion,
    };
    let writer = contact.participants().iter().find_map(|p| match p {
        PartyRef::Professional { id } => Some(*id),
        _ => None,
    });
    // The next meeting: the soonest review due after the discussion.
    let next_review = record
        .reviews()
        .iter()
        .filter_map(|s| s.next_review_due(calendar).ok())
        .map(|due| due.date)
        .filter(|d| *d > contact.date())
        .min();
    let mut documents = Explained {
        documents: Vec::with_capacity(readers.len()),
        left_out: 0,
    };
    for id in readers {
        let carer = find_carer(record, id)?;
        let audience = Audience::carer(record, carer, contact.date())?;
        let say = Say::new(record, &audience)?;
        let date = say.date(contact.date())?;
        let next_update = record
            .communication_agreements()
            .iter()
            .filter(|a| a.carer == id)
            .filter_map(|a| a.next_update_due(contact.date()))
            .min();
        let next = match (next_review, next_update) {
            (Some(review), _) => Some(("agreed-next-review", review)),
            (None, Some(update)) => Some(("agreed-next-update", update)),
            (None, None) => None,
        };
        let mut actions = Vec::new();
        for action in contact.agreed_actions() {
            actions.push((
                action.description.expose().trim_end_matches('.').to_owned(),
                say.party(action.owner, Some(id))?,
                say.date(action.due_on)?,
            ));
        }
        let form = audience.form(true);
        let paragraphs = if form == Form::TextMessage {
            vec![text_message(&say, &audience, &date, &actions, next)?]
        } else {
            let mut paragraphs = vec![say.get("agreed-intro", &[("date", &date)])?];
            if actions.is_empty() {
                paragraphs.push(say.get("agreed-none", &[])?);
            }
            for (action, who, due) in &actions {
                paragraphs.push(say.get(
                    "agreed-action",
                    &[("action", action), ("who", who), ("due", due)],
                )?);
            }
            if let Some((message, day)) = next {
                paragraphs.push(say.get(message, &[("next", &say.date(day)?)])?);
            }
            paragraphs.push(say.get("agreed-wrong", &[])?);
            if let Some(writer) = writer {
                paragraphs
                    .push(say.get("agreed-sign-off", &[("writer", &say.professional(writer)?)])?);
            }
            paragraphs
        };
        let title = (form != Form::TextMessage)
            .then(|| say.get("agreed-title", &[("date", &date)]))
            .transpose()?;
        keep(
            &mut documents,
            reader.is_some(),
            audience.document(DocumentKind::WhatWeAgreed, form, title, paragraphs),
        )?;
    }
    Ok(documents)
}

/// The summary as one text message of at most two segments: every action when they
/// fit, else how many there are and that the list follows in writing.
fn text_message(
    say: &Say<'_>,
    audience: &Audience<'_>,
    date: &str,
    actions: &[(String, String, String)],
    next: Option<(&str, NaiveDate)>,
) -> Result<String, ExplainError> {
    // A name longer than a greeting needs is cut: the message is for what was agreed.
    let name = first_name(&audience.reader.name);
    let reader: String = name.chars().take(20).collect();
    let reader = reader.as_str();
    let terms = audience.preferred_terms();
    let note = audience.note()?;
    // The message as it is sent: the note first, when there is one, and the reader's
    // own words in place of ours.
    let sent = |text: String| -> (String, bool) {
        let mut text = [text];
        use_preferred_terms(&mut text, &terms);
        let [mut text] = text;
        capitalise(&mut text);
        let whole = match &note {
            Some(note) => format!("{note}\n\n{text}"),
            None => text.clone(),
        };
        let fits = fits_two_segments(&whole);
        (text, fits)
    };
    let next = next
        .map(|(_, day)| say.get("agreed-sms-next", &[("next", &short_date(say, day)?)]))
        .transpose()?;
    let wrong = say.get("agreed-sms-wrong", &[])?;
    let mut firsts = Vec::new();
    if actions.is_empty() {
        firsts.push(say.get("agreed-sms-none", &[("reader", reader), ("date", date)])?);
    } else {
        let items = actions
            .iter()
            .map(|(action, who, due)| {
                say.get(
                    "agreed-sms-action",
                    &[("action", action), ("who", who), ("due", due)],
                )
            })
            .collect::<Result<Vec<_>, _>>()?;
        firsts.push(say.get(
            "agreed-sms",
            &[
                ("reader", reader),
                ("date", date),
                ("actions", &items.join("; ")),
            ],
        )?);
        firsts.push(say.get(
            "agreed-sms-short",
            &[
                ("reader", reader),
                ("date", date),
                ("count", &actions.len().to_string()),
            ],
        )?);
    }
    // The fullest message that fits: every sentence, then without asking to be
    // told of mistakes, then without the next meeting, each for the whole list
    // and then for the count. A name too long for even that is cut at a word.
    let mut last = String::new();
    for first in &firsts {
        let candidates = [
            [Some(first), next.as_ref(), Some(&wrong)],
            [Some(first), next.as_ref(), None],
            [Some(first), None, None],
        ];
        for parts in candidates {
            let text = parts
                .into_iter()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
                .join(" ");
            let (text, fits) = sent(text);
            if fits {
                return Ok(text);
            }
            last = text;
        }
    }
    let mut cut = String::new();
    for word in last.split(' ') {
        let longer = if cut.is_empty() {
            word.to_owned()
        } else {
            format!("{cut} {word}")
        };
        if !sent(longer.clone()).1 {
            break;
        }
        cut = longer;
    }
    Ok(cut)
}

/// A day written out, as in a text message.
fn short_date(say: &Say<'_>, day: NaiveDate) -> Result<String, ExplainError> {
    say.date(day)
}

/// Whether a text message fits in two segments: 306 characters of the GSM 7-bit
/// alphabet (a few of which count twice), or 134 of UCS-2 otherwise.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod explain { pub use ::partnership_explain::*; } }
/// use partnership::explain::fits_two_segments;
///
/// assert!(fits_two_segments(&"a".repeat(306)));
/// assert!(!fits_two_segments(&"a".repeat(307)));
/// assert!(!fits_two_segments(&"ŵ".repeat(135)));
/// ```
pub fn fits_two_segments(text: &str) -> bool {
    const GSM: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    const EXTENDED: &str = "^{}\\[~]|€";
    let mut septets = 0;
    for c in text.chars() {
        if GSM.contains(c) {
            septets += 1;
        } else if EXTENDED.contains(c) {
            septets += 2;
        } else {
            return text.encode_utf16().count() <= TWO_SEGMENTS_UCS2;
        }
    }
    septets <= TWO_SEGMENTS_GSM
}
