//! Diagnostics: what the parser noticed, with stable codes.
//!
//! Every code the crate can raise is listed in [`CATALOGUE`] with its
//! severity, an example and what the user should do; `DIAGNOSTICS.md` is
//! generated from it and a test keeps the two in sync
//! (`cargo test diagnostics_catalogue`; regenerate with
//! `KINERJA_BLESS=1 cargo test --test catalogue`).

use crate::model::{Diagnostic, Severity, Span};

macro_rules! codes {
    ($( $variant:ident = $code:literal, $sev:ident, $summary:literal, $example:literal, $action:literal; )*) => {
        /// A diagnostic code. The string form is stable: tools key on it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $( $variant, )* }

        /// Everything known about one code.
        #[derive(Debug)]
        pub struct CodeInfo {
            pub code: Code,
            pub name: &'static str,
            pub severity: Severity,
            pub summary: &'static str,
            pub example: &'static str,
            pub action: &'static str,
        }

        /// The catalogue of all codes, in documentation order.
        pub const CATALOGUE: &[CodeInfo] = &[
            $( CodeInfo { code: Code::$variant, name: $code, severity: Severity::$sev,
                          summary: $summary, example: $example, action: $action }, )*
        ];

        impl Code {
            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $code, )* }
            }
            pub fn severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$sev, )* }
            }
        }
    };
}

