"""Self-test of Qt's ICU data in the Linux package.

The Linux package carries a trimmed ICU data library (installer/icu_data.py):
only collation, converters and time-zone names for Chinese and English.  Qt
sorts file names with ICU's collation (the file dialog) and decodes named
encodings with its converters; this checks that the data they need is there.
Windows Qt uses the system's ICU (and Windows' own collation): nothing bundled
to check there."""
from __future__ import annotations

import sys


def icu_check() -> str:
    if not sys.platform.startswith("linux"):
        return ""
    from PySide6.QtCore import QCollator, QLocale, QStringDecoder

    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    # pinyin order (bei < shang) needs the Chinese collation data; the root
    # collation, the fallback when it is missing, sorts by code point (上 U+4E0A first)
    if collator.compare("北京", "上海") >= 0:
        raise RuntimeError("ICU 中文排序数据缺失（北京 应排在 上海 之前）")
    missing = [name for name in ("GB18030", "GBK", "GB2312") if not QStringDecoder(name).isValid()]
    if missing:
        raise RuntimeError(f"ICU 编码转换数据缺失：{'、'.join(missing)}")
    return "，ICU 中文排序与 GB18030/GBK/GB2312 转换可用"
