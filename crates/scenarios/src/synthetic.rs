//! Synthetic records.
