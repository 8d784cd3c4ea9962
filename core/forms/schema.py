"""Building blocks for declaring an official report format as data.

A format is a list of sections; table sections hold either a *block table*
(section 二: captioned blocks, each with its own value columns) or a *matrix
table* (sections 三 and 四: a tree of row labels against a tree of column
labels).  Everything else in the application — grids, totals, checks, exports,
importers — reads these declarations, so a label is written exactly once.
"""
from __future__ import annotations

from decimal import Decimal
from enum import Enum

from ..records import field, record
from .short_labels import short_label

Number = int | Decimal


class ValueKind(Enum):
    COUNT = "count"  # non-negative whole number of items (件)
    SIGNED_COUNT = "signed_count"  # 2019 本年增/减: a decrease is written as a negative number
    AMOUNT = "amount"  # non-negative decimal amount of money


@record
class Domain:
    kind: ValueKind
    decimals: int = 0
    # Units the user may choose between (first is the default).  Empty when the
    # unit is fixed by the printed label, e.g. 本年收费金额（单位：万元）.
    units: tuple[str, ...] = ()

    @property
    def is_integer(self) -> bool:
        return self.kind is not ValueKind.AMOUNT

    @property
    def allows_negative(self) -> bool:
        return self.kind is ValueKind.SIGNED_COUNT

    def describe(self) -> str:
        """Chinese description used in error messages."""
        if self.kind is ValueKind.COUNT:
            return "不小于0的整数"
        if self.kind is ValueKind.SIGNED_COUNT:
            return "整数（减少用负数表示，如-8）"
        return f"不小于0的数（最多{self.decimals}位小数）"


COUNT = Domain(ValueKind.COUNT)
SIGNED_COUNT = Domain(ValueKind.SIGNED_COUNT)
AMOUNT_WANYUAN = Domain(ValueKind.AMOUNT, decimals=4)
AMOUNT_UNIT_CHOICE = Domain(ValueKind.AMOUNT, decimals=4, units=("万元", "元"))


@record
class Sum:
    """A derived total.  `rule` names the consistency rule it stands for."""

    rule: str
    rule_name: str


@record
class Column:
    key: str
    label: str
    domain: Domain = COUNT
    children: tuple[Column, ...] = ()
    # A total column sums the value leaves of its siblings.
    total: Sum | None = None
    # Width in grid columns; used by block tables whose blocks have different
    # numbers of value columns over one shared grid.
    span: int = 1
    # The customary short name prose uses ("制发" for 本年制发件数); derived
    # from the label when empty.
    short: str = ""

    @property
    def short_name(self) -> str:
        return self.short or short_label(self.label)

    def leaves(self) -> tuple[Column, ...]:
        if not self.children:
            return (self,)
        return tuple(leaf for child in self.children for leaf in child.leaves())


@record
class Row:
    key: str
    label: str
    children: tuple[Row, ...] = ()
    total: Sum | None = None
    short: str = ""  # as Column.short

    @property
    def short_name(self) -> str:
        return self.short or short_label(self.label)

    def leaves(self) -> tuple[Row, ...]:
        if not self.children:
            return (self,)
        return tuple(leaf for child in self.children for leaf in child.leaves())


@record
class Balance:
    """A printed equality between row groups, checked for every value column:
    Σ lhs rows = Σ rhs rows (R-3.1: 一 + 二 = （七） + 四)."""

    rule: str
    rule_name: str
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]


@record
class FromLastYear:
    """A row that starts where last year's report ended, column by column:
    三 二、上年结转 = last year's 四、结转下年度继续办理.  A new year's draft is
    filled from it (core/carry.py); a difference is a warning (core/checks/crossyear.py)."""

    rule: str
    table: str
    row: str  # this year's row
    last_row: str  # last year's row it starts from


@record
class RunningStock:
    """A stock column that follows from last year's figures, row by row:
    this year's `column` = last year's `last_column` + Σ last_plus (last year's
    columns) + Σ plus − Σ minus (this year's columns).  Carried into a new year's
    draft when it depends on last year alone; always a plausibility warning."""

    rule: str
    table: str
    column: str
    last_column: str
    last_plus: tuple[str, ...] = ()
    plus: tuple[str, ...] = ()
    minus: tuple[str, ...] = ()
    why: str = ""  # why the figures may legitimately differ, for the warning

    @property
    def from_last_year_only(self) -> bool:
        return not (self.plus or self.minus)


