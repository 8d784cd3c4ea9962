"""The applicant types and results a request can take, from 表三 of a format.

Every label comes from core/forms; a register value is the stable key of a
表三 value column (申请人类型) or result row (办理结果).
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache

from ..forms import MatrixTable, get_form
from ..forms.schema import Row

APPLICATIONS = "applications"
RESULTS_ROW = "results"


def _table(form_key: str) -> MatrixTable:
    table = get_form(form_key).table(APPLICATIONS)
    assert isinstance(table, MatrixTable)
    return table


@cache
def applicant_types(form_key: str) -> tuple[tuple[str, str], ...]:
    """(column key, label) of every value column except 总计, in table order."""
    out = []
    for col in _table(form_key).leaf_columns():
        if col.total is None:
            out.append((col.key, col.label))
    return tuple(out)


@cache
def applicant_labels(form_key: str) -> dict[str, str]:
    """Column key -> label qualified by its parent where ambiguous (法人或其他组织 其他)."""
    qualified: dict[str, str] = {}
    for top in _table(form_key).columns:
        for mid in top.children:
            for leaf in mid.leaves():
                if leaf.total is not None:
                    continue
                qualified[leaf.key] = leaf.label if leaf is mid else f"{mid.label}-{leaf.label}"
    return qualified


def _results_row(form_key: str) -> Row:
    return next(r for r in _table(form_key).rows if r.key == RESULTS_ROW)


@cache
def result_rows(form_key: str) -> tuple[tuple[str, str, str], ...]:
    """(row key, parent label or "", label) of every result row that holds values, except （七）总计."""
    out = []
    for child in _results_row(form_key).children:
        if child.total is not None:
            continue
        if child.children:
            for leaf in child.children:
                out.append((leaf.key, child.label, leaf.label))
        else:
            out.append((child.key, "", child.label))
    return tuple(out)


@cache
def applicant_keys(form_key: str) -> frozenset[str]:
    return frozenset(k for k, _ in applicant_types(form_key))


@cache
def result_keys(form_key: str) -> frozenset[str]:
    return frozenset(k for k, _, _ in result_rows(form_key))


@cache
def result_labels(form_key: str) -> dict[str, str]:
    """Row key -> official label with its group, e.g. “（三）不予公开 1.属于国家秘密”."""
    return {key: f"{parent} {label}" if parent else label for key, parent, label in result_rows(form_key)}


_NUMBERING = re.compile(r"^(（[一二三四五六七八九十]+）|[0-9]+[.．、])")


def bare(label: str) -> str:
    """A label without its numbering and spaces, for matching what offices type."""
    s = unicodedata.normalize("NFKC", label).strip()
    s = re.sub(r"\s+", "", s)
    s = s.replace("(", "（").replace(")", "）")
    while True:
        stripped = _NUMBERING.sub("", s)
        if stripped == s:
            return s
        s = stripped


@cache
def official_result_names(form_key: str) -> dict[str, str]:
    """Text an office may write for a result -> row key, for exact official names only:
    the label with or without numbering (予以公开, 1.本机关不掌握相关政府信息,
    （三）不予公开 1.属于国家秘密).  Anything else needs the user's mapping."""
    out: dict[str, str] = {}
    for key, parent, label in result_rows(form_key):
        # （二）部分公开（区分处理的，…） is named 部分公开 without its printed note.
        short = re.sub(r"（[^（）]*）$", "", bare(label))
        for text in (label, bare(label), short, f"{parent}{label}", f"{bare(parent)}{bare(label)}"):
            out[bare(text)] = key
            out[text] = key
    # 其他 alone is ambiguous in 2021 (（六）3.其他) only within its group; keep it out.
    out.pop("其他", None)
    return out


@cache
def official_applicant_names(form_key: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, label in applicant_types(form_key):
        if label != "其他":
            out[label] = key
    for key, label in applicant_labels(form_key).items():
        out[bare(label)] = key
    out["法人或其他组织其他"] = "other_org"
    return out
