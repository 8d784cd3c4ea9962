"""What the JSON parser hands the loader, made safe before anything reads it.

Numbers: `1e999999999` would make int(Decimal) run for minutes and a
5,000-digit integer makes int() raise a bare ValueError, so the parser hooks
keep any number beyond a digit and exponent cap as an `OversizeNumber`, and
`sanitise` refuses the file naming its key path.  Text: every string, keys
included, is cleaned (core.model.clean) so that whatever loads can be saved.
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..forms.schema import Form
from ..model.clean import clean_text, unclean_count
from ..model.report import META_LABELS
from .errors import DraftSchemaError

# A cell holds less than 10^12 with at most 4 decimals; a year has 4 digits.
# The caps leave room for values the checks should flag, not for arithmetic bombs.
MAX_DIGITS = 24
MAX_EXPONENT = 24
_FLOAT = re.compile(r"-?(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?")


class OversizeNumber:
    """A number too long or too large for any field of a draft, as written in the file."""

    def __init__(self, text: str) -> None:
        self.text = text

    def shown(self) -> str:
        return self.text if len(self.text) <= 24 else f"{self.text[:12]}…{self.text[-6:]}（共{len(self.text)}个字符）"


def strict_int(text: str) -> int | OversizeNumber:
    return OversizeNumber(text) if len(text.lstrip("-")) > MAX_DIGITS else int(text)


def strict_float(text: str) -> Decimal | OversizeNumber:
    m = _FLOAT.fullmatch(text)
    if m is None or len(m.group(1)) + len(m.group(2) or "") > MAX_DIGITS:
        return OversizeNumber(text)
    exponent = m.group(3)
    if exponent is not None and (len(exponent.lstrip("+-")) > 4 or abs(int(exponent)) > MAX_EXPONENT):
        return OversizeNumber(text)
    return Decimal(text)


class Cleaned:
    """Where text was cleaned, by key path, for one notice to the user."""

    def __init__(self) -> None:
        self.count = 0
        self.paths: list[tuple[str, ...]] = []

    def add(self, path: tuple[str, ...], n: int) -> None:
        self.count += n
        self.paths.append(path)

    def notice(self, form: Form) -> str | None:
        if not self.count:
            return None
        headings = {s.key: s.heading for s in form.narratives}
        places: list[str] = []
        for p in self.paths:
            if len(p) >= 2 and p[0] == "metadata" and p[1] in META_LABELS:
                place = META_LABELS[p[1]]
            elif len(p) >= 2 and p[0] == "sections":
                place = f"“{headings.get(p[1], p[1])}”正文"
            elif p[:1] == ("explanations",):
                place = "核实说明"
            elif p[:1] == ("previous",):
                place = "上年报告信息"
            else:
                place = "其他内容"
            if place not in places:
                places.append(place)
        shown = "、".join(places[:5]) + ("等处" if len(places) > 5 else "")
        return (f"文件中{shown}有{self.count}个无法保存或导出的字符（不可见的控制字符或残缺的文字编码），"
                "已自动清除（残缺的字换成了“\ufffd”），其余内容未变。保存后即为清除后的内容。")


# Text that may hold something clean_text changes, as it stands in the JSON
# source: the characters themselves, or a \u escape of a control character,
# a surrogate or U+FFFE/U+FFFF.  Conservative: an escaped backslash before "u"
# also matches, which only costs the full walk.
_MAYBE_UNCLEAN = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]|\\u(?:00[01]|[dD][89a-fA-F]|[fF]{3}[eEfF])")


def may_need_cleaning(source: str) -> bool:
    """Whether the JSON source may hold text that clean_text would change; a
    file without (nearly all) skips the walk over every string."""
    return _MAYBE_UNCLEAN.search(source) is not None


class NumberHooks:
    """The parser's number hooks, remembering whether any number was kept aside
    as an OversizeNumber (then the walk must run to refuse the file)."""

    def __init__(self) -> None:
        self.oversize = False

    def int(self, text: str) -> int | OversizeNumber:
        value = strict_int(text)
        if isinstance(value, OversizeNumber):
            self.oversize = True
        return value

    def float(self, text: str) -> Decimal | OversizeNumber:
        value = strict_float(text)
        if isinstance(value, OversizeNumber):
            self.oversize = True
        return value


def _where(path: tuple[str, ...]) -> str:
    return ".".join(path) if path else "文件"


def sanitise(data: Any, file: Path | None) -> tuple[Any, Cleaned]:
    """`data` with every string cleaned; raises DraftSchemaError at the first
    oversize number.  Iterative: a file may nest as deep as the parser allowed."""
    cleaned = Cleaned()

    def text(s: str, path: tuple[str, ...]) -> str:
        n = unclean_count(s)
        if n:
            cleaned.add(path, n)
            return clean_text(s)
        return s

    def leaf(v: Any, path: tuple[str, ...]) -> Any:
        if isinstance(v, str):
            return text(v, path)
        if isinstance(v, OversizeNumber):
            name = f"“{file.name}”" if file else "该文件"
            raise DraftSchemaError(
                f"{name}不是有效的年报草稿：“{_where(path)}”的数字“{v.shown()}”位数过多或数值过大"
                f"（最多{MAX_DIGITS}位数字）。文件未被改动。", file)
        return v

    root: list[Any] = [data]
    # (container, key in container, value, path): replace container[key] by the cleaned value.
    stack: list[tuple[Any, Any, Any, tuple[str, ...]]] = [(root, 0, data, ())]
    while stack:
        parent, key, value, path = stack.pop()
        if isinstance(value, dict):
            new: dict[str, Any] = {}
            for k, v in value.items():
                ck = text(k, (*path, k))
                new[ck] = v
                stack.append((new, ck, v, (*path, ck)))
            parent[key] = new
        elif isinstance(value, list):
            new_list = list(value)
            for i, v in enumerate(new_list):
                stack.append((new_list, i, v, (*path, str(i))))
            parent[key] = new_list
        else:
            parent[key] = leaf(value, path)
    return root[0], cleaned
