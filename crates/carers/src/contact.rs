//! The contact log: discussions with carers, and the actions agreed in them.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use partnership_core::{ActionId, ContactRecordId, PartyRef, Sensitive};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{CarersError, Channel};
use partnership_core::no_repeats;

/// An action agreed in a discussion: what, who owns it, and by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AgreedAction {
    /// The action's id.
    pub id: ActionId,
    /// What will be done. Personal data (it may describe the family's circumstances).
    pub description: Sensitive<String>,
    /// Who will do it.
    pub owner: PartyRef,
    /// By when; not before the discussion.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub due_on: NaiveDate,
    /// When it was done, if it has been; not before the discussion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "partnership_core::canonical_date::optional")]
    pub completed_on: Option<NaiveDate>,
}

impl AgreedAction {
    /// Whether, as of `as_of`, the action is past its due date and not yet done.
    /// On the due date itself it is not yet overdue.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::carers::AgreedAction;
    /// use partnership::core::{ActionId, PartyRef, ProfessionalId, Sensitive};
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let mut action = AgreedAction {
    ///     id: ActionId::random(),
    ///     description: Sensitive::new("Send the visual timetable home".into()),
    ///     owner: PartyRef::Professional { id: ProfessionalId::random() },
    ///     due_on: d(2026, 11, 20),
    ///     completed_on: None,
    /// };
    /// assert!(!action.is_overdue(d(2026, 11, 20)));
    /// assert!(action.is_overdue(d(2026, 11, 21)));
    /// action.completed_on = Some(d(2026, 11, 22));
    /// assert!(action.is_overdue(d(2026, 11, 21)));
    /// assert!(!action.is_overdue(d(2026, 11, 22)));
    /// ```
    pub fn is_overdue(&self, as_of: NaiveDate) -> bool {
        as_of > self.due_on && self.completed_on.is_none_or(|done| done > as_of)
    }

    /// How many days past due as of `as_of`, when overdue.
    pub fn days_overdue(&self, as_of: NaiveDate) -> Option<i64> {
        self.is_overdue(as_of)
            .then(|| (as_of - self.due_on).num_days())
    }
}

/// The plain fields of a [`ContactRecord`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContactRecordParts {
    /// The record's id.
    pub id: ContactRecordId,
    /// When the discussion took place.
    #[serde(deserialize_with = "partnership_core::canonical_date::deserialize")]
    pub date: NaiveDate,
    /// How.
    pub channel: Channel,
    /// Who took part: at least one, none repeated.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub participants: Vec<PartyRef>,
    /// What was discussed. Personal data.
    pub summary: Sensitive<String>,
    /// What was agreed, with owners and due dates. Each once: an action's id is used
    /// once in the whole log.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("uniqueItems" = true))]
    pub agreed_actions: Vec<AgreedAction>,
}

fn check_contact(parts: &ContactRecordParts) -> Result<(), CarersError> {
    if parts.participants.is_empty() {
        return Err(CarersError::NoParticipants);
    }
    no_repeats(parts.participants.iter(), "participants")?;
    no_repeats(parts.agreed_actions.iter().map(|a| a.id), "agreedActions")?;
    for (index, action) in parts.agreed_actions.iter().enumerate() {
        if action.due_on < parts.date {
            return Err(CarersError::ActionBeforeDiscussion {
                index,
                field: "dueOn",
            });
        }
        if action.completed_on.is_some_and(|done| done < parts.date) {
            return Err(CarersError::ActionBeforeDiscussion {
                index,
                field: "completedOn",
            });
        }
    }
    Ok(())
}

partnership_core::validated! {
    /// A record of a discussion with carers: when, how, who took part, what was said
    /// and what was agreed.
    ///
    /// `try_from` (and reading JSON) checks there is at least one participant, that
    /// none repeats, and that no agreed action is due or done before the discussion.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::carers::{Channel, ContactRecord, ContactRecordParts};
    /// use partnership::core::{CarerId, ContactRecordId, FieldPath, Located, PartyRef, Sensitive};
    ///
    /// let record = ContactRecord::try_from(ContactRecordParts {
    ///     id: ContactRecordId::random(),
    ///     date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
    ///     channel: Channel::Phone,
    ///     participants: vec![],
    ///     summary: Sensitive::new("Talked about mornings".into()),
    ///     agreed_actions: vec![],
    /// });
    /// let err = record.unwrap_err();
    /// assert_eq!(err.to_string(), "a contact record names at least one participant");
    /// assert_eq!(err.field(), FieldPath::field("participants"));
    /// ```
    #[derive(Clone, PartialEq, Eq)]
    pub struct ContactRecord(ContactRecordParts);
    check = check_contact;
    error = CarersError;
}

impl ContactRecord {
    /// The record's id.
    pub fn id(&self) -> ContactRecordId {
        self.0.id
    }

