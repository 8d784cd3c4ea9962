"""Self-test of an installed copy (`年报助手 --self-test DIR`), for CI and for
support staff on a user's PC: load the bundled sample, run the checks, export
.docx and .xlsx into DIR and read both back."""
from __future__ import annotations

import re
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import APP_NAME, __version__
from .resources import sample_path


def run_self_test(out_dir: Path, extra: Callable[[], str] | None = None) -> tuple[bool, list[str]]:
    lines = [f"{APP_NAME} {__version__} 自检"]
    ok = True

    def step(name: str, fn: Callable[[], str]) -> None:
        nonlocal ok
        try:
            lines.append(f"通过  {name}：{fn()}")
        except Exception as exc:  # a self-test reports every failure, it does not stop at one
            ok = False
            lines.append(f"失败  {name}：{type(exc).__name__}: {exc}")
            lines.extend("      " + ln for ln in traceback.format_exc().splitlines()[-6:])

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    state: dict[str, Any] = {}

    def load_sample() -> str:
        from .storage import load

        state["report"] = load(sample_path())
        return str(sample_path())

    def checks() -> str:
        from .checks import run_checks

        findings = run_checks(state["report"])
        if any(f.is_error for f in findings):
            raise AssertionError(f"示例报告出现{sum(f.is_error for f in findings)}个错误")
        return f"{len(findings)} 条提示"

    def docx() -> str:
        from docx import Document

        from .export.word import export_docx

        path = out_dir / "selftest.docx"
        export_docx(state["report"], path)
        doc = Document(str(path))
        if len(doc.tables) != 3 or "年度报告" not in doc.paragraphs[0].text:
            raise AssertionError("Word 文档内容不完整")
        return f"{path}（{path.stat().st_size // 1024} KB）"

    def xlsx() -> str:
        from .checks import run_checks
        from .export.excel import export_xlsx
        from .importers.xlsx import import_xlsx

        path = out_dir / "selftest.xlsx"
        export_xlsx(state["report"], path, run_checks(state["report"]))
        back = import_xlsx(path)
        if dict(back.inputs) != dict(state["report"].inputs):
            raise AssertionError("Excel 附表读回后数字不一致")
        return f"{path}（读回一致）"

    def published() -> str:
        import io

        import pypdfium2 as pdfium

        from .export.html_page import export_html
        from .importers.published import PublishedImportError, import_published, import_published_bytes

        page = out_dir / "selftest.html"
        export_html(state["report"], page)
        for path in (page, out_dir / "selftest.docx"):
            if dict(import_published(path).inputs) != dict(state["report"].inputs):
                raise AssertionError(f"已发布格式的报告“{path.name}”读回后数字不一致")
        # the package leaves out codecs and extension modules: a GBK page (the Chinese
        # codecs), a web archive (the email package, which imports socket) and the .doc
        # converter's module (subprocess) must still read or load
        html = page.read_text("utf-8")
        gbk_html, n = re.subn(r'charset="?utf-8"?', 'charset="gbk"', html, count=1, flags=re.I)
        if n != 1:
            raise AssertionError("导出的网页没有声明编码")
        gbk = gbk_html.encode("gb18030")
        archive = (b"MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n"
                   b"Content-Transfer-Encoding: 8bit\r\n\r\n" + html.encode("utf-8"))
        for data, name in ((gbk, "selftest-gbk.html"), (archive, "selftest.mhtml")):
            if dict(import_published_bytes(data, name).inputs) != dict(state["report"].inputs):
                raise AssertionError(f"“{name}”读回后数字不一致")
        from .importers.published.convert import find_soffice

        find_soffice()
        blank = pdfium.PdfDocument.new()  # PDFium's native library loads and reads a PDF
        blank.new_page(595, 842)
        buf = io.BytesIO()
        blank.save(buf)
        try:
            import_published_bytes(buf.getvalue(), "blank.pdf")
        except PublishedImportError as exc:
            if "扫描件" not in str(exc):
                raise
        else:
            raise AssertionError("空白 PDF 未被识别为没有文字层")
        return "网页（UTF-8、GBK、网页存档）、Word 读回一致，PDF 组件可用"

    def register_deadline() -> str:
        # the holiday calendar must be in the package: 2024-09-26 + 20 working days
        # across 国庆 (9月29日 and 10月12日 worked) is 2024-10-29
        from datetime import date

        from .register.deadlines import deadline
        from .register.request import Request
        from .register.workdays import WorkCalendar, package_years

        dl = deadline(Request(received=date(2024, 9, 26)), WorkCalendar(), date(2024, 9, 26))
        if dl is None or dl.due != date(2024, 10, 29):
            raise AssertionError(f"答复期限计算有误：{dl}")
        first, last = package_years()
        return f"节假日日历 {first}—{last} 年"

    step("读取内置示例", load_sample)
    step("台账答复期限（节假日日历）", register_deadline)
    if "report" in state:
        step("校验", checks)
        step("导出 Word", docx)
        step("导出并读回 Excel", xlsx)
        step("读取已发布的报告", published)
    if extra is not None:
        step("图形界面组件", extra)
    lines.append("自检通过。" if ok else "自检未通过。")
    try:
        (out_dir / "selftest.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError:
        pass
    return ok, lines
