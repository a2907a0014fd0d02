//! Signature blocks: one parser for the decree's signatory, the lampiran's
//! closing signature and the per-position signatures.
//!
//! ```text
//! signature = title-line { title-line } { blank } name-line { blank }
//!             [ rank-line { blank } ] nip-line
//!           | title-line { title-line } { blank } name-line { blank } rank-line ;
//! nip-line  = [ name-part ] "NIP" [ "." | ":" ] digits { " " digits } ;
//! ```
//!
//! The NIP line anchors the block (the rank line when there is no NIP); the
//! name is the line above it (above the rank), and the title is the group of
//! lines above the name. A name, rank and NIP collapsed onto one line
//! (`SUHARDI, S.Kom Pembina, IV/a NIP. 19740719 199903 1003`) is split.

use nom::Input;

use crate::diagnostics::Diagnostics;
use crate::lines::{Kind, Line};
use crate::markup;
use crate::model::{Penandatangan, Span};
use crate::values::{nama, nip, pangkat};

use super::prim::{In, Res, fail};

/// The raw parts of a signature block.
#[derive(Debug, Clone)]
pub struct Signature {
    pub title: Vec<String>,
    pub title_span: Option<Span>,
    pub name: String,
    pub name_span: Span,
    pub rank: Option<(String, Span)>,
    pub nip: Option<(String, Span)>,
    pub span: Span,
}

/// How far below its first line a signature's NIP (or rank) line may be.
pub const WINDOW: usize = 16;
const MAX_TITLE_LINES: usize = 4;

fn texty(l: &Line) -> bool {
    matches!(l.kind, Kind::Text | Kind::Item { .. })
}

fn is_rank(l: &Line) -> bool {
    texty(l) && pangkat::looks_like_rank(l.trimmed())
}

/// True for a line that can anchor a signature: a NIP line, or a short rank line.
pub fn is_anchor(l: &Line) -> bool {
    if !texty(l) {
        return false;
    }
    let t = l.trimmed();
    let b = t.as_bytes();
    let has_nip = mentions_nip(b);
    // every rank starts with J (Juru) or P (Pengatur, Penata, Pembina)
    let rank_like = matches!(b.first(), Some(b'P' | b'p' | b'J' | b'j'))
        && b.len() <= 60
        && t.split_whitespace().count() <= 8;
    (has_nip && nip::find(t).is_some()) || (rank_like && pangkat::looks_like_rank(t))
}

/// True when the text holds `nip` in any case. Most lines have no `ip` in
/// them, which one branchless pass tells ([`crate::text::byte_classes`]);
/// the others are looked at from each `p`.
fn mentions_nip(b: &[u8]) -> bool {
    let ip = |c: u8, next: u8| u8::from((c | 0x20 == b'i') & (next | 0x20 == b'p'));
    crate::text::byte_classes(b, ip) != 0
        && memchr::memchr2_iter(b'p', b'P', b)
            .any(|i| i >= 2 && b[i - 2..=i].eq_ignore_ascii_case(b"nip"))
}

/// True when the line holds a NIP (`NIP. 19650223 199603 1 007`, `Nip 1985…`).
pub fn is_nip_line(l: &Line) -> bool {
    texty(l) && nip::find(l.trimmed()).is_some()
}

