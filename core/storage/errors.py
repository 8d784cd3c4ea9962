"""Typed errors of draft files.  `str(error)` is a Chinese message for the user."""
from __future__ import annotations

from pathlib import Path


class DraftError(Exception):
    """Base class: the draft could not be read or written."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None

    def __str__(self) -> str:
        return self.message


class DraftNotFound(DraftError):
    pass


class DraftUnreadable(DraftError):
    """Not JSON, truncated, binary junk, or not readable from disk."""


class DraftSchemaError(DraftError):
    """Valid JSON, but not the structure of a draft (wrong types, missing keys)."""


class DraftTooNew(DraftError):
    """Written by a newer version of the application."""


class DraftWriteError(DraftError):
    """The file could not be written (permissions, disk full, locked)."""


_OS_REASONS = {
    "ENOSPC": "磁盘空间不足",
    "EDQUOT": "磁盘空间不足（已超出配额）",
    "EFBIG": "文件过大",
    "ENAMETOOLONG": "文件名过长（一个文件名最多255个字节，约85个汉字）",
    "EROFS": "该位置是只读的（如光盘或写保护的U盘）",
    "EACCES": "没有访问权限",
    "EPERM": "没有访问权限",
    "EIO": "磁盘读写出错",
    "ENOENT": "文件或文件夹不存在",
    "ENOTDIR": "路径中有一段不是文件夹",
    "EISDIR": "这是一个文件夹",
    "EBUSY": "文件正被其他程序使用",
    "ETXTBSY": "文件正被其他程序使用",
    "EMFILE": "打开的文件过多",
    "ELOOP": "路径中的链接过多（可能是循环链接）",
    "EINVAL": "文件名或路径无效",
}


def describe_os_error(exc: OSError) -> str:
    """The reason of an operating-system error in Chinese ("磁盘空间不足"), for
    messages that must never show "No space left on device"."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    if name in _OS_REASONS:
        return _OS_REASONS[name]
    # Windows reports some of these through winerror only.
    winerror = getattr(exc, "winerror", None)
    if winerror in (39, 112):
        return _OS_REASONS["ENOSPC"]
    if winerror in (32, 33):
        return _OS_REASONS["EBUSY"]
    if winerror == 206:
        return _OS_REASONS["ENAMETOOLONG"]
    return f"系统错误 {exc.errno}" if exc.errno else "系统错误"
