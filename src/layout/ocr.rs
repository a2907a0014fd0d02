//! OCR letter damage in structural words: `I(EPUTUSAN`, `KINEIJA`,
//! `NDIKATOR`, and years written with look-alike letters (`TAHUN z0l4`).
//!
//! Only the places where structure is read are repaired: the first word of a
//! line (after a bullet or an item label), every word of a short line in
//! capitals but those in parentheses (asides, often English), and a year
//! after the word `tahun` in any case. A word is repaired to a word of
//! `ocr_vocabulary` (`grammars/words.toml`) when, after folding look-alike
//! glyphs, it is that word or one letter away from it and from no other.
//! Every repair is reported with the word as written (`ocr-word-repaired`).

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::diagnostics::{Code, Diagnostics};
use crate::grammar::{grammar, letter_set};
use crate::lines::{Kind, Line};

/// The longest word looked at.
const MAX: usize = 16;

/// The shortest word looked at, as written and as folded.
const MIN: usize = 6;

/// A vocabulary word: its letters (padded with zeros to [`MAX`], so that a
/// folded word is compared in one go), its length and its set of letters.
#[derive(Clone)]
struct Entry {
    letters: [u8; MAX],
    len: usize,
    mask: u32,
}

impl Entry {
    fn word(&self) -> &[u8] {
        &self.letters[..self.len]
    }
}

/// The vocabulary by word length: a word is compared only with the words of
/// its own length and the lengths one shorter and one longer.
struct Vocab {
    by_len: Vec<Vec<Entry>>,
    /// every set of letters (as bits) that differs from a vocabulary word's
    /// in at most two letters, as a filter of [`NEAR_BITS`] bits (each set
    /// hashed to one): a word whose set's bit is clear is no vocabulary word
    /// and one letter away from none (most words looked at). A bit set by
    /// another set only lets a word on to the comparisons, which decide.
    near: Vec<u64>,
}

/// The bits of [`Vocab::near`]: 10,000-odd sets leave about nine in ten
/// clear.
const NEAR_BITS: usize = 1 << 16;

/// The bit of a set of letters in [`Vocab::near`] (a multiplicative hash).
fn near_bit(m: u32) -> usize {
    (u64::from(m).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
}

impl Vocab {
    /// False when no vocabulary word's set of letters is within two letters
    /// of `m` (true may be wrong: see [`Vocab::near`]).
    fn may_be_near(&self, m: u32) -> bool {
        let k = near_bit(m);
        self.near
            .get(k / 64)
            .is_some_and(|w| w >> (k % 64) & 1 == 1)
    }

    /// The words of length `n - 1`, `n` and `n + 1`.
    fn near(&self, n: usize) -> impl Iterator<Item = &Entry> {
        (n.saturating_sub(1)..=n + 1)
            .filter_map(|k| self.by_len.get(k))
            .flatten()
    }

    /// The words of length `n`.
    fn of_len(&self, n: usize) -> &[Entry] {
        self.by_len.get(n).map_or(&[], Vec::as_slice)
    }
}

fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| {
        let mut by_len = vec![Vec::new(); MAX + 1];
        let mut near = vec![0u64; NEAR_BITS / 64];
        let mut set = |m: u32| {
            let k = near_bit(m);
            near[k / 64] |= 1 << (k % 64);
        };
        for w in grammar()
            .ocr_vocabulary
            .iter()
            .filter(|w| w.is_ascii() && w.len() <= MAX)
        {
            let mut letters = [0u8; MAX];
            letters[..w.len()].copy_from_slice(w.as_bytes());
            let m = letter_set(w.as_bytes());
            by_len[w.len()].push(Entry {
                letters,
                len: w.len(),
                mask: m,
            });
            // the set itself, one letter in or out, two letters in or out
            for a in 0..26 {
                set(m ^ 1 << a);
                for b in a + 1..26 {
                    set(m ^ 1 << a ^ 1 << b);
                }
            }
            set(m);
        }
        Vocab { by_len, near }
    })
}

/// The letter each byte folds to on its own (see [`fold`]), or 0.
const FOLDED: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = match b {
            b'0' => b'O',
            b'1' | b'|' | b'!' => b'I',
            b'5' => b'S',
            b'8' => b'B',
            _ if b.is_ascii_alphabetic() => b.to_ascii_uppercase(),
            _ => 0,
        };
        c += 1;
    }
    t
};

