"""One request of the 依申请公开登记台账 and the register's columns.

The column labels here are the register's own (an office's working list), not
labels of the national format: the applicant types and results a request
takes are the keys of 表三's columns and rows, labelled from core/forms.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from typing import NamedTuple

from ..records import record

FieldValue = str | date | Decimal | bool | None


class FieldKind(Enum):
    TEXT = "text"
    DATE = "date"
    CHANNEL = "channel"  # one of CHANNELS
    APPLICANT = "applicant"  # a value column key of 表三
    RESULT = "result"  # a result row key of 表三
    MONEY = "money"  # yuan, up to 2 decimals
    FLAG = "flag"


@record
class FieldSpec:
    key: str
    label: str
    kind: FieldKind
    private: bool = False  # personal data: never written into the report documents


# 第三十一条 names the ways a request arrives; 其他 covers the rest (e.g. 信函 by courier).
CHANNELS = ("当面", "邮寄", "网络", "传真", "其他")


class Request(NamedTuple):
    """Immutable; a NamedTuple because registers hold tens of thousands and a tuple is
    the cheapest record to create when a draft is opened."""

    number: str = ""  # 编号
    received: date | None = None  # 收到日期
    channel: str = ""  # 收到方式
    applicant_type: str = ""  # 申请人类型: a value column key of 表三 (natural, commercial …)
    applicant: str = ""  # 申请人 (name; personal data)
    content: str = ""  # 申请内容 (personal data)
    correction_sent: date | None = None  # 补正通知日期
    correction_received: date | None = None  # 补正收到日期
    consult_start: date | None = None  # 征求第三方意见 起
    consult_end: date | None = None  # 征求第三方意见 止
    extended: bool = False  # 延期 (even when the date is not known)
    extension_date: date | None = None  # 延期日期 (告知申请人延期的日期)
    answered: date | None = None  # 答复日期
    result: str = ""  # 办理结果: a result row key of 表三
    fee: Decimal | None = None  # 收费金额（元）
    note: str = ""  # 备注

    def get(self, key: str) -> FieldValue:
        value: FieldValue = getattr(self, key)
        return value

    def with_fields(self, **changes: Any) -> Request:
        if "extension_date" in changes and changes["extension_date"] is not None:
            changes.setdefault("extended", True)
        return self._replace(**changes)

    @property
    def finished(self) -> bool:
        return self.answered is not None

    def open_at(self, day: date) -> bool:
        """Received on or before `day` and not answered by the end of it."""
        return (self.received is not None and self.received <= day
                and (self.answered is None or self.answered > day))


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("number", "编号", FieldKind.TEXT),
    FieldSpec("received", "收到日期", FieldKind.DATE),
    FieldSpec("channel", "收到方式", FieldKind.CHANNEL),
    FieldSpec("applicant_type", "申请人类型", FieldKind.APPLICANT),
    FieldSpec("applicant", "申请人", FieldKind.TEXT, private=True),
    FieldSpec("content", "申请内容", FieldKind.TEXT, private=True),
    FieldSpec("correction_sent", "补正通知日期", FieldKind.DATE),
    FieldSpec("correction_received", "补正收到日期", FieldKind.DATE),
    FieldSpec("consult_start", "征求第三方意见起", FieldKind.DATE),
    FieldSpec("consult_end", "征求第三方意见止", FieldKind.DATE),
    FieldSpec("extension_date", "延期日期", FieldKind.DATE),
    FieldSpec("answered", "答复日期", FieldKind.DATE),
    FieldSpec("result", "办理结果", FieldKind.RESULT),
    FieldSpec("fee", "收费金额（元）", FieldKind.MONEY),
    FieldSpec("note", "备注", FieldKind.TEXT),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}
# 延期 without a date is stored as the flag; the 延期日期 column shows it.
EXTENDED_NO_DATE = "已延期"
STORED_FIELDS: tuple[str, ...] = Request._fields
