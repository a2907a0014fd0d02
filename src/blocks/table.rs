//! Indicator tables.
//!
//! ```text
//! table  = header [ separator ] { { blank } row } ;
//! header = row ;            (two or more cells with a role from grammars/columns.toml, one of them `indikator`)
//! row    = tab-row | pipe-row ;
//! ```
//!
//! Each row becomes one [`Indikator`] per item of its indicator cell (an HTML
//! or markdown list, `- a - b`, glued `1. X2. Y`), sharing the other cells.
//! An empty `sasaran` (or `tujuan`) cell is a merged cell: the value of the
//! row above is carried down. A row with fewer cells than the header is
//! aligned (with `table-row-short`), one with more has its extra cells joined
//! into the last column (`table-row-long`). A row with only a sasaran is a
//! group row: it sets the sasaran of the rows below.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use nom::Input;

use crate::diagnostics::{Code, Diagnostics};
use crate::grammar::{Role, grammar};
use crate::lines::{Kind, Line};
use crate::markup;
use crate::model::{Indikator, Kolom, Span};
use crate::values;

use super::prim::{In, Res, blanks, fail, line_if};

/// One column of a header.
#[derive(Debug, Clone)]
pub struct Column {
    /// The header text, cleaned (the key in `kolom`), shared with the
    /// header memo and the rows' `kolom`.
    pub name: Arc<str>,
    pub role: Option<Role>,
}

/// A table as read: its header, its rows (raw cells) and the lines they came from.
#[derive(Debug)]
pub struct Table<'s> {
    pub columns: Vec<Column>,
    /// Year of a `TARGET 2024` header.
    pub target_year: Option<i32>,
    pub header_span: Span,
    /// The cells as written: borrowed from the row's line, copied only for a
    /// row joined from several lines or a cell the alignment made.
    pub rows: Vec<(Span, Vec<Cow<'s, str>>)>,
    /// `|---|` lines inside the body.
    pub separators: Vec<Span>,
    pub span: Span,
}

thread_local! {
    /// The headers seen last on this thread: documents repeat their table
    /// header for every position, and archives repeat them across documents.
    static HEADERS: std::cell::RefCell<Vec<(String, Option<Vec<Column>>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The roles of a header row, when the row is a table header (memoized).
pub fn header_columns(line: &Line) -> Option<Vec<Column>> {
    if !matches!(line.kind, Kind::Row { .. }) {
        return None;
    }
    if let Some(hit) = HEADERS.with(|h| {
        h.borrow()
            .iter()
            .find(|(t, _)| *t == line.text)
            .map(|(_, c)| c.clone())
    }) {
        return hit;
    }
    let columns = read_header(line);
    if columns.is_some() {
        HEADERS.with(|h| {
            let mut h = h.borrow_mut();
            if h.len() >= 16 {
                h.remove(0);
            }
            h.push((line.text.to_string(), columns.clone()));
        });
    }
    columns
}

fn read_header(line: &Line) -> Option<Vec<Column>> {
    let g = grammar();
    let cells = line.cells();
    // cheap reject: at least two cells must start with a header word
    let starts = cells
        .clone()
        .filter(|c| {
            crate::grammar::words(c)
                .next()
                .is_some_and(|w| g.may_start_column(w))
        })
        .count();
    if starts < 2 {
        return None;
    }
    let mut columns = Vec::with_capacity(cells.len());
    let mut known = 0;
    let mut indikator = false;
    for c in cells {
        let name = markup::clean(c);
        // header cells are short; a long cell is a value that happens to start with a header word
        let role = g
            .column_role(&name)
            .filter(|_| name.split_whitespace().count() <= 8);
        if role.is_some() {
            known += 1;
        }
        indikator |= role == Some(Role::Indikator);
        columns.push(Column {
            name: name.into(),
            role,
        });
    }
    // a value row can mention "Sasaran" or "Indikator"; a header is mostly headers
    let nonempty = columns.iter().filter(|c| !c.name.is_empty()).count();
    // (trailing empty header cells are kept here: they may be a colspan's
    // padding, which a second header row fills; `table` drops the rest)
    (known >= 2 && indikator && known * 2 >= nonempty).then_some(columns)
}

/// A row of column numbers: `| (1) | (2) | (3) |`, `1 | 2 | 3`.
fn number_row(l: &Line) -> bool {
    let mut filled = l.cells().map(str::trim).filter(|c| !c.is_empty());
    let is_number = |c: &str| {
        let c = c.trim_start_matches('(').trim_end_matches(')');
        !c.is_empty() && c.len() <= 2 && c.bytes().all(|b| b.is_ascii_digit())
    };
    let mut n = 0;
    filled.all(|c| {
        n += 1;
        is_number(c)
    }) && n >= 2
}

/// A second header row under a header with colspans (HTML turned into
/// markdown): at least two cells with a role, none of them the indicator.
fn sub_header(l: &Line) -> Option<Vec<Column>> {
    if !is_row(l) {
        return None;
    }
    let g = grammar();
    let cols: Vec<Column> = l
        .cells()
        .map(markup::clean)
        .filter(|n| !n.is_empty())
        .map(|name| Column {
            role: g
                .column_role(&name)
                .filter(|_| name.split_whitespace().count() <= 8),
            name: name.into(),
        })
        .collect();
    let roles = cols.iter().filter(|c| c.role.is_some()).count();
    let any_indikator = cols.iter().any(|c| c.role == Some(Role::Indikator));
    (roles >= 2 && !any_indikator && roles * 2 >= cols.len()).then_some(cols)
}

/// Spreads a second header row over the colspans of the first: a header cell
/// followed by empty cells is a group whose columns the second row names
/// (`Penjelasan` over `Alasan | Formulasi | Sumber Data | Keterangan`).
fn merge_sub_header(top: Vec<Column>, sub: Vec<Column>) -> Vec<Column> {
    let mut out = Vec::new();
    let mut names = sub.into_iter();
    let mut k = 0;
    while k < top.len() {
        let c = &top[k];
        let empties = top[k + 1..]
            .iter()
            .take_while(|c| c.name.is_empty())
            .count();
        if c.name.is_empty() {
            k += 1;
            continue;
        }
        if empties == 0 {
            out.push(c.clone());
        } else {
            let last_group = top[k + 1 + empties..].iter().all(|c| c.name.is_empty());
            let width = if last_group { usize::MAX } else { empties + 1 };
            let mut taken = 0;
            for n in names.by_ref().take(width) {
                out.push(Column {
                    name: format!("{} / {}", c.name, n.name).into(),
                    role: n.role,
                });
                taken += 1;
            }
            if taken == 0 {
                out.push(c.clone());
            }
        }
        k += 1 + empties;
    }
    out
}

fn is_row(l: &Line) -> bool {
    matches!(l.kind, Kind::Row { .. })
}

/// The cells of a pipe line in a table whose rows close with `|` and whose
/// header has no leading `|`: every `|` closes a cell, so a line that starts
/// with one has an empty first cell (a merged cell), not a border.
fn closed_cells(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'|').count()
}

/// A line that can continue a spilled row.
fn continues_row(m: &Line) -> bool {
    !m.is_blank()
        && !matches!(m.kind, Kind::Separator)
        && !matches!(m.kind, Kind::Heading { .. } | Kind::Label { .. })
        && header_columns(m).is_none()
}

/// `row = row-line | spilled-row`
/// `spilled-row = row-start { line } closing-line`: in a table whose rows close
/// with `|` (layout G), a row too long for the converter goes on over the next
/// lines; the first part may hold a single `|` or none at all, and a part may
/// even end at a `|` of its own, which shows only by the row having fewer cells
/// than the header and the next part making up the rest exactly.
///
/// Returns the lines taken, the span and the cells.
fn spilled_row<'s>(
    after: In<'s, '_>,
    closes: bool,
    bordered: bool,
    n: usize,
) -> Option<(usize, Span, Vec<Cow<'s, str>>)> {
    let l = after.first()?;
    if header_columns(l).is_some() {
        return None;
    }
    let pipe = match l.kind {
        Kind::Row { pipe, .. } => pipe,
        _ if closes && continues_row(l) && l.text.contains('|') => true,
        _ => return None,
    };
    let mut row_span = l.span();
    let mut k = 1;
    let mut joined: Option<String> = None;
    if closes && pipe {
        // the row's text so far; copied only when a part is joined to it
        // (most rows are one line)
        while k <= 12 {
            let Some(m) = after.get(k) else { break };
            if !continues_row(m) {
                break;
            }
            let text = joined.as_deref().unwrap_or(l.trimmed());
            let open = !text.ends_with('|');
            let short = !bordered && {
                let (a, b) = (closed_cells(text), closed_cells(m.trimmed()));
                a >= 2 && a < n && a + b == n && m.trimmed().ends_with('|')
            };
            if !open && !short {
                break;
            }
            let text = joined.get_or_insert_with(|| l.trimmed().to_string());
            text.push(' ');
            text.push_str(m.trimmed());
            row_span = row_span.cover(m.span());
            k += 1;
        }
        if k == 1 && !matches!(l.kind, Kind::Row { .. }) {
            return None;
        }
    }
    let mut cells: Vec<Cow<'s, str>> = match &joined {
        Some(text) => {
            let line = Line::new(row_span.start_line, row_span.end_line, text.as_str().into());
            line.cells().map(|c| Cow::Owned(c.to_string())).collect()
        }
        None => l.cells().map(Cow::Borrowed).collect(),
    };
    if cells.is_empty() {
        return None;
    }
    if !bordered && pipe && l.trimmed().starts_with('|') {
        cells.insert(0, Cow::Borrowed(""));
    }
    Some((k, row_span, cells))
}

