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
use std::collections::VecDeque;
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
    kept: VecDeque<(Box<str>, V)>,
}

impl<V> Recent<V> {
    pub const fn new() -> Self {
        Recent {
            document: 0,
            kept: VecDeque::new(),
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
            m.kept.clear();
            m.document = document;
        }
        m.kept
            .iter()
            .find(|(k, _)| &**k == key)
            .map(|(_, v)| v.clone())
    });
    if let Some(v) = hit {
        return v;
    }
    let v = f();
    memo.with_borrow_mut(|m| {
        if m.document == document {
            if m.kept.len() == KEPT {
                m.kept.pop_back();
            }
            m.kept.push_front((key.into(), v.clone()));
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

    #[test]
    fn answers_repeat_within_a_document_and_are_forgotten_after_it() {
        let calls = Cell::new(0);
        let len = |s: &str| {
            cached(&SQUARES, s, || {
                calls.set(calls.get() + 1);
                s.len() * s.len()
            })
        };
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
}
