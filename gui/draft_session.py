"""The draft a window edits: new, open, save, the one-window-per-draft locks,
the unsaved-changes prompt, autosave and crash recovery.

Talks to the user only through its `Host` (gui/host.py), so it can be tested
against a fake window.  Autosave writes a recovery snapshot of this session,
never the user's draft; each session holds a QLockFile beside its snapshot,
so only snapshots of sessions that are gone (crashed) are offered back."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QTimer

from core.model import Report
from core.resources import sample_path
from core.storage import DRAFT_SUFFIX, DraftError, load
from core.storage.recovery import RecoveryStore, Snapshot, new_session_id

from . import settings as app_settings
from .draft_locks import DraftLocks, in_use_message
from .messages import DISCARD, SAVE

if TYPE_CHECKING:
    from .document import Document
    from .host import Host

DRAFT_FILTER = f"年报草稿 (*{DRAFT_SUFFIX})"
LAST_YEAR_FILTER = (f"上年报告 (*{DRAFT_SUFFIX} *.html *.htm *.shtml *.mht *.mhtml *.docx *.doc *.wps *.pdf);;"
                    f"{DRAFT_FILTER};;已发布的报告 (*.html *.htm *.shtml *.mht *.mhtml *.docx *.doc *.wps *.pdf)")
AUTOSAVE_MS = 60_000


def display_name(doc: Document) -> str:
    """The draft's file name, or what an untitled report is about."""
    if doc.path:
        return doc.path.name
    m = doc.report.meta
    return f"未命名（{m.agency}{m.year}年度）" if m.agency else "未命名"


