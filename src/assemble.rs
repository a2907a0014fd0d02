//! Stage 7 — blocks → the canonical [`Document`](crate::model::Document).
//!
//! Relations between blocks are decided here, in document order:
//! * decree parts (header, Menimbang, Mengingat, diktum, Ditetapkan,
//!   Tembusan) fill `keputusan`; the first signature after the diktum and
//!   before any lampiran or position is the decree's signatory;
//! * a position block opens a [`Jabatan`]; the tables after it are its
//!   indicators, until a heading, another position or a signature closes it;
//! * a signature whose title names the open position is that position's own;
//!   any other signature goes to the document;
//! * tables outside any position give the document-level `indikator`;
//! * headings, titles and lampiran subjects give `jenis`, `judul` and `periode`;
//! * the agency and region come from the letterhead, else from the decree's
//!   official, the title, or a signature.

use std::borrow::Cow;
use std::collections::BTreeSet;

use crate::blocks::decree::{self, Considering};
use crate::blocks::{Block, Located};
use crate::coverage::Claims;
use crate::diagnostics::{Code, Diagnostics};
use crate::lines::Line;
use crate::markup;
use crate::model::{
    Butir, FurnitureKind, Indikator, Instansi, Jabatan, Jenis, Keputusan, Lampiran, Penandatangan,
    Periode, Span,
};
use crate::text::{same_position, title_case};

/// What the blocks give, before the source and coverage are added.
#[derive(Debug, Default)]
pub struct Assembled {
    pub jenis: BTreeSet<Jenis>,
    pub instansi: Option<Instansi>,
    pub judul: Option<String>,
    pub periode: Option<Periode>,
    pub keputusan: Option<Keputusan>,
    pub lampiran: Vec<Lampiran>,
    pub tugas_pokok: Vec<Butir>,
    pub fungsi: Vec<Butir>,
    pub jabatan: Vec<Jabatan>,
    pub indikator: Vec<Indikator>,
    pub penandatangan: Vec<Penandatangan>,
}

/// Sources of titles, in order of preference for `judul`.
#[derive(Default)]
struct Titles {
    title_block: Option<(String, Option<Periode>, Span)>,
    /// whether `title_block` opens with a heading phrase
    title_headed: bool,
    /// a line that is only a period (`TAHUN 2019`)
    period_line: Option<Periode>,
    lampiran: Option<(String, Option<Periode>, Span)>,
    first_heading: Option<String>,
    unit: Option<(String, Span)>,
}

/// Every heading phrase in a text gives its kind (`PENETAPAN INDIKATOR KINERJA UTAMA`).
fn kinds_in(text: &str) -> Vec<Jenis> {
    let g = crate::grammar::grammar();
    let ws: Vec<&str> = crate::grammar::words(text).collect();
    let mut out = Vec::new();
    for k in 0..ws.len() {
        for h in &g.headings {
            if h.phrase.is_prefix_of(ws[k..].iter().copied()) {
                out.push(h.kind);
            }
        }
    }
    out
}

/// A title block that repeats its heading phrase (a converter that printed
/// a page's running title before the title itself) is read from its last
/// heading: `ESELON II … KOTA MAGELANG INDIKATOR KINERJA INDIVIDU (IKI) ESELON II …`.
fn from_last_heading(text: &str) -> &str {
    let g = crate::grammar::grammar();
    let ws: Vec<(usize, &str)> = crate::lines::word_offsets(text).collect();
    let mut starts = Vec::new();
    let mut k = 0;
    while k < ws.len() {
        let hit = g
            .headings
            .iter()
            .filter(|h| h.phrase.is_prefix_of(ws[k..].iter().map(|w| w.1)))
            .map(|h| h.phrase.len())
            .max();
        match hit {
            Some(n) => {
                starts.push(ws[k].0);
                k += n.max(1);
            }
            None => k += 1,
        }
    }
    match starts.as_slice() {
        [_, .., last] => &text[*last..],
        _ => text,
    }
}

/// True when a line opens with a heading phrase (`INDIKATOR KINERJA …`).
fn starts_with_heading(line: &str) -> bool {
    let clean = markup::clean(line);
    crate::grammar::grammar()
        .headings
        .iter()
        .any(|h| h.phrase.is_prefix_of(crate::grammar::words(&clean)))
}

fn periode_of(lines: &[String]) -> Option<Periode> {
    lines.iter().find_map(|l| crate::blocks::title::periode(l))
}

pub fn assemble(
    blocks: Vec<Located<Block<'_>>>,
    lines: &[Line],
    claims: &mut Claims,
    diags: &mut Diagnostics,
) -> Assembled {
    let mut a = Assembled::default();
    let mut titles = Titles::default();
    // the position that tables and a signature may still attach to
    let mut open: Option<usize> = None;
    // inside the decree body: after its header and before any lampiran or position
    let mut in_decree = false;
    for Located {
        block,
        lines: range,
    } in blocks
    {
        for l in &lines[range.clone()] {
            if !l.is_blank() {
                claims.claim(l.span());
            }
        }
        let decree_span = match &block {
            Block::Header(h) => Some(h.span),
            Block::Considerations(c) => Some(c.span),
            Block::Diktum(d) => Some(d.span),
            Block::Ditetapkan(d) => Some(d.span),
            Block::Tembusan(t) => Some(t.span),
            Block::Decide(s) => Some(*s),
            _ => None,
        };
        if let Some(s) = decree_span {
            in_decree = true;
            let k = a.keputusan.get_or_insert_with(|| Keputusan {
                span: s,
                ..Keputusan::default()
            });
            k.span = k.span.cover(s);
        }
        match block {
            Block::Letterhead(inst) => {
                if a.instansi.is_none() {
                    a.instansi = Some(inst);
                }
            }
            Block::Header(h) => {
                for s in &h.headings {
                    claims.furniture(FurnitureKind::Heading, *s);
                }
                let joined = h.tentang_lines.join(" ");
                a.jenis.extend(kinds_in(&joined));
                if a.periode.is_none() {
                    a.periode = periode_of(&h.tentang_lines);
                }
                if let Some(k) = &mut a.keputusan {
                    k.pejabat = h.pejabat;
                    k.nomor = h.nomor;
                    k.tahun = h.tahun;
                    k.tentang = h.tentang;
                }
            }
            Block::Considerations(c) => {
                if let Some(k) = &mut a.keputusan {
                    let list = match c.kind {
                        Considering::Menimbang => &mut k.menimbang,
                        Considering::Mengingat => &mut k.mengingat,
                        Considering::Memperhatikan => &mut k.memperhatikan,
                    };
                    crate::blocks::position::check_sequence(&c.items, diags);
                    list.extend(c.items);
                }
            }
            Block::Decide(s) => claims.furniture(FurnitureKind::Heading, s),
            Block::Diktum(d) => {
                if let Some(k) = &mut a.keputusan {
                    k.diktum.push(d);
                }
            }
            Block::Ditetapkan(d) => {
                if let Some(k) = &mut a.keputusan {
                    k.ditetapkan = Some(d);
                }
            }
            Block::Tembusan(t) => {
                if let Some(k) = &mut a.keputusan {
                    k.tembusan.extend(t.items);
                }
            }
            Block::Lampiran(l) => {
                in_decree = false;
                open = None;
                let joined = l.tentang_lines.join(" ");
                a.jenis.extend(kinds_in(&joined));
                if let Some(t) = &l.lampiran.tentang
                    && titles.lampiran.is_none()
                {
                    titles.lampiran =
                        Some((t.clone(), periode_of(&l.tentang_lines), l.lampiran.span));
                }
                if let Some(at) = l.nomor_blank {
                    diags.at(
                        Code::DecreeNumberBlank,
                        at,
                        "the Lampiran's `Nomor` has no number; `nomor` is null",
                    );
                }
                a.lampiran.push(l.lampiran);
            }
            Block::Period(p, span) => {
                claims.furniture(FurnitureKind::Title, span);
                titles.period_line.get_or_insert(p);
            }
            Block::Title(t) => {
                open = None;
                in_decree = false;
                a.jenis.insert(t.jenis);
                if t.repaired {
                    diags.at(
                        Code::OcrHeadingRepaired,
                        Span::line(t.heading_line),
                        format!("`{}` read as a {} heading", t.lines[0], t.jenis.as_str()),
                    );
                }
                if t.lines.len() > 1 {
                    claims.furniture(FurnitureKind::Title, t.span);
                    // the first title block that opens with its heading; a
                    // block that opens with something else (the tail of a
                    // title cut off above) only when there is no other
                    let headed = starts_with_heading(&t.lines[0]);
                    let better = match &titles.title_block {
                        None => true,
                        Some(_) => headed && !titles.title_headed,
                    };
                    if better {
                        let text =
                            title_case(from_last_heading(&markup::clean(&t.lines.join(" "))));
                        titles.title_block = Some((text, periode_of(&t.lines), t.span));
                        titles.title_headed = headed;
                    }
                } else {
                    claims.furniture(FurnitureKind::SectionTitle, t.span);
                    if titles.first_heading.is_none() {
                        titles.first_heading = Some(title_case(&markup::clean(&t.lines[0])));
                    }
                }
            }
            Block::Position(p) => {
                in_decree = false;
                a.jabatan.push(Jabatan {
                    nama: p.nama,
                    tugas: p.tugas,
                    fungsi: p.fungsi,
                    indikator: Vec::new(),
                    penandatangan: None,
                    span: p.span,
                });
                open = Some(a.jabatan.len() - 1);
            }
            Block::Duties(d) => {
                open = None;
                if titles.unit.is_none() {
                    titles.unit = d.unit.map(|u| (u, d.span));
                }
                for h in d.headings {
                    claims.furniture(FurnitureKind::Heading, h);
                }
                a.tugas_pokok.extend(d.tugas);
                a.fungsi.extend(d.fungsi);
            }
            Block::Table(mut t) => {
                in_decree = false;
                claims.furniture(FurnitureKind::TableHeader, t.header_span);
                let read = crate::blocks::table::indicators(&mut t, diags);
                for s in read.unread {
                    claims.release(s);
                }
                for s in read.group_rows {
                    claims.furniture(FurnitureKind::TableGroupRow, s);
                }
                for s in read.fillers.into_iter().chain(t.separators.iter().copied()) {
                    claims.furniture(FurnitureKind::TableFiller, s);
                }
                let rows = read.indikator;
                match open {
                    Some(k) => {
                        let j = &mut a.jabatan[k];
                        j.span = j.span.cover(t.span);
                        j.indikator.extend(rows);
                    }
                    None => a.indikator.extend(rows),
                }
            }
            Block::Unrecoverable(u) => {
                // the body stays unclassified: nothing of it could be read
                claims.release(u.span);
                a.jenis.extend(u.jenis);
                for h in &u.header {
                    claims.furniture(FurnitureKind::TableHeader, *h);
                }
                let named = if u.names.is_empty() {
                    String::new()
                } else {
                    format!(
                        "; {} indicator name(s) were told apart by their wording and are given without their other cells",
                        u.names.len()
                    )
                };
                diags.at(
                    Code::TableUnrecoverable,
                    u.span,
                    format!(
                        "a table could not be recovered: {}; its lines are listed as unclassified{named}",
                        u.reason
                    ),
                );
                let rows: Vec<Indikator> = u
                    .names
                    .into_iter()
                    .map(|n| {
                        claims.claim(n.span);
                        if let Some(s) = n.sasaran_span {
                            claims.claim(s);
                        }
                        Indikator {
                            no: None,
                            tujuan: None,
                            sasaran: n.sasaran,
                            indikator: n.indikator,
                            formulasi: None,
                            sumber_data: None,
                            target: None,
                            penanggung_jawab: Vec::new(),
                            bidang_urusan: None,
                            keterangan: None,
                            rujukan: Vec::new(),
                            kolom: Default::default(),
                            span: n.span,
                        }
                    })
                    .collect();
                match open {
                    Some(k) => {
                        let j = &mut a.jabatan[k];
                        j.span = j.span.cover(u.span);
                        j.indikator.extend(rows);
                    }
                    None => a.indikator.extend(rows),
                }
            }
            Block::Signature(s) => {
                let p = s.decode(diags);
                let decree_signatory = in_decree
                    && a.keputusan.as_ref().is_some_and(|k| {
                        k.penandatangan.is_none()
                            && (k.ditetapkan.is_some() || !k.diktum.is_empty())
                    });
                let own = open.filter(|&k| {
                    a.jabatan[k].penandatangan.is_none()
                        && p.jabatan
                            .as_deref()
                            .is_some_and(|t| same_position(&a.jabatan[k].nama, t))
                });
                if decree_signatory {
                    if let Some(k) = &mut a.keputusan {
                        k.span = k.span.cover(p.span);
                        k.penandatangan = Some(p);
                    }
                } else if let Some(k) = own {
                    let j = &mut a.jabatan[k];
                    j.span = j.span.cover(p.span);
                    j.penandatangan = Some(p);
                } else {
                    a.penandatangan.push(p);
                }
                open = None;
            }
        }
    }
    let (judul, periode) = titles
        .title_block
        .clone()
        .map(|t| (t.0, t.1))
        .or_else(|| titles.lampiran.clone().map(|t| (t.0, t.1)))
        .or_else(|| {
            a.keputusan
                .as_ref()
                .and_then(|k| k.tentang.clone())
                .map(|t| (t, None))
        })
        .or_else(|| titles.first_heading.clone().map(|t| (t, None)))
        .unzip();
    a.judul = judul;
    if a.periode.is_none() {
        a.periode = periode.flatten().or(titles.period_line);
    }
    fill_instansi(&mut a, &titles);
    check_nip_conflicts(&a, diags);
    a
}

/// The same person with two different NIPs in one document: at most one is right.
fn check_nip_conflicts(a: &Assembled, diags: &mut Diagnostics) {
    let mut people: Vec<&Penandatangan> = Vec::new();
    people.extend(a.keputusan.iter().filter_map(|k| k.penandatangan.as_ref()));
    people.extend(a.jabatan.iter().filter_map(|j| j.penandatangan.as_ref()));
    people.extend(a.penandatangan.iter());
    people.sort_by_key(|p| p.span.start_line);
    let key = |p: &Penandatangan| {
        p.nama
            .as_deref()
            .map(crate::values::nama::comparison_key)
            .filter(|k| !k.is_empty())
    };
    // a NIP's digits: its value when it has 18 (`nip::parse` makes the value
    // of its text's digits), else counted out of the text
    fn digits(p: &Penandatangan) -> Option<Cow<'_, str>> {
        p.nip
            .as_ref()
            .map(|n| match &n.nilai {
                Some(v) => Cow::Borrowed(v.as_str()),
                None => crate::values::nip::comparison_key(&n.teks).into(),
            })
            .filter(|d| !d.is_empty())
    }
    // the first signature seen for each person, and the NIPs already reported
    let mut first: std::collections::HashMap<String, (&Penandatangan, Cow<str>)> =
        Default::default();
    for p in &people {
        let (Some(k), Some(d)) = (key(p), digits(p)) else {
            continue;
        };
        match first.get(&k) {
            None => {
                first.insert(k, (p, d));
            }
            Some((q, e)) if *e != d => {
                // reported at both signatures, each pointing to the other
                for (here, there) in [(*q, *p), (*p, *q)] {
                    diags.at(
                        Code::NipConflict,
                        here.span,
                        format!(
                            "{} has NIP {} here and NIP {} at line {}",
                            here.nama.as_deref().unwrap_or("?"),
                            here.nip.as_ref().map(|n| n.teks.as_str()).unwrap_or(""),
                            there.nip.as_ref().map(|n| n.teks.as_str()).unwrap_or(""),
                            there.span.end_line
                        ),
                    );
                }
            }
            Some(_) => {}
        }
    }
}

