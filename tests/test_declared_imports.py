"""Every package the code imports is declared in requirements*.txt, pinned exactly.

A package that only arrived with another one can leave with it on the next upgrade;
matplotlib, PIL and extra_streamlit_components were imported that way for months.
"""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OWN = {p.stem for p in ROOT.glob("*.py")} | {p.name for p in ROOT.iterdir() if p.is_dir()}
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)(\[[^\]]*\])?==\S+")


def _declared(*names: str) -> set[str]:
    found = set()
    for name in names:
        for line in (ROOT / name).read_text().splitlines():
            if match := PIN.match(line.strip()):
                found.add(_normal(match.group(1)))
    return found


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _imports(folders: list[Path]) -> dict[str, set[str]]:
    seen: dict[str, set[str]] = {}
    for folder in folders:
        files = [folder] if folder.is_file() else folder.rglob("*.py")
        for path in files:
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top not in sys.stdlib_module_names and top not in OWN:
                        seen.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return seen


def _undeclared(folders: list[Path], declared: set[str]) -> dict[str, list[str]]:
    distributions = packages_distributions()
    missing = {}
    for module, where in _imports(folders).items():
        names = {_normal(d) for d in distributions.get(module, [module])}
        if not names & declared:
            missing[module] = sorted(where)[:3]
    return missing


def test_the_app_imports_only_what_requirements_txt_declares():
    files = ["app.py", "runtime.py", "screens.py", "serve.py", "settings.py"]
    files += ["signin_routes.py", "idle_sessions.py"]
    folders = ["components", "services", "views", "db", "seed", "ops", "adapters", "workarounds"]
    folders += ["i18n"]
    app = [ROOT / name for name in files + folders]
    assert _undeclared(app, _declared("requirements.txt")) == {}


def test_tests_and_the_benchmark_import_only_what_requirements_dev_txt_declares():
    declared = _declared("requirements-dev.txt", "requirements.txt")
    assert _undeclared([ROOT / "tests", ROOT / "bench"], declared) == {}
