"""Chinese input methods on Linux (统信UOS, 麒麟): which Qt input-context module
the window asks for, and the self-test's check that the bundled ones load.

Qt reads QT_IM_MODULE once, when the QApplication is made; a module that is
missing or cannot start falls back to plain key input ("compose"), so nothing
here can stop the window from starting, it only decides whether Chinese can be
typed.  The Linux package ships Qt's ibus plugin and an fcitx plugin built for
the bundled Qt (installer/linux/build_fcitx_plugin.sh).  The fcitx plugin speaks
fcitx4's D-Bus protocol, which fcitx5 serves too (its fcitx4frontend addon), so
QT_IM_MODULE=fcitx works with both.  Windows needs none of this."""
from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

FCITX_PLUGIN = "libfcitxplatforminputcontextplugin-qt6.so"
# Plugins the Linux package must ship and load (the self-test fails otherwise).
REQUIRED_LINUX_PLUGINS = (FCITX_PLUGIN, "libibusplatforminputcontextplugin.so",
                          "libcomposeplatforminputcontextplugin.so")


def _named_module(env: Mapping[str, str]) -> str:
    """The input method the desktop session names.  Sessions that start fcitx
    with only XMODIFIERS / GTK_IM_MODULE set leave Qt on plain keys, because Qt
    reads QT_IM_MODULE alone."""
    requested = env.get("QT_IM_MODULE", "").strip()
    if requested:
        return requested
    found = re.search(r"@im=(\w+)", env.get("XMODIFIERS", ""))
    named = (found.group(1) if found else env.get("GTK_IM_MODULE", "")).strip().lower()
    if named.startswith("fcitx"):
        return "fcitx"
    return "ibus" if named == "ibus" else ""


def input_method_env(env: Mapping[str, str], plugin_dir: Path,
                     which: Callable[[str], str | None] = shutil.which) -> dict[str, str]:
    """Environment variables to set before the QApplication is made
    (plugin_dir: Qt's plugins folder)."""
    module = _named_module(env)
    changes: dict[str, str] = {}
    if module and module != env.get("QT_IM_MODULE"):
        changes["QT_IM_MODULE"] = module
    fcitx5 = which("fcitx5") is not None
    shipped = (plugin_dir / "platforminputcontexts" / FCITX_PLUGIN).exists()
    if module.lower() in ("fcitx", "fcitx5") and not shipped and fcitx5:
        # Run from source (PySide6's wheel has no fcitx plugin): fcitx5 also
        # answers on the IBus portal interface, which Qt's ibus plugin can use.
        changes.update(QT_IM_MODULE="ibus", IBUS_USE_PORTAL="1")
    elif module.lower() == "ibus" and which("ibus-daemon") is None and fcitx5:
        # Qt's ibus plugin gives up unless the ibus-daemon program exists, or it
        # is told to use the portal interface (which fcitx5 provides).
        changes["IBUS_USE_PORTAL"] = "1"
    return changes


def prepare_input_method(plugin_dir: Path) -> None:
    """Linux only: set the input-method variables for this process."""
    if sys.platform.startswith("linux"):
        os.environ.update(input_method_env(os.environ, plugin_dir))


def check_input_plugins(plugin_dir: Path, required: tuple[str, ...], names: tuple[str, ...] | None = None) -> str:
    """Load input-context plugins (default: all in Qt's folder) into this Qt;
    raise if one does not load or a required one is missing."""
    from PySide6.QtCore import QPluginLoader

    folder = plugin_dir / "platforminputcontexts"
    present = sorted(p.name for p in folder.glob("*") if p.suffix in (".so", ".dll")) if folder.is_dir() else []
    failed = []
    for name in present if names is None else [n for n in names if n in present]:
        loader = QPluginLoader(str(folder / name))
        if not loader.load():
            failed.append(f"{name}：{loader.errorString()}")
    missing = [name for name in required if name not in present]
    if failed or missing:
        raise RuntimeError("输入法插件异常：" + "；".join(failed + [f"缺少 {m}" for m in missing]))
    loaded = present if names is None else [n for n in names if n in present]
    return "、".join(n.removeprefix("lib").split("platforminputcontext")[0] for n in loaded) or "无"
