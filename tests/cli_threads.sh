#!/bin/sh
# cli_threads.sh - the output never depends on -T, for every unit kind
# (convert: stream pieces; pinyin: lines; repair, detect: documents), in
# plain text and JSONL, with one file and with several.
# Usage: sh tests/cli_threads.sh BUILD_DIR
set -u
Z=$1/zhtext
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0

# Input: a slice of the shared corpus when it is there (real text, several
# batches long), else text made here.  Either way the property is the same.
C=../shared/data/corpus/zh_simp.txt
if [ -r "$C" ]; then
    head -c 1200000 "$C" | head -n -1 > "$T/a.txt"
else
    echo "note: ../shared absent, using generated text"
    i=0; while [ $i -lt 8000 ]; do
        echo "第${i}行：汉字转换与头发、后面的发展。皇后在里面看着钟表和干燥的面条。"
        i=$((i + 1)); done > "$T/a.txt"
fi
sed -n '1,2000p' "$T/a.txt" > "$T/b.txt"
/usr/bin/python3 - "$T/a.txt" "$T/a.jsonl" <<'PY' || { echo "FAIL no python"; exit 1; }
import json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as o:
    for i, l in enumerate(f):
        o.write(json.dumps({"id": i, "text": l.rstrip("\n"), "n": [i, {"k": "汉"}]},
                           ensure_ascii=(i % 3 == 0)) + "\n")
        if i % 997 == 0:
            o.write("not json " + str(i) + "\n")
PY

same() { # same NAME ARGS...: -T 1 against -T 2, 3 and 0
    name=$1; shift
    "$Z" "$@" -T 1 > "$T/t1" 2> "$T/e1"
    rc1=$?
    for t in 2 3 0; do
        "$Z" "$@" -T $t > "$T/tn" 2> "$T/en"
        rcn=$?
        if [ $rc1 != $rcn ] || ! cmp -s "$T/t1" "$T/tn" || ! cmp -s "$T/e1" "$T/en"; then
            echo "FAIL $name: -T $t differs from -T 1 (status $rcn vs $rc1)"
            fails=$((fails + 1))
            return
        fi
    done
    if [ ! -s "$T/t1" ]; then echo "FAIL $name: no output"; fails=$((fails + 1)); return; fi
    echo "ok $name ($(wc -c < "$T/t1") bytes)"
}

has() { "$Z" "$1" --help > /dev/null 2>&1; }

same "convert plain" convert -c s2t "$T/a.txt"
same "convert two files" convert -c s2twp "$T/a.txt" "$T/b.txt"
same "convert jsonl" convert -c s2t --jsonl "$T/a.jsonl"
# One thread and many agree with the whole-input conversion too.
"$Z" convert -c s2t -T 3 < "$T/a.txt" > "$T/x" && "$Z" convert -c s2t "$T/a.txt" > "$T/y" &&
    cmp -s "$T/x" "$T/y" && echo "ok convert stdin" || { echo "FAIL convert stdin"; fails=$((fails + 1)); }
if has pinyin; then
    same "pinyin plain" pinyin "$T/b.txt"
    same "pinyin jsonl" pinyin --jsonl "$T/a.jsonl"
fi
if has repair; then
    same "repair plain" repair "$T/a.txt" "$T/b.txt"
    same "repair jsonl" repair --jsonl --id id "$T/a.jsonl"
fi
if has detect; then
    same "detect plain" detect "$T/a.txt" "$T/b.txt"
    same "detect jsonl" detect --jsonl --id id "$T/a.jsonl"
fi

[ $fails = 0 ] && echo "cli_threads: all passed"
[ $fails = 0 ]
