"""One copy of the Visual C++ runtime in the Windows bundle.

PyInstaller collects msvcp140.dll, vcruntime140.dll and friends three times: at the
top of _internal (for python311.dll and the extension modules) and beside PySide6's
and shiboken6's DLLs (the wheels carry their own).  The copies differ in version
(Python's 14.38, the Qt wheels' 14.44).  A process holds one module per name anyway:
the first loaded wins (python311.dll loads vcruntime140.dll from the top at start).
So one copy of each is kept, the newest (the runtime is backward compatible, and code
built with a newer toolset may crash on an older msvcp140), at the top of _internal:
the bootloader puts that folder on the DLL search path (SetDllDirectory), which is
searched before System32, so Qt's DLLs in PySide6/ find it there.
"""
from __future__ import annotations

import re
from collections.abc import Callable

VC_RUNTIME = re.compile(r"^(msvcp140(_\d+|_atomic_wait|_codecvt_ids)?|vcruntime140(_\d+|_threads)?|concrt140"
                        r"|vccorlib140|vcamp140)\.dll$", re.I)

Entry = tuple[str, str, str]  # PyInstaller's (destination, source, type code)


def _name(dest: str) -> str:
    return dest.replace("\\", "/").rsplit("/", 1)[-1]


def one_vc_runtime(binaries: list[Entry], version_of: Callable[[str], tuple[int, ...]]) -> list[Entry]:
    """`binaries` with each VC runtime DLL once, at the top level, from its newest source."""
    newest: dict[str, Entry] = {}
    rest: list[Entry] = []
    for entry in binaries:
        name = _name(entry[0])
        if not VC_RUNTIME.match(name):
            rest.append(entry)
            continue
        key = name.lower()
        if key not in newest or version_of(entry[1]) > version_of(newest[key][1]):
            newest[key] = (name, entry[1], entry[2])
    return rest + sorted(newest.values())


def pe_file_version(path: str) -> tuple[int, ...]:
    """The FileVersion of a Windows DLL (pefile ships with PyInstaller on Windows)."""
    import pefile  # type: ignore[import-not-found]

    pe = pefile.PE(path, fast_load=True)
    try:
        pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_RESOURCE"]])
        info = pe.VS_FIXEDFILEINFO[0]
        ms, ls = info.FileVersionMS, info.FileVersionLS
        return ms >> 16, ms & 0xFFFF, ls >> 16, ls & 0xFFFF
    finally:
        pe.close()
