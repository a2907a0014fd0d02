//! Stage 2 — character normalization, one line at a time.
//!
//! Each line keeps its original line number; nothing here joins or splits
//! lines (that is the layout stage's job). Per line:
//!
//! * Unicode NFC;
//! * no-break and other Unicode spaces → space; zero-width characters and
//!   soft hyphens removed; hyphen characters → `-`;
//! * dashes (`–`, `—`, `−` …) → `-`, joined to their words when they join a
//!   term (`Undang – Undang` → `Undang-Undang`, `2016 – 2021` → `2016-2021`);
//!   an ASCII hyphen with spaces joins a reduplicated word
//!   (`Undang - Undang`, `perundang- undangan`);
//! * markdown emphasis (`**x**`, `__x__`, `*x*`) and heading marks (`# `)
//!   removed; trailing spaces removed (tabs are kept: they separate cells).
//!
//! HTML, entities and LaTeX are *not* touched here: a table cell's `<ol>` or
//! `\frac` carries structure that the table and value parsers read (see
//! [`crate::markup`]). Lines that are plain ASCII without markup characters —
//! most lines — are returned borrowed, with no work beyond one scan.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Normalizes one line.
pub fn normalize_line(line: &str) -> Cow<'_, str> {
    let bytes = line.as_bytes();
    // one branch-free pass decides what the line needs: a byte outside
    // ASCII (1), an emphasis mark or form feed (2), a hyphen (4)
    let shape = crate::text::byte_classes(bytes, |c, _| {
        u8::from(c >= 0x80)
            | (u8::from((c == b'*') | (c == b'_') | (c == b'#') | (c == 0x0C)) << 1)
            | (u8::from(c == b'-') << 2)
    });
    let ascii = shape & 1 == 0;
    let markup = shape & 2 != 0;
    let hyphen = shape & 4 != 0;
    let trailing = bytes.last() == Some(&b' ');
    let join = hyphen && hyphen_may_join(bytes);
    if ascii && !markup && !trailing && !join {
        return Cow::Borrowed(line);
    }
    let mut s: Cow<str> = Cow::Borrowed(line);
    if !ascii {
        if is_nfc_quick(s.chars()) != IsNormalized::Yes {
            s = Cow::Owned(s.nfc().collect());
        }
        if any_char_to_map(&s) {
            s = Cow::Owned(map_chars(&s));
        }
    }
    if (s.contains(DASH_MARK) || (s.contains('-') && hyphen_may_join(s.as_bytes())))
        && let Some(joined) = join_dashes(&s)
    {
        s = Cow::Owned(joined);
    }
    if markup && s.contains('\x0C') {
        s = Cow::Owned(s.replace('\x0C', ""));
    }
    if markup && let Some(plain) = strip_emphasis(&s) {
        s = Cow::Owned(plain);
    }
    let trimmed = s.trim_end_matches(' ');
    if trimmed.len() != s.len() {
        s = Cow::Owned(trimmed.to_string());
    }
    s
}

const DASH_MARK: char = '\u{E000}';

/// Bullets written with a symbol font land in the private-use area (``).
fn is_symbol_bullet(c: char) -> bool {
    matches!(
        c,
        '\u{F0A7}'
            | '\u{F0B7}'
            | '\u{F076}'
            | '\u{F0D8}'
            | '\u{F0FC}'
            | '\u{F0A8}'
            | '\u{F06C}'
            | '\u{F06E}'
            | '\u{F0E0}'
            | '\u{F0F0}'
    )
}

/// True when the line holds glyphs that are mapped to plain text: symbol-font
/// bullets, mathematical or fullwidth letters (reported by the caller).
pub fn has_unusual_glyphs(line: &str) -> bool {
    // all of them are encoded from a lead byte 0xEF (U+F000–U+FFFF) or
    // 0xF0 (U+10000–U+3FFFF): a line without one has none
    memchr::memchr2(0xEF, 0xF0, line.as_bytes()).is_some()
        && line.chars().any(|c| {
            is_symbol_bullet(c) || matches!(c, '\u{1D400}'..='\u{1D7FF}' | '\u{FF01}'..='\u{FF5E}')
        })
}

