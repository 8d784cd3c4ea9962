"""A smaller ICU data library for the Linux bundle.

The PySide6 Linux wheels ship Qt's own ICU, whose libicudata.so.NN holds all of
ICU's data (~31 MB, a quarter of the installed folder).  Qt Core calls ICU for
four things only: text converters (QStringDecoder for a named non-UTF encoding),
collation (QCollator: the file dialog sorts names with it), locale-aware case
mapping (data compiled into libicuucc, no data file) and time-zone display names.
This keeps the data items those need, for the root, Chinese and English locales,
and drops the rest: break-iteration dictionaries, transliteration, unit, currency,
language and region names, number spell-out, other locales and the EBCDIC/Japanese/
Korean/Taiwanese converters.  (Windows Qt uses the system's ICU: nothing to do.)

The library holds one symbol, icudtNN_dat: an ICU "common data" package (header,
table of contents sorted by name, items 16-byte aligned).  The package is rebuilt
with the items kept and assembled (binutils' as and ld) into a new shared object
with the same soname.
The packaged self-test checks a Chinese collation, the GB18030 converter and a
time-zone name through Qt, so a missing item fails the build.

    python installer/icu_data.py LIBICUDATA OUT.so   (also used by the spec)
"""
from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

# locale-named items kept in every tree (root, coll, zone): Chinese and English
KEEP_LOCALES = re.compile(r"^(root|zh|en|en_001|en_US|en_US_POSIX|zh_Hans\w*|zh_CN|zh_SG|zh_Hant\w*|zh_HK|zh_MO|zh_TW)$")
# subtrees Qt never reads through the C APIs it calls
DROP_TREES = {"brkitr", "translit", "unit", "curr", "lang", "region", "rbnf"}
KEEP_TREES = {"coll", "zone"}
# converters: the Chinese mainland encodings and Windows' Western code page
# (GB18030; GB2312 = EUC-CN; GBK and cp936 = ibm-1386; windows-936; windows-1252)
KEEP_CONVERTERS = {"gb18030", "ibm-1383_P110-1999", "ibm-1386_P100-2001", "windows-936-2000", "ibm-5348_P100-1997",
                   "ibm-1252_P100-2000"}
# character names (u_charName), IDNA (Qt has its own), spoof checks, string preparation
DROP_FILES = {"unames.icu", "uts46.nrm"}
DROP_EXTENSIONS = {"cfu", "spp"}
# root-level .res files that are locales (af.res, zh_Hans_CN.res), unlike likelySubtags.res or zoneinfo64.res
_LOCALE_NAME = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")
_DATA_SYMBOL = re.compile(rb"^icudt(\d+)_dat$")


def keep_item(name: str) -> bool:
    """`name` as in the package's table of contents, e.g. "icudt73l/coll/zh.res"."""
    parts = name.split("/")[1:]  # drop the package name
    if len(parts) == 2:
        tree, leaf = parts
        if tree in DROP_TREES:
            return False
        stem = leaf.rsplit(".", 1)[0]
        if tree in KEEP_TREES and leaf.endswith(".res") and _LOCALE_NAME.match(stem):
            return bool(KEEP_LOCALES.match(stem)) or stem in ("pool", "res_index")
        return True  # coll/ucadata.icu, pools and indexes
    leaf = parts[-1]
    stem, _, ext = leaf.rpartition(".")
    if ext == "cnv":
        return stem in KEEP_CONVERTERS
    if ext == "res" and _LOCALE_NAME.match(stem) and stem not in ("pool", "res_index"):
        return bool(KEEP_LOCALES.match(stem))
    return leaf not in DROP_FILES and ext not in DROP_EXTENSIONS


