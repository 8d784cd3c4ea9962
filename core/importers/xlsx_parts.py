"""The workbook-level parts of an .xlsx that xlsx_cells needs besides the sheets:
relationships (which part is which), the shared strings and the number format
of each cell style, read as openpyxl reads them (reader/strings.py,
styles/stylesheet.py).  Every part is checked for a DTD right before it is
parsed: check_archive stops scanning at the first damaged part."""
from __future__ import annotations

import posixpath
import zipfile
from xml.etree.ElementTree import Element, fromstring

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

from .xlsx_guard import check_xml_part

# Built-in number formats of the East Asian locales, all dates or times (ECMA-376 Part 1,
# 18.8.30: in zh-CN 27 = yyyy"年"m"月", 31 = yyyy"年"m"月"d"日", 32 = h"时"mm"分" …).  Excel in
# Chinese uses these ids for its own date formats and, being built in, writes no code for them;
# openpyxl knows none of them and reads a bare number, so a 成文日期 entered as a date on the cover
# became "45677".  The one place where this reader deliberately differs from openpyxl.
EAST_ASIAN_DATES = frozenset(range(27, 37)) | frozenset(range(50, 59))


def ns_of(tag: str) -> str:
    """The namespace part "{…}" of a tag: transitional and strict OOXML alike."""
    return tag[: tag.index("}") + 1] if tag.startswith("{") else ""


def local_name(tag: str) -> str:
    return tag.rpartition("}")[2]


def parse_part(z: zipfile.ZipFile, part: str, name: str) -> Element:
    xml = z.read(part)
    check_xml_part(xml, part, name)
    return fromstring(xml)  # noqa: S314 - DTDs refused just above; sizes bounded by check_archive


def relationships(z: zipfile.ZipFile, part: str, name: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, part) of a part, targets resolved against its folder."""
    folder, base = posixpath.split(part)
    path = posixpath.join(folder, "_rels", base + ".rels")
    if path not in z.NameToInfo:
        return {}
    out = {}
    for rel in parse_part(z, path, name):
        rid, target = rel.get("Id"), rel.get("Target")
        if rid is None or target is None or rel.get("TargetMode") == "External":
            continue
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[rid] = (rel.get("Type") or "", resolved)
    return out


def string_text(node: Element, ns: str) -> str:
    """A string item's text: its plain <t> and the <t> of each rich-text run, without
    phonetic guides (openpyxl's Text.content)."""
    plain: str | None = None
    runs: list[str] = []
    for child in node:
        if child.tag == ns + "t":
            plain = child.text
        elif child.tag == ns + "r":
            t = None
            for sub in child:
                if sub.tag == ns + "t":
                    t = sub.text
            if t is not None:
                runs.append(t)
    return (plain or "") + "".join(runs)


def shared_strings(root: Element) -> list[str]:
    ns = ns_of(root.tag)
    # openpyxl drops the escape prefix of "_x005F_xHHHH_" and keeps the rest as written
    return [string_text(si, ns).replace("x005F_", "") for si in root if si.tag == ns + "si"]


def number_formats(root: Element) -> tuple[list[str | None], set[int], set[int]]:
    """Number format of each cell style, and the styles that make a number a date / a duration."""
    ns = ns_of(root.tag)
    custom: dict[int, str] = {}
    ids: list[int] = []
    for section in root:
        if section.tag == ns + "numFmts":
            for nf in section:
                if nf.tag == ns + "numFmt":
                    custom[int(nf.get("numFmtId", "0"))] = nf.get("formatCode", "")
        elif section.tag == ns + "cellXfs":
            ids = [int(xf.get("numFmtId", "0")) for xf in section if xf.tag == ns + "xf"]
    # a workbook's own code wins over the built-in one of the same id (openpyxl's _normalise_numbers)
    formats = [custom[i] if i in custom else BUILTIN_FORMATS.get(i) for i in ids]
    dates = {i for i, (fmt_id, fmt) in enumerate(zip(ids, formats))
             if is_date_format(fmt) or (fmt is None and fmt_id in EAST_ASIAN_DATES)}
    durations = {i for i, fmt in enumerate(formats) if is_timedelta_format(fmt)}
    return formats, dates, durations