    /// When the discussion took place.
    pub fn date(&self) -> NaiveDate {
        self.0.date
    }

    /// How.
    pub fn channel(&self) -> Channel {
        self.0.channel
    }

    /// Who took part: at least one, none repeated.
    pub fn participants(&self) -> &[PartyRef] {
        &self.0.participants
    }

    /// What was discussed. Personal data.
    pub fn summary(&self) -> &Sensitive<String> {
        &self.0.summary
    }

    /// What was agreed, with owners and due dates.
    pub fn agreed_actions(&self) -> &[AgreedAction] {
        &self.0.agreed_actions
    }
}

/// An overdue action found by [`ContactLog::overdue_actions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverdueAction<'a> {
    /// The discussion in which it was agreed.
    pub agreed_in: ContactRecordId,
    /// The action.
    pub action: &'a AgreedAction,
    /// Days past the due date.
    pub days_overdue: i64,
}

/// What a contact log has seen so far, so that the whole log and one new record are
/// checked by the same rule: dates in order, record and action ids used once.
#[derive(Default)]
struct LogSeen {
    record_ids: BTreeSet<ContactRecordId>,
    action_ids: BTreeSet<ActionId>,
    previous: Option<NaiveDate>,
}

impl LogSeen {
    fn admit(&mut self, index: usize, record: &ContactRecord) -> Result<(), CarersError> {
        if out_of_order(self.previous, record) {
            return Err(CarersError::ContactLogOrder { index });
        }
        // A record's own actions never repeat (its own check); only earlier
        // records can hold the same ids.
        let repeated = self.record_ids.contains(&record.id())
            || record
                .agreed_actions()
                .iter()
                .any(|a| self.action_ids.contains(&a.id));
        if repeated {
            return Err(CarersError::ContactLogDuplicateId { index });
        }
        self.previous = Some(record.date());
        self.record_ids.insert(record.id());
        self.action_ids
            .extend(record.agreed_actions().iter().map(|a| a.id));
        Ok(())
    }
}

/// Whether `record` is dated before the discussion before it: the log is kept
/// oldest first.
fn out_of_order(previous: Option<NaiveDate>, record: &ContactRecord) -> bool {
    previous.is_some_and(|p| record.date() < p)
}

fn check_log(records: &[ContactRecord]) -> Result<(), CarersError> {
    let mut seen = LogSeen::default();
    for (index, record) in records.iter().enumerate() {
        seen.admit(index, record)?;
    }
    Ok(())
}

partnership_core::validated! {
    /// The contact log: discussions with carers, oldest first, with unique record and
    /// action ids. Serialised as a JSON array of contact records.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::carers::{AgreedAction, Channel, ContactLog, ContactRecord, ContactRecordParts};
    /// use partnership::core::{ActionId, CarerId, ContactRecordId, PartyRef, ProfessionalId, Sensitive};
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let mum = PartyRef::Carer { id: CarerId::random() };
    /// let teacher = PartyRef::Professional { id: ProfessionalId::random() };
    /// let record = ContactRecord::try_from(ContactRecordParts {
    ///     id: ContactRecordId::random(),
    ///     date: d(2026, 11, 2),
    ///     channel: Channel::FaceToFace,
    ///     participants: vec![mum, teacher],
    ///     summary: Sensitive::new("Reading at home".into()),
    ///     agreed_actions: vec![AgreedAction {
    ///         id: ActionId::random(),
    ///         description: Sensitive::new("Send reading books home on Fridays".into()),
    ///         owner: teacher,
    ///         due_on: d(2026, 11, 6),
    ///         completed_on: None,
    ///     }],
    /// }).unwrap();
    /// let log = ContactLog::try_from(vec![record]).unwrap();
    ///
    /// let overdue = log.overdue_actions(d(2026, 11, 23));
    /// assert_eq!(overdue.len(), 1);
    /// assert_eq!(overdue[0].days_overdue, 17);
    /// assert_eq!(log.last_contact_with(mum, d(2026, 11, 23)), Some(d(2026, 11, 2)));
    /// ```
    #[derive(Clone, Default, PartialEq, Eq)]
    pub struct ContactLog(Vec<ContactRecord>);
    check = check_log;
    error = CarersError;
}

partnership_core::listed!(ContactLog, ContactRecord);

