//! Collapsed lines: several decree parts or list items on one line, and
//! section labels written after their content.

use std::borrow::Cow;

use crate::diagnostics::{Code, Diagnostics};
use crate::grammar::{grammar, words};
use crate::lines::{Kind, Line};
use crate::model::Span;

// --- 2. collapsed lines -----------------------------------------------------------

/// Byte offsets where a line holding several decree parts should be split.
///
/// ```text
/// split-before = [ bullet ] section-label ( ":" | end )   (after ". ", "; ", ": " or ") ")
///              | [ bullet ] item-label "." " "            (the 2nd, 3rd … item of a sequence a, b, c or 1, 2, 3,
///                                                          after "; ", ". " or ": "; and the 1st item when a 2nd
///                                                          follows; a sequence of three or more may go without)
///              | [ bullet ] [ item-label ] position-label ":"   (`… - 2 Tugas : …`, `… 3. FUNGSI : …`)
///              | "NIP" ( "." | ":" | digit )                      (a signature's name and NIP run together)
/// bullet       = "-" | "*"
/// ```
pub fn split_points(s: &str) -> Vec<usize> {
    split_points_with(s, || crate::text::is_mostly_upper(s))
}

/// [`split_points`], with `mostly_upper` telling whether most letters of `s`
/// are capitals ([`crate::text::is_mostly_upper`], which a line keeps).
fn split_points_with(s: &str, mostly_upper: impl Fn() -> bool) -> Vec<usize> {
    let shape = split_shape(s.as_bytes());
    let mut points = Vec::new();
    if shape & (BOUNDARY | SPACED_DASH) != 0 {
        label_points(s, &mut points);
    }
    if shape & MARKER_END != 0 {
        points.extend(item_sequence_points(s));
    }
    if shape & COLON != 0 {
        points.extend(position_label_points(s));
    }
    if shape & NIP != 0 {
        points.extend(nip_points(s));
    }
    if mostly_upper() {
        points.extend(heading_points(s));
    }
    points.sort_unstable();
    points.dedup();
    points
}

/// `. `, `; `, `: ` or `) `: where a section label may follow.
const BOUNDARY: u8 = 1;
/// `- `: a bullet before a label.
const SPACED_DASH: u8 = 2;
/// `. ` or `) `: the end of an item label.
const MARKER_END: u8 = 4;
/// `:` before a position label.
const COLON: u8 = 8;
/// `NI` or `Ni` (of `NIP`, `Nip`).
const NIP: u8 = 16;

/// Which kinds of split point `b` may hold, as bits: one pass over its
/// bytes ([`crate::text::byte_classes`]) where each kind's own scans cost a
/// vectorized search each, and most lines have none of them.
fn split_shape(b: &[u8]) -> u8 {
    crate::text::byte_classes(b, |c, next| {
        let spaced = next == b' ';
        (u8::from(spaced & matches!(c, b'.' | b';' | b':' | b')')) * BOUNDARY)
            | (u8::from(spaced & (c == b'-')) * SPACED_DASH)
            | (u8::from(spaced & matches!(c, b'.' | b')')) * MARKER_END)
            | (u8::from(c == b':') * COLON)
            | (u8::from((c == b'N') & matches!(next, b'I' | b'i')) * NIP)
    })
}

