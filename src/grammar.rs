//! The language of the documents, loaded from `grammars/*.toml`.
//!
//! The files are embedded in the binary and parsed once, on first use
//! ([`grammar()`]). They are data for a domain reviewer: section words,
//! column-header synonyms, ordinal words, regulation types, months, ranks and
//! titles. Rust code never spells these words itself; it asks this module.
//!
//! Phrases are compared word by word, ignoring case and punctuation between
//! words: [`words`] splits a text into its alphanumeric words.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::model::Jenis;

/// A map the grammar looks words up in, for every word of many lines: hashed
/// with foldhash's fixed-seed hasher instead of the standard SipHash, which
/// costs several times as much on a short key. Its keys are the grammar's
/// own, fixed at load, so no text can crowd one of its buckets.
pub type Lookup<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// The words of a text: maximal runs of alphanumeric characters.
pub fn words(s: &str) -> Words<'_> {
    Words { s, at: 0 }
}

/// The iterator of [`words`]. ASCII is tested by bytes (the end of a word
/// eight bytes at a time); only a character outside ASCII is decoded
/// (splitting the text at a closure over its characters decodes every one,
/// and words are split on every line).
#[derive(Clone, Debug)]
pub struct Words<'a> {
    s: &'a str,
    at: usize,
}

/// Byte classes for the separators before a word: 0 an ASCII separator,
/// 1 an ASCII letter or digit, 2 a byte of a character outside ASCII
/// (decoded to be told). (Separators run short, mostly one space: a byte at
/// a time costs less there than eight.)
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c >= 0x80 {
            2
        } else if c.is_ascii_alphanumeric() {
            1
        } else {
            0
        };
        i += 1;
    }
    t
};

/// A byte repeated in every byte of a `u64`.
const fn splat(b: u8) -> u64 {
    b as u64 * 0x0101_0101_0101_0101
}

/// Bit 7 of each byte of `w` set where the byte is an ASCII letter or digit
/// (SWAR: each comparison is an addition that carries into bit 7, done on
/// the low seven bits so no byte carries into the next).
#[inline]
fn ascii_alnum_bits(w: u64) -> u64 {
    let x = w & splat(0x7f);
    // bit 7 set when x >= lo, and when x > hi
    let at_least = |x: u64, lo: u8| x + splat(0x80 - lo);
    let above = |x: u64, hi: u8| x + splat(0x7f - hi);
    let digit = at_least(x, b'0') & !above(x, b'9');
    let folded = x | splat(0x20);
    let letter = at_least(folded, b'a') & !above(folded, b'z');
    (digit | letter) & !w & splat(0x80)
}

/// The length of the run of ASCII letters and digits at `b[i..]`, tested
/// eight bytes at a time (the last few zero-padded: zero is no letter).
#[inline]
pub(crate) fn ascii_alnum_run(b: &[u8], mut i: usize) -> usize {
    let from = i;
    loop {
        let w = match b.get(i..i + 8) {
            Some(chunk) => u64::from_le_bytes(chunk.try_into().unwrap_or_default()),
            None => {
                let mut pad = [0u8; 8];
                let tail = b.get(i..).unwrap_or_default();
                pad[..tail.len()].copy_from_slice(tail);
                u64::from_le_bytes(pad)
            }
        };
        let stop = !ascii_alnum_bits(w) & splat(0x80);
        if stop != 0 {
            return (i - from + (stop.trailing_zeros() / 8) as usize).min(b.len() - from);
        }
        i += 8;
    }
}

impl<'a> Words<'a> {
    /// The next word and its byte offset in the text.
    #[inline(always)]
    pub fn next_at(&mut self) -> Option<(usize, &'a str)> {
        let b = self.s.as_bytes();
        // to the start of a word
        let mut i = self.at;
        loop {
            match CLASS[usize::from(*b.get(i)?)] {
                0 => i += 1,
                1 => break,
                _ => match self.char_at(i) {
                    (true, _) => break,
                    (false, len) => i += len,
                },
            }
        }
        let start = i;
        // to its end: eight ASCII bytes at a time, and a character outside
        // ASCII decoded where the run of ASCII letters and digits stops
        loop {
            i += ascii_alnum_run(b, i);
            match b.get(i) {
                Some(&c) if c >= 0x80 => match self.char_at(i) {
                    (true, len) => i += len,
                    (false, _) => break,
                },
                _ => break,
            }
        }
        self.at = i;
        Some((start, self.s.get(start..i).unwrap_or_default()))
    }

    /// Whether the character at `i` (outside ASCII) is alphanumeric, and its
    /// length (at least 1).
    #[cold]
    fn char_at(&self, i: usize) -> (bool, usize) {
        match self.s.get(i..).and_then(|r| r.chars().next()) {
            Some(ch) => (ch.is_alphanumeric(), ch.len_utf8()),
            None => (false, 1),
        }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        self.next_at().map(|(_, w)| w)
    }
}

/// A phrase as upper-case words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase(pub Vec<String>);

impl Phrase {
    pub fn new(s: &str) -> Phrase {
        Phrase(words(s).map(|w| w.to_uppercase()).collect())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// True when `ws` starts with this phrase (case-insensitive).
    pub fn is_prefix_of<'a>(&self, ws: impl IntoIterator<Item = &'a str>) -> bool {
        let mut it = ws.into_iter();
        self.0
            .iter()
            .all(|p| it.next().is_some_and(|w| eq_word(w, p)))
    }

    /// True when the phrase's first word is `w` (any case): the cheap first
    /// test before [`Phrase::is_prefix_of`] splits the text again.
    pub fn starts_with_word(&self, w: &str) -> bool {
        self.0.first().is_some_and(|p| eq_word(w, p))
    }

    /// True when the words are exactly this phrase.
    pub fn is_exactly<'a>(&self, ws: impl IntoIterator<Item = &'a str>) -> bool {
        let mut it = ws.into_iter();
        self.is_prefix_of(it.by_ref().take(self.0.len())) && it.next().is_none()
    }
}

/// Case-insensitive word equality; `upper` is already upper case. The
/// common answers are given inline; a word that may hold letters outside
/// ASCII goes to [`eq_word_unicode`].
#[inline]
pub fn eq_word(w: &str, upper: &str) -> bool {
    if w.len() == upper.len() && w.eq_ignore_ascii_case(upper) {
        return true;
    }
    // two different ASCII first letters settle it without a scan
    if let (Some(a), Some(b)) = (w.as_bytes().first(), upper.as_bytes().first())
        && a.is_ascii()
        && b.is_ascii()
        && !a.eq_ignore_ascii_case(b)
    {
        return false;
    }
    eq_word_unicode(w, upper)
}

/// The rest of [`eq_word`]: only non-ASCII text can still match, as its
/// upper case may differ in length.
#[inline(never)]
fn eq_word_unicode(w: &str, upper: &str) -> bool {
    !w.is_ascii() && w.to_uppercase() == upper
}

/// The first phrase of `list` that `ws` starts with, longest first.
pub fn longest_prefix<'p, 'a>(
    list: &'p [Phrase],
    ws: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<&'p Phrase> {
    list.iter()
        .filter(|p| p.is_prefix_of(ws.clone()))
        .max_by_key(|p| p.len())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    Jabatan,
    Tugas,
    Fungsi,
    Unit,
}

/// Column roles of indicator tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    No,
    Tujuan,
    Sasaran,
    Indikator,
    Formulasi,
    SumberData,
    Target,
    PenanggungJawab,
    BidangUrusan,
    Keterangan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tingkat {
    Provinsi,
    Kabupaten,
    Kota,
}

#[derive(Debug)]
pub struct Heading {
    pub phrase: Phrase,
    pub abbreviation: String,
    pub kind: Jenis,
    /// [`letter_set`] of the phrase's first word
    pub first_letters: u32,
}

/// The ASCII letters of a word, in any case, as a set of bits (`A` is bit
/// 0). One edit of the word (a letter changed, added or dropped) changes at
/// most two bits of it, so words within `d` edits of each other differ in
/// at most `2 d` bits: a cheap test before an edit distance.
pub fn letter_set(w: &[u8]) -> u32 {
    w.iter()
        .filter(|b| b.is_ascii_alphabetic())
        .fold(0, |m, b| m | 1 << (b.to_ascii_uppercase() - b'A'))
}

#[derive(Debug)]
pub struct Column {
    pub role: Role,
    pub exact: Vec<Phrase>,
    pub starts: Vec<Phrase>,
}

