"""The layering rule, read from the imports: views -> components/services -> db, with
adapters (pure formats) below services and beside db, and workarounds (of Streamlit and
libraries) below components, beside services."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    """The top-level names of every module `path` imports, at any depth in the file."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def python_files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


FORBIDDEN = {
    "views": {"sqlalchemy", "db", "alembic"},
    "components": {"sqlalchemy", "db", "alembic"},
    "services": {"streamlit", "views", "components", "runtime", "app", "workarounds"},
    "db": {"streamlit", "services", "views", "components", "runtime", "app", "workarounds"},
    # Translations: used by every layer, so it may depend on none of them.
    "i18n": {"streamlit", "services", "db", "sqlalchemy", "views", "components", "runtime"},
    # Pure formats: no rules, no database, no screen.
    "adapters": {
        "streamlit",
        "services",
        "db",
        "sqlalchemy",
        "views",
        "components",
        "runtime",
        "workarounds",
    },
    # Operator commands run without Streamlit, through the services like the app does.
    "ops": {"streamlit", "views", "components", "runtime", "app", "workarounds"},
    # Each patches Streamlit or a library, knowing nothing of the app's rules or screens.
    "workarounds": {"services", "db", "sqlalchemy", "views", "components", "runtime", "app"},
}


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_layer_imports_what_it_must_not(layer):
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_modules(path) & FORBIDDEN[layer])
        for path in python_files(layer)
        if imported_modules(path) & FORBIDDEN[layer]
    }
    assert offenders == {}


def test_the_rule_catches_a_forbidden_import(tmp_path):
    sample = tmp_path / "page.py"
    sample.write_text("def f():\n    from sqlalchemy import select\n")
    assert "sqlalchemy" in imported_modules(sample)


def test_every_layer_has_code_to_check():
    for layer in FORBIDDEN:
        assert python_files(layer), f"{layer}/ has no Python files"


def test_every_services_package_says_what_it_owns():
    packages = [p for p in (ROOT / "services").iterdir() if (p / "__init__.py").exists()]
    assert len(packages) >= 10
    for package in packages:
        doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text()))
        assert doc and len(doc) > 40, f"services/{package.name}/__init__.py says nothing"


def test_services_has_no_loose_modules():
    loose = [p.name for p in (ROOT / "services").glob("*.py") if p.name != "__init__.py"]
    assert loose == []


@pytest.mark.parametrize("view", python_files("views"), ids=lambda p: p.name)
def test_every_view_is_thin(view: Path) -> None:
    """A view reads its context, makes one read, draws components and runs one action:
    sixty lines at most; the rules and the drawing live below it."""
    lines = len(view.read_text().splitlines())
    assert lines <= 60, f"{view.name} is {lines} lines: move its drawing into components/"