/// True when some character of `s` is one [`needs_char_map`]: all are
/// outside ASCII, so only the characters at lead bytes are decoded (a line
/// outside ASCII is mostly ASCII).
fn any_char_to_map(s: &str) -> bool {
    s.as_bytes()
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b >= 0xC0)
        .any(|(i, _)| {
            s.get(i..)
                .and_then(|r| r.chars().next())
                .is_some_and(needs_char_map)
        })
}

fn needs_char_map(c: char) -> bool {
    is_symbol_bullet(c)
        || matches!(c, '\u{1D400}'..='\u{1D7FF}' | '\u{FF01}'..='\u{FF5E}')
        || matches!(c,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200D}' | '\u{2028}' | '\u{2029}' | '\u{202F}'
        | '\u{205F}' | '\u{2060}' | '\u{3000}' | '\u{FEFF}' | '\u{00AD}'
        | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' | DASH_MARK)
}

/// The characters of [`needs_char_map`] replaced ([`map_char`]); the runs of
/// characters kept as they are copied whole.
fn map_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut kept = 0;
    for (i, c) in s.char_indices() {
        // ASCII is always kept
        if c.is_ascii() || !needs_char_map(c) {
            continue;
        }
        out.push_str(&s[kept..i]);
        kept = i + c.len_utf8();
        map_char(c, &mut out);
    }
    out.push_str(&s[kept..]);
    out
}

/// What one character is written as: spaces as a space, invisible marks as
/// nothing, dashes as `-` or the dash mark, symbol bullets as `•`,
/// mathematical and fullwidth letters as plain ones; any other as itself.
fn map_char(c: char, out: &mut String) {
    match c {
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}'
        | '\u{2028}'
        | '\u{2029}' => out.push(' '),
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
        '\u{2010}' | '\u{2011}' => out.push('-'),
        '\u{2012}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
            out.push(DASH_MARK)
        }
        c if is_symbol_bullet(c) => out.push('•'),
        // mathematical alphanumerics (𝐊𝐄𝐏𝐔𝐓𝐔𝐒𝐀𝐍) and fullwidth forms: their plain letters
        '\u{1D400}'..='\u{1D7FF}' | '\u{FF01}'..='\u{FF5E}' => {
            out.extend(std::iter::once(c).nfkc())
        }
        // a private-use character that happens to be our marker: drop it
        DASH_MARK => {}
        c => out.push(c),
    }
}

