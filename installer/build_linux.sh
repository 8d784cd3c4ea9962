#!/usr/bin/env bash
# Build the Linux (统信UOS / 麒麟, x86_64) package: a PyInstaller onedir folder that runs
# on glibc 2.28 (统信UOS 20) and later, packed as .tar.xz (per-user install script,
# .desktop file, icon) and .deb.  Needs root (debootstrap, chroot).
#   bash installer/build_linux.sh        -> dist/OGIReport-<version>-linux-x86_64.tar.xz and .deb
# Steps: a Debian 11 bullseye root (build/bullseye-build) with a CPython 3.11 compiled
# there for glibc 2.28 (installer/linux/build_python.sh); wheels downloaded on the host for
# manylinux_2_28 (PySide6 pinned by installer/linux/requirements.py); PyInstaller runs
# inside the root; installer/check_glibc.py fails the build on any GLIBC_ > 2.28 or
# GLIBCXX_ > 3.4.25; packed; the packaged self-test and a window start run on the host, then
# in a clean bullseye root that gets the .deb through apt (installer/linux/test_in_bullseye.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source installer/linux/bullseye.sh
source installer/linux/build_python.sh
version="$(python3 installer/metadata.py)"
t0=$SECONDS

# 1. build root and Python runtime (both kept in build/ between runs)
buildroot=build/bullseye-build
# compilers for CPython, and the libraries the bundle expects from the system: PyInstaller's
# Qt hooks import PySide6 and follow each library's dependencies (the spec leaves those out)
root_make "$buildroot" build-essential libffi-dev zlib1g-dev libbz2-dev liblzma-dev \
    $(python3 installer/linux/deb_depends.py --packages)
python_build "$buildroot"
echo "build root and CPython: $((SECONDS - t0)) s"

# 2. wheels for manylinux_2_28, downloaded on the host (the runtime has no ssl module)
python3 installer/linux/requirements.py > build/linux-requirements.txt
platforms=(--platform manylinux2014_x86_64)
for m in $(seq 17 28); do platforms+=(--platform "manylinux_2_${m}_x86_64"); done
python3 -m pip download -q --disable-pip-version-check --only-binary=:all: "${platforms[@]}" \
    --python-version 3.11 --implementation cp -d build/linux-wheels -r build/linux-requirements.txt
