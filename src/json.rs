//! JSON output: the same bytes as `serde_json`, with a faster string escape.
//!
//! Strings are most of a document's JSON (cells, values, texts), and
//! `serde_json` looks each of their bytes up in a table, one at a time; that
//! loop was the costliest single function of a whole parse. This serializer
//! tests a string 8 or 32 bytes at a time, without branches, for the three
//! kinds of byte JSON escapes (control characters, `"` and `\`), copies a
//! string that has none whole, and the runs between escapes of one that has.
//! It writes into a buffer: [`write()`] appends to the caller's (a JSON Lines
//! record), [`to_writer`] hands a writer pieces of [`PIECE`] bytes.
//!
//! Everything else is `serde_json`'s: the punctuation, indentation and
//! numbers are written by its [`Formatter`] (compact or pretty), called in
//! the same order as its own serializer calls it, and the escapes are written
//! by the formatter too. So the output is byte for byte what
//! `serde_json::to_writer` and `serde_json::to_writer_pretty` write, which
//! the tests check on the corpus, the field samples and arbitrary strings.

use serde::ser::{self, Serialize};
use serde_json::ser::{CharEscape, CompactFormatter, Formatter, PrettyFormatter};
use std::fmt::Display;
use std::io;

/// The two formatters this module writes with, and whether the formatter is
/// the compact one: a struct's keys are then written in one go
/// ([`Compound::field_key`]).
trait Layout: Formatter {
    const COMPACT: bool;
}

impl Layout for CompactFormatter {
    const COMPACT: bool = true;
}

impl Layout for PrettyFormatter<'_> {
    const COMPACT: bool = false;
}

/// Writes `value` as compact JSON (as `serde_json::to_writer`), in pieces of
/// about [`PIECE`] bytes.
pub fn to_writer<W: io::Write, T: ?Sized + Serialize>(writer: W, value: &T) -> io::Result<()> {
    stream(writer, CompactFormatter, value)
}

/// Writes `value` as JSON indented by two spaces (as
/// `serde_json::to_writer_pretty`), in pieces of about [`PIECE`] bytes.
pub fn to_writer_pretty<W: io::Write, T: ?Sized + Serialize>(
    writer: W,
    value: &T,
) -> io::Result<()> {
    stream(writer, PrettyFormatter::new(), value)
}

/// `value` as compact JSON bytes.
pub fn to_vec<T: ?Sized + Serialize>(value: &T) -> io::Result<Vec<u8>> {
    let mut v = Vec::with_capacity(1 << 12);
    write(&mut v, value)?;
    Ok(v)
}

/// Appends `value` as compact JSON to `out`; on an error `out` is left as
/// it was.
pub fn write<T: ?Sized + Serialize>(out: &mut Vec<u8>, value: &T) -> io::Result<()> {
    append(out, CompactFormatter, value)
}

/// Appends `value` as JSON indented by two spaces to `out`; on an error
/// `out` is left as it was.
pub fn write_pretty<T: ?Sized + Serialize>(out: &mut Vec<u8>, value: &T) -> io::Result<()> {
    append(out, PrettyFormatter::new(), value)
}

/// What a writer is given at a time: the buffer is handed on when it holds
/// this much after a value, so a document of any size takes no more memory
/// than this and its longest string.
pub const PIECE: usize = 1 << 15;

/// Where a serializer's buffer goes when it is full: nowhere (it grows), or
/// to a writer.
trait Sink {
    fn full(&mut self, out: &mut Vec<u8>) -> io::Result<()>;
}

impl Sink for () {
    #[inline]
    fn full(&mut self, _out: &mut Vec<u8>) -> io::Result<()> {
        Ok(())
    }
}

struct Stream<W>(W);

impl<W: io::Write> Sink for Stream<W> {
    fn full(&mut self, out: &mut Vec<u8>) -> io::Result<()> {
        if out.len() >= PIECE {
            self.0.write_all(out)?;
            out.clear();
        }
        Ok(())
    }
}

