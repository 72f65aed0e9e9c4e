#!/usr/bin/python3
"""import_unihan.py - per-character readings from Unihan -> data/pinyin/chars.txt.

Pinned source: Debian 12 package unicode-data 15.0.0-1,
/usr/share/unicode/Unihan_Readings.txt.bz2 (sha256 checked below).

Each output line is `CHAR<TAB>reading reading ...` in tone-number form
(ü as v, 5 = neutral), most common reading first.  The order is built from
the fields in this priority, each adding the readings the earlier ones lack:
  kMandarin     the customary reading in the PRC (one; it comes first)
  kHanyuPinlu   readings with their frequency in a modern corpus (by count)
  kTGHZ2013     the 2013 General Standard Chinese Characters table
  kXHC1983      Xiandai Hanyu Cidian
  kHanyuPinyin  Hanyu Da Zidian (rare and literary readings)
Usage: tools/pinyin/import_unihan.py [SRC] > data/pinyin/chars.txt
"""
import bz2
import hashlib
import re
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from pinyin_norm import to_num  # noqa: E402

SRC = "/usr/share/unicode/Unihan_Readings.txt.bz2"
SHA256 = "216d9e19e44195522b84a05bf7308e385356615121258869faf919e96824ddd5"
FIELDS = ["kMandarin", "kHanyuPinlu", "kTGHZ2013", "kXHC1983", "kHanyuPinyin"]


def readings(field, value):
    """The readings of one field value, in the field's own order."""
    if field == "kMandarin":
        return value.split()
    if field == "kHanyuPinlu":
        items = [(m.group(1), int(m.group(2)))
                 for m in re.finditer(r"(\S+?)\((\d+)\)", value)]
        items.sort(key=lambda x: -x[1])  # stable: ties keep Unihan's order
        return [r for r, _ in items]
    out = []
    for entry in value.split():
        # "1494.100:zhōng" or "10028.100:zhōng,zhòng"
        out.extend(entry.split(":", 1)[1].split(","))
    return out


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else SRC
    raw = open(src, "rb").read()
    got = hashlib.sha256(raw).hexdigest()
    if got != SHA256:
        sys.exit("import_unihan: %s has sha256 %s, expected %s" % (src, got, SHA256))
    fields = {}
    for line in bz2.decompress(raw).decode("utf-8").splitlines():
        if not line.startswith("U+"):
            continue
        cp, field, value = line.split("\t", 2)
        if field in FIELDS:
            fields.setdefault(int(cp[2:], 16), {})[field] = value
    sys.stdout.write("# Per-character readings from Unihan 15.0 (see SOURCES.md).\n"
                     "# Made by tools/pinyin/import_unihan.py; do not edit.\n")
    for cp in sorted(fields):
        seen = []
        for f in FIELDS:
            if f in fields[cp]:
                for r in readings(f, fields[cp][f]):
                    n = to_num(r)
                    if n is None:
                        sys.exit("import_unihan: U+%04X: odd reading %r" % (cp, r))
                    if n not in seen:
                        seen.append(n)
        sys.stdout.write("%s\t%s\n" % (chr(cp), " ".join(seen)))


if __name__ == "__main__":
    main()
