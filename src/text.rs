//! Text helpers shared by the stages: title casing of all-caps headings and
//! fuzzy comparison of words and position titles.

use std::borrow::Cow;

use crate::grammar::{grammar, words};

/// The pieces of `s` between the bytes `sep` (an ASCII byte), with their
/// byte offsets: `s.split(sep as char)`, with the separators found by a
/// vectorized scan.
pub fn pieces(s: &str, sep: u8) -> impl Iterator<Item = (usize, &str)> + '_ {
    debug_assert!(sep.is_ascii());
    let mut start = 0;
    memchr::memchr_iter(sep, s.as_bytes())
        .chain(std::iter::once(s.len()))
        .map(move |end| {
            let at = start;
            start = end + 1;
            (at, &s[at..end])
        })
}

/// The bits that `class(byte, next byte)` gives any byte of `b`, or-ed
/// together; the last byte is given a letter (`a`) as its next. One pass, 32
/// bytes at a time without branches (`class` must map `a` to 0): the
/// compiler vectorizes it, and for the short texts of lines and cells it
/// costs less than one vectorized scan for each byte looked for. A text of
/// 33 bytes or more ends with its last 33 bytes read again (or-ing a byte
/// in twice changes nothing) and its last byte's pair; a shorter one is
/// copied into a block padded with `a`. (Copying the end of every text into
/// such a block cost a call to `memcpy` and a stall reading the block back.)
#[inline]
pub fn byte_classes(b: &[u8], class: impl Fn(u8, u8) -> u8) -> u8 {
    let block = |w: &[u8; 33]| (0..32).fold(0, |m, k| m | class(w[k], w[k + 1]));
    let n = b.len();
    let Some(last) = n.checked_sub(33) else {
        let mut end = [b'a'; 33];
        end[..n].copy_from_slice(b);
        return block(&end);
    };
    let window = |at: usize| b[at..at + 33].try_into().unwrap_or(&[b'a'; 33]);
    let mut found = 0;
    let mut i = 0;
    while i < last {
        found |= block(window(i));
        i += 32;
    }
    found | block(window(last)) | class(b[n - 1], b'a')
}

/// `s.trim()`, settled from the first and last bytes when both are ASCII
/// and not whitespace (most texts trimmed have nothing to trim): the
/// general trim decodes a character at each end.
#[inline]
pub fn trim(s: &str) -> &str {
    let solid = |c: &u8| *c > b' ' && c.is_ascii();
    match s.as_bytes() {
        [first, .., last] if solid(first) && solid(last) => s,
        [only] if solid(only) => s,
        _ => s.trim(),
    }
}

/// `s.trim_start()`, with the ASCII white space skipped byte by byte: the
/// general trim decodes each character through a call, and the texts
/// trimmed here start with a space or two, if any. A character outside
/// ASCII after them goes to the general trim (it may be white space).
#[inline]
pub fn trim_start(s: &str) -> &str {
    let b = s.as_bytes();
    // the ASCII white space of `char::is_whitespace`: tab, line feed,
    // vertical tab, form feed, carriage return and space
    let i = b
        .iter()
        .position(|&c| !matches!(c, b'\t'..=b'\r' | b' '))
        .unwrap_or(b.len());
    match b.get(i) {
        Some(&c) if c >= 0x80 => s[i..].trim_start(),
        _ => &s[i..],
    }
}

/// Numbers zero-padded to their widths and joined by `-`, as
/// `format!("{:04}-{:02}")` writes them (`[(1975, 4), (3, 2)]` →
/// `1975-03`): dates and numbers of fixed width (a NIP's birth date, its
/// sequence number), without the formatting machinery, which costs several
/// times as much.
pub fn padded(parts: &[(u32, usize)]) -> String {
    let mut out = String::with_capacity(10);
    let mut digits = itoa::Buffer::new();
    for (k, &(n, width)) in parts.iter().enumerate() {
        if k > 0 {
            out.push('-');
        }
        let d = digits.format(n);
        out.extend(std::iter::repeat_n('0', width.saturating_sub(d.len())));
        out.push_str(d);
    }
    out
}

