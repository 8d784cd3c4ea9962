"""Crash-safe file replacement: a save never leaves a half-written file."""
from __future__ import annotations

import os
from pathlib import Path


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


def atomic_write_bytes(path: Path, data: bytes, backup: Path | None = None) -> None:
    """Write `data` to `path` via a temporary file in the same folder, fsync it,
    optionally copy the previous file to `backup`, then rename over `path`."""
    import shutil  # here, not at module level: the window imports this module before its first frame
    import tempfile

    path = Path(path)
    directory = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        # mkstemp creates 0600; give the file the mode a normal save would.
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if backup is not None and path.exists():
            bfd, btmp_name = tempfile.mkstemp(prefix=f".{backup.name}.", suffix=".tmp", dir=directory)
            os.close(bfd)
            shutil.copyfile(path, btmp_name)
            os.replace(btmp_name, backup)
        os.replace(tmp, path)
        _fsync_dir(directory)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
