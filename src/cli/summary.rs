//! The run summary: what a batch did, on stderr or as JSON.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;

use kinerja::model::{Document, Severity};

/// A file that was not parsed, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub documents: u64,
    pub bytes: u64,
    pub positions: u64,
    pub indicators: u64,
    pub unclassified_lines: u64,
    /// Diagnostics by severity.
    pub diagnostics: BTreeMap<String, u64>,
    /// Diagnostics by code.
    pub codes: BTreeMap<String, u64>,
    /// Documents that have at least one diagnostic at each severity.
    #[serde(skip)]
    pub worst: Option<Severity>,
    pub failed: Vec<Failure>,
    pub elapsed_seconds: f64,
    pub megabytes_per_second: f64,
    pub documents_per_second: f64,
}

/// What the summary counts of one document. When the worker made the
/// document's output, it takes the tally and frees the document itself, on
/// the thread that built it; otherwise the main thread takes it.
#[derive(Debug, Default)]
pub struct Tally {
    bytes: u64,
    positions: u64,
    indicators: u64,
    unclassified_lines: u64,
    /// Severity and code of each diagnostic.
    diagnostics: Vec<(Severity, String)>,
}

impl Tally {
    pub fn of(doc: &Document) -> Tally {
        Tally {
            bytes: doc.source.bytes,
            positions: doc.jabatan.len() as u64,
            indicators: doc.indikator.len() as u64
                + doc
                    .jabatan
                    .iter()
                    .map(|j| j.indikator.len() as u64)
                    .sum::<u64>(),
            unclassified_lines: doc.coverage.unclassified.len() as u64,
            diagnostics: doc
                .diagnostics
                .iter()
                .map(|d| (d.severity, d.code.clone()))
                .collect(),
        }
    }
}

/// Adds one to a count, copying the key only the first time it is seen.
fn count(map: &mut BTreeMap<String, u64>, key: &str) {
    match map.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            map.insert(key.to_string(), 1);
        }
    }
}

impl Summary {
    pub fn add(&mut self, t: &Tally) {
        self.documents += 1;
        self.bytes += t.bytes;
        self.positions += t.positions;
        self.indicators += t.indicators;
        self.unclassified_lines += t.unclassified_lines;
        for (severity, code) in &t.diagnostics {
            self.diagnostic(*severity, code);
        }
    }

    fn diagnostic(&mut self, severity: Severity, code: &str) {
        count(&mut self.diagnostics, severity.as_str());
        count(&mut self.codes, code);
        self.worst = self.worst.max(Some(severity));
    }

    pub fn fail(&mut self, path: &str, reason: impl Into<String>) {
        self.failed.push(Failure {
            path: path.to_string(),
            reason: reason.into(),
        });
    }

    pub fn finish(&mut self, elapsed: Duration) {
        let s = elapsed.as_secs_f64().max(1e-9);
        self.elapsed_seconds = (s * 1000.0).round() / 1000.0;
        self.megabytes_per_second = ((self.bytes as f64 / 1e6 / s) * 10.0).round() / 10.0;
        self.documents_per_second = (self.documents as f64 / s).round();
    }

    /// The human-readable summary for stderr.
    pub fn render(&self) -> String {
        let mut out = format!(
            "kinerja: {} document(s), {} bytes in {:.3} s ({} MB/s, {} documents/s)\n",
            self.documents,
            self.bytes,
            self.elapsed_seconds,
            self.megabytes_per_second,
            self.documents_per_second
        );
        out.push_str(&format!(
            "  positions {}, indicators {}, unclassified lines {}\n",
            self.positions, self.indicators, self.unclassified_lines
        ));
        if !self.diagnostics.is_empty() {
            let by_sev: Vec<String> = ["error", "warning", "info"]
                .iter()
                .filter_map(|s| self.diagnostics.get(*s).map(|n| format!("{n} {s}")))
                .collect();
            out.push_str(&format!("  diagnostics: {}\n", by_sev.join(", ")));
            for (code, n) in &self.codes {
                out.push_str(&format!("    {code}: {n}\n"));
            }
        }
        if !self.failed.is_empty() {
            out.push_str(&format!("  failed: {} file(s)\n", self.failed.len()));
            for f in &self.failed {
                out.push_str(&format!("    {}: {}\n", f.path, f.reason));
            }
        }
        out
    }
}
