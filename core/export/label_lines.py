"""Breaking table labels into lines that read well in a narrow cell.

A renderer left to itself fills each line and leaves the remainder alone on the
last one (自然/人, （三）不予公/开).  The exports instead break every label
themselves: the fewest lines that fit the cell, as even as possible, never a
line of one or two characters (except equal lines of two, which are the
two-character words of 商业/企业 or 社会/公益/组织), never a line that starts with closing punctuation or ends with an
opening one, and preferably right after a closing bracket or list mark
(（三）/不予公开).  Widths are in 字 (a CJK character is 1, ASCII ½).
"""
from __future__ import annotations

from functools import lru_cache

from .content import text_units

MIN_LINE = 3.0  # 字: no wrapped line shorter than this
_NO_START = set("，。、；：）》”’！？)")
_NO_END = set("（《“‘(")
_GOOD_BREAK_AFTER = set("）、，；)")
_EPS = 1e-6


def line_ok(lines: list[str], width: float) -> bool:
    """The acceptance rule the exports promise (tests check rendered labels with it)."""
    if any(text_units(line) > width + _EPS for line in lines):
        return False
    if len(lines) == 1:
        return True
    sizes = [text_units(line) for line in lines]
    if min(sizes) >= MIN_LINE - _EPS:
        return True
    # equal lines of two: 商业/企业, 社会/公益/组织 (words of two characters)
    return max(sizes) - min(sizes) < _EPS and min(sizes) >= 2 - _EPS


@lru_cache(maxsize=4096)
def break_label(text: str, width: float) -> tuple[str, ...] | None:
    """The best lines for text in a cell `width` 字 wide, or None if no breaking
    satisfies line_ok (the cell is too narrow for this label)."""
    if text_units(text) <= width + _EPS:
        return (text,)
    prefix = [0.0]
    for ch in text:
        prefix.append(prefix[-1] + text_units(ch))
    fewest = max(2, int(-(-prefix[-1] // width)))
    for count in range(fewest, fewest + 4):
        lines = _even_lines(text, prefix, count, width)
        if lines is not None and line_ok(list(lines), width):
            return lines
    return None


def _even_lines(text: str, prefix: list[float], count: int, width: float) -> tuple[str, ...] | None:
    """Exactly `count` lines, each ≤ width and ≥ MIN_LINE where possible, as even as possible."""
    n = len(text)
    inf = float("inf")
    pairs = abs(prefix[-1] - 2 * count) < _EPS  # equal lines of two
    # cost[k][i]: best cost of text[:i] in k lines.
    cost = [[inf] * (n + 1) for _ in range(count + 1)]
    back = [[-1] * (n + 1) for _ in range(count + 1)]
    cost[0][0] = 0.0
    for k in range(1, count + 1):
        for i in range(1, n + 1):
            if i < n and (text[i] in _NO_START or text[i - 1] in _NO_END):
                continue
            for j in range(i - 1, -1, -1):
                size = prefix[i] - prefix[j]
                if size > width + _EPS:
                    break
                if cost[k - 1][j] == inf:
                    continue
                c = cost[k - 1][j] + (width - size) ** 2
                if size < MIN_LINE - _EPS and not pairs:
                    c += 1000.0
                if i < n and text[i - 1] in _GOOD_BREAK_AFTER:
                    c -= 1.5
                if c < cost[k][i]:
                    cost[k][i], back[k][i] = c, j
    if cost[count][n] == inf:
        return None
    lines: list[str] = []
    i = n
    for k in range(count, 0, -1):
        j = back[k][i]
        lines.append(text[j:i])
        i = j
    return tuple(reversed(lines))


def min_width(text: str, *, start: float = 2.0, limit: float = 40.0) -> float:
    """The narrowest width (in ½-字 steps) at which text breaks acceptably."""
    w = start
    while w < limit:
        if break_label(text, w) is not None:
            return w
        w += 0.5
    return limit
