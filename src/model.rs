//! The canonical document: serde types for the contract
//! (`canonical-json-v1`, see `docs/canonical-json-v1.md`).
//!
//! Field order in these structs is the key order of the JSON output, so it is
//! part of the contract. Every list is in document order; no field is a hash
//! map, so the output is deterministic. Fields the text does not contain are
//! `null` or `[]`, never an empty string.

use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Version of the output contract written into every document.
pub const SCHEMA_VERSION: u32 = 1;

/// A range of lines of the ORIGINAL input file, 1-based and inclusive.
#[derive(
    Serialize,
    Deserialize,
    JsonSchema,
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
)]
pub struct Span {
    pub start_line: u32,
    pub end_line: u32,
}

impl Span {
    pub fn new(start_line: u32, end_line: u32) -> Span {
        Span {
            start_line: start_line.min(end_line),
            end_line: end_line.max(start_line),
        }
    }

    pub fn line(n: u32) -> Span {
        Span::new(n, n)
    }

    /// The smallest span that covers both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(
            self.start_line.min(other.start_line),
            self.end_line.max(other.end_line),
        )
    }

    pub fn contains(self, line: u32) -> bool {
        self.start_line <= line && line <= self.end_line
    }
}

/// One parsed input file.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct Document {
    /// Always 1 for this contract.
    pub schema_version: u32,
    pub source: Source,
    /// Indicator kinds the document contains, sorted and unique.
    pub jenis: Vec<Jenis>,
    pub instansi: Option<Instansi>,
    /// Title of the indicator part.
    pub judul: Option<String>,
    pub periode: Option<Periode>,
    pub keputusan: Option<Keputusan>,
    pub lampiran: Vec<Lampiran>,
    /// Agency-level duties stated outside any position block.
    pub tugas_pokok: Vec<Butir>,
    /// Agency-level functions stated outside any position block.
    pub fungsi: Vec<Butir>,
    pub jabatan: Vec<Jabatan>,
    /// Indicator rows of tables that belong to no position block.
    pub indikator: Vec<Indikator>,
    /// Signature blocks that belong neither to the decree body nor to one position.
    pub penandatangan: Vec<Penandatangan>,
    pub diagnostics: Vec<Diagnostic>,
    pub coverage: Coverage,
}

/// Which file a document came from.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct Source {
    /// The path as given (relative stays relative); `-` for standard input.
    pub path: String,
    /// SHA-256 of the input bytes, lowercase hex.
    pub sha256: String,
    pub bytes: u64,
    pub lines: u32,
    /// `utf-8`, `utf-16le`, `utf-16be` or `windows-1252`.
    pub encoding: String,
}

/// Indicator kind: Individu, Utama, Kegiatan.
#[derive(
    Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
pub enum Jenis {
    #[serde(rename = "IKI")]
    Iki,
    #[serde(rename = "IKK")]
    Ikk,
    #[serde(rename = "IKU")]
    Iku,
}

impl Jenis {
    pub fn as_str(self) -> &'static str {
        match self {
            Jenis::Iki => "IKI",
            Jenis::Ikk => "IKK",
            Jenis::Iku => "IKU",
        }
    }
}

/// The agency a document belongs to.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Default)]
pub struct Instansi {
    pub nama: Option<String>,
    pub pemerintah: Option<String>,
    pub wilayah: Option<Wilayah>,
    pub alamat: Option<String>,
    pub telepon: Vec<String>,
    pub faks: Vec<String>,
    pub laman: Option<String>,
    pub email: Option<String>,
    pub kota: Option<String>,
    pub kode_pos: Option<String>,
    /// The letterhead lines; `null` when the agency was read from titles or signatures.
    pub span: Option<Span>,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Wilayah {
    pub tingkat: Tingkat,
    pub nama: String,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Tingkat {
    Provinsi,
    Kabupaten,
    Kota,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Periode {
    pub mulai: i32,
    pub selesai: i32,
}

/// The decree body.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Default)]
pub struct Keputusan {
    pub pejabat: Option<String>,
    pub nomor: Option<String>,
    pub tahun: Option<i32>,
    pub tentang: Option<String>,
    pub menimbang: Vec<Butir>,
    pub mengingat: Vec<Butir>,
    pub memperhatikan: Vec<Butir>,
    pub diktum: Vec<Diktum>,
    pub ditetapkan: Option<Ditetapkan>,
    pub penandatangan: Option<Penandatangan>,
    pub tembusan: Vec<String>,
    pub span: Span,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct Diktum {
    /// The ordinal word as canonical upper case: `KESATU`, `PERTAMA`, …
    pub label: String,
    pub urutan: u32,
    pub teks: Option<String>,
    pub butir: Vec<Butir>,
    pub span: Span,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct Ditetapkan {
    pub tempat: Option<String>,
    /// ISO 8601 date, `null` when the text gives no valid date.
    pub tanggal: Option<String>,
    pub tanggal_teks: Option<String>,
    pub span: Span,
}

/// An attachment header.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct Lampiran {
    pub label: Option<String>,
    pub nomor: Option<String>,
    pub tahun: Option<i32>,
    pub tentang: Option<String>,
    pub span: Span,
}

/// A list item.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct Butir {
    /// The item label as written without its punctuation (`a`, `1`), `null` for an unlabelled paragraph.
    pub label: Option<String>,
    pub teks: String,
    pub rujukan: Vec<Rujukan>,
    pub span: Span,
}

/// One position block.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct Jabatan {
    pub nama: String,
    pub tugas: Vec<Butir>,
    pub fungsi: Vec<Butir>,
    pub indikator: Vec<Indikator>,
    pub penandatangan: Option<Penandatangan>,
    pub span: Span,
}

/// One indicator (one table row, or one item of a cell that lists several).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct Indikator {
    pub no: Option<String>,
    pub tujuan: Option<String>,
    pub sasaran: Option<String>,
    pub indikator: String,
    pub formulasi: Option<Formulasi>,
    pub sumber_data: Option<String>,
    pub target: Option<Target>,
    pub penanggung_jawab: Vec<String>,
    pub bidang_urusan: Option<String>,
    pub keterangan: Option<String>,
    pub rujukan: Vec<Rujukan>,
    /// Every cell of the row under its header as written (cleaned).
    pub kolom: Kolom,
    pub span: Span,
}

/// The cells of a row in header order, serialized as a JSON object. The
/// header names are shared by all the rows of a table.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Kolom(pub Vec<(Arc<str>, String)>);

impl Serialize for Kolom {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(&**k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Kolom {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Kolom;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of header to cell text")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Kolom, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = a.next_entry::<String, String>()? {
                    out.push((Arc::from(k), v));
                }
                Ok(Kolom(out))
            }
        }
        deserializer.deserialize_map(V)
    }
}

