"""Crash-safe file replacement: a save never leaves a half-written file.

Temporary files live beside the target as hidden `.NAME.XXXXXXXX.tmp`; a
process killed mid-save leaves one behind, so they are removed on the next
load or save of that file (`remove_stale_temps`).
"""
from __future__ import annotations

import os
import stat
import zlib
from pathlib import Path

# Room for the random part and ".tmp" within the 255-byte name limit of
# every common file system, however long the target's own name is.
_MAX_PREFIX_BYTES = 200


class ReadOnlyTarget(PermissionError):
    """The file to be replaced is marked read-only by its owner."""


def _fsync_dir(directory: Path) -> None:
    # Directory fsync makes the rename durable on POSIX; Windows has no such call.
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def temp_prefix(path: Path) -> str:
    """The name prefix of `path`'s temporary files; long names are cut on a
    character boundary and made unique again with a checksum of the full name."""
    name = path.name
    prefix = f".{name}."
    if len(prefix.encode("utf-8")) <= _MAX_PREFIX_BYTES:
        return prefix
    cut = name.encode("utf-8")[: _MAX_PREFIX_BYTES - 12].decode("utf-8", "ignore")
    return f".{cut}~{zlib.crc32(name.encode('utf-8', 'surrogatepass')):08x}."


def remove_stale_temps(path: Path) -> int:
    """Delete temporary files an interrupted save of `path` left behind; returns how many.
    Never raises: a temp file that cannot be removed is only clutter."""
    prefix = temp_prefix(Path(path))
    removed = 0
    try:
        with os.scandir(Path(path).parent) as entries:
            for entry in entries:
                if entry.name.startswith(prefix) and entry.name.endswith(".tmp") and entry.is_file(follow_symlinks=False):
                    try:
                        os.unlink(entry.path)
                        removed += 1
                    except OSError:
                        pass
    except OSError:
        pass
    return removed


def is_read_only(path: Path) -> bool:
    """True if the owner took write permission away (root ignores the bits, the user did not)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and not mode & stat.S_IWUSR


def atomic_write_bytes(path: Path, data: bytes, backup: Path | None = None) -> None:
    """Write `data` to `path` via a temporary file in the same folder, fsync it,
    optionally copy the previous file to `backup`, then rename over `path`.

    Raises ReadOnlyTarget if `path` is read-only (a rename would silently
    replace it).  On any failure every temporary file is removed."""
    import shutil  # here, not at module level: the window imports this module before its first frame
    import tempfile

    path = Path(path)
    directory = path.parent
    if is_read_only(path):
        raise ReadOnlyTarget(13, "read-only", str(path))
    remove_stale_temps(path)
    prefix = temp_prefix(path)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
    fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=directory)
    temps = [Path(tmp_name)]
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates 0600; give the file the mode a normal save would.
        os.chmod(tmp_name, mode)
        if backup is not None and path.exists():
            bfd, btmp_name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=directory)
            os.close(bfd)
            temps.append(Path(btmp_name))
            shutil.copyfile(path, btmp_name)
            os.chmod(btmp_name, mode)  # the backup is as private as the draft
            os.replace(btmp_name, backup)
            temps.pop()
        os.replace(tmp_name, path)
        temps.pop(0)
        _fsync_dir(directory)
    except BaseException:
        for t in temps:
            t.unlink(missing_ok=True)
        raise
