//! Per-stage benchmarks on each corpus document, and end to end.
//!
//! ```sh
//! cargo bench --bench stages
//! ```
//!
//! Stages: `normalize` (decode, normalize and classify every line), `layout`,
//! `blocks` (the document grammar), `assemble` (tables, values, coverage),
//! `values` (the value parsers alone, on the corpus's values), `serialize`
//! (canonical JSON), and `parse` (all of it). Throughput is in input bytes.

use divan::{Bencher, black_box, counter::BytesCount};
use kinerja::diagnostics::Diagnostics;
use kinerja::lines::Line;

fn main() {
    divan::main();
}

const DOCS: &[&str] = &[
    "banggai_diskopukm_iki",
    "barito-kuala_diskoperindag_ikk",
    "kalbar_diskopukm_iku_2024",
    "kapuas-hulu_diskukmp_iki_2018",
    "sampang_diskoperindag_iki_2019-2024",
];

fn source(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/corpus/{name}.txt", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn normalized(text: &str) -> Vec<Line<'_>> {
    kinerja::decode::split_lines(text)
        .enumerate()
        .map(|(i, l)| {
            Line::new(
                i as u32 + 1,
                i as u32 + 1,
                kinerja::normalize::normalize_line(l),
            )
        })
        .collect()
}

#[divan::bench(args = DOCS)]
fn normalize(b: Bencher, name: &str) {
    let bytes = source(name);
    b.counter(BytesCount::of_slice(&bytes)).bench(|| {
        let mut d = Diagnostics::default();
        let text = kinerja::decode::decode(black_box(&bytes), &mut d).text;
        let lines = normalized(&text);
        black_box(lines.len())
    });
}

#[divan::bench(args = DOCS)]
fn layout(b: Bencher, name: &str) {
    let bytes = source(name);
    let text = String::from_utf8(bytes.clone()).unwrap();
    b.counter(BytesCount::of_slice(&bytes))
        .with_inputs(|| normalized(&text))
        .bench_values(|lines| {
            kinerja::layout::recover(lines, &[], &mut Diagnostics::default())
                .lines
                .len()
        });
}

#[divan::bench(args = DOCS)]
fn blocks(b: Bencher, name: &str) {
    let bytes = source(name);
    let text = String::from_utf8(bytes.clone()).unwrap();
    let lines = kinerja::layout::recover(normalized(&text), &[], &mut Diagnostics::default()).lines;
    b.counter(BytesCount::of_slice(&bytes))
        .bench(|| kinerja::blocks::parse(black_box(&lines), &mut Diagnostics::default()).len());
}

#[divan::bench(args = DOCS)]
fn assemble(b: Bencher, name: &str) {
    let bytes = source(name);
    let text = String::from_utf8(bytes.clone()).unwrap();
    let lines = kinerja::layout::recover(normalized(&text), &[], &mut Diagnostics::default()).lines;
    let n = text.lines().count() + 1;
    b.counter(BytesCount::of_slice(&bytes))
        .with_inputs(|| kinerja::blocks::parse(&lines, &mut Diagnostics::default()))
        .bench_values(|blocks| {
            let mut claims = kinerja::coverage::Claims::new(n);
            kinerja::assemble::assemble(blocks, &lines, &mut claims, &mut Diagnostics::default())
                .jabatan
                .len()
        });
}

#[divan::bench(args = DOCS)]
fn serialize(b: Bencher, name: &str) {
    let bytes = source(name);
    let doc = kinerja::parse(&bytes, name);
    b.counter(BytesCount::of_slice(&bytes))
        .bench(|| kinerja::json::to_vec(black_box(&doc)).unwrap().len());
}

/// The same with `serde_json`, whose bytes `kinerja::json` writes faster.
#[divan::bench(args = DOCS)]
fn serialize_serde_json(b: Bencher, name: &str) {
    let bytes = source(name);
    let doc = kinerja::parse(&bytes, name);
    b.counter(BytesCount::of_slice(&bytes))
        .bench(|| serde_json::to_vec(black_box(&doc)).unwrap().len());
}

#[divan::bench(args = DOCS)]
fn parse(b: Bencher, name: &str) {
    let bytes = source(name);
    b.counter(BytesCount::of_slice(&bytes))
        .bench(|| kinerja::parse(black_box(&bytes), name).jabatan.len());
}

