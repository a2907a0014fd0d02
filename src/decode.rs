//! Stage 1 — bytes to text.
//!
//! * UTF-8, with a leading byte-order mark removed;
//! * UTF-16 (LE or BE) when the input starts with its byte-order mark;
//! * anything else that is not valid UTF-8 is decoded as Windows-1252, with
//!   an `encoding-windows-1252` diagnostic (every byte maps to a character, so
//!   no line is ever dropped);
//! * CRLF and lone CR become LF;
//! * control characters other than tab and LF become spaces (the line keeps
//!   its number), with one `control-characters` diagnostic;
//! * input with NUL bytes is flagged as binary (`binary-input`); it is still
//!   decoded so that the library stays total, but the CLI rejects it.
//!
//! The result is borrowed from the input whenever nothing had to change,
//! which is the common case.

use std::borrow::Cow;

use crate::diagnostics::{Code, Diagnostics};

/// Decoded text of one input.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static str,
    pub binary: bool,
}

/// True when the bytes look like a binary file rather than text: a NUL byte
/// (outside UTF-16 text, which legitimately has them).
pub fn looks_binary(bytes: &[u8]) -> bool {
    if has_utf16_bom(bytes) {
        return false;
    }
    memchr::memchr(0, bytes).is_some()
}

fn has_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

/// Decodes `bytes`; never fails.
pub fn decode<'a>(bytes: &'a [u8], diags: &mut Diagnostics) -> Decoded<'a> {
    let binary = looks_binary(bytes);
    if binary {
        diags.push(
            Code::BinaryInput,
            "the input contains NUL bytes: it is a binary file, not text",
            None,
        );
    }
    let (text, encoding): (Cow<'a, str>, &'static str) =
        if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
            match std::str::from_utf8(rest) {
                Ok(s) => (Cow::Borrowed(s), "utf-8"),
                Err(_) => windows_1252(rest, diags),
            }
        } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            let enc = if bytes[0] == 0xFF {
                encoding_rs::UTF_16LE
            } else {
                encoding_rs::UTF_16BE
            };
            let (s, _) = enc.decode_with_bom_removal(bytes);
            diags.push(
                Code::EncodingUtf16,
                format!("decoded as {} (byte-order mark)", enc.name()),
                None,
            );
            let name = if bytes[0] == 0xFF {
                "utf-16le"
            } else {
                "utf-16be"
            };
            (Cow::Owned(s.into_owned()), name)
        } else {
            match std::str::from_utf8(bytes) {
                Ok(s) => (Cow::Borrowed(s), "utf-8"),
                Err(_) => windows_1252(bytes, diags),
            }
        };
    let text = clean_controls(text, diags, binary);
    Decoded {
        text,
        encoding,
        binary,
    }
}

fn windows_1252<'a>(bytes: &[u8], diags: &mut Diagnostics) -> (Cow<'a, str>, &'static str) {
    let bad = std::str::from_utf8(bytes)
        .err()
        .map(|e| e.valid_up_to())
        .unwrap_or(0);
    let line = bytes[..bad].iter().filter(|&&b| b == b'\n').count() + 1;
    diags.push(
        Code::EncodingWindows1252,
        format!(
            "the input is not valid UTF-8 (first invalid byte on line {line}); decoded as Windows-1252"
        ),
        None,
    );
    let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    (Cow::Owned(s.into_owned()), "windows-1252")
}

/// CRLF/CR → LF; other control characters (except tab) → space.
fn clean_controls<'a>(text: Cow<'a, str>, diags: &mut Diagnostics, binary: bool) -> Cow<'a, str> {
    // branch-free per chunk, so that it vectorizes
    let needs = text.as_bytes().chunks(64).any(|chunk| {
        chunk.iter().fold(false, |acc, &b| {
            acc | ((b < 0x20) & (b != b'\n') & (b != b'\t') & (b != 0x0C)) | (b == 0x7F)
        })
    });
    if !needs {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut controls = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            // a form feed is a page break (pdftotext): kept for the layout stage
            '\n' | '\t' | '\x0C' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{7F}' => {
                controls += 1;
                out.push(' ');
            }
            c => out.push(c),
        }
    }
    if controls > 0 && !binary {
        diags.push(
            Code::ControlCharacters,
            format!("{controls} control character(s) replaced by spaces"),
            None,
        );
    }
    Cow::Owned(out)
}

/// The lines of a decoded text: split on LF; a final LF does not start a new line.
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    let empty = text.is_empty();
    crate::text::pieces(body, b'\n')
        .map(|(_, line)| line)
        .filter(move |_| !empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn split_lines_is_split_at_newlines(s in "[ab\n]{0,20}") {
            let body = s.strip_suffix('\n').unwrap_or(&s);
            let plain: Vec<&str> = if s.is_empty() { Vec::new() } else { body.split('\n').collect() };
            proptest::prop_assert_eq!(split_lines(&s).collect::<Vec<_>>(), plain);
        }
    }

    fn dec(b: &[u8]) -> (String, &'static str, Vec<String>) {
        let mut d = Diagnostics::default();
        let out = decode(b, &mut d);
        let codes = d.finish().into_iter().map(|d| d.code).collect();
        (out.text.into_owned(), out.encoding, codes)
    }

    #[test]
    fn utf8_bom_removed() {
        assert_eq!(dec(b"\xEF\xBB\xBFKEPUTUSAN\n").0, "KEPUTUSAN\n");
    }

    #[test]
    fn windows_1252_fallback_keeps_every_byte() {
        let (t, enc, codes) = dec(b"Pebruari \x96 2018\nb\xe9\n");
        assert_eq!(enc, "windows-1252");
        assert_eq!(t, "Pebruari \u{2013} 2018\nb\u{e9}\n");
        assert_eq!(codes, ["encoding-windows-1252"]);
    }

    #[test]
    fn utf16_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "NIP\r\nx".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let (t, enc, codes) = dec(&b);
        assert_eq!((t.as_str(), enc), ("NIP\nx", "utf-16le"));
        assert_eq!(codes, ["encoding-utf16"]);
    }

    #[test]
    fn line_endings_and_controls() {
        let (t, _, codes) = dec(b"a\r\nb\rc\x0bd\x0ce\n");
        assert_eq!(t, "a\nb\nc d\x0ce\n", "a form feed (page break) is kept");
        assert_eq!(codes, ["control-characters"]);
    }

    #[test]
    fn nul_is_binary() {
        assert!(looks_binary(b"%PDF\x00\x01"));
        assert!(!looks_binary(b"text"));
        let (_, _, codes) = dec(b"a\x00b");
        assert_eq!(codes, ["binary-input"]);
    }

    #[test]
    fn lines() {
        assert_eq!(split_lines("").count(), 0);
        assert_eq!(split_lines("\n").collect::<Vec<_>>(), [""]);
        assert_eq!(split_lines("a\nb").collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(split_lines("a\nb\n").collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(split_lines("a\n\n").collect::<Vec<_>>(), ["a", ""]);
    }
}
