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
import difflib
import json
import sys


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
        sm = difflib.SequenceMatcher(None, r, g, autojunk=False)
        if all(tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1 and
                                  set(g[j1:j2]) == {"?"})
               for tag, i1, i2, j1, j2 in sm.get_opcodes()):
            continue
        wrong += 1
        silent += i not in reported
    print(f"{label}: {wrong} of {lines} lines have a wrong character (not '?'); "
          f"{silent} of them ({100.0 * silent / max(lines, 1):.3f}% of lines) with no "
          f"unresolved spot reported")


if __name__ == "__main__":
    main()