/// Section labels after a boundary or a bullet (the first rule of
/// [`split_points`]).
fn label_points(s: &str, points: &mut Vec<usize>) {
    let g = grammar();
    let d = &g.decree;
    let labels = [
        &d.menimbang,
        &d.mengingat,
        &d.memperhatikan,
        &d.memutuskan,
        &d.menetapkan,
        &d.ditetapkan,
        &d.tembusan,
    ];
    let b = s.as_bytes();
    // candidates: the first word after ". ", "; ", ": " or ") "
    // and after a bullet in the line (` - Kedua : …`), where a colon must follow
    let bullets = spaced_dashes(b).map(|q| (q, true));
    let ends = memchr::memchr3_iter(b'.', b';', b':', b)
        .chain(memchr::memchr_iter(b')', b))
        .map(|p| (p, false));
    for (p, after_bullet) in ends.chain(bullets) {
        let mut at = p + 1;
        if b.get(at) != Some(&b' ') {
            continue;
        }
        while b.get(at) == Some(&b' ') {
            at += 1;
        }
        // a bullet between the boundary and the label goes with the label
        let split_at = if after_bullet { p } else { at };
        if matches!(b.get(at), Some(b'-' | b'*')) && b.get(at + 1) == Some(&b' ') {
            at += 1;
            while b.get(at) == Some(&b' ') {
                at += 1;
            }
        }
        if at >= b.len() || !s.is_char_boundary(at) {
            continue;
        }
        let rest = &s[at..];
        let ws = words(rest);
        if !ws
            .clone()
            .next()
            .is_some_and(|w| rest.starts_with(w) && g.may_start_keyword(w))
        {
            continue;
        }
        let label_len = labels
            .iter()
            .flat_map(|ps| ps.iter())
            .filter(|p| p.is_prefix_of(ws.clone()))
            .map(|p| p.len())
            .max()
            .or_else(|| g.ordinal(ws.clone()).map(|(_, n)| n));
        if let Some(n) = label_len {
            // the label must be followed by ":" (or end the line, or "di" for Ditetapkan di)
            let end = crate::lines::word_offsets(rest)
                .nth(n - 1)
                .map(|(a, w)| at + a + w.len())
                .unwrap_or(s.len());
            let after = s[end..].trim_start();
            if after.starts_with(':')
                || (!after_bullet
                    && (after.is_empty()
                        || words(after)
                            .next()
                            .is_some_and(|w| w.eq_ignore_ascii_case("di"))))
            {
                points.push(split_at);
            }
        }
    }
}

/// A heading phrase inside a line in capitals (which the caller has told),
/// right after a region (`KOTA MAGELANG INDIKATOR KINERJA INDIVIDU (IKI)`: a
/// title ends with its region, and another title block runs on).
fn heading_points(s: &str) -> Vec<usize> {
    let g = grammar();
    let starts = |w: &str| g.heading_first.contains(w);
    // most lines in capitals have no heading word past their first
    if !crate::lines::word_offsets(s)
        .skip(1)
        .any(|(_, w)| starts(w))
    {
        return Vec::new();
    }
    let offs: Vec<(usize, &str)> = crate::lines::word_offsets(s).collect();
    let mut out = Vec::new();
    for (k, &(at, w)) in offs.iter().enumerate().skip(1) {
        if !starts(w) {
            continue;
        }
        // the one to three words before are a region's name after a region word
        let after_region = (k.saturating_sub(4)..k.saturating_sub(1)).any(|r| {
            g.region(offs[r..k].iter().map(|&(_, w)| w))
                .is_some_and(|(_, n)| n == 1 && k - r - 1 <= 3)
        });
        if after_region && crate::lines::heading(&s[at..]).is_some() {
            out.push(at);
        }
    }
    out
}

/// The dashes of ` - ` in a line (the matches of ` - `, not overlapping),
/// found from the dashes.
fn spaced_dashes(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut taken = 0;
    memchr::memchr_iter(b'-', b).filter(move |&q| {
        let hit = q > taken && b[q - 1] == b' ' && b.get(q + 1) == Some(&b' ');
        if hit {
            taken = q + 2;
        }
        hit
    })
}

