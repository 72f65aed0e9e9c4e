#!/bin/sh
# bench/scale.sh - corpus-scale figures for zhtext:
#   * JSONL s2t and repair throughput with 1 and 2 threads,
#   * the cost of JSONL over plain text (same text, same run),
#   * the Python binding against the CLI on the same text,
#   * peak RSS on a 1 GB input made by repeating the corpus.
# Anchors run side by side in the same invocation (cat for the I/O floor,
# plain text for JSONL, -T 1 for threads, the CLI for the binding) and the
# figures that matter are ratios, which survive a busy machine better than
# absolute speeds.  Inputs are made in a temporary directory and deleted.
#
# Usage: sh bench/scale.sh [BUILD_DIR]      (make bench-scale)
# Env:   REPEAT (default 4): corpus copies in the throughput input;
#        RUNS (default 5): best of RUNS interleaved rounds for each timing;
#        BIG_MB (default 1024): size of the RSS input, 0 to skip it.
set -u
B=${1:-build}
Z=$B/zhtext
C=../shared/data/corpus/zh_simp.txt
PY=/usr/bin/python3
REPEAT=${REPEAT:-4}
RUNS=${RUNS:-5}
BIG_MB=${BIG_MB:-1024}
if [ ! -r "$C" ]; then
    echo "SKIP scale bench: $C not found (../shared is absent)"; exit 77
fi
[ -x "$Z" ] || { echo "no $Z: run make first"; exit 1; }
T=$(mktemp -d /tmp/zhtext-bench.XXXXXX)
trap 'rm -rf "$T"' EXIT INT TERM

# The inputs: the corpus REPEAT times as plain text, and the same lines as
# JSONL objects {"id":N,"text":LINE} (UTF-8, not \u-escaped).
i=0; while [ $i -lt "$REPEAT" ]; do cat "$C"; i=$((i + 1)); done > "$T/plain.txt"
$PY - "$C" "$T/one.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as o:
    for i, l in enumerate(f):
        o.write(json.dumps({"id": i, "text": l.rstrip("\n")}, ensure_ascii=False) + "\n")
PY
i=0; while [ $i -lt "$REPEAT" ]; do cat "$T/one.jsonl"; i=$((i + 1)); done > "$T/in.jsonl"
rm -f "$T/one.jsonl"
psize=$(wc -c < "$T/plain.txt")
jsize=$(wc -c < "$T/in.jsonl")

# One timing of a command, output to /dev/null.
timed() {
    s=$(date +%s.%N)
    "$@" > /dev/null 2>&1
    e=$(date +%s.%N)
    echo "$s $e" | awk '{print $2 - $1}'
}
mbs() { echo "$1 $2" | awk '{printf "%.1f", $1 / $2 / 1e6}'; }
ratio() { echo "$1 $2" | awk '{printf "%.2f", $1 / $2}'; }
min() { echo "$1 ${2:-1e9}" | awk '{print ($1 < $2 ? $1 : $2)}'; }

echo "zhtext $("$Z" --version | cut -d' ' -f2), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $REPEAT x zh_simp.txt = $psize bytes plain, $jsize bytes JSONL"
echo

# The runs are interleaved, round after round, and each keeps its best:
# on a shared machine the load drifts, and a ratio of two runs taken
# minutes apart would measure the drift.
has_repair=0
"$Z" repair --help > /dev/null 2>&1 && has_repair=1
t_cat= t_p1= t_p2= t_j1= t_j2= t_r1= t_r2=
r=0; while [ $r -lt "$RUNS" ]; do
    t_cat=$(min "$(timed cat "$T/in.jsonl")" "$t_cat")
    t_p1=$(min "$(timed "$Z" convert -c s2t -T 1 "$T/plain.txt")" "$t_p1")
    t_j1=$(min "$(timed "$Z" convert -c s2t --jsonl -T 1 "$T/in.jsonl")" "$t_j1")
    t_p2=$(min "$(timed "$Z" convert -c s2t -T 2 "$T/plain.txt")" "$t_p2")
    t_j2=$(min "$(timed "$Z" convert -c s2t --jsonl -T 2 "$T/in.jsonl")" "$t_j2")
    if [ $has_repair = 1 ]; then
        t_r1=$(min "$(timed "$Z" repair --jsonl -T 1 "$T/in.jsonl")" "$t_r1")
        t_r2=$(min "$(timed "$Z" repair --jsonl -T 2 "$T/in.jsonl")" "$t_r2")
    fi
    r=$((r + 1))
