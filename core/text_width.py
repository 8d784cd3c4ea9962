"""How wide text is, in 字 (the width of one CJK character): one place for the
rule every layout uses (the Word title and line counts, the text view, charts)."""
from __future__ import annotations

import unicodedata


def is_wide(ch: str, *, ambiguous_wide: bool = True) -> bool:
    """A character set a full 字 wide.  East Asian "ambiguous" characters (“”、…)
    are wide in the Chinese fonts of documents, narrow in a terminal."""
    return unicodedata.east_asian_width(ch) in ("WFA" if ambiguous_wide else "WF")


def char_units(ch: str) -> float:
    """1 for a CJK character, 0.5 for an ASCII one (in a Chinese document font)."""
    return 1.0 if is_wide(ch) else 0.5


def text_units(s: str) -> float:
    return sum(char_units(ch) for ch in s)
