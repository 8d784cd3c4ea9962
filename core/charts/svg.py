"""SVG building blocks shared by every chart: fonts, tones, fill patterns, text.

Everything is written for Qt's SVG renderer (which turns the charts into PNG in
the window and the packaged app) as well as for browsers (the HTML page).  The
charts must read in grey print, so every fill has a clearly different
lightness *and* its own pattern, and every bar or segment also carries a direct
text label with its number.
"""
from __future__ import annotations

from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from ..export.settings import HEADING1_FONTS
from ..forms.schema import Number
from ..model.values import format_value
from ..text_width import is_wide

WIDTH = 1080  # px; the long image and every chart are this wide

# 黑体 as the exported Word headings use it, then what Windows, UOS/麒麟 and
# macOS have for a 黑体 style (Noto Sans CJK SC comes with fonts-noto-cjk).
FONT_NAMES: tuple[str, ...] = (*HEADING1_FONTS[:2], "SimHei", "Microsoft YaHei", "Noto Sans CJK SC",
                               "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC")
FONT_FAMILY = ", ".join(f"'{name}'" for name in FONT_NAMES) + ", sans-serif"

INK = "#1a1a1a"
MUTED = "#555555"
RULE = "#b0b0b0"
ACCENT = "#a8201a"  # the red of government portals; dark enough to print as near-black

# Fills from dark to light, each with its own pattern, so neighbouring series
# stay apart in a grey print.  (id, base colour, pattern stroke or "").
FILLS: tuple[tuple[str, str, str], ...] = (
    ("f0", "#a8201a", ""),  # solid dark red
    ("f1", "#e9a38f", "#a8201a"),  # light red, diagonal hatch
    ("f2", "#7b8794", ""),  # solid slate, mid grey in print
    ("f3", "#d5dbe1", "#34495e"),  # pale slate, dots
    ("f4", "#f3d27a", "#8a6d12"),  # pale gold, horizontal lines
    ("f5", "#ffffff", "#555555"),  # white, cross hatch
    ("f6", "#cfcfcf", ""),  # solid light grey
)


def _pattern(fid: str, base: str, stroke: str, n: int) -> str:
    if not stroke:
        return ""
    size = 10
    if n == 1:
        marks = f'<path d="M0,{size} L{size},0 M-2,2 L2,-2 M{size - 2},{size + 2} L{size + 2},{size - 2}" ' \
                f'stroke="{stroke}" stroke-width="2.2"/>'
    elif n == 3:
        marks = f'<circle cx="5" cy="5" r="1.8" fill="{stroke}"/>'
    elif n == 4:
        marks = f'<path d="M0,5 L{size},5" stroke="{stroke}" stroke-width="2"/>'
    else:
        marks = f'<path d="M0,0 L{size},{size} M{size},0 L0,{size}" stroke="{stroke}" stroke-width="1.4"/>'
    return (f'<pattern id="{fid}" patternUnits="userSpaceOnUse" width="{size}" height="{size}">'
            f'<rect width="{size}" height="{size}" fill="{base}"/>{marks}</pattern>')


def defs() -> str:
    """The <defs> every chart document needs (once per document)."""
    return "<defs>" + "".join(_pattern(fid, base, stroke, n) for n, (fid, base, stroke) in enumerate(FILLS)) + "</defs>"


def fill(n: int) -> str:
    fid, base, stroke = FILLS[n % len(FILLS)]
    return f"url(#{fid})" if stroke else base


def fill_is_dark(n: int) -> bool:
    """Whether a label drawn on this fill must be white."""
    return not FILLS[n % len(FILLS)][2] and n % len(FILLS) != 6


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Approximate advance of `text` in the 黑体 style fonts: CJK 1 em, digits
    and Latin about 0.56 em, 0.6 in bold (Noto Sans CJK SC; 黑体 is narrower).
    Layout leaves slack for the difference."""
    latin = 0.6 if bold else 0.56
    em = 0.0
    for ch in text:
        if is_wide(ch):
            em += 1.0
        elif ch in "%":
            em += 0.95
        elif ch in ".,:;·":
            em += 0.3
        else:
            em += latin
    return em * size


def number_text(value: Number) -> str:
    return format_value(value, blank="0")


def scale(value: Number, biggest: Number, span: float) -> float:
    """Length of a bar for `value` when `biggest` gets `span` pixels."""
    return float(value) / float(biggest) * span if biggest else 0.0


def percent_text(part: Number, whole: Number) -> str:
    """part / whole as a percentage with one decimal (half up), e.g. 12.5%."""
    if not whole:
        return "—"
    pct = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding="ROUND_HALF_UP")
    return f"{pct}%"


def text(
    x: float,
    y: float,
    s: str,
    size: float,
    *,
    anchor: str = "start",
    weight: str = "normal",
    color: str = INK,
    key: str | None = None,
) -> str:
    """One line of text.  `key` marks a number taken from the report (tests
    read every marked label back and compare it with the report)."""
    attrs = f'x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" fill="{color}"'
    if anchor != "start":
        attrs += f' text-anchor="{anchor}"'
    if weight != "normal":
        attrs += f' font-weight="{weight}"'
    if key is not None:
        attrs += f" data-key={quoteattr(key)}"
    return f"<text {attrs}>{escape(s)}</text>"


def rect(x: float, y: float, w: float, h: float, paint: str, *, stroke: str = "", rx: float = 0) -> str:
    extra = f' stroke="{stroke}" stroke-width="1"' if stroke else ""
    if rx:
        extra += f' rx="{rx:g}"'
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{max(h, 0):.1f}" fill="{paint}"{extra}/>'


def line(x1: float, y1: float, x2: float, y2: float, color: str = RULE, width: float = 1) -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{color}" stroke-width="{width:g}"/>'


def document(width: int, height: int, body: str, title: str) -> str:
    """A standalone SVG file."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + element(width, height, body, title, defs()) + "\n"


def element(width: int, height: int, body: str, title: str, shared: str = "") -> str:
    """An <svg> element; `shared` holds the <defs> unless the page already has them."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{escape(FONT_FAMILY)}">'
        f"<title>{escape(title)}</title>{shared}"
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>{body}</svg>'
    )
