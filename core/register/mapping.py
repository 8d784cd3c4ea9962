"""Mapping an office's own register layout onto the register's fields.

Columns are guessed from header names (the user reviews every guess); values of
the choice fields (收到方式, 申请人类型, 办理结果) map by themselves only when the
text is an official name; everything else needs the user's mapping, for which
`suggest_value` offers a starting point that is never applied silently.
"""
from __future__ import annotations

import re
import unicodedata

from .choices import applicant_labels, bare, official_applicant_names, official_result_names, result_labels
from .request import CHANNELS, EXTENDED_NO_DATE, FIELD_BY_KEY, FieldKind

# Header names seen in registers, per field; exact (normalised) names first.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "number": ("编号", "序号", "登记号", "登记编号", "申请编号", "受理编号", "流水号"),
    "received": ("收到日期", "收到申请日期", "收到时间", "申请日期", "申请时间", "受理日期", "受理时间", "登记日期",
                 "接收日期"),
    "channel": ("收到方式", "申请方式", "提交方式", "申请渠道", "收件方式", "方式"),
    "applicant_type": ("申请人类型", "申请人类别", "申请主体类型", "申请主体", "主体类型", "类型"),
    "applicant": ("申请人", "申请人姓名", "申请人名称", "姓名", "名称"),
    "content": ("申请内容", "申请事项", "申请公开的信息", "所需信息", "所需政府信息", "申请信息内容", "内容"),
    "correction_sent": ("补正通知日期", "补正告知日期", "告知补正日期", "通知补正日期", "补正通知"),
    "correction_received": ("补正收到日期", "收到补正日期", "补正材料收到日期", "补正日期"),
    "consult_start": ("征求第三方意见起", "征求第三方意见开始", "征求意见起", "征求意见开始日期", "征求意见日期",
                      "征求第三方意见日期"),
    "consult_end": ("征求第三方意见止", "征求第三方意见结束", "征求意见止", "征求意见结束日期", "第三方回复日期"),
    "extension_date": ("延期日期", "延期告知日期", "延长答复期限日期", "延期", "是否延期"),
    "answered": ("答复日期", "答复时间", "办结日期", "办结时间", "回复日期", "答复办结日期"),
    "result": ("办理结果", "答复结果", "处理结果", "办理情况", "答复类型", "答复方式及结果", "结果"),
    "fee": ("收费金额元", "收费金额", "收费", "信息处理费", "收费元"),
    "note": ("备注", "说明"),
}

CHOICE_FIELDS = ("channel", "applicant_type", "result")


def norm_header(text: object) -> str:
    s = unicodedata.normalize("NFKC", "" if text is None else str(text))
    s = re.sub(r"[\s*＊:：]+", "", s)
    s = s.replace("（", "(").replace("）", ")")
    s = re.sub(r"\((单位)?[:：]?元\)", "元", s)
    return s.replace("(", "").replace(")", "")


def guess_columns(headers: list[str]) -> dict[int, str]:
    """Column index -> field key, for the headers that look like a field.
    Exact names win over names that contain a known name; each field once."""
    scored: list[tuple[int, int, int, str]] = []  # (quality, -position, column, field)
    for col, raw in enumerate(headers):
        h = norm_header(raw)
        if not h:
            continue
        for key, names in HEADER_NAMES.items():
            for rank, name in enumerate(names):
                if h == name:
                    scored.append((1000 - rank, -col, col, key))
                elif len(name) >= 2 and name in h:
                    scored.append((len(name) * 10 - rank, -col, col, key))
    out: dict[int, str] = {}
    for _, _, col, key in sorted(scored, reverse=True):
        if col not in out and key not in out.values():
            out[col] = key
    return out


def norm_value(text: str) -> str:
    return bare(text)


def official_value(field: str, text: str, form_key: str) -> str | None:
    """The stored value for an official name, or None when the user must decide."""
    t = norm_value(text)
    if field == "result":
        return official_result_names(form_key).get(t)
    if field == "applicant_type":
        return official_applicant_names(form_key).get(t)
    if field == "channel":
        return t if t in CHANNELS else None
    return None


_APPLICANT_HINTS = (("律师", "legal_service"), ("律所", "legal_service"), ("公司", "commercial"),
                    ("企业", "commercial"), ("研究", "research"), ("大学", "research"), ("学院", "research"),
                    ("协会", "nonprofit"), ("基金会", "nonprofit"), ("公益", "nonprofit"), ("个人", "natural"),
                    ("公民", "natural"), ("自然人", "natural"))
_CHANNEL_HINTS = (("网", "网络"), ("在线", "网络"), ("邮件", "网络"), ("电子", "网络"), ("信", "邮寄"),
                  ("邮", "邮寄"), ("快递", "邮寄"), ("当面", "当面"), ("现场", "当面"), ("窗口", "当面"),
                  ("传真", "传真"))


def suggest_value(field: str, text: str, form_key: str) -> str | None:
    """A guess for the review step only; never applied without the user."""
    t = norm_value(text)
    if not t:
        return None
    if field == "applicant_type":
        return next((key for hint, key in _APPLICANT_HINTS if hint in t), None)
    if field == "channel":
        return next((ch for hint, ch in _CHANNEL_HINTS if hint in t), None)
    if field == "result":
        best, best_len = None, 0
        for key, label in result_labels(form_key).items():
            last = bare(label.split(" ")[-1])
            if last in t or (len(t) >= 4 and t in last):
                common = min(len(t), len(last))
                if common > best_len:
                    best, best_len = key, common
        return best
    return None


def value_label(field: str, value: str, form_key: str) -> str:
    """How a stored choice value is shown to the user."""
    if field == "result":
        return result_labels(form_key).get(value, value)
    if field == "applicant_type":
        return applicant_labels(form_key).get(value, value)
    return value


def choice_options(field: str, form_key: str) -> list[tuple[str, str]]:
    """(stored value, label) a choice field offers."""
    if field == "result":
        return list(result_labels(form_key).items())
    if field == "applicant_type":
        return list(applicant_labels(form_key).items())
    if field == "channel":
        return [(c, c) for c in CHANNELS]
    raise KeyError(field)


def resolve_target(field: str, target: str, form_key: str) -> str | None:
    """A mapping file may name the target by key (granted) or by official label (予以公开)."""
    keys = {v for v, _ in choice_options(field, form_key)}
    if target in keys:
        return target
    return official_value(field, target, form_key)


def is_choice(field: str) -> bool:
    return FIELD_BY_KEY[field].kind in (FieldKind.CHANNEL, FieldKind.APPLICANT, FieldKind.RESULT)


EXTENSION_WORDS = frozenset({"是", "已延期", "延期", "有", "√", "✓", EXTENDED_NO_DATE})
