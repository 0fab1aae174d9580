//! [`Pointer`]: a JSON Pointer built a segment at a time, written out only when a
//! problem is reported; [`FieldPath`]: where inside a checked value a rule is broken;
//! [`Located`]: the errors that say so.

use std::borrow::Cow;
use std::fmt;

/// A JSON Pointer (RFC 6901) into a document, built from typed segments as a check
/// walks the document, and written as text only when something is wrong there.
///
/// A check visits every value of a record but reports few problems, so a pointer costs
/// nothing until it is displayed: each segment borrows its parent, and nothing is
/// allocated or formatted on the way down.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::Pointer;
///
/// let root = Pointer::root();
/// let carers = root.field("carers");
/// let second = carers.index(1);
/// assert_eq!(second.field("legalStanding").to_string(), "/carers/1/legalStanding");
/// assert_eq!(root.to_string(), "");
/// // Field names are escaped as RFC 6901 asks.
/// assert_eq!(root.field("a/b~c").to_string(), "/a~1b~0c");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pointer<'a> {
    parent: Option<&'a Pointer<'a>>,
    segment: Segment<'a>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Segment<'a> {
    Root,
    Field(&'a str),
    Index(usize),
}

impl<'a> Pointer<'a> {
    /// The whole document: written as the empty string.
    pub const fn root() -> Self {
        Self {
            parent: None,
            segment: Segment::Root,
        }
    }

    /// The member `name` of the object this points at.
    #[must_use]
    pub const fn field(&'a self, name: &'a str) -> Self {
        Self {
            parent: Some(self),
            segment: Segment::Field(name),
        }
    }

    /// The item at `index` of the array this points at.
    #[must_use]
    pub const fn index(&'a self, index: usize) -> Self {
        Self {
            parent: Some(self),
            segment: Segment::Index(index),
        }
    }

    /// The pointer followed by `path`: where a checked value's rule is broken, as a
    /// pointer into the whole document.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
    /// use partnership::core::{FieldPath, Pointer};
    ///
    /// let root = Pointer::root();
    /// let carers = root.field("carers");
    /// let path = FieldPath::field("legalStanding").then("basis");
    /// assert_eq!(carers.index(0).at(&path), "/carers/0/legalStanding/basis");
    /// assert_eq!(carers.at(&FieldPath::whole()), "/carers");
    /// ```
    pub fn at(&self, path: &FieldPath) -> String {
        use fmt::Write;
        let mut text = self.to_string();
        // Writing to a String cannot fail.
        let _ = write!(text, "{}", path.pointer_suffix());
        text
    }
}

/// Where inside a checked value a rule is broken, relative to that value: built from
/// typed steps (a member's name, an item's index) by the domain crate that checks it,
/// and joined to the value's own place in the document by whoever read it
/// ([`Pointer::at`]). It never travels inside an error's message.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::FieldPath;
///
/// let path = FieldPath::field("events").index(2).then("by");
/// assert_eq!(path.to_string(), "events/2/by");
/// // A name given with slashes is that many members, each escaped on its own.
/// assert_eq!(FieldPath::field("legalStanding/until"), FieldPath::field("legalStanding").then("until"));
/// assert!(FieldPath::whole().is_whole());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct FieldPath(Vec<Step>);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Step {
    Field(Cow<'static, str>),
    Index(usize),
}

impl FieldPath {
    /// The value as a whole: the rule concerns no one field of it.
    pub const fn whole() -> Self {
        Self(Vec::new())
    }

    /// The member `name` of the value checked; see [`then`](Self::then).
    pub fn field(name: impl Into<Cow<'static, str>>) -> Self {
        Self::whole().then(name)
    }

    /// The item at `index` of the list checked.
    pub fn item(index: usize) -> Self {
        Self::whole().index(index)
    }

    /// This path followed by the member `name`. A name with slashes
    /// (`legalStanding/until`) is that many members: the rules name a nested field
    /// that way.
    #[must_use]
    pub fn then(mut self, name: impl Into<Cow<'static, str>>) -> Self {
        match name.into() {
            Cow::Borrowed(name) => self
                .0
                .extend(name.split('/').map(|n| Step::Field(Cow::Borrowed(n)))),
            Cow::Owned(name) => self.0.extend(
                name.split('/')
                    .map(|n| Step::Field(Cow::Owned(n.to_owned()))),
            ),
        }
        self
    }

    /// This path followed by `rest`: where a value's rule is broken inside one of
    /// its members.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
    /// use partnership::core::FieldPath;
    ///
    /// let entry = FieldPath::item(3);
    /// assert_eq!(entry.join(&FieldPath::field("request/at")).to_string(), "3/request/at");
    /// ```
    #[must_use]
    pub fn join(mut self, rest: &FieldPath) -> Self {
        self.0.extend(rest.0.iter().cloned());
        self
    }

    /// This path followed by the item at `index`.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.0.push(Step::Index(index));
        self
    }

    /// The path a JSON Pointer (RFC 6901) names, read as relative to the value
    /// checked: `"/events/2/by"` is `events/2/by`, and `""` the whole value. A
    /// segment of digits alone is an index, and escapes are undone.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
    /// use partnership::core::FieldPath;
    ///
    /// assert_eq!(FieldPath::from_pointer("/events/2/by"), FieldPath::field("events").index(2).then("by"));
    /// assert_eq!(FieldPath::from_pointer("/a~1b~0c").to_string(), "a~1b~0c");
    /// assert!(FieldPath::from_pointer("").is_whole());
    /// ```
    pub fn from_pointer(pointer: &str) -> Self {
        let steps = pointer
            .split('/')
            .skip(1)
            .map(|segment| match segment.parse::<usize>() {
                Ok(index) if segment.bytes().all(|b| b.is_ascii_digit()) => Step::Index(index),
                _ => Step::Field(Cow::Owned(segment.replace("~1", "/").replace("~0", "~"))),
            });
        Self(steps.collect())
    }

    /// Whether the path is the value as a whole.
    pub fn is_whole(&self) -> bool {
        self.0.is_empty()
    }

    /// The path written as the end of a pointer: each step after a slash, names
    /// escaped as RFC 6901 asks; empty for the whole value.
    pub(crate) fn pointer_suffix(&self) -> impl fmt::Display + '_ {
        Suffix(self)
    }
}