/// A word folded by [`fold`]: its length in `buf`, its set of letters
/// ([`letter_set`]) and how many of the bytes as written are letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Folded {
    len: usize,
    letters: u32,
    alphabetic: usize,
}

/// The word in capitals with look-alike glyphs folded to letters
/// (`I(` and `|<` to K, `0` to O, `1`, `|` and `!` to I, `5` to S, `8` to B),
/// written into `buf`; its set of letters and its letters as written are
/// counted in the same pass. `None` for a glyph that folds to no letter, or
/// a word longer than `buf`.
fn fold(w: &str, buf: &mut [u8; MAX]) -> Option<Folded> {
    let b = w.as_bytes();
    let (mut n, mut i, mut letters, mut alphabetic) = (0, 0, 0u32, 0);
    while i < b.len() {
        if n == MAX {
            return None;
        }
        let c = b[i];
        let (out, used) = match c {
            b'I' | b'|' | b'l' if matches!(b.get(i + 1), Some(b'(' | b'<')) => (b'K', 2),
            _ => (FOLDED[usize::from(c)], 1),
        };
        if out == 0 {
            return None;
        }
        // the second glyph of `I(` is no letter
        alphabetic += usize::from(c.is_ascii_alphabetic());
        letters |= 1 << (out - b'A');
        buf[n] = out;
        n += 1;
        i += used;
    }
    Some(Folded {
        len: n,
        letters,
        alphabetic,
    })
}

/// `x.count_ones() > 2`, by clearing the lowest set bit twice: the baseline
/// x86-64 target has no population count instruction, and its stand-in is
/// a dozen instructions in the loop over the vocabulary.
#[inline]
fn more_than_two_bits(x: u32) -> bool {
    let y = x & x.wrapping_sub(1);
    y & y.wrapping_sub(1) != 0
}

/// True when `a` and `b` differ by at most one letter (changed, added or lost).
fn within_one(a: &[u8], b: &[u8]) -> bool {
    if a.len() == b.len() {
        return a.iter().zip(b).filter(|(x, y)| x != y).count() <= 1;
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() != 1 {
        return false;
    }
    let k = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    short[k..] == long[k + 1..]
}

/// The vocabulary word a damaged word stands for, if any.
fn repair_word(w: &str) -> Option<&'static str> {
    // (a byte outside ASCII folds to no letter)
    if w.len() < MIN || w.len() > MAX + 1 {
        return None;
    }
    let mut buf = [0u8; MAX];
    let Folded {
        len: n,
        letters: m,
        alphabetic,
    } = fold(w, &mut buf)?;
    // a word of letters (numbers and codes are not words)
    if alphabetic < 4 {
        return None;
    }
    let folded = &buf[..n];
    // every glyph a letter: the word is written as it folds, in some case
    let as_written = alphabetic == w.len();
    let v = vocab();
    // a word equal to a vocabulary word has its letters, and one a letter
    // away has at most two letters more or fewer
    if !v.may_be_near(m) {
        return None;
    }
    // `buf` is zero past the word, like the vocabulary's letters
    if let Some(e) = v.of_len(n).iter().find(|e| e.letters == buf) {
        // the same word (any case) needs no repair
        return (!as_written).then(|| std::str::from_utf8(e.word()).unwrap_or_default());
    }
    if n < MIN {
        return None;
    }
    let mut found: Option<&[u8]> = None;
    for e in v.near(n) {
        if more_than_two_bits(m ^ e.mask) || !within_one(folded, e.word()) {
            continue;
        }
        if found.is_some() {
            return None;
        }
        found = Some(e.word());
    }
    found.map(|w| std::str::from_utf8(w).unwrap_or_default())
}

/// The repaired word in the case it was written in.
fn in_case_of(written: &str, word: &str) -> String {
    let lower = written.bytes().filter(u8::is_ascii_lowercase).count();
    let upper = written.bytes().filter(u8::is_ascii_uppercase).count();
    if lower > upper {
        let mut out = String::with_capacity(word.len());
        for (i, c) in word.chars().enumerate() {
            if i == 0 && written.starts_with(|c: char| !c.is_lowercase()) {
                out.push(c);
            } else {
                out.push(c.to_ascii_lowercase());
            }
        }
        out
    } else {
        word.to_string()
    }
}

