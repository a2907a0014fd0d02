//! CSV export: one file per table (`dokumen.csv`, `jabatan.csv`, `butir.csv`,
//! `indikator.csv`, `rujukan.csv`, `penandatangan.csv`, `diagnostik.csv`),
//! RFC 4180, UTF-8, with a header row even when a table is empty.
//!
//! Each file is written to a temporary name in the output directory and
//! renamed into place by [`CsvExport::finish`]; dropping the export unfinished
//! (an interrupted run) leaves no file behind.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use tempfile::NamedTempFile;

use super::rows::Rows;
use super::{TABLES, Table};
use crate::model::Document;

type Writer = csv::Writer<BufWriter<NamedTempFile>>;

pub struct CsvExport {
    dir: PathBuf,
    writers: Vec<(&'static Table, Writer)>,
}

fn to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

impl CsvExport {
    /// Opens the seven files in `dir` (created if needed). With `excel`, each
    /// file starts with a UTF-8 byte-order mark so that Excel reads it as UTF-8.
    pub fn create(dir: &Path, excel: bool) -> io::Result<CsvExport> {
        std::fs::create_dir_all(dir)?;
        let mut writers = Vec::new();
        for t in TABLES {
            let tmp = tempfile::Builder::new()
                .prefix(".kinerja-")
                .suffix(".tmp")
                .tempfile_in(dir)?;
            let mut buf = BufWriter::with_capacity(128 * 1024, tmp);
            if excel {
                buf.write_all("\u{FEFF}".as_bytes())?;
            }
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(buf);
            w.write_record(t.columns.iter().map(|(c, _)| *c))
                .map_err(to_io)?;
            writers.push((t, w));
        }
        Ok(CsvExport {
            dir: dir.to_path_buf(),
            writers,
        })
    }

    fn write<T: Serialize>(&mut self, table: usize, rows: &[T]) -> io::Result<()> {
        let w = &mut self.writers[table].1;
        for r in rows {
            w.serialize(r).map_err(to_io)?;
        }
        Ok(())
    }

    /// Appends one document's rows.
    pub fn add(&mut self, doc: &Document) -> io::Result<()> {
        let rows = Rows::of(doc);
        self.write(0, std::slice::from_ref(&rows.dokumen))?;
        self.write(1, &rows.jabatan)?;
        self.write(2, &rows.butir)?;
        self.write(3, &rows.indikator)?;
        self.write(4, &rows.rujukan)?;
        self.write(5, &rows.penandatangan)?;
        self.write(6, &rows.diagnostik)?;
        Ok(())
    }

    /// Flushes the files and renames them into place.
    pub fn finish(self) -> io::Result<Vec<PathBuf>> {
        let mut out = Vec::new();
        for (t, w) in self.writers {
            let buf = w
                .into_inner()
                .map_err(|e| io::Error::other(e.to_string()))?;
            let tmp = buf.into_inner().map_err(|e| e.into_error())?;
            let path = self.dir.join(format!("{}.csv", t.name));
            tmp.persist(&path).map_err(|e| e.error)?;
            out.push(path);
        }
        Ok(out)
    }
}
