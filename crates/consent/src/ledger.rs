//! [`DisclosureLedger`]: every sharing decision, permit or refusal, in an
//! append-only, hash-chained log.

use std::borrow::Cow;
use std::fmt;
use std::num::NonZeroUsize;

use chrono::{DateTime, Utc};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{Checkpoint, ConsentError, LedgerVerifyingKey, SharingDecision, SharingRequest};
use partnership_core::FieldPath;

/// The spelling of an instant in a ledger entry, as a JSON Schema pattern: UTC as
/// `YYYY-MM-DDTHH:MM:SS`, a fraction of 3, 6 or 9 digits only when there is one, `Z`.
pub const CANONICAL_INSTANT_PATTERN: &str = partnership_core::canonical_time::PATTERN;

/// A SHA-256 digest, written as 64 lower-case hexadecimal digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(try_from = "String")]
pub struct Sha256Digest([u8; 32]);

impl Sha256Digest {
    /// The digest that precedes the first entry: all zeros.
    pub const GENESIS: Self = Self([0; 32]);

    /// The 32 bytes.
    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl Sha256Digest {
    /// The digest as 64 lower-case hexadecimal digits, without allocating: every
    /// ledger entry is hashed with two of these in it, so this is on the hot path of
    /// appending and verifying.
    fn to_hex(self) -> [u8; 64] {
        let digit = |n: u8| if n < 10 { b'0' + n } else { b'a' + n - 10 };
        let mut out = [0u8; 64];
        for (pair, byte) in out.chunks_exact_mut(2).zip(self.0) {
            if let [hi, lo] = pair {
                *hi = digit(byte >> 4);
                *lo = digit(byte & 0x0f);
            }
        }
        out
    }
}

impl fmt::Display for Sha256Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hex = self.to_hex();
        // Only ASCII hexadecimal digits were written.
        f.write_str(std::str::from_utf8(&hex).map_err(|_| fmt::Error)?)
    }
}

impl Serialize for Sha256Digest {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let hex = self.to_hex();
        let text = std::str::from_utf8(&hex).map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(text)
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
        crate::hex::decode(&hex)
            .map(Self)
            .ok_or(ConsentError::Digest)
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

/// The ledger format this library writes: the version of the rule that hashes an
/// entry. Format 1 (the first build) hashed the previous hash's raw bytes followed by
/// the entry's JSON in the library's own field order; format 2 hashes the entry's
/// canonical JSON (RFC 8785), which any tool can reproduce. A ledger holds entries of
/// one format; [`DisclosureLedger::migrated`] re-chains a format 1 ledger as format 2.
pub const LEDGER_FORMAT: u32 = 2;

/// One recorded decision: the request, the decision with its reasons, when it was
/// recorded, and the hash chain that makes any later change detectable.
///
/// In format 2, `hash` is the SHA-256 of the entry's canonical JSON (RFC 8785: members
/// sorted by name, no whitespace) with the `hash` member left out, written as 64
/// lower-case hexadecimal digits; `previousHash` is the previous entry's `hash`, or 64
/// zeros for the first. [`canonical_bytes`](Self::canonical_bytes) gives the exact
/// bytes hashed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LedgerEntry {
    /// The rule the entry's hash follows: 2 for this library's entries; absent in the
    /// first build's entries (format 1), which are read and verified as they were
    /// written.
    #[serde(default = "first_format", skip_serializing_if = "is_first_format")]
    #[schemars(range(min = 1, max = 2))]
    pub format: u32,
    /// Position in the ledger, from 0.
    pub index: u64,
    /// When the decision was recorded (RFC 3339, UTC); never before the entry before.
    /// Written in the one spelling its hash is taken over: `Z`, and fractions of a
    /// second only of 3, 6 or 9 digits.
    #[schemars(extend("pattern" = CANONICAL_INSTANT_PATTERN))]
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

const fn first_format() -> u32 {
    1
}

/// The fields of a [`LedgerEntry`] as read, before the entry's spelling is checked.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Fields {
    #[serde(default = "first_format")]
    format: u32,
    index: u64,
    #[serde(deserialize_with = "partnership_core::canonical_time::deserialize")]
    recorded_at: DateTime<Utc>,
    request: SharingRequest,
    decision: SharingDecision,
    previous_hash: Sha256Digest,
    hash: Sha256Digest,
}

