"""One window per draft file.

Double-clicking a draft that is already open (its window hidden behind others)
used to start a second window on the same file: whichever saved last silently
overwrote the other's work.  Each window now holds a lock for the draft it
edits; another window that tries to open it, or to save over it, is refused
with a message.  The locks live in this user's application folder (keyed by
the draft's full path), not beside the draft: drafts are often on read-only
or shared folders.  A window that crashed leaves a stale lock, which Qt
recognises (its process is gone) and takes over.
"""
from __future__ import annotations

import os
import zlib
from pathlib import Path

from PySide6.QtCore import QLockFile


def lock_name(draft: Path) -> str:
    """The same name for every spelling of one file (case-insensitive on Windows).
    Two 32-bit checksums of the full path rather than hashlib, whose OpenSSL
    import costs ~3 ms before the first frame when a draft is double-clicked."""
    canonical = os.path.normcase(str(Path(draft).resolve())).encode("utf-8")
    return f"{zlib.crc32(canonical):08x}{zlib.adler32(canonical):08x}.lock"


class DraftLocks:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._held: dict[str, QLockFile] = {}

    def claim(self, draft: Path) -> bool:
        """Take the lock of `draft` for this window.  False if another window has it;
        True if this window already had it, or if locking is impossible here (a
        read-only settings folder must not keep anyone from their files)."""
        name = lock_name(draft)
        if name in self._held:
            return True
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True
        lock = QLockFile(str(self.directory / name))
        lock.setStaleLockTime(0)  # a lock is stale exactly when its process is gone
        if lock.tryLock(0):
            self._held[name] = lock
            return True
        return lock.error() != QLockFile.LockError.LockFailedError

    def keep_only(self, draft: Path | None) -> None:
        """Release every lock but the one of `draft` (the file the window now edits)."""
        keep = lock_name(draft) if draft is not None else None
        for name in [n for n in self._held if n != keep]:
            self._held.pop(name).unlock()

    def release_all(self) -> None:
        self.keep_only(None)


def in_use_message(draft: Path) -> str:
    return (f"“{draft.name}”已在另一个年报助手窗口中打开。\n\n"
            "同一份草稿在两个窗口中同时修改，后保存的会覆盖先保存的内容。"
            "请切换到已打开它的窗口继续编辑（可在任务栏中找到）。")


def in_use_elsewhere(draft: Path, directory: Path) -> bool:
    """Whether another window holds `draft` (checked before a window is built for it)."""
    probe = DraftLocks(directory)
    free = probe.claim(draft)
    probe.release_all()
    return not free
