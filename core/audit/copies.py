"""Narrative paragraphs copied between different agencies (内容雷同).

Comparing every paragraph with every other one is quadratic in the number of
reports.  Instead each paragraph is cut into 6-character shingles and a fixed
quarter of them (those whose hash falls in one residue class) is indexed;
only pairs of paragraphs from different agencies that share many indexed
shingles are compared exactly.  Shingles that occur in very many paragraphs
(set phrases of every report) are not used to find pairs, which keeps the
candidate lists short; genuinely copied paragraphs share plenty of rarer ones.
"""
from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher

from ..records import record

SIMILAR = 0.9
MIN_CHARS = 40  # shorter paragraphs ("无其他需要报告的事项。") are the same everywhere, rightly
SHINGLE = 6
SAMPLE_MOD = 4


@record
class Paragraph:
    owner: int  # index of the report it belongs to
    group: str  # agency (normalised): copies within one agency are V11's business, not this check's
    section: str
    text: str


@record
class CopiedPair:
    a: Paragraph
    b: Paragraph
    ratio: float


def _norm(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


def _shingles(text: str) -> set[int]:
    out = set()
    for i in range(len(text) - SHINGLE + 1):
        h = zlib.crc32(text[i:i + SHINGLE].encode("utf-8"))
        if h % SAMPLE_MOD == 0:
            out.add(h)
    return out


def copied_paragraphs(paragraphs: Iterable[Paragraph], threshold: float = SIMILAR) -> list[CopiedPair]:
    """Pairs of paragraphs of different agencies at least `threshold` similar.

    Identical paragraphs are grouped by their text and each copy is paired with
    the first occurrence only (a paragraph copied by 50 units gives 49 pairs,
    not 1,225).  Near copies are found through shared rare shingles."""
    paras = [p for p in paragraphs if len(_norm(p.text)) >= MIN_CHARS]
    norms = [_norm(p.text) for p in paras]
    out: list[CopiedPair] = []
    groups: dict[str, list[int]] = {}
    for i, n in enumerate(norms):
        groups.setdefault(n, []).append(i)
    first = {n: ids[0] for n, ids in groups.items()}
    for ids in groups.values():
        if len(ids) < 2:
            continue
        head = ids[0]
        other = next((k for k in ids if paras[k].group != paras[head].group), None)
        seen: set[frozenset[int]] = set()
        for i in ids[1:]:
            partner = head if paras[i].group != paras[head].group else other
            if partner is None or partner == i or frozenset((partner, i)) in seen:
                continue
            seen.add(frozenset((partner, i)))
            a, b = sorted((partner, i))
            out.append(CopiedPair(paras[a], paras[b], 1.0))
    # Near copies: one representative per distinct text.
    reps = sorted(first.values())
    sets = {i: _shingles(norms[i]) for i in reps}
    index: dict[int, list[int]] = defaultdict(list)
    for i in reps:
        for h in sets[i]:
            index[h].append(i)
    cap = max(30, len(reps) // 10)
    usable = {i: sum(1 for h in sets[i] if len(index[h]) <= cap) for i in reps}
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for postings in index.values():
        if len(postings) < 2 or len(postings) > cap:
            continue  # a set phrase of many reports says nothing about copying
        for x, i in enumerate(postings):
            for j in postings[x + 1:]:
                if paras[i].group != paras[j].group:
                    shared[(i, j)] += 1
    for (i, j), count in shared.items():
        if count < 0.6 * max(1, min(usable[i], usable[j])):
            continue  # a 90 % similar pair shares well over 60 % of its usable sampled shingles
        m = SequenceMatcher(None, norms[i], norms[j], autojunk=False)
        if m.real_quick_ratio() < threshold or m.quick_ratio() < threshold:
            continue
        ratio = m.ratio()
        if ratio >= threshold:
            out.append(CopiedPair(paras[i], paras[j], ratio))
    out.sort(key=lambda p: (-p.ratio, p.a.owner, p.b.owner))
    return out