class DraftSession(QObject):
    def __init__(self, host: Host, *, autosave_ms: int = AUTOSAVE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.doc = host.doc
        # the lock of the draft this window edits follows doc.path (see draft_locks.py)
        self.locks = DraftLocks(app_settings.locks_dir())
        if self.doc.path is not None:
            self.locks.claim(self.doc.path)
        self.doc.path_changed.connect(lambda: self.locks.keep_only(self.doc.path))
        self.doc.text_cleaned.connect(lambda text: self.host.status(text, 10_000))

        self.session_id = new_session_id()
        self.recovery = RecoveryStore(app_settings.recovery_dir())
        self.recovery.directory.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(self.recovery.directory / f"autosave-{self.session_id}.lock"))
        self._lock.setStaleLockTime(0)
        self._lock.tryLock(0)
        self._changes_since_autosave = 0
        self.doc.changed.connect(self._note_change)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(autosave_ms)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

    def _note_change(self, _change: object) -> None:
        self._changes_since_autosave += 1

    # --- leaving the open report ---------------------------------------------------------

    def maybe_save(self) -> bool:
        """Before discarding the open report: True to go on, False to stay."""
        self.host.commit_editors()
        if not self.doc.dirty:
            return True
        answer = self.host.ask_unsaved()
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    def end(self) -> None:
        """The window closes (after maybe_save agreed): nothing left to recover,
        every lock released."""
        self.autosave_timer.stop()
        self.recovery.discard(self.session_id)
        self._lock.unlock()
        self.locks.release_all()

    # --- new and open ----------------------------------------------------------------------

    def new_report(self) -> None:
        if not self.maybe_save():
            return
        answer = self.host.ask_new_report(self.doc.report.meta.agency)
        if answer is not None:
            from core.skeleton import apply_skeleton

            report = Report(*answer)
            chosen = self.host.ask_skeleton([(n.key, n.heading, True, False) for n in report.form.narratives], False)
            apply_skeleton(report, chosen)
            self.doc.replace(report, None)
            self.host.show_section("overview")

    def new_from_last_year(self) -> None:
        """Last year's draft, or last year's report as published (web page, Word,
        PDF: read off the UI thread, then carried over the same way)."""
        if not self.maybe_save():
            return
        path = self.host.ask_open_path("选择上一年度的报告（草稿，或已发布的网页、Word、PDF）", LAST_YEAR_FILTER)
        if path is None:
            return
        if path.suffix.lower() != DRAFT_SUFFIX:
            from .published_actions import read_published

            read_published(self.host, path,  # type: ignore[arg-type]
                           lambda result: self._carry_from(result.to_report(), path, published=True))
            return
        try:
            previous = load(path)
        except DraftError as exc:
            self.host.show_error(str(exc), "无法新建")
            return
        self._carry_from(previous, path)

    def _carry_from(self, previous: Report, path: Path, published: bool = False) -> None:
        from core.carry import new_from_previous
        from core.forms import form_for_year

        try:
            form = form_for_year(previous.meta.year + 1)
            sections = [(n.key, n.heading, not previous.texts.get(n.key, "").strip(),
                         bool(previous.texts.get(n.key, "").strip())) for n in form.narratives]
            result = new_from_previous(previous, path.resolve(), skeleton=self.host.ask_skeleton(sections, True))
        except ValueError as exc:
            self.host.show_error(str(exc), "无法新建")
            return
        self.doc.replace(result.report, None, dirty=True)
        source = f"已发布的报告“{path.name}”" if published else f"“{path.name}”"
        lines = [f"已根据{source}新建{result.report.meta.year}年度报告。", "", "已结转："]
        lines += [f"· {x}" for x in result.carried]
        if result.not_carried:
            lines += ["", "未能结转（需按本年度实际填写）："] + [f"· {x}" for x in result.not_carried]
        if published:
            lines += ["", "上年数字读自已发布的报告，请核对“二、上年结转”等结转数字。"]
        self.host.show_info("从上年报告新建", "\n".join(lines))
        self.host.show_section("overview")

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path = self.host.ask_open_path("打开草稿", DRAFT_FILTER)
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path: Path, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        if not self.locks.claim(path):
            self.host.show_error(in_use_message(path), "草稿已打开")
            return False
        try:
            self.doc.open(path)
        except DraftError as exc:
            self.locks.keep_only(self.doc.path)
            self.open_failed(path, str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - whatever the file holds, the lock is released and the user told
            self.locks.keep_only(self.doc.path)
            self.open_failed(path, f"无法读取“{path.name}”：文件内容无法识别（{type(exc).__name__}），文件未被改动。")
            return False
        self.opened(path)
        for notice in self.doc.report.notices:  # characters cleaned on load: told once
            self.host.show_info("已清除无效字符", notice)
        self.doc.report.notices.clear()
        return True

    def opened(self, path: Path) -> None:
        app_settings.add_recent_file(str(path))
        self.host.status(f"已打开 {path}", 5000)

    def open_failed(self, path: Path, message: str, title: str = "无法打开") -> None:
        self.host.show_error(message, title)
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
            self.host.show_error(f"内置示例报告无法读取，安装可能已损坏，请重新安装。\n\n{exc}", "无法打开示例")
            return False
        self.doc.replace(report, None)
        self.host.status("已打开示例报告。修改后请用“另存为”保存到自己的文件夹。", 8000)
        return True

    # --- save ------------------------------------------------------------------------------

    def save(self) -> bool:
        self.host.commit_editors()
        if self.doc.path is None:
            return self.save_as()
        return self._save_to(self.doc.path)

    def save_as(self) -> bool:
        self.host.commit_editors()
        m = self.doc.report.meta
        suggested = f"{m.agency}{m.year}年度政府信息公开工作年度报告{DRAFT_SUFFIX}"
        path = self.host.ask_save_path("另存为", suggested, DRAFT_FILTER)
        if path is None:
            return False
        if path.suffix.lower() != DRAFT_SUFFIX:
            path = path.with_name(path.name + DRAFT_SUFFIX)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        if not self.locks.claim(path):
            self.host.show_error(f"“{path.name}”正在另一个年报助手窗口中编辑，不能覆盖。请换一个文件名保存。", "无法保存")
            return False
        try:
            self.doc.save(path)
        except DraftError as exc:
            self.locks.keep_only(self.doc.path)
            self.host.show_error(str(exc), "保存失败")
            return False
        app_settings.add_recent_file(str(path))
        self.recovery.discard(self.session_id)
        self._changes_since_autosave = 0
        self.host.status(f"已保存到 {path}", 5000)
        return True

    # --- autosave and recovery -------------------------------------------------------------

    def autosave(self) -> None:
        if not self.doc.dirty or not self._changes_since_autosave:
            return
        try:
            self.recovery.write(self.session_id, self.doc.report, self.doc.path)
            self._changes_since_autosave = 0
        except OSError as exc:
            self.host.status(f"自动备份失败：{exc.strerror or exc}", 8000)

    def orphaned_snapshots(self) -> list[Snapshot]:
        """Autosaves of sessions that are no longer running (crashed)."""
        out = []
        for snap in self.recovery.snapshots():
            if snap.session == self.session_id:
                continue
            lock = QLockFile(str(snap.path.with_suffix(".lock")))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                lock.unlock()
                out.append(snap)
        return sorted(out, key=lambda s: s.saved_at, reverse=True)

    def offer_recovery(self) -> bool:
        orphans = self.orphaned_snapshots()
        if not orphans:
            return False
        newest = orphans[0]
        if not self.host.ask_restore(newest, len(orphans) - 1):
            newest.path.unlink(missing_ok=True)
            return False
        try:
            report = RecoveryStore.load(newest)
        except DraftError as exc:
            self.host.show_error(f"自动备份已损坏，无法恢复：{exc}")
            return False
        source = newest.source
        if source is not None and not self.locks.claim(source):
            source = None  # open in another window by now: 保存 will ask where, nothing is overwritten
        self.doc.replace(report, source, dirty=True)
        newest.path.unlink(missing_ok=True)
        self._changes_since_autosave = 1
        self.autosave()
        self.host.status("已恢复自动备份的内容，请尽快保存。", 10000)
        return True
