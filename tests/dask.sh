#!/bin/sh
# dask.sh - zhtext.dask on a distributed.LocalCluster (127.0.0.1, two worker
# processes) gives, shard for shard, exactly what the CLI gives.
# Needs Debian's python3-distributed (and the extension, see python.sh).
# Usage: sh tests/dask.sh BUILD_DIR
B=$1
PY=/usr/bin/python3
ext=$(ls "$B"/python/zhtext/_zhtext*.so 2>/dev/null | head -n 1)
if [ -z "$ext" ]; then
    echo "SKIP dask: no extension in $B/python (python3-dev missing?)"; exit 77
fi
if ! $PY -c "import distributed" 2>/dev/null; then
    echo "SKIP dask: python3-distributed is not installed"; exit 77
fi
if nm -D "$ext" 2>/dev/null | grep -q __asan_init; then
    # Worker processes under a preloaded sanitizer runtime are slow and
    # noisy; the same code runs under the sanitizers in python.sh.
    echo "SKIP dask: runs in the plain build only, not under the sanitizers"; exit 77
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# Worker processes are spawned, so the check is a file, not stdin; a cluster
# that cannot start must fail the test, not hang it.
PYTHONPATH="$B/python" ZHTEXT_CLI="$B/zhtext" exec timeout 300 $PY tests/python/dask_check.py "$T"
