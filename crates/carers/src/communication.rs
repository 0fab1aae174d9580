//! How, when and in what language to communicate with a carer.

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDateTime;
use partnership_core::{DayOfWeek, Label, Sensitive, TimeOfDay};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use crate::CarersError;

/// A way of communicating with a carer.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Channel {
    /// Telephone call.
    Phone,
    /// Text message.
    TextMessage,
    /// Email.
    Email,
    /// Letter by post.
    Letter,
    /// Face-to-face meeting at a setting.
    FaceToFace,
    /// Home visit.
    HomeVisit,
    /// Video call.
    VideoCall,
    /// Written report.
    WrittenReport,
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Phone => "phone",
            Self::TextMessage => "text message",
            Self::Email => "email",
            Self::Letter => "letter",
            Self::FaceToFace => "face-to-face meeting",
            Self::HomeVisit => "home visit",
            Self::VideoCall => "video call",
            Self::WrittenReport => "written report",
        })
    }
}

/// A BCP 47 language tag (RFC 5646): `en`, `cy` (Welsh), `pl`, `pa-Guru` (Punjabi in
/// Gurmukhi), `bfi` (British Sign Language).
///
/// Checked for well-formedness; the tag is kept as written so a record reads back
/// byte for byte.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
/// use partnership::carers::LanguageTag;
///
/// assert_eq!(LanguageTag::parse("pa-Guru-IN").unwrap().primary_language(), "pa");
/// assert!(LanguageTag::parse("english please").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageTag(String);

impl LanguageTag {
    /// Checks and wraps a language tag.
    ///
    /// # Errors
    ///
    /// [`CarersError::LanguageTag`] when the tag is not well-formed BCP 47.
    pub fn parse(tag: impl Into<String>) -> Result<Self, CarersError> {
        let tag = tag.into();
        oxilangtag::LanguageTag::parse(tag.as_str()).map_err(|_| CarersError::LanguageTag)?;
        Ok(Self(tag))
    }

    /// The tag as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag, lower-cased (`pa` for `pa-Guru-IN`).
    pub fn primary_language(&self) -> String {
        self.0
            .split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    }

    /// Whether the primary language is English, so written material and meetings in
    /// English need no interpreter or translation for this carer.
    pub fn is_english(&self) -> bool {
        self.primary_language() == "en"
    }
}

impl TryFrom<String> for LanguageTag {
    type Error = CarersError;

    fn try_from(tag: String) -> Result<Self, Self::Error> {
        Self::parse(tag)
    }
}

impl From<LanguageTag> for String {
    fn from(tag: LanguageTag) -> Self {
        tag.0
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LanguageTag({})", self.0)
    }
}

impl JsonSchema for LanguageTag {
    fn schema_name() -> Cow<'static, str> {
        "LanguageTag".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "partnership_carers::LanguageTag".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$",
            "description": "BCP 47 language tag, for example en, cy, pl, pa-Guru, bfi (British Sign Language). Not expressible here: the full RFC 5646 well-formedness rules."
        })
    }
}

partnership_core::labelled_enum! {
    /// An access need to plan meetings and materials around.
    pub enum AccessibilityNeed {
        /// A British Sign Language interpreter.
        BslInterpreter => "bsl-interpreter", "BSL interpreter";
        /// Large print.
        LargePrint => "large-print", "large print";
        /// Braille.
        Braille => "braille", "Braille";
        /// A hearing loop in the meeting room.
        HearingLoop => "hearing-loop", "hearing loop";
        /// Step-free access.
        StepFreeAccess => "step-free-access", "step-free access";
        /// A quiet room or reduced sensory load.
        QuietSpace => "quiet-space", "quiet space";
    }
    /// Anything else.
    Other { label: Label => "The need, in words." }
}

/// The plain fields of an [`AvailabilityWindow`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AvailabilityWindowParts {
    /// The day of the week.
    pub day: DayOfWeek,
    /// The start of the window (local time).
    pub from: TimeOfDay,
    /// The end of the window (local time), after the start.
    pub until: TimeOfDay,
}

fn check_window(parts: &AvailabilityWindowParts) -> Result<(), CarersError> {
    if parts.until <= parts.from {
        return Err(CarersError::EmptyWindow);
    }
    Ok(())
}

partnership_core::validated! {
    /// A day of the week and a window of time in which a carer can meet.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
    /// use partnership::carers::AvailabilityWindow;
    /// use partnership::core::{DayOfWeek, TimeOfDay};
    ///
    /// let evening = AvailabilityWindow::new(
    ///     DayOfWeek::Tuesday,
    ///     "18:30".parse().unwrap(),
    ///     "20:00".parse().unwrap(),
    /// ).unwrap();
    /// assert_eq!(evening.duration_minutes(), 90);
    /// assert!(AvailabilityWindow::new(DayOfWeek::Tuesday, "20:00".parse().unwrap(), "18:30".parse().unwrap()).is_err());
    /// ```
    #[derive(Clone, Copy, PartialEq, Eq, Hash)]
    pub struct AvailabilityWindow(AvailabilityWindowParts);
    check = check_window;
    error = CarersError;
}

impl AvailabilityWindow {
    /// The day of the week.
    pub fn day(&self) -> DayOfWeek {
        self.0.day
    }

    /// The start of the window (local time).
    pub fn from(&self) -> TimeOfDay {
        self.0.from
    }

    /// The end of the window (local time), after the start.
    pub fn until(&self) -> TimeOfDay {
        self.0.until
    }
}