/// Start offsets of the items of an inline sequence `a. … ; b. … ; c. …`.
fn item_sequence_points(s: &str) -> Vec<usize> {
    let b = s.as_bytes();
    // candidate markers: label + "." + space, at a word start; found from their dots
    let at_word_start = |i: usize| i == 0 || b[i - 1].is_ascii_whitespace();
    let mut found = memchr::memchr2_iter(b'.', b')', b).filter_map(|dot| {
        if dot == 0 || b.get(dot + 1) != Some(&b' ') {
            return None;
        }
        let c = b[dot - 1];
        if c.is_ascii_digit() {
            // one or two digits
            let i = if dot >= 2 && b[dot - 2].is_ascii_digit() {
                dot - 2
            } else {
                dot - 1
            };
            if !at_word_start(i) {
                return None;
            }
            let n = b[i..dot]
                .iter()
                .fold(0u32, |n, d| n * 10 + (d - b'0') as u32);
            Some((i, Marker::Num(n)))
        } else if c.is_ascii_lowercase() && at_word_start(dot - 1) {
            Some((dot - 1, Marker::Letter(c)))
        } else {
            None
        }
    });
    // a sequence, and a line of bulleted items, need two markers at least:
    // most lines have fewer
    let (Some(m1), Some(m2)) = (found.next(), found.next()) else {
        return Vec::new();
    };
    let markers: Vec<(usize, Marker)> = [m1, m2].into_iter().chain(found).collect();
    // one pass, with a sequence in progress for letters and one for numbers
    let mut points = Vec::new();
    let mut seqs: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    let mut expect: [Option<Marker>; 2] = [None, None];
    let mut loose = [false, false];
    let mut bulleted = Vec::new();
    let flush = |seq: &mut Vec<usize>, loose: bool, points: &mut Vec<usize>| {
        if seq.len() >= if loose { 3 } else { 2 } {
            points.extend(seq.iter().copied().filter(|&p| p > 0));
        }
        seq.clear();
    };
    for &(at, m) in &markers {
        let k = match m {
            Marker::Letter(_) => 0,
            Marker::Num(_) => 1,
        };
        let marker_at = at;
        let at = bullet_before(s, at);
        let bounded = ends_clause(&s[..at]);
        if at < marker_at {
            // `…; dan - e. …`: a bulleted item after a clause starts an item
            // even out of sequence (a misnumbered item); in a line of
            // bulleted items every bulleted marker does
            bulleted.push((at, bounded));
        }
        if Some(m) == expect[k] && (bounded || !seqs[k].is_empty()) {
            // a member without a boundary before it makes the sequence loose
            loose[k] |= !bounded;
            seqs[k].push(at);
            expect[k] = m.next();
        } else if (m.is_first() || at == 0) && seqs[k].len() <= 1 {
            seqs[k].clear();
            seqs[k].push(at);
            loose[k] = false;
            expect[k] = m.next();
        } else if m.is_first() {
            flush(&mut seqs[k], loose[k], &mut points);
            seqs[k].push(at);
            loose[k] = false;
            expect[k] = m.next();
        }
    }
    for (seq, loose) in seqs.iter_mut().zip(loose) {
        flush(seq, loose, &mut points);
    }
    let line_of_bullets = bulleted.first().is_some_and(|&(at, _)| at == 0);
    if line_of_bullets || !points.is_empty() {
        points.extend(
            bulleted
                .into_iter()
                .filter(|&(p, bounded)| p > 0 && (bounded || line_of_bullets))
                .map(|(p, _)| p),
        );
    }
    points
}

/// The text ends a clause: `;`, `.`, `:`, or one of them and a joining word
/// (`…; dan`, `…, atau`).
fn ends_clause(head: &str) -> bool {
    let head = head.trim_end();
    if head.ends_with([';', '.', ':']) {
        return true;
    }
    let Some((before, last)) = head.rsplit_once(' ') else {
        return false;
    };
    ["dan", "atau", "serta"]
        .iter()
        .any(|w| last.eq_ignore_ascii_case(w))
        && before.trim_end().ends_with([';', ','])
}

/// Starts of a NIP label inside a line (`ERNAINI MUSTATIM, SH.,MH NIP. 1966…`):
/// a signature's name, rank and NIP run together.
fn nip_points(s: &str) -> Vec<usize> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    // `NIP` or `Nip` after a space: found from the `N`s
    for p in memchr::memchr_iter(b'N', b) {
        if p == 0 || b[p - 1] != b' ' || !matches!(b.get(p + 1..p + 3), Some(b"IP" | b"ip")) {
            continue;
        }
        let after = &s[p + 3..];
        let labelled = after.starts_with(['.', ':'])
            || after
                .trim_start()
                .trim_start_matches([':', '.'])
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit());
        if labelled && after.chars().any(|c| c.is_ascii_digit()) {
            out.push(p);
        }
    }
    out
}

/// The start of a bullet (`- `, `* `) right before `at`, or `at`.
fn bullet_before(s: &str, at: usize) -> usize {
    let head = s[..at].trim_end();
    match head.strip_suffix(['-', '*']) {
        Some(h) if h.is_empty() || h.ends_with(' ') => h.len(),
        _ => at,
    }
}

