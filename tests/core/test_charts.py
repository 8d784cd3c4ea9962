"""图解: every number on a chart is the report's number, charts without data say
so, and nothing depends on colour alone.  Expected values are worked out by hand
from the values typed in chart_fixtures.py."""
from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from core.charts import (
    YearData,
    all_charts,
    from_report,
    graphics,
    history,
    long_image_svg,
    report_years,
)
from core.charts.svg import FILLS
from core.forms.short_labels import short_label
from core.model import Report
from core.resources import sample_path
from core.storage import load

from .chart_fixtures import build_chain

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Path]:
    folder = tmp_path_factory.mktemp("chain")
    _, path = build_chain(folder)
    return load(path), path


def labels(svg: str) -> dict[str, str]:
    """data-key -> text of every number label taken from the report."""
    root = ET.fromstring(svg.encode("utf-8"))
    out: dict[str, str] = {}
    for t in root.iter(f"{SVG}text"):
        key = t.get("data-key")
        if key is not None:
            assert key not in out, f"two labels for {key}"
            out[key] = t.text or ""
    return out


def texts(svg: str) -> list[str]:
    return [t.text or "" for t in ET.fromstring(svg.encode("utf-8")).iter(f"{SVG}text")]


def chart_svgs(report: Report, path: Path | None = None) -> dict[str, str]:
    return {g.stem: g.svg for g in graphics(report, path)}


# --- numbers ------------------------------------------------------------------------

EXPECTED_2021 = {
    # trend: 2019 = 80 + 16, 2020 = 100 + 20 + 5, 2021 = 120 + 30 + 2 + 3 + 10 + 5
    "1-新收申请": {
        "2019:applications/new/total": "96件",
        "2020:applications/new/total": "125件",
        "2021:applications/new/total": "170件",
    },
    # applicants of the 170 new requests; shares of 170, one decimal, half up
    "2-申请人情况": {
        "applications/new/natural": "120件", "applications/new/natural%": "（70.6%）",
        "applications/new/commercial": "30件", "applications/new/commercial%": "（17.6%）",
        "applications/new/research": "2件", "applications/new/research%": "（1.2%）",
        "applications/new/nonprofit": "3件", "applications/new/nonprofit%": "（1.8%）",
        "applications/new/legal_service": "10件", "applications/new/legal_service%": "（5.9%）",
        "applications/new/other_org": "5件", "applications/new/other_org%": "（2.9%）",
    },
    # 予以公开 60+10+6+3, 部分公开 15+5, 不予公开 1+3+2+4, 无法提供 25+8+1+4+2, 不予处理 6+3+2,
    # 其他处理 2+1+1, 结转 2+7+1+2+2+2; shares of 79+20+10+40+11+4+16 = 180
    "3-办理结果": {
        "applications/granted/total": "79件", "applications/granted/total%": "（43.9%）",
        "applications/partial/total": "20件", "applications/partial/total%": "（11.1%）",
        "applications/refused/total": "10件", "applications/refused/total%": "（5.6%）",
        "applications/unavailable/total": "40件", "applications/unavailable/total%": "（22.2%）",
        "applications/not_processed/total": "11件", "applications/not_processed/total%": "（6.1%）",
        "applications/other_handling/total": "4件", "applications/other_handling/total%": "（2.2%）",
        "applications/carry_forward/total": "16件", "applications/carry_forward/total%": "（8.9%）",
    },
    "4-规章和规范性文件": {
        "active/rules/issued": "2件", "active/rules/repealed": "1件", "active/rules/in_force": "15件",
        "active/normative/issued": "12件", "active/normative/repealed": "3件", "active/normative/in_force": "86件",
    },
    "5-许可处罚强制": {
        "active/licensing/decisions": "3456件", "active/penalty/decisions": "789件",
        "active/enforcement/decisions": "12件",
    },
    # 复议 5+2+1+1 = 9, 已审结 8, 纠错率 2/8; 诉讼 6 and 2, 已审结 (6-2)+(2-0) = 6, 纠错率 (1+0)/6
    "6-复议诉讼": {
        "review/cases/recon_total": "总计9件",
        "review/cases/recon_upheld": "结果维持 5", "review/cases/recon_corrected": "结果纠正 2",
        "review/cases/recon_other": "其他结果 1", "review/cases/recon_pending": "尚未审结 1",
        "review/cases/direct_total": "总计6件",
        "review/cases/direct_upheld": "结果维持 3", "review/cases/direct_corrected": "结果纠正 1",
        "review/cases/direct_other": "其他结果 0", "review/cases/direct_pending": "尚未审结 2",
        "review/cases/after_total": "总计2件",
        "review/cases/after_upheld": "结果维持 1", "review/cases/after_corrected": "结果纠正 0",
        "review/cases/after_other": "其他结果 1", "review/cases/after_pending": "尚未审结 0",
        "rate:reconsideration": "25.0%", "rate:行政诉讼": "16.7%",
    },
}


