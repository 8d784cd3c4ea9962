"""Draft files (*.ogir): versioned JSON, documented in docs/file-format.md.

Loading never modifies the file; every problem becomes a typed DraftError with
a Chinese message.  Keys this version does not know are kept and written back.
"""
from __future__ import annotations

import json
import stat
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..forms import FORMS, get_form
from ..forms.schema import CellRef, Domain, Form, Number
from ..model.clean import clean_text
from ..model.report import META_FIELDS, Explanation, PreviousYear, Report
from ..model.values import coerce, domain_problem, plain_number
from .atomic import ReadOnlyTarget, atomic_write_bytes, remove_stale_temps
from .errors import (
    DraftError,
    DraftNotFound,
    DraftSchemaError,
    DraftTooNew,
    DraftUnreadable,
    DraftWriteError,
    describe_os_error,
)
from .sanitise import Cleaned, NumberHooks, may_need_cleaning, sanitise

APP_ID = "ogi-report"
FORMAT_VERSION = 3
DRAFT_SUFFIX = ".ogir"
BACKUP_SUFFIX = ".bak"
# A draft without a register is ~20 KB; a register of 20,000 requests with long
# contents stays well below this.  Anything larger is not ours.
MAX_DRAFT_BYTES = 100 * 1024 * 1024

_KNOWN_TOP = {"app", "format_version", "metadata", "sections", "tables", "units", "reported_totals", "stashed",
              "previous", "explanations", "register", "links"}
_KNOWN_META = {"form" if name == "form_key" else name for name in META_FIELDS}  # the file says "form"

# Older file versions are upgraded step by step: version -> function to the next.
def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    # Version 2 added the optional "register" (登记台账); a version 1 draft has none.
    return {**data, "format_version": 2}


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    # Version 3 added the optional "links" (data passages linked to the tables); a version 2 draft has none.
    return {**data, "format_version": 3}


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2, 2: _v2_to_v3}


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


# --- writing ---------------------------------------------------------------------


def _nest(values: Mapping[CellRef, Any], convert: Callable[[Any], Any]) -> dict[str, dict[str, dict[str, Any]]]:
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for (t, r, c), v in values.items():
        out.setdefault(t, {}).setdefault(r, {})[c] = convert(v)
    return out


def _json_number(v: Number) -> int | float:
    return plain_number(v)  # readers see plain JSON numbers


def _ordered(report: Report, values: Mapping[CellRef, Any]) -> dict[CellRef, Any]:
    """Values in form order, so that saved files diff well."""
    order = {ref: i for i, ref in enumerate(report.form.cells)}
    return dict(sorted(values.items(), key=lambda kv: order.get(kv[0], len(order))))


def _json_or_none(v: Any) -> Any:
    return None if v is None else _json_number(v)


def to_dict(report: Report) -> dict[str, Any]:
    meta = report.meta
    data: dict[str, Any] = {
        "app": APP_ID,
        "format_version": FORMAT_VERSION,
        "metadata": {
            "agency": meta.agency,
            "year": meta.year,
            "form": meta.form_key,
            "date": meta.date,
            "contact": meta.contact,
            "compiler": meta.compiler,
            # optional since 0.1 (format 3): only written when the clerk changed the title
            **({"title": meta.title} if meta.title.strip() else {}),
            **meta.extra,
        },
        "sections": dict(report.texts),
        "tables": _nest(_ordered(report, report.inputs), _json_number),
    }
    if report.units:
        data["units"] = _nest(report.units, str)
    if report.reported_totals:
        data["reported_totals"] = _nest(report.reported_totals, _json_number)
    if report.stashed:
        data["stashed"] = {k: _nest(v, _json_number) for k, v in report.stashed.items()}
    if report.previous is not None:
        prev = report.previous
        data["previous"] = {"path": prev.path, "year": prev.year, "form": prev.form_key,
                            "tables": _nest(prev.inputs, _json_number), "sections": dict(prev.texts)}
    if report.explanations:
        data["explanations"] = {
            key: {"note": e.note, "expected": _json_or_none(e.expected), "actual": _json_or_none(e.actual)}
            for key, e in report.explanations.items()
        }
    if report.has_register or report.register_drives:
        from ..register.store import register_to_json

        data["register"] = register_to_json(report.register, report.register_drives)
    links = {section: [{"passage": s.link.key, "text": s.link.text} for s in report.linked_spans(section)]
             for section in report.links}
    if any(links.values()):
        data["links"] = {section: spans for section, spans in links.items() if spans}
    for k, v in report.extra.items():
        data.setdefault(k, v)
    return data


