"""`ogi-report charts DRAFT -o DIR`: the 图解 — the long image and every chart,
each as SVG and PNG.  PNG goes through Qt's SVG renderer (gui/chart_png.py),
imported only here and only when PNG is asked for: core itself never loads Qt."""
from __future__ import annotations

import argparse
from pathlib import Path

from .command import EXIT_OK, CliError, Command


def arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="草稿文件")
    p.add_argument("-o", "--output", metavar="DIR", required=True, help="输出文件夹（不存在时自动创建）")
    p.add_argument("--svg-only", action="store_true", help="只输出 SVG 图（不需要图形组件）")


def run(args: argparse.Namespace) -> int:
    from ..charts import graphics
    from ..export.files import write_output
    from ..storage import load

    report = load(args.file)
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise CliError(f"“{out}”是一个文件，不是文件夹。请用 -o 指定输出文件夹。")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(f"无法创建输出文件夹“{out}”（{exc.strerror or exc}）。") from None
    items = graphics(report, args.file)
    if args.svg_only:
        written = []
        for g in items:
            path = out / f"{g.stem}.svg"
            write_output(path, g.svg.encode("utf-8"))
            written.append(path)
    else:
        try:
            from gui.chart_png import write_graphics
        except ImportError as exc:
            raise CliError(f"无法加载绘制 PNG 所需的图形组件（{exc}）。可加 --svg-only 只输出 SVG。") from None
        written = write_graphics(items, out)
    for path in written:
        print(f"已输出：{path}")
    return EXIT_OK


COMMAND = Command("charts", "输出图解：长图和各分图（SVG 与 PNG）", arguments, run)