done
printf '%-34s %8s %9s\n' "run (best of $RUNS)" "seconds" "MB/s"
printf '%-34s %8.3f %9s\n' "cat (I/O floor, JSONL)" "$t_cat" "$(mbs "$jsize" "$t_cat")"
printf '%-34s %8.3f %9s\n' "convert s2t plain  -T 1" "$t_p1" "$(mbs "$psize" "$t_p1")"
printf '%-34s %8.3f %9s\n' "convert s2t plain  -T 2" "$t_p2" "$(mbs "$psize" "$t_p2")"
printf '%-34s %8.3f %9s\n' "convert s2t --jsonl -T 1" "$t_j1" "$(mbs "$jsize" "$t_j1")"
printf '%-34s %8.3f %9s\n' "convert s2t --jsonl -T 2" "$t_j2" "$(mbs "$jsize" "$t_j2")"
if [ $has_repair = 1 ]; then
    printf '%-34s %8.3f %9s\n' "repair --jsonl -T 1" "$t_r1" "$(mbs "$jsize" "$t_r1")"
    printf '%-34s %8.3f %9s\n' "repair --jsonl -T 2" "$t_r2" "$(mbs "$jsize" "$t_r2")"
else
    echo "repair: not in this build"
fi

# The binding: Converter.convert on the whole text, timed in-process, and
# Converter.jsonl on the JSONL, against the CLI's whole run on the same.
pyline=
ext=$(ls "$B"/python/zhtext/_zhtext*.so python/zhtext/_zhtext*.so 2>/dev/null | head -n 1)
if [ -n "$ext" ]; then
    pydir=$(dirname "$(dirname "$ext")")
    # The CLI runs again here, interleaved with the binding, for the ratio.
    pyline=$(PYTHONPATH=$pydir $PY - "$T/plain.txt" "$T/in.jsonl" "$RUNS" "$Z" <<'PY'
import subprocess, sys, time, zhtext
plain, jsonl, runs, cli = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
text = open(plain, encoding="utf-8").read()
data = open(jsonl, "rb").read()
raw = text.encode()
c = zhtext.Converter("s2t")
def timed(f):
    s = time.perf_counter(); f(); return time.perf_counter() - s
def run(*args):
    subprocess.run([cli, *args], stdout=subprocess.DEVNULL, check=True)
b = [1e9] * 5
for _ in range(runs):
    for k, f in enumerate([lambda: c.convert(text),
                           lambda: run("convert", "-c", "s2t", plain),
                           lambda: c.jsonl(data),
                           lambda: run("convert", "-c", "s2t", "--jsonl", jsonl),
                           lambda: c.convert(raw)]):
        b[k] = min(b[k], timed(f))
print("%.3f %.3f %.3f %.3f %.3f" % tuple(b))
PY
)
fi

echo
echo "ratios (targets in brackets):"
echo "  JSONL over plain text, same text, -T 1: $(echo "$t_j1 $t_p1" | awk '{printf "%+.0f%%", ($1 / $2 - 1) * 100}') [<= +20%]"
echo "    (per input byte: JSONL $(mbs "$jsize" "$t_j1") MB/s vs plain $(mbs "$psize" "$t_p1") MB/s)"
echo "  convert plain  -T 2 / -T 1 speed: $(ratio "$t_p1" "$t_p2") [>= 1.8]"
echo "  convert --jsonl -T 2 / -T 1 speed: $(ratio "$t_j1" "$t_j2") [>= 1.8]"
[ -n "$t_r1" ] && echo "  repair --jsonl -T 2 / -T 1 speed: $(ratio "$t_r1" "$t_r2") [>= 1.8]"
if [ -n "$pyline" ]; then
    set -- $pyline
    echo "  Python Converter.convert(bytes) / CLI plain -T 1 time: $(ratio "$5" "$2") [<= 1.10] ($5 s vs $2 s)"
    echo "  Python Converter.convert(str) / CLI plain -T 1 time: $(ratio "$1" "$2") [<= 1.10] ($1 s vs $2 s;"
    echo "    str results cost a UTF-8 decode that bytes results do not)"
    echo "  Python Converter.jsonl / CLI --jsonl -T 1 time: $(ratio "$3" "$4") [<= 1.10] ($3 s vs $4 s)"
else
    echo "  Python binding: not built (make python PYTHON=/usr/bin/python3)"
fi

# Peak RSS on a BIG_MB input made by repeating the JSONL corpus.
if [ "$BIG_MB" -gt 0 ]; then
    rm -f "$T/plain.txt"
    big=$T/big.jsonl
    : > "$big"
    while [ $(( $(wc -c < "$big") / 1000000 )) -lt "$BIG_MB" ]; do
        cat "$T/in.jsonl" >> "$big"
    done
    bsize=$(wc -c < "$big")
    echo
    echo "peak RSS on $bsize bytes of JSONL [< 64 MB]:"
    # The last run reads the same bytes as plain text.
    for args in "convert -c s2t --jsonl -T 1" "convert -c s2t --jsonl -T 2" "convert -c s2t -T 2"; do
        # shellcheck disable=SC2086
        /usr/bin/time -f "%e %M" -o "$T/rss" "$Z" $args "$big" > /dev/null 2>&1
        set -- $(cat "$T/rss")
        printf '  %-32s %6.1f MB peak RSS, %6.1f s, %6.1f MB/s\n' "$args" \
            "$(echo "$2" | awk '{print $1 / 1024}')" "$1" "$(mbs "$bsize" "$1")"
    done
fi
