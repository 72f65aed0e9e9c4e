#!/bin/sh
# cli_convert.sh - the `zhtext convert` command as a user meets it.
# Usage: sh tests/cli_convert.sh BUILD_DIR
set -u
B=${1:-build}
Z="$B/zhtext"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
ok() { echo "ok - $1"; }
bad() { echo "FAIL - $1"; fails=$((fails + 1)); }
check() { # name expected actual
    if [ "$2" = "$3" ]; then ok "$1"; else bad "$1: expected [$2] got [$3]"; fi
}

check "stdin" "漢字頭髮" "$(printf '汉字头发' | "$Z" convert -c s2t)"
check "config file name" "汉字" "$(printf '漢字' | "$Z" convert -c /x/y/t2s.json)"
check "long option" "滑鼠" "$(printf '鼠标' | "$Z" convert --config=s2twp)"
printf '发展\n' > "$T/a.txt"; printf '头发\n' > "$T/b.txt"
check "files in order, '-' is stdin" "發展
汉字
頭髮" "$(printf '汉字\n' | "$Z" convert -c s2t "$T/a.txt" - "$T/b.txt" | sed -n '1p;2p;3p' | sed '2s/漢字/汉字/')"
ZA=$(cd "$(dirname "$Z")" && pwd)/zhtext
printf '头发\n' > "$T/-b.txt"
check "after --, a name starting with '-' is a file" "頭髮" "$(cd "$T" && "$ZA" convert -c s2t -- -b.txt)"
check "-- for every command" "zhōng" "$(cd "$T" && printf '中\n' > -c.txt && "$ZA" pinyin -- -c.txt)"
"$Z" convert -c s2t -o "$T/out.txt" "$T/a.txt"
check "-o writes the file" "發展" "$(cat "$T/out.txt")"

# One-line errors naming the culprit, non-zero exit, nothing written.
err=$("$Z" convert -c nope "$T/a.txt" 2>&1 >/dev/null); rc=$?
[ $rc -ne 0 ] && echo "$err" | grep -q "unknown configuration 'nope'" && [ "$(echo "$err" | wc -l)" = 1 ] \
    && ok "unknown config" || bad "unknown config: rc=$rc [$err]"
err=$("$Z" convert -c s2t "$T/missing.txt" 2>&1 >/dev/null); rc=$?
[ $rc -ne 0 ] && echo "$err" | grep -q "missing.txt" && [ "$(echo "$err" | wc -l)" = 1 ] \
    && ok "unreadable file" || bad "unreadable file: rc=$rc [$err]"
printf 'x' > "$T/keep.txt"
"$Z" convert -c s2t -o "$T/keep.txt" "$T/missing.txt" 2>/dev/null
check "a missing input does not truncate -o" "x" "$(cat "$T/keep.txt")"
"$Z" convert 2>/dev/null; rc=$?
[ $rc = 2 ] && ok "missing -c is a usage error" || bad "missing -c: rc=$rc"
"$Z" convert -c s2t --bogus 2>/dev/null; rc=$?
[ $rc = 2 ] && ok "unknown option is a usage error" || bad "unknown option: rc=$rc"

# HTML mode: text nodes converted, markup byte for byte.
check "--html" '<p title="發展">头发<!-- 發 --></p><script>發</script>&amp;发展' \
    "$(printf '<p title="發展">頭髮<!-- 發 --></p><script>發</script>&amp;發展' | "$Z" convert -c t2s --html)"

# Lists, help, version.
check "--list has 16 configs" 16 "$("$Z" convert --list | wc -l)"
"$Z" convert --list | grep -q "^s2twp " && ok "--list names" || bad "--list names"
"$Z" --help | grep -q "convert" && ok "--help" || bad "--help"
"$Z" convert --help | grep -q -- "--dict" && ok "convert --help" || bad "convert --help"
"$Z" --version | grep -q "^zhtext [0-9]" && ok "--version" || bad "--version"

# User dictionaries: precedence and a clear error with the line number.
printf '头发\tHAIR\n' > "$T/u.txt"
check "user dict" "HAIR發展" "$(printf '头发发展' | "$Z" convert -c s2t -d "$T/u.txt")"
printf 'good\tx\nbad line\n' > "$T/bad.txt"
err=$("$Z" convert -c s2t -d "$T/bad.txt" </dev/null 2>&1); rc=$?
[ $rc -ne 0 ] && echo "$err" | grep -q "bad.txt:2:" && ok "bad user dict" || bad "bad user dict: [$err]"

# Bytes: invalid UTF-8, NUL and CRLF pass through; output = input elsewhere.
printf 'a\377\000b\r\n\346\261' > "$T/bin"
"$Z" convert -c s2t "$T/bin" > "$T/bin.out"
cmp -s "$T/bin" "$T/bin.out" && ok "bytes pass through" || bad "bytes pass through"
: > "$T/empty"
check "empty input" "" "$("$Z" convert -c s2t "$T/empty")"

# A closed stdout ends the process quietly.
yes '汉字' | head -c 20000000 > "$T/big"
"$Z" convert -c s2t "$T/big" | head -c 10 > /dev/null; rc=$?
[ $rc = 0 ] && ok "closed pipe" || bad "closed pipe: rc=$rc"
# A full disk is an error, not silence.
if [ -w /dev/full ]; then
    "$Z" convert -c s2t "$T/a.txt" > /dev/full 2>"$T/full.err"; rc=$?
    [ $rc -ne 0 ] && grep -q "write error" "$T/full.err" && ok "full disk" || bad "full disk: rc=$rc"
fi

# One huge line without a newline converts in bounded memory.
case "$B" in *asan*) MB=16 ;; *) MB=100 ;; esac
if [ -x /usr/bin/time ]; then
    yes '汉字发展头发，' | tr -d '\n' | head -c $((MB * 1000000)) | \
        /usr/bin/time -f '%M' -o "$T/rss" "$Z" convert -c s2twp > "$T/line.out"
    rss=$(tail -n 1 "$T/rss")
    lines=$(wc -l < "$T/line.out"); size=$(wc -c < "$T/line.out")
    [ "$lines" = 0 ] && [ "$size" -ge $((MB * 1000000)) ] && ok "$MB MB line converted" \
        || bad "$MB MB line: lines=$lines size=$size"
    case "$B" in
        *asan*) ok "peak RSS ${rss} KB (not checked under sanitizers)" ;;
        *) [ "$rss" -lt 65536 ] && ok "$MB MB line: peak RSS ${rss} KB" || bad "peak RSS ${rss} KB" ;;
    esac
else
    echo "SKIP bounded-memory check: /usr/bin/time not installed"
fi

echo "cli_convert: $fails failed"
[ $fails = 0 ]
