//! Regulation citations → [`Rujukan`].
//!
//! [`find_all`] reads every citation of a regulation in a cleaned text: a
//! Menimbang or Mengingat item, or a table cell. The vocabulary (types, their
//! abbreviations, gazettes, the words `Nomor`, `Tahun`, `tentang`, amendment
//! phrases …) is in `grammars/regulations.toml`; this module only knows the
//! shape of a citation:
//!
//! ```text
//! citation = reg-type issuer [ date-clause ] ident [ title ] [ gazettes ] ;
//! ident    = number-clause { [ "," ] also number-clause | year-clause } ;
//! title    = "tentang" { nested-citation | token }          (up to a title end) ;
//! gazettes = "(" gazette { ( "," | ";" | also ) gazette } … [ ")" ] ;
//! ```
//!
//! Each rule is the doc comment of its parser below. The rules chosen where
//! the text is not explicit:
//!
//! * **A citation needs a number.** A type without a number ("ditetapkan
//!   dengan suatu Keputusan", "Peraturan Daerah Kabupaten Barito Kuala APBD
//!   Bidang Koperasi") names no particular regulation and the same words occur
//!   in ordinary sentences, so it is not a citation. A number is a `Nomor …`
//!   clause, or a bare number that is structured (`23/2014`) or followed by a
//!   year clause (`Perda 7 Tahun 2012`). Two-letter abbreviations (`UU`, `PP`,
//!   `SE`, `SK`) count only when the number follows them directly.
//! * **Issuer** (`penerbit`): the words between the type and the number, with
//!   a trailing `Republik Indonesia`/`RI` dropped. When the type names an
//!   office (Peraturan Menteri, Bupati, Gubernur, Wali Kota) the office is part
//!   of the issuer: "Peraturan Bupati Kapuas Hulu nomor 59" → "Bupati Kapuas
//!   Hulu". No words → `null` ("Peraturan Gubernur Nomor 9": the office alone
//!   is already the type). An abbreviation like `Permendagri` gives its issuer
//!   from the grammar.
//! * **Year** (`tahun`): from `Tahun 2014` before the title; otherwise the last
//!   4-digit year part of a structured number (`PER/9/M.PAN/5/2007` → 2007).
//!   Years inside the title (`RPJMD … Tahun 2016 – 2021`) are title words.
//! * **Title** (`tentang`) ends at the first of: `;`, a gazette parenthesis, an
//!   amendment phrase (`sebagaimana telah diubah …`), a comma followed by a
//!   word that opens a new clause (`, dipandang perlu`), a full stop after a
//!   word of five or more letters (so `Kab. Banggai` goes on), a further
//!   citation joined by `dan`/`,`, or the end of the text. Other parentheses
//!   (`(RPJMD)`) are title words.
//! * **Nested citations.** A citation inside another's title (`… tentang
//!   Penetapan Undang-Undang Darurat Nomor 3 Tahun 1953 tentang …`,
//!   `… tentang Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 …`) is
//!   its own entry, listed after the one that contains it; the container's
//!   `tentang` keeps its whole title as written. A nested title also ends at
//!   `menjadi`/`sebagai` + a type ("… tentang Cipta Kerja menjadi
//!   Undang-Undang": those words are the enacting law's). A gazette after a
//!   nested citation belongs to it only when their years agree — laws are
//!   promulgated in the gazette of their year — otherwise to the container
//!   (the gazette after "Perubahan Kedua atas UU 23/2014 tentang …" is that of
//!   the 2015 amendment).
//! * **Amendment chains**: the amendment phrase ends the primary citation; the
//!   regulations named after it are further entries, in text order.
//! * **Duplicates**: a regulation named twice in one text (same type, number
//!   and year — typically the "atas Undang-Undang Nomor 23 Tahun 2014"
//!   back-reference in an amendment's title) is listed once, at its first
//!   place; gazettes given at the later place are added to it.
//! * **Joint regulations with two numbers** ("Keputusan Menteri … Nomor
//!   85/M/SK/3/1980 dan Nomor 027b/P/1980 tentang Dekranas") give one entry
//!   per number, sharing the type, issuer, title and `teks`: each number
//!   identifies the regulation in one issuer's register.
//! * **OCR glue**: a keyword glued to its neighbour at a lower→upper case
//!   change is read as two words (`BirokrasiNomor`, `tentangPedoman`); the
//!   glued words inside the title are kept as written.
//! * `teks` is the citation's own text: from its type to the end of its
//!   gazettes (or title), without a final `;` or `.`.
//!
//! Performance: a text without an ASCII digit holds no number, so no
//! citation, and returns at once; the others are scanned for the first word
//! of any type form (a word lookup, no allocation), and texts without one
//! return at once too.

use nom::{
    IResult, Parser,
    bytes::complete::{take_while, take_while1},
    character::complete::{anychar, char, satisfy},
    combinator::opt,
    error::{Error, ErrorKind},
};

use crate::grammar::{FormRef, Phrase, RegulationType, Regulations, grammar, words};
use crate::markup;
use crate::model::{Lembaran, Rujukan};

type Res<'a, T> = IResult<&'a str, T>;

/// Nesting depth up to which citations inside titles are read.
const MAX_DEPTH: u8 = 3;
/// Words an issuer may have.
const MAX_ISSUER_WORDS: usize = 16;
/// Words between a gazette's name and its year or number.
const MAX_PLACE_WORDS: usize = 8;

/// Every citation in a text, in order (see the module doc).
///
/// A text that mentions a regulation is parsed once per document: tables
/// repeat a merged cell on every row (`Peraturan Daerah …` under
/// `KETERANGAN`), and its citations are kept (the `memo` module).
pub fn find_all(text: &str) -> Vec<Rujukan> {
    use crate::memo::{Recent, cached};
    use std::cell::RefCell;
    thread_local! {
        static FOUND: RefCell<Recent<Vec<Rujukan>>> = const { RefCell::new(Recent::new()) };
    }
    let g = &grammar().regulations;
    // a citation needs a number, and a number a digit (`number`): most
    // texts of a table have none, which one pass over the bytes tells
    // before their words are looked up
    if !crate::text::has_ascii_digit(text.as_bytes()) || !mentions_regulation(text, g) {
        return Vec::new();
    }
    cached(&FOUND, text, || citations(text, g))
}

fn citations(text: &str, g: &'static Regulations) -> Vec<Rujukan> {
    let cx = Cx {
        all: text,
        g,
        paren_gazette: std::cell::RefCell::new(None),
    };
    let mut hits = Vec::new();
    let mut rest = text;
    while let Some((at, w)) = next_word(rest) {
        let from = &rest[at..];
        if is_first_word(w, g)
            && let Ok((r, (found, _))) = citation(&cx, from, 0)
        {
            hits.extend(found);
            rest = r;
            continue;
        }
        rest = &from[w.len()..];
    }
    finish(hits)
}

/// True when some word of the text is the first word of a regulation type or
/// abbreviation. Allocation-free, and one pass over the bytes: a word is
/// looked up only where it starts with a letter that starts such a word (no
/// letter or digit before it), and ends with its ASCII letters and digits
/// (a first word is ASCII; a letter outside ASCII right after it makes it
/// another word). An automaton over the first words cost more: short ones
/// (`SE`, `PP`, `UU`) stand inside many Indonesian words, each a match that
/// was then rejected.
pub fn mentions_regulation(text: &str, g: &Regulations) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let lengths = g.first_lengths[usize::from(b[i])];
        if lengths == 0 {
            i += 1;
            continue;
        }
        // `b[i]` is ASCII: `i` is a character boundary
        let before = match i.checked_sub(1).map(|k| b[k]) {
            None => false,
            Some(c) if c.is_ascii() => c.is_ascii_alphanumeric(),
            Some(_) => text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric),
        };
        let end = i + crate::grammar::ascii_alnum_run(b, i);
        if !before
            && (end - i < 32 && lengths >> (end - i) & 1 == 1)
            && g.first_words.contains(&text[i..end])
            && !text[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            return true;
        }
        // the rest of this run of letters and digits starts no word
        i = end.max(i + 1);
    }
    false
}

/// The next word (maximal alphanumeric run) of `s`: (byte offset, word).
fn next_word(s: &str) -> Option<(usize, &str)> {
    crate::grammar::words(s).next_at()
}

/// True when `w` is the first word of a type form (ASCII, case-insensitive).
fn is_first_word(w: &str, g: &Regulations) -> bool {
    g.first_words.contains(w)
}

/// Sorts by position, drops repeated regulations (merging their gazettes).
fn finish(mut hits: Vec<Hit>) -> Vec<Rujukan> {
    hits.sort_by_key(|h| h.start);
    let mut out: Vec<Rujukan> = Vec::with_capacity(hits.len());
    for h in hits {
        let r = h.r;
        let same = out.iter_mut().find(|o| {
            o.jenis == r.jenis && o.nomor == r.nomor && o.tahun == r.tahun && o.nomor.is_some()
        });
        match same {
            Some(o) => {
                for l in r.lembaran {
                    if !o.lembaran.contains(&l) {
                        o.lembaran.push(l);
                    }
                }
            }
            None => out.push(r),
        }
    }
    out
}

// --- context and results ------------------------------------------------------

/// The whole text (to turn slices into offsets) and the vocabulary.
struct Cx<'a> {
    all: &'a str,
    g: &'static Regulations,
    /// The gazette read where a title was found to end at its parenthesis
    /// ([`gazette_paren_starts`]), by where it was read (the slice's start
    /// and length) and with the length of the text after it: the gazettes
    /// are read from there next, and take it instead of reading it again.
    paren_gazette: std::cell::RefCell<Option<KeptGazette>>,
}

/// A gazette read ahead ([`Cx::paren_gazette`]): where it was read
/// ([`slice_key`]), the length of the text after it, and the gazette.
struct KeptGazette {
    at: (usize, usize),
    rest_len: usize,
    lembaran: Lembaran,
}

impl<'a> Cx<'a> {
    /// Byte offset of a suffix of the text.
    fn at(&self, rest: &str) -> usize {
        self.all.len().saturating_sub(rest.len())
    }

    /// The text between two suffixes.
    fn between(&self, from: &str, to: &str) -> &'a str {
        let (a, b) = (self.at(from), self.at(to));
        self.all.get(a..b.max(a)).unwrap_or("")
    }
}

