"""Plain arithmetic in input cells of a workbook a script wrote.

openpyxl and pandas write formulas without a cached result, so reading the
workbook's values gives nothing for "=2+3".  Such a formula is evaluated here
when it is only numbers, + - * / and parentheses; anything else (a cell
reference, a function) cannot be evaluated without Excel and is refused by
the caller, naming the cell.  Evaluation walks a parsed tree of those few
node kinds with Decimal: no eval(), no powers, bounded size.
"""
from __future__ import annotations

import ast
import re
from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext

MAX_FORMULA_CHARS = 200
_ALLOWED = re.compile(r"=[\d\s.+\-*/()]+")
_OPS = {ast.Add: Decimal.__add__, ast.Sub: Decimal.__sub__, ast.Mult: Decimal.__mul__, ast.Div: Decimal.__truediv__}


class NotArithmetic(ValueError):
    """The formula is more than plain arithmetic on numbers."""


def _eval(node: ast.AST) -> Decimal:
    if isinstance(node, ast.Expression):
        return _eval(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return Decimal(str(node.value))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.UAdd, ast.USub)):
        v = _eval(node.operand)
        return -v if isinstance(node.op, ast.USub) else v
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_eval(node.left), _eval(node.right))
    raise NotArithmetic


def evaluate(formula: str) -> Decimal:
    """The value of "=2+3", "=(10-4)/2" …; raises NotArithmetic otherwise."""
    text = formula.strip()
    if len(text) > MAX_FORMULA_CHARS or not _ALLOWED.fullmatch(text):
        raise NotArithmetic
    try:
        tree = ast.parse(text[1:].strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise NotArithmetic from None
    with localcontext() as ctx:
        ctx.prec = 28
        ctx.traps[DivisionByZero] = True
        try:
            return _eval(tree)
        except (InvalidOperation, ArithmeticError, RecursionError):
            raise NotArithmetic from None