/// `table = header [ separator ] { { blank } row }`
pub fn table<'s, 'a>(i: In<'s, 'a>) -> Res<'s, 'a, Table<'s>> {
    let Some(first) = i.first() else {
        return fail(i);
    };
    let Some(mut columns) = header_columns(first) else {
        return fail(i);
    };
    let mut rest = i.take_from(1);
    let mut header_span = first.span();
    if let Ok((r, sep)) = line_if(rest, |l| matches!(l.kind, Kind::Separator)) {
        header_span = header_span.cover(sep.span());
        rest = r;
    }
    // a second header row under colspans
    let padded = columns.iter().any(|c| c.name.is_empty());
    if padded
        && let Some(l) = rest.first()
        && let Some(sub) = sub_header(l)
    {
        columns = merge_sub_header(columns, sub);
        header_span = header_span.cover(l.span());
        rest = rest.take_from(1);
        if let Ok((r, sep)) = line_if(rest, |l| matches!(l.kind, Kind::Separator)) {
            header_span = header_span.cover(sep.span());
            rest = r;
        }
    }
    // trailing empty header cells are padding
    while columns
        .last()
        .is_some_and(|c| c.name.is_empty() && c.role.is_none())
    {
        columns.pop();
    }
    let target_year = columns
        .iter()
        .find(|c| c.role == Some(Role::Target))
        .and_then(|c| year_in(&c.name));
    let mut rows = Vec::new();
    let mut separators = Vec::new();
    let mut span = header_span;
    // a pipe table whose rows close with `|`: a row that does not close goes
    // on over the next lines (a cell spilling over, layout G)
    let closes = first.trimmed().ends_with('|');
    // a header without a leading `|`: a row that starts with one has an
    // empty first cell (a merged cell), not a border
    let bordered =
        !matches!(first.kind, Kind::Row { pipe: true, .. }) || first.trimmed().starts_with('|');
    loop {
        let (after, _) = blanks(rest)?;
        match after.first() {
            Some(l) if is_row(l) && number_row(l) => {
                // `(1) | (2) | (3)`: the columns' numbers under the header
                header_span = header_span.cover(l.span());
                span = span.cover(l.span());
                rest = after.take_from(1);
            }
            Some(_)
                if let Some((k, row_span, cells)) =
                    spilled_row(after, closes, bordered, columns.len()) =>
            {
                rows.push((row_span, cells));
                span = span.cover(row_span);
                rest = after.take_from(k);
            }
            Some(l) if matches!(l.kind, Kind::Separator) => {
                span = span.cover(l.span());
                separators.push(l.span());
                rest = after.take_from(1);
            }
            _ => break,
        }
    }
    Ok((
        rest,
        Table {
            columns,
            target_year,
            header_span,
            rows,
            separators,
            span,
        },
    ))
}

/// A four-digit year in a header (`TARGET 2024`, `Target Tahun 2024`).
fn year_in(s: &str) -> Option<i32> {
    crate::grammar::words(s)
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .find(|y| (1945..=2100).contains(y))
}

fn is_empty_cell(c: &str) -> bool {
    // markup cannot make letters: a cell without any is empty at once; and
    // without markup, cleaning only drops bullets, spaces and separators, so
    // a cell with a letter or digit keeps it
    !has_alnum(c) || (markup::may_have_markup(c) && markup::clean(c).is_empty())
}

/// [`is_empty_cell`] of a cell whose `markup::clean` is known to be empty
/// or not: the cell is cleaned once.
fn is_empty_cleaned(c: &str, clean_is_empty: bool) -> bool {
    !has_alnum(c) || clean_is_empty
}

fn has_alnum(c: &str) -> bool {
    // an ASCII letter or digit settles it where it stands (most cells start
    // with one); without one, a letter outside ASCII may still be there
    c.bytes().any(|b| b.is_ascii_alphanumeric())
        || (!c.is_ascii() && c.chars().any(char::is_alphanumeric))
}

fn looks_like_number(c: &str) -> bool {
    let t = c.trim().trim_end_matches(['.', ')']);
    !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// Aligns a row's cells to the header's columns.
fn align<'s>(
    columns: &[Column],
    mut cells: Vec<Cow<'s, str>>,
    span: Span,
    diags: &mut Diagnostics,
) -> Vec<Cow<'s, str>> {
    let n = columns.len();
    // trailing empty cells beyond the header are padding
    while cells.len() > n && cells.last().is_some_and(|c| is_empty_cell(c)) {
        cells.pop();
    }
    if cells.len() > n {
        let extra: Vec<Cow<str>> = cells.drain(n - 1..).collect();
        diags.at(
            Code::TableRowLong,
            span,
            format!(
                "row has {} cells under a {n}-column header; the last {} were joined into `{}`",
                n + extra.len() - 1,
                extra.len(),
                columns[n - 1].name
            ),
        );
        cells.push(Cow::Owned(extra.join(" ")));
    } else if cells.len() < n {
        let missing = n - cells.len();
        let no_missing = columns[0].role == Some(Role::No)
            && missing == 1
            && !cells
                .first()
                .is_some_and(|c| looks_like_number(c) || is_empty_cell(c));
        if no_missing {
            cells.insert(0, Cow::Borrowed(""));
            diags.at(
                Code::TableRowShort,
                span,
                format!(
                    "row has {} cells under a {n}-column header; read as a row without a number",
                    n - 1
                ),
            );
        } else {
            let filled = cells.iter().filter(|c| !is_empty_cell(c)).count();
            if filled > 0 {
                diags.at(
                    Code::TableRowShort,
                    span,
                    format!(
                        "row has {} cells under a {n}-column header; the last {missing} column(s) were left empty",
                        cells.len()
                    ),
                );
            }
            cells.resize(n, Cow::Borrowed(""));
        }
    }
    cells
}

