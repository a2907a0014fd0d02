//! Inline markup → plain text, keeping the structure it carries.
//!
//! Converters leave three kinds of markup inside values:
//!
//! * HTML: `<ol style="…">`, `<ul>`, `<li>`, `<br>`, entities (`&amp;`);
//! * LaTeX math: `$\frac{\text{A}}{\text{B}} \times 100\%$`, `\sum`, also
//!   without the `$` delimiters;
//! * list bullets and numbering inside one cell (`- a - b`, glued `1. X2. Y`).
//!
//! [`clean`] turns any value into clean plain text; [`list_items`] splits a
//! cell that lists several things into its items; [`math::parse`] gives the
//! formula structure (fractions, sums, multipliers) that
//! [`crate::values::formula`] reads.

use std::borrow::Cow;

/// Clean plain text: markup removed, whitespace collapsed, leading bullet and
/// trailing separators (` :`, `;`, `,`, a detached ` .`) removed.
pub fn clean(s: &str) -> String {
    // one pass for the markup and the spaces: a text without markup is
    // cut (trimmed, its bullet dropped), and a cut of a text without
    // spaces to collapse has none either
    let shape = clean_shape(s.as_bytes());
    let t = strip_markup_shaped(s, shape & MARKUP);
    let t = strip_bullet(crate::text::trim(&t));
    let spaced = |c: Option<&u8>| c == Some(&b' ');
    let mut out = if shape & (MARKUP | SPACES) == 0
        && !spaced(t.as_bytes().first())
        && !spaced(t.as_bytes().last())
    {
        t.to_string()
    } else {
        collapse_ws(t)
    };
    trim_trailing_separators(&mut out);
    out
}

/// [`markup_shape`]'s bits.
const MARKUP: u8 = TAG | AMP | MATH | EMPH;
/// [`space_shape`]'s bits, as [`clean_shape`] has them.
const SPACES: u8 = (CONTROL | DOUBLE_SPACE | SPACE_LEAD) << 4;

/// [`markup_shape`] and, four bits up, [`space_shape`]: one pass.
fn clean_shape(b: &[u8]) -> u8 {
    crate::text::byte_classes(b, |c, next| markup_class(c) | space_class(c, next) << 4)
}

/// Like [`clean`], and also drops a final `.` — for names and titles, which are not sentences.
pub fn clean_name(s: &str) -> String {
    let mut out = clean(s);
    while out.ends_with('.') && !ends_with_abbreviation(&out) {
        out.pop();
        trim_trailing_separators(&mut out);
    }
    out
}

/// `S.H.` or `Dr.` at the end of a name keep their dot.
fn ends_with_abbreviation(s: &str) -> bool {
    let last = s.rsplit([' ', ',']).next().unwrap_or("");
    let inner = &last[..last.len().saturating_sub(1)];
    inner.contains('.')
        || (inner.len() <= 3
            && inner.chars().next().is_some_and(char::is_uppercase)
            && inner.len() >= 2
            && inner.chars().skip(1).all(char::is_lowercase))
}

/// True when [`clean`] would leave `s` as it is; settled without building
/// the cleaned text when `s` has no markup, no bullet, no whitespace but
/// single spaces and no separator at its end (most values).
pub fn is_clean(s: &str) -> bool {
    let settled = !may_have_markup(s)
        && crate::text::trim(s).len() == s.len()
        && strip_bullet(s).len() == s.len()
        && is_collapsed(s)
        && !ends_with_separator(s);
    settled || clean(s) == s
}

/// True when [`trim_trailing_separators`] would take something off `s`
/// (which has no whitespace at its end).
fn ends_with_separator(s: &str) -> bool {
    s.ends_with([':', ';', ','])
        || (s.ends_with('.') && (s.ends_with(" .") || s.ends_with("..") && !s.ends_with("...")))
}

/// [`clean`], `None` when nothing is left.
pub fn clean_opt(s: &str) -> Option<String> {
    let c = clean(s);
    (!c.is_empty() && c != "-").then_some(c)
}

/// [`markup_shape`]: `<`.
const TAG: u8 = 1;
/// [`markup_shape`]: `&`.
const AMP: u8 = 2;
/// [`markup_shape`]: `\`, `$` or `{`.
const MATH: u8 = 4;
/// [`markup_shape`]: `*` or `_`.
const EMPH: u8 = 8;

/// What of [`TAG`], [`AMP`], [`MATH`] and [`EMPH`] stands in `b`: one
/// branch-free pass ([`crate::text::byte_classes`]).
fn markup_shape(b: &[u8]) -> u8 {
    crate::text::byte_classes(b, |c, _| markup_class(c))
}

