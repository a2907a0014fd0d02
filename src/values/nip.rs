//! Civil-servant numbers (NIP, *Nomor Induk Pegawai*).
//!
//! A NIP has 18 digits: the birth date (`YYYYMMDD`), the month of appointment
//! as a candidate civil servant (TMT CPNS, `YYYYMM`), a sex digit (`1` man,
//! `2` woman) and a 3-digit sequence number. It is written in any grouping:
//! `19650223 199603 1 007`, `19650223 199603 1007`, `196502231996031007`.
//!
//! ```text
//! nip-ref   = nip-label { "." | ":" | " " } number ;
//! nip-label = "NIP" | "N.I.P" | "N I P" ;      (* any case; a whole word *)
//! number    = digits { sep digits } ;
//! sep       = " " { " " } | "." | "-" ;
//! nip       = birth-date appointment sex sequence ;   (* the 18 digits *)
//! ```
//!
//! The rules chosen:
//!
//! * **Validity.** A NIP is valid when it has exactly 18 digits, the birth date
//!   is a real date (years 1900–2099), the appointment month is a real month,
//!   the appointment is not before the 18th birthday (compared by month) and
//!   the sex digit is `1` or `2`. Anything else gives `valid: false` and one
//!   `nip-invalid` diagnostic that lists every reason.
//! * **`nilai`** is the 18 digits when there are exactly 18, even when the NIP
//!   is invalid for another reason; otherwise `null`.
//! * **Decoded fields** are `null` where they cannot be trusted: an impossible
//!   birth date or appointment month, a sex digit other than 1/2, and both
//!   dates when the appointment falls before the 18th birthday (one of them is
//!   wrong, the text does not say which). With a wrong number of digits the
//!   fields are read from the written groups only when the NIP is written in
//!   the standard groups (`8 6 1 3` or `8 6 4`): a group of the right length
//!   is decoded, a group of the wrong length gives `null`
//!   (`19751030 2002112 2 004`: birth date, sex and sequence, no TMT).
//! * **`teks`** is the number as written, whitespace collapsed.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, tag_no_case, take_while, take_while_m_n, take_while1},
    character::complete::{one_of, satisfy},
    combinator::{map_res, not, opt, recognize},
    multi::many0_count,
    sequence::preceded,
};

use crate::diagnostics::{Code, Diagnostics};
use crate::model::{Nip, Span};
use crate::text::padded;
use crate::values::tanggal::{YEARS, days_in_month};

/// `nip-label`: `NIP`, `N.I.P`, `N I P` in any case, not followed by a letter.
fn nip_label(i: &str) -> IResult<&str, &str> {
    let sep = || opt(one_of(". "));
    recognize((
        tag_no_case("n"),
        sep(),
        tag_no_case("i"),
        sep(),
        tag_no_case("p"),
        not(satisfy(char::is_alphabetic)),
    ))
    .parse(i)
}

/// `sep = " " { " " } | "." | "-"` (tabs count as spaces).
fn sep(i: &str) -> IResult<&str, &str> {
    alt((take_while1(|c| c == ' ' || c == '\t'), tag("."), tag("-"))).parse(i)
}

/// `digits = digit { digit }`
fn digits(i: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_digit()).parse(i)
}

/// `number = digits { sep digits }`: the digit groups, ending at the last digit.
pub fn number(i: &str) -> IResult<&str, &str> {
    // (the groups counted, not collected: only the text is kept)
    recognize((digits, many0_count((sep, digits)))).parse(i)
}

/// `nip-ref = nip-label { "." | ":" | " " } number`: the number text.
fn nip_ref(i: &str) -> IResult<&str, &str> {
    preceded(
        (
            nip_label,
            take_while(|c| matches!(c, '.' | ':' | ' ' | '\t')),
        ),
        number,
    )
    .parse(i)
}

