"""The .deb's Depends line, derived from the bundle: every soname that a bundled ELF file
NEEDs and the bundle does not ship comes from the target system, and each maps to the
Debian package that provides it.  Names checked: Debian 11 by installing the .deb with apt
in a clean bullseye root (installer/linux/test_in_bullseye.sh), Debian 12 with apt-cache on
the build host.  Debian 10 (统信UOS 20's base) is no longer served, so not checked there;
its libgcc package is libgcc1, hence the alternative below.

    python3 installer/linux/deb_depends.py BUNDLE_DIR   -> "libc6 (>= 2.28), ..."
    python3 installer/linux/deb_depends.py --packages   -> every package of the table (one a line)

Fails, naming the file, when a needed soname is in neither the bundle nor the table.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from installer.check_glibc import elf_files  # noqa: E402

GLIBC = "libc6 (>= 2.28)"
# soname -> Debian package (with the version the bundle needs, where it matters)
PACKAGES: dict[str, str] = {
    **{s: GLIBC for s in ("libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
                          "libutil.so.1", "ld-linux-x86-64.so.2")},
    "libstdc++.so.6": "libstdc++6 (>= 8)",  # GCC 8's libstdc++: GLIBCXX_3.4.25 (check_glibc.py)
    "libgcc_s.so.1": "libgcc-s1 | libgcc1",  # libgcc1 up to Debian 10, libgcc-s1 from 11
    "libz.so.1": "zlib1g",
    "libbz2.so.1.0": "libbz2-1.0",
    "liblzma.so.5": "liblzma5",
    "libzstd.so.1": "libzstd1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libcups.so.2": "libcups2",
    "libxcb.so.1": "libxcb1",
    **{f"libxcb-{n}.so.{v}": f"libxcb-{n}{v}" for n, v in (
        ("cursor", 0), ("icccm", 4), ("image", 0), ("keysyms", 1), ("randr", 0), ("render", 0), ("shape", 0),
        ("shm", 0), ("sync", 1), ("xfixes", 0), ("xinerama", 0), ("xkb", 1), ("xinput", 0), ("glx", 0))},
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
}


def needed(objdump_p: str) -> list[str]:
    """The NEEDED sonames in `objdump -p` output."""
    return re.findall(r"^\s*NEEDED\s+(\S+)", objdump_p, re.M)


def depends(needs: dict[str, set[str]], bundled: set[str]) -> tuple[list[str], dict[str, set[str]]]:
    """Packages for what is needed but not bundled (sorted, libc6 first), and what has no package:
    {soname: files needing it}."""
    pkgs: set[str] = set()
    unknown: dict[str, set[str]] = {}
    for soname, users in needs.items():
        if soname in bundled:
            continue
        if soname in PACKAGES:
            pkgs.add(PACKAGES[soname])
        else:
            unknown[soname] = users
    return sorted(pkgs, key=lambda p: (p != GLIBC, p)), unknown


def main(argv: list[str]) -> int:
    if argv == ["--packages"]:
        print("\n".join(sorted({p.split(" ")[0] for p in PACKAGES.values()})))
        return 0
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[0])
    needs: dict[str, set[str]] = {}
    for path in elf_files(folder):
        out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout
        for soname in needed(out):
            needs.setdefault(soname, set()).add(str(path.relative_to(folder)))
    bundled = {p.name for p in folder.rglob("*")}
    pkgs, unknown = depends(needs, bundled)
    if unknown:
        for soname, users in sorted(unknown.items()):
            print(f"deb_depends: {soname} is neither bundled nor mapped to a Debian package "
                  f"(needed by {', '.join(sorted(users))}); add it to PACKAGES", file=sys.stderr)
        return 1
    print(", ".join(pkgs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