#[derive(Debug)]
pub struct Ordinal {
    pub value: u32,
    pub words: Vec<Phrase>,
}

#[derive(Debug)]
pub struct Rank {
    pub pangkat: String,
    pub golongan: String,
    /// `pangkat` as upper-case words
    pub key: Vec<String>,
}

/// A type of regulation (`grammars/regulations.toml` `[[type]]`).
#[derive(Debug)]
pub struct RegulationType {
    /// canonical name, written to `rujukan.jenis`
    pub name: String,
    pub forms: Vec<Phrase>,
    /// abbreviations that count only when a number follows directly (`UU`, `SE`)
    pub short: Vec<Phrase>,
    /// the issuing office the type names (`Menteri`, `Bupati`), as written in the file
    pub office: Option<String>,
}

/// An abbreviation that names both the type and the issuer (`Permendagri`).
#[derive(Debug)]
pub struct RegulationAbbreviation {
    pub form: Phrase,
    pub kind: String,
    pub issuer: String,
}

/// An official gazette (`Lembaran Negara` …).
#[derive(Debug)]
pub struct Gazette {
    pub name: String,
    pub forms: Vec<Phrase>,
}

/// Everything in `grammars/regulations.toml`.
#[derive(Debug)]
pub struct Regulations {
    pub types: Vec<RegulationType>,
    pub abbreviations: Vec<RegulationAbbreviation>,
    pub gazettes: Vec<Gazette>,
    pub amendments: Vec<Phrase>,
    /// the first words of `amendments`, each once: a text that starts with
    /// none of them starts no amendment phrase
    pub amendment_heads: Vec<String>,
    /// by byte, whether a text starting with it may start an amendment
    /// phrase, an `also` phrase or an `enactment` phrase (the phrases
    /// [`crate::values::rujukan`] looks for at every word of a title): both
    /// cases of an ASCII first letter, and every byte outside ASCII for a
    /// first word outside ASCII (whose letters are compared by their upper
    /// case, which a letter outside ASCII may share)
    pub title_stop_bytes: [bool; 256],
    /// `Nomor`, `No`
    pub number: Vec<Phrase>,
    /// `Tahun`, `Th`
    pub year: Vec<Phrase>,
    /// `tentang`
    pub about: Vec<Phrase>,
    /// `tanggal`
    pub date: Vec<Phrase>,
    /// `dan`: joins a second number
    pub also: Vec<Phrase>,
    /// `Republik Indonesia`, dropped from the end of an issuer
    pub country: Vec<Phrase>,
    /// words that start a new clause after a comma (`dipandang perlu`)
    pub clause: Vec<Phrase>,
    /// `menjadi`, `sebagai` (+ a type): the end of an enacted regulation's title
    pub enactment: Vec<Phrase>,
    /// upper-case first words of every type form and abbreviation, for the
    /// cheap "does this text mention a regulation at all" check
    pub first_words: WordSet,
    /// by byte, the lengths (as bits) of the `first_words` that start with
    /// it, in either case: where a scan for them stops, and which words it
    /// looks up
    pub first_lengths: [u32; 256],
    /// every type form and abbreviation by the first letter of its first
    /// word (lower case, 256 buckets), in the order of the grammar: a text
    /// is compared only with the forms that start with its first letter
    pub forms_by_letter: Vec<Vec<FormRef>>,
}

/// A type form or an abbreviation of [`Regulations`], by its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormRef {
    /// `types[t].forms[k]`, or `types[t].short[k]` when `short`
    Type { t: usize, k: usize, short: bool },
    /// `abbreviations[a]`
    Abbreviation(usize),
}

/// Decree section words.
#[derive(Debug)]
pub struct DecreeWords {
    pub keputusan: Vec<Phrase>,
    pub nomor: Vec<Phrase>,
    pub tahun: Vec<Phrase>,
    pub tentang: Vec<Phrase>,
    pub rahmat: Vec<Phrase>,
    pub menimbang: Vec<Phrase>,
    pub mengingat: Vec<Phrase>,
    pub memperhatikan: Vec<Phrase>,
    pub memutuskan: Vec<Phrase>,
    pub menetapkan: Vec<Phrase>,
    pub ditetapkan: Vec<Phrase>,
    pub tanggal: Vec<Phrase>,
    pub tembusan: Vec<Phrase>,
    pub lampiran: Vec<Phrase>,
    pub periode: Vec<Phrase>,
}

#[derive(Debug)]
pub struct LetterheadWords {
    pub government: Vec<Phrase>,
    pub address: Vec<Phrase>,
    pub phone: Vec<Phrase>,
    pub fax: Vec<Phrase>,
    pub website: Vec<Phrase>,
    pub email: Vec<Phrase>,
    pub postal: Vec<Phrase>,
    pub agency: Vec<Phrase>,
}

/// ASCII upper case of a short word into a buffer, without allocating;
/// `None` for long or non-ASCII words (which match no phrase word anyway).
pub fn upper<'b>(w: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let b = w.as_bytes();
    if b.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_uppercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// A set of upper-case words, bucketed by (first character, length): a lookup
/// compares the word with the few words of its bucket, without hashing or
/// allocating, and most words find their bucket empty. The words are kept
/// as [`WordKey`]s, so a comparison is four integer comparisons.
#[derive(Debug)]
pub struct WordSet {
    present: Shapes,
    buckets: Vec<Vec<WordKey>>,
}

/// The shapes (see [`shape`]) that have a word, one bit each: a lookup of a
/// word whose bucket is empty (most are) reads 144 bytes that stay in the
/// cache, not the bucket's entry in a table of 27 KB.
#[derive(Debug, Default)]
struct Shapes([u64; SHAPES / 64]);

impl Shapes {
    fn insert(&mut self, k: usize) {
        self.0[k / 64] |= 1 << (k % 64);
    }

    #[inline]
    fn has(&self, k: usize) -> bool {
        self.0.get(k / 64).is_some_and(|b| b >> (k % 64) & 1 == 1)
    }
}

/// A word of under 32 bytes (as [`shape`] buckets them) as four `u64`s of
/// its bytes, ASCII upper case: loads at 0, 8, 16 and the last eight bytes,
/// overlapping where the word is shorter (under eight bytes: its first and
/// last four, or its first, middle and last byte). Every byte is in some
/// load, so two words of the same length have the same key exactly when
/// they are equal ignoring ASCII case (`eq_ignore_ascii_case`); the key of
/// a query is made once, and compared with each word of its bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WordKey([u64; 4]);

impl WordKey {
    #[inline]
    fn new(b: &[u8]) -> WordKey {
        let n = b.len();
        let load8 = |at: usize| {
            b.get(at..at + 8)
                .and_then(|c| c.try_into().ok())
                .map_or(0, u64::from_le_bytes)
        };
        let load4 = |at: usize| {
            b.get(at..at + 4)
                .and_then(|c| c.try_into().ok())
                .map_or(0, u32::from_le_bytes)
        };
        let k = if n >= 8 {
            let last = n - 8;
            [
                load8(0),
                load8(last.min(8)),
                load8(last.min(16)),
                load8(last),
            ]
        } else if n >= 4 {
            [u64::from(load4(0)) | u64::from(load4(n - 4)) << 32, 0, 0, 0]
        } else if n > 0 {
            [
                u64::from(u32::from_le_bytes([b[0], b[n / 2], b[n - 1], 0])),
                0,
                0,
                0,
            ]
        } else {
            [0; 4]
        };
        WordKey(k.map(ascii_upper))
    }
}

/// The ASCII upper case of the eight bytes of `w` (SWAR, as
/// [`ascii_alnum_bits`]): bytes `a`–`z` lose bit 5, no other byte changes.
#[inline]
fn ascii_upper(w: u64) -> u64 {
    let x = w & splat(0x7f);
    let at_least_a = x + splat(0x80 - b'a');
    let above_z = x + splat(0x7f - b'z');
    let lower = at_least_a & !above_z & !w & splat(0x80);
    w ^ (lower >> 2)
}

const SHAPES: usize = 36 * 32;

fn shape(w: &[u8]) -> Option<usize> {
    let first = match w.first()?.to_ascii_uppercase() {
        c @ b'A'..=b'Z' => (c - b'A') as usize,
        c @ b'0'..=b'9' => 26 + (c - b'0') as usize,
        _ => return None,
    };
    (w.len() < 32).then_some(first * 32 + w.len())
}

