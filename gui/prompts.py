"""The window's questions and messages (the `Host` methods of gui/host.py),
as real dialogs.  A mixin of MainWindow; Qt dialog classes load on first use."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import messages

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from core.storage.recovery import Snapshot

    from .document import Document


class WindowPrompts:
    doc: Document

    def _parent(self) -> QWidget:
        return self  # type: ignore[return-value]  # mixed into a QMainWindow

    def _start_folder(self) -> Path:
        return self.doc.path.parent if self.doc.path else Path.home()

    def ask_open_path(self, title: str, file_filter: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self._parent(), title, str(self._start_folder()), file_filter)
        return Path(path) if path else None

    def ask_save_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self._parent(), title, str(self._start_folder() / suggested),
                                              file_filter)
        return Path(path) if path else None

    def ask_unsaved(self) -> str:
        from .draft_session import display_name

        return messages.ask_unsaved(self._parent(), display_name(self.doc))

    def ask_restore(self, snapshot: Snapshot, others: int) -> bool:
        import datetime as dt  # not at start-up

        when = dt.datetime.fromtimestamp(snapshot.saved_at).strftime("%Y-%m-%d %H:%M")
        source = f"（原文件：{snapshot.source}）" if snapshot.source else "（尚未保存过的新报告）"
        more = f"\n另有 {others} 份更早的自动备份。" if others else ""
        return self.confirm("恢复未保存的内容",
                            f"上次年报助手没有正常关闭。发现 {when} 自动备份的“{snapshot.title}”{source}。\n\n是否恢复？{more}",
                            yes="恢复", no="不恢复")

    def ask_new_report(self, agency: str) -> tuple[str, int] | None:
        from .dialogs import NewReportDialog

        dialog = NewReportDialog(self._parent(), agency)
        if not dialog.exec():
            return None
        return dialog.agency.text().strip(), dialog.year.value()

    def ask_skeleton(self, sections: list[tuple[str, str, bool, bool]], from_last_year: bool) -> set[str]:
        from .skeleton_dialog import SkeletonDialog

        dialog = SkeletonDialog(self._parent(), sections, from_last_year)
        return dialog.chosen() if dialog.exec() else set()

    def confirm(self, title: str, text: str, yes: str = "继续", no: str = "取消") -> bool:
        return messages.confirm(self._parent(), title, text, yes, no)

    def show_error(self, text: str, title: str = "出错了") -> None:
        messages.show_error(self._parent(), text, title)

    def show_info(self, title: str, text: str) -> None:
        messages.show_info(self._parent(), title, text)

    def status(self, text: str, ms: int = 5000) -> None:
        self._parent().statusBar().showMessage(text, ms)  # type: ignore[attr-defined]
