//! Formulas → [`Formulasi`].
//!
//! A formula cell is read in one of three forms (vocabulary in
//! `grammars/formulas.toml`):
//!
//! ```text
//! formula  = ratio | sum | text ;
//! ratio    = latex-fraction | operand "/" operand [ scale ]   (* A / B x 100% *)
//!          | operand scale "/" operand                      (* A x 100/B *)
//!          | quantity scale quantity ;                       (* the bar was lost: A x 100 % B *)
//! sum      = sum-word words ;                                (* Jumlah X, Σ X, \sum X *)
//! scale    = times number [ percent ] | number percent | percent ;
//! operand  = quantity | "(" balanced-text ")" ;
//! quantity = quantity-word { word } ;                        (* Jumlah …, Σ …, Nilai … *)
//! ```
//!
//! The rules chosen:
//!
//! * **When `/` divides.** A `/` is a division only when both sides are
//!   operands: a phrase that starts with a quantity word (`Jumlah`, `Total`,
//!   `Nilai`, `Σ` …) or a text in parentheses. "Jumlah peserta rapat yang di pre
//!   test / pas test", "ditera / tera ulang" and "diverifikasi / dinilai" are
//!   alternatives inside one phrase, not divisions. Only `/` outside
//!   parentheses count, and exactly one must qualify (`KSP/USP` inside an
//!   operand does not). A LaTeX `\frac` is a division whatever its parts say.
//! * **Lost fraction bars.** "Jumlah pasar yang di bangun. x 100 % Jumlah
//!   pasar Pemda", "Jumlah Peserta 100% Jumlah Koperasi Aktif": a scale factor
//!   (`x 100`, `100%`; a power of ten) standing between two quantity phrases is
//!   the remains of a fraction, and is read as a ratio with the info diagnostic
//!   `formula-bar-restored`. Two quantity phrases without a scale ("Jumlah
//!   Koperasi yang melaksanakan RAT. Jumlah Koperasi Aktif") are not restored:
//!   they read just as well as a list of two counts.
//! * **Placeholder numerators.** `Jumlah ASN yang mengikuti bimtek,
//!   $\frac{\text{.....}}{\text{Jumlah ASN …}} \times 100$`: when the numerator
//!   is only dots and a text stands before the fraction, that text is the
//!   numerator (info diagnostic `formula-placeholder`). Without such a text
//!   the formula is kept as `teks`.
//! * **`teks` of a ratio** is the canonical display form `A / B × 100%`
//!   (`A / B`, `A / B × 100`, `A / B %` when parts are absent). An operand is
//!   written in parentheses when it would not read back as the same operand
//!   on its own: compound (`A - B`), holding `/`, `%` or `×`, ending in a
//!   multiplication word, or not starting with a quantity word. Reading a
//!   ratio's `teks` again gives the same pembilang, penyebut, pengali and
//!   satuan (a tested property).
//! * **Operands** keep the words of the source, with `Σ` as written
//!   (`Σ PNS yang mendapat Pelayanan Tepat Waktu`); a final `.`, `,`, `;` or
//!   `:` is dropped.
//! * **`jumlah`**: only `teks` is set. "Jumlah X" is one count, not a
//!   fraction; splitting it into a pembilang would invent structure. A formula
//!   is a sum when it starts with a sum word (`Jumlah`, `Total`, `Banyaknya`,
//!   `Σ`), names no second sum word and has no scale factor.
//! * Anything else is `teks`, only `teks` set (clean plain text). An empty
//!   cell or `-` gives `None`.

use std::sync::LazyLock;

use nom::{
    IResult, Parser,
    bytes::complete::{take_while, take_while1},
    error::{Error, ErrorKind},
};
use serde::Deserialize;

use crate::diagnostics::{Code, Diagnostics};
use crate::grammar::{Phrase, WordSet, words};
use crate::markup::{
    self,
    math::{self, Math},
};
use crate::model::{Bentuk, Formulasi, Span};

/// `grammars/formulas.toml`, embedded.
pub const FORMULAS_TOML: &str = include_str!("../../grammars/formulas.toml");

/// The vocabulary of formulas.
#[derive(Debug)]
pub struct FormulaWords {
    pub quantity: Vec<Phrase>,
    pub sum: Vec<Phrase>,
    /// the first is the sign written in `teks`
    pub sum_signs: Vec<char>,
    /// upper case
    pub times: Vec<String>,
    /// upper case
    pub percent: Vec<String>,
    /// the first words of `quantity` and of `sum`, for a quick first test
    /// (`None` when a word cannot be kept in a [`WordSet`])
    quantity_first: Option<WordSet>,
    sum_first: Option<WordSet>,
}

#[derive(Deserialize)]
struct RawWords {
    quantity: Vec<String>,
    sum: Vec<String>,
    sum_signs: Vec<String>,
    times: Vec<String>,
    percent: Vec<String>,
}

impl FormulaWords {
    /// Parses `grammars/formulas.toml`.
    pub fn load() -> Result<FormulaWords, String> {
        let raw: RawWords =
            toml::from_str(FORMULAS_TOML).map_err(|e| format!("grammars/formulas.toml: {e}"))?;
        let phrases = |l: &[String], what: &str| {
            let p: Vec<Phrase> = l.iter().map(|s| Phrase::new(s)).collect();
            if p.is_empty() || p.iter().any(Phrase::is_empty) {
                Err(format!(
                    "grammars/formulas.toml: `{what}` has an empty entry"
                ))
            } else {
                Ok(p)
            }
        };
        let upper = |l: &[String], what: &str| {
            if l.is_empty() || l.iter().any(|s| s.trim().is_empty()) {
                Err(format!(
                    "grammars/formulas.toml: `{what}` has an empty entry"
                ))
            } else {
                Ok(l.iter()
                    .map(|s| s.trim().to_uppercase())
                    .collect::<Vec<_>>())
            }
        };
        let mut sum_signs = Vec::new();
        for s in &raw.sum_signs {
            let mut cs = s.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => sum_signs.push(c),
                _ => {
                    return Err(format!(
                        "grammars/formulas.toml: sum sign `{s}` is not one character"
                    ));
                }
            }
        }
        if sum_signs.is_empty() {
            return Err("grammars/formulas.toml: no sum sign".into());
        }
        let quantity = phrases(&raw.quantity, "quantity")?;
        let sum = phrases(&raw.sum, "sum")?;
        let firsts = |l: &[Phrase]| {
            let mut set = WordSet::default();
            for p in l {
                set.insert(p.0[0].clone());
            }
            // an ASCII word the set cannot hold (too long, or not starting
            // with a letter or digit) would be turned away by it
            l.iter()
                .all(|p| !p.0[0].is_ascii() || set.contains(&p.0[0]))
                .then_some(set)
        };
        Ok(FormulaWords {
            quantity_first: firsts(&quantity),
            sum_first: firsts(&sum),
            quantity,
            sum,
            sum_signs,
            times: upper(&raw.times, "times")?,
            percent: upper(&raw.percent, "percent")?,
        })
    }
}

static WORDS: LazyLock<FormulaWords> = LazyLock::new(|| match FormulaWords::load() {
    Ok(w) => w,
    // compiled in and checked by a unit test; this cannot happen in a release
    Err(e) => panic!("invalid embedded grammar: {e}"),
});

/// The formula vocabulary, loaded once.
pub fn formula_words() -> &'static FormulaWords {
    &WORDS
}

type Res<'a, T> = IResult<&'a str, T>;

fn error<T>(i: &str) -> Res<'_, T> {
    Err(nom::Err::Error(Error::new(i, ErrorKind::Verify)))
}

