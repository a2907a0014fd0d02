//! Letter spacing (`T E N T A N G`) and doubled glyphs from fake bold
//! (`KKEEPPUUTTUUSSAANN`).

use std::borrow::Cow;

use crate::diagnostics::{Code, Diagnostics};
use crate::lines::{Kind, Line};

// --- 1. letter spacing ----------------------------------------------------------

/// `K E P U T U S A N` → `KEPUTUSAN`: a run of four or more single letters
/// separated by single spaces is one word.
pub fn close_letter_spacing_str(s: &str) -> Option<String> {
    let b = s.as_bytes();
    // cheapest reject: in ASCII, four one-letter words in a row have three
    // spaces two bytes apart (`a b c d`)
    if s.is_ascii() && !has_spaced_run(b) {
        return None;
    }
    // cheap reject: four one-letter words in a row ("X X X X") means four
    // spaces each one byte after the last; found from the spaces
    let mut run = 0;
    let mut last = None;
    let mut found = false;
    for sp in memchr::memchr_iter(b' ', b).chain(std::iter::once(b.len())) {
        let start = last.map_or(0, |l| l + 1);
        last = Some(sp);
        let one_letter = match sp.checked_sub(start) {
            Some(1) => b[start].is_ascii_alphabetic(),
            // one character of two to four bytes
            Some(2..=4) if b[start] >= 0xC0 => {
                let mut c = s[start..sp].chars();
                matches!((c.next(), c.next()), (Some(a), None) if a.is_alphabetic())
            }
            _ => false,
        };
        run = if one_letter { run + 1 } else { 0 };
        if run >= 4 {
            found = true;
            break;
        }
    }
    if !found {
        return None;
    }
    close_up(s)
}

/// Runs of four or more single letters closed up; `None` when there is none.
fn close_up(s: &str) -> Option<String> {
    let tokens: Vec<&str> = s.split(' ').collect();
    let single = |t: &str| {
        let mut c = t.chars();
        matches!((c.next(), c.next()), (Some(a), None) if a.is_alphabetic())
    };
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut changed = false;
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i;
        while j < tokens.len() && single(tokens[j]) {
            j += 1;
        }
        if j - i >= 4 {
            out.push(tokens[i..j].concat());
            changed = true;
            i = j;
        } else {
            out.push(tokens[i].to_string());
            i += 1;
        }
    }
    changed.then(|| out.join(" "))
}

pub fn close_letter_spacing<'a>(
    mut lines: Vec<Line<'a>>,
    diags: &mut Diagnostics,
) -> Vec<Line<'a>> {
    // in place: most lines need no repair, and are not moved
    for l in &mut lines {
        if l.text.len() < 7 || matches!(l.kind, Kind::Row { .. } | Kind::Blank) {
            continue;
        }
        if let Some(t) = close_letter_spacing_str(&l.text) {
            diags.at(
                Code::LayoutLetterSpacing,
                l.span(),
                format!(
                    "letter-spaced text `{}` read as `{}`",
                    l.text.trim(),
                    t.trim()
                ),
            );
            *l = Line::new(l.no, l.end, Cow::Owned(t));
        }
    }
    lines
}

/// `KKEEPPUUTTUUSSAANN` → `KEPUTUSAN`: fake bold printed every glyph twice.
/// A word is undoubled when it has six or more characters, all in equal
/// pairs; a line is repaired when at least half of its long words are doubled.
pub fn undouble_str(s: &str) -> Option<String> {
    // six or more characters, in equal pairs
    let doubled = |w: &str| {
        let (mut it, mut n) = (w.chars(), 0);
        loop {
            match (it.next(), it.next()) {
                (None, _) => return n >= 6,
                (Some(a), Some(b)) if a == b => n += 2,
                _ => return false,
            }
        }
    };
    let (mut long, mut n) = (0, 0);
    for w in s.split(' ').filter(|w| w.chars().count() >= 6) {
        long += 1;
        n += usize::from(doubled(w));
    }
    if n == 0 || n * 2 < long {
        return None;
    }
    let out: Vec<String> = s
        .split(' ')
        .map(|w| {
            if doubled(w) {
                w.chars().step_by(2).collect()
            } else {
                w.to_string()
            }
        })
        .collect();
    Some(out.join(" "))
}

