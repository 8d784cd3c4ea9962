"""Fonts in the .docx: how runs name them, and the font table that declares them.

Word picks a substitute for a missing font from the font table: with the
panose class, the GB2312 charset and an altName (仿宋_GB2312 → 仿宋) it falls
back to the intended face; without an entry it falls back to its default
(等线/Calibri).  Every East Asian name a document may use gets an entry.
"""
from __future__ import annotations

from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

# name -> (altName, panose1, family, pitch); all charset 86 (GB2312).
CJK_FONTS: dict[str, tuple[str, str, str, str]] = {
    "仿宋_GB2312": ("仿宋", "02010609030101010101", "modern", "fixed"),
    "楷体_GB2312": ("楷体", "02010609030101010101", "modern", "fixed"),
    "方正小标宋简体": ("宋体", "02000000000000000000", "auto", "variable"),
    "仿宋": ("FangSong", "02010609060101010101", "modern", "fixed"),
    "楷体": ("KaiTi", "02010609060101010101", "modern", "fixed"),
    "黑体": ("SimHei", "02010609060101010101", "modern", "fixed"),
    "宋体": ("SimSun", "02010600030101010101", "auto", "variable"),
    "华文中宋": ("STZhongsong", "02010600040101010101", "auto", "variable"),
    "华文楷体": ("STKaiti", "02010600040101010101", "auto", "variable"),
    "微软雅黑": ("Microsoft YaHei", "020B0503020204020204", "swiss", "variable"),
}
# A face the user typed that we do not know: fall back by class to 宋体.
_UNKNOWN = ("宋体", "02010600030101010101", "auto", "variable")
_LATIN = {"Times New Roman": "02020603050405020304"}


def set_fonts(rpr_parent: Any, east_asian: str, western: str, *, cjk_hint: bool = True) -> None:
    """Name the fonts explicitly (ascii/hAnsi for digits and Latin, eastAsia for
    Chinese) and drop theme references, which would otherwise win.

    The eastAsia hint makes quotation marks (“三安全一稳定”) take the Chinese
    font; runs of bare numbers go without it, or renderers set their digits in
    the wider Chinese font too."""
    rpr = rpr_parent.get_or_add_rPr() if hasattr(rpr_parent, "get_or_add_rPr") else rpr_parent
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), western)
    fonts.set(qn("w:hAnsi"), western)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:cs"), western)
    if cjk_hint:
        fonts.set(qn("w:hint"), "eastAsia")
    else:
        fonts.attrib.pop(qn("w:hint"), None)


def _font_el(name: str) -> Any:
    el = OxmlElement("w:font")
    el.set(qn("w:name"), name)
    if name in _LATIN:
        parts: tuple[str | None, str, str, str, str] = (None, _LATIN[name], "roman", "variable", "00")
    else:
        alt, panose, family, pitch = CJK_FONTS.get(name, _UNKNOWN)
        parts = (alt, panose, family, pitch, "86")
    alt_name, panose, family, pitch, charset = parts
    if alt_name and alt_name != name:
        a = OxmlElement("w:altName")
        a.set(qn("w:val"), alt_name)
        el.append(a)
    for tag, val in (("w:panose1", panose), ("w:charset", charset), ("w:family", family), ("w:pitch", pitch)):
        child = OxmlElement(tag)
        child.set(qn("w:val"), val)
        el.append(child)
    return el


def used_fonts(doc: Any) -> set[str]:
    """Every font name the document body, styles and footers refer to."""
    names: set[str] = set()
    parts = [doc.element, doc.styles.element]
    for section in doc.sections:
        parts += [section.footer._element, section.even_page_footer._element]
    for root in parts:
        for f in root.iter(qn("w:rFonts")):
            for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                if f.get(qn(attr)):
                    names.add(f.get(qn(attr)))
    return names


def write_font_table(doc: Any) -> None:
    """Replace the template's font table with entries for the fonts in use."""
    part = next(rel.target_part for rel in doc.part.rels.values() if rel.reltype == RT.FONT_TABLE)
    root = etree.fromstring(part.blob)
    for old in root.findall(qn("w:font")):
        root.remove(old)
    for name in sorted(used_fonts(doc)):
        root.append(_font_el(name))
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
