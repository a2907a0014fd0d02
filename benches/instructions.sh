#!/usr/bin/env bash
# Instructions counted by callgrind: the measure of a speed change that the
# host's noise does not move.
#
#   benches/instructions.sh [N]            # default: 200 documents
#   TOP=30 benches/instructions.sh         # and the 30 costliest functions
#   BIN=target/pgo/kinerja benches/instructions.sh   # another build
#   KINDS=1 benches/instructions.sh        # and the count by kind of work
#
# Builds the release CLI (unless BIN names a binary), generates the synthetic
# archive of N documents (seed 42, in ARCHIVES, default /tmp/kinerja-archives),
# and runs `kinerja parse ARCHIVE --format jsonl --jobs 1` under callgrind.
# Prints the total instructions and, with TOP, the functions of the library
# with the most instructions, their callees included; the callgrind file is
# kept (its path is printed) for `callgrind_annotate`. Under valgrind SHA-256
# runs its portable code, about a fifth of the count (1.5–2 % of the time
# natively, with the CPU's SHA instructions): the count outside it is printed
# too, the closer measure of the native work. With KINDS=1 the count outside
# SHA-256 is split by the kind of work each instruction does, by the source
# file it comes from (inlined code counts where it was written): the
# allocator, copies and byte searches (the C library, memchr), word and
# phrase lookups (grammar.rs), JSON writing (json.rs), start-up (reading the
# grammar files), and the rest by the library's module (its own code and the
# standard library's code inlined into it).
# Needs valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-200}
SEED=${SEED:-42}
TOP=${TOP:-0}
ARCHIVES=${ARCHIVES:-/tmp/kinerja-archives}
if ! command -v valgrind > /dev/null; then
    echo "instructions.sh: valgrind is not installed (apt install valgrind)" >&2
    exit 2
fi
cargo build --release --quiet --bin kinerja --example synth
bin=${BIN:-target/release/kinerja}
dir="$ARCHIVES/n$N-seed$SEED"
if [ ! -d "$dir" ]; then
    target/release/examples/synth --n "$N" --out "$dir" --seed "$SEED" > /dev/null
fi
out=$(mktemp /tmp/kinerja-callgrind.XXXXXX)
valgrind --tool=callgrind --callgrind-out-file="$out" \
    "$bin" parse "$dir" --format jsonl --jobs 1 --quiet > /dev/null 2> "$out.log" || {
    cat "$out.log" >&2
    exit 1
}
total=$(sed -n 's/.*Collected : *//p' "$out.log")
bytes=$(find "$dir" -type f -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
rm -f "$out.log"
# the instructions of SHA-256's functions, their own (every function listed)
sha=$(callgrind_annotate --inclusive=no --auto=no --threshold=100 "$out" 2> /dev/null |
    awk '/sha2::/ { gsub(",", "", $1); s += $1 } END { print s + 0 }')
awk -v t="$total" -v sha="$sha" -v b="$bytes" -v n="$N" -v bin="$bin" '
    function commas(x,    s, out) { s = sprintf("%d", x); out = ""
        while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
        return s out }
    BEGIN { printf "%s, %d documents (%.2f MB): %s instructions, %.0f per input byte\n",
        bin, n, b / 1e6, commas(t), t / b
        printf "outside SHA-256 (portable code under valgrind): %s instructions, %.0f per input byte\n",
        commas(t - sha), (t - sha) / b }'
if [ "$TOP" -gt 0 ]; then
    # inclusive cost per function of the library, each name once
    callgrind_annotate --inclusive=yes --auto=no "$out" 2> /dev/null |
        grep -E 'kinerja::' |
        sed -E 's/ \[[^]]*\]$//; s/^( *[0-9,]+) \( *([0-9.]+)%\) +[^:]*:/\1 \2% /' |
        awk '!seen[$3]++' | head -n "$TOP"
fi
if [ "${KINDS:-0}" != 0 ]; then
    callgrind_annotate --inclusive=no --auto=no --threshold=100 "$out" 2> /dev/null |
        awk -v total="$total" -v sha="$sha" -v root="$PWD" '
        /^ *[0-9,]+ +\( *[0-9.]+%\) +/ && !/PROGRAM TOTALS/ {
            n = $1; gsub(",", "", n)
            line = $0; sub(/^ *[0-9,]+ +\( *[0-9.]+%\) +/, "", line)
            sub(/ \[[^]]*\]$/, "", line)
            # "file:function"; a function name may hold "::" but a file no ":"
            file = line; sub(/:.*/, "", file)
            fn = substr(line, length(file) + 2)
            if (fn ~ /sha2::/) next
            if (file ~ /mimalloc|raw_vec|alloc\/src\/(alloc|boxed)\.rs/ || fn ~ /^(mi_|_mi_)|finish_grow|drop_in_place/)
                kind = "allocator (mimalloc, growing and freeing)"
            else if (file ~ /memmove|memcpy|memset|memcmp|strlen|memchr-/ || fn ~ /^memchr::/)
                kind = "copies and byte searches (C library, memchr)"
            else if (file ~ /(^|\/)src\/grammar\.rs$/)
                kind = "word and phrase lookups (grammar.rs)"
            else if (file ~ /(^|\/)src\/json\.rs$/ || fn ~ /::serialize|^kinerja::json::/)
                kind = "JSON writing (json.rs, Serialize)"
            else if (file ~ /toml|winnow|serde|clap|walkdir|rayon|crossbeam|std\/src/ || fn ~ /Grammar::load|grammar::load/)
                kind = "start-up, threads and files"
            else if (file ~ "^(" root "/)?src/[a-z_/]+\\.rs$") {
                # code of this library: its module, by the name of its file
                f = file; sub("^(" root "/)?src/", "", f); sub(/\.rs$/, "", f); gsub("/", "::", f)
                sub(/::mod$/, "", f)
                kind = (f == "lib") ? "kinerja" : "kinerja::" f
            } else if (match(fn, /kinerja(::[a-z_][a-z_0-9]*)+/)) {
                # code of the standard library inlined into this library:
                # the module of the function it was inlined into
                kind = substr(fn, RSTART, RLENGTH)
                if (kind ~ /^kinerja::[a-z_0-9]+::/) sub(/::[a-z_0-9]+$/, "", kind)
                else kind = "kinerja"
            } else
                kind = "standard library called (str trims, iterators, hashing, fmt)"
            by[kind] += n
        }
        END {
            rest = total - sha
            printf "by kind, outside SHA-256 (%d instructions):\n", rest
            for (k in by) printf "%12d %5.1f%%  %s\n", by[k], 100 * by[k] / rest, k | "sort -rn"
        }'
fi
echo "callgrind file: $out"
