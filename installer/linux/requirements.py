"""Print the Python requirements of the Linux package build, one a line: the app's
dependencies from pyproject.toml and the build extra (PyInstaller), with PySide6 pinned
to the newest release whose Linux wheels are manylinux_2_28 (Qt needs glibc <= 2.28,
libstdc++ <= GCC 8): 6.10 and later are manylinux_2_34.  Development and tests use
the newest PySide6 that pyproject allows; the Windows build is not affected."""
import re
import sys
import tomllib
from pathlib import Path

PYSIDE_FOR_LINUX_PACKAGE = "6.9.3"


def requirements(pyproject: Path) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    reqs = [*project["dependencies"], *project["optional-dependencies"]["build"]]
    return [f"PySide6-Essentials=={PYSIDE_FOR_LINUX_PACKAGE}" if re.match(r"PySide6-Essentials\b", r) else r
            for r in reqs]


if __name__ == "__main__":
    print("\n".join(requirements(Path(sys.argv[1] if len(sys.argv) > 1 else "pyproject.toml"))))