/// Parses a formula cell (raw, with its LaTeX and HTML); `None` for an empty
/// cell or `-`. See the module doc for the forms and rules.
pub fn parse(cell: &str, span: Span, diags: &mut Diagnostics) -> Option<Formulasi> {
    let plain = markup::clean_opt(cell)?;
    Some(parse_clean(cell, plain, span, diags))
}

/// [`parse`] of a cell whose clean text (`markup::clean_opt`) is already
/// known: `plain`.
pub fn parse_clean(cell: &str, plain: String, span: Span, diags: &mut Diagnostics) -> Formulasi {
    let w = formula_words();
    if cell.contains("frac") {
        match latex(w, cell) {
            Latex::Ratio(r) => return r.formulasi(w),
            Latex::Placeholder(r, before) => {
                let f = r.formulasi(w);
                diags.at(
                    Code::FormulaPlaceholder,
                    span,
                    format!(
                        "the numerator of the fraction in `{plain}` is a placeholder; the text \
                         before it, `{before}`, was read as the numerator: `{}`",
                        f.teks
                    ),
                );
                return f;
            }
            Latex::Other => return text_only(plain),
            Latex::NoFraction => {}
        }
    }
    let text = with_sum_sign(w, &plain);
    if let Some(r) = ratio(w, &text) {
        return r.formulasi(w);
    }
    if let Some(r) = bar_lost(w, &text) {
        let f = r.formulasi(w);
        diags.at(
            Code::FormulaBarRestored,
            span,
            format!(
                "the fraction bar of `{plain}` was lost in conversion; read as `{}`",
                f.teks
            ),
        );
        return f;
    }
    if let Some((a, b)) = bar_suspected(w, &text) {
        diags.at(
            Code::FormulaBarSuspected,
            span,
            format!(
                "`{plain}` reads like a fraction whose bar was lost (`{a}` over `{b}`), but no `× 100` confirms it; kept as text"
            ),
        );
        return text_only(plain);
    }
    if is_sum(w, &text) {
        return Formulasi {
            teks: plain,
            bentuk: Bentuk::Jumlah,
            pembilang: None,
            penyebut: None,
            pengali: None,
            satuan: None,
        };
    }
    text_only(plain)
}

fn text_only(teks: String) -> Formulasi {
    Formulasi {
        teks,
        bentuk: Bentuk::Teks,
        pembilang: None,
        penyebut: None,
        pengali: None,
        satuan: None,
    }
}

/// The other sum signs (`∑`) written as the first (`Σ`).
fn with_sum_sign<'s>(w: &FormulaWords, s: &'s str) -> std::borrow::Cow<'s, str> {
    let main = w.sum_signs[0];
    if s.is_ascii() || !s.chars().any(|c| c != main && w.sum_signs.contains(&c)) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| if w.sum_signs.contains(&c) { main } else { c })
            .collect(),
    )
}

// --- ratios -----------------------------------------------------------------------

/// A ratio read from a formula.
#[derive(Debug, Clone, PartialEq)]
pub struct Ratio {
    pub pembilang: String,
    pub penyebut: String,
    pub scale: Scale,
}

/// `× 100%`: the multiplier and the unit.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scale {
    pub pengali: Option<f64>,
    pub percent: bool,
}

impl Ratio {
    /// The formula of a ratio this module read: its operands are clean text
    /// ([`text_ok`]: [`operand`] and [`latex_operand`] return no other), which
    /// writing them out need not test again.
    fn formulasi(self, w: &FormulaWords) -> Formulasi {
        Formulasi {
            teks: render_with(w, &self, true),
            bentuk: Bentuk::Rasio,
            pembilang: Some(self.pembilang),
            penyebut: Some(self.penyebut),
            pengali: self.scale.pengali,
            satuan: self.scale.percent.then(|| "%".to_string()),
        }
    }
}

/// The display form `A / B × 100%` (see the module doc for the parentheses).
pub fn render(w: &FormulaWords, r: &Ratio) -> String {
    render_with(w, r, false)
}

/// [`render`]; `known_ok` when both operands are known to be clean text
/// ([`text_ok`]).
fn render_with(w: &FormulaWords, r: &Ratio, known_ok: bool) -> String {
    // written in one buffer, with room for the operands, the bar and most
    // scales (` × 100 %`)
    let mut out = String::with_capacity(r.pembilang.len() + r.penyebut.len() + 32);
    push_operand(&mut out, w, &r.pembilang, known_ok);
    out.push_str(" / ");
    push_operand(&mut out, w, &r.penyebut, known_ok);
    if let Some(n) = r.scale.pengali {
        out.push_str(" × ");
        out.push_str(&number_text(n));
    } else if r.scale.percent {
        out.push(' ');
    }
    if r.scale.percent {
        out.push('%');
    }
    out
}

/// Writes an operand as it stands in `teks`: bare when it reads back as
/// itself, else in parentheses. `known_ok` when `x` is known to be clean
/// text ([`text_ok`]).
fn push_operand(out: &mut String, w: &FormulaWords, x: &str, known_ok: bool) {
    if bare_operand(w, x, known_ok) {
        out.push_str(x);
    } else {
        out.push('(');
        out.push_str(x);
        out.push(')');
    }
}

/// A multiplier as text: `100`, `0,5` (Indonesian decimal comma).
fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        itoa::Buffer::new().format(n as i64).to_string()
    } else {
        format!("{n}").replace('.', ",")
    }
}

/// `ratio = operand "/" operand [ scale ] | operand scale "/" operand ;`
/// over the `/` outside parentheses; exactly one must qualify.
fn ratio(w: &FormulaWords, t: &str) -> Option<Ratio> {
    let mut found = None;
    for k in top_level_slashes(t) {
        let (left, right) = (&t[..k], &t[k + 1..]);
        let (l_op, l_scale) = split_scale(w, left);
        let (r_op, r_scale) = split_scale(w, right);
        let scale = match (l_scale, r_scale) {
            (Some(_), Some(_)) => continue,
            (s, None) | (None, s) => s.unwrap_or_default(),
        };
        let (Some(p), Some(q)) = (operand(w, l_op), operand(w, r_op)) else {
            continue;
        };
        if found.is_some() {
            return None; // two readings: not a formula we can split
        }
        found = Some(Ratio {
            pembilang: p,
            penyebut: q,
            scale,
        });
    }
    found
}

/// Byte offsets of the `/` not inside parentheses.
fn top_level_slashes(t: &str) -> Vec<usize> {
    let b = t.as_bytes();
    // most texts have no `/`: one scan tells
    if memchr::memchr(b'/', b).is_none() {
        return Vec::new();
    }
    // by bytes: `(`, `)` and `/` are ASCII, and no byte of a character
    // outside ASCII is one of them
    let mut depth = 0usize;
    let mut out = Vec::new();
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            b'/' if depth == 0 => out.push(i),
            _ => {}
        }
    }
    out
}

/// `bar-lost = quantity scale quantity ;` — the scale a power of ten.
fn bar_lost(w: &FormulaWords, t: &str) -> Option<Ratio> {
    if !may_have_scale(w, t) {
        return None;
    }
    for p in scale_starts(w, t) {
        if p == 0 {
            continue;
        }
        let Ok((rest, s)) = scale(w, &t[p..]) else {
            continue;
        };
        if !s.pengali.is_some_and(is_power_of_ten) {
            continue;
        }
        let a = trim_operand(&t[..p]);
        if !quantity(w, a) {
            continue;
        }
        let b = trim_operand(rest);
        if !quantity(w, b) {
            continue;
        }
        if let (Some(p), Some(q)) = (operand(w, a), operand(w, b)) {
            return Some(Ratio {
                pembilang: p,
                penyebut: q,
                scale: s,
            });
        }
    }
    None
}

