#!/usr/bin/env python3
"""gen_tables.py - compile data/pinyin/ into C tables for lib/pinyin*.c.

Run by the build (mk/pinyin.mk); uses only Python's standard library.
The output (build/gen/pinyin_tables.c) defines the arrays declared in
lib/pinyin_tables.h.  See that header for the layout; in short:

  syllables  every toneless syllable, sorted, fixed 8-byte strings; reading
             id r is syllable r/5 with tone r%5+1 (5 = neutral), and its
             tone-number string is zt_py_rd[r]
  chars      a two-level page table from code point to a record: readings
             (ids, most common first) and the Simplified form's code point
  words      a trie over code points (root pages as in lib/trie.h); a node
             that ends a word holds its log probability (for segmentation)
             and where its readings are

Usage: gen_tables.py DATADIR OPENCC_TSCHARS OUT.c
"""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model_keys import (F_RANK, F_DICTP, F_DICTTOP, SHARED,  # noqa: E402
                        feature_key, dict_prior, cand_buckets)
import word_fixes  # noqa: E402

PAGE = 256
BIGRAM_BITS = 22


def pair_hash(key, bits):
    """lib/pinyin_engine.c's pair_slot(): Fibonacci hashing of the 64-bit key."""
    return ((key * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF) >> (64 - bits)


def bigram_hash(a, b):
    """lib/pinyin_engine.c's bigram_hash(): 22 bits of a multiplicative hash."""
    h = ((a * 0x9E3779B1) ^ (b * 0x85EBCA77)) & 0xFFFFFFFF
    h = (h * 0xC2B2AE35) & 0xFFFFFFFF
    return h >> (32 - BIGRAM_BITS)
TRIGRAM_BITS = 23
ENDPAIR_BITS = 16


def endpair_hash(b, lg):
    """lib/pinyin_tables.h's zt_py_endpair_in(): lg bits of a multiplicative hash."""
    return ((b * 0x85EBCA77) & 0xFFFFFFFF) >> (32 - lg)


def trigram_hash(a, b, c):
    """lib/pinyin_tables.h's zt_py_trigram(): TRIGRAM_BITS of a multiplicative hash."""
    h = ((a * 0x9E3779B1) ^ (b * 0x85EBCA77) ^ (c * 0xC2B2AE3D)) & 0xFFFFFFFF
    h = (h * 0x27D4EB2F) & 0xFFFFFFFF
    return h >> (32 - TRIGRAM_BITS)
HI = 0x1100
HOT_BITS, HOT_PAIRS = 14, 10000


def hot_hash(a, b):
    """lib/pinyin_engine.c's hot_pair() slot."""
    return (((((a << 21) | b) * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF)
            >> (64 - HOT_BITS))


def read_chars(path):
    chars = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        ch, rds = line.rstrip("\n").split("\t")
        chars[ord(ch)] = rds.split()
    return chars


def read_ts(path):
    """Traditional -> Simplified, character level: OpenCC's first candidate."""
    ts = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or "\t" not in line:
            continue
        k, v = line.rstrip("\n").split("\t")
        # The first candidate that differs: 瞭 "瞭 了" is kept as 瞭 by
        # OpenCC (瞭望) but reads as 了 in 瞭解; the segmenter tries the
        # Simplified form first and the character itself second.
        cands = [c for c in v.split() if c != k]
        if len(k) == 1 and cands and len(cands[0]) == 1:
            ts[ord(k)] = ord(cands[0])
    return ts


def read_words(path, fixes):
    """(word, readings, freq), with the fixes learned from CPP applied."""
    words = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        w, r, f = line.rstrip("\n").split("\t")
        words.append((w, word_fixes.apply(w, r.split(), fixes), int(f)))
    return words


def read_tags(path):
    """{word: part-of-speech tag}."""
    tags = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        w, t = line.rstrip("\n").split("\t")
        tags[w] = t
    return tags


def read_tag_trans(path):
    """The word-start classes (S:tag, B:tag) in file order, and the step
    matrix: (n + 1) rows of n, row i from a word of class i (its end state:
    S:tag or E:tag), row n from no word (^)."""
    steps, tos = {}, []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        fr, to, v = line.rstrip("\n").split("\t")
        if to not in tos:
            tos.append(to)
        steps[(fr, to)] = float(v)
    rows = []
    for c in tos + ["^"]:
        fr = c if c == "^" or c.startswith("S:") else "E:" + c[2:]
        rows.extend(steps[(fr, to)] for to in tos)
    return tos, rows


def pair_bits(pairs):
    """One bit per bigram_hash of each character pair (BIGRAM_BITS bits)."""
    bits = [0] * ((1 << BIGRAM_BITS) // 64)
    for a, b in pairs:
        h = bigram_hash(ord(a), ord(b))
        bits[h >> 6] |= 1 << (h & 63)
    return bits


def build_trie(keys):
    """keys: list of strings.  Returns (hi, pages, nodes, cps, nodeval) in
    trie.h's layout; nodeval[i] = key index + 1 of the key ending at node i."""
    root = {}
    for idx, k in enumerate(keys):
        t = root
        for c in k:
            t = t.setdefault(ord(c), [None, {}])
            last = t
            t = t[1]
        last[0] = idx + 1  # a later duplicate key would win; there are none
    nodes, cps = [(0, 0, 0)], [0]
    queue = [(0, root)]
    first = {}
    qi = 0
    # Breadth first, so that every node's children are contiguous.
    while qi < len(queue):
        ni, kids = queue[qi]
        qi += 1
        start = len(nodes)
        for cp in sorted(kids):
            if ni == 0:
                first[cp] = len(nodes)
            nodes.append(None)
            cps.append(cp)
        for j, cp in enumerate(sorted(kids)):
            queue.append((start + j, kids[cp][1]))
        nodes[ni] = (0, start, len(kids))  # the root too: values below use it
    # Values: the children of the node queue[k] are at its `kids` onwards.
    vals = [0] * len(nodes)
    for ni, kids in queue:
        if not kids:
            continue
        start = nodes[ni][1]
        for j, cp in enumerate(sorted(kids)):
            if kids[cp][0]:
                vals[start + j] = kids[cp][0]
    nodes = [(vals[i], n[1], n[2]) for i, n in enumerate(nodes)]
    hi = [0] * HI
    pages = [[0] * PAGE]
    for cp in sorted(first):
        h = cp >> 8
        if hi[h] == 0:
            hi[h] = len(pages)
            pages.append([0] * PAGE)
        pages[hi[h]][cp & 0xFF] = first[cp]
    return hi, [v for p in pages for v in p], nodes, cps, first


def split_tone(r):
    return r[:-1], int(r[-1])


def c_array(head, pieces):
    """A C array definition: head, then the pieces wrapped at 78 columns."""
    out = [head]
    line = "   "
    for piece in pieces:
        if len(line) + len(piece) > 78:
            out.append(line)
            line = "   "
        line += piece
    out.append(line)
    out.append("};")
    return "\n".join(out)


def c_str_array(name, items, width):
    return c_array("const char %s[%d][%d] = {" % (name, len(items), width),
                   (' "%s",' % s for s in items))


def c_int_array(ctype, name, items):
    return c_array("const %s %s[%d] = {" % (ctype, name, max(len(items), 1)),
                   (" %d," % v for v in items or [0]))


def main():
    datadir, tspath, outpath = sys.argv[1:4]
    chars = read_chars(datadir + "/chars.txt")
    ts = read_ts(tspath)

    syls = set()
    for rds in chars.values():
        for r in rds:
            syls.add(split_tone(r)[0])
    syls = sorted(syls)
    sylid = {s: i for i, s in enumerate(syls)}
    assert max(len(s) for s in syls) <= 6

    def rid(r):
        s, t = split_tone(r)
        return sylid[s] * 5 + t - 1

    # Traditional characters read as their Simplified form: the Simplified
    # character's readings come first, in its order, then any of the
    # Traditional character's own that it lacks (乾 keeps qián).
    allcps = sorted(set(chars) | {t for t in ts if ts[t] in chars})
    rdlist = []
    roff, rn, simp = [], [], []
    index = {}
    for cp in allcps:
        s = ts.get(cp, cp)
        own = chars.get(cp, [])
        base = chars.get(s, []) if s != cp else []
        order = [r for r in base if r in own or not own] + \
                [r for r in own if r not in base]
        if not own:
            order = list(base)
        index[cp] = len(roff)
        roff.append(len(rdlist))
        rn.append(min(len(order), 255))
        rdlist.extend(rid(r) for r in order[:255])
        simp.append(s)
    roff.append(len(rdlist))

    # Two-level page table: hi[cp >> 8] -> page; page 0 is empty.
    pages = [[0] * PAGE]
    hi = [0] * HI
    for cp in allcps:
        h = cp >> 8
        if hi[h] == 0:
            hi[h] = len(pages)
            pages.append([0] * PAGE)
        pages[hi[h]][cp & 0xFF] = index[cp] + 1

    rd = []
    for s in syls:
        for t in range(1, 6):
            rd.append("%s%d" % (s, t))

    # Words: segmentation probabilities and readings.
    words = read_words(datadir + "/words.txt",
                       word_fixes.load(datadir + "/fixes.txt"))
    total = float(sum(f for _, _, f in words))
    whi, wpages, wnodes, wcps, wfirst = build_trie([w for w, _, _ in words])
    wlogp = ["%.4f" % (math.log(f / total)) for _, _, f in words]
    # Bigram filter: one bit per hash of a word's first two characters, so
    # the segmenter can skip the trie search for pairs that start no word.
    long_words = [w for w, _, _ in words if len(w) >= 2]
    bits = pair_bits((w[0], w[1]) for w in long_words)
    # Word-end filter: for each character a, a region of bits with one bit
    # per hash of each b such that some word ends in a b, so that repair's
    # search, adding a character after another, can tell that no word ends
    # in the pair without walking the trie.  One region per a (not one hash
    # of the pair over the whole table) because the search asks about one
    # path's last character with ~100 candidates after it: they all land in
    # a few cache lines, where a hash of the pair missed the cache each time
    # (a tenth of repair's time).  Regions hold ENDPAIR_BITS bits per pair
    # (rounded up to a power of two, at least 64): about 4% false positives,
    # as the single 2^22-bit table had; a false positive only costs a trie
    # walk.
    ends = {}
    for w in long_words:
        ends.setdefault(ord(w[-2]), set()).add(ord(w[-1]))
    ebits, e_region = [], {}
    for a in sorted(ends, key=lambda a: (-len(ends[a]), a)):
        size = 64
        while size < ENDPAIR_BITS * len(ends[a]):
            size *= 2
        lg = size.bit_length() - 1
        off = len(ebits)
        ebits.extend([0] * (size // 64))
        for b in ends[a]:
            h = endpair_hash(b, lg)
            ebits[off + (h >> 6)] |= 1 << (h & 63)
        e_region[a] = (off << 5) | lg
    # Trigram filter: one bit per hash of every three consecutive characters
    # of a word (its trie path), so the segmenter can tell that the trie
    # node for ..a b has no child c before it reads the node's child list
    # (random accesses into megabytes of nodes); a clear bit is certain.
    tbits = [0] * ((1 << TRIGRAM_BITS) // 64)
    for w, _, _ in words:
        for k in range(2, len(w)):
            h = trigram_hash(ord(w[k - 2]), ord(w[k - 1]), ord(w[k]))
            tbits[h >> 6] |= 1 << (h & 63)
    # Second step of the trie by hash: (first, second code point) -> node,
    # one probe instead of a search among the first character's children.
    pairs = []
    for c1, n1 in wfirst.items():
        _, kids, nk = wnodes[n1]
        for j in range(nk):
            pairs.append(((c1 << 32) | wcps[kids + j], kids + j))
    p2bits = 4
    while (1 << p2bits) < len(pairs) * 3 // 2:
        p2bits += 1
    # One 64-bit word per slot, so that a probe reads one cache line:
    # first << 43 | second << 22 | node (code points have 21 bits).
    assert len(wnodes) < (1 << 22)
    p2slot = [0] * (1 << p2bits)
    for key, node in pairs:
        h = pair_hash(key, p2bits)
        while p2slot[h]:
            h = (h + 1) & ((1 << p2bits) - 1)
        p2slot[h] = ((key >> 32) << 43) | ((key & 0xFFFFFFFF) << 22) | node
    wroff, wrd = [], []
    for w, rds, _ in words:
        wroff.append(len(wrd))
        wrd.extend(rid(r) for r in rds)
    # The pairs that start the most frequent words (by the dictionary's own
    # frequencies) again, in a small table that stays in cache: each slot
    # holds the pair, its node when it has children, and the pair's own word
    # (log probability, readings), so a hit costs one cache line and common
    # two-character words never touch the big arrays.
    pweight = {}
    for w, _, f in words:
        if len(w) >= 2:
            k = (ord(w[0]) << 32) | ord(w[1])
            pweight[k] = pweight.get(k, 0) + f
    hot = [0] * (1 << HOT_BITS)
    hotv = [("0", 0xFFFFFFFF)] * (1 << HOT_BITS)
    for key, node in sorted(pairs, key=lambda x: -pweight.get(x[0], 0))[:HOT_PAIRS]:
        a, b = key >> 32, key & 0xFFFFFFFF
        v, kids, nk = wnodes[node]
        assert node < (1 << 22) and a < (1 << 21) and b < (1 << 21)
        h = hot_hash(a, b)
        while hot[h]:
            h = (h + 1) & ((1 << HOT_BITS) - 1)
        hot[h] = (a << 43) | (b << 22) | (node if nk else 0)
        hotv[h] = (wlogp[v - 1], wroff[v - 1]) if v else ("0", 0xFFFFFFFF)

    # Each record's entries into the word trie, found once here rather than
    # at every position of the text: the root node of its Simplified form
    # (else of itself) with the code point used, and, for a Traditional
    # character that also starts words as written (瞭望, 乾隆), that root
    # too; and the log probability of the character as a one-character word.
    r_wnode, r_wfirst, r_wnode2, r_logp = [], [], [], []
    unk = "%.4f" % math.log(0.5 / total)
    # ... and of the character anywhere, inside words too (repair scores a
    # character of a word the data lacks, a name, by it).
    ccount, ctotal = {}, 0.0
    for w, _, f in words:
        for ch in w:
            ccount[ord(ch)] = ccount.get(ord(ch), 0) + f
        ctotal += f * len(w)
    r_logpc, r_endpair = [], []
    for cp in allcps:
        s_ = ts.get(cp, cp)
        f_ = s_ if s_ in wfirst else cp
        node = wfirst.get(f_, 0)
        r_wnode.append(node)
        r_wfirst.append(f_)
        r_wnode2.append(wfirst.get(cp, 0) if f_ != cp else 0)
        v = wnodes[node][0] if node else 0
        r_logp.append(wlogp[v - 1] if v else unk)
        cc = ccount.get(s_, 0) or ccount.get(cp, 0)
        r_logpc.append("%.4f" % math.log(cc / ctotal) if cc else unk)
        r_endpair.append(e_region.pop(cp, 0))
    # Every character that a word ends after has a record (its readings):
    # a region nobody can reach would make the filter say no wrongly.
    assert not e_region, "word characters without a record: %r" % sorted(e_region)[:10]

    # Word classes (part-of-speech tag, one character or more) and the
    # class-to-class steps, for repair's decisions (data/pinyin/tags.txt,
    # tag_trans.txt; see tools/pinyin/import_tags.py).  Class ZT_PY_NOCLS
    # (255): a word jieba has no tag for.
    cls_names, pmi = read_tag_trans(datadir + "/tag_trans.txt")
    cls_id = {c: i for i, c in enumerate(cls_names)}
    wtag = read_tags(datadir + "/tags.txt")
    w_cls = [255] * len(wnodes)
    for n, node in enumerate(wnodes):
        if node[0]:
            w = words[node[0] - 1][0]
            t = wtag.get(w)
            if t is not None:
                w_cls[n] = cls_id[("S:" if len(w) == 1 else "B:") + t]
    assert len(cls_names) < 255

    # Prior buckets of each record's readings (the model's shared features):
    # bucket in the low 4 bits, 0x10 = the dictionary's favourite reading.
    prior = dict_prior(words)
    rprior = []
    for cp in allcps:
        rds = chars.get(cp) or chars.get(ts.get(cp, cp), [])
        i = index[cp]
        order = [syls[x // 5] + str(x % 5 + 1) for x in rdlist[roff[i]:roff[i] + rn[i]]]
        for b, top in cand_buckets(chr(cp), order, prior):
            rprior.append(b | (0x10 if top else 0))

    # Polyphonic, for annotate --which polyphonic: at least two readings the
    # word dictionary really uses (each at least 0.4% of the character's
    # uses; a neutral-tone variant counts with its syllable: 们 men5/men2 is
    # not polyphonic, 中 zhōng/zhòng is).  A character the dictionary does
    # not know is polyphonic if Unihan gives it several syllables.
    r_poly = []
    for cp in allcps:
        c = chr(ts.get(cp, cp))
        i = index[cp]
        order = [rdlist[roff[i] + k] for k in range(rn[i])]
        p = prior.get(c, {})
        tot = float(sum(p.values()))
        if tot > 0:
            used = set()
            for r in order:
                name = syls[r // 5] + str(r % 5 + 1)
                if p.get(name, 0) / tot >= 0.004:
                    used.add(r)
            sylls = {r // 5 for r in used}
            full = {r for r in used if r % 5 != 4 or not any(
                x // 5 == r // 5 and x % 5 != 4 for x in used)}
            poly = len(full) >= 2 or len(sylls) >= 2
        else:
            poly = len({r // 5 for r in order}) >= 2
        r_poly.append(1 if poly else 0)

    # The context model: weights by feature key; shared ones apart.
    mkeys, moff, mrd, mw = [], [], [], []
    shared = {}
    mpath = datadir + "/model.txt"
    if os.path.exists(mpath):
        ent = {}
        for line in open(mpath, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            k, r, w = line.rstrip("\n").split("\t")
            k, w = int(k, 16), int(w)
            if r == SHARED:
                shared[k] = w
            else:
                ent.setdefault(k, []).append((rid(r), w))
        for k in sorted(ent):
            mkeys.append(k)
            moff.append(len(mrd))
            for r, w in ent[k]:
                mrd.append(r)
                mw.append(w)
    moff.append(len(mrd))
    # Open-addressing hash of the keys (they are well-mixed hashes already, so the
    # low bits index the table; linear probing): slot -> key index + 1.
    hbits = 4
    while (1 << hbits) < 2 * max(len(mkeys), 1):
        hbits += 1
    hslot = [0] * (1 << hbits)
    for i, k in enumerate(mkeys):
        h = k & ((1 << hbits) - 1)
        while hslot[h]:
            h = (h + 1) & ((1 << hbits) - 1)
        hslot[h] = i + 1
    srank = [shared.get(feature_key(0, F_RANK, [k]), 0) for k in range(5)]
    sdictp = [shared.get(feature_key(0, F_DICTP, [k]), 0) for k in range(16)]
    stop = shared.get(feature_key(0, F_DICTTOP, []), 0)

    # Syllable lookup by hash (zt_py_find_syl runs for every written reading):
    # the syllable's 8 bytes as a big-endian number times a 64-bit odd
    # constant, top bits; linear probing; slot -> syllable index + 1.
    sbits = 4
    while (1 << sbits) < 4 * len(syls):
        sbits += 1
    sslot = [0] * (1 << sbits)
    for i, x in enumerate(syls):
        k = int.from_bytes(x.encode().ljust(8, b"\0"), "big")
        h = ((k * 0x9E3779B97F4A7C15) & (2**64 - 1)) >> (64 - sbits)
        while sslot[h]:
            h = (h + 1) & ((1 << sbits) - 1)
        sslot[h] = i + 1

    out = ['/* Generated by tools/pinyin/gen_tables.py from data/pinyin/; do not edit. */',
           '#include "pinyin_tables.h"', '',
           "const uint32_t zt_py_nsyl = %d;" % len(syls),
           c_str_array("zt_py_syl", syls, 8),
           c_str_array("zt_py_rd", rd, 8),
           c_int_array("uint8_t", "zt_py_syl_len", [len(x) for x in syls]),
           "const unsigned zt_py_syl_bits = %d;" % sbits,
           c_int_array("uint16_t", "zt_py_syl_slot", sslot),
           "const uint32_t zt_py_nchars = %d;" % len(allcps),
           c_int_array("uint16_t", "zt_py_hi", hi),
           c_int_array("uint32_t", "zt_py_pages", [v for p in pages for v in p]),
           c_int_array("uint32_t", "zt_py_roff", roff),
           c_int_array("uint8_t", "zt_py_rn", rn),
           c_int_array("uint16_t", "zt_py_rlist", rdlist),
           c_int_array("uint32_t", "zt_py_simp", simp),
           "const uint32_t zt_py_nwords = %d;" % len(words),
           "const float zt_py_unk_logp = %.4f;" % math.log(0.5 / total),
           c_int_array("uint16_t", "zt_py_w_hi", whi),
           c_int_array("uint32_t", "zt_py_w_pages", wpages),
           "const uint32_t zt_py_w_npages = %d;" % (len(wpages) // PAGE),
           "const uint32_t zt_py_w_nnodes = %d;" % len(wnodes),
           "const zt_py_wnode zt_py_w_nodes[%d] = {" % len(wnodes),
           "\n".join("{%d,%d,%s,%du}," % (n[1], n[2], wlogp[n[0] - 1] if n[0] else "0",
                                            wroff[n[0] - 1] if n[0] else 0xFFFFFFFF)
                     for n in wnodes),
           "};",
           c_int_array("uint32_t", "zt_py_w_cps", wcps),
           "const uint32_t zt_py_w2_bits = %d;" % p2bits,
           "const uint64_t zt_py_w2[%d] = {%s};" % (len(p2slot), ",".join("0x%xu" % k for k in p2slot)),
           c_int_array("uint16_t", "zt_py_wrd", wrd),
           "const uint32_t zt_py_w_hot_bits = %d;" % HOT_BITS,
           "_Alignas(64) const zt_py_whot zt_py_w_hot[%d] = {" % len(hot),
           "\n".join("{0x%xu,%s,%du}," % (k, v[0], v[1]) for k, v in zip(hot, hotv)),
           "};",
           "const uint64_t zt_py_w_bigram[%d] = {%s};" % (len(bits), ",".join("0x%xu" % b for b in bits)),
           "const uint64_t zt_py_w_trigram[%d] = {%s};" % (len(tbits), ",".join("0x%xu" % b for b in tbits)),
           "_Alignas(64) const uint64_t zt_py_w_endpair[%d] = {%s};" % (len(ebits), ",".join("0x%xu" % b for b in ebits)),
           c_int_array("uint32_t", "zt_py_r_endpair", r_endpair),
           "const uint32_t zt_py_ncls = %d;" % len(cls_names),
           c_int_array("uint8_t", "zt_py_w_cls", w_cls),
           "const float zt_py_cls_pmi[%d] = {%s};" % (len(pmi), ",".join("%.3ff" % x for x in pmi)),
           c_int_array("uint8_t", "zt_py_rprior", rprior),
           c_int_array("uint8_t", "zt_py_r_poly", r_poly),
           "const zt_py_rseg zt_py_r_seg[%d] = {" % len(r_wnode),
           "\n".join("{%d,%d,%d,%s}," % x for x in zip(r_wnode, r_wfirst, r_wnode2, r_logp)),
           "};",
           c_int_array("uint32_t", "zt_py_r_wnode", r_wnode),
           c_int_array("uint32_t", "zt_py_r_wfirst", r_wfirst),
           c_int_array("uint32_t", "zt_py_r_wnode2", r_wnode2),
           "const float zt_py_r_logp[%d] = {%s};" % (len(r_logp), ",".join(r_logp)),
           "const float zt_py_r_logpc[%d] = {%s};" % (len(r_logpc), ",".join(r_logpc)),
           "const uint32_t zt_py_m_nkeys = %d;" % len(mkeys),
           c_int_array("uint32_t", "zt_py_m_keys", mkeys),
           "const uint32_t zt_py_m_hmask = %d;" % ((1 << hbits) - 1),
           c_int_array("uint32_t", "zt_py_m_hash", hslot),
           c_int_array("uint32_t", "zt_py_m_off", moff),
           c_int_array("uint16_t", "zt_py_m_rd", mrd),
           c_int_array("int32_t", "zt_py_m_w", mw),
           c_int_array("int32_t", "zt_py_m_rank", srank),
           c_int_array("int32_t", "zt_py_m_dictp", sdictp),
           "const int32_t zt_py_m_top = %d;" % stop,
           ]
    with open(outpath, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
