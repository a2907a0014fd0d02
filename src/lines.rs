//! Lines with their original line numbers, classified once, and the nom
//! input type over them.
//!
//! After decoding, normalization and layout recovery a document is a list of
//! [`Line`]s. Each keeps the original line numbers it came from (`no..=end`;
//! one line unless the layout stage joined several) and its [`Kind`], read
//! once by the line grammar below. The block grammar ([`crate::blocks`]) is
//! written with nom combinators over [`Lines`], a slice of lines.
//!
//! Line grammar (EBNF; full version in `grammars/README.md`):
//!
//! ```text
//! line      = blank | heading | label | colon | row | item | text ;
//! heading   = section-phrase [ "(" abbreviation ")" ] { word } ;        (grammars/sections.toml)
//! label     = [ bullet ] [ ordinal [ "." | ")" ] ] label-word ( ":" [ value ] | [ item ] ) ;
//! colon     = [ bullet ] ":" value ;                                    (a label's value on its own line)
//! row       = cell { TAB cell } | [ "|" ] cell { "|" cell } [ "|" ] ;  (two or more cells)
//! item      = [ bullet ] ( item-label ( "." | ")" ) | "(" item-label ")" ) text | bullet text ;
//! item-label = digit { digit } | letter ;
//! bullet    = "-" | "•" | "·" | "▪" | … ;
//! ```

use std::borrow::Cow;
use std::iter::Enumerate;
use std::ops::Range;
use std::slice::Iter;
use std::sync::atomic::{AtomicU8, Ordering};

use nom::{Input, Needed};

use crate::grammar::{LabelKind, grammar, words};
use crate::model::{Jenis, Span};
use crate::text::trim_start;

/// One line of the document, with the original line numbers it came from.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// First original line number (1-based).
    pub no: u32,
    /// Last original line number (`no` unless lines were joined).
    pub end: u32,
    /// Normalized text. (Never changed in place: a line with another text
    /// is a new [`Line`], so what is known of the text stays true.)
    pub text: Cow<'a, str>,
    pub kind: Kind,
    /// [`crate::text::is_mostly_upper`] of the text, once asked: OCR repair,
    /// the split of collapsed lines and the block parsers all ask it.
    caps: Kept,
}

/// A yes or no about a line's text, kept once asked. An atomic byte (0 not
/// asked yet, 1 no, 2 yes), so that lines stay `Sync`: the answer is a pure
/// function of the text, so two threads asking at once store the same one.
#[derive(Debug, Default)]
struct Kept(AtomicU8);

impl Clone for Kept {
    fn clone(&self) -> Self {
        Kept(AtomicU8::new(self.0.load(Ordering::Relaxed)))
    }
}

impl Kept {
    /// The kept answer, or `f()` kept.
    #[inline]
    fn get_or(&self, f: impl FnOnce() -> bool) -> bool {
        match self.0.load(Ordering::Relaxed) {
            1 => false,
            2 => true,
            _ => {
                let v = f();
                self.0.store(1 + u8::from(v), Ordering::Relaxed);
                v
            }
        }
    }
}

/// What a line is, by the line grammar. Byte ranges point into `Line::text`.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Blank,
    /// A section heading: `INDIKATOR KINERJA INDIVIDU (IKI)`.
    Heading {
        jenis: Jenis,
        repaired: bool,
    },
    /// A position-block label: `1. JABATAN : Sekretaris`. `value` is what follows
    /// the colon (or the label word when there is no colon).
    Label {
        kind: LabelKind,
        colon: bool,
        value: Range<usize>,
    },
    /// `: Kepala Seksi …` — the value of a label on an earlier line.
    Colon {
        value: Range<usize>,
    },
    /// A table row: two or more cells.
    Row {
        cells: Vec<Range<usize>>,
        pipe: bool,
    },
    /// A markdown table separator: `|---|:--|`.
    Separator,
    /// A list item: `- a. text`, `1. text`, `a) text`, `- text`.
    Item {
        label: Option<Range<usize>>,
        text: Range<usize>,
    },
    Text,
}

