//! Position blocks: `Jabatan`, `Tugas`, `Fungsi`, and organisation-level duties.
//!
//! ```text
//! position  = jabatan-field { blank } { field { blank } } ;
//! jabatan-field = label(JABATAN) value
//!               | label(JABATAN) { blank } ( colon-line | text-line ) ;   (the value on a later line)
//! duties    = [ label(UNIT) value ] field { { blank } field } ;            (no JABATAN: the agency's own)
//! field     = label(TUGAS | FUNGSI) [ inline-value ] { { blank } value-line } ;
//! inline-value = "-"                          (no items)
//!              | item-label ( "." | ")" ) text   (the first item)
//!              | text ;                          (a paragraph)
//! value-line = colon-line | item | text ;
//! ```
//!
//! A text line directly under a labelled item continues that item; under a
//! paragraph it is a further paragraph. A text line after a blank line ends a
//! labelled list. Labels are kept as written; when they repeat or skip
//! (`a, b, c, d, c`) every item is kept and `list-label-sequence` says so.

use crate::diagnostics::{Code, Diagnostics};
use crate::grammar::LabelKind;
use crate::lines::{Kind, Line};
use crate::markup;
use crate::model::{Butir, Span};

use super::prim::{In, Res, after_blanks, blanks, fail, line_if};

/// A parsed position block (without its table and signature, attached later).
#[derive(Debug)]
pub struct Position {
    pub nama: String,
    pub tugas: Vec<Butir>,
    pub fungsi: Vec<Butir>,
    pub span: Span,
}

/// Organisation-level duties: `Tugas Pokok : …`, `Fungsi : …` outside any position.
#[derive(Debug)]
pub struct Duties {
    pub unit: Option<String>,
    pub tugas: Vec<Butir>,
    pub fungsi: Vec<Butir>,
    pub span: Span,
    /// Consumed lines that no item represents (labels): furniture.
    pub headings: Vec<Span>,
}

#[derive(Debug)]
struct Field {
    kind: LabelKind,
    items: Vec<Butir>,
    span: Span,
}

fn label_of<'l>(l: &'l Line) -> Option<(LabelKind, bool, &'l str)> {
    match &l.kind {
        Kind::Label { kind, colon, value } => Some((*kind, *colon, l.slice(value))),
        _ => None,
    }
}

fn is_label(l: &Line, k: LabelKind) -> bool {
    label_of(l).is_some_and(|(kind, _, _)| kind == k)
}

/// `position = jabatan-field { blank } { field { blank } }`
pub fn position<'s, 'a>(i: In<'s, 'a>, diags: &mut Diagnostics) -> Res<'s, 'a, Position> {
    let (mut rest, first) = line_if(i, |l| is_label(l, LabelKind::Jabatan))?;
    let (_, _, value) = label_of(first).unwrap_or((LabelKind::Jabatan, false, ""));
    let mut span = first.span();
    let mut nama = markup::clean_name(value);
    if nama.is_empty() {
        // the value on a later line: ": Kepala Seksi …" or the next text line
        let next = after_blanks(rest, |j| {
            line_if(j, |l| matches!(l.kind, Kind::Colon { .. } | Kind::Text))
        });
        if let Ok((r, l)) = next {
            let v = match &l.kind {
                Kind::Colon { value } => l.slice(value),
                _ => l.trimmed(),
            };
            nama = markup::clean_name(v);
            span = span.cover(l.span());
            rest = r;
        }
    }
    if nama.is_empty() {
        diags.at(
            Code::PositionNameMissing,
            first.span(),
            "the Jabatan label has no position name",
        );
        nama = "?".to_string();
    }
    let mut tugas = Vec::new();
    let mut fungsi = Vec::new();
    loop {
        match after_blanks(rest, |j| field(j, diags)) {
            Ok((r, f)) if matches!(f.kind, LabelKind::Tugas | LabelKind::Fungsi) => {
                span = span.cover(f.span);
                match f.kind {
                    LabelKind::Tugas => tugas.extend(f.items),
                    _ => fungsi.extend(f.items),
                }
                rest = r;
            }
            _ => break,
        }
    }
    Ok((
        rest,
        Position {
            nama,
            tugas,
            fungsi,
            span,
        },
    ))
}

/// The most `TUGAS` / `FUNGSI` fields one block of duties holds (a position
/// has one of each).
const DUTY_FIELDS: usize = 16;

