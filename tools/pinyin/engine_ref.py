"""engine_ref.py - the C engine's segmentation and word readings, in Python.

Used offline by train_model.py so that the context model is trained on
exactly the features lib/pinyin_model.c computes: the same dictionary, the
same maximum-probability segmentation (jieba's rule: the path through the
word graph with the largest product of word probabilities), the same
fallback for characters no multi-character word covers.
"""
import math
import os

import word_fixes

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "data", "pinyin")


def load_chars(path=os.path.join(DATA, "chars.txt")):
    chars = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#"):
            continue
        c, r = line.rstrip("\n").split("\t")
        chars[c] = r.split()
    return chars


def load_words(path=os.path.join(DATA, "words.txt"), fixes=None):
    """{word: (readings, freq)}; fixes (word_fixes.load()) applied if given."""
    words = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#"):
            continue
        w, r, f = line.rstrip("\n").split("\t")
        r = r.split()
        words[w] = (word_fixes.apply(w, r, fixes) if fixes else r, int(f))
    return words


class Engine:
    def __init__(self, raw=False):
        """raw: the word readings as in words.txt, without data/pinyin/fixes.txt."""
        self.chars = load_chars()
        self.words = load_words(fixes=None if raw else word_fixes.load())
        total = float(sum(f for _, f in self.words.values()))
        # exactly what gen_tables.py compiles in (4 decimals, unknown = 0.5)
        self.logp = {w: round(math.log(f / total), 4) for w, (_, f) in self.words.items()}
        self.unk = round(math.log(0.5 / total), 4)
        self.maxlen = max(len(w) for w in self.words)

    def segment(self, s):
        """Words of s (a run of Han characters), by maximum probability."""
        n = len(s)
        best = [0.0] * (n + 1)
        nxt = [n] * (n + 1)
        for i in range(n - 1, -1, -1):
            b, bj = self.logp.get(s[i], self.unk) + best[i + 1], i + 1
            for j in range(i + 2, min(n, i + self.maxlen) + 1):
                lp = self.logp.get(s[i:j])
                if lp is not None and lp + best[j] > b:
                    b, bj = lp + best[j], j
            best[i], nxt[i] = b, bj
        out, i = [], 0
        while i < n:
            out.append(s[i:nxt[i]])
            i = nxt[i]
        return out