/// `signature`, starting at the first line of its title (or at its name).
pub fn signature<'s, 'a>(i: In<'s, 'a>) -> Res<'s, 'a, Signature> {
    let Some(first) = i.first() else {
        return fail(i);
    };
    if !texty(first) {
        return fail(i);
    }
    // find the anchor: a NIP line, else a rank line
    let mut anchor = None;
    for (k, l) in i.lines.iter().enumerate().take(WINDOW) {
        if !(l.is_blank() || texty(l)) {
            break;
        }
        if is_nip_line(l) {
            anchor = Some((k, true));
            break;
        }
    }
    if anchor.is_none() {
        for (k, l) in i.lines.iter().enumerate().take(WINDOW).skip(1) {
            if !(l.is_blank() || texty(l)) {
                break;
            }
            if is_rank(l) {
                anchor = Some((k, false));
                break;
            }
        }
    }
    let Some((k, has_nip)) = anchor else {
        return fail(i);
    };
    let lines = i.lines;
    let anchor_line = &lines[k];
    let mut nip_part = None;
    let mut rank = None;
    let mut name: Option<(String, Span)> = None;
    let mut j = k as isize - 1;
    if has_nip {
        let t = anchor_line.trimmed();
        if let Some((at, number)) = nip::find(t) {
            nip_part = Some((number.to_string(), anchor_line.span()));
            let before = t[..at].trim();
            if !before.is_empty() {
                // name (and rank) on the NIP line
                let (n, r) = split_rank(before);
                if let Some(r) = r {
                    rank = Some((r, anchor_line.span()));
                }
                name = Some((n, anchor_line.span()));
            }
        }
    } else {
        rank = Some((anchor_line.trimmed().to_string(), anchor_line.span()));
    }
    let skip_blank = |mut j: isize| {
        while j >= 0 && lines[j as usize].is_blank() {
            j -= 1;
        }
        j
    };
    if name.is_none() {
        j = skip_blank(j);
        if has_nip && j >= 0 && is_rank(&lines[j as usize]) && rank.is_none() {
            rank = Some((
                lines[j as usize].trimmed().to_string(),
                lines[j as usize].span(),
            ));
            j = skip_blank(j - 1);
        }
        if j < 0 || !texty(&lines[j as usize]) {
            return fail(i);
        }
        let l = &lines[j as usize];
        let (n, r) = split_rank(l.trimmed());
        if rank.is_none()
            && let Some(r) = r
        {
            rank = Some((r, l.span()));
        }
        name = Some((n, l.span()));
        j -= 1;
    }
    let (name, name_span) = name.unwrap_or_default();
    if !plausible_name(&name) {
        return fail(i);
    }
    // the title: the group of lines right above the name (blank lines may separate them)
    j = skip_blank(j);
    let mut title_lines = Vec::new();
    while j >= 0 && texty(&lines[j as usize]) && title_lines.len() < MAX_TITLE_LINES {
        title_lines.push(&lines[j as usize]);
        j -= 1;
    }
    // the block must start where we are: at its title, or at its name
    let start = if title_lines.is_empty() {
        name_span.start_line
    } else {
        title_lines.last().map(|l| l.no).unwrap_or(0)
    };
    if j >= 0 || first.no != start {
        return fail(i);
    }
    title_lines.reverse();
    let title_span = title_lines
        .first()
        .zip(title_lines.last())
        .map(|(a, b)| Span::new(a.no, b.end));
    let end = anchor_line.end;
    Ok((
        i.take_from(k + 1),
        Signature {
            title: title_lines
                .iter()
                .map(|l| l.trimmed().to_string())
                .collect(),
            title_span,
            name,
            name_span,
            rank,
            nip: nip_part,
            span: Span::new(first.no, end),
        },
    ))
}

/// A name line has letters and is not a sentence.
fn plausible_name(s: &str) -> bool {
    let n = s.split_whitespace().count();
    (1..=10).contains(&n) && s.chars().any(char::is_alphabetic) && !s.trim_end().ends_with(':')
}

/// Splits `SUHARDI, S.Kom Pembina, IV/a` into the name and the rank.
fn split_rank(s: &str) -> (String, Option<String>) {
    for (at, _) in s
        .char_indices()
        .filter(|&(i, _)| i > 0 && s[..i].ends_with(' '))
    {
        let tail = &s[at..];
        if pangkat::looks_like_rank(tail) {
            return (
                s[..at].trim().trim_end_matches(',').to_string(),
                Some(tail.trim().to_string()),
            );
        }
    }
    (s.to_string(), None)
}