impl<'a> Line<'a> {
    pub fn new(no: u32, end: u32, text: Cow<'a, str>) -> Line<'a> {
        let kind = classify(&text);
        Line {
            no,
            end,
            text,
            kind,
            caps: Kept::default(),
        }
    }

    /// True when most letters of the text are upper case
    /// ([`crate::text::is_mostly_upper`], of the trimmed text as of the
    /// whole: spaces are no letters), counted once per line.
    pub fn is_mostly_upper(&self) -> bool {
        self.caps
            .get_or(|| crate::text::is_mostly_upper(&self.text))
    }

    pub fn span(&self) -> Span {
        Span::new(self.no, self.end)
    }

    pub fn is_blank(&self) -> bool {
        matches!(self.kind, Kind::Blank)
    }

    pub fn slice(&self, r: &Range<usize>) -> &str {
        self.text.get(r.clone()).unwrap_or("")
    }

    /// The cells of a row (none for other lines).
    pub fn cells(&self) -> impl ExactSizeIterator<Item = &str> + Clone {
        let ranges: &[Range<usize>] = match &self.kind {
            Kind::Row { cells, .. } => cells,
            _ => &[],
        };
        ranges.iter().map(|r| self.slice(r))
    }

    /// The item label and text of an item line.
    pub fn item(&self) -> Option<(Option<&str>, &str)> {
        match &self.kind {
            Kind::Item { label, text } => {
                Some((label.as_ref().map(|r| self.slice(r)), self.slice(text)))
            }
            _ => None,
        }
    }

    /// The trimmed text.
    pub fn trimmed(&self) -> &str {
        crate::text::trim(&self.text)
    }
}

/// A slice of lines: the input of the block grammar.
#[derive(Debug, Clone, Copy)]
pub struct Lines<'s, 'a> {
    pub lines: &'s [Line<'a>],
}

impl<'s, 'a> Lines<'s, 'a> {
    pub fn new(lines: &'s [Line<'a>]) -> Self {
        Lines { lines }
    }

    pub fn first(&self) -> Option<&'s Line<'a>> {
        self.lines.first()
    }

    pub fn get(&self, i: usize) -> Option<&'s Line<'a>> {
        self.lines.get(i)
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Index of the first line at or after `from` that is not blank.
    pub fn next_non_blank(&self, from: usize) -> Option<usize> {
        (from..self.lines.len()).find(|&i| !self.lines[i].is_blank())
    }

    /// The span of the first `n` lines, without leading and trailing blank lines.
    pub fn span_of(&self, n: usize) -> Option<Span> {
        let taken = &self.lines[..n.min(self.lines.len())];
        let first = taken.iter().find(|l| !l.is_blank())?;
        let last = taken.iter().rev().find(|l| !l.is_blank())?;
        Some(Span::new(first.no, last.end))
    }
}

impl<'s, 'a> Input for Lines<'s, 'a> {
    type Item = &'s Line<'a>;
    type Iter = Iter<'s, Line<'a>>;
    type IterIndices = Enumerate<Iter<'s, Line<'a>>>;

    fn input_len(&self) -> usize {
        self.lines.len()
    }
    fn take(&self, index: usize) -> Self {
        Lines::new(&self.lines[..index])
    }
    fn take_from(&self, index: usize) -> Self {
        Lines::new(&self.lines[index..])
    }
    fn take_split(&self, index: usize) -> (Self, Self) {
        let (a, b) = self.lines.split_at(index);
        (Lines::new(b), Lines::new(a))
    }
    fn position<P>(&self, predicate: P) -> Option<usize>
    where
        P: Fn(Self::Item) -> bool,
    {
        self.lines.iter().position(predicate)
    }
    fn iter_elements(&self) -> Self::Iter {
        self.lines.iter()
    }
    fn iter_indices(&self) -> Self::IterIndices {
        self.lines.iter().enumerate()
    }
    fn slice_index(&self, count: usize) -> Result<usize, Needed> {
        if self.lines.len() >= count {
            Ok(count)
        } else {
            Err(Needed::new(count - self.lines.len()))
        }
    }
}