/// A citation found at byte offset `start`.
struct Hit {
    start: usize,
    r: Rujukan,
}

fn error<T>(i: &str) -> Res<'_, T> {
    Err(nom::Err::Error(Error::new(i, ErrorKind::Verify)))
}

// --- words and phrases --------------------------------------------------------

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// `gap = { white-space | dash } ;` — what may stand between the words of a phrase.
fn gap(i: &str) -> Res<'_, &str> {
    take_while(|c: char| c.is_whitespace() || is_dash(c)).parse(i)
}

/// `space = { white-space } ;`
fn space(i: &str) -> Res<'_, &str> {
    take_while(char::is_whitespace).parse(i)
}

/// `word = letter-or-digit { letter-or-digit } ;`
fn word(i: &str) -> Res<'_, &str> {
    take_while1(char::is_alphanumeric).parse(i)
}

/// `punct = [ space ] ( "." | ":" ) ;` — optional punctuation after a keyword
/// (`No.`, `Nomor :`).
fn punct(i: &str) -> Res<'_, ()> {
    let (mut r, _) = space(i)?;
    for c in ['.', ':'] {
        if let Ok((r2, _)) = char::<_, Error<&str>>(c).parse(r) {
            r = space(r2)?.0;
        }
    }
    Ok((r, ()))
}

/// `keyword(W) = W ;` — one upper-case word `upper`, matched case-insensitively.
/// It must end at a word boundary: a non-alphanumeric character, the end, or a
/// glue point (a lower-case letter followed by an upper-case letter or a digit,
/// as in OCR'd `tentangPedoman`).
fn keyword<'a>(i: &'a str, upper: &str) -> Res<'a, &'a str> {
    if upper.is_ascii() {
        // fast path: the text must hold the same ASCII letters
        let n = upper.len();
        let Some(head) = i.get(..n) else {
            return error(i);
        };
        if n == 0 || !head.as_bytes().eq_ignore_ascii_case(upper.as_bytes()) {
            return error(i);
        }
        let rest = &i[n..];
        return if boundary_after(head.chars().next_back(), rest) {
            Ok((rest, head))
        } else {
            error(i)
        };
    }
    let mut want = upper.chars();
    let mut end = 0;
    let mut last = None;
    let mut pending = want.next();
    for (p, c) in i.char_indices() {
        if pending.is_none() {
            break;
        }
        for u in c.to_uppercase() {
            if pending != Some(u) {
                return error(i);
            }
            pending = want.next();
        }
        end = p + c.len_utf8();
        last = Some(c);
    }
    if pending.is_some() || end == 0 {
        return error(i);
    }
    let (matched, rest) = i.split_at(end);
    if boundary_after(last, rest) {
        Ok((rest, matched))
    } else {
        error(i)
    }
}

/// A word ends before `rest`: at the end, a non-alphanumeric character, or a
/// glue point (the `last` letter lower case, the next upper case or a digit).
fn boundary_after(last: Option<char>, rest: &str) -> bool {
    match rest.chars().next() {
        None => true,
        Some(n) if !n.is_alphanumeric() => true,
        Some(n) => last.is_some_and(char::is_lowercase) && (n.is_uppercase() || n.is_numeric()),
    }
}

/// `phrase(P) = keyword(P₁) { gap keyword(Pₙ) } ;`
fn phrase<'a>(i: &'a str, p: &Phrase) -> Res<'a, &'a str> {
    // an ASCII first word (matched byte for byte by `keyword`) must start
    // with the text's first letter, in any case: most phrases of a list
    // fail here
    if let (Some(w), Some(&c0)) = (p.0.first(), i.as_bytes().first())
        && w.is_ascii()
        && w.as_bytes()
            .first()
            .is_some_and(|w0| !w0.eq_ignore_ascii_case(&c0))
    {
        return error(i);
    }
    let mut r = i;
    for (n, w) in p.0.iter().enumerate() {
        if n > 0 {
            r = gap(r)?.0;
        }
        r = keyword(r, w)?.0;
    }
    if p.0.is_empty() {
        return error(i);
    }
    Ok((r, &i[..i.len() - r.len()]))
}

/// The longest phrase of `list` at the start of `i`.
fn longest<'a, 'p>(i: &'a str, list: &'p [Phrase]) -> Option<(&'a str, &'p Phrase)> {
    // the first-letter test of `phrase`, before the call: most phrases of a
    // list fail it
    let c0 = *i.as_bytes().first()?;
    list.iter()
        .filter(|p| {
            p.0.first().is_none_or(|w| {
                let w0 = w.as_bytes().first().copied().unwrap_or(c0);
                w0.eq_ignore_ascii_case(&c0) || !w.is_ascii()
            })
        })
        .filter_map(|p| phrase(i, p).ok().map(|(r, _)| (r, p)))
        .max_by_key(|(_, p)| p.len())
}

/// `one-of(LIST) = phrase(L₁) | phrase(L₂) | … ;` (longest wins)
fn one_of<'a>(i: &'a str, list: &[Phrase]) -> Res<'a, &'a str> {
    match longest(i, list) {
        Some((r, _)) => Ok((r, &i[..i.len() - r.len()])),
        None => error(i),
    }
}

// --- the type ------------------------------------------------------------------

/// A regulation type as read.
#[derive(Clone, Copy)]
struct TypeHit<'a> {
    jenis: &'static str,
    /// a two-letter form: the number must follow directly
    short: bool,
    /// the issuer an abbreviation names (`Permendagri`)
    issuer: Option<&'static str>,
    /// the type's office, as written in the text when the form ends with it
    /// (`Bupati` of "Peraturan Bupati"), else as written in the grammar
    office: Option<&'a str>,
}

/// `reg-type = abbreviation | type-form | short-form ;` — the longest form wins.
fn reg_type<'a>(cx: &Cx<'a>, i: &'a str) -> Res<'a, TypeHit<'a>> {
    let g = cx.g;
    let mut best: Option<(usize, &'a str, TypeHit<'a>)> = None;
    let mut consider = |len: usize, rest: &'a str, hit: TypeHit<'a>| {
        if best.as_ref().is_none_or(|(l, _, _)| len > *l) {
            best = Some((len, rest, hit));
        }
    };
    // the forms that start with the text's first letter (forms are ASCII),
    // in the grammar's order: types, then abbreviations. Many share their
    // first word (`PERATURAN`): the text's match of each first word is
    // read once ([`FirstWordMemo`])
    let first = i.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    let mut memo = FirstWordMemo::default();
    let mut phrase = |i: &'a str, p: &'static Phrase| memo.phrase(i, p);
    for &f in &g.forms_by_letter[usize::from(first)] {
        match f {
            FormRef::Type { t, k, short } => {
                let ty = &g.types[t];
                let p = if short { &ty.short[k] } else { &ty.forms[k] };
                if let Ok((rest, matched)) = phrase(i, p) {
                    let hit = TypeHit {
                        jenis: &ty.name,
                        short,
                        issuer: None,
                        office: office_as_written(ty, matched),
                    };
                    consider(p.len(), rest, hit);
                }
            }
            FormRef::Abbreviation(a) => {
                let a = &g.abbreviations[a];
                if let Ok((rest, _)) = phrase(i, &a.form) {
                    let hit = TypeHit {
                        jenis: &a.kind,
                        short: false,
                        issuer: Some(&a.issuer),
                        office: None,
                    };
                    consider(a.form.len(), rest, hit);
                }
            }
        }
    }
    match best {
        Some((_, rest, hit)) => Ok((rest, hit)),
        None => error(i),
    }
}

/// [`phrase`] of one text against many phrases, with the text's match of
/// each distinct first word kept (the last few): the forms of a letter
/// share few first words.
#[derive(Default)]
struct FirstWordMemo<'a, 'p> {
    /// (first word, what follows its match in the text, or no match)
    seen: [Option<(&'p str, Option<&'a str>)>; 4],
    next: usize,
}

impl<'a, 'p> FirstWordMemo<'a, 'p> {
    /// `phrase(i, p)`, for one `i` throughout.
    fn phrase(&mut self, i: &'a str, p: &'p Phrase) -> Res<'a, &'a str> {
        let Some((w0, rest)) = p.0.split_first() else {
            return error(i);
        };
        let after = match self.seen.iter().flatten().find(|(w, _)| *w == w0.as_str()) {
            Some(&(_, after)) => after,
            None => {
                let after = keyword(i, w0).ok().map(|(r, _)| r);
                self.seen[self.next % self.seen.len()] = Some((w0, after));
                self.next += 1;
                after
            }
        };
        let Some(mut r) = after else {
            return error(i);
        };
        for w in rest {
            r = gap(r)?.0;
            r = keyword(r, w)?.0;
        }
        Ok((r, &i[..i.len() - r.len()]))
    }
}

/// The office of a type as the text writes it: the last words of the matched
/// form when they are the office ("Peraturan **Bupati**"), else the grammar's
/// spelling (for `Perbup`).
fn office_as_written<'a>(t: &'static RegulationType, matched: &'a str) -> Option<&'a str> {
    let office = t.office.as_deref()?;
    let want = Phrase::new(office);
    let ws: Vec<&str> = words(matched).collect();
    let k = want.len();
    if k > 0 && ws.len() >= k && want.is_exactly(ws[ws.len() - k..].iter().copied()) {
        let first = ws[ws.len() - k];
        let off = first.as_ptr() as usize - matched.as_ptr() as usize;
        return matched.get(off..);
    }
    Some(office)
}

/// True when a regulation type starts here.
fn starts_type(cx: &Cx, i: &str) -> bool {
    next_word(i).is_some_and(|(at, w)| at == 0 && is_first_word(w, cx.g)) && reg_type(cx, i).is_ok()
}

// --- numbers, years, dates ------------------------------------------------------

