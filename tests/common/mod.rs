//! Shared test helpers: corpus files and the invariants every parsed document must hold.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use kinerja::model::Document;
use serde_json::Value;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The corpus files, sorted.
pub fn corpus_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("corpus"))
        .expect("corpus/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

pub fn parse_file(path: &Path) -> Document {
    let bytes = std::fs::read(path).expect("read");
    let name = format!("corpus/{}", path.file_name().unwrap().to_string_lossy());
    kinerja::parse(&bytes, &name)
}

/// Walks every span object (`{"start_line", "end_line"}`) in a JSON value.
pub fn spans(v: &Value, out: &mut Vec<(u64, u64)>) {
    match v {
        Value::Object(m) => {
            if let (Some(Value::Number(s)), Some(Value::Number(e))) =
                (m.get("start_line"), m.get("end_line"))
            {
                out.push((s.as_u64().unwrap_or(0), e.as_u64().unwrap_or(0)));
            }
            for (_, x) in m {
                spans(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| spans(x, out)),
        _ => {}
    }
}

/// Every string in the structure with its JSON path, skipping `source` and `coverage`
/// (which hold the input's own text).
fn strings<'v>(v: &'v Value, path: &mut Vec<String>, out: &mut Vec<(String, &'v str)>) {
    match v {
        Value::String(s) => out.push((path.join("."), s)),
        Value::Object(m) => {
            for (k, x) in m {
                if path.is_empty() && (k == "source" || k == "coverage" || k == "diagnostics") {
                    continue;
                }
                path.push(k.clone());
                if k.is_empty() {
                    out.push((path.join("."), ""));
                }
                strings(x, path, out);
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                path.push(i.to_string());
                strings(x, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

const MARKUP: &[&str] = &[
    "\\frac", "\\text", "\\sum", "\\times", "\\%", "$", "<ol", "<ul", "<li", "</", "<br", "**",
    "__", "&amp;", "&lt;", "&gt;", "&nbsp;", "&quot;",
];

/// The invariants of a parsed document against its source bytes. Returns the violations.
pub fn invariants(doc: &Document, bytes: &[u8]) -> Vec<String> {
    let mut bad = Vec::new();
    let v = serde_json::to_value(doc).expect("serializable");
    // the writers' JSON is serde_json's, byte for byte
    let (mut ours, mut pretty) = (Vec::new(), Vec::new());
    kinerja::json::to_writer(&mut ours, doc).expect("serializable");
    kinerja::json::to_writer_pretty(&mut pretty, doc).expect("serializable");
    if ours != serde_json::to_vec(doc).expect("serializable") {
        bad.push("json::to_writer differs from serde_json::to_writer".into());
    }
    if pretty != serde_json::to_vec_pretty(doc).expect("serializable") {
        bad.push("json::to_writer_pretty differs from serde_json::to_writer_pretty".into());
    }
    let c = &doc.coverage;
    if c.lines != c.blank + c.classified + c.unclassified.len() as u32 {
        bad.push(format!(
            "coverage does not add up: {} != {} + {} + {}",
            c.lines,
            c.blank,
            c.classified,
            c.unclassified.len()
        ));
    }
    if c.lines != doc.source.lines {
        bad.push(format!(
            "coverage.lines {} != source.lines {}",
            c.lines, doc.source.lines
        ));
    }
    let mut all = Vec::new();
    spans(&v, &mut all);
    for &(s, e) in &all {
        if s < 1 || s > e || e > doc.source.lines as u64 {
            bad.push(format!("span {s}-{e} outside 1..={}", doc.source.lines));
        }
    }
    let mut strs = Vec::new();
    strings(&v, &mut Vec::new(), &mut strs);
    for (path, s) in &strs {
        if s.trim().is_empty() {
            bad.push(format!("empty string at {path}"));
        }
        if let Some(m) = MARKUP.iter().find(|m| s.contains(*m)) {
            bad.push(format!("markup `{m}` left at {path}: {s:?}"));
        }
        if s.trim() != *s || s.contains("  ") {
            bad.push(format!("untrimmed whitespace at {path}: {s:?}"));
        }
    }
    for j in &doc.jabatan {
        if j.nama.trim().is_empty() || j.nama == "?" {
            bad.push(format!("jabatan at {:?} has no name", j.span));
        }
    }
    // every classified line lies in a span of the structure (or is furniture);
    // every unclassified line carries its original text
    let text = kinerja::decode::decode(bytes, &mut Default::default())
        .text
        .into_owned();
    let originals: Vec<&str> = kinerja::decode::split_lines(&text).collect();
    let unclassified: std::collections::HashSet<u32> =
        c.unclassified.iter().map(|u| u.line).collect();
    for u in &c.unclassified {
        if originals.get(u.line as usize - 1) != Some(&u.teks.as_str()) {
            bad.push(format!(
                "unclassified line {} does not carry its original text",
                u.line
            ));
        }
    }
    let mut structure = Vec::new();
    let mut without_coverage = v.clone();
    if let Value::Object(m) = &mut without_coverage {
        m.remove("coverage");
    }
    spans(&without_coverage, &mut structure);
    structure.extend(
        c.furniture
            .iter()
            .map(|f| (f.span.start_line as u64, f.span.end_line as u64)),
    );
    for (i, line) in originals.iter().enumerate() {
        let no = i as u32 + 1;
        let blank = kinerja::normalize::normalize_line(line).trim().is_empty();
        if blank || unclassified.contains(&no) {
            continue;
        }
        if !structure
            .iter()
            .any(|&(s, e)| s <= no as u64 && no as u64 <= e)
        {
            bad.push(format!(
                "line {no} is classified but in no span of the structure: {line:?}"
            ));
        }
    }
    bad
}
