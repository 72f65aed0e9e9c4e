#!/usr/bin/python3
"""import_tags.py - part-of-speech classes of the words, for repair's
decisions -> data/pinyin/tags.txt and data/pinyin/tag_trans.txt.

Pinned source: Debian package python3-jieba 0.42.1-3 (MIT licence),
/usr/lib/python3/dist-packages/jieba/: dict.txt (each word's count and
part-of-speech tag) and posseg/prob_trans.py, posseg/prob_start.py (the
log probabilities of jieba's part-of-speech HMM, whose states are a
position in a word - B begin, M middle, E end, S single - with a tag).
Fetch with `apt-get download python3-jieba` and `dpkg -x`, or install it.

A word's class is its tag and whether it is one character (S) or longer
(begins with B).  From the HMM, the word-to-word step: the state that ends
a word (E or S, tag) to the one that starts the next (B or S, tag).

Output:
- tags.txt: WORD<TAB>TAG, every word of dict.txt (the segmentation
  dictionary data/pinyin/words.txt is jieba's vocabulary).
- tag_trans.txt: FROM<TAB>TO<TAB>PMI, FROM a word-end class (S:tag or
  E:tag) or ^ (no word before: text start or a non-word), TO a
  word-start class (S:tag or B:tag), PMI = log P(TO | FROM) - log P(TO),
  P(TO) the share of dict.txt's counts of words of that class; unseen
  steps get log P(TO | FROM) = FLOOR.  A segmentation then scores
  sum log P(word) + sum PMI(previous class, class): the word data's
  unigram model turned into a class bigram model (P(w | w') = P(class |
  class') P(w | class)).

Usage: tools/pinyin/import_tags.py [JIEBA_DIR] DATADIR
"""
import collections
import hashlib
import math
import os
import sys

JIEBA = "/usr/lib/python3/dist-packages/jieba"
SHA256 = {
    "dict.txt": "7197c3211ddd98962b036cdf40324d1ea2bfaa12bd028e68faa70111a88e12a8",
    "posseg/prob_trans.py": "24328e8b81388f3b0eed6127f597cad8ef9f54cbd44efe1db486e0c2ddd0cbbc",
    "posseg/prob_start.py": "b43aaebcd8b21c2d7e9f67efaeb22c26835e47083356cba0c23ef6d9a37eb8f2",
}
FLOOR = -14.0


def check(path, want):
    got = hashlib.sha256(open(path, "rb").read()).hexdigest()
    if got != want:
        sys.exit("%s: sha256 %s, expected %s" % (path, got, want))
    return got


def load_table(path):
    """The dict P = {...} of one of jieba's prob_*.py files (data only:
    parsed as a Python literal, not executed)."""
    import ast
    src = open(path, encoding="utf-8").read()
    return ast.literal_eval(src[src.index("{"):])


def main():
    args = sys.argv[1:]
    jdir = args[0] if len(args) > 1 else JIEBA
    out = args[-1]
    sums = {k: check(os.path.join(jdir, k), v) for k, v in SHA256.items()}
    freq, tag = {}, {}
    for line in open(os.path.join(jdir, "dict.txt"), encoding="utf-8"):
        w, f, t = line.split()
        freq[w], tag[w] = int(f), t
    trans = load_table(os.path.join(jdir, "posseg/prob_trans.py"))
    start = load_table(os.path.join(jdir, "posseg/prob_start.py"))
    total = sum(freq.values())
    pto = collections.Counter()
    for w, f in freq.items():
        pto[("S" if len(w) == 1 else "B", tag[w])] += f
    lpto = {c: math.log(n / total) for c, n in pto.items()}

    with open(os.path.join(out, "tags.txt"), "w", encoding="utf-8") as o:
        o.write("# Part-of-speech tags of jieba's words (python3-jieba 0.42.1 dict.txt,\n"
                "# sha256 %s).  Made by tools/pinyin/import_tags.py; do not edit.\n" % sums["dict.txt"])
        for w in sorted(freq):
            o.write("%s\t%s\n" % (w, tag[w]))
    with open(os.path.join(out, "tag_trans.txt"), "w", encoding="utf-8") as o:
        o.write("# Word-class steps from jieba's part-of-speech HMM (python3-jieba 0.42.1\n"
                "# posseg/prob_trans.py sha256 %s,\n# posseg/prob_start.py sha256 %s):\n"
                "# FROM TO log P(TO | FROM) - log P(TO); unseen steps at log P = %g.\n"
                "# Made by tools/pinyin/import_tags.py; do not edit.\n"
                % (sums["posseg/prob_trans.py"], sums["posseg/prob_start.py"], FLOOR))
        tos = sorted(lpto)
        froms = sorted({("S", t) for _, t in tos} | {("E", t) for _, t in tos})
        for fr in [None] + froms:
            row = start if fr is None else trans.get(fr, {})
            for to in tos:
                lp = max(row.get(to, FLOOR), FLOOR)
                o.write("%s\t%s:%s\t%.3f\n" % ("^" if fr is None else "%s:%s" % fr,
                                               to[0], to[1], lp - lpto[to]))


if __name__ == "__main__":
    main()