/// `number = num-char { num-char } ;` with `num-char = letter | digit | "/" |
/// "." | "-" | "_"`; it must hold a digit. A trailing `.` or `-` is not part
/// of it; `188/ /KEP/…` (a gap left in the number) is read as one number.
fn number(i: &str) -> Res<'_, &str> {
    let num_char = |c: char| c.is_alphanumeric() || matches!(c, '/' | '.' | '-' | '_');
    let (_, tok) = take_while1(num_char).parse(i)?;
    let mut len = tok.trim_end_matches(['.', '-']).len();
    // "188/ /KEP/429.115/2016": a number continued after a gap
    if tok.ends_with('/') {
        let after = &i[tok.len()..];
        let (r2, sp) = space(after)?;
        if !sp.is_empty()
            && r2.starts_with('/')
            && let Ok((_, more)) = take_while1::<_, _, Error<&str>>(num_char).parse(r2)
        {
            len = tok.len() + sp.len() + more.trim_end_matches(['.', '-']).len();
        }
    }
    let num = &i[..len];
    if num.bytes().any(|b| b.is_ascii_digit()) {
        Ok((&i[len..], num))
    } else {
        error(i)
    }
}

/// `year = digit digit digit digit ;` (1800–2100, not followed by a digit)
fn year(i: &str) -> Res<'_, i32> {
    let (r, d) = take_while1(|c: char| c.is_ascii_digit()).parse(i)?;
    match d.parse::<i32>() {
        Ok(y) if d.len() == 4 && (1800..=2100).contains(&y) => Ok((r, y)),
        _ => error(i),
    }
}

/// `year-clause = year-word punct year ;` (`Tahun 2014`, `Th. 2014`)
fn year_clause<'a>(cx: &Cx<'a>, i: &'a str) -> Res<'a, i32> {
    let (r, _) = one_of(i, &cx.g.year)?;
    let (r, _) = punct(r)?;
    year(r)
}

/// `number-clause = number-word punct number | bare-number ;`
/// `bare-number = number ;` — only when it is structured (`23/2014`) or a
/// year clause follows (`Perda 7 Tahun 2012`), so that a stray figure after a
/// type word is not taken for its number.
fn number_clause<'a>(cx: &Cx<'a>, i: &'a str) -> Res<'a, &'a str> {
    if let Ok((r, _)) = one_of(i, &cx.g.number) {
        let (r, _) = punct(r)?;
        return number(r);
    }
    let (r, n) = number(i)?;
    let structured = n.contains('/');
    if structured || year_clause(cx, space(r)?.0).is_ok() {
        Ok((r, n))
    } else {
        error(i)
    }
}

/// `date-clause = date-word punct ( day month year | digits { ("-"|"/"|".") digits } ) ;`
/// (`tanggal 06 Januari 2016`); month names from `months.toml`.
fn date_clause<'a>(cx: &Cx<'a>, i: &'a str) -> Res<'a, ()> {
    let (r, _) = one_of(i, &cx.g.date)?;
    let (r, _) = punct(r)?;
    let mut numeric = take_while1(|c: char| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'));
    let spelled = |r: &'a str| -> Res<'a, ()> {
        let (r, _) = take_while1(|c: char| c.is_ascii_digit()).parse(r)?;
        let (r, _) = space(r)?;
        let (r, m) = word(r)?;
        if grammar().month(m).is_none() {
            return error(r);
        }
        let (r, _) = space(r)?;
        let (r, _) = year(r)?;
        Ok((r, ()))
    };
    match spelled(r) {
        Ok(ok) => Ok(ok),
        Err(_) => {
            let (r2, d) = numeric.parse(r)?;
            if d.bytes().filter(u8::is_ascii_digit).count() >= 4 {
                Ok((r2, ()))
            } else {
                error(i)
            }
        }
    }
}

/// The year in a structured number: its last part of four digits that reads
/// as a year (`PER/9/M.PAN/5/2007` → 2007). A plain number has none.
pub fn year_in_number(nomor: &str) -> Option<i32> {
    let parts: Vec<&str> = nomor
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 {
        return None;
    }
    parts.iter().rev().find_map(|p| {
        let y: i32 = p.parse().ok().filter(|_| p.len() == 4)?;
        (1900..=2100).contains(&y).then_some(y)
    })
}

// --- issuer and ident -------------------------------------------------------------

/// `issuer = { issuer-token } ;` with `issuer-token = word | "." | "," | "&"
/// | "/" | "'" | dash`; at most 16 words. It stops (without failing) before a
/// number clause, a year or date clause, `tentang`, another type, `;`, `(`,
/// `)`, `:` or the end; a number word glued to the last word
/// (`BirokrasiNomor`) ends it too.
fn issuer<'a>(cx: &Cx<'a>, i: &'a str) -> Res<'a, &'a str> {
    let mut r = space(i)?.0;
    let mut end = r;
    let mut n = 0;
    loop {
        let stop = r.is_empty()
            || r.starts_with([';', '(', ')', ':'])
            || number_clause(cx, r).is_ok()
            || year_clause(cx, r).is_ok()
            || date_clause(cx, r).is_ok()
            || one_of(r, &cx.g.about).is_ok()
            || starts_type(cx, r);
        if stop || n >= MAX_ISSUER_WORDS {
            break;
        }
        if let Ok((after, w)) = word(r) {
            if let Some(k) = glued_number_word(cx, w) {
                return Ok((&r[k..], cx.between(i, &r[k..])));
            }
            n += 1;
            r = after;
            end = r;
        } else {
            let (after, c) = anychar(r)?;
            if !(matches!(c, '.' | ',' | '&' | '/' | '\'' | '’') || is_dash(c)) {
                break;
            }
            r = after;
        }
        r = space(r)?.0;
    }
    Ok((end, cx.between(i, end)))
}

/// Where a number word is glued to the end of `w` (`BirokrasiNomor` → 9).
fn glued_number_word(cx: &Cx, w: &str) -> Option<usize> {
    let mut prev: Option<char> = None;
    for (k, c) in w.char_indices() {
        if k > 0
            && prev.is_some_and(char::is_lowercase)
            && c.is_uppercase()
            && one_of(&w[k..], &cx.g.number).is_ok_and(|(r, _)| r.is_empty())
        {
            return Some(k);
        }
        prev = Some(c);
    }
    None
}

/// The numbers and year of a citation.
struct Ident<'a> {
    numbers: Vec<&'a str>,
    year: Option<i32>,
}

/// `ident = number-clause { [ "," ] also number-clause | year-clause } ;`
fn ident<'a>(cx: &Cx<'a>, i: &'a str) -> Res<'a, Ident<'a>> {
    let (mut r, first) = number_clause(cx, i)?;
    let mut id = Ident {
        numbers: vec![first],
        year: None,
    };
    loop {
        let (s, _) = space(r)?;
        if let Ok((r2, y)) = year_clause(cx, s) {
            id.year.get_or_insert(y);
            r = r2;
            continue;
        }
        let also = |s: &'a str| -> Res<'a, &'a str> {
            let (s, _) = opt(char::<_, Error<&str>>(',')).parse(s)?;
            let (s, _) = space(s)?;
            let (s, _) = one_of(s, &cx.g.also)?;
            let (s, _) = space(s)?;
            let (_, _) = one_of(s, &cx.g.number)?;
            number_clause(cx, s)
        };
        match also(s) {
            Ok((r2, n)) => {
                id.numbers.push(n);
                r = r2;
            }
            Err(_) => break,
        }
    }
    Ok((r, id))
}

// --- title ---------------------------------------------------------------------------

/// `title = "tentang" [ ":" ] { nested-citation | token } ;` up to a `title-end`:
///
/// ```text
/// title-end = ";" | "(" gazette | amendment | "," clause-word
///           | "." (end | space) after a word of 5+ letters   (* a sentence ends *)
///           | [ "," ] also citation-head | "," citation-head  (* a further citation *)
///           | enactment reg-type                              (* only in a nested title *)
///           | end ;
/// ```
///
/// Returns the title text and the citations nested in it.
fn title<'a>(cx: &Cx<'a>, i: &'a str, depth: u8) -> Res<'a, (&'a str, Vec<Hit>)> {
    let (r, _) = one_of(i, &cx.g.about)?;
    let (r, _) = punct(r)?;
    let start = r;
    // `end`: where the title text ends so far; `rest`: what is not consumed
    let mut end = r;
    let mut rest = r;
    let mut nested = Vec::new();
    let mut last_word = 0usize;
    loop {
        let (r, _) = space(rest)?;
        if r.is_empty() || title_ends(cx, r, depth, last_word) {
            break;
        }
        if depth < MAX_DEPTH
            && starts_type(cx, r)
            && let Ok((r2, (found, before_gazettes))) = citation(cx, r, depth + 1)
        {
            nested.extend(found);
            rest = r2;
            // a nested citation's gazettes end this title's text only if
            // nothing follows them ("… tentang Pemerintahan Daerah (Lembaran …)")
            end = before_gazettes;
            last_word = 0;
            continue;
        }
        match word(r) {
            Ok((r2, w)) => {
                last_word = w.chars().count();
                rest = r2;
            }
            Err(_) => {
                let (r2, _) = anychar(r)?;
                last_word = 0;
                rest = r2;
            }
        }
        end = rest;
    }
    Ok((rest, (cx.between(start, end), nested)))
}

/// True where a title ends (see [`title`]).
fn title_ends(cx: &Cx, r: &str, depth: u8, last_word: usize) -> bool {
    let g = cx.g;
    // the amendment, `also` and `enactment` phrases start with a few
    // letters: most words of a title start none of them
    let phrase_may_start = r
        .as_bytes()
        .first()
        .is_some_and(|&c| g.title_stop_bytes[usize::from(c)]);
    // an amendment phrase starts with one of a few words: the phrases are
    // compared only where one of them stands
    let amendment = || {
        phrase_may_start
            && g.amendment_heads.iter().any(|h| keyword(r, h).is_ok())
            && longest(r, &g.amendments).is_some()
    };
    if r.starts_with(';') || gazette_paren_starts(cx, r) || amendment() {
        return true;
    }
    if !phrase_may_start {
        return title_ends_at_punctuation(cx, r, last_word);
    }
    if title_ends_at_punctuation(cx, r, last_word) {
        return true;
    }
    if let Some((after, _)) = longest(r, &g.also)
        && citation_head(cx, after.trim_start())
    {
        return true;
    }
    if depth > 0
        && let Some((after, _)) = longest(r, &g.enactment)
        && let Ok((after, _)) = gap(after)
        && reg_type(cx, after).is_ok()
    {
        return true;
    }
    false
}

