//! Bulk-import outputs: CSV parses back and holds exactly the JSON's
//! indicators; SQLite answers the README's queries with the JSON's counts and
//! a second run changes nothing; the JSON Schema validates every corpus output.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use kinerja::export::{TABLES, sqlite::SqliteExport};
use kinerja::model::Document;

fn docs() -> Vec<Document> {
    common::corpus_files()
        .iter()
        .map(|p| common::parse_file(p))
        .collect()
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(args)
        .current_dir(common::root())
        .output()
        .unwrap()
}

/// (document, line, indicator) of every indicator of the JSON output.
fn json_indicators(docs: &[Document]) -> Vec<(String, u32, String)> {
    let mut out = Vec::new();
    for d in docs {
        for j in &d.jabatan {
            out.extend(j.indikator.iter().map(|i| {
                (
                    d.source.path.clone(),
                    i.span.start_line,
                    i.indikator.clone(),
                )
            }));
        }
        out.extend(d.indikator.iter().map(|i| {
            (
                d.source.path.clone(),
                i.span.start_line,
                i.indikator.clone(),
            )
        }));
    }
    out.sort();
    out
}

#[test]
fn csv_parses_back_and_holds_exactly_the_indicators() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tables");
    let o = run(&[
        "parse",
        "corpus",
        "-f",
        "csv",
        "-o",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    for t in TABLES {
        let path = out.join(format!("{}.csv", t.name));
        let mut r = csv::Reader::from_path(&path).unwrap();
        let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        let want: Vec<&str> = t.columns.iter().map(|(c, _)| *c).collect();
        assert_eq!(headers, want, "{} columns", t.name);
        for rec in r.records() {
            assert_eq!(rec.unwrap().len(), want.len(), "{} row width", t.name);
        }
    }
    let mut r = csv::Reader::from_path(out.join("indikator.csv")).unwrap();
    let h = r.headers().unwrap().clone();
    let col = |n: &str| h.iter().position(|c| c == n).unwrap();
    let (cd, cl, ci) = (col("dokumen"), col("start_line"), col("indikator"));
    let mut from_csv: Vec<(String, u32, String)> = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            (
                rec[cd].to_string(),
                rec[cl].parse().unwrap(),
                rec[ci].to_string(),
            )
        })
        .collect();
    from_csv.sort();
    assert_eq!(from_csv, json_indicators(&docs()));
    let mut r = csv::Reader::from_path(out.join("dokumen.csv")).unwrap();
    assert_eq!(r.records().count(), 5);
}

#[test]
fn excel_csv_starts_with_a_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&[
        "parse",
        "corpus",
        "-f",
        "csv",
        "-o",
        dir.path().to_str().unwrap(),
        "--excel",
        "-q",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let bytes = std::fs::read(dir.path().join("indikator.csv")).unwrap();
    assert!(bytes.starts_with("\u{FEFF}dokumen,".as_bytes()));
}

/// The README's example queries.
const PER_AGENCY: &str = "SELECT d.instansi, COUNT(*) AS indikator
FROM indikator i JOIN dokumen d ON d.id = i.dokumen_id
GROUP BY d.instansi ORDER BY indikator DESC, d.instansi";
const WITHOUT_INDICATORS: &str = "SELECT d.dokumen, j.nama
FROM jabatan j JOIN dokumen d ON d.id = j.dokumen_id
WHERE NOT EXISTS (SELECT 1 FROM indikator i WHERE i.jabatan_id = j.id)";
const INVALID_NIPS: &str =
    "SELECT dokumen, nama, nip, start_line FROM penandatangan WHERE nip_valid = 0";