/// Finds `NIP` followed by a number in a line: (byte offset where the `NIP`
/// word starts, the number text). `NIP` must be a word of its own
/// (`PRINSIP 1` is no NIP) and the number must follow it, after any dots,
/// colons and spaces (`NIP. 1965…`, `Nip.1965…`, `NIP : 1965…`, `Nip 1985…`).
pub fn find(line: &str) -> Option<(usize, &str)> {
    let bytes = line.as_bytes();
    for at in memchr::memchr2_iter(b'n', b'N', bytes) {
        // `at` is an ASCII byte, hence a char boundary
        let word_start = line[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if !word_start {
            continue;
        }
        if let Ok((_, n)) = nip_ref(&line[at..]) {
            return Some((at, n));
        }
    }
    None
}

/// The digits of a NIP, for comparing two NIPs whatever their grouping:
/// `19650223 199603 1 007` and `19650223 199603 1007` give the same key.
pub fn comparison_key(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// The fields of 18 digits, undecoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fields {
    birth: (u32, u32, u32),
    appointment: (u32, u32),
    sex: u32,
    sequence: u32,
}

/// `n * digit`, as a number.
fn num<'a>(n: usize) -> impl Parser<&'a str, Output = u32, Error = nom::error::Error<&'a str>> {
    map_res(
        take_while_m_n(n, n, |c: char| c.is_ascii_digit()),
        str::parse::<u32>,
    )
}

/// `nip = year month day year month sex sequence` over exactly 18 digits:
/// `YYYY MM DD YYYY MM S NNN`.
fn fields(i: &str) -> IResult<&str, Fields> {
    let (rest, (y, m, d, ay, am, sex, sequence)) =
        (num(4), num(2), num(2), num(4), num(2), num(1), num(3)).parse(i)?;
    Ok((
        rest,
        Fields {
            birth: (y, m, d),
            appointment: (ay, am),
            sex,
            sequence,
        },
    ))
}

/// Why a birth date is impossible, if it is.
fn birth_problem((y, m, d): (u32, u32, u32)) -> Option<String> {
    // (written only for a problem: most dates are possible)
    let iso = || padded(&[(y, 4), (m, 2), (d, 2)]);
    if !YEARS.contains(&y) {
        Some(format!("birth date {} is impossible (year {y:04})", iso()))
    } else if !(1..=12).contains(&m) {
        Some(format!("birth date {} is impossible (month {m})", iso()))
    } else if d == 0 || d > days_in_month(y, m) {
        Some(format!("birth date {} is impossible (day {d})", iso()))
    } else {
        None
    }
}

/// Why an appointment month is impossible, if it is.
fn appointment_problem((y, m): (u32, u32)) -> Option<String> {
    if !YEARS.contains(&y) {
        Some(format!(
            "appointment {y:04}-{m:02} is impossible (year {y:04})"
        ))
    } else if !(1..=12).contains(&m) {
        Some(format!(
            "appointment {y:04}-{m:02} is impossible (month {m})"
        ))
    } else {
        None
    }
}

fn sex_problem(sex: u32) -> Option<String> {
    (sex != 1 && sex != 2).then(|| format!("the sex digit is {sex}, not 1 or 2"))
}

fn sex_code(sex: u32) -> Option<String> {
    match sex {
        1 => Some("L".to_string()),
        2 => Some("P".to_string()),
        _ => None,
    }
}

/// What a reading of the fields gives: decoded values and the reasons for doubt.
#[derive(Default)]
struct Reading {
    tanggal_lahir: Option<String>,
    tmt_cpns: Option<String>,
    jenis_kelamin: Option<String>,
    nomor_urut: Option<String>,
    problems: Vec<String>,
}

