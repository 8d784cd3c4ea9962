# Helpers (sourced by build_linux.sh) for Debian 11 bullseye root file systems made
# with debootstrap: glibc 2.31, the 麒麟 V10 level, and the oldest Debian the
# registry still serves.  The Linux package is built inside one (CPython and the
# bundle resolve their libraries there, not on the newer build host) and tested
# inside a second, clean one that gets only the .deb and what it declares.
# Needs root (debootstrap, chroot, mount).

BULLSEYE_MIRROR="${BULLSEYE_MIRROR:-http://deb.debian.org/debian}"

# Unmount whatever is mounted below DIR (deepest first).
root_unmount() {
    local dir m
    dir="$(realpath "$1")"
    for m in $(awk -v d="$dir/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r); do
        umount -l "$m" || true
    done
}

# Remove a root file system, never while anything is still mounted inside it.
root_remove() {
    [ -e "$1" ] || return 0
    root_unmount "$1"
    if awk -v d="$(realpath "$1")/" 'index($2, d) == 1 {found=1} END {exit !found}' /proc/mounts; then
        echo "refusing to delete $1: still mounted inside" >&2
        return 1
    fi
    rm -rf "$1"
}

# root_make DIR PACKAGES...: a minbase bullseye in DIR plus PACKAGES.  The debootstrap'ed
# base is made once (build/bullseye-base, .debs cached in build/deb-cache) and copied;
# an existing DIR is kept and only gets the PACKAGES it lacks (the build root holds the
# compiled CPython, minutes of work).
root_make() {
    local dir="$1" base=build/bullseye-base
    shift
    if [ ! -f "$base/.ogi-root" ]; then
        root_remove "$base"
        mkdir -p build/deb-cache
        echo "debootstrap bullseye -> $base"
        debootstrap --variant=minbase --cache-dir="$(realpath build/deb-cache)" bullseye "$base" \
            "$BULLSEYE_MIRROR" > "$base.debootstrap.log" 2>&1 || { tail -20 "$base.debootstrap.log" >&2; return 1; }
        echo "bullseye minbase" > "$base/.ogi-root"
    fi
    if [ ! -f "$dir/.ogi-root" ]; then
        root_remove "$dir"
        cp -a "$base" "$dir"
    fi
    if [ $# -gt 0 ] && [ "$(cat "$dir/.ogi-root")" != "bullseye minbase $*" ]; then
        echo "apt-get install in $dir: $*"
        root_run "$dir" apt-get update -qq
        root_run "$dir" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" \
            > "$dir.apt.log" 2>&1 || { tail -20 "$dir.apt.log" >&2; return 1; }
        root_run "$dir" apt-get clean
        echo "bullseye minbase $*" > "$dir/.ogi-root"
    fi
}

# root_run DIR COMMAND...: run COMMAND inside DIR with /proc mounted and a clean environment.
root_run() {
    local dir="$1" rc=0
    shift
    cp /etc/resolv.conf "$dir/etc/resolv.conf"
    mountpoint -q "$dir/proc" || mount -t proc proc "$dir/proc"
    chroot "$dir" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME=/root LANG=C.UTF-8 \
        "$@" || rc=$?
    umount -l "$dir/proc" || true
    return "$rc"
}
