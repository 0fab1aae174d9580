//! [`DisclosureLedger`]: every sharing decision, permit or refusal, in an
//! append-only, hash-chained log.

use std::borrow::Cow;
use std::fmt;

use chrono::{DateTime, Utc};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{
    ConsentError, ConsentRecord, Disclosure, SafeguardingJustification, SharingDecision,
    SharingRequest, WithholdingRule, decide,
};

/// A SHA-256 digest, written as 64 lower-case hexadecimal digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Sha256Digest([u8; 32]);

impl Sha256Digest {
    /// The digest that precedes the first entry: all zeros.
    pub const GENESIS: Self = Self([0; 32]);

    /// The 32 bytes.
    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    fn of(bytes: &[u8]) -> Self {
        Self(Sha256::digest(bytes).into())
    }
}

impl fmt::Display for Sha256Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

impl fmt::Debug for Sha256Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sha256Digest({self})")
    }
}

impl TryFrom<String> for Sha256Digest {
    type Error = ConsentError;

    fn try_from(hex: String) -> Result<Self, Self::Error> {
        let digit = |c: u8| match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        };
        if hex.len() != 64 {
            return Err(ConsentError::Digest);
        }
        let mut bytes = [0u8; 32];
        for (slot, pair) in bytes.iter_mut().zip(hex.as_bytes().chunks_exact(2)) {
            let [hi, lo] = pair else {
                return Err(ConsentError::Digest);
            };
            *slot = digit(*hi)
                .zip(digit(*lo))
                .map(|(h, l)| h << 4 | l)
                .ok_or(ConsentError::Digest)?;
        }
        Ok(Self(bytes))
    }
}

impl From<Sha256Digest> for String {
    fn from(digest: Sha256Digest) -> Self {
        digest.to_string()
    }
}

impl JsonSchema for Sha256Digest {
    fn schema_name() -> Cow<'static, str> {
        "Sha256Digest".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "partnership_consent::Sha256Digest".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9a-f]{64}$",
            "description": "SHA-256 digest as 64 lower-case hexadecimal digits."
        })
    }
}

/// One recorded decision: the request, the decision with its reasons, when it was
/// recorded, and the hash chain that makes any later change detectable.
///
/// `hash` is the SHA-256 of the previous entry's hash followed by the canonical JSON
/// of this entry's other fields (`index`, `recordedAt`, `request`, `decision`,
/// `previousHash`, in that order, as this library writes them: struct fields in
/// declaration order, no maps, no insignificant whitespace).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LedgerEntry {
    /// Position in the ledger, from 0.
    pub index: u64,
    /// When the decision was recorded (RFC 3339, UTC); never before the entry before.
    pub recorded_at: DateTime<Utc>,
    /// The request decided.
    pub request: SharingRequest,
    /// The decision and its basis or reasons.
    pub decision: SharingDecision,
    /// The hash of the entry before (all zeros for the first).
    pub previous_hash: Sha256Digest,
    /// This entry's hash.
    pub hash: Sha256Digest,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EntryBody<'a> {
    index: u64,
    recorded_at: &'a DateTime<Utc>,
    request: &'a SharingRequest,
    decision: &'a SharingDecision,
    previous_hash: &'a Sha256Digest,
}

impl LedgerEntry {
    /// The hash this entry should carry, from its other fields.
    pub fn expected_hash(&self) -> Sha256Digest {
        entry_hash(
            self.index,
            &self.recorded_at,
            &self.request,
            &self.decision,
            &self.previous_hash,
        )
    }
}

fn entry_hash(
    index: u64,
    recorded_at: &DateTime<Utc>,
    request: &SharingRequest,
    decision: &SharingDecision,
    previous_hash: &Sha256Digest,
) -> Sha256Digest {
    let body = EntryBody {
        index,
        recorded_at,
        request,
        decision,
        previous_hash,
    };
    // Serialising these types cannot fail (no maps with non-string keys, no
    // fallible Serialize impls); an empty body would still chain, and verify would
    // then report the entry.
    let mut bytes = previous_hash.as_bytes().to_vec();
    bytes.extend(serde_json::to_vec(&body).unwrap_or_default());
    Sha256Digest::of(&bytes)
}

/// The length and last hash of a ledger: kept apart from the entries (in another
/// store, or signed), it lets [`DisclosureLedger::verify_against`] notice entries
/// removed from the end, which no chain can show by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LedgerHead {
    /// How many entries.
    pub length: u64,
    /// The last entry's hash (all zeros when empty).
    pub hash: Sha256Digest,
}

/// What the ledger answers: the decision, its place in the ledger, and a
/// [`Disclosure`] when sharing is permitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerOutcome {
    /// The decision, as recorded.
    pub decision: SharingDecision,
    /// The index of the entry that records it.
    pub index: u64,
    /// Proof that sharing is permitted; `None` for a refusal.
    pub disclosure: Option<Disclosure>,
}

fn check_chain(entries: &[LedgerEntry]) -> Result<(), ConsentError> {
    let mut previous = Sha256Digest::GENESIS;
    let mut previous_time: Option<DateTime<Utc>> = None;
    for (index, entry) in entries.iter().enumerate() {
        let in_place = u64::try_from(index).is_ok_and(|i| i == entry.index);
        let in_time = previous_time.is_none_or(|t| entry.recorded_at >= t);
        if !in_place
            || !in_time
            || entry.previous_hash != previous
            || entry.hash != entry.expected_hash()
        {
            return Err(ConsentError::LedgerTampered { index });
        }
        previous = entry.hash;
        previous_time = Some(entry.recorded_at);
    }
    Ok(())
}

