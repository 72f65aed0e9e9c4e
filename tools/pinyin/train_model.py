#!/usr/bin/python3
"""train_model.py - the context model for polyphonic characters.

The engine (lib/pinyin_engine.c) reads a character from its word when the
segmentation puts it in a word of two or more characters; a polyphonic
character left on its own goes to this model.  For each such character it is
a linear model over its readings (a multiclass averaged perceptron) with
sparse features of the surrounding text, all computed from the run of Han
characters it stands in, exactly as lib/pinyin_model.c computes them:

  bias      the character alone (a learned prior)
  L1 R1     the character before / after it (or the run's edge)
  L2 R2     two before / two after
  L1R1 L2L1 R1R2   pairs of the above
  LW RW     the word (segment) before / after it
  LWRW      both of those words together

Training data:
  - ../shared/data/cpp/dev.sent + dev.lb (CPP dev split, human labels),
    except every fifth sentence (index % 5 == 4), held out for validation;
    the same four fifths also give the corrections to the word data
    (data/pinyin/fixes.txt, see word_fixes.py), learned first, so that the
    model's dictionary priors and the held-out figure use corrected words;
  - weak labels from the word dictionary: every word of two or more
    characters that contains a polyphonic character gives an example with
    that character's reading in the word and the context inside the word.

Output: data/pinyin/fixes.txt and data/pinyin/model.txt, lines "KEY<TAB>READING<TAB>WEIGHT" with KEY the
feature hash (model_keys.fnv, see feature_key) in hex, READING in tone-number form,
WEIGHT an integer; compiled in by gen_tables.py.

Usage: train_model.py [--shared DIR] [--eval] [--no-weak] [--epochs N]
"""
import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from engine_ref import Engine, DATA  # noqa: E402
import word_fixes  # noqa: E402

from model_keys import (F_BIAS, F_L1, F_R1, F_L2, F_R2, F_L1R1, F_L2L1,  # noqa: E402
                        F_R1R2, F_LW, F_RW, F_LWRW, LWRW_SEP, F_RANK, F_DICTP, F_DICTTOP, SHARED,
                        EDGE, feature_key, dict_prior, cand_buckets)


USE_BIAS = True


def features(run, words_at, i):
    """Feature keys of run[i] (a string of Han characters; words_at[j] is the
    segment containing j as (start, end))."""
    n = len(run)

    def at(k):
        return ord(run[k]) if 0 <= k < n else EDGE
    c = ord(run[i])
    l1, l2, r1, r2 = at(i - 1), at(i - 2), at(i + 1), at(i + 2)
    f = ([feature_key(c, F_BIAS, [])] if USE_BIAS else []) + [
         feature_key(c, F_L1, [l1]), feature_key(c, F_R1, [r1]),
         feature_key(c, F_L2, [l2]), feature_key(c, F_R2, [r2]),
         feature_key(c, F_L1R1, [l1, r1]), feature_key(c, F_L2L1, [l2, l1]),
         feature_key(c, F_R1R2, [r1, r2])]
    if words_at is not None:
        s, e = words_at[i]
        lw, rw = [], []
        if s > 0:
            ls, le = words_at[s - 1]
            lw = [ord(x) for x in run[ls:le]]
            f.append(feature_key(c, F_LW, lw))
        if e < n:
            rs, re_ = words_at[e]
            rw = [ord(x) for x in run[rs:re_]]
            f.append(feature_key(c, F_RW, rw))
        f.append(feature_key(c, F_LWRW, lw + [LWRW_SEP] + rw))
    return f


def han_run(text, i, chars):
    """The run of characters with readings around text[i]: (run, index)."""
    s = i
    while s > 0 and text[s - 1] in chars:
        s -= 1
    e = i + 1
    while e < len(text) and text[e] in chars:
        e += 1
    return text[s:e], i - s


def seg_spans(eng, run):
    words = eng.segment(run)
    at, pos = [], 0
    for w in words:
        for _ in w:
            at.append((pos, pos + len(w)))
        pos += len(w)
    return at


def cand_features(c, cands, prior):
    """Shared features of each candidate of character c: {reading: [keys]}."""
    out = {}
    for rank, (r, (b, top)) in enumerate(zip(cands, cand_buckets(c, cands, prior))):
        k = [feature_key(0, F_RANK, [min(rank, 4)]), feature_key(0, F_DICTP, [b])]
        if top:
            k.append(feature_key(0, F_DICTTOP, []))
        out[r] = k
    return out


