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
pub enum Block {
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
    Table(table::Table),
    Unrecoverable(table::Unrecoverable),
    Signature(signature::Signature),
}

/// Parses the whole document into blocks; lines outside every block are not listed.
pub fn parse(lines: &[Line], diags: &mut Diagnostics) -> Vec<Located<Block>> {
    let all = Lines::new(lines);
    let mut out = Vec::new();
    let mut i: In = all;
    // where the next NIP or rank line is: a signature is only tried near one
    let anchors: Vec<bool> = lines.iter().map(signature::is_anchor).collect();
    let mut next_anchor = vec![usize::MAX; lines.len() + 1];
    for k in (0..lines.len()).rev() {
        next_anchor[k] = if anchors[k] { k } else { next_anchor[k + 1] };
    }
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
                    (next_anchor[start].saturating_sub(start) < signature::WINDOW)
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

/// The decree part that starts at the first line, by its keyword.
fn decree_block<'s, 'a>(j: In<'s, 'a>, diags: &mut Diagnostics) -> Option<(In<'s, 'a>, Block)> {
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
fn unrecoverable<'s, 'a>(j: In<'s, 'a>) -> Option<(In<'s, 'a>, Block)> {
    table::flat(j)
        .or_else(|_| table::column_dump(j))
        .ok()
        .map(|(r, u)| (r, Block::Unrecoverable(u)))
}
