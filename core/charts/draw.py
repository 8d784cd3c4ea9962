"""Chart shapes: labelled horizontal bars, yearly columns, stacked outcome rows,
and the box a chart shows when it has no data.  Each returns SVG elements drawn
from y = 0 downwards in a box WIDTH wide, and the height it used."""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..forms.schema import Number
from .figures import Bar, Outcomes
from .svg import (
    ACCENT,
    INK,
    MUTED,
    RULE,
    WIDTH,
    fill,
    fill_is_dark,
    line,
    number_text,
    percent_text,
    rect,
    scale,
    text,
    text_width,
)

MARGIN = 60
LABEL = 26  # px, bar labels and values
SMALL = 21
UNIT = "件"


NO_LINE_START = set("）)%。，、：；！？”’」』.")
NUMBER_CHARS = set("0123456789.%")


def _can_break(before: str, ch: str) -> bool:
    """Chinese line breaking: no line starts with closing punctuation, and a
    number (36.0%) is never split."""
    if ch in NO_LINE_START:
        return False
    return not (ch in NUMBER_CHARS and before[-1:] in NUMBER_CHARS)


def wrap(s: str, size: float, width: float) -> list[str]:
    """Break a line of Chinese text to fit `width`."""
    lines: list[str] = []
    current = ""
    for ch in s:
        if current and text_width(current + ch, size) > width and _can_break(current, ch):
            lines.append(current)
            current = ""
        current += ch
    if current:
        lines.append(current)
    return lines


def heading(title: str, subtitle: str = "") -> tuple[str, float]:
    """A chart's title with a red marker, and an optional grey line under it."""
    out: list[str] = []
    y = 0.0
    lines = wrap(title, 34, WIDTH - 2 * MARGIN - 22)
    out.append(rect(MARGIN, 6, 8, 38 + 50 * (len(lines) - 1), ACCENT).replace("<rect", '<rect class="mark"'))
    for ln in lines:
        out.append(text(MARGIN + 22, y + 38, ln, 34, weight="bold"))
        y += 50
    y += 6
    for ln in wrap(subtitle, SMALL, WIDTH - 2 * MARGIN - 22) if subtitle else []:
        y += SMALL + 8
        out.append(text(MARGIN + 22, y, ln, SMALL, color=MUTED))
    return "".join(out), y + 24


def empty(message: str, top: float) -> tuple[str, float]:
    """No data: say so in a quiet box instead of drawing an empty axis."""
    lines = wrap(message, LABEL, WIDTH - 2 * MARGIN - 60)
    h = 90.0 + len(lines) * (LABEL + 12)
    body = rect(MARGIN, top, WIDTH - 2 * MARGIN, h, "#f4f4f4", stroke=RULE, rx=6)
    y = top + h / 2 - (len(lines) - 1) * (LABEL + 12) / 2 + 9
    for ln in lines:
        body += text(WIDTH / 2, y, ln, LABEL, anchor="middle", color=MUTED)
        y += LABEL + 12
    return f'<g data-empty="1">{body}</g>', top + h + 20


def hbars(bars: Sequence[Bar], top: float, *, whole: Number | None = None,
          fills: Sequence[int] | None = None) -> tuple[str, float]:
    """One labelled bar per item; items of a group follow its heading, indented.
    With `whole`, each value is followed by its share of it."""
    indent = 28 if any(b.group for b in bars) else 0
    label_w = max(text_width(b.label, LABEL) + (indent if b.group else 0) for b in bars) + 24
    tail = max(text_width(f"{number_text(b.value)}{UNIT}", LABEL, True) for b in bars) + 16
    if whole is not None:
        tail += text_width("（100.0%）", SMALL) + 8
    x0 = MARGIN + label_w
    span = WIDTH - MARGIN - x0 - tail
    biggest = max((b.value for b in bars), default=0) or 1
    out: list[str] = []
    y = top
    group = ""
    bar_h, step = 34.0, 50.0
    for n, b in enumerate(bars):
        if b.group and b.group != group:
            out.append(text(MARGIN, y + 26, b.group, SMALL, color=MUTED, weight="bold"))
            y += 40
        group = b.group
        x_label = MARGIN + (indent if b.group else 0)
        out.append(text(x_label, y + bar_h / 2 + 9, b.label, LABEL))
        w = scale(b.value, biggest, span)
        paint_n = fills[n] if fills is not None else 0
        if w > 0:
            out.append(rect(x0, y, max(w, 3), bar_h, fill(paint_n), stroke=INK if not fill_is_dark(paint_n) else ""))
        else:
            out.append(line(x0, y + 2, x0, y + bar_h - 2, INK, 2))
        vx = x0 + max(w, 3) + 10
        out.append(text(vx, y + bar_h / 2 + 9, f"{number_text(b.value)}{UNIT}", LABEL, weight="bold", key=b.key))
        if whole is not None:
            share = percent_text(b.value, whole)
            out.append(text(vx + text_width(f"{number_text(b.value)}{UNIT}", LABEL, True) + 8, y + bar_h / 2 + 8,
                            f"（{share}）", SMALL, color=MUTED, key=f"{b.key}%"))
        y += step
    out.append(line(x0, top - 6, x0, y - step + bar_h + 6, INK, 1.5))
    return "".join(out), y + 6


