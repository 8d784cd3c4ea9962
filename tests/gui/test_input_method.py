"""Which Qt input-method module the window asks for on Linux (gui/input_method.py),
and the self-test's plugin check."""
from __future__ import annotations

from pathlib import Path

import pytest

from gui.input_method import FCITX_PLUGIN, check_input_plugins, input_method_env


def programs(*names: str):
    """A stand-in for shutil.which that finds exactly these programs."""
    return lambda name: f"/usr/bin/{name}" if name in names else None


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A Qt plugins folder as in the Linux package: the fcitx plugin is there."""
    folder = tmp_path / "plugins" / "platforminputcontexts"
    folder.mkdir(parents=True)
    (folder / FCITX_PLUGIN).write_bytes(b"")
    return tmp_path / "plugins"


@pytest.fixture
def wheel(tmp_path: Path) -> Path:
    """A Qt plugins folder without the fcitx plugin (running from source)."""
    (tmp_path / "wheel" / "platforminputcontexts").mkdir(parents=True)
    return tmp_path / "wheel"


def test_session_setting_is_kept_when_the_plugin_is_shipped(bundle):
    assert input_method_env({"QT_IM_MODULE": "fcitx"}, bundle, programs("fcitx5")) == {}
    assert input_method_env({"QT_IM_MODULE": "fcitx5"}, bundle, programs("fcitx5")) == {}
    assert input_method_env({"QT_IM_MODULE": "ibus"}, bundle, programs("ibus-daemon")) == {}


def test_fcitx_named_only_by_xmodifiers_or_gtk(bundle):
    # UOS/麒麟 sessions that set only the X and GTK variables
    assert input_method_env({"XMODIFIERS": "@im=fcitx"}, bundle, programs()) == {"QT_IM_MODULE": "fcitx"}
    assert input_method_env({"XMODIFIERS": "@im=fcitx5"}, bundle, programs()) == {"QT_IM_MODULE": "fcitx"}
    assert input_method_env({"GTK_IM_MODULE": "fcitx"}, bundle, programs()) == {"QT_IM_MODULE": "fcitx"}
    assert input_method_env({"XMODIFIERS": "@im=ibus"}, bundle, programs("ibus-daemon")) == {"QT_IM_MODULE": "ibus"}


def test_nothing_named_changes_nothing(bundle):
    assert input_method_env({}, bundle, programs("fcitx5")) == {}
    assert input_method_env({"XMODIFIERS": "@im=none"}, bundle, programs()) == {}


def test_fcitx5_without_the_plugin_goes_through_the_ibus_portal(wheel):
    expected = {"QT_IM_MODULE": "ibus", "IBUS_USE_PORTAL": "1"}
    assert input_method_env({"QT_IM_MODULE": "fcitx"}, wheel, programs("fcitx5")) == expected
    # fcitx4 has no such interface: leave Qt to fall back to plain keys
    assert input_method_env({"QT_IM_MODULE": "fcitx"}, wheel, programs("fcitx")) == {}


def test_ibus_module_served_by_fcitx5(bundle):
    # Qt's ibus plugin refuses to start without the ibus-daemon program
    assert input_method_env({"QT_IM_MODULE": "ibus"}, bundle, programs("fcitx5")) == {"IBUS_USE_PORTAL": "1"}
    assert input_method_env({"QT_IM_MODULE": "ibus"}, bundle, programs("fcitx5", "ibus-daemon")) == {}


def test_plugin_check_loads_qts_own_plugins():
    import sys

    from PySide6.QtCore import QLibraryInfo

    from gui.input_method import REQUIRED_LINUX_PLUGINS

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    found = check_input_plugins(plugins, (), REQUIRED_LINUX_PLUGINS)
    if sys.platform.startswith("linux"):  # PySide6's Linux wheel has these two
        assert sorted(found.split("、")) == ["compose", "ibus"]


def test_plugin_check_reports_a_broken_or_missing_plugin(tmp_path):
    folder = tmp_path / "platforminputcontexts"
    folder.mkdir()
    (folder / "libbrokenplatforminputcontextplugin.so").write_bytes(b"not a library")
    with pytest.raises(RuntimeError, match="libbrokenplatforminputcontextplugin.so") as info:
        check_input_plugins(tmp_path, (FCITX_PLUGIN,))
    assert f"缺少 {FCITX_PLUGIN}" in str(info.value)
