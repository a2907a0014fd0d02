//! SQLite export: normalized tables with primary and foreign keys and indexes.
//!
//! ```text
//! dokumen ─┬─ jabatan ─┬─ butir (tugas, fungsi)
//!          │           ├─ indikator ── rujukan ── lembaran
//!          │           └─ penandatangan
//!          ├─ butir (menimbang, mengingat, diktum, tembusan …) ── rujukan ── lembaran
//!          ├─ indikator (document-level tables)
//!          ├─ penandatangan (decree, document)
//!          ├─ diagnostik
//!          └─ tak_terklasifikasi (coverage.unclassified)
//! ```
//!
//! A run is one transaction: an interrupted run leaves the database as it
//! was. A document is identified by the SHA-256 of its bytes: parsing the
//! same file again replaces its rows (children are deleted by cascade)
//! instead of adding a copy. The full canonical JSON is kept in
//! `dokumen.json`.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{Connection, params_from_iter, types::Value as Sql};
use serde::Serialize;

use super::rows::Rows;
use super::{BUTIR, DIAGNOSTIK, DOKUMEN, INDIKATOR, JABATAN, PENANDATANGAN, RUJUKAN, Table};
use crate::model::Document;

/// Version of the database layout, stored in `meta`.
pub const DB_VERSION: i64 = 1;

pub struct SqliteExport {
    conn: Connection,
}

/// The extra columns of each table beyond the CSV ones: keys and JSON.
fn keys(t: &Table) -> &'static str {
    match t.name {
        "dokumen" => "id INTEGER PRIMARY KEY, json TEXT NOT NULL",
        "jabatan" => {
            "id INTEGER PRIMARY KEY, dokumen_id INTEGER NOT NULL REFERENCES dokumen(id) ON DELETE CASCADE"
        }
        "butir" | "penandatangan" => {
            "id INTEGER PRIMARY KEY, dokumen_id INTEGER NOT NULL REFERENCES dokumen(id) ON DELETE CASCADE, \
             jabatan_id INTEGER REFERENCES jabatan(id) ON DELETE CASCADE"
        }
        "indikator" => {
            "id INTEGER PRIMARY KEY, dokumen_id INTEGER NOT NULL REFERENCES dokumen(id) ON DELETE CASCADE, \
             jabatan_id INTEGER REFERENCES jabatan(id) ON DELETE CASCADE, kolom TEXT NOT NULL"
        }
        "rujukan" => {
            "id INTEGER PRIMARY KEY, dokumen_id INTEGER NOT NULL REFERENCES dokumen(id) ON DELETE CASCADE, \
             butir_id INTEGER REFERENCES butir(id) ON DELETE CASCADE, \
             indikator_id INTEGER REFERENCES indikator(id) ON DELETE CASCADE"
        }
        _ => {
            "id INTEGER PRIMARY KEY, dokumen_id INTEGER NOT NULL REFERENCES dokumen(id) ON DELETE CASCADE"
        }
    }
}

