//! Dates → ISO 8601 (`YYYY-MM-DD`).
//!
//! ```text
//! date         = named-date | iso-date | numeric-date ;
//! named-date   = day sep month-name [ "." ] sep year ;     (* 02 Mei 2018, 2-Jan-2024 *)
//! iso-date     = year dsep month dsep day ;                (* 2018-05-02 *)
//! numeric-date = day dsep month dsep year ;                (* 02-05-2018, 2/5/2018 *)
//! sep          = { space } [ "-" | "/" | "," ] { space } ;  (* at least one character *)
//! dsep         = "-" | "/" | "." ;                         (* the same one twice *)
//! day = month  = digit [ digit ] ;
//! year         = digit digit digit digit ;                 (* not followed by a digit *)
//! ```
//!
//! The rules chosen:
//!
//! * **Month names** come from `grammars/months.toml` (full names, old
//!   spellings such as `Pebruari`, `Nopember`, abbreviations such as `Agt`,
//!   `Sept.`, English names), matched without regard to case, with or
//!   without a final dot. A misspelled month outside that list is not
//!   guessed: the date is not read.
//! * **Numeric dates** are day-month-year, the Indonesian order; `05/02/2018`
//!   is 5 February. Year-first only with a 4-digit year (`2018-05-02`).
//!   Two-digit years are not read (`02/05/18`): the century would be a guess.
//! * **Impossible dates** (`31 Pebruari 2018`, `30-13-2018`) and years outside
//!   1900–2099 are not read: `None`, never the nearest possible date.
//! * [`parse`] is for a text that should hold a date (after `Pada Tanggal :`):
//!   it reads the first date in it (so `tanggal 06 Januari 2016` and
//!   `02 Mei 2018 M` work) and raises `date-invalid` when that date is
//!   impossible or when the text holds no date at all (a blank to be filled
//!   in by hand, `........ Mei 2018`, is no date). [`find`] locates a date in a
//!   longer text and raises nothing.
//! * A date starts at a digit that does not continue a word or a number
//!   (`1/2/2018` inside `188.45/1/2/2018` is no date; `tgl.2 Mei 2018` is).

use std::ops::Range;

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{take_while, take_while_m_n, take_while1},
    character::complete::{one_of, satisfy},
    combinator::{map_res, not, opt, verify},
};

use crate::diagnostics::{Code, Diagnostics};
use crate::grammar::grammar;
use crate::model::Span;

/// A date as written, not yet checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ymd {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

/// Years a date in these documents can have.
pub const YEARS: std::ops::RangeInclusive<u32> = 1900..=2099;

/// Days in a month of the Gregorian calendar; 0 for a month that does not exist.
pub fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && !year.is_multiple_of(100) || year.is_multiple_of(400) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Ymd {
    /// The ISO form, or why the date is impossible.
    pub fn check(self) -> Result<String, String> {
        let Ymd { year, month, day } = self;
        if !YEARS.contains(&year) {
            return Err(format!(
                "year {year:04} is out of range ({}–{})",
                YEARS.start(),
                YEARS.end()
            ));
        }
        if !(1..=12).contains(&month) {
            return Err(format!("there is no month {month}"));
        }
        let days = days_in_month(year, month);
        if day == 0 || day > days {
            return Err(format!(
                "there is no day {day} in month {month} of {year} (it has {days} days)"
            ));
        }
        Ok(crate::text::padded(&[(year, 4), (month, 2), (day, 2)]))
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// `day = month = digit [ digit ]`, not followed by a third digit.
fn small(i: &str) -> IResult<&str, u32> {
    let (i, n) = map_res(
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        str::parse::<u32>,
    )
    .parse(i)?;
    let (i, _) = not(satisfy(|c| c.is_ascii_digit())).parse(i)?;
    Ok((i, n))
}

/// `year = digit digit digit digit`, not followed by a digit.
fn year(i: &str) -> IResult<&str, u32> {
    let (i, y) = map_res(
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        str::parse::<u32>,
    )
    .parse(i)?;
    let (i, _) = not(satisfy(|c| c.is_ascii_digit())).parse(i)?;
    Ok((i, y))
}

/// `sep = { space } [ "-" | "/" | "," ] { space }`, at least one character.
fn sep(i: &str) -> IResult<&str, ()> {
    let (j, _) = (
        take_while(is_space),
        opt(one_of("-/,")),
        take_while(is_space),
    )
        .parse(i)?;
    if j.len() == i.len() {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Space,
        )));
    }
    Ok((j, ()))
}

