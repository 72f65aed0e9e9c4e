#!/bin/sh
# cli_jsonl.sh - JSONL mode of the driver, through `zhtext convert`.
# Usage: sh tests/cli_jsonl.sh BUILD_DIR
set -u
Z=$1/zhtext
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
check() { # check NAME: compares $T/got with $T/want
    if cmp -s "$T/got" "$T/want"; then echo "ok $1"; else
        echo "FAIL $1"; fails=$((fails + 1))
        od -c "$T/got" | head -5; echo "want:"; od -c "$T/want" | head -5
    fi
}
expect_rc() { # expect_rc NAME WANT GOT
    if [ "$2" = "$3" ]; then echo "ok $1"; else
        echo "FAIL $1: exit status $3, want $2"; fails=$((fails + 1)); fi
}

# Only the field changes; every other byte (spacing, key order, escapes in
# other fields, numbers) stays, and so does a line whose text is unchanged.
printf '%s\n' \
  '{"id": 1, "text":"汉字转换", "x":[1.50, {"text":"汉"}], "u":"\u6c49"}' \
  '{"text":"\u6c49\u5b57\n\"q\"\t\\ \ud800 end","id":"a"}' \
  '  {"meta":{"t":"头发"},"text":"abc \u00e9"}  ' \
  '{"text":""}' > "$T/in"
printf '%s\n' \
  '{"id": 1, "text":"漢字轉換", "x":[1.50, {"text":"汉"}], "u":"\u6c49"}' \
  '{"text":"漢字\n\"q\"\t\\ \ud800 end","id":"a"}' \
  '  {"meta":{"t":"头发"},"text":"abc \u00e9"}  ' \
  '{"text":""}' > "$T/want"
"$Z" convert -c s2t --jsonl "$T/in" > "$T/got" 2> "$T/err"
expect_rc "valid lines: status" 0 $?
check "valid lines: only the field changes"
[ -s "$T/err" ] && { echo "FAIL unexpected messages:"; cat "$T/err"; fails=$((fails + 1)); }

# A nested field.
printf '%s\n' '{"meta":{"t":"头发"},"text":"后"}' > "$T/in"
printf '%s\n' '{"meta":{"t":"頭髮"},"text":"后"}' > "$T/want"
"$Z" convert -c s2t --jsonl --field meta.t "$T/in" > "$T/got"
check "nested --field"

# Bad lines of every kind pass through unchanged, each with a message that
# names its line, and a count at the end; exit 0, or 1 with --strict.
{
    printf '%s\n' '{"text":"汉"}' 'not json' '{"text":5}' '{"other":"汉"}' \
        '' '[1,2]' '{"text":"汉"' '{"text":"\x"}' '{"text":"\u12"}' \
        '{"text":"汉"} trailing' '{"a":tru}'
    i=0; while [ $i -lt 3000 ]; do printf '['; i=$((i + 1)); done; echo
    printf '{"text":"汉"}'          # the last line has no newline
} > "$T/in"
{
    printf '%s\n' '{"text":"漢"}' 'not json' '{"text":5}' '{"other":"汉"}' \
        '' '[1,2]' '{"text":"汉"' '{"text":"\x"}' '{"text":"\u12"}' \
        '{"text":"汉"} trailing' '{"a":tru}'
    i=0; while [ $i -lt 3000 ]; do printf '['; i=$((i + 1)); done; echo
    printf '{"text":"漢"}'
} > "$T/want"
"$Z" convert -c s2t --jsonl "$T/in" > "$T/got" 2> "$T/err"
expect_rc "bad lines: status" 0 $?
check "bad lines pass through, nothing dropped"
for n in 2 3 4 5 6 7 8 9 10 11 12; do
    grep -q ":$n: " "$T/err" || { echo "FAIL no message for line $n"; fails=$((fails + 1)); }
done
grep -q "11 of 13 lines" "$T/err" || { echo "FAIL no count"; cat "$T/err"; fails=$((fails + 1)); }
"$Z" convert -c s2t --jsonl --strict "$T/in" > "$T/got" 2>/dev/null
expect_rc "--strict with bad lines" 1 $?
check "--strict still passes everything through"
printf '{"text":"汉"}\n' | "$Z" convert -c s2t --jsonl --strict > /dev/null
expect_rc "--strict without bad lines" 0 $?

# Empty input gives empty output.
: > "$T/want"
"$Z" convert -c s2t --jsonl < /dev/null > "$T/got"
expect_rc "empty input: status" 0 $?
check "empty input"

# A line longer than the driver holds (16 MiB) passes through unchanged.
{ printf '{"text":"'; head -c 17000000 /dev/zero | tr '\0' 'a'; printf '"}\n{"text":"汉"}\n'; } > "$T/in"
{ printf '{"text":"'; head -c 17000000 /dev/zero | tr '\0' 'a'; printf '"}\n{"text":"漢"}\n'; } > "$T/want"
"$Z" convert -c s2t --jsonl "$T/in" > "$T/got" 2> "$T/err"
expect_rc "huge line: status" 0 $?
check "huge line passes through"
grep -q ":1: line longer" "$T/err" || { echo "FAIL huge line message"; cat "$T/err"; fails=$((fails + 1)); }
rm -f "$T/in" "$T/want" "$T/got"

# A closed standard output ends the run quietly; a full disk is an error.
{ i=0; while [ $i -lt 20000 ]; do echo '{"text":"汉字汉字汉字汉字汉字汉字"}'; i=$((i + 1)); done; } > "$T/in"
"$Z" convert -c s2t --jsonl "$T/in" 2> "$T/err" | head -c 10 > /dev/null
[ -s "$T/err" ] && { echo "FAIL closed stdout printed:"; cat "$T/err"; fails=$((fails + 1)); }
echo "ok closed stdout is quiet"
if [ -w /dev/full ]; then
    "$Z" convert -c s2t --jsonl -T 2 "$T/in" > /dev/full 2> "$T/err"
    rc=$?
    [ $rc -ne 0 ] && grep -q "write error" "$T/err" && echo "ok full disk" || {
        echo "FAIL full disk: status $rc"; cat "$T/err"; fails=$((fails + 1)); }
fi

# Progress goes to stderr only when asked for (stderr is not a terminal
# here), with the byte and line counts; the output is the same either way.
printf '{"text":"汉"}\n{"text":"字"}\n' > "$T/in"
"$Z" convert -c s2t --jsonl --progress "$T/in" > "$T/got" 2> "$T/err"
grep -q "30 B / 30 B (100%)  2 lines" "$T/err" && echo "ok --progress" || {
    echo "FAIL --progress:"; cat "$T/err"; fails=$((fails + 1)); }
"$Z" convert -c s2t --jsonl "$T/in" > "$T/want" 2> "$T/err"
[ -s "$T/err" ] && { echo "FAIL progress without a terminal"; fails=$((fails + 1)); }
check "--progress leaves the output alone"
"$Z" convert -c s2t --jsonl --progress --no-progress "$T/in" 2> "$T/err" > /dev/null
[ -s "$T/err" ] && { echo "FAIL --no-progress"; fails=$((fails + 1)); }

# --id only makes sense with --jsonl; a bad --field is a usage error.
"$Z" convert -c s2t --id id < /dev/null > /dev/null 2>&1
expect_rc "--id without --jsonl" 2 $?
"$Z" convert -c s2t --jsonl --field 'a..b' < /dev/null > /dev/null 2>&1
expect_rc "bad --field" 2 $?

[ $fails = 0 ] && echo "cli_jsonl: all passed"
[ $fails = 0 ]
