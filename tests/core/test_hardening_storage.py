"""Issue 12, data safety of drafts: whatever loads can be saved, stray temp files,
read-only drafts, disk full, strict numbers, non-regular files, long names."""
from __future__ import annotations

import errno
import json
from decimal import Decimal
import os
import shutil
import stat
from pathlib import Path

import pytest

from core.export.files import ExportError, write_output
from core.model import Report
from core.storage import (
    DraftError,
    DraftSchemaError,
    DraftUnreadable,
    DraftWriteError,
    load,
    save,
)

A = "applications"


def draft_json(**overrides: object) -> dict:
    data: dict = {
        "app": "ogi-report", "format_version": 1,
        "metadata": {"agency": "某局", "year": 2024, "form": "2021"},
        "sections": {}, "tables": {},
    }
    data.update(overrides)
    return data


def write_raw(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def temps_in(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


# --- 1. whatever loads can be saved ----------------------------------------------------


def test_lone_surrogate_and_controls_are_cleaned_on_load_and_the_draft_saves(tmp_path):
    # Typed by hand: a JSON escape of a lone surrogate, a BEL and a vertical tab.
    raw = ('{"app": "ogi-report", "format_version": 1, '
           '"metadata": {"agency": "某\\ud800局", "year": 2024, "form": "2021", "contact": "电话\\u0007123"}, '
           '"sections": {"overview": "第一段\\u000b。\\n第二段\\ufffe。"}, "tables": {}}')
    path = write_raw(tmp_path / "bad.ogir", raw)
    report = load(path)
    assert report.meta.agency == "某\ufffd局"
    assert report.meta.contact == "电话123"
    assert report.texts["overview"] == "第一段。\n第二段。"
    assert len(report.notices) == 1
    notice = report.notices[0]
    assert "4个" in notice and "机关名称" in notice and "联系方式" in notice and "总体情况" in notice
    save(report, path)  # raised UnicodeEncodeError before
    again = load(path)
    assert again.meta.agency == "某\ufffd局" and again.notices == []


def test_unknown_keys_with_bad_text_are_cleaned_too(tmp_path):
    path = write_raw(tmp_path / "x.ogir", json.dumps(draft_json(future={"k\ud800": ["a\x01b"]}), ensure_ascii=True))
    report = load(path)
    assert report.extra == {"future": {"k\ufffd": ["ab"]}}
    save(report, path)
    assert load(path).extra == {"future": {"k\ufffd": ["ab"]}}


def test_the_model_cleans_what_it_is_given():
    r = Report("甲\x00局", 2024)
    assert r.meta.agency == "甲局"
    r.set_meta("compiler", "乙\udc80单位\x1f")
    assert r.meta.compiler == "乙\ufffd单位"
    r.set_text("overview", "一\r\n二\x08\r三\t四")
    assert r.texts["overview"] == "一\n二\n三\t四"


def test_save_never_fails_on_text_put_directly_into_the_model(tmp_path):
    r = Report("某局", 2024)
    r.texts["overview"] = "坏\ud800字"  # bypassing set_text
    save(r, tmp_path / "a.ogir")
    assert load(tmp_path / "a.ogir").texts["overview"] == "坏\ufffd字"


# --- 5. stray temp files and a full disk ---------------------------------------------------


def test_stale_temps_of_a_draft_are_removed_on_load_and_save(tmp_path):
    path = tmp_path / "报告.ogir"
    save(Report("某局", 2024), path)
    stale = [tmp_path / ".报告.ogir.k2j3h4.tmp", tmp_path / ".报告.ogir.bak.x8y9.tmp"]
    other = tmp_path / ".其他.ogir.abc.tmp"
    for p in (*stale, other):
        p.write_bytes(b"")
    load(path)
    assert temps_in(tmp_path) == [other.name]
    stale[0].write_bytes(b"half")
    save(load(path), path)
    assert temps_in(tmp_path) == [other.name]


def test_disk_full_while_copying_the_backup_leaves_no_temp_and_says_so_in_chinese(tmp_path, monkeypatch):
    path = tmp_path / "a.ogir"
    save(Report("某局", 2024), path)
    before = path.read_bytes()

    def full(src, dst, *a, **k):
        Path(dst).write_bytes(b"")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", full)
    with pytest.raises(DraftWriteError) as info:
        save(Report("别的局", 2024), path)
    assert "磁盘空间不足" in str(info.value) and "No space" not in str(info.value)
    assert temps_in(tmp_path) == []
    assert path.read_bytes() == before


def test_disk_full_while_writing(tmp_path, monkeypatch):
    path = tmp_path / "a.ogir"

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(DraftWriteError, match="磁盘空间不足"):
        save(Report("某局", 2024), path)
    assert temps_in(tmp_path) == [] and not path.exists()


# --- 6. read-only drafts, backup permissions, exports onto the backup ------------------------


def test_saving_over_a_read_only_draft_is_refused(tmp_path):
    path = tmp_path / "a.ogir"
    save(Report("某局", 2024), path)
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        with pytest.raises(DraftWriteError, match="只读"):
            save(Report("别的局", 2024), path)
        assert path.read_bytes() == before
        assert temps_in(tmp_path) == []
    finally:
        path.chmod(0o644)


def test_backup_keeps_the_drafts_permissions(tmp_path):
    path = tmp_path / "a.ogir"
    save(Report("某局", 2024), path)
    path.chmod(0o640)
    save(Report("某局", 2024), path)
    assert stat.S_IMODE((tmp_path / "a.ogir.bak").stat().st_mode) == 0o640
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.parametrize("name", ["年报.ogir.bak", "年报.OGIR.BAK", "年报.ogir"])
def test_export_onto_a_draft_or_its_backup_is_refused(tmp_path, name):
    target = tmp_path / name
    target.write_bytes(b"draft")
    with pytest.raises(ExportError, match="不能覆盖"):
        write_output(target, b"export")
    assert target.read_bytes() == b"draft"


def test_export_over_a_read_only_file_is_refused(tmp_path):
    target = tmp_path / "a.html"
    target.write_bytes(b"old")
    target.chmod(0o444)
    try:
        with pytest.raises(ExportError, match="只读"):
            write_output(target, b"new")
        assert target.read_bytes() == b"old"
    finally:
        target.chmod(0o644)


# --- 7. strict numbers ------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["1e999999999", "1e30", "9" * 5000, "-" + "9" * 30, "1." + "0" * 40])
def test_oversize_numbers_are_refused_with_the_key_path(tmp_path, number):
    cells = '"tables": {"applications": {"new": {"natural": ' + number + "}}}"
    raw = json.dumps(draft_json()).replace('"tables": {}', cells)
    path = write_raw(tmp_path / "n.ogir", raw)
    with pytest.raises(DraftSchemaError) as info:
        load(path)
    assert "tables.applications.new.natural" in str(info.value)
    assert "位数过多或数值过大" in str(info.value)


def test_numbers_within_the_caps_still_load(tmp_path):
    raw = json.dumps(draft_json()).replace(
        '"tables": {}', '"tables": {"applications": {"new": {"natural": 12}}, "active": {"fees": {"fee_amount": 2.5e1}}}')
    report = load(write_raw(tmp_path / "n.ogir", raw))
    assert report.value((A, "new", "natural")) == 12
    assert report.value(("active", "fees", "fee_amount")) == 25


# --- 8. non-regular files ----------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.ogir"
    os.mkfifo(fifo)
    with pytest.raises(DraftUnreadable, match="不是普通文件"):
        load(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="POSIX only")
def test_a_link_to_dev_zero_is_refused(tmp_path):
    link = tmp_path / "zero.ogir"
    link.symlink_to("/dev/zero")
    with pytest.raises(DraftUnreadable, match="不是普通文件"):
        load(link)


# --- 11. file names over 255 bytes ---------------------------------------------------------------


def test_opening_a_name_over_255_bytes_says_so(tmp_path):
    with pytest.raises(DraftError) as info:
        load(tmp_path / ("长" * 90 + ".ogir"))  # 270 + 5 bytes
    assert "文件名过长" in str(info.value)


def test_saving_to_a_name_over_255_bytes_says_so(tmp_path):
    with pytest.raises(DraftWriteError, match="文件名过长"):
        save(Report("某局", 2024), tmp_path / ("长" * 90 + ".ogir"))


def test_a_long_but_valid_name_saves_and_its_temps_are_found(tmp_path):
    name = "长" * 78 + ".ogir"  # 239 bytes: valid, but ".NAME.XXXXXXXX.tmp" would not be
    path = tmp_path / name
    save(Report("某局", 2024), path)
    save(Report("某局", 2024), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, name + ".bak"])
    from core.storage.atomic import temp_prefix

    stale = tmp_path / (temp_prefix(path) + "abcd.tmp")
    assert len(stale.name.encode()) <= 255
    stale.write_bytes(b"")
    load(path)
    assert not stale.exists()


def test_unknown_keys_with_decimal_numbers_save_again(tmp_path):
    # Found by the fuzz suite: a float under an unknown key loaded as Decimal and save raised TypeError.
    path = write_raw(tmp_path / "x.ogir", json.dumps(draft_json(future={"ratio": 0.5, "n": 2.0})))
    save(load(path), path)
    assert load(path).extra == {"future": {"ratio": Decimal("0.5"), "n": 2}}
