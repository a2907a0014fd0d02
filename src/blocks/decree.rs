//! Decree anatomy: letterhead, `KEPUTUSAN … NOMOR … TENTANG`, Menimbang /
//! Mengingat / Memperhatikan, MEMUTUSKAN, the diktum, Ditetapkan, Tembusan
//! and Lampiran headers.
//!
//! ```text
//! letterhead    = letterhead-line { [ blank ] letterhead-line } ;
//! letterhead-line = government | agency | address | contact | city-postcode ;
//! header        = keputusan { pejabat-line } nomor [ nomor-continuation ] tentang { tentang-line }
//!                 { blank } [ repeated-title ] [ rahmat ] [ repeated-title ] ;
//! keputusan     = ( "KEPUTUSAN" | "SURAT KEPUTUSAN" ) [ pejabat ] [ nomor ] ;
//! nomor         = "NOMOR" [ ":" ] number [ "TAHUN" year ] [ "TENTANG" [ text ] ] ;
//! considerations = ( "Menimbang" | "Mengingat" | "Memperhatikan" ) [ ":" ] [ item | text ]
//!                  { { blank } ( item | colon-line ) | continuation } ;
//! decide        = "MEMUTUSKAN" [ ":" ] | "Menetapkan" [ ":" [ text ] ] ;
//! diktum        = ordinal [ ":" ] [ text ] { { blank } item | colon-line | continuation } ;
//! ditetapkan    = "Ditetapkan" [ "di" ] [ ":" ] [ "di" ] place { blank } [ tanggal ] ;
//! tanggal       = ( "Pada Tanggal" | "Tanggal" ) [ ":" ] date ;
//! tembusan      = "Tembusan" { word } [ ":" ] { { blank } item } ;
//! lampiran      = "LAMPIRAN" [ ":" ] [ label ] [ reference ] { reference-line } [ tentang-block ] ;
//! ```
//!
//! Section words, ordinal words and letterhead words come from
//! `grammars/sections.toml` and `grammars/ordinals.toml`.

use nom::Input;

use crate::diagnostics::{Code, Diagnostics};
use crate::grammar::{Phrase, PhraseGroups, grammar, starts_with_any, words};
use crate::lines::{Kind, Line, word_offsets};
use crate::markup;
use crate::model::{Butir, Diktum, Ditetapkan, Instansi, Lampiran, Span, Tingkat, Wilayah};
use crate::text::{is_mostly_upper, title_case};
use crate::values;
use std::sync::OnceLock;

use super::prim::{In, Res, blanks, fail};

/// Which kind of consideration list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Considering {
    Menimbang,
    Mengingat,
    Memperhatikan,
}

#[derive(Debug)]
pub struct Header {
    pub pejabat: Option<String>,
    pub nomor: Option<String>,
    pub tahun: Option<i32>,
    pub tentang: Option<String>,
    /// The raw tentang lines (for judul, periode and jenis).
    pub tentang_lines: Vec<String>,
    pub span: Span,
    /// Repeated official title and `DENGAN RAHMAT …` lines.
    pub headings: Vec<Span>,
}

#[derive(Debug)]
pub struct Considerations {
    pub kind: Considering,
    pub items: Vec<Butir>,
    pub span: Span,
}

#[derive(Debug)]
pub struct Tembusan {
    pub items: Vec<String>,
    pub span: Span,
}

#[derive(Debug)]
pub struct LampiranHeader {
    pub lampiran: Lampiran,
    pub tentang_lines: Vec<String>,
    /// The lines of the tentang block (a title: judul, jenis, periode).
    pub tentang_span: Option<Span>,
    /// A `Nomor` line whose number is left blank (`Nomor : Tahun 2024`).
    pub nomor_blank: Option<Span>,
}

/// The decree keyword a line starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keyword {
    Letterhead,
    Keputusan,
    Considering(Considering),
    Decide,
    Diktum,
    Ditetapkan,
    Tembusan,
    Lampiran,
}

/// The keyword a line starts with, if any (cheap: the first words only).
pub fn keyword(l: &Line) -> Option<Keyword> {
    if !matches!(
        l.kind,
        Kind::Text | Kind::Item { label: None, .. } | Kind::Label { .. }
    ) {
        return None;
    }
    let g = grammar();
    let d = &g.decree;
    let t = &l.text;
    let lead = crate::lines::skip_bullet_pub(t);
    // keywords are written with a capital (`Menimbang`, `KESATU`); `kesatu
    // bertujuan …` is a sentence going on
    if !words(&t[lead..])
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()) && g.may_start_keyword(w))
    {
        return None;
    }
    // the keywords' phrase lists, tried in this order (one lookup of the
    // first word for all of them)
    static CHECKS: OnceLock<(PhraseGroups, [Keyword; 10])> = OnceLock::new();
    let (groups, kinds) = CHECKS.get_or_init(|| {
        let checks: [(&[Phrase], Keyword); 10] = [
            (&d.menimbang, Keyword::Considering(Considering::Menimbang)),
            (&d.mengingat, Keyword::Considering(Considering::Mengingat)),
            (
                &d.memperhatikan,
                Keyword::Considering(Considering::Memperhatikan),
            ),
            (&d.memutuskan, Keyword::Decide),
            (&d.menetapkan, Keyword::Decide),
            (&d.ditetapkan, Keyword::Ditetapkan),
            (&d.tembusan, Keyword::Tembusan),
            (&d.lampiran, Keyword::Lampiran),
            (&d.keputusan, Keyword::Keputusan),
            (&g.letterhead.government, Keyword::Letterhead),
        ];
        (
            PhraseGroups::from_lists(&checks.map(|(ps, _)| ps)),
            checks.map(|(_, k)| k),
        )
    });
    if let Some((group, at)) = groups.first_at(t)
        && let Some(&kw) = kinds.get(group)
    {
        // `PEMERINTAH KABUPATEN …` heads a letterhead; `Pemerintah,
        // dipandang …` is a sentence going on (the last list: no other
        // keyword is tried after it)
        if kw != Keyword::Letterhead || l.is_mostly_upper() || g.region(words(&t[at..])).is_some() {
            return Some(kw);
        }
    }
    if g.ordinal(words(&t[lead..])).is_some() {
        return Some(Keyword::Diktum);
    }
    None
}

/// True when a line starts like a letterhead: a government, agency, address or contact word.
pub fn starts_letterhead(l: &Line) -> bool {
    if !matches!(l.kind, Kind::Text) {
        return false;
    }
    let ws: Vec<&str> = words(l.trimmed()).take(3).collect();
    piece_at(&ws).is_some()
}

/// Text after a section word and an optional colon (and an optional `di`).
fn after_label<'t>(text: &'t str, phrases: &[Phrase]) -> Option<&'t str> {
    let end = starts_with_any(text, phrases)?;
    let rest = text[end..].trim_start();
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    Some(rest.trim())
}

fn first_nonblank<'s, 'a>(i: In<'s, 'a>) -> Option<(usize, &'s Line<'a>)> {
    i.lines.iter().enumerate().find(|(_, l)| !l.is_blank())
}

// --- letterhead -------------------------------------------------------------------

/// What a letterhead line (or a piece of a collapsed one) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Government,
    Agency,
    Address,
    Phone,
    Fax,
    Website,
    Email,
    Postal,
}

fn piece_at(ws: &[&str]) -> Option<(Piece, usize)> {
    // one set lookup settles most words: they start no letterhead phrase
    if !ws.first().is_some_and(|w| grammar().may_start_keyword(w)) {
        return None;
    }
    let lh = &grammar().letterhead;
    let table: [(&[Phrase], Piece); 8] = [
        (&lh.government, Piece::Government),
        (&lh.agency, Piece::Agency),
        (&lh.address, Piece::Address),
        (&lh.phone, Piece::Phone),
        (&lh.fax, Piece::Fax),
        (&lh.website, Piece::Website),
        (&lh.email, Piece::Email),
        (&lh.postal, Piece::Postal),
    ];
    for (ps, piece) in table {
        if let Some(p) = ps
            .iter()
            .filter(|p| p.is_prefix_of(ws.iter().copied()))
            .max_by_key(|p| p.len())
        {
            return Some((piece, p.len()));
        }
    }
    None
}

