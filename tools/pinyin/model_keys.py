"""model_keys.py - the context model's feature numbering and hashing, shared
by train_model.py and gen_tables.py; lib/pinyin_model.c computes the same."""
import math

F_BIAS, F_L1, F_R1, F_L2, F_R2, F_L1R1, F_L2L1, F_R1R2, F_LW, F_RW = range(10)
# Features of a candidate reading rather than of the context, shared by all
# characters (weights stored with the reading "*"): its rank in Unihan's
# list and how often the word dictionary reads the character so.
F_RANK, F_DICTP, F_DICTTOP = 10, 11, 12
# The words on both sides at once (left word, LWRW_SEP, right word; either
# may be empty at the run's edge): what the character stands between.
F_LWRW = 13
LWRW_SEP = 0xFFFF
SHARED = "*"
EDGE = 0  # code point standing for "outside the run"


def fnv(words):
    """lib/pinyin_model.c's mix(): a word at a time (one multiply instead of
    FNV-1a's four per word; the model hashes a dozen keys per character)."""
    h = 0x811C9DC5
    for c in words:
        h = ((h ^ c) * 0x9E3779B1) & 0xFFFFFFFF
        h ^= h >> 15
    return h


def feature_key(target, ftype, cps):
    return fnv([target, ftype] + list(cps))


def prior_bucket(p, tot):
    """-log2 of a reading's share of the dictionary's readings, 0..14; 15
    when the dictionary never reads the character so."""
    if p <= 0 or tot <= 0:
        return 15
    return min(14, int(-math.log2(p / tot)))


def dict_prior(words):
    """{char: {reading: weight}} from (word, readings, freq) triples."""
    acc = {}
    for w, rds, f in words:
        for c, r in zip(w, rds):
            d = acc.setdefault(c, {})
            d[r] = d.get(r, 0) + f
    return acc


def cand_buckets(c, cands, prior):
    """[(prior bucket, is top)] for each candidate of c, in order."""
    p = prior.get(c, {})
    tot = float(sum(p.get(r, 0) for r in cands))
    top = max(cands, key=lambda r: p.get(r, 0)) if p and tot > 0 else None
    return [(prior_bucket(p.get(r, 0), tot), r == top) for r in cands]