impl AvailabilityWindow {
    /// A window on `day` from `from` until `until`, which must be later.
    ///
    /// # Errors
    ///
    /// [`CarersError::EmptyWindow`] when `until` is not after `from`.
    pub fn new(day: DayOfWeek, from: TimeOfDay, until: TimeOfDay) -> Result<Self, CarersError> {
        Self::try_from(AvailabilityWindowParts { day, from, until })
    }

    /// Length in minutes.
    pub fn duration_minutes(&self) -> u16 {
        self.until().minutes_since_midnight() - self.from().minutes_since_midnight()
    }

    /// Whether a meeting starting at `start` and lasting `minutes` fits in the window.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
    /// # use partnership::carers::AvailabilityWindow;
    /// # use partnership::core::DayOfWeek;
    /// let w = AvailabilityWindow::new(DayOfWeek::Monday, "18:00".parse().unwrap(), "20:00".parse().unwrap()).unwrap();
    /// let monday_7pm = partnership::chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(19, 0, 0).unwrap();
    /// assert!(w.fits(monday_7pm, 60));
    /// assert!(!w.fits(monday_7pm, 61));
    /// ```
    pub fn fits(&self, start: NaiveDateTime, minutes: u16) -> bool {
        use chrono::Timelike;
        let day = DayOfWeek::of(start.date());
        let begins = start.hour() * 60 + start.minute();
        let ends = begins + u32::from(minutes);
        day == self.day()
            && begins >= u32::from(self.from().minutes_since_midnight())
            && ends <= u32::from(self.until().minutes_since_midnight())
    }
}

/// A limit on how a carer may be contacted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ContactRestriction {
    /// Do not leave voicemail messages.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    NoVoicemail,
    /// Do not send post to the home address.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    NoLetters,
    /// Do not visit at home.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    NoHomeVisits,
    /// Do not contact at the carer's workplace.
    #[serde(deserialize_with = "partnership_core::json::no_payload")]
    NoContactAtWork,
    /// Do not contact on these days.
    NotOnDays {
        /// The days to avoid.
        days: Vec<DayOfWeek>,
    },
    /// Do not contact before this time of day.
    NotBefore {
        /// The earliest time.
        time: TimeOfDay,
    },
    /// Do not contact after this time of day.
    NotAfter {
        /// The latest time.
        time: TimeOfDay,
    },
    /// Anything else. The note may describe a person's circumstances, so it is personal data.
    Other {
        /// The restriction, in words. Personal data.
        note: Sensitive<String>,
    },
}

/// How to reach a carer. Every field is personal data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContactDetails {
    /// Telephone number. Personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Sensitive<Label>>,
    /// Email address. Personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Sensitive<Label>>,
    /// Postal address. Personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Sensitive<String>>,
}

impl ContactDetails {
    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.phone.is_none() && self.email.is_none() && self.address.is_none()
    }
}

/// How, when and in what language to communicate with a carer.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
/// use partnership::carers::{AccessibilityNeed, Channel, CommunicationPreferences, LanguageTag};
///
/// let mut prefs = CommunicationPreferences::in_language(LanguageTag::parse("pl").unwrap());
/// prefs.channels = vec![Channel::TextMessage, Channel::FaceToFace];
/// prefs.interpreter_needed = true;
/// prefs.accessibility_needs.push(AccessibilityNeed::LargePrint);
/// assert_eq!(prefs.preferred_channel(), Some(Channel::TextMessage));
/// assert!(prefs.needs_language_support());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CommunicationPreferences {
    /// Channels in order of preference, most preferred first; none repeated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("uniqueItems" = true))]
    pub channels: Vec<Channel>,
    /// The language the carer prefers, as a BCP 47 tag.
    pub preferred_language: LanguageTag,
    /// Whether an interpreter is needed for meetings.
    pub interpreter_needed: bool,
    /// Whether literacy support or easy-read material is needed.
    pub easy_read_needed: bool,
    /// Access needs for meetings and materials.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accessibility_needs: Vec<AccessibilityNeed>,
    /// More about access needs. Personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessibility_note: Option<Sensitive<String>>,
    /// When the carer can meet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub availability: Vec<AvailabilityWindow>,
    /// Limits on how the carer may be contacted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contact_restrictions: Vec<ContactRestriction>,
    /// Telephone, email and address.
    #[serde(default, skip_serializing_if = "ContactDetails::is_empty")]
    pub contact_details: ContactDetails,
}

impl CommunicationPreferences {
    /// Preferences with only a language set: no channel order, no interpreter, no
    /// access needs, no availability recorded yet.
    pub fn in_language(preferred_language: LanguageTag) -> Self {
        Self {
            channels: Vec::new(),
            preferred_language,
            interpreter_needed: false,
            easy_read_needed: false,
            accessibility_needs: Vec::new(),
            accessibility_note: None,
            availability: Vec::new(),
            contact_restrictions: Vec::new(),
            contact_details: ContactDetails::default(),
        }
    }

    /// The most preferred channel, if any is recorded.
    pub fn preferred_channel(&self) -> Option<Channel> {
        self.channels.first().copied()
    }

    /// Whether meetings and materials need an interpreter, translation, easy-read or
    /// a BSL interpreter for this carer.
    pub fn needs_language_support(&self) -> bool {
        self.interpreter_needed
            || self.easy_read_needed
            || !self.preferred_language.is_english()
            || self
                .accessibility_needs
                .contains(&AccessibilityNeed::BslInterpreter)
    }

    /// Whether the carer is available for a meeting starting at `start` lasting
    /// `minutes`. With no availability recorded, nothing is ruled out.
    pub fn available_at(&self, start: NaiveDateTime, minutes: u16) -> bool {
        self.availability.is_empty() || self.availability.iter().any(|w| w.fits(start, minutes))
    }
}
