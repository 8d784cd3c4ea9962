"""The .deb's Depends derived from the bundle's NEEDED entries (installer/linux/deb_depends.py)."""
from installer.linux.deb_depends import depends, needed

OBJDUMP = """
Dynamic Section:
  NEEDED               libQt6Gui.so.6
  NEEDED               libxkbcommon.so.0
  NEEDED               libstdc++.so.6
  NEEDED               libm.so.6
  NEEDED               libc.so.6
  RUNPATH              $ORIGIN
"""


def test_needed_sonames() -> None:
    assert needed(OBJDUMP) == ["libQt6Gui.so.6", "libxkbcommon.so.0", "libstdc++.so.6", "libm.so.6", "libc.so.6"]


def test_bundled_libraries_are_not_dependencies() -> None:
    needs = {s: {"_internal/libQt6Widgets.so.6"} for s in needed(OBJDUMP)}
    pkgs, unknown = depends(needs, bundled={"libQt6Gui.so.6"})
    # libc and libm are one package, named once, first
    assert pkgs == ["libc6 (>= 2.28)", "libstdc++6 (>= 8)", "libxkbcommon0"]
    assert unknown == {}


def test_an_unknown_soname_is_reported_with_its_users() -> None:
    pkgs, unknown = depends({"libfoo.so.3": {"a.so", "b.so"}, "libc.so.6": {"a.so"}}, bundled=set())
    assert pkgs == ["libc6 (>= 2.28)"]
    assert unknown == {"libfoo.so.3": {"a.so", "b.so"}}