/// The [`markup_shape`] bit of one byte.
#[inline]
fn markup_class(c: u8) -> u8 {
    u8::from(c == b'<')
        | (u8::from(c == b'&') << 1)
        | (u8::from((c == b'\\') | (c == b'$') | (c == b'{')) << 2)
        | (u8::from((c == b'*') | (c == b'_')) << 3)
}

/// False when the text has none of the characters that open markup (`<`,
/// `&`, `\`, `$`, `{`, `*`, `_`): [`strip_markup`] leaves it as it is.
/// Most values have none, and one pass over the bytes tells.
pub fn may_have_markup(s: &str) -> bool {
    markup_shape(s.as_bytes()) != 0
}

/// Removes HTML tags, decodes entities and renders LaTeX as plain text;
/// whitespace is not yet collapsed.
pub fn strip_markup(s: &str) -> Cow<'_, str> {
    // most values have no markup at all: one pass tells, and what it finds
    strip_markup_shaped(s, markup_shape(s.as_bytes()))
}

/// [`strip_markup`] of a text whose [`markup_shape`] is `shape`.
fn strip_markup_shaped(s: &str, shape: u8) -> Cow<'_, str> {
    if shape == 0 {
        return Cow::Borrowed(s);
    }
    let tag = shape & TAG != 0;
    let amp = shape & AMP != 0;
    let math = shape & MATH != 0;
    let emph = shape & EMPH != 0;
    let mut t: Cow<str> = Cow::Borrowed(s);
    if tag {
        t = Cow::Owned(strip_tags(&t));
    }
    if amp && let Cow::Owned(d) = html_escape::decode_html_entities(&t) {
        t = Cow::Owned(d);
    }
    if (amp || math) && t.contains(['\\', '$', '{']) {
        t = Cow::Owned(render_math(&t));
    }
    if (amp || emph) && (t.contains("**") || t.contains("__")) {
        t = Cow::Owned(t.replace("**", "").replace("__", ""));
    }
    t
}

/// LaTeX rendered as plain text ([`math::parse`], [`math::render`]).
///
/// A cell is cleaned several times while its row is read (is it empty, its
/// text, its formula), and LaTeX is the one costly markup: its renderings
/// are kept for the document ([`crate::memo`]).
fn render_math(t: &str) -> String {
    use crate::memo::{Recent, cached};
    use std::cell::RefCell;
    thread_local! {
        static RENDERED: RefCell<Recent<String>> = const { RefCell::new(Recent::new()) };
    }
    cached(&RENDERED, t, || math::render(&math_tree(t)))
}

/// The LaTeX tree of `t` ([`math::parse`]), kept for the document like its
/// rendering: a formula cell is parsed for its clean text and again, the
/// same text, for its fraction ([`crate::values::formula`]).
pub fn math_tree(t: &str) -> std::rc::Rc<[math::Math]> {
    use crate::memo::{Recent, cached};
    use std::cell::RefCell;
    use std::rc::Rc;
    thread_local! {
        static TREES: RefCell<Recent<Rc<[math::Math]>>> = const { RefCell::new(Recent::new()) };
    }
    cached(&TREES, t, || Rc::from(math::parse(t)))
}

/// True for characters that open an unordered list item.
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '-' | '•'
            | '·'
            | '▪'
            | '■'
            | '►'
            | '▶'
            | '●'
            | '○'
            | '◦'
            | '∙'
            | '⁃'
            | '‣'
            | '*'
            | '\u{F0B7}'
            | '\u{F0A7}'
            | '\u{F076}'
            | '\u{F0D8}'
            | '\u{F0FC}'
    )
}

/// Removes one leading bullet (`- `, `• ` …).
pub fn strip_bullet(s: &str) -> &str {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(b), Some(c)) if is_bullet(b) && c.is_whitespace() => chars.as_str().trim_start(),
        (Some(b), None) if is_bullet(b) && b != '-' => "",
        _ => s,
    }
}

