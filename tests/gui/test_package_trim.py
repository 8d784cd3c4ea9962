"""What the packages leave out (installer/ogi_report.spec, icu_data.py, vc_runtime.py) is not needed.

The strongest check is the packaged self-test after a build; these run without a build:
the self-test from source with every module the spec excludes made unimportable, and the
ICU and VC-runtime trimming on synthetic and real inputs."""
from __future__ import annotations

import ast
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from installer import icu_data, vc_runtime  # noqa: E402


def spec_excludes() -> list[str]:
    tree = ast.parse((ROOT / "installer" / "ogi_report.spec").read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "EXCLUDES" for t in node.targets):
            return list(ast.literal_eval(node.value))
    raise AssertionError("no EXCLUDES in the spec")


# The self-test (which reads every kind of file the app reads: draft, xlsx, docx, GBK page, web
# archive, PDF; charts through QtSvg; the register's calendar) and an import of every module of
# the window, with the spec's excluded modules refused as in the package.
BLOCKED_RUN = r"""
import importlib, pkgutil, sys
blocked = set(sys.argv[1].split(","))

class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name in blocked or any(name.startswith(b + ".") for b in blocked):
            raise ModuleNotFoundError(f"left out of the package: {name}", name=name)
        return None

sys.meta_path.insert(0, Refuse())
already = sorted(m for m in blocked if m in sys.modules)
assert not already, already
import gui.main_window, core, gui
for pkg in (core, gui):
    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        if not m.name.endswith("__main__"):
            importlib.import_module(m.name)
from gui.app import self_test
code = self_test(sys.argv[2])
loaded = sorted(m for m in blocked if m in sys.modules)
assert not loaded, loaded
sys.exit(code)
"""


def test_the_self_test_passes_without_the_modules_the_package_leaves_out(tmp_path):
    excluded = spec_excludes()
    for name in ("_asyncio", "_multiprocessing", "readline", "_hashlib", "_codecs_jp", "_codecs_kr", "_codecs_tw",
                 "_codecs_hk", "_codecs_iso2022", "lxml.html.diff"):
        assert name in excluded
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OGI_REPORT_HOME": str(tmp_path / "home"),
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", BLOCKED_RUN, ",".join(excluded), str(tmp_path / "out")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "自检通过" in done.stdout
    assert "GBK" in done.stdout and "网页存档" in done.stdout


def _package(items: dict[str, bytes], header_size: int = 32) -> bytes:
    """An ICU common-data package laid out as ICU's pkg tool writes it."""
    info = struct.pack("<HHBBBB4s4s4s", 20, 0, 0, 0, 2, 0, b"CmnD", bytes([1, 0, 0, 0]), bytes(4))
    header = struct.pack("<HBB", header_size, 0xDA, 0x27) + info
    header += b"\0" * (header_size - len(header))
    names = sorted(items)
    toc_len = 4 + 8 * len(names)
    name_blob = b"".join(n.encode() + b"\0" for n in names)
    pos = toc_len + len(name_blob)
    pos += -(header_size + pos) % 16
    entries, body, name_pos = [], b"", toc_len
    for n in names:
        entries.append(struct.pack("<II", name_pos, pos + len(body)))
        name_pos += len(n) + 1
        body += items[n] + b"\0" * (-len(items[n]) % 16)
    head = struct.pack("<I", len(names)) + b"".join(entries) + name_blob
    head += b"\0" * (pos - len(head))
    return header + head + body


def _items(blob: bytes) -> dict[str, bytes]:
    header_size = struct.unpack_from("<H", blob, 0)[0]
    count = struct.unpack_from("<I", blob, header_size)[0]
    entries = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    out = {}
    for i, (n, d) in enumerate(entries):
        assert (header_size + d) % 16 == 0  # ICU maps items in place: 16-byte aligned
        end = entries[i + 1][1] if i + 1 < count else len(blob) - header_size
        name = blob[header_size + n:blob.index(b"\0", header_size + n)].decode()
        out[name] = blob[header_size + d:header_size + end]
    return out