/// `PUTUSSIBAU 78711`, `TANAH GROGOT`: a place in capitals, optionally with a postcode.
fn city_line(t: &str) -> bool {
    let ws: Vec<&str> = words(t).collect();
    !ws.is_empty()
        && ws.len() <= 4
        && is_mostly_upper(t)
        && ws.iter().all(|w| {
            w.chars().all(char::is_alphabetic)
                || (w.len() == 5 && w.bytes().all(|b| b.is_ascii_digit()))
        })
        && piece_at(&ws).is_none()
}

/// A letterhead line with an address or a contact: `Jalan …`, `Telp …`, `Email …`, `Kode Pos …`.
pub fn is_contact_line(l: &Line) -> bool {
    if !matches!(l.kind, Kind::Text) {
        return false;
    }
    let t = l.trimmed();
    let all: Vec<&str> = words(t).collect();
    t.contains('@')
        || (0..all.len()).any(|k| {
            matches!(
                piece_at(&all[k..]),
                Some((
                    Piece::Address
                        | Piece::Postal
                        | Piece::Phone
                        | Piece::Fax
                        | Piece::Email
                        | Piece::Website,
                    _
                ))
            )
        })
}

pub fn is_letterhead_line(l: &Line) -> bool {
    if !matches!(l.kind, Kind::Text) {
        return false;
    }
    let t = l.trimmed();
    let ws: Vec<&str> = words(t).take(3).collect();
    if piece_at(&ws).is_some() {
        return true;
    }
    // a contact line that starts with something else: "Kecamatan Tanah Grogot, … Kode Pos 76251"
    let all: Vec<&str> = words(t).collect();
    (0..all.len()).any(|k| {
        matches!(
            piece_at(&all[k..]),
            Some((
                Piece::Postal | Piece::Phone | Piece::Fax | Piece::Email | Piece::Website,
                _
            ))
        )
    }) || t.contains('@')
}

/// The most lines a letterhead takes (the corpus and field samples have nine
/// at most). The block parser tries a letterhead at many lines, so that a
/// long run of letterhead-like lines that make no letterhead (an agency name
/// repeated, with no government or contact line) is not read to its end
/// again from each of its lines.
const LETTERHEAD_LINES: usize = 24;

/// `letterhead = letterhead-line { [ blank ] letterhead-line }`, with a
/// government or agency line and something else; 24 lines at most.
pub fn letterhead<'s, 'a>(i: In<'s, 'a>) -> Res<'s, 'a, Instansi> {
    let mut n = 0;
    let mut last = 0;
    let mut taken: Vec<&Line> = Vec::new();
    while n < i.len() && taken.len() < LETTERHEAD_LINES {
        let l = &i.lines[n];
        if l.is_blank() {
            // one blank line inside a letterhead is fine
            if i.get(n + 1).is_some_and(is_letterhead_line) && !taken.is_empty() {
                n += 1;
                continue;
            }
            break;
        }
        let continues_agency = taken.last().is_some_and(|p| {
            let ws: Vec<&str> = words(p.trimmed()).take(3).collect();
            matches!(piece_at(&ws), Some((Piece::Agency, _)))
        }) && l.is_mostly_upper()
            && !matches!(l.kind, Kind::Heading { .. });
        let city = !taken.is_empty()
            && matches!(l.kind, Kind::Text)
            && keyword(l).is_none()
            && city_line(l.trimmed())
            && !["TENTANG", "NOMOR"]
                .iter()
                .any(|w| l.trimmed().eq_ignore_ascii_case(w));
        if is_letterhead_line(l) || continues_agency || city {
            taken.push(l);
            last = n;
            n += 1;
        } else {
            break;
        }
    }
    let first_piece = |l: &Line| {
        let ws: Vec<&str> = words(l.trimmed()).take(3).collect();
        piece_at(&ws).map(|(p, _)| p)
    };
    let has_org = taken
        .iter()
        .any(|l| matches!(first_piece(l), Some(Piece::Government | Piece::Agency)));
    let has_gov = taken
        .iter()
        .any(|l| first_piece(l) == Some(Piece::Government));
    // an agency name and a place alone are a title, not a letterhead
    let has_contact = taken.iter().any(|l| {
        let all: Vec<&str> = words(l.trimmed()).collect();
        (0..all.len()).any(|k| {
            matches!(
                piece_at(&all[k..]),
                Some((
                    Piece::Address
                        | Piece::Phone
                        | Piece::Fax
                        | Piece::Website
                        | Piece::Email
                        | Piece::Postal,
                    _
                ))
            )
        }) || city_line_with_code(l.trimmed())
    });
    // a government line alone (`PEMERINTAH KABUPATEN MALANG` on a cover page)
    let lone_government = taken.len() == 1
        && has_gov
        && words(taken[0].trimmed())
            .nth(1)
            .is_some_and(|w| grammar().region([w]).is_some());
    if (taken.len() < 2 && !lone_government) || !has_org || !(has_gov || has_contact) {
        return fail(i);
    }
    let inst = read_letterhead(&taken);
    Ok((i.take_from(last + 1), inst))
}

/// Reads the pieces of letterhead lines, also when several sit on one line.
fn read_letterhead(lines: &[&Line]) -> Instansi {
    let mut inst = Instansi::default();
    let mut agency: Vec<String> = Vec::new();
    let mut span: Option<Span> = None;
    let mut prev_piece: Option<Piece> = None;
    for l in lines {
        span = Some(span.map_or(l.span(), |s| s.cover(l.span())));
        let t = l.trimmed();
        let offs: Vec<(usize, &str)> = word_offsets(t).collect();
        let ws: Vec<&str> = offs.iter().map(|&(_, w)| w).collect();
        // cut the line where a new piece starts
        let mut cuts: Vec<(usize, Piece, usize)> = Vec::new();
        let mut k = 0;
        while k < ws.len() {
            match piece_at(&ws[k..]) {
                Some((p, n)) if k == 0 || p != Piece::Agency && p != Piece::Government => {
                    cuts.push((k, p, n));
                    k += n;
                }
                _ => k += 1,
            }
        }
        if cuts.first().is_none_or(|c| c.0 != 0) {
            // a line without a leading keyword continues the agency name or is the city
            let piece = if city_line(t)
                && prev_piece != Some(Piece::Government)
                && !agency.is_empty()
                && prev_piece != Some(Piece::Agency)
            {
                Piece::Postal
            } else if prev_piece == Some(Piece::Agency)
                && is_mostly_upper(t)
                && !city_line_with_code(t)
            {
                Piece::Agency
            } else {
                Piece::Postal
            };
            cuts.insert(0, (0, piece, 0));
        }
        for (c, &(k, piece, n)) in cuts.iter().enumerate() {
            let start = offs.get(k).map(|&(a, _)| a).unwrap_or(t.len());
            let value_start = if n == 0 {
                start
            } else {
                offs.get(k + n - 1)
                    .map(|&(a, w)| a + w.len())
                    .unwrap_or(t.len())
            };
            let end = cuts
                .get(c + 1)
                .and_then(|&(k2, _, _)| offs.get(k2).map(|&(a, _)| a))
                .unwrap_or(t.len());
            let whole = t[start..end].trim();
            let value = t[value_start.min(end)..end]
                .trim()
                .trim_start_matches([':', '.'])
                .trim()
                .trim_end_matches([';', ',', '/'])
                .trim();
            match piece {
                Piece::Government => {
                    if inst.pemerintah.is_none() {
                        inst.pemerintah = Some(title_case(&markup::clean(whole)));
                    }
                }
                // an agency's name is written in capitals; `Kecamatan Tanah Grogot, …`
                // in mixed case is part of an address
                Piece::Agency if is_mostly_upper(whole) => agency.push(whole.to_string()),
                Piece::Agency => {}
                Piece::Address => {
                    let (addr, code) = split_postcode(whole);
                    // "Jalan … Nomor 5 Pontianak, Kalimantan Barat 78116": with a postcode,
                    // the words after the house number name the city
                    let (addr, city) = match code {
                        Some(_) => split_city(addr),
                        None => (addr, None),
                    };
                    if inst.alamat.is_none() {
                        inst.alamat = markup::clean_opt(addr);
                    }
                    if inst.kota.is_none() {
                        inst.kota = city.map(|c| title_case(&c));
                    }
                    if inst.kode_pos.is_none() {
                        inst.kode_pos = code;
                    }
                }
                Piece::Phone => inst.telepon.extend(numbers(value)),
                Piece::Fax => inst.faks.extend(numbers(value)),
                Piece::Website => {
                    if inst.laman.is_none() {
                        inst.laman = first_token(value);
                    }
                }
                Piece::Email => {
                    if inst.email.is_none() {
                        inst.email = first_token(value).filter(|e| e.contains('@'));
                    }
                }
                Piece::Postal => {
                    let (place, code) = split_postcode(whole);
                    let place = place
                        .trim()
                        .trim_end_matches(|c: char| !c.is_alphanumeric())
                        .trim();
                    let kode_pos_word = grammar()
                        .letterhead
                        .postal
                        .iter()
                        .any(|p| p.is_prefix_of(words(whole)));
                    if inst.kode_pos.is_none() {
                        inst.kode_pos = code;
                    }
                    if !kode_pos_word
                        && inst.kota.is_none()
                        && !place.is_empty()
                        && city_line(place)
                    {
                        inst.kota = Some(title_case(place));
                    }
                }
            }
            prev_piece = Some(piece);
        }
    }
    if !agency.is_empty() {
        inst.nama = Some(title_case(&markup::clean(&agency.join(" "))));
    }
    // the same number written in two address lines is one number
    for list in [&mut inst.telepon, &mut inst.faks] {
        let mut seen = std::collections::HashSet::new();
        list.retain(|n| seen.insert(n.clone()));
    }
    let region_src = inst.pemerintah.clone().or_else(|| inst.nama.clone());
    inst.wilayah = region_src.as_deref().and_then(region);
    // "BADAN … KABUPATEN PASER": the region is not part of the agency's name
    if let (Some(nama), Some(w)) = (&inst.nama, &inst.wilayah) {
        inst.nama = Some(strip_region(nama, w));
    }
    inst.span = span;
    inst
}

