#!/bin/sh
# make demo: the whole job on the bundled samples, as a corpus builder or a
# site would run it.  Usage: sh examples/demo.sh path/to/zhtext
Z=${1:-build/zhtext}
D=$(dirname "$0")
rule() { printf '\n== %s\n' "$1"; }

rule "repair: a page served in Traditional with injected pinyin and lost characters (examples/damaged-sample.txt)"
cat "$D/damaged-sample.txt"
rule "zhtext repair --boilerplate mark --report /dev/stderr examples/damaged-sample.txt"
"$Z" repair --boilerplate mark --report /dev/stderr "$D/damaged-sample.txt"
rule "zhtext detect (injection score, for corpus filters)"
"$Z" detect "$D/damaged-sample.txt"

rule "convert: Simplified -> Traditional (Taiwan, with phrases), OpenCC's answers"
"$Z" convert -c s2twp "$D/sample-simplified.txt"

rule "pinyin: the right reading of polyphonic characters in context"
"$Z" pinyin -s tone "$D/sample-simplified.txt"

rule "annotate: HTML ruby for a Traditional page (markup untouched)"
"$Z" annotate --format ruby --html "$D/sample.html"

rule "JSONL with 2 threads: convert the 'text' field, everything else byte for byte"
printf '%s\n' '{"id":1,"text":"软件和鼠标","meta":{"lang":"zh"}}' \
    '{"id":2,"text":"头发发展","meta":{"lang":"zh"}}' \
    'not json at all' | "$Z" convert -c s2twp --jsonl -T 2
