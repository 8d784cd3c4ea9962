"""The per-user install and uninstall scripts of the Linux archive, run on a stand-in bundle
in a temporary home: uninstall leaves no empty folder behind, and keeps what is not its own."""
import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "installer" / "linux"


def unpacked_archive(tmp_path: Path) -> Path:
    """The folder a user gets from the .tar.xz, with a stand-in executable."""
    pkg = tmp_path / "OGIReport-0-linux-x86_64"
    (pkg / "OGIReport").mkdir(parents=True)
    (pkg / "OGIReport" / "OGIReport").write_text("#!/bin/sh\n", encoding="utf-8")
    for name in ("install.sh", "uninstall.sh", "ogi-report.desktop.in", "ogi-report-mime.xml"):
        shutil.copy(LINUX / name, pkg / name)
    shutil.copy(ROOT / "resources" / "icons" / "app.png", pkg / "ogi-report.png")
    return pkg


def run(script: Path, home: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
    env["HOME"] = str(home)
    subprocess.run(["sh", str(script)], env=env, check=True, capture_output=True, timeout=60)


def test_uninstall_removes_the_install_folder(tmp_path: Path) -> None:
    pkg, home = unpacked_archive(tmp_path), tmp_path / "home"
    run(pkg / "install.sh", home)
    data = home / ".local" / "share"
    assert (data / "ogi-report" / "OGIReport" / "OGIReport").is_file()
    assert (data / "applications" / "ogi-report.desktop").is_file()
    run(pkg / "uninstall.sh", home)
    assert not (data / "ogi-report").exists()
    assert not (data / "applications" / "ogi-report.desktop").exists()
    assert not (data / "mime" / "packages" / "ogi-report.xml").exists()


def test_uninstall_keeps_a_file_the_user_put_in_the_folder(tmp_path: Path) -> None:
    pkg, home = unpacked_archive(tmp_path), tmp_path / "home"
    run(pkg / "install.sh", home)
    mine = home / ".local" / "share" / "ogi-report" / "备份.ogir"
    mine.write_text("{}", encoding="utf-8")
    run(pkg / "uninstall.sh", home)
    assert mine.read_text(encoding="utf-8") == "{}"
    assert not (mine.parent / "OGIReport").exists()
