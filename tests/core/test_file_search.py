"""Finding report files in what a user names: the shared walk of 审核 and 汇总."""
from pathlib import Path

import pytest

from core.file_search import TooManyFiles, find_files


def test_folders_are_walked_in_order_and_office_lock_files_are_passed_over(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/2.docx", "a.html", "~$a.docx", ".~lock.a.docx#", ".hidden/x.html", "notes.txt", "B.PDF"):
        (tmp_path / name).write_text("x")
    other = tmp_path / "list.txt"
    found = find_files([tmp_path, other, tmp_path / "gone.html"], (".html", ".docx", ".pdf"), limit=10)
    assert [p.relative_to(tmp_path).as_posix() for p in found.files] == ["B.PDF", "a.html", "b/2.docx"]
    assert found.wrong_type == [] and found.missing == [other, tmp_path / "gone.html"]
    (other).write_text("x")
    assert find_files([other], (".html",), limit=10).wrong_type == [other]


def test_more_files_than_the_limit_are_refused(tmp_path: Path) -> None:
    for i in range(4):
        (tmp_path / f"{i}.html").write_text("x")
    with pytest.raises(TooManyFiles):
        find_files([tmp_path], (".html",), limit=3)