class Perceptron:
    def __init__(self):
        self.w = {}      # (key, reading) -> weight
        self.tot = {}    # accumulated for averaging
        self.ts = {}
        self.t = 0

    def score(self, feats, cands, shared):
        best, br = None, None
        for r in cands:
            s = sum(self.w.get((k, r), 0) for k in feats) + \
                sum(self.w.get((k, SHARED), 0) for k in shared[r])
            if best is None or s > best:
                best, br = s, r
        return br

    def _upd(self, k, r, d):
        key = (k, r)
        self.tot[key] = self.tot.get(key, 0) + (self.t - self.ts.get(key, 0)) * self.w.get(key, 0)
        self.ts[key] = self.t
        self.w[key] = self.w.get(key, 0) + d

    def train(self, feats, cands, shared, gold, weight=1):
        self.t += 1
        guess = self.score(feats, cands, shared)
        if guess != gold:
            for k in feats:
                self._upd(k, gold, weight)
                self._upd(k, guess, -weight)
            for k in shared[gold]:
                self._upd(k, SHARED, weight)
            for k in shared[guess]:
                self._upd(k, SHARED, -weight)

    def average(self):
        for key in list(self.w):
            tot = self.tot.get(key, 0) + (self.t - self.ts.get(key, 0)) * self.w[key]
            self.w[key] = tot / self.t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data"))
    ap.add_argument("--eval", action="store_true", help="only report held-out accuracy")
    ap.add_argument("--no-weak", action="store_true")
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--weak-weight", type=float, default=0.1)
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--out", default=os.path.join(DATA, "model.txt"))
    ap.add_argument("--no-bias", action="store_true")
    args = ap.parse_args()
    global USE_BIAS
    USE_BIAS = not args.no_bias

    eng = Engine(raw=True)
    chars = eng.chars
    poly = {c for c, r in chars.items() if len(r) > 1}
    sents = open(os.path.join(args.shared, "cpp", "dev.sent"), encoding="utf-8").read().splitlines()
    labels = open(os.path.join(args.shared, "cpp", "dev.lb"), encoding="utf-8").read().splitlines()

    train, held = [], []
    for k, (s, lb) in enumerate(zip(sents, labels)):
        i = s.index("\u2581")
        text = s.replace("\u2581", "")
        run, j = han_run(text, i, chars)
        at = seg_spans(eng, run)
        ex = (run, at, j, lb.replace("u:", "v"))
        (held if k % 5 == 4 else train).append(ex)

    # The word fixes first, from the raw word data; then the engine with
    # them, whose readings the held-out figure and the priors use.
    fixes = word_fixes.learn([(run[at[j][0]:at[j][1]], j - at[j][0], gold)
                              for run, at, j, gold in train
                              if at[j][1] - at[j][0] > 1], eng.words)
    sys.stderr.write("word fixes: %d word positions, %d character rules\n"
                     % (len(fixes[0]), len(fixes[1])))
    if not args.eval:
        word_fixes.save(fixes)
    eng.words = {w: (word_fixes.apply(w, r, fixes), f) for w, (r, f) in eng.words.items()}

    targets = {run[j] for run, _, j, _ in train}
    prior = dict_prior((w, r, f) for w, (r, f) in eng.words.items())
    examples = []  # (feats, cands, gold, weight)
    for run, at, j, gold in train:
        cands = chars[run[j]]
        if gold not in cands:
            cands = cands + [gold]
        examples.append((features(run, at, j), cands,
                         cand_features(run[j], cands, prior), gold, 1))
    nweak = 0
    if not args.no_weak:
        for w, (rds, f) in eng.words.items():
            if len(w) < 2 or len(w) > 8:
                continue
            for j, c in enumerate(w):
                if c in targets and c in poly and rds[j] in chars[c]:
                    examples.append((features(w, None, j), chars[c],
                                     cand_features(c, chars[c], prior), rds[j],
                                     args.weak_weight))
                    nweak += 1
    sys.stderr.write("train: %d CPP examples, %d weak; held out: %d\n"
                     % (len(train), nweak, len(held)))

    model = Perceptron()
    rnd = random.Random(1)
    for ep in range(args.epochs):
        rnd.shuffle(examples)
        for feats, cands, shared, gold, wt in examples:
            model.train(feats, cands, shared, gold, wt)
    model.average()

    # Held-out accuracy of the whole engine: word reading when the marked
    # character is in a word of 2+ characters, else the model (for targets).
    def predict(run, at, j):
        s, e = at[j]
        if e - s > 1:
            w = run[s:e]
            return eng.words[w][0][j - s], "word"
        c = run[j]
        if len(chars[c]) > 1:
            return model.score(features(run, at, j), chars[c],
                               cand_features(c, chars[c], prior)), "model"
        return chars[c][0], "first"
    stats = {}
    ok = 0
    for run, at, j, gold in held:
        r, how = predict(run, at, j)
        t = stats.setdefault(how, [0, 0])
        t[0] += r == gold
        t[1] += 1
        ok += r == gold
        if args.show_errors and r != gold:
            sys.stderr.write("%s %s want %s got %s: %s\n" % (how, run[j], gold, r, run))
    sys.stderr.write("held-out accuracy %.4f (%d/%d); %s\n" % (
        ok / len(held), ok, len(held),
        ", ".join("%s %d/%d" % (k, v[0], v[1]) for k, v in sorted(stats.items()))))
    if args.eval:
        return
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Context model for polyphonic characters; made by "
                "tools/pinyin/train_model.py; do not edit.\n")
        for (k, r), v in sorted(model.w.items()):
            iv = int(round(v * 100))
            if iv:
                f.write("%08x\t%s\t%d\n" % (k, r, iv))


if __name__ == "__main__":
    main()