/// Cheap precheck: some `-` has a spaced word (or number) on both sides,
/// e.g. `Undang - Undang`, `perundang- undangan`, `2019 -2024`.
fn hyphen_may_join(b: &[u8]) -> bool {
    let word = |c: u8| c.is_ascii_alphanumeric() || c >= 0x80;
    for i in memchr::memchr_iter(b'-', b) {
        let mut l = i;
        while l > 0 && b[l - 1] == b' ' {
            l -= 1;
        }
        let mut r = i + 1;
        while r < b.len() && b[r] == b' ' {
            r += 1;
        }
        let spaced = l < i || r > i + 1;
        if spaced && l > 0 && word(b[l - 1]) && r < b.len() && word(b[r]) {
            return true;
        }
    }
    false
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Resolves dash marks and reduplication hyphens. Returns `None` when nothing changed.
/// The text between dashes is copied in runs; only the words around a
/// dash are looked at.
fn join_dashes(s: &str) -> Option<String> {
    let has_mark = s.contains(DASH_MARK);
    if !has_mark && !s.contains(" -") && !s.contains("- ") {
        return None;
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut changed = has_mark;
    // `s[..i]` is in `out`
    let mut i = 0;
    while let Some((d, len)) = next_dash(s, i) {
        out.push_str(&s[i..d]);
        let mark = len > 1;
        // the extent of spaces around the dash
        let mut l = out.len();
        while l > 0 && out.as_bytes()[l - 1] == b' ' {
            l -= 1;
        }
        let spaces_before = out.len() - l;
        let mut r = d + len;
        while r < b.len() && b[r] == b' ' {
            r += 1;
        }
        let spaces_after = r - d - len;
        let prev = out[..l].chars().next_back();
        let next = s[r..].chars().next();
        let between_words = prev.is_some_and(is_word) && next.is_some_and(is_word);
        let digits =
            prev.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit());
        let join = if mark {
            between_words
        } else {
            between_words
                && (spaces_before > 0 || spaces_after > 0)
                && (digits || reduplication(word_before(&out[..l]), word_after(&s[r..])))
        };
        if join {
            out.truncate(l);
            out.push('-');
            i = r;
            changed = true;
        } else {
            out.push('-');
            i = d + len;
        }
    }
    out.push_str(&s[i..]);
    changed.then_some(out)
}

/// The next hyphen or dash mark at or after `from`: its offset and length.
fn next_dash(s: &str, from: usize) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut at = from;
    // the dash mark is U+E000, bytes EE 80 80
    while let Some(k) = memchr::memchr2(b'-', 0xEE, b.get(at..)?) {
        let p = at + k;
        if b[p] == b'-' {
            return Some((p, 1));
        }
        if b.get(p..p + 3) == Some(&[0xEE, 0x80, 0x80]) {
            return Some((p, 3));
        }
        at = p + 1;
    }
    None
}

