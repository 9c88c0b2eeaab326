"""The strings the code marks for translation, read from the source as `make messages` does."""

from __future__ import annotations

import os
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
"""`_("…")`, `N_("…")`, `ngettext("one …", "{n} …", n)` and `pgettext("context", "…")`."""
SKIPPED = {"tests", "bench", "data", "test-artifacts", "locale", "migrations", "node_modules"}
"""Folders whose strings no person using the app reads (and hidden ones, like .venv)."""


def _wanted(path: str) -> bool:
    parts = Path(os.path.relpath(path, ROOT)).parts
    return not (set(parts) & SKIPPED or any(part.startswith(".") for part in parts))


def source_catalog() -> Catalog:
    """Every marked string of the code, with where it is, as one catalogue."""
    catalog = Catalog(project="Common Ground", charset="utf-8")
    found = extract_from_dir(
        ROOT,
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        callback=None,
        strip_comment_tags=True,
        directory_filter=_wanted,
    )
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog
