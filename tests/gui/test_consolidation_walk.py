"""Issue 16's "Done means", walked through the 汇总 window as a 公开办 would: a 60-unit roster typed into
the roster template (with a clerk's quirks), 60 templates sent out, a folder of returned files (Excel
attachments, drafts, one in 元, one with an arithmetic error, one all zero, two with copied narrative, one
unknown name), who is missing / has errors, the sums checked against totals computed here from what the
units typed, the drill-down, and the export (本级 draft, workbook)."""
from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

YEAR = 2026
DEPTS = [f"某某县第{i}局" for i in range(1, 46)]  # 部门: 本级 and 全行政区域
TOWNS = [f"第{i}镇人民政府" for i in range(1, 16)]  # 乡镇街道: 全行政区域 only
T2 = {"issued": "B6", "licensing": "B9", "fee": "B16"}  # 行政规范性文件 本年制发件数, 行政许可, 收费（万元）
COPIED = ("本机关坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》，"
          "扎实推进决策、执行、管理、服务、结果公开，切实保障人民群众的知情权、参与权、表达权和监督权。")


def _typed(i: int) -> dict[str, object]:
    """What unit i types: 行政规范性文件 issued, 行政许可, the fee (万元) and 新收/予以公开 自然人 (balanced)."""
    return {"issued": 1 + i % 4, "licensing": 100 + 7 * i, "fee": Decimal(i) / 4, "apps": 2 + i % 5}


def _fill(path: Path, v: dict[str, object], fee_text: str | None = None, extra_granted: int = 0) -> None:
    wb = load_workbook(path)
    t2, t3 = wb["表二 主动公开"], wb["表三 申请情况"]
    assert (t2["A6"].value, t2["A9"].value, t2["A16"].value) == ("行政规范性文件", "行政许可", "行政事业性收费")
    t2[T2["issued"]], t2[T2["licensing"]] = v["issued"], v["licensing"]
    t2[T2["fee"]] = fee_text or float(v["fee"])  # type: ignore[arg-type]
    assert t3["A6"].value.startswith("一、本年新收") and t3["B8"].value == "（一）予以公开"
    t3["D6"] = v["apps"]
    t3["D8"] = int(v["apps"]) + extra_granted  # type: ignore[call-overload]
    wb.save(path)


def _rows(table) -> dict[str, list[str]]:
    return {table.item(r, 0).text(): [table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())}


