#!/bin/sh
# Run the unit and script tests; print one summary line that CI can read.
# Usage: tests/run.sh BUILD_DIR "TESTS" "SCRIPT_TESTS"
BUILD=$1
pass=0 fail=0 skip=0
failed=
for t in $2; do
    if "$BUILD/tests/$t" > "$BUILD/tests/$t.log" 2>&1; then
        pass=$((pass + 1)); echo "PASS $t"
    else
        fail=$((fail + 1)); failed="$failed $t"; echo "FAIL $t"
        tail -n 30 "$BUILD/tests/$t.log"
    fi
done
for s in $3; do
    name=$(basename "$s" .sh)
    mkdir -p "$BUILD/tests"
    sh "$s" "$BUILD" > "$BUILD/tests/$name.log" 2>&1
    rc=$?
    if [ $rc = 0 ]; then
        pass=$((pass + 1)); echo "PASS $name"
    elif [ $rc = 77 ]; then
        skip=$((skip + 1)); echo "SKIP $name: $(tail -n 1 "$BUILD/tests/$name.log")"
    else
        fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name"
        tail -n 30 "$BUILD/tests/$name.log"
    fi
done
# Skips inside the programs (no ../shared) are reported in their logs.
grep -h "^SKIP" "$BUILD"/tests/*.log 2>/dev/null | sort -u
echo "($BUILD)"
echo "tests: $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
