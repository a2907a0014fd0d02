//! Civil-service ranks (pangkat) and grades (golongan).
//!
//! ```text
//! rank-line = [ label ] rank-words [ separator ] [ grade ] { closing } ;
//! rank-words = word { word } ;                     (* Pembina Utama Muda, Penata Tk. I *)
//! grade     = [ label ] roman { space } grade-sep { space } letter
//!           | roman space letter ;                 (* only after rank words: Pembina IV a *)
//! grade-sep = "/" | "." | "-" ;
//! roman     = "I" | "II" | "III" | "IV" ;          (* any case *)
//! letter    = "a" … "z" ;                          (* not followed by a letter or digit *)
//! separator = "," | "/" | "(" | "-" | ":" | space ;
//! closing   = ")" | "]" | "." | "," | ";" | space ;
//! label     = "Pangkat" | "Golongan" | "Gol" | "Ruang" …   (* grammars/ranks.toml *)
//! ```
//!
//! The rank table, the labels and the abbreviations (`Tk.` = `Tingkat`) are
//! in `grammars/ranks.toml`. The rules chosen:
//!
//! * **Output.** `pangkat` is the canonical spelling of the table
//!   (`PENATA TK. I` → `Penata Tingkat I`); `golongan` is the grade as
//!   written, in the form `IV/c` (roman upper case, `/`, letter lower case).
//! * **Correction.** The rank words are compared with every rank by edit
//!   distance over the upper-case words. A rank is corrected (info
//!   `rank-corrected`, quoting the source) only when the distance is at most
//!   a fifth of the rank's length, and exactly one rank is closest — a written
//!   grade breaks a tie. A single word without a grade is never corrected:
//!   `RENATA` is a name, not `Penata`.
//! * **Unknown.** A line shaped like a rank (its first word close to a rank's
//!   first word, every other word a rank word such as `Muda`, `Utama`,
//!   `Tingkat`, a roman numeral) that no rank matches is kept as written,
//!   with a `rank-unknown` warning; so is a corrected rank whose written grade
//!   is not the grade of the rank it would be corrected to.
//! * **Contradiction.** A rank with a written grade of another rank
//!   (`Pembina (IV/c)`) keeps both as written and raises `rank-unknown`
//!   explaining the contradiction; a grade that no rank has (`III/e`) too.
//! * **No derivation.** A rank without a grade gives `golongan: null`, a
//!   grade alone (`III/b`, `Gol. III/b`) gives `pangkat: null`: a field the
//!   text does not contain is `null`. The table is one-to-one, so a consumer
//!   can derive either with [`golongan_of`] / [`pangkat_of`].
//! * **Not a rank.** Ordinary lines (`KEPALA DINAS`, names, `Kabupaten Kapuas
//!   Hulu`, functional positions such as `Auditor Madya`) do not look like a
//!   rank: [`looks_like_rank`] is false for them.

use std::sync::LazyLock;

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{take_while, take_while_m_n, take_while1},
    character::complete::{one_of, satisfy},
    combinator::{eof, not, verify},
};

use crate::diagnostics::{Code, Diagnostics};
use crate::grammar::{grammar, with_title_key, words};
use crate::markup;
use crate::model::Span;

/// A rank line read: pangkat and golongan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pangkat {
    pub pangkat: Option<String>,
    pub golongan: Option<String>,
}

/// The rank table of `grammars/ranks.toml`, prepared for matching.
struct Table {
    /// `PEMBINA UTAMA MUDA`, in table order
    keys: Vec<String>,
    /// the length of each key in characters
    key_chars: Vec<usize>,
    /// canonical spelling, golongan in the form `IV/c`
    ranks: Vec<(String, String)>,
    /// first words of the ranks (`JURU`, `PENGATUR` …)
    heads: Vec<String>,
    /// the other words of the ranks and the roman numerals of the grades
    modifiers: Vec<String>,
    /// upper-case abbreviation keys (`TK`) and labels (`GOL`)
    extra: Vec<String>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let g = grammar();
    let mut heads: Vec<String> = Vec::new();
    let mut modifiers: Vec<String> = Vec::new();
    let mut ranks = Vec::new();
    let mut keys = Vec::new();
    for r in &g.ranks {
        let grade = normalize_grade(&r.golongan).unwrap_or_else(|| r.golongan.clone());
        if let Some((roman, _)) = grade.split_once('/') {
            modifiers.push(roman.to_string());
        }
        if let Some((head, rest)) = r.key.split_first() {
            heads.push(head.clone());
            modifiers.extend(rest.iter().cloned());
        }
        keys.push(r.key.join(" "));
        ranks.push((r.pangkat.clone(), grade));
    }
    for list in [&mut heads, &mut modifiers] {
        list.sort();
        list.dedup();
    }
    let mut extra: Vec<String> = g.rank_abbreviations.keys().cloned().collect();
    extra.extend(g.rank_labels.iter().cloned());
    extra.sort();
    extra.dedup();
    Table {
        key_chars: keys.iter().map(|k| k.chars().count()).collect(),
        keys,
        ranks,
        heads,
        modifiers,
        extra,
    }
});

