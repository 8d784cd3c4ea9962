"""Start the window: `python -m gui [DRAFT] [--sample]`."""
from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

# isort: off
# The plain-Python modules the window needs come before PySide6: once imported,
# PySide6 reads the source of every module imported after it (looking for
# `from __feature__ import ...`), about 0.1 ms a module when run from source
# (the packaged app has no source to read: there the order costs nothing).
import core.checks  # noqa: F401  (the window's findings)
import core.storage.recovery  # noqa: F401  (autosave)
from core import APP_NAME, __version__
from core.resources import sample_path
from core.storage import DraftError, load

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication
# isort: on

from . import settings as app_settings
from .first_frame import after_first_frame, quit_after_first_frame
from .icons import app_icon
from .input_method import REQUIRED_LINUX_PLUGINS, check_input_plugins, prepare_input_method
from .messages import show_error

CJK_UI_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
                "WenQuanYi Micro Hei", "Noto Sans SC", "PingFang SC")


def choose_ui_font(app: QApplication) -> None:
    families = set(QFontDatabase.families())
    for name in CJK_UI_FONTS:
        if name in families:
            font = QFont(name)
            font.setPointSizeF(max(app.font().pointSizeF(), 10))
            app.setFont(font)
            return


def load_translations(app: QApplication) -> None:
    """Chinese texts for Qt's own dialogs (file dialogs, print preview)."""
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = QTranslator(app)
        if translator.load(name, path):
            app.installTranslator(translator)
            app._translators = getattr(app, "_translators", []) + [translator]  # keep alive


def install_exception_hook(parent_getter) -> None:
    """Unexpected errors: write the traceback to a log, show a short Chinese
    message, and keep the window (and the user's work) alive."""

    def hook(exc_type, exc, tb) -> None:
        import datetime as dt  # here, not at start-up: they cost time before the first frame
        import traceback

        try:
            with app_settings.log_path().open("a", encoding="utf-8") as fh:
                fh.write(f"\n=== {dt.datetime.now().isoformat(timespec='seconds')} {APP_NAME} {__version__}\n")
                fh.write("".join(traceback.format_exception(exc_type, exc, tb)))
        except OSError:
            pass
        if issubclass(exc_type, KeyboardInterrupt):
            return
        show_error(parent_getter(), "发生了意外错误，刚才的操作可能没有完成。您的内容仍在窗口中，请尽快保存。\n\n"
                   f"错误已记录到：{app_settings.log_path()}", "意外错误")

    sys.excepthook = hook


# Qt's own options that take a value ("-platform offscreen"): Qt reads them from
# argv, and they must not be taken for the draft to open.
QT_VALUE_OPTIONS = {"-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-qwindowgeometry",
                    "-qwindowicon", "-qwindowtitle", "-style", "-stylesheet", "-display", "-geometry", "-title",
                    "-session", "-name"}


def without_qt_options(argv: list[str]) -> list[str]:
    out, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg in QT_VALUE_OPTIONS:
            skip = True
        elif not (arg.startswith("-") and not arg.startswith("--") and len(arg) > 2):
            out.append(arg)  # single-dash words are Qt flags such as -reverse
    return out


USAGE = f"""用法：ogi-report-gui [草稿文件] [--sample] [--self-test 目录]

{APP_NAME} 窗口。
  草稿文件            要打开的 .ogir 草稿
  --sample            打开内置示例报告
  --self-test 目录    不打开窗口：读取示例、校验、导出到该目录并检查，返回 0 表示正常
"""


class StartArgs:
    """What the command line asks for.  Parsed by hand: argparse (with gettext and
    locale) costs a few milliseconds before the first frame, for three options."""

    def __init__(self, draft: str | None = None, sample: bool = False, self_test: str | None = None) -> None:
        self.draft, self.sample, self.self_test = draft, sample, self_test


def parse_args(argv: list[str]) -> StartArgs:
    args = StartArgs()
    words = iter(without_qt_options(argv))
    for word in words:
        if word == "--sample":
            args.sample = True
        elif word == "--self-test" or word.startswith("--self-test="):
            args.self_test = word.partition("=")[2] or next(words, None) or "."
        elif word in ("-h", "--help"):
            print(USAGE)
            raise SystemExit(0)
        elif word.startswith("--"):
            continue  # an option of a newer version, or of Qt: not a draft
        elif args.draft is None:
            args.draft = word
    return args