impl ContactLog {
    /// Adds a discussion at the end of the log, checked as the whole log is: not
    /// dated before the last discussion, and no record or action id used before. On
    /// error the log is unchanged.
    ///
    /// # Errors
    ///
    /// [`CarersError::ContactLogOrder`] or [`CarersError::ContactLogDuplicateId`],
    /// naming the index the record would have had.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::carers::{Channel, ContactLog, ContactRecord, ContactRecordParts};
    /// use partnership::core::{CarerId, ContactRecordId, PartyRef, Sensitive};
    ///
    /// let talk = |day| ContactRecord::try_from(ContactRecordParts {
    ///     id: ContactRecordId::random(),
    ///     date: NaiveDate::from_ymd_opt(2026, 11, day).expect("a date"),
    ///     channel: Channel::Phone,
    ///     participants: vec![PartyRef::Carer { id: CarerId::random() }],
    ///     summary: Sensitive::new("Settling in".into()),
    ///     agreed_actions: vec![],
    /// });
    /// let mut log = ContactLog::default();
    /// log.record(talk(9)?)?;
    /// assert!(log.record(talk(2)?).is_err(), "kept in date order");
    /// assert_eq!(log.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record(&mut self, entry: ContactRecord) -> Result<(), CarersError> {
        let index = self.0.len();
        if out_of_order(self.0.last().map(|r| r.date()), &entry) {
            return Err(CarersError::ContactLogOrder { index });
        }
        // The same rule as the whole log's, by a scan rather than sets: one record
        // joins a checked log without building an index of it.
        let repeated = self.0.iter().any(|earlier| {
            earlier.id() == entry.id()
                || earlier
                    .agreed_actions()
                    .iter()
                    .any(|a| entry.agreed_actions().iter().any(|b| b.id == a.id))
        });
        if repeated {
            return Err(CarersError::ContactLogDuplicateId { index });
        }
        self.0.push(entry);
        Ok(())
    }

    /// Records an agreed action as done on `on`, wherever in the log it was agreed.
    /// An action is completed once, and not before the discussion that agreed it;
    /// on error the log is unchanged.
    ///
    /// # Errors
    ///
    /// [`CarersError::NoSuchAction`], [`CarersError::ActionAlreadyCompleted`] or
    /// [`CarersError::ActionCompletedBeforeDiscussion`].
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod carers { pub use ::partnership_carers::*; } pub use ::chrono; }
    /// use partnership::chrono::NaiveDate;
    /// use partnership::carers::{AgreedAction, Channel, ContactLog, ContactRecord, ContactRecordParts};
    /// use partnership::core::{ActionId, CarerId, ContactRecordId, PartyRef, Sensitive};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).ok_or("a date");
    /// let mum = PartyRef::Carer { id: CarerId::random() };
    /// let books = ActionId::random();
    /// let mut log = ContactLog::default();
    /// log.record(ContactRecord::try_from(ContactRecordParts {
    ///     id: ContactRecordId::random(),
    ///     date: day(2)?,
    ///     channel: Channel::Phone,
    ///     participants: vec![mum],
    ///     summary: Sensitive::new("Reading at home".into()),
    ///     agreed_actions: vec![AgreedAction {
    ///         id: books,
    ///         description: Sensitive::new("Send reading books home".into()),
    ///         owner: mum,
    ///         due_on: day(6)?,
    ///         completed_on: None,
    ///     }],
    /// })?)?;
    /// log.complete_action(books, day(5)?)?;
    /// assert!(log.overdue_actions(day(23)?).is_empty());
    /// assert!(log.complete_action(books, day(6)?).is_err(), "done once");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn complete_action(&mut self, action: ActionId, on: NaiveDate) -> Result<(), CarersError> {
        let (index, i, record) = self
            .0
            .iter_mut()
            .enumerate()
            .find_map(|(index, record)| {
                let i = record
                    .agreed_actions()
                    .iter()
                    .position(|a| a.id == action)?;
                Some((index, i, record))
            })
            .ok_or(CarersError::NoSuchAction)?;
        let date = record.date();
        let slot = record
            .0
            .agreed_actions
            .get_mut(i)
            .ok_or(CarersError::NoSuchAction)?;
        if slot.completed_on.is_some() {
            return Err(CarersError::ActionAlreadyCompleted { index, action: i });
        }
        if on < date {
            return Err(CarersError::ActionCompletedBeforeDiscussion { index, action: i });
        }
        // The record's rules hold still: only a completion on or after its date is
        // added, and nothing else about the record changes.
        slot.completed_on = Some(on);
        Ok(())
    }

    /// Every action overdue as of `as_of`, in the order they were agreed.
    pub fn overdue_actions(&self, as_of: NaiveDate) -> Vec<OverdueAction<'_>> {
        self.iter()
            .flat_map(|record| {
                record.agreed_actions().iter().filter_map(move |action| {
                    action
                        .days_overdue(as_of)
                        .map(|days_overdue| OverdueAction {
                            agreed_in: record.id(),
                            action,
                            days_overdue,
                        })
                })
            })
            .collect()
    }

    /// The date of the most recent discussion on or before `as_of` that `party` took
    /// part in: for a carer, the last time they heard how things are going.
    pub fn last_contact_with(&self, party: PartyRef, as_of: NaiveDate) -> Option<NaiveDate> {
        self.iter()
            .rev()
            .filter(|record| record.date() <= as_of)
            .find(|record| record.participants().contains(&party))
            .map(|record| record.date())
    }
}
