#!/usr/bin/env bash
# Test the .deb on Debian 11 bullseye (glibc 2.31, the 麒麟 V10 level; Debian 10 is no
# longer served by the registry): a clean minbase root gets the .deb through apt, which
# brings exactly the packages its Depends names and nothing a desktop might add.  Then
# every ELF file of the installed bundle must find its libraries and symbol versions
# (ldd), and the packaged self-test and a window start (offscreen) must succeed there.
#   bash installer/linux/test_in_bullseye.sh dist/ogi-report_<v>_amd64.deb   (as root)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source installer/linux/bullseye.sh
deb="$1"
testroot=build/bullseye-test
t0=$SECONDS
root_remove "$testroot"
root_make "$testroot"
cp "$deb" "$testroot/tmp/ogi-report.deb"
root_run "$testroot" apt-get update -qq
root_run "$testroot" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    /tmp/ogi-report.deb > build/bullseye-test.apt.log 2>&1 || { tail -20 build/bullseye-test.apt.log >&2; exit 1; }
echo "== bullseye: apt installed $(grep -c '^Setting up' build/bullseye-test.apt.log) packages for the .deb"

echo "== bullseye: libraries of every ELF file resolve (ldd)"
# the bootloader puts _internal on LD_LIBRARY_PATH; ldd of each file does the same
cat > "$testroot/tmp/ldd_all.sh" <<'LDD'
cd /opt/ogi-report
find . -type f \( -name '*.so*' -o -name OGIReport \) | sort | while read -r f; do
    LD_LIBRARY_PATH=/opt/ogi-report/_internal ldd "$f" 2>&1 | grep 'not found' | sed "s|^|$f: |" || true
done
LDD
missing="$(root_run "$testroot" sh /tmp/ldd_all.sh)"
if [ -n "$missing" ]; then
    echo "$missing" >&2
    echo "bullseye: libraries or symbol versions missing (see above)" >&2
    exit 1
fi

echo "== bullseye: self-test"
root_run "$testroot" env QT_QPA_PLATFORM=offscreen /opt/ogi-report/OGIReport --self-test /tmp/selftest
echo "== bullseye: window start (offscreen)"
root_run "$testroot" env OGI_REPORT_HOME=/tmp/ogi-home OGI_REPORT_QUIT_AFTER_SHOW=1 QT_QPA_PLATFORM=offscreen \
    /usr/bin/ogi-report --sample
echo "bullseye test: $((SECONDS - t0)) s"