/// `month-name [ "." ]`: a word of `grammars/months.toml`.
pub fn month_name(i: &str) -> IResult<&str, u32> {
    // month names are short: a long word is not looked up
    let (i, m) = map_res(take_while1(char::is_alphabetic), |w: &str| {
        if w.len() > 16 {
            return Err(());
        }
        grammar().month(w).ok_or(())
    })
    .parse(i)?;
    let (i, _) = opt(one_of(".")).parse(i)?;
    Ok((i, m))
}

/// `named-date = day sep month-name [ "." ] sep year`
fn named_date(i: &str) -> IResult<&str, Ymd> {
    let (i, (day, _, month, _, year)) = (small, sep, month_name, sep, year).parse(i)?;
    Ok((i, Ymd { year, month, day }))
}

/// `numeric-date = day dsep month dsep year`, the same `dsep` twice.
fn numeric_date(i: &str) -> IResult<&str, Ymd> {
    let (i, (day, d1, month)) = (small, one_of("-/."), small).parse(i)?;
    let (i, (_, year)) = (verify(one_of("-/."), |d| *d == d1), year).parse(i)?;
    Ok((i, Ymd { year, month, day }))
}

/// `iso-date = year dsep month dsep day`, the same `dsep` twice.
fn iso_date(i: &str) -> IResult<&str, Ymd> {
    let (i, (year, d1, month)) = (year, one_of("-/."), small).parse(i)?;
    let (i, (_, day)) = (verify(one_of("-/."), |d| *d == d1), small).parse(i)?;
    Ok((i, Ymd { year, month, day }))
}

/// `date = named-date | iso-date | numeric-date`
pub fn date(i: &str) -> IResult<&str, Ymd> {
    alt((named_date, iso_date, numeric_date)).parse(i)
}

/// Every date-shaped text in `text`, checked or not: (byte range, date).
/// A date starts at a digit that follows no letter or digit, nor a `/`, `.`
/// or `-` that follows a digit (`188.45/1/2/2018` holds no date; `tgl.2 Mei
/// 2018` does).
fn candidates(text: &str) -> impl Iterator<Item = (Range<usize>, Ymd)> + '_ {
    let (mut prev, mut prev2): (Option<char>, Option<char>) = (None, None);
    text.char_indices().filter_map(move |(at, c)| {
        let in_number = |p: Option<char>, q: Option<char>| {
            p.is_some_and(|p| matches!(p, '/' | '.' | '-')) && q.is_some_and(|q| q.is_ascii_digit())
        };
        let starts = c.is_ascii_digit()
            && prev.is_none_or(|p| !p.is_alphanumeric())
            && !in_number(prev, prev2);
        prev2 = prev;
        prev = Some(c);
        if !starts {
            return None;
        }
        let (rest, ymd) = date(&text[at..]).ok()?;
        Some((at..text.len() - rest.len(), ymd))
    })
}

/// The first valid date in a longer text, without diagnostics: (byte range
/// of the date text, ISO date). Impossible dates are skipped.
pub fn find(text: &str) -> Option<(Range<usize>, String)> {
    candidates(text).find_map(|(r, ymd)| ymd.check().ok().map(|iso| (r, iso)))
}

