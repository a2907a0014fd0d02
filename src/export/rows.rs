//! Flat rows of a document: one struct per table, shared by the CSV and SQLite
//! exports. The field order is the column order; the names are the column
//! names (documented in the README).

use serde::Serialize;

use crate::model::{Butir, Document, Indikator, Penandatangan, Rujukan, Severity};

/// `dokumen.csv`: one row per document.
#[derive(Debug, Serialize)]
pub struct DokumenRow<'a> {
    pub dokumen: &'a str,
    pub sha256: &'a str,
    pub bytes: u64,
    pub lines: u32,
    pub encoding: &'a str,
    pub jenis: String,
    pub judul: Option<&'a str>,
    pub periode_mulai: Option<i32>,
    pub periode_selesai: Option<i32>,
    pub instansi: Option<&'a str>,
    pub pemerintah: Option<&'a str>,
    pub wilayah_tingkat: Option<&'static str>,
    pub wilayah: Option<&'a str>,
    pub alamat: Option<&'a str>,
    pub telepon: String,
    pub faks: String,
    pub laman: Option<&'a str>,
    pub email: Option<&'a str>,
    pub kota: Option<&'a str>,
    pub kode_pos: Option<&'a str>,
    pub keputusan_pejabat: Option<&'a str>,
    pub keputusan_nomor: Option<&'a str>,
    pub keputusan_tahun: Option<i32>,
    pub keputusan_tentang: Option<&'a str>,
    pub ditetapkan_tempat: Option<&'a str>,
    pub ditetapkan_tanggal: Option<&'a str>,
    pub jabatan: usize,
    pub indikator: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub unclassified_lines: usize,
}

/// `jabatan.csv`: one row per position block.
#[derive(Debug, Serialize)]
pub struct JabatanRow<'a> {
    pub dokumen: &'a str,
    /// 1-based position of the block in its document.
    pub jabatan_no: usize,
    pub nama: &'a str,
    pub tugas: usize,
    pub fungsi: usize,
    pub indikator: usize,
    pub penandatangan: Option<&'a str>,
    pub nip: Option<&'a str>,
    pub start_line: u32,
    pub end_line: u32,
}

/// `butir.csv`: list items of every kind.
#[derive(Debug, Serialize)]
pub struct ButirRow<'a> {
    pub dokumen: &'a str,
    /// tugas | fungsi | tugas_pokok | fungsi_instansi | menimbang | mengingat |
    /// memperhatikan | diktum | diktum_butir | tembusan
    pub bagian: &'static str,
    /// The position block (tugas, fungsi), empty otherwise.
    pub jabatan_no: Option<usize>,
    /// The diktum an item belongs to (diktum_butir).
    pub induk: Option<&'a str>,
    /// 1-based order within its list.
    pub urutan: usize,
    pub label: Option<&'a str>,
    pub teks: &'a str,
    pub rujukan: usize,
    pub start_line: Option<u32>,
    pub end_line: Option<u32>,
}

/// `indikator.csv`: one row per indicator, self-contained.
#[derive(Debug, Serialize)]
pub struct IndikatorRow<'a> {
    pub dokumen: &'a str,
    pub instansi: Option<&'a str>,
    pub wilayah_tingkat: Option<&'static str>,
    pub wilayah: Option<&'a str>,
    pub jenis: String,
    pub periode_mulai: Option<i32>,
    pub periode_selesai: Option<i32>,
    pub keputusan_tahun: Option<i32>,
    /// Empty for document-level tables (IKU, IKK).
    pub jabatan_no: Option<usize>,
    pub jabatan: Option<&'a str>,
    /// 1-based order within its table list (jabatan or document).
    pub urutan: usize,
    pub no: Option<&'a str>,
    pub tujuan: Option<&'a str>,
    pub sasaran: Option<&'a str>,
    pub indikator: &'a str,
    pub formulasi: Option<&'a str>,
    pub formulasi_bentuk: Option<&'static str>,
    pub pembilang: Option<&'a str>,
    pub penyebut: Option<&'a str>,
    pub pengali: Option<f64>,
    pub satuan: Option<&'a str>,
    pub sumber_data: Option<&'a str>,
    pub target: Option<&'a str>,
    pub target_nilai: Option<f64>,
    pub target_satuan: Option<&'a str>,
    pub target_tahun: Option<i32>,
    pub penanggung_jawab: String,
    pub bidang_urusan: Option<&'a str>,
    pub keterangan: Option<&'a str>,
    pub start_line: u32,
    pub end_line: u32,
    /// Every cell under its header (JSON in SQLite; not a CSV column).
    #[serde(skip)]
    pub kolom: &'a crate::model::Kolom,
}

