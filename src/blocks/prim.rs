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
