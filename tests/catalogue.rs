//! `DIAGNOSTICS.md` is generated from the catalogue in `src/diagnostics.rs`;
//! this test fails when the two differ, and every code used in the sources
//! must be in the catalogue (the `Code` enum makes that a compile error).

use std::path::PathBuf;

#[test]
fn diagnostics_catalogue() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("DIAGNOSTICS.md");
    let want = kinerja::diagnostics::catalogue_markdown();
    if std::env::var_os("KINERJA_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "DIAGNOSTICS.md is out of date; regenerate it with `KINERJA_BLESS=1 cargo test --test catalogue`"
    );
}

#[test]
fn codes_are_unique_kebab_case() {
    let mut seen = std::collections::HashSet::new();
    for c in kinerja::diagnostics::CATALOGUE {
        assert!(seen.insert(c.name), "duplicate code {}", c.name);
        assert!(
            c.name
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
            "{} is not kebab-case",
            c.name
        );
        assert!(!c.summary.is_empty() && !c.example.is_empty() && !c.action.is_empty());
    }
}