fn append<F: Layout, T: ?Sized + Serialize>(
    out: &mut Vec<u8>,
    formatter: F,
    value: &T,
) -> io::Result<()> {
    let len = out.len();
    let mut ser = Serializer {
        out: std::mem::take(out),
        formatter,
        sink: (),
    };
    let res = value.serialize(&mut ser);
    *out = ser.out;
    res.map_err(|e| {
        out.truncate(len);
        e.into_io()
    })
}

fn stream<W: io::Write, F: Layout, T: ?Sized + Serialize>(
    writer: W,
    formatter: F,
    value: &T,
) -> io::Result<()> {
    let mut ser = Serializer {
        out: Vec::with_capacity(PIECE + PIECE / 4),
        formatter,
        sink: Stream(writer),
    };
    value.serialize(&mut ser).map_err(Error::into_io)?;
    let Serializer { out, mut sink, .. } = ser;
    sink.0.write_all(&out)
}

/// What went wrong: the writer failed, or a value has no JSON form (a map
/// key that is not a string, number or boolean, or an error a `Serialize`
/// implementation raised).
#[derive(Debug)]
pub enum Error {
    Io(io::Error),
    Custom(String),
}

impl Error {
    fn into_io(self) -> io::Error {
        match self {
            Error::Io(e) => e,
            Error::Custom(m) => io::Error::new(io::ErrorKind::InvalidData, m),
        }
    }
}

impl Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Io(e) => e.fmt(f),
            Error::Custom(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error::Custom(msg.to_string())
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::Io(e)
    }
}

type Result<T> = std::result::Result<T, Error>;

/// True for the bytes JSON escapes inside a string.
#[inline]
fn escaped(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\')
}

/// True when a block of 32 bytes has a byte JSON escapes: one test of every
/// byte, or-ed in bytes without branches, which the compiler vectorizes.
#[inline]
fn block_has_escape(block: &[u8]) -> bool {
    block.iter().fold(0u8, |m, &c| m | u8::from(escaped(c))) != 0
}

/// True when the eight bytes of `w` have one JSON escapes: the high bit of
/// each byte of the result is set where a byte is below 0x20, or where a
/// byte xor-ed with `"` or `\` is zero (the tests of bit hacks for "has a
/// byte less than n"; exact for "any byte").
#[inline]
fn word_has_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x;
    let (q, bs) = (w ^ (ONES * u64::from(b'"')), w ^ (ONES * u64::from(b'\\')));
    (below(w, 0x20) | below(q, 1) | below(bs, 1)) & HIGH != 0
}

