#!/usr/bin/env bash
# Build the Qt 6 input-context plugin for fcitx that the Linux package ships
# (统信UOS / 麒麟 type Chinese through fcitx):
#   bash installer/linux/build_fcitx_plugin.sh  -> build/fcitx-qt6/libfcitxplatforminputcontextplugin-qt6.so
# Source: Debian bookworm's fcitx-qt5 1.2.7 source package (its qt6/ plugin speaks
# fcitx4's D-Bus protocol; fcitx5 serves that protocol too, with its fcitx4frontend
# addon, so one plugin covers both), patched by installer/linux/fcitx-qt6/ogi-report.patch.
# Why this plugin and why the patch: README, developer notes, "Chinese input on Linux".
# Needs Debian's Qt 6.4 development headers (installed here when root or sudo -n
# works); skipped when the output already matches this script and the patch.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/installer/linux"
out="$root/build/fcitx-qt6"
plugin="$out/libfcitxplatforminputcontextplugin-qt6.so"
orig_sha256=951fcf8f1db23ed22ad91094eb4c6c906f92005a3643b52f666bd8a331163147  # fcitx-qt5_1.2.7.orig.tar.xz
stamp="$(cat "$here/build_fcitx_plugin.sh" "$here/fcitx-qt6/ogi-report.patch" | sha256sum | cut -c1-16)"
if [ -f "$plugin" ] && [ "$(cat "$out/.stamp" 2>/dev/null)" = "$stamp" ]; then
    echo "fcitx plugin: up to date ($plugin)"
    exit 0
fi

deps=(qt6-base-dev qt6-base-private-dev extra-cmake-modules cmake g++ make libxkbcommon-dev patch xz-utils curl)
missing=()
for p in "${deps[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if sudo -n true 2>/dev/null; then sudo="sudo -n"; else
            echo "fcitx plugin: missing build packages: ${missing[*]} (install them as administrator)" >&2
            exit 1
        fi
    fi
    echo "fcitx plugin: installing ${missing[*]}"
    $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
        --no-install-recommends "${missing[@]}" >/dev/null
fi

rm -rf "$out" && mkdir -p "$out/apt/lists/partial" "$out/apt/cache/archives/partial" "$out/src"
# The upstream tarball of the source package: apt names it (from the signed
# Sources index, with a private deb-src list so the machine's apt setup stays as
# it is) and the pinned SHA-256 checks it.  Only the .orig tarball is needed
# (Debian's packaging changes nothing in the Qt 6 plugin).
mirror="$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n1)"
echo "deb-src ${mirror:-http://deb.debian.org/debian} bookworm main" > "$out/apt/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$out/apt/sources.list" -o Dir::Etc::SourceParts=/nonexistent
          -o "Dir::State::Lists=$out/apt/lists" -o "Dir::Cache=$out/apt/cache")
apt-get "${apt_opts[@]}" update -qq
url="$(apt-get "${apt_opts[@]}" source --print-uris -qq fcitx-qt5=1.2.7-2 | grep -o "'[^']*\.orig\.tar\.xz'" | tr -d "'")"
curl -fsS -o "$out/src/fcitx-qt5_1.2.7.orig.tar.xz" "$url"
echo "$orig_sha256  $out/src/fcitx-qt5_1.2.7.orig.tar.xz" | sha256sum -c --quiet
tar -C "$out/src" -xJf "$out/src/fcitx-qt5_1.2.7.orig.tar.xz"
(cd "$out/src/fcitx-qt5-1.2.7" && patch -s -p1 < "$here/fcitx-qt6/ogi-report.patch")

# Qt 6 plugin only (no Qt 5 plugin, no fcitx4 client library).  BIND_NOW: a Qt
# symbol the bundled Qt lacks fails the load check at build time, not a key press.
cmake -S "$out/src/fcitx-qt5-1.2.7" -B "$out/cmake" -DCMAKE_BUILD_TYPE=Release \
    -DENABLE_QT5=Off -DENABLE_QT6=On -DENABLE_LIBRARY=Off -Wno-dev \
    -DCMAKE_MODULE_LINKER_FLAGS="-Wl,-z,now -Wl,-z,relro -s" >"$out/cmake.log"
nice -n 10 make -C "$out/cmake" -j2 >"$out/make.log" 2>&1 || { tail -30 "$out/make.log" >&2; exit 1; }
cp "$out/cmake/qt6/platforminputcontext/libfcitxplatforminputcontextplugin-qt6.so" "$plugin"
cp "$out/src/fcitx-qt5-1.2.7/COPYING.BSD" "$out/COPYING.BSD"
echo "$stamp" > "$out/.stamp"
echo "fcitx plugin: built $plugin ($(( $(stat -c %s "$plugin") / 1024 )) KB)"
