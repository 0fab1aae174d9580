//! Plain language: the field's jargon explained where a carer first meets it, and the
//! words a carer prefers used in place of the defaults.

use crate::words::Language;

/// A term of the field's jargon and what it means, in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct GlossaryEntry {
    /// The term as professionals write it.
    pub term: &'static str,
    /// What it means, in English.
    pub english: &'static str,
    /// What it means, in Welsh.
    pub welsh: &'static str,
}

impl GlossaryEntry {
    /// What the term means in `language`.
    pub const fn meaning(&self, language: Language) -> &'static str {
        match language {
            Language::English => self.english,
            Language::Welsh => self.welsh,
        }
    }
}

/// The jargon of children's services a carer may meet in anything written for them.
/// Each term is matched as whole words, so "SEN" is not found in "SENCO", and a
/// term with the same meaning as one already explained is not explained again.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod explain { pub use ::partnership_explain::*; } }
/// use partnership::explain::GLOSSARY;
///
/// assert!(GLOSSARY.iter().any(|entry| entry.term == "SENCO"));
/// ```
pub const GLOSSARY: &[GlossaryEntry] = &[
    GlossaryEntry {
        term: "parental responsibility",
        english: "the rights and duties a parent has in law",
        welsh: "yr hawliau a'r dyletswyddau sydd gan riant yn ôl y gyfraith",
    },
    GlossaryEntry {
        term: "EHC plan",
        english: "education, health and care plan",
        welsh: "cynllun addysg, iechyd a gofal",
    },
    GlossaryEntry {
        term: "EHCP",
        english: "education, health and care plan",
        welsh: "cynllun addysg, iechyd a gofal",
    },
    GlossaryEntry {
        term: "SENCO",
        english: "the teacher who leads on extra help for learning",
        welsh: "yr athro sy'n arwain ar help ychwanegol i ddysgu",
    },
    GlossaryEntry {
        term: "SENCo",
        english: "the teacher who leads on extra help for learning",
        welsh: "yr athro sy'n arwain ar help ychwanegol i ddysgu",
    },
    GlossaryEntry {
        term: "SEND",
        english: "special educational needs and disabilities",
        welsh: "anghenion addysgol arbennig ac anableddau",
    },
    GlossaryEntry {
        term: "IRO",
        english: "the person who checks the plan for a child in care",
        welsh: "y person sy'n gwirio'r cynllun ar gyfer plentyn mewn gofal",
    },
    GlossaryEntry {
        term: "PEP",
        english: "personal education plan",
        welsh: "cynllun addysg personol",
    },
    GlossaryEntry {
        term: "CIN",
        english: "child in need",
        welsh: "plentyn mewn angen",
    },
    GlossaryEntry {
        term: "s.47",
        english: "a check on whether a child is safe",
        welsh: "gwiriad i weld a yw plentyn yn ddiogel",
    },
    GlossaryEntry {
        term: "LAC",
        english: "a child in the care of the council",
        welsh: "plentyn yng ngofal y cyngor",
    },
    GlossaryEntry {
        term: "Gillick",
        english: "old enough and able to understand enough to decide",
        welsh: "yn ddigon hen ac yn deall digon i benderfynu",
    },
    GlossaryEntry {
        term: "DSL",
        english: "the person at school who leads on keeping children safe",
        welsh: "y person yn yr ysgol sy'n arwain ar gadw plant yn ddiogel",
    },
    GlossaryEntry {
        term: "CAMHS",
        english: "mental health services for children and young people",
        welsh: "gwasanaethau iechyd meddwl i blant a phobl ifanc",
    },
    GlossaryEntry {
        term: "GP",
        english: "family doctor",
        welsh: "meddyg teulu",
    },
    GlossaryEntry {
        term: "EHC needs assessment",
        english: "a check on whether a child needs an education, health and care plan",
        welsh: "gwiriad i weld a oes angen cynllun addysg, iechyd a gofal ar blentyn",
    },
    GlossaryEntry {
        term: "EHCNA",
        english: "a check on whether a child needs an education, health and care plan",
        welsh: "gwiriad i weld a oes angen cynllun addysg, iechyd a gofal ar blentyn",
    },
    GlossaryEntry {
        term: "SENDCo",
        english: "the teacher who leads on extra help for learning",
        welsh: "yr athro sy'n arwain ar help ychwanegol i ddysgu",
    },
    GlossaryEntry {
        term: "SEN support",
        english: "extra help at school for a child's learning needs",
        welsh: "help ychwanegol yn yr ysgol ar gyfer anghenion dysgu plentyn",
    },
    GlossaryEntry {
        term: "SEN",
        english: "special educational needs",
        welsh: "anghenion addysgol arbennig",
    },
    GlossaryEntry {
        term: "SALT",
        english: "speech and language therapy",
        welsh: "therapi lleferydd ac iaith",
    },
    GlossaryEntry {
        term: "TAC",
        english: "the team around the child",
        welsh: "y tîm o amgylch y plentyn",
    },
    GlossaryEntry {
        term: "CLA",
        english: "a child in the care of the council",
        welsh: "plentyn yng ngofal y cyngor",
    },
    GlossaryEntry {
        term: "SGO",
        english: "special guardianship order",
        welsh: "gorchymyn gwarcheidiaeth arbennig",
    },
    GlossaryEntry {
        term: "CP plan",
        english: "child protection plan",
        welsh: "cynllun amddiffyn plant",
    },
    GlossaryEntry {
        term: "EHA",
        english: "early help assessment",
        welsh: "asesiad cymorth cynnar",
    },
    GlossaryEntry {
        term: "EP",
        english: "educational psychologist",
        welsh: "seicolegydd addysg",
    },
    GlossaryEntry {
        term: "OT",
        english: "occupational therapist",
        welsh: "therapydd galwedigaethol",
    },
];

