fn recover_lines<'a>(l: Vec<Line<'a>>, d: &mut Diagnostics) -> Vec<Line<'a>> {
    recover(l, &[], d).lines
}

use super::*;

fn ls(src: &str) -> Vec<Line<'static>> {
    crate::lines::normalized_lines(src)
}

fn texts(lines: &[Line]) -> Vec<String> {
    lines
        .iter()
        .map(|l| format!("{}:{}", l.no, l.text))
        .collect()
}

#[test]
fn letter_spacing() {
    assert_eq!(
        close_letter_spacing_str("T E N T A N G").as_deref(),
        Some("TENTANG")
    );
    assert_eq!(
        close_letter_spacing_str("K E P U T U S A N BUPATI").as_deref(),
        Some("KEPUTUSAN BUPATI")
    );
    assert_eq!(close_letter_spacing_str("a. b c"), None);
    assert_eq!(close_letter_spacing_str("DINAS KOPERASI"), None);
}

#[test]
fn collapsed_decree_parts_are_split() {
    let mut d = Diagnostics::default();
    let out = recover_lines(
        ls("MEMUTUSKAN : Menetapkan : KESATU\n: Indikator Kinerja Individu"),
        &mut d,
    );
    assert_eq!(
        texts(&out),
        [
            "1:MEMUTUSKAN :",
            "1:Menetapkan :",
            "1:KESATU",
            "2:: Indikator Kinerja Individu"
        ]
    );
    assert!(!d.is_empty());
}

#[test]
fn collapsed_items_are_split() {
    let mut d = Diagnostics::default();
    let out = recover_lines(
        ls(
            "Menimbang : a. bahwa untuk dapat mengukur kinerja; b. bahwa sehubungan dengan maksud huruf a. Mengingat : 1. Peraturan Pemerintah Nomor 5 Tahun 2014; 2. Undang-Undang Nomor 23 Tahun 2014.",
        ),
        &mut d,
    );
    assert_eq!(
        texts(&out),
        [
            "1:Menimbang :",
            "1:a. bahwa untuk dapat mengukur kinerja;",
            "1:b. bahwa sehubungan dengan maksud huruf a.",
            "1:Mengingat :",
            "1:1. Peraturan Pemerintah Nomor 5 Tahun 2014;",
            "1:2. Undang-Undang Nomor 23 Tahun 2014.",
        ]
    );
}

#[test]
fn text_mentioning_a_diktum_is_not_split() {
    let mut d = Diagnostics::default();
    let src = "- Kedua : Indikator Kinerja Individu sebagaimana Diktum kesatu bertujuan untuk :";
    let out = recover_lines(ls(src), &mut d);
    assert_eq!(out.len(), 1);
    assert!(d.is_empty());
}

#[test]
fn label_after_its_content_is_moved() {
    let mut d = Diagnostics::default();
    let out = recover_lines(
        ls(
            "KEPALA DINAS a. Bahwa untuk dapat mengukur kinerja; b. Bahwa sehubungan dengan maksud tersebut.\nMenimbang\n:\nMengingat\n: 1. Peraturan Pemerintah Nomor 5 Tahun 2014;",
        ),
        &mut d,
    );
    assert_eq!(
        texts(&out),
        [
            "1:KEPALA DINAS",
            "2:Menimbang :",
            "1:a. Bahwa untuk dapat mengukur kinerja;",
            "1:b. Bahwa sehubungan dengan maksud tersebut.",
            "4:Mengingat",
            "5:: 1. Peraturan Pemerintah Nomor 5 Tahun 2014;",
        ]
    );
}