codes! {
    // --- reading -------------------------------------------------------------
    EncodingWindows1252 = "encoding-windows-1252", Warning,
        "The input is not valid UTF-8; it was decoded as Windows-1252.",
        "a Latin-1 export with `Pebruari` written as bytes 0x50 0x65 …",
        "Check accented characters in the output; re-export the text as UTF-8 if you can.";
    EncodingUtf16 = "encoding-utf16", Info,
        "The input starts with a UTF-16 byte-order mark and was decoded as UTF-16.",
        "a file saved as `Unicode` by a Windows editor",
        "Nothing; noted so the encoding in `source.encoding` is explained.";
    BinaryInput = "binary-input", Error,
        "The input holds NUL bytes: it is not a text file.",
        "a PDF or a Word document renamed to `.txt`",
        "Convert the file to text first (pdftotext, OCR); the CLI skips such files.";
    EmptyInput = "empty-input", Warning,
        "The input has no non-blank line.",
        "a zero-byte file from an interrupted export",
        "Re-export the document.";
    ControlCharacters = "control-characters", Info,
        "Control characters other than tab, line breaks and form feeds were replaced by spaces.",
        "a vertical tab (`\\x0B`) or an escape (`\\x1B`) left by an export tool",
        "Nothing; the lines keep their numbers.";
    // --- layout --------------------------------------------------------------
    LayoutLetterSpacing = "layout-letter-spacing", Info,
        "Letter-spaced text was closed up into words.",
        "`T E N T A N G` read as `TENTANG`",
        "Nothing; noted because the text was changed.";
    LayoutLineSplit = "layout-line-split", Info,
        "A line holding several parts (decree sections, list items) was split at their labels.",
        "`MEMUTUSKAN : Menetapkan : KESATU` read as three lines",
        "Check that the parts were cut where the labels are.";
    LayoutPageFurniture = "layout-page-furniture", Info,
        "Page numbers or running headers and footers were set aside (as `page` furniture).",
        "`- 3 -` between two items of a list",
        "Nothing; the lines are listed in `coverage.furniture`.";
    LayoutDoubledGlyphs = "layout-doubled-glyphs", Info,
        "Glyphs printed twice by fake bold were undoubled.",
        "`KKEEPPUUTTUUSSAANN` read as `KEPUTUSAN`",
        "Nothing; noted because the text was changed.";
    LayoutGlyphs = "layout-glyphs", Info,
        "Symbol-font bullets, mathematical or fullwidth letters were mapped to plain text.",
        "`\u{F0B7}` as a bullet, `𝐊𝐄𝐏𝐔𝐓𝐔𝐒𝐀𝐍` as `KEPUTUSAN`",
        "Nothing; noted because the text was changed.";
    LayoutDoubleSpacing = "layout-double-spacing", Info,
        "The text is double-spaced (a blank line after every line); those blank lines were removed.",
        "every line of a site transcript followed by an empty line",
        "Nothing; paragraphs are told apart by their labels.";
    LayoutLinesJoined = "layout-lines-joined", Info,
        "The text is hard-wrapped; wrapped lines were re-joined into paragraphs (hyphenated words closed up).",
        "`… mengukur kinerja di lingkungan` + `Badan Kepegawaian …`",
        "Check values whose span covers several lines.";
    LayoutLabelMoved = "layout-label-moved", Info,
        "A section label that stood after its content was read as the heading of that content.",
        "`a. Bahwa …` `b. Bahwa …` then `Menimbang` `:` then `Mengingat`",
        "Check that the items belong to the label.";
    // --- structure -----------------------------------------------------------
    OcrWordRepaired = "ocr-word-repaired", Info,
        "A structural word (or a year after `TAHUN`) damaged by OCR was repaired in the first word of a line or in a short line in capitals; prose is left as written.",
        "`I(EPUTUSAN KEPALA DINAS` → `KEPUTUSAN KEPALA DINAS`, `TAHUN z0l4` → `TAHUN 2014`",
        "Check the word in the source; the repaired words are listed in `grammars/words.toml` (`ocr_vocabulary`).";
    OcrHeadingRepaired = "ocr-heading-repaired", Info,
        "A heading was recognised despite OCR damage.",
        "`NDIKATOR KINERJA INDIVIDU (IKI)` read as `INDIKATOR KINERJA INDIVIDU (IKI)`",
        "Check the heading in the source; the output keeps the source text where it is a value.";
    ListLabelSequence = "list-label-sequence", Info,
        "List labels repeat or skip (`a, b, c, d, c`); every item is kept with its label as written.",
        "`- d. Pelaksanaan administrasi …` followed by `- c. Pelaksanaan fungsi lain …`",
        "Check the list against the scan; the item count follows the text, not the labels.";
    PositionNameMissing = "position-name-missing", Warning,
        "A `Jabatan` label has no position name after it.",
        "`1. JABATAN :` followed directly by `2. TUGAS :`",
        "Fill the position name in by hand; the block is kept with the name `?`.";
    TableRowShort = "table-row-short", Warning,
        "A table row has fewer cells than its header; its cells were aligned by a guess.",
        "a row of 3 tab-separated cells under a 5-column header",
        "Check the row's cells against the source columns (`kolom` shows the alignment used).";
    TableRowLong = "table-row-long", Warning,
        "A table row has more cells than its header; the extra cells were joined into the last column.",
        "`1.\\tA\\tB\\tC\\tD\\tE\\tF` under a 5-column header",
        "Check the last column of the row.";
    TableGroupRows = "table-group-rows", Info,
        "A table gives its first column (the sasaran) in rows of its own; the rows below were aligned one column to the right.",
        "`| Terwujudnya masyarakat yang tangguh bencana | |||||||` then `| Persentase pembentukan desa … | % | … |`",
        "Nothing; check a few rows of the table.";
    TableUnknownColumn = "table-unknown-column", Info,
        "A table header names a column with no known role; its cells are kept in `kolom` only.",
        "`SATUAN` or `ALASAN` in a header",
        "Nothing, or add the header to `grammars/columns.toml` if it has a role.";
    TableWithoutHeader = "table-without-header", Warning,
        "Table rows were found without a recognisable header; they are not read as indicators.",
        "tab-separated lines with no `INDIKATOR …` header above them",
        "Check the source: the header may be missing or damaged beyond recognition.";
    TableUnrecoverable = "table-unrecoverable", Warning,
        "A table's cells cannot be told apart (header cells one per line, rows run together, columns printed one after another); its lines are kept as unclassified.",
        "`SASARAN/KINERJA UTAMA` / `INDIKATOR KINERJA UTAMA` / `PENJELASAN …` each on its own line, then the rows' words",
        "Re-convert the document with a layout-preserving converter, or enter the indicators by hand from `coverage.unclassified`.";
    TableCellLabels = "table-cell-labels", Info,
        "A cell opens with a label of its own and holds further labels (`Formulasi Perhitungan : … Sumber Data : …`); it was split at them, each part giving its role's value and a `kolom` entry under its label.",
        "`Formulasi Perhitungan : Jumlah Keluarga Sehat / Jumlah Keluarga x 100% Tipe Perhitungan : Non Kumulatif Sumber Data : Profil Kesehatan`",
        "Check the parts against the source; the labels are listed in `grammars/columns.toml` (`cell_label`).";
    TableCellsReread = "table-cells-reread", Warning,
        "A row's formula cell holds only a unit and its data-source cell only a value: they were read as the row's target.",
        "`- Nilai Akuntabilitas Kinerja | Predikat | A` under `… | PENJELASAN/FORMULASI | SUMBER DATA`",
        "Check the row: the table may lack its target column header.";
    IndicatorMissing = "indicator-missing", Warning,
        "A table row has no indicator text; the row is kept with the other cells.",
        "a row whose `INDIKATOR KINERJA` cell is empty",
        "Fill the indicator in by hand or check whether the row continues the one above.";
    // --- decree --------------------------------------------------------------
    DecreeNumberJoined = "decree-number-joined", Info,
        "A decree number split over two lines was joined.",
        "`NOMOR : 188/` and `/KEP/429.115/2016 TENTANG` → `188/ /KEP/429.115/2016`",
        "Check the number against the scan.";
    DecreeNumberBlank = "decree-number-blank", Info,
        "A `Nomor` is written with its number left blank (a form filled in by hand, or a draft); `nomor` is `null`.",
        "`Nomor : Tahun 2024` under `Lampiran Keputusan Kepala Dinas …`",
        "Fill the number in from the signed original if it matters; the year is still read.";
    DecreeYearFromNumber = "decree-year-from-number", Info,
        "The decree year was taken from the number because no `TAHUN` is written.",
        "`NOMOR : 188/ /KEP/429.115/2016` → tahun 2016",
        "Nothing; noted because the year is derived.";
    // --- values --------------------------------------------------------------
    NipInvalid = "nip-invalid", Warning,
        "A civil-servant number (NIP) is not a valid 18-digit NIP; the message says why.",
        "`NIP. 19641308 198503 1 014` (birth month 13)",
        "Check the NIP against the scan or the personnel register.";
    NipConflict = "nip-conflict", Warning,
        "The same person appears with two different NIPs in one document.",
        "`Nip.19650223 199603 1007` and `Nip.19650223 199303 1007` for Abang Chairul Saleh",
        "Find out which NIP is right; at most one is.";
    RankCorrected = "rank-corrected", Info,
        "A misspelled civil-service rank was corrected to the only rank it can be.",
        "`Pembina Utam Muda` → `Pembina Utama Muda`",
        "Check the rank; the source spelling is in the message.";
    RankUnknown = "rank-unknown", Warning,
        "A rank line matches no civil-service rank; it is kept as written.",
        "`Penata Muda Utama Tk. III`",
        "Check the rank against `grammars/ranks.toml`.";
    DateInvalid = "date-invalid", Warning,
        "A date could not be read or is impossible; its ISO form is `null`.",
        "`31 Pebruari 2018`",
        "Check the date against the scan.";
    FormulaBarRestored = "formula-bar-restored", Info,
        "A fraction whose bar was lost in conversion was read as a ratio.",
        "`Jumlah pasar yang di bangun. x 100 % Jumlah pasar Pemda`",
        "Check the numerator and denominator against the scan.";
    FormulaBarSuspected = "formula-bar-suspected", Info,
        "A formula reads like a fraction whose bar was lost (two quantities one after the other) but nothing such as `× 100` confirms it; it is kept as text.",
        "`Jumlah Koperasi yang melaksanakan RAT. Jumlah Koperasi Aktif`",
        "Check the scan: if it is a fraction, the first quantity is the numerator.";
    FormulaPlaceholder = "formula-placeholder", Info,
        "A fraction's numerator was a placeholder (`…..`); the text before the fraction was used instead.",
        "`Jumlah ASN yang mengikuti bimtek, \\frac{\\text{.....}}{\\text{Jumlah ASN}}`",
        "Check the numerator against the scan.";
    // --- internal ------------------------------------------------------------
    InternalError = "internal-error", Error,
        "The parser failed on this document (a bug); nothing of it could be extracted.",
        "a panic caught while parsing one file of a batch",
        "Report the file to the kinerja maintainers; the rest of the batch is unaffected.";
}

