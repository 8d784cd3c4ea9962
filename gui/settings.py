"""Where the window keeps its settings, autosaves and logs.

OGI_REPORT_HOME overrides the folder (tests).  The portable .zip carries a file
named PORTABLE_MARKER beside the executable: that copy keeps everything in a
"data" folder next to itself, so it can run from a USB stick.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from core.export.settings import ExportSettings

# QSettings and QStandardPaths are imported where used: naming a PySide class
# initialises its Python type, which costs start-up time before the first frame.

MAX_RECENT = 8


PORTABLE_MARKER = "portable.txt"


def portable_dir() -> Path | None:
    if not getattr(sys, "frozen", False):
        return None
    here = Path(sys.executable).resolve().parent
    return here / "data" if (here / PORTABLE_MARKER).exists() else None


# The one folder under the user's application data (%APPDATA%, ~/.local/share).  Versions up to
# 0.1.0 set both the organization and the application name to it, and Qt's AppDataLocation
# nested it twice ("OGI Report/OGI Report"); what is found there is moved up once.
APP_FOLDER = "OGI Report"


def standard_dir() -> Path:
    """The user's data folder of an installed copy: <application data>/OGI Report."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    # AppDataLocation appends the organization name and the application name; only the latter is set
    if QCoreApplication.organizationName() or QCoreApplication.applicationName() != APP_FOLDER:
        QCoreApplication.setOrganizationName("")
        QCoreApplication.setApplicationName(APP_FOLDER)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) if base else Path.home() / ".ogi-report"


def move_up_doubled(path: Path) -> None:
    """Move the data of the doubled folder path/APP_FOLDER into path: every file whose name is
    not taken yet (autosaves, recovery snapshots, settings, logs).  A file that cannot be moved
    (another copy of the old version holds it) stays where it was and is tried at the next start;
    nothing is overwritten or deleted."""
    old = path / APP_FOLDER
    if not old.is_dir():
        return
    for src in sorted(old.rglob("*"), key=lambda p: len(p.parts)):
        if not src.is_file():
            continue
        dest = path / src.relative_to(old)
        if dest.exists():
            continue  # written by this version since: the newer one stays
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dest)
        except OSError:
            continue
    for folder in sorted((p for p in old.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)) + [old]:
        try:
            folder.rmdir()  # only empty ones
        except OSError:
            pass


_checked_doubled: set[Path] = set()


def app_dir() -> Path:
    override = os.environ.get("OGI_REPORT_HOME")
    portable = portable_dir()
    if override:
        path = Path(override)
    elif portable is not None:
        path = portable
    else:
        path = standard_dir()
        if path not in _checked_doubled:
            _checked_doubled.add(path)
            move_up_doubled(path)
    path.mkdir(parents=True, exist_ok=True)
    return path


def recovery_dir() -> Path:
    return app_dir() / "autosave"


def locks_dir() -> Path:
    return app_dir() / "locks"


def log_path() -> Path:
    return app_dir() / "error.log"


def settings() -> QSettings:
    from PySide6.QtCore import QSettings

    return QSettings(str(app_dir() / "settings.ini"), QSettings.Format.IniFormat)


WINDOW_STATE = "window.json"


def window_state() -> tuple[bytes, bytes] | None:
    """(geometry, splitter) as saved when the window last closed, or None.  A small
    JSON file of its own, not QSettings: it is read before the first frame, and
    opening QSettings there cost ~4 ms."""
    import json

    try:
        data = json.loads((app_dir() / WINDOW_STATE).read_text("utf-8"))
        return bytes.fromhex(data["geometry"]), bytes.fromhex(data["splitter"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # none saved yet, or damaged: the window fits itself to the screen


def save_window_state(geometry: bytes, splitter: bytes) -> None:
    import json

    from core.storage.atomic import atomic_write_bytes

    data = {"geometry": geometry.hex(), "splitter": splitter.hex()}
    atomic_write_bytes(app_dir() / WINDOW_STATE, json.dumps(data).encode("utf-8"))


def recent_files() -> list[str]:
    value = settings().value("recent_files", [])
    if isinstance(value, str):
        value = [value]
    return [v for v in (value or []) if isinstance(v, str)]


def add_recent_file(path: str) -> list[str]:
    files = [path] + [p for p in recent_files() if p != path]
    files = files[:MAX_RECENT]
    s = settings()
    s.setValue("recent_files", files)
    s.sync()
    return files


def remove_recent_file(path: str) -> list[str]:
    files = [p for p in recent_files() if p != path]
    s = settings()
    s.setValue("recent_files", files)
    s.sync()
    return files


def export_settings() -> ExportSettings:
    from core.export.settings import ExportSettings

    s = settings()
    s.beginGroup("export")
    data = {k: s.value(k) for k in s.childKeys()}
    s.endGroup()
    # QSettings returns strings from ini files; convert back where needed.
    for key, value in list(data.items()):
        if isinstance(value, str) and value in ("true", "false"):
            data[key] = value == "true"
        elif isinstance(value, str):
            try:
                if key.endswith("_pt"):
                    data[key] = float(value)
            except ValueError:
                pass
    return ExportSettings.from_dict(data)


def save_export_settings(value: ExportSettings) -> None:
    s = settings()
    s.beginGroup("export")
    for k, v in value.to_dict().items():
        s.setValue(k, v)
    s.endGroup()
    s.sync()