impl Reading {
    fn birth(&mut self, b: (u32, u32, u32)) {
        match birth_problem(b) {
            Some(p) => self.problems.push(p),
            None => self.tanggal_lahir = Some(padded(&[(b.0, 4), (b.1, 2), (b.2, 2)])),
        }
    }
    fn appointment(&mut self, a: (u32, u32)) {
        match appointment_problem(a) {
            Some(p) => self.problems.push(p),
            None => self.tmt_cpns = Some(padded(&[(a.0, 4), (a.1, 2)])),
        }
    }
    fn sex(&mut self, s: u32) {
        match sex_problem(s) {
            Some(p) => self.problems.push(p),
            None => self.jenis_kelamin = sex_code(s),
        }
    }
    fn sequence(&mut self, n: u32) {
        self.nomor_urut = Some(padded(&[(n, 3)]));
    }
    /// Both dates readable, but the appointment is before the 18th birthday.
    fn check_age(&mut self, b: (u32, u32, u32), a: (u32, u32)) {
        if self.tanggal_lahir.is_none() || self.tmt_cpns.is_none() {
            return;
        }
        if (a.0, a.1) < (b.0 + 18, b.1) {
            self.problems.push(format!(
                "appointment {:04}-{:02} is before the 18th birthday (born {:04}-{:02}-{:02})",
                a.0, a.1, b.0, b.1, b.2
            ));
            self.tanggal_lahir = None;
            self.tmt_cpns = None;
        }
    }
}

/// One group of a NIP written in the standard grouping.
#[derive(Clone, Copy)]
enum Group {
    Birth,
    Appointment,
    Sex,
    Sequence,
    SexSequence,
}

impl Group {
    fn name(self) -> &'static str {
        match self {
            Group::Birth => "birth date",
            Group::Appointment => "appointment",
            Group::Sex => "sex",
            Group::Sequence => "sequence",
            Group::SexSequence => "sex and sequence",
        }
    }
    fn len(self) -> usize {
        match self {
            Group::Birth => 8,
            Group::Appointment => 6,
            Group::Sex => 1,
            Group::Sequence => 3,
            Group::SexSequence => 4,
        }
    }
}

/// Reads the fields from the written groups (split at spaces, dots and
/// hyphens) when the digit count is wrong: only a NIP written in the standard
/// groups (`8 6 1 3`, `8 6 4`) is read, each group of the right length and
/// all digits on its own.
fn read_groups(groups: &[&str], r: &mut Reading) {
    use Group::*;
    let layout: &[Group] = match groups.len() {
        4 => &[Birth, Appointment, Sex, Sequence],
        3 => &[Birth, Appointment, SexSequence],
        _ => return,
    };
    let (mut birth, mut appointment) = (None, None);
    for (&kind, &g) in layout.iter().zip(groups) {
        if !g.bytes().all(|b| b.is_ascii_digit()) {
            r.problems.push(format!(
                "the {} group {g} holds a character that is not a digit",
                kind.name()
            ));
            continue;
        }
        if g.len() != kind.len() {
            r.problems.push(format!(
                "the {} group {g} has {} digits, not {}",
                kind.name(),
                g.len(),
                kind.len()
            ));
            continue;
        }
        match kind {
            Birth => {
                if let Ok((_, b)) = (num(4), num(2), num(2)).parse(g) {
                    r.birth(b);
                    birth = Some(b);
                }
            }
            Appointment => {
                if let Ok((_, a)) = (num(4), num(2)).parse(g) {
                    r.appointment(a);
                    appointment = Some(a);
                }
            }
            Sex => {
                if let Ok((_, s)) = num(1).parse(g) {
                    r.sex(s);
                }
            }
            Sequence => {
                if let Ok((_, n)) = num(3).parse(g) {
                    r.sequence(n);
                }
            }
            SexSequence => {
                if let Ok((_, (s, n))) = (num(1), num(3)).parse(g) {
                    r.sex(s);
                    r.sequence(n);
                }
            }
        }
    }
    if let (Some(b), Some(a)) = (birth, appointment) {
        r.check_age(b, a);
    }
}

