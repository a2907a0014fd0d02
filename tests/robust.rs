//! Total parsing: the library never panics on any input, and the invariants
//! hold for whatever it returns — on arbitrary bytes, arbitrary Unicode, and
//! random splices of corpus lines (shuffled, truncated, duplicated, with markup
//! injected). Bounded so that it runs in CI; `PROPTEST_CASES=100000 cargo test
//! --release --test robust` runs it long.

mod common;

use std::sync::LazyLock;

use proptest::prelude::*;

/// Every line of the corpus, the material of the splices.
static CORPUS_LINES: LazyLock<Vec<String>> = LazyLock::new(|| {
    common::corpus_files()
        .iter()
        .flat_map(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .lines()
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect()
});

static VALIDATOR: LazyLock<jsonschema::Validator> =
    LazyLock::new(|| jsonschema::validator_for(&kinerja::json_schema()).unwrap());

/// The structural invariants (not the cleanliness ones: arbitrary input may
/// legitimately contain text such as `<li` that is not markup).
fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    let doc = kinerja::parse(bytes, "input.txt");
    let c = &doc.coverage;
    prop_assert_eq!(
        c.lines,
        c.blank + c.classified + c.unclassified.len() as u32,
        "coverage adds up"
    );
    prop_assert_eq!(c.lines, doc.source.lines);
    let v = serde_json::to_value(&doc).unwrap();
    let mut spans = Vec::new();
    common::spans(&v, &mut spans);
    for (s, e) in spans {
        prop_assert!(
            s >= 1 && s <= e && e <= doc.source.lines as u64,
            "span {}-{} in 1..={}",
            s,
            e,
            doc.source.lines
        );
    }
    let errors: Vec<String> = VALIDATOR
        .iter_errors(&v)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    prop_assert!(errors.is_empty(), "schema: {:?}", errors);
    let again = kinerja::parse(bytes, "input.txt");
    prop_assert_eq!(doc, again, "deterministic");
    Ok(())
}

/// A document made of corpus lines, rearranged and damaged.
fn splice() -> impl Strategy<Value = String> {
    let n = CORPUS_LINES.len();
    let line = (
        0..n,
        0u8..10,
        any::<u16>(),
        prop::sample::select(vec![
            "**", "<ol>", "<li>", "</li>", "$\\frac{", "}{", "}$", "\\text{", "&amp;", "\t", " | ",
            "|---|", "- ", "1. ", ":", "NIP.", "\u{00A0}", "\u{2013}", "\u{200B}", "\r", "{", "}",
        ]),
    )
        .prop_map(|(i, op, at, mark)| {
            let l = &CORPUS_LINES[i];
            match op {
                // truncated at a character boundary
                0 => l
                    .chars()
                    .take(at as usize % (l.chars().count() + 1))
                    .collect(),
                // markup injected at a character boundary
                1 | 2 => {
                    let k = at as usize % (l.chars().count() + 1);
                    let mut s: String = l.chars().take(k).collect();
                    s.push_str(mark);
                    s.extend(l.chars().skip(k));
                    s
                }
                // duplicated
                3 => format!("{l}\n{l}"),
                4 => String::new(),
                _ => l.clone(),
            }
        });
    prop::collection::vec(line, 0..120).prop_map(|ls| ls.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        check(&bytes)?;
    }

    #[test]
    fn arbitrary_unicode(s in "\\PC{0,2000}") {
        check(s.as_bytes())?;
    }

    #[test]
    fn text_with_structure_characters(s in "[ \\t\\n:|\\-.*$<>{}\\\\&;a-zA-Z0-9()/]{0,3000}") {
        check(s.as_bytes())?;
    }

    #[test]
    fn corpus_splices(doc in splice()) {
        check(doc.as_bytes())?;
    }

    #[test]
    fn shuffled_corpus_documents(seed in any::<u64>(), k in 0usize..5) {
        let files = common::corpus_files();
        let text = std::fs::read_to_string(&files[k]).unwrap();
        let mut lines: Vec<&str> = text.lines().collect();
        // a deterministic shuffle of whole runs of lines
        let mut x = seed | 1;
        for i in (1..lines.len()).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            lines.swap(i, (x % (i as u64 + 1)) as usize);
        }
        check(lines.join("\n").as_bytes())?;
    }
}

/// Every non-blank line of the corpus and of damaged variants is either inside
/// a span of the structure or listed, with its text, in `coverage.unclassified`.
#[test]
fn nothing_is_lost() {
    let mut failures = Vec::new();
    for p in common::corpus_files() {
        let text = std::fs::read_to_string(&p).unwrap();
        let variants = [
            text.clone(),
            // double-spaced
            text.lines().collect::<Vec<_>>().join("\n\n"),
            // CRLF, trailing spaces, tabs turned into pipes
            text.replace('\n', "  \r\n"),
            text.replace('\t', " | "),
            // every other line dropped
            text.lines().step_by(2).collect::<Vec<_>>().join("\n"),
        ];
        for (k, v) in variants.iter().enumerate() {
            let doc = kinerja::parse(v.as_bytes(), "x.txt");
            for bad in common::invariants(&doc, v.as_bytes()) {
                if bad.contains("classified but in no span")
                    || bad.contains("original text")
                    || bad.contains("coverage")
                {
                    failures.push(format!("{} variant {k}: {bad}", p.display()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Pathological inputs finish, and every line is accounted for.
#[test]
fn pathological_inputs() {
    let huge_line = "Jumlah a. b; ".repeat(200_000);
    let labels_line = "x - 2 Tugas : a. bahwa x; - b. NIP. 1 ".repeat(50_000);
    let nested = format!("{}x{}", "<ul><li>".repeat(5000), "</li></ul>".repeat(5000));
    let braces = format!("$\\frac{{{}}}{{x}}$", "{".repeat(20000));
    let mut positions = String::new();
    for i in 0..3000 {
        positions.push_str(&format!(
            "INDIKATOR KINERJA INDIVIDU\n\n{}. JABATAN : Kepala Seksi {i}\n2. TUGAS : Membantu\n3. FUNGSI : -\n\nSASARAN\tINDIKATOR KINERJA\tFORMULASI\tSUMBER DATA\nS {i}\tI {i}\tJumlah A / Jumlah B x 100%\tData\n\nKEPALA SEKSI {i}\n\nNAMA {i}, S.Sos\nNIP. 19650223 199603 1 007\n\n",
            i % 9 + 1
        ));
    }
    let tabs = format!(
        "SASARAN{}INDIKATOR\n{}\n",
        "\t".repeat(50_000),
        "x\t".repeat(50_000)
    );
    for input in [huge_line, labels_line, nested, braces, positions, tabs] {
        let doc = kinerja::parse(input.as_bytes(), "x.txt");
        let c = &doc.coverage;
        assert_eq!(
            c.lines,
            c.blank + c.classified + c.unclassified.len() as u32
        );
    }
}
