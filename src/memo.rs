//! Small per-thread memos of pure functions, for texts a document repeats:
//! a cell read several times while its row is read (is it empty, its text,
//! its formula), a merged cell written again on every row (`Peraturan Daerah
//! …` under `KETERANGAN`).
//!
//! A memo keeps the last few answers of one function. It is emptied when
//! the parse of a document starts ([`new_document`]), so only repeats within
//! a document are answered from it, and a document costs the same wherever
//! it stands in a batch. The answer is the same either way; only the time
//! differs.

use std::cell::{Cell, RefCell};
use std::thread::LocalKey;

/// Answers kept per memo.
const KEPT: usize = 8;

thread_local! {
    /// The document being parsed on this thread, by number.
    static DOCUMENT: Cell<u64> = const { Cell::new(0) };
}

/// Starts a new document on this thread: every memo forgets what it kept.
pub fn new_document() {
    DOCUMENT.set(DOCUMENT.get().wrapping_add(1));
}

/// The last few answers of one function, by their text.
pub struct Recent<V> {
    document: u64,
    /// The answers: the first `live` are this document's. Slots past them
    /// (an earlier document's) and the oldest answer once all are live are
    /// written over, each keeping its key's buffer: a miss allocates nothing
    /// once a thread has filled the slots (most calls of a memo are misses).
    kept: Vec<(String, V)>,
    live: usize,
    /// The oldest answer once all [`KEPT`] are live: the next written over.
    oldest: usize,
}

impl<V> Recent<V> {
    pub const fn new() -> Self {
        Recent {
            document: 0,
            kept: Vec::new(),
            live: 0,
            oldest: 0,
        }
    }

    /// Keeps `v` as the answer for `key`, over the oldest when all are live.
    fn keep(&mut self, key: &str, v: V) {
        let slot = if self.live < KEPT {
            self.live += 1;
            self.live - 1
        } else {
            let s = self.oldest;
            self.oldest = (s + 1) % KEPT;
            s
        };
        match self.kept.get_mut(slot) {
            Some((k, old)) => {
                k.clear();
                k.push_str(key);
                *old = v;
            }
            None => self.kept.push((key.to_string(), v)),
        }
    }
}

impl<V> Default for Recent<V> {
    fn default() -> Self {
        Self::new()
    }
}

/// The answer for `key`: from `memo` when this document asked it lately,
/// else `f()` (which may use the memo itself), then kept.
pub fn cached<V: Clone + 'static>(
    memo: &'static LocalKey<RefCell<Recent<V>>>,
    key: &str,
    f: impl FnOnce() -> V,
) -> V {
    let document = DOCUMENT.get();
    let hit = memo.with_borrow_mut(|m| {
        if m.document != document {
            (m.live, m.oldest) = (0, 0);
            m.document = document;
        }
        m.kept
            .get(..m.live)
            .unwrap_or_default()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    });
    if let Some(v) = hit {
        return v;
    }
    let v = f();
    memo.with_borrow_mut(|m| {
        if m.document == document {
            m.keep(key, v.clone());
        }
    });
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static SQUARES: RefCell<Recent<usize>> = const { RefCell::new(Recent::new()) };
    }

    /// The square of `s`'s length through the memo, counting the times it
    /// is computed in `calls`.
    fn squared_len(calls: &Cell<usize>, s: &str) -> usize {
        cached(&SQUARES, s, || {
            calls.set(calls.get() + 1);
            s.len() * s.len()
        })
    }

    #[test]
    fn answers_repeat_within_a_document_and_are_forgotten_after_it() {
        let calls = Cell::new(0);
        let len = |s: &str| squared_len(&calls, s);
        new_document();
        assert_eq!(len("abc"), 9);
        assert_eq!(len("abc"), 9);
        assert_eq!(calls.get(), 1, "the repeat is answered from the memo");
        // more texts than it keeps: the oldest is computed again
        for k in 0..KEPT {
            len(&"x".repeat(k + 10));
        }
        assert_eq!(len("abc"), 9);
        assert_eq!(calls.get(), KEPT + 2);
        new_document();
        assert_eq!(len("abc"), 9);
        assert_eq!(calls.get(), KEPT + 3, "a new document starts empty");
    }

    #[test]
    fn a_slot_written_over_answers_for_its_new_text_only() {
        let calls = Cell::new(0);
        let len = |s: &str| squared_len(&calls, s);
        new_document();
        let texts: Vec<String> = (1..=KEPT + 3).map(|k| "y".repeat(k)).collect();
        for t in &texts {
            assert_eq!(len(t), t.len() * t.len());
        }
        // the last KEPT texts are answered from the memo, three of them from
        // slots written over
        let before = calls.get();
        for t in &texts[3..] {
            assert_eq!(len(t), t.len() * t.len());
        }
        assert_eq!(
            calls.get(),
            before,
            "the last {KEPT} answered from the memo"
        );
        for t in &texts[..3] {
            assert_eq!(len(t), t.len() * t.len());
        }
        assert_eq!(
            calls.get(),
            before + 3,
            "the three oldest were written over"
        );
        // a new document: its first text, in a slot an earlier one held
        new_document();
        assert_eq!(len("zz"), 4);
        assert_eq!(len(&texts[0]), 1);
        assert_eq!(calls.get(), before + 5);
    }
}