/// Unique, non-empty keys for `kolom`.
fn column_keys(columns: &[Column]) -> Vec<Arc<str>> {
    let mut keys: Vec<Arc<str>> = Vec::with_capacity(columns.len());
    // the keys taken, as a set once there are many (a table has a dozen
    // columns: a look along them costs less than hashing)
    let mut taken: Option<HashSet<Arc<str>>> = None;
    let mut numbered: HashMap<Arc<str>, usize> = HashMap::new();
    for (i, c) in columns.iter().enumerate() {
        // a column number printed in the header (`SASARAN KINERJA (4)`) is
        // no part of its name
        let name = without_column_number(&c.name);
        let base: Arc<str> = if name.is_empty() {
            format!("kolom {}", i + 1).into()
        } else if name.len() == c.name.len() {
            Arc::clone(&c.name)
        } else {
            name.into()
        };
        if taken.is_none() && keys.len() >= SET_OF_KEYS {
            taken = Some(keys.iter().cloned().collect());
        }
        let is_taken = |k: &Arc<str>, keys: &[Arc<str>]| match &taken {
            Some(set) => set.contains(k),
            None => keys.contains(k),
        };
        // a repeated name is numbered: `SUMBER DATA (2)`, with the first number
        // not taken. Each name remembers the number after its last one, so
        // that a header row of a thousand repeated names is not cubic
        // (numbers taken stay taken).
        let mut key = Arc::clone(&base);
        if is_taken(&key, &keys) {
            let next = numbered.entry(Arc::clone(&base)).or_insert(2);
            loop {
                key = format!("{base} ({next})").into();
                *next += 1;
                if !is_taken(&key, &keys) {
                    break;
                }
            }
        }
        if let Some(set) = &mut taken {
            set.insert(Arc::clone(&key));
        }
        keys.push(key);
    }
    keys
}

/// The number of column keys from which [`column_keys`] looks them up in a set.
const SET_OF_KEYS: usize = 16;

/// A header name without a trailing column number: `SASARAN KINERJA (4)`.
fn without_column_number(name: &str) -> &str {
    let t = name.trim_end();
    if let Some(head) = t.strip_suffix(')')
        && let Some((before, n)) = head.rsplit_once('(')
        && !n.is_empty()
        && n.len() <= 2
        && n.bytes().all(|b| b.is_ascii_digit())
    {
        return before.trim_end();
    }
    t
}

/// The text of a list cell for a string field: its items joined with `; `,
/// without the `.` or `;` that closed each item but the last.
fn items_text(items: &[String]) -> String {
    let last = items.len().saturating_sub(1);
    let mut out = String::with_capacity(items.iter().map(|i| i.len() + 2).sum());
    for (k, i) in items.iter().enumerate() {
        if k < last {
            out.push_str(i.trim_end_matches(['.', ';']).trim_end());
            out.push_str("; ");
        } else {
            out.push_str(i);
        }
    }
    out
}

/// A cell's text as a field: none when it is empty or `-`.
fn field_text(t: String) -> Option<String> {
    (!t.is_empty() && t != "-").then_some(t)
}

/// What a table gives: its indicators, and the rows that gave none.
#[derive(Debug, Default)]
pub struct Read {
    pub indikator: Vec<Indikator>,
    /// Rows the parser could not read as indicators (left unclassified).
    pub unread: Vec<Span>,
    /// Rows with only a sasaran or tujuan, carried to the rows below.
    pub group_rows: Vec<Span>,
    /// Rows without any text.
    pub fillers: Vec<Span>,
}

/// A part of a cell that holds labels of its own.
#[derive(Debug, PartialEq)]
struct CellPart {
    role: Option<Role>,
    /// the label as written (`Tipe Perhitungan`)
    label: String,
    value: String,
}

/// ```text
/// labelled-cell = cell-label ":" value { cell-label ":" value } ;   (cell_label in columns.toml)
/// ```
/// A cell that opens with a label (`Formulasi Perhitungan : … Tipe
/// Perhitungan : … Sumber Data : …`) is split at its labels; `None` for any
/// other cell.
fn cell_parts(text: &str) -> Option<Vec<CellPart>> {
    let g = grammar();
    if g.cell_labels.is_empty() || memchr::memchr(b':', text.as_bytes()).is_none() {
        return None;
    }
    // (label start, value start, role)
    let mut marks: Vec<(usize, usize, Option<Role>)> = Vec::new();
    // the label: the last one to three words before a colon
    for (colon, offs) in crate::lines::words_before_colons(text) {
        let found = (1..=3.min(offs.len())).rev().find_map(|n| {
            let ws = &offs[offs.len() - n..];
            g.cell_labels
                .iter()
                .find(|(_, p)| p.is_exactly(ws.iter().map(|w| w.1)))
                .map(|(role, _)| (ws[0].0, *role))
        });
        if let Some((start, role)) = found
            && (start == 0 || text[..start].ends_with(char::is_whitespace))
            && marks.last().is_none_or(|m| m.1 <= start)
        {
            marks.push((start, colon + 1, role));
        }
    }
    if marks.first().is_none_or(|m| m.0 != 0) {
        return None;
    }
    let parts = marks
        .iter()
        .enumerate()
        .map(|(k, &(start, value_at, role))| {
            let end = marks.get(k + 1).map_or(text.len(), |m| m.0);
            let label_end = text[..value_at - 1].trim_end().len();
            CellPart {
                role,
                label: text[start..label_end].to_string(),
                value: markup::clean(&text[value_at..end]),
            }
        })
        .collect();
    Some(parts)
}

