"""Checks on an .xlsx archive before any XML of it is parsed.

An attachment holds ~200 numbers on five small sheets; a few hundred KB of
XML even after Excel or WPS re-saved it.  A 2 MB zip can unpack to gigabytes
(openpyxl would spend minutes and gigabytes on it), an XML part can carry a
DTD with entity bombs, and a number cell can hold thousands of digits.  All
of that is refused here from the archive's directory and one streaming pass
over the XML parts, in bounded time and memory, with a message saying why.
"""
from __future__ import annotations

import re
import zipfile
from io import BytesIO

from .errors import XlsxImportError

MAX_FILE_BYTES = 20 * 1024 * 1024  # the .xlsx itself
MAX_ENTRIES = 2000  # parts in the archive
MAX_XML_BYTES = 32 * 1024 * 1024  # all XML parts together, unpacked
MAX_SHEET_BYTES = 8 * 1024 * 1024  # one worksheet, unpacked
MAX_CELLS = 100_000  # cells on all sheets (an attachment has ~1,000 with labels)
MAX_ROWS = 100_000  # the <dimension> a sheet declares
MAX_COLS = 2_000
MAX_NUMBER_DIGITS = 24

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1024 * 1024
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})?(\d+)?(?::([A-Z]{1,3})(\d+))?"')
_LONG_NUMBER = re.compile(rb"<(?:\w+:)?v>\s*[-+]?\d{%d,}" % (MAX_NUMBER_DIGITS + 1))
_CELL_REF = re.compile(rb'<(?:\w+:)?c\s[^>]*?r="([A-Z]{1,3}\d{1,7})"')
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s>]")
# A shared-string item: counted in every part (its part is found by relationship, not by name).
# An 80 KB file of 1.5 million tiny strings cost openpyxl 31 s and any tree parser hundreds of MB.
_STRING_TAG = re.compile(rb"<(?:\w+:)?si[\s>]")
# OOXML parts never declare a DTD; one that does is built to attack the parser.
_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)")


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def _is_encrypted(data: bytes) -> bool:
    # Excel saves a password-protected .xlsx as an OLE container holding the
    # encrypted zip in a stream of this name (MS-OFFCRYPTO).
    return "EncryptedPackage".encode("utf-16-le") in data


def refuse_container(data: bytes, name: str) -> None:
    """Raise XlsxImportError for files that are not a zip at all but something we can name."""
    if data[:8] == _OLE_MAGIC:
        if _is_encrypted(data):
            raise XlsxImportError([(
                f"“{name}”设有打开密码（已加密），无法导入。请在 Excel 或 WPS 中打开它，取消密码"
                "（Excel：文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码；WPS：文件 → 文档加密 → 密码加密），"
                "保存后再导入。")])
        raise XlsxImportError([f"“{name}”是旧版 Excel 97-2003 格式（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再导入。"])


def too_big(name: str, what: str) -> XlsxImportError:
    return XlsxImportError([(
        f"“{name}”{what}，远超年报附表的规模（约200个数字），不予导入。"
        "如果这是填好的附表，请删除其中无关的工作表和内容，或把三张表复制到空白模板中再导入。")])


def _refuse_utf16(head: bytes, part: str, name: str) -> None:
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head[:64]:
        # UTF-16 XML would hide a DTD from a byte scan; no office program writes it.
        raise XlsxImportError([f"“{name}”的内部文件“{part}”不是 UTF-8 编码，不是有效的 Excel 文件。"])


def _dtd_error(part: str, name: str) -> XlsxImportError:
    return XlsxImportError([(
        f"“{name}”的内部文件“{part}”含有 DTD 或实体声明，正常的 Excel 文件不会有这些内容，"
        "可能是被恶意构造的文件，不予导入。")])


def check_sheet_size(info: zipfile.ZipInfo, name: str, max_sheet_bytes: int = MAX_SHEET_BYTES) -> None:
    """check_archive's size cap on one worksheet, wherever the workbook keeps it: check_archive
    knows sheets by their usual folder, a reader finds them by relationship."""
    if info.file_size > max_sheet_bytes:
        raise too_big(name, f"的工作表（{info.filename}）解压后有{_mb(info.file_size)}")


