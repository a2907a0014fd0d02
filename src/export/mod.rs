//! Bulk-import outputs: CSV files and an SQLite database.
//!
//! Both are built from the same flat [`rows`]; the column lists below are
//! the documented, stable columns (a test checks them against the row types).

pub mod csv;
pub mod rows;
pub mod sqlite;

/// A table of the export: its name and its columns with their SQL types.
#[derive(Debug)]
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [(&'static str, &'static str)],
}

pub const DOKUMEN: Table = Table {
    name: "dokumen",
    columns: &[
        ("dokumen", "TEXT"),
        ("sha256", "TEXT"),
        ("bytes", "INTEGER"),
        ("lines", "INTEGER"),
        ("encoding", "TEXT"),
        ("jenis", "TEXT"),
        ("judul", "TEXT"),
        ("periode_mulai", "INTEGER"),
        ("periode_selesai", "INTEGER"),
        ("instansi", "TEXT"),
        ("pemerintah", "TEXT"),
        ("wilayah_tingkat", "TEXT"),
        ("wilayah", "TEXT"),
        ("alamat", "TEXT"),
        ("telepon", "TEXT"),
        ("faks", "TEXT"),
        ("laman", "TEXT"),
        ("email", "TEXT"),
        ("kota", "TEXT"),
        ("kode_pos", "TEXT"),
        ("keputusan_pejabat", "TEXT"),
        ("keputusan_nomor", "TEXT"),
        ("keputusan_tahun", "INTEGER"),
        ("keputusan_tentang", "TEXT"),
        ("ditetapkan_tempat", "TEXT"),
        ("ditetapkan_tanggal", "TEXT"),
        ("jabatan", "INTEGER"),
        ("indikator", "INTEGER"),
        ("errors", "INTEGER"),
        ("warnings", "INTEGER"),
        ("infos", "INTEGER"),
        ("unclassified_lines", "INTEGER"),
    ],
};

pub const JABATAN: Table = Table {
    name: "jabatan",
    columns: &[
        ("dokumen", "TEXT"),
        ("jabatan_no", "INTEGER"),
        ("nama", "TEXT"),
        ("tugas", "INTEGER"),
        ("fungsi", "INTEGER"),
        ("indikator", "INTEGER"),
        ("penandatangan", "TEXT"),
        ("nip", "TEXT"),
        ("start_line", "INTEGER"),
        ("end_line", "INTEGER"),
    ],
};

pub const BUTIR: Table = Table {
    name: "butir",
    columns: &[
        ("dokumen", "TEXT"),
        ("bagian", "TEXT"),
        ("jabatan_no", "INTEGER"),
        ("induk", "TEXT"),
        ("urutan", "INTEGER"),
        ("label", "TEXT"),
        ("teks", "TEXT"),
        ("rujukan", "INTEGER"),
        ("start_line", "INTEGER"),
        ("end_line", "INTEGER"),
    ],
};

pub const INDIKATOR: Table = Table {
    name: "indikator",
    columns: &[
        ("dokumen", "TEXT"),
        ("instansi", "TEXT"),
        ("wilayah_tingkat", "TEXT"),
        ("wilayah", "TEXT"),
        ("jenis", "TEXT"),
        ("periode_mulai", "INTEGER"),
        ("periode_selesai", "INTEGER"),
        ("keputusan_tahun", "INTEGER"),
        ("jabatan_no", "INTEGER"),
        ("jabatan", "TEXT"),
        ("urutan", "INTEGER"),
        ("no", "TEXT"),
        ("tujuan", "TEXT"),
        ("sasaran", "TEXT"),
        ("indikator", "TEXT"),
        ("formulasi", "TEXT"),
        ("formulasi_bentuk", "TEXT"),
        ("pembilang", "TEXT"),
        ("penyebut", "TEXT"),
        ("pengali", "REAL"),
        ("satuan", "TEXT"),
        ("sumber_data", "TEXT"),
        ("target", "TEXT"),
        ("target_nilai", "REAL"),
        ("target_satuan", "TEXT"),
        ("target_tahun", "INTEGER"),
        ("penanggung_jawab", "TEXT"),
        ("bidang_urusan", "TEXT"),
        ("keterangan", "TEXT"),
        ("start_line", "INTEGER"),
        ("end_line", "INTEGER"),
    ],
};

pub const RUJUKAN: Table = Table {
    name: "rujukan",
    columns: &[
        ("dokumen", "TEXT"),
        ("sumber", "TEXT"),
        ("sumber_urutan", "INTEGER"),
        ("jabatan_no", "INTEGER"),
        ("teks", "TEXT"),
        ("jenis", "TEXT"),
        ("penerbit", "TEXT"),
        ("nomor", "TEXT"),
        ("tahun", "INTEGER"),
        ("tentang", "TEXT"),
        ("lembaran", "TEXT"),
    ],
};

pub const PENANDATANGAN: Table = Table {
    name: "penandatangan",
    columns: &[
        ("dokumen", "TEXT"),
        ("peran", "TEXT"),
        ("jabatan_no", "INTEGER"),
        ("jabatan", "TEXT"),
        ("nama", "TEXT"),
        ("nama_lengkap", "TEXT"),
        ("gelar_depan", "TEXT"),
        ("gelar_belakang", "TEXT"),
        ("pangkat", "TEXT"),
        ("golongan", "TEXT"),
        ("nip", "TEXT"),
        ("nip_nilai", "TEXT"),
        ("nip_valid", "INTEGER"),
        ("tanggal_lahir", "TEXT"),
        ("tmt_cpns", "TEXT"),
        ("jenis_kelamin", "TEXT"),
        ("start_line", "INTEGER"),
        ("end_line", "INTEGER"),
    ],
};

pub const DIAGNOSTIK: Table = Table {
    name: "diagnostik",
    columns: &[
        ("dokumen", "TEXT"),
        ("severity", "TEXT"),
        ("code", "TEXT"),
        ("message", "TEXT"),
        ("start_line", "INTEGER"),
        ("end_line", "INTEGER"),
    ],
};

/// The tables, in the order they are written.
pub const TABLES: [&Table; 7] = [
    &DOKUMEN,
    &JABATAN,
    &BUTIR,
    &INDIKATOR,
    &RUJUKAN,
    &PENANDATANGAN,
    &DIAGNOSTIK,
];
