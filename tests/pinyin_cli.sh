#!/bin/sh
# pinyin_cli.sh - `zhtext pinyin` and `zhtext annotate` as a user meets them.
# Usage: sh tests/pinyin_cli.sh BUILD_DIR
set -u
B=${1:-build}
Z="$B/zhtext"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
ok() { echo "ok - $1"; }
bad() { echo "FAIL - $1"; fails=$((fails + 1)); }
check() { # name expected actual
    if [ "$2" = "$3" ]; then ok "$1"; else bad "$1: expected [$2] got [$3]"; fi
}

check "pinyin default style" "yín háng háng zhǎng" "$(printf '银行行长' | "$Z" pinyin)"
check "pinyin -s num" "zhong1 guo2" "$(printf '中国' | "$Z" pinyin -s num)"
check "pypinyin alias" "zhong1 guo2" "$(printf '中国' | "$Z" pinyin --style=TONE3)"
check "zhuyin" "ㄓㄨㄥ ㄍㄨㄛˊ" "$(printf '中国' | "$Z" pinyin -s zhuyin)"
check "--sep" "zhong1-guo2" "$(printf '中国' | "$Z" pinyin -s num --sep -)"
check "--heteronym" "zhong1/zhong4" "$(printf '中' | "$Z" pinyin -s num --heteronym)"
check "--sandhi" "yi2 ge4" "$(printf '一个' | "$Z" pinyin -s num --sandhi)"
check "--spoken" "ni2 hao3" "$(printf '你好' | "$Z" pinyin -s num --spoken)"
check "--omit-neutral" "de" "$(printf '的' | "$Z" pinyin -s num --omit-neutral)"
check "Traditional" "$(printf '银行行长' | "$Z" pinyin)" "$(printf '銀行行長' | "$Z" pinyin)"

# The evaluation contract: every Han character followed by (reading), every
# other byte kept; one output line per input line.
printf '中文 text, 123。\n\n長城\xff\n' > "$T/in.txt"
"$Z" annotate --format inline -s num --which all "$T/in.txt" > "$T/out.txt"
check "inline annotation" "中(zhong1)文(wen2) text, 123。" "$(sed -n 1p "$T/out.txt")"
check "lines kept" "3" "$(wc -l < "$T/out.txt" | tr -d ' ')"
sed 's/(\([a-z]*[1-5]\))//g' "$T/out.txt" > "$T/back.txt"
cmp -s "$T/in.txt" "$T/back.txt" && ok "removing annotations gives the input back" \
    || bad "annotations removed differ from the input"
check "ruby" "<ruby>字<rp>(</rp><rt>zì</rt><rp>)</rp></ruby>" "$(printf '字' | "$Z" annotate --format ruby)"
check "polyphonic only" "银行(háng)我" "$(printf '银行我' | "$Z" annotate --which polyphonic)"
check "--chars" "长(zhǎng)大" "$(printf '长大' | "$Z" annotate --chars 長)"
check "--html" '<p title="中">中(zhōng)</p><!--中-->' \
    "$(printf '<p title="中">中</p><!--中-->' | "$Z" annotate --html)"

printf '<script>\nvar a = "中";\n</script>\n<p>中</p>\n' > "$T/page.html"
check "--html: elements spanning lines" "$(printf '<script>\nvar a = "中";\n</script>\n<p>中(zhōng)</p>')" \
    "$("$Z" annotate --html "$T/page.html")"

# User dictionary.
printf '重庆\tzhong4 qing4\n' > "$T/user.txt"
check "-d user dictionary" "zhong4 qing4" "$(printf '重庆' | "$Z" pinyin -s num -d "$T/user.txt")"
printf '重庆\tzhong4\n' > "$T/bad.txt"
err=$("$Z" pinyin -d "$T/bad.txt" < /dev/null 2>&1 >/dev/null); rc=$?
[ $rc -ne 0 ] && [ -n "$err" ] && ok "bad user dictionary: one error" || bad "bad dict: rc=$rc [$err]"
"$Z" pinyin -s bogus < /dev/null 2>/dev/null; rc=$?
[ $rc = 2 ] && ok "unknown style is a usage error" || bad "unknown style: rc=$rc"
"$Z" annotate --format bogus < /dev/null 2>/dev/null; rc=$?
[ $rc = 2 ] && ok "unknown format is a usage error" || bad "unknown format: rc=$rc"

[ $fails = 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "all pinyin CLI checks passed"