impl Default for WordSet {
    fn default() -> Self {
        WordSet {
            present: Shapes::default(),
            buckets: vec![Vec::new(); SHAPES],
        }
    }
}

impl WordSet {
    pub fn insert(&mut self, w: String) {
        if let Some(k) = shape(w.as_bytes()) {
            let key = WordKey::new(w.as_bytes());
            if !self.buckets[k].contains(&key) {
                self.buckets[k].push(key);
                self.present.insert(k);
            }
        }
    }

    /// True when the word (any case) is in the set.
    pub fn contains(&self, w: &str) -> bool {
        match shape(w.as_bytes()) {
            Some(k) => self.present.has(k) && self.buckets[k].contains(&WordKey::new(w.as_bytes())),
            None => false,
        }
    }
}

/// Phrases by their first word: for a word (any case), the places in their
/// list, in order, of the phrases it starts. Bucketed as [`WordSet`]; a word
/// outside ASCII finds none (as [`WordSet::contains`], and as [`eq_word`]
/// for an ASCII phrase word).
#[derive(Debug)]
pub struct FirstWords {
    present: Shapes,
    buckets: Vec<Vec<(WordKey, Vec<usize>)>>,
}

impl FirstWords {
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a Phrase>) -> Self {
        let mut buckets: Vec<Vec<(WordKey, Vec<usize>)>> = vec![Vec::new(); SHAPES];
        let mut present = Shapes::default();
        for (i, p) in phrases.into_iter().enumerate() {
            let Some(w) = p.0.first() else { continue };
            let Some(k) = shape(w.as_bytes()) else {
                continue;
            };
            let key = WordKey::new(w.as_bytes());
            match buckets[k].iter_mut().find(|(x, _)| *x == key) {
                Some((_, at)) => at.push(i),
                None => buckets[k].push((key, vec![i])),
            }
            present.insert(k);
        }
        FirstWords { present, buckets }
    }

    /// The places of the phrases `w` starts, in list order.
    pub fn get(&self, w: &str) -> &[usize] {
        shape(w.as_bytes())
            .filter(|&k| self.present.has(k))
            .and_then(|k| {
                let key = WordKey::new(w.as_bytes());
                self.buckets[k].iter().find(|(x, _)| *x == key)
            })
            .map_or(&[], |(_, at)| at)
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(it: I) -> Self {
        let mut s = WordSet::default();
        for w in it {
            s.insert(w);
        }
        s
    }
}

/// Words told apart ignoring ASCII case (as `eq_ignore_ascii_case`): those
/// a [`WordSet`] holds (an ASCII letter or digit first, under 32 bytes) in
/// one, the others compared one by one. A lookup is one bucket's compare,
/// where going down the list compared every word.
#[derive(Debug, Default)]
pub struct WordList {
    set: WordSet,
    others: Vec<String>,
}

impl WordList {
    pub fn new<'a>(words: impl IntoIterator<Item = &'a String>) -> Self {
        let mut list = WordList::default();
        for w in words {
            if shape(w.as_bytes()).is_some() {
                list.set.insert(w.clone());
            } else {
                list.others.push(w.clone());
            }
        }
        list
    }

    /// True when `w` is one of the words, ignoring ASCII case.
    pub fn contains(&self, w: &str) -> bool {
        self.set.contains(w) || self.others.iter().any(|o| o.eq_ignore_ascii_case(w))
    }
}

/// Everything in `grammars/`.
#[derive(Debug)]
pub struct Grammar {
    pub headings: Vec<Heading>,
    /// First words of the heading phrases.
    pub heading_first: WordSet,
    pub labels: Vec<(LabelKind, Phrase)>,
    pub decree: DecreeWords,
    pub letterhead: LetterheadWords,
    pub regions: Vec<(Tingkat, Phrase)>,
    pub columns: Vec<Column>,
    /// first words of indicator names and of sasaran (upper case), to tell
    /// cells apart in tables that cannot be rebuilt
    pub indicator_openers: Vec<String>,
    pub sasaran_openers: Vec<String>,
    /// upper-case words that name a unit and nothing else (`PREDIKAT`)
    pub unit_words: Vec<String>,
    /// labels inside a cell (`Formulasi Perhitungan :`) and their roles
    pub cell_labels: Vec<(Option<Role>, Phrase)>,
    pub ordinals: Vec<Ordinal>,
    /// upper-case month name → month number
    pub months: Lookup<String, u32>,
    pub ranks: Vec<Rank>,
    pub rank_abbreviations: Lookup<String, String>,
    /// upper-case words that label a rank or grade (`PANGKAT`, `GOL`)
    pub rank_labels: Vec<String>,
    /// normalized key (upper case, no dots or spaces) → canonical title
    pub front_titles: Lookup<String, String>,
    pub back_titles: Lookup<String, String>,
    pub lowercase: Vec<String>,
    pub acronyms: Vec<String>,
    /// `lowercase` and `acronyms` to look words up in
    lowercase_words: WordList,
    acronym_words: WordList,
    pub abbreviations: Lookup<String, String>,
    /// structural words OCR damage is repaired to (upper case)
    pub ocr_vocabulary: Vec<String>,
    pub regulations: Regulations,
    /// Position labels by their first word: a line whose first word starts
    /// none is no label.
    pub label_first: FirstWords,
    /// First words of decree section words, letterhead words and ordinals.
    pub keyword_first: WordSet,
    /// Every column header phrase with its column's place in `columns`,
    /// column by column, and these by their first word (which tells the
    /// words that can start a column header).
    columns_by_phrase: PhraseGroups,
}

pub const SECTIONS_TOML: &str = include_str!("../grammars/sections.toml");
pub const COLUMNS_TOML: &str = include_str!("../grammars/columns.toml");
pub const ORDINALS_TOML: &str = include_str!("../grammars/ordinals.toml");
pub const MONTHS_TOML: &str = include_str!("../grammars/months.toml");
pub const RANKS_TOML: &str = include_str!("../grammars/ranks.toml");
pub const TITLES_TOML: &str = include_str!("../grammars/titles.toml");
pub const WORDS_TOML: &str = include_str!("../grammars/words.toml");
pub const REGULATIONS_TOML: &str = include_str!("../grammars/regulations.toml");

static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| match Grammar::load() {
    Ok(g) => g,
    // The files are compiled in and checked by a unit test; this cannot happen
    // in a released binary.
    Err(e) => panic!("invalid embedded grammar: {e}"),
});

/// The grammar, loaded once.
pub fn grammar() -> &'static Grammar {
    &GRAMMAR
}

mod raw {
    use super::*;

