"""Frozen panes for a matrix table (表三, 表四), as Excel's 冻结窗格.

The national header rows and the row-label columns are painted by the table
view's own header views, so Qt keeps them in place and in step with the
scrolled values: the horizontal header draws the multi-level column headings
(with their merges) above the values, the vertical header draws the row-label
tree to their left, and a corner widget draws the 勾稽关系 note.  The grid's
header rows and label columns are hidden in the value area.

A merged heading or label is drawn in the visible part of its span, so
"三、本年度办理结果" stays readable when half of its rows are scrolled away.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QHeaderView, QToolTip, QWidget

from core.forms.layout import GridCell, Role

GRID_LINE = QColor("#9AA5B1")
BG_HEADER = QColor("#F2F3F5")
BG_LABEL = QColor("#FAFAFA")
TEXT = QColor("#1A1A1A")


def text_rect(rect: QRect, visible: QRect) -> QRect:
    """Where a merged cell's text goes: the part of its span on screen, less padding."""
    return rect.intersected(visible).adjusted(6, 2, -6, -2)


def _paint_cell(painter: QPainter, rect: QRect, visible: QRect, cell: GridCell, text: str) -> None:
    """Background and borders over the whole span, the text in its visible part."""
    painter.fillRect(rect, BG_LABEL if cell.role is Role.LABEL else BG_HEADER)
    painter.setPen(QPen(GRID_LINE))
    painter.drawRect(rect.adjusted(0, 0, -1, -1))
    shown = text_rect(rect, visible)
    if shown.width() <= 0 or shown.height() <= 0:
        return
    painter.setPen(TEXT)
    if cell.role is Role.LABEL:
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
    else:
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
    painter.drawText(shown, int(flags), text)


class _GridHeader(QHeaderView):
    """Common part of the two frozen panes: cells of the grid, no section
    clicks or resizing (the layout comes from the national format)."""

    def __init__(self, orientation, view) -> None:
        super().__init__(orientation, view)
        self.grid_view = view
        self.setSectionsClickable(False)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setHighlightSections(False)

    def cells(self) -> list[GridCell]:
        raise NotImplementedError

    def cell_rect(self, cell: GridCell) -> QRect:
        raise NotImplementedError

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self.viewport())
        painter.setFont(self.grid_view.font())
        # below the last label (or right of the last heading) the pane is blank, like the value area
        painter.fillRect(event.rect(), self.grid_view.palette().base())
        visible = self.viewport().rect()
        texts = self.grid_view.header_texts
        for cell in self.cells():
            rect = self.cell_rect(cell)
            if rect.intersects(event.rect()):
                _paint_cell(painter, rect, visible, cell, texts.get((cell.row, cell.col), cell.text))
        painter.end()

    def viewportEvent(self, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()
            for cell in self.cells():
                if self.cell_rect(cell).contains(pos) and cell.text:
                    QToolTip.showText(event.globalPos(), cell.text, self.viewport())
                    return True
            QToolTip.hideText()
            return True
        return super().viewportEvent(event)


class ColumnHeadings(_GridHeader):
    """The header rows of the grid, above the values, scrolling sideways with them."""

    def __init__(self, view) -> None:
        super().__init__(Qt.Orientation.Horizontal, view)

    def cells(self) -> list[GridCell]:
        grid = self.grid_view.grid_model().grid
        return [c for c in grid.cells if c.row < grid.header_rows and c.col >= grid.label_cols]

    def cell_rect(self, cell: GridCell) -> QRect:
        heights = self.grid_view.row_heights
        x = self.sectionViewportPosition(cell.col)
        width = sum(self.sectionSize(c) for c in range(cell.col, cell.col + cell.colspan))
        y = sum(heights[: cell.row])
        return QRect(x, y, width, sum(heights[cell.row : cell.row + cell.rowspan]))

    def sizeHint(self) -> QSize:  # noqa: N802
        grid = self.grid_view.grid_model().grid
        return QSize(super().sizeHint().width(), sum(self.grid_view.row_heights[: grid.header_rows]))


class RowLabels(_GridHeader):
    """The row-label columns of the grid, left of the values, scrolling up and down with them."""

    def __init__(self, view) -> None:
        super().__init__(Qt.Orientation.Vertical, view)

    def cells(self) -> list[GridCell]:
        grid = self.grid_view.grid_model().grid
        return [c for c in grid.cells if c.role is Role.LABEL]

    def cell_rect(self, cell: GridCell) -> QRect:
        widths = self.grid_view.col_widths
        y = self.sectionViewportPosition(cell.row)
        height = sum(self.sectionSize(r) for r in range(cell.row, cell.row + cell.rowspan))
        return QRect(sum(widths[: cell.col]), y, sum(widths[cell.col : cell.col + cell.colspan]), height)

    def sizeHint(self) -> QSize:  # noqa: N802
        grid = self.grid_view.grid_model().grid
        return QSize(sum(self.grid_view.col_widths[: grid.label_cols]), super().sizeHint().height())


class CornerNote(QWidget):
    """The top-left cell over the row labels: the 勾稽关系 note of 表三."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.grid_view = view

    def paintEvent(self, event) -> None:  # noqa: N802
        grid = self.grid_view.grid_model().grid
        cell = grid.at(0, 0)
        painter = QPainter(self)
        painter.setFont(self.grid_view.font())
        if cell is not None and cell.role in (Role.NOTE, Role.HEADER):
            _paint_cell(painter, self.rect(), self.rect(), cell, cell.text)
        painter.end()