fn city_line_with_code(t: &str) -> bool {
    words(t).any(|w| w.len() == 5 && w.bytes().all(|b| b.is_ascii_digit()))
}

/// Splits a trailing five-digit postcode off a text.
fn split_postcode(s: &str) -> (&str, Option<String>) {
    let t = s.trim_end().trim_end_matches(['.', ',']);
    if let Some((before, last)) = t.rsplit_once(' ')
        && last.len() == 5
        && last.bytes().all(|b| b.is_ascii_digit())
    {
        let before = before.trim_end();
        // "Kode Pos 76251"
        let before = strip_suffix_ci(before, "Kode Pos").unwrap_or(before);
        return (before.trim_end_matches([',', ' ']), Some(last.to_string()));
    }
    (t, None)
}

/// Splits `Jalan Sutan Syahrir Nomor 5 Pontianak, Kalimantan Barat` into the
/// street (up to the house number) and the city: one to three capitalised
/// words after the last number, before a comma or the end.
fn split_city(addr: &str) -> (&str, Option<String>) {
    let main = addr.split(',').next().unwrap_or(addr);
    let offs: Vec<(usize, &str)> = word_offsets(main).collect();
    let Some(k) = offs
        .iter()
        .rposition(|(_, w)| w.bytes().any(|b| b.is_ascii_digit()))
    else {
        return (addr, None);
    };
    let tail = &offs[k + 1..];
    let capitalised = tail.iter().all(|(_, w)| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
    });
    if tail.is_empty() || tail.len() > 3 || !capitalised {
        return (addr, None);
    }
    let end = offs[k].0 + offs[k].1.len();
    (&addr[..end], Some(main[tail[0].0..].trim().to_string()))
}

fn strip_suffix_ci<'t>(s: &'t str, suffix: &str) -> Option<&'t str> {
    let n = suffix.len();
    (s.len() >= n
        && s.is_char_boundary(s.len() - n)
        && s[s.len() - n..].eq_ignore_ascii_case(suffix))
    .then(|| &s[..s.len() - n])
}

fn first_token(s: &str) -> Option<String> {
    let t = s.split_whitespace().next()?;
    let t = t.trim_end_matches(['.', ',', ';']);
    (!t.is_empty()).then(|| t.to_string())
}

/// `(0561) 732771, 739684` → `["(0561) 732771", "(0561) 739684"]`: the area
/// code written once applies to the numbers after it.
fn numbers(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut area: Option<String> = None;
    for part in s.split([',', '/', ';']) {
        let p = part.trim().trim_end_matches('.');
        if p.is_empty() || !p.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        // stop at words: "732690 Website" is handled by the caller's cut
        let p: String = p
            .chars()
            .take_while(|c| c.is_ascii_digit() || matches!(c, '(' | ')' | ' ' | '-' | '+' | '.'))
            .collect();
        let p = p.trim().to_string();
        if p.is_empty() {
            continue;
        }
        if let Some(close) = p.find(')') {
            area = Some(p[..=close].to_string());
            out.push(p);
        } else if let Some(a) = &area {
            if p.len() <= 8 {
                out.push(format!("{a} {p}"));
            } else {
                out.push(p);
            }
        } else {
            out.push(p);
        }
    }
    out
}

// --- regions and agencies ------------------------------------------------------------

/// The first region named in a text: `KABUPATEN KAPUAS HULU` → kabupaten "Kapuas Hulu".
///
/// ```text
/// region = ( "PROVINSI" | "KABUPATEN" | "KAB" | "KOTA" ) name-word [ name-word [ name-word ] ] ;
/// ```
/// The name stops at a stop word (TAHUN, NOMOR, KEPALA, an agency word …), a
/// number, or punctuation other than a space.
pub fn region(text: &str) -> Option<Wilayah> {
    let g = grammar();
    let offs: Vec<(usize, &str)> = word_offsets(text).collect();
    let ws: Vec<&str> = offs.iter().map(|&(_, w)| w).collect();
    let stop = |w: &str| {
        let u = w.to_uppercase();
        matches!(
            u.as_str(),
            "TAHUN"
                | "NOMOR"
                | "NO"
                | "PERIODE"
                | "TENTANG"
                | "KEPALA"
                | "PADA"
                | "DAN"
                | "DI"
                | "YANG"
                | "SEKRETARIS"
                | "INDIKATOR"
                | "ESELON"
                | "NIP"
        ) || w.bytes().all(|b| b.is_ascii_digit())
            || g.region(std::iter::once(w)).is_some()
            || piece_at(&[w]).is_some()
    };
    for k in 0..ws.len() {
        let Some((tingkat, n)) = g.region(ws[k..].iter().copied()) else {
            continue;
        };
        // "Kota" inside an address ("Kota Pontianak") is still a region; "Kab." needs a name after it
        let mut name = Vec::new();
        let mut j = k + n;
        while j < ws.len() && name.len() < 3 && !stop(ws[j]) {
            // words must be adjacent: only spaces (or a dot after "Kab.") between them
            let gap_start = offs[j - 1].0 + ws[j - 1].len();
            let gap = &text[gap_start..offs[j].0];
            if !gap.chars().all(|c| c == ' ' || c == '.') {
                break;
            }
            if !ws[j].chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            name.push(ws[j]);
            j += 1;
        }
        if name.is_empty() {
            continue;
        }
        let tingkat = match tingkat {
            crate::grammar::Tingkat::Provinsi => Tingkat::Provinsi,
            crate::grammar::Tingkat::Kabupaten => Tingkat::Kabupaten,
            crate::grammar::Tingkat::Kota => Tingkat::Kota,
        };
        return Some(Wilayah {
            tingkat,
            nama: title_case(&name.join(" ").to_uppercase()),
        });
    }
    None
}

/// Removes the region from the end of an agency name.
fn strip_region(nama: &str, w: &Wilayah) -> String {
    let ws: Vec<(usize, &str)> = word_offsets(nama).collect();
    for (k, &(at, _)) in ws.iter().enumerate() {
        let rest: Vec<&str> = ws[k..].iter().map(|&(_, w)| w).collect();
        if grammar().region(rest.iter().copied()).is_some()
            && let Some(r) = region(&nama[at..])
            && r == *w
            && k > 0
        {
            return markup::clean(&nama[..at]);
        }
    }
    nama.to_string()
}

