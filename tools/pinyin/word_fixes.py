"""word_fixes.py - corrections to the word dictionary's readings, learned
from CPP's training four fifths by train_model.py (data/pinyin/fixes.txt),
applied by gen_tables.py and engine_ref.py when they read words.txt.

Why: a character inside a word of two or more characters takes the word's
reading and never reaches the context model, so where the word data and
CPP's human labels disagree systematically (the word data writes light
tones where CPP writes the full tone, 认识 shi5 vs shi2; a few bad entries,
勃艮第 gen3) only the data can be corrected.  Two kinds of line:

  W<TAB>WORD<TAB>POS<TAB>READING    position POS (0-based) of WORD reads so
  C<TAB>CHAR<TAB>FROM<TAB>TO        CHAR read FROM in any word reads TO

A word fix wins over a character fix.  The erhua suffix is left alone: CPP
labels 儿 in 这儿 or 叶儿 er2, but zhtext reads the suffix er5 everywhere
(the engine does so for a lone 儿 after a character, too), so readings er5
of 儿 are never "fixed".  Rules for learning them (chosen by
cross-validation over the four training fifths, never on the held-out one):
a word fix when CPP's most common label for that word position differs from
the word data and outnumbers agreement; a character fix when at least two
labelled examples from at least two different words agree on the same other
reading and make more than 70% of that character's examples read FROM.
"""
import collections
import os

FIXES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                     "data", "pinyin", "fixes.txt")
MIN_CHAR, RATIO_CHAR, MIN_WORDS_CHAR = 2, 0.7, 2
ERHUA = ("儿", "兒")


def load(path=FIXES):
    """({(word, pos): reading}, {(char, from): to}); empty if no file."""
    wf, cf = {}, {}
    if not os.path.exists(path):
        return wf, cf
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if f[0] == "W":
            wf[(f[1], int(f[2]))] = f[3]
        elif f[0] == "C":
            cf[(f[1], f[2])] = f[3]
    return wf, cf


def apply(word, readings, fixes):
    """The readings of word (a list) with the fixes applied."""
    wf, cf = fixes
    out = []
    for p, (c, r) in enumerate(zip(word, readings)):
        fixed = wf.get((word, p))
        out.append(fixed if fixed else cf.get((c, r), r))
    return out


def learn(examples, raw_words):
    """examples: (word, pos, gold reading) of labelled characters that the
    segmentation put in a word of two or more characters; raw_words:
    {word: (readings, freq)} as in words.txt.  Returns the fixes."""
    wc = collections.defaultdict(collections.Counter)
    cc = collections.defaultdict(collections.Counter)
    cw = collections.defaultdict(set)
    for w, p, gold in examples:
        r = raw_words[w][0][p]
        if r == "er5" and w[p] in ERHUA:
            continue
        wc[(w, p)][gold] += 1
        cc[(w[p], r)][gold] += 1
        if gold != r:
            cw[(w[p], r)].add(w)
    wf, cf = {}, {}
    for (w, p), c in wc.items():
        r = raw_words[w][0][p]
        g, n = c.most_common(1)[0]
        if g != r and n > c[r]:
            wf[(w, p)] = g
    for key, c in cc.items():
        g, n = c.most_common(1)[0]
        if (g != key[1] and n >= MIN_CHAR and n / sum(c.values()) > RATIO_CHAR
                and len(cw[key]) >= MIN_WORDS_CHAR):
            cf[key] = g
    return wf, cf


def save(fixes, path=FIXES):
    wf, cf = fixes
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Corrections to words.txt learned from CPP's training four fifths;\n"
                "# made by tools/pinyin/train_model.py (see word_fixes.py); do not edit.\n")
        for (c, r), g in sorted(cf.items()):
            f.write("C\t%s\t%s\t%s\n" % (c, r, g))
        for (w, p), g in sorted(wf.items()):
            f.write("W\t%s\t%d\t%s\n" % (w, p, g))
