#!/bin/sh
# Speaks the part of OpenCC's command-line interface that OpenCC's
# generate_st_phrases_from_regional_phrases.py uses
# (-c CONFIG --path DIR --include-tofu-risk-dictionaries), and runs zhtext,
# whose tables already include every dictionary.  $ZHTEXT names the binary.
config=
while [ $# -gt 0 ]; do
    case "$1" in
        -c) config=$2; shift 2 ;;
        --path) shift 2 ;;
        --include-tofu-risk-dictionaries) shift ;;
        *) echo "opencc_shim: unsupported option $1" >&2; exit 2 ;;
    esac
done
exec "${ZHTEXT:-zhtext}" convert -c "$config"