/// A year written with look-alike letters (`z0l4`, `2O24`): four glyphs, at
/// least two of them digits.
fn repair_year(w: &str) -> Option<String> {
    let b = w.as_bytes();
    if b.len() != 4
        || b.iter().filter(|c| c.is_ascii_digit()).count() < 2
        || b.iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    let mut y = String::with_capacity(4);
    for &c in b {
        y.push(match c {
            b'0'..=b'9' => c as char,
            b'z' | b'Z' => '2',
            b'l' | b'I' | b'|' | b'i' => '1',
            b'o' | b'O' | b'D' => '0',
            b's' | b'S' => '5',
            b'b' => '6',
            b'B' => '8',
            b'g' | b'q' => '9',
            _ => return None,
        });
    }
    let n: i32 = y.parse().ok()?;
    (1945..=2100).contains(&n).then_some(y)
}

/// A word of [`spaced_words`] with the punctuation around it left out, and
/// where that starts in the word; `None` when nothing is left.
fn token(w: &str) -> Option<(usize, &str)> {
    let start = w.len() - w.trim_start_matches(['(', '"', '*']).len();
    let inner = w[start..].trim_end_matches([':', ';', ',', '.', ')', '"', '*']);
    (!inner.is_empty()).then_some((start, inner))
}

/// Words split at spaces, with their byte offsets. (A byte loop: the words
/// are short, and a vectorized search for each space costs more.)
fn spaced_words(t: &str) -> SpacedWords<'_> {
    SpacedWords { t, i: 0 }
}

/// The iterator of [`spaced_words`]; [`SpacedWords::seek`] skips ahead.
struct SpacedWords<'a> {
    t: &'a str,
    i: usize,
}

impl<'a> SpacedWords<'a> {
    /// Goes on from byte `i`, the start of a word.
    fn seek(&mut self, i: usize) {
        self.i = self.i.max(i);
    }
}

impl<'a> Iterator for SpacedWords<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let b = self.t.as_bytes();
        let mut i = self.i;
        while b.get(i) == Some(&b' ') {
            i += 1;
        }
        if i >= b.len() {
            self.i = i;
            return None;
        }
        let start = i;
        while b.get(i).is_some_and(|&c| c != b' ') {
            i += 1;
        }
        self.i = i;
        // split at an ASCII space: always at a character boundary
        Some((start, self.t.get(start..i).unwrap_or_default()))
    }
}

/// The start of the next word at or after byte `from` that is `tahun` in any
/// case (a word between spaces, as [`spaced_words`] cuts them), found from
/// its `h`.
fn next_tahun(b: &[u8], from: usize) -> Option<usize> {
    let rest = b.get(from..)?;
    memchr::memchr2_iter(b'h', b'H', rest).find_map(|p| {
        // `h` is the third letter of `tahun`
        let start = (from + p).checked_sub(2).filter(|&s| s >= from)?;
        let end = from + p + 3;
        (b.get(start..end)?.eq_ignore_ascii_case(b"tahun")
            && (start == 0 || b[start - 1] == b' ')
            && b.get(end).is_none_or(|&c| c == b' '))
        .then_some(start)
    })
}

/// True when `ahun` in any case (of `tahun`, `Tahun`, `TAHUN`, `TAhun`)
/// stands in the text; found from its `h`, one scan for both cases. The
/// gate of the word-by-word reading the tests compare with: `line_fixes`
/// goes to the next `tahun` itself ([`next_tahun`]), which finds none where
/// this finds no `ahun`.
#[cfg(test)]
fn mentions_tahun(b: &[u8]) -> bool {
    memchr::memchr2_iter(b'h', b'H', b).any(|p| {
        p >= 1
            && b.get(p - 1..p + 3)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"ahun"))
    })
}

