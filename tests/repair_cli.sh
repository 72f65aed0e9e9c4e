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
$Z repair --script keep examples/damaged-sample.txt | grep -q '湖南日報記者報道' || fail "keep"
$Z repair --strip nonsense examples/damaged-sample.txt 2>/dev/null && fail "bad option accepted"
$Z detect examples/damaged-sample.txt | grep -q '^{"score":0\.[5-9]' || fail "detect"
printf '\377\376abc(\n' | $Z repair > "$T/bin" || fail "invalid UTF-8 exit"
printf '\377\376abc(\n' | cmp -s - "$T/bin" || fail "invalid UTF-8 not passed through"
echo ok