/// `IV/c` from a table value such as `IV/c`, `iv/C`, `IV.c`.
fn normalize_grade(s: &str) -> Option<String> {
    match grade_tail(s.trim()) {
        Ok((_, gr)) => Some(gr.text()),
        Err(_) => None,
    }
}

/// The grade of a rank (`Pembina Utama Muda` → `IV/c`, `Penata Tk. I` →
/// `III/d`), from the table; `None` unless the text is exactly a rank.
pub fn golongan_of(pangkat: &str) -> Option<&'static str> {
    match read(pangkat).as_ref().and_then(classify) {
        Some(Match::Exact(i)) => Some(TABLE.ranks[i].1.as_str()),
        _ => None,
    }
}

/// The rank of a grade (`IV/c` → `Pembina Utama Muda`), from the table.
pub fn pangkat_of(golongan: &str) -> Option<&'static str> {
    let g = normalize_grade(golongan)?;
    TABLE
        .ranks
        .iter()
        .find(|(_, gr)| *gr == g)
        .map(|(p, _)| p.as_str())
}

/// A grade as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Grade<'a> {
    roman: &'a str,
    letter: char,
    /// written with `/`, `.` or `-` (not only a space)
    explicit: bool,
}

impl Grade<'_> {
    fn text(&self) -> String {
        format!(
            "{}/{}",
            self.roman.to_ascii_uppercase(),
            self.letter.to_lowercase()
        )
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// `roman = "I" | "II" | "III" | "IV"`, any case, a whole word.
fn roman(i: &str) -> IResult<&str, &str> {
    verify(
        take_while_m_n(1, 3, |c: char| matches!(c, 'I' | 'V' | 'i' | 'v')),
        |r: &str| matches!(r.to_ascii_uppercase().as_str(), "I" | "II" | "III" | "IV"),
    )
    .parse(i)
}

/// `grade = roman { space } grade-sep { space } letter | roman space letter`
fn grade(i: &str) -> IResult<&str, Grade<'_>> {
    let (i, r) = roman(i)?;
    let (i, sep) = alt((
        (take_while(is_space), one_of("/.-"), take_while(is_space)).map(|_| true),
        take_while1(is_space).map(|_| false),
    ))
    .parse(i)?;
    let (i, letter) = satisfy(|c| c.is_ascii_alphabetic()).parse(i)?;
    let (i, _) = not(satisfy(char::is_alphanumeric)).parse(i)?;
    Ok((
        i,
        Grade {
            roman: r,
            letter,
            explicit: sep,
        },
    ))
}

/// `grade { closing }` up to the end of the text.
fn grade_tail(i: &str) -> IResult<&str, Grade<'_>> {
    let (i, g) = grade(i)?;
    let (i, _) =
        take_while(|c: char| is_space(c) || matches!(c, ')' | ']' | '.' | ',' | ';')).parse(i)?;
    let (i, _) = eof(i)?;
    Ok((i, g))
}

/// A rank line split into its parts, before matching.
#[derive(Debug)]
struct Reading<'a> {
    /// the rank as written, without the grade and separators
    rank_text: &'a str,
    /// its words, upper case, labels dropped and abbreviations expanded
    words: Vec<String>,
    grade: Option<Grade<'a>>,
    labelled: bool,
}

/// Longest rank line worth reading, in bytes.
const MAX_LEN: usize = 96;
/// Most words a rank line can have (`Pangkat Pengatur Muda Tingkat I Gol. II/b`).
const MAX_WORDS: usize = 10;