impl Code {
    pub fn info(self) -> &'static CodeInfo {
        CATALOGUE
            .iter()
            .find(|c| c.code == self)
            .expect("every code is in the catalogue")
    }
}

/// Collects diagnostics during one parse.
#[derive(Default, Debug)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, code: Code, message: impl Into<String>, span: Option<Span>) {
        self.items.push(Diagnostic {
            severity: code.severity(),
            code: code.as_str().to_string(),
            message: message.into(),
            span,
        });
    }

    pub fn at(&mut self, code: Code, span: Span, message: impl Into<String>) {
        self.push(code, message, Some(span));
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The diagnostics in line order (stable for equal lines), duplicates removed.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        self.items
            .sort_by_key(|d| d.span.map(|s| (s.start_line, s.end_line)).unwrap_or((0, 0)));
        self.items.dedup();
        self.items
    }
}

/// The catalogue rendered as Markdown (the content of `DIAGNOSTICS.md`).
pub fn catalogue_markdown() -> String {
    let mut out = String::new();
    out.push_str("# Diagnostics catalogue\n\n");
    out.push_str(
        "Generated from `src/diagnostics.rs` (`KINERJA_BLESS=1 cargo test --test catalogue`); \
         a test fails when the two differ.\n\n\
         Every diagnostic in the output has `severity`, `code`, `message` and `span` (the original \
         lines, or `null` for the whole file). Codes are stable: they are never renamed within \
         schema version 1. Severity `error` means part of the document could not be read; the CLI \
         exits with 1 when any document has one (or at the level set by `--fail-on`).\n\n",
    );
    out.push_str("| code | severity | meaning | example | what to do |\n|---|---|---|---|---|\n");
    for c in CATALOGUE {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            c.name,
            c.severity.as_str(),
            c.summary,
            c.example.replace('|', "\\|"),
            c.action
        ));
    }
    out
}
