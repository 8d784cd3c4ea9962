"""The register as an Excel workbook (ogi-report register-export, 台账 → 导出).

Same columns as the register, choice values written as their labels (which
read back without mapping), plus the computed 答复期限 and 状态.  With
omit_names the 申请人 column is left out, for sending the list outside the office.
"""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from ..export.files import write_output
from .analysis import DONE, DUE_SOON, OPEN, OVERDUE
from .live import RegisterLive
from .mapping import value_label
from .request import EXTENDED_NO_DATE, FIELDS, FieldKind

STATUS_LABELS = {DONE: "已办结", OPEN: "办理中", DUE_SOON: "即将到期", OVERDUE: "已逾期"}
SHEET = "登记台账"


def register_rows(live: RegisterLive, omit_names: bool = False) -> tuple[list[str], list[list[Any]]]:
    fields = [f for f in FIELDS if not (omit_names and f.key == "applicant")]
    headers = [f.label for f in fields] + ["答复期限", "状态"]
    form_key = live.context.form_key
    rows: list[list[Any]] = []
    for i, (req, a) in enumerate(zip(live.register, live.analyses())):
        row: list[Any] = []
        for f in fields:
            v = req.get(f.key)
            if f.key == "extension_date" and v is None and req.extended:
                v = EXTENDED_NO_DATE
            elif f.kind in (FieldKind.APPLICANT, FieldKind.RESULT) and v:
                v = value_label(f.key, str(v), form_key)
            elif v == "" or v is None:
                v = None
            row.append(v)
        dl = live.deadline(i)
        row.append(dl.due if dl else None)
        row.append(STATUS_LABELS.get(a.status, ""))
        rows.append(row)
    return headers, rows


def register_xlsx_bytes(live: RegisterLive, omit_names: bool = False) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    headers, rows = register_rows(live, omit_names)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET)
    ws.freeze_panes = "A2"
    for i, h in enumerate(headers):
        width = 30 if h in ("申请内容", "办理结果") else 13
        ws.column_dimensions[chr(ord("A") + i)].width = width
    bold = Font(bold=True)
    head = []
    for h in headers:
        c = WriteOnlyCell(ws, value=h)
        c.font = bold
        head.append(c)
    ws.append(head)
    for row in rows:
        out: list[Any] = []
        for v in row:
            if isinstance(v, date):
                c = WriteOnlyCell(ws, value=v)
                c.number_format = "yyyy-mm-dd"
                out.append(c)
            else:
                out.append(v)
        ws.append(out)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export_register_xlsx(live: RegisterLive, path: Path | str, omit_names: bool = False) -> None:
    write_output(Path(path), register_xlsx_bytes(live, omit_names))
