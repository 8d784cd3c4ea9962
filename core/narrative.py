"""Paragraph structure of the narrative sections.

Clerks type structure the way reports print it: a paragraph that starts with
（一）…（十） is a level-2 heading (楷体), one that starts with 1. 2. … a level-3
heading (仿宋).  Often the heading and its text share a paragraph:
"（一）主动公开情况。一年来……"; then only the part up to the first 。 is the
heading.
"""
from __future__ import annotations

import re

from .records import record

_LEVEL2 = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")
_LEVEL3 = re.compile(r"^\d{1,2}[.．、](?!\d)")
_HEADING_MAX = 40  # longer leads are sentences, not headings


@record
class Paragraph:
    level: int  # 0 body, 2 （一）-style heading, 3 1.-style heading
    heading: str  # the heading part ("" for body paragraphs)
    body: str  # the rest of the paragraph

    @property
    def text(self) -> str:
        return self.heading + self.body


def paragraphs(text: str) -> list[Paragraph]:
    """Split a section text into paragraphs (one per non-empty line)."""
    out: list[Paragraph] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        level = 2 if _LEVEL2.match(line) else 3 if _LEVEL3.match(line) else 0
        if level == 0:
            out.append(Paragraph(0, "", line))
            continue
        stop = line.find("。")
        if 0 <= stop < _HEADING_MAX and stop < len(line) - 1:
            out.append(Paragraph(level, line[: stop + 1], line[stop + 1 :]))
        elif stop == -1 and len(line) <= _HEADING_MAX:
            out.append(Paragraph(level, line, ""))
        elif stop == len(line) - 1 and len(line) <= _HEADING_MAX:
            out.append(Paragraph(level, line, ""))
        else:
            out.append(Paragraph(level, "", line))
    return out