/// The agency named in a title or an official's title:
/// `KEPALA DINAS KOPERASI DAN UKM KABUPATEN BANGGAI` → `Dinas Koperasi dan UKM`.
pub fn agency(text: &str) -> Option<String> {
    let lh = &grammar().letterhead;
    let offs: Vec<(usize, &str)> = word_offsets(text).collect();
    let ws: Vec<&str> = offs.iter().map(|&(_, w)| w).collect();
    let k = (0..ws.len()).find(|&k| {
        lh.agency
            .iter()
            .any(|p| p.is_prefix_of(ws[k..].iter().copied()))
    })?;
    let start = offs[k].0;
    let mut end = text.len();
    // up to the region, the year or the end
    for j in k + 1..ws.len() {
        let u = ws[j].to_uppercase();
        if grammar().region(ws[j..].iter().copied()).is_some()
            || matches!(
                u.as_str(),
                "TAHUN" | "NOMOR" | "PERIODE" | "TENTANG" | "ESELON"
            )
            || ws[j].bytes().all(|b| b.is_ascii_digit())
        {
            end = offs[j].0;
            break;
        }
    }
    let name = markup::clean(&text[start..end]);
    let name = name.trim_end_matches(['(', ',']).trim().to_string();
    (words(&name).count() >= 2).then(|| title_case(&name))
}

// --- header ------------------------------------------------------------------------------

fn find_word(text: &str, phrases: &[Phrase]) -> Option<(usize, usize)> {
    let offs: Vec<(usize, &str)> = word_offsets(text).collect();
    for k in 0..offs.len() {
        let rest = offs[k..].iter().map(|&(_, w)| w);
        if let Some(p) = phrases
            .iter()
            .filter(|p| p.is_prefix_of(rest.clone()))
            .max_by_key(|p| p.len())
        {
            let last = &offs[k + p.len() - 1];
            return Some((offs[k].0, last.0 + last.1.len()));
        }
    }
    None
}

/// A decree number: up to `TAHUN`, `TENTANG` or the end; slots (`188/ /KEP`) kept.
fn split_number(s: &str) -> (String, Option<i32>, Option<usize>) {
    let d = &grammar().decree;
    let s = s.trim_start().trim_start_matches(':').trim_start();
    let tahun_at = find_word(s, &d.tahun);
    let tentang_at = find_word(s, &d.tentang);
    let end = [tahun_at.map(|t| t.0), tentang_at.map(|t| t.0)]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(s.len());
    let number = s[..end]
        .trim()
        .trim_end_matches([',', ';'])
        .trim()
        .to_string();
    let tahun = tahun_at.and_then(|(_, e)| {
        words(&s[e..])
            .next()
            .and_then(|w| w.parse::<i32>().ok())
            .filter(|y| (1900..=2100).contains(y))
    });
    (number, tahun, tentang_at.map(|t| t.0))
}

/// The last four-digit year in a number (`188/ /KEP/429.115/2016` → 2016).
pub fn year_in_number(n: &str) -> Option<i32> {
    n.split(|c: char| !c.is_ascii_digit())
        .filter(|p| p.len() == 4)
        .filter_map(|p| p.parse::<i32>().ok())
        .rfind(|y| (1945..=2100).contains(y))
}

/// `header` (see the module grammar).
pub fn header<'s, 'a>(i: In<'s, 'a>, diags: &mut Diagnostics) -> Res<'s, 'a, Header> {
    let g = grammar();
    let d = &g.decree;
    let Some(first) = i.first() else {
        return fail(i);
    };
    let Some(kend) = starts_with_any(&first.text, &d.keputusan) else {
        return fail(i);
    };
    // the rest of the KEPUTUSAN line must be the official's title, not a sentence
    let after = first.text[kend..].trim();
    if !after.is_empty() && !is_mostly_upper(after) {
        return fail(i);
    }
    let mut pejabat = String::new();
    let mut n = 0; // lines consumed
    let mut text = after.to_string();
    let mut span = first.span();
    // official's title lines up to NOMOR
    let nomor_pos;
    loop {
        if let Some((s, e)) =
            find_word(&text, &d.nomor).filter(|&(s, _)| s == 0 || text[..s].ends_with(' '))
        {
            pejabat.push_str(text[..s].trim());
            nomor_pos = Some(e);
            break;
        }
        pejabat.push(' ');
        pejabat.push_str(text.trim());
        n += 1;
        match i.get(n) {
            Some(l) if !l.is_blank() && l.is_mostly_upper() && n <= 4 => {
                span = span.cover(l.span());
                text = l.trimmed().to_string();
            }
            _ => return fail(i),
        }
    }
    let nomor_pos = nomor_pos.unwrap_or(0);
    let mut number_text = text[nomor_pos..].trim().to_string();
    n += 1;
    // a number split over two lines: "NOMOR : 188/" + "/KEP/429.115/2016 TENTANG"
    if number_text.ends_with('/')
        && let Some(next) = i.get(n).filter(|l| {
            l.trimmed().starts_with('/') || l.trimmed().starts_with(|c: char| c.is_ascii_digit())
        })
    {
        diags.at(
            Code::DecreeNumberJoined,
            span.cover(next.span()),
            format!(
                "decree number `{}` continued on the next line with `{}`",
                number_text.trim(),
                next.trimmed()
            ),
        );
        number_text = format!("{} {}", number_text.trim(), next.trimmed());
        span = span.cover(next.span());
        n += 1;
    }
    let (nomor, mut tahun, tentang_in_line) = split_number(&number_text);
    let nomor = (!nomor.is_empty()).then_some(nomor);
    if tahun.is_none()
        && let Some(y) = nomor.as_deref().and_then(year_in_number)
    {
        diags.at(
            Code::DecreeYearFromNumber,
            span,
            format!(
                "year {y} taken from the number `{}`",
                nomor.as_deref().unwrap_or("")
            ),
        );
        tahun = Some(y);
    }
    // TENTANG: on the number line, or on a line of its own
    let mut tentang_text: Vec<String> = Vec::new();
    let mut tentang_spans: Vec<Span> = Vec::new();
    let rest_of_number_line = tentang_in_line.map(|p| {
        let s = number_text
            .trim_start()
            .trim_start_matches(':')
            .trim_start();
        let after = &s[p..];
        let e = find_word(after, &d.tentang).map(|t| t.1).unwrap_or(0);
        after[e..].trim().trim_start_matches(':').trim().to_string()
    });
    if let Some(r) = rest_of_number_line {
        if !r.is_empty() {
            tentang_text.push(r);
        }
    } else {
        let (j, _) = blanks(i.take_from(n))?;
        let Some(l) = j.first() else { return fail(i) };
        let Some(v) = after_label(&l.text, &d.tentang) else {
            return fail(i);
        };
        n = i.len() - j.len() + 1;
        span = span.cover(l.span());
        if !v.is_empty() {
            tentang_text.push(v.to_string());
            tentang_spans.push(l.span());
        }
    }
    // the subject: up to a blank line, the repeated title, DENGAN RAHMAT or Menimbang
    let pejabat_clean = markup::clean(&pejabat);
    let mut headings = Vec::new();
    if tentang_text.is_empty() {
        let (j, _) = blanks(i.take_from(n))?;
        n = i.len() - j.len();
    }
    while let Some(l) = i.get(n) {
        if l.is_blank()
            || keyword(l).is_some_and(|k| matches!(k, Keyword::Considering(_)))
            || starts_with_any(&l.text, &d.rahmat).is_some()
            || repeats_title(l.trimmed(), &pejabat_clean)
            || !matches!(l.kind, Kind::Text | Kind::Heading { .. })
        {
            break;
        }
        tentang_text.push(l.trimmed().to_string());
        tentang_spans.push(l.span());
        span = span.cover(l.span());
        n += 1;
    }
    // the repeated title inside a collapsed subject line
    let mut joined = tentang_text.join(" ");
    if let Some(cut) = find_phrase(&joined, &pejabat_clean).filter(|&c| c > 0) {
        joined.truncate(cut);
    }
    // repeated title, DENGAN RAHMAT …, repeated title
    loop {
        let (j, _) = blanks(i.take_from(n))?;
        let Some(l) = j.first() else { break };
        let at = i.len() - j.len();
        if starts_with_any(&l.text, &d.rahmat).is_some()
            || repeats_title(l.trimmed(), &pejabat_clean)
        {
            let mut k = at + 1;
            let mut s = l.span();
            // a title over several lines
            while let Some(m) = i.get(k) {
                if m.is_blank()
                    || keyword(m).is_some()
                    || !m.is_mostly_upper()
                    || !matches!(m.kind, Kind::Text)
                {
                    break;
                }
                s = s.cover(m.span());
                k += 1;
            }
            headings.push(s);
            span = span.cover(s);
            n = k;
        } else {
            break;
        }
    }
    let tentang = markup::clean_opt(&joined).map(|t| title_case(&t));
    Ok((
        i.take_from(n),
        Header {
            pejabat: markup::clean_opt(&pejabat).map(|p| title_case(&p)),
            nomor,
            tahun,
            tentang,
            tentang_lines: tentang_text,
            span,
            headings,
        },
    ))
}