/// True when `b` holds an ASCII digit: 16 bytes at a time, without a branch
/// inside a chunk (so that it vectorizes; a scan that stops at the first
/// digit tests a byte at a time).
#[inline]
pub fn has_ascii_digit(b: &[u8]) -> bool {
    b.chunks(16)
        .any(|c| c.iter().fold(false, |a, x| a | x.is_ascii_digit()))
}

/// True when most letters of `s` are upper case (an all-caps heading).
pub fn is_mostly_upper(s: &str) -> bool {
    let (mut up, mut low) = (0usize, 0usize);
    // bytes, counted 32 at a time without branches (vectorized); give up
    // once the letters left cannot make up for the lower-case ones seen
    // (each byte left is at most one letter, in any script). A chunk with a
    // byte outside ASCII sends the whole text to the count by characters.
    let b = s.as_bytes();
    let mut left = b.len();
    for chunk in b.chunks(32) {
        if !chunk.is_ascii() {
            return mostly_upper_chars(s);
        }
        left -= chunk.len();
        // counted in bytes (a chunk has at most 32 letters), which vectorizes
        // into byte lanes instead of eight-byte ones
        up += usize::from(
            chunk
                .iter()
                .map(|c| u8::from(c.wrapping_sub(b'A') < 26))
                .sum::<u8>(),
        );
        low += usize::from(
            chunk
                .iter()
                .map(|c| u8::from(c.wrapping_sub(b'a') < 26))
                .sum::<u8>(),
        );
        if 4 * low > up + left {
            return false;
        }
    }
    Case { up, low }.is_mostly_upper()
}

fn mostly_upper_chars(s: &str) -> bool {
    Case::of(s).is_mostly_upper()
}

/// The upper- and lower-case letters of a text, counted. Counts add up: the
/// count of a text joined from pieces (with spaces, or with a hyphen dropped)
/// is the sum of theirs, so a text that grows piece by piece is told in
/// constant time, where [`is_mostly_upper`] reads it again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Case {
    up: usize,
    low: usize,
}

impl Case {
    /// The letters of `s`, counted (by characters; ASCII by bytes).
    pub fn of(s: &str) -> Case {
        if s.is_ascii() {
            let b = s.as_bytes();
            return Case {
                up: b.iter().filter(|c| c.is_ascii_uppercase()).count(),
                low: b.iter().filter(|c| c.is_ascii_lowercase()).count(),
            };
        }
        let mut n = Case::default();
        for c in s.chars() {
            if c.is_uppercase() {
                n.up += 1;
            } else if c.is_lowercase() {
                n.low += 1;
            }
        }
        n
    }

    /// [`is_mostly_upper`] of the counted text.
    pub fn is_mostly_upper(self) -> bool {
        self.up > 0 && self.up >= 4 * self.low
    }
}

/// The counts of two texts together.
impl std::ops::Add for Case {
    type Output = Case;

    fn add(self, o: Case) -> Case {
        Case {
            up: self.up + o.up,
            low: self.low + o.low,
        }
    }
}

