# Installing Debian packages from the build and developer scripts (sourced by scripts/dev.sh and
# installer/build_windows.sh): root installs, a user with password-less sudo installs through
# sudo, anyone else is told what is missing.  Waits up to 10 minutes for another apt/dpkg run
# (unattended upgrades, another build) to release its lock instead of failing at once.
#   apt_install PKG...     install those not installed yet; returns 1 if some could not be
#   apt_list FILE...       the package names in list files (comments and blank lines dropped)

apt_list() {
    grep -hv '^\s*#' "$@" | grep -v '^\s*$' || true
}

apt_install() {
    command -v apt-get >/dev/null 2>&1 || return 0
    local p missing=()
    for p in "$@"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo=(sudo -n)
        else
            echo "Missing Debian packages (installing them needs root or password-less sudo): ${missing[*]}" >&2
            echo "缺少系统软件包（需要管理员权限安装）：sudo apt-get install ${missing[*]}" >&2
            return 1
        fi
    fi
    local lock=(-o DPkg::Lock::Timeout=600)
    echo "Installing Debian packages: ${missing[*]}"
    "${sudo[@]}" apt-get "${lock[@]}" update -qq
    # env, not a prefix assignment: sudo would drop DEBIAN_FRONTEND from the environment
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${lock[@]}" install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}