def test_every_number_on_every_chart_is_the_reports(chain: tuple[Report, Path]) -> None:
    svgs = chart_svgs(*chain)
    for stem, expected in EXPECTED_2021.items():
        assert labels(svgs[stem]) == expected, stem


def test_chart_labels_equal_the_model_cells(chain: tuple[Report, Path]) -> None:
    report, path = chain
    seen = 0
    for svg in chart_svgs(report, path).values():
        for key, s in labels(svg).items():
            ref = tuple(key.removeprefix("big:").split("/"))
            if len(ref) == 3 and ref in report.form.cells:
                number = re.search(r"\d+(\.\d+)?", s)
                assert number is not None and int(number.group()) == report.number(ref), key
                seen += 1
    assert seen > 40


def test_long_image_key_figures(chain: tuple[Report, Path]) -> None:
    svg = chart_svgs(*chain)["0-长图"]
    got = {k: v for k, v in labels(svg).items() if k.startswith("big:")}
    assert got == {
        "big:applications/new/total": "170",
        "big:applications/results_total/total": "164",  # 79+20+10+40+11+4
        "big:applications/carry_forward/total": "16",
        "big:active/normative/issued": "12",
        "big:review/cases/recon_total": "9",
        "big:review/cases/direct_total+review/cases/after_total": "8",
    }
    all_text = "".join(texts(svg))
    assert "比上年增加45件（增长36.0%）" in all_text  # 170 − 125 = 45; 45/125 = 36.0%
    assert "某某市某某区人民政府办公室" in all_text and "2022年1月20日" in all_text
    # the long image holds every chart's labels too
    for expected in EXPECTED_2021.values():
        assert expected.items() <= labels(svg).items()


def test_change_note_and_subtitles(chain: tuple[Report, Path]) -> None:
    svgs = chart_svgs(*chain)
    assert "比上年增加45件（增长36.0%）。" in texts(svgs["1-新收申请"])
    assert "本年新收政府信息公开申请数量170件，按申请人类型" in texts(svgs["2-申请人情况"])
    assert "本年度办理结果与结转下年度继续办理共180件，括号内为所占比例" in texts(svgs["3-办理结果"])