/// Word equality without regard to ASCII case; `upper` is upper case.
fn eq_upper(w: &str, upper: &str) -> bool {
    w.eq_ignore_ascii_case(upper)
}

/// Two words are the same up to OCR damage: equal, or within one edit (two
/// for words of eight letters or more); words under four letters must be equal.
fn similar(w: &str, upper: &str) -> bool {
    // byte lengths first: most words are far too long or too short
    if w.len().abs_diff(upper.len()) > 2 {
        return false;
    }
    if eq_upper(w, upper) {
        return true;
    }
    let n = w.chars().count().min(upper.chars().count());
    if n < 4 {
        return false;
    }
    let limit: usize = if n >= 8 { 2 } else { 1 };
    crate::text::edit_distance_within(w, upper, limit).is_some()
}

/// True when a word can stand after the first word of a rank line.
fn rank_word(t: &Table, w: &str) -> bool {
    t.extra.iter().any(|x| eq_upper(w, x))
        || t.modifiers.iter().any(|m| similar(w, m))
        || (w.len() == 1 && w.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// Cheap check, without allocating: every word after the first (labels
/// aside) is a rank word, a label, an abbreviation or a grade letter.
fn shaped_like_rank(t: &Table, text: &str) -> bool {
    if text.len() > MAX_LEN {
        return false;
    }
    let labels = &grammar().rank_labels;
    let (mut n, mut head) = (0, false);
    for w in words(text) {
        n += 1;
        if n > MAX_WORDS {
            return false;
        }
        if labels.iter().any(|l| eq_upper(w, l)) {
            continue;
        }
        if head && !rank_word(t, w) {
            return false;
        }
        head = true;
    }
    n > 0
}

/// Splits a rank line into rank words and grade.
fn read(text: &str) -> Option<Reading<'_>> {
    let t = &*TABLE;
    let text = text.trim();
    if !shaped_like_rank(t, text) {
        return None;
    }
    // the grade: the first word start from which the rest reads as a grade
    let mut prev_alnum = false;
    let mut split = None;
    for (at, c) in text.char_indices() {
        let alnum = c.is_alphanumeric();
        if alnum
            && !prev_alnum
            && let Ok((_, gr)) = grade_tail(&text[at..])
        {
            split = Some((at, gr));
            break;
        }
        prev_alnum = alnum;
    }
    let (rank_part, grade) = match split {
        Some((at, gr)) => (&text[..at], Some(gr)),
        None => (text, None),
    };
    let g = grammar();
    let mut ws = Vec::new();
    let mut labelled = false;
    for w in words(rank_part) {
        if g.rank_labels.iter().any(|l| eq_upper(w, l)) {
            labelled = true;
            continue;
        }
        match with_title_key([w], |k| g.rank_abbreviations.get(k)) {
            Some(exp) => ws.extend(exp.split(' ').map(str::to_string)),
            None => ws.push(w.to_uppercase()),
        }
    }
    if ws.iter().any(|w| !w.chars().all(char::is_alphabetic)) {
        return None;
    }
    let rank_text = rank_part
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '(' | '-' | ':'));
    Some(Reading {
        rank_text,
        words: ws,
        grade,
        labelled,
    })
}

/// What a rank line matches.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Match {
    /// the rank of the table at this index, as written
    Exact(usize),
    /// the only rank close to the written one
    Corrected(usize),
    /// shaped like a rank but matching none; the closest candidates
    Unknown(Vec<usize>),
    /// a grade alone
    GradeOnly,
}

