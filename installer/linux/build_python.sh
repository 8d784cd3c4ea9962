# Sourced by build_linux.sh: python_build ROOT compiles CPython 3.11 inside the
# bullseye build root into ROOT/opt/ogi-python, for glibc 2.28 (统信UOS 20).
# The host's CPython links libpython against glibc 2.35+, so the package cannot
# bundle it.  Source: Debian bookworm's python3.11 source package (the registry
# serves it; python.org is out of reach), upstream tarball plus Debian's
# security patches (the CVE-* and upstream-fix patches at the end of its series;
# the Debian layout patches before them are left out).
# glibc 2.29-2.31 symbols are avoided by configure overrides (functions newer than
# 2.28 reported missing) and the force-included installer/linux/glibc228.h.
# Takes ~4-6 min on 2 cores; skipped when ROOT already holds the same build.

PYTHON_PREFIX=/opt/ogi-python

python_build() {
    local rootdir="$1" here stamp
    here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
    stamp="$(cat "$here/build_python.sh" "$here/glibc228.h" | sha256sum | cut -c1-16)"
    if [ -x "$rootdir$PYTHON_PREFIX/bin/python3.11" ] && [ "$(cat "$rootdir$PYTHON_PREFIX/.stamp" 2>/dev/null)" = "$stamp" ]; then
        return 0
    fi
    echo "deb-src $BULLSEYE_MIRROR bookworm main" > "$rootdir/etc/apt/sources.list.d/bookworm-src.list"
    rm -rf "$rootdir/tmp/pysrc" "$rootdir$PYTHON_PREFIX"
    mkdir -p "$rootdir/tmp/pysrc"
    cp "$here/glibc228.h" "$rootdir/tmp/pysrc/"
    cat > "$rootdir/tmp/pysrc/build.sh" <<'BUILD'
set -eu
cd /tmp/pysrc
apt-get update -qq
apt-get source -qq --download-only python3.11 >/dev/null 2>&1
tar xzf python3.11_*.orig.tar.gz
tar xJf python3.11_*.debian.tar.xz
cd Python-3.11.*
sed -n '/^CVE-2024-0450/,$p' ../debian/patches/series | while read -r p; do
    patch -s -p1 --forward < "../debian/patches/$p" || { echo "patch $p failed" >&2; exit 1; }
done
# The CVE-2026-4224 fix includes an internal header in pyexpat.c; Debian builds that module
# into libpython, upstream's setup.py as a shared module, which must say so (as later 3.11 do).
grep -q Py_BUILD_CORE_MODULE Modules/pyexpat.c || sed -i '1i #define Py_BUILD_CORE_MODULE 1' Modules/pyexpat.c
# Functions that bullseye's glibc has but 2.28 does not: configure must not use them.
export ac_cv_func_sem_clockwait=no ac_cv_func_pthread_cond_clockwait=no ac_cv_func_gettid=no \
    ac_cv_func_posix_spawn_file_actions_addchdir_np=no ac_cv_func_close_range=no
./configure -q --prefix=/opt/ogi-python --enable-shared --with-ensurepip=install \
    CFLAGS="-include /tmp/pysrc/glibc228.h" LDFLAGS="-Wl,-rpath,/opt/ogi-python/lib"
make -j"$(nproc)" >/tmp/pysrc/make.log 2>&1 || { tail -30 /tmp/pysrc/make.log; exit 1; }
make -s install >/tmp/pysrc/install.log 2>&1 || { tail -30 /tmp/pysrc/install.log; exit 1; }
BUILD
    echo "building CPython 3.11 in $rootdir"
    local t0=$SECONDS
    root_run "$rootdir" nice -n 10 sh /tmp/pysrc/build.sh || { echo "CPython build failed (logs in $rootdir/tmp/pysrc)" >&2; return 1; }
    echo "$stamp" > "$rootdir$PYTHON_PREFIX/.stamp"
    rm -rf "$rootdir/tmp/pysrc"
    echo "CPython built in $((SECONDS - t0)) s: $(root_run "$rootdir" $PYTHON_PREFIX/bin/python3.11 -V)"
}