/// Decodes and validates a NIP text (the number, or a whole `NIP. …` text).
/// Raises `nip-invalid` with the reasons when it is not a valid NIP.
pub fn parse(text: &str, span: Span, diags: &mut Diagnostics) -> Nip {
    let trimmed = text.trim();
    // a text that still carries its label: keep only the number
    let number_text = match nip_ref(trimmed) {
        Ok((_, n)) => n,
        Err(_) => trimmed,
    };
    let teks = crate::markup::collapse_ws(number_text);
    let all = comparison_key(&teks);
    let count = all.len();
    let mut r = Reading::default();
    let nilai = (count == 18).then_some(all);
    match nilai.as_deref().map(fields) {
        Some(Ok((_, f))) => {
            r.birth(f.birth);
            r.appointment(f.appointment);
            r.sex(f.sex);
            r.sequence(f.sequence);
            r.check_age(f.birth, f.appointment);
        }
        _ => {
            r.problems.push(format!("it has {count} digits, not 18"));
            let groups: Vec<&str> = teks
                .split([' ', '.', '-'])
                .filter(|g| !g.is_empty())
                .collect();
            read_groups(&groups, &mut r);
        }
    }
    let valid = r.problems.is_empty();
    if !valid {
        diags.at(
            Code::NipInvalid,
            span,
            format!("NIP {teks}: {}", r.problems.join("; ")),
        );
    }
    Nip {
        teks,
        nilai,
        valid,
        tanggal_lahir: r.tanggal_lahir,
        tmt_cpns: r.tmt_cpns,
        jenis_kelamin: r.jenis_kelamin,
        nomor_urut: r.nomor_urut,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read(text: &str) -> (Nip, Vec<crate::model::Diagnostic>) {
        let mut d = Diagnostics::default();
        let n = parse(text, Span::line(7), &mut d);
        (n, d.finish())
    }

    #[test]
    fn find_in_corpus_lines() {
        let cases = [
            (
                "NIP. 19660329 199303 2 007",
                Some((0, "19660329 199303 2 007")),
            ),
            (
                "NIP.19631120 199203 2 005",
                Some((0, "19631120 199203 2 005")),
            ),
            (
                "Nip 19850610 201001 2 008",
                Some((0, "19850610 201001 2 008")),
            ),
            (
                "Nip. 19631023 198903 1010",
                Some((0, "19631023 198903 1010")),
            ),
            (
                "Nip.19650223 199603 1007",
                Some((0, "19650223 199603 1007")),
            ),
            (
                "NIP. 19751030 2002112 2 004",
                Some((0, "19751030 2002112 2 004")),
            ),
            (
                "NIP : 19650809 198603 1 012",
                Some((0, "19650809 198603 1 012")),
            ),
            (
                "NIP. : 19650809 198603 1 012.",
                Some((0, "19650809 198603 1 012")),
            ),
            (
                "N I P. 19650809 198603 1 012",
                Some((0, "19650809 198603 1 012")),
            ),
            (
                "N.I.P 19650809198603 1 012",
                Some((0, "19650809198603 1 012")),
            ),
            (
                "NIP19650809 198603 1 012",
                Some((0, "19650809 198603 1 012")),
            ),
            (
                "SUHARDI, S.Kom Pembina, IV/a NIP. 19740719 199903 1003",
                Some((29, "19740719 199903 1003")),
            ),
            (
                "AMRIZAL LATIF, S.Sos Pembina, IV/a NIP. 19760727 199803 1 014 ",
                Some((35, "19760727 199803 1 014")),
            ),
            // the number stops at its last digit
            (
                "NIP. 19650103 199203 1 010 Pembina",
                Some((0, "19650103 199203 1 010")),
            ),
            // not a NIP
            ("PRINSIP 1 dan 2", None),
            ("prinsip 19650103", None),
            ("NIPAH 2", None),
            ("SNIP 19650103", None),
            ("NIP.", None),
            ("NIP : ", None),
            ("NIP. ..................", None),
            ("Nama/NIP", None),
            ("", None),
            ("Ñip 1", None),
            // the label is found after an earlier non-label `n`
            ("Nama NIP 1965", Some((5, "1965"))),
        ];
        for (line, want) in cases {
            assert_eq!(find(line), want, "{line:?}");
        }
    }

    /// Every NIP of the corpus: (text, nilai, valid, tanggal_lahir, tmt, sex, urut, message part).
    #[test]
    fn corpus_nips() {
        type Row = (
            &'static str,
            Option<&'static str>,
            bool,
            Option<&'static str>,
            Option<&'static str>,
            Option<&'static str>,
            Option<&'static str>,
            &'static str,
        );
        let rows: &[Row] = &[
            (
                "19660329 199303 2 007",
                Some("196603291993032007"),
                true,
                Some("1966-03-29"),
                Some("1993-03"),
                Some("P"),
                Some("007"),
                "",
            ),
            (
                "19631120 199203 2 005",
                Some("196311201992032005"),
                true,
                Some("1963-11-20"),
                Some("1992-03"),
                Some("P"),
                Some("005"),
                "",
            ),
            (
                "19670305 198910 2 001",
                Some("196703051989102001"),
                true,
                Some("1967-03-05"),
                Some("1989-10"),
                Some("P"),
                Some("001"),
                "",
            ),
            (
                "19811021 200903 1 003",
                Some("198110212009031003"),
                true,
                Some("1981-10-21"),
                Some("2009-03"),
                Some("L"),
                Some("003"),
                "",
            ),
            (
                "19850610 201001 2 008",
                Some("198506102010012008"),
                true,
                Some("1985-06-10"),
                Some("2010-01"),
                Some("P"),
                Some("008"),
                "",
            ),
            (
                "19801111 201001 2 006",
                Some("198011112010012006"),
                true,
                Some("1980-11-11"),
                Some("2010-01"),
                Some("P"),
                Some("006"),
                "",
            ),
            (
                "19820305 201101 1 006",
                Some("198203052011011006"),
                true,
                Some("1982-03-05"),
                Some("2011-01"),
                Some("L"),
                Some("006"),
                "",
            ),
            (
                "19631023 198903 1010",
                Some("196310231989031010"),
                true,
                Some("1963-10-23"),
                Some("1989-03"),
                Some("L"),
                Some("010"),
                "",
            ),
            (
                "19650223 199603 1007",
                Some("196502231996031007"),
                true,
                Some("1965-02-23"),
                Some("1996-03"),
                Some("L"),
                Some("007"),
                "",
            ),
            (
                "19650223 199303 1007",
                Some("196502231993031007"),
                true,
                Some("1965-02-23"),
                Some("1993-03"),
                Some("L"),
                Some("007"),
                "",
            ),
            (
                "19650103 199203 1 010",
                Some("196501031992031010"),
                true,
                Some("1965-01-03"),
                Some("1992-03"),
                Some("L"),
                Some("010"),
                "",
            ),
            (
                "19650809 198603 1 012",
                Some("196508091986031012"),
                true,
                Some("1965-08-09"),
                Some("1986-03"),
                Some("L"),
                Some("012"),
                "",
            ),
            (
                "19740719 199903 1003",
                Some("197407191999031003"),
                true,
                Some("1974-07-19"),
                Some("1999-03"),
                Some("L"),
                Some("003"),
                "",
            ),
            (
                "19650408 201411 1 001",
                Some("196504082014111001"),
                true,
                Some("1965-04-08"),
                Some("2014-11"),
                Some("L"),
                Some("001"),
                "",
            ),
            // 19 digits: the appointment group has 7
            (
                "19751030 2002112 2 004",
                None,
                false,
                Some("1975-10-30"),
                None,
                Some("P"),
                Some("004"),
                "NIP 19751030 2002112 2 004: it has 19 digits, not 18; the appointment group 2002112 has 7 digits, not 6",
            ),
            // 19 digits: the sequence group has 4
            (
                "19660704 199303 2 0007",
                None,
                false,
                Some("1966-07-04"),
                Some("1993-03"),
                Some("P"),
                None,
                "it has 19 digits, not 18; the sequence group 0007 has 4 digits, not 3",
            ),
            // birth month 13: 18 digits, so nilai is kept
            (
                "19641308 198503 1 014",
                Some("196413081985031014"),
                false,
                None,
                Some("1985-03"),
                Some("L"),
                Some("014"),
                "birth date 1964-13-08 is impossible (month 13)",
            ),
        ];
        for &(text, nilai, valid, lahir, tmt, jk, urut, msg) in rows {
            let (n, d) = read(text);
            assert_eq!(n.teks, text);
            assert_eq!(n.nilai.as_deref(), nilai, "{text}");
            assert_eq!(n.valid, valid, "{text}");
            assert_eq!(n.tanggal_lahir.as_deref(), lahir, "{text}");
            assert_eq!(n.tmt_cpns.as_deref(), tmt, "{text}");
            assert_eq!(n.jenis_kelamin.as_deref(), jk, "{text}");
            assert_eq!(n.nomor_urut.as_deref(), urut, "{text}");
            if valid {
                assert!(d.is_empty(), "{text}: {d:?}");
            } else {
                assert_eq!(d.len(), 1, "{text}: {d:?}");
                assert_eq!(d[0].code, "nip-invalid");
                assert_eq!(d[0].span, Some(Span::line(7)));
                assert!(d[0].message.contains(msg), "{text}: {}", d[0].message);
            }
        }
    }

    #[test]
    fn reasons() {
        let cases = [
            (
                "19650230 199603 1 007",
                "birth date 1965-02-30 is impossible (day 30)",
            ),
            ("19640229 199603 1 007", ""),
            (
                "19000229 199603 1 007",
                "birth date 1900-02-29 is impossible (day 29)",
            ),
            ("18991231 199603 1 007", "(year 1899)"),
            (
                "19650223 199613 1 007",
                "appointment 1996-13 is impossible (month 13)",
            ),
            (
                "19650223 199600 1 007",
                "appointment 1996-00 is impossible (month 0)",
            ),
            (
                "19650223 198001 1 007",
                "appointment 1980-01 is before the 18th birthday (born 1965-02-23)",
            ),
            // the month of the 18th birthday is old enough
            ("19650223 198302 1 007", ""),
            ("19650223 198301 1 007", "before the 18th birthday"),
            ("19650223 199603 3 007", "the sex digit is 3, not 1 or 2"),
            ("19650223 199603 0 007", "the sex digit is 0, not 1 or 2"),
            ("1965022319960310", "it has 16 digits, not 18"),
            ("19650223 1996 03 1 007", "it has 18 digits"),
        ];
        for (text, msg) in cases {
            let (n, d) = read(text);
            if msg.is_empty() {
                assert!(n.valid && d.is_empty(), "{text}: {d:?}");
            } else if msg == "it has 18 digits" {
                // 18 digits in any grouping are read by position
                assert!(n.valid, "{text}");
            } else {
                assert!(!n.valid, "{text}");
                assert_eq!(d.len(), 1);
                assert!(d[0].message.contains(msg), "{text}: {}", d[0].message);
            }
        }
        // several reasons at once, in one diagnostic
        let (n, d) = read("19651301 199613 3 007");
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("(month 13)"));
        assert!(d[0].message.contains("appointment 1996-13"));
        assert!(d[0].message.contains("sex digit is 3"));
        assert_eq!(
            (n.tanggal_lahir, n.tmt_cpns, n.jenis_kelamin, n.nomor_urut),
            (None, None, None, Some("007".to_string()))
        );
        // too young: neither date can be trusted
        let (n, _) = read("19650223 198001 1 007");
        assert_eq!((n.tanggal_lahir, n.tmt_cpns), (None, None));
        assert_eq!(n.nilai.as_deref(), Some("196502231980011007"));
    }

    #[test]
    fn odd_texts() {
        // the label may come along
        let (n, d) = read("NIP. 19650223 199603 1 007");
        assert!(n.valid && d.is_empty());
        assert_eq!(n.teks, "19650223 199603 1 007");
        // whitespace collapsed
        assert_eq!(
            read("  19650223   199603 1 007 ").0.teks,
            "19650223 199603 1 007"
        );
        // no digits at all
        let (n, d) = read("");
        assert!(!n.valid && n.nilai.is_none());
        assert!(d[0].message.contains("0 digits"));
        // an OCR letter in place of a digit
        let (n, d) = read("19650223 199603 1 0O7");
        assert!(!n.valid);
        assert!(d[0].message.contains("17 digits"), "{}", d[0].message);
        assert!(
            d[0].message
                .contains("the sequence group 0O7 holds a character that is not a digit"),
            "{}",
            d[0].message
        );
        assert_eq!(n.tanggal_lahir.as_deref(), Some("1965-02-23"));
        // a non-standard grouping with the wrong count decodes nothing
        let (n, _) = read("196502 23199603 1 0071");
        assert_eq!(n.tanggal_lahir, None);
        assert_eq!(n.tmt_cpns, None);
    }

    #[test]
    fn comparison_keys() {
        assert_eq!(
            comparison_key("19650223 199603 1 007"),
            comparison_key("19650223 199603 1007")
        );
        assert_ne!(
            comparison_key("19650223 199603 1007"),
            comparison_key("19650223 199303 1007")
        );
    }

    /// The 18 digits, birth date, appointment, sex digit and sequence.
    type Parts = (String, (u32, u32, u32), (u32, u32), u32, u32);

    /// A valid NIP from its parts.
    fn valid_nip() -> impl Strategy<Value = Parts> {
        (
            1900u32..=2060,
            1u32..=12,
            1u32..=28,
            0u32..=21,
            0u32..=11,
            1u32..=2,
            0u32..=999,
        )
            .prop_map(|(y, m, d, after, am, sex, seq)| {
                let ay = y + 18 + after;
                let am = if after == 0 { m.max(1 + am) } else { 1 + am };
                let digits = format!("{y:04}{m:02}{d:02}{ay:04}{am:02}{sex}{seq:03}");
                (digits, (y, m, d), (ay, am), sex, seq)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn never_panics(s in ".*") {
            let mut d = Diagnostics::default();
            let n = parse(&s, Span::line(1), &mut d);
            prop_assert_eq!(n.valid, d.is_empty());
            let _ = find(&s);
        }

        #[test]
        fn never_panics_on_nip_like_text(s in "[Nn][Ii][Pp][.: ]{0,3}[0-9 .\\-]{0,30}[a-zA-Zé ]{0,3}") {
            let mut d = Diagnostics::default();
            if let Some((at, num)) = find(&s) {
                prop_assert!(s[at..].len() >= num.len());
                prop_assert!(num.starts_with(|c: char| c.is_ascii_digit()));
                prop_assert!(num.ends_with(|c: char| c.is_ascii_digit()));
                let _ = parse(num, Span::line(1), &mut d);
            }
        }

        /// A valid NIP in any standard grouping decodes to its parts, and its
        /// `nilai` re-parses to the same NIP.
        #[test]
        fn valid_round_trip((digits, b, a, sex, seq) in valid_nip(), grouping in 0usize..3) {
            let text = match grouping {
                0 => format!("{} {} {} {}", &digits[..8], &digits[8..14], &digits[14..15], &digits[15..]),
                1 => format!("{} {} {}", &digits[..8], &digits[8..14], &digits[14..]),
                _ => digits.clone(),
            };
            let (n, d) = read(&text);
            prop_assert!(n.valid, "{} {:?}", text, d);
            prop_assert_eq!(n.nilai.as_deref(), Some(digits.as_str()));
            prop_assert_eq!(n.tanggal_lahir.clone(), Some(format!("{:04}-{:02}-{:02}", b.0, b.1, b.2)));
            prop_assert_eq!(n.tmt_cpns.clone(), Some(format!("{:04}-{:02}", a.0, a.1)));
            prop_assert_eq!(n.jenis_kelamin.as_deref(), Some(if sex == 1 { "L" } else { "P" }));
            prop_assert_eq!(n.nomor_urut.clone(), Some(format!("{seq:03}")));
            let (again, d2) = read(n.nilai.as_deref().unwrap_or_default());
            prop_assert!(d2.is_empty());
            prop_assert_eq!(Nip { teks: n.teks.clone(), ..again }, n);
            // and it is found behind its label
            let line = format!("NIP. {text}");
            prop_assert_eq!(find(&line), Some((0, text.as_str())));
        }

        /// Any 18 digits keep `nilai`; a wrong count never does.
        #[test]
        fn nilai_iff_18_digits(digits in "[0-9]{10,26}") {
            let (n, d) = read(&digits);
            prop_assert_eq!(n.nilai.is_some(), digits.len() == 18);
            prop_assert_eq!(n.valid, d.is_empty());
            if digits.len() != 18 {
                prop_assert!(!n.valid);
            }
        }
    }
}
