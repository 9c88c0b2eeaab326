"""An empty choice says so in the reader's language: Streamlit's own placeholder is English
("Choose an option", "Choose options"), so every selectbox that starts empty and every
multiselect passes its own, through the catalogue."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.views.helpers import by_label

ROOT = Path(__file__).resolve().parents[2]


def _calls(name: str) -> list[tuple[str, ast.Call]]:
    found = []
    for folder in ("components", "views"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == name
                ):
                    found.append((f"{path.relative_to(ROOT)}:{node.lineno}", node))
    return found


def _keywords(call: ast.Call) -> dict[str, ast.expr]:
    return {k.arg: k.value for k in call.keywords if k.arg}


def test_every_selectbox_that_starts_empty_names_its_placeholder():
    empty = [
        (where, call)
        for where, call in _calls("selectbox")
        if isinstance(_keywords(call).get("index"), ast.Constant)
        and _keywords(call)["index"].value is None  # type: ignore[union-attr]
    ]
    assert empty, "no selectbox starts empty: the check reads nothing"
    missing = [where for where, call in empty if "placeholder" not in _keywords(call)]
    assert not missing, missing


def test_every_multiselect_names_its_placeholder():
    calls = _calls("multiselect")
    assert calls
    missing = [where for where, call in calls if "placeholder" not in _keywords(call)]
    assert not missing, missing


GROUP = {
    "en": ("Speaker's stakeholder group", "Choose an option"),
    "es": ("Grupo de partes interesadas de quien habló", "Elija una opción"),
}


@pytest.mark.parametrize("language", GROUP)
def test_a_tablets_empty_group_choice_reads_in_its_language(room_app, db, language):
    from services.setup import languages

    languages.set_own_language(db, room_app.room.scribe1, language)
    at = room_app("s1", {"table": "1"}).run().switch_page("views/listen.py").run()
    label, placeholder = GROUP[language]
    assert by_label(at.selectbox, label).proto.placeholder == placeholder
