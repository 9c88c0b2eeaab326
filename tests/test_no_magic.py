"""Pages write only what they call Streamlit to write.

Streamlit's "magic" writes any bare expression in a page script: a note to the reader of
the code, written as a string under an assignment, was shown on every participant's phone.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "app.py", *sorted((ROOT / "views").glob("*.py"))]
_NEVER_WRITTEN = (ast.Call, ast.Await, ast.Yield, ast.YieldFrom)


def test_magic_is_off():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["magicEnabled"] is False


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_no_page_holds_an_expression_magic_would_write(page):
    tree = ast.parse(page.read_text())
    written = [
        f"line {stmt.lineno}: {ast.unparse(stmt)[:60]}"
        for node in ast.walk(tree)
        for index, stmt in enumerate(_statements(node))
        if isinstance(stmt, ast.Expr)
        and not isinstance(stmt.value, _NEVER_WRITTEN)
        and not _docstring(node, index, stmt)
    ]
    assert not written, f"{page.name} would write: {written}"


def _statements(node: ast.AST) -> list[ast.stmt]:
    body = getattr(node, "body", None)
    return (
        [*body, *getattr(node, "orelse", []), *getattr(node, "finalbody", [])]
        if isinstance(body, list)
        else []
    )


def _docstring(parent: ast.AST, index: int, stmt: ast.Expr) -> bool:
    if isinstance(parent, ast.ClassDef):
        return True  # magic leaves class bodies alone
    is_text = isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str)
    return index == 0 and is_text and isinstance(parent, ast.Module | ast.FunctionDef)