/// The indicators of a table, and what its other rows are.
///
/// The table's rows are moved out as they are read (`table.rows` is left
/// empty); its header, spans and separators stay.
pub fn indicators(table: &mut Table<'_>, diags: &mut Diagnostics) -> Read {
    let rows = std::mem::take(&mut table.rows);
    let table = &*table;
    let keys = column_keys(&table.columns);
    for c in &table.columns {
        if c.role.is_none() && !c.name.is_empty() {
            diags.at(
                Code::TableUnknownColumn,
                table.header_span,
                format!("column `{}` has no known role; kept in `kolom`", c.name),
            );
        }
    }
    let col = |role: Role| table.columns.iter().position(|c| c.role == Some(role));
    let (c_no, c_tujuan, c_sasaran, c_ind) = (
        col(Role::No),
        col(Role::Tujuan),
        col(Role::Sasaran),
        col(Role::Indikator),
    );
    let (c_form, c_sumber, c_target, c_pj, c_bidang, c_ket) = (
        col(Role::Formulasi),
        col(Role::SumberData),
        col(Role::Target),
        col(Role::PenanggungJawab),
        col(Role::BidangUrusan),
        col(Role::Keterangan),
    );
    let mut read = Read::default();
    let mut tujuan: Option<String> = None;
    let mut sasaran: Option<String> = None;
    // group rows (a sasaran alone on its row, from a cell spanning rows): the
    // rows under them are written without that first column
    let group_row = |raw: &[Cow<str>]| {
        raw.len() >= 2 && !is_empty_cell(&raw[0]) && raw[1..].iter().all(|c| is_empty_cell(c))
    };
    let carried_first = matches!(
        table.columns.first().and_then(|c| c.role),
        Some(Role::Sasaran | Role::Tujuan)
    );
    let shifted =
        carried_first && table.columns.len() > 2 && rows.iter().any(|(_, r)| group_row(r));
    if shifted {
        diags.at(
            Code::TableGroupRows,
            table.span,
            format!(
                "the table's `{}` stands in rows of its own; the rows below them were aligned one column to the right",
                table.columns[0].name
            ),
        );
    }
    let (mut plain, mut clean_is_empty): (Vec<bool>, Vec<bool>) = (Vec::new(), Vec::new());
    for (span, mut raw) in rows {
        if raw.iter().all(|c| is_empty_cell(c)) {
            read.fillers.push(span);
            continue;
        }
        if shifted && !group_row(&raw) {
            let used = raw
                .iter()
                .rposition(|c| !c.trim().is_empty())
                .map_or(0, |p| p + 1);
            if used < table.columns.len() {
                raw.insert(0, Cow::Borrowed(""));
            }
        }
        let mut cells = align(&table.columns, raw, span, diags);
        // each cell read once: its plain text, and its text as a field (lists
        // joined). A cell that cannot be a list is cleaned whole (`plain`):
        // its text is then the cell's `markup::clean_opt`, and the fields
        // below take it instead of cleaning the cell again. The indicator
        // cell's list items are kept for the indicators.
        // (two buffers of the table's, filled anew for each row)
        plain.clear();
        plain.extend(cells.iter().map(|c| !markup::may_be_list(c)));
        let mut ind_items: Option<Vec<String>> = None;
        // whether a plain cell cleans to nothing (`texts` cannot tell: a
        // clean `-` is no text either)
        clean_is_empty.clear();
        clean_is_empty.resize(cells.len(), false);
        let mut texts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if plain[i] {
                    let clean = markup::clean(c);
                    clean_is_empty[i] = clean.is_empty();
                    return field_text(clean).unwrap_or_default();
                }
                let items = markup::list_items(c);
                let t = items_text(&items);
                if Some(i) == c_ind {
                    ind_items = Some(items);
                }
                field_text(t).unwrap_or_default()
            })
            .collect();
        // cells with labels of their own: each keeps the part with its own
        // role; the other parts give their roles' values where the row has
        // no cell for them, and every part is kept in `kolom` by its label
        let mut labelled: Vec<(usize, Vec<CellPart>)> = Vec::new();
        let mut from_labels: Vec<(Role, String)> = Vec::new();
        for (i, t) in texts.iter_mut().enumerate() {
            let Some(parts) = cell_parts(t) else { continue };
            let own_role = table.columns.get(i).and_then(|c| c.role);
            let own = parts
                .iter()
                .find(|p| p.role.is_some() && p.role == own_role)
                .map(|p| p.value.clone())
                .unwrap_or_default();
            from_labels.extend(
                parts
                    .iter()
                    .filter(|p| p.role != own_role && !p.value.is_empty())
                    .filter_map(|p| p.role.map(|r| (r, p.value.clone()))),
            );
            diags.at(
                Code::TableCellLabels,
                span,
                format!(
                    "the cell under `{}` holds labels of its own ({}); it was split at them",
                    table.columns.get(i).map_or("", |c| &*c.name),
                    parts
                        .iter()
                        .map(|p| format!("`{}`", p.label))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
            cells[i] = Cow::Owned(own.clone());
            *t = own;
            // the cell is now its own part: read again where needed
            plain[i] = false;
            if Some(i) == c_ind {
                ind_items = None;
            }
            labelled.push((i, parts));
        }
        // a role's raw cell, or else the value a labelled cell gave it
        let empty = |i: usize| match plain[i] {
            true => is_empty_cleaned(&cells[i], clean_is_empty[i]),
            false => is_empty_cell(&cells[i]),
        };
        let cell_or_label = |c: Option<usize>, role: Role| {
            c.filter(|&i| !empty(i))
                .map(|i| cells[i].to_string())
                .or_else(|| {
                    from_labels
                        .iter()
                        .find(|(r, _)| *r == role)
                        .map(|(_, v)| v.clone())
                })
        };
        let text = |c: Option<usize>| {
            c.and_then(|i| texts.get(i))
                .filter(|t| !t.is_empty())
                .cloned()
        };
        // `markup::clean_opt` of a cell, taken from its text when that is it
        let clean_cell = |i: usize| {
            if plain[i] {
                (!texts[i].is_empty()).then(|| texts[i].clone())
            } else {
                markup::clean_opt(&cells[i])
            }
        };
        let row_tujuan = c_tujuan.and_then(clean_cell);
        let row_sasaran = c_sasaran.and_then(clean_cell);
        if row_tujuan.is_some() {
            tujuan = row_tujuan;
            // a new tujuan starts a new merged sasaran cell too
            sasaran = None;
        }
        if row_sasaran.is_some() {
            sasaran = row_sasaran;
        }
        // a plain cell (one that cannot be a list) is one item, its clean
        // text (as `markup`'s proptest `list_items_of_plain` checks), which
        // `texts` holds unless that text is `-`
        let items = ind_items
            .or_else(|| {
                c_ind.map(|i| match plain[i] && !texts[i].is_empty() {
                    true => vec![texts[i].clone()],
                    false => markup::list_items(&cells[i]),
                })
            })
            .unwrap_or_default();
        if items.is_empty() {
            let others = texts
                .iter()
                .enumerate()
                .filter(|(i, t)| {
                    Some(*i) != c_sasaran
                        && Some(*i) != c_tujuan
                        && Some(*i) != c_no
                        && !t.is_empty()
                })
                .count();
            if others > 0 {
                diags.at(
                    Code::IndicatorMissing,
                    span,
                    "table row without an indicator; its cells are listed as unclassified",
                );
                read.unread.push(span);
            } else {
                // a group row (only tujuan/sasaran), carried to the rows below
                read.group_rows.push(span);
            }
            continue;
        }
        let no = c_no
            .map(|i| clean_cell(i).unwrap_or_else(|| markup::clean(&cells[i])))
            .unwrap_or_default()
            .trim_end_matches(['.', ')'])
            .trim_start_matches('(')
            .to_string();
        // a unit under the formula header and a value under the data-source
        // header, in a table without a target column: the row's target
        let unit_and_value = match (c_form, c_sumber, c_target) {
            (Some(f), Some(s), None)
                if s == f + 1
                    && grammar().is_unit_word(&texts[f])
                    && values::target::is_bare_value(&texts[s]) =>
            {
                Some((f, s))
            }
            _ => None,
        };
        let (formulasi, target, sumber_data) = match unit_and_value {
            Some((f, s)) => {
                let (unit, value) = (&texts[f], &texts[s]);
                diags.at(
                    Code::TableCellsReread,
                    span,
                    format!(
                        "`{unit}` under `{}` and `{value}` under `{}` were read as the row's target",
                        table.columns[f].name, table.columns[s].name
                    ),
                );
                let t = values::target::parse(value, table.target_year).map(|mut t| {
                    t.satuan.get_or_insert_with(|| unit.clone());
                    t
                });
                (None, t, None)
            }
            None => (
                match c_form {
                    // a plain cell's text is its clean text already
                    Some(i) if plain[i] && !empty(i) => clean_cell(i)
                        .map(|t| values::formula::parse_clean(&cells[i], t, span, diags)),
                    _ => cell_or_label(c_form, Role::Formulasi)
                        .and_then(|c| values::formula::parse(&c, span, diags)),
                },
                cell_or_label(c_target, Role::Target)
                    .and_then(|c| values::target::parse(&c, table.target_year)),
                text(c_sumber).or_else(|| cell_or_label(None, Role::SumberData)),
            ),
        };
        let penanggung_jawab: Vec<String> = cell_or_label(c_pj, Role::PenanggungJawab)
            .map(|c| markup::list_items(&c))
            .unwrap_or_default()
            .into_iter()
            .filter(|s| s != "-")
            .collect();
        let mut rujukan = Vec::new();
        for t in &texts {
            rujukan.extend(values::rujukan::find_all(t));
        }
        // and in the parts of labelled cells that their own text left out
        for (i, parts) in &labelled {
            for p in parts.iter().filter(|p| p.value != texts[*i]) {
                rujukan.extend(values::rujukan::find_all(&p.value));
            }
        }
        let (bidang_urusan, keterangan) = (text(c_bidang), text(c_ket));
        // every cell under its header: the row's texts are moved in
        let mut kolom: Vec<(Arc<str>, String)> = Vec::with_capacity(keys.len());
        for (i, (k, v)) in keys.iter().zip(texts).enumerate() {
            match labelled.iter().find(|(c, _)| *c == i) {
                Some((_, parts)) => {
                    for p in parts.iter().filter(|p| !p.value.is_empty()) {
                        match kolom
                            .iter_mut()
                            .find(|(k, _)| k.eq_ignore_ascii_case(&p.label))
                        {
                            Some((_, v)) => {
                                v.push_str("; ");
                                v.push_str(&p.value);
                            }
                            None => kolom.push((Arc::from(p.label.as_str()), p.value.clone())),
                        }
                    }
                }
                None if !v.is_empty() => kolom.push((Arc::clone(k), v)),
                None => {}
            }
        }
        let kolom = Kolom(kolom);
        // one indicator per item: the row's values are copied for all but
        // the last item, which takes them
        let mut row = Indikator {
            no: (!no.is_empty()).then_some(no),
            tujuan: tujuan.clone(),
            sasaran: sasaran.clone(),
            indikator: String::new(),
            formulasi,
            sumber_data,
            target,
            penanggung_jawab,
            bidang_urusan,
            keterangan,
            rujukan,
            kolom,
            span,
        };
        let last = items.len() - 1;
        for (k, item) in items.into_iter().enumerate() {
            if k == last {
                row.indikator = item;
                read.indikator.push(row);
                break;
            }
            read.indikator.push(Indikator {
                indikator: item,
                ..row.clone()
            });
        }
    }
    read
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::Lines;
    use crate::normalize::normalize_line;

    /// `header_fragment`'s tests before the roles, as they were written
    /// before the two passes over the words became one.
    fn header_fragment_two_passes(l: &Line) -> Option<Vec<Role>> {
        if !matches!(l.kind, Kind::Text | Kind::Heading { .. }) {
            return None;
        }
        let t = l.trimmed();
        if t.ends_with(['.', ';', ',', ':']) {
            return None;
        }
        let n = crate::grammar::words(t).take(25).count();
        if n == 0 || n > 24 {
            return None;
        }
        if n > 16 && !crate::text::is_mostly_upper(t) {
            return None;
        }
        let g = grammar();
        if !crate::grammar::words(t).any(|w| g.may_start_column(w)) {
            return None;
        }
        fragment_roles(t, n, || crate::text::is_mostly_upper(t))
    }

    /// Every line of the corpus and the field samples, as it is and in
    /// capitals, and cut to its first 17 and 25 words (past the limits of a
    /// header in mixed case and of any header).
    #[test]
    fn header_fragments_are_those_of_the_two_pass_reading() {
        let mut found = 0;
        for text in crate::grammar::real_texts() {
            for line in text.lines() {
                let line = normalize_line(line).into_owned();
                let cut = |n: usize| -> String {
                    crate::grammar::words(&line)
                        .take(n)
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                for t in [line.clone(), line.to_uppercase(), cut(17), cut(25)] {
                    let l = Line::new(1, 1, t.as_str().into());
                    let want = header_fragment_two_passes(&l);
                    found += usize::from(want.is_some());
                    assert_eq!(header_fragment(&l), want, "{t}");
                }
            }
        }
        assert!(
            found > 20,
            "only {found} header fragments among the real lines"
        );
        // and headers read across their columns, of 14 to 26 words, in
        // capitals and not: the limits of 16 and 24 words
        let header = "No Sasaran Indikator Kinerja Formulasi Perhitungan Sumber Data Target \
                      Penanggung Jawab Keterangan Satuan";
        let words: Vec<&str> = header.split_whitespace().cycle().take(26).collect();
        for n in 14..=26 {
            let t = words[..n].join(" ");
            for t in [t.clone(), t.to_uppercase()] {
                let l = Line::new(1, 1, t.as_str().into());
                assert_eq!(header_fragment(&l), header_fragment_two_passes(&l), "{t}");
            }
        }
    }

    #[test]
    fn number_rows_hold_two_or_more_numbers_and_nothing_else() {
        let row = |t: &'static str| Line::new(1, 1, t.into());
        for t in ["| (1) | (2) | (3) |", "1\t2\t3", "| 1 | | 2 |", "(1)\t(12)"] {
            assert!(number_row(&row(t)), "{t}");
        }
        for t in [
            "| (1) | |",
            "| 1 | a |",
            "| 123 | 4 |",
            "| () | (1) |",
            "1. Sekretaris",
            "| | |",
        ] {
            assert!(!number_row(&row(t)), "{t}");
        }
    }

    proptest::proptest! {
        #[test]
        fn empty_cells_are_those_without_letters_or_that_clean_to_nothing(
            c in "[ a1.:;*\\-•<>b/r&;nbsp{}$é]{0,16}"
        ) {
            let plain = !c.chars().any(char::is_alphanumeric) || markup::clean(&c).is_empty();
            proptest::prop_assert_eq!(is_empty_cell(&c), plain);
            proptest::prop_assert_eq!(is_empty_cleaned(&c, markup::clean(&c).is_empty()), plain);
        }

        /// A list cell's text is its items joined with `; `, each but the last
        /// without its closing `.` or `;` (as first written, with a `join`).
        #[test]
        fn items_text_joins_the_items(
            items in proptest::collection::vec("[a .;]{0,6}", 0..5)
        ) {
            let last = items.len().saturating_sub(1);
            let plain = items
                .iter()
                .enumerate()
                .map(|(k, i)| if k < last { i.trim_end_matches(['.', ';']).trim_end() } else { i })
                .collect::<Vec<_>>()
                .join("; ");
            proptest::prop_assert_eq!(items_text(&items), plain);
        }

        /// `column_keys` gives the keys of its first writing, which tried every
        /// number from 2 against every key taken.
        #[test]
        fn column_keys_number_repeated_names_as_first_written(
            names in proptest::collection::vec("A|B|A \\(2\\)|A \\(3\\)|B \\(2\\)|A \\(2\\) \\(2\\)|\\(4\\)|", 0..48)
        ) {
            let columns: Vec<Column> = names
                .iter()
                .map(|n| Column { name: n.as_str().into(), role: None })
                .collect();
            let mut plain: Vec<Arc<str>> = Vec::new();
            for (i, c) in columns.iter().enumerate() {
                let name = without_column_number(&c.name);
                let base: Arc<str> = if name.is_empty() {
                    format!("kolom {}", i + 1).into()
                } else {
                    name.into()
                };
                let mut key = Arc::clone(&base);
                let mut n = 2;
                while plain.contains(&key) {
                    key = format!("{base} ({n})").into();
                    n += 1;
                }
                plain.push(key);
            }
            proptest::prop_assert_eq!(column_keys(&columns), plain);
        }
    }

    #[test]
    fn flat_headers_and_column_dumps_are_bounded() {
        // header cells one per line, far more of them than a header has: the
        // header ends at its bound (and its short fragments at theirs)
        let names = ["SASARAN", "INDIKATOR KINERJA", "FORMULASI", "SUMBER DATA"];
        let mut src = String::new();
        for k in 0..FLAT_HEADER_LINES + FLAT_HEADER_FRAGMENTS + 6 {
            src.push_str(names[k % names.len()]);
            src.push('\n');
        }
        src.push_str("Meningkatnya kinerja persentase capaian data dinas\n");
        let (u, n) = crate::blocks::prim::read_block(&src, flat).expect("a flat table");
        assert_eq!(u.header.len(), FLAT_HEADER_LINES + FLAT_HEADER_FRAGMENTS);
        assert_eq!(n, FLAT_HEADER_LINES + FLAT_HEADER_FRAGMENTS + 7);

        // a table printed column after column, each column header followed
        // by a value, more times than a table has columns: the dump ends at
        // its bound
        let mut src = String::new();
        for k in 0..DUMP_HEADERS + 6 {
            let h = ["Sasaran Strategis", "Indikator Kinerja"][k % 2];
            src.push_str(&format!("{h} nilai {k}\n"));
        }
        let (u, n) = crate::blocks::prim::read_block(&src, column_dump).expect("a dump");
        assert_eq!(n, DUMP_HEADERS);
        assert!(u.header.is_empty());
    }

    fn read(src: &str) -> (Vec<Indikator>, Vec<String>) {
        let ls = crate::lines::normalized_lines(src);
        let (_, mut t) = table(Lines::new(&ls)).expect("a table");
        let mut d = Diagnostics::default();
        let ind = indicators(&mut t, &mut d).indikator;
        (ind, d.finish().into_iter().map(|d| d.code).collect())
    }

    #[test]
    fn merged_sasaran_is_carried_down() {
        let (ind, _) = read(
            "SASARAN STRATEGIS\tINDIKATOR KINERJA\tPENJELASAN/FORMULASI PENGHITUNGAN\tSUMBER DATA\n\
             Meningkatnya Kualitas\tPersentase Koperasi Aktif\tJumlah Koperasi Aktif / Jumlah Koperasi x 100%\tData\n\
             \tPersentase skala usaha\tJumlah usaha\tBidang\n\
             Meningkatnya Tata Kelolah\t- Nilai Akuntabilitas Kinerja\tPredikat\tA",
        );
        assert_eq!(ind.len(), 3);
        assert_eq!(ind[1].sasaran.as_deref(), Some("Meningkatnya Kualitas"));
        assert_eq!(ind[1].indikator, "Persentase skala usaha");
        assert_eq!(ind[2].sasaran.as_deref(), Some("Meningkatnya Tata Kelolah"));
        assert_eq!(ind[2].indikator, "Nilai Akuntabilitas Kinerja");
        assert_eq!(
            ind[0].kolom.0[0],
            (
                Arc::from("SASARAN STRATEGIS"),
                "Meningkatnya Kualitas".to_string()
            )
        );
    }

    #[test]
    fn list_cells_give_one_indicator_per_item() {
        let (ind, _) = read(
            "NO\tSasaran\tIndikator Kinerja\tPenjelasan / Formulasi Perhitungan\tSumber Data\n\
             1.\tTerlaksananya Pembinaan .\t<ol style=\"list-style-type: none\">1. Jumlah Koperasi yang di di awasi2. Jumlah Koperasi yang di bina.\tJumlah Koperasi\tData",
        );
        assert_eq!(ind.len(), 2);
        assert_eq!(ind[0].no.as_deref(), Some("1"));
        assert_eq!(ind[1].no.as_deref(), Some("1"));
        assert_eq!(ind[1].indikator, "Jumlah Koperasi yang di bina.");
        assert_eq!(ind[0].sasaran.as_deref(), Some("Terlaksananya Pembinaan"));
    }

    /// The karawang field sample's sub-labelled cell (`… PENJELASAN …` column,
    /// `Formulasi Perhitungan : Jumlah Keluarga Sehat … x 100%`), as a pipe table.
    #[test]
    fn cells_with_labels_of_their_own_are_split() {
        let (ind, codes) = read(
            "| NO | SASARAN STRATEGIS | INDIKATOR KINERJA UTAMA (IKU) | PENJELASAN | PENANGGUNG JAWAB |\n\
             |---|---|---|---|---|\n\
             | 1 | Meningkatnya derajat kesehatan masyarakat | Persentase Keluarga Sehat | Formulasi Perhitungan : Jumlah Keluarga Sehat / Jumlah Keluarga di wilayah Kabupaten dalam kurun waktu satu tahun x 100% Tipe Perhitungan : Non Kumulatif Sumber Data : Profil Kesehatan | Dinas Kesehatan |",
        );
        assert_eq!(ind.len(), 1);
        let f = ind[0].formulasi.as_ref().expect("a formula");
        assert_eq!(
            f.pembilang.as_deref(),
            Some("Jumlah Keluarga Sehat"),
            "{f:?}"
        );
        assert_eq!(
            f.penyebut.as_deref(),
            Some("Jumlah Keluarga di wilayah Kabupaten dalam kurun waktu satu tahun")
        );
        assert_eq!(ind[0].sumber_data.as_deref(), Some("Profil Kesehatan"));
        let k = &ind[0].kolom.0;
        assert!(
            k.contains(&("Tipe Perhitungan".into(), "Non Kumulatif".into())),
            "{k:?}"
        );
        assert!(
            k.contains(&("Sumber Data".into(), "Profil Kesehatan".into())),
            "{k:?}"
        );
        assert!(!k.iter().any(|(key, _)| &**key == "PENJELASAN"), "{k:?}");
        assert!(
            codes.contains(&"table-cell-labels".to_string()),
            "{codes:?}"
        );
        // citations are found in every part, not only in the cell's own
        let (ind, _) = read(
            "| SASARAN | INDIKATOR KINERJA | PENJELASAN |\n\
             |---|---|---|\n\
             | S | Persentase X | Formulasi Perhitungan : Jumlah X / Jumlah Y x 100% Definisi Operasional : sesuai Peraturan Menteri Kesehatan Nomor 39 Tahun 2016 |",
        );
        assert_eq!(ind[0].rujukan.len(), 1, "{:?}", ind[0].rujukan);
        assert_eq!(ind[0].rujukan[0].nomor.as_deref(), Some("39"));
        // a cell that does not open with a label is left whole
        assert!(cell_parts("Jumlah ASN yang hadir : Jumlah ASN").is_none());
        assert!(cell_parts("Data SAPK").is_none());
    }

    #[test]
    fn pipe_table_with_separator_and_target_year() {
        let (ind, _) = read(
            "| No | SASARAN STRATEGIS | INDIKATOR KINERJA UTAMA (IKU) | RUMUS PERHITUNGAN | TARGET 2024 | PENANGGUNG JAWAB | SUMBER DATA |\n\
             |----|--|---|--|---|--|--|\n\
             | 1. | Meningkatnya kualitas koperasi | Presentase Koperasi Berkualitas | x | 4,57% | 1. Bidang Perizinan 2. Bidang Pengawasan | Dinas |",
        );
        assert_eq!(ind.len(), 1);
        assert_eq!(ind[0].target.as_ref().and_then(|t| t.tahun), Some(2024));
        assert_eq!(
            ind[0].penanggung_jawab,
            ["Bidang Perizinan", "Bidang Pengawasan"]
        );
    }

    #[test]
    fn short_and_long_rows_are_aligned_with_diagnostics() {
        let (ind, codes) = read(
            "No\tSasaran\tIndikator\tFormulasi\tSumber Data\n\
             Meningkatnya X\tJumlah X\tRumus\tData\n\
             2\tS\tI\tF\tD\tE",
        );
        assert_eq!(ind[0].no, None);
        assert_eq!(ind[0].indikator, "Jumlah X");
        assert_eq!(ind[1].sumber_data.as_deref(), Some("D E"));
        assert_eq!(codes, ["table-row-short", "table-row-long"]);
    }

    #[test]
    fn group_rows_set_sasaran() {
        let (ind, _) = read(
            "| Sasaran Strategis | Indikator Kinerja Utama | Satuan |\n|---|---|---|\n\
             | Terwujudnya masyarakat yang tangguh bencana | | |\n\
             | | Persentase pembentukan desa tangguh bencana | % |",
        );
        assert_eq!(ind.len(), 1);
        assert_eq!(
            ind[0].sasaran.as_deref(),
            Some("Terwujudnya masyarakat yang tangguh bencana")
        );
    }

    #[test]
    fn spilled_cells_and_column_numbers_layout_g() {
        let (ind, _) = read(
            "SASARAN KINERJA (4) | INDIKATOR KINERJA (5) | PENJELASAN/FORMULASI PERHITUNGAN (6) | SUMBER DATA (7) |\n\
             (4) | (5) | (6) | (7) |\n\
             Meningkatnya Kesetaraan Gender | Indeks Pembangunan Gender (IPG) | IPG adalah indikator yang\n\
             menggambarkan perbandingan capaian | 1. Indeks Pendidikan 2. Indeks Kesehatan |\n\
             Meningkatnya X | Indeks Y | Rumus | Data |",
        );
        assert_eq!(ind.len(), 2);
        assert_eq!(ind[0].indikator, "Indeks Pembangunan Gender (IPG)");
        assert_eq!(
            ind[0].formulasi.as_ref().unwrap().teks,
            "IPG adalah indikator yang menggambarkan perbandingan capaian"
        );
        assert_eq!(ind[0].span, Span::new(3, 4));
        assert_eq!(ind[1].sasaran.as_deref(), Some("Meningkatnya X"));
    }

    #[test]
    fn value_rows_are_not_headers() {
        let ls = [Line::new(
            1,
            1,
            "Sasaran meningkatnya kualitas pelayanan kesehatan masyarakat di seluruh kabupaten\tIndikator kinerja yang dipakai untuk mengukur kepuasan masyarakat tiap tahun\tx".into(),
        )];
        assert!(header_columns(&ls[0]).is_none());
    }
}

/// A table whose cells cannot be told apart (layouts B, D, F): its header
/// lines are furniture, its body stays unclassified, and the document says so.
#[derive(Debug)]
pub struct Unrecoverable {
    /// The kind of a section heading that ran into the table's header.
    pub jenis: Option<crate::model::Jenis>,
    pub header: Vec<Span>,
    pub span: Span,
    pub reason: &'static str,
    /// Indicator names that could be told apart by their wording.
    pub names: Vec<Named>,
}

/// An indicator name told apart in a table that cannot be rebuilt, with its
/// sasaran where that can be told too.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    pub span: Span,
    pub indikator: String,
    pub sasaran: Option<String>,
    /// where the sasaran was read
    pub sasaran_span: Option<Span>,
}

