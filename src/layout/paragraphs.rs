//! Paragraphs: double spacing (layout C) and hard wraps (layout A).
//!
//! ```text
//! double-spaced = most non-blank lines are followed by exactly one blank line ;
//! hard-wrapped  = many prose lines end near the same width without a full stop ;
//! continuation  = line line'          (line does not end a sentence, line' starts no structure)
//!               | line "-" line'      (a hyphenated word: `pemba-` `ngunan` → `pembangunan`)
//!               | line { blank } line' (across a page break: line ends in mid-sentence) ;
//! ```
//!
//! A line starts a structure when it is a label, a heading, a table row, a
//! list item, a `: value` line, a decree section word, a NIP or rank line:
//! those are never joined to the line above.

use std::borrow::Cow;

use crate::blocks::decree::keyword;
use crate::diagnostics::{Code, Diagnostics};
use crate::lines::{Kind, Line};
use crate::model::Span;
use crate::text::{Case, is_mostly_upper};

/// Removes the blank line written after every line; runs of blank lines keep one.
pub fn single_spacing<'a>(lines: Vec<Line<'a>>, diags: &mut Diagnostics) -> Vec<Line<'a>> {
    let n = lines.len();
    let non_blank = lines.iter().filter(|l| !l.is_blank()).count();
    let single_gaps = (1..n.saturating_sub(1))
        .filter(|&i| lines[i].is_blank() && !lines[i - 1].is_blank() && !lines[i + 1].is_blank())
        .count();
    // lines that follow each other without a blank line between them: a
    // double-spaced text has almost none, even where its paragraphs are
    // separated by runs of blank lines rather than single ones
    let adjacent = lines
        .windows(2)
        .filter(|w| !w[0].is_blank() && !w[1].is_blank())
        .count();
    let spaced = single_gaps * 10 >= non_blank * 6
        || (single_gaps * 10 >= non_blank * 3 && adjacent * 20 <= non_blank);
    if non_blank < 8 || !spaced {
        return lines;
    }
    diags.push(
        Code::LayoutDoubleSpacing,
        format!(
            "the text is double-spaced ({single_gaps} of {non_blank} lines are followed by one blank line); those blank lines were removed"
        ),
        None,
    );
    let mut out: Vec<Line<'a>> = Vec::with_capacity(non_blank + 8);
    let mut blanks: Vec<Line<'a>> = Vec::new();
    for l in lines {
        if l.is_blank() {
            blanks.push(l);
            continue;
        }
        if blanks.len() >= 2 {
            out.push(blanks.swap_remove(0));
        }
        blanks.clear();
        out.push(l);
    }
    out
}

/// True when the line starts a structure and must not be joined to the line above.
fn starts_structure(l: &Line) -> bool {
    !matches!(l.kind, Kind::Text)
        || keyword(l).is_some()
        || crate::blocks::signature::is_anchor(l)
        || crate::lines::heading(l.trimmed()).is_some()
        || crate::blocks::decree::is_contact_line(l)
}

/// The last word of a text starts with a lower-case letter: the sentence goes on.
fn ends_lower(t: &str) -> bool {
    t.rsplit(' ')
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_lowercase)
}

/// True when the line ends a sentence or a clause that may stand alone.
fn ends_sentence(t: &str) -> bool {
    t.ends_with(['.', ';', ':', '!', '?']) || t.ends_with(".)") || t.ends_with(";)")
}

/// The text starts with a joining word (`DAN PELAPORAN`, `serta …`).
fn starts_connector(t: &str) -> bool {
    let first = t.split(' ').next().unwrap_or("");
    crate::grammar::grammar().is_lowercase_word(first)
}

fn connector(t: &str) -> bool {
    let last = t.rsplit(' ').next().unwrap_or("");
    crate::grammar::grammar().is_lowercase_word(last)
}

/// A heading phrase wrapped over two lines: `t` is no heading, `t mt` is. A
/// heading has at most [`crate::lines::HEADING_MAX_WORDS`] words, and the
/// words of `t mt` are those of `t` and then those of `mt`, so a longer `t`
/// is settled without building the joined text (a paragraph grows line by
/// line).
fn wrapped_heading(t: &str, mt: &str) -> bool {
    crate::grammar::words(t)
        .nth(crate::lines::HEADING_MAX_WORDS)
        .is_none()
        && crate::lines::heading(t).is_none()
        && crate::lines::heading(&format!("{t} {mt}")).is_some()
}

/// The width lines were wrapped at: the 90th percentile of the lengths of
/// prose lines, when the document is hard-wrapped.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    let mut lens: Vec<usize> = lines
        .iter()
        .filter(|l| matches!(l.kind, Kind::Text | Kind::Item { .. } | Kind::Label { .. }))
        .map(|l| char_count(l.trimmed()))
        .collect();
    if lens.len() < 8 {
        return None;
    }
    // the length at the 90th percentile of the sorted lengths, found
    // without sorting them all
    let k = lens.len() * 9 / 10;
    let w = *lens.select_nth_unstable(k).1;
    if !(30..=110).contains(&w) {
        return None;
    }
    // wrapped lines end close to the width: among the lines that do not end
    // a sentence, most are near the width (cell values of other layouts end
    // anywhere)
    let open: Vec<usize> = lines
        .iter()
        .filter(|l| matches!(l.kind, Kind::Text | Kind::Item { .. } | Kind::Label { .. }))
        .map(|l| l.trimmed())
        .filter(|t| !ends_sentence(t))
        .map(char_count)
        .collect();
    let near = open.iter().filter(|&&n| n * 4 >= w * 3).count();
    (near >= 5 && near * 10 >= open.len() * 4).then_some(w)
}