    #[derive(Deserialize)]
    pub struct Sections {
        pub heading: Vec<RawHeading>,
        pub labels: Labels,
        pub decree: HashMap<String, Vec<String>>,
        pub letterhead: HashMap<String, Vec<String>>,
        pub region: HashMap<String, Vec<String>>,
    }
    #[derive(Deserialize)]
    pub struct RawHeading {
        pub phrase: String,
        pub abbreviation: String,
        pub kind: String,
    }
    #[derive(Deserialize)]
    pub struct Labels {
        pub jabatan: Vec<String>,
        pub tugas: Vec<String>,
        pub fungsi: Vec<String>,
        pub unit: Vec<String>,
    }
    #[derive(Deserialize)]
    pub struct Columns {
        #[serde(default)]
        pub indicator_openers: Vec<String>,
        #[serde(default)]
        pub sasaran_openers: Vec<String>,
        #[serde(default)]
        pub unit_words: Vec<String>,
        pub column: Vec<RawColumn>,
        #[serde(default)]
        pub cell_label: Vec<RawCellLabel>,
    }
    #[derive(Deserialize)]
    pub struct RawCellLabel {
        #[serde(default)]
        pub role: Option<super::Role>,
        pub phrases: Vec<String>,
    }
    #[derive(Deserialize)]
    pub struct RawColumn {
        pub role: Role,
        #[serde(default)]
        pub exact: Vec<String>,
        #[serde(default)]
        pub starts: Vec<String>,
    }
    #[derive(Deserialize)]
    pub struct Ordinals {
        pub ordinal: Vec<RawOrdinal>,
    }
    #[derive(Deserialize)]
    pub struct RawOrdinal {
        pub value: u32,
        pub words: Vec<String>,
    }
    #[derive(Deserialize)]
    pub struct Months {
        pub month: Vec<RawMonth>,
    }
    #[derive(Deserialize)]
    pub struct RawMonth {
        pub number: u32,
        pub names: Vec<String>,
    }
    #[derive(Deserialize)]
    pub struct Ranks {
        #[serde(default)]
        pub labels: Vec<String>,
        pub abbreviations: HashMap<String, String>,
        pub rank: Vec<RawRank>,
    }
    #[derive(Deserialize)]
    pub struct RawRank {
        pub pangkat: String,
        pub golongan: String,
    }
    #[derive(Deserialize)]
    pub struct Titles {
        pub front: Vec<String>,
        pub back: Vec<String>,
    }
    #[derive(Deserialize)]
    pub struct Words {
        pub lowercase: Vec<String>,
        pub acronyms: Vec<String>,
        pub abbreviations: HashMap<String, String>,
        #[serde(default)]
        pub ocr_vocabulary: Vec<String>,
    }
    #[derive(Deserialize)]
    pub struct Regulations {
        pub words: RegulationWords,
        pub amendment: Vec<String>,
        #[serde(rename = "type")]
        pub types: Vec<RawRegulationType>,
        pub abbreviation: Vec<RawAbbreviation>,
        pub gazette: Vec<RawType>,
    }
    #[derive(Deserialize)]
    pub struct RegulationWords {
        pub number: Vec<String>,
        pub year: Vec<String>,
        pub about: Vec<String>,
        pub date: Vec<String>,
        pub also: Vec<String>,
        pub country: Vec<String>,
        pub clause: Vec<String>,
        pub enactment: Vec<String>,
    }
    #[derive(Deserialize)]
    pub struct RawRegulationType {
        pub name: String,
        pub forms: Vec<String>,
        #[serde(default)]
        pub short: Vec<String>,
        pub office: Option<String>,
    }
    #[derive(Deserialize)]
    pub struct RawType {
        pub name: String,
        pub forms: Vec<String>,
    }
    #[derive(Deserialize)]
    pub struct RawAbbreviation {
        pub form: String,
        #[serde(rename = "type")]
        pub kind: String,
        pub issuer: String,
    }
}

fn phrases(list: &[String]) -> Vec<Phrase> {
    list.iter().map(|s| Phrase::new(s)).collect()
}

/// The comparison key of a title: upper case without dots, commas and spaces.
pub fn title_key(s: &str) -> String {
    let mut k = String::new();
    push_title_key(s, &mut k);
    k
}

/// Appends [`title_key`] of `s` to `out`.
fn push_title_key(s: &str, out: &mut String) {
    out.extend(
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_uppercase),
    );
}

