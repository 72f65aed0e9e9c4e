#!/bin/sh
# man.sh - doc/zhtext.1 and the --help texts name the same commands and
# options: every option in a command's --help is in the man page, and every
# option in the man page is in some --help.
# Usage: sh tests/man.sh BUILD_DIR
Z=$1/zhtext
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
# The man page as plain words ('\-' is a hyphen in troff).
sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' doc/zhtext.1 > "$T/man"
opts() { grep -oE '(^|[ ,[|(])--?[a-zA-Z][a-zA-Z-]*' | sed 's/^[ ,[|(]//' | sort -u; }
cmds=$("$Z" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 && /^  [a-z]/ {print $1}')
[ -n "$cmds" ] || { echo "FAIL no commands in zhtext --help"; exit 1; }
"$Z" --help | opts > "$T/help"
for c in $cmds; do
    grep -q "^\.SS \"zhtext $c[ \"]" "$T/man" || {
        echo "FAIL command $c is not in the man page"; fails=$((fails + 1)); }
    "$Z" "$c" --help > "$T/h-$c" || { echo "FAIL $c --help"; fails=$((fails + 1)); }
    opts < "$T/h-$c" >> "$T/help"
    for o in $(opts < "$T/h-$c"); do
        grep -q -- "$o" "$T/man" || {
            echo "FAIL $c: $o is in --help but not in the man page"; fails=$((fails + 1)); }
    done
done
sort -u -o "$T/help" "$T/help"
for o in $(grep -v '^\.\\"' "$T/man" | opts); do
    grep -qx -- "$o" "$T/help" || {
        echo "FAIL $o is in the man page but in no --help"; fails=$((fails + 1)); }
done
[ $fails = 0 ] && echo "man: $(echo $cmds | wc -w) commands and $(wc -l < "$T/help") options agree"
[ $fails = 0 ]