/// True when a line starts like the official's title (`KEPALA DINAS …`).
fn repeats_title(line: &str, pejabat: &str) -> bool {
    let a: Vec<String> = words(line).take(3).map(|w| w.to_uppercase()).collect();
    let b: Vec<String> = words(pejabat).take(3).map(|w| w.to_uppercase()).collect();
    a.len() >= 2 && b.len() >= 2 && a == b[..a.len().min(b.len())] && is_mostly_upper(line)
}

/// Byte offset of the first place where `phrase`'s first three words occur in `text` (word-aligned).
fn find_phrase(text: &str, phrase: &str) -> Option<usize> {
    let p: Vec<String> = words(phrase).take(3).map(|w| w.to_uppercase()).collect();
    if p.len() < 2 {
        return None;
    }
    let offs: Vec<(usize, &str)> = word_offsets(text).collect();
    (0..offs.len()).find_map(|k| {
        let ok = p.iter().enumerate().all(|(m, pw)| {
            offs.get(k + m)
                .is_some_and(|(_, w)| w.eq_ignore_ascii_case(pw))
        });
        ok.then_some(offs[k].0)
    })
}

// --- considerations, diktum ---------------------------------------------------------------

/// An item with its cleaned text; its citations are read by [`items_after`], once the
/// item's continuation lines are known.
fn butir(label: Option<String>, text: &str, span: Span) -> Option<Butir> {
    let teks = markup::clean(text);
    if teks.is_empty() {
        return None;
    }
    Some(Butir {
        label,
        teks,
        rujukan: Vec::new(),
        span,
    })
}

/// Splits `a. text` into its label and text.
fn item_parts(v: &str) -> (Option<String>, &str) {
    match crate::lines::classify(v) {
        Kind::Item {
            label: Some(r),
            text,
        } => (Some(v[r].to_string()), &v[text]),
        Kind::Item { label: None, text } => (None, &v[text]),
        _ => (None, v),
    }
}

/// Items after a label: `item | colon-line | continuation`, across blank lines.
/// Stops at another keyword, a heading, a row or a position label.
fn items_after<'s, 'a>(
    i: In<'s, 'a>,
    mut n: usize,
    items: &mut Vec<Butir>,
    span: &mut Span,
    with_citations: bool,
) -> usize {
    let mut continued = super::prim::Continued::default();
    loop {
        let mut k = n;
        let mut blank = 0;
        while i.get(k).is_some_and(Line::is_blank) {
            k += 1;
            blank += 1;
        }
        let Some(l) = i.get(k) else { break };
        if keyword(l).is_some() {
            break;
        }
        match &l.kind {
            Kind::Item { label, text } => {
                let lab = label.as_ref().map(|r| l.slice(r).to_string());
                if let Some(b) = butir(lab, l.slice(text), l.span()) {
                    items.push(b);
                }
            }
            Kind::Colon { value } if items.is_empty() => {
                let (lab, t) = item_parts(l.slice(value));
                if let Some(b) = butir(lab, t, l.span()) {
                    items.push(b);
                }
            }
            Kind::Text if blank == 0 && !items.is_empty() => {
                // a continuation of the item above
                continued.append(items, l);
            }
            _ => break,
        }
        *span = span.cover(l.span());
        n = k + 1;
    }
    continued.finish(items);
    if with_citations {
        // every item's citations, read once from its whole text (continuations included);
        // this also covers the items pushed before the call
        for b in items.iter_mut() {
            b.rujukan = values::rujukan::find_all(&b.teks);
        }
    }
    n
}

/// `considerations` (see the module grammar).
pub fn considerations<'s, 'a>(i: In<'s, 'a>) -> Res<'s, 'a, Considerations> {
    let Some(first) = i.first() else {
        return fail(i);
    };
    let Some(Keyword::Considering(kind)) = keyword(first) else {
        return fail(i);
    };
    let d = &grammar().decree;
    let phrases = match kind {
        Considering::Menimbang => &d.menimbang,
        Considering::Mengingat => &d.mengingat,
        Considering::Memperhatikan => &d.memperhatikan,
    };
    let v = after_label(&first.text, phrases).unwrap_or("");
    let mut items = Vec::new();
    let mut span = first.span();
    let (lab, t) = item_parts(v);
    if let Some(b) = butir(lab, t, first.span()) {
        items.push(b);
    }
    let n = items_after(i, 1, &mut items, &mut span, true);
    crate::blocks::position::check_sequence(&items, &mut Diagnostics::default());
    Ok((i.take_from(n), Considerations { kind, items, span }))
}

/// `decide = "MEMUTUSKAN" [":"] | "Menetapkan" [":" [text]]` — headings (furniture).
pub fn decide<'s, 'a>(i: In<'s, 'a>) -> Res<'s, 'a, Span> {
    match i.first() {
        Some(l) if keyword(l) == Some(Keyword::Decide) => Ok((i.take_from(1), l.span())),
        _ => fail(i),
    }
}

/// `diktum` (see the module grammar).
pub fn diktum<'s, 'a>(i: In<'s, 'a>) -> Res<'s, 'a, Diktum> {
    let g = grammar();
    let Some(first) = i.first() else {
        return fail(i);
    };
    if keyword(first) != Some(Keyword::Diktum) {
        return fail(i);
    }
    let lead = crate::lines::skip_bullet_pub(&first.text);
    let body = &first.text[lead..];
    let ws: Vec<&str> = words(body).collect();
    let Some((urutan, n_words)) = g.ordinal(ws.iter().copied()) else {
        return fail(i);
    };
    let offs: Vec<(usize, &str)> = word_offsets(body).collect();
    let end = offs
        .get(n_words - 1)
        .map(|&(a, w)| a + w.len())
        .unwrap_or(body.len());
    let rest = body[end..].trim_start();
    // "KESATU : …", "KESATU\n: …"; a sentence that merely starts with "Kesatu" is not a diktum
    let mut span = first.span();
    let mut n = 1;
    let mut teks = None;
    if let Some(v) = rest.strip_prefix(':') {
        teks = markup::clean_opt(v);
    } else if rest.is_empty() {
        let (j, _) = blanks(i.take_from(1))?;
        if let Some(l) = j.first()
            && let Kind::Colon { value } = &l.kind
        {
            teks = markup::clean_opt(l.slice(value));
            span = span.cover(l.span());
            n = i.len() - j.len() + 1;
        }
    } else {
        return fail(i);
    }
    let label = g.ordinal_label(urutan, &ws[..n_words]);
    let mut butir_list = Vec::new();
    let n = items_after(i, n, &mut butir_list, &mut span, false);
    Ok((
        i.take_from(n),
        Diktum {
            label,
            urutan,
            teks,
            butir: butir_list,
            span,
        },
    ))
}

// --- ditetapkan, tembusan ----------------------------------------------------------------

/// `ditetapkan` (see the module grammar).
pub fn ditetapkan<'s, 'a>(i: In<'s, 'a>, diags: &mut Diagnostics) -> Res<'s, 'a, Ditetapkan> {
    let d = &grammar().decree;
    let Some(first) = i.first() else {
        return fail(i);
    };
    let Some(v) = after_label(&first.text, &d.ditetapkan) else {
        return fail(i);
    };
    let mut span = first.span();
    // "di : Pontianak", ": di Putussibau", "di Pontianak pada tanggal 2 Januari 2024"
    let v = v.trim();
    let v = strip_word(v, "di")
        .trim_start()
        .trim_start_matches(':')
        .trim();
    let v = strip_word(v, "di").trim();
    let (place, mut date_text) = match find_word(v, &d.tanggal) {
        Some((s, e)) => (
            v[..s].trim(),
            Some(v[e..].trim().trim_start_matches(':').trim().to_string()),
        ),
        None => (v, None),
    };
    let mut n = 1;
    if date_text.is_none()
        && let Ok((j, _)) = blanks(i.take_from(1))
        && let Some(l) = j.first()
        && let Some(t) = after_label(&l.text, &d.tanggal)
    {
        date_text = Some(t.to_string());
        span = span.cover(l.span());
        n = i.len() - j.len() + 1;
    }
    let tempat = markup::clean_opt(place.trim_end_matches([',', ';'])).map(|p| title_case(&p));
    let tanggal_teks = date_text.as_deref().and_then(markup::clean_opt);
    let tanggal = tanggal_teks
        .as_deref()
        .and_then(|t| values::tanggal::parse(t, span, diags));
    Ok((
        i.take_from(n),
        Ditetapkan {
            tempat,
            tanggal,
            tanggal_teks,
            span,
        },
    ))
}

