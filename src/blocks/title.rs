//! Section headings and title blocks.
//!
//! ```text
//! title-block = [ title-line [ title-line ] ] heading-line { title-line | blank [ blank ] title-line } ;
//! title-line  = a line in capitals that is not a section word, a contact line, a label, row or item ;
//! periode     = ( "TAHUN" | "PERIODE" ) year [ "-" year ] ;
//! ```

use nom::Input;

use crate::grammar::{grammar, words};
use crate::lines::{Kind, Line};
use crate::model::{Jenis, Periode, Span};

use super::prim::{In, Res, fail};

#[derive(Debug)]
pub struct Title {
    pub jenis: Jenis,
    /// The heading line and the lines that continue it (agency, region, period).
    pub lines: Vec<String>,
    pub span: Span,
    pub repaired: bool,
    /// The line of the heading itself.
    pub heading_line: u32,
}

/// A line of a title: capitals, not a decree section word, not a contact line.
fn title_line(l: &Line) -> bool {
    matches!(l.kind, Kind::Text)
        && l.is_mostly_upper()
        && crate::blocks::decree::keyword(l)
            .is_none_or(|k| k == crate::blocks::decree::Keyword::Letterhead)
        && !crate::blocks::decree::is_contact_line(l)
        // column headers read across a table (`TUJUAN SASARAN INDIKATOR …`)
        && !crate::blocks::table::column_header_line(l)
}

/// ```text
/// title-block = [ title-line [ title-line ] ] heading-line
///               { title-line | blank [ blank ] title-line } ;
/// ```
/// A heading alone gives one line; a further heading starts a new block.
pub fn title<'s, 'a>(i: In<'s, 'a>) -> Res<'s, 'a, Title> {
    // the heading is one of the first three lines: without one there, no
    // title, which is told before the lines above it are read (most lines
    // the block parser tries are no title)
    if !i.lines[..i.len().min(3)]
        .iter()
        .any(|l| matches!(l.kind, Kind::Heading { .. }))
    {
        return fail(i);
    }
    // up to two title lines directly above the heading ("ESELON II TAHUN 2022")
    let mut h = 0;
    while h < 2 && i.get(h).is_some_and(title_line) {
        h += 1;
    }
    let Some(Kind::Heading { jenis, repaired }) = i.get(h).map(|l| l.kind.clone()) else {
        return fail(i);
    };
    let mut n = h + 1;
    loop {
        let mut k = n;
        while k < i.len() && k - n < 2 && i.lines[k].is_blank() {
            k += 1;
        }
        match i.get(k) {
            // (`PEMERINTAH KABUPATEN …` below a title is the issuer of a cover
            // page, not more of the title)
            Some(l)
                if title_line(l)
                    && crate::blocks::decree::keyword(l)
                        != Some(crate::blocks::decree::Keyword::Letterhead) =>
            {
                n = k + 1
            }
            _ => break,
        }
    }
    let taken: Vec<&Line> = i.lines[..n].iter().filter(|l| !l.is_blank()).collect();
    let first = taken[0];
    let last = taken[taken.len() - 1];
    Ok((
        i.take_from(n),
        Title {
            jenis,
            lines: taken
                .iter()
                .map(|l| {
                    if l.no == i.lines[h].no {
                        without_column_header(l.trimmed()).to_string()
                    } else {
                        l.trimmed().to_string()
                    }
                })
                .collect(),
            span: Span::new(first.no, last.end),
            repaired,
            heading_line: i.lines[h].no,
        },
    ))
}

/// ```text
/// period-line = ( "TAHUN" | "PERIODE" ) period ;
/// ```
/// A line that is only a period (`TAHUN 2019` under a cover's title).
pub fn period_line<'s, 'a>(i: In<'s, 'a>) -> Res<'s, 'a, (Periode, Span)> {
    let Some(l) = i.first() else {
        return fail(i);
    };
    let t = l.trimmed();
    // the period word (grammars/sections.toml), then years only
    let label = grammar()
        .decree
        .periode
        .iter()
        .filter(|p| p.is_prefix_of(words(t)))
        .map(|p| p.len())
        .max();
    let rest = label
        .and_then(|n| crate::lines::word_offsets(t).nth(n - 1))
        .map(|(o, w)| t[o + w.len()..].trim())
        .unwrap_or("");
    let only_period = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '–' | '/' | '.'));
    match periode(t) {
        Some(p) if only_period && matches!(l.kind, Kind::Text) => {
            Ok((i.take_from(1), (p, l.span())))
        }
        _ => fail(i),
    }
}