def _kept_value(value: object) -> object:
    """Numbers of unknown keys were read as Decimal and are written back as read."""
    if isinstance(value, Decimal):
        return _json_number(value)
    raise TypeError(f"{type(value).__name__} in a draft")


def dumps(report: Report) -> bytes:
    text = json.dumps(to_dict(report), ensure_ascii=False, indent=1, default=_kept_value) + "\n"
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # The model cleans what it is given, but its dicts are public: a save must never fail on text.
        return clean_text(text).encode("utf-8")


def save(report: Report, path: Path | str) -> None:
    """Atomic save; the previous version of the file is kept as *.ogir.bak."""
    path = Path(path)
    try:
        atomic_write_bytes(path, dumps(report), backup=backup_path(path))
    except ReadOnlyTarget:
        raise DraftWriteError(f"“{path.name}”已被设为只读，不能保存到它上面。请用“另存为”保存为其他文件，"
                              "或在文件属性中取消只读后再保存。原文件未被改动。", path) from None
    except PermissionError:
        raise DraftWriteError(f"没有权限写入“{path}”。请换一个文件夹保存，或检查文件是否被设为只读。", path) from None
    except IsADirectoryError:
        raise DraftWriteError(f"“{path}”是一个文件夹，不能作为草稿文件保存。", path) from None
    except FileNotFoundError:
        raise DraftWriteError(f"保存位置“{path.parent}”不存在。", path) from None
    except OSError as exc:
        raise DraftWriteError(f"保存“{path.name}”失败：{describe_os_error(exc)}。原文件未被改动。", path) from None


# --- reading ---------------------------------------------------------------------


class _Reader:
    def __init__(self, path: Path | None) -> None:
        self.path = path

    def fail(self, what: str) -> DraftSchemaError:
        name = f"“{self.path.name}”" if self.path else "该文件"
        return DraftSchemaError(f"{name}不是有效的年报草稿：{what}。文件未被改动。", self.path)

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(f"“{where}”应为对象")
        return value

    def text(self, value: Any, where: str) -> str:
        if not isinstance(value, str):
            raise self.fail(f"“{where}”应为文字")
        return value

    def number(self, value: Any, where: str) -> Number:
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
            raise self.fail(f"“{where}”应为数字")
        if isinstance(value, Decimal) and value == value.to_integral_value() and "." not in str(value):
            return int(value)
        return value

    def cells(self, value: Any, form: Form, where: str, convert: Callable[[Any, str], Any], computed: bool) -> dict[CellRef, Any]:
        out: dict[CellRef, Any] = {}
        for t, rows in self.obj(value, where).items():
            for r, cols in self.obj(rows, f"{where}.{t}").items():
                for c, v in self.obj(cols, f"{where}.{t}.{r}").items():
                    ref = (t, r, c)
                    spec = form.cells.get(ref)
                    label = f"{where}.{t}.{r}.{c}"
                    if spec is None:
                        raise self.fail(f"{form.short_name}中没有单元格“{label}”")
                    if spec.computed != computed:
                        kind = "总计" if spec.computed else "可填写的单元格"
                        raise self.fail(f"“{label}”是{kind}，不能出现在这里")
                    out[ref] = convert(v, label)
        return out


def _canonical(value: Number, domain: Domain) -> Number:
    """int for whole counts, Decimal for amounts; values outside the domain are
    kept as read so that the checks can point at them."""
    return coerce(value, domain) if domain_problem(value, domain) is None else value