/// Starts of position labels inside a line: `[bullet] [item-label] label :`
/// (`Sekretaris - 2 Tugas : Membantu …`, `… berlaku 3. FUNGSI : -`).
fn position_label_points(s: &str) -> Vec<usize> {
    let g = grammar();
    let mut out = Vec::new();
    // the label: the last one to three words before a colon
    for (_, offs) in crate::lines::words_before_colons(s) {
        let mut label_at = None;
        for n in 1..=3.min(offs.len()) {
            let (at, w) = offs[offs.len() - n];
            if !w.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            if g.label(offs[offs.len() - n..].iter().map(|&(_, w)| w))
                .is_some_and(|(_, len)| len == n)
            {
                label_at = Some(at);
            }
        }
        let Some(mut at) = label_at else { continue };
        // an item label before it (`2`, `2.`, `b.`)
        let before = s[..at].trim_end();
        if let Some(w) = before.rsplit(' ').next() {
            let core = w.strip_suffix('.').unwrap_or(w);
            let marker =
                (!core.is_empty() && core.len() <= 2 && core.bytes().all(|b| b.is_ascii_digit()))
                    || (w.len() == 2 && w.ends_with('.') && w.as_bytes()[0].is_ascii_lowercase());
            if marker {
                at = before.len() - w.len();
            }
        }
        let at = bullet_before(s, at);
        if at > 0 && s[..at].ends_with(' ') {
            out.push(at);
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Marker {
    Num(u32),
    Letter(u8),
}

impl Marker {
    fn is_first(self) -> bool {
        matches!(self, Marker::Num(1) | Marker::Letter(b'a'))
    }
    fn next(self) -> Option<Marker> {
        match self {
            Marker::Num(n) => Some(Marker::Num(n + 1)),
            Marker::Letter(c) if c < b'z' => Some(Marker::Letter(c + 1)),
            Marker::Letter(_) => None,
        }
    }
}

pub fn split_collapsed<'a>(mut lines: Vec<Line<'a>>, diags: &mut Diagnostics) -> Vec<Line<'a>> {
    let points = |l: &Line| {
        if matches!(l.kind, Kind::Row { .. } | Kind::Blank | Kind::Separator) || l.text.len() < 12 {
            return Vec::new();
        }
        split_points_with(&l.text, || l.is_mostly_upper())
    };
    // most documents have no line to split: the lines stay where they are,
    // and those before the first line split are not moved
    let mut first = None;
    for (i, l) in lines.iter().enumerate() {
        let p = points(l);
        if !p.is_empty() {
            first = Some((i, p));
            break;
        }
    }
    let Some((at, first_points)) = first else {
        return lines;
    };
    let rest = lines.split_off(at);
    let mut out = lines;
    out.reserve(rest.len());
    let mut first_points = Some(first_points);
    for l in rest {
        let points = first_points.take().unwrap_or_else(|| points(&l));
        if points.is_empty() {
            out.push(l);
            continue;
        }
        diags.at(
            Code::LayoutLineSplit,
            l.span(),
            format!(
                "a line holding {} parts was split at their labels",
                points.len() + 1
            ),
        );
        let mut start = 0;
        for p in points.into_iter().chain(std::iter::once(l.text.len())) {
            let piece = l.text[start..p].trim();
            if !piece.is_empty() {
                out.push(Line::new(l.no, l.end, Cow::Owned(piece.to_string())));
            }
            start = p;
        }
    }
    out
}

// --- 3. labels after their content ------------------------------------------------

/// A line that is only a section label (`Menimbang`, `Menimbang :`).
fn bare_label(l: &Line) -> bool {
    if l.text.len() > 24 {
        return false;
    }
    let g = grammar();
    let d = &g.decree;
    let t = l.trimmed().trim_end_matches(':').trim();
    [&d.menimbang, &d.mengingat, &d.memperhatikan]
        .iter()
        .flat_map(|ps| ps.iter())
        .any(|p| p.is_exactly(words(t)))
}

fn is_label_line(l: &Line) -> bool {
    let g = grammar();
    let d = &g.decree;
    crate::grammar::starts_with_any(
        &l.text,
        &[
            d.menimbang.clone(),
            d.mengingat.clone(),
            d.memperhatikan.clone(),
            d.memutuskan.clone(),
        ]
        .concat(),
    )
    .is_some()
}

fn colon_only(l: &Line) -> bool {
    l.trimmed() == ":"
}

pub fn move_trailing_labels<'a>(
    mut lines: Vec<Line<'a>>,
    diags: &mut Diagnostics,
) -> Vec<Line<'a>> {
    let mut i = 0;
    while i < lines.len() {
        if !bare_label(&lines[i]) {
            i += 1;
            continue;
        }
        // the label's own content: a ":" line may follow; then the next label must come
        let mut k = i + 1;
        let mut has_colon_line = false;
        if k < lines.len() && colon_only(&lines[k]) {
            has_colon_line = true;
            k += 1;
        }
        while k < lines.len() && lines[k].is_blank() {
            k += 1;
        }
        let empty = k >= lines.len() || is_label_line(&lines[k]);
        if !empty {
            i += 1;
            continue;
        }
        // the items right above it
        let mut s = i;
        while s > 0 && (matches!(lines[s - 1].kind, Kind::Item { .. }) || lines[s - 1].is_blank()) {
            s -= 1;
        }
        while s < i && lines[s].is_blank() {
            s += 1;
        }
        if s == i {
            i += 1;
            continue;
        }
        let label_end = if has_colon_line { i + 2 } else { i + 1 };
        let moved: Vec<Line> = lines.drain(i..label_end).collect();
        let span = moved
            .iter()
            .map(Line::span)
            .reduce(Span::cover)
            .unwrap_or_else(|| lines[s].span());
        diags.at(
            Code::LayoutLabelMoved,
            span,
            format!(
                "the label `{}` stands after its content (line {}); read as its heading",
                moved[0].trimmed(),
                lines[s].no
            ),
        );
        let label = &moved[0];
        let text = format!("{} :", label.trimmed().trim_end_matches(':').trim());
        lines.insert(
            s,
            Line::new(span.start_line, span.end_line, Cow::Owned(text)),
        );
        i = label_end;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The split points of every rule, run whatever the line's shape.
    fn every_rule(s: &str) -> Vec<usize> {
        let mut all = Vec::new();
        label_points(s, &mut all);
        all.extend(item_sequence_points(s));
        all.extend(position_label_points(s));
        all.extend(nip_points(s));
        // (the heading rule is of lines in capitals: not a shape, a reading)
        if crate::text::is_mostly_upper(s) {
            all.extend(heading_points(s));
        }
        all.sort_unstable();
        all.dedup();
        all
    }

    /// Each rule finds its points with the shape in front of it: a line of
    /// each kind, split where every rule splits it.
    #[test]
    fn split_shape_keeps_each_rule() {
        for (line, bit) in [
            (
                "bahwa perlu ditetapkan; Mengingat : Undang-Undang",
                BOUNDARY,
            ),
            ("a. satu; b. dua; c. tiga", MARKER_END),
            ("Sekretaris - 2 Tugas : Membantu Kepala Dinas", COLON),
            ("ERNAINI MUSTATIM, SH.,MH NIP. 19660101 199003 2 001", NIP),
            ("KOTA MAGELANG INDIKATOR KINERJA INDIVIDU (IKI)", 0),
        ] {
            assert!(split_shape(line.as_bytes()) & bit == bit, "{line}");
            let points = split_points(line);
            assert!(!points.is_empty(), "{line}");
            assert_eq!(points, every_rule(line), "{line}");
        }
        assert_eq!(split_shape(b"Jumlah koperasi aktif yang dibina"), 0);
    }

    // the single-byte scans against the substring searches they replace
    proptest::proptest! {
        /// The shape of a line only skips rules that would find nothing:
        /// the points are those of every rule run on every line.
        #[test]
        fn split_shape_skips_only_rules_without_points(
            s in "((Menimbang|MENGINGAT|Memutuskan|KESATU|Kedua|Tugas|FUNGSI|NIP|Nip|nip|NI|a|b|c|1|2|3|x|é|KOTA|BANDUNG|INDIKATOR|KINERJA|di)|[ .;:)(*-]){0,24}"
        ) {
            proptest::prop_assert_eq!(split_points(&s), every_rule(&s));
        }

        #[test]
        fn spaced_dashes_are_the_matches_of_space_dash_space(s in "[ a-]{0,30}") {
            let b = s.as_bytes();
            let plain: Vec<usize> = memchr::memmem::find_iter(b, b" - ").map(|p| p + 1).collect();
            proptest::prop_assert_eq!(spaced_dashes(b).collect::<Vec<_>>(), plain);
        }

        #[test]
        fn nip_labels_are_found_from_their_n(s in "[ NIPip.:0-9a]{0,30}") {
            let b = s.as_bytes();
            let mut plain: Vec<usize> = memchr::memmem::find_iter(b, b"NIP")
                .chain(memchr::memmem::find_iter(b, b"Nip"))
                .filter(|&p| p > 0 && b[p - 1] == b' ')
                .filter(|&p| {
                    let after = &s[p + 3..];
                    (after.starts_with(['.', ':'])
                        || after
                            .trim_start()
                            .trim_start_matches([':', '.'])
                            .trim_start()
                            .starts_with(|c: char| c.is_ascii_digit()))
                        && after.chars().any(|c| c.is_ascii_digit())
                })
                .collect();
            plain.sort_unstable();
            proptest::prop_assert_eq!(nip_points(&s), plain);
        }
    }
}
