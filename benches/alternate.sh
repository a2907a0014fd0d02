#!/usr/bin/env bash
# CPU time of two or more builds of the CLI, run in turn on the same archive,
# so that each sees the same host: the comparison that holds on a noisy
# machine when the figures of single runs do not.
#
#   benches/alternate.sh ROUNDS BIN BIN [BIN ...]
#   ARCHIVE=/tmp/kinerja-archives/n10000-seed42 benches/alternate.sh 3 A B
#
# Each round runs every binary once: `BIN parse ARCHIVE --format jsonl
# --jobs 1 --quiet` to /dev/null, timed by GNU time (user + system seconds).
# With CLOCK=perf the CPU time is perf's task clock instead (`perf stat -e
# task-clock`, to the millisecond where GNU time counts in 10 ms steps: a
# 3 % change on the 1,000-document archive shows).
# Prints a Markdown table with each binary's best and median. ARCHIVE
# defaults to the 1,000-document synthetic archive of benches/archive.sh
# (generated if missing). Checks first that every binary writes the same
# bytes as the first one, or stops: a faster build that writes something else
# is not faster.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 3 ]; then
    echo "usage: benches/alternate.sh ROUNDS BIN BIN [BIN ...]" >&2
    exit 2
fi
rounds=$1
shift
for b in "$@"; do
    [ -x "$b" ] || { echo "alternate.sh: $b is not an executable" >&2; exit 2; }
done
ARCHIVE=${ARCHIVE:-/tmp/kinerja-archives/n1000-seed42}
if [ ! -d "$ARCHIVE" ]; then
    cargo build --release --quiet --example synth
    target/release/examples/synth --n 1000 --out "$ARCHIVE" --seed 42 > /dev/null
fi
CLOCK=${CLOCK:-time}
case "$CLOCK" in
    time) clock=time; digits=2 ;;
    perf)
        command -v perf > /dev/null || { echo "alternate.sh: CLOCK=perf needs perf" >&2; exit 2; }
        clock=perf; digits=3 ;;
    *) echo "alternate.sh: CLOCK is time or perf, not $CLOCK" >&2; exit 2 ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$1" parse "$ARCHIVE" --format jsonl --quiet > "$tmp/first.jsonl"
for b in "${@:2}"; do
    if ! "$b" parse "$ARCHIVE" --format jsonl --quiet | cmp -s - "$tmp/first.jsonl"; then
        echo "alternate.sh: $b writes other bytes than $1" >&2
        exit 1
    fi
done

for _ in $(seq "$rounds"); do
    for k in $(seq $#); do
        b=${!k}
        if [ "$clock" = perf ]; then
            perf stat -x, -e task-clock -o "$tmp/time" "$b" parse "$ARCHIVE" --format jsonl --jobs 1 --quiet > /dev/null
            awk -F, '$3 == "task-clock" {print $1 / 1000}' "$tmp/time" >> "$tmp/cpu.$k"
        else
            /usr/bin/time -f '%U %S' -o "$tmp/time" "$b" parse "$ARCHIVE" --format jsonl --jobs 1 --quiet > /dev/null
            awk '{print $1 + $2}' "$tmp/time" >> "$tmp/cpu.$k"
        fi
    done
done

echo "| build | rounds | best CPU s | median CPU s |"
echo "|---|---:|---:|---:|"
for k in $(seq $#); do
    sort -n "$tmp/cpu.$k" | awk -v b="${!k}" -v d="$digits" '{a[NR] = $1}
        END {printf "| %s | %d | %.*f | %.*f |\n", b, NR, d, a[1], d, a[int((NR + 1) / 2)]}'
done
