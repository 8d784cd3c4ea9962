#!/usr/bin/env bash
# One entry point for developers and CI:
#   bash scripts/dev.sh run [--sample] [DRAFT]   set up what running needs, then start the app
#   bash scripts/dev.sh test [PYTEST ARGS]        set up everything (also the test tools), then run the tests
#   bash scripts/dev.sh setup                     only set up everything
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
venv="${OGI_VENV:-$root/.venv}"

# shellcheck source=scripts/apt.sh
. scripts/apt.sh

# Running needs the Qt libraries, fonts and Xvfb; the tests add LibreOffice, poppler and chromium.
install_system_packages() {
    local lists=(scripts/apt-packages.txt)
    [ "${1:-}" = test ] && lists+=(scripts/apt-packages-test.txt)
    local pkgs
    mapfile -t pkgs < <(apt_list "${lists[@]}")
    apt_install "${pkgs[@]}" || echo "Continuing without them; see the message above." >&2
}

# `run` installs the application only; `test` and `setup` add the test tools (pytest, mypy, ruff).
setup() {
    local what="${1:-test}"
    install_system_packages "$what"
    if [ ! -x "$venv/bin/python" ]; then
        python3 -m venv "$venv"
    fi
    if [ "$what" = run ]; then
        "$venv/bin/python" -m pip install -q --disable-pip-version-check -e .
    else
        "$venv/bin/python" -m pip install -q --disable-pip-version-check -e ".[test]"
    fi
}

cmd="${1:-run}"
shift || true
case "$cmd" in
    setup)
        setup test
        ;;
    run)
        setup run
        if [ ! -f gui/__main__.py ]; then
            # The window is not built yet: show the bundled sample as text instead.
            exec "$venv/bin/python" -m core show resources/samples/haizhu-2019.ogir
        fi
        if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
            if command -v xvfb-run >/dev/null; then
                echo "No display: the window runs on a virtual screen (Xvfb) and is NOT visible; stop it with Ctrl+C." >&2
                echo "  To see the window, run this command in a desktop session (or over ssh -X)." >&2
                echo "没有图形显示：窗口在虚拟屏幕（Xvfb）上运行，看不到；按 Ctrl+C 结束。" >&2
                exec xvfb-run -a -s "-screen 0 1366x768x24" "$venv/bin/python" -m gui "$@"
            fi
            echo "No display and no xvfb-run: the window cannot start here (install xvfb, or run it from a desktop)." >&2
            exit 1
        fi
        exec "$venv/bin/python" -m gui "$@"
        ;;
    test)
        setup test
        export QT_QPA_PLATFORM=offscreen
        # type check (strict on core/) and lint first: CI fails on either, as on a failing test
        echo "mypy core ..."
        "$venv/bin/python" -m mypy core || { echo "类型检查（mypy core）未通过，见上方。" >&2; exit 1; }
        echo "ruff check ..."
        "$venv/bin/python" -m ruff check || { echo "代码检查（ruff check）未通过，见上方；多数可用 ruff check --fix 修正。" >&2; exit 1; }
        exec "$venv/bin/python" -m pytest "$@"
        ;;
    *)
        echo "usage: bash scripts/dev.sh {run [--sample] [DRAFT] | test [pytest args] | setup}" >&2
        exit 2
        ;;
esac
