"""The window on a 1366×768 office laptop (offscreen screen of that size, the
window maximised less the taskbar and title bar): every tab on the tab bar, the
frozen heading of 表三 in place after scrolling to the bottom, at least 14 rows
of 表三 in view, the findings pane folding to one line."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def laptop(tmp_path_factory):
    config = tmp_path_factory.mktemp("screen") / "laptop.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run([sys.executable, str(Path(__file__).with_name("laptop_probe.py"))], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("form", ["2019", "2021"])
def test_every_tab_fits_without_scroll_buttons(laptop, form):
    assert laptop["screen"] == [1366, 768]
    # then the extra tabs (预览, 图解 …)
    assert laptop[f"{form}/tabs"][:9] == ["基本信息", "一、总体情况", "二、主动公开", "三、依申请公开", "四、复议诉讼",
                                          "五、问题改进", "六、其他事项", "预览", "图解"]
    assert laptop[f"{form}/tab_scroll_buttons"] == 0
    assert laptop[f"{form}/tabs_right"] < laptop[f"{form}/bar_width"]


@pytest.mark.parametrize("form", ["2019", "2021"])
def test_the_heading_of_table_three_stays_in_place_when_scrolled_to_the_bottom(laptop, form):
    assert laptop[f"{form}/scrolled"] > 0  # the table did scroll
    assert laptop[f"{form}/header_visible"] and laptop[f"{form}/header_above_values"]
    assert laptop[f"{form}/header_moved"] == [0, 0]
    assert laptop[f"{form}/natural_in_header"]
    assert laptop[f"{form}/last_row_visible"]


@pytest.mark.parametrize("form", ["2019", "2021"])
def test_at_least_fourteen_rows_of_table_three_are_in_view(laptop, form):
    assert laptop[f"{form}/rows_top"] >= 14
    # at the bottom, the two long （六）其他处理 labels of the 2021 format take two lines each
    assert laptop[f"{form}/rows_bottom"] >= 12
    assert laptop[f"{form}/rows_folded"] > laptop[f"{form}/rows_top"]


@pytest.mark.parametrize("form", ["2019", "2021"])
def test_a_merged_label_cut_by_scrolling_shows_its_text_in_the_visible_part(laptop, form):
    assert laptop[f"{form}/results_span_cut"]
    assert laptop[f"{form}/results_text_height"] > 0


@pytest.mark.parametrize("form", ["2019", "2021"])
def test_the_findings_pane_folds_to_one_line_and_comes_back(laptop, form):
    height, title, tree_visible = laptop[f"{form}/folded"]
    assert height == title and not tree_visible
    height, before, tree_visible = laptop[f"{form}/unfolded"]
    assert height == before and tree_visible