def test_sixty_units_from_roster_template_to_traceable_sums(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from core.storage import load, save
    from core.model import Report
    from gui.messages import DISCARD

    errors: list[str] = []
    infos: list[str] = []
    monkeypatch.setattr("gui.messages.show_error", lambda parent, text, title="": errors.append(text))
    monkeypatch.setattr("gui.messages.show_info", lambda parent, title, text: infos.append(text))
    view = window.workspaces.show_workspace("consolidate")
    view.ask_unsaved = lambda: DISCARD
    view.name.setText("某某县人民政府")
    view.name.editingFinished.emit()

    # 1. the roster template, typed by a clerk: stray spaces, a unit pasted twice, a 类别 left blank
    blank, roster = tmp_path / "名单模板.xlsx", tmp_path / "单位名单.xlsx"
    window.ask_save_path = lambda *a: blank
    view.save_roster_template()
    wb = load_workbook(blank)
    sheet = wb["单位名单"]
    assert [c.value for c in sheet[1]] == ["单位名称", "类别", "本级", "全行政区域", "联系方式"]
    for name in DEPTS:
        sheet.append([" 某某县 第1局 " if name == "某某县第1局" else name, "部门", "是", "是"])
    sheet.append(["某某县第2局", "", "是", ""])  # pasted twice (row 47), partly filled
    for name in TOWNS:
        sheet.append([name, "" if name == "第3镇人民政府" else "乡镇街道", "否", "是"])
    wb.save(roster)
    window.ask_open_path = lambda *a: roster
    view.import_roster()  # the row pasted twice is the same unit: taken once, and the clerk is told
    assert not errors and infos == ["已导入60个单位。\n第47行的“某某县第2局”与第3行重复，只计一次。"]
    assert [u.name for u in view.ws.units] == DEPTS + TOWNS
    assert (view.ws.unit("第3镇人民政府").kind, view.ws.unit("第3镇人民政府").local) == ("乡镇街道", False)

    # 2. send out: one template per unit, name and year filled in (worker thread)
    out = tmp_path / "模板"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(out)))
    view.send_templates()
    qtbot.waitUntil(lambda: len(infos) == 2, timeout=15_000)
    assert "为60个单位生成2026年度" in infos[-1]
    assert len(list(out.glob("*.xlsx"))) == 60

    # 3. what comes back: 14 departments' and 4 towns' attachments, 2 drafts, 1 unknown unit; 40 missing
    inbox = tmp_path / "收到的文件"
    inbox.mkdir()
    received = {i: DEPTS[i] for i in range(14)} | {45 + i: TOWNS[i] for i in range(4)}
    typed: dict[str, dict[str, object]] = {}
    for i, name in received.items():
        dst = inbox / (f"{name}.xlsx" if i % 2 else f"{name}{YEAR}年度政府信息公开工作年度报告附表.xlsx")
        shutil.copy(out / f"{name}{YEAR}年度政府信息公开工作年度报告附表.xlsx", dst)
        if i == 5:  # returned untouched: all zero
            typed[name] = {"issued": 0, "licensing": 0, "fee": Decimal(0), "apps": 0}
            continue
        typed[name] = _typed(i)
        _fill(dst, typed[name], fee_text="12000元" if i == 3 else None, extra_granted=1 if i == 7 else 0)
    typed[DEPTS[3]]["fee"] = Decimal("1.2")  # 12000 元 = 1.2 万元
    for i in (20, 21):  # two drafts whose 总体情况 is the same paragraph
        r = Report(DEPTS[i], YEAR)
        typed[DEPTS[i]] = _typed(i)
        r.set_values({("active", "normative", "issued"): typed[DEPTS[i]]["issued"],
                      ("active", "licensing", "decisions"): typed[DEPTS[i]]["licensing"],
                      ("active", "fees", "fee_amount"): typed[DEPTS[i]]["fee"],
                      ("applications", "new", "natural"): typed[DEPTS[i]]["apps"],
                      ("applications", "granted", "natural"): typed[DEPTS[i]]["apps"]})
        r.set_text("overview", COPIED)
        save(r, inbox / f"第{i + 1}局草稿.ogir")
    shutil.copy(out / f"{DEPTS[0]}{YEAR}年度政府信息公开工作年度报告附表.xlsx", inbox / "档案史志室.xlsx")
    wb = load_workbook(inbox / "档案史志室.xlsx")
    wb["封面"]["B3"] = "某某县档案史志研究室"
    wb.save(inbox / "档案史志室.xlsx")

    # 4. the folder dropped in: who is missing and who has errors
    view.add_paths([str(inbox)])
    qtbot.waitUntil(lambda: view.state is not None and len(view.state.readings) == 21, timeout=15_000)
    board = _rows(view.status)
    assert view.summary.text() == "名单60个单位：已收到20，未收到40，有错误1，纳入汇总19，未匹配文件1"
    assert board[DEPTS[30]][4:] == ["未收到", "", "", "", "", "否", "尚未报送"]
    error_unit = board[DEPTS[7]]
    assert error_unit[4] == "已收到" and error_unit[7] != "0" and error_unit[9] == "否"
    assert "勾稽关系" in error_unit[10]
    row = next(r for r in range(view.status.rowCount()) if view.status.item(r, 0).text() == DEPTS[7])
    assert view.status.item(row, 10).toolTip().count("勾稽关系") == 2  # every message, the cell shows the first
    assert board[DEPTS[1]][7:10] == ["0", "0", "是"]  # an attachment is not warned for its missing narrative
    view.attention.setChecked(True)  # 只看需处理的单位: the 40 missing and the one with errors
    shown = [view.status.item(r, 0).text() for r in range(view.status.rowCount()) if not view.status.isRowHidden(r)]
    assert len(shown) == 41 and DEPTS[7] in shown and DEPTS[1] not in shown
    assert [view.others.item(i).text() for i in range(view.others.count())] == [
        "无法匹配：档案史志室.xlsx（文件中的机关名称“某某县档案史志研究室”不在单位名单中）"]
    findings = [view.findings.item(i).text() for i in range(view.findings.count())]
    assert any("某某县第21局" in f and "某某县第22局" in f and "内容雷同" in f for f in findings)
    assert any(f"“{DEPTS[5]}”的各表格数字全部为0" in f for f in findings)

    # 5. the sums against totals computed here from what the units typed; the error unit left out
    def expected(key: str, scope_local: bool, with_error: bool = False) -> Decimal:
        return sum((Decimal(str(v[key])) for name, v in typed.items()
                    if (with_error or name != DEPTS[7]) and (name in DEPTS or not scope_local)), Decimal(0))

    refs = {"issued": ("active", "normative", "issued"), "licensing": ("active", "licensing", "decisions"),
            "fee": ("active", "fees", "fee_amount"), "apps": ("applications", "new", "natural")}
    for key, ref in refs.items():
        row = view.sum_refs.index(ref)
        assert Decimal(view.sums.item(row, 2).text()) == expected(key, True), key
        assert Decimal(view.sums.item(row, 3).text()) == expected(key, False), key
    assert expected("fee", True) == Decimal("1.2") + sum(Decimal(i) / 4 for i in (1, 2, 4, 6, 8, 9, 10, 11, 12, 13,
                                                                                    20, 21))
    view.scope.setCurrentText("本级")  # drill-down: the fee typed in 元 shows as 1.2 (万元)
    view.sums.selectRow(view.sum_refs.index(refs["fee"]))
    drilled = _rows(view.drill_list)
    assert drilled[DEPTS[3]] == [DEPTS[3], "1.2"] and TOWNS[0] not in drilled and DEPTS[7] not in drilled
    view.sums.selectRow(view.sum_refs.index(refs["issued"]))  # 15 departments counted, one returned blank
    assert view.drill_head.text() == ("第二十条第（一）项 行政规范性文件 / 本年制发件数\n"
                                      f"本级合计 {expected('issued', True)}：纳入本级的15个单位中14个填有数字")
    assert len(_rows(view.drill_list)) == 14

    # 6. the unit with errors included after confirming; exported drafts and workbook
    row = next(r for r in range(view.status.rowCount()) if view.status.item(r, 0).text() == DEPTS[7])
    view.status.selectRow(row)
    view.toggle_include()
    assert "纳入汇总20" in view.summary.text()
    result = tmp_path / "汇总结果"
    result.mkdir()
    job = view.export_to(result)
    qtbot.waitUntil(lambda: job.finished, timeout=30_000)
    local = load(result / "本级汇总.ogir")
    for key, ref in refs.items():
        assert Decimal(str(local.number(ref))) == expected(key, True, with_error=True), key
    assert local.number(("applications", "granted", "natural")) == expected("apps", True, True) + 1
    assert f"以下单位的报告有错误，经确认仍纳入汇总：{DEPTS[7]}。" in local.texts["other"]
    assert "共汇总16个单位的报告" in local.texts["other"]  # 14 attachments + 2 drafts of departments
    book = load_workbook(result / "汇总.xlsx")
    assert {"汇总", "报送情况", "问题清单", DEPTS[3]} <= set(book.sheetnames)
    assert book[DEPTS[3]].oddHeader.center.text == f"{DEPTS[3]}（2026年度）"
    status = {r[0]: r for r in book["报送情况"].iter_rows(min_row=2, values_only=True)}
    assert status[DEPTS[30]][4] == "未收到" and status[DEPTS[7]][10] == "是"