/// A cell fragment and the lines right below it that go on with a small
/// letter (`Persentase tingkat` / `kehadiran PNS` / `lingkup kecamatan`).
fn fragment_run(lines: &[Line], k: usize, first: &str) -> (String, Span, usize) {
    let mut text = first.trim().to_string();
    let mut span = lines[k].span();
    let mut j = k + 1;
    while let Some(m) = lines.get(j) {
        let mt = m.trimmed();
        if !matches!(m.kind, Kind::Text) || !mt.starts_with(char::is_lowercase) {
            break;
        }
        text.push(' ');
        text.push_str(mt);
        span = span.cover(m.span());
        j += 1;
    }
    (markup::collapse_ws_owned(markup::clean(&text)), span, j)
}

/// Indicator names in the body of a table read row after row with its cells
/// broken into short fragments (layout C with wrapped cells, `Persentase
/// tingkat` / `kehadiran PNS`): a fragment opening like an indicator starts a
/// name, one opening like a sasaran starts the sasaran of the names below it.
/// Bodies of long lines (whole rows run together) give nothing: there the end
/// of a name cannot be told.
fn names_in_rows(body: &[Line]) -> Vec<Named> {
    let g = grammar();
    let text_lines: Vec<&Line> = body.iter().filter(|l| !l.is_blank()).collect();
    let short = text_lines
        .iter()
        .filter(|l| l.trimmed().chars().count() <= 40)
        .count();
    if text_lines.is_empty() || short * 5 < text_lines.len() * 4 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut sasaran: Option<(String, Span)> = None;
    let mut k = 0;
    while k < body.len() {
        let t = body[k].trimmed();
        let ind = g.opens_indicator(t);
        if !matches!(body[k].kind, Kind::Text) || !(ind || g.opens_sasaran(t)) {
            k += 1;
            continue;
        }
        let (text, span, j) = fragment_run(body, k, t);
        if ind {
            out.push(Named {
                span,
                indikator: text,
                sasaran: sasaran.as_ref().map(|s| s.0.clone()),
                sasaran_span: sasaran.as_ref().map(|s| s.1),
            });
        } else {
            sasaran = Some((text, span));
        }
        k = j;
    }
    out
}

