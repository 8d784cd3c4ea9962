"""The workspace file (*.ogiw): versioned JSON, written atomically.

See docs/consolidation-format.md.  File paths are stored relative to the
workspace file when they lie below its folder, so a folder moved or copied
to another machine keeps working."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..storage.atomic import atomic_write_bytes
from .errors import ConsolidationError
from .workspace import KINDS, Collected, Unit, Workspace

APP_ID = "ogi-report-consolidation"
FORMAT_VERSION = 1
SUFFIX = ".ogiw"
MAX_BYTES = 20 * 1024 * 1024
# How a file came to its unit; an unknown value reads as "" (matched again by the agency name).
HOWS = ("", "exact", "fuzzy", "confirmed", "manual", "unassigned")


def _stored_path(path: str, base: Path) -> str:
    p = Path(path)
    try:
        return p.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return str(p)


def to_dict(ws: Workspace, base: Path | None = None) -> dict[str, Any]:
    def where(path: str) -> str:
        return _stored_path(path, base) if base is not None else path

    return {
        "app": APP_ID,
        "format_version": FORMAT_VERSION,
        "year": ws.year,
        "name": ws.name,
        "units": [{"name": u.name, "kind": u.kind, "local": u.local, "region": u.region, "contact": u.contact}
                  for u in ws.units],
        "files": [{"path": where(f.path), "unit": f.unit, "how": f.how} | ({"reviewed": f.reviewed} if f.reviewed else {})
                  for f in ws.files],
        "include_with_errors": list(ws.include_with_errors),
        "last_year": where(ws.last_year) if ws.last_year else "",
    }


def save(ws: Workspace, path: Path | str) -> None:
    path = Path(path)
    data = json.dumps(to_dict(ws, path.parent), ensure_ascii=False, indent=1) + "\n"
    try:
        atomic_write_bytes(path, data.encode("utf-8"))
    except OSError as exc:
        raise ConsolidationError(f"保存汇总文件“{path.name}”失败（{exc.strerror or exc}）。原文件未被改动。") from None


def _fail(path: Path | None, what: str) -> ConsolidationError:
    name = f"“{path.name}”" if path is not None else "汇总文件"
    return ConsolidationError(f"{name}不是有效的汇总文件：{what}。")


def _text(value: Any, where: str, path: Path | None) -> str:
    if not isinstance(value, str):
        raise _fail(path, f"{where}应为文字")
    return value


def _flag(value: Any, where: str, path: Path | None) -> bool:
    if not isinstance(value, bool):
        raise _fail(path, f"{where}应为是或否")
    return value


def from_dict(data: Any, path: Path | None = None) -> Workspace:
    if not isinstance(data, dict) or data.get("app") != APP_ID:
        raise _fail(path, "缺少文件标识")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _fail(path, "缺少格式版本")
    if version > FORMAT_VERSION:
        raise ConsolidationError(f"“{path.name if path else '汇总文件'}”由更新版本的软件保存（格式版本{version}），"
                                 "请升级本软件后再打开。")
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1900 < year < 3000:
        raise _fail(path, "报告年度无效")
    base = path.parent if path is not None else None

    def resolve(p: str) -> str:
        if base is None or not p or os.path.isabs(p):
            return p
        return str(base / p)

    units: list[Unit] = []
    seen: set[str] = set()
    raw_units = data.get("units", [])
    if not isinstance(raw_units, list):
        raise _fail(path, "单位名单应为列表")
    for n, u in enumerate(raw_units, 1):
        if not isinstance(u, dict):
            raise _fail(path, f"名单第{n}项应为对象")
        name = _text(u.get("name"), f"名单第{n}项的单位名称", path).strip()
        kind = _text(u.get("kind", "部门"), f"名单第{n}项的类别", path)
        if not name or name in seen:
            raise _fail(path, f"名单第{n}项的单位名称为空或重复")
        if kind not in KINDS:
            raise _fail(path, f"名单第{n}项的类别“{kind}”不是{'、'.join(KINDS)}之一")
        seen.add(name)
        units.append(Unit(name, kind, _flag(u.get("local", True), f"名单第{n}项的“本级”", path),
                          _flag(u.get("region", True), f"名单第{n}项的“全行政区域”", path),
                          _text(u.get("contact", ""), f"名单第{n}项的联系方式", path)))
    files: list[Collected] = []
    raw_files = data.get("files", [])
    if not isinstance(raw_files, list):
        raise _fail(path, "文件清单应为列表")
    for n, f in enumerate(raw_files, 1):
        if not isinstance(f, dict):
            raise _fail(path, f"文件清单第{n}项应为对象")
        unit = _text(f.get("unit", ""), f"文件清单第{n}项的单位", path)
        how = _text(f.get("how", ""), f"文件清单第{n}项", path)
        files.append(Collected(resolve(_text(f.get("path"), f"文件清单第{n}项的路径", path)),
                               unit if unit in seen else "", how if how in HOWS else "",
                               _text(f.get("reviewed", ""), f"文件清单第{n}项的核对标记", path)))
    include = data.get("include_with_errors", [])
    if not isinstance(include, list) or not all(isinstance(x, str) for x in include):
        raise _fail(path, "“含错误仍纳入汇总的单位”应为单位名称的列表")
    return Workspace(year, _text(data.get("name", ""), "汇总单位名称", path), units, files,
                     [x for x in include if x in seen], resolve(_text(data.get("last_year", ""), "上年汇总文件", path)))


def load(path: Path | str) -> Workspace:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ConsolidationError(f"“{path.name}”过大，不像是汇总文件。")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConsolidationError(f"找不到汇总文件“{path}”。") from None
    except IsADirectoryError:
        raise ConsolidationError(f"“{path}”是一个文件夹，不是汇总文件。") from None
    except OSError as exc:
        raise ConsolidationError(f"无法读取“{path.name}”（{exc.strerror or exc}）。") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise _fail(path, "内容已损坏或不是 JSON") from None
    return from_dict(data, path)