/// The agency and region when the letterhead does not give them; the span
/// is that of the text the agency's name (else its region) was read from.
fn fill_instansi(a: &mut Assembled, titles: &Titles) {
    // a signature's title, where it was read
    let signer = |p: &crate::model::Penandatangan| p.jabatan.clone().map(|j| (j, p.span));
    let mut sources: Vec<(String, Span)> = Vec::new();
    if let Some(k) = &a.keputusan {
        sources.extend(k.pejabat.clone().map(|p| (p, k.span)));
        sources.extend(k.penandatangan.as_ref().and_then(signer));
    }
    sources.extend(titles.title_block.as_ref().map(|t| (t.0.clone(), t.2)));
    sources.extend(titles.lampiran.as_ref().map(|t| (t.0.clone(), t.2)));
    if let Some(k) = &a.keputusan {
        sources.extend(k.tentang.clone().map(|t| (t, k.span)));
    }
    sources.extend(a.penandatangan.iter().filter_map(signer));
    sources.extend(
        a.jabatan
            .iter()
            .filter_map(|j| j.penandatangan.as_ref().and_then(signer)),
    );
    sources.extend(titles.unit.clone());
    let wilayah = sources
        .iter()
        .find_map(|(s, span)| decree::region(s).map(|w| (w, *span)));
    let nama = sources
        .iter()
        .find_map(|(s, span)| decree::agency(s).map(|n| (n, *span)))
        .or_else(|| titles.unit.as_ref().map(|(u, span)| (title_case(u), *span)));
    let span = nama.as_ref().map(|n| n.1).or(wilayah.as_ref().map(|w| w.1));
    match &mut a.instansi {
        Some(inst) => {
            // the span covers the letterhead and the texts read besides it
            let mut widen = |s: Span| {
                inst.span = Some(inst.span.map_or(s, |t| t.cover(s)));
            };
            if inst.wilayah.is_none()
                && let Some((w, s)) = wilayah
            {
                inst.wilayah = Some(w);
                widen(s);
            }
            if inst.nama.is_none()
                && let Some((n, s)) = nama
            {
                inst.nama = Some(n);
                widen(s);
            }
        }
        None if wilayah.is_some() || nama.is_some() => {
            a.instansi = Some(Instansi {
                nama: nama.map(|n| n.0),
                wilayah: wilayah.map(|w| w.0),
                span,
                ..Instansi::default()
            });
        }
        None => {}
    }
}
