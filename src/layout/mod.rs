//! Stage 3 — layout recovery: restore lines and paragraphs before the block
//! grammar sees them.
//!
//! The block grammar expects the layout of a well-behaved converter: one
//! heading, label, paragraph, list item or table row per line. Real archives
//! come out of many converters; this stage maps their layouts onto that one.
//! Every repair that changes the text or the order of lines is recorded as an
//! `info` diagnostic (`layout-*`); each output [`Line`] keeps the range of
//! original lines it came from (a re-joined paragraph spans all of them), so
//! spans stay true. Lines set aside (page numbers, running headers) are
//! returned as furniture, never dropped.
//!
//! Repairs, in order:
//! 1. page numbers and running headers/footers (repeated at page breaks, the
//!    form feeds of pdftotext) are set aside as page furniture;
//! 2. doubled glyphs from fake bold are undoubled (`KKEEPPUUTTUUSSAANN`);
//! 3. letter-spaced words are closed up (`T E N T A N G` → `TENTANG`);
//! 4. double spacing — a blank line after every line — is removed, keeping
//!    one blank line where there were several (layout C);
//! 5. hard-wrapped paragraphs are re-joined, hyphenated words closed up,
//!    also across a page break (layout A);
//! 6. a line that holds several parts is split at their labels
//!    (`MEMUTUSKAN : Menetapkan : KESATU`, `… 2. TUGAS : …`) and at list items
//!    in sequence (`a. bahwa …; b. bahwa …`) (layout E);
//! 7. a section label that stands after its content (`a. … b. …` then
//!    `Menimbang` then `:` then `Mengingat`) is moved before it.

mod collapsed;
mod ocr;
mod pages;
mod paragraphs;
mod spacing;

pub use collapsed::split_points;
pub use spacing::{close_letter_spacing_str, undouble_str};

use crate::diagnostics::Diagnostics;
use crate::lines::Line;
use crate::model::Span;

/// The recovered lines, and the lines set aside as page furniture.
#[derive(Debug)]
pub struct Recovered<'a> {
    pub lines: Vec<Line<'a>>,
    pub furniture: Vec<Span>,
}

/// Restores lines and paragraphs. `lines` are the normalized original lines;
/// `page_starts[i]` tells whether original line `i + 1` starts a new page.
pub fn recover<'a>(
    lines: Vec<Line<'a>>,
    page_starts: &[bool],
    diags: &mut Diagnostics,
) -> Recovered<'a> {
    let (lines, furniture) = pages::set_aside(lines, page_starts, diags);
    let lines = spacing::undouble(lines, diags);
    let lines = spacing::close_letter_spacing(lines, diags);
    let lines = ocr::repair(lines, diags);
    let lines = paragraphs::single_spacing(lines, diags);
    let lines = paragraphs::join_wrapped(lines, page_starts, diags);
    let lines = collapsed::split_collapsed(lines, diags);
    let lines = collapsed::move_trailing_labels(lines, diags);
    Recovered { lines, furniture }
}

#[cfg(test)]
mod tests;
