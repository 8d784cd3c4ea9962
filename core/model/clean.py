"""Text every file the app writes can hold.

A lone surrogate (a "\\ud800" escape in a draft, half of an emoji from a broken
paste) cannot be encoded as UTF-8, so the draft could never be saved again;
C0 control characters other than tab and newline, and U+FFFE/U+FFFF, are not
allowed in XML, so Word and Excel exports would refuse them.  Text is cleaned
on the way in (loader, typing, paste, import), so that whatever the model holds
can be saved and exported.  Line breaks are kept as "\\n".
"""
from __future__ import annotations

import re

# Lone surrogates are replaced (something was there); controls and
# non-characters are dropped (they never show).
_SURROGATE = re.compile("[\ud800-\udfff]")
_DROPPED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_UNCLEAN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def clean_text(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD, CR/CRLF turned into
    newlines, and other control characters (except tab) and U+FFFE/U+FFFF removed."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _UNCLEAN.search(text) is None:
        return text
    return _DROPPED.sub("", _SURROGATE.sub(REPLACEMENT, text))


def unclean_count(text: str) -> int:
    """How many characters clean_text replaces or removes (line endings not counted)."""
    return len(_UNCLEAN.findall(text))


class TextCleaner:
    """Cleans many texts and remembers where something was cleaned, so that
    the user is told once, naming the places, instead of once per field."""

    def __init__(self) -> None:
        self.count = 0
        self.places: list[str] = []

    def __call__(self, text: str, place: str) -> str:
        n = unclean_count(text)
        if n:
            self.count += n
            if place not in self.places:
                self.places.append(place)
            return clean_text(text)
        return clean_text(text) if "\r" in text else text

    def notice(self) -> str | None:
        """A Chinese sentence for the user, or None if nothing was cleaned."""
        if not self.count:
            return None
        shown = "、".join(self.places[:5]) + ("等处" if len(self.places) > 5 else "")
        return (f"{shown}有{self.count}个无法保存或导出的字符（不可见的控制字符或残缺的文字编码），"
                "已自动清除（残缺的字换成了“\ufffd”），其余内容未变。")