/// `duties = [ label(UNIT) value ] field { { blank } field }`, 16 fields at most
pub fn duties<'s, 'a>(i: In<'s, 'a>, diags: &mut Diagnostics) -> Res<'s, 'a, Duties> {
    let mut rest = i;
    let mut unit = None;
    let mut span: Option<Span> = None;
    if let Ok((r, l)) = line_if(i, |l| is_label(l, LabelKind::Unit)) {
        let (_, _, v) = label_of(l).unwrap_or((LabelKind::Unit, false, ""));
        unit = markup::clean_opt(v);
        span = Some(l.span());
        rest = r;
    }
    let mut tugas = Vec::new();
    let mut fungsi = Vec::new();
    // at most DUTY_FIELDS fields: duties are tried at every label line, and a
    // long run of fields with no value (`3. FUNGSI : -` over and over) makes
    // no block, so each of its lines would read it to its end again
    for _ in 0..DUTY_FIELDS {
        match after_blanks(rest, |j| field(j, diags)) {
            Ok((r, f)) if matches!(f.kind, LabelKind::Tugas | LabelKind::Fungsi) => {
                span = Some(span.map_or(f.span, |s| s.cover(f.span)));
                match f.kind {
                    LabelKind::Tugas => tugas.extend(f.items),
                    _ => fungsi.extend(f.items),
                }
                rest = r;
            }
            _ => break,
        }
    }
    match span {
        Some(span) if unit.is_some() || !tugas.is_empty() || !fungsi.is_empty() => {
            let used = super::prim::consumed(i, rest);
            let headings =
                used.iter()
                    .filter(|l| !l.is_blank())
                    .map(Line::span)
                    .filter(|s| {
                        !tugas.iter().chain(&fungsi).any(|b| {
                            b.span.start_line <= s.start_line && s.end_line <= b.span.end_line
                        })
                    })
                    .collect();
            Ok((
                rest,
                Duties {
                    unit,
                    tugas,
                    fungsi,
                    span,
                    headings,
                },
            ))
        }
        _ => fail(i),
    }
}

/// `field = label(TUGAS | FUNGSI) [ inline-value ] { { blank } value-line }`
fn field<'s, 'a>(i: In<'s, 'a>, diags: &mut Diagnostics) -> Res<'s, 'a, Field> {
    let (mut rest, first) = line_if(i, |l| {
        matches!(
            label_of(l),
            Some((LabelKind::Tugas | LabelKind::Fungsi, _, _))
        )
    })?;
    let (kind, _, value) = label_of(first).unwrap_or((LabelKind::Tugas, false, ""));
    let mut span = first.span();
    let mut items: Vec<Butir> = Vec::new();
    let mut none_marker = false;
    let mut continued = super::prim::Continued::default();
    inline_value(value, first.span(), &mut items, &mut none_marker);

    loop {
        let (after, nblank) = blanks(rest)?;
        let Some(l) = after.first() else { break };
        let last_labelled = items.last().is_some_and(|b| b.label.is_some());
        // column headers one per line (a table printed column after column)
        // end the list
        if matches!(l.kind, Kind::Text) && crate::blocks::table::header_fragment(l).is_some() {
            break;
        }
        let accepted = match &l.kind {
            Kind::Colon { value } if items.is_empty() => {
                inline_value(l.slice(value), l.span(), &mut items, &mut none_marker);
                true
            }
            Kind::Item { label, text } => {
                let text = markup::clean(l.slice(text));
                // an item with no text (a lone bullet, a stray tag) is not read as one
                let some = !text.is_empty();
                if some {
                    items.push(Butir {
                        label: label.as_ref().map(|r| l.slice(r).to_string()),
                        teks: text,
                        rujukan: Vec::new(),
                        span: l.span(),
                    });
                }
                some
            }
            Kind::Text if nblank == 0 && last_labelled => {
                // (every line that goes on a labelled item comes here, so the
                // lower-case rule below only ever continues an unlabelled one)
                continued.append(&mut items, l);
                true
            }
            Kind::Text if text_is_empty(l) => false,
            // a line that starts in lower case continues the paragraph above (a wrap)
            Kind::Text
                if nblank == 0
                    && !items.is_empty()
                    && l.trimmed().starts_with(char::is_lowercase) =>
            {
                if let Some(b) = items.last_mut() {
                    b.teks.push(' ');
                    b.teks.push_str(&markup::clean(l.trimmed()));
                    b.span = b.span.cover(l.span());
                }
                true
            }
            Kind::Text if !last_labelled && !none_marker && !looks_like_signature_title(l) => {
                items.push(Butir {
                    label: None,
                    teks: markup::clean(l.trimmed()),
                    rujukan: Vec::new(),
                    span: l.span(),
                });
                true
            }
            _ => false,
        };
        if !accepted {
            break;
        }
        span = span.cover(l.span());
        rest = after.take_from_one();
    }
    continued.finish(&mut items);
    check_sequence(&items, diags);
    Ok((rest, Field { kind, items, span }))
}

