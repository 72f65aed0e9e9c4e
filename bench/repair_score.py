#!/usr/bin/env python3
"""Character and line accuracy of a repaired text against its reference.

Usage: repair_score.py REFERENCE REPAIRED [LABEL [DAMAGED]]
Lines are compared one to one.  Character accuracy is 1 - (characters that
differ) / (reference characters), where the characters that differ on a line
are the larger side of difflib's non-matching blocks.  Of those, the ones
where the repair wrote '?' for a character in place (a spot it reported as
undecided) are counted apart from the rest (characters recovered wrongly or
left as the damage had them).  With DAMAGED (the input of the repair), the
lines right are also given per kind of damage on the line: no '?', only
'?' followed by a reading ("?qǐng)"), and a lone '?' (two hidden bytes).
"""
import difflib
import re
import sys

LONE = re.compile(r"\?(?![a-zA-Z\u00e0-\u01dc]+\))")


def damage_kind(d):
    if "?" not in d:
        return "no '?'"
    return "a lone '?'" if LONE.search(d) else "readings only"


def line_diff(r, g):
    """(characters that differ, of them written as '?' in place) for a line;
    U+FFFD counts as '?' (the mark of doubt where the input used it)."""
    sm = difflib.SequenceMatcher(None, r, g, autojunk=False)
    bad = max(len(r), len(g)) - sum(b.size for b in sm.get_matching_blocks())
    qmarks = sum(j2 - j1 for tag, i1, i2, j1, j2 in sm.get_opcodes()
                 if tag == "replace" and i2 - i1 == j2 - j1 and set(g[j1:j2]) <= {"?", "\ufffd"})
    return bad, qmarks


def main():
    ref = open(sys.argv[1], encoding="utf-8", errors="surrogateescape").read().split("\n")
    got = open(sys.argv[2], encoding="utf-8", errors="surrogateescape").read().split("\n")
    label = sys.argv[3] if len(sys.argv) > 3 else "repair"
    if len(ref) != len(got):
        print(f"{label}: line count differs: {len(ref)} vs {len(got)}")
        sys.exit(1)
    dam = None
    if len(sys.argv) > 4:
        dam = open(sys.argv[4], encoding="utf-8", errors="surrogateescape").read().split("\n")
    kinds = {}
    chars = bad = lines = badlines = qmarks = 0
    for i, (r, g) in enumerate(zip(ref, got)):
        if r == "" and g == "":
            continue
        lines += 1
        chars += len(r)
        if dam is not None and i < len(dam):
            k = kinds.setdefault(damage_kind(dam[i]), [0, 0])
            k[0] += 1
            k[1] += r == g
        if r == g:
            continue
        badlines += 1
        b, q = line_diff(r, g)
        bad += b
        qmarks += q
    print(f"{label}: characters {100.0 * (1 - bad / max(chars, 1)):.4f}% right "
          f"({bad} of {chars} wrong), lines {100.0 * (1 - badlines / max(lines, 1)):.3f}% "
          f"right ({badlines} of {lines} wrong); of the wrong characters, {qmarks} "
          f"written as '?', {bad - qmarks} other")
    for k, (n, right) in kinds.items():
        print(f"  lines with {k}: {n}, {100.0 * right / max(n, 1):.2f}% right")


if __name__ == "__main__":
    main()
