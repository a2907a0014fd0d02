//! The field samples (`tests/field-samples/`, sources in its README): real
//! texts from other agencies as other converters write them. Each is checked
//! against the invariants, against what a careful reader takes from its
//! source text (written from the texts, below), and snapshotted into
//! `snapshots/field-samples/`, one snapshot per file.

mod common;

use std::path::PathBuf;

use kinerja::model::Document;

fn samples() -> Vec<(String, Vec<u8>, Document)> {
    let dir = common::root().join("tests/field-samples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 7, "the seven field samples");
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let doc = kinerja::parse(&bytes, &format!("field-samples/{name}"));
            (name, bytes, doc)
        })
        .collect()
}

fn get<'d>(docs: &'d [(String, Vec<u8>, Document)], stem: &str) -> &'d Document {
    &docs
        .iter()
        .find(|(n, _, _)| n.starts_with(stem))
        .unwrap_or_else(|| panic!("no sample {stem}"))
        .2
}

fn codes(d: &Document, code: &str) -> usize {
    d.diagnostics.iter().filter(|x| x.code == code).count()
}

fn jenis(d: &Document) -> Vec<&str> {
    d.jenis.iter().map(|j| j.as_str()).collect()
}

fn names(d: &Document) -> Vec<&str> {
    d.jabatan
        .iter()
        .flat_map(|j| &j.indikator)
        .chain(&d.indikator)
        .map(|i| i.indikator.as_str())
        .collect()
}

#[test]
fn field_samples_hold_the_invariants() {
    for (name, bytes, doc) in samples() {
        let v = common::invariants(&doc, &bytes);
        assert!(v.is_empty(), "{name}: {v:?}");
        let again = kinerja::parse(&bytes, &doc.source.path);
        assert_eq!(
            serde_json::to_string(&doc).unwrap(),
            serde_json::to_string(&again).unwrap(),
            "{name}: two parses differ"
        );
    }
}

/// Layout A: a cover page, a letterhead, the decree header and its
/// considerations, hard-wrapped.
#[test]
fn paser_hard_wrapped_decree() {
    let docs = samples();
    let d = get(&docs, "paser");
    assert_eq!(jenis(d), ["IKI"]);
    let i = d.instansi.as_ref().unwrap();
    assert_eq!(
        i.nama.as_deref(),
        Some("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia")
    );
    assert_eq!(i.pemerintah.as_deref(), Some("Pemerintah Kabupaten Paser"));
    assert_eq!(i.kode_pos.as_deref(), Some("76251"));
    let k = d.keputusan.as_ref().unwrap();
    assert_eq!((k.nomor.as_deref(), k.tahun), (Some("44"), Some(2022)));
    assert!(
        k.tentang
            .as_deref()
            .unwrap()
            .starts_with("Revisi Indikator Kinerja Individu (IKI)")
    );
    assert_eq!(k.menimbang.len(), 2);
    assert_eq!(k.mengingat.len(), 4);
    // the excerpt ends mid-word: kept as written
    assert!(k.mengingat[3].teks.ends_with("Republik In"));
    let p = d.periode.as_ref().unwrap();
    assert_eq!((p.mulai, p.selesai), (2021, 2026));
    assert!(codes(d, "layout-lines-joined") > 0);
}

/// Layout E: collapsed paragraphs, the Menimbang label after its items, the
/// decree number split over two lines.
#[test]
fn banyuwangi_collapsed_decree() {
    let docs = samples();
    let d = get(&docs, "banyuwangi");
    assert_eq!(jenis(d), ["IKI"]);
    let k = d.keputusan.as_ref().unwrap();
    assert_eq!(k.nomor.as_deref(), Some("188/ /KEP/429.115/2016"));
    assert_eq!(k.tahun, Some(2016));
    assert_eq!(
        k.pejabat.as_deref(),
        Some("Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Banyuwangi")
    );
    assert_eq!(k.menimbang.len(), 2);
    assert!(
        k.menimbang[0]
            .teks
            .starts_with("Bahwa untuk dapat mengukur kinerja")
    );
    assert_eq!(k.mengingat.len(), 6);
    assert!(
        k.mengingat[5]
            .teks
            .starts_with("Surat Keputusan Kepala Dinas")
    );
    let labels: Vec<&str> = k.diktum.iter().map(|x| x.label.as_str()).collect();
    assert_eq!(labels, ["KESATU", "KEDUA"]);
    assert_eq!(codes(d, "layout-label-moved"), 1);
    assert_eq!(codes(d, "decree-number-joined"), 1);
    assert!(d.coverage.unclassified.is_empty());
}

