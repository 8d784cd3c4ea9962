"""Fail the Linux build if any ELF file of the bundle needs a newer glibc or libstdc++
than the oldest target has: 统信UOS 20 (Debian 10 base) ships glibc 2.28 and GCC 8's
libstdc++ (GLIBCXX_3.4.25, CXXABI_1.3.11).

    python3 installer/check_glibc.py DIR     (exit 1 and a list of offenders if too new)

Reads the "Version References" of `objdump -p`: the versions the dynamic linker
demands of libc/libm/libstdc++ at start-up (what a file defines itself is not a demand).
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

# family -> highest version the oldest target provides
LIMITS: dict[str, tuple[int, ...]] = {"GLIBC": (2, 28), "GLIBCXX": (3, 4, 25), "CXXABI": (1, 3, 11)}

_TAG = re.compile(r"\b(GLIBC|GLIBCXX|CXXABI)_([0-9][0-9.]*[0-9]|[0-9]|[A-Z][A-Z0-9_]*)\b")


def parse_version(text: str) -> tuple[int, ...]:
    """"2.3.4" -> (2, 3, 4)."""
    return tuple(int(part) for part in text.split("."))


def format_version(family: str, version: tuple[int, ...]) -> str:
    return f"{family}_{'.'.join(str(p) for p in version)}"


def version_references(objdump_p: str) -> set[str]:
    """The GLIBC_/GLIBCXX_/CXXABI_ tags required in `objdump -p` output (its Version References)."""
    tags: set[str] = set()
    in_refs = False
    for line in objdump_p.splitlines():
        if line.startswith("Version References:"):
            in_refs = True
            continue
        if in_refs and line.strip() and not line.startswith((" ", "\t")):
            in_refs = False  # next section
        if in_refs:
            tags.update(f"{m.group(1)}_{m.group(2)}" for m in _TAG.finditer(line))
    return tags


def too_new(tag: str) -> bool:
    """Whether a required version tag is beyond what the oldest target provides.

    GLIBC_PRIVATE is glibc's internal interface (only glibc's own libraries use it);
    other named tags such as GLIBC_ABI_DT_RELR (glibc 2.36) mark new features: too new.
    """
    family, _, rest = tag.partition("_")
    if family not in LIMITS:
        return False
    if not rest[:1].isdigit():
        return rest != "PRIVATE"
    return parse_version(rest) > LIMITS[family]


def highest(tags: set[str], family: str) -> tuple[int, ...] | None:
    found = [parse_version(t.partition("_")[2]) for t in tags
             if t.partition("_")[0] == family and t.partition("_")[2][:1].isdigit()]
    return max(found, default=None)


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def elf_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p))


def objdump_p(path: Path) -> str:
    return subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[0])
    files = elf_files(folder)
    if not files:
        print(f"check_glibc: no ELF files under {folder}", file=sys.stderr)
        return 2
    best: dict[str, tuple[tuple[int, ...], Path]] = {}
    offenders: list[tuple[Path, list[str]]] = []
    for path in files:
        tags = version_references(objdump_p(path))
        for family in LIMITS:
            v = highest(tags, family)
            if v is not None and (family not in best or v > best[family][0]):
                best[family] = (v, path)
        bad = sorted(t for t in tags if too_new(t))
        if bad:
            offenders.append((path, bad))
    print(f"check_glibc: {len(files)} ELF files under {folder}")
    for family, limit in LIMITS.items():
        if family in best:
            v, path = best[family]
            print(f"  highest {format_version(family, v)} (limit {format_version(family, limit)}): "
                  f"{path.relative_to(folder)}")
        else:
            print(f"  no {family}_ references")
    if offenders:
        print(f"check_glibc: {len(offenders)} files need more than glibc 2.28 / GCC 8's libstdc++:", file=sys.stderr)
        for path, bad in offenders:
            print(f"  {path.relative_to(folder)}: {' '.join(bad)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
