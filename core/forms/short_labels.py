"""Short names of rows and columns, as 图解 (charts) and summaries print them.

They are derived from the declared labels, never retyped: the ordinal in front
(（一）, 一、, 1.) and an explanatory parenthesis at the end are dropped, so
“（二）部分公开（区分处理的，只计这一情形，不计其他情形）” becomes “部分公开” and
“四、结转下年度继续办理” becomes “结转下年度继续办理”.
"""
from __future__ import annotations

import re

_ORDINAL = re.compile(r"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+\.)")
_TRAILING_NOTE = re.compile(r"（[^（）]*）$")


def short_label(label: str) -> str:
    """The customary short name of a declared label."""
    short = _ORDINAL.sub("", label.strip())
    shorter = _TRAILING_NOTE.sub("", short)
    return shorter or short