/// Layout C with cells broken into word groups: the position block is read,
/// the table is reported, its two indicator names are told apart.
#[test]
fn malang_double_spaced_with_wrapped_cells() {
    let docs = samples();
    let d = get(&docs, "malang");
    assert_eq!(jenis(d), ["IKI"]);
    assert_eq!(
        d.judul.as_deref(),
        Some("Indikator Kinerja Individu Kecamatan Pakisaji Kabupaten Malang")
    );
    assert_eq!(d.periode.as_ref().map(|p| p.mulai), Some(2019));
    assert_eq!(
        d.instansi.as_ref().and_then(|i| i.pemerintah.as_deref()),
        Some("Pemerintah Kabupaten Malang")
    );
    assert_eq!(
        d.lampiran[0].nomor.as_deref(),
        Some("188.45/ /KEP/35.07.19/2019")
    );
    let j = &d.jabatan[0];
    assert_eq!(
        (j.nama.as_str(), j.tugas.len(), j.fungsi.len()),
        ("SEKRETARIS KECAMATAN", 2, 7)
    );
    assert_eq!(
        names(d),
        [
            "Persentase tingkat kehadiran PNS lingkup kecamatan",
            "Persentase jumlah dokumen perencanaan dan pelaporan yang tersusun dengan benar"
        ]
    );
    assert_eq!(
        j.indikator[0].sasaran.as_deref(),
        Some("Meningkatkan produktifitas kinerja aparatur kecamatan")
    );
    assert_eq!(codes(d, "layout-double-spacing"), 1);
    assert_eq!(codes(d, "table-unrecoverable"), 1);
}

/// Layout B: the organisation block is read; the table, read across its
/// columns, is reported with its lines kept.
#[test]
fn karawang_table_read_across_columns() {
    let docs = samples();
    let d = get(&docs, "karawang");
    assert_eq!(jenis(d), ["IKU"]);
    assert_eq!(
        d.instansi.as_ref().and_then(|i| i.nama.as_deref()),
        Some("Dinas Kesehatan")
    );
    assert_eq!(d.tugas_pokok.len(), 1);
    assert!(
        d.tugas_pokok[0]
            .teks
            .ends_with("yang ditugaskan kepada pemerintah daerah")
    );
    let labels: Vec<Option<&str>> = d.fungsi.iter().map(|f| f.label.as_deref()).collect();
    assert_eq!(labels, [Some("a"), Some("b"), Some("c")]);
    assert!(
        names(d).is_empty(),
        "the indicator names cannot be told apart"
    );
    assert_eq!(codes(d, "table-unrecoverable"), 1);
    // the English aside is not "repaired"
    assert!(
        d.judul
            .as_deref()
            .unwrap()
            .contains("(Key Performance Indicator / KPI)")
    );
    assert!(
        d.coverage
            .unclassified
            .iter()
            .any(|u| u.teks.starts_with("1 Meningkatnya Kualitas"))
    );
}

/// Layout D: three tables column after column, one signature under each.
#[test]
fn banggai_bkpsdm_column_by_column() {
    let docs = samples();
    let d = get(&docs, "banggai-bkpsdm");
    assert_eq!(jenis(d), ["IKI"]);
    assert_eq!(d.judul.as_deref(), Some("Indikator Kinerja Individu"));
    assert_eq!(codes(d, "table-unrecoverable"), 3);
    assert_eq!(
        names(d),
        [
            "Tingkat kepuasan PNS terhadap pelayanan kepegawaian",
            "Persentase kualitas layanan pembinaan karir PNS",
            "Tingkat kepuasan PNS terhadap pelayanan kepegawaian",
            "Akurasi data kepegawaian",
            "Persentase Sumber Da",
        ]
    );
    let sasaran: Vec<Option<&str>> = d.indikator.iter().map(|i| i.sasaran.as_deref()).collect();
    assert_eq!(
        sasaran[1],
        Some("Meningkatnya kualitas pelayanan mutasi dan promosi")
    );
    assert_eq!(sasaran[3], Some("Meningkatnya akurasi data kepegawaian"));
    let signed: Vec<(Option<&str>, Option<&str>, Option<&str>)> = d
        .penandatangan
        .iter()
        .map(|p| {
            (
                p.nama.as_deref(),
                p.golongan.as_deref(),
                p.nip.as_ref().map(|n| n.teks.as_str()),
            )
        })
        .collect();
    assert_eq!(
        signed,
        [
            (Some("SUHARDI"), Some("IV/a"), Some("19740719 199903 1003")),
            (
                Some("AMRIZAL LATIF"),
                Some("IV/a"),
                Some("19760727 199803 1 014")
            ),
        ]
    );
    assert!(
        d.penandatangan[0]
            .jabatan
            .as_deref()
            .unwrap()
            .starts_with("Kabid Mutasi & Promosi")
    );
}

