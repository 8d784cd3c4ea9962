"""The narrative skeleton of 新建 / 从上年报告新建, and the CLI around the passages.
Expected texts typed by hand."""
from __future__ import annotations

from core.carry import new_from_previous
from core.checks import run_checks
from core.model import Report
from core.skeleton import apply_skeleton
from core.storage import load, save
from tests.core.test_cli import run

A = "applications"
OVERVIEW_2021_EMPTY = (
    "（一）主动公开\n"
    "本年度未制发、废止规章和行政规范性文件，无现行有效规章和行政规范性文件。"
    "未作出行政许可、行政处罚、行政强制处理决定。无行政事业性收费。\n"
    "（二）依申请公开\n"
    "本年度未收到政府信息公开申请。\n"
    "本年度未发生政府信息公开行政复议、行政诉讼案件。\n"
    "（三）政府信息管理\n"
    "（四）政府信息公开平台建设\n"
    "（五）监督保障\n"
)


def test_skeleton_of_a_new_2021_report():
    report = Report("某某县人民政府办公室", 2024)
    apply_skeleton(report)
    assert report.texts["overview"] == OVERVIEW_2021_EMPTY
    assert report.texts["problems"] == "（一）存在的主要问题\n（二）改进情况\n"
    assert report.texts["other"] == (
        "（一）信息处理费收取情况\n"
        "本年度没有因申请人逾期未缴纳信息处理费而不再处理的政府信息公开申请。\n"
        "（二）落实上级年度政务公开工作要点情况\n"
        "（三）人大代表建议和政协提案办理结果公开情况\n"
        "（四）政务公开工作创新情况\n"
        "（五）其他需要报告的事项\n"
    )
    assert [s.link.key for s in report.linked_spans("overview")] == ["active", "applications", "review"]
    assert [s.link.key for s in report.linked_spans("other")] == ["fees"]
    # the passages follow the numbers typed afterwards
    report.set_values({(A, "new", "natural"): 2, (A, "granted", "natural"): 2})
    assert "（二）依申请公开\n本年度共收到政府信息公开申请2件，其中自然人申请2件。" \
           "本年度办结政府信息公开申请2件，其中予以公开2件。\n" in report.texts["overview"]
    assert not [f for f in run_checks(report) if f.rule in ("V9", "V16", "V10")]


def test_skeleton_of_a_2019_report_has_no_fee_passage():
    report = Report("某某县人民政府办公室", 2020)
    apply_skeleton(report)
    assert report.texts["other"] == ""
    assert "信息处理费" not in report.texts["overview"]


def _last_year() -> Report:
    last = Report("某某县人民政府办公室", 2023)
    apply_skeleton(last)
    last.set_values({(A, "new", "natural"): 4, (A, "granted", "natural"): 3, (A, "carry_forward", "natural"): 1})
    written = "全年围绕中心工作，持续深化政务公开，主动回应社会关切，不断提升政府信息公开的质量和实效。"
    last.set_text("overview", last.texts["overview"].replace("（三）政府信息管理\n", f"（三）政府信息管理\n{written}\n"))
    last.set_text("problems", "（一）存在的主要问题\n" + written)
    return last


def test_from_last_year_keeps_text_and_relinks_passages():
    last = _last_year()
    result = new_from_previous(last)
    report = result.report
    # 上年结转 1 (last year's 结转下年度); nothing else typed yet
    assert "（二）依申请公开\n本年度未收到政府信息公开申请；上年结转政府信息公开申请1件。" \
           "本年度没有办结的政府信息公开申请。\n" in report.texts["overview"]
    assert "全年围绕中心工作" in report.texts["overview"]
    assert [s.link.key for s in report.linked_spans("overview")] == ["active", "applications", "review"]
    assert any("数据说明已按本年度数字更新" in line for line in result.carried)
    report.set_values({(A, "granted", "natural"): 1})
    assert "本年度办结政府信息公开申请1件，其中予以公开1件。" in report.texts["overview"]
    # copied prose is still reported as copied
    assert any(f.rule == "V11" and f.section == "problems" for f in run_checks(report))


def test_from_last_year_with_a_fresh_skeleton_where_asked():
    last = _last_year()
    report = new_from_previous(last, skeleton=["overview"]).report
    assert report.texts["overview"].startswith("（一）主动公开\n")
    assert "全年围绕中心工作" not in report.texts["overview"]
    assert report.texts["problems"] == last.texts["problems"]


def test_cli_sentences_and_new_with_skeleton(tmp_path):
    draft = tmp_path / "a.ogir"
    out = run("new", "--agency", "某某县人民政府办公室", "--year", "2024", "--skeleton", "-o", str(draft))
    assert out.returncode == 0, out.stderr
    assert load(draft).texts["overview"] == OVERVIEW_2021_EMPTY
    out = run("sentences", str(draft))
    assert out.returncode == 0, out.stderr
    assert "【依申请公开情况（表三）】（用于“一、总体情况”，已链接在正文中）\n本年度未收到政府信息公开申请。\n" in out.stdout
    assert "本年度没有因申请人逾期未缴纳信息处理费而不再处理的政府信息公开申请。" in out.stdout

    report = load(draft)
    report.set_values({("review", "cases", "recon_corrected"): 2})
    save(report, draft)
    nxt = tmp_path / "b.ogir"
    out = run("new", "--from", str(draft), "--skeleton", "--keep-text", "六", "-o", str(nxt))
    assert out.returncode == 0, out.stderr
    carried = load(nxt)
    assert carried.texts["overview"] == OVERVIEW_2021_EMPTY and carried.texts["other"] == report.texts["other"]

    out = run("new", "--from", str(draft), "--skeleton", "--keep-text", "七", "-o", str(tmp_path / "c.ogir"))
    assert out.returncode == 2 and "“七”不是正文部分" in out.stderr and "Traceback" not in out.stderr


def test_cli_sentences_of_the_sample():
    out = run("sentences", "resources/samples/haizhu-2019.ogir")
    assert out.returncode == 0, out.stderr
    assert "【行政复议、行政诉讼情况（表四）】（用于“一、总体情况”）\n本年度未发生政府信息公开行政复议、行政诉讼案件。" in out.stdout


def test_linked_passages_export_as_plain_text(tmp_path):
    from core.export.html_page import html_text
    from core.export.word import export_docx
    from core.export.text import report_text

    report = Report("某某县人民政府办公室", 2024)
    apply_skeleton(report)
    report.set_values({(A, "new", "natural"): 2})
    passage = "本年度共收到政府信息公开申请2件，其中自然人申请2件。本年度没有办结的政府信息公开申请。"
    assert passage in report_text(report)
    assert passage in html_text(report)
    import docx

    path = tmp_path / "r.docx"
    export_docx(report, path)
    assert passage in [p.text for p in docx.Document(str(path)).paragraphs]
