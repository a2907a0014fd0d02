//! Page furniture: page numbers and running headers and footers.
//!
//! ```text
//! page-number = digits | "-" digits "-" | ( "Halaman" | "Hal" | "Page" ) digits [ ( "dari" | "of" | "/" ) digits ] ;
//! running     = a line that stands next to a page break on two or more pages
//!               (the same text, digits aside) ;
//! ```
//!
//! A bare number is a page number only when it stands alone: not next to
//! another bare number or a list item (a column of row numbers is not). The
//! lines are set aside as furniture (`coverage.furniture`, kind `page`) and
//! reported once per document.

use crate::diagnostics::{Code, Diagnostics};
use crate::lines::{Kind, Line};
use crate::model::Span;

/// The words before a page's number, in lower case, longest first where one
/// starts another.
const PAGE_WORDS: [&str; 4] = ["halaman", "hal.", "hal", "page"];

/// True for `12`, `- 3 -`, `Halaman 2`, `Hal. 2 dari 9`, `Page 3 of 10`.
pub fn is_page_number(t: &str) -> bool {
    let t = crate::text::trim(t);
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if digits(t) && t.len() <= 3 {
        return true;
    }
    if let Some(inner) = t.strip_prefix('-').and_then(|r| r.strip_suffix('-')) {
        return digits(inner.trim());
    }
    // most lines start with no page word's first letter: they are settled
    // here, without the lower-case copy
    let first = t.as_bytes().first();
    if !PAGE_WORDS
        .iter()
        .any(|w| first.is_some_and(|c| c.eq_ignore_ascii_case(&w.as_bytes()[0])))
    {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    for word in PAGE_WORDS {
        if let Some(rest) = lower.strip_prefix(word) {
            let rest = rest.trim();
            let (n, total) = match rest.split_once(['/', ' ']) {
                Some((a, b)) => (
                    a.trim(),
                    Some(
                        b.trim()
                            .trim_start_matches("dari")
                            .trim_start_matches("of")
                            .trim(),
                    ),
                ),
                None => (rest, None),
            };
            return digits(n) && total.is_none_or(digits);
        }
    }
    false
}

fn bare_number(l: &Line) -> bool {
    let t = l.trimmed();
    !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
}

/// The key of a running header: its text with digits blanked (page numbers change).
fn running_key(t: &str) -> String {
    t.trim()
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Sets page numbers and running headers/footers aside.
pub fn set_aside<'a>(
    lines: Vec<Line<'a>>,
    page_starts: &[bool],
    diags: &mut Diagnostics,
) -> (Vec<Line<'a>>, Vec<Span>) {
    let n = lines.len();
    let mut aside = vec![false; n];
    // page numbers
    let non_blank: Vec<usize> = (0..n).filter(|&i| !lines[i].is_blank()).collect();
    for (k, &i) in non_blank.iter().enumerate() {
        let l = &lines[i];
        if !matches!(l.kind, Kind::Text) || !is_page_number(l.trimmed()) {
            continue;
        }
        if bare_number(l) {
            let near = |j: Option<&usize>| {
                j.is_some_and(|&j| {
                    bare_number(&lines[j]) || matches!(lines[j].kind, Kind::Item { .. })
                })
            };
            if near(k.checked_sub(1).and_then(|p| non_blank.get(p))) || near(non_blank.get(k + 1)) {
                continue;
            }
        }
        aside[i] = true;
    }
    // running headers and footers: lines next to page breaks, repeated
    if page_starts.iter().filter(|&&p| p).count() >= 2 {
        let mut at_breaks: Vec<(String, usize)> = Vec::new();
        for (k, &i) in non_blank.iter().enumerate() {
            let starts_page = page_starts
                .get(lines[i].no as usize - 1)
                .copied()
                .unwrap_or(false)
                || (k > 0 && {
                    let prev = non_blank[k - 1];
                    (lines[prev].end + 1..=lines[i].no)
                        .any(|no| page_starts.get(no as usize - 1).copied().unwrap_or(false))
                });
            let ends_page = non_blank.get(k + 1).is_some_and(|&next| {
                (lines[i].end + 1..=lines[next].no)
                    .any(|no| page_starts.get(no as usize - 1).copied().unwrap_or(false))
            });
            let l = &lines[i];
            if (starts_page || ends_page)
                && matches!(l.kind, Kind::Text | Kind::Item { .. })
                && l.trimmed().len() <= 100
            {
                at_breaks.push((running_key(l.trimmed()), i));
            }
        }
        for (key, i) in &at_breaks {
            if at_breaks.iter().filter(|(k, _)| k == key).count() >= 2 {
                aside[*i] = true;
            }
        }
    }
    let count = aside.iter().filter(|&&a| a).count();
    if count == 0 {
        return (lines, Vec::new());
    }
    let mut furniture = Vec::with_capacity(count);
    let mut kept = Vec::with_capacity(n - count);
    for (i, l) in lines.into_iter().enumerate() {
        if aside[i] {
            furniture.push(l.span());
        } else {
            kept.push(l);
        }
    }
    diags.at(
        Code::LayoutPageFurniture,
        furniture[0],
        format!(
            "{count} page number or running header/footer line(s) set aside as page furniture (first at line {})",
            furniture[0].start_line
        ),
    );
    (kept, furniture)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for t in [
            "3",
            "- 12 -",
            "Halaman 2",
            "Hal. 2 dari 9",
            "Page 3 of 10",
            "hal 4/9",
            "HALAMAN 5",
            "PAGE 2 OF 3",
        ] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["2019", "1.", "a", "Halaman depan", "NIP"] {
            assert!(!is_page_number(t), "{t}");
        }
    }
}
