//! Signed checkpoints: a ledger's length and head hash, signed with Ed25519 by a key
//! the service holds and never stores in the record.
//!
//! A hash chain shows that nothing was changed *given* its last hash; anyone who can
//! write the file can re-hash a changed chain. A checkpoint binds the head to a key:
//! a re-hashed ledger no longer leads to a signed head, and without the key nobody
//! can sign the new one. What a checkpoint cannot show alone is that entries were not
//! dropped from the end and the older head re-used: for that, keep a head elsewhere (a
//! witness) and check that the ledger extends it.
//!
//! The signed message is the UTF-8 text
//! `partnership-ledger-checkpoint-v1\n{length}\n{head}\n`, where `{length}` is the
//! number of entries in decimal and `{head}` the last entry's hash as 64 lower-case
//! hexadecimal digits (64 zeros for an empty ledger).

use std::borrow::Cow;
use std::fmt;

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use crate::{ConsentError, LedgerHead, Sha256Digest};

/// The secret half of a service's ledger key. It signs checkpoints and is never
/// written into a record; `Debug` shows nothing of it, and it is cleared from memory
/// when dropped.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
/// use partnership::consent::LedgerSigningKey;
///
/// let key = LedgerSigningKey::from_bytes([7; 32]);
/// assert_eq!(format!("{key:?}"), "LedgerSigningKey(***)");
/// assert_eq!(key.verifying_key().to_string().len(), 64);
/// ```
pub struct LedgerSigningKey(SigningKey);

impl LedgerSigningKey {
    /// The key whose 32 secret bytes are `bytes` (read them from the service's key
    /// store; generate them from the operating system's random source).
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(SigningKey::from_bytes(&bytes))
    }

    /// The key from 64 hexadecimal digits, as the command's key files hold it
    /// (surrounding whitespace is ignored).
    ///
    /// # Errors
    ///
    /// [`ConsentError::Key`] when the text is not 64 hexadecimal digits.
    pub fn from_hex(text: &str) -> Result<Self, ConsentError> {
        Ok(Self::from_bytes(hex32(text.trim())?))
    }

    /// The public half, which verifies what this key signs.
    pub fn verifying_key(&self) -> LedgerVerifyingKey {
        LedgerVerifyingKey(self.0.verifying_key())
    }

    /// Signs a checkpoint of `head`.
    pub fn checkpoint(&self, head: LedgerHead) -> Checkpoint {
        let signature = self.0.sign(&Checkpoint::message(head));
        Checkpoint {
            length: head.length,
            head: head.hash,
            key: self.verifying_key(),
            signature: CheckpointSignature(signature.to_bytes()),
        }
    }
}

impl fmt::Debug for LedgerSigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LedgerSigningKey(***)")
    }
}

/// The public half of a service's ledger key: 32 bytes, written as 64 lower-case
/// hexadecimal digits. Give it to anyone who checks the service's ledgers. Keys of
/// small order (which would "verify" any signature) are refused, and signatures are
/// verified strictly.
#[derive(Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct LedgerVerifyingKey(VerifyingKey);

impl LedgerVerifyingKey {
    /// The key from 64 hexadecimal digits (surrounding whitespace, as in a key file,
    /// is ignored).
    ///
    /// # Errors
    ///
    /// [`ConsentError::Key`] when the text is not 64 hexadecimal digits, or not a
    /// point on the curve.
    pub fn from_hex(text: &str) -> Result<Self, ConsentError> {
        Self::from_bytes(&hex32(text.trim())?)
    }

    /// The key from its 32 bytes; a key of small order, which would "verify" a
    /// signature over anything, is refused.
    fn from_bytes(bytes: &[u8; 32]) -> Result<Self, ConsentError> {
        VerifyingKey::from_bytes(bytes)
            .ok()
            .filter(|key| !key.is_weak())
            .map(Self)
            .ok_or(ConsentError::Key)
    }
}

impl fmt::Display for LedgerVerifyingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for byte in self.0.as_bytes() {
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for LedgerVerifyingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LedgerVerifyingKey({self})")
    }
}

impl TryFrom<String> for LedgerVerifyingKey {
    type Error = ConsentError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        // In JSON a key has one spelling: no surrounding spaces.
        Self::from_bytes(&hex32(&text)?)
    }
}

impl Serialize for LedgerVerifyingKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl JsonSchema for LedgerVerifyingKey {
    fn schema_name() -> Cow<'static, str> {
        "LedgerVerifyingKey".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "partnership_consent::LedgerVerifyingKey".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9a-f]{64}$",
            "description": "An Ed25519 public key as 64 lower-case hexadecimal digits."
        })
    }
}

