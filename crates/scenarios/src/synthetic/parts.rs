//! The generator's own pieces: its random numbers, its ids and its invented names.

use chrono::{Days, NaiveDate};
use partnership_carers::{LegalStanding, ParentalResponsibilityBasis};
use partnership_core::{Label, Sensitive};
use uuid::Uuid;

use crate::kit::{Fallible, IdSpace};

/// SplitMix64: tiny, fast, and the same on every platform.
#[derive(Debug, Clone)]
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub(super) fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }

    pub(super) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len() as u64) as usize)
    }

    pub(super) fn days(&mut self, from: NaiveDate, within: u64) -> NaiveDate {
        from + Days::new(self.below(within))
    }
}

/// Ids for one record, from its id space.
#[derive(Clone)]
pub(super) struct Ids {
    pub(super) space: IdSpace,
    pub(super) next: u64,
}

impl Ids {
    pub(super) fn id<T: From<Uuid>>(&mut self) -> T {
        self.next += 1;
        self.space.uuid(self.next).into()
    }
}

pub(super) const FIRST_NAMES: [&str; 16] = [
    "Amara", "Ben", "Chloe", "Dev", "Ella", "Finn", "Grace", "Hamza", "Isla", "Jack", "Kiran",
    "Lily", "Mo", "Nia", "Oscar", "Priya",
];
pub(super) const ADULT_NAMES: [&str; 12] = [
    "Alex",
    "Bernadette",
    "Carl",
    "Dawn",
    "Errol",
    "Fatima",
    "Gareth",
    "Hina",
    "Ian",
    "Joy",
    "Kwame",
    "Lorraine",
];
pub(super) const SURNAMES: [&str; 12] = [
    "Ahmed", "Brown", "Campbell", "Das", "Evans", "Fisher", "Green", "Hussain", "Jones", "Khan",
    "Lewis", "Murphy",
];
pub(super) const LANGUAGES: [&str; 8] =
    ["en-GB", "en-GB", "en-GB", "en-GB", "pl", "ur", "ro", "so"];

pub(super) fn label(text: &str) -> Fallible<Sensitive<Label>> {
    Ok(Sensitive::new(Label::new(text)?))
}

pub(super) fn person(rng: &mut Rng, surname: &str) -> Fallible<Sensitive<Label>> {
    let first = rng.pick(&ADULT_NAMES).ok_or("no names")?;
    label(&format!("{first} {surname}"))
}

pub(super) fn pr(basis: ParentalResponsibilityBasis) -> LegalStanding {
    LegalStanding::ParentalResponsibility {
        basis,
        since: None,
        until: None,
    }
}
