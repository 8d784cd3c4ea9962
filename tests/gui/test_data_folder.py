"""The data folder of an installed copy is <application data>/OGI Report, one level; data an
earlier version left in the doubled "OGI Report/OGI Report" is moved up, nothing is lost."""
from __future__ import annotations

import sys

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG_DATA_HOME is Linux's")


@pytest.fixture
def xdg(tmp_path, monkeypatch, qapp):
    from PySide6.QtCore import QCoreApplication

    monkeypatch.delenv("OGI_REPORT_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    org, name = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    yield tmp_path / "share"
    QCoreApplication.setOrganizationName(org)
    QCoreApplication.setApplicationName(name)


def test_installed_copy_keeps_its_data_one_folder_deep(xdg):
    from PySide6.QtCore import QCoreApplication

    from gui import settings as app_settings

    # what gui.app.main set before: both names, which made Qt nest the folder twice
    QCoreApplication.setOrganizationName("OGI Report")
    QCoreApplication.setApplicationName("OGI Report")
    assert app_settings.app_dir() == xdg / "OGI Report"
    assert app_settings.recovery_dir() == xdg / "OGI Report" / "autosave"
    assert not (xdg / "OGI Report" / "OGI Report").exists()


def test_data_in_the_doubled_folder_is_moved_up(xdg):
    from gui import settings as app_settings

    old = xdg / "OGI Report" / "OGI Report"
    (old / "autosave").mkdir(parents=True)
    (old / "autosave" / "未命名-1.ogir").write_text("快照", encoding="utf-8")
    (old / "settings.ini").write_text("[General]\nrecent_files=a.ogir\n", encoding="utf-8")
    (old / "error.log").write_text("旧日志", encoding="utf-8")
    new = xdg / "OGI Report"
    (new / "autosave").mkdir(parents=True)
    (new / "error.log").write_text("新日志", encoding="utf-8")  # written since by this version

    assert app_settings.app_dir() == new
    assert (new / "autosave" / "未命名-1.ogir").read_text(encoding="utf-8") == "快照"
    assert "recent_files=a.ogir" in (new / "settings.ini").read_text(encoding="utf-8")
    assert app_settings.recent_files() == ["a.ogir"]
    assert (new / "error.log").read_text(encoding="utf-8") == "新日志"  # never overwritten
    assert (old / "error.log").read_text(encoding="utf-8") == "旧日志"  # nor deleted
    assert not (old / "autosave").exists() and not (old / "settings.ini").exists()


def test_a_file_that_cannot_move_stays_and_the_rest_moves(tmp_path, monkeypatch):
    import os

    from gui import settings as app_settings

    old = tmp_path / "OGI Report"
    (old / "autosave").mkdir(parents=True)
    (old / "autosave" / "a.ogir").write_text("甲", encoding="utf-8")
    (old / "autosave" / "b.ogir").write_text("乙", encoding="utf-8")
    real_replace = os.replace

    def held(src, dest):
        if str(src).endswith("a.ogir"):
            raise PermissionError("held by another process")
        real_replace(src, dest)

    monkeypatch.setattr(app_settings.os, "replace", held)
    app_settings.move_up_doubled(tmp_path)
    assert (old / "autosave" / "a.ogir").read_text(encoding="utf-8") == "甲"
    assert (tmp_path / "autosave" / "b.ogir").read_text(encoding="utf-8") == "乙"
    monkeypatch.setattr(app_settings.os, "replace", real_replace)
    app_settings.move_up_doubled(tmp_path)  # the next start
    assert (tmp_path / "autosave" / "a.ogir").read_text(encoding="utf-8") == "甲"
    assert not old.exists()
