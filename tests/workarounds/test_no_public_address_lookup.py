"""workarounds/no_public_address_lookup.py: Streamlit asks no outside service for this
computer's public address, as it did printing its addresses at a `make run`."""

from __future__ import annotations

import inspect

from streamlit import config, net_util
from streamlit.web import bootstrap
from streamlit.web.server import server_util

from workarounds.no_public_address_lookup import no_public_address_lookup


def test_the_look_up_answers_none_without_a_request(monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(net_util, "_make_blocking_http_get", lambda url, **_: asked.append(url))
    monkeypatch.setattr(net_util, "get_external_ip", net_util.get_external_ip)
    monkeypatch.setattr(net_util, "_external_ip", None)
    no_public_address_lookup()
    assert net_util.get_external_ip() is None and asked == []


def test_printing_the_servers_addresses_asks_no_one(monkeypatch, capsys):
    """What `make run` prints at its start (every address, headless), with nothing asked."""
    asked: list[str] = []
    monkeypatch.setattr(net_util, "_make_blocking_http_get", lambda url, **_: asked.append(url))
    monkeypatch.setattr(net_util, "get_external_ip", net_util.get_external_ip)
    monkeypatch.setattr(net_util, "_external_ip", None)
    monkeypatch.setattr(config, "is_manually_set", lambda name: False)
    monkeypatch.setattr(config, "get_option", _headless(config.get_option))
    no_public_address_lookup()
    bootstrap._print_url(False)
    printed = capsys.readouterr().out
    assert "Local URL" in printed and "External URL" not in printed and asked == []


def _headless(get_option):
    return lambda name: True if name == "server.headless" else get_option(name)


def test_canary_streamlit_still_asks_for_the_public_address_at_start():
    """Fails the day Streamlit stops looking its public address up: drop the workaround."""
    assert "net_util.get_external_ip()" in inspect.getsource(bootstrap._print_url)
    assert "net_util.get_external_ip" in inspect.getsource(server_util.is_url_from_allowed_origins)
