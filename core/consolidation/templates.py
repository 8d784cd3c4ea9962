"""Send out: one blank Excel attachment per unit, its name and the year filled in."""
from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

from ..model.report import META_LABELS, Report
from .errors import ConsolidationError
from .workspace import Workspace

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def file_name(unit: str, year: int) -> str:
    return f"{_UNSAFE.sub('_', unit).strip(' .') or '单位'}{year}年度政府信息公开工作年度报告附表.xlsx"


def template_bytes(unit: str, year: int) -> bytes:
    from ..export.excel import build_workbook

    wb = build_workbook(Report(unit, year), (), blank=True)
    cover = wb.worksheets[0]
    for row in cover.iter_rows(min_col=1, max_col=2):
        if row[0].value == META_LABELS["agency"]:
            row[1].value = unit
            break
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_templates(ws: Workspace, folder: Path | str) -> list[Path]:
    """One template per roster unit into `folder` (created when missing); existing files are replaced."""
    from ..storage.atomic import atomic_write_bytes

    folder = Path(folder)
    if not ws.units:
        raise ConsolidationError("单位名单是空的，没有可以生成的模板。")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConsolidationError(f"无法创建文件夹“{folder}”（{exc.strerror or exc}）。") from None
    out = []
    for unit in ws.units:
        path = folder / file_name(unit.name, ws.year)
        try:
            atomic_write_bytes(path, template_bytes(unit.name, ws.year))
        except OSError as exc:
            raise ConsolidationError(f"无法写入“{path.name}”（{exc.strerror or exc}）。") from None
        out.append(path)
    return out
