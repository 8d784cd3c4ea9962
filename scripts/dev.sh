#!/usr/bin/env bash
# One entry point for developers and CI:
#   bash scripts/dev.sh run [--sample] [DRAFT]   set up, then start the app
#   bash scripts/dev.sh test [PYTEST ARGS]        set up, then run the whole test suite
#   bash scripts/dev.sh setup                     only set up
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
venv="${OGI_VENV:-$root/.venv}"

install_system_packages() {
    # Only on Debian-like machines where we may install (root, or sudo without a password).
    command -v apt-get >/dev/null 2>&1 || return 0
    local pkgs missing=()
    pkgs=$(grep -v '^\s*#' scripts/apt-packages.txt | grep -v '^\s*$')
    for p in $pkgs; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if sudo -n true 2>/dev/null; then sudo="sudo -n"; else
            echo "缺少系统软件包：${missing[*]}（需要管理员权限安装），继续尝试。" >&2
            return 0
        fi
    fi
    echo "Installing Debian packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

setup() {
    install_system_packages
    if [ ! -x "$venv/bin/python" ]; then
        python3 -m venv "$venv"
    fi
    "$venv/bin/python" -m pip install -q --disable-pip-version-check -e ".[test]"
}

cmd="${1:-run}"
shift || true
case "$cmd" in
    setup)
        setup
        ;;
    run)
        setup
        if [ ! -f gui/__main__.py ]; then
            # The window is not built yet: show the bundled sample as text instead.
            exec "$venv/bin/python" -m core show resources/samples/haizhu-2019.ogir
        fi
        if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ] && command -v xvfb-run >/dev/null; then
            echo "没有图形显示，改用虚拟屏幕（xvfb-run）启动。" >&2
            exec xvfb-run -a "$venv/bin/python" -m gui "$@"
        fi
        exec "$venv/bin/python" -m gui "$@"
        ;;
    test)
        setup
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
