//! Targets → [`Target`].
//!
//! ```text
//! target     = [ comparator ] [ lead ] number [ unit ] { remark } [ "-" ] [ "." ] | text ;
//! comparator = "≥" | "≤" | ">=" | "<=" | ">" | "<" | "=" | "±" ;
//! lead       = word [ word ] ;                       (* Rp, Indeks *)
//! number     = [ "-" | "+" ] ( grouped | plain ) ;
//! grouped    = digit1-3 ( "." digit digit digit )+ [ "," digits ] ;  (* 1.500  1.500,5 *)
//! plain      = digits [ ( "," | "." ) digits ] ;      (* 92  4,57  1.5 *)
//! unit       = "%" | word [ word [ word ] ] ;        (* %  hari  dokumen perencanaan *)
//! remark     = "(" { char - ")" } ")" ;              (* (Skala 4) *)
//! word       = letter { letter | digit | "." | "/" | "²" | "³" } ;
//! ```
//!
//! The rules chosen:
//!
//! * **Decimal comma.** Numbers are Indonesian: `,` is the decimal mark and
//!   `.` groups thousands. `4,57%` is 4.57, `1.500` is 1500, `1.500,5` is
//!   1500.5, and `1,500` is 1.5.
//! * **A lone dot.** A dot is a thousands separator only when every group
//!   after it has exactly three digits and the first group does not start
//!   with `0` (`1.500`, `12.345.678`); otherwise it is a decimal point
//!   (`1.5`, `1.50`, `0.080`). `1.5` is therefore 1.5, never 15.
//! * **One number.** A target is numeric only when the whole cell fits the
//!   grammar: one number with at most a short unit around it and remarks in
//!   parentheses. Ranges (`80-90%`), several numbers (`2 x 24 jam`) and prose
//!   keep `teks` only, with `nilai` and `satuan` `null`: nothing is guessed.
//!   So do text targets (`A`, `BB`, `WTP`, `Baik`).
//! * **`satuan`** is the unit after the number (`%`, `hari`), else the
//!   words before it (`Rp`, `Indeks`); `null` when there is none. Remarks in
//!   parentheses (`(Skala 4)`) and comparators (`≥`) stay in `teks` only.
//! * An empty cell, `-`, or a cell with neither letter, digit nor `%`
//!   (`–`, `...`) gives `None`.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_till, take_while, take_while_m_n, take_while1},
    character::complete::{char, one_of, satisfy},
    combinator::{eof, not, opt, recognize},
    multi::{many0, many1},
    sequence::{delimited, preceded},
};

use crate::model::Target;

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// `{ space }`
fn sp(i: &str) -> IResult<&str, &str> {
    take_while(is_space).parse(i)
}

/// `digits = digit { digit }`
fn digits(i: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_digit()).parse(i)
}

/// `comparator = "≥" | "≤" | ">=" | "<=" | ">" | "<" | "=" | "±"`
fn comparator(i: &str) -> IResult<&str, &str> {
    alt((tag(">="), tag("<="), recognize(one_of("≥≤><=±")))).parse(i)
}

/// `word = letter { letter | digit | "." | "/" | "²" | "³" }`
fn word(i: &str) -> IResult<&str, &str> {
    recognize((
        satisfy(char::is_alphabetic),
        take_while(|c: char| c.is_alphanumeric() || matches!(c, '.' | '/' | '²' | '³')),
    ))
    .parse(i)
}

/// `grouped = digit1-3 ( "." digit digit digit )+ [ "," digits ]`: the value text
/// with `.` as the decimal point.
fn grouped(i: &str) -> IResult<&str, String> {
    let three = || {
        preceded(
            char('.'),
            (
                take_while_m_n(3, 3, |c: char| c.is_ascii_digit()),
                not(satisfy(|c| c.is_ascii_digit())),
            ),
        )
        .map(|(d, _)| d)
    };
    let (i, (first, rest, frac)) = (
        take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
        many1(three()),
        opt(preceded(char(','), digits)),
    )
        .parse(i)?;
    if first.starts_with('0') {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    let mut v = String::from(first);
    rest.iter().for_each(|g| v.push_str(g));
    if let Some(f) = frac {
        v.push('.');
        v.push_str(f);
    }
    Ok((i, v))
}

/// `plain = digits [ ( "," | "." ) digits ]`
fn plain(i: &str) -> IResult<&str, String> {
    let (i, (int, frac)) = (digits, opt(preceded(one_of(",."), digits))).parse(i)?;
    let mut v = String::from(int);
    if let Some(f) = frac {
        v.push('.');
        v.push_str(f);
    }
    Ok((i, v))
}

/// `number = [ "-" | "+" ] ( grouped | plain )`, not followed by a digit or
/// a decimal mark and digit.
pub fn number(i: &str) -> IResult<&str, f64> {
    let (i, sign) = opt(one_of("-+")).parse(i)?;
    let (i, v) = alt((grouped, plain)).parse(i)?;
    let (i, _) = not((opt(one_of(",.")), satisfy(|c| c.is_ascii_digit()))).parse(i)?;
    match v.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok((i, if sign == Some('-') { -x } else { x })),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Float,
        ))),
    }
}

