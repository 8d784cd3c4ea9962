"""Plain-text rendering of a report (used by `python -m core show`)."""
from __future__ import annotations

from ..forms import TableSection
from ..forms.layout import Role, layout
from ..model.report import Report
from ..narrative import paragraphs
from ..text_width import is_wide
from .content import cell_text


def _width(s: str) -> int:
    """Terminal columns: ambiguous-width characters take one."""
    return sum(2 if is_wide(ch, ambiguous_wide=False) else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _width(s))


def table_text(report: Report, table_key: str) -> str:
    grid = layout(report.form.table(table_key))
    lines: list[str] = []
    for r in range(grid.n_rows):
        labels: list[str] = []
        values: list[str] = []
        for c in range(grid.n_cols):
            cell = grid.at(r, c)
            if cell is None:
                continue
            if cell.role is Role.VALUE:
                assert cell.ref is not None
                values.append(cell_text(report, cell.ref).rjust(9))
            elif cell.role is Role.HEADER and c >= grid.label_cols and r < grid.header_rows:
                values.append(f"[{cell.text}]")
            elif cell.text:
                labels.append(cell.text)
        label = " ".join(labels)
        lines.append((_pad(label, 56) + " ".join(values)).rstrip())
    return "\n".join(lines)


def report_text(report: Report) -> str:
    m = report.meta
    out = [report.title, f"（{report.form.short_name}，成文日期：{m.date or '未填'}）", ""]
    for section in report.form.sections:
        out.append(section.heading)
        if isinstance(section, TableSection):
            out.append(table_text(report, section.table.key))
        else:
            for p in paragraphs(report.texts.get(section.key, "")):
                out.append(("    " if p.level == 0 else "  ") + p.text)
        out.append("")
    return "\n".join(out)