CrossYear = FromLastYear | RunningStock


@record
class Block:
    """One captioned block of a block table (e.g. 第二十条第（一）项)."""

    key: str
    caption: str
    header_label: str  # the label-column header, 信息内容
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@record
class BlockTable:
    key: str
    name: str  # short Chinese name used in messages and sheet names
    blocks: tuple[Block, ...]
    # Value columns of every block span this many grid columns in total.
    value_width: int

    @property
    def number(self) -> str:
        """表二: how prose cites the table."""
        return self.name.partition(" ")[0]


@record
class MatrixTable:
    key: str
    name: str
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    note: str | None = None  # text of the top-left corner cell
    show_row_labels: bool = True
    balances: tuple[Balance, ...] = ()

    @property
    def number(self) -> str:
        """表三: how prose cites the table."""
        return self.name.partition(" ")[0]

    def leaf_columns(self) -> tuple[Column, ...]:
        """The value columns, left to right (totals included)."""
        return tuple(leaf for top in self.columns for leaf in top.leaves())

    def leaf_rows(self) -> tuple[Row, ...]:
        return tuple(leaf for top in self.rows for leaf in top.leaves())


Table = BlockTable | MatrixTable


@record
class Mention:
    """A topic a narrative section is expected to mention (a warning if absent)."""

    rule: str
    words: tuple[str, ...]  # any one of them counts as a mention
    message: str


@record
class NarrativeSection:
    key: str
    heading: str
    prompts: tuple[str, ...]  # what the section must cover, shown as guidance
    subheadings: tuple[str, ...] = ()  # standard sub-headings a clerk may insert
    mentions: tuple[Mention, ...] = ()
    # The short name on the section's tab (一、总体情况): the full headings side by
    # side do not fit a 1366 px wide window; the page shows the full heading.
    tab_name: str = ""


@record
class TableSection:
    key: str
    heading: str
    table: Table
    tab_name: str = ""  # as NarrativeSection.tab_name


Section = NarrativeSection | TableSection


@record
class CellSpec:
    """One value cell of a table, input or computed."""

    table: str
    row: str
    column: str
    domain: Domain
    row_label: str  # full label path, for messages
    column_label: str
    # For computed cells, the cells summed (they may be computed themselves).
    terms: tuple[tuple[str, str], ...] = ()
    rule: str | None = None
    rule_name: str | None = None

    @property
    def computed(self) -> bool:
        return bool(self.terms)

    @property
    def label(self) -> str:
        """How messages name the cell: 行 / 列, or the column alone in a table
        printed without row labels (表四)."""
        return f"{self.row_label} / {self.column_label}" if self.row_label else self.column_label

    @property
    def ref(self) -> CellRef:
        return (self.table, self.row, self.column)


CellRef = tuple[str, str, str]  # (table key, row key, column key)


@record
class ProseCells:
    """The cells whose sum a narrative phrase restates (V9: "予以公开258件"):
    the given rows × columns of one table; a group row stands for its leaves, and
    a single group row is named as a group in messages ("（三）不予公开”各项总计之和")."""

    table: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]


@record
class Form:
    key: str  # "2019" or "2021"
    name: str  # 中华人民共和国政府信息公开工作年度报告格式（试行）
    short_name: str  # shown in the UI: 2019年版（试行）格式
    document: str  # the issuing document number
    first_year: int
    last_year: int | None
    sections: tuple[Section, ...]
    # How this year's figures follow from last year's report (carry-over, V7, V8).
    cross_year: tuple[CrossYear, ...] = ()
    # What the narrative checks may read back from prose, by measure key
    # (core/checks/narrative_numbers.py holds the phrases): a measure applies
    # to a format only where the format declares its cells.
    prose: tuple[tuple[str, ProseCells], ...] = ()
    cells: dict[CellRef, CellSpec] = field(default_factory=dict, compare=False)

    def covers(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(s.table for s in self.sections if isinstance(s, TableSection))

    @property
    def narratives(self) -> tuple[NarrativeSection, ...]:
        return tuple(s for s in self.sections if isinstance(s, NarrativeSection))

    def table(self, key: str) -> Table:
        for t in self.tables:
            if t.key == key:
                return t
        raise KeyError(key)

    def section(self, key: str) -> Section:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)

    def section_of_table(self, table_key: str) -> TableSection:
        for s in self.sections:
            if isinstance(s, TableSection) and s.table.key == table_key:
                return s
        raise KeyError(table_key)