/// True when `hit(w, k)` holds at some position of `b`: the text is read in
/// windows of `W` bytes (32 positions and what the test looks ahead at), 32
/// positions each, without branching, so that the compiler vectorizes the
/// test. A position whose look-ahead runs past the end of the text must
/// never be a hit (the test needs bytes there): a text of `W` bytes or more
/// ends with its last `W` bytes read again, and a shorter one, most lines,
/// is one window padded with zeros (which `hit` must never take for a hit)
/// rather than a byte-by-byte loop. (Copying the end of every text into a
/// padded window cost a call to `memcpy` and a stall reading it back.)
#[inline]
fn any_window<const W: usize>(b: &[u8], hit: impl Fn(&[u8; W], usize) -> bool) -> bool {
    let block = |w: &[u8; W]| (0..32).fold(false, |any, k| any | hit(w, k));
    let Some(last) = b.len().checked_sub(W) else {
        let mut end = [0u8; W];
        end[..b.len()].copy_from_slice(b);
        return block(&end);
    };
    let window = |at: usize| b[at..at + W].try_into().unwrap_or(&[0; W]);
    let mut i = 0;
    while i < last {
        if block(window(i)) {
            return true;
        }
        i += 32;
    }
    block(window(last))
}

/// True when three spaces stand two bytes apart (`␣a␣b␣`).
fn has_spaced_run(b: &[u8]) -> bool {
    any_window::<36>(b, |w, k| {
        (w[k] == b' ') & (w[k + 2] == b' ') & (w[k + 4] == b' ')
    })
}

/// True when two equal capitals stand side by side (`KK`).
fn has_doubled_capital(b: &[u8]) -> bool {
    any_window::<33>(b, |w, k| {
        (w[k] == w[k + 1]) & (w[k].wrapping_sub(b'A') < 26)
    })
}

pub fn undouble<'a>(mut lines: Vec<Line<'a>>, diags: &mut Diagnostics) -> Vec<Line<'a>> {
    // in place: most lines need no repair, and are not moved
    for l in &mut lines {
        // cheap reject: a doubled word has a doubled first glyph
        if matches!(l.kind, Kind::Row { .. } | Kind::Blank)
            || !has_doubled_capital(l.text.as_bytes())
        {
            continue;
        }
        if let Some(t) = undouble_str(&l.text) {
            diags.at(
                Code::LayoutDoubledGlyphs,
                l.span(),
                format!("doubled glyphs `{}` read as `{}`", l.text.trim(), t.trim()),
            );
            *l = Line::new(l.no, l.end, Cow::Owned(t));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    // the cheap rejects against the full tests they guard
    proptest::proptest! {
        #[test]
        fn letter_spacing_reject_loses_nothing(s in "([a-zA-Zé]{1,2}| |[.-]){0,24}") {
            proptest::prop_assert_eq!(close_letter_spacing_str(&s), close_up(&s));
        }

        #[test]
        fn spaced_runs_are_found_at_any_offset(s in "[ab ]{0,80}") {
            let plain = s.as_bytes().windows(5).any(|w| w[0] == b' ' && w[2] == b' ' && w[4] == b' ');
            proptest::prop_assert_eq!(has_spaced_run(s.as_bytes()), plain);
        }

        #[test]
        fn doubled_capitals_are_found_at_any_offset(s in "[A-Ca-c ]{0,80}") {
            let plain = s.as_bytes().windows(2).any(|w| w[0] == w[1] && w[0].is_ascii_uppercase());
            proptest::prop_assert_eq!(has_doubled_capital(s.as_bytes()), plain);
        }

        #[test]
        fn undoubling_counts_pairs_as_the_plain_definition(s in "(KK|EE|É|P|ÉÉ| ){0,30}") {
            // the definition: a word of six or more characters, all in
            // equal pairs; half of the long words at least
            let doubled = |w: &str| {
                let c: Vec<char> = w.chars().collect();
                c.len() >= 6 && c.len().is_multiple_of(2) && c.chunks(2).all(|p| p[0] == p[1])
            };
            let long: Vec<&str> = s.split(' ').filter(|w| w.chars().count() >= 6).collect();
            let n = long.iter().filter(|w| doubled(w)).count();
            let repaired = undouble_str(&s);
            proptest::prop_assert_eq!(repaired.is_some(), n > 0 && n * 2 >= long.len());
        }
    }

    // the ASCII cases are in `layout/tests.rs`; these are the ones the
    // rejects above must let through or stop
    #[test]
    fn spaced_letters_and_doubled_glyphs() {
        assert_eq!(
            close_letter_spacing_str("K É P U T U S A N").as_deref(),
            Some("KÉPUTUSAN")
        );
        assert_eq!(close_letter_spacing_str("a b c"), None);
        assert!(has_doubled_capital(
            &[b'x'; 40].iter().chain(b"KK").copied().collect::<Vec<_>>()
        ));
        assert!(!has_doubled_capital(b"Kk"));
    }
}