fn strip_word<'t>(s: &'t str, w: &str) -> &'t str {
    match s.get(..w.len()) {
        Some(p) if p.eq_ignore_ascii_case(w) && s[w.len()..].starts_with([' ', ':']) => {
            &s[w.len()..]
        }
        _ => s,
    }
}

/// `tembusan` (see the module grammar).
pub fn tembusan<'s, 'a>(i: In<'s, 'a>) -> Res<'s, 'a, Tembusan> {
    let d = &grammar().decree;
    let Some(first) = i.first() else {
        return fail(i);
    };
    let Some(v) = after_label(&first.text, &d.tembusan) else {
        return fail(i);
    };
    // "Tembusan disampaikan kepada Yth :" — words before the colon are part of the label
    let v =
        v.rsplit_once(':')
            .map(|(_, r)| r)
            .unwrap_or(if v.contains(|c: char| c.is_ascii_digit()) {
                v
            } else {
                ""
            });
    let mut items = Vec::new();
    let mut span = first.span();
    let (lab, t) = item_parts(v.trim());
    if let Some(b) = butir(lab, t, first.span()) {
        items.push(b);
    }
    let n = items_after(i, 1, &mut items, &mut span, false);
    let items = items
        .into_iter()
        .map(|b| strip_yth(&b.teks))
        .filter(|s| !s.is_empty())
        .collect();
    Ok((i.take_from(n), Tembusan { items, span }))
}

fn strip_yth(s: &str) -> String {
    let t = s.trim();
    for p in ["Yth.", "Yth", "YTH.", "YTH"] {
        if let Some(r) = t.strip_prefix(p)
            && (r.starts_with([' ', ':']) || r.is_empty())
        {
            return markup::clean(r.trim_start_matches(':'));
        }
    }
    t.to_string()
}

// --- lampiran ------------------------------------------------------------------------------

/// `lampiran` (see the module grammar).
pub fn lampiran<'s, 'a>(i: In<'s, 'a>) -> Res<'s, 'a, LampiranHeader> {
    let g = grammar();
    let d = &g.decree;
    let Some(first) = i.first() else {
        return fail(i);
    };
    let Some(v) = after_label(&first.text, &d.lampiran) else {
        return fail(i);
    };
    let mut span = first.span();
    // "LAMPIRAN : I", "LAMPIRAN II", "Lampiran Keputusan …"
    let (label, mut reference) = match v.split_whitespace().next() {
        Some(w) if is_roman(w.trim_end_matches(['.', ':'])) => {
            let w2 = w.trim_end_matches(['.', ':']);
            (Some(w2.to_string()), v[w.len()..].trim().to_string())
        }
        _ => (None, v.to_string()),
    };
    let mut n = 1;
    let mut nomor = None;
    let mut nomor_blank = None;
    // the reference line being read
    let mut ref_span = first.span();
    let mut tahun = None;
    let mut tentang_lines: Vec<String> = Vec::new();
    let mut tentang_span: Option<Span> = None;
    // reference lines: KEPUTUSAN …, NOMOR …, TANGGAL …, TENTANG …
    loop {
        if let Some((_, e)) = find_word(&reference, &d.nomor)
            .filter(|&(s, _)| s == 0 || reference[..s].ends_with(' '))
        {
            let (num, y, tent) = split_number(&reference[e..]);
            let num = num.trim_start_matches(':').trim().to_string();
            if !num.is_empty() && nomor.is_none() && !num.eq_ignore_ascii_case("tahun") {
                nomor = Some(num);
            } else if nomor.is_none() {
                nomor_blank = Some(ref_span);
            }
            if tahun.is_none() {
                tahun = y;
            }
            if let Some(p) = tent {
                let after = &reference[e..];
                let s = after.trim_start().trim_start_matches(':').trim_start();
                let rest = &s[p..];
                let te = find_word(rest, &d.tentang).map(|t| t.1).unwrap_or(0);
                let r = rest[te..].trim().trim_start_matches(':').trim();
                if !r.is_empty() {
                    tentang_lines.push(r.to_string());
                }
            }
        } else if let Some(r) = after_label(&reference, &d.tentang) {
            if !r.is_empty() {
                tentang_lines.push(r.to_string());
            }
            break;
        }
        // next reference line
        let (j, _) = blanks(i.take_from(n))?;
        let Some(l) = j.first() else { break };
        let t = l.trimmed();
        let is_ref = starts_with_any(t, &d.keputusan).is_some()
            || starts_with_any(t, &d.nomor).is_some()
            || starts_with_any(t, &d.tentang).is_some()
            || starts_with_any(t, &d.tanggal).is_some();
        if !is_ref || !matches!(l.kind, Kind::Text | Kind::Item { label: None, .. }) {
            break;
        }
        span = span.cover(l.span());
        ref_span = l.span();
        n = i.len() - j.len() + 1;
        reference = t.to_string();
        if starts_with_any(t, &d.tentang).is_some() {
            let r = after_label(t, &d.tentang).unwrap_or("");
            if !r.is_empty() {
                tentang_lines.push(r.to_string());
            }
            break;
        }
    }
    // the subject block: title-like lines after TENTANG (a blank line may come first)
    if let Ok((j, _)) = blanks(i.take_from(n)) {
        let mut k = i.len() - j.len();
        let start_k = k;
        while let Some(l) = i.get(k) {
            let heading_again = matches!(l.kind, Kind::Heading { .. })
                && tentang_lines
                    .iter()
                    .any(|t| crate::lines::heading(t).is_some());
            if l.is_blank()
                || !matches!(l.kind, Kind::Text | Kind::Heading { .. })
                || !l.is_mostly_upper()
                || heading_again
            {
                break;
            }
            tentang_lines.push(l.trimmed().to_string());
            let s = l.span();
            tentang_span = Some(tentang_span.map_or(s, |t| t.cover(s)));
            k += 1;
        }
        if k > start_k {
            n = k;
        }
    }
    if let Some(s) = tentang_span {
        span = span.cover(s);
    }
    let tentang = markup::clean_opt(&tentang_lines.join(" ")).map(|t| title_case(&t));
    if tahun.is_none() {
        tahun = nomor.as_deref().and_then(year_in_number);
    }
    // a blank Nomor line counts only when no number was read at all
    let nomor_blank = nomor_blank.filter(|_| nomor.is_none());
    Ok((
        i.take_from(n),
        LampiranHeader {
            lampiran: Lampiran {
                label,
                nomor,
                tahun,
                tentang,
                span,
            },
            tentang_lines,
            tentang_span,
            nomor_blank,
        },
    ))
}

