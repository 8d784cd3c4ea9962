#!/bin/sh
# 年报助手：卸载当前用户的安装。草稿文件和设置不会被删除。
set -eu
data="${XDG_DATA_HOME:-$HOME/.local/share}"
rm -rf "$data/ogi-report/OGIReport" "$data/ogi-report/ogi-report.png"
# the install folder itself, unless something else was put there
rmdir "$data/ogi-report" 2>/dev/null || true
rm -f "$data/applications/ogi-report.desktop" "$data/mime/packages/ogi-report.xml"
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime" >/dev/null 2>&1 || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" >/dev/null 2>&1 || true
echo "年报助手已卸载。您的草稿文件未被删除。"
