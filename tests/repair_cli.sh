#!/bin/sh
# repair_cli.sh - zhtext repair / detect from the command line, on the
# bundled example (examples/damaged-sample.txt).
BUILD=${1:-build}
Z=$BUILD/zhtext
T=${TMPDIR:-/tmp}/zt-repair-cli.$$
mkdir -p "$T" && trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

$Z repair --report "$T/rep" examples/damaged-sample.txt > "$T/out" || fail "repair exit"
grep -q '湖南日报记者报道' "$T/out" || fail "'?' run not recovered"
grep -q '着力推进' "$T/out" || fail "mainland 着"
grep -q '(全媒体记者 王小明)' "$T/out" || fail "real parenthesis removed"
grep '(' "$T/out" | grep -v '全媒体' && fail "reading left"
[ "$(wc -l < "$T/out")" = "$(wc -l < examples/damaged-sample.txt)" ] || fail "line count"
grep -q '"recovered":[1-9]' "$T/rep" || fail "report: $(cat "$T/rep")"
grep -q '"kind":"police"' "$T/rep" || fail "report boilerplate"
$Z repair --boilerplate drop examples/damaged-sample.txt | grep -q 'ICP' && fail "drop"
# Without --report the furniture check is skipped unless --boilerplate needs
# it; the text must not depend on whether a report is written.
$Z repair examples/damaged-sample.txt | cmp -s - "$T/out" || fail "output differs without --report"
$Z repair --boilerplate mark examples/damaged-sample.txt | grep -q '^\[boilerplate\] .*ICP' || fail "mark"
$Z repair --script keep examples/damaged-sample.txt | grep -q '湖南日報記者報道' || fail "keep"
$Z repair --strip nonsense examples/damaged-sample.txt 2>/dev/null && fail "bad option accepted"
$Z repair --lone nonsense examples/damaged-sample.txt 2>/dev/null && fail "bad --lone accepted"
# --lone leave: the lone '?' run is written as it was and reported.
printf '這(zhè)種(zhǒng)做法是聰(cōng)?xiào)鞯模?麜?huì)由此得到。\n' > "$T/lone"
$Z repair --script keep --lone=leave --report "$T/lonerep" "$T/lone" | grep -q '^這種做法是聰?xiào)鞯模?麜?huì)由此得到。$' || fail "--lone leave"
grep -q '"kind":"unsearched"' "$T/lonerep" || fail "--lone leave report"
# --margin: lower writes the 他 that the default leaves as '?'.
$Z repair --script keep "$T/lone" | grep -q '^這種做法是聰明的，?會由此得到。$' || fail "default margin"
$Z repair --script keep --margin 2 "$T/lone" | grep -q '^這種做法是聰明的，他會由此得到。$' || fail "--margin 2"
$Z repair --script keep --margin=2 "$T/lone" | grep -q '^這種做法是聰明的，他會由此得到。$' || fail "--margin=2"
for m in -1 51 x 2x nan ''; do
    $Z repair --margin "$m" "$T/lone" >/dev/null 2>&1 && fail "bad --margin '$m' accepted"
done
$Z detect examples/damaged-sample.txt | grep -q '^{"score":0\.[5-9]' || fail "detect"
printf '\377\376abc(\n' | $Z repair > "$T/bin" || fail "invalid UTF-8 exit"
printf '\377\376abc(\n' | cmp -s - "$T/bin" || fail "invalid UTF-8 not passed through"

# A file past 8 MiB is repaired in parts: one report object each, with
# "part":K and offsets from the start of the file (each points at a '?').
line='人們?nèi)粘I钪忻枋鰰r(shí)間點(diǎn)的方式,湖南日?qǐng)?bào)記者'
awk -v l="$line" 'BEGIN { for (i = 0; i < 100000; i++) print l
                         print "版权所有 2024 某某网站" }' > "$T/big"
$Z repair --script keep --report "$T/bigrep" "$T/big" > "$T/bigout" || fail "big repair exit"
[ "$(wc -l < "$T/bigout")" = 100001 ] || fail "big: line count"
tail -n 1 "$T/bigrep" | grep -q '"line":100001,"kind":"copyright"' || fail "big: boilerplate line"
[ "$(wc -l < "$T/bigrep")" = 2 ] || fail "big: $(wc -l < "$T/bigrep") report objects"
grep -q '"part":0}$' "$T/bigrep" && grep -q '"part":1}$' "$T/bigrep" || fail "big: parts"
off=$(tail -n 1 "$T/bigrep" | grep -o '"offset":[0-9]*' | tail -n 1 | cut -d: -f2)
[ "$off" -gt 8388608 ] || fail "big: offset $off not from the file's start"
[ "$(tail -c +$((off + 1)) "$T/big" | head -c 1)" = '?' ] || fail "big: offset $off is not a '?'"
[ "$($Z detect "$T/big" | wc -l)" = 2 ] || fail "big: detect parts"

# A long line of damage must not take quadratic time (the report once
# searched the whole output line for each '?' it could not see repaired):
# 2 MB of rare characters, '?' and "?qing)" in a fraction of a second
# (before the fix: about three minutes).
awk -v n=600000 'BEGIN { srand(7); split("鬮 鬯 鬲 魎 魃 魑 魍 魘", c, " ");
    for (i = 0; i < n; i++) { r = int(rand() * 4);
        if (r == 1) printf "?"; else if (r == 2) printf "?qing)";
        else printf "%s", c[int(rand() * 8) + 1]; }
    print "" }' > "$T/long"
timeout 60 $Z repair --report "$T/longrep" "$T/long" > "$T/longout" || fail "long line of '?': timed out or failed"
[ "$(wc -l < "$T/longout")" = 1 ] || fail "long line: line count"
# What the search assumes of the injector (lib/repair_solve.c, first_reading):
# on the real pages every injected reading is the first reading our data
# gives its character.
if [ -d ../shared/data/injected ]; then
    /usr/bin/python3 - <<'PYEOF' || fail "an injected reading is not its character's first reading"
import glob, re, sys, unicodedata
first = {}
for l in open("data/pinyin/chars.txt", encoding="utf-8"):
    if not l.startswith("#"):
        c, r = l.rstrip("\n").split("\t")
        first[c] = r.split()[0]
def num(py):
    t = 0
    base = ""
    for ch in unicodedata.normalize("NFD", py):
        m = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}.get(ch)
        if m:
            t = m
        elif ch == "\u0308":
            base = base[:-1] + "v"
        else:
            base += ch
    return base + str(t or 5)
n = bad = 0
for f in sorted(glob.glob("../shared/data/injected/0*.txt")):
    if f[-7:-4] in ("025", "026", "027", "028"):  # reading aids, PDF ruby
        continue
    for m in re.finditer(r"(.)\(([a-z\u00e0-\u01dc]+)\)", open(f, encoding="utf-8").read()):
        if m.group(1) in first:
            n += 1
            bad += num(m.group(2)) != first[m.group(1)]
print("injected readings that are their character's first reading: %d of %d" % (n - bad, n))
sys.exit(1 if bad or n < 100 else 0)
PYEOF
else
    echo "SKIP first-reading check: ../shared not found"
fi
echo ok
