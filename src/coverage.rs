//! Line accounting: which original lines the structure represents.
//!
//! Block parsers consume runs of lines; every non-blank line they consume is
//! *claimed*. Lines the structure does not represent (a table row that gave
//! no indicator) are released again. What is left is listed in
//! `coverage.unclassified` with its original text, so nothing is lost.

use crate::model::{Coverage, Furniture, FurnitureKind, Span, Unclassified};

#[derive(Debug)]
pub struct Claims {
    /// Indexed by original line number - 1.
    claimed: Vec<bool>,
    furniture: Vec<Furniture>,
}

impl Claims {
    pub fn new(lines: usize) -> Claims {
        Claims {
            claimed: vec![false; lines],
            furniture: Vec::new(),
        }
    }

    pub fn claim(&mut self, span: Span) {
        self.set(span, true);
    }

    pub fn release(&mut self, span: Span) {
        self.set(span, false);
    }

    fn set(&mut self, span: Span, v: bool) {
        let n = self.claimed.len() as u32;
        if span.start_line == 0 || span.start_line > n {
            return;
        }
        for l in span.start_line..=span.end_line.min(n) {
            self.claimed[(l - 1) as usize] = v;
        }
    }

    /// Claims the span as furniture (classified, no value of its own).
    pub fn furniture(&mut self, kind: FurnitureKind, span: Span) {
        self.claim(span);
        self.furniture.push(Furniture { kind, span });
    }

    pub fn is_claimed(&self, line: u32) -> bool {
        line >= 1
            && self
                .claimed
                .get((line - 1) as usize)
                .copied()
                .unwrap_or(false)
    }

    /// The coverage of a document whose original lines (as decoded) are
    /// `originals`; `blank[i]` tells whether line `i + 1` is blank after
    /// normalization (a line of only markup, such as `**`, is blank).
    pub fn finish(mut self, originals: &[&str], blank_lines: &[bool]) -> Coverage {
        let mut blank = 0;
        let mut classified = 0;
        let mut unclassified = Vec::new();
        for (i, text) in originals.iter().enumerate() {
            if blank_lines.get(i).copied().unwrap_or(true) {
                blank += 1;
            } else if self.claimed.get(i).copied().unwrap_or(false) {
                classified += 1;
            } else {
                unclassified.push(Unclassified {
                    line: i as u32 + 1,
                    teks: text.to_string(),
                });
            }
        }
        self.furniture.sort_by_key(|f| (f.span, f.kind));
        self.furniture.dedup();
        Coverage {
            lines: originals.len() as u32,
            blank,
            classified,
            unclassified,
            furniture: self.furniture,
        }
    }
}
