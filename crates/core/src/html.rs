//! Text made safe to put in HTML, for every page the library writes.

/// Text made safe to put in HTML, in an element or a quoted attribute: the five
/// characters with a meaning there replaced by their references.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod core { pub use ::partnership_core::*; } }
/// use partnership::core::escape_html;
///
/// assert_eq!(escape_html("<b>Tom & 'Jo'</b>"), "&lt;b&gt;Tom &amp; &#39;Jo&#39;&lt;/b&gt;");
/// ```
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