/// A line that cleans to nothing (`<ol>`, a lone bullet).
fn text_is_empty(l: &Line) -> bool {
    let t = match &l.kind {
        Kind::Item { text, .. } => l.slice(text),
        _ => l.trimmed(),
    };
    markup::clean(t).is_empty()
}

/// A text line in capitals right after a field is more likely the title of a
/// signature or a heading than a paragraph of duties.
fn looks_like_signature_title(l: &Line) -> bool {
    let t = l.trimmed();
    l.is_mostly_upper() && t.split_whitespace().count() <= 8
}

fn inline_value(value: &str, span: Span, items: &mut Vec<Butir>, none_marker: &mut bool) {
    let v = value.trim();
    if v.is_empty() {
        return;
    }
    if v == "-" || v == "–" {
        *none_marker = true;
        return;
    }
    let (label, text) = match crate::lines::classify(v) {
        Kind::Item {
            label: Some(r),
            text,
        } => (Some(v[r].to_string()), &v[text]),
        _ => (None, v),
    };
    let teks = markup::clean(text);
    if !teks.is_empty() {
        items.push(Butir {
            label,
            teks,
            rujukan: Vec::new(),
            span,
        });
    }
}

/// `a, b, c` or `1, 2, 3`: reports labels that repeat or skip, and a list
/// that does not start at `a` or `1`.
pub fn check_sequence(items: &[Butir], diags: &mut Diagnostics) {
    if let Some(first) = items.first().and_then(|b| b.label.as_deref()) {
        let starts_right = matches!(first, "a" | "A" | "1" | "i" | "I");
        if !starts_right {
            diags.at(
                Code::ListLabelSequence,
                items[0].span,
                format!("the list starts at `{first}` (expected `a` or `1`)"),
            );
        }
    }
    let mut prev: Option<&str> = None;
    for b in items {
        let Some(label) = b.label.as_deref() else {
            prev = None;
            continue;
        };
        if let Some(p) = prev
            && let Some(expected) = successor(p)
            && !expected.is(label)
        {
            diags.at(
                Code::ListLabelSequence,
                b.span,
                format!("list label `{label}` follows `{p}` (expected `{expected}`)"),
            );
        }
        prev = Some(label);
    }
}

/// The label expected after another: a number or a letter. Told without
/// building its text, which only a diagnostic needs.
enum Successor {
    Number(u32),
    Letter(u8),
}

impl Successor {
    /// True when `label` is it (letters in either case).
    fn is(&self, label: &str) -> bool {
        match *self {
            // the digits of the number, as it prints: no sign, no leading zero
            Successor::Number(n) => {
                label.bytes().all(|b| b.is_ascii_digit())
                    && !label.starts_with('0')
                    && label.parse() == Ok(n)
            }
            Successor::Letter(c) => {
                label.len() == 1 && label.as_bytes()[0].eq_ignore_ascii_case(&c)
            }
        }
    }
}

impl std::fmt::Display for Successor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Successor::Number(n) => write!(f, "{n}"),
            Successor::Letter(c) => write!(f, "{}", c as char),
        }
    }
}

fn successor(label: &str) -> Option<Successor> {
    if let Ok(n) = label.parse::<u32>() {
        return n.checked_add(1).map(Successor::Number);
    }
    match label.as_bytes() {
        &[c] if c.is_ascii_alphabetic() && c != b'z' && c != b'Z' => Some(Successor::Letter(c + 1)),
        _ => None,
    }
}

trait TakeOne {
    fn take_from_one(self) -> Self;
}

