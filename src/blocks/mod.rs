//! Stage 5 — blocks: the document grammar over lines, written with nom.
//!
//! ```text
//! document = { { blank } block } ;
//! block    = letterhead | header | considerations | decide | diktum | ditetapkan
//!          | tembusan | lampiran | title | position | duties | table | signature | other ;
//! other    = line ;                      (left unclassified)
//! ```
//!
//! Each block parser either consumes a run of lines that it represents
//! completely, or fails without consuming anything; a line no parser takes is
//! `other` and ends up in `coverage.unclassified`. The parser is total: it
//! always reaches the end of the document. How blocks relate (a table closes
//! the position above it, a signature closes the table) is decided in
//! [`crate::assemble`].

pub mod decree;
pub mod position;
pub mod prim;
pub mod signature;
pub mod table;
pub mod title;

use nom::Input;

use crate::diagnostics::Diagnostics;
use crate::grammar::LabelKind;
use crate::lines::{Kind, Line, Lines};

use prim::{In, blanks};

/// A block and the lines it consumed.
#[derive(Debug)]
pub struct Located<T> {
    pub block: T,
    /// Indexes of the first and last consumed line in the line list.
    pub lines: std::ops::Range<usize>,
}

#[derive(Debug)]
pub enum Block<'s> {
    Letterhead(crate::model::Instansi),
    Header(decree::Header),
    Considerations(decree::Considerations),
    Decide(crate::model::Span),
    Diktum(crate::model::Diktum),
    Ditetapkan(crate::model::Ditetapkan),
    Tembusan(decree::Tembusan),
    Lampiran(decree::LampiranHeader),
    Title(title::Title),
    /// A line that is only a period (`TAHUN 2019`).
    Period(crate::model::Periode, crate::model::Span),
    Position(position::Position),
    Duties(position::Duties),
    Table(table::Table<'s>),
    Unrecoverable(table::Unrecoverable),
    Signature(signature::Signature),
}

/// Parses the whole document into blocks; lines outside every block are not listed.
pub fn parse<'s>(lines: &'s [Line], diags: &mut Diagnostics) -> Vec<Located<Block<'s>>> {
    let all = Lines::new(lines);
    // a block is large (a few hundred bytes), and a document has dozens:
    // room for one in eight lines, not moved as the vector grows
    let mut out = Vec::with_capacity(lines.len() / 8);
    let mut i: In = all;
    // a signature is only tried near a NIP or rank line
    let mut anchors = Anchors::new(lines);
    while let Ok((j, _)) = blanks(i) {
        let Some(first) = j.first() else { break };
        let start = lines.len() - j.len();
        let attempt: Option<(In, Block)> = match &first.kind {
            Kind::Heading { .. } => {
                unrecoverable(j).or_else(|| title::title(j).ok().map(|(r, t)| (r, Block::Title(t))))
            }
            Kind::Label {
                kind: LabelKind::Jabatan,
                ..
            } => position::position(j, diags)
                .ok()
                .map(|(r, p)| (r, Block::Position(p))),
            Kind::Label { .. } => decree_block(j, diags).or_else(|| {
                position::duties(j, diags)
                    .ok()
                    .map(|(r, d)| (r, Block::Duties(d)))
            }),
            Kind::Row { .. } => table::table(j).ok().map(|(r, t)| (r, Block::Table(t))),
            Kind::Text | Kind::Item { .. } => unrecoverable(j)
                .or_else(|| title::title(j).ok().map(|(r, t)| (r, Block::Title(t))))
                .or_else(|| {
                    title::period_line(j)
                        .ok()
                        .map(|(r, (p, s))| (r, Block::Period(p, s)))
                })
                .or_else(|| decree_block(j, diags))
                .or_else(|| {
                    decree::starts_letterhead(first)
                        .then(|| decree::letterhead(j).ok())
                        .flatten()
                        .map(|(r, l)| (r, Block::Letterhead(l)))
                })
                .or_else(|| {
                    anchors
                        .near(start)
                        .then(|| signature::signature(j).ok())
                        .flatten()
                        .map(|(r, s)| (r, Block::Signature(s)))
                }),
            _ => None,
        };
        match attempt {
            Some((rest, block)) if rest.len() < j.len() => {
                let end = lines.len() - rest.len();
                out.push(Located {
                    block,
                    lines: start..end,
                });
                i = rest;
            }
            _ => i = j.take_from(1),
        }
    }
    out
}