def test_a_short_name_is_confirmed_from_the_list_of_files(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    from core.consolidation import Unit, Workspace
    from core.model import Report
    from core.storage import save
    from gui.messages import DISCARD

    infos: list[str] = []
    monkeypatch.setattr("gui.messages.show_info", lambda parent, title, text: infos.append(text))
    r = Report("县科技局", YEAR)  # the unit wrote its short name
    r.set_values({("active", "normative", "issued"): 4})
    save(r, tmp_path / "科技局.ogir")
    view = window.workspaces.show_workspace("consolidate")
    view.ask_unsaved = lambda: DISCARD
    view.set_workspace(Workspace(YEAR, "某某县人民政府", [Unit("某某县财政局"), Unit("某某县科学技术局")]), None)
    view.add_paths([str(tmp_path / "科技局.ogir")])
    qtbot.waitUntil(lambda: view.others.count() == 1, timeout=10_000)
    assert view.others.item(0).text().startswith("待确认：科技局.ogir（文件中的机关名称“县科技局”与名单中的“某某县科学技术局”相近")
    view.status.selectRow(0)  # 某某县财政局 has nothing to confirm
    view.confirm_button.click()
    assert infos and "待确认" in infos[-1]
    view.others.setCurrentRow(0)  # the clerk picks the file in the list and confirms
    view.confirm_button.click()
    assert _rows(view.status)["某某县科学技术局"][4] == "已收到" and view.others.count() == 0
    assert view.state.sums.total("本级", ("active", "normative", "issued")) == 4


def test_export_names_the_units_left_out_and_asks(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from core.consolidation import Unit, Workspace
    from core.model import Report
    from core.storage import save
    from gui.messages import DISCARD

    good, bad = Report("某某县财政局", YEAR), Report("某某县水利局", YEAR)
    good.set_values({("active", "normative", "issued"): 2})
    bad.set_values({("applications", "granted", "natural"): 1})  # 予以公开 without any application: an error
    save(good, tmp_path / "财政局.ogir")
    save(bad, tmp_path / "水利局.ogir")
    view = window.workspaces.show_workspace("consolidate")
    view.ask_unsaved = lambda: DISCARD
    view.set_workspace(Workspace(YEAR, "某某县人民政府", [Unit("某某县财政局"), Unit("某某县水利局")]), None)
    view.add_paths([str(tmp_path / "财政局.ogir"), str(tmp_path / "水利局.ogir")])
    qtbot.waitUntil(lambda: view.state is not None and len(view.state.readings) == 2, timeout=10_000)
    asked: list[str] = []
    out = tmp_path / "结果"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(out)))
    window.confirm = lambda title, text, yes="继续", no="取消": asked.append(text) or False
    view.export()  # the clerk cancels: nothing written
    assert asked == ["以下单位的报告有错误，未纳入汇总：某某县水利局。\n仍要导出吗？"] and not list(out.iterdir())
    told: list[str] = []
    monkeypatch.setattr("gui.messages.show_info", lambda parent, title, text: told.append(title))
    window.confirm = lambda title, text, yes="继续", no="取消": True
    view.export()  # written on a worker thread
    qtbot.waitUntil(lambda: {p.name for p in out.iterdir()} == {"本级汇总.ogir", "全行政区域汇总.ogir", "汇总.xlsx"},
                    timeout=20_000)
    # the job's closing message comes while show_info is still answered here, not in the next test
    qtbot.waitUntil(lambda: told == ["导出汇总"], timeout=20_000)