/// Layout G: a cover, a lettered position block and a pipe table without
/// its `|---|` line, column numbers in the header.
#[test]
fn kotamagelang_broken_pipe_table() {
    let docs = samples();
    let d = get(&docs, "kotamagelang");
    assert_eq!(jenis(d), ["IKI"]);
    assert_eq!(d.periode.as_ref().map(|p| p.mulai), Some(2022));
    let j = &d.jabatan[0];
    assert_eq!(
        (j.nama.as_str(), j.tugas.len(), j.fungsi.len()),
        ("Kepala Dinas", 1, 4)
    );
    let i = &j.indikator[0];
    assert_eq!(i.indikator, "Indeks Pembangunan Gender (IPG)");
    assert!(
        i.sasaran
            .as_deref()
            .unwrap()
            .starts_with("Meningkatnya Kesetaraan Gender")
    );
    // column numbers are no part of the column names
    let keys: Vec<&str> = i.kolom.0.iter().map(|(k, _)| &**k).collect();
    assert_eq!(
        keys,
        [
            "SASARAN KINERJA",
            "INDIKATOR KINERJA",
            "PENJELASAN/FORMULASI PERHITUNGAN",
            "SUMBER DATA"
        ]
    );
    assert_eq!(
        i.sumber_data.as_deref(),
        Some("Indeks Pendidikan (gender perempuan); Indeks Kesehatan (gender peremp")
    );
    assert!(d.coverage.unclassified.is_empty());
}

/// Layout H: a two-row header under a colspan, group rows of sasaran.
#[test]
fn meranti_markdown_table_from_html() {
    let docs = samples();
    let d = get(&docs, "meranti");
    assert_eq!(jenis(d), ["IKU"]);
    let rows: Vec<(&str, Option<&str>)> = d
        .indikator
        .iter()
        .map(|i| (i.indikator.as_str(), i.sasaran.as_deref()))
        .collect();
    assert_eq!(
        rows,
        [
            (
                "Persentase pembentukan desa tangguh bencana",
                Some("Terwujudnya masyarakat yang tangguh bencana")
            ),
            (
                "Persentase peningkatan pemahaman masyarakat tentang bencana",
                Some("Terwujudnya masyarakat yang tangguh bencana")
            ),
            (
                "Tingkat Waktu Tanggap",
                Some(
                    "Penangganan bencana dan kebakaran yang responsif di sertai dukungan logistik dan peralatan"
                )
            ),
            (
                "indeks kepuasan masyarakat (IKM)",
                Some("Meningkatnya kinerja pelayanan aparatur dan kelembagaan")
            ),
        ]
    );
    let f = d.indikator[0].formulasi.as_ref().unwrap();
    assert_eq!(f.pembilang.as_deref(), Some("Jumlah Desa yang terbentuk"));
    assert_eq!(
        d.indikator[0].sumber_data.as_deref(),
        Some("BPBD (Seluruh Aparatur)")
    );
    assert_eq!(codes(d, "table-group-rows"), 1);
    // the last row is cut short by the excerpt: reported
    assert_eq!(codes(d, "table-row-short"), 1);
}

#[test]
fn field_sample_snapshots() {
    let docs = samples();
    insta::with_settings!({ snapshot_path => "../snapshots/field-samples", prepend_module_to_snapshot => false, omit_expression => true }, {
        for (name, _, doc) in &docs {
            let stem = name.trim_end_matches(".txt");
            insta::assert_json_snapshot!(stem, doc);
        }
    });
}