/// Indicator names in a table printed column after column (layout D): the
/// values under an indicator header (on its line and the lines below, up to
/// the next header), those opening like a sasaran set apart; sasaran are
/// paired with them when there are as many, or when there is one.
fn names_in_columns(
    lines: &[Line],
    header_of: impl Fn(&Line) -> Option<(Role, usize)>,
) -> Vec<Named> {
    let g = grammar();
    let mut names: Vec<(String, Span)> = Vec::new();
    let mut sasaran: Vec<(String, Span)> = Vec::new();
    let mut role = None;
    let mut k = 0;
    while k < lines.len() {
        let l = &lines[k];
        let mut value = l.trimmed();
        if let Some((r, at)) = header_of(l) {
            role = Some(r);
            // after the header's words, the value starts at its first opener
            let rest = &l.text[at..];
            let start = crate::lines::word_offsets(rest)
                .find(|&(o, _)| g.opens_indicator(&rest[o..]) || g.opens_sasaran(&rest[o..]))
                .map(|(o, _)| o);
            match start {
                Some(o) => value = rest[o..].trim(),
                None => {
                    k += 1;
                    continue;
                }
            }
        }
        let is_number = value
            .trim_end_matches(['.', ')'])
            .bytes()
            .all(|b| b.is_ascii_digit());
        if value.is_empty() || is_number || !matches!(l.kind, Kind::Text | Kind::Heading { .. }) {
            k += 1;
            continue;
        }
        let (text, span, j) = fragment_run(lines, k, value);
        match role {
            Some(Role::Indikator) if g.opens_sasaran(&text) => sasaran.push((text, span)),
            Some(Role::Indikator) if g.opens_indicator(&text) => names.push((text, span)),
            Some(Role::Sasaran) => sasaran.push((text, span)),
            _ => {}
        }
        k = j;
    }
    let paired = sasaran.len() == names.len() || sasaran.len() == 1;
    names
        .into_iter()
        .enumerate()
        .map(|(n, (indikator, span))| {
            let s = paired.then(|| &sasaran[n.min(sasaran.len() - 1)]);
            Named {
                span,
                indikator,
                sasaran: s.map(|s| s.0.clone()),
                sasaran_span: s.map(|s| s.1),
            }
        })
        .collect()
}

