"""A narrative skeleton for a new report: each narrative section's customary
subheadings (core/forms) with the data passages already linked under theirs,
and, when starting from last year's report, last year's text kept for the
sections the clerk chooses, its linked passages brought to this year's numbers.
"""
from __future__ import annotations

from collections.abc import Iterable

from .forms.passages import passage
from .model.links import LinkedPassage
from .model.report import Report
from .sentences import fill, section_passages


def skeleton_text(report: Report, section: str) -> tuple[str, list[tuple[str, str]]]:
    """The skeleton of one narrative section: its text (one paragraph a line,
    a blank line after each subheading's block) and its passages as
    (passage key, text) in text order."""
    narrative = next(s for s in report.form.narratives if s.key == section)
    placed = section_passages(report, section)
    lines: list[str] = []
    links: list[tuple[str, str]] = []
    for i, heading in enumerate(narrative.subheadings):
        lines.append(heading)
        for p, text in placed:
            if p.subheading == i:
                lines.append(text)
                links.append((p.key, text))
    for p, text in placed:  # passages without a subheading of their own go last
        if p.subheading is None or p.subheading >= len(narrative.subheadings):
            lines.append(text)
            links.append((p.key, text))
    return ("\n".join(lines) + "\n" if lines else ""), links


def apply_skeleton(report: Report, sections: Iterable[str] | None = None) -> None:
    """Replace the text of the given narrative sections (all by default) with
    their skeleton, passages linked.  For a report not yet shown to anyone:
    nothing is announced."""
    keys = [s.key for s in report.form.narratives]
    for section in keys if sections is None else [s for s in sections if s in keys]:
        text, links = skeleton_text(report, section)
        report.set_linked_text(section, text, [LinkedPassage(key, passage_text) for key, passage_text in links])


def relink_carried(report: Report, previous: Report, sections: Iterable[str]) -> int:
    """In text carried over from last year's report, replace each passage that
    was linked there with this year's passage, linked.  Returns how many."""
    count = 0
    for section in sections:
        text = report.texts.get(section, "")
        links = list(report.links.get(section, []))
        spans = [s for s in previous.linked_spans(section) if text[s.start : s.end] == s.link.text]
        for span in sorted(spans, key=lambda s: s.start, reverse=True):
            p = passage(report.form.key, span.link.key)
            if p is None:
                continue  # this year's format has no such passage: the words stay as they were
            new = fill(report, p)
            text = text[: span.start] + new + text[span.end :]
            links.insert(0, LinkedPassage(p.key, new))
            count += 1
        report.set_linked_text(section, text, links)
    return count

