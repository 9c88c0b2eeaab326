"""Streamlit settings the app relies on, read the way Streamlit reads them."""

from __future__ import annotations

import os
from pathlib import Path

from streamlit import config

ROOT = Path(__file__).resolve().parents[1]


def test_tables_offer_no_download_of_unneutralised_text(monkeypatch):
    # st.dataframe's toolbar CSV wrote "=HYPERLINK(...)" from a note unchanged; the option
    # hides it. Read through Streamlit, so a renamed option fails here, not in a room.
    monkeypatch.chdir(ROOT)
    assert os.path.exists(".streamlit/config.toml")
    config.get_config_options(force_reparse=True)
    try:
        assert config.get_option("client.disableDataExport") is True
    finally:
        config.get_config_options(force_reparse=True)


def test_a_browser_may_send_at_most_one_megabyte_of_widget_state(monkeypatch):
    monkeypatch.chdir(ROOT)
    config.get_config_options(force_reparse=True)
    try:
        assert config.get_option("server.maxWidgetStateSize") == 1
    finally:
        config.get_config_options(force_reparse=True)
