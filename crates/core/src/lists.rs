//! Checks on lists that every crate's documents share.

use std::collections::BTreeSet;

/// The index of the first item equal to an earlier one, if any: lists of ids,
/// channels, participants and categories never repeat, and the error names the
/// repeat's position.
///
/// ```
/// use partnership_core::first_repeat;
///
/// assert_eq!(first_repeat(["phone", "email", "phone"]), Some(2));
/// assert_eq!(first_repeat([1, 2, 3]), None);
/// ```
pub fn first_repeat<T: Ord>(items: impl IntoIterator<Item = T>) -> Option<usize> {
    let mut seen = BTreeSet::new();
    items
        .into_iter()
        .enumerate()
        .find_map(|(index, item)| (!seen.insert(item)).then_some(index))
}