#[inline]
fn word(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 8)
        .and_then(|w| w.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

/// True when `b` has a byte JSON escapes. Long texts are tested 32 bytes at
/// a time, short ones eight at a time; the last block or word overlaps the
/// one before it, so nothing is copied. Under eight bytes (most field
/// names) one word is made of overlapping loads, without a byte loop.
#[inline(always)]
fn has_escape(b: &[u8]) -> bool {
    let n = b.len();
    if n >= 32 {
        long_has_escape(b)
    } else if n >= 8 {
        let mut any = word_has_escape(word(b, n - 8));
        let mut at = 0;
        while at + 8 <= n {
            any |= word_has_escape(word(b, at));
            at += 8;
        }
        any
    } else if n >= 4 {
        // the first four bytes and the last four, overlapping
        let four = |at: usize| {
            b.get(at..at + 4)
                .and_then(|w| w.try_into().ok())
                .map_or(0x2020_2020, u32::from_le_bytes)
        };
        word_has_escape(u64::from(four(0)) | u64::from(four(n - 4)) << 32)
    } else if n > 0 {
        // one to three bytes: the first, the middle and the last cover
        // them all; the other five bytes are spaces
        let w = u32::from_le_bytes([b[0], b[n / 2], b[n - 1], b' ']);
        word_has_escape(u64::from(w) | 0x2020_2020_0000_0000)
    } else {
        false
    }
}

/// [`has_escape`] of 32 bytes or more, out of line: the short cases are
/// inlined where a field name or a short text is written.
#[inline(never)]
fn long_has_escape(b: &[u8]) -> bool {
    b.chunks_exact(32).any(block_has_escape) || block_has_escape(&b[b.len() - 32..])
}

/// The offset of the first byte of `b` at or after `from` that JSON
/// escapes, or `b.len()`: most strings have none, and are told so without
/// looking at their bytes one at a time.
#[inline]
fn next_escape(b: &[u8], from: usize) -> usize {
    let rest = b.get(from..).unwrap_or_default();
    if !has_escape(rest) {
        return b.len();
    }
    rest.iter()
        .position(|&c| escaped(c))
        .map_or(b.len(), |k| from + k)
}

/// The escape `serde_json` writes for byte `b` (one that [`escaped`]).
fn char_escape(b: u8) -> CharEscape {
    match b {
        b'"' => CharEscape::Quote,
        b'\\' => CharEscape::ReverseSolidus,
        b'\n' => CharEscape::LineFeed,
        b'\r' => CharEscape::CarriageReturn,
        b'\t' => CharEscape::Tab,
        0x08 => CharEscape::Backspace,
        0x0c => CharEscape::FormFeed,
        _ => CharEscape::AsciiControl(b),
    }
}

/// Writes a JSON string. Most strings have nothing to escape: they are
/// copied whole between their quotes (the `"` that both formatters write
/// for the start and end of a string). Others go run by run, with the
/// formatter's escapes between the runs.
fn write_str<F: Layout>(out: &mut Vec<u8>, f: &mut F, s: &str) -> io::Result<()> {
    let b = s.as_bytes();
    if !has_escape(b) {
        out.reserve(b.len() + 2);
        out.push(b'"');
        out.extend_from_slice(b);
        out.push(b'"');
        return Ok(());
    }
    f.begin_string(out)?;
    let mut start = 0;
    loop {
        let at = next_escape(b, start);
        if at > start {
            // the run ends at an ASCII byte or at the end: a char boundary
            f.write_string_fragment(out, s.get(start..at).unwrap_or_default())?;
        }
        if at >= b.len() {
            break;
        }
        f.write_char_escape(out, char_escape(b[at]))?;
        start = at + 1;
    }
    f.end_string(out)
}

/// A serializer into a buffer, with serde_json's compact or pretty
/// formatter (no other: [`write_str`] writes their quotes itself).
struct Serializer<F, S> {
    out: Vec<u8>,
    formatter: F,
    sink: S,
}

impl<F: Layout, S: Sink> Serializer<F, S> {
    fn str(&mut self, s: &str) -> Result<()> {
        Ok(write_str(&mut self.out, &mut self.formatter, s)?)
    }

    /// `{"variant":` before a variant's content.
    fn begin_variant(&mut self, variant: &str) -> Result<()> {
        self.formatter.begin_object(&mut self.out)?;
        self.formatter.begin_object_key(&mut self.out, true)?;
        self.str(variant)?;
        self.formatter.end_object_key(&mut self.out)?;
        Ok(self.formatter.begin_object_value(&mut self.out)?)
    }

    /// `}` after a variant's content.
    fn end_variant(&mut self) -> Result<()> {
        self.formatter.end_object_value(&mut self.out)?;
        Ok(self.formatter.end_object(&mut self.out)?)
    }

    /// Opens an object or an array (inside `{"variant":` for an enum
    /// variant); one known to be empty is closed at once, as serde_json does.
    fn open(
        &mut self,
        object: bool,
        len: Option<usize>,
        variant: Option<&str>,
    ) -> Result<Compound<'_, F, S>> {
        if let Some(v) = variant {
            self.begin_variant(v)?;
        }
        let (f, out) = (&mut self.formatter, &mut self.out);
        if object {
            f.begin_object(out)?
        } else {
            f.begin_array(out)?
        }
        let state = if len == Some(0) {
            if object {
                f.end_object(out)?
            } else {
                f.end_array(out)?
            }
            State::Empty
        } else {
            State::First
        };
        Ok(Compound {
            ser: self,
            state,
            object,
            variant: variant.is_some(),
        })
    }
}

/// Where an array or object is: nothing written yet, some, or empty (and
/// already closed).
#[derive(PartialEq, Eq, Clone, Copy)]
enum State {
    Empty,
    First,
    Rest,
}

