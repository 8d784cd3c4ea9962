"""What the window offers the modules that act on it (the draft session, the
menu actions, workspaces): the open document and a way to talk to the user.

Feature modules take a `Host`, never the concrete window, so each can be tested
against a small fake (tests/gui/test_draft_session.py has one).  Every question
and message goes through these methods: tests answer a question by replacing
the method on the window (`window.ask_save_path = lambda *a: target`), and a
message box is caught by patching `gui.messages.show_error` / `show_info`."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from core.storage.recovery import Snapshot

    from .document import Document


class Host(Protocol):
    doc: Document

    # --- questions (each returns None / False / CANCEL when the user cancels) ---
    def ask_open_path(self, title: str, file_filter: str) -> Path | None: ...
    def ask_save_path(self, title: str, suggested: str, file_filter: str) -> Path | None: ...
    def ask_unsaved(self) -> str: ...  # gui.messages SAVE / DISCARD / CANCEL
    def ask_restore(self, snapshot: Snapshot, others: int) -> bool: ...
    def ask_new_report(self, agency: str) -> tuple[str, int] | None: ...
    # sections: (key, heading, checked at first, has last year's text) -> keys to fill with the skeleton
    def ask_skeleton(self, sections: list[tuple[str, str, bool, bool]], from_last_year: bool) -> set[str]: ...
    def confirm(self, title: str, text: str, yes: str = "继续", no: str = "取消") -> bool: ...

    # --- messages ---
    def show_error(self, text: str, title: str = "出错了") -> None: ...
    def show_info(self, title: str, text: str) -> None: ...
    def status(self, text: str, ms: int = 5000) -> None: ...  # the status bar

    # --- the report editor ---
    def commit_editors(self) -> None: ...  # finish any cell or field being typed in
    def show_section(self, key: str) -> object: ...
