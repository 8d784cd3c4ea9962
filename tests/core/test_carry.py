from __future__ import annotations

import subprocess
import sys

from core.carry import new_from_previous
from core.checks import run_checks
from core.model import Report
from core.storage import load, save
from tests.core.conftest import ROOT

A = "applications"


def cli(*args):
    return subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8")


def rules(report, rule):
    return [f for f in run_checks(report) if f.rule == rule]


def test_chain_of_three_drafts(tmp_path):
    # 2020, in the 2019 format
    r2020 = Report("某某区民政局", 2020, contact="电话：0000-1234567", compiler="某某区民政局")
    r2020.set_values({
        (A, "carry_forward", "natural"): 3, (A, "carry_forward", "commercial"): 1,
        ("active", "licensing", "prev_count"): 10, ("active", "licensing", "change"): -2,
        ("active", "procurement", "procurement_count"): 4,
    })
    r2020.set_text("overview", "2020年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作。")
    p2020 = tmp_path / "2020.ogir"
    save(r2020, p2020)

    out = cli("new", "--from", str(p2020), "-o", str(tmp_path / "2021.ogir"))
    assert out.returncode == 0, out.stderr
    # only what the user must act on: 表二's carried columns have no place in 2021
    not_carried = [line for line in out.stdout.splitlines() if "未结转" in line]
    assert len(not_carried) == 1, out.stdout
    assert "上一年项目数量" in not_carried[0] and "本年增/减" in not_carried[0]
    assert "其他处理" not in out.stdout and "已无此行" not in out.stdout
    r2021 = load(tmp_path / "2021.ogir")
    assert (r2021.meta.agency, r2021.meta.year, r2021.form.key) == ("某某区民政局", 2021, "2021")
    assert r2021.meta.contact == "电话：0000-1234567" and r2021.meta.compiler == "某某区民政局"
    assert r2021.value((A, "carried_over", "natural")) == 3
    assert r2021.value((A, "carried_over", "commercial")) == 1
    assert r2021.value((A, "carried_over", "research")) is None
    assert r2021.previous is not None and r2021.previous.year == 2020 and r2021.previous.path == str(p2020.resolve())
    assert r2021.texts["overview"] == r2020.texts["overview"]  # starting point to rewrite
    assert rules(r2021, "V7") == []
    assert [f.section for f in rules(r2021, "V11")] == ["overview"]  # flagged until rewritten

    # fill 2021 and carry on to 2022
    r2021.set_values({(A, "carry_forward", "natural"): 4, ("active", "normative", "in_force"): 20})
    r2021.set_text("overview", "2021年，我局以新修订的条例为遵循，重点推进基层政务公开标准化规范化建设。")
    save(r2021, tmp_path / "2021.ogir")
    out = cli("new", "--from", str(tmp_path / "2021.ogir"), "-o", str(tmp_path / "2022.ogir"))
    assert out.returncode == 0, out.stderr
    assert "未结转" not in out.stdout
    r2022 = load(tmp_path / "2022.ogir")
    assert (r2022.meta.year, r2022.form.key) == (2022, "2021")
    assert r2022.value((A, "carried_over", "natural")) == 4
    assert r2022.value((A, "carried_over", "commercial")) is None
    r2022.set_values({("active", "normative", "issued"): 3, ("active", "normative", "repealed"): 1,
                      ("active", "normative", "in_force"): 22})
    assert rules(r2022, "V7") == [] and rules(r2022, "V8") == []

    # editing one carried cell makes the cross-year warning fire for exactly that column
    r2022.set_value((A, "carried_over", "natural"), 5)
    (v7,) = rules(r2022, "V7")
    assert v7.cells == ((A, "carried_over", "natural"),) and (v7.expected, v7.actual) == (4, 5)
    assert "2021年度报告" in v7.message and not v7.is_error
    r2022.set_value(("active", "normative", "in_force"), 30)
    (v8,) = rules(r2022, "V8")
    assert (v8.expected, v8.actual) == (22, 30) and "合理性" in v8.message
    # the link to last year survives save and load
    save(r2022, tmp_path / "2022.ogir")
    assert len(rules(load(tmp_path / "2022.ogir"), "V7")) == 1


def test_2019_to_2020_carries_item_counts():
    r2019 = Report("某局", 2019)
    r2019.set_values({("active", "licensing", "prev_count"): 10, ("active", "licensing", "change"): -2,
                      ("active", "fees", "change"): 3})
    result = new_from_previous(r2019)
    r2020 = result.report
    assert r2020.form.key == "2019"
    assert r2020.value(("active", "licensing", "prev_count")) == 8
    assert r2020.value(("active", "fees", "prev_count")) == 3
    assert r2020.value(("active", "penalty", "prev_count")) is None
    assert result.not_carried == []
    r2020.set_value(("active", "licensing", "prev_count"), 9)
    (v8,) = [f for f in run_checks(r2020) if f.rule == "V8"]
    assert (v8.expected, v8.actual) == (8, 9)


def test_old_year_left_in_text():
    r = Report("某局", 2024)
    r.set_text("problems", "2023年，我局将进一步加强政务公开工作。\n2025年，我局将继续努力。")
    (f,) = [f for f in run_checks(r) if f.rule == "V15"]
    assert "第1段" in f.message and "2023年" in f.message