/// `bar-suspected = quantity ( "." | Capitalized-word ) Quantity ;` — exactly
/// two quantity phrases one after the other, the second one capitalized, with no
/// `/` and no operator or connector between them (`Jumlah Koperasi yang
/// melaksanakan RAT. Jumlah Koperasi Aktif`). Not read as a ratio: only
/// reported.
fn bar_suspected<'t>(w: &FormulaWords, t: &'t str) -> Option<(&'t str, &'t str)> {
    if t.contains('/') || !quantity(w, t) {
        return None;
    }
    // exactly one more quantity after the first (three are a list of counts)
    let mut found = None;
    for (at, word) in crate::lines::word_offsets(t).skip(1) {
        if !word.starts_with(char::is_uppercase) || !quantity(w, &t[at..]) {
            continue;
        }
        let before = t[..at].trim_end();
        let prev = before.rsplit(' ').next().unwrap_or("");
        let boundary = before.ends_with(['.', ';'])
            || (prev.starts_with(char::is_uppercase) && prev.chars().all(char::is_alphanumeric));
        let (a, b) = (trim_operand(before), trim_operand(&t[at..]));
        if found.is_some() {
            return None;
        }
        if boundary && !a.is_empty() && !b.is_empty() {
            found = Some((a, b));
        }
    }
    found
}

fn is_power_of_ten(n: f64) -> bool {
    let mut x = 10.0;
    while x <= 1e9 {
        if n == x {
            return true;
        }
        x *= 10.0;
    }
    false
}

/// `sum = sum-word words ;` — one sum word, at the start; no scale.
fn is_sum(w: &FormulaWords, t: &str) -> bool {
    if !starts_with_any(w, t, &w.sum, &w.sum_first)
        || has_scale(w, t)
        || t.contains(['=', '%', '×'])
    {
        return false;
    }
    // no second sum word: the words from each word on, read off one
    // iterator (a phrase is compared in full only from its first word)
    let mut ws = words(t);
    let mut count = 0;
    loop {
        let from = ws.clone();
        let Some(w0) = ws.next() else {
            break;
        };
        if w.sum
            .iter()
            .any(|p| p.starts_with_word(w0) && p.is_prefix_of(from.clone()))
            || w0.starts_with(|c| w.sum_signs.contains(&c))
        {
            count += 1;
            if count > 1 {
                return false;
            }
        }
    }
    count == 1
}

// --- LaTeX -------------------------------------------------------------------------

enum Latex {
    /// no `\frac` after all
    NoFraction,
    Ratio(Ratio),
    /// a ratio whose numerator was a placeholder; the text used instead
    Placeholder(Ratio, String),
    /// a fraction among other things, or several: plain text
    Other,
}

/// `latex-fraction = [ prefix ] "\frac" "{" operand "}" "{" operand "}" [ scale ] ;`
/// — read on the LaTeX tree of [`markup::math::parse`]. A prefix is allowed
/// only when the numerator is a placeholder (it is the numerator then).
fn latex(w: &FormulaWords, cell: &str) -> Latex {
    let html_free = markup::strip_tags(cell);
    let decoded = html_escape::decode_html_entities(&html_free);
    let nodes = markup::math_tree(&decoded);
    let fracs: Vec<usize> = nodes
        .iter()
        .enumerate()
        .filter(|(_, m)| matches!(m, Math::Frac(..)))
        .map(|(i, _)| i)
        .collect();
    let k = match fracs.as_slice() {
        [] => return Latex::NoFraction,
        [k] => *k,
        _ => return Latex::Other,
    };
    let Math::Frac(num, den) = &nodes[k] else {
        return Latex::Other;
    };
    let text =
        |ms: &[Math]| with_sum_sign(w, &markup::collapse_ws_owned(math::render(ms))).into_owned();
    let prefix = text(&nodes[..k]);
    let prefix = trim_operand(prefix.trim_end_matches(['=', ' ']));
    let suffix = text(&nodes[k + 1..]);
    let suffix = suffix.trim().trim_end_matches(['.', ',', ';']).trim();
    let (num, den) = (text(num), text(den));
    let scale = if suffix.is_empty() {
        Scale::default()
    } else {
        match scale(w, suffix) {
            Ok((rest, s)) if rest.trim().is_empty() => s,
            _ => return Latex::Other,
        }
    };
    let Some(q) = latex_operand(&den) else {
        return Latex::Other;
    };
    if is_placeholder(&num) {
        return match latex_operand(prefix) {
            Some(p) => Latex::Placeholder(
                Ratio {
                    pembilang: p.clone(),
                    penyebut: q,
                    scale,
                },
                p,
            ),
            None => Latex::Other,
        };
    }
    match (prefix.is_empty(), latex_operand(&num)) {
        (true, Some(p)) => Latex::Ratio(Ratio {
            pembilang: p,
            penyebut: q,
            scale,
        }),
        _ => Latex::Other,
    }
}

/// A part of a `\frac`: any balanced text that is not a placeholder.
fn latex_operand(s: &str) -> Option<String> {
    let t = trim_operand(s);
    text_ok(t).then(|| t.to_string())
}

// --- operands ------------------------------------------------------------------------

/// Without surrounding spaces and a final `.`, `,`, `;` or `:`.
fn trim_operand(s: &str) -> &str {
    s.trim().trim_end_matches(['.', ',', ';', ':']).trim_end()
}

/// `operand = "(" balanced-text ")" | quantity ;` — a quantity must not hold
/// a scale, `%` or `×` of its own. Returns the operand without its parentheses.
fn operand(w: &FormulaWords, s: &str) -> Option<String> {
    let t = trim_operand(s);
    if let Some(inner) = parenthesized(t) {
        let inner = inner.trim();
        return text_ok(inner).then(|| inner.to_string());
    }
    let ok = text_ok(t) && quantity(w, t) && !t.contains(['%', '×']) && !has_scale(w, t);
    ok.then(|| t.to_string())
}

/// True when `x` may stand bare in `teks` and read back as itself;
/// `known_ok` when `x` is known to be clean text ([`text_ok`]).
fn bare_operand(w: &FormulaWords, x: &str, known_ok: bool) -> bool {
    let last = x.rsplit(' ').next().unwrap_or("");
    (known_ok || text_ok(x))
        && x == trim_operand(x)
        && quantity(w, x)
        && !x.starts_with('(')
        && !x.contains(['/', '%', '×'])
        && !has_scale(w, x)
        && !compound(x)
        && !w.times.iter().any(|t| {
            if t.is_ascii() {
                last.eq_ignore_ascii_case(t)
            } else {
                last.chars().flat_map(char::to_uppercase).eq(t.chars())
            }
        })
        && !last
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// More than one term: `A - B`, `A + B`, `A = B`.
fn compound(x: &str) -> bool {
    let b = x.as_bytes();
    memchr::memchr3_iter(b'-', b'+', b'=', b)
        .any(|i| i > 0 && b[i - 1] == b' ' && b.get(i + 1) == Some(&b' '))
}

/// The inside of `( … )` when the parentheses enclose the whole text.
fn parenthesized(t: &str) -> Option<&str> {
    let inner = t.strip_prefix('(')?.strip_suffix(')')?;
    let mut depth = 0i32;
    for c in inner.chars() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth < 0 {
                    return None;
                }
            }
            _ => {}
        }
    }
    (depth == 0).then_some(inner)
}

