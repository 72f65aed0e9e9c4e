#!/bin/sh
# install.sh - `make install PREFIX=...` puts a usable library in place: a
# program built with `pkg-config --cflags --libs zhtext` runs, against the
# shared library (found by its SONAME) and statically.
# Usage: sh tests/install.sh BUILD_DIR
set -u
B=${1:-build}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
command -v pkg-config >/dev/null || { echo "SKIP install: pkg-config not installed"; exit 77; }
# The sanitizer build's objects need its flags; installing is checked once,
# in the plain build.
case "$B" in *asan*) echo "SKIP install: checked in the plain build"; exit 77 ;; esac
make -s BUILD="$B" install PREFIX="$T/usr" >/dev/null || { echo "FAIL: make install"; exit 1; }
for f in bin/zhtext include/zhtext.h lib/libzhtext.a lib/libzhtext.so lib/pkgconfig/zhtext.pc; do
    [ -e "$T/usr/$f" ] || { echo "FAIL: $f not installed"; exit 1; }
done
cat > "$T/t.c" <<'C'
#include <stdio.h>
#include <zhtext.h>
int main(void)
{
    zt_converter *c;
    char *o;
    size_t n;
    if (zt_converter_new("t2s", NULL, 0, &c) != ZT_OK)
        return 1;
    if (zt_convert_alloc(c, "\xE9\xAB\xAE", 3, &o, &n) != ZT_OK)
        return 1;
    printf("%s %s\n", o, zt_version());
    zt_free(o);
    zt_converter_free(c);
    return 0;
}
C
export PKG_CONFIG_PATH="$T/usr/lib/pkgconfig"
cc -o "$T/t" "$T/t.c" $(pkg-config --cflags --libs zhtext) -Wl,-rpath,"$T/usr/lib" || { echo "FAIL: build against the shared library"; exit 1; }
out=$("$T/t") || { echo "FAIL: run"; exit 1; }
[ "$out" = "发 $("$T/usr/bin/zhtext" --version | cut -d' ' -f2)" ] || { echo "FAIL: got [$out]"; exit 1; }
readelf -d "$T/usr/lib/libzhtext.so" | grep -q "SONAME.*libzhtext.so.0" || { echo "FAIL: SONAME"; exit 1; }
echo "ok: installed, built with pkg-config, ran: $out"