/// Reads the date of a text that should hold one (`02 Mei 2018`,
/// `tanggal 06 Januari 2016`, `02-05-2018`, `2018-05-02`) as ISO 8601.
/// `None`, with a `date-invalid` diagnostic, when the first date in the text
/// is impossible or when there is no date in it.
pub fn parse(text: &str, span: Span, diags: &mut Diagnostics) -> Option<String> {
    let shown = crate::markup::collapse_ws(text);
    match candidates(text).next() {
        Some((_, ymd)) => match ymd.check() {
            Ok(iso) => Some(iso),
            Err(why) => {
                diags.at(Code::DateInvalid, span, format!("date `{shown}`: {why}"));
                None
            }
        },
        None => {
            diags.at(
                Code::DateInvalid,
                span,
                format!("`{shown}` holds no date (day, month, year)"),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read(text: &str) -> (Option<String>, Vec<crate::model::Diagnostic>) {
        let mut d = Diagnostics::default();
        let r = parse(text, Span::line(3), &mut d);
        (r, d.finish())
    }

    #[test]
    fn valid_dates() {
        let cases = [
            ("02 Mei 2018", "2018-05-02"),
            ("2 Januari 2024", "2024-01-02"),
            ("tanggal 06 Januari 2016", "2016-01-06"),
            ("Pada Tanggal : 2 Januari 2024", "2024-01-02"),
            ("02-05-2018", "2018-05-02"),
            ("02/05/2018", "2018-05-02"),
            ("2/5/2018", "2018-05-02"),
            ("02.05.2018", "2018-05-02"),
            ("2018-05-02", "2018-05-02"),
            ("2018/5/2", "2018-05-02"),
            ("28 Pebruari 2019", "2019-02-28"),
            ("29 Februari 2024", "2024-02-29"),
            ("10 Nopember 2020", "2020-11-10"),
            ("17 Agt 2019", "2019-08-17"),
            ("17 Agt. 2019", "2019-08-17"),
            ("1 Sept. 2019", "2019-09-01"),
            ("1 SEPTEMBER 2019", "2019-09-01"),
            ("31 desember 2019", "2019-12-31"),
            ("2-Jan-2024", "2024-01-02"),
            ("2 Januari, 2024", "2024-01-02"),
            ("02   Mei   2018", "2018-05-02"),
            ("02 Mei 2018 M", "2018-05-02"),
            ("Putussibau, 02 Mei 2018", "2018-05-02"),
        ];
        for (text, iso) in cases {
            let (r, d) = read(text);
            assert_eq!(r.as_deref(), Some(iso), "{text}");
            assert!(d.is_empty(), "{text}: {d:?}");
        }
    }

    #[test]
    fn invalid_dates() {
        let cases = [
            (
                "31 Pebruari 2018",
                "there is no day 31 in month 2 of 2018 (it has 28 days)",
            ),
            ("29 Februari 2023", "there is no day 29"),
            ("30-13-2018", "there is no month 13"),
            ("00 Mei 2018", "there is no day 0"),
            ("31 April 2018", "it has 30 days"),
            ("02 Mei 0218", "year 0218 is out of range"),
            ("Mei 2018", "holds no date"),
            ("........ Mei 2018", "holds no date"),
            ("02 Mai 2018", "holds no date"),
            ("02/05/18", "holds no date"),
            ("ditetapkan", "holds no date"),
            ("", "holds no date"),
        ];
        for (text, why) in cases {
            let (r, d) = read(text);
            assert_eq!(r, None, "{text}");
            assert_eq!(d.len(), 1, "{text}");
            assert_eq!(d[0].code, "date-invalid");
            assert_eq!(d[0].span, Some(Span::line(3)));
            assert!(d[0].message.contains(why), "{text}: {}", d[0].message);
        }
    }

    #[test]
    fn find_in_text() {
        let t = "Ditetapkan di Putussibau pada tanggal 02 Mei 2018 oleh Kepala";
        let (r, iso) = find(t).unwrap();
        assert_eq!(&t[r], "02 Mei 2018");
        assert_eq!(iso, "2018-05-02");
        // impossible dates are skipped, the next one is found
        let t = "31 Pebruari 2018 atau 1 Maret 2018";
        let (r, iso) = find(t).unwrap();
        assert_eq!(&t[r], "1 Maret 2018");
        assert_eq!(iso, "2018-03-01");
        // numbers that are not dates
        assert_eq!(find("Nomor 188.45/1/2/2018 tentang"), None);
        assert_eq!(find("Tahun 2018 Nomor 12"), None);
        assert_eq!(find("Peraturan Nomor 5 Tahun 2014"), None);
        assert_eq!(find("123 Mei 2018"), None);
        assert_eq!(find("x12 Mei 2018"), None);
        assert_eq!(
            find("No. 5-12-2018").map(|(_, d)| d).as_deref(),
            Some("2018-12-05")
        );
        assert_eq!(
            find("tgl.2 Mei 2018").map(|(_, d)| d).as_deref(),
            Some("2018-05-02")
        );
        assert_eq!(find("versi 1.2.3.2018"), None);
        assert_eq!(find("02 Mei 20185"), None);
        assert_eq!(find(""), None);
        // non-ASCII around the date
        let t = "« 2 Januari 2024 »";
        assert_eq!(find(t).map(|(r, _)| &t[r]), Some("2 Januari 2024"));
    }

    /// All names of each month in `grammars/months.toml`, sorted.
    fn month_names() -> Vec<Vec<String>> {
        let mut out = vec![Vec::new(); 13];
        for (name, &m) in &grammar().months {
            out[m as usize].push(name.clone());
        }
        for names in &mut out {
            names.sort();
        }
        out
    }

    #[test]
    fn every_month_name_reads() {
        for (m, names) in month_names().iter().enumerate().skip(1) {
            assert!(!names.is_empty(), "month {m}");
            for n in names {
                let text = format!("3 {n} 2020");
                assert_eq!(read(&text).0, Some(format!("2020-{m:02}-03")), "{text}");
                let lower = format!("3 {}. 2020", n.to_lowercase());
                assert_eq!(read(&lower).0, Some(format!("2020-{m:02}-03")), "{lower}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn never_panics(s in ".*") {
            let mut d = Diagnostics::default();
            let r = parse(&s, Span::line(1), &mut d);
            prop_assert_eq!(r.is_none(), !d.is_empty());
            if let Some((range, iso)) = find(&s) {
                prop_assert!(s.get(range).is_some());
                prop_assert_eq!(iso.len(), 10);
            }
        }

        #[test]
        fn never_panics_on_date_like_text(s in "[0-9]{0,3}[ ./\\-]{0,2}[A-Za-z0-9é]{0,9}[ ./,\\-]{0,2}[0-9]{0,5}") {
            let mut d = Diagnostics::default();
            let _ = parse(&s, Span::line(1), &mut d);
            let _ = find(&s);
        }

        /// An ISO date written as "D Month YYYY" with any name of its month,
        /// or numerically, reads back as the same date.
        #[test]
        fn round_trip(y in 1900u32..=2099, m in 1u32..=12, d in 1u32..=31, pick in 0usize..64, form in 0usize..4) {
            prop_assume!(d <= days_in_month(y, m));
            let iso = format!("{y:04}-{m:02}-{d:02}");
            let names = &month_names()[m as usize];
            let name = &names[pick % names.len()];
            let text = match form {
                0 => format!("{d} {name} {y}"),
                1 => format!("{d:02}-{m:02}-{y}"),
                2 => format!("{d}/{m}/{y}"),
                _ => iso.clone(),
            };
            let (r, diags) = read(&text);
            prop_assert_eq!(r.as_deref(), Some(iso.as_str()), "{}", text);
            prop_assert!(diags.is_empty());
            let long = format!("Ditetapkan pada tanggal {text}, oleh");
            prop_assert_eq!(find(&long).map(|(_, iso)| iso), Some(iso));
        }
    }
}
