//! The library's entry point on arbitrary bytes: no panic, the structural
//! invariants hold for whatever it returns, and its JSON writer writes the
//! bytes `serde_json` writes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn spans(v: &serde_json::Value, lines: u64) {
    match v {
        serde_json::Value::Object(m) => {
            if let (Some(s), Some(e)) = (m.get("start_line"), m.get("end_line")) {
                let (s, e) = (s.as_u64().unwrap(), e.as_u64().unwrap());
                assert!(s >= 1 && s <= e && e <= lines, "span {s}-{e} outside 1..={lines}");
            }
            m.values().for_each(|x| spans(x, lines));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| spans(x, lines)),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let doc = kinerja::parse(data, "fuzz.txt");
    let c = &doc.coverage;
    assert_eq!(c.lines, c.blank + c.classified + c.unclassified.len() as u32);
    assert_eq!(c.lines, doc.source.lines);
    let v = serde_json::to_value(&doc).unwrap();
    spans(&v, doc.source.lines as u64);
    assert_eq!(kinerja::json::to_vec(&doc).unwrap(), serde_json::to_vec(&doc).unwrap());
});
