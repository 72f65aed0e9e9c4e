#!/usr/bin/python3
"""import_words.py - word readings and frequencies -> data/pinyin/words.txt.

Pinned source: the npm package @pinyin-pro/data 1.3.1 (ISC licence),
json/complete.json: about 349,000 words (jieba's vocabulary) each with its
reading in tone marks and a relative frequency.  Fetch it with
`npm pack @pinyin-pro/data@1.3.1` (no scripts run) and pass the tarball.

Output lines: WORD<TAB>READINGS<TAB>FREQ, readings in tone-number form (ü as
v, 5 = neutral), FREQ = round(rate * 1e12) (at least 1).

One change is made to the readings: the package writes the tone changes of
一 and 不 (一个 yí gè, 不是 bú shì).  zhtext applies those itself, only when
asked (--sandhi), so they are undone here: 一 becomes yi1 and 不 bu4 wherever
the package wrote a changed tone.

The package leaves out 212 of jieba's words, among them 不 itself (jieba's
27th most frequent word), 同一, 不得不 and 毫不; without them 不 scored as an
unknown character.  They are taken from jieba's own dictionary (Debian
python3-jieba 0.42.1, /usr/lib/python3/dist-packages/jieba/dict.txt, MIT
licence) with jieba's frequency (the package's rates are jieba's counts /
1e12), when every character has one dominant reading in the package's
words (at least 90% of its frequency-weighted uses; 一 yi1, 不 bu4 as
above); the others (第二重, 两重...) are left out.

Usage: tools/pinyin/import_words.py pinyin-pro-data-1.3.1.tgz [JIEBA_DICT] > data/pinyin/words.txt
"""
import hashlib
import json
import os
import sys
import tarfile

sys.path.insert(0, os.path.dirname(__file__))
from pinyin_norm import to_num  # noqa: E402

SHA256 = "f9c8d16bcb6882fb94ae60d65068b154d952533a43948e62c4ac0ae0e6bbd36a"
JIEBA = "/usr/lib/python3/dist-packages/jieba/dict.txt"
JIEBA_SHA256 = "7197c3211ddd98962b036cdf40324d1ea2bfaa12bd028e68faa70111a88e12a8"


def is_han(c):
    return "\u3400" <= c <= "\u9fff" or "\U00020000" <= c <= "\U0003134f"


def jieba_extra(path, have, char_readings):
    """(word, readings, freq) for jieba's words the package lacks."""
    raw = open(path, "rb").read()
    got = hashlib.sha256(raw).hexdigest()
    if got != JIEBA_SHA256:
        sys.exit("import_words: %s has sha256 %s, expected %s" % (path, got, JIEBA_SHA256))
    fixed = {"一": "yi1", "不": "bu4"}
    extra, left = [], 0
    for line in raw.decode("utf-8").splitlines():
        f = line.split()
        if len(f) < 2 or f[0] in have or not all(is_han(c) for c in f[0]):
            continue
        rd = []
        for c in f[0]:
            r = fixed.get(c)
            uses = char_readings.get(c)
            if r is None and uses:
                top = max(uses, key=uses.get)
                if uses[top] >= 0.9 * sum(uses.values()):
                    r = top
            if r is None:
                break
            rd.append(r)
        if len(rd) != len(f[0]):
            left += 1
            continue
        extra.append((f[0], " ".join(rd), max(1, int(f[1]))))
    return extra, left


def main():
    tgz = sys.argv[1]
    raw = open(tgz, "rb").read()
    got = hashlib.sha256(raw).hexdigest()
    if got != SHA256:
        sys.exit("import_words: %s has sha256 %s, expected %s" % (tgz, got, SHA256))
    with tarfile.open(tgz) as t:
        data = json.load(t.extractfile("package/json/complete.json"))
    out = ["# Word readings and frequencies from @pinyin-pro/data 1.3.1 (see SOURCES.md).",
           "# Made by tools/pinyin/import_words.py; do not edit."]
    skipped = 0
    rows = []
    char_readings = {}
    for word in sorted(data):
        reading, rate = data[word][0], data[word][1]
        sy = reading.split()
        if len(sy) != len(word) or any(not ("\u3400" <= c <= "\u9fff" or
                                            "\U00020000" <= c <= "\U0003134f")
                                       for c in word):
            skipped += 1   # words with Latin letters or odd lengths
            continue
        nums = [to_num(s) for s in sy]
        if None in nums:
            skipped += 1
            continue
        for i, c in enumerate(word):
            if c == "一" and nums[i] in ("yi2", "yi4"):
                nums[i] = "yi1"
            elif c == "不" and nums[i] == "bu2":
                nums[i] = "bu4"
        rows.append((word, " ".join(nums), max(1, round(rate * 1e12))))
        for c, r in zip(word, nums):
            u = char_readings.setdefault(c, {})
            u[r] = u.get(r, 0) + rows[-1][2]
    if len(sys.argv) > 2:
        extra, left = jieba_extra(sys.argv[2], data, char_readings)
        sys.stderr.write("import_words: %d words from jieba, %d of its others left out\n"
                         % (len(extra), left))
        rows = sorted(rows + extra)
    for row in rows:
        out.append("%s\t%s\t%d" % row)
    sys.stdout.write("\n".join(out) + "\n")
    sys.stderr.write("import_words: %d words, %d skipped\n" % (len(out) - 2, skipped))


if __name__ == "__main__":
    main()