def check_xml_part(xml: bytes, part: str, name: str) -> None:
    """The same refusals as check_archive's scan, on one part about to be parsed:
    check_archive stops scanning at the first damaged part, so a part read
    after that must not reach the parser unchecked."""
    _refuse_utf16(xml, part, name)
    if _DTD.search(xml):
        raise _dtd_error(part, name)


class _Counts:
    """Cells and shared strings seen so far in the archive, refused as soon as one passes the cap
    (after the chunk that passes it, not at the end of a part that may unpack to 30 MB)."""

    def __init__(self, name: str, cap: int) -> None:
        self.name, self.cap = name, cap
        self.cells = self.strings = 0

    def add(self, cells: int, strings: int) -> None:
        self.cells += cells
        self.strings += strings
        if self.cells > self.cap:
            raise too_big(self.name, f"有超过{self.cap}个单元格")
        if self.strings > self.cap:  # a workbook has no more distinct texts than cells
            raise too_big(self.name, f"有超过{self.cap}条共享文字")


def _scan_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, sheet: bool, counts: _Counts) -> None:
    """Stream one XML part: refuse a DTD or an over-long number; count its cells and shared strings."""
    tail = b""
    first = True
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                break
            if first:
                first = False
                _refuse_utf16(chunk, info.filename, name)
                if sheet:
                    _check_dimension(chunk[:4096], info.filename, name)
            window = tail + chunk
            if _DTD.search(window):
                raise _dtd_error(info.filename, name)
            if sheet:
                long = _LONG_NUMBER.search(window)
                if long:
                    refs = _CELL_REF.findall(window, 0, long.start())
                    where = f"单元格 {refs[-1].decode()} " if refs else ""
                    raise XlsxImportError([(
                        f"“{name}”的内部文件“{info.filename}”中{where}的数字超过{MAX_NUMBER_DIGITS}位，"
                        "不是有效的年报数字，不予导入。")])
            counts.add(len(_CELL_TAG.findall(chunk)) if sheet else 0, len(_STRING_TAG.findall(chunk)))
            # Keep enough of the end to match a pattern cut across two chunks.
            tail = window[-256:]


def _check_dimension(head: bytes, part: str, name: str) -> None:
    m = _DIMENSION.search(head)
    if m is None or m.group(4) is None:
        return
    rows = int(m.group(4))
    cols = _col_number(m.group(3))
    if rows > MAX_ROWS or cols > MAX_COLS:
        raise too_big(name, f"的工作表（{part}）声明了{rows}行×{cols}列")


# An office's request register (台账) is far larger than an attachment: 20,000
# requests of ~20 columns.  Its own caps, still bounded.
REGISTER_MAX_CELLS = 1_000_000
REGISTER_MAX_SHEET_BYTES = 64 * 1024 * 1024


def check_archive(data: bytes, name: str, *, max_cells: int = MAX_CELLS, max_sheet_bytes: int = MAX_SHEET_BYTES) -> None:
    """Refuse an archive that is too large once unpacked, holds a DTD, or has
    absurd numbers, before openpyxl parses anything.  Bad zips are left to
    openpyxl, whose error the caller turns into "not a valid .xlsx"."""
    max_xml_bytes = max(MAX_XML_BYTES, max_sheet_bytes * 2)
    if len(data) > MAX_FILE_BYTES:
        raise too_big(name, f"有{_mb(len(data))}")
    try:
        zf = zipfile.ZipFile(BytesIO(data))
    except Exception:  # noqa: BLE001 - not a zip at all: openpyxl's error becomes "not a valid file"
        return
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise too_big(name, f"内含{len(infos)}个文件")
        xml = [i for i in infos if i.filename.lower().endswith((".xml", ".rels", ".vml"))]
        total = sum(i.file_size for i in xml)
        if total > max_xml_bytes:
            raise too_big(name, f"解压后有{_mb(total)}的表格数据")
        sheets = [i for i in xml if i.filename.startswith("xl/worksheets/")]
        sheet_parts = {i.filename for i in sheets}
        for info in sheets:
            check_sheet_size(info, name, max_sheet_bytes)
        counts = _Counts(name, max_cells)
        try:
            for info in xml:
                _scan_part(zf, info, name, info.filename in sheet_parts, counts)
        except XlsxImportError:
            raise
        except Exception:  # noqa: BLE001 - zlib.error, BadZipFile, unknown compression, encrypted entries...
            # A damaged archive: openpyxl meets the same damage and the caller says "not a valid file".
            return
