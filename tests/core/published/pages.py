"""Synthetic published pages in the ways real portals print them.

Labels are typed here as portals print them (variants included on purpose);
the numbers are chosen by hand so that every cell is different and the
expected draft values can be read off this file.
"""
from __future__ import annotations

# Section 三, 2021 format, as a portal prints it: ASCII brackets on some rows,
# "1、" numbering, a typo, an abbreviation, thousands separators, dashes and blanks.
APPLICANT_ROWS_2021 = [
    # (label cells printed before the values, values as printed)
    (["一、本年新收政府信息公开申请数量"], ["1,204", "20", "3", "4", "5", "6", "1,242"]),
    (["二、上年结转政府信息公开申请数量"], ["11", "0", "0", "0", "0", "1", "12"]),
    (["三、本年度办理结果", "(一)予以公开"], ["500", "8", "1", "1", "2", "3", "515"]),
    (["三、本年度办理结果", "(二)部分公开(区分处理的，只计这一情形，不计其他情形)"], ["40", "1", "0", "0", "0", "0", "41"]),
    (["三、本年度办理结果", "（三）不予公开", "1、属于国家秘密"], ["1", "0", "0", "0", "0", "0", "1"]),
    (["三、本年度办理结果", "（三）不予公开", "2.其他法律行政止公开"], ["2", "0", "0", "0", "0", "0", "2"]),
    (["三、本年度办理结果", "（三）不予公开", "3.危及\"三安全一稳定\""], ["3", "0", "0", "0", "0", "0", "3"]),
    (["三、本年度办理结果", "（三）不予公开", "4.保护第三方合法权益"], ["4", "0", "0", "0", "0", "0", "4"]),
    (["三、本年度办理结果", "（三）不予公开", "5.属于三类内部事务信息"], ["5", "0", "0", "0", "0", "0", "5"]),
    (["三、本年度办理结果", "（三）不予公开", "6.属于四类过程性信息"], ["6", "0", "0", "0", "0", "0", "6"]),
    (["三、本年度办理结果", "（三）不予公开", "7.属于行政执法案卷"], ["7", "0", "0", "0", "0", "0", "7"]),
    (["三、本年度办理结果", "（三）不予公开", "8.属于行政查询事项"], ["8", "0", "0", "0", "0", "0", "8"]),
    (["三、本年度办理结果", "（四）无法提供", "1.本机关不掌握相关政府信息"], ["300", "5", "1", "1", "1", "1", "309"]),
    (["三、本年度办理结果", "（四）无法提供", "2.没有现成信息需要另行制作"], ["30", "1", "0", "0", "0", "0", "31"]),
    (["三、本年度办理结果", "（四）无法提供", "3.补正后申请内容仍不明确"], ["10", "0", "0", "0", "0", "0", "10"]),
    (["三、本年度办理结果", "（五）不予处理", "1.信访举报投诉类申请"], ["20", "1", "0", "0", "0", "0", "21"]),
    (["三、本年度办理结果", "（五）不予处理", "2.重复申请"], ["25", "1", "0", "1", "0", "0", "27"]),
    (["三、本年度办理结果", "（五）不予处理", "3.要求提供公开出版物"], ["2", "0", "0", "0", "0", "0", "2"]),
    (["三、本年度办理结果", "（五）不予处理", "4.无正当理由大量反复申请"], ["9", "0", "0", "0", "0", "0", "9"]),
    (["三、本年度办理结果", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"], ["1", "0", "0", "0", "0", "0", "1"]),
    (["三、本年度办理结果", "（六）其他处理", "1.逾期不补正"], ["100", "2", "1", "0", "1", "1", "105"]),
    (["三、本年度办理结果", "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"],
     ["—", "/", "", "0", "0", "0", "0"]),
    (["三、本年度办理结果", "（六）其他处理", "3.其他"], ["50", "1", "0", "1", "0", "1", "53"]),
    (["三、本年度办理结果", "（七）总计"], ["1,123", "20", "3", "4", "4", "6", "1,160"]),
    (["四、结转下年度继续办理"], ["92", "0", "0", "0", "1", "1", "94"]),
]

# What the draft should hold for the rows above, column order 自然人 … 其他 (inputs), 总计 (stated).
COLUMNS = ["natural", "commercial", "research", "nonprofit", "legal_service", "other_org"]
EXPECTED_APPLICATION_INPUTS = {
    "new": [1204, 20, 3, 4, 5, 6], "carried_over": [11, 0, 0, 0, 0, 1], "granted": [500, 8, 1, 1, 2, 3],
    "partial": [40, 1, 0, 0, 0, 0], "state_secret": [1, 0, 0, 0, 0, 0], "prohibited_by_law": [2, 0, 0, 0, 0, 0],
    "three_safety": [3, 0, 0, 0, 0, 0], "third_party": [4, 0, 0, 0, 0, 0], "internal_affairs": [5, 0, 0, 0, 0, 0],
    "process_info": [6, 0, 0, 0, 0, 0], "enforcement_file": [7, 0, 0, 0, 0, 0], "query_matter": [8, 0, 0, 0, 0, 0],
    "not_held": [300, 5, 1, 1, 1, 1], "needs_creation": [30, 1, 0, 0, 0, 0], "unclear": [10, 0, 0, 0, 0, 0],
    "petition": [20, 1, 0, 0, 0, 0], "repeated": [25, 1, 0, 1, 0, 0], "publication": [2, 0, 0, 0, 0, 0],
    "excessive": [9, 0, 0, 0, 0, 0], "confirmation": [1, 0, 0, 0, 0, 0], "no_correction": [100, 2, 1, 0, 1, 1],
    "fee_unpaid": [None, None, None, 0, 0, 0], "other_reason": [50, 1, 0, 1, 0, 1],
    "carry_forward": [92, 0, 0, 0, 1, 1],
}
EXPECTED_TOTAL_COLUMN = {"new": 1242, "carried_over": 12, "granted": 515, "partial": 41, "not_held": 309,
                         "results_total": 1160, "carry_forward": 94, "fee_unpaid": 0, "other_reason": 53}

REVIEW_VALUES = ["3", "1", "0", "1", "5", "2", "0", "1", "0", "3", "1", "0", "0", "1", "2"]

OVERVIEW = ("2024年，本局深入贯彻《中华人民共和国政府信息公开条例》，全年主动公开政府信息1,000条。",
            "（一）主动公开。本年制发规范性文件4件。")
PROBLEMS = ("存在的问题是公开内容不够全面。", "下一步将加强培训。")
OTHER = "本年度未收取信息处理费。"


def _td(text: str, attrs: str = "") -> str:
    return f"<td{attrs}><p>{text}</p></td>"


def applications_table(rows: list[tuple[list[str], list[str]]], merged: bool = True) -> str:
    """Section 三.  merged=True prints the label area with rowspans as the national
    table does; merged=False breaks every merge into separate (blank) cells."""
    head = ("<tr><td colspan=3 rowspan=3>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>"
            "<td colspan=7>申请人情况</td></tr>"
            "<tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>"
            "<tr><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>")
    if not merged:
        head = head.replace(" colspan=3 rowspan=3", "").replace(" rowspan=2", "")
    body = []
    seen: set[str] = set()
    for labels, values in rows:
        cells = []
        if len(labels) == 1:
            cells.append(_td(labels[0], " colspan=3" if merged else "") + ("" if merged else "<td></td><td></td>"))
        else:
            for depth, lab in enumerate(labels):
                span = 3 - depth if depth == len(labels) - 1 else 1
                if merged and lab in seen and depth < len(labels) - 1:
                    continue  # covered by the rowspan of an earlier row
                if merged and depth < len(labels) - 1:
                    n = sum(1 for ls, _ in rows if len(ls) > depth and ls[depth] == lab)
                    cells.append(_td(lab, f" rowspan={n}"))
                    seen.add(lab)
                elif not merged and depth < len(labels) - 1:
                    cells.append(_td(lab if lab not in seen else ""))
                    seen.add(lab)
                else:
                    cells.append(_td(lab, f" colspan={span}" if merged and span > 1 else ""))
                    if not merged and span > 1:
                        cells.append("<td></td>" * (span - 1))
        cells += [_td(v if v else "&nbsp;") for v in values]
        body.append("<tr>" + "".join(cells) + "</tr>")
    return "<table border=1>" + head + "".join(body) + "</table>"


ACTIVE_2021 = """<table border=1>
<tr><td colspan=4>第二十条第(一)项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数（历史累计）</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>4</td><td>1</td><td>37</td></tr>
<tr><td colspan=4>第二十条第(五)项</td></tr>
<tr><td>信息内容</td><td colspan=3>本年处理决定数量</td></tr>
<tr><td>行政许可</td><td>2,345</td><td></td><td></td></tr>
<tr><td colspan=4>第二十条第(六)项</td></tr>
<tr><td>信息内容</td><td colspan=3>本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan=3>17</td></tr>
<tr><td>行政强制</td><td colspan=3>/</td></tr>
<tr><td colspan=4>第二十条第(八)项</td></tr>
<tr><td>信息内容</td><td colspan=3>本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan=3>20.3</td></tr>
</table>"""

REVIEW = ("<table border=1><tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>"
          "<tr><td rowspan=2>结果维持</td><td rowspan=2>结果纠正</td><td rowspan=2>其他结果</td>"
          "<td rowspan=2>尚未审结</td><td rowspan=2>总计</td><td colspan=5>未经复议直接起诉</td>"
          "<td colspan=5>复议后起诉</td></tr><tr>" + "".join(
              f"<td>{x}</td>" for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2) + "</tr><tr>"
          + "".join(f"<td>{v}</td>" for v in REVIEW_VALUES) + "</tr></table>")


def page_2021(*, charset: str = "utf-8", split: bool = False, merged: bool = True,
              rows: list[tuple[list[str], list[str]]] | None = None) -> str:
    """A 2024 report as a county portal prints it, wrapped in a layout table."""
    rows = APPLICANT_ROWS_2021 if rows is None else rows
    if split:
        table3 = applications_table(rows[:12], merged) + "<p>（续表）</p>" + applications_table(rows[12:], merged)
    else:
        table3 = applications_table(rows, merged)
    ps = "".join(f"<p>{p}</p>" for p in OVERVIEW)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>某某县自然资源局2024年政府信息公开工作年度报告_某某县人民政府</title></head>
<body><div class="nav">首页 &gt; 政务公开 &gt; 年度报告</div>
<table width=1000><tr><td><div class="article">
<h1>某某县自然资源局2024年政府信息公开工作年度报告</h1>
<p>本报告依据《中华人民共和国政府信息公开条例》编制。</p>
<p><strong>一、总体情况</strong></p>{ps}
<p><strong>二、主动公开政府信息情况</strong></p>{ACTIVE_2021}
<p><strong>三、收到和处理政府信息公开申请情况</strong></p>{table3}
<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>{REVIEW}
<p><strong>五、政府信息公开工作存在的主要问题及改进情况</strong></p>
<p>{PROBLEMS[0]}</p><p>{PROBLEMS[1]}</p>
<p><strong>六、其他需要报告的事项</strong></p><p>{OTHER}</p>
<p style="text-align:right">某某县自然资源局</p>
<p style="text-align:right">2025年1月20日</p>
</div></td></tr></table>
<div class="footer">主办：某某县人民政府办公室 网站标识码：1234567890</div>
</body></html>"""
