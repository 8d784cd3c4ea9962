"""Where on its page each block of the Word document falls, estimated.

Body text sits on a fixed 22 × 28 layout (exact line pitch, characters
condensed to the grid pitch), and table rows have exact line heights, so the
page flow can be followed closely enough to decide one thing the renderers do
not agree on: whether a table that fits on a page must start on a new page.
Word keeps a heading with a table whose rows are all kept together; LibreOffice
moves the table and leaves the heading alone at the foot of the page.  The
exporter therefore breaks the page before such a heading itself, with a line of
slack so an estimate one line short never strands the heading.
"""
from __future__ import annotations

from ..text_width import char_units
from ..records import record

HANGING = set("，。、；：！？）》”’")  # may hang past the line end (Word and LibreOffice)
NO_LINE_END = set("（《“‘")


_units = char_units


def line_count(text: str, chars_per_line: float, first_indent: float = 2.0) -> int:
    """Lines a justified body paragraph takes on a chars_per_line grid."""
    lines, used, capacity = 1, first_indent, chars_per_line
    for i, ch in enumerate(text):
        w = _units(ch)
        if used + w > capacity + 1e-6:
            if ch in HANGING:
                continue  # hangs in the margin
            lines += 1
            used = 0.0
            if i and text[i - 1] in NO_LINE_END:
                used += _units(text[i - 1])
        used += w
    return lines


@record(frozen=False)
class PageFlow:
    page_height: float  # pt
    y: float = 0.0  # pt used on the current page
    page: int = 1

    def add_lines(self, n: int, pitch: float, space_before: float = 0.0) -> None:
        if self.y > 0:
            self.y += space_before
        for _ in range(n):
            if self.y + pitch > self.page_height + 0.5:
                self.page += 1
                self.y = 0.0
            self.y += pitch

    def remaining(self) -> float:
        return self.page_height - self.y

    def new_page(self) -> None:
        if self.y > 0:
            self.page += 1
            self.y = 0.0

    def add_block(self, height: float, *, keep_together: bool, header: float = 0.0) -> None:
        """A table: moved whole to the next page when kept together, else split
        with its header rows repeated."""
        if keep_together:
            if self.y + height > self.page_height + 0.5:
                self.new_page()
            self.y += height
            return
        left = height
        while self.y + left > self.page_height + 0.5:
            left -= self.page_height - self.y
            left += header
            self.page += 1
            self.y = 0.0
        self.y += left
