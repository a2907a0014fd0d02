//! Round trips through the layouts of other converters: each corpus document
//! is written in layouts A (hard-wrapped, page breaks), C (double-spaced),
//! E (collapsed paragraphs), G (broken pipe tables) and H (markdown tables from
//! HTML: two-row headers, colspans, group rows) by a deterministic renderer,
//! and parsing the rendering must give the same structure as parsing the
//! original: the same positions with the same counts, the same indicators
//! (where the layout keeps them), the same decree fields.

mod common;

use kinerja::model::Document;

/// What must survive a change of layout.
#[derive(Debug, PartialEq)]
struct Structure {
    jenis: Vec<String>,
    positions: Vec<(String, usize, usize, usize)>,
    indicators: Vec<(String, Option<String>)>,
    decree: Option<Vec<String>>,
    signatures: Vec<Option<String>>,
}

fn structure(d: &Document) -> Structure {
    let mut indicators = Vec::new();
    for j in &d.jabatan {
        indicators.extend(
            j.indikator
                .iter()
                .map(|i| (i.indikator.clone(), i.sasaran.clone())),
        );
    }
    indicators.extend(
        d.indikator
            .iter()
            .map(|i| (i.indikator.clone(), i.sasaran.clone())),
    );
    let decree = d.keputusan.as_ref().map(|k| {
        vec![
            format!("pejabat {:?}", k.pejabat),
            format!("nomor {:?} {:?}", k.nomor, k.tahun),
            format!("tentang {:?}", k.tentang),
            format!("menimbang {}", k.menimbang.len()),
            format!("mengingat {}", k.mengingat.len()),
            format!(
                "diktum {:?}",
                k.diktum
                    .iter()
                    .map(|x| (&x.label, x.butir.len()))
                    .collect::<Vec<_>>()
            ),
            format!(
                "ditetapkan {:?}",
                k.ditetapkan.as_ref().map(|t| (&t.tempat, &t.tanggal))
            ),
            format!(
                "ttd {:?}",
                k.penandatangan
                    .as_ref()
                    .and_then(|p| p.nip.as_ref())
                    .map(|n| &n.teks)
            ),
            format!("tembusan {:?}", k.tembusan),
        ]
    });
    let mut signatures: Vec<Option<String>> = d
        .jabatan
        .iter()
        .map(|j| {
            j.penandatangan
                .as_ref()
                .and_then(|p| p.nip.as_ref())
                .map(|n| n.teks.clone())
        })
        .collect();
    signatures.extend(
        d.penandatangan
            .iter()
            .map(|p| p.nip.as_ref().map(|n| n.teks.clone())),
    );
    Structure {
        jenis: d.jenis.iter().map(|j| j.as_str().to_string()).collect(),
        positions: d
            .jabatan
            .iter()
            .map(|j| {
                (
                    j.nama.clone(),
                    j.tugas.len(),
                    j.fungsi.len(),
                    j.indikator.len(),
                )
            })
            .collect(),
        indicators,
        decree,
        signatures,
    }
}

fn is_row(l: &str) -> bool {
    l.contains('\t') || l.trim_start().starts_with('|')
}

// --- renderers -------------------------------------------------------------------

type Renderer = fn(&str) -> String;

/// A: lines wrapped at 60 characters (tables kept), a page break of three
/// blank lines every 40 lines outside tables.
fn layout_a(text: &str) -> String {
    let mut out = Vec::new();
    let mut since_break = 0;
    for line in text.lines() {
        if is_row(line) || line.chars().count() <= 60 {
            out.push(line.to_string());
        } else {
            let mut cur = String::new();
            for w in line.split(' ') {
                if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > 60 {
                    out.push(std::mem::take(&mut cur));
                }
                if !cur.is_empty() {
                    cur.push(' ');
                }
                cur.push_str(w);
            }
            out.push(cur);
        }
        since_break += 1;
        if since_break >= 40 && !is_row(line) && !line.trim().is_empty() {
            out.extend(["".to_string(), "".to_string(), "".to_string()]);
            since_break = 0;
        }
    }
    out.join("\n")
}