/// Classifies one normalized line.
pub fn classify(text: &str) -> Kind {
    let t = crate::text::trim(text);
    if t.is_empty() {
        return Kind::Blank;
    }
    if let Some(k) = row(text) {
        return k;
    }
    // the bullet, skipped once for the three kinds that start after it
    let at = skip_bullet(text);
    if let Some(k) = label(text, at) {
        return k;
    }
    if let Some((jenis, repaired)) = heading(t) {
        return Kind::Heading { jenis, repaired };
    }
    if let Some(k) = colon(text, at) {
        return k;
    }
    if let Some(k) = item(text, at) {
        return k;
    }
    Kind::Text
}

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '-' | '•'
            | '·'
            | '▪'
            | '■'
            | '►'
            | '▶'
            | '●'
            | '○'
            | '◦'
            | '∙'
            | '⁃'
            | '‣'
            | '*'
            | '\u{F0B7}'
            | '\u{F0A7}'
            | '\u{F076}'
            | '\u{F0D8}'
            | '\u{F0FC}'
    )
}

/// Byte offset after leading whitespace and one bullet (with its spaces).
pub fn skip_bullet_pub(text: &str) -> usize {
    skip_bullet(text)
}

fn skip_bullet(text: &str) -> usize {
    let lead = text.len() - trim_start(text).len();
    // the ASCII bullets are `-` and `*`: any other ASCII character is none
    if text
        .as_bytes()
        .get(lead)
        .is_none_or(|&c| c.is_ascii() && c != b'-' && c != b'*')
    {
        return lead;
    }
    let mut chars = text[lead..].char_indices();
    match (chars.next(), chars.next()) {
        (Some((_, b)), Some((i, c))) if is_bullet(b) && c.is_whitespace() => {
            let rest = &text[lead + i..];
            lead + i + (rest.len() - trim_start(rest).len())
        }
        _ => lead,
    }
}

/// Skips an ordinal (`1.`, `1`, `a.`, `a)`, `(a)`) and its spaces; `None` when there is none.
/// The ordinal must be followed by whitespace or a letter.
fn skip_ordinal(text: &str, at: usize, require_sep: bool) -> Option<(Range<usize>, usize)> {
    let b = text.as_bytes();
    let mut i = at;
    let paren = b.get(i) == Some(&b'(');
    if paren {
        i += 1;
    }
    let start = i;
    if b.get(i).is_some_and(u8::is_ascii_digit) {
        while b.get(i).is_some_and(u8::is_ascii_digit) && i - start < 3 {
            i += 1;
        }
        if b.get(i).is_some_and(u8::is_ascii_digit) {
            return None;
        }
    } else if b.get(i).is_some_and(u8::is_ascii_alphabetic)
        && !b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
    {
        i += 1;
    } else {
        return None;
    }
    let label = start..i;
    let sep = match b.get(i) {
        Some(b'.') | Some(b')') => {
            i += 1;
            true
        }
        _ => false,
    };
    if paren {
        if b.get(i - 1) != Some(&b')') {
            return None;
        }
    } else if !sep && (require_sep || label.len() == 1 && b[label.start].is_ascii_alphabetic()) {
        // "1 Jabatan" is an ordinal without a dot; "a Jabatan" is not
        return None;
    }
    match b.get(i) {
        None => Some((label, i)),
        Some(c) if c.is_ascii_whitespace() => {
            let rest = &text[i..];
            Some((label, i + (rest.len() - trim_start(rest).len())))
        }
        // "1.JABATAN", glued label
        Some(c) if c.is_ascii_alphabetic() && sep => Some((label, i)),
        _ => None,
    }
}

/// `[bullet] [ordinal] LABEL [":" value]` — a position-block label.
/// `at`: after the line's bullet ([`skip_bullet`]).
fn label(text: &str, mut at: usize) -> Option<Kind> {
    if let Some((_, after)) = skip_ordinal(text, at, false) {
        at = after;
    }
    let rest = &text[at..];
    let (kind, n) = grammar().label(words(rest))?;
    // byte offset after the n label words
    let mut end = at;
    let mut seen = 0;
    for (i, w) in word_offsets(rest) {
        seen += 1;
        end = at + i + w.len();
        if seen == n {
            break;
        }
    }
    let after = &text[end..];
    let after_trim = trim_start(after);
    if let Some(v) = after_trim.strip_prefix(':') {
        let vstart = text.len() - v.len();
        let vstart = vstart + (v.len() - trim_start(v).len());
        return Some(Kind::Label {
            kind,
            colon: true,
            value: vstart..text.trim_end().len().max(vstart),
        });
    }
    if after_trim.is_empty() {
        return Some(Kind::Label {
            kind,
            colon: false,
            value: text.len()..text.len(),
        });
    }
    // "Fungsi a. penetapan …" — the value is a list that starts on the same line
    let vstart = text.len() - after_trim.len();
    if skip_ordinal(text, vstart, true).is_some() && after.starts_with(char::is_whitespace) {
        return Some(Kind::Label {
            kind,
            colon: false,
            value: vstart..text.trim_end().len(),
        });
    }
    None
}

