"""Changes to the 汇总 workspace made in the window: each goes through
`change(label, edit)`, which keeps a snapshot for 撤销 (core History), shows a
refused change as a Chinese message, marks the workspace modified and re-sums.
The window asks before closing (gui/workspaces.WorkspaceStack.may_close calls
`maybe_save`), and so does opening or starting another workspace.  A mixin of gui/consolidation_view.ConsolidationView."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any


class WorkspaceChanges:
    """Undo, the modified mark and the unsaved-changes question (attributes: see ConsolidationView)."""

    ws: Any
    path: Path | None
    window_: Any
    buttons: dict[str, Any]
    unsaved: Any  # QLabel

    if TYPE_CHECKING:  # defined by the other bases of ConsolidationView
        def refresh(self) -> None: ...
        def save_workspace(self) -> None: ...
        def set_workspace(self, ws: Any, path: Path | None) -> None: ...

    def init_changes(self) -> None:
        from core.consolidation.roster_edit import History

        self.history = History()
        self.modified = False

    def change(self, label: str, edit: Callable[[], object]) -> bool:
        """Apply `edit` (a core operation on self.ws) as one undoable step; False when it was refused."""
        from core.consolidation import ConsolidationError

        self.history.record(self.ws, label)
        try:
            edit()
        except ConsolidationError as exc:
            self.history.undo(self.ws)  # a refused change leaves nothing half done
            self.window_.show_error(str(exc), label)
            return False
        self.mark_modified()
        self.refresh()
        return True

    def mark_modified(self, modified: bool = True) -> None:
        self.modified = modified
        self.show_changes()

    def show_changes(self) -> None:
        self.unsaved.setText("● 有未保存的更改" if self.modified else "")
        undo = self.buttons["undo"]
        label = self.history.label
        undo.setEnabled(bool(label))
        undo.setToolTip(f"撤销：{label}" if label else "没有可以撤销的操作")

    def undo(self) -> None:
        label = self.history.undo(self.ws)
        if label:
            self.mark_modified()
            self.refresh()
            self.window_.status(f"已撤销：{label}", 5000)

    def display_name(self) -> str:
        return self.path.name if self.path is not None else f"{self.ws.year}年度汇总"

    def ask_unsaved(self) -> str:
        """保存 / 不保存 / 取消 (gui.messages constants); tests replace this."""
        from . import messages

        return messages.ask_unsaved(self.window_, self.display_name())

    def maybe_save(self) -> bool:
        """True when the workspace may be replaced or closed (saved, discarded or unchanged)."""
        from . import messages

        if not self.modified:
            return True
        answer = self.ask_unsaved()
        if answer == messages.CANCEL:
            return False
        if answer == messages.SAVE:
            self.save_workspace()
            return not self.modified  # the save was cancelled or failed
        return True

    def new_workspace(self) -> None:
        """An empty workspace: the roster is typed in (单位名单 → 添加单位) or imported."""
        from datetime import date

        from core.consolidation import Workspace
        from core.model.report import default_report_year

        if not self.maybe_save():
            return
        today = date.today()
        self.set_workspace(Workspace(default_report_year(today.year, today.month)), None)
        self.window_.status("已新建空白的汇总：请在“单位名单”中添加单位，或导入单位名单。", 8000)
