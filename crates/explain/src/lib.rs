//! Words for carers and children: what will be shared and why, what was decided, and
//! what was agreed, in plain language and in the carer's language.
//!
//! Everything else the library writes is for practitioners. This crate writes for the
//! people the record is about, from the record's own facts:
//!
//! - [`consent_conversation`]: before asking for consent, what information, with whom,
//!   for what, for how long, that the carer may refuse or change their mind and how,
//!   and what happens if they do; in easy read (short sentences, one idea each) when
//!   the carer needs it.
//! - [`decision_explained`]: why information was or was not shared, and what would
//!   change the outcome. A withholding rule is never disclosed to the person it
//!   withholds from: they are told nothing of a request for what it withholds, and
//!   no reasons for any other refusal. A safeguarding share is explained only to
//!   carers the justification records as told.
//! - [`what_we_agreed`]: after a discussion, its actions, who does each and by when,
//!   and the next meeting, in the form of the carer's preferred channel: a text
//!   message of at most two segments, an email or a letter.
//!
//! Messages are kept as Project Fluent files (`locales/en-GB.ftl`, `locales/cy.ftl`):
//! English and Welsh are complete, chosen from the carer's BCP 47 language tag, with
//! English and a note saying so for any other. The Welsh was written for this crate
//! and has not yet been read by a Welsh-speaking reviewer; mutations after a name
//! or a list are not modelled. Jargon is explained where it is first used
//! ([`GLOSSARY`]), the terms the carer prefers replace the defaults, and every English
//! document carries its reading age (Flesch–Kincaid grade plus five), held to 11 for
//! standard text and 9 for easy read; the formula is for English, and a Welsh
//! document carries none.
//!
//! ```
//! # #[allow(unused_imports)] mod partnership { pub mod explain { pub use ::partnership_explain::*; } pub mod scenarios { pub use ::partnership_scenarios::*; } }
//! use partnership::explain::{Explained, consent_conversation};
//!
//! let scenario = partnership::scenarios::consent_declined_narrowed_withdrawn()?;
//! let consent = scenario.record.consents()[0].id();
//! let Explained { documents, left_out } = consent_conversation(&scenario.record, consent, None)?;
//! assert_eq!(left_out, 0);
//! let letter = &documents[0];
//! assert!(letter.to_text().contains("It is your choice. You can say yes or no."));
//! assert!(letter.meets_reading_target());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod build;
mod html;
mod plain;
mod words;

use std::fmt::Write as _;

use partnership_core::readability::{EASY_READ_READING_AGE, Readability, STANDARD_READING_AGE};
use schemars::JsonSchema;
use serde::Serialize;

pub use build::{
    category_words, consent_conversation, decision_explained, fits_two_segments, what_we_agreed,
};
pub use plain::{GLOSSARY, GlossaryEntry, explain_jargon, use_preferred_terms};
pub use words::{Language, message_ids};

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    /// Before consent is asked for: what would be shared, with whom and why.
    ConsentConversation,
    /// Why information was or was not shared.
    DecisionExplained,
    /// What was agreed in a discussion.
    WhatWeAgreed,
}

/// The form a document takes, from the reader's preferred channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// A letter, or a page to hand over or read aloud.
    Letter,
    /// An email.
    Email,
    /// A text message of at most two segments.
    TextMessage,
}

/// Who a document is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Reader {
    /// Whether they are a carer or the child themselves.
    pub kind: ReaderKind,
    /// Their name, as the record has it. Personal data.
    pub name: String,
}

/// Whether a reader is a carer or the child.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ReaderKind {
    /// A carer in the record.
    Carer,
    /// The child or young person, for their own information.
    Child,
}

/// A document for a carer or a child, in their language and in plain words.
///
/// Its text is personal data: it names the child and the people in the record, and
/// says what was shared about them.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CarerDocument {
    /// What it is.
    pub kind: DocumentKind,
    /// Who it is for.
    pub reader: Reader,
    /// The language it is written in (BCP 47).
    pub language: Language,
    /// The language the reader asked for (their BCP 47 tag, as recorded).
    pub asked_for: String,
    /// When the reader's language has no messages yet: the note, in English, that
    /// says so and offers an interpreter or a translation. It is the first line of
    /// the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Whether it is written in easy read: short sentences, one idea each.
    pub easy_read: bool,
    /// Its form.
    pub form: Form,
    /// Its title (the subject of an email); a text message has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its greeting.
    pub greeting: String,
    /// Its body, a paragraph (or a line of a list) each.
    pub paragraphs: Vec<String>,
    /// For an English document: its reading age, by the Flesch–Kincaid grade plus
    /// five, measured on its text without the greeting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading_age: Option<f64>,
    /// The most reading age it may need: 11 for standard text, 9 for easy read.
    pub reading_age_target: f64,
    /// For an English document: the text its reading age is measured on, the title
    /// and body with each name of a person or an agency from the record written
    /// "Name" (the record's names are not ours to make plainer) and each line ended
    /// as the sentence it is read as, for an independent measure to read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading_text: Option<String>,
}

