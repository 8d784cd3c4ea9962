"""Audit a folder of published reports (ogi-report audit, the 审核 workspace).

    from core.audit import run_audit, write_workbook
    result = run_audit(["folder/", "one.pdf"], progress=lambda done, total, what: ...)
    write_workbook(result, "审核结果.xlsx")

`progress` may raise (the window's Cancelled) to stop between files.
"""
from __future__ import annotations

from .copies import CopiedPair, copied_paragraphs
from .run import AuditEntry, AuditResult, collect_files, run_audit
from .workbook import write_workbook

__all__ = ["AuditEntry", "AuditResult", "CopiedPair", "collect_files", "copied_paragraphs", "run_audit",
           "write_workbook"]