def test_labels_come_from_the_forms() -> None:
    assert short_label("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") == "部分公开"
    assert short_label("四、结转下年度继续办理") == "结转下年度继续办理"
    assert short_label("1.属于国家秘密") == "属于国家秘密"
    assert short_label("本年收费金额（单位：万元）") == "本年收费金额"
    report = Report("某局", 2021)
    report.set_value(("applications", "new", "natural"), 1)
    report.set_value(("applications", "granted", "natural"), 1)
    got = texts(all_charts([from_report(report)])[2].svg())
    for name in ("予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "结转下年度继续办理"):
        assert name in got


# --- no data ------------------------------------------------------------------------

def _is_empty(svg: str) -> bool:
    root = ET.fromstring(svg.encode("utf-8"))
    return any(g.get("data-empty") for g in root.iter(f"{SVG}g"))


def _bars(svg: str) -> list[ET.Element]:
    """Rectangles painted with a series fill (bars and segments, not boxes or the band)."""
    fills = {f"url(#{fid})" for fid, _, stroke in FILLS if stroke} | {base for _, base, stroke in FILLS if not stroke}
    root = ET.fromstring(svg.encode("utf-8"))
    return [r for r in root.iter(f"{SVG}rect") if r.get("fill") in fills and float(r.get("height", 0)) < 60
            and r.get("class") != "mark"]  # the title marker


def test_the_all_zero_sample_says_so_on_every_chart() -> None:
    report = load(sample_path())
    for g in graphics(report, sample_path())[1:]:
        assert _is_empty(g.svg), g.stem
        assert not [b for b in _bars(g.svg) if float(b.get("x", 0)) > 60], g.stem  # no bars, no axis
    text = "".join(texts(graphics(report)[1].svg))
    assert "本年度未收到政府信息公开申请。" in text


def test_a_chart_without_data_beside_charts_with_data() -> None:
    report = Report("某局", 2022)
    report.set_values({("applications", "new", "natural"): 3, ("applications", "granted", "natural"): 3})
    charts = {c.key: c for c in all_charts([from_report(report)])}
    assert charts["1-新收申请"].has_data
    assert charts["6-复议诉讼"].has_data is False and _is_empty(charts["6-复议诉讼"].svg())
    assert "本年度没有因政府信息公开被申请行政复议或提起行政诉讼的案件。" in texts(charts["6-复议诉讼"].svg())
    assert charts["3-办理结果"].has_data and not _is_empty(charts["3-办理结果"].svg())


# --- grey print ---------------------------------------------------------------------

def _lightness(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b


def test_fills_differ_in_grey_or_pattern() -> None:
    for i, (_, base_a, stroke_a) in enumerate(FILLS):
        for _, base_b, stroke_b in FILLS[i + 1:]:
            if not stroke_a and not stroke_b:  # two solid fills: only lightness tells them apart
                assert abs(_lightness(base_a) - _lightness(base_b)) > 0.15, (base_a, base_b)


def test_every_bar_has_a_direct_label(chain: tuple[Report, Path]) -> None:
    for stem, svg in chart_svgs(*chain).items():
        if stem == "0-长图":
            continue
        numbers = [k for k in labels(svg) if not k.endswith("%") and not k.startswith("rate:")]
        assert len(_bars(svg)) <= len(numbers), stem
    review = chart_svgs(*chain)["6-复议诉讼"]
    legend = texts(review)
    for name in ("结果维持", "结果纠正", "其他结果", "尚未审结"):
        assert name in legend  # the stacked segments' fills are named in a legend


# --- years --------------------------------------------------------------------------

def test_the_previous_chain_is_followed(chain: tuple[Report, Path], tmp_path: Path) -> None:
    report, path = chain
    assert [d.year for d in report_years(report, path)] == [2019, 2020, 2021]
    # drafts moved together into another folder are still found
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    build_chain(tmp_path / "a")
    for name in ("2019.ogir", "2020.ogir", "2021.ogir"):
        shutil.move(tmp_path / "a" / name, tmp_path / "b" / name)
    moved = tmp_path / "b" / "2021.ogir"
    assert [d.year for d in report_years(load(moved), moved)] == [2019, 2020, 2021]
    # last year's draft is gone: its snapshot still gives last year, nothing older
    (tmp_path / "b" / "2020.ogir").unlink()
    assert [d.year for d in report_years(load(moved), moved)] == [2020, 2021]


def test_history_takes_any_list_of_years() -> None:
    current = YearData(2024, "2021", {("applications", "new", "total"): 7})
    earlier = [YearData(y, "2021", {("applications", "new", "total"): y - 2010}) for y in range(2016, 2026)]
    years = history(current, earlier)
    assert [d.year for d in years] == [2020, 2021, 2022, 2023, 2024]
    assert years[-1] is current
    svg = all_charts(years)[0].svg()
    assert labels(svg)["2023:applications/new/total"] == "13件"
    assert labels(svg)["2024:applications/new/total"] == "7件"


def test_long_image_needs_a_year() -> None:
    with pytest.raises(ValueError, match="没有可以绘制图解的报告数据"):
        long_image_svg([], "某局", "标题")


# --- HTML page ----------------------------------------------------------------------

def test_html_page_can_include_the_charts(chain: tuple[Report, Path], tmp_path: Path) -> None:
    from core.export.html_page import export_html, html_text

    report, path = chain
    assert "附：图解" not in html_text(report)
    out = tmp_path / "page.html"
    export_html(report, out, charts=True, draft_path=path)
    page = out.read_text(encoding="utf-8")
    assert page.count("附：图解") == 1
    assert page.count('id="f1"') == 1  # the fill patterns are defined once per page
    svgs = re.findall(r"<svg .*?</svg>", page, re.DOTALL)
    assert len(svgs) == 1 + 6
    inline = {k: v for svg in svgs[1:] for k, v in labels(svg).items()}
    for expected in EXPECTED_2021.values():
        assert expected.items() <= inline.items()


def test_cli_export_html_with_charts(tmp_path: Path) -> None:
    from core.cli import main

    page = tmp_path / "page.html"
    assert main(["export", str(sample_path()), "--html", str(page), "--html-charts"]) == 0
    text = page.read_text(encoding="utf-8")
    assert "附：图解" in text and text.count("<figure>") == 6