/// An array or object being written; `variant` when it is the content of an
/// enum variant, closed by one more `}`.
struct Compound<'a, F, S> {
    ser: &'a mut Serializer<F, S>,
    state: State,
    /// an object (else an array)
    object: bool,
    variant: bool,
}

macro_rules! write_number {
    ($($method:ident: $ty:ty => $write:ident,)*) => {
        $(
            fn $method(self, v: $ty) -> Result<()> {
                Ok(self.formatter.$write(&mut self.out, v)?)
            }
        )*
    };
}

impl<'a, F: Layout, S: Sink> ser::Serializer for &'a mut Serializer<F, S> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, F, S>;
    type SerializeTuple = Compound<'a, F, S>;
    type SerializeTupleStruct = Compound<'a, F, S>;
    type SerializeTupleVariant = Compound<'a, F, S>;
    type SerializeMap = Compound<'a, F, S>;
    type SerializeStruct = Compound<'a, F, S>;
    type SerializeStructVariant = Compound<'a, F, S>;

    write_number! {
        serialize_bool: bool => write_bool,
        serialize_i8: i8 => write_i8,
        serialize_i16: i16 => write_i16,
        serialize_i32: i32 => write_i32,
        serialize_i64: i64 => write_i64,
        serialize_i128: i128 => write_i128,
        serialize_u8: u8 => write_u8,
        serialize_u16: u16 => write_u16,
        serialize_u32: u32 => write_u32,
        serialize_u64: u64 => write_u64,
        serialize_u128: u128 => write_u128,
    }

    fn serialize_f32(self, v: f32) -> Result<()> {
        if v.is_finite() {
            Ok(self.formatter.write_f32(&mut self.out, v)?)
        } else {
            self.serialize_unit()
        }
    }

    fn serialize_f64(self, v: f64) -> Result<()> {
        if v.is_finite() {
            Ok(self.formatter.write_f64(&mut self.out, v)?)
        } else {
            self.serialize_unit()
        }
    }

    fn serialize_char(self, v: char) -> Result<()> {
        self.str(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<()> {
        self.str(v)
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        Ok(self.formatter.write_byte_array(&mut self.out, v)?)
    }

    fn serialize_none(self) -> Result<()> {
        self.serialize_unit()
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<()> {
        Ok(self.formatter.write_null(&mut self.out)?)
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<()> {
        self.str(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        self.begin_variant(variant)?;
        value.serialize(&mut *self)?;
        self.end_variant()
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a, F, S>> {
        self.open(false, len, None)
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, F, S>> {
        self.open(false, Some(len), None)
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a, F, S>> {
        self.open(false, Some(len), None)
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, F, S>> {
        self.open(false, Some(len), Some(variant))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a, F, S>> {
        self.open(true, len, None)
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a, F, S>> {
        self.open(true, Some(len), None)
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, F, S>> {
        self.open(true, Some(len), Some(variant))
    }

    fn collect_str<T: ?Sized + Display>(self, value: &T) -> Result<()> {
        self.str(&value.to_string())
    }
}

impl<F: Layout, S: Sink> Compound<'_, F, S> {
    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        let ser = &mut *self.ser;
        ser.formatter
            .begin_array_value(&mut ser.out, self.state == State::First)?;
        self.state = State::Rest;
        value.serialize(&mut *ser)?;
        ser.formatter.end_array_value(&mut ser.out)?;
        Ok(ser.sink.full(&mut ser.out)?)
    }

    fn key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<()> {
        let ser = &mut *self.ser;
        ser.formatter
            .begin_object_key(&mut ser.out, self.state == State::First)?;
        self.state = State::Rest;
        key.serialize(KeySerializer { ser: &mut *ser })?;
        Ok(ser.formatter.end_object_key(&mut ser.out)?)
    }

    /// A struct's key and the `:` after it. Compact output with a key
    /// that needs no escape (a field name) is written directly: `,"key":`,
    /// the bytes the formatter writes; anything else goes the general way.
    /// Inlined at each field (as is `serialize_field`): the derived impls pass
    /// the key as a literal, and the test for escapes folds away for it.
    #[inline(always)]
    fn field_key(&mut self, key: &'static str) -> Result<()> {
        if !F::COMPACT || has_escape(key.as_bytes()) {
            self.key(key)?;
            let ser = &mut *self.ser;
            return Ok(ser.formatter.begin_object_value(&mut ser.out)?);
        }
        let out = &mut self.ser.out;
        out.reserve(key.len() + 4);
        if self.state != State::First {
            out.push(b',');
        }
        self.state = State::Rest;
        out.push(b'"');
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(b"\":");
        Ok(())
    }

    /// A struct field's value, after [`Compound::field_key`].
    fn field_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        let ser = &mut *self.ser;
        value.serialize(&mut *ser)?;
        ser.formatter.end_object_value(&mut ser.out)?;
        Ok(ser.sink.full(&mut ser.out)?)
    }

    fn value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        let ser = &mut *self.ser;
        ser.formatter.begin_object_value(&mut ser.out)?;
        value.serialize(&mut *ser)?;
        ser.formatter.end_object_value(&mut ser.out)?;
        Ok(ser.sink.full(&mut ser.out)?)
    }

    /// Closes the object or array (unless it was empty, and closed when
    /// opened), and the variant around it.
    fn close(self) -> Result<()> {
        let (f, out) = (&mut self.ser.formatter, &mut self.ser.out);
        if self.state != State::Empty {
            if self.object {
                f.end_object(out)?
            } else {
                f.end_array(out)?
            }
        }
        if self.variant {
            self.ser.end_variant()?;
        }
        Ok(())
    }
}

/// The array-like compounds: each value an element.
macro_rules! array_compound {
    ($($trait:ident :: $method:ident,)*) => {
        $(
            impl<F: Layout, S: Sink> ser::$trait for Compound<'_, F, S> {
                type Ok = ();
                type Error = Error;
                fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
                    self.element(value)
                }
                fn end(self) -> Result<()> {
                    self.close()
                }
            }
        )*
    };
}

array_compound! {
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
}

/// The struct-like compounds: each field a key and its value.
macro_rules! struct_compound {
    ($($trait:ident,)*) => {
        $(
            impl<F: Layout, S: Sink> ser::$trait for Compound<'_, F, S> {
                type Ok = ();
                type Error = Error;
                #[inline(always)]
                fn serialize_field<T: ?Sized + Serialize>(
                    &mut self,
                    key: &'static str,
                    value: &T,
                ) -> Result<()> {
                    self.field_key(key)?;
                    self.field_value(value)
                }
                fn end(self) -> Result<()> {
                    self.close()
                }
            }
        )*
    };
}

struct_compound! {
    SerializeStruct,
    SerializeStructVariant,
}

impl<F: Layout, S: Sink> ser::SerializeMap for Compound<'_, F, S> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<()> {
        self.key(key)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.value(value)
    }
    fn end(self) -> Result<()> {
        self.close()
    }
}

/// A map key: a string as itself; a number, boolean or character quoted (as
/// `serde_json` does); anything else is an error.
struct KeySerializer<'a, F, S> {
    ser: &'a mut Serializer<F, S>,
}

fn key_must_be_a_string() -> Error {
    Error::Custom("a JSON object key must be a string".into())
}

macro_rules! quoted_key {
    ($($method:ident: $ty:ty => $write:ident,)*) => {
        $(
            fn $method(self, v: $ty) -> Result<()> {
                let (w, f) = (&mut self.ser.out, &mut self.ser.formatter);
                f.begin_string(w)?;
                f.$write(w, v)?;
                Ok(f.end_string(w)?)
            }
        )*
    };
}

impl<F: Layout, S: Sink> ser::Serializer for KeySerializer<'_, F, S> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    quoted_key! {
        serialize_bool: bool => write_bool,
        serialize_i8: i8 => write_i8,
        serialize_i16: i16 => write_i16,
        serialize_i32: i32 => write_i32,
        serialize_i64: i64 => write_i64,
        serialize_i128: i128 => write_i128,
        serialize_u8: u8 => write_u8,
        serialize_u16: u16 => write_u16,
        serialize_u32: u32 => write_u32,
        serialize_u64: u64 => write_u64,
        serialize_u128: u128 => write_u128,
    }

    fn serialize_char(self, v: char) -> Result<()> {
        self.ser.str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<()> {
        self.ser.str(v)
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<()> {
        self.ser.str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_f32(self, _v: f32) -> Result<()> {
        Err(key_must_be_a_string())
    }
    fn serialize_f64(self, _v: f64) -> Result<()> {
        Err(key_must_be_a_string())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<()> {
        Err(key_must_be_a_string())
    }
    fn serialize_none(self) -> Result<()> {
        Err(key_must_be_a_string())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _v: &T) -> Result<()> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit(self) -> Result<()> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_struct(self, _n: &'static str) -> Result<()> {
        Err(key_must_be_a_string())
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _n: &'static str,
        _i: u32,
        _v: &'static str,
        _value: &T,
    ) -> Result<()> {
        Err(key_must_be_a_string())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_struct(
        self,
        _n: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_variant(
        self,
        _n: &'static str,
        _i: u32,
        _v: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(key_must_be_a_string())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct(self, _n: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct_variant(
        self,
        _n: &'static str,
        _i: u32,
        _v: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(key_must_be_a_string())
    }
    fn collect_str<T: ?Sized + Display>(self, value: &T) -> Result<()> {
        self.ser.str(&value.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    fn same<T: Serialize>(v: &T) {
        let mut ours = Vec::new();
        to_writer(&mut ours, v).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            serde_json::to_string(v).unwrap()
        );
        let mut ours = Vec::new();
        to_writer_pretty(&mut ours, v).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            serde_json::to_string_pretty(v).unwrap()
        );
    }

    #[derive(Serialize)]
    enum E {
        Unit,
        New(u8),
        Tuple(i32, String),
        Struct { a: Vec<u8>, b: Option<f64> },
        EmptyTuple(),
        EmptyStruct {},
    }

    #[derive(Serialize)]
    struct S {
        text: String,
        none: Option<u32>,
        nan: f64,
        float: f32,
        big: u128,
        neg: i64,
        flag: bool,
        empty: Vec<String>,
        enums: Vec<E>,
        map: BTreeMap<u32, char>,
        unit: (),
        tuple: (u8, &'static str),
        bytes: &'static [u8],
    }

    #[test]
    fn every_kind_of_value_is_written_as_serde_json_writes_it() {
        same(&S {
            text: "a \"quoted\" \\ back\tslash\n\u{1}\u{1f}\u{7f} é 中 🎉".into(),
            none: None,
            nan: f64::NAN,
            float: 1.5,
            big: u128::MAX,
            neg: i64::MIN,
            flag: true,
            empty: vec![],
            enums: vec![
                E::Unit,
                E::New(7),
                E::Tuple(-1, "x".into()),
                E::Struct {
                    a: vec![1, 2],
                    b: Some(0.1),
                },
                E::EmptyTuple(),
                E::EmptyStruct {},
            ],
            map: [(1, 'a'), (20, '"')].into_iter().collect(),
            unit: (),
            tuple: (3, "y"),
            bytes: b"ab",
        });
        same(&BTreeMap::<String, Vec<u8>>::new());
        same(&BTreeMap::from([(true, 1), (false, 2)]));
    }

    #[test]
    fn struct_keys_are_written_as_serde_json_writes_them() {
        // field names as one piece; a name that needs an escape the general way
        #[derive(Serialize)]
        struct Fields {
            first: u8,
            #[serde(rename = "a \"quoted\"\tkey")]
            quoted: Option<&'static str>,
            empty: Vec<u8>,
            #[serde(rename = "")]
            nameless: (),
        }
        let v = vec![
            Fields {
                first: 1,
                quoted: Some("x"),
                empty: vec![],
                nameless: (),
            },
            Fields {
                first: 2,
                quoted: None,
                empty: vec![3],
                nameless: (),
            },
        ];
        let mut compact = Vec::new();
        write(&mut compact, &v).unwrap();
        assert_eq!(compact, serde_json::to_vec(&v).unwrap());
        let mut pretty = Vec::new();
        write_pretty(&mut pretty, &v).unwrap();
        assert_eq!(pretty, serde_json::to_vec_pretty(&v).unwrap());
    }

    #[test]
    fn a_key_that_is_not_a_string_is_an_error() {
        let v = BTreeMap::from([(vec![1u8], 1)]);
        assert!(serde_json::to_string(&v).is_err());
        let e = to_writer(Vec::new(), &v).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData);
        assert!(e.to_string().contains("key must be a string"), "{e}");
        // what was written before the value stays, and nothing of it
        let mut out = b"[1,".to_vec();
        assert!(write(&mut out, &(BTreeMap::from([(1, 2)]), v)).is_err());
        assert_eq!(out, b"[1,");
        write_pretty(&mut out, &1).unwrap();
        assert_eq!(out, b"[1,1");
    }

    #[test]
    fn a_large_value_goes_to_the_writer_in_pieces() {
        struct Pieces(Vec<usize>, Vec<u8>);
        impl io::Write for Pieces {
            fn write(&mut self, b: &[u8]) -> io::Result<usize> {
                self.0.push(b.len());
                self.1.extend_from_slice(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let v: Vec<String> = (0..20_000).map(|i| format!("item {i}")).collect();
        let mut w = Pieces(Vec::new(), Vec::new());
        to_writer_pretty(&mut w, &v).unwrap();
        assert_eq!(w.1, serde_json::to_vec_pretty(&v).unwrap());
        assert!(w.0.len() > 5, "{:?}", w.0);
        assert!(w.0.iter().all(|&n| n < PIECE + 64), "{:?}", w.0);
    }

    #[test]
    fn a_writer_error_is_returned() {
        struct Full;
        impl io::Write for Full {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::StorageFull, "full"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let e = to_writer(Full, &"x").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::StorageFull);
    }

    /// A struct whose field names are given at run time (leaked: a field
    /// name is `&'static str`).
    struct Fields(Vec<(&'static str, u32)>);

    impl Serialize for Fields {
        fn serialize<S: ser::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            use serde::ser::SerializeStruct;
            let mut st = s.serialize_struct("Fields", self.0.len())?;
            for (k, v) in &self.0 {
                st.serialize_field(k, v)?;
            }
            st.end()
        }
    }

    fn fields(keys: &[String]) -> Fields {
        Fields(
            keys.iter()
                .enumerate()
                .map(|(i, k)| (&*Box::leak(k.clone().into_boxed_str()), i as u32))
                .collect(),
        )
    }

    /// Field names of every length up to 40 (the word and block tests of
    /// `has_escape`), with and without a byte to escape at every place: as
    /// serde_json writes them.
    #[test]
    fn field_names_of_every_length() {
        for n in 0..=40 {
            let plain: String = (0..n).map(|i| (b'a' + (i % 26) as u8) as char).collect();
            same(&fields(std::slice::from_ref(&plain)));
            same(&fields(&[plain.clone(), plain.clone(), plain.clone()]));
            for at in 0..n {
                for e in ['"', '\\', '\n', '\u{1}'] {
                    let mut k: Vec<char> = plain.chars().collect();
                    k[at] = e;
                    let k: String = k.into_iter().collect();
                    same(&fields(&[plain.clone(), k]));
                }
            }
        }
    }

    proptest! {
        #[test]
        fn field_names_are_written_as_serde_json_writes_them(
            keys in proptest::collection::vec("[a-z_\"\\\\\u{1}\u{1f}é ]{0,36}", 0..4)
        ) {
            same(&fields(&keys));
        }

        // strings of every length around the 32-byte blocks, with bytes that
        // are escaped at any place, and characters of several bytes
        #[test]
        fn strings_are_escaped_as_serde_json_escapes_them(
            s in proptest::collection::vec(
                prop_oneof![
                    Just('a'), Just('"'), Just('\\'), Just('\n'), Just('\u{0}'),
                    Just('\u{1f}'), Just(' '), Just('é'), Just('中'), Just('🎉'),
                    any::<char>(),
                ],
                0..100,
            ).prop_map(|v| v.into_iter().collect::<String>())
        ) {
            same(&s);
            same(&vec![s.clone(), s]);
        }
    }
}