struct Suffix<'a>(&'a FieldPath);

impl fmt::Display for Suffix<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for step in &self.0.0 {
            f.write_str("/")?;
            match step {
                Step::Index(index) => write!(f, "{index}")?,
                Step::Field(name) => write_escaped(f, name)?,
            }
        }
        Ok(())
    }
}

/// Written as a relative pointer, without a leading slash: `events/2/by`.
impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let suffix = Suffix(self).to_string();
        f.write_str(suffix.strip_prefix('/').unwrap_or(&suffix))
    }
}

/// An error of a domain rule, which says apart from its message where in the value
/// checked the rule is broken. Its `Display` is the rule in words, never the field:
/// whoever read the value knows where the value is, and joins the two
/// ([`Pointer::at`]).
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::{CoreError, FieldPath, Located};
///
/// let err = CoreError::DuplicateIdentifierSystem { index: 1 };
/// assert_eq!(err.field(), FieldPath::field("identifiers").index(1).then("system"));
/// assert_eq!(err.to_string(), "a child has at most one identifier per system on any day");
/// ```
pub trait Located: std::error::Error {
    /// The field the rule concerns, relative to the value checked.
    fn field(&self) -> FieldPath;
}

/// A step that cannot fail names no field.
impl Located for std::convert::Infallible {
    fn field(&self) -> FieldPath {
        match *self {}
    }
}

fn write_escaped(f: &mut fmt::Formatter<'_>, name: &str) -> fmt::Result {
    for c in name.chars() {
        match c {
            '~' => f.write_str("~0")?,
            '/' => f.write_str("~1")?,
            c => fmt::Write::write_char(f, c)?,
        }
    }
    Ok(())
}

impl fmt::Display for Pointer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(parent) = self.parent {
            parent.fmt(f)?;
        }
        match self.segment {
            Segment::Root => Ok(()),
            Segment::Index(index) => write!(f, "/{index}"),
            Segment::Field(name) => {
                f.write_str("/")?;
                write_escaped(f, name)
            }
        }
    }
}