def from_dict(data: Any, path: Path | None = None) -> Report:
    rd = _Reader(path)
    data = rd.obj(data, "文件")
    if data.get("app") != APP_ID:
        raise rd.fail("缺少年报助手的文件标识")
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise rd.fail("文件格式版本无效")
    if version > FORMAT_VERSION:
        raise DraftTooNew(
            f"此文件由更新版本的年报助手保存（文件格式第{version}版，本程序只能读到第{FORMAT_VERSION}版）。"
            "请升级年报助手后再打开。文件未被改动。",
            path,
        )
    while version < FORMAT_VERSION:
        data = MIGRATIONS[version](data)
        version += 1

    for key in ("metadata", "sections", "tables"):
        if key not in data:
            raise rd.fail(f"缺少“{key}”部分")
    meta = rd.obj(data["metadata"], "metadata")
    for key in ("agency", "year", "form"):
        if key not in meta:
            raise rd.fail(f"缺少“metadata.{key}”")
    year = meta["year"]
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 < year < 3000:
        raise rd.fail("“metadata.year”应为四位年份")
    form_key = rd.text(meta["form"], "metadata.form")
    if form_key not in FORMS:
        raise rd.fail(f"未知的报告格式“{form_key}”")
    form = get_form(form_key)
    report = Report(
        rd.text(meta["agency"], "metadata.agency"),
        year,
        form_key,
        date=rd.text(meta.get("date", ""), "metadata.date"),
        contact=rd.text(meta.get("contact", ""), "metadata.contact"),
        compiler=rd.text(meta.get("compiler", ""), "metadata.compiler"),
    )
    report.meta.title = rd.text(meta.get("title", ""), "metadata.title")
    report.meta.extra = {k: v for k, v in meta.items() if k not in _KNOWN_META}

    sections = rd.obj(data["sections"], "sections")
    known_sections = {s.key for s in form.narratives}
    for key, text in sections.items():
        if key not in known_sections:
            raise rd.fail(f"未知的章节“{key}”")
        report.set_text(key, rd.text(text, f"sections.{key}"))

    inputs = rd.cells(data["tables"], form, "tables", rd.number, computed=False)
    totals = rd.cells(data.get("reported_totals", {}), form, "reported_totals", rd.number, computed=True)
    units = rd.cells(data.get("units", {}), form, "units", rd.text, computed=False)
    for ref, unit in units.items():
        if unit not in form.cells[ref].domain.units:
            raise rd.fail(f"单元格“{'.'.join(ref)}”的单位“{unit}”无效")
    stashed: dict[str, dict[CellRef, Number]] = {}
    for key, tables in rd.obj(data.get("stashed", {}), "stashed").items():
        if key not in FORMS or key == form_key:
            raise rd.fail(f"“stashed.{key}”无效")
        stashed[key] = rd.cells(tables, FORMS[key], f"stashed.{key}", rd.number, computed=False)

    inputs = {ref: _canonical(v, form.cells[ref].domain) for ref, v in inputs.items()}
    totals = {ref: _canonical(v, form.cells[ref].domain) for ref, v in totals.items()}
    report.replace_all(inputs, totals, units=units, stashed=stashed)
    if "previous" in data:
        prev = rd.obj(data["previous"], "previous")
        p_year, p_form = prev.get("year"), prev.get("form")
        if isinstance(p_year, bool) or not isinstance(p_year, int) or p_form not in FORMS:
            raise rd.fail("“previous”中的年度或格式无效")
        p_sections = {k: rd.text(v, f"previous.sections.{k}") for k, v in rd.obj(prev.get("sections", {}), "previous.sections").items()}
        report.previous = PreviousYear(
            rd.text(prev.get("path", ""), "previous.path"), p_year, p_form,
            rd.cells(prev.get("tables", {}), FORMS[p_form], "previous.tables", rd.number, computed=False), p_sections)
    for key, e in rd.obj(data.get("explanations", {}), "explanations").items():
        e = rd.obj(e, f"explanations.{key}")
        values = [e.get(k) for k in ("expected", "actual")]
        for v in values:
            if v is not None:
                rd.number(v, f"explanations.{key}")
        report.explain(key, Explanation(rd.text(e.get("note", ""), f"explanations.{key}.note"), *values))
    if "register" in data:
        from ..register.store import register_from_json

        register, drives = register_from_json(data["register"], rd.fail)
        report.register.set_calendar(register.calendar)
        report.register.mappings = register.mappings
        report.register.replace_all(register.requests)
        report.set_register_drives(drives)
    _read_links(rd, data.get("links", {}), report, known_sections)
    report.extra = {k: v for k, v in data.items() if k not in _KNOWN_TOP}
    return report


