//! The corpus harness: every document in `corpus/` is parsed (in parallel,
//! results sorted), checked against the invariants, then against the
//! hand-made oracle in `tests/expectations/corpus.toml` (written from the
//! source texts, not from parser output), then snapshotted with insta into
//! `snapshots/`, one snapshot per file.

mod common;

use std::collections::{BTreeSet, HashMap};

use kinerja::model::{Document, Indikator};
use rayon::prelude::*;
use toml::Value as T;

fn parsed() -> Vec<(String, Vec<u8>, Document)> {
    let mut docs: Vec<(String, Vec<u8>, Document)> = common::corpus_files()
        .par_iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let doc = common::parse_file(p);
            (name, bytes, doc)
        })
        .collect();
    docs.sort_by(|a, b| a.0.cmp(&b.0));
    docs
}

fn oracle() -> toml::Table {
    let src =
        std::fs::read_to_string(common::root().join("tests/expectations/corpus.toml")).unwrap();
    toml::from_str(&src).unwrap()
}

#[test]
fn corpus_invariants() {
    let mut failures = Vec::new();
    for (name, bytes, doc) in parsed() {
        for v in common::invariants(&doc, &bytes) {
            failures.push(format!("{name}: {v}"));
        }
        // determinism: the same bytes give the same output bytes
        let again = kinerja::parse(&bytes, &doc.source.path);
        if serde_json::to_string(&doc).unwrap() != serde_json::to_string(&again).unwrap() {
            failures.push(format!("{name}: two parses differ"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} violations:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn int(v: &T) -> i64 {
    v.as_integer().unwrap_or(-1)
}

fn lines_of(v: Option<&T>) -> BTreeSet<u32> {
    v.and_then(T::as_array)
        .map(|a| a.iter().map(|x| int(x) as u32).collect())
        .unwrap_or_default()
}

fn spans_of(ind: &[Indikator]) -> BTreeSet<u32> {
    ind.iter().map(|i| i.span.start_line).collect()
}

/// Compares one document with its oracle entry; returns the differences.
fn compare(name: &str, doc: &Document, o: &toml::Table) -> Vec<String> {
    let mut bad = Vec::new();
    let mut check = |ok: bool, what: String| {
        if !ok {
            bad.push(format!("{name}: {what}"));
        }
    };
    check(
        doc.source.lines as i64 == int(&o["lines"]),
        format!("lines {} != {}", doc.source.lines, o["lines"]),
    );
    let jenis: Vec<String> = doc.jenis.iter().map(|j| j.as_str().to_string()).collect();
    let want: Vec<String> = o["jenis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    check(jenis == want, format!("jenis {jenis:?} != {want:?}"));

    // every table row present exactly once
    let mut rows = spans_of(&doc.indikator);
    let mut count = doc.indikator.len();
    for j in &doc.jabatan {
        rows.extend(spans_of(&j.indikator));
        count += j.indikator.len();
    }
    let want_rows = lines_of(o.get("table_rows"));
    let missing: Vec<_> = want_rows.difference(&rows).collect();
    let extra: Vec<_> = rows.difference(&want_rows).collect();
    check(
        missing.is_empty() && extra.is_empty(),
        format!("table rows: missing {missing:?}, extra {extra:?}"),
    );
    check(
        count as i64 == int(&o["indicators_total"]),
        format!("indicators {count} != {}", o["indicators_total"]),
    );

    // positions
    if let Some(n) = o.get("positions_total") {
        check(
            doc.jabatan.len() as i64 == int(n),
            format!("positions {} != {n}", doc.jabatan.len()),
        );
    }
    let empty = Vec::new();
    let wanted = o.get("jabatan").and_then(T::as_array).unwrap_or(&empty);
    for (k, w) in wanted.iter().enumerate() {
        let Some(j) = doc.jabatan.get(k) else {
            check(false, format!("jabatan #{k} missing"));
            continue;
        };
        let nama = w["nama"].as_str().unwrap();
        check(
            j.nama == nama,
            format!("jabatan #{k} nama {:?} != {nama:?}", j.nama),
        );
        check(
            j.span.start_line as i64 == int(&w["line"]),
            format!(
                "jabatan {nama}: starts at {} not {}",
                j.span.start_line, w["line"]
            ),
        );
        check(
            j.tugas.len() as i64 == int(&w["tugas"]),
            format!("jabatan {nama}: tugas {} != {}", j.tugas.len(), w["tugas"]),
        );
        check(
            j.fungsi.len() as i64 == int(&w["fungsi"]),
            format!(
                "jabatan {nama}: fungsi {} != {}",
                j.fungsi.len(),
                w["fungsi"]
            ),
        );
        check(
            j.indikator.len() as i64 == int(&w["indikator"]),
            format!(
                "jabatan {nama}: indikator {} != {}",
                j.indikator.len(),
                w["indikator"]
            ),
        );
        check(
            spans_of(&j.indikator) == lines_of(w.get("rows")),
            format!(
                "jabatan {nama}: rows {:?} != {:?}",
                spans_of(&j.indikator),
                w.get("rows")
            ),
        );
        if let Some(sig) = w.get("signature") {
            let own = sig.get("own").and_then(T::as_bool).unwrap_or(true);
            match (&j.penandatangan, own) {
                (Some(p), true) => {
                    let nip = p.nip.as_ref().map(|n| n.teks.as_str());
                    check(
                        nip == sig.get("nip").and_then(T::as_str),
                        format!(
                            "jabatan {nama}: signature nip {nip:?} != {:?}",
                            sig.get("nip")
                        ),
                    );
                    check(
                        p.span.end_line as i64 == int(&sig["nip_line"]),
                        format!("jabatan {nama}: signature ends at {}", p.span.end_line),
                    );
                }
                (None, true) => check(false, format!("jabatan {nama}: its signature is missing")),
                _ => {}
            }
        }
    }

    // agency and region
    if let Some(i) = o.get("instansi") {
        let got = doc.instansi.as_ref();
        if let Some(n) = i.get("nama").and_then(T::as_str) {
            // the agency's words; a comma written in one source and not another does not matter
            let w = |s: &str| {
                kinerja::grammar::words(s)
                    .map(str::to_uppercase)
                    .collect::<Vec<_>>()
            };
            let g = got.and_then(|g| g.nama.as_deref());
            check(
                g.map(w) == Some(w(n)),
                format!("instansi.nama {g:?} != {n:?}"),
            );
        }
        for key in ["pemerintah", "alamat", "laman", "email", "kota", "kode_pos"] {
            if let Some(want) = i.get(key).and_then(T::as_str) {
                let v = serde_json::to_value(got).unwrap();
                check(
                    v[key].as_str() == Some(want),
                    format!("instansi.{key} {:?} != {want:?}", v[key]),
                );
            }
        }
        if let Some(w) = i.get("wilayah") {
            let gw = got.and_then(|g| g.wilayah.as_ref());
            let tingkat = gw.map(|w| {
                serde_json::to_value(w.tingkat)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string()
            });
            check(
                tingkat.as_deref() == w["tingkat"].as_str(),
                format!("wilayah.tingkat {tingkat:?}"),
            );
            check(
                gw.map(|w| w.nama.as_str()) == w["nama"].as_str(),
                format!("wilayah.nama {:?}", gw.map(|w| &w.nama)),
            );
        }
    }

    // the decree
    if let Some(k) = o.get("keputusan") {
        let Some(got) = &doc.keputusan else {
            check(false, "keputusan missing".into());
            return bad;
        };
        check(
            got.nomor.as_deref() == k["nomor"].as_str(),
            format!("nomor {:?}", got.nomor),
        );
        check(
            got.tahun.map(i64::from) == k["tahun"].as_integer(),
            format!("tahun {:?}", got.tahun),
        );
        check(
            got.pejabat.as_deref() == k["pejabat"].as_str(),
            format!("pejabat {:?}", got.pejabat),
        );
        check(
            got.menimbang.len() as i64 == int(&k["menimbang_count"]),
            format!("menimbang {}", got.menimbang.len()),
        );
        check(
            got.mengingat.len() as i64 == int(&k["mengingat_count"]),
            format!("mengingat {}", got.mengingat.len()),
        );
        let lines: BTreeSet<u32> = got.menimbang.iter().map(|b| b.span.start_line).collect();
        check(
            lines == lines_of(k.get("menimbang_lines")),
            format!("menimbang lines {lines:?}"),
        );
        for (n, m) in k
            .get("mengingat")
            .and_then(T::as_array)
            .unwrap_or(&empty)
            .iter()
            .enumerate()
        {
            let Some(b) = got.mengingat.get(n) else {
                continue;
            };
            check(
                b.label.as_deref() == m["label"].as_str(),
                format!("mengingat #{n} label {:?}", b.label),
            );
            check(
                b.span.start_line as i64 == int(&m["line"]),
                format!("mengingat #{n} line {}", b.span.start_line),
            );
            // citations: type, number and year, in order; a repeated mention may be folded
            let got_regs: Vec<(Option<&str>, Option<&str>, Option<i32>)> = b
                .rujukan
                .iter()
                .map(|r| (r.jenis.as_deref(), r.nomor.as_deref(), r.tahun))
                .collect();
            let want_regs: Vec<(Option<&str>, Option<&str>, Option<i32>)> = m["regs"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| !r.get("repeat").and_then(T::as_bool).unwrap_or(false))
                .map(|r| {
                    (
                        r["type"].as_str(),
                        r["number"].as_str(),
                        r["year"].as_integer().map(|y| y as i32),
                    )
                })
                .collect();
            let folded: Vec<_> = got_regs
                .iter()
                .enumerate()
                .filter(|(i, r)| !got_regs[..*i].contains(r))
                .map(|(_, r)| *r)
                .collect();
            check(
                folded == want_regs,
                format!("mengingat #{n} citations {got_regs:?} != {want_regs:?}"),
            );
        }
        let labels: Vec<&str> = got.diktum.iter().map(|d| d.label.as_str()).collect();
        let want: Vec<&str> = k
            .get("diktum")
            .and_then(T::as_array)
            .unwrap_or(&empty)
            .iter()
            .map(|d| d["label"].as_str().unwrap())
            .collect();
        check(labels == want, format!("diktum {labels:?} != {want:?}"));
        for (n, d) in k
            .get("diktum")
            .and_then(T::as_array)
            .unwrap_or(&empty)
            .iter()
            .enumerate()
        {
            if let Some(g) = got.diktum.get(n) {
                let bl: BTreeSet<u32> = g.butir.iter().map(|b| b.span.start_line).collect();
                check(
                    bl == lines_of(d.get("butir_lines")),
                    format!("diktum {} butir {bl:?}", g.label),
                );
            }
        }
        if let Some(t) = k.get("ditetapkan") {
            let d = got.ditetapkan.as_ref();
            check(
                d.and_then(|d| d.tempat.as_deref()) == t["tempat"].as_str(),
                format!("ditetapkan tempat {:?}", d.map(|d| &d.tempat)),
            );
            check(
                d.and_then(|d| d.tanggal.as_deref()) == t["tanggal"].as_str(),
                format!("ditetapkan tanggal {:?}", d.map(|d| &d.tanggal)),
            );
            check(
                d.and_then(|d| d.tanggal_teks.as_deref()) == t["tanggal_teks"].as_str(),
                format!("ditetapkan tanggal_teks {:?}", d.map(|d| &d.tanggal_teks)),
            );
        }
        if let Some(p) = k.get("penandatangan") {
            let g = got.penandatangan.as_ref();
            let nip = g.and_then(|g| g.nip.as_ref()).map(|n| n.teks.as_str());
            check(
                nip == p["nip"].as_str(),
                format!("decree signatory nip {nip:?}"),
            );
            check(
                g.and_then(|g| g.jabatan.as_deref()) == p["jabatan"].as_str(),
                format!("decree signatory jabatan {:?}", g.map(|g| &g.jabatan)),
            );
        }
        let tembusan: Vec<&str> = k["tembusan"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        check(
            got.tembusan == tembusan,
            format!("tembusan {:?}", got.tembusan),
        );
    }

    // damage that must be reported: a diagnostic that covers the line
    let codes: HashMap<&str, &[&str]> = HashMap::from([
        ("list-label-repeat", &["list-label-sequence"][..]),
        ("list-label-skip", &["list-label-sequence"][..]),
        ("nip-length", &["nip-invalid"][..]),
        ("nip-birth-month", &["nip-invalid"][..]),
        ("nip-conflict", &["nip-conflict"][..]),
        ("rank-misspelled", &["rank-corrected", "rank-unknown"][..]),
        (
            "ocr-heading",
            &["ocr-heading-repaired", "ocr-word-repaired"][..],
        ),
    ]);
    for d in o.get("damage").and_then(T::as_array).unwrap_or(&empty) {
        if !d["must_flag"].as_bool().unwrap_or(false) {
            continue;
        }
        let line = int(&d["line"]) as u32;
        let kind = d["kind"].as_str().unwrap();
        let want = codes.get(kind).copied().unwrap_or(&[]);
        let hit = doc.diagnostics.iter().any(|g| {
            want.contains(&g.code.as_str())
                && g.span
                    .is_some_and(|s| s.start_line <= line && line <= s.end_line)
        });
        check(
            hit,
            format!("no {want:?} diagnostic for {kind} at line {line}"),
        );
    }
    bad
}

#[test]
fn corpus_matches_the_hand_made_oracle() {
    let oracle = oracle();
    let mut failures = Vec::new();
    for (name, _, doc) in parsed() {
        let o = oracle
            .get(&name)
            .and_then(T::as_table)
            .unwrap_or_else(|| panic!("{name} not in the oracle"));
        failures.extend(compare(&name, &doc, o));
    }
    assert!(
        failures.is_empty(),
        "{} differences from the oracle:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn corpus_snapshots() {
    let docs = parsed();
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
        for (name, _, doc) in &docs {
            let stem = name.trim_end_matches(".txt");
            insta::assert_json_snapshot!(stem, doc);
        }
    });
}
