"""Published web pages into drafts: the variants real portals print."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from core.checks import run_checks
from core.importers.published import Kind, PublishedImportError, import_published, import_published_bytes
from core.storage import load

from . import pages
from .pages import COLUMNS, EXPECTED_APPLICATION_INPUTS, EXPECTED_TOTAL_COLUMN

A = "applications"


def expected_application_inputs() -> dict[tuple[str, str, str], int]:
    out = {}
    for row, values in EXPECTED_APPLICATION_INPUTS.items():
        for col, v in zip(COLUMNS, values):
            if v is not None:
                out[(A, row, col)] = v
    return out


def check_2021_page(result) -> None:
    assert result.form.key == "2021"
    assert (result.agency, result.year, result.date) == ("某某县自然资源局", 2024, "2025-01-20")
    got = {ref: v for ref, v in result.inputs.items() if ref[0] == A}
    assert got == expected_application_inputs()
    for row, total in EXPECTED_TOTAL_COLUMN.items():
        assert result.reported_totals[(A, row, "total")] == total
    assert result.reported_totals[(A, "results_total", "natural")] == 1123
    assert result.inputs[("active", "normative", "in_force")] == 37
    assert result.inputs[("active", "licensing", "decisions")] == 2345
    assert result.inputs[("active", "penalty", "decisions")] == 17
    assert ("active", "enforcement", "decisions") not in result.inputs
    assert result.inputs[("active", "fees", "fee_amount")] == Decimal("20.3")
    both = {**result.inputs, **result.reported_totals}
    review = [both.get(("review", "cases", c))
              for c in ("recon_upheld", "recon_corrected", "recon_other", "recon_pending", "recon_total",
                        "direct_upheld", "direct_corrected", "direct_other", "direct_pending", "direct_total",
                        "after_upheld", "after_corrected", "after_other", "after_pending", "after_total")]
    assert review == [3, 1, 0, 1, 5, 2, 0, 1, 0, 3, 1, 0, 0, 1, 2]
    assert result.texts["overview"] == "\n".join(pages.OVERVIEW)
    assert result.texts["problems"] == "\n".join(pages.PROBLEMS)
    assert result.texts["other"] == pages.OTHER


def test_utf8_portal_page_with_layout_table_and_variants() -> None:
    result = import_published_bytes(pages.page_2021().encode("utf-8"), "report.html")
    check_2021_page(result)


def test_gbk_page_declared_in_meta() -> None:
    data = pages.page_2021(charset="gb2312").encode("gbk")
    check_2021_page(import_published_bytes(data, "report.htm"))


def test_gbk_page_without_declared_charset_is_detected() -> None:
    data = pages.page_2021(charset="").replace("; charset=", "").encode("gb18030")
    result = import_published_bytes(data, "report.htm")
    check_2021_page(result)
    assert any("GB18030" in n.message for n in result.notes_of(Kind.READ))


def test_table_split_over_two_tables_and_broken_merges() -> None:
    check_2021_page(import_published_bytes(pages.page_2021(split=True).encode(), "a.html"))
    check_2021_page(import_published_bytes(pages.page_2021(merged=False).encode(), "b.html"))
    check_2021_page(import_published_bytes(pages.page_2021(split=True, merged=False).encode(), "c.html"))


def test_every_fuzzy_label_is_listed_with_its_cells() -> None:
    result = import_published_bytes(pages.page_2021().encode(), "report.html")
    fuzzy = {n.printed: n for n in result.notes_of(Kind.FUZZY)}
    assert set(fuzzy) == {"2.其他法律行政止公开", "1.逾期不补正"}
    assert (A, "prohibited_by_law", "natural") in fuzzy["2.其他法律行政止公开"].refs
    assert result.fuzzy[(A, "no_correction", "total")] == "1.逾期不补正"
    # exact labels (ASCII brackets, "1、", straight quotes) are not fuzzy
    assert (A, "state_secret", "natural") not in result.fuzzy
    assert (A, "granted", "natural") not in result.fuzzy


def test_blank_zero_and_dash_are_distinguished_and_listed() -> None:
    result = import_published_bytes(pages.page_2021().encode(), "report.html")
    assert result.printed_blank[(A, "fee_unpaid", "natural")] == "—"
    assert result.printed_blank[(A, "fee_unpaid", "commercial")] == "/"
    assert result.printed_blank[(A, "fee_unpaid", "research")] == ""
    assert result.inputs[(A, "fee_unpaid", "nonprofit")] == 0
    assert result.printed_blank[("active", "enforcement", "decisions")] == "/"
    blanks = result.notes_of(Kind.BLANK)
    assert len(blanks) == len(result.printed_blank) == 4
    report = result.to_report()
    assert report.value((A, "fee_unpaid", "natural")) is None


def test_no_missing_rows_on_a_complete_page() -> None:
    result = import_published_bytes(pages.page_2021().encode(), "report.html")
    assert result.notes_of(Kind.MISSING) == []
    assert result.notes_of(Kind.UNPLACED) == []
    assert [f.rule for f in run_checks(result.to_report()) if f.is_error] == []


def test_wrong_and_missing_rows_are_reported() -> None:
    rows = [r for r in pages.APPLICANT_ROWS_2021 if "8.属于行政查询事项" not in r[0]]
    rows = [(ls, ["1,123", "20", "3", "4", "4", "6", "9,999"]) if ls[-1] == "（七）总计" else (ls, vs) for ls, vs in rows]
    result = import_published_bytes(pages.page_2021(rows=rows).encode(), "report.html")
    missing = result.notes_of(Kind.MISSING)
    assert len(missing) == 1 and "8.属于行政查询事项" in missing[0].message
    findings = run_checks(result.to_report())
    wrong = [f for f in findings if f.rule == "R-3.2" and (A, "results_total", "total") in f.cells]
    # the corner is checked against its own row as stated: 1,123 + 20 + 3 + 4 + 4 + 6 = 1160 (issue 11, point 12)
    assert wrong and wrong[0].actual == 9999 and wrong[0].expected == 1160


def test_2021_other_handling_printed_as_one_row() -> None:
    rows = [r for r in pages.APPLICANT_ROWS_2021 if r[0][-2:-1] != ["（六）其他处理"]]
    at = next(i for i, r in enumerate(rows) if r[0][-1] == "（七）总计")
    rows.insert(at, (["三、本年度办理结果", "（六）其他处理"], ["150", "3", "1", "1", "1", "2", "158"]))
    result = import_published_bytes(pages.page_2021(rows=rows).encode(), "report.html")
    assert result.inputs[(A, "other_reason", "natural")] == 150
    assert result.reported_totals[(A, "other_reason", "total")] == 158
    assert (A, "no_correction", "natural") not in result.inputs
    assert any("印为一行" in n.message for n in result.notes_of(Kind.FUZZY))
    assert result.notes_of(Kind.MISSING) == []


def test_fee_printed_in_yuan_is_converted() -> None:
    page = pages.page_2021().replace("本年收费金额（单位：万元）", "本年收费金额（单位：元）").replace(
        "<td colspan=3>20.3</td>", "<td colspan=3>4,000</td>")
    result = import_published_bytes(page.encode(), "report.html")
    assert result.inputs[("active", "fees", "fee_amount")] == Decimal("0.4")
    assert any("4,000" in n.message for n in result.notes_of(Kind.UNIT))


def test_mhtml_archive(tmp_path: Path) -> None:
    import quopri

    body = quopri.encodestring(pages.page_2021(charset="gb2312").encode("gbk")).decode("ascii")
    mhtml = ("From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
             "\ttype=\"text/html\";\r\n\tboundary=\"----B\"\r\n\r\n------B\r\n"
             "Content-Type: text/html; charset=\"gbk\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
             f"{body}\r\n------B--\r\n")
    path = tmp_path / "report.mhtml"
    path.write_bytes(mhtml.encode("ascii"))
    check_2021_page(import_published(path))


def test_our_own_exports_read_back_exactly(tmp_path: Path) -> None:
    from core.export.html_page import export_html
    from core.export.word import export_docx

    src = load(Path("resources/samples/haizhu-2019.ogir"))
    export_html(src, tmp_path / "r.html")
    export_docx(src, tmp_path / "r.docx")
    for name in ("r.html", "r.docx"):
        result = import_published(tmp_path / name)
        assert result.form.key == "2019"
        assert result.agency == "广州市海珠区政务服务数据管理局" and result.year == 2019
        assert result.inputs == dict(src.inputs)
        assert result.units.get(("active", "procurement", "procurement_amount")) == "万元"
        assert result.texts == {k: v for k, v in src.texts.items()}
        assert result.notes_of(Kind.FUZZY, Kind.MISSING, Kind.UNPLACED) == []


@pytest.mark.parametrize("data,name,words", [
    (b"", "empty.html", "空文件"),
    (b"<html><body><p>hello</p></body></html>", "other.html", "没有找到"),
    (b"PK\x03\x04garbage", "x.docx", "Word"),
    (b"\x00\x01binary", "x.pdf", "扩展名"),
])
def test_unreadable_inputs_get_a_chinese_message(data: bytes, name: str, words: str) -> None:
    with pytest.raises(PublishedImportError) as exc:
        import_published_bytes(data, name)
    assert words in str(exc.value)


def test_blank_total_with_items_is_a_problem() -> None:
    rows = [(ls, ["1,123", "20", "3", "4", "4", "6", "&nbsp;"]) if ls[-1] == "（七）总计" else (ls, vs)
            for ls, vs in pages.APPLICANT_ROWS_2021]
    result = import_published_bytes(pages.page_2021(rows=rows).encode(), "report.html")
    totals = result.notes_of(Kind.TOTAL)
    assert [n.refs for n in totals] == [((A, "results_total", "total"),)]
    assert "1160" in totals[0].message and totals[0] in result.problems


@pytest.mark.parametrize("title", [
    "某某县自然资源局2024年政府信息公开工作年度报告",
    "2024年度某某县自然资源局政府信息公开工作年度报告",
    "某某县自然资源局关于2024年度政府信息公开工作年度报告",
    "关于某某县自然资源局2024年政府信息公开工作的年度报告",
    "某某县自然资源局二〇二四年政府信息公开工作年度报告",
    "某某县自然资源局政府信息公开工作2024年度报告",
    "某某县自然资源局 2024 年政府信息公开年报",
])
def test_agency_and_year_from_title_variants(title: str) -> None:
    page = pages.page_2021().replace("<h1>某某县自然资源局2024年政府信息公开工作年度报告</h1>", f"<h1>{title}</h1>")
    page = page.replace("<title>某某县自然资源局2024年政府信息公开工作年度报告_某某县人民政府</title>", "<title>年度报告</title>")
    result = import_published_bytes(page.encode(), "report.html")
    assert (result.agency, result.year) == ("某某县自然资源局", 2024)


def test_provincial_additions_to_a_2019_page(tmp_path: Path) -> None:
    """A Hubei-style 2019 page: fill-in notes inside the headers and an extra
    row the national format does not have, which is listed, not imported."""
    from core.export.html_page import export_html

    src = load(Path("resources/samples/haizhu-2019.ogir"))
    export_html(src, tmp_path / "r.html")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    page = page.replace(">本年增/减<", ">本年增/减(指2019年增加或减少的事项数,减用负值表示,如-8)<")
    extra = ('<tr>\n<td class="label">其他主动公开文件</td>\n<td class="value">7</td>\n'
             '<td class="value" colspan="2">7</td>\n<td class="value">30</td>\n</tr>\n')
    at = page.index('<tr>\n<th scope="colgroup" class="caption" colspan="5">第二十条第（五）项')
    page = page[:at] + extra + page[at:]
    result = import_published_bytes(page.encode(), "hubei.html")
    assert result.inputs == dict(src.inputs)
    unplaced = result.notes_of(Kind.UNPLACED)
    assert len(unplaced) == 1 and "其他主动公开文件" in unplaced[0].message