fn count(db: &Path, sql: &str) -> Vec<Vec<String>> {
    let c = rusqlite::Connection::open(db).unwrap();
    let mut st = c.prepare(sql).unwrap();
    let n = st.column_count();
    st.query_map([], |row| {
        Ok((0..n)
            .map(|i| match row.get_ref(i).unwrap() {
                rusqlite::types::ValueRef::Null => String::new(),
                rusqlite::types::ValueRef::Integer(x) => x.to_string(),
                rusqlite::types::ValueRef::Real(x) => x.to_string(),
                rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                rusqlite::types::ValueRef::Blob(_) => "blob".into(),
            })
            .collect())
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

fn table_counts(db: &Path) -> BTreeMap<String, i64> {
    let c = rusqlite::Connection::open(db).unwrap();
    let names: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    names
        .into_iter()
        .map(|n| {
            let k: i64 = c
                .query_row(&format!("SELECT COUNT(*) FROM {n}"), [], |r| r.get(0))
                .unwrap();
            (n, k)
        })
        .collect()
}

#[test]
fn sqlite_answers_the_readme_queries_and_a_second_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("archive.db");
    let o = run(&[
        "parse",
        "corpus",
        "-f",
        "sqlite",
        "-o",
        db.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let docs = docs();

    // indicators per agency, from the JSON
    let mut per_agency: BTreeMap<String, usize> = BTreeMap::new();
    for d in &docs {
        let n = d.indikator.len() + d.jabatan.iter().map(|j| j.indikator.len()).sum::<usize>();
        *per_agency
            .entry(
                d.instansi
                    .as_ref()
                    .and_then(|i| i.nama.clone())
                    .unwrap_or_default(),
            )
            .or_default() += n;
    }
    let mut got: BTreeMap<String, usize> = BTreeMap::new();
    for row in count(&db, PER_AGENCY) {
        got.insert(row[0].clone(), row[1].parse().unwrap());
    }
    assert_eq!(got, per_agency);

    let without: usize = docs
        .iter()
        .map(|d| d.jabatan.iter().filter(|j| j.indikator.is_empty()).count())
        .sum();
    assert_eq!(count(&db, WITHOUT_INDICATORS).len(), without);

    let invalid: usize = docs
        .iter()
        .map(|d| {
            let mut n = d
                .penandatangan
                .iter()
                .filter(|p| p.nip.as_ref().is_some_and(|n| !n.valid))
                .count();
            n += d
                .jabatan
                .iter()
                .filter_map(|j| j.penandatangan.as_ref())
                .filter(|p| p.nip.as_ref().is_some_and(|n| !n.valid))
                .count();
            n += d
                .keputusan
                .iter()
                .filter_map(|k| k.penandatangan.as_ref())
                .filter(|p| p.nip.as_ref().is_some_and(|n| !n.valid))
                .count();
            n
        })
        .sum();
    assert_eq!(count(&db, INVALID_NIPS).len(), invalid);

    let before = table_counts(&db);
    assert_eq!(before["dokumen"], 5);
    let o = run(&[
        "parse",
        "corpus",
        "-f",
        "sqlite",
        "-o",
        db.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        table_counts(&db),
        before,
        "a second run replaces, it does not duplicate"
    );
    // the stored JSON is the canonical document
    let json: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT json FROM dokumen WHERE dokumen = 'corpus/kalbar_diskopukm_iku_2024.txt'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let stored: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(
        &stored,
        docs.iter()
            .find(|d| d.source.path.contains("kalbar"))
            .unwrap()
    );
}

#[test]
fn an_unfinished_sqlite_run_leaves_the_database_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let docs = docs();
    let mut x = SqliteExport::open(&db).unwrap();
    x.add(&docs[0]).unwrap();
    x.finish().unwrap();
    let before = table_counts(&db);
    let mut x = SqliteExport::open(&db).unwrap();
    for d in &docs {
        x.add(d).unwrap();
    }
    drop(x); // interrupted: no commit
    assert_eq!(table_counts(&db), before);
}

#[test]
fn stdout_stays_clean_json_when_the_summary_is_on() {
    let o = run(&["parse", "corpus", "-f", "jsonl"]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8(o.stdout).unwrap();
    for line in text.lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("every stdout line is JSON");
    }
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("document(s)"),
        "the summary goes to stderr"
    );
}

#[test]
fn summary_json_for_pipelines() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("summary.json");
    let o = run(&[
        "parse",
        "corpus",
        "-f",
        "jsonl",
        "-o",
        dir.path().join("all.jsonl").to_str().unwrap(),
        "--summary-json",
        s.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&s).unwrap()).unwrap();
    assert_eq!(v["documents"], 5);
    assert_eq!(v["positions"], 63);
    let lines = std::fs::read_to_string(dir.path().join("all.jsonl")).unwrap();
    assert_eq!(lines.lines().count(), 5);
    // stats prints the same summary without writing anything
    let o = run(&["stats", "corpus", "--json"]);
    let w: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(w["indicators"], v["indicators"]);
}

#[test]
fn the_json_schema_validates_every_corpus_output() {
    let o = run(&["schema"]);
    assert_eq!(o.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let committed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("docs/schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        schema, committed,
        "docs/schema.json is out of date: kinerja schema > docs/schema.json"
    );
    let validator = jsonschema::validator_for(&schema).unwrap();
    for d in docs() {
        let v = serde_json::to_value(&d).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&v)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", d.source.path);
    }
}