/// An Ed25519 signature, 64 bytes, written as 128 lower-case hexadecimal digits.
#[derive(Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct CheckpointSignature([u8; 64]);

impl fmt::Display for CheckpointSignature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for byte in self.0 {
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for CheckpointSignature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CheckpointSignature({self})")
    }
}

impl TryFrom<String> for CheckpointSignature {
    type Error = ConsentError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        crate::hex::decode(&text)
            .map(Self)
            .ok_or(ConsentError::Signature)
    }
}

impl Serialize for CheckpointSignature {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl JsonSchema for CheckpointSignature {
    fn schema_name() -> Cow<'static, str> {
        "CheckpointSignature".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "partnership_consent::CheckpointSignature".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9a-f]{128}$",
            "description": "An Ed25519 signature as 128 lower-case hexadecimal digits."
        })
    }
}

/// A ledger's length and head hash, signed by a service's key. The record carries
/// its latest checkpoints; the key that signed each travels with it, and whoever
/// checks the ledger decides which keys they trust.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Checkpoint {
    /// How many entries the ledger had.
    pub length: u64,
    /// The last of them's hash (64 zeros for none).
    pub head: Sha256Digest,
    /// The public key that signed.
    pub key: LedgerVerifyingKey,
    /// The Ed25519 signature over `partnership-ledger-checkpoint-v1\n{length}\n{head}\n`.
    pub signature: CheckpointSignature,
}

impl Checkpoint {
    /// The bytes signed for `head`.
    ///
    /// ```
    /// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } pub mod consent { pub use ::partnership_consent::*; } pub use ::chrono; }
    /// use partnership::consent::{Checkpoint, LedgerHead, Sha256Digest};
    ///
    /// let message = Checkpoint::message(LedgerHead { length: 0, hash: Sha256Digest::GENESIS });
    /// assert_eq!(message, format!("partnership-ledger-checkpoint-v1\n0\n{}\n", "0".repeat(64)).into_bytes());
    /// ```
    pub fn message(head: LedgerHead) -> Vec<u8> {
        format!(
            "partnership-ledger-checkpoint-v1\n{}\n{}\n",
            head.length, head.hash
        )
        .into_bytes()
    }

    /// The head it states.
    pub fn ledger_head(&self) -> LedgerHead {
        LedgerHead {
            length: self.length,
            hash: self.head,
        }
    }

    /// Whether the signature is the checkpoint's own key's over what it states. A
    /// valid signature says only that the holder of that key signed: whether the key
    /// is one to trust is the checker's to say.
    pub fn is_signed_by_its_key(&self) -> bool {
        // Strict verification: no small-order keys or components, no malleable
        // encodings of the same signature.
        self.key
            .0
            .verify_strict(
                &Self::message(self.ledger_head()),
                &Signature::from_bytes(&self.signature.0),
            )
            .is_ok()
    }
}

fn hex32(text: &str) -> Result<[u8; 32], ConsentError> {
    crate::hex::decode(text).ok_or(ConsentError::Key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_order_key_signs_nothing() {
        // The identity point, and a signature of R = identity, s = 0: a key of small
        // order "verifies" such a signature over any message with lenient checks.
        let weak = format!("01{}", "0".repeat(62));
        assert_eq!(LedgerVerifyingKey::from_hex(&weak), Err(ConsentError::Key));
        let json = format!(
            r#"{{"length": 0, "head": "{}", "key": "{weak}", "signature": "01{}"}}"#,
            "0".repeat(64),
            "0".repeat(126)
        );
        assert!(serde_json::from_str::<Checkpoint>(&json).is_err());
    }

    #[test]
    fn a_checkpoint_verifies_only_what_was_signed() {
        let key = LedgerSigningKey::from_bytes([9; 32]);
        let head = LedgerHead {
            length: 3,
            hash: Sha256Digest::GENESIS,
        };
        let checkpoint = key.checkpoint(head);
        assert!(checkpoint.is_signed_by_its_key());
        let moved = Checkpoint {
            length: 4,
            ..checkpoint.clone()
        };
        assert!(!moved.is_signed_by_its_key());
        let other = LedgerSigningKey::from_bytes([8; 32]).verifying_key();
        assert!(
            !Checkpoint {
                key: other,
                ..checkpoint
            }
            .is_signed_by_its_key()
        );
    }
}
