#!/bin/sh
# tools/repair_tune.sh - the tuning set for zhtext repair, and a sweep of
# the decision margin on it.
#
# Repair's few free numbers (the decision margin in lib/repair_solve.c, the
# punctuation rates there) were chosen on text that the benchmark
# (bench/repair.sh, ../shared/data/corpus/zh_simp.txt) does not contain:
# the Simplified Chinese manual pages of Debian's manpages-zh, pinned here.
# This script rebuilds that set (lines of the pages with at least 8 Han
# characters, deduplicated, converted s2t and damaged by the test
# simulator) and scores a build per margin.
#   sh tools/repair_tune.sh [MARGIN...]      (default: 2.5 3 3.5 4)
# Needs apt-get (Debian's archive) and python3; takes a few minutes (one
# build per margin).
set -e
DEB=manpages-zh_1.6.4.0-1_all.deb
SHA=81bae29495f6445db290e3f329f1203eb19b651c2a7ea165b74ebdc853a32ac1
T=${TMPDIR:-/tmp}/zt-repair-tune
mkdir -p "$T"
make --no-print-directory -s build/zhtext build/sim_damage
if [ ! -f "$T/$DEB" ]; then
    (cd "$T" && apt-get download manpages-zh=1.6.4.0-1 >/dev/null 2>&1) || {
        echo "repair_tune: cannot download $DEB"; exit 1; }
fi
echo "$SHA  $T/$DEB" | sha256sum -c --quiet
rm -rf "$T/x" && dpkg -x "$T/$DEB" "$T/x"
find "$T/x" -path '*zh_CN*' -name '*.gz' | sort | xargs zcat | python3 -c '
import re, sys
seen, out = set(), []
for l in sys.stdin.buffer.read().decode("utf-8", "replace").split("\n"):
    if l.startswith(".") or l.startswith("\x27"):
        l = re.sub(r"^\.[A-Za-z]+\s*", "", l)
    l = re.sub(r"\\f[BIRP]", "", l)
    l = re.sub(r"\\.", "", l).strip()
    han = sum(1 for c in l if "\u4e00" <= c <= "\u9fff")
    if han >= 8 and han / len(l) > 0.5 and l not in seen:
        seen.add(l)
        out.append(l)
sys.stdout.write("\n".join(out) + "\n")
' > "$T/simp.txt"
build/zhtext convert -c s2t "$T/simp.txt" > "$T/trad.txt"
build/sim_damage < "$T/trad.txt" > "$T/damaged.txt"
echo "tuning set: $(wc -l < "$T/simp.txt") lines, $(wc -m < "$T/trad.txt") characters"
for m in ${*:-2.5 3 3.5 4}; do
    make --no-print-directory -s BUILD="$T/b$m" OPT="-O2 -DZT_RP_MARGIN=$m" "$T/b$m/zhtext"
    "$T/b$m/zhtext" repair --script keep --report "$T/rep$m" "$T/damaged.txt" > "$T/out$m.txt"
    python3 bench/repair_score.py "$T/trad.txt" "$T/out$m.txt" "margin $m" "$T/damaged.txt"
    python3 bench/repair_silent.py "$T/damaged.txt" "$T/rep$m" "$T/trad.txt" "$T/out$m.txt" "margin $m"
done
