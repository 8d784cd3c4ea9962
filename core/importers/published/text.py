"""Normalising printed labels and cell values of published reports.

Portals and Word templates print the same label in many ways: ASCII or
full-width brackets, "1、" or "1．" for "1.", spaces inside ("结 果 维 持" from
narrow PDF columns), curly or straight quotes.  `key()` maps all of these to
one comparison form; labels are never rewritten for display.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from ...forms.schema import Domain
from ...model.values import EMPTY_MARKS, InvalidValue, parse_number

_DROP = re.compile(r"[\s\u3000\xa0\u200b\ufeff“”\"'‘’「」『』:：;；,，。、.．·•]")
_NUM_SEP = re.compile(r"^(\d{1,2})[、.．,，]")
_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}

# Printed marks for "nothing here", besides a blank cell.
DASH_MARKS = frozenset(m for m in EMPTY_MARKS if m) | {"——", "—-", "--", "－－", "\\", "无", "/"}


def squash(text: str) -> str:
    """NFKC, white space (including &nbsp; and ideographic space) removed."""
    return re.sub(r"[\s\u3000\xa0\u200b\ufeff]+", "", unicodedata.normalize("NFKC", text or ""))


def key(text: str) -> str:
    """The comparison form of a label: NFKC (brackets become ASCII), the item
    number kept but its separator unified, punctuation and spaces dropped."""
    s = unicodedata.normalize("NFKC", text or "").strip()
    # Quotes go first: a PDF may put “ before the item number of “3.危及…”.
    s = re.sub(r"[\s\u3000\xa0“”\"'‘’「」『』]+", "", s)
    s = _NUM_SEP.sub(r"\1.", s)
    s = s.replace("【", "(").replace("】", ")").replace("〔", "(").replace("〕", ")")
    num = re.match(r"^\d{1,2}\.", s)
    head, rest = (s[: num.end()], s[num.end():]) if num else ("", s)
    return head + _DROP.sub("", rest)


def item_number(k: str) -> str:
    """The leading item number of a key: "1." / "(三)" / "三" (for 三、…), or ""."""
    m = re.match(r"^(\d{1,2}\.|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}(?=[、.]|[^\d]))", k)
    return m.group(1) if m else ""


def chinese_year(text: str) -> int | None:
    """二〇二四 → 2024 (years printed in Chinese numerals in titles and dates)."""
    if len(text) == 4 and all(ch in _CN_DIGITS for ch in text):
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    return None


def chinese_small_number(text: str) -> int | None:
    """一 … 三十一 (months and days printed in Chinese numerals)."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _CN_DIGITS.get(tens, 1) if tens else 1
        o = _CN_DIGITS.get(ones, 0) if ones else 0
        return t * 10 + o
    if len(text) == 1 and text in _CN_DIGITS:
        return _CN_DIGITS[text]
    return None


def is_dash(text: str) -> bool:
    s = squash(text)
    return s in DASH_MARKS or bool(s) and set(s) <= set("—-－–/／\\、")


def looks_like_value(text: str) -> bool:
    """A cell that holds a number, a dash or nothing (not a label)."""
    s = squash(text)
    if not s or is_dash(s):
        return True
    s = re.sub(r"(?<=\d)[,，](?=\d{3})", "", s)
    s = re.sub(r"(万元|元|件|条|项|个|次)$", "", s)
    return bool(re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", s))


def parse_cell(text: str, domain: Domain) -> tuple[int | Decimal | None, str | None]:
    """(value, unit) of a printed value cell; None for blank or a dash.
    Raises InvalidValue (Chinese message) for anything else."""
    s = squash(text)
    if not s or is_dash(s):
        return None, None
    unit = "万元" if s.endswith("万元") else "元" if s.endswith("元") else None
    if unit and not domain.units and domain.is_integer:
        raise InvalidValue(f"“{text.strip()}”是金额，此处应填{domain.describe()}。")
    if unit:
        s = s[: -len(unit)]
    return parse_number(s, domain), unit