/// Explains each glossary term where it is first used in `paragraphs`, in order:
/// "SENCO" the first time becomes "SENCO (the teacher who leads on extra help for
/// learning)", and is left as it is after. A term counts only as a whole word.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod explain { pub use ::partnership_explain::*; } }
/// use partnership::explain::{Language, explain_jargon};
///
/// let mut text = vec!["Ms Price, the SENCO, will call.".to_owned(), "The SENCO agreed.".to_owned()];
/// explain_jargon(&mut text, Language::English);
/// assert_eq!(text[0], "Ms Price, the SENCO (the teacher who leads on extra help for learning), will call.");
/// assert_eq!(text[1], "The SENCO agreed.");
/// ```
pub fn explain_jargon(paragraphs: &mut [String], language: Language) {
    let mut explained: Vec<&str> = Vec::new();
    for paragraph in paragraphs.iter_mut() {
        for entry in GLOSSARY {
            // One meaning per thing: "EHCP" after "EHC plan" is not explained again.
            if explained.contains(&entry.meaning(language)) {
                continue;
            }
            if let Some(at) = whole_word(paragraph, entry.term, false) {
                let end = at + entry.term.len();
                paragraph.insert_str(end, &format!(" ({})", entry.meaning(language)));
                explained.push(entry.meaning(language));
            }
        }
    }
}

/// Uses the carer's own words: each `(prefer, instead_of)` replaces the words it is
/// in place of, wherever they stand as whole words, matched without regard to case.
///
/// ```
/// # #[allow(unused_imports)] mod partnership { pub mod explain { pub use ::partnership_explain::*; } }
/// use partnership::explain::use_preferred_terms;
///
/// let mut text = vec!["Ellie's grandmother will bring the board.".to_owned()];
/// use_preferred_terms(&mut text, &[("Nana".to_owned(), "grandmother".to_owned())]);
/// assert_eq!(text[0], "Ellie's Nana will bring the board.");
/// ```
pub fn use_preferred_terms(paragraphs: &mut [String], terms: &[(String, String)]) {
    for paragraph in paragraphs.iter_mut() {
        for (prefer, instead_of) in terms {
            if instead_of.trim().is_empty() {
                continue;
            }
            let mut from = 0;
            while let Some(at) = paragraph
                .get(from..)
                .and_then(|rest| whole_word(rest, instead_of, true))
                .map(|at| at + from)
            {
                paragraph.replace_range(at..at + instead_of.len(), prefer);
                from = at + prefer.len();
            }
        }
    }
}

/// `text` with every whole-word `term`, exactly as written, replaced by `with`.
pub(crate) fn replace_whole_words(text: &str, term: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = whole_word(rest, term, false) {
        out.push_str(rest.get(..at).unwrap_or_default());
        out.push_str(with);
        rest = rest.get(at + term.len()..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// Whether `text` mentions `name` as whole words, however it is written: in any
/// case, composed or decomposed ("Zoë", "ZOË", "Zoe" with a combining diaeresis),
/// with or without its accents. It answers only whether, never where, so it may
/// fold freely; a caller uses it to keep a name out, and a wider match keeps more
/// out.
pub(crate) fn mentions(text: &str, name: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let fold = |s: &str| -> String {
        s.nfkd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (text, name) = (fold(text), fold(name));
    let name = name.trim();
    !name.is_empty() && whole_word(&text, name, false).is_some()
}

/// Where `term` first stands in `text` as whole words, matched letter for letter or,
/// with `any_case`, regardless of ASCII case. Only ASCII letters are folded: folding
/// others can change a text's length (the Kelvin sign is three bytes, its `k` one),
/// and the place found must be a place in the text itself.
pub(crate) fn whole_word(text: &str, term: &str, any_case: bool) -> Option<usize> {
    if term.is_empty() {
        return None;
    }
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    let bytes = text.as_bytes();
    let needle = term.as_bytes();
    for (at, _) in text.char_indices() {
        let Some(candidate) = bytes.get(at..at + needle.len()) else {
            break;
        };
        let same = if any_case {
            candidate.eq_ignore_ascii_case(needle)
        } else {
            candidate == needle
        };
        if !same || !text.is_char_boundary(at + needle.len()) {
            continue;
        }
        let before = text.get(..at).and_then(|s| s.chars().next_back());
        let after = text.get(at + needle.len()..).and_then(|s| s.chars().next());
        if boundary(before) && boundary(after) {
            return Some(at);
        }
    }
    None
}