impl<'de> Deserialize<'de> for LedgerEntry {
    /// Reads an entry, and for a format 2 entry checks that it is written in the one
    /// spelling its hash is taken over: the canonical JSON of the entry as written must
    /// be the canonical JSON of what it says. Otherwise a verifier hashing the text (as
    /// the specification says to) and one hashing the values read would disagree:
    /// `"2026-11-23T10:00:00+01:00"` and `"2026-11-23T09:00:00Z"` are one instant, two
    /// texts, and so are an id in capitals and in lower case, or a member left out and
    /// one written as `null`.
    ///
    /// The entry's text is kept as it was read (a JSON deserializer is needed: this is
    /// the JSON contract), read into its fields, and canonicalised straight from the
    /// text, with no tree of values built in between.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<serde_json::value::RawValue>::deserialize(deserializer)?;
        Self::from_text(raw.get()).map_err(|(field, message)| {
            serde::de::Error::custom(partnership_core::json::__refused_at::<D>(field, message))
        })
    }
}

impl LedgerEntry {
    /// The entry `text` holds, or the field inside it that is wrong and why.
    fn from_text(text: &str) -> Result<Self, (FieldPath, String)> {
        // The entry is a part of a document whose limits were checked with the whole.
        let fields: Fields = partnership_core::json::from_json_part(text)
            .map_err(|e| (FieldPath::from_pointer(e.pointer()), e.message().to_owned()))?;
        let entry = Self {
            format: fields.format,
            index: fields.index,
            recorded_at: fields.recorded_at,
            request: fields.request,
            decision: fields.decision,
            previous_hash: fields.previous_hash,
            hash: fields.hash,
        };
        if !(1..=LEDGER_FORMAT).contains(&entry.format) {
            return Err((
                FieldPath::field("format"),
                format!(
                    "{} is not a ledger format (1 or {LEDGER_FORMAT})",
                    entry.format
                ),
            ));
        }
        if entry.format != 1 && !entry.written_in_its_one_spelling(text) {
            return Err((
                FieldPath::whole(),
                "the entry is not written in the one spelling its hash is taken over: times in UTC as YYYY-MM-DDTHH:MM:SS with Z (and fractions only as long as needed), ids in lower case, no member written as null or as its default, nothing else"
                    .into(),
            ));
        }
        Ok(entry)
    }

    /// Whether `text`, canonicalised, is the canonical JSON of this entry: the
    /// entry as written says what it holds in the only way this library writes it.
    ///
    /// Most entries were written by this library, so first `text` is compared with
    /// the entry as this library writes it, ignoring whitespace between tokens: the
    /// same tokens have the same canonical form. Only an entry some other tool wrote
    /// (members in another order, strings escaped otherwise) is canonicalised.
    fn written_in_its_one_spelling(&self, text: &str) -> bool {
        let Ok(as_written_here) = serde_json::to_vec(self) else {
            return false;
        };
        if same_tokens(text.as_bytes(), &as_written_here) {
            return true;
        }
        let mut as_written = Vec::with_capacity(text.len());
        let mut reading = serde_json::Deserializer::from_str(text);
        let transcoded = crate::canonical::write(
            &serde_transcode::Transcoder::new(&mut reading),
            &mut as_written,
        );
        let mut as_held = Vec::with_capacity(text.len());
        transcoded.is_ok()
            && crate::canonical::write(self, &mut as_held).is_ok()
            && as_written == as_held
    }
}

