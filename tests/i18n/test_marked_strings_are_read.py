"""Every string the code marks reaches the catalogue: Babel (on Python 3.11) reads no `_()`
inside an f-string's braces, so a string marked there would show English to everyone."""

from __future__ import annotations

import ast
from pathlib import Path

from i18n.extract import ROOT, _wanted, source_catalog

MARKERS = {"_": 0, "N_": 0, "ngettext": 0, "pgettext": 1}
"""Each marker, and which of its arguments is the English text (pgettext's first is its
context)."""


def marked_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every `_("…")`, `N_("…")`, `ngettext("…", …)` and
    `pgettext(context, "…")` in `path`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in MARKERS
            and len(node.args) > MARKERS[node.func.id]
        ):
            continue
        text = node.args[MARKERS[node.func.id]]
        if isinstance(text, ast.Constant) and isinstance(text.value, str):
            found.append((node.lineno, text.value))
    return found


def test_babel_reads_every_marked_string():
    extracted = {
        str(m.id[0] if isinstance(m.id, tuple) else m.id) for m in source_catalog() if m.id
    }
    unread = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in sorted(ROOT.rglob("*.py"))
        if _wanted(str(path))
        for line, text in marked_literals(path)
        if text not in extracted
    ]
    assert unread == [], "marked inside an f-string? Move the _() out of the braces"


def test_the_check_finds_a_string_marked_inside_an_f_string(tmp_path):
    sample = tmp_path / "page.py"
    sample.write_text("x = f\"<b>{_('Hello')}</b>\"\n")
    assert marked_literals(sample) == [(1, "Hello")]
