"""Linked passages: data sentences in a narrative section that follow the tables.

A link remembers which passage (core/forms/passages.py) it is and the exact text
it put into the section.  It is *live* while that text stands in the section
unchanged; the position is found by searching, so typing before or after a
passage never disturbs it.  When the clerk edits inside the passage the text is
no longer found and the link goes quiet (the V9 check then reads the edited
numbers).  A quiet link is kept, so undoing the edit in the editor brings it
back, brought up to the numbers at once if they changed meanwhile.  Quiet links
are never saved.
"""
from __future__ import annotations

from ..records import record


@record(frozen=False)
class LinkedPassage:
    key: str  # passage key of core/forms/passages.py
    text: str  # the text it last put into the section


@record
class Span:
    start: int
    end: int
    link: LinkedPassage


def locate(text: str, links: list[LinkedPassage]) -> list[Span]:
    """Where the live links stand in a section text, in link order; each link
    claims the first occurrence of its text not claimed by an earlier one."""
    claimed: list[tuple[int, int]] = []
    out: list[Span] = []
    for link in links:
        if not link.text:
            continue
        start = text.find(link.text)
        while start != -1:
            end = start + len(link.text)
            if not any(start < e and s < end for s, e in claimed):
                claimed.append((start, end))
                out.append(Span(start, end, link))
                break
            start = text.find(link.text, start + 1)
    return sorted(out, key=lambda s: s.start)


def refreshed(text: str, links: list[LinkedPassage],
              fresh: dict[int, str | None]) -> tuple[str, list[LinkedPassage]]:
    """The section text with every live link's passage replaced by its fresh
    text (fresh: id(link) -> new text, None when the format has no such
    passage; such a link is kept, so that switching the format back finds it),
    and the links."""
    out = text
    for span in sorted(locate(text, links), key=lambda s: s.start, reverse=True):
        new = fresh.get(id(span.link))
        if new is not None and new != span.link.text:
            out = out[: span.start] + new + out[span.end :]
            span.link.text = new
    return out, links
