"""The prose measures the narrative checks read (V9) are declared per format in
core/forms; a declaration naming a cell the format lacks, or a measure the checks
do not know, would silently switch a check off."""
from core.checks.narrative_numbers import MEASURES
from core.forms import FORMS
from core.forms.prose import prose_cells, prose_group


def test_every_declared_measure_is_known_and_names_real_cells() -> None:
    for form in FORMS.values():
        assert form.prose, form.key
        for key, _decl in form.prose:
            assert key in MEASURES, (form.key, key)
            cells = prose_cells(form, key)
            assert cells, (form.key, key)
            for ref in cells:
                assert ref in form.cells, (form.key, key, ref)


def test_group_rows_expand_to_their_leaves_and_are_named_as_groups() -> None:
    form = FORMS["2021"]
    # （三）不予公开 has eight items, each read in the 总计 column.
    cells = prose_cells(form, "refused")
    assert len(cells) == 8 and all(c[0] == "applications" and c[2] == "total" for c in cells)
    group = prose_group(form, "refused")
    assert group is not None and group.label == "（三）不予公开"
    assert prose_group(form, "granted") is None


def test_measures_follow_the_format() -> None:
    # 现行有效规范性文件 and 行政事业性收费 exist only in the 2021 table; 制发 sits in another column per format.
    assert prose_cells(FORMS["2019"], "normative_in_force") == []
    assert prose_cells(FORMS["2019"], "fee") == []
    assert prose_cells(FORMS["2019"], "normative_issued") == [("active", "normative", "made")]
    assert prose_cells(FORMS["2021"], "normative_issued") == [("active", "normative", "issued")]