/// `unit = "%" | word [ word [ word ] ]`
fn unit(i: &str) -> IResult<&str, String> {
    alt((tag("%").map(str::to_string), words_up_to(3))).parse(i)
}

/// `word { space word }`, at most `n` words, joined by one space.
fn words_up_to(n: usize) -> impl FnMut(&str) -> IResult<&str, String> {
    move |i: &str| {
        let (mut i, w) = word(i)?;
        let mut out = String::from(w);
        for _ in 1..n {
            match preceded(take_while1(is_space), word).parse(i) {
                Ok((j, w)) => {
                    out.push(' ');
                    out.push_str(w);
                    i = j;
                }
                Err(_) => break,
            }
        }
        Ok((i, out))
    }
}

/// `remark = "(" { char - ")" } ")"`
fn remark(i: &str) -> IResult<&str, &str> {
    delimited(char('('), take_till(|c| c == ')'), char(')')).parse(i)
}

/// A numeric target: (value, unit).
#[derive(Debug, PartialEq)]
struct Numeric {
    nilai: f64,
    satuan: Option<String>,
}

/// `target`, the whole text.
fn numeric(i: &str) -> IResult<&str, Numeric> {
    let (i, _) = (sp, opt((comparator, sp))).parse(i)?;
    let (i, lead) = opt((words_up_to(2), sp)).parse(i)?;
    let (i, nilai) = number(i)?;
    let (i, after) = opt(preceded(sp, unit)).parse(i)?;
    let (i, _) = (
        many0(preceded(sp, remark)),
        sp,
        opt(tag(",-")),
        opt(char('-')),
        opt(char('.')),
        sp,
        eof,
    )
        .parse(i)?;
    let satuan = after.or(lead.map(|(l, _)| l));
    Ok((i, Numeric { nilai, satuan }))
}

/// `bare-value = number [ "%" ] | grade`, the whole text: a value with no
/// words around it (`92`, `75,5 %`, `A`, `BB`, `A+`), as a target is written.
pub fn is_bare_value(text: &str) -> bool {
    let t = text.trim();
    let grade = t.starts_with(['A', 'B', 'C', 'D', 'E'])
        && t.len() <= 3
        && t.trim_end_matches(['+', '-'])
            .chars()
            .all(|c| matches!(c, 'A' | 'B' | 'C' | 'D' | 'E'));
    let number = matches!(numeric(t), Ok((_, n)) if n.satuan.as_deref().is_none_or(|u| u == "%"))
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | ' '));
    grade || number
}