/// C: a blank line after every line.
fn layout_c(text: &str) -> String {
    text.lines()
        .map(|l| format!("{l}\n"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// E: each paragraph (a run of non-blank lines that are not table rows) on one line.
fn layout_e(text: &str) -> String {
    let mut out = Vec::new();
    let mut para: Vec<String> = Vec::new();
    let flush = |para: &mut Vec<String>, out: &mut Vec<String>| {
        if !para.is_empty() {
            out.push(para.join(" "));
            para.clear();
        }
    };
    for line in text.lines() {
        if line.trim().is_empty() || is_row(line) {
            flush(&mut para, &mut out);
            out.push(line.to_string());
        } else {
            para.push(line.trim().to_string());
        }
    }
    flush(&mut para, &mut out);
    out.join("\n")
}

/// The tables of a text: (first line index, last line index, rows of cells).
fn tables(lines: &[&str]) -> Vec<(usize, usize, Vec<Vec<String>>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].contains('\t') {
            i += 1;
            continue;
        }
        let start = i;
        let mut rows = Vec::new();
        let mut last = i;
        while i < lines.len() && (lines[i].contains('\t') || lines[i].trim().is_empty()) {
            if lines[i].contains('\t') {
                rows.push(lines[i].split('\t').map(|c| c.trim().to_string()).collect());
                last = i;
            }
            i += 1;
        }
        out.push((start, last, rows));
        i = last + 1;
    }
    out
}

/// G: tab tables as pipe tables without their `|---|` line, each cell closed
/// by `|`, column numbers in the header and a row of them under it, and long
/// rows spilling onto the next line.
fn layout_g(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    for (start, last, rows) in tables(&lines) {
        out.extend(lines[i..start].iter().map(|s| s.to_string()));
        for (r, row) in rows.iter().enumerate() {
            if r == 0 {
                let cells: Vec<String> = row
                    .iter()
                    .enumerate()
                    .map(|(k, c)| format!("{c} ({})", k + 1))
                    .collect();
                out.push(format!("{} |", cells.join(" | ")));
                out.push(format!(
                    "{} |",
                    (1..=row.len())
                        .map(|k| format!("({k})"))
                        .collect::<Vec<_>>()
                        .join(" | ")
                ));
                continue;
            }
            let line = format!("{} |", row.join(" | "));
            if line.chars().count() > 160 {
                // spill: cut at a space near the middle, the rest on the next line
                let mid = line
                    .char_indices()
                    .nth(line.chars().count() / 2)
                    .map(|(b, _)| b)
                    .unwrap_or(0);
                let cut = line[mid..].find(' ').map(|p| mid + p).unwrap_or(mid);
                out.push(line[..cut].to_string());
                out.push(line[cut + 1..].to_string());
            } else {
                out.push(line);
            }
        }
        i = last + 1;
    }
    out.extend(lines[i..].iter().map(|s| s.to_string()));
    out.join("\n")
}

/// H: tab tables as markdown from HTML: the `No` column dropped; the first
/// column in group rows of its own; the last two columns under a colspan
/// (`Rincian`) named by a second header row; cells padded with `||`.
fn layout_h(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    for (start, last, rows) in tables(&lines) {
        out.extend(lines[i..start].iter().map(|s| s.to_string()));
        let header = &rows[0];
        let drop_no = header[0].trim_end_matches('.').eq_ignore_ascii_case("no");
        let skip = usize::from(drop_no);
        let cols: Vec<&String> = header.iter().skip(skip).collect();
        let n = cols.len();
        if n < 4 {
            out.extend(lines[start..=last].iter().map(|s| s.to_string()));
            i = last + 1;
            continue;
        }
        let top: Vec<String> = cols[..n - 2].iter().map(|c| c.to_string()).collect();
        out.push(format!("| {} | Rincian | |||", top.join(" | ")));
        out.push(format!("|{}", "---|".repeat(n + 2)));
        out.push(format!("| {} | {} | ||||", cols[n - 2], cols[n - 1]));
        let mut group: Option<String> = None;
        for row in &rows[1..] {
            let cells: Vec<&String> = row.iter().skip(skip).collect();
            let first = cells.first().map(|c| c.to_string()).unwrap_or_default();
            if !first.is_empty() && Some(&first) != group.as_ref() {
                out.push(format!("| {first} | {}", "|".repeat(n + 1)));
                group = Some(first);
            }
            let rest: Vec<String> = cells.iter().skip(1).map(|c| c.to_string()).collect();
            out.push(format!("| {} | ||", rest.join(" | ")));
        }
        i = last + 1;
    }
    out.extend(lines[i..].iter().map(|s| s.to_string()));
    out.join("\n")
}

// --- the round trips ---------------------------------------------------------------

fn check(layout: &str, render: fn(&str) -> String) {
    let mut failures = Vec::new();
    for p in common::corpus_files() {
        let text = std::fs::read_to_string(&p).unwrap();
        let original = structure(&kinerja::parse_str(&text, "x.txt"));
        let rendered = render(&text);
        // KINERJA_DUMP_LAYOUTS=DIR writes the renderings, for looking at them
        if let Some(dir) = std::env::var_os("KINERJA_DUMP_LAYOUTS") {
            let path = std::path::Path::new(&dir).join(format!(
                "{layout}-{}",
                p.file_name().unwrap().to_string_lossy()
            ));
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(path, &rendered).unwrap();
        }
        let doc = kinerja::parse_str(&rendered, "x.txt");
        let got = structure(&doc);
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if got.jenis != original.jenis {
            failures.push(format!(
                "{name}: jenis {:?} != {:?}",
                got.jenis, original.jenis
            ));
        }
        if got.positions != original.positions {
            for (k, (a, b)) in got.positions.iter().zip(&original.positions).enumerate() {
                if a != b {
                    failures.push(format!("{name}: position #{k} {a:?} != {b:?}"));
                }
            }
            if got.positions.len() != original.positions.len() {
                failures.push(format!(
                    "{name}: {} positions != {}",
                    got.positions.len(),
                    original.positions.len()
                ));
            }
        }
        if got.indicators != original.indicators {
            let first = got
                .indicators
                .iter()
                .zip(&original.indicators)
                .position(|(a, b)| a != b);
            failures.push(format!(
                "{name}: {} indicators != {}; first difference {:?}",
                got.indicators.len(),
                original.indicators.len(),
                first.map(|k| (&got.indicators[k], &original.indicators[k]))
            ));
        }
        if got.decree != original.decree {
            failures.push(format!(
                "{name}: decree {:?}\n   != {:?}",
                got.decree, original.decree
            ));
        }
        if got.signatures != original.signatures {
            failures.push(format!(
                "{name}: signatures {:?} != {:?}",
                got.signatures, original.signatures
            ));
        }
        let c = &doc.coverage;
        if c.lines != c.blank + c.classified + c.unclassified.len() as u32 {
            failures.push(format!("{name}: coverage does not add up"));
        }
    }
    assert!(
        failures.is_empty(),
        "layout {layout}:\n{}",
        failures.join("\n")
    );
}

#[test]
fn layout_a_hard_wrapped() {
    check("A", layout_a);
}

#[test]
fn layout_c_double_spaced() {
    check("C", layout_c);
}

#[test]
fn layout_e_collapsed() {
    check("E", layout_e);
}

#[test]
fn layout_g_broken_pipe_tables() {
    check("G", layout_g);
}

#[test]
fn layout_h_markdown_tables_from_html() {
    check("H", layout_h);
}

#[test]
fn renderers_change_the_text() {
    let text = std::fs::read_to_string(common::corpus_files()[3].clone()).unwrap();
    for (name, f) in [
        ("A", layout_a as fn(&str) -> String),
        ("C", layout_c),
        ("E", layout_e),
        ("G", layout_g),
        ("H", layout_h),
    ] {
        assert_ne!(f(&text), text, "{name}");
    }
}

/// OCR letter damage of the kinds seen in scans (`I(EPUTUSAN`, `z0l4`,
/// `Kineija`, `NDIKATOR`) in the places structure is read from: the parse
/// gives the same structure, and every repair is reported.
#[test]
fn ocr_damage_in_structural_words() {
    for p in common::corpus_files() {
        let text = std::fs::read_to_string(&p).unwrap();
        let original = structure(&kinerja::parse_str(&text, "x.txt"));
        let damaged: String = text
            .lines()
            .map(|l| {
                let l = l
                    .replacen("KEPUTUSAN ", "I(EPUTUSAN ", 1)
                    .replacen("INDIKATOR KINERJA", "INDIKATOR KINEIJA", 1)
                    .replacen("Menimbang", "Men1mbang", 1);
                match l.find("TAHUN 20") {
                    Some(at) => format!("{}TAHUN z0{}", &l[..at], &l[at + 8..]),
                    None => l,
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert_ne!(damaged, text);
        let doc = kinerja::parse_str(&damaged, "x.txt");
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let got = structure(&doc);
        assert_eq!(got.jenis, original.jenis, "{name}");
        assert_eq!(got.positions, original.positions, "{name}");
        assert_eq!(got.decree, original.decree, "{name}");
        assert!(
            doc.diagnostics
                .iter()
                .any(|d| d.code == "ocr-word-repaired"),
            "{name}: repairs not reported"
        );
    }
}

// --- layouts whose tables cannot be rebuilt: B, D, F -----------------------------

/// Word groups of at most `width` characters.
fn wrap(cell: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for w in cell.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Rewrites every tab table of a text with `render(rows)`.
fn retable(text: &str, render: fn(&[Vec<String>]) -> Vec<String>) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    for (start, last, rows) in tables(&lines) {
        out.extend(lines[i..start].iter().map(|s| s.to_string()));
        out.extend(render(&rows));
        i = last + 1;
    }
    out.extend(lines[i..].iter().map(|s| s.to_string()));
    out.join("\n")
}

/// B: a table read across its columns: each row's cells wrapped at 24
/// characters, and line k of the row holds the k-th fragment of every cell.
fn layout_b(text: &str) -> String {
    retable(text, |rows| {
        let mut out = Vec::new();
        for row in rows {
            let cells: Vec<Vec<String>> = row.iter().map(|c| wrap(c, 24)).collect();
            let height = cells.iter().map(Vec::len).max().unwrap_or(0);
            for k in 0..height {
                let parts: Vec<&str> = cells
                    .iter()
                    .filter_map(|c| c.get(k).map(String::as_str))
                    .collect();
                out.push(parts.join(" "));
            }
        }
        out
    })
}

/// D: each cell on its own line, column after column (row numbers batched).
fn layout_d(text: &str) -> String {
    retable(text, |rows| {
        let mut out = Vec::new();
        let n = rows.iter().map(Vec::len).max().unwrap_or(0);
        for c in 0..n {
            for row in rows {
                if let Some(cell) = row.get(c).filter(|c| !c.is_empty()) {
                    out.push(cell.clone());
                    out.push(String::new());
                }
            }
        }
        out
    })
}

/// F: a flattened HTML table: header cells one per line, then each row as one
/// space-joined line.
fn layout_f(text: &str) -> String {
    retable(text, |rows| {
        let mut out: Vec<String> = rows[0].iter().filter(|c| !c.is_empty()).cloned().collect();
        for row in &rows[1..] {
            out.push(
                row.iter()
                    .filter(|c| !c.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        out
    })
}

/// Per layout, how much of the structure survives: positions (name and
/// counts), indicator names, decree fields, over the whole corpus. Positions
/// and decree fields do not live in tables and must survive whole; indicator
/// names survive where they can be told apart, and every table that cannot be
/// rebuilt is reported. `KINERJA_SURVIVAL=FILE` writes the figures as a
/// markdown table (the one in the README).
#[test]
fn survival_in_layouts_b_d_f() {
    let mut report = vec![
        "| layout | positions | indicator names | decree fields | tables reported unrecoverable |"
            .to_string(),
        "|---|---|---|---|---|".to_string(),
    ];
    let layouts: [(&str, Renderer); 8] = [
        ("A", layout_a),
        ("B", layout_b),
        ("C", layout_c),
        ("D", layout_d),
        ("E", layout_e),
        ("F", layout_f),
        ("G", layout_g),
        ("H", layout_h),
    ];
    for (name, render) in layouts {
        let (mut pos, mut pos_all, mut ind, mut ind_all, mut dec, mut dec_all, mut unrec) =
            (0, 0, 0, 0, 0, 0, 0);
        let mut tab_tables = 0;
        for p in common::corpus_files() {
            let text = std::fs::read_to_string(&p).unwrap();
            let original = structure(&kinerja::parse_str(&text, "x.txt"));
            tab_tables += tables(&text.lines().collect::<Vec<_>>()).len();
            let rendered = render(&text);
            if let Some(dir) = std::env::var_os("KINERJA_DUMP_LAYOUTS") {
                let path = std::path::Path::new(&dir).join(format!(
                    "{name}-{}",
                    p.file_name().unwrap().to_string_lossy()
                ));
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(path, &rendered).unwrap();
            }
            let doc = kinerja::parse_str(&rendered, "x.txt");
            let got = structure(&doc);
            pos_all += original.positions.len();
            // a position survives with its name, tugas and fungsi (its
            // indicators are counted below)
            let key = |p: &(String, usize, usize, usize)| (p.0.clone(), p.1, p.2);
            let got_positions: Vec<_> = got.positions.iter().map(key).collect();
            pos += original
                .positions
                .iter()
                .filter(|p| got_positions.contains(&key(p)))
                .count();
            ind_all += original.indicators.len();
            let names: Vec<&String> = got.indicators.iter().map(|(i, _)| i).collect();
            ind += original
                .indicators
                .iter()
                .filter(|(i, _)| names.contains(&i))
                .count();
            if let (Some(a), Some(b)) = (&original.decree, &got.decree) {
                dec_all += a.len();
                dec += a.iter().zip(b).filter(|(x, y)| x == y).count();
            }
            unrec += doc
                .diagnostics
                .iter()
                .filter(|d| d.code == "table-unrecoverable")
                .count();
            let c = &doc.coverage;
            assert_eq!(
                c.lines,
                c.blank + c.classified + c.unclassified.len() as u32,
                "{name}"
            );
            if std::env::var_os("KINERJA_SURVIVAL_DEBUG").is_some() {
                let gp: Vec<_> = got
                    .positions
                    .iter()
                    .map(|p| (p.0.clone(), p.1, p.2))
                    .collect();
                for o in &original.positions {
                    if !gp.contains(&(o.0.clone(), o.1, o.2)) {
                        eprintln!("{name} {}: lost {o:?}", p.display());
                    }
                }
            }
        }
        // positions and decree fields are not in tables: they survive whole
        if matches!(name, "B" | "D" | "F") {
            assert_eq!(pos, pos_all, "layout {name}: positions");
            assert_eq!(dec, dec_all, "layout {name}: decree fields");
            assert_eq!(
                unrec, tab_tables,
                "layout {name}: every lost table is reported"
            );
        }
        report.push(format!(
            "| {name} | {pos}/{pos_all} | {ind}/{ind_all} | {dec}/{dec_all} | {unrec} |"
        ));
    }
    let table = report.join("\n");
    println!("{table}");
    if let Some(f) = std::env::var_os("KINERJA_SURVIVAL") {
        std::fs::write(f, format!("{table}\n")).unwrap();
    }
}