/// `f` of the [`title_key`] of `parts` joined, built in a buffer of this
/// thread's: looking a word up among the titles allocates nothing (names
/// and ranks look up every word or run of words they hold).
pub fn with_title_key<'a, R>(
    parts: impl IntoIterator<Item = &'a str>,
    f: impl FnOnce(&str) -> R,
) -> R {
    thread_local! {
        static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    let fill = |k: &mut String| {
        k.clear();
        for p in parts {
            push_title_key(p, k);
        }
    };
    KEY.with(|k| match k.try_borrow_mut() {
        Ok(mut k) => {
            fill(&mut k);
            f(&k)
        }
        // (only when `f` itself looks a title up: it gets a buffer of its own)
        Err(_) => {
            let mut k = String::new();
            fill(&mut k);
            f(&k)
        }
    })
}

/// Builds [`Regulations`] from `regulations.toml`, checking that every
/// abbreviation names a known type and that no phrase is empty.
fn regulations(g: raw::Regulations) -> Result<Regulations, String> {
    let file = "regulations.toml";
    let nonempty = |list: Vec<Phrase>, what: &str| {
        if list.is_empty() || list.iter().any(Phrase::is_empty) {
            Err(format!("{file}: `{what}` is empty or has an empty phrase"))
        } else {
            Ok(list)
        }
    };
    let mut types = Vec::new();
    for t in g.types {
        types.push(RegulationType {
            forms: nonempty(phrases(&t.forms), &t.name)?,
            short: phrases(&t.short),
            office: t.office,
            name: t.name,
        });
    }
    let mut abbreviations = Vec::new();
    for a in g.abbreviation {
        if !types.iter().any(|t| t.name == a.kind) {
            return Err(format!(
                "{file}: abbreviation {} has unknown type {}",
                a.form, a.kind
            ));
        }
        abbreviations.push(RegulationAbbreviation {
            form: Phrase::new(&a.form),
            kind: a.kind,
            issuer: a.issuer,
        });
    }
    let mut gazettes = Vec::new();
    for t in g.gazette {
        gazettes.push(Gazette {
            forms: nonempty(phrases(&t.forms), &t.name)?,
            name: t.name,
        });
    }
    let mut first_words = WordSet::default();
    let mut first_list: Vec<String> = Vec::new();
    for w in types
        .iter()
        .flat_map(|t| t.forms.iter().chain(&t.short))
        .chain(abbreviations.iter().map(|a| &a.form))
        .filter_map(|p| p.0.first())
    {
        if !w.is_ascii() {
            return Err(format!("{file}: `{w}`: type forms must be ASCII"));
        }
        first_words.insert(w.clone());
        if !first_list.contains(w) {
            first_list.push(w.clone());
        }
    }
    let mut first_lengths = [0u32; 256];
    for w in &first_list {
        if let Some(&c) = w.as_bytes().first() {
            if w.len() >= 32 {
                return Err(format!(
                    "{file}: `{w}`: a first word must have fewer than 32 letters"
                ));
            }
            first_lengths[usize::from(c.to_ascii_lowercase())] |= 1 << w.len();
            first_lengths[usize::from(c.to_ascii_uppercase())] |= 1 << w.len();
        }
    }
    let mut forms_by_letter: Vec<Vec<FormRef>> = vec![Vec::new(); 256];
    let type_forms = types.iter().enumerate().flat_map(|(t, ty)| {
        let forms = ty
            .forms
            .iter()
            .enumerate()
            .map(move |(k, p)| (p, FormRef::Type { t, k, short: false }));
        let short = ty
            .short
            .iter()
            .enumerate()
            .map(move |(k, p)| (p, FormRef::Type { t, k, short: true }));
        forms.chain(short)
    });
    let abbreviation_forms = abbreviations
        .iter()
        .enumerate()
        .map(|(a, ab)| (&ab.form, FormRef::Abbreviation(a)));
    for (p, f) in type_forms.chain(abbreviation_forms) {
        // (a form without words matches nothing)
        if let Some(&c) = p.0.first().and_then(|w| w.as_bytes().first()) {
            forms_by_letter[usize::from(c.to_ascii_lowercase())].push(f);
        }
    }
    let w = g.words;
    let amendments = nonempty(phrases(&g.amendment), "amendment")?;
    let mut amendment_heads: Vec<String> = Vec::new();
    for head in amendments.iter().filter_map(|p| p.0.first()) {
        if !amendment_heads.contains(head) {
            amendment_heads.push(head.clone());
        }
    }
    let also = nonempty(phrases(&w.also), "also")?;
    let enactment = nonempty(phrases(&w.enactment), "enactment")?;
    let mut title_stop_bytes = [false; 256];
    for first in amendments
        .iter()
        .chain(&also)
        .chain(&enactment)
        .filter_map(|p| p.0.first())
    {
        if let Some(&c) = first.as_bytes().first() {
            title_stop_bytes[usize::from(c.to_ascii_lowercase())] = true;
            title_stop_bytes[usize::from(c.to_ascii_uppercase())] = true;
        }
        if !first.is_ascii() {
            title_stop_bytes[0x80..].fill(true);
        }
    }
    Ok(Regulations {
        first_words,
        first_lengths,
        forms_by_letter,
        types,
        abbreviations,
        gazettes,
        amendment_heads,
        title_stop_bytes,
        amendments,
        number: nonempty(phrases(&w.number), "number")?,
        year: nonempty(phrases(&w.year), "year")?,
        about: nonempty(phrases(&w.about), "about")?,
        date: nonempty(phrases(&w.date), "date")?,
        also,
        country: nonempty(phrases(&w.country), "country")?,
        clause: nonempty(phrases(&w.clause), "clause")?,
        enactment,
    })
}

impl Grammar {
    /// Parses the embedded files.
    pub fn load() -> Result<Grammar, String> {
        fn parse<T: serde::de::DeserializeOwned>(name: &str, src: &str) -> Result<T, String> {
            toml::from_str(src).map_err(|e| format!("grammars/{name}: {e}"))
        }
        let s: raw::Sections = parse("sections.toml", SECTIONS_TOML)?;
        let c: raw::Columns = parse("columns.toml", COLUMNS_TOML)?;
        let o: raw::Ordinals = parse("ordinals.toml", ORDINALS_TOML)?;
        let m: raw::Months = parse("months.toml", MONTHS_TOML)?;
        let r: raw::Ranks = parse("ranks.toml", RANKS_TOML)?;
        let t: raw::Titles = parse("titles.toml", TITLES_TOML)?;
        let w: raw::Words = parse("words.toml", WORDS_TOML)?;
        let g: raw::Regulations = parse("regulations.toml", REGULATIONS_TOML)?;

        let mut headings = Vec::new();
        for h in s.heading {
            let kind = match h.kind.as_str() {
                "IKI" => Jenis::Iki,
                "IKU" => Jenis::Iku,
                "IKK" => Jenis::Ikk,
                other => return Err(format!("sections.toml: unknown kind {other}")),
            };
            let phrase = Phrase::new(&h.phrase);
            let first_letters = phrase.0.first().map_or(0, |w| letter_set(w.as_bytes()));
            headings.push(Heading {
                phrase,
                abbreviation: h.abbreviation.to_uppercase(),
                kind,
                first_letters,
            });
        }
        let mut labels = Vec::new();
        for (kind, list) in [
            (LabelKind::Jabatan, &s.labels.jabatan),
            (LabelKind::Tugas, &s.labels.tugas),
            (LabelKind::Fungsi, &s.labels.fungsi),
            (LabelKind::Unit, &s.labels.unit),
        ] {
            labels.extend(list.iter().map(|p| (kind, Phrase::new(p))));
        }
        // longest first, so that "TUGAS POKOK" wins over "TUGAS"
        labels.sort_by_key(|(_, p)| std::cmp::Reverse(p.len()));

        let take = |map: &HashMap<String, Vec<String>>, key: &str, file: &str| {
            map.get(key)
                .map(|l| phrases(l))
                .ok_or_else(|| format!("{file}: missing `{key}`"))
        };
        let d = &s.decree;
        let decree = DecreeWords {
            keputusan: take(d, "keputusan", "sections.toml")?,
            nomor: take(d, "nomor", "sections.toml")?,
            tahun: take(d, "tahun", "sections.toml")?,
            tentang: take(d, "tentang", "sections.toml")?,
            rahmat: take(d, "rahmat", "sections.toml")?,
            menimbang: take(d, "menimbang", "sections.toml")?,
            mengingat: take(d, "mengingat", "sections.toml")?,
            memperhatikan: take(d, "memperhatikan", "sections.toml")?,
            memutuskan: take(d, "memutuskan", "sections.toml")?,
            menetapkan: take(d, "menetapkan", "sections.toml")?,
            ditetapkan: take(d, "ditetapkan", "sections.toml")?,
            tanggal: take(d, "tanggal", "sections.toml")?,
            tembusan: take(d, "tembusan", "sections.toml")?,
            lampiran: take(d, "lampiran", "sections.toml")?,
            periode: take(d, "periode", "sections.toml")?,
        };
        let l = &s.letterhead;
        let letterhead = LetterheadWords {
            government: take(l, "government", "sections.toml")?,
            address: take(l, "address", "sections.toml")?,
            phone: take(l, "phone", "sections.toml")?,
            fax: take(l, "fax", "sections.toml")?,
            website: take(l, "website", "sections.toml")?,
            email: take(l, "email", "sections.toml")?,
            postal: take(l, "postal", "sections.toml")?,
            agency: take(l, "agency", "sections.toml")?,
        };
        let mut regions = Vec::new();
        for (t, key) in [
            (Tingkat::Provinsi, "provinsi"),
            (Tingkat::Kabupaten, "kabupaten"),
            (Tingkat::Kota, "kota"),
        ] {
            regions.extend(
                take(&s.region, key, "sections.toml")?
                    .into_iter()
                    .map(|p| (t, p)),
            );
        }

        let upper = |v: &[String]| v.iter().map(|w| w.to_uppercase()).collect::<Vec<_>>();
        let indicator_openers = upper(&c.indicator_openers);
        let sasaran_openers = upper(&c.sasaran_openers);
        let unit_words = upper(&c.unit_words);
        let cell_labels: Vec<(Option<Role>, Phrase)> = c
            .cell_label
            .iter()
            .flat_map(|l| phrases(&l.phrases).into_iter().map(move |p| (l.role, p)))
            .collect();
        let columns: Vec<Column> = c
            .column
            .into_iter()
            .map(|c| Column {
                role: c.role,
                exact: phrases(&c.exact),
                starts: phrases(&c.starts),
            })
            .collect();
        let ordinals: Vec<Ordinal> = o
            .ordinal
            .into_iter()
            .map(|o| Ordinal {
                value: o.value,
                words: phrases(&o.words),
            })
            .collect();
        let mut months = Lookup::default();
        for mo in m.month {
            if !(1..=12).contains(&mo.number) {
                return Err(format!("months.toml: month {}", mo.number));
            }
            for n in mo.names {
                months.insert(n.to_uppercase(), mo.number);
            }
        }
        let ranks = r
            .rank
            .into_iter()
            .map(|r| Rank {
                key: words(&r.pangkat).map(|w| w.to_uppercase()).collect(),
                pangkat: r.pangkat,
                golongan: r.golongan,
            })
            .collect();
        let rank_abbreviations = r
            .abbreviations
            .into_iter()
            .map(|(k, v)| (title_key(&k), v.to_uppercase()))
            .collect();
        let rank_labels = r.labels.iter().map(|l| l.to_uppercase()).collect();
        let front_titles = t.front.iter().map(|s| (title_key(s), s.clone())).collect();
        let back_titles = t.back.iter().map(|s| (title_key(s), s.clone())).collect();
        let abbreviations = w
            .abbreviations
            .into_iter()
            .map(|(k, v)| (k.to_uppercase(), v.to_uppercase()))
            .collect();
        let first = |ps: &[Phrase]| -> Vec<String> {
            ps.iter().filter_map(|p| p.0.first().cloned()).collect()
        };
        let heading_first: WordSet = headings
            .iter()
            .filter_map(|h: &Heading| h.phrase.0.first().cloned())
            .collect();
        let label_first = FirstWords::new(labels.iter().map(|(_, p)| p));
        let mut keyword_first = WordSet::default();
        for list in [
            &decree.keputusan,
            &decree.nomor,
            &decree.tahun,
            &decree.tentang,
            &decree.rahmat,
            &decree.menimbang,
            &decree.mengingat,
            &decree.memperhatikan,
            &decree.memutuskan,
            &decree.menetapkan,
            &decree.ditetapkan,
            &decree.tanggal,
            &decree.tembusan,
            &decree.lampiran,
            &letterhead.government,
            &letterhead.address,
            &letterhead.phone,
            &letterhead.fax,
            &letterhead.website,
            &letterhead.email,
            &letterhead.postal,
            &letterhead.agency,
        ] {
            first(list)
                .into_iter()
                .for_each(|w| keyword_first.insert(w));
        }
        for o in &ordinals {
            first(&o.words)
                .into_iter()
                .for_each(|w| keyword_first.insert(w));
        }
        let columns_by_phrase = PhraseGroups::new(
            columns
                .iter()
                .enumerate()
                .flat_map(|(i, c)| c.starts.iter().chain(&c.exact).map(move |p| (i, p.clone())))
                .collect(),
        );
        let regulations = regulations(g)?;
        let lowercase: Vec<String> = w.lowercase.iter().map(|s| s.to_lowercase()).collect();
        let acronyms: Vec<String> = w.acronyms.iter().map(|s| s.to_uppercase()).collect();
        Ok(Grammar {
            columns_by_phrase,
            label_first,
            keyword_first,
            headings,
            heading_first,
            labels,
            decree,
            letterhead,
            regions,
            columns,
            indicator_openers,
            sasaran_openers,
            unit_words,
            cell_labels,
            ordinals,
            months,
            ranks,
            rank_abbreviations,
            rank_labels,
            front_titles,
            back_titles,
            lowercase_words: WordList::new(&lowercase),
            acronym_words: WordList::new(&acronyms),
            lowercase,
            acronyms,
            abbreviations,
            ocr_vocabulary: w.ocr_vocabulary.iter().map(|s| s.to_uppercase()).collect(),
            regulations,
        })
    }

    /// The role of a table header cell.
    pub fn column_role(&self, cell: &str) -> Option<Role> {
        // drop column numbers such as "(4)" and lone digits
        let ws: Vec<&str> = words(cell)
            .filter(|w| !w.bytes().all(|b| b.is_ascii_digit()))
            .collect();
        if ws.is_empty() {
            return None;
        }
        self.columns.iter().find_map(|c| {
            let hit = c.exact.iter().any(|p| p.is_exactly(ws.iter().copied()))
                || c.starts.iter().any(|p| p.is_prefix_of(ws.iter().copied()));
            hit.then_some(c.role)
        })
    }

    /// The position-block label that `ws` starts with, and its length in words.
    pub fn label<'a>(
        &self,
        ws: impl IntoIterator<Item = &'a str> + Clone,
    ) -> Option<(LabelKind, usize)> {
        let first = ws.clone().into_iter().next()?;
        self.label_first
            .get(first)
            .iter()
            .map(|&i| &self.labels[i])
            .find(|(_, p)| p.is_prefix_of(ws.clone()))
            .map(|(k, p)| (*k, p.len()))
    }

    /// The diktum ordinal that `ws` starts with: (value, words used).
    pub fn ordinal<'a>(
        &self,
        ws: impl IntoIterator<Item = &'a str> + Clone,
    ) -> Option<(u32, usize)> {
        let first = ws.clone().into_iter().next()?;
        if !self.may_start_keyword(first) {
            return None;
        }
        self.ordinals
            .iter()
            .flat_map(|o| o.words.iter().map(move |p| (o.value, p)))
            .filter(|(_, p)| p.starts_with_word(first) && p.is_prefix_of(ws.clone()))
            .max_by_key(|(_, p)| p.len())
            .map(|(v, p)| (v, p.len()))
    }

    /// The canonical label of an ordinal value (`KESATU`, `KEDUA` …); the
    /// first word listed for the value, unless `as_written` is one of its words.
    pub fn ordinal_label(&self, value: u32, as_written: &[&str]) -> String {
        let Some(o) = self.ordinals.iter().find(|o| o.value == value) else {
            return value.to_string();
        };
        o.words
            .iter()
            .find(|p| p.is_exactly(as_written.iter().copied()))
            .unwrap_or(&o.words[0])
            .0
            .join(" ")
    }

    /// The month number of a month name or abbreviation.
    pub fn month(&self, word: &str) -> Option<u32> {
        let w = word.trim_end_matches('.');
        self.months.get(&w.to_uppercase()).copied()
    }

    pub fn is_lowercase_word(&self, w: &str) -> bool {
        self.lowercase_words.contains(w)
    }

    pub fn is_acronym(&self, w: &str) -> bool {
        self.acronym_words.contains(w)
    }

    /// The region level a word names (`KABUPATEN` → kabupaten).
    pub fn region<'a>(
        &self,
        ws: impl IntoIterator<Item = &'a str> + Clone,
    ) -> Option<(Tingkat, usize)> {
        let first = ws.clone().into_iter().next()?;
        self.regions
            .iter()
            .filter(|(_, p)| p.starts_with_word(first) && p.is_prefix_of(ws.clone()))
            .max_by_key(|(_, p)| p.len())
            .map(|(t, p)| (*t, p.len()))
    }
}