def test_amounts_in_yuan_and_wanyuan_are_summed_in_wanyuan_and_say_so(window, qtbot, tmp_path: Path) -> None:
    from core.consolidation import Unit, Workspace
    from core.model import Report
    from core.storage import save
    from gui.messages import DISCARD

    amount = ("active", "procurement", "procurement_amount")  # 2019 format: 采购总金额, 万元 or 元
    a, b = Report("某某县甲局", 2020), Report("某某县乙局", 2020)
    a.set_values({amount: Decimal(25000)})
    a.set_unit(amount, "元")
    b.set_values({amount: Decimal("1.5")})
    save(a, tmp_path / "a.ogir")
    save(b, tmp_path / "b.ogir")
    view = window.workspaces.show_workspace("consolidate")
    view.ask_unsaved = lambda: DISCARD
    view.set_workspace(Workspace(2020, "某某县人民政府", [Unit("某某县甲局"), Unit("某某县乙局")]), None)
    view.add_paths([str(tmp_path)])
    qtbot.waitUntil(lambda: view.state is not None and len(view.state.readings) == 2, timeout=10_000)
    row = view.sum_refs.index(amount)
    assert view.sums.item(row, 1).text().endswith("采购总金额")
    # 25000 元 = 2.5 万元; 2.5 + 1.5 = 4 (万元)
    assert [view.sums.item(row, c).text() for c in (2, 3, 4)] == ["4", "4", "单位：万元"]
    view.scope.setCurrentText("本级")
    view.sums.selectRow(row)
    assert _rows(view.drill_list) == {"某某县甲局": ["某某县甲局", "2.5"], "某某县乙局": ["某某县乙局", "1.5"]}