impl CarerDocument {
    /// The document as plain text: the note, the title, the greeting and the body.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        if let Some(note) = &self.note {
            let _ = writeln!(out, "{note}\n");
        }
        if let Some(title) = &self.title {
            let _ = writeln!(out, "{title}\n");
        }
        match self.form {
            Form::TextMessage => {
                for paragraph in &self.paragraphs {
                    let _ = writeln!(out, "{paragraph}");
                }
            }
            Form::Letter | Form::Email => {
                let _ = writeln!(out, "{}\n", self.greeting);
                for paragraph in &self.paragraphs {
                    let _ = writeln!(out, "{paragraph}\n");
                }
            }
        }
        out.trim_end().to_owned() + "\n"
    }

    /// The text a reading measure should read: the title and the body, a line each,
    /// with the line breaks inside a paragraph (an action pasted from an email) read
    /// as the spaces a page shows them as.
    pub fn body_text(&self) -> String {
        let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut text = self.title.as_deref().map(one_line).unwrap_or_default();
        for paragraph in &self.paragraphs {
            text.push('\n');
            text.push_str(&one_line(paragraph));
        }
        text
    }

    /// Whether the document is within its reading-age target (a Welsh document,
    /// which the English measure does not fit, is taken as within it).
    pub fn meets_reading_target(&self) -> bool {
        self.reading_age
            .is_none_or(|age| age <= self.reading_age_target)
    }

    /// The document as a self-contained HTML page (no scripts, fonts or links out),
    /// in its language, to print or hand over.
    pub fn to_html(&self) -> String {
        html::page(self)
    }

    pub(crate) fn measured(mut self, names: &[String]) -> Self {
        self.reading_age_target = if self.easy_read {
            EASY_READ_READING_AGE
        } else {
            STANDARD_READING_AGE
        };
        if self.language == Language::English {
            let mut text = self.body_text();
            // Only a proper name, as written, and as whole words: an agency recorded
            // as "educational psychology" is not a name to set aside.
            for name in names
                .iter()
                .filter(|n| n.chars().next().is_some_and(char::is_uppercase))
            {
                text = plain::replace_whole_words(&text, name, "Name");
            }
            // Each line is read as a sentence (a title, an item of a list), and says
            // so with a full stop for a measure that looks only at punctuation.
            let text = text
                .lines()
                .map(|line| {
                    let line = line.trim_end();
                    if line.is_empty() || line.ends_with(['.', '!', '?']) {
                        line.to_owned()
                    } else {
                        format!("{line}.")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            let age = Readability::of(&text).reading_age();
            self.reading_age = Some((age * 10.0).round() / 10.0);
            self.reading_text = Some(text);
        }
        self
    }
}

/// Why a document could not be written. No variant carries personal data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExplainError {
    /// The record has no consent with this id.
    #[error("the record has no consent with that id")]
    NoSuchConsent,
    /// The record's ledger has no entry at this index.
    #[error("the record's ledger has no entry {index} (it has {len})")]
    NoSuchDecision {
        /// The index asked for.
        index: usize,
        /// How many entries there are.
        len: usize,
    },
    /// The record's contact log has no discussion at this index.
    #[error("the record's contact log has no discussion {index} (it has {len})")]
    NoSuchContact {
        /// The index asked for.
        index: usize,
        /// How many discussions there are.
        len: usize,
    },
    /// The record has no carer with this id.
    #[error("the record has no carer with that id")]
    NoSuchCarer,
    /// The carer named is not someone this is written for: not the one asked for
    /// consent, not in the discussion.
    #[error("that carer is not one this is written for: {why}")]
    NotForThisCarer {
        /// Why not.
        why: &'static str,
    },
    /// A safeguarding share whose justification does not record the carers as told
    /// (or records why they are not told) is not explained to them.
    #[error(
        "this share was made under a safeguarding justification that does not record the carers as told; it is not explained to them (the justification holds the reason)"
    )]
    NotToBeTold,
    /// Consent given by someone who is not a carer or the child (a local authority's
    /// officer under a care order) is discussed with them, not written for a carer.
    #[error("the consent was asked of someone who is not a carer or the child")]
    NotForACarer,
    /// A message file does not read, or lacks a message.
    #[error("the {language} messages do not read")]
    Messages {
        /// The language.
        language: &'static str,
    },
    /// A message is missing from a language's file.
    #[error("the {language} messages have no `{id}`")]
    MissingMessage {
        /// The language.
        language: &'static str,
        /// The message's id.
        id: String,
    },
}

/// The published JSON Schema of what `partnership explain --format json` prints: an
/// array of [`CarerDocument`]s.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod explain { pub use ::partnership_explain::*; } }
/// let doc = partnership::explain::schema();
/// assert_eq!(doc.file_name(), "carer-documents.schema.json");
/// ```
pub fn schema() -> partnership_record::schema::SchemaDocument {
    partnership_record::schema::output::<Vec<CarerDocument>>(
        "CarerDocuments",
        "Printed by partnership explain --format json: one document for each reader, in their language. Personal data: the text names the child and the people in the record.",
    )
}

/// What [`consent_conversation`], [`decision_explained`] and [`what_we_agreed`]
/// return: a document for each reader it is written for, and how many of those it
/// concerns were left out (their document would name someone a withholding rule
/// protects from them), so that nobody is left out unsaid.
#[derive(Debug, Clone, PartialEq)]
pub struct Explained {
    /// The documents, one for each reader.
    pub documents: Vec<CarerDocument>,
    /// How many readers concerned no document was written for.
    pub left_out: usize,
}