/// Clean plain text (no markup left: no `\`, `{`, `}`, `$`, `<`, `&`, `**`),
/// non-empty, balanced parentheses, some letter or digit, not a placeholder.
fn text_ok(t: &str) -> bool {
    let b = t.as_bytes();
    // markup characters, found by vectorized scans
    if memchr::memchr3(b'\\', b'{', b'}', b).is_some()
        || memchr::memchr3(b'$', b'<', b'&', b).is_some()
        || (memchr::memchr2(b'*', b'_', b).is_some() && (t.contains("**") || t.contains("__")))
    {
        return false;
    }
    if !markup::is_clean(t) {
        return false;
    }
    let mut depth = 0i32;
    for &c in b {
        match c {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    // a text with a letter or digit is no placeholder (`.....`)
    depth == 0 && (b.iter().any(u8::is_ascii_alphanumeric) || t.chars().any(char::is_alphanumeric))
}

/// Only dots, ellipses, underscores and spaces (`.....`).
fn is_placeholder(t: &str) -> bool {
    t.chars()
        .all(|c| c.is_whitespace() || matches!(c, '.' | '…' | '_' | '-'))
}

/// `quantity = quantity-word { word } ;` (or a sum sign glued to its word)
fn quantity(w: &FormulaWords, t: &str) -> bool {
    starts_with_any(w, t, &w.quantity, &w.quantity_first)
}

/// True when `t` starts with a phrase of `list`, whose first words are `firsts`.
fn starts_with_any(w: &FormulaWords, t: &str, list: &[Phrase], firsts: &Option<WordSet>) -> bool {
    let Some(first) = t.chars().next() else {
        return false;
    };
    if w.sum_signs.contains(&first)
        && list
            .iter()
            .any(|p| p.0.len() == 1 && p.0[0].starts_with(first))
    {
        return true;
    }
    if !first.is_alphanumeric() {
        return false;
    }
    // the first word settles most phrases; the rest are compared in full
    let Some(w0) = words(t).next() else {
        return false;
    };
    // an ASCII word is settled by the set of first words (a word with other
    // letters may still match in upper case, and is compared in full)
    if let Some(firsts) = firsts
        && w0.is_ascii()
        && !firsts.contains(w0)
    {
        return false;
    }
    list.iter()
        .any(|p| p.starts_with_word(w0) && p.is_prefix_of(words(t)))
}

// --- scale -------------------------------------------------------------------------

/// Places where a scale may start: words that stand apart (after a space,
/// `/` or `(`, not the `1` of `N-1`) and the signs `×`, `*`, `%`. A scale
/// starts with a number or a times or percent form ([`scale`]): a word that
/// starts with another letter is none (most words of an operand).
fn scale_starts<'a>(w: &'a FormulaWords, t: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut prev: Option<char> = None;
    t.char_indices().filter_map(move |(i, c)| {
        let p = prev.replace(c);
        let word_start = c.is_alphanumeric()
            && p.is_none_or(|p| p.is_whitespace() || matches!(p, '/' | '('))
            && (c.is_ascii_digit() || starts_scale_form(w, c));
        let sign = !c.is_alphanumeric()
            && !c.is_whitespace()
            && (w.times.iter().chain(&w.percent).any(|s| s.starts_with(c)));
        (word_start || sign).then_some(i)
    })
}

/// True when a times or percent form starts with `c`, in some case: the
/// first letter of a form as [`sign_or_word`] compares it (an ASCII word in
/// any case, another word in upper case, a sign as itself).
fn starts_scale_form(w: &FormulaWords, c: char) -> bool {
    let up = c.to_uppercase().next();
    w.times.iter().chain(&w.percent).any(|f| {
        let f0 = f.chars().next();
        f0 == Some(c) || f0 == up
    })
}

/// True when a scale (`x 100`, `100%`, `persen`) stands anywhere in `t`.
fn has_scale(w: &FormulaWords, t: &str) -> bool {
    may_have_scale(w, t) && scale_starts(w, t).any(|p| scale(w, &t[p..]).is_ok())
}

/// Every scale holds a number or a percent sign or word: without them, none.
fn may_have_scale(w: &FormulaWords, t: &str) -> bool {
    let b = t.as_bytes();
    crate::text::has_ascii_digit(b)
        || w.percent
            .iter()
            .any(|p| contains_ignore_ascii_case(b, p.as_bytes()))
}

/// True when `needle` stands in `hay`, ASCII letters in any case; found from
/// its first byte (in either case) with a vectorized scan. (`markup`'s
/// `contains_ci` compares every window instead: for its constant `<li`,
/// compiled into the loop, that costs less; one shared helper cost 1–2 % of
/// all instructions either way it was written.)
fn contains_ignore_ascii_case(hay: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    let at = |i: usize| {
        hay.get(i..i + needle.len())
            .is_some_and(|x| x.eq_ignore_ascii_case(needle))
    };
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), hay).any(at)
}

/// Splits a trailing scale off: `Jumlah A x 100%` → (`Jumlah A `, × 100 %).
/// The earliest start that reads to the end wins; some text must remain.
fn split_scale<'a>(w: &FormulaWords, s: &'a str) -> (&'a str, Option<Scale>) {
    if !may_have_scale(w, s) {
        return (s, None);
    }
    for p in scale_starts(w, s) {
        if let Ok((rest, sc)) = scale(w, &s[p..])
            && rest
                .trim()
                .trim_end_matches(['.', ',', ';'])
                .trim()
                .is_empty()
            && s[..p].chars().any(char::is_alphanumeric)
        {
            return (&s[..p], Some(sc));
        }
    }
    (s, None)
}

/// `scale = times [ space ] number [ [ space ] percent ] | number [ space ] percent | percent ;`
fn scale<'a>(w: &FormulaWords, i: &'a str) -> Res<'a, Scale> {
    if let Ok((r, _)) = times(w, i) {
        let (r, _) = space(r)?;
        let (r, n) = number(r)?;
        let (r2, _) = space(r)?;
        return Ok(match percent(w, r2) {
            Ok((r3, _)) => (
                r3,
                Scale {
                    pengali: Some(n),
                    percent: true,
                },
            ),
            Err(_) => (
                r,
                Scale {
                    pengali: Some(n),
                    percent: false,
                },
            ),
        });
    }
    if let Ok((r, n)) = number(i) {
        let (r, _) = space(r)?;
        let (r, _) = percent(w, r)?;
        return Ok((
            r,
            Scale {
                pengali: Some(n),
                percent: true,
            },
        ));
    }
    let (r, _) = percent(w, i)?;
    Ok((
        r,
        Scale {
            pengali: None,
            percent: true,
        },
    ))
}

/// `space = { white-space } ;`
fn space(i: &str) -> Res<'_, &str> {
    take_while(char::is_whitespace).parse(i)
}

/// A sign (`×`, `*`, `%`) or a word (`x`, `kali`, `persen`) of `list`; a word
/// must not be followed by a letter.
fn sign_or_word<'a>(list: &[String], i: &'a str) -> Res<'a, &'a str> {
    for form in list {
        let n = form.len();
        let Some(head) = i.get(..n) else { continue };
        let word = form.chars().all(char::is_alphabetic);
        let same = if word && form.is_ascii() {
            head.eq_ignore_ascii_case(form)
        } else if word {
            head.to_uppercase() == *form
        } else {
            head == form
        };
        if !same {
            continue;
        }
        let rest = &i[n..];
        if word && rest.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        return Ok((rest, head));
    }
    error(i)
}

/// `times = "×" | "*" | "x" | "kali" ;` (grammars/formulas.toml)
fn times<'a>(w: &FormulaWords, i: &'a str) -> Res<'a, &'a str> {
    sign_or_word(&w.times, i)
}

