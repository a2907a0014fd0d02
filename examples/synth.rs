//! A deterministic synthetic archive for benchmarks, built from `corpus/`.
//!
//! ```sh
//! cargo run --release --example synth -- --n 10000 --out /tmp/archive [--seed 42]
//! ```
//!
//! Each corpus document is cut into its real parts, with their layouts: the
//! decree head (letterhead … lampiran header), position blocks (heading,
//! Jabatan/Tugas/Fungsi, table, signature), document-level tables (IKU/IKK)
//! and closing signatures. Each synthetic document recombines whole parts of
//! one kind of document: a decree head or not, 3–30 position blocks drawn from
//! all three IKI documents, or an IKU/IKK table with rows drawn from the
//! corpus tables. The same seed gives the same bytes (splitmix64; no network,
//! no system randomness).

use std::path::PathBuf;

/// splitmix64: small, fixed, deterministic forever.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

/// The parts of the corpus.
#[derive(Default)]
struct Parts {
    /// Decree heads: everything before the first position block of a decree document.
    heads: Vec<String>,
    /// Position blocks: from a section heading to the line before the next one.
    blocks: Vec<String>,
    /// Closing signatures after the last block.
    tails: Vec<String>,
    /// Document-level tables: (everything up to the header row incl., data rows, after).
    tables: Vec<(String, Vec<String>, String)>,
}

fn cut(lines: &[&str], from: usize, to: usize) -> String {
    let mut s = lines[from..to].join("\n");
    s.push('\n');
    s
}

fn parts() -> Parts {
    let mut p = Parts::default();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("corpus/")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("read");
        let lines: Vec<&str> = text.split('\n').collect();
        let doc = kinerja::parse(text.as_bytes(), "x");
        if !doc.jabatan.is_empty() {
            // a block starts at its heading (the furniture line just above the jabatan label)
            let headings: Vec<u32> = doc
                .coverage
                .furniture
                .iter()
                .filter(|x| {
                    matches!(
                        x.kind,
                        kinerja::model::FurnitureKind::SectionTitle
                            | kinerja::model::FurnitureKind::Title
                    )
                })
                .map(|x| x.span.start_line)
                .collect();
            let starts: Vec<usize> = doc
                .jabatan
                .iter()
                .map(|j| {
                    let l = j.span.start_line;
                    headings
                        .iter()
                        .rev()
                        .find(|&&h| h < l && l - h <= 4)
                        .copied()
                        .unwrap_or(l) as usize
                        - 1
                })
                .collect();
            if doc.keputusan.is_some() || !doc.lampiran.is_empty() {
                p.heads.push(cut(&lines, 0, starts[0]));
            }
            for (k, &s) in starts.iter().enumerate() {
                let end = match starts.get(k + 1) {
                    Some(&e) => e,
                    None => doc.jabatan[k].span.end_line as usize,
                };
                p.blocks.push(cut(&lines, s, end));
            }
            let last = doc
                .jabatan
                .last()
                .map(|j| j.span.end_line as usize)
                .unwrap_or(0);
            if last < lines.len() {
                p.tails.push(cut(&lines, last, lines.len()));
            }
        } else {
            // a document-level table: rows are the lines of its indicators
            let rows: Vec<usize> = doc
                .indikator
                .iter()
                .map(|i| i.span.start_line as usize - 1)
                .collect();
            if let (Some(&first), Some(&last)) = (rows.first(), rows.last()) {
                let body: Vec<String> = rows.iter().map(|&r| lines[r].to_string()).collect();
                p.tables.push((
                    cut(&lines, 0, first),
                    body,
                    cut(&lines, last + 1, lines.len()),
                ));
            }
        }
    }
    p
}

fn main() {
    let mut n = 1000usize;
    let mut out = PathBuf::from("archive");
    let mut seed = 42u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--n" => n = args.next().and_then(|v| v.parse().ok()).expect("--n N"),
            "--out" => out = args.next().map(PathBuf::from).expect("--out DIR"),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).expect("--seed S"),
            other => {
                eprintln!("usage: synth [--n N] [--out DIR] [--seed S]  (unknown {other})");
                std::process::exit(2);
            }
        }
    }
    let p = parts();
    let mut rng = Rng(seed);
    std::fs::create_dir_all(&out).expect("create --out");
    let mut total = 0usize;
    for i in 0..n {
        let mut doc = String::new();
        if rng.below(10) < 8 || p.tables.is_empty() {
            // an IKI document: maybe a decree head, 3–30 blocks, maybe a closing signature
            if rng.below(2) == 0 && !p.heads.is_empty() {
                doc.push_str(rng.pick(&p.heads).as_str());
            }
            let k = 3 + rng.below(28);
            for _ in 0..k {
                doc.push_str(rng.pick(&p.blocks).as_str());
            }
            if rng.below(2) == 0 && !p.tails.is_empty() {
                doc.push_str(rng.pick(&p.tails).as_str());
            }
        } else {
            // an IKU/IKK document: its own head and tail, rows drawn from all tables
            let (head, _, tail) = rng.pick(&p.tables);
            doc.push_str(head.as_str());
            let rows = 5 + rng.below(60);
            for _ in 0..rows {
                let (_, body, _) = rng.pick(&p.tables);
                doc.push_str(rng.pick(body).as_str());
                doc.push('\n');
            }
            doc.push_str(tail.as_str());
        }
        total += doc.len();
        let dir = out.join(format!("{:03}", i / 1000));
        std::fs::create_dir_all(&dir).expect("create dir");
        std::fs::write(dir.join(format!("doc-{i:06}.txt")), doc).expect("write");
    }
    eprintln!(
        "synth: {n} documents, {total} bytes ({:.1} MB, {:.1} KB per document) in {}",
        total as f64 / 1e6,
        total as f64 / n.max(1) as f64 / 1e3,
        out.display()
    );
}