/// The schema: `CREATE TABLE IF NOT EXISTS …` for every table and index.
pub fn schema_sql() -> String {
    let mut sql = String::from(
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n",
    );
    for t in [
        &DOKUMEN,
        &JABATAN,
        &BUTIR,
        &INDIKATOR,
        &RUJUKAN,
        &PENANDATANGAN,
        &DIAGNOSTIK,
    ] {
        let cols: Vec<String> = t
            .columns
            .iter()
            .map(|(c, ty)| format!("{c} {ty}"))
            .collect();
        sql.push_str(&format!(
            "CREATE TABLE IF NOT EXISTS {} ({}, {});\n",
            t.name,
            keys(t),
            cols.join(", ")
        ));
    }
    sql.push_str(
        "CREATE TABLE IF NOT EXISTS lembaran (id INTEGER PRIMARY KEY, \
         rujukan_id INTEGER NOT NULL REFERENCES rujukan(id) ON DELETE CASCADE, \
         jenis TEXT NOT NULL, tahun INTEGER, nomor TEXT);\n\
         CREATE TABLE IF NOT EXISTS tak_terklasifikasi (id INTEGER PRIMARY KEY, \
         dokumen_id INTEGER NOT NULL REFERENCES dokumen(id) ON DELETE CASCADE, \
         dokumen TEXT NOT NULL, line INTEGER NOT NULL, teks TEXT NOT NULL);\n\
         CREATE UNIQUE INDEX IF NOT EXISTS dokumen_sha256 ON dokumen(sha256);\n\
         CREATE INDEX IF NOT EXISTS dokumen_instansi ON dokumen(instansi);\n\
         CREATE INDEX IF NOT EXISTS jabatan_dokumen ON jabatan(dokumen_id);\n\
         CREATE INDEX IF NOT EXISTS butir_dokumen ON butir(dokumen_id);\n\
         CREATE INDEX IF NOT EXISTS butir_jabatan ON butir(jabatan_id);\n\
         CREATE INDEX IF NOT EXISTS indikator_dokumen ON indikator(dokumen_id);\n\
         CREATE INDEX IF NOT EXISTS indikator_jabatan ON indikator(jabatan_id);\n\
         CREATE INDEX IF NOT EXISTS rujukan_dokumen ON rujukan(dokumen_id);\n\
         CREATE INDEX IF NOT EXISTS rujukan_butir ON rujukan(butir_id);\n\
         CREATE INDEX IF NOT EXISTS rujukan_indikator ON rujukan(indikator_id);\n\
         CREATE INDEX IF NOT EXISTS lembaran_rujukan ON lembaran(rujukan_id);\n\
         CREATE INDEX IF NOT EXISTS penandatangan_dokumen ON penandatangan(dokumen_id);\n\
         CREATE INDEX IF NOT EXISTS penandatangan_jabatan ON penandatangan(jabatan_id);\n\
         CREATE INDEX IF NOT EXISTS diagnostik_dokumen ON diagnostik(dokumen_id);\n\
         CREATE INDEX IF NOT EXISTS diagnostik_code ON diagnostik(code);\n\
         CREATE INDEX IF NOT EXISTS tak_terklasifikasi_dokumen ON tak_terklasifikasi(dokumen_id);\n",
    );
    sql
}

fn sql_values<T: Serialize>(row: &T) -> rusqlite::Result<Vec<Sql>> {
    let v = serde_json::to_value(row)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    let serde_json::Value::Object(m) = v else {
        return Ok(Vec::new());
    };
    Ok(m.into_iter()
        .map(|(_, v)| match v {
            serde_json::Value::Null => Sql::Null,
            serde_json::Value::Bool(b) => Sql::Integer(b as i64),
            serde_json::Value::Number(n) => match n.as_i64() {
                Some(i) => Sql::Integer(i),
                None => Sql::Real(n.as_f64().unwrap_or(0.0)),
            },
            serde_json::Value::String(s) => Sql::Text(s),
            other => Sql::Text(other.to_string()),
        })
        .collect())
}

fn insert_sql(t: &Table, extra: &[&str]) -> String {
    let mut cols: Vec<&str> = extra.to_vec();
    cols.extend(t.columns.iter().map(|(c, _)| *c));
    let marks = vec!["?"; cols.len()].join(", ");
    format!(
        "INSERT INTO {} ({}) VALUES ({})",
        t.name,
        cols.join(", "),
        marks
    )
}