def test_icu_package_keeps_collation_converters_and_zone_names_for_chinese():
    items = {  # item bodies of distinct lengths, so that a shifted offset shows
        "icudt73l/af.res": b"A" * 40,
        "icudt73l/brkitr/cjdict.dict": b"B" * 50,
        "icudt73l/cnvalias.icu": b"C" * 7,
        "icudt73l/coll/ja.res": b"J" * 33,
        "icudt73l/coll/root.res": b"R" * 20,
        "icudt73l/coll/ucadata.icu": b"U" * 64,
        "icudt73l/coll/zh.res": b"Z" * 17,
        "icudt73l/euc-tw-2014.cnv": b"T" * 30,
        "icudt73l/gb18030.cnv": b"G" * 5,
        "icudt73l/likelySubtags.res": b"L" * 9,
        "icudt73l/translit/root.res": b"X" * 12,
        "icudt73l/unames.icu": b"N" * 3,
        "icudt73l/zh.res": b"H" * 11,
        "icudt73l/zone/de.res": b"D" * 14,
        "icudt73l/zone/zh_Hant_TW.res": b"W" * 16,
    }
    blob = _package(items)
    assert _items(blob) == {k: v + b"\0" * (-len(v) % 16) for k, v in items.items()}  # the helper reads what it wrote
    trimmed, kept, dropped = icu_data.trim_package(blob)
    want = ["icudt73l/cnvalias.icu", "icudt73l/coll/root.res", "icudt73l/coll/ucadata.icu", "icudt73l/coll/zh.res",
            "icudt73l/gb18030.cnv", "icudt73l/likelySubtags.res", "icudt73l/zh.res", "icudt73l/zone/zh_Hant_TW.res"]
    got = _items(trimmed)
    assert sorted(got) == want and (kept, dropped) == (8, 7)
    for name in want:
        assert got[name].rstrip(b"\0") == items[name]
    assert trimmed[:32] == blob[:32]  # the header is ICU's own


def test_icu_trimming_of_the_wheels_library_keeps_what_qt_uses():
    import PySide6

    libs = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not libs:
        pytest.skip("this PySide6 uses the system's ICU")
    lib = libs[0].read_bytes()
    symbol, offset, size = icu_data._elf_data_symbol(lib)
    assert symbol.startswith("icudt") and size > 20_000_000
    trimmed, kept, dropped = icu_data.trim_package(lib[offset:offset + size])
    names = {n.split("/", 1)[1] for n in _items(trimmed)}
    for needed in ("coll/zh.res", "coll/root.res", "coll/ucadata.icu", "cnvalias.icu", "gb18030.cnv",
                   "ibm-1386_P100-2001.cnv", "zone/zh.res", "metaZones.res", "zoneinfo64.res", "root.res", "zh.res"):
        assert needed in names
    assert not any(n.startswith(("brkitr/", "translit/", "curr/", "lang/", "unit/")) for n in names)
    assert len(trimmed) < 5_000_000


def test_one_vc_runtime_copy_the_newest_at_the_top():
    versions = {"py/VCRUNTIME140.dll": (14, 38), "wheel/PySide6/VCRUNTIME140.dll": (14, 44),
                "wheel/shiboken6/VCRUNTIME140.dll": (14, 44), "x/MSVCP140.dll": (14, 40),
                "wheel/PySide6/MSVCP140.dll": (14, 44), "wheel/PySide6/MSVCP140_2.dll": (14, 44)}
    binaries = [("VCRUNTIME140.dll", "py/VCRUNTIME140.dll", "BINARY"),
                ("PySide6\\VCRUNTIME140.dll", "wheel/PySide6/VCRUNTIME140.dll", "BINARY"),
                ("shiboken6/vcruntime140.dll", "wheel/shiboken6/VCRUNTIME140.dll", "BINARY"),
                ("MSVCP140.dll", "x/MSVCP140.dll", "BINARY"),
                ("PySide6/MSVCP140.dll", "wheel/PySide6/MSVCP140.dll", "BINARY"),
                ("PySide6/MSVCP140_2.dll", "wheel/PySide6/MSVCP140_2.dll", "BINARY"),
                ("PySide6/Qt6Core.dll", "wheel/PySide6/Qt6Core.dll", "BINARY")]
    out = vc_runtime.one_vc_runtime(binaries, lambda src: versions[src])
    assert sorted(out) == sorted([("PySide6/Qt6Core.dll", "wheel/PySide6/Qt6Core.dll", "BINARY"),
                                  ("MSVCP140.dll", "wheel/PySide6/MSVCP140.dll", "BINARY"),
                                  ("MSVCP140_2.dll", "wheel/PySide6/MSVCP140_2.dll", "BINARY"),
                                  ("VCRUNTIME140.dll", "wheel/PySide6/VCRUNTIME140.dll", "BINARY")])