/// Whether the JSON text `text` is the compact JSON text `compact` with whitespace
/// between its tokens: the same tokens, so the same canonical form.
fn same_tokens(text: &[u8], compact: &[u8]) -> bool {
    let mut expected = compact.iter();
    let (mut in_string, mut escaped) = (false, false);
    for &byte in text {
        if !in_string && matches!(byte, b' ' | b'\t' | b'\n' | b'\r') {
            continue;
        }
        if expected.next() != Some(&byte) {
            return false;
        }
        if escaped {
            escaped = false;
        } else if in_string && byte == b'\\' {
            escaped = true;
        } else if byte == b'"' {
            in_string = !in_string;
        }
    }
    expected.next().is_none()
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
const fn is_first_format(format: &u32) -> bool {
    *format == 1
}

/// What format 1 hashed, in this field order.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EntryBody<'a> {
    index: u64,
    #[serde(serialize_with = "crate::rfc3339::serialize")]
    recorded_at: DateTime<Utc>,
    request: &'a SharingRequest,
    decision: &'a SharingDecision,
    previous_hash: &'a Sha256Digest,
}

/// What format 2 hashes: the entry without its hash, canonicalised.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CanonicalBody<'a> {
    format: u32,
    index: u64,
    #[serde(serialize_with = "crate::rfc3339::serialize")]
    recorded_at: DateTime<Utc>,
    request: &'a SharingRequest,
    decision: &'a SharingDecision,
    previous_hash: &'a Sha256Digest,
}

impl LedgerEntry {
    /// The hash this entry should carry, from its other fields, by its format's rule.
    pub fn expected_hash(&self) -> Sha256Digest {
        self.expected_hash_with(&mut Vec::new())
    }

    /// [`expected_hash`](Self::expected_hash), writing the canonical bytes in
    /// `buffer` (cleared first), so that a ledger is verified without allocating per
    /// entry.
    fn expected_hash_with(&self, buffer: &mut Vec<u8>) -> Sha256Digest {
        match self.format {
            1 => entry_hash_v1(
                self.index,
                &self.recorded_at,
                &self.request,
                &self.decision,
                &self.previous_hash,
            ),
            _ => {
                buffer.clear();
                self.write_canonical(buffer);
                Sha256Digest(Sha256::digest(buffer.as_slice()).into())
            }
        }
    }

    /// The bytes a format 2 entry's hash is the SHA-256 of: the entry's JSON without
    /// its `hash` member, in RFC 8785 canonical form. A partner's verifier
    /// reproduces them from the entry's JSON alone.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::chrono::{TimeZone, Utc};
    /// use partnership::consent::*;
    /// use partnership::core::*;
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).single().ok_or("no such time")?;
    /// let request = SharingRequest::try_from(SharingRequestParts {
    ///     id: "00000000-0000-4000-8000-000000000001".parse()?,
    ///     child: "00000000-0000-4000-8000-000000000002".parse()?,
    ///     requested_by: "00000000-0000-4000-8000-000000000003".parse()?,
    ///     recipient: Recipient::Agency { id: "00000000-0000-4000-8000-000000000004".parse()?, agency_kind: AgencyKind::Health },
    ///     purpose: Purpose::HealthCare,
    ///     data_categories: vec![DataCategory::Health],
    ///     at,
    ///     child_capacity: ChildCapacity::NotAssessed,
    /// })?;
    /// let mut ledger = DisclosureLedger::default();
    /// ledger.append(request.clone(), decide(&request, &[], &[], None), at)?;
    /// let entry = ledger.iter().next().ok_or("no entry")?;
    /// let bytes = String::from_utf8(entry.canonical_bytes())?;
    /// assert!(bytes.starts_with(r#"{"decision":{"kind":"refuse","reasons":[{"category":{"kind":"health"},"kind":"no-consent"}]},"format":2,"index":0,"#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn canonical_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.write_canonical(&mut out);
        out
    }

    fn write_canonical(&self, out: &mut Vec<u8>) {
        let body = CanonicalBody {
            format: self.format,
            index: self.index,
            recorded_at: self.recorded_at,
            request: &self.request,
            decision: &self.decision,
            previous_hash: &self.previous_hash,
        };
        // Serialising these types cannot fail (no floats, no maps with non-string
        // keys, no fallible Serialize impls); if it did, the digest would differ from
        // the stored one and verify would report the entry.
        let _ = crate::canonical::write(&body, out);
    }
}