impl SqliteExport {
    /// Opens (or creates) the database and starts the run's transaction.
    pub fn open(path: &Path) -> rusqlite::Result<SqliteExport> {
        let conn = Connection::open(path)?;
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA journal_mode = DELETE;")?;
        conn.execute_batch("BEGIN IMMEDIATE")?;
        conn.execute_batch(&schema_sql())?;
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('db_version', ?1), ('schema_version', ?2)",
            rusqlite::params![DB_VERSION.to_string(), crate::model::SCHEMA_VERSION.to_string()],
        )?;
        Ok(SqliteExport { conn })
    }

    /// Replaces the rows of this document (by its content hash) with new ones.
    pub fn add(&mut self, doc: &Document) -> rusqlite::Result<()> {
        let c = &self.conn;
        c.execute(
            "DELETE FROM dokumen WHERE sha256 = ?1",
            [&doc.source.sha256],
        )?;
        let rows = Rows::of(doc);
        let json = serde_json::to_string(doc)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        let mut v = vec![Sql::Text(json)];
        v.extend(sql_values(&rows.dokumen)?);
        c.prepare_cached(&insert_sql(&DOKUMEN, &["json"]))?
            .execute(params_from_iter(v))?;
        let dokumen_id = c.last_insert_rowid();

        let mut jabatan_ids: HashMap<usize, i64> = HashMap::new();
        for r in &rows.jabatan {
            let mut v = vec![Sql::Integer(dokumen_id)];
            v.extend(sql_values(r)?);
            c.prepare_cached(&insert_sql(&JABATAN, &["dokumen_id"]))?
                .execute(params_from_iter(v))?;
            jabatan_ids.insert(r.jabatan_no, c.last_insert_rowid());
        }
        let jab = |no: Option<usize>| {
            no.and_then(|n| jabatan_ids.get(&n))
                .map_or(Sql::Null, |&id| Sql::Integer(id))
        };
        let mut butir_ids: HashMap<(&str, Option<usize>, usize), i64> = HashMap::new();
        for r in &rows.butir {
            let mut v = vec![Sql::Integer(dokumen_id), jab(r.jabatan_no)];
            v.extend(sql_values(r)?);
            c.prepare_cached(&insert_sql(&BUTIR, &["dokumen_id", "jabatan_id"]))?
                .execute(params_from_iter(v))?;
            if r.induk.is_none() {
                butir_ids.insert((r.bagian, r.jabatan_no, r.urutan), c.last_insert_rowid());
            }
        }
        let mut indikator_ids: HashMap<(Option<usize>, usize), i64> = HashMap::new();
        for r in &rows.indikator {
            let kolom = serde_json::to_string(r.kolom).unwrap_or_else(|_| "{}".into());
            let mut v = vec![
                Sql::Integer(dokumen_id),
                jab(r.jabatan_no),
                Sql::Text(kolom),
            ];
            v.extend(sql_values(r)?);
            c.prepare_cached(&insert_sql(
                &INDIKATOR,
                &["dokumen_id", "jabatan_id", "kolom"],
            ))?
            .execute(params_from_iter(v))?;
            indikator_ids.insert((r.jabatan_no, r.urutan), c.last_insert_rowid());
        }
        for r in &rows.rujukan {
            let (butir, indikator) = if r.sumber == "indikator" {
                (None, indikator_ids.get(&(r.jabatan_no, r.sumber_urutan)))
            } else {
                (
                    butir_ids.get(&(r.sumber, r.jabatan_no, r.sumber_urutan)),
                    None,
                )
            };
            let id = |x: Option<&i64>| x.map_or(Sql::Null, |&i| Sql::Integer(i));
            let mut v = vec![Sql::Integer(dokumen_id), id(butir), id(indikator)];
            v.extend(sql_values(r)?);
            c.prepare_cached(&insert_sql(
                &RUJUKAN,
                &["dokumen_id", "butir_id", "indikator_id"],
            ))?
            .execute(params_from_iter(v))?;
            let rujukan_id = c.last_insert_rowid();
            for l in &r.source.lembaran {
                c.prepare_cached("INSERT INTO lembaran (rujukan_id, jenis, tahun, nomor) VALUES (?1, ?2, ?3, ?4)")?
                    .execute(rusqlite::params![rujukan_id, l.jenis, l.tahun, l.nomor])?;
            }
        }
        for r in &rows.penandatangan {
            let mut v = vec![Sql::Integer(dokumen_id), jab(r.jabatan_no)];
            v.extend(sql_values(r)?);
            c.prepare_cached(&insert_sql(&PENANDATANGAN, &["dokumen_id", "jabatan_id"]))?
                .execute(params_from_iter(v))?;
        }
        for r in &rows.diagnostik {
            let mut v = vec![Sql::Integer(dokumen_id)];
            v.extend(sql_values(r)?);
            c.prepare_cached(&insert_sql(&DIAGNOSTIK, &["dokumen_id"]))?
                .execute(params_from_iter(v))?;
        }
        for u in &doc.coverage.unclassified {
            c.prepare_cached(
                "INSERT INTO tak_terklasifikasi (dokumen_id, dokumen, line, teks) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(rusqlite::params![dokumen_id, doc.source.path, u.line, u.teks])?;
        }
        Ok(())
    }

    /// Commits the run.
    pub fn finish(self) -> rusqlite::Result<()> {
        self.conn.execute_batch("COMMIT")
    }

    /// The connection, for queries in tests and tools.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}