def columns(points: Sequence[tuple[int, Bar]], top: float) -> tuple[str, float]:
    """Yearly columns, the latest year solid, earlier years hatched; value on top."""
    plot_h = 300.0
    n = len(points)
    slot = min(180.0, (WIDTH - 2 * MARGIN) / max(n, 1))
    bar_w = slot * 0.56
    x_start = (WIDTH - slot * n) / 2
    biggest = max((b.value for _, b in points), default=0) or 1
    base = top + 40 + plot_h
    out = [line(MARGIN, base, WIDTH - MARGIN, base, INK, 1.5)]
    for i, (year, b) in enumerate(points):
        cx = x_start + slot * (i + 0.5)
        h = scale(b.value, biggest, plot_h)
        latest = i == n - 1
        if h > 0:
            out.append(rect(cx - bar_w / 2, base - h, bar_w, h, fill(0 if latest else 1),
                            stroke="" if latest else INK))
        out.append(text(cx, base - max(h, 0) - 12, f"{number_text(b.value)}{UNIT}", LABEL, anchor="middle",
                        weight="bold", key=f"{year}:{b.key}"))
        out.append(text(cx, base + 36, f"{year}年", LABEL, anchor="middle", weight="bold" if latest else "normal",
                        color=INK if latest else MUTED))
    return "".join(out), base + 62


def change_note(points: Sequence[tuple[int, Bar]]) -> str:
    """“比上年增加N件（增长x%）” for the latest year, or "" without a year before it."""
    if len(points) < 2 or points[-2][0] != points[-1][0] - 1:
        return ""
    before, now = points[-2][1].value, points[-1][1].value
    diff = Decimal(now) - Decimal(before)
    if diff == 0:
        return "与上年持平。"
    word = "增加" if diff > 0 else "减少"
    rate = f"（{'增长' if diff > 0 else '下降'}{percent_text(abs(diff), before)}）" if before else ""
    return f"比上年{word}{number_text(abs(diff))}{UNIT}{rate}。"


def outcome_rows(blocks: Sequence[Outcomes], top: float) -> tuple[str, float]:
    """Stacked bars, one per block; a legend of patterns, and every number written
    out under its bar so nothing depends on telling fills apart."""
    out: list[str] = []
    names = [p.label for p in blocks[0].parts]
    x = float(MARGIN)
    for i, name in enumerate(names):  # legend
        out.append(rect(x, top, 30, 22, fill(i), stroke=INK))
        out.append(text(x + 38, top + 19, name, SMALL))
        x += 38 + text_width(name, SMALL) + 34
    y = top + 52
    label_w = max(text_width(b.label, LABEL) + (28 if b.group else 0) for b in blocks) + 24
    x0 = MARGIN + label_w
    tail = max(text_width(f"{b.total.label}{number_text(b.total.value)}{UNIT}", LABEL, True) for b in blocks) + 16
    span = WIDTH - MARGIN - x0 - tail
    biggest = max((b.total.value for b in blocks), default=0) or 1
    group = ""
    for b in blocks:
        if b.group and b.group != group:
            out.append(text(MARGIN, y + 24, b.group, SMALL, color=MUTED, weight="bold"))
            y += 38
        group = b.group
        out.append(text(MARGIN + (28 if b.group else 0), y + 26, b.label, LABEL))
        xs = x0
        for i, p in enumerate(b.parts):
            w = scale(p.value, biggest, span)
            if w > 0:
                out.append(rect(xs, y, w, 36, fill(i), stroke=INK))
            xs += w
        if xs == x0:
            out.append(line(x0, y + 2, x0, y + 34, INK, 2))
        out.append(text(xs + 12, y + 27, f"{b.total.label}{number_text(b.total.value)}{UNIT}", LABEL,
                        weight="bold", key=b.total.key))
        parts_x = x0
        for p in b.parts:
            s = f"{p.label} {number_text(p.value)}"
            out.append(text(parts_x, y + 66, s, SMALL, color=MUTED, key=p.key))
            parts_x += text_width(s, SMALL) + 26
        y += 100
    return "".join(out), y


def big_figure(x: float, y: float, value: str, unit: str, caption: str, *, key: str | None = None,
               size: float = 64, width: float = 440, caption_size: float = SMALL) -> str:
    """A key figure: the number in large type, its unit, a caption under it."""
    # the unit follows the number as a tspan, so it sits right after the digits whatever their font
    number = text(x, y, value, size, weight="bold", color=ACCENT, key=key)
    out = [number.replace("</text>", f'<tspan font-size="{LABEL}" dx="4">{unit}</tspan></text>') if unit else number]
    caption_lines = [ln for part in caption.split("\n") for ln in wrap(part, caption_size, width)]
    for i, ln in enumerate(caption_lines):
        out.append(text(x, y + 38 + i * (caption_size + 8), ln, caption_size, color=MUTED))
    return "".join(out)
