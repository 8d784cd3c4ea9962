"""Problems found walking through a 60-unit 汇总 as a 公开办 would (issue 16's "Done means")."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.consolidation.templates import template_bytes

FEES = ("active", "fees", "fee_amount")


def _filled_template(tmp_path: Path, unit: str, fee: object) -> Path:
    path = tmp_path / f"{unit}.xlsx"
    path.write_bytes(template_bytes(unit, 2026))
    wb = load_workbook(path)
    ws = wb["表二 主动公开"]
    assert ws["A16"].value == "行政事业性收费"  # the row the clerk types in
    ws["B16"].value = fee
    wb.save(path)
    return path


def test_fee_typed_in_yuan_into_the_wanyuan_template_is_converted(tmp_path: Path) -> None:
    from core.importers.xlsx import import_xlsx

    # 本年收费金额（单位：万元）: one unit types 12000元, another 3.5 (万元); 12000 元 = 1.2 万元
    assert import_xlsx(_filled_template(tmp_path, "某某县司法局", "12000元")).number(FEES) == Decimal("1.2")
    assert import_xlsx(_filled_template(tmp_path, "某某县水利局", 3.5)).number(FEES) == Decimal("3.5")


def test_a_fee_converted_from_yuan_is_reported_in_the_import_and_on_the_board(tmp_path: Path) -> None:
    from core.consolidation import Unit, Workspace
    from core.consolidation.session import Consolidation, add_paths, read_all
    from core.importers.xlsx import import_xlsx

    note = ("工作表“表二 主动公开”B16（第二十条第（八）项 行政事业性收费 / 本年收费金额（单位：万元））："
            "“12000元”已换算为1.2万元。")
    assert note in import_xlsx(_filled_template(tmp_path, "某某县司法局", "12000元")).notices
    typed_in_wanyuan = import_xlsx(_filled_template(tmp_path, "某某县水利局", "3.5万元"))
    assert not [n for n in typed_in_wanyuan.notices if "换算" in n]
    ws = Workspace(2026, "某某县人民政府", [Unit("某某县司法局"), Unit("某某县水利局")])
    add_paths(ws, [tmp_path])
    c = Consolidation(ws, read_all(f.path for f in ws.files))
    row = c.board.row("某某县司法局")
    assert row is not None and note in row.warnings and row.included  # told, still summed (1.2 + 3.5)
    assert c.sums is not None and c.sums.total("本级", FEES) == Decimal("4.7")


def test_excel_attachments_are_not_warned_for_the_narrative_they_cannot_hold(tmp_path: Path) -> None:
    from core.consolidation import Unit, Workspace
    from core.consolidation.session import Consolidation, add_paths, read_all
    from core.model import Report
    from core.storage import save

    _filled_template(tmp_path, "某某县司法局", 2)
    draft = Report("某某县水利局", 2026)
    draft.set_text("overview", "本机关认真贯彻落实条例。")
    save(draft, tmp_path / "水利局.ogir")
    ws = Workspace(2026, "某某县人民政府", [Unit("某某县司法局"), Unit("某某县水利局")])
    add_paths(ws, [tmp_path])
    c = Consolidation(ws, read_all(f.path for f in ws.files))
    excel, drafted = c.board.row("某某县司法局"), c.board.row("某某县水利局")
    assert excel is not None and drafted is not None
    assert excel.state == "已收到" and not [w for w in excel.warnings if "尚未填写" in w]
    # a draft can hold the narrative: its empty sections are still pointed out
    assert "“五、存在的主要问题及改进情况”尚未填写。" in drafted.warnings


def test_status_sheet_wraps_long_texts_so_it_prints_readably(tmp_path: Path) -> None:
    from core.consolidation import Unit, Workspace
    from core.consolidation.session import Consolidation, add_paths, read_all
    from core.consolidation.workbook import build

    path = _filled_template(tmp_path, "某某县司法局", 2)
    wb = load_workbook(path)
    wb["表三 申请情况"]["D8"] = 1  # 予以公开 without any application: 表三 does not balance
    wb.save(path)
    ws = Workspace(2026, "某某县人民政府", [Unit("某某县司法局"), Unit("某某县水利局")])
    add_paths(ws, [tmp_path])
    sheet = build(Consolidation(ws, read_all(f.path for f in ws.files)))["报送情况"]
    header = [c.value for c in sheet[1]]
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    error = rows["某某县司法局"][header.index("错误")]
    assert "勾稽关系" in error.value and error.alignment.wrap_text
    # the columns fit an A4 landscape page at a readable scale (about 190 character widths)
    assert sum(sheet.column_dimensions[chr(65 + i)].width for i in range(len(header))) <= 190
    # the short columns hold their bold headers with room to spare (a CJK character is 2 widths of "0"),
    # and counts and 是/否 are centred, so 警告数 1 and 纳入汇总 是 no longer print as "1是"
    width = {name: sheet.column_dimensions[chr(65 + i)].width for i, name in enumerate(header)}
    assert width["错误数"] >= 8 and width["警告数"] >= 8 and width["纳入汇总"] >= 10 and width["全行政区域"] >= 12
    assert width["文件日期"] >= 18  # "2026-12-03 18:25": 16 half-width characters
    row = rows["某某县司法局"]
    for name in ("本级", "全行政区域", "错误数", "警告数", "纳入汇总"):
        assert row[header.index(name)].alignment.horizontal == "center", name
    assert row[header.index("纳入汇总")].value == "否" and row[header.index("错误数")].value >= 1


def test_customary_short_names_are_proposed_for_confirmation() -> None:
    from core.consolidation import Unit, Workspace
    from core.consolidation.assignment import ranked_units
    from core.consolidation.collect import Reading, match_name

    units = [Unit(n) for n in ("某某县科学技术局", "某某县人力资源和社会保障局", "某某县卫生健康委员会",
                               "某某县人民防空办公室", "城关镇人民政府", "某某县统计局", "某某县审计局")]
    for short, full in (("县科技局", "某某县科学技术局"), ("人社局", "某某县人力资源和社会保障局"),
                        ("卫健委", "某某县卫生健康委员会"), ("人防办", "某某县人民防空办公室"),
                        ("城关镇", "城关镇人民政府")):
        m = match_name(short, units)
        assert (m.unit, m.how) == (full, "fuzzy"), short  # proposed, counted only after 确认匹配
    assert match_name("县局", units).unit == ""  # too short to tell
    assert match_name("县政府", units).unit == ""
    assert match_name("计局", [Unit("某某县统计局"), Unit("某某县审计局")]).unit == ""  # fits two: no proposal
    # 指定单位 lists the unit a short name stands for first
    ws = Workspace(2026, "某某县人民政府", units)
    reading = Reading("科技局.xlsx", "Excel附表")
    assert ranked_units(ws, reading, "科技局.xlsx")[0][0] == "某某县科学技术局"


def test_a_unit_listed_twice_in_a_roster(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from core.consolidation import ConsolidationError
    from core.consolidation.roster import read_roster

    wb = Workbook()
    for row in (["单位名称", "类别", "本级"], ["某某县教育局", "部门", "是"], ["城关镇人民政府", "", ""],
                ["某某县 教育局", "", ""]):
        wb.active.append(row)
    wb.save(tmp_path / "名单.xlsx")
    notes: list[str] = []
    units = read_roster(tmp_path / "名单.xlsx", notes)  # the same unit again: taken once, told
    assert [(u.name, u.kind, u.local) for u in units] == [("某某县教育局", "部门", True),
                                                         ("城关镇人民政府", "乡镇街道", False)]
    assert notes == ["第4行的“某某县教育局”与第2行重复，只计一次。"]
    wb.active.append(["某某县教育局", "部门", "否"])  # listed again, but out of 本级: which is meant?
    wb.save(tmp_path / "名单.xlsx")
    with pytest.raises(ConsolidationError, match="第5行的单位“某某县教育局”与第2行重复，且类别或是否计入本级"):
        read_roster(tmp_path / "名单.xlsx")
