"""文件 → 导出 / 导入 / 打印: the report out to Word, Excel, a web page, a blank
template or the printer, and an Excel attachment in.

The exporters load python-docx/openpyxl, which would add ~170 ms to every
start: each is imported when first used."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import settings as app_settings
from .menus import MenuAction, Submenu

if TYPE_CHECKING:
    from core.importers.xlsx import ImportedTables
    from core.model import Report

    from .main_window import MainWindow

FILE, EXPORT = "文件(&F)", "文件(&F)/导出"
REPORT = "政府信息公开工作年度报告"


def default_name(window: MainWindow, suffix: str, what: str = REPORT) -> str:
    m = window.doc.report.meta
    return f"{m.agency}{m.year}年{what}{suffix}"


def confirm_errors(window: MainWindow) -> bool:
    e = window.doc.error_count
    if not e:
        return True
    return window.confirm("报告中有错误",
                          f"当前报告有 {e} 个错误（见“校验结果”）。带着错误导出的报告可能被退回。\n\n仍要导出吗？",
                          yes="仍然导出", no="返回修改")


def _ask_export_path(window: MainWindow, title: str, suffix: str, file_filter: str, what: str) -> Path | None:
    window.commit_editors()
    if not confirm_errors(window):
        return None
    path = window.ask_save_path(title, default_name(window, suffix, what), file_filter)
    if path is None:
        return None
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    return path


def export_in_background(window: MainWindow, title: str, suffix: str, file_filter: str,
                         write: Callable[[Report, Path], object], what: str = REPORT) -> None:
    """As export_with, but `write(report, path)` runs on a worker thread (a long
    narrative or many charts keep the window responsive, with 取消 after 0.3 s).
    It gets a copy of the report, so typing meanwhile cannot change what is written;
    `write` must not touch Qt."""
    from core.export.files import ExportError
    from core.storage import dumps, loads

    from .jobs import run_job

    path = _ask_export_path(window, title, suffix, file_filter, what)
    if path is None:
        return
    report = loads(dumps(window.doc.report), window.doc.path)
    target = path

    def failed(exc: BaseException) -> None:
        if isinstance(exc, ExportError):
            window.show_error(str(exc), "导出失败")
        else:
            window.show_error(f"导出“{target.name}”时发生意外问题（{type(exc).__name__}），原有文件未被改动。", "导出失败")

    run_job(window, f"正在导出“{path.name}”", lambda progress: write(report, target),
            lambda _result: window.status(f"已导出到 {target}", 8000), failed, delay_ms=300)


def export_with(window: MainWindow, title: str, suffix: str, file_filter: str, write: Callable[[Path], object],
                what: str = REPORT) -> Path | None:
    """Ask where, write there with `write(path)`, report the result.  The common
    steps of every exporter of the open report; returns the file written."""
    from core.export.files import ExportError

    path = _ask_export_path(window, title, suffix, file_filter, what)
    if path is None:
        return None
    try:
        write(path)
    except ExportError as exc:
        window.show_error(str(exc), "导出失败")
        return None
    window.status(f"已导出到 {path}", 8000)
    return path


def export_word(window: MainWindow) -> None:
    from core.export.word import export_docx

    s = app_settings.export_settings()
    export_in_background(window, "导出 Word 文档", ".docx", "Word 文档 (*.docx)", lambda r, p: export_docx(r, p, s))


def export_excel(window: MainWindow) -> None:
    from core.export.excel import export_xlsx

    findings = list(window.doc.findings)
    export_in_background(window, "导出 Excel 附表", ".xlsx", "Excel 工作簿 (*.xlsx)",
                         lambda r, p: export_xlsx(r, p, findings), f"{REPORT}附表")


def export_web(window: MainWindow) -> None:
    from core.export.html_page import export_html

    s = app_settings.export_settings()  # 导出设置: 网页中附上图解, 落款, 联系方式
    draft_path = window.doc.path
    export_in_background(window, "导出网页", ".html", "网页 (*.html)",
                         lambda r, p: export_html(r, p, charts=s.html_charts, draft_path=draft_path, settings=s))


def export_blank_template(window: MainWindow) -> None:
    from core.export.excel import export_template
    from core.export.files import ExportError

    m = window.doc.report.meta
    path = window.ask_save_path("导出空白填报模板", f"{m.year}年度{REPORT}填报模板.xlsx", "Excel 工作簿 (*.xlsx)")
    if path is None:
        return
    try:
        export_template(m.year, path, m.form_key)
    except ExportError as exc:
        window.show_error(str(exc), "导出失败")
        return
    window.status(f"已导出空白模板到 {path}", 8000)


def import_excel(window: MainWindow) -> None:
    """Read the workbook on a worker thread (a progress dialog with 取消 after 0.3 s);
    every problem of the file arrives as one Chinese message."""
    from core.importers.errors import XlsxImportError
    from core.importers.xlsx import read_xlsx_file

    from .jobs import run_job

    window.commit_editors()
    path = window.ask_open_path("导入 Excel 附表", "Excel 工作簿 (*.xlsx)")
    if path is None:
        return

    def failed(exc: BaseException) -> None:
        if isinstance(exc, XlsxImportError):
            window.show_error(str(exc), "导入失败")
        else:
            window.show_error(f"读取“{path.name}”时发生意外问题（{type(exc).__name__}），当前报告未被改动。", "导入失败")

    run_job(window, f"正在读取“{path.name}”", lambda progress: read_xlsx_file(path),
            lambda tables: apply_imported(window, path, tables), failed, delay_ms=300)


def apply_imported(window: MainWindow, path: Path, tables: ImportedTables) -> None:
    from core.importers.xlsx import apply_tables

    report = window.doc.report
    if tables.form.key != report.form.key:
        window.show_error(f"“{path.name}”是{tables.form.short_name}的附表，当前报告使用{report.form.short_name}，不能导入。",
                          "导入失败")
        return
    if report.inputs and not window.confirm("导入 Excel 附表",
                                            "导入将用附表中的数字替换当前三张表格中的全部数字（可撤销）。是否继续？", yes="导入"):
        return
    window.doc.replace_tables(lambda r: apply_tables(r, tables), "导入 Excel 附表")
    n = len(tables.inputs)
    stated = len(window.doc.report.reported_totals)
    note = f"已从“{path.name}”导入 {n} 个数字。"
    if stated:
        note += f"\n附表中有 {stated} 个总计与各项之和不符，已列入“校验结果”。"
    if tables.notices:  # numbers rounded or converted (12000元 → 1.2 万元), characters cleaned: said once
        note += "\n" + "\n".join(tables.notices[:10]) + ("\n……" if len(tables.notices) > 10 else "")
    window.show_info("导入完成", note)


def edit_export_settings(window: MainWindow) -> None:
    from .dialogs import ExportSettingsDialog

    dialog = ExportSettingsDialog(app_settings.export_settings(), window)
    if dialog.exec():
        app_settings.save_export_settings(dialog.value())


def print_preview(window: MainWindow) -> None:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from core.export.html_page import html_text

    window.commit_editors()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, window)
    dialog.setWindowTitle("打印预览")
    document = QTextDocument()
    document.setHtml(html_text(window.doc.report))
    dialog.paintRequested.connect(document.print_)
    dialog.exec()


ACTIONS = (
    Submenu(EXPORT, "transfer"),
    MenuAction("export_docx", EXPORT, "export", "导出 Word 文档(&W)…", export_word, "Ctrl+E", "按公文格式导出 .docx",
               toolbar="export"),
    MenuAction("export_xlsx", EXPORT, "export", "导出 Excel 附表(&X)…", export_excel, tip="导出三张表格及校验结果",
               toolbar="export"),
    MenuAction("export_html", EXPORT, "export", "导出网页(&H)…", export_web, tip="导出可粘贴到门户网站的网页"),
    MenuAction("template", EXPORT, "export", "导出空白填报模板(&T)…", export_blank_template,
               tip="给下级单位填写的空白 Excel"),
    MenuAction("export_settings", EXPORT, "settings", "导出设置…", edit_export_settings),
    MenuAction("import", FILE, "transfer", "导入 Excel 附表(&I)…", import_excel,
               tip="用 Excel 附表中的数字替换当前表格"),
    MenuAction("print", FILE, "print", "打印预览(&P)…", print_preview, "Print"),
)
