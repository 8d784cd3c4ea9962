"""年报助手 core: formats, report model, checks, storage, import and export.

Plain Python by rule: nothing under core/ may import Qt (tests/core enforce it).
"""
__version__ = "0.1.0"
APP_NAME = "年报助手"