/// The number of characters of a line: its length when it is ASCII (most
/// are; telling costs less than counting, on texts as short as lines).
fn char_count(t: &str) -> usize {
    if t.is_ascii() {
        t.len()
    } else {
        t.chars().count()
    }
}

/// Re-joins hard-wrapped paragraphs.
pub fn join_wrapped<'a>(
    lines: Vec<Line<'a>>,
    page_starts: &[bool],
    diags: &mut Diagnostics,
) -> Vec<Line<'a>> {
    let Some(width) = wrap_width(&lines) else {
        return lines;
    };
    let mut out: Vec<Line<'a>> = Vec::with_capacity(lines.len());
    let mut joined = 0usize;
    let mut first: Option<Span> = None;
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        if l.is_blank()
            || !matches!(
                l.kind,
                Kind::Text | Kind::Item { .. } | Kind::Label { .. } | Kind::Colon { .. }
            )
        {
            out.push(l.clone());
            i += 1;
            continue;
        }
        let mut text = l.trimmed().to_string();
        // the letters of `text`, counted as it grows (reading the whole text
        // again at every joined line would make a long paragraph quadratic)
        let mut case: Option<Case> = None;
        let mut end = l.end;
        let mut last_len = l.trimmed().chars().count();
        let no = l.no;
        let mut k = i + 1;
        loop {
            // the next non-blank line, across at most three blank lines at a page break
            let mut j = k;
            while j < lines.len() && lines[j].is_blank() && j - k < 3 {
                j += 1;
            }
            let Some(m) = lines.get(j) else { break };
            if m.is_blank() || starts_structure(m) {
                break;
            }
            let gap = j > k;
            let page_break =
                (end + 1..=m.no).any(|n| page_starts.get(n as usize - 1).copied().unwrap_or(false));
            let t = text.as_str();
            let mt = m.trimmed();
            let mid_sentence = !ends_sentence(t);
            // the last physical line reached the width: the converter wrapped it
            let long = last_len * 10 >= width * 6;
            let lower_next = mt.chars().next().is_some_and(char::is_lowercase);
            let hyphen = t.ends_with('-') && t[..t.len() - 1].ends_with(char::is_alphabetic);
            let t_caps = case.get_or_insert_with(|| Case::of(t)).is_mostly_upper();
            let m_caps = is_mostly_upper(mt);
            let caps = t_caps && m_caps;
            let labelled = matches!(
                l.kind,
                Kind::Label { .. } | Kind::Colon { .. } | Kind::Item { .. }
            );
            // a change from mixed case to capitals starts another element (a title, a name)
            let to_caps = !t_caps && m_caps;
            // a heading phrase wrapped over two lines (`INDIKATOR KINERJA` / `INDIVIDU (IKI)`)
            let heading_split = !gap && wrapped_heading(t, mt);
            let join = heading_split
                || mid_sentence
                    && !to_caps
                    && if gap {
                        // across blank lines (a page break): only in the middle of a sentence
                        (page_break || long || ends_lower(t) || lower_next || connector(t)) && !caps
                    } else if caps {
                        // capitals wrap only where the break shows: a hyphen,
                        // a joining word at either side, or a long labelled
                        // value (`JABATAN : KEPALA SEKSI …` / `… PERATURAN`)
                        hyphen || connector(t) || starts_connector(mt) || (long && labelled)
                    } else {
                        long || lower_next || hyphen || connector(t)
                    };
            if !join {
                break;
            }
            if hyphen && lower_next {
                text.pop();
                text.push_str(mt);
            } else if hyphen {
                text.push_str(mt);
            } else {
                text.push(' ');
                text.push_str(mt);
            }
            case = case.map(|c| c + Case::of(mt));
            end = m.end;
            last_len = mt.chars().count();
            joined += 1;
            // the region where lines were joined, from the first join to the last
            let here = Span::new(no, end);
            first = Some(first.map_or(here, |f| f.cover(here)));
            k = j + 1;
        }
        if k == i + 1 {
            out.push(l.clone());
        } else {
            out.push(Line::new(no, end, Cow::Owned(text)));
        }
        i = k;
    }
    if joined > 0 {
        diags.at(
            Code::LayoutLinesJoined,
            first.unwrap_or_default(),
            format!("the text is hard-wrapped at about {width} characters; {joined} line(s) were re-joined to the line above"),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn char_count_is_the_count_of_characters(s in "([a-z .]|é|–|\u{1D40A}){0,40}") {
            proptest::prop_assert_eq!(super::char_count(&s), s.chars().count());
        }

        /// The word-count gate of `wrapped_heading` changes nothing: heading
        /// words in any number, split anywhere.
        #[test]
        fn wrapped_heading_is_the_heading_of_the_joined_lines(
            ws in proptest::collection::vec("INDIKATOR|KINERJA|INDIVIDU|UTAMA|\\(IKI\\)|DINAS|KOPERASI|IKU|DAN", 1..20),
            at in 0usize..20,
        ) {
            let at = at.min(ws.len());
            let (t, mt) = (ws[..at].join(" "), ws[at..].join(" "));
            let plain = crate::lines::heading(&t).is_none()
                && crate::lines::heading(&format!("{t} {mt}")).is_some();
            proptest::prop_assert_eq!(super::wrapped_heading(&t, &mt), plain);
        }
    }
}
