#!/usr/bin/env bash
# Manual, opt-in check that clerks can type Chinese into the packaged app through a
# real fcitx: under Xvfb with its own D-Bus session, start fcitx5 (or fcitx 4) with
# pinyin, open a draft in the packaged app, go to 一、总体情况 (Ctrl+Tab), switch the
# input method on (Ctrl+Space), type "zhengfu xinxi gongkai", save (Ctrl+S) and read
# the saved narrative back.  Not part of CI: it needs input-method packages that CI
# does not install, and fcitx5 and fcitx 4 exclude each other in Debian:
#   fcitx5: apt-get install fcitx5 fcitx5-pinyin fcitx5-modules xvfb dbus-x11 xdotool imagemagick
#   fcitx4: apt-get install fcitx-bin fcitx-data fcitx-modules fcitx-module-dbus fcitx-pinyin \
#           fcitx-ui-classic xvfb dbus-x11 xdotool imagemagick
# usage: bash installer/linux/im_typing_check.sh fcitx5|fcitx4 [OGIReport executable] [screenshot.png]
# (QT_IM_MODULE=ibus in the environment tries Qt's ibus plugin instead of the fcitx one)
# Needs the developer venv (.venv, `bash scripts/dev.sh setup`) to write and read the draft.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
im="${1:?fcitx5 or fcitx4}"
app="$(realpath "${2:-$root/dist/linux/OGIReport/OGIReport}")"
shot="${3:-}"
py="$root/.venv/bin/python"
work="$(mktemp -d)"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    sleep 1  # fcitx writes its configuration on the way out
    rm -rf "$work" 2>/dev/null || true
}
trap cleanup EXIT

export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_RUNTIME_DIR="$work/run"
mkdir -p "$XDG_CONFIG_HOME/fcitx5" "$XDG_CONFIG_HOME/fcitx" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
cat > "$XDG_CONFIG_HOME/fcitx5/profile" <<'PROFILE'
[Groups/0]
Name=Default
Default Layout=us
DefaultIM=pinyin

[Groups/0/Items/0]
Name=keyboard-us
Layout=

[Groups/0/Items/1]
Name=pinyin
Layout=

[GroupOrder]
0=Default
PROFILE
printf '[Profile]\nIMName=\nEnabledIMList=fcitx-keyboard-us:True,pinyin:True\n' > "$XDG_CONFIG_HOME/fcitx/profile"

# the sample report with an empty 总体情况, so that the saved text is what was typed
draft="$work/typing.ogir"
(cd "$root" && "$py" -c "
import sys
from core.resources import sample_path
from core.storage import load, save
report = load(sample_path())
report.texts['overview'] = ''
save(report, sys.argv[1])" "$draft")

display=":$(( 90 + RANDOM % 100 ))"
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >"$work/xvfb.log" 2>&1 & pids+=($!)
export DISPLAY="$display"
sleep 1
eval "$(dbus-launch --sh-syntax)"
pids+=("$DBUS_SESSION_BUS_PID")
if [ "$im" = fcitx5 ]; then
    fcitx5 >"$work/im.log" 2>&1 & pids+=($!)
else
    fcitx -D -s 0 >"$work/im.log" 2>&1 & pids+=($!)
fi
sleep 4
QT_IM_MODULE="${QT_IM_MODULE:-fcitx}" OGI_REPORT_HOME="$work/app-home" "$app" "$draft" >"$work/app.log" 2>&1 & pids+=($!)
sleep 8
# no window manager under Xvfb: give the window the keyboard focus directly
window="$(xdotool search --sync --onlyvisible --name '年报助手' | head -n1)"
xdotool windowfocus --sync "$window"; sleep 1
xdotool key ctrl+Tab; sleep 1          # 基本信息 -> 一、总体情况, keyboard in the text
xdotool key ctrl+space; sleep 1        # input method on
for word in zhengfu xinxi gongkai; do
    xdotool type --delay 150 "$word"; sleep 0.8
    if [ "$word" = gongkai ] && [ -n "$shot" ]; then import -window root "$shot"; fi
    xdotool key space; sleep 0.8
done
xdotool key ctrl+space; sleep 0.5      # input method off
xdotool key ctrl+s; sleep 2
typed="$("$py" -c "import json, sys; print(json.load(open(sys.argv[1], encoding='utf-8'))['sections']['overview'])" "$draft")"
echo "typed into 一、总体情况 through $im (QT_IM_MODULE=${QT_IM_MODULE:-fcitx}): $typed"
if [ "$typed" = "政府信息公开" ]; then
    echo "OK"
else
    echo "FAILED (expected 政府信息公开); logs: app, input method:" >&2
    tail -n 5 "$work/app.log" "$work/im.log" >&2
    exit 1
fi