/// A title ends at `.` (a sentence's end) or at `,` before a clause or
/// another citation (see [`title`]).
fn title_ends_at_punctuation(cx: &Cx, r: &str, last_word: usize) -> bool {
    if let Some(after) = r.strip_prefix('.') {
        let sentence = after.is_empty() || after.starts_with(char::is_whitespace);
        if sentence && (last_word >= 5 || after.trim_start().is_empty()) {
            return true;
        }
    }
    if let Some(after) = r.strip_prefix(',') {
        let after = after.trim_start();
        if longest(after, &cx.g.clause).is_some() || citation_head(cx, after) {
            return true;
        }
    }
    false
}

/// `citation-head = reg-type issuer [ date-clause ] ident ;` — a citation starts here.
fn citation_head(cx: &Cx, i: &str) -> bool {
    starts_type(cx, i) && head(cx, i).is_ok()
}

// --- gazettes ------------------------------------------------------------------------

/// True when a gazette parenthesis starts here; the gazette read to tell is
/// kept for [`first_gazette`].
fn gazette_paren_starts(cx: &Cx, r: &str) -> bool {
    let Some(a) = r.strip_prefix('(').map(str::trim_start) else {
        return false;
    };
    match gazette(cx, a) {
        Ok((rest, l)) => {
            *cx.paren_gazette.borrow_mut() = Some(KeptGazette {
                at: slice_key(a),
                rest_len: rest.len(),
                lembaran: l,
            });
            true
        }
        Err(_) => false,
    }
}

/// Where a slice of the text starts and how long it is.
fn slice_key(s: &str) -> (usize, usize) {
    (s.as_ptr() as usize, s.len())
}

/// The first gazette of a parenthesis: the one [`gazette_paren_starts`]
/// read at `i`, if it read one there, else read now.
fn first_gazette<'a>(cx: &Cx<'a>, i: &'a str) -> Res<'a, Lembaran> {
    let kept = cx.paren_gazette.borrow_mut().take();
    if let Some(k) = kept
        && k.at == slice_key(i)
        && let Some(rest) = i.get(i.len().saturating_sub(k.rest_len)..)
    {
        return Ok((rest, k.lembaran));
    }
    gazette(cx, i)
}

/// `gazettes = "(" gazette { ( "," | ";" | also ) gazette } [ skipped ] [ ")" ] ;`
/// — after the last gazette anything up to the closing parenthesis is skipped
/// (a damaged or cut entry); a parenthesis left open at the end of the text
/// (a cut excerpt) ends there.
fn gazettes<'a>(cx: &Cx<'a>, i: &'a str) -> Res<'a, Vec<Lembaran>> {
    let (r, _) = char('(').parse(i)?;
    let (r, _) = space(r)?;
    let (mut r, first) = first_gazette(cx, r)?;
    let mut out = vec![first];
    loop {
        let (s, _) = space(r)?;
        let sep = |s: &'a str| -> Res<'a, ()> {
            let (s, c) = opt(satisfy::<_, _, Error<&str>>(|c| c == ',' || c == ';')).parse(s)?;
            let (s, _) = space(s)?;
            match (c, one_of(s, &cx.g.also)) {
                (_, Ok((s2, _))) => Ok((space(s2)?.0, ())),
                (Some(_), Err(_)) => Ok((s, ())),
                (None, Err(_)) => error(s),
            }
        };
        match sep(s).and_then(|(s, _)| gazette(cx, s)) {
            Ok((r2, l)) => {
                out.push(l);
                r = r2;
            }
            Err(_) => break,
        }
    }
    // the rest of the parenthesis: up to `)`, unless a `;` or `(` comes first;
    // a parenthesis never closed (a cut excerpt) runs to the end of the text
    // when no further regulation is named there
    let (s, _) = space(r)?;
    let r = match s.find([')', '(', ';']) {
        Some(p) if s[p..].starts_with(')') => &s[p + 1..],
        Some(_) => r,
        None if !mentions_regulation(s, cx.g) => "",
        None => r,
    };
    Ok((r, out))
}

/// `gazette = gazette-name { place-word } { year-clause | number-word punct number } ;`
/// with at least a year or a number; place words (`Republik Indonesia`,
/// `Provinsi Kalimantan Barat`) are skipped, at most 8.
fn gazette<'a>(cx: &Cx<'a>, i: &'a str) -> Res<'a, Lembaran> {
    let names =
        cx.g.gazettes
            .iter()
            .flat_map(|g| g.forms.iter().map(move |p| (g, p)));
    let Some((rest, name)) = names
        .filter_map(|(g, p)| phrase(i, p).ok().map(|(r, _)| (r, g, p.len())))
        .max_by_key(|(_, _, n)| *n)
        .map(|(r, g, _)| (r, g.name.clone()))
    else {
        return error(i);
    };
    let mut l = Lembaran {
        jenis: name,
        tahun: None,
        nomor: None,
    };
    let mut r = rest;
    let mut place = 0;
    loop {
        let (s, _) = space(r)?;
        if let Ok((r2, y)) = year_clause(cx, s) {
            l.tahun.get_or_insert(y);
            r = r2;
            continue;
        }
        if let Ok((s2, _)) = one_of(s, &cx.g.number)
            && let Ok((r2, n)) = punct(s2).and_then(|(s3, _)| number(s3))
        {
            l.nomor.get_or_insert_with(|| markup::collapse_ws(n));
            r = r2;
            continue;
        }
        if l.tahun.is_some() || l.nomor.is_some() || place >= MAX_PLACE_WORDS {
            break;
        }
        match word(s) {
            Ok((r2, _)) => {
                place += 1;
                r = r2;
            }
            Err(_) => break,
        }
    }
    if l.tahun.is_none() && l.nomor.is_none() {
        return error(i);
    }
    Ok((r, l))
}

// --- the citation ----------------------------------------------------------------------

/// The head of a citation: type, issuer text, ident.
struct Head<'a> {
    kind: TypeHit<'a>,
    issuer: &'a str,
    ident: Ident<'a>,
}

/// `head = reg-type ( short-form gap | issuer [ date-clause ] ) ident ;`
fn head<'a>(cx: &Cx<'a>, i: &'a str) -> Res<'a, Head<'a>> {
    let (r, kind) = reg_type(cx, i)?;
    let (r, iss) = if kind.short {
        (space(r)?.0, "")
    } else {
        issuer(cx, r)?
    };
    let (r, _) = space(r)?;
    let r = match date_clause(cx, r) {
        Ok((r2, _)) => space(r2)?.0,
        Err(_) => r,
    };
    let (r, id) = ident(cx, r)?;
    Ok((
        r,
        Head {
            kind,
            issuer: iss,
            ident: id,
        },
    ))
}

/// `citation = head [ title ] [ gazettes ] ;` — one [`Hit`] per number, then
/// the citations nested in the title, and where the citation's text ends
/// before its gazettes. In a nested citation (`depth > 0`) the gazettes are
/// taken only when their year is the citation's.
fn citation<'a>(cx: &Cx<'a>, i: &'a str, depth: u8) -> Res<'a, (Vec<Hit>, &'a str)> {
    let (mut r, h) = head(cx, i)?;
    let mut end = r;
    let mut tentang = None;
    let mut nested = Vec::new();
    if let Ok((r2, (t, n))) = title(cx, space(r)?.0, depth) {
        tentang = clean_value(t);
        nested = n;
        r = r2;
        end = r2;
    }
    let tahun = h
        .ident
        .year
        .or_else(|| h.ident.numbers.iter().find_map(|n| year_in_number(n)));
    let before_gazettes = end;
    let mut lembaran = Vec::new();
    if let Ok((r2, ls)) = gazettes(cx, space(r)?.0) {
        let gazette_year = ls.iter().find_map(|l| l.tahun);
        let fits = depth == 0 || gazette_year.is_none() || tahun.is_none() || gazette_year == tahun;
        if fits {
            lembaran = ls;
            end = r2;
        }
    }
    let teks = clean_value(cx.between(i, end)).unwrap_or_default();
    let penerbit = penerbit(cx, &h);
    let mut hits: Vec<Hit> = h
        .ident
        .numbers
        .iter()
        .map(|n| Hit {
            start: cx.at(i),
            r: Rujukan {
                teks: teks.clone(),
                jenis: Some(h.kind.jenis.to_string()),
                penerbit: penerbit.clone(),
                nomor: Some(markup::collapse_ws(n)),
                tahun: h.ident.year.or_else(|| year_in_number(n)),
                tentang: tentang.clone(),
                lembaran: lembaran.clone(),
            },
        })
        .collect();
    hits.extend(nested);
    Ok((end, (hits, before_gazettes)))
}

/// The issuer of a citation (see the module doc).
fn penerbit(cx: &Cx, h: &Head) -> Option<String> {
    if let Some(fixed) = h.kind.issuer {
        return Some(fixed.to_string());
    }
    let mut words_of = markup::collapse_ws(h.issuer);
    loop {
        let t = words_of.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '.' | '-' | '/' | '&') || is_dash(c)
        });
        words_of.truncate(t.len());
        // a trailing "Republik Indonesia" / "RI"
        let ws: Vec<&str> = words(&words_of).collect();
        let Some(drop) =
            cx.g.country
                .iter()
                .filter(|p| {
                    p.len() <= ws.len() && p.is_exactly(ws[ws.len() - p.len()..].iter().copied())
                })
                .map(Phrase::len)
                .max()
        else {
            break;
        };
        let first = ws[ws.len() - drop];
        let off = first.as_ptr() as usize - words_of.as_ptr() as usize;
        words_of.truncate(off);
    }
    let issuer = words_of.trim();
    if issuer.is_empty() {
        return None;
    }
    match h.kind.office {
        Some(office) if !office.is_empty() => {
            // the office as written, when the form ends with it, is right before the issuer
            Some(markup::collapse_ws_owned(format!("{office} {issuer}")))
        }
        _ => Some(issuer.to_string()),
    }
}

