"""How the narrative editor shows and inserts linked data passages: a tint
behind each live passage, and the 插入数据说明 menu.  Loaded with the narrative
tabs (after the first frame); core.sentences is imported on first use."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit

if TYPE_CHECKING:
    from core.model import Span

    from .document import Document

TINT = "#D4ECDA"  # light green: "this text is kept by the program", readable under any text colour
HINT = ("带浅绿色底纹的是根据表格数字生成的数据说明，表格数字改变时自动更新；"
        "在其中改动文字后即不再自动更新（撤销改动可恢复），并由校验核对其中的数字。")


def utf16_offset(text: str, index: int) -> int:
    """A Python string index as a QTextDocument position (UTF-16 code units)."""
    return len(text[:index].encode("utf-16-le")) // 2


def tint_spans(editor: QPlainTextEdit, spans: list[Span]) -> None:
    """Mark the live passages with a background tint (extra selections: they
    are not part of the text, so copying or exporting never sees them)."""
    text = editor.toPlainText()
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(TINT))
    selections = []
    for span in spans:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(editor.document())
        cursor.setPosition(utf16_offset(text, span.start))
        cursor.setPosition(utf16_offset(text, span.end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor  # type: ignore[attr-defined]
        sel.format = fmt  # type: ignore[attr-defined]
        selections.append(sel)
    editor.setExtraSelections(selections)


def apply_text(editor: QPlainTextEdit, new: str) -> None:
    """Bring the editor to the model's text by replacing only the part that
    differs, so the cursor and the scroll position stay where the clerk left
    them.  The editor's own undo history is dropped, as a full reset would:
    the change came from elsewhere (numbers, the document's undo stack)."""
    old = editor.toPlainText()
    if old == new:
        return
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    doc = editor.document()
    doc.setUndoRedoEnabled(False)
    editor.blockSignals(True)
    try:
        cursor = QTextCursor(doc)
        cursor.setPosition(utf16_offset(old, start))
        cursor.setPosition(utf16_offset(old, end_old), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(new[start:end_new])
    finally:
        editor.blockSignals(False)
        doc.setUndoRedoEnabled(True)


def insert_passages(editor: QPlainTextEdit, doc: Document, section: str, keys: list[str]) -> None:
    """Insert passages at the cursor, each its own paragraph, and link them."""
    from core.sentences import section_passages

    chosen = [(p.key, text) for p, text in section_passages(doc.report, section) if p.key in keys]
    if not chosen:
        return
    cursor = editor.textCursor()
    cursor.clearSelection()
    lead = "" if cursor.atBlockStart() else "\n"
    tail = "" if cursor.atBlockEnd() else "\n"
    cursor.insertText(lead + "\n".join(text for _, text in chosen) + tail)
    editor.setTextCursor(cursor)
    for key, text in chosen:
        doc.link_passage(section, key, text)
    editor.setFocus()


def fill_menu(menu: QMenu, editor: QPlainTextEdit, doc: Document, section: str) -> None:
    """The 插入数据说明 menu, built each time it opens (the passages read the
    current numbers)."""
    from core.sentences import section_passages

    menu.clear()
    found = section_passages(doc.report, section)
    for p, text in found:
        action = menu.addAction(p.title)
        action.setToolTip(text)
        action.triggered.connect(lambda _=False, k=p.key: insert_passages(editor, doc, section, [k]))
    if len(found) > 1:
        menu.addSeparator()
        every = menu.addAction("全部插入")
        every.triggered.connect(lambda _=False: insert_passages(editor, doc, section, [p.key for p, _ in found]))
    menu.setToolTipsVisible(True)
