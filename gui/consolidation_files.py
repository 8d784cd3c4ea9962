"""The 汇总 workspace's file actions: open and save the workspace, the roster
(import, template), per-unit templates to send out, collecting the units'
files and last year's workspace (on a worker thread), and exporting the sums.
A mixin of gui/consolidation_view.ConsolidationView, which holds the state
(`ws`, `path`, `state`) and the window (`window_`)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any


class WorkspaceFiles:
    """File actions of the 汇总 view (see ConsolidationView for the attributes)."""

    ws: Any
    path: Path | None
    state: Any
    window_: Any

    def set_workspace(self, ws: Any, path: Path | None) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    last_reports: dict[str, Any]
    modified: bool

    if TYPE_CHECKING:  # from gui/consolidation_changes.WorkspaceChanges (later in the view's bases)
        def mark_modified(self, modified: bool = True) -> None: ...
        def maybe_save(self) -> bool: ...
        def change(self, label: str, edit: Any) -> bool: ...

    def open_workspace(self) -> None:
        from core.consolidation import ConsolidationError
        from core.consolidation.storage import load

        if not self.maybe_save():
            return
        path = self.window_.ask_open_path("打开汇总文件", "汇总文件 (*.ogiw)")
        if path is None:
            return
        try:
            self.set_workspace(load(path), path)
        except ConsolidationError as exc:
            self.window_.show_error(str(exc), "无法打开")

    def save_workspace(self) -> None:
        from core.consolidation import ConsolidationError
        from core.consolidation.storage import SUFFIX, save

        path = self.path or self.window_.ask_save_path("保存汇总文件", f"{self.ws.year}年度汇总{SUFFIX}",
                                                       "汇总文件 (*.ogiw)")
        if path is None:
            return
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        try:
            save(self.ws, path)
        except ConsolidationError as exc:
            self.window_.show_error(str(exc), "无法保存")
            return
        self.path = path
        self.mark_modified(False)
        self.window_.status(f"已保存“{path.name}”", 4000)

    def import_roster(self) -> None:
        from core.consolidation import ConsolidationError
        from core.consolidation.roster import read_roster
        from core.consolidation.storage import SUFFIX, load

        path = self.window_.ask_open_path("导入单位名单", "单位名单 (*.xlsx *.ogiw)")
        if path is None:
            return
        notes: list[str] = []
        try:
            units = load(path).next_year().units if path.suffix.lower() == SUFFIX else read_roster(path, notes)
        except ConsolidationError as exc:
            self.window_.show_error(str(exc), "无法导入名单")
            return
        if self.ws.units and not self.window_.confirm(
                "导入单位名单", f"用“{path.name}”中的{len(units)}个单位替换现有名单（{len(self.ws.units)}个单位）？"
                "\n已收到的文件会按新名单重新对应；导入后可点“撤销上一步”恢复原名单。", yes="替换", no="取消"):
            return

        def replace() -> None:
            self.ws.units = units

        if self.change(f"导入单位名单“{path.name}”", replace):
            self.window_.status(f"已从“{path.name}”导入{len(units)}个单位", 6000)
            if notes:
                self.window_.show_info("导入单位名单", f"已导入{len(units)}个单位。\n" + "\n".join(notes[:10])
                                       + ("\n……" if len(notes) > 10 else ""))

    def save_roster_template(self) -> None:
        from core.consolidation.roster import roster_template_bytes
        from core.export.files import ExportError, write_output

        path = self.window_.ask_save_path("保存单位名单模板", "单位名单.xlsx", "Excel 工作簿 (*.xlsx)")
        if path is None:
            return
        try:
            write_output(path, roster_template_bytes(self.ws if self.ws.units else None))
        except ExportError as exc:
            self.window_.show_error(str(exc), "无法保存")

    def send_templates(self) -> None:
        """One template per unit, written on a worker thread (progress and 取消)."""
        from PySide6.QtWidgets import QFileDialog

        from core.consolidation import ConsolidationError, Workspace

        from .jobs import run_job

        if not self.ws.units:
            self.window_.show_error("单位名单是空的，没有可以生成的模板。请先导入单位名单或添加单位。", "无法生成模板")
            return
        folder = QFileDialog.getExistingDirectory(self, "选择保存模板的文件夹")
        if not folder:
            return
        roster = Workspace(self.ws.year, self.ws.name, list(self.ws.units))  # the worker gets its own list

        def work(progress: Any) -> list[Path]:
            from core.consolidation.templates import write_templates

            def step(done: int, total: int, text: str) -> None:
                progress.check()
                progress.update(done, total, text)

            return write_templates(roster, folder, step)

        def done(paths: list[Path]) -> None:
            self.window_.show_info("生成发送模板", f"已在“{folder}”中为{len(paths)}个单位生成{roster.year}年度的"
                                   "附表模板（文件名为单位名称加年度），可分别发给各单位填写。")

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ConsolidationError):
                self.window_.show_error(str(exc), "无法生成模板")
            else:
                self.window_.show_error(f"生成模板时出错（{type(exc).__name__}）。", "无法生成模板")

        run_job(self.window_, "正在生成发送模板", work, done, failed)

    # --- export ----------------------------------------------------------------------------------

    def export(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        c = self.state
        if c is None or c.sums is None:
            self.window_.show_error(c.error if c is not None and c.error else "还没有可以汇总的报告。", "导出汇总")
            return
        left_out = []
        if c.board.excluded_with_errors:
            left_out.append("以下单位的报告有错误，未纳入汇总：" + "、".join(c.board.excluded_with_errors) + "。")
        if c.board.to_review:
            left_out.append("以下单位报送的是已发布的报告，尚未核对，未纳入汇总：" + "、".join(c.board.to_review) + "。")
        if left_out and not self.window_.confirm("导出汇总", "\n".join(left_out) + "\n仍要导出吗？",
                                                 yes="导出", no="取消"):
            return
        folder = QFileDialog.getExistingDirectory(self, "选择保存汇总结果的文件夹")
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> Any:
        """Build and write the three files on a worker thread (progress and 取消; a cancelled export
        writes nothing, see core/consolidation/export).  Returns the Job."""
        from core.consolidation.export import FILES, export_all
        from core.export.files import ExportError
        from core.storage import DraftError

        from .jobs import run_job

        c = self.state
        assert c is not None and c.sums is not None

        def work(progress: Any) -> list[Path]:
            def step(done: int, total: int, text: str) -> None:
                progress.check()
                progress.update(done, total, text)

            return export_all(c, folder, step)

        def done(_paths: list[Path]) -> None:
            self.window_.show_info("导出汇总", f"已在“{folder}”中保存：{'、'.join(FILES)}。")

        def failed(exc: BaseException) -> None:
            if isinstance(exc, (DraftError, ExportError)):
                self.window_.show_error(str(exc), "导出汇总")
            else:
                self.window_.show_error(f"导出汇总时出错（{type(exc).__name__}）。", "导出汇总")

        # shown at once: the dialog is window-modal, so the board cannot change under the export
        return run_job(self.window_, "正在导出汇总", work, done, failed, delay_ms=0)

    # --- collecting (worker thread) -------------------------------------------------------------

    def choose_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(
            self, "添加各单位报送的文件", "",
            "报告文件 (*.ogir *.xlsx *.html *.htm *.mht *.mhtml *.docx *.doc *.wps *.pdf)")
        if names:
            self.add_paths(names)

    def choose_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name = QFileDialog.getExistingDirectory(self, "选择存放报送文件的文件夹")
        if name:
            self.add_paths([name])

    def add_paths(self, paths: list[str]) -> None:
        from core.consolidation import ConsolidationError
        from core.consolidation.session import add_paths

        try:
            skipped = add_paths(self.ws, paths)
        except ConsolidationError as exc:
            self.window_.show_error(str(exc), "添加文件")
            return
        self.mark_modified()
        if skipped:
            self.window_.status("已跳过：" + "；".join(skipped[:3]), 8000)
        known = self.state.readings if self.state is not None else {}
        self.collect([f.path for f in self.ws.files if f.path not in known])

    def collect(self, paths: list[str]) -> None:
        from .jobs import run_job

        def work(progress: Any) -> dict[str, Any]:
            from core.consolidation.session import read_all

            def step(done: int, total: int, text: str) -> None:
                progress.check()
                progress.update(done, total, text)

            return read_all(paths, step)

        def done(readings: dict[str, Any]) -> None:
            from collections import Counter

            from core.consolidation.session import Consolidation

            first = self.state is None or not self.state.readings
            years = Counter(r.report.meta.year for r in readings.values() if r.report is not None)
            if first and years and self.ws.year not in years:
                # the first files of a new 汇总 tell its year (as the CLI does); the spin box shows it
                self.ws.year = years.most_common(1)[0][0]
            if self.state is None:
                self.state = Consolidation(self.ws, readings, self.last_reports)
            else:
                self.state.readings.update(readings)
            self.refresh()

        run_job(self.window_, "正在读取各单位的文件", work, done)

    def choose_last_year(self) -> None:
        path = self.window_.ask_open_path("选择上一年度的汇总文件", "汇总文件 (*.ogiw)")
        if path is not None:
            self.load_last_year(str(path))

    def load_last_year(self, path: str) -> None:
        """Last year's reports (read on a worker thread) for the cross-year checks."""
        from .jobs import run_job

        def work(progress: Any) -> dict[str, Any]:
            from core.consolidation.session import last_year_reports

            def step(done: int, total: int, text: str) -> None:
                progress.check()
                progress.update(done, total, text)

            return last_year_reports(path, step)

        def done(reports: dict[str, Any]) -> None:
            if self.ws.last_year != path:
                self.ws.last_year = path
                self.mark_modified()
            self.last_reports = reports
            self.refresh()
            self.window_.status(f"已读入上一年度{len(reports)}个单位的报告，用于跨年度核对", 6000)

        run_job(self.window_, "正在读取上一年度的报告", work, done)
