#!/bin/sh
# bench/repair.sh - zhtext repair on simulated damage of the 21 MB corpus:
# throughput (one thread) next to anchors run on the same machine in the
# same run, and character / line accuracy of the recovered text.
# Two forms of damage (tests/sim_damage.h):
#   pages  pages of 20 lines as JSON Lines, each page damaged with its own
#          table of 40% of the Traditional-only characters, as the real
#          pages are (../shared/data/injected);
#   folded the same pages with full-width forms folded to ASCII after the
#          damage, as the real pages also are (scored against the folded
#          Traditional text); and again with pairs in GBK's user-defined
#          areas dropped instead of shown as '?' (-x), as real pages 011 and
#          018 lost one each: two observations, reported apart;
#   dense  the corpus as one plain-text document, damaged with the whole
#          table (every Traditional-only character): more damage, and no
#          page to learn the table from.
#   clean  the same pages with no damage (most of a real corpus): speed
#          only, next to t2s on the same pages.
#   sh bench/repair.sh [BUILD_DIR]
# Needs ../shared/data/corpus/zh_simp.txt (skips otherwise).
BUILD=${1:-build}
CORPUS=../shared/data/corpus/zh_simp.txt
PY=/usr/bin/python3
[ -r "$CORPUS" ] || { echo "SKIP bench/repair.sh: $CORPUS not found"; exit 77; }
make --no-print-directory -s BUILD="$BUILD" "$BUILD/zhtext" "$BUILD/sim_damage" || exit 1
T=${TMPDIR:-/tmp}/zt-bench-repair.$$
mkdir -p "$T" && trap 'rm -rf "$T"' EXIT

"$BUILD/zhtext" convert -c s2t "$CORPUS" > "$T/trad.txt"
"$BUILD/sim_damage" < "$T/trad.txt" > "$T/damaged.txt"
"$BUILD/sim_damage" -d 20 -p 0.4 < "$T/trad.txt" > "$T/pages.jsonl"
size=$(wc -c < "$T/damaged.txt")
psize=$(wc -c < "$T/pages.jsonl")

# Seconds of user+system CPU for a command (one thread).
cpu() {
    /usr/bin/time -f '%U %S' -o "$T/time" "$@" > "$T/out" || exit 1
    awk '{printf "%.3f", $1 + $2}' "$T/time"
}
mbs() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1e6 / (s > 0 ? s : 0.001) }'; }

echo "input: $(wc -l < "$T/damaged.txt") lines; pages: $(wc -l < "$T/pages.jsonl") pages, $psize bytes; dense: $size bytes"
s_pages=$(cpu "$BUILD/zhtext" repair --jsonl --script keep "$T/pages.jsonl"); cp "$T/out" "$T/pages_out.jsonl"
s_pt2s=$(cpu "$BUILD/zhtext" convert --jsonl -c t2s "$T/pages.jsonl")
printf '%-36s %8s s %8s MB/s\n' "pages: zhtext convert --jsonl -c t2s" "$s_pt2s" "$(mbs "$psize" "$s_pt2s")"
printf '%-36s %8s s %8s MB/s  (%.2fx t2s time)\n' "pages: repair --jsonl --script keep" "$s_pages" "$(mbs "$psize" "$s_pages")" "$(awk -v a="$s_pages" -v b="$s_pt2s" 'BEGIN{print a/b}')"
"$BUILD/zhtext" repair --jsonl --script keep --report "$T/pages_rep" "$T/pages.jsonl" > /dev/null
$PY bench/repair_pages.py "$T/pages_out.jsonl" "$T/pages_keep.txt"
$PY bench/repair_pages.py "$T/pages.jsonl" "$T/pages_damaged.txt" "$T/pages_rep" "$T/pages_rep.txt"
$PY bench/repair_score.py "$T/trad.txt" "$T/pages_keep.txt" "pages: repair --script keep vs Traditional" "$T/pages_damaged.txt"
$PY bench/repair_silent.py "$T/pages_damaged.txt" "$T/pages_rep.txt" "$T/trad.txt" "$T/pages_keep.txt" "pages: repair --script keep"
# The decision margin (--margin, default 4.75) on the same pages: lower
# recovers more lines and writes more wrong characters without a report.
for m in 2 8; do
    "$BUILD/zhtext" repair --margin $m --jsonl --script keep --report "$T/m_rep" "$T/pages.jsonl" > "$T/m_out.jsonl"
    $PY bench/repair_pages.py "$T/m_out.jsonl" "$T/m_keep.txt"
    $PY bench/repair_pages.py "$T/pages.jsonl" /dev/null "$T/m_rep" "$T/m_rep.txt"
    $PY bench/repair_score.py "$T/trad.txt" "$T/m_keep.txt" "pages, --margin $m" | head -n 1
    $PY bench/repair_silent.py "$T/pages_damaged.txt" "$T/m_rep.txt" "$T/trad.txt" "$T/m_keep.txt" "pages, --margin $m"
