#!/bin/sh
# Make sure the Debian packages that `make test` needs are installed.
# As root it installs what is missing (apt-get); otherwise it prints the
# command to run and fails.  Used by `make test` and .ci/run.
PKGS="build-essential clang libclang-rt-14-dev libcmocka-dev libjansson-dev \
python3 python3-dev python3-distributed pkg-config"
missing=
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "zhtext tests need:$missing"
    echo "run: sudo apt-get install$missing"
    exit 1
fi
echo "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || true
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