/// Lists of phrases tried in order, as [`starts_with_any`] of each list in
/// turn would be, from one lookup of the text's first word: the phrases of
/// every list by their first word ([`FirstWords`]), each tagged with its
/// list's place. A first word outside ASCII finds none (see [`FirstWords`]).
#[derive(Debug)]
pub struct PhraseGroups {
    phrases: Vec<(usize, Phrase)>,
    index: FirstWords,
}

impl PhraseGroups {
    /// From phrases tagged with their list's place, in list order.
    pub fn new(phrases: Vec<(usize, Phrase)>) -> Self {
        let index = FirstWords::new(phrases.iter().map(|(_, p)| p));
        PhraseGroups { phrases, index }
    }

    /// From the lists, in order.
    pub fn from_lists(lists: &[&[Phrase]]) -> Self {
        PhraseGroups::new(
            lists
                .iter()
                .enumerate()
                .flat_map(|(g, ps)| ps.iter().map(move |p| (g, p.clone())))
                .collect(),
        )
    }

    /// True when some phrase starts with `w` (any case).
    pub fn may_start(&self, w: &str) -> bool {
        !self.index.get(w).is_empty()
    }

    /// The first list (its place) with a phrase that `text` starts with
    /// after leading spaces and one bullet, and the byte offset just after
    /// its longest such phrase (the first of the longest, as
    /// [`starts_with_any`]).
    pub fn first_at(&self, text: &str) -> Option<(usize, usize)> {
        let lead = crate::lines::skip_bullet_pub(text);
        self.first_in(crate::lines::word_offsets(&text[lead..]))
            .map(|(g, _, end)| (g, lead + end))
    }

    /// The first list (its place) with a phrase that the words `ws` start
    /// with, and the length in words of its longest such phrase.
    pub fn first_in_words(&self, ws: &[&str]) -> Option<(usize, usize)> {
        self.first_in(ws.iter().copied().enumerate())
            .map(|(g, n, _)| (g, n))
    }

    /// Of words with their places (byte offsets, or indexes), the first list
    /// with a phrase they start with: its place, the length in words of its
    /// longest such phrase, and the place after that phrase's last word
    /// (its place plus its length).
    fn first_in<'w>(
        &self,
        words: impl Iterator<Item = (usize, &'w str)> + Clone,
    ) -> Option<(usize, usize, usize)> {
        let (_, first) = words.clone().next()?;
        let mut best: Option<(usize, usize, usize)> = None;
        for &i in self.index.get(first) {
            let (group, p) = &self.phrases[i];
            // a later list counts only when no earlier one had a phrase
            if best.is_some_and(|(g, _, _)| g != *group) {
                break;
            }
            let mut it = words.clone();
            let mut end = 0;
            let ok = p.0.iter().all(|pw| match it.next() {
                Some((at, w)) if eq_word(w, pw) => {
                    end = at + w.len();
                    true
                }
                _ => false,
            });
            if ok && best.is_none_or(|(_, n, _)| p.len() > n) {
                best = Some((*group, p.len(), end));
            }
        }
        best
    }
}