/// An item label or bullet in front of a line's first word.
fn is_marker(w: &str) -> bool {
    matches!(w, "-" | "*" | "•")
        || (w.len() <= 3
            && w.ends_with(['.', ')'])
            && w[..w.len() - 1].bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The repairs of one line, in order: the byte range of each damaged word
/// and what it is read as. `mostly_upper` tells whether most letters of `t`
/// are capitals ([`crate::text::is_mostly_upper`], which the line keeps).
fn line_fixes(t: &str, mostly_upper: impl Fn() -> bool) -> Vec<(usize, usize, String)> {
    // a short line in capitals: told only when a word past the first is reached
    let mut caps: Option<bool> = None;
    let mut fixes: Vec<(usize, usize, String)> = Vec::new();
    let mut first = true;
    let mut after_tahun = false;
    let b = t.as_bytes();
    // parentheses open before the current word, counted up to the words
    // checked (the first word, and every word of a line in capitals)
    let (mut depth, mut seen) = (0usize, 0usize);
    let mut words = spaced_words(t);
    while let Some((at, w)) = words.next() {
        if first && is_marker(w) {
            continue;
        }
        let check = first || *caps.get_or_insert_with(|| t.len() <= 120 && mostly_upper());
        first = false;
        if after_tahun && let Some(y) = repair_year(w.trim_end_matches(['.', ',', ';', ')'])) {
            fixes.push((at, at + 4, y));
        }
        after_tahun = w.eq_ignore_ascii_case("tahun");
        if check {
            for &c in &b[seen..at] {
                match c {
                    b'(' => depth += 1,
                    b')' => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
            seen = at;
            // words in parentheses are asides, often English
            // (`(KEY PERFORMANCE INDICATOR / KPI)`): they are not checked, but
            // the words after the aside are. (A word shorter than the
            // shortest looked at, with its punctuation, is not cut out of it.)
            if depth == 0
                && w.len() >= MIN
                && let Some((s, inner)) = token(w)
                && let Some(word) = repair_word(inner)
            {
                fixes.push((at + s, at + s + inner.len(), in_case_of(inner, word)));
            }
            continue;
        }
        // past the words checked, only a year after `tahun` is repaired: the
        // words up to the next `tahun` are neither checked nor a year after
        // one, so go to it, or stop when there is none (in a line in
        // capitals every word is checked, so each is visited)
        if !after_tahun {
            match next_tahun(b, at + w.len()) {
                Some(s) => words.seek(s),
                None => break,
            }
        }
    }
    fixes
}

pub fn repair<'a>(mut lines: Vec<Line<'a>>, diags: &mut Diagnostics) -> Vec<Line<'a>> {
    // in place: most lines need no repair, and are not moved
    for l in &mut lines {
        if matches!(l.kind, Kind::Row { .. } | Kind::Blank | Kind::Separator) {
            continue;
        }
        let t: &str = &l.text;
        let fixes = line_fixes(t, || l.is_mostly_upper());
        if fixes.is_empty() {
            continue;
        }
        let mut text = String::with_capacity(t.len());
        let mut last = 0;
        let mut what = Vec::new();
        for (a, b, fix) in &fixes {
            text.push_str(&t[last..*a]);
            text.push_str(fix);
            what.push(format!("`{}` → `{fix}`", &t[*a..*b]));
            last = *b;
        }
        text.push_str(&t[last..]);
        diags.at(
            Code::OcrWordRepaired,
            l.span(),
            format!("OCR damage repaired: {}", what.join(", ")),
        );
        *l = Line::new(l.no, l.end, Cow::Owned(text));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`repair_word`] as first written: the word checked, counted and
    /// folded in separate passes, and compared with every vocabulary word.
    fn repair_word_plain(w: &str) -> Option<&'static str> {
        if w.len() < 6 || w.len() > MAX + 1 || !w.is_ascii() {
            return None;
        }
        if w.bytes().filter(u8::is_ascii_alphabetic).count() < 4 {
            return None;
        }
        let folded = fold_plain(w)?;
        let folded = folded.as_slice();
        let n = folded.len();
        let all: Vec<&[u8]> = vocab().by_len.iter().flatten().map(Entry::word).collect();
        if let Some(word) = all.iter().find(|word| **word == folded) {
            let as_written = w.len() == n
                && w.bytes()
                    .zip(folded)
                    .all(|(a, &b)| a.to_ascii_uppercase() == b);
            return (!as_written).then(|| std::str::from_utf8(word).unwrap_or_default());
        }
        let near: Vec<&[u8]> = all
            .iter()
            .filter(|word| word.len().abs_diff(n) <= 1 && within_one(folded, word))
            .copied()
            .collect();
        match near.as_slice() {
            [one] if n >= 6 => Some(std::str::from_utf8(one).unwrap_or_default()),
            _ => None,
        }
    }

    /// A vocabulary word with some glyphs written as look-alikes (`0` for
    /// O, `1`, `|` or `!` for I, `5` for S, `8` for B, `I(` or `|<` for K),
    /// in any case, or with a glyph added or lost.
    fn damaged_word() -> impl Strategy<Value = String> {
        let words: Vec<String> = vocab()
            .by_len
            .iter()
            .flatten()
            .map(|e| String::from_utf8_lossy(e.word()).into_owned())
            .collect();
        (
            prop::sample::select(words),
            prop::collection::vec(0u8..12, 17),
            0usize..17,
            0u8..3,
        )
            .prop_map(|(w, how, at, edit)| {
                let mut out = String::new();
                for (i, c) in w.chars().enumerate() {
                    let alike = match (c, how[i]) {
                        ('O', 0) => "0",
                        ('I', 0) => "1",
                        ('I', 1) => "|",
                        ('I', 2) => "!",
                        ('S', 0) => "5",
                        ('B', 0) => "8",
                        ('K', 0) => "I(",
                        ('K', 1) => "|<",
                        (_, 3 | 4) => {
                            out.push(c.to_ascii_lowercase());
                            continue;
                        }
                        _ => {
                            out.push(c);
                            continue;
                        }
                    };
                    out.push_str(alike);
                }
                let at = at.min(out.len());
                match edit {
                    0 if out.is_char_boundary(at) => out.insert(at, 'X'),
                    1 if out.is_char_boundary(at) && at < out.len() => {
                        out.remove(at);
                    }
                    _ => {}
                }
                out
            })
    }

    proptest::proptest! {
        #[test]
        fn more_than_two_bits_is_a_count_of_the_bits(x: u32, a in 0u32..32, b in 0u32..32, c in 0u32..32) {
            for v in [x, 0, 1 << a, 1 << a | 1 << b, 1 << a | 1 << b | 1 << c, !0, !(1 << a)] {
                proptest::prop_assert_eq!(more_than_two_bits(v), v.count_ones() > 2);
            }
        }

        #[test]
        fn tahun_is_found_from_its_h(s in "[ atTAhHunUN]{0,24}") {
            let plain = s.to_ascii_lowercase().contains("ahun");
            proptest::prop_assert_eq!(mentions_tahun(s.as_bytes()), plain);
        }

        #[test]
        fn line_fixes_are_those_of_the_word_by_word_reading(
            s in "((I\\(EPUTUSAN|KINEIJA|Kineija|KINRJA|Tentng|NDIKATOR|MEN1MBANG|KEPUTUSAN|tahun|Tahun|TAHUN|TaHun|z0l4|2O24|2014|- |1\\. |a\\) |\\(|\\)|[A-Za-z0-9]{1,8}|,|\\.) ?){0,16}"
        ) {
            let fixes = line_fixes(&s, || crate::text::is_mostly_upper(&s));
            proptest::prop_assert_eq!(fixes, reference_fixes(&s));
        }

        #[test]
        fn spaced_words_are_the_pieces_between_spaces(s in "([abé\t]{0,12} {0,2}){0,5}") {
            let plain: Vec<(usize, &str)> = s
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
                .collect();
            proptest::prop_assert_eq!(spaced_words(&s).collect::<Vec<_>>(), plain);
        }

        #[test]
        fn vocabulary_by_length_finds_what_a_full_scan_finds(
            w in "([A-Za-z0-9|(<!]|é|-){6,17}|(KEPUTUSAN|Kinerja|INDIKATOR|MENIMBANG|Sasaran|lampiran)[A-Za-z0-9|(<!]{0,2}"
        ) {
            let plain = repair_word_plain(&w);
            proptest::prop_assert_eq!(repair_word(&w), plain);
        }

        #[test]
        fn damaged_vocabulary_words_are_repaired_as_by_a_full_scan(w in damaged_word()) {
            proptest::prop_assert_eq!(repair_word(&w), repair_word_plain(&w));
        }
    }

    /// `fold` as first written: one match over each glyph and the next.
    fn fold_plain(w: &str) -> Option<Vec<u8>> {
        let b = w.as_bytes();
        let (mut out, mut i) = (Vec::new(), 0);
        while i < b.len() {
            if out.len() == MAX {
                return None;
            }
            let (c, used) = match (b[i], b.get(i + 1).copied()) {
                (b'I' | b'|' | b'l', Some(b'(' | b'<')) => (b'K', 2),
                (b'0', _) => (b'O', 1),
                (b'1' | b'|' | b'!', _) => (b'I', 1),
                (b'5', _) => (b'S', 1),
                (b'8', _) => (b'B', 1),
                (c, _) if c.is_ascii_alphabetic() => (c.to_ascii_uppercase(), 1),
                _ => return None,
            };
            out.push(c);
            i += used;
        }
        Some(out)
    }

    proptest::proptest! {
        #[test]
        fn fold_by_table_is_the_fold_by_match(w in "([A-Za-z0-9|!(<]|I\\(|l<|\\|\\(|é|-){0,20}") {
            let mut buf = [0u8; MAX];
            let got = fold(&w, &mut buf);
            let plain = fold_plain(&w);
            proptest::prop_assert_eq!(got.map(|f| buf[..f.len].to_vec()), plain.clone());
            if let (Some(f), Some(folded)) = (got, plain) {
                proptest::prop_assert_eq!(f.letters, letter_set(&folded));
                proptest::prop_assert_eq!(f.alphabetic, w.bytes().filter(u8::is_ascii_alphabetic).count());
            }
        }
    }

    #[test]
    fn the_near_filter_lets_every_vocabulary_word_and_its_neighbours_through() {
        let v = vocab();
        for e in v.by_len.iter().flatten() {
            assert!(v.may_be_near(e.mask));
            for a in 0..26 {
                assert!(v.may_be_near(e.mask ^ 1 << a));
                for b in a + 1..26 {
                    assert!(v.may_be_near(e.mask ^ 1 << a ^ 1 << b));
                }
            }
        }
        // and stops most other sets of letters
        let stopped = (0u32..1 << 20)
            .map(|k| k.wrapping_mul(2_654_435_761) & ((1 << 26) - 1))
            .filter(|&m| !v.may_be_near(m))
            .count();
        assert!(stopped > (1 << 20) * 3 / 4, "{stopped}");
        assert_eq!(repair_word("QWXZQWXZ"), None);
    }

    /// The repairs of a line read word by word, as first written: every word
    /// visited, the parentheses counted before each.
    fn reference_fixes(t: &str) -> Vec<(usize, usize, String)> {
        let mut caps: Option<bool> = None;
        let mut fixes = Vec::new();
        let mut first = true;
        let mut after_tahun = false;
        let b = t.as_bytes();
        let mut has_tahun: Option<bool> = None;
        let (mut depth, mut seen) = (0usize, 0usize);
        for (at, w) in t
            .split(' ')
            .map(|w| (w.as_ptr() as usize - t.as_ptr() as usize, w))
            .filter(|(_, w)| !w.is_empty())
        {
            if first && is_marker(w) {
                continue;
            }
            let check = first
                || *caps.get_or_insert_with(|| t.len() <= 120 && crate::text::is_mostly_upper(t));
            first = false;
            if after_tahun && let Some(y) = repair_year(w.trim_end_matches(['.', ',', ';', ')'])) {
                fixes.push((at, at + 4, y));
            }
            after_tahun = w.eq_ignore_ascii_case("tahun");
            for &c in &b[seen..at] {
                match c {
                    b'(' => depth += 1,
                    b')' => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
            seen = at;
            if check {
                if depth == 0
                    && let Some((s, inner)) = token(w)
                    && let Some(word) = repair_word(inner)
                {
                    fixes.push((at + s, at + s + inner.len(), in_case_of(inner, word)));
                }
            } else if !*has_tahun.get_or_insert_with(|| mentions_tahun(b)) {
                break;
            }
        }
        fixes
    }

    #[test]
    fn damaged_structural_words() {
        assert_eq!(repair_word("I(EPUTUSAN"), Some("KEPUTUSAN"));
        assert_eq!(repair_word("KINEIJA"), Some("KINERJA"));
        assert_eq!(repair_word("Kineija"), Some("KINERJA"));
        assert_eq!(repair_word("NDIKATOR"), Some("INDIKATOR"));
        // six letters: a seven-letter word with one lost
        assert_eq!(repair_word("KINRJA"), Some("KINERJA"));
        assert_eq!(repair_word("MENIMBAN6"), None);
        assert_eq!(repair_word("MEN1MBANG"), Some("MENIMBANG"));
        assert_eq!(repair_word("JABATAN"), None);
        assert_eq!(repair_word("Kinerja"), None);
        // real words one letter away from a short keyword are left alone
        assert_eq!(repair_word("Strategi"), None);
        assert_eq!(repair_word("Ketika"), None);
        assert_eq!(repair_word("Meningkatnya"), None);
        assert_eq!(in_case_of("Kineija", "KINERJA"), "Kinerja");
        assert_eq!(in_case_of("I(EPUTUSAN", "KEPUTUSAN"), "KEPUTUSAN");
    }

    #[test]
    fn tahun_is_found_as_a_word_from_where_the_search_starts() {
        let b = b"Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan";
        assert_eq!(next_tahun(b, 0), Some(23));
        assert_eq!(next_tahun(b, 23), Some(23));
        assert_eq!(next_tahun(b, 24), None);
        // part of a word, or glued to punctuation: not the word
        assert_eq!(next_tahun(b"setahun TAHUNAN Tahun: tahun", 0), Some(23));
        assert_eq!(next_tahun(b"TAHUN", 0), Some(0));
        assert_eq!(next_tahun(b"x", 5), None);
    }

    #[test]
    fn damaged_years() {
        assert_eq!(repair_year("z0l4").as_deref(), Some("2014"));
        assert_eq!(repair_year("2O24").as_deref(), Some("2024"));
        assert_eq!(repair_year("2024"), None);
        assert_eq!(repair_year("zoZo"), None);
        assert_eq!(repair_year("ABCD"), None);
    }

    #[test]
    fn lines_are_repaired_where_structure_is_read() {
        let lines: Vec<Line> = [
            "I(EPUTUSAN KEPALA DINAS KOPERASI",
            "NOMOR : 17 TAHUN z0l4",
            "INDIKATOR KINEIJA UTAMA",
            "- Menimbang : a. bahwa Kineija pegawai",
            "Pegawai yang Kineija baik",
            "(KEY PERFORMANCE INDICATOR / KPI)",
            "TAhun z0l4",
            "Peraturan Bupati Nomor 5 TAhun z0l4 tentang Indikator",
            "INDIKATOR (KEY PERFORMANCE) KINEIJA UTAMA",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Line::new(i as u32 + 1, i as u32 + 1, Cow::Borrowed(*t)))
        .collect();
        let mut d = Diagnostics::default();
        let out = repair(lines, &mut d);
        let texts: Vec<&str> = out.iter().map(|l| l.text.as_ref()).collect();
        assert_eq!(
            texts,
            [
                "KEPUTUSAN KEPALA DINAS KOPERASI",
                "NOMOR : 17 TAHUN 2014",
                "INDIKATOR KINERJA UTAMA",
                // prose is kept as written
                "- Menimbang : a. bahwa Kineija pegawai",
                "Pegawai yang Kineija baik",
                "(KEY PERFORMANCE INDICATOR / KPI)",
                // a year after `tahun` in any case, first in the line or not
                "TAhun 2014",
                "Peraturan Bupati Nomor 5 TAhun 2014 tentang Indikator",
                // the words after an aside in parentheses are checked again
                "INDIKATOR (KEY PERFORMANCE) KINERJA UTAMA",
            ]
        );
        let d = d.finish();
        assert_eq!(d.len(), 6);
        assert!(
            d.iter()
                .any(|x| x.message.contains("`I(EPUTUSAN` → `KEPUTUSAN`"))
        );
    }
}