/// Collapses every run of whitespace into one space and trims.
pub fn collapse_ws(s: &str) -> String {
    if is_collapsed(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// [`collapse_ws`] of a string already built: kept as it is (no copy) when
/// it has nothing to collapse.
pub fn collapse_ws_owned(s: String) -> String {
    if is_collapsed(&s) { s } else { collapse_ws(&s) }
}

/// True when `s` has no whitespace but single spaces between words.
fn is_collapsed(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let shape = space_shape(b);
    // ASCII whitespace other than a single space: two spaces, or a control
    // byte that is a tab, line feed, vertical tab, form feed or return
    if shape & DOUBLE_SPACE != 0
        || (shape & CONTROL != 0
            && (memchr::memchr3(b'\t', b'\n', b'\r', b).is_some()
                || memchr::memchr2(b'\x0B', b'\x0C', b).is_some()))
    {
        return false;
    }
    // Unicode spaces start with one of these bytes (U+0085, U+00A0,
    // U+1680, U+2000–U+205F, U+3000); text without them is settled
    if shape & SPACE_LEAD == 0 {
        return true;
    }
    // otherwise the same test over characters
    let mut prev_space = false;
    if s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace) {
        return false;
    }
    for c in s.chars() {
        if c.is_whitespace() && (c != ' ' || prev_space) {
            return false;
        }
        prev_space = c == ' ';
    }
    true
}

/// [`space_shape`]: a control byte (below 0x20).
const CONTROL: u8 = 1;
/// [`space_shape`]: two spaces in a row.
const DOUBLE_SPACE: u8 = 2;
/// [`space_shape`]: a first byte of a Unicode space (0xC2, 0xE1, 0xE2, 0xE3).
const SPACE_LEAD: u8 = 4;

/// What of [`CONTROL`], [`DOUBLE_SPACE`] and [`SPACE_LEAD`] stands in `b`
/// ([`crate::text::byte_classes`]).
fn space_shape(b: &[u8]) -> u8 {
    crate::text::byte_classes(b, space_class)
}

/// The [`space_shape`] bits of a byte and the one after it.
#[inline]
fn space_class(c: u8, next: u8) -> u8 {
    u8::from(c < 0x20)
        | (u8::from((c == b' ') & (next == b' ')) << 1)
        | (u8::from((c == 0xC2) | (c.wrapping_sub(0xE1) < 3)) << 2)
}

/// Removes trailing ` :`, `;`, `,` and a ` .` that stands apart from its word.
pub fn trim_trailing_separators(s: &mut String) {
    // most texts end in a letter, a digit or a bracket: nothing to trim
    // (ASCII white space as `char::is_whitespace` has it, tab to carriage
    // return and space; a byte outside ASCII goes the general way)
    if let Some(&last) = s.as_bytes().last()
        && last.is_ascii()
        && !matches!(last, b'\t'..=b'\r' | b' ' | b':' | b';' | b',' | b'.')
    {
        return;
    }
    trim_separators_from_end(s);
}

/// [`trim_trailing_separators`] without its early return: white space and
/// separators taken off the end until neither is left.
fn trim_separators_from_end(s: &mut String) {
    loop {
        let t = s.trim_end();
        let n = t.len();
        if t.ends_with([':', ';', ',']) {
            s.truncate(n - 1);
            continue;
        }
        if t.ends_with('.') && (t.ends_with(" .") || t.ends_with("..") && !t.ends_with("...")) {
            s.truncate(n - 1);
            continue;
        }
        s.truncate(n);
        break;
    }
}

/// Removes HTML tags (`<` followed by a letter, `/` or `!`, up to `>`);
/// a block tag (`li`, `br`, `p`, `div`, `tr`, `td` …) becomes a space.
pub fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('<') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        let starts_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match (starts_tag, after.find('>')) {
            (true, Some(end)) => {
                out.push(' ');
                rest = &after[end + 1..];
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Splits a cell that lists several things into its items, each cleaned.
///
/// ```text
/// list  = html-list | bullet-list | numbered-list | text ;
/// html-list     = [ "<ol…>" | "<ul…>" ] { "<li…>" item [ "</li>" ] } ;   (nested lists are flattened)
/// bullet-list   = bullet item { " " bullet " " item } ;                 (only when the cell starts with a bullet)
/// numbered-list = "1" ("."|")") item "2" ("."|")") item … ;             (numbers in sequence; may be glued: "X2. Y")
/// ```
///
/// A cell that is not a list gives one item; an empty cell gives none.
pub fn list_items(cell: &str) -> Vec<String> {
    // most cells have no tag at all, which one vectorized scan tells
    let lower_has_li = memchr::memchr(b'<', cell.as_bytes()).is_some() && contains_ci(cell, "<li");
    let keep = |i: &String| !i.is_empty();
    if lower_has_li {
        return split_li(cell)
            .iter()
            .map(|i| clean(i))
            .filter(keep)
            .collect();
    }
    // the items are slices of the text, cleaned into the strings returned
    let t = strip_tags_only(cell);
    split_plain_list(t.trim())
        .into_iter()
        .map(clean)
        .filter(keep)
        .collect()
}

/// A cheap check: could [`list_items`] find more than plain text here (a
/// tag, a leading bullet or a leading number)?
pub fn may_be_list(cell: &str) -> bool {
    let t = cell.trim_start();
    t.contains('<')
        || t.chars()
            .next()
            .is_some_and(|c| is_bullet(c) || c.is_ascii_digit())
}

/// True when [`list_items`] would split the cell.
pub fn is_list(cell: &str) -> bool {
    list_items(cell).len() > 1
}

fn contains_ci(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn strip_tags_only(s: &str) -> Cow<'_, str> {
    if s.contains('<') {
        Cow::Owned(strip_tags(s))
    } else {
        Cow::Borrowed(s)
    }
}

fn split_li(cell: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let mut rest = cell;
    while let Some(pos) = rest.find('<') {
        current.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        let Some(end) = after.find('>') else {
            current.push_str(&rest[pos..]);
            rest = "";
            break;
        };
        let tag = after[..end].trim_start_matches('/').to_ascii_lowercase();
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name == "li" && !after.starts_with('/') {
            if !current.trim().is_empty() {
                items.push(std::mem::take(&mut current));
            }
            current.clear();
        } else if name.is_empty() {
            current.push('<');
            rest = after;
            continue;
        } else {
            current.push(' ');
        }
        rest = &after[end + 1..];
    }
    current.push_str(rest);
    if !current.trim().is_empty() {
        items.push(current);
    }
    items
}

fn split_plain_list(t: &str) -> Vec<&str> {
    let mut chars = t.chars();
    let first = chars.next();
    let second = chars.next();
    if let (Some(b), Some(' ')) = (first, second)
        && is_bullet(b)
    {
        let mut items = Vec::new();
        let body = &t[b.len_utf8()..];
        let mut start = 0;
        let bytes: Vec<(usize, char)> = body.char_indices().collect();
        for w in 0..bytes.len() {
            let (i, c) = bytes[w];
            if c == b
                && w > 0
                && bytes[w - 1].1 == ' '
                && bytes.get(w + 1).is_some_and(|&(_, n)| n == ' ')
            {
                items.push(&body[start..i]);
                start = i + c.len_utf8();
            }
        }
        items.push(&body[start..]);
        return items;
    }
    if let Some(items) = split_numbered(t) {
        return items;
    }
    vec![t]
}

/// `1. A 2. B`, `1) A2) B` — numbers must run 1, 2, 3 …; a lone `1. A` is one item.
fn split_numbered(t: &str) -> Option<Vec<&str>> {
    let b = t.as_bytes();
    let marker_len = |at: usize, k: usize| -> Option<usize> {
        // the number's digits, written on the stack
        let mut buf = itoa::Buffer::new();
        let d = buf.format(k).as_bytes();
        if !b[at..].starts_with(d) {
            return None;
        }
        let p = at + d.len();
        if !matches!(b.get(p), Some(b'.') | Some(b')')) {
            return None;
        }
        // followed by space or a letter, not a digit (a decimal or thousands dot)
        match b.get(p + 1) {
            Some(c) if c.is_ascii_digit() => None,
            None => None,
            _ => Some(d.len() + 1),
        }
    };
    let first = marker_len(0, 1)?;
    let mut starts = vec![(0usize, first)];
    let mut k = 2;
    let mut pos = first;
    while pos < b.len() {
        let mut found = None;
        let mut i = pos;
        while i < b.len() {
            if b[i].is_ascii_digit()
                && (i == 0 || !(b[i - 1].is_ascii_digit() || b[i - 1] == b'.' || b[i - 1] == b','))
                && let Some(len) = marker_len(i, k)
            {
                found = Some((i, len));
                break;
            }
            i += 1;
        }
        match found {
            Some((i, len)) => {
                starts.push((i, len));
                pos = i + len;
                k += 1;
            }
            None => break,
        }
    }
    let mut items = Vec::with_capacity(starts.len());
    for (n, &(s, len)) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map(|&(e, _)| e).unwrap_or(t.len());
        items.push(&t[s + len..end]);
    }
    Some(items)
}

/// LaTeX math as found in converted tables.
pub mod math {
    use nom::{
        IResult, Parser,
        branch::alt,
        bytes::complete::{tag, take_while1},
        character::complete::{anychar, char},
        combinator::{map, value},
    };

    /// A node of a formula.
    #[derive(Clone, Debug, PartialEq)]
    pub enum Math {
        /// `\frac{num}{den}`
        Frac(Vec<Math>, Vec<Math>),
        /// Words: the content of `\text{…}` or plain text between commands.
        Text(String),
        /// `\sum`, `Σ`
        Sum,
        /// `\times`, `\cdot`, `×`
        Times,
        /// `\%`, `%`
        Percent,
        /// `+`, `-` or `=` standing between two terms
        Op(char),
    }

    const MAX_DEPTH: u32 = 24;

    /// Parses a value in lenient math mode: `$` delimiters are dropped, commands
    /// are read, everything else is text. Total: never fails, consumes all input.
    ///
    /// ```text
    /// math  = { item } ;
    /// item  = frac | text-cmd | sum | times | percent | spacing | command | group | op | text ;
    /// frac  = ("\frac" | "\dfrac" | "\tfrac") arg arg ;
    /// arg   = group | any-char ;
    /// group = "{" math "}" ;
    /// text-cmd = ("\text" | "\mathrm" | "\textbf" | "\mbox" | …) "{" balanced "}" ;
    /// ```
    pub fn parse(s: &str) -> Vec<Math> {
        let mut out = Vec::new();
        let mut rest = s;
        while !rest.is_empty() {
            match item(rest, 0) {
                Ok((r, m)) if r.len() < rest.len() => {
                    push(&mut out, m);
                    rest = r;
                }
                _ => {
                    // an unmatched `}` or `{`: keep it as text
                    let c = rest.chars().next().unwrap_or(' ');
                    push(&mut out, Some(Math::Text(c.to_string())));
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
        out
    }

    fn push(out: &mut Vec<Math>, m: Option<Math>) {
        match (out.last_mut(), m) {
            (Some(Math::Text(a)), Some(Math::Text(b))) => a.push_str(&b),
            (_, Some(m)) => out.push(m),
            (_, None) => {}
        }
    }

    type R<'a> = IResult<&'a str, Option<Math>>;

    fn item(i: &str, depth: u32) -> R<'_> {
        // plain text is the common case: take the run at once
        if let Some(c) = i.chars().next()
            && !matches!(c, '\\' | '{' | '}' | '$' | '%' | 'Σ' | '∑' | '×')
        {
            return text_run(i);
        }
        alt((
            |i| frac(i, depth),
            text_cmd,
            value(
                Some(Math::Sum),
                alt((tag("\\sum"), tag("\\Sigma"), tag("Σ"), tag("∑"))),
            ),
            value(
                Some(Math::Times),
                alt((tag("\\times"), tag("\\cdot"), tag("\\ast"), tag("×"))),
            ),
            value(Some(Math::Percent), alt((tag("\\%"), tag("%")))),
            // (texts made on a match only: `value` would build them at every item)
            map(tag("\\div"), |_| Some(Math::Text(" / ".into()))),
            map(spacing, |_| Some(Math::Text(" ".into()))),
            value(None, alt((tag("\\left"), tag("\\right")))),
            map(alt((tag("\\ldots"), tag("\\dots"))), |_| {
                Some(Math::Text("...".into()))
            }),
            map(command, |c: &str| Some(Math::Text(c[1..].to_string()))),
            |i| group_item(i, depth),
            value(None, char('$')),
            map(
                take_while1(|c: char| !matches!(c, '\\' | '{' | '}' | '$' | '%' | 'Σ' | '∑' | '×')),
                |t: &str| match t.trim() {
                    op @ ("+" | "-" | "=" | "\u{2212}") => {
                        Some(Math::Op(op.chars().next().unwrap_or('-')))
                    }
                    _ => Some(Math::Text(t.to_string())),
                },
            ),
        ))
        .parse(i)
    }

    /// `text = { char - special }` (at least one); a lone `+`, `-` or `=` is an operator.
    fn text_run(i: &str) -> R<'_> {
        map(
            take_while1(|c: char| !matches!(c, '\\' | '{' | '}' | '$' | '%' | 'Σ' | '∑' | '×')),
            |t: &str| match t.trim() {
                op @ ("+" | "-" | "=" | "\u{2212}") => {
                    Some(Math::Op(op.chars().next().unwrap_or('-')))
                }
                _ => Some(Math::Text(t.to_string())),
            },
        )
        .parse(i)
    }

    fn spacing(i: &str) -> IResult<&str, &str> {
        alt((
            tag("\\qquad"),
            tag("\\quad"),
            tag("\\,"),
            tag("\\;"),
            tag("\\:"),
            tag("\\!"),
            tag("\\ "),
            tag("~"),
        ))
        .parse(i)
    }

    fn command(i: &str) -> IResult<&str, &str> {
        let (r, _) = char('\\')(i)?;
        let (r, name) = take_while1(|c: char| c.is_ascii_alphabetic())(r)?;
        Ok((r, &i[..name.len() + 1]))
    }

    /// `\frac{a}{b}`
    fn frac(i: &str, depth: u32) -> R<'_> {
        let (r, _) = alt((tag("\\frac"), tag("\\dfrac"), tag("\\tfrac"))).parse(i)?;
        let (r, num) = arg(r.trim_start(), depth)?;
        let (r, den) = arg(r.trim_start(), depth)?;
        Ok((r, Some(Math::Frac(num, den))))
    }

    fn arg(i: &str, depth: u32) -> IResult<&str, Vec<Math>> {
        if i.starts_with('{') {
            group(i, depth)
        } else {
            let (r, c) = anychar(i)?;
            Ok((r, vec![Math::Text(c.to_string())]))
        }
    }

    fn group(i: &str, depth: u32) -> IResult<&str, Vec<Math>> {
        if depth >= MAX_DEPTH {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::TooLarge,
            )));
        }
        let (mut r, _) = char('{')(i)?;
        let mut out = Vec::new();
        loop {
            if let Some(after) = r.strip_prefix('}') {
                return Ok((after, out));
            }
            if r.is_empty() {
                return Err(nom::Err::Error(nom::error::Error::new(
                    r,
                    nom::error::ErrorKind::Char,
                )));
            }
            let (r2, m) = item(r, depth + 1)?;
            push(&mut out, m);
            r = r2;
        }
    }

    fn group_item(i: &str, depth: u32) -> R<'_> {
        let (r, items) = group(i, depth)?;
        // a bare group is transparent; keep one node when it is a single one
        let mut it = items.into_iter();
        match (it.next(), it.next()) {
            (None, _) => Ok((r, None)),
            (Some(m), None) => Ok((r, Some(m))),
            (Some(a), Some(b)) => {
                let mut text = render(&[a, b]);
                text.push_str(&render(&it.collect::<Vec<_>>()));
                Ok((r, Some(Math::Text(text))))
            }
        }
    }

    /// `\text{…}` and friends: the balanced content, verbatim (nested LaTeX inside is rendered).
    fn text_cmd(i: &str) -> R<'_> {
        let (r, _) = alt((
            tag("\\text"),
            tag("\\mathrm"),
            tag("\\textbf"),
            tag("\\textit"),
            tag("\\textrm"),
            tag("\\mathbf"),
            tag("\\mbox"),
            tag("\\operatorname"),
        ))
        .parse(i)?;
        let r = r.trim_start();
        if !r.starts_with('{') {
            return Err(nom::Err::Error(nom::error::Error::new(
                r,
                nom::error::ErrorKind::Char,
            )));
        }
        let mut depth = 0usize;
        for (pos, c) in r.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        let inner = &r[1..pos];
                        // braces inside are LaTeX grouping, not text: `\text{a {b}}` is "a b"
                        let text = if inner.contains(['\\', '{']) {
                            render(&parse(inner))
                        } else {
                            inner.to_string()
                        };
                        return Ok((&r[pos + 1..], Some(Math::Text(text))));
                    }
                }
                _ => {}
            }
        }
        Err(nom::Err::Error(nom::error::Error::new(
            r,
            nom::error::ErrorKind::Char,
        )))
    }

    /// True when a part holds more than one term (an operator between terms).
    fn compound(part: &[Math], rendered: &str) -> bool {
        part.iter().any(|m| matches!(m, Math::Op(_)))
            || rendered.contains(" - ")
            || rendered.contains(" + ")
            || rendered.contains(" = ")
    }

    /// Plain text of a formula: `A / B × 100%`, `Σ X`.
    pub fn render(items: &[Math]) -> String {
        let mut out = String::new();
        for m in items {
            match m {
                Math::Text(t) => out.push_str(t),
                Math::Frac(a, b) => {
                    let wrap = |p: &[Math]| {
                        let r = render(p);
                        if compound(p, &r) { format!("({r})") } else { r }
                    };
                    out.push(' ');
                    out.push_str(&wrap(a));
                    out.push_str(" / ");
                    out.push_str(&wrap(b));
                    out.push(' ');
                }
                Math::Sum => out.push_str(" Σ "),
                Math::Times => out.push_str(" × "),
                Math::Percent => {
                    let t = out.trim_end().len();
                    out.truncate(t);
                    out.push('%');
                }
                Math::Op(c) => {
                    out.push(' ');
                    out.push(*c);
                    out.push(' ');
                }
            }
        }
        super::collapse_ws_owned(out)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn fraction_times_percent() {
            let m = parse(
                "$\\frac{\\text{Jumlah Koperasi Sehat}}{\\text{Jumlah Koperasi Aktif}} \\times 100\\%$",
            );
            assert_eq!(
                m,
                vec![
                    Math::Frac(
                        vec![Math::Text("Jumlah Koperasi Sehat".into())],
                        vec![Math::Text("Jumlah Koperasi Aktif".into())]
                    ),
                    Math::Text(" ".into()),
                    Math::Times,
                    Math::Text(" 100".into()),
                    Math::Percent,
                ]
            );
            assert_eq!(
                render(&m),
                "Jumlah Koperasi Sehat / Jumlah Koperasi Aktif × 100%"
            );
        }

        #[test]
        fn sums_and_compound_parts() {
            assert_eq!(
                render(&parse(
                    "$\\frac{\\sum \\text{PNS tepat}}{\\sum \\text{PNS}} \\times 100 \\%$"
                )),
                "Σ PNS tepat / Σ PNS × 100%"
            );
            assert_eq!(
                render(&parse(
                    "$\\frac{\\text{Nilai ekspor th N}-\\text{Nilai ekspor tahun N-1}}{\\text{Nilai ekspor tahun N-1}} \\times 100\\%$"
                )),
                "(Nilai ekspor th N - Nilai ekspor tahun N-1) / Nilai ekspor tahun N-1 × 100%"
            );
            assert_eq!(
                render(&parse("\\sum Dokumen Data Kepegawaian")),
                "Σ Dokumen Data Kepegawaian"
            );
        }

        #[test]
        fn total_on_broken_input() {
            for s in [
                "\\frac{",
                "}}{{",
                "$$",
                "\\text{a",
                "\\",
                "{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{x}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}",
                "\\frac\\frac",
            ] {
                let _ = render(&parse(s));
            }
            assert_eq!(render(&parse("a } b")), "a } b");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // the fast paths against the plain definitions they stand for
    proptest::proptest! {
        #[test]
        fn trailing_separators_trimmed_as_before(
            s in "[a.;:, \t\x0b\r)\u{a0}\u{3000}é]{0,10}"
        ) {
            // the early return is taken only where the loop takes nothing off
            let (mut fast, mut plain) = (s.clone(), s.clone());
            trim_trailing_separators(&mut fast);
            trim_separators_from_end(&mut plain);
            proptest::prop_assert_eq!(fast, plain);
        }

        /// A cell that cannot be a list is one item, its clean text (what
        /// `table::indicators` takes from a plain cell's text instead of
        /// splitting the cell again).
        #[test]
        fn list_items_of_plain(
            c in "([ \\t]|-|•|\\*|1\\. |2\\. |1\\)|a\\. |\\$|\\\\frac\\{a\\}\\{b\\}|&amp;|&nbsp;|_|x|Jumlah|é|;|:|\\.|<br>|<li>){0,8}"
        ) {
            if !may_be_list(&c) {
                let clean = clean(&c);
                let want: Vec<String> = (!clean.is_empty()).then_some(clean).into_iter().collect();
                proptest::prop_assert_eq!(list_items(&c), want);
            }
        }

        #[test]
        fn is_clean_is_clean_leaving_the_text(s in "[ a-zA-Z.:;,*_<>&\\-•\t\u{A0}]{0,24}") {
            proptest::prop_assert_eq!(is_clean(&s), clean(&s) == s);
        }

        #[test]
        fn clean_shape_is_both_shapes(s in "[ a\t\n\x01\u{A0}\u{2003}é<&\\$*_{]{0,80}") {
            let b = s.as_bytes();
            proptest::prop_assert_eq!(clean_shape(b), markup_shape(b) | space_shape(b) << 4);
        }

        // `clean` as it reads without the shared pass
        #[test]
        fn clean_is_its_steps(s in "[ a-z.:;,*_<>&\\-•\t\u{A0}\u{2003}]{0,40}") {
            let t = strip_markup(&s);
            let mut plain = collapse_ws(strip_bullet(crate::text::trim(&t)));
            trim_trailing_separators(&mut plain);
            proptest::prop_assert_eq!(clean(&s), plain);
        }

        #[test]
        fn space_shape_is_its_definition(s in "[ a\t\n\x01\u{A0}\u{2003}\u{3000}é–]{0,100}") {
            let b = s.as_bytes();
            let plain = u8::from(b.iter().any(|&c| c < 0x20))
                | (u8::from(b.windows(2).any(|w| w == b"  ")) << 1)
                | (u8::from(b.iter().any(|&c| matches!(c, 0xC2 | 0xE1 | 0xE2 | 0xE3))) << 2);
            proptest::prop_assert_eq!(space_shape(b), plain);
        }

        #[test]
        fn collapse_ws_is_split_whitespace(s in "[ a-zA-Z\t\n\r\x0B\x0C\u{A0}\u{2003}\u{3000}é–Σ]{0,40}") {
            let plain = s.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(collapse_ws(&s), plain);
        }

        #[test]
        fn text_without_markup_is_left_as_it_is(s in "[ a-z<&\\$*_{}]{0,30}") {
            if !may_have_markup(&s) {
                proptest::prop_assert_eq!(strip_markup(&s), s.as_str());
            }
        }
    }

    #[test]
    fn kept_latex_renderings_answer_as_a_fresh_one() {
        let a = r"\frac{Jumlah A}{Jumlah B} \times 100\%";
        let b = r"$\sum$ Dokumen";
        let fresh_a = math::render(&math::parse(a));
        let fresh_b = math::render(&math::parse(b));
        // interleaved, repeated, and past the number kept
        for round in 0..3 {
            assert_eq!(render_math(a), fresh_a, "round {round}");
            assert_eq!(render_math(b), fresh_b, "round {round}");
            for k in 0..10 {
                let other = format!(r"\frac{{x{k}}}{{y}}");
                assert_eq!(render_math(&other), math::render(&math::parse(&other)));
            }
        }
    }

    #[test]
    fn kept_latex_trees_answer_as_a_fresh_parse_and_are_shared() {
        let a = r"\frac{Jumlah A}{Jumlah B} \times 100\%";
        crate::memo::new_document();
        let first = math_tree(a);
        assert_eq!(&*first, math::parse(a).as_slice());
        // the clean text's rendering, from the kept tree, is a fresh one's
        assert_eq!(render_math(a), math::render(&math::parse(a)));
        // asked again within the document: the same tree, not a new parse
        assert!(std::rc::Rc::ptr_eq(&first, &math_tree(a)));
        // forgotten with the document
        crate::memo::new_document();
        let again = math_tree(a);
        assert!(!std::rc::Rc::ptr_eq(&first, &again));
        assert_eq!(&*again, math::parse(a).as_slice());
    }

    #[test]
    fn clean_values() {
        assert_eq!(
            clean("  Kepala Seksi Pengawasan Koperasi . "),
            "Kepala Seksi Pengawasan Koperasi"
        );
        assert_eq!(
            clean("- Nilai Akuntabilitas Kinerja"),
            "Nilai Akuntabilitas Kinerja"
        );
        assert_eq!(
            clean("Bidang Koperasi &amp; UKM :"),
            "Bidang Koperasi & UKM"
        );
        assert_eq!(clean("a<br>b"), "a b");
        assert_eq!(
            clean("Jumlah Produk yang di pasarkan. ."),
            "Jumlah Produk yang di pasarkan."
        );
        assert_eq!(clean("Penerbitan SIUMK.."), "Penerbitan SIUMK.");
        assert_eq!(clean("Dokumen ...."), "Dokumen ....");
        assert_eq!(clean("x < 5"), "x < 5");
        assert_eq!(
            clean_name("Kepala Bidang Koperasi."),
            "Kepala Bidang Koperasi"
        );
        assert_eq!(
            clean_name("Abang Chairul Saleh.,S.H.,M.M."),
            "Abang Chairul Saleh.,S.H.,M.M."
        );
    }

    #[test]
    fn html_list_cells() {
        assert_eq!(
            list_items(
                "<ol style=\"list-style-type: none\">1. Jumlah Koperasi yang di di awasi2. Jumlah Koperasi yang di bina."
            ),
            [
                "Jumlah Koperasi yang di di awasi",
                "Jumlah Koperasi yang di bina."
            ]
        );
        assert_eq!(
            list_items(
                "<ul style=\"list-style-type: none\"> - Jumlah Rakor Pokjanis, Survey Kop.UM, - Penagihan, dan Tenaga, Fasilitator Kredit Dana Bergulir "
            ),
            [
                "Jumlah Rakor Pokjanis, Survey Kop.UM",
                "Penagihan, dan Tenaga, Fasilitator Kredit Dana Bergulir"
            ]
        );
        assert_eq!(
            list_items("<ul><li>A</li><li>B<ul><li>C</li></ul></li></ul>"),
            ["A", "B", "C"]
        );
    }

    #[test]
    fn bullet_and_numbered_cells() {
        assert_eq!(
            list_items(
                "- Jumlah pameran promosi produk unggulan daerah yang diikuti - Fasilitasi kegiatan dekranasda"
            ),
            [
                "Jumlah pameran promosi produk unggulan daerah yang diikuti",
                "Fasilitasi kegiatan dekranasda"
            ]
        );
        assert_eq!(
            list_items("- Jumlah IKM potensial"),
            ["Jumlah IKM potensial"]
        );
        assert_eq!(
            list_items("1. Bidang Perizinan 2. Bidang Pengawasan 3. Bidang Pemberdayaan Koperasi"),
            [
                "Bidang Perizinan",
                "Bidang Pengawasan",
                "Bidang Pemberdayaan Koperasi"
            ]
        );
        assert_eq!(
            list_items("1. Bidang Pemberdayaan Usaha Kecil"),
            ["Bidang Pemberdayaan Usaha Kecil"]
        );
        assert_eq!(list_items("Target 2.500 unit"), ["Target 2.500 unit"]);
        assert_eq!(list_items("1. naik 2.5 persen"), ["naik 2.5 persen"]);
        assert!(list_items("  ").is_empty());
        assert_eq!(
            list_items("Subbag umum - Dokumen kepegawaian"),
            ["Subbag umum - Dokumen kepegawaian"]
        );
    }
}