/// Matches a reading against the table; `None` when it is not a rank line.
fn classify(r: &Reading) -> Option<Match> {
    let t = &*TABLE;
    if r.words.is_empty() {
        // a grade alone must say it is one: `III/b`, `Gol. III b`
        return r
            .grade
            .filter(|g| g.explicit || r.labelled)
            .map(|_| Match::GradeOnly);
    }
    let joined = r.words.join(" ");
    if let Some(i) = t.keys.iter().position(|k| *k == joined) {
        return Some(Match::Exact(i));
    }
    if r.words.len() == 1 && r.grade.is_none() {
        return None;
    }
    if !r.words[1..].iter().all(|w| rank_word(t, w)) {
        return None;
    }
    // the keys within reach, with their distances: at most one letter in
    // five differs. A distance is at least the difference in characters,
    // which settles most keys by their lengths (counted once, in the table)
    // without computing it.
    let n = joined.chars().count();
    let within: Vec<(usize, usize)> = t
        .keys
        .iter()
        .zip(&t.key_chars)
        .enumerate()
        .filter(|&(_, (_, &kn))| n.abs_diff(kn) <= kn / 5)
        .filter_map(|(i, (k, &kn))| {
            let d = crate::text::edit_distance_within(&joined, k, kn / 5)?;
            Some((i, d))
        })
        .collect();
    let best = within.iter().map(|&(_, d)| d).min();
    let mut closest: Vec<usize> = within
        .iter()
        .filter(|&&(_, d)| Some(d) == best)
        .map(|&(i, _)| i)
        .collect();
    if closest.len() > 1
        && let Some(gr) = r.grade
    {
        let written = gr.text();
        let agree: Vec<usize> = closest
            .iter()
            .copied()
            .filter(|&i| t.ranks[i].1 == written)
            .collect();
        if !agree.is_empty() {
            closest = agree;
        }
    }
    match closest.as_slice() {
        [i] => Some(Match::Corrected(*i)),
        _ if t.heads.iter().any(|h| similar(&r.words[0], h)) => Some(Match::Unknown(closest)),
        _ => None,
    }
}

/// True when the line reads as a rank (possibly misspelled, possibly with a
/// grade), or as a grade alone: `Pembina Utama Muda (IV/c)`, `Pembina, IV/a`,
/// `Pembina Utam Muda`, `Pimpinan Utama Madya`, `Penata Tk. I`, `Gol. III/b`.
///
/// A signature's lines are asked this more than once (whether a line anchors
/// a signature, then where its name ends): the last few answers are kept for
/// the document ([`crate::memo`]).
pub fn looks_like_rank(text: &str) -> bool {
    use crate::memo::{Recent, cached};
    use std::cell::RefCell;
    thread_local! {
        static RANKS: RefCell<Recent<bool>> = const { RefCell::new(Recent::new()) };
    }
    cached(&RANKS, text, || {
        read(text).as_ref().and_then(classify).is_some()
    })
}