impl<'s, 'a> TakeOne for In<'s, 'a> {
    fn take_from_one(self) -> Self {
        use nom::Input;
        self.take_from(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::{Line, Lines};
    use crate::normalize::normalize_line;

    fn lines(src: &str) -> Vec<Line<'static>> {
        src.lines()
            .enumerate()
            .map(|(i, l)| {
                Line::new(
                    i as u32 + 1,
                    i as u32 + 1,
                    normalize_line(l).into_owned().into(),
                )
            })
            .collect()
    }

    #[test]
    fn duties_are_bounded_and_continued_items_joined_once() {
        let src = "Fungsi : pelaksanaan kebijakan\n".repeat(DUTY_FIELDS + 4);
        let (d, n) =
            crate::blocks::prim::read_block(&src, |i| duties(i, &mut Diagnostics::default()))
                .expect("duties");
        assert_eq!(n, DUTY_FIELDS);
        assert_eq!(d.fungsi.len(), DUTY_FIELDS);
        // a labelled item continued on the lines below it, one of which
        // cleans to nothing: joined by single spaces
        let src = "Tugas : a. membantu kepala\n<br>\ndinas   dalam urusan\nb. menyusun rencana";
        let (d, n) =
            crate::blocks::prim::read_block(src, |i| duties(i, &mut Diagnostics::default()))
                .expect("duties");
        assert_eq!(n, 4);
        let teks: Vec<&str> = d.tugas.iter().map(|b| b.teks.as_str()).collect();
        assert_eq!(
            teks,
            ["membantu kepala dinas dalam urusan", "menyusun rencana"]
        );
        assert_eq!(
            (d.tugas[0].span.start_line, d.tugas[0].span.end_line),
            (1, 3)
        );
        // fields without a value make no block, however many there are
        let src = "3. FUNGSI : -\n".repeat(DUTY_FIELDS + 4);
        assert!(
            crate::blocks::prim::read_block(&src, |i| duties(i, &mut Diagnostics::default()))
                .is_none()
        );
    }

    fn parse(src: &str) -> (Position, usize, Vec<String>) {
        let ls = lines(src);
        let mut d = Diagnostics::default();
        let (rest, p) = position(Lines::new(&ls), &mut d).expect("a position");
        let codes = d.finish().into_iter().map(|d| d.code).collect();
        (p, ls.len() - rest.len(), codes)
    }

    proptest::proptest! {
        /// The successor told without text is the one the text gave: the
        /// next number or letter as printed, compared ignoring ASCII case.
        #[test]
        fn successor_is_the_next_label_as_printed(
            prev in "[0-9]{1,10}|[a-zA-Z]|4294967295|[+]?[0-9]{1,3}|é",
            label in "[0-9]{1,10}|[a-zA-Z]|[+]?0?[0-9]{1,3}|é|",
        ) {
            let printed = |p: &str| -> Option<String> {
                if let Ok(n) = p.parse::<u32>() {
                    return n.checked_add(1).map(|n| n.to_string());
                }
                let mut chars = p.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if c.is_ascii_alphabetic() && c != 'z' && c != 'Z' => {
                        Some((((c as u8) + 1) as char).to_string())
                    }
                    _ => None,
                }
            };
            let want = printed(&prev);
            let got = successor(&prev);
            proptest::prop_assert_eq!(got.as_ref().map(|s| s.to_string()), want.clone());
            if let (Some(g), Some(w)) = (got, want) {
                proptest::prop_assert_eq!(g.is(&label), label.eq_ignore_ascii_case(&w));
                proptest::prop_assert!(g.is(&w));
            }
        }
    }

    #[test]
    fn successor_of_the_largest_number_is_none() {
        assert!(successor("4294967295").is_none());
        assert!(successor("9").is_some_and(|s| s.is("10") && !s.is("010") && !s.is("+10")));
    }

    fn labels(b: &[Butir]) -> Vec<String> {
        b.iter()
            .map(|b| b.label.clone().unwrap_or_default())
            .collect()
    }

    #[test]
    fn kapuas_inline_tugas_and_indented_numbered_fungsi() {
        let (p, n, _) = parse(
            "- 1 Jabatan : **Kepala Bidang Koperasi.**\n\
             - 2 Tugas : Membantu kepala dinas dalam penyiapan bahan.\n\
             - 3 Fungsi :\n \
             1. Penyusunan program kerja Bidang Koperasi;\n \
             2. Penyiapan petunjuk teknis;\n\n\
             No\tSasaran\tIndikator Kinerja",
        );
        assert_eq!(p.nama, "Kepala Bidang Koperasi");
        assert_eq!(p.tugas.len(), 1);
        assert_eq!(p.tugas[0].label, None);
        assert_eq!(labels(&p.fungsi), ["1", "2"]);
        assert_eq!(p.fungsi[0].teks, "Penyusunan program kerja Bidang Koperasi");
        assert_eq!(
            n, 5,
            "the trailing blank line and the table are not consumed"
        );
        assert_eq!(p.span, Span::new(1, 5));
    }

