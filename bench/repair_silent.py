#!/usr/bin/env python3
"""How often repair is wrong without saying so.

Usage: repair_silent.py DAMAGED REPORT REFERENCE REPAIRED [LABEL]
REPORT is `zhtext repair --report` of DAMAGED read as one document (one
object, or one per 8 MiB part, offsets from the start of the file).  A line
of REPAIRED that differs from REFERENCE by more than the '?' written for
undecided spots is wrong; it is silent when the report has no unresolved
spot on that line of DAMAGED.
"""
import bisect
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from repair_score import line_diff  # noqa: E402


def main():
    dam = open(sys.argv[1], "rb").read()
    spots = [u for line in open(sys.argv[2], encoding="utf-8")
             for u in json.loads(line)["unresolved"]]
    ref = open(sys.argv[3], encoding="utf-8", errors="surrogateescape").read().split("\n")
    got = open(sys.argv[4], encoding="utf-8", errors="surrogateescape").read().split("\n")
    label = sys.argv[5] if len(sys.argv) > 5 else "repair"
    starts = [0] + [i + 1 for i, b in enumerate(dam) if b == 10]
    reported = {bisect.bisect_right(starts, u["offset"]) - 1 for u in spots}
    lines = wrong = silent = 0
    for i, (r, g) in enumerate(zip(ref, got)):
        if r or g:
            lines += 1
        if r == g:
            continue
        bad, qmarks = line_diff(r, g)
        if bad == qmarks:  # only '?' written for undecided spots
            continue
        wrong += 1
        silent += i not in reported
    print(f"{label}: {wrong} of {lines} lines have a wrong character (not '?'); "
          f"{silent} of them ({100.0 * silent / max(lines, 1):.3f}% of lines) with no "
          f"unresolved spot reported")


if __name__ == "__main__":
    main()
