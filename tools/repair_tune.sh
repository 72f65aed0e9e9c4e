#!/bin/sh
# tools/repair_tune.sh - the tuning sets for zhtext repair, and a sweep of
# the decision margin on them.
#
# Repair's few free numbers (the decision margin in lib/repair_solve.c, the
# punctuation rates and class weights in lib/repair_search.h) were chosen on
# text that the benchmark (bench/repair.sh, ../shared/data/corpus/zh_simp.txt)
# does not contain, from Debian packages pinned here:
#   man   the Simplified Chinese manual pages of manpages-zh (the set the
#         numbers were chosen on);
#   help  the zh-CN HTML manuals of debian-reference, gimp-help and
#         libreoffice-help, text nodes taken as lines (so many lines end at
#         an inline tag, in 「 or mid-sentence: a check of what documents
#         unlike the benchmark's do, silent errors above all);
#   check the zh-CN HTML of debian-faq, maint-guide, debian-edu-doc,
#         lilypond-doc-html and kicad-doc, taken the same way, less the
#         lines man and help have: held out, for checking a choice made on
#         the other two, not for making it.  Scored only with CHECK=1.
# Each set: lines with at least 8 Han characters (and more than half Han),
# deduplicated, converted s2t and damaged by the test simulator in three
# forms: "dense", every Traditional-only character of GBK in the table, the
# set as one document; "pages", pages of 20 lines, each with its own table
# of 40% of them (as the real pages have it; tests/sim_damage.h); and
# "folded", those pages with full-width forms folded to ASCII after the
# damage (as the real pages also are; scored against the folded text); and
# "folded -x", those with the pairs of GBK's user-defined areas dropped
# instead of shown as '?' (as two real pages lost them).
# One build per margin scores both sets in all three forms.
#   sh tools/repair_tune.sh [MARGIN...]      (default: 4.25 4.5 4.75 5)
#   TUNE_FLAGS="-DZT_RP_OOV=0.05f" sh tools/repair_tune.sh 4.75
#                                            (any other constant, the same way)
#   CHECK=1 sh tools/repair_tune.sh 4.75     (the held-out set too)
# Needs apt-get (Debian's archive) and python3; takes a few minutes.
set -e
T=${TMPDIR:-/tmp}/zt-repair-tune
mkdir -p "$T"
make --no-print-directory -s build/zhtext build/sim_damage

# fetch PACKAGE=VERSION FILE SHA256
fetch() {
    if [ ! -f "$T/$2" ]; then
        (cd "$T" && apt-get download "$1" >/dev/null 2>&1) || {
            echo "repair_tune: cannot download $1"; exit 1; }
    fi
    echo "$3  $T/$2" | sha256sum -c --quiet
    dpkg -x "$T/$2" "$T/x.$4"
}

# Lines worth tuning on, from text on stdin, deduplicated.
KEEP='
def keep(lines):
    seen, out = set(), []
    for l in lines:
        han = sum(1 for c in l if "\u4e00" <= c <= "\u9fff")
        if han >= 8 and han / len(l) > 0.5 and l not in seen:
            seen.add(l)
            out.append(l)
    sys.stdout.write("\n".join(out) + "\n")
'

rm -rf "$T"/x.* && mkdir -p "$T/man" "$T/help"
fetch manpages-zh=1.6.4.0-1 manpages-zh_1.6.4.0-1_all.deb \
    81bae29495f6445db290e3f329f1203eb19b651c2a7ea165b74ebdc853a32ac1 man
find "$T/x.man" -path '*zh_CN*' -name '*.gz' | sort | xargs zcat | python3 -c "
import re, sys
$KEEP
ls = []
for l in sys.stdin.buffer.read().decode('utf-8', 'replace').split('\n'):
    if l.startswith('.') or l.startswith('\x27'):
        l = re.sub(r'^\.[A-Za-z]+\s*', '', l)
    l = re.sub(r'\\\\f[BIRP]', '', l)
    l = re.sub(r'\\\\.', '', l).strip()
    ls.append(l)
keep(ls)
" > "$T/man/simp.txt"

fetch debian-reference-zh-cn=2.100 debian-reference-zh-cn_2.100_all.deb \
    6d2d8d9a646397e28b04cdff23d2e4374101ebf9be348e35961af62c8a2d0977 help
fetch gimp-help-zh-cn=2.10.34-2 gimp-help-zh-cn_2.10.34-2_all.deb \
    4b2c2c8c0e92dde4d278d668e0ae83fd3731ef1e717d76240ae60339b703efda help
fetch libreoffice-help-zh-cn=4:7.4.7-1+deb12u14 \
    'libreoffice-help-zh-cn_4%3a7.4.7-1+deb12u14_all.deb' \
    db867cdece4c2f9c7eebe65e519c6cf386fdcf49d6e061db3dffec893b3e1dee help
# The text nodes of the HTML files under $1 as lines, less the lines of
# the files $2... (so that the held-out set shares none with the others).
HTML_TEXT="
import glob, html, re, sys
$KEEP
ls, skip = [], set()
for p in sys.argv[2:]:
    skip |= set(open(p, encoding='utf-8').read().split('\n'))
for f in sorted(glob.glob(sys.argv[1] + '/**/*.html', recursive=True)):
    t = open(f, encoding='utf-8', errors='replace').read()
    t = re.sub(r'(?s)<(script|style)[^>]*>.*?</\1>', '', t)
    t = html.unescape(re.sub(r'(?s)<[^>]+>', '\n', t))
    ls.extend(' '.join(l.split()) for l in t.split('\n'))