    #[test]
    fn fungsi_list_starting_inline() {
        let (p, _, _) = parse(
            "- 1 Jabatan : **Kepala Bidang Perdagangan.**\n\
             - 3 Fungsi : 1. penyusunan program kerja Bidang Perdagangan;\n \
             2. penyiapan petunjuk teknis;\n \
             3. pelaksanaan pembinaan perdagangan;",
        );
        assert_eq!(labels(&p.fungsi), ["1", "2", "3"]);
    }

    #[test]
    fn value_on_a_later_line_sampang() {
        let (p, _, _) = parse(
            "3. JABATAN\n\n: Kepala Seksi Pengawasan Industri\n\n4. TUGAS\n\n\
             - : a. mengumpulkan bahan penyusunan pedoman;\n\
             b. melaksanakan penyusunan potensi profil;\n\
             c. melaksanakan bimbingan teknis;",
        );
        assert_eq!(p.nama, "Kepala Seksi Pengawasan Industri");
        assert_eq!(labels(&p.tugas), ["a", "b", "c"]);
        assert_eq!(p.tugas[0].teks, "mengumpulkan bahan penyusunan pedoman");
    }

    #[test]
    fn paragraph_tugas_and_empty_fungsi_banggai() {
        let (p, _, _) = parse(
            "1. JABATAN : **KEPALA SEKSI KELEMBAGAAN DAN PERIZINAN**\n\n2. TUGAS :\n\n\
             Memimpin dan melaksanakan kegiatan kelembagaan dan perizinan.\n\n3. FUNGSI : -\n\n\
             SASARAN KINERJA KEGIATAN\tINDIKATOR KINERJA",
        );
        assert_eq!(p.nama, "KEPALA SEKSI KELEMBAGAAN DAN PERIZINAN");
        assert_eq!(p.tugas.len(), 1);
        assert!(p.tugas[0].teks.starts_with("Memimpin"));
        assert!(p.fungsi.is_empty());
    }

    #[test]
    fn repeated_labels_are_kept_and_reported() {
        let (p, _, codes) = parse(
            "1. JABATAN : **KEPALA DINAS**\n\n3. FUNGSI :\n\n\
             - a. Perumusan kebijakan;\n- b. Pelaksanaan kebijakan;\n- c. Pelaksanaan evaluasi;\n\
             - d. Pelaksanaan administrasi; dan\n- c. Pelaksanaan fungsi lain.",
        );
        assert_eq!(labels(&p.fungsi), ["a", "b", "c", "d", "c"]);
        assert_eq!(codes, ["list-label-sequence"]);
    }

    #[test]
    fn labelled_position_field_sample() {
        let (p, _, _) = parse(
            "a. Jabatan : Kepala Dinas\nb. Tugas : Membantu Walikota.\nc. Fungsi :\n\
             1. Perumusan rencana;\n2. Pengkoordinasian;",
        );
        assert_eq!(p.nama, "Kepala Dinas");
        assert_eq!(p.tugas.len(), 1);
        assert_eq!(labels(&p.fungsi), ["1", "2"]);
    }

    #[test]
    fn bold_labels_and_tugas_list_after_blank() {
        let (p, _, _) = parse(
            "1. **JABATAN : ANALIS KOPERASI**\n\n2. **TUGAS :**\n\n\
             - a. Menyiapkan bahan;\n- b. Mengumpulkan data;\n\n3. **FUNGSI : -**",
        );
        assert_eq!(p.nama, "ANALIS KOPERASI");
        assert_eq!(labels(&p.tugas), ["a", "b"]);
        assert!(p.fungsi.is_empty());
    }

    #[test]
    fn agency_duties_kalbar() {
        let ls = lines(
            "- Tugas Pokok : Membantu Gubernur melaksanakan urusan.\n\
             - Fungsi : Perumusan program kerja.\nPerumusan kebijakan.\nPelaksanaan kebijakan.\n\n| No | x |",
        );
        let mut d = Diagnostics::default();
        let (_, dt) = duties(Lines::new(&ls), &mut d).unwrap();
        assert_eq!(dt.tugas.len(), 1);
        assert_eq!(dt.fungsi.len(), 3);
        assert!(dt.fungsi.iter().all(|b| b.label.is_none()));
    }
}
