from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from core.storage import load, save
from tests.core.conftest import ROOT, SAMPLE, shanghai_2019


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "core", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_sample_validates_clean():
    out = run("validate", str(SAMPLE), "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"findings": []}


def test_wrong_cell_exits_1_and_names_rule_column_expected_actual(tmp_path):
    r = shanghai_2019()
    for s in r.form.narratives:
        r.set_text(s.key, "正文。")
    r.set_value(("applications", "carry_forward", "research"), 3)
    p = tmp_path / "bad.ogir"
    save(r, p)
    out = run("validate", str(p), "--json")
    assert out.returncode == 1
    findings = json.loads(out.stdout)["findings"]
    research = [f for f in findings if {"table": "applications", "row": "carry_forward", "column": "research"} in f["cells"]]
    assert len(research) == 1
    f = research[0]
    assert f["rule"] == "R-3.1" and f["severity"] == "error"
    assert (f["expected"], f["actual"]) == (2, 5)
    assert "科研机构" in f["message"]
    assert set(f) == {"rule", "severity", "message", "cells", "expected", "actual", "key", "sentence"}
    assert f["key"].startswith("R-3.1:") and f["sentence"] is None


def test_corrupt_file_exits_2_without_traceback(tmp_path):
    p = tmp_path / "x.ogir"
    p.write_bytes(b'{"app": "ogi-report", "format_ver')
    out = run("validate", str(p))
    assert out.returncode == 2
    assert "Traceback" not in out.stderr and "已损坏" in out.stderr
    assert out.stdout == ""


def test_new_and_show(tmp_path):
    p = tmp_path / "n.ogir"
    out = run("new", "--agency", "某某县人民政府办公室", "--year", "2024", "-o", str(p))
    assert out.returncode == 0, out.stderr
    r = load(p)
    assert (r.meta.agency, r.meta.year, r.form.key) == ("某某县人民政府办公室", 2024, "2021")
    again = run("new", "--agency", "x", "--year", "2024", "-o", str(p))
    assert again.returncode == 2 and "已存在" in again.stderr
    shown = run("show", str(SAMPLE))
    assert shown.returncode == 0
    assert "第二十条第（九）项" in shown.stdout and "2429.9828万元" in shown.stdout


def test_bad_arguments_exit_2():
    out = run("new", "--agency", "x", "--year", "二〇二四")
    assert out.returncode == 2 and "参数错误" in out.stderr
    out = run("new", "--agency", "x", "--year", "2017", "-o", "/tmp/never-written.ogir")
    assert out.returncode == 2 and "2019" in out.stderr