keep([l for l in ls if l not in skip])
"
python3 -c "$HTML_TEXT" "$T/x.help" > "$T/help/simp.txt"

SETS="man help"
if [ -n "${CHECK:-}" ]; then
SETS="$SETS check"
mkdir -p "$T/check"
fetch debian-faq-zh-cn=11.1 debian-faq-zh-cn_11.1_all.deb \
    3545356b1aa04d87e91dd15e8406210cf5b4f476662e597897bcb42234591758 check
fetch maint-guide-zh-cn=1.2.53 maint-guide-zh-cn_1.2.53_all.deb \
    d605b60a034f63857bc44205aed5ad7ba6e17d0d2b1ba5e79179b4e7ec4ee4bc check
fetch debian-edu-doc-zh-cn=2.12.23~deb12u1 'debian-edu-doc-zh-cn_2.12.23~deb12u1_all.deb' \
    d98fa11ea24238d38631d756ab75144c3d97dbd2a2e5a0223f2f7d8d975ecff2 check
fetch lilypond-doc-html-zh=2.24.1-2 lilypond-doc-html-zh_2.24.1-2_all.deb \
    9cdd1f3d348361121e9bd3d7ee42da5fa1b6fb3495098b85d0eff5e5a49373de check
fetch kicad-doc-zh=6.0.11+dfsg-1 kicad-doc-zh_6.0.11+dfsg-1_all.deb \
    c904386f9152d1acb79aec9a85bdaec1e9901ade73a296b44b5e84763eedf245 check
python3 -c "$HTML_TEXT" "$T/x.check" "$T/man/simp.txt" "$T/help/simp.txt" > "$T/check/simp.txt"
fi

for s in $SETS; do
    build/zhtext convert -c s2t "$T/$s/simp.txt" > "$T/$s/trad.txt"
    build/sim_damage < "$T/$s/trad.txt" > "$T/$s/damaged.txt"
    build/sim_damage -d 20 -p 0.4 < "$T/$s/trad.txt" > "$T/$s/pages.jsonl"
    python3 bench/repair_pages.py "$T/$s/pages.jsonl" "$T/$s/pages_damaged.txt"
    build/sim_damage -f -d 20 -p 0.4 < "$T/$s/trad.txt" > "$T/$s/folded.jsonl"
    python3 bench/repair_pages.py "$T/$s/folded.jsonl" "$T/$s/folded_damaged.txt"
    build/sim_damage -f -x -d 20 -p 0.4 < "$T/$s/trad.txt" > "$T/$s/foldx.jsonl"
    python3 bench/repair_pages.py "$T/$s/foldx.jsonl" "$T/$s/foldx_damaged.txt"
    python3 bench/repair_fold.py < "$T/$s/trad.txt" > "$T/$s/trad_folded.txt"
    echo "tuning set $s: $(wc -l < "$T/$s/simp.txt") lines, $(wc -m < "$T/$s/trad.txt") characters"
done
# One build folder per set of flags (make would not rebuild for changed
# flags alone); the margin is repair's --margin.
tag=$(printf '%s' "${TUNE_FLAGS:-}" | md5sum | cut -c1-8)
B="$T/b-$tag"
make --no-print-directory -s BUILD="$B" OPT="-O2 ${TUNE_FLAGS:-}" "$B/zhtext"
# pages SET INPUT P LABEL REFERENCE: repair $T/SET/INPUT.jsonl (pages as
# JSON Lines) at margin $m into $T/SET/${P}out$m.txt, report ${P}rep$m, and
# score it against $T/SET/REFERENCE.
pages() {
    "$B/zhtext" repair --margin "$m" --jsonl --script keep --report "$T/$1/${3}rep$m" "$T/$1/$2.jsonl" > "$T/$1/${3}out$m.jsonl"
    python3 bench/repair_pages.py "$T/$1/${3}out$m.jsonl" "$T/$1/${3}out$m.txt"
    python3 bench/repair_pages.py "$T/$1/$2.jsonl" /dev/null "$T/$1/${3}rep$m" "$T/$1/${3}rep$m.txt"
    python3 bench/repair_score.py "$T/$1/$5" "$T/$1/${3}out$m.txt" "$4, margin $m" "$T/$1/$2_damaged.txt"
    python3 bench/repair_silent.py "$T/$1/$2_damaged.txt" "$T/$1/${3}rep$m.txt" "$T/$1/$5" "$T/$1/${3}out$m.txt" "$4, margin $m"
}
for m in ${*:-4.25 4.5 4.75 5}; do
    for s in $SETS; do
        "$B/zhtext" repair --margin "$m" --script keep --report "$T/$s/rep$m" "$T/$s/damaged.txt" > "$T/$s/out$m.txt"
        python3 bench/repair_score.py "$T/$s/trad.txt" "$T/$s/out$m.txt" "$s, margin $m" "$T/$s/damaged.txt"
        python3 bench/repair_silent.py "$T/$s/damaged.txt" "$T/$s/rep$m" "$T/$s/trad.txt" "$T/$s/out$m.txt" "$s, margin $m"
        pages "$s" pages p "$s pages" trad.txt
        pages "$s" folded f "$s folded" trad_folded.txt
        pages "$s" foldx x "$s folded -x" trad_folded.txt
    done
done