/// `rujukan.csv`: every citation, with where it was found.
#[derive(Debug, Serialize)]
pub struct RujukanRow<'a> {
    pub dokumen: &'a str,
    /// menimbang | mengingat | memperhatikan | indikator
    pub sumber: &'static str,
    /// The item's order in its list, or the indicator's in `indikator.csv` terms.
    pub sumber_urutan: usize,
    pub jabatan_no: Option<usize>,
    pub teks: &'a str,
    pub jenis: Option<&'a str>,
    pub penerbit: Option<&'a str>,
    pub nomor: Option<&'a str>,
    pub tahun: Option<i32>,
    pub tentang: Option<&'a str>,
    /// Gazette references: `Lembaran Negara 2014/244; Tambahan Lembaran Negara -/5587`.
    pub lembaran: String,
    /// The citation itself (its gazette entries go to their own SQLite table).
    #[serde(skip)]
    pub source: &'a Rujukan,
}

/// `penandatangan.csv`: every signature block.
#[derive(Debug, Serialize)]
pub struct PenandatanganRow<'a> {
    pub dokumen: &'a str,
    /// keputusan | jabatan | dokumen
    pub peran: &'static str,
    pub jabatan_no: Option<usize>,
    pub jabatan: Option<&'a str>,
    pub nama: Option<&'a str>,
    pub nama_lengkap: Option<&'a str>,
    pub gelar_depan: String,
    pub gelar_belakang: String,
    pub pangkat: Option<&'a str>,
    pub golongan: Option<&'a str>,
    pub nip: Option<&'a str>,
    pub nip_nilai: Option<&'a str>,
    pub nip_valid: Option<bool>,
    pub tanggal_lahir: Option<&'a str>,
    pub tmt_cpns: Option<&'a str>,
    pub jenis_kelamin: Option<&'a str>,
    pub start_line: u32,
    pub end_line: u32,
}

/// `diagnostik.csv`: every diagnostic.
#[derive(Debug, Serialize)]
pub struct DiagnostikRow<'a> {
    pub dokumen: &'a str,
    pub severity: &'static str,
    pub code: &'a str,
    pub message: &'a str,
    pub start_line: Option<u32>,
    pub end_line: Option<u32>,
}

/// All rows of one document.
#[derive(Debug)]
pub struct Rows<'a> {
    pub dokumen: DokumenRow<'a>,
    pub jabatan: Vec<JabatanRow<'a>>,
    pub butir: Vec<ButirRow<'a>>,
    pub indikator: Vec<IndikatorRow<'a>>,
    pub rujukan: Vec<RujukanRow<'a>>,
    pub penandatangan: Vec<PenandatanganRow<'a>>,
    pub diagnostik: Vec<DiagnostikRow<'a>>,
}

fn tingkat(doc: &Document) -> Option<&'static str> {
    doc.instansi
        .as_ref()
        .and_then(|i| i.wilayah.as_ref())
        .map(|w| match w.tingkat {
            crate::model::Tingkat::Provinsi => "provinsi",
            crate::model::Tingkat::Kabupaten => "kabupaten",
            crate::model::Tingkat::Kota => "kota",
        })
}

fn bentuk(b: crate::model::Bentuk) -> &'static str {
    match b {
        crate::model::Bentuk::Rasio => "rasio",
        crate::model::Bentuk::Jumlah => "jumlah",
        crate::model::Bentuk::Teks => "teks",
    }
}