done
# Folded pages (and with unassigned pairs dropped): accuracy only.
$PY bench/repair_fold.py < "$T/trad.txt" > "$T/trad_folded.txt"
for form in "-f" "-f -x"; do
    "$BUILD/sim_damage" $form -d 20 -p 0.4 < "$T/trad.txt" > "$T/fold.jsonl"
    "$BUILD/zhtext" repair --jsonl --script keep --report "$T/fold_rep" "$T/fold.jsonl" > "$T/fold_out.jsonl"
    $PY bench/repair_pages.py "$T/fold_out.jsonl" "$T/fold_keep.txt"
    $PY bench/repair_pages.py "$T/fold.jsonl" "$T/fold_damaged.txt" "$T/fold_rep" "$T/fold_rep.txt"
    $PY bench/repair_score.py "$T/trad_folded.txt" "$T/fold_keep.txt" "pages sim_damage $form: repair --script keep vs folded Traditional" "$T/fold_damaged.txt"
    $PY bench/repair_silent.py "$T/fold_damaged.txt" "$T/fold_rep.txt" "$T/trad_folded.txt" "$T/fold_keep.txt" "pages sim_damage $form"
done
echo "dense:"
s_cat=$(cpu cat "$T/damaged.txt")
s_t2s=$(cpu "$BUILD/zhtext" convert -c t2s "$T/damaged.txt")
s_keep=$(cpu "$BUILD/zhtext" repair --script keep "$T/damaged.txt"); cp "$T/out" "$T/keep.txt"
s_simp=$(cpu "$BUILD/zhtext" repair "$T/damaged.txt"); cp "$T/out" "$T/simp.txt"
s_leave=$(cpu "$BUILD/zhtext" repair --script keep --lone leave "$T/damaged.txt"); cp "$T/out" "$T/leave.txt"
printf '%-36s %8s s %8s MB/s\n' "anchor: cat" "$s_cat" "$(mbs "$size" "$s_cat")"
printf '%-36s %8s s %8s MB/s\n' "anchor: zhtext convert -c t2s" "$s_t2s" "$(mbs "$size" "$s_t2s")"
printf '%-36s %8s s %8s MB/s  (%.2fx t2s time)\n' "zhtext repair --script keep" "$s_keep" "$(mbs "$size" "$s_keep")" "$(awk -v a="$s_keep" -v b="$s_t2s" 'BEGIN{print a/b}')"
printf '%-36s %8s s %8s MB/s  (%.2fx t2s time)\n' "zhtext repair (simplified)" "$s_simp" "$(mbs "$size" "$s_simp")" "$(awk -v a="$s_simp" -v b="$s_t2s" 'BEGIN{print a/b}')"
printf '%-36s %8s s %8s MB/s  (%.2fx t2s time)\n' "zhtext repair --script keep --lone leave" "$s_leave" "$(mbs "$size" "$s_leave")" "$(awk -v a="$s_leave" -v b="$s_t2s" 'BEGIN{print a/b}')"
# Pages with no damage (most of a real corpus), as JSON Lines: what repair
# costs there.
"$BUILD/sim_damage" -d 20 -p 0 < "$T/trad.txt" > "$T/clean.jsonl"
csize=$(wc -c < "$T/clean.jsonl")
s_ct2s=$(cpu "$BUILD/zhtext" convert --jsonl -c t2s "$T/clean.jsonl")
s_ckeep=$(cpu "$BUILD/zhtext" repair --jsonl --script keep "$T/clean.jsonl")
s_csimp=$(cpu "$BUILD/zhtext" repair --jsonl "$T/clean.jsonl")
echo "no damage (the same pages undamaged, $csize bytes):"
printf '%-36s %8s s %8s MB/s\n' "anchor: convert --jsonl -c t2s" "$s_ct2s" "$(mbs "$csize" "$s_ct2s")"
printf '%-36s %8s s %8s MB/s  (%.2fx t2s time)\n' "repair --jsonl --script keep" "$s_ckeep" "$(mbs "$csize" "$s_ckeep")" "$(awk -v a="$s_ckeep" -v b="$s_ct2s" 'BEGIN{print a/b}')"
printf '%-36s %8s s %8s MB/s  (%.2fx t2s time)\n' "repair --jsonl (to Simplified)" "$s_csimp" "$(mbs "$csize" "$s_csimp")" "$(awk -v a="$s_csimp" -v b="$s_ct2s" 'BEGIN{print a/b}')"