impl Signature {
    /// Decodes the parts into a [`Penandatangan`].
    pub fn decode(&self, diags: &mut Diagnostics) -> Penandatangan {
        let n = nama::parse(&self.name);
        let (pangkat, golongan) = match &self.rank {
            Some((r, span)) => {
                let p = pangkat::parse(r, *span, diags);
                (p.pangkat, p.golongan)
            }
            None => (None, None),
        };
        let jabatan = markup::clean_opt(&self.title.join(" "));
        Penandatangan {
            jabatan,
            nama: n.nama,
            nama_lengkap: n.nama_lengkap,
            gelar_depan: n.gelar_depan,
            gelar_belakang: n.gelar_belakang,
            pangkat,
            golongan,
            nip: self
                .nip
                .as_ref()
                .map(|(t, span)| nip::parse(t, *span, diags)),
            span: self.span,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn nip_is_found_as_a_plain_scan_finds_it(s in "[nNiIpP a]{0,80}") {
            let plain = s.as_bytes().windows(3).any(|w| w.eq_ignore_ascii_case(b"nip"));
            proptest::prop_assert_eq!(mentions_nip(s.as_bytes()), plain);
        }
    }

    fn sig(src: &str) -> Option<(Signature, usize)> {
        crate::blocks::prim::read_block(src, signature)
    }

    #[test]
    fn banggai_title_name_nip() {
        let (s, n) = sig("**KEPALA DINAS KOPERASI DAN UKM\nKABUPATEN BANGGAI**\n\nERNAINI MUSTATIM, SH.,MH\nNIP. 19660329 199303 2 007\n\nINDIKATOR").unwrap();
        assert_eq!(
            s.title,
            ["KEPALA DINAS KOPERASI DAN UKM", "KABUPATEN BANGGAI"]
        );
        assert_eq!(s.name, "ERNAINI MUSTATIM, SH.,MH");
        assert_eq!(s.nip.unwrap().0, "19660329 199303 2 007");
        assert_eq!(n, 5);
        assert_eq!(s.span, Span::new(1, 5));
    }

    #[test]
    fn kapuas_decree_with_rank_and_blanks() {
        let (s, _) = sig("Kepala Dinas Koperasi UKM dan Perdagangan\nKabupaten Kapuas Hulu .\n\n\n\nAbang chairul saleh ,S.H.,M.M\n\nPembina Utam Muda\n\nNip.19650223 199603 1007").unwrap();
        assert_eq!(s.name, "Abang chairul saleh ,S.H.,M.M");
        assert_eq!(s.rank.unwrap().0, "Pembina Utam Muda");
        assert_eq!(s.nip.unwrap().0, "19650223 199603 1007");
        assert_eq!(s.title.len(), 2);
    }

    #[test]
    fn barito_bold_name_and_rank_with_grade() {
        let (s, _) = sig("**KEPALA DINAS KOPERASI, PERINDUSTRIAN DAN PERDAGANGAN  \nKABUPATEN BARITO KUALA**\n\n**H. PURKAN, SH**  \nPembina Utama Muda (IV/c)  \nNIP. 19650103 199203 1 010").unwrap();
        assert_eq!(s.name, "H. PURKAN, SH");
        assert_eq!(s.rank.unwrap().0, "Pembina Utama Muda (IV/c)");
    }

    #[test]
    fn collapsed_onto_one_line() {
        let (s, _) = sig("Kabid Mutasi & Promosi Badan Kepegawaian\n\nSUHARDI, S.Kom Pembina, IV/a NIP. 19740719 199903 1003").unwrap();
        assert_eq!(s.name, "SUHARDI, S.Kom");
        assert_eq!(s.rank.unwrap().0, "Pembina, IV/a");
        assert_eq!(s.nip.unwrap().0, "19740719 199903 1003");
    }

    #[test]
    fn must_start_at_its_title() {
        assert!(sig("some paragraph\n\nPENGADMINISTRASI UMUM\n\nNOVIANTY SAUD\n\nNip 19801111 201001 2 006").is_none());
        assert!(
            sig("PENGADMINISTRASI UMUM\n\nNOVIANTY SAUD\n\nNip 19801111 201001 2 006").is_some()
        );
    }
}
