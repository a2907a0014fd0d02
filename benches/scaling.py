#!/usr/bin/env python3
"""Looks for inputs whose parse time grows faster than their size.

Each sampled unit of the corpus and field samples (a line, or with
`--window K` K lines in a row) is repeated N and 4·N times, joined by a
line feed, by a blank line and by a space (a collapsed line), and the
release CLI parses each file. Linear work takes about four
times as long on the larger file; a ratio well above that, on a time long
enough to read, is reported.

    cargo build --release
    python3 benches/scaling.py [--lines 200] [--window 1] [--seed 7] [--n 1000]

Prints the suspects as they are found, then the 15 largest ratios. Exit
code 1 when a suspect was found.
"""
import argparse
import glob
import os
import random
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lines", type=int, default=200, help="units sampled")
    ap.add_argument("--window", type=int, default=1, help="lines in a row per unit")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--n", type=int, default=1000, help="the smaller repeat count")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/kinerja"))
    a = ap.parse_args()
    files = glob.glob(os.path.join(ROOT, "corpus/*.txt")) + glob.glob(
        os.path.join(ROOT, "tests/field-samples/**/*.txt"), recursive=True
    )
    lines = set()
    for f in sorted(files):
        with open(f, encoding="utf-8", errors="replace") as fh:
            text = [l.rstrip("\n") for l in fh if l.strip()]
        for k in range(len(text) - a.window + 1):
            lines.add("\n".join(text[k : k + a.window]))
    lines = sorted(lines)
    random.Random(a.seed).shuffle(lines)
    path = os.path.join(tempfile.mkdtemp(prefix="kinerja-scaling-"), "x.txt")

    def timed(text):
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        t = time.perf_counter()
        subprocess.run([a.bin, "parse", path, "--format", "jsonl", "--quiet"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - t

    found = False
    results = []
    for line in lines[: a.lines]:
        for sep in ("\n", "\n\n", " "):
            small = timed(sep.join([line] * a.n))
            large = timed(sep.join([line] * (4 * a.n)))
            ratio = large / max(small, 0.002)
            results.append((ratio, small, large, sep, line))
            if large > 0.3 and ratio > 6:
                found = True
                print(f"SUSPECT ratio {ratio:.1f} ({small:.3f} s -> {large:.3f} s) sep={sep!r} line={line[:100]!r}", flush=True)
    results.sort(reverse=True)
    for ratio, small, large, sep, line in results[:15]:
        print(f"{ratio:5.1f}  {small:.3f} s -> {large:.3f} s  sep={sep!r}  {line[:90]!r}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