def _qt_check() -> str:
    """The Qt libraries of this installation load and can lay out a window offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication as _App, QTableView

    app = _App.instance() or _App(["selftest", "-platform", os.environ["QT_QPA_PLATFORM"]])
    view = QTableView()
    view.resize(200, 100)
    view.grab()
    load_translations(app)
    if not getattr(app, "_translators", None):
        raise RuntimeError("没有找到 Qt 中文翻译（qtbase_zh_CN.qm），标准对话框将显示英文")
    # 图解: QtSvg is bundled and draws the sample's long image
    from core.charts import graphics

    from .chart_png import render_image

    chart = render_image(graphics(load(sample_path()))[0].svg)
    if chart.width() != 1080 or chart.height() < 1000:
        raise RuntimeError(f"图解绘制异常（{chart.width()}×{chart.height()}）")
    # input methods: every bundled plugin loads into this Qt, and the Linux package
    # carries fcitx's (统信UOS/麒麟) and ibus's.  From source only the ones the package
    # would ship are loaded (the wheel has others whose libraries it lacks).
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    if getattr(sys, "frozen", False) and sys.platform.startswith("linux"):
        ims = check_input_plugins(plugins, REQUIRED_LINUX_PLUGINS)
    else:
        ims = check_input_plugins(plugins, (), REQUIRED_LINUX_PLUGINS)
    from .selftest_icu import icu_check

    return (f"PySide6 {__import__('PySide6').__version__}，平台 {app.platformName()}，中文翻译已加载，"
            f"图解可绘制（{chart.width()}×{chart.height()}），输入法插件可加载（{ims}）{icu_check()}")


def self_test(out_dir: str) -> int:
    from core.selftest import run_self_test

    ok, lines = run_self_test(Path(out_dir), _qt_check)
    try:
        print("\n".join(lines), flush=True)
    except (OSError, ValueError, AttributeError):
        pass  # a windowed executable may have no console; selftest.txt has the result
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    if args.self_test:
        gc.enable()
        return self_test(args.self_test)
    # before the QApplication: Qt reads the input-method variables when it is made
    prepare_input_method(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)))
    # no organization name: Qt would nest the data folder in a second "OGI Report" (gui/settings.py)
    QApplication.setApplicationName(app_settings.APP_FOLDER)
    QApplication.setApplicationDisplayName(APP_NAME)
    app = QApplication.instance() or QApplication(argv)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    app.setWindowIcon(app_icon())
    choose_ui_font(app)

    # The draft is read before the window is built, so that the window starts with
    # it (one round of checks, one layout) instead of with an empty report.
    target = Path(args.draft) if args.draft else sample_path() if args.sample else None
    report, failure = None, None
    if target is not None:
        try:
            report = load(target)
        except DraftError as exc:
            failure = exc

    from .draft_locks import in_use_elsewhere, in_use_message
    from .main_window import MainWindow

    refused = None
    if report is not None and args.draft and in_use_elsewhere(target, app_settings.locks_dir()):
        # double-clicked again while its window is hidden behind others
        report, refused = None, in_use_message(target)

    # the sample opens untitled, so that 保存 never writes into the installation
    window = MainWindow(report, target if report is not None and args.draft else None)
    install_exception_hook(lambda: window)
    window.show()
    if os.environ.get("OGI_REPORT_QUIT_AFTER_SHOW"):
        # start-up benchmarks ("stamp": a clock reading) and smoke tests (the start-up time)
        quit_after_first_frame(window, stamp=os.environ["OGI_REPORT_QUIT_AFTER_SHOW"] == "stamp")

    def finish_start() -> None:
        """What the first frame does not need."""
        gc.enable()  # off since gui/launch.py, to keep it out of start-up
        load_translations(app)  # Qt's own dialogs and context menus
        if refused is not None:
            window.drafts.open_failed(target, refused, "草稿已打开")
        elif failure is not None:
            window.drafts.open_failed(target, str(failure))
        elif args.draft:
            window.drafts.opened(target)
        window.after_start()

    after_first_frame(window, finish_start)
    return app.exec()
