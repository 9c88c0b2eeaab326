"""workarounds/gc_freeze.py: no full collection after each run; long-lived objects frozen."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import streamlit
from streamlit import config

from workarounds.gc_freeze import freeze_long_lived_objects

ROOT = Path(__file__).resolve().parents[2]


def test_the_app_turns_streamlit_s_collection_after_each_run_off(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert os.path.exists(".streamlit/config.toml")
    config.get_config_options(force_reparse=True)
    try:
        assert config.get_option("runner.postScriptGC") is False
    finally:
        config.get_config_options(force_reparse=True)


def test_streamlit_still_collects_after_every_run_by_default():
    """When this fails, Streamlit's default is off: the setting in config.toml can go."""
    assert config._config_options_template["runner.postScriptGC"].default_val is True


def test_what_is_alive_is_frozen_once_per_page():
    freeze_long_lived_objects.clear()
    try:
        freeze_long_lived_objects("some-page")
        frozen = gc.get_freeze_count()
        assert frozen > 0
        gc.unfreeze()
        freeze_long_lived_objects("some-page")
        assert gc.get_freeze_count() == 0, "the same page again: no second freeze"
        freeze_long_lived_objects("another-page")
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        freeze_long_lived_objects.clear()


def test_streamlit_still_freezes_nothing_itself():
    """When this fails, Streamlit freezes its long-lived objects: check whether after the
    first run of a page, then the freeze here can go."""
    package = Path(streamlit.__file__).parent
    freezing = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if "gc.freeze(" in path.read_text(encoding="utf-8", errors="replace")
    ]
    assert freezing == []