def _read_links(rd: _Reader, value: Any, report: Report, sections: set[str]) -> None:
    """Linked passages; a link whose text is not in its section (the file was
    edited by hand) is dropped, and the rest are brought up to the numbers."""
    for section, items in rd.obj(value, "links").items():
        if section not in sections:
            raise rd.fail(f"“links”中有未知的章节“{section}”")
        if not isinstance(items, list):
            raise rd.fail(f"“links.{section}”应为列表")
        for i, item in enumerate(items):
            item = rd.obj(item, f"links.{section}[{i}]")
            key = rd.text(item.get("passage"), f"links.{section}[{i}].passage")
            text = rd.text(item.get("text"), f"links.{section}[{i}].text")
            if text and text in report.texts.get(section, ""):
                report.link_passage(section, key, text)
    report.refresh_links()


def loads(raw: bytes, path: Path | None = None) -> Report:
    name = f"“{path.name}”" if path else "该文件"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DraftUnreadable(f"{name}不是年报草稿文件（内容无法识别，可能已损坏）。文件未被改动。", path) from None
    try:
        hooks = NumberHooks()
        data = json.loads(text, parse_float=hooks.float, parse_int=hooks.int)
    except (json.JSONDecodeError, RecursionError):
        if not text.strip():
            msg = f"{name}是空文件，可能在保存时被中断。可尝试打开同一文件夹中的备份“{path.name + BACKUP_SUFFIX if path else '*.bak'}”。"
        else:
            msg = f"{name}已损坏或不完整，无法读取。可尝试打开同一文件夹中的备份“{path.name + BACKUP_SUFFIX if path else '*.bak'}”。文件未被改动。"
        raise DraftUnreadable(msg, path) from None
    # The walk over every string costs ~40 % of opening a large register; a
    # file with nothing to clean and no oversize number skips it.
    cleaned = Cleaned()
    if hooks.oversize or may_need_cleaning(text):
        data, cleaned = sanitise(data, path)
    report = from_dict(data, path)
    notice = cleaned.notice(report.form)
    if notice:
        report.notices.append(notice)
    return report


def _not_regular(path: Path, mode: int) -> DraftUnreadable:
    kind = "管道或设备" if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "特殊文件"
    return DraftUnreadable(f"“{path.name}”不是普通文件（是{kind}），不能作为草稿打开。", path)


def read_capped(path: Path, limit: int) -> bytes | None:
    """The bytes of a regular file, or None if it is larger than `limit`.
    Raises OSError; a FIFO or device raises DraftUnreadable before it is opened
    (opening a FIFO would block forever, /dev/zero would never end)."""
    mode = path.stat().st_mode
    if not stat.S_ISREG(mode):
        raise _not_regular(path, mode)
    with open(path, "rb") as fh:
        raw = fh.read(limit + 1)  # the file may grow after stat(): never read more than the cap
    return None if len(raw) > limit else raw


def load(path: Path | str) -> Report:
    path = Path(path)
    try:
        if path.is_dir():
            raise DraftUnreadable(f"“{path}”是一个文件夹，不是草稿文件。", path)
        raw = read_capped(path, MAX_DRAFT_BYTES)
        if raw is None:
            size = path.stat().st_size
            raise DraftUnreadable(f"“{path.name}”太大（{size // 1024 // 1024} MB），不是年报草稿文件。", path)
    except FileNotFoundError:
        raise DraftNotFound(f"找不到文件“{path}”。", path) from None
    except PermissionError:
        raise DraftUnreadable(f"没有权限读取“{path}”。", path) from None
    except DraftError:
        raise
    except OSError as exc:
        raise DraftUnreadable(f"读取“{path.name}”失败：{describe_os_error(exc)}。", path) from None
    remove_stale_temps(path)
    return loads(raw, path)