fn is_roman(w: &str) -> bool {
    !w.is_empty() && w.len() <= 5 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// The first non-blank line, for callers that look ahead.
pub fn peek<'s, 'a>(i: In<'s, 'a>) -> Option<&'s Line<'a>> {
    first_nonblank(i).map(|(_, l)| l)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::Lines;

    fn ls(src: &str) -> Vec<Line<'static>> {
        let lines = crate::lines::normalized_lines(src);
        crate::layout::recover(lines, &[], &mut Diagnostics::default()).lines
    }

    #[test]
    fn kapuas_header() {
        let l = ls(
            "KEPUTUSAN\nKEPALA DINAS KOPERASI UKM DAN PERDAGANGAN\nKABUPATEN KAPUAS HULU\nNOMOR 15 TAHUN 2018\nTENTANG\nINDIKATOR KINERJA INDIVIDU (IKI)\nDINAS KOPERASI USAHA KECIL MENENGAH DAN PERDAGANGAN\nKABUPATEN KAPUAS HULU\nKEPALA DINAS KOPERASI UKM DAN PERDAGANGAN .\nKABUPATEN KAPUAS HULU,\n\n- Menimbang : a. bahwa",
        );
        let mut d = Diagnostics::default();
        let (rest, h) = header(Lines::new(&l), &mut d).unwrap();
        assert_eq!(
            h.pejabat.as_deref(),
            Some("Kepala Dinas Koperasi UKM dan Perdagangan Kabupaten Kapuas Hulu")
        );
        assert_eq!(h.nomor.as_deref(), Some("15"));
        assert_eq!(h.tahun, Some(2018));
        assert_eq!(
            h.tentang.as_deref(),
            Some(
                "Indikator Kinerja Individu (IKI) Dinas Koperasi Usaha Kecil Menengah dan Perdagangan Kabupaten Kapuas Hulu"
            )
        );
        assert_eq!(h.headings, [Span::new(9, 10)]);
        assert_eq!(rest.len(), 2);
    }

    #[test]
    fn kalbar_header_letter_spaced_tentang() {
        let l = ls(
            "KEPUTUSAN KEPALA DINAS KOPERASI, USAHA KECIL DAN MENENGAH\nPROVINSI KALIMANTAN BARAT\nNOMOR : 17 TAHUN 2024\n\nT E N T A N G\n\nPENETAPAN INDIKATOR KINERJA UTAMA\nDINAS KOPERASI, USAHA KECIL DAN MENENGAH\nPROVINSI KALIMANTAN BARAT\n\nKEPALA DINAS KOPERASI, USAHA KECIL DAN MENENGAH\nPROVINSI KALIMANTAN BARAT\n\n- Menimbang : a. bahwa",
        );
        let mut d = Diagnostics::default();
        let (_, h) = header(Lines::new(&l), &mut d).unwrap();
        assert_eq!(
            h.pejabat.as_deref(),
            Some("Kepala Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat")
        );
        assert_eq!((h.nomor.as_deref(), h.tahun), (Some("17"), Some(2024)));
        assert_eq!(
            h.tentang.as_deref(),
            Some(
                "Penetapan Indikator Kinerja Utama Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat"
            )
        );
        assert_eq!(h.headings, [Span::new(11, 12)]);
    }

    #[test]
    fn split_number_and_year_from_number() {
        let l = ls(
            "KEPUTUSAN KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN BANYUWANGI NOMOR : 188/\n/KEP/429.115/2016 TENTANG\nINDIKATOR KINERJA INDIVIDU PADA DINAS KEPENDUDUKAN KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
        );
        let mut d = Diagnostics::default();
        let (_, h) = header(Lines::new(&l), &mut d).unwrap();
        assert_eq!(h.nomor.as_deref(), Some("188/ /KEP/429.115/2016"));
        assert_eq!(h.tahun, Some(2016));
        assert_eq!(
            h.pejabat.as_deref(),
            Some("Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Banyuwangi")
        );
        assert_eq!(
            h.tentang.as_deref(),
            Some("Indikator Kinerja Individu pada Dinas Kependudukan")
        );
        let codes: Vec<String> = d.finish().into_iter().map(|d| d.code).collect();
        assert_eq!(codes, ["decree-number-joined", "decree-year-from-number"]);
    }

    #[test]
    fn considerations_with_bullets_and_blank_lines() {
        let l = ls(
            "- Mengingat : 1. Undang-Undang Nomor 27 Tahun 1959;\n2. Undang – Undang Nomor 28 Tahun 1999;\n\n3. Undang-Undang Nomor 17 Tahun 2003;\n\nMEMUTUSKAN :",
        );
        let (rest, c) = considerations(Lines::new(&l)).unwrap();
        assert_eq!(c.kind, Considering::Mengingat);
        let labels: Vec<_> = c
            .items
            .iter()
            .map(|b| b.label.clone().unwrap_or_default())
            .collect();
        assert_eq!(labels, ["1", "2", "3"]);
        assert_eq!(c.items[1].teks, "Undang-Undang Nomor 28 Tahun 1999");
        assert_eq!(rest.len(), 2);
    }

    #[test]
    fn continued_items_are_joined_and_their_citations_read_from_the_whole_text() {
        // read without layout recovery, so that the lines stay continuation lines;
        // the `<br>` line cleans to nothing, and leaves no space behind
        let src = "Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014\ntentang   Pemerintahan Daerah, sebagaimana diubah\n<br>\ndengan Undang-Undang Nomor 9 Tahun 2015;\n2. Peraturan Pemerintah Nomor 18 Tahun 2016;\nMEMUTUSKAN :";
        let (c, n) = crate::blocks::prim::read_block(src, considerations).unwrap();
        assert_eq!(n, 5);
        assert_eq!(c.items.len(), 2);
        let first = &c.items[0];
        assert_eq!(
            first.teks,
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah, sebagaimana diubah dengan Undang-Undang Nomor 9 Tahun 2015"
        );
        assert_eq!((first.span.start_line, first.span.end_line), (1, 4));
        // the amendment, on the fourth line, is read with the regulation it amends
        let years: Vec<_> = first.rujukan.iter().map(|r| r.tahun).collect();
        assert_eq!(years, [Some(2014), Some(2015)]);
        // an item on one line has its citation too
        let second: Vec<_> = c.items[1]
            .rujukan
            .iter()
            .map(|r| (r.nomor.as_deref(), r.tahun))
            .collect();
        assert_eq!(second, [(Some("18"), Some(2016))]);
    }

    #[test]
    fn label_on_its_own_line_then_colon_line() {
        let l = ls(
            "Mengingat\n: 1. Peraturan Pemerintah Nomor 5 Tahun 2014; 2. Undang-Undang Nomor 23 Tahun 2014.\nMEMUTUSKAN :",
        );
        let (_, c) = considerations(Lines::new(&l)).unwrap();
        assert_eq!(c.items.len(), 2);
        assert_eq!(c.items[1].label.as_deref(), Some("2"));
    }

    #[test]
    fn diktum_forms() {
        let l = ls(
            "- Kedua : Indikator Kinerja Individu sebagaimana Diktum kesatu bertujuan untuk :\n\n- a. Memberikan Informasi kinerja\n- b. Mengukur pencapaian\n\nKetiga : x",
        );
        let (_, k) = diktum(Lines::new(&l)).unwrap();
        assert_eq!((k.label.as_str(), k.urutan), ("KEDUA", 2));
        assert_eq!(k.butir.len(), 2);
        let l = ls("PERTAMA : Menetapkan Indikator Kinerja Utama");
        assert_eq!(diktum(Lines::new(&l)).unwrap().1.label, "PERTAMA");
        let l = ls("KESATU\n: Indikator Kinerja Individu masing-masing unit kerja");
        let (_, k) = diktum(Lines::new(&l)).unwrap();
        assert_eq!(
            k.teks.as_deref(),
            Some("Indikator Kinerja Individu masing-masing unit kerja")
        );
        let l = ls("Kesatu hal yang penting");
        assert!(diktum(Lines::new(&l)).is_err());
    }

    #[test]
    fn ditetapkan_forms() {
        let mut d = Diagnostics::default();
        let l = ls("Ditetapkan : di Putussibau\n\nPada Tanggal : 02 Mei 2018");
        let (_, t) = ditetapkan(Lines::new(&l), &mut d).unwrap();
        assert_eq!(t.tempat.as_deref(), Some("Putussibau"));
        assert_eq!(t.tanggal_teks.as_deref(), Some("02 Mei 2018"));
        assert_eq!(t.span, Span::new(1, 3));
        let l = ls("Ditetapkan di : Pontianak\nPada Tanggal : 2 Januari 2024");
        let (_, t) = ditetapkan(Lines::new(&l), &mut d).unwrap();
        assert_eq!(t.tempat.as_deref(), Some("Pontianak"));
        let l = ls("Ditetapkan di Banyuwangi pada tanggal 2 Januari 2016");
        let (_, t) = ditetapkan(Lines::new(&l), &mut d).unwrap();
        assert_eq!(
            (t.tempat.as_deref(), t.tanggal_teks.as_deref()),
            (Some("Banyuwangi"), Some("2 Januari 2016"))
        );
    }

    #[test]
    fn tembusan_items() {
        let l = ls(
            "Tembusan :\n\n1. Inspektur Provinsi Kalimantan Barat\n2. Kepala BAPPEDA Provinsi Kalimantan Barat\n3. Kepala Biro Organisasi Setda Provinsi Kalimantan Barat\n\nLampiran Keputusan",
        );
        let (_, t) = tembusan(Lines::new(&l)).unwrap();
        assert_eq!(
            t.items,
            [
                "Inspektur Provinsi Kalimantan Barat",
                "Kepala BAPPEDA Provinsi Kalimantan Barat",
                "Kepala Biro Organisasi Setda Provinsi Kalimantan Barat"
            ]
        );
    }

    #[test]
    fn lampiran_headers() {
        let l = ls(
            "LAMPIRAN : I\n\nKEPUTUSAN KEPALA DINAS KOPERASI UKM DAN PERDAGANGAN NOMOR 15 TAHUN 2018\n\nTENTANG :\n INDIKATOR KINERJA INDIVIDU (IKI) PADA DINAS KOPERASI USAHA KECIL MENENGAH DAN\n PERDAGANGAN KABUPATEN KAPUAS HULU\n\nINDIKATOR KINERJA INDIVIDU (IKI)",
        );
        let (rest, h) = lampiran(Lines::new(&l)).unwrap();
        assert_eq!(h.lampiran.label.as_deref(), Some("I"));
        assert_eq!(
            (h.lampiran.nomor.as_deref(), h.lampiran.tahun),
            (Some("15"), Some(2018))
        );
        assert_eq!(
            h.lampiran.tentang.as_deref(),
            Some(
                "Indikator Kinerja Individu (IKI) pada Dinas Koperasi Usaha Kecil Menengah dan Perdagangan Kabupaten Kapuas Hulu"
            )
        );
        assert_eq!(rest.len(), 2);
        let l = ls(
            "Lampiran Keputusan Kepala Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat\nNomor : Tahun 2024\nTentang :\n\nINDIKATOR KINERJA UTAMA\nDINAS KOPERASI, USAHA KECIL DAN MENENGAH\nPROVINSI KALIMANTAN BARAT\nPERIODE 2024\n\n- Tugas Pokok : x",
        );
        let (_, h) = lampiran(Lines::new(&l)).unwrap();
        assert_eq!(
            (
                h.lampiran.label.as_deref(),
                h.lampiran.nomor.as_deref(),
                h.lampiran.tahun
            ),
            (None, None, Some(2024))
        );
        assert_eq!(h.nomor_blank, Some(Span::new(2, 2)));
        assert_eq!(h.tentang_lines.len(), 4);
        assert_eq!(h.tentang_span, Some(Span::new(5, 8)));
    }

    #[test]
    fn a_letterhead_takes_its_bounded_number_of_lines() {
        // a government line, then more contact lines than a letterhead has
        let mut src = String::from("PEMERINTAH KABUPATEN KAPUAS HULU\n");
        for _ in 0..LETTERHEAD_LINES + 6 {
            src.push_str("Jalan Kom. Yos Sudarso No. 22 Telp (0567) 21132/ Fax (0567) 21942\n");
        }
        let l = ls(&src);
        let (rest, h) = letterhead(Lines::new(&l)).unwrap();
        assert_eq!(l.len() - rest.len(), LETTERHEAD_LINES);
        assert_eq!(
            h.pemerintah.as_deref(),
            Some("Pemerintah Kabupaten Kapuas Hulu")
        );
    }

    #[test]
    fn letterheads() {
        let l = ls(
            "PEMERINTAH KABUPATEN KAPUAS HULU\nDINAS KOPERASI, USAHA KECIL MENENGAH DAN PERDAGANGAN\nJalan Kom. Yos Sudarso No. 22 Telp (0567) 21132/ Fax (0567) 21942\nWebsite : www.diskup.kapuashulukab.go.id Email : diskoperasidanukm@kapuashulukab.go.id\nPUTUSSIBAU 78711\n\nKEPUTUSAN",
        );
        let (rest, h) = letterhead(Lines::new(&l)).unwrap();
        assert_eq!(
            h.pemerintah.as_deref(),
            Some("Pemerintah Kabupaten Kapuas Hulu")
        );
        assert_eq!(
            h.nama.as_deref(),
            Some("Dinas Koperasi, Usaha Kecil Menengah dan Perdagangan")
        );
        assert_eq!(
            h.wilayah,
            Some(Wilayah {
                tingkat: Tingkat::Kabupaten,
                nama: "Kapuas Hulu".into()
            })
        );
        assert_eq!(h.alamat.as_deref(), Some("Jalan Kom. Yos Sudarso No. 22"));
        assert_eq!(h.telepon, ["(0567) 21132"]);
        assert_eq!(h.faks, ["(0567) 21942"]);
        assert_eq!(h.laman.as_deref(), Some("www.diskup.kapuashulukab.go.id"));
        assert_eq!(
            h.email.as_deref(),
            Some("diskoperasidanukm@kapuashulukab.go.id")
        );
        assert_eq!(
            (h.kota.as_deref(), h.kode_pos.as_deref()),
            (Some("Putussibau"), Some("78711"))
        );
        assert_eq!(h.span, Some(Span::new(1, 5)));
        assert_eq!(rest.len(), 2);

        let l = ls(
            "PEMERINTAH PROVINSI KALIMANTAN BARAT\nDINAS KOPERASI, USAHA KECIL DAN MENENGAH\n\nJalan Sutan Syahrir Nomor 5 Pontianak, Kalimantan Barat 78116\nTelepon (0561) 732771, 739684 Fax (0561) 732690\nLaman www.kalbarprov.go.id. Pos-el diskopukm@kalbarprov.go.id.\n\nKEPUTUSAN",
        );
        let (_, h) = letterhead(Lines::new(&l)).unwrap();
        assert_eq!(
            h.wilayah,
            Some(Wilayah {
                tingkat: Tingkat::Provinsi,
                nama: "Kalimantan Barat".into()
            })
        );
        assert_eq!(h.alamat.as_deref(), Some("Jalan Sutan Syahrir Nomor 5"));
        assert_eq!(h.kota.as_deref(), Some("Pontianak"));
        assert_eq!(h.kode_pos.as_deref(), Some("78116"));
        assert_eq!(h.telepon, ["(0561) 732771", "(0561) 739684"]);
        assert_eq!(h.laman.as_deref(), Some("www.kalbarprov.go.id"));
        assert_eq!(h.email.as_deref(), Some("diskopukm@kalbarprov.go.id"));
        assert_eq!(h.span, Some(Span::new(1, 6)));

        // collapsed onto one line
        let l = ls(
            "PEMERINTAH KABUPATEN BANYUWANGI\nDINAS KEPENDUDUKAN DAN PENCATATAN SIPIL Jalan letkol Istiqlah no. 68 Banyuwangi 68416 Telephone (0333) 424234 faks (0333) 424234 Website : www.banyuwangikab.go.id ; email :",
        );
        let (_, h) = letterhead(Lines::new(&l)).unwrap();
        assert_eq!(
            h.nama.as_deref(),
            Some("Dinas Kependudukan dan Pencatatan Sipil")
        );
        assert_eq!(h.alamat.as_deref(), Some("Jalan letkol Istiqlah no. 68"));
        assert_eq!(h.kota.as_deref(), Some("Banyuwangi"));
        assert_eq!(h.kode_pos.as_deref(), Some("68416"));
        assert_eq!(h.telepon, ["(0333) 424234"]);
        assert_eq!(h.laman.as_deref(), Some("www.banyuwangikab.go.id"));
    }

    #[test]
    fn regions_and_agencies() {
        assert_eq!(
            region("KEPALA DINAS KOPERASI DAN UKM KABUPATEN BANGGAI"),
            Some(Wilayah {
                tingkat: Tingkat::Kabupaten,
                nama: "Banggai".into()
            })
        );
        assert_eq!(
            region("DINAS KOPERASI, PERINDUSTRIAN DAN PERDAGANGAN KABUPATEN BARITO KUALA"),
            Some(Wilayah {
                tingkat: Tingkat::Kabupaten,
                nama: "Barito Kuala".into()
            })
        );
        assert_eq!(
            region("Badan Kepegawaian Kab. Banggai"),
            Some(Wilayah {
                tingkat: Tingkat::Kabupaten,
                nama: "Banggai".into()
            })
        );
        assert_eq!(
            region("KABUPATEN SAMPANG TAHUN 2019 -2024"),
            Some(Wilayah {
                tingkat: Tingkat::Kabupaten,
                nama: "Sampang".into()
            })
        );
        assert_eq!(
            region("KOTA MAGELANG"),
            Some(Wilayah {
                tingkat: Tingkat::Kota,
                nama: "Magelang".into()
            })
        );
        assert_eq!(
            agency("KEPALA DINAS KOPERASI DAN UKM KABUPATEN BANGGAI").as_deref(),
            Some("Dinas Koperasi dan UKM")
        );
        assert_eq!(
            agency("Kepala Dinas Koperasi UKM dan Perdagangan Kabupaten Kapuas Hulu").as_deref(),
            Some("Dinas Koperasi UKM dan Perdagangan")
        );
    }
}