/// Reads a target cell; `tahun` comes from a `TARGET 2024` header.
pub fn parse(cell: &str, tahun: Option<i32>) -> Option<Target> {
    let teks = crate::markup::clean_opt(cell)?;
    if !teks.chars().any(|c| c.is_alphanumeric() || c == '%') {
        return None;
    }
    let (nilai, satuan) = match numeric(&teks) {
        Ok((_, n)) => (Some(n.nilai), n.satuan),
        Err(_) => (None, None),
    };
    Some(Target {
        teks,
        nilai,
        satuan,
        tahun,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn bare_values() {
        for v in ["92", "75,5 %", "100%", "A", "BB", "A+", "1.500"] {
            assert!(is_bare_value(v), "{v}");
        }
        for v in [
            "",
            "Predikat",
            "Bidang Pemberdayaan Usaha Mikro",
            "2 hari",
            "Data SAPK",
            "AKU",
            "-",
        ] {
            assert!(!is_bare_value(v), "{v}");
        }
    }

    #[test]
    fn numeric_targets() {
        let cases: &[(&str, f64, Option<&str>)] = &[
            ("4,57%", 4.57, Some("%")),
            ("0,08%", 0.08, Some("%")),
            ("92", 92.0, None),
            ("100 %", 100.0, Some("%")),
            ("100%.", 100.0, Some("%")),
            ("1.500", 1500.0, None),
            ("1.500,5", 1500.5, None),
            ("12.345.678", 12_345_678.0, None),
            ("1.5", 1.5, None),
            ("1.50", 1.5, None),
            ("1.5000", 1.5, None),
            ("0.080", 0.08, None),
            ("0.08%", 0.08, Some("%")),
            ("1,500", 1.5, None),
            ("2 hari", 2.0, Some("hari")),
            ("12 Dokumen", 12.0, Some("Dokumen")),
            ("5 kali dalam setahun", 5.0, Some("kali dalam setahun")),
            ("Indeks 3 (Skala 4)", 3.0, Some("Indeks")),
            ("Rp 1.500.000,-", 1_500_000.0, Some("Rp")),
            ("Rp. 500.000,00", 500_000.0, Some("Rp.")),
            ("≥ 80%", 80.0, Some("%")),
            (">= 80 %", 80.0, Some("%")),
            ("Minimal 80%", 80.0, Some("%")),
            ("92 (sembilan puluh dua)", 92.0, None),
            ("-5%", -5.0, Some("%")),
            ("$4,57\\%$", 4.57, Some("%")),
            ("3,25 Poin", 3.25, Some("Poin")),
            ("25 Km/jam", 25.0, Some("Km/jam")),
        ];
        for &(cell, nilai, satuan) in cases {
            let t = parse(cell, Some(2024)).unwrap();
            assert_eq!(t.nilai, Some(nilai), "{cell}");
            assert_eq!(t.satuan.as_deref(), satuan, "{cell}");
            assert_eq!(t.tahun, Some(2024));
        }
    }

    #[test]
    fn text_targets() {
        for cell in [
            "A",
            "BB",
            "WTP",
            "Baik",
            "Predikat A",
            "80-90%",
            "80% - 90%",
            "2 x 24 jam",
            "1.234.5",
            "1.5,5",
            "2024: 80%",
            "Meningkat 5% dari tahun sebelumnya",
            "10 s.d 20",
        ] {
            let t = parse(cell, None).unwrap();
            assert_eq!(t.teks, cell);
            assert_eq!((t.nilai, t.satuan.as_deref()), (None, None), "{cell}");
            assert_eq!(t.tahun, None);
        }
    }

    #[test]
    fn empty_targets() {
        for cell in ["", "   ", "-", " - ", "–", "—", "...", "<br>"] {
            assert_eq!(parse(cell, Some(2024)), None, "{cell:?}");
        }
    }

    #[test]
    fn teks_is_clean() {
        let t = parse("  4,57 %  ", None).unwrap();
        assert_eq!(t.teks, "4,57 %");
        assert_eq!(t.nilai, Some(4.57));
    }

    /// A value written the Indonesian way: thousands dots (or none), decimal comma.
    fn indonesian(int: u64, frac: Option<u32>, dots: bool) -> String {
        let digits = int.to_string();
        let mut out = String::new();
        for (k, c) in digits.chars().enumerate() {
            if dots && k > 0 && (digits.len() - k).is_multiple_of(3) {
                out.push('.');
            }
            out.push(c);
        }
        if let Some(f) = frac {
            out.push(',');
            out.push_str(&f.to_string());
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn never_panics(s in ".*", y in proptest::option::of(1900i32..2100)) {
            if let Some(t) = parse(&s, y) {
                prop_assert!(!t.teks.is_empty());
                prop_assert_eq!(t.tahun, y);
                prop_assert!(t.nilai.is_none_or(f64::is_finite));
                prop_assert!(t.satuan.is_none() || t.nilai.is_some());
            }
        }

        #[test]
        fn never_panics_on_number_like_text(s in "[≥<Rp ]{0,3}[-+]?[0-9.,]{0,30}[ %a-zé()]{0,8}") {
            let _ = parse(&s, None);
        }

        /// A number written the Indonesian way, with or without a unit, reads
        /// back as its value; and the target's own text reads back the same.
        #[test]
        fn round_trip(
            int in 0u64..10_000_000_000,
            frac in proptest::option::of(0u32..1000),
            dots in any::<bool>(),
            unit in prop::sample::select(vec!["", "%", " %", " hari", " Dokumen"]),
        ) {
            let text = format!("{}{unit}", indonesian(int, frac, dots));
            let t = parse(&text, None).unwrap();
            let want: f64 = match frac {
                Some(f) => format!("{int}.{f}").parse().unwrap(),
                None => int as f64,
            };
            prop_assert_eq!(t.nilai, Some(want), "{}", text);
            let u = unit.trim();
            prop_assert_eq!(t.satuan.as_deref(), (!u.is_empty()).then_some(u));
            prop_assert_eq!(parse(&t.teks, None), Some(t));
        }
    }
}
