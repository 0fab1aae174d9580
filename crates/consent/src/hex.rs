//! Lower-case hexadecimal, as digests, keys and signatures are written in JSON.

/// The bytes `text` spells in lower-case hexadecimal digits, if it is exactly `N` of
/// them; upper case is refused, so that each value has one spelling.
pub(crate) fn decode<const N: usize>(text: &str) -> Option<[u8; N]> {
    let digit = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    let text = text.as_bytes();
    if text.len() != 2 * N {
        return None;
    }
    let mut bytes = [0u8; N];
    for (slot, pair) in bytes.iter_mut().zip(text.chunks_exact(2)) {
        let [hi, lo] = pair else {
            return None;
        };
        *slot = digit(*hi)? << 4 | digit(*lo)?;
    }
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn one_spelling_only() {
        assert_eq!(decode::<2>("0aff"), Some([0x0a, 0xff]));
        assert_eq!(decode::<2>("0AFF"), None);
        assert_eq!(decode::<2>("0af"), None);
        assert_eq!(decode::<2>("0aff0"), None);
        assert_eq!(decode::<1>("zz"), None);
    }
}
