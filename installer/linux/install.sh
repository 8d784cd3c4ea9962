#!/bin/sh
# 年报助手：为当前用户安装（不需要管理员权限）。用法：sh install.sh
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
dest="${XDG_DATA_HOME:-$HOME/.local/share}/ogi-report"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mime="${XDG_DATA_HOME:-$HOME/.local/share}/mime"
mkdir -p "$dest" "$apps" "$mime/packages"
rm -rf "$dest/OGIReport"
cp -r "$here/OGIReport" "$dest/OGIReport"
cp "$here/ogi-report.png" "$dest/ogi-report.png"
sed -e "s|@EXEC@|$dest/OGIReport/OGIReport|" -e "s|@ICON@|$dest/ogi-report.png|" \
    "$here/ogi-report.desktop.in" > "$apps/ogi-report.desktop"
cp "$here/ogi-report-mime.xml" "$mime/packages/ogi-report.xml"
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$mime" >/dev/null 2>&1 || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" >/dev/null 2>&1 || true
echo "年报助手已安装到 $dest ，可在“开始”菜单的“办公”类中找到。"
