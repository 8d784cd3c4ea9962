"""The official report formats, declared as data.  See schema.py."""
from __future__ import annotations

from .cells import evaluation_order, table_cells
from .form2019 import FORM_2019
from .form2021 import FORM_2021
from .schema import (
    Block,
    BlockTable,
    CellRef,
    CellSpec,
    Column,
    Domain,
    Form,
    MatrixTable,
    NarrativeSection,
    Number,
    Row,
    Table,
    TableSection,
    ValueKind,
)

FORMS: dict[str, Form] = {}

FIRST_SUPPORTED_YEAR = 2019


def _register(form: Form) -> None:
    for table in form.tables:
        for spec in table_cells(table):
            form.cells[spec.ref] = spec
    FORMS[form.key] = form


_register(FORM_2019)
_register(FORM_2021)

# Computed cells in dependency order, per form (terms before their sums).
EVALUATION_ORDER: dict[str, list[CellSpec]] = {k: evaluation_order(f.cells) for k, f in FORMS.items()}


def form_for_year(year: int) -> Form:
    """The national format that applies to a report year."""
    for form in FORMS.values():
        if form.covers(year):
            return form
    raise ValueError(f"不支持{year}年度的报告：本软件支持{FIRST_SUPPORTED_YEAR}年度及以后的报告。")


def current_form() -> Form:
    """The format in force now (the one without a last year)."""
    return max(FORMS.values(), key=lambda f: f.first_year)


def get_form(key: str) -> Form:
    try:
        return FORMS[key]
    except KeyError:
        raise ValueError(f"未知的报告格式“{key}”，可用的格式为：{'、'.join(FORMS)}。") from None


__all__ = [
    "Block", "BlockTable", "CellRef", "CellSpec", "Column", "Domain", "EVALUATION_ORDER", "FORMS", "Form",
    "MatrixTable", "NarrativeSection", "Number", "Row", "Table", "TableSection", "ValueKind", "current_form", "form_for_year",
    "get_form", "FIRST_SUPPORTED_YEAR",
]