impl JsonSchema for Kolom {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Kolom".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Every cell of the row under its header as written (cleaned), in column order.",
            "type": "object",
            "additionalProperties": { "type": "string" }
        })
    }
}

/// A calculation formula.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct Formulasi {
    /// Clean plain text, fractions written `A / B × 100%`.
    pub teks: String,
    pub bentuk: Bentuk,
    pub pembilang: Option<String>,
    pub penyebut: Option<String>,
    pub pengali: Option<f64>,
    pub satuan: Option<String>,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Bentuk {
    Rasio,
    Jumlah,
    Teks,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct Target {
    pub teks: String,
    pub nilai: Option<f64>,
    pub satuan: Option<String>,
    pub tahun: Option<i32>,
}

/// A signature block.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Default)]
pub struct Penandatangan {
    pub jabatan: Option<String>,
    pub nama: Option<String>,
    pub nama_lengkap: Option<String>,
    pub gelar_depan: Vec<String>,
    pub gelar_belakang: Vec<String>,
    pub pangkat: Option<String>,
    pub golongan: Option<String>,
    pub nip: Option<Nip>,
    pub span: Span,
}

/// An Indonesian civil-servant number.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Default)]
pub struct Nip {
    pub teks: String,
    pub nilai: Option<String>,
    pub valid: bool,
    pub tanggal_lahir: Option<String>,
    pub tmt_cpns: Option<String>,
    pub jenis_kelamin: Option<String>,
    pub nomor_urut: Option<String>,
}

/// A citation of a regulation.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Default)]
pub struct Rujukan {
    pub teks: String,
    pub jenis: Option<String>,
    pub penerbit: Option<String>,
    pub nomor: Option<String>,
    pub tahun: Option<i32>,
    pub tentang: Option<String>,
    pub lembaran: Vec<Lembaran>,
}

/// A gazette reference.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct Lembaran {
    pub jenis: String,
    pub tahun: Option<i32>,
    pub nomor: Option<String>,
}

#[derive(
    Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Something the parser noticed.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable kebab-case identifier, documented in `DIAGNOSTICS.md`.
    pub code: String,
    pub message: String,
    pub span: Option<Span>,
}

/// Line accounting: `lines = blank + classified + unclassified.len()`.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Default)]
pub struct Coverage {
    pub lines: u32,
    pub blank: u32,
    pub classified: u32,
    pub unclassified: Vec<Unclassified>,
    /// Classified lines that carry no value of their own (section titles, table
    /// headers, page numbers, decree headings such as `MEMUTUSKAN`), so that
    /// every classified line is either inside a span of the structure or here.
    pub furniture: Vec<Furniture>,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct Unclassified {
    pub line: u32,
    pub teks: String,
}

#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
pub struct Furniture {
    pub kind: FurnitureKind,
    pub span: Span,
}

#[derive(
    Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord,
)]
#[serde(rename_all = "kebab-case")]
pub enum FurnitureKind {
    /// The document title (`judul`) and its period.
    Title,
    /// A section heading such as `INDIKATOR KINERJA INDIVIDU`.
    SectionTitle,
    /// A table header row or its markdown separator line.
    TableHeader,
    /// A row with only a sasaran or tujuan: its value is carried to the rows below.
    TableGroupRow,
    /// A separator or empty filler row inside a table body.
    TableFiller,
    /// A heading or label whose value is elsewhere: `MEMUTUSKAN`, `Menetapkan`,
    /// `DENGAN RAHMAT …`, the repeated official title, an agency-level `Tugas :` label.
    Heading,
    /// A running page header, footer or page number.
    Page,
}