/// The column headers named in a line, word-aligned and anywhere in it, with
/// the number of words they cover: `PENJELASAN/FORMULASI PENGHITUNGAN SUMBER DATA`
/// names formulasi and sumber_data.
fn headers_in(t: &str) -> (Vec<Role>, usize) {
    let g = grammar();
    let ws: Vec<&str> = crate::grammar::words(t).collect();
    let mut roles = Vec::new();
    let mut covered = 0;
    let mut k = 0;
    while k < ws.len() {
        // the phrases are looked up by the word: most words start none
        match g.column_at(&ws[k..]) {
            Some((role, n)) => {
                roles.push(role);
                covered += n;
                k += n;
            }
            None => k += 1,
        }
    }
    (roles, covered)
}

/// A line made of column headers only: short, in capitals, at least half of
/// its words header words.
/// A line made of column headers only (`SASARAN`, `BIDANG URUSAN`), or
/// naming two columns or more (`NO. SASARAN STRATEGIS UNIT SKPD`): never a
/// line of a title.
pub(crate) fn column_header_line(l: &Line) -> bool {
    header_fragment(l).is_some_and(|roles| {
        roles.len() >= 2 || {
            let t = l.trimmed();
            headers_in(t).1 == crate::grammar::words(t).count()
        }
    })
}

pub(crate) fn header_fragment(l: &Line) -> Option<Vec<Role>> {
    if !matches!(l.kind, Kind::Text | Kind::Heading { .. }) {
        return None;
    }
    let t = l.trimmed();
    if t.ends_with(['.', ';', ',', ':']) {
        return None;
    }
    // the words, counted up to one past the most a header has, and whether
    // one can start a header (most lines have none): one pass
    let g = grammar();
    let (mut n, mut starts) = (0, false);
    for w in crate::grammar::words(t).take(25) {
        n += 1;
        starts = starts || g.may_start_column(w);
    }
    if n == 0 || n > 24 || !starts {
        return None;
    }
    // a long line is a header only in capitals
    if n > 16 && !l.is_mostly_upper() {
        return None;
    }
    fragment_roles(t, n, || l.is_mostly_upper())
}

/// The roles of a possible header fragment `t` of `n` words (see
/// [`header_fragment`]), when it reads as one; `mostly_upper` tells whether
/// most letters of `t` are capitals (which its line keeps).
fn fragment_roles(t: &str, n: usize, mostly_upper: impl Fn() -> bool) -> Option<Vec<Role>> {
    let (roles, covered) = headers_in(t);
    if roles.is_empty() {
        return None;
    }
    let caps = n > 16 || mostly_upper();
    // a few header words in capitals, or a whole header read across its
    // columns (three roles or more, in any case)
    let narrow = caps && n <= 12 && !roles.is_empty() && covered * 3 >= n;
    let wide = roles.len() >= 3 && roles.contains(&Role::Indikator) && covered * 2 >= n;
    // a short line that is nothing but headers, in any case (`No`, `Sumber Data`)
    let only = n <= 4 && !roles.is_empty() && covered == n;
    (narrow || wide || only).then_some(roles)
}