fn is_roman(w: &str) -> bool {
    !w.is_empty() && w.len() <= 5 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// Writes an all-caps heading in title case: `DINAS KOPERASI UKM DAN
/// PERDAGANGAN` → `Dinas Koperasi UKM dan Perdagangan`. Acronyms from
/// `grammars/words.toml`, words in parentheses, words with digits or a slash
/// and roman numerals keep their capitals. Text that is not mostly upper case
/// is returned unchanged.
pub fn title_case(s: &str) -> String {
    if !is_mostly_upper(s) {
        return s.to_string();
    }
    let g = grammar();
    let mut out = String::with_capacity(s.len());
    // a one-word group in parentheses is an abbreviation, kept as written
    // (`(IKI)`); so is a short last word of a longer group (`(KEY PERFORMANCE
    // INDICATOR / KPI)` → `(Key Performance Indicator / KPI)`)
    let mut depth = 0i32;
    for (i, token) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let inside = depth > 0 || token.starts_with('(');
        depth += token.matches('(').count() as i32 - token.matches(')').count() as i32;
        depth = depth.max(0);
        let core: &str = token.trim_matches(|c: char| !c.is_alphanumeric());
        let alone = token.starts_with('(') && token.ends_with(')');
        let keep = alone
            || (inside && token.ends_with(')') && core.chars().count() <= 4)
            || core.is_empty()
            || token.chars().any(|c| c.is_ascii_digit() || c == '/')
            || is_roman(core)
            || g.is_acronym(core);
        if keep {
            out.push_str(token);
        } else if i > 0 && g.is_lowercase_word(core) {
            if token.is_ascii() {
                out.extend(token.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                out.push_str(&token.to_lowercase());
            }
        } else {
            capitalize(token, &mut out);
        }
    }
    out
}

/// Each part of a word (`UNDANG-UNDANG` → `Undang-Undang`) with its first
/// letter or digit in upper case and the others in lower case; an ASCII
/// word (most) by its bytes.
fn capitalize(token: &str, out: &mut String) {
    let mut start = true;
    if token.is_ascii() {
        for b in token.bytes() {
            let alnum = b.is_ascii_alphanumeric();
            out.push(char::from(if alnum && start {
                b.to_ascii_uppercase()
            } else {
                b.to_ascii_lowercase()
            }));
            start = !alnum;
        }
        return;
    }
    for c in token.chars() {
        if c.is_alphanumeric() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = true;
        }
    }
}

/// Upper-case words with position abbreviations expanded (`KASI` → `KEPALA SEKSI`).
/// A word already in capitals (most signature titles are written so) and
/// an expansion are borrowed, not copied.
pub fn position_words(s: &str) -> Vec<Cow<'_, str>> {
    let g = grammar();
    let mut out = Vec::new();
    for w in words(s) {
        let up = match w.bytes().any(|b| b.is_ascii_lowercase() || !b.is_ascii()) {
            true => Cow::Owned(w.to_uppercase()),
            false => Cow::Borrowed(w),
        };
        match g.abbreviations.get(&*up) {
            Some(exp) => out.extend(exp.split(' ').map(Cow::Borrowed)),
            None => out.push(up),
        }
    }
    out
}

/// Two words are the same up to OCR or typing damage: equal, or within one
/// edit (two for words of eight letters or more).
pub fn similar_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // damage inside a word, not at its first letter: a cheap gate before the edit distance
    if a.chars().next() != b.chars().next() {
        return false;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let n = la.min(lb);
    if n < 4 || la.abs_diff(lb) > 2 {
        return false;
    }
    edit_distance_within(a, b, if n >= 8 { 2 } else { 1 }).is_some()
}