venv=/opt/ogi-venv
stamp="$(cat build/linux-requirements.txt; ls build/linux-wheels)"
if [ "$(cat "$buildroot$venv/.stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$buildroot$venv" "$buildroot/tmp/wheels"
    cp -r build/linux-wheels "$buildroot/tmp/wheels"
    cp build/linux-requirements.txt "$buildroot/tmp/wheels/requirements.txt"
    root_run "$buildroot" $PYTHON_PREFIX/bin/python3.11 -m venv $venv
    root_run "$buildroot" $venv/bin/pip install -q --disable-pip-version-check --no-index \
        --find-links /tmp/wheels -r /tmp/wheels/requirements.txt
    echo "$stamp" > "$buildroot$venv/.stamp"
fi

# 3. fcitx input-context plugin for the bundled Qt (Chinese input on 统信UOS/麒麟), on the host
bash installer/linux/build_fcitx_plugin.sh

# 4. PyInstaller inside the build root, on a copy of the sources (and of the plugin)
rm -rf "$buildroot/src" build/linux dist/linux
mkdir -p "$buildroot/src" dist/linux
tar -c --exclude=__pycache__ core gui installer resources pyproject.toml build/fcitx-qt6/*.so build/fcitx-qt6/COPYING.BSD \
    | tar -x -C "$buildroot/src"
t1=$SECONDS
# (its "Library not found" warnings name dependencies of Qt plugins that the spec leaves out)
root_run "$buildroot" sh -c "cd /src && nice -n 10 $venv/bin/pyinstaller --noconfirm --log-level WARN \
    --distpath /src/dist --workpath /tmp/pyinstaller installer/ogi_report.spec" 2>&1 \
    | grep -v "WARNING: Library not found: could not resolve '[^']*', dependency of '[^']*/plugins/" || true
[ -x "$buildroot/src/dist/OGIReport/OGIReport" ] || { echo "PyInstaller failed" >&2; exit 1; }
mv "$buildroot/src/dist/OGIReport" dist/linux/OGIReport
echo "PyInstaller: $((SECONDS - t1)) s"

app="dist/linux/OGIReport"
for plugin in platforms/libqxcb.so platforms/libqoffscreen.so printsupport/libcupsprintersupport.so; do
    [ -f "$app/_internal/PySide6/Qt/plugins/$plugin" ] || { echo "missing Qt plugin $plugin in the bundle" >&2; exit 1; }
done
echo "== glibc / libstdc++ symbol versions"
python3 installer/check_glibc.py "$app"
depends="$(python3 installer/linux/deb_depends.py "$app")"
echo "Depends: $depends"

echo "== self-test (build host)"
QT_QPA_PLATFORM=offscreen "$app/OGIReport" --self-test "build/linux-selftest"
echo "== window start (offscreen, build host)"
home="$(mktemp -d)"
OGI_REPORT_HOME="$home" OGI_REPORT_QUIT_AFTER_SHOW=1 QT_QPA_PLATFORM=offscreen "$app/OGIReport" --sample
rm -rf "$home"
if command -v xvfb-run >/dev/null 2>&1; then
    # The input-method plugins load in the self-test above; here the window must also
    # start on a real X display when the session asks for fcitx or ibus but none runs.
    for im in fcitx ibus; do
        echo "== window start (Xvfb, QT_IM_MODULE=$im, no input method running)"
        home="$(mktemp -d)"
        OGI_REPORT_HOME="$home" OGI_REPORT_QUIT_AFTER_SHOW=1 QT_IM_MODULE=$im QT_QPA_PLATFORM=xcb \
            timeout 60 xvfb-run -a -s "-screen 0 1366x768x24" "$app/OGIReport" --sample
        rm -rf "$home"
    done
fi

# 5. archive for a per-user install
name="OGIReport-${version}-linux-x86_64"
stage="build/linux-stage/$name"
rm -rf build/linux-stage && mkdir -p "$stage"
cp -r "$app" "$stage/OGIReport"
cp resources/icons/app.png "$stage/ogi-report.png"
cp installer/linux/ogi-report.desktop.in installer/linux/ogi-report-mime.xml "$stage/"
cp installer/linux/install.sh installer/linux/uninstall.sh "$stage/"
chmod +x "$stage/install.sh" "$stage/uninstall.sh"
rm -f dist/OGIReport-*-linux-x86_64.tar.*
tar -C build/linux-stage -c "$name" | xz -T0 -6 > "dist/$name.tar.xz"

# 6. .deb: system-wide under /opt (for administrators who deploy with the package manager)
deb="build/linux-deb"
rm -rf "$deb" && mkdir -p "$deb/DEBIAN" "$deb/opt/ogi-report" "$deb/usr/share/applications" \
    "$deb/usr/share/icons/hicolor/256x256/apps" "$deb/usr/share/mime/packages" "$deb/usr/bin"
cp -r "$app/." "$deb/opt/ogi-report/"
cp resources/icons/app.png "$deb/usr/share/icons/hicolor/256x256/apps/ogi-report.png"
sed -e "s|@EXEC@|/opt/ogi-report/OGIReport|" -e "s|@ICON@|ogi-report|" installer/linux/ogi-report.desktop.in \
    > "$deb/usr/share/applications/ogi-report.desktop"
cp installer/linux/ogi-report-mime.xml "$deb/usr/share/mime/packages/ogi-report.xml"
ln -s /opt/ogi-report/OGIReport "$deb/usr/bin/ogi-report"
size_kb=$(du -sk "$deb" | cut -f1)
cat > "$deb/DEBIAN/control" <<CONTROL
Package: ogi-report
Version: ${version}
Architecture: amd64
Maintainer: 年报助手 <noreply@localhost>
Installed-Size: ${size_kb}
Depends: ${depends}
Section: office
Priority: optional
Description: 年报助手 — 政府信息公开工作年度报告编制工具
 离线填报、校验并导出政府信息公开工作年度报告（Word 正式版式与 Excel 附表）。
CONTROL
rm -f dist/ogi-report_*_amd64.deb
dpkg-deb -Zxz --root-owner-group --build "$deb" "dist/ogi-report_${version}_amd64.deb" >/dev/null

# 7. the .deb in a clean bullseye: apt installs exactly its Depends; every library must resolve
bash installer/linux/test_in_bullseye.sh "dist/ogi-report_${version}_amd64.deb"

echo "== sizes"
du -sh "$app" | sed 's/^/installed folder: /'
ls -l "dist/$name.tar.xz" "dist/ogi-report_${version}_amd64.deb" | awk '{printf "%s  %.1f MB\n", $9, $5/1048576}'
echo "Linux package built in $((SECONDS - t0)) s"
