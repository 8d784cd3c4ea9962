"""The window's section tabs carry short names declared with the sections."""
from __future__ import annotations

import pytest

from core.forms import FORMS


@pytest.mark.parametrize("form", list(FORMS.values()), ids=lambda f: f.key)
def test_every_section_has_a_short_tab_name_with_its_numeral(form):
    names = [s.tab_name for s in form.sections]
    assert names == ["一、总体情况", "二、主动公开", "三、依申请公开", "四、复议诉讼", "五、问题改进", "六、其他事项"]
    for s in form.sections:
        # same numeral as the official heading, and never longer than it
        assert s.tab_name.split("、")[0] == s.heading.split("、")[0]
        assert len(s.tab_name) <= min(len(s.heading), 7)
