"""Old Word (.doc) and WPS (.wps) files: converted to .docx with LibreOffice.

Only when LibreOffice is installed; otherwise the clerk is asked to save the
file as .docx.  The conversion runs in a private profile folder (a running
LibreOffice window would otherwise swallow the request) with a time limit.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .document import Document
from .errors import PublishedImportError

TIMEOUT_S = 120


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "win32":
        for base in (os.environ.get("PROGRAMFILES", ""), os.environ.get("PROGRAMFILES(X86)", "")):
            candidate = Path(base) / "LibreOffice" / "program" / "soffice.exe"
            if base and candidate.exists():
                return str(candidate)
    return None


def convert_legacy(data: bytes, name: str) -> Document:
    from .docx_reader import read_docx

    soffice = find_soffice()
    if soffice is None:
        raise PublishedImportError([(f"“{name}”是旧版 Word（.doc）或 WPS 文件。请在 Word 或 WPS 中“另存为” .docx 格式后再导入"
                                    "（或安装 LibreOffice，本软件即可自动转换）。")])
    with tempfile.TemporaryDirectory(prefix="ogi-convert-") as tmp:
        src = Path(tmp) / ("input" + (Path(name).suffix.lower() or ".doc"))
        src.write_bytes(data)
        profile = Path(tmp, "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "docx", "--outdir", tmp, str(src)]
        try:
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired):
            raise PublishedImportError([f"用 LibreOffice 转换“{name}”失败或超时，请在 Word 或 WPS 中另存为 .docx 后再导入。"]) from None
        out = src.with_suffix(".docx")
        if not out.exists():
            raise PublishedImportError([f"LibreOffice 无法转换“{name}”，文件可能已损坏；请在 Word 或 WPS 中另存为 .docx 后再导入。"])
        doc = read_docx(out.read_bytes(), name)
    doc.notes.append(f"“{name}”已用 LibreOffice 转换为 .docx 后读取。")
    return doc