/// `Lembaran Negara 2014/244; Tambahan Lembaran Negara -/5587`
pub fn lembaran_text(r: &Rujukan) -> String {
    r.lembaran
        .iter()
        .map(|l| {
            format!(
                "{} {}/{}",
                l.jenis,
                l.tahun.map(|t| t.to_string()).unwrap_or_else(|| "-".into()),
                l.nomor.as_deref().unwrap_or("-")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl<'a> Rows<'a> {
    pub fn of(doc: &'a Document) -> Rows<'a> {
        let path = doc.source.path.as_str();
        let jenis = doc
            .jenis
            .iter()
            .map(|j| j.as_str())
            .collect::<Vec<_>>()
            .join(";");
        let inst = doc.instansi.as_ref();
        let k = doc.keputusan.as_ref();
        let count = |s: Severity| doc.diagnostics.iter().filter(|d| d.severity == s).count();
        let indikator_total =
            doc.indikator.len() + doc.jabatan.iter().map(|j| j.indikator.len()).sum::<usize>();
        let dokumen = DokumenRow {
            dokumen: path,
            sha256: &doc.source.sha256,
            bytes: doc.source.bytes,
            lines: doc.source.lines,
            encoding: &doc.source.encoding,
            jenis: jenis.clone(),
            judul: doc.judul.as_deref(),
            periode_mulai: doc.periode.map(|p| p.mulai),
            periode_selesai: doc.periode.map(|p| p.selesai),
            instansi: inst.and_then(|i| i.nama.as_deref()),
            pemerintah: inst.and_then(|i| i.pemerintah.as_deref()),
            wilayah_tingkat: tingkat(doc),
            wilayah: inst
                .and_then(|i| i.wilayah.as_ref())
                .map(|w| w.nama.as_str()),
            alamat: inst.and_then(|i| i.alamat.as_deref()),
            telepon: inst.map(|i| i.telepon.join("; ")).unwrap_or_default(),
            faks: inst.map(|i| i.faks.join("; ")).unwrap_or_default(),
            laman: inst.and_then(|i| i.laman.as_deref()),
            email: inst.and_then(|i| i.email.as_deref()),
            kota: inst.and_then(|i| i.kota.as_deref()),
            kode_pos: inst.and_then(|i| i.kode_pos.as_deref()),
            keputusan_pejabat: k.and_then(|k| k.pejabat.as_deref()),
            keputusan_nomor: k.and_then(|k| k.nomor.as_deref()),
            keputusan_tahun: k.and_then(|k| k.tahun),
            keputusan_tentang: k.and_then(|k| k.tentang.as_deref()),
            ditetapkan_tempat: k
                .and_then(|k| k.ditetapkan.as_ref())
                .and_then(|d| d.tempat.as_deref()),
            ditetapkan_tanggal: k
                .and_then(|k| k.ditetapkan.as_ref())
                .and_then(|d| d.tanggal.as_deref()),
            jabatan: doc.jabatan.len(),
            indikator: indikator_total,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            unclassified_lines: doc.coverage.unclassified.len(),
        };
        let mut rows = Rows {
            dokumen,
            jabatan: Vec::new(),
            butir: Vec::new(),
            indikator: Vec::new(),
            rujukan: Vec::new(),
            penandatangan: Vec::new(),
            diagnostik: Vec::new(),
        };
        let butir_rows = |out: &mut Vec<ButirRow<'a>>,
                          rujukan: &mut Vec<RujukanRow<'a>>,
                          list: &'a [Butir],
                          bagian: &'static str,
                          jabatan_no: Option<usize>,
                          induk: Option<&'a str>| {
            for (n, b) in list.iter().enumerate() {
                out.push(ButirRow {
                    dokumen: path,
                    bagian,
                    jabatan_no,
                    induk,
                    urutan: n + 1,
                    label: b.label.as_deref(),
                    teks: &b.teks,
                    rujukan: b.rujukan.len(),
                    start_line: Some(b.span.start_line),
                    end_line: Some(b.span.end_line),
                });
                for r in &b.rujukan {
                    rujukan.push(rujukan_row(path, bagian, n + 1, jabatan_no, r));
                }
            }
        };
        butir_rows(
            &mut rows.butir,
            &mut rows.rujukan,
            &doc.tugas_pokok,
            "tugas_pokok",
            None,
            None,
        );
        butir_rows(
            &mut rows.butir,
            &mut rows.rujukan,
            &doc.fungsi,
            "fungsi_instansi",
            None,
            None,
        );
        if let Some(k) = k {
            butir_rows(
                &mut rows.butir,
                &mut rows.rujukan,
                &k.menimbang,
                "menimbang",
                None,
                None,
            );
            butir_rows(
                &mut rows.butir,
                &mut rows.rujukan,
                &k.mengingat,
                "mengingat",
                None,
                None,
            );
            butir_rows(
                &mut rows.butir,
                &mut rows.rujukan,
                &k.memperhatikan,
                "memperhatikan",
                None,
                None,
            );
            for (n, d) in k.diktum.iter().enumerate() {
                if let Some(t) = &d.teks {
                    rows.butir.push(ButirRow {
                        dokumen: path,
                        bagian: "diktum",
                        jabatan_no: None,
                        induk: None,
                        urutan: n + 1,
                        label: Some(&d.label),
                        teks: t,
                        rujukan: 0,
                        start_line: Some(d.span.start_line),
                        end_line: Some(d.span.end_line),
                    });
                }
                butir_rows(
                    &mut rows.butir,
                    &mut rows.rujukan,
                    &d.butir,
                    "diktum_butir",
                    None,
                    Some(&d.label),
                );
            }
            for (n, t) in k.tembusan.iter().enumerate() {
                rows.butir.push(ButirRow {
                    dokumen: path,
                    bagian: "tembusan",
                    jabatan_no: None,
                    induk: None,
                    urutan: n + 1,
                    label: None,
                    teks: t,
                    rujukan: 0,
                    start_line: None,
                    end_line: None,
                });
            }
            if let Some(p) = &k.penandatangan {
                rows.penandatangan.push(signer(path, "keputusan", None, p));
            }
        }
        for (n, j) in doc.jabatan.iter().enumerate() {
            let no = n + 1;
            rows.jabatan.push(JabatanRow {
                dokumen: path,
                jabatan_no: no,
                nama: &j.nama,
                tugas: j.tugas.len(),
                fungsi: j.fungsi.len(),
                indikator: j.indikator.len(),
                penandatangan: j.penandatangan.as_ref().and_then(|p| p.nama.as_deref()),
                nip: j
                    .penandatangan
                    .as_ref()
                    .and_then(|p| p.nip.as_ref())
                    .map(|n| n.teks.as_str()),
                start_line: j.span.start_line,
                end_line: j.span.end_line,
            });
            butir_rows(
                &mut rows.butir,
                &mut rows.rujukan,
                &j.tugas,
                "tugas",
                Some(no),
                None,
            );
            butir_rows(
                &mut rows.butir,
                &mut rows.rujukan,
                &j.fungsi,
                "fungsi",
                Some(no),
                None,
            );
            for (m, i) in j.indikator.iter().enumerate() {
                rows.push_indikator(doc, &jenis, Some((no, &j.nama)), m + 1, i);
            }
            if let Some(p) = &j.penandatangan {
                rows.penandatangan
                    .push(signer(path, "jabatan", Some(no), p));
            }
        }
        for (m, i) in doc.indikator.iter().enumerate() {
            rows.push_indikator(doc, &jenis, None, m + 1, i);
        }
        for p in &doc.penandatangan {
            rows.penandatangan.push(signer(path, "dokumen", None, p));
        }
        for d in &doc.diagnostics {
            rows.diagnostik.push(DiagnostikRow {
                dokumen: path,
                severity: d.severity.as_str(),
                code: &d.code,
                message: &d.message,
                start_line: d.span.map(|s| s.start_line),
                end_line: d.span.map(|s| s.end_line),
            });
        }
        rows
    }

    fn push_indikator(
        &mut self,
        doc: &'a Document,
        jenis: &str,
        jabatan: Option<(usize, &'a str)>,
        urutan: usize,
        i: &'a Indikator,
    ) {
        let path = doc.source.path.as_str();
        let inst = doc.instansi.as_ref();
        let f = i.formulasi.as_ref();
        let t = i.target.as_ref();
        self.indikator.push(IndikatorRow {
            dokumen: path,
            instansi: inst.and_then(|i| i.nama.as_deref()),
            wilayah_tingkat: tingkat(doc),
            wilayah: inst
                .and_then(|i| i.wilayah.as_ref())
                .map(|w| w.nama.as_str()),
            jenis: jenis.to_string(),
            periode_mulai: doc.periode.map(|p| p.mulai),
            periode_selesai: doc.periode.map(|p| p.selesai),
            keputusan_tahun: doc.keputusan.as_ref().and_then(|k| k.tahun),
            jabatan_no: jabatan.map(|j| j.0),
            jabatan: jabatan.map(|j| j.1),
            urutan,
            no: i.no.as_deref(),
            tujuan: i.tujuan.as_deref(),
            sasaran: i.sasaran.as_deref(),
            indikator: &i.indikator,
            formulasi: f.map(|f| f.teks.as_str()),
            formulasi_bentuk: f.map(|f| bentuk(f.bentuk)),
            pembilang: f.and_then(|f| f.pembilang.as_deref()),
            penyebut: f.and_then(|f| f.penyebut.as_deref()),
            pengali: f.and_then(|f| f.pengali),
            satuan: f.and_then(|f| f.satuan.as_deref()),
            sumber_data: i.sumber_data.as_deref(),
            target: t.map(|t| t.teks.as_str()),
            target_nilai: t.and_then(|t| t.nilai),
            target_satuan: t.and_then(|t| t.satuan.as_deref()),
            target_tahun: t.and_then(|t| t.tahun),
            penanggung_jawab: i.penanggung_jawab.join("; "),
            bidang_urusan: i.bidang_urusan.as_deref(),
            keterangan: i.keterangan.as_deref(),
            start_line: i.span.start_line,
            end_line: i.span.end_line,
            kolom: &i.kolom,
        });
        for r in &i.rujukan {
            self.rujukan.push(rujukan_row(
                path,
                "indikator",
                urutan,
                jabatan.map(|j| j.0),
                r,
            ));
        }
    }
}

fn rujukan_row<'a>(
    path: &'a str,
    sumber: &'static str,
    sumber_urutan: usize,
    jabatan_no: Option<usize>,
    r: &'a Rujukan,
) -> RujukanRow<'a> {
    RujukanRow {
        dokumen: path,
        sumber,
        sumber_urutan,
        jabatan_no,
        teks: &r.teks,
        jenis: r.jenis.as_deref(),
        penerbit: r.penerbit.as_deref(),
        nomor: r.nomor.as_deref(),
        tahun: r.tahun,
        tentang: r.tentang.as_deref(),
        lembaran: lembaran_text(r),
        source: r,
    }
}

fn signer<'a>(
    path: &'a str,
    peran: &'static str,
    jabatan_no: Option<usize>,
    p: &'a Penandatangan,
) -> PenandatanganRow<'a> {
    let nip = p.nip.as_ref();
    PenandatanganRow {
        dokumen: path,
        peran,
        jabatan_no,
        jabatan: p.jabatan.as_deref(),
        nama: p.nama.as_deref(),
        nama_lengkap: p.nama_lengkap.as_deref(),
        gelar_depan: p.gelar_depan.join("; "),
        gelar_belakang: p.gelar_belakang.join("; "),
        pangkat: p.pangkat.as_deref(),
        golongan: p.golongan.as_deref(),
        nip: nip.map(|n| n.teks.as_str()),
        nip_nilai: nip.and_then(|n| n.nilai.as_deref()),
        nip_valid: nip.map(|n| n.valid),
        tanggal_lahir: nip.and_then(|n| n.tanggal_lahir.as_deref()),
        tmt_cpns: nip.and_then(|n| n.tmt_cpns.as_deref()),
        jenis_kelamin: nip.and_then(|n| n.jenis_kelamin.as_deref()),
        start_line: p.span.start_line,
        end_line: p.span.end_line,
    }
}