"$BUILD/zhtext" convert -c t2s "$T/trad.txt" > "$T/opencc.txt"
$PY bench/repair_score.py "$T/trad.txt" "$T/keep.txt" "repair --script keep vs Traditional" "$T/damaged.txt"
$PY bench/repair_score.py "$CORPUS" "$T/simp.txt" "repair --script simplified vs original"
$PY bench/repair_score.py "$CORPUS" "$T/opencc.txt" "no damage, plain OpenCC t2s vs original"
"$BUILD/zhtext" repair "$T/trad.txt" > "$T/nodamage.txt"
$PY bench/repair_score.py "$CORPUS" "$T/nodamage.txt" "no damage, repair (to Simplified) vs original"
"$BUILD/zhtext" repair --script keep --report "$T/rep" "$T/damaged.txt" > /dev/null
$PY bench/repair_silent.py "$T/damaged.txt" "$T/rep" "$T/trad.txt" "$T/keep.txt" "repair --script keep"
# --lone leave: the runs of lone '?' are left as they were (and reported).
"$BUILD/zhtext" repair --script keep --lone leave --report "$T/rep_leave" "$T/damaged.txt" > /dev/null
$PY bench/repair_score.py "$T/trad.txt" "$T/leave.txt" "--lone leave, --script keep vs Traditional" "$T/damaged.txt" | head -2
$PY bench/repair_silent.py "$T/damaged.txt" "$T/rep_leave" "$T/trad.txt" "$T/leave.txt" "--lone leave"
# The same damage decoded as Python's errors="replace" does (U+FFFD for each
# byte that starts no valid pair, nothing swallowed): accuracy only.
"$BUILD/sim_damage" -u < "$T/trad.txt" > "$T/damaged_u.txt"
"$BUILD/zhtext" repair --script keep --report "$T/rep_u" "$T/damaged_u.txt" > "$T/keep_u.txt"
$PY bench/repair_score.py "$T/trad.txt" "$T/keep_u.txt" "U+FFFD form, repair --script keep vs Traditional" "$T/damaged_u.txt" | head -1
$PY bench/repair_silent.py "$T/damaged_u.txt" "$T/rep_u" "$T/trad.txt" "$T/keep_u.txt" "U+FFFD form, repair --script keep"
$PY - "$T/rep" <<'PYEOF'
import json, sys, collections
# One object per 8 MiB part of the file: add them up.
parts = [json.loads(l) for l in open(sys.argv[1])]
kinds = collections.Counter(u["kind"] for r in parts for u in r["unresolved"])
ann = sum(r["annotations"] for r in parts)
rec = sum(r["recovered"] for r in parts)
print(f"report ({len(parts)} parts): {ann} readings removed, {rec} '?' spots recovered, "
      f"unresolved: {dict(kinds)}")
PYEOF