partnership_core::validated! {
    /// Every sharing decision, permit or refusal, in an append-only log whose entries
    /// are chained by SHA-256, so that changing, removing, reordering or inserting an
    /// entry is detected by [`verify`](Self::verify).
    ///
    /// The ledger is the only way to obtain a [`Disclosure`]: ask it to
    /// [`decide`](Self::decide), and it records the decision before it answers. Read
    /// from JSON (an array of entries) or JSON lines, a ledger is verified first.
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use partnership_consent::*;
    /// # use partnership_core::*;
    /// let mut ledger = DisclosureLedger::default();
    /// let request = SharingRequest::try_from(SharingRequestParts {
    ///     id: SharingRequestId::random(),
    ///     child: ChildId::random(),
    ///     requested_by: ProfessionalId::random(),
    ///     recipient: Recipient::Agency { id: AgencyId::random(), agency_kind: AgencyKind::Health },
    ///     purpose: Purpose::HealthCare,
    ///     data_categories: vec![DataCategory::Health],
    ///     at: Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap(),
    ///     child_capacity: ChildCapacity::NotAssessed {},
    /// }).unwrap();
    /// // No consent and no justification: refused, and recorded all the same.
    /// let outcome = ledger.decide(&request, &[], &[], None, request.at).unwrap();
    /// assert!(outcome.disclosure.is_none());
    /// assert_eq!(ledger.len(), 1);
    /// assert!(ledger.verify().is_ok());
    /// ```
    #[derive(Clone, Default, PartialEq, Eq)]
    pub struct DisclosureLedger(Vec<LedgerEntry>);
    check = check_chain;
    error = ConsentError;
}

impl DisclosureLedger {
    /// Decides `request` (see [`decide`](crate::decide)), records the decision, and
    /// answers: with a [`Disclosure`] when sharing is permitted.
    ///
    /// `recorded_at` is the time of recording, supplied by the caller (the library
    /// reads no clock); it may not be earlier than the last entry's.
    pub fn decide(
        &mut self,
        request: &SharingRequest,
        consents: &[ConsentRecord],
        withholdings: &[WithholdingRule],
        justification: Option<&SafeguardingJustification>,
        recorded_at: DateTime<Utc>,
    ) -> Result<LedgerOutcome, ConsentError> {
        let decision = decide(request, consents, withholdings, justification);
        let index = self.append(request.clone(), decision.clone(), recorded_at)?;
        let disclosure = match &decision {
            SharingDecision::Permit {
                basis,
                data_categories,
            } => Some(Disclosure::from_recorded_permit(
                request,
                basis.clone(),
                data_categories.clone(),
                index,
            )),
            SharingDecision::Refuse { .. } => None,
        };
        Ok(LedgerOutcome {
            decision,
            index,
            disclosure,
        })
    }

    fn append(
        &mut self,
        request: SharingRequest,
        decision: SharingDecision,
        recorded_at: DateTime<Utc>,
    ) -> Result<u64, ConsentError> {
        let last = self.0.last();
        if last.is_some_and(|e| recorded_at < e.recorded_at) {
            return Err(ConsentError::LedgerTimeGoesBack);
        }
        let previous_hash = last.map_or(Sha256Digest::GENESIS, |e| e.hash);
        let index = u64::try_from(self.0.len()).unwrap_or(u64::MAX);
        let hash = entry_hash(index, &recorded_at, &request, &decision, &previous_hash);
        self.0.push(LedgerEntry {
            index,
            recorded_at,
            request,
            decision,
            previous_hash,
            hash,
        });
        Ok(index)
    }

    /// Checks the whole chain; the error names the first entry that does not match.
    pub fn verify(&self) -> Result<(), ConsentError> {
        check_chain(&self.0)
    }

    /// Checks the chain and that it ends at `head`, recorded earlier: entries removed
    /// from the end are reported at the first missing index.
    pub fn verify_against(&self, head: &LedgerHead) -> Result<(), ConsentError> {
        self.verify()?;
        let length = usize::try_from(head.length).unwrap_or(usize::MAX);
        if self.0.len() < length {
            return Err(ConsentError::LedgerTampered {
                index: self.0.len(),
            });
        }
        let at_head = length
            .checked_sub(1)
            .and_then(|i| self.0.get(i))
            .map_or(Sha256Digest::GENESIS, |e| e.hash);
        if at_head != head.hash {
            return Err(ConsentError::LedgerTampered {
                index: length.saturating_sub(1),
            });
        }
        Ok(())
    }

    /// The current length and last hash, to keep apart from the entries.
    pub fn head(&self) -> LedgerHead {
        LedgerHead {
            length: u64::try_from(self.0.len()).unwrap_or(u64::MAX),
            hash: self.0.last().map_or(Sha256Digest::GENESIS, |e| e.hash),
        }
    }

    /// The entries as JSON lines: one entry per line, each ending in a newline.
    pub fn to_json_lines(&self) -> String {
        let mut out = String::new();
        for entry in &self.0 {
            out.push_str(&serde_json::to_string(entry).unwrap_or_default());
            out.push('\n');
        }
        out
    }

    /// Reads JSON lines (blank lines ignored) and verifies the chain.
    pub fn from_json_lines(text: &str) -> Result<Self, ConsentError> {
        let mut entries = Vec::new();
        for (number, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let entry =
                partnership_core::json::from_json_str::<LedgerEntry>(line).map_err(|e| {
                    ConsentError::LedgerLine {
                        line: number + 1,
                        message: e.to_string(),
                    }
                })?;
            entries.push(entry);
        }
        Self::try_from(entries)
    }
}