fn entry_hash_v1(
    index: u64,
    recorded_at: &DateTime<Utc>,
    request: &SharingRequest,
    decision: &SharingDecision,
    previous_hash: &Sha256Digest,
) -> Sha256Digest {
    let body = EntryBody {
        index,
        recorded_at: *recorded_at,
        request,
        decision,
        previous_hash,
    };
    // Format 1 hashed the previous hash's raw bytes, then the body's JSON in the
    // library's field order, streamed into the hasher.
    let mut hasher = HashWriter(Sha256::new());
    hasher.0.update(previous_hash.as_bytes());
    let _ = serde_json::to_writer(&mut hasher, &body);
    Sha256Digest(hasher.0.finalize().into())
}

/// Feeds whatever is written straight into a SHA-256 hasher.
struct HashWriter(Sha256);

impl std::io::Write for HashWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A ledger re-chained in the current format by [`DisclosureLedger::migrated`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerMigration {
    /// The re-chained ledger: the same entries, in the current format.
    pub ledger: DisclosureLedger,
    /// The head before.
    pub from: LedgerHead,
    /// The head after.
    pub to: LedgerHead,
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

fn check_chain(entries: &[LedgerEntry]) -> Result<(), ConsentError> {
    tampered_at(first_broken_link(entries), first_bad_hash(entries, 0))
}

/// [`check_chain`] with the hashes recomputed on up to `threads` scoped threads.
fn check_chain_with_threads(
    entries: &[LedgerEntry],
    threads: NonZeroUsize,
) -> Result<(), ConsentError> {
    let chunk = entries.len().div_ceil(threads.get()).max(1);
    let bad_hash = std::thread::scope(|scope| {
        let workers: Vec<_> = entries
            .chunks(chunk)
            .enumerate()
            .map(|(n, slice)| scope.spawn(move || first_bad_hash(slice, n * chunk)))
            .collect();
        // A worker cannot panic (hashing and serialising these types do not), but if
        // one did, its slice would count as unverified from its start.
        workers
            .into_iter()
            .enumerate()
            .filter_map(|(n, worker)| worker.join().unwrap_or(Some(n * chunk)))
            .min()
    });
    tampered_at(first_broken_link(entries), bad_hash)
}

/// The earlier of the two first failures, as the error, or success if neither.
fn tampered_at(link: Option<usize>, hash: Option<usize>) -> Result<(), ConsentError> {
    match link.into_iter().chain(hash).min() {
        Some(index) => Err(ConsentError::LedgerTampered { index }),
        None => Ok(()),
    }
}

/// The first entry out of place, out of time, or not pointing at the hash before it.
/// Cheap: no hashing.
fn first_broken_link(entries: &[LedgerEntry]) -> Option<usize> {
    let mut previous = Sha256Digest::GENESIS;
    let mut previous_time: Option<DateTime<Utc>> = None;
    let format = entries.first().map_or(LEDGER_FORMAT, |e| e.format);
    for (index, entry) in entries.iter().enumerate() {
        let in_place = u64::try_from(index).is_ok_and(|i| i == entry.index);
        let in_time = previous_time.is_none_or(|t| entry.recorded_at >= t);
        // One ledger, one format: an entry of another format was put there.
        let in_format = entry.format == format && (1..=LEDGER_FORMAT).contains(&entry.format);
        if !in_place || !in_time || !in_format || entry.previous_hash != previous {
            return Some(index);
        }
        previous = entry.hash;
        previous_time = Some(entry.recorded_at);
    }
    None
}

/// The first entry (counting from `offset`) whose stored hash is not the hash of its
/// content. Each entry's hash depends only on the entry itself (its stored previous
/// hash is checked by [`first_broken_link`]), so slices can be checked apart.
fn first_bad_hash(entries: &[LedgerEntry], offset: usize) -> Option<usize> {
    let mut buffer = Vec::with_capacity(2048);
    entries
        .iter()
        .position(|entry| entry.hash != entry.expected_hash_with(&mut buffer))
        .map(|index| index + offset)
}

partnership_core::validated! {
    /// Every sharing decision, permit or refusal, in an append-only log whose entries
    /// are chained by SHA-256, so that changing, removing, reordering or inserting an
    /// entry is detected by [`verify`](Self::verify).
    ///
    /// A record's ledger is written by `PartnershipRecord::decide` (record crate),
    /// which decides on the record's own facts, records the decision and only then
    /// answers; it is the only source of a `Disclosure`. Read from JSON (an array of
    /// entries) or JSON lines, a ledger is verified first.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// # use partnership::chrono::{TimeZone, Utc};
    /// # use partnership::consent::*;
    /// # use partnership::core::*;
    /// let mut ledger = DisclosureLedger::default();
    /// let at = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).single().ok_or("no such time")?;
    /// let request = SharingRequest::try_from(SharingRequestParts {
    ///     id: SharingRequestId::random(),
    ///     child: ChildId::random(),
    ///     requested_by: ProfessionalId::random(),
    ///     recipient: Recipient::Agency { id: AgencyId::random(), agency_kind: AgencyKind::Health },
    ///     purpose: Purpose::HealthCare,
    ///     data_categories: vec![DataCategory::Health],
    ///     at,
    ///     child_capacity: ChildCapacity::NotAssessed,
    /// })?;
    /// // No consent and no justification: refused, and recorded all the same.
    /// let decision = decide(&request, &[], &[], None);
    /// assert_eq!(ledger.append(request, decision, at)?, 0);
    /// assert_eq!(ledger.len(), 1);
    /// assert!(ledger.verify().is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Clone, Default, PartialEq, Eq)]
    pub struct DisclosureLedger(Vec<LedgerEntry>);
    check = check_chain;
    error = ConsentError;
}

partnership_core::listed!(DisclosureLedger, LedgerEntry);

impl DisclosureLedger {
    /// Records a decision: appends an entry for `request` and `decision`, chained to
    /// the one before, and gives its index.
    ///
    /// A ledger entry records that a decision was made; it is not a permission to
    /// share. Services decide and record in one step with `PartnershipRecord::decide`
    /// (record crate), which takes the facts from the record, appends here, and only
    /// then hands out a `Disclosure`.
    ///
    /// # Errors
    ///
    /// [`ConsentError::LedgerTimeGoesBack`] when `recorded_at` is before the last
    /// entry's time (nothing is moved or clamped), and
    /// [`ConsentError::LedgerRequestTimeDiffers`] when the request's `at` is not
    /// `recorded_at`: a decision is made at the moment it is recorded. On error the
    /// ledger is unchanged.
    pub fn append(
        &mut self,
        request: SharingRequest,
        decision: SharingDecision,
        recorded_at: DateTime<Utc>,
    ) -> Result<u64, ConsentError> {
        let last = self.0.last();
        if last.is_some_and(|e| e.format != LEDGER_FORMAT) {
            return Err(ConsentError::LedgerNeedsMigration);
        }
        if last.is_some_and(|e| recorded_at < e.recorded_at) {
            return Err(ConsentError::LedgerTimeGoesBack);
        }
        if request.at() != recorded_at {
            return Err(ConsentError::LedgerRequestTimeDiffers);
        }
        let previous_hash = last.map_or(Sha256Digest::GENESIS, |e| e.hash);
        let index = u64::try_from(self.0.len()).unwrap_or(u64::MAX);
        let mut entry = LedgerEntry {
            format: LEDGER_FORMAT,
            index,
            recorded_at,
            request,
            decision,
            previous_hash,
            hash: Sha256Digest::GENESIS,
        };
        entry.hash = entry.expected_hash();
        self.0.push(entry);
        Ok(index)
    }

    /// The format of the ledger's entries ([`LEDGER_FORMAT`] for an empty ledger).
    pub fn format(&self) -> u32 {
        self.0.first().map_or(LEDGER_FORMAT, |e| e.format)
    }

    /// The same decisions re-chained in the current format, with the heads before and
    /// after: the explicit migration of a format 1 ledger, which is never done
    /// silently. The chain is verified first; a ledger already in the current format
    /// comes back as it is. Anyone who kept the old head (a witness, a signed
    /// checkpoint) learns the new one from the [`LedgerMigration`].
    ///
    /// # Errors
    ///
    /// [`ConsentError::LedgerTampered`] when the chain does not verify.
    pub fn migrated(&self) -> Result<LedgerMigration, ConsentError> {
        self.verify()?;
        let from = self.head();
        let mut ledger = Self::default();
        for entry in &self.0 {
            let mut next = LedgerEntry {
                format: LEDGER_FORMAT,
                previous_hash: ledger.head().hash,
                hash: Sha256Digest::GENESIS,
                ..entry.clone()
            };
            next.hash = next.expected_hash();
            ledger.0.push(next);
        }
        let to = ledger.head();
        Ok(LedgerMigration { ledger, from, to })
    }

    /// The time of the last entry, if any: a new decision cannot be recorded before it.
    pub fn last_recorded_at(&self) -> Option<DateTime<Utc>> {
        self.0.last().map(|e| e.recorded_at)
    }

    /// Checks the whole chain; the error names the first entry that does not match.
    ///
    /// # Errors
    ///
    /// [`ConsentError::LedgerTampered`] naming the first entry that does not match its hash chain.
    pub fn verify(&self) -> Result<(), ConsentError> {
        check_chain(&self.0)
    }

    /// Checks the whole chain like [`verify`](Self::verify), recomputing the hashes
    /// on up to `threads` threads (scoped: all have finished when this returns). The
    /// answer, and the entry an error names, are the same as `verify`'s.
    ///
    /// Hashing is nearly all of the work, and each entry's hash can be recomputed
    /// independently, so a long ledger verifies about `threads` times faster on a
    /// machine with that many free cores. [`verify`](Self::verify) itself never
    /// starts a thread.
    ///
    /// # Errors
    ///
    /// As [`verify`](Self::verify).
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use std::num::NonZeroUsize;
    /// use partnership::consent::DisclosureLedger;
    ///
    /// let ledger = DisclosureLedger::default();
    /// let threads = NonZeroUsize::new(2).unwrap();
    /// assert!(ledger.verify_with_threads(threads).is_ok());
    /// ```
    pub fn verify_with_threads(&self, threads: NonZeroUsize) -> Result<(), ConsentError> {
        check_chain_with_threads(self.0.as_slice(), threads)
    }

    /// Checks the chain and that it holds `head`, kept earlier (a witness): the ledger
    /// only grew since. Entries removed from the end are reported at the first
    /// missing index; a ledger rewritten since, at the head's entry.
    ///
    /// # Errors
    ///
    /// As [`verify`](Self::verify), and [`ConsentError`] when the ledger does not hold `head`: it was cut short, re-hashed or rewritten since the head was kept.
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

    /// Whether the ledger holds `head`: at least that many entries, the last of them
    /// with that hash. A ledger that holds a head kept earlier only grew since.
    pub fn holds(&self, head: &LedgerHead) -> bool {
        match usize::try_from(head.length) {
            Ok(0) => head.hash == Sha256Digest::GENESIS,
            Ok(length) => self.0.get(length - 1).is_some_and(|e| e.hash == head.hash),
            Err(_) => false,
        }
    }

    /// Checks that each checkpoint is signed by its own key and states a head this
    /// ledger holds. The chain itself is checked by [`verify`](Self::verify).
    ///
    /// # Errors
    ///
    /// [`ConsentError::CheckpointSignatureInvalid`] or
    /// [`ConsentError::CheckpointNotInLedger`], naming the first checkpoint wrong.
    pub fn verify_checkpoints(&self, checkpoints: &[Checkpoint]) -> Result<(), ConsentError> {
        for (index, checkpoint) in checkpoints.iter().enumerate() {
            if !checkpoint.is_signed_by_its_key() {
                return Err(ConsentError::CheckpointSignatureInvalid { index });
            }
            if !self.holds(&checkpoint.ledger_head()) {
                return Err(ConsentError::CheckpointNotInLedger { index });
            }
        }
        Ok(())
    }

    /// Checks the chain, the checkpoints, and that a checkpoint signed by `key`
    /// covers every entry: the ledger's entries lead to a head the key signed. A
    /// ledger re-hashed by anyone without the key fails here, whatever its chain says.
    ///
    /// What this does not show is that entries were not dropped from the end and an
    /// older signed head kept: for that, check the ledger against a head kept
    /// elsewhere ([`verify_against`](Self::verify_against)).
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::consent::*;
    ///
    /// let key = LedgerSigningKey::from_bytes([7; 32]);
    /// let ledger = DisclosureLedger::default();
    /// let checkpoint = key.checkpoint(ledger.head());
    /// assert!(ledger.verify_with_key(&[checkpoint], &key.verifying_key()).is_ok());
    /// ```
    ///
    /// # Errors
    ///
    /// As [`verify`](Self::verify) and [`verify_checkpoints`](Self::verify_checkpoints),
    /// and [`ConsentError::LedgerNotSigned`] when no checkpoint by `key` covers the
    /// last entry.
    pub fn verify_with_key(
        &self,
        checkpoints: &[Checkpoint],
        key: &LedgerVerifyingKey,
    ) -> Result<(), ConsentError> {
        self.verify()?;
        self.signed_by(checkpoints, key)
    }

    /// [`verify_with_key`](Self::verify_with_key), with the chain's hashes recomputed
    /// on up to `threads` threads as [`verify_with_threads`](Self::verify_with_threads)
    /// does; the same answer.
    ///
    /// # Errors
    ///
    /// As [`verify_with_key`](Self::verify_with_key).
    pub fn verify_with_key_and_threads(
        &self,
        checkpoints: &[Checkpoint],
        key: &LedgerVerifyingKey,
        threads: NonZeroUsize,
    ) -> Result<(), ConsentError> {
        self.verify_with_threads(threads)?;
        self.signed_by(checkpoints, key)
    }

    /// The checkpoints verify and one by `key` covers every entry (the chain itself
    /// already checked).
    fn signed_by(
        &self,
        checkpoints: &[Checkpoint],
        key: &LedgerVerifyingKey,
    ) -> Result<(), ConsentError> {
        self.verify_checkpoints(checkpoints)?;
        let length = self.head().length;
        let signed = checkpoints
            .iter()
            .filter(|c| c.key == *key)
            .map(|c| c.length)
            .max()
            .unwrap_or(0);
        let signed_all = signed == length
            && checkpoints
                .iter()
                .any(|c| c.key == *key && c.length == length);
        if signed_all {
            Ok(())
        } else {
            Err(ConsentError::LedgerNotSigned {
                length,
                signed,
                unsigned: length.saturating_sub(signed),
            })
        }
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
    ///
    /// # Errors
    ///
    /// [`ConsentError`] naming the line that is not a valid entry, or the first entry that does not match its hash chain.
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
                        at: FieldPath::item(entries.len())
                            .join(&FieldPath::from_pointer(e.pointer())),
                        message: e.message().to_owned(),
                    }
                })?;
            entries.push(entry);
        }
        Self::try_from(entries)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};
    use partnership_core::{AgencyId, AgencyKind, ChildId, ProfessionalId, ProfessionalRole};

    use super::*;
    use crate::{ChildCapacity, DataCategory, Purpose, Recipient, SharingRequestParts};

    fn id<T: std::str::FromStr>(n: u128) -> Option<T> {
        format!("00000000-0000-4000-8000-{n:012x}").parse().ok()
    }

    #[test]
    fn unknown_formats_are_refused_when_read() {
        let entry = entries(1).remove(0);
        let text = serde_json::to_string(&entry).unwrap();
        assert!(serde_json::from_str::<LedgerEntry>(&text).is_ok());
        for format in ["0", "3"] {
            let other = text.replacen("\"format\":2", &format!("\"format\":{format}"), 1);
            let err = serde_json::from_str::<LedgerEntry>(&other).unwrap_err();
            assert!(err.to_string().contains("is not a ledger format"), "{err}");
        }
    }

    #[test]
    fn same_tokens_ignores_only_whitespace_between_tokens() {
        let compact = br#"{"a":"x \" y","b":[1,2]}"#;
        assert!(same_tokens(compact, compact));
        assert!(same_tokens(
            b"{ \"a\" : \"x \\\" y\",\n  \"b\": [1, 2] }\n",
            compact
        ));
        // Whitespace inside a string is part of it.
        assert!(!same_tokens(br#"{"a":"x \"  y","b":[1,2]}"#, compact));
        assert!(!same_tokens(br#"{"a":"x\" y","b":[1,2]}"#, compact));
        // An escaped backslash ends before the quote that closes the string.
        assert!(same_tokens(
            br#"{"a": "\\", "b": 1}"#,
            br#"{"a":"\\","b":1}"#
        ));
        assert!(!same_tokens(
            br#"{"a": "\\ ", "b": 1}"#,
            br#"{"a":"\\","b":1}"#
        ));
        // Other tokens, or fewer, or more.
        assert!(!same_tokens(br#"{"b":[1,2],"a":"x \" y"}"#, compact));
        assert!(!same_tokens(br#"{"a":"x \" y"}"#, compact));
        assert!(!same_tokens(
            br#"{"a":"x \" y","b":[1,2]} "#,
            br#"{"a":"x \" y"}"#
        ));
    }

    fn entries(n: usize) -> Vec<LedgerEntry> {
        let start = Utc
            .with_ymd_and_hms(2026, 9, 1, 9, 0, 0)
            .single()
            .unwrap_or_default();
        let mut ledger = DisclosureLedger::default();
        for i in 0..n {
            let at = start + Duration::minutes(i as i64);
            let request = || -> Option<SharingRequest> {
                SharingRequest::try_from(SharingRequestParts {
                    id: id::<partnership_core::SharingRequestId>(i as u128)?,
                    child: id::<ChildId>(1_000)?,
                    requested_by: id::<ProfessionalId>(2_000)?,
                    recipient: Recipient::Professional {
                        id: id::<ProfessionalId>(3_000)?,
                        role: ProfessionalRole::Teacher,
                        agency: id::<AgencyId>(4_000)?,
                        agency_kind: AgencyKind::School,
                    },
                    purpose: Purpose::EducationSupportPlanning,
                    data_categories: vec![DataCategory::EducationProgress],
                    at,
                    child_capacity: ChildCapacity::NotAssessed,
                })
                .ok()
            };
            if let Some(request) = request() {
                let decision = crate::decide(&request, &[], &[], None);
                let _ = ledger.append(request, decision, at);
            }
        }
        ledger.0
    }

    /// The threaded check names the same first bad entry as the plain one, whatever
    /// is tampered with and however the work is split.
    #[test]
    fn threaded_check_agrees_with_the_plain_one() {
        let original = entries(23);
        assert_eq!(original.len(), 23);
        let threads =
            [1, 2, 3, 4, 7, 64].map(|t| NonZeroUsize::new(t).unwrap_or(NonZeroUsize::MIN));
        for i in 0..original.len() {
            for tamper in 0..3 {
                let mut copy = original.clone();
                if let Some(entry) = copy.get_mut(i) {
                    match tamper {
                        0 => entry.recorded_at += Duration::seconds(1),
                        1 => {
                            entry.decision = SharingDecision::Refuse { reasons: vec![] };
                            entry.hash = entry.expected_hash();
                        }
                        _ => entry.index += 1,
                    }
                }
                let plain = check_chain(&copy);
                // A rewritten last entry with its hash recomputed is only caught against
                // a head kept elsewhere (`verify_against`); anything else is caught here.
                let rewritten_last = tamper == 1 && i + 1 == original.len();
                assert_eq!(plain.is_ok(), rewritten_last, "tamper {tamper} at {i}");
                for t in threads {
                    assert_eq!(
                        check_chain_with_threads(&copy, t),
                        plain,
                        "tamper {tamper} at {i}, {t} threads"
                    );
                }
            }
        }
        for t in threads {
            assert_eq!(check_chain_with_threads(&original, t), Ok(()));
            assert_eq!(check_chain_with_threads(&[], t), Ok(()));
        }
    }
}