/// Reads a rank line: canonical pangkat and the written golongan, with
/// `rank-corrected` / `rank-unknown` diagnostics (see the module rules).
pub fn parse(text: &str, span: Span, diags: &mut Diagnostics) -> Pangkat {
    let t = &*TABLE;
    let clean = markup::strip_markup(text);
    let reading = read(&clean);
    let m = reading.as_ref().and_then(classify);
    let (Some(r), Some(m)) = (reading, m) else {
        let pangkat = markup::clean_opt(text);
        if let Some(p) = &pangkat {
            diags.at(
                Code::RankUnknown,
                span,
                format!("`{p}` is not a civil-service rank; kept as written"),
            );
        }
        return Pangkat {
            pangkat,
            golongan: None,
        };
    };
    let written = markup::clean_opt(r.rank_text);
    let golongan = r.grade.map(|g| g.text());
    let shown = written.as_deref().unwrap_or("");
    let exists = |gr: &String| t.ranks.iter().any(|(_, g)| g == gr);
    if let Some(gr) = golongan.as_ref().filter(|g| !exists(g)) {
        diags.at(
            Code::RankUnknown,
            span,
            format!("golongan {gr} does not exist; kept as written"),
        );
    }
    // a grade of another rank (a grade that does not exist says nothing)
    let contradicts = |i: usize| {
        golongan
            .as_ref()
            .filter(|g| exists(g) && **g != t.ranks[i].1)
    };
    let pangkat = match m {
        Match::GradeOnly => None,
        Match::Exact(i) => {
            if let Some(gr) = contradicts(i) {
                diags.at(
                    Code::RankUnknown,
                    span,
                    format!(
                        "rank `{}` has golongan {}, but {gr} is written; both kept as written",
                        t.ranks[i].0, t.ranks[i].1
                    ),
                );
            }
            Some(t.ranks[i].0.clone())
        }
        Match::Corrected(i) => match contradicts(i) {
            Some(gr) => {
                diags.at(
                    Code::RankUnknown,
                    span,
                    format!(
                        "rank `{shown}` is closest to `{}` ({}), but {gr} is written; kept as written",
                        t.ranks[i].0, t.ranks[i].1
                    ),
                );
                written
            }
            None => {
                diags.at(
                    Code::RankCorrected,
                    span,
                    format!("rank `{shown}` read as `{}`", t.ranks[i].0),
                );
                Some(t.ranks[i].0.clone())
            }
        },
        Match::Unknown(closest) => {
            let why = match closest.as_slice() {
                [] => "matches no civil-service rank".to_string(),
                many => format!(
                    "could be {}",
                    many.iter()
                        .map(|&i| format!("`{}`", t.ranks[i].0))
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
            };
            diags.at(
                Code::RankUnknown,
                span,
                format!("rank `{shown}` {why}; kept as written"),
            );
            written
        }
    };
    Pangkat { pangkat, golongan }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn similar_words_are_within_the_edit_distance(w in "[A-Za-z.]{0,12}", k in 0usize..8) {
            // `similar` as the full edit distance
            let t = &*TABLE;
            let m = &t.modifiers[k % t.modifiers.len()];
            let plain = w.len().abs_diff(m.len()) <= 2
                && (eq_upper(&w, m) || {
                    let n = w.chars().count().min(m.chars().count());
                    n >= 4
                        && strsim::levenshtein(&w.to_ascii_uppercase(), m)
                            <= if n >= 8 { 2 } else { 1 }
                });
            prop_assert_eq!(similar(&w, m), plain);
        }
    }

    fn read_rank(text: &str) -> (Pangkat, Vec<crate::model::Diagnostic>) {
        let mut d = Diagnostics::default();
        let p = parse(text, Span::line(9), &mut d);
        (p, d.finish())
    }

    #[test]
    fn looks_like_rank_on_signature_lines() {
        let yes = [
            "Pembina Utama Muda (IV/c)",
            "Pembina Utama Muda (IV/c)  ",
            "Pembina Utam Muda",
            "Pimpinan Utama Madya",
            "Pembina Utama Madya",
            "Pembina Utama Muda",
            "Pembina, IV/a",
            "Pembina",
            "PEMBINA TK. I",
            "Penata Tk. I",
            "Penata Tk.I / III d",
            "Penata Muda Tingkat I (III/b)",
            "Juru Muda",
            "Pengatur Tingkat I, II/d",
            "**Pembina Utama Muda**",
            "Pangkat : Pembina",
            "Gol. III/b",
            "III/b",
            "(IV/a)",
            "Penata Muda Utama Tk. III",
            "Pembina IV a",
        ];
        for t in yes {
            assert!(looks_like_rank(t), "{t}");
        }
        let no = [
            "KEPALA DINAS",
            "KEPALA DINAS KOPERASI DAN UKM",
            "ERNAINI MUSTATIM, SH.,MH",
            "Kabupaten Kapuas Hulu",
            "Kabupaten Kapuas Hulu .",
            "Abang chairul saleh ,S.H.,M.M",
            "Drs. JUNAIDI, MM",
            "SYAMRIAH",
            "RENATA",
            "PEMBINAAN",
            "Pembinaan dan pengawasan koperasi",
            "Pelaksanaan administrasi umum",
            "Penata Laksana Barang Terampil",
            "Auditor Madya",
            "Analis Kebijakan Ahli Muda",
            "Penyuluh Koperasi Madya",
            "PIMPINAN CABANG",
            "PENGADMINISTRASI UMUM",
            "SUHARDI, S.Kom Pembina, IV/a",
            "S.Kom Pembina, IV/a",
            "Pembina 2019",
            "I a",
            "NIP. 19650103 199203 1 010",
            "",
            "   ",
            "Pembina Utama Muda dan Pembina Utama Madya yang bertugas di sini",
        ];
        for t in no {
            assert!(!looks_like_rank(t), "{t}");
        }
    }

    /// (text, pangkat, golongan, diagnostic code, message part)
    #[test]
    fn corpus_and_variant_ranks() {
        type Row = (
            &'static str,
            Option<&'static str>,
            Option<&'static str>,
            &'static str,
            &'static str,
        );
        let rows: &[Row] = &[
            (
                "Pembina Utama Muda (IV/c)",
                Some("Pembina Utama Muda"),
                Some("IV/c"),
                "",
                "",
            ),
            (
                "Pembina Utama Madya",
                Some("Pembina Utama Madya"),
                None,
                "",
                "",
            ),
            (
                "Pembina Utama Muda",
                Some("Pembina Utama Muda"),
                None,
                "",
                "",
            ),
            ("Pembina, IV/a", Some("Pembina"), Some("IV/a"), "", ""),
            (
                "PEMBINA UTAMA MUDA",
                Some("Pembina Utama Muda"),
                None,
                "",
                "",
            ),
            ("Penata Tk. I", Some("Penata Tingkat I"), None, "", ""),
            (
                "Penata Tk.I/III.d",
                Some("Penata Tingkat I"),
                Some("III/d"),
                "",
                "",
            ),
            (
                "Penata Muda Tk. 1 (III/b)",
                Some("Penata Muda Tingkat I"),
                Some("III/b"),
                "",
                "",
            ),
            ("Pembina IV a", Some("Pembina"), Some("IV/a"), "", ""),
            ("pembina / iv-A", Some("Pembina"), Some("IV/a"), "", ""),
            (
                "Pangkat : Pengatur Muda, Gol. II/a",
                Some("Pengatur Muda"),
                Some("II/a"),
                "",
                "",
            ),
            ("Juru Tingkat I", Some("Juru Tingkat I"), None, "", ""),
            (
                "Pembina Utam Muda",
                Some("Pembina Utama Muda"),
                None,
                "rank-corrected",
                "rank `Pembina Utam Muda` read as `Pembina Utama Muda`",
            ),
            (
                "Pimpinan Utama Madya",
                Some("Pembina Utama Madya"),
                None,
                "rank-corrected",
                "rank `Pimpinan Utama Madya` read as `Pembina Utama Madya`",
            ),
            (
                "Pembina Tingkat",
                Some("Pembina Tingkat I"),
                None,
                "rank-corrected",
                "`Pembina Tingkat`",
            ),
            // a single word is corrected only with a grade next to it
            (
                "Renata, III/c",
                Some("Penata"),
                Some("III/c"),
                "rank-corrected",
                "`Renata`",
            ),
            // a tie is broken by the written grade
            (
                "Pembina Utama Mudya (IV/d)",
                Some("Pembina Utama Madya"),
                Some("IV/d"),
                "rank-corrected",
                "read as `Pembina Utama Madya`",
            ),
            (
                "Pembina Utama Mudya",
                Some("Pembina Utama Mudya"),
                None,
                "rank-unknown",
                "could be `Pembina Utama Muda` or `Pembina Utama Madya`",
            ),
            (
                "Penata Muda Utama Tk. III",
                Some("Penata Muda Utama Tk. III"),
                None,
                "rank-unknown",
                "rank `Penata Muda Utama Tk. III` matches no civil-service rank; kept as written",
            ),
            // the written grade contradicts the rank
            (
                "Pembina (IV/c)",
                Some("Pembina"),
                Some("IV/c"),
                "rank-unknown",
                "rank `Pembina` has golongan IV/a, but IV/c is written",
            ),
            (
                "Pembina Utam Muda (IV/e)",
                Some("Pembina Utam Muda"),
                Some("IV/e"),
                "rank-unknown",
                "closest to `Pembina Utama Muda` (IV/c), but IV/e is written",
            ),
            // a grade no rank has
            (
                "Penata III/e",
                Some("Penata"),
                Some("III/e"),
                "rank-unknown",
                "golongan III/e does not exist",
            ),
            // a grade alone: no rank is derived
            ("III/b", None, Some("III/b"), "", ""),
            ("Gol. IV/a", None, Some("IV/a"), "", ""),
            // not a rank at all (called anyway)
            (
                "KEPALA DINAS",
                Some("KEPALA DINAS"),
                None,
                "rank-unknown",
                "not a civil-service rank",
            ),
            ("", None, None, "", ""),
        ];
        for &(text, pangkat, golongan, code, msg) in rows {
            let (p, d) = read_rank(text);
            assert_eq!(p.pangkat.as_deref(), pangkat, "{text}");
            assert_eq!(p.golongan.as_deref(), golongan, "{text}");
            if code.is_empty() {
                assert!(d.is_empty(), "{text}: {d:?}");
            } else {
                assert_eq!(d.len(), 1, "{text}: {d:?}");
                assert_eq!(d[0].code, code, "{text}");
                assert_eq!(d[0].span, Some(Span::line(9)));
                assert!(d[0].message.contains(msg), "{text}: {}", d[0].message);
            }
        }
    }

    #[test]
    fn table_lookups() {
        assert_eq!(golongan_of("Pembina Utama Muda"), Some("IV/c"));
        assert_eq!(golongan_of("Penata Tk. I"), Some("III/d"));
        assert_eq!(golongan_of("Pembina Utam Muda"), None);
        assert_eq!(pangkat_of("IV/c"), Some("Pembina Utama Muda"));
        assert_eq!(pangkat_of("iii.b"), Some("Penata Muda Tingkat I"));
        assert_eq!(pangkat_of("III/e"), None);
        // every rank of the table reads as itself, alone and with its grade
        for r in &grammar().ranks {
            let (p, d) = read_rank(&r.pangkat);
            assert_eq!(p.pangkat.as_deref(), Some(r.pangkat.as_str()));
            assert!(d.is_empty(), "{}: {d:?}", r.pangkat);
            let with = format!("{} ({})", r.pangkat.to_uppercase(), r.golongan);
            let (p, d) = read_rank(&with);
            assert_eq!(p.pangkat.as_deref(), Some(r.pangkat.as_str()));
            assert_eq!(p.golongan.as_deref(), Some(r.golongan.as_str()));
            assert!(d.is_empty(), "{with}: {d:?}");
            assert_eq!(pangkat_of(&r.golongan), Some(r.pangkat.as_str()));
        }
    }

    /// A rank of the table, damaged by one edit in one of its words.
    fn damaged_rank() -> impl Strategy<Value = (usize, String)> {
        let n = grammar().ranks.len();
        (0..n, any::<prop::sample::Index>(), "[A-Z]", 0usize..3).prop_map(|(i, at, c, op)| {
            let key = grammar().ranks[i].pangkat.to_uppercase();
            let chars: Vec<char> = key.chars().collect();
            let k = at.index(chars.len());
            let mut out: Vec<char> = chars.clone();
            let c = c.chars().next().unwrap_or('X');
            match op {
                0 if chars[k] != ' ' => out[k] = c,
                1 => out.insert(k, c),
                _ if chars[k] != ' ' => {
                    out.remove(k);
                }
                _ => {}
            }
            (i, out.into_iter().collect())
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn never_panics(s in ".*") {
            let mut d = Diagnostics::default();
            let _ = looks_like_rank(&s);
            let _ = parse(&s, Span::line(1), &mut d);
        }

        #[test]
        fn never_panics_on_rank_like_text(s in "[PpJjéI]{0,2}[a-zé]{0,6}( [A-Za-z]{0,6}){0,3}[ ,(]{0,2}[IVivé]{0,3}[/. \\-]{0,2}[a-eé]?[)]?") {
            let mut d = Diagnostics::default();
            let _ = looks_like_rank(&s);
            let _ = parse(&s, Span::line(1), &mut d);
        }

        /// One edit in a rank never reads as another rank: it reads as the
        /// rank itself or is kept as written with a warning.
        #[test]
        fn damage_is_corrected_or_kept((i, text) in damaged_rank()) {
            let (p, d) = read_rank(&text);
            let rank = &grammar().ranks[i].pangkat;
            let ok = p.pangkat.as_deref() == Some(rank.as_str())
                || (p.pangkat.as_deref() == Some(text.as_str())
                    && d.iter().any(|x| x.code == "rank-unknown"));
            // a damaged single word is no rank at all unless it is exact
            let single = !text.contains(' ');
            prop_assert!(ok || single, "{} → {:?} {:?}", text, p, d);
            if single && p.pangkat.as_deref() != Some(rank.as_str()) {
                prop_assert!(d.iter().all(|x| x.code != "rank-corrected"));
            }
        }

        /// The output of a rank with its grade reads back the same.
        #[test]
        fn round_trip(i in 0usize..17, form in 0usize..3) {
            let r = &grammar().ranks[i % grammar().ranks.len()];
            let text = match form {
                0 => format!("{} ({})", r.pangkat, r.golongan),
                1 => format!("{}, {}", r.pangkat.to_uppercase(), r.golongan),
                _ => r.pangkat.clone(),
            };
            let (p, d) = read_rank(&text);
            prop_assert!(d.is_empty());
            let again = match &p.golongan {
                Some(g) => format!("{} ({g})", p.pangkat.clone().unwrap_or_default()),
                None => p.pangkat.clone().unwrap_or_default(),
            };
            let (q, _) = read_rank(&again);
            prop_assert_eq!(p, q);
        }
    }
}