def _elf_data_symbol(lib: bytes) -> tuple[str, int, int]:
    """(symbol name, file offset, size) of the icudtNN_dat object in an ELF64 library."""
    if lib[:4] != b"\x7fELF" or lib[4] != 2 or lib[5] != 1:
        raise ValueError("not a little-endian ELF64 file")
    shoff, = struct.unpack_from("<Q", lib, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", lib, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", lib, shoff + i * shentsize) for i in range(shnum)]
    for sh in sections:
        if sh[1] != 11:  # SHT_DYNSYM
            continue
        strtab = sections[sh[6]]
        for off in range(sh[4], sh[4] + sh[5], sh[9]):
            st_name, _info, _other, _shndx, value, size = struct.unpack_from("<IBBHQQ", lib, off)
            raw = lib[strtab[4] + st_name:lib.index(b"\0", strtab[4] + st_name)]
            if _DATA_SYMBOL.match(raw) and size:
                for sec in sections:  # virtual address -> file offset
                    if sec[3] <= value < sec[3] + sec[5] and sec[1] != 8:  # not SHT_NOBITS
                        return raw.decode(), value - sec[3] + sec[4], size
    raise ValueError("no icudtNN_dat symbol")


def trim_package(blob: bytes) -> tuple[bytes, int, int]:
    """(new package, items kept, items dropped) for an ICU common-data package."""
    header_size, = struct.unpack_from("<H", blob, 0)
    if blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD" or blob[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    toc = header_size
    count, = struct.unpack_from("<I", blob, toc)
    entries = [struct.unpack_from("<II", blob, toc + 4 + 8 * i) for i in range(count)]
    names = [blob[toc + n:blob.index(b"\0", toc + n)] for n, _ in entries]
    ends = [d for _, d in entries[1:]] + [len(blob) - toc]
    kept = [(name, blob[toc + d:toc + end]) for name, (_, d), end in zip(names, entries, ends)
            if keep_item(name.decode("ascii"))]
    # same layout as ICU's icupkg: count, entries, names, then each item 16-byte aligned
    names_start = 4 + 8 * len(kept)
    name_bytes = b"".join(n + b"\0" for n, _ in kept)
    pos = names_start + len(name_bytes)
    pos += -(header_size + pos) % 16
    table, items, name_pos = [], bytearray(), names_start
    for name, data in kept:
        table.append(struct.pack("<II", name_pos, pos + len(items)))
        name_pos += len(name) + 1
        items += data
        items += b"\0" * (-len(items) % 16)
    head = struct.pack("<I", len(kept)) + b"".join(table) + name_bytes
    head += b"\0" * (-(header_size + len(head)) % 16)
    return blob[:header_size] + head + bytes(items), len(kept), count - len(kept)


def build_library(source: Path, out: Path) -> str:
    """Write the trimmed library to `out` (same soname as `source`); returns a one-line summary."""
    lib = source.read_bytes()
    symbol, offset, size = _elf_data_symbol(lib)
    package, kept, dropped = trim_package(lib[offset:offset + size])
    soname = source.name
    with tempfile.TemporaryDirectory() as tmp:
        dat = Path(tmp) / "icudt.dat"
        dat.write_bytes(package)
        asm = Path(tmp) / "icudt.s"
        asm.write_text(f'.section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n'
                       f'{symbol}:\n.incbin "{dat}"\n.size {symbol}, . - {symbol}\n'
                       '.section .note.GNU-stack,"",@progbits\n')
        out.parent.mkdir(parents=True, exist_ok=True)
        obj = Path(tmp) / "icudt.o"
        # binutils only (PyInstaller's strip needs them anyway): no compiler, no C library
        subprocess.run(["as", "-o", str(obj), str(asm)], check=True)
        subprocess.run(["ld", "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(out), str(obj)], check=True)
    return (f"ICU data {soname}: {kept} items kept, {dropped} dropped, "
            f"{len(lib) / 1048576:.1f} MB -> {out.stat().st_size / 1048576:.1f} MB")


if __name__ == "__main__":
    print(build_library(Path(sys.argv[1]), Path(sys.argv[2])))
