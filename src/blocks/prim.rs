//! nom primitives over [`Lines`].

use nom::error::{Error, ErrorKind};
use nom::{IResult, Input};

use crate::lines::{Kind, Line, Lines};

pub type In<'s, 'a> = Lines<'s, 'a>;
pub type Res<'s, 'a, T> = IResult<In<'s, 'a>, T>;

pub fn fail<'s, 'a, T>(i: In<'s, 'a>) -> Res<'s, 'a, T> {
    Err(nom::Err::Error(Error::new(i, ErrorKind::Verify)))
}

/// One line that satisfies `pred`.
pub fn line_if<'s, 'a>(
    i: In<'s, 'a>,
    pred: impl Fn(&Line<'a>) -> bool,
) -> Res<'s, 'a, &'s Line<'a>> {
    match i.first() {
        Some(l) if pred(l) => Ok((i.take_from(1), l)),
        _ => fail(i),
    }
}

/// Any number of blank lines (possibly none).
pub fn blanks<'s, 'a>(i: In<'s, 'a>) -> Res<'s, 'a, usize> {
    let n = i.lines.iter().take_while(|l| l.is_blank()).count();
    Ok((i.take_from(n), n))
}

/// `p` after any blank lines; the blank lines are given back when `p` fails.
pub fn after_blanks<'s, 'a, T>(
    i: In<'s, 'a>,
    p: impl FnOnce(In<'s, 'a>) -> Res<'s, 'a, T>,
) -> Res<'s, 'a, T> {
    let (j, _) = blanks(i)?;
    match p(j) {
        Ok(r) => Ok(r),
        Err(nom::Err::Error(_)) => fail(i),
        Err(e) => Err(e),
    }
}

/// The lines consumed between `before` and `after`.
pub fn consumed<'s, 'a>(before: In<'s, 'a>, after: In<'s, 'a>) -> &'s [Line<'a>] {
    let n = before.len() - after.len();
    &before.lines[..n]
}

pub fn is_text(l: &Line) -> bool {
    matches!(l.kind, Kind::Text)
}

/// The items of a list whose last item goes on over the lines below it:
/// each continuation line's cleaned text is appended to the item, and the
/// whitespace of every continued item is collapsed once, at [`Self::finish`].
/// Collapsing is `split_whitespace` joined by spaces, so once over the whole
/// text is the same as after every line, without copying the text at every
/// line (an item continued over thousands of lines stays linear).
#[derive(Default)]
pub struct Continued {
    /// the indexes of the items continued, in order
    items: Vec<usize>,
}

impl Continued {
    /// Appends line `l` to the last of `items` (there is one).
    pub fn append(&mut self, items: &mut [crate::model::Butir], l: &Line) {
        let Some(last) = items.len().checked_sub(1) else {
            return;
        };
        if self.items.last() != Some(&last) {
            self.items.push(last);
        }
        let b = &mut items[last];
        b.teks.push(' ');
        b.teks.push_str(&crate::markup::clean(l.trimmed()));
        b.span = b.span.cover(l.span());
    }

    /// Collapses the whitespace of the items continued.
    pub fn finish(self, items: &mut [crate::model::Butir]) {
        for c in self.items {
            let b = &mut items[c];
            b.teks = crate::markup::collapse_ws_owned(std::mem::take(&mut b.teks));
        }
    }
}

/// What `p` reads from the start of `src` (its lines as the parse makes them
/// before layout recovery), and how many lines it takes: for the tests of
/// each block parser.
#[cfg(test)]
pub(crate) fn read_block<T>(
    src: &str,
    p: impl for<'s> Fn(In<'s, 'static>) -> Res<'s, 'static, T>,
) -> Option<(T, usize)> {
    let ls = crate::lines::normalized_lines(src);
    p(Lines::new(&ls))
        .ok()
        .map(|(r, t)| (t, ls.len() - r.len()))
}
