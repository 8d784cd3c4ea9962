"""Importing an office's messy Excel register, and exporting ours back."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

from core.model import Report
from core.register.importing import initial_mapping, load_mapping_file, remember
from core.register.live import RegisterLive
from core.register.register import Register
from core.register.request import Request
from core.register.xlsx_export import export_register_xlsx
from core.register.xlsx_import import RegisterImportError, build_requests, questions, read_sheet


def messy(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws["A1"] = "某某县自然资源局2024年政府信息公开申请登记台账"
    ws.merge_cells("A1:J1")
    ws["A2"] = "填报单位：办公室"
    # two-row header: 补正 over 通知日期 / 收到日期
    ws.append(["序号", "申请日期", "申请人", "申请人类型", "申请内容", "补正", None, "答复日期", "答复结果", "备注"])
    ws.merge_cells("F3:G3")
    ws.append([None, None, None, None, None, "通知日期", "收到日期", None, None, None])
    ws.append([1, "2024-01-05", "张三", "自然人", "规划图", None, None, "2024/1/20", "予以公开", None])  # row 5
    ws.append([2, "2024/2/1", "某公司", "企业", "环评", "2024年2月5日", "2024.2.10", datetime(2024, 3, 1), "同意公开", ""])
    ws.append([None] * 10)  # row 7: blank line
    ws.append([3, 45383, "李四", "公民", "征收", None, None, None, None, "办理中"])  # row 8: serial = 2024-04-01
    ws.append([4, "2024-02-30", "王五", "自然人", "x", None, None, None, None, None])  # row 9: no such day
    ws.append([5, "２０２４年５月６日", "赵六", "自然人", "y", None, None, "2024-05-20", "1.本机关不掌握相关政府信息", None])
    ws.append(["合计：5件"] + [None] * 9)  # row 11: footer
    wb.save(path)
    return path


def test_messy_register(tmp_path: Path) -> None:
    sheet = read_sheet(messy(tmp_path / "台账.xlsx"))
    assert sheet.header_row == 4
    reg = Register()
    columns, values, problems = initial_mapping(sheet, reg, "2021")
    assert not problems
    assert {sheet.headers[i]: k for i, k in columns.items()} == {
        "序号": "number", "申请日期": "received", "申请人": "applicant", "申请人类型": "applicant_type",
        "申请内容": "content", "补正通知日期": "correction_sent", "补正收到日期": "correction_received",
        "答复日期": "answered", "答复结果": "result", "备注": "note"}
    asked = {(q.field, q.text): (q.count, q.first_row, q.suggestion) for q in questions(sheet, columns, values, "2021")}
    # official names (予以公开, 1.本机关不掌握相关政府信息, 自然人) are not asked
    assert asked == {("applicant_type", "企业"): (1, 6, "commercial"), ("result", "同意公开"): (1, 6, None),
                     ("applicant_type", "公民"): (1, 8, "natural")}
    values = {"applicant_type": {"企业": "commercial", "公民": "natural"}, "result": {"同意公开": "granted"}}
    requests, bad = build_requests(sheet, columns, values, "2021")
    assert [(p.row, p.message, p.skipped) for p in bad] == [
        (9, "“申请日期”列：“2024-02-30”不是有效的日期", False), (11, "不是申请记录，已跳过（内容：合计：5件）", True)]
    assert [r.number for r in requests] == ["1", "2", "3", "5"]
    assert requests[1] == Request("2", date(2024, 2, 1), "", "commercial", "某公司", "环评", date(2024, 2, 5),
                                  date(2024, 2, 10), answered=date(2024, 3, 1), result="granted")
    assert requests[2].received == date(2024, 4, 1) and requests[2].note == "办理中"
    assert requests[3].received == date(2024, 5, 6) and requests[3].result == "not_held"
    remember(reg, sheet, columns, values)
    again, values2, _ = initial_mapping(sheet, reg, "2021")
    assert again == columns and not questions(sheet, again, values2, "2021")


def test_export_reads_back_without_mapping(tmp_path: Path) -> None:
    reqs = [Request("A-1", date(2024, 3, 1), "网络", "legal_service", "某律所", "许可", answered=date(2024, 3, 20),
                    result="state_secret", fee=Decimal("30")),
            Request("A-2", date(2024, 3, 2), "当面", "natural", "甲", "乙", extended=True, result="")]
    live = RegisterLive(Register(reqs), 2024, "2021", date(2024, 3, 25))
    out = tmp_path / "out.xlsx"
    export_register_xlsx(live, out)
    sheet = read_sheet(out)
    columns, values, _ = initial_mapping(sheet, Register(), "2021")
    assert not questions(sheet, columns, values, "2021")
    back, bad = build_requests(sheet, columns, values, "2021")
    assert not bad and back == reqs
    export_register_xlsx(live, out, omit_names=True)
    cells = [c for row in openpyxl.load_workbook(out).active.iter_rows(values_only=True) for c in row]
    assert "某律所" not in cells and "申请人" not in cells and "许可" in cells


def test_bad_files_and_mapping_file(tmp_path: Path) -> None:
    (tmp_path / "a.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(RegisterImportError, match="另存为"):
        read_sheet(tmp_path / "a.xls")
    (tmp_path / "b.xlsx").write_text("not a zip")
    with pytest.raises(RegisterImportError, match="不是可读取的Excel文件"):
        read_sheet(tmp_path / "b.xlsx")
    (tmp_path / "m.json").write_text('{"columns": {"申请日期": "收到日期", "电话": ""}, '
                                     '"values": {"result": {"同意公开": "予以公开"}}}', "utf-8")
    m = load_mapping_file(tmp_path / "m.json")
    assert m.columns == {"申请日期": "received", "电话": ""}
    sheet = read_sheet(messy(tmp_path / "c.xlsx"))
    columns, values, problems = initial_mapping(sheet, Register(), "2021", m)
    assert problems == ["映射中的列“电话”在表格中不存在"]
    assert list(columns.values()) == ["received"] and values == {"result": {"同意公开": "granted"}}


def test_cli_register_import_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from core.cli import main
    from core.storage import load, save

    draft = tmp_path / "2024.ogir"
    save(Report("某县自然资源局", 2024), draft)
    before = draft.read_bytes()
    wb_path = messy(tmp_path / "台账.xlsx")
    mapping = tmp_path / "map.json"
    assert main(["register-import", str(wb_path), "--into", str(draft), "--write-mapping", str(mapping)]) == 1
    out = capsys.readouterr().out
    assert "未对应的办理结果：“同意公开”（1处，首次在第6行）" in out
    assert "未对应的申请人类型：“企业”（1处，首次在第6行，可能是“法人或其他组织-商业企业”）" in out
    assert "予以公开”" not in out and draft.read_bytes() == before
    data = json.loads(mapping.read_text("utf-8"))
    assert data["values"]["applicant_type"] == {"企业": "commercial", "公民": "natural"}
    data["values"]["result"]["同意公开"] = "予以公开"
    mapping.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert main(["register-import", str(wb_path), "--into", str(draft), "--mapping", str(mapping)]) == 1
    out = capsys.readouterr().out
    assert "第9行无法读取：“申请日期”列：“2024-02-30”不是有效的日期" in out and draft.read_bytes() == before
    ws_book = openpyxl.load_workbook(wb_path)
    ws_book.active["B9"] = "2024-02-29"
    ws_book.save(wb_path)
    assert main(["register-import", str(wb_path), "--into", str(draft), "--mapping", str(mapping)]) == 0
    out = capsys.readouterr().out
    assert "第11行：不是申请记录，已跳过" in out and "已导入5件申请" in out
    report = load(draft)
    assert report.register_drives and len(report.register) == 5
    assert report.number(("applications", "new", "total")) == 5
    assert report.number(("applications", "granted", "total")) == 2  # 予以公开 + 同意公开
    # the layout is remembered: no mapping needed the second time, nothing imported twice
    assert main(["register-import", str(wb_path), "--into", str(draft)]) == 0
    assert "已导入0件申请，跳过已有的5件" in capsys.readouterr().out
    out_xlsx = tmp_path / "out.xlsx"
    assert main(["register-export", str(draft), "--xlsx", str(out_xlsx), "--omit-names"]) == 0
    cells = [c for row in openpyxl.load_workbook(out_xlsx).active.iter_rows(values_only=True) for c in row]
    assert "张三" not in cells and "规划图" in cells


def test_hostile_register_files_get_the_attachment_importer_guards(tmp_path: Path) -> None:
    # A FIFO named like a workbook would block openpyxl forever; it is refused before opening.
    fifo = tmp_path / "台账.xlsx"
    os.mkfifo(fifo)
    with pytest.raises(RegisterImportError, match="不是普通文件"):
        read_sheet(fifo)
    # A sheet that declares a DTD (billion laughs / XXE) is refused before parsing.
    good = messy(tmp_path / "good.xlsx")
    with zipfile.ZipFile(good) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    sheet = next(n for n in parts if n.startswith("xl/worksheets/"))
    xml = parts[sheet]
    parts[sheet] = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                    + xml[xml.index(b"<worksheet"):])
    evil = tmp_path / "evil.xlsx"
    with zipfile.ZipFile(evil, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    with pytest.raises(RegisterImportError, match="DTD"):
        read_sheet(evil)
    # An encrypted workbook is named as such.
    ole = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    ole += "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50 + "EncryptedPackage".encode("utf-16-le")
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(bytes(ole))
    with pytest.raises(RegisterImportError, match="密码"):
        read_sheet(locked)
