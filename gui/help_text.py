"""填报说明 shown by F1, written from the form declarations."""
from __future__ import annotations

from html import escape

from core import APP_NAME, __version__
from core.forms import FORMS, MatrixTable, NarrativeSection, TableSection, current_form


def guide_html() -> str:
    parts = [f"<h2>{APP_NAME} 填报说明</h2>",
             "<p>本软件完全离线运行，不联网、不上传任何数据。</p>",
             "<h3>一、基本步骤</h3><ol>"
             "<li>文件 → 新建：填写机关名称和报告年度，软件自动选用对应的国家格式。</li>"
             "<li>在“二、三、四”表格中填写数字：白色单元格可填写，灰色为自动计算的总计。直接打字即可开始填写，"
             "回车下移，Tab 右移，Delete 清除；可从 Excel/WPS 复制一块数字后用 Ctrl+V 粘贴。</li>"
             "<li>在“一、五、六”中填写正文，每段一行。</li>"
             "<li>查看下方“校验结果”：红色为错误，须改正；黄色为警告，请核实。双击可跳到对应单元格。</li>"
             "<li>文件 → 保存；文件 → 导出 Word / Excel。</li></ol>",
             "<h3>二、报告格式</h3><ul>"]
    for f in FORMS.values():
        years = f"{f.first_year}—{f.last_year}年度" if f.last_year else f"{f.first_year}年度起"
        parts.append(f"<li>{escape(f.short_name)}（{escape(f.document)}）：{years}</li>")
    parts.append("</ul><h3>三、各部分应说明的内容</h3>")
    form = current_form()
    for s in form.sections:
        if isinstance(s, NarrativeSection):
            parts.append(f"<p><b>{escape(s.heading)}</b>：{escape('；'.join(s.prompts))}。</p>")
        elif isinstance(s, TableSection) and isinstance(s.table, MatrixTable) and s.table.balances:
            rules = "；".join(b.rule_name for b in s.table.balances)
            parts.append(f"<p><b>{escape(s.heading)}</b>：须满足{escape(rules)}。</p>")
    parts.append("<h3>四、文件安全</h3><p>保存时先写入临时文件再替换，并保留上一次保存的备份（同名 .bak 文件）。"
                 "软件每分钟自动备份一次正在编辑的内容；如果意外关闭，下次启动时会提示恢复。</p>")
    return "".join(parts)


def about_html() -> str:
    return (f"<h3>{APP_NAME}（OGI Report）{__version__}</h3>"
            "<p>政府信息公开工作年度报告的离线填报、校验与导出工具。</p>"
            "<p>依据：《中华人民共和国政府信息公开条例》第五十条；"
            "国办公开办函〔2019〕60号、国办公开办函〔2021〕30号印发的年度报告格式；"
            "GB/T 9704-2012《党政机关公文格式》。</p><p>本软件不联网，不收集任何数据。</p>")