/// Which lines anchor a signature ([`signature::is_anchor`]), told only for
/// the lines a signature is looked for near: most lines start no block that
/// could be one, and a rank line is costly to tell.
struct Anchors<'s, 'a> {
    lines: &'s [Line<'a>],
    /// per line: not told yet, or the answer
    known: Vec<Option<bool>>,
}

impl<'s, 'a> Anchors<'s, 'a> {
    fn new(lines: &'s [Line<'a>]) -> Self {
        Anchors {
            lines,
            known: vec![None; lines.len()],
        }
    }

    /// True when a line in the [`signature::WINDOW`] lines from `start`
    /// (that one included) anchors a signature.
    fn near(&mut self, start: usize) -> bool {
        let end = start
            .saturating_add(signature::WINDOW)
            .min(self.lines.len());
        (start..end)
            .any(|k| *self.known[k].get_or_insert_with(|| signature::is_anchor(&self.lines[k])))
    }
}

/// The decree part that starts at the first line, by its keyword.
fn decree_block<'s, 'a>(j: In<'s, 'a>, diags: &mut Diagnostics) -> Option<(In<'s, 'a>, Block<'s>)> {
    use decree::Keyword;
    let first = j.first()?;
    match decree::keyword(first)? {
        Keyword::Letterhead => decree::letterhead(j)
            .ok()
            .map(|(r, l)| (r, Block::Letterhead(l))),
        Keyword::Keputusan => decree::header(j, diags)
            .ok()
            .map(|(r, h)| (r, Block::Header(h))),
        Keyword::Considering(_) => decree::considerations(j)
            .ok()
            .map(|(r, c)| (r, Block::Considerations(c))),
        Keyword::Decide => decree::decide(j).ok().map(|(r, s)| (r, Block::Decide(s))),
        Keyword::Diktum => decree::diktum(j).ok().map(|(r, d)| (r, Block::Diktum(d))),
        Keyword::Ditetapkan => decree::ditetapkan(j, diags)
            .ok()
            .map(|(r, d)| (r, Block::Ditetapkan(d))),
        Keyword::Tembusan => decree::tembusan(j)
            .ok()
            .map(|(r, t)| (r, Block::Tembusan(t))),
        Keyword::Lampiran => decree::lampiran(j)
            .ok()
            .map(|(r, l)| (r, Block::Lampiran(l))),
    }
}

/// A table whose cells cannot be told apart (layouts B, D, F).
fn unrecoverable<'s, 'a>(j: In<'s, 'a>) -> Option<(In<'s, 'a>, Block<'s>)> {
    table::flat(j)
        .or_else(|_| table::column_dump(j))
        .ok()
        .map(|(r, u)| (r, Block::Unrecoverable(u)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lazy anchors answer as the anchors of every line told at once,
    /// on the lines of every corpus and field-sample document, from every
    /// line.
    #[test]
    fn anchors_told_lazily_are_those_told_at_once() {
        let mut positives = 0;
        for text in crate::grammar::real_texts() {
            let lines = crate::lines::normalized_lines(&text);
            let lines = crate::layout::recover(lines, &[], &mut Diagnostics::default()).lines;
            let eager: Vec<bool> = lines.iter().map(signature::is_anchor).collect();
            let mut anchors = Anchors::new(&lines);
            // asked out of order, as the block parser skips lines
            for start in (0..lines.len()).rev().chain(0..lines.len()) {
                let plain = eager[start..].iter().take(signature::WINDOW).any(|&a| a);
                assert_eq!(anchors.near(start), plain, "line {start} of\n{text}");
                positives += usize::from(plain);
            }
        }
        assert!(positives > 100, "{positives}");
    }
}
