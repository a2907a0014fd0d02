//! Value parsers: text of one value → typed value, with diagnostics.
//!
//! Each parser is total (never panics, never fails on any input) and is
//! written with nom. They are called by the table, signature and decree
//! parsers on cleaned or raw cell text.

pub mod formula;
pub mod nama;
pub mod nip;
pub mod pangkat;
pub mod rujukan;
pub mod tanggal;
pub mod target;