/// The last three words right before each colon of a line, with their byte
/// offsets in the line: what a label in front of a colon (`… 3. FUNGSI :`,
/// `Sumber Data :`) is looked for in. Only the last few dozen bytes before a
/// colon are looked at (a cut word at that edge is left out), so long lines
/// stay linear.
pub fn words_before_colons(s: &str) -> impl Iterator<Item = (usize, LastWords<'_>)> {
    memchr::memchr_iter(b':', s.as_bytes()).map(move |colon| {
        let head = s[..colon].trim_end();
        let mut from = head.len().saturating_sub(48);
        while !head.is_char_boundary(from) {
            from += 1;
        }
        let mut words = LastWords::default();
        for w in word_offsets(&head[from..])
            .map(|(a, w)| (from + a, w))
            .skip(usize::from(from > 0))
        {
            words.push(w);
        }
        (colon, words)
    })
}

/// The last three words (or fewer) before a colon, with their byte offsets,
/// in text order; kept without allocating.
#[derive(Clone, Copy, Default, Debug)]
pub struct LastWords<'s> {
    buf: [(usize, &'s str); 3],
    len: usize,
}

impl<'s> LastWords<'s> {
    fn push(&mut self, w: (usize, &'s str)) {
        if self.len == self.buf.len() {
            self.buf.rotate_left(1);
            self.buf[self.len - 1] = w;
        } else {
            self.buf[self.len] = w;
            self.len += 1;
        }
    }
}

impl<'s> std::ops::Deref for LastWords<'s> {
    type Target = [(usize, &'s str)];
    fn deref(&self) -> &Self::Target {
        &self.buf[..self.len]
    }
}

/// Words of a text (runs of letters and digits) with their byte offsets.
pub fn word_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> + Clone {
    let mut ws = words(s);
    std::iter::from_fn(move || ws.next_at())
}

/// `[bullet] ":" value`
fn colon(text: &str, at: usize) -> Option<Kind> {
    let rest = &text[at..];
    let v = rest.strip_prefix(':')?;
    let vstart = text.len() - v.len() + (v.len() - trim_start(v).len());
    Some(Kind::Colon {
        value: vstart..text.trim_end().len().max(vstart),
    })
}

/// Tab- or pipe-separated cells.
fn row(text: &str) -> Option<Kind> {
    let b = text.as_bytes();
    // most lines have neither a tab nor a pipe: one scan tells
    memchr::memchr2(b'\t', b'|', b)?;
    if memchr::memchr(b'\t', b).is_some() {
        // room for the cells of most rows at once (no growing as they come)
        let mut cells = Vec::with_capacity(8);
        let mut start = 0;
        for i in memchr::memchr_iter(b'\t', b) {
            cells.push(start..i);
            start = i + 1;
        }
        cells.push(start..text.len());
        return Some(Kind::Row { cells, pipe: false });
    }
    // no tab: a pipe row, or none
    let t = text.trim();
    let pipes = memchr::memchr_iter(b'|', t.as_bytes()).count();
    if pipes == 0 || (pipes < 2 && !t.starts_with('|')) {
        return None;
    }
    let lead = text.len() - trim_start(text).len();
    let mut inner_start = lead;
    let mut inner_end = lead + t.len();
    if t.starts_with('|') {
        inner_start += 1;
    }
    if t.ends_with('|') && inner_end > inner_start {
        inner_end -= 1;
    }
    let inner = &text[inner_start..inner_end];
    if inner
        .trim()
        .chars()
        .all(|c| matches!(c, '-' | ':' | '|' | ' ' | '=' | '+'))
        && inner.contains('-')
    {
        return Some(Kind::Separator);
    }
    let mut cells = Vec::with_capacity(8);
    let mut start = inner_start;
    for (i, c) in inner.char_indices() {
        if c == '|' {
            cells.push(start..inner_start + i);
            start = inner_start + i + 1;
        }
    }
    cells.push(start..inner_end);
    if cells.len() < 2 {
        return None;
    }
    Some(Kind::Row { cells, pipe: true })
}

/// `[bullet] item-label sep text` or `bullet text`.
fn item(text: &str, at: usize) -> Option<Kind> {
    let bulleted = at > text.len() - trim_start(text).len();
    if let Some((label, after)) = skip_ordinal(text, at, true) {
        return Some(Kind::Item {
            label: Some(label),
            text: after..text.trim_end().len().max(after),
        });
    }
    if bulleted {
        return Some(Kind::Item {
            label: None,
            text: at..text.trim_end().len().max(at),
        });
    }
    None
}

/// The most words a [`heading`] line has.
pub const HEADING_MAX_WORDS: usize = 14;

/// A section heading: the line reads as a heading phrase (tolerating a few
/// damaged letters), optionally followed by a short remainder.
pub fn heading(t: &str) -> Option<(Jenis, bool)> {
    // a heading is not a clause of a sentence
    if t.ends_with([';', ',']) {
        return None;
    }
    // cheap reject: the first word must be about as long as a heading's
    // first word, and have nearly its letters: it is at most two edits
    // away from it (`fuzzy_phrase`), which change at most four letters of
    // its set (a word outside ASCII may upper-case to other letters, and
    // is let through)
    let first = words(t).next()?;
    let g = grammar();
    let letters = first
        .is_ascii()
        .then(|| crate::grammar::letter_set(first.as_bytes()));
    if !g.headings.iter().any(|h| {
        h.phrase
            .0
            .first()
            .is_some_and(|p| p.len().abs_diff(first.len()) <= 2)
            && letters.is_none_or(|m| (m ^ h.first_letters).count_ones() <= 4)
    }) {
        return None;
    }
    // (on the stack: most lines get here)
    let mut buf = [""; HEADING_MAX_WORDS + 2];
    let mut len = 0;
    for w in words(t).take(HEADING_MAX_WORDS + 2) {
        buf[len] = w;
        len += 1;
    }
    let ws = &buf[..len];
    if ws.len() < 3 || ws.len() > HEADING_MAX_WORDS {
        return None;
    }
    for h in &grammar().headings {
        let n = h.phrase.len();
        if ws.len() < n {
            continue;
        }
        let exact = h.phrase.is_prefix_of(ws.iter().copied());
        let repaired = !exact && fuzzy_phrase(&h.phrase.0, &ws[..n]);
        if !(exact || repaired) {
            continue;
        }
        // the remainder must look like a heading, not a sentence: upper case
        // or only the abbreviation
        let rest = &ws[n..];
        // (a column header such as "No." may have run into it)
        let rest_ok = rest.is_empty()
            || rest
                .iter()
                .all(|w| w.chars().all(|c| !c.is_lowercase()) || w.chars().count() <= 2)
            || (rest.len() == 1 && rest[0].eq_ignore_ascii_case(&h.abbreviation));
        if rest_ok {
            return Some((h.kind, repaired));
        }
    }
    None
}

/// True when the words differ from the phrase by at most two letters overall
/// and by at most one letter per word after the first (OCR damage).
fn fuzzy_phrase(phrase: &[String], ws: &[&str]) -> bool {
    // lengths first: cheap, and they reject nearly every line
    if phrase
        .iter()
        .zip(ws)
        .enumerate()
        .any(|(i, (p, w))| p.len().abs_diff(w.len()) > if i == 0 { 2 } else { 1 })
    {
        return false;
    }
    let mut total = 0;
    for (i, (p, w)) in phrase.iter().zip(ws).enumerate() {
        let w = w.to_uppercase();
        let Some(d) = crate::text::edit_distance_within(p, &w, if i == 0 { 2 } else { 1 }) else {
            return false;
        };
        if d * 3 > p.len() {
            return false;
        }
        total += d;
    }
    total <= 2
}

/// The lines of a text as the parse makes them before layout recovery: cut
/// at `\n`, normalized, numbered from 1 (for the tests of later stages).
#[cfg(test)]
pub(crate) fn normalized_lines(src: &str) -> Vec<Line<'static>> {
    src.split('\n')
        .enumerate()
        .map(|(i, l)| {
            Line::new(
                i as u32 + 1,
                i as u32 + 1,
                Cow::Owned(crate::normalize::normalize_line(l).into_owned()),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize_line;

    proptest::proptest! {
        #[test]
        fn last_words_are_the_last_three(s in "[a-z :]{0,60}") {
            for (colon, last) in words_before_colons(&s) {
                let head = s[..colon].trim_end();
                let from = head.len().saturating_sub(48);
                let all: Vec<(usize, &str)> = word_offsets(&head[from..])
                    .map(|(a, w)| (from + a, w))
                    .skip(usize::from(from > 0))
                    .collect();
                proptest::prop_assert_eq!(&*last, &all[all.len().saturating_sub(3)..]);
            }
        }

        /// A line's kept answer is the count of its text, trimmed or not
        /// (the block parsers ask it of the trimmed text), asked twice.
        #[test]
        fn a_line_in_capitals_is_told_by_its_text(s in "[ \t\u{A0}\u{3000}aAbBéÉ1.:-]{0,40}") {
            let l = Line::new(1, 1, Cow::Borrowed(&s));
            let plain = crate::text::is_mostly_upper(&s);
            proptest::prop_assert_eq!(l.is_mostly_upper(), plain);
            proptest::prop_assert_eq!(l.is_mostly_upper(), plain);
            proptest::prop_assert_eq!(crate::text::is_mostly_upper(l.trimmed()), plain);
        }
    }

    fn kind(s: &str) -> Kind {
        classify(&normalize_line(s))
    }

    fn label_of(s: &str) -> (LabelKind, bool, String) {
        let n = normalize_line(s).into_owned();
        match classify(&n) {
            Kind::Label { kind, colon, value } => (kind, colon, n[value].to_string()),
            k => panic!("{s:?} is {k:?}"),
        }
    }

    #[test]
    fn position_labels_in_every_corpus_form() {
        use LabelKind::*;
        let cases = [
            (
                "1. JABATAN : Sekretaris Dinas",
                Jabatan,
                true,
                "Sekretaris Dinas",
            ),
            ("- 1 Jabatan : **Sekretaris**", Jabatan, true, "Sekretaris"),
            (
                "1. **JABATAN : ANALIS KOPERASI**",
                Jabatan,
                true,
                "ANALIS KOPERASI",
            ),
            (
                "1. **JABATAN** : Kepala Bidang Pengelolaan Pasar",
                Jabatan,
                true,
                "Kepala Bidang Pengelolaan Pasar",
            ),
            (
                "1. JABATAN : **KEPALA DINAS**",
                Jabatan,
                true,
                "KEPALA DINAS",
            ),
            ("a. Jabatan : Kepala Dinas", Jabatan, true, "Kepala Dinas"),
            ("3. JABATAN", Jabatan, false, ""),
            (
                "- 1. JABATAN : Kepala Sub Bagian Keuangan",
                Jabatan,
                true,
                "Kepala Sub Bagian Keuangan",
            ),
            (
                "- 2 TUGAS : Membantu kepala dinas",
                Tugas,
                true,
                "Membantu kepala dinas",
            ),
            ("2. TUGAS :", Tugas, true, ""),
            ("2. **TUGAS :**", Tugas, true, ""),
            ("3. **FUNGSI : -**", Fungsi, true, "-"),
            ("3. FUNGSI : -", Fungsi, true, "-"),
            (
                "- 3 Fungsi : 1. penyusunan program kerja",
                Fungsi,
                true,
                "1. penyusunan program kerja",
            ),
            (
                "2. TUGAS : a. Menghimpun data",
                Tugas,
                true,
                "a. Menghimpun data",
            ),
            ("4. TUGAS", Tugas, false, ""),
            (
                "- Tugas Pokok : Membantu Gubernur",
                Tugas,
                true,
                "Membantu Gubernur",
            ),
            (
                "Fungsi a. penetapan kebijakan teknis",
                Fungsi,
                false,
                "a. penetapan kebijakan teknis",
            ),
            (
                "Nama Unit Organisasi : DINAS KESEHATAN",
                Unit,
                true,
                "DINAS KESEHATAN",
            ),
        ];
        for (s, k, c, v) in cases {
            assert_eq!(label_of(s), (k, c, v.to_string()), "{s}");
        }
    }

    #[test]
    fn not_labels() {
        for s in [
            "- b. Melaksanakan tugas lain",
            "Tugas pokok dan fungsi dinas diatur dalam peraturan",
            "g. Melaksanakan Tugas lain yang diberikan",
        ] {
            assert!(!matches!(kind(s), Kind::Label { .. }), "{s}: {:?}", kind(s));
        }
    }

    #[test]
    fn headings() {
        assert_eq!(
            heading("INDIKATOR KINERJA INDIVIDU (IKI)"),
            Some((Jenis::Iki, false))
        );
        assert_eq!(
            heading("NDIKATOR KINERJA INDIVIDU (IKI)"),
            Some((Jenis::Iki, true))
        );
        assert_eq!(
            heading("INDIKATOR KINERJA KEGIATAN (ESELON IV)"),
            Some((Jenis::Ikk, false))
        );
        assert_eq!(
            heading("INDIKATOR KINERJA UTAMA"),
            Some((Jenis::Iku, false))
        );
        assert_eq!(
            heading("Indikator Kinerja Utama"),
            Some((Jenis::Iku, false))
        );
        // a column header that ran into the heading (layout D)
        assert_eq!(
            heading("INDIKATOR KINERJA INDIVIDU No."),
            Some((Jenis::Iki, false))
        );
        assert_eq!(heading("Indikator Kinerja Individu;"), None);
        assert_eq!(
            heading(
                "Indikator Kinerja Individu Dinas koperasi sebagaimana tercantum dalam Lampiran I"
            ),
            None
        );
        assert_eq!(
            heading("INDIKATOR KINERJA INDIVIDU (IKI) TAHUN 2022"),
            Some((Jenis::Iki, false))
        );
    }

    #[test]
    fn rows_items_colons() {
        assert!(matches!(
            kind("No\tSasaran\tIndikator"),
            Kind::Row { pipe: false, .. }
        ));
        assert!(matches!(
            kind("\tTerlaksananya Penilaian"),
            Kind::Row { .. }
        ));
        assert!(matches!(
            kind("| 1. | Meningkatnya | x |"),
            Kind::Row { pipe: true, .. }
        ));
        assert!(matches!(
            kind("SASARAN KINERJA (4) | INDIKATOR KINERJA (5) |"),
            Kind::Row { pipe: true, .. }
        ));
        assert_eq!(kind("|----|--|---|"), Kind::Separator);
        assert_eq!(kind("|---|---|"), Kind::Separator);
        assert!(matches!(
            kind(": Kepala Seksi Pengawasan Industri"),
            Kind::Colon { .. }
        ));
        assert!(matches!(
            kind("- : a. mengumpulkan bahan"),
            Kind::Colon { .. }
        ));
        let l = Line::new(1, 1, normalize_line(" - a. Pengelolaan dan pelayanan"));
        assert_eq!(l.item(), Some((Some("a"), "Pengelolaan dan pelayanan")));
        let l = Line::new(1, 1, normalize_line("- a) Mempelajari peraturan"));
        assert_eq!(l.item(), Some((Some("a"), "Mempelajari peraturan")));
        let l = Line::new(1, 1, normalize_line(" 10. pemeriksaan fasilitas"));
        assert_eq!(l.item(), Some((Some("10"), "pemeriksaan fasilitas")));
        let l = Line::new(1, 1, normalize_line("- Jumlah IKM"));
        assert_eq!(l.item(), Some((None, "Jumlah IKM")));
        assert_eq!(kind("Memimpin dan melaksanakan tugas"), Kind::Text);
        assert_eq!(kind("ERNAINI MUSTATIM, SH.,MH"), Kind::Text);
        assert_eq!(kind(""), Kind::Blank);
        assert_eq!(kind("   "), Kind::Blank);
    }
}