/// A heading without the `No.` of a table header that ran into it
/// (`INDIKATOR KINERJA INDIVIDU No.`).
fn without_column_header(t: &str) -> &str {
    match t.rsplit_once(' ') {
        Some((head, last)) if last.trim_end_matches('.').eq_ignore_ascii_case("no") => {
            head.trim_end()
        }
        _ => t,
    }
}

/// A period in a title: `TAHUN 2019 -2024`, `PERIODE 2024`, `2021 - 2026`.
pub fn periode(text: &str) -> Option<Periode> {
    // a period holds a year: a text without a digit has none
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let g = grammar();
    let ws: Vec<&str> = words(text).collect();
    let year = |w: &str| {
        w.parse::<i32>()
            .ok()
            .filter(|y| w.len() == 4 && (1945..=2100).contains(y))
    };
    for k in 0..ws.len() {
        let after_word = g
            .decree
            .periode
            .iter()
            .any(|p| p.is_prefix_of(ws[k..].iter().copied()));
        let start = if after_word {
            k + 1
        } else if k + 1 < ws.len() && year(ws[k]).is_some() && year(ws[k + 1]).is_some() {
            k
        } else {
            continue;
        };
        let Some(mulai) = ws.get(start).and_then(|w| year(w)) else {
            continue;
        };
        let selesai = ws
            .get(start + 1)
            .and_then(|w| year(w))
            .filter(|&y| y >= mulai)
            .unwrap_or(mulai);
        return Some(Periode { mulai, selesai });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The title block read from the first line, and the lines it takes.
    fn read(src: &str) -> Option<(Title, usize)> {
        crate::blocks::prim::read_block(src, title)
    }

    #[test]
    fn a_heading_under_two_title_lines_takes_them() {
        let (t, n) = read(
            "DINAS KOPERASI DAN UKM\nKABUPATEN BANGGAI\nINDIKATOR KINERJA INDIVIDU\n\nTAHUN 2022\n\nJabatan : Kepala Dinas",
        )
        .unwrap();
        assert_eq!(
            t.lines,
            [
                "DINAS KOPERASI DAN UKM",
                "KABUPATEN BANGGAI",
                "INDIKATOR KINERJA INDIVIDU",
                "TAHUN 2022"
            ]
        );
        assert_eq!((t.heading_line, t.span, n), (3, Span::new(1, 5), 5));
        // the heading alone, and the heading after a line that is no title line
        assert_eq!(read("INDIKATOR KINERJA UTAMA").unwrap().1, 1);
        assert!(read("Lampiran\nINDIKATOR KINERJA UTAMA").is_none());
    }

    #[test]
    fn a_heading_under_three_title_lines_is_not_their_title() {
        assert!(read("PROVINSI KALIMANTAN BARAT\nDINAS KOPERASI DAN UKM\nKABUPATEN BANGGAI\nINDIKATOR KINERJA INDIVIDU").is_none());
        assert!(read("Kegiatan koperasi\n\nINDIKATOR KINERJA INDIVIDU").is_none());
    }

    #[test]
    fn periods() {
        assert_eq!(
            periode("TAHUN 2019 -2024"),
            Some(Periode {
                mulai: 2019,
                selesai: 2024
            })
        );
        assert_eq!(
            periode("PERIODE 2024"),
            Some(Periode {
                mulai: 2024,
                selesai: 2024
            })
        );
        assert_eq!(
            periode("BKPSDM 2021-2026"),
            Some(Periode {
                mulai: 2021,
                selesai: 2026
            })
        );
        assert_eq!(
            periode("KABUPATEN PASER TAHUN 2021 - 2026"),
            Some(Periode {
                mulai: 2021,
                selesai: 2026
            })
        );
        assert_eq!(periode("NOMOR 15"), None);
    }
}
