//! Checks on lists that every crate's documents share.

use std::collections::BTreeSet;

/// The index of the first item equal to an earlier one, if any: lists of ids,
/// channels, participants and categories never repeat, and the error names the
/// repeat's position.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::first_repeat;
///
/// assert_eq!(first_repeat(["phone", "email", "phone"]), Some(2));
/// assert_eq!(first_repeat([1, 2, 3]), None);
/// ```
pub fn first_repeat<T: Ord>(items: impl IntoIterator<Item = T>) -> Option<usize> {
    // Most lists hold a handful of entries, and every sharing decision checks one:
    // compare the first few pairwise without allocating, and build a set only for a
    // list longer than that.
    const FEW: usize = 8;
    let mut few: [Option<T>; FEW] = std::array::from_fn(|_| None);
    let mut seen: Option<BTreeSet<T>> = None;
    for (index, item) in items.into_iter().enumerate() {
        if let Some(seen) = seen.as_mut() {
            if !seen.insert(item) {
                return Some(index);
            }
            continue;
        }
        if few.iter().flatten().any(|earlier| *earlier == item) {
            return Some(index);
        }
        match few.get_mut(index) {
            Some(slot) => *slot = Some(item),
            None => {
                let mut set: BTreeSet<T> = few.iter_mut().filter_map(Option::take).collect();
                set.insert(item);
                seen = Some(set);
            }
        }
    }
    None
}

/// A list that repeats an earlier entry: which list (a field of the value checked,
/// `legalStanding/areas` for a nested one) and the repeat's index. Each domain
/// crate's error takes it with `?`, as that crate's `Duplicate`.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub use ::chrono; }
/// use partnership::core::{FieldPath, Located, Repeated, no_repeats};
///
/// assert_eq!(no_repeats(["phone", "email"], "channels"), Ok(()));
/// let err = no_repeats(["phone", "email", "phone"], "channels").unwrap_err();
/// assert_eq!(err, Repeated { field: "channels", index: 2 });
/// assert_eq!(err.field(), FieldPath::field("channels").index(2));
/// assert_eq!(err.to_string(), "repeats an earlier entry");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("repeats an earlier entry")]
pub struct Repeated {
    /// The list, as a field of the value checked.
    pub field: &'static str,
    /// Index of the repeat.
    pub index: usize,
}

impl crate::Located for Repeated {
    fn field(&self) -> crate::FieldPath {
        crate::FieldPath::field(self.field).index(self.index)
    }
}

/// Checks that the list `field` repeats no entry; see [`first_repeat`].
///
/// # Errors
///
/// [`Repeated`] at the first entry equal to an earlier one.
pub fn no_repeats<T: Ord>(
    items: impl IntoIterator<Item = T>,
    field: &'static str,
) -> Result<(), Repeated> {
    first_repeat(items).map_or(Ok(()), |index| Err(Repeated { field, index }))
}
