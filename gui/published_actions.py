"""文件 → 导入已发布的报告…: a report as published (web page, Word, PDF) read
off the UI thread, shown in the import review, then opened as a new untitled
draft."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .menus import MenuAction

if TYPE_CHECKING:
    from core.importers.published import ImportResult

    from .main_window import MainWindow

PUBLISHED_FILTER = "已发布的报告 (*.html *.htm *.shtml *.mht *.mhtml *.docx *.doc *.wps *.pdf);;所有文件 (*)"


def read_published(window: MainWindow, path: Path, done: object) -> None:
    """Import `path` on a worker thread; `done(result)` on the UI thread."""
    from core.importers.published import PublishedImportError, import_published

    from .jobs import run_job

    def failed(exc: BaseException) -> None:
        if isinstance(exc, PublishedImportError):
            window.show_error(str(exc), "无法导入")
        else:
            window.show_error(f"读取“{path.name}”时发生意外问题（{type(exc).__name__}: {exc}）。", "无法导入")

    run_job(window, f"正在读取“{path.name}”", lambda progress: import_published(path), done, failed,  # type: ignore[arg-type]
            delay_ms=300)


def review(window: MainWindow, result: ImportResult) -> bool:
    """Show the import review; True when the user chose to open the draft."""
    from .import_review import ImportReview

    return bool(ImportReview(result, window).exec())


def import_published_report(window: MainWindow) -> None:
    window.commit_editors()
    if not window.drafts.maybe_save():
        return
    path = window.ask_open_path("导入已发布的报告", PUBLISHED_FILTER)
    if path is None:
        return

    def done(result: ImportResult) -> None:
        if not review(window, result):
            return
        window.doc.replace(result.to_report(), None, dirty=True)
        window.status(f"已导入“{path.name}”，作为未命名草稿打开；保存时请选择位置。", 10000)
        window.show_section("overview")

    read_published(window, path, done)


def audit_published(window: MainWindow) -> None:
    window.workspaces.show_workspace("audit")


ACTIONS = (
    MenuAction("import_published_report", "文件(&F)", "transfer", "导入已发布的报告(&R)…", import_published_report,
               tip="从门户网站保存的网页、Word 或 PDF 读入已发布的年度报告，核对后作为新草稿打开"),
    MenuAction("audit_published", "文件(&F)", "transfer", "审核一批已发布的报告(&U)…", audit_published,
               tip="读入多份已发布的报告，逐份校验并比对跨年度数字和雷同段落，结果可保存为 Excel 工作簿"),
)