fn word_before(s: &str) -> String {
    let start = s
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_word(c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    s[start..].to_lowercase()
}

fn word_after(s: &str) -> String {
    s.chars()
        .take_while(|&c| is_word(c))
        .collect::<String>()
        .to_lowercase()
}

/// `undang`/`undang`, `perundang`/`undangan`, `laki`/`laki`: the right word
/// starts with a stem of at least three letters that ends the left word.
fn reduplication(left: String, right: String) -> bool {
    let l: Vec<char> = left.chars().collect();
    let r: Vec<char> = right.chars().collect();
    let max = l.len().min(r.len());
    (3..=max).rev().any(|k| l[l.len() - k..] == r[..k]) || (l.len() >= 2 && l == r)
}

/// Removes markdown emphasis and heading marks. `None` when nothing changed.
fn strip_emphasis(s: &str) -> Option<String> {
    let mut t = s;
    let mut changed = false;
    let trimmed = t.trim_start();
    if trimmed.starts_with('#') {
        let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
        if hashes <= 6 && trimmed[hashes..].starts_with(' ') {
            t = trimmed[hashes..].trim_start();
            changed = true;
        }
    }
    if !t.contains('*') && !t.contains("__") {
        return changed.then(|| t.to_string());
    }
    // byte-wise: `*` and `_` are ASCII, so they never split a UTF-8 sequence
    let b = t.as_bytes();
    let mut out = String::with_capacity(t.len());
    let mut last = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'*' => {
                let run = b[i..].iter().take_while(|&&c| c == b'*').count();
                let before = t[..i].chars().next_back();
                let after = t[i + run..].chars().next();
                let spaced = |c: Option<char>| c.is_some_and(char::is_whitespace);
                // a lone `*` between spaces is a multiplication sign or a footnote mark: keep
                let keep = run == 1 && spaced(before) && spaced(after);
                out.push_str(&t[last..i]);
                if keep {
                    out.push('*');
                } else {
                    changed = true;
                }
                i += run;
                last = i;
            }
            b'_' if b.get(i + 1) == Some(&b'_') => {
                let run = b[i..].iter().take_while(|&&c| c == b'_').count();
                out.push_str(&t[last..i]);
                changed = true;
                i += run;
                last = i;
            }
            _ => i += 1,
        }
    }
    out.push_str(&t[last..]);
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::normalize_line as n;

    /// Every character mapped by itself, as `map_chars` was first written:
    /// the characters it copies in runs must be those that map to themselves.
    fn map_each(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            super::map_char(c, &mut out);
        }
        out
    }

    /// `join_dashes` as first written, a character at a time.
    fn join_dashes_by_chars(s: &str) -> Option<String> {
        let has_mark = s.contains(super::DASH_MARK);
        if !has_mark && !s.contains(" -") && !s.contains("- ") {
            return None;
        }
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        let mut changed = has_mark;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == super::DASH_MARK || c == '-' {
                // the extent of spaces around the dash
                let mut l = out.len();
                while l > 0 && out.as_bytes()[l - 1] == b' ' {
                    l -= 1;
                }
                let spaces_before = out.len() - l;
                let mut r = i + 1;
                while r < chars.len() && chars[r] == ' ' {
                    r += 1;
                }
                let spaces_after = r - i - 1;
                let prev = out[..l].chars().next_back();
                let next = chars.get(r).copied();
                let between_words =
                    prev.is_some_and(super::is_word) && next.is_some_and(super::is_word);
                let digits = prev.is_some_and(|c| c.is_ascii_digit())
                    && next.is_some_and(|c| c.is_ascii_digit());
                let join = if c == super::DASH_MARK {
                    between_words
                } else {
                    between_words
                        && (spaces_before > 0 || spaces_after > 0)
                        && (digits
                            || super::reduplication(
                                super::word_before(&out[..l]),
                                super::word_after(&chars[r..].iter().collect::<String>()),
                            ))
                };
                if join {
                    out.truncate(l);
                    out.push('-');
                    i = r;
                    changed = true;
                    continue;
                }
                out.push('-');
                i += 1;
                continue;
            }
            out.push(c);
            i += 1;
        }
        changed.then_some(out)
    }

    proptest::proptest! {
        #[test]
        fn runs_are_mapped_as_each_character(
            s in "([a-z ]|é|\u{00A0}|\u{200B}|\u{2010}|\u{2013}|\u{FF0D}|\u{FF21}|\u{1D40A}|\u{F0B7}|\u{E000}|\u{3000}|\u{00AD}){0,20}"
        ) {
            proptest::prop_assert_eq!(super::map_chars(&s), map_each(&s));
        }

        /// Dashes joined from the runs between them, as a character at a time.
        #[test]
        fn dashes_are_joined_as_a_character_at_a_time(
            s in "([a-z]{1,4}|Undang|undang|an|19|2024| |-|\u{E000}|\u{E001}|\u{E400}|é|,){0,14}"
        ) {
            proptest::prop_assert_eq!(super::join_dashes(&s), join_dashes_by_chars(&s));
        }

        /// The characters to map found from the lead bytes, against every
        /// character looked at.
        #[test]
        fn characters_to_map_are_found_from_their_lead_bytes(
            s in "([a-z ]|é|ü|\u{00A0}|\u{200B}|\u{2013}|\u{2212}|\u{FF21}|\u{1D40A}|\u{F0B7}|\u{E000}|\u{3000}|\u{00AD}|\u{4E2D}){0,12}"
        ) {
            proptest::prop_assert_eq!(super::any_char_to_map(&s), s.chars().any(super::needs_char_map));
        }

        /// The hyphens found with `memchr`, against every byte looked at.
        #[test]
        fn hyphens_that_may_join_as_a_byte_scan_finds_them(s in "[a é1-]{0,30}") {
            let b = s.as_bytes();
            let word = |c: u8| c.is_ascii_alphanumeric() || c >= 0x80;
            let plain = (0..b.len()).filter(|&i| b[i] == b'-').any(|i| {
                let l = b[..i].iter().rposition(|&c| c != b' ').map_or(0, |p| p + 1);
                let r = b[i + 1..].iter().position(|&c| c != b' ').map_or(b.len(), |p| i + 1 + p);
                (l < i || r > i + 1) && l > 0 && word(b[l - 1]) && r < b.len() && word(b[r])
            });
            proptest::prop_assert_eq!(super::hyphen_may_join(b), plain);
        }
    }

    #[test]
    fn ascii_lines_are_borrowed() {
        assert!(matches!(
            n("NOMOR 15 TAHUN 2018"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn dashes_join_terms() {
        assert_eq!(
            n("Undang \u{2013} Undang Nomor 28"),
            "Undang-Undang Nomor 28"
        );
        assert_eq!(n("Tahun 2016 \u{2013} 2021;"), "Tahun 2016-2021;");
        assert_eq!(
            n("Peraturan Perundang\u{2013}Undangan"),
            "Peraturan Perundang-Undangan"
        );
        assert_eq!(n("alat \u{2013}alat ukur"), "alat-alat ukur");
        assert_eq!(n("Undang - Undang Nomor 23"), "Undang-Undang Nomor 23");
        assert_eq!(
            n("peraturan perundang- undangan"),
            "peraturan perundang-undangan"
        );
        assert_eq!(n("IPM Laki- laki"), "IPM Laki-laki");
        // not a reduplication: the hyphen is a separator and stays as written
        assert_eq!(n("Subbag umum - Dokumen"), "Subbag umum - Dokumen");
        assert_eq!(n("- a. Perumusan"), "- a. Perumusan");
        assert_eq!(n("th N - 1"), "th N - 1");
        assert_eq!(n("TAHUN 2019 -2024**"), "TAHUN 2019-2024");
        assert_eq!(
            n("KABUPATEN PASER TAHUN 2021 - 2026"),
            "KABUPATEN PASER TAHUN 2021-2026"
        );
        // a dash that joins nothing becomes a hyphen in place
        assert_eq!(n("\u{2013} Data pasar"), "- Data pasar");
    }

    #[test]
    fn spaces_and_invisibles() {
        assert_eq!(
            n("NIP.\u{00A0}19650223\u{200B} 199603"),
            "NIP. 19650223 199603"
        );
        assert_eq!(n("Ke\u{00AD}pala"), "Kepala");
    }

    #[test]
    fn glyphs() {
        assert_eq!(n("\u{F0B7} Penyusunan program"), "• Penyusunan program");
        assert_eq!(
            n("\u{1D40A}\u{1D404}\u{1D40F}\u{1D414}\u{1D413}\u{1D414}\u{1D412}\u{1D400}\u{1D40D}"),
            "KEPUTUSAN"
        );
        assert_eq!(n("\u{FF2E}\u{FF29}\u{FF30}"), "NIP");
        assert!(super::has_unusual_glyphs("\u{F0B7} x"));
        assert!(!super::has_unusual_glyphs("Kepala – Dinas"));
        assert_eq!(n("\x0cKEPUTUSAN"), "KEPUTUSAN");
    }

    #[test]
    fn nfc() {
        assert_eq!(n("Cafe\u{0301}"), "Caf\u{e9}");
    }

    #[test]
    fn emphasis_and_headings() {
        assert_eq!(
            n("- 1 Jabatan : **Sekretaris**"),
            "- 1 Jabatan : Sekretaris"
        );
        assert_eq!(
            n("1. **JABATAN : ANALIS KOPERASI**"),
            "1. JABATAN : ANALIS KOPERASI"
        );
        assert_eq!(n("(*maintenance*);"), "(maintenance);");
        assert_eq!(n("## INDIKATOR"), "INDIKATOR");
        assert_eq!(n("**H. PURKAN, SH**  "), "H. PURKAN, SH");
        assert_eq!(n("A * B"), "A * B");
        assert_eq!(
            n("kepegawaian_paser@gmail.com"),
            "kepegawaian_paser@gmail.com"
        );
    }

    #[test]
    fn tabs_are_kept() {
        assert_eq!(n("a\tb\t"), "a\tb\t");
    }
}