fn heading_kind(lines: &[Line]) -> Option<crate::model::Jenis> {
    lines.iter().find_map(|l| match l.kind {
        Kind::Heading { jenis, .. } => Some(jenis),
        _ => None,
    })
}

fn structural(l: &Line) -> bool {
    matches!(
        l.kind,
        Kind::Heading { .. } | Kind::Label { .. } | Kind::Row { .. } | Kind::Separator
    ) || crate::blocks::decree::keyword(l).is_some()
        || crate::blocks::signature::is_anchor(l)
}

/// The most lines [`flat`] reads as a table's header (the corpus has four at
/// most; a dozen columns, each wrapped over two or three lines, stay within
/// it), and as short fragments after it (none): the block parser tries a
/// flat table at every line, so that a long run of header-like lines read
/// again from each of its lines is not quadratic.
const FLAT_HEADER_LINES: usize = 32;
const FLAT_HEADER_FRAGMENTS: usize = 8;

/// The most column headers [`column_dump`] reads in one dump (the corpus has
/// four at most; a table has a dozen columns at most): a run of lines that
/// each start with a column header, read from each of its lines, stays
/// linear.
const DUMP_HEADERS: usize = 32;

/// ```text
/// flat-table = ( header-fragment header-fragment { header-fragment }
///              | wide-header-fragment ) { body-line } ;   (a wide fragment names three columns or more)
/// ```
/// Header cells one per line (layout F, or C with its cells wrapped), or a
/// header read across its columns (layout B): two or more lines of column
/// headers naming an indicator column, then a body that cannot be cut into
/// cells. The body runs to the next heading, label, section word or signature.
pub fn flat<'s, 'a>(i: In<'s, 'a>) -> Res<'s, 'a, Unrecoverable> {
    let mut roles = Vec::new();
    let mut n = 0;
    // a header line naming three columns or more was read across its columns
    let mut across = false;
    while n < FLAT_HEADER_LINES
        && let Some(r) = i.get(n).and_then(header_fragment)
    {
        across |= r.len() >= 3;
        roles.extend(r);
        n += 1;
    }
    // two or more lines of headers, or one line naming three or more columns
    // (a header read across its columns)
    let one_line_header = n == 1 && roles.len() >= 3;
    if (n < 2 && !one_line_header) || !roles.contains(&Role::Indikator) || roles.len() < 3 {
        return fail(i);
    }
    // a row-wise header (B) may end with short fragments of its cells ("JAWAB", "DIACU")
    let fragments_end = n + FLAT_HEADER_FRAGMENTS;
    while n < fragments_end
        && i.get(n).is_some_and(|l| {
            matches!(l.kind, Kind::Text)
                && l.is_mostly_upper()
                && crate::grammar::words(l.trimmed()).count() <= 4
        })
    {
        n += 1;
    }
    let header: Vec<Span> = i.lines[..n].iter().map(Line::span).collect();
    // the body: its rows follow each other; it ends at a blank line, or at a
    // structure (the lines above a signature's NIP are its name and title)
    let mut end = n;
    while let Some(l) = i.get(end) {
        if l.is_blank() {
            break;
        }
        if structural(l) {
            if crate::blocks::signature::is_anchor(l) {
                end -= (end - n).min(2);
            }
            break;
        }
        end += 1;
    }
    if end == n {
        return fail(i);
    }
    let span = Span::new(i.lines[0].no, i.lines[end - 1].end);
    Ok((
        i.take_from(end),
        Unrecoverable {
            // a section heading that ran into the first header line (a
            // heading further down is a column's header)
            jenis: heading_kind(&i.lines[..1]),
            header,
            span,
            reason: if n == 1 || across {
                "its header and rows were read across their columns, so one line holds fragments of several cells"
            } else {
                "its header cells stand one per line and its rows run together, so the cells cannot be told apart"
            },
            names: names_in_rows(&i.lines[n..end]),
        },
    ))
}

/// ```text
/// column-dump = { column-header-line value-line* }    (two or more headers, one of them indikator)
/// ```
/// A table printed column after column (layout D): lines that start with a
/// column header and go on with values (`Indikator Kinerja Program Tingkat
/// kepuasan …`). Rows cannot be rebuilt reliably; the region is reported.
pub fn column_dump<'s, 'a>(i: In<'s, 'a>) -> Res<'s, 'a, Unrecoverable> {
    let g = grammar();
    // the role of a line that starts with a column header, and the byte
    // offset after the header's words
    // (a section heading, `INDIKATOR KINERJA KEGIATAN`, does not start a
    // dump, but is a column header inside one)
    let header_of = |l: &Line| -> Option<(Role, usize)> {
        if !matches!(l.kind, Kind::Text | Kind::Heading { .. }) {
            return None;
        }
        // (the words read again for each phrase, not collected: most lines
        // are turned away by their first word)
        let ws = crate::grammar::words(&l.text);
        if !ws.clone().next().is_some_and(|w| g.may_start_column(w)) {
            return None;
        }
        let (role, n) = g.columns.iter().find_map(|c| {
            c.starts
                .iter()
                .chain(&c.exact)
                .filter(|p| p.is_prefix_of(ws.clone()))
                .map(|p| p.len())
                .max()
                .map(|n| (c.role, n))
        })?;
        let at = crate::lines::word_offsets(&l.text)
            .nth(n - 1)
            .map(|(o, w)| o + w.len())
            .unwrap_or(l.text.len());
        Some((role, at))
    };
    let starts_header = |l: &Line| header_of(l).map(|(r, _)| r);
    let first = i
        .first()
        .filter(|l| matches!(l.kind, Kind::Text))
        .and_then(starts_header);
    if first.is_none() {
        return fail(i);
    }
    // a line that is only a header is furniture; one that goes on with a
    // value keeps its content unclassified (or gives an indicator name)
    let header_only = |l: &Line| {
        // (a last word after the header's phrase is still the header's:
        // `Sasaran Kinerja Program`)
        header_of(l).is_some_and(|(_, at)| {
            crate::grammar::words(l.text.get(at..).unwrap_or_default()).count() <= 1
        })
    };
    let mut roles = vec![first];
    let mut header: Vec<Span> = Vec::new();
    if header_only(&i.lines[0]) {
        header.push(i.lines[0].span());
    }
    let mut end = 1;
    let mut since = 0;
    while let Some(l) = i.get(end) {
        // a heading naming a column not seen yet is that column's header
        // (`INDIKATOR KINERJA UTAMA` after the sasaran); another one is the
        // next section
        if roles.len() >= DUMP_HEADERS && starts_header(l).is_some() {
            break;
        }
        let new_column = matches!(l.kind, Kind::Heading { .. })
            && starts_header(l).is_some_and(|r| !roles.contains(&Some(r)));
        if (structural(l) && !new_column) || since > 64 {
            // the lines above a signature's NIP are its name and, above
            // that, its title, not values
            if crate::blocks::signature::is_anchor(l) {
                let back = since.min(2);
                end -= back;
            }
            break;
        }
        if let Some(r) = starts_header(l) {
            roles.push(Some(r));
            if header_only(l) {
                header.push(l.span());
            }
            since = 0;
        } else {
            since += 1;
        }
        end += 1;
    }
    // the body ends after the last value of the last column
    let distinct: std::collections::HashSet<_> = roles.iter().flatten().collect();
    if distinct.len() < 2 || !roles.contains(&Some(Role::Indikator)) {
        return fail(i);
    }
    let span = Span::new(i.lines[0].no, i.lines[end - 1].end);
    Ok((
        i.take_from(end),
        Unrecoverable {
            jenis: heading_kind(&i.lines[..end]),
            header,
            span,
            reason: "it is printed column after column, so its rows cannot be rebuilt",
            names: names_in_columns(&i.lines[..end], header_of),
        },
    ))
}
