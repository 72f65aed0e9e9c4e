#!/bin/bash
# bench/convert.sh - zhtext conversion side by side with Debian's OpenCC
# (1.1.6) and opencc-js (npm 1.4.2), in one run, on ../shared/data/corpus.
#
#   bash bench/convert.sh [BYTES]   (default: the whole 21 MB corpus)
#
# Prints, per config: MB/s for the whole process and in-process (excluding
# start-up), peak RSS, the ratios zhtext/anchor, and start-up time on a tiny
# input.  Installs what it needs (apt: opencc libopencc-dev; npm: opencc-js
# into a temporary folder).  Timings are measured, never asserted.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -eu
cd "$(dirname "$0")/.."
CORPUS=../shared/data/corpus
[ -d "$CORPUS" ] || { echo "SKIP: $CORPUS not found"; exit 0; }
BYTES=${1:-0}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

if ! command -v opencc >/dev/null || [ ! -f /usr/include/opencc/opencc.h ]; then
    apt-get install -y -qq opencc libopencc-dev >/dev/null
fi
(cd "$T" && npm install --silent --no-audit --no-fund opencc-js@1.4.2 >/dev/null 2>&1) ||
    echo "note: npm install opencc-js failed; skipping it"
make -s all >/dev/null
cc -O2 -std=c11 -Iinclude -o "$T/zt_bench" bench/zt_bench.c build/libzhtext.a -lpthread -lm
cc -O2 -o "$T/opencc_inproc" bench/opencc_inproc.c -lopencc

for f in zh_simp zh_trad; do
    if [ "$BYTES" != 0 ]; then head -c "$BYTES" "$CORPUS/$f.txt" > "$T/$f.txt"
    else cp "$CORPUS/$f.txt" "$T/$f.txt"; fi
done
size() { stat -c %s "$1"; }
# wall seconds and peak RSS (KB) of a command, output discarded
run() { /usr/bin/time -f '%e %M' -o "$T/tm" "$@" > /dev/null 2>&1; cat "$T/tm"; }
mbs() { awk -v b="$1" -v s="$2" 'BEGIN { if (s <= 0) s = 0.001; printf "%.1f", b / s / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) print "-"; else printf "%.1fx", a / b }'; }

printf '%-6s %-14s %10s %10s %9s %12s\n' config tool "MB/s proc" "MB/s core" "RSS MB" "zhtext/x"
for spec in "s2t zh_simp cn t" "s2twp zh_simp cn twp" "t2s zh_trad t cn"; do
    set -- $spec
    cfg=$1; file="$T/$2.txt"; from=$3; to=$4; bytes=$(size "$file")
    read -r zs zr <<< "$(run build/zhtext convert -c "$cfg" "$file")"
    zc=$("$T/zt_bench" convert "$cfg" "$file" 3 | awk '{print $2}')
    read -r os or <<< "$(run opencc -c "/usr/share/opencc/$cfg.json" -i "$file" -o /dev/null)"
    oc=$("$T/opencc_inproc" "/usr/share/opencc/$cfg.json" "$file" | awk '{print $1}')
    printf '%-6s %-14s %10s %10s %9.1f %12s\n' "$cfg" zhtext "$(mbs "$bytes" "$zs")" "$zc" "$(echo "$zr/1024" | bc -l)" ""
    printf '%-6s %-14s %10s %10s %9.1f %12s\n' "$cfg" "opencc 1.1.6" "$(mbs "$bytes" "$os")" "$oc" "$(echo "$or/1024" | bc -l)" "$(ratio "$zc" "$oc")"
    if [ -d "$T/node_modules/opencc-js" ]; then
        read -r js jr <<< "$(run node bench/opencc_js.mjs "$T" "$from" "$to" "$file")"
        jc=$(node bench/opencc_js.mjs "$T" "$from" "$to" "$file" | awk '{print $1}')
        printf '%-6s %-14s %10s %10s %9.1f %12s\n' "$cfg" "opencc-js" "$(mbs "$bytes" "$js")" "$jc" "$(echo "$jr/1024" | bc -l)" "$(ratio "$zc" "$jc")"
    fi
done

# Start-up: a tiny input, 50 runs each, mean wall time (nanosecond clock).
printf '汉字\n' > "$T/tiny.txt"
startup() {
    local t0 t1
    t0=$(date +%s%N)
    for _ in $(seq 50); do "$@" > /dev/null 2>&1; done
    t1=$(date +%s%N)
    awk -v d="$((t1 - t0))" 'BEGIN { printf "%.2f ms", d / 50 / 1e6 }'
}
echo
echo "start-up (tiny input, whole process, mean of 50 runs):"
echo "  zhtext convert -c s2t     $(startup build/zhtext convert -c s2t "$T/tiny.txt")"
echo "  zhtext convert -c s2twp   $(startup build/zhtext convert -c s2twp "$T/tiny.txt")"
echo "  opencc -c s2t.json        $(startup opencc -c /usr/share/opencc/s2t.json -i "$T/tiny.txt")"
echo "  /bin/true (process floor) $(startup /bin/true)"
echo "  zhtext converter creation in-process: $("$T/zt_bench" convert s2twp "$T/tiny.txt" 1 | sed 's/.*made in //; s/)//')"