/// The value parsers alone, on every formula cell, NIP, date and citation text of the corpus.
#[divan::bench]
fn values(b: Bencher) {
    let mut formulas = Vec::new();
    let mut nips = Vec::new();
    let mut citations = Vec::new();
    for name in DOCS {
        let doc = kinerja::parse(&source(name), name);
        for j in &doc.jabatan {
            formulas.extend(
                j.indikator
                    .iter()
                    .filter_map(|i| i.formulasi.as_ref().map(|f| f.teks.clone())),
            );
            nips.extend(
                j.penandatangan
                    .iter()
                    .filter_map(|p| p.nip.as_ref().map(|n| n.teks.clone())),
            );
        }
        formulas.extend(
            doc.indikator
                .iter()
                .filter_map(|i| i.formulasi.as_ref().map(|f| f.teks.clone())),
        );
        if let Some(k) = &doc.keputusan {
            citations.extend(
                k.mengingat
                    .iter()
                    .chain(&k.menimbang)
                    .map(|b| b.teks.clone()),
            );
        }
    }
    let span = kinerja::model::Span::line(1);
    let bytes: usize = formulas
        .iter()
        .chain(&nips)
        .chain(&citations)
        .map(String::len)
        .sum();
    b.counter(BytesCount::new(bytes)).bench(|| {
        let mut d = Diagnostics::default();
        let mut n = 0;
        for f in &formulas {
            n += kinerja::values::formula::parse(f, span, &mut d).is_some() as usize;
        }
        for x in &nips {
            n += kinerja::values::nip::parse(x, span, &mut d).valid as usize;
        }
        for c in &citations {
            n += kinerja::values::rujukan::find_all(c).len();
        }
        black_box(n)
    });
}

/// Pathological inputs at doubling sizes: when the cost is linear the
/// throughput (MB/s) stays the same from one size to the next.
/// `KIND × SCALE`: `SCALE` = 1, 2, 4, 8 units of the input.
const SCALES: &[usize] = &[1, 2, 4, 8];

fn pathological_input(kind: &str, scale: usize) -> String {
    match kind {
        // one line of 325 kB × scale with list markers and clauses
        "huge_line" => "Jumlah a. b; ".repeat(25_000 * scale),
        // section labels and items collapsed onto one line
        "labels_line" => "x - 2 Tugas : a. bahwa x; - b. NIP. 1 ".repeat(5_000 * scale),
        // HTML lists nested deeper and deeper in one cell
        "nested_lists" => format!(
            "{}x{}",
            "<ul><li>".repeat(1_000 * scale),
            "</li></ul>".repeat(1_000 * scale)
        ),
        // one considered regulation hard-wrapped over 2,000 × scale lines: the
        // layout re-joins them into one paragraph, and the decree reads it as
        // one item
        "wrapped_paragraph" => considered_over(
            "sebagaimana telah diubah beberapa kali terakhir dengan Undang-Undang Nomor 9 Tahun 2015",
            2_000 * scale,
        ),
        // the same regulation continued over 2,000 × scale lines that each end
        // a sentence: no hard wrap, so the decree joins them to its item
        "continued_item" => considered_over(
            "sebagaimana telah diubah dengan Undang-Undang Nomor 9 Tahun 2015.",
            2_000 * scale,
        ),
        // lines that each may open a block that the lines after them do not
        // complete (an agency with no government or contact line, column
        // headers with no indicator, a heading), repeated 500 × scale times
        "repeated_lines" => "DINAS KOPERASI, USAHA KECIL DAN MENENGAH\nNOMOR : 17 TAHUN 2024\nSASARAN/KINERJA UTAMA\nINDIKATOR KINERJA INDIVIDU\n"
            .repeat(500 * scale),
        // 1,000 × scale position blocks, each with its table and signature
        _ => {
            let mut s = String::new();
            for i in 0..1_000 * scale {
                s.push_str(&format!(
                    "INDIKATOR KINERJA INDIVIDU\n\n1. JABATAN : Kepala Seksi {i}\n2. TUGAS : Membantu\n3. FUNGSI : -\n\nSASARAN\tINDIKATOR KINERJA\tFORMULASI\tSUMBER DATA\nS {i}\tI {i}\tJumlah A / Jumlah B x 100%\tData\n\nKEPALA SEKSI {i}\n\nNAMA {i}, S.Sos\nNIP. 19650223 199603 1 007\n\n"
                ));
            }
            s
        }
    }
}

/// A decree whose one considered regulation goes on over `n` lines of `line`.
fn considered_over(line: &str, n: usize) -> String {
    let mut s = String::from(
        "KEPUTUSAN KEPALA DINAS KESEHATAN\nNOMOR 1 TAHUN 2020\nTENTANG\nINDIKATOR KINERJA UTAMA\n\nMengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah\n",
    );
    for _ in 0..n {
        s.push_str(line);
        s.push('\n');
    }
    s.push_str("MEMUTUSKAN:\n");
    s
}

#[divan::bench(consts = SCALES, args = ["huge_line", "labels_line", "nested_lists", "wrapped_paragraph", "continued_item", "repeated_lines", "positions"], sample_count = 10)]
fn pathological<const SCALE: usize>(b: Bencher, kind: &str) {
    let input = pathological_input(kind, SCALE);
    b.counter(BytesCount::of_str(&input)).bench(|| {
        kinerja::parse(black_box(input.as_bytes()), "x.txt")
            .coverage
            .lines
    });
}