/// `percent = "%" | "persen" ;` (grammars/formulas.toml)
fn percent<'a>(w: &FormulaWords, i: &'a str) -> Res<'a, &'a str> {
    sign_or_word(&w.percent, i)
}

/// `number = digit { digit | "." | "," } ;` — `1.000` is a thousand, `0,5` a half.
fn number(i: &str) -> Res<'_, f64> {
    let (_, tok) = take_while1(|c: char| c.is_ascii_digit() || c == '.' || c == ',').parse(i)?;
    let tok = tok.trim_end_matches(['.', ',']);
    if !tok.starts_with(|c: char| c.is_ascii_digit()) || tok.len() > 40 {
        return error(i);
    }
    let rest = &i[tok.len()..];
    match number_value(tok) {
        Some(v) => Ok((rest, v)),
        None => error(i),
    }
}

/// The value of `100`, `1.000`, `0,5`, `2.5`.
fn number_value(tok: &str) -> Option<f64> {
    let plain: String = if tok.contains(',') {
        if tok.matches(',').count() > 1 {
            return None;
        }
        tok.replace('.', "").replace(',', ".")
    } else {
        let groups: Vec<&str> = tok.split('.').collect();
        if groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3) {
            groups.concat()
        } else if groups.len() <= 2 {
            tok.to_string()
        } else {
            return None;
        }
    };
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read(cell: &str) -> (Option<Formulasi>, Vec<String>) {
        let mut d = Diagnostics::default();
        let f = parse(cell, Span::line(7), &mut d);
        let codes = d.finish().into_iter().map(|d| d.code).collect();
        (f, codes)
    }

    /// A ratio: (cell, pembilang, penyebut, pengali, percent, teks, diagnostic)
    type RatioCase = (
        &'static str,
        &'static str,
        &'static str,
        Option<f64>,
        bool,
        &'static str,
        Option<&'static str>,
    );

    /// Every ratio form of the corpus and the field samples.
    const RATIOS: &[RatioCase] = &[
        // LaTeX, × 100\%
        (
            r"$\frac{\text{Jumlah administrasi umum yang dilaksanakan}}{\text{Jumlah administrasi umum sesuai ketentuan}} \times 100\%$",
            "Jumlah administrasi umum yang dilaksanakan",
            "Jumlah administrasi umum sesuai ketentuan",
            Some(100.0),
            true,
            "Jumlah administrasi umum yang dilaksanakan / Jumlah administrasi umum sesuai ketentuan × 100%",
            None,
        ),
        // LaTeX, × 100 \% (space)
        (
            r"$\frac{\text{Jumlah Koperasi yang Memiliki Sertifikat NIK}}{\text{Jumlah Koperasi}} \times 100 \%$",
            "Jumlah Koperasi yang Memiliki Sertifikat NIK",
            "Jumlah Koperasi",
            Some(100.0),
            true,
            "Jumlah Koperasi yang Memiliki Sertifikat NIK / Jumlah Koperasi × 100%",
            None,
        ),
        // LaTeX, × 100 without percent
        (
            r"$\frac{\text{Jumlah sentra dibina}}{\text{Jumlah sentra}} \times 100$",
            "Jumlah sentra dibina",
            "Jumlah sentra",
            Some(100.0),
            false,
            "Jumlah sentra dibina / Jumlah sentra × 100",
            None,
        ),
        // LaTeX, no multiplier
        (
            r"$\frac{\text{Jumlah kegiatan yang dilaksanakan}}{\text{Jumlah Kegiatan}}$",
            "Jumlah kegiatan yang dilaksanakan",
            "Jumlah Kegiatan",
            None,
            false,
            "Jumlah kegiatan yang dilaksanakan / Jumlah Kegiatan",
            None,
        ),
        // \sum inside: Σ stays in the operands
        (
            r"$\frac{\sum \text{PNS yang mendapat Pelayanan Tepat Waktu}}{\sum \text{PNS yang mengajukan Pelayanan}} \times 100 \%$",
            "Σ PNS yang mendapat Pelayanan Tepat Waktu",
            "Σ PNS yang mengajukan Pelayanan",
            Some(100.0),
            true,
            "Σ PNS yang mendapat Pelayanan Tepat Waktu / Σ PNS yang mengajukan Pelayanan × 100%",
            None,
        ),
        // compound numerator: parenthesized in teks
        (
            r"$\frac{\text{Nilai ekspor th N}-\text{Nilai ekspor tahun N-1}}{\text{Nilai ekspor tahun N-1}} \times 100\%$",
            "Nilai ekspor th N - Nilai ekspor tahun N-1",
            "Nilai ekspor tahun N-1",
            Some(100.0),
            true,
            "(Nilai ekspor th N - Nilai ekspor tahun N-1) / Nilai ekspor tahun N-1 × 100%",
            None,
        ),
        (
            r"$\frac{\text{Jumlah koperasi berkualitas th N} - \text{th N} - 1}{\text{Jumlah koperasi berkualitas th N} - 1}$",
            "Jumlah koperasi berkualitas th N - th N - 1",
            "Jumlah koperasi berkualitas th N - 1",
            None,
            false,
            "(Jumlah koperasi berkualitas th N - th N - 1) / (Jumlah koperasi berkualitas th N - 1)",
            None,
        ),
        // a fraction in a markdown-table cell (kalbar), HTML around it
        (
            r"<p>$\frac{\text{Jumlah Koperasi Sehat dan Cukup Sehat}}{\text{Jumlah Koperasi Aktif}} \times 100$</p>",
            "Jumlah Koperasi Sehat dan Cukup Sehat",
            "Jumlah Koperasi Aktif",
            Some(100.0),
            false,
            "Jumlah Koperasi Sehat dan Cukup Sehat / Jumlah Koperasi Aktif × 100",
            None,
        ),
        // plain A / B x 100%
        (
            "Jumlah Koperasi Aktif / Jumlah Koperasi x 100%",
            "Jumlah Koperasi Aktif",
            "Jumlah Koperasi",
            Some(100.0),
            true,
            "Jumlah Koperasi Aktif / Jumlah Koperasi × 100%",
            None,
        ),
        (
            "Jumlah usaha mikro yang naik menjadi usaha kecil Tahun N /Jumlah usaha mikro thn N-1 x 100%",
            "Jumlah usaha mikro yang naik menjadi usaha kecil Tahun N",
            "Jumlah usaha mikro thn N-1",
            Some(100.0),
            true,
            "Jumlah usaha mikro yang naik menjadi usaha kecil Tahun N / Jumlah usaha mikro thn N-1 × 100%",
            None,
        ),
        // x 100 % (field sample meranti)
        (
            "Jumlah Desa yang terbentuk / Jumlah Desa yang seharusnya dibentuk x 100 %",
            "Jumlah Desa yang terbentuk",
            "Jumlah Desa yang seharusnya dibentuk",
            Some(100.0),
            true,
            "Jumlah Desa yang terbentuk / Jumlah Desa yang seharusnya dibentuk × 100%",
            None,
        ),
        // no multiplier (field sample banggai-bkpsdm); "kab." inside
        (
            "Jumlah data PNS yang terupdate / Jumlah keseluruhan PNS di kab. Banggai",
            "Jumlah data PNS yang terupdate",
            "Jumlah keseluruhan PNS di kab. Banggai",
            None,
            false,
            "Jumlah data PNS yang terupdate / Jumlah keseluruhan PNS di kab. Banggai",
            None,
        ),
        // A x 100/B, A X 100/B
        (
            "Jumlah Dokumen Laporan Keuangan yang selesai x 100/Jumlah Dokumen Laporan Keuangan",
            "Jumlah Dokumen Laporan Keuangan yang selesai",
            "Jumlah Dokumen Laporan Keuangan",
            Some(100.0),
            false,
            "Jumlah Dokumen Laporan Keuangan yang selesai / Jumlah Dokumen Laporan Keuangan × 100",
            None,
        ),
        (
            "Jumlah Dokumen Rekonsiliasi Realisasi Keuangan Per Triwulan yang selesai X 100/Jumlah Dokumen RekonsiliasiRealisasi Keuangan Per Triwulan",
            "Jumlah Dokumen Rekonsiliasi Realisasi Keuangan Per Triwulan yang selesai",
            "Jumlah Dokumen RekonsiliasiRealisasi Keuangan Per Triwulan",
            Some(100.0),
            false,
            "Jumlah Dokumen Rekonsiliasi Realisasi Keuangan Per Triwulan yang selesai / Jumlah Dokumen RekonsiliasiRealisasi Keuangan Per Triwulan × 100",
            None,
        ),
        // bar lost in conversion
        (
            "Jumlah pasar yang di bangun. x 100 % Jumlah pasar Pemda",
            "Jumlah pasar yang di bangun",
            "Jumlah pasar Pemda",
            Some(100.0),
            true,
            "Jumlah pasar yang di bangun / Jumlah pasar Pemda × 100%",
            Some("formula-bar-restored"),
        ),
        (
            "Jumlah Peserta 100% Jumlah Koperasi Aktif,",
            "Jumlah Peserta",
            "Jumlah Koperasi Aktif",
            Some(100.0),
            true,
            "Jumlah Peserta / Jumlah Koperasi Aktif × 100%",
            Some("formula-bar-restored"),
        ),
        // placeholder numerator, the real one written before the fraction
        (
            r"Jumlah ASN yang mengikuti bimtek, $\frac{\text{.....}}{\text{Jumlah ASN pada Dinas Koperasi UKM dan Perdagangan}} \times 100$",
            "Jumlah ASN yang mengikuti bimtek",
            "Jumlah ASN pada Dinas Koperasi UKM dan Perdagangan",
            Some(100.0),
            false,
            "Jumlah ASN yang mengikuti bimtek / Jumlah ASN pada Dinas Koperasi UKM dan Perdagangan × 100",
            Some("formula-placeholder"),
        ),
        (
            r"Jumlah Sarana dan prasarana dalam kondisi baik $\frac{\text{.....}}{\text{Jumlah seluruh sarana dan prasarana}} \times 100$",
            "Jumlah Sarana dan prasarana dalam kondisi baik",
            "Jumlah seluruh sarana dan prasarana",
            Some(100.0),
            false,
            "Jumlah Sarana dan prasarana dalam kondisi baik / Jumlah seluruh sarana dan prasarana × 100",
            Some("formula-placeholder"),
        ),
        // other quantity words; parenthesized operands; ∑ written as Σ
        (
            "Realisasi anggaran / Pagu anggaran x 100 persen",
            "Realisasi anggaran",
            "Pagu anggaran",
            Some(100.0),
            true,
            "Realisasi anggaran / Pagu anggaran × 100%",
            None,
        ),
        (
            "(Koperasi sehat) / (Koperasi aktif) × 100%",
            "Koperasi sehat",
            "Koperasi aktif",
            Some(100.0),
            true,
            "(Koperasi sehat) / (Koperasi aktif) × 100%",
            None,
        ),
        (
            "∑ KSP/USP sehat / ∑ KSP/USP x 1.000",
            "Σ KSP/USP sehat",
            "Σ KSP/USP",
            Some(1000.0),
            false,
            "(Σ KSP/USP sehat) / (Σ KSP/USP) × 1000",
            None,
        ),
        // nested braces
        (
            r"$\frac{{\text{Jumlah {A}}}}{\text{Jumlah B}} \times 100\%$",
            "Jumlah A",
            "Jumlah B",
            Some(100.0),
            true,
            "Jumlah A / Jumlah B × 100%",
            None,
        ),
        (
            "Jumlah pengaduan yang ditindaklanjuti / Jumlah pengaduan x100%",
            "Jumlah pengaduan yang ditindaklanjuti",
            "Jumlah pengaduan",
            Some(100.0),
            true,
            "Jumlah pengaduan yang ditindaklanjuti / Jumlah pengaduan × 100%",
            None,
        ),
    ];

    #[test]
    fn ratios() {
        for &(cell, p, q, n, pct, teks, diag) in RATIOS {
            let (f, codes) = read(cell);
            let f = f.unwrap_or_else(|| panic!("no formula for {cell:?}"));
            assert_eq!(f.bentuk, Bentuk::Rasio, "{cell:?}: {f:?}");
            assert_eq!(f.pembilang.as_deref(), Some(p), "{cell:?}");
            assert_eq!(f.penyebut.as_deref(), Some(q), "{cell:?}");
            assert_eq!(f.pengali, n, "{cell:?}");
            assert_eq!(f.satuan.as_deref(), pct.then_some("%"), "{cell:?}");
            assert_eq!(f.teks, teks, "{cell:?}");
            assert_eq!(codes, diag.into_iter().collect::<Vec<_>>(), "{cell:?}");
            // the display form reads back as the same ratio, silently
            let (again, codes) = read(&f.teks);
            assert_eq!(again.as_ref(), Some(&f), "{cell:?}");
            assert!(codes.is_empty());
        }
    }

    /// Sums: `\sum X`, `Σ X`, `Jumlah X` alone — also with a `/` that does
    /// not divide.
    #[test]
    fn sums() {
        for (cell, teks) in [
            (
                r"\sum Dokumen Aset Kepegawaian",
                "Σ Dokumen Aset Kepegawaian",
            ),
            (
                r"$\sum \text{Laporan SPJ yang tepat waktu}$",
                "Σ Laporan SPJ yang tepat waktu",
            ),
            (
                "Σ Pengajuan SPP GU, SPP, UP, dan SPP LS",
                "Σ Pengajuan SPP GU, SPP, UP, dan SPP LS",
            ),
            ("∑ laporan inventaris barang", "∑ laporan inventaris barang"),
            (
                "Jumlah Koperasi yang Melaksanakan RAT",
                "Jumlah Koperasi yang Melaksanakan RAT",
            ),
            ("Jumlah Laporan Pasar.", "Jumlah Laporan Pasar."),
            (
                "Jumlah ASN yang mengikuti bimtek,",
                "Jumlah ASN yang mengikuti bimtek",
            ),
            (
                "Jumlah Operasi Pasar Murah (Paket).",
                "Jumlah Operasi Pasar Murah (Paket).",
            ),
            (
                "Jumlah peserta rapat yang di pre test / pas test",
                "Jumlah peserta rapat yang di pre test / pas test",
            ),
            (
                "Jumlah koperasi yang diverifikasi / dinilai",
                "Jumlah koperasi yang diverifikasi / dinilai",
            ),
            (
                "Jumlah alat UTTP yang ditera / tera ulang.",
                "Jumlah alat UTTP yang ditera / tera ulang.",
            ),
            (
                "Jumlah peserta Sosialisasi Kewirausahaan yang di pre test / pas test",
                "Jumlah peserta Sosialisasi Kewirausahaan yang di pre test / pas test",
            ),
            ("Total kunjungan wisatawan", "Total kunjungan wisatawan"),
        ] {
            let (f, codes) = read(cell);
            let f = f.unwrap_or_else(|| panic!("{cell:?}"));
            assert_eq!(f.bentuk, Bentuk::Jumlah, "{cell:?}: {f:?}");
            assert_eq!(f.teks, teks, "{cell:?}");
            assert_eq!(
                (f.pembilang, f.penyebut, f.pengali, f.satuan),
                (None, None, None, None)
            );
            assert!(codes.is_empty());
        }
    }

    /// Everything else is text: only `teks`, clean.
    #[test]
    fn texts() {
        for (cell, teks) in [
            (
                "Hasil moneva dan laporan UMKM",
                "Hasil moneva dan laporan UMKM",
            ),
            (
                "Pasar tradisional yang direvitalisasi",
                "Pasar tradisional yang direvitalisasi",
            ),
            ("Persentase", "Persentase"),
            ("Predikat", "Predikat"),
            (
                "Jumlah Waktu yang dibutuhkan Jumlah pengaduan kejadian bencana",
                "Jumlah Waktu yang dibutuhkan Jumlah pengaduan kejadian bencana",
            ),
            (
                "Jumlah Laporan Moniv Jumlah penjaringan data PUMK. Jumlah penerbitan SIUMK",
                "Jumlah Laporan Moniv Jumlah penjaringan data PUMK. Jumlah penerbitan SIUMK",
            ),
            // a "/" between words that are not quantities
            (
                "Koperasi sehat / koperasi aktif x 100%",
                "Koperasi sehat / koperasi aktif x 100%",
            ),
            // a count times 100 is no ratio and no sum
            (
                "Jumlah Keluarga di wilayah Kabupaten dalam kurun waktu x 100%",
                "Jumlah Keluarga di wilayah Kabupaten dalam kurun waktu x 100%",
            ),
            // a placeholder numerator with nothing before it
            (
                r"$\frac{\text{.....}}{\text{Jumlah ASN}} \times 100$",
                "..... / Jumlah ASN × 100",
            ),
            // two fractions
            (
                r"$\frac{\text{A}}{\text{B}} + \frac{\text{C}}{\text{D}}$",
                "A / B + C / D",
            ),
            // a fraction after other words
            (
                r"Persentase = $\frac{\text{Jumlah A}}{\text{Jumlah B}}$",
                "Persentase = Jumlah A / Jumlah B",
            ),
            // two readings of "/"
            (
                "Jumlah A / Jumlah B / Jumlah C",
                "Jumlah A / Jumlah B / Jumlah C",
            ),
            (
                "<ul><li>Sarana dan prasarana dalam kondisi baik</li></ul>",
                "Sarana dan prasarana dalam kondisi baik",
            ),
        ] {
            let (f, codes) = read(cell);
            let f = f.unwrap_or_else(|| panic!("{cell:?}"));
            assert_eq!(f.bentuk, Bentuk::Teks, "{cell:?}: {f:?}");
            assert_eq!(f.teks, teks, "{cell:?}");
            assert_eq!(
                (f.pembilang, f.penyebut, f.pengali, f.satuan),
                (None, None, None, None)
            );
            assert!(codes.is_empty(), "{cell:?}");
        }
    }

    #[test]
    fn empty_cells() {
        for cell in ["", "  ", "-", " - ", "<br>", "$$"] {
            assert_eq!(read(cell).0, None, "{cell:?}");
        }
    }

    #[test]
    fn diagnostics_carry_the_span_and_say_what_happened() {
        let mut d = Diagnostics::default();
        parse(
            "Jumlah Peserta 100% Jumlah Koperasi Aktif,",
            Span::new(3, 4),
            &mut d,
        );
        let d = d.finish();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span, Some(Span::new(3, 4)));
        assert!(
            d[0].message
                .contains("Jumlah Peserta / Jumlah Koperasi Aktif × 100%")
        );
    }

    /// The Kapuas Hulu formulas whose bar was probably lost: reported, kept
    /// as text; a sum of two quantities or a single count is not reported.
    #[test]
    fn suspected_lost_bars_are_reported_not_read() {
        let suspected = [
            (
                "Jumlah Koperasi yang melaksanakan RAT. Jumlah Koperasi Aktif",
                "Jumlah Koperasi yang melaksanakan RAT",
            ),
            (
                "Jumlah PAD Meningkat Jumlah Penarikan retribusi Pasar di kecamatan.",
                "Jumlah PAD Meningkat",
            ),
            (
                "Jumlah dokumen perencanaan dan laporan Kinerja yang disusun tepat waktu. Jumlah dokumen perencanaan dan laporan yang wajib harus disusun. meliputi :Renja , Renstra",
                "Jumlah dokumen perencanaan dan laporan Kinerja yang disusun tepat waktu",
            ),
        ];
        for (cell, numerator) in suspected {
            let mut d = Diagnostics::default();
            let f = parse(cell, Span::line(1), &mut d).unwrap();
            assert_eq!(f.bentuk, Bentuk::Teks, "{cell}");
            let d = d.finish();
            assert_eq!(d.len(), 1, "{cell}");
            assert_eq!(d[0].code, "formula-bar-suspected");
            assert!(
                d[0].message.contains(&format!("`{numerator}` over")),
                "{}",
                d[0].message
            );
        }
        for cell in [
            "Jumlah koperasi aktif",
            "Jumlah usaha mikro + Jumlah usaha kecil",
            "Jumlah peserta rapat dan jumlah undangan",
        ] {
            let mut d = Diagnostics::default();
            parse(cell, Span::line(1), &mut d);
            assert!(d.finish().is_empty(), "{cell}");
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(number_value("100"), Some(100.0));
        assert_eq!(number_value("1.000"), Some(1000.0));
        assert_eq!(number_value("100.000"), Some(100000.0));
        assert_eq!(number_value("0,5"), Some(0.5));
        assert_eq!(number_value("2.5"), Some(2.5));
        assert_eq!(number_value("1,2,3"), None);
        assert_eq!(number_value("1.2.3"), None);
        assert_eq!(number_text(100.0), "100");
        assert_eq!(number_text(0.5), "0,5");
    }

    #[test]
    fn the_vocabulary_loads() {
        let w = FormulaWords::load().unwrap();
        assert!(w.quantity.iter().any(|p| p.0 == ["JUMLAH"]));
        assert_eq!(w.sum_signs[0], 'Σ');
    }

    fn soup() -> impl Strategy<Value = String> {
        let tokens = prop::sample::select(vec![
            "Jumlah", "jumlah", "Nilai", "Σ", "∑", r"\sum", r"\frac{", "}{", "}", "{", r"\text{",
            "$", "/", "x", "X", "×", "*", "100", "1.000", "0,5", "%", "persen", "(", ")", ".....",
            ",", ".", "-", "+", "=", "<li>", "&amp;", "dinilai", "koperasi", "é", "ß", "İ",
            "\u{300}", "**", "kali", "N-1",
        ]);
        prop::collection::vec((tokens, prop::sample::select(vec!["", " "])), 0..24)
            .prop_map(|v| v.into_iter().map(|(t, s)| format!("{t}{s}")).collect())
    }

    fn operand_soup() -> impl Strategy<Value = String> {
        let tokens = prop::sample::select(vec![
            "Jumlah", "Nilai", "Σ", "koperasi", "dinilai", "/", "x", "X", "kali", "100", "%",
            "persen", "(", ")", "-", "+", "=", ",", ".", "N-1", "*", "×",
        ]);
        prop::collection::vec((tokens, prop::sample::select(vec!["", " "])), 1..10)
            .prop_map(|v| v.into_iter().map(|(t, s)| format!("{t}{s}")).collect())
    }

    fn invariants(f: &Formulasi) {
        assert!(!f.teks.is_empty());
        match f.bentuk {
            Bentuk::Rasio => {
                assert!(f.pembilang.as_deref().is_some_and(|p| !p.is_empty()));
                assert!(f.penyebut.as_deref().is_some_and(|p| !p.is_empty()));
                assert!(!f.teks.contains(['\\', '$', '{', '}', '<']), "{f:?}");
                assert_eq!(markup::clean(&f.teks), f.teks);
            }
            _ => assert_eq!(
                (&f.pembilang, &f.penyebut, f.pengali, &f.satuan),
                (&None, &None, None, &None)
            ),
        }
    }

    /// Reading a ratio's `teks` again gives the same ratio.
    fn round_trip(f: &Formulasi) -> Result<(), TestCaseError> {
        if f.bentuk == Bentuk::Rasio {
            let (again, _) = read(&f.teks);
            prop_assert_eq!(again.as_ref(), Some(f));
        }
        Ok(())
    }

    /// The shipped vocabulary's first words all fit the quick first test.
    #[test]
    fn first_words_are_kept_for_the_quick_test() {
        let w = formula_words();
        assert!(w.quantity_first.is_some() && w.sum_first.is_some());
        assert!(quantity(w, "jumlah pegawai") && !quantity(w, "pegawai"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn never_panics_on_any_text(s in ".*") {
            if let (Some(f), _) = read(&s) {
                invariants(&f);
                round_trip(&f)?;
            }
        }

        /// The scans of the helpers against the plain definitions they stand for.
        #[test]
        fn helper_scans_agree_with_their_definitions(s in "[ a-zA-Z0-9()%=+*_{}$<&.\\-\\\\]{0,30}") {
            let w = formula_words();
            prop_assert_eq!(compound(&s), s.contains(" - ") || s.contains(" + ") || s.contains(" = "));
            let b = s.as_bytes();
            let plain_scale = b.iter().any(u8::is_ascii_digit)
                || w.percent.iter().any(|p| {
                    let p = p.as_bytes();
                    b.windows(p.len().max(1)).any(|x| x.eq_ignore_ascii_case(p))
                });
            prop_assert_eq!(may_have_scale(w, &s), plain_scale);
            let plain_ok = !(s.contains(['\\', '{', '}', '$', '<', '&']) || s.contains("**") || s.contains("__"))
                && markup::clean(&s) == s
                && parenthesized(&format!("({s})")).is_some()
                && s.chars().any(char::is_alphanumeric)
                && !is_placeholder(&s);
            prop_assert_eq!(text_ok(&s), plain_ok);
        }

        /// The scale starts, with the words that start no scale left out,
        /// find every scale that a try at every word start finds.
        #[test]
        fn scales_are_found_where_every_word_start_is_tried(
            s in "((Jumlah|kali|KALI|x|X|persen|Persen|PERSEN|pegawai|100|1.000|0,5|×|\\*|%|/|\\(|\\)|[a-zA-Z0-9]{1,6}) ?){0,10}"
        ) {
            let w = formula_words();
            let mut prev: Option<char> = None;
            let plain: Vec<usize> = s
                .char_indices()
                .filter_map(|(i, c)| {
                    let p = prev.replace(c);
                    let word_start = c.is_alphanumeric()
                        && p.is_none_or(|p| p.is_whitespace() || matches!(p, '/' | '('));
                    let sign = !c.is_alphanumeric()
                        && !c.is_whitespace()
                        && w.times.iter().chain(&w.percent).any(|f| f.starts_with(c));
                    (word_start || sign).then_some(i)
                })
                .filter(|&i| scale(w, &s[i..]).is_ok())
                .collect();
            let found: Vec<usize> = scale_starts(w, &s).filter(|&i| scale(w, &s[i..]).is_ok()).collect();
            prop_assert_eq!(found, plain);
        }

        #[test]
        fn formula_soup(s in soup()) {
            if let (Some(f), _) = read(&s) {
                invariants(&f);
                round_trip(&f)?;
            }
        }

        /// Every ratio the readers make has operands of clean text, so its
        /// display form needs no test of that: the same as [`render`]'s.
        #[test]
        fn ratios_read_have_clean_operands(
            s in soup(),
            a in operand_soup(),
            b in operand_soup(),
            tail in prop::sample::select(vec!["", r" \times 100\%", " x 100", "%"]),
        ) {
            let w = formula_words();
            let fraction = format!(r"$\frac{{\text{{{a}}}}}{{\text{{{b}}}}}{tail}$");
            for cell in [s.clone(), fraction, format!("{a} / {b}{tail}"), format!("{a}{tail} {b}")] {
                let text = with_sum_sign(w, &markup::clean(&cell)).into_owned();
                let mut ratios: Vec<Ratio> = ratio(w, &text).into_iter().chain(bar_lost(w, &text)).collect();
                if let Latex::Ratio(r) | Latex::Placeholder(r, _) = latex(w, &cell) {
                    ratios.push(r);
                }
                for r in ratios {
                    prop_assert!(text_ok(&r.pembilang) && text_ok(&r.penyebut), "{cell}");
                    prop_assert_eq!(render_with(w, &r, true), render(w, &r));
                }
            }
        }

        /// Fractions with odd parts (operators, slashes, scales, parentheses
        /// inside): a ratio's display form still reads back as itself.
        #[test]
        fn odd_fractions_read_back(a in operand_soup(), b in operand_soup(), tail in prop::sample::select(vec!["", r" \times 100\%", " x 100", "%"])) {
            let cell = format!(r"$\frac{{\text{{{a}}}}}{{\text{{{b}}}}}{tail}$");
            if let (Some(f), _) = read(&cell) {
                invariants(&f);
                round_trip(&f)?;
            }
        }

        /// A ratio built from parts, written in four ways, reads as those parts.
        #[test]
        fn ratio_from_parts(
            qp in prop::sample::select(vec!["Jumlah", "Nilai", "Σ", "Total"]),
            p in prop::collection::vec("[a-zA-Z]{1,8}", 1..5),
            qq in prop::sample::select(vec!["Jumlah", "jumlah", "Banyaknya", "Σ"]),
            q in prop::collection::vec("[a-zA-Z]{1,8}", 1..5),
            scale in prop::sample::select(vec![None, Some(100u32), Some(1000)]),
            pct in any::<bool>(),
            form in 0usize..4,
        ) {
            let p = format!("{qp} {}", p.join(" "));
            let q = format!("{qq} {}", q.join(" "));
            let n = scale.map(|n| n.to_string());
            let tail = match (&n, pct) {
                (Some(n), true) => format!(" x {n}%"),
                (Some(n), false) => format!(" x {n}"),
                (None, true) => " %".to_string(),
                (None, false) => String::new(),
            };
            let latex_tail = tail.replace('x', r"\times").replace('%', r"\%");
            let cell = match form {
                0 => format!("{p} / {q}{tail}"),
                1 => format!("{p}/{q}{tail}"),
                2 => format!(r"$\frac{{\text{{{p}}}}}{{\text{{{q}}}}}{latex_tail}$"),
                _ => match &n {
                    Some(n) if !pct => format!("{p} X {n}/{q}"),
                    _ => format!("{p} / {q}{tail}"),
                },
            };
            let (f, codes) = read(&cell);
            let f = f.unwrap();
            prop_assert_eq!(f.bentuk, Bentuk::Rasio, "{}", cell);
            prop_assert!(codes.is_empty());
            prop_assert_eq!(f.pembilang.as_deref(), Some(p.as_str()));
            prop_assert_eq!(f.penyebut.as_deref(), Some(q.as_str()));
            prop_assert_eq!(f.pengali, scale.map(f64::from));
            prop_assert_eq!(f.satuan.as_deref(), pct.then_some("%"));
            round_trip(&f)?;
        }
    }
}
