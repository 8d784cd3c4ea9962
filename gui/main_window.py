"""The main window: section tabs, menus, findings, files, autosave."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import APP_NAME
from core.forms import TableSection
from core.model import Report
from core.resources import sample_path
from core.storage import DRAFT_SUFFIX, DraftError, load
from core.storage.recovery import RecoveryStore, Snapshot, new_session_id

from . import settings as app_settings
from .messages import DISCARD, SAVE, ask_unsaved, confirm, show_error, show_info
from .document import Document
from .draft_locks import DraftLocks, in_use_message
from .enum_props import set_enum_property
from .findings_panel import FindingsPanel
from .icons import app_icon
from .meta_tab import MetaTab

if TYPE_CHECKING:
    from core.checks import Finding

    from .narrative_tab import NarrativeTab
    from .table_tab import TableTab

DRAFT_FILTER = f"年报草稿 (*{DRAFT_SUFFIX})"


def _is_text_editor(widget) -> bool:
    """A narrative editor (QPlainTextEdit), without naming the class at start-up."""
    return widget is not None and widget.metaObject().className() == "QPlainTextEdit"
AUTOSAVE_MS = 60_000


class MainWindow(QMainWindow):
    def __init__(self, report: Report | None = None, path: Path | None = None, *,
                 autosave_ms: int = AUTOSAVE_MS) -> None:
        super().__init__()
        self.doc = Document(report, path, self)
        self.setWindowIcon(app_icon())
        # the lock of the draft this window edits follows doc.path (see draft_locks.py)
        self.locks = DraftLocks(app_settings.locks_dir())
        if path is not None:
            self.locks.claim(path)
        self.doc.path_changed.connect(lambda: self.locks.keep_only(self.doc.path))

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        set_enum_property(self.tabs, "elideMode", "ElideNone")
        self.meta_tab = MetaTab(self.doc)
        self.tabs.addTab(self.meta_tab, "基本信息")
        # Section tabs are built the first time they are shown: a cold start
        # then pays only for the tab on screen.
        self.section_tabs: dict[str, QWidget] = {}
        self._holders: dict[str, QWidget] = {}
        for section in self.doc.report.form.sections:
            holder = QWidget()
            holder.setLayout(QVBoxLayout())
            holder.layout().setContentsMargins(0, 0, 0, 0)
            self._holders[section.key] = holder
            self.tabs.addTab(holder, section.heading)
        self.preview_holder = QWidget()
        self.preview_holder.setLayout(QVBoxLayout())
        self.preview_holder.layout().setContentsMargins(0, 0, 0, 0)
        self.preview = None  # QTextBrowser, made when the tab is first shown
        self.tabs.addTab(self.preview_holder, "预览")
        self.tabs.currentChanged.connect(self._tab_changed)

        self.findings = FindingsPanel(self.doc)
        self.findings.activated.connect(self.show_finding)
        self.splitter = QSplitter()
        set_enum_property(self.splitter, "orientation", "Vertical")
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.findings)
        self.splitter.setCollapsible(0, False)
        self.splitter.setStretchFactor(0, 1)
        self.setCentralWidget(self.splitter)
        self._place_on_screen()

        self.findings_label = QLabel()
        self.statusBar().addPermanentWidget(self.findings_label)
        self._build_actions()

        self.doc.dirty_changed.connect(self._update_title)
        self.doc.path_changed.connect(self._update_title)
        self.doc.changed.connect(self._note_change)
        self.doc.findings_changed.connect(self._update_status)
        self._update_title()
        self._update_status()

        # Autosave to a recovery file of this session, never over the user's draft.
        self.session = new_session_id()
        self.recovery = RecoveryStore(app_settings.recovery_dir())
        self.recovery.directory.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(self.recovery.directory / f"autosave-{self.session}.lock"))
        self._lock.setStaleLockTime(0)
        self._lock.tryLock(0)
        self._changes_since_autosave = 0
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(autosave_ms)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

    def _place_on_screen(self) -> None:
        """Where the window was when it last closed; on a first start, as large as
        the tables want (1440×900) but never larger than the screen: many office
        PCs have 1366×768 laptop screens."""
        saved = app_settings.window_state()
        if saved is not None and self.restoreGeometry(saved[0]):
            self.splitter.restoreState(saved[1])
            return
        room = self.screen().availableGeometry()
        width, height = min(1440, room.width() * 94 // 100), min(900, room.height() * 90 // 100)
        self.setGeometry(room.x() + (room.width() - width) // 2, room.y() + (room.height() - height) // 2,
                         width, height)
        self.splitter.setSizes([height * 3 // 4, height // 4])

    # --- actions and menus -------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, str):
            # setShortcut(QKeySequence) would create PySide's Qt enums (see enum_props.py)
            action.setShortcuts([QKeySequence(shortcut)])
        elif shortcut is not None:
            action.setShortcuts(shortcut)  # a StandardKey: every binding of this platform
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        S = QKeySequence.StandardKey
        a = self._action
        self.act_new = a("新建(&N)…", self.new_report, S.New, "新建一份年度报告")
        self.act_open = a("打开(&O)…", self.open_dialog, S.Open, "打开草稿文件")
        self.act_new_from = a("从上年报告新建(&L)…", self.new_from_last_year, None,
                              "以上一年度的报告草稿为底稿新建，自动结转上年结转数等")
        self.act_save = a("保存(&S)", self.save, S.Save, "保存草稿")
        self.act_save_as = a("另存为(&A)…", self.save_as, S.SaveAs)
        self.act_export_docx = a("导出 Word 文档(&W)…", self.export_word, "Ctrl+E", "按公文格式导出 .docx")
        self.act_export_xlsx = a("导出 Excel 附表(&X)…", self.export_excel, None, "导出三张表格及校验结果")
        self.act_export_html = a("导出网页(&H)…", self.export_web, None, "导出可粘贴到门户网站的网页")
        self.act_template = a("导出空白填报模板(&T)…", self.export_blank_template, None, "给下级单位填写的空白 Excel")
        self.act_import = a("导入 Excel 附表(&I)…", self.import_excel, None, "用 Excel 附表中的数字替换当前表格")
        self.act_export_settings = a("导出设置…", self.edit_export_settings)
        self.act_print = a("打印预览(&P)…", self.print_preview, S.Print)
        self.act_quit = a("退出(&Q)", self.close, S.Quit)
        self.act_undo = a("撤销(&U)", self.undo, S.Undo)
        self.act_redo = a("重做(&R)", self.redo, "Ctrl+Y")
        self.act_copy = a("复制(&C)", self.copy, S.Copy)
        self.act_paste = a("粘贴(&P)", self.paste, S.Paste)
        self.act_clear = a("清除(&D)", self.clear, S.Delete)
        self.act_guide = a("填报说明(&H)", self.show_guide, S.HelpContents)
        self.act_about = a("关于(&A)", self.show_about)
        self.act_sample = a("打开示例报告(&S)", self.open_sample, None,
                            "打开一份真实的已发布年度报告作为填写参考（以未命名副本打开）")
        for act in (self.act_copy, self.act_paste, self.act_clear):
            # the grid handles these keys itself; the menu entries stay as visible entry points
            set_enum_property(act, "shortcutContext", "WidgetShortcut")

        menu = self.menuBar().addMenu("文件(&F)")
        menu.addActions([self.act_new, self.act_new_from, self.act_open])
        self.recent_menu = menu.addMenu("最近打开")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.addSeparator()
        menu.addActions([self.act_save, self.act_save_as])
        menu.addSeparator()
        export = menu.addMenu("导出")
        export.addActions([self.act_export_docx, self.act_export_xlsx, self.act_export_html, self.act_template])
        export.addSeparator()
        export.addAction(self.act_export_settings)
        menu.addAction(self.act_import)
        menu.addSeparator()
        menu.addAction(self.act_print)
        menu.addSeparator()
        menu.addAction(self.act_quit)

        edit = self.menuBar().addMenu("编辑(&E)")
        edit.addActions([self.act_undo, self.act_redo])
        edit.addSeparator()
        edit.addActions([self.act_copy, self.act_paste, self.act_clear])

        help_menu = self.menuBar().addMenu("帮助(&H)")
        help_menu.addActions([self.act_guide, self.act_sample])
        help_menu.addSeparator()
        help_menu.addAction(self.act_about)

        tb = self.addToolBar("常用")
        tb.setObjectName("main")
        set_enum_property(tb, "toolButtonStyle", "ToolButtonTextOnly")
        tb.addActions([self.act_new, self.act_open, self.act_save])
        tb.addSeparator()
        tb.addActions([self.act_undo, self.act_redo])
        tb.addSeparator()
        tb.addActions([self.act_export_docx, self.act_export_xlsx])

        self.doc.undo_stack.canUndoChanged.connect(self.act_undo.setEnabled)
        self.doc.undo_stack.canRedoChanged.connect(self.act_redo.setEnabled)
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = app_settings.recent_files()
        if not files:
            self.recent_menu.addAction("（无）").setEnabled(False)
        for path in files:
            act = self.recent_menu.addAction(path)
            act.triggered.connect(lambda _c=False, p=path: self.open_path(Path(p)))

    # --- helpers -------------------------------------------------------------------------

    def _ensure_tab(self, key: str) -> QWidget:
        tab = self.section_tabs.get(key)
        if tab is not None:
            return tab
        section = self.doc.report.form.section(key)
        if isinstance(section, TableSection):
            from .table_tab import TableTab

            tab = TableTab(self.doc, key)
            tab.view.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
            tab.view.paste_refused.connect(self._paste_refused)
            tab.model.error_handler = lambda text: self.statusBar().showMessage(text, 8000)
        else:
            from .narrative_tab import NarrativeTab

            tab = NarrativeTab(self.doc, key)
        self.section_tabs[key] = tab
        self._holders[key].layout().addWidget(tab)
        return tab

    def warm_up(self) -> None:
        """Build the section tabs in the background after start-up, one per
        event-loop turn, so that the first click on each is as quick as later
        ones (the first table tab costs ~70 ms: Qt's enums, the grid code, the
        layout).  Tables first: they cost the most."""
        sections = sorted(self.doc.report.form.sections, key=lambda s: not isinstance(s, TableSection))
        pending = [s.key for s in sections]

        def step() -> None:
            while pending:
                key = pending.pop(0)
                if key in self._holders and key not in self.section_tabs:
                    self._ensure_tab(key)
                    break
            if pending:
                QTimer.singleShot(0, step)

        QTimer.singleShot(0, step)

    def _key_of_holder(self, widget: QWidget) -> str | None:
        return next((k for k, h in self._holders.items() if h is widget), None)

    def table_tabs(self) -> list[TableTab]:
        return [t for t in self.section_tabs.values() if hasattr(t, "view")]  # type: ignore[misc]

    def commit_editors(self) -> None:
        for tab in self.table_tabs():
            tab.view.commit_editor()
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit):
            focus.editingFinished.emit()

    def _focused_table(self) -> TableTab | None:
        key = self._key_of_holder(self.tabs.currentWidget())
        tab = self.section_tabs.get(key) if key else None
        return tab if tab is not None and hasattr(tab, "view") else None  # type: ignore[return-value]

    def display_name(self) -> str:
        if self.doc.path:
            return self.doc.path.name
        m = self.doc.report.meta
        return f"未命名（{m.agency}{m.year}年度）" if m.agency else "未命名"

    def _update_title(self, *_args) -> None:
        self.setWindowTitle(f"{self.display_name()}{' *' if self.doc.dirty else ''} - {APP_NAME}")

    def _update_status(self) -> None:
        e, w = self.doc.error_count, self.doc.warning_count
        explained = f"，{self.doc.explained_count} 个已核实" if self.doc.explained_count else ""
        self.findings_label.setText(f"{e} 个错误，{w} 个警告{explained}")
        self.findings_label.setStyleSheet("color: #B00020;" if e else "color: #5F6B7A;")

    def _note_change(self, _change) -> None:
        self._changes_since_autosave += 1

    def _tab_changed(self, index: int) -> None:
        for tab in self.table_tabs():
            tab.view.commit_editor()
        widget = self.tabs.widget(index)
        key = self._key_of_holder(widget)
        if key is not None:
            self._ensure_tab(key)
        if widget is self.preview_holder:
            self.refresh_preview()

    def show_section(self, key: str) -> QWidget:
        tab = self._ensure_tab(key)
        self.tabs.setCurrentWidget(self._holders[key])
        return tab

    def refresh_preview(self) -> None:
        from PySide6.QtWidgets import QTextBrowser

        from core.export.html_page import html_text

        if self.preview is None:
            self.preview = QTextBrowser()
            self.preview.setOpenLinks(False)
            self.preview_holder.layout().addWidget(self.preview)
        self.preview.setHtml(html_text(self.doc.report))

    def _paste_refused(self, refused: list[str]) -> None:
        shown = "\n".join(refused[:10]) + (f"\n……共 {len(refused)} 处" if len(refused) > 10 else "")
        show_error(self, f"粘贴的内容中有不能填入的值，本次粘贴未执行：\n\n{shown}", "无法粘贴")

    def show_finding(self, finding: Finding) -> None:
        if finding.section == "meta":
            self.tabs.setCurrentWidget(self.meta_tab)
            return
        if finding.section not in self._holders:
            return
        tab = self.show_section(finding.section)
        if hasattr(tab, "view") and finding.cells:
            ref = next((r for r in finding.cells if r[0] == tab.model.table_key), None)
            if ref is not None:
                idx = tab.model.index_of(ref)
                tab.view.setCurrentIndex(idx)
                tab.view.scrollTo(idx)
                tab.view.setFocus()
        elif hasattr(tab, "editor"):
            tab.editor.setFocus()

    # --- edit menu ------------------------------------------------------------------------

    def undo(self) -> None:
        focus = QApplication.focusWidget()
        if _is_text_editor(focus) or (isinstance(focus, QLineEdit) and focus.isUndoAvailable()):
            focus.undo()  # text fields keep their own undo
            return
        self.commit_editors()
        self.doc.undo_stack.undo()

    def redo(self) -> None:
        focus = QApplication.focusWidget()
        if _is_text_editor(focus) or (isinstance(focus, QLineEdit) and focus.isRedoAvailable()):
            focus.redo()
            return
        self.doc.undo_stack.redo()

    def _clipboard(self, grid_action: str, text_action: str) -> None:
        """Copy or paste: in the grid on screen, or else in the focused text field."""
        tab = self._focused_table()
        focus = QApplication.focusWidget()
        if tab is not None:
            getattr(tab.view, grid_action)()
        elif _is_text_editor(focus) or isinstance(focus, QLineEdit):
            getattr(focus, text_action)()

    def copy(self) -> None:
        self._clipboard("copy_selection", "copy")

    def paste(self) -> None:
        self._clipboard("paste", "paste")

    def clear(self) -> None:
        tab = self._focused_table()
        if tab is not None:
            tab.view.clear_selection()

    # --- files ------------------------------------------------------------------------------

    def _ask_open_path(self, title: str, file_filter: str) -> Path | None:
        start = str(self.doc.path.parent) if self.doc.path else str(Path.home())
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, title, start, file_filter)
        return Path(path) if path else None

    def _ask_save_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        folder = self.doc.path.parent if self.doc.path else Path.home()
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, title, str(folder / suggested), file_filter)
        return Path(path) if path else None

    def _ask_unsaved(self) -> str:
        return ask_unsaved(self, self.display_name())

    def maybe_save(self) -> bool:
        """Before discarding the open report: True to go on, False to stay."""
        self.commit_editors()
        if not self.doc.dirty:
            return True
        answer = self._ask_unsaved()
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    def new_report(self) -> None:
        if not self.maybe_save():
            return
        from .dialogs import NewReportDialog

        dialog = NewReportDialog(self, self.doc.report.meta.agency)
        if dialog.exec():
            self.doc.replace(Report(dialog.agency.text().strip(), dialog.year.value()), None)
            self.show_section("overview")

    def new_from_last_year(self) -> None:
        from core.carry import new_from_previous
        from core.storage import load

        if not self.maybe_save():
            return
        path = self._ask_open_path("选择上一年度的报告草稿", DRAFT_FILTER)
        if path is None:
            return
        try:
            result = new_from_previous(load(path), path.resolve())
        except (DraftError, ValueError) as exc:
            show_error(self, str(exc), "无法新建")
            return
        self.doc.replace(result.report, None, dirty=True)
        lines = [f"已根据“{path.name}”新建{result.report.meta.year}年度报告。", "", "已结转："]
        lines += [f"· {x}" for x in result.carried]
        if result.not_carried:
            lines += ["", "未能结转（需按本年度实际填写）："] + [f"· {x}" for x in result.not_carried]
        show_info(self, "从上年报告新建", "\n".join(lines))
        self.show_section("overview")

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path = self._ask_open_path("打开草稿", DRAFT_FILTER)
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path: Path, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        if not self.locks.claim(path):
            show_error(self, in_use_message(path), "草稿已打开")
            return False
        try:
            self.doc.open(path)
        except DraftError as exc:
            self.locks.keep_only(self.doc.path)
            self.open_failed(path, str(exc))
            return False
        self.opened(path)
        return True

    def opened(self, path: Path) -> None:
        app_settings.add_recent_file(str(path))
        self.statusBar().showMessage(f"已打开 {path}", 5000)

    def open_failed(self, path: Path, message: str, title: str = "无法打开") -> None:
        show_error(self, message, title)
        if not path.exists():
            app_settings.remove_recent_file(str(path))

    def open_sample(self, ask: bool = True) -> bool:
        """The bundled sample, opened as an untitled copy: 保存 then asks where,
        so the installed sample is never overwritten."""
        if ask and not self.maybe_save():
            return False
        try:
            report = load(sample_path())
        except DraftError as exc:
            show_error(self, f"内置示例报告无法读取，安装可能已损坏，请重新安装。\n\n{exc}", "无法打开示例")
            return False
        self.doc.replace(report, None)
        self.statusBar().showMessage("已打开示例报告。修改后请用“另存为”保存到自己的文件夹。", 8000)
        return True

    def save(self) -> bool:
        self.commit_editors()
        if self.doc.path is None:
            return self.save_as()
        return self._save_to(self.doc.path)

    def save_as(self) -> bool:
        self.commit_editors()
        m = self.doc.report.meta
        suggested = f"{m.agency}{m.year}年度政府信息公开工作年度报告{DRAFT_SUFFIX}"
        path = self._ask_save_path("另存为", suggested, DRAFT_FILTER)
        if path is None:
            return False
        if path.suffix.lower() != DRAFT_SUFFIX:
            path = path.with_name(path.name + DRAFT_SUFFIX)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        if not self.locks.claim(path):
            show_error(self, f"“{path.name}”正在另一个年报助手窗口中编辑，不能覆盖。请换一个文件名保存。", "无法保存")
            return False
        try:
            self.doc.save(path)
        except DraftError as exc:
            self.locks.keep_only(self.doc.path)
            show_error(self, str(exc), "保存失败")
            return False
        app_settings.add_recent_file(str(path))
        self.recovery.discard(self.session)
        self._changes_since_autosave = 0
        self.statusBar().showMessage(f"已保存到 {path}", 5000)
        return True

    # --- autosave and recovery ------------------------------------------------------------------

    def autosave(self) -> None:
        if not self.doc.dirty or not self._changes_since_autosave:
            return
        try:
            self.recovery.write(self.session, self.doc.report, self.doc.path)
            self._changes_since_autosave = 0
        except OSError as exc:
            self.statusBar().showMessage(f"自动备份失败：{exc.strerror or exc}", 8000)

    def orphaned_snapshots(self) -> list[Snapshot]:
        """Autosaves of sessions that are no longer running (crashed)."""
        out = []
        for snap in self.recovery.snapshots():
            if snap.session == self.session:
                continue
            lock = QLockFile(str(snap.path.with_suffix(".lock")))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                lock.unlock()
                out.append(snap)
        return sorted(out, key=lambda s: s.saved_at, reverse=True)

    def _ask_restore(self, snap: Snapshot, others: int) -> bool:
        import datetime as dt

        when = dt.datetime.fromtimestamp(snap.saved_at).strftime("%Y-%m-%d %H:%M")
        source = f"（原文件：{snap.source}）" if snap.source else "（尚未保存过的新报告）"
        more = f"\n另有 {others} 份更早的自动备份。" if others else ""
        return confirm(self, "恢复未保存的内容",
                       f"上次年报助手没有正常关闭。发现 {when} 自动备份的“{snap.title}”{source}。\n\n是否恢复？{more}",
                       yes="恢复", no="不恢复")

    def offer_recovery(self) -> bool:
        orphans = self.orphaned_snapshots()
        if not orphans:
            return False
        newest = orphans[0]
        if not self._ask_restore(newest, len(orphans) - 1):
            newest.path.unlink(missing_ok=True)
            return False
        try:
            report = RecoveryStore.load(newest)
        except DraftError as exc:
            show_error(self, f"自动备份已损坏，无法恢复：{exc}")
            return False
        source = newest.source
        if source is not None and not self.locks.claim(source):
            source = None  # open in another window by now: 保存 will ask where, nothing is overwritten
        self.doc.replace(report, source, dirty=True)
        newest.path.unlink(missing_ok=True)
        self._changes_since_autosave = 1
        self.autosave()
        self.statusBar().showMessage("已恢复自动备份的内容，请尽快保存。", 10000)
        return True

    # --- export / import -------------------------------------------------------------------------

    def _default_name(self, suffix: str, what: str = "政府信息公开工作年度报告") -> str:
        m = self.doc.report.meta
        return f"{m.agency}{m.year}年{what}{suffix}"

    def _confirm_errors(self) -> bool:
        e = self.doc.error_count
        if not e:
            return True
        return confirm(self, "报告中有错误",
                       f"当前报告有 {e} 个错误（见“校验结果”）。带着错误导出的报告可能被退回。\n\n仍要导出吗？",
                       yes="仍然导出", no="返回修改")

    def _export(self, title: str, suffix: str, file_filter: str, write, what: str = "政府信息公开工作年度报告") -> None:
        from core.export.files import ExportError

        self.commit_editors()
        if not self._confirm_errors():
            return
        path = self._ask_save_path(title, self._default_name(suffix, what), file_filter)
        if path is None:
            return
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        try:
            write(path)
        except ExportError as exc:
            show_error(self, str(exc), "导出失败")
            return
        self.statusBar().showMessage(f"已导出到 {path}", 8000)

    # The exporters load python-docx/openpyxl, which would add ~170 ms to every
    # start; they are imported when first used.

    def export_word(self) -> None:
        from core.export.word import export_docx

        s = app_settings.export_settings()
        self._export("导出 Word 文档", ".docx", "Word 文档 (*.docx)", lambda p: export_docx(self.doc.report, p, s))

    def export_excel(self) -> None:
        from core.export.excel import export_xlsx

        self._export("导出 Excel 附表", ".xlsx", "Excel 工作簿 (*.xlsx)",
                     lambda p: export_xlsx(self.doc.report, p, self.doc.findings), "政府信息公开工作年度报告附表")

    def export_web(self) -> None:
        from core.export.html_page import export_html

        self._export("导出网页", ".html", "网页 (*.html)", lambda p: export_html(self.doc.report, p))

    def export_blank_template(self) -> None:
        from core.export.excel import export_template
        from core.export.files import ExportError

        m = self.doc.report.meta
        path = self._ask_save_path("导出空白填报模板", f"{m.year}年度政府信息公开工作年度报告填报模板.xlsx",
                                   "Excel 工作簿 (*.xlsx)")
        if path is None:
            return
        try:
            export_template(m.year, path, m.form_key)
        except ExportError as exc:
            show_error(self, str(exc), "导出失败")
            return
        self.statusBar().showMessage(f"已导出空白模板到 {path}", 8000)

    def import_excel(self) -> None:
        from core.importers.errors import XlsxImportError
        from core.importers.xlsx import apply_tables, read_xlsx_bytes

        self.commit_editors()
        path = self._ask_open_path("导入 Excel 附表", "Excel 工作簿 (*.xlsx)")
        if path is None:
            return
        try:
            tables = read_xlsx_bytes(path.read_bytes(), path.name)
        except OSError as exc:
            show_error(self, f"无法读取“{path.name}”（{exc.strerror or exc}）。", "导入失败")
            return
        except XlsxImportError as exc:
            show_error(self, str(exc), "导入失败")
            return
        report = self.doc.report
        if tables.form.key != report.form.key:
            show_error(self, f"“{path.name}”是{tables.form.short_name}的附表，当前报告使用{report.form.short_name}，不能导入。",
                       "导入失败")
            return
        if report.inputs and not confirm(self, "导入 Excel 附表", "导入将用附表中的数字替换当前三张表格中的全部数字（可撤销）。是否继续？",
                                         yes="导入"):
            return
        self.doc.replace_tables(lambda r: apply_tables(r, tables), "导入 Excel 附表")
        n = len(tables.inputs)
        stated = len(self.doc.report.reported_totals)
        note = f"已从“{path.name}”导入 {n} 个数字。"
        if stated:
            note += f"\n附表中有 {stated} 个总计与各项之和不符，已列入“校验结果”。"
        show_info(self, "导入完成", note)

    def edit_export_settings(self) -> None:
        from .dialogs import ExportSettingsDialog

        dialog = ExportSettingsDialog(app_settings.export_settings(), self)
        if dialog.exec():
            app_settings.save_export_settings(dialog.value())

    def print_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrinter

        self.commit_editors()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle("打印预览")
        from PySide6.QtGui import QTextDocument

        from core.export.html_page import html_text

        document = QTextDocument()
        document.setHtml(html_text(self.doc.report))
        dialog.paintRequested.connect(document.print_)
        dialog.exec()

    def show_guide(self) -> None:
        from .help_text import guide_html

        show_info(self, "填报说明", guide_html())

    def show_about(self) -> None:
        from .help_text import about_html

        show_info(self, f"关于{APP_NAME}", about_html())

    # --- closing ---------------------------------------------------------------------------------

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.maybe_save():
            event.ignore()
            return
        try:
            app_settings.save_window_state(bytes(self.saveGeometry()), bytes(self.splitter.saveState()))
        except OSError:
            pass  # a read-only settings folder must not keep the window from closing
        self.autosave_timer.stop()
        self.recovery.discard(self.session)
        self._lock.unlock()
        self.locks.release_all()
        event.accept()

    def narrative_tab(self, key: str) -> NarrativeTab:
        return self._ensure_tab(key)  # type: ignore[return-value]

    def table_tab(self, key: str) -> TableTab:
        return self._ensure_tab(key)  # type: ignore[return-value]

