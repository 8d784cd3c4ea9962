"""The web page in a real browser (issue 11, point 11): Debian's chromium,
headless, at a desktop and a phone width.  A script added to a copy of the
page measures the layout and writes it into the DOM, which chromium dumps."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from core.export.html_page import html_text
from core.storage import load
from tests.core.conftest import SAMPLE, distinct_full_report

CHROMIUM = shutil.which("chromium")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is installed by scripts/apt-packages.txt")

MEASURE = """
<script>
window.addEventListener("load", () => {
  const out = {innerWidth: window.innerWidth, pageScrollWidth: document.documentElement.scrollWidth, tables: []};
  for (const region of document.querySelectorAll("div.table-scroll")) {
    const table = region.querySelector("table");
    const em = parseFloat(getComputedStyle(table).fontSize);
    const extraLines = [];
    for (const th of table.querySelectorAll("th")) {
      const range = document.createRange();
      range.selectNodeContents(th);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      const wanted = th.querySelectorAll("br").length + 1;
      if (tops.size > wanted) extraLines.push(th.textContent);
    }
    out.tables.push({clientWidth: region.clientWidth, scrollWidth: region.scrollWidth,
                     tableWidth: table.offsetWidth, em: em, extraLines: extraLines});
  }
  const pre = document.createElement("pre");
  pre.id = "measure";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


def measure(tmp_path, html: str, width: int) -> dict:
    page = tmp_path / f"page-{width}.html"
    page.write_text(html.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    run = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
         f"--window-size={width},900", "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    m = re.search(r'<pre id="measure">(.*?)</pre>', run.stdout, re.S)
    assert m, run.stderr[-2000:]
    return json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def test_page_is_marked_up_for_accessibility():
    page = html_text(distinct_full_report("2021"))
    assert '<html lang="zh-CN">' in page and 'name="viewport"' in page
    scopes = set(re.findall(r'<th scope="(\w+)"', page))
    assert scopes == {"col", "colgroup", "row", "rowgroup"}
    assert '<th scope="col" class="header" rowspan="2">自然人</th>' in page
    assert '<th scope="colgroup" class="header" colspan="7">申请人情况</th>' in page
    assert re.search(r'<th scope="rowgroup" class="label" rowspan="22">三、本<br>年度办<br>理结果</th>', page)
    assert page.count('class="table-scroll" role="region"') == 3


def test_closing_sentence_and_signature_in_the_page():
    page = html_text(distinct_full_report("2021"))
    assert "<p>如对本报告有疑问，请与某某市某某局联系（电话：0000-12345678）。</p>" in page
    assert 'padding-right:4.5em">某某市某某局</p>' in page and 'padding-right:2em">2024年1月20日</p>' in page


@needs_chromium
@pytest.mark.slow
@pytest.mark.parametrize("name", ["sample", "full2021"])
def test_tables_readable_at_desktop_and_phone_widths(tmp_path, name):
    report = load(SAMPLE) if name == "sample" else distinct_full_report("2021")
    page = html_text(report)
    desktop = measure(tmp_path, page, 1280)
    for t in desktop["tables"]:
        assert t["scrollWidth"] <= t["clientWidth"] + 1  # no sideways scrolling on a desktop
        assert t["extraLines"] == []  # every label on exactly the lines the export chose
    phone = measure(tmp_path, page, 390)
    # the page itself never scrolls sideways: the tables do, inside their regions
    assert phone["pageScrollWidth"] <= phone["innerWidth"] + 1
    for t in phone["tables"]:
        assert t["scrollWidth"] > t["clientWidth"]
        assert t["tableWidth"] >= 59 * t["em"]  # not squeezed below its readable width
        assert t["extraLines"] == []
