#!/bin/sh
# python.sh - the Python binding's unittest suite, against this build.
# mk/scale.mk builds the extension into BUILD/python/zhtext before the tests
# (with Debian's /usr/bin/python3 and its headers, python3-dev).
# Usage: sh tests/python.sh BUILD_DIR
B=$1
PY=/usr/bin/python3
[ -x $PY ] || PY=python3
ext=$(ls "$B"/python/zhtext/_zhtext*.so 2>/dev/null | head -n 1)
if [ -z "$ext" ]; then
    echo "SKIP python: no extension in $B/python (python3-dev missing?)"
    exit 77
fi
# A sanitized extension needs the sanitizer runtime loaded first.
if nm -D "$ext" 2>/dev/null | grep -q __asan_init; then
    LD_PRELOAD=$(${CC:-cc} -print-file-name=libasan.so)
    export LD_PRELOAD ASAN_OPTIONS=detect_leaks=0
fi
PYTHONPATH="$B/python" ZHTEXT_CLI="$B/zhtext" $PY -m unittest discover -s tests/python -v
