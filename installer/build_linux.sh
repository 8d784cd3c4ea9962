#!/usr/bin/env bash
# Build the Linux (统信UOS / 麒麟, x86_64) package: a PyInstaller onedir folder,
# packed as .tar.gz (per-user install script, .desktop file, icon) and .deb.
# Then run the packaged self-test and start the window offscreen once.
#   bash installer/build_linux.sh        -> dist/OGIReport-<version>-linux-x86_64.tar.gz and .deb
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
version="$(python3 installer/metadata.py)"
venv="$root/build/linux-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check ".[build]"
# fcitx input-context plugin for the bundled Qt (Chinese input on 统信UOS/麒麟)
bash installer/linux/build_fcitx_plugin.sh
rm -rf build/linux dist/linux
t0=$(date +%s)
"$venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath dist/linux --workpath build/linux installer/ogi_report.spec
echo "PyInstaller: $(( $(date +%s) - t0 )) s"

app="dist/linux/OGIReport"
echo "== self-test"
QT_QPA_PLATFORM=offscreen "$app/OGIReport" --self-test "build/linux-selftest"
echo "== window start (offscreen)"
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

name="OGIReport-${version}-linux-x86_64"
stage="build/linux-stage/$name"
rm -rf build/linux-stage && mkdir -p "$stage"
cp -r "$app" "$stage/OGIReport"
cp resources/icons/app.png "$stage/ogi-report.png"
cp installer/linux/ogi-report.desktop.in installer/linux/ogi-report-mime.xml "$stage/"
cp installer/linux/install.sh installer/linux/uninstall.sh "$stage/"
chmod +x "$stage/install.sh" "$stage/uninstall.sh"
tar -C build/linux-stage -czf "dist/$name.tar.gz" "$name"

# .deb: system-wide under /opt (for administrators who deploy with the package manager)
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
Section: office
Priority: optional
Description: 年报助手 — 政府信息公开工作年度报告编制工具
 离线填报、校验并导出政府信息公开工作年度报告（Word 正式版式与 Excel 附表）。
CONTROL
dpkg-deb --root-owner-group --build "$deb" "dist/ogi-report_${version}_amd64.deb" >/dev/null

echo "== sizes"
du -sh "$app" | sed 's/^/installed folder: /'
ls -l "dist/$name.tar.gz" "dist/ogi-report_${version}_amd64.deb" | awk '{printf "%s  %.1f MB\n", $9, $5/1048576}'
