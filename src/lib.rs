//! # kinerja
//!
//! Turns the OCR'd or PDF-converted text of Indonesian performance-indicator
//! decrees (IKU, IKI, IKK) into canonical, provenance-carrying JSON: every
//! value carries the span of original lines it came from, and what could not
//! be read is listed, never dropped.
//!
//! ```
//! let doc = kinerja::parse(b"INDIKATOR KINERJA INDIVIDU\n\n1. JABATAN : Kepala Seksi\n", "x.txt");
//! assert_eq!(doc.jabatan[0].nama, "Kepala Seksi");
//! assert_eq!(doc.jabatan[0].span.start_line, 3);
//! ```
//!
//! ## Phases
//!
//! Data flows one way; every stage keeps the original line numbers.
//!
//! 1. [`decode`] — bytes → text (UTF-8, UTF-16 with BOM, Windows-1252
//!    fallback), line endings, control characters;
//! 2. [`normalize`] — per line: NFC, spaces, dashes, markdown emphasis;
//! 3. [`layout`] — restore lines and paragraphs from other converters' layouts;
//! 4. [`lines`] — classify each line (heading, label, row, item, text);
//! 5. [`blocks`] — the document grammar over lines (nom): positions, tables,
//!    signatures, decree parts;
//! 6. [`values`] and [`markup`] — cells and values (nom): lists, formulas,
//!    NIP, ranks, names, dates, targets, citations;
//! 7. [`assemble`] — blocks → the [`model::Document`], with [`coverage`];
//! 8. writers: [`json`] (the bytes of `serde_json`, with a faster string
//!    escape); in the binary JSON, JSON Lines, CSV, SQLite.
//!
//! The parser is total: [`parse`] never panics and never fails; problems
//! become [`model::Diagnostic`]s with stable codes ([`diagnostics`]).
//! The language of the documents (section words, column headers, ranks …)
//! lives in `grammars/` as data ([`grammar`]).

pub mod assemble;
pub mod blocks;
pub mod coverage;
pub mod decode;
pub mod diagnostics;
pub mod export;
pub mod grammar;
pub mod json;
pub mod layout;
pub mod lines;
pub mod markup;
mod memo;
pub mod model;
pub mod normalize;
pub mod text;
pub mod values;

use sha2::{Digest, Sha256};

use crate::coverage::Claims;
use crate::diagnostics::{Code, Diagnostics};
use crate::lines::Line;
use crate::model::{Document, SCHEMA_VERSION, Source};

/// Parses one input file. `path` is recorded in `source.path` as given.
pub fn parse(bytes: &[u8], path: &str) -> Document {
    memo::new_document();
    let mut diags = Diagnostics::default();
    let decoded = decode::decode(bytes, &mut diags);
    let text: &str = &decoded.text;
    let originals: Vec<&str> = decode::split_lines(text).collect();

    let normalized: Vec<Line> = originals
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let no = i as u32 + 1;
            Line::new(no, no, normalize::normalize_line(l))
        })
        .collect();
    let blank: Vec<bool> = normalized.iter().map(Line::is_blank).collect();
    if blank.iter().all(|b| *b) && !decoded.binary {
        diags.push(Code::EmptyInput, "the input has no non-blank line", None);
    }
    // form feeds are rare: one scan of the text settles most documents
    let page_starts: Vec<bool> = if memchr::memchr(b'\x0C', text.as_bytes()).is_some() {
        originals.iter().map(|l| l.contains('\x0C')).collect()
    } else {
        vec![false; originals.len()]
    };
    // and so are the lead bytes of unusual glyphs (see `has_unusual_glyphs`)
    let glyphs: Vec<u32> = if memchr::memchr2(0xEF, 0xF0, text.as_bytes()).is_some() {
        originals
            .iter()
            .enumerate()
            .filter(|(_, l)| normalize::has_unusual_glyphs(l))
            .map(|(i, _)| i as u32 + 1)
            .collect()
    } else {
        Vec::new()
    };
    if let Some(&first) = glyphs.first() {
        diags.at(
            Code::LayoutGlyphs,
            model::Span::line(first),
            format!(
                "{} line(s) with symbol-font bullets or mathematical/fullwidth letters were read as plain text (first at line {first})",
                glyphs.len()
            ),
        );
    }
    let recovered = layout::recover(normalized, &page_starts, &mut diags);
    let lines = recovered.lines;
    let mut claims = Claims::new(originals.len());
    for s in recovered.furniture {
        claims.furniture(model::FurnitureKind::Page, s);
    }
    let blocks = blocks::parse(&lines, &mut diags);
    let a = assemble::assemble(blocks, &lines, &mut claims, &mut diags);
    let coverage = claims.finish(&originals, &blank);

    Document {
        schema_version: SCHEMA_VERSION,
        source: Source {
            path: path.to_string(),
            sha256: sha256_hex(bytes),
            bytes: bytes.len() as u64,
            lines: originals.len() as u32,
            encoding: decoded.encoding.to_string(),
        },
        jenis: a.jenis.into_iter().collect(),
        instansi: a.instansi,
        judul: a.judul,
        periode: a.periode,
        keputusan: a.keputusan,
        lampiran: a.lampiran,
        tugas_pokok: a.tugas_pokok,
        fungsi: a.fungsi,
        jabatan: a.jabatan,
        indikator: a.indikator,
        penandatangan: a.penandatangan,
        diagnostics: diags.finish(),
        coverage,
    }
}

/// Parses text that is already a string.
pub fn parse_str(text: &str, path: &str) -> Document {
    parse(text.as_bytes(), path)
}

/// Lowercase hex SHA-256 of the input.
pub fn sha256_hex(bytes: &[u8]) -> String {
    // two digits a byte from a table: `write!(out, "{b:02x}")` for each of
    // the 32 bytes took as many instructions as parsing a short line
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for &b in digest.iter() {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xF)]));
    }
    out
}

/// The JSON Schema of the canonical document (what `kinerja schema` prints).
///
/// Generated from the Rust types, then tightened to what the output
/// guarantees: every key is always present (`null` or `[]` when the text does
/// not contain it), strings are never empty, line numbers start at 1 and
/// `schema_version` is 1.
pub fn json_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(model::Document);
    let mut v = serde_json::to_value(&schema).unwrap_or_default();
    tighten(&mut v);
    if let Some(p) = v.pointer_mut("/properties/schema_version") {
        *p = serde_json::json!({ "description": "Always 1 for this contract.", "const": model::SCHEMA_VERSION });
    }
    v
}

fn tighten(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Object(m) => {
            if let Some(Value::Object(props)) = m.get("properties") {
                let keys: Vec<Value> = props.keys().map(|k| Value::String(k.clone())).collect();
                // unknown keys stay allowed: version 1 may gain optional fields
                m.insert("required".into(), Value::Array(keys));
            }
            let is_string = match m.get("type") {
                Some(Value::String(t)) => t == "string",
                Some(Value::Array(ts)) => ts.iter().any(|t| t == "string"),
                _ => false,
            };
            if is_string && !m.contains_key("enum") && !m.contains_key("const") {
                m.insert("minLength".into(), Value::from(1));
            }
            for (k, x) in m.iter_mut() {
                if let (true, Value::Object(o)) =
                    (k == "start_line" || k == "end_line" || k == "line", &mut *x)
                {
                    o.insert("minimum".into(), Value::from(1));
                }
                tighten(x);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(tighten),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    /// The test vectors of FIPS 180-2 for SHA-256, in lower-case hex.
    #[test]
    fn sha256_hex_of_the_standard_vectors() {
        assert_eq!(
            super::sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            super::sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
