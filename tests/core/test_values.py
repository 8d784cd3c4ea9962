from __future__ import annotations

from decimal import Decimal

import pytest

from core.forms.schema import AMOUNT_UNIT_CHOICE, AMOUNT_WANYUAN, COUNT, SIGNED_COUNT
from core.model.values import InvalidValue, format_value, parse_number


@pytest.mark.parametrize(
    "text,expected",
    [("12", 12), ("１２", 12), ("1,234", 1234), ("1，234", 1234), (" 7 件", 7), ("", None), ("—", None),
     ("/", None), ("-", None), ("0", 0)],
)
def test_parse_counts(text, expected):
    assert parse_number(text, COUNT) == expected


@pytest.mark.parametrize("text", ["abc", "-3", "2.5", "12万元", "1e5"])
def test_parse_counts_refuses(text):
    with pytest.raises(InvalidValue):
        parse_number(text, COUNT)


def test_signed_and_amounts():
    assert parse_number("-8", SIGNED_COUNT) == -8
    assert parse_number("－8", SIGNED_COUNT) == -8
    assert parse_number("2429. 9828万元", AMOUNT_UNIT_CHOICE) == Decimal("2429.9828")
    assert parse_number("20.3", AMOUNT_WANYUAN) == Decimal("20.3")
    with pytest.raises(InvalidValue, match="小数位数"):
        parse_number("1.23456", AMOUNT_WANYUAN)
    with pytest.raises(InvalidValue, match="负数"):
        parse_number("-1.5", AMOUNT_WANYUAN)


def test_format():
    assert format_value(None) == ""
    assert format_value(None, blank="0") == "0"
    assert format_value(Decimal("20.30")) == "20.3"
    assert format_value(Decimal("20")) == "20"
    assert format_value(12) == "12"


def test_yuan_typed_into_a_wanyuan_cell_is_converted():
    # 本年收费金额（单位：万元）: a clerk types the amount in 元; 12000 元 are 1.2 万元 (not 12000 万元)
    assert parse_number("12000元", AMOUNT_WANYUAN) == Decimal("1.2")
    assert parse_number("１２，０００ 元", AMOUNT_WANYUAN) == Decimal("1.2")
    assert parse_number("12345元", AMOUNT_WANYUAN) == Decimal("1.2345")
    assert parse_number("3.5万元", AMOUNT_WANYUAN) == Decimal("3.5")
    with pytest.raises(InvalidValue, match="换算为万元后小数位数超过4位"):
        parse_number("12345.6元", AMOUNT_WANYUAN)
    # a cell with a unit choice keeps the number; the unit is chosen beside it
    assert parse_number("12000元", AMOUNT_UNIT_CHOICE) == 12000
