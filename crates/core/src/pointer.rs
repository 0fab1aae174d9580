//! [`Pointer`]: a JSON Pointer built a segment at a time, written out only when a
//! problem is reported.

use std::fmt;

/// A JSON Pointer (RFC 6901) into a document, built from typed segments as a check
/// walks the document, and written as text only when something is wrong there.
///
/// A check visits every value of a record but reports few problems, so a pointer costs
/// nothing until it is displayed: each segment borrows its parent, and nothing is
/// allocated or formatted on the way down.
///
/// ```
/// use partnership_core::Pointer;
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

    /// The pointer followed by `relative`, a pointer written relative to this one
    /// without its leading slash (`legalStanding/basis`), as the domain crates' rules
    /// name the field they concern. Its segments are taken as already escaped.
    ///
    /// ```
    /// use partnership_core::Pointer;
    ///
    /// let root = Pointer::root();
    /// let goal = root.field("goals");
    /// let goal = goal.index(2);
    /// assert_eq!(goal.join("progress/0/on"), "/goals/2/progress/0/on");
    /// assert_eq!(goal.join(""), "/goals/2");
    /// ```
    pub fn join(&self, relative: &str) -> String {
        let mut text = self.to_string();
        if !relative.is_empty() {
            text.push('/');
            text.push_str(relative);
        }
        text
    }
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
                for c in name.chars() {
                    match c {
                        '~' => f.write_str("~0")?,
                        '/' => f.write_str("~1")?,
                        c => fmt::Write::write_char(f, c)?,
                    }
                }
                Ok(())
            }
        }
    }
}
