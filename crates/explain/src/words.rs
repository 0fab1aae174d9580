//! The messages, kept as data in Project Fluent files (`locales/*.ftl`): a service adds
//! a language by adding a file with the same messages.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::ExplainError;

/// A language the documents are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Language {
    /// English, as written in the United Kingdom (`en-GB`).
    English,
    /// Welsh (`cy`): public bodies in Wales must offer it (Welsh Language (Wales)
    /// Measure 2011).
    Welsh,
}

impl Language {
    /// Every language with a complete set of messages.
    pub const ALL: [Self; 2] = [Self::English, Self::Welsh];

    /// The language's BCP 47 tag.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod explain { pub use ::partnership_explain::*; } }
    /// use partnership::explain::Language;
    ///
    /// assert_eq!(Language::Welsh.tag(), "cy");
    /// ```
    pub const fn tag(self) -> &'static str {
        match self {
            Self::English => "en-GB",
            Self::Welsh => "cy",
        }
    }

    /// The language for a carer's BCP 47 tag, and whether it is the one they asked
    /// for: their own when there are messages for it (`cy`, `cy-GB`, `en`, `en-US`),
    /// otherwise English, which the document then says.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod explain { pub use ::partnership_explain::*; } }
    /// use partnership::explain::Language;
    ///
    /// assert_eq!(Language::for_tag("cy-GB"), (Language::Welsh, true));
    /// assert_eq!(Language::for_tag("pl"), (Language::English, false));
    /// assert_eq!(Language::for_tag("not a tag"), (Language::English, false));
    /// ```
    pub fn for_tag(tag: &str) -> (Self, bool) {
        let Ok(id) = tag.parse::<LanguageIdentifier>() else {
            return (Self::English, false);
        };
        match id.language.as_str() {
            "cy" => (Self::Welsh, true),
            "en" => (Self::English, true),
            _ => (Self::English, false),
        }
    }

    /// The Fluent source of the language's messages.
    pub const fn source(self) -> &'static str {
        match self {
            Self::English => include_str!("../locales/en-GB.ftl"),
            Self::Welsh => include_str!("../locales/cy.ftl"),
        }
    }
}

/// One language's messages, ready to be filled in.
pub(crate) struct Words {
    bundle: FluentBundle<FluentResource>,
    pub(crate) language: Language,
}

impl Words {
    pub(crate) fn new(language: Language) -> Result<Self, ExplainError> {
        let resource = FluentResource::try_new(language.source().to_owned()).map_err(|_| {
            ExplainError::Messages {
                language: language.tag(),
            }
        })?;
        let id: LanguageIdentifier =
            language.tag().parse().map_err(|_| ExplainError::Messages {
                language: language.tag(),
            })?;
        let mut bundle = FluentBundle::new(vec![id]);
        // The marks Fluent puts around each value keep right-to-left names apart in
        // a mixed line; these languages are left to right, and a text message counts
        // every character.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .map_err(|_| ExplainError::Messages {
                language: language.tag(),
            })?;
        Ok(Self { bundle, language })
    }

    /// The message `id` with `args` filled in.
    pub(crate) fn get(&self, id: &str, args: &[(&str, &str)]) -> Result<String, ExplainError> {
        let missing = || ExplainError::MissingMessage {
            language: self.language.tag(),
            id: id.to_owned(),
        };
        let message = self.bundle.get_message(id).ok_or_else(missing)?;
        let pattern = message.value().ok_or_else(missing)?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, FluentValue::from(*value));
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(missing())
        }
    }

    /// A day, written out: "Monday 23 November 2026", "Dydd Llun 23 Tachwedd 2026".
    pub(crate) fn date(&self, day: chrono::NaiveDate) -> Result<String, ExplainError> {
        use chrono::Datelike;
        let weekday = self.get(
            &format!("weekday-{}", day.weekday().number_from_monday()),
            &[],
        )?;
        let month = self.get(&format!("month-{}", day.month()), &[])?;
        self.get(
            "date",
            &[
                ("weekday", &weekday),
                ("day", &day.day().to_string()),
                ("month", &month),
                ("year", &day.year().to_string()),
            ],
        )
    }

    /// Items joined as a list: "a, b and c".
    pub(crate) fn list(&self, items: &[String], joiner: &str) -> Result<String, ExplainError> {
        let mut word = self.get(joiner, &[])?;
        // Welsh "a" is "ac" before a vowel ("ac iechyd").
        if self.language == Language::Welsh
            && joiner == "list-and"
            && items
                .last()
                .and_then(|last| last.chars().next())
                .is_some_and(|c| "aeiouwyâêîôûŵŷAEIOUWY".contains(c))
        {
            word = "ac".to_owned();
        }
        Ok(match items {
            [] => String::new(),
            [only] => only.clone(),
            [rest @ .., last] => format!("{} {word} {last}", rest.join(", ")),
        })
    }
}

/// The ids of every message in `source`, in order.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod explain { pub use ::partnership_explain::*; } }
/// use partnership::explain::{Language, message_ids};
///
/// let english = message_ids(Language::English.source());
/// assert!(english.contains(&"consent-choice".to_owned()));
/// ```
pub fn message_ids(source: &str) -> Vec<String> {
    let Ok(resource) = FluentResource::try_new(source.to_owned()) else {
        return Vec::new();
    };
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect()
}
