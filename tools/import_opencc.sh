#!/bin/bash
# Import OpenCC's dictionaries and configurations into data/opencc/.
#
# Pinned to the npm package opencc@1.4.2.  The package is fetched with
# `npm pack` (no install scripts run), its data/dictionary/*.txt and
# data/config/*.json are copied, and the five dictionaries OpenCC derives at
# build time are produced the way OpenCC's own build does it, by running the
# package's own data/scripts (we run them, we do not copy them):
#
#   TWVariantsRev, HKVariantsRev, JPShinjitaiCharactersRev   scripts/reverse.py
#   TSCharactersExt                                          scripts/extract_tofu_risk.py
#   STPhrases_GeneratedFromRegionalPhrases                   scripts/generate_st_phrases_from_regional_phrases.py
#
# The last one converts the keys of HKPhrases/TWPhrases with t2s; OpenCC's
# build runs its own command-line tool for that, we run zhtext (t2s does not
# depend on the generated file, so a bootstrap build is enough).
#
# Usage: tools/import_opencc.sh [--check]
#   --check  re-import into a temporary folder and compare with data/opencc
#            (and with ../shared/data/opencc/generated-1.4.2 when present).
set -eu

VERSION=1.4.2
# sha512 integrity of opencc-1.4.2.tgz as published on the npm registry.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CHECK=0
[ "${1:-}" = "--check" ] && CHECK=1

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT INT TERM

cd "$WORK"
npm pack --silent "opencc@$VERSION" >/dev/null
TGZ="opencc-$VERSION.tgz"
SUM=$(sha256sum "$TGZ" | cut -d' ' -f1)
tar xzf "$TGZ"
PKG="$WORK/package"

if [ $CHECK = 1 ]; then OUT="$WORK/out"; else OUT="$ROOT/data/opencc"; fi
mkdir -p "$OUT/dict"
rm -f "$OUT"/dict/*.txt

# 1. Source dictionaries, as published.
for f in "$PKG"/data/dictionary/*.txt; do
    cp "$f" "$OUT/dict/"
done
cp "$PKG/LICENSE" "$OUT/LICENSE"

# 2. Derived dictionaries, by the package's own scripts.
S="$PKG/data/scripts"
for d in TWVariants HKVariants JPShinjitaiCharacters; do
    python3 "$S/reverse.py" "$OUT/dict/$d.txt" "$OUT/dict/${d}Rev.txt"
done
python3 "$S/extract_tofu_risk.py" "$OUT/dict/TSCharacters.txt" "$OUT/dict/TSCharactersExt.txt"

# 3. Configurations, reduced to one line each for the dictionary compiler.
python3 "$ROOT/tools/opencc_configs.py" "$PKG/data/config" > "$OUT/configs.tsv"

# 4. STPhrases_GeneratedFromRegionalPhrases needs a t2s converter: build a
#    bootstrap zhtext from what we have so far (a missing generated file is
#    compiled as empty), then let OpenCC's script drive it through a shim that
#    speaks OpenCC's command-line options.
GEN="$OUT/dict/STPhrases_GeneratedFromRegionalPhrases.txt"
BOOT="$WORK/boot"
rm -f "$GEN"
make -s -C "$ROOT" BUILD="$BOOT" OPENCC_DATA="$OUT" "$BOOT/zhtext" >/dev/null
ZHTEXT="$BOOT/zhtext" python3 "$S/generate_st_phrases_from_regional_phrases.py" \
    --input "$OUT/dict/HKPhrases.txt" --input "$OUT/dict/TWPhrases.txt" \
    --output "$GEN" --opencc "$ROOT/tools/opencc_shim.sh" \
    --config "$PKG/data/config/t2s.json" --dict-dir "$OUT/dict"

# 5. Provenance.
cat > "$OUT/SOURCES.md" <<EOF
# OpenCC dictionaries

- Source: npm package \`opencc@$VERSION\` (tarball sha256 \`$SUM\`),
  \`data/dictionary/*.txt\` and \`data/config/*.json\`.
- Licence: Apache-2.0, see \`LICENSE\` beside this file (copied from the package).
- Imported by \`tools/import_opencc.sh\`; re-run it to reproduce every file here.
- \`dict/*.txt\` are the package's text dictionaries, unchanged, plus the five it
  derives at build time (TWVariantsRev, HKVariantsRev, JPShinjitaiCharactersRev,
  TSCharactersExt, STPhrases_GeneratedFromRegionalPhrases), made by the package's
  own \`data/scripts\`.
- \`configs.tsv\` is \`data/config/*.json\` reduced to one line per configuration
  (see \`tools/opencc_configs.py\` for the notation).
EOF

if [ $CHECK = 1 ]; then
    status=0
    for f in "$OUT"/dict/*.txt "$OUT/configs.tsv"; do
        rel=${f#"$OUT"/}
        if ! cmp -s "$f" "$ROOT/data/opencc/$rel"; then
            echo "differs: data/opencc/$rel"; status=1
        fi
    done
    SHARED="$ROOT/../shared/data/opencc/generated-1.4.2"
    if [ -d "$SHARED" ]; then
        for f in "$SHARED"/*.txt; do
            b=$(basename "$f")
            # The shared dumps come from compiled dictionaries, so compare the
            # entries, not the order or the header comments.
            if ! diff <(grep -v '^#' "$f" | grep . | sort) \
                      <(grep -v '^#' "$OUT/dict/$b" | grep . | sort) >/dev/null 2>&1; then
                echo "differs from ../shared generated-1.4.2: $b"; status=1
            else
                echo "matches ../shared generated-1.4.2: $b"
            fi
        done
    else
        echo "skip: ../shared/data/opencc/generated-1.4.2 not found"
    fi
    [ $status = 0 ] && echo "import check: OK"
    exit $status
fi
echo "imported opencc@$VERSION into data/opencc"