/// The edit (Levenshtein) distance, by characters, of `a` in ASCII upper
/// case and `b` as written (callers give `b` in upper case), when it is at
/// most `limit`; `None` when it is more. ASCII words are compared by bytes on
/// the stack, after a test of the bytes they hold, and given up as soon as a
/// whole row of the table is over the limit (a row's least value never falls
/// in the rows after it); other texts go to `strsim`.
pub fn edit_distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    const N: usize = 64;
    let (x, y) = (a.as_bytes(), b.as_bytes());
    if !(a.is_ascii() && b.is_ascii()) || x.len() >= N || y.len() >= N {
        let d = strsim::levenshtein(&a.to_ascii_uppercase(), b);
        return (d <= limit).then_some(d);
    }
    if x.len().abs_diff(y.len()) > limit {
        return None;
    }
    // an edit changes the set of bytes present (folded into 64 bits) by at
    // most two: texts whose sets differ by more are settled without the table
    let set = |t: &[u8]| {
        t.iter()
            .fold(0u64, |m, &c| m | 1 << (c.to_ascii_uppercase() & 63))
    };
    if (set(x) ^ set(y)).count_ones() as usize > 2 * limit {
        return None;
    }
    // two rows of the table, in bytes (a distance here is under 2 × 64), swapped
    // by reference: swapping the rows themselves copied them at every row.
    // Only the band of cells within `limit` of the diagonal is computed: a
    // cell's value is at least its distance from the diagonal, so the cells
    // outside the band are over the limit, and count as `over` (which
    // stays over when one is added).
    let m = y.len();
    let over = u8::try_from(limit + 1).map_or(128, |o| o.min(128));
    let (mut row_a, mut row_b) = ([over; N + 1], [over; N + 1]);
    let (mut prev, mut cur) = (&mut row_a, &mut row_b);
    for (j, p) in prev.iter_mut().enumerate().take(m.min(limit) + 1) {
        *p = j as u8;
    }
    for (i, &c) in x.iter().enumerate() {
        let c = c.to_ascii_uppercase();
        let row = i + 1;
        // the band of this row's columns, and the cell left of it
        let (lo, hi) = (row.saturating_sub(limit).max(1), (row + limit).min(m));
        cur[lo - 1] = if lo == 1 { (row as u8).min(over) } else { over };
        let mut least = cur[lo - 1];
        for j in lo..=hi {
            let v = (prev[j - 1] + u8::from(c != y[j - 1]))
                .min(prev[j] + 1)
                .min(cur[j - 1] + 1)
                .min(over);
            cur[j] = v;
            least = least.min(v);
        }
        // (the cell right of the band, which the next row reads, was never
        // written: the band moves right by one cell a row, and the cells
        // past `limit` start as `over`)
        if usize::from(least) > limit {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = usize::from(prev[m]);
    (d <= limit).then_some(d)
}

/// True when a signature title names the same position as a position block:
/// the shorter of the two is (almost) contained in the longer, word by word,
/// and they start with the same word.
pub fn same_position(a: &str, b: &str) -> bool {
    let wa = position_words(a);
    let wb = position_words(b);
    if wa.is_empty() || wb.is_empty() || !similar_word(&wa[0], &wb[0]) {
        return false;
    }
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    let hits = short
        .iter()
        .filter(|w| long.iter().any(|l| similar_word(w, l)))
        .count();
    hits * 5 >= short.len() * 4
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `is_mostly_upper` as first written: every character counted.
    fn mostly_upper_plain(s: &str) -> bool {
        let up = s.chars().filter(|c| c.is_uppercase()).count();
        let low = s.chars().filter(|c| c.is_lowercase()).count();
        up > 0 && up >= 4 * low
    }

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance_within("Utam", "UTAMA", 1), Some(1));
        assert_eq!(edit_distance_within("pimpinan", "PEMBINA", 3), Some(3));
        assert_eq!(edit_distance_within("pimpinan", "PEMBINA", 2), None);
        assert_eq!(edit_distance_within("", "MUDA", 4), Some(4));
        assert_eq!(edit_distance_within("mUdA", "MUDA", 0), Some(0));
        assert_eq!(edit_distance_within("mudá", "MUDA", 1), Some(1));
        assert_eq!(edit_distance_within(&"x".repeat(40), "MUDA", 2), None);
        // the longest texts of the table, and longer ones (by `strsim`)
        assert_eq!(
            edit_distance_within(&"a".repeat(63), &"B".repeat(63), 500),
            Some(63)
        );
        assert_eq!(edit_distance_within(&"a".repeat(63), "", 500), Some(63));
        assert_eq!(
            edit_distance_within(&"a".repeat(70), &"A".repeat(69), 1),
            Some(1)
        );
        assert_eq!(edit_distance_within(&"a".repeat(300), "A", 400), Some(299));
    }

    /// A class that tells pairs apart (`a` is no class of its own).
    fn pair_class(c: u8, next: u8) -> u8 {
        match (c, next) {
            (b'a', _) => 0,
            (b'x', b'y') => 1,
            (b'y', b'x') => 2,
            (b'z', b'a') => 4,
            (b'z', b'z') => 8,
            (b'x', b'a') => 16,
            _ => 32,
        }
    }

    proptest::proptest! {
        /// The padded parts are what the formatting machinery writes.
        #[test]
        fn padded_is_format(y in 0u32.., m in 0u32..200, s in 0u32..5000) {
            proptest::prop_assert_eq!(padded(&[(y, 4), (m, 2)]), format!("{y:04}-{m:02}"));
            proptest::prop_assert_eq!(padded(&[(s, 3)]), format!("{s:03}"));
            proptest::prop_assert_eq!(
                padded(&[(y, 4), (m, 2), (s, 2)]),
                format!("{y:04}-{m:02}-{s:02}")
            );
        }

        /// The byte loop trims what the general trim trims, white space
        /// outside ASCII (no-break, ideographic, next-line) included.
        #[test]
        fn trim_start_is_std(s in "[ \t\n\x0b\x0c\r\x1c\u{a0}\u{85}\u{3000}\u{200b}a-é]{0,12}") {
            proptest::prop_assert_eq!(trim_start(&s), s.trim_start());
        }

        /// Block by block, with the last 33 bytes read again, as byte by
        /// byte with `a` after the last byte.
        #[test]
        fn byte_classes_are_those_of_each_pair(s in "[axyz]{0,100}") {
            let b = s.as_bytes();
            let plain = (0..b.len()).fold(0, |m, k| {
                m | pair_class(b[k], b.get(k + 1).copied().unwrap_or(b'a'))
            });
            proptest::prop_assert_eq!(byte_classes(b, pair_class), plain);
        }

        #[test]
        fn digits_are_found_in_any_chunk(s in "[a-z0-9 é]{0,70}") {
            proptest::prop_assert_eq!(
                has_ascii_digit(s.as_bytes()),
                s.bytes().any(|b| b.is_ascii_digit())
            );
        }

        #[test]
        fn trim_is_the_trim_of_str(s in "[ a\t\n\r\u{0B}\u{0C}\u{1C}\u{85}\u{A0}\u{3000}é.-]{0,8}") {
            proptest::prop_assert_eq!(trim(&s), s.trim());
        }

        /// An ASCII word capitalized by its bytes, as by its characters.
        #[test]
        fn capitalize_ascii_is_capitalize_by_characters(w in "[A-Za-z0-9(),./-]{0,16}") {
            let mut fast = String::new();
            capitalize(&w, &mut fast);
            let mut by_chars = String::new();
            capitalize(&format!("{w}é"), &mut by_chars);
            by_chars.truncate(by_chars.len() - "é".len());
            proptest::prop_assert_eq!(fast, by_chars);
            let lower: String = w.bytes().map(|b| char::from(b.to_ascii_lowercase())).collect();
            proptest::prop_assert_eq!(lower, w.to_lowercase());
        }

        /// What `pangkat::classify` settles keys by before computing.
        #[test]
        fn a_distance_is_at_least_the_difference_in_characters(
            a in "[ABCab é]{0,70}", b in "[ABCab é]{0,70}", limit in 0usize..12
        ) {
            if a.chars().count().abs_diff(b.chars().count()) > limit {
                proptest::prop_assert_eq!(edit_distance_within(&a, &b, limit), None);
            }
        }

        #[test]
        fn edit_distance_within_is_the_distance_up_to_the_limit(
            a in "[ABCab é]{0,12}", b in "[ABCab é]{0,12}", limit in 0usize..6
        ) {
            let d = strsim::levenshtein(&a.to_ascii_uppercase(), &b);
            proptest::prop_assert_eq!(edit_distance_within(&a, &b, limit), (d <= limit).then_some(d));
        }

        /// The band of the table, on ASCII texts (the table's path) of up to
        /// 63 bytes, with limits inside and past their lengths.
        #[test]
        fn the_band_gives_the_distance_up_to_the_limit(
            a in "[ABCab ]{0,63}", b in "[ABC ]{0,63}", limit in 0usize..80
        ) {
            let d = strsim::levenshtein(&a.to_ascii_uppercase(), &b);
            proptest::prop_assert_eq!(edit_distance_within(&a, &b, limit), (d <= limit).then_some(d));
        }

        #[test]
        fn mostly_upper_counts_as_the_plain_definition(s in "[A-Za-z0-9 .]{0,120}|[A-Za-zÉé ]{0,40}|[a-z ]{0,80}[ÉéА-Яа-я][A-Z ]{0,60}") {
            proptest::prop_assert_eq!(is_mostly_upper(&s), mostly_upper_plain(&s));
            proptest::prop_assert_eq!(Case::of(&s).is_mostly_upper(), mostly_upper_plain(&s));
        }

        #[test]
        fn case_counts_add_up_over_joined_pieces(a in "[A-Za-zÉéА-Яа-я0-9 .-]{0,40}", b in "[A-Za-zÉéА-Яа-я0-9 .-]{0,40}") {
            let sum = Case::of(&a) + Case::of(&b);
            proptest::prop_assert_eq!(Case::of(&format!("{a} {b}")), sum);
            proptest::prop_assert_eq!(Case::of(&format!("{a}{b}")), sum);
            proptest::prop_assert_eq!(Case::of(&format!("{a} {b}")).is_mostly_upper(), is_mostly_upper(&format!("{a} {b}")));
        }
    }

    #[test]
    fn title_casing() {
        assert_eq!(
            title_case("KEPALA DINAS KOPERASI UKM DAN PERDAGANGAN KABUPATEN KAPUAS HULU"),
            "Kepala Dinas Koperasi UKM dan Perdagangan Kabupaten Kapuas Hulu"
        );
        assert_eq!(
            title_case("INDIKATOR KINERJA INDIVIDU (IKI) DINAS KOPERASI, USAHA KECIL DAN MENENGAH"),
            "Indikator Kinerja Individu (IKI) Dinas Koperasi, Usaha Kecil dan Menengah"
        );
        assert_eq!(
            title_case("TAHUN 2019-2024 ESELON IV"),
            "Tahun 2019-2024 Eselon IV"
        );
        assert_eq!(title_case("UNDANG-UNDANG"), "Undang-Undang");
        assert_eq!(
            title_case("INDIKATOR KINERJA KEGIATAN (ESELON IV) DINAS"),
            "Indikator Kinerja Kegiatan (Eselon IV) Dinas"
        );
        assert_eq!(
            title_case(
                "INDIKATOR KINERJA UTAMA / IKU (KEY PERFORMANCE INDICATOR / KPI) DINAS KESEHATAN"
            ),
            "Indikator Kinerja Utama / IKU (Key Performance Indicator / KPI) Dinas Kesehatan"
        );
        assert_eq!(
            title_case("Dinas Koperasi dan UKM"),
            "Dinas Koperasi dan UKM"
        );
    }

    #[test]
    fn position_words_are_capitals_with_abbreviations_spelled_out() {
        // in capitals, in mixed case, abbreviated in either, outside ASCII
        assert_eq!(
            position_words("KASI Pelayanan umum kasi Ésa"),
            [
                "KEPALA",
                "SEKSI",
                "PELAYANAN",
                "UMUM",
                "KEPALA",
                "SEKSI",
                "ÉSA"
            ]
        );
        assert!(same_position(
            "Kasi. Pengawasan dan Penilaian",
            "KEPALA SEKSI PENGAWASAN DAN PENILAIAN"
        ));
    }

    #[test]
    fn positions() {
        assert!(same_position(
            "KEPALA DINAS",
            "KEPALA DINAS KOPERASI DAN UKM KABUPATEN BANGGAI"
        ));
        assert!(same_position(
            "KEPALA SEKSI PENGAWASAN, PEMERIKSAAN DAN, PEMERIKSAAN DAN PENILAIAN KSP/USP",
            "KASI. PENGAWASAN, PEMERIKSAAN DAN PENILAIAN KESEHATAN KSP/ USP"
        ));
        assert!(same_position(
            "PENGELOLAH DATA KUALITAS SDM KOPERASI",
            "PENGOLAH DATA KUALITAS SDM KOPERASI"
        ));
        assert!(same_position(
            "KEPALA SEKSI FASILITAS USAHA MIKRO",
            "KEPALA SEKSI FASILITASI USAHA MIKRO"
        ));
        assert!(!same_position(
            "Kepala Unit Pelaksana Teknis Pengelola Pasar Daerah dan Layanan Metrologi Legal",
            "Kepala Dinas Koperasi UKM dan Perdagangan Kabupaten Kapuas Hulu"
        ));
        assert!(!same_position(
            "Sekretaris",
            "Kepala Dinas Koperasi UKM dan Perdagangan"
        ));
    }
}
