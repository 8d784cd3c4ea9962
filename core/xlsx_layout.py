"""The layout of the Excel attachment, shared by the writer
(core/export/excel.py) and the reader (core/importers/xlsx.py): sheet names,
the cover's fields and marks, and where each table's grid sits on its sheet."""
from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter

from . import APP_NAME
from .model.report import META_FIELDS, META_LABELS
from .records import record

COVER_SHEET = "封面"
CHECKS_SHEET = "校验"
FILE_MARK_LABEL = "文件标识"
FILE_MARK = f"{APP_NAME} Excel 附表"
FORMAT_LABEL = META_LABELS["form_key"]
VERSION_LABEL = "软件版本"
COVER_FIELDS = META_FIELDS  # one row each on the cover, labelled with META_LABELS

# Table sheets: the grid starts below a title row and a blank row.
GRID_TOP_ROW = 3
GRID_LEFT_COL = 1


@record
class SheetPlacement:
    """Where a table's grid sits on its sheet (1-based Excel coordinates)."""

    top: int = GRID_TOP_ROW
    left: int = GRID_LEFT_COL

    def address(self, row: int, col: int) -> str:
        return f"{get_column_letter(self.left + col)}{self.top + row}"


PLACEMENT = SheetPlacement()


def print_on_a4(ws: Any, *, landscape: bool, fit_height: bool) -> None:
    """A4, one page wide (and one page tall when `fit_height`): every sheet the
    app writes prints this way, so a reviewer never gets a column on page two."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if fit_height else 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
