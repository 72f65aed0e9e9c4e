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
Usage: tools/pinyin/import_words.py pinyin-pro-data-1.3.1.tgz > data/pinyin/words.txt
"""
import hashlib
import json
import os
import sys
import tarfile

sys.path.insert(0, os.path.dirname(__file__))
from pinyin_norm import to_num  # noqa: E402

SHA256 = "f9c8d16bcb6882fb94ae60d65068b154d952533a43948e62c4ac0ae0e6bbd36a"


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
        out.append("%s\t%s\t%d" % (word, " ".join(nums), max(1, round(rate * 1e12))))
    sys.stdout.write("\n".join(out) + "\n")
    sys.stderr.write("import_words: %d words, %d skipped\n" % (len(out) - 2, skipped))


if __name__ == "__main__":
    main()
