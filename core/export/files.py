"""Writing export files safely: never half-written, never over a file that an
office program holds open, and never anywhere near the draft."""
from __future__ import annotations

from pathlib import Path

from ..storage.atomic import ReadOnlyTarget, atomic_write_bytes
from ..storage.errors import describe_os_error

# A draft and its backup: an export must never land on either.
_DRAFT_ENDINGS = (".ogir", ".ogir.bak")


class ExportError(Exception):
    """The export could not be written; the message is Chinese."""


def lock_files(path: Path) -> list[Path]:
    """Lock files Word/WPS (~$name) and LibreOffice (.~lock.name#) leave beside an open document."""
    name = path.name
    candidates = [path.with_name("~$" + name[2:]) if len(name) > 2 else None, path.with_name("~$" + name),
                  path.with_name(f".~lock.{name}#")]
    return [c for c in candidates if c is not None and c.exists()]


def write_output(path: Path, data: bytes) -> None:
    path = Path(path)
    if path.name.lower().endswith(_DRAFT_ENDINGS):
        kind = "草稿的备份文件" if path.name.lower().endswith(".bak") else "草稿文件"
        raise ExportError(f"“{path.name}”是{kind}，导出时不能覆盖。请另选文件名。")
    try:
        if path.is_dir():
            raise ExportError(f"“{path}”是一个文件夹，请指定文件名。")
        if not path.parent.exists():
            raise ExportError(f"保存位置“{path.parent}”不存在。")
        if lock_files(path):
            raise ExportError(f"“{path.name}”正在被 Word、WPS 或其他程序打开，请先关闭该文件再导出。")
        atomic_write_bytes(path, data)
    except ReadOnlyTarget:
        raise ExportError(f"“{path.name}”已被设为只读，不能覆盖。请另选文件名，或取消该文件的只读属性。") from None
    except PermissionError:
        raise ExportError(
            f"无法写入“{path.name}”：文件可能正在被其他程序打开，或该位置没有写入权限。请关闭该文件或换一个位置。"
        ) from None
    except OSError as exc:
        raise ExportError(f"写入“{path.name}”失败：{describe_os_error(exc)}。") from None
