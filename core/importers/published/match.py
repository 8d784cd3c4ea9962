"""Tolerant comparison of a printed row label with a declared one.

Exact (after `text.key`) is silent.  Anything else is a fuzzy match that the
import report lists: typos ("2.其他法律行政止公开"), abbreviations
("1.逾期不补正"), extra words, and labels split over several cells or lines.
"""
from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from .targets import Target
from .text import item_number

FUZZY_MIN = 0.62  # below this a label is not taken for a declared one


def is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


@lru_cache(maxsize=16384)
def label_score(printed: str, target: Target, contain: bool = True) -> float:
    """1.0 for an exact label; 0 < s < 1 for a fuzzy one; 0 when it is not this row.

    `printed` is the key of the row's last label cell, or of all label cells
    joined when the cells split one label (then `contain` is False: the joined
    text holds the parent labels too)."""
    if not printed:
        return 0.0
    if printed == target.key:
        return 1.0
    number = item_number(printed)
    if target.number and number and number != target.number:
        return 0.0
    body_p = printed[len(number):]
    body_t = target.key[len(target.number):]
    if not body_p or not body_t:
        return 0.0
    if body_p == body_t:
        return 0.95  # the words exactly, the item number missing or different in form
    if min(len(body_p), len(body_t)) < 3:
        return 0.0  # two characters ("其他", "总计") say nothing about which row this is
    lp, lt = len(body_p), len(body_t)
    # difflib only when the lengths allow a ratio above the threshold (it is the costly part).
    ratio = SequenceMatcher(None, body_p, body_t, autojunk=False).ratio() if 2 * min(lp, lt) / (lp + lt) >= FUZZY_MIN \
        else 0.0
    if len(body_p) >= 3 and is_subsequence(body_p, body_t):
        # An abbreviation of the declared label: as good as its share of it, at least FUZZY_MIN.
        ratio = max(ratio, FUZZY_MIN + 0.3 * len(body_p) / len(body_t))
    if contain and len(body_t) >= 3 and body_t in body_p:
        # The declared label with words added around it ("现行有效件数（历史累计）").
        ratio = max(ratio, 0.9)
    return ratio if ratio >= FUZZY_MIN else 0.0