/// If `text` (after leading spaces and one bullet) starts with one of the
/// phrases, the byte offset just after the phrase, and the phrase length in words.
pub fn starts_with_any(text: &str, phrases: &[Phrase]) -> Option<usize> {
    let lead = crate::lines::skip_bullet_pub(text);
    let rest = &text[lead..];
    let mut best: Option<(usize, usize)> = None;
    for p in phrases {
        let mut it = crate::lines::word_offsets(rest);
        let mut end = 0;
        let mut ok = !p.0.is_empty();
        for pw in &p.0 {
            match it.next() {
                Some((i, w)) if eq_word(w, pw) => end = i + w.len(),
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        // the phrase must end at a word boundary in the text too
        if ok && best.is_none_or(|(n, _)| p.len() > n) {
            best = Some((p.len(), lead + end));
        }
    }
    best.map(|(_, end)| end)
}

impl Grammar {
    /// True when `w` can start a column header.
    pub fn may_start_column(&self, w: &str) -> bool {
        self.columns_by_phrase.may_start(w)
    }

    /// The column header that `ws` starts with: of the first column (in the
    /// grammar's order) that has a phrase `ws` starts with, its role and the
    /// length of its longest such phrase.
    pub fn column_at(&self, ws: &[&str]) -> Option<(Role, usize)> {
        self.columns_by_phrase
            .first_in_words(ws)
            .map(|(c, n)| (self.columns[c].role, n))
    }

    /// True when `w` can start a decree section word, a letterhead word or an ordinal.
    /// The text opens like an indicator's name (`Persentase …`).
    pub fn opens_indicator(&self, t: &str) -> bool {
        Self::opens(&self.indicator_openers, t)
    }

    /// The whole text names a unit (`Predikat`, `Persentase`).
    pub fn is_unit_word(&self, t: &str) -> bool {
        let t = t.trim();
        self.unit_words.iter().any(|u| u.eq_ignore_ascii_case(t))
    }

    /// The text opens like a sasaran (`Meningkatnya …`).
    pub fn opens_sasaran(&self, t: &str) -> bool {
        Self::opens(&self.sasaran_openers, t)
    }

    fn opens(list: &[String], t: &str) -> bool {
        let first = t.trim_start().split([' ', '\t']).next().unwrap_or("");
        list.iter().any(|w| w.eq_ignore_ascii_case(first))
    }

    pub fn may_start_keyword(&self, w: &str) -> bool {
        self.keyword_first.contains(w)
    }
}

/// The texts of the corpus and the field samples, for tests that check a
/// fast path against its reference on every real line.
#[cfg(test)]
pub(crate) fn real_texts() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    ["corpus", "tests/field-samples"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root.join(dir)).unwrap())
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap_or_default())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_key_built_in_the_shared_buffer_is_the_key_of_its_parts_alone() {
        assert_eq!(title_key("S. H."), "SH");
        // a long key, then a short one: the buffer holds only the second
        with_title_key(["Drs.", "M.Si.", "Ak."], |k| assert_eq!(k, "DRSMSIAK"));
        with_title_key(["sh"], |k| assert_eq!(k, "SH"));
        with_title_key(std::iter::empty(), |k| assert_eq!(k, ""));
        // a lookup inside a lookup gets a buffer of its own
        let (outer, inner) = with_title_key(["Ir."], |k| {
            let inner = with_title_key(["S.T."], str::to_string);
            (k.to_string(), inner)
        });
        assert_eq!((outer.as_str(), inner.as_str()), ("IR", "ST"));
    }

    /// Every byte value, in every lane of the word: the bit is set exactly
    /// for ASCII letters and digits.
    #[test]
    fn ascii_alnum_bits_tell_every_byte() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut bytes = [b' '; 8];
                bytes[lane] = b;
                let bits = ascii_alnum_bits(u64::from_le_bytes(bytes));
                let lane_bit = bits >> (lane * 8 + 7) & 1 == 1;
                assert_eq!(
                    lane_bit,
                    b.is_ascii_alphanumeric(),
                    "byte {b:#04x} lane {lane}"
                );
                let others = bits & !(1 << (lane * 8 + 7));
                assert_eq!(others, 0, "byte {b:#04x} lane {lane}: other lanes");
            }
        }
    }

    /// The decree keyword lists as one [`PhraseGroups`] give, for every line
    /// of the corpus and the field samples (and each with a bullet, in
    /// lower case, and cut after its first words), what `starts_with_any`
    /// of each list in turn gives.
    #[test]
    fn phrase_groups_find_what_each_list_in_turn_finds() {
        let g = grammar();
        let d = &g.decree;
        let lists: [&[Phrase]; 12] = [
            &d.menimbang,
            &d.mengingat,
            &d.memperhatikan,
            &d.memutuskan,
            &d.menetapkan,
            &d.ditetapkan,
            &d.tembusan,
            &d.lampiran,
            &d.keputusan,
            &d.nomor,
            &d.tentang,
            &g.letterhead.government,
        ];
        let groups = PhraseGroups::from_lists(&lists);
        let in_turn = |t: &str| {
            lists
                .iter()
                .enumerate()
                .find_map(|(i, ps)| starts_with_any(t, ps).map(|at| (i, at)))
        };
        let mut lines = Vec::new();
        for text in real_texts() {
            for l in text.lines() {
                let cut: String = l.split(' ').take(3).collect::<Vec<_>>().join(" ");
                lines.extend([l.to_string(), format!("- {l}"), l.to_lowercase(), cut]);
            }
        }
        let mut found = 0;
        for l in &lines {
            let want = in_turn(l);
            found += usize::from(want.is_some());
            assert_eq!(groups.first_at(l), want, "{l:?}");
        }
        assert!(found > 100, "only {found} lines start with a keyword");
    }

    /// Every byte value, in every lane: only `a`–`z` change, to `A`–`Z`.
    #[test]
    fn ascii_upper_changes_only_small_letters() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut bytes = [b'q'; 8];
                bytes[lane] = b;
                let up = ascii_upper(u64::from_le_bytes(bytes)).to_le_bytes();
                assert_eq!(
                    up[lane],
                    b.to_ascii_uppercase(),
                    "byte {b:#04x} lane {lane}"
                );
                assert!(up.iter().enumerate().all(|(i, &c)| i == lane || c == b'Q'));
            }
        }
    }

    /// The grammar's lists as looked up, against going down them: every
    /// word of the corpus and the field samples, as written and in upper
    /// and lower case.
    #[test]
    fn word_lists_are_the_lists() {
        let g = grammar();
        let mut n = 0;
        for text in real_texts() {
            for w in text.split_whitespace() {
                let core = w.trim_matches(|c: char| !c.is_alphanumeric());
                for v in [core.to_string(), core.to_uppercase(), core.to_lowercase()] {
                    let acronym = g.acronyms.iter().any(|a| a.eq_ignore_ascii_case(&v));
                    let lower = g.lowercase.iter().any(|l| l.eq_ignore_ascii_case(&v));
                    assert_eq!(g.is_acronym(&v), acronym, "{v}");
                    assert_eq!(g.is_lowercase_word(&v), lower, "{v}");
                    n += usize::from(acronym || lower);
                }
            }
        }
        assert!(n > 100, "the lists' words stand in the texts: {n}");
    }

    proptest::proptest! {
        /// Words `k` edits apart (a letter changed, added or dropped) have
        /// letter sets at most `2 k` bits apart.
        #[test]
        fn an_edit_changes_at_most_two_letters_of_the_set(
            w in "[A-Za-z0-9]{0,14}",
            edits in proptest::collection::vec((0u8..3, 0usize..16, "[A-Za-z0-9]"), 0..4)
        ) {
            let mut b: Vec<char> = w.chars().collect();
            for (op, at, c) in &edits {
                let c = c.chars().next().unwrap_or('a');
                let at = at % (b.len() + 1);
                match op {
                    0 => b.insert(at, c),
                    1 if at < b.len() => { b.remove(at); }
                    _ if at < b.len() => b[at] = c,
                    _ => b.push(c),
                }
            }
            let b: String = b.into_iter().collect();
            let apart = (letter_set(w.as_bytes()) ^ letter_set(b.as_bytes())).count_ones() as usize;
            proptest::prop_assert!(apart <= 2 * edits.len(), "{w} → {b}: {apart} bits");
        }

        #[test]
        fn a_word_list_is_its_words_ignoring_ascii_case(
            words in proptest::collection::vec("([a-zA-Z0-9é_-]{1,4}|[a-z]{30,34}|é[a-z]{0,3})", 0..12),
            pick in 0usize..16,
            flip in proptest::bool::ANY,
            other in "[a-zA-Z0-9é_-]{0,6}",
        ) {
            let list = WordList::new(&words);
            let mut queries = vec![other];
            if let Some(w) = words.get(pick) {
                queries.push(if flip { w.to_ascii_uppercase() } else { w.to_ascii_lowercase() });
            }
            for q in queries {
                let plain = words.iter().any(|w| w.eq_ignore_ascii_case(&q));
                proptest::prop_assert_eq!(list.contains(&q), plain, "{}", q);
            }
        }

        // two words of one length have the same key exactly when they are
        // equal ignoring ASCII case; every length under 32, with bytes that
        // differ only in case, and bytes outside ASCII
        #[test]
        fn word_keys_are_equal_as_the_words_ignoring_case(
            a in proptest::collection::vec(proptest::prop_oneof![
                proptest::strategy::Just(b'a'), proptest::strategy::Just(b'A'),
                proptest::strategy::Just(b'z'), proptest::strategy::Just(b'['),
                proptest::strategy::Just(b'@'), proptest::strategy::Just(0xc3u8),
                proptest::strategy::Just(0xa9u8), proptest::num::u8::ANY,
            ], 0..32),
            flips in proptest::collection::vec(proptest::num::u8::ANY, 32),
        ) {
            // `b`: `a` with some bytes changed (a case flip, or another byte)
            let b: Vec<u8> = a.iter().zip(&flips).map(|(&c, &f)| match f % 4 {
                0 if c.is_ascii_alphabetic() => c ^ 0x20,
                1 => c.wrapping_add(f | 1),
                _ => c,
            }).collect();
            proptest::prop_assert_eq!(
                WordKey::new(&a) == WordKey::new(&b),
                a.eq_ignore_ascii_case(&b)
            );
            proptest::prop_assert_eq!(WordKey::new(&a), WordKey::new(&a.to_ascii_uppercase()));
        }

        // the words are the non-empty pieces between characters that are not
        // alphanumeric, in any script
        #[test]
        fn words_are_the_alphanumeric_runs(s in "[a-zA-Z0-9 .,:/@\\[`{~\u{7f}\téÉ中٣\u{301}\u{a0}ǅ-]{0,60}") {
            let split: Vec<(usize, &str)> = s
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
                .collect();
            let mut it = words(&s);
            let ours: Vec<(usize, &str)> = std::iter::from_fn(|| it.next_at()).collect();
            proptest::prop_assert_eq!(&ours, &split);
            proptest::prop_assert_eq!(words(&s).collect::<Vec<_>>(), split.iter().map(|p| p.1).collect::<Vec<_>>());
            proptest::prop_assert_eq!(crate::lines::word_offsets(&s).collect::<Vec<_>>(), split);
        }
    }

    #[test]
    fn a_column_is_found_from_its_first_word_as_by_trying_every_column() {
        let g = grammar();
        let brute = |ws: &[&str]| {
            g.columns.iter().find_map(|c| {
                c.starts
                    .iter()
                    .chain(&c.exact)
                    .filter(|p| !p.is_empty() && p.is_prefix_of(ws.iter().copied()))
                    .map(|p| p.len())
                    .max()
                    .map(|n| (c.role, n))
            })
        };
        let mut tried = 0;
        for c in &g.columns {
            for p in c.starts.iter().chain(&c.exact) {
                let lower: Vec<String> = p.0.iter().map(|w| w.to_lowercase()).collect();
                for tail in [&[][..], &["DATA"], &["X", "Y"]] {
                    for n in 1..=p.0.len() {
                        let ws: Vec<&str> = lower[..n]
                            .iter()
                            .map(String::as_str)
                            .chain(tail.iter().copied())
                            .collect();
                        assert_eq!(g.column_at(&ws), brute(&ws), "{ws:?}");
                        tried += 1;
                    }
                }
            }
        }
        assert!(tried > 50);
        assert_eq!(g.column_at(&["Nomor"]), brute(&["Nomor"]));
        assert_eq!(g.column_at(&[]), None);
    }

    #[test]
    fn the_first_group_with_a_phrase_wins_with_its_longest() {
        let ps: Vec<(usize, Phrase)> = [
            (0, "SUMBER"),
            (0, "SUMBER DATA UTAMA"),
            (1, "SUMBER DATA"),
            (1, "SUMBER DATA UTAMA LAIN"),
            (2, "DATA"),
        ]
        .into_iter()
        .map(|(g, p)| (g, Phrase(p.split(' ').map(String::from).collect())))
        .collect();
        let groups = PhraseGroups::new(ps);
        let at = |t: &str| groups.first_in_words(&t.split(' ').collect::<Vec<_>>());
        assert_eq!(at("sumber data utama lain"), Some((0, 3)));
        assert_eq!(at("Sumber"), Some((0, 1)));
        assert_eq!(at("data sumber"), Some((2, 1)));
        assert_eq!(at("lain"), None);
    }

    #[test]
    fn first_words_give_their_phrases_in_list_order() {
        let ps: Vec<Phrase> = ["TUGAS POKOK", "FUNGSI", "TUGAS", "tugas dan fungsi"]
            .iter()
            .map(|p| Phrase(p.split(' ').map(str::to_uppercase).collect()))
            .collect();
        let idx = FirstWords::new(&ps);
        assert_eq!(idx.get("Tugas"), &[0, 2, 3]);
        assert_eq!(idx.get("FUNGSI"), &[1]);
        assert_eq!(idx.get("fungsi"), &[1]);
        assert!(idx.get("Fungsional").is_empty());
        assert!(idx.get("TUGAŞ").is_empty());
        assert!(idx.get("").is_empty());
        let g = grammar();
        assert_eq!(g.label(["Tugas", "Pokok", ":"]).map(|(_, n)| n), Some(2));
        assert_eq!(g.label(["tugas", ":"]), Some((LabelKind::Tugas, 1)));
        assert!(g.label(["Tugasnya"]).is_none());
    }

    #[test]
    fn embedded_grammar_loads() {
        let g = Grammar::load().unwrap();
        assert!(g.headings.len() >= 3);
        assert_eq!(g.month("Pebruari"), Some(2));
        assert_eq!(g.month("Agt."), Some(8));
        assert_eq!(g.ranks.len(), 17);
        // phrases are matched from their first word: none may be empty
        let empty = g
            .labels
            .iter()
            .map(|(_, p)| p)
            .chain(g.regions.iter().map(|(_, p)| p))
            .chain(g.ordinals.iter().flat_map(|o| &o.words))
            .find(|p| p.is_empty());
        assert_eq!(empty, None);
    }

    /// The index of regulation forms by first letter holds every form
    /// once, under its first letter, in the grammar's order.
    #[test]
    fn regulation_forms_by_first_letter() {
        let r = &grammar().regulations;
        let mut all = Vec::new();
        for (t, ty) in r.types.iter().enumerate() {
            for (k, p) in ty.forms.iter().enumerate() {
                all.push((p, FormRef::Type { t, k, short: false }));
            }
            for (k, p) in ty.short.iter().enumerate() {
                all.push((p, FormRef::Type { t, k, short: true }));
            }
        }
        for (a, ab) in r.abbreviations.iter().enumerate() {
            all.push((&ab.form, FormRef::Abbreviation(a)));
        }
        for (c, bucket) in r.forms_by_letter.iter().enumerate() {
            let want: Vec<FormRef> = all
                .iter()
                .filter(|(p, _)| {
                    p.0.first()
                        .and_then(|w| w.bytes().next())
                        .is_some_and(|b| usize::from(b.to_ascii_lowercase()) == c)
                })
                .map(|&(_, f)| f)
                .collect();
            assert_eq!(bucket, &want, "letter {c}");
        }
        let indexed: usize = r.forms_by_letter.iter().map(Vec::len).sum();
        assert_eq!(indexed, all.len(), "no form is without a first letter");
    }

    #[test]
    fn column_roles_from_corpus_headers() {
        let g = grammar();
        let cases = [
            ("No", Some(Role::No)),
            ("NO", Some(Role::No)),
            ("Sasaran Program", Some(Role::Sasaran)),
            ("SASARAN/KINERJA UTAMA", Some(Role::Sasaran)),
            ("SASARAN KINERJA (4)", Some(Role::Sasaran)),
            ("Indikator Kinerja", Some(Role::Indikator)),
            ("INDIKATOR KINERJA UTAMA (IKU)", Some(Role::Indikator)),
            (
                "INDIKATOR KINERJA KEGIATAN (ESELON IV)",
                Some(Role::Indikator),
            ),
            ("Penjelasan / Formulasi perhitungan", Some(Role::Formulasi)),
            ("PENJELASAN/FORMULAS I PENGHITUNGAN", Some(Role::Formulasi)),
            ("FORMULASI/CARA PENGUKURAN", Some(Role::Formulasi)),
            ("RUMUS PERHITUNGAN", Some(Role::Formulasi)),
            ("SUMBER DATA", Some(Role::SumberData)),
            ("TARGET 2024", Some(Role::Target)),
            ("PENANGGUNG JAWAB", Some(Role::PenanggungJawab)),
            ("BIDANG URUSAN", Some(Role::BidangUrusan)),
            ("KETERANGAN", Some(Role::Keterangan)),
            ("TUJUAN", Some(Role::Tujuan)),
            ("SATUAN", None),
            ("", None),
        ];
        for (cell, role) in cases {
            assert_eq!(g.column_role(cell), role, "{cell}");
        }
    }

    #[test]
    fn labels_and_ordinals() {
        let g = grammar();
        assert_eq!(g.label(words("JABATAN : x")), Some((LabelKind::Jabatan, 1)));
        assert_eq!(g.label(words("Tugas Pokok :")), Some((LabelKind::Tugas, 2)));
        assert_eq!(
            g.label(words("Nama Unit Organisasi :")),
            Some((LabelKind::Unit, 3))
        );
        assert_eq!(g.ordinal(words("Kesatu :")), Some((1, 1)));
        assert_eq!(g.ordinal(words("KEDUA BELAS :")), Some((12, 2)));
        assert_eq!(g.ordinal_label(1, &["PERTAMA"]), "PERTAMA");
        assert_eq!(g.ordinal_label(1, &["Kesatu"]), "KESATU");
    }
}
