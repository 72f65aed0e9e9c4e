#!/usr/bin/env python3
"""How far a character-bigram model could take the search for lone '?'.

Usage: repair_ceiling.py [TRADITIONAL] [SPOTS]   (default: the benchmark's
corpus converted s2t by build/zhtext; 4000 spots)

An analysis, not part of the product, and deliberately unfair in the
model's favour: it trains a bigram model of characters (absolute
discounting, Kneser-Ney unigram) on the even lines of the benchmark's own
corpus and tests it on the odd lines, so the model knows the test text's
domain and most of its vocabulary, which no model zhtext could ship does.

A lone '?' (../shared/README.md) hides two bytes: the trail byte of one
character A and the lead byte of the next, B, read as a pair in a run read
one byte late, where that pair is no GBK character (and the trail byte is
0x81 or above: below, it would read as ASCII).  So A is one of the
characters sharing its lead byte, B one of those sharing its trail byte:
some 1,400 readings a place on average.  For a sample of such places in the test
lines (every pair of GBK characters whose middle bytes could be one), the
model scores each reading in its context (the characters before A and
after B known) and the best is taken, or left where it does not win by a
margin (ln of the best against the second; repair's own margin compares
the best with all the others together, which is stricter).

Python's GBK codec stands in for glibc's here (they differ in a few
user-defined cells).
"""
import collections
import math
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    if len(sys.argv) > 1:
        text = open(sys.argv[1], encoding="utf-8").read()
    else:
        corpus = os.path.join(HERE, "..", "..", "shared", "data", "corpus", "zh_simp.txt")
        if not os.path.exists(corpus):
            print(f"SKIP repair_ceiling.py: {corpus} not found")
            sys.exit(77)
        text = subprocess.run([os.path.join(HERE, "..", "build", "zhtext"), "convert",
                               "-c", "s2t", corpus], capture_output=True, text=True,
                              check=True).stdout
    want = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
    lines = text.split("\n")
    train, test = lines[0::2], lines[1::2]

    code, bylead, bytrail = {}, collections.defaultdict(list), collections.defaultdict(list)
    valid = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            b = bytes([lead, trail])
            try:
                c = b.decode("gbk")
            except UnicodeDecodeError:
                continue
            if len(c) == 1 and ord(c) >= 0x80 and not 0xE000 <= ord(c) <= 0xF8FF:
                code[c] = b
                valid.add(b)
                bylead[lead].append(c)
                bytrail[trail].append(c)

    uni, bi = collections.Counter(), collections.Counter()
    for l in train:
        s = "\x02" + l + "\x03"
        uni.update(s)
        bi.update(zip(s, s[1:]))
    cont = collections.Counter(b for (_, b) in bi)
    follow = collections.Counter(a for (a, _) in bi)
    ncont, D = len(bi), 0.75

    def pu(c):
        return (cont.get(c, 0) + 0.5) / (ncont + 0.5 * 30000)

    def pb(a, c):
        ca = uni.get(a, 0)
        if not ca:
            return pu(c)
        return max(bi.get((a, c), 0) - D, 0) / ca + D * follow[a] / ca * pu(c)

    random.seed(1)
    margins = (0, 1, 2, 3, 4.75)
    spots, cands = 0, 0
    decided, right = collections.Counter(), collections.Counter()
    for l in test:
        s = "\x02" + l + "\x03"
        for i in range(1, len(s) - 3):
            p, a, b, n = s[i - 1], s[i], s[i + 1], s[i + 2]
            if a not in code or b not in code:
                continue
            A, B = code[a], code[b]
            if A[1] < 0x81 or bytes([A[1], B[0]]) in valid or random.random() > 0.25:
                continue
            scored = []
            for a2 in bylead[A[0]]:
                t = code[a2][1]
                if t < 0x81:
                    continue
                for b2 in bytrail[B[1]]:
                    if bytes([t, code[b2][0]]) not in valid:
                        scored.append((math.log(pb(p, a2)) + math.log(pb(a2, b2)) +
                                       math.log(pb(b2, n)), a2, b2))
            scored.sort(reverse=True)
            spots += 1
            cands += len(scored)
            ok = scored[0][1:] == (a, b)
            gap = scored[0][0] - scored[1][0] if len(scored) > 1 else 99.0
            for m in margins:
                if gap >= m:
                    decided[m] += 1
                    right[m] += ok
            if spots >= want:
                break
        if spots >= want:
            break
    print(f"lone '?' places: {spots} (of the odd lines; model trained on the even lines), "
          f"{cands // max(spots, 1)} readings each on average")
    for m in margins:
        print(f"  margin {m:>4}: decided {100.0 * decided[m] / spots:5.1f}%, "
              f"right {100.0 * right[m] / max(decided[m], 1):6.2f}% of those, "
              f"wrong {100.0 * (decided[m] - right[m]) / spots:5.2f}% of all")


if __name__ == "__main__":
    main()
