"""`ogi-report register-import REG.xlsx --into DRAFT`: an office's Excel register into a draft.

Nothing is guessed silently: columns are guessed from the headers (or taken from
--mapping / the mapping remembered in the draft), values of 收到方式, 申请人类型 and
办理结果 map by themselves only when they are official names.  Anything else
unmapped, and every unreadable row, is listed and the command exits 1 without
changing the draft; --write-mapping saves a mapping file to complete.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .command import EXIT_FINDINGS, EXIT_OK, CliError, Command


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("workbook", help="登记台账 Excel 文件（.xlsx）")
    p.add_argument("--into", required=True, metavar="DRAFT", help="导入到哪个报告草稿（.ogir）")
    p.add_argument("--mapping", metavar="MAP.json", help="列和取值的对应关系（JSON）；不指定时按表头猜测列")
    p.add_argument("--write-mapping", metavar="MAP.json", help="把当前的对应关系（含待补充的取值）写入此文件，便于修改后重新导入")
    p.add_argument("--replace", action="store_true", help="替换草稿中原有的台账（默认追加，跳过编号和收到日期相同的申请）")


def _mapping_json(sheet: Any, columns: dict[int, str], values: dict[str, dict[str, str]],
                  asked: list[Any]) -> dict[str, Any]:
    from ..register.request import FIELD_BY_KEY

    out_values: dict[str, dict[str, str]] = {k: dict(v) for k, v in values.items()}
    for q in asked:
        out_values.setdefault(q.field, {})[q.text] = q.suggestion or ""
    return {
        "columns": {h.strip(): (FIELD_BY_KEY[columns[i]].label if i in columns else "")
                    for i, h in enumerate(sheet.headers) if h.strip()},
        "values": out_values,
    }


def run(args: argparse.Namespace) -> int:
    from ..register.importing import initial_mapping, load_mapping_file, new_requests, remember, unmapped_headers
    from ..register.mapping import value_label
    from ..register.request import FIELD_BY_KEY
    from ..register.xlsx_import import RegisterImportError, build_requests, questions, read_sheet
    from ..storage import load, save

    draft = Path(args.into)
    report = load(draft)
    form_key = report.meta.form_key
    try:
        sheet = read_sheet(args.workbook)
        given = load_mapping_file(args.mapping) if args.mapping else None
    except RegisterImportError as exc:
        raise CliError(str(exc)) from None
    columns, values, problems = initial_mapping(sheet, report.register, form_key, given)
    print(f"工作表“{sheet.name}”，表头在第{sheet.header_row}行。")
    for i, key in sorted(columns.items()):
        print(f"  列“{sheet.headers[i]}” → {FIELD_BY_KEY[key].label}")
    failed = False
    for text in problems:
        print(f"映射问题：{text}")
        failed = True
    if "received" not in columns.values():
        print("没有对应到“收到日期”的列，无法导入。")
        failed = True
    for header in unmapped_headers(sheet, columns):
        print(f"未对应的列：“{header}”（如不需要导入，请在映射文件中写为 \"{header}\": \"\"）")
        failed = True
    asked = questions(sheet, columns, values, form_key)
    for q in asked:
        hint = f"，可能是“{value_label(q.field, q.suggestion, form_key)}”" if q.suggestion else ""
        print(f"未对应的{FIELD_BY_KEY[q.field].label}：“{q.text}”（{q.count}处，首次在第{q.first_row}行{hint}）")
        failed = True
    if args.write_mapping:
        Path(args.write_mapping).write_text(
            json.dumps(_mapping_json(sheet, columns, values, asked), ensure_ascii=False, indent=1) + "\n", "utf-8")
        print(f"对应关系已写入：{args.write_mapping}（补充后用 --mapping 重新导入）")
    if failed:
        print("未导入：请补充上述对应关系（--mapping）后重新导入。草稿未被改动。")
        return EXIT_FINDINGS
    requests, bad = build_requests(sheet, columns, values, form_key)
    for p in bad:
        print(f"第{p.row}行：{p.message}" if p.skipped else f"第{p.row}行无法读取：{p.message}")
    unreadable = [p for p in bad if not p.skipped]
    if unreadable:
        print(f"未导入：{len(unreadable)}行无法读取，请在表格中更正后重新导入。草稿未被改动。")
        return EXIT_FINDINGS
    if args.replace:
        skipped = 0
        report.register.replace_all(requests)
    else:
        requests, skipped = new_requests(report.register, requests)
        report.register.insert(len(report.register), requests)
    remember(report.register, sheet, columns, values)
    report.set_register_drives(True)
    save(report, draft)
    extra = f"，跳过已有的{skipped}件" if skipped else ""
    print(f"已导入{len(requests)}件申请{extra}；台账共{len(report.register)}件，表三已改为由台账生成：{draft}")
    return EXIT_OK


COMMAND = Command("register-import", "把 Excel 登记台账导入报告草稿", arguments, run)
