"""Export settings: the fonts of the Word document.

They are user preferences (kept by the window with its other settings), not
part of a draft: the same draft must print right on a PC that lacks the
GB2312 fonts once the user picks a fallback there.
"""
from __future__ import annotations

from typing import Any

from ..records import asdict, fields, record

# GB/T 9704-2012 names as commonly installed, then fallbacks found on most PCs.
TITLE_FONTS = ("方正小标宋简体", "华文中宋", "宋体")
BODY_FONTS = ("仿宋_GB2312", "仿宋", "宋体")
HEADING1_FONTS = ("黑体", "微软雅黑", "宋体")
HEADING2_FONTS = ("楷体_GB2312", "楷体", "华文楷体", "宋体")
TABLE_FONTS = ("仿宋_GB2312", "仿宋", "宋体")


@record
class ExportSettings:
    title_font: str = TITLE_FONTS[0]
    body_font: str = BODY_FONTS[0]
    heading1_font: str = HEADING1_FONTS[0]
    heading2_font: str = HEADING2_FONTS[0]
    table_font: str = TABLE_FONTS[0]
    western_font: str = "Times New Roman"
    page_number_font: str = "宋体"
    line_spacing_pt: float = 29.0  # GB/T 9704: 22 lines in a 225 mm text block
    table_font_pt: float = 10.5  # 五号
    review_table_font_pt: float = 9.0  # 15 narrow columns in section 四
    bold_subheadings: bool = False  # the standard does not ask for bold
    html_charts: bool = False  # 导出网页 appends the 图解 as inline SVG
    sealed_signature: bool = False  # GB/T 9704 7.3.5.1: name centred over the date, date 右空四字
    contact_sentence: bool = True  # 如对本报告有疑问，请与…联系（…） when 联系方式 is filled in

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ExportSettings:
        """Settings saved by an older or newer version: keep what fits, default the rest."""
        kwargs: dict[str, Any] = {}
        defaults = cls()
        for name in fields(cls):
            if name not in data:
                continue
            value, default = data[name], getattr(defaults, name)
            if isinstance(default, bool):
                if isinstance(value, bool):
                    kwargs[name] = value
            elif isinstance(default, float):
                if isinstance(value, (int, float)) and not isinstance(value, bool) and 5 <= value <= 40:
                    kwargs[name] = float(value)
            elif isinstance(value, str) and value.strip():
                kwargs[name] = value.strip()
        return cls(**kwargs)


FONT_CHOICES: dict[str, tuple[str, ...]] = {
    "title_font": TITLE_FONTS,
    "body_font": BODY_FONTS,
    "heading1_font": HEADING1_FONTS,
    "heading2_font": HEADING2_FONTS,
    "table_font": TABLE_FONTS,
}
FONT_LABELS = {
    "title_font": "标题字体（二号）",
    "body_font": "正文字体（三号）",
    "heading1_font": "一级标题字体",
    "heading2_font": "二级标题字体",
    "table_font": "表格字体",
}