/// Clean text without a final `;`, `,`, `:` or `.`; `None` when empty.
fn clean_value(s: &str) -> Option<String> {
    let mut t = markup::clean(s);
    while t.ends_with(['.', ';', ',', ':']) {
        t.pop();
        markup::trim_trailing_separators(&mut t);
    }
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `mentions_regulation` as first written: word by word.
    fn mentions_plain(text: &str, g: &Regulations) -> bool {
        let mut rest = text;
        while let Some((at, w)) = next_word(rest) {
            if is_first_word(w, g) {
                return true;
            }
            rest = &rest[at + w.len()..];
        }
        false
    }

    proptest! {
        // one memo over a letter's forms, in their order, as `reg_type`
        // uses it, gives what `phrase` gives for each form
        #[test]
        fn first_word_memo_is_phrase(s in soup()) {
            let g = &grammar().regulations;
            for at in [0, s.find(' ').map_or(0, |p| p + 1)] {
                let i = &s[at..];
                let first = i.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
                let mut memo = FirstWordMemo::default();
                for &f in &g.forms_by_letter[usize::from(first)] {
                    let p = match f {
                        FormRef::Type { t, k, short: true } => &g.types[t].short[k],
                        FormRef::Type { t, k, short: false } => &g.types[t].forms[k],
                        FormRef::Abbreviation(a) => &g.abbreviations[a].form,
                    };
                    prop_assert_eq!(memo.phrase(i, p).ok(), phrase(i, p).ok());
                }
            }
        }

        // the digit gate of `find_all` turns away no citation: a text
        // without digits has none, read in full
        #[test]
        fn a_text_without_digits_has_no_citation(s in soup()) {
            let g = &grammar().regulations;
            let bare: String = s.chars().filter(|c| !c.is_ascii_digit()).collect();
            prop_assert_eq!(citations(&bare, g), Vec::new());
        }

        #[test]
        fn mention_scan_agrees_with_the_word_scan(
            s in "(Peraturan|PERDA|uu|UUD|Undang|Keputusan|Perpres|PP|pp|ab|é|Ü|x|[ .,/-]){0,12}"
        ) {
            let g = &grammar().regulations;
            prop_assert_eq!(mentions_regulation(&s, g), mentions_plain(&s, g));
        }

        #[test]
        fn amendment_phrases_start_with_their_heads(
            s in "(sebagaimana|SEBAGAIMANA|telah|diubah|di|ubah|terakhir|dengan|yang|Yang|x|[ -]){0,6}"
        ) {
            let g = &grammar().regulations;
            if longest(&s, &g.amendments).is_some() {
                prop_assert!(g.amendment_heads.iter().any(|h| keyword(&s, h).is_ok()));
            }
        }

        /// A text whose first byte is no title stop byte starts no
        /// amendment, `also` or `enactment` phrase (letters outside ASCII
        /// included: `ſ` is upper-cased to `S`, `ı` to `I`).
        #[test]
        fn title_stop_bytes_tell_where_no_phrase_starts(
            s in "(sebagaimana|SEBAGAIMANA|Telah|diubah|terakhir|Terakhir|dengan|yang|YANG|dan|Dan|serta|SERTA|menjadi|Sebagai|ſerta|ıang|Ѕerta|x|é|[ -]){1,5}"
        ) {
            let g = &grammar().regulations;
            let starts = longest(&s, &g.amendments).is_some()
                || g.amendment_heads.iter().any(|h| keyword(&s, h).is_ok())
                || longest(&s, &g.also).is_some()
                || longest(&s, &g.enactment).is_some();
            if starts {
                prop_assert!(g.title_stop_bytes[usize::from(s.as_bytes()[0])], "{}", s);
            }
        }
    }

    /// What one citation must read as; `teks: None` leaves it unchecked.
    struct E {
        jenis: &'static str,
        penerbit: Option<&'static str>,
        nomor: &'static str,
        tahun: Option<i32>,
        tentang: Option<&'static str>,
        lembaran: &'static [(&'static str, Option<i32>, Option<&'static str>)],
        teks: Option<&'static str>,
    }

    const LN: &str = "Lembaran Negara";
    const TLN: &str = "Tambahan Lembaran Negara";
    const BN: &str = "Berita Negara";

    #[allow(clippy::too_many_arguments)]
    const fn e(
        jenis: &'static str,
        penerbit: Option<&'static str>,
        nomor: &'static str,
        tahun: Option<i32>,
        tentang: Option<&'static str>,
        lembaran: &'static [(&'static str, Option<i32>, Option<&'static str>)],
    ) -> E {
        E {
            jenis,
            penerbit,
            nomor,
            tahun,
            tentang,
            lembaran,
            teks: None,
        }
    }

    const fn with_teks(mut x: E, teks: &'static str) -> E {
        x.teks = Some(teks);
        x
    }

    fn check(text: &str, want: &[E]) {
        let got = find_all(text);
        assert_eq!(
            got.len(),
            want.len(),
            "number of citations in {text:?}: {got:#?}"
        );
        for (g, w) in got.iter().zip(want) {
            let ctx = format!("in {text:?}: {g:#?}");
            assert_eq!(g.jenis.as_deref(), Some(w.jenis), "jenis {ctx}");
            assert_eq!(g.penerbit.as_deref(), w.penerbit, "penerbit {ctx}");
            assert_eq!(g.nomor.as_deref(), Some(w.nomor), "nomor {ctx}");
            assert_eq!(g.tahun, w.tahun, "tahun {ctx}");
            assert_eq!(g.tentang.as_deref(), w.tentang, "tentang {ctx}");
            let lb: Vec<(&str, Option<i32>, Option<&str>)> = g
                .lembaran
                .iter()
                .map(|l| (l.jenis.as_str(), l.tahun, l.nomor.as_deref()))
                .collect();
            assert_eq!(lb, w.lembaran, "lembaran {ctx}");
            if let Some(t) = w.teks {
                assert_eq!(g.teks, t, "teks {ctx}");
            }
        }
    }

    const UU: &str = "Undang-Undang";

    /// Every Menimbang and Mengingat item of kapuas-hulu_diskukmp_iki_2018.
    #[test]
    fn kapuas_hulu_considerations() {
        check(
            "bahwa untuk dapat mengukur kinerja pejabat administrator dan pengawas pada Dinas Koperasi UKM dan Perdagangan diperlukan alat bantu ukur berupa indikator kinerja individu;",
            &[],
        );
        // a decree named without a number is the decree itself, not a citation
        check(
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud pada huruf adiatas perlu ditetapkan Keputusan Kepala dinas Koperasi UKM dan Perdagangan tentang indikator Kinerja Individu Dinas Koperasi UKM dan Perdagangan Kabupaten Kapuas Hulu.",
            &[],
        );
        check(
            "Undang-Undang Nomor 27 Tahun 1959 tentang Penetapan Undang-Undang Darurat Nomor 3 Tahun 1953 tentang Pembentukan Daerah Tingkat II Di Kalimantan (Lembaran Negara Republik Indonesia Tahun 1953 Nomor 9) sebagai Undang – Undang (Lembaran Negara Tahun 1959 Nomor 72, Tambahan Lembaran Negara Republik Indonesia Nomor 1820);",
            &[
                with_teks(
                    e(
                        UU,
                        None,
                        "27",
                        Some(1959),
                        Some(
                            "Penetapan Undang-Undang Darurat Nomor 3 Tahun 1953 tentang Pembentukan Daerah Tingkat II Di Kalimantan (Lembaran Negara Republik Indonesia Tahun 1953 Nomor 9) sebagai Undang – Undang",
                        ),
                        &[(LN, Some(1959), Some("72")), (TLN, None, Some("1820"))],
                    ),
                    "Undang-Undang Nomor 27 Tahun 1959 tentang Penetapan Undang-Undang Darurat Nomor 3 Tahun 1953 tentang Pembentukan Daerah Tingkat II Di Kalimantan (Lembaran Negara Republik Indonesia Tahun 1953 Nomor 9) sebagai Undang – Undang (Lembaran Negara Tahun 1959 Nomor 72, Tambahan Lembaran Negara Republik Indonesia Nomor 1820)",
                ),
                with_teks(
                    e(
                        "Undang-Undang Darurat",
                        None,
                        "3",
                        Some(1953),
                        Some("Pembentukan Daerah Tingkat II Di Kalimantan"),
                        &[(LN, Some(1953), Some("9"))],
                    ),
                    "Undang-Undang Darurat Nomor 3 Tahun 1953 tentang Pembentukan Daerah Tingkat II Di Kalimantan (Lembaran Negara Republik Indonesia Tahun 1953 Nomor 9)",
                ),
            ],
        );
        check(
            "Undang – Undang Nomor 28 Tahun 1999 tentang Penyelenggaraan Negara Yang Bersih dan Bebas dari Korupsi, Kolusi dan Nepotisme (Lembaran Negara Republik Indonesia Tahun 1999 Nomor 75, Tambahan Lembaran Negara Republik Indonesia Nomor 3851);",
            &[e(
                UU,
                None,
                "28",
                Some(1999),
                Some(
                    "Penyelenggaraan Negara Yang Bersih dan Bebas dari Korupsi, Kolusi dan Nepotisme",
                ),
                &[(LN, Some(1999), Some("75")), (TLN, None, Some("3851"))],
            )],
        );
        check(
            "Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara (Lembaran Negara Republik Indonesia Tahun 2003 Nomor 47, Tambahan Lembaran Negara Republik Indonesia Nomor 4286);",
            &[e(
                UU,
                None,
                "17",
                Some(2003),
                Some("Keuangan Negara"),
                &[(LN, Some(2003), Some("47")), (TLN, None, Some("4286"))],
            )],
        );
        check(
            "Undang – Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional (Lembaran Negara Republik Indonesia Tahun 2004 Nomor 66, Tambahan Lembaran Negara Republik Indonesia Nomor 4421);",
            &[e(
                UU,
                None,
                "25",
                Some(2004),
                Some("Sistem Perencanaan Pembangunan Nasional"),
                &[(LN, Some(2004), Some("66")), (TLN, None, Some("4421"))],
            )],
        );
        check(
            "Undang – Undang Nomor 12 Tahun 2011 tentang Pembentukan Peraturan Perundang–Undangan (Lembaran Negara Republik Indonesia Tahun 2011 Nomor 82, Tambahan Lembaran Negara Republik Indonesia Nomor 5523);",
            &[e(
                UU,
                None,
                "12",
                Some(2011),
                Some("Pembentukan Peraturan Perundang–Undangan"),
                &[(LN, Some(2011), Some("82")), (TLN, None, Some("5523"))],
            )],
        );
        // amendment chain; the back-reference "atas UU 23/2014" is not repeated
        check(
            "Undang - Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 224, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) sebagaimana telah di ubah beberapa kali, terakhir dengan Undang – Undang Nomor 9 Tahun 2015 tentang perubahan kedua atas Undang – Undang Nomor 23 Tahun 2014 tentang Pemerintah Daerah (Lembaran Negara Republik Indonesia Tahun 2015 Nomor 58, Tambahan Lembaran Negara Republik Indonesia Nomor 5679);",
            &[
                with_teks(
                    e(
                        UU,
                        None,
                        "23",
                        Some(2014),
                        Some("Pemerintahan Daerah"),
                        &[(LN, Some(2014), Some("224")), (TLN, None, Some("5587"))],
                    ),
                    "Undang - Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 224, Tambahan Lembaran Negara Republik Indonesia Nomor 5587)",
                ),
                e(
                    UU,
                    None,
                    "9",
                    Some(2015),
                    Some(
                        "perubahan kedua atas Undang – Undang Nomor 23 Tahun 2014 tentang Pemerintah Daerah",
                    ),
                    &[(LN, Some(2015), Some("58")), (TLN, None, Some("5679"))],
                ),
            ],
        );
        check(
            "Peraturan Daerah Kabupaten Kapuas Hulu Nomor 4 Tahun 2016 tentang Rencana Pembangunan Jangka Menengah Daerah (RPJMD) Kabupaten Kapuas Hulu Tahun 2016 – 2021;",
            &[e(
                "Peraturan Daerah",
                Some("Kabupaten Kapuas Hulu"),
                "4",
                Some(2016),
                Some(
                    "Rencana Pembangunan Jangka Menengah Daerah (RPJMD) Kabupaten Kapuas Hulu Tahun 2016 – 2021",
                ),
                &[],
            )],
        );
        check(
            "Peraturan Daerah Kabupaten Kapuas Hulu Nomor 7 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah;",
            &[e(
                "Peraturan Daerah",
                Some("Kabupaten Kapuas Hulu"),
                "7",
                Some(2016),
                Some("Pembentukan dan Susunan Perangkat Daerah"),
                &[],
            )],
        );
        check(
            "Peraturan Bupati Kapuas Hulu nomor 59 Tahun 2016 tentang kedudukan, Tugas Pokok dan Fungsi, Susunan Organisasi, dan tata Kerja Dinas Koperasi UKM dan Perdagangan .",
            &[with_teks(
                e(
                    "Peraturan Bupati",
                    Some("Bupati Kapuas Hulu"),
                    "59",
                    Some(2016),
                    Some(
                        "kedudukan, Tugas Pokok dan Fungsi, Susunan Organisasi, dan tata Kerja Dinas Koperasi UKM dan Perdagangan",
                    ),
                    &[],
                ),
                "Peraturan Bupati Kapuas Hulu nomor 59 Tahun 2016 tentang kedudukan, Tugas Pokok dan Fungsi, Susunan Organisasi, dan tata Kerja Dinas Koperasi UKM dan Perdagangan",
            )],
        );
    }

    /// Every Menimbang and Mengingat item of kalbar_diskopukm_iku_2024.
    #[test]
    fn kalbar_considerations() {
        check(
            "bahwa untuk melaksanakan ketentuan Pasal 3 dan Pasal 4 Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor : PER/9/M.PAN/5/2007 tentang Pedoman Umum Penetapan Indikator Kinerja utama di Lingkungan Instansi Pemerintah, dipandang perlu menetapkan Indikator Kinerja Utama di lingkungan Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat;",
            &[with_teks(
                e(
                    "Peraturan Menteri",
                    Some("Menteri Negara Pendayagunaan Aparatur Negara"),
                    "PER/9/M.PAN/5/2007",
                    Some(2007),
                    Some(
                        "Pedoman Umum Penetapan Indikator Kinerja utama di Lingkungan Instansi Pemerintah",
                    ),
                    &[],
                ),
                "Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor : PER/9/M.PAN/5/2007 tentang Pedoman Umum Penetapan Indikator Kinerja utama di Lingkungan Instansi Pemerintah",
            )],
        );
        check(
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a maka Indikator Kinerja Utama Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat, ditetapkan dengan suatu Keputusan;",
            &[],
        );
        check(
            "Peraturan Pemerintah Nomor 8 Tahun 2008 tentang Tahapan, Tata Cara Penyusunan, Pengendalian dan Evaluasi Pelaksanaan Rencana Pembangunan Daerah (Lembaran Negara Republik Indonesia Tahun 2008 Nomor 21, Tambahan Lembaran Negara Republik Indonesia Nomor 4817);",
            &[e(
                "Peraturan Pemerintah",
                None,
                "8",
                Some(2008),
                Some(
                    "Tahapan, Tata Cara Penyusunan, Pengendalian dan Evaluasi Pelaksanaan Rencana Pembangunan Daerah",
                ),
                &[(LN, Some(2008), Some("21")), (TLN, None, Some("4817"))],
            )],
        );
        check(
            "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 80);",
            &[e(
                "Peraturan Presiden",
                None,
                "29",
                Some(2014),
                Some("Sistem Akuntabilitas Kinerja Instansi Pemerintah"),
                &[(LN, Some(2014), Some("80"))],
            )],
        );
        check(
            "Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor : PER/09/M.PAN/5/2007 tentang Pedoman Umum Penetapan Indikator Kinerja Utama di Lingkungan Instansi Pemerintah;",
            &[e(
                "Peraturan Menteri",
                Some("Menteri Negara Pendayagunaan Aparatur Negara"),
                "PER/09/M.PAN/5/2007",
                Some(2007),
                Some(
                    "Pedoman Umum Penetapan Indikator Kinerja Utama di Lingkungan Instansi Pemerintah",
                ),
                &[],
            )],
        );
        check(
            "Peraturan Menteri Pendayagunaan Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 80);",
            &[e(
                "Peraturan Menteri",
                Some("Menteri Pendayagunaan"),
                "29",
                Some(2014),
                Some("Sistem Akuntabilitas Kinerja Instansi Pemerintah"),
                &[(LN, Some(2014), Some("80"))],
            )],
        );
        check(
            "Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu Atas LAKIP (Berita Negara Republik Indonesia Tahun 2014 Nomor 1842);",
            &[e(
                "Peraturan Menteri",
                Some("Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"),
                "53",
                Some(2014),
                Some(
                    "Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu Atas LAKIP",
                ),
                &[(BN, Some(2014), Some("1842"))],
            )],
        );
        check(
            "Peraturan Menteri Dalam Negeri Republik Indonesia Nomor 90 Tahun 2019 Tentang Klasifikasi, Kodefikasi dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah (Berita Negara Republik Indonesia Tahun 2019 Nomor 1447);",
            &[e(
                "Peraturan Menteri",
                Some("Menteri Dalam Negeri"),
                "90",
                Some(2019),
                Some(
                    "Klasifikasi, Kodefikasi dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah",
                ),
                &[(BN, Some(2019), Some("1447"))],
            )],
        );
        // the enacted Perppu is nested in the enacting law's title; the
        // gazette (2023) is the enacting law's
        check(
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintah Daerah sebagaimana telah diubah beberapa kali dan terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang (Lembaran Negara Republik Indonesia Tahun 2023 Nomor 41, Tambahan Lembaran Negara Republik Indonesia Nomor 6856);",
            &[
                with_teks(
                    e(UU, None, "23", Some(2014), Some("Pemerintah Daerah"), &[]),
                    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintah Daerah",
                ),
                e(
                    UU,
                    None,
                    "6",
                    Some(2023),
                    Some(
                        "Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang",
                    ),
                    &[(LN, Some(2023), Some("41")), (TLN, None, Some("6856"))],
                ),
                with_teks(
                    e(
                        "Peraturan Pemerintah Pengganti Undang-Undang",
                        None,
                        "2",
                        Some(2022),
                        Some("Cipta Kerja"),
                        &[],
                    ),
                    "Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja",
                ),
            ],
        );
        check(
            "Peraturan Gubernur Nomor 9 Tahun 2023 tentang Rencana Pembangunan Daerah Provinsi Kalimantan Barat Tahun 2024-2026;",
            &[e(
                "Peraturan Gubernur",
                None,
                "9",
                Some(2023),
                Some("Rencana Pembangunan Daerah Provinsi Kalimantan Barat Tahun 2024-2026"),
                &[],
            )],
        );
        let title = "Kedudukan, Susunan Organisasi, Tugas dan Fungsi Serta Tata Kerja Dinas Koperasi Usaha Kecil dan Menengah Provinsi Kalimantan Barat";
        let check_owned = |text: &str| {
            let got = find_all(text);
            assert_eq!(got.len(), 2, "{got:#?}");
            assert_eq!(got[0].nomor.as_deref(), Some("125"));
            assert_eq!(got[0].tentang.as_deref(), Some(title));
            assert!(got[0].lembaran.is_empty());
            assert_eq!(got[1].nomor.as_deref(), Some("206"));
            assert_eq!(got[1].jenis.as_deref(), Some("Peraturan Gubernur"));
            assert_eq!(got[1].tahun, Some(2021));
            assert_eq!(got[1].tentang.as_deref(), Some(title));
            assert_eq!(
                got[1].lembaran,
                [Lembaran {
                    jenis: "Berita Daerah".into(),
                    tahun: Some(2021),
                    nomor: Some("206".into())
                }]
            );
        };
        check_owned(&format!(
            "Peraturan Gubernur Nomor 125 Tahun 2021 tentang {title} sebagaimana telah diubah dengan Peraturan Gubernur Nomor 206 Tahun 2021 tentang {title} (Berita Daerah Provinsi Kalimantan Barat Tahun 2021 Nomor 206)."
        ));
    }

    /// Menimbang and Mengingat of the field sample paser-bkpsdm-iki (hard-wrapped
    /// lines joined as the decree parser joins them; the excerpt is cut mid-word).
    #[test]
    fn paser_considerations() {
        check(
            "bahwa untuk dapat mengukur kinerja di lingkungan Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Paser, diperlukan alat ukur berupa Indikator Kinerja Individu;",
            &[],
        );
        check(
            "bahwa sehubungan dengan maksud huruf (a), perlu menetapkan revisi Indikator Kinerja Individu Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Paser.",
            &[],
        );
        check(
            "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional (Lembaran Negara Tahun 2004 Nomor 164, tambahan Lembaran Negara Nomor 4421);",
            &[e(
                UU,
                None,
                "25",
                Some(2004),
                Some("Sistem Perencanaan Pembangunan Nasional"),
                &[(LN, Some(2004), Some("164")), (TLN, None, Some("4421"))],
            )],
        );
        check(
            "Undang-Undang Nomor 33 Tahun 2004 tentang Perimbangan Keuangan antara Pemerintah Pusan dan Daerah (Lembaran Negara tahun 2004 nomor 126, Tambahan Lembaran Negara No. 4438);",
            &[e(
                UU,
                None,
                "33",
                Some(2004),
                Some("Perimbangan Keuangan antara Pemerintah Pusan dan Daerah"),
                &[(LN, Some(2004), Some("126")), (TLN, None, Some("4438"))],
            )],
        );
        check(
            "Undang-Undang Nomor 17 Tahun 2007 tentang RPJP Nasional 2005-2025 (Lembaran Negara Tahun 2007 nomor 33, tambahan Lembaran Negara Nomor 4438);",
            &[e(
                UU,
                None,
                "17",
                Some(2007),
                Some("RPJP Nasional 2005-2025"),
                &[(LN, Some(2007), Some("33")), (TLN, None, Some("4438"))],
            )],
        );
        // "uu NOMOR 23 Tahun 2014" repeats the first citation: merged into it,
        // with the gazette that follows it (its year, 2014, is that law's)
        check(
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara RI Tahun 2014 Nomor 244), sebagaimana telah diubah beberapa kali, terakhir dengan UU nomor 9 Tahun 2015 tentang Perubahan Kedua atas uu NOMOR 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 246, Tambahan Lembaran Negara Republik In",
            &[
                with_teks(
                    e(
                        UU,
                        None,
                        "23",
                        Some(2014),
                        Some("Pemerintahan Daerah"),
                        &[(LN, Some(2014), Some("244")), (LN, Some(2014), Some("246"))],
                    ),
                    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara RI Tahun 2014 Nomor 244)",
                ),
                e(
                    UU,
                    None,
                    "9",
                    Some(2015),
                    Some("Perubahan Kedua atas uu NOMOR 23 Tahun 2014 tentang Pemerintahan Daerah"),
                    &[],
                ),
            ],
        );
    }

    /// Menimbang and Mengingat of the field sample banyuwangi-dispendukcapil-iki.
    #[test]
    fn banyuwangi_considerations() {
        check(
            "Bahwa untuk dapat mengukur kinerja di lingkungan Dinas Kependudukan dan Pencatatan Sipil Kabupaten Banyuwangi, diperlukan alat ukur berupa Indikator Kinerja Individu;",
            &[],
        );
        check(
            "Peraturan Pemerintah Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara;",
            &[e(
                "Peraturan Pemerintah",
                None,
                "5",
                Some(2014),
                Some("Aparatur Sipil Negara"),
                &[],
            )],
        );
        check(
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah diubah dengan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2014;",
            &[
                e(UU, None, "23", Some(2014), Some("Pemerintahan Daerah"), &[]),
                e(
                    "Peraturan Pemerintah Pengganti Undang-Undang",
                    None,
                    "2",
                    Some(2014),
                    None,
                    &[],
                ),
            ],
        );
        check(
            "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintahan;",
            &[e(
                "Peraturan Presiden",
                None,
                "29",
                Some(2014),
                Some("Sistem Akuntabilitas Kinerja Instansi Pemerintahan"),
                &[],
            )],
        );
        // OCR glue: "BirokrasiNomor", "tentangPedoman…"
        check(
            "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi BirokrasiNomor PER/09/M.PAN/5/2007 tentangPedomanUmumPenetapanIndikatorKinerjaUtama di LingkunganPemerintah;",
            &[e(
                "Peraturan Menteri",
                Some("Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"),
                "PER/09/M.PAN/5/2007",
                Some(2007),
                Some("PedomanUmumPenetapanIndikatorKinerjaUtama di LingkunganPemerintah"),
                &[],
            )],
        );
        check(
            "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja Dan Tata Cara Reviu Atas Laporan Kinerja Instansi Pemerintah;",
            &[e(
                "Peraturan Menteri",
                Some("Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"),
                "53",
                Some(2014),
                Some(
                    "Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja Dan Tata Cara Reviu Atas Laporan Kinerja Instansi Pemerintah",
                ),
                &[],
            )],
        );
        // a date between issuer and number; the year comes from the number,
        // not from "Tahun 2016-2021" in the title
        check(
            "Surat Keputusan Kepala Dinas Kependudukan dan Pencatatan Sipil tanggal 06 Januari 2016 Nomor : 188/113.2/KEP/429.115/2016 tentang Rencana Strategis Dinas Kependudukan dan Pencatatan Sipil Kabupaten Banyuwangi Tahun 2016-2021.",
            &[e(
                "Keputusan",
                Some("Kepala Dinas Kependudukan dan Pencatatan Sipil"),
                "188/113.2/KEP/429.115/2016",
                Some(2016),
                Some(
                    "Rencana Strategis Dinas Kependudukan dan Pencatatan Sipil Kabupaten Banyuwangi Tahun 2016-2021",
                ),
                &[],
            )],
        );
    }

    /// The whole Mengingat paragraph of banyuwangi as one text (layout E):
    /// `;` ends each title, the numbering is not part of any citation.
    #[test]
    fn a_collapsed_paragraph_gives_every_citation() {
        let text = ": 1. Peraturan Pemerintah Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara; 2. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah diubah dengan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2014; 3. Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintahan; 4. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi BirokrasiNomor PER/09/M.PAN/5/2007 tentangPedomanUmumPenetapanIndikatorKinerjaUtama di LingkunganPemerintah; 5. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja Dan Tata Cara Reviu Atas Laporan Kinerja Instansi Pemerintah; 6. Surat Keputusan Kepala Dinas Kependudukan dan Pencatatan Sipil tanggal 06 Januari 2016 Nomor : 188/113.2/KEP/429.115/2016 tentang Rencana Strategis Dinas Kependudukan dan Pencatatan Sipil Kabupaten Banyuwangi Tahun 2016-2021.";
        let got = find_all(text);
        let nomor: Vec<&str> = got.iter().filter_map(|r| r.nomor.as_deref()).collect();
        assert_eq!(
            nomor,
            [
                "5",
                "23",
                "2",
                "29",
                "PER/09/M.PAN/5/2007",
                "53",
                "188/113.2/KEP/429.115/2016"
            ]
        );
        assert_eq!(got[0].tentang.as_deref(), Some("Aparatur Sipil Negara"));
        assert_eq!(
            got[0].teks,
            "Peraturan Pemerintah Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara"
        );
    }

    /// The KETERANGAN cells of barito-kuala_diskoperindag_ikk.
    #[test]
    fn barito_kuala_cells() {
        // a type without a number names no regulation: not a citation
        check(
            "Peraturan Daerah Kabupaten Barito Kuala APBD Bidang Koperasi dan Usaha Mikro",
            &[],
        );
        check(
            "Undang – undang Nomor 3 Tahun 2014 tentang Perindustrian",
            &[with_teks(
                e(UU, None, "3", Some(2014), Some("Perindustrian"), &[]),
                "Undang – undang Nomor 3 Tahun 2014 tentang Perindustrian",
            )],
        );
        // a joint decree with two numbers: one entry per number
        let kepmen = "Keputusan Menteri Perindustrian Pendidikan dan Kebudayaan Nomor 85/M/SK/3/1980 dan Nomor 027b/P/1980 tentang Dekranas";
        check(
            kepmen,
            &[
                with_teks(
                    e(
                        "Keputusan Menteri",
                        Some("Menteri Perindustrian Pendidikan dan Kebudayaan"),
                        "85/M/SK/3/1980",
                        Some(1980),
                        Some("Dekranas"),
                        &[],
                    ),
                    kepmen,
                ),
                e(
                    "Keputusan Menteri",
                    Some("Menteri Perindustrian Pendidikan dan Kebudayaan"),
                    "027b/P/1980",
                    Some(1980),
                    Some("Dekranas"),
                    &[],
                ),
            ],
        );
        check(
            "Perda Nomor 7 Tahun 2012 tentang Pengelolaan Pasar",
            &[e(
                "Peraturan Daerah",
                None,
                "7",
                Some(2012),
                Some("Pengelolaan Pasar"),
                &[],
            )],
        );
        check(
            "Undang – Undang Nomor 7 Tahun 2014 tentang Perdagangan",
            &[e(UU, None, "7", Some(2014), Some("Perdagangan"), &[])],
        );
        check(
            "Undang-undang Nomor 9 Tahun 2011 tentang SRG",
            &[e(UU, None, "9", Some(2011), Some("SRG"), &[])],
        );
        check(
            "Undang-undang Nomor 8 tahun 1999 tentang Perlindungan Konsumen.",
            &[with_teks(
                e(
                    UU,
                    None,
                    "8",
                    Some(1999),
                    Some("Perlindungan Konsumen"),
                    &[],
                ),
                "Undang-undang Nomor 8 tahun 1999 tentang Perlindungan Konsumen",
            )],
        );
        check(
            "Undang-undang Nomor 23 tahun 2014 tentang Pemerintahan Daerah",
            &[e(
                UU,
                None,
                "23",
                Some(2014),
                Some("Pemerintahan Daerah"),
                &[],
            )],
        );
        check(
            "Surat edaran Kementerian Perdagangan RI Nomor 02/M-DAG/SE/2/2017 tentang kemudahan berusaha bagi pelaku usaha dibidang perdagangan.",
            &[e(
                "Surat Edaran",
                Some("Kementerian Perdagangan"),
                "02/M-DAG/SE/2/2017",
                Some(2017),
                Some("kemudahan berusaha bagi pelaku usaha dibidang perdagangan"),
                &[],
            )],
        );
    }

    /// Abbreviations, short forms and spellings.
    #[test]
    fn forms_and_abbreviations() {
        check(
            "Permendagri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan",
            &[e(
                "Peraturan Menteri",
                Some("Menteri Dalam Negeri"),
                "86",
                Some(2017),
                Some("Tata Cara Perencanaan"),
                &[],
            )],
        );
        check(
            "sesuai Permenpan RB No. 53 Tahun 2014",
            &[e(
                "Peraturan Menteri",
                Some("Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"),
                "53",
                Some(2014),
                None,
                &[],
            )],
        );
        check(
            "Perbup Kapuas Hulu Nomor 5 Tahun 2020",
            &[e(
                "Peraturan Bupati",
                Some("Bupati Kapuas Hulu"),
                "5",
                Some(2020),
                None,
                &[],
            )],
        );
        check(
            "Peraturan Walikota Magelang Nomor 12 Tahun 2019",
            &[e(
                "Peraturan Wali Kota",
                Some("Wali Kota Magelang"),
                "12",
                Some(2019),
                None,
                &[],
            )],
        );
        check(
            "UNDANG-UNDANG NOMOR 5 TAHUN 2014 TENTANG APARATUR SIPIL NEGARA",
            &[e(
                UU,
                None,
                "5",
                Some(2014),
                Some("APARATUR SIPIL NEGARA"),
                &[],
            )],
        );
        check(
            "Undang Undang No 5 Th. 2014",
            &[e(UU, None, "5", Some(2014), None, &[])],
        );
        check(
            "PP 12/2019 tentang Pengelolaan Keuangan Daerah",
            &[e(
                "Peraturan Pemerintah",
                None,
                "12/2019",
                Some(2019),
                Some("Pengelolaan Keuangan Daerah"),
                &[],
            )],
        );
        check(
            "Perda 7 Tahun 2012",
            &[e("Peraturan Daerah", None, "7", Some(2012), None, &[])],
        );
        check(
            "Keputusan Presiden Nomor 3 Tahun 2010 dan Instruksi Presiden Nomor 1 Tahun 2011",
            &[
                e("Keputusan Presiden", None, "3", Some(2010), None, &[]),
                e("Instruksi Presiden", None, "1", Some(2011), None, &[]),
            ],
        );
        // a further citation after "dan" ends the title
        check(
            "Undang-Undang Nomor 3 Tahun 2014 tentang Perindustrian dan Peraturan Pemerintah Nomor 29 Tahun 2018 tentang Pemberdayaan Industri",
            &[
                e(UU, None, "3", Some(2014), Some("Perindustrian"), &[]),
                e(
                    "Peraturan Pemerintah",
                    None,
                    "29",
                    Some(2018),
                    Some("Pemberdayaan Industri"),
                    &[],
                ),
            ],
        );
        check("Kepala Dinas Perdagangan Kab. Banggai Nomor 5", &[]);
        // a full stop after a short abbreviation does not end the title; one
        // after a word does
        check(
            "Peraturan Bupati Banggai Nomor 5 Tahun 2020 tentang Tugas Dinas Kab. Banggai. Jumlah pegawai",
            &[e(
                "Peraturan Bupati",
                Some("Bupati Banggai"),
                "5",
                Some(2020),
                Some("Tugas Dinas Kab. Banggai"),
                &[],
            )],
        );
        // a gazette of the regions, a cut parenthesis
        check(
            "Peraturan Daerah Kabupaten Kapuas Hulu Nomor 7 Tahun 2016 (Lembaran Daerah Kabupaten Kapuas Hulu Tahun 2016 Nomor 7, Tambahan Lembaran Daerah Kab",
            &[e(
                "Peraturan Daerah",
                Some("Kabupaten Kapuas Hulu"),
                "7",
                Some(2016),
                None,
                &[("Lembaran Daerah", Some(2016), Some("7"))],
            )],
        );
    }

    /// Words that must not start a citation.
    #[test]
    fn no_citation() {
        for text in [
            "",
            "-",
            "Drs. H. Ahmad, SE",
            "Drs. H. Ahmad, SE Nomor",
            "AHMAD SE, MM",
            "SK pengangkatan pegawai",
            "sesuai dengan permenkop.",
            "Jumlah Koperasi yang di nilai kesehatannya sesuai dengan permenkop.",
            "sesuai ketentuan peraturan perundang-undangan",
            "Keputusan ini mulai berlaku sejak tanggal ditetapkan",
            "ditetapkan dengan Peraturan Bupati",
            "Peraturan Daerah Kabupaten Barito Kuala APBD 2020",
            "UU",
            "Undang-Undang Nomor",
            "Undang-Undang Nomor tentang",
            "Peraturan Menteri Nomor : X",
        ] {
            assert_eq!(find_all(text), [], "{text:?}");
        }
    }

    /// On the lines of every corpus and field-sample document, the lines
    /// with citations among them: without their digits, a full read finds
    /// none, as the digit gate of `find_all` assumes.
    #[test]
    fn real_lines_without_digits_have_no_citation() {
        let g = &grammar().regulations;
        let mut cited = 0;
        for text in crate::grammar::real_texts() {
            for line in text.lines() {
                cited += usize::from(!citations(line, g).is_empty());
                let bare: String = line.chars().filter(|c| !c.is_ascii_digit()).collect();
                assert_eq!(citations(&bare, g), [], "{line:?}");
            }
        }
        assert!(cited > 20, "{cited}");
    }

    #[test]
    fn years_in_numbers() {
        assert_eq!(year_in_number("PER/9/M.PAN/5/2007"), Some(2007));
        assert_eq!(year_in_number("188/113.2/KEP/429.115/2016"), Some(2016));
        assert_eq!(year_in_number("02/M-DAG/SE/2/2017"), Some(2017));
        assert_eq!(year_in_number("027b/P/1980"), Some(1980));
        assert_eq!(year_in_number("1842"), None);
        assert_eq!(year_in_number("23"), None);
        assert_eq!(year_in_number("5/3000"), None);
    }

    #[test]
    fn the_cheap_check_allocates_nothing() {
        let g = &grammar().regulations;
        assert!(!mentions_regulation(
            "Jumlah Koperasi Aktif / Jumlah Koperasi x 100%",
            g
        ));
        assert!(mentions_regulation("menurut Perda Nomor 7", g));
        assert!(mentions_regulation("UNDANG – undang", g));
        let none = find_all("Bidang Koperasi dan Usaha Mikro");
        assert_eq!(none.capacity(), 0);
    }

    /// Words a generated text is made of: citation vocabulary, OCR glue,
    /// punctuation, non-ASCII letters.
    fn soup() -> impl Strategy<Value = String> {
        let tokens = prop::sample::select(vec![
            "Undang-Undang",
            "Undang – undang",
            "UU",
            "uu",
            "PP",
            "SE",
            "SK",
            "Peraturan",
            "Menteri",
            "Daerah",
            "Pemerintah",
            "Pengganti",
            "Darurat",
            "Permendagri",
            "Perbup",
            "Keputusan",
            "Surat",
            "Edaran",
            "Bupati",
            "Kapuas",
            "Nomor",
            "No.",
            "nomor :",
            "BirokrasiNomor",
            "Tahun",
            "tahun",
            "Th.",
            "2014",
            "1953",
            "23",
            "PER/9/M.PAN/5/2007",
            "188/",
            "/KEP",
            "tentang",
            "tentangPedoman",
            "(",
            ")",
            "(Lembaran Negara",
            "Tambahan Lembaran Negara",
            "Berita Daerah",
            "Republik Indonesia",
            "RI",
            ",",
            ";",
            ".",
            "dan",
            "sebagai",
            "menjadi",
            "sebagaimana telah diubah",
            "terakhir dengan",
            "dipandang perlu",
            "tanggal",
            "06 Januari 2016",
            "Σ",
            "é",
            "ß",
            "İ",
            "\u{300}",
            "–",
            "ǅ",
            "ﬀ",
            "0",
            "9999",
            "x",
        ]);
        prop::collection::vec((tokens, prop::sample::select(vec!["", " ", "  "])), 0..40)
            .prop_map(|v| v.into_iter().map(|(t, s)| format!("{t}{s}")).collect())
    }

    fn well_formed(r: &Rujukan) {
        assert!(!r.teks.is_empty());
        assert!(r.jenis.as_deref().is_some_and(|j| !j.is_empty()));
        assert!(
            r.nomor
                .as_deref()
                .is_some_and(|n| n.bytes().any(|b| b.is_ascii_digit()))
        );
        assert!(r.tahun.is_none_or(|y| (1800..=2100).contains(&y)));
        for s in [&r.penerbit, &r.tentang].into_iter().flatten() {
            assert!(!s.is_empty() && s.trim() == s);
        }
        for l in &r.lembaran {
            assert!(l.tahun.is_some() || l.nomor.is_some());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Any text: no panic, every citation well formed.
        #[test]
        fn never_panics_on_any_text(s in ".*") {
            for r in find_all(&s) {
                well_formed(&r);
            }
        }

        /// Citation-like texts: no panic, well formed, and each citation's
        /// own `teks` reads back as the same citation.
        #[test]
        fn citation_soup(s in soup()) {
            for r in find_all(&s) {
                well_formed(&r);
                let again = find_all(&r.teks);
                // (a joint regulation gives one entry per number, all with the same teks)
                prop_assert!(
                    again.iter().any(|a| a.jenis == r.jenis && a.nomor == r.nomor),
                    "{:?} from {:?}: {:?}", r.teks, s, again
                );
            }
        }

        /// A citation built from parts reads back as those parts.
        #[test]
        fn parts_read_back(
            t in 0usize..64,
            nomor in "[1-9][0-9]{0,2}",
            tahun in 1945i32..2030,
            tentang in prop::collection::vec("[A-Z][a-z]{2,9}", 1..6),
            gazette in any::<bool>(),
        ) {
            let g = &grammar().regulations;
            let forms: Vec<(&str, String)> = g
                .types
                .iter()
                .flat_map(|ty| ty.forms.iter().chain(&ty.short).map(move |f| (ty.name.as_str(), f.0.join(" "))))
                .collect();
            let (jenis, form) = &forms[t % forms.len()];
            let title = tentang.join(" ");
            let mut text = format!("{form} Nomor {nomor} Tahun {tahun} tentang {title}");
            if gazette {
                text.push_str(&format!(" (Lembaran Negara Republik Indonesia Tahun {tahun} Nomor 7)"));
            }
            text.push(';');
            let got = find_all(&text);
            prop_assert_eq!(got.len(), 1, "{}", text);
            let r = &got[0];
            prop_assert_eq!(r.jenis.as_deref(), Some(*jenis));
            prop_assert_eq!(r.nomor.as_deref(), Some(nomor.as_str()));
            prop_assert_eq!(r.tahun, Some(tahun));
            prop_assert_eq!(r.tentang.as_deref(), Some(title.as_str()));
            prop_assert_eq!(r.lembaran.len(), usize::from(gazette));
            prop_assert_eq!(&r.teks, text.trim_end_matches(';'));
        }
    }
}
