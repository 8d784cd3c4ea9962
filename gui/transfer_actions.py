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


def export_with(window: MainWindow, title: str, suffix: str, file_filter: str, write: Callable[[Path], object],
                what: str = REPORT) -> Path | None:
    """Ask where, write there with `write(path)`, report the result.  The common
    steps of every exporter of the open report; returns the file written."""
    from core.export.files import ExportError

    window.commit_editors()
    if not confirm_errors(window):
        return None
    path = window.ask_save_path(title, default_name(window, suffix, what), file_filter)
    if path is None:
        return None
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
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
    export_with(window, "导出 Word 文档", ".docx", "Word 文档 (*.docx)", lambda p: export_docx(window.doc.report, p, s))


def export_excel(window: MainWindow) -> None:
    from core.export.excel import export_xlsx

    export_with(window, "导出 Excel 附表", ".xlsx", "Excel 工作簿 (*.xlsx)",
                lambda p: export_xlsx(window.doc.report, p, window.doc.findings), f"{REPORT}附表")


def export_web(window: MainWindow) -> None:
    from core.export.html_page import export_html

    charts = app_settings.export_settings().html_charts  # 导出设置: 网页中附上图解
    export_with(window, "导出网页", ".html", "网页 (*.html)",
                lambda p: export_html(window.doc.report, p, charts=charts, draft_path=window.doc.path))


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
    from core.importers.errors import XlsxImportError
    from core.importers.xlsx import apply_tables, read_xlsx_bytes

    window.commit_editors()
    path = window.ask_open_path("导入 Excel 附表", "Excel 工作簿 (*.xlsx)")
    if path is None:
        return
    try:
        tables = read_xlsx_bytes(path.read_bytes(), path.name)
    except OSError as exc:
        window.show_error(f"无法读取“{path.name}”（{exc.strerror or exc}）。", "导入失败")
        return
    except XlsxImportError as exc:
        window.show_error(str(exc), "导入失败")
        return
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
